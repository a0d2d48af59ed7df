"""Value generators of the fresh corpus: personal values, secrets and look-alikes.

Written by hand from public format descriptions (Wikipedia-level), with hand-made
name lists (no Faker: the filter's own name lists are Faker-derived, and sharing
a source would flatter it). Every generator takes a ``Random`` and returns text.
"""

from __future__ import annotations

import base64
import hashlib
import json
import string
from random import Random

UP = string.ascii_uppercase
LOW = string.ascii_lowercase
DIG = string.digits
ALNUM = UP + LOW + DIG
B64 = ALNUM + "+/"
URLSAFE = ALNUM + "-_"


def pick(rng: Random, seq: list[str] | tuple[str, ...] | str) -> str:
    return seq[rng.randrange(len(seq))]


def chars(rng: Random, alphabet: str, n: int) -> str:
    return "".join(alphabet[rng.randrange(len(alphabet))] for _ in range(n))


def num(rng: Random, n: int, first_nonzero: bool = False) -> str:
    s = chars(rng, DIG, n)
    if first_nonzero and s[0] == "0":
        s = str(rng.randint(1, 9)) + s[1:]
    return s


# ----------------------------------------------------------------------------- names
# given names (a mix of sexes) and family names per locale, hand-written.
GIVEN: dict[str, tuple[str, ...]] = {
    "en": (
        "Olivia",
        "Liam",
        "Harriet",
        "Declan",
        "Imogen",
        "Tobias",
        "Siobhan",
        "Marcus",
        "Priya",
        "Nathaniel",
        "Bethany",
        "Callum",
        "Eleanor",
        "Desmond",
        "Keisha",
        "Rhys",
        "Maeve",
        "Graham",
        "Tamsin",
        "Dwayne",
    ),
    "de": (
        "Lukas",
        "Annika",
        "Jörg",
        "Friederike",
        "Maximilian",
        "Sünje",
        "Torben",
        "Hannelore",
        "Björn",
        "Wiebke",
        "Dietmar",
        "Käthe",
        "Leonie",
        "Ulrich",
        "Gesine",
        "Matthias",
    ),
    "es": (
        "Alejandro",
        "Lucía",
        "Íñigo",
        "Ainhoa",
        "Sergio",
        "Begoña",
        "Joaquín",
        "Nerea",
        "Rodrigo",
        "Montserrat",
        "Álvaro",
        "Itziar",
        "Ramón",
        "Almudena",
        "Xabier",
        "Rocío",
    ),
    "fr": (
        "Amélie",
        "Théo",
        "Gaëlle",
        "Benoît",
        "Solène",
        "Mathis",
        "Clémence",
        "Loïc",
        "Héloïse",
        "Yannick",
        "Margaux",
        "Régis",
        "Océane",
        "Aurélien",
        "Maëlys",
        "Hervé",
    ),
    "it": (
        "Giulia",
        "Matteo",
        "Chiara",
        "Lorenzo",
        "Federica",
        "Niccolò",
        "Ilaria",
        "Gabriele",
        "Beatrice",
        "Tommaso",
        "Ludovica",
        "Pietro",
        "Arianna",
        "Salvatore",
        "Donatella",
        "Ettore",
    ),
    "pt": (
        "João",
        "Inês",
        "Gonçalo",
        "Mariana",
        "Tiago",
        "Beatriz",
        "Rui",
        "Leonor",
        "Duarte",
        "Carolina",
        "Vasco",
        "Marta",
        "Thiago",
        "Luana",
        "Caio",
        "Gabriela",
    ),
    "nl": (
        "Daan",
        "Sanne",
        "Joris",
        "Femke",
        "Bram",
        "Lotte",
        "Sjoerd",
        "Marieke",
        "Thijs",
        "Anouk",
        "Wouter",
        "Ilse",
        "Gijs",
        "Fleur",
        "Joost",
        "Maartje",
    ),
    "pl": (
        "Krzysztof",
        "Agnieszka",
        "Łukasz",
        "Małgorzata",
        "Wojciech",
        "Katarzyna",
        "Paweł",
        "Zofia",
        "Grzegorz",
        "Joanna",
        "Michał",
        "Bożena",
        "Tomasz",
        "Ewelina",
        "Jędrzej",
        "Halina",
    ),
    "tr": (
        "Mehmet",
        "Ayşe",
        "Emre",
        "Zeynep",
        "Burak",
        "Elif",
        "Oğuz",
        "Gülşen",
        "Kerem",
        "Şule",
        "Barış",
        "Defne",
        "Çağrı",
        "Nesrin",
        "Umut",
        "Ebru",
    ),
    "in": (
        "Arjun",
        "Ananya",
        "Rohit",
        "Kavya",
        "Siddharth",
        "Meera",
        "Vikram",
        "Ishita",
        "Rahul",
        "Divya",
        "Karthik",
        "Sneha",
    ),
    "ch": ("Reto", "Corinne", "Urs", "Nadja", "Beat", "Seraina", "Gian", "Flurina"),
}
FAMILY: dict[str, tuple[str, ...]] = {
    "en": (
        "Whitfield",
        "O'Neill",
        "Harrington",
        "McAllister",
        "Pemberton",
        "Okonkwo",
        "Ashworth",
        "Fairbairn",
        "Greenhalgh",
        "Donnelly",
        "Kowalczyk-Reid",
        "Thistlewood",
        "Abernathy",
        "Sutcliffe",
        "MacLeod",
        "Ferreira-Lowe",
    ),
    "de": (
        "Schäfer",
        "Großmann",
        "Müller-Lüdenscheidt",
        "von Bredow",
        "Hoffmeister",
        "Kühn",
        "Brandstätter",
        "Wöhrle",
        "Niederhäuser",
        "Zimmermann",
        "Oberländer",
        "Fuchs",
        "Eichhorn",
        "Hartung",
    ),
    "es": (
        "García-Márquez",
        "de la Cruz",
        "Fernández Ortega",
        "Etxeberria",
        "Ruiz de Alda",
        "Villanueva",
        "Quiñones",
        "Sánchez-Vicario",
        "Olabarrieta",
        "Castellanos",
        "Muñoz",
        "del Río",
    ),
    "fr": (
        "Lefèvre",
        "Dubois-Morel",
        "de Villeneuve",
        "Rousseau",
        "Chevalier",
        "Lemaître",
        "Beaumont",
        "Garnier",
        "Fontaine",
        "Mercier",
        "Le Gall",
        "Delacroix",
    ),
    "it": (
        "Esposito",
        "Bianchi",
        "De Luca",
        "Ferraro",
        "Colombo",
        "Mancini",
        "Lo Giudice",
        "Santoro",
        "D'Alessandro",
        "Marchetti",
        "Rinaldi",
        "Caruso",
    ),
    "pt": (
        "Carvalho",
        "dos Santos",
        "Magalhães",
        "Conceição",
        "Figueiredo",
        "Gonçalves",
        "Albuquerque",
        "Pimentel",
        "Nogueira",
        "Sousa Mendes",
        "Brandão",
        "Loureiro",
    ),
    "nl": (
        "van der Berg",
        "de Vries",
        "Bakker",
        "Jansen",
        "van Dijk",
        "Visser",
        "Smit",
        "de Boer",
        "Mulder",
        "van 't Hof",
        "Kuipers",
        "Verhoeven",
    ),
    "pl": (
        "Kowalska",
        "Wiśniewski",
        "Wójcik",
        "Lewandowska",
        "Zieliński",
        "Szymańska",
        "Dąbrowski",
        "Kozłowska",
        "Jankowski",
        "Mazur-Nowak",
        "Krawczyk",
        "Grabowska",
    ),
    "tr": (
        "Yılmaz",
        "Kaya",
        "Demir",
        "Şahin",
        "Çelik",
        "Yıldız",
        "Öztürk",
        "Aydın",
        "Arslan",
        "Doğan",
        "Kılıç",
        "Aslan",
    ),
    "in": (
        "Sharma",
        "Iyer",
        "Venkataraman",
        "Chatterjee",
        "Deshpande",
        "Nair",
        "Banerjee",
        "Reddy",
        "Kulkarni",
        "Menon",
    ),
    "ch": ("Brunner", "Gerber", "Steiner", "Baumgartner", "Keller", "Tschudi", "Caduff", "Rüegg"),
}
# names that are also ordinary words
WORD_NAMES = (
    "Rose",
    "Hope",
    "Mark",
    "Sunny",
    "Will",
    "Grace",
    "Faith",
    "Bill",
    "Dawn",
    "Pat",
    "Amber",
    "Holly",
    "Iris",
    "Joy",
    "Miles",
    "Summer",
    "Hunter",
    "Ivy",
    "Frank",
    "Sky",
    "Jasmine",
    "Heather",
    "Crystal",
    "Chase",
    "Rich",
    "Autumn",
    "Robin",
)
NICKNAMES = (
    "Bex",
    "Jonno",
    "Kiki",
    "Tomek",
    "Lulu",
    "Fede",
    "Paco",
    "Didi",
    "Mikey",
    "Gosia",
    "Nacho",
    "Zézé",
    "Jojo",
    "Sandro",
    "Fifi",
    "Maxi",
)
# full names in non-Latin scripts: Greek, Cyrillic, Arabic, CJK, Devanagari
NON_LATIN = (
    "Γιώργος Παπαδόπουλος",
    "Ελένη Κωνσταντίνου",
    "Νίκος Αντωνίου",
    "Анна Кузнецова",
    "Дмитрий Соколов",
    "Олена Шевченко",
    "Игорь Морозов",
    "محمد العتيبي",
    "فاطمة الزهراء بنعلي",
    "يوسف حداد",
    "ليلى منصور",
    "王秀英",
    "李建国",
    "陈静怡",
    "佐藤 健一",
    "鈴木 美咲",
    "김민준",
    "박서연",
    "राहुल वर्मा",
    "प्रिया शर्मा",
    "अनिल कुमार",
)


