"""The `stance` command line: a thin layer over the library (see ../shared/docs/contract.md for the contract).

Exit status: 0 when every item was processed, 3 when some failed (each reported on stderr), 2 on a usage error.
"""
from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from importlib.metadata import entry_points
from pathlib import Path
from typing import Iterator, List, Optional, TextIO

import typer

from .records import RunSummary, StanceItem

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Who portrays whom in the news: attributed statements, targets and stance (ar/en/fr).")

EXIT_USAGE = 2
EXIT_SOME_FAILED = 3
PRECISION_HELP = ("what the networks read in: fp32 (default: the published figures), bf16 (bfloat16 under "
                  "torch.autocast: about twice as fast where the CPU or GPU has it, the same labels nearly always) or "
                  "auto (bf16 where the hardware has it, else fp32)")
NO_LEXICAL_PRIOR_HELP = ("the transformer's scores alone: do not blend in the model's lexical prior (stance.lexical), a "
                         "regression over the words around the target and the two names, where the model has one")
NO_ENSEMBLE_HELP = ("the stance model alone: do not average in the other models of its ensemble (stance.ensemble, "
                    "ensemble.json in the model folder), where it has one")


def _fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(EXIT_USAGE)


@contextmanager
def _output(path: Optional[Path], append: bool = False) -> Iterator[TextIO]:
    if path is None or str(path) == "-":
        yield sys.stdout
        sys.stdout.flush()
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a" if append else "w", encoding="utf-8") as f:
            yield f


def _threads(n: Optional[int]) -> None:
    if n:
        import torch

        torch.set_num_threads(n)


def _summary(summary: RunSummary) -> int:
    typer.echo(
        f"articles read {summary.read} / analysed {summary.analysed} / failed {len(summary.failed)}", err=True
    )
    for where, reason in summary.failed:
        typer.echo(f"  failed: {where}: {reason}", err=True)
    return EXIT_SOME_FAILED if summary.failed else 0


