"""Portrayals: aggregate (statement, target, stance) lines into a directed actor-to-actor network.

One row per directed (speaker actor, target actor) pair: counts per stance, a net score
`(support - criticism) / total` in [-1, 1], and the statement ids that are its evidence.

>>> rows = aggregate([{"statement_id": "a:1", "speaker": {"actor_id": "GBR", "text": "Hammond", "actor_name": "UK"},
...                    "target": {"actor_id": "RUS", "text": "Russia", "actor_name": "Russia"}, "stance": "criticism"}])
>>> rows[0].net, rows[0].counts["criticism"]
(-1.0, 1)
"""
from __future__ import annotations

import csv
import io
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

from .normalize import article_clitic_letters, iter_words, name_key, normalize_arabic
from .records import LABELS, is_country_code
from .render import to_html


@dataclass
class Edge:
    source: str
    target: str
    source_name: str
    target_name: str
    counts: dict[str, int] = field(default_factory=lambda: {k: 0 for k in LABELS})
    evidence: list[str] = field(default_factory=list)
    # the `analyze` lines behind the counts, in input order (for `stance.render`; not written by the other formats)
    lines: list[dict] = field(default_factory=list, repr=False, compare=False)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def net(self) -> float:
        return round((self.counts["support"] - self.counts["criticism"]) / self.total, 4) if self.total else 0.0

    def to_json(self) -> dict:
        return {
            "source": self.source, "source_name": self.source_name,
            "target": self.target, "target_name": self.target_name,
            **{k: self.counts[k] for k in LABELS},
            "total": self.total, "net": self.net, "evidence": self.evidence,
        }


LEVELS = ("actor", "country")
# what `by="country"` merges into its country: the state and its institutions, and people of that nationality (a
# party, a movement or an opposition of the country stays apart: "Syrian opposition" is not Syria)
_STATE = ("country", "government", "person")


def _said(mention: dict) -> str | None:
    """The words a mention stands for: its text, or that of the fuller phrase it stands for (`antecedent`)."""
    return (mention.get("antecedent") or {}).get("text") or mention.get("text")


def _key(mention: dict, by: str, names: Mapping[str, str], spelled: Mapping[str, str] | None = None) -> tuple[str, str]:
    """(identity, display name) of a speaker or target: its actor, else its text, or the text of the fuller phrase it
    stands for ("المنظمة" for "منظمة العفو الدولية", `antecedent`). A name the dictionary lacks is one node across
    the spellings `stance.normalize.name_key` takes as one ("الإيرانيين" / "الايرانيين", "والمتظاهرين" /
    "المتظاهرين"): `spelled` maps each spelling to the one that names its node (`_spellings`).

    >>> _key({"text": "المصادر", "antecedent": {"text": "مصادر محلية"}}, "actor", {})
    ('مصادر محلية', 'مصادر محلية')
    >>> _key({"text": "والمتظاهرين"}, "actor", {}, {"والمتظاهرين": "المتظاهرين"})
    ('المتظاهرين', 'المتظاهرين')
    """
    said = _said(mention)
    if said and not mention.get("actor_id") and spelled:
        said = spelled.get(said, said)
    ident = mention.get("actor_id") or said or "?"
    ident = ident if isinstance(ident, str) else json.dumps(ident, ensure_ascii=False)  # (a hand-made line's list)
    name = mention.get("actor_name") or said or ident
    if by == "country" and is_country_code(mention.get("affiliation")) and mention.get("actor_type") in _STATE:
        code = mention["affiliation"]
        return code, names.get(code) or (name if ident == code else code)
    return ident, name


def _spellings(lines: Sequence[dict]) -> dict[str, str]:
    """Each spelling of a name the dictionary lacks mapped to the spelling that names its node (one per `name_key`):
    the commonest of those without a proclitic before the article ("المتظاهرين" over "والمتظاهرين"), first seen on a
    tie."""
    counts: dict[str, Counter] = {}
    for obj in lines:
        for side in (obj.get("speaker"), obj.get("target")):
            if side and not side.get("actor_id") and (said := _said(side)):
                counts.setdefault(name_key(said), Counter())[said] += 1
    spelled = {}
    for seen in counts.values():
        plain = [w for w in seen if not article_clitic_letters(normalize_arabic((w.split() or [""])[0]))] or list(seen)
        best = max(plain, key=lambda w: seen[w])  # (max keeps the first of equal counts: dicts keep order)
        spelled.update(dict.fromkeys(seen, best))
    return spelled


def _words(part: object) -> str:
    """A span's text as `repeats` compares it: its words, Arabic normalised for matching (spacing and punctuation
    aside)."""
    text = part.get("text") if isinstance(part, Mapping) else None
    return " ".join(iter_words(normalize_arabic(text))) if isinstance(text, str) else ""


