"""Identity numbers with their published check rules: a generator and a validator each."""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Callable
from dataclasses import dataclass

from privacy.holdout import checks
from privacy.holdout.people import Person, ascii_fold, it_check

ID = frozenset({"ID_NUMBER"})
SSN = frozenset({"US_SSN", "ID_NUMBER"})
PLATE = frozenset({"ID_NUMBER", "LICENSE_PLATE"})


@dataclass(frozen=True)
class Scheme:
    """One identifier scheme: how to make a value and how to check it."""

    make: Callable[[random.Random, Person], str]
    check: Callable[[str], bool]
    types: frozenset[str] = ID


SCHEMES: dict[str, Scheme] = {}


def scheme(
    name: str, check: Callable[[str], bool], types: frozenset[str] = ID
) -> Callable[[Callable[[random.Random, Person], str]], Callable[[random.Random, Person], str]]:
    """Register a generator under ``name`` with its validator."""

    def deco(
        make: Callable[[random.Random, Person], str],
    ) -> Callable[[random.Random, Person], str]:
        SCHEMES[name] = Scheme(make, check, types)
        return make

    return deco


def _d(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(checks.DIGITS) for _ in range(n))


def _compact(text: str) -> str:
    return re.sub(r"[\s./-]", "", text).upper()


def _ymd(p: Person) -> tuple[str, str, str]:
    return f"{p.dob.year % 100:02d}", f"{p.dob.month:02d}", f"{p.dob.day:02d}"


# --- Spain -----------------------------------------------------------------------------------
_DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def _dni_ok(text: str) -> bool:
    t = _compact(text)
    if not re.fullmatch(r"[XYZ0-9]\d{7}[A-Z]", t):
        return False
    num = "XYZ".index(t[0]) if t[0] in "XYZ" else int(t[0])
    return _DNI_LETTERS[int(f"{num}{t[1:8]}") % 23] == t[8]


@scheme("es_dni", _dni_ok)
def es_dni(rng: random.Random, p: Person) -> str:
    n = rng.randint(10_000_000, 79_999_999)
    return rng.choice(["{}{}", "{}-{}", "{} {}"]).format(n, _DNI_LETTERS[n % 23])


@scheme("es_nie", _dni_ok)
def es_nie(rng: random.Random, p: Person) -> str:
    lead = rng.choice("XY")
    body = _d(rng, 7)
    letter = _DNI_LETTERS[int(f"{'XYZ'.index(lead)}{body}") % 23]
    return rng.choice(["{}{}{}", "{}-{}-{}"]).format(lead, body, letter)


# --- Italy -----------------------------------------------------------------------------------
_CF_MONTHS = "ABCDEHLMPRST"
_BELFIORE = ["H501", "F205", "L219", "F839", "A662", "G273", "D612", "A944", "L736", "G224"]


def _cf_part(name: str, given: bool) -> str:
    s = ascii_fold(name).upper().replace(" ", "").replace("'", "")
    cons = [c for c in s if c.isalpha() and c not in "AEIOU"]
    vows = [c for c in s if c in "AEIOU"]
    if given and len(cons) > 3:
        cons = [cons[0], cons[2], cons[3]]
    return "".join(cons + vows + ["X", "X", "X"])[:3]


def _cf_ok(text: str) -> bool:
    t = text.upper()
    if not re.fullmatch(r"[A-Z]{6}\d{2}[ABCDEHLMPRST]\d{2}[A-Z]\d{3}[A-Z]", t):
        return False
    day = int(t[9:11]) % 40
    return 1 <= day <= 31 and it_check(t[:15]) == t[15]


@scheme("it_cf", _cf_ok)
def it_cf(rng: random.Random, p: Person) -> str:
    yy, _, _ = _ymd(p)
    day = p.dob.day + (40 if p.sex == "f" else 0)
    body = (
        _cf_part(p.last, False)
        + _cf_part(p.first, True)
        + yy
        + _CF_MONTHS[p.dob.month - 1]
        + f"{day:02d}"
        + rng.choice(_BELFIORE)
    )
    return body + it_check(body)


# --- United Kingdom ----------------------------------------------------------------------------
_NINO_BAD = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


def _nino_ok(text: str) -> bool:
    t = _compact(text)
    return (
        re.fullmatch(r"[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]", t) is not None
        and t[:2] not in _NINO_BAD
    )


@scheme("uk_nino", _nino_ok)
def uk_nino(rng: random.Random, p: Person) -> str:
    while True:
        pre = rng.choice("ABCEGHJKLMNOPRSTWXYZ") + rng.choice("ABCEGHJKLMNPRSTWXYZ")
        if pre not in _NINO_BAD:
            break
    d = _d(rng, 6)
    suf = rng.choice("ABCD")
    return rng.choice(
        [f"{pre} {d[:2]} {d[2:4]} {d[4:]} {suf}", f"{pre}{d}{suf}", f"{pre}{d} {suf}"]
    )


def _nhs_ok(text: str) -> bool:
    t = checks.digits_of(text)
    if len(t) != 10:
        return False
    c = 11 - checks.weighted(t[:9], (10, 9, 8, 7, 6, 5, 4, 3, 2)) % 11
    return (0 if c == 11 else c) == int(t[9])


