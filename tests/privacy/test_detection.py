"""Detection: every entity type, hard cases, false-positive traps, custom detectors."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edgekit.errors import PrivacyError
from edgekit.privacy import CallableDetector, Filter, PrivacyConfig, RegexDetector
from edgekit.privacy.corpus import TRAPS, evaluate, generate
from edgekit.privacy.corpus import Span as GoldSpan

from .helpers import cpu_seconds, found

POSITIVE = [
    (
        "Mail me at jane.o'neil+news@mail.example.co.uk today",
        "EMAIL",
        "jane.o'neil+news@mail.example.co.uk",
    ),
    ("Call me on +44 20 7946 0958 tomorrow", "PHONE", "+44 20 7946 0958"),
    ("Tel. (555) 123-4567 ext. 89", "PHONE", "(555) 123-4567 ext. 89"),
    ("Rufen Sie an: 030 12345678", "PHONE", "030 12345678"),
    # A colon after the number once cut its last group off (sent in clear).
    ("Text +1 415 555 9848: running late", "PHONE", "+1 415 555 9848"),
    ("ring 415-555-9848: now", "PHONE", "415-555-9848"),
    ("Appelez le 01 42 68 53 00 demain", "PHONE", "01 42 68 53 00"),
    (
        "Ship to 1600 Pennsylvania Avenue NW, Washington, DC 20500",
        "ADDRESS",
        "1600 Pennsylvania Avenue NW, Washington, DC 20500",
    ),
    ("Lieferung an Hauptstraße 12a, Berlin", "ADDRESS", "Hauptstraße 12a"),
    ("Server 10.20.30.40 is down", "IP_ADDRESS", "10.20.30.40"),
    ("ping 2001:db8:85a3::8a2e:370:7334 now", "IP_ADDRESS", "2001:db8:85a3::8a2e:370:7334"),
    (
        "db: postgres://admin:s3cr3t@db.internal:5432/app.",
        "URL_CREDENTIALS",
        "admin:s3cr3t",  # the account and its password; the host is no secret
    ),
    (
        "see https://files.example.com/report.pdf?X-Amz-Signature=abcdef0123 please",
        "URL_CREDENTIALS",
        "https://files.example.com/report.pdf?X-Amz-Signature=abcdef0123",
    ),
    ("Visa 4111-1111-1111-1111 exp 12/26", "CREDIT_CARD", "4111-1111-1111-1111"),
    ("Amex 3782 822463 10005", "CREDIT_CARD", "3782 822463 10005"),
    ("IBAN: GB82WEST12345698765432.", "IBAN", "GB82WEST12345698765432"),
    ("My SSN is 536-22-1234.", "US_SSN", "536-22-1234"),
    ("ssn 536221234", "US_SSN", "536221234"),
    ("Date of birth: 14 March 1985", "DATE_OF_BIRTH", "14 March 1985"),
    ("geboren am 03.07.1962 in Köln", "DATE_OF_BIRTH", "03.07.1962"),
    ("née le 5 août 1990", "DATE_OF_BIRTH", "5 août 1990"),
    ("Passport no. X12345678", "ID_NUMBER", "X12345678"),
    ("DNI 12345678Z", "ID_NUMBER", "12345678Z"),
    ("export AWS_ACCESS_KEY_ID=AKIAZ7VQ4MBR2KTX5HWN", "SECRET", "AKIAZ7VQ4MBR2KTX5HWN"),
    (
        'curl -H "Authorization: Bearer ghp_1234567890abcdefghijABCDEFGHIJ123456"',
        "SECRET",
        "ghp_1234567890abcdefghijABCDEFGHIJ123456",
    ),
    ("password = 'Tr0ub4dor&3'", "SECRET", "Tr0ub4dor&3"),
    ("token: 9fK2mQ7xLp4RtZ8vWc3NbY6hJd1Sg5Ae", "SECRET", "9fK2mQ7xLp4RtZ8vWc3NbY6hJd1Sg5Ae"),
    ("We are at 52.520008, 13.404954 now", "GEO_COORDINATES", "52.520008, 13.404954"),
    ("Position 33.8688° S, 151.2093° E", "GEO_COORDINATES", "33.8688° S, 151.2093° E"),
    ("My name is Gwendolyn Okafor-Smith.", "PERSON", "Gwendolyn Okafor-Smith"),
    ("Je m'appelle Amélie Poulain.", "PERSON", "Amélie Poulain"),
    ("Ask Dr. Nakamura about it", "PERSON", "Nakamura"),
    ("Herzliche Grüße an Hans-Peter von Bülow", "PERSON", "Hans-Peter von Bülow"),
]


@pytest.mark.parametrize(("text", "etype", "value"), POSITIVE)
def test_detects_every_type(pattern_filter: Filter, text: str, etype: str, value: str) -> None:
    assert (etype, value) in found(pattern_filter, text)


INVALID = [
    "Card 4111 1111 1111 1112 is a typo.",  # fails Luhn
    "IBAN GB82 WEST 1234 5698 7654 33 looks wrong.",  # fails mod-97
    "SSN 666-12-3456 is not issued.",  # range rule
    "The address 999.10.10.10 is not an IP.",
]


@pytest.mark.parametrize("text", INVALID)
def test_validators_reject_lookalikes(pattern_filter: Filter, text: str) -> None:
    types = {t for t, _ in found(pattern_filter, text)}
    assert not types & {"CREDIT_CARD", "IBAN", "US_SSN", "IP_ADDRESS"}


@pytest.mark.parametrize("text", TRAPS)
def test_false_positive_traps(pattern_filter: Filter, text: str) -> None:
    assert found(pattern_filter, text) == []


def test_secret_assignments_in_code_but_not_prose(pattern_filter: Filter) -> None:
    assert found(pattern_filter, "export OPENAI_API_KEY=aT1EaStzmlg6YLdqxUq3ir1USeHoWgBt1401") == [
        ("SECRET", "aT1EaStzmlg6YLdqxUq3ir1USeHoWgBt1401")
    ]
    assert found(pattern_filter, "DB_PASSWORD: hunter2x") == [("SECRET", "hunter2x")]
    assert found(pattern_filter, "my password is Summer2024!") == [("SECRET", "Summer2024!")]
    assert found(pattern_filter, "My API token is expired, how do I renew it?") == []


@pytest.mark.parametrize(
    "text",
    [
        "The token is expired.",  # a sentence's full stop made the word look like a literal
        "My password is wrong!",
        "Das Passwort ist falsch.",
        "A step where the grammar leaves one token is *forced*: its signal says nothing.",
        "llama.cpp runs a one-token step on `n_threads` = 1.",
        "DEFAULT_STATE_BYTES_PER_TOKEN = 11_000",
    ],
)
def test_prose_and_code_about_secrets_are_not_blocked(pattern_filter: Filter, text: str) -> None:
    """Found in the project's own docs and code (text no corpus holds): none is a credential."""
    assert found(pattern_filter, text) == []


