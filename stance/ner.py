"""A small statistical Arabic named-entity recogniser (CRF) that proposes actor mentions the dictionary misses.

    ner = ArabicNER.load()
    text = "وقال رئيس الوزراء الاسرائيلي ايهود اولمرت امس ان ..."
    [(text[s:e], label) for s, e, label in ner.find(text)]      # [('ايهود اولمرت', 'PER')]

The model (`stance/resources/ner_ar.crfsuite`, crfsuite's own binary format, read with `pycrfsuite.Tagger`)
is a linear-chain CRF trained by `tools/train_ner.py` on NewsFANE Gold 2014 (Arabic newswire, Alotaibi & Lee)
and AQMAR (Arabic Wikipedia, Mohit et al.), both CC BY-SA 3.0; see `stance/resources/ner_ar.md` for the
scores and the attribution. It is derived from CC BY-SA 3.0 data.

Labels (BIO over `stance.text.tokens` words): four classes useful for actors.

* PER: every person class of NewsFANE: Politician, Athlete, Artist, Scientist, Businessperson, Lawyer,
  Engineer, Religious_PER, Other_PER, Police (in NewsFANE these are police and military *persons*, e.g.
  دان حالوتس, رامسفيلد) and Group (collectives of people: العرب, الاسرائيليين, الشيعة); AQMAR PER.
* GOV: NewsFANE Government (ministries, cabinets, parliaments, armies, national police forces, courts:
  الجيش الاسرائيلي, وزارة الخارجية, مجلس النواب, الشرطة البريطانية); AQMAR ORG whose head word is a state
  body (`AQMAR_GOV_HEADS`: حكومة, وزارة, قوات, جيش, سلطات ...).
* ORG: NewsFANE Non-Governmental (UN bodies, parties, armed groups: الامم المتحدة, حزب الله, القاعدة),
  Commercial, Media, Educational, Sports (teams), Religious_ORG, Entertainment, Medical-Science; the other
  AQMAR ORG.
* GPE: NewsFANE Nation, Population-Center, State-or-Province, County-or-District, GPE-Cluster, Continent,
  Special; AQMAR LOC unless its head word names a building or a natural place (`AQMAR_NON_GPE_HEADS`: جامع,
  مسجد, ملعب, نهر, جبل ...), which goes to O.
* O: everything else: facilities (Building-Grounds, Airport, Path, Subarea-Facility, Plant), natural
  locations (Water-Body, Land-Region-Natural, Celestial, Region-*, Address, Boundary), vehicles (Land, Air,
  Water ...), weapons (Shooting, Projectile ...), products (Book, Movie, Software, Hardware, Food, Drug,
  Sound) and AQMAR MIS*. The full table is `NEWSFANE_LABELS`; an unknown class maps to O.

Features (`features`, the same function for training and tagging): the normalised word (`Token.norm`), the
word with its proclitics stripped (`strip_clitics`: و ف, ب ك ل, ال / لل), the stripped prefix, prefixes and
suffixes of 1-3 letters of both, article, script, length, digit, capital, the punctuation or quote just
before and after the word, neighbours' normalised and stripped words at -2..+2, word bigrams with the
previous and next word, BOS / EOS. Training text is the corpus tokens joined by spaces, tokenised with
`stance.text.tokens` as at tagging time; tokens without a letter or digit are not words (they only show up
in the punctuation features).

Decoding: each sentence (`stance.text.split_sentences`) is tagged on its own, and an entity never continues
across . ! ? ؟ … ، , ؛ ; : or a line break between two words (quotes, brackets and hyphens may sit inside one:
"حركة المقاومة الاسلامية (حماس)"). Sentences without an Arabic letter are skipped: the model is for Arabic.

Clitics: the corpora tag whole whitespace tokens, so "لأولمرت" or "والقاعدة" is tagged with its proclitics.
`find` moves the start of an entity past the proclitics و ف ب ل ك (never past the article ال) of its first
word when the remainder is what was named, i.e. when

1. the remainder starts with the article and has at least three letters after it (والقاعدة → القاعدة,
   بالجيش → الجيش; for لل only the preposition is dropped: للأمم → لأمم, as in
   `stance.normalize.ar_clitic_variants`), or
2. the remainder is a word the model knows as part of a name (a `w=` feature with positive weight for a
   B-/I- label; لأولمرت → أولمرت) or occurs as a word of its own elsewhere in the same text
   (ومحسود → محسود when محسود also stands alone),

and, for rule 2, unless the whole word is itself known as part of a name (لبنان, واشنطن, بوش, وزارة stay
whole). Otherwise the word stays whole: an unseen name that happens to start with و ف ب ل ك is not cut.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .normalize import article_clitic_letters, normalize_arabic, proclitic_readings
from .text import AR_MARKS as _AR_MARKS
from .text import Token, is_prepositional_noun, split_sentences, tokens

DEFAULT_MODEL = Path(__file__).resolve().parent / "resources" / "ner_ar.crfsuite"
LABELS = ("PER", "ORG", "GOV", "GPE")

# NewsFANE fine-grained class -> one of LABELS, or None (O). Written out in full (the 50 classes of the
# Alotaibi & Lee taxonomy, ACE-based); a class not listed maps to O.
NEWSFANE_LABELS: dict[str, str | None] = {
    # persons
    "Politician": "PER", "Athlete": "PER", "Artist": "PER", "Scientist": "PER", "Businessperson": "PER",
    "Lawyer": "PER", "Engineer": "PER", "Religious_PER": "PER", "Other_PER": "PER",
    "Police": "PER",  # police and military persons (حالوتس, رامسفيلد), not the institution
    "Group": "PER",  # collectives of people (العرب, المسلمين, الاسرائيليين)
    # state bodies
    "Government": "GOV",
    # other organisations
    "Non-Governmental": "ORG", "Commercial": "ORG", "Media": "ORG", "Educational": "ORG", "Sports": "ORG",
    "Religious_ORG": "ORG", "Entertainment": "ORG", "Medical-Science": "ORG",
    # geo-political entities
    "Nation": "GPE", "Population-Center": "GPE", "State-or-Province": "GPE", "County-or-District": "GPE",
    "GPE-Cluster": "GPE", "Continent": "GPE", "Special": "GPE",
    # not actors
    "Building-Grounds": None, "Airport": None, "Path": None, "Subarea-Facility": None, "Plant": None,
    "Water-Body": None, "Land-Region-Natural": None, "Celestial": None, "Region-General": None,
    "Region-International": None, "Address": None, "Boundary": None,
    "Land": None, "Air": None, "Water": None, "Subarea-Vehicle": None, "Underspecified": None,
    "Shooting": None, "Projectile": None, "Exploding": None, "Blunt": None, "Sharp": None, "Chemical": None,
    "Biological": None, "Nuclear": None,
    "Book": None, "Movie": None, "Sound": None, "Software": None, "Hardware": None, "Food": None, "Drug": None,
}

# AQMAR has only PER/LOC/ORG (+ MIS*): its LOC is mapped to GPE and its ORG to ORG, except where the head word
# (first word, clitics and article stripped, normalised) shows a state body or a non-GPE place.
AQMAR_GOV_HEADS = frozenset([
    "حكومه", "حكومات", "وزاره", "وزارات", "قوات", "جيش", "جيوش", "سلطات", "سلطه", "كونغرس", "كونجرس", "برلمان",
    "شرطه", "مخابرات", "محكمه",
])
AQMAR_NON_GPE_HEADS = frozenset([  # normalised as stance.text.normalize_arabic does (مئذنة → ميذنه)
    "جامع", "جامعه", "جامعات", "مسجد", "مساجد", "ملعب", "استاد", "قبه", "متحف", "معبد", "ميذنه", "ماذن", "كنيسه",
    "كاتدراييه", "دير", "روضه", "حرم", "حاير", "مدرسه", "مكتبه", "بيمارستان", "مستشفي", "مطار", "ميناء", "قصر",
    "قلعه", "برج", "باب", "سوق", "خان", "حمام", "شارع", "جسر", "ضريح", "مقام", "مرقد", "صحن", "ايوان", "دار",
    "نهر", "بحر", "بحيره", "محيط", "جبل", "جبال", "جزر", "جزيره", "وادي", "صحراء", "غوطه", "ربوه", "قاسيون",
    "بردي", "نيل",
])

_BREAK = set(".!?؟…،,؛;:\n\r")
_QUOTES = str.maketrans({c: '"' for c in "«»“”„‟'‘’`"})
_INVISIBLE = dict.fromkeys(map(ord, "\u200e\u200f\ufeff\u200b\u200c\u200d\u202a\u202b\u202c\u202d\u202e"))
_AR_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")
_PROCLITIC = re.compile(r"^[وفبكل]")
_STRIP_PREFIXES = sorted(
    {a + b + c for a in ("", "و", "ف") for b in ("", "ب", "ك", "ل") for c in ("", "ال")}
    | {a + "لل" for a in ("", "و", "ف")},
    key=len, reverse=True,
)[:-1]  # without ""


# --------------------------------------------------------------------------------------------- features


def word_tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """`stance.text.tokens` without tokens that hold no letter or digit (a lone "-" or "'")."""
    return [t for t in tokens(text, start, end) if any(ch.isalnum() for ch in t.text)]


def strip_clitics(norm: str) -> tuple[str, str]:
    """`(proclitics, stem)` of a normalised word: the longest of و ف, then ب ك ل, then the article ال (or لل)
    that leaves at least two letters. `strip_clitics("والقاعده") == ("وال", "قاعده")`."""
    for p in _STRIP_PREFIXES:
        if norm.startswith(p) and len(norm) - len(p) >= 2:
            return p, norm[len(p):]
    return "", norm


def _gap(text: str, start: int, end: int) -> str:
    g = "".join(ch for ch in text[start:end].translate(_INVISIBLE) if not ch.isspace())
    return g.translate(_QUOTES)[:3]


def _script(word: str) -> str:
    if _AR_LETTER.search(word):
        return "ar"
    if word.isdigit():
        return "num"
    return "lat" if re.search(r"[^\W\d_]", word) else "other"


def features(text: str, toks: Sequence[Token], start: int = 0, end: int | None = None) -> list[list[str]]:
    """CRF attributes of each token of one sentence `text[start:end]` (the same function trains and tags)."""
    end = len(text) if end is None else end
    n = len(toks)
    norms = [t.norm for t in toks]
    splits = [strip_clitics(w) for w in norms]
    stems = [s for _, s in splits]
    gaps = [_gap(text, toks[i - 1].end if i else start, toks[i].start) for i in range(n)]
    gaps.append(_gap(text, toks[-1].end, end) if n else "")
    out = []
    for i, t in enumerate(toks):
        w, (pre, stem) = norms[i], splits[i]
        f = ["b", "w=" + w, "s=" + stem, "pc=" + pre, "sc=" + _script(w), f"len={min(len(w), 10)}"]
        for k in (1, 2, 3):
            if len(w) > k:
                f += [f"p{k}={w[:k]}", f"x{k}={w[-k:]}"]
            if len(stem) > k:
                f += [f"sp{k}={stem[:k]}", f"sx{k}={stem[-k:]}"]
        if w.startswith("ال"):
            f.append("al")
        if pre.endswith(("ال", "لل")):
            f.append("art")
        if w.isdigit():
            f.append("digit")
        if t.text[:1].isupper():
            f.append("cap")
        if gaps[i]:
            f += ["pb=" + gaps[i]] + (["qb"] if '"' in gaps[i] else [])
        if gaps[i + 1]:
            f += ["pa=" + gaps[i + 1]] + (["qa"] if '"' in gaps[i + 1] else [])
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                f += [f"w{d:+d}={norms[j]}", f"s{d:+d}={stems[j]}"]
            elif j == -1:
                f.append("BOS" if d == -1 else "w-2=BOS")
            elif j == n:
                f.append("EOS" if d == 1 else "w+2=EOS")
        if i > 0:
            f.append(f"w-1|w={norms[i - 1]}|{w}")
        if i + 1 < n:
            f.append(f"w|w+1={w}|{norms[i + 1]}")
        out.append(f)
    return out


# days and relative time words that the tagger sometimes runs into an entity ("وزارة الدفاع الخميس")
_TIME_WORDS = frozenset(normalize_arabic(w) for w in
                        "الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعة السبت اليوم امس أمس غدا مساء صباح".split())


# prepositions the tagger sometimes runs into an entity's end ("وتجمع عشرات الفلسطينيين امام السفارة")
_TRAILING_PREPOSITIONS = frozenset(normalize_arabic(w) for w in "امام أمام خلال وسط قرب عند لدى ضد".split())


def _blocked(text: str, a: Token, b: Token) -> bool:
    """True when punctuation that ends an entity lies between tokens `a` and `b`."""
    return any(ch in _BREAK for ch in text[a.end:b.start])


def chunks(labels: Sequence[str], text: str | None = None, toks: Sequence[Token] | None = None) -> list[tuple[int, int, str]]:
    """`(first, last + 1, label)` token ranges of a BIO sequence (an I- after O or after another label opens a
    new entity, as in conlleval); with `text` and `toks`, an entity also ends at break punctuation."""
    out: list[tuple[int, int, str]] = []
    cur: list = []
    for i, lab in enumerate(labels):
        kind = lab[2:] if lab[:2] in ("B-", "I-") else None
        cont = (
            kind is not None and lab[0] == "I" and cur and cur[2] == kind
            and not (text is not None and toks is not None and _blocked(text, toks[i - 1], toks[i]))
        )
        if cont:
            cur[1] = i + 1
            continue
        if cur:
            out.append(tuple(cur))
        cur = [i, i + 1, kind] if kind else []
    if cur:
        out.append(tuple(cur))
    return out


# ------------------------------------------------------------------------------------------------ tagger


class ArabicNER:
    """CRF tagger: `ArabicNER.load().find(text)` → `[(start, end, label)]` character spans of `text`."""

    def __init__(self, tagger, path: Path) -> None:
        self.tagger = tagger
        self.path = path
        self._known: frozenset[str] | None = None

    @classmethod
    def load(cls, path: str | Path | None = None) -> ArabicNER:
        import pycrfsuite

        path = Path(path) if path is not None else DEFAULT_MODEL
        if not path.exists():
            raise FileNotFoundError(f"{path} not found: train it with tools/train_ner.py")
        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        return cls(tagger, path)

    @property
    def known_words(self) -> frozenset[str]:
        """Normalised words the model weighs as part of a name (`w=` attributes with a positive weight for a
        B-/I- label); read once from the model on first use."""
        if self._known is None:
            info = self.tagger.info()
            self._known = frozenset(
                attr[2:] for (attr, label), weight in info.state_features.items()
                if weight > 0 and label != "O" and attr.startswith("w=")
            )
        return self._known

    def conjunction_chars(self, word: str, names: Collection[str]) -> int:
        """The characters of a conjunction و/ف that opens `word` and is no part of the name it starts: the remainder
        is a name word the model knows ("وطالبان") or a word of one of `names` (the normalised words of the text's
        other mentions: "وعبادي" where "عبادي" is named), and the whole word is no known name word ("وزارة",
        "واشنطن"); 0 otherwise. Stricter than `find`'s rule 2, which takes any word of the text: a target's remainder
        may be a common word found anywhere ("والي" -> "الي", read as إلى)."""
        norm = normalize_arabic(word)
        if norm[:1] not in ("و", "ف") or len(norm) < 4 or norm in self.known_words:
            return 0
        rest = norm[1:]
        return advance_letters(word, 1) if rest in self.known_words or rest in names else 0

    def tag(self, text: str, toks: Sequence[Token], start: int = 0, end: int | None = None) -> list[str]:
        """BIO labels of the tokens of one sentence."""
        if not toks:
            return []
        return list(self.tagger.tag(features(text, toks, start, end)))

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Entities in Arabic `text` as `(start, end, label)` spans indexing `text`; label in PER ORG GOV GPE."""
        if not text or not _AR_LETTER.search(text):
            return []
        out = []
        for sent in split_sentences(text):
            if not _AR_LETTER.search(sent.text):
                continue
            toks = word_tokens(text, sent.start, sent.end)
            if not toks:
                continue
            labels = self.tag(text, toks, sent.start, sent.end)
            for chunk in chunks(labels, text, toks):
                for n, (a, b, label) in enumerate(_uncoordinated(toks, *chunk)):
                    span = self._span(text, toks, a, b, joined=n > 0)
                    if span is not None:
                        out.append((*span, label))
        return _with_ali(text, out)

    def _span(self, text: str, toks: Sequence[Token], a: int, b: int, joined: bool) -> tuple[int, int] | None:
        """The offsets of the entity on tokens a..b-1, or None when it is no name; `joined`: the second of a
        coordination, whose "و" is no part of it."""
        while b - a > 1 and (toks[b - 1].norm in _TIME_WORDS or toks[b - 1].norm in _TRAILING_PREPOSITIONS
                             and (toks[b - 1].norm != "امام" or toks[b - 2].norm.startswith("ال"))):
            b -= 1  # "وزارة الدفاع الخميس", "الفلسطينيين امام": the day or the preposition after it is not the name
            # (but "عادل امام" is a name)
        if toks[a].norm in _TIME_WORDS:
            return None
        if is_prepositional_noun(toks[a].text):
            return None  # "بتسليمه بتهمة": a preposition and a verbal noun with its pronoun, never a name
        first = toks[a]
        skip = 1 if joined else self._proclitic_chars(first.norm, _doc_words(text)) if _PROCLITIC.match(first.norm) \
            else 0
        s = advance_letters(first.text, skip) + first.start if skip else first.start
        if s >= first.end:  # never leave an empty first word
            s = first.start
        return s, toks[b - 1].end

    def _proclitic_chars(self, norm: str, doc_words: frozenset[str]) -> int:
        """How many letters of `norm` (the first word of an entity) are proclitics outside the name (0: none)."""
        if n := article_clitic_letters(norm):  # rule 1: the remainder starts with the article
            return n
        readings = [(p, norm[len(p):]) for p in proclitic_readings(norm)]
        known = self.known_words
        if norm in known:
            return 0
        for p, rest in readings:  # rule 2: the remainder is a known name word, or a word of this text
            if len(rest) >= 2 and (rest in known or rest in doc_words):
                return len(p)
        return 0


