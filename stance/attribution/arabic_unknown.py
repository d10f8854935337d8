"""Arabic speakers the dictionary does not know: the noun phrase right after the verb ("الغربيون ومنظمات غير
حكومية", "متحدث باسمه", "دبلوماسيون اوروبيون", a name of one to three words), extended over the person it names."""
from __future__ import annotations

import re
from typing import Optional, Sequence

from ..actors import counts_people, holds_title, is_outlet
from ..records import Mention, Span
from ..text import Token, normalize_arabic
from .arabic_names import (
    _AR_RANKS,
    _AR_OUTLET_HEADS,
    _AR_POSTED,
    _adjective_shaped,
    _held_in,
    _name_run,
    _unknown_name,
    _with_called_name,
    _with_quoted_name,
)
from .arabic_phrases import (
    _AR_OF_SOMEONE,
    _PHRASE_BREAK,
    _arabic,
    _b_word,
    _is_addressee,
    _is_cue_word,
    _is_time,
    _name_like,
    _nisba,
    _participle_accusative,
    _told_person,
    _told_word,
    _verbal_noun,
    _with_nationality,
)
from .cues import _AR_SAID_OF, _withholds_name
from .spans import _first_at, _token_from
from .words import (
    _AR_ADDRESSEE_HEADS,
    _AR_ALA,
    _AR_FUNCTION,
    _AR_IN_ANSWER,
    _AR_INSTITUTIONS,
    _AR_PREPOSITIONS,
    _AR_ROLE_HEADS,
    _AR_SO_THAT,
    _AR_STOP_NAME,
    _AR_THAT,
    _normalised,
)