def test_a_literal_at_the_end_of_a_sentence_is_still_a_secret(pattern_filter: Filter) -> None:
    assert found(pattern_filter, "password is hunter2.") == [("SECRET", "hunter2.")]
    assert found(pattern_filter, "the token is `a8f5f167f44f4964e6c9`.") != []


def test_adjacent_entities_and_entities_in_code(pattern_filter: Filter) -> None:
    text = 'cfg = {"email": "a.b@x.io", "alt":"c@y.io","ip":"10.0.0.7"}  # owner a.b@x.io,c@y.io'
    values = found(pattern_filter, text)
    assert values.count(("EMAIL", "a.b@x.io")) == 2
    assert values.count(("EMAIL", "c@y.io")) == 2
    assert ("IP_ADDRESS", "10.0.0.7") in values
    url = "open https://shop.example/track?email=zoe@example.org&ref=home"
    assert ("EMAIL", "zoe@example.org") in found(pattern_filter, url)


def test_context_words_raise_and_lower_scores(pattern_filter: Filter) -> None:
    assert found(pattern_filter, "the number 5551234567 here") == []
    assert ("PHONE", "5551234567") in found(pattern_filter, "call me at 5551234567")
    assert found(pattern_filter, "on 12/05/1990 we shipped") == []
    assert ("DATE_OF_BIRTH", "12/05/1990") in found(pattern_filter, "born 12/05/1990")


def test_findings_never_overlap_and_container_wins(pattern_filter: Filter) -> None:
    text = "login https://bob:hunter2hunter2@git.example.com/repo and bob@example.com"
    findings = pattern_filter.scan(text)
    assert [f.type for f in findings] == ["URL_CREDENTIALS", "EMAIL"]
    for a, b in itertools.pairwise(findings):
        assert a.end <= b.start


def test_custom_detectors_in_a_few_lines() -> None:
    flt = Filter(PrivacyConfig(ner="off"))
    flt.add_detector(
        RegexDetector("EMPLOYEE_ID", r"\bEMP-\d{6}\b", validator=lambda s: s != "EMP-000000")
    )
    flt.add_detector(
        CallableDetector(
            "project-names",
            lambda text: [
                ("PROJECT", m.start(), m.end(), 0.9)
                for m in re.finditer(r"Project [A-Z][a-z]+", text)
            ],
        )
    )
    text = "EMP-123456 and EMP-000000 work on Project Falcon"
    assert found(flt, text) == [("EMPLOYEE_ID", "EMP-123456"), ("PROJECT", "Project Falcon")]
    assert "project-names" in flt.detector_names


