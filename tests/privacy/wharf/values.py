# ruff: noqa: E501  (corpus text and data tables read better unwrapped)
"""Synthetic personal values, secrets and look-alikes, with their real check digits."""

from __future__ import annotations

import datetime as _dt
import string
import unicodedata
from dataclasses import dataclass
from random import Random

TODAY = _dt.date(2026, 12, 6)

# --------------------------------------------------------------------------- check digits


def luhn_ok(num: str) -> bool:
    ds = [int(c) for c in num if c.isdigit()]
    total = 0
    for i, d in enumerate(reversed(ds)):
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def luhn_complete(body: str) -> str:
    for c in "0123456789":
        if luhn_ok(body + c):
            return body + c
    raise AssertionError


def iban_ok(iban: str) -> bool:
    s = "".join(iban.split()).upper()
    s = s[4:] + s[:4]
    n = "".join(str(int(c, 36)) for c in s)
    return int(n) % 97 == 1


def iban_make(cc: str, bban: str) -> str:
    n = "".join(str(int(c, 36)) for c in (bban + cc + "00").upper())
    return f"{cc}{98 - int(n) % 97:02d}{bban}"


def group4(s: str) -> str:
    return " ".join(s[i : i + 4] for i in range(0, len(s), 4))


def es_dni_ok(v: str) -> bool:
    v = v.replace("-", "").upper()
    n = v[:-1].replace("X", "0").replace("Y", "1").replace("Z", "2")
    return n.isdigit() and "TRWAGMYFPDXBNJZSQVHLCKE"[int(n) % 23] == v[-1]


def pesel_ok(v: str) -> bool:
    w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    d = [int(c) for c in v]
    return len(d) == 11 and (10 - sum(a * b for a, b in zip(w, d, strict=False)) % 10) % 10 == d[10]


def tr_kimlik_ok(v: str) -> bool:
    d = [int(c) for c in v]
    if len(d) != 11 or d[0] == 0:
        return False
    c10 = ((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10
    return c10 == d[9] and sum(d[:10]) % 10 == d[10]


def cpf_ok(v: str) -> bool:
    d = [int(c) for c in v if c.isdigit()]
    if len(d) != 11:
        return False
    c1 = sum(d[i] * (10 - i) for i in range(9)) * 10 % 11 % 10
    c2 = sum(d[i] * (11 - i) for i in range(10)) * 10 % 11 % 10
    return c1 == d[9] and c2 == d[10]


def bsn_ok(v: str) -> bool:
    d = [int(c) for c in v if c.isdigit()]
    return len(d) == 9 and (sum(d[i] * (9 - i) for i in range(8)) - d[8]) % 11 == 0


def cn_rid_ok(v: str) -> bool:
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    s = sum(int(v[i]) * w[i] for i in range(17))
    return "10X98765432"[s % 11] == v[17].upper()


def kr_rrn_ok(v: str) -> bool:
    d = [int(c) for c in v if c.isdigit()]
    w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    return len(d) == 13 and (11 - sum(a * b for a, b in zip(w, d, strict=False)) % 11) % 10 == d[12]


def ua_rnokpp_ok(v: str) -> bool:
    d = [int(c) for c in v]
    w = [-1, 5, 7, 9, 4, 6, 10, 5, 7]
    return len(d) == 10 and sum(a * b for a, b in zip(w, d, strict=False)) % 11 % 10 == d[9]


def de_taxid_ok(v: str) -> bool:
    d = [int(c) for c in v if c.isdigit()]
    if len(d) != 11 or d[0] == 0:
        return False
    prod = 10
    for x in d[:10]:
        s = (x + prod) % 10 or 10
        prod = (s * 2) % 11
    chk = 11 - prod
    return (0 if chk == 10 else chk) == d[10]


def fr_nir_ok(v: str) -> bool:
    d = "".join(c for c in v if c.isdigit())
    return len(d) == 15 and 97 - int(d[:13]) % 97 == int(d[13:])


def pt_nif_ok(v: str) -> bool:
    d = [int(c) for c in v if c.isdigit()]
    c = 11 - sum(d[i] * (9 - i) for i in range(8)) % 11
    return len(d) == 9 and (0 if c >= 10 else c) == d[8]


_VD = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
    [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
    [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
    [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
]  # fmt: skip
_VP = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
    [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
]  # fmt: skip
_VINV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]


def verhoeff_ok(v: str) -> bool:
    c = 0
    for i, ch in enumerate(reversed([int(x) for x in v if x.isdigit()])):
        c = _VD[c][_VP[i % 8][ch]]
    return c == 0


def verhoeff_complete(body: str) -> str:
    c = 0
    for i, ch in enumerate(reversed([int(x) for x in body])):
        c = _VD[c][_VP[(i + 1) % 8][ch]]
    return body + str(_VINV[c])


_CURP = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ"


def curp_ok(v: str) -> bool:
    s = sum(_CURP.index(c) * (18 - i) for i, c in enumerate(v[:17]))
    return len(v) == 18 and (10 - s % 10) % 10 == int(v[17])


def mrz_digit(s: str) -> str:
    w = [7, 3, 1]
    tot = 0
    for i, c in enumerate(s):
        val = 0 if c == "<" else int(c) if c.isdigit() else ord(c) - 55
        tot += val * w[i % 3]
    return str(tot % 10)


def de_rvnr(r: Random, d: _dt.date, initial: str, female: bool) -> str:
    body = f"{r.choice(['12', '13', '53', '65', '04'])}{d:%d%m%y}"
    serial = r.randint(50, 99) if female else r.randint(0, 49)
    digs = body + f"{ord(initial.upper()) - 64:02d}" + f"{serial:02d}"
    w = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1]
    chk = sum(sum(divmod(int(c) * k, 10)) for c, k in zip(digs, w, strict=True)) % 10
    return f"{body[:2]} {body[2:]} {initial.upper()} {serial:02d}{chk}"


def de_rvnr_ok(v: str) -> bool:
    s = v.replace(" ", "")
    if len(s) != 12 or not s[8].isalpha():
        return False
    digs = s[:8] + f"{ord(s[8].upper()) - 64:02d}" + s[9:11]
    w = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1]
    return sum(sum(divmod(int(c) * k, 10)) for c, k in zip(digs, w, strict=True)) % 10 == int(s[11])


def _kvnr_sum(digs: str) -> int:
    total = 0
    for i, c in enumerate(digs):
        prod = int(c) * (1 if i % 2 == 0 else 2)
        total += prod // 10 + prod % 10
    return total % 10


def de_kvnr(r: Random) -> str:
    letter = r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    body = digits(r, 8)
    return f"{letter}{body}{_kvnr_sum(f'{ord(letter) - 64:02d}{body}')}"


def de_kvnr_ok(v: str) -> bool:
    return (
        len(v) == 10
        and v[0].isalpha()
        and v[1:].isdigit()
        and _kvnr_sum(f"{ord(v[0].upper()) - 64:02d}{v[1:9]}") == int(v[9])
    )


def ehic(r: Random, country: str = "724") -> str:
    return luhn_complete("80" + country + digits(r, 14))


def ru_inn_ok(v: str) -> bool:
    d = [int(c) for c in v]
    w1 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]
    w2 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]
    return (
        len(d) == 12
        and sum(a * b for a, b in zip(w1, d, strict=False)) % 11 % 10 == d[10]
        and sum(a * b for a, b in zip(w2, d, strict=False)) % 11 % 10 == d[11]
    )


