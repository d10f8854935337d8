"""Arabic phrase pieces around a speaker: time words, the one told ("للصحافيين", "لوكالة فرانس برس"), agency
initials and short brackets, name-like words, nisbas and verbal nouns."""
from __future__ import annotations

import re
from typing import Sequence

from ..actors import TO_PRONOUNS, counts_people
from ..normalize import is_arabic
from ..records import Mention, Span
from ..text import Token, normalize_arabic
from .cues import _match_ar, load_cues
from .spans import _first_at, _token_from
from .words import (
    _AR_ADDRESSEE_HEADS,
    _AR_ADVERBS,
    _AR_ALA,
    _AR_FUNCTION,
    _AR_MANNER,
    _AR_ROLE_HEADS,
    _AR_THAT,
    _AR_TIME,
    _normalised,
)


def _verbal_noun(tok: Token) -> bool:
    """A definite verbal noun of the derived forms, by its shape: infiʿāl "الانصياع", istifʿāl "الاستسلام", ifʿāl
    "الافراج" (a long ا before the last letter): the object of the verb before it ("رفضت الانصياع", "وطلب الإفراج"),
    never its speaker. Plurals of other shapes ("الانصار", "الافارقه") are left alone."""
    w = tok.norm
    if len(w) < 7 or w[-2] != "ا":
        return False
    return (len(w) == 8 and w.startswith("الان")) or (len(w) == 9 and w.startswith("الاست")) \
        or (len(w) == 7 and w.startswith("الاف"))


def _nisba(m: Mention, tok: Token) -> bool:
    """A country mention that is a nationality adjective of the word before it ("مسؤول امريكي", "الصحف الاسرائيلية")."""
    return m.actor is not None and m.actor.type == "country" and m.end == tok.end \
        and tok.norm.endswith(("ي", "يه", "يون", "يين"))


def _with_nationality(text: str, toks: list[Token], m: Mention, mentions: Sequence[Mention]) -> Mention:
    """An organisation's mention with the nationality adjective right after it, agreeing with its head ("صحيفة لوموند
    الفرنسية", "معهد ... الأمريكي"): the adjective is part of its name, no content; not "السعودية" (the country, an
    object: "واتهمت منظمة العفو الدولية السعودية بـ") nor a people ("الفرنسيون"). Unchanged otherwise."""
    k = _first_at(toks, m.end)
    if m.actor is None or m.actor.type != "organisation" or k >= len(toks) or text[m.end : toks[k].start].strip():
        return m
    adj = next((x for x in mentions if x.start == toks[k].start and _nisba(x, toks[k])), None)
    head = normalize_arabic(m.text.split()[0])
    w = toks[k].norm
    agrees = w.endswith(("يه", "ي")) if head.removeprefix("ال") not in _AR_ORG_HEADS else \
        w.endswith("يه" if head.endswith("ه") else "ي")  # (a name with no head noun takes either: "هيومن رايتس
    # ووتش الأمريكية", "لوموند الفرنسية")
    if adj is None or w in _AR_COUNTRIES_LIKE_ADJECTIVES or not agrees:
        return m
    return Mention(Span.of(text, m.start, adj.end), m.actor)


# countries whose name is a feminine nisba
_AR_COUNTRIES_LIKE_ADJECTIVES = frozenset({"السعوديه", "سعوديه"})
# head nouns of organisations' names, whose gender the nationality after the name agrees with
_AR_ORG_HEADS = frozenset(normalize_arabic(w) for w in """صحيفة جريدة وكالة قناة إذاعة مجلة منظمة شركة مؤسسة جمعية
    هيئة لجنة مركز معهد مجلس اتحاد حزب حركة جبهة تلفزيون موقع""".split())


def _arabic(tok: Token) -> bool:
    return is_arabic(tok.text[:1])


def _is_cue_word(tok: Token) -> bool:
    """An Arabic reporting or evaluative verb form of the cue lexicon."""
    return _match_ar(tok, False, load_cues()["ar"]) is not None


