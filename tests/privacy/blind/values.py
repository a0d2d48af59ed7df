"""Value generators: personal values, secrets and look-alike traps."""

from __future__ import annotations

import base64
import hashlib
import json
import string
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from random import Random

from . import checks as c
from .names import NICKNAMES, NON_LATIN, ORIGINS, POOLS, WORD_NAMES_F, WORD_NAMES_M

PERSON = frozenset({"PERSON"})
EMAIL = frozenset({"EMAIL"})
PHONE = frozenset({"PHONE"})
ADDRESS = frozenset({"ADDRESS"})
IP = frozenset({"IP_ADDRESS"})
CARD = frozenset({"CREDIT_CARD"})
IBAN = frozenset({"IBAN"})
SSN = frozenset({"US_SSN", "ID_NUMBER"})
DOB = frozenset({"DATE_OF_BIRTH"})
ID = frozenset({"ID_NUMBER"})
PLATE = frozenset({"ID_NUMBER", "LICENSE_PLATE"})
GEO = frozenset({"GEO_COORDINATES"})
SECRET = frozenset({"SECRET", "URL_CREDENTIALS"})

LANG_COUNTRY = {"en": ("us", "uk"), "de": ("de",), "es": ("es",), "fr": ("fr",), "it": ("it",)}
COUNTRY_LANG = {"us": "en", "uk": "en", "de": "de", "es": "es", "fr": "fr", "it": "it"}


@dataclass
class Person:
    first: str
    last: str
    female: bool
    dob: tuple[int, int, int]  # y, m, d

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"


@dataclass
class Ctx:
    rng: Random
    lang: str  # language of the pasted content
    country: str
    people: list[Person] = field(default_factory=list)

    def person(self, i: int) -> Person:
        while len(self.people) < i:
            self.people.append(new_person(self.rng, self.country))
        return self.people[i - 1]


def _weighted(rng: Random, pairs: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([p for p, _ in pairs], [w for _, w in pairs])[0]


def new_person(rng: Random, country: str) -> Person:
    origin = _weighted(rng, ORIGINS[country])
    fem, male, fam = POOLS[origin]
    female = rng.random() < 0.5
    first = rng.choice(fem if female else male)
    if rng.random() < 0.12:
        first = rng.choice(WORD_NAMES_F if female else WORD_NAMES_M)
    last = rng.choice(fam)
    if origin == "es" and rng.random() < 0.5 and " " not in last:
        last = f"{last} {rng.choice([x for x in fam if ' ' not in x and x != last])}"
    if origin == "pl" and female and last.endswith("ski"):
        last = last[:-1] + "a"
    dob = (rng.randint(1942, 2006), rng.randint(1, 12), rng.randint(1, 28))
    return Person(first, last, female, dob)


def ascii_fold(s: str) -> str:
    s = s.replace("ß", "ss").replace("ł", "l").replace("Ł", "L").replace("đ", "d").replace("Đ", "D")
    s = s.replace("ı", "i")
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))


def _slug(s: str) -> str:
    return "".join(ch for ch in ascii_fold(s).lower() if ch.isalnum())


# ---------------------------------------------------------------- names


def name_full(ctx: Ctx, i: int) -> str:
    return ctx.person(i).full


def name_first(ctx: Ctx, i: int) -> str:
    return ctx.person(i).first


def name_last(ctx: Ctx, i: int) -> str:
    return ctx.person(i).last


def name_lower(ctx: Ctx, i: int) -> str:
    p = ctx.person(i)
    return p.first.lower() if ctx.rng.random() < 0.6 else p.full.lower()


def name_initials(ctx: Ctx, i: int) -> str:
    p = ctx.person(i)
    r = ctx.rng.random()
    if r < 0.4:
        return f"{p.first[0]}. {p.last}"
    if r < 0.7:
        return f"{p.first} {p.last[0]}."
    return "".join(w[0] for w in p.full.replace("-", " ").split() if w[0].isupper())


def name_titled(ctx: Ctx, i: int) -> str:
    """A name behind a title; the title stays outside the value (see builders)."""
    return ctx.person(i).last if ctx.rng.random() < 0.6 else ctx.person(i).full


def name_nick(ctx: Ctx, i: int) -> str:
    return ctx.rng.choice(NICKNAMES)


def name_script(ctx: Ctx, i: int) -> str:
    return ctx.rng.choice(NON_LATIN)


def name_last_first(ctx: Ctx, i: int) -> str:
    p = ctx.person(i)
    return f"{p.last.upper()}, {p.first}" if ctx.rng.random() < 0.5 else f"{p.last}, {p.first}"


# ---------------------------------------------------------------- contact

_DOMAINS = {
    "us": ("gmail.com", "yahoo.com", "outlook.com", "comcast.net", "example.com", "icloud.com"),
    "uk": ("btinternet.com", "gmail.com", "hotmail.co.uk", "sky.com", "example.com"),
    "de": ("gmx.de", "web.de", "t-online.de", "posteo.de", "example.com", "freenet.de"),
    "es": ("gmail.com", "hotmail.es", "telefonica.net", "yahoo.es", "example.com"),
    "fr": ("orange.fr", "free.fr", "laposte.net", "sfr.fr", "gmail.com", "example.com"),
    "it": ("libero.it", "virgilio.it", "tiscali.it", "alice.it", "gmail.com", "example.com"),
}


def email(ctx: Ctx, i: int) -> str:
    p, r = ctx.person(i), ctx.rng
    f, la = _slug(p.first), _slug(p.last)
    form = r.randrange(6)
    local = [
        f"{f}.{la}",
        f"{f[0]}{la}",
        f"{f}{la[:3]}{r.randint(1, 99)}",
        f"{la}.{f}",
        f"{f}_{la}",
        f"{f}{p.dob[0] % 100:02d}",
    ][form]
    if r.random() < 0.3:
        dom = r.choice(("kanzlei-", "studio", "praxis-", "grupo", "cabinet-", "acme", "")) + (
            la[:6] + "." + r.choice(("de", "es", "fr", "it", "co.uk", "com"))
        )
    else:
        dom = r.choice(_DOMAINS[ctx.country])
    if r.random() < 0.08:
        local = local.upper() if r.random() < 0.5 else local.capitalize()
    return f"{local}@{dom}"


