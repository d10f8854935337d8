"""The target filter (stance.relevance) and its fitting (training.target_filter): files, thresholds, labels, a real fit."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import torch

from stance.relevance import FILTER_CONFIG, FILTER_WEIGHTS, TargetFilter
from training.target_filter import Candidates, candidates, choose, pair_f1


def test_filter_files_round_trip(tmp_path: Path):
    assert TargetFilter.load(tmp_path) is None  # a model folder without a filter: nothing is dropped
    f = TargetFilter(torch.tensor([2.0, -1.0, 0.0]), torch.tensor(-0.5), threshold=0.4, langs=("ar",),
                     info={"C": 0.01})
    f.save(tmp_path)
    g = TargetFilter.load(tmp_path)
    x = torch.tensor([[1.0, 0.0, 3.0], [0.0, 1.0, 0.0]])
    assert torch.allclose(f.probability(x), g.probability(x))
    assert g.threshold == 0.4 and g.langs == ("ar",) and g.info == {"C": 0.01}
    p = g.probability(x).tolist()
    assert p[0] > 0.8 and p[1] < 0.2
    assert [g.keeps(v, "ar") for v in p] == [True, False]
    assert g.keeps(p[1], "en") and g.keeps(None, "ar")  # other languages and unscored pairs pass


def test_filter_errors_say_what_to_do(tmp_path: Path):
    f = TargetFilter(torch.zeros(3), torch.tensor(0.0))
    with pytest.raises(ValueError, match="refit it"):
        f.probability(torch.zeros(1, 5))
    with pytest.raises(ValueError, match="threshold"):
        TargetFilter(torch.zeros(3), torch.tensor(0.0), threshold=1.5)
    f.save(tmp_path)
    (tmp_path / FILTER_CONFIG).unlink()
    with pytest.raises(FileNotFoundError, match=FILTER_WEIGHTS):
        TargetFilter.load(tmp_path)


def _row(i: int, text: str, speaker: str, target: str) -> dict:
    s, t = text.index(speaker), text.index(target)
    return {"id": f"{i}:0", "text": text, "lang": "en",
            "speaker": {"start": s, "end": s + len(speaker), "text": speaker},
            "target": {"start": t, "end": t + len(target), "text": target}, "stance": "criticism",
            "source": {"dataset": "polnear/data/train/text/a.txt", "id": f"a{i}.txt"}, "annotator": "t"}


def test_candidates_are_labelled_against_the_gold_pairs(tmp_path: Path):
    from stance.pipeline import Pipeline
    from training.datasets.annotations import EXHAUSTIVE_FILES

    text = "Hammond said Russia was bombing Syria and praised Turkey."
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / EXHAUSTIVE_FILES[0]).write_text(
        json.dumps(_row(1, text, "Hammond", "Russia")) + "\n", encoding="utf-8")
    nlp = Pipeline.load(with_classifier=False)
    got = candidates(nlp, "en", None, root=str(tmp_path))
    proposed = {it.text[slice(*it.target)]: bool(y) for it, y, p in zip(got.items, got.labels, got.proposed) if p}
    assert proposed["Russia"] is True and proposed.get("Turkey", False) is False
    assert len(proposed) >= 2  # the rules propose more than the one gold target
    assert int((~got.proposed).sum()) == 1 and got.gold_per_text == {text: 1}  # the gold pair, added as a positive
    (tmp_path / "fr").mkdir()  # French labels, none of them in an exhaustive file
    fr = "Macron a critiqué la Russie."
    (tmp_path / "fr" / "other.jsonl").write_text(
        json.dumps({**_row(2, fr, "Macron", "la Russie"), "lang": "fr"}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="EXHAUSTIVE_FILES"):
        candidates(nlp, "fr", None, root=str(tmp_path))


def test_choose_fits_a_real_filter_that_beats_none():
    rng = np.random.default_rng(0)
    n = 240
    y = rng.random(n) < 0.5
    x = rng.normal(size=(n, 6))
    x[:, 0] += np.where(y, 1.5, -1.5)  # one informative feature
    groups = [f"t{k // 3}" for k in range(n)]
    cands = Candidates(items=[None] * n, labels=y, proposed=np.ones(n, bool), groups=groups,
                       gold_per_text={g: int(y[[k for k in range(n) if groups[k] == g]].sum()) for g in set(groups)})
    c, th, table = choose(x, cands)
    best = table[str(c)][str(th)]
    assert best == max(v for row in table.values() for v in row.values())
    assert best > pair_f1(cands.proposed, y, int(y.sum()))[2] + 0.05
