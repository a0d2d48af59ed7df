"""Checksums and structural rules that turn pattern candidates into findings."""

from __future__ import annotations

import datetime as _dt
import ipaddress
import math
from collections import Counter

# Lengths of IBANs per country (ISO 13616 registry, common SEPA + others).
IBAN_LENGTHS: dict[str, int] = {
    "AD": 24,
    "AE": 23,
    "AL": 28,
    "AT": 20,
    "AZ": 28,
    "BA": 20,
    "BE": 16,
    "BG": 22,
    "BH": 22,
    "BR": 29,
    "CH": 21,
    "CR": 22,
    "CY": 28,
    "CZ": 24,
    "DE": 22,
    "DK": 18,
    "DO": 28,
    "EE": 20,
    "EG": 29,
    "ES": 24,
    "FI": 18,
    "FO": 18,
    "FR": 27,
    "GB": 22,
    "GE": 22,
    "GI": 23,
    "GL": 18,
    "GR": 27,
    "GT": 28,
    "HR": 21,
    "HU": 28,
    "IE": 22,
    "IL": 23,
    "IS": 26,
    "IT": 27,
    "JO": 30,
    "KW": 30,
    "KZ": 20,
    "LB": 28,
    "LI": 21,
    "LT": 20,
    "LU": 20,
    "LV": 21,
    "MC": 27,
    "MD": 24,
    "ME": 22,
    "MK": 19,
    "MR": 27,
    "MT": 31,
    "MU": 30,
    "NL": 18,
    "NO": 15,
    "PK": 24,
    "PL": 28,
    "PS": 29,
    "PT": 25,
    "QA": 29,
    "RO": 24,
    "RS": 22,
    "SA": 24,
    "SE": 24,
    "SI": 19,
    "SK": 24,
    "SM": 27,
    "TN": 24,
    "TR": 26,
    "UA": 29,
    "VG": 24,
    "XK": 20,
}


def digits_only(value: str) -> str:
    """The ASCII digits of ``value``, separators dropped."""
    return "".join(ch for ch in value if "0" <= ch <= "9")


def luhn_ok(number: str) -> bool:
    """The Luhn (mod 10) check used by payment card numbers."""
    if not number.isdigit():
        return False
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = ord(ch) - 48
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def card_ok(value: str) -> bool:
    """13–19 digits, a known issuer prefix and a valid Luhn digit."""
    number = digits_only(value)
    if not 13 <= len(number) <= 19 or len(set(number)) == 1:
        return False
    if len(number) in (13, 14, 15) and not _short_card(number):
        return False  # 13 digits are an old Visa only, 14 Diners, 15 Amex (a 13-digit CNP)
    return _known_issuer(number) and luhn_ok(number)


def _short_card(number: str) -> bool:
    """The issuers whose numbers are shorter than 16 digits, by length."""
    if len(number) == 13:
        return number[0] == "4"
    if len(number) == 14:
        return number[:2] in ("30", "36", "38", "39")
    return number[:2] in ("34", "37") or number.startswith(("1800", "2131"))


def _known_issuer(number: str) -> bool:
    two, four = int(number[:2]), int(number[:4])
    return (
        number[0] == "4"  # Visa
        or 51 <= two <= 55
        or 2221 <= four <= 2720  # Mastercard
        or two in (34, 37)  # American Express
        or number.startswith(("6011", "65"))
        or 644 <= int(number[:3]) <= 649  # Discover
        or 3528 <= four <= 3589  # JCB
        or two in (36, 38, 39)
        or 300 <= int(number[:3]) <= 305  # Diners
        or number.startswith(("62", "50", "56", "57", "58", "67", "63", "60"))  # UnionPay/Maestro
    )


def iban_ok(value: str) -> bool:
    """Country length and the ISO 7064 mod-97 check of an IBAN."""
    iban = "".join(value.split()).replace("-", "").upper()
    if len(iban) < 15 or not iban.isalnum() or not iban.isascii():
        return False
    expected = IBAN_LENGTHS.get(iban[:2])
    if expected is None or len(iban) != expected or not iban[2:4].isdigit():
        return False
    rearranged = iban[4:] + iban[:4]
    numeric = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(numeric) % 97 == 1