@app.command()
def analyze(
    inputs: List[str] = typer.Argument(..., help="JSONL of articles, .txt file(s), folder(s) of .txt, or - for stdin"),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="JSONL output (default: stdout)"),
    model: Optional[Path] = typer.Option(None, "--model", help="stance model folder (default: the shipped model)"),
    actors: Optional[Path] = typer.Option(None, "--actors", help="extra actor dictionary (YAML or TSV)"),
    all_statements: bool = typer.Option(False, "--all-statements", help="also report statements with no target"),
    statements_only: bool = typer.Option(
        False, "--statements-only", help="attribution and targets only: no stance model is loaded, one line per statement"
    ),
    author_voice: bool = typer.Option(
        False, "--author-voice",
        help="also the text's own portrayals (posts, op-eds): each sentence outside every attributed statement is "
             'a statement with "speaker": null, "cue": null and "voice": "author"',
    ),
    no_target_filter: bool = typer.Option(
        False, "--no-target-filter",
        help="ignore the model's target filter (stance.relevance), which drops pairs it finds the statement is not "
             "about, and its stance prior shift (the model's own labels); the target tagger's veto still applies "
             "(--no-target-tagger turns it off)",
    ),
    no_target_tagger: bool = typer.Option(
        False, "--no-target-tagger",
        help="the rules' targets only: do not add the phrases the model's target tagger (stance.target_tagger) "
             "proposes (its targets carry a \"tagger\" probability)",
    ),
    no_speaker_tagger: bool = typer.Option(
        False, "--no-speaker-tagger",
        help="the rules' statements only: do not drop those whose speaker the model's speaker tagger "
             "(stance.speaker_tagger) reads as no one taking a stance, nor add the speakers it reads in sentences "
             "without a cue (their lines have \"cue\": null and a speaker with a \"tagger\" probability)",
    ),
    no_lexical_prior: bool = typer.Option(
        False, "--no-lexical-prior",
        help=NO_LEXICAL_PRIOR_HELP,
    ),
    no_ensemble: bool = typer.Option(False, "--no-ensemble", help=NO_ENSEMBLE_HELP),
    batch_size: int = typer.Option(32, "--batch-size", min=1),
    threads: Optional[int] = typer.Option(None, "--threads", help="CPU threads for the model"),
    device: str = typer.Option("cpu", "--device", help="where the model and taggers run: cpu, cuda, cuda:N or auto "
                               "(a GPU when torch sees one); the rules always run on the CPU"),
    precision: str = typer.Option("fp32", "--precision", help=PRECISION_HELP),
    resume: bool = typer.Option(
        False, "--resume",
        help="go on with an interrupted run: keep the articles already in OUTPUT (-o, needed), analyse the rest and "
             "append their lines; the last article in OUTPUT, which may have been cut off, is analysed again (use "
             "the same inputs and options, and unique article ids)",
    ),
) -> None:
    """Find attributed statements and label each speaker's stance toward each target."""
    from tqdm import tqdm

    from .io import read_articles, resume_output
    from .pipeline import Pipeline, pair_count, round_is_full

    done: set[str] = set()
    if resume:
        if output is None or str(output) == "-":
            _fail("--resume needs -o OUTPUT: the file of the interrupted run, which it goes on writing")
        try:
            done = resume_output(output)
        except (ValueError, OSError) as exc:
            _fail(str(exc))
    _threads(threads)
    try:
        nlp = Pipeline.load(model=model, actors_file=actors, with_classifier=not statements_only,
                            author_voice=author_voice, target_filter=not no_target_filter,
                            target_tagger=not no_target_tagger, speaker_tagger=not no_speaker_tagger,
                            device=device, lexical_prior=not no_lexical_prior, precision=precision,
                            ensemble=not no_ensemble)
    except (FileNotFoundError, ValueError) as exc:
        _fail(str(exc))
    summary = RunSummary()
    pending: list = []  # (where, article, statements) whose pairs wait to fill the model's batches
    pending_pairs = 0

    def fail(where: str, exc: Exception) -> None:
        reason = f"{type(exc).__name__}: {exc}"
        typer.echo(f"{where}: failed: {reason}", err=True)
        summary.failed.append((where, reason))

    def write(statements, portrayals=(), dropped=(), text=None) -> None:
        for p in portrayals:
            out.write(json.dumps(p.to_json(), ensure_ascii=False) + "\n")
        if statements_only:
            for st in statements:
                out.write(json.dumps(_statement_line(st, nlp, text=text), ensure_ascii=False) + "\n")
        elif all_statements:
            scored = {p.statement.id for p in portrayals}
            for st in statements:
                if st.id not in scored and st.cue_kind != "author":  # a sentence of the author with no actor
                    out.write(json.dumps(_statement_line(st, nlp, dropped, text), ensure_ascii=False) + "\n")
        summary.analysed += 1

    def score(batch) -> list:
        """(statements with the taggers' work, kept, dropped) of each article of the batch."""
        batch = nlp.with_taggers(batch, batch_size)
        return [(sts, *res, art.text) for (art, sts), res in zip(batch, nlp.score_many(batch, batch_size, tag=False))]

    def score_pending() -> None:
        nonlocal pending_pairs
        try:
            results = score([(art, sts) for _, art, sts in pending])
        except Exception:  # find the article at fault: the others are scored alone
            results = []
            for where, art, sts in pending:
                try:
                    results.extend(score([(art, sts)]))
                except Exception as exc:  # one bad article never stops the run
                    fail(where, exc)
                    results.append(None)
        for res in results:
            if res is not None:
                write(*res)
        out.flush()
        pending.clear()
        pending_pairs = 0

    skipped = 0
    with _output(output, append=resume) as out:
        for where, art in tqdm(read_articles(inputs), desc="articles", unit=" art", file=sys.stderr, disable=None):
            summary.read += 1
            if isinstance(art, str):
                typer.echo(f"{where}: skipped: {art}", err=True)
                summary.failed.append((where, art))
                continue
            if art.id in done:  # analysed by the interrupted run: its lines are in the output already
                skipped += 1
                summary.analysed += 1
                continue
            try:
                statements = nlp.statements(art)
            except Exception as exc:  # one bad article never stops the run
                fail(where, exc)
                continue
            if statements_only:
                write(statements, text=art.text)
                out.flush()
                continue
            pending.append((where, art, statements))
            pending_pairs += pair_count(statements)
            if round_is_full(len(pending), pending_pairs, batch_size):
                score_pending()
        if pending:
            score_pending()
    if resume:
        typer.echo(f"resumed: {skipped} of the articles analysed were in {output} already (their lines kept)", err=True)
    raise typer.Exit(_summary(summary))


