"""Attribution: find who said what (speaker, reporting cue, content) in an article, in Arabic, English and French.

Rules over a cue lexicon (`resources/cues.tsv`, built by `tools/build_cues.py`) and the article's actor mentions:
- Arabic verb-subject order (`وقال الاربعاء وزير الخارجية ... إن ...`), subject-verb order, source phrases
  (`حسب ما اعلنت وزارة الدفاع`), circumstantial participles continuing the speaker (`مضيفا أن ...`), and
  subject-less continuations (`وأضاف "..."`, `لكنه أكد`) resolved to the previous speaker.
- English/French: `X said (that) ...`, `"...", X said`, `said X`, `according to X` / `selon X`, `he added` /
  `a-t-il ajouté` resolved to the previous speaker.

>>> from stance.records import Article, Mention, Span
>>> text = "Hammond said Russia was bombing the opposition."
>>> m = [Mention(Span(0, 7, "Hammond")), Mention(Span(13, 19, "Russia"))]
>>> [(s.speaker.text, s.cue.text, s.content.text) for s in extract_statements(Article("d", text, "en"), m)]
[('Hammond', 'said', 'Russia was bombing the opposition')]
"""
from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional, Sequence

from .actors import AR_OUTLET_NOUNS, TO_PRONOUNS, counts_people
from .normalize import is_arabic
from .records import Article, Mention, Span, Statement
from .text import Token, normalize_arabic, split_sentences, tokens

# Arabic forms that are also common nouns or prepositions ("عبر" = via, "دعم" = support (n.)): cues only when they
# open the clause (sentence-initial or with a و/ف prefix).
_AR_AMBIGUOUS = frozenset("عبر حمل دعم نقل تابع راي ذكر طلب كشف وصف ردد وافق وافقت وافقوا".split())
_AR_PREFIXES = ("و", "ف")
_AR_OBJ_SUFFIXES = ("هما", "هم", "ها", "ه", "نا", "ني", "كم")
_AR_TIME = frozenset(
    """الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت اليوم امس مساء صباح ليل ليله الليله الماضي الماضيه اول
    ايضا كذلك بدوره بدورها جهتها جهته جانبه جانبها""".split()
)  # "من جهته", "من جانبه": the preposition stays a stop word; "في حين" opens a clause (no subject follows)
_AR_THAT = frozenset("ان انه انها انهم بان بانه بانها لان".split())
_AR_SO_THAT = frozenset("فان فانه فانها فانهم".split())  # "وحسب X فان ...": the content starts there
_AR_STOP_NAME = frozenset(
    """في من على الى عن مع خلال امام ان انه انها بان ضد بعد قبل حول الذي التي الذين ما لا لم لن قد كان انه هذا هذه ذلك تلك
    وهو وهي هو هي دون بدون""".split()
)
# adverbs that can follow a verb before its subject ("وأكد مجددا ...")
_AR_ADVERBS = frozenset("""مليا مجددا مؤخرا سابقا لاحقا رسميا مرارا صراحه علنا مجدد ثانيه بدوره بدورها حرفيا شخصيا علنيا
    مبدئيا حاليا فعليا نهائيا ضمنيا""".split())
# heads of a subject noun phrase that names a role: the person named after them is the speaker
# ("وقال عضو كتلة «حزب الله» النائب علي عمار", "وقال مدرب تشارلتون الن كاربيشلي")
_AR_ROLE_HEADS = frozenset(
    """عضو عضوه رئيس رئيسه وزير وزيره متحدث المتحدث ناطق الناطق مسؤول المسؤول مسؤوله مسؤولو مسؤولون مصدر مصادر القيادي قيادي
    نائب النائب مدير المدير مديره زعيم الزعيم قائد القائد قاده امين الامين سفير السفير مندوب المندوب مستشار
    المستشار مدرب المدرب محافظ المحافظ ممثل الممثل مراسل ضابط الضابط الشيخ العقيد اللواء العميد الجنرال الرئيس
    الوزير رئيسا مساعد المساعد منسق المنسق مفوض المفوض امير الامير ملك الملك الداعيه المرشد المفتي الدكتور دكتور
    المهندس السيد السيده الحاج القاضي المحامي الناشط الكاتب الصحافي مفتي""".split()
)
# what a speaker is told ("وقال للصحافيين", "قال لوكالة فرانس برس"): an addressee, not the subject
_AR_ADDRESSEE_HEADS = frozenset(AR_OUTLET_NOUNS) | frozenset("مراسل صحافيين صحفيين نظيره نظيرته وفد".split())


def _normalised(words: frozenset) -> frozenset:
    """The word list as tokens spell it (`Token.norm`: one alef, ي for ى, no hamza seats), raw forms kept too."""
    return frozenset(words | {normalize_arabic(w) for w in words})


_AR_AMBIGUOUS, _AR_TIME, _AR_THAT, _AR_STOP_NAME, _AR_ADVERBS, _AR_ROLE_HEADS, _AR_ADDRESSEE_HEADS = map(
    _normalised, (_AR_AMBIGUOUS, _AR_TIME, _AR_THAT, _AR_STOP_NAME, _AR_ADVERBS, _AR_ROLE_HEADS, _AR_ADDRESSEE_HEADS))
_AR_STOP_NAME = _AR_STOP_NAME - {"علي"}  # "على" normalises to the name "علي" (Ali): a name wins
_AR_ALA = frozenset({"على", "وعلى"})  # ... except inside a name or speaker phrase, where "على" with alef maqsura is
# the preposition and ends it (`_name_like`, `_ar_bare_subject`)
# words that never start or continue a subject noun phrase
_AR_FUNCTION = _AR_STOP_NAME | _AR_THAT | _AR_TIME | _AR_ADVERBS | frozenset({"اسم"})  # "لم يذكر اسم إسرائيل"
_AR_PREPOSITIONS = _normalised(frozenset("عن على من الى إلى في مع بعد قبل حول ضد خلال".split()))
_PRONOUN_SUBJECT = {
    "en": frozenset("he she they it we i".split()),
    "fr": frozenset("il elle ils elles on nous je".split()),
}
_FIRST_PERSON = frozenset("we nous".split())
# a reporting form right after one of these is a noun ("une demande de réintégration", "cette note", "a call"):
# no statement. The articles le/la/les/l' are left out: in French they are also object pronouns ("comme le demande")
_LATIN_DETERMINERS = {
    "fr": frozenset("un une des du au aux cet cette ces sa son ses mon ma mes notre nos votre vos".split()),
    "en": frozenset("a an the his her its their this these those our".split()),  # (French "a" is an auxiliary)
}
_FR_PUT = frozenset("met mets mettent mis mise mettait mettaient mettra mettront mettrait mettre mettant".split())
_EN_AUX = frozenset("has have had will would also later again then further previously earlier has not had".split())
_FR_AUX = frozenset("a ont avait avaient aura auraient aurait également encore aussi".split())
_QUOTES = "\"«»“”„'"
_MAX_SPEAKER_GAP = 6  # tokens between a cue and its verb-subject speaker


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    text: str
    kind: str  # report | eval | continue | participle | source
    token_index: int
    mood: str = ""  # "purpose" for "لتعلن" (to announce): its subject is the clause's, never the word after it;
    # "document" for "وجاء في البيان": the document (or whoever issued it) speaks


@lru_cache(maxsize=1)
def load_cues() -> dict[str, dict[str, str]]:
    """The shipped cue lexicon: {lang: {normalised form: kind}}."""
    table: dict[str, dict[str, str]] = {"ar": {}, "en": {}, "fr": {}}
    data = resources.files("stance").joinpath("resources/cues.tsv").read_text(encoding="utf-8")
    for line in data.splitlines():
        if not line or line.startswith("#"):
            continue
        lang, form, kind = line.split("\t")
        table.setdefault(lang, {})[form] = kind
    return table


@dataclass(frozen=True)
class _Form:
    kind: str
    base: str  # the lexicon form matched ("اعتبرتها" -> "اعتبرت", "وحمل" -> "حمل")
    mood: str  # "" | "future" ("سيقول") | "purpose" ("لتعلن")


def _analyse_ar(tok: Token, first: bool, lex: dict[str, str]) -> Optional[_Form]:
    """The cue an Arabic word is, if any: its lexicon form after a و/ف prefix, a future س or purpose ل on an
    imperfect, and an object pronoun; ambiguous forms ("عبر", "ذكر") only where `first` says a clause opens."""
    w = tok.norm
    candidates = [(w, first, "")]
    for p in _AR_PREFIXES:
        if w.startswith(p) and len(w) > 3:
            candidates.append((w[len(p):], True, ""))
    for form, _, _ in list(candidates):  # "سيقول" (future), "ليشرح" / "لتعلن" (purpose): an imperfect after it
        if len(form) > 4 and form[0] in "سل" and form[1] in "يتن":
            candidates.append((form[1:], True, "future" if form[0] == "س" else "purpose"))
    noun_ending = re.sub(r"[\u064B-\u065F\u0640]+$", "", tok.text).endswith("ة")  # "إشارة": a noun, not اشار + ه
    for form, opens_clause, mood in candidates:
        kind = lex.get(form)
        base = form
        if kind is None and not noun_ending:
            for suf in _AR_OBJ_SUFFIXES:  # يتهمونها -> يتهمون, اعتبرتها -> اعتبرت, اتهموني -> اتهموا (object pronoun)
                stem = form[: -len(suf)]
                if not form.endswith(suf) or len(stem) < 3:
                    continue
                stem = next((x for x in (stem, stem + "ا") if lex.get(x) in ("eval", "report")), None)
                if stem is not None:
                    kind, base = lex[stem], stem
                    break
        if kind is None or (mood and kind not in ("report", "eval")):
            continue  # "سيضيف" (will add) is no continuation of the previous speaker
        if base in _AR_AMBIGUOUS and (not opens_clause or (base != form and not first)):
            continue  # "عبر" = via; "ودعمها" = "and its support" (a noun with a possessive), not "and supported it"
        return _Form(kind, base, mood)
    return None


def _match_ar(tok: Token, first: bool, lex: dict[str, str]) -> Optional[str]:
    form = _analyse_ar(tok, first, lex)
    return form.kind if form is not None else None


def _unprefixed(w: str) -> str:
    """A normalised word without one و/ف prefix ("وصف" stays "وصف": the prefix needs three letters after it)."""
    return w[1:] if w[:1] in _AR_PREFIXES and len(w) > 3 else w


# words after which an ambiguous form of saying (`_AR_SAYING_AMBIGUOUS`) is a verb: "فيما ذكر ...", "من جهته وصف
# ...", "وقد كشف ..."
_AR_VERB_OPENERS = _normalised(frozenset(
    "فيما وفيما بينما وبينما كما وكما قد وقد لقد ولقد حيث وحيث ثم جهته جهتها بدوره بدورها لكن ولكن".split()))


# ambiguous forms whose verb reading takes a "that" clause: ذكر (mentioned / mention), وصف, كشف, طلب; not "عبر"
# (via), "حمل", "دعم", "نقل" (also "was taken"), whose noun, preposition or passive readings are common after them
_AR_SAYING_AMBIGUOUS = _normalised(frozenset("ذكر وصف كشف طلب".split()))