def ssn_ok(value: str) -> bool:
    """US SSN range rules: area 001–899 except 666, group ≠ 00, serial ≠ 0000."""
    number = digits_only(value)
    if len(number) != 9:
        return False
    area, group, serial = int(number[:3]), int(number[3:5]), int(number[5:])
    if area == 0 or area == 666 or area >= 900 or group == 0 or serial == 0:
        return False
    # Numbers published in advertising and documentation, never issued.
    return number not in {"078051120", "219099999", "123456789"}


def ipv4_ok(value: str) -> bool:
    """A dotted-quad IPv4 address without leading zeros."""
    try:
        ipaddress.IPv4Address(value)
    except ValueError:
        return False
    return True


def ipv6_ok(value: str) -> bool:
    """A textual IPv6 address (with ``::`` compression, optional zone dropped)."""
    if value.count(":") < 2:
        return False
    try:
        ipaddress.IPv6Address(value.split("%", 1)[0])
    except ValueError:
        return False
    return True


def date_ok(
    year: int, month: int, day: int, *, today: _dt.date | None = None, earliest: int = 1900
) -> bool:
    """A real calendar date between ``earliest`` and today (a plausible birth date)."""
    now = today or _dt.date.today()
    if not earliest <= year <= now.year:
        return False
    try:
        return _dt.date(year, month, day) <= now
    except ValueError:
        return False


def shannon_entropy(value: str) -> float:
    """Bits per character of ``value`` (an estimate of how random it is)."""
    if not value:
        return 0.0
    n = len(value)
    return -sum(c / n * math.log2(c / n) for c in Counter(value).values())


def looks_random(token: str) -> bool:
    """A key-like token: long, letters and digits mixed, high entropy (or long hex)."""
    if len(token) < 20:
        return False
    if _is_long_hex(token):
        return shannon_entropy(token) >= 3.0
    has_digit = any(c.isdigit() for c in token)
    has_alpha = any(c.isalpha() for c in token)
    if not (has_digit and has_alpha):
        return False
    return shannon_entropy(token) >= 3.5


def mixes_letters_and_digits(value: str, each: int) -> bool:
    """``value`` holds at least ``each`` letters and ``each`` digits (a generated token, a
    session id: what no one types as a word or a number)."""
    return sum(c.isdigit() for c in value) >= each and sum(c.isalpha() for c in value) >= each


def _is_long_hex(token: str) -> bool:
    return len(token) >= 32 and all(c in "0123456789abcdefABCDEF" for c in token)


_DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def spanish_dni_ok(value: str) -> bool:
    """Spanish DNI/NIE: 8 digits (or X/Y/Z + 7) and the mod-23 control letter."""
    v = value.upper().replace("-", "").replace(" ", "").replace(".", "")
    if len(v) != 9 or not v[-1].isalpha():
        return False
    head = v[:-1]
    if head[0] in "XYZ":
        head = str("XYZ".index(head[0])) + head[1:]
    if not head.isdigit():
        return False
    return _DNI_LETTERS[int(head) % 23] == v[-1]


# --- national identifiers with check digits -----------------------------------------


def _alnum_upper(value: str) -> str:
    return "".join(ch for ch in value.upper() if ch.isalnum())


def icao_check_digit(field: str) -> int:
    """ICAO 9303 check digit (weights 7, 3, 1; ``<`` counts 0, letters 10–35)."""
    total = 0
    for i, ch in enumerate(field):
        value = 0 if ch == "<" else int(ch, 36)
        total += value * (7, 3, 1)[i % 3]
    return total % 10


def mrz_td3_line2_ok(line: str) -> bool:
    """Second line of a passport MRZ: document number, birth date, expiry and composite checks."""
    if len(line) != 44:
        return False
    try:
        checks = (
            icao_check_digit(line[0:9]) == int(line[9]),
            icao_check_digit(line[13:19]) == int(line[19]),
            icao_check_digit(line[21:27]) == int(line[27]),
        )
        composite = line[0:10] + line[13:20] + line[21:43]
        return all(checks) and icao_check_digit(composite) == int(line[43])
    except ValueError:
        return False


def german_id_card_ok(value: str) -> bool:
    """German identity card / passport serial: 9 characters and an ICAO check digit."""
    v = _alnum_upper(value)
    return len(v) == 10 and v[-1].isdigit() and icao_check_digit(v[:9]) == int(v[-1])


