"""The project's own labelled statements (`training/annotations/<lang>/*.jsonl`), split by source document."""

from __future__ import annotations

import csv
import hashlib
import json
import re
import warnings
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from training.datasets.evalformat import _jsonl, from_eval_line
from training.datasets.example import Example, PathLike, _check_choice, _require, with_other_targets
from training.heldout import data_dir as _data_dir
from training.heldout import load_heldout

ANNOTATIONS_DIR = Path(__file__).resolve().parent.parent / "annotations"
ANNOTATION_SPLITS = ("train", "dev", "test")
# the files whose texts are labelled exhaustively: every attributed statement and every (speaker, target) pair of the
# text, so a pair missing from them is a real miss (precision and recall are both real there)
EXHAUSTIVE_FILES = ("gsr_batch3_a.jsonl", "gsr_batch3_b.jsonl", "gsr_batch4_a.jsonl", "gsr_batch4_b.jsonl",
                    "gsr_batch5_a.jsonl", "gsr_batch5_b.jsonl", "gsr_batch6_a.jsonl", "gsr_batch6_b.jsonl",
                    "gsr_batch7_a.jsonl", "gsr_batch7_b.jsonl", "gsr_batch8_a.jsonl", "gsr_batch8_b.jsonl",
                    "gsr_batch8_c.jsonl", "gsr_batch8_d.jsonl", "gsr_batch9_a.jsonl", "gsr_batch9_b.jsonl",
                    "gsr_batch9_c.jsonl", "gsr_batch9_d.jsonl", *(f"gsr_batch10_{x}.jsonl" for x in "abcdefgh"),
                    *(f"gsr_batch11_{x}.jsonl" for x in "abcdefgh"),
                    *(f"newsfane_batch{n}_{x}.jsonl" for n in (12, 13, 14, 15) for x in "abcdefgh"))
_AAW = re.compile(r"^(AAW_ARB_\d{8}\.\d{4})-\d+$")
_HEXROW = re.compile(r"^([0-9a-f]{32,})_\d+$")


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # the root is the smallest key, so the result does not depend on reading order
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


def _gsr_row_doc(row_id: str) -> str:
    for pattern in (_AAW, _HEXROW):
        m = pattern.match(row_id)
        if m:
            return m.group(1)
    return row_id


def gsr_rows(root: PathLike) -> Iterator[tuple[str, str, str]]:
    """(dataset, row id, text) of every row of the two arabic_event_gsr CSV files under the data folder `root`,
    dataset as `arabic_event_gsr/<file>`; FileNotFoundError saying what to do when a file is missing."""
    csv.field_size_limit(10**9)
    for name in ("protest_gsr.csv", "assault_gsr.csv"):
        path = _require(Path(root) / "arabic_event_gsr" / name, f"arabic_event_gsr/{name}")
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                yield f"arabic_event_gsr/{name}", row["id"], row["text"]


@lru_cache(maxsize=4)
def _gsr_doc_map(root: str) -> dict[str, str]:
    """arabic_event_gsr row id or spans `_id` -> canonical document (documents sharing a text are merged)."""
    folder = Path(root) / "arabic_event_gsr"
    uf = _UnionFind()
    first_doc_of_text: dict[str, str] = {}
    row_doc: dict[str, str] = {}
    for _, rid, text in gsr_rows(root):
        doc = _gsr_row_doc(rid)
        row_doc[rid] = doc
        uf.find(doc)
        if text in first_doc_of_text:
            uf.union(doc, first_doc_of_text[text])
        else:
            first_doc_of_text[text] = doc
    out = {rid: uf.find(doc) for rid, doc in row_doc.items()}
    for name in ("protest_spans.json", "assault_spans.json"):
        path = folder / name
        if path.exists():
            for rec in json.loads(path.read_text(encoding="utf-8")):
                doc = first_doc_of_text.get(rec.get("text"))
                out[rec["_id"]] = uf.find(doc) if doc else _gsr_row_doc(str(rec.get("source", rec["_id"])))
    return out


