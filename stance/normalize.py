"""Text normalisation for matching names, with a map back to the original characters.

Normalisation is for matching only: every span that leaves `stance` indexes the original text.

>>> normalize_arabic("وَأَعْلَنَتْ الدَّولةُ")
'واعلنت الدوله'
>>> s, m = normalize_arabic_with_map("بُوتين")
>>> s, m[1]
('بوتين', 2)
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Iterator

# Tashkeel, Quranic marks, superscript alef and tatweel: dropped for matching.
_AR_DROP = set(
    [chr(c) for c in range(0x0610, 0x061B)]
    + [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670", "\u0640"]
    + [chr(c) for c in range(0x06D6, 0x06DD)]
    + [chr(c) for c in range(0x06DF, 0x06E9)]
    + [chr(c) for c in range(0x06EA, 0x06EE)]
)
_AR_MAP = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ی": "ي",
    "ک": "ك",
    "ۀ": "ه",
}
_AR_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF]")

# A word: letters with their combining marks (Arabic tashkeel, Latin accents in NFD text); Latin words may
# hold an apostrophe (l'État, Putin's, O'Brien); dotted acronyms (U.S., U.N.) are one word; digits stand
# alone.
_MARKS = "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
_WORD = rf"(?:[^\W\d_]|[{_MARKS}])+"
TOKEN_RE = re.compile(rf"(?:[^\W\d_\u0600-\u06FF]\.){{2,}}|{_WORD}(?:['’]{_WORD})*|\d+")

_ELISION = re.compile(r"^(?:l|d|j|n|s|c|m|t|qu|jusqu|lorsqu|puisqu|presqu)['’](?=\w)", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$", re.IGNORECASE)


def is_arabic(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\u08a0" <= ch <= "\u08ff"


def normalize_arabic_with_map(text: str) -> tuple[str, list[int]]:
    """Normalise Arabic for matching and return `(normalised, index_map)`.

    Removes tashkeel and tatweel, unifies أ إ آ ٱ → ا and ى → ي, and writes ة as ه at word end.
    `index_map[i]` is the offset in `text` of normalised character `i`; `index_map[len(normalised)] ==
    len(text)`.
    """
    out: list[str] = []
    idx: list[int] = []
    for i, ch in enumerate(text):
        if ch in _AR_DROP:
            continue
        out.append(_AR_MAP.get(ch, ch))
        idx.append(i)
    for k, ch in enumerate(out):
        if ch == "ة" and (k + 1 == len(out) or not _AR_LETTER.match(out[k + 1])):
            out[k] = "ه"
    idx.append(len(text))
    return "".join(out), idx


def normalize_arabic(text: str) -> str:
    """Arabic text normalised for matching (see `normalize_arabic_with_map`).

    >>> normalize_arabic("إسرائيل") == normalize_arabic("اسرائيل")
    True
    """
    return normalize_arabic_with_map(text)[0]


def fold_latin(text: str) -> str:
    """Case- and accent-insensitive form of a Latin-script word: `fold_latin("l'État") == "l'etat"`."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


# Arabic match keys ----------------------------------------------------------------------------------------


def ar_key(word: str) -> str:
    """Matching key of one normalised Arabic word: without the article, with nisba/plural endings unified.

    The Arabic actor dictionary is lemmatised (وزارة_دفاع_أميركي) while news text is not
    (وزارة الدفاع الأميركية), so both sides drop the article and map -يه → -ي and -ون → -ين.
    >>> ar_key(normalize_arabic("الأميركية")), ar_key("الحوثيون")
    ('اميركي', 'حوثيين')
    """
    if word.startswith("ال") and len(word) > 3:
        word = word[2:]
    if word.endswith("يه") and len(word) >= 4:
        word = word[:-1]
    elif word.endswith("ون") and len(word) >= 5:
        word = word[:-2] + "ين"
    return word


