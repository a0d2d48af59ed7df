"""Synthetic, well-formed values for the kiln corpus (standard library only)."""

from __future__ import annotations

import datetime as dt
import string
import unicodedata
from random import Random

# ---------------------------------------------------------------- names
NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    # locale: (female given, male given, family)
    "de": (
        ("Sabine", "Katrin", "Ursula", "Jana", "Heike", "Svenja", "Birgit", "Annegret", "Mareike"),
        ("Jürgen", "Tobias", "Dirk", "Holger", "Matthias", "Lukas", "Reinhard", "Torsten"),
        (
            "Brückner",
            "Hoffmeister",
            "Kaltenbach",
            "Wendland",
            "Scholz",
            "Petersen",
            "Großmann",
            "Eichhorn",
            "Lindqvist-Maier",
            "Ziegler",
            "Oberländer",
            "Falkenrath",
        ),
    ),
    "at": (
        ("Theresia", "Verena", "Johanna", "Elisabeth"),
        ("Florian", "Alois", "Johann", "Raphael"),
        ("Huber", "Gruber", "Pichlmayr", "Wallner", "Steinbichler", "Moosbrugger"),
    ),
    "fr": (
        ("Élodie", "Nathalie", "Maëlle", "Sandrine", "Camille", "Brigitte", "Océane"),
        ("Thierry", "Grégoire", "Mathieu", "Loïc", "Benoît", "Yannick"),
        (
            "Lefebvre",
            "Garnier",
            "Rousseau",
            "Chevalier",
            "Moreau-Lacombe",
            "Perrin",
            "Boucher",
            "Fontaine",
            "Mercier",
        ),
    ),
    "es": (
        ("Lucía", "Marisol", "Inmaculada", "Begoña", "Rocío", "Nerea"),
        ("Javier", "Íñigo", "Alejandro", "Rubén", "Sergio", "Joaquín"),
        (
            "García Ortega",
            "Martínez Ruiz",
            "Fernández",
            "Sánchez Villa",
            "Etxeberria",
            "Navarro",
            "Domínguez",
        ),
    ),
    "it": (
        ("Giulia", "Francesca", "Chiara", "Antonella", "Rosaria"),
        ("Alessandro", "Davide", "Salvatore", "Matteo", "Gianluca"),
        ("Esposito", "Bianchi", "Colombo", "Ferraro", "De Luca", "Marchetti", "Santoro"),
    ),
    "nl": (
        ("Annelies", "Femke", "Marieke", "Sanne", "Ingrid"),
        ("Joost", "Maarten", "Pieter", "Ruud", "Sjoerd"),
        ("de Vries", "Jansen", "van der Berg", "Bakker", "Visser", "Smit", "van Dijk"),
    ),
    "pl": (
        ("Agnieszka", "Małgorzata", "Katarzyna", "Joanna", "Zofia"),
        ("Krzysztof", "Tomasz", "Paweł", "Grzegorz", "Łukasz"),
        ("Kowalczyk", "Wiśniewski", "Zielińska", "Lewandowski", "Wójcik", "Kamińska"),
    ),
    "pt": (
        ("Inês", "Joana", "Mariana", "Beatriz", "Conceição"),
        ("João", "Tiago", "Rui", "Gonçalo", "Duarte"),
        ("Ferreira", "Gonçalves", "Rodrigues", "Carvalho", "Sousa", "Pereira da Silva"),
    ),
    "br": (
        ("Fernanda", "Juliana", "Adriana", "Patrícia"),
        ("Rodrigo", "Marcelo", "Thiago", "Leandro"),
        ("Oliveira", "Santos", "Almeida", "Nascimento", "Barbosa", "Cavalcanti"),
    ),
    "sv": (
        ("Ingrid", "Maja", "Elin", "Karin", "Astrid"),
        ("Anders", "Mikael", "Björn", "Olof", "Henrik"),
        ("Lindqvist", "Bergström", "Johansson", "Nyström", "Sjöberg", "Ekdahl"),
    ),
    "tr": (
        ("Ayşe", "Elif", "Zeynep", "Gülşen", "Merve"),
        ("Mehmet", "Emre", "Mustafa", "Burak", "Oğuz"),
        ("Yılmaz", "Öztürk", "Demir", "Çelik", "Aydın", "Kaya"),
    ),
    "en": (
        ("Rebecca", "Siobhan", "Harriet", "Megan", "Louise", "Priya"),
        ("Gareth", "Callum", "Oliver", "Rhys", "Declan", "Nathan"),
        ("Whitfield", "Okonkwo", "Pritchard", "McAllister", "Hargreaves", "Ashworth", "Patel"),
    ),
    "us": (
        ("Jennifer", "Tamika", "Kristen", "Ashley", "Maria"),
        ("Tyler", "DeShawn", "Kevin", "Brandon", "Luis"),
        ("Kowalski", "Washington", "Hernandez", "Sullivan", "Nguyen", "Brennan"),
    ),
}
# names written in other scripts, with a latin transliteration
SCRIPT_NAMES: dict[str, tuple[tuple[str, str], ...]] = {
    "ru": (
        ("Ольга Смирнова", "Olga Smirnova"),
        ("Дмитрий Волков", "Dmitri Volkov"),
        ("Наталья Кузнецова", "Natalja Kusnezowa"),
        ("Игорь Соколов", "Igor Sokolow"),
    ),
    "uk": (
        ("Оксана Шевчук", "Oksana Shevchuk"),
        ("Тарас Бондаренко", "Taras Bondarenko"),
        ("Ірина Ковальчук", "Iryna Kovalchuk"),
    ),
    "el": (("Ελένη Παπαδοπούλου", "Eleni Papadopoulou"), ("Γιώργος Νικολάου", "Giorgos Nikolaou")),
    "ar": (
        ("فاطمة الزهراء حداد", "Fatima Haddad"),
        ("محمد الخطيب", "Mohammed Al-Khatib"),
        ("ليلى منصور", "Leila Mansour"),
    ),
    "zh": (("王秀英", "Wang Xiuying"), ("李建国", "Li Jianguo"), ("陈美玲", "Chen Meiling")),
    "ja": (("佐藤 美咲", "Sato Misaki"), ("高橋 健太", "Takahashi Kenta")),
}