def test_failing_detector_fails_closed() -> None:
    def broken(text: str) -> list[tuple[str, int, int, float]]:
        raise RuntimeError("boom " + text)

    flt = Filter(PrivacyConfig(ner="off"))
    flt.add_detector(CallableDetector("broken", broken))
    with pytest.raises(PrivacyError) as info:
        flt.scan("secret value jane@example.com")
    assert "jane@example.com" not in str(info.value)
    with pytest.raises(PrivacyError):
        flt.add_detector(object())  # type: ignore[arg-type]
    bad = Filter(
        PrivacyConfig(ner="off"),
        detectors=[CallableDetector("oob", lambda t: [("X", 0, 999, 1.0)])],
    )
    with pytest.raises(PrivacyError):
        bad.scan("short")


def test_bad_input_is_a_privacy_error(pattern_filter: Filter) -> None:
    with pytest.raises(PrivacyError):
        pattern_filter.scan(b"bytes")  # type: ignore[arg-type]
    assert pattern_filter.scan("") == []


def test_ner_on_without_model_is_an_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PrivacyError):
        Filter(PrivacyConfig(ner="on", ner_model_dir=str(tmp_path)))


def test_detector_names_say_heuristic_without_model(pattern_filter: Filter) -> None:
    assert pattern_filter.detector_names == (
        "patterns",
        "labelled",
        "hl7",
        "names-fields",
        "names-records",
        "names-scripts",
        "names-handles",
        "names-heuristic",
    )
    finding = pattern_filter.scan("My name is Gwendolyn Okafor.")[0]
    assert finding.detector == "names-heuristic"


def _score(flt: Filter, n: int, seed: int) -> tuple[float, float]:
    samples = generate(n, seed=seed)
    preds = [[GoldSpan(f.type, f.start, f.end) for f in flt.scan(s.text)] for s in samples]
    scores = evaluate(samples, preds)
    return scores.recall(), scores.precision()


def test_corpus_quality_patterns_and_heuristic(pattern_filter: Filter) -> None:
    recall, precision = _score(pattern_filter, 400, seed=11)
    assert recall >= 0.93, recall
    assert precision >= 0.97, precision


def test_ner_finds_names_the_list_does_not_know(ner_filter: Filter) -> None:
    text = "Yesterday Zbigniew Kowalski met Oluwaseun Adeyemi in Lagos."
    names = [v for t, v in found(ner_filter, text) if t == "PERSON"]
    assert "Zbigniew Kowalski" in names
    assert "Oluwaseun Adeyemi" in names
    assert "ner-onnx" in ner_filter.detector_names


def test_corpus_quality_with_ner(ner_filter: Filter) -> None:
    recall, precision = _score(ner_filter, 150, seed=12)
    assert recall >= 0.96, recall
    assert precision >= 0.95, precision


@pytest.mark.parametrize(
    "unit",
    [
        "A-",
        "Aa-Bb-",
        "1-2-3 ",
        "a" * 30 + " ",
        "AAAA",
        "4 1 1 1 ",
        "«EMAIL_",
        "x@",
        "+1 (",
        "0" * 7,
        "Straße-",
        "de la ",
        "https://a.b/?token=",
        "ab:cd:",
        "Hans Müller ",
        "\u200b",
        # structured text: tables, SQL, label lines, cards, replies
        "a,b\n",
        '"x,',
        "| a |\n",
        "INSERT INTO t (a) VALUES ('x'),",
        "INSERT INTO t (a, b) VALUES (",
        "\n))氏名：.,",
        " ",
        "\t",
        "Ж",
        "氏a",
        "INSERT INTO t (a) VALUES ('INSERT INTO t (a) VALUES (', ",
        "(('",
        "x:\ny\n",
        "N:a;b\n",
        ";CN=x",
        "On x, y wrote:\n",
        "A. B",
        "Atatürk Cad. ",
        "Flat 1, Aa Bb Cc Dd, ",
        "a [at] b [dot] ",
        "a at b dot ",
        "a b <a.b@c.d>\n",
        "  a  b  ",
        "id  name\n0  x  ",
        "| a | b |\n+---+---+\n",
        "│ a ┆ b │\n",
        "x=%41%",
        "?a=b+c&",
        "&#64;&amp",
        "\\u0040\\ud83d",
    ],
)
def test_adversarial_input_scans_in_linear_time(pattern_filter: Filter, unit: str) -> None:
    assert cpu_seconds(pattern_filter.scan, unit) < 3.0


