"""The labelled row every loader returns, and the small checks the loaders share."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from stance.records import StanceItem

PathLike = str | os.PathLike
_FIX = "point data_dir (or $STANCE_DATA) at the shared data folder that holds it"


@dataclass(frozen=True)
class Example:
    """One labelled (speaker, target) pair: what a classifier reads, its gold stance, origin and group."""

    item: StanceItem
    stance: str
    source: str
    group: str | None = None


def _require(path: Path, what: str) -> Path:
    if not path.exists():
        raise FileNotFoundError(f"{what} not found at {path}: {_FIX}")
    return path


def _check_choice(name: str, value: str, choices: Sequence[str]) -> None:
    if value not in choices:
        raise ValueError(f"{name} must be one of {list(choices)}, got {value!r}")
