"""Reporting cues: the shipped lexicon (`resources/cues.tsv`, built by `tools/build_cues.py`) and where its forms
are verbs of saying in a sentence (Arabic clitics and ambiguous forms; "وجاء في البيان"; English/French nouns that
look like verbs)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional

from ..records import Span
from ..text import Token, tokens
from .words import (
    _AR_AMBIGUOUS,
    _AR_OBJ_SUFFIXES,
    _AR_THIRD_PERSON_SUFFIXES,
    _AR_PREFIXES,
    _AR_PREPOSITIONS,
    _AR_THAT,
    _FR_PUT,
    _FR_RENDER,
    _LATIN_DETERMINERS,
    _normalised,
)


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
        if w.startswith(p) and (len(w) > 3 or w[len(p):] in lex):  # (also "وحث": the two-letter verb حثّ)
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


def _resumptive(tok: Token) -> bool:
    """An Arabic cue written with a third-person object pronoun ("تتهمه", "وصفتها", "انتقدهم"): after a relative
    pronoun the pronoun is the antecedent, the verb's object, so its subject is written after it."""
    form = _analyse_ar(tok, True, load_cues()["ar"])
    return form is not None and any(tok.norm.endswith(suf) and not form.base.endswith(suf)
                                    for suf in _AR_THIRD_PERSON_SUFFIXES)


def _match_ar(tok: Token, first: bool, lex: dict[str, str]) -> Optional[str]:
    form = _analyse_ar(tok, first, lex)
    return form.kind if form is not None else None


def _unprefixed(w: str) -> str:
    """A normalised word without one و/ف prefix ("وصف" stays "وصف": the prefix needs three letters after it)."""
    return w[1:] if w[:1] in _AR_PREFIXES and len(w) > 3 else w


def _form_in(tok: Token, forms: frozenset) -> bool:
    """Whether the word, as written or without a و/ف prefix, is one of `forms` ("ووجهت" and "وجهت", whose و is the
    root's)."""
    return tok.norm in forms or _unprefixed(tok.norm) in forms


# words after which an ambiguous form of saying (`_AR_SAYING_AMBIGUOUS`) is a verb: "فيما ذكر ...", "من جهته وصف
# ...", "وقد كشف ..."
_AR_VERB_OPENERS = _normalised(frozenset(
    """فيما وفيما بينما وبينما كما وكما قد وقد لقد ولقد حيث وحيث ثم جهته جهتها بدوره بدورها لكن ولكن جانبه جانبها
    ناحيته ناحيتها السياق المقابل فقد""".split()))  # ("من جانبه ذكر", "في السياق طلب الرئيس": the phrase ends there)


# ambiguous forms whose verb reading takes a "that" clause: ذكر (mentioned / mention), وصف, كشف, طلب; not "عبر"
# (via), "حمل", "دعم", "نقل" (also "was taken"), whose noun, preposition or passive readings are common after them
_AR_SAYING_AMBIGUOUS = _normalised(frozenset("ذكر وصف كشف طلب".split()))
_AR_RELAYED = frozenset(("نقلا", "ونقلا"))  # "(و)نقلا عن X": a source cue whose source follows عن


def _after_source_phrase(toks: list[Token], i: int) -> bool:
    """Token i opens the clause that a sentence-initial source phrase introduces: "وحسب وكالة الصحافة الفرنسية ردد
    المتظاهرون «...»" (the sentence's first or second word حسب / بحسب / وفقا, then one to five words, none of them
    a complementiser or "ما": after "حسب ما" the verb finds its subject in its own way)."""
    for k in range(max(0, i - 6), min(2, i - 1)):  # (one to five words between; called for every token: two looks)
        if _unprefixed(toks[k].norm) == "حسب" or toks[k].norm in ("وفقا", "ووفقا"):
            return not any(t.norm in _AR_THAT or t.norm == "ما" for t in toks[k + 1 : i])
    return False


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


# "نقلت X عن Y قوله": Y's saying (or Y's assurance, warning, denial: "عن بوليدوراس تأكيده للتقارير")
_AR_SAID_OF = _normalised(frozenset("""قوله قولها قولهم قولهما تأكيده تأكيدها تأكيدهم تأكيدهما تحذيره تحذيرها تحذيرهم
    تحذيرهما نفيه نفيها نفيهم نفيهما""".split()))

_AR_INFORMED = _normalised(frozenset("مطلع مطلعه مطلعون مطلعين مسؤول مسؤوله رفيع رفيعه بارز موثوق موثوقه".split()))