# a ministry or minister of two portfolios is one body: "وزارة العدل والحريات", "وزير التربية والتعليم"
_PORTFOLIO_HEADS = frozenset(normalize_arabic(w) for w in "وزارة وزير وزيرة الوزارة الوزير ووزارة ووزير".split())
_ORG_HEADS = frozenset(normalize_arabic(w) for w in
                       "شركة منظمة حركة جمعية حزب مؤسسة هيئة مجلس لجنة اتحاد جبهة نقابة وكالة".split())


def _uncoordinated(toks: Sequence[Token], a: int, b: int, label: str) -> list[tuple[int, int, str]]:
    """An entity of tokens a..b-1 split where "و" joins two of them: two people of two words or more each
    ("إبراهيم هويدي وقاسم الريمي", never "وولت وايتمان"), or two bodies ("وزارة الطاقة التركية وشركة بوتاش", "حركة
    فتح والجبهة الشعبية"; a head alone at the end is dropped). A ministry of two portfolios ("وزارة العدل
    والحريات") and places ("شمال وزيرستان") are left whole."""
    if label == "GPE":
        return [(a, b, label)]
    for k in range(a + 1, b):
        w = toks[k].norm
        if not w.startswith("و") or len(w) < 3 or w.startswith("وو") and len(w) < 4:
            continue
        rest = w[1:]
        if label == "PER" and k - a >= 2 and b - k >= 2:
            return [(a, k, label), (k, b, label)]  # (the second starts at "و": `find` drops the clitic)
        if label != "PER" and k - a >= 1 and (rest in AQMAR_GOV_HEADS or rest in _ORG_HEADS or rest.startswith("ال")
                                              and toks[a].norm not in _PORTFOLIO_HEADS):
            return [(a, k, label)] + ([(k, b, label)] if b - k >= 2 else [])
    return [(a, b, label)]


