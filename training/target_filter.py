"""Fit the target filter (`stance.relevance`) of a stance model on the exhaustively labelled texts.

Candidates are what the pipeline proposes: every (statement, target) pair that `Pipeline.statements` finds in the
texts of `EXHAUSTIVE_FILES` (train split). A candidate is positive when a gold pair of its text has an overlapping
speaker and an overlapping target; the gold pairs themselves are added as positives too (the targets the rules
missed still show what a target looks like). Features are the stance model's own (`features`), so the filter belongs
to that model and is written into its folder. The regularisation C and the threshold are chosen by grouped
cross-validation on the train texts (pair F1 over the folds, the gold pairs the rules never proposed counting as
misses); the dev texts are scored once, before and after, for the report. Test texts are never read.

    python -m training.target_filter                          # the shipped model, written into its folder
    python -m training.target_filter --model runs/x/model --dry-run
"""
from __future__ import annotations

import argparse
import json
import logging
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

from stance.classify import default_model_path, item_for
from stance.pipeline import Pipeline
from stance.records import Article, StanceItem
from stance.relevance import TargetFilter
from training.datasets.annotations import exhaustive_ids, load_annotations

log = logging.getLogger(__name__)

C_GRID = (0.001, 0.003, 0.01, 0.03)
THRESHOLDS = tuple(round(0.2 + 0.025 * k, 3) for k in range(21))  # 0.2 .. 0.7


@dataclass
class Candidates:
    """Items to score, their labels, their text (the CV group), and how many gold pairs each text has."""

    items: list[StanceItem]
    labels: np.ndarray  # True = a gold pair
    proposed: np.ndarray  # True = proposed by the pipeline (False = a gold pair added as a positive)
    groups: list[str]
    gold_per_text: dict[str, int]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def candidates(nlp: Pipeline, lang: str, split: str | None, root: str | None = None, data_dir: str | None = None,
               with_gold: bool = True) -> Candidates:
    """The pipeline's candidate pairs on the exhaustive texts of `lang`/`split`, labelled against gold."""
    keep = exhaustive_ids(lang, root)
    by_text: dict[str, list] = defaultdict(list)
    for ex in load_annotations(lang, split, root=root, data_dir=data_dir):
        if ex.item.id in keep and ex.item.speaker is not None:
            by_text[ex.item.text].append(ex.item)
    if not by_text:
        raise ValueError(f"no exhaustively labelled {lang} texts in the {split} split: the filter needs the files of "
                         "training.datasets.annotations.EXHAUSTIVE_FILES")
    items, labels, proposed, groups = [], [], [], []
    for text, golds in by_text.items():
        for st in nlp.statements(Article("fit", text, lang)):
            if st.speaker is None:
                continue
            for t in st.targets:
                pos = any(_overlap((st.speaker.start, st.speaker.end), g.speaker) and _overlap((t.start, t.end), g.target)
                          for g in golds)
                items.append(item_for(st, t, text)); labels.append(pos); proposed.append(True); groups.append(text)
        if with_gold:
            for g in golds:
                items.append(g)
                labels.append(True); proposed.append(False); groups.append(text)
    return Candidates(items, np.array(labels), np.array(proposed), groups, {t: len(g) for t, g in by_text.items()})


def features(clf, items: Sequence[StanceItem], batch_size: int = 64) -> np.ndarray:
    """The stance model's features for the filter, batched (with a progress bar)."""
    from tqdm.auto import tqdm

    out = []
    with torch.inference_mode():
        for i in tqdm(range(0, len(items), batch_size), desc="features", unit="batch"):
            out.append(clf.features(items[i : i + batch_size]).numpy())
    return np.concatenate(out) if out else np.zeros((0, 0))


def pair_f1(kept: np.ndarray, labels: np.ndarray, n_gold: int) -> tuple[float, float, float]:
    """(precision, recall, F1) of the kept proposed pairs against `n_gold` gold pairs."""
    tp = int((kept & labels).sum())
    fp = int((kept & ~labels).sum())
    p = tp / max(1, tp + fp)
    r = tp / max(1, n_gold)
    return p, r, 2 * p * r / max(1e-9, p + r)


