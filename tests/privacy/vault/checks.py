"""Independent validators for the values the corpus plants (written apart from the generators)."""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import json
import re
import zlib

_IBAN_LENGTHS = {
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
    "LU": 20,
    "PL": 28,
}


def compact(text: str) -> str:
    """``text`` without spaces, dots, dashes and slashes."""
    return re.sub(r"[\s./-]", "", text)


def luhn_ok(text: str) -> bool:
    """Luhn checksum over the digits of ``text``."""
    ds = [int(c) for c in text if c.isdigit()]
    if len(ds) not in (15, 16) or len(ds) != len(compact(text)):
        return False
    odd = ds[-1::-2]
    even = [sum(divmod(2 * d, 10)) for d in ds[-2::-2]]
    return (sum(odd) + sum(even)) % 10 == 0


def iban_ok(text: str) -> bool:
    """Country length and ISO 13616 mod-97."""
    s = compact(text)
    if _IBAN_LENGTHS.get(s[:2]) != len(s) or not s.isalnum() or not s[2:4].isdigit():
        return False
    moved = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def dni_ok(text: str) -> bool:
    s = compact(text)
    return (
        bool(re.fullmatch(r"\d{8}[A-Z]", s)) and "TRWAGMYFPDXBNJZSQVHLCKE"[int(s[:8]) % 23] == s[8]
    )


def nie_ok(text: str) -> bool:
    s = compact(text)
    if not re.fullmatch(r"[XYZ]\d{7}[A-Z]", s):
        return False
    return "TRWAGMYFPDXBNJZSQVHLCKE"[int(str("XYZ".index(s[0])) + s[1:8]) % 23] == s[8]


def nss_ok(text: str) -> bool:
    s = compact(text)
    return bool(re.fullmatch(r"\d{12}", s)) and int(s[:10]) % 97 == int(s[10:])


def cf_ok(text: str) -> bool:
    """Codice fiscale: shape and check letter."""
    if not re.fullmatch(r"[A-Z]{6}\d{2}[ABCDEHLMPRST]\d{2}[A-Z]\d{3}[A-Z]", text):
        return False
    odd_table = "BAKPLCQDREVOSFTGUHMINJWZYX"  # index = value, letter = char with that odd value
    odd = {c: odd_table.index(c) for c in odd_table}
    odd_digits = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21]
    total = 0
    for i, c in enumerate(text[:15]):
        if i % 2 == 0:
            total += odd_digits[int(c)] if c.isdigit() else odd[c]
        else:
            total += int(c) if c.isdigit() else ord(c) - ord("A")
    return chr(ord("A") + total % 26) == text[15]


def nir_ok(text: str) -> bool:
    s = compact(text)
    return bool(re.fullmatch(r"[12]\d{14}", s)) and 97 - int(s[:13]) % 97 == int(s[13:])


def steuer_id_ok(text: str) -> bool:
    s = compact(text)
    if not re.fullmatch(r"[1-9]\d{10}", s):
        return False
    counts = sorted((s[:10].count(d) for d in set(s[:10])), reverse=True)
    if counts[0] not in (2, 3) or counts[1:].count(counts[0]) or any(c > 1 for c in counts[1:]):
        return False
    p = 10
    for c in s[:10]:
        t = (int(c) + p) % 10
        p = ((t if t else 10) * 2) % 11
    return (11 - p) % 10 == int(s[10])


def icao_ok(field: str, check: str) -> bool:
    values = [0 if c == "<" else int(c, 36) for c in field]
    return sum(v * w for v, w in zip(values, [7, 3, 1] * 20, strict=False)) % 10 == int(check)


def ausweis_ok(text: str) -> bool:
    return bool(re.fullmatch(r"[CFGHJKLMNPRTVWXYZ0-9]{9}\d", text)) and icao_ok(text[:9], text[9])


def kvnr_ok(text: str) -> bool:
    if not re.fullmatch(r"[A-Z]\d{9}", text):
        return False
    seq = f"{ord(text[0]) - ord('A') + 1:02d}" + text[1:9]
    total = 0
    for i, c in enumerate(seq):
        x = int(c) * (2 if i % 2 else 1)
        total += x - 9 if x > 9 else x
    return total % 10 == int(text[9])