def ru_inn(r: Random) -> str:
    d = [int(c) for c in r.choice(["77", "78", "50", "66"]) + digits(r, 8)]
    d.append(sum(a * b for a, b in zip([7, 2, 4, 10, 3, 5, 9, 4, 6, 8], d, strict=True)) % 11 % 10)
    d.append(
        sum(a * b for a, b in zip([3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8], d, strict=True)) % 11 % 10
    )
    return "".join(map(str, d))


def _snils_check(body: str) -> int:
    s = sum(int(c) * (9 - i) for i, c in enumerate(body))
    s = s % 101 if s > 101 else s
    return 0 if s in (100, 101) else s


def ru_snils(r: Random) -> str:
    body = str(r.randint(2, 9)) + digits(r, 8)
    return f"{body[:3]}-{body[3:6]}-{body[6:]} {_snils_check(body):02d}"


def ru_snils_ok(v: str) -> bool:
    d = "".join(c for c in v if c.isdigit())
    return len(d) == 11 and _snils_check(d[:9]) == int(d[9:])


def _mynumber_check(body: str) -> int:
    p = [int(c) for c in reversed(body)]
    s = sum(pn * (n + 1 if n <= 6 else n - 5) for n, pn in enumerate(p, start=1))
    rem = s % 11
    return 0 if rem <= 1 else 11 - rem


def jp_mynumber(r: Random) -> str:
    body = str(r.randint(1, 9)) + digits(r, 10)
    v = body + str(_mynumber_check(body))
    return f"{v[:4]} {v[4:8]} {v[8:]}" if r.random() < 0.5 else v


def jp_mynumber_ok(v: str) -> bool:
    d = "".join(c for c in v if c.isdigit())
    return len(d) == 12 and _mynumber_check(d[:11]) == int(d[11])


def ssn_ok(v: str) -> bool:
    d = v.replace("-", "").replace(" ", "")
    a, g, s = int(d[:3]), int(d[3:5]), int(d[5:])
    return len(d) == 9 and 0 < a < 900 and a != 666 and g > 0 and s > 0


CHECKS = {
    "es_dni": es_dni_ok, "es_nie": es_dni_ok, "pl_pesel": pesel_ok, "tr_kimlik": tr_kimlik_ok,
    "br_cpf": cpf_ok, "nl_bsn": bsn_ok, "cn_rid": cn_rid_ok, "kr_rrn": kr_rrn_ok,
    "ua_rnokpp": ua_rnokpp_ok, "de_taxid": de_taxid_ok, "fr_nir": fr_nir_ok,
    "pt_nif": pt_nif_ok, "in_aadhaar": verhoeff_ok, "mx_curp": curp_ok, "us_ssn": ssn_ok,
    "card": luhn_ok, "iban": iban_ok, "de_pension_no": de_rvnr_ok,
    "de_kvnr": de_kvnr_ok, "ehic_no": luhn_ok, "ru_inn": ru_inn_ok, "ru_snils": ru_snils_ok,
    "jp_mynumber": jp_mynumber_ok,
}  # fmt: skip

# --------------------------------------------------------------------------- generators


def digits(r: Random, n: int) -> str:
    return "".join(r.choice(string.digits) for _ in range(n))


def alnum(r: Random, n: int, alphabet: str = string.ascii_letters + string.digits) -> str:
    return "".join(r.choice(alphabet) for _ in range(n))


def fold(s: str) -> str:
    s = s.replace("ß", "ss").replace("ł", "l").replace("Ł", "L").replace("ı", "i")
    s = s.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def dob(r: Random, lo: int = 1958, hi: int = 2004) -> _dt.date:
    return _dt.date(r.randint(lo, hi), r.randint(1, 12), r.randint(1, 28))


MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "tr": "Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos Eylül Ekim Kasım Aralık",
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października "
    "listopada grudnia",
}


def fdate(d: _dt.date, style: str) -> str:
    if style == "dot":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if style == "slash":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "us":
        return f"{d.month:02d}/{d.day:02d}/{d.year}"
    if style == "iso":
        return d.isoformat()
    if style == "dash":
        return f"{d.day:02d}-{d.month:02d}-{d.year}"
    if style == "ymd_dot":
        return f"{d.year}.{d.month:02d}.{d.day:02d}"
    if style == "cjk":
        return f"{d.year}年{d.month}月{d.day}日"
    if style == "ko":
        return f"{d.year}년 {d.month}월 {d.day}일"
    if style == "mon":
        return f"{d.day:02d} {MONTHS['en'].split()[d.month - 1][:3].upper()} {d.year}"
    if style.startswith("long_"):
        lang = style[5:]
        m = MONTHS[lang].split()[d.month - 1]
        if lang == "en":
            return f"{d.day} {m} {d.year}"
        if lang == "de":
            return f"{d.day}. {m} {d.year}"
        if lang in ("es", "pt"):
            return f"{d.day} de {m} de {d.year}"
        return f"{d.day} {m} {d.year}"
    raise ValueError(style)


@dataclass
class Person:
    loc: str
    given: str
    family: str
    native: str | None
    alt: str | None
    dob: _dt.date
    female: bool
    fam: tuple[str, str | None] = ("", None)

    @property
    def full(self) -> str:
        if self.loc in ("cn", "kr", "vn", "hu"):
            return f"{self.family} {self.given}" if self.loc == "vn" else self.latin_western
        return f"{self.given} {self.family}"

    @property
    def latin_western(self) -> str:
        return f"{self.given} {self.family}"


