"""Check-digit arithmetic shared by the value generators and the corpus tests."""

from __future__ import annotations

import string
import zlib

DIGITS = string.digits
UPPER = string.ascii_uppercase
BASE62 = string.digits + string.ascii_uppercase + string.ascii_lowercase


def digits_of(text: str) -> str:
    """The decimal digits of ``text``, in order."""
    return "".join(c for c in text if c.isdigit())


def luhn_ok(number: str) -> bool:
    """Luhn (mod 10) over all digits of ``number``."""
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def luhn_digit(body: str) -> str:
    """The digit that makes ``body`` + digit pass Luhn."""
    for c in DIGITS:
        if luhn_ok(body + c):
            return c
    raise AssertionError("unreachable")


def mod97_iban_ok(iban: str) -> bool:
    """ISO 13616 check: the rearranged IBAN is 1 mod 97."""
    compact = iban.replace(" ", "").upper()
    moved = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def iban_from_bban(country: str, bban: str) -> str:
    """Compact IBAN for ``bban`` with its two check digits."""
    moved = bban + country + "00"
    check = 98 - int("".join(str(int(c, 36)) for c in moved)) % 97
    return f"{country}{check:02d}{bban}"


def mrz_digit(field: str) -> str:
    """ICAO 9303 check digit (weights 7, 3, 1; '<' counts 0)."""
    total = 0
    for i, ch in enumerate(field):
        val = 0 if ch == "<" else int(ch, 36)
        total += val * (7, 3, 1)[i % 3]
    return str(total % 10)


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
_VERHOEFF_INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]


def verhoeff_ok(number: str) -> bool:
    """Verhoeff check over all digits."""
    c = 0
    for i, ch in enumerate(reversed(number)):
        c = _VERHOEFF_D[c][_VERHOEFF_P[i % 8][int(ch)]]
    return c == 0


def verhoeff_digit(body: str) -> str:
    """The Verhoeff digit for ``body``."""
    c = 0
    for i, ch in enumerate(reversed(body)):
        c = _VERHOEFF_D[c][_VERHOEFF_P[(i + 1) % 8][int(ch)]]
    return str(_VERHOEFF_INV[c])


def weighted(digits: str, weights: tuple[int, ...]) -> int:
    """Sum of digit × weight."""
    return sum(int(d) * w for d, w in zip(digits, weights, strict=True))


def iso7064_mod11_10(body: str) -> str:
    """ISO/IEC 7064 MOD 11,10 check digit (German tax id)."""
    product = 10
    for ch in body:
        s = (int(ch) + product) % 10 or 10
        product = (s * 2) % 11
    check = 11 - product
    return "0" if check == 10 else str(check)


def ean_digit(body: str) -> str:
    """GTIN/EAN check digit (weights 1, 3 from the left for 12-digit bodies)."""
    total = sum(int(d) * (3 if i % 2 == 1 else 1) for i, d in enumerate(reversed(body), 1))
    return str((10 - total % 10) % 10)


def base62_crc32(text: str) -> str:
    """CRC-32 of ``text`` in base 62, six characters (as in modern GitHub tokens)."""
    n = zlib.crc32(text.encode())
    out = ""
    while n:
        n, r = divmod(n, 62)
        out = BASE62[r] + out
    return out.rjust(6, "0")