_TRANS = str.maketrans(
    {
        "ä": "ae",
        "ö": "oe",
        "ü": "ue",
        "ß": "ss",
        "ł": "l",
        "Ł": "L",
        "ı": "i",
        "İ": "I",
        "ø": "o",
        "å": "a",
        "ş": "s",
        "ğ": "g",
    }
)


def ascii_fold(s: str) -> str:
    s = s.translate(_TRANS)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c) and ord(c) < 128)


class Person:
    def __init__(self, rng: Random, loc: str, sex: str | None = None) -> None:
        fem, mal, fam = NAMES[loc]
        self.sex = sex or rng.choice("fm")
        self.loc = loc
        self.given = rng.choice(fem if self.sex == "f" else mal)
        self.family = rng.choice(fam)
        if loc == "pl" and self.sex == "f" and self.family.endswith(("ski", "cki")):
            self.family = self.family[:-1] + "a"
        if loc == "pl" and self.sex == "m" and self.family.endswith(("ska", "cka")):
            self.family = self.family[:-1] + "i"
        self.full = f"{self.given} {self.family}"
        self.dob = birthdate(rng)

    def email(self, rng: Random, domains: tuple[str, ...] = ()) -> str:
        g = ascii_fold(self.given).lower()
        f = ascii_fold(self.family).lower().replace(" ", "")
        dom = rng.choice(domains or MAIL_DOMAINS.get(self.loc, MAIL_DOMAINS["en"]))
        pat = rng.randrange(5)
        local = [
            f"{g}.{f}",
            f"{g[0]}.{f}",
            f"{g}{f}{rng.randrange(10, 99)}",
            f"{f}.{g}",
            f"{g}_{f[:4]}",
        ][pat]
        return f"{local}@{dom}"


MAIL_DOMAINS = {
    "de": ("web.de", "gmx.de", "t-online.de", "posteo.de", "gmail.com"),
    "at": ("gmx.at", "aon.at", "chello.at"),
    "fr": ("orange.fr", "free.fr", "laposte.net", "gmail.com", "sfr.fr"),
    "es": ("gmail.com", "hotmail.es", "telefonica.net", "yahoo.es"),
    "it": ("libero.it", "alice.it", "gmail.com", "virgilio.it"),
    "nl": ("ziggo.nl", "kpnmail.nl", "hotmail.com", "gmail.com"),
    "pl": ("wp.pl", "o2.pl", "interia.pl", "gmail.com", "onet.pl"),
    "pt": ("sapo.pt", "gmail.com", "hotmail.com"),
    "br": ("uol.com.br", "gmail.com", "bol.com.br", "terra.com.br"),
    "sv": ("telia.com", "gmail.com", "hotmail.se", "bredband.net"),
    "tr": ("gmail.com", "hotmail.com", "yandex.com.tr"),
    "en": ("btinternet.com", "gmail.com", "outlook.com", "sky.com"),
    "us": ("gmail.com", "yahoo.com", "comcast.net", "outlook.com"),
}


def birthdate(rng: Random, lo: int = 1938, hi: int = 2006) -> dt.date:
    start = dt.date(lo, 1, 1).toordinal()
    return dt.date.fromordinal(rng.randrange(start, dt.date(hi, 12, 28).toordinal()))


MONTHS = {
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
    "nl": (
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ),
    "pt": (
        "janeiro",
        "fevereiro",
        "março",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ),
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
}


def fmt_date(d: dt.date, style: str) -> str:
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
    lang = style
    m = MONTHS[lang][d.month - 1]
    if lang == "de":
        return f"{d.day}. {m} {d.year}"
    if lang in ("es", "pt"):
        return f"{d.day} de {m} de {d.year}"
    if lang == "en":
        return f"{d.day} {m} {d.year}"
    return f"{d.day} {m} {d.year}"


