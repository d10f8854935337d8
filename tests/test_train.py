"""Training config validation, the epoch mix, the dev metric, and (slow) the real smoke run."""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from stance.records import StanceItem
from training.config import SourceConfig, TrainConfig
from training.datasets import Example
from training.train import class_weights, epoch_mix, length_batches, macro_f1

ROOT = Path(__file__).resolve().parent.parent
BASE = {"train": [{"kind": "plover"}], "dev": [{"kind": "plover"}], "output_dir": "/tmp/x"}


def _ex(i: int, stance: str) -> Example:
    return Example(StanceItem("x" * (i % 7 + 1), target=(0, 1), id=str(i)), stance, "t", str(i))


def test_shipped_configs_load():
    for name in ("default.yaml", "default_stage2.yaml", "english_only.yaml", "smoke.yaml", "question19.yaml",
                 "control19.yaml", "others_session32.yaml", "swap_session45.yaml", "full_session57.yaml"):
        cfg = TrainConfig.load(ROOT / "training" / "configs" / name)
        assert cfg.train and cfg.dev
    sweep = sorted((ROOT / "training" / "configs" / "sweep18").glob("*.yaml"))
    assert len(sweep) == 8 and all(TrainConfig.load(p).device == "cuda" for p in sweep)


@pytest.mark.parametrize("change, message", [
    ({"epochs": 0}, "epochs"),
    ({"lr": 3.0}, "lr"),
    ({"class_weighting": "inverse"}, "class_weighting"),
    ({"train": []}, "train"),
    ({"dev": [{"kind": "dse"}]}, "split"),
    ({"train": [{"kind": "wikipedia"}]}, "kind"),
    ({"train": [{"kind": "plover", "weight": 0}]}, "weight"),
    ({"colour": "blue"}, "unknown keys"),
    ({"dev": [{"kind": "plover"}, {"kind": "plover"}]}, "distinct names"),
    ({"init_from": "/nonexistent/model"}, "init_from"),
    ({"device": "gpu"}, "device must be"),
    ({"device": "cuda:x"}, "device must be"),
    ({"question": "query: {who} "}, "question"),
    ({"question": "query: {target!r} "}, "question"),
    ({"question": "query: {speaker.upper} "}, "question"),
    ({"question": 3}, "question"),
    ({"train": [{"kind": "plover", "target_swap": 1.5}]}, "target_swap"),
    ({"finetune": "partial"}, "finetune"),
])
def test_config_errors_are_clear(change, message):
    with pytest.raises(ValueError, match=message):
        TrainConfig.from_dict({**BASE, **change})


def test_device_names_resolve():
    import torch

    from stance.backbone import resolve_device

    assert resolve_device("cpu") == torch.device("cpu")
    assert resolve_device("auto").type == ("cuda" if torch.cuda.is_available() else "cpu")
    if not torch.cuda.is_available():
        with pytest.raises(ValueError, match="sees no CUDA GPU"):
            resolve_device("cuda")
    for name in ("tpu", "mps", "meta", "cuda:x"):
        with pytest.raises(ValueError, match="not one stance runs on"):
            resolve_device(name)


@pytest.mark.skipif(__import__("torch").cuda.is_available(), reason="needs a machine without a CUDA GPU")
def test_training_on_a_missing_gpu_fails_before_writing_anything(tmp_path):
    from training.train import train

    cfg = TrainConfig.from_dict({**BASE, "output_dir": str(tmp_path / "run"), "device": "cuda"})
    with pytest.raises(ValueError, match="sees no CUDA GPU"):
        train(cfg, progress=False)
    assert not (tmp_path / "run").exists()


def test_config_round_trips_through_json(tmp_path):
    cfg = TrainConfig.from_dict({**BASE, "epochs": 2})
    path = tmp_path / "c.json"
    path.write_text(json.dumps(cfg.to_json()))
    again = TrainConfig.load(path)
    assert again.epochs == 2 and isinstance(again.train[0], SourceConfig)


