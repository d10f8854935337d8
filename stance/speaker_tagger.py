"""The speaker tagger: which phrases of a sentence are someone taking a stance in it?

The attribution rules (`stance.attribution`) find a cue and take a speaker by word order and mentions; where they
go wrong, the speaker is often no actor at all ("ويستغرب", "الكشف", "قرار الحظر") or the wrong one of two in the
sentence. The speaker tagger reads a statement's sentence as it is (`passage: ...`, nothing marked) and labels each
word B (a speaker starts), I (inside one) or O: the network of `stance.target_tagger` (multilingual-e5-small, its
own LoRA adapter, a word head), trained on the speakers of the exhaustively labelled sentences. The pipeline asks
it about each rule speaker that stands in its statement's sentence (`Statement.speaker_score`: the mean B+I
probability of its words); a statement whose speaker it reads under `rule_veto` is dropped with its pairs
(`Pipeline.speaker_vetoed`). A speaker resolved from an earlier sentence ("وأضاف") is not read.

It lives in the stance model's folder: `speaker_tagger.safetensors` and `speaker_tagger.json` (its settings,
`TaggerConfig`, and how it was trained and chosen); `training/speaker_tagger.py` trains it.
"""
from __future__ import annotations

from typing import Optional

from .records import Statement
from .target_tagger import SpeakerText, TargetTagger
from .targets import context_span

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
