"""Arabic subjects before their verb: the noun phrase that opens the clause ("المعارضة تتهم الحكومة"), "كان X قد
صرح", the subject of a relative clause or of a circumstantial "وهم ...", the verb that opens the sentence for a later
conjoined cue."""
from __future__ import annotations

import re
from typing import Optional, Sequence

from ..actors import is_people
from ..normalize import is_arabic
from ..records import Mention, Span
from ..text import Token, normalize_arabic
from .arabic_names import _adjective_shaped, _quantified_subject, _with_apposed_name, _with_role_holder
from .arabic_phrases import _AR_QUANTITY, _PHRASE_BREAK, _arabic, _is_cue_word, _name_like
from .arabic_unknown import _ar_bare_subject, _ar_unknown_subject
from .cues import Cue, _resumptive, _unprefixed
from .spans import _first_at, _mention_ending_before, _quotations, _token_from
from .words import (
    _AR_FUNCTION,
    _AR_PREFIXES,
    _AR_PREPOSITIONS,
    _AR_ROLE_HEADS,
    _AR_SO_THAT,
    _AR_THAT,
    _AR_TIME,
    _normalised,
)


def _subject_of_while(text: str, toks: list[Token], while_at: int, mentions: Sequence[Mention],
                      sent: Span) -> Optional[Mention]:
    """Who the circumstantial "وهم ..." at offset `while_at` refers to: the nearest mention before it that is not
    governed by a preposition, directly or through one noun ("في ساحة فلسطين"), and is no single person or country
    (the pronoun is plural): "وتجمع المتظاهرون في ساحة فلسطين وهم يرددون هتافات", "ان مئات الطلاب تجمعوا في الجامعة
    وهم يرفعون شعارات". None when there is none."""
    quotes = _quotations(text, sent)
    for m in sorted((m for m in mentions if sent.start <= m.start and m.end <= while_at), key=lambda m: -m.end):
        if any(a < m.start < b for a, b in quotes) or _after_clitic_preposition(text, m):
            continue
        if m.actor is not None and m.actor.type in ("person", "country") and not is_people(m):
            continue
        k = _first_at(toks, m.start)
        if k > 0 and toks[k - 1].norm in _AR_PREPOSITIONS or k > 1 and toks[k - 2].norm in _AR_PREPOSITIONS \
                and not toks[k - 1].norm.startswith("ال") and not any(x.start <= toks[k - 1].start < x.end for x in mentions):
            continue  # "في الجامعة", "في ساحة فلسطين": a place, not who chants
        return m
    return None


def _conjoined(tok: Token) -> bool:
    """The verb carries the conjunction و/ف ("وقال", "ويتهمونها"): it opens a new clause."""
    return tok.norm[:1] in _AR_PREFIXES and len(tok.norm) > 1


def _subject_right_before(text: str, toks: list[Token], i: int, mentions: Sequence[Mention]) -> Optional[Mention]:
    """A mention ending right before verb i (only "قد" between): its subject, unless the verb carries و/ف."""
    if _conjoined(toks[i]):
        return None
    prev = _mention_ending_before(toks[i].start, toks[max(0, i - 3)].start, mentions)
    if prev is not None and text[prev.end : toks[i].start].strip(" ،,") in ("", "قد", "فقد", "وقد") \
            and (not _after_clitic_preposition(text, prev) or _authored(text, toks, prev)):
        before = text[: prev.start].split()[-1:]
        if before and normalize_arabic(before[0]) in _AR_PREPOSITIONS:
            return None  # "الى المغاربة المقيمين في هولندا، ناشدتهم": a place after a preposition is no subject
        return prev
    return None


def _subject_after_pronoun(text: str, toks: list[Token], i: int, mentions: Sequence[Mention]) -> Optional[Mention]:
    """A known actor right after verb i that carries an object pronoun: its subject, the pronoun standing for an
    object written before the verb ("الافكار التي حملها وفد الامم المتحدة رفضتها اسرائيل": Israel rejected them, not
    the UN delegation named before the verb)."""
    if i + 1 >= len(toks) or not _resumptive(toks[i]):
        return None
    m = next((m for m in mentions if m.start == toks[i + 1].start and m.actor is not None), None)
    return m if m is not None and not _PHRASE_BREAK.search(text[toks[i].end : m.start]) else None


_AR_RELATIVE_OPENING = re.compile(r"\s*[،,]?\s*(?:و)?(?:الذي|التي|الذين|اللذين|اللتين)\s")


