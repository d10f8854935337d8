"""Arabic role phrases and the names they hold: "وزير الخارجية البريطاني فيليب هاموند", an office held "لدى"/"في"
a body or place and its holder, names in quotes or in apposition, quantified subjects ("عشرات الفلسطينيين")."""
from __future__ import annotations

import re
from typing import Optional, Sequence

from ..actors import AR_OUTLET_NOUNS, holds_title, name_word_goes_on
from ..records import Actor, Mention, Span
from ..text import Token, normalize_arabic
from .arabic_phrases import (
    _AR_OF_SOMEONE,
    _AR_RELATIVE,
    _AR_QUANTITY,
    _PHRASE_BREAK,
    _arabic,
    _b_word,
    _is_addressee,
    _is_cue_word,
    _is_time,
    _name_like,
    _nisba,
    _past_bracket,
    _skip_addressee,
    _skip_time,
    _told_person,
    _verbal_noun,
)
from .cues import _unprefixed
from .spans import _first_at, _token_from
from .words import (
    _AR_ALA,
    _AR_FUNCTION,
    _AR_INSTITUTIONS,
    _AR_PREPOSITIONS,
    _AR_ROLE_HEADS,
    _AR_STOP_NAME,
    PLACE_HEADS,
    _AR_THAT,
    _AR_TIME,
    _normalised,
)

_FI = r"(?:ف|لد)[\u0640\u064B-\u065F]*[يى][\u064B-\u065F]*\s+«?"  # "في" / "لدى" with marks or tatweel, then

# an optional quote ("السفير الأميركي لدى الأمم المتحدة")
_HELD_IN, _HELD_IN_BRACKET = re.compile(r"\s+" + _FI), re.compile(r"[\s(]+" + _FI)


def _held_in(text: str, pos: int, mentions: Sequence[Mention], bracket: bool = False,
             institution: bool = False) -> Optional[int]:
    """Where a role is held, right after `pos`: " في <known body or place>" ("في الحكومة الإسرائيلية", "في
    «القوات اللبنانية»", "فِي", "فـي"; with `bracket`, also "(في لبنان"; with `institution`, also an institution the
    dictionary lacks: "في وزارة الصحة", "في الشرطة"); the offset after it (past a closing quote), or None."""
    held = (_HELD_IN_BRACKET if bracket else _HELD_IN).match(text[pos:])
    if held is None:
        return None
    place = next((x for x in mentions if x.start == pos + held.end() and (
        x.actor is not None and x.actor.type != "person"
        or institution and x.actor is None
        and re.sub("^ال", "", normalize_arabic(x.text.split()[0])) in _AR_INSTITUTIONS)), None)
    if place is None:
        return None
    return place.end + (1 if held.group().endswith("«") and text[place.end : place.end + 1] == "»" else 0)


def _name_closed(text: str, toks: list[Token], end: int) -> bool:
    """Whether a name ending at `end` ends its phrase: a comma, a colon or a quote after it, or "ان" or a time word
    next ("علي لاريجاني الجمعة في موسكو", "تشارلز أنطوني، ان")."""
    if re.match(r"\s*[،,:«\"]", text[end:]):
        return True
    k = _first_at(toks, end)
    return k < len(toks) and (toks[k].norm in _AR_THAT or _is_time(toks, k))


def _sides(actor: Optional[Actor]) -> tuple[Optional[str], ...]:
    """The ids a role mention's actor names its office for (`holds_title`): an institution and its country."""
    return () if actor is None else (actor.id, actor.affiliation)


def _with_role_holder(text: str, toks: list[Token], m: Mention, mentions: Sequence[Mention],
                      object_b: bool = False, saying: bool = False) -> Mention:
    """A role phrase and the person who holds it, named right after it: "وزير الشؤون الاستراتيجية في الحكومة
    الإسرائيلية، أفيغدور ليبرمن،", "النائب (في تكتل الاكثرية) سمير فرنجية", "الامين العام للمجلس القومي للطفولة
    اميرة الفاضل، ان", or, after a verb of saying that takes no person as its object (`saying`), past a qualifier of
    the role (`_holder_past_qualifier`): the span runs over the name (the person's actor when known). Unchanged
    otherwise."""
    held = _role_holder_named_next(text, toks, m, mentions, object_b)
    if held is not m or not saying:
        return held
    return _holder_past_qualifier(text, toks, m, mentions) or m


def _role_word(w: str) -> bool:
    """A role head, bare or after و / ل / ال / لل / وال ("للزعيم", "والرئيس")."""
    return any(w.startswith(p) and w[len(p) :] in _AR_ROLE_HEADS for p in ("", "و", "ل", "ال", "لل", "وال"))