def _skip_time(toks: list[Token], j: int) -> int:
    """Past time words and adverbs from token j; "يوم" only with its day ("يوم الأحد", "يوم غد", "يوم 12 تموز",
    "يوم الأحد 12/3/2023"; not "منظمو يوم الأرض", nor the number in "يوم الأحد 25 إصابة")."""
    while j < len(toks):
        if _day_of(toks, j):
            j += 2  # "يوم" and its day: a weekday, أمس/غد, or the date's first number
            if toks[j - 1].norm[:1].isdigit():
                first = j - 1
            elif j < len(toks) and toks[j].norm[:1].isdigit() and _a_date(toks, j):
                first, j = j, j + 1
            else:
                continue
            if _a_date(toks, first):  # the rest of the date: "تموز 2014", "من أيار", "/3/2023"
                while j < len(toks) and (toks[j].norm in _AR_MONTHS or toks[j].norm == "من"
                                         and j + 1 < len(toks) and toks[j + 1].norm in _AR_MONTHS
                                         or toks[j].norm[:1].isdigit()):
                    j += 1
        elif toks[j].norm in _AR_TIME or toks[j].norm in _AR_ADVERBS:
            j += 1
        elif toks[j].norm in _AR_MANNER:  # "بلهجة مليئة بالسخرية", "بنبرة حازمة": the manner and its adjective
            j += 1
            if j < len(toks) and toks[j].norm.endswith("ه") and not toks[j].norm.startswith("ال"):
                j += 1
                j += j < len(toks) and toks[j].norm.startswith("بال")
        elif toks[j].norm in ("هذا", "هذه") and j + 1 < len(toks) and toks[j + 1].norm in _AR_THIS_TIME:
            j += 2  # "وقال هذا الأسبوع إن": this week, no subject
        else:
            break
    return j


_AR_THIS_TIME = frozenset(normalize_arabic(w) for w in "الأسبوع العام الشهر السنة اليوم الأيام المساء الصباح".split())


def _day_of(toks: list[Token], j: int) -> bool:
    """"يوم" before a weekday, yesterday, tomorrow or a date ("يوم الثلاثاء", "يوم أمس", "يوم 12")."""
    return toks[j].norm == "يوم" and j + 1 < len(toks) and (
        toks[j + 1].norm in _AR_WEEKDAYS or toks[j + 1].norm[:1].isdigit())


def _is_time(toks: list[Token], k: int) -> bool:
    """A time word at token k: "أمس", "الثلاثاء", "يوم" of a day (`_day_of`; "يوم الأرض" is a name)."""
    return k < len(toks) and (toks[k].norm in _AR_TIME or _day_of(toks, k))


_AR_WEEKDAYS = frozenset("الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت امس غد غدا".split())


def _a_date(toks: list[Token], j: int) -> bool:
    """The number at token j opens a date: a month follows ("12 تموز", "3 من أيار"), or two more numbers, each right
    after one separator ("12/3/2023"; not "1,200" nor "2.5")."""
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    after = toks[j + 2] if j + 2 < len(toks) else None
    if nxt is None:
        return False
    if nxt.norm in _AR_MONTHS:
        return True
    return after is not None and (nxt.norm == "من" and after.norm in _AR_MONTHS or nxt.norm[:1].isdigit()
                                  and nxt.start == toks[j].end + 1 and after.norm[:1].isdigit()
                                  and after.start == nxt.end + 1)


_AR_MONTHS = frozenset(normalize_arabic(w) for w in """كانون شباط آذار اذار نيسان أيار ايار حزيران تموز آب اب أيلول
    ايلول تشرين الأول الاول الثاني يناير فبراير مارس أبريل ابريل مايو يونيو يوليو أغسطس اغسطس سبتمبر أكتوبر اكتوبر
    نوفمبر ديسمبر""".split())


def _told_word(tok: Token) -> bool:
    """The one told, by the word alone: "لـ" ("لـ«الشرق الأوسط»"), a pronoun ("له"), ل + an outlet or the
    journalists ("لوكالة", "لمراسل")."""
    w = tok.norm
    return w == "ل" or tok.text.startswith("لـ") or w in TO_PRONOUNS \
        or w.startswith("ل") and w[1:] in _AR_ADDRESSEE_HEADS


def _is_addressee(text: str, tok: Token, mentions: Sequence[Mention]) -> bool:
    """`لـ` + a noun: "للصحافيين", "لـ«الشرق الأوسط»", "لوكالة الانباء", "لرويترز" (a mention after the clitic)."""
    w = tok.norm
    if _told_word(tok) or w.startswith("لل"):
        return True
    if not w.startswith("ل"):
        return False
    if _told_person(tok):
        return True
    return any(tok.start < m.start < tok.end and text[tok.start : m.start] in ("ل", "لـ") for m in mentions)


def _told_person(tok: Token) -> bool:
    """ل + an indefinite role noun ("لقاضي التحقيق", "لرئيس الحكومة"): the person a speaker told something."""
    w = tok.norm
    return len(w) >= 4 and w.startswith("ل") and not w.startswith("لل") and w != "لامين" \
        and (w[1:] in _AR_ROLE_HEADS or "ال" + w[1:] in _AR_ROLE_HEADS)


# heads whose ل + role is their own genitive ("مستشار لرئيس الوزراء", "الناطق الرسمي لوزير الداخلية")
_AR_OF_SOMEONE = _normalised(frozenset(
    "مستشار المستشار مستشاره ناطق الناطق متحدث المتحدث مبعوث المبعوث موفد الموفد مساعد المساعد نائب النائب "
    "مدير المدير ممثل الممثل سكرتير السكرتير مرافق الرسمي الخاص الشخصي".split()))


