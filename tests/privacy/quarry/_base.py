# ruff: noqa: E501
"""Builder, check-digit schemes and synthetic value makers for the quarry corpus."""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import itertools
import json
import re
import string
import unicodedata
from dataclasses import dataclass
from random import Random

from privacy.yardstick.corpus import Document, Planted, Trap

TYPES = frozenset(
    {
        "PERSON",
        "EMAIL",
        "PHONE",
        "ADDRESS",
        "IP_ADDRESS",
        "CREDIT_CARD",
        "IBAN",
        "US_SSN",
        "DATE_OF_BIRTH",
        "ID_NUMBER",
        "LICENSE_PLATE",
        "GEO_COORDINATES",
        "SECRET",
        "URL_CREDENTIALS",
    }
)
BLOCKING = frozenset({"SECRET", "URL_CREDENTIALS"})
TODAY = dt.date(2026, 12, 6)


# --------------------------------------------------------------------------- builder
@dataclass(frozen=True)
class P:
    slot: str
    value: str
    types: str
    secret: bool = False


@dataclass(frozen=True)
class X:
    kind: str
    value: str


# look-alikes a careful reader might still call personal (or secret) in their context:
# written into the text, but neither labelled nor claimed as traps
UNSURE = frozenset(
    {
        "row_id",
        "mandate",
        "analytics_id",
        "click_id",
        "cf_clearance",
        "password_hash",
        "global_id",
        "salary",
        "health",
        "city",
        "score",
    }
)

_PH = re.compile(r"\{(\w+)\}")


class Bad(Exception):
    """A draw broke an invariant; the caller draws again with the next attempt seed."""


class D:
    def __init__(self) -> None:
        self.buf: list[str] = []
        self.n = 0
        self.pl: list[Planted] = []
        self.tr: list[Trap] = []

    def add(self, item: object) -> None:
        if isinstance(item, P):
            s = item.value
            self.pl.append(
                Planted(
                    item.slot, self.n, self.n + len(s), frozenset(item.types.split()), item.secret
                )
            )
        elif isinstance(item, X) and item.kind not in UNSURE:
            s = item.value
            self.tr.append(Trap(item.kind, self.n, self.n + len(s)))
        else:
            s = item.value if isinstance(item, X) else str(item)
        self.buf.append(s)
        self.n += len(s)

    def f(self, tpl: str, **kw: object) -> D:
        pos = 0
        for m in _PH.finditer(tpl):
            if m.group(1) not in kw:
                continue
            self.add(tpl[pos : m.start()])
            self.add(kw[m.group(1)])
            pos = m.end()
        self.add(tpl[pos:])
        return self

    def ln(self, *items: object) -> D:
        for it in items:
            self.add(it)
        self.add("\n")
        return self

    def text(self) -> str:
        return "".join(self.buf)


_TRIM = " \t\r\n\"'`()[]{}<>,;:"


def _bounded(text: str, i: int, j: int) -> bool:
    a = text[i - 1] if i > 0 else " "
    b = text[j] if j < len(text) else " "
    return not (a.isalnum() or b.isalnum())


def problems(doc: Document) -> list[str]:
    """Invariant breaches of one document (empty when it is sound)."""
    t = doc.text
    out: list[str] = []
    spans = sorted(
        [(p.start, p.end, "p") for p in doc.planted] + [(x.start, x.end, "t") for x in doc.traps]
    )
    for (a, b, _), (c, _d, _k) in itertools.pairwise(spans):
        if c < b:
            out.append(f"overlap at {a}:{b} and {c}")
    for a, b, _ in spans:
        if not (0 <= a < b <= len(t)):
            out.append(f"bounds {a}:{b}")
            continue
        s = t[a:b]
        if s[0] in _TRIM or s[-1] in _TRIM:
            out.append(f"untrimmed {s!r}")
    for p in doc.planted:
        if not p.types or not p.types <= TYPES:
            out.append(f"types {p.types}")
        if p.secret != bool(p.types & BLOCKING) or (p.secret and not p.types <= BLOCKING):
            out.append(f"secret flag {p.slot}")
    pvals = {t[p.start : p.end] for p in doc.planted}
    for x in doc.traps:
        if t[x.start : x.end] in pvals:
            out.append(f"trap equals value {t[x.start : x.end]!r}")
    for v in sorted(pvals):
        for m in re.finditer(re.escape(v), t):
            if not _bounded(t, m.start(), m.end()):
                continue
            if not any(p.start <= m.start() and m.end() <= p.end for p in doc.planted):
                out.append(f"unlabelled repeat {v!r}")
    return out


# --------------------------------------------------------------------------- check digits
def luhn_ok(s: str) -> bool:
    d = [int(c) for c in s if c.isdigit()]
    tot = 0
    for i, x in enumerate(reversed(d)):
        if i % 2:
            x *= 2
            if x > 9:
                x -= 9
        tot += x
    return len(d) > 1 and tot % 10 == 0


def luhn_digit(body: str) -> str:
    for c in "0123456789":
        if luhn_ok(body + c):
            return c
    raise AssertionError


def _iban_num(s: str) -> int:
    s = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in s))


def iban_ok(s: str) -> bool:
    s = re.sub(r"\s", "", s).upper()
    return bool(re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", s)) and _iban_num(s) % 97 == 1


def nl_bsn_ok(s: str) -> bool:
    d = [int(c) for c in s if c.isdigit()]
    if len(d) != 9:
        return False
    return (sum(x * w for x, w in zip(d[:8], range(9, 1, -1), strict=True)) - d[8]) % 11 == 0


_DNI = "TRWAGMYFPDXBNJZSQVHLCKE"


def es_dni_ok(s: str) -> bool:
    s = s.replace("-", "").upper()
    if s[0] in "XYZ":
        s = str("XYZ".index(s[0])) + s[1:]
    return len(s) == 9 and s[:8].isdigit() and _DNI[int(s[:8]) % 23] == s[8]


def fr_nir_ok(s: str) -> bool:
    d = s.replace(" ", "")
    return len(d) == 15 and d.isdigit() and 97 - int(d[:13]) % 97 == int(d[13:])


_PESEL_W = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)


def pl_pesel_ok(s: str) -> bool:
    return (
        len(s) == 11
        and s.isdigit()
        and (10 - sum(int(a) * w for a, w in zip(s, _PESEL_W, strict=False)) % 10) % 10
        == int(s[10])
    )


