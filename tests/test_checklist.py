"""The behavioural suite (`eval/checklist/`): its files load as built-in benchmarks, hold clear cases of every type
in each language, and share no sentence with any training file (the suite is for evaluation only)."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from eval.data import BENCHMARKS, CHECKLIST_DIR, load_data

ROOT = Path(__file__).resolve().parents[1]
TYPES = {"plain", "clitic", "amid", "two", "harm", "neutral"}


def rows(lang: str) -> list[dict]:
    path = CHECKLIST_DIR / f"{lang}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("lang", ["ar", "en", "fr"])
def test_suite_loads_as_a_benchmark_with_every_stance_and_type(lang):
    data = load_data(f"checklist-{lang}")  # (no shared data needed: the files ship with the repository)
    assert data.benchmark is BENCHMARKS[f"checklist-{lang}"]
    assert len(data.examples) >= 40
    assert {r["lang"] for r in data.rows} == {lang}
    labels = Counter(ex.stance for ex in data.examples)
    assert set(labels) == {"support", "criticism", "neutral"} and min(labels.values()) >= 0.2 * len(data.examples)
    kinds = Counter(r["kind"] for r in rows(lang))
    assert all(r["note"].startswith(r["kind"]) for r in rows(lang))
    assert set(kinds) <= TYPES
    assert set(kinds) >= TYPES - ({"clitic"} if lang != "ar" else set())
    assert all(r["confidence"] == "high" for r in rows(lang))  # clear cases only


def test_suite_shares_no_sentence_with_training_files():
    suite = {r["text"] for lang in ("ar", "en", "fr") for r in rows(lang)}
    train_files = sorted((ROOT / "training" / "annotations").rglob("*.jsonl"))
    assert train_files, "no training annotation files found"
    seen = {json.loads(line)["text"] for f in train_files for line in f.read_text(encoding="utf-8").splitlines()
            if line.strip() and '"text"' in line}
    assert not suite & seen


class NeutralOnly:
    """Calls everything neutral: right exactly on the suite's neutral items."""

    name = "neutral-fake"

    def predict(self, items, batch_size=32, progress=False):
        from stance.records import LABELS, Prediction

        return [Prediction("neutral", {lab: float(lab == "neutral") for lab in LABELS}) for _ in items]


def test_report_gives_accuracy_per_test_type(tmp_path):
    from eval import harness

    m = harness.evaluate("checklist-en", NeutralOnly(), tmp_path)
    kinds = Counter(r["kind"] for r in rows("en"))
    neutral_by_kind = Counter(r["kind"] for r in rows("en") if r["stance"] == "neutral")
    assert {k: (s["n"], s["right"]) for k, s in m["per_kind"].items()} == {
        k: (n, neutral_by_kind[k]) for k, n in kinds.items()}
    assert m["per_kind"]["neutral"]["accuracy"] == 1.0
    report = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "## Per test type" in report
    written = [json.loads(line) for line in (tmp_path / "predictions.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["kind"] for r in written] == [r["kind"] for r in rows("en")]  # the suite's own rows, extended
    assert harness.recompute(tmp_path / "predictions.jsonl")["per_kind"] == m["per_kind"]
