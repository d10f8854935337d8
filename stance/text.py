"""Text utilities: language detection, word tokens with offsets, Arabic normalisation for matching, sentences.

Normalisation is for matching only: every function that finds something returns offsets into the original text.

>>> detect_language("وقال بوتين إن روسيا تدعم المعارضة")
'ar'
>>> [s.text for s in split_sentences('He said: "Go. Now." Then he left.')]
['He said: "Go. Now."', 'Then he left.']
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from .normalize import normalize_arabic as _normalize_names
from .records import Span

_ARABIC_CHARS = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
_LATIN_CHARS = re.compile(r"[A-Za-zÀ-ÿ]")
_HAMZA_SEATS = str.maketrans({"ؤ": "و", "ئ": "ي"})  # spelling variants of reporting verbs (يؤكد / يوكد)
# letters and digits (\w) with Arabic combining marks; not Arabic punctuation (، ؛ ؟ ٪)
_WORD = re.compile(r"[\w\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED'’-]+", re.UNICODE)

_FR_MARKERS = frozenset(
    "le la les des du une est sont dans pour avec sur pas qui que au aux ce cette il elle ils ont été selon "
    "déclaré estime mais ou où très leur nous vous".split()
)
_EN_MARKERS = frozenset(
    "the of and to in is are was were for with on that this by from at it he she they has have said not "
    "but or which who would will".split()
)


def detect_language(text: str) -> str:
    """Return 'ar', 'fr' or 'en' (the three supported languages) from script and function words."""
    sample = text[:5000]
    ar = len(_ARABIC_CHARS.findall(sample))
    lat = len(_LATIN_CHARS.findall(sample))
    if ar and ar >= lat:
        return "ar"
    words = [w.lower() for w in re.findall(r"[A-Za-zÀ-ÿ]+", sample)]
    fr = sum(w in _FR_MARKERS for w in words) + 2 * len(re.findall(r"[éèêàçùâîôû]", sample))
    en = sum(w in _EN_MARKERS for w in words)
    return "fr" if fr > en else "en"


def normalize_arabic(token: str) -> str:
    """Normalise an Arabic word for cue matching: `stance.normalize.normalize_arabic` (no diacritics or tatweel,
    one alef, ي for ى, ه for final ة) with hamza seats dropped as well."""
    return _normalize_names(token).translate(_HAMZA_SEATS)


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    norm: str  # lower-cased (Latin) or normalised (Arabic) form, for matching


_PREPOSITIONAL_NOUN = re.compile(r"^[وف]?[بل][\u0621-\u064A]{3,}(?:ه|ها|هم)$")
AR_MARKS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")  # diacritics, Quranic marks, tatweel


# Arabic pronouns of style, each standing for a person named before with that style ("وقد رحب سموه" after "صاحب السمو
# الشيخ محمد بن راشد", "واكد جلالته" after "جلالة الملك عبدالله الثاني"), with the words of the style; pronoun and
# words normalised for matching (`normalize_arabic`)
AR_STYLE_PRONOUNS = {normalize_arabic(k): tuple(normalize_arabic(w) for w in v) for k, v in {
    "سموه": ("السمو", "سمو", "الشيخ", "الشيخة", "الأمير", "أمير", "ولي العهد"),
    "جلالته": ("جلالة", "الملك", "العاهل", "الملكة"),
    "فخامته": ("فخامة", "الرئيس"),
    "معاليه": ("معالي", "الوزير", "وزير"),
    "سعادته": ("سعادة", "السفير"),
}.items()}


def is_prepositional_noun(word: str) -> bool:
    """An Arabic word that is a preposition and a verbal noun with its pronoun ("بتسليمه", "لاعتقالهم"), read on the
    raw word so that a name ending in ة ("لبيبة") is not one; such a word never starts a name."""
    return bool(_PREPOSITIONAL_NOUN.match(AR_MARKS.sub("", word)))


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word tokens of `text[start:end]`, with offsets into `text`."""
    end = len(text) if end is None else end
    out = []
    for m in _WORD.finditer(text, start, end):
        w = m.group()
        out.append(Token(m.start(), m.end(), w, normalize_arabic(w) if _ARABIC_CHARS.search(w) else w.lower()))
    for i in range(len(out) - 2):  # "بان كي مون" (Ban Ki-moon): not the complementiser بان ("that")
        if out[i].norm == "بان" and out[i + 1].norm == "كي" and out[i + 2].norm == "مون":
            out[i] = Token(out[i].start, out[i].end, out[i].text, "بان·")
    return out


_QUOTE_PAIRS = {"«": "»", "“": "”", "„": "“", '"': '"'}
_SENT_END = ".!?؟…"


def paragraphs(text: str) -> Iterator[Span]:
    """Non-empty lines / paragraphs (split at newlines), trimmed, with offsets."""
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            yield Span(s, e, text[s:e])