def se_pnr_ok(s: str) -> bool:
    d = re.sub(r"\D", "", s)[-10:]
    return len(d) == 10 and luhn_ok(d)


def _cpf_digits(b: str) -> str:
    for n in (10, 11):
        tot = sum(int(c) * w for c, w in zip(b, range(n, 1, -1), strict=False))
        r = tot * 10 % 11
        b += str(0 if r == 10 else r)
    return b


def br_cpf_ok(s: str) -> bool:
    d = re.sub(r"\D", "", s)
    return len(d) == 11 and len(set(d)) > 1 and _cpf_digits(d[:9]) == d


def _cn_check(b: str) -> str:
    tot = sum(int(c) * (2 ** (17 - i) % 11) for i, c in enumerate(b))
    return "10X98765432"[tot % 11]


def cn_id_ok(s: str) -> bool:
    return len(s) == 18 and s[:17].isdigit() and _cn_check(s[:17]) == s[17].upper()


def ca_sin_ok(s: str) -> bool:
    d = re.sub(r"\D", "", s)
    return len(d) == 9 and luhn_ok(d)


def _nhs_check(b: str) -> int:
    r = 11 - sum(int(c) * w for c, w in zip(b, range(10, 1, -1), strict=True)) % 11
    return 0 if r == 11 else r


def uk_nhs_ok(s: str) -> bool:
    d = re.sub(r"\D", "", s)
    return len(d) == 10 and _nhs_check(d[:9]) == int(d[9])


def _ean_check(b: str) -> str:
    tot = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(b))
    return str((10 - tot % 10) % 10)


def ch_ahv_ok(s: str) -> bool:
    d = re.sub(r"\D", "", s)
    return len(d) == 13 and d.startswith("756") and _ean_check(d[:12]) == d[12]


_HETU = "0123456789ABCDEFHJKLMNPRSTUVWXY"


def fi_hetu_ok(s: str) -> bool:
    m = re.fullmatch(r"(\d{6})[-+A](\d{3})([0-9A-Y])", s)
    return bool(m) and _HETU[int(m.group(1) + m.group(2)) % 31] == m.group(3)


def _de_tax_check(b: str) -> str:
    prod = 10
    for c in b:
        sm = (int(c) + prod) % 10 or 10
        prod = sm * 2 % 11
    chk = 11 - prod
    return str(0 if chk == 10 else chk)


def de_taxid_ok(s: str) -> bool:
    d = re.sub(r"\s", "", s)
    if len(d) != 11 or not d.isdigit() or d[0] == "0":
        return False
    counts = sorted((d[:10].count(c) for c in set(d[:10])), reverse=True)
    return counts[0] in (2, 3) and counts[1] == 1 and _de_tax_check(d[:10]) == d[10]


_CF_ODD = dict(
    zip(
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
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
)


def _cf_check(b: str) -> str:
    tot = 0
    for i, c in enumerate(b):
        if i % 2 == 0:
            tot += _CF_ODD[c]
        else:
            tot += int(c) if c.isdigit() else ord(c) - 65
    return chr(65 + tot % 26)


def it_cf_ok(s: str) -> bool:
    return len(s) == 16 and s.isalnum() and s.isupper() and _cf_check(s[:15]) == s[15]


def _jp_check(b: str) -> str:
    tot = 0
    for n, c in enumerate(reversed(b), start=1):
        q = n + 1 if n <= 6 else n - 5
        tot += int(c) * q
    r = tot % 11
    return str(0 if r <= 1 else 11 - r)


def jp_mynumber_ok(s: str) -> bool:
    d = re.sub(r"\D", "", s)
    return len(d) == 12 and _jp_check(d[:11]) == d[11]


def _snils_check(b: str) -> str:
    tot = sum(int(c) * (9 - i) for i, c in enumerate(b))
    while tot > 101:
        tot %= 101
    return "00" if tot in (100, 101) else f"{tot:02d}"


def ru_snils_ok(s: str) -> bool:
    d = re.sub(r"\D", "", s)
    return len(d) == 11 and _snils_check(d[:9]) == d[9:]


def _kvnr_check(letter: str, eight: str) -> str:
    tot = 0
    for i, c in enumerate(f"{ord(letter) - 64:02d}" + eight):
        p = int(c) * (2 if i % 2 else 1)
        tot += p // 10 + p % 10
    return str(tot % 10)


def de_kvnr_ok(s: str) -> bool:
    return (
        len(s) == 10
        and s[0].isalpha()
        and s[1:].isdigit()
        and _kvnr_check(s[0].upper(), s[1:9]) == s[9]
    )


def kvnr(r: Random) -> str:
    letter = r.choice("ABCDEFGHKLMNPRSTUVWZ")
    eight = dg(r, 8)
    return letter + eight + _kvnr_check(letter, eight)


def kr_rrn_ok(s: str) -> bool:
    d = s.replace("-", "")
    w = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
    return (
        len(d) == 13
        and d.isdigit()
        and (11 - sum(int(x) * k for x, k in zip(d, w, strict=False)) % 11) % 10 == int(d[12])
    )


def gr_amka_ok(s: str) -> bool:
    return len(s) == 11 and s.isdigit() and luhn_ok(s)


def us_ssn_ok(s: str) -> bool:
    m = re.fullmatch(r"(\d{3})[- ]?(\d{2})[- ]?(\d{4})", s)
    if not m:
        return False
    a, g, n = m.groups()
    return a not in ("000", "666") and a[0] != "9" and g != "00" and n != "0000"


CHECKS = {
    "card": luhn_ok,
    "iban": iban_ok,
    "nl_bsn": nl_bsn_ok,
    "es_dni": es_dni_ok,
    "es_nie": es_dni_ok,
    "fr_nir": fr_nir_ok,
    "pl_pesel": pl_pesel_ok,
    "se_pnr": se_pnr_ok,
    "br_cpf": br_cpf_ok,
    "cn_id": cn_id_ok,
    "ca_sin": ca_sin_ok,
    "uk_nhs": uk_nhs_ok,
    "ch_ahv": ch_ahv_ok,
    "fi_hetu": fi_hetu_ok,
    "de_taxid": de_taxid_ok,
    "it_cf": it_cf_ok,
    "jp_mynumber": jp_mynumber_ok,
    "ru_snils": ru_snils_ok,
    "us_ssn": us_ssn_ok,
    "de_kvnr": de_kvnr_ok,
    "kr_rrn": kr_rrn_ok,
    "gr_amka": gr_amka_ok,
}

# --------------------------------------------------------------------------- dates of birth
_MONTHS = {
    "en": "january february march april may june july august september october november december",
    "de": "januar februar märz april mai juni juli august september oktober november dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
    "dicembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
}
_MONTH_NUM: dict[str, int] = {}
for _names in _MONTHS.values():
    for _i, _m in enumerate(_names.split(), start=1):
        _MONTH_NUM[_m] = _i
        _MONTH_NUM.setdefault(_m[:3], _i)


def dob_dates(s: str) -> list[dt.date]:
    """Every calendar reading of a written date of birth (numeric or with month names)."""
    out: list[dt.date] = []
    low = s.lower().replace(",", " ").replace(" de ", " ").replace(".", " ")
    nums = [int(x) for x in re.findall(r"\d+", s)]
    words = [w for w in re.findall(r"[^\W\d_]+", low) if w in _MONTH_NUM]
    cands: list[tuple[int, int, int]] = []
    if words and len(nums) == 2:
        mo = _MONTH_NUM[words[0]]
        a, b = nums
        cands += [(b, mo, a), (a, mo, b)]
    elif len(nums) == 3:
        a, b, c = nums
        cands += [(a, b, c), (c, b, a), (c, a, b)]
    for y, m, d in cands:
        if y < 100:
            y += 1900
        with contextlib.suppress(ValueError):
            out.append(dt.date(y, m, d))
    return out


def dob_ok(s: str) -> bool:
    return any(dt.date(1900, 1, 1) <= d < TODAY for d in dob_dates(s))


# --------------------------------------------------------------------------- shortcuts
def PN(v: str) -> P:
    return P("person", v, "PERSON")


def EM(v: str) -> P:
    return P("email", v, "EMAIL")


def PH(v: str) -> P:
    return P("phone", v, "PHONE")


def AD(v: str) -> P:
    return P("address", v, "ADDRESS")


def IP(v: str) -> P:
    return P("ip", v, "IP_ADDRESS")


def CC(v: str) -> P:
    return P("card", v, "CREDIT_CARD")


def IB(v: str) -> P:
    return P("iban", v, "IBAN")


def DOB(v: str) -> P:
    return P("dob", v, "DATE_OF_BIRTH")


def GEO(v: str) -> P:
    return P("geo", v, "GEO_COORDINATES")


def LP(v: str) -> P:
    return P("plate", v, "LICENSE_PLATE")


def IDN(slot: str, v: str, extra: str = "") -> P:
    return P(slot, v, ("ID_NUMBER " + extra).strip())


def SEC(slot: str, v: str) -> P:
    return P(slot, v, "SECRET", True)


def UC(v: str) -> P:
    return P("url_creds", v, "URL_CREDENTIALS SECRET", True)


# --------------------------------------------------------------------------- people
def fold(s: str) -> str:
    s = s.replace("ß", "ss").replace("ł", "l").replace("Ł", "L").replace("ø", "o")
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if c.isascii() and (c.isalnum() or c in " -'")).strip()


