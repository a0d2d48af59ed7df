"""Values read by the form of the document they stand in: a fleet list's plates, a passport
MRZ's name, a GeoJSON track, an IBAN wrapped over two lines, an e-mail address spelled out in
words, a birth marked with the genealogists' star or printed with blanks on an ID card.
Our own strings; look-alikes must stay."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edgekit.privacy import Filter, PrivacyConfig

_STRICT = Filter(PrivacyConfig(preset="strict", ner="off"), reuse=0)


def _found(text: str, kind: str) -> list[str]:
    return [text[f.start : f.end] for f in _STRICT.scan(text) if f.type == kind]


@pytest.mark.parametrize(
    ("text", "kind", "values"),
    [
        (
            "Flotte:\nAB-123-CD | Renault Clio | Pierre\nGF-772-KL | Peugeot 308 | Anne",
            "LICENSE_PLATE",
            ["AB-123-CD", "GF-772-KL"],
        ),
        ("- B-XY 1234 — VW Polo — nächste HU 03/2026", "LICENSE_PLATE", ["B-XY 1234"]),
        ("- W-82138E — Toyota Corolla", "LICENSE_PLATE", ["W-82138E"]),
        ("1. LK19 XWE, Vauxhall Corsa, MOT due May", "LICENSE_PLATE", ["LK19 XWE"]),
        (
            "P<GBRFAIRWEATHER<<ROSALIND<MAY<<<<<<<<<<<<<<<<<",
            "PERSON",
            ["FAIRWEATHER<<ROSALIND<MAY"],
        ),
        (
            '{"type": "LineString", "coordinates": [\n [2.294481, 48.858370],\n'
            " [2.295100, 48.859012],\n [139.691706, 35.689487, 40]\n]}",
            "GEO_COORDINATES",
            ["2.294481, 48.858370", "2.295100, 48.859012", "139.691706, 35.689487"],
        ),
        ("IBAN: DE89 3704 0044\n0532 0130 00 bitte", "IBAN", ["DE89 3704 0044\n0532 0130 00"]),
        (
            "scrivimi: gaia.conti chiocciola libero punto it",
            "EMAIL",
            ["gaia.conti chiocciola libero punto it"],
        ),
        (
            "mi correo es pepe.ruiz arroba correo punto es",
            "EMAIL",
            ["pepe.ruiz arroba correo punto es"],
        ),
        ("écris à jean arobase free point fr", "EMAIL", ["jean arobase free point fr"]),
        ("Patientin: Ilse Roth, * 03.11.1948\nDiagnose: …", "DATE_OF_BIRTH", ["03.11.1948"]),
        ("Opa Heinz (* 1931, † 2019) war Schreiner", "DATE_OF_BIRTH", ["1931"]),
        ("NOM DUPONT\nPrénoms MARIE\nNé(e) le 14 02 1990", "DATE_OF_BIRTH", ["14 02 1990"]),
        ("cumple de Sara: nació el 02/03/91, creo", "DATE_OF_BIRTH", ["02/03/91"]),
        ("Lena 🎂 14.02.1996 🎉", "DATE_OF_BIRTH", ["14.02.1996"]),
        ("Papa 🎂 1958", "DATE_OF_BIRTH", ["1958"]),
        ("Tesco order PO149 um my number is 07331 516 860 ok", "PHONE", ["07331 516 860"]),
        ("write me on https://wa.me/393915540361 or mail", "PHONE", ["393915540361"]),
        ("https://api.whatsapp.com/send?phone=5511987654321&text=hi", "PHONE", ["5511987654321"]),
    ],
)
def test_values_by_the_form_they_stand_in(text: str, kind: str, values: list[str]) -> None:
    assert _found(text, kind) == values


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("HTTP 1.1 — Ford said the build is green", "ID_NUMBER"),
        ("Ticket AB-123-CD is about the fleet dashboard", "ID_NUMBER"),
        ("5 * 3 = 15 and 2 * 2024 = 4048", "DATE_OF_BIRTH"),
        ("* 12 items shipped", "DATE_OF_BIRTH"),
        ('{"weights": [0.123456, 0.654321], "bias": [0.5, 0.25]}', "GEO_COORDINATES"),
        (
            '{"coordinates": [[1.0, 2.0]]}, later: {"scores": [[12.345678, 45.678912]]}',
            "GEO_COORDINATES",
        ),
        ("IBAN DE89 3704 0044 0532 0130 01\nsee you", "IBAN"),  # a bad check digit
        ("🎂 cake for 12 people", "DATE_OF_BIRTH"),
        ("look at data point in the chart", "EMAIL"),
        ("page?number=20240101&sort=asc", "PHONE"),
    ],
)
def test_look_alikes_stay(text: str, kind: str) -> None:
    assert _found(text, kind) == []


@given(
    st.lists(
        st.tuples(
            st.floats(min_value=-179.9, max_value=179.9), st.floats(min_value=-89.9, max_value=89.9)
        ),
        min_size=1,
        max_size=30,
    )
)
@settings(max_examples=40, deadline=None)
def test_every_pair_of_a_geojson_track_is_a_place(points: list[tuple[float, float]]) -> None:
    pairs = [f"[{lon:.6f}, {lat:.6f}]" for lon, lat in points]
    text = '{"type": "LineString", "coordinates": [' + ", ".join(pairs) + "]}"
    assert len(_found(text, "GEO_COORDINATES")) == len(points)


@pytest.mark.parametrize(
    "unit",
    [
        '"coordinates": [',
        "[1.123456, 2.123456], ",
        "P<D<<A<<",
        "x, * 1",
        "- AB-123-CD — VW\n",
        "a punto ",
    ],
)
def test_adversarial_input_scans_in_linear_time(unit: str) -> None:
    def cost(n: int) -> float:
        text = unit * n
        start = time.process_time()
        _STRICT.scan(text)
        return time.process_time() - start

    cost(100)
    # ten times the input may cost at most 25 times as much (a quadratic scan costs 100)
    assert cost(4000) < 25 * max(cost(400), 0.05)
