"""Where the end-to-end errors lie: what `stance analyze` gets wrong on gold documents, by kind.

`stance eval-e2e` says how many (speaker, target, stance) triples are right; this says where the others go, to
show which part of the pipeline a gain could come from. It runs the pipeline itself, so that it sees the pairs the
target filter and the taggers' vetoes drop as well as those kept:

- stance on the pairs matched without stance (gold -> predicted), and its accuracy by statement: a pair alone in
  its statement, with others of the same gold stance, or with others of another ("mixed" statements, where the
  model has to read each target rather than the sentence);
- predicted pairs that match no gold pair: a second pair for a gold pair matched already, a right speaker with a
  wrong target, or a wrong speaker;
- gold pairs that no kept pair matches: the speaker never found; else the target dropped (and by what), its kept
  pair taken by another gold pair, the target kept for another speaker, or never a candidate of that speaker (inside the statement's content, before its cue in the
  cue's sentence, or elsewhere);
- the pairs dropped, by what dropped them, and how many of them would have matched a gold pair no kept pair matches;
- precision of the kept pairs by their rank within their statement (by the filter's relevance; pairs it does not
  score first), with and without stance: where every rank is right more often than
  F1 / 2, dropping pairs cannot raise F1;
- the same precision by where each kept pair came from (`origin`): its speaker named at a cue, resolved to an
  earlier mention ("وأضاف", "مضيفا"), or proposed by the speaker tagger; its target proposed by the rules or by the
  target tagger.

    python -m eval.sentences ar dev --exhaustive -o g.jsonl
    stance eval-errors g.jsonl [--model DIR] [--examples 5] [-o errors.json]   (or: python -m eval.errors ...)
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from eval.endtoend import (Triple, confusion, doc_key, gold_articles, load_gold, pair_matching, speakers_match,
                           strict_matching, triples_from_analyze, triples_match)
from eval.metrics import target_contrast
from stance.records import Article, Portrayal, spans_overlap
from stance.text import split_sentences

RANKS = 5  # ranks 1..4 apart, the fifth and later together


@dataclass(frozen=True)
class Candidate:
    """One scored (statement, target) pair of a document: kept in the output or dropped (`dropped_by`)."""

    triple: Triple
    statement: str
    relevance: float | None = None
    dropped_by: tuple[str, ...] = ()
    origin: str = "cue speaker, rule target"  # `origin_of`

    @classmethod
    def of(cls, portrayal: Portrayal, triple: Triple, dropped_by: tuple[str, ...] = ()) -> "Candidate":
        return cls(triple, portrayal.statement.id, portrayal.relevance, dropped_by, origin_of(portrayal))

    @property
    def kept(self) -> bool:
        return not self.dropped_by

    @property
    def target(self) -> tuple[int, int]:
        return self.triple.target


@dataclass(frozen=True)
class Said:
    """A statement's speaker (as a Triple with no target, for `speakers_match`), its cue and its content spans."""

    speaker: Triple
    cue: tuple[int, int] | None
    content: tuple[int, int]


def origin_of(portrayal: Portrayal) -> str:
    """Where a `stance.records.Portrayal`'s speaker and target came from: "cue", "resolved" (an earlier mention) or
    "tagged" (the speaker tagger) speaker; "rule" or "tagged" (the target tagger) target."""
    st = portrayal.statement
    speaker = "tagged" if st.cue_kind == "tagged" else "resolved" if st.speaker and st.speaker.resolved else "cue"
    return f"{speaker} speaker, {'tagged' if portrayal.target.tagged is not None else 'rule'} target"


def _speaker_only(doc: str, sp: Mapping | None) -> Triple:
    return Triple(doc, (sp["start"], sp["end"]) if sp else None, sp.get("text") if sp else None, (-1, -1), "", "",
                  bool(sp and sp.get("resolved")))


