"""Remembering what a network read, for code that asks it about the same items many times.

The choosers of `training/` (the taggers' thresholds and vetoes, the lexical prior's weight) run `stance analyze`
on the same dev texts once per candidate setting; most of the statements, targets and pairs are the same from one
setting to the next, so most of the transformer passes repeat. Inside `with network.remembering():` a network
(`TransformerStanceClassifier`, `TargetTagger`, `SpeakerTagger`) keeps what it computed for each item and reads only
the items it has not seen; outside it nothing is kept past its batch, so a long batch run does not grow in memory.
Neither the weights nor what shapes the input (the model's markers, `max_length`) nor the precision a network reads
in (`in_precision`) may change inside the block;
what is applied after the reading (the target filter, the lexical prior, thresholds and vetoes) may.

>>> class Doubler(Remembers):
...     def __init__(self):
...         self.calls = 0
...     def read(self, xs):
...         todo = self.unseen(xs, range(len(xs)))
...         self.calls += len(todo)
...         got = {xs[i]: 2 * xs[i] for i in todo}
...         if self._memo is None:
...             return [got[x] for x in xs]
...         self._memo.update(got)
...         return [self._memo[x] for x in xs]
>>> d = Doubler()
>>> with d.remembering():
...     d.read([1, 2, 2]), d.read([2, 3])
([2, 4, 4], [4, 6])
>>> d.calls, d.read([1, 1]), d.calls
(3, [2, 2], 5)
"""
from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any


class Remembers:
    """Mixin: `remembering()` opens a memo (`_memo`: key -> what was read; None outside a block), and `unseen`
    says which items still need reading."""

    _memo: dict[Hashable, Any] | None = None

    @contextmanager
    def remembering(self) -> Iterator[None]:
        """Keep each item's result for the duration of the block (nested blocks share the outer memo)."""
        if self._memo is not None:
            yield
            return
        self._memo = {}
        try:
            yield
        finally:
            self._memo = None

    def unseen(self, keys: Sequence[Hashable], order: Iterable[int]) -> list[int]:
        """The indices of `order` (into `keys`) the network must read: all of them outside a block; inside one,
        each key not yet remembered once, at its first place in `order`."""
        if self._memo is None:
            return list(order)
        first: dict[Hashable, int] = {}
        for i in order:
            if keys[i] not in self._memo:
                first.setdefault(keys[i], i)
        return list(first.values())
