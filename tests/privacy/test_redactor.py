"""Masking and restoring: placeholders, policies, streaming, and their properties."""

from __future__ import annotations

import itertools
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from edgekit.errors import PrivacyBlocked, PrivacyError
from edgekit.privacy import Filter, PrivacyConfig, Redactor
from edgekit.privacy.corpus import make_card, make_iban, make_ssn

_RNG = random.Random(3)
POOL = [
    "ada@example.org",
    "bob.smith@mail.example.com",
    "+44 20 7946 0958",
    make_card(_RNG),
    make_card(_RNG),
    make_iban(_RNG),
    make_ssn(_RNG),
    "10.1.2.3",
    "AKIAIOSFODNN7EXAMPLE",
    "My name is Gwendolyn Okafor",
    "52.520008, 13.404954",
]
FILLER = st.sampled_from(
    [
        "hello",
        "the",
        "report",
        " ",
        "  ",
        ", ",
        ". ",
        "\n",
        "«",
        "»",
        "«EMAIL_1»",
        "«EMAIL_10»",
        "«PERSON_2»",
        "EMAIL_3",
        "«PHONE_",
        "ok?",
        "über",
        "ça",
        "日本",
        "x = 1",
        "(",
        ")",
    ]
)
TEXT = st.lists(st.one_of(FILLER, st.sampled_from(POOL)), max_size=14).map(" ".join)


@pytest.fixture
def redactor(pattern_filter: Filter) -> Redactor:
    return Redactor(PrivacyConfig(ner="off", preset="balanced"), filter=pattern_filter)


def test_mask_restore_basic(redactor: Redactor) -> None:
    text = "Mail ada@example.org or call +44 20 7946 0958, card 4111 1111 1111 1111."
    masked = redactor.mask(text)
    assert masked == "Mail «EMAIL_1» or call «PHONE_1», card «CREDIT_CARD_1»."
    assert redactor.restore(masked) == text


def test_same_value_same_placeholder_across_turns(redactor: Redactor) -> None:
    first = redactor.mask_messages([{"role": "user", "content": "I am ada@example.org"}])
    second = redactor.mask_messages(
        [
            {"role": "user", "content": "I am ada@example.org"},
            {"role": "assistant", "content": "Hi! Noted ada@example.org and bo@example.org."},
        ]
    )
    assert first.messages[0]["content"] == "I am «EMAIL_1»"
    assert second.messages[1]["content"] == "Hi! Noted «EMAIL_1» and «EMAIL_2»."
    assert second.entity_counts == {"EMAIL": 3}
    assert second.messages[0]["role"] == "user"


def test_literal_placeholders_in_user_text_never_collide(redactor: Redactor) -> None:
    text = "Template «EMAIL_1» and «EMAIL_2»; real: ada@example.org"
    masked = redactor.mask(text)
    assert masked == "Template «EMAIL_1» and «EMAIL_2»; real: «EMAIL_3»"
    assert redactor.restore(masked) == text
    # Later the user types the placeholder we handed out: it is escaped, not confused.
    later = redactor.mask("What is «EMAIL_3»?")
    assert later == "What is «PLACEHOLDER_1»?"
    assert redactor.restore(later) == "What is «EMAIL_3»?"
    restorer = redactor.stream_restorer()
    assert restorer.feed("«EMAIL_1»") + restorer.flush() == "«EMAIL_1»"
    assert restorer.unknown_placeholders == 0  # the user's own literal, not invented


def test_prefix_collision_email_1_vs_email_10(redactor: Redactor) -> None:
    emails = [f"user{i}@example.org" for i in range(1, 12)]
    masked = redactor.mask(" ".join(emails))
    assert "«EMAIL_10»" in masked
    assert "«EMAIL_1»" in masked
    answer = "«EMAIL_10» then «EMAIL_1» then «EMAIL_11»«EMAIL_1»"
    expected = "user10@example.org then user1@example.org then user11@example.orguser1@example.org"
    assert redactor.restore(answer) == expected
    for size in (1, 2, 3, 7):
        r = redactor.stream_restorer()
        out = "".join(r.feed(answer[i : i + size]) for i in range(0, len(answer), size)) + r.flush()
        assert out == expected


def test_stream_holds_back_only_a_possible_placeholder(redactor: Redactor) -> None:
    redactor.mask("ada@example.org")
    r = redactor.stream_restorer()
    assert r.feed("Hello ") == "Hello "
    assert r.feed("dear «EM") == "dear "
    assert r.feed("AIL_") == ""
    assert r.feed("1», bye «") == "ada@example.org, bye "
    assert r.feed(" not one") == "« not one"
    assert r.feed("«ema") == "«ema"  # lower case cannot be a placeholder
    assert r.flush() == ""
    with pytest.raises(PrivacyError):
        r.feed("more")


def test_invented_and_mangled_placeholders_stay_visible_and_counted(redactor: Redactor) -> None:
    redactor.mask("ada@example.org")
    answer = "«EMAIL_1» «EMAIL_7» «PERSON_3» «EMAIL_1 » «Bonjour» «EMAIL_1"
    r = redactor.stream_restorer()
    out = r.feed(answer) + r.flush()
    assert out == "ada@example.org «EMAIL_7» «PERSON_3» «EMAIL_1 » «Bonjour» «EMAIL_1"
    assert (r.restored, r.unknown_placeholders, r.mangled_placeholders) == (1, 2, 2)


