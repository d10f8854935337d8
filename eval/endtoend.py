"""End-to-end scoring of `stance analyze`: (speaker, target, stance) triples per document against gold.

A predicted triple matches a gold one when
- the speakers match: both are the author (None), or their spans overlap, or, when the gold speaker was
  resolved (the sentence itself had only a pronoun or an implicit subject), the predicted speaker names the
  same mention text (another mention of the same person counts);
- the target spans overlap;
- and, for the strict score, the stances are equal.
Matching is one to one (a maximum bipartite matching per document; among those of maximum size, the one with
the most equal stances when stance is ignored), so a duplicated prediction is a false positive. Documents
missing from the predictions count all their gold triples as misses; predictions for documents that have no
gold are left out of the counts and listed under `docs_without_gold`.

>>> g = [Triple("d", (0, 7), "Hammond", (13, 19), "Russia", "criticism")]
>>> p = [Triple("d", (0, 7), "Hammond", (13, 19), "Russia", "neutral")]
>>> r = score_triples({"d": g}, {"d": p})
>>> r["with_stance"]["f1"], r["without_stance"]["f1"]
(0.0, 1.0)
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from scipy.optimize import linear_sum_assignment

from stance.records import spans_overlap
from stance.text import tokens

from eval.paired import f1_interval

SpanT = tuple[int, int]


@dataclass(frozen=True)
class Triple:
    """One (speaker, target, stance) fact of a document; `speaker` None = the author's own voice."""

    doc_id: str
    speaker: SpanT | None
    speaker_text: str | None
    target: SpanT
    target_text: str
    stance: str
    resolved: bool = False


def doc_key(doc_id: str) -> str:
    """Document ids compare without a `.txt` suffix (`stance analyze a1.txt` may name the article either
    way)."""
    return doc_id.removesuffix(".txt")


# --------------------------------------------------------------------------- reading


def gold_from_seed(obj: Mapping, doc_id: str | None = None) -> list[Triple]:
    """Triples of one gold document in the seed format (`shared/seed/seed_gold.json`).

    The format: `{"text", "statements": [{"speaker", "speaker_start", "targets": [{"target", "target_start",
    "stance"}], "speaker_resolved_from"?}]}`; `speaker_start` of a resolved statement points at the earlier
    mention. The document id is `doc_id`, else `gold_doc_id(obj)`.
    """
    text = obj.get("text")
    if not isinstance(text, str) or "statements" not in obj:
        raise ValueError(
            "a gold document needs 'text' and 'statements' (the format of shared/seed/seed_gold.json)"
        )
    doc_id = doc_key(str(doc_id)) if doc_id is not None else gold_doc_id(obj)
    out = []
    for n, st in enumerate(obj["statements"]):
        speaker_text = st.get("speaker")
        speaker = None
        if speaker_text is not None:
            speaker = _span_at(text, speaker_text, st.get("speaker_start"), f"statement {n} speaker")
        for t in st.get("targets", []):
            target = _span_at(
                text, t["target"], t.get("target_start"), f"statement {n} target {t['target']!r}"
            )
            out.append(
                Triple(
                    doc_id,
                    speaker,
                    speaker_text,
                    target,
                    t["target"],
                    t["stance"],
                    "speaker_resolved_from" in st,
                )
            )
    return out


def _span_at(text: str, surface: str, start: int | None, where: str) -> SpanT:
    if not isinstance(start, int):
        raise ValueError(f"{where}: missing integer start offset")
    end = start + len(surface)
    if text[start:end] != surface:
        raise ValueError(
            f"{where}: text[{start}:{end}] is {text[start:end]!r}, not {surface!r}: fix the offset"
        )
    return (start, end)


def gold_doc_id(obj: Mapping) -> str:
    """A gold document's id: "id" or "doc_id", else the source's id, else the file name that opens
    "source"."""
    src = obj.get("source")
    doc_id = obj.get("id") or obj.get("doc_id")
    if doc_id is None and isinstance(src, Mapping):
        doc_id = src.get("id")
    if doc_id is None and isinstance(src, str) and src.strip():
        doc_id = src.split()[0]
    if doc_id is None:
        raise ValueError("gold document has no id: add an 'id' field")
    return doc_key(str(doc_id))


