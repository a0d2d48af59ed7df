"""Masking and restoring: placeholders, policies, streaming, and their properties."""

from __future__ import annotations

import itertools
import random
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from edgekit.errors import PrivacyBlocked, PrivacyError
from edgekit.privacy import Filter, PrivacyConfig, Redactor, StreamRestorer
from edgekit.privacy.corpus import make_card, make_iban, make_ssn
from edgekit.privacy.redactor import PLACEHOLDER_INSTRUCTION, with_placeholder_instruction

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
    "AKIAZ7VQ4MBR2KTX5HWN",
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
        # what a cloud model makes of placeholders, and traps next to them
        "Email_1",
        "email_2,",
        "[EMAIL_1]",
        "<EMAIL_2>",
        '"EMAIL_1"',
        "“Email_1”",
        "« EMAIL_1 »",
        "«email_2»",
        "[ EMAIL_2 ]",
        "EMAIL_1.",
        "EMAIL_1.com",
        "EMAIL_10",
        "MY_EMAIL_1",
        "send_email_1()",
        "EMAIL_7",
        "Ema",
        "EMAIL_",
        "«EMAIL_1",
        "EMAIL_1»",
        "[EMAIL_1»",
        "[",
        "]",
        '"',
        "<",
        "-",
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
    assert r.feed(" Ema") == " "  # may still become Email_1
    assert r.feed("nuel, ") == "Emanuel, "
    assert r.feed("theEma") == "theEma"  # inside a word: never a placeholder
    assert r.feed(" [") == " "  # may become [EMAIL_1]
    assert r.feed("x] email_1") == "[x] "
    assert r.feed("0") == "email_10"  # not ours: EMAIL_10 was never issued
    assert r.feed(" Email_1") == " "  # could still be Email_10
    assert r.feed("!") == "ada@example.org!"
    assert r.feed("Dear email_1.") == "Dear "  # could still be email_1.com
    assert r.feed(" x") == "ada@example.org. x"
    assert r.feed(" EMAIL_1 ") == " "  # a closing mark may still follow the space
    assert r.feed("]") == "ada@example.org ]"
    assert r.flush() == ""
    assert (r.restored, r.normalized_placeholders) == (4, 3)
    with pytest.raises(PrivacyError):
        r.feed("more")


def test_stream_holds_nothing_when_nothing_was_issued(redactor: Redactor) -> None:
    r = redactor.stream_restorer()
    for chunk in ("Dear «EM", "AIL_1", "», Ema", "[", '"', "EMAIL_1"):
        assert r.feed(chunk) == chunk
    assert r.flush() == ""
    assert r.unknown_placeholders == 1  # «EMAIL_1» was never issued


def test_stream_releases_text_that_cannot_become_a_placeholder(redactor: Redactor) -> None:
    redactor.mask("ada@example.org")
    r = redactor.stream_restorer()
    for chunk in ("Hello ", "x_1 ", "EMAIL_2 ", " «PHONE", "_1» ", "(", "Mr. ", "E-", "mail "):
        assert r.feed(chunk) == chunk
    assert r.feed("«  ") == ""
    assert r.feed(" ") == ""  # up to three spaces inside the marks
    assert r.feed(" ") == "«    "
    assert r.flush() == ""


def test_invented_and_mangled_placeholders_stay_visible_and_counted(redactor: Redactor) -> None:
    redactor.mask("ada@example.org")
    answer = "«EMAIL_1» «EMAIL_7» «PERSON_3» «EMAIL_1 » «Bonjour» «EMAIL_1"
    r = redactor.stream_restorer()
    out = r.feed(answer) + r.flush()
    assert out == "ada@example.org «EMAIL_7» «PERSON_3» ada@example.org «Bonjour» «EMAIL_1"
    assert (r.restored, r.normalized_placeholders) == (2, 1)
    assert (r.unknown_placeholders, r.mangled_placeholders) == (2, 1)


