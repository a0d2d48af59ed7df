"""A tiny document builder: text pieces, planted values and traps, with their spans."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from random import Random
from typing import ClassVar

from privacy.yardstick.corpus import Document, Planted, Trap

from . import values as gen

TRIM = " \t\r\n\"'`()[]{}<>,:;"

PER = ("PERSON",)
EM = ("EMAIL",)
PH = ("PHONE",)
AD = ("ADDRESS",)
IP = ("IP_ADDRESS",)
CC = ("CREDIT_CARD",)
IB = ("IBAN",)
DOB = ("DATE_OF_BIRTH",)
ID = ("ID_NUMBER",)
LP = ("LICENSE_PLATE",)
GEO = ("GEO_COORDINATES",)
SEC = ("SECRET",)
URLC = ("URL_CREDENTIALS", "SECRET")
SSN = ("US_SSN", "ID_NUMBER")
IDPH = ("ID_NUMBER", "PHONE")


@dataclass(frozen=True)
class P:
    slot: str
    value: str
    types: tuple[str, ...]
    secret: bool = False


def S(slot: str, value: str, types: tuple[str, ...] = SEC) -> P:
    return P(slot, value, types, True)


@dataclass(frozen=True)
class X:
    kind: str
    value: str


# Look-alikes we judged too close to personal to promise they are harmless (booking and case
# references, transfer control numbers, partial card data, identifiers tied to one home or one
# browser): they stay in the text, unlabelled.
UNLABELLED = frozenset(
    {"mtcn", "visa_control_no", "case_no", "case_ref", "booking_ref", "pnr", "ticket_no", "repo",
     "card_last4", "card_expiry", "transfer_id", "analytics_id", "meter_no", "tracking",
     "cadastral_no", "fine_ref", "pir_ref", "booking_no"}
)  # fmt: skip


class Doc:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.n = 0
        self.planted: list[Planted] = []
        self.traps: list[Trap] = []

    def __call__(self, *items: str | P | X) -> Doc:
        for it in items:
            if isinstance(it, str) or (isinstance(it, X) and it.kind in UNLABELLED):
                it = it if isinstance(it, str) else it.value
                self.parts.append(it)
                self.n += len(it)
                continue
            v = it.value
            if not v or v.strip(TRIM) != v:
                raise ValueError(f"untrimmed span {v!r}")
            start, end = self.n, self.n + len(v)
            self.parts.append(v)
            self.n = end
            if isinstance(it, P):
                self.planted.append(Planted(it.slot, start, end, frozenset(it.types), it.secret))
            else:
                self.traps.append(Trap(it.kind, start, end))
        return self

    def text(self) -> str:
        return "".join(self.parts)


def problems(doc: Document) -> list[str]:
    """What makes a document unusable (shared by the builder's retry and the tests)."""
    t = doc.text
    out = []
    spans = sorted([(p.start, p.end) for p in doc.planted] + [(x.start, x.end) for x in doc.traps])
    for (a, b), (c, _) in pairwise(spans):
        if c < b:
            out.append(f"overlap at {a}")
    ptexts = {t[p.start : p.end] for p in doc.planted}
    for p in doc.planted:
        v = t[p.start : p.end]
        i = t.find(v)
        while i != -1:
            if not any(q.start <= i and i + len(v) <= q.end for q in doc.planted):
                out.append(f"unlabelled copy of {v!r}")
                break
            i = t.find(v, i + 1)
    for x in doc.traps:
        if t[x.start : x.end] in ptexts:
            out.append(f"trap equals value {t[x.start : x.end]!r}")
    return out


class Who:
    """A synthetic person with their values, drawn once."""

    used: ClassVar[set[str]] = set()  # names already cast in the document being built

    def __init__(
        self, r: Random, loc: str, female: bool | None = None, kin: Who | None = None
    ) -> None:
        self.loc = loc
        fam = kin.p.fam if kin else None
        self.p = gen.person(r, loc, female, fam)
        for _ in range(30):
            if self.p.given not in Who.used and (kin or self.p.family not in Who.used):
                break
            self.p = gen.person(r, loc, female, fam)
        Who.used |= {self.p.given, self.p.family}
        self.given = self.p.given
        self.family = self.p.family
        self.full = gen.full(self.p)
        self.native = self.p.native
        self.alt = self.p.alt
        self.dob = self.p.dob
        self.female = self.p.female
        self.email = gen.email(r, self.p)
        self.phone = gen.phone(r, loc, intl=True)
        self.local_phone = gen.phone(r, loc, intl=False)
        self.addr = gen.address(r, loc)
        self.nid_slot, self.nid = gen.national_id(r, self.p)
        self.passport = gen.passport_no(r, loc)
        self.plate = gen.plate(r, loc)
        cc = gen.IBAN_CC.get(loc, r.choice(["DE", "LT", "GB", "BE"]))
        self.iban = gen.iban(r, cc)

    # planted pieces
    def n(self, form: str = "full") -> P:
        v = {"full": self.full, "given": self.given, "family": self.family,
             "native": self.native or self.full, "alt": self.alt or self.full,
             "upper": f"{gen.fold(self.family).upper()}/{gen.fold(self.given).upper()}",
             "lower": self.full.lower(), "init": f"{self.given[0]}. {self.family}",
             "rev": f"{self.family}, {self.given}", "caps": self.full.upper()}[form]  # fmt: skip
        return P("person", v, PER)

    def e(self) -> P:
        return P("email", self.email, EM)

    def ph(self, local: bool = False) -> P:
        return P("phone", self.local_phone if local else self.phone, PH)

    def a(self) -> P:
        return P("address", self.addr, AD)

    def b(self, style: str = "dot") -> P:
        return P("dob", gen.fdate(self.dob, style), DOB)

    def id(self) -> P:
        t = SSN if self.nid_slot == "us_ssn" else ID
        return P(self.nid_slot, self.nid, t)

    def pp(self) -> P:
        return P("passport", self.passport, ID)

    def ib(self, grouped: bool = True) -> P:
        return P("iban", gen.group4(self.iban) if grouped else self.iban, IB)

    def lp(self) -> P:
        return P("plate", self.plate, LP)


def card(r: Random) -> P:
    return P("card", gen.card(r)[1], CC)


def sec(r: Random, kind: str, slot: str | None = None) -> P:
    return S(slot or kind, gen.secret(r, kind))


def x(kind: str, value: str) -> X:
    return X(kind, value)
