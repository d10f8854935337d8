"""Write the labelled pairs of the statements whose targets carry different stances, as an eval file for training.

    python tools/mixed_statements.py --lang ar --split train -o runs/mixed_ar_train.jsonl

A statement here is one text with one speaker span (`training.datasets.load_annotations`); it is "mixed" when its
pairs do not all share one gold stance ("ندعم جهود المعارضة في مكافحة تنظيم الدولة": support for one target,
criticism for the other). End to end on the 210 exhaustive Arabic dev texts the shipped model is right on 55% of the
pairs of such statements against 88% of those whose targets share a stance (stance/models/README.md, sessions 17
and 31): this file lets a training run (`kind: eval_file`, `training/configs/mixed_session31.yaml`) see them more
often (it did not help).
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from training.datasets import load_annotations  # noqa: E402
from training.datasets.evalformat import write_eval_file  # noqa: E402


def mixed(examples):
    """The examples of the statements (text, speaker span) whose examples carry more than one stance, in order."""
    by_statement = defaultdict(list)
    for ex in examples:
        by_statement[(ex.item.text, ex.item.speaker)].append(ex)
    return [ex for group in by_statement.values() if len({e.stance for e in group}) > 1 for ex in group]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", default="ar")
    ap.add_argument("--split", default="train", choices=["train", "dev", "test"])
    ap.add_argument("-o", "--output", required=True)
    args = ap.parse_args(argv)
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    n = write_eval_file(mixed(load_annotations(args.lang, args.split)), args.output)
    print(f"wrote {n} pairs of mixed statements to {args.output}")


if __name__ == "__main__":
    main()
