"""People, contact details and places of the sealed corpus."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from random import Random

from .build import V

PERSON = frozenset({"PERSON"})
EMAIL = frozenset({"EMAIL"})
PHONE = frozenset({"PHONE"})
ADDRESS = frozenset({"ADDRESS"})
IP = frozenset({"IP_ADDRESS"})
GEO = frozenset({"GEO_COORDINATES"})

FIRST: dict[str, tuple[str, ...]] = {
    "de": (
        "Jürgen",
        "Katrin",
        "Lukas",
        "Annegret",
        "Sören",
        "Mia",
        "Hans-Peter",
        "Birgit",
        "Ömer",
        "Felix",
        "Dörte",
        "Kai-Uwe",
        "Gesine",
        "Malte",
    ),
    "es": (
        "María José",
        "Joaquín",
        "Nuria",
        "Íñigo",
        "Lucía",
        "Álvaro",
        "Begoña",
        "Pilar",
        "Xabier",
        "Rocío",
        "Maite",
        "Fermín",
        "Ainhoa",
        "Concepción",
    ),
    "fr": (
        "Hélène",
        "Jean-Baptiste",
        "Maëlle",
        "Loïc",
        "Amélie",
        "Théo",
        "Océane",
        "Benoît",
        "Clémence",
        "Yannick",
        "Gaëlle",
        "Anaïs",
        "Timothée",
        "Ségolène",
    ),
    "it": (
        "Giuseppe",
        "Chiara",
        "Niccolò",
        "Federica",
        "Gianluca",
        "Ilaria",
        "Salvatore",
        "Beatrice",
        "Carmela",
        "Matteo",
        "Ludovica",
        "Pierpaolo",
        "Assunta",
        "Raffaele",
    ),
    "en": (
        "Siobhan",
        "Gareth",
        "Olivia",
        "Declan",
        "Priya",
        "Marcus",
        "Aoife",
        "Jasmine",
        "Tom",
        "Rebecca",
        "Niamh",
        "Callum",
        "Imogen",
        "Tyrone",
    ),
    "world": (
        "Oluwaseun",
        "Ngozi",
        "Mehmet",
        "Ayşe",
        "Thanh Hương",
        "Aleksandra",
        "Wojciech",
        "Dmitri",
        "Fatima",
        "Kwame",
        "Arjun",
        "Sunita",
        "Mei-Ling",
        "Hiroshi",
        "Yusuf",
        "Zeynep",
        "Bogdan",
        "Chidi",
        "Ewa",
        "Lamine",
    ),
}
LAST: dict[str, tuple[str, ...]] = {
    "de": (
        "Schäfer",
        "Brandstätter",
        "Oberhuber",
        "Kowalczyk",
        "Riedl",
        "Nußbaum",
        "von der Heyde",
        "Hinrichsen",
        "Yıldırım",
        "Grabowski",
        "Pfeiffer",
        "Ziegler",
    ),
    "es": (
        "García Márquez",
        "Etxeberria",
        "Fernández",
        "Ruiz de la Torre",
        "Núñez",
        "Olmedo",
        "Castañeda",
        "Iglesias Peña",
        "Quintana",
        "Beltrán",
        "Sáez",
        "Arrieta",
    ),
    "fr": (
        "Lefèvre",
        "Dubois-Martin",
        "N'Diaye",
        "Moreau",
        "Guérin",
        "Chevalier",
        "Rousseau",
        "Benali",
        "Fontaine",
        "Lemaître",
        "Faure",
        "Marchand",
    ),
    "it": (
        "Esposito",
        "De Luca",
        "Colombo",
        "Ferraro",
        "D'Angelo",
        "Barbieri",
        "Greco",
        "Lombardi",
        "Mancini",
        "Caruso",
        "Santoro",
        "Galli",
    ),
    "en": (
        "O'Sullivan",
        "Whitfield",
        "Okafor",
        "Patel",
        "MacLeod",
        "Fitzgerald",
        "Ashworth",
        "Nwosu",
        "Thompson",
        "Kavanagh",
        "Hughes",
        "Doyle",
    ),
    "world": (
        "Adeyemi",
        "Öztürk",
        "Nguyen",
        "Wiśniewska",
        "Kuznetsov",
        "Haddad",
        "Mensah",
        "Raghunathan",
        "Chen",
        "Tanaka",
        "Demir",
        "Popescu",
        "Eze",
        "Diallo",
    ),
}
WORDLIKE: tuple[tuple[str, str], ...] = (
    ("Rose", "Baker"),
    ("Hope", "Fischer"),
    ("Will", "Young"),
    ("Grace", "King"),
    ("Summer", "Koch"),
    ("Mark", "Wolf"),
    ("Dolores", "Fuentes"),
    ("Amparo", "Rosa"),
    ("Felice", "Leone"),
    ("Bianca", "Bello"),
    ("Paz", "Santos"),
    ("Luz", "Bravo"),
    ("Pierre", "Petit"),
    ("Olive", "Stern"),
    ("Sunny", "Vogel"),
    ("Bill", "Bauer"),
    ("Fortunato", "Sereno"),
    ("Frank", "Fuchs"),
    ("Constance", "Lebon"),
    ("Rich", "Smith"),
)
SCRIPT: tuple[tuple[str, str], ...] = (
    ("张伟", "zhang.wei"),
    ("王芳", "wang.fang"),
    ("李娜", "li.na"),
    ("陈静", "chen.jing"),
    ("山田 太郎", "t.yamada"),
    ("佐藤 花子", "hanako.sato"),
    ("김민준", "minjun.kim"),
    ("이서연", "seoyeon.lee"),
    ("Анна Петрова", "anna.petrova"),
    ("Дмитрий Иванов", "d.ivanov"),
    ("Олена Коваленко", "olena.kov"),
    ("Γιώργος Παπαδόπουλος", "g.papadopoulos"),
    ("Ελένη Νικολάου", "eleni.nik"),
    ("محمد العلي", "m.alali"),
    ("فاطمة الزهراء", "fatima.z"),
    ("राहुल शर्मा", "rahul.sharma"),
    ("प्रिया पटेल", "priya.patel"),
    ("יעל כהן", "yael.cohen"),
    ("נועם לוי", "noam.levi"),
    ("สมชาย ใจดี", "somchai.j"),
)
NICK: tuple[str, ...] = (
    "Sepp",
    "Pepe",
    "Paco",
    "Gigi",
    "Bea",
    "Lulu",
    "Manu",
    "Toni",
    "Nacho",
    "Cri",
    "Jojo",
    "Fede",
    "Mimmo",
    "Flo",
    "Chus",
    "Bibi",
)


def ascii_fold(text: str) -> str:
    """Lower-case ASCII letters of ``text`` (accents dropped, other marks removed)."""
    decomposed = unicodedata.normalize("NFKD", text.replace("ß", "ss").replace("ı", "i"))
    return "".join(c for c in decomposed if c.isascii() and c.isalpha()).lower()


@dataclass(frozen=True)
class Person:
    """A made-up person; ``first``/``last`` are as written, ``handle`` is ASCII."""

    first: str
    last: str
    handle: str

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}" if self.last else self.first


def person(r: Random, group: str | None = None) -> Person:
    """A person from ``group`` (or any group)."""
    g = group or r.choice(sorted(FIRST))
    first, last = r.choice(FIRST[g]), r.choice(LAST[g])
    return Person(first, last, f"{ascii_fold(first)}.{ascii_fold(last)}")


def wordlike(r: Random) -> Person:
    """A person whose names are also ordinary words."""
    first, last = r.choice(WORDLIKE)
    return Person(first, last, f"{first[0].lower()}{last.lower()}")


def scripted(r: Random) -> Person:
    """A person whose name is written in a non-Latin script."""
    name, handle = r.choice(SCRIPT)
    return Person(name, "", handle)


def anyone(r: Random) -> Person:
    """Mostly Latin names, sometimes word-like or in another script."""
    roll = r.random()
    if roll < 0.12:
        return scripted(r)
    if roll < 0.22:
        return wordlike(r)
    return person(r)


def name(p: Person, how: str = "full") -> V:
    """The person's name as a planted value: full, first, last, lower, initial, upper."""
    text = {
        "full": p.full,
        "first": p.first,
        "last": p.last or p.first,
        "lower": p.full.lower(),
        "initial": f"{p.first[0]}. {p.last}" if p.last else p.first,
        "upper": f"{p.last.upper()}, {p.first}" if p.last else p.first,
    }[how]
    return V("name", text, PERSON)


