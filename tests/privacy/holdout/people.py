"""Invented people and the everyday values attached to them, per locale."""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from dataclasses import dataclass, field

from privacy.holdout import checks

TODAY = dt.date(2026, 12, 1)

# first names (female, male) and surnames per locale; invented combinations


def _w(names: str) -> list[str]:
    """A name pool written as one '|'-separated string."""
    return names.split("|")


NAMES: dict[str, tuple[list[str], list[str], list[str]]] = {
    "en": (
        _w(
            "Olivia|Hannah|Grace|Chloe|Megan|Rose|Hope|Amber|Bethany|Siobhan|Leah|Imogen|Poppy|"
            "Harriet|Niamh|Jasmine|Kayleigh|Priya|Aisha|Rebecca|Lucy|Erin|Maisie|Brooke"
        ),
        _w(
            "Oliver|Jack|Harry|George|Callum|Mark|Will|Bill|Reece|Owen|Declan|Rhys|Tobias|Kieran|"
            "Nathan|Dominic|Ravi|Jamal|Ethan|Connor|Stuart|Gareth|Ewan|Ashley"
        ),
        _w(
            "Whitfield|Marsh|Pennington|Harrow|Oakley|Fairbairn|Cartwright|Holloway|Brennan|"
            "Dunmore|Ashworth|Kendrick|Thorne|Baxter|Wren|Fletcher|Pemberton|Carver|Lister|"
            "Hartley|Goodwin|Rowntree|Sinclair|Bright|Young|Hale|Lockwood|Mercer|Okafor|Chaudhry"
        ),
    ),
    "us": (
        _w(
            "Madison|Kayla|Brianna|Destiny|Autumn|Savannah|Jordan|Tiffany|Crystal|Shayla|Maria|"
            "Jennifer|Lauren|Danielle|Alexis"
        ),
        _w(
            "Tyler|Brandon|Cody|Dustin|Travis|Marcus|DeShawn|Hunter|Austin|Kyle|Carlos|Jamal|"
            "Wyatt|Garrett|Trevor"
        ),
        _w(
            "McAllister|Kowalczyk|Delgado|Whitaker|Brooks|Sandoval|Petrakis|Lindqvist|Hawthorne|"
            "Rutledge|Okonkwo|Castellanos|Abernathy|Fitzgerald|Nakamura|Washington"
        ),
    ),
    "de": (
        _w(
            "Anna|Lena|Sophie|Katharina|Jana|Sabine|Ursula|Birgit|Heike|Franziska|Mareike|Svenja|"
            "Annika|Jutta|Gisela|Lea|Hanna|Ayşe|Elif|Dörte|Kübra|Antje|Wiebke|Friederike"
        ),
        _w(
            "Lukas|Jonas|Maximilian|Jürgen|Uwe|Thorsten|Dirk|Matthias|Florian|Sebastian|Björn|"
            "Kai|Ernst|Frank|Günther|Hauke|Jannik|Malte|Till|Tobias|Emre|Mehmet|Torben|Volker"
        ),
        _w(
            "Müller|Schröder|Weißenborn|Hoffmann|Brandt|Kühn|Wolf|Fuchs|Klein|Schwarz|Vogelsang|"
            "Lindemann|Jäger|Krüger|Hübner|Petersen|Dietrich|Engel|Kaya|Öztürk|Reinhardt|"
            "Zimmermann|Böhm|Scholz|Lorenz|Haas|Thiele|Gruber|Wagner|Eichhorn"
        ),
    ),
    "at": (
        _w("Theresa|Magdalena|Johanna|Veronika|Elisabeth|Katrin"),
        _w("Florian|Stefan|Lukas|Andreas|Markus|Wolfgang"),
        _w("Gruber|Huber|Pichler|Moser|Steiner|Hofer|Leitner|Wimmer|Egger|Aigner"),
    ),
    "ch": (
        _w("Seraina|Nadja|Corinne|Mirjam|Flurina|Regula"),
        _w("Reto|Beat|Urs|Adrian|Gian|Lorenz"),
        _w("Meier|Brunner|Gerber|Baumann|Keller|Frei|Zürcher|Käser|Wyss|Bachmann"),
    ),
    "es": (
        _w(
            "María|Lucía|Carmen|Begoña|Ainhoa|Nerea|Rocío|Dolores|Amparo|Pilar|Itziar|Marta|Alba|"
            "Noelia|Montserrat|Inmaculada|Rosario|Yolanda|Laia|Paula"
        ),
        _w(
            "Javier|Íñigo|Jorge|Sergio|Álvaro|Raúl|Rubén|Alejandro|Iker|Jordi|Manuel|Borja|"
            "Francisco|Andrés|Gonzalo|Víctor|Ángel|Pau|Xavier|Diego"
        ),
        _w(
            "García|Núñez|Fernández|Rodríguez|Martínez|López|Sánchez|Gómez|Ibáñez|Muñoz|Blanco|"
            "Castaño|Ortega|Herrero|Domínguez|Echeverría|Vázquez|Peña|Soler|Carrasco|Prieto|"
            "Aguirre|Bermúdez|Calvo|Salazar|Quintana"
        ),
    ),
    "fr": (
        _w(
            "Camille|Chloé|Manon|Léa|Océane|Zoé|Margaux|Élodie|Anaïs|Sandrine|Nathalie|Mathilde|"
            "Clémence|Gaëlle|Solène|Maëlys|Rose|Inès|Aurélie|Bérénice"
        ),
        _w(
            "Mathieu|Théo|Hugo|Julien|Nicolas|Sébastien|Benoît|Guillaume|Maxime|Loïc|Rémi|Pierre|"
            "Jérôme|Antoine|Yannick|Cédric|Karim|Thibault|Gaël|Baptiste"
        ),
        _w(
            "Lefèvre|Moreau|Dubois|Girard|Faure|Rousseau|Blanc|Petit|Lemaire|Chevalier|Garnier|"
            "Mercier|Boucher|Lacroix|Fontaine|Perrin|Brunet|Marchand|Benoît|Gauthier|Roussel|"
            "Lemoine|Vasseur|Hébert|Besnard|Caron|Lebrun|Dupuis"
        ),
    ),
    "it": (
        _w(
            "Giulia|Chiara|Francesca|Alessia|Martina|Federica|Serena|Rosa|Ilaria|Valentina|"
            "Beatrice|Elisa|Noemi|Greta|Roberta|Gaia|Ludovica|Carolina|Annalisa|Marisa"
        ),
        _w(
            "Matteo|Lorenzo|Alessandro|Davide|Gabriele|Riccardo|Tommaso|Federico|Andrea|Niccolò|"
            "Giuseppe|Salvatore|Fortunato|Emanuele|Pietro|Vincenzo|Luca|Marco|Simone|Stefano"
        ),
        _w(
            "Rossi|Bianchi|Esposito|Ferrari|Romano|Colombo|Ricci|Marino|Greco|Bruno|Gallo|Conti|"
            "Mancini|Costa|Giordano|Rizzo|Lombardi|Moretti|Barbieri|Fontana|Santoro|Caruso|"
            "Mariani|Ferraro|D'Angelo|Sartori|Galli|Pellegrini|Vitale|De Luca"
        ),
    ),
    "nl": (
        _w("Sanne|Femke|Anouk|Lotte|Marloes"),
        _w("Daan|Sven|Joost|Thijs|Bram"),
        _w("de Vries|Jansen|Bakker|Visser|Smit|Mulder|van Dijk"),
    ),
    "pt": (
        _w("Inês|Beatriz|Leonor|Mariana|Joana"),
        _w("João|Tiago|Rui|Duarte|Gonçalo"),
        _w("Silva|Santos|Ferreira|Pereira|Oliveira|Costa|Rodrigues|Martins"),
    ),
    "pl": (
        _w("Agnieszka|Katarzyna|Małgorzata|Joanna|Zofia"),
        _w("Piotr|Krzysztof|Tomasz|Paweł|Michał"),
        _w("Nowak|Kowalski|Wiśniewski|Wójcik|Kamiński|Lewandowski|Zieliński"),
    ),
    "nordic": (
        _w("Ingrid|Sigrid|Astrid|Kirsten|Saara|Aino|Freja|Maja"),
        _w("Henrik|Lars|Mikkel|Olli|Juha|Magnus|Erik|Nils"),
        _w(
            "Andersson|Johansson|Lindgren|Haugen|Bakken|Virtanen|Korhonen|Jensen|Nielsen|"
            "Sørensen|Berglund|Nyström"
        ),
    ),
    "cz": (
        _w("Tereza|Lucie|Veronika|Zuzana"),
        _w("Jakub|Ondřej|Tomáš|Marek"),
        _w("Novák|Dvořák|Svoboda|Černý|Procházka|Kučera"),
    ),
    "ro": (
        _w("Ioana|Andreea|Bianca|Alexandra"),
        _w("Andrei|Mihai|Bogdan|Cristian"),
        _w("Popescu|Ionescu|Dumitrescu|Stanciu|Constantinescu"),
    ),
    "ie": (
        _w("Aoife|Ciara|Saoirse|Róisín"),
        _w("Cian|Oisín|Darragh|Pádraig"),
        _w("Ó Briain|Murphy|Kelly|Byrne|Doyle|McCarthy"),
    ),
    "gr": (
        _w("Eleni|Katerina|Dimitra|Georgia|Ελένη|Κατερίνα"),
        _w("Giorgos|Nikos|Kostas|Yannis|Γιώργος|Νίκος"),
        _w("Papadopoulos|Georgiou|Nikolaidis|Karagiannis|Παπαδόπουλος|Νικολαΐδης"),
    ),
    "tr": (
        _w("Zeynep|Elif|Merve|Büşra"),
        _w("Burak|Emre|Can|Oğuz"),
        _w("Yılmaz|Demir|Şahin|Çelik|Aydın"),
    ),
    "br": (
        _w("Ana|Júlia|Larissa|Camila|Fernanda"),
        _w("Thiago|Rafael|Guilherme|Leandro"),
        _w("Souza|Lima|Carvalho|Almeida|Ribeiro|Barbosa"),
    ),
    "mx": (
        _w("Guadalupe|Ximena|Valeria|Fernanda"),
        _w("Alejandro|Emiliano|Santiago|Ricardo"),
        _w("Hernández|Ramírez|Torres|Flores|Morales|Mendoza"),
    ),
    "latam": (
        _w("Catalina|Constanza|Florencia|Agustina"),
        _w("Matías|Benjamín|Joaquín|Facundo"),
        _w("González|Muñoz|Rojas|Pereyra|Figueroa|Acosta"),
    ),
    "in": (
        _w("Priya|Ananya|Divya|Kavya|प्रिया"),
        _w("Rahul|Arjun|Vikram|Rohan|अर्जुन"),
        _w("Sharma|Iyer|Patel|Reddy|Nair|Banerjee|शर्मा"),
    ),
    "cn": (
        _w("Li Na|Wang Fang|Zhang Min|李娜|王芳"),
        _w("Liu Yang|Chen Wei|Zhao Lei|刘洋|陈伟"),
        [],
    ),
    "kr": (
        _w("Ji-woo|Seo-yeon|Min-ji|지우|서연"),
        _w("Min-jun|Do-hyun|Ji-ho|민준|도현"),
        _w("Kim|Lee|Park|Choi|김|박"),
    ),
    "jp": (
        _w("Yui|Haruka|Aoi|陽菜|結衣"),
        _w("Haruto|Sota|Ren|大翔|蓮"),
        _w("Sato|Suzuki|Takahashi|Tanaka|佐藤|高橋"),
    ),
    "il": (
        _w("Noa|Tamar|Yael|נועה"),
        _w("Itai|Omer|Yonatan|איתי"),
        _w("Cohen|Levi|Mizrahi|Peretz|כהן"),
    ),
    "ru": (
        _w("Anastasia|Ekaterina|Darya|Анастасия|Екатерина"),
        _w("Dmitry|Alexei|Sergei|Дмитрий|Алексей"),
        _w("Ivanova|Smirnova|Kuznetsova|Иванова|Смирнова"),
    ),
    "za": (
        _w("Thandiwe|Lerato|Naledi|Anneke"),
        _w("Sipho|Thabo|Pieter|Kagiso"),
        _w("Nkosi|Dlamini|van der Merwe|Botha|Mokoena"),
    ),
    "sg": (
        _w("Wei Ling|Hui Min|Siti Nurhaliza"),
        _w("Jun Jie|Wei Jie|Muhammad Hafiz"),
        _w("Tan|Lim|Ng|Goh"),
    ),
    "ca": (
        _w("Geneviève|Émilie|Brooke|Kaitlyn"),
        _w("Étienne|Mathis|Logan|Brayden"),
        _w("Tremblay|Gagnon|Bouchard|MacDonald|Thompson"),
    ),
    "au": (
        _w("Matilda|Charlotte|Isla|Tahlia"),
        _w("Lachlan|Hamish|Cooper|Angus"),
        _w("Nguyen|Mitchell|Kelly|Walsh|Campbell"),
    ),
}

