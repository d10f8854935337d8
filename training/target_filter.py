"""Fit the target filter (`stance.relevance`) of a stance model on the exhaustively labelled texts.

Candidates are what the pipeline proposes: every (statement, target) pair that `Pipeline.statements` finds in the
texts of `EXHAUSTIVE_FILES` (train split). A candidate is positive when a gold pair of its text has an overlapping
speaker and an overlapping target; the gold pairs themselves are added as positives too (the targets the rules
missed still show what a target looks like). Features are the stance model's own (`features`), so the filter belongs
to that model and is written into its folder. The regularisation C and the threshold are chosen by grouped
cross-validation on the train texts (pair F1 over the folds, the gold pairs the rules never proposed counting as
misses); the dev texts are scored once, before and after, for the report. Test texts are never read.

The stance prior shift (`TargetFilter.stance_shift`) is chosen on the dev candidates that match a gold pair: the
shift over `SHIFT_GRID` (criticism fixed at 0) that makes the most of the model's labels right there. Not on the
train candidates: the stance model trained on their gold pairs, so its labels there are right more often and more
confidently than on new text, and a shift fitted there is too large (fitted there, it was {support: -0.6, neutral:
+1.4}, which helped dev less). The shift of a filter already in the folder (a refit, or `--shift-only`) stays unless
another is right on at least `--min-gain` more of those candidates (default `MIN_SHIFT_GAIN`). The dev end-to-end figures are then no longer
independent of this choice; the test texts are.

Caveat: the shipped stance model was itself trained on these train texts (their gold pairs), so its features are
more familiar with the positives there than with the negatives; the cross-validation cannot see that. The dev texts,
which the stance model never trained on, are the fair check, and `eval.benchmarks` scores the test texts end to end.

`--model` defaults to the model `stance analyze` uses (`$STANCE_MODEL`, else the shipped one), and the filter is
written into that folder.

    python -m training.target_filter                          # the default model, written into its folder
    python -m training.target_filter --model runs/x/model --dry-run
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch

from stance.classify import DEFAULT_MODEL_ENV, default_model_path, item_for
from stance.pipeline import Pipeline
from stance.records import Article, StanceItem, spans_overlap
from stance.relevance import TargetFilter
from eval.endtoend import max_matching
from training.datasets.annotations import exhaustive_ids, load_annotations

log = logging.getLogger(__name__)

C_GRID = (0.001, 0.003, 0.01, 0.03)
THRESHOLDS = tuple(round(0.2 + 0.025 * k, 3) for k in range(21))  # 0.2 .. 0.7


@dataclass
class Candidates:
    """Items to score, the gold pair each one matches (its label), whether the pipeline proposed it, its document
    (the CV group), and how many gold pairs each text has."""

    items: list[StanceItem]
    gold_ids: np.ndarray  # per item: the index of the gold pair it matches, -1 for none
    proposed: np.ndarray  # True = proposed by the pipeline (False = a gold pair added as a positive)
    groups: list[str]
    gold_per_text: dict[str, int]
    gold_stances: list[str] = field(default_factory=list)  # by gold pair index

    @property
    def labels(self) -> np.ndarray:
        """True where the item is a gold pair."""
        return self.gold_ids >= 0

    @property
    def n_gold(self) -> int:
        return sum(self.gold_per_text.values())


def candidates(nlp: Pipeline, lang: str, split: str | None, root: str | None = None, data_dir: str | None = None,
               with_gold: bool = True) -> Candidates:
    """The pipeline's candidate pairs on the exhaustive texts of `lang`/`split`, labelled against gold."""
    keep = exhaustive_ids(lang, root)
    by_text: dict[str, list] = defaultdict(list)
    stance_of: dict[tuple, str] = {}
    doc_of: dict[str, str] = {}
    for ex in load_annotations(lang, split, root=root, data_dir=data_dir):
        if ex.item.id in keep and ex.item.speaker is not None:
            pair = (ex.item.speaker, ex.item.target)
            if all((g.speaker, g.target) != pair for g in by_text[ex.item.text]):  # a pair labelled twice counts once
                by_text[ex.item.text].append(ex.item)
                stance_of[(ex.item.text, *pair)] = ex.stance
            doc_of[ex.item.text] = ex.group or ex.item.text
    if not by_text:
        raise ValueError(f"no exhaustively labelled {lang} texts in the {split} split: the filter needs the files of "
                         "training.datasets.annotations.EXHAUSTIVE_FILES")
    items, proposed, groups, gold_ids, gold_stances = [], [], [], [], []
    base = 0
    for text, golds in by_text.items():
        gold_stances += [stance_of[(text, g.speaker, g.target)] for g in golds]
        pairs = [(st, t) for st in nlp.statements(Article("fit", text, lang)) if st.speaker is not None
                 for t in st.targets]
        hits = [[k for k, g in enumerate(golds) if spans_overlap((st.speaker.start, st.speaker.end), g.speaker)
                 and spans_overlap((t.start, t.end), g.target)] for st, t in pairs]
        # each gold pair to its own candidate where one can be found (the maximum matching, as `stance eval-e2e`
        # counts); a candidate left over that still matches a gold pair is a positive too, under its first
        matched = dict(max_matching(len(pairs), len(golds), lambda j, k: 1.0 if k in hits[j] else None))
        for j, (st, t) in enumerate(pairs):
            hit = matched.get(j, hits[j][0] if hits[j] else None)
            items.append(item_for(st, t, text)); proposed.append(True)
            groups.append(doc_of[text]); gold_ids.append(-1 if hit is None else base + hit)
        if with_gold:
            for k, g in enumerate(golds):
                items.append(g)
                proposed.append(False); groups.append(doc_of[text]); gold_ids.append(base + k)
        base += len(golds)
    return Candidates(items, np.array(gold_ids, dtype=int), np.array(proposed, dtype=bool), groups,
                      {t: len(g) for t, g in by_text.items()}, gold_stances)


