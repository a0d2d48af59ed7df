# ruff: noqa: E501  (template and value data: long literals read better whole)
"""Personal values, secrets and look-alikes, written apart from EdgeKit's detectors.

Every generator takes a :class:`random.Random` and returns the literal text of
one value. Identifiers that carry a check digit in real life get a valid one
(Luhn, mod-97, mod-23, mod-11, ISO 7064, Verhoeff, 7-3-1 of ICAO 9303, the
codice fiscale's odd/even table), so a validator cannot tell them from real
ones. Names are listed by hand in the scripts their owners write them in.
"""

from __future__ import annotations

import base64
import json
import string
import unicodedata
from collections.abc import Callable
from random import Random

# --- names -------------------------------------------------------------------------

GIVEN = {
    "en": [
        "Oliver",
        "Amelia",
        "Harry",
        "Isla",
        "Jack",
        "Poppy",
        "Noah",
        "Freya",
        "Thomas",
        "Evie",
        "Jessica",
        "Liam",
        "Chloe",
        "Ethan",
        "Megan",
        "Connor",
        "Aisha",
        "Declan",
        "Siobhan",
        "Tyrone",
        "Keisha",
        "Brandon",
        "Madison",
    ],
    "de": [
        "Lukas",
        "Leonie",
        "Jonas",
        "Hannah",
        "Maximilian",
        "Lea",
        "Felix",
        "Johanna",
        "Moritz",
        "Greta",
        "Jürgen",
        "Günther",
        "Björn",
        "Ursula",
        "Dörte",
        "Wolfgang",
        "Käthe",
        "Sören",
        "Anneliese",
        "Friedrich",
    ],
    "es": [
        "Alejandro",
        "Lucía",
        "Javier",
        "Paula",
        "Sergio",
        "Nuria",
        "Álvaro",
        "Inés",
        "Íñigo",
        "Begoña",
        "Raúl",
        "Martina",
        "Ramón",
        "Pilar",
        "Joaquín",
        "Rocío",
        "Andrés",
        "Itziar",
        "Marisol",
        "Agustín",
    ],
    "fr": [
        "Théo",
        "Léa",
        "Mathis",
        "Chloé",
        "Hugo",
        "Inès",
        "Étienne",
        "Maëlle",
        "Benoît",
        "Océane",
        "François",
        "Gaëlle",
        "Jérôme",
        "Solène",
        "Clément",
        "Margaux",
        "Loïc",
        "Anaïs",
        "Cécile",
        "Grégoire",
    ],
    "it": [
        "Lorenzo",
        "Giulia",
        "Matteo",
        "Chiara",
        "Leonardo",
        "Alessia",
        "Niccolò",
        "Ginevra",
        "Tommaso",
        "Beatrice",
        "Gianluca",
        "Federica",
        "Pierpaolo",
        "Ilaria",
        "Raffaele",
        "Benedetta",
        "Emanuele",
        "Nicoletta",
    ],
    "other": [
        "Łukasz",
        "Agnieszka",
        "Jiří",
        "Zuzana",
        "Ayşe",
        "Mehmet",
        "Çağla",
        "Oğuz",
        "Nguyễn",
        "Thảo",
        "Søren",
        "Ingrid",
        "Sigríður",
        "Piotr",
        "Małgorzata",
        "Bogdan",
        "Dragoș",
        "Ioana",
        "Kwame",
        "Ngozi",
        "Priya",
        "Arjun",
    ],
}
FAMILY = {
    "en": [
        "Whitfield",
        "Ashworth",
        "Okafor",
        "Pennington",
        "Gallagher",
        "Thornbury",
        "McAllister",
        "Fairweather",
        "Blackwood",
        "Kowalczyk",
        "Haverford",
        "Osei",
        "Lindqvist",
        "Brennan",
    ],
    "de": [
        "Schäfer",
        "Müller",
        "Großmann",
        "Weißenborn",
        "Köhler",
        "Bräuer",
        "Hoffmeister",
        "Lindemann",
        "Schröder",
        "Kühn",
        "Vogelsang",
        "Dreßler",
        "Ziegenbein",
        "Oberhäuser",
    ],
    "es": [
        "García",
        "Fernández",
        "Muñoz",
        "Ibáñez",
        "Domínguez",
        "Echeverría",
        "Santamaría",
        "Gutiérrez",
        "Peñalver",
        "Olaizola",
        "Cuesta",
        "Villanueva",
        "Zubizarreta",
        "Álvarez",
    ],
    "fr": [
        "Lefèvre",
        "Dubois",
        "Mercier",
        "Rousseau",
        "Chevalier",
        "Bénard",
        "Fauré",
        "Lemaître",
        "Gauthier",
        "Deschênes",
        "Boulanger",
        "Marchetti",
        "Duchêne",
        "Leclerc",
    ],
    "it": [
        "Esposito",
        "Bianchi",
        "Colombo",
        "Ferrara",
        "Santoro",
        "Mancini",
        "Barbieri",
        "Lombardi",
        "Caruso",
        "De",
        "Luca",
        "Galli",
        "Fontana",
        "Pellegrini",
        "D'Angelo",
    ],
    "other": [
        "Wiśniewski",
        "Dvořák",
        "Yılmaz",
        "Öztürk",
        "Nguyễn",
        "Jørgensen",
        "Guðmundsdóttir",
        "Nowak",
        "Popescu",
        "Mensah",
        "Adeyemi",
        "Raghunathan",
        "Chakraborty",
        "Lewandowska",
    ],
}
# People whose names are also ordinary words in some language.
WORD_NAMES = [
    "Grace Bell",
    "Will Summers",
    "Hope Young",
    "Mark Fisher",
    "Rose Baker",
    "Frank King",
    "Summer Rain",
    "Faith Walker",
    "April Stone",
    "Sunny Page",
    "Amber Wood",
    "Pat Little",
    "Luz Paz",
    "Rosa Blanco",
    "Angel Cruz",
    "Dolores Fuerte",
    "Fleur Petit",
    "Rocco Sole",
]
NON_LATIN = [
    "Дмитрий Волков",
    "Анастасия Смирнова",
    "Олена Коваленко",
    "Γιώργος Παπαδόπουλος",
    "Ελένη Κωνσταντίνου",
    "محمد العتيبي",
    "فاطمة الزهراء",
    "יוסי לוי",
    "王伟",
    "李秀英",
    "陈静怡",
    "山田太郎",
    "佐藤 花子",
    "김민준",
    "이서연",
    "राहुल शर्मा",
    "प्रिया पटेल",
    "สมชาย ใจดี",
]
DOMAINS = [
    "gmail.com",
    "web.de",
    "gmx.net",
    "yahoo.es",
    "orange.fr",
    "libero.it",
    "outlook.com",
    "proton.me",
    "mail.example-corp.co.uk",
    "uni-heidelberg.de",
    "telefonica.net",
    "fastwebnet.it",
]
_FOLD_EXTRA = str.maketrans(
    {"ß": "ss", "ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "ð": "d", "þ": "th", "ı": "i"}
)


def ascii_fold(text: str) -> str:
    """Lower-case ASCII of a name, as people write it in e-mail addresses."""
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_FOLD_EXTRA))
    return "".join(c for c in decomposed if c.isascii())


