"""Parsing untrusted text: JSON with a bounded nesting depth, ASCII-only integers.

Devices (after decryption) and upstream model servers both send the gateway
bytes it must not trust. ``json.loads`` recurses once per nesting level and
raises ``RecursionError`` near a thousand levels; ``str.isdigit()`` accepts
superscripts and other scripts' digits that ``int()`` then refuses (or reads).
These helpers turn both into one clear ``ValueError`` that callers map to their
own problem.
"""

from __future__ import annotations

import functools
import json
import re
from typing import Any

MAX_JSON_DEPTH = 32  # an OpenAI chat body nests 6 levels; JSON-Schema tools a few more


def loads_bounded(raw: bytes | str, *, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """``json.loads`` that refuses documents nested deeper than ``max_depth``.

    Raises ``ValueError`` for invalid JSON, invalid UTF-8 and excess depth.
    """
    _check_depth(raw, max_depth)
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise ValueError("invalid JSON") from None


_ESCAPE = re.compile(rb"\\.", re.DOTALL)
_STRING = re.compile(rb'"[^"]*"')
_NOT_STRUCTURE = bytes(range(256)).translate(None, b'[]{}"')


def _check_depth(raw: bytes | str, max_depth: int) -> None:
    """Deepest bracket nesting outside strings, computed in C (regex, translate, numpy)."""
    data = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw
    if data.count(b"[") + data.count(b"{") <= max_depth:
        return  # cannot nest deeper than the number of openers: the common case
    marks = _STRING.sub(b"", _ESCAPE.sub(b"", data).translate(None, _NOT_STRUCTURE))
    import numpy as np

    codes = np.frombuffer(marks.replace(b'"', b""), dtype=np.uint8)
    steps = _step_table()[codes]
    if steps.size and int(np.cumsum(steps).max()) > max_depth:
        raise ValueError(f"JSON nested deeper than {max_depth} levels")


@functools.cache
def _step_table() -> Any:
    """+1 for an opening bracket, -1 for a closing one, 0 otherwise (numpy, built once)."""
    import numpy as np

    table = np.zeros(256, dtype=np.int32)
    table[list(b"[{")] = 1
    table[list(b"]}")] = -1
    return table


def ascii_int(text: str, *, max_digits: int = 18) -> int:
    """A non-negative decimal integer written with ASCII digits only.

    ``"²"`` and ``"١٢"`` pass ``str.isdigit()``; here they are a ``ValueError``.
    """
    if not text or len(text) > max_digits or not text.isascii() or not text.isdigit():
        raise ValueError("not an ASCII decimal integer")
    return int(text)


__all__ = ["MAX_JSON_DEPTH", "ascii_int", "loads_bounded"]