MAIL_DOMAINS = [
    "example.com",
    "example.org",
    "example.net",
    "mail.example.com",
    "webmail.example.net",
]
LOCAL_MAIL = {
    "de": "post.example.de",
    "at": "post.example.de",
    "es": "correo.example.es",
    "it": "posta.example.it",
    "fr": "courriel.example.fr",
    "be": "courriel.example.fr",
    "en": "inbox.example.co.uk",
    "ch": "kmail.example.ch",
    "pt": "sapo.example.pt",
}
WORK_DOMAINS = [
    "hollis-freight.example",
    "brightwave.example.com",
    "kanzlei-ostermann.example.de",
    "vetrerie-lago.example.it",
    "talleres-ebro.example.es",
    "atelier-soleil.example.fr",
    "northbeam-analytics.example.co.uk",
    "zeltwerk.example.de",
    "agrivita.example.org",
]


@dataclass
class Person:
    """An invented private person."""

    loc: str
    first: str
    last: str
    sex: str  # "f" or "m"
    dob: dt.date
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def name(self) -> str:
        if self.loc in ("cn", "kr", "jp") and not _latin(self.first):
            return self.last + self.first
        if self.loc == "cn":
            return f"{self.last} {self.first}"
        return f"{self.first} {self.last}"


def _latin(s: str) -> bool:
    return all(unicodedata.name(c, "").startswith("LATIN") or not c.isalpha() for c in s)


