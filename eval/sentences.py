"""End-to-end gold from the project's labelled statements: every annotated text of one language and split becomes
a gold document in the seed format, so that `stance eval-e2e` scores the whole pipeline (attribution, targets,
stance) on real news sentences it never trained on.

The labelled pairs were chosen by annotators reading for evaluative statements, not listed exhaustively, so a
predicted pair missing from them is not always wrong: recall is the trustworthy figure here, precision a lower
bound.

    python -m eval.sentences ar test -o /tmp/ar_test_gold.jsonl
    stance eval-e2e /tmp/ar_test_gold.jsonl --write-articles /tmp/ar_test_articles.jsonl
    stance analyze /tmp/ar_test_articles.jsonl -o /tmp/ar_test_pred.jsonl
    stance eval-e2e /tmp/ar_test_gold.jsonl /tmp/ar_test_pred.jsonl
"""
from __future__ import annotations

import argparse
import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

# EXHAUSTIVE_FILES: the annotation files in which every attributed statement of each text, and every (speaker,
# target) pair of it, was labelled (training/annotations/README.md): their documents are exhaustive gold, so
# precision on them is real
from training.datasets.annotations import EXHAUSTIVE_FILES, exhaustive_ids, load_annotations

__all__ = ["EXHAUSTIVE_FILES", "gold_documents", "write_jsonl"]


def gold_documents(lang: str, split: str, root: str | None = None, data_dir: str | None = None,
                   exhaustive_only: bool = False) -> list[dict]:
    """Gold documents (seed format) for the annotated texts of `lang`/`split`, one per distinct text;
    `exhaustive_only` keeps the texts of `EXHAUSTIVE_FILES` (every statement and pair labelled)."""
    docs: dict[str, dict] = {}
    keep = exhaustive_ids(lang, root) if exhaustive_only else None
    for ex in load_annotations(lang, split, root=root, data_dir=data_dir):
        item = ex.item
        if keep is not None and item.id not in keep:
            continue
        text = item.text
        doc_id = f"{lang}-{split}-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
        doc = docs.setdefault(doc_id, {"id": doc_id, "text": text, "lang": lang, "statements": [],
                                       "source": {"dataset": f"training/annotations/{lang}", "split": split}})
        sp = item.speaker
        speaker = text[sp[0]:sp[1]] if sp else None
        st = next((s for s in doc["statements"] if s["speaker"] == speaker
                   and s.get("speaker_start") == (sp[0] if sp else None)), None)
        if st is None:
            st = {"speaker": speaker, "speaker_start": sp[0] if sp else None, "targets": []}
            doc["statements"].append(st)
        t = item.target
        st["targets"].append({"target": text[t[0]:t[1]], "target_start": t[0], "stance": ex.stance})
    return list(docs.values())


def write_jsonl(docs: Iterable[dict], path: str | Path) -> int:
    n = 0
    with open(path, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
            n += 1
    return n


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("lang", choices=["ar", "en", "fr"])
    ap.add_argument("split", choices=["train", "dev", "test"])
    ap.add_argument("-o", "--output", required=True, help="gold JSONL to write")
    ap.add_argument("--data", default=None, help="shared data folder (default: $STANCE_DATA or ../shared/data)")
    ap.add_argument("--exhaustive", action="store_true",
                    help="only the texts whose every statement and pair was labelled (precision is then real)")
    args = ap.parse_args(argv)
    n = write_jsonl(gold_documents(args.lang, args.split, data_dir=args.data, exhaustive_only=args.exhaustive),
                    args.output)
    print(f"wrote {n} gold documents to {args.output}")


if __name__ == "__main__":
    main()
