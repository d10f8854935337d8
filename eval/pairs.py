"""Speaker/target pairs without stance: how well attribution and target finding alone do on the Arabic texts that
were labelled exhaustively (every statement and pair of each text), with no classifier and no target filter.

    python -m eval.pairs                  # train and dev exhaustive texts
    python -m eval.pairs --splits dev
    python -m eval.pairs --lang fr        # French (and English): all labelled texts, see below

The figure is triple F1 with every stance set equal, the same matching as `stance eval-e2e` (`eval.endtoend`): spans
match when they overlap, so a speaker or target span that runs a word too long or too short still counts, and a
statement without targets is not scored at all. It is the quick measure used while writing attribution and target
rules (seconds, no transformer), on train where rules are written and on dev to check them; test is for the final
report. Check span boundaries with the sentence tests in `tests/test_pipeline.py`, not with this figure.

Only Arabic has exhaustively labelled texts. For French and English (`--lang`) every labelled text is read, but its
pairs were chosen for evaluative statements, not listed exhaustively: there recall is the figure to read and precision
a lower bound. Gold pairs of the author's own voice (no speaker) count as misses, as in `stance eval-e2e`.
"""
from __future__ import annotations

import argparse
from stance.pipeline import Pipeline
from stance.records import Article

from .endtoend import Triple, score_triples
from .sentences import gold_documents


def pair_scores(split: str, lang: str = "ar", pipeline: Pipeline | None = None, data_dir: str | None = None) -> dict:
    """Precision, recall and F1 of (speaker, target) pairs on the labelled texts of `lang`/`split` (for Arabic, the
    exhaustive ones only)."""
    nlp = pipeline or Pipeline.load(with_classifier=False)
    gold: dict[str, list[Triple]] = {}
    pred: dict[str, list[Triple]] = {}
    for doc in gold_documents(lang, split, data_dir=data_dir, exhaustive_only=lang == "ar"):
        text = doc["text"]
        gold[doc["id"]] = [
            Triple(doc["id"], None if st["speaker"] is None else (st["speaker_start"], st["speaker_start"] + len(st["speaker"])),
                   st["speaker"], (t["target_start"], t["target_start"] + len(t["target"])), t["target"], "-")
            for st in doc["statements"] for t in st["targets"]
        ]
        out = []
        for st in nlp.statements(Article(doc["id"], text, lang)):
            sp = st.speaker
            out += [Triple(doc["id"], (sp.start, sp.end) if sp else None, sp.text if sp else None,
                           (t.start, t.end), t.text, "-", bool(sp and sp.resolved)) for t in st.targets]
        pred[doc["id"]] = out
    r = score_triples(gold, pred)
    return {"n_docs": r["n_docs"], "n_gold": r["n_gold"], "n_pred": r["n_pred"], **r["with_stance"]}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--splits", default="train,dev", help="comma-separated splits (default: train,dev)")
    ap.add_argument("--lang", default="ar", choices=("ar", "en", "fr"), help="language (default: ar)")
    ap.add_argument("--data", default=None, help="shared data folder (default: $STANCE_DATA or ../shared/data)")
    args = ap.parse_args(argv)
    nlp = Pipeline.load(with_classifier=False)
    for split in args.splits.split(","):
        r = pair_scores(split, lang=args.lang, pipeline=nlp, data_dir=args.data)
        print(f"{args.lang} {split}: pair F1 {r['f1']:.4f} (P {r['precision']:.4f}, R {r['recall']:.4f}; {r['n_gold']} gold, "
              f"{r['n_pred']} predicted pairs in {r['n_docs']} texts)")


if __name__ == "__main__":
    main()
