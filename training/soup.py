"""Average the adapters of stance models continued from one another into one model folder (a "model soup").

Unlike an ensemble (`training/ensemble.py`, `stance.ensemble`), which runs every member and averages their
probabilities, a soup averages the weights once, so the result costs what one model costs at run time. It is meant
for models that share one starting point (continuations of the shipped model with `init_from`): their LoRA factors
and heads stay close, so averaging each tensor stays close to averaging the weight updates. Whether a soup is better
has to be measured end to end like any candidate (`stance/models/README.md`, "Session 54").

The first member's folder is copied to `--out` whole (target filter, taggers, lexical prior, model card ...), then its
`adapter.safetensors` is replaced by the weighted average of all members' adapters. Every member must have the same
`config.json` (backbone, LoRA rank and layers, labels) and the same tensor names and shapes.

    python -m training.soup stance/models/default runs/stage16/model runs/stage17/model --out /tmp/soup
"""
from __future__ import annotations

import argparse
import json
import shutil
from collections.abc import Sequence
from pathlib import Path

import torch
from safetensors.torch import load_file, save_file

from stance.model import WEIGHTS_FILE as ADAPTER

CONFIG = "config.json"


def average_adapters(members: Sequence[Path], weights: Sequence[float] | None = None) -> dict[str, torch.Tensor]:
    """The weighted average (weights normalised to sum to 1; equal when None) of the members' adapter tensors."""
    if len(members) < 2:
        raise ValueError("a soup needs at least two model folders")
    weights = [1.0] * len(members) if weights is None else list(weights)
    if len(weights) != len(members) or any(w < 0 for w in weights) or sum(weights) <= 0:
        raise ValueError(f"give one non-negative weight per member ({len(members)}), not all zero; got {weights}")
    total = sum(weights)
    configs = []
    for m in members:
        for f in (CONFIG, ADAPTER):
            if not (m / f).is_file():
                raise FileNotFoundError(f"{m} has no {f}: give folders written by `python -m training CONFIG`")
        configs.append(json.loads((m / CONFIG).read_text(encoding="utf-8")))
    for m, c in zip(members[1:], configs[1:]):
        if c != configs[0]:
            raise ValueError(f"{m}/{CONFIG} differs from {members[0]}/{CONFIG}: only models of one architecture "
                             "(one backbone, LoRA rank and layers, labels) can be averaged")
    soup: dict[str, torch.Tensor] = {}
    dtypes: dict[str, torch.dtype] = {}
    for m, w in zip(members, weights):
        tensors = load_file(m / ADAPTER)
        if soup and (set(tensors) != set(soup) or any(tensors[k].shape != soup[k].shape for k in soup)):
            raise ValueError(f"{m}/{ADAPTER} has other tensors than {members[0]}/{ADAPTER}")
        for k, t in tensors.items():
            dtypes.setdefault(k, t.dtype)
            part = t.float() * (w / total)
            soup[k] = soup[k] + part if k in soup else part
    return {k: t.to(dtypes[k]).contiguous() for k, t in soup.items()}  # averaged in float32, stored as the first's


def make_soup(members: Sequence[Path], out: Path, weights: Sequence[float] | None = None) -> Path:
    """Copy the first member's folder to `out` and write the averaged adapter there (see the module docstring)."""
    if out.exists():
        raise FileExistsError(f"{out} exists: give a new folder for the soup")
    members = [Path(m) for m in members]
    soup = average_adapters(members, weights)
    shutil.copytree(members[0], out)
    save_file(soup, out / ADAPTER)
    return out


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("members", nargs="+", type=Path, help="model folders; the first gives everything but the adapter")
    ap.add_argument("--out", type=Path, required=True, help="new folder to write the soup into")
    ap.add_argument("--weights", type=float, nargs="+", help="one weight per member (default: equal)")
    args = ap.parse_args(argv)
    try:
        out = make_soup(args.members, args.out, args.weights)
    except (ValueError, FileNotFoundError, FileExistsError) as exc:
        raise SystemExit(f"error: {exc}") from None
    print(f"wrote the average of {len(args.members)} adapters into {out}")


if __name__ == "__main__":
    main()
