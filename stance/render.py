"""The portrayal network as one HTML page, for reading the evidence behind each edge.

`stance portrayals out.jsonl --format html -o report.html` writes a self-contained page (no script, no outside
resource: it opens offline and in a mail attachment): a table of the directed (speaker actor, target actor) edges with
their counts and net score, each followed by its evidence, the `analyze` lines behind it: the stance and its score, the
statement id, speaker, cue and target, and the statement's content with the speaker and the target marked in it.

Every piece of article text, name, id and label is escaped (`html.escape`) before it enters the page, so an article
cannot put markup, script or a link into it.
"""
from __future__ import annotations

import html
from collections import Counter
from typing import TYPE_CHECKING, Sequence

from .records import LABELS

if TYPE_CHECKING:  # aggregate imports this module: only the type is needed here
    from .aggregate import Edge

_STYLE = """
body { font-family: system-ui, sans-serif; margin: 1.5em; color: #222; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #ddd; padding: .3em .5em; text-align: start; vertical-align: top; }
td.n { text-align: end; font-variant-numeric: tabular-nums; }
small, .id { color: #666; }
.support { color: #1a7f37; } .criticism { color: #c62828; } .neutral { color: #555; }
.label { font-weight: 600; }
mark.speaker { background: #dbe9ff; } mark.target { background: #ffe8a3; }
blockquote { margin: .3em 0 .6em 1em; padding-inline-start: .6em; border-inline-start: 3px solid #ccc; }
tr.evidence td { border-bottom: 2px solid #bbb; }
details summary { cursor: pointer; color: #444; }
ol { margin: .3em 0; }
"""


def _e(value) -> str:
    """Escaped text for an element or an attribute."""
    return html.escape("" if value is None else str(value), quote=True)


def _d(value) -> dict:
    """A field that should be an object: itself, or {} for anything else a hand-made line may hold there."""
    return value if isinstance(value, dict) else {}


def _marked(content: dict, spans: Sequence[tuple[dict | None, str]]) -> str:
    """The content's text, escaped, with each span that lies inside it (speaker, target) wrapped in
    `<mark class=...>`; a span whose offsets do not give its own text, or that overlaps one before it, stays unmarked.

    >>> _marked({"text": "Hammond: Russia <b>", "start": 10}, [({"text": "Russia", "start": 19, "end": 25}, "target")])
    'Hammond: <mark class="target">Russia</mark> &lt;b&gt;'
    """
    text = content.get("text")
    text = text if isinstance(text, str) else ""
    start = content.get("start")
    cuts = []
    if isinstance(start, int):
        for span, cls in spans:
            span = _d(span)
            s, e = span.get("start"), span.get("end")
            if not (isinstance(s, int) and isinstance(e, int) and start <= s < e <= start + len(text)):
                continue
            if span.get("text") is not None and text[s - start:e - start] != span["text"]:
                continue
            cuts.append((s - start, e - start, cls))
    out, at = [], 0
    for s, e, cls in sorted(cuts):
        if s < at:
            continue
        out += [_e(text[at:s]), f'<mark class="{_e(cls)}">{_e(text[s:e])}</mark>']
        at = e
    out.append(_e(text[at:]))
    return "".join(out)


def _who(side, line: dict) -> str:
    side = _d(side)
    if not side:
        return "<em>(author)</em>" if line.get("voice") == "author" else "<em>(none)</em>"
    name = f'<span dir="auto">{_e(side.get("text"))}</span>'
    if side.get("actor_name"):
        name += f' <small>({_e(side["actor_name"])})</small>'
    if side.get("resolved"):
        name += " <small>resolved</small>"
    return name


def _evidence(line: dict) -> str:
    stance = line.get("stance")
    score = _d(line.get("scores")).get(stance) if isinstance(stance, str) else None
    label = f'<span class="label {_e(stance)}">{_e(stance)}</span>'
    if isinstance(score, (int, float)) and not isinstance(score, bool):
        label += f" {score:.2f}"
    cue = _d(line.get("cue"))
    said = f' <span dir="auto">{_e(cue.get("text"))}</span>' if cue.get("text") else ""
    head = (f'{label} <span class="id">{_e(line.get("statement_id"))}</span> '
            f'{_who(line.get("speaker"), line)}{said} → {_who(line.get("target"), line)}')
    content = _d(line.get("content"))
    if not isinstance(content.get("text"), str) or not content["text"]:
        return f"<li>{head}</li>"
    body = _marked(content, [(line.get("speaker"), "speaker"), (line.get("target"), "target")])
    return f'<li>{head}<blockquote dir="auto">{body}</blockquote></li>'


def to_html(edges: Sequence[Edge], title: str = "Portrayals") -> str:
    """One HTML page: the edges (as `stance.aggregate.aggregate` returns them, most evidence first) and the lines
    behind each."""
    n_lines = sum(len(e.lines) for e in edges)
    models = Counter(str(line["model"]) for e in edges for line in e.lines if line.get("model"))
    rows = []
    for e in edges:
        net_cls = "support" if e.net > 0 else "criticism" if e.net < 0 else "neutral"
        counts = "".join(f'<td class="n {k}">{e.counts[k]}</td>' for k in LABELS)
        rows.append(
            f'<tr><td dir="auto">{_e(e.source_name)}<br><small class="id">{_e(e.source)}</small></td>'
            f'<td dir="auto">{_e(e.target_name)}<br><small class="id">{_e(e.target)}</small></td>'
            f'{counts}<td class="n">{e.total}</td><td class="n {net_cls}">{e.net:+.2f}</td></tr>'
        )
        items = "".join(_evidence(line) for line in e.lines)
        rows.append(f'<tr class="evidence"><td colspan="{3 + len(LABELS) + 1}"><details><summary>evidence: '
                    f'{len(e.lines)} line{"s" * (len(e.lines) != 1)}, statements {_e(", ".join(map(str, e.evidence)))}'
                    f'</summary><ol>{items}</ol></details></td></tr>')
    model = "; ".join(_e(m) for m in models) or "not given"
    head = "".join(f"<th>{k}</th>" for k in LABELS)
    return (
        f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{_e(title)}</title><style>{_STYLE}</style>'
        f'</head>\n<body><h1>{_e(title)}</h1>\n'
        f'<p>{len(edges)} directed pair{"s" * (len(edges) != 1)} from {n_lines} (statement, target) '
        f'line{"s" * (n_lines != 1)}; net = (support − criticism) / total. Model: {model}.</p>\n'
        f'<table><thead><tr><th>source</th><th>target</th>{head}<th>total</th><th>net</th></tr></thead>\n'
        f'<tbody>\n' + "\n".join(rows) + "\n</tbody></table></body></html>\n"
    )
