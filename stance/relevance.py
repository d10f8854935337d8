"""The target filter: is a candidate target one the statement is really about?

The rules of `stance.targets` propose every actor mention in a statement's reach; on the exhaustively labelled
Arabic news sentences about half of those are not what the statement is about (a place named in passing, the
speaker's own side, a victim in a casualty count). The filter is a logistic regression over the features the
stance model already computes for the pair (the mean token vector and the vectors at the speaker and target marks,
plus the stance probabilities), so it costs no second pass through the transformer. It lives beside the stance model
it was fitted on, in the same folder:

- `target_filter.safetensors`: `weight` (one row over the features) and `bias`;
- `target_filter.json`: `threshold` (keep a pair when its probability is at least this), `langs` (the languages
  it was fitted on and applies to; other languages pass unfiltered), and how it was fitted (counts, scores).

It also carries the stance prior of those candidates (`stance_shift`, in `target_filter.json`): a shift added to
the log-probabilities of each label before the argmax. The stance model learned its class balance from annotated
pairs, most of them chosen for a clear stance; among all the pairs a text's statements raise, neutral is more
common and support rarer, and on the exhaustive texts' pairs the shifted labels are more often right (the fit and
the figures it was chosen on, from the dev texts, are in `target_filter.json`; the test texts are the check). Shifted
scores are what `stance analyze` reports; `stance classify` and `stance eval` report the model's own.

A model folder without these files has no filter: every candidate is scored, as before. `training/target_filter.py`
fits and writes it.

>>> f = TargetFilter(torch.zeros(4), torch.tensor(0.0), threshold=0.4, langs=("ar",))
>>> f.probability(torch.ones(2, 4)).tolist(), f.keeps(0.5, "ar"), f.keeps(0.3, "ar"), f.keeps(0.3, "en")
([0.5, 0.5], True, False, True)
>>> f.stance_shift = {"neutral": 0.7}
>>> label, scores = f.shifted({"support": 0.3, "criticism": 0.4, "neutral": 0.3})
>>> label, {k: round(v, 3) for k, v in scores.items()}
('neutral', {'support': 0.23, 'criticism': 0.307, 'neutral': 0.463})
"""
from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

import torch

from .adapter import saved_pair

if TYPE_CHECKING:
    from .records import Statement

FILTER_WEIGHTS = "target_filter.safetensors"
FILTER_CONFIG = "target_filter.json"


def added_to_log_scores(scores: dict[str, float], added: dict[str, float]) -> dict[str, float]:
    """softmax(log p + added): `scores` (label -> probability) with `added[label]` (0 where absent) added to each
    log-probability and renormalised, in the order of `scores` (the stance prior shift here; the lexical prior's blend
    in `stance.lexical`).

    >>> {k: round(v, 3) for k, v in added_to_log_scores({"a": 0.5, "b": 0.5}, {"b": math.log(3)}).items()}
    {'a': 0.25, 'b': 0.75}
    """
    logits = {k: math.log(max(p, 1e-9)) + added.get(k, 0.0) for k, p in scores.items()}
    top = max(logits.values())
    z = sum(math.exp(v - top) for v in logits.values())
    return {k: math.exp(v - top) / z for k, v in logits.items()}