def test_ner_windows_cover_long_texts(ner_filter: Filter) -> None:
    filler = "The quarterly report covers revenue, costs and the outlook for next year. " * 12
    text = filler + "Please ask Oluwaseun Adeyemi. " + filler + "Then Zbigniew Kowalski replied. "
    names = [v for t, v in found(ner_filter, text) if t == "PERSON"]
    assert names == ["Oluwaseun Adeyemi", "Zbigniew Kowalski"]


@given(
    area=st.integers(201, 989),
    exchange=st.integers(201, 989),
    line=st.integers(0, 9999),
    sep=st.sampled_from([" ", "-", "."]),
    after=st.sampled_from([":", ";", ",", ".", "!", "?", ")", " -", ": 5 min"]),
)
@settings(max_examples=60, deadline=None)
def test_a_phone_is_masked_to_its_last_digit_whatever_follows(
    pattern_filter: Filter, area: int, exchange: int, line: int, sep: str, after: str
) -> None:
    number = f"+1 {area}{sep}{exchange}{sep}{line:04d}"
    text = f"Text me on {number}{after} thanks"
    start = text.index(number)
    spans = [(f.start, f.end) for f in pattern_filter.scan(text) if f.type == "PHONE"]
    assert any(s <= start and start + len(number) <= e for s, e in spans), spans


def test_a_value_found_once_is_found_wherever_it_recurs(ner_filter: Filter) -> None:
    text = "Dear Xiuying Wang,\nthanks.\n\nLater Xiuying wrote back and Wang agreed."
    assert [v for t, v in found(ner_filter, text) if t == "PERSON"] == [
        "Xiuying Wang",
        "Xiuying",
        "Wang",
    ]


def test_an_everyday_part_of_a_name_is_not_looked_for_again(ner_filter: Filter) -> None:
    text = "Call Will Summers today. Will you come?"
    assert [v for t, v in found(ner_filter, text) if t == "PERSON"] == ["Will Summers"]


def test_a_found_name_recurs_in_lower_case(ner_filter: Filter) -> None:
    text = "Dear Xiuying Wang,\nthanks.\n\nps ask xiuying about it"
    assert ("PERSON", "xiuying") in found(ner_filter, text)


def test_an_address_local_part_names_its_owner_elsewhere(ner_filter: Filter) -> None:
    text = "From: aoife.byrne@eircom.net\n\nhey, byrne here. tell aoife hi"
    got = found(ner_filter, text)
    assert ("PERSON", "byrne") in got
    assert ("PERSON", "aoife") in got
    team = "contact support.team@acme.com about the team"
    assert [t for t, _ in found(ner_filter, team)] == ["EMAIL"]


@pytest.mark.parametrize(
    "text",
    [
        "BEGIN:VEVENT\nUID:4e512389-4417-401e-9a1c-0c8d2f6e7b21\nEND:VEVENT",
        '{"order_id": "114-4559215-8305878"}',
        "Paziente | IT | 1850314287564 | note",  # 13 digits with no Visa prefix
    ],
)
def test_no_card_inside_ids_orders_or_in_wrong_lengths(pattern_filter: Filter, text: str) -> None:
    assert not [v for t, v in found(pattern_filter, text) if t == "CREDIT_CARD"]


@pytest.mark.parametrize(
    ("text", "card"),
    [
        ("Visa: 4556 7375 8689 9855", "4556 7375 8689 9855"),
        ("amex 3714-496353-98431", "3714-496353-98431"),
        ("kaart 5425233430109903 verloopt", "5425233430109903"),
    ],
)
def test_cards_in_their_groups(pattern_filter: Filter, text: str, card: str) -> None:
    assert ("CREDIT_CARD", card) in found(pattern_filter, text)


@pytest.mark.parametrize(
    "text",
    [
        "MONGO_URI=mongodb://svc:Qm7+zT-9&kL2@db.internal:27017/app",
        "AMQP_URL=amqp://:p4+ss&w-rd@rabbit.local:5672/",
    ],
)
def test_a_password_with_ampersand_and_plus_in_a_url_blocks(
    pattern_filter: Filter, text: str
) -> None:
    assert [t for t, _ in found(pattern_filter, text)] == ["URL_CREDENTIALS"]


def test_a_base64_key_may_start_with_a_slash(pattern_filter: Filter) -> None:
    text = 'storage:\n+  key: "/q3Rt8vLmZ2xNw5KpB7cYd1Hs9Fj4Ga6Te0Ui3Oo"\n'
    assert ("SECRET", "/q3Rt8vLmZ2xNw5KpB7cYd1Hs9Fj4Ga6Te0Ui3Oo") in found(pattern_filter, text)
    assert not found(pattern_filter, "the key sits in /var/lib/edgekit/keys/gateway_signing.pem")