def person(rng: random.Random, loc: str, *, sex: str | None = None, native: bool = False) -> Person:
    """A person of locale ``loc``; ``native`` picks non-Latin script where the locale has one."""
    fem, mal, sur = NAMES[loc]
    sex = sex or rng.choice("fm")
    firsts = fem if sex == "f" else mal
    pick = [f for f in firsts if _latin(f) != native] or firsts
    first = rng.choice(pick)
    if loc == "cn":
        last, first = first.split(" ", 1) if " " in first else (first[0], first[1:])
    else:
        lasts = [s for s in sur if _latin(s) == _latin(first)] or sur
        last = rng.choice(lasts)
    year = rng.randint(1946, 2004)
    dob = dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(0, 364))
    return Person(loc, first, last, sex, dob)


def ascii_fold(text: str) -> str:
    """Lower-case ASCII form of a name, for e-mail local parts."""
    text = text.replace("ß", "ss").replace("ø", "o").replace("ł", "l").replace("ı", "i")
    norm = unicodedata.normalize("NFKD", text)
    return "".join(c for c in norm if c.isascii() and (c.isalnum() or c in " -")).lower()


def email(rng: random.Random, p: Person, *, work: bool = False) -> str:
    """An address a person of this name would plausibly own."""
    f = ascii_fold(p.first).replace(" ", "") or "user"
    last = ascii_fold(p.last).replace(" ", "").replace("-", "") or "mail"
    if not f.isascii() or f == "user":
        f = rng.choice(["li", "kim", "sato", "noa", "dima", "anya"])
    local = rng.choice(
        [
            f"{f}.{last}",
            f"{f[0]}{last}",
            f"{f}{last}{p.dob.year % 100:02d}",
            f"{last}.{f}",
            f"{f}_{last}",
            f"{f}{rng.randint(1, 999)}",
            f"{f[0]}.{last}",
        ]
    )
    local_domain = LOCAL_MAIL.get(p.loc)
    pool = MAIL_DOMAINS[:5] + ([local_domain] * 3 if local_domain else [])
    domain = rng.choice(WORK_DOMAINS if work else pool)
    return f"{local}@{domain}"


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(checks.DIGITS) for _ in range(n))


