"""The speaker tagger: which phrases of a sentence are someone taking a stance in it?

The attribution rules (`stance.attribution`) find a cue and take a speaker by word order and mentions; where they
go wrong, the speaker is often no actor at all ("ويستغرب", "الكشف", "قرار الحظر"); and where there is no cue, they
find nobody, while the annotators read a stance in acts as well as words ("وتحمّل المنظمة الجيش الصربي المسؤولية").
The speaker tagger reads a sentence as it is (`passage: ...`, nothing marked) and labels each word B (a speaker
starts), I (inside one) or O: the network of `stance.target_tagger` (multilingual-e5-small, its own LoRA adapter, a
word head), trained on the speakers of the exhaustively labelled sentences. The pipeline
(`Pipeline.with_tagged_speakers`) uses it twice:

- it reads each rule speaker that stands in its statement's sentence (`Statement.speaker_score`: the mean B+I
  probability of its words); a statement whose speaker it reads under `rule_veto` is dropped with all its pairs
  (`Pipeline.speaker_vetoed`). A speaker resolved from an earlier sentence ("وأضاف") is not read;
- in a sentence where the rules found no cue, each span it reads at `threshold` or more (touching spans joined)
  becomes a statement with no cue (`cue_kind` "tagged"), whose targets the target tagger proposes.

It lives in the stance model's folder: `speaker_tagger.safetensors` and `speaker_tagger.json` (its settings,
`TaggerConfig`, and how it was trained and chosen); `training/speaker_tagger.py` trains it.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Optional

from .records import Statement
from .target_tagger import SpeakerText, TargetTagger
from .targets import context_span
from .text import normalize_arabic

# words whose first letter "و" is their own, not "and" (normalised as `stance.text.normalize_arabic` does)
_W_WORDS = frozenset(normalize_arabic(w) for w in """وزير وزيرة وزارة وزراء وكالة وكالات وكيل وفد واشنطن والي ولي وحدة
    وحدات وسائل ويكيليكس""".split())

SPEAKER_WEIGHTS = "speaker_tagger.safetensors"
SPEAKER_CONFIG = "speaker_tagger.json"


class SpeakerTagger(TargetTagger):
    """Word-level B/I/O tagging of the speakers in a sentence (nothing marked)."""

    weights_file = SPEAKER_WEIGHTS
    config_file = SPEAKER_CONFIG
    trainer = "training.speaker_tagger"


def speaker_input(statement: Statement, text: str) -> Optional[tuple[SpeakerText, int]]:
    """What the speaker tagger reads for a statement, and the shift that maps offsets back onto `text` (article
    offset = input offset + shift): its sentence, unmarked; None when the statement's speaker does not stand in
    that sentence (none, or resolved from an earlier one), so there is nothing to read it by."""
    sp = statement.speaker
    if sp is None or sp.resolved:
        return None
    ctx = context_span(statement, text)
    if not (ctx.start <= sp.start and sp.end <= ctx.end):
        return None
    return (text[ctx.start : ctx.end], None), ctx.start


def joined_spans(text: str, spans: Sequence[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """Proposed speaker spans with those that touch (only spaces between, the second not joined by "و") made one,
    its probability the lower: a word read as B inside a name ("عبد" + "الله غل") does not make two speakers;
    "هولاند وبوتين" stay two.

    >>> t = "وقال عبد الله غل وبوتين"
    >>> joined_spans(t, [(5, 8, 0.9), (9, 16, 0.95), (17, 23, 0.9)])
    [(5, 16, 0.9), (17, 23, 0.9)]
    >>> t = "وقال الناطق باسم وزارة الدفاع"
    >>> joined_spans(t, [(5, 16, 0.9), (17, 29, 0.95)])
    [(5, 29, 0.9)]
    """
    out: list[tuple[int, int, float]] = []
    for a, b, p in sorted(spans):
        first = normalize_arabic(text[a:b].split()[0]) if text[a:b].split() else ""
        joined = first.startswith("و") and first not in _W_WORDS  # "وبوتين" is "and Putin"; "وزارة" a ministry
        if out and not text[out[-1][1] : a].strip() and not joined:
            out[-1] = (out[-1][0], b, min(out[-1][2], p))
        else:
            out.append((a, b, p))
    return out