def nick(r: Random) -> V:
    """A nickname."""
    return V("nickname", r.choice(NICK), PERSON)


DOMAINS: dict[str, tuple[str, ...]] = {
    "de": ("web.de", "gmx.de", "t-online.de", "posteo.de", "gmx.at", "bluewin.ch"),
    "es": ("gmail.com", "yahoo.es", "hotmail.es", "telefonica.net"),
    "fr": ("orange.fr", "free.fr", "laposte.net", "sfr.fr"),
    "it": ("libero.it", "virgilio.it", "tiscali.it", "alice.it"),
    "en": ("gmail.com", "outlook.com", "btinternet.com", "eircom.net", "icloud.com"),
}


def email(r: Random, p: Person, domain: str | None = None) -> V:
    """An address made from the person's handle."""
    first, _, last = p.handle.partition(".")
    local = r.choice(
        [p.handle, f"{first[:1]}{last}", f"{first}_{last}{r.randint(1, 99)}", f"{last}.{first}"]
        if last
        else [p.handle, f"{p.handle}{r.randint(70, 99)}"]
    )
    dom = domain or r.choice(DOMAINS[r.choice(sorted(DOMAINS))])
    return V("email", f"{local}@{dom}", EMAIL)


def _digits(r: Random, n: int) -> str:
    return "".join(str(r.randrange(10)) for _ in range(n))


