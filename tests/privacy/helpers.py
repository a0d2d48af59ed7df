"""Helpers shared by the privacy tests."""

from __future__ import annotations

from edgekit.privacy import Filter


def found(flt: Filter, text: str) -> list[tuple[str, str]]:
    """(type, value) of every finding, in order."""
    return [(f.type, text[f.start : f.end]) for f in flt.scan(text)]