@scheme("uk_nhs", _nhs_ok)
def uk_nhs(rng: random.Random, p: Person) -> str:
    while True:
        body = str(rng.randint(4, 6)) + _d(rng, 8)
        c = 11 - checks.weighted(body, (10, 9, 8, 7, 6, 5, 4, 3, 2)) % 11
        if c != 10:
            t = body + str(0 if c == 11 else c)
            return rng.choice([f"{t[:3]} {t[3:6]} {t[6:]}", t, f"{t[:3]}-{t[3:6]}-{t[6:]}"])


# --- France ------------------------------------------------------------------------------------
def _nir_ok(text: str) -> bool:
    t = checks.digits_of(text)
    return len(t) == 15 and t[0] in "12" and 97 - int(t[:13]) % 97 == int(t[13:])


@scheme("fr_nir", _nir_ok)
def fr_nir(rng: random.Random, p: Person) -> str:
    yy, mm, _ = _ymd(p)
    dept = f"{rng.choice([1, 6, 13, 31, 33, 35, 38, 44, 59, 67, 69, 75, 92, 93]):02d}"
    body = ("2" if p.sex == "f" else "1") + yy + mm + dept + _d(rng, 3) + _d(rng, 3)
    key = f"{97 - int(body) % 97:02d}"
    return rng.choice(
        [
            f"{body[0]} {body[1:3]} {body[3:5]} {body[5:7]} {body[7:10]} {body[10:]} {key}",
            body + key,
            f"{body} {key}",
        ]
    )


# --- Germany -----------------------------------------------------------------------------------
def _steuer_ok(text: str) -> bool:
    t = checks.digits_of(text)
    if len(t) != 11 or t[0] == "0":
        return False
    counts = sorted((t[:10].count(c) for c in set(t[:10])), reverse=True)
    return counts[0] in (2, 3) and counts[1] == 1 and checks.iso7064_mod11_10(t[:10]) == t[10]


@scheme("de_steuerid", _steuer_ok)
def de_steuerid(rng: random.Random, p: Person) -> str:
    while True:
        pool = rng.sample(checks.DIGITS, 9)
        pool.append(rng.choice(pool))
        rng.shuffle(pool)
        if pool[0] != "0":
            break
    body = "".join(pool)
    t = body + checks.iso7064_mod11_10(body)
    return rng.choice(
        [t, f"{t[:2]} {t[2:5]} {t[5:8]} {t[8:]}", f"{t[:2]}/{t[2:5]}/{t[5:8]}/{t[8:]}"]
    )


_RV_W = (2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1)


def _rv_check(body: str) -> str:
    digits = body[:8] + f"{ord(body[8].upper()) - 64:02d}" + body[9:11]
    total = sum(sum(divmod(int(d) * w, 10)) for d, w in zip(digits, _RV_W, strict=True))
    return str(total % 10)


def _rv_ok(text: str) -> bool:
    t = _compact(text)
    return bool(re.fullmatch(r"\d{8}[A-Z]\d{3}", t)) and _rv_check(t[:11]) == t[11]


@scheme("de_svnr", _rv_ok)
def de_svnr(rng: random.Random, p: Person) -> str:
    yy, mm, dd = _ymd(p)
    initial = (ascii_fold(p.last)[:1] or "m").upper()
    serial = rng.randint(50, 99) if p.sex == "f" else rng.randint(0, 49)
    body = (
        f"{rng.choice(['12', '13', '15', '23', '42', '53', '65'])}{dd}{mm}{yy}{initial}{serial:02d}"
    )
    t = body + _rv_check(body)
    return rng.choice(
        [t, f"{t[:2]} {t[2:8]} {t[8]} {t[9:]}", f"{t[:2]} {t[2:8]} {t[8:11]} {t[11]}"]
    )


_PA_CHARS = "0123456789CFGHJKLMNPRTVWXYZ"


def _pa_ok(text: str) -> bool:
    t = text.upper()
    if re.fullmatch(r"[LMNPRTVWXY][0-9CFGHJKLMNPRTVWXYZ]{8}", t):
        return True
    return (
        bool(re.fullmatch(r"[LMNPRTVWXY][0-9CFGHJKLMNPRTVWXYZ]{8}\d", t))
        and checks.mrz_digit(t[:9]) == t[9]
    )


@scheme("de_ausweis", _pa_ok)
def de_ausweis(rng: random.Random, p: Person) -> str:
    body = rng.choice("LMNPRTVWXY") + "".join(rng.choice(_PA_CHARS) for _ in range(8))
    return body if rng.random() < 0.6 else body + checks.mrz_digit(body)


# --- Netherlands, Switzerland, Austria, Belgium, Portugal, Ireland -----------------------------
def _bsn_ok(text: str) -> bool:
    t = checks.digits_of(text)
    return len(t) == 9 and (checks.weighted(t[:8], (9, 8, 7, 6, 5, 4, 3, 2)) - int(t[8])) % 11 == 0