def _ar_unknown_subject(text: str, toks: list[Token], j: int, mentions: Sequence[Mention] = (),
                        complement: bool = False) -> Optional[Mention]:
    """The subject right after an Arabic cue when no mention starts there: a noun phrase such as
    `الغربيون ومنظمات غير حكومية` or `وزارة الدفاع`, extended over a following person name
    (`المتحدث باسم الوزارة بيار بايل` -> the name's actor, the whole phrase as span). `complement`: the cue is an
    evaluative verb whose object may follow in ب ("وأشاد الوزير بموقف ...")."""
    if j >= len(toks) or toks[j].norm in _AR_STOP_NAME or toks[j].norm in _AR_THAT or toks[j].norm.startswith(
            ("بال", "لل")) or _verbal_noun(toks[j]) or toks[j].text in _AR_ALA:
        return None
    definite = toks[j].norm.startswith(("ال", "وال"))
    construct = j + 1 < len(toks) and toks[j + 1].norm.startswith("ال") and toks[j + 1].norm not in _AR_STOP_NAME \
        and not re.search(
        r"[،,:\"«»“”]", text[toks[j].end : toks[j + 1].start])
    if not (definite or construct):
        return None
    k = j
    whole = next((m for m in mentions if m.start == toks[j].start and m.end > toks[j].end), None)
    body_actor = None  # "مبعوث الأمم المتحدة": the body a role serves is the speaker's actor
    country = None  # "وزير العدل اللبناني": a nationality adjective makes the phrase speak for that country
    quoted = False
    while k + 1 < len(toks) and k - j < 4:
        nxt = toks[k + 1]
        if nxt.norm in _AR_STOP_NAME or nxt.norm in _AR_THAT or nxt.norm in _AR_SO_THAT or _is_time(toks, k + 1) \
                or nxt.text in _AR_ALA or nxt.norm in _AR_WHEN or nxt.norm == "لدي" or _relays(toks, k + 1) \
                or nxt.norm in _AR_SAID_OF:  # "عن الوزير قوله": the saying is no part of the source's name
            # "ووافق مجلس الوزراء على طلب ...": على (not the name علي) ends it; so do "عندما" and "لدى" (where a
            # role is held)
            break
        if re.search(r"[،,:\"«»“”]", text[toks[k].end : nxt.start]) or _told_person(nxt) \
                and toks[k].norm not in _AR_OF_SOMEONE:
            break  # "وقال الوزير لرئيس الحكومة": the one told is no part of the subject
        if complement and _b_word(nxt) and toks[k].norm not in _AR_B_GOVERNORS \
                and (nxt.norm.startswith("بال") or toks[k].norm.startswith(("ال", "وال")) or _b_word(toks[k])) \
                and not any(t.norm in _AR_THAT for t in toks[k + 2 : k + 5]) \
                and not (any(x.start in (nxt.start, nxt.start + 1) and x.actor is not None for x in mentions)
                         and any(_b_word(t) for t in toks[k + 2 : k + 5])):
            break  # "وأشاد الوزير بموقف السعودية", "ورحب الأمين العام للأمم المتحدة بالاتفاق", "وطالب النائب بإجراء
            # تحقيق بالحادثة": the ب-complement of an evaluative verb; but a known name or place on ب with a
            # ب-phrase after it is the subject's ("رئيس المجلس البلدي ببغداد بتدخل"; an unknown one reads as the
            # complement), so is a ب-phrase the subject governs ("المكلف بتشكيل الحكومة", "المعنية بمكافحة القرصنة
            # أمس ان")
        m = next((m for m in mentions if m.start <= nxt.start < m.end), None)
        after_nxt = toks[k + 2] if k + 2 < len(toks) else None
        if complement and definite and nxt.norm in _AR_ROLE_HEADS and _b_complement_after(toks, k + 1):
            break  # "واتهم المحامي القاضي بالانحياز", "وطالب النائب وزير العدل بالاستقالة": a second role with a
            # ب-complement after it is the object
        if k == j and definite and m is None and nxt.norm.startswith("ال") and not _adjective_shaped(nxt) \
                and (len(nxt.norm) >= 6 and nxt.norm.endswith("ات") and not toks[j].norm.endswith("ات")
                     or _verbal_noun(nxt)) \
                and not (after_nxt is not None and after_nxt.norm in _AR_THAT):
            break  # "ونفى الوزير الاتهامات الموجهة", "ونفى المتحدث الاتهامات،": a definite plural or verbal noun
            # after it is its object (not an adjective or a family name before إن: "النساء المتظاهرات إن")
        if m is None and whole is not None and toks[k].end == whole.end and nxt.norm.startswith("ال") \
                and not _adjective_shaped(nxt) and nxt.norm not in _AR_RANKS and not counts_people(nxt.text) \
                and not (after_nxt is not None and after_nxt.norm in _AR_THAT):
            break  # "رفض رئيس الجمهورية السير في ...": past a whole office or collective, a definite noun that is no
            # adjective, rank, number ("خاطفو الرهائن الصينيين التسعة") or mention is the verb's object, not part of
            # the subject
        if m is None and nxt.norm.startswith("ل") and nxt.norm[1:] not in _AR_ADDRESSEE_HEADS \
                and (toks[j].norm in _AR_ROLE_HEADS or toks[j].norm in _AR_PART_OF_BODY):
            # (not "لوكالة فرانس برس", "لرويترز": told to it)
            # "الأمين العام للأمم المتحدة", "المكتب السياسي لحركة حماس", "الجناح العسكري لـ«حزب الله»": the body a
            # role or a part serves (its mention starts inside "للأمم" or right after "لـ") is its own side
            body = _after_clitic(text, nxt, mentions)
            if body is not None and body.start >= nxt.end and not (
                    text.startswith("»", body.end) and body.actor.type not in ("person", "country")):
                body = None  # "لـ«X»" is the one told ("وقال المسؤول لـ«الشرق الأوسط»", "لـ«روسيا اليوم»") unless
                # the quotes hold a whole body ("المكتب السياسي لـ«حماس»", "الأمين العام لـ«حزب الله»"; an outlet
                # is told, below)
            if body is not None and is_outlet(body):
                break  # "وقال المسؤول لرويترز": the one told
            if body is not None and (toks[j].norm in _AR_ROLE_HEADS or body.actor.type != "person"):
                while k + 1 < len(toks) and toks[k + 1].start < body.end:
                    k += 1
                if body.actor.type != "person":
                    body_actor = body.actor  # (the body's actor: "الأمين العام للأمم المتحدة" speaks for the UN)
                if text.startswith("»", body.end):
                    quoted = True  # "لـ«حماس»": the quote closes the phrase
                    break
                continue
        if (m is None or m.actor is None) and (_told_word(nxt) or _told_outlet(toks, j, k)):
            # "وقال الوزير للصحافيين", "المتحدث باسم الجيش للتلفزيون الرسمي"
            break  # "وقال الوزير لوكالة فرانس برس ان": the one told is no part of the subject (but a body is:
            # "التلفزيون الرسمي لكوريا الشمالية")
        if m is not None:
            if m.actor is not None and m.actor.type == "person" and holds_title(
                    text[toks[j].start : m.start], m.actor, (country.id, country.affiliation) if country else ()):
                return Mention(Span.of(text, toks[j].start, m.end), m.actor)  # title + name: the person speaks
            if m.actor is not None and m.actor.type == "person":
                break  # "وهاجم وزير الخارجية الايراني نتنياهو": another country's person is the object
            if m.actor is not None and k == j and not definite and m.start == nxt.start \
                    and _role_with_body(toks, j, m):
                # "مبعوث الأمم المتحدة لدى اليمن ...": the body in construct with the role is its own side
                while k + 1 < len(toks) and toks[k + 1].start < m.end:
                    k += 1
                body_actor = m.actor
                continue
            if m.actor is not None and country is None and _nisba(m, nxt):
                if not any(_b_word(t) for t in toks[j + 1 : k + 1]):  # ("المبعوث المكلف بالملف السوري": the
                    country = m.actor  # ب-phrase's nationality, no speaker's)
                k += 1
                continue
            if m.actor is not None and toks[k].norm != "باسم":
                break  # a known actor after the subject is its object (but "الناطق باسم حزب ..." is its own side)
            if toks[k].norm.startswith("ال") and m.text.startswith("ال") and toks[k].norm != "باسم" \
                    and not _adjective_shaped(nxt) and (after_m := _token_from(toks, m.end)) is not None \
                    and after_m.norm.startswith("ب"):
                break  # "وطالب رئيس اللجنة الحكومة بالاستقالة": a definite noun with its ب-complement is the object
            while k + 1 < len(toks) and toks[k + 1].start < m.end:  # an unknown name or a collective: part of it
                k += 1
            continue
        k += 1
    end = toks[k].end + 1 if quoted else toks[_past_side(text, toks, j, k, mentions)].end
    return Mention(Span.of(text, toks[j].start, end), country or body_actor)


