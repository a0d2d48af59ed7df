"""Identifiers with their real check schemes, cards, IBANs and dates of birth."""

from __future__ import annotations

import datetime as dt
import string
import zlib
from random import Random

from .build import CARD, DOB, IBAN, ID, PLATE, SSN, Val
from .people import Person, fold

_D = string.digits
_U = string.ascii_uppercase


def digits(r: Random, n: int) -> str:
    """``n`` random digits."""
    return "".join(r.choice(_D) for _ in range(n))


def birth_date(r: Random, young: bool = False) -> dt.date:
    """A real date between 1938 and 2006 (2008–2019 when ``young``)."""
    lo, hi = (
        (dt.date(2008, 1, 1), dt.date(2019, 12, 31))
        if young
        else (dt.date(1938, 1, 1), dt.date(2006, 12, 31))
    )
    return lo + dt.timedelta(days=r.randint(0, (hi - lo).days))


_MONTHS = {
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


def date_text(d: dt.date, style: str) -> str:
    """``d`` written in one of the styles the tests know how to read back."""
    m = d.month - 1
    return {
        "dmy.": f"{d.day:02d}.{d.month:02d}.{d.year}",
        "dmy/": f"{d.day:02d}/{d.month:02d}/{d.year}",
        "mdy/": f"{d.month:02d}/{d.day:02d}/{d.year}",
        "iso": d.isoformat(),
        "dmy2": f"{d.day:02d}/{d.month:02d}/{d.year % 100:02d}",
        "dmy-": f"{d.day:02d}-{d.month:02d}-{d.year}",
        "mdy2": f"{d.month}/{d.day}/{d.year % 100:02d}",
        "en": f"{_MONTHS['en'][m]} {d.day}, {d.year}",
        "en_d": f"{d.day} {_MONTHS['en'][m]} {d.year}",
        "de": f"{d.day}. {_MONTHS['de'][m]} {d.year}",
        "es": f"{d.day} de {_MONTHS['es'][m]} de {d.year}",
        "fr": f"{d.day} {_MONTHS['fr'][m]} {d.year}",
        "it": f"{d.day} {_MONTHS['it'][m]} {d.year}",
    }[style]


def dob(r: Random, style: str, young: bool = False) -> tuple[Val, dt.date]:
    """A date of birth written in ``style``, and the date itself."""
    d = birth_date(r, young)
    return Val("dob", date_text(d, style), DOB), d


def dob_val(d: dt.date, style: str) -> Val:
    """An already chosen date of birth written in ``style``."""
    return Val("dob", date_text(d, style), DOB)


# --- cards --------------------------------------------------------------------------------


def luhn_digit(body: str) -> str:
    """The Luhn check digit to append to ``body``."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        n = int(ch)
        if i % 2 == 0:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return str((10 - total % 10) % 10)


def card(r: Random) -> Val:
    """A Visa, Mastercard or Amex number that passes Luhn, grouped as people type it."""
    kind = r.choice(("visa", "visa", "mc", "mc2", "amex"))
    prefix, length = {
        "visa": ("4" + digits(r, 5), 16),
        "mc": (str(r.randint(51, 55)) + digits(r, 4), 16),
        "mc2": (str(r.randint(2221, 2720)) + digits(r, 2), 16),
        "amex": (r.choice(("34", "37")) + digits(r, 4), 15),
    }[kind]
    body = prefix + digits(r, length - len(prefix) - 1)
    number = body + luhn_digit(body)
    sep = r.choice((" ", " ", "-", ""))
    if length == 15:
        text = sep.join((number[:4], number[4:10], number[10:]))
    else:
        text = sep.join(number[i : i + 4] for i in range(0, 16, 4))
    return Val("card", text, CARD)


# --- IBAN ---------------------------------------------------------------------------------

_BBAN = {  # country: pattern of the BBAN (n digit, a upper letter, c alphanumeric)
    "DE": "n" * 18,
    "AT": "n" * 16,
    "CH": "n" * 5 + "c" * 12,
    "ES": "n" * 20,
    "FR": "n" * 10 + "c" * 11 + "n" * 2,
    "IT": "a" + "n" * 10 + "c" * 12,
    "GB": "aaaa" + "n" * 14,
    "IE": "aaaa" + "n" * 14,
    "NL": "aaaa" + "n" * 10,
    "BE": "n" * 12,
    "PT": "n" * 21,
    "LU": "n" * 3 + "c" * 13,
    "PL": "n" * 24,
}


def _alnum_value(text: str) -> int:
    return int("".join(str(int(c, 36)) for c in text))


def iban(r: Random, country: str, spaced: bool | None = None) -> Val:
    """An IBAN of ``country`` with valid mod-97 check digits."""
    pool = {"n": _D, "a": _U, "c": _D + _U}
    bban = "".join(r.choice(pool[k]) for k in _BBAN[country])
    if country == "GB":
        bban = r.choice(("NWBK", "BARC", "LOYD", "HBUK", "MIDL")) + bban[4:]
    check = 98 - _alnum_value(bban + country + "00") % 97
    number = f"{country}{check:02d}{bban}"
    if spaced is None:
        spaced = r.random() < 0.6
    text = " ".join(number[i : i + 4] for i in range(0, len(number), 4)) if spaced else number
    return Val("iban", text, IBAN)


# --- national identifiers ------------------------------------------------------------------

_DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def es_dni(r: Random) -> Val:
    """Spanish DNI: 8 digits and the mod-23 letter."""
    n = r.randint(1_000_000, 79_999_999)
    number = f"{n:08d}"
    text = f"{number}{_DNI_LETTERS[n % 23]}"
    if r.random() < 0.25:
        text = f"{number[:2]}.{number[2:5]}.{number[5:]}-{text[-1]}"
    return Val("es_dni", text, ID)


def es_nie(r: Random) -> Val:
    """Spanish NIE: X/Y/Z, 7 digits and the mod-23 letter."""
    lead = r.choice("XYZ")
    body = digits(r, 7)
    letter = _DNI_LETTERS[int(str("XYZ".index(lead)) + body) % 23]
    sep = r.choice(("", "-"))
    return Val("es_nie", f"{lead}{sep}{body}{sep}{letter}", ID)


def es_nss(r: Random) -> Val:
    """Spanish social-security number: province, number, mod-97 control."""
    prov = r.choice(("28", "08", "46", "41", "48", "29", "50"))
    num = f"{r.randint(10_000_000, 99_999_999)}"
    ctrl = int(prov + num) % 97
    sep = r.choice(("/", " ", ""))
    return Val("es_nss", f"{prov}{sep}{num}{sep}{ctrl:02d}", ID)


_CF_ODD = dict(
    zip(
        _D + _U,
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
_CF_MONTHS = "ABCDEHLMPRST"


def _cf_part(name: str, given: bool) -> str:
    letters = fold(name).upper()
    cons = [c for c in letters if c not in "AEIOU"]
    vows = [c for c in letters if c in "AEIOU"]
    if given and len(cons) >= 4:
        cons = [cons[0], cons[2], cons[3]]
    return ("".join(cons + vows) + "XXX")[:3]


def it_cf(p: Person, born: dt.date, female: bool, r: Random) -> Val:
    """Italian codice fiscale of ``p`` with the real check letter."""
    day = born.day + (40 if female else 0)
    town = r.choice(("F205", "H501", "L219", "F839", "A944", "G273", "D612", "L736", "C351"))
    body = (
        _cf_part(p.family, False)
        + _cf_part(p.given, True)
        + f"{born.year % 100:02d}{_CF_MONTHS[born.month - 1]}{day:02d}{town}"
    )
    total = sum(
        _CF_ODD[c] if i % 2 == 0 else (int(c) if c.isdigit() else ord(c) - 65)
        for i, c in enumerate(body)
    )
    return Val("it_cf", body + chr(65 + total % 26), ID)


def fr_nir(r: Random, born: dt.date, female: bool) -> Val:
    """French social-security number (NIR) with its mod-97 key."""
    dept = r.choice(("75", "69", "13", "33", "59", "31", "44", "67", "06", "93"))
    body = (
        f"{2 if female else 1}{born.year % 100:02d}{born.month:02d}{dept}"
        f"{r.randint(1, 999):03d}{r.randint(1, 999):03d}"
    )
    key = 97 - int(body) % 97
    if r.random() < 0.6:
        g = (body[0], body[1:3], body[3:5], body[5:7], body[7:10], body[10:13], f"{key:02d}")
        return Val("fr_nir", " ".join(g), ID)
    return Val("fr_nir", f"{body}{key:02d}", ID)


def _steuer_check(body: str) -> int:
    product = 10
    for ch in body:
        s = (int(ch) + product) % 10 or 10
        product = s * 2 % 11
    return (11 - product) % 10


def de_steuer_id(r: Random) -> Val:
    """German tax identification number (11 digits, ISO 7064 MOD 11,10)."""
    while True:
        chosen = r.sample(_D, 9)
        body = [*chosen, r.choice(chosen)]
        r.shuffle(body)
        if body[0] != "0":
            break
    text = "".join(body)
    text += str(_steuer_check(text))
    if r.random() < 0.4:
        text = f"{text[:2]} {text[2:5]} {text[5:8]} {text[8:]}"
    return Val("de_steuer_id", text, ID)


def icao_digit(text: str) -> str:
    """ICAO 9303 check digit (weights 7, 3, 1; '<' counts 0)."""
    total = 0
    for i, c in enumerate(text):
        v = 0 if c == "<" else int(c, 36)
        total += v * (7, 3, 1)[i % 3]
    return str(total % 10)


def de_ausweis(r: Random) -> Val:
    """German identity-card number: 9 characters and the 7-3-1 check digit."""
    alphabet = "CFGHJKLMNPRTVWXYZ"
    body = r.choice("LMNPRTVWXY") + "".join(r.choice(alphabet + _D) for _ in range(8))
    return Val("de_ausweis", body + icao_digit(body), ID)


def de_kvnr(r: Random) -> Val:
    """German health-insurance number: letter, 8 digits, check digit."""
    letter = r.choice(_U)
    body = digits(r, 8)
    seq = f"{ord(letter) - 64:02d}{body}"
    total = 0
    for i, ch in enumerate(seq):
        p = int(ch) * (1 if i % 2 == 0 else 2)
        total += p // 10 + p % 10
    return Val("de_kvnr", f"{letter}{body}{total % 10}", ID)


def uk_nino(r: Random) -> Val:
    """UK National Insurance number (valid prefix letters, suffix A–D)."""
    first_ok = "ABCEGHJKLMNOPRSTWXYZ"
    second_ok = "ABCEGHJKLMNPRSTWXYZ"
    while True:
        prefix = r.choice(first_ok) + r.choice(second_ok)
        if prefix not in {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"}:
            break
    num = digits(r, 6)
    suffix = r.choice("ABCD")
    if r.random() < 0.5:
        return Val("uk_nino", f"{prefix} {num[:2]} {num[2:4]} {num[4:]} {suffix}", ID)
    return Val("uk_nino", f"{prefix}{num}{suffix}", ID)


def uk_nhs(r: Random) -> Val:
    """NHS number: 9 digits and the mod-11 check digit."""
    while True:
        body = digits(r, 9)
        check = 11 - sum(int(c) * (10 - i) for i, c in enumerate(body)) % 11
        if check != 10:
            break
    n = body + str(check % 11)
    return Val("uk_nhs", f"{n[:3]} {n[3:6]} {n[6:]}", ID)


def ie_ppsn(r: Random) -> Val:
    """Irish PPS number: 7 digits, mod-23 check letter, sometimes a trailing A."""
    body = digits(r, 7)
    extra = r.choice(("", "A"))
    total = sum(int(c) * (8 - i) for i, c in enumerate(body)) + (9 if extra else 0)
    return Val("ie_ppsn", f"{body}{'WABCDEFGHIJKLMNOPQRSTUV'[total % 23]}{extra}", ID)


def at_svnr(r: Random, born: dt.date) -> Val:
    """Austrian social-insurance number: serial, check digit, birth date."""
    weights = (3, 7, 9, 5, 8, 4, 2, 1, 6)
    while True:
        serial = f"{r.randint(100, 999)}"
        rest = serial + born.strftime("%d%m%y")
        check = sum(int(c) * w for c, w in zip(rest, weights, strict=True)) % 11
        if check != 10:
            break
    return Val("at_svnr", f"{serial}{check} {born.strftime('%d%m%y')}", ID)


def ean_digit(body: str) -> str:
    """GTIN/EAN check digit for ``body``."""
    total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(reversed(body), start=1))
    return str((10 - total % 10) % 10)


def ch_ahv(r: Random) -> Val:
    """Swiss AHV number (756 prefix, EAN-13 check digit)."""
    body = "756" + digits(r, 9)
    n = body + ean_digit(body)
    return Val("ch_ahv", f"{n[:3]}.{n[3:7]}.{n[7:11]}.{n[11:]}", ID)


def nl_bsn(r: Random) -> Val:
    """Dutch BSN (eleven test)."""
    while True:
        body = str(r.randint(1, 9)) + digits(r, 7)
        rest = sum(int(c) * (9 - i) for i, c in enumerate(body)) % 11
        if rest != 10:
            return Val("nl_bsn", body + str(rest), ID)


def be_nn(r: Random, born: dt.date) -> Val:
    """Belgian national number (birth date, serial, mod-97 key)."""
    base = born.strftime("%y%m%d") + f"{r.randint(1, 997):03d}"
    key = 97 - int(("2" if born.year >= 2000 else "") + base) % 97
    return Val("be_nn", f"{base[:2]}.{base[2:4]}.{base[4:6]}-{base[6:]}.{key:02d}", ID)


def pt_nif(r: Random) -> Val:
    """Portuguese NIF of a person (mod-11 check digit)."""
    body = str(r.randint(1, 2)) + digits(r, 7)
    rest = 11 - sum(int(c) * (9 - i) for i, c in enumerate(body)) % 11
    return Val("pt_nif", body + str(0 if rest >= 10 else rest), ID)


def pl_pesel(r: Random, born: dt.date, female: bool) -> Val:
    """Polish PESEL (birth date, serial with sex digit, weighted check)."""
    month = born.month + (20 if born.year >= 2000 else 0)
    sex = r.choice("02468" if female else "13579")
    body = f"{born.year % 100:02d}{month:02d}{born.day:02d}{digits(r, 3)}{sex}"
    total = sum(int(c) * w for c, w in zip(body, (1, 3, 7, 9, 1, 3, 7, 9, 1, 3), strict=True))
    return Val("pl_pesel", body + str((10 - total % 10) % 10), ID)


def us_ssn(r: Random) -> Val:
    """US social security number (area not 000/666/9xx, group and serial non-zero)."""
    while True:
        area = r.randint(1, 899)
        if area != 666:
            break
    n = f"{area:03d}", f"{r.randint(1, 99):02d}", f"{r.randint(1, 9999):04d}"
    sep = r.choice(("-", "-", " ", " - "))
    return Val("us_ssn", sep.join(n), SSN)


def in_pan(r: Random, p: Person) -> Val:
    """Indian PAN of a person (fourth letter P, fifth the surname initial)."""
    initial = (fold(p.family)[:1] or "x").upper()
    text = "".join(r.choice(_U) for _ in range(3)) + "P" + initial + digits(r, 4) + r.choice(_U)
    return Val("in_pan", text, ID)


def us_dl(r: Random) -> Val:
    """A US driving-licence number (California or New York style)."""
    if r.random() < 0.5:
        return Val("us_dl", r.choice(_U) + digits(r, 7), ID)
    return Val("us_dl", f"{digits(r, 3)} {digits(r, 3)} {digits(r, 3)}", ID)


def passport_no(r: Random, country: str) -> Val:
    """A passport number in the format ``country`` issues."""
    u = _U
    text = {
        "DE": "C" + "".join(r.choice("CFGHJKLMNPRTVWXYZ" + _D) for _ in range(8)),
        "ES": "".join(r.choice(u) for _ in range(3)) + digits(r, 6),
        "FR": digits(r, 2) + r.choice(u) + r.choice(u) + digits(r, 5),
        "IT": r.choice(u) + r.choice(u) + digits(r, 7),
        "GB": digits(r, 9),
        "US": digits(r, 9),
    }[country]
    return Val("passport", text, ID)


def member_no(r: Random, slot: str, shape: str) -> Val:
    """A customer/employee/member number: ``shape`` uses 9 for a digit, A for a letter."""
    text = "".join(r.choice(_D) if c == "9" else r.choice(_U) if c == "A" else c for c in shape)
    return Val(slot, text, ID)


def mrz(r: Random, p: Person, country: str, born: dt.date, female: bool) -> tuple[Val, str, Val]:
    """A passport MRZ: the name field of line 1, the rest of line 1, and line 2."""
    surname = fold(p.family).upper() or "X"
    given = fold(p.given).upper() or "X"
    name = f"{surname}<<{given}"
    nat = {"DE": "D<<", "ES": "ESP", "FR": "FRA", "IT": "ITA", "GB": "GBR", "US": "USA"}[country]
    number = passport_no(r, country).text.ljust(9, "<")[:9]
    expiry = dt.date(2026 + r.randint(1, 9), r.randint(1, 12), r.randint(1, 28))
    fields = (
        number
        + icao_digit(number)
        + nat
        + born.strftime("%y%m%d")
        + icao_digit(born.strftime("%y%m%d"))
        + ("F" if female else "M")
        + expiry.strftime("%y%m%d")
        + icao_digit(expiry.strftime("%y%m%d"))
    )
    optional = "<" * 14
    line2 = fields + optional + icao_digit(optional)
    composite = line2[0:10] + line2[13:20] + line2[21:43]
    line2 += icao_digit(composite)
    rest = "<" * (44 - 5 - len(name))
    return Val("mrz_name", name, frozenset({"PERSON"})), rest, Val("mrz", line2, ID)


def plate(r: Random, country: str) -> Val:
    """A licence plate of ``country``."""
    u = "ABCDEFGHJKLMNPRSTUVWXYZ"

    def L(n: int) -> str:
        return "".join(r.choice(u) for _ in range(n))

    text = {
        "DE": f"{r.choice(('B', 'M', 'HH', 'K', 'F', 'S', 'DA'))}-{L(2)} {r.randint(1, 9999)}",
        "AT": f"W-{r.randint(10000, 99999)}{r.choice('ABCDE')}",
        "FR": f"{L(2)}-{digits(r, 3)}-{L(2)}",
        "ES": f"{digits(r, 4)} {''.join(r.choice('BCDFGHJKLMNPRSTVWXYZ') for _ in range(3))}",
        "IT": f"{L(2)} {digits(r, 3)}{L(2)}",
        "GB": f"{L(2)}{r.randint(10, 74)} {L(3)}",
        "CH": f"ZH {r.randint(10000, 999999)}",
    }[country]
    return Val("plate", text, PLATE)


def github_crc(body: str) -> str:
    """Base62 CRC32 of ``body``, six characters, as GitHub tokens end."""
    alphabet = _D + string.ascii_uppercase + string.ascii_lowercase
    n = zlib.crc32(body.encode())
    out = ""
    while n:
        n, rem = divmod(n, 62)
        out = alphabet[rem] + out
    return out.rjust(6, "0")