def _d(r: Random, n: int) -> str:
    return "".join(r.choice(string.digits) for _ in range(n))


def phone(ctx: Ctx, i: int = 1) -> str:
    r = ctx.rng
    k = r.randrange(4)
    if ctx.country == "de":
        area, num = r.choice(("30", "40", "89", "221", "711", "351")), _d(r, 7)
        mob = r.choice(("151", "160", "170", "176", "1523"))
        return [
            f"+49 {area} {num}",
            f"0049 (0){area} {num[:3]} {num[3:]}",
            f"0{mob}/{_d(r, 7)}",
            f"0{area}-{num[:4]}-{num[4:]}",
            f"+49 ({area}) {num}-{r.randint(10, 99)}",
        ][r.randrange(5)]
    if ctx.country == "uk":
        return [
            f"+44 20 7946 {_d(r, 4)}",
            f"07700 900{_d(r, 3)}",
            f"(0161) 496 {_d(r, 4)}",
            f"+44 (0)7{_d(r, 3)} {_d(r, 6)}",
        ][k]
    if ctx.country == "us":
        a = r.choice(("212", "415", "312", "617", "503", "737"))
        return [
            f"({a}) 555-{_d(r, 4)}",
            f"+1 {a}-555-{_d(r, 4)} ext. {r.randint(10, 999)}",
            f"{a}.555.{_d(r, 4)}",
            f"+1 ({a}) 555 {_d(r, 4)}",
        ][k]
    if ctx.country == "es":
        m = r.choice("67") + _d(r, 8)
        return [
            f"+34 {m[:3]} {m[3:5]} {m[5:7]} {m[7:]}",
            m,
            f"91 {_d(r, 3)} {_d(r, 2)} {_d(r, 2)}",
            f"(+34) {m[:3]}-{m[3:6]}-{m[6:]}",
        ][k]
    if ctx.country == "fr":
        g = [r.choice(("06", "07", "01", "04")), _d(r, 2), _d(r, 2), _d(r, 2), _d(r, 2)]
        return [
            " ".join(g),
            ".".join(g),
            "+33 " + g[0][1] + " " + " ".join(g[1:]),
            "0033 (0)" + g[0][1] + " " + " ".join(g[1:]),
        ][k]
    m = "3" + r.choice("234589") + _d(r, 8)
    return [
        f"+39 {m[:3]} {m[3:6]} {m[6:]}",
        f"{m[:3]}/{m[3:]}",
        f"02 {_d(r, 4)} {_d(r, 4)}",
        f"0039 {m[:3]}.{m[3:]}",
    ][k]


_STREETS = {
    "de": (
        "Lindenstraße",
        "Am Mühlbach",
        "Gartenweg",
        "Schillerstraße",
        "Bahnhofstr.",
        "Auf der Heide",
        "Kastanienallee",
    ),
    "uk": ("Elm Grove", "Victoria Road", "Church Lane", "Mill Street", "Orchard Close", "Kingsway"),
    "us": ("Maple Ave", "Oak Street", "Sunset Blvd", "Cedar Lane", "W 34th St", "Pine Ridge Rd"),
    "es": (
        "Calle de Alcalá",
        "C/ Mayor",
        "Avda. de la Constitución",
        "Calle del Pez",
        "Paseo de Gràcia",
        "Rúa Nova",
    ),
    "fr": (
        "rue des Lilas",
        "avenue de la République",
        "boulevard Voltaire",
        "impasse des Acacias",
        "chemin du Moulin",
        "place du Marché",
    ),
    "it": (
        "Via Garibaldi",
        "Corso Vittorio Emanuele II",
        "Via dei Mille",
        "Viale Monza",
        "Piazza San Marco",
        "Via Roma",
    ),
}
_CITIES = {
    "de": (
        ("10115", "Berlin"),
        ("80331", "München"),
        ("50667", "Köln"),
        ("01067", "Dresden"),
        ("70173", "Stuttgart"),
        ("20095", "Hamburg"),
    ),
    "uk": (
        ("LS6 2AB", "Leeds"),
        ("SW1A 1AA", "London"),
        ("M14 5TP", "Manchester"),
        ("EH8 9YL", "Edinburgh"),
        ("CF10 3AT", "Cardiff"),
    ),
    "us": (
        ("IL 62704", "Springfield"),
        ("TX 78701", "Austin"),
        ("OR 97205", "Portland"),
        ("MA 02139", "Cambridge"),
        ("NY 10001", "New York"),
    ),
    "es": (
        ("28014", "Madrid"),
        ("08001", "Barcelona"),
        ("41001", "Sevilla"),
        ("46002", "Valencia"),
        ("48001", "Bilbao"),
    ),
    "fr": (
        ("75011", "Paris"),
        ("69007", "Lyon"),
        ("13001", "Marseille"),
        ("31000", "Toulouse"),
        ("44000", "Nantes"),
    ),
    "it": (
        ("20121", "Milano"),
        ("10121", "Torino"),
        ("00184", "Roma"),
        ("80138", "Napoli"),
        ("40126", "Bologna"),
    ),
}


