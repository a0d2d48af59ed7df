"""Look-alikes that must be neither masked nor blocked: each generator returns its text."""

from __future__ import annotations

import base64
import datetime as dt
import uuid
from collections.abc import Callable
from random import Random

from . import checks as ck
from .values import DIG, HEX, UP, pattern, rs


def sha(rng: Random) -> str:
    return rs(rng, HEX, 40)


def sha7(rng: Random) -> str:
    return rs(rng, HEX, 7)


def sha256(rng: Random) -> str:
    return rs(rng, HEX, 64)


def md5(rng: Random) -> str:
    return rs(rng, HEX, 32)


def uuid4(rng: Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def order(rng: Random) -> str:
    return pattern(
        rng,
        rng.choice(
            [
                "ORD-2026-######",
                "#1000#####",
                "A-########",
                "SO######",
                "Bestellnr. 30######",
                "Pedido 4######",
            ]
        ),
    )


def invoice(rng: Random) -> str:
    head = rng.choice(["INV-2026-", "RE-2026-11-", "FAC-2026/", "F2026-", "NF-e 000.", "INV/26/"])
    return head + pattern(rng, rng.choice(["####", "#####", "###.###"]))


def tracking(rng: Random) -> str:
    kind = rng.choice(["ups", "s10", "dhl", "fedex"])
    if kind == "ups":
        return "1Z" + rs(rng, UP + DIG, 6) + pattern(rng, "##########")
    if kind == "s10":
        body = pattern(rng, "########")
        w = ck.weighted(body, [8, 6, 4, 2, 3, 5, 9, 7])
        c = 11 - w % 11
        c = 0 if c == 10 else 5 if c == 11 else c
        return rs(rng, UP, 2) + body + str(c) + rng.choice(["DE", "NL", "FR", "ES", "GB", "SE"])
    if kind == "dhl":
        return "JJD" + pattern(rng, "#" * 18)
    return pattern(rng, "#### #### ####")


def booking(rng: Random) -> str:
    return rs(rng, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 6)


def flight(rng: Random) -> str:
    return (
        rng.choice(
            [
                "LH",
                "BA",
                "KL",
                "AF",
                "IB",
                "AZ",
                "TP",
                "SK",
                "AY",
                "OS",
                "LX",
                "EK",
                "JL",
                "KE",
                "CA",
                "TK",
                "QR",
            ]
        )
        + rng.choice(["", " "])
        + str(rng.randint(10, 2999))
    )


def version(rng: Random) -> str:
    v = f"{rng.randint(0, 12)}.{rng.randint(0, 40)}.{rng.randint(0, 30)}"
    return rng.choice(
        [
            v,
            "v" + v,
            v + "-rc." + str(rng.randint(1, 4)),
            v + "+build." + str(rng.randint(100, 999)),
        ]
    )


def isbn(rng: Random) -> str:
    body = "978" + pattern(rng, "#########")
    v = body + ck.isbn13_digit(body)
    return f"{v[:3]}-{v[3]}-{v[4:8]}-{v[8:12]}-{v[12]}"


def timestamp(rng: Random) -> str:
    d = dt.datetime(
        2026,
        rng.randint(1, 11),
        rng.randint(1, 28),
        rng.randint(0, 23),
        rng.randint(0, 59),
        rng.randint(0, 59),
    )
    return rng.choice(
        [
            d.strftime("%Y-%m-%dT%H:%M:%SZ"),
            d.strftime("%Y-%m-%d %H:%M:%S"),
            str(int(d.replace(tzinfo=dt.UTC).timestamp())),
            d.strftime("%d/%m/%Y %H:%M"),
        ]
    )


def event_date(rng: Random, lang: str = "en") -> str:
    """A date that is not a birth date (appointment, invoice, flight)."""
    d = dt.date(2026, rng.randint(1, 12), rng.randint(1, 28))
    if lang in ("de", "cs", "fi", "no", "da", "ru", "uk", "ro"):
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if lang in ("ja", "zh"):
        return f"{d.year}年{d.month}月{d.day}日"
    if lang == "ko":
        return f"{d.year}. {d.month}. {d.day}."
    if lang == "en":
        return rng.choice([d.isoformat(), d.strftime("%d %b %Y"), d.strftime("%B %d, %Y")])
    return rng.choice([d.isoformat(), f"{d.day:02d}/{d.month:02d}/{d.year}"])


def math(rng: Random) -> str:
    a, b = rng.randint(12, 999), rng.randint(2, 99)
    return rng.choice(
        [
            f"{a} × {b} = {a * b}",
            f"{a} * {b} = {a * b}",
            f"({a} + {b}) / 2 = {(a + b) / 2:g}",
            f"{a}^2 = {a * a}",
            f"{a * b} / {b} = {a}",
        ]
    )


def sku(rng: Random) -> str:
    return pattern(
        rng, rng.choice(["SKU-#####-@@@-@@", "@@-####-##", "ART.###.###.##", "###-####@"])
    )


def hex_colour(rng: Random) -> str:
    return "#" + rs(rng, HEX, rng.choice([6, 6, 3]))


def port(rng: Random) -> str:
    return str(rng.choice([8080, 8443, 5432, 6379, 3000, 9090, 27017, 5672, 11434, 8000]))


def status(rng: Random) -> str:
    return str(
        rng.choice([200, 201, 204, 301, 302, 400, 401, 403, 404, 409, 422, 429, 500, 502, 503, 504])
    )


def b64blob(rng: Random) -> str:
    raw = bytes(rng.getrandbits(8) for _ in range(rng.randint(24, 60)))
    head = rng.choice([b"\x89PNG\r\n\x1a\n", b"GIF89a", b"%PDF-1.7", b""])
    return base64.b64encode(head + raw).decode()


COMPANIES = [
    "Siemens",
    "Deutsche Bahn",
    "Banco Santander",
    "Carrefour",
    "Unilever",
    "Philips",
    "Volkswagen",
    "Telefónica",
    "Enel",
    "Petrobras",
    "Nokia",
    "Volvo Cars",
    "Maersk",
    "Škoda Auto",
    "Toyota",
    "Samsung Electronics",
    "Alibaba",
    "Infosys",
    "Emirates",
    "Amazon",
    "Microsoft",
    "Lufthansa",
    "Zalando",
    "Booking.com",
    "DHL Express",
    "Allianz",
    "AXA",
    "Generali",
    "Mapfre",
    "Aegon",
]
CITIES = [
    "Rotterdam",
    "Frankfurt",
    "Barcelona",
    "Lyon",
    "Turin",
    "Porto",
    "Hamburg",
    "Seville",
    "Brussels",
    "Munich",
    "Naples",
    "Eindhoven",
    "Curitiba",
    "Gothenburg",
    "Tampere",
    "Brno",
    "Cluj",
    "Thessaloniki",
    "Osaka",
    "Busan",
    "Shenzhen",
    "Pune",
    "Haifa",
    "Da Nang",
    "Surabaya",
    "Kraków",
    "Chicago",
    "Manchester",
]
LANDMARKS = [
    "Kurfürstendamm",
    "Oxford Street",
    "the Champs-Élysées",
    "Gran Vía",
    "Via del Corso",
    "Damrak",
    "Avenida Paulista",
    "Drottninggatan",
    "Strøget",
    "Nevsky Prospekt",
    "Rambla de Catalunya",
    "Königsallee",
    "Broadway",
    "Princes Street",
]
DRUGS = [
    "Metformin 500 mg",
    "Ibuprofen 400 mg",
    "Amoxicillin 875 mg",
    "Ramipril 5 mg",
    "Atorvastatin 20 mg",
    "Levothyroxine 75 µg",
    "Omeprazol 20 mg",
    "Paracetamol 1 g",
    "Salbutamol 100 µg/dose",
    "Bisoprolol 2.5 mg",
    "Pantoprazol 40 mg",
    "Sertraline 50 mg",
    "Apixaban 5 mg",
    "Prednisolon 25 mg",
    "Insulin glargine 20 IE",
]
ICD10 = [
    "E11.9",
    "J45.909",
    "I10",
    "M54.5",
    "K21.0",
    "F32.1",
    "S82.201A",
    "J06.9",
    "N39.0",
    "E78.5",
    "G43.909",
    "Z00.00",
    "R51",
    "L40.0",
    "I48.91",
]
IATA = [
    "FRA",
    "LHR",
    "MAD",
    "CDG",
    "FCO",
    "AMS",
    "LIS",
    "ARN",
    "CPH",
    "OSL",
    "HEL",
    "PRG",
    "OTP",
    "ATH",
    "SVO",
    "KBP",
    "NRT",
    "ICN",
    "PEK",
    "DEL",
    "DXB",
    "TLV",
    "SGN",
    "CGK",
    "JFK",
    "GRU",
    "MUC",
    "BCN",
    "ZRH",
    "VIE",
]


def amount(rng: Random, lang: str = "en") -> str:
    v = rng.randint(3, 98_000) + rng.randint(0, 99) / 100
    if lang in ("de", "es", "it", "nl", "pt", "da", "no", "ro", "id", "el", "cs", "fi", "sv"):
        s = f"{v:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
        return rng.choice(
            [f"{s} €", f"€ {s}", f"EUR {s}"]
            if lang not in ("sv", "da", "no", "cs")
            else [f"{s} kr", f"{s} Kč" if lang == "cs" else f"{s} SEK"]
        )
    if lang == "fr":
        return f"{v:,.2f}".replace(",", " ").replace(".", ",") + " €"
    if lang in ("ja",):
        return f"¥{int(v):,}"
    if lang == "ko":
        return f"₩{int(v) * 100:,}"
    if lang == "zh":
        return f"¥{v:,.2f}"
    return rng.choice([f"${v:,.2f}", f"£{v:,.2f}", f"USD {v:,.2f}", f"€{v:,.2f}"])


TrapGen = Callable[[Random], str]
SIMPLE: dict[str, TrapGen] = {
    "sha": sha,
    "sha7": sha7,
    "sha256": sha256,
    "md5": md5,
    "uuid": uuid4,
    "order": order,
    "invoice": invoice,
    "tracking": tracking,
    "booking": booking,
    "flight": flight,
    "version": version,
    "isbn": isbn,
    "timestamp": timestamp,
    "math": math,
    "sku": sku,
    "hex": hex_colour,
    "port": port,
    "status": status,
    "base64": b64blob,
    "company": lambda r: r.choice(COMPANIES),
    "city": lambda r: r.choice(CITIES),
    "landmark": lambda r: r.choice(LANDMARKS),
    "drug": lambda r: r.choice(DRUGS),
    "icd10": lambda r: r.choice(ICD10),
    "iata": lambda r: r.choice(IATA),
}
