"""Invariants of the sealed corpus (no filter is run here)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections import Counter
from itertools import pairwise
from pathlib import Path

import pytest

from privacy.cellar.checks import CHECKS, dob_ok
from privacy.cellar.corpus import FORMS, sealed
from privacy.cellar.fingerprint import digest
from privacy.yardstick.corpus import Document

KNOWN_TYPES = {
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
SECRET_TYPES = frozenset({"SECRET", "URL_CREDENTIALS"})
UNCHECKED_IDS = {
    "customer_id",
    "patient_id",
    "employee_id",
    "member_id",
    "student_id",
    "driving_licence",
}
DOCS = sealed()
TESTS_DIR = Path(__file__).resolve().parents[2]


def spans(doc: Document) -> list[tuple[int, int]]:
    return sorted([(p.start, p.end) for p in doc.planted] + [(t.start, t.end) for t in doc.traps])


def test_counts() -> None:
    assert 280 <= len(DOCS) <= 340
    assert sum(len(d.planted) for d in DOCS) >= 2000
    assert sum(len(d.traps) for d in DOCS) >= 1200
    assert len({d.genre for d in DOCS}) == len(FORMS) >= 40


def test_lengths_vary() -> None:
    lengths = [len(d.text) for d in DOCS]
    assert all(150 <= n <= 3000 for n in lengths)
    assert sum(n > 1500 for n in lengths) >= 20
    assert sum(n < 500 for n in lengths) >= 20


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: f"{d.genre}")
def test_spans(doc: Document) -> None:
    assert doc.template >= 0
    assert doc.genre
    assert "⟪" not in doc.text
    assert "⟫" not in doc.text
    for start, end in spans(doc):
        value = doc.text[start:end]
        assert 0 <= start < end <= len(doc.text)
        assert value == value.strip(), repr(value)
    ordered = spans(doc)
    assert all(a[1] <= b[0] for a, b in pairwise(ordered)), "overlapping spans"


def test_types_and_secrets() -> None:
    for doc in DOCS:
        for p in doc.planted:
            assert p.types, p.slot
            assert p.types <= KNOWN_TYPES, p.types
            assert p.secret == (p.types == SECRET_TYPES), p.slot
            if "US_SSN" in p.types or "LICENSE_PLATE" in p.types:
                assert "ID_NUMBER" in p.types


def test_checks() -> None:
    checked: Counter[str] = Counter()
    for doc in DOCS:
        for p in doc.planted:
            value = doc.text[p.start : p.end]
            if p.slot in CHECKS:
                assert CHECKS[p.slot](value), (p.slot, value)
                checked[p.slot] += 1
            elif "ID_NUMBER" in p.types:
                assert p.slot in UNCHECKED_IDS, p.slot
    assert checked["card"] >= 20
    assert checked["iban"] >= 50


def test_birth_dates_are_past() -> None:
    today = dt.date.today()
    dates = [d.text[p.start : p.end] for d in DOCS for p in d.planted if "DATE_OF_BIRTH" in p.types]
    assert len(dates) >= 100
    for value in dates:
        assert dob_ok(value, today), value


def test_deterministic_in_process() -> None:
    assert digest(sealed()) == digest(DOCS)


def test_deterministic_across_hash_seeds() -> None:
    code = (
        "from privacy.cellar.corpus import sealed\n"
        "from privacy.cellar.fingerprint import digest\n"
        "print(digest(sealed()))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345", "LC_ALL": "C"}
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=TESTS_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == digest(DOCS)


def test_every_form_is_used() -> None:
    per_genre = Counter(d.genre for d in DOCS)
    assert set(per_genre) == {form.__name__ for form in FORMS}
    assert min(per_genre.values()) >= 5
    assert all(0 <= d.template < 10 for d in DOCS)


def test_values_and_traps_are_distinct_kinds() -> None:
    """Only a word-like name may also appear as a plain word."""
    for doc in DOCS:
        values = {doc.text[p.start : p.end] for p in doc.planted}
        clash = [t.kind for t in doc.traps if doc.text[t.start : t.end] in values]
        assert set(clash) <= {"word"}, (doc.genre, clash)  # a name used as a word is deliberate