@scheme("nl_bsn", _bsn_ok)
def nl_bsn(rng: random.Random, p: Person) -> str:
    while True:
        body = str(rng.randint(1, 6)) + _d(rng, 7)
        last = checks.weighted(body, (9, 8, 7, 6, 5, 4, 3, 2)) % 11
        if last < 10:
            t = body + str(last)
            return rng.choice([t, f"{t[:4]}.{t[4:6]}.{t[6:]}"])


def _ahv_ok(text: str) -> bool:
    t = checks.digits_of(text)
    return len(t) == 13 and t.startswith("756") and checks.ean_digit(t[:12]) == t[12]


@scheme("ch_ahv", _ahv_ok)
def ch_ahv(rng: random.Random, p: Person) -> str:
    body = "756" + _d(rng, 9)
    t = body + checks.ean_digit(body)
    return rng.choice([f"{t[:3]}.{t[3:7]}.{t[7:11]}.{t[11:]}", t])


_AT_W = (3, 7, 9, 0, 5, 8, 4, 2, 1, 6)


def _at_ok(text: str) -> bool:
    t = checks.digits_of(text)
    return len(t) == 10 and t[0] != "0" and checks.weighted(t, _AT_W) % 11 == int(t[3])


@scheme("at_svnr", _at_ok)
def at_svnr(rng: random.Random, p: Person) -> str:
    yy, mm, dd = _ymd(p)
    while True:
        serial = str(rng.randint(100, 999))
        c = checks.weighted(serial + "0" + dd + mm + yy, _AT_W) % 11
        if c < 10:
            return rng.choice(["{}{} {}{}{}", "{}{}{}{}{}"]).format(serial, c, dd, mm, yy)


def _be_ok(text: str) -> bool:
    t = checks.digits_of(text)
    if len(t) != 11:
        return False
    body, key = int(t[:9]), int(t[9:])
    return key in (97 - body % 97, 97 - int("2" + t[:9]) % 97)


@scheme("be_nn", _be_ok)
def be_nn(rng: random.Random, p: Person) -> str:
    yy, mm, dd = _ymd(p)
    counter = rng.randrange(2 if p.sex == "f" else 1, 998, 2)
    body = f"{yy}{mm}{dd}{counter:03d}"
    base = int(("2" if p.dob.year >= 2000 else "") + body)
    key = 97 - base % 97
    return rng.choice([f"{yy}.{mm}.{dd}-{counter:03d}.{key:02d}", f"{body}{key:02d}"])


def _nif_ok(text: str) -> bool:
    t = checks.digits_of(text)
    if len(t) != 9:
        return False
    c = 11 - checks.weighted(t[:8], (9, 8, 7, 6, 5, 4, 3, 2)) % 11
    return (0 if c >= 10 else c) == int(t[8])


@scheme("pt_nif", _nif_ok)
def pt_nif(rng: random.Random, p: Person) -> str:
    body = rng.choice("123") + _d(rng, 7)
    c = 11 - checks.weighted(body, (9, 8, 7, 6, 5, 4, 3, 2)) % 11
    t = body + str(0 if c >= 10 else c)
    return rng.choice([t, f"{t[:3]} {t[3:6]} {t[6:]}"])


def _pps_ok(text: str) -> bool:
    t = _compact(text)
    m = re.fullmatch(r"(\d{7})([A-W])([AHWTX]?)", t)
    if not m:
        return False
    extra = 0 if m[3] in ("", "W") else (ord(m[3]) - 64) * 9
    r = (checks.weighted(m[1], (8, 7, 6, 5, 4, 3, 2)) + extra) % 23
    return (chr(64 + r) if r else "W") == m[2]


@scheme("ie_pps", _pps_ok)
def ie_pps(rng: random.Random, p: Person) -> str:
    body = _d(rng, 7)
    second = rng.choice(["", "", "A"])
    extra = 9 if second == "A" else 0
    r = (checks.weighted(body, (8, 7, 6, 5, 4, 3, 2)) + extra) % 23
    return body + (chr(64 + r) if r else "W") + second


# --- India, United States, Turkey, Poland, Brazil ----------------------------------------------
def _aadhaar_ok(text: str) -> bool:
    t = checks.digits_of(text)
    return len(t) == 12 and t[0] not in "01" and checks.verhoeff_ok(t)


@scheme("in_aadhaar", _aadhaar_ok)
def in_aadhaar(rng: random.Random, p: Person) -> str:
    body = str(rng.randint(2, 9)) + _d(rng, 10)
    t = body + checks.verhoeff_digit(body)
    return rng.choice([f"{t[:4]} {t[4:8]} {t[8:]}", t, f"{t[:4]}-{t[4:8]}-{t[8:]}"])


def _pan_ok(text: str) -> bool:
    return re.fullmatch(r"[A-Z]{3}P[A-Z]\d{4}[A-Z]", text) is not None


@scheme("in_pan", _pan_ok)
def in_pan(rng: random.Random, p: Person) -> str:
    up = checks.UPPER
    initial = (ascii_fold(p.last)[:1] or "s").upper()
    return "".join(rng.choice(up) for _ in range(3)) + "P" + initial + _d(rng, 4) + rng.choice(up)


