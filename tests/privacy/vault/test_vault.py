"""Invariants of the sealed corpus itself (no filter is run here)."""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import itertools
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from random import Random

import pytest

from privacy.vault import checks, ids
from privacy.vault.corpus import FORMS, sealed
from privacy.yardstick.corpus import Document

KNOWN = {
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
EDGE = " \t\n\"'`<>()[]{},;:"


@cache
def corpus() -> tuple[Document, ...]:
    return tuple(sealed())


def digest(docs: tuple[Document, ...] | list[Document]) -> str:
    """sha256 of the corpus serialised with sorted keys."""
    rows = [
        [
            d.text,
            d.genre,
            d.template,
            [[p.slot, p.start, p.end, sorted(p.types), p.secret] for p in d.planted],
            [[t.kind, t.start, t.end] for t in d.traps],
        ]
        for d in docs
    ]
    return hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode()).hexdigest()


def values(slot: str) -> list[str]:
    return [d.text[p.start : p.end] for d in corpus() for p in d.planted if p.slot == slot]


def test_counts_meet_the_minimums() -> None:
    docs = corpus()
    assert 290 <= len(docs) <= 320
    assert sum(len(d.planted) for d in docs) >= 2000
    assert sum(len(d.traps) for d in docs) >= 1200
    assert sum(p.secret for d in docs for p in d.planted) >= 100
    assert len({d.genre for d in docs}) >= 40
    assert {d.genre for d in docs} == {f.__name__ for f, _ in FORMS}


def test_templates_index_the_variants_of_each_form() -> None:
    docs = corpus()
    for form, variants in FORMS:
        seen = {d.template for d in docs if d.genre == form.__name__}
        assert seen == set(range(variants)), form.__name__


def test_lengths_and_labels() -> None:
    for d in corpus():
        assert 150 <= len(d.text) <= 3000, (d.genre, d.template, len(d.text))
        assert d.genre
        assert d.template >= 0
        assert d.planted, d.genre


def test_spans_are_in_bounds_trimmed_and_disjoint() -> None:
    for d in corpus():
        spans = [(p.start, p.end) for p in d.planted] + [(t.start, t.end) for t in d.traps]
        for start, end in spans:
            assert 0 <= start < end
            assert end <= len(d.text)
            piece = d.text[start:end]
            assert piece == piece.strip(), (d.genre, piece)
        for p in d.planted:
            piece = d.text[p.start : p.end]
            head = piece[0] not in EDGE or (piece[0] == "(" and ")" in piece)
            tail = piece[-1] not in EDGE or (piece[-1] == ")" and "(" in piece)
            assert head, (d.genre, piece)
            assert tail, (d.genre, piece)
        ordered = sorted(spans)
        for (_, e0), (s1, _) in itertools.pairwise(ordered):
            assert e0 <= s1, (d.genre, d.text[s1 - 20 : e0 + 20])


def test_no_planted_value_also_appears_unlabelled() -> None:
    """Wherever a value's exact text recurs in its document, it is planted or a declared trap."""
    for d in corpus():
        spans = [(p.start, p.end) for p in d.planted] + [(t.start, t.end) for t in d.traps]
        for p in d.planted:
            value = d.text[p.start : p.end]
            at = d.text.find(value) if len(value) >= 4 else -1
            while at != -1:
                assert any(s <= at and at + len(value) <= e for s, e in spans), (d.genre, value)
                at = d.text.find(value, at + 1)


def test_types_are_known_and_secrets_blockable() -> None:
    for d in corpus():
        for p in d.planted:
            assert p.types
            assert p.types <= KNOWN
            assert p.secret == (p.types == SECRET_TYPES), (p.slot, p.types)
            assert p.slot.isidentifier()
        for t in d.traps:
            assert t.kind.isidentifier()


def test_deterministic_in_process() -> None:
    assert digest(sealed()) == digest(corpus())


@pytest.mark.parametrize(("seed", "locale"), [("0", "C"), ("12345", "C.UTF-8")])
def test_deterministic_across_hash_seeds(seed: str, locale: str) -> None:
    code = (
        "from privacy.vault.corpus import sealed\n"
        "from privacy.vault.test_vault import digest\n"
        "print(digest(sealed()))"
    )
    tests = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(tests), "LC_ALL": locale}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == digest(corpus())


def test_cards_pass_luhn() -> None:
    cards = values("card")
    assert len(cards) >= 20
    assert all(checks.luhn_ok(c) for c in cards), [c for c in cards if not checks.luhn_ok(c)]


def test_ibans_pass_mod97() -> None:
    ibans = values("iban")
    assert len(ibans) >= 50
    assert all(checks.iban_ok(i) for i in ibans), [i for i in ibans if not checks.iban_ok(i)]


@pytest.mark.parametrize("slot", sorted(checks.CHECKED))
def test_identifiers_pass_their_check(slot: str) -> None:
    found = values(slot)
    assert found, slot
    bad = [v for v in found if not checks.CHECKED[slot](v)]
    assert not bad, bad