def address(ctx: Ctx, i: int = 1) -> str:
    r, co = ctx.rng, ctx.country
    st = r.choice(_STREETS[co])
    no = str(r.randint(1, 180)) + (r.choice(("", "", "a", "b")) if co == "de" else "")
    pc, city = r.choice(_CITIES[co])
    sep = "\n" if r.random() < 0.3 else ", "
    if co == "de":
        return f"{st} {no}{sep}{pc} {city}"
    if co == "uk":
        flat = f"Flat {r.randint(1, 9)}, " if r.random() < 0.3 else ""
        return f"{flat}{no} {st}{sep}{city} {pc}"
    if co == "us":
        apt = f", Apt {r.randint(1, 20)}{r.choice('ABCD')}" if r.random() < 0.4 else ""
        st_, zp = pc.split()
        return f"{no} {st}{apt}{sep}{city}, {st_} {zp}"
    if co == "es":
        piso = f", {r.randint(1, 8)}º {r.choice('ABCD')}" if r.random() < 0.6 else ""
        return f"{st} {no}{piso}{sep}{pc} {city}"
    if co == "fr":
        bis = r.choice(("", "", " bis", " ter"))
        return f"{no}{bis} {st}{sep}{pc} {city.upper() if r.random() < 0.4 else city}"
    return f"{st} {no}{sep}{pc} {city}" + (f" ({city[:2].upper()})" if r.random() < 0.4 else "")


def city_only(ctx: Ctx) -> str:
    return ctx.rng.choice(_CITIES[ctx.country])[1]


def ipv4(ctx: Ctx, i: int = 1) -> str:
    r = ctx.rng
    first = r.choice((81, 88, 93, 176, 185, 217, 79, 2, 62, 151, 24, 73, 98))
    return f"{first}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"


def ipv6(ctx: Ctx, i: int = 1) -> str:
    r = ctx.rng
    groups = ["2a02", f"{r.randint(0x800, 0xFFF):x}"] + [
        f"{r.randint(0, 0xFFFF):x}" for _ in range(6)
    ]
    if r.random() < 0.5:
        return ":".join(groups[:4]) + "::" + ":".join(groups[6:])
    return ":".join(groups)


def card(ctx: Ctx, i: int = 1) -> str:
    r = ctx.rng
    kind = r.randrange(4)
    if kind == 3:
        num = c.luhn_complete(r.choice(("34", "37")) + _d(r, 12))
        sep = r.choice((" ", "-", ""))
        return sep.join((num[:4], num[4:10], num[10:]))
    prefix = ("4", "5" + r.choice("12345"), "2221" if r.random() < 0.3 else "4")[kind]
    num = c.luhn_complete(prefix + _d(r, 15 - len(prefix)))
    sep = r.choice((" ", "-", "", " "))
    return sep.join(num[j : j + 4] for j in range(0, 16, 4))


def iban(ctx: Ctx, i: int = 1) -> str:
    r = ctx.rng
    co = ctx.country if ctx.country != "us" else r.choice(("de", "fr", "uk"))
    if co == "de":
        s = c.iban_complete("DE", _d(r, 18))
    elif co == "es":
        s = c.iban_complete("ES", _d(r, 20))
    elif co == "fr":
        s = c.iban_complete(
            "FR",
            _d(r, 10)
            + "".join(r.choice(string.ascii_uppercase + string.digits) for _ in range(11))
            + _d(r, 2),
        )
    elif co == "it":
        s = c.iban_complete("IT", r.choice(string.ascii_uppercase) + _d(r, 10) + _d(r, 12))
    else:
        s = c.iban_complete("GB", r.choice(("NWBK", "BARC", "LOYD", "HBUK", "MIDL")) + _d(r, 14))
    if r.random() < 0.7:
        return " ".join(s[j : j + 4] for j in range(0, len(s), 4))
    return s


def ssn(ctx: Ctx, i: int = 1) -> str:
    r = ctx.rng
    while True:
        s = f"{r.randint(1, 899):03d}{r.randint(1, 99):02d}{r.randint(1, 9999):04d}"
        if c.ssn_ok(s):
            break
    return (
        f"{s[:3]}-{s[3:5]}-{s[5:]}"
        if r.random() < 0.8
        else (f"{s[:3]} {s[3:5]} {s[5:]}" if r.random() < 0.5 else s)
    )


def itin(ctx: Ctx, i: int = 1) -> str:
    r = ctx.rng
    g = r.choice((*range(70, 89), 90, 91, 92, *range(94, 100)))
    return f"9{_d(r, 2)}-{g}-{_d(r, 4)}"


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


def fmt_date(r: Random, country: str, y: int, m: int, d: int) -> str:
    lang = COUNTRY_LANG[country]
    mon = _MONTHS[lang][m - 1]
    k = r.randrange(4)
    if k == 3:
        return f"{y}-{m:02d}-{d:02d}"
    if country == "us":
        return [f"{mon} {d}, {y}", f"{m:02d}/{d:02d}/{y}", f"{m}/{d}/{y % 100:02d}"][k]
    if country == "uk":
        suf = "th" if 10 < d < 14 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")
        return [f"{d} {mon} {y}", f"{d:02d}/{m:02d}/{y}", f"{d}{suf} {mon[:3]} {y}"][k]
    if country == "de":
        return [f"{d:02d}.{m:02d}.{y}", f"{d}. {mon} {y}", f"{d}.{m}.{y % 100:02d}"][k]
    if country == "es":
        return [f"{d:02d}/{m:02d}/{y}", f"{d} de {mon} de {y}", f"{d:02d}-{m:02d}-{y}"][k]
    if country == "fr":
        return [f"{d:02d}/{m:02d}/{y}", f"{d} {mon} {y}", f"{d:02d}.{m:02d}.{y}"][k]
    return [f"{d:02d}/{m:02d}/{y}", f"{d} {mon} {y}", f"{d}/{m}/{y}"][k]


def birth_date(ctx: Ctx, i: int = 1) -> str:
    y, m, d = ctx.person(i).dob
    return fmt_date(ctx.rng, ctx.country, y, m, d)


def birth_iso(ctx: Ctx, i: int = 1) -> str:
    y, m, d = ctx.person(i).dob
    return f"{y}-{m:02d}-{d:02d}"