_L = {
    "de": (
        "Lukas Anna Jonas Lea Felix Marie Tobias Katharina Jürgen Sabine Maximilian Sophie Dirk "
        "Heike Björn",
        "Müller Schmidt Schneider Fischer Weber Wagner Becker Hoffmann Schäfer Koch Richter Krüger "
        "Zimmermann Hartmann Vogt",
    ),
    "fr": (
        "Camille Léa Hugo Louis Chloé Mathieu Élodie Julien Manon Nicolas Amélie Théo Inès",
        "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Lefèvre Girard "
        "Rousseau Fontaine",
    ),
    "us": (
        "Emily Michael Jessica Christopher Ashley Matthew Brittany Tyler Megan Brandon Kayla "
        "Dustin Latoya",
        "Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Anderson Thompson "
        "Whitfield Kowalczyk Nguyen",
    ),
    "uk": (
        "Oliver Amelia Harry Isla George Poppy Jack Freya Callum Siobhan Rhys Imogen",
        "Smith Taylor Evans Walker Wright Hughes Edwards Roberts Hargreaves Pritchard Ashworth "
        "McAllister",
    ),
    "es": (
        "Lucía Hugo Martina Pablo Alejandro Carmen Javier Nuria Sergio Paula Íñigo Rocío",
        "García Fernández González Rodríguez López Martínez Sánchez Pérez Gómez Ruiz Jiménez "
        "Navarro Etxeberria",
    ),
    "it": (
        "Giulia Francesco Chiara Alessandro Sofia Lorenzo Federica Matteo Elena Davide Ilaria",
        "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Gallo Conti "
        "Lombardi",
    ),
    "nl": (
        "Daan Sanne Thijs Fleur Bram Lotte Joris Eva Sem Noor Wouter Femke",
        "Jansen Bakker Visser Smit Meijer Mulder Bos Vos Peters Hendriks Dekker Brouwer",
    ),
    "pl": (
        "Jakub Zuzanna Kacper Julia Szymon Maja Wojciech Agnieszka Paweł Katarzyna Łukasz",
        "Nowak Wójcik Kaczmarek Mazur Krawczyk Dudek Zając Król Pawlak Michalak Wróbel Jabłoński",
    ),
    "br": (
        "Ana João Mariana Gabriel Beatriz Lucas Larissa Rafael Camila Thiago Letícia Vinícius",
        "Silva Santos Oliveira Souza Pereira Costa Carvalho Almeida Ribeiro Ferreira Lima Araújo",
    ),
    "se": (
        "Erik Astrid Oskar Elsa Nils Ingrid Axel Linnea Gustav Sigrid Johan",
        "Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Lindqvist Bergström",
    ),
    "in": (
        "Aarav Priya Rohan Ananya Vikram Sneha Arjun Kavya Rahul Deepika Siddharth",
        "Sharma Patel Iyer Reddy Nair Gupta Mehta Bhat Chatterjee Kulkarni Banerjee",
    ),
}
# native|roman pairs for names written in other scripts
_S = {
    "jp": (
        "太郎|taro 花子|hanako 翔太|shota 美咲|misaki 大輔|daisuke 陽菜|hina 健一|kenichi 由美|yumi",
        "佐藤|sato 鈴木|suzuki 高橋|takahashi 田中|tanaka 渡辺|watanabe 伊藤|ito 山本|yamamoto "
        "中村|nakamura",
    ),
    "cn": (
        "伟|wei 芳|fang 娜|na 秀英|xiuying 敏|min 静|jing 磊|lei 洋|yang 婷|ting 强|qiang",
        "王|wang 李|li 张|zhang 刘|liu 陈|chen 杨|yang 黄|huang 赵|zhao 吴|wu 周|zhou",
    ),
    "ru": (
        "Иван|ivan Ольга|olga Дмитрий|dmitry Анна|anna Сергей|sergey Татьяна|tatiana "
        "Алексей|alexey Наталья|natalia",
        "Петров|petrov Смирнов|smirnov Кузнецов|kuznetsov Попов|popov Соколов|sokolov "
        "Волков|volkov Морозов|morozov Лебедев|lebedev",
    ),
}
LOCALES = (*_L, *_S)
LATIN = tuple(_L)


