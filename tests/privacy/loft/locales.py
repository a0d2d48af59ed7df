"""Locales for the loft corpus: invented names, real-shaped phones, addresses and plates."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from random import Random

from .gen import digits, rstr

UP = "ABCDEFGHJKLMNPRSTUVWXYZ"

# given names: (name, female)
NAMES: dict[str, tuple[list[tuple[str, bool]], list[str]]] = {
    "en_US": (
        [
            ("Emily", True),
            ("Jacob", False),
            ("Madison", True),
            ("Tyler", False),
            ("Brianna", True),
            ("Marcus", False),
            ("Kayla", True),
            ("Devon", False),
            ("Shannon", True),
            ("Trevor", False),
            ("Alyssa", True),
            ("Darnell", False),
            ("Megan", True),
            ("Cody", False),
            ("Latoya", True),
        ],
        [
            "Hendricks",
            "Callahan",
            "Okafor",
            "Brennan",
            "Whitlock",
            "Delgado",
            "Pruitt",
            "Sorensen",
            "Mulvaney",
            "Ashby",
            "Fairbanks",
            "Quintero",
            "Vanderpool",
            "Birchfield",
            "Castellanos",
        ],
    ),
    "en_GB": (
        [
            ("Oliver", False),
            ("Chloe", True),
            ("Harriet", True),
            ("Callum", False),
            ("Imogen", True),
            ("Rhys", False),
            ("Niamh", True),
            ("Alfie", False),
            ("Poppy", True),
            ("Euan", False),
        ],
        [
            "Thistlewood",
            "Pennington",
            "Ashworth",
            "Fairclough",
            "Grimshaw",
            "Hollis",
            "Marsden",
            "Lockwood",
            "Wetherby",
            "Cartwright",
            "Bramhall",
            "Featherstone",
        ],
    ),
    "de_DE": (
        [
            ("Jana", True),
            ("Lukas", False),
            ("Sabine", True),
            ("Jörg", False),
            ("Anke", True),
            ("Till", False),
            ("Friederike", True),
            ("Maximilian", False),
            ("Ute", True),
            ("Bernd", False),
            ("Katrin", True),
            ("Mehmet", False),
            ("Svenja", True),
        ],
        [
            "Brandstätter",
            "Kühnel",
            "Oberhuber",
            "Wetzlaff",
            "Schimmelpfennig",
            "Grünewald",
            "Hollmann",
            "Pfeiffer",
            "Dreßler",
            "Lindemann",
            "Kaminski",
            "Eichhorst",
            "Voßkamp",
        ],
    ),
    "fr_FR": (
        [
            ("Camille", True),
            ("Théo", False),
            ("Margaux", True),
            ("Baptiste", False),
            ("Élodie", True),
            ("Quentin", False),
            ("Solène", True),
            ("Mathis", False),
            ("Anaïs", True),
            ("Gaëtan", False),
        ],
        [
            "Lefebvre-Morin",
            "Duchêne",
            "Marchetti",
            "Roussel",
            "Guillot",
            "Barbier",
            "Chevallier",
            "Vasseur",
            "Lemarchand",
            "Peyrefitte",
        ],
    ),
    "es_ES": (
        [
            ("Lucía", True),
            ("Javier", False),
            ("Nerea", True),
            ("Álvaro", False),
            ("Itziar", True),
            ("Sergio", False),
            ("Rocío", True),
            ("Íñigo", False),
            ("Marta", True),
            ("Andrés", False),
        ],
        [
            "García Lozano",
            "Ferrández",
            "Etxeberria",
            "Morales Ruiz",
            "Quintana",
            "Beltrán Soler",
            "Ibáñez",
            "Navarro Gil",
            "Castillo",
            "Arrieta",
        ],
    ),
    "it_IT": (
        [
            ("Giulia", True),
            ("Matteo", False),
            ("Chiara", True),
            ("Lorenzo", False),
            ("Francesca", True),
            ("Davide", False),
            ("Martina", True),
            ("Simone", False),
            ("Alessia", True),
            ("Gianluca", False),
        ],
        [
            "Bianchi",
            "Esposito",
            "Colombo",
            "Ferraro",
            "Fontana",
            "Caruso",
            "Mancini",
            "Lombardi",
            "Pellegrini",
            "Santoro",
        ],
    ),
    "nl_NL": (
        [
            ("Sanne", True),
            ("Daan", False),
            ("Femke", True),
            ("Joris", False),
            ("Lotte", True),
            ("Bram", False),
            ("Ilse", True),
            ("Wouter", False),
            ("Noor", True),
            ("Thijs", False),
        ],
        [
            "de Vries",
            "van den Berg",
            "Jansen",
            "Bakker",
            "Visser",
            "Smit",
            "Meijer",
            "de Boer",
            "Mulder",
            "van Dijk",
        ],
    ),
    "pl_PL": (
        [
            ("Agnieszka", True),
            ("Krzysztof", False),
            ("Magdalena", True),
            ("Tomasz", False),
            ("Katarzyna", True),
            ("Paweł", False),
            ("Joanna", True),
            ("Łukasz", False),
            ("Zofia", True),
            ("Grzegorz", False),
        ],
        [
            "Nowak",
            "Kowalczyk",
            "Mazur",
            "Krawczyk",
            "Dudek",
            "Pietrzak",
            "Sikora",
            "Michalak",
            "Szymczak",
            "Wróbel",
        ],
    ),
    "pt_BR": (
        [
            ("Ana Clara", True),
            ("João Pedro", False),
            ("Mariana", True),
            ("Rafael", False),
            ("Beatriz", True),
            ("Thiago", False),
            ("Larissa", True),
            ("Gustavo", False),
            ("Fernanda", True),
            ("Felipe", False),
        ],
        [
            "Silva Santos",
            "Oliveira",
            "Souza Lima",
            "Ferreira",
            "Almeida",
            "Carvalho",
            "Ribeiro",
            "Gomes",
            "Barbosa",
            "Rocha",
        ],
    ),
    "sv_SE": (
        [
            ("Elin", True),
            ("Oskar", False),
            ("Maja", True),
            ("Viktor", False),
            ("Ebba", True),
            ("Linnea", True),
            ("Axel", False),
            ("Ida", True),
            ("Hugo", False),
            ("Saga", True),
        ],
        [
            "Lindgren",
            "Bergström",
            "Nyberg",
            "Holmqvist",
            "Sandberg",
            "Ekström",
            "Lundqvist",
            "Forsberg",
            "Åberg",
            "Hedlund",
        ],
    ),
    "ja_JP": (
        [
            ("陽菜", True),
            ("蓮", False),
            ("結衣", True),
            ("大翔", False),
            ("美咲", True),
            ("翔太", False),
            ("さくら", True),
            ("悠真", False),
        ],
        ["佐藤", "鈴木", "高橋", "渡辺", "伊藤", "中村", "小林", "山本"],
    ),
    "zh_CN": (
        [
            ("梓涵", True),
            ("浩然", False),
            ("欣怡", True),
            ("子轩", False),
            ("雨桐", True),
            ("俊杰", False),
            ("思琪", True),
            ("宇航", False),
        ],
        ["王", "李", "张", "刘", "陈", "杨", "黄", "赵"],
    ),
    "ru_RU": (
        [
            ("Дмитрий", False),
            ("Ольга", True),
            ("Сергей", False),
            ("Екатерина", True),
            ("Алексей", False),
            ("Наталья", True),
            ("Игорь", False),
            ("Анастасия", True),
        ],
        ["Кузнецов", "Соколов", "Попов", "Лебедев", "Волков", "Морозов", "Новиков", "Фёдоров"],
    ),
    "tr_TR": (
        [
            ("Elif", True),
            ("Emre", False),
            ("Zeynep", True),
            ("Burak", False),
            ("Ayşe", True),
            ("Mert", False),
            ("Selin", True),
            ("Oğuz", False),
        ],
        ["Yıldız", "Kaya", "Demir", "Şahin", "Çelik", "Aydın", "Öztürk", "Arslan"],
    ),
    "en_IN": (
        [
            ("Priya", True),
            ("Arjun", False),
            ("Ananya", True),
            ("Rohan", False),
            ("Kavya", True),
            ("Vikram", False),
            ("Sneha", True),
            ("Aditya", False),
        ],
        ["Sharma", "Iyer", "Reddy", "Banerjee", "Nair", "Patel", "Kulkarni", "Menon"],
    ),
}

LOCALES = list(NAMES)


@dataclass(frozen=True)
class Person:
    given: str
    family: str
    female: bool
    loc: str

    @property
    def full(self) -> str:
        if self.loc in ("ja_JP",):
            return f"{self.family} {self.given}"
        if self.loc == "zh_CN":
            return f"{self.family}{self.given}"
        return f"{self.given} {self.family}"

    @property
    def formal(self) -> str:
        """Family-first with a comma, as in forms and lists."""
        if self.loc in ("ja_JP", "zh_CN"):
            return self.full
        return f"{self.family}, {self.given}"

    def initial(self) -> str:
        return f"{self.given[0]}. {self.family}"


def person(
    r: Random, loc: str, female: bool | None = None, avoid: set[str] | None = None
) -> Person:
    """A new invented person; names in ``avoid`` are reused only when the pool runs dry."""
    givens, fams = NAMES[loc]
    if avoid is None:
        avoid = set()
    gpool = [(n, f) for n, f in givens if female is None or f == female]
    g_ok = [x for x in gpool if x[0] not in avoid] or gpool
    f_ok = [x for x in fams if x not in avoid] or fams
    g, f = r.choice(g_ok)
    fam = r.choice(f_ok)
    if loc == "ru_RU" and f:
        fam = fam + "а"
    avoid.add(g)
    avoid.add(fam)
    return Person(g, fam, f, loc)


def ascii_fold(s: str) -> str:
    s = s.replace("ß", "ss").replace("ł", "l").replace("Ł", "L").replace("ı", "i")
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c) and c.isascii())


ROMAJI = {
    "陽菜": "hina",
    "蓮": "ren",
    "結衣": "yui",
    "大翔": "hiroto",
    "美咲": "misaki",
    "翔太": "shota",
    "さくら": "sakura",
    "悠真": "yuma",
    "佐藤": "sato",
    "鈴木": "suzuki",
    "高橋": "takahashi",
    "渡辺": "watanabe",
    "伊藤": "ito",
    "中村": "nakamura",
    "小林": "kobayashi",
    "山本": "yamamoto",
    "梓涵": "zihan",
    "浩然": "haoran",
    "欣怡": "xinyi",
    "子轩": "zixuan",
    "雨桐": "yutong",
    "俊杰": "junjie",
    "思琪": "siqi",
    "宇航": "yuhang",
    "王": "wang",
    "李": "li",
    "张": "zhang",
    "刘": "liu",
    "陈": "chen",
    "杨": "yang",
    "黄": "huang",
    "赵": "zhao",
}
CYR = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "e",
            "zh",
            "z",
            "i",
            "y",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            "_",
            "y",
            "_",
            "e",
            "yu",
            "ya",
        ],
        strict=True,
    )
)


def latin(s: str) -> str:
    if s in ROMAJI:
        return ROMAJI[s]
    if any("а" <= c.lower() <= "я" or c.lower() == "ё" for c in s):
        return "".join(CYR.get(c.lower(), c.lower()).replace("_", "") for c in s)
    return ascii_fold(s).lower().replace(" ", "").replace("-", "")


def roman(s: str) -> str:
    """A name as it is printed in a passport's Latin line (spaces kept)."""
    folded = ascii_fold(s)
    return folded if folded.strip() else latin(s)


