"""Park et al. 2021 DSE (directed sentiment between two bracketed entities), as directed Examples.

>>> dse_five_class("support", "neutral")
1
"""

from __future__ import annotations

import csv
import logging
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from stance.records import LABELS, StanceItem
from training.datasets.example import Example, PathLike, _check_choice, _require
from training.heldout import data_dir as _data_dir

log = logging.getLogger(__name__)

DSE_SPLITS = ("train", "valid", "test")
# label -> (stance of p toward q, stance of q toward p)
DSE_LABELS: dict[int, tuple[str, str]] = {
    0: ("neutral", "neutral"),
    1: ("support", "neutral"),
    2: ("neutral", "support"),
    3: ("criticism", "neutral"),
    4: ("neutral", "criticism"),
}
_BRACKETED = re.compile(r"\[([^\[\]]*)\]")


def _dse_rows(split: str, data_dir: PathLike | None) -> list[list[str]]:
    _check_choice("split", split, DSE_SPLITS)
    path = _require(_data_dir(data_dir) / "dse_directed_sentiment" / f"{split}.txt", f"DSE {split} file")
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f, delimiter="\t"))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _parse_dse(
    sentence: str, where: str, fix_truncated: bool
) -> tuple[str, tuple[int, int], tuple[int, int], int]:
    """Remove the two `[ ]` pairs; return (clean text, p span, q span, number of spans extended)."""
    found = list(_BRACKETED.finditer(sentence))
    if len(found) != 2 or sentence.count("[") != 2 or sentence.count("]") != 2:
        raise ValueError(
            f"{where}: expected exactly two [bracketed] entities, found {len(found)} in {sentence[:80]!r}"
        )
    text = sentence.replace("[", "").replace("]", "")
    spans, fixed = [], 0
    for k, m in enumerate(found):
        start = m.start(1) - (1 + 2 * k)  # brackets removed before this entity: 1 for p, 3 for q
        end = start + len(m.group(1))
        start, end = _trim(text, start, end)
        if start == end:
            raise ValueError(f"{where}: entity {k + 1} is empty in {sentence[:80]!r}")
        # 4,368 of the 32,456 entity brackets close inside a word, mostly before a final "s" ([Los Angele]s):
        # take the whole word (never into the next entity). Brackets opening inside a word (69, "s[aid]") are
        # misplaced: left as they are.
        starts_mid_word = start > 0 and text[start - 1].isalnum() and text[start].isalnum()
        limit = found[1].start(1) - 3 if k == 0 else len(text)
        if fix_truncated and not starts_mid_word and end < limit and text[end - 1].isalnum():
            e = end
            while e < limit and text[e].isalnum():
                e += 1
            fixed += e != end
            end = e
        spans.append((start, end))
    return text, spans[0], spans[1], fixed


def dse_copied_rows(split: str, data_dir: PathLike | None = None) -> set[int]:
    """Row indices of a DSE valid/test split whose (sentence, label) also occur in train (400 of 1,623 test).

    >>> len(dse_copied_rows("test"))  # doctest: +SKIP
    400
    """
    _check_choice("split", split, ("valid", "test"))
    seen = {(r[0], r[3]) for r in _dse_rows("train", data_dir)}
    return {i for i, r in enumerate(_dse_rows(split, data_dir)) if (r[0], r[3]) in seen}


