"""Invariants of the sealed corpus. No filter runs here and no value is ever printed."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from privacy.holdout import checks, corpus, ids, keys, validate
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
# the specimen passport of ICAO Doc 9303 part 4
ICAO_MRZ = (
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
)


@pytest.fixture(scope="module")
def docs() -> list[Document]:
    return corpus.sealed()


def test_build_is_fast_and_deterministic() -> None:
    start = time.perf_counter()
    first = corpus._build.__wrapped__()
    elapsed = time.perf_counter() - start
    assert elapsed < 5.0, f"building took {elapsed:.1f} s"
    assert first == corpus._build.__wrapped__()
    assert list(first) == corpus.sealed()


def corpus_digest(docs: list[Document]) -> str:
    """A hash of everything a scorer reads (sets sorted, so hash seeds do not matter)."""
    key = [
        (
            d.text,
            d.genre,
            d.template,
            [(p.slot, p.start, p.end, sorted(p.types), p.secret) for p in d.planted],
            [(t.kind, t.start, t.end) for t in d.traps],
        )
        for d in docs
    ]
    return hashlib.sha256(repr(key).encode()).hexdigest()


def test_same_corpus_in_another_process(docs: list[Document]) -> None:
    """No dependence on hash randomisation or anything else outside the seed."""
    tests_root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONHASHSEED": "12345", "PYTHONPATH": str(tests_root)}
    code = (
        "from privacy.holdout import corpus\n"
        "from privacy.holdout.test_holdout import corpus_digest\n"
        "print(corpus_digest(corpus.sealed()))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == corpus_digest(docs)


def test_sizes(docs: list[Document]) -> None:
    assert len(docs) == 300
    short = [i for i, d in enumerate(docs) if not 150 <= len(d.text) <= 3000]
    assert not short, f"documents outside 150..3000 characters: {short[:5]}"
    assert sum(len(d.planted) for d in docs) >= 1500
    assert sum(len(d.traps) for d in docs) >= 600
    assert len({d.genre for d in docs}) >= 30


def test_spans_are_exact_and_disjoint(docs: list[Document]) -> None:
    for i, d in enumerate(docs):
        spans = sorted((p.start, p.end) for p in d.planted)
        for start, end in spans + [(t.start, t.end) for t in d.traps]:
            assert 0 <= start < end <= len(d.text), f"doc {i}: span outside its text"
            piece = d.text[start:end]
            assert piece == piece.strip(), f"doc {i}: span at {start} has surrounding blanks"
            assert any(c.isalnum() for c in piece), f"doc {i}: span at {start} has no letter/digit"
        for (_, e1), (s2, _) in itertools.pairwise(spans):
            assert e1 <= s2, f"doc {i}: planted values overlap at {s2}"
        for t in d.traps:
            hit = [p for p in d.planted if p.start < t.end and t.start < p.end]
            assert not hit, f"doc {i}: trap {t.kind} at {t.start} overlaps a value"


def test_types_and_secret_flags(docs: list[Document]) -> None:
    for i, d in enumerate(docs):
        for p in d.planted:
            assert p.types, f"doc {i}: {p.slot} has no types"
            assert p.types <= KNOWN_TYPES, f"doc {i}: {p.slot} has unknown types"
            is_secret = p.slot in keys.MAKERS
            assert p.secret == is_secret, f"doc {i}: {p.slot} secret flag is wrong"
            if is_secret:
                assert p.types == SECRET_TYPES, f"doc {i}: {p.slot} types"
        assert d.template >= 0


def test_every_value_passes_its_own_check(docs: list[Document]) -> None:
    failures: Counter[str] = Counter()
    for d in docs:
        for p in d.planted:
            assert validate.known_slot(p.slot), f"slot {p.slot} has no check"
            if not validate.value_ok(p.slot, d.text[p.start : p.end]):
                failures[p.slot] += 1
    assert not failures, f"values failing their check, by slot: {dict(failures)}"


def test_birth_dates_are_in_the_past(docs: list[Document]) -> None:
    today = dt.date.today()
    for i, d in enumerate(docs):
        for p in d.planted:
            if p.slot == "dob":
                readings = validate._dates(d.text[p.start : p.end])
                assert any(r < today for r in readings), f"doc {i}: birth date not in the past"


def test_every_claimed_scheme_is_present(docs: list[Document]) -> None:
    slots = Counter(p.slot for d in docs for p in d.planted)
    missing = [s for s in ids.SCHEMES if slots[s] == 0]
    assert not missing, f"schemes with no value: {missing}"
    assert slots["us_ssn"] >= 5
    for kind in ("name", "email", "phone", "address", "dob", "iban", "card", "ip", "geo"):
        assert slots[kind] >= 8, f"too few values of kind {kind}"


@pytest.mark.parametrize(
    ("check", "valid", "invalid"),
    [
        (ids.SCHEMES["es_dni"].check, "12345678Z", "12345678A"),
        (ids.SCHEMES["es_nie"].check, "X1234567L", "X1234567M"),
        (ids.SCHEMES["it_cf"].check, "RSSMRA85T10A562S", "RSSMRA85T10A562T"),
        (ids.SCHEMES["uk_nhs"].check, "943 476 5919", "943 476 5918"),
        (ids.SCHEMES["nl_bsn"].check, "111222333", "111222334"),
        (ids.SCHEMES["pl_pesel"].check, "44051401359", "44051401358"),
        (ids.SCHEMES["br_cpf"].check, "390.533.447-05", "390.533.447-06"),
        (ids.SCHEMES["ca_sin"].check, "123 456 782", "123 456 783"),
        (ids.SCHEMES["cn_rid"].check, "11010519491231002X", "110105194912310021"),
        (
            lambda t: checks.mod97_iban_ok(t),
            "DE89 3704 0044 0532 0130 00",
            "DE89 3704 0044 0532 0130 01",
        ),
        (ids.SCHEMES["ch_ahv"].check, "756.1234.5678.97", "756.1234.5678.98"),
        (ids.SCHEMES["ru_snils"].check, "112-233-445 95", "112-233-445 96"),
        (ids.SCHEMES["sg_nric"].check, "S1234567D", "S1234567E"),
        (ids.SCHEMES["au_medicare"].check, "2123 45670 1", "2123 45671 1"),
        (ids.SCHEMES["mrz"].check, ICAO_MRZ, ICAO_MRZ.replace("7408122F", "7408123F")),
        (lambda t: checks.luhn_ok(t), "4111111111111111", "4111111111111112"),
        (lambda t: checks.verhoeff_ok(t), "2363", "2364"),
    ],
)
def test_checks_agree_with_published_examples(check, valid, invalid) -> None:  # type: ignore[no-untyped-def]
    assert check(valid)
    assert not check(invalid)