def read_gold_documents(path: str | os.PathLike) -> list[dict]:
    """The gold documents (seed format) of a JSON file (one document or a list), a JSONL file, or a folder of
    `*.json` files (searched recursively, in name order)."""
    path = Path(path)
    if path.is_dir():
        files = sorted(path.rglob("*.json"))
        if not files:
            raise FileNotFoundError(f"no *.json gold documents under {path}")
        return [doc for f in files for doc in read_gold_documents(f)]
    if not path.is_file():
        raise FileNotFoundError(f"gold file {path} not found")
    raw = path.read_text(encoding="utf-8")
    try:
        data = json.loads(raw)
        return data if isinstance(data, list) else [data]
    except json.JSONDecodeError:
        return [json.loads(line) for line in raw.splitlines() if line.strip()]


def load_gold(path: str | os.PathLike) -> dict[str, list[Triple]]:
    """Gold triples by document (see `read_gold_documents` for what `path` may be)."""
    out: dict[str, list[Triple]] = {}
    for d in read_gold_documents(path):
        out.setdefault(gold_doc_id(d), []).extend(gold_from_seed(d))
    return out


def gold_articles(path: str | os.PathLike) -> list[dict]:
    """The gold documents as `stance analyze` input lines: `{"id", "text", "lang"?}`."""
    out = []
    for d in read_gold_documents(path):
        line = {"id": gold_doc_id(d), "text": d["text"]}
        if d.get("lang"):
            line["lang"] = d["lang"]
        out.append(line)
    return out


def triples_from_analyze(lines: Iterable[str | Mapping]) -> dict[str, list[Triple]]:
    """Predicted triples by document from `stance analyze` output lines (JSON strings or parsed objects)."""
    out: dict[str, list[Triple]] = {}
    for n, line in enumerate(lines, 1):
        if isinstance(line, str):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"analyze output line {n} is not JSON ({exc})") from exc
        else:
            obj = line
        if "target" in obj and obj["target"] is None:  # `--all-statements` line: statement without target
            continue
        try:
            sp, tg = obj.get("speaker"), obj["target"]
            triple = Triple(
                doc_key(str(obj["doc_id"])),
                (sp["start"], sp["end"]) if sp else None,
                sp.get("text") if sp else None,
                (tg["start"], tg["end"]),
                tg.get("text", ""),
                obj["stance"],
                bool(sp and sp.get("resolved")),
            )
        except (KeyError, TypeError) as exc:
            raise ValueError(
                f"analyze output line {n} lacks a contract field ({exc!r}): expected doc_id, "
                "speaker, target {start, end}, stance"
            ) from exc
        out.setdefault(triple.doc_id, []).append(triple)
    return out


# --------------------------------------------------------------------------- matching


def _name(text: str | None) -> str:
    return " ".join(t.norm for t in tokens(text or ""))


def speakers_match(gold: Triple, pred: Triple) -> bool:
    """Author with author; overlapping spans; or, for a resolved gold speaker, the same name (normalised
    text)."""
    if gold.speaker is None or pred.speaker is None:
        return gold.speaker is None and pred.speaker is None
    if spans_overlap(gold.speaker, pred.speaker):
        return True
    return (
        gold.resolved
        and bool(_name(gold.speaker_text))
        and _name(gold.speaker_text) == _name(pred.speaker_text)
    )


def triples_match(gold: Triple, pred: Triple, with_stance: bool = True) -> bool:
    if with_stance and gold.stance != pred.stance:
        return False
    return spans_overlap(gold.target, pred.target) and speakers_match(gold, pred)