def ar_clitic_variants(norm: str) -> list[tuple[int, str]]:
    """`(characters stripped, key)` readings of a normalised Arabic word with proclitics و ف ب ل ك removed.

    The article stays inside the name: in "للدولة" only the preposition ل is stripped (the second ل is the
    article whose alef is elided), so the span starts at "لدولة".
    >>> [k for _, k in ar_clitic_variants("وروسيا")]
    ['وروسيا', 'روسيا']
    """
    out = [(0, ar_key(norm))]
    starts = [0]
    if norm[:1] in ("و", "ف") and len(norm) >= 4:
        starts.append(1)
        out.append((1, ar_key(norm[1:])))
    for p in starts:
        rest = norm[p:]
        if rest[:1] in ("ب", "ل", "ك") and len(rest) >= 4:
            if rest.startswith("لل"):
                out.append((p + 1, ar_key("ا" + rest[1:])))
            else:
                out.append((p + 1, ar_key(rest[1:])))
    seen: set[str] = set()
    uniq = []
    for n, k in out:
        if k not in seen:
            seen.add(k)
            uniq.append((n, k))
    return uniq


# Tokens ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Token:
    """A word of the original text with its matching readings.

    `variants` are `(start, end, key)` readings, the first being the default; `start`/`end` index the original
    text and exclude what the reading strips (Arabic proclitics, French elision, English possessive).
    """

    start: int
    end: int
    arabic: bool
    variants: tuple[tuple[int, int, str], ...]

    @property
    def key(self) -> str:
        return self.variants[0][2]


def word_key(word: str) -> str:
    """The default matching key of one word, as used for dictionary aliases."""
    if any(is_arabic(c) for c in word):
        return ar_key(normalize_arabic(word))
    return _latin_variant(word, 0)[2]


def _latin_variant(word: str, start: int) -> tuple[int, int, str]:
    s, e = 0, len(word)
    m = _ELISION.match(word)
    if m and len(word) - m.end() >= 2:
        s = m.end()
    p = _POSSESSIVE.search(word)
    if p and p.start() > s + 1:
        e = p.start()
    return start + s, start + e, fold_latin(word[s:e]).replace(".", "")


@functools.lru_cache(maxsize=100_000)
def _word_readings(word: str) -> tuple[bool, tuple[tuple[int, int, str], ...]]:
    """Readings of a word relative to its own start (news repeats words: cached)."""
    if any(is_arabic(c) for c in word):
        norm, idx = normalize_arabic_with_map(word)
        return True, tuple((idx[n], len(word), k) for n, k in ar_clitic_variants(norm))
    return False, (_latin_variant(word, 0),)


def make_token(text: str, start: int, end: int) -> Token:
    arabic, rel = _word_readings(text[start:end])
    return Token(start, end, arabic, tuple((start + s, start + e, k) for s, e, k in rel))


def tokenize(text: str) -> list[Token]:
    """Words of `text` with their matching readings.

    >>> [t.key for t in tokenize("Putin's l'État U.S. وروسيا")]
    ['putin', 'etat', 'us', 'وروسيا']
    """
    return [make_token(text, m.start(), m.end()) for m in TOKEN_RE.finditer(text)]


def iter_words(text: str) -> Iterator[str]:
    for m in TOKEN_RE.finditer(text):
        yield m.group(0)


def joinable(text: str, prev: Token, nxt: Token) -> bool:
    """Whether two words can belong to one name: only spaces or one hyphen between them (a period after a
    short word: "St. Petersburg"; a hashtag on the second word: "Antony #Blinken"), no blank line."""
    gap = text[prev.end : nxt.start]
    if len(gap) > 4 or gap.count("\n") > 1:
        return False
    stripped = gap.strip(" \t\u00a0\n")
    if stripped in ("", "-", "‐", "–"):
        return True
    if stripped == "#" and gap.endswith("#") and text[prev.start - 1 : prev.start] != "#" \
            and text[nxt.start : nxt.start + 1].isupper():
        return True  # a post's hashtag inside a name ("Antony #Blinken"), not two hashtags ("#Gaza #Israël")
    return stripped == "." and prev.end - prev.start <= 3


# "والده", "والدتهم", "ووالدنا": a parent, whose و is no conjunction before an article
_PARENT = re.compile(r"^[وف]?والد(?:ت|ا|ي)?(?:ه|ها|هم|هما|ي|ك|كم|نا|ان|ين|يه|يها|يهم|اه)?$")


