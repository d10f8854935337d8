"""Targets: the actors a statement is about.

A target is an actor mention inside the statement's content, or the object of an evaluative cue ("X accused Y",
"اتهم X Y"), which sits between the speaker and the content. The speaker itself (same mention or same actor) is
never its own target; one mention per actor and statement is kept (the first; an Arabic country adjective that
qualifies a noun, "هضبة الجولان السورية", leaves the country named later, "دمشق", a target of its own).

>>> from stance.records import Mention, Span, Statement
>>> text = "Hammond said Russia was bombing the opposition."
>>> st = Statement("d", "d:1", Mention(Span(0, 7, "Hammond")), Span(8, 12, "said"), Span(13, 46, text[13:46]))
>>> [t.text for t in find_targets(st, [Mention(Span(0, 7, "Hammond")), Mention(Span(13, 19, "Russia"))])]
['Russia']
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional, Sequence

from .actors import AR_OUTLET_NOUNS, is_people
from .attribution.arabic_phrases import _AR_COUNTRIES_LIKE_ADJECTIVES
from .attribution.words import AFFILIATED_TO as _AFFILIATED_TO, PLACE_HEADS as _PLACE_HEADS
from .records import Mention, Span, Statement
from .normalize import word_key
from .text import normalize_arabic

_PRONOUNS = frozenset(
    "he she they it we i him her them us his its their il elle ils elles lui leur eux هو هي هم هما نحن".split()
)


# countries whose own name ends like a nisba ("مالي" is Mali, not an adjective; "السعودية" is Saudi Arabia)
NISBA_SHAPED_NAMES = frozenset(normalize_arabic(w) for w in "مالي جيبوتي هايتي تشيلي بوروندي ملاوي زيمبابوي".split())
_NISBA_SHAPED_NOUNS = NISBA_SHAPED_NAMES | _AR_COUNTRIES_LIKE_ADJECTIVES


# words before a place that is only a location ("غارات في سوريا", "strikes in Syria", "à Moscou")
_LOCATIVE = frozenset(
    """في داخل قرب نحو الى إلى انحاء أنحاء شمال جنوب شرق غرب وسط مدينه مدينة العاصمه العاصمة عاصمه عاصمة
    in into to at near across throughout inside dans à au aux en vers près""".split()
)


# what joins the speaker to a mention that stands on the speaker's side: a co-speaker ("اعلنت وزارة الداخلية الافغانية
# وقوات الحلف الاطلسي") or the speaker's own body ("مصدر امني في شرطة البصرة", "النقيب محمد جاسم من شرطة كركوك")
_SPEAKER_SIDE_GAPS = frozenset((" و", " و ", " and ", " في ", " من "))


def _words_before(m: Mention, text: str, width: int) -> tuple[str, list[str]]:
    """The `width` characters before a mention and the words among them."""
    before = text[max(0, m.start - width) : m.start]
    return before, re.findall(r"[\w\u0600-\u06ff]+", before)


def is_location(m: Mention, text: str) -> bool:
    """A country or place mention used as a location: after a locative preposition, or with a `في`/`ب` clitic
    ("بسوريا" is ambiguous, so only `في` as a separate word and the listed words count)."""
    if m.actor is None or m.actor.type != "country":
        return False
    before, words = _words_before(m, text, 20)
    if not words:
        return False
    prev = words[-1].lower()
    if before.rstrip() != before.rstrip(" «\"“'"):  # a quoted name is a name, not a place
        return False
    return prev in _LOCATIVE and before.endswith((" ", "'", "’"))


# a bare compass word is a direction ("شمال غرب"), never an actor ("الغرب", "the West" are)
_DIRECTIONS = frozenset("شمال جنوب شرق غرب".split())


# heads whose nationality adjective names where or whose, not an actor that acts ("الأراضي الفلسطينية", "صحيفة
# «هآرتس» الاسرائيلية")
_ADJECTIVE_PLACE_HEADS = frozenset("اراضي أراضي حدود مدن عاصمة عاصمه ساحة ساحه صحيفة صحيفه جريدة جريده".split())


def is_place_name(m: Mention, text: str) -> bool:
    """A mention that names a place after a place head ("في مدينة الصدر" → not Moqtada al-Sadr), a nationality
    adjective of a place or a newspaper ("الأراضي الفلسطينية"), or a bare compass word."""
    if m.text in _DIRECTIONS:
        return True
    before, words = _words_before(m, text, 30)
    if not words or not before.endswith((" ", "» ")):
        return False
    prev = words[-1].lower()
    if prev in _PLACE_HEADS or (prev[:1] in "وبل" and prev[1:] in _PLACE_HEADS):
        return True
    adjective = m.actor is not None and m.actor.type == "country" and m.text.endswith(("ي", "ية", "يه"))
    if not adjective:
        return False
    if before.endswith("» ") and len(words) >= 2:  # صحيفة «هآرتس» الاسرائيلية
        prev = words[-2]
    head = prev[2:] if prev.startswith("ال") else prev
    return head in _ADJECTIVE_PLACE_HEADS or prev in _ADJECTIVE_PLACE_HEADS


def is_source(m: Mention, text: str) -> bool:
    """Who the report comes from ("حسب وكالة الصحافة الفرنسية", "according to Reuters", "selon l'AFP"), not what
    it is about."""
    before = text[max(0, m.start - 30) : m.start]
    return bool(re.search(r"(?:^|\s)(?:حسب|بحسب|وفق|وفقا\s*ل|وفقاً\s*ل|نقلا\s+عن|نقلاً\s+عن)\s*«?\s*$"
                          # "حسبما افادت وكالة ...", "على ما افاد مراسل ...": the source verb and its subject
                          r"|(?:^|\s)و?(?:(?:حسب|بحسب|وفق|على)\s*ما|كما)\s+(?:[اأ]فاد|[اأ]علن|ذكر|قال|[اأ]ورد|نقل)[ته]?"
                          r"(?:\s+به)?\s+(?:مراسلو?\s+)?«?\s*$"
                          r"|\baccording\s+to\s+$|\bselon\s+(?:l['’]|le\s+|la\s+|les\s+)?$", before, re.IGNORECASE))


def is_addressee(m: Mention, text: str) -> bool:
    """The one a statement is told to ("نفت مصادر لـ«الشرق الأوسط»", "told Reuters"), not what it is about."""
    before = text[max(0, m.start - 8) : m.start]
    return bool(re.search(r"(?:^|\s)(?:لـ|ل)«?\s*$|\btold\s+$", before))


# words of speaking or contact before "لـ«X»" / "مع «X»" that make X the outlet told, not an actor talked about
_TOLD = r"(?:تحدث|تحدثت|حديث|حديثه|تصريح|تصريحات|تصريحه|اتصال|مقابلة|لقاء|قال|قالت|صرح|أكد|اكد|أوضح|اوضح|أضاف|اضاف|أشار|اشار|كشف|أبلغ|ابلغ)"


# newspapers and channels that Arabic news quotes itself as told ("قال X لـ«الشرق الأوسط»"), by normalised name
_OUTLETS = frozenset(normalize_arabic(w) for w in (
    "الشرق الأوسط", "الحياة", "السفير", "النهار", "الجزيرة", "العربية", "رويترز", "الأهرام", "القدس العربي", "الخليج"))


_TOLD_TO = r"(?:لـ\s*«|مع\s+«)\s*$"  # "لـ«" / "مع «" right before the name
_TOLD_TO_RE = re.compile(r"(?:^|\s)" + _TOLD_TO)
_TOLD_OUTLET_RE = re.compile(r"(?:^|\s)[وف]?" + _TOLD + r"\S*\s+(?:\S+\s+){0,2}" + _TOLD_TO)


_TOLD_OUTLET_NOUN_RE = re.compile(r"(?:^|\s)[وف]?ل(?:" + "|".join(AR_OUTLET_NOUNS) + r")\s*«\s*$")


# "a déclaré sur la chaîne CBS", "affirme au média russe RT", "said on the Fox News channel" is where, not about whom
_LATIN_OUTLET_NOUN_RE = re.compile(
    r"\b(?:à|au|aux|sur|dans|to|on|in)\s+(?:l['’]|la\s+|le\s+|les\s+|the\s+)?(?:chaîne|journal|quotidien|hebdomadaire|"
    r"radio|télévision|média|site|channel|network|newspaper|broadcaster|station)(?:\s+[a-zà-ÿ-]+){0,2}\s*[«\"“]?\s*$",
    re.IGNORECASE)


def told_outlet(m: Mention, text: str) -> bool:
    """The outlet a statement was given to, wherever it stands: "تحدث لـ«الشرق الأوسط»", "في اتصال مع «الحياة»" (a
    quoted name right after لـ or مع: a known outlet, or any name with a word of speaking or contact at most two words
    before). "الجناح العسكري لـ«حماس»" and "تتفاوض مع «حماس»" keep Hamas."""
    before = text[max(0, m.start - 60) : m.start]
    if _LATIN_OUTLET_NOUN_RE.search(before):
        return True
    if _TOLD_OUTLET_NOUN_RE.search(before):
        return True  # "لصحيفة «الحياة»", "لوكالة «رويترز»": the outlet noun says what it is
    if not _TOLD_TO_RE.search(before):
        return False
    return normalize_arabic(m.text) in _OUTLETS or bool(_TOLD_OUTLET_RE.search(before))


def find_targets(statement: Statement, mentions: Sequence[Mention], text: Optional[str] = None) -> list[Mention]:
    """Target mentions of `statement`, in text order. `text` (the article) lets place-only mentions be dropped."""
    content = statement.content
    speaker = statement.speaker
    lo = content.start
    if statement.cue is not None and statement.cue.end < content.start and statement.cue_kind in (None, "eval"):
        lo = statement.cue.end  # the object of an evaluative cue comes before the content
        if speaker is not None and not speaker.resolved and lo <= speaker.start < content.start:
            lo = speaker.end  # verb-subject-object: "اتهم الوزير اسرائيل ..."
    hi = content.end
    seen: set[str] = set()
    seen_adjectives: set[str] = set()
    out: list[Mention] = []
    side_end = speaker.end if speaker is not None else 0  # where the speaker and its co-speakers end
    for m in sorted(mentions, key=lambda m: m.start):
        inside = lo <= m.start and m.end <= hi or _object_in_cue(statement, m)
        if not inside or m.text.lower() in _PRONOUNS:
            continue
        if speaker is not None:
            if m.span.overlaps(speaker.span) and not speaker.resolved:
                continue
            if drops_own_side(statement, m, text):
                continue
            gap = text[side_end : m.start] if text is not None else ""
            if text is not None and not speaker.resolved and (gap in _SPEAKER_SIDE_GAPS
                                                              or _AFFILIATED_TO.fullmatch(text, side_end, m.start)):
                if gap.strip() == "و":  # co-speakers go on: "حماس والجهاد الاسلامي والجبهة الشعبية" (not what
                    side_end = m.end  # "حذر X من A وB" warns of)
                continue  # a co-speaker or the speaker's own body, named right after the speaker (or after
                # "التابعة لـ": the body it belongs to), or after another co-speaker
        if statement.cue is not None and m.span.overlaps(statement.cue) and not _object_in_cue(statement, m):
            continue
        if text is not None and (is_location(m, text) or is_place_name(m, text)):
            continue
        if text is not None and (m.start < content.start and is_addressee(m, text) or told_outlet(m, text)):
            continue
        if text is not None and is_source(m, text):
            continue
        if m.key in seen:
            continue
        if text is not None and statement.lang == "en" and _modifies_a_name(m, mentions, text):
            continue
        adjective = text is not None and statement.lang == "ar" and _country_adjective(m, text)
        if m.key in seen_adjectives and (adjective or _nisba_shaped(m)):
            continue  # the country again as an adjective ("بأيد عراقية" after "السيطرة العراقية")
        if adjective:
            seen_adjectives.add(m.key)
        else:
            if m.key in seen_adjectives:  # the country named by a noun later is its one target ("دمشق" after
                out = [x for x in out if x.key != m.key]  # "هضبة الجولان السورية"), not a second one
            seen.add(m.key)
        out.append(m)
    return _without_repeats(out, text)


def _country_adjective(m: Mention, text: str) -> bool:
    """An Arabic country mention that is a definite feminine nisba right after a definite word, one space apart
    ("هضبة الجولان السورية", "التنظيمات المسلحة الفلسطينية", "للحكومة السورية"): it qualifies that phrase, and the
    country itself named later in the statement ("طهران ودمشق", "الفلسطينيون يقصفون") is a target of its own.

    >>> t = "الانسحاب من هضبة الجولان السورية"
    >>> from stance.records import Actor
    >>> syr = Actor("SYR", "Syria", "country")
    >>> _country_adjective(Mention(Span(25, 32, "السورية"), syr), t)
    True
    >>> _country_adjective(Mention(Span(0, 7, "السورية"), syr), "السورية تعلن")
    False
    """
    if m.actor is None or m.actor.type != "country" or " " in m.text.strip():
        return False
    word = normalize_arabic(m.text)
    if not word.startswith("ال") or not word.endswith("يه") or len(word) < 6:
        return False
    before = text[max(0, m.start - 40) : m.start]
    if not before.endswith(" ") or before.endswith("  "):
        return False
    prev = normalize_arabic(before.split()[-1]) if before.split() else ""
    prev = prev[1:] if prev[:1] in ("و", "ف") and prev[1:3] in ("ال", "لل") else prev
    return prev.startswith(("ال", "لل")) or prev[:1] in ("ب", "ك") and prev[1:3] == "ال"


def _nisba_shaped(m: Mention) -> bool:
    """An Arabic mention whose last word ends like a singular nisba adjective ("عراقية", "الاسرائيلي"), not a
    country's own name ("سوريا", "مالي", "السعودية")."""
    words = normalize_arabic(m.text).split()
    if not words:
        return False
    word = words[-1]
    return word.endswith(("ي", "يه")) and word not in _NISBA_SHAPED_NOUNS \
        and word.removeprefix("ال") not in _NISBA_SHAPED_NOUNS


