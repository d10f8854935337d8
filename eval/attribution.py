"""Attribution span scores on PolNeAR (brat): source, cue, content, exact and overlap, as BBC Citron reports.

Citron's definitions (`citron/metrics.py`), followed here:
- cue exact: a predicted cue equals a gold cue;
- source / content exact: the cues overlap and the source (content) span lists are equal (two empty source
  lists are equal: an attribution without a source predicted as such);
- quote exact: cue, sources and contents all equal; a prediction is a true positive when some gold quote
  matches it; a gold quote is missed when no prediction matches it (not one to one, as in Citron);
- overlap: token counts. Precision = predicted tokens that lie in a gold span of the same role / predicted
  tokens; recall = gold tokens that lie in a predicted span of that role / gold tokens. "quote" sums the three
  roles. Tokens are `\\w+` runs and single punctuation marks of the article text. (Citron sums overlaps over
  all predicted x gold pairs, which equals this when spans of one side do not overlap each other, as in
  PolNeAR's univocal gold; here a token is counted once, so the figures never exceed 1. Citron's `quote`
  overlap line passes its precision and recall denominators swapped; here they are not.)

PolNeAR quirks handled: discontinuous fragments (`Content 2103 2168;2170 2425`), extra role slots
(`Content2`), attributions without a source (`Attribution-no-source`), span texts running over several lines,
annotator notes, and articles annotated by several annotators (one annotation per article is kept: the first
annotator id in sort order).

>>> ann = "T1\\tSource 0 7\\tHammond\\nT2\\tCue 8 12\\tsaid\\nT3\\tContent 13 19\\tRussia\\n" \\
...       "T4\\tAttribution 8 12\\tsaid\\nE1\\tAttribution:T4 Content:T3 Cue:T2 Source:T1"
>>> parse_ann(ann)
[Quote(cue=((8, 12),), source=((0, 7),), content=((13, 19),), id='E1')]
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

Spans = tuple[tuple[int, int], ...]
ROLES = ("cue", "source", "content")
_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)(?:\t|$)")
_TOKEN = re.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True)
class Quote:
    """An attribution relation: cue, source and content spans (each a sorted tuple of (start, end)
    fragments)."""

    cue: Spans = ()
    source: Spans = ()
    content: Spans = ()
    id: str = ""

    def spans(self, role: str) -> Spans:
        return getattr(self, role)


@dataclass(frozen=True)
class Document:
    id: str
    text: str
    quotes: tuple[Quote, ...]
    annotator: str = ""


def _norm(spans: Iterable[tuple[int, int]]) -> Spans:
    return tuple(sorted({(int(s), int(e)) for s, e in spans if e > s}))


# --------------------------------------------------------------------------- reading brat


def parse_ann(text: str) -> list[Quote]:
    """The attribution relations of one brat `.ann` file, in file order."""
    spans: dict[str, Spans] = {}
    events: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        m = _T_LINE.match(line)
        if m:
            frags = [tuple(map(int, f.split())) for f in m.group(3).split(";")]
            spans[m.group(1)] = _norm(frags)
        elif re.match(r"^E\d+\t", line):
            eid, args = line.split("\t", 1)
            events.append((eid, args.split()))
        # other lines: annotator notes (#), continuation lines of multi-line span texts
    quotes = []
    for eid, args in events:
        parts: dict[str, list[tuple[int, int]]] = {r: [] for r in ROLES}
        for arg in args[1:]:  # args[0] is the trigger, `Attribution:T4`
            role, _, ref = arg.partition(":")
            base = re.sub(r"\d+$", "", role).lower()
            if base in parts and ref in spans:
                parts[base].extend(spans[ref])
        quotes.append(Quote(_norm(parts["cue"]), _norm(parts["source"]), _norm(parts["content"]), eid))
    return quotes


def polnear_dir(root: str | os.PathLike | None = None) -> Path:
    """PolNeAR's `data/` folder inside the shared data folder (`training.heldout.data_dir`)."""
    from training.heldout import data_dir

    path = data_dir(root) / "polnear" / "data"
    if not path.is_dir():
        raise FileNotFoundError(
            f"PolNeAR not found at {path}: point --data or $STANCE_DATA at the shared data folder"
        )
    return path