@dataclass(frozen=True)
class Who:
    first: str
    last: str
    rfirst: str
    rlast: str
    loc: str

    @property
    def full(self) -> str:
        if self.loc in ("jp", "cn"):
            return self.last + (" " if self.loc == "jp" else "") + self.first
        return f"{self.first} {self.last}"

    @property
    def roman(self) -> str:
        return f"{self.rfirst.title()} {self.rlast.title()}"


def who(r: Random, loc: str) -> Who:
    if loc in _L:
        f, g = (r.choice(x.split()) for x in _L[loc])
        return Who(f, g, fold(f).lower(), fold(g).lower().replace(" ", ""), loc)
    f2, g2 = (r.choice(x.split()).split("|") for x in _S[loc])
    return Who(f2[0], g2[0], f2[1], g2[1], loc)


def people(r: Random, loc: str, k: int) -> list[Who]:
    out: list[Who] = []
    while len(out) < k:
        w = who(r, loc)
        if all(w.first != o.first and w.last != o.last for o in out):
            out.append(w)
    return out


_MAILDOM = {
    "de": "gmx.de web.de t-online.de gmail.com posteo.de",
    "fr": "orange.fr free.fr laposte.net gmail.com",
    "us": "gmail.com yahoo.com outlook.com icloud.com aol.com",
    "uk": "btinternet.com gmail.com yahoo.co.uk hotmail.co.uk",
    "es": "gmail.com hotmail.es telefonica.net yahoo.es",
    "it": "libero.it gmail.com virgilio.it tiscali.it",
    "nl": "ziggo.nl kpnmail.nl gmail.com hotmail.nl",
    "pl": "wp.pl o2.pl onet.pl gmail.com interia.pl",
    "br": "gmail.com uol.com.br bol.com.br hotmail.com",
    "se": "telia.com gmail.com hotmail.se",
    "in": "gmail.com rediffmail.com yahoo.co.in",
    "jp": "docomo.ne.jp gmail.com yahoo.co.jp",
    "cn": "qq.com 163.com 126.com",
    "ru": "yandex.ru mail.ru gmail.com",
}
WORKDOM = [
    "nordwind-logistik.de",
    "fjordline-data.no",
    "brightpath.io",
    "kestrel-health.com",
    "oakmere-insurance.co.uk",
    "verdant-retail.fr",
    "lumen-analytics.com",
    "tidewater.dev",
]


def email(r: Random, w: Who, work: str | None = None) -> str:
    f, g = w.rfirst.replace(" ", ""), w.rlast.replace(" ", "").replace("'", "")
    if work:
        return f"{f}.{g}@{work}"
    shape = r.randrange(6)
    local = [
        f"{f}.{g}",
        f"{f[0]}{g}",
        f"{f}{g}{r.randint(1, 99)}",
        f"{f}_{g}",
        f"{g}.{f}",
        f"{f}.{g}{r.randint(70, 99)}",
    ][shape]
    if w.loc == "cn" and r.random() < 0.5:
        return f"{r.randint(10000000, 2999999999)}@qq.com"
    return f"{local}@{r.choice(_MAILDOM[w.loc].split())}"


def dg(r: Random, n: int) -> str:
    return "".join(r.choice(string.digits) for _ in range(n))


