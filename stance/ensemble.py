"""A stance model's ensemble: other stance models in its folder whose probabilities are averaged into its own.

Two networks fine-tuned apart (one continued from the other is not apart enough: its errors are the same) are wrong
on partly different pairs, so the average of their probabilities can be right more often than either; whether it is
has to be measured (`python -m training.ensemble` on dev pairs, `stance analyze` end to end: for the shipped model
it was not, session 44, `stance/models/README.md`). The ensemble lives in the model's folder, like the target filter
(`stance.relevance`) and the lexical prior (`stance.lexical`):

- `ensemble.json`: `members` (sub-folders of the model folder, each a stance model of its own: `config.json` +
  `adapter.safetensors`), `weight` (the members' share of the average; the model's own is `1 - weight`), `langs`
  (the languages whose items the members read; others are left to the model alone) and how it was chosen (`info`).

The model's own probabilities and pooled vectors stay what the target filter reads; the blend is what is labelled
(and what the lexical prior is then added to). A folder without `ensemble.json` is a single model;
`load_classifier(..., ensemble=False)` (`stance analyze --no-ensemble`) leaves the members out.

>>> ens = Ensemble(members=("second",), weight=0.5, langs=("ar",))
>>> import torch
>>> ens.blend(torch.tensor([[0.8, 0.2]]), [torch.tensor([[0.4, 0.6]])]).tolist()
[[0.6000000238418579, 0.4000000059604645]]
"""
from __future__ import annotations

import json
import math
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch

ENSEMBLE_CONFIG = "ensemble.json"


@dataclass(frozen=True)
class Ensemble:
    """Which member folders are averaged in, with what share, for which languages."""

    members: tuple[str, ...]
    weight: float = 0.5
    langs: tuple[str, ...] = ("ar",)
    info: dict[str, Any] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        members, langs = self.members, self.langs
        if isinstance(members, str) or not isinstance(members, (list, tuple)) or not members or \
                not all(isinstance(m, str) and m for m in members):
            raise ValueError(f"members must be a non-empty list of sub-folder names, found {members!r}")
        for m in members:
            if Path(m).parts != (m,) or m in (".", ".."):
                raise ValueError(f"member {m!r} must be the name of a sub-folder of the model folder (one name: no "
                                 "path, no '.' or '..')")
        if not isinstance(langs, (list, tuple)) or not langs or not all(isinstance(x, str) and x for x in langs):
            raise ValueError(f"langs must be a non-empty list of language codes such as [\"ar\"], found {langs!r}")
        w = self.weight
        if isinstance(w, bool) or not isinstance(w, (int, float)) or not math.isfinite(w) or not 0 <= w <= 1:
            raise ValueError(f"weight must be a number from 0 to 1 (the members' share of the average), found {w!r}")
        object.__setattr__(self, "members", tuple(members))
        object.__setattr__(self, "langs", tuple(langs))
        object.__setattr__(self, "weight", float(w))

    def blend(self, own: torch.Tensor, others: Sequence[torch.Tensor]) -> torch.Tensor:
        """`(1 - weight) * own + weight * mean(others)`: rows of probabilities, each summing to one."""
        if not others:
            return own
        mean = torch.stack(list(others)).mean(dim=0)
        if mean.shape != own.shape:
            raise ValueError(f"a member gave probabilities of shape {tuple(mean.shape)}, the model {tuple(own.shape)}")
        return (1 - self.weight) * own + self.weight * mean

    @classmethod
    def load(cls, folder: str | os.PathLike) -> Ensemble | None:
        """The ensemble saved in `folder`, or None when there is none."""
        path = Path(folder) / ENSEMBLE_CONFIG
        if not path.exists():
            return None
        try:
            d = json.loads(path.read_text(encoding="utf-8"))
            return cls(members=d["members"], weight=d.get("weight", 0.5), langs=d.get("langs", ("ar",)),
                       info=d.get("info", {}))
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path} is not a valid ensemble file ({exc}); rewrite it or remove it to use the model "
                             "alone") from None

    def member_folder(self, folder: str | os.PathLike, name: str) -> Path:
        """Where member `name` of the model at `folder` is; refused when a link takes it outside that folder."""
        root = Path(folder).resolve()
        where = (root / name).resolve()
        if where == root or not where.is_relative_to(root):
            raise ValueError(f"ensemble member {name!r} of {folder} leads outside the model folder (to {where}): copy "
                             "the member into the folder instead of linking it")
        return where

    def save(self, folder: str | os.PathLike) -> Path:
        path = Path(folder) / ENSEMBLE_CONFIG
        d = {"members": list(self.members), "weight": self.weight, "langs": list(self.langs), "info": self.info}
        path.write_text(json.dumps(d, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        return path
