"""Helpers shared by the privacy tests."""

from __future__ import annotations

import time
from collections.abc import Callable

from edgekit.privacy import Filter


def found(flt: Filter, text: str) -> list[tuple[str, str]]:
    """(type, value) of every finding, in order."""
    return [(f.type, text[f.start : f.end]) for f in flt.scan(text)]


def cpu_seconds(scan: Callable[[str], object], unit: str, size: int = 60_000) -> float:
    """CPU seconds ``scan`` takes on ``unit`` repeated to ``size`` characters: adversarial
    input for a linear-time bound (a scan is single-threaded, so the neighbours' time on a
    busy box does not count)."""
    text = unit * (size // len(unit))
    start = time.process_time()
    scan(text)
    return time.process_time() - start