def collect(nlp, articles: Sequence[Mapping], batch_size: int = 32,
            round_size: int = 64) -> dict[str, tuple[list[Said], list[Candidate]]]:
    """Each article's statements (the taggers' included) and scored pairs, kept and dropped, by `nlp` (a
    `stance.pipeline.Pipeline`), articles scored `round_size` at a time."""
    from tqdm import tqdm

    out: dict[str, tuple[list[Said], list[Candidate]]] = {}
    for k in tqdm(range(0, len(articles), round_size), desc="articles", unit=f"×{round_size}",
                  disable=len(articles) <= round_size):
        arts = [Article(a["id"], a["text"], a.get("lang")) for a in articles[k:k + round_size]]
        batch = nlp.with_taggers([(art, nlp.statements(art)) for art in arts], batch_size)
        for (art, sts), (kept, dropped) in zip(batch, nlp.score_many(batch, batch_size, tag=False)):
            doc = doc_key(art.id)  # as `triples_from_analyze` and the gold name it
            said = [Said(_speaker_only(doc, st.speaker.to_json() if st.speaker else None),
                         (st.cue.start, st.cue.end) if st.cue else None, (st.content.start, st.content.end))
                    for st in sts]
            cands = []
            for p, why in [(p, ()) for p in kept] + [(p, tuple(nlp.dropped_by(p)) or ("unknown",)) for p in dropped]:
                (triple,) = triples_from_analyze([p.to_json()])[doc]
                cands.append(Candidate.of(p, triple, why))
            out[doc] = (said, cands)
    return out


def _ranks(cands: Sequence[Candidate]) -> dict[int, int]:
    """Index in `cands` -> rank (0-based) of each kept pair within its statement, by relevance (None first)."""
    by: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(cands):
        if c.kept:
            by[c.statement].append(i)
    out = {}
    for ix in by.values():
        for r, i in enumerate(sorted(ix, key=lambda i: -(cands[i].relevance if cands[i].relevance is not None
                                                          else 2.0))):
            out[i] = r
    return out


def breakdown(gold: Mapping[str, Sequence[Triple]], texts: Mapping[str, str],
              found: Mapping[str, tuple[Sequence[Said], Sequence[Candidate]]], examples: int = 0) -> dict:
    """The counts described in the module's docstring, over the documents of `gold` (a document missing from
    `found` has found nothing); with `examples`, the first that many of each kind of error too (document, speaker,
    target, stance and the words around the target), under `examples`."""
    fp: Counter = Counter()
    fn: Counter = Counter()
    shown: dict[str, list[dict]] = defaultdict(list)

    def note(kind: str, t: Triple) -> None:
        if len(shown[kind]) < examples:
            text = texts.get(t.doc_id, "")
            a, b = t.target
            shown[kind].append({"doc_id": t.doc_id, "speaker": t.speaker_text, "target": t.target_text,
                                "stance": t.stance, "context": text[max(0, a - 80):a] + "[" + text[a:b] + "]"
                                + text[b:b + 40]})
    stances: list[tuple[str, str]] = []
    by_statement: dict[tuple, list[tuple[str, str]]] = defaultdict(list)  # (doc, speaker) -> (gold, predicted)
    by_rank: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])  # rank -> [pairs, right pairs, right triples]
    by_origin: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # origin -> the same
    dropped: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # by what -> the same
    n_kept = 0
    for doc, g in gold.items():
        said, cands = found.get(doc, ([], []))
        kept = [c for c in cands if c.kept]
        n_kept += len(kept)
        p = [c.triple for c in kept]
        pairs = pair_matching(g, p)  # as `stance eval-e2e` matches them
        strict = {j for _, j in strict_matching(g, p)}
        stances += [(g[i].stance, p[j].stance) for i, j in pairs]
        for i, j in pairs:
            by_statement[(doc, p[j].speaker)].append((g[i].stance, p[j].stance))
        hit_g, hit_p = {i for i, _ in pairs}, {j for _, j in pairs}
        for j, t in enumerate(p):
            if j not in hit_p:
                kind = ("a second pair for a gold pair matched already" if any(triples_match(x, t, False) for x in g)
                        else "right speaker, wrong target" if any(speakers_match(x, t) for x in g)
                        else "wrong speaker")
                fp[kind] += 1
                note("predicted, " + kind, t)
        free = [x for i, x in enumerate(g) if i not in hit_g]  # what a dropped pair could still have matched
        for c in cands:
            if not c.kept:
                row = dropped[" + ".join(c.dropped_by)]
                row[0] += 1
                row[1] += any(triples_match(x, c.triple, False) for x in free)
                row[2] += any(triples_match(x, c.triple, True) for x in free)
        ranks = _ranks(kept)
        for j in range(len(p)):
            for row in (by_rank[min(ranks[j], RANKS - 1)], by_origin[kept[j].origin]):
                row[0] += 1
                row[1] += j in hit_p
                row[2] += j in strict
        sentences = split_sentences(texts.get(doc, ""))
        for i, t in enumerate(g):
            if i in hit_g:
                continue
            mine = [s for s in said if speakers_match(t, s.speaker)]
            gone = [c for c in cands
                    if not c.kept and speakers_match(t, c.triple) and spans_overlap(c.target, t.target)]
            if not mine:
                kind = "speaker never found"
            elif gone:
                kind = "target dropped by " + " + ".join(gone[0].dropped_by)
            elif any(triples_match(t, x, False) for x in p):
                kind = "its kept pair went to another gold pair"  # one to one: both gold pairs overlap it
            elif any(spans_overlap(x.target, t.target) for x in p):
                kind = "target kept for another speaker"
            elif any(s.content[0] <= t.target[0] < s.content[1] for s in mine):
                kind = "target never a candidate: inside the content"
            elif any(s.cue and _before_cue(sentences, s, t) for s in mine):
                kind = "target never a candidate: before the cue in its sentence"
            else:
                kind = "target never a candidate: elsewhere"
            fn[kind] += 1
            note("missed, " + kind, t)
    n_gold = sum(len(g) for g in gold.values())
    return {
        "docs": len(gold), "gold_pairs": n_gold, "kept_pairs": n_kept,
        "stance_on_matched_pairs": confusion(stances),
        "stance_by_statement": _by_statement(by_statement.values()),
        "unmatched_predicted_pairs": dict(sorted(fp.items())),
        "missed_gold_pairs": dict(sorted(fn.items())),
        "precision_by_rank_in_statement": {(str(r + 1) if r < RANKS - 1 else f"{RANKS}+"): _precision(*row)
                                           for r, row in sorted(by_rank.items())},
        "precision_by_origin": {origin: _precision(*row) for origin, row in sorted(by_origin.items())},
        "dropped_pairs": {why: {"pairs": n, "match_a_gold_pair": ok, "with_its_stance": right}
                          for why, (n, ok, right) in sorted(dropped.items())},
        **({"examples": dict(sorted(shown.items()))} if examples else {}),
    }