def nino_ok(text: str) -> bool:
    s = compact(text)
    return bool(re.fullmatch(r"[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]", s)) and s[
        :2
    ] not in {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"}


def nhs_ok(text: str) -> bool:
    s = compact(text)
    if not re.fullmatch(r"\d{10}", s):
        return False
    check = (11 - sum(int(c) * w for c, w in zip(s[:9], range(10, 1, -1), strict=True)) % 11) % 11
    return check != 10 and check == int(s[9])


def ppsn_ok(text: str) -> bool:
    m = re.fullmatch(r"(\d{7})([A-W])([AWH]?)", text)
    if not m:
        return False
    total = sum(int(c) * w for c, w in zip(m[1], range(8, 1, -1), strict=True))
    if m[3]:
        total += 9 * (ord(m[3]) - ord("A") + 1 if m[3] != "W" else 0)
    return "WABCDEFGHIJKLMNOPQRSTUV"[total % 23] == m[2]


def svnr_ok(text: str) -> bool:
    s = compact(text)
    if not re.fullmatch(r"[1-9]\d{9}", s):
        return False
    w = [3, 7, 9, 0, 5, 8, 4, 2, 1, 6]
    if sum(int(c) * x for c, x in zip(s, w, strict=True)) % 11 != int(s[3]):
        return False
    try:
        dt.datetime.strptime(s[4:], "%d%m%y")
    except ValueError:
        return False
    return True


def ahv_ok(text: str) -> bool:
    s = compact(text)
    if not re.fullmatch(r"756\d{10}", s):
        return False
    total = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(s[:12]))
    return (10 - total % 10) % 10 == int(s[12])


def bsn_ok(text: str) -> bool:
    if not re.fullmatch(r"\d{9}", text):
        return False
    return (
        sum(int(c) * w for c, w in zip(text, range(9, 1, -1), strict=False)) - int(text[8])
    ) % 11 == 0


def be_nn_ok(text: str) -> bool:
    s = compact(text)
    if not re.fullmatch(r"\d{11}", s):
        return False
    key = int(s[9:])
    return key in (97 - int(s[:9]) % 97, 97 - int("2" + s[:9]) % 97)


def pt_nif_ok(text: str) -> bool:
    if not re.fullmatch(r"[1-3]\d{8}", text):
        return False
    r = 11 - sum(int(c) * w for c, w in zip(text[:8], range(9, 1, -1), strict=True)) % 11
    return (0 if r > 9 else r) == int(text[8])


def pesel_ok(text: str) -> bool:
    if not re.fullmatch(r"\d{11}", text):
        return False
    w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    return (10 - sum(int(c) * x for c, x in zip(text, w, strict=False)) % 10) % 10 == int(text[10])


def ssn_ok(text: str) -> bool:
    m = re.fullmatch(r"(\d{3})\s*[- ]\s*(\d{2})\s*[- ]\s*(\d{4})", text)
    if not m:
        return False
    area, group, serial = m.groups()
    return area not in {"000", "666"} and area[0] != "9" and group != "00" and serial != "0000"


def pan_ok(text: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]{3}P[A-Z]\d{4}[A-Z]", text))


def mrz_ok(text: str) -> bool:
    """TD3 line 2: document, birth, expiry and composite check digits."""
    if len(text) != 44:
        return False
    return (
        icao_ok(text[0:9], text[9])
        and icao_ok(text[13:19], text[19])
        and icao_ok(text[21:27], text[27])
        and icao_ok(text[28:42], text[42])
        and icao_ok(text[0:10] + text[13:20] + text[21:43], text[43])
    )


CHECKED = {
    "es_dni": dni_ok,
    "es_nie": nie_ok,
    "es_nss": nss_ok,
    "it_cf": cf_ok,
    "fr_nir": nir_ok,
    "de_steuer_id": steuer_id_ok,
    "de_ausweis": ausweis_ok,
    "de_kvnr": kvnr_ok,
    "uk_nino": nino_ok,
    "uk_nhs": nhs_ok,
    "ie_ppsn": ppsn_ok,
    "at_svnr": svnr_ok,
    "ch_ahv": ahv_ok,
    "nl_bsn": bsn_ok,
    "be_nn": be_nn_ok,
    "pt_nif": pt_nif_ok,
    "pl_pesel": pesel_ok,
    "us_ssn": ssn_ok,
    "in_pan": pan_ok,
    "mrz": mrz_ok,
}

_MONTHS = {
    name: i + 1
    for names in (
        "january february march april may june july august september october november december",
        "januar februar märz april mai juni juli august september oktober november dezember",
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
        "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre"
        " dicembre",
    )
    for i, name in enumerate(names.split())
}


