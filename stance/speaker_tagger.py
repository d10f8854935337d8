"""The speaker tagger: which phrases of a sentence are someone taking a stance in it?

The attribution rules (`stance.attribution`) find a cue and take a speaker by word order and mentions; where they
go wrong, the speaker is often no actor at all ("ويستغرب", "الكشف", "قرار الحظر"); and where there is no cue, they
find nobody, while the annotators read a stance in acts as well as words ("وتحمّل المنظمة الجيش الصربي المسؤولية").
The speaker tagger reads a sentence as it is (`passage: ...`, nothing marked) and labels each word B (a speaker
starts), I (inside one) or O: the network of `stance.target_tagger` (multilingual-e5-small, its own LoRA adapter, a
word head), trained on the speakers of the exhaustively labelled sentences. The pipeline
(`Pipeline.with_tagged_speakers`) uses it twice:

- it reads each rule speaker that stands in its statement's sentence (`Statement.speaker_score`: the mean B+I
  probability of its words); a statement whose speaker it reads under `rule_veto` is dropped with all its pairs
  (`Pipeline.speaker_vetoed`). A speaker resolved from an earlier sentence ("وأضاف") is not read;
- in a sentence where the rules found no cue, each span it reads at `threshold` or more (touching spans joined)
  becomes a statement with no cue (`cue_kind` "tagged"), whose targets the target tagger proposes; in Arabic a
  span governed by a preposition or following a verb with a plural subject suffix (its object) is dropped, and
  one that left out its head noun is widened (`arabic_speaker_span`: exhaustive Arabic dev texts 0.393 -> 0.397,
  session 17).

It lives in the stance model's folder: `speaker_tagger.safetensors` and `speaker_tagger.json` (its settings,
`TaggerConfig`, and how it was trained and chosen); `training/speaker_tagger.py` trains it.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Optional

from .actors import counts_people
from .attribution.arabic_names import _AR_QUANTIFIERS, _adjective_shaped
from .attribution.arabic_phrases import _AR_ORG_HEADS, _participle_accusative
from .attribution.words import _AR_PREPOSITIONS, _AR_ROLE_HEADS
from .records import Statement
from .target_tagger import SpeakerText, TargetTagger
from .targets import context_span
from .text import AR_MARKS, Token, normalize_arabic, tokens

# words whose first letter "و" is their own, not "and" (normalised as `stance.text.normalize_arabic` does)
_W_WORDS = frozenset(normalize_arabic(w) for w in """وزير وزيرة وزارة وزراء وكالة وكالات وكيل وفد واشنطن والي ولي وحدة
    وحدات وسائل ويكيليكس""".split())

# words before a preposition that make its object a source ("وفقا للمصدر ذاته", "استنادا الى مصادر", "على لسان")
# ("ورد في الدليل ان", "جاء في البيان": the document)
_AR_SOURCE_WORDS = frozenset(normalize_arabic(w) for w in """وفقا وفقاً طبقا نقلا استنادا لسان حسب بحسب ورد جاء بيان
    تصريح بلاغ""".split())  # (and "بيان للجيش": the army's statement)

# prepositions whose object is a place, an addressee or a time, never who speaks ("من" and "عن" are left out: "ثلة من
# المحجبات", "رسالة من ابو عمر المصري", "البيان الصادر عن امانة سر البطريركية" name their source)
_AR_GOVERNING = (_AR_PREPOSITIONS - {normalize_arabic(w) for w in ("من", "عن")}) | {
    normalize_arabic(w) for w in "لدى امام أمام عند نحو عبر منذ".split()}
# prepositions that are also verbs ("وقد قبل الوزير العرض", "حول الوزير الملف"): verbs at the clause start or after قد
_AR_VERB_SHAPED = frozenset(normalize_arabic(w) for w in ("قبل", "حول"))

SPEAKER_WEIGHTS = "speaker_tagger.safetensors"
SPEAKER_CONFIG = "speaker_tagger.json"


class SpeakerTagger(TargetTagger):
    """Word-level B/I/O tagging of the speakers in a sentence (nothing marked)."""

    weights_file = SPEAKER_WEIGHTS
    config_file = SPEAKER_CONFIG
    trainer = "training.speaker_tagger"


def speaker_input(statement: Statement, text: str) -> Optional[tuple[SpeakerText, int]]:
    """What the speaker tagger reads for a statement, and the shift from `text`'s offsets to the input's (input
    offset = article offset + shift, as `stance.target_tagger.tagger_input` and `stance.classify.speaker_view`
    give it): its sentence, unmarked; None when the statement's speaker does not stand in that sentence (none, or
    resolved from an earlier one), so there is nothing to read it by."""
    sp = statement.speaker
    if sp is None or sp.resolved:
        return None
    ctx = context_span(statement, text)
    if not (ctx.start <= sp.start and sp.end <= ctx.end):
        return None
    return (text[ctx.start : ctx.end], None), -ctx.start


def joined_spans(text: str, spans: Sequence[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """Proposed speaker spans with those that touch (only spaces between, the second not joined by "و") made one,
    its probability the lower: a word read as B inside a name ("عبد" + "الله غل") does not make two speakers;
    "هولاند وبوتين" stay two.

    >>> t = "وقال عبد الله غل وبوتين"
    >>> joined_spans(t, [(5, 8, 0.9), (9, 16, 0.95), (17, 23, 0.9)])
    [(5, 16, 0.9), (17, 23, 0.9)]
    >>> t = "وقال الناطق باسم وزارة الدفاع"
    >>> joined_spans(t, [(5, 16, 0.9), (17, 29, 0.95)])
    [(5, 29, 0.9)]
    """
    out: list[tuple[int, int, float]] = []
    for a, b, p in sorted(spans):
        first = normalize_arabic(text[a:b].split()[0]) if text[a:b].split() else ""
        joined = first.startswith("و") and first not in _W_WORDS  # "وبوتين" is "and Putin"; "وزارة" a ministry
        if out and not text[out[-1][1] : a].strip() and not joined:
            out[-1] = (out[-1][0], b, min(out[-1][2], p))
        else:
            out.append((a, b, p))
    return out


# a verb with a plural subject suffix: imperfect "يدعون", "تطالبون", perfect "هتفوا" (after an optional و/ف); not a
# nisba or a noun in -ون ("يمنيون", "تلفزيون", "تعاون", "يتعاون"), nor a name in -اوا ("اوتاوا")
_PLURAL_VERB = re.compile(r"[وف]?(?:[يت][^\W\d_]{2,}(?<![اي])ون|(?!ال)[^\W\d_]{3,}(?<!ا)وا)")


def arabic_speaker_span(text: str, start: int, end: int,
                        toks: Optional[Sequence[Token]] = None) -> Optional[tuple[int, int]]:
    """A speaker span the tagger proposed in Arabic `text`, checked against the grammar of a subject: None when a
    preposition governs it ("في حديثه لـ«الشرق الاوسط»", "تقول للجيش", "كتب على اللافتات": an addressee or a
    place, not who speaks), unless a source word comes first ("وفقا للمصدر ذاته"), or when it follows a verb with a
    plural subject suffix, whose object it is ("يدعون العالم"); else the span, widened over the
    head noun the tagger left out before a definite adjective or after a title ("المحقق العدلي", "الفريق
    الحكومي", "وزير الداخلية"), at most two words.

    >>> t = "واعتبر ان الفريق الحكومي يتحمل المسؤولية"
    >>> arabic_speaker_span(t, 17, 24), arabic_speaker_span(t, 10, 24)
    ((10, 24), (10, 24))
    >>> t = "فرد عليّ زكريا محيي الدين وقال"  # (عليّ "to me", or the name علي: no preposition على)
    >>> arabic_speaker_span(t, 8, 25)
    (8, 25)
    >>> t = "في حديثه لـ«الشرق الاوسط» ان الحذاء بقي. وفقا للمصدر ذاته."
    >>> arabic_speaker_span(t, 12, 24), arabic_speaker_span(t, 46, 57)
    (None, (46, 57))
    >>> t = "ولم يكن مستغربا ان تذهب التعليقات. وقال مرافقنا ان الطريق خطر"
    >>> arabic_speaker_span(t, 8, 15) is None, arabic_speaker_span(t, 40, 47)
    (True, (40, 47))
    """
    toks = tokens(text) if toks is None else toks  # (`arabic_speaker_spans` tokenises a sentence once)
    i = next((k for k, t in enumerate(toks) if t.start >= start), None)
    if i is None or toks[i].start >= end:
        return start, end

    def source_at(k: int) -> bool:
        return k >= 0 and (toks[k].norm in _AR_SOURCE_WORDS or toks[k].norm.removeprefix("و") in _AR_SOURCE_WORDS)

    def gap(k: int) -> str:  # what stands between token k - 1 and token k
        return text[toks[k - 1].end : toks[k].start]

    for _ in range(2):  # widen first: the preposition test reads the phrase's first word
        if i == 0 or gap(i).strip() or toks[i].norm in _AR_ROLE_HEADS:
            break  # (a title just taken in is the phrase's head: "المحكمة المحامي اللبناني" stays "المحامي ...")
        prev, cur = toks[i - 1], toks[i]
        if not (prev.norm in _AR_ROLE_HEADS
                or cur.norm.startswith("ال") and _adjective_shaped(cur) and prev.norm.startswith("ال")):
            break
        i -= 1
        start = prev.start
    first = toks[i].norm
    if toks[i].end >= end and _participle_accusative(first) and first[1] not in "اوي" \
            and not first.endswith(("نا", "هما")):
        return None  # "ولم يكن مستغربا ان": an adverbial accusative ("surprising"), no one speaking (not "ماريا",
        # nor a noun with "our" or "their": "مرافقنا", "مصادرهما")
    if first[:1] in "وف" and first[1:3] == "لل":
        first = first[1:]  # "وللجيش"
    if len(first) >= 5 and first.startswith("لل") and not source_at(i - 1):
        return None  # "للجيش": to the army ("بال" is left alone: "بالمر", "بالدوين" are names)
    prep = toks[i - 1].norm if i > 0 else ""
    if i > 0 and not gap(i).strip() and _PLURAL_VERB.fullmatch(prep):
        return None  # "بياناً يدعون العالم فيه الى": after a verb with a plural subject suffix, its object (in
        # verb-subject order Arabic verbs are singular)
    verb_reading = prep in _AR_VERB_SHAPED and (i - 1 == 0 or toks[i - 2].norm in ("قد", "لقد", "وقد"))
    if (prep in _AR_GOVERNING or prep in ("ل", "ب")) and not verb_reading \
            and not (prep == "علي" and not AR_MARKS.sub("", toks[i - 1].text).endswith("ى")) \
            and not re.search(r"[.،,:؛!?؟]", gap(i)) and not source_at(i - 2):
        return None  # "على اللافتات", "لـ«الشرق الاوسط»", "مع وزير الخارجية"
    return start, end


# a rule speaker's trailing words that the tagger reads under this (mean B+I) are cut off it (`arabic_speaker_end`)
SPEAKER_CUT_BELOW = 0.3


# amounts a verb takes as its object ("الكثير من", "المزيد من"): never the second noun of a speaker's construct
_AR_OBJECT_AMOUNTS = frozenset(normalize_arabic(w) for w in "الكثير الكثيرة المزيد القليل العديد".split())


def arabic_speaker_end(text: str, start: int, end: int, words: Sequence[tuple[int, int, float]],
                       known: Sequence[tuple[int, int]] = (), below: float = SPEAKER_CUT_BELOW) -> int:
    """Where an Arabic rule speaker `text[start:end]` ends once the object its verb-subject-object clause ran into
    is cut off ("دعت الوثيقة لاتخاذ كل الترتيبات": "الوثيقة"; "وانتقد فالويل لتصريحاته": "فالويل"): before the
    trailing words the speaker tagger reads under `below` (`words`: (start, end, mean B+I) in `text`'s offsets, in
    order; the first word always stays). Nothing is cut (`end`) where the first of those words is a nisba
    adjective ("الحكومة البريطانية"), a role noun ("... دوجاريك المتحدث باسم ..."), in a known actor's mention
    (`known`: spans), or the definite second noun of a construct ("قرار الحظر"); where the word before it is a
    role noun, a number or an organisation's head noun ("رئيس بعثة", "ثلاثة اشخاص", "صحيفة الحياة"); or
    where a quote or bracket opened in the span is still open. An amount ("الكثير", "المزيد" ... من) is the verb's
    object, never such a second noun.

    >>> t = "دعت الوثيقة لاتخاذ كل الترتيبات"
    >>> ws = [(0, 3, 0.0), (4, 11, 0.9), (12, 18, 0.1), (19, 21, 0.1), (22, 31, 0.2)]
    >>> t[4 : arabic_speaker_end(t, 4, 31, ws)]
    'الوثيقة'
    >>> t = "وحمل الحاكم دستاجير مسؤولية الهجوم"
    >>> ws = [(0, 4, 0.0), (5, 11, 0.8), (12, 19, 0.9), (20, 28, 0.1), (29, 35, 0.1)]
    >>> t[5 : arabic_speaker_end(t, 5, 35, ws)]  # (no adjective after a definite name, however it ends)
    'الحاكم دستاجير'
    >>> t = "كشفت وثائق ويكيليكس الكثير من الوقائع"
    >>> ws = [(0, 4, 0.0), (5, 10, 0.9), (11, 19, 0.9), (20, 26, 0.1), (27, 29, 0.0), (30, 37, 0.1)]
    >>> t[5 : arabic_speaker_end(t, 5, 26, ws)]  # (an amount is the object)
    'وثائق ويكيليكس'
    >>> t = "كشفت «وثائق ويكيليكس الكثير"
    >>> ws = [(0, 4, 0.0), (5, 11, 0.9), (12, 20, 0.9), (21, 27, 0.1)]
    >>> t[5 : arabic_speaker_end(t, 5, 27, ws)]  # (but not inside a quote still open)
    '«وثائق ويكيليكس الكثير'
    >>> t = "وقالت الحكومة البريطانية"
    >>> t[6 : arabic_speaker_end(t, 6, 25, [(6, 13, 0.9), (14, 25, 0.1)])]  # (a nisba)
    'الحكومة البريطانية'
    """
    inside = [(a, b, p) for a, b, p in words if start <= a and b <= end]
    q = len(inside)
    while q > 1 and inside[q - 1][2] < below:
        q -= 1
    if q == len(inside):
        return end
    a, b, _ = inside[q]
    word = Token(a, b, text[a:b], normalize_arabic(text[a:b]))
    before_text = text[inside[q - 1][0] : inside[q - 1][1]]
    before = normalize_arabic(before_text)
    kept = text[start : inside[q - 1][1]]
    # an indefinite word after a definite name ("الحاكم دستاجير مسؤولية الهجوم") is no adjective of it (an adjective
    # agrees: "الحاكم دستاجير الافغاني"), however it ends
    after_definite_name = not word.norm.startswith(("ال", "وال")) and not before.startswith(("ال", "وال")) \
        and any(normalize_arabic(w).startswith(("ال", "وال")) for w in kept.split()[:-1])
    # "كشفت وثائق ويكيليكس الكثير من الوقائع": an amount is the verb's object, no second noun of the name
    amount = word.norm in _AR_OBJECT_AMOUNTS
    if (_adjective_shaped(word) and not after_definite_name or word.norm in _AR_ROLE_HEADS
            or any(x <= a < y for x, y in known)
            or word.norm.startswith("ال") and not before.startswith(("ال", "وال")) and not amount
            or before in _AR_ROLE_HEADS or "ال" + before in _AR_ROLE_HEADS or before in _AR_QUANTIFIERS
            or before in _AR_ORG_HEADS or counts_people(before_text)
            or kept.count("«") > kept.count("»") or kept.count("(") > kept.count(")") or kept.count('"') % 2):
        return end
    return inside[q - 1][1]


def arabic_speaker_spans(text: str, spans: Sequence[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """`arabic_speaker_span` over the tagger's joined spans of `text`; spans that widening made overlap become one
    (its probability the lower: "المجلس" and "السوري" of "المجلس الوطني السوري" are one speaker).

    >>> t = "يرى المجلس الوطني السوري ان الحل قريب"
    >>> arabic_speaker_spans(t, [(4, 10, 0.9), (18, 24, 0.8)])
    [(4, 24, 0.8)]
    """
    out: list[tuple[int, int, float]] = []
    toks = tokens(text)
    for a, b, p in sorted(spans):
        checked = arabic_speaker_span(text, a, b, toks)
        if checked is None:
            continue
        a, b = checked
        if out and a < out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]), min(p, out[-1][2]))
        else:
            out.append((a, b, p))
    return out
