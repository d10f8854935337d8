"""The evaluation harness: run a classifier on labelled data, score it, write predictions, metrics, a report.

`evaluate(data, classifier, out_dir)` writes into `out_dir`:
- `predictions.jsonl`: the input objects in input order, with the predicted `stance`, its `scores` and the
  gold label under `gold` (the `classify` output plus one field);
- `metrics.json`: n, accuracy, macro_f1, macro_f1_ci95, per_class, confusion, per_lang, calibration, speed,
  model, dataset, target_contrast (`eval.metrics.target_contrast`: a speaker's targets of different stances in one
  sentence), and for DSE data the unseen-row and 5-class figures; with baselines, the same per baseline;
- `report.md` and `confusion.png`; with baselines, `baselines/<name>.predictions.jsonl`.
Every figure of `metrics.json` is recomputable from `predictions.jsonl` (`recompute`).

>>> from stance.records import Prediction
>>> class Always:
...     name, labels = "always-neutral", ("support", "criticism", "neutral")
...     def predict(self, items, batch_size=32, progress=False):
...         return [Prediction("neutral", {"support": 0.1, "criticism": 0.1, "neutral": 0.8}) for _ in items]
>>> m = evaluate("dse", Always(), limit=20, n_resamples=10)  # doctest: +SKIP
"""

from __future__ import annotations

import json
import logging
import os
import resource
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from stance.records import LABELS, Prediction, StanceItem
from training import datasets as D

from . import metrics as M
from .data import EvalData, baseline_sides, load_data

log = logging.getLogger(__name__)
PathLike = str | os.PathLike

FIVE_CLASS = ("neutral", "support p>q", "support q>p", "criticism p>q", "criticism q>p")  # DSE labels 0..4


def model_name(classifier: Any) -> str:
    return str(getattr(classifier, "name", None) or type(classifier).__name__)


def peak_rss_mb() -> float | None:
    """The process's peak resident memory so far, in MiB (None where the platform does not say)."""
    try:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    except (AttributeError, ValueError):  # pragma: no cover - non-Unix
        return None
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10  # bytes on macOS, KiB on Linux


def run_classifier(
    classifier: Any, items: Sequence[StanceItem], batch_size: int = 32, progress: bool = False
) -> tuple[list[Prediction], dict]:
    """Predictions for `items`, checked, with the speed: items/s, seconds, peak memory of the process."""
    start = time.perf_counter()
    preds = list(classifier.predict(list(items), batch_size=batch_size, progress=progress))
    seconds = time.perf_counter() - start
    if len(preds) != len(items):
        raise ValueError(f"{model_name(classifier)} returned {len(preds)} predictions for {len(items)} items")
    for i, p in enumerate(preds):
        if p.stance not in LABELS:
            raise ValueError(
                f"{model_name(classifier)}: item {i} predicted {p.stance!r}, not one of {list(LABELS)}"
            )
    speed = {
        "items_per_s": len(items) / seconds if seconds > 0 else None,
        "seconds": seconds,
        "batch_size": batch_size,
        "peak_rss_mb": peak_rss_mb(),
    }
    return preds, speed


def prediction_rows(data: EvalData, preds: Sequence[Prediction]) -> list[dict]:
    """The `predictions.jsonl` objects: each input object with `gold`, the predicted `stance` and `scores`."""
    out = []
    for row, ex, p in zip(data.rows, data.examples, preds):
        obj = dict(row)
        obj["gold"] = ex.stance
        obj["stance"] = p.stance
        obj["scores"] = {lab: float(p.scores[lab]) for lab in LABELS if lab in p.scores}
        out.append(obj)
    return out


def _dse_extras(
    examples: Sequence[D.Example],
    preds: Sequence[Prediction],
    n_resamples: int,
    seed: int,
    data_dir: PathLike | None,
) -> dict | None:
    """For DSE items: the figures on rows not copied from train, and the paper's 5-class form (all and
    unseen)."""
    try:
        splits = {(ex.item.id or "").split(":")[1] for ex in examples if D.dse_direction(ex)}
    except (ValueError, IndexError):
        return None
    if len(splits) != 1 or not splits <= {"valid", "test"}:
        return None
    (split,) = splits
    copied = {f"dse:{split}:{i}" for i in D.dse_copied_rows(split, data_dir)}
    unseen = [i for i, ex in enumerate(examples) if ex.group not in copied]
    out: dict = {"split": split, "copied_rows": len(copied), "unseen_items": len(unseen)}
    if unseen:
        out["unseen"] = M.summarize(
            [examples[i].stance for i in unseen],
            [preds[i].stance for i in unseen],
            scores=None,
            langs=[examples[i].item.lang for i in unseen],
            n_resamples=n_resamples,
            seed=seed,
        )
    # 5 classes: only sentences with both directions present (a --limit may cut one off)
    by_group: dict = {}
    for i, ex in enumerate(examples):
        by_group.setdefault(ex.group, []).append(i)
    complete = [i for idx in by_group.values() if len(idx) == 2 for i in idx]
    if complete:
        ex5 = [examples[i] for i in complete]
        gold5 = D.dse_gold_five_class(ex5)
        pred5 = D.dse_predicted_five_class(ex5, [preds[i] for i in complete])
        groups = sorted(gold5)
        five = {}
        for name, keep in (("all", groups), ("unseen", [g for g in groups if g not in copied])):
            if keep:
                five[name] = M.summarize(
                    [FIVE_CLASS[gold5[g]] for g in keep],
                    [FIVE_CLASS[pred5[g]] for g in keep],
                    labels=FIVE_CLASS,
                    n_resamples=n_resamples,
                    seed=seed,
                )
                five[name].pop("per_lang")
        out["five_class"] = five
    return out


