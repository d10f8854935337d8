"""The whole job: article -> mentions -> attributed statements -> targets -> scored portrayals.

>>> nlp = Pipeline.load()                                           # doctest: +SKIP
>>> for p in nlp.analyze([Article("a1", "Hammond accused Russia of bombing the opposition.")]):  # doctest: +SKIP
...     print(p.statement.speaker.text, "->", p.target.text, p.stance)
Hammond -> Russia criticism
"""
from __future__ import annotations

import bisect
import os
import re
from contextlib import ExitStack, contextmanager
from dataclasses import replace
from typing import TYPE_CHECKING, Iterable, Iterator, Optional, Sequence

from .actors import (ActorDictionary, find_role_phrases_en, join_second_adjectives,
                     people_of_a_country, same_case, with_bare_body_antecedent)
from .attribution import extract_statements, find_cues, load_cues
from .attribution.arabic_names import _AR_BODY_NAME_HEADS
from .attribution.arabic_phrases import _is_cue_word
from .attribution.english import PASSIVE_AUX, passive_eval, with_clause_subjects, with_passive_agents
from .attribution.evaluations import colon_statements, nominal_evaluations
from .attribution_crf import extract_statements_crf, load_tagger
from .backbone import check_precision, resolve_device
from .classify import StanceClassifier, default_model_path, item_for, load_classifier
from .memo import Remembers
from .ner import ArabicNER
from .normalize import elided_article_start
from .records import Article, Mention, Portrayal, Span, Statement, spans_overlap
from .speaker_tagger import SpeakerTagger, arabic_speaker_end, arabic_speaker_spans, joined_spans, speaker_input
from .target_tagger import Reading, TargetTagger, modifier_only, tagger_input, whole_compound, with_tagged_targets
from .targets import NISBA_SHAPED_NAMES, context_span, drops_own_side, with_targets
from .text import AR_MARKS, AR_STYLE_PRONOUNS, detect_language, in_url, normalize_arabic, split_sentences, tokens

if TYPE_CHECKING:
    import torch

# NER labels that propose actors (GPE is left to the dictionary, which knows countries and capitals)
NER_ACTOR_LABELS = frozenset({"PER", "ORG", "GOV"})


# what opens a phrase that no name runs into: a preposition, or ب/ل on a definite word or on a verbal noun of the
# shapes مفاعلة / إفعال / تفعيل ("بالمغرب", "لمكافحة", "بارسال", "لتقديم"; not "للرئيس", a genitive that can still
# belong to the name's phrase, nor a name that starts with those letters: "بريطانيا", "لبنان", "بغداد", "بشار")
_AR_PHRASE_OPENERS = frozenset(normalize_arabic(w) for w in "من في على الى إلى عن مع ضد بين".split())
_AR_PREPOSED = re.compile(r"^[بل](?:ال\S{2,}|م\S{3,}[ةه]|ا\S{2}ا\S|ت\S{2}ي\S)$")


def _before_trailing_phrase(m: Mention, text: str, known: Sequence[Mention]) -> list[Mention]:
    """A tagged Arabic target that opens with a dictionary mention of the article (`known`) and runs on into a
    phrase of its own, as that mention with its actor and, when the phrase goes on past its opening word, the rest
    of it ("روسيا لمكافحة جهاديي سوريا" -> Russia and "جهاديي سوريا"; "السلطات الهندية بارسال قوة كوماندوز" -> the
    Indian authorities and "قوة كوماندوز"); `[m]` otherwise.

    >>> t = "فرنسا تريد إنهاء التنسيق مع روسيا لمكافحة جهاديي سوريا"
    >>> a = t.index("روسيا")
    >>> [x.text for x in _before_trailing_phrase(Mention(Span.of(t, a, len(t))), t, [Mention(Span.of(t, a, a + 5))])]
    ['روسيا', 'جهاديي سوريا']
    >>> t = "الحكومة في لبنان وبريطانيا"
    >>> a = t.index("لبنان")
    >>> [x.text for x in _before_trailing_phrase(Mention(Span.of(t, a, len(t))), t, [Mention(Span.of(t, a, a + 5))])]
    ['لبنان وبريطانيا']
    """
    head = max((f for f in known if f.start == m.start and f.end < m.end), key=lambda f: f.end, default=None)
    if head is None:
        return [m]
    rest = list(re.finditer(r"\S+", text[head.end : m.end]))
    first = normalize_arabic(rest[0].group()) if rest else ""
    if not rest or not (first in _AR_PHRASE_OPENERS or _AR_PREPOSED.match(first)) \
            or any(head.end + rest[0].start() <= f.start < head.end + rest[0].end() for f in known):
        return [m]  # (a known name right after the head is part of the phrase: "روسيا وبريطانيا", "سوريا بشار الاسد")
    out = [replace(m, span=head.span, actor=head.actor)]
    if len(rest) > 1:
        out.append(replace(m, span=Span.of(text, head.end + rest[1].start(), m.end), actor=None))
    return out


def _merge(primary: Sequence[Mention], extra: Sequence[Mention]) -> list[Mention]:
    """Dictionary mentions first; unknown names only where they overlap none of them."""
    out = list(primary)
    for m in extra:
        if not any(m.span.overlaps(p.span) for p in out):
            out.append(m)
    return sorted(out, key=lambda m: (m.start, -m.end))


# Arabic heads that take the actor after them: "قوات الحلف الاطلسي" is NATO, "رئاسة الحكومة" the government
_AR_HEADS = frozenset(normalize_arabic(w) for w in
                      "قوات رئاسة شرطة قيادة جيش وزارة حكومة سلطات أجهزة عناصر مقاتلي مسلحي وفد وفود بعثة".split())


def _attach_heads(found: Sequence[Mention], text: str) -> list[Mention]:
    """An unknown one-word head right before a known actor (or an unknown definite body) becomes part of its
    mention."""
    out: list[Mention] = []
    skip: set[int] = set()
    ms = sorted(found, key=lambda m: (m.start, -m.end))
    for k, m in enumerate(ms):
        if k in skip:
            continue
        nxt = ms[k + 1] if k + 1 < len(ms) else None
        word = normalize_arabic(m.text) if m.actor is None else ""
        head = word in _AR_HEADS or word[:1] == "و" and word[1:] in _AR_HEADS  # ("وقوات"; "وفد" is a head itself)
        if (nxt is not None and head and text[m.end : nxt.start] in (" ", " «", "«")
                and (nxt.actor is not None or normalize_arabic(nxt.text).startswith("ال"))):
            # an unknown definite body too: "قوات الشرطة" is one group, not "قوات" and "الشرطة"
            out.append(Mention(Span(m.start, nxt.end, text[m.start : nxt.end]), nxt.actor))
            skip.add(k + 1)
            continue
        out.append(m)
    return out


