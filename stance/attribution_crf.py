"""Learned English attribution: a CRF tags source, cue and content words; simple rules link them.

Trained on PolNeAR (`tools/train_attribution.py`, model card `resources/attribution_en.md`). The model is
crfsuite's own binary file (`resources/attribution_en.crfsuite`), read with `pycrfsuite.Tagger`.

Tagging. The unit is a paragraph (a line of the article, `stance.text.paragraphs`): 99% of PolNeAR
attributions lie inside one paragraph, while 13% of contents run over more than one sentence, so a paragraph
lets a content continue past a sentence end (a quotation spanning sentences) without special cases.
`unit="sentence"` tags sentences instead (worse on dev: see the model card). Tokens are `stance.text.tokens`
words; punctuation is not a token, what stands between two words is described by features of the gap. Tags
are BIO over CUE, SOURCE and CONTENT (PolNeAR is univocal: one role per token).

Features of a token: lower-cased word (quote marks and apostrophes stripped), a crude stem, suffixes, prefix,
shape and capitalisation; whether it is in the English reporting-verb lexicon
(`stance.attribution.load_cues()['en']`, "according to" as a source cue), alone and with the quotation state
and the punctuation around it; the words of the neighbours +-2, their lexicon flags +-3, two word bigrams; the
punctuation before and after it (quote marks, commas, colons, brackets, sentence ends, line breaks);
whether it lies inside an open quotation, and whether a quotation opens or closes next to it; its position in
its sentence, the sentence's position in the paragraph, whether the sentence starts inside a quotation or
holds one; its distance to the nearest lexicon cue of its sentence on each side.

From tags to statements (`link`), per paragraph:
1. Each maximal run of one role (a B tag starts a new run) is a span; character bounds follow PolNeAR's
   conventions (`char_span`): a content keeps the quotation marks that open and close it (and the
   punctuation inside them), a cue keeps a colon after it, a source the comma closing an apposition.
2. Each CUE span is a statement. Each SOURCE span goes to the nearest cue (in tokens) of its own sentence,
   else the nearest cue of the paragraph; a cue keeps the nearest of the sources it receives.
3. Each CONTENT span goes to the nearest cue of the sentences it covers, else the nearest cue of the
   paragraph; a cue's content runs from its first to its last content span (one contiguous span).
4. A cue the tagger gave no content takes the rest of its sentence after the cue and its source (a leading
   "that" included, as PolNeAR marks it), else the words before them (`_fallback_content`); with neither it
   is dropped (a `Statement` needs a content). A cue without a source is a statement without a speaker in
   its sentence (`speaker=None`, as PolNeAR's `Attribution-no-source`).
5. Speaker: a `Mention` over the source span, with the actor of a mention of `mentions` overlapping it (one
   with an actor first, then one that ends at the source's end, then one that starts at its start, then the
   longest overlap). A pronoun source (he, she, they, it, we, I; him, her, them, as in "according to him") is
   resolved, as `stance.attribution` does, to the previous statement's named speaker (`resolved=True`); with no
   named speaker before it the pronoun itself is kept. (`stance.pipeline` gives a cue with no source the speaker
   the rules read for it, where they read one: `with_rule_speakers`.)

>>> from stance.records import Article
>>> text = "Hammond said Russia was bombing the opposition."
>>> sts = extract_statements_crf(Article("d", text, "en"), [])
>>> [(s.speaker.text, s.cue.text, s.content.text) for s in sts]
[('Hammond', 'said', 'Russia was bombing the opposition')]
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .records import Article, Mention, Span, Statement
from .text import Token, paragraphs, split_sentences, tokens

ROLES = ("CUE", "SOURCE", "CONTENT")
DEFAULT_MODEL = "resources/attribution_en.crfsuite"
PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i"])  # (a feature of the trained tagger: keep as trained)
# sources resolved to the speaker named before: the subject pronouns and the objects of "according to him" (the
# English `_SOURCE_PRONOUNS` of `stance.attribution.words`, spelt here to keep this module free of the rules)
_RESOLVED_SOURCES = PRONOUNS | frozenset(["him", "her", "them"])

_OPEN_Q = "“‘«„"
_CLOSE_Q = "”’»"
_STRAIGHT_Q = "\"'"
_ALL_Q = _OPEN_Q + _CLOSE_Q + _STRAIGHT_Q
_EDGE = "'’‘-"


# --------------------------------------------------------------------------- units and quotation state


@dataclass(frozen=True)
class Unit:
    """A tagging unit (paragraph or sentence): its span, its tokens, and for each token its sentence index
    inside the unit."""

    span: Span
    toks: tuple[Token, ...]
    sent: tuple[int, ...]
    sentences: tuple[Span, ...]


def units(text: str, unit: str = "paragraph") -> list[Unit]:
    """The tagging units of `text`, in order; units without tokens are left out."""
    if unit not in ("paragraph", "sentence"):
        raise ValueError(f"unit must be 'paragraph' or 'sentence', got {unit!r}")
    sents = split_sentences(text)
    out: list[Unit] = []
    if unit == "sentence":
        for s in sents:
            toks = tokens(text, s.start, s.end)
            if toks:
                out.append(Unit(s, tuple(toks), (0,) * len(toks), (s,)))
        return out
    k = 0
    for p in paragraphs(text):
        inside = []
        while k < len(sents) and sents[k].start < p.end:
            if sents[k].start >= p.start:
                inside.append(sents[k])
            k += 1
        if not inside:
            inside = [p]
        toks = tokens(text, p.start, p.end)
        if not toks:
            continue
        sid, j = [], 0
        for t in toks:
            while j + 1 < len(inside) and t.start >= inside[j + 1].start:
                j += 1
            sid.append(j)
        out.append(Unit(p, tuple(toks), tuple(sid), tuple(inside)))
    return out


def _quote_events(text: str, start: int, end: int) -> dict[int, str]:
    """Offsets of quotation marks in text[start:end] that open ("o") or close ("c") a quotation.

    Curly and angle quotes say which they are; a straight double quote alternates; a single quote (straight
    or curly) counts only at a word edge (an opening one after a space or bracket, a closing one before a
    space or punctuation with a single quotation open), so apostrophes ("don't", "Clinton’s") are not
    quotations.
    """
    ev: dict[int, str] = {}
    dbl = False
    single = 0
    for i in range(start, end):
        ch = text[i]
        prev = text[i - 1] if i > start else " "
        nxt = text[i + 1] if i + 1 < end else " "
        if ch in "“«„":
            ev[i] = "o"
        elif ch in "”»":
            ev[i] = "c"
        elif ch == '"':
            ev[i] = "c" if dbl else "o"
            dbl = not dbl
        elif ch in "'‘’":
            if (prev.isspace() or prev in "([—–-\"“") and not nxt.isspace():
                if ch != "’":
                    ev[i] = "o"
                    single += 1
            elif single and not prev.isspace() and (nxt.isspace() or nxt in ".,;:!?)—–\"”"):
                ev[i] = "c"
                single -= 1
    return ev


def _depths(text: str, unit: Unit) -> list[int]:
    """Quotation depth at each token of the unit (0: outside quotations)."""
    ev = _quote_events(text, unit.span.start, unit.span.end)
    marks = sorted(ev.items())
    out, depth, k = [], 0, 0
    for t in unit.toks:
        while k < len(marks) and marks[k][0] < t.start:
            depth = depth + 1 if marks[k][1] == "o" else max(0, depth - 1)
            k += 1
        # a quote mark glued to the token's start ("'Hillary") opens before the token
        inner = t.start
        while inner < t.end and text[inner] in "'‘" and ev.get(inner) == "o":
            depth += 1
            inner += 1
        out.append(depth)
        while k < len(marks) and marks[k][0] < t.end:  # marks inside the token (closing ’ at its end)
            if marks[k][0] >= inner:
                depth = depth + 1 if marks[k][1] == "o" else max(0, depth - 1)
            k += 1
    return out


# --------------------------------------------------------------------------- features


def _word(tok: Token) -> str:
    w = tok.norm.strip(_EDGE)
    return w or tok.norm


def _shape(w: str) -> str:
    s = re.sub(r"[A-Z]", "X", w)
    s = re.sub(r"[a-z]", "x", s)
    s = re.sub(r"\d", "d", s)
    return re.sub(r"(.)\1{2,}", r"\1\1", s)


def _stem(w: str) -> str:
    """A crude stem: common English inflections cut ("says", "said" stay apart; "warned" -> "warn")."""
    for suf in ("ing", "ed", "es", "s"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[: -len(suf)]
    return w


def _gap_class(gap: str) -> str:
    """The punctuation between two tokens, quote marks folded to Q, spaces dropped; "NL" for a line break."""
    if not gap:
        return "none"
    s = "".join("Q" if c in _ALL_Q else c for c in gap if not c.isspace())
    if "\n" in gap:
        s = "NL" + s
    return s[:6] or "sp"


def _bucket(n: int) -> str:
    return str(n) if n <= 3 else "4-6" if n <= 6 else "7-12" if n <= 12 else "13+"


def unit_features(text: str, unit: Unit, lexicon: dict[str, str] | None = None) -> list[list[str]]:
    """CRF attributes (strings) of each token of a unit."""
    lex = lexicon if lexicon is not None else _lexicon()
    toks = unit.toks
    n = len(toks)
    words = [_word(t) for t in toks]
    cue_kind = []
    for i, w in enumerate(words):
        k = lex.get(w)
        if w == "according" and i + 1 < n and words[i + 1] == "to" or w == "to" and i > 0 and words[i - 1] == "according":
            k = "source"
        cue_kind.append(k)
    depth = _depths(text, unit)
    gaps = [text[unit.span.start if i == 0 else toks[i - 1].end : toks[i].start] for i in range(n)]
    gaps.append(text[toks[-1].end : unit.span.end])
    # position in sentence
    first_of, last_of = {}, {}
    for i, s in enumerate(unit.sent):
        first_of.setdefault(s, i)
        last_of[s] = i
    n_sent = len(first_of)
    # nearest lexicon cue of the same sentence, left and right
    left = [None] * n
    right = [None] * n
    last = None
    for i in range(n):
        if last is not None and unit.sent[last] == unit.sent[i]:
            left[i] = i - last
        if cue_kind[i]:
            last = i
    last = None
    for i in range(n - 1, -1, -1):
        if last is not None and unit.sent[last] == unit.sent[i]:
            right[i] = last - i
        if cue_kind[i]:
            last = i
    sent_has_cue = {unit.sent[i] for i in range(n) if cue_kind[i]}
    sent_starts_quoted = {s: depth[first_of[s]] > 0 for s in first_of}
    sent_quoted = {unit.sent[i] for i in range(n) if depth[i] > 0}

    out = []
    for i, t in enumerate(toks):
        w = words[i]
        raw = t.text.strip(_EDGE) or t.text
        s = unit.sent[i]
        pos = i - first_of[s]
        to_end = last_of[s] - i
        gb, ga = gaps[i], gaps[i + 1]
        f = [
            "b",
            "w=" + w,
            "s2=" + w[-2:],
            "s3=" + w[-3:],
            "p2=" + w[:2],
            "sh=" + _shape(raw),
            "gb=" + _gap_class(gb),
            "ga=" + _gap_class(ga),
            "inq=%d" % min(depth[i], 2),
            "pos=" + _bucket(pos),
            "toend=" + _bucket(to_end),
            "sidx=" + ("0" if s == 0 else "1" if s == 1 else "2+"),
            "slast=%d" % (s == n_sent - 1),
            "scue=%d" % (s in sent_has_cue),
            "sq=%d" % sent_starts_quoted[s],
            "cl=" + ("-" if left[i] is None else _bucket(left[i])),
            "cr=" + ("-" if right[i] is None else _bucket(right[i])),
        ]
        if raw[:1].isupper():
            f.append("title")
        if raw.isupper() and len(raw) > 1:
            f.append("upper")
        if any(c.isdigit() for c in raw):
            f.append("digit")
        if t.text[:1] in _ALL_Q or any(c in _ALL_Q for c in gb[-1:]):
            f.append("qopen")
        if t.text[-1:] in _ALL_Q or any(c in _ALL_Q for c in ga[:2]):
            f.append("qafter")
        if w.endswith(("'s", "’s")):
            f.append("poss")
        if cue_kind[i]:
            f.append("lex=" + cue_kind[i])
            f.append("lex|inq=%d" % min(depth[i], 1))
            f.append("lex|gb=" + _gap_class(gb))
            f.append("lex|ga=" + _gap_class(ga))
        if gb.strip():
            f.append("gb|w=%s|%s" % (_gap_class(gb), w))
        f.append("stem=" + _stem(w))
        if w in PRONOUNS:
            f.append("pron")
        if i == 0:
            f.append("BOU")
        if i == n - 1:
            f.append("EOU")
        for d in (-3, 3):
            j = i + d
            if 0 <= j < n and cue_kind[j]:
                f.append("lex%+d" % d)
        if s in sent_quoted:
            f.append("squote")
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                f.append("w%+d=%s" % (d, words[j]))
                if cue_kind[j]:
                    f.append("lex%+d" % d)
                if d == -1:
                    f.append("inq-1=%d" % min(depth[j], 2))
                    f.append("ttl-1=%d" % toks[j].text[:1].isupper())
                if d == 1:
                    f.append("inq+1=%d" % min(depth[j], 2))
                    f.append("ga+1=" + _gap_class(gaps[j + 1]))
                if d == -1:
                    f.append("gb-1=" + _gap_class(gaps[j]))
        if i > 0:
            f.append("w-1|w=%s|%s" % (words[i - 1], w))
        if i + 1 < n:
            f.append("w|w+1=%s|%s" % (w, words[i + 1]))
        out.append(f)
    return out


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, str]:
    from .attribution import load_cues

    return dict(load_cues()["en"])


# --------------------------------------------------------------------------- gold tags (training)


def gold_tags(unit: Unit, quotes: Iterable) -> list[str]:
    """BIO tags of a unit's tokens from gold quotes (objects with `.cue`, `.source`, `.content` tuples of
    (start, end) fragments, as `eval.attribution.Quote`). A token belongs to a fragment it overlaps; each
    fragment starts with a B tag."""
    tags = ["O"] * len(unit.toks)
    starts = [t.start for t in unit.toks]
    ends = [t.end for t in unit.toks]
    lo, hi = unit.span.start, unit.span.end
    for q in quotes:
        for role, frags in (("CUE", q.cue), ("SOURCE", q.source), ("CONTENT", q.content)):
            for s, e in frags:
                if e <= lo or s >= hi:
                    continue
                first = True
                for i in range(len(tags)):
                    if starts[i] < e and ends[i] > s:
                        if tags[i] == "O":
                            tags[i] = ("B-" if first else "I-") + role
                        first = False
    return tags


# --------------------------------------------------------------------------- spans and linking


@dataclass(frozen=True)
class TagSpan:
    role: str
    first: int  # token indices in the unit, inclusive
    last: int
    start: int  # character offsets in the article
    end: int


def decode(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """(role, first token, last token) runs of a BIO sequence; an I tag after another role opens a run too."""
    out: list[list] = []
    for i, tag in enumerate(tags):
        if tag == "O":
            continue
        bio, role = tag.split("-", 1)
        if bio == "I" and out and out[-1][0] == role and out[-1][2] == i - 1:
            out[-1][2] = i
        else:
            out.append([role, i, i])
    return [tuple(x) for x in out]


def char_span(
    text: str, toks: Sequence[Token], first: int, last: int, role: str, lo: int, hi: int
) -> tuple[int, int]:
    """Character bounds of tokens first..last for a role, by PolNeAR's conventions: a content keeps an opening
    quotation mark right before it and runs over the punctuation and closing mark that end its quotation; a
    source or cue drops quote marks glued to its ends; a cue keeps a colon after it; a source takes a closing
    bracket it opened and the comma that closes an apposition ("X, a fellow at Y, said"); a period that ends
    an abbreviation ("N.C.") belongs to the span."""
    s, e = toks[first].start, toks[last].end
    if role == "CONTENT":
        b = s
        while b > lo and text[b - 1] in " \t":
            b -= 1
        if b > lo and text[b - 1] in _OPEN_Q + _STRAIGHT_Q and (b - 1 == lo or not text[b - 2].isalnum()):
            s = b - 1
        # closing: punctuation then a closing quote mark right after the last token
        m = re.match(r"[.,!?;:…]*(?:[\"”’']|\.\.\.)", text[e:hi])
        opened = text[s] in _OPEN_Q + _STRAIGHT_Q or bool(re.search(r"[\"“]", text[s:e]))
        if m and opened and text[e:e + m.end()].strip(".,!?;:…"):
            e = e + m.end()
        elif _abbreviation_end(text, s, e, hi):
            e += 1
        return s, e
    while s < e and text[s] in _ALL_Q:
        s += 1
    if role == "CUE" and text[e:e + 1] == ":":
        e += 1  # 'he said: "..."': PolNeAR's cue keeps the colon
    if role == "SOURCE":
        if text[s:e].count("(") > text[s:e].count(")"):
            m = re.match(r"[^()\s]{0,5}\)", text[e:hi])
            if m:
                e += m.end()
    while e > s and text[e - 1] in _ALL_Q:
        e -= 1
    if _abbreviation_end(text, s, e, hi):
        e += 1
    elif role == "SOURCE" and text[e:e + 1] == "," and "," in text[s:e]:
        e += 1  # "Michael McFaul, a senior fellow at ...," said: an apposition keeps its closing comma
    return s, e


def _abbreviation_end(text: str, s: int, e: int, hi: int) -> bool:
    """True when a period after e ends an abbreviation ("a.m.", "N.C.", "D-Wis.")."""
    return e < hi and text[e] == "." and bool(_ABBREVIATION.search(text[max(s, e - 12) : e]))


_ABBREVIATION = re.compile(r"(?:^|[.\s(-])\w\.\w$|\(\w-\w+$|\b(?:Jr|Sr|Inc|Co|Corp|Ltd|St)$")


def _within_sentences(text: str, unit: Unit, runs: Sequence[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """The runs with each source or cue cut where a sentence ends inside it ("said Ayotte campaign manager Jon
    Kohan. Ayotte called on": two sources, one per cue); not after a title or an initial ("Mr. Bush", "Sen. Graham",
    "George W. Bush"); contents may run over sentences."""
    def ends_sentence(i: int) -> bool:  # does a sentence end between token i - 1 and token i?
        prev = unit.toks[i - 1]
        return unit.sent[i] != unit.sent[i - 1] and re.match(r"[.!?]", text[prev.end : unit.toks[i].start]) is not None \
            and prev.text not in _TITLES and not (len(prev.text) == 1 and prev.text.isupper())

    out = []
    for role, a, b in runs:
        if role != "CONTENT":
            for i in range(a + 1, b + 1):
                if ends_sentence(i):
                    out.append((role, a, i - 1))
                    a = i
        out.append((role, a, b))
    return out


# abbreviations a period follows inside a name or a source phrase
_TITLES = frozenset("""Mr Mrs Ms Dr Sen Rep Reps Gen Col Lt Maj Capt Sgt Cmdr Adm Prof Rev St Jr Sr Pres Sec Amb Hon Gov
    Atty Supt Insp Fr Mt Ft No Inc Co Corp Ltd Bros Messrs Mme Mlle Dept Univ""".split())


def tag_spans(text: str, unit: Unit, tags: Sequence[str]) -> list[TagSpan]:
    out = []
    for role, a, b in _within_sentences(text, unit, decode(tags)):
        s, e = char_span(text, unit.toks, a, b, role, unit.span.start, unit.span.end)
        if e > s:
            out.append(TagSpan(role, a, b, s, e))
    return out


def _distance(x: TagSpan, y: TagSpan) -> int:
    if x.last < y.first:
        return y.first - x.last
    if y.last < x.first:
        return x.first - y.last
    return 0


@dataclass
class Relation:
    cue: TagSpan
    source: TagSpan | None
    contents: list[TagSpan]
    sentences: tuple[int, int]  # first and last sentence index (in the unit) that the relation touches


def link(unit: Unit, spans: Sequence[TagSpan]) -> list[Relation]:
    """Relations of one unit from its tagged spans (rules in the module docstring)."""
    cues = [s for s in spans if s.role == "CUE"]
    if not cues:
        return []
    sent = unit.sent
    rel = {id(c): Relation(c, None, [], (sent[c.first], sent[c.last])) for c in cues}
    src_choice: dict[int, tuple[int, TagSpan]] = {}
    for s in spans:
        if s.role == "SOURCE":
            same = [c for c in cues if sent[c.first] == sent[s.first] or sent[c.last] == sent[s.last]]
            cand = same or cues
            c = min(cand, key=lambda c: (_distance(c, s), c.first))
            d = _distance(c, s)
            if id(c) not in src_choice or d < src_choice[id(c)][0]:
                src_choice[id(c)] = (d, s)
        elif s.role == "CONTENT":
            lo, hi = sent[s.first], sent[s.last]
            same = [c for c in cues if lo <= sent[c.first] <= hi]
            cand = same or cues
            c = min(cand, key=lambda c: (_distance(c, s), c.first))
            rel[id(c)].contents.append(s)
    out = []
    for c in cues:
        r = rel[id(c)]
        if id(c) in src_choice:
            r.source = src_choice[id(c)][1]
        parts = [c, *r.contents] + ([r.source] if r.source else [])
        r.sentences = (min(sent[p.first] for p in parts), max(sent[p.last] for p in parts))
        out.append(r)
    return out


# --------------------------------------------------------------------------- the tagger


def model_path() -> Path:
    return Path(str(resources.files("stance").joinpath(DEFAULT_MODEL)))


@lru_cache(maxsize=4)
def _load(path: str):
    import pycrfsuite

    if not Path(path).is_file():
        raise FileNotFoundError(
            f"attribution CRF model not found at {path}: train it with tools/train_attribution.py"
        )
    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    return tagger


def load_tagger(path: str | Path | None = None):
    """A `pycrfsuite.Tagger` over the model at `path` (default: the shipped English model); cached."""
    return _load(str(Path(path) if path is not None else model_path()))


def predict_relations(text: str, tagger=None, unit: str = "paragraph") -> list[tuple[Unit, Relation]]:
    """Tag `text` and link the tags: (unit, relation) pairs in text order."""
    tagger = tagger if tagger is not None else load_tagger()
    out = []
    lex = _lexicon()
    for u in units(text, unit):
        tags = tagger.tag(unit_features(text, u, lex))
        for r in link(u, tag_spans(text, u, tags)):
            out.append((u, r))
    return out


def _fallback_content(text: str, u: Unit, r: Relation) -> TagSpan | None:
    """A content for a cue the tagger gave none: the rest of its sentence after the cue (and its source), else
    the part of the sentence before them; None when neither has two words."""
    sid = u.sent[r.cue.first]
    idx = [i for i in range(len(u.toks)) if u.sent[i] == sid]
    taken = set(range(r.cue.first, r.cue.last + 1))
    if r.source is not None:
        taken |= set(range(r.source.first, r.source.last + 1))
    after = [i for i in idx if i > r.cue.last and i not in taken]
    before = [i for i in idx if i < r.cue.first and i not in taken]
    if r.source is not None and r.source.first > r.cue.last:
        after = [i for i in after if i > r.source.last]
    if r.source is not None and r.source.last < r.cue.first:
        before = [i for i in before if i > r.source.last] or [i for i in before if i < r.source.first]
    for part in (after, before):
        if len(part) >= 2 and part[-1] - part[0] == len(part) - 1:
            s, e = char_span(text, u.toks, part[0], part[-1], "CONTENT", u.span.start, u.span.end)
            if e > s:
                return TagSpan("CONTENT", part[0], part[-1], s, e)
    return None


def _speaker_mention(text: str, src: TagSpan, mentions: Sequence[Mention]) -> Mention:
    over = [m for m in mentions if m.start < src.end and src.start < m.end]
    best = None
    if over:
        def rank(m: Mention):
            return (m.actor is not None, m.end == src.end, m.start == src.start,
                    min(m.end, src.end) - max(m.start, src.start))

        best = max(over, key=rank)
    return Mention(Span.of(text, src.start, src.end), best.actor if best is not None else None)


def extract_statements_crf(
    article: Article,
    mentions: Sequence[Mention],
    tagger=None,
    unit: str = "paragraph",
    resolve_pronouns: bool = True,
    fallback_content: bool = True,
) -> list[Statement]:
    """Attributed statements of an English `article` found by the CRF (`tagger`: a `pycrfsuite.Tagger`,
    default the shipped model); `mentions` are the article's actor mentions (`stance.actors`), used to keep
    the actor of a speaker. Same records as `stance.attribution.extract_statements`; targets are left empty.

    `unit` must be the one the model was trained on (the shipped model: "paragraph"). With
    `resolve_pronouns=False` a pronoun source stays the speaker as written (a diagnostic: PolNeAR marks the
    pronoun as the source, while a resolved speaker scores no source in `eval.attribution`)."""
    text = article.text
    if not text.strip():
        return []
    out: list[Statement] = []
    last_named: Mention | None = None
    for u, r in predict_relations(text, tagger, unit):
        if not r.contents:
            fb = _fallback_content(text, u, r) if fallback_content else None
            if fb is None:
                continue
            r.contents.append(fb)
        speaker = None
        if r.source is not None and not re.search(r"\w", text[r.source.start : r.source.end]):
            r.source = None  # a source of quotation marks alone ("''") names nobody
        if r.source is not None:
            speaker = _speaker_mention(text, r.source, mentions)
            if speaker.text.lower() in _RESOLVED_SOURCES:
                if resolve_pronouns and last_named is not None:
                    speaker = Mention(last_named.span, last_named.actor, resolved=True)
            else:
                last_named = speaker
        cs = min(c.start for c in r.contents)
        ce = max(c.end for c in r.contents)
        a, b = r.sentences
        ctx_s = min(u.sentences[a].start, cs, r.cue.start)
        ctx_e = max(u.sentences[b].end, ce, r.cue.end)
        out.append(
            Statement(
                doc_id=article.id,
                id=f"{article.id}:{len(out) + 1}",
                speaker=speaker,
                cue=Span.of(text, r.cue.start, r.cue.end),
                content=Span.of(text, cs, ce),
                lang="en",
                context=Span.of(text, ctx_s, ctx_e),
                cue_kind="report",
            )
        )
    return out


# --------------------------------------------------------------------------- training


def training_sequences(text: str, quotes: Sequence, unit: str = "paragraph"):
    """(features, tags) of each unit of one annotated article."""
    lex = _lexicon()
    for u in units(text, unit):
        yield unit_features(text, u, lex), gold_tags(u, quotes)


def train(
    docs: Iterable[tuple[str, Sequence]],
    out: str | Path,
    c1: float = 2.0,
    c2: float = 0.01,
    max_iterations: int = 300,
    minfreq: int = 2,
    unit: str = "paragraph",
    verbose: bool = False,
) -> dict:
    """Train a CRF on (text, quotes) pairs; write it to `out` (crfsuite's binary format); return counts."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=verbose)
    n_seq = n_tok = 0
    for text, quotes in docs:
        for feats, tags in training_sequences(text, quotes, unit):
            trainer.append(feats, tags)
            n_seq += 1
            n_tok += len(tags)
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": max_iterations,
            "feature.minfreq": minfreq,
            "feature.possible_transitions": True,
        }
    )
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    return {"sequences": n_seq, "tokens": n_tok, "bytes": out.stat().st_size}