def birth_year(ctx: Ctx, i: int = 1) -> str:
    return str(ctx.person(i).dob[0])


# ---------------------------------------------------------------- national ids


def dni(ctx: Ctx, i: int = 1) -> str:
    n = ctx.rng.randint(10_000_000, 79_999_999)
    sep = ctx.rng.choice(("", "", "-"))
    return f"{n}{sep}{c.DNI_LETTERS[n % 23]}"


def nie(ctx: Ctx, i: int = 1) -> str:
    p = ctx.rng.randrange(3)
    n = ctx.rng.randint(1_000_000, 9_999_999)
    return f"{'XYZ'[p]}{n:07d}{c.DNI_LETTERS[int(f'{p}{n:07d}') % 23]}"


def nss(ctx: Ctx, i: int = 1) -> str:
    prov = ctx.rng.randint(1, 52)
    num = ctx.rng.randint(10_000_000, 99_999_999)
    chk = int(f"{prov:02d}{num}") % 97
    return ctx.rng.choice(
        (f"{prov:02d} {num} {chk:02d}", f"{prov:02d}/{num}/{chk:02d}", f"{prov:02d}{num}{chk:02d}")
    )


def nir(ctx: Ctx, i: int = 1) -> str:
    p, r = ctx.person(i), ctx.rng
    head = (
        f"{2 if p.female else 1}{p.dob[0] % 100:02d}{p.dob[1]:02d}{r.randint(1, 95):02d}"
        f"{r.randint(1, 999):03d}{r.randint(1, 999):03d}"
    )
    key = 97 - int(head) % 97
    if r.random() < 0.6:
        return f"{head[0]} {head[1:3]} {head[3:5]} {head[5:7]} {head[7:10]} {head[10:]} {key:02d}"
    return f"{head}{key:02d}"


def _cf_part(s: str, given: bool) -> str:
    s = ascii_fold(s).upper()
    cons = [ch for ch in s if ch.isalpha() and ch not in "AEIOU"]
    vow = [ch for ch in s if ch in "AEIOU"]
    if given and len(cons) >= 4:
        cons = [cons[0], cons[2], cons[3]]
    return ("".join(cons + vow) + "XXX")[:3]


def codice_fiscale(ctx: Ctx, i: int = 1) -> str:
    p, r = ctx.person(i), ctx.rng
    y, m, d = p.dob
    day = d + (40 if p.female else 0)
    belf = r.choice(("H501", "F205", "F839", "L219", "G273", "A944", "D612", "L736"))
    head = (
        _cf_part(p.last, False)
        + _cf_part(p.first, True)
        + f"{y % 100:02d}"
        + "ABCDEHLMPRST"[m - 1]
        + f"{day:02d}"
        + belf
    )
    return head + c.cf_check(head)


_NINO1 = "ABCEGHJKLMNOPRSTWXYZ"
_NINO2 = "ABCEGHJKLMNPRSTWXYZ"


def nino(ctx: Ctx, i: int = 1) -> str:
    r = ctx.rng
    while True:
        pre = r.choice(_NINO1) + r.choice(_NINO2)
        if pre not in ("BG", "GB", "NK", "KN", "TN", "NT", "ZZ"):
            break
    d = _d(r, 6)
    suf = r.choice("ABCD")
    return f"{pre} {d[:2]} {d[2:4]} {d[4:]} {suf}" if r.random() < 0.6 else f"{pre}{d}{suf}"


def nhs(ctx: Ctx, i: int = 1) -> str:
    r = ctx.rng
    while True:
        s = _d(r, 9)
        rem = sum(int(ch) * w for ch, w in zip(s, range(10, 1, -1), strict=True)) % 11
        chk = 11 - rem
        if chk == 11:
            chk = 0
        if chk != 10:
            break
    s += str(chk)
    return f"{s[:3]} {s[3:6]} {s[6:]}" if r.random() < 0.7 else s


def steuer_id(ctx: Ctx, i: int = 1) -> str:
    r = ctx.rng
    while True:
        digits = r.sample(string.digits, 9)
        digits.append(r.choice(digits))
        r.shuffle(digits)
        if digits[0] != "0":
            break
    head = "".join(digits)
    s = head + str(c.steuer_id_check(head))
    return f"{s[:2]} {s[2:5]} {s[5:8]} {s[8:]}" if r.random() < 0.5 else s


def svnr(ctx: Ctx, i: int = 1) -> str:
    p, r = ctx.person(i), ctx.rng
    y, m, d = p.dob
    letter = ascii_fold(p.last.split()[-1])[0].upper()
    serial = r.randint(50, 99) if p.female else r.randint(0, 49)
    area = r.choice((12, 13, 15, 18, 23, 24, 28, 53, 65))
    head = f"{area}{d:02d}{m:02d}{y % 100:02d}{letter}{serial:02d}"
    s = head + str(c.svnr_check(head))
    return f"{s[:2]} {s[2:8]} {s[8]} {s[9:11]} {s[11]}" if r.random() < 0.5 else s


_PA = "CFGHJKLMNPRTVWXYZ"


def personalausweis(ctx: Ctx, i: int = 1) -> str:
    r = ctx.rng
    head = r.choice("LMNPRTVWXY") + "".join(r.choice(_PA + string.digits) for _ in range(8))
    return head + str(c.icao_check(head))


def fr_tax_number(ctx: Ctx, i: int = 1) -> str:
    """French numéro fiscal (SPI): 13 digits, first 0-3."""
    r = ctx.rng
    s = str(r.randint(0, 3)) + _d(r, 12)
    return f"{s[:2]} {s[2:4]} {s[4:7]} {s[7:10]} {s[10:]}" if r.random() < 0.5 else s


def kvnr(ctx: Ctx, i: int = 1) -> str:
    r = ctx.rng
    head = r.choice(string.ascii_uppercase) + _d(r, 8)
    return head + str(c.kvnr_check(head))