def given(rng: Random, loc: str) -> str:
    return pick(rng, GIVEN[loc])


def family(rng: Random, loc: str) -> str:
    return pick(rng, FAMILY[loc])


def full_name(rng: Random, loc: str) -> str:
    g, f = given(rng, loc), family(rng, loc)
    if loc == "es" and rng.random() < 0.4 and " " not in f:
        f = f + " " + pick(rng, ("López", "Navarro", "Prieto", "Iglesias"))
    return f"{g} {f}"


def initial_name(rng: Random, loc: str) -> str:
    return f"{given(rng, loc)[0]}. {family(rng, loc)}"


def ascii_fold(s: str) -> str:
    table = str.maketrans(
        "áàâäãåçéèêëíìîïñóòôöõúùûüýÿłśźżćńąęğışøÁÉÍÓÚÖÜÇŞĞİŁŚŻ",
        "aaaaaaceeeeiiiinooooouuuuyylszzcnaegisoAEIOUOUCSGILSZ",
    )
    return s.translate(table).replace("ß", "ss").replace("'", "").replace(" ", "")


# ----------------------------------------------------------------------------- contact
def email(rng: Random, name: str) -> str:
    """An email address for ``name`` (a Latin full name), in varied shapes."""
    parts = [ascii_fold(p).lower() for p in name.replace("-", " ").split() if p]
    first, last = parts[0], parts[-1]
    shape = rng.randrange(8)
    domains = (
        "gmail.com",
        "outlook.de",
        "yahoo.es",
        "orange.fr",
        "libero.it",
        "sapo.pt",
        "ziggo.nl",
        "wp.pl",
        "hotmail.com.tr",
        "proton.me",
        "gmx.ch",
        "icloud.com",
        "mail.mueller-logistik.de",
        "students.uva.nl",
        "eng.acme-robotics.io",
        "example.com",
        "fastmail.fm",
        "posteo.de",
    )
    dom = pick(rng, domains)
    if shape == 0:
        local = f"{first}.{last}"
    elif shape == 1:
        local = f"{first[0]}{last}"
    elif shape == 2:
        local = f"{first}.{last}+{pick(rng, ('newsletter', 'amazon', 'tickets', 'bank'))}"
    elif shape == 3:
        local = f"{last}{rng.randint(70, 99)}"
    elif shape == 4:
        local = f"{first}_{last[:3]}{rng.randint(1, 9)}"
    elif shape == 5:
        local = f"{first}.{last}".upper() if rng.random() < 0.3 else f"{first}-{last}"
    elif shape == 6:
        return f"{first}@{pick(rng, ('müller-bau.de', 'café-lumière.fr', 'açaí.com.br'))}"
    else:
        local = f"{last}.{first[0]}"
    return f"{local}@{dom}"


