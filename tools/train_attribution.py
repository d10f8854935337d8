"""Train the English attribution CRF (`stance.attribution_crf`) on PolNeAR train and write the crfsuite model.

    python tools/train_attribution.py                       # the shipped model: stance/resources/attribution_en.crfsuite
    python tools/train_attribution.py --max-docs 50 --out /tmp/small.crfsuite --max-iterations 30   # a quick run
    python tools/train_attribution.py --c1 0.5 --out /tmp/m.crfsuite --dev    # another setting, scored on dev

PolNeAR is read with `eval.attribution.load_polnear` (brat `.ann` files parsed by `eval.attribution.parse_ann`;
one annotation per article). Only the train split is used for training; `--dev` scores the model on dev with
`eval.attribution.score` (the scorer of `stance eval-attribution`). Test is never read here: report it once
with `python -m eval.attribution_crf --split test`.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from eval.attribution import load_polnear
from stance.attribution_crf import DEFAULT_MODEL, train


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=None, help="shared data folder (default: $STANCE_DATA or ../shared/data)")
    ap.add_argument("--out", default=str(ROOT / "stance" / DEFAULT_MODEL), help="model file to write")
    ap.add_argument("--c1", type=float, default=2.0, help="L1 penalty (default 2.0, chosen on dev)")
    ap.add_argument("--c2", type=float, default=0.01, help="L2 penalty (default 0.01, chosen on dev)")
    ap.add_argument("--max-iterations", type=int, default=300, help="L-BFGS iterations (default 300)")
    ap.add_argument("--minfreq", type=float, default=2, help="feature.minfreq: drop rarer attributes (default 2)")
    ap.add_argument("--unit", choices=("paragraph", "sentence"), default="paragraph", help="tagging unit")
    ap.add_argument("--max-docs", type=int, default=None, help="train on the first N articles only (quick run)")
    ap.add_argument("--dev", action="store_true", help="score the trained model on PolNeAR dev afterwards")
    ap.add_argument("--verbose", action="store_true", help="print crfsuite's training log")
    args = ap.parse_args(argv)

    docs = load_polnear("train", args.data)[: args.max_docs]
    print(f"PolNeAR train: {len(docs)} articles, {sum(len(d.quotes) for d in docs)} attributions", file=sys.stderr)
    t0 = time.time()
    info = train(
        ((d.text, d.quotes) for d in docs),
        args.out,
        c1=args.c1,
        c2=args.c2,
        max_iterations=args.max_iterations,
        minfreq=args.minfreq,
        unit=args.unit,
        verbose=args.verbose,
    )
    info.update(
        seconds=round(time.time() - t0, 1),
        out=str(args.out),
        c1=args.c1,
        c2=args.c2,
        max_iterations=args.max_iterations,
        minfreq=args.minfreq,
        unit=args.unit,
        docs=len(docs),
    )
    print(json.dumps(info))
    if args.dev:
        from eval.attribution_crf import evaluate_split

        r = evaluate_split("dev", args.data, methods=("crf",), model=args.out, unit=args.unit)["crf"]
        print(json.dumps({"dev": {k: r[k]["exact"]["f1"] for k in ("cue", "source", "content")},
                          "dev_content_overlap": r["content"]["overlap"]["f1"]}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