# locale: (given names [(latin, native, female)], family names [(latin, native, alt)])
NAMES: dict[str, tuple[list[tuple[str, str | None, bool]], list[tuple[str, str | None]]]] = {
    "de": (
        [("Jonas", None, False), ("Lea", None, True), ("Matthias", None, False),
         ("Sabine", None, True), ("Tobias", None, False), ("Katrin", None, True),
         ("Henrike", None, True), ("Malte", None, False)],
        [("Brandt", None), ("Hofmeister", None), ("Kühn", None), ("Albrecht", None),
         ("Winkler", None), ("Seidel", None), ("Vogt", None), ("Ebert", None)],
    ),
    "fr": (
        [("Camille", None, True), ("Théo", None, False), ("Manon", None, True),
         ("Inès", None, True), ("Julien", None, False), ("Mathis", None, False)],
        [("Lefebvre", None), ("Girard", None), ("Fontaine", None), ("Chevalier", None),
         ("Barbier", None), ("Perrault", None)],
    ),
    "es": (
        [("Lucía", None, True), ("Javier", None, False), ("Nerea", None, True),
         ("Álvaro", None, False), ("Marta", None, True), ("Sergio", None, False)],
        [("García Ortega", None), ("Navarro", None), ("Domínguez", None),
         ("Serrano Vidal", None), ("Castillo", None), ("Iglesias Pardo", None)],
    ),
    "pl": (
        [("Katarzyna", None, True), ("Piotr", None, False), ("Agnieszka", None, True),
         ("Michał", None, False), ("Zofia", None, True), ("Bartosz", None, False)],
        [("Nowak", None), ("Kowalczyk", None), ("Wójcik", None), ("Mazur", None),
         ("Krawczyk", None), ("Jabłońska", None)],
    ),
    "tr": (
        [("Elif", None, True), ("Mehmet", None, False), ("Zeynep", None, True),
         ("Emre", None, False), ("Ayşe", None, True), ("Burak", None, False)],
        [("Yılmaz", None), ("Demirci", None), ("Kaya", None), ("Şahin", None),
         ("Çelik", None), ("Öztürk", None)],
    ),
    "ua": (
        [("Olena", "Олена", True), ("Andrii", "Андрій", False), ("Iryna", "Ірина", True),
         ("Dmytro", "Дмитро", False), ("Oksana", "Оксана", True), ("Taras", "Тарас", False)],
        [("Shevchuk", "Шевчук"), ("Kovalenko", "Коваленко"), ("Bondarenko", "Бондаренко"),
         ("Tkachenko", "Ткаченко"), ("Melnyk", "Мельник"), ("Kravchuk", "Кравчук")],
    ),
    "ar": (
        [("Mohammed", "محمد", False), ("Rana", "رنا", True), ("Ahmad", "أحمد", False),
         ("Layla", "ليلى", True), ("Youssef", "يوسف", False), ("Salma", "سلمى", True)],
        [("Al-Halabi", "الحلبي"), ("Khoury", "خوري"), ("Mansour", "منصور"),
         ("Haddad", "حداد"), ("Nassar", "نصار"), ("El-Sayed", "السيد")],
    ),
    "in": (
        [("Priya", "प्रिया", True), ("Arjun", "अर्जुन", False), ("Ananya", "अनन्या", True),
         ("Rohan", "रोहन", False), ("Kavya", "काव्या", True), ("Vikram", "विक्रम", False)],
        [("Raghunathan", None), ("Mehta", "मेहता"), ("Iyer", None), ("Deshpande", "देशपांडे"),
         ("Nair", None), ("Choudhary", "चौधरी")],
    ),
    "cn": (
        [("Fang", "芳", True), ("Wei", "伟", False), ("Jing", "静", True), ("Yang", "洋", False),
         ("Xiaoyu", "晓雨", True), ("Haoran", "浩然", False)],
        [("Wang", "王"), ("Li", "李"), ("Zhang", "张"), ("Liu", "刘"), ("Zhao", "赵"),
         ("Huang", "黄")],
    ),
    "kr": (
        [("Min-jun", "민준", False), ("Seo-yeon", "서연", True), ("Ji-hoon", "지훈", False),
         ("Yu-jin", "유진", True), ("Hye-won", "혜원", True)],
        [("Kim", "김"), ("Lee", "이"), ("Park", "박"), ("Choi", "최"), ("Jung", "정")],
    ),
    "vn": (
        [("Thị Lan", None, True), ("Văn Hùng", None, False), ("Minh Anh", None, True),
         ("Thu Hà", None, True), ("Quốc Bảo", None, False)],
        [("Nguyễn", None), ("Trần", None), ("Phạm", None), ("Lê", None), ("Hoàng", None)],
    ),
    "br": (
        [("João Pedro", None, False), ("Ana Beatriz", None, True), ("Thiago", None, False),
         ("Larissa", None, True), ("Gabriela", None, True)],
        [("Almeida", None), ("Souza Lima", None), ("Carvalho", None), ("Rocha", None),
         ("Teixeira", None)],
    ),
    "mx": (
        [("Alejandra", None, True), ("Luis Fernando", None, False), ("Daniela", None, True),
         ("Jesús", None, False)],
        [("Hernández López", None), ("Ramírez", None), ("Cruz Morales", None),
         ("Villaseñor", None)],
    ),
    "ng": (
        [("Chukwuemeka", None, False), ("Adaeze", None, True), ("Oluwaseun", None, False),
         ("Fatima", None, True), ("Tobenna", None, False)],
        [("Okafor", None), ("Nwosu", None), ("Adeyemi", None), ("Bello", None),
         ("Eze-Obi", None)],
    ),
    "ph": (
        [("Maria Cristina", None, True), ("Jose Mari", None, False), ("Angelica", None, True),
         ("Mark Anthony", None, False)],
        [("Dela Cruz", None), ("Reyes", None), ("Villanueva", None), ("Bautista", None)],
    ),
    "us": (
        [("Emily", None, True), ("Daniel", None, False), ("Brianna", None, True),
         ("Tyler", None, False)],
        [("Carter", None), ("Whitaker", None), ("Delgado", None), ("Lindqvist", None)],
    ),
    "gb": (
        [("Hannah", None, True), ("Oliver", None, False), ("Niamh", None, True),
         ("Callum", None, False)],
        [("Whitfield", None), ("Bancroft", None), ("O'Sullivan", None), ("Pemberton", None)],
    ),
    "nl": (
        [("Sanne", None, True), ("Daan", None, False), ("Femke", None, True),
         ("Joris", None, False)],
        [("de Vries", None), ("Bakker", None), ("van der Meulen", None), ("Visser", None)],
    ),
    "ru": (
        [("Anna", "Анна", True), ("Sergei", "Сергей", False), ("Ekaterina", "Екатерина", True),
         ("Maksim", "Максим", False), ("Natalia", "Наталья", True), ("Artyom", "Артём", False)],
        [("Volkov", "Волков"), ("Sokolov", "Соколов"), ("Morozov", "Морозов"),
         ("Lebedev", "Лебедев"), ("Kozlov", "Козлов"), ("Orlov", "Орлов")],
    ),
    "jp": (
        [("Yuki", "由紀", True), ("Haruto", "陽翔", False), ("Aoi", "葵", True), ("Ren", "蓮", False),
         ("Sakura", "さくら", True), ("Kenta", "健太", False)],
        [("Sato", "佐藤"), ("Suzuki", "鈴木"), ("Takahashi", "高橋"), ("Tanaka", "田中"),
         ("Watanabe", "渡辺"), ("Yamamoto", "山本")],
    ),
    "pt": (
        [("Inês", None, True), ("Duarte", None, False), ("Beatriz", None, True)],
        [("Figueiredo", None), ("Santos Costa", None), ("Rebelo", None)],
    ),
}  # fmt: skip

UA_ALT = {"Olena": "Elena", "Andrii": "Andriy", "Iryna": "Irina", "Dmytro": "Dmitriy",
          "Oksana": "Oxana", "Taras": "Taras", "Shevchuk": "Shevchouk",
          "Kovalenko": "Kowalenko", "Bondarenko": "Bondarenko", "Tkachenko": "Tkatschenko",
          "Melnyk": "Melnik", "Kravchuk": "Krawtschuk"}  # fmt: skip
