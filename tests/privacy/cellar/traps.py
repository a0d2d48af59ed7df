"""Look-alikes that are not personal and must be neither masked nor blocked."""

from __future__ import annotations

import datetime as dt
import uuid
from random import Random

from .build import T
from .ids import digits
from .secrets_ import rs

_HEX = "0123456789abcdef"
_POD = "bcdfghjklmnpqrstvwxz2456789"


def sha(r: Random, n: int = 40) -> T:
    return T("commit_sha" if n in (7, 8, 12, 40) else "hash", rs(r, n, _HEX))


def sha256(r: Random) -> T:
    return T("hash", rs(r, 64, _HEX))


def digest(r: Random) -> T:
    return T("image_digest", "sha256:" + rs(r, 64, _HEX))


def sri(r: Random) -> T:
    return T(
        "sri_hash",
        "sha384-" + rs(r, 64, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"),
    )


def uid(r: Random) -> T:
    return T("uuid", str(uuid.UUID(int=r.getrandbits(128), version=4)))


def order(r: Random) -> T:
    text = r.choice(
        [
            f"ORD-{r.randint(2023, 2025)}-{digits(r, 6)}",
            f"#{digits(r, 9)}",
            f"{digits(r, 3)}-{digits(r, 7)}-{digits(r, 7)}",
            f"A{digits(r, 8)}",
            f"PO{digits(r, 7)}",
        ]
    )
    return T("order_number", text)


def invoice(r: Random) -> T:
    return T(
        "invoice_number",
        r.choice(
            [
                f"INV/{r.randint(2023, 2025)}/{digits(r, 5)}",
                f"RE-{digits(r, 6)}",
                f"FAC-{digits(r, 4)}-{digits(r, 3)}",
                f"FT {digits(r, 4)}/{r.randint(23, 25)}",
            ]
        ),
    )


def ticket(r: Random) -> T:
    return T(
        "ticket",
        r.choice(
            [
                f"OPS-{r.randint(100, 9999)}",
                f"INC{digits(r, 7)}",
                f"#{r.randint(1000, 99999)}",
                f"SR-{digits(r, 8)}",
            ]
        ),
    )


def tracking(r: Random) -> T:
    return T(
        "tracking",
        r.choice(
            [
                f"1Z{rs(r, 6, 'ABCDEFGHJKLMNPRSTVWXYZ0123456789')}{digits(r, 10)}",
                f"JJD{digits(r, 18)}",
                f"00340{digits(r, 15)}",
                f"RR{digits(r, 9)}DE",
            ]
        ),
    )


def sku(r: Random) -> T:
    return T(
        "sku",
        r.choice(
            [
                f"SKU-{rs(r, 3, 'ABCDEFGHJKLMNPRSTVWXYZ')}-{digits(r, 4)}",
                f"{digits(r, 13)}",
                f"ART.{digits(r, 3)}.{digits(r, 3)}",
                f"B0{rs(r, 8, 'ABCDEFGHJKLMNPRSTVWXYZ0123456789')}",
            ]
        ),
    )


def version(r: Random) -> T:
    return T(
        "version",
        r.choice(
            [
                f"v{r.randint(0, 9)}.{r.randint(0, 30)}.{r.randint(0, 99)}",
                f"{r.randint(1, 4)}.{r.randint(0, 20)}.{r.randint(0, 9)}.{r.randint(100, 9999)}",
                f"{r.randint(1, 3)}.{r.randint(0, 12)}.{r.randint(0, 40)}-rc.{r.randint(1, 5)}",
            ]
        ),
    )


def stamp(r: Random) -> T:
    moment = dt.datetime(2025, 1, 1) + dt.timedelta(seconds=r.randrange(30_000_000))
    return T(
        "timestamp",
        r.choice(
            [
                moment.strftime("%Y-%m-%dT%H:%M:%SZ"),
                moment.strftime("%Y-%m-%d %H:%M:%S"),
                moment.strftime("%d/%b/%Y:%H:%M:%S +0000"),
                str(int(moment.timestamp())),
            ]
        ),
    )


def day(r: Random, lang: str = "en") -> T:
    """An ordinary date (a meeting, a delivery), not a birth date."""
    from .ids import date_text

    when = dt.date(2025, 1, 1) + dt.timedelta(days=r.randrange(500))
    return T("date", date_text(when, lang, r.choice([0, 1, 2, 4])))


def maths(r: Random) -> T:
    a, b = r.randint(1000, 99999), r.randint(100, 9999)
    op = r.choice(["*", "+", "-"])
    result = a * b if op == "*" else a + b if op == "+" else a - b
    return T("arithmetic", f"{a} {op} {b} = {result}")


def colour(r: Random) -> T:
    return T("colour", "#" + rs(r, 6, _HEX))


def env_lookup(r: Random) -> T:
    name = r.choice(
        [
            "STRIPE_SECRET_KEY",
            "OPENAI_API_KEY",
            "DB_PASSWORD",
            "AWS_SECRET_ACCESS_KEY",
            "SLACK_TOKEN",
        ]
    )
    return T(
        "env_lookup",
        r.choice(
            [
                f'os.environ["{name}"]',
                f'os.getenv("{name}")',
                f"process.env.{name}",
                f"${{{name}}}",
                f"$ENV{{{name}}}",
            ]
        ),
    )


def placeholder(r: Random) -> T:
    return T(
        "placeholder_credential",
        r.choice(
            [
                "YOUR_API_KEY_HERE",
                "sk_test_XXXXXXXXXXXXXXXXXXXX",
                "<your-token>",
                "postgres://USER:PASSWORD@HOST:5432/DB",
                "AKIAXXXXXXXXXXXXXXXX",
                "xoxb-your-token-here",
                "********",
                "REPLACE_ME",
            ]
        ),
    )


def masked_card(r: Random) -> T:
    return T(
        "masked_value",
        r.choice(
            [
                f"**** **** **** {digits(r, 4)}",
                f"XXXX-XXXX-XXXX-{digits(r, 4)}",
                f"DE** **** **** **** **{digits(r, 2)} {digits(r, 2)}",
                f"•••• {digits(r, 4)}",
            ]
        ),
    )


BRANDS = (
    "Ferrari",
    "Mercedes-Benz",
    "Dr. Oetker",
    "Johnson & Johnson",
    "Ben & Jerry's",
    "Hugo Boss",
    "Giorgio Armani",
    "Louis Vuitton",
    "Ralph Lauren",
    "Zara",
    "Carrefour",
    "Lidl",
    "Siemens Healthineers",
    "Santander",
    "Deutsche Bahn",
    "Trenitalia",
    "McDonald's",
    "Tim Hortons",
    "Calvin Klein",
    "Tommy Hilfiger",
)
PLACES = (
    "San Sebastián",
    "Saint-Denis",
    "Sankt Augustin",
    "Santa Cruz de Tenerife",
    "Villa Borghese",
    "Charles de Gaulle",
    "Leonardo da Vinci–Fiumicino",
    "Plaza de Colón",
    "Alexanderplatz",
    "Piazza Garibaldi",
    "Gare Saint-Lazare",
    "Port Louis",
    "St. Pölten",
    "Victoria Station",
    "Marie-Curie-Gymnasium",
    "Lake Constance",
    "Mont Blanc",
    "Via Appia",
)


def brand(r: Random) -> T:
    return T("brand", r.choice(BRANDS))


def place(r: Random) -> T:
    return T("place", r.choice(PLACES))


def isbn(r: Random) -> T:
    body = "978" + digits(r, 9)
    check = (10 - sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body)) % 10) % 10
    return T("isbn", f"{body[:3]}-{body[3]}-{body[4:8]}-{body[8:]}-{check}")