def max_matching(
    n_left: int, n_right: int, weight: Callable[[int, int], float | None]
) -> list[tuple[int, int]]:
    """A one-to-one matching of maximum total weight (`weight(i, j)` None = no edge), as sorted (left, right).

    With weights in [1, 1 + 1/(n+1)) the matching has maximum size first; the bonus breaks ties among those.

    >>> max_matching(2, 2, lambda i, j: 1.0 if (i, j) in {(0, 0), (0, 1), (1, 0)} else None)
    [(0, 1), (1, 0)]
    """
    if n_left == 0 or n_right == 0:
        return []
    w = np.zeros((n_left, n_right))
    edge = np.zeros((n_left, n_right), dtype=bool)
    for i in range(n_left):
        for j in range(n_right):
            x = weight(i, j)
            if x is not None:
                w[i, j], edge[i, j] = x, True
    rows, cols = linear_sum_assignment(w, maximize=True)
    return sorted((int(i), int(j)) for i, j in zip(rows, cols) if edge[i, j])


def prf(tp: int, n_pred: int, n_gold: int) -> dict:
    """Precision, recall and F1 from counts (0 where undefined), with the counts."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": n_pred - tp, "fn": n_gold - tp}


def strict_matching(g: Sequence[Triple], p: Sequence[Triple]) -> list[tuple[int, int]]:
    """The (gold, predicted) index pairs of one document's one-to-one matching with stance."""
    return max_matching(len(g), len(p), lambda i, j: 1.0 if triples_match(g[i], p[j], True) else None)


def pair_matching(g: Sequence[Triple], p: Sequence[Triple]) -> list[tuple[int, int]]:
    """The (gold, predicted) index pairs of one document's one-to-one matching without stance: of maximum size,
    and among those the one with the most equal stances."""
    bonus = 1 / (min(len(g), len(p)) + 1)  # prefer same-stance pairs among the largest matchings

    def loose(i: int, j: int) -> float | None:
        return 1.0 + bonus * (g[i].stance == p[j].stance) if triples_match(g[i], p[j], False) else None

    return max_matching(len(g), len(p), loose)


def _match_doc(g: Sequence[Triple], p: Sequence[Triple]) -> tuple[int, int, list[tuple[str, str]]]:
    """(strict matches, matches ignoring stance, the (gold, predicted) stances of the latter) for one document."""
    pairs = pair_matching(g, p)
    return len(strict_matching(g, p)), len(pairs), [(g[i].stance, p[j].stance) for i, j in pairs]


def confusion(stances: Iterable[tuple[str, str]]) -> dict[str, dict[str, int]]:
    """Gold stance -> predicted stance -> count, over (gold, predicted) pairs.

    >>> confusion([("support", "criticism"), ("support", "support"), ("neutral", "criticism")])
    {'neutral': {'criticism': 1}, 'support': {'criticism': 1, 'support': 1}}
    """
    out: dict[str, dict[str, int]] = {}
    for g, p in stances:
        row = out.setdefault(g, {})
        row[p] = row.get(p, 0) + 1
    return {g: dict(sorted(row.items())) for g, row in sorted(out.items())}


def _totals(per_doc: Mapping[str, Mapping], stances: Sequence[tuple[str, str]]) -> dict:
    rows = list(per_doc.values())
    n_gold, n_pred = sum(r["n_gold"] for r in rows), sum(r["n_pred"] for r in rows)
    tp, tp_loose = sum(r["tp"] for r in rows), sum(r["tp_without_stance"] for r in rows)
    same = sum(r["same_stance"] for r in rows)
    return {
        "n_docs": len(rows),
        "n_gold": n_gold,
        "n_pred": n_pred,
        "with_stance": prf(tp, n_pred, n_gold),
        "without_stance": prf(tp_loose, n_pred, n_gold),
        "stance_accuracy_on_matched": same / tp_loose if tp_loose else None,
        "stance_confusion_on_matched": confusion(stances),  # gold -> predicted -> count
        "f1_interval": f1_interval(per_doc),
    }