# peoples named by a broken plural, which no nisba ending shows ("الجنود الأتراك", "المتظاهرين اليهود")
_PEOPLES = frozenset(normalize_arabic(w) for w in
                     "أتراك أكراد أفغان عرب يهود أجانب أرمن روس صرب كروات شيشان بشتون طاجيك أوزبك هنود أمازيغ".split())
_NOT_NISBA = frozenset(normalize_arabic(w) for w in "تلفزيون مليون ملايين بلايين زيتون".split())
# human plurals that no ending shows ("الجنود الأتراك", "قادة بارزون"); a sound plural (ون/ين) shows itself
_BROKEN_PLURALS = frozenset(normalize_arabic(w) for w in """جنود شبان شباب قادة رهائن سياح سجناء عمال طلاب طلبة حراس
    ضباط زعماء نشطاء أسرى جرحى قتلى ركاب رجال نساء أطفال عناصر أفراد قضاة ساسة علماء شيوخ وزراء سفراء""".split())
# non-human plurals that take a feminine singular adjective ("القوى الأمنية الإثيوبية")
_FEMININE_AGREEING = frozenset(normalize_arabic(w) for w in "قوى دول أجهزة جهات أحزاب".split())


# a body's name in guillemets ("حركة «روسيا الفتية»", "«جبهة الخلاص الوطني السورية»"): one name, not the country or
# the words inside it (the heads are `_AR_BODY_NAME_HEADS`: an outlet's quoted name is left to the outlet rules)
_AR_QUOTED_BODY = re.compile(r"«\s*([^«»\n،,.:؛!?؟]*[^«»\n،,.:؛!?؟\s])\s*»")
_AR_CLAUSE_WORDS = frozenset(normalize_arabic(w) for w in
                             "لن لا لم ما قد سوف ان إن أن انه انها انهم هو هي هم نحن".split())


def _quoted_body_names(found: Sequence[Mention], text: str) -> list[Mention]:
    """Mentions inside a body's quoted name replaced by the name: the quotes follow an indefinite body noun ("خلية
    «أنصار المهدي»", "حركة «روسيا الفتية»"; not "وقالت الحركة «...»", which quotes its words) or open with one
    ("«جبهة الخلاص الوطني السورية»"; not a known body named in full and more words after it: "«حركة حماس تتحمل
    المسؤولية»"), hold at most six words, no clause word or cue verb ("«حركة حماس رفضت»") and at most one known actor
    unless a body opens it ("«إسرائيل والولايات المتحدة»" stays two). The name keeps the actor of a mention that
    fills it, or of a body (not a country or a person) that opens it ("تنظيم «القاعدة ببلاد المغرب»")."""
    out = list(found)
    for q in _AR_QUOTED_BODY.finditer(text):
        s, e = q.start(1), q.end(1)
        q_span = Span(s, e, q.group(1))
        words = q.group(1).split()
        before = text[max(0, q.start() - 40) : q.start()].split()[-1:]
        head, definite, _ = _bare(before[0].lstrip("(«")) if before else ("", False, False)
        head_before = head in _AR_BODY_NAME_HEADS and not definite  # "حركة «...»", not "وقالت الحركة «...»"
        opens = len(words) > 1 and _bare(words[0])[0] in _AR_BODY_NAME_HEADS  # "«جبهة الخلاص الوطني السورية»"
        if not 1 <= len(words) <= 6 or not (head_before or opens):
            continue
        if any(_bare(t.text)[0] in _AR_CLAUSE_WORDS or t.norm in _AR_CLAUSE_WORDS or _is_cue_word(t)
               for t in tokens(text, s, e)):
            continue  # "«حركة حماس رفضت العرض»", "«الحزب لن يتراجع»": a quoted clause, not a name
        inside = [m for m in out if s <= m.start and m.end <= e]
        first = next((m for m in inside if m.start == s and m.actor is not None
                      and m.actor.type not in ("country", "person")), None)
        if not inside or any(m.start == s and m.end == e for m in inside) \
                or first is None and sum(m.actor is not None for m in inside) > 1:
            continue
        if not head_before and any(m.start == s and m.end < e and m.actor is not None for m in inside):
            continue  # "«حركة حماس تتحمل المسؤولية»": a body named in full, then its words
        if any(m.span.overlaps(q_span) and m not in inside for m in out):
            continue  # a mention reaching out of the quotes: left as it is
        name = Mention(q_span, first.actor if first is not None else None)
        out = sorted([m for m in out if m not in inside] + [name], key=lambda m: (m.start, -m.end))
    return out


def _bare(word: str) -> tuple[str, bool, bool]:
    """An Arabic word without a و/ف/ب/ك/ل clitic and the article, whether it had the article ("والجنود", "للطلاب":
    definite; not the root alef-lam of "ألماني") and whether it had a preposition (ب/ك/ل: "للتلفزيون", which no
    adjective carries)."""
    raw = AR_MARKS.sub("", word)
    raw = raw[1:] if len(raw) > 4 and raw[0] in "وف" else raw
    if raw.startswith("لل") and len(raw) > 4:
        stem, definite, preposition = raw[2:], True, True
    elif len(raw) > 4 and raw[0] in "بكل" and raw[1:].startswith("ال"):
        stem, definite, preposition = raw[3:], True, True
    elif raw.startswith("ال") and len(raw) > 3:
        stem, definite, preposition = raw[2:], True, False
    else:
        stem, definite, preposition = raw, False, False
    return normalize_arabic(stem), definite, preposition


def _attach_adjectives(found: Sequence[Mention], text: str, actors: ActorDictionary) -> list[Mention]:
    """A one-word nationality or nisba adjective found as a mention right after a mention of no known actor, agreeing
    with it, is part of that mention: "الجنود الأتراك", "المتطرفين الاسلاميين", "رهينة ايطالي" are one target each
    (no actor, as the group had none: the adjective's country would make Ethiopia's own forces no target of an
    Ethiopian speaker), not a group and a people. Agreement, roughly: both definite or both not, no preposition on
    the adjective; a feminine singular one after a feminine or non-human plural head; a plural people word after a
    human plural in the same case ("فرقت الشرطة اليهود", "هاجم المستوطنون الفلسطينيين", "اتهم الصدر الأمريكيين":
    subject and object); a masculine singular only indefinite. A merged mention takes no second adjective."""
    out: list[Mention] = []
    merged: set[int] = set()
    for m in sorted(found, key=lambda m: (m.start, -m.end)):
        prev = out[-1] if out else None
        if prev is None or len(out) - 1 in merged or prev.end > m.start or text[prev.end : m.start] != " " \
                or " " in m.text.strip() or m.text.startswith("و"):
            out.append(m)
        elif _own_country_after(prev, m, text):  # "حركة حماس الفلسطينية": Hamas, not Hamas and Palestine
            out[-1] = replace(prev, span=Span(prev.start, m.end, text[prev.start : m.end]))
            merged.add(len(out) - 1)
        elif _adjective_after(prev, m, text, actors):
            out[-1] = Mention(Span(prev.start, m.end, text[prev.start : m.end]), None)
            merged.add(len(out) - 1)
        else:
            out.append(m)
    return out