def features(clf, items: Sequence[StanceItem], batch_size: int = 64) -> np.ndarray:
    """The stance model's features for the filter, batched (with a progress bar)."""
    from tqdm.auto import tqdm

    out = [clf.features(items[i : i + batch_size]).numpy()
           for i in tqdm(range(0, len(items), batch_size), desc="features", unit="batch")]
    return np.concatenate(out) if out else np.zeros((0, 0))


def pair_f1(kept: np.ndarray, gold_ids: np.ndarray, n_gold: int) -> tuple[float, float, float]:
    """(precision, recall, F1) of the kept pairs against `n_gold` gold pairs, one to one: a gold pair matched by
    two kept candidates counts once, the second is a false positive (as in `eval.endtoend`)."""
    kept_ids = gold_ids[kept]
    tp = len(set(kept_ids[kept_ids >= 0].tolist()))
    fp = int(kept.sum()) - tp
    p = tp / max(1, tp + fp)
    r = tp / max(1, n_gold)
    return p, r, 2 * p * r / max(1e-9, p + r)


def _fit(x: np.ndarray, y: np.ndarray, c: float):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, max_iter=5000, class_weight="balanced").fit(x, y)


def choose(x: np.ndarray, cands: Candidates, folds: int = 5) -> tuple[float, float, dict]:
    """(C, threshold, table) by cross-validation grouped by document: out-of-fold probabilities of the proposed
    pairs, pair F1 over all folds at each threshold."""
    from sklearn.model_selection import GroupKFold

    gid = {g: k for k, g in enumerate(sorted(set(cands.groups)))}
    groups = np.array([gid[g] for g in cands.groups])
    n_gold = cands.n_gold
    table: dict[str, dict[str, float]] = {}
    best = (-1.0, C_GRID[0], 0.0)
    for c in C_GRID:
        prob = np.zeros(len(cands.labels))
        for tr, te in GroupKFold(folds).split(x, groups=groups):
            prob[te] = _fit(x[tr], cands.labels[tr], c).predict_proba(x[te])[:, 1]
        row = {}
        for th in THRESHOLDS:
            row[str(th)] = round(pair_f1(cands.proposed & (prob >= th), cands.gold_ids, n_gold)[2], 4)
            if row[str(th)] > best[0]:
                best = (row[str(th)], c, th)
        table[str(c)] = row
    return best[1], best[2], table


SHIFT_GRID = tuple(round(-1.5 + 0.1 * k, 1) for k in range(31))  # -1.5 .. 1.5


