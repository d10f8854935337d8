"""Texts reserved for independent evaluation (`heldout_ids.txt`): never train on, annotate or tune on them.

A text is excluded when it is one of the held-out texts, or contains one, or is contained in one
(the rule in `heldout_ids.txt`). Comparison is on the exact UTF-8 text and on whitespace-collapsed text.
"""
from __future__ import annotations

import csv
import hashlib
import os
import re
from functools import lru_cache
from pathlib import Path

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def data_dir(path: str | os.PathLike | None = None) -> Path:
    """The shared data folder: `path`, else `$STANCE_DATA`, else `../shared/data` beside the checkout."""
    if path is not None:
        return Path(path)
    env = os.environ.get("STANCE_DATA")
    return Path(env) if env else DEFAULT_DATA_DIR


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class Heldout:
    """The held-out texts, resolved from their sha1 listing against the shared files."""

    def __init__(self, root: str | os.PathLike | None = None) -> None:
        self.root = data_dir(root)
        listing = self.root / "heldout_ids.txt"
        if not listing.exists():
            raise FileNotFoundError(f"{listing} not found: point --data or $STANCE_DATA at the shared data folder")
        self.entries: list[tuple[str, str, str]] = []
        for line in listing.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            file, ident, sha = line.split("\t")
            self.entries.append((file, ident, sha))
        self.ids = {(f, i) for f, i, _ in self.entries}
        self.hashes = {s for _, _, s in self.entries}
        self.texts = self._resolve_texts()
        self._squashed = [_squash(t) for t in self.texts]

    def _resolve_texts(self) -> list[str]:
        csv.field_size_limit(10**9)
        texts: list[str] = []
        for name in ("protest_gsr.csv", "assault_gsr.csv"):
            path = self.root / "arabic_event_gsr" / name
            if path.exists():
                with path.open(encoding="utf-8", newline="") as f:
                    for row in csv.DictReader(f):
                        if _sha1(row["text"]) in self.hashes:
                            texts.append(row["text"])
        fig = self.root / "fignews_2024" / "FIGNEWS-2024-TEXT-IAA.tsv"
        if fig.exists():
            with fig.open(encoding="utf-8", newline="") as f:
                for row in csv.DictReader(f, delimiter="\t"):
                    if row.get("Text") and _sha1(row["Text"]) in self.hashes:
                        texts.append(row["Text"])
        return texts

    def is_heldout(self, text: str, file: str | None = None, ident: str | None = None) -> bool:
        """True when `text` (or its row id) is held out, contains a held-out text, or lies inside one."""
        if file is not None and ident is not None and (
            (file, ident) in self.ids or (file.rsplit("/", 1)[-1], ident) in self.ids  # listed by file name alone
        ):
            return True
        if _sha1(text) in self.hashes:
            return True
        s = _squash(text)
        if len(s) < 15:
            return False
        return any(h and (h in s or s in h) for h in self._squashed)


@lru_cache(maxsize=4)
def load_heldout(root: str | None = None) -> Heldout:
    return Heldout(root)
