"""How close are the synthetic sentences to real text and to each other? (data card, "Synthetic sentences")

    python tools/synthetic_overlap.py [--words 10] [--file training/annotations/synthetic/ar_batch16.jsonl] [--suite]

Prints the synthetic texts that share a run of `--words` words (Arabic-normalised, `stance.text.normalize_arabic`)
with any row of the two GSR CSV files in the shared data ($STANCE_DATA or ../shared/data), then the pairs of
synthetic texts by different writers that share such a run with each other; with `--suite`, also those that share
one with an item of the behavioural suite (`eval/checklist/*.jsonl`, evaluation only).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from eval.data import CHECKLIST_DIR  # noqa: E402
from stance.text import normalize_arabic  # noqa: E402
from training.datasets.annotations import gsr_rows  # noqa: E402
from training.heldout import data_dir  # noqa: E402


def runs(text: str, n: int) -> set[tuple[str, ...]]:
    w = normalize_arabic(text).split()
    return {tuple(w[i : i + n]) for i in range(len(w) - n + 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=10)
    ap.add_argument("--file", default="training/annotations/synthetic/ar_batch16.jsonl")
    ap.add_argument("--suite", action="store_true", help="also compare with the behavioural suite's items")
    args = ap.parse_args()
    real: set[tuple[str, ...]] = set()
    try:
        for _, _, text in gsr_rows(data_dir()):
            real |= runs(text, args.words)
    except FileNotFoundError as exc:
        sys.exit(str(exc))
    writer_of: dict[str, str] = {}
    for line in Path(args.file).open(encoding="utf-8"):
        if line.strip():
            obj = json.loads(line)
            writer_of.setdefault(obj["text"], obj["source"]["dataset"])
    texts = list(writer_of)
    of = {t: runs(t, args.words) for t in texts}
    close = [t for t in texts if of[t] & real]
    print(f"{len(texts)} synthetic texts; {len(close)} share a run of {args.words} words with a GSR row")
    for t in close:
        print("  ", t[:100])
    pairs = [(a, b) for i, a in enumerate(texts) for b in texts[i + 1 :]
             if writer_of[a] != writer_of[b] and of[a] & of[b]]
    print(f"{len(pairs)} pairs of texts by different writers share a run of {args.words} words")
    for a, b in pairs:
        print(f"   {writer_of[a]} | {writer_of[b]}: {a[:60]} | {b[:60]}")
    if args.suite:
        suite: set[tuple[str, ...]] = set()
        for f in sorted(CHECKLIST_DIR.glob("*.jsonl")):
            for line in f.open(encoding="utf-8"):
                if line.strip():
                    suite |= runs(json.loads(line)["text"], args.words)
        near = [t for t in texts if of[t] & suite]
        print(f"{len(near)} synthetic texts share a run of {args.words} words with an item of the behavioural suite")
        for t in near:
            print("  ", t[:100])


if __name__ == "__main__":
    main()