def _ssn_ok(text: str) -> bool:
    t = checks.digits_of(text)
    if len(t) != 9:
        return False
    area, grp, ser = int(t[:3]), int(t[3:5]), int(t[5:])
    return area not in (0, 666) and area < 900 and grp > 0 and ser > 0


@scheme("us_ssn", _ssn_ok, SSN)
def us_ssn(rng: random.Random, p: Person) -> str:
    area = rng.choice([a for a in range(1, 900) if a != 666])
    a, g, s = f"{area:03d}", f"{rng.randint(1, 99):02d}", f"{rng.randint(1, 9999):04d}"
    return rng.choice(
        [f"{a}-{g}-{s}", f"{a}-{g}-{s}", f"{a} {g} {s}", f"{a}{g}{s}", f"{a} - {g} - {s}"]
    )


def _tc_ok(text: str) -> bool:
    t = checks.digits_of(text)
    if len(t) != 11 or t[0] == "0":
        return False
    d = [int(c) for c in t]
    d10 = ((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10
    return d10 == d[9] and sum(d[:10]) % 10 == d[10]


@scheme("tr_tckn", _tc_ok)
def tr_tckn(rng: random.Random, p: Person) -> str:
    d = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(8)]
    d.append(((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10)
    d.append(sum(d) % 10)
    return "".join(map(str, d))


_PESEL_W = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)


def _pesel_ok(text: str) -> bool:
    t = checks.digits_of(text)
    return len(t) == 11 and (10 - checks.weighted(t[:10], _PESEL_W) % 10) % 10 == int(t[10])


@scheme("pl_pesel", _pesel_ok)
def pl_pesel(rng: random.Random, p: Person) -> str:
    yy, _, dd = _ymd(p)
    mm = p.dob.month + (20 if p.dob.year >= 2000 else 0)
    sex = rng.choice("02468" if p.sex == "f" else "13579")
    body = f"{yy}{mm:02d}{dd}{_d(rng, 3)}{sex}"
    return body + str((10 - checks.weighted(body, _PESEL_W) % 10) % 10)


def _cpf_digits(body: str) -> str:
    for _ in range(2):
        n = len(body) + 1
        r = sum(int(c) * (n - i) for i, c in enumerate(body)) * 10 % 11
        body += str(0 if r == 10 else r)
    return body


def _cpf_ok(text: str) -> bool:
    t = checks.digits_of(text)
    return len(t) == 11 and len(set(t)) > 1 and _cpf_digits(t[:9]) == t


@scheme("br_cpf", _cpf_ok)
def br_cpf(rng: random.Random, p: Person) -> str:
    t = _cpf_digits(_d(rng, 9))
    return rng.choice([f"{t[:3]}.{t[3:6]}.{t[6:9]}-{t[9:]}", t])


# --- Nordics -----------------------------------------------------------------------------------
def _se_ok(text: str) -> bool:
    t = checks.digits_of(text)
    t = t[2:] if len(t) == 12 else t
    return len(t) == 10 and checks.luhn_ok(t)


@scheme("se_pnr", _se_ok)
def se_pnr(rng: random.Random, p: Person) -> str:
    yy, mm, dd = _ymd(p)
    body = f"{yy}{mm}{dd}{_d(rng, 3)}"
    c = checks.luhn_digit(body)
    return rng.choice([f"{body[:6]}-{body[6:]}{c}", f"{p.dob.year}{mm}{dd}-{body[6:]}{c}"])


def _no_checks(body: str) -> str | None:
    k1 = 11 - checks.weighted(body, (3, 7, 6, 1, 8, 9, 4, 5, 2)) % 11
    k1 = 0 if k1 == 11 else k1
    if k1 == 10:
        return None
    k2 = 11 - checks.weighted(body + str(k1), (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)) % 11
    k2 = 0 if k2 == 11 else k2
    return None if k2 == 10 else f"{k1}{k2}"


def _no_ok(text: str) -> bool:
    t = checks.digits_of(text)
    return len(t) == 11 and _no_checks(t[:9]) == t[9:]


@scheme("no_fnr", _no_ok)
def no_fnr(rng: random.Random, p: Person) -> str:
    yy, mm, dd = _ymd(p)
    while True:
        ind = (
            rng.randrange(0 if p.sex == "f" else 1, 499, 2)
            if p.dob.year < 2000
            else rng.randrange(500, 999)
        )
        body = f"{dd}{mm}{yy}{ind:03d}"
        k = _no_checks(body)
        if k:
            return rng.choice([body + k, f"{body[:6]} {body[6:]}{k}"])


_HETU = "0123456789ABCDEFHJKLMNPRSTUVWXY"


def _hetu_ok(text: str) -> bool:
    m = re.fullmatch(r"(\d{6})([-+A-FU-Y])(\d{3})([0-9A-Y])", text)
    return m is not None and _HETU[int(m[1] + m[3]) % 31] == m[4]


@scheme("fi_hetu", _hetu_ok)
def fi_hetu(rng: random.Random, p: Person) -> str:
    yy, mm, dd = _ymd(p)
    ind = rng.randint(2, 899)
    sign = "-" if p.dob.year < 2000 else "A"
    return f"{dd}{mm}{yy}{sign}{ind:03d}{_HETU[int(f'{dd}{mm}{yy}{ind:03d}') % 31]}"


_CPR_W = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)


def _cpr_ok(text: str) -> bool:
    t = checks.digits_of(text)
    return len(t) == 10 and checks.weighted(t, _CPR_W) % 11 == 0


@scheme("dk_cpr", _cpr_ok)
def dk_cpr(rng: random.Random, p: Person) -> str:
    yy, mm, dd = _ymd(p)
    while True:
        body = f"{dd}{mm}{yy}{rng.randint(0, 3)}{_d(rng, 2)}"
        for last in range(0, 10):
            if checks.weighted(body + str(last), _CPR_W) % 11 == 0 and last % 2 == (p.sex == "m"):
                return f"{body[:6]}-{body[6:]}{last}"


# --- Central / Eastern Europe, Greece ------------------------------------------------------------
def _rc_ok(text: str) -> bool:
    t = checks.digits_of(text)
    return len(t) == 10 and int(t) % 11 == 0


@scheme("cz_rc", _rc_ok)
def cz_rc(rng: random.Random, p: Person) -> str:
    yy, _, dd = _ymd(p)
    month = p.dob.month + (50 if p.sex == "f" else 0)
    while True:
        body = f"{yy}{month:02d}{dd}{_d(rng, 3)}"
        last = -int(body) * 10 % 11
        if last < 10:
            return f"{body[:6]}/{body[6:]}{last}"


_CNP_K = (2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9)


def _cnp_ok(text: str) -> bool:
    t = checks.digits_of(text)
    if len(t) != 13:
        return False
    r = checks.weighted(t[:12], _CNP_K) % 11
    return (1 if r == 10 else r) == int(t[12])


@scheme("ro_cnp", _cnp_ok)
def ro_cnp(rng: random.Random, p: Person) -> str:
    yy, mm, dd = _ymd(p)
    s = ("2" if p.sex == "f" else "1") if p.dob.year < 2000 else ("6" if p.sex == "f" else "5")
    body = f"{s}{yy}{mm}{dd}{rng.randint(1, 46):02d}{rng.randint(1, 999):03d}"
    r = checks.weighted(body, _CNP_K) % 11
    return body + str(1 if r == 10 else r)


def _amka_ok(text: str) -> bool:
    t = checks.digits_of(text)
    return len(t) == 11 and checks.luhn_ok(t)


@scheme("gr_amka", _amka_ok)
def gr_amka(rng: random.Random, p: Person) -> str:
    yy, mm, dd = _ymd(p)
    body = f"{dd}{mm}{yy}{_d(rng, 4)}"
    return body + checks.luhn_digit(body)


def _snils_check(body: str) -> str:
    s = checks.weighted(body, (9, 8, 7, 6, 5, 4, 3, 2, 1))
    s = s if s < 100 else 0 if s in (100, 101) else s % 101
    return f"{0 if s == 100 else s:02d}"


def _snils_ok(text: str) -> bool:
    t = checks.digits_of(text)
    return len(t) == 11 and _snils_check(t[:9]) == t[9:]


@scheme("ru_snils", _snils_ok)
def ru_snils(rng: random.Random, p: Person) -> str:
    body = str(rng.randint(1, 9)) + _d(rng, 8)
    c = _snils_check(body)
    return rng.choice([f"{body[:3]}-{body[3:6]}-{body[6:]} {c}", body + c])


# --- Africa, Asia, Americas, Middle East, Oceania ---------------------------------------------
def _za_ok(text: str) -> bool:
    t = checks.digits_of(text)
    return len(t) == 13 and checks.luhn_ok(t)


@scheme("za_id", _za_ok)
def za_id(rng: random.Random, p: Person) -> str:
    yy, mm, dd = _ymd(p)
    g = rng.randint(0, 4999) if p.sex == "f" else rng.randint(5000, 9999)
    body = f"{yy}{mm}{dd}{g:04d}{rng.choice('01')}8"
    return body + checks.luhn_digit(body)


_CN_W = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def _cn_ok(text: str) -> bool:
    t = text.upper()
    return (
        bool(re.fullmatch(r"\d{17}[\dX]", t))
        and "10X98765432"[checks.weighted(t[:17], _CN_W) % 11] == t[17]
    )


@scheme("cn_rid", _cn_ok)
def cn_rid(rng: random.Random, p: Person) -> str:
    area = rng.choice(["110101", "110105", "110108", "310104", "310101", "120101", "110102"])
    seq = rng.randrange(1 if p.sex == "m" else 2, 999, 2)
    body = f"{area}{p.dob:%Y%m%d}{seq:03d}"
    return body + "10X98765432"[checks.weighted(body, _CN_W) % 11]


_RRN_W = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)


