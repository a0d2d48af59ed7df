"""Decode the encodings users paste text in, keeping a map back to the encoded bytes.

An e-mail address in an access log or a form body reads
``email=jane.doe%40example.com``; in JSON it may read ``jane\\u0040example.com``;
in HTML ``jane&#64;example.com``. Detectors see a decoded copy, in which each
character remembers the span of the original it came from, so a finding masks
the whole encoded span (``jane.doe%40example.com``).

Decoded here, in one linear pass:

- **percent-encoding and ``+``** in query strings and form bodies: the part of a
  token after ``?``, or a token of ``key=value`` pairs joined by ``&``, or a
  ``key=value`` whose value holds ``%XX``; runs of ``%XX`` are decoded as UTF-8
  (a run that is not UTF-8 is left as written). A ``+`` outside such a token
  stays a ``+`` (a base64 secret in ``KEY=ab+cd`` is not split);
- **JSON string escapes** ``\\uXXXX`` (surrogate pairs too);
- **HTML character references**: ``&#64;``, ``&#x40;``, ``&amp;``, ``&eacute;`` ….
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

_MAX_TOKEN = 8192  # characters: a longer run without blanks is not read as a query string

# A run of non-blank characters that holds a key=value pair.
_TOKEN = re.compile(r"[^\s\"'<>`]{3,8192}")
_QUERY_PAIR = re.compile(r"[\w.\-\[\]%]{1,64}=")
_PERCENT_RUN = re.compile(r"(?:%[0-9A-Fa-f]{2})+")
_PERCENT_OR_PLUS = re.compile(r"(?:%[0-9A-Fa-f]{2})+|\+")
_JSON_ESCAPE = re.compile(
    r"\\u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})|\\u([0-9a-fA-F]{4})"
)
_HTML_REF = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text and, for each of its characters, the original span it came from."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]


def decode(text: str) -> Decoded | None:
    """The decoded copy of ``text`` with its offset map, or None if nothing is encoded."""
    edits = _edits(text)
    if not edits:
        return None
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for start, end, value in edits:
        chars.append(text[pos:start])
        starts.extend(range(pos, start))
        ends.extend(range(pos + 1, start + 1))
        chars.append(value)
        starts.extend([start] * len(value))
        ends.extend([end] * len(value))
        pos = end
    chars.append(text[pos:])
    starts.extend(range(pos, len(text)))
    ends.extend(range(pos + 1, len(text) + 1))
    return Decoded("".join(chars), tuple(starts), tuple(ends))


def _edits(text: str) -> list[tuple[int, int, str]]:
    """Non-overlapping ``(start, end, decoded)`` replacements, sorted."""
    edits: list[tuple[int, int, str]] = []
    if "%" in text or "+" in text:
        edits.extend(_query_edits(text))
    if "\\u" in text:
        edits.extend(_json_edits(text))
    if "&" in text and ";" in text:
        edits.extend(_html_edits(text))
    if not edits:
        return []
    edits.sort()
    kept: list[tuple[int, int, str]] = []
    for edit in edits:
        if not kept or edit[0] >= kept[-1][1]:
            kept.append(edit)
    return kept


def _query_edits(text: str) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for token in _TOKEN.finditer(text):
        part = _query_part(token.group())
        if part is None:
            continue
        base = token.start() + part
        for m in _PERCENT_OR_PLUS.finditer(text, base, token.end()):
            if m.group() == "+":
                out.append((m.start(), m.end(), " "))
                continue
            value = _utf8(m.group())
            if value is not None:
                out.append((m.start(), m.end(), value))
    return out


def _query_part(token: str) -> int | None:
    """Offset in ``token`` where its URL-encoded part starts, or None if it has none."""
    if "=" not in token or len(token) > _MAX_TOKEN:
        return None
    query = token.find("?")
    if query >= 0 and _QUERY_PAIR.match(token, query + 1):
        return query + 1
    if "&" in token and _QUERY_PAIR.match(token) and _pairs_after_ampersands(token):
        return 0
    if _QUERY_PAIR.match(token) and _PERCENT_RUN.search(token):
        return 0
    return None


def _pairs_after_ampersands(token: str) -> bool:
    """Every ``&`` of a form body starts a ``key=`` pair; in a connection string's password
    it does not (``DATABASE_URL=postgresql://u:Ab1+c-D&x9@host``: nothing to decode)."""
    at = token.find("&")
    while at >= 0:
        if at + 1 < len(token) and not _QUERY_PAIR.match(token, at + 1):
            return False
        at = token.find("&", at + 1)
    return True


def _utf8(run: str) -> str | None:
    """``%C3%A8`` → ``è``; None when the bytes are not UTF-8 or decode to a control."""
    try:
        value = bytes.fromhex(run.replace("%", "")).decode("utf-8")
    except UnicodeDecodeError:
        return None
    if any(ord(c) < 32 and c not in "\t\n\r" for c in value):
        return None
    return value


def _json_edits(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _JSON_ESCAPE.finditer(text):
        if m.group(3) is not None:
            code = int(m.group(3), 16)
            if 0xD800 <= code <= 0xDFFF or code < 32:
                continue
            out.append((m.start(), m.end(), chr(code)))
        else:
            high, low = int(m.group(1), 16), int(m.group(2), 16)
            code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            out.append((m.start(), m.end(), chr(code)))
    return out


def _html_edits(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _HTML_REF.finditer(text):
        value = html.unescape(m.group())
        if value != m.group() and value and not any(ord(c) < 32 for c in value):
            out.append((m.start(), m.end(), value))
    return out
