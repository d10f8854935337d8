"""Draw candidate Arabic news sentences for an annotation batch (keyword search only *finds* candidates; it labels nothing).

    python tools/draw_pool.py --n 240 --seed 5 --exclude skipped.txt -o pool.jsonl

Candidates are rows of `arabic_event_gsr/{protest,assault}_gsr.csv` (`--source gsr`, the default) or sentences of
the NewsFANE newswire corpus (`--source newsfane`: `ner/newsfane`, rejoined into normal orthography by
`training.datasets.newsfane`; row ids `s<index>`) that
- hold a word of the cue lexicon `stance/resources/cues.tsv`, any kind (so there is likely an attributed statement to
  label; ambiguous forms such as "دعم" count too: the annotators skip rows without a statement),
- are not held out (`heldout_ids.txt`; for NewsFANE also no held-out text inside them or around them once Arabic
  spelling is normalised, and no copy of a sentence of another split's block), not drawn twice (a text that occurs
  in two rows is drawn once, and not at all when a copy of it was annotated or skipped), not annotated before (any
  text or source id in `training/annotations/ar/`, or `--annotations`), and not listed in
  `training/annotations/ar/skipped.txt` (rows an annotator read and skipped: no attributed statement with an actor
  target, or an unnamed speaker; kept from batch 8 on) or in `--exclude` files (one row id per line),
- with `--split`, come from a document of that split (the fixed rule of `training.datasets.annotations.split_of`: a
  batch can grow the dev set alone, whose size decides how finely settings can be chosen);
rows with a word of `--prefer` (default: support, aid and solidarity words, the rarest stance) come first, in an
order fixed by `--seed`, then the others. Output: one JSON line per row, `{"file", "row_id", "text"}`.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from stance.attribution import load_cues  # noqa: E402
from stance.text import normalize_arabic  # noqa: E402
from training.datasets import ANNOTATIONS_DIR  # noqa: E402
from training.datasets.annotations import ANNOTATION_SPLITS, annotation_doc_key, gsr_rows, split_of  # noqa: E402
from training.datasets.newsfane import NEWSFANE_FILE, cross_split_copies, row_id, sentences, squashed  # noqa: E402
from training.heldout import data_dir, load_heldout  # noqa: E402

# support / aid / solidarity stems (matched on normalised words, clitics allowed before them)
SUPPORT_STEMS = ("دعم", "يدعم", "ندعم", "تدعم", "مساعد", "مساندة", "تأييد", "ايد", "أيد", "يؤيد", "تضامن", "رحب",
                 "ترحيب", "أشاد", "اشاد", "ثمن", "شكر", "تقدير", "حماية", "إغاثة", "اغاثة", "نصرة", "مؤازرة")


def _annotated(lang_dir: Path) -> tuple[set[str], set[str]]:
    texts: set[str] = set()
    ids: set[str] = set()
    for path in sorted(lang_dir.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                texts.add(rec["text"])
                ids.add(str(rec.get("source", {}).get("id", "")))
    return texts, ids


def _newsfane_rows(root: Path, heldout) -> Iterator[tuple[str, str, str]]:
    """NewsFANE sentences with no held-out text inside or around them, compared in normalised spelling (NewsFANE
    writes ي for a final ى and drops hamzas, so the exact comparison of `Heldout.is_heldout` could miss one), and
    none that copies a sentence of a block in another split (`training.datasets.newsfane.cross_split_copies`)."""
    held = [s for s in (squashed(t) for t in heldout.texts) if len(s) >= 15]
    copies = cross_split_copies(str(root))
    for i, text in enumerate(sentences(str(root))):
        s = squashed(text)
        if i in copies or (len(s) >= 15 and any(h in s or s in h for h in held)):
            continue
        yield NEWSFANE_FILE, row_id(i), text


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=240, help="candidates to draw")
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--exclude", action="append", default=[], help="file of row ids not to draw again")
    ap.add_argument("--prefer", default=",".join(SUPPORT_STEMS), help="comma-separated words drawn first")
    ap.add_argument("--split", choices=ANNOTATION_SPLITS, default=None,
                    help="draw only rows whose document falls in this split (default: any)")
    ap.add_argument("--source", choices=("gsr", "newsfane"), default="gsr",
                    help="arabic_event_gsr rows (default) or NewsFANE newswire sentences")
    ap.add_argument("--min-chars", type=int, default=0, help="skip shorter rows (headlines, fragments)")
    ap.add_argument("--data", default=None, help="shared data folder (default ../shared/data or $STANCE_DATA)")
    ap.add_argument("--annotations", default=str(ANNOTATIONS_DIR),
                    help="the annotation folder whose ar/ texts, row ids and skipped.txt are not drawn again")
    ap.add_argument("-o", "--output", required=True)
    args = ap.parse_args(argv)

    root = data_dir(args.data)
    heldout = load_heldout(str(root))
    texts, ids = _annotated(Path(args.annotations) / "ar")
    skipped = Path(args.annotations) / "ar" / "skipped.txt"
    files = [Path(f) for f in args.exclude] + ([skipped] if skipped.exists() else [])
    skip = {line.strip() for f in files for line in f.read_text(encoding="utf-8").splitlines() if line.strip()}
    cues = set(load_cues()["ar"])
    prefer = [normalize_arabic(w) for w in args.prefer.split(",") if w]
    # a preferred stem at the start of a word, after an optional proclitic or article
    preferred = re.compile(r"^(?:[وفبل]|ال|وال|بال|لل)?(?:" + "|".join(prefer) + ")")
    first, rest = [], []
    rows = list(gsr_rows(root) if args.source == "gsr" else _newsfane_rows(root, heldout))
    # a row is drawn once however often its text occurs, and not at all when a copy was annotated or skipped
    seen = set(texts) | {text for _, rid, text in rows if rid in skip}
    for file, rid, text in rows:
        if text in seen or rid in ids or rid in skip or heldout.is_heldout(text, file, rid):
            continue
        seen.add(text)
        if len(text) < args.min_chars:
            continue
        if args.split and split_of(annotation_doc_key(file, rid, root)) != args.split:
            continue
        words = [normalize_arabic(w) for w in re.findall(r"[\u0600-\u06FF]+", text)]
        if not any(w in cues or (w[:1] in "وف" and w[1:] in cues) for w in words):
            continue
        rec = {"file": file, "row_id": rid, "text": text}
        hit = any(preferred.match(w) for w in words)
        (first if hit else rest).append(rec)
    rng = random.Random(args.seed)
    rng.shuffle(first)
    rng.shuffle(rest)
    out = (first + rest)[: args.n]
    with open(args.output, "w", encoding="utf-8") as f:
        for rec in out:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{len(first)} rows with a preferred word, {len(rest)} others; wrote {len(out)} to {args.output}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
