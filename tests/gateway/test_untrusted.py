"""Parsers of untrusted bytes: JSON depth, ASCII integers, upstream chunks (property tests)."""

from __future__ import annotations

import contextlib
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cloud_gateway.backends.upstream import _choices, _json
from cloud_gateway.problems import UpstreamFailed
from cloud_gateway.untrusted import MAX_JSON_DEPTH, ascii_int, loads_bounded

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(alphabet='[]{}"\\ab\n', max_size=6),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=40,
)


def depth(value: Any) -> int:
    if isinstance(value, list):
        return 1 + max((depth(v) for v in value), default=0)
    if isinstance(value, dict):
        return 1 + max((depth(v) for v in value.values()), default=0)
    return 0


@settings(max_examples=150, deadline=None)
@given(value=json_values, limit=st.integers(1, 8))
def test_depth_bound_is_exact(value: Any, limit: int) -> None:
    raw = json.dumps(value).encode()
    if depth(value) <= limit:
        assert loads_bounded(raw, max_depth=limit) == value
    else:
        with pytest.raises(ValueError, match="nested deeper"):
            loads_bounded(raw, max_depth=limit)


@settings(max_examples=150, deadline=None)
@given(raw=st.binary(max_size=300) | st.text(alphabet='[]{}",:0a\\ ', max_size=300).map(str.encode))
def test_any_bytes_parse_or_raise_value_error(raw: bytes) -> None:
    with contextlib.suppress(ValueError):  # anything else (RecursionError…) fails the test
        loads_bounded(raw)


def test_pathological_nesting_is_refused_before_json_loads() -> None:
    for deep in (b"[" * 100_000, b'{"a":' * 50_000, b"[" * 10_000 + b"]" * 10_000):
        with pytest.raises(ValueError, match="nested deeper"):
            loads_bounded(deep)
    assert loads_bounded(b"[" * MAX_JSON_DEPTH + b"]" * MAX_JSON_DEPTH) is not None


@given(text=st.text(max_size=20))
def test_ascii_int_takes_only_ascii_digits(text: str) -> None:
    ascii_digits = bool(text) and all("0" <= c <= "9" for c in text) and len(text) <= 18
    if ascii_digits:
        assert ascii_int(text) == int(text)
    else:
        with pytest.raises(ValueError, match="ASCII"):
            ascii_int(text)


@pytest.mark.parametrize("text", ["²", "¹²³", "١٢", "+1", "-1", " 1", "1_000", "٣"])
def test_ascii_int_refuses_what_isdigit_or_int_would_take(text: str) -> None:
    with pytest.raises(ValueError, match="ASCII"):
        ascii_int(text)


@settings(max_examples=150, deadline=None)
@given(chunk=json_values)
def test_upstream_chunks_are_parsed_or_refused_as_upstream_errors(chunk: Any) -> None:
    raw = json.dumps({"choices": chunk} if not isinstance(chunk, dict) else chunk).encode()
    try:
        for text, reason, calls in _choices(_json(raw)):
            assert isinstance(text, str)
            assert reason is None or isinstance(reason, str)
            assert all(isinstance(c, dict) for c in calls)
    except UpstreamFailed:
        pass
