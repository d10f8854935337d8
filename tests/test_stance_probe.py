"""The stance probes of training.stance_probe on data whose answer is known."""
from __future__ import annotations

import numpy as np
import pytest

from stance.records import StanceItem
from training.stance_probe import local_view, reread

pytest.importorskip("sklearn")


def test_reread_finds_a_stance_the_head_missed():
    """Pooled features that carry the label and probabilities that do not: the regression reads the label from
    them, in cross-validation and on the dev rows; with features that carry nothing it is left at chance."""
    rng = np.random.default_rng(0)

    def rows(n, informative):
        y = rng.integers(0, 3, n)
        pooled = rng.normal(size=(n, 6))
        if informative:
            pooled[np.arange(n), y] += 4.0
        probs = np.full((n, 3), 1 / 3)
        return np.hstack([pooled, probs]), y

    (xt, yt), (xd, yd) = rows(300, True), rows(100, True)
    groups = [f"doc{k // 3}" for k in range(300)]
    rep = reread(xt, yt, groups, xd, yd)
    assert rep["dev_accuracy"] >= 0.9 and max(rep["cv_train_accuracy_by_C"].values()) >= 0.9
    (xt, yt), (xd, yd) = rows(300, False), rows(300, False)
    assert reread(xt, yt, groups, xd, yd)["dev_accuracy"] < 0.5


@pytest.mark.parametrize("window", [1, 3, 50])
def test_local_view_keeps_the_target_and_the_speaker(window):
    text = "وقال وزير الخارجية البريطاني فيليب هاموند إن روسيا تستهدف المعارضة أكثر من تنظيم الدولة"
    item = StanceItem(text, target=(text.index("روسيا"), text.index("روسيا") + 5),
                      speaker=(text.index("فيليب"), text.index("هاموند") + 6), lang="ar")
    v = local_view(item, window)
    assert v.text[v.target[0] : v.target[1]] == "روسيا"
    assert v.text[v.speaker[0] : v.speaker[1]] == "فيليب هاموند"
    assert len(v.text.split()) <= 2 * window + 1 + 3  # the window, and at most the speaker's name in front
    if window == 50:
        assert v.text == text


class _Fixed:
    """A stand-in model that gives every item the same probabilities, its labels in its own order."""

    def __init__(self, labels, probs):
        self.labels, self.probs = tuple(labels), probs

    def predict(self, items, batch_size=32):
        from stance.records import Prediction

        return [Prediction(max(self.probs, key=self.probs.get), dict(self.probs)) for _ in items]


def test_ensemble_members_are_read_in_the_main_models_label_order():
    from training.stance_probe import _logp

    items = [StanceItem("a b", (0, 1))]
    probs = {"support": 0.8, "criticism": 0.15, "neutral": 0.05}
    labels = ["support", "criticism", "neutral"]
    mean = np.mean([_logp(_Fixed(labels, probs), items, labels),
                    _logp(_Fixed(("neutral", "support", "criticism"), probs), items, labels)], axis=0)
    assert labels[int(np.argmax(mean[0]))] == "support"
    with pytest.raises(ValueError, match="cannot be compared"):
        _logp(_Fixed(("support", "criticism"), {"support": 0.5, "criticism": 0.5}), items, labels)


def test_reread_takes_as_many_probability_columns_as_labels():
    """Two labels: the pooled column before the two probabilities is a feature, not a probability to log."""
    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, 200)
    pooled = rng.normal(size=(200, 4))
    pooled[:, -1] = -5.0 + 2.0 * y + rng.normal(size=200) * 0.1  # negative, and it alone tells the labels apart
    x = np.hstack([pooled, np.full((200, 2), 0.5)])
    groups = [f"d{k // 4}" for k in range(200)]
    assert reread(x[:150], y[:150], groups[:150], x[150:], y[150:], n_labels=2)["dev_accuracy"] >= 0.95
