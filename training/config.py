"""Typed training configuration, read from YAML or JSON and validated once.

>>> cfg = TrainConfig.from_dict({"train": [{"kind": "plover"}], "dev": [{"kind": "plover"}], "output_dir": "/tmp/x"})
>>> cfg.epochs, cfg.train[0].kind
(3, 'plover')
"""
from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any, Optional

from stance.backbone import DEVICE_NAMES
from stance.model import FINETUNE
from stance.records import LABELS

SOURCE_KINDS = ("dse", "newsmtsc", "plover", "annotations", "eval_file")
CLASS_WEIGHTING = ("none", "balanced", "sqrt")


@dataclass
class SourceConfig:
    """One data source of the training mix or of the dev sets.

    kind: dse | newsmtsc | plover | annotations | eval_file. split: the loader's split (dse: train/valid/test;
    newsmtsc: train/devtest_mt/devtest_rw; annotations: train/dev/test or null for all). lang: annotations only.
    path: eval_file only. weight: how many times the source is seen per epoch (2.0 = twice; 0.3 = a fresh random
    30% each epoch). neutral_fraction: keep this fraction of the neutral examples (train: drawn each epoch; dev: a fixed
    hash-chosen share, applied before max_samples).
    unseen_only: DSE valid/test without rows copied from train. slice: with slice_fraction, split the source by a hash
    of its group into a "rest" part and a "held" part (for a dev slice of a train file). max_samples: a fixed cap
    (random, seeded) after all filters. name: label in logs (default kind/split/lang). selection_weight: for a dev
    set, its weight in the selection score (the weighted mean of the dev sets' macro-F1). target_swap: train only,
    the share of this source's examples per epoch whose marked target is replaced by another target's words from the
    same source, the gold stance kept (`training.augment`: the label has to come from what is said, not from who).
    exhaustive: annotations only, the pairs of the exhaustively labelled texts alone
    (`training.datasets.annotations.EXHAUSTIVE_FILES`: every pair of every statement, the texts `stance eval-e2e`
    scores end to end); a dev set of them chooses by what the pipeline's triples depend on (stance/models/README.md,
    "Session 48": the other dev pairs, chosen by their annotators, are easier and moved by other things).
    """

    kind: str
    split: str | None = None
    lang: str | None = None
    path: str | None = None
    weight: float = 1.0
    neutral_fraction: float = 1.0
    unseen_only: bool = False
    slice: str | None = None
    slice_fraction: float = 0.1
    max_samples: int | None = None
    name: str | None = None
    selection_weight: float = 1.0  # dev only: this set's share in the model-selection score
    target_swap: float = 0.0  # train only: share of examples per epoch with another target's words in the target slot
    exhaustive: bool = False  # annotations only: the exhaustively labelled texts' pairs alone


    def __post_init__(self) -> None:
        if self.kind not in SOURCE_KINDS:
            raise ValueError(f"source kind must be one of {SOURCE_KINDS}, found {self.kind!r}")
        if self.kind == "eval_file" and not self.path:
            raise ValueError("an eval_file source needs `path: <file.jsonl>`")
        if self.exhaustive and (self.kind != "annotations" or not self.lang):
            raise ValueError(f"exhaustive: true applies to an annotations source with a lang (the exhaustive files are "
                             f"per language), found kind {self.kind!r}, lang {self.lang!r} for {self.label}")
        if self.kind in ("dse", "newsmtsc") and not self.split:
            raise ValueError(f"a {self.kind} source needs `split:` (dse: train/valid/test; newsmtsc: train/devtest_mt/"
                             "devtest_rw)")
        if self.weight <= 0:
            raise ValueError(f"weight must be > 0 (drop the source instead), found {self.weight} for {self.label}")
        if not 0 < self.neutral_fraction <= 1:
            raise ValueError(f"neutral_fraction must lie in (0, 1], found {self.neutral_fraction} for {self.label}")
        if self.slice not in (None, "rest", "held"):
            raise ValueError(f"slice must be 'rest', 'held' or null, found {self.slice!r} for {self.label}")
        if not 0 < self.slice_fraction < 1:
            raise ValueError(f"slice_fraction must lie in (0, 1), found {self.slice_fraction} for {self.label}")
        if self.selection_weight < 0:
            raise ValueError(f"selection_weight must be >= 0, found {self.selection_weight} for {self.label}")
        if not 0 <= self.target_swap <= 1:
            raise ValueError(f"target_swap must lie in [0, 1], found {self.target_swap} for {self.label}")
        if self.max_samples is not None and self.max_samples < 1:
            raise ValueError(f"max_samples must be >= 1 or null, found {self.max_samples} for {self.label}")

    @property
    def label(self) -> str:
        if self.name:
            return self.name
        parts = [self.kind] + [p for p in (self.split, self.lang, self.slice) if p] + (["exhaustive"] if self.exhaustive else [])
        return "/".join(parts) if self.kind != "eval_file" else f"file:{Path(self.path or '').name}"


