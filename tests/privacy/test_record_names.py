"""Names found by their place in a record: columns, label lines, cards, invites, letters."""

from __future__ import annotations

import pytest

from edgekit.privacy import Filter
from edgekit.privacy.field_names import name_value
from edgekit.privacy.record_names import RecordNameDetector

from .helpers import found


def people(flt: Filter, text: str) -> list[str]:
    return [value for kind, value in found(flt, text) if kind == "PERSON"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "BEGIN:VCARD\nN:Olabarrieta;Almudena;;;\nFN:Almudena Olabarrieta\nEND:VCARD",
            ["Olabarrieta", "Almudena", "Almudena Olabarrieta"],
        ),
        (
            'ATTENDEE;CN="Игорь Морозов";ROLE=REQ-PARTICIPANT:mailto:x@example.org',
            ["Игорь Морозов"],
        ),
        ("FROM:\nMICHAŁ MAZUR-NOWAK\nal. Jerozolimskie 1\n", ["MICHAŁ MAZUR-NOWAK"]),
        ("| Name | Role |\n|---|---|\n| sergio olabarrieta | IT |\n", ["sergio olabarrieta"]),
        ('id,full_name\n1,"KOWALSKA, Halina"\n', ["KOWALSKA, Halina"]),
        ("Passenger: BIANCHI/NICCOLO MR\n", ["BIANCHI/NICCOLO"]),
        ("On 2026-06-10, fleur smit schreef:\n> hierbij", ["fleur smit"]),
        ("Internal note (Didi): customer verified", ["Didi"]),
        ("User{id=7, name='王秀英', phone='x'}", ["王秀英"]),
    ],
)
def test_names_by_their_place(pattern_filter: Filter, text: str, names: list[str]) -> None:
    got = people(pattern_filter, text)
    for name in names:
        assert name in got, (name, got)


@pytest.mark.parametrize(
    "text",
    [
        "| Name | Role |\n|---|---|\n| Ann Lee | Einkauf |\n",  # a role column's cell
        "product_name,price\nWidget Pro,12.00\n",
        "Best regards,\nThe Support Team",
        "TO:\nN/A\n",
    ],
)
def test_not_people(pattern_filter: Filter, text: str) -> None:
    assert "Einkauf" not in people(pattern_filter, text)
    assert [p for p in people(pattern_filter, text) if p not in ("Ann Lee",)] == []


def test_salutations_are_never_names(ner_filter: Filter) -> None:
    text = "Dzień dobry,\n\nthe invoice is attached.\n\nLiebe Grüße\nNadja"
    assert people(ner_filter, text) == ["Nadja"]


def test_a_possessive_is_not_part_of_the_name(pattern_filter: Filter) -> None:
    assert "Meera" in people(pattern_filter, "anyone got Meera's new number?")


def test_name_value_shapes() -> None:
    assert name_value("LEE, Ann") == (0, 8)
    assert name_value("LEE/ANN MRS") == (0, 7)
    assert name_value("WARN") is None
    assert name_value("ann lee") is None
    assert name_value("ann lee", any_case=True) == (0, 7)


def test_detector_never_fails_on_odd_records() -> None:
    for text in ("N:;;;", "N:", "FN:", ";CN=", "On , wrote:", "note ():", "FROM:\n\n"):
        RecordNameDetector().detect(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Уважаемый Иван Петрович,", "Иван Петрович"),
        ("请联系王小明先生", "王小明"),
        ("Name of account holder: SOPHIE MARTIN", "SOPHIE MARTIN"),
        ("Geachte mevrouw Jansen,", "Jansen"),
    ],
)
def test_salutations_titles_and_long_labels(pattern_filter: Filter, text: str, name: str) -> None:
    assert name in people(pattern_filter, text)


@pytest.mark.parametrize("text", ["HR Manager approved it", "the DNA Test came back", "Bay Area"])
def test_short_words_are_not_titles(pattern_filter: Filter, text: str) -> None:
    assert people(pattern_filter, text) == []


def test_a_lower_case_display_name_spelled_in_the_address(pattern_filter: Filter) -> None:
    assert people(pattern_filter, "To: vikram banerjee <vikram.banerjee+x@proton.me>") == [
        "vikram banerjee"
    ]
    assert people(pattern_filter, "To: the team <devs@acme.io>") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("M1DOE/JOHN            EABC123 JFKLHRBA 0117 123Y012A0025 100", "DOE/JOHN"),
        ("L'utente mario.rossi ha effettuato l'accesso", "mario.rossi"),
    ],
)
def test_boarding_pass_and_user_words(pattern_filter: Filter, text: str, name: str) -> None:
    assert name in people(pattern_filter, text)


def test_weekdays_and_months_are_not_people(ner_filter: Filter) -> None:
    text = "Author: Ann Lee <ann@example.org>\nDate:   Mon Mar 4 10:00:00 2024 +0100"
    assert people(ner_filter, text) == ["Ann Lee"]
    assert people(ner_filter, "the user interface is slow") == []


@pytest.mark.parametrize(
    "text",
    [
        "The parcel from Zalando SE is still stuck",
        "Best regards,\nMarcus Ashworth\nRenault Group | 020 9266 7673",
        "Der Handwerker von Banco Santander kommt aus Bilbao",
    ],
)
def test_company_names_are_not_people(ner_filter: Filter, text: str) -> None:
    assert [p for p in people(ner_filter, text) if p != "Marcus Ashworth"] == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Имя: Анна Смирнова", "Анна Смирнова"),
        ("الاسم: أحمد الفارسي", "أحمد الفارسي"),
        ("ชื่อ: สมชาย ใจดี", "สมชาย ใจดี"),
        ("नाम: राहुल शर्मा", "राहुल शर्मा"),
        ("Όνομα: Γιώργος Παπαδόπουλος", "Γιώργος Παπαδόπουλος"),
        ("السيد أحمد الفارسي سيصل غدا", "أحمد الفارسي"),
        ("Jméno: Jan Novák", "Jan Novák"),
    ],
)
def test_name_labels_and_titles_in_other_scripts(
    pattern_filter: Filter, text: str, name: str
) -> None:
    assert name in people(pattern_filter, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("can you pay MERCIER, Mathis back?", "MERCIER, Mathis"),
        ("To: DEL RÍO, Xabier <rio74@example.org>", "DEL RÍO, Xabier"),
        ("auth: session opened for marcus donnelly trace=1", "marcus donnelly"),
    ],
)
def test_a_found_name_grows_to_its_surname(ner_filter: Filter, text: str, name: str) -> None:
    assert name in people(ner_filter, text)