def _locale(rng: Random) -> str:
    return rng.choice(list(GIVEN))


def given(rng: Random) -> str:
    return rng.choice(GIVEN[_locale(rng)])


def family(rng: Random) -> str:
    return rng.choice(FAMILY[_locale(rng)])


def full_name(rng: Random) -> str:
    loc = _locale(rng)
    first = rng.choice(GIVEN[loc])
    if rng.random() < 0.15:
        first = f"{first}-{rng.choice(GIVEN[loc])}" if loc in ("de", "fr") else first
    return f"{first} {rng.choice(FAMILY[loc])}"


def lower_name(rng: Random) -> str:
    return given(rng).lower()


def word_name(rng: Random) -> str:
    return rng.choice(WORD_NAMES)


def non_latin_name(rng: Random) -> str:
    return rng.choice(NON_LATIN)


def email(rng: Random) -> str:
    first = ascii_fold(given(rng))
    last = ascii_fold(family(rng)).replace(" ", "").replace("'", "")
    local = rng.choice(
        [
            f"{first}.{last}",
            f"{first[0]}{last}",
            f"{last}{rng.randint(1, 99)}",
            f"{first}_{last}",
            f"{first}+{rng.choice(['shop', 'news', 'work'])}",
        ]
    )
    return f"{local}@{rng.choice(DOMAINS)}"


# --- phones and addresses ----------------------------------------------------------


