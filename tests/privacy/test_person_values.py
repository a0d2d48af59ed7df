"""Session 9's person-level values: a login name under its label, a family's benefit
number, a person object's own id (``User(id=…)``, a JWT's subject, ``"user": {"id": …}``
over lines), a UPI payment address, a birth date after ``b.`` or built in code under a birth
key. Each with look-alikes that must stay. Strings written for these tests, in several
languages, not copied from any corpus."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edgekit.privacy import Filter, PrivacyConfig
from edgekit.privacy.labelled import LabelledValueDetector

from .test_false_blocks import scans_linearly

_FILTER = Filter(PrivacyConfig(preset="strict", ner="off"), reuse=0)


def _found(text: str, kind: str) -> list[str]:
    return [text[f.start : f.end] for f in _FILTER.scan(text) if f.type == kind]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        # login names under their label, in several languages
        ("Username: harriet99", "ID_NUMBER", "harriet99"),
        ("  login: okafor.b71\n  password: (in the safe)", "ID_NUMBER", "okafor.b71"),
        ("Benutzername: wiebke.janssen", "ID_NUMBER", "wiebke.janssen"),
        ("Nom d'utilisateur : lea_fontaine", "ID_NUMBER", "lea_fontaine"),
        ("nome utente: gpaoli77", "ID_NUMBER", "gpaoli77"),
        ("- Webshop: user mbrennan5, pw Sunshin3414", "ID_NUMBER", "mbrennan5"),
        # a family's benefit number, a Dutch customer number
        ("Relatienummer: 40-771-2093", "ID_NUMBER", "40-771-2093"),
        ("Kindergeldnummer: 215FK118802", "ID_NUMBER", "215FK118802"),
        # a person object's own id
        ("Customer(id=770215, email='x@y.pt')", "ID_NUMBER", "770215"),
        ('{"sub": "4410927", "name": "Oskar", "iat": 1716239022}', "ID_NUMBER", "4410927"),
        ('"patient": {\n    "id": "5521873",\n    "ward": "B"}', "ID_NUMBER", "5521873"),
        # a UPI payment address
        ("bhejo na, kavya.r@okicici pe", "ID_NUMBER", "kavya.r@okicici"),
        ("UPI ID: devraj88@ybl", "ID_NUMBER", "devraj88@ybl"),
        # a person's number in brackets after their name
        ("Fahrer Jonas Albrecht (FZ-77120) meldet sich", "ID_NUMBER", "FZ-77120"),
        ("Paciente: Ortega, Lucía (4471209)", "ID_NUMBER", "4471209"),
        ("Von: Ingrid Sörensen (MRN 99281734)", "ID_NUMBER", "99281734"),
        # a plate opening a parking fine's row
        ("Parkverstöße März\nS-LK 4471 | Jana Roth | Zone 3 | 25 €", "LICENSE_PLATE", "S-LK 4471"),
        # a label's cell and its value's in a table row; an account's id
        ("| Personalnummer | P-448120 |", "ID_NUMBER", "P-448120"),
        ("the account id ACC-5519023 was locked twice", "ID_NUMBER", "ACC-5519023"),
        # checked identifiers: a German health-insurance number, a Polish ID card, a DNI
        # whose control letter is typed in lower case
        ("Barmer\nSCHULZE\nHeike\nA123456780\n12/29", "ID_NUMBER", "A123456780"),
        ("seria i numer dowodu: ABA 300000", "ID_NUMBER", "ABA 300000"),
        ("Patientin: Greta Voss, * 3. Mai 1970\nA123456780\n", "ID_NUMBER", "A123456780"),
        ("mi dni es 12345678z, gracias", "ID_NUMBER", "12345678z"),
        # a national identifier passing a strong check right after a name and a comma
        ("Vermieterin: Greta Voss, 95261700345", "ID_NUMBER", "95261700345"),
        # an IBAN wrapped after a trailing blank
        ("IBAN: DE89 3704 \n0044 0532 0130 00 bitte", "IBAN", "DE89 3704 \n0044 0532 0130 00"),
        # birth dates: "b." after a name, a date built in code under a birth key
        ("- Ottilie Brandt, b. 02.05.1929 in Kiel", "DATE_OF_BIRTH", "02.05.1929"),
        ("Grandpa Joe (b. 7 March 1938) sailed", "DATE_OF_BIRTH", "7 March 1938"),
        (
            "row = {'nome': 'Rita', 'data_nascita': date(1979, 11, 4)}",
            "DATE_OF_BIRTH",
            "1979, 11, 4",
        ),
        ("p.setDob(…); dob = LocalDate.of(1990, 10, 17);", "DATE_OF_BIRTH", "1990, 10, 17"),
    ],
)
def test_person_values_are_found(text: str, kind: str, value: str) -> None:
    assert value in _found(text, kind)


@pytest.mark.parametrize(
    "text",
    [
        "login: admin",
        "Username: required",
        "Login: successful",
        "user root, pw managed by vault",
        "Username: your_username_here",
        "privacy policy 2024 update",
        # (a policy's number is left: writers disagree whether it is a person's)
        "Polizza n. 88-2210-4471 rinnovata",
        "Last login: 2025-03-02 08:14:55 from 10.1.1.9",
        "policy v2 applies to all tenants",
        "the cookie policy changed",
        "Order(id=1123, total=9.99)",
        '{"sub": "newsletter", "topic": "sales"}',
        "a. 12/03/2024 payment b. 14/03/2024 refund",
        "Invoice for Marta Ruiz (INV-2024-0042)",
        "Refund to Marta Ruiz (ORD-55123)",
        "Ana Lima (2019) wrote it",
        "nginx (pid 11234) exited",
        "the weather is fine\nAB-123-CD is the part code",
        "Greta Voss, 12345678901 (a number failing every check)",
        "AOK Gesundheitskasse, Ref A123456781",
        "created_at = datetime.date(2021, 3, 9)",
        "mail ana@example.com today",
    ],
)
def test_look_alikes_stay(text: str) -> None:
    found = [
        (f.type, text[f.start : f.end])
        for f in _FILTER.scan(text)
        if f.type in ("ID_NUMBER", "DATE_OF_BIRTH", "LICENSE_PLATE")
    ]
    assert found == []


_HANDLE = st.from_regex(r"[a-z]{3,10}[._]?[a-z]{0,8}[0-9]{1,3}", fullmatch=True)


@settings(max_examples=60, deadline=None)
@given(
    label=st.sampled_from(["Username", "login", "Benutzername", "nombre de usuario"]),
    handle=_HANDLE,
)
def test_any_handle_under_a_login_label_is_found(label: str, handle: str) -> None:
    text = f"{label}: {handle}\n"
    found = LabelledValueDetector().detect(text)
    assert any(text[c.start : c.end] == handle and c.type == "ID_NUMBER" for c in found)


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("userlogin: policy b.(19,)sub\"'@okybl=12 ")), max_size=300
    )
)
def test_arbitrary_text_gives_candidates_inside_it(text: str) -> None:
    for c in LabelledValueDetector().detect(text):
        assert 0 <= c.start < c.end <= len(text)


@pytest.mark.parametrize(
    "unit",
    ["user a", "login: a", "policy ", "b. 1", "dob = date(", "User(id=", '"sub": ', "a@ok"],
)
def test_adversarial_input_scans_in_linear_time(unit: str) -> None:
    assert scans_linearly(LabelledValueDetector().detect, unit)
