"""Run one call under a chosen codec path, for tests that compare the two."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np

from edgekit import codec
from edgekit.errors import CodecError


@contextmanager
def path(name: str) -> Iterator[None]:
    """Temporarily select ``native`` or ``reference`` through EDGEKIT_NO_NATIVE."""
    old = os.environ.get("EDGEKIT_NO_NATIVE")
    os.environ["EDGEKIT_NO_NATIVE"] = "1" if name == "reference" else "0"
    try:
        assert codec.backend() == name
        yield
    finally:
        if old is None:
            del os.environ["EDGEKIT_NO_NATIVE"]
        else:
            os.environ["EDGEKIT_NO_NATIVE"] = old


def outcome(fn: Callable[[], Any], name: str) -> tuple[Any, ...]:
    """("ok", bytes-ish result) or ("error", message); any other exception escapes."""
    with path(name):
        try:
            result = fn()
        except CodecError as exc:
            return ("error", str(exc))
    if isinstance(result, np.ndarray):
        return ("ok", result.dtype.str, result.shape, result.tobytes())
    return ("ok", result)


def both(fn: Callable[[], Any]) -> tuple[Any, ...]:
    """The outcome of ``fn`` on both paths, asserted identical."""
    native, reference = outcome(fn, "native"), outcome(fn, "reference")
    assert native == reference
    return native
