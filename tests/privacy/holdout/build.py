"""Assembling a document piece by piece, so every span is exact by construction."""

from __future__ import annotations

import ipaddress
import random
import re
from dataclasses import dataclass

from privacy.holdout import ids, keys, people, traps
from privacy.holdout.people import Person
from privacy.yardstick.corpus import Document, Planted, Trap

PERSON = frozenset({"PERSON"})
EMAIL = frozenset({"EMAIL"})
PHONE = frozenset({"PHONE"})
ADDRESS = frozenset({"ADDRESS"})
IP = frozenset({"IP_ADDRESS"})
CARD = frozenset({"CREDIT_CARD"})
IBAN = frozenset({"IBAN"})
DOB = frozenset({"DATE_OF_BIRTH"})
GEO = frozenset({"GEO_COORDINATES"})
SECRET = frozenset({"SECRET", "URL_CREDENTIALS"})


@dataclass(frozen=True)
class V:
    """A planted value."""

    slot: str
    text: str
    types: frozenset[str]
    secret: bool = False


@dataclass(frozen=True)
class T:
    """A trap."""

    kind: str
    text: str


Piece = V | T | str
_HOLE = re.compile(r"<%(\w+)%>")


class Doc:
    """A document under construction: text plus exact spans of values and traps."""

    def __init__(self, rng: random.Random, lang: str, index: int = 0) -> None:
        self.rng = rng
        self.lang = lang
        self.index = index
        self._parts: list[str] = []
        self._len = 0
        self._planted: list[Planted] = []
        self._traps: list[Trap] = []

    def add(self, piece: Piece) -> None:
        """Append one piece."""
        text = piece if isinstance(piece, str) else piece.text
        start, end = self._len, self._len + len(text)
        if isinstance(piece, V):
            self._planted.append(Planted(piece.slot, start, end, piece.types, piece.secret))
        elif isinstance(piece, T):
            self._traps.append(Trap(piece.kind, start, end))
        self._parts.append(text)
        self._len = end

    def one_of(self, *options: str) -> None:
        """Append one of ``options`` (how the user opens the paste varies)."""
        self.add(self.rng.choice(options))

    def fill(self, template: str, **holes: Piece) -> None:
        """Append ``template`` with each ``<%hole%>`` replaced by its piece; all pieces used."""
        unused = set(holes) - set(_HOLE.findall(template))
        if unused:
            raise KeyError(f"holes given but not in the template: {sorted(unused)}")
        self.fill_some(template, **holes)

    def fill_some(self, template: str, **holes: Piece) -> None:
        """Like ``fill``, for callers that offer more pieces than one template uses."""
        pos = 0
        for m in _HOLE.finditer(template):
            self.add(template[pos : m.start()])
            self.add(holes[m[1]])
            pos = m.end()
        self.add(template[pos:])

    def done(self, genre: str, template: int) -> Document:
        return Document(
            "".join(self._parts), genre, tuple(self._planted), tuple(self._traps), template
        )


