"""Text normalization for detection, with a map back to the original offsets.

Detectors see a decoded and folded copy of the text. Decoded first
(:mod:`edgekit.privacy.decode`): percent-encoding and ``+`` in query strings
and form bodies, JSON ``\\uXXXX`` escapes, HTML character references. Then
folded: NFKC (full-width digits, ligatures),
Cyrillic/Greek look-alikes mapped to Latin, Unicode dashes and digits folded to
ASCII, zero-width characters removed. Every character of the folded text
remembers the index of the original character it came from, so a span found
in the folded text maps back to the exact span of the original.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from edgekit.privacy.decode import decode

# Invisible characters used to split tokens so that patterns miss them.
_ZERO_WIDTH = "\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\u180e\u034f"

# Look-alikes that attackers (or copy-paste) put in place of Latin letters.
_HOMOGLYPHS = {
    # Cyrillic
    "а": "a",
    "в": "b",
    "е": "e",
    "к": "k",
    "м": "m",
    "н": "h",
    "о": "o",
    "р": "p",
    "с": "c",
    "т": "t",
    "у": "y",
    "х": "x",
    "і": "i",
    "ј": "j",
    "ѕ": "s",
    "ԁ": "d",
    "ԛ": "q",
    "ԝ": "w",
    "ѡ": "w",
    "ӏ": "l",
    "ɡ": "g",
    "А": "A",
    "В": "B",
    "Е": "E",
    "К": "K",
    "М": "M",
    "Н": "H",
    "О": "O",
    "Р": "P",
    "С": "C",
    "Т": "T",
    "У": "Y",
    "Х": "X",
    "І": "I",
    "Ј": "J",
    "Ѕ": "S",
    "Ү": "Y",
    "Ԁ": "D",
    "Ԛ": "Q",
    "Ԝ": "W",
    # Greek
    "Α": "A",
    "Β": "B",
    "Ε": "E",
    "Ζ": "Z",
    "Η": "H",
    "Ι": "I",
    "Κ": "K",
    "Μ": "M",
    "Ν": "N",
    "Ο": "O",
    "Ρ": "P",
    "Τ": "T",
    "Υ": "Y",
    "Χ": "X",
    "ο": "o",
    "ν": "v",
    "α": "a",
    "ρ": "p",
    "ι": "i",
    "κ": "k",
    "τ": "t",
    "υ": "u",
    # Dashes and minus signs
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\ufe63": "-",
    "\uff0d": "-",
    # Look-alike punctuation that changes tokenization
    "\uff20": "@",
    "\u2024": ".",
    "\u3002": ".",
    "\uff0e": ".",
}
_SPECIAL_RE = re.compile("[" + re.escape(_ZERO_WIDTH + "".join(_HOMOGLYPHS)) + "]|[^\\x00-\\x7f]")
_ONE_TO_ONE = str.maketrans(_HOMOGLYPHS)


@dataclass(frozen=True, slots=True)
class Normalized:
    """Folded text plus, for each of its characters, the original span it came from."""

    text: str
    original: str
    _starts: tuple[int, ...] | None = None  # None: identity map (nothing moved)
    _ends: tuple[int, ...] | None = None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the span ``[start, end)`` of the folded text to the original text."""
        if self._starts is None or self._ends is None:
            return start, end
        return self._starts[start], self._ends[end - 1]


def _fold_char(cluster: str) -> str:
    folded = unicodedata.normalize("NFKC", cluster)
    out = []
    for ch in folded:
        if ch in _ZERO_WIDTH:
            continue
        mapped = _HOMOGLYPHS.get(ch)
        if mapped is not None:
            out.append(mapped)
        elif ch.isdigit() and not ch.isascii():
            value = unicodedata.digit(ch, -1)
            out.append(str(value) if value >= 0 else ch)
        elif ch.isspace():
            out.append(" " if ch not in "\n\r\t" else ch)
        else:
            out.append(ch)
    return "".join(out)


def normalize(text: str) -> Normalized:
    """Decode (``%40``, ``\\u0040``, ``&#64;``) and fold ``text`` for detection, and keep the
    offset map back to it."""
    decoded = decode(text) if _MAYBE_ENCODED.search(text) else None
    if decoded is None:
        return _fold(text)
    folded = _fold(decoded.text)
    if folded._starts is None or folded._ends is None:
        return Normalized(folded.text, text, decoded.starts, decoded.ends)
    starts = tuple(decoded.starts[i] for i in folded._starts)
    ends = tuple(decoded.ends[j - 1] for j in folded._ends)
    return Normalized(folded.text, text, starts, ends)


# Regular expressions instead of a Python loop over every character of the text.
_ZERO_WIDTH_RE = re.compile("[" + re.escape(_ZERO_WIDTH) + "]")
_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")
_MAYBE_ENCODED = re.compile(r"%[0-9A-Fa-f]{2}|\\u[0-9a-fA-F]{4}|&#?\w{2,32};|=[^\s=]*\+")


def _fold(text: str) -> Normalized:
    """Fold ``text`` (NFKC, look-alikes, digits, zero-width characters) with its offset map."""
    if text.isascii():
        return Normalized(text, text)
    if not _SPECIAL_RE.search(text):
        return Normalized(text, text)
    if unicodedata.is_normalized("NFKC", text) and not _ZERO_WIDTH_RE.search(text):
        candidate = text.translate(_ONE_TO_ONE)
        if not any(c.isdigit() for c in _NON_ASCII_RE.findall(candidate)):
            # Every change is one character for one character: offsets unchanged.
            return Normalized(candidate, text)
    return _normalize_slow(text)


def _normalize_slow(text: str) -> Normalized:
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1  # a base character and the combining marks that follow it
        while j < n and unicodedata.combining(text[j]):
            j += 1
        folded = _fold_char(text[i:j])
        chars.append(folded)
        starts.extend([i] * len(folded))
        ends.extend([j] * len(folded))
        i = j
    return Normalized("".join(chars), text, tuple(starts), tuple(ends))


def spellings(word: str) -> set[str]:
    """``word`` in lower case as written and as detectors see it after folding (Cyrillic
    and Greek look-alikes become Latin, so "Адрес" is seen as "Aдpec")."""
    lowered = word.lower()
    return {lowered} | {
        normalize(form).text.lower() for form in (lowered, lowered.capitalize(), lowered.upper())
    }