# role words between a modifier and the name it qualifies: "GOP contender Jeb Bush", "Republican presidential
# candidate Donald Trump" (English word order): qualifiers, then a role noun right before the name
_ROLE_QUALIFIERS = frozenset("""presidential former prime foreign defense defence party primary state senate house
    campaign""".split())
_ROLE_NOUNS = frozenset("""candidate candidates contender nominee hopeful rival senator governor mayor leader president
    chairman chairwoman front-runner frontrunner opponent challenger businessman billionaire congressman congresswoman
    representative lawmaker minister secretary spokesman spokeswoman official chief ally manager adviser advisor
    strategist""".split())
_ROLE_WORDS = _ROLE_QUALIFIERS | _ROLE_NOUNS
_ROLE_RUN = re.compile(r"\s+((?:[a-z][\w-]*\s+){1,4})")


def _modifies_a_name(m: Mention, mentions: Sequence[Mention], text: str) -> bool:
    """`m` qualifies the name after it through role words only ("GOP contender Jeb Bush": GOP; "Donald Trump campaign
    manager Corey Lewandowski": Donald Trump): the name is the one meant, `m` is no target of its own."""
    run = _ROLE_RUN.match(text, m.end)
    words = run.group(1).split() if run else []
    if not words or words[-1] not in _ROLE_NOUNS or not all(w in _ROLE_WORDS for w in words):
        return False
    return any(x.start == run.end() for x in mentions)


