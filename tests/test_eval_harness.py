"""The harness with a fake classifier: outputs, exact recomputation, baselines, DSE extras, the CLI."""

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from eval import harness
from eval.baselines import MajorityBaseline, TfidfLRBaseline
from eval.data import load_data
from stance.records import LABELS, Prediction

CUES = {"praised": "support", "attacked": "criticism", "met": "neutral"}


class KeywordClassifier:
    """Predicts from the verb; 'met' is called criticism in Arabic to make one language worse."""

    name = "keyword-fake"
    labels = LABELS

    def __init__(self):
        self.calls = 0

    def predict(self, items, batch_size=32, progress=False):
        self.calls += 1
        out = []
        for it in items:
            verb = next((v for v in CUES if v in it.text), "met")
            label = CUES[verb]
            if verb == "met" and it.lang == "ar":
                label = "criticism"
            scores = {lab: 0.1 for lab in LABELS}
            scores[label] = 0.8
            out.append(Prediction(label, scores))
        return out


def _line(i, verb, gold, lang):
    text = f"Speaker{i} {verb} Target{i} today."
    s_end = text.index(" ")
    t_start = text.index("Target")
    return {
        "id": f"x{i}",
        "text": text,
        "speaker": {"start": 0, "end": s_end},
        "target": {"start": t_start, "end": t_start + len(f"Target{i}")},
        "stance": gold,
        "lang": lang,
        "annotator": "test",
    }