@dataclass
class TrainConfig:
    """Everything one training run needs. Load with `TrainConfig.load(path)`; unknown keys are errors."""

    train: list[SourceConfig]
    dev: list[SourceConfig]
    output_dir: str
    publish_dir: str | None = None  # copy the best model here only if it beats the one already there on this dev
    init_from: str | None = None  # start from a saved model folder (its LoRA + head, labels and LoRA settings)
    labels: tuple[str, ...] = LABELS
    epochs: int = 3
    batch_size: int = 16
    eval_batch_size: int = 64
    lr: float = 3e-4
    head_lr: float = 1e-3
    weight_decay: float = 0.01
    warmup_ratio: float = 0.06
    max_grad_norm: float = 1.0
    max_length: int = 128
    lora_r: int = 16
    lora_alpha: int = 32
    lora_dropout: float = 0.1
    lora_layers_from: int = 0
    # "lora" (default) or "full": every weight of the 12 transformer layers trained (embeddings frozen; lr about 2e-5;
    # the model to ship is about 85 MB instead of a few); with init_from a LoRA model, its LoRA is merged in first
    finetune: str = "lora"
    head_dropout: float = 0.1
    question: Optional[str] = None  # stance.model.mark: a template read before the passage ("query: {speaker} / {target} ")
    mark_others: bool = False  # stance.model.mark: the statement's other targets marked { } apart from the one read
    class_weighting: str = "balanced"
    seed: int = 13
    patience: int = 2  # evaluations without improvement before stopping
    evals_per_epoch: int = 1
    max_train_samples: int | None = None  # smoke knobs: cap the epoch's training examples / each dev set
    max_eval_samples: int | None = None
    max_steps: int | None = None
    threads: int | None = 2
    device: str = "cpu"  # "cpu", "cuda", "cuda:N" or "auto" (a GPU when torch sees one, else the CPU)
    data_dir: str | None = None
    cache_dir: str | None = None
    log_every: int = 50

    def __post_init__(self) -> None:
        self.train = [s if isinstance(s, SourceConfig) else SourceConfig(**_known(SourceConfig, s, "train source"))
                      for s in self.train]
        self.dev = [s if isinstance(s, SourceConfig) else SourceConfig(**_known(SourceConfig, s, "dev source"))
                    for s in self.dev]
        self.labels = tuple(self.labels)
        if not self.train:
            raise ValueError("train must list at least one source, e.g. [{kind: newsmtsc, split: train}]")
        if not self.dev:
            raise ValueError("dev must list at least one source: early stopping and model choice need a dev set")
        if sum(s.selection_weight for s in self.dev) <= 0:
            raise ValueError("at least one dev set needs selection_weight > 0")
        names = [s.label for s in self.dev]
        if len(set(names)) != len(names):
            raise ValueError(f"dev sources need distinct names (set `name:`), found {names}")
        for key in ("epochs", "batch_size", "eval_batch_size", "patience", "evals_per_epoch", "log_every"):
            if getattr(self, key) < 1:
                raise ValueError(f"{key} must be >= 1, found {getattr(self, key)}")
        for key in ("lr", "head_lr"):
            if not 0 < getattr(self, key) < 1:
                raise ValueError(f"{key} must lie in (0, 1), found {getattr(self, key)}")
        if self.class_weighting not in CLASS_WEIGHTING:
            raise ValueError(f"class_weighting must be one of {CLASS_WEIGHTING}, found {self.class_weighting!r}")
        if self.lora_r < 0 or self.lora_alpha < 1:
            raise ValueError(f"lora_r must be >= 0 and lora_alpha >= 1, found r={self.lora_r}, alpha={self.lora_alpha}")
        if self.question is not None:
            from stance.model import check_question

            check_question(self.question)
        if self.finetune not in FINETUNE:
            raise ValueError(f"finetune must be one of {FINETUNE} (LoRA matrices, or every layer's weights), found "
                             f"{self.finetune!r}")
        if not 0 <= self.lora_layers_from < 12:
            raise ValueError(f"lora_layers_from must lie in 0..11 (the backbone has 12 layers), found {self.lora_layers_from}")
        if not 0 <= self.warmup_ratio < 1:
            raise ValueError(f"warmup_ratio must lie in [0, 1), found {self.warmup_ratio}")
        for key in ("max_train_samples", "max_eval_samples", "max_steps", "threads"):
            v = getattr(self, key)
            if v is not None and v < 1:
                raise ValueError(f"{key} must be >= 1 or null, found {v}")
        if not DEVICE_NAMES.fullmatch(self.device):
            raise ValueError(f"device must be 'cpu', 'cuda', 'cuda:N' or 'auto', found {self.device!r}")
        if self.init_from and not (Path(self.init_from) / "config.json").exists():
            raise ValueError(f"init_from: {self.init_from} is not a saved stance model (no config.json there); "
                             "point it at a folder written by training, e.g. stance/models/default")
        if self.publish_dir and Path(self.publish_dir).resolve() == Path(self.output_dir).resolve():
            raise ValueError("publish_dir must differ from output_dir: the run writes to output_dir, then publishes")

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> TrainConfig:
        return cls(**_known(cls, d, "training config"))

    @classmethod
    def load(cls, path: str | os.PathLike) -> TrainConfig:
        """Read a .yaml/.yml/.json config; relative paths in it stay relative to the working directory."""
        path = Path(path)
        if not path.exists():
            raise FileNotFoundError(f"training config {path} not found (see training/configs/*.yaml for examples)")
        text = path.read_text(encoding="utf-8")
        if path.suffix in (".yaml", ".yml"):
            import yaml

            d = yaml.safe_load(text)
        elif path.suffix == ".json":
            d = json.loads(text)
        else:
            raise ValueError(f"{path}: expected a .yaml, .yml or .json file")
        if not isinstance(d, dict):
            raise ValueError(  # noqa: TRY004 - a malformed file is a value error for the user
                f"{path}: expected a mapping of settings at the top level, found {type(d).__name__}")
        return cls.from_dict(d)

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["labels"] = list(self.labels)
        return d


def _known(cls: type, d: Any, what: str) -> dict[str, Any]:
    if not isinstance(d, dict):
        raise ValueError(f"{what}: expected a mapping, found {d!r}")  # noqa: TRY004 - malformed config content
    names = {f.name for f in fields(cls)}
    unknown = sorted(set(d) - names)
    if unknown:
        raise ValueError(f"{what}: unknown keys {unknown}; known keys are {sorted(names)}")
    return dict(d)


__all__ = ["CLASS_WEIGHTING", "SOURCE_KINDS", "SourceConfig", "TrainConfig"]
