"""A labelled PII corpus generated from templates, Faker (several locales) and
own generators of valid card numbers, IBANs and SSNs.

Used by the tests and by ``benchmarks/privacy.py``. Faker is a test/benchmark
dependency only (``pip install faker``); it is imported when a corpus is built.
Every sample knows the exact span and type of each planted value; samples
built from false-positive traps (order numbers, timestamps, versions, hashes,
math) carry no spans at all.
"""

from __future__ import annotations

import datetime
import random
import re
import string
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from edgekit.privacy import types as t

LOCALES = ("en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL")
_LANG = {
    "en_US": "en",
    "en_GB": "en",
    "de_DE": "de",
    "fr_FR": "fr",
    "es_ES": "es",
    "it_IT": "it",
    "nl_NL": "nl",
}


@dataclass(frozen=True, slots=True)
class Span:
    """A planted value: its type and where it is."""

    type: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sample:
    """One labelled text."""

    text: str
    spans: tuple[Span, ...]
    locale: str
    kind: str  # "pii" or "trap"

    def values(self) -> list[str]:
        """The planted values (for canary checks)."""
        return [self.text[s.start : s.end] for s in self.spans]


# --- own generators with valid checksums --------------------------------------------


def luhn_digit(partial: str) -> str:
    """The Luhn check digit that completes ``partial``."""
    total = 0
    for i, ch in enumerate(reversed(partial)):
        d = int(ch)
        if i % 2 == 0:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return str((10 - total % 10) % 10)


def make_card(rng: random.Random, *, valid: bool = True) -> str:
    """A card number of a real issuer range, formatted as people write it."""
    prefix, length = rng.choice(
        [
            ("4", 16),
            ("51", 16),
            ("55", 16),
            ("2221", 16),
            ("34", 15),
            ("37", 15),
            ("6011", 16),
            ("3528", 16),
            ("4", 13),
        ]
    )
    body = prefix + "".join(rng.choice(string.digits) for _ in range(length - len(prefix) - 1))
    check = luhn_digit(body)
    if not valid:
        check = str((int(check) + rng.randint(1, 9)) % 10)
    number = body + check
    style = rng.choice(["space", "dash", "plain"])
    if style == "plain":
        return number
    sep = " " if style == "space" else "-"
    if length == 15:
        return sep.join((number[:4], number[4:10], number[10:]))
    return sep.join(number[i : i + 4] for i in range(0, len(number), 4))


_IBAN_FORMATS = {  # country: BBAN pattern (n digit, a upper letter, c alnum)
    "DE": "n" * 18,
    "FR": "n" * 10 + "c" * 11 + "nn",
    "ES": "n" * 20,
    "IT": "a" + "n" * 10 + "c" * 12,
    "NL": "aaaa" + "n" * 10,
    "GB": "aaaa" + "n" * 14,
    "BE": "n" * 12,
    "AT": "n" * 16,
    "CH": "n" * 5 + "c" * 12,
}


def make_iban(rng: random.Random, country: str | None = None, *, valid: bool = True) -> str:
    """An IBAN with correct mod-97 check digits (or deliberately wrong ones)."""
    cc = country or rng.choice(sorted(_IBAN_FORMATS))
    pools = {
        "n": string.digits,
        "a": string.ascii_uppercase,
        "c": string.ascii_uppercase + string.digits,
    }
    bban = "".join(rng.choice(pools[k]) for k in _IBAN_FORMATS[cc])
    numeric = "".join(str(int(ch, 36)) for ch in bban + cc + "00")
    check = 98 - int(numeric) % 97
    if not valid:
        check = 2 + (check - 2 + rng.randint(1, 96)) % 97  # any other of the 97 values
    iban = f"{cc}{check:02d}{bban}"
    if rng.random() < 0.6:
        return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
    return iban


def make_ssn(rng: random.Random, *, sep: str = "-") -> str:
    """A US SSN that satisfies the range rules."""
    area = rng.choice([a for a in range(1, 900) if a != 666])
    return f"{area:03d}{sep}{rng.randint(1, 99):02d}{sep}{rng.randint(1, 9999):04d}"


