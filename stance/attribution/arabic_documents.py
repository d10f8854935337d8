"""Documents that speak in Arabic ("وجاء في بيان لوزارة الخارجية ان", "أصدرت الوزارة بيانا ...") and who issued
them."""
from __future__ import annotations

import re
from typing import Optional, Sequence

from ..records import Mention, Span
from ..text import Token
from .arabic_phrases import _AR_RELATIVE, _PHRASE_BREAK, _is_time
from .arabic_unknown import _ar_unknown_subject
from .cues import _AR_CAME_DOCUMENTS, _AR_DOCUMENTS, Cue, _form_in
from .spans import _first_at, _resolved, _State
from .words import _AR_PREPOSITIONS, _AR_THAT, _normalised

_AR_IN_IT = _normalised(frozenset("فيه فيها فيهما".split()))

_AR_ISSUED_DOCUMENTS = _AR_CAME_DOCUMENTS | _normalised(frozenset(
    "بيانا تقريرا خطابا بلاغا تصريحا تصريحات مقابلة مؤتمرا".split()))


# verbs of issuing whose subject is the document's author ("أصدرت الوزارة بيانا", "صدر عن الجيش بيان"); not of
# receiving ("تسلم الرئيس رسالة من ...": the sender is after من)
_AR_ISSUE_VERBS = _normalised(frozenset(
    "اصدر اصدرت اصدروا صدر صدرت وجه وجهت وجهوا نشر نشرت نشروا وزع وزعت وزعوا عقد عقدت عقدوا القي القت القوا بعث بعثت "
    "ارسل ارسلت قدم قدمت".split()))


_AR_SENDER = _normalised(frozenset("من عن".split()))  # "رسالة من الرئيس", "بيان عن الجيش"

# documents that speak for whoever issued them (`_issuer`): "بيان", "تقرير" ... and "وثيقة", "مذكرة" ("وكشفت وثيقة
# للامم المتحدة ان")
_AR_ISSUERS_DOCUMENTS = _AR_DOCUMENTS | _normalised(frozenset("وثيقة الوثيقة مذكرة المذكرة".split()))


def _issuer_before(text: str, toks: list[Token], i: int, mentions: Sequence[Mention],
                   unknown: bool = False) -> Optional[Mention]:
    """Who issued the document named just before token i ("X قال فيه"): the sender after من/عن ("رسالة من الرئيس
    الروسي"), else the subject of an issuing verb right before the document ("وأصدرت وزارة الخارجية بيانا", "وصدر عن
    قيادة الجيش بيان"), or with `unknown` a phrase the dictionary lacks there (`_unknown_issuer`); None when no
    document is named or its author is not there."""
    d = next((k for k in range(i - 1, max(-1, i - 9), -1) if toks[k].norm in _AR_ISSUED_DOCUMENTS), None)
    if d is None:
        return None
    if d + 2 < i and toks[d + 1].norm in _AR_SENDER:
        sender = next((m for m in mentions if m.start == toks[d + 2].start), None)
        if sender is not None:
            return sender
    before = next((m for m in mentions if m.end <= toks[d].start and not text[m.end : toks[d].start].strip(" ،,")), None)
    # ("وجهت الحكومة الهولندية، نداء الى ... ناشدتهم فيه": a comma may set the document off)
    if before is None:
        return _unknown_issuer(text, toks, d) if unknown else None
    first = _first_at(toks, before.start)
    for k in range(first - 1, max(-1, first - 4), -1):  # the verb, over "عن" and a head noun ("عقد زعيم المعارضة")
        if _form_in(toks[k], _AR_ISSUE_VERBS):  # ("وجهت": و is the root's)
            head = k + 2 if toks[k + 1].norm in _AR_SENDER else k + 1  # "صدر عن قيادة الجيش": from قيادة
            return Mention(Span.of(text, toks[head].start, before.end), before.actor) if head < first else before
        if _PHRASE_BREAK.search(text[toks[k].end : toks[k + 1].start]):
            break
    return None


def _unknown_issuer(text: str, toks: list[Token], d: int) -> Optional[Mention]:
    """The words between an issuing verb and the document at token d, when they are a short phrase the dictionary
    lacks ("وقدمت أسرة الصبي المتوفي بلاغا", "وأصدرت اليوم عائلة الضحية بيانا": past the time word): two to four
    words, no punctuation, not opening with a preposition, a pronoun or a word of a definite phrase governed by one
    ("بالوزارة", "للحكومة"); None otherwise."""
    for k in range(d - 2, max(-1, d - 7), -1):
        if _PHRASE_BREAK.search(text[toks[k].end : toks[d].start]):
            return None
        if _form_in(toks[k], _AR_ISSUE_VERBS):
            j = k + 1
            while j < d and _is_time(toks, j):
                j += 1  # "وأصدر أمس بيانا": no issuer named
            first = toks[j] if j < d else None
            if first is None or d - j < 2 or first.norm in _AR_PREPOSITIONS or first.norm in _AR_THAT \
                    or first.norm in _AR_RELATIVE or first.norm in _AR_PRONOUNS or first.norm.startswith(("بال", "لل")):
                return None
            return Mention(Span.of(text, first.start, toks[d - 1].end))
    return None


