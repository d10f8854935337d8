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
from dataclasses import dataclass, field
from typing import Iterable

from .records import LABELS


@dataclass
class Edge:
    source: str
    target: str
    source_name: str
    target_name: str
    counts: dict[str, int] = field(default_factory=lambda: {k: 0 for k in LABELS})
    evidence: list[str] = field(default_factory=list)

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


def _key(mention: dict) -> tuple[str, str]:
    ident = mention.get("actor_id") or mention.get("text") or "?"
    return ident, mention.get("actor_name") or mention.get("text") or ident


def aggregate(lines: Iterable[dict]) -> list[Edge]:
    """Edges from `analyze` output objects (lines without a speaker or stance are skipped; author-voice lines
    count for the speaker "(author)")."""
    edges: dict[tuple[str, str], Edge] = {}
    for obj in lines:
        sp, tg, stance = obj.get("speaker"), obj.get("target"), obj.get("stance")
        if sp is None and obj.get("voice") == "author":  # `analyze --author-voice`: the text's own voice
            sp = {"actor_id": "(author)", "actor_name": "(author)"}
        if not sp or not tg or stance not in LABELS:
            continue
        (s, sn), (t, tn) = _key(sp), _key(tg)
        if s == t:
            continue
        edge = edges.setdefault((s, t), Edge(s, t, sn, tn))
        edge.counts[stance] += 1
        sid = obj.get("statement_id")
        if sid and sid not in edge.evidence:
            edge.evidence.append(sid)
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


FORMATS = {"csv": to_csv, "json": to_json, "graphml": to_graphml}