def make_secret(rng: random.Random) -> str:
    """An API key in a common provider format, or a random high-entropy token."""
    alnum = string.ascii_letters + string.digits

    def rand(n: int, pool: str = alnum) -> str:
        return "".join(rng.choice(pool) for _ in range(n))

    makers: list[Callable[[], str]] = [
        lambda: "sk-proj-" + rand(40),
        lambda: "sk-ant-api03-" + rand(48),
        lambda: "AKIA" + rand(16, string.ascii_uppercase + string.digits),
        lambda: "ghp_" + rand(36),
        lambda: "xoxb-" + rand(11, string.digits) + "-" + rand(24),
        lambda: "AIza" + rand(35, alnum + "_-"),
        lambda: "sk_live_" + rand(24),
        lambda: "glpat-" + rand(20),
        lambda: "hf_" + rand(34),
        lambda: rand(32) + rand(4, string.digits),
    ]
    return rng.choice(makers)()


def _credential_url(rng: random.Random, fake: Any) -> str:
    host, path = fake.domain_name(), fake.word()
    if rng.random() < 0.5:
        scheme = rng.choice(["https", "postgres", "mysql", "redis", "ftp"])
        return f"{scheme}://{fake.user_name()}:{make_secret(rng)[:16]}@{host}/{path}"
    param = rng.choice(["access_token", "token", "api_key", "sig"])
    return f"https://{host}/{path}?{param}={make_secret(rng)[:24]}"


_MONTH_NAMES = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
    "diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
    "dicembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
}


def _dob(rng: random.Random, fake: Any, lang: str) -> str:
    d: datetime.date = fake.date_of_birth(minimum_age=18, maximum_age=90)
    months = _MONTH_NAMES[lang].split()
    style = rng.randrange(4)
    if style == 0:
        return d.isoformat()
    if style == 1:
        return (
            f"{d.day:02d}.{d.month:02d}.{d.year}"
            if lang in ("de", "nl")
            else f"{d.day:02d}/{d.month:02d}/{d.year}"
        )
    if style == 2 and lang == "en":
        return f"{months[d.month - 1]} {d.day}, {d.year}"
    if lang == "es":
        return f"{d.day} de {months[d.month - 1]} de {d.year}"
    return f"{d.day} {months[d.month - 1]} {d.year}"


def _passport(rng: random.Random) -> str:
    maker: Callable[[], str] = rng.choice(
        [
            lambda: rng.choice(string.ascii_uppercase) + "".join(rng.choices(string.digits, k=8)),
            lambda: "".join(rng.choices(string.digits, k=9)),
            lambda: (
                "".join(rng.choices(string.digits, k=2))
                + "".join(rng.choices(string.ascii_uppercase, k=2))
                + "".join(rng.choices(string.digits, k=5))
            ),
            lambda: "C" + "".join(rng.choices("CFGHJKLMNPRTVWXYZ0123456789", k=8)),
        ]
    )
    return maker()


def _geo(rng: random.Random) -> str:
    lat, lon = rng.uniform(-89, 89), rng.uniform(-179, 179)
    if rng.random() < 0.3:
        ns, ew = "N" if lat >= 0 else "S", "E" if lon >= 0 else "W"
        return f"{abs(lat):.4f}° {ns}, {abs(lon):.4f}° {ew}"
    return f"{lat:.6f}, {lon:.6f}"


def _phone(fake: Any) -> str:
    return str(fake.phone_number()).strip()


# --- templates --------------------------------------------------------------------

