"""Secrets pasted where no key word stands right before them: an account and its password
written as a pair, a lock's code said in prose, a secret one is told not to share, an AWS
secret key after its key id, camelCase keys (``userPassword:``), a filler word before the
value, random session cookies. Each with look-alikes that must not block."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edgekit.privacy import Filter

from .test_false_blocks import _STRICT, _blocking, scans_linearly


@pytest.fixture(scope="module")
def strict() -> Filter:
    return _STRICT


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # an account and its password
        ("- spotify login jo.bauer@web.de / Kaffee!Tasse77", "Kaffee!Tasse77"),
        ("Zugangsdaten Testkonto: qa-admin | Wt5#rQ9zLm", "Wt5#rQ9zLm"),
        ("// demo user: ana pereira / pastel-de-nata-12", "pastel-de-nata-12"),
        ("credenziali del portale: m.rossi / Girasole77.", "Girasole77."),
        # a lock's code said in prose
        ("el código del portal es Verde#2210", "Verde#2210"),
        ("le code de la porte : 4B7-Z9a2", "4B7-Z9a2"),
        ("Il codice del cancello in garage è 73915", "73915"),
        ("Türcode: 88421", "88421"),
        ("the code for the gate is Xk4!mv8", "Xk4!mv8"),
        # a secret one is told not to share
        ("don't share Qx7$kL2m9 with anyone", "Qx7$kL2m9"),
        ("bitte nicht weitergeben: Hirsch-Lampe-88", "Hirsch-Lampe-88"),
        ("no compartas Luna_2019 en el grupo", "Luna_2019"),
        # camelCase keys and a filler word before the value
        ("ldap: userPassword: Winter1999!", "Winter1999!"),
        ("const clientSecret = 'q8W2e4R6t8Y0u2I4'", "q8W2e4R6t8Y0u2I4"),
        ("das passwort für den testuser ist übrigens Igel2024!", "Igel2024!"),
        ("la contraseña del router es por cierto Faro-7781", "Faro-7781"),
        ("my pass word is Kiwi-4412", "Kiwi-4412"),
        ("ssh key passphrase: Kiwi#Bl4u", "Kiwi#Bl4u"),
        ("mi pswd es Luna2020", "Luna2020"),
        # a generated password of letters only, both cases, no word's letters
        ("Rose: home wifi pw: GLLTXX_UUwyizF", "GLLTXX_UUwyizF"),
        # a service account's key id
        (
            '"private_key_id": "3b9f1c2a7d8e4f60a1b2c3d4e5f60718293a4b5c"',
            "3b9f1c2a7d8e4f60a1b2c3d4e5f60718293a4b5c",
        ),
        # an AWS secret access key next to its key id
        (
            "AWS keys: AKIAZ7VQ4MBR2KTX5HWN / tR7vXq2mLp9sKd4wNz8bYc3fHj6gUe1aQo5iVn0W",
            "tR7vXq2mLp9sKd4wNz8bYc3fHj6gUe1aQo5iVn0W",
        ),
        (
            "Access key ID,Secret access key\n"
            "AKIAZ7VQ4MBR2KTX5HWN,tR7vXq2mLp9sKd4w/z8bYc3fHj6gUe1aQo5iVn0W",
            "tR7vXq2mLp9sKd4w/z8bYc3fHj6gUe1aQo5iVn0W",
        ),
        # an Azure storage connection string: all of it, the account's name too
        (
            "AZURE_STORAGE=DefaultEndpointsProtocol=https;AccountName=stdemo01;AccountKey="
            "Q2FmZWJhYmUxMjM0NTY3ODkwYWJjZGVmZ2hpamtsbW5vcA==;EndpointSuffix=core.windows.net",
            "DefaultEndpointsProtocol=https;AccountName=stdemo01;AccountKey="
            "Q2FmZWJhYmUxMjM0NTY3ODkwYWJjZGVmZ2hpamtsbW5vcA==;EndpointSuffix=core.windows.net",
        ),
        # a session cookie of letters in both cases and hardly a digit
        (
            "Cookie: session=QwErTyUiOpAsDfGhJkLzXcVbNmQw3rTyUiOp; theme=dark",
            "QwErTyUiOpAsDfGhJkLzXcVbNmQw3rTyUiOp",
        ),
    ],
)
def test_secrets_without_a_key_word_block(strict: Filter, text: str, secret: str) -> None:
    assert secret in _blocking(strict, text)


@pytest.mark.parametrize(
    "text",
    [
        "user / group permissions are set per folder",
        "login and/or sign up",
        "the user / admin split is 3 / 4",
        "Login / Logout buttons",
        "account / settings / privacy",
        "the code of the door is broken",
        "el código de la puerta es el de siempre",
        "error code: E1234X",
        "never commit .env files",
        "please don't paste screenshots here",
        "do not post API_KEY anywhere",
        "don't send config.yaml to the client",
        "maxTokens: 4096",
        "resetPasswordToken: null",
        "getPassword(): string",
        "password: HTTPS_PROXY",
        "token: XMLHttpRequest",
        "password = passwordFromKeyring",
        "isTokenValid = checkToken(tok)",
        "AKIAZ7VQ4MBR2KTX5HWN belongs to s3://my-bucket/path/to/a/long/object/key/file.txt",
        "Cookie: sessionTheme=DarkModeWithContrastEnabled; lang=en",
        "the password is also used for sftp",
    ],
)
def test_look_alikes_do_not_block(strict: Filter, text: str) -> None:
    found = _blocking(strict, text)
    assert found == [] or found == ["AKIAZ7VQ4MBR2KTX5HWN"]  # the key id alone is a secret


_PASSWORDS = st.from_regex(r"[A-Z][a-z]{3,8}[0-9]{2,4}[!#%?]", fullmatch=True)


@given(_PASSWORDS, st.sampled_from(["login ana@example.org", "user: bo.lind", "Zugang: qa"]))
@settings(max_examples=60, deadline=None)
def test_any_password_after_an_account_is_found(password: str, account: str) -> None:
    assert password in _blocking(_STRICT, f"{account} / {password}")


@given(st.text(max_size=300))
@settings(max_examples=150, deadline=None)
def test_arbitrary_text_never_raises_and_spans_stay_inside(text: str) -> None:
    for f in _STRICT.scan(text):
        assert 0 <= f.start < f.end <= len(text)


@pytest.mark.parametrize(
    "unit",
    [
        "login a / ",
        "user x | ",
        "código de la puerta es ",
        "don't paste ",
        "AKIAZ7VQ4MBR2KTX5HWN ",
        "a" * 39 + "/",
    ],
)
def test_adversarial_input_scans_in_linear_time(strict: Filter, unit: str) -> None:
    assert scans_linearly(strict.scan, unit)


def _token(
    seed: int, n: int, alphabet: str = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
) -> str:
    import random

    rng = random.Random(seed)
    return "".join(rng.choice(alphabet) for _ in range(n))


_HEX = "0123456789abcdef"


@pytest.mark.parametrize(
    "token",
    [
        "secret_" + _token(1, 43),
        "ntn_" + _token(2, 46),
        "sl." + _token(3, 140),
        "sbp_" + _token(4, 40, _HEX),
        "sntrys_" + _token(5, 60),
        "AGE-SECRET-KEY-1" + _token(6, 58, "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L"),
        "fo1_" + _token(7, 43),
        "tskey-auth-" + _token(8, 12) + "-" + _token(9, 30),
        "pul-" + _token(10, 40, _HEX),
        "glc_" + _token(11, 60),
        "ops_eyJ" + _token(12, 80),
        _token(13, 3) + "8Q~" + _token(14, 34),
        _token(15, 14) + ".atlasv1." + _token(16, 70),
        _token(17, 32, _HEX) + "-us21",
        "pat" + _token(18, 14) + "." + _token(19, 64, _HEX),
        "EAAB" + _token(20, 100),
        "CFPAT-" + _token(21, 43),
        "nfp_" + _token(22, 40),
        "rnd_" + _token(23, 32),
    ],
)
def test_more_provider_formats_block_without_a_key_word(strict: Filter, token: str) -> None:
    assert token in _blocking(strict, f"here it is: {token} (from the dashboard)")


@pytest.mark.parametrize(
    "text",
    [
        "the secret_sauce of this recipe",
        "pulse pul-ups and sl.eepy",
        "patterns.md",
        "EAA rules apply",
        "the passphrase is long",
    ],
)
def test_provider_prefixes_in_prose_do_not_block(strict: Filter, text: str) -> None:
    assert _blocking(strict, text) == []


def test_a_totp_seed_and_an_openvpn_static_key_block(strict: Filter) -> None:
    uri = "otpauth://totp/ACME:ana@example.org?secret=JBSWY3DPEHPK3PXPJBSWY3DP&issuer=ACME"
    assert _blocking(strict, uri)
    block = (
        "-----BEGIN OpenVPN Static key V1-----\n6acef03f62675b4b1bbd03e53b187727\n"
        "-----END OpenVPN Static key V1-----"
    )
    assert _blocking(strict, f"my ta.key:\n{block}") == [block]
