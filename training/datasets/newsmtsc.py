"""NewsMTSC (Hamborg & Donnay 2021): the author's portrayal of one target per Example."""

from __future__ import annotations

import json
import logging
import warnings

from stance.records import StanceItem
from training.datasets.example import Example, PathLike, _check_choice, _require
from training.heldout import data_dir as _data_dir

log = logging.getLogger(__name__)

NEWSMTSC_SPLITS = ("train", "devtest_rw", "devtest_mt")
NEWSMTSC_POLARITY = {2.0: "criticism", 4.0: "neutral", 6.0: "support"}


def load_newsmtsc(split: str, data_dir: PathLike | None = None) -> list[Example]:
    """NewsMTSC as one Example per target: speaker=None (the author), target = `sentence_normalized[from:to]`.

    Polarity 2.0 -> criticism, 4.0 -> neutral, 6.0 -> support; id = the target's `Input.gid`, group =
    `primary_gid`. A target whose offsets do not cover its `mention` is skipped and counted in one warning
    (none in the shipped files).
    """
    _check_choice("split", split, NEWSMTSC_SPLITS)
    path = _require(_data_dir(data_dir) / "newsmtsc" / f"{split}.jsonl", f"NewsMTSC {split} file")
    out: list[Example] = []
    bad: list[str] = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            obj = json.loads(line)
            text = obj["sentence_normalized"]
            for t in obj["targets"]:
                s, e = t["from"], t["to"]
                if text[s:e] != t["mention"] or not (0 <= s < e <= len(text)):
                    bad.append(f"{split}.jsonl:{n} {t['mention']!r} != {text[s:e]!r}")
                    continue
                if t["polarity"] not in NEWSMTSC_POLARITY:
                    raise ValueError(f"{path}:{n}: polarity must be 2.0, 4.0 or 6.0, found {t['polarity']!r}")
                item = StanceItem(text, target=(s, e), speaker=None, lang="en", id=t["Input.gid"])
                out.append(Example(item, NEWSMTSC_POLARITY[t["polarity"]], "newsmtsc", obj["primary_gid"]))
    if bad:
        warnings.warn(
            f"NewsMTSC {split}: {len(bad)} targets skipped, mention != text[from:to] (first: {bad[:3]})"
        )
    log.info("NewsMTSC %s: %d examples, %d mention mismatches", split, len(out), len(bad))
    return out
