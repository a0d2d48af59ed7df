"""Helpers shared by the loft forms: dates of birth per locale and trap makers."""

from __future__ import annotations

from collections.abc import Callable
from random import Random

from . import gen as g
from .doc import Doc

DOB_STYLE = {
    "en_US": "us",
    "en_GB": "eu/",
    "de_DE": "dot",
    "fr_FR": "eu/",
    "es_ES": "eu/",
    "it_IT": "eu/",
    "nl_NL": "dash",
    "pl_PL": "dot",
    "pt_BR": "eu/",
    "sv_SE": "iso",
    "ja_JP": "cjk",
    "zh_CN": "cjk",
    "ru_RU": "dot",
    "tr_TR": "dot",
    "en_IN": "dash",
}

FormFn = Callable[[Random, int], Doc]
FORMS: list[tuple[str, FormFn, int]] = []


def form(variants: int) -> Callable[[FormFn], FormFn]:
    def deco(fn: FormFn) -> FormFn:
        FORMS.append((fn.__name__, fn, variants))
        return fn

    return deco


def dob(r: Random, loc: str, lo: int = 1938, hi: int = 2006) -> str:
    return g.fmt_date(g.birth_date(r, lo, hi), DOB_STYLE[loc])


def money(r: Random, cur: str = "€", lo: int = 5, hi: int = 2500) -> str:
    v = r.randint(lo * 100, hi * 100) / 100
    if cur == "€":
        return f"{v:.2f} €".replace(".", ",")
    if cur == "$":
        return f"${v:,.2f}"
    if cur == "£":
        return f"£{v:,.2f}"
    return f"{v:.2f} {cur}"


def order_no(r: Random) -> str:
    return r.choice(
        [
            f"{r.randint(100, 999)}-{g.digits(r, 7)}-{g.digits(r, 7)}",
            f"ORD-{r.randint(2024, 2026)}-{g.digits(r, 6)}",
            f"{g.digits(r, 9, True)}",
            f"A{g.digits(r, 8)}",
        ]
    )


def invoice_no(r: Random) -> str:
    return r.choice(
        [
            f"INV-{r.randint(2024, 2026)}-{g.digits(r, 5)}",
            f"RE-{g.digits(r, 6)}",
            f"F{r.randint(2024, 2026)}/{g.digits(r, 4)}",
            f"{r.randint(2025, 2026)}-{g.digits(r, 4)}",
        ]
    )


def ticket_no(r: Random) -> str:
    return r.choice(
        [
            f"INC{g.digits(r, 7)}",
            f"CS-{g.digits(r, 6)}",
            f"{g.digits(r, 8, True)}",
            f"T-{g.digits(r, 5)}",
            f"SR{g.digits(r, 9)}",
        ]
    )


def tracking_no(r: Random) -> str:
    return r.choice(
        [
            f"1Z{g.rstr(r, 'ABCDEFGHJKLMNPRSTUVWXY0123456789', 16)}",
            f"JJD{g.digits(r, 18)}",
            f"00{g.digits(r, 18)}",
            f"RR{g.digits(r, 9)}DE",
            f"{g.digits(r, 12, True)}",
        ]
    )


def version(r: Random) -> str:
    return r.choice(
        [
            f"{r.randint(1, 17)}.{r.randint(0, 9)}.{r.randint(0, 30)}",
            f"v{r.randint(1, 5)}.{r.randint(0, 20)}.{r.randint(0, 9)}",
            f"{r.randint(2019, 2026)}.{r.randint(1, 12)}.{r.randint(1, 4)}",
        ]
    )


def stamp(r: Random) -> str:
    d = g.event_date(r, "2026-01-01", "2026-12-05")
    return f"{d.isoformat()}T{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}Z"


def when(r: Random, style: str) -> str:
    return g.fmt_date(g.event_date(r), style)


def sku(r: Random) -> str:
    return r.choice(
        [
            f"{g.rstr(r, g.UP, 3)}-{g.digits(r, 4)}-{g.rstr(r, g.UP, 2)}",
            f"{g.digits(r, 13, True)}",
            f"ART {g.digits(r, 6)}",
            f"B0{g.rstr(r, g.UP + g.DIG, 8)}",
        ]
    )


COMPANIES = [
    "Deutsche Bahn",
    "Vodafone",
    "Zalando",
    "Allianz",
    "IKEA",
    "Lufthansa",
    "Amazon",
    "DHL",
    "Ryanair",
    "Booking.com",
    "Telefónica",
    "Orange",
    "Carrefour",
    "Santander",
    "ING",
    "Rossmann",
    "Decathlon",
    "Airbnb",
    "Uber",
    "PayPal",
    "Spotify",
    "Aviva",
    "Tesco",
    "Ziggo",
]
PUBLIC_FIGURES = [
    "Angela Merkel",
    "Emmanuel Macron",
    "Taylor Swift",
    "Lionel Messi",
    "Barack Obama",
    "Greta Thunberg",
    "Elon Musk",
    "Pedro Sánchez",
    "Olaf Scholz",
    "Serena Williams",
    "King Charles",
    "Pope Francis",
    "Roger Federer",
    "Giorgia Meloni",
]
PUBLIC_PLACES = [
    ("Eiffel Tower", "48.8584, 2.2945"),
    ("Brandenburg Gate", "52.5163, 13.3777"),
    ("Colosseum", "41.8902, 12.4922"),
    ("Sagrada Família", "41.4036, 2.1744"),
    ("Statue of Liberty", "40.6892, -74.0445"),
    ("Big Ben", "51.5007, -0.1246"),
    ("Rijksmuseum", "52.3600, 4.8852"),
    ("Tokyo Tower", "35.6586, 139.7454"),
]
DRUGS = [
    "Amoxicillin 500 mg",
    "Ibuprofen 400 mg",
    "Metformin 850 mg",
    "Ramipril 5 mg",
    "Sertraline 50 mg",
    "Levothyroxine 75 µg",
    "Omeprazol 20 mg",
    "Atorvastatin 20 mg",
    "Salbutamol 100 µg",
    "Pantoprazol 40 mg",
]


def uuid(r: Random) -> str:
    return g.uuid4(r)


def date_pair(r: Random, style: str) -> tuple[str, str]:
    a, b = sorted([g.event_date(r), g.event_date(r)])
    if a == b:
        b = b.fromordinal(b.toordinal() + r.randint(2, 14))
    return g.fmt_date(a, style), g.fmt_date(b, style)
