"""Look-alikes that carry no personal data: references, hashes, versions, figures, dates."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import random
import string
import uuid
from collections.abc import Callable

from privacy.holdout import checks

HEX = "0123456789abcdef"
UP = string.ascii_uppercase


def _d(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(checks.DIGITS) for _ in range(n))


def _hex(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(HEX) for _ in range(n))


def order(rng: random.Random) -> str:
    return rng.choice(
        [
            f"{_d(rng, 3)}-{_d(rng, 7)}-{_d(rng, 7)}",
            f"ORD-{rng.randint(2022, 2026)}-{_d(rng, 6)}",
            f"#{_d(rng, 6)}",
            f"BE{_d(rng, 8)}",
            f"{rng.choice(['AB', 'WEB', 'SO'])}{_d(rng, 7)}",
        ]
    )


def invoice(rng: random.Random) -> str:
    y = rng.randint(2023, 2026)
    return rng.choice(
        [
            f"RE-{y}-{_d(rng, 5)}",
            f"INV-{y}{_d(rng, 4)}",
            f"F{y}/{_d(rng, 4)}",
            f"FAC-{_d(rng, 6)}",
            f"{y}-{_d(rng, 4)}",
        ]
    )


def ticket(rng: random.Random) -> str:
    return rng.choice(
        [
            f"#{rng.randint(1000, 99999)}",
            f"{rng.choice(['OPS', 'SUP', 'WEB', 'PAY'])}-{rng.randint(10, 9999)}",
            f"INC{_d(rng, 7)}",
            f"CS{_d(rng, 8)}",
        ]
    )


def tracking(rng: random.Random) -> str:
    return rng.choice(
        [
            f"1Z{''.join(rng.choice(UP + checks.DIGITS) for _ in range(6))}{_d(rng, 10)}",
            f"JJD{_d(rng, 18)}",
            f"00{_d(rng, 18)}",
            f"{''.join(rng.choice(UP) for _ in range(2))}{_d(rng, 9)}DE",
        ]
    )


def sku(rng: random.Random) -> str:
    return rng.choice(
        [
            f"SKU-{_d(rng, 5)}-{rng.choice(['BLK', 'WHT', 'RED', 'NAV'])}-{rng.choice('SML')}",
            f"{''.join(rng.choice(UP) for _ in range(3))}-{_d(rng, 4)}",
            f"B0{''.join(rng.choice(UP + checks.DIGITS) for _ in range(8))}",
        ]
    )


def ean(rng: random.Random) -> str:
    body = rng.choice(["400", "401", "84", "80", "300", "501"])
    body += _d(rng, 12 - len(body))
    return body + checks.ean_digit(body)


def isbn(rng: random.Random) -> str:
    body = "978" + rng.choice(["3", "84", "88", "2", "1"])
    body += _d(rng, 12 - len(body))
    return f"{body[:3]}-{body[3:]}{checks.ean_digit(body)}"


def version(rng: random.Random) -> str:
    a, b, c = rng.randint(0, 19), rng.randint(0, 40), rng.randint(0, 30)
    return rng.choice(
        [f"{a}.{b}.{c}", f"v{a}.{b}.{c}", f"{a}.{b}.{c}-rc.{rng.randint(1, 5)}", f"{a}.{b}"]
    )


def version4(rng: random.Random) -> str:
    major, minor = rng.randint(1, 12), rng.randint(0, 9)
    return f"{major}.{minor}.{rng.randint(1000, 26000)}.{rng.randint(1, 4000)}"


def build(rng: random.Random) -> str:
    return rng.choice(
        [
            f"{rng.randint(2023, 2026)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
            f".{rng.randint(1, 9)}",
            f"#{rng.randint(100, 9999)}",
            f"b{rng.randint(1000, 99999)}",
        ]
    )


def sha(rng: random.Random) -> str:
    return _hex(rng, 40)


def short_sha(rng: random.Random) -> str:
    return _hex(rng, rng.choice([7, 8, 10, 12]))


def sha256(rng: random.Random) -> str:
    return hashlib.sha256(_d(rng, 20).encode()).hexdigest()


def digest(rng: random.Random) -> str:
    return "sha256:" + sha256(rng)


def sri(rng: random.Random) -> str:
    algo, n = rng.choice([("sha384", 48), ("sha512", 64), ("sha256", 32)])
    return f"{algo}-{base64.b64encode(bytes(rng.getrandbits(8) for _ in range(n))).decode()}"


def uuid4(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def trace(rng: random.Random) -> str:
    return _hex(rng, 32)


def data_uri(rng: random.Random) -> str:
    raw = b"\x89PNG\r\n\x1a\n" + bytes(rng.getrandbits(8) for _ in range(rng.randint(60, 140)))
    return "data:image/png;base64," + base64.b64encode(raw).decode()


def timestamp(rng: random.Random) -> str:
    t = dt.datetime(2025, 1, 1) + dt.timedelta(seconds=rng.randint(0, 60_000_000))
    return rng.choice(
        [
            f"{t:%Y-%m-%dT%H:%M:%S}Z",
            f"{t:%Y-%m-%d %H:%M:%S}",
            f"{t:%Y-%m-%dT%H:%M:%S}.{_d(rng, 3)}+01:00",
            f"{t:%d/%b/%Y:%H:%M:%S} +0000",
        ]
    )


def epoch(rng: random.Random) -> str:
    return str(rng.randint(1_700_000_000, 1_790_000_000) * rng.choice([1, 1000]))


def event_date(rng: random.Random, lang: str = "en") -> str:
    from privacy.holdout.people import date_text

    d = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randint(0, 800))
    return date_text(rng, d, lang)


def price(rng: random.Random, lang: str = "en") -> str:
    v = rng.randint(1, 400000) / 100
    euro = f"{v:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    if lang in ("de", "es", "fr", "it"):
        return rng.choice([f"{euro} €", f"{euro} EUR", f"€ {euro}", f"{euro}€"])
    return rng.choice([f"€{v:,.2f}", f"${v:,.2f}", f"£{v:.2f}", f"{v:,.2f} EUR", f"CHF {v:.2f}"])


def measure(rng: random.Random) -> str:
    return rng.choice(
        [
            f"{rng.randint(140, 205)} cm",
            f"{rng.randint(1, 90)},{rng.randint(0, 9)} kg",
            f"{rng.randint(10, 4000)} mm",
            f"{rng.randint(1, 30)}.{rng.randint(0, 9)} GB",
            f"{rng.randint(100, 9999)} MiB",
            f"{rng.randint(2, 120)} m²",
            f"{rng.randint(1, 900)} ms",
        ]
    )


def maths(rng: random.Random) -> str:
    a, b = rng.randint(12, 9999), rng.randint(12, 999)
    return rng.choice(
        [
            f"{a} × {b} = {a * b}",
            f"{a} * {b} = {a * b}",
            f"{a}/{b} ≈ {a / b:.4f}",
            f"x = {a * b} - {a}",
            f"{a}^2 = {a * a}",
            f"{a * b} mod {b + 1} = {a * b % (b + 1)}",
        ]
    )


def http(rng: random.Random) -> str:
    return rng.choice(["HTTP 503", "HTTP/1.1 429", "404", "502 Bad Gateway", "HTTP 401", "500"])


def port(rng: random.Random) -> str:
    return rng.choice(["8080", "5432", "8443", "6379", "3000", "9200", "27017", "9090"])


def hexcolor(rng: random.Random) -> str:
    return "#" + _hex(rng, 6)


def env_ref(rng: random.Random) -> str:
    var = rng.choice(
        [
            "OPENAI_API_KEY",
            "DB_PASSWORD",
            "STRIPE_SECRET_KEY",
            "SLACK_WEBHOOK_URL",
            "GITHUB_TOKEN",
            "AWS_SECRET_ACCESS_KEY",
            "SMTP_PASSWORD",
        ]
    )
    return rng.choice(
        [
            f'os.environ["{var}"]',
            f'os.getenv("{var}")',
            f"${{{var}}}",
            f"process.env.{var}",
            f"${{{{ secrets.{var} }}}}",
        ]
    )


def placeholder(rng: random.Random) -> str:
    return rng.choice(
        [
            "<YOUR_API_KEY>",
            "sk-...",
            "xxxxxxxxxxxxxxxx",
            "your-token-here",
            "<redacted>",
            "********",
            "CHANGE_ME",
            "REPLACE_WITH_YOUR_KEY",
        ]
    )


def coords_screen(rng: random.Random) -> str:
    return rng.choice(
        [
            f"{rng.randint(800, 3840)}x{rng.randint(600, 2160)}",
            f"x={rng.randint(0, 1920)}, y={rng.randint(0, 1080)}",
        ]
    )


def flight(rng: random.Random) -> str:
    return rng.choice(
        [
            f"LH {rng.randint(100, 2999)}",
            f"IB{rng.randint(1000, 3999)}",
            f"AF {rng.randint(1000, 1999)}",
            f"FR{rng.randint(1000, 9999)}",
            f"U2 {rng.randint(1000, 8999)}",
        ]
    )


def pid(rng: random.Random) -> str:
    return str(rng.randint(1000, 65000))


MAKERS: dict[str, Callable[[random.Random], str]] = {
    "order": order,
    "invoice": invoice,
    "ticket": ticket,
    "tracking": tracking,
    "sku": sku,
    "ean": ean,
    "isbn": isbn,
    "version": version,
    "version4": version4,
    "build": build,
    "sha": sha,
    "short_sha": short_sha,
    "sha256": sha256,
    "digest": digest,
    "sri": sri,
    "uuid": uuid4,
    "trace": trace,
    "data_uri": data_uri,
    "timestamp": timestamp,
    "epoch": epoch,
    "date": event_date,
    "price": price,
    "measure": measure,
    "maths": maths,
    "http": http,
    "port": port,
    "hexcolor": hexcolor,
    "env_ref": env_ref,
    "placeholder": placeholder,
    "screen": coords_screen,
    "flight": flight,
    "pid": pid,
}
