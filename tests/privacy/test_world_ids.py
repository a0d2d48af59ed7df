"""National identifiers of more locales; birth dates and addresses in more languages."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from edgekit.privacy import Filter
from edgekit.privacy import world_ids as w

from .helpers import found

# Examples published with each scheme's description (registries, Wikipedia's articles on
# the schemes); each "bad" value changes one digit or breaks the date.
CHECKS: list[tuple[Callable[[str], bool], list[str], list[str]]] = [
    (w.sweden_personnummer_ok, ["811218-9876", "19811218-9876"], ["811218-9875", "811318-9876"]),
    (w.norway_fodselsnummer_ok, ["01010750160"], ["01010750161", "32010750160"]),
    (w.finland_hetu_ok, ["131052-308T"], ["131052-308U", "131352-308T"]),
    (w.belgium_national_number_ok, ["85.07.30-033.28"], ["85.07.30-033.29"]),
    (w.czech_birth_number_ok, ["736028/5163"], ["736028/5164"]),
    (w.romania_cnp_ok, ["1800101221144"], ["1800101221145"]),
    (w.ireland_pps_ok, ["1234567T", "1234567TW"], ["1234567A"]),
    (w.china_resident_id_ok, ["11010519491231002X"], ["110105194912310021"]),
    (w.korea_rrn_ok, ["800101-1234560"], ["800101-1234561"]),
    (w.singapore_nric_ok, ["S1234567D"], ["S1234567E"]),
    (w.canada_sin_ok, ["046 454 286"], ["046 454 287"]),
    (w.mexico_curp_ok, ["BADD110313HCMLNS09"], ["BADD111313HCMLNS09", "BADD110313HZZLNS09"]),
    (w.chile_rut_ok, ["12.345.678-5"], ["12.345.678-4"]),
    (w.argentina_cuit_ok, ["20-12345678-6"], ["20-12345678-5", "99-12345678-6"]),
    (w.israel_id_ok, ["000000018"], ["000000019"]),
    (w.russia_snils_ok, ["112-233-445 95"], ["112-233-445 96"]),
]


@pytest.mark.parametrize(("check", "good", "bad"), CHECKS)
def test_checks(check: Callable[[str], bool], good: list[str], bad: list[str]) -> None:
    assert all(check(x) for x in good)
    assert not any(check(x) for x in bad)


@pytest.mark.parametrize(
    "text",
    [
        "Personnummer: 811218-9876",
        "Henkilötunnus 131052-308T",
        "Rijksregisternummer: 85.07.30-033.28",
        "Rodné číslo: 736028/5163",
        "CNP 1800101221144",
        "身份证号：11010519491231002X",
        "NRIC S1234567D",
        "CURP: BADD110313HCMLNS09",
        "RUT 12.345.678-5",
        "CUIT 20-12345678-6",
        "СНИЛС: 112-233-445 95",
        "name,national_id\nAnn Lee,000000018\n",
    ],
)
def test_ids_next_to_their_word(pattern_filter: Filter, text: str) -> None:
    hits = found(pattern_filter, text)
    assert [t for t, _ in hits if t != "PERSON"] == ["ID_NUMBER"], hits


def test_bare_digit_runs_need_their_word(pattern_filter: Filter) -> None:
    assert found(pattern_filter, "order total 046454286 units, batch 123456789018") == []


@pytest.mark.parametrize(
    ("text", "dob"),
    [
        ("生年月日: 1990年1月2日", "1990年1月2日"),
        ("Födelsedatum: 12 augusti 1985", "12 augusti 1985"),
        ("Дата рождения: 5 марта 1979", "5 марта 1979"),
        ("Ημερομηνία γέννησης: 12 Μαΐου 1981", "12 Μαΐου 1981"),
        ("Data nașterii: 3 martie 1980", "3 martie 1980"),
        ("Syntymäaika: 14. lokakuuta 1975", "14. lokakuuta 1975"),
        ("born 1984/02/29", "1984/02/29"),
    ],
)
def test_birth_dates_in_more_languages(pattern_filter: Filter, text: str, dob: str) -> None:
    assert ("DATE_OF_BIRTH", dob) in found(pattern_filter, text)


@pytest.mark.parametrize(
    "address",
    [
        "Rua das Flores 229, 4700-320 Braga",
        "ul. Długa 178/3, 80-831 Gdańsk",
        "Atatürk Cad. No: 83 D: 10\n34710 Kadıköy/İstanbul",
        "Drottninggatan 5, 111 51 Stockholm",
        "Andrássy út 12, 1061 Budapest",
        "Strada Lipscani nr. 12, 030031 București",
    ],
)
def test_addresses_of_more_countries(pattern_filter: Filter, address: str) -> None:
    assert ("ADDRESS", address) in found(pattern_filter, f"Send it to {address}\nThanks")


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("住所：〒150-0002 東京都渋谷区渋谷2-21-1", "〒150-0002 東京都渋谷区渋谷2-21-1"),
        ("주소: 서울특별시 강남구 테헤란로 152", "서울특별시 강남구 테헤란로 152"),
        ("Адрес: г. Москва, ул. Тверская, д. 7, кв. 12", "г. Москва, ул. Тверская, д. 7, кв. 12"),
        ("Διεύθυνση: Οδός Ερμού 25, 105 63 Αθήνα", "Οδός Ερμού 25, 105 63 Αθήνα"),
        ("Address: 123 Main St, Toronto, ON M5V 2T6", "123 Main St, Toronto, ON M5V 2T6"),
        ("Deliver to 42 Wallaby Way, Sydney NSW 2000", "42 Wallaby Way, Sydney NSW 2000"),
    ],
)
def test_labelled_and_more_addresses(pattern_filter: Filter, text: str, address: str) -> None:
    assert ("ADDRESS", address) in found(pattern_filter, text)


def test_an_email_address_label_is_no_postal_address(pattern_filter: Filter) -> None:
    assert found(pattern_filter, "IP address: 10.0.0.1") == [("IP_ADDRESS", "10.0.0.1")]


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("電話: 090-1234-5678 / 03-1234-5678", "090-1234-5678"),
        ("手机：138 0013 8000", "138 0013 8000"),
        ("Tel 089 / 123 45 67", "089 / 123 45 67"),
    ],
)
def test_phones_after_a_label_or_a_slash(pattern_filter: Filter, text: str, phone: str) -> None:
    assert ("PHONE", phone) in found(pattern_filter, text)


def test_a_validated_id_beats_a_phone_shape_next_to_its_word(pattern_filter: Filter) -> None:
    assert found(pattern_filter, "SVNR 1237 010180") == [("ID_NUMBER", "1237 010180")]
    assert found(pattern_filter, "TFN 123 456 782") == [("ID_NUMBER", "123 456 782")]


def test_a_labelled_address_stops_before_a_person(pattern_filter: Filter) -> None:
    text = "Lieferadresse: Roseplatz 55, 10115 Berlin, Ansprechpartner Rabea Bachmann."
    hits = found(pattern_filter, text)
    assert ("ADDRESS", "Roseplatz 55, 10115 Berlin") in hits
    assert ("PERSON", "Rabea Bachmann") in hits


@pytest.mark.parametrize(
    "text",
    [
        "Bestellnummer 4023-8812-77 ist unterwegs",
        "Comanda nr. 1234567",
        "AWB 123-45678901",
        "Part number 1234-5678-90",
        "HTTP/2 502 Bad Gateway after 30012 ms",
        "Номер заказа: 1234567890",
        "注文番号：1234567890",
    ],
)
def test_order_and_part_numbers_in_more_languages_are_left_alone(
    pattern_filter: Filter, text: str
) -> None:
    assert found(pattern_filter, text) == []


def test_an_invite_geo_property_is_a_place(pattern_filter: Filter) -> None:
    text = "LOCATION:Main St 1\nGEO:44.315;-0.81865\n"
    assert ("GEO_COORDINATES", "44.315;-0.81865") in found(pattern_filter, text)


@pytest.mark.parametrize(
    "address",
    ["Flat 238, Nehru Nagar, Mumbai 400050", "H.No. 12-3-45, Banjara Hills, Hyderabad - 500034"],
)
def test_indian_addresses(pattern_filter: Filter, address: str) -> None:
    assert ("ADDRESS", address) in found(pattern_filter, f"she moved to {address}\nok")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Паспорт: 4510 123456", "4510 123456"),
        ("Αριθμός διαβατηρίου: AB1234567", "AB1234567"),
        ("NIK: 3174054708900001", "3174054708900001"),
        ("เลขประจำตัวประชาชน 1101700230708", "1101700230708"),
    ],
)
def test_ids_named_in_other_scripts(pattern_filter: Filter, text: str, value: str) -> None:
    assert ("ID_NUMBER", value) in found(pattern_filter, text)


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("write to ana.silva [at] gmail [dot] com", "EMAIL", "ana.silva [at] gmail [dot] com"),
        ("Kontakt: m.mueller(at)firma-xy.de", "EMAIL", "m.mueller(at)firma-xy.de"),
        ("mail me: jdoe at example dot org", "EMAIL", "jdoe at example dot org"),
        ("Tel.: +49 (0) 30 / 123 456-78", "PHONE", "+49 (0) 30 / 123 456-78"),
        ("my dob is 3rd of March 1985", "DATE_OF_BIRTH", "3rd of March 1985"),
        ("lat 52.5200 lon 13.4050", "GEO_COORDINATES", "52.5200"),
    ],
)
def test_written_out_forms(pattern_filter: Filter, text: str, kind: str, value: str) -> None:
    assert (kind, value) in found(pattern_filter, text)


def test_at_in_prose_is_no_email(pattern_filter: Filter) -> None:
    assert found(pattern_filter, "we met at noon and looked at the dot matrix") == []
    assert found(pattern_filter, "info [at] acme [dot] com") == []  # a role mailbox


@pytest.mark.parametrize(
    "address", ["Rue du Marché 121, 8001 Zürich", "Viale dei Mille 213\n50125 Firenze (FI)"]
)
def test_swiss_and_italian_address_forms(pattern_filter: Filter, address: str) -> None:
    assert ("ADDRESS", address) in found(pattern_filter, f"Adresse ist {address}. Danke")