def parse_date(s: str) -> dt.date:
    """Inverse of :func:`fmt_date` (tries every style)."""
    import re

    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s)
    if m:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    m = re.fullmatch(r"(\d{2})[./-](\d{2})[./-](\d{4})", s)
    if m:
        return dt.date(int(m[3]), int(m[2]), int(m[1]))
    m = re.fullmatch(r"(\d{2})/(\d{2})/(\d{4})US", s)
    if m:
        return dt.date(int(m[3]), int(m[1]), int(m[2]))
    words = s.replace(" de ", " ").replace(".", "").split()
    day, mon, year = int(words[0]), words[1], int(words[2])
    for names in MONTHS.values():
        if mon in names:
            return dt.date(year, names.index(mon) + 1, day)
    raise ValueError(s)


# ---------------------------------------------------------------- phones
def phone(rng: Random, loc: str) -> str:
    d = lambda n: "".join(str(rng.randrange(10)) for _ in range(n))  # noqa: E731
    v = rng.randrange(3)
    if loc in ("de",):
        return [
            f"0{rng.choice(['151', '160', '171', '176'])} {d(7)}",
            f"+49 {rng.choice(['30', '89', '221', '40'])} {d(7)}",
            f"0{rng.choice(['511', '631', '711'])}/{d(6)}",
        ][v]
    if loc == "at":
        return [f"+43 664 {d(7)}", f"0660 {d(3)} {d(4)}", f"01/{d(3)} {d(2)} {d(2)}"][v]
    if loc == "fr":
        a = rng.choice("67")
        return [
            f"0{a} {d(2)} {d(2)} {d(2)} {d(2)}",
            f"+33 {a} {d(2)} {d(2)} {d(2)} {d(2)}",
            f"0{a}.{d(2)}.{d(2)}.{d(2)}.{d(2)}",
        ][v]
    if loc == "es":
        a = rng.choice("67")
        return [
            f"{a}{d(2)} {d(3)} {d(3)}",
            f"+34 {a}{d(2)} {d(2)} {d(2)} {d(2)}",
            f"9{d(2)} {d(3)} {d(3)}",
        ][v]
    if loc == "it":
        return [f"+39 3{d(2)} {d(3)} {d(4)}", f"3{d(2)} {d(7)}", f"02 {d(4)} {d(4)}"][v]
    if loc == "nl":
        return [f"06-{d(8)}", f"+31 6 {d(8)}", f"030 {d(3)} {d(4)}"][v]
    if loc == "pl":
        return [f"+48 5{d(2)} {d(3)} {d(3)}", f"6{d(2)}-{d(3)}-{d(3)}", f"22 {d(3)} {d(2)} {d(2)}"][
            v
        ]
    if loc == "pt":
        return [f"91{d(1)} {d(3)} {d(3)}", f"+351 93{d(1)} {d(3)} {d(3)}", f"22 {d(3)} {d(4)}"][v]
    if loc == "br":
        return [f"11 9{d(4)}-{d(4)}", f"+55 21 9{d(4)}-{d(4)}", f"31 3{d(3)}-{d(4)}"][v]
    if loc == "sv":
        return [
            f"070-{d(3)} {d(2)} {d(2)}",
            f"+46 73 {d(3)} {d(2)} {d(2)}",
            f"08-{d(3)} {d(3)} {d(2)}",
        ][v]
    if loc == "tr":
        return [
            f"0532 {d(3)} {d(2)} {d(2)}",
            f"+90 542 {d(3)} {d(4)}",
            f"0(216) {d(3)} {d(2)} {d(2)}",
        ][v]
    if loc == "en":
        return [f"07{d(3)} {d(6)}", f"+44 7{d(3)} {d(6)}", f"0113 {d(3)} {d(4)}"][v]
    return [
        f"{rng.randrange(201, 989)}.{rng.randrange(201, 999)}.{d(4)}",
        f"{rng.randrange(201, 989)}-{rng.randrange(201, 999)}-{d(4)}",
        f"+1 {rng.randrange(201, 989)} {rng.randrange(201, 999)} {d(4)}",
    ][v]


