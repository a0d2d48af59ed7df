"""Secrets named by the key, cookie or label they stand under, in any layout (``name=value``,
``'name': 'value'``, ``name:  value``, ``name<TAB>value``, ``| label | value |``); a wireless
network's key; HTTP Basic credentials in code; a password named earlier in its sentence.
Each with look-alikes that must not block. Strings written for these tests, in several
languages, not copied from any corpus."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edgekit.privacy import Filter
from edgekit.privacy.secret_forms import names_a_secret, secret_forms

from .test_false_blocks import _STRICT, _blocking, scans_linearly


@pytest.fixture(scope="module")
def strict() -> Filter:
    return _STRICT


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # a session or CSRF value under its name, in a log, a dict, a header, a browser table
        (
            "> Cookie: _ga=GA1.1.19.17; sessionid=p9q8r7s6t5u4v3w2x1yz; theme=dark",
            "p9q8r7s6t5u4v3w2x1yz",
        ),
        ('{"headers": {"Cookie": "sid=k2j3h4g5f6d7s8a9q1w2"}}', "k2j3h4g5f6d7s8a9q1w2"),
        ("ctx = {'usuario': 'Ana', 'session': '7f3A9c2E1b8D4f6a0C5e'}", "7f3A9c2E1b8D4f6a0C5e"),
        (
            "WARN rejected session=4f2a9c8e1b7d3f6a0c5e9b2d8a4f7c1e3b6d opened",
            "4f2a9c8e1b7d3f6a0c5e9b2d8a4f7c1e3b6d",
        ),
        (
            "JSESSIONID\tAb3cD4eF5gH6iJ7kL8mN9oP0\tapp.beispiel.de\t/\tSession",
            "Ab3cD4eF5gH6iJ7kL8mN9oP0",
        ),
        ("XSRF-TOKEN: q1W2e3R4t5Y6u7I8o9P0aSdF", "q1W2e3R4t5Y6u7I8o9P0aSdF"),
        ("PHPSESSID=9a8b7c6d5e4f3a2b1c0d9e8f7a6b; path=/", "9a8b7c6d5e4f3a2b1c0d9e8f7a6b"),
        ("remember_user_token\t W3sxMjM0NV0sIiQyYSQxMCRhYmMi", "W3sxMjM0NV0sIiQyYSQxMCRhYmMi"),
        # a store's or a service's key under its name (kubectl describe, YAML)
        (
            "    BLOB_STORAGE_KEY:   Ab3+dE5/fG7hJ9kL1mN3pQ5rS7tU9vW1xY2zA4bC6==",
            "Ab3+dE5/fG7hJ9kL1mN3pQ5rS7tU9vW1xY2zA4bC6==",
        ),
        ("signingKey: 'Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2'", "Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2"),
        # a network's key, in the words routers and hosts use
        ("SSID: Fam-Oberholzer\nWPA2 key: Tr4nsp0rtKey22aa", "Tr4nsp0rtKey22aa"),
        ("Netzwerkschlüssel: 7733-9921-4455-1288", "7733-9921-4455-1288"),
        ("clé WPA : Maison2024!xx", "Maison2024!xx"),
        ("Pre-shared key = h0la-que-tal-99", "h0la-que-tal-99"),
        ("Guest Wi-Fi (lobby): Gaeste-Netz / rabe_77morgen", "rabe_77morgen"),
        ("WLAN: FritzBox-7590 / Hx8#kLm2pQ", "Hx8#kLm2pQ"),
        # pw said bare, a Turkish possessive, a table's row
        ("- Intranet: user jkoval9, pw Lindwurm5521", "Lindwurm5521"),
        ("Eski şifrem Kartal1987! idi ama değiştirdim", "Kartal1987!"),
        ("Yeni şifreniz: Gunes-2024x", "Gunes-2024x"),
        ("| Temporary password | Qz8!mWv2Lp |", "Qz8!mWv2Lp"),
        ("Kennwort\tMq7tRz9kLb", "Mq7tRz9kLb"),
        # HTTP Basic credentials in code
        ("r = requests.get(url, auth=('svc', 'Pl4tane!9'))", "Pl4tane!9"),
        ('client = aiohttp.BasicAuth("ops", "Vermont#55x")', "Vermont#55x"),
        ('HTTPBasicAuth("admin", password="Otter-Bay-31")', "Otter-Bay-31"),
        # a list of logins: a service, its account and its password a line
        ("meine Zugangsdaten:\nWeb.de - anna.k - Hirsch!Lampe88\nBank - 7781204 - Tulpe-42x", None),
        # a PIN for someone's account
        ("the PIN for grandma's card is 5531, don't tell her", "5531"),
        # a password named earlier in the sentence
        ("the portal password? it's Fichte77!x", "Fichte77!x"),
        ("la contraseña del banco... es Naranja#2231", "Naranja#2231"),
    ],
)
def test_named_secrets_block(strict: Filter, text: str, secret: str | None) -> None:
    blocked = _blocking(strict, text)
    if secret is None:  # every line's last value
        lines = text.split("\n")[1:]
        assert blocked == [line.rsplit(" ", 1)[1] for line in lines]
    else:
        assert secret in blocked


@pytest.mark.parametrize(
    "text",
    [
        "assessment_id=4f2a9c8e1b7d3f6a0c5e9b2d8a4f7c1e3b6d9a2f",
        # a key that names a session is a cache's key, its value no cookie
        "lookup key=session:3b9e21c4-77d0-4c1a-9e55-0f6a2b8c4d13 hit",
        "trace_id=4f2a9c8e1b7d3f6a0c5e9b2d8a4f7c1e",
        "session_timeout=1800000000000000000",
        "SESSION_TTL: 86400000000000000000",
        "cache_key = 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3'",
        "primary_key: 9f86d081884c7d659a2feaa0c55ad015",
        "partition_key\tcustomer-2024-11-eu-west-1",
        "token_count: 12345678901234567",
        "token_type: Bearer",
        "session: closed after 30 minutes of inactivity",
        "keyboard_layout=de-nodeadkeys-2024-variant",
        "The password policy changed, it's 12 characters now",
        "Das Passwort ist abgelaufen, es ist 2025 geändert worden",
        "pwd\n/home/ana/projects",
        "$ pwd && ls -la",
        "pw reset link sent",
        "auth = (user, password)",
        "requests.get(url, auth=(USER, os.environ['PW']))",
        "WLAN: an / aus",
        "| Password | ******** |",
        "| Username | Password | Notes |",
        "author=J0hnSmith1234567890",
        "Wi-Fi: Hotel-Gast / ask the reception",
        # a stored hash in an LDAP export or a shadow line: no one logs in with it
        "dn: uid=kwong,ou=people\nuserPassword: {SSHA}Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFi",
        "password hash: $6$rounds=5000$Qx8/2mLpZr7tYu9W$abcdEFGH1234ijklMNOP5678qrstUVWX",
        # a warning about passwords is no request for one; a chat's id is no answer
        "[09:12] Agent: Please never share your password!\n[09:13] System: chat "
        "3b9e21c4-77d0-4c1a-9e55-0f6a2b8c4d13 closed.",
        "Agenda for the logins workshop\n- intro - 10 min - Ana\n- budget - 20 min - Bernd2024",
    ],
)
def test_look_alikes_do_not_block(strict: Filter, text: str) -> None:
    assert _blocking(strict, text) == []


@pytest.mark.parametrize(
    ("name", "secret"),
    [
        ("sessionid", True),
        ("laravel_session", True),
        ("connect.sid", True),
        ("csrfToken", True),
        ("AZURE_STORAGE_KEY", True),
        ("session_id", True),
        ("x-auth-token", True),
        ("session_timeout", False),
        ("next_page_token", False),
        ("idempotency_key", False),
        ("assessment", False),
        ("consider", False),
        ("monkey", False),
        ("user_id", False),
    ],
)
def test_names_a_secret_reads_the_parts(name: str, secret: bool) -> None:
    assert names_a_secret(name) is secret


_VALUE = st.from_regex(r"[A-Za-z]{4}[0-9]{4}[A-Za-z0-9]{8,30}", fullmatch=True)


@settings(max_examples=60, deadline=None)
@given(
    name=st.sampled_from(["sessionid", "csrftoken", "SESSION", "connect.sid", "authToken"]),
    sep=st.sampled_from(["=", ": ", "\t", "': '", '": "']),
    value=_VALUE,
)
def test_any_layout_of_a_named_session_value_is_found(name: str, sep: str, value: str) -> None:
    text = f"ctx {name}{sep}{value}\n"
    assert any(text[c.start : c.end] == value for c in secret_forms(text))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("sesidkyauth=:\t'\" |/-_.aZ09")), max_size=300))
def test_arbitrary_text_gives_candidates_inside_it(text: str) -> None:
    for c in secret_forms(text):
        assert 0 <= c.start < c.end <= len(text)


@pytest.mark.parametrize(
    "unit",
    [
        "session_session_session",
        "a_key=",
        "sid\t",
        "auth=('a', ",
        'BasicAuth("a", ',
        "password a ",
        "Wi-Fi: a / ",
        "| password | ",
    ],
)
def test_adversarial_input_scans_in_linear_time(strict: Filter, unit: str) -> None:
    assert scans_linearly(strict.scan, unit)