@functools.lru_cache(maxsize=1)
def _doc_words(text: str) -> frozenset[str]:
    """The normalised words of one text, for the proclitic rule: read only when an entity starts with a proclitic,
    once per text."""
    return frozenset(t.norm for t in word_tokens(text))


def advance_letters(word: str, letters: int) -> int:
    """Offset in `word` after its first `letters` letters (diacritics and tatweel are not counted)."""
    i = 0
    seen = 0
    while i < len(word) and seen < letters:
        if not _AR_MARKS.match(word[i]):
            seen += 1
        i += 1
    while i < len(word) and _AR_MARKS.match(word[i]):
        i += 1
    return i


# ---------------------------------------------------------------------------------------- training data


@dataclass
class Sentence:
    words: list[str]  # corpus tokens
    tags: list[str]  # BIO over LABELS


def clean_token(tok: str) -> str:
    """A corpus token without LRM/RLM marks, BOM or zero-width characters, NFC."""
    return unicodedata.normalize("NFC", tok.translate(_INVISIBLE)).strip()


def repair_bio(tags: Sequence[str]) -> list[str]:
    """An I-X that does not continue an X entity becomes B-X."""
    out = []
    prev = "O"
    for t in tags:
        if t.startswith("I-") and prev[2:] != t[2:]:
            t = "B-" + t[2:]
        out.append(t)
        prev = t
    return out


