"""One reader of credentials a key or a password word names (``edgekit.privacy.credentials``):
assigned in code and configuration, said in prose, or written right after the word."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edgekit.privacy import Filter
from edgekit.privacy.credentials import credentials, is_literal

from .helpers import cpu_seconds, found


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ('db:\n  passwd: "k1tt3n-Saga"\n', "k1tt3n-Saga"),
        ("SMTP_PASSWORD=Hx4-plover", "Hx4-plover"),
        ("client_secret: Wq9zT3vKp0LmN8", "Wq9zT3vKp0LmN8"),
        ("heslo je Kocour77!", "Kocour77!"),
        ("salasana on Mökki2023", "Mökki2023"),
        ("o meu senha é Praia#44", "Praia#44"),
        ("het wachtwoord van de router is Tulp-8812", "Tulp-8812"),
        ("backup secret = 'qsdfghjk'", "qsdfghjk"),  # quoted in code: a literal, however plain
        ("old shared password: Fjord+2290 (do not reuse)", "Fjord+2290"),
        ("the vpn password is now  Zebra_Crossing9.", "Zebra_Crossing9."),
    ],
)
def test_credentials_said_or_assigned(pattern_filter: Filter, text: str, secret: str) -> None:
    assert ("SECRET", secret) in found(pattern_filter, text)


@pytest.mark.parametrize(
    "text",
    [
        "def sign(private_key: Ed25519PrivateKey, data: bytes) -> bytes:",
        "    signing_key: RSAPrivateKey\n    api_key: SecretStr = field(repr=False)",
        "token = TOKEN_PREFIX_LEGACY_V2",
        "GET /reset-password?email=someone@example.org HTTP/1.1",
        "POST /api/forgot-password?user=lena HTTP/2",
        "password_reset_timeout = 86400",
        "the token was revoked yesterday, is that why?",
        "la contraseña es incorrecta.",
        "Le mot de passe est trop court !",
        "password: /run/secrets/db_password",
        "PWD=/home/tomasz/src",
    ],
)
def test_code_and_prose_about_credentials_are_not_secrets(
    pattern_filter: Filter, text: str
) -> None:
    assert not [v for t, v in found(pattern_filter, text) if t in ("SECRET", "URL_CREDENTIALS")]


def test_a_random_value_that_starts_with_a_slash_is_no_path(pattern_filter: Filter) -> None:
    key = "/u8Rt2vQx9/LpZk4MnB7cYw1Hs3Df6Gj0Ea5Ti"
    assert ("SECRET", key) in found(pattern_filter, f"aws_secret_access_key = {key}")


def test_a_key_word_before_a_password_word_does_not_hide_it(pattern_filter: Filter) -> None:
    assert ("SECRET", "Gran1ta&Sol") in found(pattern_filter, "secret password: Gran1ta&Sol")


def test_the_three_ways_of_giving_a_value() -> None:
    assert is_literal("plainword", "assign", quoted=True)
    assert not is_literal("plainword", "assign", quoted=False)
    assert not is_literal("plainword", "say", quoted=False)
    assert is_literal("plain/word", "say", quoted=False)
    assert not is_literal("plain/word", "bare", quoted=False)  # a symbol alone, no verb
    assert is_literal("plainWord", "bare", quoted=False)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="passwordtkenPW :=is-\"'`*/$(){}_ 1Aé\n", max_size=300))
def test_credentials_never_raise_and_stay_in_bounds(text: str) -> None:
    for cand in credentials(text):
        assert 0 <= cand.start < cand.end <= len(text)


@pytest.mark.parametrize(
    "unit", ["password ", "token: ", "password is is ", "api_key=", "secret password for the "]
)
def test_credentials_scan_in_linear_time(unit: str) -> None:
    assert cpu_seconds(credentials, unit) < 2.0


@pytest.mark.parametrize(
    "text",
    [
        'client = OpenAI(base_url=url, api_key="unused")',
        'SECRET = "SECRET"  # the type\'s name',
        "shared secret = SHA3-256(ss_ML-KEM || ss_X25519)",
        "each step emits one token on `n_threads` = 1",
        'IATA boarding pass: "M1DOE/JOHN MR  EABC123"',
    ],
)
def test_names_placeholders_and_tickets_are_not_secrets(pattern_filter: Filter, text: str) -> None:
    assert not [v for t, v in found(pattern_filter, text) if t == "SECRET"]


def test_a_password_word_still_takes_a_short_verb(pattern_filter: Filter) -> None:
    assert ("SECRET", "Sauna-2291") in found(pattern_filter, "wlan salasana on Sauna-2291")