def phone(rng: Random, loc: str) -> str:
    intl = rng.random() < 0.5
    if loc == "en":
        if rng.random() < 0.5:  # UK
            if intl:
                return f"+44 {pick(rng, ('7700', '7911', '7403'))} {num(rng, 6)}"
            return f"0{pick(rng, ('20', '161', '113'))} {num(rng, 4)} {num(rng, 4)}"
        area = pick(rng, ("415", "212", "617", "503", "312", "206"))
        exch = str(rng.randint(201, 989))
        if intl:
            return f"+1 {area}-{exch}-{num(rng, 4)}"
        return f"({area}) {exch}-{num(rng, 4)}"
    if loc == "de":
        if intl:
            return pick(
                rng, (f"+49 30 {num(rng, 8)}", f"+49 (0)89 {num(rng, 7)}", f"+49 171 {num(rng, 7)}")
            )
        return pick(
            rng,
            (
                f"0171 {num(rng, 7)}",
                f"030 / {num(rng, 3)} {num(rng, 2)} {num(rng, 3)}",
                f"0221-{num(rng, 6)}",
            ),
        )
    if loc == "es":
        m = f"6{num(rng, 2)} {num(rng, 3)} {num(rng, 3)}"
        return (
            f"+34 {m}" if intl else pick(rng, (m, f"91 {num(rng, 3)} {num(rng, 2)} {num(rng, 2)}"))
        )
    if loc == "fr":
        groups = " ".join(num(rng, 2) for _ in range(4))
        if intl:
            return f"+33 {rng.choice('67')} {groups}"
        return pick(
            rng, (f"0{rng.choice('67')} {groups}", f"01.{'.'.join(num(rng, 2) for _ in range(4))}")
        )
    if loc == "it":
        if intl:
            return f"+39 3{num(rng, 2)} {num(rng, 3)} {num(rng, 4)}"
        return pick(rng, (f"3{num(rng, 2)} {num(rng, 7)}", f"02 {num(rng, 4)} {num(rng, 4)}"))
    if loc == "pt":
        if rng.random() < 0.3:  # Brazil
            return (
                f"+55 11 9{num(rng, 4)}-{num(rng, 4)}"
                if intl
                else f"(21) 9{num(rng, 4)}-{num(rng, 4)}"
            )
        return (
            f"+351 9{num(rng, 2)} {num(rng, 3)} {num(rng, 3)}"
            if intl
            else f"21 {num(rng, 3)} {num(rng, 4)}"
        )
    if loc == "nl":
        if intl:
            return f"+31 6 {num(rng, 8)}"
        return pick(rng, (f"06-{num(rng, 8)}", f"020 {num(rng, 3)} {num(rng, 4)}"))
    if loc == "pl":
        if intl:
            return f"+48 {rng.choice('5678')}{num(rng, 2)} {num(rng, 3)} {num(rng, 3)}"
        return pick(
            rng,
            (
                f"{rng.choice('5678')}{num(rng, 2)}-{num(rng, 3)}-{num(rng, 3)}",
                f"22 {num(rng, 3)} {num(rng, 2)} {num(rng, 2)}",
            ),
        )
    if loc == "tr":
        if intl:
            return f"+90 5{num(rng, 2)} {num(rng, 3)} {num(rng, 2)} {num(rng, 2)}"
        return pick(
            rng,
            (
                f"0 (5{num(rng, 2)}) {num(rng, 3)} {num(rng, 2)} {num(rng, 2)}",
                f"0212 {num(rng, 3)} {num(rng, 2)} {num(rng, 2)}",
            ),
        )
    if loc == "in":
        return f"+91 9{num(rng, 4)} {num(rng, 5)}" if intl else f"09{num(rng, 3)}-{num(rng, 6)}"
    # ch
    return (
        f"+41 79 {num(rng, 3)} {num(rng, 2)} {num(rng, 2)}"
        if intl
        else f"044 {num(rng, 3)} {num(rng, 2)} {num(rng, 2)}"
    )


