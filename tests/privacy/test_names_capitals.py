"""Names written in capitals and names under form labels in any language and layout: the
evidence a careful reader uses (a given and a family name the lists know, a label naming a
person or a part of a name, a cell of a table), not one corpus's phrases. Strings are this
file's own."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edgekit.privacy import Filter

from .helpers import cpu_seconds, found


def _people(flt: Filter, text: str) -> list[str]:
    return [v for t, v in found(flt, text) if t == "PERSON"]


# --- a name in capitals, wherever it stands ---------------------------------------------------

CAPITALS = [
    ("PLEASE FORWARD TO HENRIK LARSEN BEFORE FRIDAY", "HENRIK LARSEN"),
    ("Lieferschein 7781\nEMPFÄNGER-HINWEIS: bei JOACHIM BRANDT klingeln", "JOACHIM BRANDT"),
    ("LINDQVIST, ASTRID\nMETFORMIN 500 MG", "LINDQVIST, ASTRID"),
    ("MR. ÓSCAR IBÁÑEZ\nCALLE MAYOR 3", "ÓSCAR IBÁÑEZ"),
    ("Titular da conta confirmado: RAFAELA MONTEIRO, obrigado", "RAFAELA MONTEIRO"),
    ("| 3 | KX-2209 | TOBIAS WENDT | 2 kg |", "TOBIAS WENDT"),
]


@pytest.mark.parametrize(("text", "name"), CAPITALS)
def test_a_name_in_capitals_is_a_name(pattern_filter: Filter, text: str, name: str) -> None:
    assert name in _people(pattern_filter, text)


NOT_NAMES_IN_CAPITALS = [
    "ROSE GOLD CASE, 41 MM",
    "MAY JUNE JULY AUGUST totals",
    "HTTP SERVER ERROR\nWARN  RETRYING",
    "FIRST AID KIT",
    "VICTOR HUGO STREET 12",
    "SALE: GRACE PERIOD ENDS",
    "ANNA SCHMIDT GMBH",
]


@pytest.mark.parametrize("text", NOT_NAMES_IN_CAPITALS)
def test_words_in_capitals_stay_words(pattern_filter: Filter, text: str) -> None:
    assert _people(pattern_filter, text) == []


# --- labels: numbered questions, parts of a name in more languages, one of several -------------

LABELLED = [
    ("Formulario\n3. Apellidos: GARCÍA LORCA\n4. Nombre: INÉS", ["GARCÍA LORCA", "INÉS"]),
    ("b) Vorname: Jörg\nc) Geburtsort: Kassel", ["Jörg"]),
    ("Příjmení: DVOŘÁKOVÁ\nJméno: TEREZA", ["DVOŘÁKOVÁ", "TEREZA"]),
    ("Soyadı: ÖZTÜRK\nAdı: ELİF", ["ÖZTÜRK", "ELİF"]),
    ("Sukunimi: VIRTANEN\nEtunimi: AINO", ["VIRTANEN", "AINO"]),
    ("Guest #2: Tobias Wendt\nRoom: 214", ["Tobias Wendt"]),
    ("Passagier 1: HOLM/SIGRID MRS", ["HOLM/SIGRID"]),
    ("Next of kin: amaia\nRelation: sister", ["amaia"]),
    ("Cliente: MARTA GIL DNI 12345678Z", ["MARTA GIL"]),
]


@pytest.mark.parametrize(("text", "names"), LABELLED)
def test_labelled_names(pattern_filter: Filter, text: str, names: list[str]) -> None:
    people = _people(pattern_filter, text)
    for name in names:
        assert name in people


CJK_FORMS = [
    ("申込書\n氏名\u3000佐々木 健\n電話\u300003-5555-0101", "佐々木 健"),
    ("お名前：森 美咲\nご住所：東京都", "森 美咲"),
    ("보험 청구서\n성명\t이서연\n", "이서연"),
    ("持卡人：陈晓东\n卡号：略", "陈晓东"),
]


@pytest.mark.parametrize(("text", "name"), CJK_FORMS)
def test_cjk_form_labels_without_a_colon_or_with_a_prefix(
    pattern_filter: Filter, text: str, name: str
) -> None:
    assert name in _people(pattern_filter, text)


def test_directory_attributes_name_people(pattern_filter: Filter) -> None:
    text = "dn: uid=cokafor,ou=staff\nsn: Okafor\ngivenName: Chidi\nSN: XK-42\n"
    people = _people(pattern_filter, text)
    assert "Okafor" in people
    assert "Chidi" in people
    assert not any("XK" in p for p in people)


CJK_CHATS = [
    ("请帮我整理：\n李文博：快递到了吗\n客服：请提供单号\n李文博：SF123", "李文博"),
    ("김하늘: 내일 봐\n박서준: 좋아\n김하늘: ㅋㅋ", "김하늘"),
]


def test_a_name_shaped_run_before_a_colon_is_no_label(pattern_filter: Filter) -> None:
    text = "GPS export, last ride of 松本 結衣:\nstart 48.1, 11.5"
    assert "松本 結衣" in _people(pattern_filter, text)
    assert _people(pattern_filter, "please translate 联系人:\n") == []


@pytest.mark.parametrize(("text", "name"), CJK_CHATS)
def test_cjk_chat_speakers(pattern_filter: Filter, text: str, name: str) -> None:
    assert name in _people(pattern_filter, text)


def test_cjk_labels_in_a_chat_are_no_speakers(pattern_filter: Filter) -> None:
    assert _people(pattern_filter, "程序：运行\n结果：失败\n程序：重试") == []


WRITERS_AND_HOLDERS = [
    ("Hej!\nKan ni skicka beslutet igen?\nMvh\nSaga", "Saga"),  # a closing, a name that is a word
    ("Kiitos!\nTerveisin\nAino Virtanen", "Aino Virtanen"),
    ("Děkuji.\nS pozdravem\nTereza", "Tereza"),
    ("RX 4017831   DR. PAOLO FANTINATI\nFILLED", "PAOLO FANTINATI"),
    ("PHARMACY\nPRZYBYLSKA, ZOFIA\nIBUPROFEN", "PRZYBYLSKA, ZOFIA"),
    ("tx ok holder=VIKRAM IYENGAR, amount=3", "VIKRAM IYENGAR"),
    ("ping Nowak (anowak@example.pl) about it", "Nowak"),
    ("お世話になっております。佐藤です。", "佐藤"),
    ("初めまして、山口 亮と申します。", "山口 亮"),
]


@pytest.mark.parametrize(("text", "name"), WRITERS_AND_HOLDERS)
def test_writers_holders_and_introductions(pattern_filter: Filter, text: str, name: str) -> None:
    assert name in _people(pattern_filter, text)


NO_WRITERS = [
    "Support (support@acme.io)",
    "holder=prod-db status=up",
    "以上です。よろしくお願いします。",
    "大丈夫です",
    "Gracias\nPor favor llama",
]


@pytest.mark.parametrize("text", NO_WRITERS)
def test_roles_keys_and_phrases_are_no_writers(pattern_filter: Filter, text: str) -> None:
    assert _people(pattern_filter, text) == []


NOT_PEOPLE = [
    "Bitte Nachschub: Salbutamol 100 µg, Candesartan 8 mg",  # a unit after a number
    "Rückfragen: Mo–Fr 9–17 Uhr",
    "Таблетки: 2 шт, сироп 5 мл",
    "Income 4200 € net, employer Lidl",
    "Dear Vodafone Customer Care,\n\nI am writing about my bill",
    "Cars: Renault Clio vs Toyota Yaris",
    "hotel: Hotel Sacher Wien",
    "DB_HOST=127.0.0.1\nDB_USER=billing\nPOSTGRES_USER=app\n",
    "Rechnung: versichert bei der Barmer Ersatzkasse seit 2019",
    "Né(e) le : 3 mars 1991 à Oran\nNationalité : algérienne",
]


@pytest.mark.parametrize("text", NOT_PEOPLE)
def test_units_employers_desks_cars_venues_and_service_accounts(
    ner_filter: Filter, text: str
) -> None:
    assert _people(ner_filter, text) == []


def test_an_organisation_field_is_no_person_but_a_signature_is(pattern_filter: Filter) -> None:
    assert _people(pattern_filter, "BEGIN:VCARD\nORG:Bertelsmann\nEND:VCARD") == []
    assert "Lucia Ferri" in _people(pattern_filter, "Grazie.\nFirma: Lucia Ferri, cell. 3")


def test_a_spouse_after_a_birthplace_stays_a_person(pattern_filter: Filter) -> None:
    assert "Pierre Dupont" in _people(pattern_filter, "née à Lyon, mariée à Pierre Dupont")


def test_a_person_named_like_a_maker_stays_a_person(pattern_filter: Filter) -> None:
    assert "Mercedes Sosa" in " ".join(_people(pattern_filter, "Dear Mercedes Sosa, thanks"))


NOT_LABELLED_NAMES = [
    "jobs:\n  lint:\n    steps:\n      - run: make\nname: jasmine\n",  # a config's key
    "NAME                      READY   STATUS\ncheckout-5d8f7b9c4-qw7zr   1/1     Running",
    "a) Name: DEBUG\nb) Level: WARN",
    "Passenger 1: HOTEL\n",
    "Payee: ACME LTD\nAmount: 12.00",
]


@pytest.mark.parametrize("text", NOT_LABELLED_NAMES)
def test_keys_pods_and_levels_are_no_names(pattern_filter: Filter, text: str) -> None:
    assert _people(pattern_filter, text) == []


# --- cost and robustness -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "unit",
    [
        "ANNA BERG ",
        "BERG, ANNA ",
        "1. Name: ",
        "氏名 ",
        "\t氏名 佐",
        "| ANNA | ",
        "  Guest 1: x",
        "李文博:\n",
        "李文 博 :",
        "x (ab@c.de) ",
        "。佐藤です",
        "holder=A B ",
    ],
)
def test_capitals_and_labels_scan_in_linear_time(pattern_filter: Filter, unit: str) -> None:
    assert cpu_seconds(pattern_filter.scan, unit) < 3.0


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet="ANBERGÓ ,.|:\n\t1)氏名佐 aeé#", max_size=80))
def test_capitals_and_labels_never_raise(pattern_filter: Filter, text: str) -> None:
    for f in pattern_filter.scan(text):
        assert 0 <= f.start < f.end <= len(text)
