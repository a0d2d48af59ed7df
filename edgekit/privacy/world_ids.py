"""National identifiers of more locales, each with its published check.

Nordic personal numbers (SE Luhn, NO two mod-11 digits, FI mod-31 letter, DK
date), Belgium's national number (mod 97), Czech/Slovak birth numbers (mod 11),
Romania's CNP, Austria's social-insurance number, Ireland's PPS number (mod 23),
Greece's AMKA and South Africa's ID (Luhn and a birth date), China's resident ID
(ISO 7064 MOD 11-2), South Korea's RRN, Japan's My Number, Singapore's NRIC/FIN,
Canada's SIN (Luhn), Mexico's CURP (shape, state and date), Chile's RUT and
Argentina's CUIT (mod 11), Israel's Teudat Zehut, Russia's SNILS, Australia's TFN and
Medicare number, Thailand's national ID and Indonesia's NIK.

A shape that is distinctive once it validates (a Finnish HETU, a CURP, an NRIC, an
18-character Chinese ID) passes the strict cut on its own; a bare run of digits
(SIN, My Number, TZ, AMKA …) counts only next to its context word, which may also
be its column header (see :mod:`edgekit.privacy.structure`).
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from edgekit.privacy import types as t
from edgekit.privacy import validators as v
from edgekit.privacy.detectors import Rule, lower_same_length, words_re
from edgekit.privacy.national_ids import NATIONAL_ID_WORDS, checked, checked_id_rules
from edgekit.privacy.normalize import spellings

_B = r"(?<![\w\-./])"
_A = r"(?![\w\-]|[./]\d)"


def _date(year: int, month: int, day: int) -> bool:
    """A real past date from 1800 (birth numbers of the 1800s still validate)."""
    return v.date_ok(year, month, day, earliest=1800)


def _two_digit_year(yy: int) -> int:
    """The latest past year ending in ``yy``."""
    now = _dt.date.today().year
    return 2000 + yy if 2000 + yy <= now else 1900 + yy


def sweden_personnummer_ok(value: str) -> bool:
    """YYMMDD-NNNC or YYYYMMDD-NNNC: a date (day + 60 for a coordination number) and a
    Luhn digit over the ten-digit form."""
    d = v.digits_only(value)[-10:]
    if len(v.digits_only(value)) not in (10, 12):
        return False
    day = int(d[4:6]) % 60 if int(d[4:6]) > 60 else int(d[4:6])
    year = int(v.digits_only(value)[:4]) if len(v.digits_only(value)) == 12 else None
    return _date(year or _two_digit_year(int(d[:2])), int(d[2:4]), day) and v.luhn_ok(d)


def norway_fodselsnummer_ok(value: str) -> bool:
    """DDMMYY + three digits + two mod-11 check digits (day + 40 for a D number)."""
    d = [int(c) for c in v.digits_only(value)]
    if len(d) != 11:
        return False
    k1 = 11 - sum(x * w for x, w in zip(d, (3, 7, 6, 1, 8, 9, 4, 5, 2), strict=False)) % 11
    k2 = 11 - sum(x * w for x, w in zip(d, (5, 4, 3, 2, 7, 6, 5, 4, 3, 2), strict=False)) % 11
    if (k1 % 11) != d[9] or (k2 % 11) != d[10]:
        return False
    day = d[0] * 10 + d[1]
    return _date(_two_digit_year(d[4] * 10 + d[5]), d[2] * 10 + d[3], day - 40 if day > 40 else day)


_HETU_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"
_HETU_CENTURY = {"+": 1800, "-": 1900, "A": 2000}


def finland_hetu_ok(value: str) -> bool:
    """DDMMYY, a century sign (+ - A … F, U … Y), three digits and a mod-31 check letter."""
    if len(value) != 11 or not (value[:6] + value[7:10]).isdigit():
        return False
    century = _HETU_CENTURY.get(value[6], 1900 if value[6] in "UVWXY" else 2000)
    if value[6] not in "+-ABCDEFUVWXY":
        return False
    if not _date(century + int(value[4:6]), int(value[2:4]), int(value[:2])):
        return False
    return _HETU_CHECK[int(value[:6] + value[7:10]) % 31] == value[10]


def denmark_cpr_ok(value: str) -> bool:
    """DDMMYY-SSSS: a real date (the mod-11 check was dropped in 2007)."""
    d = v.digits_only(value)
    return len(d) == 10 and _date(_two_digit_year(int(d[4:6])), int(d[2:4]), int(d[:2]))


def belgium_national_number_ok(value: str) -> bool:
    """YY.MM.DD-SSS.CC: 97 minus the first nine digits mod 97 (with a leading 2 after 1999)."""
    d = v.digits_only(value)
    if len(d) != 11:
        return False
    check = int(d[9:])
    return 97 - int(d[:9]) % 97 == check or 97 - int("2" + d[:9]) % 97 == check


def czech_birth_number_ok(value: str) -> bool:
    """YYMMDD/SSSC: the ten digits divisible by 11 (or the mod-11 rest 10 written 0), month
    + 50 (women) or + 20 (since 2004)."""
    d = v.digits_only(value)
    if len(d) != 10:
        return False
    rest = int(d[:9]) % 11
    if not (int(d) % 11 == 0 or (rest == 10 and d[9] == "0")):
        return False
    month = int(d[2:4]) % 50
    month = month - 20 if month > 20 else month
    return _date(_two_digit_year(int(d[:2])), month, int(d[4:6]))


def romania_cnp_ok(value: str) -> bool:
    """S YYMMDD JJ NNN C: a sex/century digit, a date and the weighted check digit."""
    d = v.digits_only(value)
    if len(d) != 13 or d[0] == "0":
        return False
    total = sum(int(c) * int(w) for c, w in zip(d, "279146358279", strict=False))
    check = total % 11
    if (1 if check == 10 else check) != int(d[12]):
        return False
    century = {"1": 1900, "2": 1900, "3": 1800, "4": 1800, "5": 2000, "6": 2000}.get(d[0], 1900)
    return _date(century + int(d[1:3]), int(d[3:5]), int(d[5:7]))


def austria_svnr_ok(value: str) -> bool:
    """NNNC DDMMYY: the check digit C from weights 3-7-9-5-8-4-2-1-6 mod 11."""
    d = [int(c) for c in v.digits_only(value)]
    if len(d) != 10 or d[0] == 0:
        return False
    total = sum(x * w for x, w in zip(d, (3, 7, 9, 0, 5, 8, 4, 2, 1, 6), strict=False))
    return total % 11 == d[3] and _date(
        _two_digit_year(d[8] * 10 + d[9]), d[6] * 10 + d[7], d[4] * 10 + d[5]
    )


def ireland_pps_ok(value: str) -> bool:
    """Seven digits and a mod-23 check letter (an optional second letter counts × 9)."""
    m = re.fullmatch(r"(\d{7})([A-W])([A-IW]?)", value.replace(" ", "").upper())
    if m is None:
        return False
    total = sum(int(c) * (8 - i) for i, c in enumerate(m.group(1)))
    if m.group(3):
        total += (ord(m.group(3)) - 64) % 23 * 9
    return "WABCDEFGHIJKLMNOPQRSTUV"[total % 23] == m.group(2)


def luhn_date_ok(value: str) -> bool:
    """Greek AMKA (DDMMYY + 5, 11 digits) or South African ID (YYMMDD + 7, 13 digits):
    a birth date and a Luhn digit."""
    d = v.digits_only(value)
    if len(d) == 11:
        ok = _date(_two_digit_year(int(d[4:6])), int(d[2:4]), int(d[:2]))
    elif len(d) == 13:
        ok = _date(_two_digit_year(int(d[:2])), int(d[2:4]), int(d[4:6]))
    else:
        return False
    return ok and v.luhn_ok(d)


def china_resident_id_ok(value: str) -> bool:
    """17 digits (region, YYYYMMDD, sequence) and an ISO 7064 MOD 11-2 check (0-9 or X)."""
    if len(value) != 18 or not value[:17].isdigit():
        return False
    total = sum(int(c) * (2 ** (17 - i) % 11) for i, c in enumerate(value[:17]))
    check = (12 - total % 11) % 11
    expected = "X" if check == 10 else str(check)
    return value[17].upper() == expected and _date(
        int(value[6:10]), int(value[10:12]), int(value[12:14])
    )


def korea_rrn_ok(value: str) -> bool:
    """YYMMDD-SNNNNNC: a date (the seventh digit gives the century) and the weighted check."""
    d = v.digits_only(value)
    if len(d) != 13 or d[6] not in "1234":
        return False
    century = 1900 if d[6] in "12" else 2000
    if not _date(century + int(d[:2]), int(d[2:4]), int(d[4:6])):
        return False
    total = sum(int(c) * w for c, w in zip(d, (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5), strict=False))
    return (11 - total % 11) % 10 == int(d[12])


def japan_my_number_ok(value: str) -> bool:
    """Twelve digits; the last from weights 2-7 over the first eleven, mod 11."""
    d = [int(c) for c in v.digits_only(value)]
    if len(d) != 12:
        return False
    total = sum(d[10 - i] * (i + 2 if i < 6 else i - 4) for i in range(11))
    rest = total % 11
    return (0 if rest <= 1 else 11 - rest) == d[11]


_NRIC_ST = "JZIHGFEDCBA"
_NRIC_FG = "XWUTRQPNMLK"
_NRIC_M = "XWUTRQPNJLK"


def singapore_nric_ok(value: str) -> bool:
    """S/T/F/G/M, seven digits and a check letter (weights 2-7-6-5-4-3-2)."""
    value = value.upper()
    if not re.fullmatch(r"[STFGM]\d{7}[A-Z]", value):
        return False
    total = sum(int(c) * w for c, w in zip(value[1:8], (2, 7, 6, 5, 4, 3, 2), strict=False))
    total += {"T": 4, "G": 4, "M": 3}.get(value[0], 0)
    table = _NRIC_ST if value[0] in "ST" else _NRIC_M if value[0] == "M" else _NRIC_FG
    return table[total % 11] == value[-1]


def canada_sin_ok(value: str) -> bool:
    """Nine digits with a Luhn digit."""
    d = v.digits_only(value)
    return len(d) == 9 and len(set(d)) > 1 and v.luhn_ok(d)


_CURP_STATES = frozenset(
    {
        "AS",
        "BC",
        "BS",
        "CC",
        "CL",
        "CM",
        "CS",
        "CH",
        "DF",
        "DG",
        "GT",
        "GR",
        "HG",
        "JC",
        "MC",
        "MN",
        "MS",
        "NT",
        "NL",
        "OC",
        "PL",
        "QT",
        "QR",
        "SP",
        "SL",
        "SR",
        "TC",
        "TS",
        "TL",
        "VZ",
        "YN",
        "ZS",
        "NE",
    }
)


def mexico_curp_ok(value: str) -> bool:
    """Four letters, YYMMDD, H/M, a state code, three consonants, a homonym character and a
    digit. (The check digit is not verified: published examples disagree on it.)"""
    value = value.upper()
    if not re.fullmatch(r"[A-Z]{4}\d{6}[HMX][A-Z]{5}[0-9A-Z]\d", value):
        return False
    if value[11:13] not in _CURP_STATES:
        return False
    year = (2000 if value[16].isalpha() else 1900) + int(value[4:6])
    return _date(year, int(value[6:8]), int(value[8:10]))


def chile_rut_ok(value: str) -> bool:
    """Digits and a mod-11 check character (0-9 or K), weights 2-7 from the right."""
    body, _, check = value.replace(".", "").upper().partition("-")
    if not body.isdigit() or len(check) != 1 or not 6 <= len(body) <= 8:
        return False
    total = sum(int(c) * (2 + i % 6) for i, c in enumerate(reversed(body)))
    expected = 11 - total % 11
    return check == ("0" if expected == 11 else "K" if expected == 10 else str(expected))


def argentina_cuit_ok(value: str) -> bool:
    """XX-DDDDDDDD-C: a type prefix (20, 23, 24, 27 people; 30, 33, 34 companies) and a
    mod-11 check digit."""
    d = [int(c) for c in v.digits_only(value)]
    if len(d) != 11 or d[0] * 10 + d[1] not in (20, 23, 24, 27, 30, 33, 34):
        return False
    total = sum(x * w for x, w in zip(d, (5, 4, 3, 2, 7, 6, 5, 4, 3, 2), strict=False))
    check = 11 - total % 11
    return {11: 0, 10: 9}.get(check, check) == d[10]


def israel_id_ok(value: str) -> bool:
    """Nine digits (shorter ones left-padded with 0) with a Luhn-style check."""
    d = v.digits_only(value)
    return 5 <= len(d) <= 9 and v.luhn_ok(d.zfill(9)) and int(d) != 0


def russia_snils_ok(value: str) -> bool:
    """XXX-XXX-XXX YY: the check number from weights 9 … 1 (mod 101, 100 → 00)."""
    d = v.digits_only(value)
    if len(d) != 11:
        return False
    total = sum(int(c) * (9 - i) for i, c in enumerate(d[:9]))
    check = total if total < 100 else 0 if total in (100, 101) else total % 101 % 100
    return check == int(d[9:])


def australia_tfn_ok(value: str) -> bool:
    """Tax file number: eight or nine digits, weights 1-4-3-7-5-8-6-9-10, sum mod 11 = 0."""
    d = [int(c) for c in v.digits_only(value)]
    weights = (1, 4, 3, 7, 5, 8, 6, 9, 10) if len(d) == 9 else (10, 7, 8, 4, 6, 3, 5, 1)
    return len(d) in (8, 9) and sum(x * w for x, w in zip(d, weights, strict=False)) % 11 == 0


def australia_medicare_ok(value: str) -> bool:
    """Medicare card number: ten digits (an eleventh is the person's position), first 2-6,
    the ninth the weighted sum (1-3-7-9-1-3-7-9) of the first eight mod 10."""
    d = [int(c) for c in v.digits_only(value)]
    if len(d) not in (10, 11) or not 2 <= d[0] <= 6:
        return False
    return sum(x * w for x, w in zip(d, (1, 3, 7, 9, 1, 3, 7, 9), strict=False)) % 10 == d[8]


def thailand_id_ok(value: str) -> bool:
    """Thai national ID: 13 digits, the last (11 − Σ dᵢ·(13 − i) mod 11) mod 10."""
    d = [int(c) for c in v.digits_only(value)]
    if len(d) != 13 or d[0] == 0:
        return False
    return (11 - sum(x * (13 - i) for i, x in enumerate(d[:12])) % 11) % 10 == d[12]


def indonesia_nik_ok(value: str) -> bool:
    """NIK: 16 digits, a region code, DDMMYY (day + 40 for women) and a sequence."""
    d = v.digits_only(value)
    if len(d) != 16:
        return False
    day = int(d[6:8])
    return _date(_two_digit_year(int(d[10:12])), int(d[8:10]), day - 40 if day > 40 else day)


@dataclass(frozen=True, slots=True)
class _Shape:
    """One scheme: its written form, base score, check and context words; ``formatted`` is
    added when the value holds a separator (``811218-9876`` rather than ``8112189876``)."""

    pattern: str
    base: float
    accept: Callable[[str], bool]
    context: tuple[str, ...]
    formatted: float = 0.0

    @property
    def compiled(self) -> re.Pattern[str]:
        return _compiled(self.pattern)


_COMPILED: dict[str, re.Pattern[str]] = {}


def _compiled(pattern: str) -> re.Pattern[str]:
    if pattern not in _COMPILED:
        _COMPILED[pattern] = re.compile(pattern)
    return _COMPILED[pattern]


# Numbers that start with a digit: one scan finds runs of digits, capitals and separators,
# and each run (or its space-separated parts) is tried against every shape.
_SHAPES = (
    _Shape(
        r"(?:\d{2})?\d{6}[-+]?\d{4}",
        0.2,
        sweden_personnummer_ok,
        ("personnummer", "personnr", "samordningsnummer", "pnr"),
        0.25,
    ),
    _Shape(
        r"\d{6} ?\d{5}",
        0.3,
        norway_fodselsnummer_ok,
        ("fødselsnummer", "fødselsnr", "fodselsnummer", "personnummer", "d-nummer"),
    ),
    _Shape(
        r"\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]",
        0.8,
        finland_hetu_ok,
        ("henkilötunnus", "hetu", "henkilotunnus", "personbeteckning"),
    ),
    _Shape(
        r"\d{6}-?\d{4}",
        0.1,
        denmark_cpr_ok,
        ("cpr", "cpr-nr", "cpr-nummer", "cpr nr", "personnummer"),
    ),
    _Shape(
        r"\d{2}\.?\d{2}\.?\d{2}[-.]?\d{3}\.?\d{2}",
        0.2,
        belgium_national_number_ok,
        (
            "rijksregisternummer",
            "numéro national",
            "numero national",
            "insz",
            "niss",
            "registre national",
            "rijksregister",
            "nn",
        ),
        0.2,
    ),
    _Shape(
        r"\d{6}/?\d{4}",
        0.2,
        czech_birth_number_ok,
        ("rodné číslo", "rodne cislo", "rč", "birth number", "rodné č"),
        0.25,
    ),
    _Shape(
        r"[1-8]\d{12}",
        0.35,
        romania_cnp_ok,
        ("cnp", "cod numeric personal", "codul numeric personal"),
    ),
    _Shape(
        r"\d{4} ?\d{6}",
        0.1,
        austria_svnr_ok,
        ("sozialversicherungsnummer", "svnr", "sv-nr", "versicherungsnummer", "sv-nummer"),
    ),
    _Shape(
        r"\d{7} ?[A-W][A-IW]?",
        0.35,
        ireland_pps_ok,
        ("pps", "ppsn", "pps number", "personal public service"),
    ),
    _Shape(
        r"\d{11}|\d{13}|\d{6} \d{4} \d{3}",
        0.2,
        luhn_date_ok,
        ("amka", "αμκα", "α.μ.κ.α", "id number", "identity number", "sa id", "rsa id"),
    ),
    _Shape(
        r"\d{17}[\dX]", 0.8, china_resident_id_ok, ("身份证", "身份证号", "resident id", "id card")
    ),
    _Shape(
        r"\d{6}-?[1-4]\d{6}",
        0.5,
        korea_rrn_ok,
        ("주민등록번호", "주민번호", "rrn", "resident registration"),
        0.2,
    ),
    _Shape(
        r"\d{4} ?\d{4} ?\d{4}",
        0.1,
        japan_my_number_ok,
        ("マイナンバー", "個人番号", "my number", "mynumber"),
    ),
    _Shape(
        r"\d{3}[ -]?\d{3}[ -]?\d{3}",
        0.1,
        canada_sin_ok,
        ("sin", "social insurance", "numéro d'assurance sociale", "nas"),
    ),
    _Shape(
        r"\d{1,2}\.?\d{3}\.?\d{3}-[\dK]", 0.5, chile_rut_ok, ("rut", "run", "rol único tributario")
    ),
    _Shape(r"(?:20|23|24|27|30|33|34)-?\d{8}-?\d", 0.35, argentina_cuit_ok, ("cuit", "cuil"), 0.25),
    _Shape(
        r"\d{9}", 0.05, israel_id_ok, ("teudat zehut", "תעודת זהות", "ת.ז", 'ת"ז', "israeli id")
    ),
    _Shape(
        r"\d{3}-?\d{3}-?\d{3}[ -]?\d{2}",
        0.2,
        russia_snils_ok,
        ("снилс", "snils", "страховой номер"),
        0.2,
    ),
    _Shape(r"\d{3} ?\d{3} ?\d{2,3}", 0.1, australia_tfn_ok, ("tfn", "tax file number")),
    _Shape(
        r"[2-6]\d{3} ?\d{5} ?\d(?:[ -]?\d)?",
        0.1,
        australia_medicare_ok,
        ("medicare", "medicare number", "medicare card"),
    ),
    _Shape(
        r"\d{13}|\d-\d{4}-\d{5}-\d{2}-\d",
        0.2,
        thailand_id_ok,
        ("เลขประจำตัวประชาชน", "บัตรประชาชน", "thai id", "national id card"),
    ),
    _Shape(r"\d{16}", 0.1, indonesia_nik_ok, ("nik", "ktp", "nomor induk kependudukan")),
    # Russian internal passport: series and number, no check digit
    _Shape(r"\d{2} ?\d{2} ?\d{6}", 0.1, bool, ("паспорт", "паспорта", "серия", "passport")),
)
_CANDIDATE = re.compile(r"\d(?<![\w\-./]\d)[\dA-Z.\-/+ ]{4,22}[\dA-Z](?![\w\-]|[./]\d)")
_MAX_PARTS = 6


# One fullmatch tells whether any shape fits at all (most runs are phones and dates).
_ANY_SHAPE = re.compile("|".join(f"(?:{shape.pattern})" for shape in _SHAPES))
_MIN_DIGITS = 7


def _best_shape(value: str) -> float | None:
    """The highest base score of a shape that ``value`` has and passes, or None."""
    if sum(c.isdigit() for c in value) < _MIN_DIGITS or not _ANY_SHAPE.fullmatch(value):
        return None
    best: float | None = None
    for shape in _SHAPES:
        if shape.compiled.fullmatch(value) and shape.accept(value):
            score = shape.base + (shape.formatted if any(c in value for c in "-./ +") else 0.0)
            best = score if best is None else max(best, score)
    return best


def _dispatch(text: str, m: re.Match[str], base: float) -> tuple[int, int, float] | None:
    """The longest space-separated part of a candidate run that is a valid identifier."""
    run = m.group(0)
    parts = [(p.start(), p.end()) for p in re.finditer(r"\S+", run)][:_MAX_PARTS]
    digits = [0]  # digits in parts[:i]
    for a, b in parts:
        digits.append(digits[-1] + sum(c.isdigit() for c in run[a:b]))
    for width in range(len(parts), 0, -1):
        for i in range(len(parts) - width + 1):
            if digits[i + width] - digits[i] < _MIN_DIGITS:
                continue
            start, end = parts[i][0], parts[i + width - 1][1]
            score = _best_shape(run[start:end])
            if score is not None:
                return m.start() + start, m.start() + end, score
    return None


def world_id_rules() -> tuple[Rule, ...]:
    """One rule for every digit-led identifier above, and one each for CURP and NRIC."""
    context = tuple(dict.fromkeys(w for s in _SHAPES for w in s.context))
    return (
        Rule(t.ID_NUMBER, _CANDIDATE, 0.0, _dispatch, (*context, *NATIONAL_ID_WORDS)),
        Rule(
            t.ID_NUMBER,
            re.compile(rf"{_B}[STFGM]\d{{7}}[A-Z]{_A}"),
            0.8,
            checked(singapore_nric_ok),
            ("nric", "fin", "ic number", "ic no", *NATIONAL_ID_WORDS),
        ),
        Rule(
            t.ID_NUMBER,
            re.compile(rf"{_B}[A-Z]{{4}}\d{{6}}[HMX][A-Z]{{5}}[0-9A-Z]\d{_A}"),
            0.85,
            checked(mexico_curp_ok),
            ("curp", *NATIONAL_ID_WORDS),
        ),
    )


def named_id(value: str, words: str) -> bool:
    """``value`` passes the check of an identifier that ``words`` name (its label, the
    type field beside it): ``SV-Nummer`` + ``1237 010180``, ``SIN`` + ``046 454 286``."""
    by_word = _schemes_by_word()
    named = {
        r for m in _any_scheme_word().finditer(words.lower()) for r in by_word.get(m.group(0), ())
    }
    return any(scheme.accepts(value) for scheme in named)


def scheme_words(text: str) -> Iterator[re.Match[str]]:
    """Where ``text`` (lower case) names an identifier with a check."""
    return _any_scheme_word().finditer(text)


_LAST_ENDS: list[tuple[str, list[int]]] = []


def scheme_word_ends(text: str) -> list[int]:
    """The sorted end offsets of the words in ``text`` that name an identifier with a
    check; the last text's are kept, so the phone rule and the labelled reader of one scan
    search it once."""
    last = _LAST_ENDS[0] if _LAST_ENDS else None
    if last is not None and last[0] is text:
        return last[1]
    ends = [m.end() for m in scheme_words(lower_same_length(text))]
    _LAST_ENDS[:] = [(text, ends)]
    return ends


@functools.cache
def _any_scheme_word() -> re.Pattern[str]:
    pattern = words_re(_schemes_by_word())
    assert pattern is not None
    return pattern


@functools.cache
def _schemes_by_word() -> dict[str, tuple[Rule, ...]]:
    """Every spelling of a context word (look-alike letters folded too) → its schemes."""
    by_word: dict[str, list[Rule]] = {}
    for scheme in _checked_schemes():
        for word in scheme.context:
            for spelling in spellings(word):
                by_word.setdefault(spelling, []).append(scheme)
    return {w: tuple(dict.fromkeys(rules)) for w, rules in by_word.items()}


@functools.cache
def _checked_schemes() -> tuple[Rule, ...]:
    """A rule for every identifier with a check, with its own context words only."""
    shapes = tuple(
        Rule(t.ID_NUMBER, s.compiled, s.base, checked(s.accept), s.context)
        for s in _SHAPES
        if s.accept is not bool
    )
    return shapes + checked_id_rules()