def _object_in_cue(statement: Statement, m: Mention) -> bool:
    """A name inside an English or French cue phrase after its verb is its object ("Romney went after [Trump] on
    Wednesday over", one cue as the English attribution tagger reads it), not part of the cue."""
    cue = statement.cue
    if statement.lang == "ar" or cue is None or not (cue.start < m.start and m.end <= cue.end):
        return False
    first = cue.text.split()[0] if cue.text.split() else ""
    return m.start >= cue.start + len(first) + 1


def _words_keys(m: Mention, text: Optional[str]) -> tuple[list[tuple[str, ...]], tuple[int, int]]:
    """An Arabic mention's readings as the dictionary matches words (`word_key`): as written, and, after a fused "ل",
    with the article's alef put back ("لشرطة" of "للشرطة" is "الشرطة"; "للاجئين" may be "لاجئين" too); and how
    marked its form is, (a preposition ب ل ك fused to it, no article), compared as a pair: "الشرطة" (0, 0) before
    "سجين" (0, 1) before "لشرطة" (1, 0). No readings for a mention that is not Arabic."""
    ws = [normalize_arabic(w) for w in m.text.split()]
    if not ws or not any("\u0600" <= c <= "\u06ff" for c in ws[0]):
        return [], (0, 0)
    before = text[m.start - 1] if text is not None and m.start > 0 else ""
    fused = before in "بلك" and before != ""  # "لـ", "بـ" left out of the span ("و" and "ف" are no preposition)
    readings = [tuple(word_key(w) for w in ws)]
    if before == "ل" and ws[0].startswith("ل"):
        readings.append(tuple(word_key(w) for w in ["ا" + ws[0], *ws[1:]]))
    return readings, (int(fused), int(not ws[0].startswith("ال")))


