"""Check-digit arithmetic for the value generators (and the invariant tests)."""

from __future__ import annotations

import string


def luhn_ok(number: str) -> bool:
    digits = [int(c) for c in number if c.isdigit()]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def luhn_complete(body: str) -> str:
    for c in "0123456789":
        if luhn_ok(body + c):
            return body + c
    raise AssertionError("unreachable")


def _iban_numeric(s: str) -> int:
    return int("".join(str(int(c, 36)) for c in s))


def iban_ok(iban: str) -> bool:
    s = iban.replace(" ", "").upper()
    return _iban_numeric(s[4:] + s[:4]) % 97 == 1


def iban_complete(country: str, bban: str) -> str:
    check = 98 - _iban_numeric(bban + country + "00") % 97
    return f"{country}{check:02d}{bban}"


DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def dni_ok(value: str) -> bool:
    s = value.replace("-", "").replace(" ", "").upper()
    head = s[:-1]
    if head[0] in "XYZ":
        head = str("XYZ".index(head[0])) + head[1:]
    return head.isdigit() and DNI_LETTERS[int(head) % 23] == s[-1]


def nss_ok(value: str) -> bool:
    s = "".join(c for c in value if c.isdigit())
    return len(s) == 12 and int(s[:10]) % 97 == int(s[10:])


def nir_ok(value: str) -> bool:
    s = "".join(c for c in value if c.isdigit())
    return len(s) == 15 and 97 - int(s[:13]) % 97 == int(s[13:])


def nhs_ok(value: str) -> bool:
    s = "".join(c for c in value if c.isdigit())
    if len(s) != 10:
        return False
    r = sum(int(c) * w for c, w in zip(s[:9], range(10, 1, -1), strict=True)) % 11
    check = 11 - r
    if check == 11:
        check = 0
    return check != 10 and check == int(s[9])


def steuer_id_check(first10: str) -> int:
    product = 10
    for c in first10:
        s = (int(c) + product) % 10
        if s == 0:
            s = 10
        product = (s * 2) % 11
    check = 11 - product
    return 0 if check == 10 else check


def steuer_id_ok(value: str) -> bool:
    s = "".join(c for c in value if c.isdigit())
    return len(s) == 11 and s[0] != "0" and steuer_id_check(s[:10]) == int(s[10])


def _cross(n: int) -> int:
    return sum(int(c) for c in str(n))


def svnr_check(first11: str) -> int:
    """German pension insurance number: 2 digits, 6 digits, letter, 2 digits."""
    digits = first11[:8] + f"{ord(first11[8].upper()) - 64:02d}" + first11[9:11]
    weights = (2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1)
    return sum(_cross(int(c) * w) for c, w in zip(digits, weights, strict=True)) % 10


def svnr_ok(value: str) -> bool:
    s = value.replace(" ", "")
    return len(s) == 12 and svnr_check(s[:11]) == int(s[11])


def icao_check(chars: str) -> int:
    """7-3-1 check digit of machine-readable documents."""
    total = 0
    for i, c in enumerate(chars):
        v = int(c) if c.isdigit() else (ord(c) - 55 if c.isalpha() else 0)
        total += v * (7, 3, 1)[i % 3]
    return total % 10


def kvnr_check(first9: str) -> int:
    """German health-insurance number: letter + 8 digits, then a check digit."""
    digits = f"{ord(first9[0].upper()) - 64:02d}" + first9[1:]
    total = 0
    for i, c in enumerate(digits):
        total += _cross(int(c) * (1 if i % 2 == 0 else 2))
    return total % 10


_CF_ODD = dict(
    zip(
        string.digits + string.ascii_uppercase,
        (
            *(1, 0, 5, 7, 9, 13, 15, 17, 19, 21),
            *(1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10),
            *(22, 25, 24, 23),
        ),
        strict=True,
    )
)


def cf_check(first15: str) -> str:
    total = 0
    for i, c in enumerate(first15.upper()):
        if i % 2 == 0:
            total += _CF_ODD[c]
        else:
            total += int(c) if c.isdigit() else ord(c) - 65
    return chr(65 + total % 26)


def cf_ok(value: str) -> bool:
    s = value.upper()
    return len(s) == 16 and cf_check(s[:15]) == s[15]


def ssn_ok(value: str) -> bool:
    s = "".join(c for c in value if c.isdigit())
    if len(s) != 9:
        return False
    area, group, serial = int(s[:3]), int(s[3:5]), int(s[5:])
    if s[0] == "9":  # ITIN
        return 50 <= group <= 65 or 70 <= group <= 88 or 90 <= group <= 92 or group >= 94
    return area not in (0, 666) and group != 0 and serial != 0
