"""Remembering what a network read, for code that asks it about the same items many times.

The choosers of `training/` (the taggers' thresholds and vetoes, the lexical prior's weight) run `stance analyze`
on the same dev texts once per candidate setting; most of the statements, targets and pairs are the same from one
setting to the next, so most of the transformer passes repeat. Inside `with network.remembering():` a network
(`TransformerStanceClassifier`, `TargetTagger`, `SpeakerTagger`) keeps what it computed for each item and reads only
the items it has not seen; outside it nothing is kept past its batch, so a long batch run does not grow in memory.
Neither the weights nor what shapes the input (the model's markers, `max_length`) may change inside the block;
what is applied after the reading (the target filter, the lexical prior, thresholds and vetoes) may.

>>> class Doubler(Remembers):
...     def __init__(self):
...         self.calls = 0
...     def read(self, xs):
...         memo = self.memo()
...         new = [x for x in dict.fromkeys(xs) if x not in memo]
...         self.calls += len(new)
...         memo.update((x, 2 * x) for x in new)
...         return [memo[x] for x in xs]
>>> d = Doubler()
>>> with d.remembering():
...     d.read([1, 2, 2]), d.read([2, 3])
([2, 4, 4], [4, 6])
>>> d.calls, d.read([1]), d.calls
(3, [2], 4)
"""
from __future__ import annotations

from collections.abc import Hashable, Iterator
from contextlib import contextmanager
from typing import Any


class Remembers:
    """Mixin: `remembering()` opens a memo (`_memo`, None outside a block) that `memo()` returns (a fresh,
    throwaway dict outside it)."""

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

    def memo(self) -> dict[Hashable, Any]:
        """The open memo, or an empty dict that is forgotten after the call."""
        return self._memo if self._memo is not None else {}