def _without_repeats(found: list[Mention], text: Optional[str]) -> list[Mention]:
    """The targets of one Arabic statement without the bare repeats of another: a mention of no known actor whose
    words open a longer target of the statement ("الجيش" beside "الجيش اللبناني", "المعارضة" beside "المعارضة
    اللبنانية"), or are another's in a more marked form ("لشرطة" of "للشرطة", or "سجين", beside "الشرطة", "السجين";
    of two alike, "المتظاهرين" and "المتظاهرون", the first), names that actor again: the fuller, plainer or first
    mention stays. Mentions in Latin script are left alone ("John" beside "John Kerry" may be another John).

    >>> ms = [Mention(Span(0, 5, "الجيش")), Mention(Span(9, 23, "الجيش اللبناني")), Mention(Span(30, 37, "الحكومة"))]
    >>> [m.text for m in _without_repeats(ms, None)]
    ['الجيش اللبناني', 'الحكومة']
    >>> t = "قال ان سجين هرب وان السجين اعتقل"
    >>> [m.text for m in _without_repeats([Mention(Span(7, 11, "سجين")), Mention(Span(20, 26, "السجين"))], t)]
    ['السجين']
    """
    keys = [_words_keys(m, text) for m in found]

    def opens(i: int, j: int) -> bool:  # a reading of mention i opens one of mention j, and j is fuller or plainer
        for k in keys[i][0]:
            for other in keys[j][0]:
                if other[: len(k)] == k and (len(other) > len(k) or keys[j][1] < keys[i][1]
                                             or (len(other) == len(k) and keys[j][1] == keys[i][1] and j < i)):
                    return True
        return False

    return [m for i, m in enumerate(found)
            if not (m.actor is None and keys[i][0] and any(j != i and opens(i, j) for j in range(len(found))))]