_TEMPLATES: dict[str, list[str]] = {
    "en": [
        "Hi, my name is {PERSON} and my email is {EMAIL}.",
        "Please call {PERSON} at {PHONE} about the delivery.",
        "Ship it to {ADDRESS}, attention {PERSON}.",
        "My card number is {CREDIT_CARD}, expiry 09/27.",
        "Transfer the deposit to IBAN {IBAN} before Friday.",
        "Applicant SSN: {US_SSN}. Date of birth: {DATE_OF_BIRTH}.",
        "The server at {IP_ADDRESS} keeps rejecting my login.",
        "Here is my config: api_key = {SECRET}",
        "Connect with {URL_CREDENTIALS} and run the migration.",
        "We met at {GEO_COORDINATES} last summer.",
        "Passport number {ID_NUMBER}, issued in 2019.",
        "Can you rewrite this email to {PERSON} ({EMAIL}) so it sounds friendlier?",
        "{PERSON} was born on {DATE_OF_BIRTH} and lives at {ADDRESS}.",
        "Reach me on {PHONE} or {EMAIL}; my colleague {PERSON} is on leave.",
        "Summarize: {PERSON} paid with {CREDIT_CARD} and asked for a refund.",
        "The logs show requests from {IP_ADDRESS} using token {SECRET}.",
        "Dear {PERSON}, your account {IBAN} was credited.",
        "export OPENAI_API_KEY={SECRET}",
    ],
    "de": [
        "Hallo, ich heiße {PERSON}, meine E-Mail ist {EMAIL}.",
        "Bitte rufen Sie {PERSON} unter {PHONE} an.",
        "Meine Adresse: {ADDRESS}, 10115 Berlin.",
        "Überweisen Sie den Betrag auf {IBAN}.",
        "Geboren am {DATE_OF_BIRTH}, Ausweisnummer {ID_NUMBER}.",
        "Kannst du diese Nachricht an {PERSON} freundlicher formulieren?",
        "Der Server {IP_ADDRESS} antwortet nicht, Passwort: {SECRET}",
        "Kreditkarte {CREDIT_CARD} wurde abgelehnt.",
        "{PERSON} wohnt in der {ADDRESS} und ist unter {PHONE} erreichbar.",
    ],
    "fr": [
        "Bonjour, je m'appelle {PERSON} et mon courriel est {EMAIL}.",
        "Appelez {PERSON} au {PHONE} demain.",
        "J'habite au {ADDRESS}, 75001 Paris.",
        "Virement vers le compte {IBAN} s'il vous plaît.",
        "Né le {DATE_OF_BIRTH}, passeport {ID_NUMBER}.",
        "Ma carte {CREDIT_CARD} ne fonctionne plus.",
        "Pouvez-vous résumer la lettre de {PERSON} ?",
    ],
    "es": [
        "Hola, me llamo {PERSON} y mi correo es {EMAIL}.",
        "Llama a {PERSON} al {PHONE} por favor.",
        "Vivo en {ADDRESS}, Madrid.",
        "Mi IBAN es {IBAN}.",
        "Nacido el {DATE_OF_BIRTH}, pasaporte {ID_NUMBER}.",
        "Pagué con la tarjeta {CREDIT_CARD}.",
        "¿Puedes traducir este mensaje de {PERSON}?",
    ],
    "it": [
        "Ciao, mi chiamo {PERSON} e la mia email è {EMAIL}.",
        "Chiama {PERSON} al numero {PHONE}.",
        "Abito in {ADDRESS}, Roma.",
        "Il mio IBAN è {IBAN}.",
        "Nata il {DATE_OF_BIRTH}, passaporto {ID_NUMBER}.",
        "La carta {CREDIT_CARD} è stata rifiutata.",
    ],
    "nl": [
        "Hallo, ik ben {PERSON} en mijn e-mail is {EMAIL}.",
        "Bel {PERSON} op {PHONE} aub.",
        "Mijn adres is {ADDRESS}, Amsterdam.",
        "Mijn IBAN is {IBAN}.",
        "Geboortedatum {DATE_OF_BIRTH}, paspoort {ID_NUMBER}.",
    ],
}

#: Templates written after the detectors were tuned and never used to tune them:
#: the "heldout" split measures how well detection generalises to new phrasing.
_HELDOUT: dict[str, list[str]] = {
    "en": [
        "fwd: from {PERSON} <{EMAIL}> — can you draft a polite reply?",
        '{{"customer": "{PERSON}", "phone": "{PHONE}", "ip": "{IP_ADDRESS}"}}',
        "Refund to card ending... actually the full number is {CREDIT_CARD}",
        "Wire {IBAN} (beneficiary {PERSON}), reference INV-2291.",
        "His social is {US_SSN} and DOB {DATE_OF_BIRTH}, please verify.",
        "GITHUB_TOKEN={SECRET} ./deploy.sh --prod",
        "Why does {URL_CREDENTIALS} return 403?",
        "Meet me at {ADDRESS} at 7pm, text {PHONE} if late.",
        "Drone landed near {GEO_COORDINATES}; pilot {PERSON}.",
        "Travel doc: passport {ID_NUMBER}, holder {PERSON}.",
    ],
    "de": [
        "Von: {PERSON} <{EMAIL}> Betreff: Rechnung — bitte Antwort entwerfen.",
        "Zahlung an {IBAN}, Kontoinhaber {PERSON}.",
        "Patient {PERSON}, geb. {DATE_OF_BIRTH}, Tel. {PHONE}.",
        "Lieferadresse: {ADDRESS}, Ansprechpartner {PERSON}.",
    ],
    "fr": [
        "De : {PERSON} <{EMAIL}> — pouvez-vous répondre poliment ?",
        "Livraison : {ADDRESS}, contact {PHONE}.",
        "Titulaire {PERSON}, IBAN {IBAN}.",
    ],
    "es": [
        "De: {PERSON} <{EMAIL}>, ¿puedes responder?",
        "Envío a {ADDRESS}; teléfono {PHONE}.",
        "Titular {PERSON}, cuenta {IBAN}.",
    ],
    "it": [
        "Da: {PERSON} <{EMAIL}>, puoi rispondere?",
        "Consegna in {ADDRESS}, telefono {PHONE}.",
    ],
    "nl": [
        "Van: {PERSON} <{EMAIL}>, kun je antwoorden?",
        "Bezorgen op {ADDRESS}, telefoon {PHONE}.",
    ],
}