def _own_country_after(head: Mention, adj: Mention, text: str) -> bool:
    """A singular nationality adjective right after a known actor of that country, definite and with no
    preposition, names no second actor: "حركة حماس الفلسطينية", "حركة طالبان الافغانية" are Hamas and the Taliban
    (the adjective is part of their mention), while "منظمة العفو الدولية السعودية" stays Amnesty and Saudi Arabia,
    and a people after the actor is its object ("ودعت حركة حماس الفلسطينيين الى الوحدة"). A country after its own
    name or government ("روسيا الروسية") is left alone."""
    if head.actor is None or adj.actor is None or adj.actor.type != "country" or head.actor.id == adj.actor.id \
            or head.actor.affiliation != adj.actor.id:
        return False
    stem, definite, preposition = _bare(adj.text)
    # (a name is definite with or without the article: "حماس", "الجيش السوري")
    return definite and not preposition and stem.endswith(("ي", "يه")) and stem not in _PEOPLES


def _adjective_after(head: Mention, adj: Mention, text: str, actors: ActorDictionary) -> bool:
    words = head.text.split()
    if head.actor is not None or not words or people_of_a_country(text, head.start, head.end, actors) \
            or adj.actor is not None and adj.actor.type != "country":
        return False  # a known actor's name ("منظمة العفو الدولية السعودية": Amnesty, then Saudi Arabia); two peoples;
        # an actor of its own after the head ("الجيش الحوثية")
    stem, definite, preposition = _bare(adj.text)
    last, head_definite, _ = _bare(words[-1])
    if preposition or stem in _NOT_NISBA or stem in NISBA_SHAPED_NAMES or head_definite != definite:
        return False
    nation = adj.actor is not None
    human_plural = last.endswith(("ون", "ين")) or last in _BROKEN_PLURALS
    if stem.endswith("يات"):  # a feminine plural adjective agrees with a sound feminine plural only
        return last.endswith("ات") and len(stem) >= 5
    if stem.endswith("يه") and (nation or len(stem) >= 5):  # "قيادات المجموعات الفلسطينية", "القوى الأمنية"
        return last.endswith(("ه", "ات")) or last in _FEMININE_AGREEING
    if stem.endswith(("يين", "يون")) and len(stem) >= 5 or stem in _PEOPLES:  # "الاسلاميين", "الأتراك"
        return human_plural and same_case(last, stem)  # (not "المستوطنون الفلسطينيين": subject and object)
    if stem.endswith("يا") and nation:  # "13 جنديا أميركيا": an indefinite accusative after one (not "روسيا")
        return not definite and last.endswith("ا")
    if stem.endswith("ي") and nation:  # "رهينة ايطالي"
        return not definite
    return False


def whole_word(target: Mention, text: str) -> Mention:
    """The target as the output gives it: a span that starts at the elided article of "لل" ("لجيش" inside
    "للجيش", where the rules' name lookup starts) starts at its preposition ("للجيش", `elided_article_start`), as
    the target tagger's spans do. Only what is written changes: the model read the pair before (`stance analyze`
    writes a statement's candidate targets so too)."""
    start = elided_article_start(text, target.start)
    return target if start == target.start else replace(target, span=Span.of(text, start, target.end))


def with_rule_speakers(tagged: Sequence[Statement], ruled: Sequence[Statement], text: str = "") -> list[Statement]:
    """The CRF's statements with a speaker for each cue it found no source for: the speaker the rules give a cue
    overlapping it ("Clinton, without naming him, also accused Sanders": Clinton), unless that speaker lies in the
    statement's content or the cue is passive ("Sanders was accused by critics": not Sanders). A statement neither
    finds a speaker for stays (an attribution all the same, "officials were quoted as saying"), with no speaker."""
    out: list[Statement] = []
    for st in tagged:
        if st.speaker is None and st.cue is not None:
            rule = next((r for r in ruled if r.speaker is not None and r.cue is not None and r.cue.overlaps(st.cue)),
                        None)
            before = text[max(0, st.cue.start - 12) : st.cue.start].split()[-1:] + st.cue.text.split()[:1]
            passive = any(w.lower() in PASSIVE_AUX for w in before) or passive_eval(text, st.cue) is not None
            if rule is not None and not passive and not rule.speaker.span.overlaps(st.content):
                st = replace(st, speaker=rule.speaker)
        out.append(st)
    return out


def author_statements(article: Article, attributed: Sequence[Statement], numbered_from: int = 0) -> list[Statement]:
    """The author's own voice: one statement with no speaker and no cue for each sentence that no attributed
    statement touches (its speaker, cue or content)."""
    taken = []
    for st in attributed:
        spans = [x for x in (st.speaker.span if st.speaker and not st.speaker.resolved else None, st.cue, st.content)
                 if x is not None]
        taken.append((min(x.start for x in spans), max(x.end for x in spans)))
    out: list[Statement] = []
    for sent in split_sentences(article.text):
        if not sent.text.strip() or any(a < sent.end and sent.start < b for a, b in taken):
            continue
        out.append(Statement(doc_id=article.id, id=f"{article.id}:{numbered_from + len(out) + 1}", speaker=None,
                             cue=None, content=sent, lang=article.lang, context=sent, cue_kind="author"))
    return out


# `stance analyze` scores articles in rounds of at least this many model batches of pairs: many short articles fill
# the batches (and the length-sorted batches pad less) instead of running one small batch each; a round never waits
# for more articles than ARTICLES_PER_ROUND (`eval.throughput` measures the gain)
PAIRS_PER_ROUND = 8
ARTICLES_PER_ROUND = 256


def _without_participle_cues(found: list[Mention], text: str) -> list[Mention]:
    """`found` without the unknown one-word Arabic mentions that their sentence reads as a participle of saying
    ("متهمين واشنطن بدعم", "ومنددين"): the cue of a statement, not a name or a group (the NER and the collectives read
    some as such; "متهمين بالضلوع" (accused of) stays a mention). The text's sentences are split once, and only when
    a mention is such a word at all."""
    lex = load_cues()["ar"]

    def participle_word(m: Mention) -> bool:
        if m.actor is not None or len(m.text.split()) != 1:
            return False
        w = normalize_arabic(m.text)
        return lex.get(w) == "participle" or (w[:1] in "وف" and lex.get(w[1:]) == "participle")

    words = [m for m in found if participle_word(m)]
    if not words:
        return found
    sentences = split_sentences(text)
    cues: set[int] = set()  # starts of the participle cues in the sentences that hold such a word
    for sent in sentences:
        if any(sent.start <= m.start and m.end <= sent.end for m in words):
            cues.update(c.start for c in find_cues(text, sent, "ar")[1] if c.kind == "participle")
    return [m for m in found if not (m in words and any(m.start <= c < m.end for c in cues))]