def passport(ctx: Ctx, i: int = 1) -> str:
    r, co = ctx.rng, ctx.country
    if co == "de":
        head = r.choice("CFGHJK") + "".join(r.choice(_PA + string.digits) for _ in range(8))
        return head
    if co == "es":
        return "".join(r.choice(string.ascii_uppercase) for _ in range(3)) + _d(r, 6)
    if co == "fr":
        return _d(r, 2) + "".join(r.choice(string.ascii_uppercase) for _ in range(2)) + _d(r, 5)
    if co == "it":
        return "".join(r.choice(string.ascii_uppercase) for _ in range(2)) + _d(r, 7)
    return r.choice("15") + _d(r, 8)


def driving_licence(ctx: Ctx, i: int = 1) -> str:
    p, r, co = ctx.person(i), ctx.rng, ctx.country
    if co == "uk":
        sur = (
            ascii_fold(p.last).upper().replace(" ", "").replace("'", "").replace("-", "") + "99999"
        )[:5]
        y, m, d = p.dob
        mm = m + (50 if p.female else 0)
        ini = (ascii_fold(p.first)[0] + "9").upper()
        tail = f"{ini}9{r.choice(string.ascii_uppercase)}{r.randint(0, 9)}"
        return f"{sur}{str(y)[2]}{mm:02d}{d:02d}{str(y)[3]}{tail}"
    if co == "us":
        return r.choice(string.ascii_uppercase) + _d(r, 7)
    if co == "de":
        return (
            r.choice("BFJN")
            + _d(r, 3)
            + "".join(r.choice(string.ascii_uppercase + string.digits) for _ in range(6))
            + _d(r, 1)
        )
    if co == "it":
        return r.choice(("U1", "MI", "RM", "TO")) + _d(r, 7) + r.choice(string.ascii_uppercase)
    if co == "fr":
        return _d(r, 2) + "".join(r.choice(string.ascii_uppercase) for _ in range(2)) + _d(r, 8)
    return dni(ctx, i)


def health_id(ctx: Ctx, i: int = 1) -> str:
    co = ctx.country
    if co == "de":
        return kvnr(ctx, i)
    if co == "uk":
        return nhs(ctx, i)
    if co == "fr":
        return nir(ctx, i)
    if co == "it":
        return codice_fiscale(ctx, i)
    if co == "es":
        r = ctx.rng
        p = ctx.person(i)
        return (
            ascii_fold(p.last[:2] + p.last.split()[-1][:2]).upper()
            + f"{p.dob[0] % 100:02d}"
            + f"{p.dob[1]:02d}{p.dob[2]:02d}"
            + _d(ctx.rng, 2)
            + str(r.randint(0, 9))
            + _d(r, 3)
        )
    return "".join(ctx.rng.choice(string.ascii_uppercase) for _ in range(3)) + _d(ctx.rng, 9)


def employee_id(ctx: Ctx, i: int = 1) -> str:
    r = ctx.rng
    return r.choice(
        (
            f"E-{_d(r, 5)}",
            f"{_d(r, 6)}",
            f"EMP{_d(r, 4)}",
            f"MA-{_d(r, 4)}",
            f"{r.choice('ABCKX')}{_d(r, 5)}",
        )
    )


def patient_id(ctx: Ctx, i: int = 1) -> str:
    r = ctx.rng
    return r.choice((f"{_d(r, 7)}", f"P-{_d(r, 6)}", f"PAT{_d(r, 8)}", f"{_d(r, 3)}-{_d(r, 4)}"))


def plate(ctx: Ctx, i: int = 1) -> str:
    r, co = ctx.rng, ctx.country
    up = string.ascii_uppercase
    if co == "de":
        city = r.choice(("B", "M", "HH", "K", "S", "DD", "F", "HB"))
        letters = "".join(r.choice(up) for _ in range(r.choice((1, 2))))
        return r.choice(
            (f"{city}-{letters} {r.randint(1, 9999)}", f"{city} {letters} {r.randint(1, 9999)}")
        )
    if co == "uk":
        ok = "ABCDEFGHJKLMNOPRSTUVWXYZ"
        three = "".join(r.choice(ok) for _ in range(3))
        return f"{r.choice(ok)}{r.choice(ok)}{r.randint(51, 74)} {three}"
    if co == "es":
        cons = "BCDFGHJKLMNPRSTVWXYZ"
        return f"{_d(r, 4)} {''.join(r.choice(cons) for _ in range(3))}"
    if co == "fr":
        a, b = _rs(r, 2, up), _rs(r, 2, up)
        return f"{a}-{_d(r, 3)}-{b}"
    if co == "it":
        a, b = _rs(r, 2, up), _rs(r, 2, up)
        return f"{a} {_d(r, 3)}{b}"
    return f"{r.randint(1, 9)}{''.join(r.choice(up) for _ in range(3))}{_d(r, 3)}"


_GEO = {
    "de": (52.5, 13.4),
    "uk": (51.5, -0.12),
    "us": (40.7, -74.0),
    "es": (40.4, -3.7),
    "fr": (48.85, 2.35),
    "it": (45.46, 9.19),
}


def geo_pair(ctx: Ctx) -> tuple[str, str]:
    la, lo = _GEO[ctx.country]
    r = ctx.rng
    return (
        f"{la + r.uniform(-0.4, 0.4):.{r.choice((4, 5, 6))}f}",
        f"{lo + r.uniform(-0.4, 0.4):.{r.choice((4, 5, 6))}f}",
    )


def geo(ctx: Ctx, i: int = 1) -> str:
    a, b = geo_pair(ctx)
    return f"{a}, {b}" if ctx.rng.random() < 0.7 else f"{a},{b}"


# ---------------------------------------------------------------- secrets

_ALNUM = string.ascii_letters + string.digits


def _rs(r: Random, n: int, alphabet: str = _ALNUM) -> str:
    return "".join(r.choice(alphabet) for _ in range(n))