def test_epoch_mix_weights_and_neutral_thinning():
    exs = [_ex(i, "neutral") for i in range(1000)] + [_ex(i, "support") for i in range(1000, 1100)]
    mix = epoch_mix([(SourceConfig("plover", weight=2.0, neutral_fraction=0.1), exs)], random.Random(0))
    n_support = sum(e.stance == "support" for e in mix)
    n_neutral = sum(e.stance == "neutral" for e in mix)
    assert n_support == 200
    assert 150 < n_neutral < 250
    half = epoch_mix([(SourceConfig("plover", weight=0.5), exs)], random.Random(0))
    assert len(half) == 550


def _pair(text: str, speaker: str, target: str, stance: str, lang: str = "en", others: tuple[str, ...] = ()) -> Example:
    def span(words: str) -> tuple[int, int]:
        i = text.index(words)
        return (i, i + len(words))

    item = StanceItem(text, target=span(target), speaker=span(speaker), lang=lang, others=tuple(span(o) for o in others))
    return Example(item, stance, "t")


def test_target_swap_moves_the_spans_after_the_target():
    from training.augment import swap_target

    ex = _pair("Russia, said Hammond, hit the opposition and spared ISIS.", "Hammond", "Russia", "criticism",
               others=("the opposition", "ISIS"))
    out = swap_target(ex, "the Syrian government")
    t = out.item.text
    assert t == "the Syrian government, said Hammond, hit the opposition and spared ISIS."
    assert t[slice(*out.item.target)] == "the Syrian government"
    assert t[slice(*out.item.speaker)] == "Hammond"
    assert [t[s:e] for s, e in out.item.others] == ["the opposition", "ISIS"]
    assert out.stance == "criticism" and out.source == ex.source
    # a target the speaker overlaps has no one way to move: the example is kept as it was
    inside = Example(StanceItem("President Putin said so.", target=(0, 14), speaker=(10, 14)), "neutral", "t")
    assert swap_target(inside, "Kerry") is inside


def test_target_swap_draws_words_of_the_same_language_and_article():
    from training.augment import swap_some, target_pool

    ar = [_pair("قال بوتين إن المعارضة تحارب الإرهاب", "بوتين", "المعارضة", "support", "ar"),
          _pair("قال كيري إن الحكومة السورية تقصف المدن", "كيري", "الحكومة السورية", "criticism", "ar"),
          _pair("قال هاموند إن روسيا تقصف المعارضة", "هاموند", "روسيا", "criticism", "ar")]
    en = [_pair("Kerry praised France.", "Kerry", "France", "support")]
    pool = target_pool(ar + en)
    assert pool[("ar", True)] == ["الحكومة السورية", "المعارضة"] and pool[("en", False)] == ["France"]
    out = swap_some(ar + en, pool, 1.0, random.Random(0))
    assert [e.stance for e in out] == [e.stance for e in ar + en]
    t0 = out[0].item.text
    assert t0[slice(*out[0].item.target)] == "الحكومة السورية"  # the only other definite Arabic target
    assert t0[slice(*out[0].item.speaker)] == "بوتين"
    assert out[2] is ar[2] and out[3] is en[0]  # no other target of its kind to draw: kept
    assert swap_some(ar, pool, 0.0, random.Random(0)) == ar
    # another marked target of the same statement (its gold stance may differ) is never drawn into the slot
    both = _pair("قال بوتين إن المعارضة والحكومة السورية تحاربان", "بوتين", "المعارضة", "support", "ar",
                 others=("الحكومة السورية",))
    assert swap_some([both], pool, 1.0, random.Random(0))[0] is both


def test_epoch_mix_draws_the_same_when_nothing_is_swapped():
    """target_swap 0 (every earlier config) consumes no random draws: an earlier run's epochs stay as they were."""
    exs = [_ex(i, "neutral") for i in range(300)] + [_ex(i, "support") for i in range(300, 400)]
    a, b = random.Random(5), random.Random(5)
    mix_a = epoch_mix([(SourceConfig("plover", weight=1.7, neutral_fraction=0.4), exs)], a)
    mix_b = epoch_mix([(SourceConfig("plover", weight=1.7, neutral_fraction=0.4, target_swap=0.0), exs)], b)
    assert mix_a == mix_b and a.getstate() == b.getstate()
    c = random.Random(5)
    mix_c = epoch_mix([(SourceConfig("plover", weight=1.7, neutral_fraction=0.4, target_swap=0.5), exs)], c)
    assert c.getstate() != a.getstate()  # a swap share does draw (the guard above can fail)
    assert len(mix_c) == len(mix_a)