def _holder_past_qualifier(text: str, toks: list[Token], m: Mention, mentions: Sequence[Mention]) -> Optional[Mention]:
    """A role, a qualifier of it in "لل" or "في" of up to eight words (definite words, known places and bodies, a
    short quoted name), then its
    holder's name closed by a comma, a quote, "ان" or a time word, also past the one told: "منسق معونات الطوارئ للامم
    المتحدة يان ايغلاند ان", "رئيس تجمع الشباب للتوعية الاجتماعية «يازا» زياد عقل لـ«الشرق الاوسط» ان". For a verb
    of saying with no person object only (the caller's test: "وابلغ ... كوفي انان" informs him). The name is no one
    told or served ("لنظيره الروسي سيرغي لافروف", "مستشار للزعيم الليبي معمر القذافي"): any role word in the
    qualifier ends the search, and a known person must be able to hold the role (`holds_title`). The whole phrase,
    with the person's actor when known, else the role's; None otherwise."""
    first = _token_from(toks, m.start)
    if first is None or first.norm not in _AR_ROLE_HEADS or m.actor is not None and m.actor.type == "person":
        return None
    k = _first_at(toks, m.end)
    if k >= len(toks) or text[m.end : toks[k].start].strip() or _role_word(toks[k].norm) \
            or not (toks[k].norm.startswith("لل") and len(toks[k].norm) > 4 or toks[k].norm == "في"):
        return None
    quoted, e, named_before = False, k + 1, False
    while e < min(len(toks), k + 8):
        gap = text[toks[e - 1].end : toks[e].start]
        named_before = named_before or "»" in gap
        for ch in gap:
            quoted = True if ch == "«" else False if ch == "»" else quoted
        if re.search(r"[.،,:;؛!?؟()\"“”]", gap):
            return None
        w = toks[e].norm
        if w in PLACE_HEADS and not quoted:
            e += 1  # "في مدينة غزة": the place's head, its name next
            continue
        at = next((x for x in mentions if x.start == toks[e].start), None)
        person = at is not None and at.actor is not None and at.actor.type == "person"
        if not quoted and "«" not in gap and (
                person or at is not None and _unknown_name(at, toks, e)
                or at is None and named_before and _name_like(toks[e]) and not w.startswith(("ب", "ل", "ك"))
                and _name_run(text, toks, e) > e):
            # (a name the recogniser missed only right after a quoted name: "«يازا» زياد عقل"; else common nouns
            # read as one: "الملك في بيان بمناسبة زيارته")
            if person and not holds_title(text[m.start : at.start], at.actor, _sides(m.actor)):
                return None  # "في العراق نوري المالكي": an Iraqi holds no US command
            end = at.end if at is not None else toks[_name_run(text, toks, e)].end
            told = _skip_time(toks, _skip_addressee(text, toks, _first_at(toks, end), mentions))
            closed = _name_closed(text, toks, end) or told < len(toks) and (
                toks[told].norm in _AR_THAT or re.search(r"[«:\"]", text[toks[told - 1].end : toks[told].start]))
            return Mention(Span.of(text, m.start, end), at.actor if person else m.actor) if closed else None
        if at is not None and at.actor is not None and not quoted:
            e = _first_at(toks, at.end)  # a known place or body the role serves in: "في مدينة غزة", "للامم المتحدة"
            continue
        if not quoted and not (w.startswith(("ال", "لل", "وال")) and not _role_word(w) and not _is_cue_word(toks[e])
                               and not _is_time(toks, e)):
            return None
        e += 1
    return None


def _role_holder_named_next(text: str, toks: list[Token], m: Mention, mentions: Sequence[Mention],
                            object_b: bool = False) -> Mention:
    """`_with_role_holder` for a name right after the role, its post or a comma."""
    first = next((t for t in toks if t.start == m.start), None)
    words = m.text.split()
    chief = first is not None and first.norm in ("كبير", "كبيره") and len(words) > 1 \
        and words[1].startswith("ال")  # "كبير المفاوضين الايرانيين": a chief is a role
    if m.actor is not None and m.actor.type == "person" or first is None \
            or first.norm not in _AR_ROLE_HEADS and not chief:
        return m  # (a country is the role's nationality: "القنصل السعودي في اسطنبول، عبد الوهاب شيخ"; a body the
        # role serves: "الأمين العام للأمم المتحدة، بان كي مون،")
    pos = _held_in(text, m.end, mentions) or m.end
    inside = _held_in(text, m.end, mentions, institution=True) if pos == m.end else None
    if inside is not None and not re.match(r"\s*[،,]\s*و", text[inside:]):
        pos = inside  # "المسؤول في وزارة الصحة سلام جلالي": an institution the dictionary lacks, then its holder
        # (not what a comma and "و" add: "مصدر في شرطة صلاح الدين، وكبرى مدنها تكريت، ان" describes the province)
    if pos == m.end:  # " في الحركة،": a body named by a collective, closed by a comma
        held = _HELD_IN.match(text[pos:])
        body = next((x for x in mentions if held is not None and x.start == pos + held.end()
                     and x.text.startswith("ال")), None)
        if body is not None and re.match(r"\s*[،,]", text[body.end :]):
            pos = body.end
    extra = re.match(r"\s*\([^()]{1,40}\)|\s*[،,]", text[pos:])
    comma = extra is not None and extra.group().strip() in ("،", ",")
    if extra is not None:
        pos += extra.end()
    k = _first_at(toks, pos)
    if k >= len(toks) or not re.fullmatch(r"\s*", text[pos : toks[k].start]):
        return m
    rank = k
    while k + 1 < len(toks) and toks[k].norm in _AR_RANKS \
            and not _PHRASE_BREAK.search(text[toks[k].end : toks[k + 1].start]):
        k += 1  # "المتحدث باسم قوات إيساف، الميجور تشارلز أنطوني": the holder's rank before the name
    if k > rank:
        named = next((x for x in mentions
                      if x.start == toks[k].start and (x.actor is None or x.actor.type == "person")), None)
        # a rank that is also a common noun ("الفريق سيلعب": the team) needs the name closed by a comma, "ان", a
        # quote or a time word; a foreign rank ("الميجور", "الجنرال") does not
        closed = named is not None and _name_closed(text, toks, named.end)
        if named is not None and _name_like(toks[k]) \
                and (closed or all(t.norm in _AR_FOREIGN_RANKS for t in toks[rank:k])):
            return Mention(Span.of(text, m.start, named.end), named.actor or m.actor)
        k = rank  # (no name after it: the rank word is read as before)
    elif chief and not comma and toks[k].norm == "في":
        # "كبير المفاوضين الايرانيين في الملف النووي علي لاريجاني الجمعة": a short qualifier in في, then a known
        # person whose name ends the phrase
        e = k + 1
        while e < len(toks) and e - k <= 3 and toks[e].norm.startswith("ال") \
                and not _PHRASE_BREAK.search(text[toks[e - 1].end : toks[e].start]):
            e += 1
        named = next((x for x in mentions if e < len(toks) and e > k + 1 and x.start == toks[e].start), None)
        if named is not None and named.actor is not None and named.actor.type == "person" \
                and not _PHRASE_BREAK.search(text[toks[e - 1].end : toks[e].start]) \
                and _name_closed(text, toks, named.end):
            return Mention(Span.of(text, m.start, named.end), named.actor)
    if comma and toks[k].norm in _AR_ROLE_HEADS:  # a second role in apposition, then the name: "المسؤول السابق في
        e = k  # الحركة، مستشار رئيس مجلس النواب للشؤون الخارجية حاليا، بلال شرارة، ان"
        while e + 1 < len(toks) and e - k < 10:
            gap = text[toks[e].end : toks[e + 1].start]
            if re.search(r"[:«»\"()]", gap) or toks[e + 1].norm in _AR_THAT:
                return m
            if re.search(r"[،,]", gap):
                break
            e += 1
        else:
            return m
        if e + 1 >= len(toks) or not re.search(r"[،,]", text[toks[e].end : toks[e + 1].start]):
            return m
        k = e + 1
    named = next((x for x in mentions if x.start == toks[k].start), None)
    # `object_b`: the verb takes an object and a ب-complement ("اتهم", "طالب", "هدد")
    if named is not None and named.actor is not None and named.actor.type == "person":
        if not comma and not holds_title(text[m.start : named.start], named.actor, _sides(m.actor)):
            return m  # "شكر رئيس الحكومة انان": the one thanked, not the head of government
        after = _token_from(toks, named.end)
        if object_b and m.actor is not None and m.actor.type != "country" and not comma \
                and named.actor.affiliation != m.actor.id and after is not None and _b_word(after):
            return m  # "واتهم الأمين العام لـ«حزب الله» سمير جعجع بالتآمر": the one accused, not the holder (but
            # "وأشاد الأمين العام لـ«الجامعة العربية» أحمد أبو الغيط بجهود مصر": أشاد has no object before its ب)
        return Mention(Span.of(text, m.start, named.end), named.actor)
    if named is not None and named.actor is not None and named.actor.type != "government":
        return m  # "واتهم زعيم حزب الله اسرائيل بخرق الهدنة": a known country or body is no holder's name (the
        # Arabic dictionary files some officials under their government: "النائب علي حسن خليل" is LBNGOV)
    if not _name_like(toks[k]) or _is_time(toks, k) or _is_addressee(text, toks[k], mentions) \
            and not (_told_person(toks[k]) and toks[k - 1].norm in _AR_OF_SOMEONE):
        return m  # "وقال الوزير لوكالة فرانس برس", "المتحدث لقناة الجزيرة": the one told is no name
    e = _name_run(text, toks, k, definite=True)
    # the name ends the phrase: a comma, "ان" or a quote after it (else the words may be the content), also past
    # the one told and a time word ("نور الدين مازني لـ«الشرق الاوسط» ان", "اميرة الفاضل امس ان")
    told = _skip_time(toks, _skip_addressee(text, toks, e + 1, mentions)) if e + 1 < len(toks) else e + 1
    if told != e + 1 and told < len(toks) and (toks[told].norm in _AR_THAT or re.search(
            r"[«:\"]", text[toks[told - 1].end : toks[told].start])):
        return Mention(Span.of(text, m.start, toks[e].end), m.actor)
    nxt = _token_from(toks, _past_bracket(text, toks, toks[e].end))  # ("علي حسن خليل (الشيعي) إن")
    if e == k and not comma or nxt is not None and not (
            re.search(r"[،,«:]", text[toks[e].end : nxt.start]) or nxt.norm in _AR_THAT
            or _relative_clause_then_that(text, toks, e + 1)):
        return m
    if toks[k].norm.startswith("ب") and (nxt is None or any(
            x.actor is not None and x.actor.type != "person" and toks[k].start <= x.start < toks[e].end
            for x in mentions)):
        return m  # "وأشاد الوزير بموقف السعودية.": a ب-complement is no name (but "بيار بايل، إن" is)
    return Mention(Span.of(text, m.start, toks[e].end), m.actor)