def _b64u(b: bytes) -> str:
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def api_key(ctx: Ctx, i: int = 1) -> str:
    r = ctx.rng
    k = r.randrange(9)
    return [
        "AKIA" + _rs(r, 16, string.ascii_uppercase + "234567"),
        "ghp_" + _rs(r, 36),
        "sk_live_" + _rs(r, 24),
        "sk-proj-" + _rs(r, 48, _ALNUM + "-_"),
        "xoxb-" + _d(r, 12) + "-" + _d(r, 13) + "-" + _rs(r, 24),
        "AIza" + _rs(r, 35, _ALNUM + "-_"),
        "SG." + _rs(r, 22, _ALNUM + "-_") + "." + _rs(r, 43, _ALNUM + "-_"),
        "glpat-" + _rs(r, 20, _ALNUM + "-_"),
        "sk-ant-api03-" + _rs(r, 80, _ALNUM + "-_") + "AA",
    ][k]


def db_url(ctx: Ctx, i: int = 1) -> str:
    r = ctx.rng
    user = r.choice(("app", "admin", "svc_orders", "root", "django", _slug(ctx.person(1).first)))
    pw = (
        _rs(r, r.randint(10, 20), _ALNUM + "!_")
        if r.random() < 0.7
        else r.choice(("Sommer2024!", "hunter2", "Passw0rd#", "Ciao1234!", "Madrid_88"))
    )
    host = r.choice(
        (
            "db.internal",
            "10.0.3.12",
            "prod-pg.cluster-cx1.eu-central-1.rds.amazonaws.com",
            "mongo-0.svc",
            "localhost",
        )
    )
    scheme, port, db = r.choice(
        (
            ("postgresql", 5432, "orders"),
            ("mysql", 3306, "shop"),
            ("mongodb+srv", 0, "crm"),
            ("redis", 6379, "0"),
            ("amqp", 5672, "vhost"),
        )
    )
    hp = host if port == 0 else f"{host}:{port}"
    return f"{scheme}://{user}:{pw}@{hp}/{db}"


