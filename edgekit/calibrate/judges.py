"""Judges (re-exported): they live in :mod:`edgekit.routing.judges`, where the
learning client can use them at run time (it labels escalated drafts on the device)."""

from __future__ import annotations

from edgekit.routing.judges import (
    BUILTIN_JUDGES,
    Judge,
    contains_match,
    exact_match,
    last_number,
    normalize,
    numeric_match,
    resolve_judge,
    stated_number,
)

__all__ = [
    "BUILTIN_JUDGES",
    "Judge",
    "contains_match",
    "exact_match",
    "last_number",
    "normalize",
    "numeric_match",
    "resolve_judge",
    "stated_number",
]