def _precision(pairs: int, right_pairs: int, right_triples: int) -> dict:
    return {"pairs": pairs, "pair_precision": round(right_pairs / pairs, 4),
            "triple_precision": round(right_triples / pairs, 4)}


def _by_statement(groups: Iterable[Sequence[tuple[str, str]]]) -> dict:
    """Stance accuracy on the matched pairs by how they share a statement (one speaker in a document): alone among
    the matched pairs of their statement ("single"), with matched pairs that share their gold stance ("uniform"), or
    with pairs of another gold stance ("mixed": "ندعم جهود المعارضة في مكافحة تنظيم الدولة"); for the mixed ones
    also `eval.metrics.target_contrast`'s count of statements given more than one stance."""
    groups = list(groups)
    out = {}
    for kind in ("single", "uniform", "mixed"):
        chosen = [g for g in groups if len(g) == 1] if kind == "single" else \
            [g for g in groups if len(g) > 1 and (len({a for a, _ in g}) > 1) == (kind == "mixed")]
        n = sum(len(g) for g in chosen)
        right = sum(a == b for g in chosen for a, b in g)
        out[kind] = {"statements": len(chosen), "pairs": n, "right": right,
                     "accuracy": round(right / n, 4) if n else None}
    flat = [(a, b, k) for k, g in enumerate(groups) for a, b in g]
    contrast = target_contrast([a for a, _, _ in flat], [b for _, b, _ in flat], [k for _, _, k in flat])
    out["mixed"]["predicted_mixed"] = contrast["groups"] - contrast["one_label_groups"]
    return out


def _before_cue(sentences, s: Said, t: Triple) -> bool:
    """Whether the gold target stands before the statement's cue (and before its speaker, where the speaker is named
    in that sentence: a resolved one points at an earlier mention), in the cue's sentence."""
    for x in sentences:
        if x.start <= s.cue[0] < x.end:
            sp = s.speaker.speaker
            first = min(s.cue[0], sp[0]) if sp and x.start <= sp[0] < x.end else s.cue[0]
            return x.start <= t.target[0] < first
    return False