def score_triples(
    gold: Mapping[str, Sequence[Triple]],
    pred: Mapping[str, Sequence[Triple]],
    langs: Mapping[str, str] | None = None,
) -> dict:
    """Triple P/R/F1 with and without stance, and stance accuracy on the pairs matched without it.

    Returns `{"n_docs", "n_gold", "n_pred", "with_stance": prf, "without_stance": prf,
    "stance_accuracy_on_matched", "stance_confusion_on_matched" (gold -> predicted -> count, on the pairs matched
    without stance), "f1_interval" (95% bootstrap intervals of both F1s over the documents, `eval.paired`),
    "per_doc": {doc: counts}, "docs_without_gold"}`, and with `langs` (doc id -> language) the same totals per
    language under "per_lang".
    """
    gold = {doc_key(k): v for k, v in gold.items()}
    pred = {doc_key(k): v for k, v in pred.items()}
    if not gold:
        raise ValueError("no gold documents to score against")
    per_doc = {}
    stances: dict[str, list[tuple[str, str]]] = {}
    for doc, g in gold.items():
        p = pred.get(doc, [])
        tp, tp_loose, stances[doc] = _match_doc(g, p)
        per_doc[doc] = {
            "n_gold": len(g),
            "n_pred": len(p),
            "tp": tp,
            "tp_without_stance": tp_loose,
            "same_stance": sum(a == b for a, b in stances[doc]),
        }
    out = _totals(per_doc, [x for doc in per_doc for x in stances[doc]])
    if langs:
        keys = {doc: langs.get(doc, "unknown") for doc in per_doc}
        out["per_lang"] = {
            lang: _totals({d: per_doc[d] for d in per_doc if keys[d] == lang},
                          [x for d in per_doc if keys[d] == lang for x in stances[d]])
            for lang in sorted(set(keys.values()))
        }
    out["per_doc"] = per_doc
    out["docs_without_gold"] = sorted(set(pred) - set(gold))
    return out


def evaluate_files(gold_path: str | os.PathLike, analyze_path: str | os.PathLike) -> dict:
    """`score_triples` on gold documents (file or folder) and an `analyze` output file, per language too.

    When the gold has one document and the output names one other document id, they are paired (a single
    article analysed from a file whose name differs from the gold id).
    """
    docs = read_gold_documents(gold_path)
    gold = load_gold(gold_path)
    pred = triples_from_analyze(Path(analyze_path).read_text(encoding="utf-8").splitlines())
    if len(gold) == 1 and len(pred) == 1 and set(gold) != set(pred):
        (gdoc,), (pdoc,) = gold, pred
        pred = {gdoc: [replace(t, doc_id=gdoc) for t in pred[pdoc]]}
    langs = {gold_doc_id(d): d["lang"] for d in docs if d.get("lang")}
    return score_triples(gold, pred, langs or None)


def evaluate_pipeline(pipeline, gold_path: str | os.PathLike, batch_size: int = 32) -> dict:
    """Run a `stance.pipeline.Pipeline` on the gold articles and score its (speaker, target, stance) output.

    >>> from stance.pipeline import Pipeline                                 # doctest: +SKIP
    >>> evaluate_pipeline(Pipeline.load(), "eval/gold/e2e")["with_stance"]   # doctest: +SKIP
    """
    from stance.records import Article

    lines = []
    for a in gold_articles(gold_path):
        article = Article(a["id"], a["text"], a.get("lang"))
        lines += [p.to_json() for p in pipeline.score(article, pipeline.statements(article), batch_size)]
    result = evaluate_lines(gold_path, lines)
    result["model"] = getattr(pipeline.classifier, "name", None)
    return result


def evaluate_lines(gold_path: str | os.PathLike, lines: Iterable[str | Mapping]) -> dict:
    """`score_triples` on gold documents and analyze output lines already in memory, per language too."""
    docs = read_gold_documents(gold_path)
    langs = {gold_doc_id(d): d["lang"] for d in docs if d.get("lang")}
    return score_triples(load_gold(gold_path), triples_from_analyze(lines), langs or None)