ADA = "ada@example.org"


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("Dear EMAIL_1, hi", f"Dear {ADA}, hi"),
        ("Dear Email_1, hi", f"Dear {ADA}, hi"),
        ("Dear email_1, hi", f"Dear {ADA}, hi"),
        ("Dear eMaIl_1", f"Dear {ADA}"),
        ("Dear [EMAIL_1], hi", f"Dear {ADA}, hi"),
        ("Dear <EMAIL_1>, hi", f"Dear {ADA}, hi"),
        ('Dear "EMAIL_1", hi', f"Dear {ADA}, hi"),
        ("Dear “Email_1”, hi", f"Dear {ADA}, hi"),
        ("Dear « EMAIL_1 », hi", f"Dear {ADA}, hi"),
        ("Dear «\tEMAIL_1  », hi", f"Dear {ADA}, hi"),
        ("Dear «email_1», hi", f"Dear {ADA}, hi"),
        ("Dear [ Email_1 ]", f"Dear {ADA}"),
        ("Dear EMAIL_1.", f"Dear {ADA}."),
        ("Dear EMAIL_1.\nBye", f"Dear {ADA}.\nBye"),
        ("(EMAIL_1)", f"({ADA})"),
        ("EMAIL_1's inbox", f"{ADA}'s inbox"),
        ('"EMAIL_1, said she', f'"{ADA}, said she'),  # a lone ASCII mark is punctuation
        ("to:EMAIL_1", f"to:{ADA}"),
    ],
)
def test_variants_of_issued_placeholders_are_restored(
    redactor: Redactor, answer: str, expected: str
) -> None:
    assert redactor.mask(ADA) == "«EMAIL_1»"
    assert_stream_equals_batch(redactor, answer, expected)
    r = redactor.stream_restorer()
    r.feed(answer)
    r.flush()
    assert _counts(r) == (1, 1, 0, 0)


@pytest.mark.parametrize(
    "answer",
    [
        "MY_EMAIL_1",
        "send_email_1()",
        "x.email_1",
        "$EMAIL_1",
        "EMAIL_1@host",
        "EMAIL_1.com",
        "EMAIL_1x",
        "éEMAIL_1",
        "EMAIL_1é",
        "EMAIL_1_2",
        "my-email_1",
        "EMAIL_1-based",
        "EMAIL 1",
        "«EMAIL-1»",
        "ＥＭＡＩＬ_1",  # fullwidth letters are not the label
        "EMAİL_1",  # dotted capital I is not an ASCII I
    ],
)
def test_word_boundary_traps_stay_as_written(redactor: Redactor, answer: str) -> None:
    redactor.mask(ADA)
    assert_stream_equals_batch(redactor, answer, answer)
    r = redactor.stream_restorer()
    r.feed(answer)
    r.flush()
    assert _counts(r) == (0, 0, 0, 0)


def test_longest_label_wins_email_10_vs_email_1(redactor: Redactor) -> None:
    emails = [f"user{i}@example.org" for i in range(1, 12)]
    redactor.mask(" ".join(emails))
    answer = "Email_10, email_1, [EMAIL_11], EMAIL_1«EMAIL_10» email_100 EMAIL_12"
    expected = (
        "user10@example.org, user1@example.org, user11@example.org, "
        "user1@example.orguser10@example.org email_100 EMAIL_12"
    )
    assert_stream_equals_batch(redactor, answer, expected)
    r = redactor.stream_restorer()
    r.feed(answer)
    r.flush()
    assert _counts(r) == (5, 4, 2, 0)


def test_invented_variants_are_counted_only_for_types_we_issued(redactor: Redactor) -> None:
    redactor.mask(ADA)
    answer = "Email_7 [EMAIL_7] «email_7» « EMAIL_8 » STEP_1 PERSON_2 «PERSON_2» [PHONE_1]"
    assert_stream_equals_batch(redactor, answer, answer)
    r = redactor.stream_restorer()
    r.feed(answer)
    r.flush()
    # EMAIL_7 ×3, EMAIL_8, «PERSON_2»: «» are ours whatever the type; bare STEP_1 is just text
    assert _counts(r) == (0, 0, 5, 0)


@pytest.mark.parametrize(
    "answer",
    ["«EMAIL_1 and", "see EMAIL_1» here", "[EMAIL_1»", "«EMAIL_1]", "[EMAIL_1>", "<Email_1]"],
)
def test_ambiguous_forms_stay_visible_and_count_as_mangled(redactor: Redactor, answer: str) -> None:
    redactor.mask(ADA)
    assert_stream_equals_batch(redactor, answer, answer)
    r = redactor.stream_restorer()
    r.feed(answer)
    r.flush()
    assert _counts(r) == (0, 0, 0, 1)


