"""Check-digit validators, written separately from the generators in ``values.py``.

Each takes the value as it appears in a document (spaces, dots, dashes allowed)
and says whether its check digits are right. The tests run every planted value
of a checked slot through these; nothing here prints or returns a value.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_DIGITS = re.compile(r"\D")


def digits(value: str) -> str:
    return _DIGITS.sub("", value)


def compact(value: str) -> str:
    return re.sub(r"[\s.\-/]", "", value).upper()


def luhn_ok(value: str) -> bool:
    ds = [int(c) for c in digits(value)]
    if len(ds) < 12:
        return False
    total = 0
    for i, d in enumerate(reversed(ds)):
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def iban_ok(value: str) -> bool:
    s = compact(value)
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", s):
        return False
    moved = s[4:] + s[:4]
    number = "".join(str(int(c, 36)) for c in moved)
    return int(number) % 97 == 1


def dni_ok(value: str) -> bool:
    s = compact(value)
    if not re.fullmatch(r"\d{8}[A-Z]", s):
        return False
    return "TRWAGMYFPDXBNJZSQVHLCKE"[int(s[:8]) % 23] == s[8]


def nie_ok(value: str) -> bool:
    s = compact(value)
    if not re.fullmatch(r"[XYZ]\d{7}[A-Z]", s):
        return False
    number = str("XYZ".index(s[0])) + s[1:8]
    return "TRWAGMYFPDXBNJZSQVHLCKE"[int(number) % 23] == s[8]


_CF_ODD = {
    **dict(zip("0123456789", [1, 0, 5, 7, 9, 13, 15, 17, 19, 21], strict=True)),
    **dict(
        zip(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            [
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
            ],
            strict=True,
        )
    ),
}


def codice_fiscale_ok(value: str) -> bool:
    s = compact(value)
    if not re.fullmatch(r"[A-Z]{6}\d{2}[ABCDEHLMPRST]\d{2}[A-Z]\d{3}[A-Z]", s):
        return False
    total = 0
    for i, c in enumerate(s[:15]):
        if i % 2 == 0:
            total += _CF_ODD[c]
        else:
            total += int(c) if c.isdigit() else ord(c) - 65
    return chr(65 + total % 26) == s[15]


def nino_ok(value: str) -> bool:
    s = compact(value)
    if not re.fullmatch(r"[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]", s):
        return False
    return s[:2] not in {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


def nhs_ok(value: str) -> bool:
    ds = [int(c) for c in digits(value)]
    if len(ds) != 10:
        return False
    check = 11 - sum(d * w for d, w in zip(ds[:9], range(10, 1, -1), strict=True)) % 11
    check = 0 if check == 11 else check
    return check != 10 and check == ds[9]


def nir_ok(value: str) -> bool:
    d = digits(value)
    if len(d) != 15 or d[0] not in "12":
        return False
    return 97 - int(d[:13]) % 97 == int(d[13:])


def steuer_id_ok(value: str) -> bool:
    d = digits(value)
    if len(d) != 11 or d[0] == "0":
        return False
    counts = sorted((d[:10].count(c) for c in set(d[:10])), reverse=True)
    if counts[0] not in (2, 3) or (len(counts) > 1 and counts[1] != 1):
        return False
    product = 10
    for c in d[:10]:
        s = (int(c) + product) % 10 or 10
        product = (s * 2) % 11
    check = (11 - product) % 10
    return check == int(d[10])


def bsn_ok(value: str) -> bool:
    d = digits(value)
    if len(d) != 9:
        return False
    weights = [9, 8, 7, 6, 5, 4, 3, 2, -1]
    return sum(int(c) * w for c, w in zip(d, weights, strict=True)) % 11 == 0


def ahv_ok(value: str) -> bool:
    d = digits(value)
    if len(d) != 13 or not d.startswith("756"):
        return False
    total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(d[:12]))
    return (10 - total % 10) % 10 == int(d[12])


def pesel_ok(value: str) -> bool:
    d = digits(value)
    if len(d) != 11:
        return False
    weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    total = sum(int(c) * w for c, w in zip(d[:10], weights, strict=True))
    return (10 - total % 10) % 10 == int(d[10])


def tckn_ok(value: str) -> bool:
    d = [int(c) for c in digits(value)]
    if len(d) != 11 or d[0] == 0:
        return False
    tenth = ((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10
    return tenth == d[9] and sum(d[:10]) % 10 == d[10]


def nif_pt_ok(value: str) -> bool:
    d = [int(c) for c in digits(value)]
    if len(d) != 9:
        return False
    check = 11 - sum(x * w for x, w in zip(d[:8], range(9, 1, -1), strict=True)) % 11
    return (0 if check >= 10 else check) == d[8]


def cpf_ok(value: str) -> bool:
    d = [int(c) for c in digits(value)]
    if len(d) != 11 or len(set(d)) == 1:
        return False
    for n in (9, 10):
        r = sum(x * w for x, w in zip(d[:n], range(n + 1, 1, -1), strict=True)) * 10 % 11
        if r % 10 != d[n]:
            return False
    return True


def pan_ok(value: str) -> bool:
    return re.fullmatch(r"[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]", value.strip()) is not None


_VD = [
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
_VP = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
    [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
    [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
    [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
    [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
]


def verhoeff_ok(value: str) -> bool:
    c = 0
    for i, ch in enumerate(reversed(digits(value))):
        c = _VD[c][_VP[i % 8][int(ch)]]
    return c == 0


def aadhaar_ok(value: str) -> bool:
    d = digits(value)
    return len(d) == 12 and d[0] not in "01" and verhoeff_ok(d)


def ssn_ok(value: str) -> bool:
    d = digits(value)
    if len(d) != 9:
        return False
    area, group, serial = int(d[:3]), int(d[3:5]), int(d[5:])
    return 0 < area < 900 and area != 666 and group > 0 and serial > 0


def isbn13_ok(value: str) -> bool:
    d = digits(value)
    if len(d) != 13:
        return False
    return sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(d)) % 10 == 0


# slot name -> validator: every planted value of these slots must pass.
VALIDATORS: dict[str, Callable[[str], bool]] = {
    "card": luhn_ok,
    "iban": iban_ok,
    "dni": dni_ok,
    "nie": nie_ok,
    "cf": codice_fiscale_ok,
    "nino": nino_ok,
    "nhs": nhs_ok,
    "nir": nir_ok,
    "stid": steuer_id_ok,
    "bsn": bsn_ok,
    "ahv": ahv_ok,
    "pesel": pesel_ok,
    "tckn": tckn_ok,
    "nif": nif_pt_ok,
    "cpf": cpf_ok,
    "pan": pan_ok,
    "aadhaar": aadhaar_ok,
    "ssn": ssn_ok,
}
TRAP_VALIDATORS: dict[str, Callable[[str], bool]] = {"isbn": isbn13_ok}
