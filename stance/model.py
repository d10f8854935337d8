"""The fine-tuned stance classifier: e5-small backbone + LoRA deltas + a small head over marked spans.

The statement is shown with the speaker and the target marked by plain-text characters (single pieces of the
vocabulary, so no new embeddings): `‹ speaker ›` and `[ target ]`; when the speaker is the author (`speaker=None`)
the text starts with an empty speaker mark `‹ ›`. The head reads the mean of all token vectors and the vectors at
the opening speaker and target marks ("entity start" pooling).

A saved model folder holds only `config.json` (labels, markers, max_length, LoRA settings, base) and
`adapter.safetensors` (LoRA matrices + head, a few MB); the backbone comes from `stance.backbone`.

>>> from stance.records import StanceItem
>>> clf = TransformerStanceClassifier.from_pretrained("stance/models/default")          # doctest: +SKIP
>>> clf.predict([StanceItem("Hammond criticised Russia.", target=(19, 25), speaker=(0, 7))])[0].stance  # doctest: +SKIP
'criticism'
"""
from __future__ import annotations

import json
import logging
import math
import os
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import torch
from torch import nn

from stance.adapter import add_lora, free_layers, load_adapter, save_adapter, trainable_state
from stance.backbone import BASE_NAME, ReadsInPrecision, load_backbone, load_tokenizer, mean_pool, move, reading_in
from stance.ensemble import ENSEMBLE_CONFIG, Ensemble
from stance.records import LABELS, Prediction, StanceItem
from stance.lexical import LexicalPrior
from stance.memo import Remembers
from stance.relevance import TargetFilter

log = logging.getLogger(__name__)

MODEL_TYPE = "transformer"
# a model that reads a question before the passage: a type of its own, so that a version of stance without questions
# refuses it instead of reading it without one
QUESTION_MODEL_TYPE = "transformer+question"
# a model that reads the statement's other targets marked apart (`OTHER_MARKS`): likewise a type of its own
OTHERS_MODEL_TYPE = "transformer+others"
MODEL_TYPES = (MODEL_TYPE, QUESTION_MODEL_TYPE, OTHERS_MODEL_TYPE, QUESTION_MODEL_TYPE + "+others")
OTHER_MARKS = {"other_open": "{", "other_close": "}"}  # (one token each in the backbone's vocabulary, rare in news)
WEIGHTS_FILE = "adapter.safetensors"
FINETUNE = ("lora", "full")  # what training changes: LoRA matrices, or every weight of the transformer layers
DEFAULT_TARGET_MODULES = ("query", "key", "value", "dense")  # attention + FFN linears of every layer


