"""The stance classifier interface, the shipped default, and how statements become classifier items.

>>> clf = load_classifier()                      # the shipped default model            # doctest: +SKIP
>>> clf.predict([StanceItem("Hammond criticised Russia.", target=(19, 25), speaker=(0, 7))])[0].stance  # doctest: +SKIP
'criticism'
"""
from __future__ import annotations

import json
import os
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, Sequence, runtime_checkable

from .records import Mention, Prediction, StanceItem, Statement
from .targets import context_span

if TYPE_CHECKING:
    import torch

DEFAULT_MODEL_ENV = "STANCE_MODEL"


@runtime_checkable
class StanceClassifier(Protocol):
    """What `analyze`, `classify` and `eval` need from a stance model."""

    name: str
    labels: tuple[str, ...]

    def predict(self, items: Sequence[StanceItem], batch_size: int = 32, progress: bool = False) -> list[Prediction]:
        ...


def default_model_path() -> Path:
    """`$STANCE_MODEL` when set, else the model shipped inside the package (`stance/models/default`)."""
    env = os.environ.get(DEFAULT_MODEL_ENV)
    if env:
        return Path(env)
    return Path(str(resources.files("stance").joinpath("models/default")))


def load_classifier(path: str | os.PathLike | None = None, target_filter: bool = True,
                    device: str | torch.device = "cpu", lexical_prior: bool = True,
                    precision: str = "fp32", ensemble: bool = True) -> StanceClassifier:
    """Load a saved stance model from `path` (default: the shipped model), dispatching on its `config.json`, onto
    `device` ("cpu", "cuda", "cuda:N", "auto"), reading in `precision` ("fp32", "bf16", "auto":
    `stance.backbone.resolve_precision`); `target_filter=False` / `lexical_prior=False` / `ensemble=False` leave out
    the target filter (`stance.relevance`) / the lexical prior (`stance.lexical`) / the ensemble's other models
    (`stance.ensemble`) saved beside it."""
    path = Path(path) if path is not None else default_model_path()
    config_file = path / "config.json"
    if not config_file.exists():
        raise FileNotFoundError(
            f"no stance model at {path} (missing config.json): pass --model with a folder written by "
            "`stance train` / save_pretrained, or reinstall the package to get the shipped default"
        )
    config = json.loads(config_file.read_text(encoding="utf-8"))
    kind = config.get("stance_model_type")
    from .model import MODEL_TYPES

    if kind in MODEL_TYPES:
        from .backbone import check_precision, resolve_device
        from .model import TransformerStanceClassifier

        where = resolve_device(device)  # checked before the weights load: a wrong name fails fast
        check_precision(precision)
        clf = TransformerStanceClassifier.from_pretrained(path, target_filter=target_filter,
                                                          lexical_prior=lexical_prior, ensemble=ensemble)
        return clf.to(where).in_precision(precision)
    raise ValueError(
        f"{config_file}: unknown stance_model_type {kind!r}; expected one of {', '.join(map(repr, MODEL_TYPES))}. "
        "Was this folder written by a newer version of stance?"
    )


def item_for(statement: Statement, target: Mention, text: str) -> StanceItem:
    """The classifier item for one (statement, target) pair: the statement's sentence with both spans marked.

    When the speaker was resolved from an earlier sentence ("وأضاف", "he added"), its name is put in front of the
    sentence (`name: sentence`) so the classifier still sees who speaks.
    """
    ctx = context_span(statement, text)
    lo, hi = min(ctx.start, target.start), max(ctx.end, target.end)
    others = [(t.start, t.end) for t in statement.targets if t.span != target.span and lo <= t.start and t.end <= hi]
    sp = statement.speaker
    if sp is None:
        return StanceItem(text[lo:hi], target=(target.start - lo, target.end - lo), speaker=None, lang=statement.lang,
                          id=statement.id, others=tuple((s - lo, e - lo) for s, e in others))
    body, speaker, shift = speaker_view(text, lo, hi, sp, inline=not sp.span.overlaps(target.span))
    return StanceItem(body, target=(target.start + shift, target.end + shift), speaker=speaker, lang=statement.lang,
                      id=statement.id, others=tuple((s + shift, e + shift) for s, e in others))


def speaker_view(text: str, lo: int, hi: int, speaker: Mention, inline: bool = True) -> tuple[str, tuple[int, int], int]:
    """`text[lo:hi]` with the speaker's span in it, or, when the speaker stands outside it (or `inline` is False),
    `speaker name: ` + `text[lo:hi]`; with the shift from article offsets to the view's (view = article + shift).
    The stance model (`item_for`) and the target tagger (`stance.target_tagger.tagger_input`) read statements so."""
    if inline and lo <= speaker.start and speaker.end <= hi:
        return text[lo:hi], (speaker.start - lo, speaker.end - lo), -lo
    prefix = speaker.text + ": "
    return prefix + text[lo:hi], (0, len(speaker.text)), len(prefix) - lo