STREETS: dict[str, tuple[str, ...]] = {
    "en": ("Elm Grove", "Harcourt Road", "Maple Avenue", "Kingsley Close", "Old Mill Lane"),
    "de": ("Lindenstraße", "Am Kupfergraben", "Schillerweg", "Bergmannstr.", "Hauptstraße"),
    "es": ("Calle de Toledo", "Avenida de la Constitución", "Carrer de Mallorca", "Calle Mayor"),
    "fr": ("rue des Lilas", "avenue Jean-Jaurès", "boulevard Voltaire", "impasse des Tanneurs"),
    "it": ("Via Garibaldi", "Corso Vittorio Emanuele II", "Viale dei Mille", "Via dei Serragli"),
    "pt": ("Rua Augusta", "Avenida da Liberdade", "Travessa do Carmo", "Rua das Flores"),
    "nl": ("Keizersgracht", "Oudegracht", "Lindenlaan", "Marktstraat"),
    "pl": ("ul. Długa", "ul. Mickiewicza", "al. Jerozolimskie", "ul. Floriańska"),
    "tr": ("Atatürk Cad.", "Bağdat Cad.", "Gül Sok.", "İstiklal Cad."),
    "in": ("MG Road", "Nehru Nagar", "Linking Road", "Residency Road"),
    "ch": ("Bahnhofstrasse", "Seefeldstrasse", "Rue du Marché", "Via Nassa"),
}
CITIES: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (
        ("Leeds", "LS6"),
        ("Bristol", "BS3"),
        ("Portland, OR", "97205"),
        ("Austin, TX", "78704"),
    ),
    "de": (("Berlin", "10969"), ("München", "80331"), ("Köln", "50667"), ("Leipzig", "04109")),
    "es": (("Madrid", "28005"), ("Barcelona", "08013"), ("Sevilla", "41001"), ("Bilbao", "48005")),
    "fr": (("Lyon", "69003"), ("Paris", "75011"), ("Nantes", "44000"), ("Toulouse", "31000")),
    "it": (("Milano", "20121"), ("Roma", "00184"), ("Torino", "10123"), ("Firenze", "50125")),
    "pt": (
        ("Lisboa", "1100-053"),
        ("Porto", "4050-291"),
        ("Coimbra", "3000-150"),
        ("Braga", "4700-320"),
    ),
    "nl": (
        ("Amsterdam", "1016 DV"),
        ("Utrecht", "3511 AB"),
        ("Rotterdam", "3011 BN"),
        ("Delft", "2611 HV"),
    ),
    "pl": (
        ("Warszawa", "00-238"),
        ("Kraków", "31-010"),
        ("Gdańsk", "80-831"),
        ("Wrocław", "50-101"),
    ),
    "tr": (("Kadıköy/İstanbul", "34710"), ("Çankaya/Ankara", "06690"), ("Konak/İzmir", "35250")),
    "in": (("Bengaluru", "560001"), ("Mumbai", "400050"), ("Pune", "411004")),
    "ch": (("Zürich", "8001"), ("Genève", "1204"), ("Lugano", "6900")),
}


def address(rng: Random, loc: str, multiline: bool = False) -> str:
    street = pick(rng, STREETS[loc])
    city, pc = CITIES[loc][rng.randrange(len(CITIES[loc]))]
    n = rng.randint(1, 240)
    sep = "\n" if multiline else ", "
    if loc == "en":
        if pc[0].isdigit():
            return f"{n} {street}, Apt {rng.randint(1, 30)}{pick(rng, 'ABCD')}{sep}{city} {pc}"
        inward = f"{rng.randint(1, 9)}{pick(rng, 'ABDEFGHJ')}{pick(rng, 'LNPQRSTUWX')}"
        return f"{n} {street}{sep}{city} {pc} {inward}"
    if loc in ("fr",):
        return f"{n} {street}{sep}{pc} {city}"
    if loc == "es":
        return f"{street} {n}, {rng.randint(1, 8)}º {pick(rng, 'ABCD')}{sep}{pc} {city}"
    if loc == "pl":
        return f"{street} {n}/{rng.randint(1, 40)}{sep}{pc} {city}"
    if loc == "tr":
        return f"{street} No: {n} D: {rng.randint(1, 20)}{sep}{pc} {city}"
    if loc == "in":
        return f"Flat {rng.randint(101, 909)}, {street}{sep}{city} {pc}"
    if loc == "it":
        return f"{street} {n}{sep}{pc} {city} ({pick(rng, ('MI', 'RM', 'TO', 'FI'))})"
    return f"{street} {n}{sep}{pc} {city}"


def ipv4(rng: Random) -> str:
    while True:
        a = rng.randint(1, 223)
        if a not in (10, 127, 172, 192, 169, 100):
            return f"{a}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def ipv6(rng: Random) -> str:
    groups = [pick(rng, ("2a02", "2001", "2a01", "2600", "2804"))]
    groups += [format(rng.randrange(65536), "x") for _ in range(7)]
    if rng.random() < 0.5:
        return ":".join(groups[:4]) + "::" + ":".join(groups[6:])
    return ":".join(groups)


# ----------------------------------------------------------------------------- finance
def _luhn_digit(body: str) -> str:
    total = 0
    for i, c in enumerate(reversed(body)):
        d = int(c)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def card(rng: Random) -> str:
    kind = rng.randrange(4)
    if kind == 0:
        body = "4" + num(rng, 14)
    elif kind == 1:
        body = f"5{rng.randint(1, 5)}" + num(rng, 13)
    elif kind == 2:
        body = pick(rng, ("34", "37")) + num(rng, 12)
    else:
        body = "6011" + num(rng, 11)
    n = body + _luhn_digit(body)
    style = rng.randrange(3)
    groups = [n[:4], n[4:10], n[10:]] if len(n) == 15 else [n[i : i + 4] for i in range(0, 16, 4)]
    if style == 0:
        return " ".join(groups)
    if style == 1:
        return "-".join(groups)
    return n


IBAN_BBAN: dict[str, str] = {  # country -> pattern (9 digit, A letter, X alnum)
    "DE": "9" * 18,
    "ES": "9" * 20,
    "FR": "9" * 23,
    "IT": "A" + "9" * 10 + "9" * 12,
    "PT": "9" * 21,
    "NL": "AAAA" + "9" * 10,
    "PL": "9" * 24,
    "TR": "99999" + "0" + "9" * 16,
    "GB": "AAAA" + "9" * 14,
    "CH": "9" * 17,
    "BE": "9" * 12,
    "AT": "9" * 16,
}


