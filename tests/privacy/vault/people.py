"""People: names from many backgrounds, and their e-mail addresses and phone numbers."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from random import Random

from .build import EMAIL, PERSON, PHONE, Val

_POOLS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "es": (
        (
            "Lucía",
            "Dolores",
            "Blanca",
            "Paz",
            "Anne-Kathrin",
            "Anne-Sophie",
            "Marie-Claire",
            "Maria Grazia",
            "Dolores",
            "Blanca",
            "Paz",
            "Javier",
            "Carmen",
            "Alejandro",
            "María José",
            "Íñigo",
            "Nerea",
            "Álvaro",
            "Rocío",
            "Sergio",
            "Pilar",
            "Jesús",
            "Mercedes",
            "Rosario",
            "Amparo",
            "Consuelo",
        ),
        (
            "García",
            "García López",
            "Fernández de la Vega",
            "Fernández",
            "Martínez",
            "López",
            "Sánchez",
            "Gómez",
            "Ruiz",
            "Jiménez",
            "Moreno",
            "Muñoz",
            "Álvarez",
            "Romero",
            "Navarro",
            "Torres",
            "Domínguez",
            "Vázquez",
            "Iglesias",
            "Castro",
            "Ortega",
            "Delgado",
            "Peña",
            "Ibáñez",
        ),
    ),
    "it": (
        (
            "Giulia",
            "Maria Grazia",
            "Pier Luigi",
            "Alessandro",
            "Francesca",
            "Lorenzo",
            "Chiara",
            "Matteo",
            "Federica",
            "Giuseppe",
            "Sofia",
            "Andrea",
            "Luca",
            "Beatrice",
            "Gianluca",
            "Ilaria",
            "Rosa",
            "Nicolò",
        ),
        (
            "Rossi",
            "Russo",
            "Ferrari",
            "Esposito",
            "Bianchi",
            "Romano",
            "Colombo",
            "Ricci",
            "Marino",
            "Greco",
            "Bruno",
            "Gallo",
            "Conti",
            "De Luca",
            "Mancini",
            "Costa",
            "Giordano",
            "Lombardi",
            "Moretti",
            "Barbieri",
            "D'Angelo",
            "Fontana",
        ),
    ),
    "de": (
        (
            "Lukas",
            "Hans-Peter",
            "Anne-Kathrin",
            "Anna",
            "Jürgen",
            "Sabine",
            "Maximilian",
            "Katharina",
            "Jörg",
            "Ute",
            "Felix",
            "Leonie",
            "Björn",
            "Heike",
            "Matthias",
            "Greta",
            "Klaus",
            "Hannelore",
            "Sören",
        ),
        (
            "Müller",
            "Schmidt",
            "Schneider",
            "Fischer",
            "Weber",
            "Meyer",
            "Wagner",
            "Becker",
            "Schulz",
            "Hoffmann",
            "Koch",
            "Bauer",
            "Richter",
            "Klein",
            "Wolf",
            "Schröder",
            "Neumann",
            "Schwarz",
            "Zimmermann",
            "Braun",
            "Krüger",
            "Hartmann",
            "Lange",
            "Vogel",
            "Jäger",
            "Fuchs",
            "Weiß",
            "Huber",
            "Gruber",
            "Brunner",
            "Steiner",
            "Keller",
        ),
    ),
    "fr": (
        (
            "Camille",
            "Jean-Luc",
            "Anne-Sophie",
            "Marie-Claire",
            "Théo",
            "Inès",
            "Mathéo",
            "Chloé",
            "Gaëlle",
            "Hugo",
            "Léa",
            "François",
            "Élodie",
            "Aurélien",
            "Océane",
            "Benoît",
            "Margaux",
            "Noé",
            "Solène",
        ),
        (
            "Martin",
            "Bernard",
            "Dubois",
            "Thomas",
            "Robert",
            "Richard",
            "Petit",
            "Durand",
            "Leroy",
            "Moreau",
            "Simon",
            "Laurent",
            "Lefèvre",
            "Michel",
            "David",
            "Bertrand",
            "Roux",
            "Fontaine",
            "Chevalier",
            "Lemoine",
            "Girard",
            "Faure",
            "Boucher",
        ),
    ),
    "en": (
        (
            "Oliver",
            "Amelia",
            "Harry",
            "Isla",
            "Jack",
            "Siobhán",
            "Aoife",
            "Ciarán",
            "Emily",
            "Ethan",
            "Madison",
            "Tyler",
            "Grace",
            "Rose",
            "Hunter",
            "Will",
            "Mark",
            "Hope",
            "Sunny",
            "Bill",
            "Dawn",
            "Faith",
        ),
        (
            "Smith",
            "Jones",
            "Taylor",
            "Brown",
            "Williams",
            "Wilson",
            "Johnson",
            "Davies",
            "Murphy",
            "O'Brien",
            "Kelly",
            "Walsh",
            "Byrne",
            "McCarthy",
            "Evans",
            "Roberts",
            "Baker",
            "Cook",
            "Young",
            "Fox",
            "King",
            "Bishop",
            "Hill",
            "Wood",
            "Stone",
            "Cooper",
            "Mason",
            "Little",
            "Church",
            "Rich",
        ),
    ),
    "tr": (
        ("Mehmet", "Ayşe", "Emre", "Zeynep", "Çağla", "Burak", "Elif", "Oğuz"),
        ("Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Aydın", "Arslan"),
    ),
    "ar": (
        ("Mohammed", "Fatima", "Youssef", "Amina", "Karim", "Leila", "Omar", "Nour", "Rachid"),
        ("El Amrani", "Benali", "Haddad", "Mansour", "Al-Sayed", "Bouzid", "Khalil", "Nasser"),
    ),
    "pl": (
        ("Łukasz", "Agnieszka", "Krzysztof", "Małgorzata", "Paweł", "Zofia"),
        ("Wójcik", "Kowalczyk", "Nowak", "Lewandowski", "Wiśniewska", "Zieliński"),
    ),
    "in": (
        ("Priya", "Arjun", "Ananya", "Rohan", "Deepika", "Vikram", "Sunita", "Rahul"),
        ("Sharma", "Patel", "Iyer", "Reddy", "Nair", "Gupta", "Krishnan", "Chatterjee"),
    ),
    "cn": (("Wei", "Li Na", "Jun", "Xiaoming", "Mei", "Hao"), ("Wang", "Zhang", "Liu", "Chen")),
    "vi": (("Thị Lan", "Minh", "Anh", "Quang Huy"), ("Nguyễn", "Trần", "Lê", "Phạm")),
    "ng": (
        ("Chinedu", "Ngozi", "Oluwaseun", "Adebayo", "Chiamaka", "Emeka"),
        ("Okafor", "Adeyemi", "Okonkwo", "Balogun", "Nwosu", "Eze"),
    ),
    "pt": (
        ("João", "Inês", "Gonçalo", "Beatriz", "Tiago", "Leonor"),
        ("Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Gonçalves"),
    ),
    "nl": (
        ("Daan", "Sanne", "Bram", "Femke", "Joris", "Lotte"),
        ("de Vries", "van den Berg", "Jansen", "Bakker", "Visser", "van Dijk"),
    ),
    "gr": (("Nikos", "Eleni", "Giorgos", "Dimitra"), ("Papadopoulos", "Georgiou", "Nikolaidis")),
    "ru": (("Natalia", "Dmitri", "Olga", "Sergei", "Yulia"), ("Ivanova", "Smirnov", "Popov")),
}

# (given, family, latin transliteration, family-first, female)
_SCRIPT: tuple[tuple[str, str, str, bool, bool], ...] = (
    ("Γιώργος", "Παπαδόπουλος", "giorgos.papadopoulos", False, False),
    ("Αικατερίνη", "Νικολάου", "katerina.nikolaou", False, True),
    ("Наталья", "Смирнова", "natalya.smirnova", False, True),
    ("Дмитрий", "Волков", "dmitry.volkov", False, False),
    ("Олена", "Шевченко", "olena.shevchenko", False, True),
    ("محمد", "الأحمد", "mohammed.alahmad", False, False),
    ("فاطمة", "الزهراء", "fatima.zahra", False, True),
    ("伟", "王", "wang.wei", True, False),
    ("娜", "李", "li.na", True, True),
    ("静", "陈", "chen.jing", True, True),
    ("太郎", "山田", "taro.yamada", True, False),
    ("花子", "佐藤", "hanako.sato", True, True),
    ("민준", "김", "minjun.kim", True, False),
    ("서연", "이", "seoyeon.lee", True, True),
    ("प्रिया", "शर्मा", "priya.sharma", False, True),
    ("नोआ", "कोहेन", "noa.kohen", False, True),
    ("נועה", "כהן", "noa.cohen", False, True),
    ("আরিফ", "হোসেন", "arif.hossain", False, False),
    ("ราตรี", "สุขใจ", "ratree.sukjai", False, True),
    ("Գայանե", "Պետրոսյան", "gayane.petrosyan", False, True),
)

LOCALES = tuple(_POOLS)

FEMALE = frozenset(
    [
        "Lucía",
        "Carmen",
        "Nerea",
        "Rocío",
        "Pilar",
        "Mercedes",
        "Rosario",
        "Amparo",
        "Consuelo",
        "Giulia",
        "Francesca",
        "Chiara",
        "Federica",
        "Sofia",
        "Beatrice",
        "Ilaria",
        "Rosa",
        "Anna",
        "Sabine",
        "Katharina",
        "Ute",
        "Leonie",
        "Heike",
        "Greta",
        "Hannelore",
        "Camille",
        "Inès",
        "Chloé",
        "Gaëlle",
        "Léa",
        "Élodie",
        "Océane",
        "Margaux",
        "Solène",
        "Amelia",
        "Isla",
        "Siobhán",
        "Aoife",
        "Emily",
        "Madison",
        "Grace",
        "Rose",
        "Hope",
        "Sunny",
        "Dawn",
        "Faith",
        "Ayşe",
        "Zeynep",
        "Çağla",
        "Elif",
        "Fatima",
        "Amina",
        "Leila",
        "Nour",
        "Agnieszka",
        "Małgorzata",
        "Zofia",
        "Priya",
        "Ananya",
        "Deepika",
        "Sunita",
        "Mei",
        "Anh",
        "Ngozi",
        "Chiamaka",
        "Beatriz",
        "Leonor",
        "Sanne",
        "Femke",
        "Lotte",
        "Eleni",
        "Dimitra",
        "Natalia",
        "Olga",
        "Yulia",
    ]
) | {"María José", "Li Na", "Thị Lan"}


_FOLD = str.maketrans({"ł": "l", "Ł": "L", "ß": "ss", "ø": "o", "ı": "i", "đ": "d", "Đ": "D"})


def fold(text: str) -> str:
    """ASCII letters of ``text`` (accents dropped, other marks removed), lower-case."""
    text = text.translate(_FOLD)
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in plain.lower() if c.isalnum())


@dataclass(frozen=True)
class Person:
    """A person and the ways text refers to them."""

    given: str
    family: str
    handle: str
    family_first: bool = False
    script: bool = False
    female: bool = False

    @property
    def full_text(self) -> str:
        if self.family_first:
            return f"{self.family}{self.given}"
        return f"{self.given} {self.family}"

    def full(self) -> Val:
        return Val("name", self.full_text, PERSON)

    def first(self) -> Val:
        if self.family_first:
            return self.full()
        return Val("first_name", self.given, PERSON)

    def last(self) -> Val:
        return Val("last_name", self.family, PERSON)

    def lower(self) -> Val:
        return Val("name_lower", self.given.lower(), PERSON)

    def lower_full(self) -> Val:
        return Val("name_lower", self.full_text.lower(), PERSON)

    def initial(self) -> Val:
        if self.script:
            return self.full()
        return Val("name_initial", f"{self.given[0]}. {self.family}", PERSON)

    def initials(self) -> Val:
        if self.script:
            return self.first()
        parts = (self.given.split()[0], *self.family.split())
        return Val("initials", "".join(p[0].upper() for p in parts if p[0].isalpha()), PERSON)

    def formal(self) -> Val:
        if self.script:
            return self.full()
        return Val("name_formal", f"{self.family}, {self.given}", PERSON)

    def caps(self) -> Val:
        """The full name in capitals, as banks and passports print it."""
        if self.script:
            return self.full()
        return Val("name_caps", f"{self.given} {self.family}".upper(), PERSON)

    def upper_family(self) -> Val:
        if self.script:
            return self.full()
        return Val("name_upper", f"{self.family.upper()} {self.given}", PERSON)


def person(r: Random, locale: str | None = None, female: bool | None = None) -> Person:
    """A person of ``locale`` (random when None; sometimes a name in a non-Latin script)."""
    if locale is None:
        if r.random() < 0.12:
            p = scripted(r)
            if female is None or p.female == female:
                return p
        locale = r.choice(LOCALES)
    givens, families = _POOLS[locale]
    if female is not None:
        givens = tuple(g for g in givens if (g in FEMALE) == female) or givens
    given, family = r.choice(givens), r.choice(families)
    return Person(given, family, f"{fold(given)}.{fold(family)}", female=given in FEMALE)


def cast(r: Random, *roles: tuple[str | None, bool | None]) -> list[Person]:
    """One person per ``(locale, female)`` role, with distinct given names."""
    out: list[Person] = []
    for locale, female in roles:
        p = person(r, locale, female)
        while any(p.given == q.given or p.full_text == q.full_text for q in out):
            p = person(r, locale, female)
        out.append(p)
    return out


def scripted(r: Random, handles: tuple[str, ...] = ()) -> Person:
    """A person whose name is written in a non-Latin script (one of ``handles`` if given)."""
    pool = [row for row in _SCRIPT if not handles or row[2] in handles]
    given, family, handle, family_first, female = r.choice(pool)
    return Person(given, family, handle, family_first, True, female)


def people(r: Random, n: int, locale: str | None = None) -> list[Person]:
    """``n`` people with distinct full names."""
    out: list[Person] = []
    while len(out) < n:
        p = person(r, locale if r.random() < 0.7 else None)
        if all(p.full_text != q.full_text and p.given != q.given for q in out):
            out.append(p)
    return out


_DOMAINS = {
    "de": ("gmx.de", "web.de", "t-online.de", "posteo.de", "gmail.com"),
    "es": ("gmail.com", "hotmail.es", "yahoo.es", "telefonica.net"),
    "fr": ("orange.fr", "free.fr", "laposte.net", "gmail.com", "sfr.fr"),
    "it": ("libero.it", "gmail.com", "virgilio.it", "alice.it", "tiscali.it"),
    "en": ("gmail.com", "outlook.com", "yahoo.co.uk", "icloud.com", "eircom.net"),
}


def email(r: Random, p: Person, locale: str = "en", work: str | None = None) -> Val:
    """An e-mail address derived from ``p``'s name."""
    first, _, last = p.handle.partition(".")
    if work:
        local = r.choice((f"{first}.{last}", f"{first[0]}{last}", f"{first}"))
        return Val("email", f"{local}@{work}", EMAIL)
    domain = r.choice((*_DOMAINS.get(locale, _DOMAINS["en"]), "protonmail.com"))
    local = r.choice(
        (
            f"{first}.{last}",
            f"{first}{last}{r.randint(1, 99)}",
            f"{first[0]}.{last}",
            f"{last}.{first}{r.randint(60, 99)}",
            f"{first}_{last}",
        )
    )
    return Val("email", f"{local}@{domain}", EMAIL)