def phone(rng: random.Random, loc: str) -> str:
    """A private (mostly mobile) number as people of ``loc`` write it."""

    def d(n: int) -> str:
        return _digits(rng, n)

    mob_de = rng.choice(
        ["0151", "0152", "0157", "0160", "0162", "0170", "0171", "0172", "0176", "0178"]
    )
    forms = {
        "de": [
            f"+49 {mob_de[1:]} {d(7)}",
            f"{mob_de} {d(7)}",
            f"0{rng.choice(['30', '89', '40', '221', '711'])}/{d(7)}",
            f"+49 (0){mob_de[1:]}-{d(3)} {d(4)}",
            f"{mob_de}/{d(7)}",
        ],
        "at": [f"+43 664 {d(7)}", f"0676 {d(3)} {d(4)}"],
        "ch": [
            f"+41 7{rng.choice('6789')} {d(3)} {d(2)} {d(2)}",
            f"07{rng.choice('89')} {d(3)} {d(2)} {d(2)}",
        ],
        "en": [
            f"07{d(3)} {d(6)}",
            f"+44 7{d(3)} {d(6)}",
            f"+44 (0)20 {d(4)} {d(4)}",
            f"07{d(3)}-{d(3)}-{d(3)}",
        ],
        "us": [
            f"({rng.randint(201, 989)}) {rng.randint(201, 989)}-{d(4)}",
            f"{rng.randint(201, 989)}-{rng.randint(201, 989)}-{d(4)}",
            f"+1 {rng.randint(201, 989)} {rng.randint(201, 989)} {d(4)}",
            f"{rng.randint(201, 989)}.{rng.randint(201, 989)}.{d(4)}",
        ],
        "es": [
            f"6{d(2)} {d(3)} {d(3)}",
            f"+34 6{d(2)} {d(2)} {d(2)} {d(2)}",
            f"+34 9{d(2)} {d(3)} {d(3)}",
            f"6{d(8)}",
        ],
        "fr": [
            f"06 {d(2)} {d(2)} {d(2)} {d(2)}",
            f"+33 6 {d(2)} {d(2)} {d(2)} {d(2)}",
            f"07.{d(2)}.{d(2)}.{d(2)}.{d(2)}",
            f"+33 (0)1 {d(2)} {d(2)} {d(2)} {d(2)}",
        ],
        "it": [
            f"3{rng.choice('234')}{d(1)} {d(3)} {d(4)}",
            f"+39 3{d(2)} {d(7)}",
            f"+39 02 {d(4)} {d(4)}",
            f"3{d(2)}/{d(7)}",
        ],
        "nl": [f"+31 6 {d(8)}", f"06-{d(8)}"],
        "pt": [f"+351 9{rng.choice('1236')}{d(1)} {d(3)} {d(3)}"],
        "be": [f"+32 47{d(1)} {d(2)} {d(2)} {d(2)}"],
        "ie": [f"+353 8{rng.choice('3567')} {d(3)} {d(4)}"],
        "pl": [f"+48 {rng.choice('56789')}{d(2)} {d(3)} {d(3)}"],
        "au": [f"04{d(2)} {d(3)} {d(3)}"],
        "ca": [f"({rng.randint(204, 905)}) {rng.randint(201, 989)}-{d(4)}"],
    }
    forms.update(
        {
            "se": [
                f"+46 70 {d(3)} {d(2)} {d(2)}",
                f"+47 9{d(2)} {d(2)} {d(3)}",
                f"+45 {d(2)} {d(2)} {d(2)} {d(2)}",
                f"+358 40 {d(3)} {d(4)}",
            ],
            "sg": [f"+65 9{d(3)} {d(4)}"],
            "in": [f"+91 9{d(4)} {d(5)}"],
            "cn": [f"+86 13{d(1)} {d(4)} {d(4)}"],
            "kr": [f"+82 10-{d(4)}-{d(4)}"],
            "jp": [f"+81 90-{d(4)}-{d(4)}"],
            "br": [f"+55 11 9{d(4)}-{d(4)}"],
            "mx": [f"+52 55 {d(4)} {d(4)}"],
            "tr": [f"+90 5{d(2)} {d(3)} {d(2)} {d(2)}"],
            "il": [f"+972 5{d(1)}-{d(3)}-{d(4)}"],
            "ru": [f"+7 9{d(2)} {d(3)}-{d(2)}-{d(2)}"],
            "za": [f"+27 8{d(1)} {d(3)} {d(4)}"],
            "gr": [f"+30 69{d(1)} {d(3)} {d(4)}"],
            "ro": [f"+40 7{d(2)} {d(3)} {d(3)}"],
            "cz": [f"+420 6{d(2)} {d(3)} {d(3)}"],
            "latam": [f"+56 9 {d(4)} {d(4)}", f"+54 9 11 {d(4)}-{d(4)}"],
        }
    )
    return rng.choice(forms.get(loc, forms["en"]))