def _statement_line(st, nlp, dropped=(), text=None) -> dict:
    """A statement without a scored target (`--all-statements`, `--statements-only`). `targets` lists its
    candidate targets (with `--statements-only` no model, hence no target filter, is loaded); those the target filter
    or a tagger's veto dropped are listed apart, under `dropped_targets`, each with `dropped_by` (which of
    "target_filter", "target_tagger" and "speaker_tagger" dropped it), its `relevance` where the filter scored it,
    the target tagger's `tagger_score` where it vetoed the target, and the speaker tagger's `speaker_score` where it
    vetoed the statement's speaker. A statement the speaker tagger read carries its `speaker_score` (a statement
    under the veto has all its targets dropped). With the article's `text`, targets are written as scored lines write
    them (`stance.pipeline.whole_word`: "للجيش", not "لجيش")."""
    gone = [p for p in dropped if p.statement.id == st.id]
    from .pipeline import whole_word

    targets = [whole_word(t, text) for t in st.targets] if text is not None else list(st.targets)
    gone_spans = {(p.target.start, p.target.end) for p in gone}

    def why(p) -> dict:
        out: dict = {"dropped_by": nlp.dropped_by(p)}
        if p.relevance is not None:
            out["relevance"] = round(float(p.relevance), 4)
        if "target_tagger" in out["dropped_by"]:
            out["tagger_score"] = p.target.tagger_score
        if "speaker_tagger" in out["dropped_by"]:
            out["speaker_score"] = p.statement.speaker_score
        return out

    extra = {"dropped_targets": [{**p.target.to_json(), **why(p)} for p in gone]} if gone else {}
    return {
        "doc_id": st.doc_id, "statement_id": st.id,
        "speaker": st.speaker.to_json() if st.speaker else None,
        "cue": st.cue.to_json() if st.cue else None,
        "content": st.content.to_json(), "target": None, "stance": None, "scores": None,
        "targets": [t.to_json() for t in targets if (t.start, t.end) not in gone_spans], **extra,
        "lang": st.lang, "model": nlp.classifier.name if nlp.classifier else None,
        **({"voice": "author"} if st.cue_kind == "author" else {}),
        **({"speaker_score": st.speaker_score} if st.speaker_score is not None else {}),
    }