EMAIL_DOMAINS = {
    "en_US": ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "comcast.net"],
    "en_GB": ["gmail.com", "btinternet.com", "hotmail.co.uk", "outlook.com"],
    "de_DE": ["gmx.de", "web.de", "t-online.de", "gmail.com", "posteo.de"],
    "fr_FR": ["orange.fr", "free.fr", "laposte.net", "gmail.com", "sfr.fr"],
    "es_ES": ["gmail.com", "hotmail.es", "yahoo.es", "telefonica.net"],
    "it_IT": ["libero.it", "gmail.com", "virgilio.it", "tiscali.it"],
    "nl_NL": ["ziggo.nl", "kpnmail.nl", "gmail.com", "hotmail.nl"],
    "pl_PL": ["wp.pl", "onet.pl", "gmail.com", "interia.pl", "o2.pl"],
    "pt_BR": ["gmail.com", "uol.com.br", "hotmail.com", "bol.com.br"],
    "sv_SE": ["gmail.com", "telia.com", "outlook.com", "bredband.net"],
    "ja_JP": ["gmail.com", "yahoo.co.jp", "docomo.ne.jp", "icloud.com"],
    "zh_CN": ["qq.com", "163.com", "126.com", "sina.com"],
    "ru_RU": ["mail.ru", "yandex.ru", "gmail.com", "rambler.ru"],
    "tr_TR": ["gmail.com", "hotmail.com", "yandex.com.tr", "outlook.com"],
    "en_IN": ["gmail.com", "rediffmail.com", "yahoo.co.in", "outlook.com"],
}