# ---------------------------------------------------------------- addresses
STREETS = {
    "de": (
        "Lindenstraße",
        "Am Mühlbach",
        "Kastanienweg",
        "Goethestraße",
        "Birkenallee",
        "Talstraße",
    ),
    "at": ("Hauptstraße", "Gartengasse", "Mariahilfer Straße", "Kirchenweg"),
    "fr": (
        "rue des Lilas",
        "avenue Jean Jaurès",
        "impasse du Moulin",
        "rue Victor Hugo",
        "allée des Tilleuls",
    ),
    "es": ("Calle Mayor", "Avenida de la Constitución", "Calle del Olivo", "Plaza de España"),
    "it": ("Via Garibaldi", "Via Roma", "Viale dei Mille", "Corso Vittorio Emanuele"),
    "nl": ("Kerkstraat", "Molenweg", "Prinsengracht", "Dorpsstraat"),
    "pl": ("ul. Długa", "ul. Kwiatowa", "ul. Mickiewicza", "al. Jana Pawła II"),
    "pt": ("Rua das Flores", "Avenida da Liberdade", "Travessa do Carmo"),
    "br": ("Rua Augusta", "Avenida Paulista", "Rua das Laranjeiras"),
    "sv": ("Storgatan", "Björkvägen", "Drottninggatan", "Kyrkogatan"),
    "tr": ("Atatürk Cad.", "Bağdat Cad.", "Gül Sok."),
    "en": ("Mill Lane", "Victoria Road", "Church Street", "Beech Grove"),
    "us": ("Maple Ave", "Oak Street", "W 3rd St", "Cedar Ln"),
}
CITIES = {
    "de": (
        ("10115", "Berlin"),
        ("50667", "Köln"),
        ("80331", "München"),
        ("30159", "Hannover"),
        ("67655", "Kaiserslautern"),
    ),
    "at": (("1040", "Wien"), ("8010", "Graz"), ("5020", "Salzburg")),
    "fr": (("69003", "Lyon"), ("13005", "Marseille"), ("31000", "Toulouse"), ("44000", "Nantes")),
    "es": (("28013", "Madrid"), ("41001", "Sevilla"), ("46002", "Valencia"), ("48001", "Bilbao")),
    "it": (("20121", "Milano"), ("80133", "Napoli"), ("40121", "Bologna")),
    "nl": (("3511 LX", "Utrecht"), ("1015 CJ", "Amsterdam"), ("9711 HV", "Groningen")),
    "pl": (("00-238", "Warszawa"), ("31-042", "Kraków"), ("80-831", "Gdańsk")),
    "pt": (("4050-262", "Porto"), ("1250-096", "Lisboa"), ("3000-214", "Coimbra")),
    "br": (("01304-001", "São Paulo - SP"), ("22240-000", "Rio de Janeiro - RJ")),
    "sv": (("111 23", "Stockholm"), ("411 06", "Göteborg"), ("753 20", "Uppsala")),
    "tr": (("34710", "Kadıköy/İstanbul"), ("06420", "Çankaya/Ankara")),
    "en": (("LS6 2AB", "Leeds"), ("M14 5RT", "Manchester"), ("BS7 8DJ", "Bristol")),
    "us": (("IL 62704", "Springfield"), ("OH 43215", "Columbus"), ("TX 78704", "Austin")),
}


def street_line(rng: Random, loc: str) -> str:
    s = rng.choice(STREETS[loc])
    n = rng.randrange(1, 140)
    if loc in ("fr", "en", "us"):
        return f"{n} {s}"
    if loc == "es":
        return f"{s} {n}, {rng.randrange(1, 8)}º {rng.choice('ABCD')}"
    if loc == "pl":
        return f"{s} {n}/{rng.randrange(1, 40)}"
    if loc == "at":
        return f"{s} {n}/{rng.randrange(1, 9)}/{rng.randrange(1, 20)}"
    if loc == "pt":
        return f"{s} {n}, {rng.randrange(1, 6)}º Esq."
    if loc == "br":
        return f"{s}, {n * 7}, apto {rng.randrange(11, 99)}"
    if loc == "tr":
        return f"{s} No: {n} D: {rng.randrange(1, 20)}"
    return f"{s} {n}{rng.choice(['', '', 'a', 'b'])}"


def city_line(rng: Random, loc: str) -> str:
    pc, city = rng.choice(CITIES[loc])
    if loc == "en":
        return f"{city} {pc}"
    if loc == "us":
        return f"{city}, {pc}"
    return f"{pc} {city}"


def address(rng: Random, loc: str, sep: str = ", ") -> str:
    return f"{street_line(rng, loc)}{sep}{city_line(rng, loc)}"


# ---------------------------------------------------------------- check-digit schemes
def luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        n = int(ch)
        if i % 2 == 0:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return str((10 - total % 10) % 10)


def luhn_ok(num: str) -> bool:
    ds = [c for c in num if c.isdigit()]
    return len(ds) > 1 and luhn_digit("".join(ds[:-1])) == ds[-1]


def card(rng: Random, sep: str = " ") -> str:
    body = rng.choice(["4", "51", "52", "53", "54", "55"])
    while len(body) < 15:
        body += str(rng.randrange(10))
    num = body + luhn_digit(body)
    return sep.join(num[i : i + 4] for i in range(0, 16, 4))


IBAN_SPEC = {  # country: bban pattern (n digit, a upper letter)
    "DE": "n" * 18,
    "AT": "n" * 16,
    "FR": "n" * 23,
    "ES": "n" * 20,
    "IT": "a" + "n" * 22,
    "NL": "aaaa" + "n" * 10,
    "BE": "n" * 12,
    "PL": "n" * 24,
    "PT": "n" * 21,
    "SE": "n" * 20,
    "GB": "aaaa" + "n" * 14,
    "TR": "n" * 22,
    "CH": "n" * 17,
}


def _iban_num(s: str) -> int:
    return int("".join(str(int(c, 36)) for c in s))


def iban(rng: Random, cc: str, grouped: bool = True) -> str:
    bban = "".join(
        rng.choice(string.ascii_uppercase) if p == "a" else str(rng.randrange(10))
        for p in IBAN_SPEC[cc]
    )
    if cc == "TR":
        bban = bban[:5] + "0" + bban[6:]
    check = 98 - _iban_num(bban + cc + "00") % 97
    s = f"{cc}{check:02d}{bban}"
    return " ".join(s[i : i + 4] for i in range(0, len(s), 4)) if grouped else s


