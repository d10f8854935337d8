"""The seed article's acceptance list (issue 2): which of the required portrayals `stance analyze` finds, and which
it contradicts (the opposite stance on the same speaker → target pair in any statement).

    stance analyze ../shared/seed/000_96083f8a8e168996.txt -o seed.jsonl
    python -m eval.seed seed.jsonl
"""
from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence


@dataclass(frozen=True)
class Required:
    speaker: str  # what the speaker is, in words
    target: str
    stance: str
    speaker_ids: tuple[str, ...] = ()  # actor ids that name it
    speaker_words: tuple[str, ...] = ()  # or words in its mention
    target_ids: tuple[str, ...] = ()
    target_words: tuple[str, ...] = ()


IS, OPP, RUS = ("islamic_state",), ("SYROPP",), ("RUS", "RUSGOV")
# the list of issue 2, "Acceptance"
REQUIRED = (
    Required("Bayle (French defence ministry)", "Islamic State", "criticism", speaker_words=("بايل",), target_ids=IS),
    Required("Putin", "Syrian army / regime forces", "support", ("vladimir_putin",), target_ids=("SYRMIL", "SYRGOV"),
             target_words=("الجيش السوري", "قوات النظام")),
    Required("Putin", "the opposition", "support", ("vladimir_putin",), target_ids=OPP, target_words=("المعارضة",)),
    Required("Putin", "Islamic State", "criticism", ("vladimir_putin",), target_ids=IS),
    Required("Putin", "Hollande", "support", ("vladimir_putin",), target_ids=("francois_hollande",)),
    Required("Westerners and NGOs", "Russia", "criticism", speaker_words=("الغربيون", "منظمات غير حكومية"),
             target_ids=RUS),
    Required("Kerry", "Putin", "support", ("john_kerry",), target_ids=("vladimir_putin",)),
    Required("Hammond", "Russia", "criticism", ("philip_hammond",), target_ids=RUS),
    Required("Hammond", "Islamic State", "criticism", ("philip_hammond",), target_ids=IS),
    Required("Hammond", "the opposition", "support", ("philip_hammond",), target_ids=OPP, target_words=("المعارضة",)),
    Required("the Kremlin / Russian defence ministry", "opposition groups", "support",
             ("RUSGOV", "RUSGOV.defence_ministry"), ("الكرملين", "وزارة الدفاع الروسية"), OPP, ("المعارضة",)),
)
OPPOSITE = {"support": "criticism", "criticism": "support"}


def _is(mention: dict | None, ids: Sequence[str], words: Sequence[str]) -> bool:
    if not mention:
        return False
    return mention.get("actor_id") in ids or any(w in (mention.get("text") or "") for w in words)


def check(lines: Iterable[dict]) -> list[dict]:
    """One row per required portrayal: the stances found for its pair, whether the required one is among them and
    whether the opposite one is."""
    lines = [o for o in lines if o.get("target") and o.get("stance")]
    rows = []
    for r in REQUIRED:
        got = [o for o in lines if _is(o.get("speaker"), r.speaker_ids, r.speaker_words)
               and _is(o["target"], r.target_ids, r.target_words)]
        stances = [o["stance"] for o in got]
        rows.append({"speaker": r.speaker, "target": r.target, "required": r.stance, "found": stances,
                     "statements": [o.get("statement_id") for o in got],
                     "met": r.stance in stances, "contradicted": OPPOSITE.get(r.stance) in stances})
    return rows


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("analyze_output", help="stance analyze output on the seed article (JSONL)")
    args = ap.parse_args(argv)
    lines = [json.loads(l) for l in Path(args.analyze_output).read_text(encoding="utf-8").splitlines() if l.strip()]
    rows = check(lines)
    print("| speaker | target | required | found (per statement) | met | contradicted |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['speaker']} | {r['target']} | {r['required']} | {', '.join(r['found']) or '-'} | "
              f"{'yes' if r['met'] else 'no'} | {'yes' if r['contradicted'] else 'no'} |")
    met = sum(r["met"] for r in rows)
    clean = sum(r["met"] and not r["contradicted"] for r in rows)
    print(f"\n{met} of {len(rows)} required portrayals found; {clean} found and never contradicted.")


if __name__ == "__main__":
    main()
