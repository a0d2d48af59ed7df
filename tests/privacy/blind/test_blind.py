"""Invariants of the blind corpus itself. Never runs the filter; never prints values."""

from __future__ import annotations

import itertools
from functools import cache

from privacy.yardstick.corpus import Document

from . import checks as c
from .corpus import LANGS, MAX_CHARS, sealed
from .values import SLOTS

ALL_TYPES = frozenset().union(*(types for _, types, _ in SLOTS.values()))
KNOWN_TYPES = frozenset(
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


def test_types_are_the_scorers() -> None:
    assert ALL_TYPES == KNOWN_TYPES


@cache
def _docs() -> tuple[Document, ...]:
    return tuple(sealed())


def _value(doc: Document, start: int, end: int) -> str:
    return doc.text[start:end]


def test_size_and_lengths() -> None:
    docs = _docs()
    assert len(docs) == 300
    assert all(len(d.text) <= MAX_CHARS for d in docs), "a document is too long"
    assert all(len(d.text) >= 150 for d in docs), "a document is too short"
    assert sum(len(d.planted) for d in docs) >= 1500
    assert sum(len(d.traps) for d in docs) >= 600


def test_deterministic() -> None:
    again = sealed()
    assert [d.text for d in again] == [d.text for d in _docs()]
    assert [d.planted for d in again] == [d.planted for d in _docs()]
    assert [d.traps for d in again] == [d.traps for d in _docs()]


def test_offsets_sane() -> None:
    for d in _docs():
        for p in d.planted:
            assert 0 <= p.start < p.end <= len(d.text), d.genre
            span = _value(d, p.start, p.end)
            assert span == span.strip(), f"planted span has outer whitespace in {d.genre}"
            assert p.types, d.genre
        for t in d.traps:
            assert 0 <= t.start < t.end <= len(d.text), d.genre
            assert _value(d, t.start, t.end).strip(), d.genre


def test_no_overlap_between_planted_and_traps() -> None:
    for d in _docs():
        spans = sorted([(p.start, p.end) for p in d.planted] + [(t.start, t.end) for t in d.traps])
        for (_, e0), (s1, _) in itertools.pairwise(spans):
            assert e0 <= s1, f"overlapping spans in {d.genre}"


def test_every_type_and_language_represented() -> None:
    docs = _docs()
    seen = frozenset().union(*(p.types for d in docs for p in d.planted))
    assert seen == ALL_TYPES
    langs = {d.genre.split("/")[1] for d in docs}
    for lang in LANGS:
        assert lang in langs
    assert any("+" in g for g in langs), "no mixed-language documents"
    share_en = sum(d.genre.endswith("/en") for d in docs) / len(docs)
    assert 0.3 < share_en < 0.6


def test_secrets_are_marked() -> None:
    for d in _docs():
        for p in d.planted:
            assert p.secret == ("SECRET" in p.types), d.genre


_CHECKED = {
    "card": c.luhn_ok,
    "iban": c.iban_ok,
    "dni": c.dni_ok,
    "nie": c.dni_ok,
    "nss": c.nss_ok,
    "nir": c.nir_ok,
    "nhs": c.nhs_ok,
    "stid": c.steuer_id_ok,
    "svnr": c.svnr_ok,
    "cf": c.cf_ok,
    "ssn": c.ssn_ok,
    "itin": c.ssn_ok,
}


def test_check_digits_valid() -> None:
    counted = 0
    for d in _docs():
        for p in d.planted:
            check = _CHECKED.get(p.slot)
            if check is None:
                continue
            raw = _value(d, p.start, p.end).replace("+", " ").replace("%20", " ")
            assert check(raw), f"bad check digit: slot {p.slot} in {d.genre}"
            counted += 1
    assert counted > 100


def test_id_shapes() -> None:
    for d in _docs():
        for p in d.planted:
            s = _value(d, p.start, p.end)
            if p.slot == "pa":
                assert c.icao_check(s[:9]) == int(s[9])
            if p.slot == "kvnr":
                assert c.kvnr_check(s[:9]) == int(s[9])
