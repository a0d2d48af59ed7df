"""Value generators for the loft corpus: locales, names, well-formed synthetic numbers."""

from __future__ import annotations

import base64
import datetime as dt
import string
from random import Random

TODAY = dt.date(2026, 12, 6)
DIG = string.digits
UP = string.ascii_uppercase
ALNUM = string.ascii_letters + string.digits
HEX = "0123456789abcdef"


def digits(r: Random, n: int, first_nonzero: bool = False) -> str:
    s = "".join(r.choice(DIG) for _ in range(n))
    if first_nonzero and s[0] == "0":
        s = r.choice("123456789") + s[1:]
    return s


def rstr(r: Random, alphabet: str, n: int) -> str:
    return "".join(r.choice(alphabet) for _ in range(n))


# ---------------------------------------------------------------- check digits


def luhn_check(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def card(r: Random, brand: str | None = None, sep: str = " ") -> str:
    brand = brand or r.choice(["visa", "visa", "mc", "amex"])
    if brand == "amex":
        body = r.choice(["34", "37"]) + digits(r, 12)
        n = body + luhn_check(body)
        return sep.join([n[:4], n[4:10], n[10:]])
    prefix = "4" if brand == "visa" else str(r.randint(51, 55))
    body = prefix + digits(r, 15 - len(prefix))
    n = body + luhn_check(body)
    return sep.join(n[i : i + 4] for i in range(0, 16, 4))


IBAN_BBAN = {
    "DE": lambda r: digits(r, 18),
    "AT": lambda r: digits(r, 16),
    "CH": lambda r: digits(r, 17),
    "FR": lambda r: digits(r, 23),
    "ES": lambda r: digits(r, 20),
    "IT": lambda r: r.choice(UP) + digits(r, 22),
    "NL": lambda r: r.choice(["ABNA", "INGB", "RABO", "SNSB", "TRIO"]) + digits(r, 10),
    "GB": lambda r: r.choice(["NWBK", "BARC", "LOYD", "MIDL"]) + digits(r, 14),
    "IE": lambda r: r.choice(["AIBK", "BOFI"]) + digits(r, 14),
    "PL": lambda r: digits(r, 24),
    "BE": lambda r: digits(r, 12),
    "PT": lambda r: digits(r, 21),
    "SE": lambda r: digits(r, 20),
    "TR": lambda r: digits(r, 5) + "0" + digits(r, 16),
}


def iban_numeric(s: str) -> int:
    return int("".join(str(int(c, 36)) for c in s))


def iban(r: Random, cc: str, grouped: bool = True) -> str:
    bban = IBAN_BBAN[cc](r)
    check = 98 - iban_numeric(bban + cc + "00") % 97
    raw = f"{cc}{check:02d}{bban}"
    if not grouped:
        return raw
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def de_tax_id(r: Random) -> str:
    while True:
        pool = r.sample(range(10), 9)
        dup = r.choice(pool)
        ds = [*pool, dup]
        r.shuffle(ds)
        if ds[0] != 0:
            break
    product = 10
    for d in ds:
        s = (d + product) % 10 or 10
        product = (s * 2) % 11
    check = (11 - product) % 10
    return "".join(map(str, ds)) + str(check)


def nl_bsn(r: Random) -> str:
    while True:
        ds = [int(c) for c in digits(r, 8, True)]
        s = sum(d * w for d, w in zip(ds, range(9, 1, -1), strict=True))
        last = s % 11
        if last < 10:
            return "".join(map(str, ds)) + str(last)


def es_dni(r: Random) -> str:
    n = r.randint(10_000_000, 79_999_999)
    return f"{n}{'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23]}"


def es_nie(r: Random) -> str:
    p = r.choice("XYZ")
    n = digits(r, 7)
    v = int(str("XYZ".index(p)) + n)
    return f"{p}{n}{'TRWAGMYFPDXBNJZSQVHLCKE'[v % 23]}"


def fr_nir(r: Random, born: dt.date, female: bool) -> str:
    dept = r.choice(["75", "69", "13", "31", "44", "59", "33", "67"])
    body = f"{2 if female else 1}{born.year % 100:02d}{born.month:02d}{dept}{digits(r, 3)}{digits(r, 3)}"  # noqa: E501
    key = 97 - int(body) % 97
    return f"{body[0]} {body[1:3]} {body[3:5]} {body[5:7]} {body[7:10]} {body[10:13]} {key:02d}"


_CF_ODD = dict(
    zip(
        DIG + UP,
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


def it_cf_check(s15: str) -> str:
    total = 0
    for i, c in enumerate(s15):
        if i % 2 == 0:
            total += _CF_ODD[c]
        else:
            total += int(c) if c.isdigit() else ord(c) - 65
    return chr(65 + total % 26)


def _cons(s: str) -> str:
    s = s.upper()
    for a, b in zip("ÀÈÉÌÒÙ", "AEEIOU", strict=True):
        s = s.replace(a, b)
    s = "".join(c for c in s if c.isalpha())
    c = [x for x in s if x not in "AEIOU"]
    v = [x for x in s if x in "AEIOU"]
    return (c + v + ["X", "X", "X"])[:3]


def it_cf(r: Random, given: str, family: str, born: dt.date, female: bool) -> str:
    fam = "".join(_cons(family))
    g = given.upper()
    gc = [x for x in g if x.isalpha() and x not in "AEIOU"]
    giv = "".join([gc[0], gc[2], gc[3]]) if len(gc) >= 4 else "".join(_cons(given))
    day = born.day + (40 if female else 0)
    town = r.choice(["H501", "F205", "L219", "A944", "F839", "G273"])
    s15 = f"{fam}{giv}{born.year % 100:02d}{'ABCDEHLMPRST'[born.month - 1]}{day:02d}{town}"
    return s15 + it_cf_check(s15)


def pl_pesel(r: Random, born: dt.date, female: bool) -> str:
    m = born.month + (20 if born.year >= 2000 else 0)
    serial = digits(r, 3) + str(r.choice([0, 2, 4, 6, 8] if female else [1, 3, 5, 7, 9]))
    body = f"{born.year % 100:02d}{m:02d}{born.day:02d}{serial}"
    w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    s = sum(int(c) * x for c, x in zip(body, w, strict=True))
    return body + str((10 - s % 10) % 10)


def br_cpf(r: Random, formatted: bool = True) -> str:
    ds = [int(c) for c in digits(r, 9)]
    for n in (10, 11):
        s = sum(d * w for d, w in zip(ds, range(n, 1, -1), strict=False))
        ds.append((s * 10) % 11 % 10)
    t = "".join(map(str, ds))
    return f"{t[:3]}.{t[3:6]}.{t[6:9]}-{t[9:]}" if formatted else t


def se_pnr(r: Random, born: dt.date) -> str:
    body = f"{born.year % 100:02d}{born.month:02d}{born.day:02d}{digits(r, 3)}"
    return f"{body[:6]}-{body[6:]}{_luhn_plain(body)}"


def _luhn_plain(body: str) -> str:
    """Swedish personnummer: Luhn over the nine digits (weights 2,1,2,... from the left)."""
    total = 0
    for i, ch in enumerate(body):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return str((10 - total % 10) % 10)


CN_REGIONS = ["110105", "310104", "440305", "330106", "510107", "420106"]


def cn_rid(r: Random, born: dt.date) -> str:
    body = f"{r.choice(CN_REGIONS)}{born:%Y%m%d}{digits(r, 3)}"
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    s = sum(int(c) * x for c, x in zip(body, w, strict=True))
    return body + "10X98765432"[s % 11]


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


def verhoeff_check(body: str) -> str:
    c = 0
    for i, ch in enumerate(reversed(body)):
        c = _VD[c][_VP[(i + 1) % 8][int(ch)]]
    return str(_VINV[c])


def in_aadhaar(r: Random) -> str:
    body = r.choice("23456789") + digits(r, 10)
    n = body + verhoeff_check(body)
    return f"{n[:4]} {n[4:8]} {n[8:]}"


def in_pan(r: Random, family: str) -> str:
    return f"{rstr(r, UP, 3)}P{family[0].upper()}{digits(r, 4)}{r.choice(UP)}"


def uk_nhs(r: Random) -> str:
    while True:
        body = digits(r, 9, True)
        s = sum(int(c) * w for c, w in zip(body, range(10, 1, -1), strict=True))
        chk = 11 - s % 11
        if chk == 11:
            chk = 0
        if chk != 10:
            n = body + str(chk)
            return f"{n[:3]} {n[3:6]} {n[6:]}"


def uk_nino(r: Random) -> str:
    ok1 = "ABCEGHJKLMNOPRSTWXYZ"
    ok2 = "ABCEGHJKLMNPRSTWXYZ"
    while True:
        p = r.choice(ok1) + r.choice(ok2)
        if p not in {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"}:
            break
    d = digits(r, 6)
    return f"{p} {d[:2]} {d[2:4]} {d[4:]} {r.choice('ABCD')}"


def us_ssn(r: Random) -> str:
    area = r.choice([a for a in range(1, 900) if a != 666])
    return f"{area:03d}-{r.randint(1, 99):02d}-{r.randint(1, 9999):04d}"


def ru_snils(r: Random) -> str:
    while True:
        body = digits(r, 9)
        if int(body) > 1001998:
            break
    s = sum(int(c) * w for c, w in zip(body, range(9, 0, -1), strict=True))
    chk = s % 101
    if chk == 100:
        chk = 0
    return f"{body[:3]}-{body[3:6]}-{body[6:]} {chk:02d}"


def jp_mynumber(r: Random) -> str:
    body = digits(r, 11, True)
    p = [int(c) for c in reversed(body)]
    s = sum(pn * (n + 1 if n <= 6 else n - 5) for n, pn in enumerate(p, start=1))
    rem = s % 11
    chk = 0 if rem <= 1 else 11 - rem
    n = body + str(chk)
    return f"{n[:4]} {n[4:8]} {n[8:]}"


def de_kvnr(r: Random) -> str:
    letter = r.choice(UP)
    body = digits(r, 8)
    seq = f"{ord(letter) - 64:02d}{body}"
    total = 0
    for i, c in enumerate(seq):
        p = int(c) * (1 if i % 2 == 0 else 2)
        total += p // 10 + p % 10
    return f"{letter}{body}{total % 10}"


def tr_tckn(r: Random) -> str:
    d = [int(c) for c in digits(r, 9, True)]
    d10 = ((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10
    d.append(d10)
    d.append(sum(d) % 10)
    return "".join(map(str, d))


# ---------------------------------------------------------------- secrets


def aws_key_id(r: Random) -> str:
    return "AKIA" + rstr(r, UP + "234567", 16)


def aws_secret(r: Random) -> str:
    return rstr(r, ALNUM + "/+", 40)


def gh_token(r: Random) -> str:
    return "ghp_" + rstr(r, ALNUM, 36)


def stripe_key(r: Random, live: bool = True) -> str:
    return ("sk_live_" if live else "rk_live_") + rstr(r, ALNUM, 24)


def slack_token(r: Random) -> str:
    return f"xoxb-{digits(r, 12, True)}-{digits(r, 13, True)}-{rstr(r, ALNUM, 24)}"


def google_key(r: Random) -> str:
    return "AIza" + rstr(r, ALNUM + "-_", 35)


def openai_key(r: Random) -> str:
    return "sk-proj-" + rstr(r, ALNUM + "-_", 48)


def sendgrid_key(r: Random) -> str:
    return f"SG.{rstr(r, ALNUM + '-_', 22)}.{rstr(r, ALNUM + '-_', 43)}"


def webhook_secret(r: Random) -> str:
    return "whsec_" + rstr(r, ALNUM, 32)


def hex_token(r: Random, n: int = 32) -> str:
    return rstr(r, HEX, n)


def b64url(b: bytes) -> str:
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def jwt(r: Random, sub: str) -> str:
    head = b64url(b'{"alg":"HS256","typ":"JWT"}')
    body = b64url(f'{{"sub":"{sub}","iat":{r.randint(1_700_000_000, 1_790_000_000)}}}'.encode())
    return f"{head}.{body}.{rstr(r, ALNUM + '-_', 43)}"


def pem_key(r: Random) -> str:
    lines = [rstr(r, ALNUM + "+/", 64) for _ in range(r.randint(5, 8))]
    lines.append(rstr(r, ALNUM + "+/", r.randint(20, 60)) + "==")
    kind = r.choice(["RSA PRIVATE KEY", "PRIVATE KEY", "OPENSSH PRIVATE KEY"])
    return f"-----BEGIN {kind}-----\n" + "\n".join(lines) + f"\n-----END {kind}-----"


HUMAN_PW_WORDS = [
    "Sommer",
    "Garten",
    "Bella",
    "Hamburg",
    "Lakers",
    "Sunshine",
    "Mimi",
    "Tigre",
    "Fenix",
    "Gatito",
    "Kasia",
    "Mondschein",
    "Pudding",
    "Rosita",
    "Oliwka",
    "Bumblebee",
    "Zeus",
]


def human_password(r: Random) -> str:
    w = r.choice(HUMAN_PW_WORDS)
    shape = r.randint(0, 4)
    if shape == 0:
        return f"{w}{r.randint(1960, 2025)}{r.choice('!?#$%&*')}"
    if shape == 1:
        return f"{w.lower()}_{r.randint(10, 99)}{r.choice(HUMAN_PW_WORDS).lower()}"
    if shape == 2:
        return w.replace("a", "@").replace("e", "3").replace("o", "0") + str(r.randint(1, 999))
    if shape == 3:
        return rstr(r, ALNUM, 6) + r.choice("!#%") + rstr(r, ALNUM, 5)
    return f"{w}{r.choice('.-_')}{r.choice(HUMAN_PW_WORDS)}{r.randint(1, 99)}"


def uuid4(r: Random) -> str:
    h = rstr(r, HEX, 32)
    h = h[:12] + "4" + h[13:16] + r.choice("89ab") + h[17:]
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def sha(r: Random, n: int = 40) -> str:
    return rstr(r, HEX, n)


# ---------------------------------------------------------------- dates


def birth_date(r: Random, lo: int = 1938, hi: int = 2006) -> dt.date:
    start = dt.date(lo, 1, 1).toordinal()
    end = dt.date(hi, 12, 31).toordinal()
    return dt.date.fromordinal(r.randint(start, end))


def event_date(r: Random, lo: str = "2025-06-01", hi: str = "2026-12-31") -> dt.date:
    a = dt.date.fromisoformat(lo).toordinal()
    b = dt.date.fromisoformat(hi).toordinal()
    return dt.date.fromordinal(r.randint(a, b))


MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",  # noqa: E501
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",  # noqa: E501
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",  # noqa: E501
    "sv": "januari februari mars april maj juni juli augusti september oktober november december",
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",  # noqa: E501
    "tr": "Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos Eylül Ekim Kasım Aralık",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
}
MONTH_NAMES = {k: v.split() for k, v in MONTHS.items()}


def fmt_date(d: dt.date, style: str) -> str:
    """Styles: us, eu/ (dd/mm/yyyy), dot, dash (dd-mm-yyyy), iso, cjk, long-<lang>."""
    if style == "us":
        return f"{d.month:02d}/{d.day:02d}/{d.year}"
    if style == "eu/":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "dot":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if style == "dash":
        return f"{d.day:02d}-{d.month:02d}-{d.year}"
    if style == "iso":
        return d.isoformat()
    if style == "cjk":
        return f"{d.year}年{d.month}月{d.day}日"
    if style == "long-en-us":
        return f"{MONTH_NAMES['en'][d.month - 1]} {d.day}, {d.year}"
    lang = style.split("-", 1)[1]
    m = MONTH_NAMES[lang][d.month - 1]
    if lang == "de":
        return f"{d.day}. {m} {d.year}"
    if lang in ("es", "pt"):
        return f"{d.day} de {m} de {d.year}"
    return f"{d.day} {m} {d.year}"