def phone(r: Random, loc: str) -> V:
    """A phone number written the way people of ``loc`` write it."""
    d = _digits
    forms: dict[str, list[str]] = {
        "de": [
            f"+49 1{r.choice('567')}{r.randrange(10)} {d(r, 7)}",
            f"0{r.choice(['171', '152', '160'])}/{d(r, 7)}",
            f"030 {d(r, 4)} {d(r, 3)}",
            f"+49 (0)89 {d(r, 3)} {d(r, 3)} {d(r, 2)}",
        ],
        "at": [f"+43 664 {d(r, 7)}", f"0676 {d(r, 3)} {d(r, 4)}"],
        "ch": [f"+41 79 {d(r, 3)} {d(r, 2)} {d(r, 2)}", f"044 {d(r, 3)} {d(r, 2)} {d(r, 2)}"],
        "es": [
            f"+34 6{d(r, 2)} {d(r, 3)} {d(r, 3)}",
            f"6{d(r, 2)}-{d(r, 2)}-{d(r, 2)}-{d(r, 2)}",
            f"91 {d(r, 3)} {d(r, 2)} {d(r, 2)}",
        ],
        "fr": [
            f"+33 6 {d(r, 2)} {d(r, 2)} {d(r, 2)} {d(r, 2)}",
            f"06.{d(r, 2)}.{d(r, 2)}.{d(r, 2)}.{d(r, 2)}",
            f"01 {d(r, 2)} {d(r, 2)} {d(r, 2)} {d(r, 2)}",
        ],
        "it": [
            f"+39 3{d(r, 2)} {d(r, 3)} {d(r, 4)}",
            f"3{d(r, 2)}/{d(r, 7)}",
            f"02 {d(r, 4)} {d(r, 4)}",
        ],
        "uk": [
            f"+44 7{d(r, 3)} {d(r, 6)}",
            f"07{d(r, 3)} {d(r, 3)} {d(r, 3)}",
            f"020 7{d(r, 3)} {d(r, 4)}",
        ],
        "ie": [f"+353 8{r.choice('3567')} {d(r, 3)} {d(r, 4)}", f"08{r.choice('3567')}-{d(r, 7)}"],
        "us": [
            f"+1 {r.choice(['415', '212', '617', '312'])}-{2 + r.randrange(8)}{d(r, 2)}-{d(r, 4)}",
            f"({r.choice(['646', '503', '737'])}) {2 + r.randrange(8)}{d(r, 2)}-{d(r, 4)}",
        ],
    }
    return V("phone", r.choice(forms[loc]), PHONE)


