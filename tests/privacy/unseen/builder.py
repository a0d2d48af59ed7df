"""Assemble a document from text pieces, planted values and traps, with exact offsets."""

from __future__ import annotations

from dataclasses import dataclass, field
from random import Random

from privacy.yardstick.corpus import Document, Planted, Trap

from . import traps as tr
from . import values as v
from .labels import label

PERSON = frozenset({"PERSON"})
EMAIL = frozenset({"EMAIL"})
PHONE = frozenset({"PHONE"})
ADDRESS = frozenset({"ADDRESS"})
IP = frozenset({"IP_ADDRESS"})
CARD = frozenset({"CREDIT_CARD"})
IBAN = frozenset({"IBAN"})
SSN = frozenset({"US_SSN", "ID_NUMBER"})
DOB = frozenset({"DATE_OF_BIRTH"})
ID = frozenset({"ID_NUMBER"})
PLATE = frozenset({"ID_NUMBER", "LICENSE_PLATE"})
GEO = frozenset({"GEO_COORDINATES"})
SECRET = frozenset({"SECRET", "URL_CREDENTIALS"})


@dataclass(frozen=True)
class P:
    """A planted value."""

    slot: str
    value: str
    types: frozenset[str]
    secret: bool = False


@dataclass(frozen=True)
class X:
    """A trap."""

    kind: str
    value: str


Piece = str | P | X