def _subject_before_relative(text: str, toks: list[Token], i: int, mentions: Sequence[Mention],
                             sent: Span) -> Optional[Mention]:
    """The subject of verb i written before a relative clause set off by commas: "ادارة الرئيس باراك اوباما ، التي
    تواجه مصاعب في دفع العملية السلمية ... ، تعتقد ان" -> Obama's administration, not the last noun of the clause. The
    clause opens with الذي/التي/الذين right after the mention, closes with a comma right before the verb, and holds
    no sentence break, quotation or other comma (at most 25 words)."""
    if _conjoined(toks[i]):
        return None
    close = re.search(r"[،,]\s*(?:قد\s+)?$", text[sent.start : toks[i].start])
    if close is None:
        return None
    close_at = sent.start + close.start()
    for m in sorted((m for m in mentions if sent.start <= m.start and m.end < close_at), key=lambda m: -m.end):
        opening = _AR_RELATIVE_OPENING.match(text, m.end)
        if opening is None:
            continue
        clause = text[opening.end() : close_at]
        if len(clause.split()) > 25 or re.search(r"[،,.:؛«»\"()]", clause) or _after_clitic_preposition(text, m):
            return None
        before = text[sent.start : m.start].split()[-1:]
        if before and normalize_arabic(before[0]) in _AR_PREPOSITIONS:
            return None
        if not _agrees_with_relative(toks[i], normalize_arabic(opening.group().split()[-1])):
            return None  # "المتظاهرين، الذين رشقوا الحجارة، قال شهود": a singular verb is not the plural's
        # the phrase's head, not the name it governs: "أنصار الرئيس مرسي، الذين ..." (a mention right before it),
        # "زعيم حركة حماس، الذي ..." (a construct noun before it)
        start, actor = m.start, m.actor
        before_m = next((x for x in mentions if x.end <= start and not text[x.end : start].strip()), None)
        if before_m is not None and not _after_clitic_preposition(text, before_m):
            start, actor = before_m.start, before_m.actor
        k = _first_at(toks, start)
        head = k
        while head > 0 and k - head < 2 and _construct_head(toks[head - 1]) \
                and not re.search(r"[،,:«»\"()]", text[toks[head - 1].end : toks[head].start]):
            head -= 1
        if head < k:
            start, actor = toks[head].start, None if before_m is not None else actor
        return m if start == m.start else Mention(Span.of(text, start, m.end), actor)
    return None


def _agrees_with_relative(verb: Token, relative: str) -> bool:
    """Whether verb agrees with the antecedent of relative pronoun `relative` as its subject: الذين with a plural
    ("طالبوا"), الذي with a masculine singular ("رفض", "يقول"), التي with a feminine singular ("تعتقد", "اعلنت")."""
    w = _unprefixed(verb.norm)
    plural = w.endswith(("وا", "ون"))
    feminine = not plural and (w.startswith("ت") or w.endswith("ت"))
    if relative.endswith("الذين"):
        return plural
    if relative.endswith("التي"):
        return feminine
    return not plural and not feminine


def _construct_head(tok: Token) -> bool:
    """An indefinite Arabic noun that can head a construct before a mention ("أنصار", "زعيم", "مبعوث"): not a
    function word, preposition, complementiser, cue or definite word."""
    w = tok.norm
    return _arabic(tok) and len(w) >= 3 and not w.startswith(("ال", "وال", "بال", "لل")) and w not in _AR_FUNCTION \
        and w not in _AR_PREPOSITIONS and w not in _AR_THAT and not _is_cue_word(tok) and not w.startswith("و")


def _authored(text: str, toks: list[Token], m: Mention) -> bool:
    """A mention written on ل right after a report or a statement ("تقريرا لصحيفة نيويورك تايمز ذكر"): the
    document's author, who says what the document says."""
    k = _first_at(toks, m.start - 1)  # (the token that carries the ل)
    return text[m.start - 1] == "ل" and k > 0 and _unprefixed(toks[k - 1].norm).rstrip("ا") in _AR_AUTHORED


# documents whose ل names their author ("تقرير لرويترز"; after "نداء", "رسالة" ل is whom it is sent to)
_AR_AUTHORED = _normalised(frozenset("تقرير التقرير بيان البيان دراسة الدراسة".split()))


def _after_clitic_preposition(text: str, m: Mention) -> bool:
    """A mention written on a preposition ("المفاوض للخاطفين", "بالحكومة"): the object of a preposition, no subject."""
    return m.start > 0 and text[m.start - 1] in "لب" and (m.start < 2 or not is_arabic(text[m.start - 2]))