def test_lone_ascii_marks_around_several_labels(redactor: Redactor) -> None:
    redactor.mask("ada@example.org bo@example.org")
    answer = '"EMAIL_1, EMAIL_2" and [email_2, Email_1]'
    expected = '"ada@example.org, bo@example.org" and [bo@example.org, ada@example.org]'
    assert_stream_equals_batch(redactor, answer, expected)


def test_the_users_own_label_like_words_are_never_restored(redactor: Redactor) -> None:
    # Written before any value was masked: the name is never handed out.
    masked = redactor.mask("rename email_1 to mail; mine is ada@example.org")
    assert masked == "rename email_1 to mail; mine is «EMAIL_2»"
    assert redactor.restore("email_1 → Email_2") == "email_1 → ada@example.org"
    # Written after it was handed out: only the exact «EMAIL_2» is restored from now on.
    later = redactor.mask("and what about [Email_2]?")
    assert later == "and what about [Email_2]?"
    assert redactor.restore(later) == later
    r = redactor.stream_restorer()
    out = r.feed("Email_2 is «EMAIL_2»") + r.flush()
    assert out == "Email_2 is ada@example.org"
    assert _counts(r) == (1, 0, 0, 0)


def test_matcher_is_compiled_once_per_vault_change(redactor: Redactor) -> None:
    redactor.mask(ADA)
    first = redactor.vault.matcher()
    r = redactor.stream_restorer()
    for chunk in ("Dear ", "Ema", "il_1", ", bye"):
        r.feed(chunk)
    assert redactor.vault.matcher() is first
    redactor.mask("bo@example.org")
    assert redactor.vault.matcher() is not first
    assert redactor.restore("email_2") == "bo@example.org"


def test_placeholder_instruction_goes_into_the_system_prompt() -> None:
    assert "«TYPE_N»" in PLACEHOLDER_INSTRUCTION
    user = [{"role": "user", "content": "hi «EMAIL_1»"}]
    added = with_placeholder_instruction(user)
    assert added == [{"role": "system", "content": PLACEHOLDER_INSTRUCTION}, *user]
    assert user == [{"role": "user", "content": "hi «EMAIL_1»"}]  # not changed in place
    system = [{"role": "system", "content": "Be brief."}, *user]
    once = with_placeholder_instruction(system)
    assert once[0]["content"] == f"Be brief.\n\n{PLACEHOLDER_INSTRUCTION}"
    assert once[1:] == user
    assert with_placeholder_instruction(once) == once
    assert with_placeholder_instruction([{"role": "system", "content": ""}])[0]["content"] == (
        PLACEHOLDER_INSTRUCTION
    )


def test_placeholder_instruction_is_never_taken_for_a_placeholder(redactor: Redactor) -> None:
    redactor.mask("ada@example.org, +44 20 7946 0958, AKIAZ7VQ4MBR2KTX5HWN")
    r = redactor.stream_restorer()
    assert r.feed(PLACEHOLDER_INSTRUCTION) + r.flush() == PLACEHOLDER_INSTRUCTION
    assert _counts(r) == (0, 0, 0, 0)


def assert_stream_equals_batch(redactor: Redactor, answer: str, expected: str) -> None:
    """Batch restore gives ``expected``; so does every chunking into pieces of 1, 2, 3 or 5."""
    assert redactor.restore(answer) == expected
    for size in (1, 2, 3, 5):
        r = redactor.stream_restorer()
        out = "".join(r.feed(answer[i : i + size]) for i in range(0, len(answer), size))
        assert out + r.flush() == expected