def _relative_clause_then_that(text: str, toks: list[Token], k: int) -> bool:
    """Token k opens a relative clause that runs, within a dozen words and no stop, a quotation or a colon, to "ان":
    "المسؤول في وزارة الصحة سلام جلالي الذي احصى احد عشر قتيلا ان" (the clause describes the named speaker)."""
    if k >= len(toks) or toks[k].norm not in _AR_RELATIVE or toks[k].norm in ("وهو", "وهي"):
        return False
    for x in range(k + 1, min(len(toks), k + 12)):
        if re.search(r"[.!?؟«»:\"“”()]", text[toks[x - 1].end : toks[x].start]):
            return False
        if toks[x].norm in _AR_THAT:
            return toks[x].norm != "لان"
    return False


_AR_QUANTIFIERS = _AR_QUANTITY | _normalised(frozenset("بعض معظم اغلب غالبية عدد العديد".split()))  # + the counts


def _adjective_shaped(tok: Token) -> bool:
    """A nisba adjective by its ending as written ("الميداني" is, "المستشفى" with alef maqsura is not)."""
    w = re.sub(r"[\u064B-\u065F\u0640]+", "", tok.text)
    return w.endswith(("ي", "ية", "يين", "يون", "يه"))


def _quantified_subject(text: str, toks: list[Token], j: int, mentions: Sequence[Mention],
                        limit: int) -> Optional[Mention]:
    """A counted group right after the verb: "بعض جماعات المستهلكين", "عدد كبير من النواب", "العديد من المسؤولين":
    the quantifier (and "كبير"), an optional "من", then the noun (a mention, or one word and its construct or
    adjective), as one span. What follows it ("انتقد بعض النواب الحكومة") is its object, not part of it."""
    if toks[j].norm not in _AR_QUANTIFIERS:
        return None
    k = j + 1
    if k < len(toks) and toks[k].norm in ("كبير", "كبيره") and toks[j].norm in ("عدد", "العديد"):
        k += 1
    if k < len(toks) and toks[k].norm == "من":
        k += 1
    if k >= len(toks) or toks[k].start >= limit or _PHRASE_BREAK.search(text[toks[j].end : toks[k].start]):
        return None
    m = next((x for x in mentions if x.start == toks[k].start), None)
    end = k
    if m is not None:
        while end + 1 < len(toks) and toks[end + 1].start < m.end:
            end += 1
    nxt = toks[end + 1] if m is None and end + 1 < len(toks) else None
    if nxt is not None and nxt.start < limit and nxt.norm.startswith("ال") and nxt.norm not in _AR_STOP_NAME \
            and not _is_cue_word(nxt) and not _PHRASE_BREAK.search(text[toks[end].end : nxt.start]) \
            and (not toks[k].norm.startswith("ال") or _adjective_shaped(nxt)):
        end += 1  # "جماعات المستهلكين" (construct), "المتظاهرين المقربين" (adjective), not "النواب الحكومة"
    head = toks[k]
    if not _arabic(head) or head.norm in _AR_FUNCTION or _is_cue_word(head) or _verbal_noun(head):
        return None
    return Mention(Span.of(text, toks[j].start, toks[end].end), m.actor if m is not None else None)