def email(r: Random, p: Person, domain: str | None = None) -> str:
    g, f = latin(p.given), latin(p.family)
    if p.loc == "zh_CN" and r.random() < 0.5:
        return f"{digits(r, r.randint(8, 10), True)}@qq.com"
    shape = r.randint(0, 5)
    local = [
        f"{g}.{f}",
        f"{g[0]}{f}",
        f"{g}{f}{r.randint(1, 99)}",
        f"{f}.{g}",
        f"{g}_{f[:4]}{r.randint(70, 99)}",
        f"{g}.{f}{r.randint(1, 9)}",
    ][shape]
    return f"{local}@{domain or r.choice(EMAIL_DOMAINS[p.loc])}"


def phone(r: Random, loc: str, intl: bool | None = None) -> str:
    i = r.random() < 0.4 if intl is None else intl
    if loc == "en_US":
        a = r.choice(["217", "312", "614", "253", "919", "480", "720"])
        s = f"{r.randint(0, 99):02d}"
        return r.choice(
            [f"({a}) 555-01{s}", f"{a}-555-01{s}", f"+1 {a} 555 01{s}", f"{a}.555.01{s}"]
        )
    if loc == "en_GB":
        n = digits(r, 3)
        return f"+44 7700 900{n}" if i else r.choice([f"07700 900{n}", f"07700900{n}"])
    if loc == "de_DE":
        pre = r.choice(["151", "160", "171", "176", "30", "89", "221", "40"])
        rest = digits(r, 8 if len(pre) == 3 else 7)
        if i:
            return f"+49 {pre} {rest}"
        return r.choice([f"0{pre} {rest[:4]} {rest[4:]}", f"0{pre}/{rest}", f"0{pre}-{rest}"])
    if loc == "fr_FR":
        d = r.choice("67") + digits(r, 8)
        pairs = " ".join(d[k : k + 2] for k in range(1, 9, 2))
        return f"+33 {d[0]} {pairs}" if i else f"0{d[0]} {pairs}"
    if loc == "es_ES":
        d = r.choice("67") + digits(r, 8)
        return f"+34 {d[:3]} {d[3:5]} {d[5:7]} {d[7:]}" if i else f"{d[:3]} {d[3:6]} {d[6:]}"
    if loc == "it_IT":
        d = "3" + r.choice("234679") + digits(r, 8)
        return f"+39 {d[:3]} {d[3:]}" if i else f"{d[:3]} {d[3:6]} {d[6:]}"
    if loc == "nl_NL":
        d = digits(r, 8)
        return f"+31 6 {d[:4]} {d[4:]}" if i else f"06-{d}"
    if loc == "pl_PL":
        d = r.choice("5678") + digits(r, 8)
        return f"+48 {d[:3]} {d[3:6]} {d[6:]}" if i else f"{d[:3]} {d[3:6]} {d[6:]}"
    if loc == "pt_BR":
        ddd = r.choice(["11", "21", "31", "41", "51", "71"])
        d = "9" + digits(r, 8)
        return f"+55 {ddd} {d[:5]}-{d[5:]}" if i else f"({ddd}) {d[:5]}-{d[5:]}"
    if loc == "sv_SE":
        d = r.choice(["70", "72", "73", "76"]) + digits(r, 7)
        return (
            f"+46 {d[:2]} {d[2:5]} {d[5:7]} {d[7:]}" if i else f"0{d[:2]}-{d[2:5]} {d[5:7]} {d[7:]}"
        )
    if loc == "ja_JP":
        p = r.choice(["090", "080", "070"])
        d = digits(r, 8)
        return f"+81 {p[1:]}-{d[:4]}-{d[4:]}" if i else f"{p}-{d[:4]}-{d[4:]}"
    if loc == "zh_CN":
        d = r.choice(["138", "139", "150", "186", "177"]) + digits(r, 8)
        return f"+86 {d[:3]} {d[3:7]} {d[7:]}" if i else r.choice([d, f"{d[:3]} {d[3:7]} {d[7:]}"])
    if loc == "ru_RU":
        d = "9" + digits(r, 9)
        return (
            f"+7 {d[:3]} {d[3:6]}-{d[6:8]}-{d[8:]}"
            if i
            else f"8 ({d[:3]}) {d[3:6]}-{d[6:8]}-{d[8:]}"
        )
    if loc == "tr_TR":
        d = "5" + r.choice("0345") + digits(r, 8)
        return (
            f"+90 {d[:3]} {d[3:6]} {d[6:8]} {d[8:]}" if i else f"0{d[:3]} {d[3:6]} {d[6:8]} {d[8:]}"
        )
    if loc == "en_IN":
        d = r.choice("6789") + digits(r, 9)
        return f"+91 {d[:5]} {d[5:]}" if i else f"{d[:5]} {d[5:]}"
    raise KeyError(loc)