AR_ALT = {"Mohammed": "Muhammad", "Ahmad": "Ahmed", "Layla": "Leila", "Youssef": "Yusuf",
          "Rana": "Rana", "Salma": "Selma", "Al-Halabi": "Alhalabi", "Khoury": "Khouri",
          "Mansour": "Mansur", "Haddad": "Hadad", "Nassar": "Nasser", "El-Sayed": "Elsayed"}  # fmt: skip
CN_NATIVE_FULL = True


def person(
    r: Random, loc: str, female: bool | None = None, family: tuple[str, str | None] | None = None
) -> Person:
    gs, fs = NAMES[loc]
    pool = [x for x in gs if female is None or x[2] == female] or gs
    g, gn, fem = r.choice(pool)
    f, fnat = family or r.choice(fs)
    native = None
    alt = None
    if loc in ("ua", "ar", "in") and gn and fnat:
        native = f"{gn} {fnat}"
    base = (f, fnat)
    if loc == "ru" and fem:
        f, fnat = f + "a", (fnat or "") + "а"
    if loc == "ru":
        native = f"{gn} {fnat}"
        ga = {"Sergei": "Sergey", "Ekaterina": "Yekaterina", "Maksim": "Maxim", "Natalia": "Natalya",
              "Artyom": "Artem", "Anna": "Anya"}.get(g, g)  # fmt: skip
        alt = f"{ga} {f[:-2] + f[-2] + 'ff' if f[-2:] in ('ov', 'ev') else f}"
    if loc in ("cn", "kr", "jp") and gn and fnat:
        native = f"{fnat}{gn}"
    if loc == "ua":
        alt = f"{UA_ALT.get(g, g)} {UA_ALT.get(f, f)}"
    if loc == "ar":
        alt = f"{AR_ALT.get(g, g)} {AR_ALT.get(f, f)}"
    if loc == "pl" and not fem and f.endswith("ska"):
        f = f[:-3] + "ski"
        native = None
    out = Person(loc, g, f, native, alt, dob(r, 1958, 2004), fem)
    out.fam = base if loc == "ru" else (f, fnat)
    return out


def full(p: Person) -> str:
    if p.loc == "vn":
        return f"{p.family} {p.given}"
    if p.loc == "cn":
        return f"{p.given} {p.family}"
    return f"{p.given} {p.family}"


MAIL_DOMAINS = {
    "de": ["gmx.de", "web.de", "posteo.de"], "fr": ["orange.fr", "free.fr", "laposte.net"],
    "es": ["hotmail.es", "gmail.com"], "pl": ["wp.pl", "o2.pl", "onet.pl"],
    "tr": ["hotmail.com.tr", "gmail.com"], "ua": ["ukr.net", "i.ua", "gmail.com"],
    "ar": ["yahoo.com", "hotmail.com"], "in": ["yahoo.co.in", "rediffmail.com", "gmail.com"],
    "cn": ["qq.com", "163.com"], "kr": ["naver.com", "daum.net"], "vn": ["gmail.com"],
    "br": ["uol.com.br", "bol.com.br"], "mx": ["prodigy.net.mx", "outlook.com"],
    "ng": ["yahoo.com", "gmail.com"], "ph": ["yahoo.com.ph", "gmail.com"],
    "us": ["icloud.com", "gmail.com"], "gb": ["btinternet.com", "outlook.com"],
    "nl": ["ziggo.nl", "kpnmail.nl"], "pt": ["sapo.pt", "gmail.com"],
    "ru": ["yandex.ru", "mail.ru"], "jp": ["docomo.ne.jp", "yahoo.co.jp"],
}  # fmt: skip


def email(r: Random, p: Person) -> str:
    g = fold(p.given).lower().replace(" ", "").replace("'", "").replace("-", "")
    f = fold(p.family).lower().replace(" ", "").replace("'", "").replace("-", "")
    if p.loc == "cn" and r.random() < 0.5:
        return f"{digits(r, 9).lstrip('0') or '7'}@qq.com"
    shape = r.randrange(5)
    user = [f"{g}.{f}", f"{g[0]}{f}{p.dob.year % 100:02d}", f"{f}.{g}{r.randint(1, 99)}",
            f"{g}_{f}", f"{g}{p.dob.year}"][shape]  # fmt: skip
    return f"{user}@{r.choice(MAIL_DOMAINS[p.loc])}"


def phone(r: Random, loc: str, intl: bool = True) -> str:
    d = lambda n: digits(r, n)  # noqa: E731
    if loc == "de":
        pre = r.choice(["151", "160", "172", "176", "157"])
        return f"+49 {pre} {d(7) if pre != '176' else d(8)}" if intl else f"0{pre} {d(7)}"
    if loc == "fr":
        a = r.choice("67")
        body = f"{d(2)} {d(2)} {d(2)} {d(2)}"
        return f"+33 {a} {body}" if intl else f"0{a} {body}"
    if loc == "es":
        return f"+34 6{d(2)} {d(3)} {d(3)}" if intl else f"6{d(2)} {d(2)} {d(2)} {d(2)}"
    if loc == "pl":
        return f"+48 5{d(2)} {d(3)} {d(3)}" if intl else f"5{d(2)}-{d(3)}-{d(3)}"
    if loc == "tr":
        return f"+90 53{d(1)} {d(3)} {d(2)} {d(2)}" if intl else f"053{d(1)} {d(3)} {d(2)} {d(2)}"
    if loc == "ua":
        op = r.choice(["67", "50", "93", "97", "63"])
        return f"+380 {op} {d(3)} {d(2)} {d(2)}" if intl else f"0{op} {d(3)} {d(4)}"
    if loc == "ar":
        k = r.randrange(3)
        if k == 0:
            return f"+20 10{d(1)} {d(3)} {d(4)}" if intl else f"010{d(1)} {d(3)} {d(4)}"
        if k == 1:
            return f"+963 9{d(2)} {d(3)} {d(3)}" if intl else f"09{d(2)} {d(3)} {d(3)}"
        return f"+212 6{d(2)}-{d(6)}" if intl else f"06{d(2)}-{d(6)}"
    if loc == "in":
        return f"+91 9{d(4)} {d(5)}" if intl else f"09{d(4)}{d(5)}"
    if loc == "cn":
        return f"+86 13{d(1)} {d(4)} {d(4)}" if intl else f"13{d(1)}{d(8)}"
    if loc == "kr":
        return f"+82 10-{d(4)}-{d(4)}" if intl else f"010-{d(4)}-{d(4)}"
    if loc == "vn":
        return f"+84 9{d(2)} {d(3)} {d(3)}" if intl else f"09{d(2)} {d(3)} {d(3)}"
    if loc == "br":
        return f"+55 11 9{d(4)}-{d(4)}" if intl else f"11 9{d(4)}-{d(4)}"
    if loc == "mx":
        return f"+52 55 {d(4)} {d(4)}" if intl else f"55 {d(4)} {d(4)}"
    if loc == "ng":
        return f"+234 80{d(1)} {d(3)} {d(4)}" if intl else f"080{d(1)} {d(3)} {d(4)}"
    if loc == "ph":
        return f"+63 917 {d(3)} {d(4)}" if intl else f"0917-{d(3)}-{d(4)}"
    if loc == "us":
        a = r.choice(["415", "312", "646", "512", "206"])
        return (
            f"+1 {a}-{r.randint(200, 989)}-{d(4)}" if intl else f"{a}.{r.randint(200, 989)}.{d(4)}"
        )
    if loc == "gb":
        return f"+44 7{d(3)} {d(6)}" if intl else f"07{d(3)} {d(6)}"
    if loc == "nl":
        return f"+31 6 {d(8)}" if intl else f"06-{d(8)}"
    if loc == "pt":
        return f"+351 91{d(1)} {d(3)} {d(3)}" if intl else f"91{d(1)} {d(3)} {d(3)}"
    if loc == "ru":
        op = f"9{d(2)}"
        return f"+7 {op} {d(3)}-{d(2)}-{d(2)}" if intl else f"8 ({op}) {d(3)}-{d(2)}-{d(2)}"
    if loc == "jp":
        op = r.choice(["90", "80", "70"])
        return f"+81 {op}-{d(4)}-{d(4)}" if intl else f"0{op}-{d(4)}-{d(4)}"
    raise ValueError(loc)


