"""Look-alikes that are not personal: they must be neither masked nor blocked."""

from __future__ import annotations

import base64
import datetime as dt
import string
from random import Random

from .build import Look
from .ids import digits, ean_digit

_HEX = "0123456789abcdef"
_MON = (
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
)  # spelled out so output never depends on the process locale


def _hex(r: Random, n: int) -> str:
    return "".join(r.choice(_HEX) for _ in range(n))


def sha(r: Random) -> Look:
    """A full git commit SHA."""
    return Look("git_sha", _hex(r, 40))


def short_sha(r: Random) -> Look:
    """An abbreviated commit SHA."""
    return Look("short_sha", _hex(r, r.choice((7, 8, 10))))


def sha256(r: Random) -> Look:
    """A content digest."""
    return Look("digest", _hex(r, 64))


def sri(r: Random) -> Look:
    """A subresource-integrity hash."""
    return Look("sri", "sha384-" + base64.b64encode(r.randbytes(48)).decode())


def uuid(r: Random) -> Look:
    """A version-4 UUID."""
    h = _hex(r, 32)
    return Look("uuid", f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{r.choice('89ab')}{h[17:20]}-{h[20:]}")


def order(r: Random) -> Look:
    """An order number."""
    return Look(
        "order",
        r.choice(
            (
                f"{digits(r, 3)}-{digits(r, 7)}-{digits(r, 7)}",
                f"ORD-{r.randint(2021, 2025)}-{digits(r, 6)}",
                f"#{r.randint(100000, 999999)}",
                f"A{digits(r, 2)}-{digits(r, 5)}",
            )
        ),
    )


def invoice(r: Random) -> Look:
    """An invoice number."""
    return Look(
        "invoice",
        r.choice(
            (
                f"RE-{r.randint(2022, 2025)}-{digits(r, 5)}",
                f"INV-{digits(r, 6)}",
                f"FA{digits(r, 8)}",
                f"FT {r.randint(2023, 2025)}/{digits(r, 4)}",
            )
        ),
    )


def ticket(r: Random) -> Look:
    """An issue-tracker key."""
    return Look(
        "ticket", f"{r.choice(('OPS', 'PAY', 'CRM', 'WEB', 'INFRA'))}-{r.randint(10, 9999)}"
    )


def tracking(r: Random) -> Look:
    """A parcel tracking number."""
    return Look(
        "tracking",
        r.choice(
            (
                f"1Z{''.join(r.choice(string.ascii_uppercase + string.digits) for _ in range(16))}",
                f"JJD{digits(r, 17)}",
                f"00340434{digits(r, 12)}",
                f"LX{digits(r, 9)}DE",
            )
        ),
    )


def sku(r: Random) -> Look:
    """A stock-keeping unit."""
    family = r.choice(("TSH", "MUG", "CBL", "LMP"))
    return Look("sku", f"{family}-{digits(r, 4)}-{r.choice(('BLK', 'RED', 'XL', 'M'))}")


def ean(r: Random) -> Look:
    """A product barcode (valid EAN-13)."""
    body = r.choice(("400", "800", "840", "300")) + digits(r, 9)
    return Look("ean", body + ean_digit(body))


def version(r: Random) -> Look:
    """A version string."""
    v = f"{r.randint(0, 5)}.{r.randint(0, 30)}.{r.randint(0, 20)}"
    return Look("version", r.choice((v, f"v{v}", f"{v}-rc.{r.randint(1, 4)}")))


def timestamp(r: Random) -> Look:
    """A log timestamp."""
    t = dt.datetime(2025, 1, 1, tzinfo=dt.UTC) + dt.timedelta(seconds=r.randint(0, 3 * 10**7))
    return Look(
        "timestamp",
        r.choice(
            (
                t.strftime("%Y-%m-%dT%H:%M:%SZ"),
                t.strftime("%Y-%m-%d %H:%M:%S"),
                f"{t.day:02d}/{_MON[t.month - 1][:3]}/{t.year}:{t:%H:%M:%S} +0000",
                str(int(t.timestamp())),
            )
        ),
    )


def plain_date(r: Random, style: int | None = None) -> Look:
    """An ordinary date (a meeting, a deadline), not a birth date."""
    d = dt.date(2025, 1, 1) + dt.timedelta(days=r.randint(0, 500))
    forms = (
        d.strftime("%d.%m.%Y"),
        d.isoformat(),
        d.strftime("%d/%m/%Y"),
        f"{_MON[d.month - 1]} {d.day}, {d.year}",
        f"{d.day:02d} {_MON[d.month - 1][:3]} {d.year}",
    )
    return Look("date", forms[style if style is not None else r.randrange(len(forms))])


def maths(r: Random, expr_only: bool = False) -> Look:
    """A bit of arithmetic (only the expression when ``expr_only``)."""
    a, b = r.randint(100, 99999), r.randint(11, 999)
    if expr_only:
        return Look("maths", r.choice((f"{a} * {b}", f"({a} - {b}) / 2", f"{a} // {b}")))
    return Look(
        "maths",
        r.choice(
            (f"{a} * {b} = {a * b}", f"{a} + {b} = {a + b}", f"({a} - {b}) / 2 = {(a - b) / 2}")
        ),
    )


def colour(r: Random) -> Look:
    """A hex colour."""
    return Look("colour", "#" + _hex(r, r.choice((6, 6, 3))))


def env(r: Random, lang: str = "py") -> Look:
    """A secret looked up from the environment, not the secret itself."""
    name = r.choice(
        (
            "OPENAI_API_KEY",
            "STRIPE_SECRET_KEY",
            "DB_PASSWORD",
            "AWS_SECRET_ACCESS_KEY",
            "GITHUB_TOKEN",
            "SLACK_WEBHOOK_URL",
            "JWT_SECRET",
        )
    )
    text = {
        "py": r.choice((f'os.environ["{name}"]', f'os.getenv("{name}")')),
        "js": f"process.env.{name}",
        "sh": r.choice((f"${{{name}}}", f"${name}")),
        "yaml": f"${{{{ secrets.{name} }}}}",
    }[lang]
    return Look("env", text)


def placeholder(r: Random) -> Look:
    """An obviously fake credential."""
    return Look(
        "placeholder",
        r.choice(
            (
                "<your-api-key>",
                "YOUR_API_KEY_HERE",
                "********",
                "sk-xxxxxxxxxxxxxxxxxxxxxxxx",
                "changeme-not-a-real-secret",
                "<REDACTED>",
                "xxxx-xxxx-xxxx",
                "TODO_SET_ME",
            )
        ),
    )


def amount(r: Random, cur: str = "€") -> Look:
    """A sum of money."""
    v = r.randint(5, 9999)
    c = r.randint(0, 99)
    return Look("amount", r.choice((f"{v},{c:02d} {cur}", f"{cur}{v}.{c:02d}", f"{v}.{c:02d} EUR")))


def company(r: Random) -> Look:
    """A company or brand name, some of which carry a person's name."""
    return Look(
        "company",
        r.choice(
            (
                "Mercedes-Benz",
                "Louis Vuitton",
                "Ferrero",
                "Banco Santander",
                "Siemens",
                "Peugeot",
                "Johnson & Johnson",
                "Hugo Boss",
                "Giorgio Armani",
                "Ben & Jerry's",
                "McDonald's",
                "Lidl",
                "Zara",
                "Marks & Spencer",
                "Dr. Oetker",
                "Porsche",
                "Ford",
                "Tesla",
                "Alfa Romeo",
                "Philips",
                "Dolce & Gabbana",
                "Carrefour",
                "El Corte Inglés",
            )
        ),
    )


def place(r: Random) -> Look:
    """A place name, some of which look like a person's name."""
    return Look(
        "place",
        r.choice(
            (
                "San Sebastián",
                "Saint-Étienne",
                "Santiago de Compostela",
                "Victoria Station",
                "Florence",
                "Washington",
                "Bad Homburg",
                "Sankt Pölten",
                "Santa Cruz de Tenerife",
                "San Marino",
                "Charlottenburg",
                "Ludwigshafen",
                "Saint-Denis",
                "Montpellier",
                "Alexanderplatz",
                "Puerta del Sol",
                "Piazza San Marco",
                "Heathrow Terminal 5",
            )
        ),
    )


def flight(r: Random) -> Look:
    """A flight number."""
    return Look(
        "flight",
        f"{r.choice(('LH', 'IB', 'AF', 'AZ', 'BA', 'FR', 'VY', 'EI'))}{r.randint(100, 8999)}",
    )


_LAWS = {
    "de": ("Art. 6 Abs. 1 lit. b DSGVO", "§ 573 BGB", "§ 823 Abs. 1 BGB"),
    "it": ("art. 1453 c.c.", "art. 13 del GDPR", "D.Lgs. 196/2003"),
    "es": ("artículo 18 de la Constitución", "art. 36 de la LAU", "Ley 29/1994"),
    "fr": ("article L. 1237-19 du Code du travail", "article 22 de la loi du 6 juillet 1989"),
    "fr_road": ("article R417-10 du Code de la route", "article R417-6 du Code de la route"),
    "en": ("Section 21 of the Housing Act 1988", "Article 17 GDPR"),
    "ch": ("Art. 336a ZGB", "Art. 271 OR"),
}


def law(r: Random, locale: str) -> Look:
    """A citation of a law of ``locale``."""
    return Look("law", r.choice(_LAWS[locale]))


def ref_law(r: Random) -> Look:
    """A citation of a law."""
    return Look(
        "law",
        r.choice(
            (
                "Art. 6 Abs. 1 lit. b DSGVO",
                "§ 573 BGB",
                "art. 1453 c.c.",
                "artículo 18 de la Constitución",
                "article L. 1237-19 du Code du travail",
                "Section 21 of the Housing Act 1988",
                "Art. 336a ZGB",
            )
        ),
    )


def standard(r: Random) -> Look:
    """A standard's number."""
    return Look(
        "standard",
        r.choice(
            (
                "ISO 27001",
                "ISO 8601",
                "EN 1090-2",
                "DIN 5008",
                "RFC 7519",
                "IEEE 802.11ax",
                "ISO/IEC 17025",
            )
        ),
    )


def error_code(r: Random) -> Look:
    """An error code."""
    return Look(
        "error_code",
        r.choice(
            (
                "0x80070005",
                "ORA-00942",
                "ECONNREFUSED",
                "E11000",
                "SQLSTATE 23505",
                "HTTP 502",
                "ERR_SSL_PROTOCOL_ERROR",
            )
        ),
    )


def icd(r: Random) -> Look:
    """A diagnosis code."""
    return Look("icd", r.choice(("J45.9", "E11.9", "M54.5", "I10", "F32.1", "K21.0", "S83.2")))


def isbn(r: Random) -> Look:
    """An ISBN-13, hyphenated."""
    body = "978" + r.choice(("3", "84", "88", "2")) + digits(r, 9)
    body = body[:12]
    n = body + ean_digit(body)
    return Look("isbn", f"{n[:3]}-{n[3]}-{n[4:8]}-{n[8:12]}-{n[12]}")


def image(r: Random) -> Look:
    """A container image reference."""
    return Look(
        "image",
        r.choice(
            (
                "postgres:16.2-alpine",
                "redis:7.2.4",
                "nginx:1.27-bookworm",
                "python:3.12-slim",
                "ghcr.io/acme/api:2024.11.3",
            )
        ),
    )


def loopback(r: Random) -> Look:
    """A local or unspecified address."""
    return Look("loopback", r.choice(("127.0.0.1", "0.0.0.0", "::1", "localhost:8080")))


def size(r: Random, unit: str | None = None) -> Look:
    """A size or measurement (in ``unit`` when given)."""
    unit = unit or r.choice(("MB", "ms", "m²", "kg", "%", "km"))
    n = r.randint(2, 900)
    return Look(
        "measure", f"{n}.{r.randint(0, 9)} {unit}" if unit in {"MB", "km"} else f"{n} {unit}"
    )


def data_uri(r: Random) -> Look:
    """Inline base64 image data."""
    return Look(
        "data_uri",
        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA"
        + base64.b64encode(r.randbytes(45)).decode(),
    )


def doc_sample(r: Random) -> Look:
    """A value printed in public documentation as an example."""
    return Look(
        "doc_sample",
        r.choice(
            (
                "4242 4242 4242 4242",
                "DE89 3704 0044 0532 0130 00",
                "AKIAIOSFODNN7EXAMPLE",
                "user@example.com",
                "192.0.2.1",
                "123-45-6789",
            )
        ),
    )


def model(r: Random) -> Look:
    """A product model name or number."""
    return Look(
        "model",
        r.choice(
            (
                "ThinkPad X1 Carbon Gen 11",
                "iPhone 15 Pro",
                "RTX 4090",
                "Bosch WAX32M41",
                "Raspberry Pi 5",
                "Galaxy S24",
                "Fiat 500e",
            )
        ),
    )


def port(r: Random) -> Look:
    """A port number."""
    return Look("port", r.choice(("5432", "8443", "6379", "3000", "8080", "5672")))


def status(r: Random) -> Look:
    """An HTTP status code."""
    return Look("status", r.choice(("200", "204", "301", "404", "429", "503")))


def car(r: Random) -> Look:
    """A car model."""
    return Look(
        "model",
        r.choice(
            (
                "Fiat Panda",
                "VW Golf VIII",
                "Renault Clio V",
                "SEAT Ibiza",
                "Peugeot 208",
                "Toyota Yaris Hybrid",
                "BMW 320d",
            )
        ),
    )


def doc_card() -> Look:
    """The test card number that payment documentation prints."""
    return Look("doc_sample", "4242 4242 4242 4242")


def doc_iban() -> Look:
    """The example IBAN that banking documentation prints."""
    return Look("doc_sample", "DE89 3704 0044 0532 0130 00")


def doc_key() -> Look:
    """The example access key from cloud documentation."""
    return Look("doc_sample", "AKIAIOSFODNN7EXAMPLE")