def _that_follows(text: str, toks: list[Token], i: int, window: int = 8, bi_only: bool = False) -> bool:
    """A complementiser ("ان", "بانه"; not "لان", because) within `window` words after token i, in the same clause
    (no quote, colon or full stop, and no other cue between): "ذكر صدر الدين هشواني مالك الفندق للصحافيين انه ...",
    "وصف X الزيارة بأنها ..."."""
    for k in range(i + 1, min(len(toks), i + 1 + window)):
        if re.search(r"[:«»\".؛]", text[toks[k - 1].end : toks[k].start]):
            return False
        if toks[k].norm in _AR_THAT and toks[k].norm != "لان" and (not bi_only or toks[k].norm.startswith("ب")):
            return True
        if _match_ar(toks[k], True, load_cues()["ar"]) is not None:
            return False
    return False


_AR_CARRY = frozenset("حمل حملت حملوا حملا يحمل تحمل يحملون تحملون".split())


def _blame_follows(text: str, toks: list[Token], i: int) -> bool:
    """"حمّل X المسؤولية": the responsibility (not "مسؤول", an official) named later in the clause, or a reported
    clause ("حملت تقارير أن ...")."""
    for k in range(i + 1, min(len(toks), i + 14)):
        if re.search(r"[:«».؛]", text[toks[k - 1].end : toks[k].start]):
            return False
        w = toks[k].norm
        w = w[1:] if w[:1] in "وبل" else w
        if w.startswith(("مسووليه", "المسووليه", "مسووليات", "المسووليات", "لمسووليه")):
            return True
    return _that_follows(text, toks, i, 4)


_AR_SAID_OF = _normalised(frozenset("قوله قولها قولهم قولهما".split()))  # "نقلت X عن Y قوله": Y's saying
_AR_INFORMED = _normalised(frozenset("مطلع مطلعه مطلعون مطلعين مسؤول مسؤوله رفيع رفيعه بارز موثوق موثوقه".split()))
_AR_RELAY = _normalised(frozenset("نقل نقلت نقلوا ينقل تنقل".split()))  # "X relayed from Y": Y speaks


def find_cues(text: str, sentence: Span, lang: str) -> tuple[list[Token], list[Cue]]:
    """Tokens of one sentence and the reporting cues among them."""
    lex = load_cues().get(lang, {})
    toks = tokens(text, sentence.start, sentence.end)
    cues: list[Cue] = []
    for i, tok in enumerate(toks):
        mood = ""
        if lang == "ar":
            # an ambiguous form ("ذكر", "عبر") is a verb where a clause starts (the sentence start, or after , : ؛);
            # one of saying (ذكر, وصف ...) also after "فيما", "قد" ... or before a complementiser
            opens = i == 0 or re.search(r"[،,:؛;]\s*$", text[toks[i - 1].end : tok.start]) is not None \
                or (_unprefixed(tok.norm) in _AR_SAYING_AMBIGUOUS
                    and (toks[i - 1].norm in _AR_VERB_OPENERS or _that_follows(text, toks, i)
                         or _AR_AS_REPORTED.search(text[sentence.start : tok.start])  # "حسب ما ذكر مصدر"
                         or _unprefixed(tok.norm) == "وصف" and _that_follows(text, toks, i, 16, bi_only=True)))
            # ("وصف وزير الدفاع الكندي بيتر ماكاي اول من امس فرار الف سجين ... بانه": وصف X Y بأنه, a long object)
            form = _analyse_ar(tok, opens, lex)
            kind, mood = (form.kind, form.mood) if form is not None else (None, "")
            if kind in ("report", "eval", "continue") and i > 0 and toks[i - 1].norm in _AR_PREPOSITIONS:
                kind = None  # "أعرب عن إدانته": after a preposition the form is a noun, not a verb
            if kind == "participle" and form.base in _AR_PARTICIPLE_WITH_COMPLEMENT and not (
                    i + 1 < len(toks) and (toks[i + 1].norm in ("علي", "الي") or toks[i + 1].norm in _AR_THAT)):
                kind = None  # "وسط إجراءات أمنية مشددة" (tight), "خطوة لافتة" (notable): only "مشددا على", "لافتا الى"
            if kind == "eval" and i == len(toks) - 1:
                kind = None  # "ان الحكومة وافقت.": an evaluative verb with nothing after it reports nothing
            if kind == "eval" and form.base in _AR_CARRY and not _blame_follows(text, toks, i):
                kind = None  # "كانت تحمل علم هونغ كونغ" (carried), but "حمّل X المسؤولية", "حملت تقارير أن ..."
            if kind is None and tok.norm in ("نقلا",) and i + 1 < len(toks) and toks[i + 1].norm == "عن":
                kind = "source"
            if kind is None and tok.norm in _AR_CAME_IN and i + 2 < len(toks) and toks[i + 1].norm == "في" \
                    and _came_in_document(toks[i + 2]) and (i == 0 or toks[i - 1].norm not in _AR_WHAT
                                                             or _AR_AS_REPORTED.search(text[sentence.start : tok.start])):
                # ("نفى ما ورد في التقرير" is a relative, "بحسب ما جاء في البيان" a source)
                kind, mood = "report", "document"  # "وجاء في البيان ان ...", "وورد في تقرير لمنظمة العفو ان ..."
            if _unprefixed(tok.norm) in _AR_RELAY:  # "ونقلت وكالة انترفاكس عن مصادر": only with عن (else carried)
                kind = "report" if any(t.norm == "عن" and (k + 1 >= len(toks) or toks[k + 1].norm != "طريق")
                                       and toks[k - 1].norm not in ("بعيدا", "عوضا", "فضلا")
                                       for k, t in enumerate(toks[i + 1 : i + 6], i + 1)) else None
        else:
            if lang == "fr" and tok.norm in _FR_PUT and i + 2 < len(toks) and toks[i + 1].norm == "en" \
                    and toks[i + 2].norm == "garde":  # "mettent en garde contre une incursion": warn (against)
                cues.append(Cue(tok.start, toks[i + 2].end, text[tok.start : toks[i + 2].end], "eval", i))
                continue
            kind = lex.get(tok.norm)
            if kind and i > 0 and toks[i - 1].norm in _LATIN_DETERMINERS.get(lang, ()) \
                    and not re.search(r"[,;:«»\"“”()]", text[toks[i - 1].end : tok.start]):
                kind = None
            if tok.norm == "according" and i + 1 < len(toks) and toks[i + 1].norm == "to":
                cues.append(Cue(tok.start, toks[i + 1].end, text[tok.start : toks[i + 1].end], "source", i))
                continue
            if lang == "en" and tok.norm == "according":
                kind = None
        if kind:
            cues.append(Cue(tok.start, tok.end, tok.text, kind, i, mood))
    return toks, cues


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


def _ar_unknown_subject(text: str, toks: list[Token], j: int, mentions: Sequence[Mention] = ()) -> Optional[Mention]:
    """The subject right after an Arabic cue when no mention starts there: a noun phrase such as
    `الغربيون ومنظمات غير حكومية` or `وزارة الدفاع`, extended over a following person name
    (`المتحدث باسم الوزارة بيار بايل` -> the name's actor, the whole phrase as span)."""
    if j >= len(toks) or toks[j].norm in _AR_STOP_NAME or toks[j].norm in _AR_THAT or toks[j].norm.startswith(
            ("بال", "لل")) or _verbal_noun(toks[j]) or toks[j].text in _AR_ALA:
        return None
    definite = toks[j].norm.startswith(("ال", "وال"))
    construct = j + 1 < len(toks) and toks[j + 1].norm.startswith("ال") and toks[j + 1].norm not in _AR_STOP_NAME \
        and not re.search(
        r"[،,:\"«»]", text[toks[j].end : toks[j + 1].start])
    if not (definite or construct):
        return None
    k = j
    body_actor = None  # "مبعوث الأمم المتحدة": the body a role serves is the speaker's actor
    country = None  # "وزير العدل اللبناني": a nationality adjective makes the phrase speak for that country
    while k + 1 < len(toks) and k - j < 4:
        nxt = toks[k + 1]
        if nxt.norm in _AR_STOP_NAME or nxt.norm in _AR_THAT or nxt.norm in _AR_SO_THAT or nxt.norm in _AR_TIME \
                or nxt.text in _AR_ALA or nxt.norm in _AR_WHEN or nxt.norm == "لدي":
            # "ووافق مجلس الوزراء على طلب ...": على (not the name علي) ends it; so do "عندما" and "لدى" (where a
            # role is held)
            break
        if re.search(r"[،,:\"«»]", text[toks[k].end : nxt.start]) or _told_person(nxt) \
                and toks[k].norm not in _AR_OF_SOMEONE:
            break  # "وقال الوزير لرئيس الحكومة": the one told is no part of the subject
        m = next((m for m in mentions if m.start <= nxt.start < m.end), None)
        after_nxt = toks[k + 2] if k + 2 < len(toks) else None
        if k == j and definite and m is None and nxt.norm.startswith("ال") and not _adjective_shaped(nxt) \
                and (len(nxt.norm) >= 6 and nxt.norm.endswith("ات") and not toks[j].norm.endswith("ات")
                     or _verbal_noun(nxt)) \
                and not (after_nxt is not None and after_nxt.norm in _AR_THAT):
            break  # "ونفى الوزير الاتهامات الموجهة", "ونفى المتحدث الاتهامات،": a definite plural or verbal noun
            # after it is its object (not an adjective or a family name before إن: "النساء المتظاهرات إن")
        if m is None and nxt.norm.startswith("ل") and toks[j].norm in _AR_ROLE_HEADS \
                and nxt.norm[1:] not in _AR_ADDRESSEE_HEADS:  # (not "لوكالة فرانس برس": told to it)
            # "الأمين العام للأمم المتحدة": the body a role serves (its mention starts inside "للأمم") is its own side
            body = next((x for x in mentions if nxt.start < x.start < nxt.end and x.actor is not None), None)
            if body is not None:
                while k + 1 < len(toks) and toks[k + 1].start < body.end:
                    k += 1
                continue
        if (m is None or m.actor is None) and (_told_word(nxt) or _told_outlet(toks, j, k)):
            # "وقال الوزير للصحافيين", "المتحدث باسم الجيش للتلفزيون الرسمي"
            break  # "وقال الوزير لوكالة فرانس برس ان": the one told is no part of the subject (but a body is:
            # "التلفزيون الرسمي لكوريا الشمالية")
        if m is not None:
            if m.actor is not None and m.actor.type == "person" and not (
                    country is not None and m.actor.affiliation not in (None, country.affiliation, country.id)):
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
                country = m.actor
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
    return Mention(Span.of(text, toks[j].start, toks[_past_side(text, toks, j, k, mentions)].end),
                   country or body_actor)


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


