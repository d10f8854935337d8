"""Metrics against hand-computed values on small fixtures, edge cases included."""

import numpy as np
import pytest
from sklearn.metrics import f1_score

from eval import metrics as M

S, C, N = "support", "criticism", "neutral"

# confusion (rows gold, columns predicted):  S: S1 C1 N1 | C: C2 | N: S1 C1 N3
GOLD = [S, S, S, C, C, N, N, N, N, N]
PRED = [S, C, N, C, C, N, N, N, S, C]


def test_accuracy_and_per_class_hand_computed():
    assert M.accuracy(GOLD, PRED) == pytest.approx(0.6)
    pc = M.per_class(GOLD, PRED)
    assert pc[S] == pytest.approx({"precision": 0.5, "recall": 1 / 3, "f1": 0.4, "support": 3})
    assert pc[C] == pytest.approx({"precision": 0.5, "recall": 1.0, "f1": 2 / 3, "support": 2})
    assert pc[N] == pytest.approx({"precision": 0.75, "recall": 0.6, "f1": 2 / 3, "support": 5})
    assert M.macro_f1(GOLD, PRED) == pytest.approx((0.4 + 2 / 3 + 2 / 3) / 3)


def test_confusion_hand_computed():
    assert M.confusion(GOLD, PRED) == {
        S: {S: 1, C: 1, N: 1},
        C: {S: 0, C: 2, N: 0},
        N: {S: 1, C: 1, N: 3},
    }


def test_class_never_predicted_scores_zero_and_counts_in_mean():
    gold, pred = [S, C, N], [C, C, N]
    pc = M.per_class(gold, pred)
    assert pc[S] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1}
    assert pc[C]["f1"] == pytest.approx(2 / 3)
    assert M.macro_f1(gold, pred) == pytest.approx((0 + 2 / 3 + 1) / 3)


def test_single_class_absent_labels_are_zero_and_reported():
    gold = pred = [N] * 4
    assert M.macro_f1(gold, pred) == pytest.approx(1 / 3)
    assert M.macro_f1(gold, pred, labels=(N,)) == 1.0
    s = M.summarize(gold, pred, n_resamples=50)
    assert s["labels_absent"] == [S, C]
    assert s["macro_f1_ci95"] == pytest.approx([1 / 3, 1 / 3])


def test_agrees_with_sklearn_macro_f1_on_random_data():
    rng = np.random.default_rng(3)
    gold = list(rng.choice([S, C, N], 200))
    pred = list(rng.choice([S, C, N], 200, p=[0.1, 0.3, 0.6]))
    ref = f1_score(gold, pred, labels=[S, C, N], average="macro", zero_division=0)
    assert M.macro_f1(gold, pred) == pytest.approx(ref)


@pytest.mark.parametrize(
    "gold, pred, message",
    [
        ([], [], "empty"),
        ([S], [S, S], "paired"),
        ([S], ["positive"], "not among"),
        (["pos"], [S], "not among"),
    ],
)
def test_bad_input_raises_clear_error(gold, pred, message):
    for fn in (M.accuracy, M.macro_f1, M.per_class, M.confusion, M.bootstrap_macro_f1):
        with pytest.raises(ValueError, match=message):
            fn(gold, pred)
    with pytest.raises(ValueError, match=message):
        M.summarize(gold, pred)


def test_bootstrap_matches_a_naive_loop_and_is_deterministic():
    rng = np.random.default_rng(0)
    gold = list(rng.choice([S, C, N], 120))
    pred = [g if rng.random() < 0.6 else rng.choice([S, C, N]) for g in gold]
    lo, hi = M.bootstrap_macro_f1(gold, pred, n_resamples=200, seed=7)
    # the same draws, one resample at a time, scored by scikit-learn
    draw = np.random.default_rng(7)
    g, p = np.array(gold), np.array(pred)
    stats = []
    for _ in range(200):
        idx = draw.integers(0, len(gold), size=len(gold))
        stats.append(f1_score(g[idx], p[idx], labels=[S, C, N], average="macro", zero_division=0))
    assert (lo, hi) == pytest.approx(tuple(np.percentile(stats, [2.5, 97.5])))
    assert M.bootstrap_macro_f1(gold, pred, n_resamples=200, seed=7) == (lo, hi)
    assert M.bootstrap_macro_f1(gold, pred, n_resamples=200, seed=8) != (lo, hi)


def test_bootstrap_brackets_point_estimate_and_narrows_with_n():
    rng = np.random.default_rng(1)
    labels = np.array([S, C, N])
    widths = []
    for n in (150, 1500):
        gold = list(rng.choice(labels, n, p=[0.2, 0.4, 0.4]))
        pred = [g if rng.random() < 0.7 else rng.choice(labels) for g in gold]
        point = M.macro_f1(gold, pred)
        lo, hi = M.bootstrap_macro_f1(gold, pred)
        assert lo < point < hi
        widths.append(hi - lo)
    assert widths[1] < widths[0] / 2


def test_calibration_hand_computed():
    gold = [S, N, C, N]
    pred = [S, S, C, N]
    scores = [
        {S: 0.95, C: 0.05, N: 0.0},
        {S: 0.95, C: 0.05, N: 0.0},
        {S: 0.25, C: 0.55, N: 0.2},
        {S: 0.0, C: 0.0, N: 1.0},  # confidence 1.0 falls in the last bin
    ]
    cal = M.calibration(gold, pred, scores)
    # bin 9: confidences .95 .95 1.0, accuracy 2/3; bin 5: .55, accuracy 1
    assert cal["ece"] == pytest.approx(0.75 * abs(2 / 3 - 2.9 / 3) + 0.25 * abs(1 - 0.55))
    assert cal["brier"] == pytest.approx((0.005 + 1.905 + 0.305 + 0) / 4)
    assert [b["n"] for b in cal["bins"]] == [0, 0, 0, 0, 0, 1, 0, 0, 0, 3]
    assert cal["bins"][9]["accuracy"] == pytest.approx(2 / 3)
    assert cal["bins"][0]["confidence"] is None


def test_calibration_rejects_missing_or_unnormalised_scores():
    with pytest.raises(ValueError, match="lack"):
        M.calibration([S], [S], [{S: 1.0}])
    with pytest.raises(ValueError, match="probabilities"):
        M.calibration([S], [S], [{S: 3.0, C: -1.0, N: 0.0}])


def test_per_lang_splits_and_scores_each_language():
    gold = [S, C, S, N]
    pred = [S, C, N, N]
    out = M.per_lang(gold, pred, ["ar", "ar", "fr", None])
    assert sorted(out) == ["ar", "fr", "unknown"]
    assert out["ar"]["n"] == 2 and out["ar"]["accuracy"] == 1.0
    assert out["ar"]["macro_f1"] == pytest.approx(2 / 3)  # neutral absent in ar: F1 0
    assert out["fr"]["confusion"][S][N] == 1
    assert out["unknown"]["accuracy"] == 1.0


def test_summarize_has_the_contract_fields():
    s = M.summarize(GOLD, PRED, scores=[{S: 0.2, C: 0.3, N: 0.5}] * 10, langs=["en"] * 10, n_resamples=100)
    for key in (
        "n",
        "accuracy",
        "macro_f1",
        "macro_f1_ci95",
        "per_class",
        "confusion",
        "per_lang",
        "calibration",
    ):
        assert key in s
    assert s["n"] == 10 and len(s["macro_f1_ci95"]) == 2
    assert s["per_lang"]["en"]["macro_f1"] == s["macro_f1"]