def matched_rows(cands: Candidates) -> list[int]:
    """The proposed candidates that match a gold pair, one per gold pair: the first candidate labelled with that
    pair (`candidates` gives each gold pair its own candidate by a maximum matching, as `eval.endtoend` does, and
    labels a candidate left over that still matches a gold pair with the first such pair; either way the row's
    candidate matches its pair. `eval.endtoend` scores only the pairs the filter keeps, so its counts differ a
    little)."""
    seen: set[int] = set()
    rows = []
    for k in np.flatnonzero(cands.proposed & cands.labels):
        g = int(cands.gold_ids[k])
        if g not in seen:
            seen.add(g)
            rows.append(int(k))
    return rows


def matched_stances(clf, cands: Candidates, batch_size: int = 64) -> tuple[np.ndarray, list[str]]:
    """(log-probabilities, gold labels) of the candidates of `matched_rows`."""
    rows = matched_rows(cands)
    preds = clf.predict([cands.items[k] for k in rows], batch_size=batch_size)
    logp = np.log(np.array([[max(p.scores[lab], 1e-9) for lab in clf.labels] for p in preds]).reshape(-1, len(clf.labels)))
    return logp, [cands.gold_stances[int(cands.gold_ids[k])] for k in rows]


def shift_accuracy(logp: np.ndarray, gold: Sequence[str], labels: Sequence[str], shift: dict[str, float]) -> float:
    """Accuracy of argmax(log p + shift) against `gold`."""
    if not len(gold):
        return 0.0
    b = np.array([shift.get(lab, 0.0) for lab in labels])
    pred = np.argmax(logp + b, axis=1)
    return float(np.mean([labels[i] == g for i, g in zip(pred, gold)]))


# the accuracy on the matched dev candidates by which a re-chosen shift must beat the one in use: on the 208 candidates
# of the 210 exhaustive Arabic dev texts (session 22) a lead of two is not enough (0.0096), three are; there the best
# shift led the one in use by one
MIN_SHIFT_GAIN = 0.01
# a lead of exactly the minimum gain counts (scores are rounded, their float differences are not exact); the
# taggers' `training.target_tagger.pick` compares with it too
GAIN_TOLERANCE = 1e-9


def choose_shift(logp: np.ndarray, gold: Sequence[str], labels: Sequence[str], anchor: str = "criticism",
                 current: dict[str, float] | None = None, min_gain: float = 0.0) -> dict[str, float]:
    """The stance prior shift (each label but `anchor`, which stays at 0, over `SHIFT_GRID`) with the highest
    accuracy on the matched candidates; among equals, the one with the smallest total shift. The shift in use
    (`current`) stays unless the best is right on at least `min_gain` more of them."""
    import itertools

    free = [lab for lab in labels if lab != anchor]
    best: tuple[float, float, dict[str, float]] = (-1.0, 0.0, {})
    for values in itertools.product(SHIFT_GRID, repeat=len(free)):
        shift = dict(zip(free, values))
        key = (shift_accuracy(logp, gold, labels, shift), -sum(abs(v) for v in values))
        if key > best[:2]:
            best = (*key, shift)
    in_use = shift_accuracy(logp, gold, labels, current) if current is not None else None
    if in_use is not None and best[0] - in_use < min_gain - GAIN_TOLERANCE:
        log.info("kept the shift in use %s (accuracy %.4f): %s is right on %.4f, less than %.4f more", current,
                 in_use, best[2], best[0], min_gain)
        return dict(current)
    return {k: v for k, v in best[2].items() if v != 0.0}


def fit_shift(nlp: Pipeline, train: Candidates, dev: Candidates, current: dict[str, float] | None = None,
              min_gain: float = 0.0) -> tuple[dict[str, float], dict]:
    """The stance prior shift chosen on the dev candidates (see the module's docstring; the one in use, `current`,
    kept unless beaten by `min_gain`), with its report."""
    labels = nlp.classifier.labels
    logp_train, gold_train = matched_stances(nlp.classifier, train)
    logp_dev, gold_dev = matched_stances(nlp.classifier, dev)
    shift = choose_shift(logp_dev, gold_dev, labels, current=current, min_gain=min_gain)
    return shift, {
        "chosen_on": "accuracy on the dev candidates that match a gold pair (criticism fixed at 0)",
        **({"shift_in_use": dict(current), "min_gain": min_gain,
            "dev_accuracy_in_use": round(shift_accuracy(logp_dev, gold_dev, labels, current), 4)}
           if current is not None else {}),
        "train_matched": len(gold_train),
        "train_accuracy": [round(shift_accuracy(logp_train, gold_train, labels, {}), 4),
                           round(shift_accuracy(logp_train, gold_train, labels, shift), 4)],
        "dev_matched": len(gold_dev),
        "dev_accuracy": [round(shift_accuracy(logp_dev, gold_dev, labels, {}), 4),
                         round(shift_accuracy(logp_dev, gold_dev, labels, shift), 4)],
    }