def iban(rng: Random, country: str | None = None) -> str:
    cc = country or pick(rng, tuple(IBAN_BBAN))
    bban = "".join(
        chars(rng, DIG, 1) if c == "9" else chars(rng, UP, 1) if c == "A" else c
        for c in IBAN_BBAN[cc]
    )
    digits_ = "".join(str(int(c, 36)) for c in bban + cc + "00")
    check = 98 - int(digits_) % 97
    raw = f"{cc}{check:02d}{bban}"
    if rng.random() < 0.6:
        return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))
    return raw


def ssn(rng: Random) -> str:
    while True:
        area = rng.randint(1, 899)
        if area != 666:
            break
    s = f"{area:03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"
    return s if rng.random() < 0.7 else s.replace("-", " ")


# ----------------------------------------------------------------------------- dates
MONTHS: dict[str, tuple[str, ...]] = {
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
    "pl": (
        "stycznia",
        "lutego",
        "marca",
        "kwietnia",
        "maja",
        "czerwca",
        "lipca",
        "sierpnia",
        "września",
        "października",
        "listopada",
        "grudnia",
    ),
    "tr": (
        "Ocak",
        "Şubat",
        "Mart",
        "Nisan",
        "Mayıs",
        "Haziran",
        "Temmuz",
        "Ağustos",
        "Eylül",
        "Ekim",
        "Kasım",
        "Aralık",
    ),
}


def birth_ymd(rng: Random) -> tuple[int, int, int]:
    return rng.randint(1941, 2006), rng.randint(1, 12), rng.randint(1, 28)


def birth_date(rng: Random, loc: str, ymd: tuple[int, int, int] | None = None) -> str:
    y, m, d = ymd or birth_ymd(rng)
    style = rng.randrange(4)
    lang = loc if loc in MONTHS else "en"
    if style == 0:
        return f"{y}-{m:02d}-{d:02d}"
    if style == 1:
        if lang == "en":
            return f"{m:02d}/{d:02d}/{y}" if rng.random() < 0.5 else f"{d:02d}/{m:02d}/{y}"
        sep = "." if lang in ("de", "pl", "tr", "ch") else ("-" if lang == "nl" else "/")
        return f"{d:02d}{sep}{m:02d}{sep}{y}"
    month = MONTHS[lang][m - 1]
    if lang == "en":
        return f"{month} {d}, {y}" if style == 2 else f"{d} {month[:3]} {y}"
    if lang == "de":
        return f"{d}. {month} {y}"
    if lang in ("es", "pt"):
        return f"{d} de {month} de {y}"
    return f"{d} {month} {y}"


# ----------------------------------------------------------------------------- national ids
def dni(rng: Random) -> str:
    n = rng.randint(10_000_000, 99_999_999)
    return f"{n}{'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23]}"


def nie(rng: Random) -> str:
    p = rng.randrange(3)
    body = num(rng, 7)
    letter = "TRWAGMYFPDXBNJZSQVHLCKE"[int(str(p) + body) % 23]
    return f"{'XYZ'[p]}{body}{letter}" if rng.random() < 0.6 else f"{'XYZ'[p]}-{body}-{letter}"


_CF_ODD_GEN = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21]
_CF_ODD_LETTERS = [
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
]


def _cf_code(name: str, is_first: bool) -> str:
    letters = [c for c in ascii_fold(name).upper() if c.isalpha()]
    cons = [c for c in letters if c not in "AEIOU"]
    vow = [c for c in letters if c in "AEIOU"]
    if is_first and len(cons) >= 4:
        cons = [cons[0], cons[2], cons[3]]
    return "".join((cons + vow + ["X", "X", "X"])[:3])


def codice_fiscale(rng: Random, first: str = "", last: str = "") -> str:
    last = last or pick(rng, FAMILY["it"])
    first = first or pick(rng, GIVEN["it"])
    y, m, d = birth_ymd(rng)
    day = d + (40 if rng.random() < 0.5 else 0)
    body = (
        _cf_code(last, False)
        + _cf_code(first, True)
        + f"{y % 100:02d}"
        + "ABCDEHLMPRST"[m - 1]
        + f"{day:02d}"
        + pick(rng, ("F205", "H501", "L219", "D612", "F839", "G273", "A944"))
    )
    total = 0
    for i, c in enumerate(body):
        if i % 2 == 0:
            total += _CF_ODD_GEN[int(c)] if c.isdigit() else _CF_ODD_LETTERS[ord(c) - 65]
        else:
            total += int(c) if c.isdigit() else ord(c) - 65
    return body + chr(65 + total % 26)


def nino(rng: Random) -> str:
    first = "ABCEGHJKLMNOPRSTWXYZ"
    second = "ABCEGHJKLMNPRSTWXYZ"
    while True:
        pre = pick(rng, first) + pick(rng, second)
        if pre not in {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}:
            break
    d = num(rng, 6)
    suf = pick(rng, "ABCD")
    if rng.random() < 0.5:
        return f"{pre} {d[:2]} {d[2:4]} {d[4:]} {suf}"
    return f"{pre}{d}{suf}"


def nhs(rng: Random) -> str:
    while True:
        d = num(rng, 9, first_nonzero=True)
        check = 11 - sum(int(c) * w for c, w in zip(d, range(10, 1, -1), strict=True)) % 11
        if check == 10:
            continue
        n = d + str(0 if check == 11 else check)
        return f"{n[:3]} {n[3:6]} {n[6:]}" if rng.random() < 0.6 else n