@lru_cache(maxsize=4)
def _polnear_doc_map(root: str) -> dict[str, str]:
    """PolNeAR article name -> canonical article: articles sharing a sentence (40+ characters) are merged.

    Successive versions of one live blog ("the-latest-...") and reposts share sentences: 1,008 articles make
    939 groups."""
    uf = _UnionFind()
    first_article: dict[str, str] = {}
    for path in sorted((Path(root) / "polnear" / "data").glob("*/text/*.txt")):
        uf.find(path.stem)
        for sentence in re.split(r"(?<=[.!?\"”])\s+|\n+", path.read_text(encoding="utf-8")):
            sentence = " ".join(sentence.split())
            if len(sentence) < 40:
                continue
            if sentence in first_article:
                uf.union(path.stem, first_article[sentence])
            else:
                first_article[sentence] = path.stem
    return {name: uf.find(name) for name in list(uf.parent)}


def annotation_doc_key(dataset: str, source_id: str, data_dir: PathLike | None = None) -> str:
    """The document an annotated text comes from, as `<folder>:<document>` (the rule: `load_annotations`).

    >>> annotation_doc_key("afp_arabic_sample/Sample_arabic_sent.xml", "AFP_ARB_20000715.0015_6")
    'afp_arabic_sample:AFP_ARB_20000715.0015'
    """
    dataset = dataset.strip()
    folder = dataset.rsplit("/", 1)[0] if "/" in dataset else dataset
    sid = str(source_id).strip()
    if folder == "afp_arabic_sample":
        doc = sid.rsplit("_", 1)[0]
    elif folder == "arabic_event_gsr":
        doc = _gsr_doc_map(str(_data_dir(data_dir))).get(sid) or _gsr_row_doc(sid)
    elif folder.startswith("polnear"):
        # publisher_date_slug[_annotator][.ann|.txt]: no part holds an underscore
        article = "_".join(re.sub(r"\.(ann|txt)$", "", sid.rsplit("/", 1)[-1]).split("_")[:3])
        folder, doc = "polnear", _polnear_doc_map(str(_data_dir(data_dir))).get(article, article)
    elif folder == "ner/newsfane":  # a block of consecutive sentences (`training.datasets.newsfane`)
        from .newsfane import doc_of

        doc = doc_of(sid)
    else:  # fignews_2024: the post id; ner/europeana_fr: the line id; anything else: the id as given
        doc = sid
    return f"{folder}:{doc}"


def split_of(doc_key: str) -> str:
    """ "train", "dev" or "test" for a document key: sha1 -> 70% / 15% / 15%, fixed forever.

    >>> split_of("afp_arabic_sample:AFP_ARB_20000715.0015") in ANNOTATION_SPLITS
    True
    """
    x = int(hashlib.sha1(doc_key.encode("utf-8")).hexdigest()[:8], 16) / 2**32
    return "train" if x < 0.70 else "dev" if x < 0.85 else "test"


def _languages(base: Path) -> list[str]:
    """The language folders under `base` (two- or three-letter names: `ar`, `fr`; not `agreement/`)."""
    return sorted(p.name for p in base.iterdir() if p.is_dir() and re.fullmatch(r"[a-z]{2,3}", p.name))