# ranks that are no common noun besides ("الفريق" is a team, "اللواء" a brigade, "العميد" a dean)
_AR_FOREIGN_RANKS = _normalised(frozenset(
    "الميجر ميجر الميجور ميجور جنرال الجنرال الكولونيل اللفتنانت الكابتن".split()))
_AR_RANKS = _AR_FOREIGN_RANKS | _normalised(frozenset(
    "الرائد النقيب الملازم العقيد العميد اللواء العماد الفريق".split()))


def _role_chain(text: str, toks: list[Token], j: int, mentions: Sequence[Mention], limit: int) -> Optional[Mention]:
    """A role phrase after the verb that runs over the body it serves to the person who holds it: "وزيرة الدولة
    الفرنسية لحقوق الانسان راما ياد", "المتحدث العسكري الباكستاني الميجر جنرال وحيد أرشد". Between the role head and the
    name: adjectives, known bodies and countries (the speaker's own side, not targets), "باسم"/"لـ" + noun, ranks.
    The span runs from the role to the end of the name (the person's actor when known); None when no name closes it
    within ten words, or when a comma, a quote, a preposition other than لـ/باسم, or the content comes first."""
    head = toks[j]
    if head.norm not in _AR_ROLE_HEADS or head.norm in ("الشيخ", "السيد", "السيده", "الدكتور", "دكتور", "الحاج"):
        return None
    k, seen_body, country = j + 1, False, None
    while k < len(toks) and k - j <= 10 and toks[k].start < limit:
        if re.search(r"[،,:;\"«»()]", text[toks[k - 1].end : toks[k].start]):
            return None
        tok = toks[k]
        m = next((x for x in mentions if x.start < tok.end and tok.start < x.end), None)  # ("للأمم": inside the word)
        if m is not None and m.actor is not None and m.actor.type == "person" and m.start == tok.start:
            if not holds_title(text[head.start : m.start], m.actor, (country,)):
                # "وهاجم وزير الخارجية الايراني نتنياهو": another country's person is the object; "شكر رئيس الحكومة
                # انان": the one thanked, not the head of government
                after = k + 1 if k + 1 < len(toks) and toks[k + 1].start >= m.end else None
                if after is not None and _name_like(toks[after]) and name_word_goes_on(toks[after].norm) \
                        and not _is_time(toks, after) and not re.search(
                        r"[،,:;\"«»()]", text[m.end : toks[after].start]):  # "عباس موسوي": a longer name, unknown
                    return Mention(Span.of(text, head.start, toks[_name_run(text, toks, after)].end))
                return None
            return Mention(Span.of(text, head.start, m.end), m.actor) if seen_body or k - j > 1 else None
        if m is not None and m.actor is not None and m.actor.type != "person":
            seen_body = True
            country = country or m.actor.affiliation
            while k < len(toks) and toks[k].start < m.end:
                k += 1
            continue
        w = tok.norm
        if w in _AR_ROLE_HEADS and w not in _AR_RANKS:
            return None  # "انتقد الوزير الاسرائيلي الرئيس الفلسطيني محمود عباس": a second role is the object's
        if w in _AR_RANKS or w == "باسم" or (w.startswith("ال") and w not in _AR_STOP_NAME and not _is_cue_word(tok)) \
                or (w.startswith("ل") and not w.startswith("لل") and len(w) > 3 and not _is_addressee(text, tok, mentions)):
            k += 1
            continue
        if seen_body and _name_like(tok) and toks[k - 1].norm not in _AR_PREPOSITIONS:
            e = _name_run(text, toks, k)
            while e > k and toks[e].norm.startswith(("ب", "ل")):
                e -= 1  # "شارل رزق بوجود ...": a word with a preposition ends the name
            nxt = toks[e + 1] if e + 1 < len(toks) else None
            if e > k and (nxt is None and not tok.norm.startswith("ب") or nxt is not None and (
                    nxt.start >= limit or nxt.norm in _AR_THAT or _is_time(toks, e + 1)
                    or re.search(r"[،,:«\"]", text[toks[e].end : nxt.start]))):
                # (a ب-word opens a name only before the content: "المسؤول بوزارة الخارجية بفتح تحقيق." is none)
                return Mention(Span.of(text, head.start, toks[e].end))
        return None
    return None


def _name_run(text: str, toks: list[Token], k: int, words: int = 3, definite: bool = False) -> int:
    """The last token of a run of up to `words` name-like tokens from token k, stopping at punctuation;
    `definite` lets family names with the article continue it ("اميرة الفاضل")."""
    def more(i: int) -> bool:
        tok = toks[i]
        return not _is_time(toks, i) and (_name_like(tok) or definite and tok.norm.startswith("ال")
                                          and tok.norm not in _AR_STOP_NAME and not _is_cue_word(tok))
    e = k
    while e + 1 < len(toks) and e - k < words - 1 and more(e + 1) \
            and not _PHRASE_BREAK.search(text[toks[e].end : toks[e + 1].start]):
        e += 1
    return e


# heads that take a name in quotes ("قناة «سي بي اس»", "خلية «بلعيرج»"); role heads do too
_AR_OUTLET_HEADS = _normalised(frozenset(AR_OUTLET_NOUNS))

_AR_BODY_NAME_HEADS = _normalised(frozenset(
    """خلية خليه حزب حركة حركه جماعة جماعه منظمة منظمه جمعية جمعيه تنظيم شركة شركه هيئة هيئه لجنة لجنه تيار جبهة جبهه
    كتلة كتله حركتا""".split()))
# heads that take a quoted name as speakers ('واعلنت مؤسسة "سيمبيوسيس"'), but also common nouns before a quoted
# phrase that names no body ('تحول الى مركز «تدريب القاعدة»'): not read as names elsewhere
_AR_INSTITUTION_HEADS = _normalised(frozenset("مؤسسة مؤسسه مجموعة مجموعه رابطة رابطه نقابة نقابه ائتلاف اتحاد مركز معهد"
                                              .split()))
_AR_NAMED_HEADS = _AR_OUTLET_HEADS | _AR_BODY_NAME_HEADS | _AR_INSTITUTION_HEADS