def sentence_xy(words: Sequence[str], tags: Sequence[str]) -> tuple[str, list[Token], list[list[str]], list[str]]:
    """A corpus sentence as the tagger sees it: text (tokens joined by spaces), word tokens, attributes and BIO
    labels. A corpus token split into several words gives its tag to the first and I- to the rest; a token
    without a letter or digit (punctuation) is no word and only shows in its neighbours' attributes."""
    pieces, offsets, pos = [], [], 0
    for w in words:
        offsets.append(pos)
        pieces.append(w)
        pos += len(w) + 1
    text = " ".join(pieces)
    toks = word_tokens(text)
    labels = []
    k = 0
    for t in toks:
        while k + 1 < len(offsets) and offsets[k + 1] <= t.start:
            k += 1
        tag = tags[k]
        if tag != "O" and t.start > offsets[k]:  # not the first word of this corpus token
            tag = "I-" + tag[2:]
        labels.append(tag)
    return text, toks, features(text, toks), repair_bio(labels)


def train(sentences: Iterable[Sentence], out: str | Path, c1: float = 0.05, c2: float = 0.01,
          max_iterations: int = 200, minfreq: float = 1.0, verbose: bool = False) -> None:
    """Train a CRF (L-BFGS with elastic net) on `sentences` and write it to `out` (crfsuite format)."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=verbose)
    for s in sentences:
        _, toks, xseq, yseq = sentence_xy(s.words, s.tags)
        if toks:
            trainer.append(xseq, yseq)
    trainer.set_params({
        "c1": c1, "c2": c2, "max_iterations": max_iterations, "feature.minfreq": minfreq,
        "feature.possible_transitions": True,
    })
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))


def _split_tag(tag: str) -> tuple[str, str]:
    m = re.match(r"^([BI])-+(.+?)`*$", tag.strip())
    return (m.group(1), m.group(2)) if m else ("O", "")


def read_newsfane(path: str | Path) -> list[Sentence]:
    """NewsFANE Gold (token TAB fine BIO tag, blank line between sentences) with tags mapped to LABELS."""
    text = Path(path).read_text(encoding="utf-8-sig")
    out, words, tags = [], [], []
    for line in text.splitlines() + [""]:
        if not line.strip():
            if words:
                out.append(Sentence(words, repair_bio(tags)))
            words, tags = [], []
            continue
        tok, _, tag = line.rpartition("\t")
        tok = clean_token(tok)
        if not tok:
            continue
        bi, cls = _split_tag(tag)
        label = NEWSFANE_LABELS.get(cls) if bi != "O" else None
        words.append(tok)
        tags.append(f"{bi}-{label}" if label else "O")
    return out


def _head(word: str) -> str:
    from .text import normalize_arabic

    return strip_clitics(normalize_arabic(word))[1]


def read_aqmar(folder: str | Path) -> list[Sentence]:
    """AQMAR articles (`token tag`, blank line between sentences): PER → PER, ORG → ORG or GOV, LOC → GPE or O
    (head-word lists above), MIS* and stray tags → O."""
    out = []
    for f in sorted(Path(folder).glob("*.txt")):
        words: list[str] = []
        raw: list[tuple[str, str]] = []
        for line in f.read_text(encoding="utf-8-sig").splitlines() + [""]:
            parts = line.split()
            if len(parts) < 2:
                if raw:
                    out.append(_aqmar_sentence(words, raw))
                words, raw = [], []
                continue
            tok = clean_token(" ".join(parts[:-1]))
            if not tok:
                continue
            words.append(tok)
            raw.append(_split_tag(parts[-1]))
    return out


def _aqmar_sentence(words: list[str], raw: list[tuple[str, str]]) -> Sentence:
    coarse = [f"{bi}-{cls}" if cls in ("PER", "ORG", "LOC") else "O" for bi, cls in raw]
    tags = ["O"] * len(words)
    for a, b, cls in chunks(repair_bio(coarse)):
        head = _head(words[a])
        if cls == "PER":
            label = "PER"
        elif cls == "ORG":
            label = "GOV" if head in AQMAR_GOV_HEADS else "ORG"
        else:
            label = None if head in AQMAR_NON_GPE_HEADS else "GPE"
        if label:
            tags[a] = "B-" + label
            for i in range(a + 1, b):
                tags[i] = "I-" + label
    return Sentence(words, tags)


# ----------------------------------------------------------------------------------------------- scoring


def entity_scores(gold: Sequence[Sequence[tuple[int, int, str]]], pred: Sequence[Sequence[tuple[int, int, str]]]) -> dict[str, dict[str, float]]:
    """Exact-match precision, recall, F1 and support per label and overall ("ALL", micro) from entity spans."""
    stats: dict[str, list[int]] = {}
    for g, p in zip(gold, pred):
        gs, ps = set(g), set(p)
        for lab in {x[2] for x in gs | ps}:
            st = stats.setdefault(lab, [0, 0, 0])
            gl = {x for x in gs if x[2] == lab}
            pl = {x for x in ps if x[2] == lab}
            st[0] += len(gl & pl)
            st[1] += len(pl)
            st[2] += len(gl)
    out = {}
    for lab in sorted(stats) + ["ALL"]:
        tp, np_, ng = [sum(v[k] for v in stats.values()) for k in range(3)] if lab == "ALL" else stats[lab]
        p = tp / np_ if np_ else 0.0
        r = tp / ng if ng else 0.0
        out[lab] = {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "support": ng}
    return out


_ALI = re.compile(rf"(?<!{_AR_LETTER.pattern})علي[ \u00a0]\Z")  # (a letter before it: another word)


def _with_ali(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Person spans with the name "علي" (Ali, written with ya) right before them, which the tagger reads as the
    preposition على and leaves out ("محمد علي جعفري" came out as "محمد" and "جعفري", "علي رضا عسكري" as "رضا"): the
    name runs over it, and a one-word person right before it ("محمد") is the same name (not "محمود عباس علي جعفري",
    two people). A text that writes the preposition with ya before a name ("الهجوم علي محمد مرسي") reads it as the
    name too; in the shared Arabic corpora such spellings before a name are rare."""
    out: list[tuple[int, int, str]] = []
    for a, b, label in spans:
        ali = _ALI.search(text, max(0, a - 4), a) if label == "PER" else None  # (ending right at a)
        if ali is not None and out and out[-1][2] == "PER" and out[-1][1] == a - 1 and out[-1][0] <= ali.start():
            a = out.pop()[0]  # the person before ends with the name ("محمد علي" + "جعفري")
        elif ali is not None and (not out or out[-1][1] <= ali.start()):
            a = ali.start()
            if out and out[-1][2] == "PER" and text[out[-1][1] : a] == " " \
                    and " " not in text[out[-1][0] : out[-1][1]]:
                a = out.pop()[0]
        out.append((a, b, label))
    return out