# what "على" governs after a verb of stressing ("اكد على ضرورة", "شدد على اهمية", "اكد على ان"): with them "علي" is
# the preposition, never the name Ali
_AR_AFTER_ALA = _normalised(frozenset("ضرورة أهمية اهمية أن ان أنه انه أنها انها".split()))

# parts of a body that speak for it ("المكتب السياسي لحركة حماس", "الجناح العسكري لـ«حزب الله»")
_AR_PART_OF_BODY = _normalised(frozenset("المكتب الجناح الذراع اللجنه الهيئه القياده المجلس".split()))


def _after_clitic(text: str, tok: Token, mentions: Sequence[Mention]) -> Optional[Mention]:
    """The known actor right after the ل of `tok`: "للأمم المتحدة", "لحركة حماس", "لـ«حماس»", "لرويترز"."""
    after_clitic = tok.start + 2 if tok.text.startswith("لـ") else tok.start + 1
    return next((x for x in mentions if x.actor is not None and (tok.start < x.start < tok.end or (
        tok.text.startswith("لـ") and tok.end <= x.start and not text[after_clitic : x.start].strip(' «"')))), None)


# words of a subject that govern a ب-phrase of their own ("المكلف بتشكيل الحكومة", "اللجنة المعنية بحقوق الإنسان")
_AR_B_GOVERNORS = _normalised(frozenset("""مكلف المكلف المكلفة المكلفين معني المعني المعنية المعنيين مختص المختص
    المختصة المختصين متخصص المتخصص المتخصصة المعروف المعروفة الخاص الخاصة المهتم المهتمة""".split()))