def test_epoch_mix_swaps_only_where_asked():
    names = ("France", "Chile", "Peru", "Mali")
    exs = [_pair(f"Kerry praised {names[i % 4]} on day {i}.", "Kerry", names[i % 4], "support") for i in range(100)]
    plain = epoch_mix([(SourceConfig("plover"), exs)], random.Random(0))
    assert sorted(e.item.text for e in plain) == sorted(e.item.text for e in exs)
    mixed = epoch_mix([(SourceConfig("plover", target_swap=0.5), exs)], random.Random(0))
    moved = sum(e.item.text not in {x.item.text for x in exs} for e in mixed)
    assert len(mixed) == 100 and 30 < moved < 70


def test_length_batches_cover_everything_once():
    exs = [_ex(i, "neutral") for i in range(103)]
    batches = length_batches(exs, 16, random.Random(0))
    assert sorted(e.item.id for b in batches for e in b) == sorted(e.item.id for e in exs)
    assert max(len(b) for b in batches) == 16


def test_class_weights_balanced():
    exs = [_ex(i, "criticism") for i in range(30)] + [_ex(i, "support") for i in range(10)]
    w = class_weights(exs, ("support", "criticism", "neutral"), "balanced")
    assert w[0] == pytest.approx(40 / 30) and w[1] == pytest.approx(40 / 90)


def test_macro_f1_matches_sklearn():
    from sklearn.metrics import f1_score

    labels = ("support", "criticism", "neutral")
    rng = random.Random(1)
    gold = [rng.choice(labels) for _ in range(200)]
    pred = [g if rng.random() < 0.6 else rng.choice(labels) for g in gold]
    want = f1_score(gold, pred, labels=list(labels), average="macro", zero_division=0)
    assert macro_f1(gold, pred, labels) == pytest.approx(want)


@pytest.mark.slow
def test_smoke_training_run(tmp_path):
    from training.heldout import data_dir
    from training.train import train

    if not (data_dir() / "plover_gsr").exists():
        pytest.skip(f"shared data not found at {data_dir()}: set $STANCE_DATA")
    cfg = TrainConfig.load(ROOT / "training" / "configs" / "smoke.yaml")
    d = cfg.to_json()
    d.update(output_dir=str(tmp_path / "run"), max_steps=3)
    summary = train(TrainConfig.from_dict(d), progress=False)
    assert summary["steps"] == 3
    assert (tmp_path / "run" / "model" / "adapter.safetensors").exists()
    lines = (tmp_path / "run" / "dev_scores.jsonl").read_text().splitlines()
    assert len(lines) == 1 and 0 <= json.loads(lines[0])["selection"] <= 1


def test_a_model_trained_with_a_question_reads_it(tmp_path, caplog):
    """`question` in the training config: the saved model keeps the template and reads the speaker and the target
    named in it before the passage, at prediction too."""
    from stance.classify import load_classifier
    from stance.records import StanceItem
    from training.heldout import data_dir
    from training.train import train

    if not (data_dir() / "plover_gsr").exists():
        pytest.skip(f"shared data not found at {data_dir()}: set $STANCE_DATA")
    d = TrainConfig.load(ROOT / "training" / "configs" / "smoke.yaml").to_json()
    d.update(output_dir=str(tmp_path / "run"), max_steps=2, question="query: {speaker} / {target} ")
    train(TrainConfig.from_dict(d), progress=False)
    saved = json.loads((tmp_path / "run" / "model" / "config.json").read_text(encoding="utf-8"))
    assert saved["markers"]["question"] == "query: {speaker} / {target} "
    assert saved["stance_model_type"] == "transformer+question"  # a version without questions refuses the model
    clf = load_classifier(tmp_path / "run" / "model")
    item = StanceItem("Hammond criticised Russia.", target=(19, 25), speaker=(0, 7))
    ids = clf.encode([item])["input_ids"][0].tolist()
    assert clf.tokenizer.decode(ids, skip_special_tokens=True).startswith("query: Hammond / Russia passage:")
    assert clf.predict([item])[0].stance in clf.labels
    # continuing from it: a new question replaces the old one; none keeps it, with a warning either way
    from training.train import build_classifier

    d.update(init_from=str(tmp_path / "run" / "model"), question="query: {target} ")
    with caplog.at_level("WARNING", logger="training.train"):
        assert build_classifier(TrainConfig.from_dict(d)).config.markers["question"] == "query: {target} "
        d.update(question=None)
        assert build_classifier(TrainConfig.from_dict(d)).config.markers["question"] == "query: {speaker} / {target} "
    assert "it now reads" in caplog.text and "cannot take a question away" in caplog.text