_AR_RELAY = _normalised(frozenset("نقل نقلت نقلوا ينقل تنقل".split()))  # "X relayed from Y": Y speaks
_AR_RELAY_REACH = 7  # the words after it where "عن" may stand ("نقلت وكالة أنباء أثينا شبه الرسمية عن")


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
                or _after_source_phrase(toks, i) \
                or (_unprefixed(tok.norm) in _AR_SAYING_AMBIGUOUS
                    and (toks[i - 1].norm in _AR_VERB_OPENERS or _that_follows(text, toks, i)
                         or _AR_AS_REPORTED.search(text[sentence.start : tok.start])  # "حسب ما ذكر مصدر"
                         or _unprefixed(tok.norm) == "وصف" and _that_follows(text, toks, i, 24, bi_only=True)))
            # ("وصف وزير الدفاع الكندي بيتر ماكاي اول من امس فرار الف سجين ... بانه": وصف X Y بأنه, a long object;
            # بانه may come twenty words on: "... من سجن قندهار بعد هجوم شنه متمردو طالبان بانه")
            form = _analyse_ar(tok, opens, lex)
            kind, mood = (form.kind, form.mood) if form is not None else (None, "")
            if kind in ("report", "eval", "continue") and i > 0 and toks[i - 1].norm in _AR_PREPOSITIONS:
                kind = None  # "أعرب عن إدانته": after a preposition the form is a noun, not a verb
            if kind == "participle" and form.base in _AR_PARTICIPLE_WITH_COMPLEMENT and not (
                    i + 1 < len(toks) and (toks[i + 1].norm in ("علي", "الي") or toks[i + 1].norm in _AR_THAT)):
                kind = None  # "وسط إجراءات أمنية مشددة" (tight), "خطوة لافتة" (notable): only "مشددا على", "لافتا الى"
            if kind == "participle" and form.base in _AR_PARTICIPLE_WITH_AN and not (
                    i + 1 < len(toks) and toks[i + 1].norm == "عن"):
                kind = None  # "اغلقت معبرا حدوديا" (a crossing): only "معبرا عن" (expressing)
            if kind in ("participle", "continue") and form.base in _AR_AFFILIATED and i + 1 < len(toks) \
                    and toks[i + 1].norm[:1] == "ل" and toks[i + 1].norm not in _AR_NOT_TO \
                    and not text[tok.end : toks[i + 1].start].strip():
                kind = None  # "جناحا تابعا لحركة تحرير السودان": affiliated to, not "going on to say" (but "تابعا: لا
                # حل عسكريا")
            if kind == "participle" and form.base in _AR_ACCUSED and _accused_reading(toks, i):
                kind = None  # "قادة المتمردين متهمين بالضلوع" (accused of), "على متهمين اثنين" (two accused), not
                # "متهمين واشنطن بدعم", "متهمة بيروت بايواء المسلحين" (accusing)
            if kind == "eval" and i == len(toks) - 1:
                kind = None  # "ان الحكومة وافقت.": an evaluative verb with nothing after it reports nothing
            if kind is not None and any(j <= i <= (_withheld_name_end(toks, j) or -1)
                                        for j in range(max(0, i - 4), i + 1)):
                kind = None  # "مسؤول رفض الكشف عن هويته", "طلب عدم ذكر اسمه": the source's anonymity, no statement
            if kind == "eval" and form.base in _AR_CARRY and not _blame_follows(text, toks, i):
                kind = None  # "كانت تحمل علم هونغ كونغ" (carried), but "حمّل X المسؤولية", "حملت تقارير أن ..."
            if kind is None and tok.norm in _AR_RELAYED and i + 1 < len(toks) and toks[i + 1].norm == "عن":
                kind = "source"
            if kind is None and tok.norm in _AR_CAME_IN and i + 2 < len(toks) and toks[i + 1].norm == "في" \
                    and _came_in_document(toks[i + 2]) and (i == 0 or toks[i - 1].norm not in _AR_WHAT
                                                             or _AR_AS_REPORTED.search(text[sentence.start : tok.start])):
                # ("نفى ما ورد في التقرير" is a relative, "بحسب ما جاء في البيان" a source)
                kind, mood = "report", "document"  # "وجاء في البيان ان ...", "وورد في تقرير لمنظمة العفو ان ..."
            if _unprefixed(tok.norm) in _AR_RELAY:  # "ونقلت وكالة انترفاكس عن مصادر": only with عن (else carried)
                kind = "report" if any(t.norm == "عن" and (k + 1 >= len(toks) or toks[k + 1].norm != "طريق")
                                       and toks[k - 1].norm not in ("بعيدا", "عوضا", "فضلا")
                                       for k, t in enumerate(toks[i + 1 : i + 1 + _AR_RELAY_REACH], i + 1)) else None
        else:
            if lang == "fr" and tok.norm in _FR_PUT and i + 2 < len(toks) and toks[i + 1].norm == "en" \
                    and toks[i + 2].norm == "garde":  # "mettent en garde contre une incursion": warn (against)
                cues.append(Cue(tok.start, toks[i + 2].end, text[tok.start : toks[i + 2].end], "eval", i))
                continue
            if lang == "fr" and tok.norm in _FR_RENDER:  # "rendent un vibrant hommage à": pay tribute (to)
                h = next((k for k in range(i + 1, min(i + 4, len(toks))) if toks[k].norm == "hommage"), None)
                if h is not None and not re.search(r"[,;:.!?«»\"“”()]", text[tok.end : toks[h].start]):
                    cues.append(Cue(tok.start, toks[h].end, text[tok.start : toks[h].end], "eval", i))
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