class Maker:
    """Pieces for one document, drawn from one seeded generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    # people and their everyday values
    def person(self, loc: str, sex: str | None = None, native: bool = False) -> Person:
        p = people.person(self.rng, NAME_POOL.get(loc, loc), sex=sex, native=native)
        p.loc = loc
        return p

    def name(self, p: Person, part: str = "full", lower: bool = False) -> V:
        if part == "lastfirst":
            sep = self.rng.choice([", ", " "])
            return V("name", f"{p.last}{sep}{p.first}", PERSON)
        text = {"full": p.name, "first": p.first, "last": p.last}[part]
        return V("name", text.lower() if lower else text, PERSON)

    def email(self, p: Person, work: bool = False) -> V:
        key = "work" if work else "email"
        if key not in p.extra:
            p.extra[key] = people.email(self.rng, p, work=work)
        return V("email", p.extra[key], EMAIL)

    def phone(self, loc: str) -> V:
        return V("phone", people.phone(self.rng, PHONE_OF.get(loc, loc)), PHONE)

    def address(self, loc: str, multiline: bool = False) -> V:
        where = ADDRESS_OF.get(loc, loc)
        return V("address", people.address(self.rng, where, multiline=multiline), ADDRESS)

    def dob(self, p: Person, lang: str) -> V:
        return V("dob", people.date_text(self.rng, p.dob, lang), DOB)

    def iban(self, country: str, grouped: bool | None = None) -> V:
        """An IBAN of ``country`` (a locale name is mapped to where such a person banks)."""
        country = IBAN_OF.get(country, country)
        if country not in people.IBAN_COUNTRIES:
            country = {"mx": "ES", "latam": "ES", "us": "GB", "ca": "FR"}.get(country, "GB")
        raw = people.iban(self.rng, country)
        if grouped is None:
            grouped = self.rng.random() < 0.7
        return V("iban", people.group(raw) if grouped else raw, IBAN)

    def card(self) -> V:
        return V("card", people.card(self.rng), CARD)

    def ip(self, v6: bool | None = None) -> V:
        rng = self.rng
        if v6 if v6 is not None else rng.random() < 0.15:
            pre = rng.choice(["2a02:8109", "2a01:e0a", "2001:16b8", "2a00:23c5", "2600:1700"])
            tail = ":".join(f"{rng.getrandbits(16):x}" for _ in range(rng.choice([4, 6])))
            text = f"{pre}:{tail}" if tail.count(":") == 5 else f"{pre}::{tail}"
        else:
            while True:
                text = ".".join(str(rng.randint(1, 254)) for _ in range(4))
                if ipaddress.ip_address(text).is_global:
                    break
        return V("ip", text, IP)

    def ident(self, scheme: str, p: Person) -> V:
        s = ids.SCHEMES[scheme]
        return V(scheme, s.make(self.rng, p), s.types)

    def mrz(self, p: Person, country: str, number: str) -> V:
        return V("mrz", ids.mrz(self.rng, p, number, country), ids.ID)

    def secret(self, kind: str, text: str | None = None) -> V:
        return V(kind, text or keys.MAKERS[kind](self.rng), SECRET, True)

    def geo(self, loc: str, style: str = "pair") -> tuple[V, ...]:
        """Home coordinates near a city of ``loc``: one piece, or (lat, lng) pieces."""
        lat, lng = geo_point(self.rng, loc)
        if style == "split":
            return V("geo", f"{lat:.6f}", GEO), V("geo", f"{lng:.6f}", GEO)
        if style == "dms":
            return (V("geo", f"{dms(lat, 'NS')} {dms(lng, 'EW')}", GEO),)
        sep = self.rng.choice([", ", ",", " "])
        return (V("geo", f"{lat:.{self.rng.choice([5, 6, 7])}f}{sep}{lng:.6f}", GEO),)

    # traps
    def trap(self, kind: str, lang: str = "en") -> T:
        if kind == "date":
            return T(kind, traps.event_date(self.rng, lang))
        if kind == "price":
            return T(kind, traps.price(self.rng, lang))
        return T(kind, traps.MAKERS[kind](self.rng))


CITY_POINTS = {
    "de": [(48.137, 11.575), (52.520, 13.405), (50.938, 6.960), (53.551, 9.994)],
    "es": [(40.417, -3.704), (41.387, 2.170), (37.389, -5.984), (39.470, -0.376)],
    "fr": [(48.857, 2.352), (45.764, 4.836), (43.605, 1.444), (43.296, 5.370)],
    "it": [(45.464, 9.190), (41.903, 12.496), (40.852, 14.268), (44.494, 11.343)],
    "en": [(51.507, -0.128), (53.480, -2.242), (55.861, -4.250), (51.455, -2.588)],
    "us": [(45.515, -122.679), (30.267, -97.743), (39.739, -104.990), (40.713, -74.006)],
}


def geo_point(rng: random.Random, loc: str) -> tuple[float, float]:
    near = {"at": "de", "ch": "de", "be": "fr", "mx": "es", "latam": "es", "ca": "us"}.get(loc, loc)
    lat, lng = rng.choice(CITY_POINTS.get(near, CITY_POINTS["en"]))
    return lat + rng.uniform(-0.08, 0.08), lng + rng.uniform(-0.08, 0.08)


def dms(value: float, hemis: str) -> str:
    """Degrees, minutes, seconds with a hemisphere letter."""
    h = hemis[0] if value >= 0 else hemis[1]
    v = abs(value)
    deg, rem = int(v), (v - int(v)) * 60
    return f"{deg}°{int(rem):02d}'{(rem - int(rem)) * 60:04.1f}\"{h}"


# which identifiers a person of a locale carries, and what they call them
ID_BY_LOC: dict[str, list[str]] = {
    "es": ["es_dni", "es_dni", "es_nie"],
    "it": ["it_cf"],
    "en": ["uk_nino", "uk_nhs"],
    "fr": ["fr_nir"],
    "de": ["de_steuerid", "de_svnr", "de_ausweis"],
    "nl": ["nl_bsn"],
    "ch": ["ch_ahv"],
    "in": ["in_aadhaar", "in_pan"],
    "us": ["us_ssn"],
    "tr": ["tr_tckn"],
    "pl": ["pl_pesel"],
    "br": ["br_cpf"],
    "pt": ["pt_nif"],
    "nordic": ["se_pnr", "no_fnr", "fi_hetu", "dk_cpr"],
    "cz": ["cz_rc"],
    "ro": ["ro_cnp"],
    "at": ["at_svnr"],
    "ie": ["ie_pps"],
    "gr": ["gr_amka"],
    "za": ["za_id"],
    "cn": ["cn_rid"],
    "kr": ["kr_rrn"],
    "jp": ["jp_mynumber"],
    "sg": ["sg_nric"],
    "ca": ["ca_sin"],
    "mx": ["mx_curp"],
    "latam": ["cl_rut", "ar_cuit"],
    "il": ["il_tz"],
    "ru": ["ru_snils"],
    "au": ["au_tfn", "au_medicare"],
    "be": ["be_nn"],
}
LABEL = {
    "es_dni": "DNI",
    "es_nie": "NIE",
    "it_cf": "codice fiscale",
    "uk_nino": "NI number",
    "uk_nhs": "NHS number",
    "fr_nir": "n° de sécurité sociale",
    "de_steuerid": "Steuer-ID",
    "de_svnr": "Rentenversicherungsnummer",
    "de_ausweis": "Ausweisnummer",
    "nl_bsn": "BSN",
    "ch_ahv": "AHV-Nr.",
    "in_aadhaar": "Aadhaar",
    "in_pan": "PAN",
    "us_ssn": "SSN",
    "tr_tckn": "T.C. Kimlik No",
    "pl_pesel": "PESEL",
    "br_cpf": "CPF",
    "pt_nif": "NIF",
    "se_pnr": "personnummer",
    "no_fnr": "fødselsnummer",
    "fi_hetu": "henkilötunnus",
    "dk_cpr": "CPR-nr.",
    "be_nn": "numéro national",
    "cz_rc": "rodné číslo",
    "ro_cnp": "CNP",
    "at_svnr": "SV-Nummer",
    "ie_pps": "PPS number",
    "gr_amka": "AMKA",
    "za_id": "ID number",
    "cn_rid": "身份证号",
    "kr_rrn": "주민등록번호",
    "jp_mynumber": "マイナンバー",
    "sg_nric": "NRIC",
    "ca_sin": "SIN",
    "mx_curp": "CURP",
    "cl_rut": "RUT",
    "ar_cuit": "CUIT",
    "il_tz": "Teudat Zehut",
    "ru_snils": "СНИЛС",
    "au_tfn": "TFN",
    "au_medicare": "Medicare no.",
}
# every scheme once, main locales first; forms walk it by document index for even coverage
DECK = [s for loc in ID_BY_LOC for s in dict.fromkeys(ID_BY_LOC[loc])]
LOC_OF_SCHEME = {s: loc for loc, ss in ID_BY_LOC.items() for s in ss}
COUNTRY_OF_SCHEME = {
    "se_pnr": "SE",
    "no_fnr": "NO",
    "fi_hetu": "FI",
    "dk_cpr": "DK",
    "cl_rut": "CL",
    "ar_cuit": "AR",
}
# name pool behind a locale whose people share another pool
NAME_POOL = {"be": "fr"}
IBAN_OF = {
    "de": "DE",
    "at": "AT",
    "ch": "CH",
    "es": "ES",
    "fr": "FR",
    "it": "IT",
    "en": "GB",
    "nl": "NL",
    "pt": "PT",
    "be": "BE",
    "ie": "IE",
    "pl": "PL",
}
PHONE_OF = {"nordic": "se"}
ADDRESS_OF = {"be": "fr", "mx": "es", "latam": "es", "ca": "us", "au": "en", "ie": "en", "in": "en"}


def home_loc(rng: random.Random, lang: str) -> str:
    """The locale of a person writing in ``lang`` (mostly the obvious one)."""
    table = {
        "en": ["en", "en", "en", "us", "us", "ie", "au", "ca", "in"],
        "de": ["de", "de", "de", "de", "at", "ch"],
        "es": ["es", "es", "es", "es", "mx", "latam"],
        "fr": ["fr", "fr", "fr", "fr", "be", "ch", "ca"],
        "it": ["it", "it", "it", "it", "ch"],
    }
    return rng.choice(table.get(lang, table["en"]))