def _rrn_ok(text: str) -> bool:
    t = checks.digits_of(text)
    return len(t) == 13 and (11 - checks.weighted(t[:12], _RRN_W) % 11) % 10 == int(t[12])


@scheme("kr_rrn", _rrn_ok)
def kr_rrn(rng: random.Random, p: Person) -> str:
    yy, mm, dd = _ymd(p)
    s = (2 if p.sex == "f" else 1) + (2 if p.dob.year >= 2000 else 0)
    body = f"{yy}{mm}{dd}{s}{_d(rng, 5)}"
    c = (11 - checks.weighted(body, _RRN_W) % 11) % 10
    return f"{body[:6]}-{body[6:]}{c}"


def _mynumber_digit(body: str) -> str:
    total = sum(int(c) * (n + 1 if n <= 6 else n - 5) for n, c in enumerate(reversed(body), 1))
    r = total % 11
    return "0" if r <= 1 else str(11 - r)


def _mynumber_ok(text: str) -> bool:
    t = checks.digits_of(text)
    return len(t) == 12 and _mynumber_digit(t[:11]) == t[11]


@scheme("jp_mynumber", _mynumber_ok)
def jp_mynumber(rng: random.Random, p: Person) -> str:
    body = _d(rng, 11)
    t = body + _mynumber_digit(body)
    return rng.choice([f"{t[:4]} {t[4:8]} {t[8:]}", t])