#: Texts full of numbers and tokens that are NOT personal data.
TRAPS: tuple[str, ...] = (
    "Order #4821-9930-1177 shipped on 2024-03-05 12:34:56 UTC.",
    "Upgrade to version 1.2.3.4 of the library, then to v2.10.15.",
    "Compute 3.14159 * 2.71828 and round 1234567 / 89 to two places.",
    "Invoice 2023-000451 totals 1,234.56 EUR; ticket ISSUE-88231.",
    "commit 3f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39 fixed the race.",
    "The request id is 123e4567-e89b-12d3-a456-426614174000.",
    "Python 3.11.4 on Linux 6.5.0-21-generic, build 20240301.",
    "Set timeout=30 and retries=5; port 8080; HTTP 404 and 503.",
    "Tracking number 1Z999AA10123456784 is in transit.",
    "The ratio was 0.7431, 0.2218 and 0.0351 across three runs.",
    "Use 4111 as the PIN example in the docs, not a real one.",
    "The year 1990 had 365 days; 12/25 is Christmas.",
    "sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    "Matrix [[1, 2], [3, 4]] times vector (5, 6) equals (17, 39).",
    "Our office opens at 09:30 and closes at 17:45 on weekdays.",
    "Item SKU 400-1234-5678 costs $19.99 (was $24.99).",
    "ISBN 978-3-16-148410-0 is the second edition.",
    "The meeting is in room B-204 on floor 2, building 7.",
    "Call the function with max_tokens=256 and temperature=0.7.",
    "Running total: 10 + 20 + 30 = 60, then 60 * 1.5 = 90.",
)

Generator = Callable[[random.Random, Any, str], str]

_GENERATORS: dict[str, Generator] = {
    t.PERSON: lambda rng, f, lang: f"{f.first_name()} {f.last_name()}",
    t.EMAIL: lambda rng, f, lang: str(f.email()),
    t.PHONE: lambda rng, f, lang: _phone(f),
    t.ADDRESS: lambda rng, f, lang: str(f.street_address()).strip().replace("\n", ", "),
    t.IP_ADDRESS: lambda rng, f, lang: str(f.ipv4() if rng.random() < 0.7 else f.ipv6()),
    t.URL_CREDENTIALS: lambda rng, f, lang: _credential_url(rng, f),
    t.CREDIT_CARD: lambda rng, f, lang: make_card(rng),
    t.IBAN: lambda rng, f, lang: make_iban(rng),
    t.US_SSN: lambda rng, f, lang: make_ssn(rng),
    t.DATE_OF_BIRTH: lambda rng, f, lang: _dob(rng, f, lang),
    t.ID_NUMBER: lambda rng, f, lang: _passport(rng),
    t.SECRET: lambda rng, f, lang: make_secret(rng),
    t.GEO_COORDINATES: lambda rng, f, lang: _geo(rng),
}
_SLOT = re.compile(r"\{([A-Z_]+)\}")


def _fill(template: str, rng: random.Random, fake: Any, lang: str) -> tuple[str, tuple[Span, ...]]:
    parts: list[str] = []
    spans: list[Span] = []
    pos = length = 0
    for m in _SLOT.finditer(template):
        literal = template[pos : m.start()]
        parts.append(literal)
        length += len(literal)
        value = _GENERATORS[m.group(1)](rng, fake, lang)
        spans.append(Span(m.group(1), length, length + len(value)))
        parts.append(value)
        length += len(value)
        pos = m.end()
    parts.append(template[pos:])
    return "".join(parts), tuple(spans)