STREETS = {
    "de": ["Lindenweg {n}, 04109 Leipzig", "Hertzstraße {n}, 76187 Karlsruhe",
           "Am Mühlgraben {n}a, 90419 Nürnberg", "Kastanienallee {n}, 10435 Berlin"],
    "fr": ["{n} rue des Tanneurs, 69003 Lyon", "{n} avenue Jean-Jaurès, 31000 Toulouse",
           "{n} bis rue Monge, 75005 Paris"],
    "es": ["Calle de Toledo {n}, 3º B, 28005 Madrid", "Carrer de Sants {n}, 2n 1a, 08014 Barcelona",
           "Avda. de la Constitución {n}, 41001 Sevilla"],
    "pl": ["ul. Długa {n}/4, 80-827 Gdańsk", "ul. Zielna {n} m. 12, 00-108 Warszawa",
           "os. Kościuszkowskie {n}/7, 31-858 Kraków"],
    "tr": ["Moda Cad. No: {n} D: 7, 34710 Kadıköy/İstanbul", "Atatürk Bulvarı No: {n} Daire 3, Çankaya/Ankara"],
    "ua": ["вул. Січових Стрільців, {n}, кв. 8, Київ, 04053", "vul. Lesi Ukrainky {n}, apt. 14, Lviv 79005",
           "просп. Науки, {n}, кв. 101, Харків, 61166"],
    "ar": ["12 Sharia El-Nasr, Apt {n}, Nasr City, Cairo 11765", "Rue Ibn Batouta {n}, Quartier Maarif, Casablanca 20330",
           "شارع بغداد، بناء {n}، دمشق"],
    "in": ["Flat {n}, Sai Krupa Apartments, 14th Cross, Indiranagar, Bengaluru 560038",
           "B-{n}, Shanti Niketan Society, Kothrud, Pune 411038"],
    "cn": ["上海市浦东新区张杨路{n}弄5号1202室", "北京市朝阳区望京西路{n}号院3号楼2单元601"],
    "kr": ["서울특별시 마포구 월드컵북로 {n}길 24, 302호", "부산광역시 해운대구 센텀중앙로 {n}, 1504호"],
    "vn": ["Số {n} ngõ 52 Tô Ngọc Vân, Tây Hồ, Hà Nội", "{n}/7 Nguyễn Trãi, Phường 2, Quận 5, TP.HCM"],
    "br": ["Rua Augusta, {n}, apto 72, Consolação, São Paulo - SP, 01304-001",
           "Av. Sete de Setembro, {n}, Salvador - BA, 40060-001"],
    "mx": ["Calle Durango {n}, Int. 4, Col. Roma Norte, 06700 Ciudad de México"],
    "ng": ["Plot {n}, Admiralty Way, Lekki Phase 1, Lagos", "{n} Ogui Road, Enugu"],
    "ph": ["Unit {n}, Tower 2, Avida Residences, Sta. Rosa, Laguna 4026", "{n} Mabini St., Brgy. San Roque, Marikina City"],
    "us": ["{n} Maple Ridge Dr, Apt 4B, Austin, TX 78741", "{n} W Belmont Ave, Chicago, IL 60657"],
    "gb": ["Flat {n}, 27 Kingsmead Road, Bristol BS5 7AB", "{n} Cranbrook Gardens, Leeds LS6 3QE"],
    "nl": ["Bloemgracht {n}-II, 1016 KN Amsterdam", "Wittevrouwensingel {n}, 3581 GD Utrecht"],
    "pt": ["Rua do Almada {n}, 3.º Esq., 4050-036 Porto", "Av. de Roma {n}, 1000-266 Lisboa"],
    "ru": ["ул. Профсоюзная, д. {n}, кв. 45, Москва, 117292", "Невский пр., д. {n}, кв. 7, Санкт-Петербург, 191025",
           "ul. Lenina {n}, kv. 12, Yekaterinburg 620014"],
    "jp": ["〒150-0001 東京都渋谷区神宮前3-{n}-2 グリーンハイツ201", "{n}-3 Nishiki 2-chome, Naka-ku, Nagoya 460-0003",
           "〒530-0012 大阪府大阪市北区芝田1-{n}-5-802"],
}  # fmt: skip


def address(r: Random, loc: str) -> str:
    return r.choice(STREETS[loc]).format(n=r.randint(2, 187))


def plate(r: Random, loc: str) -> str:
    U = "ABCDEFGHJKLMNPRSTUVWXYZ"
    L = lambda n: "".join(r.choice(U) for _ in range(n))  # noqa: E731
    if loc == "de":
        return f"{r.choice(['B', 'L', 'KA', 'N', 'HH', 'M'])}-{L(2)} {r.randint(10, 9999)}"
    if loc == "fr":
        return f"{L(2)}-{digits(r, 3)}-{L(2)}"
    if loc == "es":
        return f"{digits(r, 4)} {''.join(r.choice('BCDFGHJKLMNPRSTVWXYZ') for _ in range(3))}"
    if loc == "pl":
        return f"{r.choice(['WA', 'GD', 'KR', 'PO'])} {digits(r, 4)}{L(1)}"
    if loc == "tr":
        return f"{r.choice(['34', '06', '35'])} {L(3)} {digits(r, 3)}"
    if loc == "ua":
        return f"{r.choice(['AA', 'KA', 'BC', 'AX'])} {digits(r, 4)} {L(2)}"
    if loc == "nl":
        return f"{L(2)}-{digits(r, 3)}-{L(1)}"
    if loc == "gb":
        return f"{L(2)}{r.randint(51, 74)} {L(3)}"
    if loc == "pt":
        return f"{L(2)}-{digits(r, 2)}-{L(2)}"
    if loc == "br":
        return f"{L(3)}{digits(r, 1)}{L(1)}{digits(r, 2)}"
    if loc == "ru":
        c = "АВЕКМНОРСТУХ"
        return f"{r.choice(c)}{digits(r, 3)}{r.choice(c)}{r.choice(c)} {r.choice(['77', '78', '197', '66'])}"
    if loc == "jp":
        return f"{r.choice(['品川', '横浜', 'なにわ'])} {r.randint(300, 599)} {r.choice('さすせそたちつてと')} {digits(r, 2)}-{digits(r, 2)}"
    return f"{L(3)}-{digits(r, 4)}"