def _digits(rng: Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def phone(rng: Random) -> str:
    d = lambda n: _digits(rng, n)  # noqa: E731
    return rng.choice(
        [
            f"+1 ({rng.randint(201, 989)}) {rng.randint(200, 989)}-{d(4)}",
            f"{rng.randint(201, 989)}.{rng.randint(200, 989)}.{d(4)}",
            f"+49 30 {d(8)}",
            f"0{rng.randint(151, 179)} {d(7)}",
            f"089 / {d(3)} {d(2)} {d(2)}",
            f"+34 6{d(2)} {d(3)} {d(3)}",
            f"9{d(2)} {d(2)} {d(2)} {d(2)}",
            f"+33 6 {d(2)} {d(2)} {d(2)} {d(2)}",
            f"0{rng.randint(1, 7)}.{d(2)}.{d(2)}.{d(2)}.{d(2)}",
            f"+39 3{d(2)} {d(3)} {d(4)}",
            f"02 {d(4)} {d(4)}",
            f"+44 20 7{d(3)} {d(4)}",
            f"07{d(3)} {d(6)}",
            f"+91 9{d(4)} {d(5)}",
            f"0041 44 {d(3)} {d(2)} {d(2)}",
        ]
    )


def address(rng: Random) -> str:
    n = rng.randint(1, 240)
    return rng.choice(
        [
            f"{rng.choice(['Kastanienallee', 'Schillerstraße', 'Am Lindenhof', 'Bahnhofstr.', 'Königsweg'])} {n}, "
            f"{_digits(rng, 5)} {rng.choice(['Leipzig', 'München', 'Köln', 'Freiburg im Breisgau'])}",
            f"Calle {rng.choice(['de la Princesa', 'Mayor', 'del Carmen', 'San Bernardo'])} {n}, "
            f"{rng.choice(['3º B', '1º izq.', '2ª'])}, {_digits(rng, 5)} {rng.choice(['Madrid', 'Sevilla', 'Zaragoza'])}",
            f"Avda. {rng.choice(['Diagonal', 'de América', 'Blasco Ibáñez'])} {n}, {_digits(rng, 5)} Valencia",
            f"{n} {rng.choice(['rue des Lilas', 'avenue Jean-Jaurès', 'boulevard Voltaire', 'impasse du Moulin'])}, "
            f"{_digits(rng, 5)} {rng.choice(['Lyon', 'Toulouse', 'Nantes'])}",
            f"Via {rng.choice(['Garibaldi', 'dei Mille', 'Po', 'San Vitale'])} {n}, {_digits(rng, 5)} "
            f"{rng.choice(['Torino', 'Bologna', 'Napoli'])}",
            f"Piazza {rng.choice(['Navona', 'del Duomo', 'Cavour'])} {n}",
            f"{n} {rng.choice(['Maple Drive', 'Elm Street', 'Ocean Ave', 'Sycamore Lane', 'Market St'])}, "
            f"{rng.choice(['Apt 4B, ', 'Suite 210, ', ''])}{rng.choice(['Austin, TX', 'Portland, OR', 'Columbus, OH'])} "
            f"{_digits(rng, 5)}",
            f"Flat {rng.randint(1, 30)}, {n} {rng.choice(['Harrow Road', 'Victoria Crescent', 'Mill Lane'])}, "
            f"{rng.choice(['Leeds LS6 2QT', 'Bristol BS8 1TH', 'London N1 7GU'])}",
            f"Keizersgracht {n}, {_digits(rng, 4)} {rng.choice('ABCDEFGHJK')}{rng.choice('LMNPRST')} Amsterdam",
        ]
    )


# --- network ------------------------------------------------------------------------


def ipv4(rng: Random) -> str:
    first = rng.choice([rng.randint(11, 99), rng.randint(101, 126), rng.randint(129, 223), 10, 192])
    if first == 192:
        return f"192.168.{rng.randint(0, 254)}.{rng.randint(1, 254)}"
    return f"{first}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def ipv6(rng: Random) -> str:
    groups = [f"{rng.randint(0, 0xFFFF):x}" for _ in range(rng.choice([4, 8]))]
    if len(groups) == 4:
        return "2001:db8:" + ":".join(groups[:2]) + "::" + groups[3]
    return ":".join(groups)


# --- payment and bank --------------------------------------------------------------


def _luhn_complete(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        k = int(ch) * (2 if i % 2 == 0 else 1)
        total += k - 9 if k > 9 else k
    return body + str((10 - total % 10) % 10)


def card(rng: Random) -> str:
    prefix, length = rng.choice(
        [("4", 16), ("51", 16), ("55", 16), ("2221", 16), ("34", 15), ("37", 15), ("6011", 16)]
    )
    number = _luhn_complete(prefix + _digits(rng, length - len(prefix) - 1))
    style = rng.random()
    if length == 15:
        groups = [number[:4], number[4:10], number[10:]]
    else:
        groups = [number[i : i + 4] for i in range(0, 16, 4)]
    if style < 0.45:
        return " ".join(groups)
    if style < 0.7:
        return "-".join(groups)
    return number


_IBAN_LAYOUT = {
    "DE": 18,
    "ES": 20,
    "FR": 23,
    "IT": 23,
    "GB": 18,
    "NL": 14,
    "AT": 16,
    "CH": 17,
    "BE": 12,
}


def _iban_check(country: str, bban: str) -> str:
    numeric = "".join(str(int(c, 36)) for c in bban + country + "00")
    return f"{98 - int(numeric) % 97:02d}"


def iban(rng: Random) -> str:
    country = rng.choice(list(_IBAN_LAYOUT))
    n = _IBAN_LAYOUT[country]
    if country == "GB":
        bban = rng.choice(["NWBK", "BARC", "LOYD"]) + _digits(rng, n - 4)
    elif country == "NL":
        bban = rng.choice(["ABNA", "RABO", "INGB"]) + _digits(rng, n - 4)
    elif country == "IT":
        bban = rng.choice(string.ascii_uppercase) + _digits(rng, n - 1)
    else:
        bban = _digits(rng, n)
    code = f"{country}{_iban_check(country, bban)}{bban}"
    if rng.random() < 0.6:
        return " ".join(code[i : i + 4] for i in range(0, len(code), 4))
    return code


def ssn(rng: Random) -> str:
    area = rng.choice([a for a in range(1, 900) if a != 666])
    group, serial = rng.randint(1, 99), rng.randint(1, 9999)
    sep = rng.choice(["-", "-", " ", " - ", ""])
    return f"{area:03d}{sep}{group:02d}{sep}{serial:04d}"


# --- dates of birth ----------------------------------------------------------------

MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
}


def birth_date(rng: Random) -> str:
    y, m, d = rng.randint(1931, 2006), rng.randint(1, 12), rng.randint(1, 28)
    lang = rng.choice(list(MONTHS))
    month = MONTHS[lang].split()[m - 1]
    return rng.choice(
        [
            f"{m:02d}/{d:02d}/{y % 100:02d}",
            f"{d}.{m}.{y % 100:02d}",
            f"{d:02d}/{m:02d}/{y}",
            f"{d:02d}.{m:02d}.{y}",
            f"{y}-{m:02d}-{d:02d}",
            f"{d} {month} {y}",
            f"{month} {d}, {y}" if lang == "en" else f"{d} {month} {y}",
            f"{d}-{month[:3].capitalize()}-{y % 100:02d}",
            f"{m}/{d}/{y % 100:02d}",
        ]
    )


# --- national identifiers ----------------------------------------------------------


def _mrz_check(field: str) -> str:
    weights = (7, 3, 1)
    total = 0
    for i, ch in enumerate(field):
        v = 0 if ch == "<" else int(ch, 36)
        total += v * weights[i % 3]
    return str(total % 10)


def dni(rng: Random) -> str:
    n = rng.randint(10_000_000, 99_999_999)
    letter = "TRWAGMYFPDXBNJZSQVHLCKE"[n % 23]
    return rng.choice([f"{n}{letter}", f"{n}-{letter}", f"{n:,}".replace(",", ".") + f"-{letter}"])


def nie(rng: Random) -> str:
    lead = rng.choice("XYZ")
    n = rng.randint(0, 9_999_999)
    letter = "TRWAGMYFPDXBNJZSQVHLCKE"[int(f"{'XYZ'.index(lead)}{n:07d}") % 23]
    return f"{lead}{n:07d}{letter}" if rng.random() < 0.7 else f"{lead}-{n:07d}-{letter}"


# Values of odd-position characters (1-based) in the codice fiscale check: digits
# share the values of the letters A-J.
_CF_ODD_LETTERS = [
    int(x)
    for x in "1 0 5 7 9 13 15 17 19 21 2 4 18 20 11 3 6 8 12 14 16 10 22 25 24 23".split()  # noqa: SIM905
]
_CF_ODD = {c: _CF_ODD_LETTERS[i] for i, c in enumerate(string.ascii_uppercase)}
_CF_ODD.update({str(d): _CF_ODD_LETTERS[d] for d in range(10)})


def _cf_even(ch: str) -> int:
    return int(ch) if ch.isdigit() else ord(ch) - ord("A")


def codice_fiscale(rng: Random) -> str:
    letters = lambda n: "".join(rng.choice("BCDFGHLMNPRSTVZ") for _ in range(n))  # noqa: E731
    body = (
        letters(3)
        + letters(2)
        + rng.choice("AEIOU")
        + f"{rng.randint(40, 99):02d}"
        + rng.choice("ABCDEHLMPRST")
        + f"{rng.choice([rng.randint(1, 28), rng.randint(41, 68)]):02d}"
        + rng.choice("ABCDEFGHILMZ")
        + f"{rng.randint(1, 999):03d}"
    )
    total = sum(_CF_ODD[c] if i % 2 == 0 else _cf_even(c) for i, c in enumerate(body))
    return body + chr(ord("A") + total % 26)


def uk_nino(rng: Random) -> str:
    bad_first, bad_second = set("DFIQUV"), set("DFIQUVO")
    while True:
        a, b = rng.choice(string.ascii_uppercase), rng.choice(string.ascii_uppercase)
        if (
            a not in bad_first
            and b not in bad_second
            and a + b not in {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"}
        ):
            break
    digits = _digits(rng, 6)
    suffix = rng.choice("ABCD")
    if rng.random() < 0.5:
        return f"{a}{b} {digits[:2]} {digits[2:4]} {digits[4:]} {suffix}"
    return f"{a}{b}{digits}{suffix}"


def nhs_number(rng: Random) -> str:
    while True:
        body = _digits(rng, 9)
        check = 11 - sum(int(c) * (10 - i) for i, c in enumerate(body)) % 11
        if check == 11:
            check = 0
        if check != 10:
            n = body + str(check)
            return f"{n[:3]} {n[3:6]} {n[6:]}"


def french_nir(rng: Random) -> str:
    body = (
        f"{rng.choice('12')}{rng.randint(40, 99):02d}{rng.randint(1, 12):02d}"
        f"{rng.randint(1, 95):02d}{rng.randint(1, 999):03d}{rng.randint(1, 999):03d}"
    )
    key = 97 - int(body) % 97
    if rng.random() < 0.6:
        return f"{body[0]} {body[1:3]} {body[3:5]} {body[5:7]} {body[7:10]} {body[10:13]} {key:02d}"
    return f"{body}{key:02d}"


def steuer_id(rng: Random) -> str:
    while True:
        first10 = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(9)]
        counts = sorted((first10.count(d) for d in set(first10)), reverse=True)
        if counts[0] in (2, 3) and counts[1] == 1:
            break
    product = 10
    for digit in first10:
        s = (digit + product) % 10 or 10
        product = (s * 2) % 11
    check = (11 - product) % 10
    n = "".join(map(str, first10)) + str(check)
    return rng.choice([n, f"{n[:2]} {n[2:5]} {n[5:8]} {n[8:]}"])


def personalausweis(rng: Random) -> str:
    alphabet = "CFGHJKLMNPRTVWXYZ0123456789"
    body = rng.choice("CFGHJKLMNPRTVWXYZ") + "".join(rng.choice(alphabet) for _ in range(8))
    return body + _mrz_check(body)


def sozialversicherung(rng: Random) -> str:
    area = f"{rng.choice([12, 13, 15, 18, 23, 24, 28, 38, 40, 53, 65])}"
    birth = f"{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{rng.randint(40, 99):02d}"
    letter = rng.choice("ABDGHKMSW")
    serial = f"{rng.randint(0, 49):02d}"
    digits = area + birth + f"{ord(letter) - 64:02d}" + serial
    weights = (2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1)
    total = sum(sum(divmod(int(c) * w, 10)) for c, w in zip(digits, weights, strict=True))
    return f"{area}{birth}{letter}{serial}{total % 10}"


def bsn(rng: Random) -> str:
    while True:
        d = [rng.randint(0, 9) for _ in range(8)]
        s = sum(x * (9 - i) for i, x in enumerate(d))
        last = s % 11
        if last <= 9 and d[0] != 0:
            return "".join(map(str, d)) + str(last)


def ahv(rng: Random) -> str:
    body = "756" + _digits(rng, 9)
    total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body))
    n = body + str((10 - total % 10) % 10)
    return f"{n[:3]}.{n[3:7]}.{n[7:11]}.{n[11:]}"


