"""Home addresses, coordinates and network addresses."""

from __future__ import annotations

from random import Random

from .build import ADDRESS, GEO, IP, Val

_STREETS = {
    "de": (
        "Lindenstraße",
        "Hauptstraße",
        "Schillerweg",
        "Am Mühlbach",
        "Goethestr.",
        "Kastanienallee",
        "Bergmannstraße",
        "Rosenheimer Str.",
    ),
    "at": ("Mariahilfer Straße", "Gumpendorfer Straße", "Hietzinger Hauptstraße"),
    "ch": ("Bahnhofstrasse", "Seefeldstrasse", "Rue du Rhône"),
    "es": (
        "Calle de Alcalá",
        "Calle Mayor",
        "Avenida de la Constitución",
        "C/ San Vicente",
        "Paseo de Gràcia",
        "Calle Larios",
        "Rúa do Vilar",
    ),
    "fr": (
        "rue des Lilas",
        "avenue Jean Jaurès",
        "boulevard Voltaire",
        "rue de la Paix",
        "allée des Cerisiers",
        "impasse du Moulin",
    ),
    "it": (
        "Via Garibaldi",
        "Via Roma",
        "Corso Vittorio Emanuele II",
        "Via dei Mille",
        "Viale Monza",
        "Piazza Cavour",
        "Via San Gregorio Armeno",
    ),
    "en": ("Kingsley Road", "Church Lane", "Victoria Street", "Elm Grove", "Mill Road"),
    "ie": ("Glenageary Road", "Griffith Avenue", "Main Street"),
    "nl": ("Prinsengracht", "Kerkstraat", "Laan van Meerdervoort"),
    "pt": ("Rua Augusta", "Avenida da Liberdade", "Rua de Santa Catarina"),
    "us": ("Maple Avenue", "Oak Street", "W 34th St", "Sunset Blvd", "Pine Ridge Drive"),
}
_TOWNS = {
    "de": (
        ("10969", "Berlin"),
        ("80331", "München"),
        ("50667", "Köln"),
        ("20095", "Hamburg"),
        ("04109", "Leipzig"),
        ("70173", "Stuttgart"),
    ),
    "at": (("1070", "Wien"), ("8010", "Graz"), ("5020", "Salzburg")),
    "ch": (("8001", "Zürich"), ("1204", "Genève"), ("3011", "Bern")),
    "es": (
        ("28009", "Madrid"),
        ("08008", "Barcelona"),
        ("46002", "Valencia"),
        ("29015", "Málaga"),
        ("41001", "Sevilla"),
        ("15704", "Santiago de Compostela"),
    ),
    "fr": (
        ("69003", "Lyon"),
        ("75011", "Paris"),
        ("13006", "Marseille"),
        ("31000", "Toulouse"),
        ("44000", "Nantes"),
        ("67000", "Strasbourg"),
    ),
    "it": (
        ("20121", "Milano MI"),
        ("00184", "Roma RM"),
        ("10123", "Torino TO"),
        ("80138", "Napoli NA"),
        ("40125", "Bologna BO"),
        ("50122", "Firenze FI"),
    ),
    "en": (
        ("M14 6RT", "Manchester"),
        ("SW9 8LH", "London"),
        ("BS6 5QA", "Bristol"),
        ("EH8 9YL", "Edinburgh"),
    ),
    "ie": (
        ("A96 X2Y3", "Dún Laoghaire, Co. Dublin"),
        ("D09 F6K2", "Dublin 9"),
        ("H91 E2K4", "Galway"),
    ),
    "nl": (("1016 GV", "Amsterdam"), ("2517 AA", "Den Haag"), ("3511 LX", "Utrecht")),
    "pt": (("1100-053", "Lisboa"), ("4000-447", "Porto")),
    "us": (
        ("CO 80203", "Denver"),
        ("NY 11215", "Brooklyn"),
        ("CA 94110", "San Francisco"),
        ("TX 78704", "Austin"),
    ),
}


def street(r: Random, locale: str) -> str:
    """Street and house number, as ``locale`` writes them."""
    s = r.choice(_STREETS[locale])
    n = r.randint(1, 180)
    if locale in {"fr", "en", "ie", "us"}:
        extra = r.choice(("", "", f"Flat {r.randint(1, 12)}, ")) if locale in {"en", "ie"} else ""
        return f"{extra}{n} {s}"
    if locale == "es":
        return f"{s} {n}, {r.randint(1, 8)}º {r.choice('ABCD')}"
    if locale == "at":
        return f"{s} {n}/{r.randint(1, 30)}"
    if locale == "it":
        return f"{s} {n}" + r.choice(("", "/B", ", int. 4"))
    return f"{s} {n}" + r.choice(("", "a", ""))


def town(r: Random, locale: str) -> str:
    """Postal code and town."""
    code, name = r.choice(_TOWNS[locale])
    if locale == "en":
        return f"{name} {code}"
    if locale == "ie":
        return f"{name}, {code}"
    if locale == "us":
        return f"{name}, {code}"
    return f"{code} {name}"


def address(r: Random, locale: str, sep: str = ", ") -> Val:
    """A full home address on one line (or joined by ``sep``)."""
    return Val("address", f"{street(r, locale)}{sep}{town(r, locale)}", ADDRESS)