def _rows():
    rows = []
    verbs = ["praised", "attacked", "met"]
    for i in range(30):
        verb = verbs[i % 3]
        gold = CUES[verb] if i % 5 else "support"  # every fifth item is gold support whatever the verb
        rows.append(_line(i, verb, gold, ["en", "ar", "fr"][(i // 3) % 3]))
    return rows


@pytest.fixture()
def eval_file(tmp_path: Path) -> Path:
    path = tmp_path / "toy.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in _rows()) + "\n", encoding="utf-8")
    return path


def test_outputs_are_written_in_order_and_recompute_exactly(eval_file: Path, tmp_path: Path):
    out = tmp_path / "out"
    m = harness.evaluate(eval_file, KeywordClassifier(), out, n_resamples=200)
    for name in ("predictions.jsonl", "metrics.json", "report.md", "confusion.png"):
        assert (out / name).exists(), name
    assert (out / "confusion.png").read_bytes()[:4] == b"\x89PNG"
    rows = [json.loads(x) for x in (out / "predictions.jsonl").read_text(encoding="utf-8").splitlines()]
    src = _rows()
    assert [r["id"] for r in rows] == [r["id"] for r in src]
    assert all(r["annotator"] == "test" and r["gold"] == s["stance"] for r, s in zip(rows, src))
    assert all(set(r["scores"]) == set(LABELS) for r in rows)
    saved = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
    again = harness.recompute(out / "predictions.jsonl", n_resamples=saved["n_resamples"], seed=saved["seed"])
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
        assert again[key] == saved[key], key
    assert saved == json.loads(json.dumps(m))
    assert saved["model"] == "keyword-fake" and saved["dataset"] == "toy"
    assert saved["speed"]["items_per_s"] > 0 and saved["speed"]["peak_rss_mb"] > 10
    report = (out / "report.md").read_text(encoding="utf-8")
    assert f"{m['macro_f1']:.3f}" in report and "confusion.png" in report


def test_figures_hand_checked(eval_file: Path):
    m = harness.evaluate(eval_file, KeywordClassifier(), n_resamples=100)
    # wrong: gold support on items 5 10 20 25 (verbs met, attacked, met, attacked; 0 and 15 say praised),
    # Arabic "met" predicted criticism on items 5 14 23. Languages by blocks of 3: ar 3-5 12-14 21-23, fr
    # 6-8 ...
    assert m["n"] == 30
    assert m["accuracy"] == pytest.approx(24 / 30)
    assert {k: v["accuracy"] for k, v in m["per_lang"].items()} == pytest.approx(
        {"ar": 6 / 9, "en": 10 / 12, "fr": 8 / 9}
    )
    assert m["confusion"]["support"] == {"support": 10, "criticism": 3, "neutral": 1}  # 10 praised items
    assert m["confusion"]["neutral"] == {"support": 0, "criticism": 2, "neutral": 6}
    assert sum(sum(r.values()) for r in m["confusion"].values()) == 30


def test_limit_and_errors(eval_file: Path, tmp_path: Path):
    clf = KeywordClassifier()
    assert harness.evaluate(eval_file, clf, limit=7, n_resamples=10)["n"] == 7
    with pytest.raises(ValueError, match="neither a file nor a built-in"):
        harness.evaluate("no-such-set", clf)
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no eval lines"):
        harness.evaluate(empty, clf)

    class Short(KeywordClassifier):
        def predict(self, items, batch_size=32, progress=False):
            return super().predict(items)[:-1]

    with pytest.raises(ValueError, match="returned 29 predictions for 30 items"):
        harness.evaluate(eval_file, Short())


def test_baselines_beside_the_model(eval_file: Path, tmp_path: Path):
    out = tmp_path / "out"
    models = [MajorityBaseline(), TfidfLRBaseline(Cs=(1.0, 10.0))]
    m = harness.evaluate(
        eval_file, KeywordClassifier(), out, baselines=models, baseline_train=str(eval_file), n_resamples=50
    )
    bl = m["baselines"]
    assert set(bl) == {"majority", "tfidf-lr"}
    # majority of the training side: support (10 by verb + 4 fifth items not already support)
    assert (
        bl["majority"]["confusion"]["support"]["support"] == bl["majority"]["per_class"]["support"]["support"]
    )
    assert bl["majority"]["per_class"]["criticism"]["f1"] == 0.0
    assert bl["tfidf-lr"]["selection"]["C"] in (1.0, 10.0)
    assert (out / "baselines" / "tfidf-lr.predictions.jsonl").exists()
    assert "## Baselines" in (out / "report.md").read_text(encoding="utf-8")


def test_baselines_without_a_training_side_are_reported_not_raised(eval_file: Path):
    m = harness.evaluate(eval_file, KeywordClassifier(), baselines=[MajorityBaseline()], n_resamples=10)
    assert "--baseline-train" in m["baselines"]["skipped"]


def test_dse_extras_unseen_rows_and_five_classes():
    try:
        ev = load_data("dse")
    except FileNotFoundError as exc:
        pytest.skip(str(exc))
    m = harness.evaluate(
        ev, KeywordClassifier(), limit=41, n_resamples=20
    )  # 41: the last sentence is cut in two
    d = m["dse"]
    assert d["split"] == "test" and d["copied_rows"] == 400
    assert d["five_class"]["all"]["n"] == 20  # the incomplete 21st sentence is left out
    assert set(d["five_class"]["all"]["per_class"]) == set(harness.FIVE_CLASS)
    assert d["unseen"]["n"] == d["unseen_items"] <= 41


def test_cli_eval_command(eval_file: Path, tmp_path: Path, monkeypatch):
    import stance.classify
    from eval.cli import register

    asked = []
    monkeypatch.setattr(stance.classify, "load_classifier",
                        lambda path=None, **kw: asked.append(kw.get("lexical_prior", True)) or KeywordClassifier())
    app = typer.Typer()
    register(app)
    runner = CliRunner()
    out = tmp_path / "cli_out"
    res = runner.invoke(app, ["eval", str(eval_file), "-o", str(out), "--resamples", "20"])
    assert res.exit_code == 0, res.output
    assert "macro-F1" in res.output and (out / "metrics.json").exists()
    res = runner.invoke(app, ["eval", str(eval_file), "-o", str(out), "--resamples", "20", "--no-lexical-prior"])
    assert res.exit_code == 0, res.output
    assert asked == [True, False]  # the flag reaches the loader: the transformer is scored alone
    res = runner.invoke(app, ["eval", "no-such-set"])
    assert res.exit_code == 2 and "neither a file" in res.output


def test_benchmarks_run_writes_reports_and_index(tmp_path: Path, monkeypatch):
    import stance.classify
    from eval import benchmarks

    monkeypatch.setattr(stance.classify, "load_classifier", lambda path=None, **kw: KeywordClassifier())
    with pytest.raises(ValueError, match=r"unknown benchmarks \['no-such'\]"):
        benchmarks.run(only=["fr-dev", "no-such"], out=tmp_path, baselines=False)
    try:
        results = benchmarks.run(only=["fr-dev"], out=tmp_path, baselines=False, limit=10)
    except FileNotFoundError as exc:
        pytest.skip(str(exc))
    readme = (tmp_path / "README.md").read_text(encoding="utf-8")
    if results:
        assert "| fr-dev |" in readme and (tmp_path / "fr-dev" / "report.md").exists()
    assert "*/predictions.jsonl" in (tmp_path / ".gitignore").read_text(encoding="utf-8")
    # a second partial run keeps the README (and its notes) and the index rows of the benchmarks it did not run
    (tmp_path / "README.md").write_text("notes a person wrote\n", encoding="utf-8")
    index = json.loads((tmp_path / "index.json").read_text(encoding="utf-8"))
    (tmp_path / "index.json").write_text(json.dumps([{"dataset": "dse", "macro_f1": 0.5}, *index]), encoding="utf-8")
    benchmarks.run(only=["fr-dev"], out=tmp_path, baselines=False, limit=10)
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "notes a person wrote\n"
    again = json.loads((tmp_path / "index.json").read_text(encoding="utf-8"))
    assert [e["dataset"] for e in again] == ["dse", *(e["dataset"] for e in index)]
    assert again[1:] == index


def test_held_out_texts_never_train_the_baselines(tmp_path: Path):
    from training.heldout import load_heldout

    try:
        held = load_heldout()
    except FileNotFoundError as exc:
        pytest.skip(str(exc))
    from eval.data import without_heldout
    from stance.records import StanceItem
    from training.datasets import Example

    text = held.texts[0]
    ok = Example(StanceItem("Hammond criticised Russia.", target=(19, 25), speaker=(0, 7)), "criticism", "t")
    bad = Example(StanceItem(text, target=(0, 1)), "neutral", "t")
    with pytest.warns(UserWarning, match="1 held-out"):
        assert without_heldout([ok, bad]) == [ok]


def test_target_contrast_counts_sentences_whose_targets_differ(tmp_path: Path):
    # one sentence, one speaker, two targets of different gold stances: the keyword model reads the verb only, so
    # it gives both the same label (one right); the other sentence's targets agree and are not counted
    text = "Ali praised Bob and Cyd today."
    rows = [{"id": f"c{k}", "text": text, "speaker": {"start": 0, "end": 3},
             "target": {"start": text.index(name), "end": text.index(name) + 3}, "stance": gold, "lang": "en"}
            for k, (name, gold) in enumerate([("Bob", "support"), ("Cyd", "criticism")])]
    rows[0]["speaker"]["text"] = "Ali"  # the same span with or without its text is one speaker (recompute too)
    rows += [_line(40, "met", "neutral", "en"), _line(41, "met", "neutral", "en")]
    path = tmp_path / "contrast.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    m = harness.evaluate(path, KeywordClassifier(), out, n_resamples=50)
    assert m["target_contrast"] == {"groups": 1, "pairs": 2, "accuracy": 0.5, "one_label_groups": 1}
    assert harness.recompute(out / "predictions.jsonl", n_resamples=50)["target_contrast"] == m["target_contrast"]
    assert "every target the same label in 1 of them" in (out / "report.md").read_text(encoding="utf-8")
    # no such sentence (every toy text has one target), no such figure
    toy = tmp_path / "toy.jsonl"
    toy.write_text("\n".join(json.dumps(r) for r in _rows()) + "\n", encoding="utf-8")
    assert "target_contrast" not in harness.evaluate(toy, KeywordClassifier(), n_resamples=50)