def model_folder(model: str | Path | None, threads: int | None = None) -> tuple[Path, str]:
    """(folder, how to name it in a report) of the stance model to fit beside: `model`, else the one `stance
    analyze` uses (`$STANCE_MODEL`, else the shipped one); sets torch's threads when `threads` is given."""
    if threads:
        torch.set_num_threads(threads)
    if model is not None:
        return Path(model), str(model)
    if os.environ.get(DEFAULT_MODEL_ENV):
        return default_model_path(), str(default_model_path())
    return default_model_path(), "the shipped default (stance/models/default)"


def add_model_arguments(ap: argparse.ArgumentParser, lang_of: str, model_help: str = "stance model folder") -> None:
    """The options every fit beside a stance model takes (the filter, the lexical prior, both taggers, the stance
    probe): the model folder (`model_folder`), the language and where its labelled texts are, torch's threads.
    `lang_of` says what --lang picks ("exhaustive texts", "labelled pairs")."""
    ap.add_argument("--model", default=None,
                    help=f"{model_help} (default: the one `stance analyze` uses: ${DEFAULT_MODEL_ENV}, else the "
                         "shipped model)")
    ap.add_argument("--lang", default="ar", help=f"language of the {lang_of} (default: ar)")
    ap.add_argument("--annotations", default=None, help="annotation root (default: training/annotations)")
    ap.add_argument("--data", default=None, help="shared data folder, for the held-out list")
    ap.add_argument("--threads", type=int, default=None, help="torch CPU threads (default: torch's own choice)")


def refit_shift(model: str | Path | None = None, lang: str = "ar", root: str | None = None,
                data_dir: str | None = None, threads: int | None = None,
                min_gain: float = MIN_SHIFT_GAIN) -> tuple[TargetFilter, dict]:
    """The filter already in the model's folder with only its stance prior shift chosen anew (its weights and
    threshold are kept: a refitted regression is not always better on dev); the shift in use stays unless another is
    right on `min_gain` more of the matched dev candidates."""
    model, _ = model_folder(model, threads)
    filt = TargetFilter.load(model)
    if filt is None:
        raise FileNotFoundError(f"{model} has no target filter to keep: fit one with `python -m training.target_filter "
                                f"--model {model}` (without --shift-only)")
    nlp = Pipeline.load(model=model, target_filter=False)
    train = candidates(nlp, lang, "train", root, data_dir)
    dev = candidates(nlp, lang, "dev", root, data_dir, with_gold=False)
    shift, shift_report = fit_shift(nlp, train, dev, current=dict(filt.stance_shift), min_gain=min_gain)
    filt.stance_shift = shift
    filt.info = {**filt.info, "stance_shift_fit": shift_report}
    return filt, filt.info


def shift_in_use(model: Path) -> dict[str, float] | None:
    """The stance prior shift of the filter already in the folder: None when there is none, or when what is there
    does not load (one of its two files missing, or a file of an older version), which the refit replaces."""
    try:
        old = TargetFilter.load(model)
    except (ValueError, FileNotFoundError):
        return None
    return dict(old.stance_shift) if old is not None else None