def _nric_ok(text: str) -> bool:
    t = text.upper()
    if not re.fullmatch(r"[ST]\d{7}[A-Z]", t):
        return False
    r = (checks.weighted(t[1:8], (2, 7, 6, 5, 4, 3, 2)) + (4 if t[0] == "T" else 0)) % 11
    return "JZIHGFEDCBA"[r] == t[8]


@scheme("sg_nric", _nric_ok)
def sg_nric(rng: random.Random, p: Person) -> str:
    lead = "T" if p.dob.year >= 2000 else "S"
    body = _d(rng, 7)
    r = (checks.weighted(body, (2, 7, 6, 5, 4, 3, 2)) + (4 if lead == "T" else 0)) % 11
    return f"{lead}{body}{'JZIHGFEDCBA'[r]}"


def _sin_ok(text: str) -> bool:
    t = checks.digits_of(text)
    return len(t) == 9 and t[0] not in "08" and checks.luhn_ok(t)


@scheme("ca_sin", _sin_ok)
def ca_sin(rng: random.Random, p: Person) -> str:
    body = str(rng.choice([1, 2, 3, 4, 5, 6, 7])) + _d(rng, 7)
    t = body + checks.luhn_digit(body)
    return rng.choice([f"{t[:3]} {t[3:6]} {t[6:]}", f"{t[:3]}-{t[3:6]}-{t[6:]}", t])


_CURP_CHARS = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ"
_MX_STATES = ["DF", "JC", "NL", "PL", "GT", "VZ", "YN", "QT", "CH", "MC"]


def _curp_digit(body: str) -> str:
    total = sum(_CURP_CHARS.index(c) * (18 - i) for i, c in enumerate(body))
    return str((10 - total % 10) % 10)


def _curp_ok(text: str) -> bool:
    return (
        bool(
            re.fullmatch(
                r"[A-Z][AEIOUX][A-Z]{2}\d{6}[HM][A-Z]{2}[B-DF-HJ-NP-TV-Z]{3}[0-9A-Z]\d", text
            )
        )
        and _curp_digit(text[:17]) == text[17]
    )


def _inner_consonant(s: str) -> str:
    return next((c for c in s[1:] if c.isalpha() and c not in "AEIOU"), "X")


@scheme("mx_curp", _curp_ok)
def mx_curp(rng: random.Random, p: Person) -> str:
    last = ascii_fold(p.last).upper().replace(" ", "")
    second = rng.choice(["LOPEZ", "GARCIA", "RUIZ", "SOTO", "VEGA"])
    first = ascii_fold(p.first).upper().replace(" ", "")
    vowel = next((c for c in last[1:] if c in "AEIOU"), "X")
    yy, mm, dd = _ymd(p)
    body = (
        f"{last[0]}{vowel}{second[0]}{first[0]}{yy}{mm}{dd}{'M' if p.sex == 'f' else 'H'}"
        f"{rng.choice(_MX_STATES)}{_inner_consonant(last)}{_inner_consonant(second)}{_inner_consonant(first)}"
        f"{rng.choice(checks.DIGITS) if p.dob.year < 2000 else rng.choice(checks.UPPER)}"
    )
    return body + _curp_digit(body)


def _rut_dv(body: str) -> str:
    total = sum(int(c) * (2 + i % 6) for i, c in enumerate(reversed(body)))
    r = 11 - total % 11
    return "0" if r == 11 else "K" if r == 10 else str(r)


def _rut_ok(text: str) -> bool:
    m = re.fullmatch(r"(\d{1,2}(?:\.?\d{3}){2})-([\dkK])", text)
    return m is not None and _rut_dv(checks.digits_of(m[1])) == m[2].upper()


@scheme("cl_rut", _rut_ok)
def cl_rut(rng: random.Random, p: Person) -> str:
    n = rng.randint(6_000_000, 24_999_999)
    dv = _rut_dv(str(n))
    return rng.choice([f"{n:,}".replace(",", ".") + f"-{dv}", f"{n}-{dv}"])