STREETS = {
    "de": [
        "Lindenstraße",
        "Am Mühlbach",
        "Goethestraße",
        "Bergstraße",
        "Hauptstr.",
        "Schillerweg",
        "Kastanienallee",
        "Friedrich-Ebert-Straße",
        "Am Sonnenhang",
        "Rosenweg",
        "Gartenstraße",
        "Uhlandstraße",
    ],
    "de_pc": [
        "80331 München",
        "10437 Berlin",
        "50667 Köln",
        "20357 Hamburg",
        "70176 Stuttgart",
        "79098 Freiburg",
        "04109 Leipzig",
        "90402 Nürnberg",
        "48143 Münster",
        "01067 Dresden",
        "28195 Bremen",
    ],
    "at": [
        "Schönbrunner Straße",
        "Mariahilfer Straße",
        "Hauptplatz",
        "Linzer Gasse",
        "Annenstraße",
    ],
    "at_pc": ["1050 Wien", "1060 Wien", "4020 Linz", "5020 Salzburg", "8020 Graz"],
    "ch": ["Bahnhofstrasse", "Seestrasse", "Dorfstrasse", "Rue de Lausanne", "Kirchweg"],
    "ch_pc": ["8001 Zürich", "3011 Bern", "4051 Basel", "6003 Luzern", "1201 Genève"],
    "en": [
        "Mill Lane",
        "Station Road",
        "Church Street",
        "Victoria Road",
        "Albert Terrace",
        "Orchard Close",
        "Beechwood Avenue",
        "Kings Road",
        "Cromwell Gardens",
        "Meadow View",
    ],
    "en_pc": [
        "Manchester M20 2SW",
        "Leeds LS6 3HN",
        "Bristol BS7 8PT",
        "London N16 7JL",
        "Glasgow G12 8QQ",
        "Cardiff CF24 4LF",
        "York YO31 7EZ",
        "Brighton BN2 1RE",
    ],
    "us": [
        "Maple Ave",
        "Oak Street",
        "Sunset Blvd",
        "Elm Drive",
        "Pinecrest Ct",
        "Lakeview Rd",
        "W 34th St",
    ],
    "us_pc": [
        "Portland, OR 97205",
        "Austin, TX 78704",
        "Columbus, OH 43215",
        "Denver, CO 80206",
        "Raleigh, NC 27605",
        "Madison, WI 53703",
        "Tucson, AZ 85719",
    ],
    "es": [
        "Calle de Alcalá",
        "C/ Mayor",
        "Avenida de la Constitución",
        "Calle San Vicente",
        "Carrer de Mallorca",
        "Paseo de Gracia",
        "Calle Real",
        "Calle del Olmo",
    ],
    "es_pc": [
        "28009 Madrid",
        "08013 Barcelona",
        "41004 Sevilla",
        "46002 Valencia",
        "48001 Bilbao",
        "50003 Zaragoza",
        "29016 Málaga",
        "15001 A Coruña",
    ],
    "fr": [
        "rue des Lilas",
        "avenue Jean Jaurès",
        "boulevard Voltaire",
        "rue de la République",
        "chemin des Vignes",
        "allée des Tilleuls",
        "place du Marché",
        "rue Victor Hugo",
    ],
    "fr_pc": [
        "69003 Lyon",
        "31000 Toulouse",
        "75011 Paris",
        "13006 Marseille",
        "44000 Nantes",
        "67000 Strasbourg",
        "33800 Bordeaux",
        "59000 Lille",
    ],
    "it": [
        "Via Garibaldi",
        "Corso Vittorio Emanuele II",
        "Via Roma",
        "Viale dei Mille",
        "Piazza Dante",
        "Via della Spiga",
        "Via Nazionale",
        "Vicolo del Pozzo",
    ],
    "it_pc": [
        "20121 Milano",
        "10138 Torino",
        "00184 Roma",
        "80134 Napoli",
        "40126 Bologna",
        "50122 Firenze",
        "90133 Palermo",
        "35121 Padova",
    ],
    "nl": ["Prinsengracht", "Dorpsstraat", "Kerkstraat", "Molenweg"],
    "nl_pc": ["1016 GV Amsterdam", "3511 LN Utrecht", "2512 AB Den Haag", "9711 HR Groningen"],
    "pt": ["Rua Augusta", "Avenida da Liberdade", "Rua de Santa Catarina"],
    "pt_pc": ["1100-048 Lisboa", "4000-447 Porto", "3000-123 Coimbra"],
}