_AR_CLAUSE_OPENERS = _normalised(frozenset(
    """و ف كان وكان فكان كانت وكانت فكانت كما وكما لكن ولكن بينما فيما حيث اذ حين ان عندما وعندما حينما وحينما
    بعدما وبعدما لما ولما كلما وكلما طالما لان لأن ولان ولأن
    هنا وهنا هناك وهناك""".split()))  # ("ومن هنا يقول فلان:": here, hence, is no noun the verb describes)


def _clause_initial_subject(text: str, toks: list[Token], i: int, mentions: Sequence[Mention],
                            sent: Span) -> Optional[Mention]:
    """A known actor right before the verb (or before "قد") that opens its clause: the sentence start, punctuation,
    or a clause word (و، كان، كما، بينما ...) before it. Not after a preposition ("في سوريا قال الوزير")."""
    if _conjoined(toks[i]) and len(toks[i].norm) > 3:
        return None  # "ويتهمونها": a new clause of the previous subject
    prev = _mention_ending_before(toks[i].start, toks[max(0, i - 6)].start, mentions)
    if prev is None or prev.actor is None or text[prev.end : toks[i].start].strip(" ") not in ("", "قد"):
        return None
    before = text[sent.start : prev.start]
    if before[-1:] in _AR_PREFIXES:  # "فروسيا اتهمت": the conjunction is written on the name
        before = before[:-1] + " " + before[-1]
    if not before.strip() or re.search(r"[:،,.«\"(\-ـ*]\s*$", before):
        return prev
    words = before.split()
    return prev if words and normalize_arabic(words[-1]) in _AR_CLAUSE_OPENERS else None


_AR_KANA = _normalised(frozenset("كان وكان فكان كانت وكانت فكانت".split()))


def _auxiliary_subject(text: str, toks: list[Token], i: int, mentions: Sequence[Mention],
                       sent: Span) -> Optional[Mention]:
    """"كان X ... قد صرح": the subject is the phrase right after كان, however long what describes it before "قد"
    ("وكان فؤاد حسين، مدير مكتب رئيس اقليم كردستان، قد صرح" -> فؤاد حسين, not the region named last); also without
    "قد" when an apposition in commas ends right before the verb ("وكان خوان ديل أولمو، القاضي الاسباني المكلف
    الارهاب، دعا نظيره المغربي" -> the judge, not his counterpart after the verb)."""
    if i < 3 or _conjoined(toks[i]) and len(toks[i].norm) > 3:
        return None
    if toks[i - 1].norm == "قد":
        q = i - 1  # the token that closes the subject's region
    elif re.search(r"[،,]\s*$", text[toks[i - 1].end : toks[i].start]):
        q = i
    else:
        return None
    a = next((a for a in range(q - 1, max(-1, q - 17), -1) if toks[a].norm in _AR_KANA), None)
    if a is None or a + 1 >= q or toks[a].start < sent.start:
        return None
    if re.search(r"[:؛;.«»]", text[toks[a].end : toks[q].start]) or any(
            _is_cue_word(t) for t in toks[a + 1 : q]):
        return None
    j = a + 1
    if re.search(r"[،,]", text[toks[a].end : toks[j].start]):
        return None
    if q == i and (len(re.findall(r"[،,]", text[toks[j].end : toks[i].start])) != 2
                   or not any(m.start == toks[j].start and re.match(r"\s*[،,]", text[m.end :]) for m in mentions)):
        return None  # a named subject, then one apposition in commas closed right before the verb (not "وكان
        # الرئيس مبارك في القاهرة، وفي بيان لها، اعلنت الرئاسة": the subject has its own predicate)
    limit = toks[q].start
    m = next((m for m in mentions if m.start == toks[j].start and m.end <= limit), None)
    if m is not None and m.actor is not None:
        found = _with_apposed_name(text, toks, m, mentions)
    else:
        found = _ar_unknown_subject(text, toks, j, mentions)
        if found is None or found.end > limit:
            found = _ar_bare_subject(text, toks, j, mentions, limit) if m is None else m
        if found is None or found.end > limit:
            return None
        cut = next((x for x in mentions if x.start < found.end < x.end <= limit), None)
        if cut is not None:  # "الامين العام للامم المتحدة بان كي مون": the phrase runs over the body it names
            found = Mention(Span.of(text, found.start, cut.end), found.actor)
    # the holder named right after an office: "وكان وزير خارجية البرتغال لويس أمادو ... قد"
    holder = next((x for x in mentions if x.actor is not None and x.actor.type == "person"
                   and re.fullmatch(r"\s+", text[found.end : x.start] or "-") and x.end <= limit), None)
    if holder is not None and (found.actor is None or found.actor.type != "person"):
        return Mention(Span.of(text, found.start, holder.end), holder.actor)
    rest = [t for t in toks[j:q] if t.start >= found.end]
    if found.actor is not None and found.actor.type != "person" and 1 <= len(rest) <= 3 \
            and all(_name_like(t) for t in rest) and not _PHRASE_BREAK.search(text[found.end : limit]):
        return Mention(Span.of(text, found.start, rest[-1].end), found.actor)  # an unknown holder: "لويس أمادو"
    joined = any(t.norm[:1] == "و" and len(t.norm) > 3 for t in rest)  # a second subject: "بوش ورئيس الوزراء"
    if q == i - 1 and rest and len(rest) <= 6 and not _PHRASE_BREAK.search(text[found.end : limit]) \
            and not any(t.norm in _AR_FUNCTION for t in rest) and not (joined and found.actor is not None) \
            and (_name_like(rest[-1]) or all(t.norm.startswith(("ال", "وال", "لل")) for t in rest)):
        # the phrase between كان and قد is the subject whole, and a name closing it is its holder: "وكان سفير اسرائيل
        # لدى الامم المتحدة دان غيلرمان قد اعرب" (the office, then where he serves, then his name); so are the
        # definite words that complete a head the dictionary does not know ("وكانت بلدان الاتحاد الاوروبي والولايات
        # المتحدة قد كشفت"); not a second subject after a known one ("وكان الرئيس بوش ورئيس الوزراء توني بلير قد
        # اتهما": Bush's words, as before)
        holder = next((x for x in mentions if x.end == rest[-1].end and x.start >= found.end
                       and x.actor is not None and x.actor.type == "person"), None)
        keep = found.actor is not None and found.actor.type == "person" or holder is None
        return Mention(Span.of(text, found.start, rest[-1].end), found.actor if keep else holder.actor)
    return found