@dataclass
class _State:
    last_speaker: Optional[Mention] = None


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
            if any(a < cue.start < b for a, b in quotes):
                continue  # a verb inside quoted speech belongs to the content, not a new statement
            embedded = lang == "ar" and cue.kind in ("report", "eval") and _embedded_ar(text, toks, cue, found)
            if embedded:
                # "ذكرت الوكالة ان ايران هددت اذربيجان", "قال مسؤول إن الوزير قال ...": the reported actor's own act
                # or words, subject right before the verb (a statement inside the other's content)
                prev = _mention_ending_before(cue.start, toks[max(0, cue.token_index - 3)].start, in_sent)
                rel = _subject_before_relative(text, toks, cue.token_index, in_sent, sent)
                if rel is not None:  # "ان ادارة الرئيس اوباما ، التي تواجه مصاعب ... ، تعتقد ان ..."
                    prev = rel
                complement = cue.token_index + 1 < len(toks) and toks[cue.token_index + 1].norm in _AR_THAT
                if (rel is None or not complement) and _unprefixed(toks[cue.token_index].norm) in _AR_NOT_NESTED:
                    # ("الحكومة ، التي ... ، تعتقد ان": with its own subject and a clause, a belief)
                    continue  # "ان القرار يعتبر انتهاكا" (is considered), "يبلغ من العمر" (is aged)
                if prev is None:  # "وحسب المصادر، فان المبعوثة طلبت من الحكومة": a phrase the dictionary lacks
                    prev = _clause_initial_np(text, toks, cue.token_index, in_sent, sent)
                    before = text[sent.start : prev.start].split()[-1:] if prev is not None else []
                    if not before or normalize_arabic(before[0]) not in _AR_SO_THAT:
                        prev = None
                gap = text[prev.end : cue.start] if prev is not None and prev is not rel else ""
                if prev is None or gap.strip(" ،,") not in ("", "قد"):
                    continue
                if cue.kind == "report" and (re.search(r"[،,]", gap) or cue.mood == "purpose"):
                    continue  # "... من ايران، اشار سكان": a comma ends the reported clause; "لتعلن" is a purpose
                res = (prev, cue.end, False)
                nested.add(cue.start)
            elif lang == "ar" and cue.kind == "source" and found:
                continue  # "وقال البيت الابيض ان ...، حسب وكالة الصحافة الفرنسية": the journalist's source
            elif lang == "ar":
                res = _speaker_ar(text, toks, cue, in_sent, sent, state)
                res = None if res is None else (*res, cue.kind == "source")
            else:
                res = _speaker_latin(text, toks, cue, in_sent, sent, state, lang)
                if res is not None and any(f[1] is not None and f[0].end <= cue.start and re.search(
                        r"\b(?:que|qu['’]|that)\b", text[f[0].end : cue.start], re.IGNORECASE) for f in found):
                    # "Le gouvernement a annoncé que la Russie avait attaqué": the reported act is part of the
                    # first statement's content (and a statement of its own only if it has content after it)
                    nested.add(cue.start)
            if res is None:
                continue
            speaker, after, inverted = res
            if lang == "ar" and speaker is not None:
                speaker = _speaks_for(speaker, in_sent)
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


_AND = {"ar": r"\s+و", "fr": r"\s+et\s+(?:(?:le|la|les|l['’])\s*)?", "en": r"\s+and\s+(?:the\s+)?"}
_AR_ALL = _normalised(frozenset("كلها كله كلهم جميعا جميعها نفسها نفسه".split()))


_AR_SPOKESPERSON = re.compile(r"(?:ال)?(?:متحدث|ناطق)(?:ة|ه)?(?:\s+(?:ال)?رسمي(?:ة|ه)?)?\s+باسم\s+")


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


def _embedded_ar(text: str, toks: list[Token], cue: Cue, found: list) -> bool:
    """True when an Arabic cue sits inside the content of an earlier statement of the sentence, after its "ان",
    and does not open a coordinated clause of its own (a و/ف prefix, "كما", or a contrast: "بينما", "فيما", "في حين")."""
    i = cue.token_index
    if toks[i].norm[:1] in _AR_PREFIXES and len(toks[i].norm) > 3 or (i > 0 and toks[i - 1].norm in ("كما", "بينما")) \
            or (i > 1 and toks[i - 1].norm == "حين" and toks[i - 2].norm == "في"):
        return False
    if i > 1 and toks[i - 1].norm == "فيما" and re.search(r"[،,]\s*$", text[toks[i - 2].end : toks[i - 1].start]):
        return False  # "...، فيما أكد X" (whereas); not "تحقق فيما أعلنه الجيش" (into what)
    for prev, speaker, after, _ in found:
        if speaker is None or after > cue.start:
            continue
        k = prev.token_index + 1
        while k < i and toks[k].start < after:
            k += 1
        if any(toks[x].norm in _AR_THAT for x in range(max(prev.token_index + 1, k - 1), i)):
            return True
    return False


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


def _spoke_before_in(state: _State, sent: Span, pos: int) -> bool:
    """Whether the last speaker was named earlier in this sentence, before `pos`."""
    last = state.last_speaker
    return last is not None and sent.start <= last.start < pos


def _resolved(state: _State) -> Optional[Mention]:
    if state.last_speaker is None:
        return None
    m = state.last_speaker
    return Mention(m.span, m.actor, resolved=True)