def phone(r: Random, loc: str) -> str:
    k = r.randrange(3)
    if loc == "de":
        return [
            f"+49 {r.choice(['151', '160', '171', '176'])} {dg(r, 8)}",
            f"0{r.choice(['30', '89', '40', '221'])} {dg(r, 3)} {dg(r, 4)}",
            f"+49 (0){r.choice(['69', '711', '341'])} {dg(r, 7)}",
        ][k]
    if loc == "fr":
        b = " ".join(dg(r, 2) for _ in range(4))
        return [f"06 {b}", f"+33 7 {b}", f"01.{b.replace(' ', '.')}"][k]
    if loc == "us":
        a = r.choice(["415", "312", "512", "617", "206", "303"])
        x = f"{r.randint(2, 9)}{dg(r, 2)}"
        return [f"+1 ({a}) {x}-{dg(r, 4)}", f"{a}-{x}-{dg(r, 4)}", f"{a}.{x}.{dg(r, 4)}"][k]
    if loc == "uk":
        return [
            f"07{r.randint(400, 999)} {dg(r, 6)}",
            f"+44 20 7{dg(r, 3)} {dg(r, 4)}",
            f"+44 (0)113 {dg(r, 3)} {dg(r, 4)}",
        ][k]
    if loc == "es":
        return [
            f"6{dg(r, 2)} {dg(r, 3)} {dg(r, 3)}",
            f"+34 6{dg(r, 2)} {dg(r, 2)} {dg(r, 2)} {dg(r, 2)}",
            f"91 {dg(r, 3)} {dg(r, 2)} {dg(r, 2)}",
        ][k]
    if loc == "it":
        return [
            f"+39 3{dg(r, 2)} {dg(r, 3)} {dg(r, 4)}",
            f"3{dg(r, 2)}/{dg(r, 7)}",
            f"02 {dg(r, 8)}",
        ][k]
    if loc == "nl":
        return [f"06-{dg(r, 8)}", f"+31 6 {dg(r, 4)} {dg(r, 4)}", f"020 {dg(r, 3)} {dg(r, 4)}"][k]
    if loc == "pl":
        return [
            f"+48 5{dg(r, 2)} {dg(r, 3)} {dg(r, 3)}",
            f"6{dg(r, 2)}-{dg(r, 3)}-{dg(r, 3)}",
            f"22 {dg(r, 3)} {dg(r, 2)} {dg(r, 2)}",
        ][k]
    if loc == "br":
        return [
            f"11 9{dg(r, 4)}-{dg(r, 4)}",
            f"+55 21 9{dg(r, 4)}-{dg(r, 4)}",
            f"+55 (41) 3{dg(r, 3)}-{dg(r, 4)}",
        ][k]
    if loc == "se":
        return [
            f"070-{dg(r, 3)} {dg(r, 2)} {dg(r, 2)}",
            f"+46 73 {dg(r, 3)} {dg(r, 2)} {dg(r, 2)}",
            f"08-{dg(r, 3)} {dg(r, 3)} {dg(r, 2)}",
        ][k]
    if loc == "in":
        return [f"+91 9{dg(r, 4)} {dg(r, 5)}", f"98{dg(r, 8)}", f"+91-80-{dg(r, 8)}"][k]
    if loc == "jp":
        return [
            f"090-{dg(r, 4)}-{dg(r, 4)}",
            f"+81 80-{dg(r, 4)}-{dg(r, 4)}",
            f"03-{dg(r, 4)}-{dg(r, 4)}",
        ][k]
    if loc == "cn":
        return [
            f"1{r.choice('3589')}{dg(r, 1)} {dg(r, 4)} {dg(r, 4)}",
            f"+86 1{r.choice('358')}{dg(r, 9)}",
            f"010-{dg(r, 8)}",
        ][k]
    return [
        f"+7 9{dg(r, 2)} {dg(r, 3)}-{dg(r, 2)}-{dg(r, 2)}",
        f"8 (9{dg(r, 2)}) {dg(r, 3)}-{dg(r, 2)}-{dg(r, 2)}",
        f"+7 495 {dg(r, 3)}-{dg(r, 2)}-{dg(r, 2)}",
    ][k]


_STREETS = {
    "de": "Lindenstraße|Hauptstraße|Bergstraße|Goethestraße|Schillerweg|Am Mühlbach|Rosenweg|"
    "Kastanienallee",
    "fr": "rue des Lilas|avenue Jean Jaurès|boulevard Voltaire|rue du Moulin|impasse des Tilleuls|"
    "chemin des Vignes",
    "us": "Maple Ave|Oak Street|Cedar Ln|Pine Ridge Dr|Washington Blvd|Elm St|Lakeview Terrace",
    "uk": "Ashdown Road|Victoria Street|Mill Lane|Church Close|Station Road|Beech Grove",
    "es": "Calle de Alcalá|Calle Mayor|Avenida de la Constitución|Calle del Pez|Calle San Vicente",
    "it": "Via Garibaldi|Via Roma|Via dei Mille|Viale Monza|Via Mazzini|Corso Buenos Aires",
    "nl": "Prinsengracht|Kerkstraat|Dorpsweg|Molenweg|Oudegracht|Lindenlaan",
    "pl": "ul. Długa|ul. Kwiatowa|ul. Lipowa|al. Jerozolimskie|ul. Polna|ul. Słoneczna",
    "br": "Rua das Flores|Avenida Paulista|Rua Augusta|Rua XV de Novembro|Rua da Consolação",
    "se": "Storgatan|Drottninggatan|Kungsgatan|Vasagatan|Björkvägen",
    "in": "14th Cross, Indiranagar|2nd Main Road, Koramangala|MG Road|Link Road, Andheri West",
    "ru": "ул. Ленина|ул. Гагарина|Садовая ул.|пр. Мира",
}
_CITIES = {
    "de": "10969 Berlin|80331 München|50667 Köln|20095 Hamburg|04109 Leipzig|70173 Stuttgart",
    "fr": "75011 Paris|69003 Lyon|13005 Marseille|31000 Toulouse|44000 Nantes|33000 Bordeaux",
    "us": "Springfield, IL 62704|Austin, TX 78745|Portland, OR 97214|Columbus, OH 43215|"
    "Raleigh, NC 27609",
    "uk": "Leeds LS6 2AB|Manchester M14 5RG|Bristol BS7 8EF|Sheffield S10 2HQ|Norwich NR2 3DT",
    "es": "28009 Madrid|08008 Barcelona|46001 Valencia|41001 Sevilla|29001 Málaga",
    "it": "20121 Milano|00184 Roma|10123 Torino|40126 Bologna|50122 Firenze",
    "nl": "1016 GV Amsterdam|3511 AL Utrecht|2611 HB Delft|9711 LM Groningen|3012 CL Rotterdam",
    "pl": "00-238 Warszawa|31-042 Kraków|80-831 Gdańsk|50-101 Wrocław|61-772 Poznań",
    "br": "São Paulo - SP, 01310-100|Rio de Janeiro - RJ, 22021-001|Curitiba - PR, 80020-310",
    "se": "114 55 Stockholm|411 38 Göteborg|211 22 Malmö|753 20 Uppsala",
    "in": "Bengaluru 560038|Mumbai 400053|Pune 411004|Chennai 600017",
    "ru": "Москва, 101000|Санкт-Петербург, 190000|Казань, 420111",
}


def street(r: Random, loc: str) -> str:
    n = r.randint(1, 148)
    if loc in ("jp", "cn"):
        return address(r, loc)
    s = r.choice(_STREETS[loc].split("|"))
    if loc in ("fr", "us", "uk"):
        return f"{n} {s}"
    if loc == "br":
        return f"{s}, {n}"
    if loc == "in":
        return f"#{n}, {s}"
    if loc == "ru":
        return f"{s}, д. {n}, кв. {r.randint(1, 120)}"
    if loc == "pl":
        return f"{s} {n}/{r.randint(1, 40)}"
    return f"{s} {n}{r.choice(['', '', 'a', 'b'])}"