_AR_PRONOUNS = _normalised(frozenset("هو هي هم هما هن نحن انا أنا انت أنت".split()))


def _document_speaker(text: str, toks: list[Token], cue: Cue, mentions: Sequence[Mention], state: _State):
    """(speaker, content start) for "وجاء في <document> ... ان": whoever issued it ("بيان لوزارة الخارجية", "بيان
    الخارجية", "رسالة بعث بها الرئيس الفرنسي الى ...", "البيان الختامي للقمة العربية"), else the document itself
    ("نص النداء", "البيان"), or the previous speaker for "في بيانه". The content starts at the complementiser."""
    j = cue.token_index + 2
    doc = toks[j]
    # the document phrase runs to the complementiser (or a colon) at most twelve words on
    end = next((k for k in range(j + 1, min(len(toks), j + 13))
                if toks[k].norm in _AR_THAT or ":" in text[toks[k - 1].end : toks[k].start]), None)
    content_from = toks[end].start if end is not None else doc.end
    if doc.norm not in _AR_CAME_DOCUMENTS:  # a possessive: "وجاء في كلمته"
        return (_resolved(state), doc.end) if state.last_speaker is not None else None
    limit = toks[end].start if end is not None else toks[min(len(toks) - 1, j + 3)].end
    for x in mentions:  # the first mention after the document that is not an addressee or a place
        if doc.end <= x.start and x.end <= limit:
            k = next(t for t in range(j + 1, len(toks)) if toks[t].end > x.start)  # the token x starts in
            if k > 0 and toks[k - 1].norm in ("الى", "إلى", "امام", "أمام", "في", "على", "ضد"):
                continue
            if k == j + 1 or toks[k - 1].norm in _AR_SENDER | {"صادر", "الصادر"} or toks[k].norm.startswith("ل"):
                # construct, من/عن, لـ: "تقرير منظمة العفو", "بيان صادر عن الجيش", "بيان لوزارة الخارجية"
                return Mention(Span.of(text, doc.start, x.end), x.actor), max(x.end, content_from)
            if re.search(r"(?:ها|ه)$", toks[k - 1].norm):  # "رسالة بعث بها الرئيس", "تقرير نشرته صحيفة"
                return x, max(x.end, content_from)
            break
    m = Mention(Span.of(text, doc.start, doc.end))
    nxt = toks[j + 1] if j + 1 < len(toks) and not _PHRASE_BREAK.search(text[doc.end : toks[j + 1].start]) else None
    if nxt is not None and text[nxt.start : nxt.start + 2] == "ال" and nxt.norm not in _AR_THAT | _AR_RELATIVE:
        m = Mention(Span.of(text, doc.start, nxt.end))  # "نص النداء": the document named in construct
    issued = _issuer(text, toks, m, mentions)  # "بيان لوزارة الخارجية", "بيان صادر عن الجيش"
    return issued, max(issued.end, content_from)


def _issuer(text: str, toks: list[Token], m: Mention, mentions: Sequence[Mention]) -> Mention:
    """A document speaks for whoever issued it: "أفاد بيان صادر من الوزارة" -> the span runs over the ministry, with its
    actor when known ("بيان صادر عن X", "بيان لـX", "تقرير الصادر عن X", and a known actor in construct, "بيان منظمة
    المؤتمر الاسلامي"). Unchanged otherwise."""
    k = next((k for k, t in enumerate(toks) if t.start == m.start), None)
    if k is None or toks[k].norm not in _AR_ISSUERS_DOCUMENTS:
        return m
    j = k + 1
    if j < len(toks) and toks[j].norm in ("صادر", "الصادر", "صادرا"):
        j += 1
    if j >= len(toks) or _PHRASE_BREAK.search(text[toks[j - 1].end : toks[j].start]):
        return m
    construct = next((x for x in mentions if x.start == toks[j].start and x.actor is not None), None) \
        if j == k + 1 and m.end <= toks[k].end and not toks[k].norm.startswith("ال") else None
    if construct is not None:  # "وقال بيان منظمة المؤتمر الاسلامي ان": the body named in construct (a definite
        # document heads none: "وهددت الرسالة النمسا", the letter threatened Austria)
        return Mention(Span.of(text, m.start, construct.end), construct.actor)
    if toks[j].norm in ("عن", "من") and j + 1 < len(toks):
        j += 1
    elif not (toks[j].norm.startswith("ل") and len(toks[j].norm) > 3):  # "بيان لوزارة الدفاع"
        return m
    who = next((x for x in mentions if toks[j].start <= x.start < toks[j].end + 1), None)
    if who is None:
        unk = _ar_unknown_subject(text, toks, j, mentions) if toks[j].norm.startswith("ال") else None
        if unk is None:
            return m
        return Mention(Span.of(text, m.start, unk.end))
    return Mention(Span.of(text, m.start, who.end), who.actor)
