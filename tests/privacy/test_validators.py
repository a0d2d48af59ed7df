"""Checksums and range rules, against published examples."""

from __future__ import annotations

import random

import pytest

from edgekit.privacy import validators as v
from edgekit.privacy.corpus import make_card, make_iban, make_ssn


@pytest.mark.parametrize(
    "number",
    [
        "4111111111111111",
        "5555555555554444",
        "378282246310005",
        "6011111111111117",
        "3530111333300000",
        "4222222222222",
    ],
)
def test_luhn_accepts_published_test_cards(number: str) -> None:
    assert v.card_ok(number)


@pytest.mark.parametrize(
    "number",
    [
        "4111111111111112",
        "1234567890123456",
        "0000000000000000",
        "4111 1111 1111",
        "9111111111111111",
    ],
)
def test_card_rejects_bad_checksum_length_or_issuer(number: str) -> None:
    assert not v.card_ok(number)


@pytest.mark.parametrize(
    "iban",
    [
        "GB82 WEST 1234 5698 7654 32",
        "DE89 3704 0044 0532 0130 00",
        "FR1420041010050500013M02606",
        "NL91ABNA0417164300",
        "BE68539007547034",
        "CH9300762011623852957",
    ],
)
def test_iban_accepts_registry_examples(iban: str) -> None:
    assert v.iban_ok(iban)


@pytest.mark.parametrize(
    "iban",
    [
        "GB82 WEST 1234 5698 7654 33",
        "DE89 3704 0044 0532 0130 0",
        "XX89370400440532013000",
        "DE8937040044053201300O",
    ],
)
def test_iban_rejects_mod97_length_country(iban: str) -> None:
    assert not v.iban_ok(iban)


@pytest.mark.parametrize(
    ("ssn", "ok"),
    [
        ("536-22-1234", True),
        ("000-12-3456", False),
        ("666-12-3456", False),
        ("912-12-3456", False),
        ("536-00-1234", False),
        ("536-22-0000", False),
        ("078-05-1120", False),
        ("123-45-6789", False),
    ],
)
def test_ssn_range_rules(ssn: str, ok: bool) -> None:
    assert v.ssn_ok(ssn) is ok


def test_generators_produce_valid_and_invalid_values() -> None:
    rng = random.Random(7)
    for _ in range(200):
        assert v.card_ok(make_card(rng))
        assert not v.card_ok(make_card(rng, valid=False))
        assert v.iban_ok(make_iban(rng))
        assert not v.iban_ok(make_iban(rng, valid=False))
        assert v.ssn_ok(make_ssn(rng))


def test_ip_and_dni_and_entropy() -> None:
    assert v.ipv4_ok("192.168.1.20")
    assert not v.ipv4_ok("256.1.1.1")
    assert not v.ipv4_ok("01.2.3.4")
    assert v.ipv6_ok("2001:db8::1")
    assert v.ipv6_ok("fe80::1%eth0")
    assert not v.ipv6_ok("12:34")
    assert v.spanish_dni_ok("12345678Z")
    assert not v.spanish_dni_ok("12345678A")
    assert v.spanish_dni_ok("X1234567L")
    assert v.looks_random("q8Zr2LmX0vP4tY7wK1sN5bQe")
    assert not v.looks_random("internationalization_is_long")
    assert not v.looks_random("aaaaaaaaaaaaaaaaaaaaaaaaaaaa1")


@pytest.mark.parametrize(
    ("check", "good", "bad"),
    [
        # published examples: TCKN from the Turkish registry's documentation, PESEL from
        # the Polish registry's (born 1944-05-14 and 1902-07-08), CPF and NIF test numbers
        (v.turkish_tckn_ok, ["10000000146"], ["10000000147", "00000000146", "1000000014"]),
        (v.polish_pesel_ok, ["44051401359", "02070803628"], ["44051401358", "44135401354"]),
        (v.brazilian_cpf_ok, ["529.982.247-25", "11144477735"], ["529.982.247-26", "11111111111"]),
        (v.portuguese_nif_ok, ["123456789", "501964843"], ["123456788", "412345678"]),
    ],
)
def test_national_ids_of_the_new_locales(check: object, good: list[str], bad: list[str]) -> None:
    for value in good:
        assert check(value), value  # type: ignore[operator]
    for value in bad:
        assert not check(value), value  # type: ignore[operator]


def test_a_pesel_born_in_the_future_is_not_one() -> None:
    import datetime as dt

    assert v.polish_pesel_ok("02070803628", today=dt.date(2026, 1, 1))
    assert not v.polish_pesel_ok("02070803628", today=dt.date(1901, 1, 1))