_DAY_MONTH_YEAR = r"(\d{1,2})\.? (?:de )?([a-zäéû]+) (?:de )?(\d{4})"


def read_dates(text: str) -> list[dt.date]:
    """Every real date ``text`` can mean (two-digit years and d/m order are ambiguous)."""
    t = text.lower().strip()
    found: list[dt.date] = []

    def add(y: int, m: int, d: int) -> None:
        with contextlib.suppress(ValueError):
            found.append(dt.date(y, m, d))

    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t):
        add(int(m[1]), int(m[2]), int(m[3]))
    elif m := re.fullmatch(r"(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})", t):
        a, b, y = int(m[1]), int(m[2]), int(m[3])
        years = [y] if len(m[3]) == 4 else [1900 + y, 2000 + y]
        for year in years:
            add(year, b, a)
            add(year, a, b)
    elif (m := re.fullmatch(r"([a-zäéû]+) (\d{1,2}), (\d{4})", t)) and m[1] in _MONTHS:
        add(int(m[3]), _MONTHS[m[1]], int(m[2]))
    elif (m := re.fullmatch(_DAY_MONTH_YEAR, t)) and m[2] in _MONTHS:
        add(int(m[3]), _MONTHS[m[2]], int(m[1]))
    return found


UNCHECKED_IDS = frozenset(
    {
        "customer_no",
        "employee_no",
        "caf_no",
        "insurance_no",
        "rpps",
        "it_patente",
        "fr_permis",
        "us_dl",
        "passport",
        "plate",
    }
)  # identifiers whose issuers publish no check digit (or none applies)

_PLATES = (
    r"[A-Z]{1,3}-[A-Z]{1,2} \d{1,4}",  # DE
    r"W-\d{5}[A-E]",  # AT (Vienna)
    r"[A-Z]{2}-\d{3}-[A-Z]{2}",  # FR
    r"\d{4} [B-DF-HJ-NP-TV-Z]{3}",  # ES
    r"[A-Z]{2} \d{3}[A-Z]{2}",  # IT
    r"[A-Z]{2}\d{2} [A-Z]{3}",  # GB
    r"ZH \d{5,6}",  # CH (Zürich)
)


def plate_ok(text: str) -> bool:
    """A plate in one of the national formats used."""
    return any(re.fullmatch(p, text) for p in _PLATES)


def email_ok(text: str) -> bool:
    """One address, written plainly or spelled out."""
    plain = r"[\w.+-]+@[\w-]+(\.[\w-]+)+"
    spoken = (
        r"[\w.+-]+ (at|\[at\]|\(at\)|arroba|chiocciola) [\w-]+ (dot|\[dot\]|\(dot\)|punto) [\w.]+"
    )
    return bool(re.fullmatch(plain, text) or re.fullmatch(spoken, text))


def phone_ok(text: str) -> bool:
    """Seven to fifteen digits with the usual separators."""
    digits = sum(c.isdigit() for c in text)
    return 7 <= digits <= 15 and bool(re.fullmatch(r"\+?[\d ()./-]+", text))


def github_ok(text: str) -> bool:
    """A classic GitHub token whose last six characters are the base62 CRC32 of the body."""
    m = re.fullmatch(r"gh[pousr]_([A-Za-z0-9]{30})([A-Za-z0-9]{6})", text)
    if not m:
        return False
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    n, out = zlib.crc32(m[1].encode()), ""
    while n:
        n, rest = divmod(n, 62)
        out = alphabet[rest] + out
    return out.rjust(6, "0") == m[2]


def jwt_ok(text: str) -> bool:
    """Three base64url parts; the first two decode to JSON objects."""
    parts = text.split(".")
    if len(parts) != 3:
        return False
    for part in parts[:2]:
        raw = base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
        if not isinstance(json.loads(raw), dict):
            return False
    return True


def geo_ok(text: str) -> bool:
    """A latitude, a longitude, or a pair in decimal or DMS form, within range."""
    nums = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", text)]
    if "°" in text and "'" in text:
        return (
            len(nums) == 6
            and nums[0] <= 90
            and nums[3] <= 180
            and all(0 <= n < 60 for n in nums[1:3] + nums[4:])
        )
    if len(nums) == 1:
        return -180 <= nums[0] <= 180
    return len(nums) == 2 and -90 <= nums[0] <= 90 and -180 <= nums[1] <= 180