def address(r: Random, loc: str) -> str:
    if loc == "jp":
        p = r.choice(
            [
                "東京都世田谷区北沢",
                "大阪府大阪市北区天満",
                "神奈川県横浜市港北区日吉",
                "京都府京都市左京区田中",
            ]
        )
        return f"〒{dg(r, 3)}-{dg(r, 4)} {p}{r.randint(1, 5)}-{r.randint(1, 30)}-{r.randint(1, 20)}"
    if loc == "cn":
        p = r.choice(
            [
                "北京市朝阳区建国路",
                "上海市浦东新区世纪大道",
                "广州市天河区体育西路",
                "深圳市南山区科技园南路",
            ]
        )
        return f"{p}{r.randint(1, 300)}号{r.randint(1, 30)}栋{r.randint(101, 2404)}室"
    s, c = street(r, loc), r.choice(_CITIES[loc].split("|"))
    if loc == "uk":
        return f"Flat {r.randint(1, 9)}, {s}, {c}" if r.random() < 0.4 else f"{s}, {c}"
    if loc == "es":
        return f"{s}, {r.randint(1, 9)}º {r.choice('ABCD')}, {c}"
    return f"{s}, {c}"


def city_of(addr: str) -> str:
    return addr.rsplit(",", 1)[-1].strip()


def ipv4(r: Random) -> str:
    a = r.choice(
        [
            31,
            46,
            62,
            77,
            78,
            79,
            84,
            85,
            87,
            88,
            91,
            93,
            94,
            95,
            109,
            176,
            178,
            185,
            188,
            212,
            213,
            217,
        ]
    )
    return f"{a}.{r.randint(1, 254)}.{r.randint(0, 254)}.{r.randint(1, 254)}"


def ipv6(r: Random) -> str:
    return f"2a02:{r.randrange(0x100, 0xFFFF):x}:{r.randrange(0x10, 0xFFFF):x}::{r.randrange(0x10, 0xFFFF):x}:{r.randrange(0x10, 0xFFFF):x}"


def card(r: Random) -> str:
    k = r.randrange(3)
    if k == 0:
        b = "4" + dg(r, 14)
    elif k == 1:
        b = f"5{r.randint(1, 5)}" + dg(r, 13)
    else:
        b = r.choice(["34", "37"]) + dg(r, 12)
    n = b + luhn_digit(b)
    if len(n) == 15:
        return r.choice([f"{n[:4]} {n[4:10]} {n[10:]}", n])
    sep = r.choice([" ", "-", "", " "])
    return sep.join(n[i : i + 4] for i in range(0, 16, 4))


_IBAN = {
    "DE": "18n",
    "FR": "23n",
    "ES": "20n",
    "IT": "1a22n",
    "NL": "4b10n",
    "PL": "24n",
    "GB": "4g14n",
    "BE": "12n",
    "AT": "16n",
    "CH": "17n",
    "SE": "20n",
    "PT": "21n",
}
_BANKS = {
    "b": ["ABNA", "INGB", "RABO", "TRIO", "SNSB"],
    "g": ["NWBK", "BARC", "LOYD", "HBUK", "MIDL"],
}


def iban(r: Random, cc: str, spaced: bool | None = None) -> str:
    bban = ""
    for n, kind in re.findall(r"(\d+)([a-z])", _IBAN[cc]):
        if kind == "n":
            bban += dg(r, int(n))
        elif kind == "a":
            bban += r.choice("ABCDEFGHIJKLMNOPRSTUVWXYZ")
        else:
            bban += r.choice(_BANKS[kind])
    chk = 98 - _iban_num(cc + "00" + bban) % 97
    s = f"{cc}{chk:02d}{bban}"
    if spaced is None:
        spaced = r.random() < 0.6
    return " ".join(s[i : i + 4] for i in range(0, len(s), 4)) if spaced else s


def dob_date(r: Random, lo: int = 1948, hi: int = 2004) -> dt.date:
    return dt.date(lo, 1, 1) + dt.timedelta(
        days=r.randrange((dt.date(hi, 12, 31) - dt.date(lo, 1, 1)).days)
    )


_MONTH_LOC = {"de": "de", "fr": "fr", "es": "es", "it": "it", "nl": "nl", "br": "pt"}


def fmt_date(r: Random, d: dt.date, loc: str) -> str:
    k = r.randrange(3)
    if loc in ("us",):
        return [
            f"{d.month:02d}/{d.day:02d}/{d.year}",
            f"{d.month}/{d.day}/{d.year}",
            d.strftime("%Y-%m-%d"),
        ][k]
    if loc in ("de", "pl", "ru"):
        if k == 2 and loc == "de":
            return f"{d.day}. {_MONTHS['de'].split()[d.month - 1].title()} {d.year}"
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if loc in ("uk", "in"):
        return [
            f"{d.day:02d}/{d.month:02d}/{d.year}",
            f"{d.day} {_MONTHS['en'].split()[d.month - 1].title()} {d.year}",
            f"{d.day:02d}-{d.month:02d}-{d.year}",
        ][k]
    if loc in _MONTH_LOC:
        mn = _MONTHS[_MONTH_LOC[loc]].split()[d.month - 1]
        de = " de " if loc in ("es", "br") else " "
        return [
            f"{d.day:02d}/{d.month:02d}/{d.year}",
            f"{d.day}{de}{mn}{de}{d.year}",
            f"{d.day:02d}-{d.month:02d}-{d.year}",
        ][k]
    if loc in ("jp", "cn"):
        return [
            f"{d.year}年{d.month}月{d.day}日",
            f"{d.year}/{d.month:02d}/{d.day:02d}",
            d.isoformat(),
        ][k]
    return [
        d.isoformat(),
        f"{d.year}-{d.month:02d}-{d.day:02d}",
        f"{d.day:02d}.{d.month:02d}.{d.year}",
    ][k]