def cve(r: Random) -> T:
    return T("cve", f"CVE-{r.randint(2019, 2025)}-{r.randint(1000, 49999)}")


def price(r: Random) -> T:
    return T(
        "amount",
        r.choice(
            [
                f"€ {r.randint(1, 9)}.{digits(r, 3)},{digits(r, 2)}",
                f"{r.randint(10, 9999)},{digits(r, 2)} €",
                f"${r.randint(1, 99)},{digits(r, 3)}.{digits(r, 2)}",
                f"CHF {r.randint(10, 999)}.{digits(r, 2)}",
            ]
        ),
    )


def flight(r: Random) -> T:
    return T(
        "flight",
        f"{r.choice(['LH', 'IB', 'AF', 'AZ', 'EI', 'BA', 'VY', 'FR'])} {r.randint(100, 9999)}",
    )


def pod(r: Random) -> T:
    return T(
        "pod_name",
        f"{r.choice(['api', 'worker', 'checkout', 'billing'])}-{rs(r, 10, _HEX)}-{rs(r, 5, _POD)}",
    )


def loopback(r: Random) -> T:
    return T(
        "non_personal_ip",
        r.choice(["127.0.0.1", "0.0.0.0", "::1", "255.255.255.0", "localhost:8080"]),
    )


def oid(r: Random) -> T:
    return T(
        "dotted_number",
        r.choice(
            [
                f"1.3.6.1.4.1.{r.randint(1000, 60000)}.{r.randint(1, 9)}",
                f"10.{r.randint(0, 9)}.{r.randint(10000, 26999)}",
                f"§ {r.randint(1, 99)}.{r.randint(1, 9)}.{r.randint(1, 9)}",
            ]
        ),
    )


def resolution(r: Random) -> T:
    return T(
        "measure",
        r.choice(
            [
                "1920x1080",
                "3840×2160",
                f"{r.randint(2, 95)} %",
                f"{r.randint(1, 999)} ms",
                f"{r.randint(10, 240)} km/h",
                f"{r.randint(1, 64)} GiB",
            ]
        ),
    )


def base64_blob(r: Random) -> T:
    return T(
        "base64_data",
        "data:image/png;base64,iVBORw0KGgo"
        + rs(r, 60, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        + "=",
    )


def any_trap(r: Random) -> T:
    """One look-alike of any kind."""
    maker = r.choice(
        [
            sha,
            sha256,
            uid,
            order,
            invoice,
            ticket,
            tracking,
            sku,
            version,
            stamp,
            day,
            maths,
            colour,
            cve,
            price,
            flight,
            isbn,
            oid,
            resolution,
        ]
    )
    return maker(r)
