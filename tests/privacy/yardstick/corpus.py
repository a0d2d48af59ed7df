"""Render the yardstick corpus: documents with every planted value and trap located.

Two parts from the same templates and value generators, each with its own
seed: ``dev`` (read it, tune on it) and ``sealed`` (scored by
``benchmarks/privacy.py``, never printed: look only at its totals).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from random import Random

from . import values as v
from .templates import GENRES

DEV_SEED = 90_211
SEALED_SEED = 55_370_817
DEFAULT_DOCS = 600

PERSON = frozenset({"PERSON"})
ID = frozenset({"ID_NUMBER"})
PLATE = frozenset({"ID_NUMBER", "LICENSE_PLATE"})
GEO = frozenset({"GEO_COORDINATES"})
SECRET = frozenset({"SECRET", "URL_CREDENTIALS"})


@dataclass(frozen=True)
class Slot:
    """What a ⟦slot⟧ plants: a generator, the entity types that count as found, block or not."""

    make: v.Gen
    types: frozenset[str]
    secret: bool = False


SLOTS: dict[str, Slot] = {
    "name": Slot(v.full_name, PERSON),
    "first": Slot(v.given, PERSON),
    "last": Slot(v.family, PERSON),
    "lname": Slot(v.lower_name, PERSON),
    "wname": Slot(v.word_name, PERSON),
    "xname": Slot(v.non_latin_name, PERSON),
    "email": Slot(v.email, frozenset({"EMAIL"})),
    "phone": Slot(v.phone, frozenset({"PHONE"})),
    "addr": Slot(v.address, frozenset({"ADDRESS"})),
    "ip": Slot(v.ipv4, frozenset({"IP_ADDRESS"})),
    "ip6": Slot(v.ipv6, frozenset({"IP_ADDRESS"})),
    "card": Slot(v.card, frozenset({"CREDIT_CARD"})),
    "iban": Slot(v.iban, frozenset({"IBAN"})),
    "ssn": Slot(v.ssn, frozenset({"US_SSN", "ID_NUMBER"})),
    "dob": Slot(v.birth_date, frozenset({"DATE_OF_BIRTH"})),
    "dni": Slot(v.dni, ID),
    "nie": Slot(v.nie, ID),
    "cf": Slot(v.codice_fiscale, ID),
    "nino": Slot(v.uk_nino, ID),
    "nhs": Slot(v.nhs_number, ID),
    "nir": Slot(v.french_nir, ID),
    "stid": Slot(v.steuer_id, ID),
    "pa": Slot(v.personalausweis, ID),
    "svnr": Slot(v.sozialversicherung, ID),
    "bsn": Slot(v.bsn, ID),
    "ahv": Slot(v.ahv, ID),
    "pan": Slot(v.indian_pan, ID),
    "aadhaar": Slot(v.aadhaar, ID),
    "usdl": Slot(v.us_driver_licence, ID),
    "passport": Slot(v.passport_number, ID),
    "plate": Slot(v.licence_plate, PLATE),
    "geo": Slot(v.geo_decimal, GEO),
    "dms": Slot(v.geo_dms, GEO),
    "geoh": Slot(v.geo_hemisphere, GEO),
    "lat": Slot(v.geo_lat, GEO),
    "lon": Slot(v.geo_lon, GEO),
    "geouri": Slot(v.geo_uri, GEO),
    "key": Slot(v.provider_key, SECRET, secret=True),
    "akid": Slot(v.aws_access_key_id, SECRET, secret=True),
    "awssecret": Slot(v.aws_secret, SECRET, secret=True),
    "hook": Slot(v.webhook, SECRET, secret=True),
    "conn": Slot(v.connection_string, SECRET, secret=True),
    "jwt": Slot(v.jwt, SECRET, secret=True),
    "pem": Slot(v.private_key_block, SECRET, secret=True),
    "pw": Slot(v.password, SECRET, secret=True),
}
TRAPS: dict[str, v.Gen] = {
    "sha": v.git_sha,
    "sha7": v.short_sha,
    "sri": v.sri_hash,
    "img": v.base64_image,
    "uuid": v.uuid_path,
    "env": v.env_lookup,
    "digest": v.digest,
    "order": v.order_number,
    "isbn": v.isbn,
    "ver": v.version,
    "math": v.maths,
    "date": v.plain_date,
    "hex": v.hex_colour,
    "ts": v.timestamp,
}
_MARK = re.compile(r"⟦(!?)(\w+)⟧")


@dataclass(frozen=True)
class Planted:
    """A personal value (or secret) at ``[start, end)`` of its document."""

    slot: str
    start: int
    end: int
    types: frozenset[str]
    secret: bool


@dataclass(frozen=True)
class Trap:
    """A look-alike at ``[start, end)`` that must be neither masked nor blocked."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class Document:
    text: str
    genre: str
    planted: tuple[Planted, ...]
    traps: tuple[Trap, ...]
    template: int = -1  # index in GENRES[genre]: lets a sealed report say *where* without values


def render(template: str, genre: str, rng: Random, index: int = -1) -> Document:
    """Fill every ⟦slot⟧ of ``template`` and record where each value landed."""
    out: list[str] = []
    planted: list[Planted] = []
    traps: list[Trap] = []
    pos = 0

    def emit(text: str) -> tuple[int, int]:
        nonlocal pos
        out.append(text)
        pos += len(text)
        return pos - len(text), pos

    last = 0
    for mark in _MARK.finditer(template):
        emit(template[last : mark.start()])
        last = mark.end()
        is_trap, name = mark.group(1) == "!", mark.group(2)
        if is_trap:
            start, end = emit(TRAPS[name](rng))
            traps.append(Trap(name, start, end))
        elif name == "mrz":
            line1, line2 = v.mrz_lines(rng)
            s1, e1 = emit(line1)
            emit("\n")
            s2, e2 = emit(line2)
            planted.append(Planted("mrz1", s1, e1, frozenset({"PERSON", "ID_NUMBER"}), False))
            planted.append(Planted("mrz2", s2, e2, ID, False))
        else:
            slot = SLOTS[name]
            start, end = emit(slot.make(rng))
            planted.append(Planted(name, start, end, slot.types, slot.secret))
    emit(template[last:])
    return Document("".join(out), genre, tuple(planted), tuple(traps), index)


def generate(n: int = DEFAULT_DOCS, *, seed: int = DEV_SEED) -> list[Document]:
    """``n`` documents; genres are drawn evenly, templates uniformly within a genre."""
    rng = Random(seed)
    genres = sorted(GENRES)
    docs = []
    for i in range(n):
        genre = genres[i % len(genres)]
        templates = GENRES[genre]
        index = rng.randrange(len(templates))
        docs.append(render(templates[index], genre, rng, index))
    return docs


def dev(n: int = DEFAULT_DOCS) -> list[Document]:
    """The part you may read and tune on."""
    return generate(n, seed=DEV_SEED)


def sealed(n: int = DEFAULT_DOCS) -> list[Document]:
    """The part scored but never read: do not print its documents or per-value misses."""
    return generate(n, seed=SEALED_SEED)