def _style_pronouns_alone(found: list[Mention]) -> list[Mention]:
    """A name the dictionary lacks that opens with a pronoun of style is that pronoun alone ("واكد جلالته ضرورة
    بلورة موقف": "جلالته", the king named before; what follows is the verb's object), so that
    `stance.attribution` links it to the person it stands for."""
    out = []
    for m in found:
        first = re.match(r"\S+", m.text)
        if m.actor is None and first is not None and first.end() < len(m.text) \
                and normalize_arabic(first.group()) in AR_STYLE_PRONOUNS:
            m = Mention(Span(m.start, m.start + first.end(), first.group()), None)
        out.append(m)
    return out


def _without_leading_verbs(found: list[Mention], text: str) -> list[Mention]:
    """Unknown names of several words whose first word is a verb of saying ("ورأى حمد", "رفض إقحام": the NER reads
    some so) without that word: the verb is a statement's cue, and its subject starts after it; an unknown name that
    is only such a verb with its و/ف ("ويستغرب") is none."""
    lex = load_cues()["ar"]

    def saying(w: str) -> bool:
        return lex.get(w) in ("report", "eval")

    out: list[Mention] = []
    for m in found:
        words = m.text.split()
        w = normalize_arabic(words[0]) if m.actor is None else ""
        conjoined = w[:1] in "وف" and saying(w[1:])
        if len(words) == 1 and conjoined:
            continue  # "ويستغرب" alone: a verb with its conjunction, no name
        if len(words) > 1 and (saying(w) or conjoined):
            start = text.index(words[1], m.start + len(words[0]))
            m = Mention(Span(start, m.end, text[start : m.end]), None)
            if any(x.start == m.start and x.end == m.end for x in found):
                continue
        out.append(m)
    return out


def whole_known_speakers(text: str, sent: Span, spans: Sequence[tuple[int, int, float]],
                         known: Sequence[Mention]) -> list[tuple[int, int, float]]:
    """The speaker tagger's Arabic spans (offsets in `text`) widened over the dictionary mention each cuts short
    ("الولايات" of "الولايات المتحدة", "الفيصل" of "سعود الفيصل"), and a known actor joined to one by و a speaker
    too ("وكانت الولايات المتحدة وبريطانيا وفرنسا وزعت مشروع بيان": three speakers, as the rules read "X وY" after a
    cue); spans that come to overlap are one. `known`: the article's mentions with an actor, sorted by start.

    >>> from stance.records import Actor
    >>> t = "وكانت الولايات المتحدة وبريطانيا وزعت مشروع بيان"
    >>> us = Mention(Span.of(t, 6, 22), Actor("USA", "United States", "country"))
    >>> gb = Mention(Span.of(t, 24, 33), Actor("GBR", "United Kingdom", "country"))
    >>> whole_known_speakers(t, Span.of(t, 0, len(t)), [(6, 14, 0.97)], [us, gb])
    [(6, 22, 0.97), (24, 33, 0.97)]
    """
    inside = _inside(known, sent)
    out: list[tuple[int, int, float]] = []
    for a, b, p in spans:
        for m in inside:
            if m.start < b and a < m.end:
                a, b = min(a, m.start) if a + 1 != m.start or text[a] not in "وف" else m.start, max(b, m.end)
        found = [(a, b, p)]  # (a lone "وبوتين" is "بوتين": the conjunction is no part of the name)
        actors = {m.actor.id for m in inside if m.start <= a and b <= m.end}
        while actors:  # "X وY وZ": each a speaker (the rules' `_conjuncts`), after a known actor
            nxt = next((m for m in inside if m.start > b and re.fullmatch(r"\s+و", text[b : m.start])), None)
            if nxt is None or nxt.actor.id in actors or nxt.actor.type == "country" and re.fullmatch(
                    r"ال\S+ي(?:ه|ون|ين)?", normalize_arabic(nxt.text)):
                break  # not the same actor again ("فرنسا والفرنسيون"), nor a nationality ("وزير الخارجية
                # الأمريكي والروسي": the Russian minister, not Russia)
            a, b = nxt.start, nxt.end
            actors.add(nxt.actor.id)
            found.append((a, b, p))
        out.extend(found)
    return _joined_overlaps(out)


def whole_names(text: str, spans: Sequence[tuple[int, int, float]],
                names: Sequence[tuple[int, int]]) -> list[tuple[int, int, float]]:
    """The speaker tagger's English or French spans widened over the name each cuts short (`names`: the article's
    mentions, dictionary or capitalised, in the same offsets): "Hala" of "Hala Abou Hassira", "Cour internationale"
    of "Cour internationale de Justice"; spans that come to overlap are one.

    >>> t = "Il a parlé avec Hala Abou Hassira hier."
    >>> whole_names(t, [(16, 20, 0.9)], [(16, 33)])
    [(16, 33, 0.9)]
    """
    out = []
    for a, b, p in spans:
        for s, e in names:
            if s < b and a < e:
                a, b = min(a, s), max(b, e)
        out.append((a, b, p))
    return _joined_overlaps(out)


def _inside(mentions: Sequence[Mention], span: Span) -> list[Mention]:
    """The mentions (sorted by start) that lie inside `span`, found by bisection (an article's uncued sentences each
    look up their own, so a long article is not read once per sentence)."""
    i = bisect.bisect_left(mentions, span.start, key=lambda m: m.start)
    out = []
    for m in mentions[i:]:
        if m.start >= span.end:
            break
        if m.end <= span.end:
            out.append(m)
    return out


def _cut_speaker(text: str, sts: list[Statement], speaker: Mention, reading: Reading, shift: int,
                 known: Sequence[Mention]) -> None:
    """An Arabic rule speaker cut before the object its clause ran into (`arabic_speaker_end`, by the speaker tagger's
    `reading` of its sentence, whose offsets are `text`'s plus `shift`), in every statement of the article that has
    it (those resolved to it too): one speaker, one span. The statement being read keeps the tagger's score of the
    rule's span; its speaker's other statements, read after it, are scored (and vetoed) on the cut span."""
    words = [(a - shift, b - shift, p) for a, b, p in reading.read_words()]
    end = arabic_speaker_end(text, speaker.start, speaker.end, words, [(m.start, m.end) for m in known])
    if end < speaker.end:
        cut = Span.of(text, speaker.start, end)
        sts[:] = [replace(x, speaker=replace(x.speaker, span=cut)) if x.speaker is not None
                  and x.speaker.span == speaker.span else x for x in sts]


def _joined_overlaps(spans: Sequence[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """Spans in order with those that overlap joined (the lower probability kept).

    >>> _joined_overlaps([(0, 5, 0.9), (3, 9, 0.8), (12, 14, 0.7)])
    [(0, 9, 0.8), (12, 14, 0.7)]
    """
    out: list[tuple[int, int, float]] = []
    for a, b, p in sorted(spans):
        if out and a < out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]), min(p, out[-1][2]))
        else:
            out.append((a, b, p))
    return out


