"""Classification metrics on gold / predicted label lists: pure functions, no I/O.

Conventions (fixed so that figures compare across data sets):
- Scores are computed over a fixed label list, `stance.records.LABELS` unless told otherwise. A class that is
  absent from both gold and predictions has precision = recall = F1 = 0 (scikit-learn's `zero_division=0`) and
  still counts in the macro mean; `summarize` lists such classes under `labels_absent` so that a reader sees
  why a macro-F1 is capped.
- Labels outside the list, lists of different lengths and empty input raise `ValueError`.
- The 95% interval of macro-F1 is a percentile bootstrap over items (1,000 resamples, fixed seed).
- Calibration: confidence is the score of the predicted label (the highest score for an argmax classifier), 10
  equal-width bins over [0, 1]; ECE is the bin-size-weighted mean |accuracy - confidence|.

>>> gold = ["support", "criticism", "neutral", "neutral"]
>>> pred = ["support", "neutral", "neutral", "neutral"]
>>> accuracy(gold, pred)
0.75
>>> round(macro_f1(gold, pred), 4)
0.6
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from sklearn.metrics import accuracy_score, precision_recall_fscore_support

from stance.records import LABELS

N_RESAMPLES = 1000
N_BINS = 10


def _check(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]) -> None:
    if len(gold) == 0:
        raise ValueError(
            "no items to score: gold and predictions are empty (check the data file and --limit)"
        )
    if len(gold) != len(pred):
        raise ValueError(
            f"{len(gold)} gold labels but {len(pred)} predictions: they must be paired one to one"
        )
    if len(set(labels)) != len(labels) or not labels:
        raise ValueError(f"labels must be a non-empty list of distinct names, got {list(labels)}")
    for name, values in (("gold", gold), ("predicted", pred)):
        unknown = sorted(set(values) - set(labels))
        if unknown:
            raise ValueError(
                f"{name} labels {unknown} are not among {list(labels)}: map them first or pass labels="
            )


def accuracy(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str] = LABELS) -> float:
    """Share of items whose predicted label equals the gold one.

    >>> accuracy(["support", "neutral"], ["support", "criticism"])
    0.5
    """
    _check(gold, pred, labels)
    return float(accuracy_score(list(gold), list(pred)))


def per_class(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str] = LABELS) -> dict[str, dict]:
    """`{label: {"precision", "recall", "f1", "support"}}` for every label of the list (support = gold count).

    >>> per_class(["support", "neutral"], ["support", "support"])["support"]["precision"]
    0.5
    """
    _check(gold, pred, labels)
    p, r, f, s = precision_recall_fscore_support(
        list(gold), list(pred), labels=list(labels), average=None, zero_division=0
    )
    return {
        lab: {"precision": float(p[i]), "recall": float(r[i]), "f1": float(f[i]), "support": int(s[i])}
        for i, lab in enumerate(labels)
    }


def macro_f1(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str] = LABELS) -> float:
    """Unweighted mean of the per-class F1 over the fixed label list (see the module's conventions).

    >>> macro_f1(["support", "criticism", "neutral"], ["support", "criticism", "neutral"])
    1.0
    """
    return float(np.mean([c["f1"] for c in per_class(gold, pred, labels).values()]))


def confusion(
    gold: Sequence[str], pred: Sequence[str], labels: Sequence[str] = LABELS
) -> dict[str, dict[str, int]]:
    """`{gold: {predicted: count}}`, every label on both sides (zeros included).

    >>> confusion(["support", "neutral"], ["support", "support"], labels=("support", "neutral"))
    {'support': {'support': 1, 'neutral': 0}, 'neutral': {'support': 1, 'neutral': 0}}
    """
    _check(gold, pred, labels)
    m = _confusion_matrix(_codes(gold, labels), _codes(pred, labels), len(labels))
    return {g: {p: int(m[i, j]) for j, p in enumerate(labels)} for i, g in enumerate(labels)}


def _codes(values: Sequence[str], labels: Sequence[str]) -> np.ndarray:
    index = {lab: i for i, lab in enumerate(labels)}
    return np.fromiter((index[v] for v in values), dtype=np.int64, count=len(values))


def _confusion_matrix(g: np.ndarray, p: np.ndarray, k: int) -> np.ndarray:
    return np.bincount(g * k + p, minlength=k * k).reshape(k, k)


def _macro_f1_from_confusions(m: np.ndarray) -> np.ndarray:
    """Macro-F1 of a stack of confusion matrices `(..., k, k)`: F1_c = 2 tp / (gold_c + pred_c), 0 when both
    are 0."""
    tp = np.diagonal(m, axis1=-2, axis2=-1).astype(float)
    denom = m.sum(axis=-1) + m.sum(axis=-2)
    f1 = np.divide(2 * tp, denom, out=np.zeros_like(tp), where=denom > 0)
    return f1.mean(axis=-1)


def bootstrap_macro_f1(
    gold: Sequence[str],
    pred: Sequence[str],
    labels: Sequence[str] = LABELS,
    n_resamples: int = N_RESAMPLES,
    seed: int = 0,
    level: float = 0.95,
) -> tuple[float, float]:
    """Percentile bootstrap interval of macro-F1, resampling items with replacement.

    >>> lo, hi = bootstrap_macro_f1(["support", "neutral"] * 50, ["support", "neutral"] * 50)
    >>> (lo, hi)
    (0.6666666666666666, 0.6666666666666666)
    """
    _check(gold, pred, labels)
    if n_resamples < 1:
        raise ValueError(f"n_resamples must be at least 1, got {n_resamples}")
    if not 0 < level < 1:
        raise ValueError(f"level must lie in (0, 1), got {level}")
    g, p, k, n = _codes(gold, labels), _codes(pred, labels), len(labels), len(gold)
    pair = g * k + p
    rng = np.random.default_rng(seed)
    stats = np.empty(n_resamples)
    chunk = max(1, min(n_resamples, 4_000_000 // n))  # bound memory: about 32 MB of indices per chunk
    for start in range(0, n_resamples, chunk):
        b = min(chunk, n_resamples - start)
        idx = rng.integers(0, n, size=(b, n))
        flat = pair[idx] + (np.arange(b) * k * k)[:, None]
        mats = np.bincount(flat.ravel(), minlength=b * k * k).reshape(b, k, k)
        stats[start : start + b] = _macro_f1_from_confusions(mats)
    tail = (1 - level) / 2 * 100
    lo, hi = np.percentile(stats, [tail, 100 - tail])
    return float(lo), float(hi)


def calibration(
    gold: Sequence[str],
    pred: Sequence[str],
    scores: Sequence[Mapping[str, float]],
    labels: Sequence[str] = LABELS,
    n_bins: int = N_BINS,
) -> dict:
    """Expected calibration error, Brier score and the reliability table.

    Returns `{"ece", "brier", "n_bins", "bins": [{"lo", "hi", "n", "confidence", "accuracy"}]}`; an empty bin
    has `confidence` and `accuracy` None.

    >>> c = calibration(["support", "neutral"], ["support", "support"],
    ...                 [{"support": 0.9, "criticism": 0.05, "neutral": 0.05}] * 2)
    >>> round(c["ece"], 3)
    0.4
    """
    _check(gold, pred, labels)
    if len(scores) != len(gold):
        raise ValueError(
            f"{len(gold)} gold labels but {len(scores)} score dicts: they must be paired one to one"
        )
    probs = np.zeros((len(scores), len(labels)))
    for i, s in enumerate(scores):
        missing = [lab for lab in labels if lab not in s]
        if missing:
            raise ValueError(
                f"item {i}: scores lack {missing}; every item needs a score per label {list(labels)}"
            )
        probs[i] = [float(s[lab]) for lab in labels]
    if not np.all(np.isfinite(probs)) or probs.min() < 0 or probs.max() > 1:
        raise ValueError("scores must be probabilities in [0, 1] (apply softmax first)")
    g, p = _codes(gold, labels), _codes(pred, labels)
    conf = probs[np.arange(len(p)), p]
    correct = (g == p).astype(float)
    # bin i holds lo <= conf < hi; a confidence of exactly 1.0 goes to the last bin
    which = np.minimum((conf * n_bins).astype(int), n_bins - 1)
    bins, ece = [], 0.0
    for b in range(n_bins):
        mask = which == b
        nb = int(mask.sum())
        row = {"lo": b / n_bins, "hi": (b + 1) / n_bins, "n": nb, "confidence": None, "accuracy": None}
        if nb:
            row["confidence"] = float(conf[mask].mean())
            row["accuracy"] = float(correct[mask].mean())
            ece += nb / len(conf) * abs(row["accuracy"] - row["confidence"])
        bins.append(row)
    onehot = np.eye(len(labels))[g]
    brier = float(((probs - onehot) ** 2).sum(axis=1).mean())
    return {"ece": float(ece), "brier": brier, "n_bins": n_bins, "bins": bins}


def _core(gold, pred, labels, n_resamples, seed) -> dict:
    pc = per_class(gold, pred, labels)
    return {
        "n": len(gold),
        "accuracy": accuracy(gold, pred, labels),
        "macro_f1": float(np.mean([c["f1"] for c in pc.values()])),
        "macro_f1_ci95": list(bootstrap_macro_f1(gold, pred, labels, n_resamples, seed)),
        "per_class": pc,
        "confusion": confusion(gold, pred, labels),
        "labels_absent": [lab for lab in labels if lab not in set(gold) and lab not in set(pred)],
    }


def per_lang(
    gold: Sequence[str],
    pred: Sequence[str],
    langs: Sequence[str | None],
    labels: Sequence[str] = LABELS,
    n_resamples: int = N_RESAMPLES,
    seed: int = 0,
) -> dict[str, dict]:
    """The core figures (n, accuracy, macro_f1 and its interval, per_class, confusion) per language.

    Items without a language are grouped under "unknown".

    >>> sorted(per_lang(["support", "neutral"], ["support", "neutral"], ["ar", "fr"]))
    ['ar', 'fr']
    """
    _check(gold, pred, labels)
    if len(langs) != len(gold):
        raise ValueError(
            f"{len(gold)} gold labels but {len(langs)} languages: they must be paired one to one"
        )
    keys = [lang or "unknown" for lang in langs]
    out = {}
    for lang in sorted(set(keys)):
        idx = [i for i, k in enumerate(keys) if k == lang]
        out[lang] = _core([gold[i] for i in idx], [pred[i] for i in idx], labels, n_resamples, seed)
    return out


def target_contrast(gold: Sequence[str], pred: Sequence[str], groups: Sequence[object]) -> dict:
    """How well a model tells one speaker's targets apart: among the groups (one sentence and one speaker) whose
    targets have different gold stances, the number of groups and pairs, the accuracy on those pairs, and in how many
    of those groups the model gave every target the same label (a model that reads the sentence, not the target).

    >>> c = target_contrast(["support", "criticism", "neutral", "neutral"],
    ...                     ["criticism", "criticism", "neutral", "support"], ["a", "a", "b", "b"])
    >>> c["groups"], c["pairs"], c["accuracy"], c["one_label_groups"]
    (1, 2, 0.5, 1)
    """
    by: dict[object, list[int]] = {}
    for i, g in enumerate(groups):
        by.setdefault(g, []).append(i)
    mixed = [idx for idx in by.values() if len({gold[i] for i in idx}) > 1]
    pairs = [i for idx in mixed for i in idx]
    return {
        "groups": len(mixed),
        "pairs": len(pairs),
        "accuracy": float(np.mean([gold[i] == pred[i] for i in pairs])) if pairs else None,
        "one_label_groups": sum(len({pred[i] for i in idx}) == 1 for idx in mixed),
    }


def summarize(
    gold: Sequence[str],
    pred: Sequence[str],
    *,
    scores: Sequence[Mapping[str, float]] | None = None,
    langs: Sequence[str | None] | None = None,
    labels: Sequence[str] = LABELS,
    n_resamples: int = N_RESAMPLES,
    seed: int = 0,
) -> dict:
    """Every figure of `metrics.json` that depends only on gold, predictions, scores and languages.

    Keys: n, labels, accuracy, macro_f1, macro_f1_ci95, per_class, confusion, labels_absent, per_lang
    (always present; one entry per language, "unknown" when none is given), calibration (when scores are
    given).

    >>> s = summarize(["support", "neutral"], ["support", "neutral"], langs=["en", "en"])
    >>> s["macro_f1"], s["labels_absent"], list(s["per_lang"])
    (0.6666666666666666, ['criticism'], ['en'])
    """
    out = {"labels": list(labels)}
    out.update(_core(gold, pred, labels, n_resamples, seed))
    out["per_lang"] = per_lang(
        gold, pred, langs if langs is not None else [None] * len(gold), labels, n_resamples, seed
    )
    if scores is not None:
        out["calibration"] = calibration(gold, pred, scores, labels)
    return out