def _digits(r: Random, n: int) -> str:
    return "".join(str(r.randint(0, 9)) for _ in range(n))


def phone(r: Random, locale: str) -> Val:
    """A phone number written the way ``locale`` writes it."""
    d = _digits
    forms: dict[str, tuple[str, ...]] = {
        "de": (
            f"+49 {r.choice(('151', '160', '171', '176'))} {d(r, 8)}",
            f"0{r.choice(('30', '89', '40', '221'))} {d(r, 3)} {d(r, 4)}",
            f"+49 (0){r.choice(('69', '711'))} {d(r, 2)} {d(r, 2)} {d(r, 2)} {d(r, 2)}",
            f"0176/{d(r, 8)}",
        ),
        "at": (f"+43 664 {d(r, 7)}", f"0660 {d(r, 3)} {d(r, 4)}"),
        "ch": (f"+41 79 {d(r, 3)} {d(r, 2)} {d(r, 2)}", f"044 {d(r, 3)} {d(r, 2)} {d(r, 2)}"),
        "es": (
            f"+34 6{d(r, 2)} {d(r, 3)} {d(r, 3)}",
            f"6{d(r, 2)} {d(r, 2)} {d(r, 2)} {d(r, 2)}",
            f"91 {d(r, 3)} {d(r, 2)} {d(r, 2)}",
            f"+34 7{d(r, 8)}",
        ),
        "fr": (
            f"06 {d(r, 2)} {d(r, 2)} {d(r, 2)} {d(r, 2)}",
            f"+33 7 {d(r, 2)} {d(r, 2)} {d(r, 2)} {d(r, 2)}",
            f"01.{d(r, 2)}.{d(r, 2)}.{d(r, 2)}.{d(r, 2)}",
        ),
        "it": (
            f"+39 3{d(r, 2)} {d(r, 3)} {d(r, 4)}",
            f"3{d(r, 2)} {d(r, 7)}",
            f"06 {d(r, 4)} {d(r, 4)}",
            f"+39 02-{d(r, 8)}",
        ),
        "en": (
            f"07{d(r, 3)} {d(r, 6)}",
            f"+44 7{d(r, 3)} {d(r, 6)}",
            f"+44 (0)20 {d(r, 4)} {d(r, 4)}",
        ),
        "ie": (f"+353 8{r.choice('3567')} {d(r, 3)} {d(r, 4)}", f"08{r.choice('567')}-{d(r, 7)}"),
        "pt": (f"+351 9{d(r, 2)} {d(r, 3)} {d(r, 3)}", f"9{d(r, 2)} {d(r, 3)} {d(r, 3)}"),
        "us": (
            f"({r.randint(201, 989)}) {r.randint(201, 989)}-{d(r, 4)}",
            f"+1 {r.randint(201, 989)}-{r.randint(201, 989)}-{d(r, 4)}",
            f"{r.randint(201, 989)}.{r.randint(201, 989)}.{d(r, 4)}",
        ),
    }
    return Val("phone", r.choice(forms[locale]), PHONE)


def email_spoken(r: Random, p: Person, locale: str = "en") -> Val:
    """An e-mail address written out to dodge scrapers ("name at domain dot com")."""
    first, _, last = p.handle.partition(".")
    domain, _, tld = r.choice(_DOMAINS.get(locale, _DOMAINS["en"])).partition(".")
    at, dot = r.choice(
        (
            ("at", "dot"),
            ("[at]", "[dot]"),
            ("(at)", "(dot)"),
            ("arroba", "punto"),
            ("chiocciola", "punto"),
        )
    )
    return Val("email", f"{first}.{last} {at} {domain} {dot} {tld}", EMAIL)