# titles before a name ("Mrs. Clinton", "Sen. Ted Cruz", "Mme. Le Pen") and months before a day ("Oct. 14"): their
# full stop ends no sentence ("Jr." and "Inc." often do, so they are not listed; "St." is, for "St. Louis", at the
# price of "Main St. He left." read as one sentence)
_TITLES = frozenset("""Mr Mrs Ms Messrs Dr Drs Sen Sens Gov Govs Rep Reps Gen Brig Lt Col Sgt Cpl Pvt Capt Maj Adm Cmdr
    Prof Rev Hon Pres Atty Supt Insp St Ft Mt Mme Mmes Mlle Mlles Me Pr Mgr""".split())
_MONTHS = frozenset("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split())


def abbreviation(word: str, after: str) -> bool:
    """The full stop after `word`, followed by `after`, closes an abbreviation: a title before a capitalised name,
    or a month before its day."""
    nxt = after.lstrip()[:1]
    return word in _TITLES and nxt.isupper() or word in _MONTHS and nxt.isdigit()


def split_sentences(text: str, max_chars: int = 2000) -> list[Span]:
    """Sentences with offsets; never breaks inside «», “” or "" quotations (quote state resets at each line).

    A sentence longer than `max_chars` is cut at the last space before the limit, so that a pathological
    article without punctuation is still processed in pieces rather than truncated.
    """
    out: list[Span] = []
    for para in paragraphs(text):
        stack: list[str] = []
        s = para.start
        i = para.start
        while i < para.end:
            ch = text[i]
            if stack and ch == stack[-1]:
                stack.pop()
                # a quotation that ends its own sentence ("... now." Then) closes the sentence too
                before = text[s:i].rstrip()
                if not stack and before and before[-1] in _SENT_END and (i + 1 >= para.end or text[i + 1].isspace()):
                    _emit(text, s, i + 1, out, max_chars)
                    s = i + 1
            elif ch in _QUOTE_PAIRS and not (ch == '"' and stack and stack[-1] == '"'):
                stack.append(_QUOTE_PAIRS[ch])
            elif ch in _SENT_END and not stack:
                j = i + 1
                while j < para.end and (text[j] in _SENT_END or text[j] in "\"»”'"):
                    j += 1
                # abbreviations and decimals: "U.S.", "3.5", "M. Macron"
                nxt = text[j] if j < para.end else " "
                prev_word = re.search(r"(\w+)$", text[s:i])
                if ch == "." and (nxt.isdigit() or (prev_word and len(prev_word.group(1)) <= 1 and not _ARABIC_CHARS.match(prev_word.group(1)))
                                  or prev_word and abbreviation(prev_word.group(1), text[j:j + 3])):
                    i += 1
                    continue
                if nxt.isspace() or j >= para.end or _joined_sentences(text, s, i, j, para.end):
                    _emit(text, s, j, out, max_chars)
                    s = j
                    i = j
                    continue
            i += 1
        if s < para.end:
            _emit(text, s, para.end, out, max_chars)
    return out


_AR_WORD_END = re.compile(r"[\u0621-\u064A]{3,}$")
_AR_WORD_START = re.compile(r"[\u0621-\u064A]+")
_WEB_SUFFIXES = frozenset("نت كوم اورغ أورغ اورج أورج انفو".split())  # "الجزيرة.نت": a site's name


def _joined_sentences(text: str, s: int, i: int, j: int, end: int) -> bool:
    """A full stop with no space after it between two Arabic words ("القوارب.وقالت", "المعرض.ويشارك"): a sentence
    end that lost its space, not an abbreviation ("ا.ف.ب", "سي.ان.ان": a word of one or two letters before the
    stop), an ellipsis or a site's name ("الجزيرة.نت")."""
    if text[i] != "." or j != i + 1 or not _AR_WORD_END.search(text, max(s, i - 40), i):
        return False
    word = _AR_WORD_START.match(text, j, end)
    return word is not None and word.group(0) not in _WEB_SUFFIXES


def _emit(text: str, s: int, e: int, out: list[Span], max_chars: int) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    while e - s > max_chars:
        cut = text.rfind(" ", s, s + max_chars)
        cut = cut if cut > s else s + max_chars
        out.append(Span(s, cut, text[s:cut]))
        s = cut
        while s < e and text[s].isspace():
            s += 1
    if s < e:
        out.append(Span(s, e, text[s:e]))


_URL_START = re.compile(r"(?:https?://|www\.)[^\s)»\"”]*\Z", re.IGNORECASE)  # (a bracket or quote ends it)


def in_url(text: str, s: int, e: int) -> bool:
    """Whether text[s:e] lies inside a web address ("gaza" in "https://www.bfmtv.com/.../gaza-israel-diffuse-...").

    >>> t = "Lire: https://www.bfmtv.com/international/gaza-israel-diffuse et Gaza."
    >>> in_url(t, t.index("gaza"), t.index("gaza") + 4), in_url(t, t.index("Gaza"), t.index("Gaza") + 4)
    (True, False)
    >>> t = "(https://x.fr/a)Gaza"; in_url(t, t.index("Gaza"), t.index("Gaza") + 4)
    False
    """
    return bool(_URL_START.search(text, max(0, s - 500), s)) and not re.search(r"\s", text[s:e])