def score_predictions(
    data: EvalData,
    preds: Sequence[Prediction],
    n_resamples: int = M.N_RESAMPLES,
    seed: int = 0,
    data_dir: PathLike | None = None,
) -> dict:
    """All figures for one set of predictions on `data` (gold, scores and languages from `data`)."""
    gold = [ex.stance for ex in data.examples]
    out = M.summarize(
        gold,
        [p.stance for p in preds],
        scores=[p.scores for p in preds],
        langs=[ex.item.lang for ex in data.examples],
        n_resamples=n_resamples,
        seed=seed,
    )
    _add_target_contrast(out, gold, [p.stance for p in preds], [(ex.item.text, ex.item.speaker) for ex in data.examples])
    extras = _dse_extras(data.examples, preds, n_resamples, seed, data_dir)
    if extras:
        out["dse"] = extras
    kinds = [r.get("kind") for r in data.rows]
    if any(kinds):
        out["per_kind"] = per_kind(gold, [p.stance for p in preds], kinds)
    return out


def per_kind(gold: Sequence[str], pred: Sequence[str], kinds: Sequence[object]) -> dict[str, dict]:
    """Accuracy by the rows' `kind` (the behavioural suite's test types, `eval/checklist/`), in order of first
    appearance; rows without one count under "other".

    >>> per_kind(["support", "neutral", "support"], ["support", "support", "support"], ["plain", "amid", "plain"])
    {'plain': {'n': 2, 'right': 2, 'accuracy': 1.0}, 'amid': {'n': 1, 'right': 0, 'accuracy': 0.0}}
    """
    out: dict[str, dict] = {}
    for g, p, k in zip(gold, pred, kinds):
        s = out.setdefault(str(k) if k else "other", {"n": 0, "right": 0})
        s["n"] += 1
        s["right"] += g == p
    for s in out.values():
        s["accuracy"] = round(s["right"] / s["n"], 4)
    return out


