"""Judges: decide whether an answer matches a reference.

A judge is any callable ``(answer, reference) -> bool``. Built-ins: ``exact``
(normalized equality), ``numeric`` (the stated result equals the reference
within a tolerance: the last number written after "=", "is", "equals",
"equal to" or "answer:", as in "8 * 1000 = 8000 grams. So 8 kg is equal to",
else the last number in the answer),
``contains`` (the normalized reference, or one of its ``|``-separated
aliases, appears as whole words in the answer).
"""

from __future__ import annotations

import importlib
import math
import re
import unicodedata
from collections.abc import Callable

from edgekit.errors import CalibrationError

Judge = Callable[[str, str], bool]

_NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?|-?\.\d+")
_STATED = re.compile(
    r"(?:=|\bis\b|\bequals\b|\bequal to\b|\banswer\b\s*:?)\s*"
    r"(-?\d[\d,]*(?:\.\d+)?|-?\.\d+)",
    re.I,
)
_NON_WORD = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Casefold, strip accents and punctuation, collapse spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    no_marks = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", _NON_WORD.sub(" ", no_marks.casefold())).strip()


def exact_match(answer: str, reference: str) -> bool:
    """Normalized answer equals the normalized reference (or an alias)."""
    norm = normalize(answer)
    return any(norm == normalize(alias) for alias in reference.split("|"))


def contains_match(answer: str, reference: str) -> bool:
    """A normalized alias of the reference occurs in the answer on word boundaries."""
    padded = f" {normalize(answer)} "
    return any(
        f" {normalize(alias)} " in padded for alias in reference.split("|") if normalize(alias)
    )


def last_number(text: str) -> float | None:
    """The last number written in ``text`` (thousands separators allowed)."""
    matches = _NUMBER.findall(text)
    if not matches:
        return None
    try:
        return float(matches[-1].rstrip(",").replace(",", ""))
    except ValueError:
        return None


def stated_number(text: str) -> float | None:
    """The last number stated as a result ("= 14", "is 14", "answer: 14"), else the last one.

    Chat-style answers show their working and may be cut off mid-sentence
    ("8 * 1000 = 8000 grams. So 8 kg is equal to"), where the last number
    written is not the result.
    """
    stated = _STATED.findall(text)
    return last_number(stated[-1]) if stated else last_number(text)


def numeric_match(answer: str, reference: str, *, rel_tol: float = 1e-6) -> bool:
    """The number the answer states as its result equals the reference number."""
    got = stated_number(answer)
    want = last_number(reference)
    if got is None or want is None:
        return False
    return math.isclose(got, want, rel_tol=rel_tol, abs_tol=1e-9)


BUILTIN_JUDGES: dict[str, Judge] = {
    "exact": exact_match,
    "contains": contains_match,
    "numeric": numeric_match,
}


def resolve_judge(spec: str | Judge) -> Judge:
    """A built-in name, ``"module:function"`` for a user judge, or a callable."""
    if callable(spec):
        return spec
    if spec in BUILTIN_JUDGES:
        return BUILTIN_JUDGES[spec]
    module_name, sep, attr = spec.partition(":")
    if not sep or not module_name or not attr:
        raise CalibrationError(
            f"unknown judge {spec!r}: use exact, contains, numeric or module:function"
        )
    try:
        func = getattr(importlib.import_module(module_name), attr)
    except (ImportError, AttributeError):
        raise CalibrationError(f"judge {spec!r} cannot be imported") from None
    if not callable(func):
        raise CalibrationError(f"judge {spec!r} is not callable")
    judge: Judge = func
    return judge
