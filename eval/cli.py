"""`stance eval`, `stance eval-e2e`, `stance eval-errors` and `stance eval-attribution`: thin commands over the
`eval` library.

Registered through the entry-point group `stance.commands` (pyproject: `eval = "eval.cli:register"`).
Exit status: 0 on success, 2 on a usage error (bad file, unknown data set name, bad option).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

EXIT_USAGE = 2


def _fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(EXIT_USAGE)


def _threads(n: int | None) -> None:
    if n:
        import torch

        torch.set_num_threads(n)


def eval_command(
    data: str = typer.Argument(
        ...,
        help="eval-format JSONL file, or a built-in name: dse, newsmtsc-rw, newsmtsc-mt, "
        "ar-dev, ar-test, fr-dev, fr-test, en-dev, en-test, checklist-ar, checklist-en, checklist-fr",
    ),
    output: Path | None = typer.Option(
        None, "-o", "--output", help="output folder (default: ./eval_out/<data set name>)"
    ),
    model: Path | None = typer.Option(
        None, "--model", help="stance model folder (default: the shipped model)"
    ),
    baselines: bool = typer.Option(
        False,
        "--baselines/--no-baselines",
        help="also fit and score majority, TF-IDF + LR and frozen e5 + LR",
    ),
    embeddings: bool = typer.Option(
        True, "--embeddings/--no-embeddings", help="include the frozen e5 + LR baseline (slow on CPU)"
    ),
    baseline_train: str | None = typer.Option(
        None, "--baseline-train", help="train the baselines on: dse, newsmtsc, ar, fr or a JSONL file"
    ),
    limit: int | None = typer.Option(None, "--limit", min=1, help="score only the first N items"),
    batch_size: int = typer.Option(32, "--batch-size", min=1),
    seed: int = typer.Option(0, "--seed", help="seed of the bootstrap and the baselines"),
    resamples: int = typer.Option(
        1000, "--resamples", min=1, help="bootstrap resamples for the 95% interval"
    ),
    data_dir: Path | None = typer.Option(
        None, "--data", help="shared data folder (default: $STANCE_DATA or ../shared/data)"
    ),
    threads: int | None = typer.Option(None, "--threads", help="CPU threads for the model"),
    no_lexical_prior: bool = typer.Option(
        False, "--no-lexical-prior",
        help="score the transformer alone, without the model's lexical prior (stance.lexical)",
    ),
    no_ensemble: bool = typer.Option(
        False, "--no-ensemble",
        help="score the model alone, without the other models of its ensemble (stance.ensemble)",
    ),
) -> None:
    """Score the classifier on labelled (speaker, target) pairs: predictions.jsonl, metrics.json,
    report.md."""
    from stance.classify import load_classifier

    from .data import load_data
    from .harness import evaluate

    _threads(threads)
    try:
        ev = load_data(data, data_dir)
        clf = load_classifier(model, lexical_prior=not no_lexical_prior, ensemble=not no_ensemble)
    except (ValueError, FileNotFoundError) as exc:
        _fail(str(exc))
    out_dir = output or Path("eval_out") / ev.name
    try:
        m = evaluate(
            ev,
            clf,
            out_dir,
            limit=limit,
            baselines=baselines,
            baseline_train=baseline_train,
            batch_size=batch_size,
            n_resamples=resamples,
            seed=seed,
            data_dir=data_dir,
            progress=sys.stderr.isatty(),
            embeddings=embeddings,
        )
    except (ValueError, FileNotFoundError) as exc:
        _fail(str(exc))
    lo, hi = m["macro_f1_ci95"]
    typer.echo(
        f"{m['dataset']}: n={m['n']} macro-F1 {m['macro_f1']:.3f} [{lo:.3f}, {hi:.3f}] "
        f"accuracy {m['accuracy']:.3f} ({m['model']})"
    )
    for name, b in (m.get("baselines") or {}).items():
        if isinstance(b, dict) and "macro_f1" in b:
            typer.echo(f"  baseline {name}: macro-F1 {b['macro_f1']:.3f} accuracy {b['accuracy']:.3f}")
        else:
            typer.echo(f"  baseline {name}: not run ({b if isinstance(b, str) else b.get('skipped')})")
    typer.echo(f"wrote {out_dir}/predictions.jsonl, metrics.json, report.md, confusion.png", err=True)


def e2e_command(
    gold: Path = typer.Argument(
        ...,
        help="gold documents: a JSON file in the format of shared/seed/seed_gold.json, JSONL, or a folder",
    ),
    predictions: Path | None = typer.Argument(
        None, help="`stance analyze` output on the gold articles (JSONL)"
    ),
    articles: Path | None = typer.Option(
        None, "--write-articles", help="write the gold articles as analyze input JSONL here and stop"
    ),
    output: Path | None = typer.Option(
        None, "-o", "--output",
        help="write the scores as JSON here (per language and document; stance_confusion_on_matched: gold -> "
             "predicted -> count)",
    ),
) -> None:
    """Score analyze output against gold (speaker, target, stance) triples: P/R/F1 with and without stance, each
    F1 with its 95% bootstrap interval over the documents."""
    from .endtoend import evaluate_files, gold_articles
    from .report import interval_text

    if articles is not None:
        try:
            lines = gold_articles(gold)
        except (ValueError, FileNotFoundError, json.JSONDecodeError) as exc:
            _fail(str(exc))
        articles.write_text(
            "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in lines), encoding="utf-8"
        )
        typer.echo(
            f"wrote {len(lines)} articles to {articles}; run `stance analyze {articles} -o OUT.jsonl`",
            err=True,
        )
        return
    if predictions is None:
        _fail("pass the analyze output to score, or --write-articles FILE to get the articles to analyse")
    try:
        r = evaluate_files(gold, predictions)
    except (ValueError, FileNotFoundError, json.JSONDecodeError) as exc:
        _fail(str(exc))
    for key in ("with_stance", "without_stance"):
        s, ci = r[key], r["f1_interval"][key]
        typer.echo(
            f"{key}: P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f} {interval_text(ci)} "
            f"(tp {s['tp']}, fp {s['fp']}, fn {s['fn']})"
        )
    acc = r["stance_accuracy_on_matched"]
    typer.echo(f"stance accuracy on matched pairs: {'—' if acc is None else f'{acc:.3f}'}")
    for lang, t in (r.get("per_lang") or {}).items():
        typer.echo(
            f"  {lang}: F1 {t['with_stance']['f1']:.3f} with stance, "
            f"{t['without_stance']['f1']:.3f} without ({t['n_gold']} gold, {t['n_pred']} predicted)"
        )
    if output:
        output.write_text(json.dumps(r, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def errors_command(
    gold: Path = typer.Argument(
        ..., help="gold documents: JSONL (`python -m eval.sentences ... -o`), the seed_gold.json format, or a folder"),
    model: Path | None = typer.Option(None, "--model", help="stance model folder (default: the shipped model)"),
    examples: int = typer.Option(0, "--examples", min=0, metavar="N",
                                 help="also list the first N errors of each kind, the words around the target in [ ]"),
    output: Path | None = typer.Option(None, "-o", "--output", help="also write the report as JSON here"),
    threads: int | None = typer.Option(None, "--threads", help="torch CPU threads"),
) -> None:
    """Where the end-to-end errors lie: run the pipeline on gold documents and sort every miss (speakers never
    found, targets dropped or never proposed, wrong speakers, stance confusion; `eval.errors`)."""
    from .errors import errors_of, markdown

    _threads(threads)
    try:
        report = errors_of(gold, model, examples)
    except (ValueError, FileNotFoundError) as exc:  # (json.JSONDecodeError is a ValueError)
        _fail(str(exc))
    typer.echo(markdown(report), nl=False)
    if output:
        output.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def attribution_command(
    predictions: Path | None = typer.Argument(None, help="`stance analyze` output on the PolNeAR articles"),
    split: str = typer.Option("test", "--split", help="PolNeAR split: train, dev or test"),
    articles: Path | None = typer.Option(
        None, "--write-articles", help="write the split's articles as analyze input JSONL here and stop"
    ),
    output: Path | None = typer.Option(None, "-o", "--output", help="write the scores as JSON here"),
    data_dir: Path | None = typer.Option(None, "--data", help="shared data folder"),
) -> None:
    """Score attribution spans (source, cue, content; exact and overlap) on PolNeAR, as BBC Citron reports
    them."""
    from .attribution import load_polnear, quotes_from_analyze, render_markdown, score

    try:
        docs = load_polnear(split, data_dir)
    except (ValueError, FileNotFoundError) as exc:
        _fail(str(exc))
    if articles is not None:
        with articles.open("w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps({"id": d.id, "text": d.text, "lang": "en"}, ensure_ascii=False) + "\n")
        typer.echo(
            f"wrote {len(docs)} articles to {articles}; run `stance analyze {articles} --all-statements`",
            err=True,
        )
        return
    if predictions is None:
        _fail("pass the analyze output to score, or --write-articles FILE to get the articles to analyse")
    try:
        pred = quotes_from_analyze(predictions.read_text(encoding="utf-8").splitlines())
    except (ValueError, json.JSONDecodeError) as exc:
        _fail(str(exc))
    r = score({d.id: d.quotes for d in docs}, pred, {d.id: d.text for d in docs})
    r["dataset"] = f"polnear-{split}"
    typer.echo(render_markdown(r))
    if output:
        output.write_text(json.dumps(r, indent=2) + "\n", encoding="utf-8")


def register(app: typer.Typer) -> None:
    """Add `eval`, `eval-e2e`, `eval-errors` and `eval-attribution` to the `stance` command line."""
    app.command("eval")(eval_command)
    app.command("eval-e2e")(e2e_command)
    app.command("eval-errors")(errors_command)
    app.command("eval-attribution")(attribution_command)