def fit_filter(model: str | Path | None = None, lang: str = "ar", root: str | None = None,
               data_dir: str | None = None, threads: int | None = None,
               min_gain: float = MIN_SHIFT_GAIN) -> tuple[TargetFilter, dict]:
    """Fit a filter for the stance model at `model` (default: shipped); returns it with a report. A filter already
    in the folder gives its shift as the one in use (`shift_in_use`), kept unless another beats it by `min_gain`: the
    shift reads the stance model's labels, which a refit of the filter does not change."""
    model, named = model_folder(model, threads)
    current = shift_in_use(model)
    t0 = time.time()
    nlp = Pipeline.load(model=model, target_filter=False)
    train = candidates(nlp, lang, "train", root, data_dir)
    dev = candidates(nlp, lang, "dev", root, data_dir, with_gold=False)
    log.info("candidates: train %d (%d proposed, %d positive), dev %d", len(train.items), int(train.proposed.sum()),
             int(train.labels.sum()), len(dev.items))
    x_train = features(nlp.classifier, train.items)
    x_dev = features(nlp.classifier, dev.items)
    c, threshold, table = choose(x_train, train)
    lr = _fit(x_train, train.labels, c)
    n_dev = dev.n_gold
    before = pair_f1(dev.proposed, dev.gold_ids, n_dev)
    after = pair_f1(dev.proposed & (lr.predict_proba(x_dev)[:, 1] >= threshold), dev.gold_ids, n_dev)
    shift, shift_report = fit_shift(nlp, train, dev, current=current, min_gain=min_gain)
    report = {
        "fitted_on": f"training/annotations/{lang} exhaustive texts, train split",
        "model": named,
        "C": c, "threshold": threshold,
        "train_texts": len(train.gold_per_text), "train_candidates": int(train.proposed.sum()),
        "train_gold_pairs": train.n_gold, "train_positives": int(train.labels.sum()),
        "cv_pair_f1": {"no_filter": round(pair_f1(train.proposed, train.gold_ids, train.n_gold)[2], 4),
                       "by_C_and_threshold": table},
        "dev": {"texts": len(dev.gold_per_text), "candidates": len(dev.items), "gold_pairs": n_dev,
                "pair_prf_no_filter": [round(v, 4) for v in before],
                "pair_prf_filter": [round(v, 4) for v in after]},
        "stance_shift_fit": shift_report,
        "seconds": round(time.time() - t0, 1),
    }
    filt = TargetFilter(torch.tensor(lr.coef_[0], dtype=torch.float32), torch.tensor(float(lr.intercept_[0])),
                        threshold=threshold, langs=(lang,), info=report, stance_shift=shift)
    return filt, report


def min_gain_arg(value: str) -> float:
    """`--min-gain` of the filter's and the taggers' re-choices: a difference of a score from 0 to 1."""
    try:
        gain = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not 0.0 <= gain <= 1.0:
        raise argparse.ArgumentTypeError(f"{value} is not a difference of scores from 0 to 1")
    return gain


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_model_arguments(ap, "exhaustive texts")
    ap.add_argument("--shift-only", action="store_true",
                    help="keep the filter in the model's folder; choose only its stance prior shift anew")
    ap.add_argument("--dry-run", action="store_true", help="report only; write nothing")
    ap.add_argument("--min-gain", type=min_gain_arg, default=None,
                    help="the shift in use (of the filter already in the folder) stays unless another is right on at "
                         f"least this share more of the matched dev candidates (default {MIN_SHIFT_GAIN}; 0: the best "
                         "always wins)")
    args = ap.parse_args(argv)
    gain = MIN_SHIFT_GAIN if args.min_gain is None else args.min_gain
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        if args.shift_only:
            filt, report = refit_shift(args.model, args.lang, args.annotations, args.data, args.threads, gain)
        else:
            filt, report = fit_filter(args.model, args.lang, args.annotations, args.data, args.threads, gain)
    except (FileNotFoundError, ValueError) as exc:  # a missing model, filter or annotation folder: say what to do
        raise SystemExit(f"error: {exc}") from None
    print(json.dumps({k: v for k, v in report.items() if k != "cv_pair_f1"}, indent=2, ensure_ascii=False))
    print("stance prior shift (added to the log-probabilities):", filt.stance_shift or "none")
    if "cv_pair_f1" in report:
        print("cross-validated pair F1 on train, no filter:", report["cv_pair_f1"]["no_filter"],
              "best:", report["cv_pair_f1"]["by_C_and_threshold"][str(report["C"])][str(filt.threshold)])
    if not args.dry_run:
        folder = Path(args.model) if args.model else default_model_path()
        filt.save(folder)
        print(f"wrote the target filter into {folder}")


if __name__ == "__main__":
    main()
