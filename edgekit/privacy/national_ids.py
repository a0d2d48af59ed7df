"""National identifiers, passport MRZ lines and licence plates of the locales we claim.

Each number with a check digit in real life is validated (codice fiscale,
NINO prefixes, NHS mod 11, NIR key, Steuer-ID ISO 7064, SV-Nummer, BSN
eleven-test, AHV EAN-13, Aadhaar Verhoeff, ICAO 7-3-1); the base score says
how distinctive the shape is on its own, and a context word ("NHS",
"Steuer-ID", "PAN" …) raises it. Shapes that are common digit runs (NHS,
Steuer-ID, BSN) pass the strict cut only with their context word. Licence
plates have no checksum: they count only next to a plate word.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from edgekit.privacy import types as t
from edgekit.privacy import validators as v
from edgekit.privacy.detectors import NOT_PERSON_NUMBERS, Rule, Validator


def checked(accept: Callable[[str], bool]) -> Validator:
    """A rule validator that keeps the whole match when ``accept`` passes its text."""

    def check(text: str, m: re.Match[str], base: float) -> tuple[int, int, float] | None:
        return (m.start(), m.end(), base) if accept(m.group(0)) else None

    return check


# Words that name any national identifier (also as a column header: ``national_id``).
NATIONAL_ID_WORDS = (
    "national id",
    "national identifier",
    "national number",
    "national identity",
    "id number",
    "identity number",
    "identification number",
    "personal number",
    "personal id",
    "citizen id",
    "tax id",
    "tax number",
    "taxpayer id",
)


def _rule(
    pattern: str,
    score: float,
    accept: Callable[[str], bool] | None,
    context: tuple[str, ...],
    *,
    require_context: bool = False,
    flags: int = 0,
    validator: Validator | None = None,
    entity_type: str = t.ID_NUMBER,
) -> Rule:
    return Rule(
        entity_type,
        re.compile(pattern, flags),
        score,
        validator or (checked(accept) if accept is not None else None),
        context,
        NOT_PERSON_NUMBERS,  # "Sendungsnummer: 5501 3099 6994" is no Aadhaar number
        require_context=require_context,
    )


def _cpf(text: str, m: re.Match[str], base: float) -> tuple[int, int, float] | None:
    """A CPF; written 123.456.789-09 it is distinctive on its own, as 11 bare digits not."""
    value = m.group(0)
    if not v.brazilian_cpf_ok(value):
        return None
    return m.start(), m.end(), base + (0.35 if "." in value and "-" in value else 0.0)


_NOT_AFTER = r"(?![\w\-])"
_NOT_BEFORE = r"(?<![\w\-])"

_LICENCE_CONTEXT = (
    "driver's license",
    "drivers license",
    "driver license",
    "driver's licence",
    "driving licence",
    "driving license",
    "licence number",
    "license number",
    "license no",
    "licence no",
    "dl number",
    "dl#",
    "führerschein",
    "führerscheinnummer",
    "permis de conduire",
    "patente di guida",
    "carnet de conducir",
    "permiso de conducir",
    "rijbewijs",
)
_PLATE_CONTEXT = (
    "plate",
    "licence plate",
    "license plate",
    "number plate",
    "registration",
    "reg",
    "vehicle reg",
    "kennzeichen",
    "wunschkennzeichen",
    "kfz-kennzeichen",
    "amtliches kennzeichen",
    "autokennzeichen",
    "nummernschild",
    "matrícula",
    "matricula",
    "immatriculation",
    "plaque",
    "targa",
    "kenteken",
    "kontrollschild",
    "plaka",
    "rejestracyjny",
    "tablice",
    "vehicle",
    "company car",
    "car",
    "auto",
    "vehicle no",
    "placa",
    # the car itself, in the claimed languages: "ma voiture c'est la AB-123-CD"
    "my car",
    "voiture",
    "bagnole",
    "macchina",
    "coche",
    "carro",
    "wagen",
    "fahrzeug",
    "véhicule",
    "veicolo",
    "vehículo",
    "moto",
    "motorbike",
    "van",
    "camper",
)
# A plate is one to four groups of capitals and digits joined by "-", " " or "·"
# (B-MW 1234, AB-123-CD, 1234 BCD, AB12 CDE, 7ABC123, ZH 123456, 06 ABC 123,
# MH 12 AB 1234, 12-ABC-3): shapes differ by country, so the shape is loose and a
# plate word nearby is required.
_PLATE_RE = rf"{_NOT_BEFORE}[A-ZÄÖÜ0-9]{{1,8}}(?:(?:-| |·|- )[A-ZÄÖÜ0-9]{{1,8}}){{0,3}}{_NOT_AFTER}"


# The plate shapes of the claimed countries, for plates named by what is done with the car
# ("driving JR94 PAE", "immatriculée GV-827-VB", "targata AB 123 CD"): UK, FR/IT, ES, DE, NL.
_PLATE_SHAPE_RE = (
    rf"{_NOT_BEFORE}(?:[A-Z]{{2}}\d{{2}} ?[A-Z]{{3}}|[A-Z]{{2}}[- ]?\d{{3}}[- ]?[A-Z]{{2}}"
    r"|\d{4}[- ]?[BCDFGHJKLMNPRSTVWXYZ]{3}|[A-ZÄÖÜ]{1,3}[- ][A-Z]{1,2} \d{1,4}[EH]?"
    rf"|[A-Z]{{2}}-\d{{3}}-[A-Z]|\d{{1,2}}-[A-Z]{{3}}-\d{{1,2}}|[A-Z]{{1,3}}-\d{{2,3}}-[A-Z]{{1,2}}){_NOT_AFTER}"
)
_VEHICLE_VERBS = (
    *("driving", "drove", "drives", "driven", "parked", "reversed", "registered"),
    *("immatriculé", "immatriculée", "immatriculés", "conduisait", "garé", "garée"),
    *("targato", "targata", "guidava", "parcheggiato", "parcheggiata"),
    *("matriculado", "matriculada", "conducía", "aparcado", "aparcada"),
    *("zugelassen", "fuhr", "fährt", "gefahren", "geparkt", "parkte"),
)


def _plate(text: str, m: re.Match[str], base: float) -> tuple[int, int, float] | None:
    return (m.start(), m.end(), base) if _plate_ok(m.group(0)) else None


def _plate_ok(value: str) -> bool:
    """Letters and digits, 4-10 of them, not a year or a date."""
    alnum = [c for c in value if c.isalnum()]
    if not 4 <= len(alnum) <= 10 or not any(c.isdigit() for c in alnum):
        return False
    # all digits: only the Swiss/Polish style "ZH 123456" has letters; "2024" is a year
    return any(c.isalpha() for c in alnum) or bool(re.fullmatch(r"[A-Z]{1,3}", value[:1]))


_MRZ_NAME_RE = re.compile(
    r"(?<![A-Z0-9<])P[A-Z<][A-Z<]{3}(?P<name>[A-Z]+(?:<[A-Z]+)*<<[A-Z]+(?:<[A-Z]+)*)<*(?![A-Z0-9<])"
)


def _mrz_name(text: str, m: re.Match[str], base: float) -> tuple[int, int, float] | None:
    """``P<D<<MULLER<<LUKAS<<<…``: the name (surname ``<<`` given names) is the person."""
    return m.start("name"), m.end("name"), base


# A fleet or a car list: a plate at the start of a line or cell, its car's make after it
# ("S-BN 3516 — Toyota Yaris", "EG-587-MZ | Peugeot 208"). Makes that are everyday words
# (Seat, Smart, Mini) are left out.
_CAR_MAKES = (
    *("toyota", "vw", "volkswagen", "renault", "peugeot", "fiat", "bmw", "audi", "mercedes"),
    *("opel", "ford", "skoda", "škoda", "citroën", "citroen", "dacia", "kia", "hyundai"),
    *("nissan", "mazda", "volvo", "tesla", "honda", "suzuki", "porsche", "alfa romeo"),
    *("lancia", "cupra", "land rover", "vauxhall", "iveco", "mitsubishi", "subaru", "lexus"),
    *("polestar", "byd", "seat ibiza", "seat leon", "seat arona", "seat ateca", "mercedes-benz"),
    # a fleet and its inspections
    *("fleet", "fuhrpark", "fuhrparkliste", "flotte", "flota", "flotta", "wagenpark", "tüv"),
    *("hauptuntersuchung", "contrôle technique", "itv", "revisione", "mot due"),
    # (session 9) a parking fine's list: a fine is for a car
    *("parking", "parkverstoß", "falschparker", "bußgeld", "strafzettel", "verwarnungsgeld"),
    *("bußgeldliste", "bußgeldbescheid", "parkverstöße", "parking fines", "amendes"),
    *("stationnement", "amende", "aparcamiento", "multa", "sosta", "contravvenzione", "boete"),
    *("parkeerboete", "p-bot", "felparkering", "parkeringsbot"),
)
# (Austrian plates "W-82138E", "G 123 AB" beside the shapes of _PLATE_SHAPE_RE)
_AUSTRIAN_PLATE = rf"{_NOT_BEFORE}[A-Z]{{1,2}}[- ]\d{{3,5}}[ ]?[A-Z]{{1,2}}{_NOT_AFTER}"
_LISTED_PLATE_RE = (
    rf"(?m)(?:^[ \t]*(?:[-*•·][ \t]+|\d{{1,3}}[.)][ \t]+)?|[|;\t,][ \t]*)"
    rf"(?P<plate>{_PLATE_SHAPE_RE}|{_AUSTRIAN_PLATE})"
)


def _listed_plate(text: str, m: re.Match[str], base: float) -> tuple[int, int, float] | None:
    return (m.start("plate"), m.end("plate"), base) if _plate_ok(m.group("plate")) else None


def national_id_rules() -> tuple[Rule, ...]:
    """Rules for the identifiers above, in the order they are tried."""
    return (
        _rule(
            r"(?<![A-Z0-9<])[A-Z0-9<]{9}\d[A-Z<]{3}\d{7}[MFX<]\d{7}[A-Z0-9<]{14}\d\d(?![A-Z0-9<])",
            0.95,
            v.mrz_td3_line2_ok,
            (),
        ),
        # (session 9) a German health-insurance number, a Polish identity card: check digits
        _rule(
            rf"{_NOT_BEFORE}[A-Z]\d{{9}}{_NOT_AFTER}",
            0.85,
            v.german_kvnr_ok,
            (
                "krankenkasse",
                "krankenversicherung",
                "versicherten",
                "kvnr",
                "gesundheitskarte",
                "egk",
                "aok",
                "barmer",
                "techniker",
                "dak",
                "ikk",
                "bkk",
                "versichertennummer",
                "patient",
                "patientin",
            ),
            require_context=True,
        ),
        _rule(
            rf"{_NOT_BEFORE}[A-Z]{{3}} ?\d{{6}}{_NOT_AFTER}",
            0.85,
            v.polish_id_card_ok,
            (
                "dowód",
                "dowodu",
                "dowodem",
                "dowód osobisty",
                "nr dowodu",
                "seria i numer",
                "identity card",
                "id card",
            ),
            require_context=True,
        ),
        # the first line of a passport's MRZ: the holder's name after the type and country
        Rule(t.PERSON, _MRZ_NAME_RE, 0.9, _mrz_name, trigger="<<"),
        _rule(
            rf"{_NOT_BEFORE}[A-Z]{{6}}\d{{2}}[A-EHLMPR-T]\d{{2}}[A-Z]\d{{3}}[A-Z]{_NOT_AFTER}",
            0.9,
            v.italian_fiscal_code_ok,
            ("codice fiscale", "cf", "fiscal"),
            flags=re.IGNORECASE,
        ),
        _rule(
            rf"{_NOT_BEFORE}[A-Z]{{2}} ?\d{{2}} ?\d{{2}} ?\d{{2}} ?[A-D]{_NOT_AFTER}",
            0.6,
            v.uk_nino_ok,
            ("national insurance", "ni number", "nino", "ni no", "insurance number"),
        ),
        _rule(
            rf"{_NOT_BEFORE}[A-Z]{{3}}[PCHFATBLJG][A-Z]\d{{4}}[A-Z]{_NOT_AFTER}",
            0.45,
            None,
            ("pan", "permanent account", "income tax"),
        ),
        _rule(
            rf"{_NOT_BEFORE}[2-9]\d{{3}} ?\d{{4}} ?\d{{4}}{_NOT_AFTER}",
            0.55,
            v.aadhaar_ok,
            ("aadhaar", "aadhar", "uidai", "uid"),
        ),
        _rule(
            rf"{_NOT_BEFORE}\d{{3}}([ \-]?)\d{{3}}\1\d{{4}}{_NOT_AFTER}",
            0.2,
            v.nhs_number_ok,
            ("nhs", "nhs number", "nhs no", "health service", *NATIONAL_ID_WORDS),
        ),
        _rule(
            rf"{_NOT_BEFORE}[12] ?\d{{2}} ?\d{{2}} ?(?:\d{{2}}|2[AB])"
            rf" ?\d{{3}} ?\d{{3}} ?\d{{2}}{_NOT_AFTER}",
            0.6,
            v.french_nir_ok,
            ("sécurité sociale", "securite sociale", "nir", "insee", "sécu", "carte vitale"),
        ),
        _rule(
            rf"{_NOT_BEFORE}\d{{2}} ?\d{{3}} ?\d{{3}} ?\d{{3}}{_NOT_AFTER}",
            0.2,
            v.german_tax_id_ok,
            (
                "steuer-id",
                "steuerid",
                "identifikationsnummer",
                "idnr",
                "steuer",
                *NATIONAL_ID_WORDS,
            ),
        ),
        _rule(
            rf"{_NOT_BEFORE}\d{{2}} ?\d{{6}} ?[A-Z] ?\d ?\d ?\d{_NOT_AFTER}",  # "15 170349 H 66 4"
            0.7,
            v.german_pension_number_ok,
            ("sozialversicherung", "rentenversicherung", "sv-nummer", "versicherungsnummer"),
        ),
        _rule(
            rf"{_NOT_BEFORE}[CFGHJKLMNPRTVWXYZ][CFGHJKLMNPRTVWXYZ0-9]{{8}}\d{_NOT_AFTER}",
            0.45,
            v.german_id_card_ok,
            ("ausweis", "personalausweis", "reisepass", "id card", "passport"),
        ),
        _rule(
            # 123456782, 1234.56.782, 123.456.782, 123 456 782
            rf"{_NOT_BEFORE}(?:\d{{9}}|\d{{4}}\.\d{{2}}\.\d{{3}}|\d{{3}}([. ])\d{{3}}\1\d{{3}})"
            rf"{_NOT_AFTER}",
            0.2,
            v.dutch_bsn_ok,
            ("bsn", "burgerservicenummer", "sofinummer", "sofi", *NATIONAL_ID_WORDS),
        ),
        # Turkey: T.C. Kimlik No (two check digits); Poland: PESEL (birth date + check
        # digit); Brazil: CPF (two mod-11 digits); Portugal: NIF (mod 11).
        _rule(
            rf"{_NOT_BEFORE}[1-9]\d{{10}}{_NOT_AFTER}",
            0.35,
            v.turkish_tckn_ok,
            ("kimlik", "tc kimlik", "t.c. kimlik", "tckn", "t.c.", "tc no", *NATIONAL_ID_WORDS),
        ),
        _rule(
            rf"{_NOT_BEFORE}\d{{11}}{_NOT_AFTER}",
            0.35,
            v.polish_pesel_ok,
            ("pesel", "numer pesel", *NATIONAL_ID_WORDS),
        ),
        _rule(
            rf"{_NOT_BEFORE}\d{{3}}\.?\d{{3}}\.?\d{{3}}-?\d{{2}}{_NOT_AFTER}",
            0.35,
            None,
            ("cpf", "cadastro de pessoas", *NATIONAL_ID_WORDS),
            validator=_cpf,
        ),
        _rule(
            rf"{_NOT_BEFORE}\d{{3}} ?\d{{3}} ?\d{{3}}{_NOT_AFTER}",
            0.2,
            v.portuguese_nif_ok,
            ("nif", "contribuinte", "número fiscal", "numero fiscal", *NATIONAL_ID_WORDS),
        ),
        _rule(
            rf"{_NOT_BEFORE}756[. ]?\d{{4}}[. ]?\d{{4}}[. ]?\d{{2}}{_NOT_AFTER}",
            0.9,
            v.swiss_ahv_ok,
            ("ahv", "avs", "sozialversicherungsnummer"),
        ),
        *_plate_rules(),
        # Driving-licence numbers typed in groups ("036 148 110", "X282-036-49-942-0").
        _rule(
            rf"{_NOT_BEFORE}[A-Z]?\d{{3,4}}(?:[ \-]\d{{1,4}}){{2,4}}{_NOT_AFTER}",
            0.5,
            None,
            _LICENCE_CONTEXT,
            require_context=True,
        ),
    )


def _plate_rules() -> tuple[Rule, ...]:
    """Plates by a plate word, by what is done with a car, in a fleet list: ``LICENSE_PLATE``."""
    return tuple(
        _rule(
            pattern,
            0.85,
            None,
            context,
            require_context=True,
            validator=check,
            entity_type=t.LICENSE_PLATE,
        )
        for pattern, context, check in (
            (_PLATE_RE, _PLATE_CONTEXT, _plate),
            (_PLATE_SHAPE_RE, _VEHICLE_VERBS, _plate),
            (_LISTED_PLATE_RE, _CAR_MAKES, _listed_plate),
        )
    )


def checked_id_rules() -> tuple[Rule, ...]:
    """The rules above whose identifier has a check (not plates, not licence shapes)."""
    return tuple(
        r
        for r in national_id_rules()
        if r.validator is not None and r.validator not in (_plate, _listed_plate) and r.context
    )