def uncued_sentences(text: str, statements: Sequence[Statement]) -> list[Span]:
    """The sentences of `text` (with a word) that hold no statement's cue, nor a statement of the speaker tagger:
    where nobody was found speaking."""
    taken = [st.cue.start for st in statements if st.cue is not None]
    taken += [st.content.start for st in statements if st.cue_kind == "tagged"]
    return [s for s in split_sentences(text) if any(c.isalnum() for c in s.text)
            and not any(s.start <= c < s.end for c in taken)]


def _voice(st: Statement) -> Optional[tuple[str, int]]:
    """What co-speakers share: the cue ("وقالت وزارة الداخلية وقوات الحلف"), or, for the speaker tagger's statements,
    the sentence ("اتفق الرئيسان هولاند وبوتين")."""
    if st.cue is not None:
        return ("cue", st.cue.start)
    return ("sentence", st.content.start) if st.cue_kind == "tagged" else None


def next_statement_number(statements: Sequence[Statement]) -> int:
    """The number after the highest of these statements' ids (`doc:N`), so a new statement's id is no other's.

    >>> next_statement_number([Statement("a:b", "a:b:2", None, None, Span(0, 1, "x")), Statement("a:b", "a:b:7", None, None, Span(0, 1, "x"))])
    8
    """
    nums = [int(n) for n in (st.id.rsplit(":", 1)[-1] for st in statements) if n.isdecimal() and n.isascii()]
    return max(nums, default=0) + 1


def round_is_full(articles: int, pairs: int, batch_size: int) -> bool:
    """Whether `articles` articles waiting to be scored, with `pairs` (statement, target) pairs between them, make a
    round (see PAIRS_PER_ROUND)."""
    return articles >= ARTICLES_PER_ROUND or pairs >= PAIRS_PER_ROUND * batch_size


def pair_count(statements: Sequence[Statement]) -> int:
    """The (statement, target) pairs the model scores for these statements."""
    return sum(len(st.targets) for st in statements)