def _fit(x: np.ndarray, y: np.ndarray, c: float):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, max_iter=5000, class_weight="balanced").fit(x, y)


def choose(x: np.ndarray, cands: Candidates, folds: int = 5, seed: int = 0) -> tuple[float, float, dict]:
    """(C, threshold, table) by grouped cross-validation: out-of-fold probabilities of the proposed pairs, pair F1
    over all folds at each threshold."""
    from sklearn.model_selection import GroupKFold

    gid = {g: k for k, g in enumerate(sorted(set(cands.groups)))}
    groups = np.array([gid[g] for g in cands.groups])
    n_gold = sum(cands.gold_per_text.values())
    table: dict[str, dict[str, float]] = {}
    best = (-1.0, C_GRID[0], 0.0)
    for c in C_GRID:
        prob = np.zeros(len(cands.labels))
        for tr, te in GroupKFold(folds).split(x, groups=groups):
            prob[te] = _fit(x[tr], cands.labels[tr], c).predict_proba(x[te])[:, 1]
        row = {}
        for th in THRESHOLDS:
            row[str(th)] = round(pair_f1(cands.proposed & (prob >= th), cands.labels, n_gold)[2], 4)
            if row[str(th)] > best[0]:
                best = (row[str(th)], c, th)
        table[str(c)] = row
    return best[1], best[2], table


def fit_filter(model: str | Path | None = None, lang: str = "ar", root: str | None = None,
               data_dir: str | None = None, threads: int | None = None) -> tuple[TargetFilter, dict]:
    """Fit a filter for the stance model at `model` (default: shipped); returns it with a report."""
    if threads:
        torch.set_num_threads(threads)
    named = str(model) if model is not None else "the shipped default (stance/models/default)"
    model = Path(model) if model is not None else default_model_path()
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
    n_dev = sum(dev.gold_per_text.values())
    before = pair_f1(dev.proposed, dev.labels, n_dev)
    after = pair_f1(dev.proposed & (lr.predict_proba(x_dev)[:, 1] >= threshold), dev.labels, n_dev)
    report = {
        "fitted_on": f"training/annotations/{lang} exhaustive texts, train split",
        "model": named,
        "C": c, "threshold": threshold,
        "train_texts": len(train.gold_per_text), "train_candidates": int(train.proposed.sum()),
        "train_gold_pairs": sum(train.gold_per_text.values()), "train_positives": int(train.labels.sum()),
        "cv_pair_f1": {"no_filter": round(pair_f1(train.proposed, train.labels, sum(train.gold_per_text.values()))[2], 4),
                       "by_C_and_threshold": table},
        "dev": {"texts": len(dev.gold_per_text), "candidates": len(dev.items), "gold_pairs": n_dev,
                "pair_prf_no_filter": [round(v, 4) for v in before],
                "pair_prf_filter": [round(v, 4) for v in after]},
        "seconds": round(time.time() - t0, 1),
    }
    filt = TargetFilter(torch.tensor(lr.coef_[0], dtype=torch.float32), torch.tensor(float(lr.intercept_[0])),
                        threshold=threshold, langs=(lang,), info=report)
    return filt, report


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=None, help="stance model folder (default: the shipped model)")
    ap.add_argument("--lang", default="ar", help="language of the exhaustive texts (default: ar)")
    ap.add_argument("--annotations", default=None, help="annotation root (default: training/annotations)")
    ap.add_argument("--data", default=None, help="shared data folder, for the held-out list")
    ap.add_argument("--threads", type=int, default=None)
    ap.add_argument("--dry-run", action="store_true", help="report only; write nothing")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    filt, report = fit_filter(args.model, args.lang, args.annotations, args.data, args.threads)
    print(json.dumps({k: v for k, v in report.items() if k != "cv_pair_f1"}, indent=2))
    print("cross-validated pair F1 on train, no filter:", report["cv_pair_f1"]["no_filter"],
          "best:", report["cv_pair_f1"]["by_C_and_threshold"][str(report["C"])][str(report["threshold"])])
    if not args.dry_run:
        folder = Path(args.model) if args.model else default_model_path()
        filt.save(folder)
        print(f"wrote the target filter into {folder}")


if __name__ == "__main__":
    main()