STREETS = {
    "en_US": [
        "Maple Ave",
        "Oak Ridge Dr",
        "Cedar Ln",
        "Lakeview Blvd",
        "Willow Creek Rd",
        "Juniper Ct",
        "Harrison St",
    ],
    "en_GB": [
        "Beech Road",
        "Mill Lane",
        "Elm Grove",
        "Church Street",
        "Hawthorn Close",
        "Kingsley Avenue",
    ],
    "de_DE": [
        "Lindenstraße",
        "Am Mühlbach",
        "Goethestraße",
        "Kirchweg",
        "Rosenweg",
        "Schillerstr.",
        "Birkenallee",
    ],
    "fr_FR": [
        "rue des Lilas",
        "avenue Jean Jaurès",
        "impasse des Tilleuls",
        "rue Pasteur",
        "chemin des Vignes",
        "allée des Peupliers",
    ],
    "es_ES": [
        "Calle Mayor",
        "Calle del Olmo",
        "Avenida de América",
        "Calle Luna",
        "Plaza de la Paz",
        "Calle San Bernardo",
    ],
    "it_IT": [
        "Via Garibaldi",
        "Via dei Mille",
        "Viale Monza",
        "Via Mazzini",
        "Corso Italia",
        "Via delle Rose",
    ],
    "nl_NL": ["Kerkstraat", "Dorpsstraat", "Vondellaan", "Molenweg", "Lindenlaan", "Julianastraat"],
    "pl_PL": [
        "ul. Kwiatowa",
        "ul. Słoneczna",
        "ul. Długa",
        "ul. Lipowa",
        "al. Niepodległości",
        "ul. Ogrodowa",
    ],
    "pt_BR": [
        "Rua das Flores",
        "Rua Sete de Setembro",
        "Av. Brasil",
        "Rua da Consolação",
        "Rua Bela Vista",
    ],
    "sv_SE": ["Storgatan", "Björkvägen", "Skolgatan", "Södra Vägen", "Lärkstigen"],
    "tr_TR": ["Atatürk Cad.", "Bağdat Cad.", "Çiçek Sok.", "Gül Sok.", "Cumhuriyet Cad."],
}
CITIES = {
    "en_US": [
        ("Springfield", "IL", "62704"),
        ("Columbus", "OH", "43215"),
        ("Tacoma", "WA", "98402"),
        ("Raleigh", "NC", "27601"),
        ("Mesa", "AZ", "85201"),
    ],
    "en_GB": [
        ("Leeds", "LS6 2AB"),
        ("Bristol", "BS7 8QT"),
        ("Manchester", "M14 5RJ"),
        ("Norwich", "NR2 3HL"),
        ("Cardiff", "CF24 4AX"),
    ],
    "de_DE": [
        ("10437", "Berlin"),
        ("80331", "München"),
        ("50667", "Köln"),
        ("04109", "Leipzig"),
        ("28195", "Bremen"),
        ("69117", "Heidelberg"),
    ],
    "fr_FR": [
        ("75011", "Paris"),
        ("69003", "Lyon"),
        ("31000", "Toulouse"),
        ("44000", "Nantes"),
        ("59800", "Lille"),
    ],
    "es_ES": [
        ("28013", "Madrid"),
        ("08012", "Barcelona"),
        ("46001", "Valencia"),
        ("41004", "Sevilla"),
        ("48005", "Bilbao"),
    ],
    "it_IT": [
        ("20125", "Milano"),
        ("00185", "Roma"),
        ("10121", "Torino"),
        ("40126", "Bologna"),
        ("80134", "Napoli"),
    ],
    "nl_NL": [
        ("1017 GL", "Amsterdam"),
        ("3511 LN", "Utrecht"),
        ("2511 CV", "Den Haag"),
        ("9711 HV", "Groningen"),
        ("5611 AB", "Eindhoven"),
    ],
    "pl_PL": [
        ("00-950", "Warszawa"),
        ("30-002", "Kraków"),
        ("80-244", "Gdańsk"),
        ("50-041", "Wrocław"),
        ("61-712", "Poznań"),
    ],
    "pt_BR": [
        ("01310-100", "São Paulo", "SP"),
        ("22041-001", "Rio de Janeiro", "RJ"),
        ("30130-010", "Belo Horizonte", "MG"),
        ("80010-000", "Curitiba", "PR"),
    ],
    "sv_SE": [
        ("114 55", "Stockholm"),
        ("411 38", "Göteborg"),
        ("211 22", "Malmö"),
        ("753 20", "Uppsala"),
    ],
    "tr_TR": [
        ("34710", "Kadıköy", "İstanbul"),
        ("06420", "Çankaya", "Ankara"),
        ("35220", "Konak", "İzmir"),
    ],
}