_OTHER_QUOTED_NAME = re.compile(r'\s*(?:"[^"«»“”،,.:؛!?]{1,40}"|“[^"«»“”،,.:؛!?]{1,40}”|»[^"«»“”،,.:؛!?]{1,40}«)')
_QUOTED_ALIAS = re.compile(r"\s*«([^«»،,.:؛!?]{3,50})»")
_AGE_BRACKET = re.compile(r"\s*\([^()]{1,20}\)\s*$")


def _with_quoted_alias(text: str, toks: list[Token], speaker: Mention, after: int) -> tuple[Mention, int]:
    """(speaker, content start) with the name in quotes that follows a role right away: "الناطق باسم الجماعة «أبو
    عبيدة» ان", "الداعية الإسلامي «أبو عمر المصري (44 عاما)» الذي": the person the role names, not the content and
    not a target of its own statement. Only a name (two to five words, the first one a name's, the others names or
    nisba adjectives, an age in brackets allowed) that a complementiser, a relative, a comma or a colon follows; else
    both unchanged ("وهتف الناشط «ارحلوا»" is what was chanted).

    >>> t = "وقال الناطق باسم الجماعة «أبو عبيدة» ان المقاومة مستمرة"
    >>> from ..text import tokens
    >>> sp, at = _with_quoted_alias(t, tokens(t), Mention(Span.of(t, 5, 24)), 24)
    >>> sp.text, t[at:].strip()
    ('الناطق باسم الجماعة «أبو عبيدة»', 'ان المقاومة مستمرة')
    """
    first = _token_from(toks, speaker.start)
    quoted = _QUOTED_ALIAS.match(text, speaker.end)
    if speaker.resolved or first is None or first.norm not in _AR_ROLE_HEADS or quoted is None:
        return speaker, after
    name = _AGE_BRACKET.sub("", quoted.group(1))
    inside = [t for t in toks if quoted.start(1) <= t.start and t.end <= quoted.start(1) + len(name)]
    if not 2 <= len(inside) <= 5 or not _name_like(inside[0]) or not all(
            _name_like(t) or t.norm.startswith("ال") and t.norm.endswith("ي") for t in inside[1:]):
        return speaker, after
    nxt = _token_from(toks, quoted.end())
    if not (re.match(r"\s*[،,:]", text[quoted.end():]) or nxt is not None
            and (nxt.norm in _AR_THAT or nxt.norm in _AR_RELATIVE)):
        return speaker, after
    return Mention(Span.of(text, speaker.start, quoted.end()), speaker.actor), max(after, quoted.end())


_BRACKETED = re.compile(r"\s*\(\s*([^()\d\n]{2,30}?)\s*\)")


def _with_bracketed_alias(text: str, speaker: Mention, after: int, mentions: Sequence[Mention]) -> tuple[Mention, int]:
    """(speaker, content start) with the short name of a known speaker in brackets right after it: "حركة المقاومة
    الاسلامية (حماس)", "الرئيس الفلسطيني محمود عباس (ابو مازن)". The bracket holds the speaker's own actor, named
    again (a mention of that actor, one to three words, no figures), and the speaker is no country; anything else
    ("(غرب)", "(رويترز)", "مصدر ايراني (طهران)": a place) leaves both unchanged. The alias is then part of the
    speaker, not a target of its words.

    >>> t = "ونفت حركة المقاومة الاسلامية (حماس) الانباء"
    >>> hamas = Actor("hamas", "Hamas", "armed_group")
    >>> sp = Mention(Span.of(t, 5, 28), hamas)
    >>> m, at = _with_bracketed_alias(t, sp, 28, [sp, Mention(Span.of(t, 30, 34), hamas)])
    >>> m.text, t[at:].strip()
    ('حركة المقاومة الاسلامية (حماس)', 'الانباء')
    """
    alias = _BRACKETED.match(text, speaker.end)
    if speaker.actor is None or speaker.actor.type == "country" or alias is None or len(alias.group(1).split()) > 3:
        return speaker, after
    if {x.actor.id for x in mentions if x.actor is not None and alias.start(1) <= x.start < alias.end(1)} \
            != {speaker.actor.id}:
        return speaker, after  # (the bracket names the speaker's own actor and no other)
    return Mention(Span.of(text, speaker.start, alias.end()), speaker.actor), max(after, alias.end())


def _with_quoted_name(text: str, toks: list[Token], j: int, mentions: Sequence[Mention] = ()) -> Optional[Mention]:
    """A head noun with its name in quotes ("قناة «سي بي اس» الاميركية", "خلية «بلعيرج»"), and for a role the person
    named after it ("رئيس «التنظيم الشعبي الناصري» أسامة سعد"): the whole phrase, or None when the head is not one
    that takes a name (`_AR_NAMED_HEADS`, a role) or no short quoted name follows it. A body `mentions` knows inside
    the quotes is the phrase's actor ("منظمة "هيومن رايتس ووتش""); a country or a person there is not."""
    if toks[j].norm not in _AR_NAMED_HEADS and toks[j].norm not in _AR_ROLE_HEADS:
        return None  # "وقال مسؤول «لن نتراجع»": the quote is what was said
    opened = re.match(r"\s*«[^«»،,.:؛!?]{1,40}»", text[toks[j].end :])
    if opened is None and toks[j].norm in _AR_NAMED_HEADS:  # a body's name in other quotes: straight ("صحيفة
        # "تشرين" السورية"), curly or the reversed guillemets of some papers ("شركة »التعاونية للتأمين«"); after a
        # role they would be its words ("وقال الوزير "كلا"")
        opened = _OTHER_QUOTED_NAME.match(text[toks[j].end :])
    if opened is None:
        return None
    quoted = end = toks[j].end + opened.end()  # (`end` runs on over its adjectives below)
    inside = [t for t in toks if toks[j].end < t.start < quoted]
    outlet = toks[j].norm in _AR_OUTLET_HEADS  # an outlet's name may spell letters: "قناة «سي إن إن تورك»"
    if len(inside) > 4 or any((t.norm in _AR_FUNCTION or t.text in _AR_ALA) and not outlet or _is_cue_word(t)
                              for t in inside):
        return None  # "مسؤول «لن نتراجع عن قرارنا»": a quoted sentence, not a name
    k = _first_at(toks, end)
    for _ in range(2):  # its nisba adjectives: "الاميركية", "الاخبارية التركية" (not "الذي", "الى")
        if k < len(toks) and toks[k].norm.startswith("ال") and toks[k].norm.endswith(("يه", "ي")) \
                and toks[k].norm not in _AR_FUNCTION and not _PHRASE_BREAK.search(text[end : toks[k].start]):
            end, k = toks[k].end, k + 1
    if toks[j].norm in _AR_ROLE_HEADS and k < len(toks) and _name_like(toks[k]) \
            and not _PHRASE_BREAK.search(text[end : toks[k].start]):
        end = toks[_name_run(text, toks, k)].end
        return Mention(Span.of(text, toks[j].start, end))
    body = max((x for x in mentions if toks[j].end < x.start and x.end < quoted and x.actor is not None
                and x.actor.type not in ("person", "country")), key=lambda x: x.end - x.start, default=None)
    # (a country in the name is no speaker: 'مركز "فلسطين" لحقوق الانسان', 'معهد «ايران» للدراسات')
    return Mention(Span.of(text, toks[j].start, end), body.actor if body is not None else None)