def load_dse(
    split: str, data_dir: PathLike | None = None, unseen_only: bool = False, fix_truncated: bool = True
) -> list[Example]:
    """DSE (Park et al. 2021) as two directed Examples per sentence: p -> q, then q -> p.

    The brackets are removed from the text; spans index the cleaned text. Label 1 gives (p->q support, q->p
    neutral), 2 (neutral, support), 3 (criticism, neutral), 4 (neutral, criticism), 0 (neutral, neutral). Item
    ids are `dse:<split>:<row>:pq|qp`; both directions share group `dse:<split>:<row>` (row = 0-based line
    index). `fix_truncated` extends an entity whose bracket closes inside a word to the end of the word
    (`[Los Angele]s` -> "Los Angeles"). `unseen_only` drops valid/test rows copied from train
    (`dse_copied_rows`).

    >>> ex = load_dse("train")[:2]  # doctest: +SKIP
    >>> [e.item.text[slice(*e.item.target)] for e in ex]  # doctest: +SKIP
    ['the United States', 'Los Angeles']
    """
    rows = _dse_rows(split, data_dir)
    if unseen_only and split == "train":
        raise ValueError(
            "unseen_only drops valid/test rows copied from train; it does not apply to split='train'"
        )
    skip = dse_copied_rows(split, data_dir) if unseen_only else set()
    out: list[Example] = []
    fixed = 0
    for i, row in enumerate(rows):
        where = f"dse_directed_sentiment/{split}.txt:{i + 1}"
        if len(row) != 4:
            raise ValueError(
                f"{where}: expected 4 tab-separated columns (sentence, p, q, label), found {len(row)}"
            )
        if i in skip:
            continue
        sentence, _, _, label = row
        if not label.strip().isdigit() or int(label) not in DSE_LABELS:
            raise ValueError(f"{where}: label must be 0-4, found {label!r}")
        text, p, q, n = _parse_dse(sentence, where, fix_truncated)
        fixed += n
        pq, qp = DSE_LABELS[int(label)]
        group = f"dse:{split}:{i}"
        out.append(
            Example(StanceItem(text, target=q, speaker=p, lang="en", id=f"{group}:pq"), pq, "dse", group)
        )
        out.append(
            Example(StanceItem(text, target=p, speaker=q, lang="en", id=f"{group}:qp"), qp, "dse", group)
        )
    log.info(
        "DSE %s: %d rows -> %d examples (%d copied rows dropped, %d truncated entities extended)",
        split,
        len(rows),
        len(out),
        len(skip),
        fixed,
    )
    return out


def dse_direction(example: Example) -> str:
    """ "pq" or "qp": which direction of its DSE sentence an Example is (from its item id)."""
    item_id = example.item.id or ""
    direction = item_id.rsplit(":", 1)[-1]
    if not item_id.startswith("dse:") or direction not in ("pq", "qp"):
        raise ValueError(
            f"not a DSE example id: {item_id!r} (expected 'dse:<split>:<row>:pq|qp', from load_dse)"
        )
    return direction


def dse_five_class(
    pred_pq: str,
    pred_qp: str,
    scores_pq: Mapping[str, float] | None = None,
    scores_qp: Mapping[str, float] | None = None,
) -> int:
    """Combine the two directed stances of one sentence into DSE's 5 classes.

    Both neutral -> 0; one non-neutral -> that direction (support p->q 1, q->p 2; criticism p->q 3, q->p 4);
    both non-neutral -> the direction whose predicted label has the higher score (p->q on a tie or without
    scores: p->q labels are five times as frequent in DSE).

    >>> dse_five_class("criticism", "support", {"criticism": 0.6}, {"support": 0.9})
    2
    """
    for name, label in (("pred_pq", pred_pq), ("pred_qp", pred_qp)):
        _check_choice(name, label, LABELS)
    if pred_pq == "neutral" and pred_qp == "neutral":
        return 0
    use_pq = pred_qp == "neutral"
    if pred_pq != "neutral" and pred_qp != "neutral":
        s_pq = float(scores_pq.get(pred_pq, 0.0)) if scores_pq else 0.0
        s_qp = float(scores_qp.get(pred_qp, 0.0)) if scores_qp else 0.0
        use_pq = s_pq >= s_qp
    if use_pq:
        return 1 if pred_pq == "support" else 3
    return 2 if pred_qp == "support" else 4


def _dse_pairs(examples: Sequence[Example]) -> dict[str, dict[str, int]]:
    pairs: dict[str, dict[str, int]] = defaultdict(dict)
    for i, ex in enumerate(examples):
        pairs[ex.group or ""][dse_direction(ex)] = i
    for group, d in pairs.items():
        if set(d) != {"pq", "qp"}:
            raise ValueError(
                f"DSE group {group!r} has only direction(s) {sorted(d)}: pass both directions of each row"
            )
    return pairs


def dse_gold_five_class(examples: Sequence[Example]) -> dict[str, int]:
    """The gold 5-class DSE label of every group (sentence) in `examples` (both directions must be there)."""
    return {
        g: dse_five_class(examples[d["pq"]].stance, examples[d["qp"]].stance)
        for g, d in _dse_pairs(examples).items()
    }


def dse_predicted_five_class(examples: Sequence[Example], predictions: Sequence[Any]) -> dict[str, int]:
    """The predicted 5-class label of every group, from `predictions` (objects with `.stance`, `.scores`)
    aligned one to one with `examples`."""
    if len(predictions) != len(examples):
        raise ValueError(f"{len(examples)} examples but {len(predictions)} predictions: they must be aligned")
    out = {}
    for g, d in _dse_pairs(examples).items():
        a, b = predictions[d["pq"]], predictions[d["qp"]]
        out[g] = dse_five_class(a.stance, b.stance, getattr(a, "scores", None), getattr(b, "scores", None))
    return out