STREETS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "de": (
        ("Lindenstraße", "Am Mühlbach", "Goethestr.", "Kastanienallee", "Hauptstraße"),
        ("50674 Köln", "80331 München", "10437 Berlin", "20249 Hamburg", "04109 Leipzig"),
    ),
    "at": (
        ("Mariahilfer Straße", "Herrengasse", "Linzer Gasse"),
        ("1060 Wien", "8010 Graz", "5020 Salzburg"),
    ),
    "ch": (
        ("Bahnhofstrasse", "Rue de Lausanne", "Seefeldstrasse"),
        ("8001 Zürich", "1201 Genève", "3011 Bern"),
    ),
    "es": (
        ("Calle de Alcalá", "Carrer de Mallorca", "Avenida de la Constitución", "Calle Mayor"),
        ("28009 Madrid", "08013 Barcelona", "41001 Sevilla", "48001 Bilbao"),
    ),
    "fr": (
        ("rue des Lilas", "avenue Jean Jaurès", "boulevard Voltaire", "impasse des Acacias"),
        ("69003 Lyon", "75011 Paris", "13006 Marseille", "31000 Toulouse"),
    ),
    "it": (
        ("Via Garibaldi", "Corso Vittorio Emanuele II", "Viale dei Mille", "Via Roma"),
        ("20121 Milano", "00185 Roma", "80134 Napoli", "10123 Torino"),
    ),
    "uk": (
        ("Harrow Road", "Mill Lane", "Victoria Crescent", "Station Road"),
        ("London W2 5AH", "Manchester M14 6LT", "Leeds LS6 2QB", "Bristol BS3 4EA"),
    ),
    "ie": (
        ("Main Street", "Ballyroan Road", "Griffith Avenue"),
        ("Dublin 9, D09 X2Y4", "Co. Cork, P31 KX29", "Galway, H91 E2K3"),
    ),
    "us": (
        ("Maple Ave", "W 43rd St", "Sunset Blvd", "Elm Street"),
        ("Springfield, IL 62704", "New York, NY 10036", "Austin, TX 78701", "Portland, OR 97209"),
    ),
}


def address(r: Random, loc: str, sep: str = ", ") -> V:
    """A street address; ``sep`` between street and town (a newline splits it)."""
    streets, towns = STREETS[loc]
    street, town, no = r.choice(streets), r.choice(towns), r.randint(1, 180)
    if loc in ("fr", "uk", "ie", "us"):
        line = f"{no} {street}" if loc != "fr" else f"{no}{r.choice(['', ' bis'])} {street}"
    elif loc == "es":
        line = f"{street} {no}, {r.randint(1, 8)}º {r.choice('ABCD')}"
    elif loc == "it":
        line = f"{street}, {no}"
    else:
        line = f"{street} {no}"
    return V("address", f"{line}{sep}{town}", ADDRESS)


def ipv4(r: Random) -> V:
    """A public client address."""
    first = r.choice([31, 37, 62, 79, 81, 84, 88, 93, 151, 176, 185, 212, 217])
    return V("ip", f"{first}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}", IP)


def ipv6(r: Random) -> V:
    """A public IPv6 client address."""
    groups = [r.choice(["2a02", "2001", "2a01", "2003"])] + [
        f"{r.getrandbits(16):x}" for _ in range(3)
    ]
    return V("ip", ":".join(groups) + "::" + f"{r.getrandbits(16):x}", IP)


CITIES_GEO: tuple[tuple[float, float], ...] = (
    (48.1372, 11.5756),
    (40.4168, -3.7038),
    (45.4642, 9.19),
    (48.8566, 2.3522),
    (51.5072, -0.1276),
    (53.3498, -6.2603),
    (47.3769, 8.5417),
    (41.3874, 2.1686),
    (43.2965, 5.3698),
    (52.52, 13.405),
    (40.8518, 14.2681),
    (37.3891, -5.9845),
)


def latlon(r: Random) -> tuple[float, float]:
    """A point near a city, to six decimals."""
    lat, lon = r.choice(CITIES_GEO)
    return round(lat + r.uniform(-0.05, 0.05), 6), round(lon + r.uniform(-0.05, 0.05), 6)


def dms(value: float, pos: str, neg: str) -> str:
    """Degrees, minutes and seconds."""
    a = abs(value)
    deg, minutes = int(a), (a - int(a)) * 60
    seconds = (minutes - int(minutes)) * 60
    return f"{deg}°{int(minutes):02d}'{seconds:04.1f}\"{pos if value >= 0 else neg}"


def geo_pair(r: Random) -> V:
    """A latitude/longitude pair in one of several notations."""
    lat, lon = latlon(r)
    text = r.choice(
        [
            f"{lat}, {lon}",
            f"{lat},{lon}",
            f"{dms(lat, 'N', 'S')} {dms(lon, 'E', 'W')}",
            f"{lat:.5f} {lon:.5f}",
        ]
    )
    return V("geo", text, GEO)