# --------------------------------------------------------------------------- national ids
def national_id(r: Random, loc: str, born: dt.date | None = None) -> tuple[str, str]:
    """(slot, value) of the locale's main personal number."""
    b = born or dob_date(r)
    if loc == "de":
        while True:
            ds = r.sample("0123456789", 9)
            ds.append(r.choice(ds))
            r.shuffle(ds)
            if ds[0] != "0":
                s = "".join(ds)
                return "de_taxid", s + _de_tax_check(s)
    if loc == "fr":
        body = f"{r.randint(1, 2)}{b.year % 100:02d}{b.month:02d}{r.randint(1, 95):02d}{dg(r, 3)}{dg(r, 3)}"
        k = 97 - int(body) % 97
        return (
            "fr_nir",
            f"{body[0]} {body[1:3]} {body[3:5]} {body[5:7]} {body[7:10]} {body[10:]} {k:02d}",
        )
    if loc == "us":
        a = r.randint(1, 665)
        return "us_ssn", f"{a:03d}-{r.randint(1, 99):02d}-{r.randint(1, 9999):04d}"
    if loc == "uk":
        if r.random() < 0.5:
            pre = r.choice(["JG", "NP", "SK", "WL", "PR", "AB", "CE", "HT"])
            return "uk_nino", f"{pre} {dg(r, 2)} {dg(r, 2)} {dg(r, 2)} {r.choice('ABCD')}"
        while True:
            body = str(r.randint(4, 6)) + dg(r, 8)
            c = _nhs_check(body)
            if c != 10:
                s = body + str(c)
                return "uk_nhs", f"{s[:3]} {s[3:6]} {s[6:]}"
    if loc == "es":
        if r.random() < 0.7:
            n = dg(r, 8)
            return "es_dni", n + _DNI[int(n) % 23]
        x = r.randrange(3)
        n = dg(r, 7)
        return "es_nie", f"{'XYZ'[x]}{n}{_DNI[int(str(x) + n) % 23]}"
    if loc == "it":
        w = "".join(r.choice("BCDFGLMNPRSTVZ") for _ in range(6))
        mo = "ABCDEHLMPRST"[b.month - 1]
        day = b.day + (40 if r.random() < 0.5 else 0)
        com = r.choice("FHLA") + dg(r, 3)
        s = f"{w}{b.year % 100:02d}{mo}{day:02d}{com}"
        return "it_cf", s + _cf_check(s)
    if loc == "nl":
        while True:
            s = str(r.randint(1, 6)) + dg(r, 7)
            tot = sum(int(c) * w for c, w in zip(s, range(9, 1, -1), strict=True)) % 11
            if tot < 10:
                return "nl_bsn", s + str(tot)
    if loc == "pl":
        mm = b.month + (20 if b.year >= 2000 else 0)
        s = f"{b.year % 100:02d}{mm:02d}{b.day:02d}{dg(r, 4)}"
        return "pl_pesel", s + str(
            (10 - sum(int(a) * w for a, w in zip(s, _PESEL_W, strict=True)) % 10) % 10
        )
    if loc == "br":
        while True:
            s = _cpf_digits(dg(r, 9))
            if len(set(s)) > 1:
                return "br_cpf", f"{s[:3]}.{s[3:6]}.{s[6:9]}-{s[9:]}"
    if loc == "se":
        s = f"{b.year % 100:02d}{b.month:02d}{b.day:02d}{dg(r, 3)}"
        return (
            "se_pnr",
            f"{b.year}{b.month:02d}{b.day:02d}-{s[6:]}{luhn_digit(s)}"
            if r.random() < 0.4
            else f"{s[:6]}-{s[6:]}{luhn_digit(s)}",
        )
    if loc == "in":
        return "in_pan", "".join(
            r.choice(string.ascii_uppercase) for _ in range(3)
        ) + "P" + r.choice(string.ascii_uppercase) + dg(r, 4) + r.choice(string.ascii_uppercase)
    if loc == "jp":
        s = dg(r, 11)
        s += _jp_check(s)
        return "jp_mynumber", f"{s[:4]} {s[4:8]} {s[8:]}"
    if loc == "cn":
        s = f"{r.choice(['110105', '310115', '440106', '440305'])}{b.year}{b.month:02d}{b.day:02d}{dg(r, 3)}"
        return "cn_id", s + _cn_check(s)
    s = dg(r, 9)
    c = _snils_check(s)
    return "ru_snils", f"{s[:3]}-{s[3:6]}-{s[6:]} {c}"


def extra_id(r: Random, kind: str, born: dt.date | None = None) -> str:
    b = born or dob_date(r)
    if kind == "ch_ahv":
        s = "756" + dg(r, 9)
        s += _ean_check(s)
        return f"{s[:3]}.{s[3:7]}.{s[7:11]}.{s[11:]}"
    if kind == "fi_hetu":
        c = "-" if b.year < 2000 else "A"
        n = f"{r.randint(2, 899):03d}"
        return f"{b:%d%m%y}{c}{n}{_HETU[int(f'{b:%d%m%y}' + n) % 31]}"
    if kind == "ca_sin":
        s = str(r.choice([1, 2, 4, 5, 6, 7])) + dg(r, 7)
        s += luhn_digit(s)
        return f"{s[:3]} {s[3:6]} {s[6:]}"
    raise KeyError(kind)


# --------------------------------------------------------------------------- secrets
AN = string.ascii_letters + string.digits
B64 = AN + "+/"
HEX = "0123456789abcdef"


def rs(r: Random, n: int, al: str = AN) -> str:
    return "".join(r.choice(al) for _ in range(n))