def load_polnear(split: str = "test", root: str | os.PathLike | None = None) -> list[Document]:
    """PolNeAR articles of `split` ("train", "dev" or "test") with their gold quotes, one annotation per
    article."""
    if split not in ("train", "dev", "test"):
        raise ValueError(f"split must be 'train', 'dev' or 'test', got {split!r}")
    base = polnear_dir(root) / split
    chosen: dict[str, tuple[str, Path]] = {}
    for ann in sorted((base / "attributions").glob("*.ann")):
        name, _, annotator = ann.stem.rpartition("_")
        if name not in chosen or annotator < chosen[name][0]:
            chosen[name] = (annotator, ann)
    docs = []
    for name in sorted(chosen):
        annotator, ann = chosen[name]
        txt = base / "text" / f"{name}.txt"
        if not txt.exists():
            raise FileNotFoundError(f"{ann.name} has no text file {txt}")
        text = txt.read_text(encoding="utf-8")
        docs.append(Document(name, text, tuple(parse_ann(ann.read_text(encoding="utf-8"))), annotator))
    return docs


# --------------------------------------------------------------------------- predictions


def quote_from_statement(statement) -> Quote:
    """A `Quote` from a `stance.records.Statement` (speaker, cue and content spans).

    A speaker resolved from an earlier sentence (`resolved=True`) is not the span PolNeAR marks as source (the
    pronoun or the subject in the sentence itself): it is left out, so such statements score no source.
    """
    sp = statement.speaker
    source = () if sp is None or getattr(sp, "resolved", False) else ((sp.start, sp.end),)
    cue = () if statement.cue is None else ((statement.cue.start, statement.cue.end),)
    content = () if statement.content is None else ((statement.content.start, statement.content.end),)
    return Quote(_norm(cue), _norm(source), _norm(content), statement.id)


def quotes_from_analyze(lines: Iterable[str | Mapping]) -> dict[str, list[Quote]]:
    """Predicted quotes by document from `stance analyze` lines (one quote per `statement_id`)."""
    out: dict[str, dict[str, Quote]] = {}
    for n, line in enumerate(lines, 1):
        if isinstance(line, str):
            if not line.strip():
                continue
            line = json.loads(line)
        try:
            doc, sid = str(line["doc_id"]), str(line["statement_id"])
        except KeyError as exc:
            raise ValueError(f"analyze line {n} lacks {exc}: expected doc_id and statement_id") from exc
        sp = line.get("speaker")
        source = () if not sp or sp.get("resolved") else ((sp["start"], sp["end"]),)
        parts = {r: line.get(r) for r in ("cue", "content")}
        spans = {r: () if not v else _norm([(v["start"], v["end"])]) for r, v in parts.items()}
        out.setdefault(doc, {}).setdefault(sid, Quote(spans["cue"], _norm(source), spans["content"], sid))
    return {doc: list(q.values()) for doc, q in out.items()}


# --------------------------------------------------------------------------- scoring


def _overlaps(a: Spans, b: Spans) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def exact_counts(pred: Sequence[Quote], gold: Sequence[Quote]) -> dict[str, tuple[int, int, int]]:
    """(tp, fp, fn) per role and for the whole quote, with Citron's matching rules."""
    rules: dict[str, Callable[[Quote, Quote], bool]] = {
        "cue": lambda p, g: bool(p.cue) and p.cue == g.cue,
        "source": lambda p, g: _overlaps(p.cue, g.cue) and p.source == g.source,
        "content": lambda p, g: _overlaps(p.cue, g.cue) and p.content == g.content,
        "quote": lambda p, g: (
            bool(p.cue) and p.cue == g.cue and p.source == g.source and p.content == g.content
        ),
    }
    out = {}
    for name, match in rules.items():
        tp = sum(any(match(p, g) for g in gold) for p in pred)
        fn = sum(not any(match(p, g) for p in pred) for g in gold)
        out[name] = (tp, len(pred) - tp, fn)
    return out


def _token_bounds(text: str | None, limit: int) -> tuple[np.ndarray, np.ndarray]:
    if text is None:  # no text: count characters
        pos = np.arange(limit)
        return pos, pos + 1
    ms = list(_TOKEN.finditer(text))
    return np.array([m.start() for m in ms], dtype=int), np.array([m.end() for m in ms], dtype=int)