class Pipeline:
    """Attribution + targets + stance classification over articles. Holds no per-article state."""

    def __init__(self, classifier: Optional[StanceClassifier], actors: ActorDictionary,
                 ner: Optional[ArabicNER] = None, en_tagger=None, author_voice: bool = False,
                 target_filter: bool = True, target_tagger: Optional[TargetTagger] = None,
                 speaker_tagger: Optional[SpeakerTagger] = None) -> None:
        self.classifier = classifier
        self.actors = actors
        self.ner = ner
        self.en_tagger = en_tagger  # the English attribution CRF; None: the rules
        # also the author's own portrayals: each sentence outside every attributed statement is a statement with
        # no speaker (posts and op-eds; off for news wires, whose own voice is mostly neutral report)
        self.author_voice = author_voice
        # drop the pairs that the stance model's target filter (stance.relevance), when it has one, scores below
        # its threshold; False scores every candidate target
        self.use_target_filter = target_filter
        # the model's target tagger (stance.target_tagger): adds, when scoring, the targets it proposes that the
        # rules missed; None: the rules' targets only
        self.target_tagger = target_tagger
        # the model's speaker tagger (stance.speaker_tagger): drops, when scoring, the statements whose speaker it
        # reads as no one taking a stance, and adds the speakers it reads where the rules found no cue; None: the
        # rules' statements only
        self.speaker_tagger = speaker_tagger

    @classmethod
    def load(cls, model: str | os.PathLike | None = None, actors_file: str | os.PathLike | None = None,
             with_classifier: bool = True, with_ner: bool = True, en_attribution: str = "crf",
             author_voice: bool = False, target_filter: bool = True, target_tagger: bool = True,
             speaker_tagger: bool = True, device: str | torch.device = "cpu",
             lexical_prior: bool = True, precision: str = "fp32", ensemble: bool = True) -> "Pipeline":
        """The shipped actor dictionary (plus `actors_file`), the Arabic NER, the English attribution model
        (`en_attribution="crf"`; `"rules"` uses the rules of `stance.attribution` for English too) and the stance
        model at `model` (default: shipped); `target_filter=False` does not load that model's target filter,
        `target_tagger=False` not its target tagger, `speaker_tagger=False` not its speaker tagger,
        `lexical_prior=False` not its lexical prior, `ensemble=False` not its ensemble's other models (none of them is
        loaded without the classifier). `device` ("cpu",
        "cuda", "cuda:N", "auto") is where the model and taggers run, `precision` ("fp32", "bf16", "auto") what they
        read in (`stance.backbone.resolve_precision`: bfloat16 is about twice as fast on hardware that has it)."""
        if en_attribution not in ("crf", "rules"):
            raise ValueError(f"en_attribution must be 'crf' or 'rules', found {en_attribution!r}")
        check_precision(precision)  # (also where no network is loaded: a wrong name is an error either way)
        where = resolve_device(device)
        clf = (load_classifier(model, target_filter=target_filter, device=where, lexical_prior=lexical_prior,
                               precision=precision, ensemble=ensemble) if with_classifier else None)
        folder = model if model is not None else default_model_path()
        tagger = TargetTagger.load(folder) if with_classifier and target_tagger else None
        speakers = SpeakerTagger.load(folder) if with_classifier and speaker_tagger else None
        for t in (tagger, speakers):
            if t is not None:
                t.to(where).in_precision(precision)
        return cls(clf, ActorDictionary.load(actors_file), ArabicNER.load() if with_ner else None,
                   load_tagger() if en_attribution == "crf" else None, author_voice=author_voice,
                   target_filter=target_filter, target_tagger=tagger, speaker_tagger=speakers)

    @contextmanager
    def remembering(self, *others: Remembers) -> Iterator[None]:
        """Inside the block the stance model and both taggers (and `others`, such as a tagger being chosen) read
        each item once however often they are asked (`stance.memo`): for code that scores the same texts under
        many settings. Nothing may train inside it."""
        with ExitStack() as stack:
            for net in (self.classifier, self.target_tagger, self.speaker_tagger, *others):
                if isinstance(net, Remembers):
                    stack.enter_context(net.remembering())
            yield

    def mentions(self, article: Article, lang: str) -> list[Mention]:
        """Dictionary mentions first, then names the dictionary lacks: for Arabic the NER's persons,
        organisations and state bodies, collectives (`المتظاهرين`), and names after a title or a reporting verb."""
        found = self.actors.find(article.text, lang)
        if lang == "ar" and self.ner is not None:  # (a country's people, "الفلسطينيون", is a collective, below)
            found = _merge(found, [Mention(Span(s, e, article.text[s:e]), None)
                                   for s, e, label in self.ner.find(article.text) if label in NER_ACTOR_LABELS
                                   and not people_of_a_country(article.text, s, e, self.actors)])
        found = _merge(found, self.actors.find_unknown_names(article.text, lang, found))
        if lang == "en":
            found = _merge(found, find_role_phrases_en(article.text))
        if lang == "ar":
            found = _merge(found, self.actors.find_collectives(article.text, found))
            found = join_second_adjectives(_attach_heads(found, article.text), article.text, self.actors)
            found = _attach_adjectives(found, article.text, self.actors)
            found = _quoted_body_names(found, article.text)
            found = self.actors.resolve_bare_offices(found, article.text)  # "وزارة الدفاع" -> whose, from context
            found = _without_participle_cues(_without_leading_verbs(found, article.text), article.text)
            found = _style_pronouns_alone(found)
        # no actor is named inside a web address ("Sdf" of "https://l.bfmtv.com/7Sdf", "hamas" in a link's path)
        return [m for m in found if not in_url(article.text, m.start, m.end)]

    def statements(self, article: Article) -> list[Statement]:
        """Attributed statements of one article, with their targets (no stance yet)."""
        if not article.text.strip():
            return []
        lang = article.lang or detect_language(article.text)
        mentions = self.mentions(article, lang)
        article = replace(article, lang=lang)
        if lang == "en" and self.en_tagger is not None:
            found = with_passive_agents(extract_statements_crf(article, mentions, self.en_tagger), mentions,
                                        article.text)
            if any(st.speaker is None for st in found):  # (the rules read the article only where they can help)
                found = with_rule_speakers(found, extract_statements(article, mentions, lang), article.text)
                found = with_clause_subjects(found, mentions, article.text)
        else:
            found = extract_statements(article, mentions, lang)
        found = found + nominal_evaluations(article.text, mentions, article.id, lang, len(found), found)
        found = found + colon_statements(article.text, mentions, article.id, lang, len(found), found)
        if self.author_voice:
            found = found + author_statements(article, found, len(found))
        # a statement with a cue and no speaker (no source found) portrays nobody's view: no targets; one with no cue
        # and no speaker is the author's own (`--author-voice`)
        return [with_targets(st, mentions, article.text) if st.speaker is not None or st.cue is None else st
                for st in found]

    def score_all(self, article: Article, statements: Sequence[Statement],
                  batch_size: int = 32) -> tuple[list[Portrayal], list[Portrayal]]:
        """(kept, dropped): the stance of each speaker toward each target, in statement order, split by the
        model's target filter (`stance.relevance`), the target tagger's veto (`vetoes`) and the speaker tagger's
        (`speaker_vetoed`: all the pairs of the statement). The taggers' own statements and targets are scored
        too (`with_taggers`). A pair has a `relevance` only where the filter applies: a statement with a speaker,
        in one of the filter's languages; elsewhere the filter keeps every pair. Where it applies, the filter's stance prior shift (`TargetFilter.shifted`) sets the
        label and scores. The tagger's own targets are never dropped."""
        return self.score_many([(article, statements)], batch_size)[0]

    def score_many(self, batch: Sequence[tuple[Article, Sequence[Statement]]],
                   batch_size: int = 32, tag: bool = True) -> list[tuple[list[Portrayal], list[Portrayal]]]:
        """`score_all` for several articles at once: their pairs go through the model together, so a run over
        many short articles fills the model's batches (one (kept, dropped) per article, in order). The taggers,
        where the pipeline has them, first read the statements and add theirs (`with_taggers`: the speaker tagger's
        statements, then the target tagger's targets), unless `tag=False` (statements that went through them
        already)."""
        if self.classifier is None:
            raise ValueError("this pipeline was loaded without a classifier: use Pipeline.load(with_classifier=True)")
        if tag:
            batch = self.with_taggers(batch, batch_size)
        pairs = [(k, st, t) for k, (_, statements) in enumerate(batch) for st in statements for t in st.targets]
        items = [item_for(st, t, batch[k][0].text) for k, st, t in pairs]
        preds = self.classifier.predict(items, batch_size=batch_size) if items else []
        filt = getattr(self.classifier, "target_filter", None) if self.use_target_filter else None
        out: list[tuple[list[Portrayal], list[Portrayal]]] = [([], []) for _ in batch]
        for (k, st, t), p in zip(pairs, preds):
            applies = filt is not None and filt.applies(st)
            label, scores = filt.shifted(p.scores) if applies else (p.stance, p.scores)
            # the filter scores the target tagger's own targets too: on the 210 exhaustive Arabic dev texts it drops 7
            # of them, none a gold pair ("العدلي", "يوليو", "وهتفوا"; triple F1 0.449 -> 0.452, session 55)
            relevance = p.relevance if applies else None
            portrayal = Portrayal(st, whole_word(t, batch[k][0].text), label, scores, self.classifier.name,
                                  relevance)
            kept, dropped = out[k]
            (dropped if self.dropped_by(portrayal) else kept).append(portrayal)
        return out

    def dropped_by(self, portrayal: Portrayal) -> list[str]:
        """Which of "target_filter", "target_tagger" and "speaker_tagger" drop this pair (`score_many` drops it
        exactly when there is one): the filter where it scored the pair under its threshold, the target tagger's veto
        of the target (`vetoes`; never of its own), the speaker tagger's veto of the statement (`speaker_vetoed`)."""
        filt = getattr(self.classifier, "target_filter", None) if self.use_target_filter else None
        out = []
        if portrayal.relevance is not None and filt is not None \
                and not filt.keeps(portrayal.relevance, portrayal.statement.lang):
            out.append("target_filter")
        if self.vetoes(portrayal.target):
            out.append("target_tagger")
        if self.speaker_vetoed(portrayal.statement):
            out.append("speaker_tagger")
        return out

    def vetoes(self, target: Mention) -> bool:
        """Whether the target tagger drops this target: one of the rules' (not its own) that it read as no target,
        its words' mean B+I probability (`Mention.tagger_score`) under its `rule_veto`; never one it did not read."""
        return (self.target_tagger is not None and target.tagged is None and target.tagger_score is not None
                and target.tagger_score < self.target_tagger.config.rule_veto)

    def speaker_vetoed(self, statement: Statement) -> bool:
        """Whether the speaker tagger drops this statement (and all its pairs): it read the speaker with a mean B+I
        probability (`Statement.speaker_score`) under its `rule_veto`; never a speaker it did not read."""
        return (self.speaker_tagger is not None and statement.speaker_score is not None
                and statement.speaker_score < self.speaker_tagger.config.rule_veto)

    def with_taggers(self, batch: Sequence[tuple[Article, Sequence[Statement]]],
                     batch_size: int = 32) -> list[tuple[Article, list[Statement]]]:
        """The batch after the speaker tagger (`with_tagged_speakers`) and then the target tagger
        (`with_tagged_targets`): what `score_many(..., tag=False)` scores."""
        return self.with_tagged_targets(self.with_tagged_speakers(batch, batch_size), batch_size)

    def with_tagged_speakers(self, batch: Sequence[tuple[Article, Sequence[Statement]]],
                             batch_size: int = 32) -> list[tuple[Article, list[Statement]]]:
        """The batch as the speaker tagger reads it, in the tagger's languages: each statement whose speaker stands
        in its own sentence carries the tagger's reading of that speaker (`Statement.speaker_score`, which
        `speaker_vetoed` judges); and, where the target tagger reads the language too (it gives them their
        targets), each sentence where the rules found no cue gives a statement to every speaker the tagger reads
        there (`cue_kind` "tagged", no cue, the sentence as content, the speaker's probability as
        `Mention.tagged`; numbered after the article's other statements; in Arabic only the spans that
        `arabic_speaker_spans` accepts, widened over a head noun it left out), with no targets yet. Such a sentence is
        no longer the author's own (`--author-voice`), and a sentence that holds a tagged statement already is not
        read for new ones (running this twice adds nothing). A sentence is read once however many statements it
        holds."""
        out = [(art, list(sts)) for art, sts in batch]
        tagger = self.speaker_tagger
        if tagger is None:
            return out
        langs, targets = tagger.config.langs, self.target_tagger
        inputs: list[tuple[int, Optional[int], tuple, int]] = []  # (article, statement or None, item, shift to it)
        lang_of: dict[int, str] = {}
        for k, (art, sts) in enumerate(batch):
            for i, st in enumerate(sts):  # (its own statements were read already: their speaker is its reading)
                x = speaker_input(st, art.text) if st.lang in langs and st.cue_kind != "tagged" else None
                if x is not None:
                    inputs.append((k, i, *x))
            lang = lang_of[k] = art.lang or (sts[0].lang if sts else detect_language(art.text))
            if (tagger.config.propose and lang in langs and targets is not None and lang in targets.config.langs
                    and targets.config.propose):
                inputs.extend((k, None, (sent.text, None), -sent.start) for sent in uncued_sentences(art.text, sts))
        unique = list(dict.fromkeys(item for _, _, item, _ in inputs))
        read = dict(zip(unique, tagger.read(unique, batch_size=batch_size)))
        known: dict[tuple[int, str], list[Mention]] = {}

        def known_in(k: int, lang: str) -> list[Mention]:
            """Article k's mentions in `lang` (Arabic: those with an actor), sorted by start (for `_inside`); read
            once, when needed."""
            if (k, lang) not in known:
                known[(k, lang)] = sorted((m for m in self.mentions(out[k][0], lang)
                                           if lang != "ar" or m.actor is not None), key=lambda m: m.start)
            return known[(k, lang)]

        for k, i, item, shift in inputs:
            art, sts = out[k]
            if i is not None:
                st = sts[i]
                sts[i] = replace(st, speaker_score=read[item].score(st.speaker.start + shift, st.speaker.end + shift))
                if st.lang == "ar":
                    _cut_speaker(art.text, sts, st.speaker, read[item], shift, known_in(k, "ar"))
                continue
            spans = [(a, b, p) for a, b, p in joined_spans(item[0], tagger.spans(item, read[item], lang=lang_of[k]))
                     if not in_url(art.text, a - shift, b - shift)]  # never a speaker inside a web address
            if lang_of[k] == "ar":  # no preposition before a subject; a head noun the tagger left out
                spans = arabic_speaker_spans(item[0], spans)
            if not spans:
                continue
            sent = Span.of(art.text, -shift, len(item[0]) - shift)
            if lang_of[k] == "ar":
                spans = whole_known_speakers(art.text, sent, [(a - shift, b - shift, p) for a, b, p in spans],
                                             known_in(k, "ar"))
                spans = [(a + shift, b + shift, p) for a, b, p in spans]
            else:  # "sénateur-maire": the whole word; "Marine Le" of "Marine Le Pen": the whole name
                spans = _joined_overlaps([(*whole_compound(item[0], a, b), p) for a, b, p in spans])
                spans = whole_names(item[0], spans, [(m.start + shift, m.end + shift)
                                                     for m in _inside(known_in(k, lang_of[k]), sent)])
            n = next_statement_number(sts)  # (before the author's statement goes: its id is not reused)
            # an article's sentences come after all its statements in `inputs`, so no index above is shifted
            sts[:] = [st for st in sts if not (st.cue_kind == "author" and st.content == sent)]
            for j, (a, b, p) in enumerate(spans):
                speaker = self._known_actor(Mention(Span.of(art.text, a - shift, b - shift), tagged=p), lang_of[k])
                sts.append(Statement(doc_id=art.id, id=f"{art.id}:{n + j}", speaker=speaker, cue=None,
                                     content=sent, lang=lang_of[k], context=sent, cue_kind="tagged"))
        return out

    def with_tagged_targets(self, batch: Sequence[tuple[Article, Sequence[Statement]]],
                            batch_size: int = 32) -> list[tuple[Article, list[Statement]]]:
        """The batch with the targets the target tagger proposes added to the statements it reads (those with a
        speaker, in its languages), and every target of those statements carrying the tagger's reading of it
        (`Mention.tagger_score`, which `vetoes` judges; none for a target that speaks inside the statement's content,
        which is never vetoed); the target filter then scores the tagger's targets like the rules' (`score_many`)."""
        tagger = self.target_tagger
        where = [(k, i) for k, (_, sts) in enumerate(batch) for i, st in enumerate(sts)
                 if tagger is not None and st.speaker is not None and st.lang in tagger.config.langs
                 and not self.speaker_vetoed(st)]
        out = [(art, list(sts)) for art, sts in batch]
        if not where:
            return out
        inputs = [tagger_input(batch[k][1][i], batch[k][0].text) for k, i in where]
        # a sentence with two statements of one speaker reads the same way for both: read it once
        unique = list(dict.fromkeys(x for x, _ in inputs))
        read = dict(zip(unique, tagger.read(unique, batch_size=batch_size)))
        readings = [read[x] for x, _ in inputs]
        # each speaker's targets in each article, so that a sentence holding two statements of one speaker does
        # not give the same target twice; and the speakers of each cue (co-speakers share it)
        taken: dict[tuple[int, str], list[Mention]] = {}
        names: dict[int, frozenset[str]] = {}  # an article's mentions' words, read when a tagged target needs them
        speakers_by_cue: dict[tuple[int, str, int], list[Mention]] = {}
        speaking: dict[tuple[int, Span], set[int]] = {}  # (article, span) -> the statements whose speaker it is
        # an article's mentions (Arabic: its dictionary mentions with an actor), read when a tagged target needs them
        known: dict[int, list[Mention]] = {}
        for k, (_, sts) in enumerate(batch):
            for j, st in enumerate(sts):
                if st.speaker is not None:
                    speaking.setdefault((k, st.speaker.span), set()).add(j)
                    taken.setdefault((k, st.speaker.key), []).extend(st.targets)
                    if _voice(st) is not None:
                        speakers_by_cue.setdefault((k, *_voice(st)), []).append(st.speaker)
        for (k, i), (item, shift), reading in zip(where, inputs, readings):
            st = out[k][1][i]
            seen = taken[(k, st.speaker.key)]
            co = speakers_by_cue.get((k, *_voice(st)), [st.speaker]) if _voice(st) is not None else [st.speaker]
            spans = tagger.spans(item, reading, lang=st.lang) if tagger.config.propose else []
            tagged = with_tagged_targets(st, spans, shift, batch[k][0].text, seen, co)
            new: list[Mention] = []
            for proposed in tagged.targets[len(st.targets):]:
                if st.lang == "ar":
                    if k not in known:
                        known[k] = [x for x in self.actors.find(batch[k][0].text, "ar") if x.actor is not None]
                    proposed = self._whole_mention(proposed, st, batch[k][0].text, known[k],
                                                   (*st.targets, *seen, *co))
                    pieces = _before_trailing_phrase(proposed, batch[k][0].text, known[k])
                else:  # English and French: over any mention, the capitalised names the dictionary lacks too
                    if k not in known:
                        known[k] = self.mentions(batch[k][0], st.lang)
                    pieces = [self._whole_mention(proposed, st, batch[k][0].text, known[k], (*st.targets, *seen, *co))]
                for proposed in pieces:
                    t = self._known_actor(self._without_conjunction(proposed, batch[k][0], st.lang, names), st.lang)
                    if st.lang == "ar":  # "الحزب" after "حزب الله": the body of its kind named last
                        t = with_bare_body_antecedent(t, known[k], batch[k][0].text)
                    if t.start != proposed.start and any(t.key == m.key for m in (*st.targets, *new)):
                        t = self._known_actor(proposed, st.lang)  # a name the statement has already stays as written
                    if st.lang == "en" and t.actor is None and modifier_only(batch[k][0].text, t.start, t.end):
                        continue  # "the [Republican] Party", "[federal] agencies": the phrase's head is meant
                    # not the speaker's own side, nor an actor or phrase the statement already has as a target (one
                    # mention per actor and statement, as the rules keep)
                    if not drops_own_side(st, t, batch[k][0].text) \
                            and all(t.key != m.key for m in (*st.targets, *new)):
                        new.append(t)
            seen.extend(new)

            def speaks_inside(t: Mention) -> bool:
                # a target that speaks inside this statement's content ("ذكرت الوكالة ان ايران هددت ...", "...، حسبما
                # افادت وكالة رويترز" after "وقال الجيش"): the annotators keep it; the tagger does not judge it (no veto)
                return st.content.start <= t.start and t.end <= st.content.end and bool(
                    speaking.get((k, t.span), set()) - {i})

            out[k][1][i] = replace(st, targets=tuple(
                replace(t, tagger_score=None if speaks_inside(t) else reading.score(t.start + shift, t.end + shift))
                for t in (*tagged.targets[: len(st.targets)], *new)))
        return out

    def _without_conjunction(self, m: Mention, article: Article, lang: str,
                             names: dict[int, frozenset[str]]) -> Mention:
        """A tagged Arabic target without the conjunction و/ف that opens it where the NER reads it so ("وطالبان" ->
        "طالبان"; "وعبادي" -> "عبادي" when a mention of the article names him: `ArabicNER.conjunction_chars`;
        "والمتظاهرين" loses its و in `stance.target_tagger`); as it is otherwise. `names` caches each article's
        mention words, keyed by the `id()` of the article object."""
        if lang != "ar" or self.ner is None or normalize_arabic(m.text[:1]) not in ("و", "ف"):
            return m
        if id(article) not in names:
            names[id(article)] = frozenset(w for x in self.mentions(article, "ar") for w in normalize_arabic(x.text).split())
        skip = self.ner.conjunction_chars(m.text.split(" ", 1)[0], names[id(article)])
        return replace(m, span=Span.of(article.text, m.start + skip, m.end)) if 0 < skip < len(m.text) else m

    def _whole_mention(self, m: Mention, statement: Statement, text: str, known: Sequence[Mention],
                       blocked: Sequence[Mention]) -> Mention:
        """A tagged target that is a piece of a longer mention of the article (`known`: in Arabic its dictionary
        mentions with an actor, in English and French all its mentions, names the dictionary lacks too) as that whole
        mention, with its actor ("الله" of "حزب الله", "الفرنسية" of "وكالة الصحافة الفرنسية", "Hillary" of "Hillary
        Clinton"), and one of exactly a mention's words with the actor the article gives it (the surname "نجاد"
        after "محمود احمدي نجاد"); as it is where the whole mention would leave the statement's sentence or touch its
        cue, its speakers or its targets (`blocked`), which the tagger's own pieces never do."""
        whole = max((f for f in known if f.start <= m.start and m.end <= f.end and f.end - f.start >= m.end - m.start),
                    key=lambda f: f.end - f.start, default=None)
        if whole is None:
            return m
        ctx = context_span(statement, text)
        cue = () if statement.cue is None else (statement.cue,)
        if whole.start < ctx.start or whole.end > ctx.end \
                or any(spans_overlap((whole.start, whole.end), (x.start, x.end)) for x in (*blocked, *cue)):
            return m
        return replace(m, span=whole.span, actor=whole.actor)

    def _known_actor(self, m: Mention, lang: str) -> Mention:
        """A tagged target with the actor of the dictionary mention that makes up most of it (60% of its
        characters or more: "للمعارضة السورية" is the Syrian opposition), else as it is. One that already has the
        actor the article gives its words (`_whole_mention`) keeps it: "الرئيس العراقي" after "الرئيس العراقي جلال
        طالباني" is Talabani, not the office the phrase names alone."""
        if m.actor is not None:
            return m
        found = [f for f in self.actors.find(m.text, lang) if f.actor is not None]
        best = max(found, key=lambda f: f.end - f.start, default=None)
        if best is None or best.end - best.start < 0.6 * len(m.text):
            return m
        return replace(m, actor=best.actor)

    def score(self, article: Article, statements: Sequence[Statement], batch_size: int = 32) -> list[Portrayal]:
        """Stance of each speaker toward each target, in statement order; pairs the model's target filter drops
        are left out (`score_all` returns them too)."""
        return self.score_all(article, statements, batch_size)[0]

    def analyze(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[tuple[Article, list[Statement], list[Portrayal]]]:
        """For each article: its statements (with the taggers' statements and targets, when the pipeline has
        them) and its scored (statement, target) pairs."""
        for article in articles:
            ((_, sts),) = self.with_taggers([(article, self.statements(article))], batch_size)
            yield article, sts, self.score_many([(article, sts)], batch_size, tag=False)[0][0]