def address(rng: random.Random, loc: str, *, multiline: bool = False) -> str:
    """A street address of ``loc`` (one line, or street and town on two)."""
    key = loc if loc in STREETS else "en"
    street, town = rng.choice(STREETS[key]), rng.choice(STREETS[key + "_pc"])
    n = rng.randint(1, 180)
    sep = "\n" if multiline else ", "
    if key == "en":
        return f"{n} {street}{sep}{town}"
    if key == "us":
        unit = rng.choice(
            ["", f", Apt {rng.randint(1, 30)}{rng.choice('ABCD')}", f" #{rng.randint(100, 999)}"]
        )
        return f"{rng.randint(100, 9999)} {street}{unit}{sep}{town}"
    if key == "fr":
        return f"{n}{rng.choice(['', ' bis'])} {street}{sep}{town}"
    if key == "es":
        floor = rng.choice(
            [
                "",
                f", {rng.randint(1, 8)}º {rng.choice('ABCD')}",
                f", {rng.randint(1, 6)}º{rng.choice('ABCD')}",
            ]
        )
        return f"{street} {n}{floor}{sep}{town}"
    if key == "it":
        return f"{street} {n}{rng.choice(['', '/B', ', int. 4'])}{sep}{town}"
    if key == "at":
        return f"{street} {n}/{rng.randint(1, 20)}{sep}{town}"
    if key == "pt":
        return f"{street} {n}, {rng.randint(1, 6)}.º Esq.{sep}{town}"
    return f"{street} {n}{rng.choice(['', 'a', 'b']) if key == 'de' else ''}{sep}{town}"


MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
    "diciembre",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
    "dicembre",
}
MONTH_NAMES = {k: v.split() for k, v in MONTHS.items()}


def date_text(rng: random.Random, d: dt.date, lang: str) -> str:
    """``d`` written the way a ``lang`` writer would in running text or a form."""
    m = MONTH_NAMES.get(lang, MONTH_NAMES["en"])[d.month - 1]
    yy = f"{d.year % 100:02d}"
    forms = {
        "en": [
            f"{d.day} {m} {d.year}",
            f"{d.day:02d}/{d.month:02d}/{d.year}",
            f"{m} {d.day}, {d.year}",
            f"{d.isoformat()}",
            f"{d.day}/{d.month}/{yy}",
            f"{d.day} {m[:3]} {d.year}",
        ],
        "us": [
            f"{d.month:02d}/{d.day:02d}/{d.year}",
            f"{m} {d.day}, {d.year}",
            f"{d.month}/{d.day}/{yy}",
            f"{m[:3]} {d.day} {d.year}",
        ],
        "de": [
            f"{d.day:02d}.{d.month:02d}.{d.year}",
            f"{d.day}. {m} {d.year}",
            f"{d.day}.{d.month}.{yy}",
            f"{d.day:02d}.{d.month:02d}.{yy}",
        ],
        "es": [
            f"{d.day:02d}/{d.month:02d}/{d.year}",
            f"{d.day} de {m} de {d.year}",
            f"{d.day}-{d.month}-{d.year}",
        ],
        "fr": [
            f"{d.day:02d}/{d.month:02d}/{d.year}",
            f"{d.day} {m} {d.year}",
            f"{d.day:02d}.{d.month:02d}.{d.year}",
        ],
        "it": [
            f"{d.day:02d}/{d.month:02d}/{d.year}",
            f"{d.day} {m} {d.year}",
            f"{d.day}/{d.month}/{yy}",
        ],
        "iso": [d.isoformat()],
    }
    return rng.choice(forms.get(lang, forms["iso"]))


