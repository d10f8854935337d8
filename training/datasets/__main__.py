"""`python -m training.datasets [DATA_DIR]`: the counts per split and label of every loader."""

from __future__ import annotations

import argparse
import logging
from collections import Counter

from training.datasets import (
    ANNOTATION_SPLITS,
    ANNOTATIONS_DIR,
    DSE_SPLITS,
    NEWSMTSC_SPLITS,
    dse_gold_five_class,
    load_annotations,
    load_dse,
    load_newsmtsc,
    load_plover,
)
from training.datasets.annotations import _languages
from training.datasets.example import PathLike


def summary(data_dir: PathLike | None = None) -> dict[str, Counter]:
    """Counts of stance labels per loader and split (the figures reported for the data)."""
    out: dict[str, Counter] = {}
    for split in DSE_SPLITS:
        out[f"dse/{split}"] = Counter(e.stance for e in load_dse(split, data_dir))
        if split != "train":
            out[f"dse/{split}/unseen"] = Counter(
                e.stance for e in load_dse(split, data_dir, unseen_only=True)
            )
            ex = load_dse(split, data_dir)
            out[f"dse/{split}/5class"] = Counter(dse_gold_five_class(ex).values())
    for split in NEWSMTSC_SPLITS:
        out[f"newsmtsc/{split}"] = Counter(e.stance for e in load_newsmtsc(split, data_dir))
    out["plover"] = Counter(e.stance for e in load_plover(data_dir))
    for lang in _languages(ANNOTATIONS_DIR):
        for split in ANNOTATION_SPLITS:
            out[f"annotations/{lang}/{split}"] = Counter(
                e.stance for e in load_annotations(lang, split, data_dir=data_dir)
            )
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m training.datasets", description="Counts per split and label of every training data loader."
    )
    parser.add_argument("data_dir", nargs="?", default=None,
                        help="shared data folder (default: $STANCE_DATA or ../shared/data)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    for name, counts in summary(args.data_dir).items():
        total = sum(counts.values())
        print(
            f"{name:32s} n={total:6d}  " + "  ".join(f"{k}={v}" for k, v in sorted(counts.items(), key=str))
        )


if __name__ == "__main__":
    main()