def _mask(spans: Iterable[tuple[int, int]], starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    m = np.zeros(len(starts), dtype=bool)
    for s, e in spans:
        m |= (starts < e) & (ends > s)
    return m


def overlap_counts(pred: Sequence[Quote], gold: Sequence[Quote], text: str | None = None) -> dict[str, tuple]:
    """Per role: (predicted tokens in gold, predicted tokens, gold tokens in predictions, gold tokens)."""
    limit = max([e for q in (*pred, *gold) for r in ROLES for _, e in q.spans(r)], default=0)
    starts, ends = _token_bounds(text, limit)
    out = {}
    for role in ROLES:
        gold_union = _mask((s for q in gold for s in q.spans(role)), starts, ends)
        pred_union = _mask((s for q in pred for s in q.spans(role)), starts, ends)
        p_in = p_all = g_in = g_all = 0
        for q in pred:
            m = _mask(q.spans(role), starts, ends)
            p_all += int(m.sum())
            p_in += int((m & gold_union).sum())
        for q in gold:
            m = _mask(q.spans(role), starts, ends)
            g_all += int(m.sum())
            g_in += int((m & pred_union).sum())
        out[role] = (p_in, p_all, g_in, g_all)
    return out


def _prf(p: float, r: float) -> dict:
    p, r = float(p), float(r)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def score(
    gold: Mapping[str, Sequence[Quote]],
    pred: Mapping[str, Sequence[Quote]],
    texts: Mapping[str, str] | None = None,
) -> dict:
    """Citron-style scores over documents: `{"n_docs", "n_gold", "n_pred", role: {"exact": prf, "overlap":
    prf}}`.

    Roles are cue, source, content and quote (all three together). Only documents in `gold` are scored; a
    document absent from `pred` has no predictions. `texts` (doc id -> article text) sets the token unit of
    the overlap scores; without it, characters are counted.
    """
    if not gold:
        raise ValueError("no gold documents to score against")
    exact = {r: np.zeros(3, dtype=int) for r in (*ROLES, "quote")}
    over = {r: np.zeros(4, dtype=int) for r in ROLES}
    n_gold = n_pred = 0
    for doc, g in gold.items():
        p = list(pred.get(doc, ()))
        n_gold, n_pred = n_gold + len(g), n_pred + len(p)
        for name, counts in exact_counts(p, g).items():
            exact[name] += counts
        for role, counts in overlap_counts(p, g, None if texts is None else texts.get(doc)).items():
            over[role] += counts
    out: dict = {"n_docs": len(gold), "n_gold": n_gold, "n_pred": n_pred}
    for name, (tp, fp, fn) in exact.items():
        ex = _prf(tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0)
        ex.update(tp=int(tp), fp=int(fp), fn=int(fn))
        out[name] = {"exact": ex}
    total = np.zeros(4, dtype=int)
    for role, (p_in, p_all, g_in, g_all) in over.items():
        total += (p_in, p_all, g_in, g_all)
        out[role]["overlap"] = _prf(p_in / p_all if p_all else 0.0, g_in / g_all if g_all else 0.0)
    p_in, p_all, g_in, g_all = (int(x) for x in total)
    out["quote"]["overlap"] = _prf(p_in / p_all if p_all else 0.0, g_in / g_all if g_all else 0.0)
    return out


def evaluate_extractor(
    extract: Callable[[Document], Sequence[Quote]],
    split: str = "test",
    root: str | os.PathLike | None = None,
    limit: int | None = None,
) -> dict:
    """Run `extract(document) -> quotes` on every PolNeAR article of `split` and score it.

    Wire the lead's extractor as, for example,

        nlp = stance.pipeline.Pipeline.load(with_classifier=False)
        extract = lambda d: [quote_from_statement(s) for s in nlp.statements(Article(d.id, d.text, "en"))]
    """
    docs = load_polnear(split, root)[:limit]
    pred = {d.id: list(extract(d)) for d in docs}
    result = score({d.id: d.quotes for d in docs}, pred, {d.id: d.text for d in docs})
    result.update(dataset=f"polnear-{split}")
    return result


def render_markdown(result: Mapping) -> str:
    """The scores as a Markdown table: one row per role, exact and overlap P/R/F1 in percent."""
    rows = [
        f"# Attribution spans: {result.get('dataset', 'PolNeAR')}",
        "",
        (
            f"{result['n_docs']} documents, {result['n_gold']} gold and {result['n_pred']} predicted "
            "attributions."
        ),
        "",
        "| span | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1 |",
        "|---|---|---|---|---|---|---|",
    ]
    for role in (*ROLES, "quote"):
        ex, ov = result[role]["exact"], result[role]["overlap"]
        cells = [ex["precision"], ex["recall"], ex["f1"], ov["precision"], ov["recall"], ov["f1"]]
        rows.append(f"| {role} | " + " | ".join(f"{100 * c:.1f}" for c in cells) + " |")
    return "\n".join(rows) + "\n"