def iban_ok(s: str) -> bool:
    s = "".join(s.split()).upper()
    return len(s) == 4 + len(IBAN_SPEC.get(s[:2], "x" * 99)) and _iban_num(s[4:] + s[:4]) % 97 == 1


def _digits(rng: Random, n: int, first_nonzero: bool = True) -> str:
    out = str(rng.randrange(1, 10)) if first_nonzero else str(rng.randrange(10))
    return out + "".join(str(rng.randrange(10)) for _ in range(n - 1))


def de_taxid(rng: Random) -> str:
    body = _digits(rng, 10)
    return body + _de_taxid_check(body)


def _de_taxid_check(body: str) -> str:
    product = 10
    for ch in body:
        s = (int(ch) + product) % 10 or 10
        product = (s * 2) % 11
    c = 11 - product
    return "0" if c == 10 else str(c)


def de_taxid_ok(s: str) -> bool:
    d = s.replace(" ", "")
    return len(d) == 11 and d.isdigit() and _de_taxid_check(d[:10]) == d[10]


def de_kvnr(rng: Random) -> str:
    letter = rng.choice(string.ascii_uppercase)
    body = _digits(rng, 8, False)
    return letter + body + _kvnr_check(letter, body)


def _kvnr_check(letter: str, body: str) -> str:
    digits = f"{ord(letter) - 64:02d}" + body
    total = 0
    for i, ch in enumerate(digits):
        p = int(ch) * (1 if i % 2 == 0 else 2)
        total += p // 10 + p % 10
    return str(total % 10)


def de_kvnr_ok(s: str) -> bool:
    return len(s) == 10 and s[0].isalpha() and s[1:].isdigit() and _kvnr_check(s[0], s[1:9]) == s[9]


def fr_nir(rng: Random, sex: str, d: dt.date) -> str:
    dept = rng.choice(["75", "69", "13", "31", "44", "59", "33"])
    body = (
        f"{1 if sex == 'm' else 2}{d.year % 100:02d}{d.month:02d}{dept}"
        f"{rng.randrange(1, 999):03d}{rng.randrange(1, 999):03d}"
    )
    key = 97 - int(body) % 97
    return f"{body[0]} {body[1:3]} {body[3:5]} {body[5:7]} {body[7:10]} {body[10:13]} {key:02d}"


def fr_nir_ok(s: str) -> bool:
    d = s.replace(" ", "")
    return len(d) == 15 and d.isdigit() and 97 - int(d[:13]) % 97 == int(d[13:])


_DNI = "TRWAGMYFPDXBNJZSQVHLCKE"


def es_dni(rng: Random) -> str:
    n = rng.randrange(10_000_000, 99_999_999)
    return f"{n:08d}{_DNI[n % 23]}"


def es_nie(rng: Random) -> str:
    p = rng.choice("XYZ")
    n = rng.randrange(1_000_000, 9_999_999)
    return f"{p}{n:07d}{_DNI[int(str('XYZ'.index(p)) + f'{n:07d}') % 23]}"


def es_dni_ok(s: str) -> bool:
    s = s.replace("-", "").replace(" ", "")
    if s[0] in "XYZ":
        s = str("XYZ".index(s[0])) + s[1:]
    return len(s) == 9 and s[:8].isdigit() and _DNI[int(s[:8]) % 23] == s[8]


def nl_bsn(rng: Random) -> str:
    while True:
        d = _digits(rng, 8)
        s = sum(int(c) * w for c, w in zip(d, range(9, 1, -1), strict=True)) % 11
        if s < 10:
            return d + str(s)


def nl_bsn_ok(s: str) -> bool:
    d = s.replace(".", "").replace(" ", "")
    if len(d) != 9 or not d.isdigit():
        return False
    return (
        sum(int(c) * w for c, w in zip(d[:8], range(9, 1, -1), strict=True)) - int(d[8])
    ) % 11 == 0


def pl_pesel(rng: Random, sex: str, d: dt.date) -> str:
    mon = d.month + (20 if d.year >= 2000 else 0)
    serial = f"{rng.randrange(100, 999)}"
    g = rng.choice("13579" if sex == "m" else "02468")
    body = f"{d.year % 100:02d}{mon:02d}{d.day:02d}{serial}{g}"
    w = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)
    return body + str((10 - sum(int(c) * x for c, x in zip(body, w, strict=True)) % 10) % 10)


def pl_pesel_ok(s: str) -> bool:
    w = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)
    return (
        len(s) == 11
        and s.isdigit()
        and (10 - sum(int(c) * x for c, x in zip(s, w, strict=False)) % 10) % 10 == int(s[10])
    )


def se_pnr(rng: Random, d: dt.date) -> str:
    body = f"{d.year % 100:02d}{d.month:02d}{d.day:02d}{rng.randrange(100, 999)}"
    sep = "+" if d.year < 1926 else "-"
    return f"{body[:6]}{sep}{body[6:]}{luhn_digit(body)}"