def load_annotations(
    lang: str | None = None,
    split: str | None = None,
    root: PathLike | None = None,
    data_dir: PathLike | None = None,
    strict: bool = False,
    high_confidence_only: bool = False,
) -> list[Example]:
    """The project's labelled statements (`<root>/<lang>/*.jsonl`, default `training/annotations`), by split.

    `lang=None` reads every language folder (`ar`, `fr`, ...); other folders (`agreement/`) are not data.

    Split rule (fixed; never reshuffle): every line belongs to the document its `source` names; the document
    key is `<folder of source.dataset>:<document part of source.id>` (folder = the dataset path without its
    file name):
    - afp_arabic_sample: the id up to its last "_" (`AFP_ARB_20000715.0015_6` -> `AFP_ARB_20000715.0015`);
    - arabic_event_gsr: the CSV id before its sentence suffix
      (`AAW_ARB_20071026.0026-2` -> `AAW_ARB_20071026.0026`, `<hex>_36` -> `<hex>`), for both CSVs alike
      (82 documents occur in both); a spans-json `_id` maps to the CSV row with the same text; documents that
      share a sentence text are merged, named by their smallest key;
    - polnear (any `polnear/...` dataset): the article name without its annotator suffix and extension
      (`nyt_2016-01-05_x_4e07.ann` -> `nyt_2016-01-05_x`; 16 articles are annotated by 5-6 annotators);
      articles that share a sentence of 40+ characters (live-blog versions, reposts) are merged, named by
      the smallest name;
    - ner/newsfane: the block of 25 consecutive sentences (`s0057` -> `b002`; `training.datasets.newsfane`);
    - fignews_2024: the post id; ner/europeana_fr: the line id; any other set: its id as given.
    The key's sha1 (first 32 bits / 2**32) puts the document in train (< 0.70), dev (< 0.85) or test.
    Lines whose text is held out (`heldout_ids.txt`) are dropped with a warning; invalid lines raise with
    `strict=True`, else are skipped with a warning (annotators append to these files while they work).
    `high_confidence_only` keeps the lines whose "confidence" is "high".
    Example.source = "annotations:<source.dataset>", group = the document key.
    """
    if split is not None:
        _check_choice("split", split, ANNOTATION_SPLITS)
    base = Path(root) if root is not None else ANNOTATIONS_DIR
    if not base.is_dir():
        raise FileNotFoundError(
            f"annotation folder {base} not found: pass root=<folder holding <lang>/*.jsonl>"
        )
    langs = [lang] if lang else _languages(base)
    heldout = load_heldout(str(_data_dir(data_dir)))
    out: list[Example] = []
    confident: list[bool] = []
    splits_of_text: dict[str, set[str]] = defaultdict(set)
    for lg in langs:
        folder = base / lg
        if not folder.is_dir():
            raise FileNotFoundError(f"no annotations for language {lg!r}: {folder} does not exist")
        for path in sorted(folder.glob("*.jsonl")):
            held: list[int] = []
            for n, obj in _jsonl(path):
                where = f"{path}:{n}"
                try:
                    ex = from_eval_line(obj, where)
                    src = obj.get("source")
                    if not isinstance(src, dict) or not src.get("dataset") or src.get("id") in (None, ""):
                        raise ValueError(
                            f"{where}: source must be {{'dataset': ..., 'id': ...}}, found {src!r}"
                        )
                except ValueError as exc:
                    if strict:
                        raise
                    warnings.warn(f"skipped: {exc}")
                    continue
                file = src["dataset"].rsplit("/", 1)[-1]
                if heldout.is_heldout(ex.item.text, file, str(src["id"])):
                    held.append(n)
                    continue
                key = annotation_doc_key(src["dataset"], str(src["id"]), data_dir)
                splits_of_text[" ".join(ex.item.text.split())].add(split_of(key))
                if split is not None and split_of(key) != split:
                    continue
                item = ex.item if ex.item.lang else replace(ex.item, lang=lg)
                out.append(Example(item, ex.stance, f"annotations:{src['dataset']}", key))
                confident.append(obj.get("confidence") == "high")
            if held:
                warnings.warn(
                    f"{path}: {len(held)} held-out lines dropped (lines {held[:10]}): "
                    "remove them from the file"
                )
    out = with_other_targets(out)  # (before the confidence filter: a statement's other targets are all its lines')
    if high_confidence_only:
        out = [ex for ex, high in zip(out, confident) if high]
    leaks = [t for t, splits in splits_of_text.items() if len(splits) > 1]
    if leaks:
        warnings.warn(
            f"{len(leaks)} texts occur in documents of different splits (first: {leaks[0][:80]!r}): "
            "the document rule in training/datasets.py needs to merge their documents"
        )
    return out


def exhaustive_ids(lang: str, root: PathLike | None = None) -> set[str]:
    """Line ids of `EXHAUSTIVE_FILES` under `<root>/<lang>/` (default root: `training/annotations`)."""
    base = Path(root) if root is not None else ANNOTATIONS_DIR
    ids: set[str] = set()
    for name in EXHAUSTIVE_FILES:
        path = base / lang / name
        if path.exists():
            ids.update(json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return ids