def markdown(report: Mapping) -> str:
    """The report as a few Markdown tables."""
    table = report["stance_on_matched_pairs"]
    labels = sorted(set(table) | {p for row in table.values() for p in row})
    lines = [f"{report['docs']} documents, {report['gold_pairs']} gold pairs, {report['kept_pairs']} kept pairs.", "",
             "| gold \\ predicted | " + " | ".join(labels) + " |", "|---" * (len(labels) + 1) + "|"]
    for g in labels:
        row = table.get(g, {})
        lines.append(f"| {g} | " + " | ".join(str(row.get(p, 0)) for p in labels) + " |")
    for title, key in (("Predicted pairs matching no gold pair", "unmatched_predicted_pairs"),
                       ("Gold pairs no kept pair matches", "missed_gold_pairs")):
        lines += ["", f"| {title} | n |", "|---|---|"] + [f"| {k} | {v} |" for k, v in report[key].items()]
    by_statement = report["stance_by_statement"]
    lines += ["", "| matched pairs of statements | statements | pairs | stance right | accuracy |",
              "|---|---|---|---|---|"]
    lines += [f"| {kind} | {v['statements']} | {v['pairs']} | {v['right']} | {v['accuracy']} |"
              for kind, v in by_statement.items()]
    lines += ["", f"Mixed statements given more than one stance: {by_statement['mixed']['predicted_mixed']} of "
              f"{by_statement['mixed']['statements']}."]
    lines += ["", "| rank in statement | pairs | pair precision | triple precision |", "|---|---|---|---|"]
    lines += [f"| {r} | {v['pairs']} | {v['pair_precision']} | {v['triple_precision']} |"
              for r, v in report["precision_by_rank_in_statement"].items()]
    lines += ["", "| kept pairs by origin | pairs | pair precision | triple precision |", "|---|---|---|---|"]
    lines += [f"| {o} | {v['pairs']} | {v['pair_precision']} | {v['triple_precision']} |"
              for o, v in report.get("precision_by_origin", {}).items()]
    lines += ["", "| pairs dropped by | pairs | matching a gold pair | with its stance |", "|---|---|---|---|"]
    lines += [f"| {why} | {v['pairs']} | {v['match_a_gold_pair']} | {v['with_its_stance']} |"
              for why, v in report["dropped_pairs"].items()]
    for kind, rows in report.get("examples", {}).items():
        lines += ["", f"{kind}:"] + [f"- {e['doc_id']}: {e['speaker']} -> {e['target']} ({e['stance']}): "
                                     + " ".join(e["context"].split()) for e in rows]
    return "\n".join(lines) + "\n"


def errors_of(gold_path: str | Path, model: str | Path | None = None, examples: int = 0,
              batch_size: int = 32) -> dict:
    """`breakdown` of the pipeline of `model` (default: the one `stance analyze` uses) on the gold documents at
    `gold_path` (a file or folder `eval.endtoend.load_gold` reads); FileNotFoundError or ValueError on bad input."""
    from stance.pipeline import Pipeline

    gold, articles = load_gold(gold_path), gold_articles(gold_path)
    nlp = Pipeline.load(model=model)
    return breakdown(gold, {a["id"]: a["text"] for a in articles}, collect(nlp, articles, batch_size), examples)


def main(argv: Iterable[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", help="gold documents (JSONL of `python -m eval.sentences ... -o`, or the seed format)")
    ap.add_argument("--model", default=None, help="stance model folder (default: the one `stance analyze` uses)")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--examples", type=int, default=0, metavar="N",
                    help="also list the first N errors of each kind, with the words around the target in [ ]")
    ap.add_argument("-o", "--output", type=Path, default=None, help="also write the report as JSON here")
    args = ap.parse_args(None if argv is None else list(argv))
    if args.examples < 0:
        ap.error("--examples must be 0 or more")
    try:
        report = errors_of(args.gold, args.model, args.examples, args.batch_size)
    except (FileNotFoundError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    sys.stdout.write(markdown(report))
    if args.output:
        args.output.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