def test_a_model_trained_with_other_marks_reads_them(tmp_path):
    """`mark_others` in the training config: the saved model marks a statement's other targets { } (a type of its
    own, so a version of stance that cannot mark them refuses it), at prediction too; continuing the shipped model
    with it adds the marks."""
    from stance.classify import load_classifier
    from stance.records import StanceItem
    from training.heldout import data_dir
    from training.train import build_classifier, train

    if not (data_dir() / "plover_gsr").exists():
        pytest.skip(f"shared data not found at {data_dir()}: set $STANCE_DATA")
    d = TrainConfig.load(ROOT / "training" / "configs" / "smoke.yaml").to_json()
    d.update(output_dir=str(tmp_path / "run"), max_steps=2, mark_others=True)
    train(TrainConfig.from_dict(d), progress=False)
    saved = json.loads((tmp_path / "run" / "model" / "config.json").read_text(encoding="utf-8"))
    assert saved["markers"]["other_open"] == "{" and saved["stance_model_type"] == "transformer+others"
    clf = load_classifier(tmp_path / "run" / "model")
    item = StanceItem("Hammond backed Kyiv against Russia.", target=(28, 34), speaker=(0, 7), others=((15, 19),))
    ids = clf.encode([item])["input_ids"][0].tolist()
    assert "backed { Kyiv } against [ Russia ]" in clf.tokenizer.decode(ids, skip_special_tokens=True)
    assert clf.predict([item])[0].stance in clf.labels
    d.update(init_from=str(ROOT / "stance" / "models" / "default"))
    assert build_classifier(TrainConfig.from_dict(d)).config.stance_model_type == "transformer+others"


@pytest.mark.slow
def test_full_fine_tuning_trains_every_layer_and_loads_back(tmp_path):
    """`finetune: full`: a smoke run trains every weight of the transformer layers (no LoRA matrices; the embeddings
    stay the backbone's), saves them with the head, and the loaded model predicts as the trained one does; the
    shipped LoRA model continued so has its LoRA folded into the layers first (the same scores before any step); a
    fully fine-tuned model cannot be continued as a LoRA one."""
    import torch
    from safetensors.torch import load_file

    from stance.backbone import load_backbone
    from stance.classify import load_classifier
    from stance.records import StanceItem
    from training.heldout import data_dir
    from training.train import build_classifier, train

    if not (data_dir() / "plover_gsr").exists():
        pytest.skip(f"shared data not found at {data_dir()}: set $STANCE_DATA")
    d = TrainConfig.load(ROOT / "training" / "configs" / "smoke.yaml").to_json()
    d.update(output_dir=str(tmp_path / "run"), max_steps=2, finetune="full", lr=2e-5)
    train(TrainConfig.from_dict(d), progress=False)
    model = tmp_path / "run" / "model"
    saved = load_file(str(model / "adapter.safetensors"))
    assert not any("lora_" in k for k in saved)
    assert {k.split(".")[3] for k in saved if k.startswith("encoder.encoder.layer.")} == {str(i) for i in range(12)}
    assert not any(".embeddings." in k for k in saved)
    config = json.loads((model / "config.json").read_text(encoding="utf-8"))
    assert config["finetune"] == "full" and config["lora_r"] == 0
    name = "encoder.layer.11.output.dense.weight"
    assert not saved["encoder." + name].equal(load_backbone().state_dict()[name])  # training moved it
    clf = load_classifier(model, target_filter=False, lexical_prior=False)
    assert clf.net.state_dict()["encoder." + name].equal(saved["encoder." + name])
    item = StanceItem("Hammond criticised Russia.", target=(19, 25), speaker=(0, 7), lang="en")
    assert clf.predict([item])[0].stance in clf.labels

    shipped = ROOT / "stance" / "models" / "default"
    full = build_classifier(TrainConfig.from_dict({**BASE, "init_from": str(shipped), "finetune": "full"}))
    trainable = [n for n, p in full.net.named_parameters() if p.requires_grad]
    assert trainable and all(n.startswith(("encoder.encoder.layer.", "head.")) for n in trainable)
    full.net.eval()
    lora = load_classifier(shipped, target_filter=False, lexical_prior=False, ensemble=False)
    a, b = (torch.tensor(list(c.predict([item])[0].scores.values())) for c in (full, lora))
    assert torch.allclose(a, b, atol=1e-4)
    with pytest.raises(ValueError, match="fully fine-tuned"):
        build_classifier(TrainConfig.from_dict({**BASE, "init_from": str(model)}))


