"""Statements from cues: each cue's speaker (`arabic`, `latin`), its content span, conjoined and embedded
statements, and the sentence the classifier reads."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional, Sequence

from ..records import Article, Mention, Span, Statement
from ..text import AR_STYLE_PRONOUNS, Token, normalize_arabic, split_sentences, tokens
from .arabic import (
    _AR_CLAUSE_CONTRASTS,
    _AR_INTERVIEWS,
    _AR_NOT_NESTED,
    _says_without_object,
    _speaker_ar,
    _subject_tail,
    _with_trailing_nisba,
    _while_clause,
    _without_trailing_words,
)
from .arabic_names import _AR_OUTLET_HEADS, _office_in_apposition, _with_bracketed_alias, _with_quoted_alias
from .arabic_phrases import _is_cue_word
from .arabic_preverbal import _clause_initial_np, _subject_after_pronoun, _subject_before_relative
from .arabic_unknown import _source_with_body
from .cues import _AR_AS_REPORTED, Cue, _unprefixed, _withheld_name_end, find_cues
from .latin import _country_adjective, _speaker_latin
from .spans import _first_at, _mention_ending_before, _quotations, _State, _strip_span
from .words import AFFILIATED_TO, _AR_IN_PROTEST, _AR_MANNER, _AR_PREFIXES, _AR_SO_THAT, _AR_THAT, _AR_TIME, _normalised


def extract_statements(article: Article, mentions: Sequence[Mention], lang: Optional[str] = None) -> list[Statement]:
    """Attributed statements of `article`; `mentions` are its actor/name mentions (from `stance.actors`).

    Targets are left empty here (see `stance.targets`); `context` is the sentence the classifier will read.
    """
    text = article.text
    lang = lang or article.lang or "en"
    mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
    state = _State()
    out: list[Statement] = []
    for sent in split_sentences(text):
        toks, cues = find_cues(text, sent, lang)
        if not cues:
            continue
        in_sent = [m for m in mentions if sent.start <= m.start and m.end <= sent.end]
        quotes = _quotations(text, sent)
        # each cue's region runs to the next participle/continuation cue that starts its own statement
        found = []
        nested: set[int] = set()  # cues of acts reported inside another statement's content
        for ci, cue in enumerate(cues):
            if any(f[0].start < cue.start < f[2] for f in found if f[1] is not None):
                # inside the speaker phrase of a previous cue (e.g. "المتحدث باسم الوزارة")
                continue
            if any(m.start <= cue.start and cue.end <= m.end for m in in_sent):
                continue  # part of a name: "the United States", "Support Group"
            opening = next((a for a, b in quotes if a < cue.start < b), None)  # of the quotation the cue is in
            quoted = opening is not None
            if quoted and not (lang == "ar" and cue.kind in ("report", "eval")
                               and _opens_quoted_clause(text, toks, cue, opening)):
                continue  # a verb inside quoted speech belongs to the content, not a new statement
            embedded = lang == "ar" and cue.kind in ("report", "eval") and _embedded_ar(text, toks, cue, found, sent)
            if embedded and _reports_the_sentence(text, cue, sent):
                embedded = False  # "وقال الجيش ان ...، حسبما افادت وكالة رويترز": the agency reports it all, a speaker too
            if quoted and not embedded:
                continue  # (a quotation opening a clause of an earlier statement's content only: "ان «الوزير ابلغ")
            if embedded:
                # "ذكرت الوكالة ان ايران هددت اذربيجان", "قال مسؤول إن الوزير قال ...": the reported actor's own act
                # or words, subject right before the verb (a statement inside the other's content)
                prev = _mention_ending_before(cue.start, toks[max(0, cue.token_index - 3)].start, in_sent)
                rel = _subject_before_relative(text, toks, cue.token_index, in_sent, sent)
                if rel is not None:  # "ان ادارة الرئيس اوباما ، التي تواجه مصاعب ... ، تعتقد ان ..."
                    prev = rel
                elif cue.kind == "report":  # "أن وزارة الداخلية في إقليم السند قالت": the place it speaks from
                    rel = _body_in_place_before(text, toks, cue.token_index, in_sent)
                    prev = rel or prev
                complement = cue.token_index + 1 < len(toks) and toks[cue.token_index + 1].norm in _AR_THAT
                if (rel is None or not complement) and _unprefixed(toks[cue.token_index].norm) in _AR_NOT_NESTED:
                    # ("الحكومة ، التي ... ، تعتقد ان": with its own subject and a clause, a belief)
                    continue  # "ان القرار يعتبر انتهاكا" (is considered), "يبلغ من العمر" (is aged)
                if prev is None:  # "وحسب المصادر، فان المبعوثة طلبت من الحكومة": a phrase the dictionary lacks
                    prev = _clause_initial_np(text, toks, cue.token_index, in_sent, sent)
                    opened = re.sub(r"[«\"“]", " ", text[sent.start : prev.start]) if prev is not None else ""
                    before = opened.split()[-1:]  # ("ان «الوزير ابلغ": a quotation opening the clause after "ان",
                    # see _opens_quoted_clause)
                    heads = _AR_SO_THAT | _AR_THAT if quoted else _AR_SO_THAT
                    if not before or normalize_arabic(before[0]) not in heads:
                        prev = None
                gap = text[prev.end : cue.start] if prev is not None and prev is not rel else ""
                if prev is None or gap.strip(" ،,«“") not in ("", "قد"):  # ("ان كوفي انان «ينتقد": the quote opens)
                    continue
                if cue.kind == "report" and cue.mood == "purpose":
                    continue  # "لتعلن" is a purpose
                if cue.kind == "report" and re.search(r"[،,]", gap):
                    # "... من ايران، اشار سكان الى ان": a comma ends the reported clause; the verb opens a statement
                    # of its own if an actor follows it as its subject (not "ان الحكومة العراقية، اكدت التزامها")
                    res = _speaker_ar(text, toks, cue, in_sent, sent, state)
                    if res is None or res[0] is None or not any(m.span.overlaps(res[0].span) for m in in_sent):
                        continue
                    res = (*res, False)
                else:
                    own = _subject_after_pronoun(text, toks, cue.token_index, in_sent)
                    if own is not None and len(text[own.end : sent.end].strip(" .،,«»\"")) < 3:
                        continue  # "ان الافكار التي حملها وفد الامم المتحدة رفضتها اسرائيل.": what Israel rejected
                        # is the first statement's content; it has no words of its own after the verb
                    res = (own, own.end, False) if own is not None else (prev, cue.end, False)
                    nested.add(cue.start)
            elif lang == "ar" and cue.kind == "source" and found:
                # "وقال البيت الابيض ان ...، حسب وكالة الصحافة الفرنسية": the journalist's source; but "قالت مصادر
                # اسبانية نقلا عن مصادر في مكافحة الارهاب ان ...": the source relayed speaks the same content too
                found += _relayed(text, toks, cue, found, in_sent, sent, state)
                continue
            elif lang == "ar":
                res = _speaker_ar(text, toks, cue, in_sent, sent, state)
                res = None if res is None else (*res, cue.kind == "source")
            else:
                res = _speaker_latin(text, toks, cue, in_sent, sent, state, lang)
                if res is not None and res[0] is not None and not re.search(r"\w", res[0].text):
                    res = None  # quotation marks read as a name after a quotation ("''a disgrace,'' blaming X")
                outer = [f[1] for f in found if f[1] is not None and f[0].end <= cue.start and re.search(
                    r"\b(?:que|qu['’]|that)\b", text[f[0].end : cue.start], re.IGNORECASE)] if res is not None else []
                if outer:
                    # "Le gouvernement a annoncé que la Russie avait attaqué": the reported act is part of the
                    # first statement's content (and a statement of its own only if it has content after it)
                    nested.add(cue.start)
                    if res[0] is not None and res[0].resolved and any(res[0].span == o.span for o in outer):
                        continue  # "M. Limon répond qu'il reconnaît ...": his own words go on, in his first content
            if res is None:
                continue
            speaker, after, inverted = res
            if lang == "ar" and speaker is not None:
                speaker, after = _subject_tail(text, toks, cue, speaker, after, in_sent)
                longer, after = _with_trailing_nisba(text, toks, cue, speaker, after, in_sent)  # "الإثيوبية الرسمية"
                if longer is not speaker:  # (its phrase may go on to its content: "عضو اللجنة التنظيمية لدول ... ان")
                    speaker, after = _subject_tail(text, toks, cue, longer, after, in_sent)
                speaker, after = _without_trailing_words(text, speaker, after, in_sent)  # "المسؤول موضحاً"
                speaker, after = _with_quoted_alias(text, toks, speaker, after)  # "الناطق ... «أبو عبيدة»"
                speaker, after = _with_bracketed_alias(text, speaker, after, in_sent)  # "... الاسلامية (حماس)"
                speaker, after = _office_in_apposition(text, toks, speaker, after, in_sent,  # "X، الناطق باسم Y"
                                                       saying=_says_without_object(toks, cue))
                speaker, after = _belongs_to(text, speaker, after, in_sent)  # "... التابعة للامم المتحدة"
                speaker = _antecedent(_speaks_for(speaker, in_sent), [st.speaker for st in out if st.speaker]
                                      + [f[1] for f in found if f[1] is not None], mentions, text)
            if cue.kind == "noun" and speaker is not None and any(
                    f[1] is not None and f[1].span == speaker.span for f in found):
                continue  # "وردد المتظاهرون شعارات ...": the slogans are what the same speaker's verb reports
            found.append((cue, speaker, after, inverted))
            if speaker is not None and not speaker.resolved and cue.start not in nested:
                others = _conjuncts(text, speaker, in_sent, lang, cue, sent)
                if others and not inverted:
                    # "أعلنت وزارة الداخلية الافغانية وقوات الحلف الاطلسي مقتل ...", "Les États-Unis et la Russie ont
                    # salué ...": each conjunct speaks; the content starts after the last one
                    after = max([after] + [m.end for m in others])
                    found[-1] = (cue, speaker, after, inverted)
                    found += [(cue, m, after, inverted) for m in others]
                state.last_speaker = speaker  # (a reported speaker inside another's words is not who "وأضاف" continues)
                state.last_cue = toks[cue.token_index]
            elif speaker is not None and any(f[0].kind == "source" for f in found[:-1]):
                state.last_speaker = speaker  # but one after "حسب X فان" is: the journalist's source does not go on
                # speaking ("وحسب الصحيفة، فان الوزير انتقد القرار، محذرا": the minister warns)
                state.last_cue = toks[cue.token_index]
            elif speaker is not None and speaker.resolved and cue.start not in nested \
                    and state.last_speaker is not None and speaker.span == state.last_speaker.span:
                state.last_cue = toks[cue.token_index]  # the last speaker, resolved, speaks in this sentence too
        for k, (cue, speaker, after, inverted) in enumerate(found):
            region_end = sent.end
            begin = max(after, cue.end)
            if lang != "ar" and cue.start in nested and len(text[begin : sent.end].strip(" .,;!?")) < 3:
                continue  # a nested act that ends the sentence reports nothing of its own
            for cue2, speaker2, _, _ in found[k + 1 :]:
                if cue2.start in nested:
                    continue  # the reported act is part of this statement's content
                if cue2.start > after and (cue2.kind in ("participle", "continue", "report", "eval") or cue2.kind == "noun"
                                           and speaker2 is not None and speaker is not None
                                           and speaker2.span != speaker.span
                                           and not _reported_between(toks, cue.end, speaker2.start)):
                    # (a slogan chanted by others: "... وتجمع المتظاهرون وهم يرددون هتافات «...»"; not one reported
                    # in this statement's clause: "وقالت الشرطة ان المتظاهرين رفعوا لافتات تطالب ...")
                    region_end = cue2.start
                    break
            if lang == "ar":  # "...، فيما أكد X": the connective opens the next statement, not this content's end
                tail = re.search(r"[\s،,]*(?:في\s+حين|فيما|بينما)\s*$", text[begin:region_end])
                if tail:
                    region_end = begin + tail.start()
            content = _content(text, cue, speaker, after, region_end, sent, lang, inverted)
            if content is None:
                continue
            out.append(
                Statement(
                    doc_id=article.id,
                    id=f"{article.id}:{len(out) + 1}",
                    speaker=speaker,
                    cue=Span.of(text, cue.start, cue.end),
                    content=content,
                    lang=lang,
                    context=sent,
                    cue_kind=cue.kind,
                )
            )
    return out


# the news agency these texts come from (Agence France-Presse): its own wire, never a second speaker of what it relays
_AR_OWN_AGENCY = re.compile(r"(?:ال)?صحاف[ةه]\s+(?:ال)?فرنسي[ةه]|فرانس\s*برس|(?<!\w)[اأ]\s*\.?\s*ف\s*\.?\s*ب(?!\w)")


_AR_INITIALS = re.compile(r"\((?:[^\s().]{1,3}[\s.]+){1,3}[^\s().]{1,3}\.?\)")  # "(د ب أ)", "(د.ب.أ)", "(ا ف ب)"


def _reports_the_sentence(text: str, cue: Cue, sent: Span) -> bool:
    """Whether an Arabic cue that reads as embedded in an earlier statement's content is the sentence's closing source
    ("...، حسبما افادت (به) وكالة رويترز."): after "حسبما" / "على ما" and before the sentence ends with at most a few
    words, a source other than the agency the texts come from ("حسبما افادت وكالة الصحافة الفرنسية" is the wire
    itself; the annotators leave it out where another speaker stands in the sentence)."""
    before = text[sent.start : cue.start]
    if not _AR_AS_REPORTED.search(before) or not re.search(r"[،,»\"”)]\s*\S+(?:\s+ما)?\s*$", before):
        return False
    rest = text[cue.end : sent.end].strip(" .،,«»\"")
    words = _AR_INITIALS.sub(" ", rest).split()  # the agency's initials, "(د ب أ)", are not words of its name
    return bool(words) and len(words) <= 6 and not _AR_OWN_AGENCY.search(normalize_arabic(rest))


def _relayed(text: str, toks: list[Token], cue: Cue, found: list, mentions: Sequence[Mention], sent: Span,
             state: _State) -> list:
    """For "نقلا عن Y" right after the last statement's speaker X: Y as a second speaker of X's cue and content (the
    content of both starts after Y), as `found` entries; found[-1] is updated in place. Nothing otherwise."""
    cue0, speaker, after, inverted = found[-1]
    if toks[cue.token_index].norm != "نقلا" or speaker is None or inverted or speaker.end > cue.start \
            or text[speaker.end : cue.start].strip(" \u0640-–،,"):
        return []
    res = _speaker_ar(text, toks, cue, mentions, sent, state)
    if res is None or res[0] is None:
        return []
    j = cue.token_index + 2  # "عن مصادر في مكافحة الارهاب": the source with the body or field it is in
    source = (_source_with_body(text, toks, j, mentions) if j < len(toks) else None) or res[0]
    after = max(after, res[1], source.end)
    after += len(re.match(r"[\s\u0640\-–،,]*", text[after:]).group())  # "مصادر امنية ـ ان": past the dash
    found[-1] = (cue0, speaker, after, inverted)
    return [(cue0, source, after, inverted)]


_AND = {"ar": r"\s+و", "fr": r"\s+et\s+(?:(?:le|la|les|l['’])\s*)?", "en": r"\s+and\s+(?:the\s+)?"}

_AR_ALL = _normalised(frozenset("كلها كله كلهم جميعا جميعها نفسها نفسه".split()))


_AR_SPOKESPERSON = re.compile(r"(?:ال)?(?:متحدث|ناطق)(?:ة|ه)?(?:\s+(?:ال)?رسمي(?:ة|ه)?)?\s+باسم\s+")


def _belongs_to(text: str, speaker: Mention, after: int, mentions: Sequence[Mention]) -> tuple[Mention, int]:
    """(speaker, content start) for a body that the dictionary lacks, followed by the known body it belongs to
    ("الادارة الدولية التابعة للامم المتحدة", "وزارة الصحة التابعة لحركة حماس", after the span or inside it): the
    span runs over that body and takes its actor (the portrayal network's node), and the content starts after it.
    Unchanged otherwise."""
    if speaker.actor is not None or speaker.resolved:
        return speaker, after
    body = next((m for m in mentions if m.actor is not None and m.actor.type not in ("person", "country") and (
        m.start > speaker.end and AFFILIATED_TO.fullmatch(text, speaker.end, m.start)
        or speaker.start < m.start < speaker.end and _AFFILIATED_BEFORE.search(text, speaker.start, m.start))), None)
    if body is None:
        return speaker, after
    end = max(speaker.end, body.end + (text[body.end : body.end + 1] == "»"))
    return Mention(Span.of(text, speaker.start, end), body.actor), max(after, end)


# the same join inside a speaker's span, right before the body ("الشرطة التابعة لحركة حماس")
_AFFILIATED_BEFORE = re.compile(AFFILIATED_TO.pattern + "$")


def _speaks_for(speaker: Mention, mentions: Sequence[Mention]) -> Mention:
    """A spokesperson speaks for the body named after "باسم": "المتحدث باسم الجيش الاميركي الاميرال جيري سميث", "الناطق
    باسم بعثة الاتحاد الافريقي ... نور الدين مازني" take that body's actor (so its own country is not its target and
    the portrayal network has the body's edge), unless the span already names a known actor."""
    if speaker.actor is not None or speaker.resolved:
        return speaker
    said = _AR_SPOKESPERSON.search(speaker.text)
    if said is None:
        return speaker
    at = speaker.start + said.end()
    body = next((m for m in mentions if m.actor is not None and at <= m.start < speaker.end
                 and m.start - at <= 12 and m.actor.type != "person"), None)
    return Mention(speaker.span, body.actor) if body is not None else speaker


# nouns whose bare definite form points back to a fuller phrase of the same article ("ذكرت مصادر محلية ... وقالت
# المصادر", "منظمة العفو الدولية ... وأكدت المنظمة"); singular and plural are kept apart ("المصدر" is one source)
_AR_BACK_NOUNS = _normalised(frozenset("""مصادر مصدر منظمة منظمات وزارة حركة جماعة جبهة هيئة لجنة جمعية رابطة نقابة
    وكالة صحيفة بنك شركة مجلس ملك""".split()))  # ("واضاف البنك" after "البنك الدولي", "الملك" after "الملك عبدالله")


def _styled_person(speaker: Mention, word: str, pool: Sequence[Mention], text: str) -> Mention | None:
    """The last person the dictionary knows, named before `speaker` with the style its pronoun `word` stands for
    (within a few words before the name, or in the mention itself); None if there is none."""
    styles = AR_STYLE_PRONOUNS[word]
    for m in sorted((m for m in pool if m.end <= speaker.start), key=lambda m: -m.end):
        if m.actor is None or m.actor.type != "person":
            continue
        around = " " + " ".join(normalize_arabic(text[max(0, m.start - 30) : m.end]).split()) + " "
        if any(f" {s} " in around for s in styles):
            return m
    return None


def _antecedent(speaker: Mention, earlier: Sequence[Mention], mentions: Sequence[Mention],
                text: str | None = None) -> Mention:
    """A bare definite body or source ("المنظمة", "المصادر", "الوزارة") that the dictionary does not know stands for
    the last fuller phrase before it in the article that opens with the same noun, bare or definite ("منظمة العفو
    الدولية", "مصادر محلية", "المنظمة الدولية للهجرة"): an earlier speaker first, else any earlier mention. It
    keeps its own span (the words that name the speaker in its sentence, as the output contract and the annotation
    guidelines have it) and takes that phrase as its `antecedent`, with its actor: one speaker, one actor, one node
    of the portrayal network. Without such a phrase, the speaker stays as it is. A pronoun of style ("سموه",
    "جلالته": `stance.text.AR_STYLE_PRONOUNS`) stands likewise for the last person the dictionary knows named before
    it with that style (`text` is the article's, to read the style before each name).

    >>> m = lambda text, s: Mention(Span(s, s + len(text), text))
    >>> got = _antecedent(m("المصادر", 40), [m("مصادر محلية", 6)], [])
    >>> got.text, got.resolved, got.antecedent.text, got.key
    ('المصادر', False, 'مصادر محلية', 'مصادر محلية')
    >>> _antecedent(m("المصادر", 40), [m("مصادر", 6), m("مصدر أمني", 20)], []).text  # none fuller, of its number
    'المصادر'
    """
    if speaker.actor is not None or speaker.resolved or speaker.antecedent is not None:
        return speaker
    word = normalize_arabic(speaker.text.strip(" «»\"'،,.:"))
    if word in AR_STYLE_PRONOUNS:  # "سموه", "جلالته": the person named before with that style, if any
        m = _styled_person(speaker, word, [*earlier, *mentions], text) if text is not None else None
        return speaker if m is None else replace(speaker, actor=m.actor, antecedent=m.antecedent or m.span)
    if " " in word or not word.startswith("ال") or word[2:] not in _AR_BACK_NOUNS:
        return speaker
    for pool in (earlier, mentions):
        for m in sorted((m for m in pool if m.end <= speaker.start), key=lambda m: -m.end):
            first, *rest = normalize_arabic(m.text).split() or [""]
            if rest and first in (word, word[2:]):
                return replace(speaker, actor=m.actor, antecedent=m.antecedent or m.span)
    return speaker


def _reported_between(toks: list[Token], start: int, end: int) -> bool:
    """A complementiser ("ان", "بأن") between offsets start and end: what follows is a reported clause."""
    return any(start <= t.start and t.end <= end and t.norm in _AR_THAT for t in toks)


def _ar_clause_after(text: str, pos: int) -> bool:
    """Whether the word after `pos` opens a clause of its own: a present-tense verb ("وموسكو ترفض", "واسرائيل تقف")
    or "كلها" ("واسرائيل كلها"). A noun of the derived forms in ت ("تقديم", "تعزيز") is not one: a long vowel or ي
    before its last letter."""
    words = text[pos : pos + 40].split()
    if not words:
        return False
    w = normalize_arabic(words[0].strip("«»\"،,.:"))
    if w in _AR_ALL:
        return True
    return len(w) <= 6 and w[:1] in ("ي", "ت") and not (len(w) >= 5 and w[-2] in "ياو") and not w.startswith("يوم")


def _conjuncts(text: str, speaker: Mention, mentions: Sequence[Mention], lang: str, cue: Cue,
               sent: Span) -> list[Mention]:
    """Other mentions coordinated with the speaker ("X وY", "X et Y", "X and Y"), on the side away from the cue:
    after the speaker when it follows the cue (verb-subject; not a conjunct that has a verb of its own: "وقال
    نتنياهو واسرائيل كلها تقف خلفه ان ..."), before it when it precedes the cue (when the first conjunct opens the
    clause: not "Le conflit entre la Russie et l'Ukraine menace")."""
    conj = _AND.get(lang)
    if conj is None:
        return []
    out: list[Mention] = []
    if speaker.start > cue.start:  # verb-subject: "أعلنت وزارة الداخلية الافغانية وقوات الحلف الاطلسي مقتل"
        end = speaker.end
        while len(out) < 4:
            nxt = next((m for m in mentions if m.start >= end and re.fullmatch(conj, text[end : m.start])), None)
            if nxt is None or lang == "ar" and _ar_clause_after(text, nxt.end):
                break
            out.append(nxt)
            end = nxt.end
    elif lang != "ar" or cue.kind == "noun":
        # subject-verb: "Les États-Unis et la Russie ont salué"; in Arabic only before a nominal cue ("كثف الكرملين
        # ووزارة الدفاع الروسية الاعلان عن"): a name before an Arabic verb ends another clause too often
        start = speaker.start
        by_end = sorted(mentions, key=lambda m: -m.end)
        while len(out) < 4:
            prev = next((m for m in by_end if m.end <= start and re.fullmatch(conj, text[m.end : start])), None)
            if prev is None:
                break
            out.append(prev)
            start = prev.start
        opening = text[sent.start : start]
        if out and lang != "ar" and not re.search(r"(?:^|[,;:«\"“])\s*(?:(?:les?|la|l['’]|the)\s*)?$", opening,
                                                  re.IGNORECASE):
            return []
    return [m for m in out if not _country_adjective(m)]


def _body_in_place_before(text: str, toks: list[Token], i: int, mentions: Sequence[Mention]) -> Optional[Mention]:
    """A known body (no country, no person) opening a clause after "أن" right before "في" and a place of one to three
    words that end right before the reporting verb at token i ("أن وزارة الداخلية في إقليم السند قالت"), or None."""
    for k in range(i - 2, max(0, i - 4) - 1, -1):
        if toks[k].norm != "في":
            continue
        if re.search(r"[^\s]", "".join(text[toks[x].end : toks[x + 1].start] for x in range(k, i))) \
                or any(_is_cue_word(toks[x]) for x in range(k + 1, i)):
            return None
        body = next((m for m in mentions if m.end <= toks[k].start and not text[m.end : toks[k].start].strip()), None)
        if body is None or body.actor is None or body.actor.type in ("country", "person"):
            return None
        b = _first_at(toks, body.start)
        # the body opens the reported clause ("أن وزارة الداخلية في ..."), not "مسؤولا في وزارة الداخلية في كراتشي قال"
        return body if b > 0 and toks[b - 1].norm in _AR_THAT and toks[b].start == body.start else None
    return None


def _opens_quoted_clause(text: str, toks: list[Token], cue: Cue, a: int) -> bool:
    """True when an Arabic cue inside the quotation that opens at `a` is the verb of the reported clause the
    quotation opens, its subject of a word or two right before it, after "ان": "ان كوفي انان «ينتقد ...»" (the
    quotation after the subject), "ان «الوزير ابلغ ...»" (the subject inside it). Such a cue is kept only where it
    reads as embedded in an earlier statement's content (`_embedded_ar`)."""
    i = cue.token_index
    for n in (1, 2):
        if i - n - 1 < 0:
            return False
        j = i - n - 1  # the "ان" before the subject's n words
        opens = toks[j].end <= a < toks[j + 1].start or toks[i - 1].end <= a < cue.start
        if toks[j].norm in _AR_THAT and opens and not re.search(r"[،,.:؛]", text[toks[j].end : cue.start]):
            return True
    return False


def _embedded_ar(text: str, toks: list[Token], cue: Cue, found: list, sent: Span) -> bool:
    """True when an Arabic cue sits inside the content of an earlier statement of the sentence, after its "ان",
    and does not open a coordinated clause of its own (a و/ف prefix, "كما", or a contrast: "بينما", "فيما", "في حين")."""
    i = cue.token_index
    if toks[i].norm[:1] in _AR_PREFIXES and len(toks[i].norm) > 3 or (i > 0 and toks[i - 1].norm in ("كما", "بينما")) \
            or (i > 1 and toks[i - 1].norm == "حين" and toks[i - 2].norm == "في"):
        return False
    if i > 1 and toks[i - 1].norm == "فيما" and re.search(r"[،,]\s*$", text[toks[i - 2].end : toks[i - 1].start]):
        return False  # "...، فيما أكد X" (whereas); not "تحقق فيما أعلنه الجيش" (into what)
    after_comma = i > 0 and re.search(r"[،,]", text[toks[i - 1].end : cue.start]) is not None
    for prev, speaker, after, _ in found:
        if speaker is None or after > cue.start:
            continue
        if after_comma and prev.token_index > 0 and (toks[prev.token_index - 1].norm in _AR_CLAUSE_CONTRASTS
                                                     or _while_clause(text, toks, prev.token_index, sent)):
            continue  # "ففيما قال موقع ... إنه اغتيل ...، قالت مصادر اخرى إن" ("وفي الوقت الذي ذكر ..." alike): the
            # clause "while X said" ends at the comma, and the main clause's verb speaks for itself
        k = prev.token_index + 1
        while k < i and toks[k].start < after:
            k += 1
        if any(toks[x].norm in _AR_THAT or toks[x].norm in _AR_SO_THAT  # "وحسب المصادر فان المبعوثة طلبت ..."
               for x in range(max(prev.token_index + 1, k - 1), i)):
            return True
    return False


def _content(text, cue: Cue, speaker, after: int, region_end: int, sent: Span, lang: str, inverted: bool) -> Optional[Span]:
    """The content span of a statement: what follows the speaker/cue, or what precedes a final/source cue."""
    start = max(after, cue.end)
    before_cue = text[sent.start : cue.start]
    # "..., X said." / "..., حسب ما اعلنت X" / '"...", said X': content precedes the cue
    tail = text[start:region_end].strip(" .،,")
    as_reported = _AR_AS_REPORTED.search(before_cue) if lang == "ar" else None
    # "وحسبما يفيد أولبرايت فإن ...": after "فإن" the content follows the source; "على ما" is "as X reported" only at
    # the end of the sentence ("احتجت الحكومة على ما وصفته بالتدخل ..." = against what it called ...)
    source_like = inverted or (as_reported is not None and not re.match(r"[\s«]*ف[اإ]ن", text[start:region_end])
                               and (not as_reported.group().strip().startswith("على") or len(tail) < 3))
    # (not "واحتجاجاً، رفعوا لافتات ...": fronted with و, what follows the comma is the protest)
    protest = lang == "ar" and cue.kind == "participle" \
        and normalize_arabic(text[cue.start : cue.end]) in _AR_IN_PROTEST
    if protest and re.match(r"\s*(?:[،,.؛;]|$)", text[start:region_end]):
        return None  # "خرج متظاهرون الى الشوارع احتجاجا، وأوعز الجيش ...": "in protest" with no phrase of its own
    if protest:
        # "احتجاجا على إطلاق الفيلم، فكان ردي ...": its phrase ends at the comma (not at a decimal point)
        stop = re.search(r"[،,؛;]|\.(?!\d)", text[start:region_end])
        region_end = start + stop.start() if stop else region_end
    if len(tail) < 3 and cue.kind == "noun":
        return None  # "ورفع المتظاهرون لافتات، وطالب ...": banners with nothing on them; what precedes is no content
    if (len(tail) < 3 or source_like) and len(before_cue.strip()) > 3:
        end = cue.start
        words = text[sent.start : speaker.start].split() if speaker is not None else []
        if lang == "ar" and not source_like and speaker is not None and not speaker.resolved \
                and sent.start <= speaker.start < end and words and normalize_arabic(words[-1]) in _AR_THAT:
            return None  # "... ان موسكو ترفض.": a reported subject and verb end the sentence; no content of its own
        if lang == "ar":
            mm = _AR_AS_REPORTED.search(before_cue) or re.search(r"\s*(حسب|بحسب|وفق|وفقا ل|كما)\s*$", before_cue)
            if mm:
                end = sent.start + mm.start()
        else:  # '« ... », a-t-il ajouté', '"...," he said': the auxiliary and inverted pronoun are not content
            mm = re.search(r"[\s,]*(?:\b(?:a|ont|avait|aurait|he|she|they))?(?:-t)?(?:-(?:il|elle|ils|elles))?\s*$",
                           before_cue)
            if mm:
                end = sent.start + mm.start()
        if speaker is not None and not speaker.resolved and sent.start <= speaker.start < end:
            end = speaker.start
        return _strip_span(text, sent.start, end, lang)
    if lang == "ar" and cue.kind in ("report", "continue", "participle"):
        colon = _after_colon_preamble(text, start, region_end) if cue.kind != "participle" else None
        # (a participle's content is its own phrase, "احتجاجا على ...", unless only "الى" comes before "ان")
        start = colon if colon is not None else \
            _after_preamble(text, start, region_end, window=1 if cue.kind == "participle" else 12)
    return _strip_span(text, start, region_end, lang)


_COLON = re.compile(r"(?<!\d)[:：](?!\d)")


def _after_colon_preamble(text: str, start: int, end: int, window: int = 25) -> Optional[int]:
    """Where the content starts when a colon opens it after the speaker's apposition, occasion or time ("ومن هنا
    يقول شارلز مورفي السياسي الانجليزي بعد الزيارة الاخيرة ...: « ..."): right after the first colon within `window`
    words, if no "ان", quotation mark or bracket comes before it (then the colon is inside what is said: "وقال ان
    الحكومة قررت ما يلي: ..."); else None."""
    m = _COLON.search(text, start, end)
    if m is None or len(text[m.end() : end].strip(" .،,«»\"“”")) < 3:
        return None
    between = text[start : m.start()]
    words = tokens(text, start, m.start())
    if len(words) > window or re.search(r"[«»\"“”()\[\]]", between) \
            or any(t.norm in _AR_COMPLEMENTISERS or t.norm in _AR_THAT for t in words):
        return None
    return m.end()


_AR_TOLD_HEADS = _AR_OUTLET_HEADS | _normalised(frozenset({"مراسل"}))  # "لوكالة ...", "لمراسل ..."

_AR_COMPLEMENTISERS = _normalised(frozenset("ان انه انها انهم بان بانه بانها بانهم".split()))

# words that open a circumstance between a speaker and its "ان": place, time, occasion, addressee, manner ("في كلمته",
# "خلال مؤتمر صحافي", "امام البرلمان", "امس", "لوكالة ...", "الى", "بلهجة ..."); not "عن"/"على" (a topic or an object:
# "تحدث عن ...", "وينكر على حماس أن ...")
_AR_CIRCUMSTANCE = _normalised(frozenset("""في فى خلال امام أمام من بعد قبل اثناء أثناء عقب لدى وسط الى إلى حيث
    عبر""".split())) | _AR_TIME | _AR_MANNER


_TOLD_QUOTED = re.compile(r"(?:^|\s)ل[ـ\s]*[«\"“][^«»\"“”]{1,40}[»\"”]")  # an outlet told, in quotes: "لـ«الحياة»"


def _after_occasion(text: str, start: int) -> bool:
    """Whether an occasion ("في مؤتمر صحافي", "خلال كلمة") ends right before `start`, so that what follows up to
    "ان" still describes it ("في مؤتمر صحافي عقده في الرياض بأن ...")."""
    words = [normalize_arabic(w) for w in text[max(0, start - 60) : start].split()[-3:]]
    return any(w in ("في", "خلال") and n + 1 < len(words) and words[n + 1] in _AR_OCCASION_NOUNS
               for n, w in enumerate(words))


_AR_OCCASION_NOUNS = _normalised(frozenset("مؤتمر تصريح تصريحات بيان كلمة كلمته خطاب خطابه ندوة محاضرة".split()))


def _told_in_interview(m: re.Match) -> str:
    """A quoted outlet told right after the speaker or after an interview or speech noun is no quotation ("في حديثه
    لـ«الحياة» ان"); a quoted addressee after another noun stays one ("في تحية لـ«المقاومة الاسلامية» ان": what is
    greeted)."""
    before = normalize_arabic((m.string[: m.start()].split() or [""])[-1])
    return " " if before in _AR_INTERVIEWS or before in _AR_OCCASION_NOUNS or before in ("", "في") \
        else m.group()  # (or right after the speaker: "وقال ... لـ«الشرق الأوسط» انه", "في المعارضة ل ـ «السفير» إن")


def _told(word: str) -> bool:
    """An addressee after ل: "للصحافيين", "لوكالة ...", "لـ«الحياة»" (not "لايجاد تسوية", a purpose)."""
    return word == "ل" or word.startswith("لل") or word[1:] in _AR_TOLD_HEADS


def _after_preamble(text: str, start: int, end: int, window: int = 12) -> int:
    """Where an Arabic content starts when the occasion, place, time or addressee of the statement sits between
    the speaker and its "ان" ("وأشار الوزير في كلمته امام البرلمان الى ان ايران ...", "وقال الرائد ... من شرطة
    المدينة، ان ..."): at that "ان" when it comes within `window` words, the words before it open with a circumstance
    (`_AR_CIRCUMSTANCE`, or an addressee after ل: `_told`) and hold no quotation, colon or inner comma, and the "ان" is no
    "أن" before a verb ("من شأن الهجوم أن ينتج"); else `start`."""
    toks = tokens(text, start, end)[: window + 2]
    for k, t in enumerate(toks[: window + 1]):
        if t.norm not in _AR_COMPLEMENTISERS:
            continue
        first = toks[0].norm
        between = _TOLD_QUOTED.sub(_told_in_interview, text[start : t.start].rstrip(" ،,"))  # "في حديثه لـ«الحياة»"
        interviewer = first == "مع" and normalize_arabic((text[max(0, start - 40) : start].split() or [""])[-1]) \
            in _AR_INTERVIEWS \
            and len(toks) > 1 and _interviewing(toks[1])
        formula = _withheld_name_end(toks, 0)  # "رفضوا الكشف عن أسمائهم ان ...": an anonymous source's formula
        if k == 0 or re.search(r"[«»\"“”:؛،,]", between) \
                or not (first in _AR_CIRCUMSTANCE or _told(first) or interviewer or _after_occasion(text, start)
                        or formula is not None):
            return start
        # (the formula's "عن" names no topic: "رفض الكشف عن هويته")
        if any(_topic_word(x) and not (x.norm == "مع" and n + 1 < k and _interviewing(toks[n + 1]) and (
                n > 0 and toks[n - 1].norm in _AR_INTERVIEWS or n == 0 and interviewer))
               for n, x in enumerate(toks[:k]) if formula is None or n > formula):
            return start  # "في رده على اتهامات واشنطن ان", "بعد لقائه وزير الخارجية الايراني ان": the preamble names
            # what the statement answers or whom the speaker met
        if first in ("الي", "من") and k > 1 and (first == "الي" or toks[1].norm in _AR_IT_IS):
            return start  # "أشار الى رفض ايران ان تتعاون" (pointed to), "من غير المقبول ان" (it is unacceptable that)
        if t.norm == "ان" and k + 1 < len(toks) and toks[k + 1].norm[:1] == "ي":
            return start  # "أن يقود": to lead, no complement of saying
        return t.start
    return start


# words that make a preamble part of what is said: a topic or an object ("في رده على ...", "تعليقا على ...", "بعد
# لقائه ...", "في اتصال مع ...")
_AR_TOPIC_WORDS = _normalised(frozenset("""على علي عن مع رد رده ردها ردا تعليق تعليقه تعليقها تعليقا معرض لقاء لقائه
    لقائها اجتماع اجتماعه اجتماعها اتصال اتصاله اتصالها سؤال""".split()))

# "في مقابلة مع قناة الجزيرة ان": the one interviewing is no topic (but "في اتصال مع نظيره", "في حديثه مع نظيره" is)
_AR_PRESS = _normalised(frozenset("الصحافيين الصحفيين المراسلين الصحافيون الصحفيون".split()))


def _interviewing(tok: Token) -> bool:
    """An outlet's head noun or the press ("قناة ...", "صحيفة ...", "الصحافيين"): who interviews."""
    w = tok.norm[2:] if tok.norm.startswith("ال") else tok.norm
    return tok.norm in _AR_PRESS or w in _AR_TOLD_HEADS

# "من" + these is "it is ... that" ("من غير المقبول ان", "من المتوقع ان"), not a circumstance
_AR_IT_IS = _normalised(frozenset("""غير الضروري المهم المتوقع المقرر المفترض المرجح المستبعد الواضح المؤكد الصعب
    السهل شان شأن المعروف الطبيعي الممكن المحتمل""".split()))


def _topic_word(tok: Token) -> bool:
    """One of `_AR_TOPIC_WORDS`, as written or after one ب/ل/ف/و proclitic ("لرده"); "علي" written with ي is
    the name Ali ("مسؤول الاعلام في الحزب عبد الغني علي ان"), not the preposition على."""
    w = tok.norm
    if w == "علي" and not tok.text.endswith("ى"):
        return False
    return w in _AR_TOPIC_WORDS or (w[:1] in "بلفو" and len(w) > 3 and w[1:] in _AR_TOPIC_WORDS)