def street_only(r: Random, locale: str) -> Val:
    """A street address without the town."""
    return Val("street", street(r, locale), ADDRESS)


_CENTRES = (
    (52.52, 13.40),
    (40.42, -3.70),
    (48.86, 2.35),
    (45.46, 9.19),
    (51.51, -0.13),
    (41.39, 2.17),
    (43.30, 5.37),
    (53.35, -6.26),
    (47.37, 8.54),
    (48.21, 16.37),
    (41.90, 12.50),
    (37.39, -5.99),
    (40.71, -74.00),
)


def lat_lon(r: Random) -> tuple[float, float]:
    """A point near a European (or New York) city centre."""
    la, lo = r.choice(_CENTRES)
    return la + r.uniform(-0.08, 0.08), lo + r.uniform(-0.08, 0.08)


def _dms(v: float, pos: str, neg: str) -> str:
    h = pos if v >= 0 else neg
    v = abs(v)
    d = int(v)
    m = int((v - d) * 60)
    s = (v - d - m / 60) * 3600
    return f"{d}°{m:02d}'{s:04.1f}\"{h}"


def geo_pair(r: Random) -> Val:
    """A coordinate pair, in decimal (with or without a space) or in DMS."""
    la, lo = lat_lon(r)
    style = r.randrange(4)
    if style == 0:
        text = f"{la:.6f}, {lo:.6f}"
    elif style == 1:
        text = f"{la:.5f},{lo:.5f}"
    elif style == 2:
        text = f"{_dms(la, 'N', 'S')} {_dms(lo, 'E', 'W')}"
    else:
        text = f"{abs(la):.4f}° {'N' if la >= 0 else 'S'}, {abs(lo):.4f}° {'E' if lo >= 0 else 'W'}"
    return Val("geo", text, GEO)


def geo_split(r: Random) -> tuple[Val, Val]:
    """Latitude and longitude as separate decimal numbers."""
    la, lo = lat_lon(r)
    return Val("geo_lat", f"{la:.6f}", GEO), Val("geo_lon", f"{lo:.6f}", GEO)


def ipv4(r: Random) -> Val:
    """A public IPv4 address."""
    while True:
        a = r.randint(2, 223)
        if a not in {10, 100, 127, 169, 172, 192, 198, 203}:
            break
    return Val("ipv4", f"{a}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}", IP)


def ipv6(r: Random) -> Val:
    """A public IPv6 address, compressed."""
    head = r.choice(("2a02:8108", "2001:16b8", "2a01:cb00", "2a0c:5a80", "2600:1700"))
    tail = ":".join(f"{r.randint(0, 0xFFFF):x}" for _ in range(4))
    return Val("ipv6", f"{head}:{r.randint(0, 0xFFFF):x}::{tail}", IP)


def ip(r: Random) -> Val:
    """An IPv4 (mostly) or IPv6 client address."""
    return ipv6(r) if r.random() < 0.25 else ipv4(r)


def script_address(r: Random) -> tuple[str, Val]:
    """A country name and a home address written in that country's script."""
    n, m = r.randint(1, 160), r.randint(1, 90)
    kind = r.randrange(7)
    if kind == 0:
        city, district, road = r.choice(
            (
                ("上海市", "浦东新区", "世纪大道"),
                ("北京市", "朝阳区", "建国路"),
                ("广州市", "天河区", "天河路"),
            )
        )
        return "China", Val(
            "address_script", f"{city}{district}{road}{n}号{m % 20 + 1}栋{m}0{n % 9 + 1}室", ADDRESS
        )
    if kind == 1:
        ward = r.choice(("世田谷区", "中野区", "杉並区"))
        zipc = f"{r.randint(150, 169)}-{r.randint(0, 9999):04d}"
        return "Japan", Val(
            "address_script", f"〒{zipc} 東京都{ward}{m % 6 + 1}丁目{n}-{m}", ADDRESS
        )
    if kind == 2:
        street = r.choice(("ул. Ленина", "ул. Садовая", "пр. Мира"))
        city = r.choice(("Москва, 119019", "Санкт-Петербург, 191186", "Казань, 420111"))
        return "Russia", Val("address_script", f"{street}, д. {n}, кв. {m}, {city}", ADDRESS)
    if kind == 3:
        street = r.choice(("Ερμού", "Πατησίων", "Εγνατίας"))
        city = r.choice(("105 63 Αθήνα", "546 30 Θεσσαλονίκη"))
        return "Greece", Val("address_script", f"{street} {n}, {city}", ADDRESS)
    if kind == 4:
        street = r.choice(("شارع الملك فهد", "شارع التحرير", "شارع الحمراء"))
        city = r.choice(("الرياض", "القاهرة", "بيروت"))
        return "Saudi Arabia / Egypt / Lebanon", Val(
            "address_script", f"{n} {street}، {city}", ADDRESS
        )
    if kind == 5:
        street = r.choice(("вул. Хрещатик", "вул. Шевченка", "просп. Свободи"))
        return "Ukraine", Val("address_script", f"{street}, {n}, кв. {m}, Київ, 01001", ADDRESS)
    road = r.choice(("테헤란로", "세종대로", "올림픽로"))
    return "Korea", Val("address_script", f"서울특별시 강남구 {road} {n}, {m}호", ADDRESS)
