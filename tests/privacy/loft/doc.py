"""A small builder: text assembled from plain strings, planted values and traps."""

from __future__ import annotations

import itertools
import re
from typing import NamedTuple

from privacy.yardstick.corpus import Document, Planted, Trap

TYPES = frozenset(
    {
        "PERSON",
        "EMAIL",
        "PHONE",
        "ADDRESS",
        "IP_ADDRESS",
        "CREDIT_CARD",
        "IBAN",
        "US_SSN",
        "DATE_OF_BIRTH",
        "ID_NUMBER",
        "LICENSE_PLATE",
        "GEO_COORDINATES",
        "SECRET",
        "URL_CREDENTIALS",
    }
)
BLOCKING = frozenset({"SECRET", "URL_CREDENTIALS"})
SECRET_SLOTS = frozenset(
    {
        "password",
        "api_key",
        "token",
        "private_key",
        "cookie",
        "signing_secret",
        "pin",
        "recovery_code",
        "wifi_password",
        "auth_header",
        "aws_secret",
        "client_secret",
    }
)
FIXED = {
    "person": {"PERSON"},
    "email": {"EMAIL"},
    "phone": {"PHONE"},
    "address": {"ADDRESS"},
    "street": {"ADDRESS"},
    "ip": {"IP_ADDRESS"},
    "card": {"CREDIT_CARD"},
    "iban": {"IBAN"},
    "us_ssn": {"US_SSN", "ID_NUMBER"},
    "dob": {"DATE_OF_BIRTH"},
    "plate": {"LICENSE_PLATE"},
    "geo": {"GEO_COORDINATES"},
    "url_cred": {"URL_CREDENTIALS", "SECRET"},
}


def slot_types(slot: str) -> frozenset[str]:
    if slot in SECRET_SLOTS:
        return frozenset({"SECRET"})
    return frozenset(FIXED.get(slot, {"ID_NUMBER"}))


class P(NamedTuple):
    slot: str
    text: str
    extra: tuple[str, ...] = ()


class T(NamedTuple):
    kind: str
    text: str


# Look-alikes a careful reader might still call personal in context: written as
# plain text, neither labelled nor trapped.
PLAIN_KINDS = frozenset(
    {
        "booking_ref",
        "eticket_no",
        "rx_no",
        "nre",
        "mandate_ref",
        "meter_no",
        "cadastral_ref",
        "house_no",
        "unit",
        "birthplace",
        "nationality",
        "age",
        "allergy",
        "lab",
        "temperature",
        "measure",
        "grade",
    }
)


class Doc:
    def __init__(self) -> None:
        self.buf: list[str] = []
        self.n = 0
        self.planted: list[Planted] = []
        self.traps: list[Trap] = []

    def __call__(self, *items: str | P | T) -> Doc:
        for it in items:
            if isinstance(it, T) and it.kind in PLAIN_KINDS:
                self._add(it.text)
                continue
            if isinstance(it, P | T):
                text = it.text
                lead = len(text) - len(text.lstrip("".join(TRIM)))
                tail = len(text) - len(text.rstrip("".join(TRIM)))
                if lead or tail:
                    self._add(text[:lead])
                    self(it._replace(text=text[lead : len(text) - tail]))
                    self._add(text[len(text) - tail :])
                    continue
            if isinstance(it, P):
                start = self.n
                self._add(it.text)
                types = slot_types(it.slot) | frozenset(it.extra)
                secret = bool(types & BLOCKING)
                self.planted.append(Planted(it.slot, start, self.n, types, secret))
            elif isinstance(it, T):
                start = self.n
                self._add(it.text)
                self.traps.append(Trap(it.kind, start, self.n))
            else:
                self._add(it)
        return self

    def _add(self, s: str) -> None:
        self.buf.append(s)
        self.n += len(s)

    def build(self, genre: str, template: int) -> Document:
        return Document("".join(self.buf), genre, tuple(self.planted), tuple(self.traps), template)


TRIM = set(" \t\r\n\"'`“”‘’«»„()[]{}<>,:;")
_WORD = re.compile(r"\w", re.UNICODE)


def problems(d: Document) -> list[str]:
    """Everything wrong with a document's labels (empty when it is sound)."""
    out: list[str] = []
    spans = [(p.start, p.end, "p") for p in d.planted] + [(t.start, t.end, "t") for t in d.traps]
    for s, e, _ in spans:
        if not (0 <= s < e <= len(d.text)):
            out.append(f"bounds {s}:{e}")
            continue
        if d.text[s] in TRIM or d.text[e - 1] in TRIM:
            out.append(f"untrimmed {d.text[s:e]!r}")
    spans.sort()
    for a, b in itertools.pairwise(spans):
        if b[0] < a[1]:
            out.append(f"overlap {d.text[a[0] : a[1]]!r} {d.text[b[0] : b[1]]!r}")
    for p in d.planted:
        if not p.types or not p.types <= TYPES:
            out.append(f"types {p.types}")
        if p.secret != bool(p.types & BLOCKING) or (p.secret and not p.types <= BLOCKING):
            out.append(f"secret flag {p.slot}")
    covered = [(p.start, p.end) for p in d.planted]
    for p in d.planted:
        val = d.text[p.start : p.end]
        for m in re.finditer(re.escape(val), d.text):
            s, e = m.start(), m.end()
            if s > 0 and _WORD.match(d.text[s - 1]) and _WORD.match(val[0]):
                continue
            if e < len(d.text) and _WORD.match(d.text[e]) and _WORD.match(val[-1]):
                continue
            if not any(cs <= s and e <= ce for cs, ce in covered):
                out.append(f"unlabelled repeat {val!r}")
    pv = {d.text[p.start : p.end] for p in d.planted}
    for t in d.traps:
        if d.text[t.start : t.end] in pv:
            out.append(f"trap equals value {d.text[t.start : t.end]!r}")
    return out