def card(r: Random) -> tuple[str, str]:
    k = r.randrange(5)
    if k == 0:
        b = luhn_complete("4" + digits(r, 14))
    elif k == 1:
        b = luhn_complete(str(r.randint(51, 55)) + digits(r, 13))
    elif k == 2:
        b = luhn_complete(r.choice(["34", "37"]) + digits(r, 12))
        return b, f"{b[:4]} {b[4:10]} {b[10:]}"
    elif k == 3:
        b = luhn_complete("62" + digits(r, 13))
    else:
        b = luhn_complete("2" + str(r.randint(221, 720)) + digits(r, 11))
    return b, r.choice([group4(b), b, "-".join(b[i : i + 4] for i in range(0, 16, 4))])


def fr_bban(r: Random) -> str:
    bank, branch, acct = digits(r, 5), digits(r, 5), digits(r, 11)
    key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(acct)) % 97
    return f"{bank}{branch}{acct}{key:02d}"


def iban(r: Random, cc: str) -> str:
    U = string.ascii_uppercase
    bb = {
        "DE": lambda: digits(r, 18), "FR": lambda: fr_bban(r),
        "ES": lambda: digits(r, 20), "PL": lambda: digits(r, 24),
        "TR": lambda: digits(r, 5) + "0" + digits(r, 16), "NL": lambda: alnum(r, 4, U) + digits(r, 10),
        "GB": lambda: alnum(r, 4, U) + digits(r, 14), "UA": lambda: digits(r, 6) + "0000" + digits(r, 15),
        "BR": lambda: digits(r, 23) + "C1", "PT": lambda: digits(r, 21), "EG": lambda: digits(r, 25),
        "IT": lambda: r.choice(U) + digits(r, 10) + digits(r, 12), "BE": lambda: digits(r, 12),
        "AE": lambda: digits(r, 19), "SA": lambda: digits(r, 2) + digits(r, 18),
        "LT": lambda: digits(r, 16), "GE": lambda: "TB" + digits(r, 16),
    }  # fmt: skip
    return iban_make(cc, bb[cc]())


def fmt_iban(r: Random, v: str) -> str:
    return group4(v) if r.random() < 0.7 else v


# ---- national ids (each returns a valid value)


def es_dni(r: Random) -> str:
    n = r.randint(10_000_000, 79_999_999)
    return f"{n}{'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23]}"


def es_nie(r: Random) -> str:
    p = r.choice("XYZ")
    n = digits(r, 7)
    v = int("XYZ".index(p).__str__() + n)
    return f"{p}{n}{'TRWAGMYFPDXBNJZSQVHLCKE'[v % 23]}"


def pesel(r: Random, d: _dt.date, female: bool) -> str:
    m = d.month + (20 if d.year >= 2000 else 0)
    body = f"{d.year % 100:02d}{m:02d}{d.day:02d}{digits(r, 3)}"
    body += str(r.choice([0, 2, 4, 6, 8] if female else [1, 3, 5, 7, 9]))
    w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    return body + str((10 - sum(int(c) * x for c, x in zip(body, w, strict=False)) % 10) % 10)


