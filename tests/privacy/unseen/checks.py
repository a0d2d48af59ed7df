"""Check-digit arithmetic, written from public format descriptions.

Used both to *make* valid identifiers (``values``) and to *verify* the planted
ones (``test_unseen``). Every validator takes the value as it appears in the
text and ignores separators.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_NON_ALNUM = re.compile(r"[^0-9A-Za-z]")


def clean(value: str) -> str:
    """Letters and digits only, upper case."""
    return _NON_ALNUM.sub("", value).upper()


# --- Luhn -------------------------------------------------------------------------------


def luhn_sum(digits: str) -> int:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total


def luhn_digit(payload: str) -> str:
    """The digit that makes ``payload + digit`` Luhn-valid."""
    return str((10 - luhn_sum(payload + "0") % 10) % 10)


def luhn_ok(value: str) -> bool:
    d = clean(value)
    return d.isdigit() and len(d) > 1 and luhn_sum(d) % 10 == 0


# --- IBAN (ISO 13616, mod 97) -------------------------------------------------------------


def _alnum_to_int(s: str) -> int:
    return int("".join(str(int(c, 36)) for c in s))


def iban_check(country: str, bban: str) -> str:
    rem = _alnum_to_int(bban + country + "00") % 97
    return f"{98 - rem:02d}"


IBAN_LENGTHS = {
    "DE": 22,
    "AT": 20,
    "CH": 21,
    "FR": 27,
    "ES": 24,
    "IT": 27,
    "NL": 18,
    "BE": 16,
    "PT": 25,
    "GB": 22,
    "IE": 22,
    "SE": 24,
    "DK": 18,
    "NO": 15,
    "FI": 18,
    "CZ": 24,
    "RO": 24,
    "GR": 27,
    "PL": 28,
    "LU": 20,
    "BR": 29,
    "SA": 24,
    "AE": 23,
    "IL": 23,
    "UA": 29,
    "MC": 27,
}


def iban_ok(value: str) -> bool:
    s = clean(value)
    if len(s) < 15 or IBAN_LENGTHS.get(s[:2]) != len(s):
        return False
    return _alnum_to_int(s[4:] + s[:4]) % 97 == 1


# --- Verhoeff (Aadhaar) ------------------------------------------------------------------

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
_VINV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]


def verhoeff_digit(payload: str) -> str:
    c = 0
    for i, ch in enumerate(reversed(payload)):
        c = _VD[c][_VP[(i + 1) % 8][int(ch)]]
    return str(_VINV[c])


def verhoeff_ok(value: str) -> bool:
    d = clean(value)
    if not d.isdigit():
        return False
    c = 0
    for i, ch in enumerate(reversed(d)):
        c = _VD[c][_VP[i % 8][int(ch)]]
    return c == 0


# --- weighted mod-11 helpers --------------------------------------------------------------


def weighted(digits: str, weights: list[int]) -> int:
    return sum(int(d) * w for d, w in zip(digits, weights, strict=True))


def nhs_digit(nine: str) -> int:
    """UK NHS number check digit (10 if the payload cannot be used)."""
    r = 11 - weighted(nine, [10, 9, 8, 7, 6, 5, 4, 3, 2]) % 11
    return 0 if r == 11 else r


def nhs_ok(value: str) -> bool:
    d = clean(value)
    return len(d) == 10 and d.isdigit() and nhs_digit(d[:9]) == int(d[9])


def bsn_ok(value: str) -> bool:
    d = clean(value)
    if len(d) != 9 or not d.isdigit():
        return False
    return (weighted(d[:8], [9, 8, 7, 6, 5, 4, 3, 2]) - int(d[8])) % 11 == 0


def nif_pt_digit(eight: str) -> int:
    r = weighted(eight, [9, 8, 7, 6, 5, 4, 3, 2]) % 11
    return 0 if r < 2 else 11 - r


def nif_pt_ok(value: str) -> bool:
    d = clean(value)
    return len(d) == 9 and d.isdigit() and nif_pt_digit(d[:8]) == int(d[8])


def cpf_digits(nine: str) -> str:
    out = nine
    for n in (10, 11):
        s = sum(int(d) * w for d, w in zip(out, range(n, 1, -1), strict=True))
        r = (s * 10) % 11
        out += str(0 if r == 10 else r)
    return out[9:]


def cpf_ok(value: str) -> bool:
    d = clean(value)
    return len(d) == 11 and d.isdigit() and cpf_digits(d[:9]) == d[9:]


def cnpj_digits(twelve: str) -> str:
    out = twelve
    for weights in ([5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2], [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]):
        r = weighted(out, weights) % 11
        out += str(0 if r < 2 else 11 - r)
    return out[12:]


def cnpj_ok(value: str) -> bool:
    d = clean(value)
    return len(d) == 14 and d.isdigit() and cnpj_digits(d[:12]) == d[12:]


def rut_digit(body: str) -> str:
    s = 0
    for i, ch in enumerate(reversed(body)):
        s += int(ch) * (2 + i % 6)
    r = 11 - s % 11
    return "0" if r == 11 else "K" if r == 10 else str(r)


def rut_ok(value: str) -> bool:
    d = clean(value)
    return len(d) >= 8 and d[:-1].isdigit() and rut_digit(d[:-1]) == d[-1]


def tfn_ok(value: str) -> bool:
    d = clean(value)
    return len(d) == 9 and d.isdigit() and weighted(d, [1, 4, 3, 7, 5, 8, 6, 9, 10]) % 11 == 0


def cpr_ok(value: str) -> bool:
    d = clean(value)
    return len(d) == 10 and d.isdigit() and weighted(d, [4, 3, 2, 7, 6, 5, 4, 3, 2, 1]) % 11 == 0


def fnr_digits(nine: str) -> str | None:
    """Norwegian fødselsnummer control digits, or None when the payload is unusable."""
    k1 = 11 - weighted(nine, [3, 7, 6, 1, 8, 9, 4, 5, 2]) % 11
    k1 = 0 if k1 == 11 else k1
    if k1 == 10:
        return None
    ten = nine + str(k1)
    k2 = 11 - weighted(ten, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11
    k2 = 0 if k2 == 11 else k2
    if k2 == 10:
        return None
    return f"{k1}{k2}"


def fnr_ok(value: str) -> bool:
    d = clean(value)
    return len(d) == 11 and d.isdigit() and fnr_digits(d[:9]) == d[9:]


HETU_CHARS = "0123456789ABCDEFHJKLMNPRSTUVWXY"


def hetu_ok(value: str) -> bool:
    v = value.strip().upper()
    if len(v) != 11 or v[6] not in "+-ABCDEFYXWVU":
        return False
    digits = v[:6] + v[7:10]
    return digits.isdigit() and HETU_CHARS[int(digits) % 31] == v[10]


def rc_ok(value: str) -> bool:
    d = clean(value)
    return len(d) == 10 and d.isdigit() and int(d) % 11 == 0


CNP_WEIGHTS = [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9]


def cnp_digit(twelve: str) -> str:
    r = weighted(twelve, CNP_WEIGHTS) % 11
    return "1" if r == 10 else str(r)


def cnp_ok(value: str) -> bool:
    d = clean(value)
    return len(d) == 13 and d.isdigit() and cnp_digit(d[:12]) == d[12]


def be_nn_ok(value: str) -> bool:
    d = clean(value)
    if len(d) != 11 or not d.isdigit():
        return False
    body, check = int(d[:9]), int(d[9:])
    return 97 - body % 97 == check or 97 - int("2" + d[:9]) % 97 == check


def nir_ok(value: str) -> bool:
    d = clean(value)
    if len(d) != 15 or not d.isdigit():
        return False
    return 97 - int(d[:13]) % 97 == int(d[13:])


DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def dni_ok(value: str) -> bool:
    d = clean(value)
    if len(d) != 9:
        return False
    if d[0] in "XYZ":
        d = str("XYZ".index(d[0])) + d[1:]
    return d[:8].isdigit() and DNI_LETTERS[int(d[:8]) % 23] == d[8]


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


def cf_char(fifteen: str) -> str:
    total = 0
    for i, ch in enumerate(fifteen):
        if i % 2 == 0:
            total += _CF_ODD[ch]
        else:
            total += int(ch) if ch.isdigit() else ord(ch) - 65
    return chr(65 + total % 26)


def cf_ok(value: str) -> bool:
    d = clean(value)
    return len(d) == 16 and cf_char(d[:15]) == d[15]


def steuer_id_digit(ten: str) -> int:
    product = 10
    for ch in ten:
        s = (int(ch) + product) % 10
        if s == 0:
            s = 10
        product = (s * 2) % 11
    check = 11 - product
    return 0 if check == 10 else check


def steuer_id_ok(value: str) -> bool:
    d = clean(value)
    return len(d) == 11 and d.isdigit() and d[0] != "0" and steuer_id_digit(d[:10]) == int(d[10])


CURP_CHARS = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ"


def curp_digit(seventeen: str) -> str:
    s = sum(CURP_CHARS.index(c) * (18 - i) for i, c in enumerate(seventeen))
    return str((10 - s % 10) % 10)


def curp_ok(value: str) -> bool:
    v = value.strip().upper()
    return len(v) == 18 and curp_digit(v[:17]) == v[17]


_CN_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def cn_id_char(seventeen: str) -> str:
    r = (12 - weighted(seventeen, _CN_W) % 11) % 11
    return "X" if r == 10 else str(r)


def cn_id_ok(value: str) -> bool:
    d = clean(value)
    return len(d) == 18 and d[:17].isdigit() and cn_id_char(d[:17]) == d[17]


def rrn_digit(twelve: str) -> int:
    return (11 - weighted(twelve, [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]) % 11) % 10


def rrn_ok(value: str) -> bool:
    d = clean(value)
    return len(d) == 13 and d.isdigit() and rrn_digit(d[:12]) == int(d[12])


def mynumber_digit(eleven: str) -> int:
    s = 0
    for n in range(1, 12):
        p = int(eleven[11 - n])
        q = n + 1 if n <= 6 else n - 5
        s += p * q
    r = s % 11
    return 0 if r <= 1 else 11 - r


def mynumber_ok(value: str) -> bool:
    d = clean(value)
    return len(d) == 12 and d.isdigit() and mynumber_digit(d[:11]) == int(d[11])


def snils_digits(nine: str) -> str:
    s = weighted(nine, [9, 8, 7, 6, 5, 4, 3, 2, 1])
    if s > 101:
        s %= 101
    return "00" if s in (100, 101) else f"{s:02d}"


def snils_ok(value: str) -> bool:
    d = clean(value)
    return len(d) == 11 and d.isdigit() and snils_digits(d[:9]) == d[9:]


def rnokpp_digit(nine: str) -> int:
    return (weighted(nine, [-1, 5, 7, 9, 4, 6, 10, 5, 7]) % 11) % 10


def rnokpp_ok(value: str) -> bool:
    d = clean(value)
    return len(d) == 10 and d.isdigit() and rnokpp_digit(d[:9]) == int(d[9])


def isbn13_digit(twelve: str) -> str:
    s = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(twelve))
    return str((10 - s % 10) % 10)


def ean13_digit(twelve: str) -> str:
    return isbn13_digit(twelve)


def ahv_ok(value: str) -> bool:
    d = clean(value)
    return len(d) == 13 and d.isdigit() and ean13_digit(d[:12]) == d[12]


def se_pnr_ok(value: str) -> bool:
    d = clean(value)
    if len(d) == 12:
        d = d[2:]
    return len(d) == 10 and luhn_ok(d)


# Which planted slots carry a check digit, and how to verify it.
VALIDATORS: dict[str, Callable[[str], bool]] = {
    "card": luhn_ok,
    "iban": iban_ok,
    "se_pnr": se_pnr_ok,
    "dk_cpr": cpr_ok,
    "no_fnr": fnr_ok,
    "fi_hetu": hetu_ok,
    "cz_rc": rc_ok,
    "ro_cnp": cnp_ok,
    "gr_amka": luhn_ok,
    "nl_bsn": bsn_ok,
    "be_nn": be_nn_ok,
    "pt_nif": nif_pt_ok,
    "br_cpf": cpf_ok,
    "br_cnpj": cnpj_ok,
    "mx_curp": curp_ok,
    "cl_rut": rut_ok,
    "ca_sin": luhn_ok,
    "au_tfn": tfn_ok,
    "za_id": luhn_ok,
    "il_id": luhn_ok,
    "cn_id": cn_id_ok,
    "kr_rrn": rrn_ok,
    "jp_mynumber": mynumber_ok,
    "in_aadhaar": verhoeff_ok,
    "uk_nhs": nhs_ok,
    "fr_nir": nir_ok,
    "de_steuerid": steuer_id_ok,
    "es_dni": dni_ok,
    "es_nie": dni_ok,
    "it_cf": cf_ok,
    "ru_snils": snils_ok,
    "ua_rnokpp": rnokpp_ok,
    "ae_eid": luhn_ok,
    "sa_nid": luhn_ok,
    "ch_ahv": ahv_ok,
}