def _b_complement_after(toks: list[Token], i: int) -> bool:
    """A ب-complement ("بالانحياز", "بالاستقالة", "بدعم") within three words after the noun phrase opening at token i
    (over its definite complements: "وزير العدل بالاستقالة"); not "باسم" (a spokesperson's side)."""
    for k in range(i + 1, min(len(toks), i + 4)):
        if _b_word(toks[k]):
            return True
        if not toks[k].norm.startswith("ال"):
            return False
    return False


_AR_TOLD_PEOPLE = _normalised(frozenset("صحافيين صحفيين مراسلين".split()))


def _told_outlet(toks: list[Token], j: int, k: int) -> bool:
    """Token k+1 is "لل" + an outlet or the journalists after the subject phrase j..k: the one told ("وقال الوزير
    للصحافيين", "وقال المتحدث باسم الجيش للتلفزيون الرسمي"); but after a longer role a bare outlet right before إن
    is its employer ("المدير العام للوكالة إن")."""
    w = toks[k + 1].norm
    if not (w.startswith("لل") and w[2:] in _AR_ADDRESSEE_HEADS):
        return False
    after = toks[k + 2] if k + 2 < len(toks) else None
    return k == j or w[2:] in _AR_TOLD_PEOPLE or after is None or after.norm not in _AR_THAT


def _role_with_body(toks: list[Token], j: int, body: Mention) -> bool:
    """An indefinite singular role at token j in construct with a known body ("مبعوث الأمم المتحدة", "زعيم حزب الله"):
    one speaker, unless a ب-complement follows the body ("واتهم مسؤول حماس بالوقوف وراء الهجوم": Hamas is accused)
    or the head is a plural ("وانتقد مسؤولون الأمم المتحدة": the UN is criticised) or the body a country."""
    w = toks[j].norm
    if w not in _AR_ROLE_HEADS and w not in _AR_POSTED or w.endswith(("ون", "ين")) or body.actor is None \
            or body.actor.type in ("person", "country"):
        return False
    after = _token_from(toks, body.end)  # ("وندد مسؤول حماس بالغارة": the condemned is no accusation)
    return after is None or after.norm not in _AR_B_ACCUSED


def _past_side(text: str, toks: list[Token], j: int, k: int, mentions: Sequence[Mention]) -> int:
    """The last token of a speaker phrase running from token j to k, extended over the side it speaks for
    ("الناطق باسم حزب الاصلاح اليمني المعارض"): that party is the speaker's own side, not a target."""
    if toks[k].norm != "باسم" and k + 1 < len(toks) and toks[k + 1].norm == "باسم":
        k += 1
    if toks[k].norm == "باسم" and k + 1 < len(toks):
        m = next((m for m in mentions if m.start == toks[k + 1].start), None)
        if m is None:
            return k
        k += 1
        while k + 1 < len(toks) and toks[k + 1].start < m.end:
            k += 1
    elif not any(t.norm == "باسم" for t in toks[j : k + 1]):
        return k
    for _ in range(3):  # its adjectives: "اليمني المعارض"
        nxt = k + 1
        if nxt >= len(toks) or not toks[nxt].norm.startswith("ال") or toks[nxt].norm in _AR_STOP_NAME \
                or _is_cue_word(toks[nxt]) or re.search(r"[،,:\"«»]", text[toks[k].end : toks[nxt].start]):
            break
        k = nxt
    return k


_AR_B_ACCUSED = _normalised(frozenset(
    """بارتكاب باستخدام بانتهاك باغتيال باختطاف باستهداف بانه بأنه بانها بأنها بانهم بأنهم بايواء بإيواء بالوقوف
    بالتورط بالضلوع بالتواطؤ""".split()))


_AR_WHEN = _normalised(frozenset("عندما وعندما حينما وحينما بعدما وبعدما لما ولما حين وحين".split()))


# indefinite sources that a body holds ("مسؤول في حماس", "مصادر في وزارة الدفاع")
_AR_SOURCES = _normalised(frozenset("""مصدر مصادر مسؤول مسؤولون مسؤولين مسؤوله قيادي قياديون قياديين عضو اعضاء
    متحدث ناطق""".split()))


