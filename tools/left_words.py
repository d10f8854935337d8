"""The stance on matched pairs whose target follows a word of a given class (support words, harm words), gold
against predicted: does a lexical rule have anything to mend?

    python tools/left_words.py GOLD.jsonl ANALYZED.jsonl [--window 3]

GOLD.jsonl from `python -m eval.sentences ar dev --exhaustive -o GOLD.jsonl`, ANALYZED.jsonl from `stance
analyze` on its texts (`stance eval-e2e GOLD.jsonl --write-articles A.jsonl`, then `stance analyze A.jsonl -o
ANALYZED.jsonl`). Pairs are matched as `stance eval-e2e` matches them without stance. Session 58's figures are
in stance/models/README.md.

>>> word_class("تقديم مساعدة عسكرية لمجموعات")
'support'
>>> word_class("بعد استهداف"), word_class("قال الوزير ان")
('harm', None)
"""
from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from eval.endtoend import gold_doc_id, load_gold, pair_matching, read_gold_documents, triples_from_analyze
from stance.normalize import normalize_arabic

CLASSES = {  # stems, on normalised Arabic (alef, ya and ta marbuta folded)
    "support": r"دعم|مساعد|مسانده|تاييد|يؤيد|تؤيد|نؤيد|تضامن|مؤيد|انصار|لصالح|حمايه|انقاذ"
               r"|اطلاق سراح|الافراج عن|تعاطف|ترحيب|رحب|اشاد|تهنئه|شكر",
    "harm": r"ضد|استهداف|استهدف|قتل|اغتيال|خطف|اختطاف|اعتقال|اعتداء|حصار|مقتل|اصاب"
            r"|هجوم على|بحق|التعرض ل|ضحايا|اساءه",
}
PATTERNS = {name: re.compile(normalize_arabic(p)) for name, p in CLASSES.items()}


def word_class(left: str) -> str | None:
    """The first class (in `CLASSES` order) with a stem in `left`, the words before a target."""
    norm = normalize_arabic(left)
    return next((name for name, pat in PATTERNS.items() if pat.search(norm)), None)


def tally(gold_path: str | Path, analyzed_path: str | Path, window: int = 3) -> dict:
    gold = load_gold(gold_path)
    texts = {gold_doc_id(d): d["text"] for d in read_gold_documents(gold_path)}
    pred = triples_from_analyze(Path(analyzed_path).read_text(encoding="utf-8").splitlines())
    by_class: dict[str, Counter] = {name: Counter() for name in CLASSES}
    total = Counter()
    for doc, g in gold.items():
        p = pred.get(doc, [])
        text = texts.get(doc, "")
        for i, j in pair_matching(g, p):
            total[g[i].stance == p[j].stance] += 1
            name = word_class(" ".join(text[: p[j].target[0]].split()[-window:]))
            if name:
                by_class[name][(g[i].stance, p[j].stance)] += 1

    def summary(c: Counter) -> dict:
        gold_stances: Counter = Counter()
        for (a, _), n in c.items():
            gold_stances[a] += n
        return {"pairs": sum(c.values()), "right": sum(n for (a, b), n in c.items() if a == b),
                "gold": dict(gold_stances),
                "gold_x_predicted": {f"{a} -> {b}": n for (a, b), n in c.most_common()}}

    return {"matched": sum(total.values()), "right": total[True],
            "by_class": {name: summary(c) for name, c in by_class.items()}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold")
    ap.add_argument("analyzed")
    ap.add_argument("--window", type=int, default=3, help="words before the target that are read")
    args = ap.parse_args(argv)
    print(json.dumps(tally(args.gold, args.analyzed, args.window), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
