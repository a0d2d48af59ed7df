"""Text that names or shows a credential without holding one: documented examples, templates,
keys of data, a conference call's PIN. A block keeps the whole request on the small model, so
each of these must pass; the real thing next to it must still block."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edgekit.privacy import Filter, PrivacyConfig

BLOCKING = ("SECRET", "URL_CREDENTIALS")


_STRICT = Filter(PrivacyConfig(preset="strict", ner="off"), reuse=0)


@pytest.fixture(scope="module")
def strict() -> Filter:
    return _STRICT


def _blocking(flt: Filter, text: str) -> list[str]:
    return [text[f.start : f.end] for f in flt.scan(text) if f.type in BLOCKING]


@pytest.mark.parametrize(
    "text",
    [
        # AWS's documented example keys: every AWS page, SDK README and tutorial shows them
        "Per la guida AWS: aws configure, poi incolla AKIAIOSFODNN7EXAMPLE come access key.",
        "[default]\naws_access_key_id = AKIAI44QH8DHBEXAMPLE\n"
        "aws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
        # templates whose password names itself
        "DATABASE_URL=postgresql://USER:PASSWORD@HOST:5432/DBNAME",
        "spring.datasource.url: mysql://root:<password>@localhost:3306/shop",
        "amqp://guest:${RABBIT_PASS}@broker:5672/ veya redis://:password@cache:6379/0",
        # placeholders that say so
        "JWT_SECRET='TODO_SET_ME'",
        "webhook_token = 'FIXME-before-go-live'",
        "SMTP_PASSWORD=not-a-real-password-1",
        "client_secret: 'fake-secret-for-ci'",
        "Passwort = 'set-me-in-vault-42'",
        # keys of data, not credentials, even when their value is random hex
        "cache_key = '5f0c7e1a9b3d4f6e8a2c1b0d9e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f'",
        '{"idempotency_key": "8c2f4e6a1b3d5f7e9a0c2e4f6b8d0a1c", "amount": 1200}',
        "PRIMARY KEY = 'b7e23ec29af22b0b4e41da31e868d57226121c84'",
        "sort_key: 3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b",
        # a conference call's PIN, shared with every invitee
        "Join by phone: dial-in +1 415 555 0134, PIN 918273#",
        "Nächstes Treffen Mi 10:00, Einwahl 0800 330 1234 PIN 4471",
        "Réunion d'équipe — numéro d'appel +33 1 70 37 77 77, PIN : 55 12 90",
        # a Sentry DSN: the organisation and project numbers are not the key
        "a DSN looks like https://<key>@o0.ingest.sentry.io/0",
    ],
)
def test_documented_and_templated_credentials_do_not_block(strict: Filter, text: str) -> None:
    assert _blocking(strict, text) == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # a real-looking key beside an example one still blocks
        ("aws_access_key_id = AKIAZ7VQ4MBR2KTX5HWN", "AKIAZ7VQ4MBR2KTX5HWN"),
        ("mysql://admin:Zq8!vR2p@db.internal/prod", "admin:Zq8!vR2p"),
        ("api_key = 'd41d8cd98f00b204e9800998ecf8427e'", "d41d8cd98f00b204e9800998ecf8427e"),
        ("DB_PASSWORD=changeme", "changeme"),  # a default people deploy with: still blocked
        ("Die PIN für die Bankkarte ist 4921", "4921"),
        ("PIN: 4921", "4921"),
        ("el código de acceso es 5580", "5580"),
        # the PIN after a phone number with no meeting in sight is a PIN
        ("Karte gesperrt? Hotline 0800 123 4567, Karten-PIN 8812", "8812"),
        (
            "SENTRY_DSN=https://3f2a9c1e4b5d6e7f8091a2b3c4d5e6f7@o123456.ingest.sentry.io/7654321",
            "3f2a9c1e4b5d6e7f8091a2b3c4d5e6f7",
        ),
    ],
)
def test_the_real_thing_still_blocks(strict: Filter, text: str, secret: str) -> None:
    assert secret in _blocking(strict, text)


def test_only_the_dsn_key_is_blocked_not_its_project(strict: Filter) -> None:
    text = "sentry: https://0a1b2c3d4e5f60718293a4b5c6d7e8f9@o4410.ingest.sentry.io/99887"
    assert _blocking(strict, text) == ["0a1b2c3d4e5f60718293a4b5c6d7e8f9"]


@given(st.text(alphabet="0123456789abcdef", min_size=32, max_size=64))
@settings(max_examples=60, deadline=None)
def test_any_hex_under_a_data_key_passes(value: str) -> None:
    flt = _STRICT
    for key in ("CACHE_KEY", "partition_key", "idempotencyKey", "row key"):
        assert _blocking(flt, f"{key} = '{value}'") == []


_CURSOR_KEYS = (
    '"nextPageToken": "{v}"',  # Google APIs
    '{{"items": [], "next_page_token": "{v}"}}',
    "page_token={v}",
    "NEXT_PAGE_TOKEN={v}",
    "resp = client.list(page_token='{v}')",
    '"continuationToken": "{v}"',  # Azure
    "sync_token: {v}",
    "X-Request-Token: {v}",
)
_RANDOM = st.text(
    alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-",
    min_size=20,
    max_size=80,
).filter(lambda v: sum(c.isdigit() for c in v) >= 4 and sum(c.isalpha() for c in v) >= 8)


@given(_RANDOM)
@settings(max_examples=40, deadline=None)
def test_a_page_cursor_under_a_token_key_passes(value: str) -> None:
    for layout in _CURSOR_KEYS:
        assert _blocking(_STRICT, layout.format(v=value)) == [], layout


@pytest.mark.parametrize(
    "layout",
    [
        '"access_token": "{v}"',
        "csrf_token={v}",
        "NEXTAUTH_SECRET={v}",  # Next.js's auth secret: "next" is part of another word
        "HASH_SECRET={v}",  # a pepper: "hash" names no cursor before a secret
        "token: {v}",
        '"refreshToken": "{v}"',
        "X-Auth-Token: {v}",
    ],
)
def test_a_credential_token_beside_the_cursors_still_blocks(strict: Filter, layout: str) -> None:
    value = "8f3kQz91LmXp2RtV7wYb"
    assert value in _blocking(strict, layout.format(v=value))


def test_a_provider_key_under_a_cursor_name_still_blocks(strict: Filter) -> None:
    key = "ghp_" + "8f3kQz91LmXp2RtV7wYb8f3kQz91LmXp1234"
    assert key in _blocking(strict, f"page_token: {key}")


@pytest.mark.parametrize("unit", ["dial-in +1 ", "PIN ", "1 2 3 ", "https://", "key = '"])
def test_adversarial_input_scans_in_linear_time(strict: Filter, unit: str) -> None:
    assert scans_linearly(strict.scan, unit)


def scans_linearly(scan: Callable[[str], object], unit: str) -> bool:
    """``unit`` repeated ten times as often costs ``scan`` at most 25 times as much (a
    quadratic scan costs 100)."""

    def cost(n: int) -> float:
        text = unit * n
        start = time.process_time()
        scan(text)
        return time.process_time() - start

    cost(100)
    return cost(4000) < 25 * max(cost(400), 0.05)
