"""How much a stance model leans on who the target is (session 45, stance/models/README.md).

    python tools/target_probe.py slot -o probe.jsonl && stance classify probe.jsonl --model DIR
    python tools/target_probe.py placeholder --model DIR --words الطرف الجهة

`slot` writes `classify` lines of one seed-like sentence (Putin: "we support with strikes the efforts of [X] in fighting
the Islamic State, as we support the efforts of the Syrian army") with X = the opposition, the Kurds, France, the
people, Iraq: the same words around the marks, so a model that reads what is said gives one stance to all of them.

`placeholder` reads the Arabic dev pairs (`stance eval ar-dev`) twice, as they are and with the target's words replaced
by a placeholder, and prints the dev macro-F1 of the log-probabilities averaged at placeholder weights 0 to 1 (1 =
the context alone).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SENTENCE = 'وقال بوتين خلال مؤتمره الصحافي السنوي "ندعم بضربات جهود {} في مكافحة تنظيم الدولة الاسلامية مثلما ندعم جهود الجيش السوري"'
SPEAKER = "بوتين"
FILLERS = ("المعارضة", "الأكراد", "فرنسا", "الشعب", "العراق")


def slot_lines(fillers=FILLERS) -> list[dict]:
    """One `classify` line per filler: the sentence with the filler marked as the target, Putin as the speaker."""
    rows = []
    for words in fillers:
        text = SENTENCE.format(words)
        s, t = text.index(SPEAKER), text.index(words, text.index("جهود"))
        rows.append({"id": f"slot:{words}", "text": text, "lang": "ar",
                     "speaker": {"start": s, "end": s + len(SPEAKER)}, "target": {"start": t, "end": t + len(words)}})
    return rows


def placeholder_scores(model: str | None, words: list[str], data_dir: str | None = None) -> dict[str, dict[float, float]]:
    import numpy as np
    from sklearn.metrics import f1_score

    from eval.data import load_data
    from stance.classify import load_classifier
    from stance.records import LABELS
    from training.augment import swap_target

    exs = load_data("ar-dev", data_dir).examples
    clf = load_classifier(model)
    labels = LABELS
    gold = [e.stance for e in exs]

    def logp(items):
        return np.log(np.array([[p.scores[k] for k in labels] for p in clf.predict(items, batch_size=64)]) + 1e-9)

    own = logp([e.item for e in exs])
    out = {}
    for w in words:
        ctx = logp([swap_target(e, w).item for e in exs])
        out[w] = {}
        for a in (0.0, 0.25, 0.5, 0.75, 1.0):
            pred = [labels[i] for i in ((1 - a) * own + a * ctx).argmax(1)]
            out[w][a] = round(float(f1_score(gold, pred, labels=list(labels), average="macro", zero_division=0)), 4)
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("slot", help="write the probe's classify lines")
    s.add_argument("-o", "--output", required=True)
    p = sub.add_parser("placeholder", help="ar-dev macro-F1 with a placeholder reading averaged in")
    p.add_argument("--model", default=None, help="stance model folder (default: the shipped model)")
    p.add_argument("--words", nargs="+", default=["الطرف"], help="placeholder words put in the target slot")
    p.add_argument("--data", default=None, help="shared data folder (default: $STANCE_DATA or ../shared/data)")
    args = ap.parse_args(argv)
    if args.cmd == "slot":
        Path(args.output).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in slot_lines()),
                                     encoding="utf-8")
        print(f"wrote {len(FILLERS)} lines to {args.output}")
    else:
        print(json.dumps(placeholder_scores(args.model, args.words, args.data), ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