def repeats(lines: Sequence[dict]) -> list[bool]:
    """For each `analyze` line, whether an earlier line is the same portrayal in the same words: the same speaker,
    cue, content, target and stance, written alike (diacritics, hamza forms, spacing and punctuation aside). Wire copy
    republished by several outlets, or an article fetched twice, gives such repeats; statement ids and offsets are
    not compared, since they differ from copy to copy.

    >>> a = {"statement_id": "d1:1", "speaker": {"text": "هاموند"}, "cue": {"text": "قال"},
    ...      "content": {"text": "إن روسيا تستهدف المعارضة"}, "target": {"text": "روسيا"}, "stance": "criticism"}
    >>> repeats([a, {**a, "statement_id": "d2:4", "content": {"text": "ان روسيا  تستهدف المعارضة"}}, {**a, "stance": "neutral"}])
    [False, True, False]
    """
    seen: set[tuple] = set()
    out = []
    for obj in lines:
        key = (*(_words(obj.get(k)) for k in ("speaker", "cue", "content", "target")), obj.get("stance"),
               obj.get("voice"))
        out.append(key in seen)
        seen.add(key)
    return out


def without_repeats(lines: Sequence[dict]) -> list[dict]:
    """The lines that repeat no earlier one word for word (`repeats`), in order."""
    return [obj for obj, again in zip(lines, repeats(lines)) if not again]


def tagger_statement(obj: dict) -> bool:
    """Whether an `analyze` line is a statement of the speaker tagger: no cue, and a speaker the tagger read in a
    sentence where the rules found no reporting cue (its `"tagger"` probability). Author-voice lines (no speaker)
    are not."""
    return obj.get("cue") is None and "tagger" in (obj.get("speaker") or {})


def with_cues(lines: Sequence[dict]) -> list[dict]:
    """The lines that are no statement of the speaker tagger (`tagger_statement`), in order: reported speech with its
    cue, and the author's own lines."""
    return [obj for obj in lines if not tagger_statement(obj)]


def aggregate(lines: Iterable[dict], by: str = "actor", names: Mapping[str, str] | None = None,
              distinct: bool = False) -> list[Edge]:
    """Edges from `analyze` output objects (lines without a speaker or stance are skipped; author-voice lines
    count for the speaker "(author)").

    `by="country"` merges a country's state actors and people into that country (Hammond and the Foreign Office
    into GBR, the Kremlin and Putin into RUS; `names` maps codes to display names); a country's parties, movements
    and opposition, groups of no country, international bodies and unknown names stay as they are, and a country's
    portrayal of itself is left out. `distinct=True` leaves out the lines that repeat an earlier one word for word
    (`repeats`), so a statement carried by several copies of one story counts once.
    """
    if by not in LEVELS:
        raise ValueError(f"by must be one of {LEVELS}, found {by!r}")
    names = dict(names or {})
    lines = list(lines)
    if distinct:
        lines = without_repeats(lines)
    spelled = _spellings(lines)
    if by == "country":
        for obj in lines:  # a country's own name, where a line names the country itself
            for side in (obj.get("speaker"), obj.get("target")):
                if side and is_country_code(side.get("actor_id")) and side.get("actor_name"):
                    names.setdefault(side["actor_id"], side["actor_name"])
    edges: dict[tuple[str, str], Edge] = {}
    for obj in lines:
        sp, tg, stance = obj.get("speaker"), obj.get("target"), obj.get("stance")
        if sp is None and obj.get("voice") == "author":  # `analyze --author-voice`: the text's own voice
            sp = {"actor_id": "(author)", "actor_name": "(author)"}
        if not sp or not tg or stance not in LABELS:
            continue
        (s, sn), (t, tn) = _key(sp, by, names, spelled), _key(tg, by, names, spelled)
        if s == t:
            continue
        edge = edges.setdefault((s, t), Edge(s, t, sn, tn))
        edge.counts[stance] += 1
        edge.lines.append(obj)
        sid = obj.get("statement_id")
        if sid is not None and sid != "" and str(sid) not in edge.evidence:
            edge.evidence.append(str(sid))
    return sorted(edges.values(), key=lambda e: (-e.total, e.source, e.target))


def to_csv(edges: list[Edge]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["source", "source_name", "target", "target_name", *LABELS, "total", "net", "evidence"])
    for e in edges:
        d = e.to_json()
        w.writerow([d["source"], d["source_name"], d["target"], d["target_name"], *(d[k] for k in LABELS),
                    d["total"], d["net"], " ".join(d["evidence"])])
    return buf.getvalue()


def to_json(edges: list[Edge]) -> str:
    return json.dumps([e.to_json() for e in edges], ensure_ascii=False, indent=1) + "\n"


def to_graphml(edges: list[Edge]) -> str:
    import networkx as nx

    g = nx.DiGraph()
    for e in edges:
        g.add_node(e.source, name=e.source_name)
        g.add_node(e.target, name=e.target_name)
        g.add_edge(e.source, e.target, **{k: e.counts[k] for k in LABELS}, total=e.total, net=e.net,
                   evidence=" ".join(e.evidence))
    return "\n".join(nx.generate_graphml(g)) + "\n"


FORMATS = {"csv": to_csv, "json": to_json, "graphml": to_graphml, "html": to_html}