def _speaker_ar(text, toks, cue: Cue, mentions, sent: Span, state: _State):
    """(speaker mention, offset where the content may start) for an Arabic cue, or None when it is no statement."""
    i = cue.token_index
    if cue.kind == "source":  # حسب ما اعلنت X / بحسب X: the following verb (if any) and subject are handled there
        j = i + 1
        if j < len(toks) and toks[j].norm in ("ما", "لما"):
            return None  # the verb after "حسب ما" / "وفقا لما" is itself a cue and finds its subject
        if j >= len(toks):
            return None
        # the source phrase is at most four words and ends before "فان"/"ان" or a comma ("وحسب ضيف الله فان
        # المعتقلين ...": the detainees are what the source says, not the source)
        end = j
        while end + 1 < min(len(toks), j + 4) and toks[end + 1].norm not in _AR_THAT | _AR_SO_THAT \
                and not re.search(r"[،,:\"«»()؛]", text[toks[end].end : toks[end + 1].start]):
            end += 1
        m = _mention_after(cue.end, toks[end].end, mentions)
        if m is None or m.start != toks[j].start:  # "وحسب مصادر عراقية": the sources, not their nisba
            m = _ar_bare_subject(text, toks, j, mentions, toks[end].end) or m
        if m is not None and m.start == toks[j].start:
            m = _issuer(text, toks, m, mentions)  # "حسب بيان لوزارة الدفاع البريطانية": the ministry
        head = j + 1 if toks[j].norm in ("احد", "بعض") and j + 1 <= end else j
        if m is not None and m.actor is None and m.start == toks[j].start and toks[head].norm in _AR_NON_AGENT_SOURCES:
            # "بحسب التقديرات", "وفق أمر من المحكمة", "وحسب احد السيناريوهات": a figure, an order or a scenario,
            # not someone speaking (but "بحسب مدير المخطط العمراني" is the director)
            return None
        return (m, m.end) if m else None
    if cue.mood == "document":
        return _document_speaker(text, toks, cue, mentions, state)
    if i + 1 < len(toks) and toks[i + 1].norm in _AR_IN_IT:
        # "وأصدرت وزارة الخارجية بيانا قالت فيه ان ...", "وصدر عن قيادة الجيش بيان اشارت فيه الى ...": whoever
        # issued the document the cue is "in" (a subject after فيه speaks itself: "مؤتمرا قال فيه نقيب الصحفيين")
        after_in = list(itertools.takewhile(lambda t: t.norm not in _AR_THAT, toks[i + 2 : i + 5]))
        named_after = after_in and (after_in[0].norm in _AR_ROLE_HEADS
                                    or any(m.start == t.start for t in after_in for m in mentions))
        issuer = None if named_after else _issuer_before(text, toks, i, mentions)
        if issuer is not None:
            return issuer, toks[i + 1].end
    if cue.mood == "purpose":  # "وعادت وزارة الداخلية لتؤكد اعتقال ...": the clause's subject, never the object
        if _spoke_before_in(state, sent, cue.start):
            return _resolved(state), cue.end
        subject = _initial_clause_subject(text, toks, sent, cue, mentions)
        return (subject, cue.end) if subject is not None else None
    if cue.kind == "participle":
        if _spoke_before_in(state, sent, cue.start):
            return _resolved(state), cue.end
        # "أضرب عمال المصنع احتجاجا على ...": no speaker yet in this sentence, so the subject of its first clause
        subject = _first_before(text, cue.start, mentions, sent, person=False)
        if subject is not None:
            return subject, cue.end
        return (_resolved(state), cue.end) if state.last_speaker else None
    if toks[i].norm.lstrip("وف").startswith("نقل"):  # "ونقلت وكالة رويترز عن بيركنز قوله": the source is after عن
        for k in range(i + 1, min(len(toks), i + 6)):
            if toks[k].norm == "عن" and k + 1 < len(toks):
                m = next((m for m in mentions if m.start <= toks[k + 1].start < m.end), None)
                if m is None:
                    m = _ar_unknown_subject(text, toks, k + 1, mentions)
                if m is None:  # "عن مصدر مطلع قوله", "عن مصادر دبلوماسية أن": the source and its adjectives
                    e = k + 1
                    while e + 1 < len(toks) and e - k < 3 and toks[e + 1].norm not in _AR_SAID_OF \
                            and (_adjective_shaped(toks[e + 1]) or toks[e + 1].norm in _AR_INFORMED) \
                            and not _PHRASE_BREAK.search(text[toks[e].end : toks[e + 1].start]):
                        e += 1
                    m = Mention(Span.of(text, toks[k + 1].start, toks[e].end))
                after = _token_from(toks, m.end)
                start = after.end if after is not None and after.norm in _AR_SAID_OF else m.end
                return m, start
    if cue.kind == "noun":  # "كثف الكرملين ... الاعلان عن": the subject precedes the nominal cue
        if i > 0 and toks[i - 1].norm in _AR_AFTER_EVENT:
            return None  # "بعد الإعلان رسمياً عن وفاة", "التي سبق الإعلان عنها": an event in time, no one speaking
        prev = _mention_ending_before(cue.start, toks[max(0, i - 8)].start, mentions)
        while_they = max((m.start() for m in _AR_WHILE_THEY.finditer(text, sent.start, cue.start)), default=None)
        if prev is not None and while_they is not None and (while_they >= prev.end or prev.start > while_they) \
                and not _PHRASE_BREAK.search(text[while_they : cue.start]) \
                and not _new_clause_between(toks, while_they + 3, cue.start, mentions):
            # "وتجمع المتظاهرون في ساحة فلسطين وهم يرددون هتافات": "وهم" is the clause's subject, not the square;
            # nor what they carry ("وهم يحملون الاعلام الفلسطينية ولافتات تطالب ...")
            prev = _subject_of_while(text, toks, while_they, mentions, sent)
        return (prev, cue.end) if prev else None
    if i > 0 and toks[i - 1].norm in _AR_RELATIVE and toks[i - 1].norm not in ("وهو", "وهي"):
        # "الامير سعود الفيصل الذي قال ...": a perfect-tense reporting verb right after the relative pronoun has the
        # antecedent as its subject; otherwise ("لداعش الذي يزعم محاربته") the subject is not written
        j = _skip_time(toks, i + 1)
        own = next((m for m in mentions if j < len(toks) and m.start == toks[j].start and m.actor is not None), None)
        if own is not None and cue.kind == "report" and not toks[i].norm.startswith(("ي", "ن")):
            # "الانتحاري الذي قالت وزارة الداخلية إن اسمه ...", "الذي تقول الحكومة": a known actor right after the
            # verb is its subject
            own = _with_apposed_name(text, toks, own, mentions)
            return own, _after_subject(text, toks, own.end, mentions)
        past = not toks[i].norm.startswith(("ي", "ت", "ن")) or toks[i].norm in _AR_PAST_T
        if cue.kind == "report" and past:
            prev = _mention_ending_before(toks[i - 1].start, toks[max(0, i - 5)].start, mentions)
            if prev is not None and text[prev.end : toks[i - 1].start].strip(" ،,") == "":
                return prev, _after_subject(text, toks, cue.end, mentions)
        return None
    if i > 0 and toks[i - 1].norm in _AR_SLOGANS and not _PHRASE_BREAK.search(text[toks[i - 1].end : cue.start]):
        # "وردد المتظاهرون هتافات تقول (تركيا علمانية)", "يرفعون شعارات تطالب المنظمات الدولية ...": what the slogans
        # say is the content of the chanting (the slogan noun's or the chanting verb's statement); the noun after the
        # verb is no speaker
        return None
    # subject-verb at the head of a clause: "حزب الله يحذر الحكومة", "وكان الرئيس الروسي قد اعلن": the noun after
    # the verb is its object
    aux = _auxiliary_subject(text, toks, i, mentions, sent)
    if aux is not None:
        return aux, _after_subject(text, toks, cue.end, mentions)  # "قد صرح لوكالة رويترز بان": past the addressee
    front = _clause_initial_subject(text, toks, i, mentions, sent) or _clause_initial_np(text, toks, i, mentions, sent)
    if front is not None:
        return front, cue.end
    if _adjectival_clause(text, toks, i, mentions):
        return None  # "عريضة تحمل أكثر من 150 ألف توقيع", "شخص يقول تفاهات": the verb describes the noun
    if _plural_verb(toks[i]):  # "هتفوا ضدي", "اعتبروا أنفسهم": the subject is before the verb or a pronoun
        prev = _subject_right_before(text, toks, i, mentions)
        if prev is not None:
            return prev, cue.end
        if state.last_speaker is not None and (_conjoined(toks[i]) or i == 0):
            return _resolved(state), cue.end
        return None
    p = i - 1
    while p > 0 and toks[p].norm in ("لم", "لن", "لا", "قد"):
        p -= 1
    if p < i - 1 and toks[p].norm in _AR_HE_BUT:
        # "لكنه لم يذكر اسم إسرائيل": the pronoun is the subject (the last speaker); what follows is the object. A
        # feminine pronoun may point at any feminine noun ("قال الوزير إن الشركة وعدت ... لكنها لم تعلن"): no one
        masculine = not toks[p].norm.endswith("ها")
        return (_resolved(state), cue.end) if masculine and state.last_speaker is not None else None
    if _conjoined(toks[i]) and _unprefixed(toks[i].norm) in _AR_DESCRIBE and state.last_speaker is not None \
            and i + 2 < len(toks) and toks[i + 2].norm in _AR_THAT_IT \
            and (toks[i + 1].norm.startswith("ال") or any(m.start == toks[i + 1].start and m.actor is not None
                                                          and m.actor.type == "country" for m in mentions)) \
            and not any(m.start <= toks[i + 1].start < m.end and m.actor is not None
                        and not (m.actor.type == "country" and toks[i].norm.endswith("وصف")) for m in mentions):
        # "وقال «...»، ووصف الحادث بانه اكبر خسارة": one word before "بانه" is what is described, the describer is
        # the last speaker ("ووصف الوزير الحادث بانه ...": the minister); so is a country after the masculine verb
        # ("ووصف اسرائيل بانها ...": a country is feminine, so it is the one described)
        return _resolved(state), cue.end
    # verb-subject: skip time adverbs and an addressee ("للصحافيين"), then the subject: a known mention, else an
    # unknown noun phrase
    j = _skip_time(toks, i + 1)
    if j < len(toks) and toks[j].norm in _AR_RESUMPTIVE:
        # "حسبما افادت به وكالة رويترز": "به" points back at the content; "تحدث فيها عن ...": no subject yet
        j = _skip_time(toks, j + 1)
    if j < len(toks) and toks[j].norm == "النقاب":
        return None  # "كشف النقاب ... ان": an impersonal "it was revealed", the veil is no speaker
    after_addressee = _skip_addressee(text, toks, j, mentions)
    addressed = after_addressee != j
    j = _skip_time(toks, after_addressee)
    first = max(i + 1, j)
    gap_end = min(len(toks), first + _MAX_SPEAKER_GAP)
    limit = toks[gap_end - 1].end if gap_end > first else cue.end
    # stop at "ان" / a quote / a colon: the content starts there
    for k in range(first, gap_end):
        between = text[toks[k - 1].end : toks[k].start]
        if addressed and k == first and between.lstrip().startswith("»"):
            between = between.lstrip()[1:]  # the addressee's closing quote ("وأشار لـ«الشرق الأوسط» عبد الرحمن")
        if toks[k].norm in _AR_THAT or toks[k].norm in _AR_SO_THAT or any(q in between for q in _QUOTES + ":"):
            limit = toks[k].start
            break
    described = _unprefixed(toks[i].norm) in _AR_DESCRIBE and first < k < gap_end and toks[k].start == limit \
        and toks[k].norm in _AR_THAT_IT and k - 1 > j and toks[k - 1].norm.startswith("ال") \
        and not _adjective_shaped(toks[k - 1])
    if described:
        limit = toks[k - 1].start  # "ووصف الوزير الحادث بانه ...": the word before "بانه" is the one described
    counted = _quantified_subject(text, toks, j, mentions, limit) if j < len(toks) else None
    if counted is not None:  # "ودعت بعض جماعات المستهلكين الى", "وقال عدد من المتظاهرين"
        return counted, _after_subject(text, toks, counted.end, mentions)
    chain = _role_chain(text, toks, j, mentions, limit) if j < len(toks) else None
    if chain is not None:  # "المتحدث العسكري الباكستاني الميجر جنرال وحيد أرشد": the role's body is no target
        return chain, _after_subject(text, toks, chain.end, mentions)
    # "وهددت بنسف المباني", "وطالب بالافراج": after an evaluative verb an unknown phrase in ب is its complement
    complement = cue.kind == "eval" and j < len(toks) and toks[j].norm.startswith("ب") \
        and not any(m.start <= toks[j].start < m.end and m.actor is not None for m in mentions)
    if j < len(toks) and toks[j].start < limit and not complement:
        m = next((m for m in mentions if m.start <= toks[j].start < m.end), None)
        if _accused(text, toks, i, j, m, mentions):
            j = len(toks)  # "عندما اتهم النواب بالفساد": the one accused (or, read passive, nobody) is no speaker
    if j < len(toks) and toks[j].start < limit and not complement:
        if m is not None and m.actor is not None:
            m = _with_apposed_name(text, toks, m, mentions)
            return m, _after_subject(text, toks, m.end, mentions)
        unk = _ar_unknown_subject(text, toks, j, mentions)  # may extend an unknown name or collective
        if unk is not None and described and unk.end > limit:
            last = max((t for t in toks[j:] if t.end <= limit), key=lambda t: t.end, default=None)
            unk = Mention(Span.of(text, unk.start, last.end), unk.actor) if last is not None else None
        if unk is not None and m is not None and unk.end > m.end and m.text.startswith(("ال", "وال")):
            after = _token_from(toks, m.end)
            if after is not None and not after.norm.startswith(("ال", "وال", "و")) and after.norm != "باسم" \
                    and not any(x.start == after.start for x in mentions):
                unk = None  # "وردد المتظاهرون شعارات مناهضة": an indefinite noun after a definite one is its object
        if unk is not None and (m is None or unk.end >= m.end):
            unk = _issuer(text, toks, _with_role_holder(text, toks, unk, mentions), mentions)
            return unk, _after_subject(text, toks, unk.end, mentions)
        if m is not None:
            m = _with_called_name(text, toks, m)
            after = _token_from(toks, m.end)
            nisba = next((x for x in mentions if after is not None and x.start == after.start and _nisba(x, after)), None)
            if nisba is not None and not _PHRASE_BREAK.search(text[m.end : after.start]):
                m = Mention(Span.of(text, m.start, nisba.end), m.actor)  # "امرأة اميركية": her nationality
            return m, _after_subject(text, toks, m.end, mentions)
        bare = _ar_bare_subject(text, toks, j, mentions, limit)
        if bare is not None:
            bare = _with_role_holder(text, toks, bare, mentions)  # "وزير صحة الولاية كارل يوزيف لاومان إن"
            bare = _issuer(text, toks, bare, mentions)
            return bare, _after_subject(text, toks, bare.end, mentions)
    # a short prepositional phrase before the subject ("خلال زيارة الى موسكو" is not one: it names a place)
    m = None if addressed else _mention_after(cue.end, limit + 1, mentions)
    if m is not None and _only_filler_between(toks, i, m) and cue.kind != "eval":
        return m, m.end
    # subject-verb: a mention right before the cue, unless the cue opens a new clause with و/ف ("ويتهمونها")
    waw = _conjoined(toks[i])
    prev = _subject_before_relative(text, toks, i, mentions, sent) or _subject_right_before(text, toks, i, mentions)
    if prev is not None:
        return prev, cue.end
    # no subject of its own ("وأضاف ...", "لكنه أكد ..."): the previous speaker; a second verb of the sentence
    # ("غادر النائب وليد جنبلاط المجلس ... وقال للصحافيين") has the sentence's subject, its first person
    opens = waw or i == 0 or toks[i - 1].norm in ("لكنه", "لكنها", "كما", "انه", "انها", "وانه", "وهو", "وهي")
    # "... أن يفتح العلاقة عندما أعلن أن": a verb after "when" with no subject of its own has its clause's
    when = _after_when(toks, i)
    if cue.kind in ("report", "eval") and (waw or when) and i > 0:
        if not _spoke_before_in(state, sent, cue.start):
            clause = 0 if not when else next(  # "...، حتى قرر الشيخ ... عندما أعلن": the clause after the comma
                (k for k in range(i - 1, 0, -1) if re.search(r"[،,]", text[toks[k - 1].end : toks[k].start])), 0)
            clause += when and clause < i and toks[clause].norm in ("حتي", "وحتي")  # "حتى قرر ...": until
            person = _initial_clause_subject(text, toks, sent, cue, mentions, clause)
            if when and person is not None and not _animate(toks, person, mentions):
                person = None  # "وارتفعت أسعار النفط بعدما أكدت أن", "وصفق الحاضرون عندما أعلن": not who spoke
            person = person or _first_before(text, cue.start, mentions, sent, person=True)
            if person is not None:
                return person, cue.end
    if cue.kind in ("continue", "report", "eval") and state.last_speaker is not None:
        if opens or cue.kind == "continue":
            return _resolved(state), cue.end
    return None


_AR_ACCUSE = _normalised(frozenset("اتهم اتهمت اتهموا يتهم تتهم يتهمون".split()))
_AR_B_ADVERBS = _normalised(frozenset(
    "بالمقابل بالفعل بالاضافة بالإضافة بالامس بالأمس بالتالي بالذات بالتزامن بالتوازي".split()))
_AR_B_ACCUSED = _normalised(frozenset(
    """بارتكاب باستخدام بانتهاك باغتيال باختطاف باستهداف بانه بأنه بانها بأنها بانهم بأنهم بايواء بإيواء بالوقوف
    بالتورط بالضلوع بالتواطؤ""".split()))