def se_pnr_ok(s: str) -> bool:
    d = s.replace("-", "").replace("+", "")
    return len(d) == 10 and d.isdigit() and luhn_digit(d[:9]) == d[9]


def uk_nhs(rng: Random) -> str:
    while True:
        d = _digits(rng, 9, False)
        c = 11 - sum(int(x) * w for x, w in zip(d, range(10, 1, -1), strict=True)) % 11
        if c == 11:
            c = 0
        if c != 10:
            n = d + str(c)
            return f"{n[:3]} {n[3:6]} {n[6:]}"


def uk_nhs_ok(s: str) -> bool:
    d = s.replace(" ", "").replace("-", "")
    if len(d) != 10 or not d.isdigit():
        return False
    c = 11 - sum(int(x) * w for x, w in zip(d[:9], range(10, 1, -1), strict=True)) % 11
    return (0 if c == 11 else c) == int(d[9])


def uk_nino(rng: Random) -> str:
    a = rng.choice("ABCEGHJKLMNPRSTWXYZ")
    b = rng.choice("ABCEGHJKLMNPRSTWXYZ")
    if a + b in ("GB", "NK", "TN", "ZZ", "BG", "KN", "NT"):
        a, b = "A", "B"
    d = _digits(rng, 6, False)
    return f"{a}{b} {d[:2]} {d[2:4]} {d[4:]} {rng.choice('ABCD')}"


def br_cpf(rng: Random) -> str:
    d = [rng.randrange(10) for _ in range(9)]
    for n in (10, 11):
        s = sum(x * w for x, w in zip(d, range(n, 1, -1), strict=False))
        r = (s * 10) % 11
        d.append(0 if r == 10 else r)
    s = "".join(map(str, d))
    return f"{s[:3]}.{s[3:6]}.{s[6:9]}-{s[9:]}"


def br_cpf_ok(s: str) -> bool:
    d = [int(c) for c in s if c.isdigit()]
    if len(d) != 11:
        return False
    for n, pos in ((10, 9), (11, 10)):
        r = (sum(x * w for x, w in zip(d[:pos], range(n, 1, -1), strict=True)) * 10) % 11
        if (0 if r == 10 else r) != d[pos]:
            return False
    return True