# clause words after which an indefinite noun phrase is the subject of the verb that follows ("لكن محللين قالوا",
# "وكانت معلومات أولية قد ذكرت")
_AR_NP_OPENERS = _normalised(frozenset("لكن ولكن ان إن أن فان فإن كانت وكانت كان وكان".split()))


def _clause_initial_np(text: str, toks: list[Token], i: int, mentions: Sequence[Mention],
                       sent: Span) -> Optional[Mention]:
    """A noun phrase the dictionary does not know that fills its clause up to the verb: "المعارضة تتهم الحكومة",
    "لكن رئيس البرلمان الاوروبي هانز جيرت بوتيرينج حث السياسيين". A person named inside it is the speaker's actor."""
    if _conjoined(toks[i]) and len(toks[i].norm) > 3:
        return None  # "وهددت": a further verb of an earlier subject
    last = i - 1 if i > 0 and toks[i - 1].norm != "قد" else i - 2  # "معلومات أولية قد ذكرت"
    k = last
    while k >= 0 and i - k <= 6:
        tok = toks[k]
        gap = text[tok.end : toks[k + 1].start]
        if re.search(r"[:،,.«»\"()\-ـ*؛;]", gap):
            break
        w = tok.norm
        if w in _AR_CLAUSE_OPENERS or w in _AR_NP_OPENERS:  # "لكن", "كانت", "فإن": the clause starts after it
            break
        if not (_name_like(tok) or (w.startswith("ال") and w not in _AR_FUNCTION and w not in _AR_TIME)
                or w in _AR_ROLE_HEADS) or _is_cue_word(tok):
            return None
        k -= 1
    first = k + 1
    if first > last or i - first > 6:
        return None
    at_boundary = first == 0 or re.search(r"[:،,.«»\"()\-ـ*؛;]", text[toks[first - 1].end : toks[first].start]) \
        or toks[first - 1].norm in _AR_CLAUSE_OPENERS or toks[first - 1].norm in _AR_NP_OPENERS
    if not at_boundary or (first > 0 and toks[first - 1].start < sent.start):
        return None
    after_opener = first > 0 and toks[first - 1].norm in _AR_NP_OPENERS and last - first <= 2
    # "فريق السلطة يتهم حزب الله": a noun in construct before a present-tense verb; never a word carrying a
    # preposition or a conjunction ("وفي البصرة أعلنت", "وقدم المحامي طلب")
    construct = last > first and toks[first + 1].norm.startswith("ال") and _name_like(toks[first]) \
        and not toks[first].norm.startswith(("ب", "ل", "ك", "و")) and toks[first].norm not in _AR_NP_OPENERS \
        and not (toks[first].norm[:1] == "ف" and toks[first].norm[1:] in _AR_FUNCTION | _AR_PREPOSITIONS) \
        and toks[first].norm not in _AR_SO_THAT and _unprefixed(toks[i].norm)[:1] in ("ي", "ت")
    if not (toks[first].norm.startswith("ال") or toks[first].norm in _AR_ROLE_HEADS or after_opener or construct):
        return None  # a bare word before a verb is too often an adverb or the end of another clause
    span = Span.of(text, toks[first].start, toks[last].end)
    person = next((m.actor for m in mentions if span.start <= m.start and m.end <= span.end and m.actor is not None
                   and m.actor.type == "person"), None)
    return Mention(span, person)