@dataclass
class TargetFilter:
    """P(target) = sigmoid(weight · features + bias); a pair is kept when P >= threshold (in `langs` only)."""

    weight: torch.Tensor
    bias: torch.Tensor
    threshold: float = 0.5
    langs: tuple[str, ...] = ("ar",)
    info: dict[str, Any] = field(default_factory=dict)
    stance_shift: dict[str, float] = field(default_factory=dict)  # label -> added to its log-probability

    def __post_init__(self) -> None:
        self.weight = self.weight.reshape(-1).float()
        self.bias = self.bias.reshape(()).float()
        self.langs = tuple(self.langs)
        if not 0.0 <= self.threshold <= 1.0:
            raise ValueError(f"threshold must lie in [0, 1], found {self.threshold}")
        if not isinstance(self.stance_shift, dict) or not all(
                isinstance(k, str) and isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
                for k, v in self.stance_shift.items()):
            raise ValueError("stance_shift must map label names to finite numbers, such as {\"neutral\": 0.5}, "
                             f"found {self.stance_shift!r}")
        self.stance_shift = {k: float(v) for k, v in self.stance_shift.items()}

    def shifted(self, scores: dict[str, float]) -> tuple[str, dict[str, float]]:
        """(label, scores) after the stance prior shift: softmax(log p + shift) and its argmax; without a shift,
        the argmax of `scores` and the scores unchanged."""
        if not self.stance_shift:
            return max(scores, key=scores.get), scores
        out = added_to_log_scores(scores, self.stance_shift)
        return max(out, key=out.get), out

    @property
    def n_features(self) -> int:
        return int(self.weight.numel())

    def probability(self, features: torch.Tensor) -> torch.Tensor:
        """P(target) for each row of `features` (n, n_features)."""
        if features.size(-1) != self.n_features:
            raise ValueError(f"the target filter reads {self.n_features} features, found {features.size(-1)}: "
                             "it was fitted on another stance model; refit it with `python -m training.target_filter`")
        return torch.sigmoid(features.float() @ self.weight + self.bias)

    def applies(self, statement: "Statement") -> bool:
        """Whether this filter scores the pairs of `statement`: one with a speaker, in one of its languages (the
        author's own voice and other languages pass unfiltered)."""
        return statement.speaker is not None and statement.lang in self.langs

    def keeps(self, relevance: Optional[float], lang: Optional[str]) -> bool:
        """Whether a pair with this probability, in this language, stays."""
        return relevance is None or lang not in self.langs or relevance >= self.threshold

    # ---- files
    def save(self, folder: str | os.PathLike) -> Path:
        from safetensors.torch import save_file

        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        save_file({"weight": self.weight.contiguous(), "bias": self.bias.reshape(1).contiguous()},
                  str(folder / FILTER_WEIGHTS), metadata={"format": "pt"})
        cfg = {**self.info, "threshold": self.threshold, "langs": list(self.langs), "stance_shift": self.stance_shift}
        (folder / FILTER_CONFIG).write_text(json.dumps(cfg, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        return folder

    @classmethod
    def load(cls, folder: str | os.PathLike) -> Optional["TargetFilter"]:
        """The filter saved in `folder`, or None when the folder has none."""
        from safetensors.torch import load_file

        pair = saved_pair(Path(folder), FILTER_WEIGHTS, FILTER_CONFIG,
                          "delete the other or refit the filter with `python -m training.target_filter`")
        if pair is None:
            return None
        weights, cfg_file = pair
        try:
            state = load_file(str(weights))
        except Exception as exc:  # a truncated or foreign file raises safetensors' own error type
            raise ValueError(f"{weights} does not load ({exc!r}): refit the filter with `python -m "
                             "training.target_filter`, or remove the two target_filter.* files, or pass "
                             "--no-target-filter") from exc
        if set(state) != {"weight", "bias"} or state["bias"].numel() != 1:
            raise ValueError(f"{weights} should hold a 'weight' row and a one-number 'bias', found "
                             f"{ {k: list(v.shape) for k, v in state.items()} }: refit the filter")
        try:
            cfg = json.loads(cfg_file.read_text(encoding="utf-8"))
            threshold, langs = float(cfg["threshold"]), cfg.get("langs", ["ar"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"{cfg_file} needs a numeric 'threshold' (and a list 'langs'): {exc!r}") from exc
        if not isinstance(langs, list) or not all(isinstance(x, str) for x in langs):
            raise ValueError(f"{cfg_file}: 'langs' must be a list of language codes such as [\"ar\"], found {langs!r}")
        info = {k: v for k, v in cfg.items() if k not in ("threshold", "langs", "stance_shift")}
        try:
            return cls(state["weight"], state["bias"], threshold, tuple(langs), info, cfg.get("stance_shift") or {})
        except ValueError as exc:
            raise ValueError(f"{cfg_file}: {exc}; refit the filter with `python -m training.target_filter`") from exc
