"""Check digits and formats, written apart from the generators so a generator bug shows."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
IBAN_LENGTH = {
    "DE": 22,
    "AT": 20,
    "CH": 21,
    "ES": 24,
    "FR": 27,
    "IT": 27,
    "GB": 22,
    "IE": 22,
    "NL": 18,
    "BE": 16,
    "PT": 25,
}


def alnum(text: str) -> str:
    """Upper-case letters and digits only."""
    return "".join(c for c in text.upper() if c.isalnum())


def luhn_ok(text: str) -> bool:
    digits = [int(c) for c in text if c.isdigit()]
    if len(digits) not in (15, 16) or len(digits) != len(alnum(text)):
        return False
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def iban_ok(text: str) -> bool:
    raw = alnum(text)
    if IBAN_LENGTH.get(raw[:2]) != len(raw):
        return False
    moved = raw[4:] + raw[:4]
    number = "".join(str(LETTERS.index(c) + 10) if c.isalpha() else c for c in moved)
    return int(number) % 97 == 1


def dni_ok(text: str) -> bool:
    raw = alnum(text)
    table = "TRWAGMYFPDXBNJZSQVHLCKE"
    if re.fullmatch(r"\d{8}[A-Z]", raw):
        return table[int(raw[:8]) % 23] == raw[8]
    if re.fullmatch(r"[XYZ]\d{7}[A-Z]", raw):
        return table[int(str("XYZ".index(raw[0])) + raw[1:8]) % 23] == raw[8]
    return False


def cf_ok(text: str) -> bool:
    if not re.fullmatch(r"[A-Z]{6}\d{2}[ABCDEHLMPRST]\d{2}[A-Z]\d{3}[A-Z]", text):
        return False
    odd = dict(zip("0123456789", (1, 0, 5, 7, 9, 13, 15, 17, 19, 21), strict=True))
    odd.update(
        zip(
            LETTERS,
            (
                1,
                0,
                5,
                7,
                9,
                13,
                15,
                17,
                19,
                21,
                2,
                4,
                18,
                20,
                11,
                3,
                6,
                8,
                12,
                14,
                16,
                10,
                22,
                25,
                24,
                23,
            ),
            strict=True,
        )
    )
    total = 0
    for pos, c in enumerate(text[:15], start=1):
        total += odd[c] if pos % 2 else (int(c) if c.isdigit() else LETTERS.index(c))
    day = int(text[9:11])
    return LETTERS[total % 26] == text[15] and (1 <= day <= 31 or 41 <= day <= 71)


def nir_ok(text: str) -> bool:
    raw = alnum(text)
    return (
        bool(re.fullmatch(r"[12]\d{14}", raw))
        and 97 - int(raw[:13]) % 97 == int(raw[13:])
        and 1 <= int(raw[3:5]) <= 12
    )


def steuer_ok(text: str) -> bool:
    raw = alnum(text)
    if not re.fullmatch(r"[1-9]\d{10}", raw):
        return False
    counts = sorted((raw[:10].count(d) for d in set(raw[:10])), reverse=True)
    if counts[0] not in (2, 3) or counts.count(counts[0]) != 1 or any(c != 1 for c in counts[1:]):
        return False
    product = 10
    for c in raw[:10]:
        total = (int(c) + product) % 10
        if total == 0:
            total = 10
        product = (total * 2) % 11
    check = 11 - product
    return (0 if check == 10 else check) == int(raw[10])


def nino_ok(text: str) -> bool:
    raw = alnum(text)
    bad = {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"}
    return (
        bool(re.fullmatch(r"[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]", raw))
        and raw[:2] not in bad
    )


def ssn_ok(text: str) -> bool:
    parts = re.findall(r"\d+", text)
    if [len(p) for p in parts] != [3, 2, 4]:
        return False
    area, group, serial = (int(p) for p in parts)
    return 0 < area < 900 and area != 666 and group > 0 and serial > 0


def ahv_ok(text: str) -> bool:
    raw = alnum(text)
    if not re.fullmatch(r"756\d{10}", raw):
        return False
    total = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(raw[:12]))
    return (10 - total % 10) % 10 == int(raw[12])


def kvnr_ok(text: str) -> bool:
    if not re.fullmatch(r"[A-Z]\d{9}", text):
        return False
    seq = f"{LETTERS.index(text[0]) + 1:02d}" + text[1:9]
    total = 0
    for i, c in enumerate(seq):
        value = int(c) * (2 if i % 2 else 1)
        total += sum(int(x) for x in str(value))
    return total % 10 == int(text[9])


def nhs_ok(text: str) -> bool:
    raw = alnum(text)
    if not re.fullmatch(r"\d{10}", raw):
        return False
    rest = sum(int(c) * (10 - i) for i, c in enumerate(raw[:9])) % 11
    check = 0 if rest == 0 else 11 - rest
    return check != 10 and check == int(raw[9])


def ppsn_ok(text: str) -> bool:
    m = re.fullmatch(r"(\d{7})([A-W])([A-IW]?)", text)
    if not m:
        return False
    total = sum(int(c) * (8 - i) for i, c in enumerate(m.group(1)))
    if m.group(3) and m.group(3) != "W":
        total += 9 * (LETTERS.index(m.group(3)) + 1)
    rem = total % 23
    return m.group(2) == ("W" if rem == 0 else LETTERS[rem - 1])


def svnr_ok(text: str) -> bool:
    raw = alnum(text)
    if not re.fullmatch(r"[1-9]\d{9}", raw):
        return False
    weights = (3, 7, 9, 0, 5, 8, 4, 2, 1, 6)
    check = sum(int(c) * w for c, w in zip(raw, weights, strict=True)) % 11
    return check == int(raw[3]) and _real_date(
        int(raw[4:6]), int(raw[6:8]), (2000 if int(raw[8:10]) <= 26 else 1900) + int(raw[8:10])
    )


def be_ok(text: str) -> bool:
    raw = alnum(text)
    if not re.fullmatch(r"\d{11}", raw):
        return False
    body, check = int(raw[:9]), int(raw[9:])
    return 97 - body % 97 == check or 97 - int("2" + raw[:9]) % 97 == check


def mrz_ok(text: str) -> bool:
    if len(text) != 44 or not re.fullmatch(r"[A-Z0-9<]+", text):
        return False

    def digit(chunk: str) -> str:
        values = [
            0 if c == "<" else int(c) if c.isdigit() else LETTERS.index(c) + 10 for c in chunk
        ]
        return str(sum(v * (7, 3, 1)[i % 3] for i, v in enumerate(values)) % 10)

    fields = ((0, 9, 9), (13, 19, 19), (21, 27, 27), (28, 42, 42))
    if any(digit(text[a:b]) != text[c] for a, b, c in fields):
        return False
    composite = text[0:10] + text[13:20] + text[21:43]
    return digit(composite) == text[43]


def plate_ok(text: str) -> bool:
    shapes = (
        r"[A-Z]{1,3}-[A-Z]{1,2} \d{1,4}",
        r"[A-Z]{2}-\d{3}-[A-Z]{2}",
        r"[A-Z]{2} ?\d{3}[A-Z]{2}",
        r"\d{4} [B-DF-HJ-NP-TV-Z]{3}",
        r"[A-Z]{2}\d{2} [A-Z]{3}",
        r"W-\d{3,5} [A-Z]",
        r"ZH \d{5,6}",
    )
    return any(re.fullmatch(s, text) for s in shapes)


def _real_date(day: int, month: int, year: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


MONTH_WORDS = {
    **{
        m: i
        for i, m in enumerate(
            [
                "january",
                "february",
                "march",
                "april",
                "may",
                "june",
                "july",
                "august",
                "september",
                "october",
                "november",
                "december",
            ],
            1,
        )
    },
    **{
        m: i
        for i, m in enumerate(
            [
                "januar",
                "februar",
                "märz",
                "april",
                "mai",
                "juni",
                "juli",
                "august",
                "september",
                "oktober",
                "november",
                "dezember",
            ],
            1,
        )
    },
    **{
        m: i
        for i, m in enumerate(
            [
                "enero",
                "febrero",
                "marzo",
                "abril",
                "mayo",
                "junio",
                "julio",
                "agosto",
                "septiembre",
                "octubre",
                "noviembre",
                "diciembre",
            ],
            1,
        )
    },
    **{
        m: i
        for i, m in enumerate(
            [
                "janvier",
                "février",
                "mars",
                "avril",
                "mai",
                "juin",
                "juillet",
                "août",
                "septembre",
                "octobre",
                "novembre",
                "décembre",
            ],
            1,
        )
    },
    **{
        m: i
        for i, m in enumerate(
            [
                "gennaio",
                "febbraio",
                "marzo",
                "aprile",
                "maggio",
                "giugno",
                "luglio",
                "agosto",
                "settembre",
                "ottobre",
                "novembre",
                "dicembre",
            ],
            1,
        )
    },
}


def birth_dates(text: str) -> list[dt.date]:
    """Every reading of ``text`` as a calendar date (day/month order unknown)."""
    tokens = re.findall(r"\d+|[^\W\d_]+", text.lower())
    numbers: list[tuple[int, int]] = []  # (value, digits)
    for tok in tokens:
        if tok.isdigit():
            numbers.append((int(tok), len(tok)))
        elif tok in MONTH_WORDS:
            numbers.append((MONTH_WORDS[tok], -1))
        elif tok not in ("de", "of"):
            return []
    if len(numbers) != 3:
        return []
    found = []
    for y_at in (0, 2):
        year, width = numbers[y_at]
        rest = [numbers[i] for i in range(3) if i != y_at]
        full_year = (
            year
            if width == 4
            else (1900 + year if year > 26 else 2000 + year)
            if width == 2
            else -1
        )
        if full_year < 0:
            continue
        for (d, _), (m, _) in (rest, rest[::-1]):
            if _real_date(d, m, full_year):
                found.append(dt.date(full_year, m, d))
    return found


def dob_ok(text: str, today: dt.date) -> bool:
    return any(dt.date(1900, 1, 1) <= d < today for d in birth_dates(text))


CHECKS: dict[str, Callable[[str], bool]] = {
    "card": luhn_ok,
    "iban": iban_ok,
    "dni": dni_ok,
    "nie": dni_ok,
    "codice_fiscale": cf_ok,
    "nir": nir_ok,
    "steuer_id": steuer_ok,
    "nino": nino_ok,
    "ssn": ssn_ok,
    "ahv": ahv_ok,
    "kvnr": kvnr_ok,
    "nhs": nhs_ok,
    "ppsn": ppsn_ok,
    "svnr": svnr_ok,
    "be_nn": be_ok,
    "mrz": mrz_ok,
    "plate": plate_ok,
    "passport": lambda t: bool(re.fullmatch(r"[A-Z0-9]{9}", t)),
    "pan": lambda t: bool(re.fullmatch(r"[A-Z]{3}P[A-Z]\d{4}[A-Z]", t)),
    "bsn": lambda t: (
        bool(re.fullmatch(r"\d{9}", t))
        and sum(int(c) * w for c, w in zip(t, (9, 8, 7, 6, 5, 4, 3, 2, -1), strict=True)) % 11 == 0
    ),
}
