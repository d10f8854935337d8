"""NewsFANE's Arabic newswire sentences as plain text, for stance annotation (`tools/draw_pool.py --source newsfane`).

`ner/newsfane/NewsFANE_Gold_2014_170K.txt` (Alotaibi & Lee 2014, CC BY-SA 3.0; see `../shared/data/SOURCES.md`) is an
NER corpus: one token and its tag per line, a blank line between sentences, the conjunction و written apart
(`و الصادرات`) and left-to-right marks (U+200E) before most tokens. `sentences` strips the marks and glues the clitics
back with the AFP sample's rejoin (`training.annotations.afp_rejoin`), so annotators read normal Arabic
orthography; the corpus's own spelling stays (ي for a final ى, no hamza on alef).

Row ids are `s<index>` (0-based, in file order). The corpus keeps no article boundaries, so a document, for the
fixed train/dev/test rule of `training.datasets.annotations`, is a block of `BLOCK` consecutive sentences
(`doc_of("s0057")` -> `b002`): neighbouring sentences of one article fall in one split, except where an article
straddles two blocks. The corpus also repeats itself: 36 sentences occur more than once (49 copies in all), and
one article occurs twice, in a test block (b079) and in train blocks (b080, b081). `cross_split_copies` names the sentences that equal, contain or
lie inside a sentence of a block in another split; `tools/draw_pool.py` never draws them, so no text reaches two
splits.

>>> doc_of("s0057"), doc_of("s0024"), doc_of("s0025")
('b002', 'b000', 'b001')
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

NEWSFANE_FILE = "ner/newsfane/NewsFANE_Gold_2014_170K.txt"
BLOCK = 25
_MARKS = re.compile("[\u200e\u200f\ufeff]")
_ROW = re.compile(r"^s(\d+)$")


def doc_of(row_id: str) -> str:
    """The block (document) a row id belongs to; an id not of the form `s<index>` is its own document."""
    m = _ROW.match(row_id.strip())
    return f"b{int(m.group(1)) // BLOCK:03d}" if m else row_id


def row_id(index: int) -> str:
    return f"s{index:04d}"


@lru_cache(maxsize=2)
def sentences(root: str) -> tuple[str, ...]:
    """Every sentence of the corpus under the shared data folder `root`, rejoined, in file order (index = row id)."""
    from training.annotations.afp_rejoin import rejoin

    path = Path(root) / NEWSFANE_FILE
    if not path.exists():
        raise FileNotFoundError(f"{path} not found: NewsFANE is read from the shared data folder "
                                "(--data or $STANCE_DATA; see ../shared/data/SOURCES.md)")
    out: list[str] = []
    tokens: list[str] = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        if not line.strip():  # only a blank line ends a sentence (a token of marks alone is no token)
            if tokens:
                out.append(rejoin(" ".join(tokens)))
                tokens = []
            continue
        token = _MARKS.sub("", line.split("\t", 1)[0]).strip()
        if token:
            tokens.append(token)
    if tokens:
        out.append(rejoin(" ".join(tokens)))
    return tuple(out)


def squashed(text: str) -> str:
    """`text` as sentences are compared for copies: Arabic spelling normalised, runs of spaces made one."""
    from stance.normalize import normalize_arabic

    return " ".join(normalize_arabic(text).split())


@lru_cache(maxsize=2)
def cross_split_copies(root: str, min_chars: int = 40) -> frozenset[int]:
    """Indices of the sentences (of `min_chars` or more, compared in normalised spelling) that equal, contain or lie
    inside a sentence of a block whose split differs (`training.datasets.annotations.split_of`)."""
    from .annotations import annotation_doc_key, split_of

    texts = [squashed(t) for t in sentences(root)]
    split = [split_of(annotation_doc_key(NEWSFANE_FILE, row_id(i))) for i in range(len(texts))]
    shingles: dict[tuple[str, ...], set[int]] = {}
    for i, t in enumerate(texts):
        words = t.split()
        if len(t) >= min_chars:
            for k in range(max(1, len(words) - 5)):
                shingles.setdefault(tuple(words[k:k + 6]), set()).add(i)
    # each pair of sentences that share a six-word run and lie in different splits, compared once
    pairs = {(i, j) for group in shingles.values() for i in group for j in group if i < j and split[i] != split[j]}
    return frozenset(x for i, j in pairs if texts[i] in texts[j] or texts[j] in texts[i] for x in (i, j))