def tr_tckn(rng: Random) -> str:
    d = [rng.randrange(1, 10)] + [rng.randrange(10) for _ in range(8)]
    d.append(((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10)
    d.append(sum(d) % 10)
    return "".join(map(str, d))


def tr_tckn_ok(s: str) -> bool:
    if len(s) != 11 or not s.isdigit() or s[0] == "0":
        return False
    d = [int(c) for c in s]
    return (
        d[9] == ((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10
        and d[10] == sum(d[:10]) % 10
    )


def pt_nif(rng: Random) -> str:
    d = rng.choice("123") + _digits(rng, 7, False)
    c = 11 - sum(int(x) * w for x, w in zip(d, range(9, 1, -1), strict=True)) % 11
    return d + str(0 if c >= 10 else c)


def pt_nif_ok(s: str) -> bool:
    d = s.replace(" ", "")
    if len(d) != 9 or not d.isdigit():
        return False
    c = 11 - sum(int(x) * w for x, w in zip(d[:8], range(9, 1, -1), strict=True)) % 11
    return (0 if c >= 10 else c) == int(d[8])


def at_svnr(rng: Random, d: dt.date) -> str:
    w = (3, 7, 9, 0, 5, 8, 4, 2, 1, 6)
    while True:
        serial = f"{rng.randrange(100, 999)}"
        n = f"{serial}0{d.day:02d}{d.month:02d}{d.year % 100:02d}"
        c = sum(int(x) * y for x, y in zip(n, w, strict=True)) % 11
        if c < 10:
            return f"{serial}{c} {n[4:]}"


def at_svnr_ok(s: str) -> bool:
    d = s.replace(" ", "")
    w = (3, 7, 9, 0, 5, 8, 4, 2, 1, 6)
    return (
        len(d) == 10
        and d.isdigit()
        and sum(int(x) * y for x, y in zip(d, w, strict=True)) % 11 == int(d[3])
    )


def be_nrn(rng: Random, d: dt.date, sex: str) -> str:
    serial = rng.randrange(1, 997)
    if serial % 2 != (1 if sex == "m" else 0):
        serial += 1
    base = f"{d.year % 100:02d}{d.month:02d}{d.day:02d}{serial:03d}"
    n = int(("2" if d.year >= 2000 else "") + base)
    c = 97 - n % 97
    return f"{base[:2]}.{base[2:4]}.{base[4:6]}-{base[6:9]}.{c:02d}"


def be_nrn_ok(s: str) -> bool:
    d = "".join(c for c in s if c.isdigit())
    if len(d) != 11:
        return False
    c = int(d[9:])
    return 97 - int(d[:9]) % 97 == c or 97 - int("2" + d[:9]) % 97 == c


_ODD = {
    **dict(zip("0123456789", (1, 0, 5, 7, 9, 13, 15, 17, 19, 21), strict=True)),
    **dict(
        zip(
            string.ascii_uppercase,
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
    ),
}


def _it_cf_check(s15: str) -> str:
    t = 0
    for i, ch in enumerate(s15):
        if i % 2 == 0:
            t += _ODD[ch]
        else:
            t += int(ch) if ch.isdigit() else ord(ch) - 65
    return chr(65 + t % 26)


def it_cf(rng: Random, p: Person) -> str:
    def cons(s: str) -> str:
        a = ascii_fold(s).upper().replace(" ", "")
        c = [x for x in a if x.isalpha() and x not in "AEIOU"]
        v = [x for x in a if x in "AEIOU"]
        return ("".join(c + v) + "XXX")[:3]

    d = p.dob
    day = d.day + (40 if p.sex == "f" else 0)
    s = (
        cons(p.family)
        + cons(p.given)
        + f"{d.year % 100:02d}"
        + "ABCDEHLMPRST"[d.month - 1]
        + f"{day:02d}"
        + rng.choice("FHLG")
        + f"{rng.randrange(100, 999)}"
    )
    return s + _it_cf_check(s)


def it_cf_ok(s: str) -> bool:
    return len(s) == 16 and _it_cf_check(s[:15]) == s[15]


def us_ssn(rng: Random) -> str:
    a = rng.randrange(1, 900)
    while a == 666:
        a = rng.randrange(1, 900)
    return f"{a:03d}-{rng.randrange(1, 100):02d}-{rng.randrange(1, 10000):04d}"


def us_ssn_ok(s: str) -> bool:
    p = s.replace(" ", "-").split("-")
    if len(p) != 3 or [len(x) for x in p] != [3, 2, 4]:
        return False
    a, g, n = map(int, p)
    return 0 < a < 900 and a != 666 and g > 0 and n > 0


CHECKS = {
    "de_tax_id": de_taxid_ok,
    "de_kvnr": de_kvnr_ok,
    "fr_nir": fr_nir_ok,
    "es_dni": es_dni_ok,
    "es_nie": es_dni_ok,
    "nl_bsn": nl_bsn_ok,
    "pl_pesel": pl_pesel_ok,
    "se_pnr": se_pnr_ok,
    "uk_nhs": uk_nhs_ok,
    "br_cpf": br_cpf_ok,
    "tr_tckn": tr_tckn_ok,
    "pt_nif": pt_nif_ok,
    "at_svnr": at_svnr_ok,
    "be_nrn": be_nrn_ok,
    "it_cf": it_cf_ok,
    "us_ssn": us_ssn_ok,
    "card": luhn_ok,
    "iban": iban_ok,
}


# ---------------------------------------------------------------- plates, ips, geo
def plate(rng: Random, loc: str) -> str:
    L = lambda n, pool=string.ascii_uppercase: "".join(rng.choice(pool) for _ in range(n))  # noqa: E731
    D = lambda n: "".join(str(rng.randrange(10)) for _ in range(n))  # noqa: E731
    if loc in ("de", "at"):
        city = rng.choice(["B", "M", "K", "HH", "KL", "H", "DA", "F"])
        return f"{city}-{L(2)} {rng.randrange(10, 9999)}"
    if loc == "fr":
        return f"{L(2)}-{D(3)}-{L(2)}"
    if loc == "es":
        return f"{D(4)} {L(3, 'BCDFGHJKLMNPRSTVWXYZ')}"
    if loc == "it":
        return f"{L(2)} {D(3)}{L(2)}"
    if loc == "nl":
        return f"{D(2)}-{L(3, 'BDFGHJKLNPRSTXZ')}-{D(1)}"
    if loc == "pl":
        return f"{rng.choice(['WA', 'KR', 'GD', 'PO'])} {D(5)}"
    if loc == "sv":
        return f"{L(3)} {D(2)}{rng.choice(string.ascii_uppercase + '0123456789')}"
    if loc == "en":
        return f"{L(2)}{D(2)} {L(3)}"
    return f"{D(1)}{L(3)}{D(3)}"


def private_ip(rng: Random) -> str:
    return rng.choice(
        [
            f"192.168.{rng.randrange(0, 3)}.{rng.randrange(2, 250)}",
            f"10.{rng.randrange(0, 255)}.{rng.randrange(0, 255)}.{rng.randrange(2, 250)}",
        ]
    )


def public_ip(rng: Random) -> str:
    first = rng.choice([84, 87, 91, 178, 185, 212, 95])
    return f"{first}.{rng.randrange(1, 255)}.{rng.randrange(1, 255)}.{rng.randrange(2, 254)}"


def geo(rng: Random, lat: float, lon: float) -> str:
    return f"{lat + rng.uniform(-0.05, 0.05):.5f}, {lon + rng.uniform(-0.05, 0.05):.5f}"


# ---------------------------------------------------------------- secrets
B62 = string.ascii_letters + string.digits
HEX = "0123456789abcdef"


def rs(rng: Random, n: int, pool: str = B62) -> str:
    return "".join(rng.choice(pool) for _ in range(n))


def password(rng: Random) -> str:
    words = (
        "Sommer",
        "Praxis",
        "Linde",
        "Schule",
        "Rathaus",
        "Sonne",
        "Kaffee",
        "Primavera",
        "Soleil",
        "Lente",
        "Wiosna",
        "Verano",
        "Office",
        "Empfang",
        "Biuro",
        "Kontor",
    )
    return rng.choice(
        [
            f"{rng.choice(words)}{rng.randrange(1990, 2027)}{rng.choice('!#$%?')}",
            f"{rng.choice(words)}#{rng.choice(words).lower()}{rng.randrange(10, 99)}",
            rs(rng, 14, B62 + "!#%&*"),
            f"{rng.choice(words)[:4]}{rs(rng, 5)}{rng.choice('!?.')}{rng.randrange(100, 999)}",
        ]
    )


def api_key(rng: Random) -> str:
    return rng.choice(
        [
            "sk_live_" + rs(rng, 28),
            "rk_live_" + rs(rng, 30),
            "SG." + rs(rng, 22) + "." + rs(rng, 43),
            "AIza" + rs(rng, 35, B62 + "-_"),
            "xoxb-"
            + f"{rng.randrange(10**11, 10**12)}-{rng.randrange(10**12, 10**13)}-"
            + rs(rng, 24),
            "ghp_" + rs(rng, 36),
            "key-" + rs(rng, 32, HEX),
            "pk_" + rs(rng, 8, HEX) + "_" + rs(rng, 40),
        ]
    )


def jwt(rng: Random) -> str:
    head = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
    return f"{head}.eyJ{rs(rng, 60, B62 + '_-')}.{rs(rng, 43, B62 + '_-')}"


def private_key(rng: Random) -> str:
    lines = ["MIIEow" + rs(rng, 58, B62 + "+/")] + [rs(rng, 64, B62 + "+/") for _ in range(4)]
    lines.append(rs(rng, 20, B62 + "+/") + "==")
    kind = rng.choice(["RSA PRIVATE KEY", "PRIVATE KEY", "OPENSSH PRIVATE KEY"])
    return f"-----BEGIN {kind}-----\n" + "\n".join(lines) + f"\n-----END {kind}-----"


def session_cookie(rng: Random) -> str:
    return rs(rng, rng.choice([26, 32, 40]), "abcdefghijklmnopqrstuvwxyz0123456789")


# ---------------------------------------------------------------- look-alikes (traps)
def uuid4(rng: Random) -> str:
    h = rs(rng, 32, HEX)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{rng.choice('89ab')}{h[17:20]}-{h[20:]}"


def sha(rng: Random, n: int = 40) -> str:
    return rs(rng, n, HEX)


def ean13(rng: Random) -> str:
    body = rng.choice(["400", "300", "800", "590", "871", "729"]) + _digits(rng, 9, False)
    t = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body))
    return body + str((10 - t % 10) % 10)


def isbn13(rng: Random) -> str:
    body = "978" + rng.choice(["3", "2", "84", "88", "90", "83"])
    body += _digits(rng, 12 - len(body), False)
    t = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body))
    return f"{body[:3]}-{body[3:]}{(10 - t % 10) % 10}"


def version(rng: Random) -> str:
    return f"{rng.randrange(1, 12)}.{rng.randrange(0, 20)}.{rng.randrange(0, 40)}"


def price(rng: Random, cur: str = "€", comma: bool = True) -> str:
    v = f"{rng.randrange(2, 2400)}{',' if comma else '.'}{rng.randrange(0, 100):02d}"
    return f"{v} {cur}" if comma else f"{cur}{v}"


def stamp(rng: Random) -> str:
    return (
        f"2026-{rng.randrange(1, 12):02d}-{rng.randrange(1, 28):02d}T{rng.randrange(0, 24):02d}:"
        f"{rng.randrange(0, 60):02d}:{rng.randrange(0, 60):02d}Z"
    )


ICD = (
    "J06.9",
    "E11.9",
    "I10",
    "M54.5",
    "F32.1",
    "K21.0",
    "S82.6",
    "J45.0",
    "N39.0",
    "R51",
    "Z00.0",
    "E66.0",
    "I48.0",
    "M17.1",
    "G43.0",
)
DRUGS = (
    "Ibuprofen 400 mg",
    "Metformin 1000 mg",
    "Ramipril 5 mg",
    "Amoxicillin 1 g",
    "Pantoprazol 40 mg",
    "Salbutamol 100 µg",
    "Paracetamol 500 mg",
    "Levothyroxin 75 µg",
    "Bisoprolol 2,5 mg",
    "Apixaban 5 mg",
)
PUBLIC_PLACES = {  # name, lat, lon (public landmarks)
    "Brandenburger Tor": (52.51627, 13.37770),
    "Tour Eiffel": (48.85837, 2.29448),
    "Puerta del Sol": (40.41689, -3.70348),
    "Kölner Dom": (50.94128, 6.95828),
    "Rijksmuseum": (52.35999, 4.88522),
    "Wawel": (50.05406, 19.93543),
    "Torre de Belém": (38.69157, -9.21598),
    "Colosseo": (41.89021, 12.49223),
}
