"""Rules vs CRF attribution on PolNeAR, scored with the code of `stance eval-attribution`.

    python -m eval.attribution_crf --split dev                    # rules and the shipped CRF on dev
    python -m eval.attribution_crf --split dev,test -o eval/results/attribution_crf   # report test once

Both extractors read the same articles and the same actor mentions (`stance.pipeline.Pipeline.mentions`, as
`stance analyze` does): the rules are `stance.attribution.extract_statements` (what `Pipeline.statements` runs;
its targets do not change the spans), the CRF is `stance.attribution_crf.extract_statements_crf`. Statements
become quotes with `eval.attribution.quote_from_statement` and are scored with `eval.attribution.score`, as
`stance eval-attribution` scores `stance analyze --all-statements` output.

`crf-pronouns` is a diagnostic: the CRF with pronoun sources kept as written instead of resolved to the previous
speaker (a resolved speaker is scored as no source, while PolNeAR marks the pronoun).

Speed: sentences (`stance.text.split_sentences`) per second of the extractor alone, mentions found beforehand,
on this machine, in the same run.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from .attribution import load_polnear, quote_from_statement, render_markdown, score

METHODS = ("rules", "crf", "crf-pronouns")


def evaluate_split(
    split: str = "dev",
    root: str | os.PathLike | None = None,
    methods: Sequence[str] = METHODS,
    model: str | os.PathLike | None = None,
    unit: str = "paragraph",
    limit: int | None = None,
) -> dict:
    """Scores (as `eval.attribution.score`) and speed of each method on one PolNeAR split."""
    from stance.attribution import extract_statements
    from stance.attribution_crf import extract_statements_crf, load_tagger
    from stance.pipeline import Pipeline
    from stance.records import Article
    from stance.text import split_sentences

    unknown = set(methods) - set(METHODS)
    if unknown:
        raise ValueError(f"unknown methods {sorted(unknown)}: choose from {METHODS}")
    docs = load_polnear(split, root)[:limit]
    nlp = Pipeline.load(with_classifier=False)
    tagger = load_tagger(model) if any(m.startswith("crf") for m in methods) else None
    articles = [Article(d.id, d.text, "en") for d in docs]
    t0 = time.perf_counter()
    mentions = [nlp.mentions(a, "en") for a in articles]
    t_mentions = time.perf_counter() - t0
    n_sent = sum(len(split_sentences(d.text)) for d in docs)
    run = {
        "rules": lambda a, m: extract_statements(a, m, "en"),
        "crf": lambda a, m: extract_statements_crf(a, m, tagger, unit=unit),
        "crf-pronouns": lambda a, m: extract_statements_crf(a, m, tagger, unit=unit, resolve_pronouns=False),
    }
    gold = {d.id: d.quotes for d in docs}
    texts = {d.id: d.text for d in docs}
    out: dict = {}
    for name in methods:
        t0 = time.perf_counter()
        statements = {a.id: run[name](a, m) for a, m in zip(articles, mentions)}
        seconds = time.perf_counter() - t0
        pred = {doc: [quote_from_statement(s) for s in sts] for doc, sts in statements.items()}
        r = score(gold, pred, texts)
        r.update(
            dataset=f"polnear-{split}",
            method=name,
            seconds=round(seconds, 2),
            sentences=n_sent,
            sentences_per_s=round(n_sent / seconds, 1) if seconds else None,
            mention_seconds=round(t_mentions, 2),
        )
        out[name] = r
    return out


def render(results: dict) -> str:
    """One Markdown table per method (as `stance eval-attribution`) and a summary line of each."""
    parts = []
    for name, r in results.items():
        parts.append(render_markdown(r).replace("# Attribution spans:", f"## {name}:", 1))
        parts.append(f"{r['sentences']} sentences in {r['seconds']} s: {r['sentences_per_s']} sentences/s "
                     f"(mentions found beforehand in {r['mention_seconds']} s)\n")
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="dev", help="train, dev or test, or several: dev,test")
    ap.add_argument("--data", default=None, help="shared data folder (default: $STANCE_DATA or ../shared/data)")
    ap.add_argument("--model", default=None, help="CRF model file (default: the shipped model)")
    ap.add_argument("--unit", default="paragraph", choices=("paragraph", "sentence"),
                    help="the unit the CRF model was trained on")
    ap.add_argument("--methods", default=",".join(METHODS), help=f"comma-separated, from {','.join(METHODS)}")
    ap.add_argument("--limit", type=int, default=None, help="first N articles only")
    ap.add_argument("-o", "--output", default=None, help="folder: write <split>.json and <split>.md there")
    args = ap.parse_args(argv)
    methods = [m for m in args.methods.split(",") if m]
    for split in args.split.split(","):
        try:
            results = evaluate_split(split, args.data, methods, args.model, args.unit, args.limit)
        except (ValueError, FileNotFoundError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        text = render(results)
        print(text)
        if args.output:
            out = Path(args.output)
            out.mkdir(parents=True, exist_ok=True)
            (out / f"{split}.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
            (out / f"{split}.md").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
