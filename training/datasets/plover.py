"""PLOVER gold event records: source actor -> target actor, the stance read off the event type."""

from __future__ import annotations

import json
import logging
import re
from collections import Counter
from collections.abc import Mapping
from typing import Any

from stance.records import StanceItem
from training.datasets.example import Example, PathLike, _require
from training.heldout import data_dir as _data_dir

log = logging.getLogger(__name__)

# PLOVER event type -> the source actor's stance toward the target actor (None: the type says nothing
# consistent). support: SUPPORT (praise, welcome, defend, ties), AID (providing help). neutral: CONSULT (meet,
# visit, phone, host, mediate). criticism: the verbal-conflict quad (DEMAND, DISAPPROVE, REJECT, THREATEN,
# SANCTION), PROTEST, and the hostile acts COERCE, ASSAULT, FIGHT ("saying the speaker fights the target" is
# criticism in the annotation brief). Dropped: AGREE (half its gold records pledge aid = support, half are
# intents to meet, negotiate, withdraw or release = neutral), COOPERATE (4 records: alliance, war games, an
# extradition), CONCEDE, RETREAT, INVESTIGATE and MOBILIZE (yielding, inspecting, deploying: no evaluation of
# the target).
PLOVER_STANCE: dict[str, str | None] = {
    "SUPPORT": "support",
    "AID": "support",
    "CONSULT": "neutral",
    "DEMAND": "criticism",
    "DISAPPROVE": "criticism",
    "REJECT": "criticism",
    "THREATEN": "criticism",
    "SANCTION": "criticism",
    "PROTEST": "criticism",
    "COERCE": "criticism",
    "ASSAULT": "criticism",
    "FIGHT": "criticism",
    "AGREE": None,
    "COOPERATE": None,
    "CONCEDE": None,
    "RETREAT": None,
    "INVESTIGATE": None,
    "MOBILIZE": None,
}
PLOVER_MATERIAL = frozenset({"COERCE", "ASSAULT", "FIGHT"})


def _locate(text: str, needle: str, avoid: tuple[int, int] | None = None) -> tuple[int, int] | None:
    """The first whole-word occurrence of `needle` in `text` (whitespace-flexible) not overlapping `avoid`."""
    needle = needle.strip()
    if not needle:
        return None
    pattern = r"\s+".join(re.escape(w) for w in needle.split())
    # whole words only: "US" must not match inside "BUSH"
    before = r"(?<!\w)" if needle[0].isalnum() else ""
    after = r"(?!\w)" if needle[-1].isalnum() else ""
    pattern = before + pattern + after
    for m in re.finditer(pattern, text):
        if avoid is None or m.end() <= avoid[0] or avoid[1] <= m.start():
            return m.start(), m.end()
    return None


def _actors(value: Any) -> list[str]:
    if not isinstance(value, list):
        return []  # the file has "" / "diplomatic" / null for "no target"
    return [a["actorText"] for a in value if isinstance(a, dict) and a.get("actorText", "").strip()]


def load_plover(
    data_dir: PathLike | None = None,
    mapping: Mapping[str, str | None] = PLOVER_STANCE,
    include_material: bool = True,
) -> list[Example]:
    """PLOVER gold records (`plover_gsr/PLOVER_GSR_CAMEO.json`) as source actor -> target actor Examples.

    The stance comes from the event type through `mapping` (`PLOVER_STANCE`; unmapped or None types are
    dropped); `include_material=False` also drops the hostile acts (COERCE, ASSAULT, FIGHT), which are events
    rather than statements. Pairs: every (source, target) actor; a record with two or more sources and no
    target is reciprocal (SRC/TAR) and gives every ordered pair of sources. A pair is kept only when both
    actor strings are found in the sentence (exact text, whitespace-flexible) without overlapping. id =
    `<record id>:<k>`, group = record id. These labels are derived from event types, not read as stance:
    expect noise (a DEMAND can be a plain request).
    """
    path = _require(_data_dir(data_dir) / "plover_gsr" / "PLOVER_GSR_CAMEO.json", "PLOVER gold records")
    records = json.loads(path.read_text(encoding="utf-8"))
    out: list[Example] = []
    counts: Counter = Counter()
    for rec in records:
        event = rec.get("event")
        stance = mapping.get(event)
        if event == "DOCUMENT":
            continue
        counts["records"] += 1
        if stance is None or (not include_material and event in PLOVER_MATERIAL):
            counts["records dropped (event type not mapped)"] += 1
            continue
        text = (rec.get("text") or "").strip()
        if text.startswith("{") and text.endswith("}"):  # some sentences are wrapped in braces
            text = text[1:-1].strip()
        sources, targets = _actors(rec.get("source")), _actors(rec.get("target"))
        if targets:
            pairs = [(s, t) for s in sources for t in targets if s != t]
        else:
            pairs = [(s, t) for s in sources for t in sources if s != t]
        if not pairs:
            counts["records without a target actor"] += 1
        k = 0
        for s, t in pairs:
            counts["pairs"] += 1
            sp = _locate(text, s)
            tg = _locate(text, t, avoid=sp) if sp else None
            if sp is None or tg is None:
                counts["pairs dropped (actor text not in sentence)"] += 1
                continue
            item = StanceItem(text, target=tg, speaker=sp, lang="en", id=f"{rec['id']}:{k}")
            out.append(Example(item, stance, "plover", rec["id"]))
            k += 1
    counts["pairs kept"] = len(out)
    log.info("PLOVER: %s", dict(counts))
    return out
