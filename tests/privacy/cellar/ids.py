"""Identifiers, cards, accounts and birth dates, with their real check digits."""

from __future__ import annotations

import datetime as dt
from random import Random

from .build import V

ID = frozenset({"ID_NUMBER"})
SSN = frozenset({"US_SSN", "ID_NUMBER"})
PLATE = frozenset({"LICENSE_PLATE", "ID_NUMBER"})
CARD = frozenset({"CREDIT_CARD"})
IBAN = frozenset({"IBAN"})
DOB = frozenset({"DATE_OF_BIRTH"})
ALPHA = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
TODAY = dt.date(2026, 1, 1)


def digits(r: Random, n: int) -> str:
    """``n`` random digits."""
    return "".join(str(r.randrange(10)) for _ in range(n))


def luhn_digit(body: str) -> str:
    """The Luhn check digit to append to ``body``."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return str((10 - total % 10) % 10)


def card(r: Random) -> V:
    """A Visa, Mastercard or Amex number, grouped as people type it."""
    kind = r.randrange(3)
    if kind == 2:
        body = r.choice(["34", "37"]) + digits(r, 12)
        num = body + luhn_digit(body)
        text = f"{num[:4]} {num[4:10]} {num[10:]}"
    else:
        body = ("4" if kind == 0 else str(r.randint(51, 55))) + digits(r, 14)
        body = body[:15]
        num = body + luhn_digit(body)
        sep = r.choice([" ", "-", "", " "])
        text = sep.join(num[i : i + 4] for i in range(0, 16, 4))
    return V("card", text, CARD)


IBAN_SHAPE: dict[str, str] = {  # country: pattern of the BBAN (n = digit, a = letter)
    "DE": "n" * 18,
    "AT": "n" * 16,
    "CH": "n" * 17,
    "ES": "n" * 20,
    "FR": "n" * 23,
    "IT": "a" + "n" * 22,
    "GB": "aaaa" + "n" * 14,
    "IE": "aaaa" + "n" * 14,
    "NL": "aaaa" + "n" * 10,
    "BE": "n" * 12,
    "PT": "n" * 21,
}


def _mod97(text: str) -> int:
    return int("".join(str(int(c, 36)) for c in text)) % 97


def iban(r: Random, country: str) -> V:
    """A valid IBAN of ``country``, grouped by four or not."""
    bban = "".join(
        r.choice(ALPHA) if c == "a" else str(r.randrange(10)) for c in IBAN_SHAPE[country]
    )
    check = 98 - _mod97(bban + country + "00")
    raw = f"{country}{check:02d}{bban}"
    text = " ".join(raw[i : i + 4] for i in range(0, len(raw), 4)) if r.random() < 0.6 else raw
    return V("iban", text, IBAN)


def dni(r: Random) -> V:
    """A Spanish DNI or NIE."""
    if r.random() < 0.3:
        lead = r.randrange(3)
        body = digits(r, 7)
        letter = "TRWAGMYFPDXBNJZSQVHLCKE"[int(str(lead) + body) % 23]
        return V("nie", f"{'XYZ'[lead]}{body}{letter}", ID)
    body = str(r.randint(10000000, 79999999))
    letter = "TRWAGMYFPDXBNJZSQVHLCKE"[int(body) % 23]
    text = r.choice(
        [f"{body}{letter}", f"{body}-{letter}", f"{body[:2]}.{body[2:5]}.{body[5:]}-{letter}"]
    )
    return V("dni", text, ID)


_CF_ODD = [
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
]


def _cf_value(ch: str, odd: bool) -> int:
    idx = int(ch) if ch.isdigit() else ALPHA.index(ch)
    return _CF_ODD[idx] if odd else idx


def codice_fiscale(r: Random, born: dt.date | None = None) -> V:
    """An Italian codice fiscale with its check letter."""
    day = born or dob_date(r)
    cons = "BCDFGLMNPRSTVZ"
    body = "".join(r.choice(cons) for _ in range(3)) + "".join(r.choice(cons) for _ in range(2))
    body += r.choice("AEIOU")
    body += f"{day.year % 100:02d}{'ABCDEHLMPRST'[day.month - 1]}{day.day + r.choice([0, 40]):02d}"
    body += r.choice("ABCDFGHLMZ") + digits(r, 3)
    total = sum(_cf_value(c, i % 2 == 0) for i, c in enumerate(body))
    return V("codice_fiscale", body + ALPHA[total % 26], ID)


def nir(r: Random) -> V:
    """A French social-security number (NIR) with its key."""
    dept = r.choice(["75", "69", "13", "33", "59"])
    body = f"{r.choice('12')}{r.randint(40, 99):02d}{r.randint(1, 12):02d}{dept}"
    body += digits(r, 6)
    key = 97 - int(body) % 97
    full = f"{body}{key:02d}"
    if r.random() < 0.5:
        full = " ".join(
            [full[0], full[1:3], full[3:5], full[5:7], full[7:10], full[10:13], full[13:]]
        )
    return V("nir", full, ID)


def steuer_id(r: Random) -> V:
    """A German tax ID (Steuer-IdNr.) with its ISO 7064 check digit."""
    while True:
        pool = r.sample(range(10), 9)
        first10 = [*pool, r.choice(pool)]
        r.shuffle(first10)
        if first10[0] != 0:
            break
    product = 10
    for d in first10:
        s = (d + product) % 10 or 10
        product = (s * 2) % 11
    check = (11 - product) % 10
    num = "".join(map(str, first10)) + str(check)
    text = r.choice([num, f"{num[:2]} {num[2:5]} {num[5:8]} {num[8:]}"])
    return V("steuer_id", text, ID)


def nino(r: Random) -> V:
    """A UK National Insurance number."""
    first = r.choice("ABCEGHJKLMNPRSTWXYZ")
    second = r.choice("ABCEGHJKLMNPRSTWXYZ".replace("O", ""))
    while first + second in ("BG", "GB", "NK", "KN", "TN", "NT", "ZZ"):
        second = r.choice("ABCEHJLMPRSTWXY")
    num = digits(r, 6)
    suffix = r.choice("ABCD")
    text = r.choice(
        [
            f"{first}{second}{num}{suffix}",
            f"{first}{second} {num[:2]} {num[2:4]} {num[4:]} {suffix}",
        ]
    )
    return V("nino", text, ID)


def ssn(r: Random) -> V:
    """A US social security number that follows the issuing rules."""
    area = r.choice([n for n in range(1, 900) if n != 666][::7])
    group, serial = r.randint(1, 99), r.randint(1, 9999)
    sep = r.choice(["-", "-", " ", " - "])
    return V("ssn", f"{area:03d}{sep}{group:02d}{sep}{serial:04d}", SSN)


def bsn(r: Random) -> V:
    """A Dutch citizen service number passing the 11-test."""
    while True:
        body = digits(r, 8)
        total = sum(int(c) * w for c, w in zip(body, range(9, 1, -1), strict=True))
        last = total % 11
        if last < 10 and body[0] != "0":
            return V("bsn", body + str(last), ID)


def ahv(r: Random) -> V:
    """A Swiss AHV/AVS number (EAN-13 check)."""
    body = "756" + digits(r, 9)
    total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body))
    num = body + str((10 - total % 10) % 10)
    return V("ahv", f"{num[:3]}.{num[3:7]}.{num[7:11]}.{num[11:]}", ID)


def kvnr(r: Random) -> V:
    """A German health-insurance number (Krankenversichertennummer)."""
    letter = r.choice(ALPHA)
    body = digits(r, 8)
    seq = f"{ALPHA.index(letter) + 1:02d}{body}"
    total = 0
    for i, c in enumerate(seq):
        p = int(c) * (1 if i % 2 == 0 else 2)
        total += p // 10 + p % 10
    return V("kvnr", f"{letter}{body}{total % 10}", ID)


def nhs(r: Random) -> V:
    """A UK NHS number (modulus 11)."""
    while True:
        body = digits(r, 9)
        check = 11 - sum(int(c) * w for c, w in zip(body, range(10, 1, -1), strict=True)) % 11
        if check == 11:
            check = 0
        if check != 10:
            num = body + str(check)
            return V("nhs", f"{num[:3]} {num[3:6]} {num[6:]}", ID)


def ppsn(r: Random) -> V:
    """An Irish PPS number (modulus 23), old or new style."""
    body = digits(r, 7)
    second = r.choice(["", "A"])
    total = sum(int(c) * w for c, w in zip(body, range(8, 1, -1), strict=True))
    total += (ALPHA.index(second) + 1) * 9 if second else 0
    rem = total % 23
    return V("ppsn", f"{body}{'W' if rem == 0 else ALPHA[rem - 1]}{second}", ID)


def svnr(r: Random, born: dt.date | None = None) -> V:
    """An Austrian social-insurance number (serial, check, birth date)."""
    day = born or dob_date(r)
    weights = (3, 7, 9, 5, 8, 4, 2, 1, 6)
    while True:
        serial = str(r.randint(100, 999))
        date6 = day.strftime("%d%m%y")
        check = sum(int(c) * w for c, w in zip(serial + date6, weights, strict=True)) % 11
        if check < 10:
            return V("svnr", f"{serial}{check} {date6}", ID)


def be_nn(r: Random, born: dt.date | None = None) -> V:
    """A Belgian national register number."""
    day = born or dob_date(r)
    base = day.strftime("%y%m%d") + f"{r.randint(1, 997):03d}"
    num = int(("2" if day.year >= 2000 else "") + base)
    check = 97 - num % 97
    return V("be_nn", f"{base[:2]}.{base[2:4]}.{base[4:6]}-{base[6:]}.{check:02d}", ID)


def pan(r: Random) -> V:
    """An Indian PAN (no check digit; fourth letter P for a person)."""
    text = (
        "".join(r.choice(ALPHA) for _ in range(3))
        + "P"
        + r.choice(ALPHA)
        + digits(r, 4)
        + r.choice(ALPHA)
    )
    return V("pan", text, ID)


def mrz_digit(text: str) -> str:
    """ICAO 9303 check digit (weights 7, 3, 1)."""
    values = [0 if c == "<" else int(c, 36) for c in text]
    return str(sum(v * (7, 3, 1)[i % 3] for i, v in enumerate(values)) % 10)


def passport_no(r: Random) -> str:
    """A passport number of nine characters."""
    return r.choice(ALPHA[:10]) + "".join(r.choice("CFGHJKLMNPRTVWXYZ0123456789") for _ in range(8))


def mrz_line2(r: Random, number: str, nat: str, born: dt.date, sex: str) -> V:
    """The second machine-readable line of a passport."""
    birth = born.strftime("%y%m%d")
    expiry = dt.date(2029 + r.randrange(5), r.randint(1, 12), r.randint(1, 28)).strftime("%y%m%d")
    opt = "<" * 14
    parts = (
        number
        + mrz_digit(number)
        + nat
        + birth
        + mrz_digit(birth)
        + sex
        + expiry
        + mrz_digit(expiry)
    )
    composite = (
        number
        + mrz_digit(number)
        + birth
        + mrz_digit(birth)
        + expiry
        + mrz_digit(expiry)
        + opt
        + mrz_digit(opt)
    )
    return V("mrz", parts + opt + mrz_digit(opt) + mrz_digit(composite), ID)


def plate(r: Random, loc: str) -> V:
    """A licence plate of ``loc``."""

    def a(n: int) -> str:
        return "".join(r.choice("ABCDEFGHJKLMNPRSTVWXYZ") for _ in range(n))

    text = {
        "de": f"{r.choice(['M', 'B', 'HH', 'K', 'S', 'F'])}-{a(2)} {r.randint(1, 9999)}",
        "fr": f"{a(2)}-{digits(r, 3)}-{a(2)}",
        "it": f"{a(2)} {digits(r, 3)}{a(2)}" if r.random() < 0.5 else f"{a(2)}{digits(r, 3)}{a(2)}",
        "es": f"{digits(r, 4)} {''.join(r.choice('BCDFGHJKLMNPRSTVWXYZ') for _ in range(3))}",
        "uk": f"{a(2)}{r.randint(51, 74)} {a(3)}",
        "at": f"W-{r.randint(100, 99999)} {a(1)}",
        "ch": f"ZH {r.randint(10000, 999999)}",
    }[loc]
    return V("plate", text, PLATE)


def dob_date(r: Random) -> dt.date:
    """A birth date between 1938 and 2007."""
    return dt.date(1938, 1, 1) + dt.timedelta(days=r.randrange(25500))


MONTHS: dict[str, tuple[str, ...]] = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "de": (
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ),
    "es": (
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
    ),
    "fr": (
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
    ),
    "it": (
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
    ),
}


def date_text(day: dt.date, lang: str, style: int) -> str:
    """``day`` written in ``lang``; ``style`` picks numeric, worded, ISO or two-digit year."""
    m = MONTHS[lang][day.month - 1]
    if style == 0:
        return (
            day.strftime("%m/%d/%Y") if lang == "en" and day.day > 12 else day.strftime("%d/%m/%Y")
        )
    if style == 1:
        return {
            "en": f"{day.day} {m} {day.year}",
            "de": f"{day.day}. {m} {day.year}",
            "es": f"{day.day} de {m} de {day.year}",
            "fr": f"{day.day} {m} {day.year}",
            "it": f"{day.day} {m} {day.year}",
        }[lang]
    if style == 2:
        return day.isoformat()
    if style == 3:
        return day.strftime("%d.%m.%y") if lang == "de" else day.strftime("%d/%m/%y")
    return day.strftime("%d.%m.%Y")


def dob(r: Random, lang: str, born: dt.date | None = None) -> V:
    """A birth date as written in ``lang``."""
    return V("dob", date_text(born or dob_date(r), lang, r.randrange(5)), DOB)


def national_id(r: Random, loc: str) -> V:
    """The everyday national identifier of ``loc``."""
    makers = {
        "de": steuer_id,
        "at": svnr,
        "ch": ahv,
        "es": dni,
        "fr": nir,
        "it": codice_fiscale,
        "uk": nino,
        "ie": ppsn,
        "us": ssn,
        "nl": bsn,
        "be": be_nn,
    }
    return makers[loc](r)