IBAN_COUNTRIES = ("ES", "FR", "IT", "BE", "PT", "DE", "AT", "CH", "NL", "GB", "IE", "PL")


def iban(rng: random.Random, country: str) -> str:
    """A valid IBAN of ``country`` (compact), national check digits where they exist."""

    def d(n: int) -> str:
        return _digits(rng, n)

    def letters(n: int) -> str:
        return "".join(rng.choice(checks.UPPER) for _ in range(n))

    if country == "ES":
        bank, branch, acct = d(4), d(4), d(10)
        w = (1, 2, 4, 8, 5, 10, 9, 7, 3, 6)
        c1, c2 = (11 - checks.weighted(x, w) % 11 for x in ("00" + bank + branch, acct))
        bban = bank + branch + _es_fix(c1) + _es_fix(c2) + acct
    elif country == "FR":
        bank, desk, acct = d(5), d(5), d(11)
        key = 97 - (89 * int(bank) + 15 * int(desk) + 3 * int(acct)) % 97
        bban = f"{bank}{desk}{acct}{key:02d}"
    elif country == "IT":
        body = d(10) + d(12)
        bban = italian_cin(body) + body
    elif country == "BE":
        first = d(10)
        bban = first + f"{int(first) % 97 or 97:02d}"
    elif country == "PT":
        body = d(19)
        bban = body + f"{98 - int(body) * 100 % 97:02d}"
    else:
        shapes = {
            "DE": ("", 18),
            "AT": ("", 16),
            "CH": ("", 17),
            "NL": ("L", 10),
            "GB": ("L", 14),
            "IE": ("L", 14),
            "PL": ("", 24),
        }
        bank, n = shapes[country]
        bban = (letters(4) if bank else "") + d(n)
    return checks.iban_from_bban(country, bban)


def _es_fix(c: int) -> str:
    return "0" if c == 11 else "1" if c == 10 else str(c)


def italian_cin(body: str) -> str:
    """CIN letter of an Italian BBAN (same tables as the codice fiscale check)."""
    return it_check(body)


_IT_ODD = [
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


def _it_value(ch: str, odd: bool) -> int:
    idx = int(ch) if ch.isdigit() else ord(ch) - 65
    return _IT_ODD[idx] if odd else idx


def it_check(body: str) -> str:
    """Odd/even table check letter (positions counted from 1)."""
    total = sum(_it_value(c, i % 2 == 0) for i, c in enumerate(body.upper()))
    return chr(65 + total % 26)


def group(text: str, size: int = 4, sep: str = " ") -> str:
    """``text`` in groups of ``size``."""
    return sep.join(text[i : i + size] for i in range(0, len(text), size))


def card(rng: random.Random) -> str:
    """A Luhn-valid card number, grouped the way the brand prints it (or compact)."""
    brand = rng.choice(["visa", "visa", "mc", "mc2", "amex"])
    if brand == "amex":
        body = rng.choice(["34", "37"]) + _digits(rng, 12)
        num = body + checks.luhn_digit(body)
        return rng.choice([f"{num[:4]} {num[4:10]} {num[10:]}", num])
    prefix = {"visa": "4", "mc": str(rng.randint(51, 55)), "mc2": str(rng.randint(2221, 2720))}[
        brand
    ]
    body = prefix + _digits(rng, 15 - len(prefix))
    num = body + checks.luhn_digit(body)
    return rng.choice([group(num), group(num), num, group(num, 4, "-")])