@dataclass
class StanceModelConfig:
    """Everything needed to rebuild a classifier around the backbone; saved as config.json."""

    labels: tuple[str, ...] = LABELS
    max_length: int = 128
    markers: dict[str, str] = field(default_factory=lambda: {
        "speaker_open": "‹", "speaker_close": "›", "target_open": "[", "target_close": "]", "prefix": "passage: "})
    lora_r: int = 16
    lora_alpha: int = 32
    lora_dropout: float = 0.1
    lora_target_modules: tuple[str, ...] = DEFAULT_TARGET_MODULES
    lora_layers_from: int = 0  # LoRA on layers >= this one; lower layers stay frozen (faster backward)
    head_hidden: int = 384
    head_dropout: float = 0.1
    pooling: str = "mean+markers"
    base: str = BASE_NAME
    # "lora": LoRA matrices on the frozen backbone (a few MB to ship); "full": every weight of the 12 transformer
    # layers trained (the embeddings stay frozen; about 85 MB to ship; the lora_* settings are unused, lora_r is 0)
    finetune: str = "lora"

    def __post_init__(self) -> None:
        self.labels = tuple(self.labels)
        self.lora_target_modules = tuple(self.lora_target_modules)
        if len(set(self.labels)) != len(self.labels) or len(self.labels) < 2:
            raise ValueError(f"labels must be at least two distinct names, found {self.labels}")
        if not 8 <= self.max_length <= 512:
            raise ValueError(f"max_length must lie in 8..512 (the backbone has 512 positions), found {self.max_length}")
        missing = {"speaker_open", "speaker_close", "target_open", "target_close"} - set(self.markers)
        if missing:
            raise ValueError(f"markers lacks {sorted(missing)}; expected speaker_open/close and target_open/close")
        if self.lora_r < 0:
            raise ValueError(f"lora_r must be >= 0 (0 = no LoRA, head only), found {self.lora_r}")
        if self.finetune not in FINETUNE:
            raise ValueError(f"finetune must be one of {FINETUNE}, found {self.finetune!r}")
        if self.finetune == "full":
            self.lora_r = 0  # every layer trained: no LoRA matrices beside them
        if self.markers.get("question") is not None:
            check_question(self.markers["question"], "markers.question")
        if bool(self.markers.get("other_open")) != bool(self.markers.get("other_close")):
            raise ValueError("markers has one of other_open/other_close without the other; give both or neither")
        if self.pooling != "mean+markers":
            raise ValueError(f"pooling {self.pooling!r} is not known; use 'mean+markers'")

    @property
    def stance_model_type(self) -> str:
        """What `config.json` says the model is: a model that reads a question has a type of its own."""
        kind = QUESTION_MODEL_TYPE if self.markers.get("question") else MODEL_TYPE
        return kind + "+others" if self.markers.get("other_open") else kind

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["stance_model_type"] = self.stance_model_type
        d["labels"] = list(self.labels)
        d["lora_target_modules"] = list(self.lora_target_modules)
        return d

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> StanceModelConfig:
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in d.items() if k in known})


# --------------------------------------------------------------------------- input text


def check_question(question: object, name: str = "question") -> None:
    """ValueError unless `question` is text whose only fields are {speaker} and {target} (see `mark`)."""
    import string

    try:
        if not isinstance(question, str):
            raise TypeError(f"found {type(question).__name__}")
        bad = [f for _, f, spec, conv in string.Formatter().parse(question)
               if f is not None and (f not in ("speaker", "target") or spec or conv)]
        if bad:  # (also "{speaker.upper}", "{target!r}", "{target:>9}": plain fields only)
            raise KeyError(", ".join(bad))
    except (KeyError, IndexError, ValueError, TypeError) as exc:
        raise ValueError(f"{name} {question!r} must be text whose only fields are {{speaker}} and {{target}}, such as "
                         f"\"query: {{speaker}} / {{target}} \": {exc!r}") from None


