"""Names and addresses by the form they are written in: titles before a surname, flat and
floor parts of an address, a month that is no name. Strings are this file's own."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edgekit.privacy import Filter

from .helpers import cpu_seconds, found


def _of(flt: Filter, text: str, kind: str) -> list[str]:
    return [v for t, v in found(flt, text) if t == kind]


# --- a title and a surname alone ------------------------------------------------------------

TITLED = [
    ("Querida Dra. Valderrama, gracias por la cita.", "Valderrama"),
    ("Prezada Profa. Albuquerque,", "Albuquerque"),
    ("Gentile Sig.ra Castellucci, le scrivo", "Castellucci"),
    ("Cara Dott.ssa Ferraro, la ringrazio", "Ferraro"),
    ("Sehr geehrter Herr Dr. med. Lindqvist,", "Lindqvist"),
    ("Dear Mx Abernathy, your parcel", "Abernathy"),
    ("Madame Leclerc a appelé ce matin.", "Leclerc"),
]


@pytest.mark.parametrize(("text", "surname"), TITLED)
def test_a_title_marks_the_surname_after_it(
    pattern_filter: Filter, text: str, surname: str
) -> None:
    names = _of(pattern_filter, text, "PERSON")
    assert names == [surname]  # the title itself is not part of the name


@pytest.mark.parametrize(
    "text",
    [
        "The flight leaves on 14 Jan 2026 from gate B.",
        "meeting moved to 3rd Jan at noon",
        "Rechnung vom 2. Mai 2024",
        "Deadline: Jun 30, then review.",
    ],
)
def test_a_month_next_to_a_day_is_no_name(pattern_filter: Filter, text: str) -> None:
    assert _of(pattern_filter, text, "PERSON") == []


def test_a_month_word_alone_can_still_be_a_name(ner_filter: Filter) -> None:
    assert "Jan" in " ".join(_of(ner_filter, "Jan and Pieter drove to Utrecht.", "PERSON"))


# --- addresses: flat, floor, staircase and door parts up to the postcode and city ---------

ADDRESSES = [
    "Calle Sol 3, 2º 1ª, 08001 Barcelona",
    "Calle Mayor 5, Esc. B, 3º Izda., 28013 Madrid",
    "Rua do Ouro 20, R/C, 1100-060 Lisboa",
    "Avenida dos Aliados 7, 4.º Dto., 4000-064 Porto",
    "Via Roma 12, int. 7, 10121 Torino",
    "Piazza Garibaldi 9/C, 80142 Napoli",
    "Wiedner Hauptstraße 40/3, 1040 Wien",
    "Grazer Straße 17/2/5, 8010 Graz",
    "Rúa do Franco 8, 2º A\n15702 Santiago",
    "Calle Real 4\n15003 A Coruña",
    "Carrer de Provença 210, 4t 1a, 08036 Barcelona",
    "Avda. del Puerto 3, bajo B, 46022 Valencia",
    "Prinsengracht 263-II, 1016 GV Amsterdam",
    "ul. Piotrkowska 104/6 m. 3, 90-926 Łódź",
    "Apt 7, 210 E 86th St, New York, NY 10028",
    "Opernring 3-5/Top 8, 1010 Wien",
    "Avenue de Tervueren 12 bte 4, 1040 Bruxelles",
    "Drottninggatan 50 lgh 1201, 111 21 Stockholm",
    "Calle Alfonso XII 8, ático 2ª, 28014 Madrid",
]


@pytest.mark.parametrize("address", ADDRESSES)
def test_addresses_are_masked_to_their_city(pattern_filter: Filter, address: str) -> None:
    text = f"Nos vemos en {address} el lunes."
    assert _of(pattern_filter, text, "ADDRESS") == [address]


def test_a_number_above_a_name_and_street_is_not_an_address(pattern_filter: Filter) -> None:
    text = "Busta paga 03/2026\nGianluca Ferri\nVia Torino 22/A\n20123 Milano\n"
    assert _of(pattern_filter, text, "ADDRESS") == ["Via Torino 22/A\n20123 Milano"]
    assert _of(pattern_filter, text, "PERSON") == ["Gianluca Ferri"]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="0123456789ºª., /\nABCabcintPisoTop", max_size=80))
def test_address_tails_never_raise(pattern_filter: Filter, tail: str) -> None:
    text = "Via Roma 12" + tail
    for f in pattern_filter.scan(text):
        assert 0 <= f.start < f.end <= len(text)


@pytest.mark.parametrize("unit", ["Via Roma 12, int. 4, ", "Calle Sol 3, 2º 1ª, ", "1º izq., "])
def test_address_tails_scan_in_linear_time(pattern_filter: Filter, unit: str) -> None:
    assert cpu_seconds(pattern_filter.scan, unit) < 3.0


def test_the_line_above_an_address_names_its_addressee(pattern_filter: Filter) -> None:
    letter = "Factura 2026-114\nBill to:\nDr. Sigrun Haugland\nStorgatan 12\n111 51 Stockholm\n"
    assert _of(pattern_filter, letter, "PERSON") == ["Dr. Sigrun Haugland"]
    company = "Nordlys Consulting AB\nStorgatan 12\n111 51 Stockholm\n"
    assert _of(pattern_filter, company, "PERSON") == []


# --- signatures, capitals, list owners, people named by a verb or their role ---------------

SIGNED = [
    ("Tolle Beratung, gerne wieder! — Jorunn Aasheim\nNächster Beitrag", "Jorunn Aasheim"),
    ("Arrived broken. – Wanjiru Kamau, Nairobi", "Wanjiru Kamau"),
    ("Servizio pessimo. — Ilaria Monti", "Ilaria Monti"),
    ("Sehr freundlich! – JK aus Bremen", "JK"),
]


@pytest.mark.parametrize(("text", "name"), SIGNED)
def test_a_signature_after_a_dash_is_a_name(pattern_filter: Filter, text: str, name: str) -> None:
    assert name in _of(pattern_filter, text, "PERSON")


@pytest.mark.parametrize(
    "text",
    [
        "Quarterly report - Project Apollo",
        "Einkauf:\n- Frische Milch\n- Olivenöl Extra",
        "Berlin - Hamburg - München",
        "Release notes -- Breaking Changes",
    ],
)
def test_titles_and_lists_after_a_dash_are_not_signatures(
    pattern_filter: Filter, text: str
) -> None:
    assert _of(pattern_filter, text, "PERSON") == []


CAPITALS = [
    ("Visa issued to HOANG Minh Chau last week", "HOANG Minh Chau"),
    ("passport name: Ekaterina VOLKOVA, please check", "Ekaterina VOLKOVA"),
    ("her brother 김민준 (KIM Min-jun) arrives Friday", "KIM Min-jun"),
]


@pytest.mark.parametrize(("text", "name"), CAPITALS)
def test_a_surname_in_capitals_belongs_to_the_name(
    pattern_filter: Filter, text: str, name: str
) -> None:
    assert name in _of(pattern_filter, text, "PERSON")


@pytest.mark.parametrize(
    "text", ["HTTP Status 404 returned", "the USB Stick is empty", "open the API Gateway console"]
)
def test_acronyms_before_a_capitalised_word_are_no_surnames(
    pattern_filter: Filter, text: str
) -> None:
    assert _of(pattern_filter, text, "PERSON") == []


CUED = [
    ("Protokoll\n- Hartmut: Angebot bis Freitag prüfen\n- Budget: offen", "Hartmut"),
    ("Tareas\n- avisar a Rocío Benavente del cambio", "Rocío Benavente"),
    ("domani chiamare Gualtiero per le chiavi", "Gualtiero"),
    ("kannst du, frag bitte Mathilda, ob sie kommt", "Mathilda"),
    ("Any questions to Rosalind on extension 4471.", "Rosalind"),
    ("The delivery guy Anselm left it at the door", "Anselm"),
    ("meine Nachbarin Hiltrud hat den Schlüssel", "Hiltrud"),
]


@pytest.mark.parametrize(("text", "name"), CUED)
def test_names_after_a_verb_a_role_or_as_a_list_owner(
    pattern_filter: Filter, text: str, name: str
) -> None:
    assert name in _of(pattern_filter, text, "PERSON")


@pytest.mark.parametrize(
    "text", ["Protokoll\n- Budget: offen\n- Termin: Freitag", "Bitte Formular ausfüllen."]
)
def test_labels_and_nouns_are_no_owners(pattern_filter: Filter, text: str) -> None:
    assert _of(pattern_filter, text, "PERSON") == []


@pytest.mark.parametrize(
    "unit", ["x. — Aa Bb, Cc ", "- Aa Bb: ", "AAA Bbb ", "Bbb AAAA ", ". – AB aus "]
)
def test_name_forms_scan_in_linear_time(pattern_filter: Filter, unit: str) -> None:
    assert cpu_seconds(pattern_filter.scan, unit) < 3.0


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet="AaBbÇç -—–.,:!\n()KIMmin", max_size=60))
def test_name_forms_never_raise(pattern_filter: Filter, text: str) -> None:
    for f in pattern_filter.scan(text):
        assert 0 <= f.start < f.end <= len(text)


# --- names of origins the generated lists lacked; vocatives; labels; profiles --------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("lol Chukwuemeka just beat me at chess", "Chukwuemeka"),
        ("ayer vi a Guiying en el mercado", "Guiying"),
        ("Dün Gökhan aradı, yarın gelecek", "Gökhan"),
        ("on the call with Hyun-woo tomorrow", "Hyun-woo"),
    ],
)
def test_given_names_of_more_origins(pattern_filter: Filter, text: str, name: str) -> None:
    assert name in _of(pattern_filter, text, "PERSON")


@pytest.mark.parametrize("text", ["Can you check it?", "Long story short: no.", "LAN party!"])
def test_words_stay_words(pattern_filter: Filter, text: str) -> None:
    assert _of(pattern_filter, text, "PERSON") == []


def test_a_name_spoken_to_at_the_end_of_a_wish(pattern_filter: Filter) -> None:
    assert _of(pattern_filter, "Joyeux anniversaire, Summer!", "PERSON") == ["Summer"]
    assert _of(pattern_filter, "Well done, Amazing!", "PERSON") == []


def test_a_lower_case_full_name_opening_a_message(pattern_filter: Filter) -> None:
    text = "carmen de la torre qué tal, nos vemos"
    assert _of(pattern_filter, text, "PERSON") == ["carmen de la torre"]


def test_forenames_and_patient_labels(pattern_filter: Filter) -> None:
    form = "surname: Okafor\nforename(s): Hope\nDate: 2026-01-02"
    assert _of(pattern_filter, form, "PERSON") == ["Okafor", "Hope"]
    people = _of(pattern_filter, "Paziente: Lombardi, Ilaria\n", "PERSON")
    assert any("Lombardi" in person for person in people)


def test_profile_urls_name_their_person(pattern_filter: Filter) -> None:
    text = "CV: linkedin.com/in/hamid-rahimi-4b2 and github.com/features/actions"
    assert _of(pattern_filter, text, "PERSON") == ["hamid-rahimi-4b2"]


# --- streets, firms and products named after people are not people -------------------------


@pytest.mark.parametrize(
    "text",
    [
        "wir treffen uns an der Rosa-Luxemburg-Straße, ok?",
        "the café on Franklin Avenue was packed",
        "un piccolo bar in Piazza Giuseppe Garibaldi, bellissimo",
        "on se retrouve place Jean Jaurès demain",
        "shares of Procter & Gamble fell",
        "mi è arrivato il Roomba J7 rotto",
    ],
)
def test_streets_firms_and_products_are_not_people(ner_filter: Filter, text: str) -> None:
    assert _of(ner_filter, text, "PERSON") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Anna & Ben are coming at 5", "Anna"),
        ("Ask Lane about the keys.", "Lane"),
        ("I called Maria 3 times", "Maria"),
    ],
)
def test_people_near_those_words_still_are(ner_filter: Filter, text: str, name: str) -> None:
    assert name in _of(ner_filter, text, "PERSON")


def test_labels_with_an_aside_names_in_capitals_and_honorifics(pattern_filter: Filter) -> None:
    text = "Full name (as in passport): ADEYEMI OLUFEMI BABATUNDE\nNationality: NG"
    assert _of(pattern_filter, text, "PERSON") == ["ADEYEMI OLUFEMI BABATUNDE"]
    label = "MS GRACE ODUYA\n9 STATION ROAD\nLEEDS LS1 4DY"
    assert "GRACE ODUYA" in " ".join(_of(pattern_filter, label, "PERSON"))
    assert _of(pattern_filter, "Frag Nakamura-sensei morgen", "PERSON") == ["Nakamura"]


# --- names the lists know, in text written in their own script ------------------------------

SCRIPT_NAMES = [
    ("Вчера я встретил Людмилу Ковалёву у метро.", "Людмилу Ковалёву"),
    ("Передайте Григорию, что отчёт готов.", "Григорию"),
    ("Отправитель: Белова Ирина Николаевна", "Белова Ирина Николаевна"),
    ("Привіт, Тарасе! Коли зустрінемось?", "Тарасе"),
    ("Η Ελένη Βασιλείου θα μας πάρει τηλέφωνο.", "Ελένη Βασιλείου"),
    ("Ευχαριστώ πολύ, Δημήτρη!", "Δημήτρη"),
    ("مرحبا يا يوسف، أين أنت؟", "يوسف"),
    ("تحدثت مع مريم الحربي اليوم", "مريم الحربي"),
    ("שלום רחל, מתי נפגשים?", "רחל"),
    ("أرسل العقد إلى محمد قبل الظهر", "محمد"),
    ("Напомните Ольге Петровне о встрече", "Ольге Петровне"),
    ("मेरी बहन पूजा शर्मा कल आएगी", "पूजा शर्मा"),
    ("收件人：周杰，地址见附件", "周杰"),
]


@pytest.mark.parametrize(("text", "name"), SCRIPT_NAMES)
def test_listed_names_in_their_own_script(pattern_filter: Filter, text: str, name: str) -> None:
    assert name in _of(pattern_filter, text, "PERSON")


@pytest.mark.parametrize(
    "text",
    [
        "Меня здесь не было вчера.",
        "Я живу на улице Гагарина уже пять лет.",
        "Спасибо за помощь, всё работает.",
        "Η Αθήνα είναι όμορφη τον Μάιο.",
        "شكرا جزيلا على المساعدة",
    ],
)
def test_words_and_streets_in_other_scripts_stay(pattern_filter: Filter, text: str) -> None:
    assert _of(pattern_filter, text, "PERSON") == []


@pytest.mark.parametrize("unit", ["Ивана Петрова ", "Νίκος ", "يا يوسف ", "Аннаа "])
def test_script_names_scan_in_linear_time(pattern_filter: Filter, unit: str) -> None:
    assert cpu_seconds(pattern_filter.scan, unit) < 3.0


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet="АаИиНнОоВвЯяЙй ΝνίκοςΕε يوسفال\n,!", max_size=60))
def test_script_names_never_raise(pattern_filter: Filter, text: str) -> None:
    for f in pattern_filter.scan(text):
        assert 0 <= f.start < f.end <= len(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("明天请把合同交给张建国。", "张建国"),
        ("佐藤健一に資料を送ってください", "佐藤健一"),
        ("내일 박지훈한테 물어볼게요", "박지훈"),
    ],
)
def test_family_and_given_names_written_together(
    pattern_filter: Filter, text: str, name: str
) -> None:
    assert name in _of(pattern_filter, text, "PERSON")


@pytest.mark.parametrize(
    "text",
    [
        "我们明天下午三点在会议室开会，请大家准时参加。",
        "周末我们去林业局办手续。",
        "고객님의 주문이 배송되었습니다.",
        "이번 주말에 김치찌개를 먹었어요",
        "会議は明日の午前十時から始まります。",
    ],
)
def test_han_and_hangul_prose_is_no_name(pattern_filter: Filter, text: str) -> None:
    assert _of(pattern_filter, text, "PERSON") == []


@pytest.mark.parametrize("unit", ["王秀英", "김민준에게 ", "佐藤佐藤", "王王王"])
def test_han_hangul_names_scan_in_linear_time(pattern_filter: Filter, unit: str) -> None:
    assert cpu_seconds(pattern_filter.scan, unit) < 3.0


# --- addresses of more locales and scripts ---------------------------------------------------

MORE_ADDRESSES = [
    "ул. Садовая, д. 12, кв. 40",
    "Ленинский проспект, д. 5, корп. 2",
    "вул. Шевченка, буд. 9, кв. 3",
    "Οδός Πανεπιστημίου 30",
    "上海市浦东新区世纪大道100号",
    "大阪府大阪市北区梅田3-1-1",
    "부산광역시 해운대구 해운대로 264",
    "Carrera 15 #88-21, Bogotá",
    "Rua Augusta, 1500 - Consolação, São Paulo - SP, 01304-001",
    "Karlova 1234/5, 110 00 Praha 1",
    "Hämeenkatu 10 A 4, 33100 Tampere",
    "Vesterbrogade 12, 3. th, 1620 København V",
    "Strada Victoriei 20, Cluj 400012",
    "Av. Reforma 222, Col. Juárez, 06600 Ciudad de México",
    "Av. Santa Fe 1860, piso 3, depto C, C1123 CABA",
    "Calle Las Begonias 415, San Isidro, Lima 15046",
    "PO Box 1187, Boulder, CO 80306",
    "Vukovarska 58, 21000 Split",
    "Elizabetes iela 12-4, LV-1010 Rīga",
    "Via Cavour, 8 - 50129 Firenze",
    "C/ Sierpes, 30 - 1º dcha. 41004 Sevilla",
]


@pytest.mark.parametrize("address", MORE_ADDRESSES)
def test_addresses_of_more_locales(pattern_filter: Filter, address: str) -> None:
    text = f"Bitte an {address} schicken, danke."
    found_spans = _of(pattern_filter, text, "ADDRESS")
    assert any(address in span for span in found_spans), found_spans


@pytest.mark.parametrize(
    "text",
    [
        "我在市场买了3个苹果",
        "I read 2. tv shows a week",
        "Version 1234/56, 100 00 units",
        "m. 5 of the plan",
        "BP 140 mmHg at rest",
        "Chapter 12, 2024 Edition",
    ],
)
def test_numbers_in_prose_are_no_addresses(pattern_filter: Filter, text: str) -> None:
    assert _of(pattern_filter, text, "ADDRESS") == []


@pytest.mark.parametrize(
    "unit",
    [
        *("北京市朝阳区", "ул. А Б В Г, ", "Невский проспект ", "Rua Abc, 12 - Bela, "),
        *("Calle 9 # 1-", "Vinohradská 1/2, ", "Οδός Α ", "서울시 강남구 ", "12 B 5, ", "Cluj 1, "),
        *("Ilica 42, ", "Aa Bb 1, 12345 ", "PO Box 1, ", "Aa iela 5-", "Via A 1, Col. Aa Bb, "),
    ],
)
def test_locale_addresses_scan_in_linear_time(pattern_filter: Filter, unit: str) -> None:
    assert cpu_seconds(pattern_filter.scan, unit) < 3.0


def test_a_found_name_grows_over_the_surname_after_it(ner_filter: Filter) -> None:
    names = _of(ner_filter, "¿Conoces a Keir Starmer de algo?", "PERSON")
    assert "Keir Starmer" in " ".join(names)
    assert _of(ner_filter, "The meeting with Maria Monday went well.", "PERSON") == ["Maria"]


def test_the_place_after_a_signature_is_no_person(ner_filter: Filter) -> None:
    text = "Arrived broken, no refund. — Wanjiru Kamau, Nairobi\nNext review"
    assert _of(ner_filter, text, "PERSON") == ["Wanjiru Kamau"]