def _adjectival_clause(text: str, toks: list[Token], i: int, mentions: Sequence[Mention]) -> bool:
    """An imperfect verb right after an indefinite common noun: a clause describing that noun ("شخص يقول
    تفاهات", "عريضة تحمل"), whose subject is the noun itself, never the word after the verb."""
    w = toks[i].norm
    if i == 0 or not w.startswith(("ي", "ت")) or re.search(r"[^\s]", text[toks[i - 1].end : toks[i].start]):
        return False
    return _adjectival_head(toks, i - 1, mentions)


def _adjectival_head(toks: list[Token], k: int, mentions: Sequence[Mention]) -> bool:
    """Token k is an indefinite common noun (or its adjective): not definite, not a function, clause, role or cue
    word, not part of a mention."""
    p = toks[k].norm
    return (_name_like(toks[k]) and len(p) >= 3 and p not in _AR_CLAUSE_OPENERS and p not in _AR_CONJUNCTIONS
            and not p.endswith(("وا", "ون")) and not any(m.start <= toks[k].start < m.end for m in mentions))


_AR_CONJUNCTIONS = _normalised(frozenset("بينما وبينما حيث وحيث اذ إذ حسبما وحسبما عندما وعندما فيما وفيما كلما لما".split()))

_AR_DESPITE = _normalised(frozenset("رغم ورغم برغم وبرغم".split()))

_AR_LEAD_PARTICLES = _normalised(frozenset(
    "و ف لم ولم فلم قد وقد فقد لقد ثم كما وكما فيما وفيما بينما وبينما لكن ولكن".split()))