_CUIT_W = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def _cuit_ok(text: str) -> bool:
    t = checks.digits_of(text)
    if len(t) != 11:
        return False
    r = 11 - checks.weighted(t[:10], _CUIT_W) % 11
    return r != 10 and (0 if r == 11 else r) == int(t[10])


@scheme("ar_cuit", _cuit_ok)
def ar_cuit(rng: random.Random, p: Person) -> str:
    while True:
        body = ("27" if p.sex == "f" else "20") + str(rng.randint(10_000_000, 45_999_999))
        r = 11 - checks.weighted(body, _CUIT_W) % 11
        if r != 10:
            c = 0 if r == 11 else r
            return rng.choice([f"{body[:2]}-{body[2:]}-{c}", f"{body}{c}"])


def _tz_ok(text: str) -> bool:
    t = checks.digits_of(text)
    return len(t) == 9 and checks.luhn_ok(t)


@scheme("il_tz", _tz_ok)
def il_tz(rng: random.Random, p: Person) -> str:
    body = str(rng.randint(0, 3)) + _d(rng, 7)
    return body + checks.luhn_digit(body)


_TFN_W = (1, 4, 3, 7, 5, 8, 6, 9, 10)


def _tfn_ok(text: str) -> bool:
    t = checks.digits_of(text)
    return len(t) == 9 and checks.weighted(t, _TFN_W) % 11 == 0


@scheme("au_tfn", _tfn_ok)
def au_tfn(rng: random.Random, p: Person) -> str:
    while True:
        body = _d(rng, 8)
        for last in checks.DIGITS:
            if checks.weighted(body + last, _TFN_W) % 11 == 0:
                t = body + last
                return rng.choice([f"{t[:3]} {t[3:6]} {t[6:]}", t])


def _medicare_ok(text: str) -> bool:
    t = checks.digits_of(text)
    return (
        len(t) in (10, 11)
        and t[0] in "23456"
        and checks.weighted(t[:8], (1, 3, 7, 9, 1, 3, 7, 9)) % 10 == int(t[8])
    )


@scheme("au_medicare", _medicare_ok)
def au_medicare(rng: random.Random, p: Person) -> str:
    body = str(rng.randint(2, 6)) + _d(rng, 7)
    c = checks.weighted(body, (1, 3, 7, 9, 1, 3, 7, 9)) % 10
    t = f"{body}{c}{rng.randint(1, 9)}"
    return rng.choice(
        [f"{t[:4]} {t[4:9]} {t[9]}", t, f"{t[:4]} {t[4:9]} {t[9]}-{rng.randint(1, 5)}"]
    )


# --- Travel documents, licences, plates -----------------------------------------------------------
def _passport_ok(text: str) -> bool:
    return re.fullmatch(r"[A-Z0-9]{8,9}", text) is not None and any(c.isdigit() for c in text)


@scheme("passport", _passport_ok)
def passport(rng: random.Random, p: Person) -> str:
    kind = p.loc
    up = checks.UPPER
    if kind == "de":
        return rng.choice("CFGHJK") + "".join(rng.choice(_PA_CHARS) for _ in range(8))
    if kind == "fr":
        return _d(rng, 2) + rng.choice(up) + rng.choice(up) + _d(rng, 5)
    if kind == "it":
        return rng.choice(["YA", "YB", "AA", "YC"]) + _d(rng, 7)
    if kind == "es":
        return rng.choice(up) + rng.choice(up) + rng.choice(up) + _d(rng, 6)
    return _d(rng, 9)


def _mrz_ok(text: str) -> bool:
    lines = text.split("\n")
    if len(lines) != 2 or any(len(x) != 44 for x in lines) or not lines[0].startswith("P<"):
        return False
    b = lines[1]
    fields = ((b[0:9], b[9]), (b[13:19], b[19]), (b[21:27], b[27]), (b[28:42], b[42]))
    composite = b[0:10] + b[13:20] + b[21:43]
    return all(checks.mrz_digit(f) == c for f, c in fields) and checks.mrz_digit(composite) == b[43]


def mrz(rng: random.Random, p: Person, number: str, country: str) -> str:
    """The two machine-readable lines of a passport (TD3)."""
    sur = ascii_fold(p.last).upper().replace(" ", "<").replace("-", "<").replace("'", "")
    given = ascii_fold(p.first).upper().replace(" ", "<").replace("-", "<")
    line1 = f"P<{country}{sur}<<{given}".ljust(44, "<")[:44]
    num = number.ljust(9, "<")[:9]
    expiry = dt.date(2027 + rng.randint(0, 8), rng.randint(1, 12), rng.randint(1, 28))
    dob = f"{p.dob:%y%m%d}"
    exp = f"{expiry:%y%m%d}"
    personal = "<" * 14
    body = (
        num
        + checks.mrz_digit(num)
        + country
        + dob
        + checks.mrz_digit(dob)
        + ("F" if p.sex == "f" else "M")
        + exp
        + checks.mrz_digit(exp)
        + personal
        + checks.mrz_digit(personal)
    )
    composite = body[0:10] + body[13:20] + body[21:43]
    return line1 + "\n" + body + checks.mrz_digit(composite)