def parse_item(obj: object) -> StanceItem:
    """A classifier item from one `classify` input object; ValueError says what is wrong."""
    if not isinstance(obj, dict):
        raise ValueError(f"expected a JSON object, found {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str):
        raise ValueError("'text' must be a string")

    def span(name: str, required: bool, v: object = None):
        v = obj.get(name) if v is None else v
        if v is None:
            if required:
                raise ValueError(f"'{name}' is required: {{\"start\": int, \"end\": int}}")
            return None
        if not (isinstance(v, dict) and isinstance(v.get("start"), int) and isinstance(v.get("end"), int)):
            raise ValueError(f"'{name}' must be {{\"start\": int, \"end\": int}}, found {v!r}")
        return (v["start"], v["end"])

    lang = obj.get("lang")
    if lang is None and text.strip():  # (the lexical prior, stance.lexical, reads its languages only)
        from .text import detect_language

        lang = detect_language(text)
    others = obj.get("others") or []  # (optional: the statement's other targets, read by a `transformer+others` model)
    if not isinstance(others, list):
        raise ValueError(f"'others' must be a list of {{\"start\": int, \"end\": int}}, found {others!r}")
    return StanceItem(text, target=span("target", True), speaker=span("speaker", False),
                      lang=lang, id=str(obj.get("id")) if obj.get("id") is not None else None,
                      others=tuple(span(f"others[{k}]", True, v) for k, v in enumerate(others)))


def read_items(path: str) -> Iterator[tuple[int, object, Optional[StanceItem], Optional[str]]]:
    """(line number, decoded object or None, item or None, error or None) for each non-empty line."""
    stream = sys.stdin.buffer if path == "-" else open(path, "rb")
    try:
        for n, raw in enumerate(stream, 1):
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                yield n, None, None, f"not a JSON line ({exc})"
                continue
            try:
                yield n, obj, parse_item(obj), None
            except ValueError as exc:
                yield n, obj, None, str(exc)
    finally:
        if path != "-":
            stream.close()


@app.command()
def classify(
    input: str = typer.Argument(..., help="JSONL of {id, text, speaker: {start,end}|null, target: {start,end}}"),
    output: Optional[Path] = typer.Option(None, "-o", "--output"),
    model: Optional[Path] = typer.Option(None, "--model"),
    no_lexical_prior: bool = typer.Option(
        False, "--no-lexical-prior",
        help=NO_LEXICAL_PRIOR_HELP,
    ),
    no_ensemble: bool = typer.Option(False, "--no-ensemble", help=NO_ENSEMBLE_HELP),
    batch_size: int = typer.Option(32, "--batch-size", min=1),
    threads: Optional[int] = typer.Option(None, "--threads"),
    device: str = typer.Option("cpu", "--device", help="where the model runs: cpu, cuda, cuda:N or auto"),
    precision: str = typer.Option("fp32", "--precision", help=PRECISION_HELP),
) -> None:
    """Label given (speaker, target) pairs; output keeps input order, adding `stance` and `scores`."""
    from .classify import load_classifier

    _threads(threads)
    if input != "-" and not Path(input).exists():
        _fail(f"{input}: no such file")
    try:
        clf = load_classifier(model, device=device, lexical_prior=not no_lexical_prior, precision=precision,
                              ensemble=not no_ensemble)
    except (FileNotFoundError, ValueError) as exc:
        _fail(str(exc))
    rows = list(read_items(input))
    good = [r[2] for r in rows if r[2] is not None]
    preds = iter(clf.predict(good, batch_size=batch_size, progress=sys.stderr.isatty()))
    failed = 0
    with _output(output) as out:
        for n, obj, item, err in rows:
            if err is not None:
                failed += 1
                typer.echo(f"{input}:{n}: {err}", err=True)
                row = dict(obj) if isinstance(obj, dict) else {"line": n}
                row.update({"stance": None, "scores": None, "error": err})
            else:
                p = next(preds)
                row = dict(obj)
                row.update({"stance": p.stance, "scores": {k: round(float(v), 4) for k, v in p.scores.items()},
                            "model": clf.name})
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    typer.echo(f"items read {len(rows)} / classified {len(rows) - failed} / failed {failed}", err=True)
    raise typer.Exit(EXIT_SOME_FAILED if failed else 0)


@app.command()
def portrayals(
    input: str = typer.Argument(..., help="`stance analyze` output (JSONL), or - for stdin"),
    output: Optional[Path] = typer.Option(None, "-o", "--output"),
    format: str = typer.Option("csv", "--format", help="csv | json | graphml | html (one page, with the evidence "
                               "lines behind each pair; stance.render)"),
    by: str = typer.Option("actor", "--by", help="actor | country: merge each actor into the country it belongs to "
                           "(a minister and the Foreign Office into GBR); groups and international bodies stay"),
    distinct: bool = typer.Option(False, "--distinct", help="count a statement repeated word for word (the same "
                                  "speaker, cue, content, target and stance: one wire story in several outlets, an "
                                  "article fetched twice) once; stderr says how many repeats were left out"),
    cued_only: bool = typer.Option(False, "--cued-only", help="count only statements with a reporting cue (and "
                                   "author-voice lines): leave out the speaker tagger's statements (\"cue\": null, a "
                                   "speaker with a \"tagger\" probability), read in sentences with no verb of saying; "
                                   "stderr says how many were left out"),
) -> None:
    """Aggregate analyze output into directed actor pairs: counts per stance, net score, evidence ids."""
    from .aggregate import FORMATS, LEVELS, aggregate, with_cues, without_repeats

    if format not in FORMATS:
        _fail(f"--format must be one of {sorted(FORMATS)}, found {format!r}")
    if by not in LEVELS:
        _fail(f"--by must be one of {list(LEVELS)}, found {by!r}")
    if input != "-" and not Path(input).exists():
        _fail(f"{input}: no such file")
    lines, bad = [], 0
    stream = sys.stdin if input == "-" else open(input, encoding="utf-8", errors="replace")
    with stream:
        for n, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                lines.append(json.loads(line))
            except json.JSONDecodeError as exc:
                bad += 1
                typer.echo(f"{input}:{n}: not JSON ({exc.msg})", err=True)
    names = None
    if by == "country":
        from .actors import default_dictionary

        names = default_dictionary().country_names()
    if cued_only:
        kept = with_cues(lines)
        typer.echo(f"--cued-only: {len(lines) - len(kept)} of {len(lines)} lines are the speaker tagger's statements "
                   "(no cue) and were left out", err=True)
        lines = kept
    if distinct:
        kept = without_repeats(lines)
        typer.echo(f"--distinct: {len(lines) - len(kept)} of {len(lines)} lines repeat an earlier one word for word "
                   "and were left out", err=True)
        lines = kept
    with _output(output) as out:
        out.write(FORMATS[format](aggregate(lines, by=by, names=names)))
    raise typer.Exit(EXIT_SOME_FAILED if bad else 0)


def _load_plugins() -> None:
    """Commands contributed by other packages (`stance eval`, `stance train`) via the `stance.commands` group."""
    for ep in entry_points(group="stance.commands"):
        try:
            ep.load()(app)
        except Exception as exc:  # a broken plugin must not take the core commands down
            typer.echo(f"warning: command plugin {ep.name!r} not loaded: {exc}", err=True)


def main() -> None:
    _load_plugins()
    app()


if __name__ == "__main__":
    main()