def _with_apposed_name(text: str, toks: list[Token], m: Mention, mentions: Sequence[Mention],
                       reporting: bool = False) -> Mention:
    """An office mention with its holder's name in apposition ("رئيس الجمهورية الجورجية، ميخائيل ساكاشفيلي،"),
    possibly after where the office is held ("السفير الأميركي لدى الأمم المتحدة زلماي خليلزاد، أن", "القنصل السعودي
    في اسطنبول، عبد الوهاب شيخ لـ«الشرق الأوسط»"): the span runs to the end of the name; the actor stays the
    office's unless the name is a known person of the office's country. A posted office with no name runs over its
    post ("السفير ... لدى الأمم المتحدة ان"). `reporting`: the cue is a verb of saying that takes no person as its
    object (not "ابلغ"), so an unknown name right after the office (or after its qualifier,
    `_holder_after_qualifier`) is its holder ("اعرب مساعد وزيرة الخارجية الاميركية لشؤون الشرق الاوسط ادوارد ووكر
    اليوم")."""
    if m.actor is None:
        return m
    holder = _holder_after_qualifier(text, toks, m, mentions, reporting)
    if holder is not None:
        return holder
    if m.actor.type == "person":  # an office resolved to its holder, named after it: "وزير الخارجية الفرنسي، جان
        # إيف لودريان، إن" (the name is no content)
        same = re.compile(r"\s*[،,]\s*").match(text, m.end)
        name = next((x for x in mentions if same is not None and x.start == same.end() and x.actor == m.actor), None)
        if name is not None and (re.match(r"\s*[،,]", text[name.end :]) or (
                (k := _first_at(toks, name.end)) < len(toks) and toks[k].norm in _AR_THAT)):
            return Mention(Span.of(text, m.start, name.end), m.actor)
        return m
    pos = m.end
    held = _HELD_IN.match(text, pos)
    body = next((x for x in mentions if held is not None and x.start == held.end()), None)
    place = _first_at(toks, held.end()) if held is not None and body is None else len(toks)
    if body is not None:
        pos = body.end
    elif place < len(toks) and toks[place].start == held.end() and re.match(r"\s*[،,]", text[toks[place].end :]):
        pos = toks[place].end  # a place the dictionary lacks, closed by a comma
    k = _first_at(toks, pos)
    name = next((x for x in mentions if held is None and k < len(toks) and x.start == toks[k].start
                 and not text[m.end : x.start].strip()), None)
    if name is not None and name.actor is None and _unknown_name(name, toks, k, apposed=True) \
            and (n := _first_at(toks, name.end)) < len(toks) \
            and (toks[n].norm in _AR_THAT or re.match(r"\s*[،,]", text[name.end :]) or _nationality_noun(m, toks)):
        # "المتحدث باسم وزارة الخارجية الفرنسية بيار بايل إن": the office's holder, unknown to the dictionary; a
        # nationality as a noun before the name is the person's ("واعرب المغربي يونس العيناوي عن سعادته")
        return Mention(Span.of(text, m.start, name.end), m.actor)
    after = re.compile(r"\s*[،,]\s*" if body is None else r"\s*[،,]?\s*").match(text, pos)
    if after is None or k >= len(toks) or toks[k].start != after.end():
        return m
    comma = bool(after.group().strip())
    name = next((x for x in mentions if x.start == toks[k].start), None)
    if name is None:
        if pos > m.end and comma and _name_like(toks[k]):  # "سفير فلسطين في القاهرة، دياب اللوح، إن"
            e = _name_run(text, toks, k, definite=True)
            if e > k and e + 1 < len(toks) and (re.search(r"[،,]", text[toks[e].end : toks[e + 1].start])
                                                or toks[e + 1].norm in _AR_THAT):
                return Mention(Span.of(text, m.start, toks[e].end), m.actor)
        posted = held is not None and (held.group().strip().startswith("لد") or _unprefixed(
            toks[_first_at(toks, m.start)].norm).removeprefix("ال") in _AR_POSTED)
        if body is not None and posted and (toks[k].norm in _AR_THAT or re.match(r"\s*[،,:«]", text[body.end :])):
            return Mention(Span.of(text, m.start, body.end), m.actor)
        return m
    told = _first_at(toks, name.end)
    told = _skip_addressee(text, toks, told, mentions) if pos > m.end else told
    if not (re.match(r"\s*[،,]", text[name.end : name.end + 3]) or pos > m.end and told < len(toks) and (
            toks[told].norm in _AR_THAT or told > _first_at(toks, name.end))):
        return m  # the name ends the phrase: a comma, "ان", or the one told after it
    if name.actor is not None and name.actor.type == "person":
        if not comma and m.actor.affiliation and name.actor.affiliation not in (None, m.actor.affiliation):
            # "وأبلغ السفير الأميركي لدى إسرائيل رئيس الوزراء بنيامين نتنياهو أن": the one told; the office runs
            # over its post
            return Mention(Span.of(text, m.start, body.end), m.actor) if body is not None else m
        return Mention(Span.of(text, m.start, name.end), name.actor)
    if _unknown_name(name, toks, k, apposed=True):
        return Mention(Span.of(text, m.start, name.end), m.actor)
    return m