@dataclass
class Ctx:
    rng: Random
    lang: str  # language of the document's labels and prose
    country: str
    locale: str  # where the people come from (differs from lang in mixed documents)
    parts: list[str] = field(default_factory=list)
    planted: list[tuple[str, int, int, frozenset[str], bool]] = field(default_factory=list)
    traps: list[tuple[str, int, int]] = field(default_factory=list)
    length: int = 0
    people: list[v.Person] = field(default_factory=list)

    # --- assembly -------------------------------------------------------------------------

    def add(self, *pieces: Piece) -> None:
        for piece in pieces:
            if isinstance(piece, str):
                text = piece
            elif isinstance(piece, P):
                text = piece.value
                self.planted.append(
                    (piece.slot, self.length, self.length + len(text), piece.types, piece.secret)
                )
            else:
                text = piece.value
                self.traps.append((piece.kind, self.length, self.length + len(text)))
            self.parts.append(text)
            self.length += len(text)

    def line(self, *pieces: Piece) -> None:
        self.add(*pieces, "\n")

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def document(self, genre: str, template: int) -> Document:
        text = self.text
        return Document(
            text=text,
            genre=genre,
            planted=tuple(
                Planted(slot=s, start=a, end=b, types=t, secret=sec)
                for s, a, b, t, sec in self.planted
            ),
            traps=tuple(Trap(kind=k, start=a, end=b) for k, a, b in self.traps),
            template=template,
        )

    # --- labels and choices ---------------------------------------------------------------

    def L(self, key: str) -> str:
        return label(self.lang, key)

    def loc(self, options: list[str]) -> str:
        """Of seven options in the order en, de, es, fr, it, nl, pt: the document's language,
        else mostly English (the others' forms are often English-language templates)."""
        order = ["en", "de", "es", "fr", "it", "nl", "pt"]
        if self.lang in order:
            return options[order.index(self.lang)]
        return options[0] if self.chance(0.7) else self.rng.choice(options)

    def pick_pieces(self, options: list[tuple[Piece, ...]]) -> tuple[Piece, ...]:
        return self.rng.choice(options)

    def pick(self, options: list[str]) -> str:
        return self.rng.choice(options)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    # --- people and values ----------------------------------------------------------------

    def person(self, locale: str = "") -> v.Person:
        loc = locale or self.locale
        country = self.country if loc == self.locale else ""
        p = v.make_person(self.rng, loc, country)
        self.people.append(p)
        return p

    def name(self, p: v.Person, kind: str = "") -> P:
        text = p.variant(self.rng, kind)
        script = "native" if p.locale in v.NON_LATIN and not text.isascii() else "latin"
        return P(f"name_{kind or 'any'}_{script}", text, PERSON)

    def nick(self) -> P:
        return P("name_nick_latin", v.nickname(self.rng), PERSON)

    def email(self, p: v.Person) -> P:
        """The person's address; now and then a second one (people have several)."""
        if "email" not in p.extras or self.chance(0.15):
            fresh = v.email(self.rng, p, self.lang if self.lang == p.locale else "")
            p.extras.setdefault("email", fresh)
            return P("email", fresh, EMAIL)
        return P("email", p.extras["email"], EMAIL)

    def phone(self, p: v.Person | None = None) -> P:
        country = p.country if p else self.country
        return P("phone", v.phone(self.rng, country, self.lang), PHONE)

    def addr(self, p: v.Person | None = None, multiline: bool = False) -> P:
        country = p.country if p else self.country
        return P("address", v.address(self.rng, country, multiline), ADDRESS)

    def dob(self, p: v.Person) -> P:
        return P("dob", v.dob(self.rng, p, self.lang), DOB)

    def dob_hl7(self, p: v.Person) -> P:
        return P("dob", v.hl7_date(p.birth), DOB)

    def dob_iso(self, p: v.Person) -> P:
        return P("dob", p.birth.isoformat(), DOB)

    def nid(self, p: v.Person) -> tuple[str, P]:
        slot, value, lab = v.national_id(self.rng, p)
        return lab, P(slot, value, SSN if slot in ("us_ssn", "us_itin") else ID)

    def iban(self, p: v.Person | None = None) -> P:
        return P("iban", v.iban_for(self.rng, p.country if p else self.country), IBAN)

    def card(self) -> P:
        return P("card", v.card(self.rng), CARD)

    def ip(self) -> P:
        return P("ipv4", v.ipv4(self.rng), IP)

    def ip6(self) -> P:
        return P("ipv6", v.ipv6(self.rng), IP)

    def plate(self, p: v.Person | None = None) -> P:
        return P("plate", v.plate(self.rng, p.country if p else self.country), PLATE)

    def passport(self, p: v.Person | None = None) -> P:
        return P("passport", v.passport(self.rng, p.country if p else self.country), ID)

    def geo(self) -> P:
        if self.chance(0.3):
            return P("geo_dms", v.geo_dms(self.rng, self.country), GEO)
        return P("geo_decimal", v.geo_decimal(self.rng, self.country), GEO)

    def latlon(self) -> tuple[P, P]:
        lat, lon = v.latlon(self.rng, self.country)
        k = self.rng.choice([5, 6])
        return P("geo_lat", f"{lat:.{k}f}", GEO), P("geo_lon", f"{lon:.{k}f}", GEO)

    def mrn(self) -> P:
        return P("mrn", v.mrn(self.rng), ID)

    def member(self, p: v.Person | None = None) -> P:
        return P("member_id", v.member_id(self.rng, p.country if p else self.country), ID)

    def ssn(self) -> P:
        return P("us_ssn", v.ssn(self.rng), SSN)

    # secrets
    def key(self) -> tuple[str, P]:
        kind, key = v.api_key(self.rng)
        return kind, P(f"key_{kind}", key, SECRET, True)

    def aws(self) -> tuple[P, P]:
        a, s = v.aws_pair(self.rng)
        return P("aws_akid", a, SECRET, True), P("aws_secret", s, SECRET, True)

    def hook(self) -> P:
        if self.chance(0.6):
            return P("webhook_slack", v.slack_webhook(self.rng), SECRET, True)
        return P("webhook_discord", v.discord_webhook(self.rng), SECRET, True)

    def pw(self) -> P:
        return P("password", v.password(self.rng), SECRET, True)

    def conn(self, user: str = "") -> P:
        u = user or self.pick(["app", "svc_billing", "admin", "etl", "readonly", "django"])
        return P("conn", v.db_url(self.rng, u), SECRET, True)

    def jwt(self, sub: str = "") -> P:
        return P("jwt", v.jwt(self.rng, sub or str(self.rng.randint(1000, 99999))), SECRET, True)

    def pem(self) -> P:
        return P("pem", v.pem_key(self.rng), SECRET, True)

    def azure(self) -> P:
        return P("azure_conn", v.azure_conn(self.rng), SECRET, True)

    # traps
    def x(self, kind: str) -> X:
        return X(kind, tr.SIMPLE[kind](self.rng))

    def xdate(self) -> X:
        return X("date", tr.event_date(self.rng, self.lang))

    def xamount(self) -> X:
        return X("amount", tr.amount(self.rng, self.lang))


