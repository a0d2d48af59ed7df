"""An LRU of saved KV states of prompt prefixes, bounded in bytes."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


def common_prefix(a: Sequence[int], b: Sequence[int]) -> int:
    """Length of the longest common prefix of two token sequences."""
    n = min(len(a), len(b))
    if n == 0:
        return 0
    x = np.asarray(a[:n], dtype=np.int64)
    y = np.asarray(b[:n], dtype=np.int64)
    diff = np.flatnonzero(x != y)
    return int(diff[0]) if diff.size else n


@dataclass(frozen=True, slots=True)
class SavedPrefix:
    """The llama.cpp sequence state after evaluating ``tokens``."""

    tokens: tuple[int, ...]
    state: bytes


class PrefixCache:
    """Saved prefix states, least recently used evicted first once over ``max_bytes``."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._entries: OrderedDict[tuple[int, ...], SavedPrefix] = OrderedDict()
        self._bytes = 0

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def nbytes(self) -> int:
        """Bytes of state currently held."""
        return self._bytes

    def put(self, tokens: Sequence[int], state: bytes) -> bool:
        """Keep ``state`` for ``tokens``; False when it alone exceeds the budget."""
        if len(state) > self.max_bytes or not tokens:
            return False
        key = tuple(tokens)
        old = self._entries.pop(key, None)
        if old is not None:
            self._bytes -= len(old.state)
        while self._entries and self._bytes + len(state) > self.max_bytes:
            _, evicted = self._entries.popitem(last=False)
            self._bytes -= len(evicted.state)
        self._entries[key] = SavedPrefix(key, state)
        self._bytes += len(state)
        return True

    def best(self, tokens: Sequence[int]) -> tuple[SavedPrefix, int] | None:
        """The entry sharing the longest prefix with ``tokens`` (marked used), or None."""
        best: tuple[SavedPrefix, int] | None = None
        for entry in self._entries.values():
            n = common_prefix(entry.tokens, tokens)
            if n > 0 and (best is None or n > best[1]):
                best = (entry, n)
        if best is not None:
            self._entries.move_to_end(best[0].tokens)
        return best

    def clear(self) -> None:
        """Forget every entry."""
        self._entries.clear()
        self._bytes = 0