def german_tax_id_ok(value: str) -> bool:
    """Steuerliche Identifikationsnummer: 11 digits, one digit repeated, ISO 7064 MOD 11,10."""
    digits = digits_only(value)
    if len(digits) != 11 or digits[0] == "0":
        return False
    counts = sorted(Counter(digits[:10]).values(), reverse=True)
    if counts[0] not in (2, 3) or (len(counts) > 1 and counts[1] != 1):
        return False
    product = 10
    for ch in digits[:10]:
        total = (int(ch) + product) % 10 or 10
        product = (total * 2) % 11
    return (11 - product) % 10 == int(digits[10])


def german_pension_number_ok(value: str) -> bool:
    """Sozialversicherungsnummer: area, birth date, initial, serial and check digit."""
    v = _alnum_upper(value)
    if len(v) != 12 or not (v[:8].isdigit() and v[8].isalpha() and v[9:].isdigit()):
        return False
    if not (1 <= int(v[2:4]) <= 31 and 1 <= int(v[4:6]) <= 12):
        return False
    digits = v[:8] + f"{ord(v[8]) - 64:02d}" + v[9:11]
    weights = (2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1)
    total = sum(sum(divmod(int(c) * w, 10)) for c, w in zip(digits, weights, strict=True))
    return total % 10 == int(v[11])


# Values of characters at odd (1-based) positions; digits share those of A–J.
_CF_ODD: tuple[int, ...] = (1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12)
_CF_ODD += (14, 16, 10, 22, 25, 24, 23)


def italian_fiscal_code_ok(value: str) -> bool:
    """Codice fiscale: 16 characters with the odd/even table check letter."""
    v = _alnum_upper(value)
    if len(v) != 16 or not v[15].isalpha():
        return False
    total = 0
    for i, ch in enumerate(v[:15]):
        index = int(ch) if ch.isdigit() else ord(ch) - 65
        total += _CF_ODD[index] if i % 2 == 0 else index
    return chr(65 + total % 26) == v[15]


def uk_nino_ok(value: str) -> bool:
    """UK National Insurance number: allowed prefix letters, six digits, suffix A–D."""
    v = _alnum_upper(value)
    if len(v) != 9 or not (v[:2].isalpha() and v[2:8].isdigit() and v[8] in "ABCD"):
        return False
    if v[0] in "DFIQUV" or v[1] in "DFIQUVO":
        return False
    return v[:2] not in {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"}


def nhs_number_ok(value: str) -> bool:
    """NHS number (England, Wales): 10 digits with a mod-11 check digit."""
    digits = digits_only(value)
    if len(digits) != 10:
        return False
    check = 11 - sum(int(c) * (10 - i) for i, c in enumerate(digits[:9])) % 11
    return check != 10 and (0 if check == 11 else check) == int(digits[9])


def french_nir_ok(value: str) -> bool:
    """French social security number (NIR): 13 characters and a 97-complement key."""
    v = _alnum_upper(value)
    if len(v) != 15 or v[0] not in "12" or not v[13:].isdigit():
        return False
    body = v[:13].replace("2A", "19").replace("2B", "18")
    if not body.isdigit():
        return False
    return 97 - int(body) % 97 == int(v[13:])


def dutch_bsn_ok(value: str) -> bool:
    """Burgerservicenummer: 9 digits passing the eleven-test."""
    digits = digits_only(value)
    if len(digits) != 9 or digits[0] == "0":
        return False
    total = sum(int(c) * (9 - i) for i, c in enumerate(digits[:8])) - int(digits[8])
    return total % 11 == 0


def swiss_ahv_ok(value: str) -> bool:
    """Swiss AHV/AVS number: 756, nine digits and an EAN-13 check digit."""
    digits = digits_only(value)
    if len(digits) != 13 or not digits.startswith("756"):
        return False
    total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(digits[:12]))
    return (10 - total % 10) % 10 == int(digits[12])