def is_own_side(speaker: Mention, m: Mention, text: Optional[str] = None) -> bool:
    """Whether `m` is the speaker itself (the same actor, or the same words when neither is known) or its own country
    as a whole; not its people ("وندد الرئيس المصري بقتل المصريين", "وأكدت مصر حرصها على سلامة المصريين"), unless
    the people itself speaks ("وقال يمنيون إن اليمنيين يعانون")."""
    if speaker.actor is None and m.actor is None and m.text == speaker.text:
        return True  # an unknown speaker named again
    if (speaker.actor is None or m.actor is None) and _same_latin_name(speaker.text, m.text):
        return True  # "Bernie Sanders -> Sanders", "Ramos -> Journalist Jorge Ramos"
    return (speaker.actor is not None and m.actor is not None
            and m.actor.id in (speaker.actor.id, speaker.actor.affiliation)
            and (is_people(speaker) or not _own_people(m, text)))


# what stands between a statement's content start and its subject: quotation marks or a colon, the complementiser
# ("ان", "بأن", "that", "que", "qu’"), then an article the mention leaves out ("que l'Iran", "that the United States")
# (matched on normalised text: "أن", "إن" are "ان" there)
_QUOTE_MARKS = "«»\"“”'‘’"
_QUOTE = "\\s" + _QUOTE_MARKS
_THAT = r"(?:[وف]?ب?ان(?:ه)?|that|que|qu['’])"
_ARTICLE_BEFORE = r"(?:(?:the|l['’]|la|le|les)\s*)?"
_SUBJECT_GAP = re.compile(rf"[{_QUOTE}:]*(?:{_THAT}[{_QUOTE}]*)?{_ARTICLE_BEFORE}", re.IGNORECASE)
# ... and the words before the subject end with the complementiser, a quotation mark or a colon (the content itself
# often starts after "ان")
_SUBJECT_OPENED = re.compile(rf"(?:(?:^|[{_QUOTE}:]){_THAT}|[{_QUOTE_MARKS}:])[{_QUOTE}]*{_ARTICLE_BEFORE}$",
                             re.IGNORECASE)