def _accused(text: str, toks: list[Token], i: int, j: int, m: Optional[Mention], mentions: Sequence[Mention]) -> bool:
    """Verb i is "اتهم" and the phrase at token j (mention `m`, else a definite word and its adjectives) is followed
    right away by its ب-complement ("اتهم النواب بالفساد", "واتهمت روسيا بارتكاب ..."): the phrase is the one accused
    (a subject would come before an object: "اتهمت الحكومة المعارضة بـ")."""
    if _unprefixed(toks[i].norm) not in _AR_ACCUSE:
        return False
    if m is not None:
        k = _first_at(toks, m.end)
    elif toks[j].norm.startswith("ال"):
        k = j + 1
        while k < len(toks) and toks[k].norm.startswith("ال") and _adjective_shaped(toks[k]) \
                and toks[k].norm not in _AR_ROLE_HEADS:  # (not "القاضي": "اتهم المحامي القاضي بالانحياز")
            k += 1
    else:
        return False
    if k >= len(toks) or re.search(r"[،,:«»\"()]", text[toks[k - 1].end : toks[k].start]) \
            or any(x.start == toks[k].start for x in mentions):  # "واتهمت الهند باكستان": a name, no preposition
        return False
    # the preposition: "بالفساد", "بارتكاب", "بأنها", "بـ«الإهمال»" (not a word of its own: "برلمانية"; not an
    # adverb: "واتهمت اسرائيل بالمقابل حركة حماس")
    w = toks[k].norm
    return (w.startswith("بال") and w not in _AR_B_ADVERBS or w in _AR_B_ACCUSED or toks[k].text.startswith("بـ"))


_AR_WHEN = _normalised(frozenset("عندما وعندما حينما وحينما بعدما وبعدما لما ولما حين وحين".split()))
# nouns that govern لما as "what": "وفقا لما أعلن" (according to what was announced), no "when"
_AR_GOVERNS_WHAT = _normalised(frozenset("وفقا طبقا تبعا خلافا استنادا نظرا مخالفة اضافة إضافة".split()))


def _after_when(toks: list[Token], i: int) -> bool:
    """Verb i follows "عندما"/"بعدما"/"لما" ("when") with an active reading: not "وفقا لما أعلن" (what), not "عندما
    أعلن عن"/"بعدما اتهم بالتجسس" (with no subject these are passives: it was announced, he was accused)."""
    if i == 0 or toks[i - 1].norm not in _AR_WHEN:
        return False
    if toks[i - 1].norm in ("لما", "ولما") and i > 1 and toks[i - 2].norm in _AR_GOVERNS_WHAT:
        return False
    nxt = toks[i + 1].norm if i + 1 < len(toks) else ""
    return nxt != "عن" and not (_unprefixed(toks[i].norm) in _AR_ACCUSE and nxt.startswith("ب"))


def _animate(toks: list[Token], m: Mention, mentions: Sequence[Mention]) -> bool:
    """A subject that can speak: a role ("الشيخ", "الوزير") or a known actor that is no country or place."""
    k = _first_at(toks, m.start)
    if k < len(toks) and (toks[k].norm in _AR_ROLE_HEADS or _unprefixed(toks[k].norm) in _AR_ROLE_HEADS):
        return True
    actor = m.actor or next((x.actor for x in mentions if x.start == m.start and x.actor is not None), None)
    return actor is not None and actor.type != "country"


def _new_clause_between(toks: list[Token], start: int, end: int, mentions: Sequence[Mention]) -> bool:
    """A verb with و and its subject mention between offsets start and end ("وهم عزل ورفع الأهالي لافتات"): a new
    clause, so a "وهم" before it does not reach past it."""
    inside = [k for k, t in enumerate(toks) if start <= t.start and t.end <= end]
    return any(toks[k].norm.startswith("و") and len(toks[k].norm) > 3 and k + 1 < len(toks)
               and any(m.start == toks[k + 1].start for m in mentions) for k in inside)


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
        if m.actor is not None and m.actor.type in ("person", "country"):
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
            and not _after_clitic_preposition(text, prev):
        before = text[: prev.start].split()[-1:]
        if before and normalize_arabic(before[0]) in _AR_PREPOSITIONS:
            return None  # "الى المغاربة المقيمين في هولندا، ناشدتهم": a place after a preposition is no subject
        return prev
    return None


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


def _after_clitic_preposition(text: str, m: Mention) -> bool:
    """A mention written on a preposition ("المفاوض للخاطفين", "بالحكومة"): the object of a preposition, no subject."""
    return m.start > 0 and text[m.start - 1] in "لب" and (m.start < 2 or not is_arabic(text[m.start - 2]))