def street_line(r: Random, loc: str) -> str:
    st = r.choice(STREETS[loc])
    n = r.randint(2, 148)
    if loc == "en_US":
        apt = r.choice(["", f" Apt {r.randint(1, 40)}{r.choice('ABCD')}", ""])
        return f"{n} {st}{apt}"
    if loc == "en_GB":
        return r.choice([f"{n} {st}", f"Flat {r.randint(1, 12)}, {n} {st}"])
    if loc in ("fr_FR",):
        return f"{n}{r.choice(['', '', ' bis'])} {st}"
    if loc == "es_ES":
        return f"{st}, {n}, {r.randint(1, 8)}º {r.choice('ABCD')}"
    if loc == "it_IT":
        return f"{st} {n}"
    if loc == "pl_PL":
        return f"{st} {n}/{r.randint(1, 60)}"
    if loc == "pt_BR":
        return f"{st}, {n * 7}, apto {r.randint(11, 124)}"
    if loc == "tr_TR":
        return f"{st} No: {n} D: {r.randint(1, 20)}"
    return f"{st} {n}{r.choice(['', '', 'a', 'b'])}"


def city_line(r: Random, loc: str) -> str:
    c = r.choice(CITIES[loc])
    if loc == "en_US":
        return f"{c[0]}, {c[1]} {c[2]}"
    if loc == "en_GB":
        return f"{c[0]} {c[1]}"
    if loc == "pt_BR":
        return f"{c[1]} - {c[2]}, {c[0]}"
    if loc == "tr_TR":
        return f"{c[0]} {c[1]}/{c[2]}"
    return f"{c[0]} {c[1]}"


