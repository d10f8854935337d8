"""The labelled row every loader returns, and the small checks the loaders share."""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
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


def with_other_targets(examples: list[Example]) -> list[Example]:
    """Each example with the targets of its statement's other lines (same group, text and speaker: one speaker's
    pairs in one text) as `others`: what a model trained with `mark_others` reads marked beside the target."""

    def key(ex: Example) -> tuple:
        return ex.group, ex.item.text, ex.item.speaker

    targets: dict[tuple, list[tuple[int, int]]] = defaultdict(list)
    for ex in examples:
        targets[key(ex)].append(ex.item.target)

    def others(ex: Example) -> tuple[tuple[int, int], ...]:
        return tuple(t for t in dict.fromkeys(targets[key(ex)]) if t != ex.item.target)

    return [replace(ex, item=replace(ex.item, others=others(ex))) for ex in examples]