def tr_kimlik(r: Random) -> str:
    d = [r.randint(1, 9)] + [r.randint(0, 9) for _ in range(8)]
    d.append(((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10)
    d.append(sum(d) % 10)
    return "".join(map(str, d))


def cpf(r: Random) -> str:
    d = [r.randint(0, 9) for _ in range(9)]
    d.append(sum(d[i] * (10 - i) for i in range(9)) * 10 % 11 % 10)
    d.append(sum(d[i] * (11 - i) for i in range(10)) * 10 % 11 % 10)
    s = "".join(map(str, d))
    return f"{s[:3]}.{s[3:6]}.{s[6:9]}-{s[9:]}"


def bsn(r: Random) -> str:
    while True:
        d = [r.randint(0, 9) for _ in range(8)]
        d[0] = r.randint(1, 6)
        c = sum(d[i] * (9 - i) for i in range(8)) % 11
        if c < 10:
            return "".join(map(str, d)) + str(c)


def cn_rid(r: Random, d: _dt.date, female: bool) -> str:
    area = r.choice(["110105", "310115", "440106", "510107", "330106"])
    seq = digits(r, 2) + str(r.choice([0, 2, 4, 6, 8] if female else [1, 3, 5, 7, 9]))
    body = f"{area}{d.year}{d.month:02d}{d.day:02d}{seq}"
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body + "10X98765432"[sum(int(body[i]) * w[i] for i in range(17)) % 11]


def kr_rrn(r: Random, d: _dt.date, female: bool) -> str:
    g = (3 if d.year >= 2000 else 1) + (1 if female else 0)
    body = f"{d.year % 100:02d}{d.month:02d}{d.day:02d}{g}{digits(r, 5)}"
    w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    c = (11 - sum(int(body[i]) * w[i] for i in range(12)) % 11) % 10
    return f"{body[:6]}-{body[6:]}{c}"


def ua_rnokpp(r: Random, d: _dt.date, female: bool) -> str:
    days = (d - _dt.date(1899, 12, 31)).days
    body = f"{days:05d}{digits(r, 3)}{r.choice('02468' if female else '13579')}"
    w = [-1, 5, 7, 9, 4, 6, 10, 5, 7]
    return body + str(sum(int(body[i]) * w[i] for i in range(9)) % 11 % 10)


def de_taxid(r: Random) -> str:
    while True:
        ds = [r.randint(1, 9)] + [r.randint(0, 9) for _ in range(9)]
        counts = sorted((ds.count(x) for x in set(ds)), reverse=True)
        if counts[0] not in (2, 3) or counts[1] > 1:
            continue
        prod = 10
        for x in ds:
            s = (x + prod) % 10 or 10
            prod = (s * 2) % 11
        chk = 11 - prod
        s = "".join(map(str, ds)) + str(0 if chk == 10 else chk)
        return f"{s[:2]} {s[2:5]} {s[5:8]} {s[8:]}" if r.random() < 0.5 else s


def fr_nir(r: Random, d: _dt.date, female: bool) -> str:
    dept = r.choice(["75", "69", "13", "33", "99"])
    body = f"{2 if female else 1}{d.year % 100:02d}{d.month:02d}{dept}{digits(r, 3)}{digits(r, 3)}"
    k = 97 - int(body) % 97
    return f"{body[0]} {body[1:3]} {body[3:5]} {body[5:7]} {body[7:10]} {body[10:13]} {k:02d}"


def pt_nif(r: Random) -> str:
    ds = [r.choice([1, 2])] + [r.randint(0, 9) for _ in range(7)]
    c = 11 - sum(ds[i] * (9 - i) for i in range(8)) % 11
    return "".join(map(str, ds)) + str(0 if c >= 10 else c)


def aadhaar(r: Random) -> str:
    v = verhoeff_complete(str(r.randint(2, 9)) + digits(r, 10))
    return f"{v[:4]} {v[4:8]} {v[8:]}"


def curp(r: Random, p: Person) -> str:
    fam = fold(p.family).upper().replace(" ", "")
    giv = fold(p.given).upper().replace(" ", "")
    vow = next((c for c in fam[1:] if c in "AEIOU"), "X")
    st = r.choice(["DF", "JC", "NL", "PL"])
    cons = lambda s: next((c for c in s[1:] if c.isalpha() and c not in "AEIOU"), "X")  # noqa: E731
    d = p.dob
    body = (f"{fam[0]}{vow}{fam[-1] if len(fam) < 3 else 'X'}{giv[0]}"[:4]
            + f"{d.year % 100:02d}{d.month:02d}{d.day:02d}{'M' if p.female else 'H'}{st}"
            + f"{cons(fam)}{cons(fam[2:])}{cons(giv)}{'0' if d.year < 2000 else 'A'}")  # fmt: skip
    s = sum(_CURP.index(c) * (18 - i) for i, c in enumerate(body))
    return body + str((10 - s % 10) % 10)


def ssn(r: Random) -> str:
    a = r.randint(1, 899)
    if a == 666:
        a = 667
    return f"{a:03d}-{r.randint(1, 99):02d}-{r.randint(1, 9999):04d}"


def nino(r: Random) -> str:
    return f"{r.choice('ABCEGHJKLMNPRSTWXYZ')}{r.choice('ABCEGHJKLMNPRSTWXYZ')} {digits(r, 2)} {digits(r, 2)} {digits(r, 2)} {r.choice('ABCD')}"


def passport_no(r: Random, loc: str) -> str:
    U = string.ascii_uppercase
    return {
        "ua": lambda: alnum(r, 2, U) + digits(r, 6), "in": lambda: r.choice(U) + digits(r, 7),
        "cn": lambda: "E" + digits(r, 8), "de": lambda: "C" + alnum(r, 8, "CFGHJKLMNPRTVWXYZ0123456789"),
        "ar": lambda: "A" + digits(r, 8), "tr": lambda: "U" + digits(r, 8),
        "kr": lambda: "M" + digits(r, 8), "vn": lambda: "C" + digits(r, 7),
        "ng": lambda: "B" + digits(r, 8), "ph": lambda: "P" + digits(r, 7) + r.choice(U),
        "br": lambda: alnum(r, 2, U) + digits(r, 6), "us": lambda: digits(r, 9),
        "gb": lambda: digits(r, 9), "pl": lambda: alnum(r, 2, U) + digits(r, 7),
        "mx": lambda: "G" + digits(r, 8), "fr": lambda: digits(r, 2) + alnum(r, 2, U) + digits(r, 5),
        "es": lambda: alnum(r, 3, U) + digits(r, 6), "nl": lambda: alnum(r, 2, U) + alnum(r, 6, U + "0123456789") + digits(r, 1),
        "pt": lambda: alnum(r, 1, U) + digits(r, 6),
        "ru": lambda: f"7{r.randint(0, 6)} {digits(r, 7)}", "jp": lambda: r.choice(["TK", "TR", "MZ"]) + digits(r, 7),
    }[loc]()  # fmt: skip


COUNTRY3 = {"ua": "UKR", "in": "IND", "cn": "CHN", "de": "D", "ar": "SYR", "tr": "TUR", "kr": "KOR",
            "vn": "VNM", "ng": "NGA", "ph": "PHL", "br": "BRA", "us": "USA", "gb": "GBR", "pl": "POL",
            "mx": "MEX", "fr": "FRA", "es": "ESP", "nl": "NLD", "pt": "PRT", "ru": "RUS", "jp": "JPN"}  # fmt: skip
IBAN_CC = {"de": "DE", "fr": "FR", "es": "ES", "pl": "PL", "tr": "TR", "ua": "UA", "nl": "NL",
           "gb": "GB", "br": "BR", "pt": "PT", "ar": "EG"}  # fmt: skip


def national_id(r: Random, p: Person) -> tuple[str, str]:
    """(slot, value) of the person's national identifier."""
    loc = p.loc
    if loc == "de":
        return "de_taxid", de_taxid(r)
    if loc == "fr":
        return "fr_nir", fr_nir(r, p.dob, p.female)
    if loc == "es":
        return ("es_dni", es_dni(r)) if r.random() < 0.6 else ("es_nie", es_nie(r))
    if loc == "pl":
        return "pl_pesel", pesel(r, p.dob, p.female)
    if loc == "tr":
        return "tr_kimlik", tr_kimlik(r)
    if loc == "ua":
        return "ua_rnokpp", ua_rnokpp(r, p.dob, p.female)
    if loc == "in":
        return "in_aadhaar", aadhaar(r)
    if loc == "cn":
        return "cn_rid", cn_rid(r, p.dob, p.female)
    if loc == "kr":
        return "kr_rrn", kr_rrn(r, p.dob, p.female)
    if loc == "br":
        return "br_cpf", cpf(r)
    if loc == "nl":
        return "nl_bsn", bsn(r)
    if loc == "pt":
        return "pt_nif", pt_nif(r)
    if loc == "mx":
        return "mx_curp", curp(r, p)
    if loc == "us":
        return "us_ssn", ssn(r)
    if loc == "gb":
        return "gb_nino", nino(r)
    if loc == "ng":
        return "ng_nin", digits(r, 11)
    if loc == "ru":
        return ("ru_inn", ru_inn(r)) if r.random() < 0.5 else ("ru_snils", ru_snils(r))
    if loc == "jp":
        return "jp_mynumber", jp_mynumber(r)
    if loc == "vn":
        prov = r.choice(["001", "079", "048", "031", "092"])
        cent = (0 if p.dob.year < 2000 else 2) + (1 if p.female else 0)
        return "vn_cccd", f"{prov}{cent}{p.dob.year % 100:02d}{digits(r, 6)}"
    if loc == "ph":
        return "ph_philsys", f"{digits(r, 4)}-{digits(r, 4)}-{digits(r, 4)}-{digits(r, 4)}"
    if loc == "ar":
        return (
            "eg_nid",
            f"{2 if p.dob.year < 2000 else 3}{p.dob:%y%m%d}{r.choice(['01', '02', '21', '88'])}{digits(r, 5)}",
        )
    raise ValueError(loc)


# --------------------------------------------------------------------------- secrets

B62 = string.ascii_letters + string.digits


def secret(r: Random, kind: str) -> str:
    if kind == "github":
        return "ghp_" + alnum(r, 36)
    if kind == "stripe":
        return "sk_live_" + alnum(r, 48)
    if kind == "openai":
        return "sk-proj-" + alnum(r, 48, B62 + "-_")
    if kind == "aws_id":
        return "AKIA" + alnum(r, 16, string.ascii_uppercase + "234567")
    if kind == "aws_secret":
        return alnum(r, 40, B62 + "/+")
    if kind == "slack":
        return f"xoxb-{digits(r, 12)}-{digits(r, 13)}-{alnum(r, 24)}"
    if kind == "app_password":
        return " ".join(alnum(r, 4, string.ascii_lowercase) for _ in range(4))
    if kind == "recovery":
        return "-".join(alnum(r, 4, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(4))
    if kind == "jwt":
        return ("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + "eyJ" + alnum(r, 60, B62 + "_-")
                + "." + alnum(r, 43, B62 + "_-"))  # fmt: skip
    if kind == "telegram":
        return f"{r.randint(10**9, 8 * 10**9)}:AA{alnum(r, 33, B62 + '_-')}"
    if kind == "totp":
        return alnum(r, 32, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    if kind == "whsec":
        return "whsec_" + alnum(r, 32)
    if kind == "uuid_token":
        h = alnum(r, 32, "0123456789abcdef")
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"
    if kind == "hex":
        return alnum(r, 64, "0123456789abcdef")
    if kind == "sendgrid":
        return f"SG.{alnum(r, 22, B62 + '_-')}.{alnum(r, 43, B62 + '_-')}"
    if kind == "google":
        return "AIza" + alnum(r, 35, B62 + "_-")
    if kind == "password":
        words = ["Kyiv", "Lagos", "chai", "Istanbul", "sunflower", "Bosphorus", "mango", "Porto",
                 "tulpe", "Hanoi", "mariposa", "sakura", "Atlas", "kedi", "Sahara", "zorro"]  # fmt: skip
        w = r.choice(words)
        return r.choice([f"{w}{r.randint(10, 99)}{r.choice('!#$%&*?')}{r.choice(words).lower()}",
                         f"{w.capitalize()}_{digits(r, 4)}{r.choice('!#$?')}",
                         alnum(r, 14, B62 + "!$%&*^_-"),
                         f"{r.choice(words)}{r.choice('.-_')}{r.choice(words)}{digits(r, 3)}"])  # fmt: skip
    if kind == "session":
        return alnum(r, 40, "abcdefghijklmnopqrstuvwxyz0123456789")
    if kind == "pem":
        lines = [alnum(r, 64, B62 + "+/") for _ in range(r.randint(4, 7))]
        return ("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA"
                + alnum(r, 40, B62 + "+/") + "\n" + "\n".join(lines)
                + "\n-----END OPENSSH PRIVATE KEY-----")  # fmt: skip
    raise ValueError(kind)


# --------------------------------------------------------------------------- look-alikes


def uuid(r: Random) -> str:
    h = alnum(r, 32, "0123456789abcdef")
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-8{h[17:20]}-{h[20:]}"


def hexs(r: Random, n: int) -> str:
    return alnum(r, n, "0123456789abcdef")


def ts(r: Random) -> str:
    return (f"2026-{r.randint(1, 11):02d}-{r.randint(1, 28):02d}T{r.randint(0, 23):02d}:"
            f"{r.randint(0, 59):02d}:{r.randint(0, 59):02d}Z")  # fmt: skip


def price(r: Random, cur: str = "€") -> str:
    v = f"{r.randint(12, 2400)}.{r.choice(['00', '50', '99', '40'])}"
    return f"{cur}{v}" if cur in "€$£" else f"{v} {cur}"


def version(r: Random) -> str:
    return f"{r.randint(1, 9)}.{r.randint(0, 30)}.{r.randint(0, 12)}"


def flight(r: Random) -> str:
    return f"{r.choice(['LH', 'TK', 'PS', 'EK', 'QR', 'LO', 'AF', 'FR', 'W6', 'KE'])}{r.randint(100, 2999)}"


def order_no(r: Random, pre: str = "ORD") -> str:
    return f"{pre}-{r.randint(2024, 2026)}-{digits(r, 6)}"


def imo(r: Random) -> str:
    d = [r.randint(1, 9)] + [r.randint(0, 9) for _ in range(5)]
    return "IMO " + "".join(map(str, d)) + str(sum(d[i] * (7 - i) for i in range(6)) % 10)


def container(r: Random) -> str:
    return f"{r.choice(['MSCU', 'MAEU', 'CMAU', 'HLXU', 'TGHU'])}{digits(r, 7)}"


PUBLIC_PLACES = [
    ("48.8584, 2.2945", "the Eiffel Tower"), ("52.5163, 13.3777", "Brandenburger Tor"),
    ("41.0086, 28.9802", "Hagia Sophia"), ("50.4501, 30.5234", "Maidan Nezalezhnosti"),
    ("40.4168, -3.7038", "Puerta del Sol"), ("51.5007, -0.1246", "Big Ben"),
    ("35.6595, 139.7005", "Shibuya Crossing"), ("-22.9519, -43.2105", "Cristo Redentor"),
    ("29.9792, 31.1342", "the Giza pyramids"), ("1.2834, 103.8607", "Marina Bay Sands"),
]  # fmt: skip
COMPANIES = ["Wise", "Western Union", "Revolut", "Deutsche Bahn", "Lufthansa", "Turkish Airlines",
             "Upwork", "Fiverr", "Payoneer", "Monobank", "PrivatBank", "Booking.com", "Airbnb",
             "FlixBus", "Maersk", "DHL Express", "Nova Poshta", "Garanti BBVA", "VFS Global",
             "TLScontact", "Emirates", "Ryanair", "N26", "Sparkasse", "Deel"]  # fmt: skip
BICS = ["COBADEFFXXX", "DEUTDEFF", "PBANUA2X", "BNPAFRPP", "INGBNL2A", "TGBATRIS", "CAIXESBB",
        "NTSBDEB1XXX", "REVOLT21", "TRWIBEB1XXX"]  # fmt: skip
PUBLIC_FIGURES = ["Olaf Scholz", "Volodymyr Zelensky", "Recep Tayyip Erdoğan", "Emmanuel Macron",
                  "Narendra Modi", "Lionel Messi", "Angela Merkel", "Taylor Swift",
                  "Ursula von der Leyen", "Lula da Silva"]  # fmt: skip
PUBLIC_ADDRESSES = ["Platz der Republik 1, 11011 Berlin", "Pariser Platz 2, 10117 Berlin",
                    "1600 Pennsylvania Avenue NW, Washington, DC 20500",
                    "10 Downing Street, London SW1A 2AA", "55 Rue du Faubourg Saint-Honoré, 75008 Paris"]  # fmt: skip