_AR_CLAUSE_OPENERS = _normalised(frozenset(
    """و ف كان وكان فكان كانت وكانت فكانت كما وكما لكن ولكن بينما فيما حيث اذ حين ان عندما وعندما حينما وحينما
    بعدما وبعدما لما ولما كلما وكلما طالما لان لأن ولان ولأن""".split()))


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
    ("وكان فؤاد حسين، مدير مكتب رئيس اقليم كردستان، قد صرح" -> فؤاد حسين, not the region named last)."""
    if i < 3 or toks[i - 1].norm != "قد" or _conjoined(toks[i]) and len(toks[i].norm) > 3:
        return None
    a = next((a for a in range(i - 2, max(-1, i - 18), -1) if toks[a].norm in _AR_KANA), None)
    if a is None or a + 1 >= i - 1 or toks[a].start < sent.start:
        return None
    if re.search(r"[:؛;.«»]", text[toks[a].end : toks[i - 1].start]) or any(
            _is_cue_word(t) for t in toks[a + 1 : i - 1]):
        return None
    j = a + 1
    if re.search(r"[،,]", text[toks[a].end : toks[j].start]):
        return None
    limit = toks[i - 1].start
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
    rest = [t for t in toks[j:i - 1] if t.start >= found.end]
    if found.actor is not None and found.actor.type != "person" and 1 <= len(rest) <= 3 \
            and all(_name_like(t) for t in rest) and not _PHRASE_BREAK.search(text[found.end : limit]):
        return Mention(Span.of(text, found.start, rest[-1].end), found.actor)  # an unknown holder: "لويس أمادو"
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


# reporting forms that inside another statement's content are mostly not speech: "يعتبر" (is considered), "يبلغ" (is
# aged / amounts to), "يعتقد" (it is believed)
_AR_NOT_NESTED = _normalised(frozenset("يعتبر تعتبر يعتبرون يبلغ تبلغ يعتقد تعتقد".split()))
_AR_RESUMPTIVE = _normalised(frozenset("به بها بهم بهما فيه فيها فيهم عنه عنها عنهم منه منها اليه اليها اليهم".split()))
_AR_CONJUNCTIONS = _normalised(frozenset("بينما وبينما حيث وحيث اذ إذ حسبما وحسبما عندما وعندما فيما وفيما كلما لما".split()))


def _plural_verb(tok: Token) -> bool:
    """A verb with a plural subject suffix (هتفوا، يطالبون، ويتهمونها): in verb-subject order Arabic verbs are singular."""
    w = tok.norm
    return len(w) > 4 and (w.endswith("وا") or w.endswith("ون") or re.search(r"ون(ها|ه|هم|ك|كم|نا)$", w) is not None)


def _arabic(tok: Token) -> bool:
    return is_arabic(tok.text[:1])


def _is_cue_word(tok: Token) -> bool:
    """An Arabic reporting or evaluative verb form of the cue lexicon."""
    return _match_ar(tok, False, load_cues()["ar"]) is not None


def _skip_time(toks: list[Token], j: int) -> int:
    while j < len(toks) and (toks[j].norm in _AR_TIME or toks[j].norm in _AR_ADVERBS):
        j += 1
    return j


_AR_AFTER_EVENT = _normalised(frozenset("بعد وبعد قبل وقبل سبق منذ عقب إثر اثر لدى عند حين فور".split()))


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
    """The token after an addressee phrase at j (its mention, or its quoted name, or the one word), else j."""
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


def _name_like(tok: Token) -> bool:
    """A word that can be part of a personal name: Arabic, not definite, not a function, time or role word."""
    w = tok.norm
    return (_arabic(tok) and len(w) >= 2 and not w.startswith(("ال", "لل", "بال", "وال")) and w not in _AR_FUNCTION
            and tok.text not in _AR_ALA and w not in _AR_ROLE_HEADS and not _is_cue_word(tok)
            and not counts_people(tok.text))  # "مصادر امنية مقتل ستة اشخاص": a count is no name


def _after_subject(text: str, toks: list[Token], end: int, mentions: Sequence[Mention]) -> int:
    """Where the content may start after a verb-subject speaker ending at `end`: past time words and an addressee
    ("وقال الوزير لـ«الشرق الأوسط» أمس إن ..." -> after "أمس"), and past the speaker's initials or closing bracket
    ("ذكرت وكالة الأنباء الألمانية (د.ب.أ) أن", "وأضافت (د.ب.أ) أن")."""
    for pattern in (_AR_INITIALS, _CLOSING_BRACKET):
        after = pattern.match(text, end)
        end = after.end() if after else end
    end = _past_bracket(text, toks, end)
    held = _held_in(text, end, mentions)  # "مبعوث الأمم المتحدة لدى اليمن إن", "وزير الخارجية الأميركي في القاهرة إن"
    after_held = _token_from(toks, held) if held is not None else None
    if after_held is not None and after_held.norm in _AR_THAT:
        end = held
    k0 = _first_at(toks, end)
    if k0 < len(toks) and toks[k0].norm in _AR_WHEN:  # "وأكد المتحدث حين سئل عن مصير المعتقلين أن": the occasion
        that = next((e for e in range(k0 + 1, min(len(toks), k0 + 10)) if toks[e].norm in _AR_THAT), None)
        if that is not None and not re.search(r"[.!?؟«»:\"]", text[toks[k0].end : toks[that].start]):
            return toks[that].start
    k = k0
    for _ in range(3):  # "عمرو موسى الأمين العام للجامعة في تصريحات للصحافيين أمس": role, occasion, addressee, time
        nxt = _skip_time(toks, _skip_addressee(text, toks, _skip_time(toks, _skip_apposition(text, toks, k)), mentions))
        if nxt == k:
            break
        k = nxt
    if k == k0:
        return end
    pos = toks[k - 1].end  # right after what was skipped: an opening quotation mark stays with the content
    closing = _CLOSING_BRACKET.match(text, pos)  # ... its closing bracket does not: "(د.ب.أ) بأن"
    if closing is None and text.count("«", end, pos) > text.count("»", end, pos):
        closing = _CLOSING_QUOTE.match(text, pos)  # nor the addressee's closing quote: "لـ«الحياة» إن"
    return closing.end() if closing else pos


_CLOSING_BRACKET = re.compile(r"[.\s]*\)")
_CLOSING_QUOTE = re.compile(r"\s*»")
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


_AR_SPEECH_NOUNS = _normalised(frozenset(
    "تصريح تصريحات حديث مؤتمر بيان مقابله كلمه رساله خطاب محاضره لقاء اتصال ندوه تصريحاته حديثه كلمته خطابه".split()))
# past-tense cues that start with ت like a present-tense verb ("الذي تحدث عن ...")
_AR_PAST_T = _normalised(frozenset("تحدث تحدثت تحدثوا تمنى تمنت تمنوا تساءل تساءلت تابع تابعت تابعوا".split()))
_AR_NON_AGENT_SOURCES = _normalised(frozenset(
    """تقديرات التقديرات أمر امر الأمر سيناريو السيناريوهات إحصاءات احصاءات الإحصاءات الاحصاءات أرقام ارقام الأرقام
    المخطط الخطة خطة""".split()))
_PHRASE_BREAK = re.compile(r"[،,:\"«»()]")  # punctuation that ends a name or a speaker phrase
_AR_RELATIVE = _normalised(frozenset("الذي التي الذين اللذين اللتين وهو وهي".split()))
_AR_PARTICIPLE_WITH_COMPLEMENT = _normalised(frozenset("مشددا مشدده مشددين لافتا لافته".split()))
_AR_THAT_IT = _normalised(frozenset("بانه بانها بانهم بأنه بأنها بأنهم".split()))  # "وصف X بأنه": X is described
_AR_DESCRIBE = _normalised(frozenset("وصف وصفت وصفوا يصف تصف يصفون".split()))
_AR_HE_BUT = _normalised(frozenset("لكنه لكنها ولكنه ولكنها لكنهم ولكنهم".split()))
_AR_SLOGANS = _normalised(frozenset("هتافات لافتات شعارات".split()))  # (not "لافتة": also "notable")
# "وهم يرددون": a circumstantial clause whose plural pronoun is the main clause's subject
_AR_WHILE_THEY = re.compile(r"(?:^|\s)وه(?:م|ن)\s")


def _skip_apposition(text: str, toks: list[Token], k: int) -> int:
    """Past what describes a verb-subject speaker before the content starts: a role in apposition ("عمرو موسى
    الأمين العام لجامعة الدول العربية"), a relative clause ("الذي عمل ..."), or the occasion ("في تصريحات
    للصحافيين", "خلال مؤتمر صحافي"), when the content ("إن", a quotation, a colon) follows within 15 words."""
    if k >= len(toks):
        return k
    w = toks[k].norm
    occasion = w in ("في", "خلال") and k + 1 < len(toks) and toks[k + 1].norm in _AR_SPEECH_NOUNS
    if not (w in _AR_ROLE_HEADS or w in _AR_RELATIVE or occasion):
        return k
    if occasion:  # "في تصريحات صحافية", "خلال مؤتمر صحافي": the occasion and its adjective
        e = k + 2
        if e < len(toks) and toks[e].norm.endswith(("يه", "ي")) and not toks[e].norm.startswith("لل") \
                and not re.search(r"[،,:\"«»]", text[toks[e - 1].end : toks[e].start]):
            e += 1
        if e < len(toks) and re.match(r"\s*[،,]", text[toks[e - 1].end : toks[e].start]) \
                and toks[e].norm not in _AR_THAT:  # ("في بيان، إن ...، لأن": the content is already there)
            # "في بيان، صدر مساء أمس، إن": a clause on the occasion set off by commas
            that = next((x for x in range(e + 1, min(len(toks), e + 8))
                         if toks[x].norm in _AR_THAT and toks[x].norm != "لان"), None)
            if that is not None and re.search(r"[،,]", text[toks[that - 1].end : toks[that].start]):
                return that
        return e
    for e in range(k + 1, min(len(toks), k + 16)):
        gap = text[toks[e - 1].end : toks[e].start]
        if toks[e].norm in _AR_THAT or any(q in gap for q in _QUOTES + ":"):
            return e
    if w in _AR_ROLE_HEADS:  # no content marker: skip the role and its genitive chain only
        e = k + 1
        while e < len(toks) and e - k < 8 and toks[e].norm not in _AR_STOP_NAME and toks[e].norm not in _AR_TIME \
                and not re.search(r"[،,:;]", text[toks[e - 1].end : toks[e].start]) \
                and not _is_cue_word(toks[e]):
            e += 1
        return e
    return k


_AR_LEAD_PARTICLES = _normalised(frozenset(
    "و ف لم ولم فلم قد وقد فقد لقد ثم كما وكما فيما وفيما بينما وبينما لكن ولكن".split()))
_AR_QUANTITY = _normalised(frozenset("عشرات مئات آلاف الاف".split()))


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
        return None
    end = j  # the phrase stops before a preposition ("المصادر عند كلام الحريري" -> "المصادر") and, after a definite
    # noun, before anything but a nisba adjective ("وتفقد الوزير المستشفى الميداني": the hospital is the object)
    while end + 1 < len(toks) and toks[end + 1].end <= unk.end and toks[end + 1].norm not in _AR_PREPOSITIONS \
            and toks[end + 1].norm not in ("عند", "لدى") and not toks[end + 1].norm.startswith(("ل", "ب")) \
            and (not toks[end].norm.startswith("ال") or _adjective_shaped(toks[end + 1])):
        end += 1
    subject = unk if toks[end].end == unk.end else Mention(Span.of(text, unk.start, toks[end].end))
    held = _with_role_holder(text, toks, subject, mentions)  # "قرر الشيخ تاج الدين الهلالي أن": the sheikh's name
    after = _token_from(toks, held.end)  # (only right before أن: "وزار الوزير مستشفى المدينة، وقال" is an object)
    return held if held.end > subject.end and after is not None and after.norm in _AR_THAT else subject


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


def _ar_bare_subject(text: str, toks: list[Token], j: int, mentions: Sequence[Mention], limit: int) -> Optional[Mention]:
    """An indefinite subject right after the verb: a role phrase and the person it names ("عضو كتلة «حزب الله»
    النائب علي عمار"), a role or group noun ("متحدث باسمه", "دبلوماسيون اوروبيون"), or a one- to three-word name
    ("باقري", "علي شاه باكتياوال") that the dictionary does not know."""
    t = toks[j]
    w = t.norm
    if not _arabic(t) or len(w) < 2 or w in _AR_FUNCTION or w.startswith(("بال", "لل", "وال")) or _is_cue_word(t) \
            or _verbal_noun(t) or (w.startswith("لا") and len(w) >= 6):  # "دعت لاجراء انتخابات": a purpose
        return None
    if "\u064b" in t.text or (w.startswith("م") and w.endswith("ا") and len(w) >= 5):
        return None  # an adverbial accusative ("مدافعاً عن القانون"), not a subject
    if len(w) >= 5 and w.endswith(("ته", "تها", "تهم", "اته")):
        return None  # a verbal noun with a pronoun ("يزعم محاربته"), not a subject
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
            if not comma and (toks[k].norm in _AR_STOP_NAME or toks[k].norm in _AR_TIME):
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
    quoted = _with_quoted_name(text, toks, j)
    if quoted is not None:
        return quoted
    k = j
    while k + 1 < len(toks) and k - j < 2:
        nxt = toks[k + 1]
        called = _with_called_name(text, toks, Mention(Span.of(text, t.start, toks[k].end)))
        if called.end > toks[k].end:  # "شاهد عيان يدعى جمال آدن": the name it is called by
            return called
        if not _arabic(nxt) or nxt.norm in _AR_FUNCTION or nxt.text in _AR_ALA or nxt.start >= limit:
            break
        if _PHRASE_BREAK.search(text[toks[k].end : nxt.start]):
            break
        known = next((m for m in mentions if m.start <= nxt.start < m.end and m.actor is not None), None)
        if known is not None and not _nisba(known, nxt):
            if k == j and known.start == nxt.start and _role_with_body(toks, j, known):
                return Mention(Span.of(text, t.start, known.end), known.actor)  # "زعيم حزب الله": the body it leads
            break  # a known actor after the subject is its object; a nisba ("مسؤول امريكي") belongs to it
        if _is_cue_word(nxt) or nxt.norm.startswith(("بال", "لل")) \
                or _is_addressee(text, nxt, mentions):
            break
        k += 1
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    country = next((m for m in mentions if nxt is not None and m.start == nxt.start and _nisba(m, nxt)), None)
    if country is not None and not _PHRASE_BREAK.search(text[toks[k].end : nxt.start]):
        # "مصادر امنية وطبية عراقية": the nationality closes the phrase and names the speaker's country
        return Mention(Span.of(text, t.start, nxt.end), country.actor)
    return Mention(Span.of(text, t.start, toks[k].end))


_FI = r"(?:ف|لد)[\u0640\u064B-\u065F]*[يى][\u064B-\u065F]*\s+«?"  # "في" / "لدى" with marks or tatweel, then
# an optional quote ("السفير الأميركي لدى الأمم المتحدة")
_HELD_IN, _HELD_IN_BRACKET = re.compile(r"\s+" + _FI), re.compile(r"[\s(]+" + _FI)


def _held_in(text: str, pos: int, mentions: Sequence[Mention], bracket: bool = False) -> Optional[int]:
    """Where a role is held, right after `pos`: " في <known body or place>" ("في الحكومة الإسرائيلية", "في
    «القوات اللبنانية»", "فِي", "فـي"; with `bracket`, also "(في لبنان"); the offset after it (past a closing quote),
    or None."""
    held = (_HELD_IN_BRACKET if bracket else _HELD_IN).match(text[pos:])
    if held is None:
        return None
    place = next((x for x in mentions if x.start == pos + held.end() and x.actor is not None
                  and x.actor.type != "person"), None)
    if place is None:
        return None
    return place.end + (1 if held.group().endswith("«") and text[place.end : place.end + 1] == "»" else 0)


def _with_role_holder(text: str, toks: list[Token], m: Mention, mentions: Sequence[Mention]) -> Mention:
    """A role phrase and the person who holds it, named right after it: "وزير الشؤون الاستراتيجية في الحكومة
    الإسرائيلية، أفيغدور ليبرمن،", "النائب (في تكتل الاكثرية) سمير فرنجية", "الامين العام للمجلس القومي للطفولة
    اميرة الفاضل، ان": the span runs over the name (the person's actor when known). Unchanged otherwise."""
    first = next((t for t in toks if t.start == m.start), None)
    if m.actor is not None and m.actor.type != "country" or first is None or first.norm not in _AR_ROLE_HEADS:
        return m  # (a country is the role's nationality: "القنصل السعودي في اسطنبول، عبد الوهاب شيخ")
    pos = _held_in(text, m.end, mentions) or m.end
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
    if named is not None and named.actor is not None and named.actor.type == "person":
        return Mention(Span.of(text, m.start, named.end), named.actor)
    if not _name_like(toks[k]) or _is_addressee(text, toks[k], mentions) \
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
            re.search(r"[،,«:]", text[toks[e].end : nxt.start]) or nxt.norm in _AR_THAT):
        return m
    return Mention(Span.of(text, m.start, toks[e].end), m.actor)


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


_AR_RANKS = _normalised(frozenset(
    "الميجر ميجر جنرال الجنرال الكولونيل اللفتنانت الكابتن الرائد النقيب الملازم العقيد العميد اللواء العماد الفريق".split()))


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
            if country is not None and m.actor.affiliation not in (None, country) \
                    and len(m.actor.affiliation) == 3 and m.actor.affiliation.isupper():  # (a country code)
                after = k + 1 if k + 1 < len(toks) and toks[k + 1].start >= m.end else None
                if after is not None and _name_like(toks[after]) and not toks[after].norm.startswith(
                        ("و", "ب", "ل", "ف")) and toks[after].norm not in _AR_TIME and not re.search(
                        r"[،,:;\"«»()]", text[m.end : toks[after].start]):  # "عباس موسوي": a longer name, unknown
                    return Mention(Span.of(text, head.start, toks[_name_run(text, toks, after)].end))
                return None  # "وهاجم وزير الخارجية الايراني نتنياهو": another country's person is the object
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
            if e > k and (nxt is None or nxt.start >= limit or nxt.norm in _AR_THAT | _AR_TIME
                          or re.search(r"[،,:«\"]", text[toks[e].end : nxt.start])):
                return Mention(Span.of(text, head.start, toks[e].end))
        return None
    return None


_AR_DOCUMENTS = _normalised(frozenset("بيان البيان تقرير التقرير رسالة الرسالة نداء النداء بلاغ البلاغ".split()))


# "وجاء في X" / "وورد في X" (it came in X): X is a document that speaks
_AR_CAME_IN = _normalised(frozenset("جاء وجاء ورد وورد جاءت وجاءت".split()))
_AR_CAME_DOCUMENTS = _AR_DOCUMENTS | _normalised(frozenset(
    "نص وثيقة الوثيقة مذكرة المذكرة كلمة الكلمة قرار القرار افتتاحية الافتتاحية خطاب الخطاب".split()))