def nir(rng: Random) -> str:
    sex = rng.choice("12")
    y, m, _ = birth_ymd(rng)
    dept = f"{rng.randint(1, 95):02d}"
    if dept == "20":
        dept = "21"
    body = f"{sex}{y % 100:02d}{m:02d}{dept}{rng.randint(1, 990):03d}{rng.randint(1, 999):03d}"
    key = 97 - int(body) % 97
    if rng.random() < 0.6:
        return f"{body[0]} {body[1:3]} {body[3:5]} {body[5:7]} {body[7:10]} {body[10:]} {key:02d}"
    return f"{body}{key:02d}"


def steuer_id(rng: Random) -> str:
    while True:
        pool = list(DIG)
        rng.shuffle(pool)
        ds = pool[:9]
        if ds[0] == "0":
            continue
        ds.insert(rng.randint(1, 9), pick(rng, ds))
        body = "".join(ds)
        product = 10
        for c in body:
            s = (int(c) + product) % 10 or 10
            product = (s * 2) % 11
        n = body + str((11 - product) % 10)
        return f"{n[:2]} {n[2:5]} {n[5:8]} {n[8:]}" if rng.random() < 0.5 else n


def bsn(rng: Random) -> str:
    while True:
        d = num(rng, 8, first_nonzero=True)
        r = sum(int(c) * w for c, w in zip(d, range(9, 1, -1), strict=True)) % 11
        if r <= 9:
            n = d + str(r)
            return n if rng.random() < 0.6 else f"{n[:4]}.{n[4:6]}.{n[6:]}"


def ahv(rng: Random) -> str:
    d = "756" + num(rng, 9)
    total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(d))
    n = d + str((10 - total % 10) % 10)
    return f"{n[:3]}.{n[3:7]}.{n[7:11]}.{n[11:]}"


def pesel(rng: Random) -> str:
    y, m, d = birth_ymd(rng)
    mm = m + (20 if y >= 2000 else 0)
    body = f"{y % 100:02d}{mm:02d}{d:02d}{num(rng, 4)}"
    w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    total = sum(int(c) * x for c, x in zip(body, w, strict=True))
    return body + str((10 - total % 10) % 10)


