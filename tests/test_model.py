"""TransformerStanceClassifier: marking, and an overfit run (learns 8 examples, save/reload, batched = single)."""
from __future__ import annotations

import json

import pytest
import torch

from stance.model import StanceModelConfig, TransformerStanceClassifier, crop, mark
from stance.records import StanceItem

MARKERS = StanceModelConfig().markers


def _item(text: str, target: str, speaker: str | None, lang: str) -> StanceItem:
    t = text.index(target)
    s = None if speaker is None else (text.index(speaker), text.index(speaker) + len(speaker))
    return StanceItem(text, target=(t, t + len(target)), speaker=s, lang=lang)


DATA = [
    (_item("Hammond criticised Russia over the attack.", "Russia", "Hammond", "en"), "criticism"),
    (_item("Merkel praised France for its leadership.", "France", "Merkel", "en"), "support"),
    (_item("Obama met Putin in Geneva on Monday.", "Putin", "Obama", "en"), "neutral"),
    (_item("Russia was condemned for the invasion.", "Russia", None, "en"), "criticism"),
    (_item("وانتقد لافروف واشنطن بشدة.", "واشنطن", "لافروف", "ar"), "criticism"),
    (_item("وأشاد الرئيس بدعم الأردن.", "الأردن", "الرئيس", "ar"), "support"),
    (_item("Macron a salué l'Allemagne pour son aide.", "l'Allemagne", "Macron", "fr"), "support"),
    (_item("Le ministre a rencontré son homologue italien.", "son homologue italien", "Le ministre", "fr"), "neutral"),
]


def test_mark_wraps_speaker_and_target():
    text, s_at, t_at = mark(DATA[0][0], MARKERS)
    assert text == "passage: ‹ Hammond › criticised [ Russia ] over the attack."
    assert text[s_at] == "‹" and text[t_at] == "["


def test_mark_author_speaker_is_an_empty_mark():
    text, s_at, t_at = mark(DATA[3][0], MARKERS)
    assert text.startswith("passage: ‹ › [ Russia ]")
    assert text[s_at] == "‹" and text[t_at] == "["


def test_mark_target_inside_a_word_and_before_speaker():
    item = StanceItem("لروسيا قال الوزير", target=(1, 6), speaker=(11, 17))
    text, s_at, t_at = mark(item, MARKERS)
    assert text == "passage: ل[ روسيا ] قال ‹ الوزير ›"
    assert text[s_at] == "‹" and text[t_at] == "["


def test_crop_keeps_the_spans():
    text = "word " * 500 + "Putin slammed NATO. " + "word " * 500
    s = text.index("Putin")
    t = text.index("NATO")
    out, off = crop(text, [(s, s + 5), (t, t + 4)], 200)
    assert len(out) <= 220
    assert out[s - off : s - off + 5] == "Putin" and out[t - off : t - off + 4] == "NATO"


def test_config_rejects_bad_values():
    with pytest.raises(ValueError, match="max_length"):
        StanceModelConfig(max_length=4)
    with pytest.raises(ValueError, match="labels"):
        StanceModelConfig(labels=("a", "a"))


def test_from_pretrained_refuses_other_model_types(tmp_path):
    (tmp_path / "config.json").write_text(json.dumps({"stance_model_type": "lexicon"}))
    (tmp_path / "adapter.safetensors").write_bytes(b"")
    with pytest.raises(ValueError, match="stance_model_type"):
        TransformerStanceClassifier.from_pretrained(tmp_path)


@pytest.fixture(scope="module")
def trained():
    """A tiny configuration (LoRA on the top 2 layers, 48 tokens) trained to memorise DATA."""
    torch.manual_seed(0)
    cfg = StanceModelConfig(max_length=48, lora_r=4, lora_alpha=8, lora_dropout=0.0, lora_layers_from=10,
                            head_dropout=0.0, head_hidden=64)
    clf = TransformerStanceClassifier.new(cfg, seed=0)
    items = [it for it, _ in DATA]
    y = torch.tensor([cfg.labels.index(lab) for _, lab in DATA])
    params = [p for p in clf.net.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=3e-3)
    enc = clf.encode(items)
    clf.net.train()
    losses = []
    for _ in range(40):
        loss = torch.nn.functional.cross_entropy(clf.net(**enc), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
        if loss.item() < 0.02:
            break
    clf.net.eval()
    return clf, losses


def test_overfit_loss_falls_and_learns(trained):
    clf, losses = trained
    assert losses[-1] < 0.25 * losses[0], losses
    preds = clf.predict([it for it, _ in DATA])
    assert [p.stance for p in preds] == [lab for _, lab in DATA]
    for p in preds:
        assert set(p.scores) == set(clf.labels) and abs(sum(p.scores.values()) - 1) < 1e-5


def test_batched_equals_one_at_a_time(trained):
    clf, _ = trained
    items = [it for it, _ in DATA]
    batched = clf.predict(items, batch_size=8)
    single = [clf.predict([it], batch_size=1)[0] for it in items]
    for a, b in zip(batched, single):
        assert a.stance == b.stance
        for lab in clf.labels:
            assert abs(a.scores[lab] - b.scores[lab]) < 1e-4


def test_save_and_reload_give_the_same_scores(trained, tmp_path):
    clf, _ = trained
    clf.save_pretrained(tmp_path)
    size = sum(f.stat().st_size for f in tmp_path.iterdir())
    assert size < 2_000_000  # deltas and head only, never the backbone
    cfg = json.loads((tmp_path / "config.json").read_text(encoding="utf-8"))
    assert cfg["stance_model_type"] == "transformer" and cfg["labels"] == list(clf.labels)
    assert cfg["base"].startswith("multilingual-e5-small")
    items = [it for it, _ in DATA]
    before = clf.predict(items)
    for merge in (False, True):
        again = TransformerStanceClassifier.from_pretrained(tmp_path, merge=merge).predict(items)
        for a, b in zip(before, again):
            assert a.stance == b.stance
            for lab in clf.labels:
                assert abs(a.scores[lab] - b.scores[lab]) < 1e-4