def _skip_addressee(text: str, toks: list[Token], j: int, mentions: Sequence[Mention]) -> int:
    """The token after an addressee phrase at j (its mention, or its quoted name, or the one word), else j. "لي"
    (to me) is one before a definite word or a role ("قال لي الرئيس"); before a name it is Lee ("قال لي ميونغ باك")."""
    if j + 1 < len(toks) and toks[j].norm == "لي" and not text[toks[j].end : toks[j + 1].start].strip() \
            and (toks[j + 1].norm.startswith("ال") or toks[j + 1].norm in _AR_ROLE_HEADS):
        return j + 1
    if j >= len(toks) or not _is_addressee(text, toks[j], mentions):
        return j
    if toks[j].norm in TO_PRONOUNS:
        return j + 1  # "له", "لنا": a pronoun, with no complement of its own
    end = toks[j].end
    m = next((m for m in mentions if toks[j].start <= m.start < toks[j].end + 2), None)
    if m is not None:
        end = max(end, m.end)
    rest = text[toks[j].end : toks[j].end + 2]
    if toks[j].norm == "ل" and ("«" in rest or '"' in rest):  # لـ«الشرق الأوسط»
        close = text.find("»" if "«" in rest else '"', toks[j].end + 2)
        if close != -1 and close - end < 40:
            end = close + 1
    k = j + 1
    while k < len(toks) and toks[k].start < end:
        k += 1
    # the addressee's own complement: "لوكالة الانباء الفرنسية", "للاذاعة الاسرائيلية"
    while k < len(toks) and k - j < 4 and toks[k].norm.startswith("ال") and toks[k].norm not in _AR_ROLE_HEADS \
            and not re.search(r"[،,:\"«»]", text[toks[k - 1].end : toks[k].start]) \
            and not any(mm.start <= toks[k].start < mm.end and not _nisba(mm, toks[k]) for mm in mentions if mm is not m):
        k += 1  # (a nationality adjective too: "لقاضي التحقيق المغربي")
    # the agency's initials in brackets: "لمراسل وكالة الانباء الالمانية (د.ب.أ) بأن"
    paren = _AR_INITIALS.match(text, toks[k - 1].end) if k > j else None
    if paren is not None:
        while k < len(toks) and toks[k].start < paren.end():
            k += 1
    return k


_AR_INITIALS = re.compile(r"\s*\((?:\s*[\u0621-\u064A][.\s]*){2,5}\)")  # "(د.ب.أ)", "(واس)", "(كونا)"


def _participle_accusative(w: str) -> bool:
    """A normalised word shaped like an indefinite participle in the accusative, used as an adverb ("مدافعا عن
    القانون", "ولم يكن مستغربا ان"): م at the start, ا at the end, five letters or more."""
    return w.startswith("م") and w.endswith("ا") and len(w) >= 5


def _name_like(tok: Token) -> bool:
    """A word that can be part of a personal name: Arabic, not definite, not a function, time or role word."""
    w = tok.norm
    return (_arabic(tok) and len(w) >= 2 and not w.startswith(("ال", "لل", "بال", "وال")) and w not in _AR_FUNCTION
            and tok.text not in _AR_ALA and w not in _AR_ROLE_HEADS and not _is_cue_word(tok)
            and not counts_people(tok.text))  # "مصادر امنية مقتل ستة اشخاص": a count is no name


_SHORT_BRACKET = re.compile(r"\s*\([^()\n]{1,30}\)")


def _past_bracket(text: str, toks: list[Token], pos: int) -> int:
    """Past a short bracket right after a speaker when the content follows it (إن, a quotation, a colon): "محمود عباس
    (أبو مازن) إن", "علي حسن خليل (الشيعي) إن"; else `pos`."""
    paren = _SHORT_BRACKET.match(text, pos)
    if paren is None:
        return pos
    nxt = _token_from(toks, paren.end())
    if nxt is not None and nxt.norm in _AR_THAT or re.match(r"\s*[«\":“]", text[paren.end() :]):
        return paren.end()
    return pos


_PHRASE_BREAK = re.compile(r"[،,:\"«»()]")  # punctuation that ends a name or a speaker phrase

_AR_RELATIVE = _normalised(frozenset("الذي التي الذين اللذين اللتين وهو وهي".split()))

_AR_QUANTITY = _normalised(frozenset("عشرات مئات آلاف الاف".split()))


# ب-words inside a title ("المتحدث باسم", "القائم بالأعمال", "الرئيس بالوكالة")
_AR_B_IN_TITLES = _normalised(frozenset("باسم بالاعمال باعمال بالوكالة بالنيابة".split()))


def _b_word(tok: Token) -> bool:
    """A word on the preposition ب that can open a complement ("بموقف", "بالاتفاق"; not "باسم" in a title)."""
    return tok.norm.startswith("ب") and len(tok.norm) > 3 and tok.norm not in _AR_B_IN_TITLES