# --- text transforms that keep the labels right ---------------------------------------------


def _remap(doc: Document, out: list[tuple[str, int]]) -> Document:
    """Rebuild ``doc`` from ``out`` (new char, index of the source char or -1 if inserted)."""
    first: dict[int, int] = {}
    for i, (_, src) in enumerate(out):
        if src >= 0:
            first[src] = i
    text = "".join(c for c, _ in out)

    def span(a: int, b: int) -> tuple[int, int]:
        return first[a], first[b - 1] + 1

    planted = tuple(Planted(p.slot, *span(p.start, p.end), p.types, p.secret) for p in doc.planted)
    traps = tuple(Trap(t.kind, *span(t.start, t.end)) for t in doc.traps)
    return Document(text=text, genre=doc.genre, planted=planted, traps=traps, template=doc.template)


def pdf_wrap(doc: Document, rng: Random, width: int, header: str) -> Document:
    """Hard line breaks at ``width``, hyphenating long words, and a page header part way."""
    text = doc.text
    out: list[tuple[str, int]] = []
    col = 0
    i = 0
    header_at = rng.randint(len(text) // 3, max(len(text) // 3 + 1, 2 * len(text) // 3))
    header_done = False
    inside = [False] * len(text)
    for a, b in [(p.start, p.end) for p in doc.planted] + [(t.start, t.end) for t in doc.traps]:
        for k in range(a, b):
            inside[k] = True
    word_start = [0] * len(text)
    word_end = [0] * len(text)
    k = 0
    while k < len(text):
        if text[k].isalpha():
            e = k
            while e < len(text) and text[e].isalpha():
                e += 1
            for m in range(k, e):
                word_start[m], word_end[m] = k, e
            k = e
        else:
            k += 1
    while i < len(text):
        ch = text[i]
        if ch == "\n":
            out.append((ch, i))
            col = 0
            if not header_done and i >= header_at:
                out.extend((c, -1) for c in f"\n{header}\n\n")
                header_done = True
            i += 1
            continue
        if col >= width and ch == " ":
            out.append(("\n", i))  # the space becomes the break
            col = 0
            i += 1
            continue
        if (
            col >= width - 2
            and ch.isalpha()
            and not inside[i]
            and i - word_start[i] >= 4
            and word_end[i] - i >= 3
            and word_end[i] - word_start[i] >= 9
        ):
            out.extend([("-", -1), ("\n", -1)])
            col = 0
        out.append((ch, i))
        col += 1
        i += 1
    return _remap(doc, out)


def ocr_noise(doc: Document, rng: Random) -> Document:
    """O/0 and l/1 confusions and doubled spaces, as a scanner makes them."""
    text = doc.text
    out: list[tuple[str, int]] = []
    for i, ch in enumerate(text):
        r = rng.random()
        if ch == "0" and r < 0.12:
            out.append(("O", i))
        elif ch == "O" and r < 0.12:
            out.append(("0", i))
        elif ch == "l" and r < 0.05:
            out.append(("1", i))
        elif ch == " " and r < 0.08:
            out.extend([(" ", i), (" ", -1)])
        else:
            out.append((ch, i))
    return _remap(doc, out)
