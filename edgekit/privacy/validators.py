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
    return _known_issuer(number) and luhn_ok(number)


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


def date_ok(year: int, month: int, day: int, *, today: _dt.date | None = None) -> bool:
    """A real calendar date between 1900 and today (a plausible birth date)."""
    now = today or _dt.date.today()
    if not 1900 <= year <= now.year:
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


def _is_long_hex(token: str) -> bool:
    return len(token) >= 32 and all(c in "0123456789abcdefABCDEF" for c in token)


_DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def spanish_dni_ok(value: str) -> bool:
    """Spanish DNI/NIE: 8 digits (or X/Y/Z + 7) and the mod-23 control letter."""
    v = value.upper().replace("-", "").replace(" ", "")
    if len(v) != 9 or not v[-1].isalpha():
        return False
    head = v[:-1]
    if head[0] in "XYZ":
        head = str("XYZ".index(head[0])) + head[1:]
    if not head.isdigit():
        return False
    return _DNI_LETTERS[int(head) % 23] == v[-1]