_AR_POSSESSIVE = ("ه", "ها", "هم")  # "في بيانه", "في كلمتها": the previous speaker's document


_AR_WHAT = _normalised(frozenset("ما وما مما لما بما فيما".split()))  # "نفى ما ورد في التقرير": a relative
_AR_IN_IT = _normalised(frozenset("فيه فيها فيهما".split()))
_AR_ISSUED_DOCUMENTS = _AR_CAME_DOCUMENTS | _normalised(frozenset(
    "بيانا تقريرا خطابا بلاغا تصريحا تصريحات مقابلة مؤتمرا".split()))
# verbs of issuing whose subject is the document's author ("أصدرت الوزارة بيانا", "صدر عن الجيش بيان"); not of
# receiving ("تسلم الرئيس رسالة من ...": the sender is after من)
_AR_ISSUE_VERBS = _normalised(frozenset(
    "اصدر اصدرت اصدروا صدر صدرت وجه وجهت وجهوا نشر نشرت نشروا وزع وزعت وزعوا عقد عقدت عقدوا القي القت القوا بعث بعثت "
    "ارسل ارسلت قدم قدمت".split()))
_AR_SENDER = _normalised(frozenset("من عن".split()))  # "رسالة من الرئيس", "بيان عن الجيش"


def _issuer_before(text: str, toks: list[Token], i: int, mentions: Sequence[Mention]) -> Optional[Mention]:
    """Who issued the document named just before token i ("X قال فيه"): the sender after من/عن ("رسالة من الرئيس
    الروسي"), else the subject of an issuing verb right before the document ("وأصدرت وزارة الخارجية بيانا", "وصدر عن
    قيادة الجيش بيان"); None when no document is named or its author is not there."""
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
        return None
    first = _first_at(toks, before.start)
    for k in range(first - 1, max(-1, first - 4), -1):  # the verb, over "عن" and a head noun ("عقد زعيم المعارضة")
        if _unprefixed(toks[k].norm) in _AR_ISSUE_VERBS or toks[k].norm in _AR_ISSUE_VERBS:  # ("وجهت": و is the root's)
            head = k + 2 if toks[k + 1].norm in _AR_SENDER else k + 1  # "صدر عن قيادة الجيش": from قيادة
            return Mention(Span.of(text, toks[head].start, before.end), before.actor) if head < first else before
        if _PHRASE_BREAK.search(text[toks[k].end : toks[k + 1].start]):
            break
    return None


