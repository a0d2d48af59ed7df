"""Person-level numbers by the form they stand in: labels that put the number first
(``id_cliente``, ``cod_socio``), abbreviations (``Kd.-Nr.``), a hospital's or a doctor's
number, benefit and social-security numbers, a number asked for in a chat and given in the
answer, FHIR identifiers, an ID document brought along, SQL dumps with unescaped apostrophes.
Strings are our own, in other languages and phrasings than any corpus."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edgekit.privacy import Filter, PrivacyConfig
from edgekit.privacy.structure import structure_of

_STRICT = Filter(PrivacyConfig(preset="strict", ner="off"), reuse=0)


def _ids(text: str) -> list[str]:
    return [text[f.start : f.end] for f in _STRICT.scan(text) if f.type == "ID_NUMBER"]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            "id_cliente;nombre;ciudad\nK-88213;Lucía;Sevilla\nK-90177;Pau;Girona",
            ["K-88213", "K-90177"],
        ),
        ("cod_socio,nome\n5521-09,Marco\n5521-10,Lia", ["5521-09", "5521-10"]),
        ("num_patient\tservice\nP4410928\tcardio", ["P4410928"]),
        ("Rechnung\nKd.-Nr. 448120   Datum 02.03.2025", ["448120"]),
        ("Hospital number: HX2201943, ward 7", ["HX2201943"]),
        ("N° allocataire : 1234567", ["1234567"]),
        ("Nº afiliación a la Seguridad Social: 28/1234567/40", ["28/1234567/40"]),
        ("Payroll ref: PR-00912", ["PR-00912"]),
        ("Patient ref. HX-220194", ["HX-220194"]),
        ("Médecin : Dr Paul Roux, RPPS 10003456789", ["10003456789"]),
        ("the customer (account C88120931) was charged twice", ["C88120931"]),
        ("DESCRIPTION:Traer ID? Bring ID (CJ1W2MX19) to the desk", ["CJ1W2MX19"]),
        ("Bonjour, Marie Roux, client n° K85353375.", ["K85353375"]),
        ("Numéro INE : 123456789AB.", ["123456789AB"]),
    ],
)
def test_person_level_numbers_by_their_form(text: str, values: list[str]) -> None:
    assert _ids(text) == values


@pytest.mark.parametrize(
    "text",
    [
        "upgrade the HTTP client 2.31.0 today",
        "our account 2024 review",
        "the user 12 of 40",
        "order_id,sku\nA-99120,SKU-1120",
        "Please bring photo ID (passport or licence), doors open 19:30",
        "id_pedido;importe\n99120-A;12,50",
        "Customer ref: INV-2024-0012",
        "Unit No: 1203, Tower B",
    ],
)
def test_other_numbers_stay(text: str) -> None:
    assert _ids(text) == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            "Agent: Können Sie mir Ihre Kundennummer und Ihr Geburtsdatum nennen?\n"
            "Kunde: klar, 88120457, geboren am 3. März 1979",
            ["88120457"],
        ),
        ("Bot: What's your membership number?\nMe: it's M-5531207", ["M-5531207"]),
        ("Operador: ¿me dice su número de cliente?\nYo: 4471-2290-11", ["4471-2290-11"]),
        (
            "Agente: Para verificar, por favor su número de cliente.\nYo: 55120934, nací en 1980",
            ["55120934"],
        ),
    ],
)
def test_a_number_given_in_the_answer_to_its_question(text: str, values: list[str]) -> None:
    assert _ids(text) == values


@pytest.mark.parametrize(
    "text",
    [
        "Agent: what's your customer number?\nMe: one sec\nAgent: ok",
        "Agent: what's your customer number?\nMe: I have had it since 2019, let me look",
        "Agent: what's your customer number?\nAgent: 4471-2290-11 is the format",
    ],
)
def test_no_answer_no_number(text: str) -> None:
    assert _ids(text) == []


def _typed(text: str) -> list[tuple[str, str]]:
    kinds = ("ID_NUMBER", "DATE_OF_BIRTH")
    return [(f.type, text[f.start : f.end]) for f in _STRICT.scan(text) if f.type in kinds]


def test_a_persons_row_gives_the_birth_date_beside_a_checked_id() -> None:
    text = (
        "Hijos:\n  • Lucía Gómez – 12345678Z – 03/04/2012\n  • Pau Gómez – 87654321X – 2015-06-30"
    )
    assert _typed(text) == [
        ("ID_NUMBER", "12345678Z"),
        ("DATE_OF_BIRTH", "03/04/2012"),
        ("ID_NUMBER", "87654321X"),
        ("DATE_OF_BIRTH", "2015-06-30"),
    ]
    assert _typed("Kinder - 47036892816 - 11.02.2009") == [
        ("ID_NUMBER", "47036892816"),
        ("DATE_OF_BIRTH", "11.02.2009"),
    ]
    # a table's date beside an ID is read by its column header, not as a birth
    assert ("DATE_OF_BIRTH", "2024-05-02") not in _typed(
        "nombre\tdni\tfecha_alta\nAna Ruiz\t12345678Z\t2024-05-02"
    )
    assert _typed("• Invoice 2024-001 – INV-7781 – 12.03.2024") == []
    assert _typed("| 482913570 | 2024-03-01 | 12,50 |") == []


def test_fhir_identifiers_of_a_person_are_ids() -> None:
    text = (
        '{"resourceType": "Patient", "identifier": [{"use": "official", "type": {"coding": '
        '[{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MR"}]}, '
        '"system": "urn:oid:2.16.840.1.113883.19.5", "value": "MRN-20931"}, '
        '{"system": "http://fhir.de/sid/gkv/kvid-10", "value": "A123456780"}], "active": true}'
    )
    assert _ids(text) == ["MRN-20931", "A123456780"]
    xml = (
        '<Patient xmlns="http://hl7.org/fhir"><identifier><system value="https://fhir.nhs.uk/'
        'Id/nhs-number"/><value value="9434765919"/></identifier><gender value="male"/></Patient>'
    )
    assert _ids(xml) == ["9434765919"]
    observation = '{"resourceType": "Observation", "identifier": [{"value": "OBS-55120"}]}'
    assert _ids(observation) == []


def test_sql_strings_with_unescaped_apostrophes_keep_their_columns() -> None:
    text = (
        "INSERT INTO `people` (`id`,`name`,`born`) VALUES\n"
        "(1,'Ana D'Souza','1987-12-11'),\n(2,'Bo O\\'Neil','1978-08-02'),\n(3,'Cy','1978-08-03');"
    )
    cells = [(f.label, text[f.start : f.end]) for f in structure_of(text).fields]
    assert ("name", "Ana D'Souza") in cells
    assert ("born", "1978-08-03") in cells
    assert len(cells) == 9


@given(
    st.lists(
        st.text(alphabet="ABCDEFGHLMPRSTXYZ0123456789 .-", min_size=1, max_size=20),
        min_size=2,
        max_size=5,
    )
)
@settings(max_examples=200, deadline=None)
def test_any_row_of_cells_never_raises(cells: list[str]) -> None:
    text = "• Ana Ruiz – " + " – ".join(cells) + " – 03/04/1985"
    for f in _STRICT.scan(text):
        assert 0 <= f.start < f.end <= len(text)


@given(st.text(alphabet="'(),ab \\1", max_size=120))
@settings(max_examples=200, deadline=None)
def test_any_sql_like_text_never_raises(tail: str) -> None:
    text = "INSERT INTO t (a, b) VALUES (" + tail
    for f in structure_of(text).fields:
        assert 0 <= f.start <= f.end <= len(text)


@pytest.mark.parametrize(
    "unit",
    [
        "('a'b'c', ",
        '{"resourceType": "Patient", "identifier": [',
        "Agent: customer number?\nMe: A-1234\n",
        "id_cliente;",
        "account C1 ",
    ],
)
def test_adversarial_input_scans_in_linear_time(unit: str) -> None:
    def cost(n: int) -> float:
        text = "INSERT INTO t (a) VALUES " + unit * n
        start = time.process_time()
        _STRICT.scan(text)
        return time.process_time() - start

    cost(100)
    # ten times the input may cost at most 25 times as much (a quadratic scan costs 100)
    assert cost(4000) < 25 * max(cost(400), 0.05)