def _nationality_noun(m: Mention, toks: list[Token]) -> bool:
    """A country's nisba (`_nisba`) standing alone as a noun: one definite word ending in ي ("المغربي", "الفرنسي")."""
    words = [t for t in toks if m.start <= t.start < m.end]
    return len(words) == 1 and _nisba(m, words[0]) and words[0].norm.startswith("ال") and words[0].norm.endswith("ي")


# what qualifies an office before its holder's name: acting ("بالوكالة", "بالإنابة"), a portfolio ("لشؤون الشرق
# الاوسط")
_AR_ACTING = _normalised(frozenset("بالوكالة بالإنابة بالانابة".split()))
_AR_PORTFOLIO = _normalised(frozenset("لشؤون للشؤون لشئون للشئون".split()))


def _holder_after_qualifier(text: str, toks: list[Token], m: Mention, mentions: Sequence[Mention],
                            reporting: bool) -> Optional[Mention]:
    """An office mention (not a person) and the unknown name of its holder after it, past a qualifier of the office
    ("وزير الخارجية الاسرائيلي بالوكالة شلومو بن عامي", "مساعد وزيرة الخارجية الاميركية لشؤون الشرق الاوسط ادوارد
    ووكر"; the recogniser may read the qualifier into the name: "الوكالة شلومو بن عامي"), or, after a verb of
    saying that takes no object (`reporting`), right after it: the whole phrase with the office's actor; None
    otherwise (a body is no office: "وابلغت الحكومة المصرية ايمن نور" informs him). The name ends the phrase when a
    comma, "ان", a time word, "في", "عن", "خلال", "امام" or the end of the text follows it."""
    first_word = _token_from(toks, m.start)
    if m.actor.type == "person" or first_word is None or first_word.norm not in _AR_ROLE_HEADS:
        return None  # an office ("وزير الخارجية", "متحدث باسم ..."), not a body ("وابلغت الحكومة المصرية ايمن نور")
    k = _first_at(toks, m.end)
    if k >= len(toks) or text[m.end : toks[k].start].strip():
        return None
    qualifier = toks[k].norm in _AR_ACTING or toks[k].norm in _AR_PORTFOLIO
    if toks[k].norm in _AR_PORTFOLIO:  # its one to three words: "الشرق الاوسط", "الخارجية والتعاون"
        e = k
        while e + 1 < len(toks) and e - k < 3 and toks[e + 1].norm.startswith(("ال", "وال")) \
                and not text[toks[e].end : toks[e + 1].start].strip() \
                and not any(x.start == toks[e + 1].start and x.actor is None for x in mentions):
            e += 1
        if e == k:
            return None
        first = e + 1
    else:
        first = k + 1 if qualifier else k
    if not qualifier and not reporting or first >= len(toks) or text[toks[first - 1].end : toks[first].start].strip() \
            and first > k:
        return None
    lo = toks[k].start if qualifier else toks[first].start
    name = next((x for x in mentions if lo <= x.start <= toks[first].start < x.end), None)
    if name is None or name.actor is not None:
        return None
    own = Mention(Span.of(text, toks[first].start, name.end))
    if not _unknown_name(own, toks, first):
        return None
    n = _first_at(toks, name.end)
    if n < len(toks) and not (toks[n].norm in _AR_THAT or re.match(r"\s*[،,]", text[name.end :]) or _is_time(toks, n)
                              or toks[n].norm in ("في", "عن", "خلال", "امام")):
        return None
    return Mention(Span.of(text, m.start, name.end), m.actor)


# offices held at a post abroad: "السفير الأميركي لدى ...", "مندوب فلسطين في ..."
_AR_POSTED = _normalised(frozenset("سفير مندوب ممثل قنصل مبعوث قائم".split()))


def _with_called_name(text: str, toks: list[Token], m: Mention) -> Mention:
    """"شاهد عيان يدعى جمال آدن": an unknown speaker phrase runs on over the name it is called by."""
    k = _first_at(toks, m.end)
    if m.actor is not None or k >= len(toks) or toks[k].norm not in ("يدعي", "اسمه") or k + 1 >= len(toks) \
            or not _name_like(toks[k + 1]):
        return m
    return Mention(Span.of(text, m.start, toks[_name_run(text, toks, k + 1)].end))


def _unknown_name(m: Mention, toks: list[Token], k: int, apposed: bool = False) -> bool:
    """An unknown mention starting at token k of two or three name words ("عباس زكي", "ميخائيل ساكاشفيلي"); a
    definite word after "عبد"/"ابو" is one ("عبد الوهاب شيخ"), and, with `apposed` (a name set off by commas), so is
    a definite last word ("، عبد الله الرفاعي،")."""
    if m.actor is not None:
        return False
    words = [t for t in toks[k:] if t.start < m.end]
    return 2 <= len(words) <= 3 and _name_like(words[0]) and all(
        _name_like(t) or _family_name(t) and (apposed and n == len(words) - 1 or words[n - 1].norm in _AR_NAME_PARTICLES
                                              or t.norm in _AR_NAME_SECONDS)
        for n, t in enumerate(words[1:], 1))


# the definite word after these is part of a name ("عبد الوهاب"); so is a definite last word ("عبد الله الرفاعي")
_AR_NAME_PARTICLES = frozenset("عبد ابو بن ابن".split())
# the definite second half of a compound given name ("زين الدين زيدان", "سيف الاسلام القذافي", "فضل الله")
_AR_NAME_SECONDS = _normalised(frozenset("الدين الله الإسلام الاسلام".split()))


def _family_name(tok: Token) -> bool:
    """A definite word that can end or continue a personal name: not a role, function, time or cue word."""
    w = tok.norm
    return w.startswith("ال") and len(w) >= 4 and w not in _AR_ROLE_HEADS and w not in _AR_FUNCTION \
        and w not in _AR_TIME and not _is_cue_word(tok)