@pytest.mark.slow
def test_init_from_starts_at_the_saved_model():
    """`init_from` loads a saved model's LoRA matrices and head, trainable, with its own LoRA settings."""
    from safetensors.torch import load_file

    from training.train import build_classifier

    shipped = ROOT / "stance" / "models" / "default"
    cfg = TrainConfig.from_dict({**BASE, "init_from": str(shipped), "lora_r": 4})
    clf = build_classifier(cfg)
    state = clf.trainable_state_dict()
    saved = load_file(str(shipped / "adapter.safetensors"))
    assert set(state) == set(saved)
    assert all(state[k].equal(saved[k]) for k in saved)
    assert all(p.requires_grad for n, p in clf.net.named_parameters() if n in saved)
    assert clf.config.lora_r == json.loads((shipped / "config.json").read_text())["lora_r"]


def test_publish_keeps_the_model_card(tmp_path):
    from training.train import publish

    run = tmp_path / "run"
    run.mkdir()
    (run / "adapter.safetensors").write_bytes(b"new weights")
    target = tmp_path / "published"
    target.mkdir()
    (target / "MODEL_CARD.md").write_text("# card written by people\n")
    (target / "adapter.safetensors").write_bytes(b"old weights")
    out = publish(run, target, {}, TrainConfig.from_dict(BASE), 0.5)
    assert out["published"]
    assert (target / "adapter.safetensors").read_bytes() == b"new weights"
    assert (target / "MODEL_CARD.md").read_text() == "# card written by people\n"
    assert json.loads((target / "training.json").read_text())["dev_selection"] == 0.5