def _initial_clause_subject(text: str, toks: list[Token], sent: Span, cue: Cue,
                            mentions: Sequence[Mention], first: int = 0) -> Optional[Mention]:
    """The subject of the verb that opens the sentence, for a later conjoined cue with no subject of its own:
    "وتتوقف المصادر عند كلام الحريري، وترى انه ..." -> المصادر; "وتجمع عشرات الفلسطينيين ..." -> the tens of
    Palestinians. The opening word must look like a verb (no article, no preposition or particle, no mention), and
    the subject is a known actor, a definite noun phrase or a counted group right after it. `first`: the token
    the clause starts at, if not the sentence's first."""
    k = first
    while k < len(toks) and toks[k].norm in _AR_LEAD_PARTICLES:
        k += 1
    if k + 2 < cue.token_index and toks[k].norm in _AR_DESPITE and toks[k + 1].norm in _AR_THAT:
        # "ورغم ان المعارضة كانت تشكك في ... الحريري ...، وتعتبر ان": the subject after "despite that" (a mention)
        known = next((m for m in mentions if m.start == toks[k + 2].start), None)
        return known if known is not None and known.end <= toks[cue.token_index].start else None
    if k + 1 >= cue.token_index or k >= len(toks):
        return None
    verb = toks[k]
    w = _unprefixed(verb.norm)
    bare = verb.norm[1:] if verb.norm[:1] in _AR_PREFIXES else verb.norm  # "وفي", "وعن": prepositions with و
    if not _arabic(verb) or w.startswith("ال") or {verb.norm, bare} & (_AR_FUNCTION | _AR_PREPOSITIONS) \
            or any(m.start <= verb.start < m.end for m in mentions) or len(w) < 3:
        return None
    if _unprefixed(toks[cue.token_index].norm) in ("يعتقد", "يذكر") and cue.token_index + 1 < len(toks) \
            and toks[cue.token_index + 1].norm in _AR_THAT:
        return None  # "ويعتقد ان ...": it is believed, no one's statement
    j = k + 1
    if re.search(r"[،,:«»\"()]", text[verb.end : toks[j].start]):
        return None
    known = next((m for m in mentions if m.start == toks[j].start and m.actor is not None), None)
    if known is not None:
        return known
    if toks[j].norm in _AR_QUANTITY:  # "عشرات الفلسطينيين", "آلاف من المتظاهرين"
        counted = _quantified_subject(text, toks, j, mentions, cue.start)
        return counted if counted is not None and counted.end <= cue.start else None
    if toks[j].norm in ("بعض", "معظم", "كل", "احد", "احدي"):
        return None  # "وجرت بعض المحاولات ...": a quantified noun here is mostly a thing
    unk = _ar_unknown_subject(text, toks, j, mentions)
    if unk is None or unk.end > cue.start:
        # a name the dictionary lacks, found by the recogniser ("ويخشى بنك انجلترا المركزي ان ... ولكنه اضاف"), or a
        # group ("واعتقلت الشرطة المتظاهرين لكنها قالت") where the unknown phrase would run on to the cue
        return next((m for m in mentions if m.start == toks[j].start and m.end <= toks[cue.token_index].start
                     and not re.search(r"[،,:«»\"()]", text[m.start : m.end])), None)
    end = j  # the phrase stops before a preposition ("المصادر عند كلام الحريري" -> "المصادر") and, after a definite
    # noun, before anything but a nisba adjective ("وتفقد الوزير المستشفى الميداني": the hospital is the object)
    while end + 1 < len(toks) and toks[end + 1].end <= unk.end and toks[end + 1].norm not in _AR_PREPOSITIONS \
            and toks[end + 1].norm not in ("عند", "لدى") and not toks[end + 1].norm.startswith(("ل", "ب")) \
            and (not toks[end].norm.startswith("ال") or _adjective_shaped(toks[end + 1])):
        end += 1
    if end == j and toks[j].norm in _AR_ROLE_HEADS:
        end = _role_body_end(toks, j, mentions, cue.start)  # "وشن الامين العام لحزب الله هجوما ...، وقال"
    # (a shorter phrase keeps the actor of the body it still names: "الامين العام لحزب الله" speaks for Hezbollah)
    kept = unk.actor is not None and any(m.actor is not None and m.actor.id == unk.actor.id and unk.start <= m.start
                                         and m.end <= toks[end].end for m in mentions)
    subject = unk if toks[end].end == unk.end else Mention(Span.of(text, unk.start, toks[end].end),
                                                           unk.actor if kept else None)
    held = _with_role_holder(text, toks, subject, mentions)  # "قرر الشيخ تاج الدين الهلالي أن": the sheikh's name
    after = _token_from(toks, held.end)  # (only right before أن: "وزار الوزير مستشفى المدينة، وقال" is an object)
    return held if held.end > subject.end and after is not None and after.norm in _AR_THAT else subject


def _role_body_end(toks: list[Token], j: int, mentions: Sequence[Mention], limit: int) -> int:
    """The last token of a role at token j with "العام" after it and the known body it serves, written with ل:
    "الامين العام لحزب الله", "المدير العام للوكالة الدولية"; j when neither follows."""
    end = j + 1 if j + 1 < len(toks) and toks[j + 1].norm in _AR_GENERAL else j
    nxt = end + 1
    if nxt < len(toks) and toks[nxt].norm.startswith("ل"):
        body = next((m for m in mentions if m.actor is not None and m.start in (toks[nxt].start, toks[nxt].start + 1)
                     and m.end <= limit), None)  # (the mention may start after the ل: "لحزب الله")
        if body is not None:
            end = max(x for x in range(nxt, len(toks)) if toks[x].end <= body.end)
    return end


_AR_GENERAL = frozenset({"العام", "العامه"})  # "الامين العام", "المديرة العامة" (normalised)


def _first_before(text: str, pos: int, mentions: Sequence[Mention], sent: Span, person: bool) -> Optional[Mention]:
    """The first mention of the sentence before `pos`, outside quotations: a person (`person=True`), else any
    mention that is not a place (a clause subject)."""
    quotes = _quotations(text, sent)
    for m in mentions:
        if m.start >= pos:
            break
        if any(a < m.start < b for a, b in quotes):
            continue
        if (m.actor is not None and m.actor.type == "person") if person else (m.actor is None or m.actor.type != "country"):
            return m
    return None