def article_clitic_letters(norm: str, elided: bool = True) -> int:
    """How many letters of a normalised word are proclitics before the article it carries ("والايرانيين" 1,
    "وبالقوات" 2, "للشرطة" 1: its second ل is the article's; 0 for "والده", "ولاية": no article after them).
    `elided` False: 0 where the article lost its alef after ل ("للشرطة"), so what is left starts with "ال".

    >>> [article_clitic_letters(w) for w in ("والايرانيين", "وبالقوات", "للشرطه", "والده", "والدتهم", "الشرطه", "ولايه")]
    [1, 2, 1, 0, 0, 0, 0]
    >>> article_clitic_letters("للشرطه", elided=False)
    0
    """
    if _PARENT.match(norm):
        return 0  # "والدته": a parent, no "و" before an article
    for p in proclitic_readings(norm):
        rest = norm[len(p):]
        if (rest.startswith("ال") and len(rest) >= 5) or (elided and p.endswith("ل") and rest.startswith("ل")
                                                           and len(rest) >= 4):
            return len(p)
    return 0


def _in_word(c: str) -> bool:
    return c.isalnum() or unicodedata.combining(c) > 0 or c == "\u0640"  # letters, diacritics, tatweel


def elided_article_start(text: str, start: int) -> int:
    """Where a span that starts at the elided article of "لل" (the span "لجيش" inside "للجيش": the preposition ل,
    then the article's ل without its alef) starts with its preposition kept: "للجيش", the whole word, as the target
    tagger's spans are and as `name_key` reads it (the same name as "الجيش"; not for a noun that itself starts
    with ل, "للجنة", whose two lams `name_key` cannot tell apart); a و/ف before it stays out ("وللجيش" ->
    "للجيش"). Every other span keeps its `start`.

    >>> text = "دورية تابعة للجيش، وللشرطة، ولِلجنود، ولبنان، والجيش"
    >>> [text[elided_article_start(text, text.index(w)) : text.index(w) + len(w)]
    ...  for w in ("لجيش", "لشرطة", "لجنود", "لبنان", "الجيش")]
    ['للجيش', 'للشرطة', 'لِلجنود', 'لبنان', 'الجيش']
    """
    if start <= 0 or start >= len(text) or normalize_arabic(text[start]) != "ل":
        return start
    word = start
    while word > 0 and _in_word(text[word - 1]):
        word -= 1
    if normalize_arabic(text[word:start]) not in ("ل", "ول", "فل"):
        return start
    k = start - 1
    while k > word and normalize_arabic(text[k]) != "ل":  # back over the preposition's diacritics
        k -= 1
    return k


def proclitic_readings(norm: str) -> list[str]:
    """Proclitic strings (و ف, then ب ك ل; never the article) that `norm` may start with, longest first."""
    out = []
    for a in ("", "و", "ف"):
        for b in ("", "ب", "ك", "ل"):
            p = a + b
            if p and norm.startswith(p):
                out.append(p)
    return sorted(out, key=len, reverse=True)


def name_key(name: str) -> str:
    """The key under which two spellings of one name the dictionary lacks are one name: hamza, alef, alef maqsura and
    ta marbuta variants and diacritics (`normalize_arabic`), the plural's case ending (-ون as -ين), and a proclitic
    before the article of the first word ("والمتظاهرين", "للمتظاهرين": "المتظاهرين"); Latin case, accents, a French
    elision and an English possessive (`word_key`'s Latin reading). The
    article stays (`الوفد`, the party, is not `وفد`, a delegation), as do the other words' clitics.

    >>> name_key("والمتظاهرين") == name_key("للمتظاهرين") == name_key("المتظاهرون") != name_key("متظاهرين")
    True
    >>> name_key("الإيرانيين") == name_key("الايرانيين"), name_key("الوفد") == name_key("وفد"), name_key("Hamas") == name_key("HAMAS")
    (True, False, True)
    """
    words = name.split()
    if not words:
        return name
    out = []
    for i, w in enumerate(words):
        if not any(is_arabic(c) for c in w):
            out.append(_latin_variant(w, 0)[2])
            continue
        norm = normalize_arabic(w)
        if i == 0 and (n := article_clitic_letters(norm)):
            norm = norm[n:] if norm[n:].startswith("ال") else "ا" + norm[n:]  # "للمتظاهرين": the article's alef
        if norm.endswith("ون") and len(norm) >= 5:
            norm = norm[:-2] + "ين"
        out.append(norm)
    return " ".join(out)