def generate(
    n: int, *, seed: int = 0, trap_share: float = 0.15, split: str = "dev"
) -> list[Sample]:
    """``n`` labelled samples across locales, about ``trap_share`` of them traps.

    ``split`` is ``"dev"`` (the templates the detectors were tuned on) or
    ``"heldout"`` (templates never used for tuning).
    """
    return list(iter_samples(n, seed=seed, trap_share=trap_share, split=split))


def iter_samples(
    n: int, *, seed: int = 0, trap_share: float = 0.15, split: str = "dev"
) -> Iterator[Sample]:
    """Like :func:`generate`, lazily."""
    if split not in ("dev", "heldout"):
        raise ValueError("split must be 'dev' or 'heldout'")
    templates = _TEMPLATES if split == "dev" else _HELDOUT
    from faker import Faker

    rng = random.Random(seed)  # noqa: S311 (test data, not secrets)
    fakers: dict[str, Any] = {}
    for i in range(n):
        locale = LOCALES[i % len(LOCALES)]
        if rng.random() < trap_share:
            yield Sample(rng.choice(TRAPS), (), locale, "trap")
            continue
        fake = fakers.get(locale)
        if fake is None:
            fake = fakers[locale] = Faker(locale)
            fake.seed_instance(seed + len(fakers))
        lang = _LANG[locale]
        text, spans = _fill(rng.choice(templates[lang]), rng, fake, lang)
        yield Sample(text, spans, locale, "pii")


# --- scoring ------------------------------------------------------------------------


@dataclass
class Scores:
    """Per-type true positives, misses and false alarms, plus masked-character coverage."""

    tp: dict[str, int]
    fn: dict[str, int]
    fp: dict[str, int]
    gold_chars: int = 0
    covered_chars: int = 0

    def _total(self, d: dict[str, int], types: set[str] | None) -> int:
        return sum(n for k, n in d.items() if types is None or k in types)

    def recall(self, types: set[str] | None = None) -> float:
        """Matched planted values ÷ planted values."""
        tp, fn = self._total(self.tp, types), self._total(self.fn, types)
        return tp / (tp + fn) if tp + fn else 1.0

    def precision(self, types: set[str] | None = None) -> float:
        """Matched predictions ÷ predictions."""
        tp, fp = self._total(self.tp, types), self._total(self.fp, types)
        return tp / (tp + fp) if tp + fp else 1.0

    def f_beta(self, beta: float = 2.0, types: set[str] | None = None) -> float:
        """F-beta; beta=2 weighs recall four times as much as precision."""
        p, r = self.precision(types), self.recall(types)
        b2 = beta * beta
        return (1 + b2) * p * r / (b2 * p + r) if p + r else 0.0

    def coverage(self) -> float:
        """Share of planted characters inside some prediction of ANY type (leak view)."""
        return self.covered_chars / self.gold_chars if self.gold_chars else 1.0


def spans_match(a: Span, b: Span) -> bool:
    """Same type, and the overlap covers at least half of the shorter span."""
    overlap = min(a.end, b.end) - max(a.start, b.start)
    return a.type == b.type and overlap > 0 and overlap * 2 >= min(a.end - a.start, b.end - b.start)


def evaluate(
    samples: list[Sample], predictions: list[list[Span]], types: set[str] | None = None
) -> Scores:
    """Score predictions against the planted spans, per type, with :func:`spans_match`.

    A planted value counts as found when some prediction matches it; a prediction
    counts as correct when it matches some planted value. Only ``types`` (all
    when ``None``) are scored, on both sides.
    """
    scores = Scores({}, {}, {})
    for sample, preds in zip(samples, predictions, strict=True):
        gold = [g for g in sample.spans if types is None or g.type in types]
        pred = [p for p in preds if types is None or p.type in types]
        for g in gold:
            key = "tp" if any(spans_match(g, p) for p in pred) else "fn"
            bucket = getattr(scores, key)
            bucket[g.type] = bucket.get(g.type, 0) + 1
            scores.gold_chars += g.end - g.start
            scores.covered_chars += sum(
                1 for i in range(g.start, g.end) if any(p.start <= i < p.end for p in preds)
            )
        for p in pred:
            if not any(spans_match(g, p) for g in gold):
                scores.fp[p.type] = scores.fp.get(p.type, 0) + 1
    return scores