# offices a named speaker's apposition opens with ("مجذوب الخليفة مستشار الرئيس السوداني", "ستيفان دوجاريك، المتحدث
# باسم الامم المتحدة"); not the heads that are also given names or titles before a name ("امين", "امير", "ملك",
# "مساعد", "الشيخ", "الدكتور")
_AR_APPOSED_OFFICES = _normalised(frozenset("""عضو رئيس وزير متحدث المتحدث ناطق الناطق مسؤول المسؤول نائب النائب
    مدير المدير زعيم الزعيم قائد القائد سفير السفير مندوب المندوب مستشار المستشار مدرب المدرب محافظ المحافظ ممثل
    الممثل مراسل ضابط منسق المنسق مفوض المفوض مفتي المدعي المحقق السكرتير""".split()))


def _office_word(word: str, following: str = "") -> bool:
    """A word that opens an office in apposition; "الامين" only in "الامين العام" (also a family name)."""
    w = normalize_arabic(word.strip("،,؛;:«»\"()"))
    return w in _AR_APPOSED_OFFICES or w == "الامين" and normalize_arabic(following).startswith("العام")


def _office_in_apposition(text: str, toks: list[Token], speaker: Mention, after: int,
                          mentions: Sequence[Mention], saying: bool = True) -> tuple[Mention, int]:
    """A named speaker the dictionary lacks, with its office in apposition after the name: (speaker, content start).

    The span stops at the name when it ran into the office and stopped inside it ("مجذوب الخليفة مستشار" of "مجذوب
    الخليفة مستشار الرئيس السوداني ان", "العميد شارل شيخاني قائد اللواء" of "... قائد اللواء العاشر ان"); a span that
    holds the whole office up to the content, a time or the one told stays ("العميد سرحد قادر مدير شرطة الاقضية
    والنواحي، «", "الدكتور فؤاد حسين رئيس ديوان رئاسة الاقليم لـ«الشرق الأوسط»"). The speaker takes the actor of the first body, office or country
    named within three words of the office's head ("مارك ريجيف ؛ الناطق باسم وزارة الخارجية الاسرائيلية" speaks
    for the Israeli foreign ministry), as it does when the office comes before the name ("الناطق باسم وزارة الخارجية
    الاسرائيلية مارك ريجيف"): its own side is then no target of its words. A person named there is not the speaker's
    actor ("مستشار الرئيس بوش"), nor a former office ("رئيس الوزراء العراقي السابق"). With no comma before the office,
    only a verb with no person object (`saying`) has it describe the speaker: after "ابلغ", "اتهم", "دعا" it is the
    object ("وابلغ جون سميث رئيس الوزراء العراقي ان"). A known speaker, one carried over from another sentence,
    and one whose words are all offices ("نائب رئيس الوزراء") stay as they are.

    >>> from ..text import tokens
    >>> text = "وقال مجذوب الخليفة مستشار الرئيس السوداني ان السودان يقبل"
    >>> sdn = Mention(Span.of(text, 26, 41), Actor("SDNGOV.president", "Sudanese president", "government", "SDN"))
    >>> sp, after = _office_in_apposition(text, tokens(text), Mention(Span.of(text, 5, 25)), 41, [sdn])
    >>> sp.text, sp.actor.id, text[after:]
    ('مجذوب الخليفة', 'SDNGOV.president', ' ان السودان يقبل')
    """
    if speaker.actor is not None or speaker.resolved:
        return speaker, after
    original = speaker
    words = list(re.finditer(r"\S+", speaker.text))
    norms = [normalize_arabic(w.group().strip("،,؛;:")) for w in words]

    def name_before(k: int) -> bool:  # two name words or more before word k, after titles; no office among them
        return sum(w not in _AR_ROLE_HEADS for w in norms[:k]) >= 2 and norms[k - 1] not in _AR_ROLE_HEADS \
            and not any(_office_word(w) or w in ("باسم", "امين") or w in _AR_PREPOSITIONS for w in norms[:k])

    cut = next((k for k in range(2, len(words)) if name_before(k) and _office_word(
        words[k].group(), words[k + 1].group() if k + 1 < len(words) else text[speaker.end : speaker.end + 8])), None)
    if cut is not None:
        end = speaker.start + len(speaker.text[: words[cut - 1].end()].rstrip("،,؛;: "))
        speaker = Mention(Span.of(text, speaker.start, end))
    own = [t for t in toks if speaker.start <= t.start < speaker.end]
    while own and own[0].norm in _AR_ROLE_HEADS:  # "العميد شارل شيخاني": the title, then the name
        own = own[1:]
    tail = own[-3:]
    if len(own) < 2 or not all(_name_like(t) or _family_name(t) for t in tail) or not any(map(_name_like, tail)):
        return original, after  # a personal name of two words or more ends the speaker ("وحث المتظاهرون رئيس
        # الوزراء": the office is the verb's object)
    if cut is not None:
        nxt = _first_at(toks, original.end)
        if nxt >= len(toks) or toks[nxt].norm in _AR_THAT or _is_time(toks, nxt) or re.search(
                r"[،,:؛;«»\"()]", text[original.end : toks[nxt].start]) or _skip_addressee(text, toks, nxt, mentions) > nxt:
            speaker = original  # the whole office is in the span ("العميد سرحد قادر مدير شرطة الاقضية والنواحي، «"):
            # it stays, and names the speaker's actor below
    gap = re.compile(r"\s*[،,؛;]?\s*").match(text, end if cut is not None else speaker.end)
    k = _first_at(toks, gap.end())
    if k >= len(toks) or toks[k].start != gap.end() or not _office_word(
            toks[k].text, toks[k + 1].text if k + 1 < len(toks) else "") or not (saying or gap.group().strip()):
        return speaker, max(after, speaker.end)
    for m in sorted(mentions, key=lambda m: m.start):
        n = _first_at(toks, m.start)
        if m.start < toks[k].start or n > k + 3 or m.start >= max(after, speaker.end + 1):
            continue
        if re.search(r"[،,:«»\"؛;]", text[toks[k].end : m.start]):
            break
        if m.actor is not None and m.actor.type != "person":
            if any(t.norm in _AR_FORMER for t in toks[n : _first_at(toks, m.end) + 2]):
                break  # "رئيس الوزراء العراقي السابق": a former office speaks for no one now
            return Mention(speaker.span, m.actor), max(after, speaker.end)
    return speaker, max(after, speaker.end)


_AR_FORMER = _normalised(frozenset("السابق السابقة سابق سابقة الأسبق الاسبق".split()))