_VERHOEFF_D = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
    [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
    [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
    [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
    [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
    [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
    [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
    [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
]
_VERHOEFF_P = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
    [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
    [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
    [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
    [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
]


def aadhaar_ok(value: str) -> bool:
    """Indian Aadhaar number: 12 digits, not starting 0/1, Verhoeff check digit."""
    digits = digits_only(value)
    if len(digits) != 12 or digits[0] in "01":
        return False
    check = 0
    for i, ch in enumerate(reversed(digits)):
        check = _VERHOEFF_D[check][_VERHOEFF_P[i % 8][int(ch)]]
    return check == 0


def isbn13_ok(value: str) -> bool:
    """An ISBN-13 (978/979 prefix, EAN check digit): a book, not a phone number."""
    digits = digits_only(value)
    if len(digits) != 13 or not digits.startswith(("978", "979")):
        return False
    total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(digits[:12]))
    return (10 - total % 10) % 10 == int(digits[12])


def turkish_tckn_ok(value: str) -> bool:
    """T.C. Kimlik No: 11 digits, not starting 0; digit 10 from the odd and even sums
    (``(7·odd − even) mod 10``), digit 11 the sum of the first ten mod 10."""
    d = [int(c) for c in digits_only(value)]
    if len(d) != 11 or d[0] == 0:
        return False
    odd, even = sum(d[0:9:2]), sum(d[1:8:2])
    return (7 * odd - even) % 10 == d[9] and sum(d[:10]) % 10 == d[10]


_PESEL_WEIGHTS = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)
# PESEL encodes the century in the month: +80 for the 1800s, +0, +20, +40, +60 after.
_PESEL_CENTURY = {0: 1900, 20: 2000, 40: 2100, 60: 2200, 80: 1800}


def polish_pesel_ok(value: str, *, today: _dt.date | None = None) -> bool:
    """PESEL: 11 digits, a real past birth date (YYMMDD, century in the month) and the
    weighted check digit (weights 1-3-7-9)."""
    digits = digits_only(value)
    if len(digits) != 11:
        return False
    total = sum(int(c) * w for c, w in zip(digits, _PESEL_WEIGHTS, strict=False))
    if (10 - total % 10) % 10 != int(digits[10]):
        return False
    month = int(digits[2:4])
    century = _PESEL_CENTURY.get(month - month % 20)
    if century is None:
        return False
    return date_ok(century + int(digits[:2]), month % 20, int(digits[4:6]), today=today)


def _mod11_digit(digits: str, first_weight: int) -> int:
    total = sum(int(c) * (first_weight - i) for i, c in enumerate(digits))
    rest = total % 11
    return 0 if rest < 2 else 11 - rest


def brazilian_cpf_ok(value: str) -> bool:
    """CPF: 11 digits (not one digit repeated) with two mod-11 check digits."""
    digits = digits_only(value)
    if len(digits) != 11 or len(set(digits)) == 1:
        return False
    return _mod11_digit(digits[:9], 10) == int(digits[9]) and _mod11_digit(digits[:10], 11) == int(
        digits[10]
    )


def portuguese_nif_ok(value: str) -> bool:
    """Portuguese NIF: 9 digits, a known first digit (1-3 people, 5-9 companies and
    others), a mod-11 check digit."""
    digits = digits_only(value)
    if len(digits) != 9 or digits[0] not in "1235689":
        return False
    return _mod11_digit(digits[:8], 9) % 10 == int(digits[8])


def german_kvnr_ok(value: str) -> bool:
    """A German health-insurance number (Krankenversichertennummer): a letter and nine digits,
    the last a check digit over the letter's number (A = 01 … Z = 26) and the next eight
    digits, weighted 1, 2, 1, 2 … with the digits of each product summed, modulo 10."""
    v = value.upper().replace(" ", "")
    if len(v) != 10 or not ("A" <= v[0] <= "Z") or not v[1:].isdigit():
        return False
    digits = f"{ord(v[0]) - 64:02d}" + v[1:9]
    total = sum(sum(divmod(int(d) * (1 + i % 2), 10)) for i, d in enumerate(digits))
    return total % 10 == int(v[9])


def polish_id_card_ok(value: str) -> bool:
    """A Polish identity card number (dowód osobisty): three letters and six digits, the
    first digit a check over the others (letters A = 10 … Z = 35), weights 7 3 1 · 7 3 1 7 3."""
    v = value.upper().replace(" ", "")
    if len(v) != 9 or not v[:3].isalpha() or not v[:3].isascii() or not v[3:].isdigit():
        return False
    values = [ord(c) - 55 for c in v[:3]] + [int(c) for c in v[4:]]
    weights = (7, 3, 1, 7, 3, 1, 7, 3)
    return sum(x * w for x, w in zip(values, weights, strict=True)) % 10 == int(v[3])