def _came_in_document(tok: Token) -> bool:
    w = tok.norm
    return w in _AR_CAME_DOCUMENTS or any(w.endswith(p) and w[: -len(p)] in _AR_CAME_DOCUMENTS
                                          or w.endswith("ت" + p) and w[: -len(p) - 1] + "ه" in _AR_CAME_DOCUMENTS
                                          for p in _AR_POSSESSIVE)


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
    actor when known ("بيان صادر عن X", "بيان لـX", "تقرير الصادر عن X"). Unchanged otherwise."""
    k = next((k for k, t in enumerate(toks) if t.start == m.start), None)
    if k is None or toks[k].norm not in _AR_DOCUMENTS:
        return m
    j = k + 1
    if j < len(toks) and toks[j].norm in ("صادر", "الصادر", "صادرا"):
        j += 1
    if j >= len(toks) or _PHRASE_BREAK.search(text[toks[j - 1].end : toks[j].start]):
        return m
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


def _name_run(text: str, toks: list[Token], k: int, words: int = 3, definite: bool = False) -> int:
    """The last token of a run of up to `words` name-like tokens from token k, stopping at punctuation;
    `definite` lets family names with the article continue it ("اميرة الفاضل")."""
    def more(tok: Token) -> bool:
        return _name_like(tok) or definite and tok.norm.startswith("ال") and tok.norm not in _AR_STOP_NAME \
            and tok.norm not in _AR_TIME and not _is_cue_word(tok)
    e = k
    while e + 1 < len(toks) and e - k < words - 1 and more(toks[e + 1]) \
            and not _PHRASE_BREAK.search(text[toks[e].end : toks[e + 1].start]):
        e += 1
    return e


# heads that take a name in quotes ("قناة «سي بي اس»", "خلية «بلعيرج»"); role heads do too
_AR_OUTLET_HEADS = _normalised(frozenset(AR_OUTLET_NOUNS))
_AR_NAMED_HEADS = _AR_OUTLET_HEADS | _normalised(frozenset(
    """خلية خليه حزب حركة حركه جماعة جماعه منظمة منظمه جمعية جمعيه تنظيم شركة شركه هيئة هيئه لجنة لجنه تيار جبهة جبهه
    كتلة كتله حركتا""".split()))


def _with_quoted_name(text: str, toks: list[Token], j: int) -> Optional[Mention]:
    """A head noun with its name in quotes ("قناة «سي بي اس» الاميركية", "خلية «بلعيرج»"), and for a role the person
    named after it ("رئيس «التنظيم الشعبي الناصري» أسامة سعد"): the whole phrase, or None when the head is not one
    that takes a name (`_AR_NAMED_HEADS`, a role) or no short quoted name follows it."""
    if toks[j].norm not in _AR_NAMED_HEADS and toks[j].norm not in _AR_ROLE_HEADS:
        return None  # "وقال مسؤول «لن نتراجع»": the quote is what was said
    opened = re.match(r"\s*«[^«»،,.:؛!?]{1,40}»", text[toks[j].end :])
    if opened is None:
        return None
    end = toks[j].end + opened.end()
    inside = [t for t in toks if toks[j].end < t.start < end]
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


def _with_apposed_name(text: str, toks: list[Token], m: Mention, mentions: Sequence[Mention]) -> Mention:
    """An office mention with its holder's name in apposition ("رئيس الجمهورية الجورجية، ميخائيل ساكاشفيلي،"),
    possibly after where the office is held ("السفير الأميركي لدى الأمم المتحدة زلماي خليلزاد، أن", "القنصل السعودي
    في اسطنبول، عبد الوهاب شيخ لـ«الشرق الأوسط»"): the span runs to the end of the name; the actor stays the
    office's unless the name is a known person of the office's country. A posted office with no name runs over its
    post ("السفير ... لدى الأمم المتحدة ان")."""
    if m.actor is None or m.actor.type == "person":
        return m
    pos = m.end
    held = _HELD_IN.match(text, pos)
    body = next((x for x in mentions if held is not None and x.start == held.end()), None)
    place = _first_at(toks, held.end()) if held is not None and body is None else len(toks)
    if body is not None:
        pos = body.end
    elif place < len(toks) and toks[place].start == held.end() and re.match(r"\s*[،,]", text[toks[place].end :]):
        pos = toks[place].end  # a place the dictionary lacks, closed by a comma
    after = re.compile(r"\s*[،,]\s*" if body is None else r"\s*[،,]?\s*").match(text, pos)
    k = _first_at(toks, pos)
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
        _name_like(t) or _family_name(t) and (apposed and n == len(words) - 1 or words[n - 1].norm in _AR_NAME_PARTICLES)
        for n, t in enumerate(words[1:], 1))


# the definite word after these is part of a name ("عبد الوهاب"); so is a definite last word ("عبد الله الرفاعي")
_AR_NAME_PARTICLES = frozenset("عبد ابو بن ابن".split())


def _family_name(tok: Token) -> bool:
    """A definite word that can end or continue a personal name: not a role, function, time or cue word."""
    w = tok.norm
    return w.startswith("ال") and len(w) >= 4 and w not in _AR_ROLE_HEADS and w not in _AR_FUNCTION \
        and w not in _AR_TIME and not _is_cue_word(tok)


def _only_filler_between(toks: list[Token], i: int, m: Mention) -> bool:
    """True when only time adverbs / short prepositional phrases stand between cue i and mention m."""
    n = 0
    for t in toks[i + 1 :]:
        if t.start >= m.start:
            return True
        n += 1
        if n > _MAX_SPEAKER_GAP:
            return False
    return True


_LATIN_FILLER = frozenset(
    """has have had will would also later again then further previously earlier not never on in at last this week
    monday tuesday wednesday thursday friday saturday sunday today yesterday a an the statement interview speech
    recently repeatedly publicly once long a ont avait avaient aura aurait auraient également encore aussi déjà lundi mardi
    mercredi jeudi vendredi samedi dimanche hier aujourd’hui aujourd'hui dans un une son sa ses communiqué entretien
    rapidement vivement fermement aussitôt alors ensuite immédiatement toutefois cependant pourtant néanmoins enfin
    d'ailleurs d’ailleurs leur lui y en se me te vous l'a l’a l'ont l’ont s'est s’est""".split()
)


_NOT_ADVERBS = frozenset("""daily weekly monthly yearly family assembly ally rally supply reply apply italy government
    parliament movement department settlement agreement document moment argument management payment
    gouvernement parlement mouvement département commandement rassemblement établissement moment argument traitement
    jugement régiment enseignement armement""".split())


def _is_filler(tok: Token) -> bool:
    """Auxiliaries, adverbs and time words that may stand between a subject and its verb."""
    if tok.norm in _LATIN_FILLER:
        return True
    return tok.text.islower() and tok.norm.endswith(("ly", "ment")) and tok.norm not in _NOT_ADVERBS


def _speaker_latin(text, toks, cue: Cue, mentions, sent: Span, state: _State, lang: str):
    """(speaker, content start, inverted) for an English/French cue, or None when it is no statement."""
    i = cue.token_index
    pron = _PRONOUN_SUBJECT.get(lang, frozenset())
    if cue.kind == "source":  # according to X / selon X: the content is the rest of the sentence
        j = i + (2 if toks[i].norm == "according" else 1)
        if j < len(toks):
            m = _mention_after(toks[j].start, toks[min(j + 2, len(toks) - 1)].end + 1, mentions)
            if m:
                return m, m.end, False
            if toks[j].norm not in pron:  # "Selon l’ambassadrice de la Palestine en France, ..."
                unk = _latin_phrase_after(text, toks, j)
                if unk is not None:
                    return unk, unk.end, False
        return None
    if lang == "fr" and re.search(r"-t-(il|elle|ils|elles)\s*$|-(il|elle|ils|elles)\s*$",
                                  text[max(sent.start, cue.start - 12) : cue.start].lower()):
        return (_resolved(state), cue.end, True) if state.last_speaker else None
    if lang == "fr" and re.match(r"\s*-(?:t-)?on\b", text[cue.end : cue.end + 6]):
        return None  # "assure-t-on", "dit-on": nobody in particular speaks
    if lang == "fr" and _purpose_infinitive(toks, i):
        # "Des milliers de personnes ont marché ... pour exprimer leur soutien au peuple palestinien": the subject
        # of the clause the purpose belongs to
        subj = _main_subject_fr(text, toks, i, mentions, sent)
        return (subj, cue.end, False) if subj is not None else None
    titled = _quoted_title_before(text, cue.start, sent) if lang == "fr" else None
    if titled is not None:  # 'Le « Retch » déclare que ...': a newspaper named in quotation marks
        return titled, cue.end, False
    # subject before the cue, over auxiliaries/adverbs/time phrases: "Obama on Tuesday accused", "X, the minister, said"
    k = i - 1
    while k >= 0 and i - k <= 5 and _is_filler(toks[k]):
        if lang == "fr" and toks[k].norm == "on":
            return None  # "À Moscou on affirme que ...": impersonal, nobody in particular speaks
        k -= 1
    if k >= 0 and re.search(r"[\"“”«»:;,]", text[toks[k].end : cue.start]):
        # a comma or a quotation between the last word and the cue (or its auxiliary): either the end of an
        # apposition ("Le Hamas, de son côté, a rejeté", "M. Daasset, rapporteur, dit", "Le ministre, qui
        # s'exprimait mardi, a déclaré") or an inverted cue ('"...," said X', '..., a dit X', see below)
        if not re.search(r"[\"“”«»:;]", text[toks[k].end : cue.start]):
            j = max(t for t in range(k + 1, i + 1) if "," in text[toks[t - 1].end : toks[t].start])
            apposed = _subject_before_apposition(text, toks, j, sent, mentions)
            if apposed is not None:
                return apposed, cue.end, False
        k = -1
    if k >= 0:
        if toks[k].norm in _FIRST_PERSON:  # "Nous condamnons ...", "We welcome ...": the writer's side speaks
            return Mention(Span.of(text, toks[k].start, toks[k].end)), cue.end, False
        if toks[k].norm in pron:
            return (_resolved(state), cue.end, False) if state.last_speaker else None
        if toks[k].norm in ("qui", "who") and k > 0:
            # "M. DitUy qui accusait ...": the relative's antecedent speaks, unless it is the complement of another
            # noun ("les familles des otages du Hamas, qui ont dénoncé", "Le rapport de l'ONU qui accuse")
            m = _mention_ending_before(toks[k].start, toks[k - 1].start, mentions)
            if m is not None and not re.search(r"[;:.!?\"“”«»()]", text[m.end : toks[k].start]) \
                    and not _DE_COMPLEMENT.search(text[sent.start : m.start]):
                return m, cue.end, False
            return None
        m = next((m for m in mentions if m.start <= toks[k].start and toks[k].end <= m.end), None)
        if m is not None and (_country_adjective(m) or _DE_COMPLEMENT.search(text[sent.start : m.start])):
            # "Le ministre français a dénoncé", "les membres de la Douma déclarent", "L'avocat de Donald Trump a
            # dit": the noun phrase speaks, linked to the actor its adjective or complement names (its side)
            np_ = _latin_subject_before(text, toks, k, sent)
            if np_ is not None and np_.start < m.start:
                return Mention(np_.span, m.actor), cue.end, False
        if m is not None:
            return m, cue.end, False
        unk = _latin_subject_before(text, toks, k, sent)
        if unk is not None:  # "a spokesman for the ministry said", "the poll shows"
            return unk, cue.end, False
    # inverted after a quotation or a comma: '"...," said Obama', '..., affirme Sergueï Lavrov'
    before = text[sent.start : cue.start].rstrip()
    # past the auxiliary: '« ... », a déclaré X', '"...," has said X'
    before = re.sub(r"\s+(?:a|ont|avait|avaient|aurait|has|have|had)$", "", before, flags=re.IGNORECASE).rstrip()
    if before and before[-1] in ",\"”»'’:" and i + 1 < len(toks) \
            and not re.match(r"\s*(?:que\b|qu['’]|that\b)", text[cue.end : cue.end + 6], re.IGNORECASE):
        # (never a name after "que": '..., a déclaré que la France ...' has no inverted subject)
        m = _mention_after(cue.end, toks[min(i + 4, len(toks) - 1)].end + 1, mentions)
        if m is not None:
            return m, m.end, True
        if toks[i + 1].norm in pron and state.last_speaker is not None:
            return _resolved(state), toks[i + 1].end, True
        unk = _latin_phrase_after(text, toks, i + 1)
        if unk is not None:  # '"...," said a senior official'
            return unk, unk.end, True
    if cue.kind == "continue" and state.last_speaker is not None and (i == 0 or before[-1:] in ",\"”»"):
        return _resolved(state), cue.end, bool(before)
    return None


_CLAUSE_WORDS = frozenset(
    """that and but which who whom whose while as because when if where than or so then also said says told
    que qui et mais ou donc car dont lorsque quand si où""".split()
)
_MAX_NP = 6
# words that never open a subject noun phrase: prepositions, object and adverbial pronouns, modals and infinitive
# markers ("qui devrait souligner" has no subject "devrait"; "pour y saluer", "lui répondait", "après avoir salué")
_NOT_NP_START = frozenset(
    """en y lui se ne pour par après avant avec sans sur sous dans vers chez entre contre selon malgré depuis pendant
    afin devrait devraient doit doivent peut peuvent pourrait pourraient va vont veut veulent avoir être fait faire
    to for with by of from after before into onto upon about against between without within during
    should could would can may might must shall will not also him them us me""".split()
)


_FR_FINITE_AUX = frozenset("a ont est sont s'est s’est se avait avaient était étaient".split())


def _purpose_infinitive(toks: list[Token], i: int) -> bool:
    """'pour exprimer', 'pour y saluer', 'afin de dénoncer': an infinitive cue of purpose."""
    if not toks[i].norm.endswith(("er", "ir", "re")):
        return False
    j = i - 1
    if j >= 0 and toks[j].norm in ("y", "lui", "leur"):
        j -= 1
    return j >= 0 and (toks[j].norm == "pour" or toks[j].norm in ("de", "d'", "d’") and j > 0 and toks[j - 1].norm == "afin")


def _main_subject_fr(text: str, toks: list[Token], i: int, mentions: Sequence[Mention], sent: Span) -> Optional[Mention]:
    """The subject of the first finite auxiliary before token i in the sentence, when it opens a clause."""
    k = next((k for k in range(i) if toks[k].norm in _FR_FINITE_AUX), None)
    if k is None or k == 0:
        return None
    known = _mention_ending_before(toks[k].start, toks[k - 1].start, mentions)
    if known is not None and (known.start == sent.start or re.search(r"[,:;.!?\n]\s*$", text[sent.start : known.start])
                              or not text[sent.start : known.start].strip()):
        return known
    return _latin_subject_before(text, toks, k - 1, sent)


# a mention right after "de", "du", "des", "d'", "of" is the complement of the noun before it
_DE_COMPLEMENT = re.compile(r"\b(?:of|of the|de|du|des|de la|de l['’]|d['’])\s*$", re.IGNORECASE)


def _country_adjective(m: Mention) -> bool:
    """A lower-case country mention: the adjective of a noun phrase ("le ministre français"), never a speaker alone."""
    return m.actor is not None and m.actor.type == "country" and m.text[:1].islower()


def _quoted_title_before(text: str, pos: int, sent: Span) -> Optional[Mention]:
    """'Le « Retch »' / 'le "Temps"' right before `pos`, at the start of a clause: a title in quotation marks after
    its article ('« Inacceptable » dénonce la CGT' is a quotation, not a title)."""
    m = re.search(r"\b(?:[Ll]e|[Ll]a|[Ll]es|[Ll]['’])\s*[«\"“]\s*[A-ZÀ-Ý][^«»\"“”,;:.]{0,30}?\s*[»\"”]\s*$",
                  text[sent.start : pos])
    if m is None:
        return None
    before = text[sent.start : sent.start + m.start()].rstrip()
    if before and before[-1] not in ",;:" and not before.endswith(("que", "qu'", "qu’")):
        return None
    return Mention(Span.of(text, sent.start + m.start(), sent.start + len(text[sent.start : pos].rstrip())))


def _subject_before_apposition(text: str, toks: list[Token], j: int, sent: Span,
                               mentions: Sequence[Mention]) -> Optional[Mention]:
    """The subject before ', <apposition or relative clause>,' that ends right before token j (the auxiliary or the
    cue): a name that is the whole apposition ('Le porte-parole du Kremlin, Dmitri Peskov, a dénoncé'), else a
    mention ending at the first comma ('M. Daasset, rapporteur, dit'), else the noun phrase there ('Un officier
    allemand, interrogé par un correspondant, a déclaré'); a country adjective alone is not the subject."""
    m = re.search(r",([^,;.«»\"“”]{1,80}),\s*$", text[sent.start : toks[j].start])
    if m is None:
        return None
    comma = sent.start + m.start()
    inner = Span(sent.start + m.start(1), sent.start + m.end(1), m.group(1))
    named = next((x for x in mentions if not text[inner.start : x.start].strip() and not text[x.end : inner.end].strip()
                  and x.text[:1].isupper()), None)
    if named is not None:  # "Le porte-parole du Kremlin, Dmitri Peskov, a dénoncé": the name in apposition
        return named
    k = _first_at(toks, comma) - 1
    if k < 0 or toks[k].end > comma:
        return None
    known = _mention_ending_before(comma, toks[k].start, mentions)
    if known is not None and not _country_adjective(known):
        return known
    return _latin_subject_before(text, toks, k, sent)


def _latin_subject_before(text: str, toks: list[Token], k: int, sent: Span) -> Optional[Mention]:
    """An unknown subject noun phrase ending at token k: back to the clause start, at most _MAX_NP words."""
    if _is_filler(toks[k]) or toks[k].norm in _CLAUSE_WORDS or toks[k].norm in _PRONOUN_SUBJECT["en"] | _PRONOUN_SUBJECT["fr"]:
        return None
    b = k
    while b - 1 >= 0 and k - b + 1 < _MAX_NP + 1:
        gap = text[toks[b - 1].end : toks[b].start]
        if re.search(r"[,;:\"“”«»()]", gap) or toks[b - 1].norm in _CLAUSE_WORDS:
            break
        b -= 1
    gap_before = text[sent.start if b == 0 else toks[b - 1].end : toks[b].start]
    at_clause_start = b == 0 or re.search(r"[,;:\"“”«»()]", gap_before) or toks[b - 1].norm in _CLAUSE_WORDS
    if not at_clause_start or k - b + 1 > _MAX_NP or toks[b].norm in _NOT_NP_START:
        return None
    return Mention(Span.of(text, toks[b].start, toks[k].end))


def _latin_phrase_after(text: str, toks: list[Token], j: int) -> Optional[Mention]:
    """An unknown speaker right after an inverted cue, up to the next punctuation: '"...," said a senior official.'"""
    if j >= len(toks) or toks[j].norm in _CLAUSE_WORDS:
        return None
    k = j
    while k + 1 < len(toks) and k - j + 1 < _MAX_NP:
        if re.search(r"[,;:.!?\"“”«»()]", text[toks[k].end : toks[k + 1].start]) or toks[k + 1].norm in _CLAUSE_WORDS:
            break
        k += 1
    return Mention(Span.of(text, toks[j].start, toks[k].end))


_OPEN_CLOSE = {"“": "”", "«": "»", '"': '"'}


def _strip_span(text: str, s: int, e: int, lang: str) -> Optional[Span]:
    """Trim a content span: leading punctuation and complementisers ("that", "que", "ان") go, and trailing
    punctuation; a content that is a quotation keeps its quotation marks (and the punctuation inside them)."""
    lead = r"^[\s,،:\-–—]*(?:(?:that|que|qu'|qu’|ان|إن|أن|انه|إنه|أنه|انها|إنها|أنها|بان|بأن|فان|فإن)(?=[\s\"«“])\s*)?"
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


# "... حسب ما / حسبما / على ما / وفقا لما اعلنت X": the content is what precedes the source's verb
_AR_AS_REPORTED = re.compile(r"\s*(?:(?:و|ب)?حسب\s*ما|وفق\s+ما|وفقا\s+لما|طبقا\s+لما|على\s+ما)\s*$")


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
    return _strip_span(text, start, region_end, lang)