def test_dates_of_birth_are_real_past_dates() -> None:
    today = dt.date(2026, 1, 1)
    births = values("dob")
    assert len(births) >= 40
    for text in births:
        dates = checks.read_dates(text)
        assert dates, text
        assert any(dt.date(1900, 1, 1) < d < today for d in dates), text


def test_generators_hold_over_many_seeds() -> None:
    """Property-like: generated values validate for many seeds, apart from the corpus."""
    for n in range(300):
        r = Random(f"prop/{n}")
        born = ids.birth_date(r)
        assert checks.luhn_ok(ids.card(r).text)
        for country in ("DE", "AT", "CH", "ES", "FR", "IT", "GB", "IE", "NL", "BE", "PT", "PL"):
            assert checks.iban_ok(ids.iban(r, country).text), country
        assert checks.dni_ok(ids.es_dni(r).text)
        assert checks.nie_ok(ids.es_nie(r).text)
        assert checks.steuer_id_ok(ids.de_steuer_id(r).text)
        assert checks.kvnr_ok(ids.de_kvnr(r).text)
        assert checks.ausweis_ok(ids.de_ausweis(r).text)
        assert checks.nhs_ok(ids.uk_nhs(r).text)
        assert checks.ppsn_ok(ids.ie_ppsn(r).text)
        assert checks.svnr_ok(ids.at_svnr(r, born).text)
        assert checks.ahv_ok(ids.ch_ahv(r).text)
        assert checks.bsn_ok(ids.nl_bsn(r).text)
        assert checks.be_nn_ok(ids.be_nn(r, born).text)
        assert checks.pt_nif_ok(ids.pt_nif(r).text)
        assert checks.pesel_ok(ids.pl_pesel(r, born, n % 2 == 0).text)
        assert checks.nir_ok(ids.fr_nir(r, born, n % 2 == 0).text)
        assert checks.ssn_ok(ids.us_ssn(r).text)
        assert checks.read_dates(
            ids.date_text(born, r.choice(("de", "es", "fr", "it", "en", "dmy.")))
        )


def test_checks_reject_a_changed_digit() -> None:
    """The validators are not vacuous: one changed check character fails them."""
    r = Random("mutate")
    for _ in range(50):
        iban = ids.iban(r, "DE", False).text
        assert not checks.iban_ok(iban[:-1] + str((int(iban[-1]) + 1) % 10))
        card = ids.card(r).text.replace(" ", "").replace("-", "")
        assert not checks.luhn_ok(card[:-1] + str((int(card[-1]) + 1) % 10))
        dni = ids.es_dni(r).text
        assert not checks.dni_ok(dni[:-1] + ("A" if dni[-1] != "A" else "B"))
        ahv = ids.ch_ahv(r).text
        assert not checks.ahv_ok(ahv[:-1] + str((int(ahv[-1]) + 1) % 10))


def test_each_slot_has_one_meaning() -> None:
    meaning: dict[str, frozenset[str]] = {}
    for d in corpus():
        for p in d.planted:
            assert meaning.setdefault(p.slot, p.types) == p.types, p.slot


def test_every_identifier_slot_is_checked_or_declared_uncheckable() -> None:
    slots = {p.slot for d in corpus() for p in d.planted if "ID_NUMBER" in p.types}
    assert slots <= set(checks.CHECKED) | checks.UNCHECKED_IDS, slots - set(checks.CHECKED)


@pytest.mark.parametrize(
    ("types", "check"),
    [
        (frozenset({"LICENSE_PLATE", "ID_NUMBER"}), checks.plate_ok),
        (frozenset({"EMAIL"}), checks.email_ok),
        (frozenset({"PHONE"}), checks.phone_ok),
        (frozenset({"GEO_COORDINATES"}), checks.geo_ok),
    ],
    ids=["plate", "email", "phone", "geo"],
)
def test_values_have_their_shape(types: frozenset[str], check: Callable[[str], bool]) -> None:
    found = [d.text[p.start : p.end] for d in corpus() for p in d.planted if p.types == types]
    assert len(found) >= 20
    bad = [v for v in found if not check(v)]
    assert not bad, bad


def test_ip_addresses_are_public() -> None:
    found = [
        d.text[p.start : p.end] for d in corpus() for p in d.planted if p.types == {"IP_ADDRESS"}
    ]
    assert len(found) >= 50
    assert all(ipaddress.ip_address(v).is_global for v in found)


def test_secret_formats() -> None:
    assert all(checks.github_ok(v) for v in values("github_token"))
    assert all(checks.jwt_ok(v) for v in values("jwt"))
    for block in values("private_key"):
        head, *_, tail = block.splitlines()
        assert head.startswith("-----BEGIN ")
        assert tail == head.replace("BEGIN", "END")
    for url in values("conn_string"):
        assert re.fullmatch(r"[a-z+]+://[^:/@]*:[^@/]+@\S+", url), url