def mark(item: StanceItem, markers: dict[str, str]) -> tuple[str, int, int]:
    """The classifier's input text and the character offsets of its speaker and target opening marks.

    >>> m = StanceModelConfig().markers
    >>> mark(StanceItem("Hammond criticised Russia.", target=(19, 25), speaker=(0, 7)), m)[0]
    'passage: ‹ Hammond › criticised [ Russia ].'
    >>> mark(StanceItem("Russia was criticised.", target=(0, 6)), m)[0]
    'passage: ‹ › [ Russia ] was criticised.'
    >>> mark(StanceItem("Hammond criticised Russia.", target=(19, 25), speaker=(0, 7)),
    ...      {**m, "question": "query: {speaker} / {target} "})
    ('query: Hammond / Russia passage: ‹ Hammond › criticised [ Russia ].', 33, 56)

    A model with `OTHER_MARKS` also marks the statement's other targets (`StanceItem.others`), apart from the one read:

    >>> mark(StanceItem("Hammond backed Kyiv against Russia.", target=(28, 34), speaker=(0, 7), others=((15, 19),)),
    ...      {**m, **OTHER_MARKS})[0]
    'passage: ‹ Hammond › backed { Kyiv } against [ Russia ].'
    """
    text = item.text
    question = markers.get("question")  # a template: "{speaker}" and "{target}" become the spans' words
    if question:
        speaker = "" if item.speaker is None else text[item.speaker[0] : item.speaker[1]]
        question = question.format(speaker=speaker, target=text[item.target[0] : item.target[1]])
        markers = {**markers, "prefix": question + markers.get("prefix", "")}
    inserts = [(item.target[0], 0, markers["target_open"] + " "), (item.target[1], 1, " " + markers["target_close"])]
    if item.speaker is not None:
        inserts += [(item.speaker[0], 0, markers["speaker_open"] + " "),
                    (item.speaker[1], 1, " " + markers["speaker_close"])]
    if markers.get("other_open"):  # the statement's other targets, marked apart from the one read
        marked_spans = [item.target] + ([item.speaker] if item.speaker is not None else [])
        for s, e in item.others:
            if not any(s < b and a < e for a, b in marked_spans):
                inserts += [(s, 0, markers["other_open"] + " "), (e, 1, " " + markers["other_close"])]
                marked_spans.append((s, e))
    # closing marks first at equal offsets, so adjacent spans stay well nested
    inserts.sort(key=lambda t: (t[0], -t[1]))
    out, pos, starts = [], 0, {}
    prefix = markers.get("prefix", "")
    if item.speaker is None:
        prefix += f"{markers['speaker_open']} {markers['speaker_close']} "
    length = len(prefix)
    for off, _, s in inserts:
        chunk = text[pos:off]
        out.append(chunk)
        length += len(chunk)
        if s.startswith(markers["target_open"]) and off == item.target[0]:
            starts.setdefault("target", length)
        if item.speaker is not None and s.startswith(markers["speaker_open"]) and off == item.speaker[0]:
            starts.setdefault("speaker", length)
        out.append(s)
        length += len(s)
        pos = off
    out.append(text[pos:])
    marked = prefix + "".join(out)
    sp = starts.get("speaker", len(markers.get("prefix", "")))
    return _squash_spaces(marked, sp, starts["target"])


def _squash_spaces(text: str, a: int, b: int) -> tuple[str, int, int]:
    """Collapse runs of spaces that the marks may create, keeping the two offsets on their characters."""
    out, ia, ib, prev_space = [], a, b, False
    for i, ch in enumerate(text):
        if ch == " " and prev_space:
            if i < a:
                ia -= 1
            if i < b:
                ib -= 1
            continue
        prev_space = ch == " "
        out.append(ch)
    return "".join(out), ia, ib


# `encode` crops an item whose marks fall past max_length tokens by a quarter at a time, to no fewer characters than
# this; `crop` moves a cut to the next space at most this far on (past it, the cut stays inside the word)
_MIN_CROP, _SNAP = 64, 24
ELISION = " … "  # stands for the text cut out between a speaker and a target too far apart to read together