def address(r: Random, loc: str, sep: str = ", ") -> str:
    if loc == "ja_JP":
        return r.choice(
            [
                f"〒154-00{r.randint(11, 24)} 東京都世田谷区池尻{r.randint(1, 4)}丁目{r.randint(1, 30)}-{r.randint(1, 15)}",  # noqa: E501
                f"〒530-00{r.randint(11, 57)} 大阪府大阪市北区中崎{r.randint(1, 3)}-{r.randint(1, 12)}-{r.randint(1, 9)}",  # noqa: E501
                f"〒060-00{r.randint(11, 42)} 北海道札幌市中央区北{r.randint(1, 9)}条西{r.randint(1, 20)}丁目{r.randint(1, 9)}",  # noqa: E501
            ]
        )
    if loc == "zh_CN":
        return r.choice(
            [
                f"北京市朝阳区安立路{r.randint(10, 99)}号院{r.randint(1, 12)}号楼{r.randint(1, 4)}单元{r.randint(101, 1802)}室",  # noqa: E501
                f"上海市徐汇区宜山路{r.randint(100, 900)}弄{r.randint(1, 30)}号{r.randint(101, 602)}室",  # noqa: E501
                f"广东省深圳市南山区桃园路{r.randint(1, 200)}号{r.randint(1, 9)}栋{r.randint(101, 2802)}",  # noqa: E501
            ]
        )
    if loc == "ru_RU":
        return r.choice(
            [
                f"г. Москва, ул. Профсоюзная, д. {r.randint(2, 140)}, кв. {r.randint(1, 300)}",
                f"г. Екатеринбург, ул. Малышева, д. {r.randint(2, 120)}, кв. {r.randint(1, 200)}",
                f"г. Казань, ул. Чистопольская, д. {r.randint(2, 80)}, кв. {r.randint(1, 250)}",
            ]
        )
    if loc == "en_IN":
        return (
            f"Flat {r.randint(101, 904)}, {r.choice(['Sai Krupa Apts', 'Green Meadows', 'Lotus Residency'])}, "  # noqa: E501
            f"{r.choice(['14th Cross, Indiranagar', '3rd Main, Jayanagar', 'Baner Road'])}, "
            f"{r.choice(['Bengaluru 560038', 'Bengaluru 560041', 'Pune 411045'])}"
        )
    return f"{street_line(r, loc)}{sep}{city_line(r, loc)}"