def b64u(obj: object) -> str:
    raw = json.dumps(obj, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def jwt(r: Random, sub: str = "", exp: int = 0) -> str:
    head = b64u({"alg": r.choice(["HS256", "RS256"]), "typ": "JWT"})
    body = b64u(
        {
            "sub": sub or rs(r, 12),
            "iat": 1764000000 + r.randrange(10**7),
            "exp": exp or 1799000000,
            "scope": "read write",
        }
    )
    return f"{head}.{body}.{rs(r, 43, AN + '-_')}"


def password(r: Random) -> str:
    k = r.randrange(4)
    if k == 0:
        return (
            r.choice(["Sommer", "Winter", "Bayern", "Sunshine", "Marbella", "Dragon", "Kasia"])
            + str(r.randint(1990, 2025))
            + r.choice("!#$?*")
        )
    if k == 1:
        return rs(r, r.randint(14, 22), AN + "!#%&*+-_")
    if k == 2:
        return "-".join(
            r.choice(
                ["correct", "horse", "staple", "lantern", "otter", "violet", "cobalt", "meadow"]
            )
            for _ in range(3)
        ) + str(r.randint(1, 99))
    return (
        rs(r, 4, string.ascii_uppercase)
        + rs(r, 4, string.digits)
        + rs(r, 4, string.ascii_lowercase)
        + "!"
    )


def secret(r: Random, kind: str | None = None) -> tuple[str, str, str]:
    """(slot, value, typical variable name)."""
    kinds = [
        "aws_key",
        "aws_secret",
        "github",
        "gitlab",
        "slack",
        "stripe",
        "openai",
        "anthropic",
        "google",
        "sendgrid",
        "npm",
        "jwt",
        "hf",
        "twilio",
        "shopify",
        "telegram",
        "whsec",
        "azure",
        "mailgun",
        "docker",
    ]
    k = kind or r.choice(kinds)
    v = {
        "aws_key": lambda: (
            "AKIA" + rs(r, 16, string.ascii_uppercase + "234567"),
            "AWS_ACCESS_KEY_ID",
        ),
        "aws_secret": lambda: (rs(r, 40, B64), "AWS_SECRET_ACCESS_KEY"),
        "github": lambda: ("ghp_" + rs(r, 36), "GITHUB_TOKEN"),
        "gitlab": lambda: ("glpat-" + rs(r, 20, AN + "-_"), "GITLAB_TOKEN"),
        "slack": lambda: (f"xoxb-{dg(r, 12)}-{dg(r, 13)}-{rs(r, 24)}", "SLACK_BOT_TOKEN"),
        "stripe": lambda: ("sk_live_" + rs(r, 99), "STRIPE_SECRET_KEY"),
        "openai": lambda: (
            "sk-proj-" + rs(r, 74, AN + "-_") + "T3BlbkFJ" + rs(r, 74, AN + "-_"),
            "OPENAI_API_KEY",
        ),
        "anthropic": lambda: ("sk-ant-api03-" + rs(r, 93, AN + "-_") + "AA", "ANTHROPIC_API_KEY"),
        "google": lambda: ("AIza" + rs(r, 35, AN + "-_"), "GOOGLE_MAPS_API_KEY"),
        "sendgrid": lambda: (
            "SG." + rs(r, 22, AN + "-_") + "." + rs(r, 43, AN + "-_"),
            "SENDGRID_API_KEY",
        ),
        "npm": lambda: ("npm_" + rs(r, 36), "NPM_TOKEN"),
        "jwt": lambda: (jwt(r), "ACCESS_TOKEN"),
        "hf": lambda: ("hf_" + rs(r, 34, string.ascii_letters), "HF_TOKEN"),
        "twilio": lambda: (rs(r, 32, HEX), "TWILIO_AUTH_TOKEN"),
        "shopify": lambda: ("shpat_" + rs(r, 32, HEX), "SHOPIFY_ACCESS_TOKEN"),
        "telegram": lambda: (
            f"{r.randint(10**9, 8 * 10**9)}:AA{rs(r, 33, AN + '-_')}",
            "TELEGRAM_BOT_TOKEN",
        ),
        "whsec": lambda: ("whsec_" + rs(r, 32, B64), "STRIPE_WEBHOOK_SECRET"),
        "azure": lambda: (rs(r, 86, B64) + "==", "AZURE_STORAGE_KEY"),
        "mailgun": lambda: ("key-" + rs(r, 32, HEX), "MAILGUN_API_KEY"),
        "docker": lambda: ("dckr_pat_" + rs(r, 27, AN + "-_"), "DOCKERHUB_TOKEN"),
    }[k]()
    return k, v[0], v[1]


def pem(r: Random) -> str:
    kind = r.choice(["OPENSSH PRIVATE KEY", "RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY"])
    head = "b3BlbnNzaC1rZXktdjEAAAAA" if kind.startswith("OPENSSH") else "MII" + rs(r, 1, "EBJ")
    body = head + rs(r, 64 * r.randint(4, 9) - len(head), B64)
    lines = [body[i : i + 64] for i in range(0, len(body), 64)] + [
        rs(r, r.randint(8, 40), B64) + "="
    ]
    return f"-----BEGIN {kind}-----\n" + "\n".join(lines) + f"\n-----END {kind}-----"


# --------------------------------------------------------------------------- look-alikes
def uuid4(r: Random) -> str:
    h = rs(r, 32, HEX)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{r.choice('89ab')}{h[17:20]}-{h[20:]}"


def sha(r: Random, n: int = 40) -> str:
    return rs(r, n, HEX)


def ts(r: Random, year: int = 2026) -> dt.datetime:
    return dt.datetime(year, 1, 1) + dt.timedelta(seconds=r.randrange(330 * 86400))


def iso(t: dt.datetime, ms: bool = True) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%S") + (f".{t.microsecond // 1000:03d}" if ms else "") + "Z"


def version(r: Random) -> str:
    return f"{r.randint(0, 5)}.{r.randint(0, 30)}.{r.randint(0, 20)}"


def podname(r: Random, app: str) -> str:
    return f"{app}-{rs(r, 9, 'bcdf6789')}-{rs(r, 5, 'bcdfghjklmnpqrstvwxz2456789')}"


def ean13(r: Random) -> str:
    s = r.choice(["400", "376", "590", "800", "871", "880"]) + dg(r, 9)
    return s + _ean_check(s)


PLACES = [
    ("Eiffel Tower", "48.85837, 2.294481"),
    ("Brandenburg Gate", "52.516275, 13.377704"),
    ("Colosseum", "41.890210, 12.492231"),
    ("Sagrada Família", "41.403629, 2.174356"),
    ("Tokyo Tower", "35.658581, 139.745438"),
    ("Rijksmuseum", "52.359998, 4.885218"),
    ("Wawel Castle", "50.054085, 19.935420"),
    ("Christ the Redeemer", "-22.951916, -43.210487"),
]
COMPANIES = [
    "Siemens AG",
    "Deutsche Bahn",
    "Zalando SE",
    "SAP",
    "Renault",
    "Telefónica",
    "Allegro",
    "Nubank",
    "Spotify",
    "Infosys",
    "Rakuten",
    "Tencent",
    "Stripe",
    "Cloudflare",
    "Datadog",
    "Atlassian",
]
PUBLIC = [
    ("Linus Torvalds", "wrote in the original announcement"),
    ("Guido van Rossum", "proposed in the PEP"),
    ("Donald Knuth", "famously called premature optimisation the root of all evil"),
    ("Grace Hopper", "popularised the word 'bug'"),
    ("Ada Lovelace", "wrote the first published algorithm"),
    ("Alan Turing", "described in his 1936 paper"),
]