def crop(text: str, spans: Sequence[tuple[int, int]], max_chars: int) -> tuple[str, int]:
    """Cut `text` to about `max_chars` characters around `spans` (whole words); returns (text, offset removed)."""
    if len(text) <= max_chars:
        return text, 0
    lo, hi = min(s for s, _ in spans), max(e for _, e in spans)
    room = max(max_chars - (hi - lo), 0)
    start = max(0, lo - room // 2)
    end = min(len(text), max(hi + room - (lo - start), hi))
    if start > 0:
        sp = text.rfind(" ", 0, start)
        start = sp + 1 if sp >= 0 and lo - sp < max_chars else start
    if end < len(text):
        sp = text.find(" ", end, end + _SNAP)
        end = sp if sp >= 0 else len(text) if len(text) - end <= _SNAP else end
    return text[start:end], start


def crop_item(item: StanceItem, max_chars: int) -> StanceItem:
    """The item cut to about `max_chars` characters round its speaker and target (spans moved to match).

    A speaker and target further apart than that keep half the budget each, the text between them elided:

    >>> it = StanceItem("Hammond said " + "that " * 200 + "Russia erred.", target=(1013, 1019), speaker=(0, 7))
    >>> cut = crop_item(it, 40)
    >>> cut.text
    'Hammond said that that … that that Russia erred.'
    >>> cut.text[slice(*cut.speaker)], cut.text[slice(*cut.target)]
    ('Hammond', 'Russia')
    """
    spans = [item.target] + ([item.speaker] if item.speaker else [])
    ordered = sorted(spans)
    first, second = ordered[0], ordered[-1]
    if second[1] - first[0] <= max_chars or first[1] > second[0]:
        text, off = crop(item.text, spans, max_chars)
        others = tuple(o for o in (_moved(o, off) for o in item.others) if 0 <= o[0] and o[1] <= len(text))
        return replace(item, text=text, target=_moved(item.target, off), others=others,
                       speaker=None if item.speaker is None else _moved(item.speaker, off))
    mid = (first[1] + second[0]) // 2  # (at a space of the gap when there is one: no word is cut in two there)
    sp = item.text.rfind(" ", first[1], mid + 1)
    sp = sp if sp >= 0 else item.text.find(" ", mid, second[0])
    mid = sp + 1 if sp >= 0 else mid
    head, off_a = crop(item.text[:mid], [first], max_chars // 2)
    tail, off_b = crop(item.text[mid:], [_moved(second, mid)], max_chars // 2)
    gap = ELISION if off_a + len(head) < mid or off_b > 0 else ""  # nothing cut out between them: no elision
    shift = mid + off_b - len(head) - len(gap)  # how far a span in the tail moves left

    def moved(span: tuple[int, int]) -> tuple[int, int]:
        return _moved(span, off_a if span[1] <= mid else shift)

    text = head + gap + tail
    kept = {True: (0, len(head)), False: (len(head) + len(gap), len(text))}  # where the head's and the tail's spans go
    others = tuple(m for o in item.others if o[1] <= mid or o[0] >= mid
                   for m, (lo, hi) in [(moved(o), kept[o[1] <= mid])] if lo <= m[0] and m[1] <= hi)
    return replace(item, text=text, target=moved(item.target), others=others,
                   speaker=None if item.speaker is None else moved(item.speaker))


def _moved(span: tuple[int, int], by: int) -> tuple[int, int]:
    return span[0] - by, span[1] - by


# --------------------------------------------------------------------------- network


class StanceNet(nn.Module):
    """Encoder + head over [mean of tokens, vector at the speaker mark, vector at the target mark]."""

    def __init__(self, encoder: nn.Module, hidden: int, n_labels: int, head_hidden: int, dropout: float) -> None:
        super().__init__()
        self.encoder = encoder
        self.head = nn.Sequential(
            nn.Dropout(dropout), nn.Linear(3 * hidden, head_hidden), nn.GELU(), nn.Dropout(dropout),
            nn.Linear(head_hidden, n_labels),
        )

    def pooled(self, input_ids, attention_mask, speaker_index, target_index):
        """What the head reads: [mean of tokens, vector at the speaker mark, vector at the target mark]."""
        h = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        rows = torch.arange(h.size(0), device=h.device)
        return torch.cat([mean_pool(h, attention_mask), h[rows, speaker_index], h[rows, target_index]], dim=-1)

    def forward(self, input_ids, attention_mask, speaker_index, target_index):
        return self.head(self.pooled(input_ids, attention_mask, speaker_index, target_index))


# --------------------------------------------------------------------------- classifier


class TransformerStanceClassifier(Remembers, ReadsInPrecision):
    """Speaker -> target stance with the fine-tuned e5-small model.

    >>> clf = TransformerStanceClassifier.new()                     # untrained, for training code  # doctest: +SKIP
    >>> clf = TransformerStanceClassifier.from_pretrained(path)     # a saved model                  # doctest: +SKIP
    """

    def __init__(self, config: StanceModelConfig, net: StanceNet, tokenizer,
                 target_filter: TargetFilter | None = None, lexical_prior: LexicalPrior | None = None) -> None:
        self.config = config
        self.net = net
        self.tokenizer = tokenizer
        self.target_filter = target_filter  # stance.relevance: fills Prediction.relevance when present
        self.labels: tuple[str, ...] = config.labels
        self.lexical_prior = lexical_prior  # stance.lexical: blended into the scores when present
        self.ensemble: Ensemble | None = None  # stance.ensemble: the members' probabilities averaged into its own
        self.members: list[TransformerStanceClassifier] = []

    @property
    def name(self) -> str:
        """What the output's `model` field says: the backbone, the lexical prior where one changes the scores, and
        "read in bf16" when the networks read in bfloat16 (`in_precision`), so that lines of the two precisions are
        never mistaken for each other."""
        prior = self._lexical_prior
        n = 1 + len(self.members) if self.ensemble is not None and self.ensemble.weight > 0 else 1
        return f"stance-transformer ({self.config.base})" + (f" x{n}" if n > 1 else "") + (
            " + lexical prior" if prior is not None and prior.weight > 0 else "") + (
            ", read in bf16" if self.precision == "bf16" else "")

    @property
    def lexical_prior(self) -> LexicalPrior | None:
        return self._lexical_prior

    @lexical_prior.setter
    def lexical_prior(self, prior: LexicalPrior | None) -> None:
        if prior is not None and set(prior.labels) != set(self.labels):
            raise ValueError(f"the lexical prior's labels {list(prior.labels)} are not this model's {list(self.labels)}: "
                             "refit it with `python -m training.lexical_prior`")
        self._lexical_prior = prior

    # ---- construction
    @classmethod
    def new(cls, config: StanceModelConfig | None = None, cache_dir: str | os.PathLike | None = None,
            seed: int | None = None, share_embeddings: bool = False) -> TransformerStanceClassifier:
        """A fresh model (LoRA zero-initialised, or every layer trainable with `finetune: full`; head random) for
        training; `share_embeddings` see
        `stance.backbone.load_backbone` (`from_pretrained` shares them when it merges the LoRA
        matrices, that is to predict)."""
        config = config or StanceModelConfig()
        if seed is not None:
            torch.manual_seed(seed)
        encoder = add_lora(load_backbone(cache_dir, share_embeddings), config.lora_r, config.lora_alpha, config.lora_dropout,
                           config.lora_target_modules, config.lora_layers_from)
        if config.finetune == "full":
            free_layers(encoder)
        net = StanceNet(encoder, encoder.config.hidden_size, len(config.labels), config.head_hidden, config.head_dropout)
        return cls(config, net, load_tokenizer(cache_dir))

    @classmethod
    def from_pretrained(cls, path: str | os.PathLike, cache_dir: str | os.PathLike | None = None,
                        merge: bool = True, target_filter: bool = True,
                        lexical_prior: bool = True, ensemble: bool = True) -> TransformerStanceClassifier:
        """Load a folder written by `save_pretrained` (config.json + adapter.safetensors) onto the backbone.

        `merge=True` folds the LoRA deltas into the backbone weights for faster inference. A target filter saved
        in the same folder (`stance.relevance`) is loaded with it unless `target_filter=False`; one that does not
        fit this model (another number of features) is refused here, not at the first prediction. So is a lexical
        prior (`stance.lexical`) unless `lexical_prior=False`, and an ensemble's members (`stance.ensemble`) unless
        `ensemble=False`.
        """
        path = Path(path)
        cfg_file, weights = path / "config.json", path / WEIGHTS_FILE
        if not cfg_file.exists() or not weights.exists():
            raise FileNotFoundError(f"{path} is not a stance transformer model: expected config.json and {WEIGHTS_FILE}")
        d = json.loads(cfg_file.read_text(encoding="utf-8"))
        if d.get("stance_model_type") not in MODEL_TYPES:
            raise ValueError(f"{cfg_file}: stance_model_type is {d.get('stance_model_type')!r}, expected one of {MODEL_TYPES}; "
                             "load it with stance.classify.load_classifier")
        config = StanceModelConfig.from_json(d)
        clf = cls.new(config, cache_dir, share_embeddings=merge)  # (unmerged: to train on, its own)
        load_adapter(clf.net, weights, cfg_file)
        if merge and config.lora_r > 0:
            clf.net.encoder = clf.net.encoder.merge_and_unload()
        clf.net.eval()
        if target_filter:
            filt = TargetFilter.load(path)
            if filt is not None and filt.n_features != clf.n_filter_features:
                raise ValueError(f"the target filter in {path} reads {filt.n_features} features but this model gives "
                                 f"{clf.n_filter_features}: refit it (`python -m training.target_filter --model {path}`) "
                                 "or remove its two target_filter.* files")
            unknown = sorted(set(filt.stance_shift) - set(clf.labels)) if filt is not None else []
            if unknown:
                raise ValueError(f"the target filter in {path} shifts labels this model does not have: {unknown} (its "
                                 f"labels are {list(clf.labels)}); refit the shift with `python -m training.target_filter "
                                 f"--shift-only --model {path}`")
            clf.target_filter = filt
        if lexical_prior:
            clf.lexical_prior = LexicalPrior.load(path)
        if ensemble:
            clf.ensemble = Ensemble.load(path)
            for name in clf.ensemble.members if clf.ensemble is not None else ():
                try:
                    member = cls.from_pretrained(clf.ensemble.member_folder(path, name), cache_dir, merge=merge,
                                                 target_filter=False, lexical_prior=False, ensemble=False)
                except (FileNotFoundError, ValueError) as exc:
                    raise type(exc)(f"ensemble member {name!r} named in {path / ENSEMBLE_CONFIG}: {exc}; restore it, "
                                    "remove it from ensemble.json, or read the model alone (--no-ensemble)") from None
                if member.labels != clf.labels:
                    raise ValueError(f"ensemble member {path / name} has the labels {list(member.labels)}, the model "
                                     f"{list(clf.labels)}: retrain it or remove it from {path / ENSEMBLE_CONFIG}")
                clf.members.append(member)
        return clf

    @property
    def device(self) -> torch.device:
        """Where the network's weights are (inputs are moved there)."""
        return next(self.net.parameters()).device

    def to(self, device: str | torch.device) -> TransformerStanceClassifier:
        """Move the network to `device` ("cpu", "cuda", "cuda:1", ...); returns self."""
        move(self.net, device)
        self._precision_follows()
        for member in self.members:
            member.to(device)
        return self

    def in_precision(self, name: str) -> TransformerStanceClassifier:
        """`ReadsInPrecision.in_precision`, for the ensemble's members too."""
        super().in_precision(name)
        for member in self.members:
            member.in_precision(name)
        return self

    def trainable_state_dict(self) -> dict[str, torch.Tensor]:
        """The parameters that training changes (LoRA matrices, or every layer's weights with `finetune: full`, and
        the head): what `save_pretrained` writes."""
        return trainable_state(self.net)

    def save_pretrained(self, path: str | os.PathLike) -> Path:
        """Write config.json and adapter.safetensors (what training changed: LoRA deltas, or the layers of a fully
        fine-tuned model, and the head) into `path`."""
        path = Path(path)
        save_adapter(self.net, path / WEIGHTS_FILE, path / "config.json", self.config.to_json(), self.config.base)
        return path

    # ---- encoding
    def encode(self, items: Sequence[StanceItem]) -> dict[str, torch.Tensor]:
        """Tokenise items (padded to the longest) with the marker positions the head reads, on the model's device.

        Items are cropped round their speaker and target to a character budget; an item whose marks still fall past
        `max_length` tokens (dense text runs under 4 characters a piece) is cropped tighter and tokenised again, so the
        head reads the marks, not `<s>` in their place (a warning says when even the tightest crop cannot keep one).
        """
        cfg = self.config
        # a generous bound: news text runs 3-6 characters per piece (a question is read before the passage)
        budget = cfg.max_length * 4 - len(cfg.markers.get("question") or "")
        marked = [self._marked(it, budget) for it in items]
        enc, at = self._tokenise(marked)
        lost = [row for row, marks in enumerate(at) if 0 in marks]
        for row in lost:  # (rare: each alone, a quarter tighter at a time; then the batch once more)
            cut = budget
            while cut > _MIN_CROP:
                cut = max(_MIN_CROP, cut * 3 // 4)
                marked[row] = self._marked(items[row], cut)
                if 0 not in self._tokenise([marked[row]])[1][0]:
                    break
        if lost:
            enc, at = self._tokenise(marked)
            still = sum(0 in marks for marks in at)
            if still:
                log.warning("%d item(s) keep a speaker or target mark past max_length (%d tokens) even cropped to %d "
                            "characters: the model reads the sequence start in its place", still, cfg.max_length,
                            _MIN_CROP)
        sp_idx, tg_idx = [s for s, _ in at], [t for _, t in at]
        enc.pop("token_type_ids", None)
        dev = self.device
        return {"input_ids": enc["input_ids"].to(dev), "attention_mask": enc["attention_mask"].to(dev),
                "speaker_index": torch.tensor(sp_idx, device=dev), "target_index": torch.tensor(tg_idx, device=dev)}

    def _tokenise(self, marked: Sequence[tuple[str, int, int]]) -> tuple[Any, list[tuple[int, int]]]:
        """The tokenizer's batch for `mark` outputs (padded, cut at `max_length`) and the token index of each one's
        speaker and target marks (0 where a mark was cut off)."""
        enc = self.tokenizer([t for t, _, _ in marked], padding=True, truncation=True, max_length=self.config.max_length,
                             return_offsets_mapping=True, return_tensors="pt")
        offsets = enc.pop("offset_mapping")
        return enc, [(_token_at(o, s_at), _token_at(o, t_at)) for o, (_, s_at, t_at) in zip(offsets, marked)]

    def _marked(self, item: StanceItem, max_chars: int) -> tuple[str, int, int]:
        """`mark` on the item cropped to about `max_chars` characters round its speaker and target."""
        return mark(crop_item(item, max_chars), self.config.markers)

    def _forward(self, items: Sequence[StanceItem], members: bool = True) -> tuple[torch.Tensor, torch.Tensor]:
        """(stance probabilities, target filter input) of a batch, on the CPU: the head's pooled vectors with the
        probabilities. With `members` and an ensemble (`stance.ensemble`), the probabilities of the items in its
        languages are the blend with the members'; the filter input keeps the model's own."""
        with reading_in(self.precision, self.device):
            pooled = self.net.pooled(**self.encode(items))
            logits = self.net.head(pooled)
        pooled = pooled.float()
        probs = torch.softmax(logits.float(), dim=-1)
        feats = torch.cat([pooled, probs], dim=-1).cpu()
        probs = probs.cpu()
        rows = [i for i, it in enumerate(items) if self._members_read(it)] if members else []
        if rows:
            sub = [items[i] for i in rows]
            probs[rows] = self.ensemble.blend(probs[rows], [m._forward(sub, members=False)[0] for m in self.members])
        return probs, feats

    def _members_read(self, item: StanceItem) -> bool:
        """Whether the ensemble's members (`stance.ensemble`) read `item`: there are some, and it is in their
        languages."""
        return self.ensemble is not None and bool(self.members) and item.lang in self.ensemble.langs

    @property
    def n_filter_features(self) -> int:
        """How many features the target filter reads: three pooled vectors and the stance probabilities."""
        return 3 * self.net.encoder.config.hidden_size + len(self.labels)

    def features(self, items: Sequence[StanceItem]) -> torch.Tensor:
        """The target filter's input for each item (inference mode, dropout off), in input order."""
        was_training = self.net.training
        self.net.eval()
        try:
            with torch.inference_mode():
                return self._forward(items, members=False)[1]
        finally:
            self.net.train(was_training)

    # ---- prediction
    def predict(self, items: Sequence[StanceItem], batch_size: int = 32, progress: bool = False) -> list[Prediction]:
        """Label each item; batches are sorted by length so padding stays small. Output is in input order. With a
        lexical prior (`stance.lexical`), the scores of the items in its languages are the blend of the two; the
        target filter reads the transformer's own. Inside `remembering()` an item read before (same text and spans)
        is not read again."""
        if batch_size < 1:
            raise ValueError(f"batch_size must be >= 1, found {batch_size}")
        items = list(items)
        memo = self._memo  # (text, target, speaker) -> (probabilities, target filter input), inside `remembering()`
        # (a model that marks the other targets reads them too: one pair with other candidates is another input)
        others = any(m.config.markers.get("other_open") for m in [self, *self.members])
        # (with an ensemble, whether the members read an item depends on its language)
        keys = [(it.text, it.target, it.speaker, it.others if others else (), self._members_read(it)) for it in items]
        todo = self.unseen(keys, sorted(range(len(items)), key=lambda i: len(items[i].text)))
        out: list[Prediction | None] = [None] * len(items)
        was_training = self.net.training
        self.net.eval()
        batches = range(0, len(todo), batch_size)
        if progress:
            from tqdm.auto import tqdm

            batches = tqdm(batches, total=math.ceil(len(todo) / batch_size), desc="classify", unit="batch")
        try:
            with torch.inference_mode():
                for b in batches:
                    idx = todo[b : b + batch_size]
                    probs, feats = self._forward([items[i] for i in idx])
                    if memo is None:  # scored at once: nothing is kept past its batch
                        for i, pred in zip(idx, self._scored([items[i] for i in idx], probs, feats)):
                            out[i] = pred
                    else:
                        memo.update(zip((keys[i] for i in idx), zip(probs, feats)))
                if memo is not None:
                    for b in range(0, len(items), batch_size):
                        rows = [memo[k] for k in keys[b : b + batch_size]]
                        out[b : b + batch_size] = self._scored(items[b : b + batch_size],
                                                               torch.stack([p for p, _ in rows]),
                                                               torch.stack([f for _, f in rows]))
        finally:
            self.net.train(was_training)
        return out  # type: ignore[return-value]

    def _scored(self, items: Sequence[StanceItem], probs: torch.Tensor, feats: torch.Tensor) -> list[Prediction]:
        """Predictions from the transformer's probabilities and filter input for `items`: the target filter's
        relevance, the lexical prior blended in."""
        relevance: list = [None] * len(items)
        if self.target_filter is not None:
            relevance = self.target_filter.probability(feats).tolist()
        scores = [{lab: float(v) for lab, v in zip(self.labels, p)} for p in probs.tolist()]
        if self.lexical_prior is not None:
            scores = self.lexical_prior.blend(scores, items)
        return [Prediction(max(sc, key=sc.get), sc, r) for sc, r in zip(scores, relevance)]


def _token_at(offsets: torch.Tensor, char: int) -> int:
    """Index of the first token whose span ends after `char` (0 = `<s>` when the mark was cut off)."""
    for j, (s, e) in enumerate(offsets.tolist()):
        if e > s and e > char:
            return j if s <= char + 1 else 0
    return 0