def _write_jsonl(rows: Sequence[Mapping], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def evaluate(
    data: str | PathLike | EvalData,
    classifier: Any,
    out_dir: PathLike | None = None,
    *,
    limit: int | None = None,
    baselines: bool | Sequence[Any] = False,
    baseline_train: str | None = None,
    batch_size: int = 32,
    n_resamples: int = M.N_RESAMPLES,
    seed: int = 0,
    data_dir: PathLike | None = None,
    progress: bool = False,
    embeddings: bool = True,
) -> dict:
    """Score `classifier` on `data` (an eval-format JSONL path or a built-in name, see `eval.data`).

    `baselines`: True for `default_baselines` (majority, TF-IDF + LR, frozen e5 + LR unless
    `embeddings=False`), or a list of unfitted baseline objects; they are fitted on the benchmark's training
    side (or `baseline_train`) and scored on the same items. A baseline that cannot be fitted is reported with
    its reason, not raised. Returns the metrics dict (what `metrics.json` holds).
    """
    ev = data if isinstance(data, EvalData) else load_data(data, data_dir)
    ev = ev.head(limit)
    items = [ex.item for ex in ev.examples]
    preds, speed = run_classifier(classifier, items, batch_size, progress)
    result: dict = {
        "dataset": ev.name,
        "data": str(ev.path) if ev.path else ev.name,
        "description": ev.benchmark.description if ev.benchmark else f"eval file {ev.path}",
        "model": model_name(classifier),
        "notes": list(ev.notes),
        "n_resamples": n_resamples,
        "seed": seed,
    }
    result.update(score_predictions(ev, preds, n_resamples, seed, data_dir))
    result["speed"] = speed
    base_rows: dict[str, list[dict]] = {}
    if baselines:
        result["baselines"], base_rows = _run_baselines(
            ev, baselines, baseline_train, batch_size, n_resamples, seed, data_dir, embeddings, progress
        )
    if out_dir is not None:
        write_outputs(Path(out_dir), result, prediction_rows(ev, preds), base_rows)
    return result


def _run_baselines(
    ev: EvalData, baselines, baseline_train, batch_size, n_resamples, seed, data_dir, embeddings, progress
) -> tuple[dict, dict]:
    from .baselines import default_baselines

    models = default_baselines(seed, embeddings, progress=progress) if baselines is True else list(baselines)
    try:
        side, train, dev = baseline_sides(ev, baseline_train, data_dir)
    except (ValueError, FileNotFoundError) as exc:
        return {"skipped": str(exc)}, {}
    out, rows = {}, {}
    for model in models:
        name = model_name(model)
        start = time.perf_counter()
        try:
            model.fit(train, dev)
        except (ValueError, FileNotFoundError, ImportError, RuntimeError) as exc:
            log.warning("baseline %s not fitted: %s", name, exc)
            out[name] = {"skipped": f"{type(exc).__name__}: {exc}", "train": side}
            continue
        fit_s = time.perf_counter() - start
        preds, speed = run_classifier(model, [ex.item for ex in ev.examples], batch_size)
        m = score_predictions(ev, preds, n_resamples, seed, data_dir)
        m.update(
            train=side,
            train_n=len(train),
            dev_n=len(dev) if dev else 0,
            fit_seconds=fit_s,
            selection=getattr(model, "selection_", None),
            speed=speed,
        )
        out[name] = m
        rows[name] = prediction_rows(ev, preds)
    return out, rows


def write_outputs(
    out_dir: Path,
    result: Mapping,
    rows: Sequence[Mapping],
    baseline_rows: Mapping[str, Sequence[Mapping]] | None = None,
) -> None:
    """predictions.jsonl, metrics.json, report.md, confusion.png (and baseline predictions) into `out_dir`."""
    from .report import plot_confusion, render_markdown

    out_dir.mkdir(parents=True, exist_ok=True)
    _write_jsonl(rows, out_dir / "predictions.jsonl")
    for name, brows in (baseline_rows or {}).items():
        _write_jsonl(brows, out_dir / "baselines" / f"{name}.predictions.jsonl")
    (out_dir / "metrics.json").write_text(
        json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    plot_confusion(
        result["confusion"],
        out_dir / "confusion.png",
        title=f"{result['model']} on {result['dataset']} (n={result['n']})",
    )
    (out_dir / "report.md").write_text(
        render_markdown(result, confusion_png="confusion.png"), encoding="utf-8"
    )


def _add_target_contrast(out: dict, gold: Sequence[str], pred: Sequence[str], groups: Sequence[object]) -> None:
    """`out["target_contrast"]` (`eval.metrics.target_contrast`) when some sentence holds targets of different stances."""
    contrast = M.target_contrast(gold, pred, groups)
    if contrast["groups"]:
        out["target_contrast"] = contrast


def _span_key(span: object) -> object:
    """A speaker span of an input row as (start, end), whatever other keys it carries (None for the author)."""
    if isinstance(span, Mapping) and "start" in span and "end" in span:
        return (span["start"], span["end"])
    return json.dumps(span, sort_keys=True)


def recompute(predictions: PathLike, n_resamples: int = M.N_RESAMPLES, seed: int = 0) -> dict:
    """The figures of `metrics.json` recomputed from a `predictions.jsonl` alone (gold under `gold`).

    Same keys as `eval.metrics.summarize` (n, accuracy, macro_f1, macro_f1_ci95, per_class, confusion,
    labels_absent, per_lang, calibration) and `target_contrast` (sentences with one speaker's targets of different
    stances, grouped by text and speaker); pass the `n_resamples` and `seed` that `metrics.json` records.
    """
    rows = [
        json.loads(line)
        for line in Path(predictions).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    missing = [i + 1 for i, r in enumerate(rows) if "gold" not in r or "stance" not in r]
    if missing:
        raise ValueError(
            f"{predictions}: lines {missing[:5]} lack 'gold' or 'stance': not a predictions.jsonl "
            "written by `stance eval`"
        )
    gold, pred = [r["gold"] for r in rows], [r["stance"] for r in rows]
    out = M.summarize(
        gold,
        pred,
        scores=[r["scores"] for r in rows],
        langs=[r.get("lang") for r in rows],
        n_resamples=n_resamples,
        seed=seed,
    )
    _add_target_contrast(out, gold, pred, [(r.get("text"), _span_key(r.get("speaker"))) for r in rows])
    if any(r.get("kind") for r in rows):
        out["per_kind"] = per_kind(gold, pred, [r.get("kind") for r in rows])
    return out