def indian_pan(rng: Random) -> str:
    up = string.ascii_uppercase
    return (
        "".join(rng.choice(up) for _ in range(3))
        + "P"
        + rng.choice(up)
        + _digits(rng, 4)
        + rng.choice(up)
    )


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


def aadhaar(rng: Random) -> str:
    body = str(rng.randint(2, 9)) + _digits(rng, 10)
    c = 0
    for i, ch in enumerate(reversed(body)):
        c = _VD[c][_VP[(i + 1) % 8][int(ch)]]
    n = body + str(_VINV[c])
    return f"{n[:4]} {n[4:8]} {n[8:]}"


def us_driver_licence(rng: Random) -> str:
    up = string.ascii_uppercase
    return rng.choice(
        [
            rng.choice(up) + _digits(rng, 7),  # California
            f"{_digits(rng, 3)} {_digits(rng, 3)} {_digits(rng, 3)}",  # New York
            f"{rng.choice(up)}{_digits(rng, 3)}-{_digits(rng, 3)}-{_digits(rng, 2)}-{_digits(rng, 3)}-0",  # Florida
            rng.choice(up)
            + _digits(rng, 3)
            + "-"
            + _digits(rng, 4)
            + "-"
            + _digits(rng, 4),  # Illinois
            _digits(rng, 8),  # Texas
        ]
    )