SCHEMES["mrz"] = Scheme(lambda rng, p: mrz(rng, p, passport(rng, p), "D<<"), _mrz_ok)

_DL_RES = [
    r"[A-Z9]{5}\d{6}[A-Z9]{2}\d[A-Z]{2}",  # GB
    r"[A-Z]\d{7}",  # California
    r"[A-Z]\d{3}-\d{3}-\d{2}-\d{3}-\d",  # Florida
    r"\d{3} \d{3} \d{3}",  # New York
    r"[A-Z]\d{3}-\d{4}-\d{4}",  # Illinois
    r"[A-Z]{2}\d{7}[A-Z]",  # Italy
    r"[A-Z0-9]{11}",  # Germany
    r"\d{2}[A-Z]{2}\d{5}",  # France (older) / generic
]


def _dl_ok(text: str) -> bool:
    return any(re.fullmatch(r, text) for r in _DL_RES)


@scheme("driving_licence", _dl_ok)
def driving_licence(rng: random.Random, p: Person) -> str:
    up = checks.UPPER
    if p.loc == "en":
        sur = (ascii_fold(p.last).upper().replace(" ", "") + "99999")[:5]
        mm = p.dob.month + (50 if p.sex == "f" else 0)
        ini = (ascii_fold(p.first)[:1].upper() or "9") + "9"
        yy = f"{p.dob.year % 100:02d}"
        return f"{sur}{yy[0]}{mm:02d}{p.dob.day:02d}{yy[1]}{ini}9{rng.choice(up)}{rng.choice(up)}"
    if p.loc == "us":
        return rng.choice(
            [
                rng.choice(up) + _d(rng, 7),
                f"{rng.choice(up)}{_d(rng, 3)}-{_d(rng, 3)}-{_d(rng, 2)}-{_d(rng, 3)}-{_d(rng, 1)}",
                f"{_d(rng, 3)} {_d(rng, 3)} {_d(rng, 3)}",
                f"{rng.choice(up)}{_d(rng, 3)}-{_d(rng, 4)}-{_d(rng, 4)}",
            ]
        )
    if p.loc == "it":
        return rng.choice(up) + rng.choice(up) + _d(rng, 7) + rng.choice(up)
    if p.loc == "de":
        return (
            rng.choice("BFJN")
            + _d(rng, 3)
            + "".join(rng.choice(_PA_CHARS) for _ in range(6))
            + rng.choice(up)
        )
    return _d(rng, 2) + rng.choice(up) + rng.choice(up) + _d(rng, 5)


_NOVOWEL = "BCDFGHJKLMNPRSTVWXYZ"
_PLATE_RES = [
    r"[A-ZÄÖÜ]{1,3}[- ][A-Z]{1,2} \d{1,4}[EH]?",  # DE
    r"[A-Z]{2}-\d{3}-[A-Z]{2}",  # FR
    r"[A-Z]{2} ?\d{3} ?[A-Z]{2}",  # IT
    r"\d{4} ?[BCDFGHJKLMNPRSTVWXYZ]{3}",  # ES
    r"[A-Z]{2}\d{2} ?[A-Z]{3}",  # GB
    r"[A-Z]{2} \d{1,6}",  # CH
    r"[A-Z]{1,2}-\d{3}-[A-Z]{1,2}|\d{1,2}-[A-Z]{3}-\d",  # NL
]


def _plate_ok(text: str) -> bool:
    return any(re.fullmatch(r, text) for r in _PLATE_RES)


@scheme("plate", _plate_ok, PLATE)
def plate(rng: random.Random, p: Person) -> str:
    up = "ABCDEFGHJKLMNPRSTUVWXYZ"

    def L(n: int) -> str:
        return "".join(rng.choice(up) for _ in range(n))

    if p.loc in ("de", "at"):
        city = rng.choice(["M", "B", "HH", "K", "S", "F", "DA", "HD", "FR", "LÖ", "GÖ", "OS"])
        sep = rng.choice(["-", " "])
        return (
            f"{city}{sep}{L(rng.randint(1, 2))} {rng.randint(1, 9999)}{rng.choice(['', '', 'E'])}"
        )
    if p.loc == "fr":
        return f"{L(2)}-{_d(rng, 3)}-{L(2)}"
    if p.loc == "it":
        return rng.choice([f"{L(2)} {_d(rng, 3)} {L(2)}", f"{L(2)}{_d(rng, 3)}{L(2)}"])
    if p.loc == "es":
        return f"{_d(rng, 4)} {''.join(rng.choice(_NOVOWEL) for _ in range(3))}"
    if p.loc == "ch":
        return f"{rng.choice(['ZH', 'BE', 'VD', 'GE', 'AG'])} {rng.randint(1000, 999999)}"
    if p.loc == "nl":
        return f"{L(2)}-{_d(rng, 3)}-{L(1)}"
    return f"{L(2)}{_d(rng, 2)} {L(3)}"
