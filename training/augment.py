"""Target swapping: a training example whose marked target is replaced by another target's words.

The stance model learns who is usually criticised as much as what is said: in "ندعم جهود [المعارضة] في مكافحة تنظيم
الدولة" the shipped model reads criticism of the opposition, and support when the same slot holds "الشعب". Replacing the
marked target by the words of a target drawn from the same source, and keeping the gold stance, shows the model the same
sentence with another actor in the slot, so that the label has to come from what is said around the marks.

>>> from stance.records import StanceItem
>>> ex = Example(StanceItem("Hammond criticised Russia over Aleppo.", target=(19, 25), speaker=(0, 7)), "criticism", "t")
>>> swap_target(ex, "the Syrian government").item.text
'Hammond criticised the Syrian government over Aleppo.'
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace

from stance.records import StanceItem
from training.datasets.example import Example


def _shift(span: tuple[int, int], at: int, delta: int) -> tuple[int, int]:
    s, e = span
    return (s + delta, e + delta) if s >= at else (s, e)


def swap_target(ex: Example, words: str) -> Example:
    """`ex` with its target span's text replaced by `words`; spans after the target move with it.

    The speaker and the statement's other targets keep their words; an example whose speaker or another target
    overlaps the target span is returned unchanged (there is no one way to move them).
    """
    item = ex.item
    s, e = item.target
    spans = [sp for sp in (item.speaker, *item.others) if sp is not None]
    if not words.strip() or any(a < e and s < b for a, b in spans):
        return ex
    delta = len(words) - (e - s)
    text = item.text[:s] + words + item.text[e:]
    new = StanceItem(
        text=text,
        target=(s, s + len(words)),
        speaker=_shift(item.speaker, e, delta) if item.speaker is not None else None,
        lang=item.lang,
        id=item.id,
        others=tuple(_shift(o, e, delta) for o in item.others),
    )
    return replace(ex, item=new)


def _definite(words: str) -> bool:
    """Arabic words that start with the article (ال), as most Arabic targets do; a swap keeps this alike."""
    return words.startswith("ال")


def target_pool(examples: Sequence[Example]) -> dict[tuple[str | None, bool], list[str]]:
    """The distinct target words of a source, by language and by whether they start with the Arabic article."""
    pool: dict[tuple[str | None, bool], set[str]] = {}
    for ex in examples:
        s, e = ex.item.target
        words = ex.item.text[s:e].strip()
        if words:
            pool.setdefault((ex.item.lang, _definite(words)), set()).add(words)
    return {k: sorted(v) for k, v in pool.items()}


def swap_some(examples: Sequence[Example], pool: dict[tuple[str | None, bool], list[str]], fraction: float,
              rng: random.Random) -> list[Example]:
    """Each example's target swapped with probability `fraction` for words from `pool` (same language and article).

    The words are never the target's own, the speaker's, those of the statement's other marked targets (whose gold
    stance may differ), nor any already in the text; an example with no other words to draw keeps its target.
    """
    out = []
    for ex in examples:
        if fraction <= 0 or rng.random() >= fraction:
            out.append(ex)
            continue
        s, e = ex.item.target
        choices = pool.get((ex.item.lang, _definite(ex.item.text[s:e].strip())), [])
        words = None
        for _ in range(4):  # a few draws: the pool rarely holds only words of this text
            if not choices:
                break
            w = rng.choice(choices)
            if w not in ex.item.text:  # the target's, the speaker's, the other targets' words all lie in the text
                words = w
                break
        out.append(swap_target(ex, words) if words else ex)
    return out