# the first word of a body the dictionary does not know ("وزارة الدفاع" of no named country)
_AR_BODY_NOUNS = _normalised(frozenset("""وزارة حركة حزب جماعة منظمة جبهة هيئة مجلس الجيش قوات الحكومة رئاسة مكتب لجنة
    الوزارة الحركة الحزب الجماعة المنظمة الجبهة الهيئة المجلس الرئاسة المكتب اللجنة""".split()))


def _source_in_body(text: str, toks: list[Token], j: int, mentions: Sequence[Mention]) -> Optional[Mention]:
    """An indefinite source held in a known body, with at most three adjectives between ("مسؤول في حماس", "مصادر في
    وزارة الدفاع", "مصدر أمني رفيع المستوى بحركة فتح"): it speaks for the body, which closes the phrase (what follows
    is the content, an addressee, a time word or punctuation), unless a nationality names its country ("مسؤول روسي
    في الأمم المتحدة"). Not a place or a country: "مصدر أمني في بغداد" is no word of the Iraqi state."""
    if toks[j].norm not in _AR_SOURCES:
        return None
    k = j + 1
    while k < len(toks) and k - j <= 4 and toks[k].norm not in ("في", "داخل") \
            and not (toks[k].norm.startswith("ب") and any(m.start == toks[k].start + 1 for m in mentions)) \
            and (not toks[k].norm.startswith("ال") or toks[k].norm == "المستوي") and toks[k].norm not in _AR_FUNCTION \
            and _arabic(toks[k]) and not _is_cue_word(toks[k]) and not _PHRASE_BREAK.search(
                text[toks[k - 1].end : toks[k].start]):
        k += 1
    if k >= len(toks) or k - j > 4 or _PHRASE_BREAK.search(text[toks[k - 1].end : toks[k].start]):
        return None
    tok = toks[k]
    if tok.norm in ("في", "داخل"):
        if k + 1 >= len(toks):
            return None
        body = next((m for m in mentions if m.start == toks[k + 1].start), None)
    else:  # "بحركة فتح"
        body = next((m for m in mentions if m.start == tok.start + 1 and tok.start < m.start < tok.end), None)
    if body is None or is_outlet(body) or (body.actor.type in ("person", "country") if body.actor is not None
                                           else normalize_arabic(body.text.split()[0]) not in _AR_BODY_NOUNS):
        return None
    a = _first_at(toks, body.end)
    after = toks[a] if a < len(toks) else None
    if after is not None and not (after.norm in _AR_THAT or after.norm in _AR_SAID_OF or _is_time(toks, a)
                                  or _withholds_name(toks, a) or _is_addressee(
            text, after, mentions) or re.search(r"[،,:«\"]", text[body.end : after.start])):
        return None  # "وقال مسؤول في حماس يدعى ..." or a longer phrase: left to the rules below
    nationality = next((m for m in mentions for t in toks[j + 1 : k] if m.start == t.start and _nisba(m, t)), None)
    # ("مسؤول روسي في الأمم المتحدة" speaks for Russia)
    return Mention(Span.of(text, toks[j].start, body.end), nationality.actor if nationality else body.actor)


def _source_in_phrase(text: str, toks: list[Token], j: int, mentions: Sequence[Mention]) -> Optional[Mention]:
    """An indefinite source in a body the dictionary does not know or in a place, after "نقل ... عن" ("عن مسؤول في
    الأمن الفيدرالي", "عن مصدر في الشرطة المحلية قوله", "عن مصادر في غزة"): the source noun, "في" and a mention or
    one to three definite words; None when the phrase goes on otherwise (`_source_in_body` takes the known bodies)."""
    if toks[j].norm not in _AR_SOURCES or j + 2 >= len(toks) or toks[j + 1].norm != "في":
        return None
    k = j + 2
    place = next((m for m in mentions if m.start == toks[k].start), None)
    while place is not None and k < len(toks) and toks[k].start < place.end:
        k += 1
    while k < len(toks) and k - j <= 4 and toks[k].norm.startswith("ال") and toks[k].norm not in _AR_STOP_NAME \
            and not _is_cue_word(toks[k]) and not _is_time(toks, k) \
            and not _PHRASE_BREAK.search(text[toks[k - 1].end : toks[k].start]):
        k += 1
    if k == j + 2:
        return None
    a = toks[k] if k < len(toks) else None
    if a is not None and not (a.norm in _AR_THAT or a.norm in _AR_SAID_OF or _withholds_name(toks, k)
                              or _is_time(toks, k) or _PHRASE_BREAK.search(text[toks[k - 1].end : a.start])):
        return None
    return Mention(Span.of(text, toks[j].start, toks[k - 1].end))