def test_publish_carries_the_old_models_ensemble_over(tmp_path, caplog):
    """Members are models trained apart: publishing over their folder keeps them, and says to re-check the weight."""
    from stance.ensemble import Ensemble
    from training.train import publish

    run, target = tmp_path / "run", tmp_path / "published"
    run.mkdir()
    (run / "adapter.safetensors").write_bytes(b"new weights")
    (target / "m1").mkdir(parents=True)
    (target / "m1" / "config.json").write_text("{}")
    (target / "m1" / "adapter.safetensors").write_bytes(b"member weights")
    (target / "adapter.safetensors").write_bytes(b"old weights")
    Ensemble(members=("m1",), weight=0.25, langs=("ar",)).save(target)
    with caplog.at_level("WARNING"):
        assert publish(run, target, {}, TrainConfig.from_dict(BASE), 0.5)["published"]
    assert (target / "adapter.safetensors").read_bytes() == b"new weights"
    assert (target / "m1" / "adapter.safetensors").read_bytes() == b"member weights"
    assert Ensemble.load(target) == Ensemble(members=("m1",), weight=0.25, langs=("ar",))
    assert "--no-ensemble" in caplog.text
    # a member listed but gone: refused before anything at the target changes
    (run / "adapter.safetensors").write_bytes(b"newer weights")
    import shutil

    shutil.copytree(target / "m1", tmp_path / "m1_saved")
    shutil.rmtree(target / "m1")
    with pytest.raises(ValueError, match="m1.*missing"):
        publish(run, target, {}, TrainConfig.from_dict(BASE), 0.6)
    assert (target / "adapter.safetensors").read_bytes() == b"new weights"
    assert not (tmp_path / "published.tmp").exists()
    shutil.copytree(tmp_path / "m1_saved", target / "m1")
    # the new model holds a folder of the member's name, or an ensemble of its own: refused, nothing written
    (run / "m1").mkdir()
    with pytest.raises(ValueError, match="m1.*name of a file"):
        publish(run, target, {}, TrainConfig.from_dict(BASE), 0.6)
    shutil.rmtree(run / "m1")
    Ensemble(members=("r1",), weight=0.5, langs=("ar",)).save(run)
    with pytest.raises(ValueError, match="both hold"):
        publish(run, target, {}, TrainConfig.from_dict(BASE), 0.6)
    (target / "ensemble.json").write_text("{not json")
    with pytest.raises(ValueError, match="not a valid ensemble file"):
        publish(run, target, {}, TrainConfig.from_dict(BASE), 0.6)
    assert (target / "adapter.safetensors").read_bytes() == b"new weights"
    assert not (tmp_path / "published.tmp").exists()


def test_publish_stops_when_the_gpu_cannot_rescore_the_old_model(tmp_path, monkeypatch):
    """A full GPU while re-scoring the published model is no reason to replace it unchecked."""
    import torch

    from stance.model import TransformerStanceClassifier
    from training.train import publish

    run, target = tmp_path / "run", tmp_path / "published"
    run.mkdir()
    target.mkdir()
    (run / "adapter.safetensors").write_bytes(b"new weights")
    (target / "config.json").write_text("{}")
    (target / "adapter.safetensors").write_bytes(b"old weights")

    def full(*args, **kwargs):
        raise torch.cuda.OutOfMemoryError("CUDA out of memory")

    monkeypatch.setattr(TransformerStanceClassifier, "from_pretrained", full)
    with pytest.raises(torch.cuda.OutOfMemoryError):
        publish(run, target, {}, TrainConfig.from_dict(BASE), 0.5)
    assert (target / "adapter.safetensors").read_bytes() == b"old weights"


def test_target_probe_fills_one_slot_with_each_actor():
    """tools/target_probe.py: the same words around the marks, only the target differs; spans index the text."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("target_probe", ROOT / "tools" / "target_probe.py")
    probe = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(probe)
    rows = probe.slot_lines()
    assert [r["text"][r["target"]["start"]:r["target"]["end"]] for r in rows] == list(probe.FILLERS)
    assert {r["text"][r["speaker"]["start"]:r["speaker"]["end"]] for r in rows} == {"بوتين"}
    assert len({r["text"].replace(f, "X") for r, f in zip(rows, probe.FILLERS)}) == 1
    assert all(r["text"][:r["target"]["start"]].endswith("جهود ") for r in rows)


def test_an_exhaustive_annotations_source_keeps_the_exhaustive_texts_pairs_alone():
    from conftest import DATA, need
    from training.datasets.annotations import exhaustive_ids
    from training.train import load_source

    with pytest.raises(ValueError, match="applies to an annotations source with a lang"):
        SourceConfig("plover", exhaustive=True)
    with pytest.raises(ValueError, match="applies to an annotations source with a lang"):
        SourceConfig("annotations", split="dev", exhaustive=True)
    need(DATA / "heldout_ids.txt")
    every = load_source(SourceConfig("annotations", split="dev", lang="ar"), str(DATA), dev=True)
    src = SourceConfig("annotations", split="dev", lang="ar", exhaustive=True)
    exh = load_source(src, str(DATA), dev=True)
    keep = exhaustive_ids("ar")
    assert src.label == "annotations/dev/ar/exhaustive"
    assert 0 < len(exh) < len(every)  # the dev split holds pairs of both kinds (stance/models/README.md, session 48)
    assert [e.item.id for e in exh] == [e.item.id for e in every if e.item.id in keep]
