"""Where on the Arabic dev pairs does a stance model gain? (session 48, stance/models/README.md)

    python tools/dev_subsets.py stance/models/default runs/x/model_folder ...

The 723 pairs of `stance eval ar-dev` (the dev split of `training/annotations/ar`) are of two kinds: the 468 of the
exhaustively labelled texts (`training.datasets.annotations.EXHAUSTIVE_FILES`: every pair of every statement, the
texts `stance eval-e2e` scores end to end) and the 255 of the earlier batches, where annotators labelled the pairs
they chose. For each model folder, macro-F1 and accuracy on each kind and on all, by the model's own argmax (with its
lexical prior and ensemble members, as `stance eval` reads) and after its target filter's stance prior shift (the
labels `stance analyze` gives).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sklearn.metrics import f1_score  # noqa: E402

from stance.classify import load_classifier  # noqa: E402
from stance.relevance import TargetFilter  # noqa: E402
from training.datasets.annotations import exhaustive_ids, load_annotations  # noqa: E402
from training.heldout import data_dir  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("models", nargs="+", help="stance model folders")
    ap.add_argument("--data", default=None, help="shared data folder, for the held-out list")
    args = ap.parse_args()
    dev = load_annotations("ar", "dev", data_dir=data_dir(args.data))
    exhaustive = exhaustive_ids("ar")
    if not dev:
        raise SystemExit("error: no labelled Arabic dev pairs found in training/annotations/ar")
    kinds = {"exhaustive": [i for i, e in enumerate(dev) if e.item.id in exhaustive],
             "chosen pairs": [i for i, e in enumerate(dev) if e.item.id not in exhaustive],
             "all": list(range(len(dev)))}
    kinds = {k: idx for k, idx in kinds.items() if idx}  # a kind with no pair has no score
    rows = []
    for folder in args.models:
        try:
            clf = load_classifier(folder)
        except FileNotFoundError as e:  # its message names the folder and what to pass
            raise SystemExit(f"error: {e}") from None
        filt = TargetFilter.load(folder)
        out = clf.predict([e.item for e in dev], batch_size=64)
        readings = {"argmax": [p.stance for p in out]}
        if filt is not None:
            readings["shifted"] = [filt.shifted(p.scores)[0] for p in out]
        for kind, idx in kinds.items():
            y = [dev[i].stance for i in idx]
            for name, labels in readings.items():
                yp = [labels[i] for i in idx]
                rows.append({"model": folder, "pairs": kind, "n": len(idx), "reading": name,
                             "macro_f1": round(float(f1_score(y, yp, average="macro")), 3),
                             "accuracy": round(sum(a == b for a, b in zip(y, yp)) / len(y), 3)})
    for row in rows:
        print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main()