def test_policies_block_allow_and_off(pattern_filter: Filter) -> None:
    strict = Redactor(PrivacyConfig(ner="off"), filter=pattern_filter)
    with pytest.raises(PrivacyBlocked) as info:
        strict.mask_messages(
            [
                {"role": "user", "content": "mail ada@example.org"},
                {"role": "user", "content": "key AKIAZ7VQ4MBR2KTX5HWN"},
            ]
        )
    assert info.value.finding_types == ("SECRET",)
    assert "AKIA" not in str(info.value)
    assert "ada@" not in str(info.value)
    assert len(strict.vault) == 0  # nothing half-masked

    balanced = Redactor(PrivacyConfig(ner="off", preset="balanced"), filter=pattern_filter)
    res = balanced.mask_messages(
        [{"role": "user", "content": "host 10.1.2.3 key AKIAZ7VQ4MBR2KTX5HWN"}]
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
    assert custom.mask("AKIAZ7VQ4MBR2KTX5HWN") == "«SECRET_1»"

    off = Redactor(PrivacyConfig(preset="off", ner="off"), filter=pattern_filter)
    assert (
        off.mask("ada@example.org AKIAZ7VQ4MBR2KTX5HWN") == "ada@example.org AKIAZ7VQ4MBR2KTX5HWN"
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
    masked = redactor.mask(text)
    for f in pattern_filter.scan(text):
        if config.action_for(f.type) == "mask":
            # As a whole token: a short name ("Ema") may be part of another word ("Email").
            value = re.escape(text[f.start : f.end])
            assert re.search(rf"(?<!\w){value}(?!\w)", masked) is None


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
    assert _counts(stream) == _counts(batch)


VARIANT_ATOMS = st.sampled_from(
    [
        "EMAIL_1",
        "email_1",
        "Email_12",
        "EMAIL_10",
        "EMAIL_13",
        "«EMAIL_1»",
        "« email_11 »",
        "[EMAIL_2]",
        "<Email_3>",
        '"EMAIL_4"',
        "“EMAIL_5”",
        "PHONE_1",
        "«PHONE_1",
        "SECRET_1»",
        "MY_EMAIL_1",
        "send_email_1()",
        "Ema",
        "EMAIL_",
        "«",
        "»",
        "STEP_1",
        "«PERSON_9»",
    ]
)
NOISE = st.text(alphabet='«»[]<>"“” \t._-@$éEeMmAaIiLl_019x,', max_size=4)


@_SETTINGS
@given(
    parts=st.lists(st.one_of(VARIANT_ATOMS, NOISE), max_size=16),
    cuts=st.lists(st.integers(0, 200), max_size=16),
)
def test_property_variants_stream_equals_batch_and_delay_is_bounded(
    pattern_filter: Filter, parts: list[str], cuts: list[int]
) -> None:
    redactor = Redactor(PrivacyConfig(ner="off", preset="balanced"), filter=pattern_filter)
    redactor.mask(" ".join(f"u{i}@example.org" for i in range(1, 13)) + " +44 20 7946 0958")
    answer = "".join(parts)
    batch = redactor.stream_restorer()
    expected = batch.feed(answer) + batch.flush()
    points = sorted({c for c in cuts if c <= len(answer)} | {0, len(answer)})
    stream = redactor.stream_restorer()
    out = []
    for a, b in itertools.pairwise(points):
        out.append(stream.feed(answer[a:b]))
        # at most «, 3 spaces, the longest label (EMAIL_10) and 3 spaces
        assert stream.held_back <= 1 + 3 + len("EMAIL_10") + 3
    assert "".join(out) + stream.flush() == expected
    assert _counts(stream) == _counts(batch)


@_SETTINGS
@given(turns=st.lists(st.lists(st.one_of(FILLER, st.sampled_from(POOL))), min_size=1, max_size=3))
def test_property_mask_then_restore_is_identity_without_spaces(
    pattern_filter: Filter, turns: list[list[str]]
) -> None:
    redactor = Redactor(PrivacyConfig(ner="off", preset="balanced"), filter=pattern_filter)
    for parts in turns:
        text = "".join(parts)
        assert redactor.restore(redactor.mask(text)) == text


def _counts(r: StreamRestorer) -> tuple[int, int, int, int]:
    """(restored, of which normalized, invented, mangled)."""
    return (r.restored, r.normalized_placeholders, r.unknown_placeholders, r.mangled_placeholders)


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


def test_a_value_let_through_does_not_shield_a_masked_repeat(pattern_filter: Filter) -> None:
    # the last two addresses read as one phone number; balanced lets addresses through,
    # so the same characters at the start must be masked as that phone too
    text = "10.1.2.3 10.1.2.3 2221-9825-9791-9073 10.1.2.3 10.1.2.3"
    redactor = Redactor(PrivacyConfig(ner="off", preset="balanced"), filter=pattern_filter)
    masked = redactor.mask(text)
    assert "10.1.2.3 10.1.2.3" not in masked
    assert redactor.restore(masked) == text
