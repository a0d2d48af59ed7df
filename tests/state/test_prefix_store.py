"""The gateway's prefix LRU: bounded in bytes, keyed by model + tokens, aligned resumes."""

from __future__ import annotations

import numpy as np

from cloud_gateway.kvstate import PrefixStore, _CachedState


def entry(tokens: range | list[int], size: int) -> _CachedState:
    return _CachedState(tuple(tokens), bytes(size), np.zeros(4, np.float32), {})


def test_least_recently_used_is_evicted_beyond_the_byte_bound() -> None:
    store = PrefixStore(max_bytes=1000)
    store.put("m", entry(range(20), 300))
    store.put("m", entry(range(30), 300))
    assert store.exact("m", tuple(range(20))) is not None  # now the most recent
    store.put("m", entry(range(40), 300))
    assert len(store) == 3
    store.put("m", entry(range(50), 300))
    assert store.nbytes <= 1000
    assert store.exact("m", tuple(range(30))) is None  # least recently used went first
    assert store.exact("m", tuple(range(20))) is not None
    store.put("m", entry(range(60), 5000))  # larger than the whole budget: not kept
    assert store.exact("m", tuple(range(60))) is None


def test_longest_prefix_is_per_model_proper_and_chunk_aligned() -> None:
    store = PrefixStore(max_bytes=1 << 20)
    store.put("a", entry(range(32), 10))
    store.put("a", entry(range(48), 10))
    store.put("b", entry(range(64), 10))
    query = tuple(range(100))
    found = store.longest_prefix("a", query)
    assert found is not None
    assert len(found.tokens) == 48
    aligned = store.longest_prefix("a", query, multiple_of=32)
    assert aligned is not None
    assert len(aligned.tokens) == 32
    assert store.longest_prefix("a", tuple(range(48))) is not None  # proper prefixes only
    assert len(store.longest_prefix("a", tuple(range(48))).tokens) == 32  # type: ignore[union-attr]
    assert store.longest_prefix("a", (5, *range(1, 100))) is None  # shares no prefix