def jwt(ctx: Ctx, i: int = 1) -> str:
    r = ctx.rng
    head = _b64u(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    body = _b64u(
        json.dumps(
            {"sub": _d(r, 8), "iat": 1_790_000_000 + r.randint(0, 10**7), "scope": "user"},
            separators=(",", ":"),
        ).encode()
    )
    sig = _b64u(bytes(r.getrandbits(8) for _ in range(32)))
    return f"{head}.{body}.{sig}"


def private_key(ctx: Ctx, i: int = 1) -> str:
    r = ctx.rng
    kind = r.choice(("RSA PRIVATE KEY", "PRIVATE KEY", "OPENSSH PRIVATE KEY", "EC PRIVATE KEY"))
    body = base64.b64encode(bytes(r.getrandbits(8) for _ in range(r.randint(150, 260)))).decode()
    lines = "\n".join(body[j : j + 64] for j in range(0, len(body), 64))
    return f"-----BEGIN {kind}-----\n{lines}\n-----END {kind}-----"


def password(ctx: Ctx, i: int = 1) -> str:
    r = ctx.rng
    if r.random() < 0.5:
        return r.choice(
            (
                "Bella2019!",
                "Schatz#77",
                "gatito_123",
                "Loulou2002",
                "Forza_Napoli1",
                "qwerty!Berlin",
                "MiCasa*44",
                "Tr0ub4dor&3",
                "p@ssw0rd2025",
                "Mimi-1989",
            )
        )
    return _rs(r, r.randint(10, 16), _ALNUM + "!#$%&*")


def webhook(ctx: Ctx, i: int = 1) -> str:
    r = ctx.rng
    k = r.randrange(3)
    if k == 0:
        return (
            f"https://hooks.slack.com/services/T{_rs(r, 8, string.ascii_uppercase + string.digits)}"
            f"/B{_rs(r, 10, string.ascii_uppercase + string.digits)}/{_rs(r, 24)}"
        )
    if k == 1:
        return f"https://discord.com/api/webhooks/{_d(r, 18)}/{_rs(r, 68, _ALNUM + '-_')}"
    return (
        "https://outlook.office.com/webhook/"
        f"{_rs(r, 8, '0123456789abcdef')}-{_rs(r, 4, '0123456789abcdef')}"
        f"@{_rs(r, 8, '0123456789abcdef')}/IncomingWebhook/{_rs(r, 32, '0123456789abcdef')}"
    )


def aws_secret(ctx: Ctx, i: int = 1) -> str:
    return _rs(ctx.rng, 40, _ALNUM + "/+")


# ---------------------------------------------------------------- traps


def t_order(ctx: Ctx) -> str:
    r = ctx.rng
    return r.choice(
        (
            f"#{_d(r, 6)}",
            f"ORD-{_d(r, 7)}",
            f"{_d(r, 3)}-{_d(r, 7)}-{_d(r, 7)}",
            f"A{_d(r, 9)}",
            f"SO{_d(r, 8)}",
        )
    )


def t_invoice(ctx: Ctx) -> str:
    r = ctx.rng
    return r.choice(
        (
            f"INV-2026-{_d(r, 5)}",
            f"RE-{_d(r, 6)}",
            f"F2026/{_d(r, 4)}",
            f"FAC-{_d(r, 6)}",
            f"{r.randint(2025, 2026)}/{_d(r, 5)}",
        )
    )


def t_tracking(ctx: Ctx) -> str:
    r = ctx.rng
    return r.choice(
        (
            f"1Z{_rs(r, 6, string.ascii_uppercase + string.digits)}{_d(r, 10)}",
            f"JJD{_d(r, 18)}",
            f"{_d(r, 12)}",
            f"RR{_d(r, 9)}DE",
            f"CX{_d(r, 9)}IT",
        )
    )


def t_ticket(ctx: Ctx) -> str:
    r = ctx.rng
    return r.choice(
        (
            f"#{_d(r, 5)}",
            f"OPS-{_d(r, 4)}",
            f"INC{_d(r, 7)}",
            f"CASE-{_d(r, 6)}",
            f"ticket {_d(r, 6)}",
        )
    )[0:20]


def t_ref(ctx: Ctx) -> str:
    r = ctx.rng
    return r.choice(
        (
            f"REF {_d(r, 8)}",
            f"{_rs(r, 6, string.ascii_uppercase + string.digits)}",
            f"Az. {_d(r, 2)} O {_d(r, 3)}/26" if ctx.country == "de" else f"R-{_d(r, 7)}",
            f"Ref. {_d(r, 4)}/{_d(r, 2)}",
        )
    )


def t_sku(ctx: Ctx) -> str:
    r = ctx.rng
    return r.choice(
        (
            f"SKU-{_d(r, 5)}-{r.choice(('BLK', 'WHT', 'M', 'XL'))}",
            f"{_d(r, 13)}",
            f"ART{_d(r, 6)}",
            f"B0{_rs(r, 8, string.ascii_uppercase + string.digits)}",
        )
    )


def t_date(ctx: Ctx) -> str:
    r = ctx.rng
    return fmt_date(
        r, ctx.country, r.choice((2025, 2026, 2027)), r.randint(1, 12), r.randint(1, 28)
    )


def t_timestamp(ctx: Ctx) -> str:
    r = ctx.rng
    return (
        f"2026-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}T{r.randint(0, 23):02d}:"
        f"{r.randint(0, 59):02d}:{r.randint(0, 59):02d}Z"
    )


def t_amount(ctx: Ctx) -> str:
    r = ctx.rng
    v = r.randint(3, 4999) + r.randint(0, 99) / 100
    co = ctx.country
    if co in ("us",):
        return f"${v:,.2f}"
    if co == "uk":
        return f"£{v:,.2f}"
    s = f"{v:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    return r.choice((f"{s} €", f"€{s}", f"EUR {s}"))


def t_percent(ctx: Ctx) -> str:
    r = ctx.rng
    return r.choice(
        (
            f"{r.randint(1, 99)}%",
            f"{r.randint(1, 30)},{r.randint(0, 9)} %",
            f"{r.randint(1, 99)}.{r.randint(0, 9)}%",
        )
    )


def t_version(ctx: Ctx) -> str:
    r = ctx.rng
    return r.choice(
        (
            f"v{r.randint(0, 9)}.{r.randint(0, 30)}.{r.randint(0, 20)}",
            f"{r.randint(1, 5)}.{r.randint(0, 12)}.{r.randint(0, 9)}-rc{r.randint(1, 3)}",
            f"{r.randint(2, 20)}.{r.randint(0, 9)}",
        )
    )


def t_sha(ctx: Ctx) -> str:
    r = ctx.rng
    h = hashlib.sha1(str(r.random()).encode()).hexdigest()
    return h if r.random() < 0.4 else h[:7]


def t_uuid(ctx: Ctx) -> str:
    h = hashlib.md5(str(ctx.rng.random()).encode()).hexdigest()
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"


def t_hash(ctx: Ctx) -> str:
    return hashlib.sha256(str(ctx.rng.random()).encode()).hexdigest()


def t_status(ctx: Ctx) -> str:
    return str(
        ctx.rng.choice((200, 201, 204, 301, 302, 304, 400, 401, 403, 404, 409, 422, 500, 502, 503))
    )


def t_port(ctx: Ctx) -> str:
    return str(ctx.rng.choice((8080, 5432, 3306, 6379, 9200, 27017, 443, 8443, 5000)))


_COMPANIES = (
    "Siemens",
    "Deutsche Bahn",
    "Zalando",
    "Telefónica",
    "Mercadona",
    "Decathlon",
    "Carrefour",
    "Enel",
    "Barilla",
    "Vodafone",
    "Tesco",
    "Lidl",
    "Stripe",
    "Shopify",
    "Leroy Merlin",
    "Correos",
    "La Poste",
    "Poste Italiane",
    "DHL",
    "Sparkasse",
)
_BRANDS = (
    "Ben & Jerry's",
    "Dr. Oetker",
    "Hugo Boss",
    "Tommy Hilfiger",
    "Ralph Lauren",
    "Giorgio Armani",
    "Calvin Klein",
    "Marks & Spencer",
    "Louis Vuitton",
    "Dolce & Gabbana",
    "Yves Saint Laurent",
    "Johnson & Johnson",
    "Ferrero Rocher",
    "Wells Fargo",
    "Marie Claire",
    "Jack Daniel's",
    "Tim Hortons",
    "Kiehl's",
)
_PRODUCTS = (
    "iPhone 15 Pro",
    "ThinkPad X1 Carbon",
    "Galaxy S24",
    "PlayStation 5",
    "Kindle Paperwhite",
    "Thermomix TM6",
    "Dyson V15",
    "Nespresso Vertuo",
    "AirPods Pro",
    "Bosch Serie 6",
)
_STREET_PLACES = {
    "de": ("Goethestraße", "Karl-Marx-Allee", "Friedrich-Ebert-Platz", "Schillerplatz"),
    "uk": ("Shakespeare Road", "Victoria Embankment", "Nelson Street", "Wellington Road"),
    "us": (
        "Lincoln Avenue",
        "Martin Luther King Jr. Blvd",
        "Washington Square",
        "Jefferson Street",
    ),
    "es": ("Calle de Cervantes", "Plaza de Pablo Neruda", "Avenida de Blasco Ibáñez"),
    "fr": (
        "Rue Victor Hugo",
        "Avenue Jean Jaurès",
        "Place Charles de Gaulle",
        "Boulevard Voltaire",
    ),
    "it": ("Via Giuseppe Verdi", "Corso Garibaldi", "Piazza Dante", "Via Alessandro Manzoni"),
}
_IATA = ("FRA", "MUC", "MAD", "BCN", "CDG", "ORY", "FCO", "MXP", "LHR", "JFK", "SFO", "LIS")


def t_company(ctx: Ctx) -> str:
    return ctx.rng.choice(_COMPANIES)


def t_brand(ctx: Ctx) -> str:
    return ctx.rng.choice(_BRANDS)


def t_product(ctx: Ctx) -> str:
    return ctx.rng.choice(_PRODUCTS)


def t_street(ctx: Ctx) -> str:
    return ctx.rng.choice(_STREET_PLACES[ctx.country])


def t_city(ctx: Ctx) -> str:
    return city_only(ctx)


def t_isbn(ctx: Ctx) -> str:
    r = ctx.rng
    body = "978" + _d(r, 9)
    s = sum(int(ch) * (1 if j % 2 == 0 else 3) for j, ch in enumerate(body))
    chk = (10 - s % 10) % 10
    full = body + str(chk)
    return f"{full[:3]}-{full[3]}-{full[4:8]}-{full[8:12]}-{full[12]}" if r.random() < 0.6 else full


def t_iata(ctx: Ctx) -> str:
    return ctx.rng.choice(_IATA)


def t_flight(ctx: Ctx) -> str:
    r = ctx.rng
    return f"{r.choice(('LH', 'IB', 'AF', 'AZ', 'BA', 'FR', 'U2', 'VY'))}{r.randint(10, 9999)}"


def t_measure(ctx: Ctx) -> str:
    r = ctx.rng
    return r.choice(
        (
            f"{r.randint(40, 120)} kg",
            f"{r.randint(150, 200)} cm",
            f"{r.randint(1, 900)} ml",
            f"{r.randint(5, 500)} mg",
            f"{r.randint(12, 140)} m²",
            f"{r.randint(2, 60)} km",
            f"{r.randint(100, 180)}/{r.randint(60, 100)} mmHg",
        )
    )


def t_math(ctx: Ctx) -> str:
    r = ctx.rng
    a, b = r.randint(12, 9999), r.randint(2, 999)
    return r.choice((f"{a} * {b} = {a * b}", f"{a} + {b} = {a + b}", f"({a} - {b}) / 2"))


def t_time(ctx: Ctx) -> str:
    r = ctx.rng
    return f"{r.randint(7, 20):02d}:{r.choice(('00', '15', '30', '45'))}"


def t_public(ctx: Ctx) -> str:  # not a trap: public figures are PERSON, see builders
    return ctx.rng.choice(
        (
            "Olaf Scholz",
            "Pedro Sánchez",
            "Emmanuel Macron",
            "Giorgia Meloni",
            "Keir Starmer",
            "Taylor Swift",
            "Lionel Messi",
            "Angela Merkel",
        )
    )


Gen = Callable[[Ctx, int], str]
TrapGen = Callable[[Ctx], str]

# slot -> (generator, accepted types, secret)
SLOTS: dict[str, tuple[Gen, frozenset[str], bool]] = {
    "name": (name_full, PERSON, False),
    "first": (name_first, PERSON, False),
    "last": (name_last, PERSON, False),
    "lname": (name_lower, PERSON, False),
    "ini": (name_initials, PERSON, False),
    "tname": (name_titled, PERSON, False),
    "nick": (name_nick, PERSON, False),
    "xname": (name_script, PERSON, False),
    "lfname": (name_last_first, PERSON, False),
    "public": (lambda ctx, i: t_public(ctx), PERSON, False),
    "email": (email, EMAIL, False),
    "phone": (phone, PHONE, False),
    "addr": (address, ADDRESS, False),
    "ip": (ipv4, IP, False),
    "ipsix": (ipv6, IP, False),
    "card": (card, CARD, False),
    "iban": (iban, IBAN, False),
    "ssn": (ssn, SSN, False),
    "itin": (itin, SSN, False),
    "dob": (birth_date, DOB, False),
    "dobiso": (birth_iso, DOB, False),
    "byear": (birth_year, DOB, False),
    "dni": (dni, ID, False),
    "nie": (nie, ID, False),
    "nss": (nss, ID, False),
    "nir": (nir, ID, False),
    "cf": (codice_fiscale, ID, False),
    "nino": (nino, ID, False),
    "nhs": (nhs, ID, False),
    "stid": (steuer_id, ID, False),
    "svnr": (svnr, ID, False),
    "pa": (personalausweis, ID, False),
    "kvnr": (kvnr, ID, False),
    "spi": (fr_tax_number, ID, False),
    "pass": (passport, ID, False),
    "dl": (driving_licence, ID, False),
    "hid": (health_id, ID, False),
    "emp": (employee_id, ID, False),
    "pid": (patient_id, ID, False),
    "plate": (plate, PLATE, False),
    "geo": (geo, GEO, False),
    "key": (api_key, SECRET, True),
    "awssec": (aws_secret, SECRET, True),
    "dburl": (db_url, SECRET, True),
    "jwt": (jwt, SECRET, True),
    "pem": (private_key, SECRET, True),
    "pw": (password, SECRET, True),
    "hook": (webhook, SECRET, True),
}

TRAPS: dict[str, TrapGen] = {
    "order": t_order,
    "invoice": t_invoice,
    "tracking": t_tracking,
    "ticket": t_ticket,
    "ref": t_ref,
    "sku": t_sku,
    "date": t_date,
    "ts": t_timestamp,
    "amount": t_amount,
    "pct": t_percent,
    "version": t_version,
    "sha": t_sha,
    "uuid": t_uuid,
    "hash": t_hash,
    "status": t_status,
    "port": t_port,
    "company": t_company,
    "brand": t_brand,
    "product": t_product,
    "street": t_street,
    "city": t_city,
    "isbn": t_isbn,
    "iata": t_iata,
    "flight": t_flight,
    "measure": t_measure,
    "math": t_math,
    "time": t_time,
}