def tckn(rng: Random) -> str:
    d = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(8)]
    d.append(((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10)
    d.append(sum(d) % 10)
    return "".join(map(str, d))


def nif_pt(rng: Random, company: bool = False) -> str:
    d = [5 if company else rng.choice([1, 2, 3])] + [rng.randint(0, 9) for _ in range(7)]
    check = 11 - sum(x * w for x, w in zip(d, range(9, 1, -1), strict=True)) % 11
    d.append(0 if check >= 10 else check)
    n = "".join(map(str, d))
    return n if rng.random() < 0.6 else f"{n[:3]} {n[3:6]} {n[6:]}"


def cpf(rng: Random) -> str:
    d = [rng.randint(0, 9) for _ in range(9)]
    for n in (9, 10):
        d.append(sum(x * w for x, w in zip(d[:n], range(n + 1, 1, -1), strict=True)) * 10 % 11 % 10)
    s = "".join(map(str, d))
    return f"{s[:3]}.{s[3:6]}.{s[6:9]}-{s[9:]}" if rng.random() < 0.7 else s


def pan(rng: Random, surname: str = "") -> str:
    initial = (ascii_fold(surname)[:1] or pick(rng, UP)).upper()
    return f"{chars(rng, UP, 3)}P{initial}{num(rng, 4)}{pick(rng, UP)}"


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
    body = str(rng.randint(2, 9)) + num(rng, 10)
    c = 0
    for i, ch in enumerate(reversed(body)):
        c = _VD[c][_VP[(i + 1) % 8][int(ch)]]
    n = body + str(_VINV[c])
    return f"{n[:4]} {n[4:8]} {n[8:]}" if rng.random() < 0.7 else n


def passport(rng: Random, loc: str) -> str:
    if loc == "de":
        return chars(rng, "CFGHJKLMNPRTVWXYZ", 1) + chars(rng, "CFGHJKLMNPRTVWXYZ0123456789", 8)
    if loc in ("es",):
        return chars(rng, UP, 3) + num(rng, 6)
    if loc in ("fr",):
        return num(rng, 2) + chars(rng, UP, 2) + num(rng, 5)
    if loc in ("it", "pl"):
        return chars(rng, UP, 2) + num(rng, 7)
    if loc == "tr":
        return pick(rng, "UZS") + num(rng, 8)
    if loc == "nl":
        return (
            chars(rng, "ABCDEFGHIJKLNPRSTUVWXYZ", 2)
            + chars(rng, "ABCDEFGHJKLNPRSTUVWXYZ0123456789", 6)
            + num(rng, 1)
        )
    if loc == "in":
        return pick(rng, UP) + num(rng, 7)
    return num(rng, 9, first_nonzero=True)


def plate(rng: Random, loc: str) -> str:
    def L(n: int) -> str:
        return chars(rng, "BCDFGHJKLMNPRSTVWXYZ", n)

    if loc == "de":
        return f"{pick(rng, ('B', 'M', 'K', 'HH', 'F', 'S'))}-{L(2)} {rng.randint(1, 9999)}"
    if loc == "fr":
        return f"{L(2)}-{num(rng, 3)}-{L(2)}"
    if loc == "es":
        return f"{num(rng, 4)} {L(3)}"
    if loc == "it":
        return f"{L(2)} {num(rng, 3)}{L(2)}"
    if loc == "pt":
        return f"{L(2)}-{num(rng, 2)}-{L(2)}"
    if loc == "nl":
        return f"{rng.randint(1, 99)}-{L(3)}-{rng.randint(1, 9)}"
    if loc == "pl":
        return f"{pick(rng, ('WA', 'KR', 'GD', 'WR'))} {num(rng, 5)}"
    if loc == "tr":
        return f"{rng.choice(['34', '06', '35'])} {L(3)} {num(rng, 3)}"
    if loc == "en":
        return (
            f"{L(2)}{num(rng, 2)} {L(3)}"
            if rng.random() < 0.5
            else f"{rng.randint(1, 9)}{L(3)}{num(rng, 3)}"
        )
    if loc == "ch":
        return f"ZH {rng.randint(10000, 999999)}"
    return f"MH {num(rng, 2)} {L(2)} {num(rng, 4)}"


# ----------------------------------------------------------------------------- geo
def lat_lon(rng: Random) -> tuple[float, float]:
    return round(rng.uniform(36.0, 58.0), rng.choice([4, 5, 6])), round(
        rng.uniform(-9.0, 30.0), rng.choice([4, 5, 6])
    )


def geo_decimal(rng: Random) -> str:
    la, lo = lat_lon(rng)
    return f"{la}, {lo}" if rng.random() < 0.7 else f"{la},{lo}"


def geo_dms(rng: Random) -> str:
    la, lo = lat_lon(rng)

    def dms(x: float) -> str:
        x = abs(x)
        d = int(x)
        m = int((x - d) * 60)
        s = round(((x - d) * 60 - m) * 60, 1)
        return f"{d}°{m:02d}'{s:04.1f}\""

    return f"{dms(la)}N {dms(lo)}{'E' if lo >= 0 else 'W'}"


# ----------------------------------------------------------------------------- secrets
KEY_VARS = (
    "OPENAI_API_KEY",
    "ANTHROPIC_API_KEY",
    "GITHUB_TOKEN",
    "STRIPE_SECRET_KEY",
    "GOOGLE_MAPS_KEY",
    "SLACK_BOT_TOKEN",
    "SENDGRID_API_KEY",
    "HF_TOKEN",
    "GITLAB_TOKEN",
)


def provider_key(rng: Random, kind: int | None = None) -> str:
    """A provider API key in its real shape; ``kind`` indexes ``KEY_VARS``."""
    kind = rng.randrange(9) if kind is None else kind
    if kind == 0:
        return "sk-proj-" + chars(rng, URLSAFE, 64)
    if kind == 1:
        return "sk-ant-api03-" + chars(rng, URLSAFE, 93) + "AA"
    if kind == 2:
        return "ghp_" + chars(rng, ALNUM, 36)
    if kind == 3:
        return "sk_live_" + chars(rng, ALNUM, 48)
    if kind == 4:
        return "AIza" + chars(rng, URLSAFE, 35)
    if kind == 5:
        return f"xoxb-{num(rng, 12)}-{num(rng, 13)}-{chars(rng, ALNUM, 24)}"
    if kind == 6:
        return "SG." + chars(rng, URLSAFE, 22) + "." + chars(rng, URLSAFE, 43)
    if kind == 7:
        return "hf_" + chars(rng, UP + LOW, 34)
    return "glpat-" + chars(rng, URLSAFE, 20)


def aws_key_id(rng: Random) -> str:
    return pick(rng, ("AKIA", "ASIA")) + chars(rng, UP + "234567", 16)


def aws_secret(rng: Random) -> str:
    return chars(rng, B64, 40)


def webhook(rng: Random) -> str:
    if rng.random() < 0.5:
        return (
            f"https://hooks.slack.com/services/T{chars(rng, UP + DIG, 8)}"
            f"/B{chars(rng, UP + DIG, 10)}/{chars(rng, ALNUM, 24)}"
        )
    return f"https://discord.com/api/webhooks/{num(rng, 19, True)}/{chars(rng, URLSAFE, 68)}"


def password(rng: Random) -> str:
    words = (
        "Sommer",
        "Kartoffel",
        "primavera",
        "Soleil",
        "Tulpen",
        "kwiatek",
        "Galata",
        "dragon",
        "Lisboa",
        "margherita",
        "Winter",
        "fenerbahce",
    )
    kind = rng.randrange(3)
    if kind == 0:
        return f"{pick(rng, words)}{rng.randint(1970, 2026)}{pick(rng, '!?#$%&*')}"
    if kind == 1:
        return chars(rng, ALNUM + "!#%&*+-=?@^_", rng.randint(14, 24))
    return f"{pick(rng, words)}-{pick(rng, words).lower()}-{rng.randint(10, 99)}{pick(rng, '!.#')}"


def conn_string(rng: Random) -> str:
    user = pick(rng, ("app_user", "svc_billing", "root", "admin", "etl", "reporting_ro"))
    pw = password(rng).replace("@", "").replace(":", "").replace("/", "").replace("#", "")
    host = pick(
        rng,
        (
            "db-prod-01.internal",
            "pg.eu-central-1.rds.amazonaws.com",
            "cluster0.x7k2p.mongodb.net",
            "mysql.intra.lan",
            "cache-7.prod",
        ),
    )
    kind = rng.randrange(4)
    if kind == 0:
        return f"postgresql://{user}:{pw}@{host}:5432/orders"
    if kind == 1:
        return f"mongodb+srv://{user}:{pw}@{host}/crm?retryWrites=true"
    if kind == 2:
        return f"mysql://{user}:{pw}@{host}:3306/shop"
    return f"redis://:{pw}@{host}:6379/0"


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def jwt(rng: Random) -> str:
    header = _b64url(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    payload = _b64url(
        json.dumps(
            {
                "sub": num(rng, 8),
                "iat": rng.randint(1_760_000_000, 1_790_000_000),
                "scope": pick(rng, ("read", "admin", "billing")),
            }
        ).encode()
    )
    return f"{header}.{payload}.{_b64url(rng.randbytes(32))}"


def pem_block(rng: Random) -> str:
    label = pick(rng, ("RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY"))
    body = base64.b64encode(rng.randbytes(180)).decode()
    lines = [body[i : i + 64] for i in range(0, len(body), 64)]
    return f"-----BEGIN {label}-----\n" + "\n".join(lines) + f"\n-----END {label}-----"


# ----------------------------------------------------------------------------- traps
def git_sha(rng: Random) -> str:
    return hashlib.sha1(rng.randbytes(16)).hexdigest()


def short_sha(rng: Random) -> str:
    return git_sha(rng)[:7]


def uuid4(rng: Random) -> str:
    h = rng.randbytes(16).hex()
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{pick(rng, '89ab')}{h[17:20]}-{h[20:32]}"


def sha256(rng: Random) -> str:
    return hashlib.sha256(rng.randbytes(16)).hexdigest()


def md5(rng: Random) -> str:
    return hashlib.md5(rng.randbytes(16)).hexdigest()


def order_no(rng: Random) -> str:
    return pick(
        rng,
        (
            f"ORD-2026-{num(rng, 6)}",
            f"#{rng.randint(100000, 999999)}",
            f"PO-{num(rng, 5)}/26",
            f"A{num(rng, 2)}-{num(rng, 7)}",
        ),
    )


def invoice_no(rng: Random) -> str:
    return pick(
        rng,
        (
            f"INV-2026-{num(rng, 5)}",
            f"RE-{num(rng, 4)}/2026",
            f"FAC-{num(rng, 6)}",
            f"FT 2026/{rng.randint(1, 9999)}",
        ),
    )


def tracking_no(rng: Random) -> str:
    return pick(
        rng,
        (
            f"1Z{chars(rng, UP + DIG, 6)}{num(rng, 10)}",
            f"JJD{num(rng, 18)}",
            f"{chars(rng, UP, 2)}{num(rng, 9)}DE",
        ),
    )


def version(rng: Random) -> str:
    return pick(
        rng,
        (
            f"v{rng.randint(0, 9)}.{rng.randint(0, 40)}.{rng.randint(0, 20)}",
            f"{rng.randint(1, 9)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}.{rng.randint(0, 99)}",
            f"{rng.randint(1, 3)}.{rng.randint(0, 12)}.{rng.randint(0, 9)}-rc{rng.randint(1, 4)}",
        ),
    )


def isbn(rng: Random) -> str:
    body = "978" + pick(rng, ("3", "84", "2", "88", "972", "90", "83"))
    body += num(rng, 12 - len(body))
    check = (10 - sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body)) % 10) % 10
    n = body + str(check)
    return f"{n[:3]}-{n[3:4]}-{n[4:8]}-{n[8:12]}-{n[12]}" if rng.random() < 0.5 else n


def timestamp(rng: Random) -> str:
    y, mo, d = 2026, rng.randint(1, 11), rng.randint(1, 28)
    h, mi, s = rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)
    return pick(
        rng,
        (
            f"{y}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}Z",
            f"{y}-{mo:02d}-{d:02d} {h:02d}:{mi:02d}:{s:02d},{num(rng, 3)}",
            f"{d:02d}/{MONTHS['en'][mo - 1][:3]}/{y}:{h:02d}:{mi:02d}:{s:02d} +0000",
        ),
    )