def is_own_subject(statement: Statement, m: Mention, text: Optional[str]) -> bool:
    """Whether `m` is the speaker's own side (its country, or the party or body it speaks for) named as the subject
    its reported words open with ("وأضاف المالكي «ان العراق لا يقبل ان يتدخل في شؤون الآخرين»", "وقال مارك ريجيف ...
    ان اسرائيل لم تكن لتتصرف", "Regev a déclaré qu'Israël ..."): the statement is about it, and the annotators keep it
    as a target (`is_own_side` drops it elsewhere: "... ازاء العدوان على العراق"). Only after a verb of saying, with a
    complementiser, quotation mark or colon before it: the object of an evaluative cue is no subject ("وحذر نتنياهو
    اسرائيل من التراجع"), nor is a possessor ("Israel's position"), nor the first words of a sentence the speaker
    tagger gives as content. The speaker itself is no target of its own ("وقال احمدي نجاد ان احمدي نجاد ...")."""
    speaker = statement.speaker
    if text is None or speaker is None or speaker.actor is None or m.actor is None:
        return False
    if statement.cue is None or statement.cue_kind not in ("report", "continue", "participle"):
        return False
    if m.actor.id == speaker.actor.id or m.actor.id != speaker.actor.affiliation:
        return False
    lo = statement.content.start
    if not lo <= m.start or text[m.end : m.end + 2] in ("'s", "’s"):
        return False
    if _SUBJECT_GAP.fullmatch(normalize_arabic(text[lo : m.start])) is None:
        return False
    start = max(0, lo - 20)
    while 0 < start < m.start and not text[start - 1].isspace():
        start += 1  # (from a word's start: "لان" is no "ان")
    return _SUBJECT_OPENED.search(normalize_arabic(text[start : m.start])) is not None


def drops_own_side(statement: Statement, m: Mention, text: Optional[str] = None) -> bool:
    """Whether `m` is no target of `statement` as its speaker's own side (`is_own_side`), unless it is the subject
    the statement's words open with (`is_own_subject`)."""
    return is_own_side(statement.speaker, m, text) and not is_own_subject(statement, m, text)


_LATIN_WORD = re.compile(r"[A-Za-zÀ-ÿ][\w.-]*")


def _same_latin_name(a: str, b: str) -> bool:
    """Two Latin-script names of one person: the same last word, and the words of one (titles and a possessive
    left out) all in the other ("Sanders" / "Bernie Sanders", "Mrs. Clinton" / "Clinton", "candidate Hillary
    Clinton" / "Clinton"; not "Erica Garner" / "Eric Garner", nor "Bill Clinton" / "Hillary Clinton").

    >>> _same_latin_name("Ramos", "Journalist Jorge Ramos"), _same_latin_name("Erica Garner", "Eric Garner")
    (True, False)
    """
    def words(x: str) -> list[str]:
        return [w.lower().rstrip(".") for w in _LATIN_WORD.findall(re.sub(r"['’]s?\b", "", x))
                if w.rstrip(".") not in _NAME_TITLES]
    wa, wb = words(a), words(b)
    if not wa or not wb or wa[-1] != wb[-1] or not re.search(r"[A-Za-z]", a + b):
        return False
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return set(short) <= set(long_)


_NAME_TITLES = frozenset("Mr Mrs Ms Dr Sen Gov Rep Gen Pres President Senator Governor M Mme".split())


def _own_people(m: Mention, text: Optional[str]) -> bool:
    """A country's people named as such ("المصريين", "عشرات العراقيين"), not a nationality adjective after a noun
    ("صاروخين إسرائيليين", "دبلوماسيين مصريين")."""
    if not is_people(m) or text is None:
        return False
    if normalize_arabic(m.text).startswith(("ال", "وال", "لل", "بال")):
        return True
    before = text[: m.start].split()[-1:]
    return bool(before) and (before[0][:1].isdigit() or normalize_arabic(before[0]) in _COUNTS)


_COUNTS = frozenset(normalize_arabic(w) for w in """عشرات مئات آلاف الاف ألوف عدد بعض ثلاثة أربعة اربعة خمسة ستة
    سبعة ثمانية تسعة عشرة اثنين اثنان""".split())


def with_targets(statement: Statement, mentions: Sequence[Mention], text: Optional[str] = None) -> Statement:
    """A copy of `statement` with its targets filled in."""
    return replace(statement, targets=tuple(find_targets(statement, mentions, text)))


def context_span(statement: Statement, text: str, max_chars: int = 1200) -> Span:
    """The text the classifier reads for a statement: its sentence, cut around the content when very long."""
    ctx = statement.context or statement.content
    if ctx.end - ctx.start <= max_chars:
        return ctx
    s = max(ctx.start, min(statement.content.start, ctx.end - max_chars))
    e = min(ctx.end, s + max_chars)
    return Span.of(text, s, e)