def test_policies_block_allow_and_off(pattern_filter: Filter) -> None:
    strict = Redactor(PrivacyConfig(ner="off"), filter=pattern_filter)
    with pytest.raises(PrivacyBlocked) as info:
        strict.mask_messages(
            [
                {"role": "user", "content": "mail ada@example.org"},
                {"role": "user", "content": "key AKIAIOSFODNN7EXAMPLE"},
            ]
        )
    assert info.value.finding_types == ("SECRET",)
    assert "AKIA" not in str(info.value)
    assert "ada@" not in str(info.value)
    assert len(strict.vault) == 0  # nothing half-masked

    balanced = Redactor(PrivacyConfig(ner="off", preset="balanced"), filter=pattern_filter)
    res = balanced.mask_messages(
        [{"role": "user", "content": "host 10.1.2.3 key AKIAIOSFODNN7EXAMPLE"}]
    )
    assert res.messages[0]["content"] == "host 10.1.2.3 key «SECRET_1»"
    assert res.allowed_counts == {"IP_ADDRESS": 1}
    assert res.entity_counts == {"SECRET": 1}

    custom = Redactor(
        PrivacyConfig(ner="off", actions={"EMAIL": "block", "SECRET": "mask"}),
        filter=pattern_filter,
    )
    with pytest.raises(PrivacyBlocked):
        custom.mask("ada@example.org")
    assert custom.mask("AKIAIOSFODNN7EXAMPLE") == "«SECRET_1»"

    off = Redactor(PrivacyConfig(preset="off", ner="off"), filter=pattern_filter)
    assert (
        off.mask("ada@example.org AKIAIOSFODNN7EXAMPLE") == "ada@example.org AKIAIOSFODNN7EXAMPLE"
    )


def test_bad_messages_are_privacy_errors(redactor: Redactor) -> None:
    with pytest.raises(PrivacyError):
        redactor.mask_messages([{"role": "user"}])
    with pytest.raises(PrivacyError):
        redactor.mask_messages(["not a mapping"])  # type: ignore[list-item]
    with pytest.raises(PrivacyError):
        redactor.stream_restorer().feed(b"bytes")  # type: ignore[arg-type]


def test_value_found_once_is_masked_everywhere(redactor: Redactor) -> None:
    res = redactor.mask_messages(
        [
            {"role": "user", "content": "My name is Gwendolyn Okafor."},
            {"role": "assistant", "content": "Nice to meet you, Gwendolyn Okafor. Okafor is rare."},
        ]
    )
    assert "Okafor" not in str(res.messages)


_SETTINGS = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@_SETTINGS
@given(turns=st.lists(TEXT, min_size=1, max_size=3))
def test_property_mask_then_restore_is_identity(pattern_filter: Filter, turns: list[str]) -> None:
    redactor = Redactor(PrivacyConfig(ner="off", preset="balanced"), filter=pattern_filter)
    for text in turns:
        assert redactor.restore(redactor.mask(text)) == text


@_SETTINGS
@given(text=TEXT)
def test_property_no_detected_value_in_masked_bytes(pattern_filter: Filter, text: str) -> None:
    config = PrivacyConfig(ner="off", preset="balanced")
    redactor = Redactor(config, filter=pattern_filter)
    masked = redactor.mask(text).encode()
    for f in pattern_filter.scan(text):
        if config.action_for(f.type) == "mask":
            assert text[f.start : f.end].encode() not in masked


@_SETTINGS
@given(
    text=TEXT, extra=st.lists(FILLER, max_size=6), cuts=st.lists(st.integers(0, 400), max_size=12)
)
def test_property_stream_equals_batch_for_every_chunking(
    pattern_filter: Filter, text: str, extra: list[str], cuts: list[int]
) -> None:
    redactor = Redactor(PrivacyConfig(ner="off", preset="balanced"), filter=pattern_filter)
    answer = redactor.mask(text) + "".join(extra)
    batch = redactor.stream_restorer()
    expected = batch.feed(answer) + batch.flush()
    points = sorted({c for c in cuts if c <= len(answer)} | {0, len(answer)})
    stream = redactor.stream_restorer()
    out = "".join(stream.feed(answer[a:b]) for a, b in itertools.pairwise(points))
    out += stream.flush()
    assert out == expected == redactor.restore(answer)
    assert (stream.restored, stream.unknown_placeholders, stream.mangled_placeholders) == (
        batch.restored,
        batch.unknown_placeholders,
        batch.mangled_placeholders,
    )


def test_custom_types_get_valid_placeholders() -> None:
    from edgekit.privacy import CallableDetector

    flt = Filter(
        PrivacyConfig(ner="off"),
        detectors=[
            CallableDetector(
                "odd", lambda text: [("customer-id (crm)", 0, 5, 1.0), ("9lives" * 10, 6, 9, 1.0)]
            )
        ],
    )
    redactor = Redactor(PrivacyConfig(ner="off"), filter=flt)
    masked = redactor.mask("C-123 abc")
    assert masked.startswith("«CUSTOMER_ID__CRM__1» «X9LIVES")
    assert redactor.restore(masked) == "C-123 abc"