def epoch_ms(rng: Random) -> str:
    return str(rng.randint(1_764_000_000_000, 1_796_000_000_000))


def plain_date(rng: Random) -> str:
    d, m = rng.randint(1, 28), rng.randint(1, 12)
    return pick(rng, (f"{d:02d}.{m:02d}.2027", f"2026-{m:02d}-{d:02d}", f"{d:02d}/{m:02d}/2026"))


def maths(rng: Random) -> str:
    a, b = rng.randint(12, 999), rng.randint(2, 99)
    return pick(
        rng,
        (
            f"{a} * {b} = {a * b}",
            f"{a}/{b} ≈ {a / b:.4f}",
            f"x^2 + {b}x - {a} = 0",
            f"({a} + {b}) mod 97 = {(a + b) % 97}",
        ),
    )


def sku(rng: Random) -> str:
    return pick(
        rng,
        (
            f"SKU-{num(rng, 4)}-{pick(rng, ('BLK', 'WHT', 'RED'))}-{pick(rng, ('S', 'M', 'XL'))}",
            f"{chars(rng, UP, 3)}-{num(rng, 5)}",
            f"EAN 40{num(rng, 11)}",
        ),
    )


def hex_colour(rng: Random) -> str:
    return "#" + rng.randbytes(3).hex().upper()


def port(rng: Random) -> str:
    return pick(rng, ("8443", "5432", "6379", "27017", "9092", "3000", "8080", "11434"))


def http_status(rng: Random) -> str:
    return pick(
        rng, ("200", "201", "301", "400", "401", "403", "404", "409", "429", "500", "502", "503")
    )


def base64_image(rng: Random) -> str:
    png = b"\x89PNG\r\n\x1a\n" + rng.randbytes(60)
    return "data:image/png;base64," + base64.b64encode(png).decode()


COMPANIES = (
    "Siemens AG",
    "Banco Santander",
    "Deutsche Telekom",
    "Philips",
    "Michelin",
    "Ferrero",
    "Turkish Airlines",
    "Allegro",
    "Heineken",
    "Jerónimo Martins",
    "Zalando SE",
    "Renault Group",
    "Ericsson",
    "Infosys",
    "Nestlé",
)
TRAP_CITIES = (
    "Rotterdam",
    "Kraków",
    "Bilbao",
    "Lyon",
    "Porto",
    "Eindhoven",
    "İzmir",
    "Bologna",
    "Hamburg",
    "Valencia",
    "Gdańsk",
    "Toulouse",
)


def company(rng: Random) -> str:
    return pick(rng, COMPANIES)


def city(rng: Random) -> str:
    return pick(rng, TRAP_CITIES)