def plate(r: Random, loc: str) -> str:
    if loc == "de_DE":
        return f"{r.choice(['B', 'M', 'K', 'HH', 'L', 'HD'])}-{rstr(r, 'ABCDEFGHKLMNPRSTUVWXYZ', 2)} {r.randint(1, 9999)}"  # noqa: E501
    if loc == "fr_FR":
        return f"{rstr(r, 'ABCDEFGHJKLMNPRSTVWXYZ', 2)}-{digits(r, 3)}-{rstr(r, 'ABCDEFGHJKLMNPRSTVWXYZ', 2)}"  # noqa: E501
    if loc == "en_GB":
        return f"{rstr(r, 'ABCDEFGHKLMNPRSVWY', 2)}{r.randint(10, 75)} {rstr(r, 'ABCDEFGHJKLMNPRSTUVWXYZ', 3)}"  # noqa: E501
    if loc == "nl_NL":
        return f"{r.choice('GHJKLNPRSTVXZ')}-{digits(r, 3)}-{rstr(r, 'BDFGHJKLNPRSTVXZ', 2)}"
    if loc == "es_ES":
        return f"{digits(r, 4)} {rstr(r, 'BCDFGHJKLMNPRSTVWXYZ', 3)}"
    if loc == "it_IT":
        return f"{rstr(r, 'ABCDEFGHJKLMNPRSTVWXYZ', 2)} {digits(r, 3)}{rstr(r, 'ABCDEFGHJKLMNPRSTVWXYZ', 2)}"  # noqa: E501
    if loc == "pl_PL":
        return f"{r.choice(['WA', 'KR', 'GD', 'WR', 'PO'])} {digits(r, 5)}"
    if loc == "sv_SE":
        return f"{rstr(r, 'ABCDEFGHJKLMNOPRSTUWXYZ', 3)} {digits(r, 2)}{r.choice('ABCDEFGHJKLMNPRSTUWXYZ')}"  # noqa: E501
    return f"{r.randint(1, 9)}{rstr(r, UP, 3)}{digits(r, 3)}"