def _source_with_body(text: str, toks: list[Token], j: int, mentions: Sequence[Mention]) -> Optional[Mention]:
    """The source at token j after "عن" with the body or place it is in ("عن مسؤول في وزارة الدفاع", "عن مصادر في
    غزة"): `_source_in_body` for a known body, else `_source_in_phrase`."""
    return _source_in_body(text, toks, j, mentions) or _source_in_phrase(text, toks, j, mentions)


def _relays(toks: list[Token], k: int) -> bool:
    """"نقلا عن" at token k, or a dash (a tatweel standing alone) and then "نقلا عن": what follows is the source the
    speaker passes on ("قالت مصادر اسبانية نقلا عن مصادر في مكافحة الارهاب ان", "وافادت معلومات صحافية ـ نقلاً عن
    مصادر امنية ـ ان"; but "اللفتنانت ـ جنرال" is one rank)."""
    if k < len(toks) and not toks[k].text.strip("\u0640"):
        k += 1
    return k + 1 < len(toks) and toks[k].norm == "نقلا" and toks[k + 1].norm == "عن"


def _ar_bare_subject(text: str, toks: list[Token], j: int, mentions: Sequence[Mention], limit: int) -> Optional[Mention]:
    """An indefinite subject right after the verb: a role phrase and the person it names ("عضو كتلة «حزب الله»
    النائب علي عمار"), a role or group noun ("متحدث باسمه", "دبلوماسيون اوروبيون"), or a one- to three-word name
    ("باقري", "علي شاه باكتياوال") that the dictionary does not know."""
    t = toks[j]
    w = t.norm
    if not _arabic(t) or len(w) < 2 or w in _AR_FUNCTION or t.text in _AR_ALA or w.startswith(("بال", "لل", "وال")) \
            or _is_cue_word(t) \
            or _verbal_noun(t) or (w.startswith("لا") and len(w) >= 6):  # "دعت لاجراء انتخابات": a purpose
        return None
    if "\u064b" in t.text or _participle_accusative(w) or w in _AR_IN_ANSWER:
        return None  # an adverbial accusative ("مدافعاً عن القانون", "وقال ردا على سؤال"), not a subject
    if w == "علي" and j + 1 < len(toks) and toks[j + 1].norm in _AR_AFTER_ALA:
        return None  # "وشدد علي ضرورة زيادة": the preposition على as some papers spell it, not the name Ali
    if len(w) >= 5 and w.endswith(("ته", "تها", "تهم", "اته")):
        return None  # a verbal noun with a pronoun ("يزعم محاربته"), not a subject
    inside = _source_in_body(text, toks, j, mentions)
    if inside is not None:
        return inside
    if w in _AR_ROLE_HEADS:  # a role: look for the person it names within a few words
        k, comma = j + 1, False
        while k < len(toks) and k - j <= (14 if comma else 8):
            gap = text[toks[k - 1].end : toks[k].start]
            if toks[k].norm in _AR_THAT or any(q in gap for q in ':"“') or _is_addressee(text, toks[k], mentions):
                break
            comma = comma or bool(re.search(r"[،,]", gap))
            held = _held_in(text, toks[k - 1].end, mentions, bracket=True) if not comma else None
            if held is not None:  # "ممثل منظمة التحرير في لبنان عباس زكي", "وزير ... في الحكومة الإسرائيلية"
                while k < len(toks) and toks[k].start < held:
                    k += 1
                continue
            if not comma and (toks[k].norm in _AR_STOP_NAME or _is_time(toks, k)):
                break
            m = next((m for m in mentions if m.start <= toks[k].start < m.end), None)
            if comma:  # "رئيس حزب الليكود وأقوى المرشحين ...، بنيامين نتنياهو،": only a person in apposition
                if m is not None and m.start == toks[k].start and re.search(r"[،,]\s*$", gap) \
                        and re.match(r"\s*[،,]", text[m.end : m.end + 3]) \
                        and (m.actor is not None and m.actor.type == "person" or _unknown_name(m, toks, k)):
                    return Mention(m.span, m.actor)
                k += 1
                continue
            if m is not None and m.actor is not None and m.actor.type == "person":
                return Mention(Span.of(text, t.start, m.end), m.actor)
            if m is not None and m.start == toks[k].start and _unknown_name(m, toks, k) \
                    and toks[k - 1].norm not in _AR_PREPOSITIONS:  # "ممثل منظمة التحرير في لبنان عباس زكي"
                return Mention(Span.of(text, t.start, m.end))
            if (m is None or m.actor is None) and toks[k - 1].norm in _AR_ROLE_HEADS \
                    and toks[k - 1].norm.startswith("ال") and _name_like(toks[k]) \
                    and not re.search(r"[«»()]", gap):  # a name right after a title: "النائب علي عمار"
                return Mention(Span.of(text, t.start, toks[_name_run(text, toks, k)].end))
            k += 1
    quoted = _with_quoted_name(text, toks, j, mentions)
    if quoted is not None:
        return quoted
    k, nationality = j, None
    while k + 1 < len(toks) and k - j < 2:
        nxt = toks[k + 1]
        called = _with_called_name(text, toks, Mention(Span.of(text, t.start, toks[k].end)))
        if called.end > toks[k].end:  # "شاهد عيان يدعى جمال آدن": the name it is called by
            return called
        if not _arabic(nxt) or nxt.norm in _AR_FUNCTION or _is_time(toks, k + 1) or nxt.text in _AR_ALA \
                or nxt.start >= limit:
            break
        if _PHRASE_BREAK.search(text[toks[k].end : nxt.start]):
            break
        known = next((m for m in mentions if m.start <= nxt.start < m.end and m.actor is not None), None)
        if known is not None and _nisba(known, nxt):
            nationality = known.actor  # "مسؤول أمريكي": the speaker's country
        if known is not None and not _nisba(known, nxt):
            if k == j and known.start == nxt.start and _role_with_body(toks, j, known):
                return Mention(Span.of(text, t.start, known.end), known.actor)  # "زعيم حزب الله": the body it leads
            if known.start == nxt.start and all(x.norm in _AR_INSTITUTIONS for x in toks[j : k + 1]) \
                    and known.actor.type != "person" and nationality is None:
                # "وقالت رئاسة اركان القوات الروسية", "استنكرت رئاسة اقليم كردستان": indefinite institution nouns are
                # in construct with the body after them, which they speak for (no institution speaks bare); not
                # after another head: "وانتقد نواب رئاسة الحكومة" (the MPs criticise it)
                return Mention(Span.of(text, t.start, known.end), known.actor)
            if k == j and known.start == nxt.start and w in _AR_OUTLET_HEADS and known.actor.type != "country":
                # "صحيفة نيويورك تايمز (الأمريكية)": its name
                return _with_nationality(text, toks, Mention(Span.of(text, t.start, known.end), known.actor),
                                         mentions)
            break  # a known actor after the subject is its object; a nisba ("مسؤول امريكي") belongs to it
        if _is_cue_word(nxt) or nxt.norm.startswith(("بال", "لل")) \
                or _is_addressee(text, nxt, mentions) or _withholds_name(toks, k + 1) or _relays(toks, k + 1):
            break  # "مسؤول طلب عدم ذكر اسمه"; "مصادر اسبانية نقلا عن ...": the relay is no part of the source
        k += 1
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    country = next((m for m in mentions if nxt is not None and m.start == nxt.start and _nisba(m, nxt)), None)
    if country is not None and not _PHRASE_BREAK.search(text[toks[k].end : nxt.start]):
        # "مصادر امنية وطبية عراقية": the nationality closes the phrase and names the speaker's country
        return Mention(Span.of(text, t.start, nxt.end), country.actor)
    return Mention(Span.of(text, t.start, toks[k].end), nationality)