_AR_PARTICIPLE_WITH_COMPLEMENT = _normalised(frozenset("مشددا مشدده مشددين لافتا لافته".split()))
_AR_PARTICIPLE_WITH_AN = _normalised(frozenset("معبرا معبرين".split()))
_AR_ACCUSED = _normalised(frozenset("متهما متهمه متهمين".split()))  # also "accused" before ب
_AR_AFFILIATED = _normalised(frozenset("تابعا تابعة تابعين تابعون".split()))  # also "belonging to" before ل
_AR_NOT_TO = _normalised(frozenset("لا لم لن لكن لكنه لكنها لقد لماذا لان لأن".split()))  # words in ل that are no "to"


_AR_ASK_REFUSE = _normalised(frozenset("رفض رفضت رفضوا طلب طلبت طلبوا فضل فضلت فضلوا".split()))
_AR_DISCLOSE = _normalised(frozenset("الكشف ذكر الافصاح الإفصاح نشر كشف".split()))
_AR_IDENTITY = re.compile(r"(?:هويت|اسم|اسماي|اسماء)(?:ه|ها|هم|هما|هن)")  # his, her, their identity or name


def _withholds_name(toks: list[Token], i: int) -> bool:
    """Whether the verb at i asks for or refuses the disclosure of a name ("رفض الكشف عن هويته", "طلب عدم ذكر
    اسمه", "رفضوا الكشف عن أسمائهم"): the wire formula of an anonymous source.

    >>> _withholds_name(tokens("مسؤول رفض الكشف عن هويته ان", 0, 27), 1)
    True
    >>> _withholds_name(tokens("رفض الكشف عن نتائج التحقيق", 0, 26), 0)
    False
    """
    return _withheld_name_end(toks, i) is not None


def _withheld_name_end(toks: list[Token], i: int) -> Optional[int]:
    """The index of the last word of the anonymity formula opening at i (`_withholds_name`), else None."""
    if i >= len(toks) or toks[i].norm.removeprefix("و") not in _AR_ASK_REFUSE:
        return None
    k = i + 1
    if k < len(toks) and toks[k].norm == "عدم":
        k += 1
    if k >= len(toks) or toks[k].norm not in _AR_DISCLOSE:
        return None
    k += 2 if k + 1 < len(toks) and toks[k + 1].norm == "عن" else 1
    return k if k < len(toks) and _AR_IDENTITY.fullmatch(toks[k].norm) else None


def _accused_reading(toks: list[Token], i: int) -> bool:
    """Whether "متهما/متهمة/متهمين" at i reads "accused" (a passive participle or a noun), not "accusing": at the
    end of the sentence, after a preposition ("على متهمين اثنين"), before a preposition ("متهما في قضية", "متهمين امام
    المحكمة"), or before its charge in ب with no object first ("متهمة بمحاولة قتل"; but "متهمة بيروت بايواء" and
    "متهمة بعض المسؤولين بالتحريض" accuse: a second ب-word, the charge, follows the object)."""
    if i + 1 >= len(toks) or i > 0 and toks[i - 1].norm in _AR_PREPOSITIONS:
        return True
    nxt = toks[i + 1].norm
    if nxt in _AR_PREPOSITIONS or nxt in ("امام", "لدي"):
        return True
    if nxt[:1] != "ب" or nxt == "بعض":
        return False
    return not any(t.norm[:1] == "ب" for t in toks[i + 2 : i + 5])


_AR_DOCUMENTS = _normalised(frozenset("بيان البيان تقرير التقرير رسالة الرسالة نداء النداء بلاغ البلاغ".split()))


# "وجاء في X" / "وورد في X" (it came in X): X is a document that speaks
_AR_CAME_IN = _normalised(frozenset("جاء وجاء ورد وورد جاءت وجاءت".split()))

_AR_CAME_DOCUMENTS = _AR_DOCUMENTS | _normalised(frozenset(
    "نص وثيقة الوثيقة مذكرة المذكرة كلمة الكلمة قرار القرار افتتاحية الافتتاحية خطاب الخطاب".split()))


_AR_POSSESSIVE = ("ه", "ها", "هم")  # "في بيانه", "في كلمتها": the previous speaker's document


_AR_WHAT = _normalised(frozenset("ما وما مما لما بما فيما".split()))  # "نفى ما ورد في التقرير": a relative


def _came_in_document(tok: Token) -> bool:
    w = tok.norm
    return w in _AR_CAME_DOCUMENTS or any(w.endswith(p) and w[: -len(p)] in _AR_CAME_DOCUMENTS
                                          or w.endswith("ت" + p) and w[: -len(p) - 1] + "ه" in _AR_CAME_DOCUMENTS
                                          for p in _AR_POSSESSIVE)


# "... حسب ما / حسبما / على ما / وفقا لما اعلنت X": the content is what precedes the source's verb
_AR_AS_REPORTED = re.compile(r"\s*(?:(?:و|ب)?حسب\s*ما|وفق\s+ما|وفقا\s+لما|طبقا\s+لما|على\s+ما)\s*$")
