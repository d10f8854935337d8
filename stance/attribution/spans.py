"""Token and mention helpers every language uses, and the state carried across sentences (the last speaker, for
"وأضاف" / "he added")."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Optional, Sequence

from ..records import Mention, Span
from ..text import Token
from .cues import _unprefixed
from .words import _MAX_SPEAKER_GAP


def _first_at(toks: list[Token], pos: int) -> int:
    """Index of the first token starting at or after `pos` (len(toks) when none); tokens are in text order."""
    return bisect_left(toks, pos, key=lambda t: t.start)


def _token_from(toks: list[Token], pos: int) -> Optional[Token]:
    """The first token starting at or after `pos`, or None."""
    k = _first_at(toks, pos)
    return toks[k] if k < len(toks) else None


def _mention_after(pos: int, limit: int, mentions: Sequence[Mention]) -> Optional[Mention]:
    best = None
    for m in mentions:
        if pos <= m.start < limit and (best is None or m.start < best.start):
            best = m
    return best


def _mention_ending_before(pos: int, floor: int, mentions: Sequence[Mention]) -> Optional[Mention]:
    best = None
    for m in mentions:
        if floor <= m.end <= pos and (best is None or m.end > best.end):
            best = m
    return best


@dataclass
class _State:
    last_speaker: Optional[Mention] = None
    last_cue: Optional[Token] = None  # the cue's word where the last speaker last spoke (a resolved one was named
    # before)


def _quotations(text: str, sent: Span) -> list[tuple[int, int]]:
    """(open, close) offsets of the quotations of a sentence: «», “”, and paired straight quotes."""
    out, stack = [], []
    for i in range(sent.start, sent.end):
        ch = text[i]
        if stack and ch == stack[-1][0]:
            out.append((stack.pop()[1], i))
        elif ch in _OPEN_CLOSE:
            stack.append((_OPEN_CLOSE[ch], i))
    return out


def _ar_feminine(word: str) -> bool:
    """An Arabic cue (`Token.norm`) in the feminine: a past verb in ت ("وقالت", "اشارت"; not "لفت", whose ت is the
    root's) or a participle in ة ("مشيرة"; not a verb with its object, "اتهمه").

    >>> [_ar_feminine(w) for w in ("وقالت", "واضاف", "ولفت", "مشيره", "مؤكدا", "واتهمه")]
    [True, False, False, True, False, False]
    """
    w = _unprefixed(word)
    return w.startswith("م") and w.endswith(("ه", "ة")) or w.endswith("ت") and len(w) >= 4


def _spoke_before_in(state: _State, sent: Span, pos: int, word: str = "") -> bool:
    """Whether the last speaker was named earlier in this sentence, before `pos`, or spoke there with a cue of the
    same gender as `word`, the cue at `pos` ("وقال ان بلير كان شريكا ...، واشار الى": "he said", resolved to
    Nasrallah named in the sentence before, goes on; but in "وقالت ان اردوغان رد ...، مؤكدا" the participle is
    Erdogan's, not the agency's)."""
    last, cue = state.last_speaker, state.last_cue
    if last is None:
        return False
    spoke = cue is not None and sent.start <= cue.start < pos and (
        not word or _ar_feminine(word) == _ar_feminine(cue.norm))
    return sent.start <= last.start < pos or spoke


def _resolved(state: _State) -> Optional[Mention]:
    if state.last_speaker is None:
        return None
    m = state.last_speaker
    return Mention(m.span, m.actor, resolved=True, antecedent=m.antecedent)


def _only_filler_between(toks: list[Token], i: int, m: Mention) -> bool:
    """True when at most `_MAX_SPEAKER_GAP` words (a time adverb, a short prepositional phrase: what those words are
    is the caller's to check) stand between cue i and mention m."""
    n = 0
    for t in toks[i + 1 :]:
        if t.start >= m.start:
            return True
        n += 1
        if n > _MAX_SPEAKER_GAP:
            return False
    return True


_OPEN_CLOSE = {"“": "”", "«": "»", '"': '"'}


def _strip_span(text: str, s: int, e: int, lang: str) -> Optional[Span]:
    """Trim a content span: leading punctuation and complementisers ("that", "que", "ان") go, and trailing
    punctuation; a content that is a quotation keeps its quotation marks (and the punctuation inside them)."""
    lead = r"^[\s,،:\-–—]*(?:(?:that|que|qu'|qu’|ان|إن|أن|انه|إنه|أنه|انها|إنها|أنها|بان|بأن|فان|فإن)(?=[\s\"«“])\s*)?"
    told = re.match(r"^\s*[»”\"]\s*(?=(?:ان|إن|أن|انه|إنه|أنه|انها|إنها|أنها|بان|بأن)\s)", text[s:e])
    if told and re.search(r"ل[ـ\s]*[\"«“][^\"«»“”]{1,40}$", text[max(0, s - 48) : s]):
        s += told.end()  # the closing quote of an outlet told before the content: 'لـ"الشرق الاوسط" ان ...' (not
        # the opening quote of a quoted content: 'وقال الوزير "ان الحكومة ..."')
    m = re.match(lead, text[s:e])
    if m:
        s += m.end()
    while e > s and text[e - 1] in " \t,،.:":
        e -= 1
    close = _OPEN_CLOSE.get(text[s]) if s < e else None
    quoted = close is not None and e - s > 2 and text[e - 1] == close and text.count(close, s + 1, e - 1) == 0
    if not quoted:
        while s < e and text[s] in "\"«“'»” ":
            s += 1
        while e > s and text[e - 1] in " \t,،.\"”»'’:":
            e -= 1
    if e - s < 2:
        return None
    return Span.of(text, s, e)