def passport_number(rng: Random) -> str:
    up = string.ascii_uppercase
    return rng.choice(
        [
            _digits(rng, 9),
            rng.choice(up) + _digits(rng, 8),
            rng.choice("CFGHJK")
            + "".join(rng.choice("CFGHJKLMNPRTVWXYZ0123456789") for _ in range(8)),
            rng.choice(up) + rng.choice(up) + _digits(rng, 7),
            _digits(rng, 2) + rng.choice(up) + rng.choice(up) + _digits(rng, 5),
        ]
    )


def mrz_lines(rng: Random) -> tuple[str, str]:
    """Both lines of a TD3 passport machine-readable zone (ICAO 9303)."""
    country = rng.choice(["D<<", "ESP", "FRA", "ITA", "GBR", "USA", "NLD"])
    surname = ascii_fold(family(rng)).upper().replace(" ", "<").replace("'", "")
    names = ascii_fold(given(rng)).upper().replace("-", "<")
    line1 = f"P<{country}{surname}<<{names}".ljust(44, "<")[:44]
    number = "".join(rng.choice("CFGHJKLMNPRTVWXYZ0123456789") for _ in range(9))
    dob = f"{rng.randint(40, 99):02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    exp = f"{rng.randint(27, 35):02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    personal = "<" * 14
    core = number + _mrz_check(number) + country + dob + _mrz_check(dob) + rng.choice("MF")
    core += exp + _mrz_check(exp) + personal + _mrz_check(personal)
    composite = core[0:10] + core[13:20] + core[21:43]
    return line1, core + _mrz_check(composite)


def licence_plate(rng: Random) -> str:
    up = "ABCDEFGHJKLMNPRSTVWXYZ"
    L = lambda n: "".join(rng.choice(up) for _ in range(n))  # noqa: E731
    return rng.choice(
        [
            f"{rng.choice(['B', 'M', 'HH', 'K', 'F', 'S', 'DD'])}-{L(2)} {rng.randint(1, 9999)}",
            f"{rng.choice(['B', 'M', 'HH', 'K'])} {L(2)} {rng.randint(10, 999)}{rng.choice(['', 'E'])}",
            f"{L(2)}-{_digits(rng, 3)}-{L(2)}",  # France
            f"{L(2)} {_digits(rng, 3)}{L(2)}",  # Italy
            f"{_digits(rng, 4)} {''.join(rng.choice('BCDFGHJKLMNPRSTVWXYZ') for _ in range(3))}",  # Spain
            f"{L(2)}{_digits(rng, 2)} {L(3)}",  # UK
            f"{rng.randint(1, 9)}{L(3)}{_digits(rng, 3)}",  # California
        ]
    )


# --- geo -----------------------------------------------------------------------------


def _latlon(rng: Random) -> tuple[float, float]:
    return rng.uniform(-60, 70), rng.uniform(-150, 150)


def geo_decimal(rng: Random) -> str:
    lat, lon = _latlon(rng)
    places = rng.choice([4, 5, 6])
    sep = rng.choice([", ", ",", " ", "; "])
    return f"{lat:.{places}f}{sep}{lon:.{places}f}"


def geo_dms(rng: Random) -> str:
    lat, lon = _latlon(rng)

    def dms(v: float, pos: str, neg: str) -> str:
        a = abs(v)
        deg, rem = int(a), (a - int(a)) * 60
        mins, secs = int(rem), (rem - int(rem)) * 60
        hemi = pos if v >= 0 else neg
        return rng.choice(
            [
                f"{deg}°{mins:02d}'{secs:04.1f}\"{hemi}",
                f"{deg}° {mins}′ {secs:.0f}″ {hemi}",
                f"{hemi} {deg}° {rem:.3f}'",
            ]
        )

    return f"{dms(lat, 'N', 'S')} {dms(lon, 'E', 'W')}"


def geo_hemisphere(rng: Random) -> str:
    lat, lon = _latlon(rng)
    return f"{abs(lat):.4f}° {'N' if lat >= 0 else 'S'}, {abs(lon):.4f}° {'E' if lon >= 0 else 'W'}"


def geo_lat(rng: Random) -> str:
    return f"{_latlon(rng)[0]:.{rng.choice([4, 5, 6])}f}"


def geo_lon(rng: Random) -> str:
    return f"{_latlon(rng)[1]:.{rng.choice([4, 5, 6])}f}"


def geo_uri(rng: Random) -> str:
    lat, lon = _latlon(rng)
    return rng.choice(
        [
            f"geo:{lat:.6f},{lon:.6f}",
            f"https://www.google.com/maps/@{lat:.7f},{lon:.7f},17z",
            f"https://maps.apple.com/?ll={lat:.5f},{lon:.5f}",
            f"https://www.openstreetmap.org/#map=18/{lat:.5f}/{lon:.5f}",
        ]
    )


# --- secrets -------------------------------------------------------------------------

_ALNUM = string.ascii_letters + string.digits
_B64 = _ALNUM + "+/"
_URLSAFE = _ALNUM + "-_"


def _rand(rng: Random, alphabet: str, n: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def provider_key(rng: Random) -> str:
    r = lambda a, n: _rand(rng, a, n)  # noqa: E731
    return rng.choice(
        [
            f"sk-proj-{r(_URLSAFE, 48)}T3BlbkFJ{r(_URLSAFE, 48)}",
            f"sk-ant-api03-{r(_URLSAFE, 93)}AA",
            f"ghp_{r(_ALNUM, 36)}",
            f"github_pat_11{r(string.ascii_uppercase + string.digits, 20)}_{r(_ALNUM, 59)}",
            f"glpat-{r(_URLSAFE, 20)}",
            f"xoxb-{_digits(rng, 12)}-{_digits(rng, 13)}-{r(_ALNUM, 24)}",
            f"xoxp-{_digits(rng, 12)}-{_digits(rng, 12)}-{_digits(rng, 13)}-{r('0123456789abcdef', 32)}",
            f"sk_live_{r(_ALNUM, 24)}",
            f"rk_live_{r(_ALNUM, 24)}",
            f"AIza{r(_URLSAFE, 35)}",
            f"hf_{r(_ALNUM, 34)}",
            f"npm_{r(_ALNUM, 36)}",
            f"SG.{r(_URLSAFE, 22)}.{r(_URLSAFE, 43)}",
            f"{_digits(rng, 10)}:AA{r(_URLSAFE, 33)}",  # Telegram bot token
            f"dop_v1_{r('0123456789abcdef', 64)}",
        ]
    )


def aws_access_key_id(rng: Random) -> str:
    return rng.choice(["AKIA", "ASIA"]) + _rand(rng, string.ascii_uppercase + "234567", 16)


def aws_secret(rng: Random) -> str:
    return _rand(rng, _B64, 40)


def webhook(rng: Random) -> str:
    r = lambda a, n: _rand(rng, a, n)  # noqa: E731
    up = string.ascii_uppercase + string.digits
    return rng.choice(
        [
            f"https://hooks.slack.com/services/T{r(up, 8)}/B{r(up, 10)}/{r(_ALNUM, 24)}",
            f"https://discord.com/api/webhooks/{_digits(rng, 18)}/{r(_URLSAFE, 68)}",
            f"https://discordapp.com/api/webhooks/{_digits(rng, 19)}/{r(_URLSAFE, 68)}",
            f"https://contoso.webhook.office.com/webhookb2/{r('0123456789abcdef', 8)}-aaaa-4bbb-8ccc-"
            f"{r('0123456789abcdef', 12)}@{r('0123456789abcdef', 8)}-1111-4222-8333-{r('0123456789abcdef', 12)}"
            f"/IncomingWebhook/{r('0123456789abcdef', 32)}/{r('0123456789abcdef', 8)}-4444-4555-8666-"
            f"{r('0123456789abcdef', 12)}",
        ]
    )


def connection_string(rng: Random) -> str:
    user = rng.choice(["app", "admin", "svc_orders", "postgres", "root", "analytics"])
    pw = _rand(rng, _ALNUM + "!$%^*", rng.randint(10, 22)).replace("@", "")
    host = rng.choice(
        ["db.internal", "10.0.3.17", "prod-cluster.abcde.eu-west-1.rds.amazonaws.com", "localhost"]
    )
    return rng.choice(
        [
            f"postgresql://{user}:{pw}@{host}:5432/orders",
            f"mysql://{user}:{pw}@{host}:3306/shop",
            f"mongodb+srv://{user}:{pw}@cluster0.{_rand(rng, 'abcdefghij', 5)}.mongodb.net/?retryWrites=true",
            f"redis://:{pw}@{host}:6379/0",
            f"rediss://default:{pw}@{host}:6380",
            f"amqp://{user}:{pw}@{host}:5672/%2F",
            f"https://{user}:{pw}@git.example-corp.com/team/repo.git",
            f"Server=tcp:{host},1433;Database=crm;User ID={user};Password={pw};Encrypt=True;",
            f"DefaultEndpointsProtocol=https;AccountName={user.replace('_', '')}store;"
            f"AccountKey={_rand(rng, _B64, 86)}==;EndpointSuffix=core.windows.net",
        ]
    )


def jwt(rng: Random) -> str:
    def seg(obj: object) -> str:
        return base64.urlsafe_b64encode(json.dumps(obj).encode()).rstrip(b"=").decode()

    header = {"alg": rng.choice(["HS256", "RS256"]), "typ": "JWT"}
    payload = {
        "sub": _digits(rng, 8),
        "name": full_name(rng),
        "iat": rng.randint(1_600_000_000, 1_800_000_000),
    }
    return f"{seg(header)}.{seg(payload)}.{_rand(rng, _URLSAFE, 43)}"


def private_key_block(rng: Random) -> str:
    kind = rng.choice(["RSA PRIVATE KEY", "PRIVATE KEY", "OPENSSH PRIVATE KEY", "EC PRIVATE KEY"])
    lines = [_rand(rng, _B64, 64) for _ in range(rng.randint(3, 7))]
    return f"-----BEGIN {kind}-----\n" + "\n".join(lines) + f"\n-----END {kind}-----"


def password(rng: Random) -> str:
    words = ["Sommer", "tigre", "Brezel", "gatto", "Orange", "falcon", "Luna", "Pizza"]
    return rng.choice(
        [
            f"{rng.choice(words)}{rng.randint(10, 2099)}{rng.choice('!?#$%')}",
            _rand(rng, _ALNUM + "!#%&*", rng.randint(12, 20)),
            f"{rng.choice(words)}-{rng.choice(words).lower()}-{rng.randint(1, 99)}",
        ]
    )


# --- traps: look-alikes that are not personal and must pass -------------------------

_HEX = "0123456789abcdef"


def git_sha(rng: Random) -> str:
    return _rand(rng, _HEX, 40)


def short_sha(rng: Random) -> str:
    return _rand(rng, _HEX, rng.choice([7, 8, 10, 12]))


def sri_hash(rng: Random) -> str:
    algo, n = rng.choice([("sha256", 32), ("sha384", 48), ("sha512", 64)])
    return f"{algo}-" + base64.b64encode(rng.randbytes(n)).decode()


def base64_image(rng: Random) -> str:
    raw = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(rng.randint(60, 180))
    return "data:image/png;base64," + base64.b64encode(raw).decode()


def uuid_path(rng: Random) -> str:
    u = f"{_rand(rng, _HEX, 8)}-{_rand(rng, _HEX, 4)}-4{_rand(rng, _HEX, 3)}-a{_rand(rng, _HEX, 3)}-{_rand(rng, _HEX, 12)}"
    return rng.choice(
        [
            f"/api/v2/orders/{u}/items",
            f"/var/lib/docker/volumes/{u}/_data",
            f"s3://assets/uploads/{u}.jpg",
        ]
    )


def env_lookup(rng: Random) -> str:
    var = rng.choice(
        [
            "OPENAI_API_KEY",
            "STRIPE_SECRET_KEY",
            "DB_PASSWORD",
            "GITHUB_TOKEN",
            "AWS_SECRET_ACCESS_KEY",
        ]
    )
    return rng.choice(
        [
            f'api_key = os.environ["{var}"]',
            f'token = os.getenv("{var}")',
            f"password: ${{{{ secrets.{var} }}}}",
            f"const apiKey = process.env.{var};",
            f'secret_key = config["{var.lower()}"]',
            f"{var}=${{{var}}}",
            'password = getpass.getpass("Password: ")',
            "api_key: <your-api-key-here>",
        ]
    )


def digest(rng: Random) -> str:
    return rng.choice(
        [
            f"sha256:{_rand(rng, _HEX, 64)}",
            _rand(rng, _HEX, 32),
            _rand(rng, _HEX, 64),
            f"sha512-{base64.b64encode(rng.randbytes(64)).decode()}",
        ]
    )


def order_number(rng: Random) -> str:
    return rng.choice(
        [
            f"#{rng.randint(100000, 9999999)}",
            f"A-{rng.randint(2019, 2026)}-{_digits(rng, 6)}",
            f"{_digits(rng, 3)}-{_digits(rng, 7)}-{_digits(rng, 7)}",  # marketplace style
            f"INV-{_digits(rng, 5)}",
            f"1Z{_rand(rng, string.ascii_uppercase + string.digits, 16)}",
            f"{_digits(rng, 4)}-{_digits(rng, 4)}-{_digits(rng, 2)}",
            f"RMA{_digits(rng, 8)}",
        ]
    )


def isbn(rng: Random) -> str:
    body = "978" + _digits(rng, 9)
    check = (10 - sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body)) % 10) % 10
    n = body + str(check)
    return f"{n[:3]}-{n[3]}-{n[4:8]}-{n[8:12]}-{n[12]}"


def version(rng: Random) -> str:
    return rng.choice(
        [
            f"{rng.randint(1, 4)}.{rng.randint(0, 30)}.{rng.randint(0, 20)}",
            f"v{rng.randint(1, 12)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}.{rng.randint(0, 99)}",
            f"{rng.randint(2019, 2026)}.{rng.randint(1, 12)}.{rng.randint(1, 30)}",
            f"build {rng.randint(2019, 2026)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}.{rng.randint(1, 9)}",
        ]
    )


def maths(rng: Random) -> str:
    a, b = rng.uniform(-90, 90), rng.uniform(-180, 180)
    return rng.choice(
        [
            f"f({a:.3f}) = {b:.4f}",
            f"x = [{a:.4f}, {b:.4f}]",
            f"{rng.randint(100, 999)} * {rng.randint(100, 999)} = ?",
            f"the matrix [[{a:.2f}, {b:.2f}], [{b:.2f}, {a:.2f}]]",
            f"{rng.randint(1, 9)}/{rng.randint(2, 9)} + {rng.randint(1, 9)}/{rng.randint(2, 9)}",
            f"p = {rng.random():.4f}, t = {a:.3f}",
            f"2^{rng.randint(10, 40)}",
        ]
    )


def plain_date(rng: Random) -> str:
    y, m, d = rng.randint(2023, 2027), rng.randint(1, 12), rng.randint(1, 28)
    return rng.choice(
        [f"{d:02d}/{m:02d}/{y % 100}", f"{y}-{m:02d}-{d:02d}", f"{d}.{m}.{y}", f"{m}/{d}/{y % 100}"]
    )


def hex_colour(rng: Random) -> str:
    return "#" + _rand(rng, _HEX, 6)


def timestamp(rng: Random) -> str:
    return rng.choice(
        [
            f"{rng.randint(2024, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T"
            f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}Z",
            str(rng.randint(1_700_000_000, 1_800_000_000)),
        ]
    )


Gen = Callable[[Random], str]
