"""The document builder: literal text, planted values and traps, with exact offsets."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from random import Random

from privacy.yardstick.corpus import Document, Planted, Trap

from . import values as v

PERSON = frozenset({"PERSON"})
EMAIL = frozenset({"EMAIL"})
PHONE = frozenset({"PHONE"})
ADDRESS = frozenset({"ADDRESS"})
IP = frozenset({"IP_ADDRESS"})
CARD = frozenset({"CREDIT_CARD"})
IBAN = frozenset({"IBAN"})
SSN = frozenset({"US_SSN", "ID_NUMBER"})
ID = frozenset({"ID_NUMBER"})
PLATE = frozenset({"ID_NUMBER", "LICENSE_PLATE"})
GEO = frozenset({"GEO_COORDINATES"})
DOB = frozenset({"DATE_OF_BIRTH"})
SECRET = frozenset({"SECRET", "URL_CREDENTIALS"})

# field labels per language
LABELS: dict[str, dict[str, str]] = {
    "en": {
        "name": "Name",
        "phone": "Phone",
        "email": "Email",
        "addr": "Address",
        "dob": "Date of birth",
        "iban": "IBAN",
        "passport": "Passport no.",
        "plate": "Reg. plate",
    },
    "de": {
        "name": "Name",
        "phone": "Telefon",
        "email": "E-Mail",
        "addr": "Anschrift",
        "dob": "Geburtsdatum",
        "iban": "IBAN",
        "passport": "Reisepassnummer",
        "plate": "Kennzeichen",
    },
    "es": {
        "name": "Nombre",
        "phone": "Teléfono",
        "email": "Correo",
        "addr": "Dirección",
        "dob": "Fecha de nacimiento",
        "iban": "IBAN",
        "passport": "N.º de pasaporte",
        "plate": "Matrícula",
    },
    "fr": {
        "name": "Nom",
        "phone": "Tél.",
        "email": "Courriel",
        "addr": "Adresse",
        "dob": "Date de naissance",
        "iban": "IBAN",
        "passport": "N° de passeport",
        "plate": "Immatriculation",
    },
    "it": {
        "name": "Nome",
        "phone": "Cellulare",
        "email": "Email",
        "addr": "Indirizzo",
        "dob": "Data di nascita",
        "iban": "IBAN",
        "passport": "Passaporto n.",
        "plate": "Targa",
    },
    "pt": {
        "name": "Nome",
        "phone": "Telemóvel",
        "email": "E-mail",
        "addr": "Morada",
        "dob": "Data de nascimento",
        "iban": "IBAN",
        "passport": "Passaporte n.º",
        "plate": "Matrícula",
    },
    "nl": {
        "name": "Naam",
        "phone": "Telefoon",
        "email": "E-mail",
        "addr": "Adres",
        "dob": "Geboortedatum",
        "iban": "IBAN",
        "passport": "Paspoortnummer",
        "plate": "Kenteken",
    },
    "pl": {
        "name": "Imię i nazwisko",
        "phone": "Telefon",
        "email": "E-mail",
        "addr": "Adres",
        "dob": "Data urodzenia",
        "iban": "Nr konta (IBAN)",
        "passport": "Nr paszportu",
        "plate": "Nr rejestracyjny",
    },
    "tr": {
        "name": "Ad Soyad",
        "phone": "Telefon",
        "email": "E-posta",
        "addr": "Adres",
        "dob": "Doğum tarihi",
        "iban": "IBAN",
        "passport": "Pasaport no",
        "plate": "Plaka",
    },
    "in": {
        "name": "Name",
        "phone": "Mobile",
        "email": "Email",
        "addr": "Address",
        "dob": "DOB",
        "iban": "IBAN",
        "passport": "Passport No",
        "plate": "Vehicle no.",
    },
    "ch": {
        "name": "Name",
        "phone": "Telefon",
        "email": "E-Mail",
        "addr": "Adresse",
        "dob": "Geburtsdatum",
        "iban": "IBAN",
        "passport": "Pass-Nr.",
        "plate": "Kontrollschild",
    },
}
# national ids per locale: (label, slot, generator)
IDS: dict[str, tuple[tuple[str, str, Callable[[Random], str]], ...]] = {
    "en": (
        ("SSN", "ssn", v.ssn),
        ("National Insurance No", "nino", v.nino),
        ("NHS number", "nhs", v.nhs),
    ),
    "de": (("Steuer-ID", "stid", v.steuer_id), ("Steuerliche IdNr.", "stid", v.steuer_id)),
    "es": (("DNI", "dni", v.dni), ("NIE", "nie", v.nie)),
    "fr": (("N° de sécurité sociale", "nir", v.nir), ("NIR", "nir", v.nir)),
    "it": (("Codice fiscale", "cf", v.codice_fiscale), ("C.F.", "cf", v.codice_fiscale)),
    "pt": (("NIF", "nif", v.nif_pt), ("CPF", "cpf", v.cpf)),
    "nl": (("BSN", "bsn", v.bsn), ("Burgerservicenummer", "bsn", v.bsn)),
    "pl": (("PESEL", "pesel", v.pesel),),
    "tr": (("T.C. Kimlik No", "tckn", v.tckn), ("TCKN", "tckn", v.tckn)),
    "in": (("PAN", "pan", v.pan), ("Aadhaar", "aadhaar", v.aadhaar)),
    "ch": (("AHV-Nr.", "ahv", v.ahv), ("AVS", "ahv", v.ahv)),
}
IBAN_COUNTRY = {
    "en": "GB",
    "de": "DE",
    "es": "ES",
    "fr": "FR",
    "it": "IT",
    "pt": "PT",
    "nl": "NL",
    "pl": "PL",
    "tr": "TR",
    "in": "GB",
    "ch": "CH",
}
PHRASES: dict[str, dict[str, str]] = {
    "en": {
        "hi": "Hi",
        "bye": "Best regards",
        "ask": "Can you tidy this up for me?",
        "wrote": "wrote",
        "body": "Please find the signed form attached; let me know if "
        "anything is missing before Friday.",
    },
    "de": {
        "hi": "Hallo",
        "bye": "Viele Grüße",
        "ask": "Kannst du mir das zusammenfassen?",
        "wrote": "schrieb",
        "body": "anbei wie besprochen die Unterlagen. Bitte gib mir "
        "Bescheid, falls noch etwas fehlt.",
    },
    "es": {
        "hi": "Hola",
        "bye": "Un saludo",
        "ask": "¿Me ayudas a redactar una respuesta?",
        "wrote": "escribió",
        "body": "te adjunto los documentos que me pediste. Avísame si "
        "falta algo antes del viernes.",
    },
    "fr": {
        "hi": "Bonjour",
        "bye": "Cordialement",
        "ask": "Peux-tu corriger ce texte ?",
        "wrote": "a écrit",
        "body": "vous trouverez ci-joint le dossier complété. N'hésitez pas à me recontacter.",
    },
    "it": {
        "hi": "Ciao",
        "bye": "Cordiali saluti",
        "ask": "Mi aiuti a riassumere questo?",
        "wrote": "ha scritto",
        "body": "ti inoltro i documenti richiesti. Fammi sapere se manca qualcosa.",
    },
    "pt": {
        "hi": "Olá",
        "bye": "Cumprimentos",
        "ask": "Podes resumir isto?",
        "wrote": "escreveu",
        "body": "segue em anexo a documentação pedida. Qualquer dúvida, diga.",
    },
    "nl": {
        "hi": "Hoi",
        "bye": "Met vriendelijke groet",
        "ask": "Kun je dit samenvatten?",
        "wrote": "schreef",
        "body": "hierbij de gevraagde stukken. Laat maar weten als er nog iets ontbreekt.",
    },
    "pl": {
        "hi": "Dzień dobry",
        "bye": "Pozdrawiam",
        "ask": "Możesz to streścić?",
        "wrote": "napisał(a)",
        "body": "w załączniku przesyłam wymagane dokumenty. Proszę "
        "o informację, jeśli czegoś brakuje.",
    },
    "tr": {
        "hi": "Merhaba",
        "bye": "Saygılarımla",
        "ask": "Bunu özetler misin?",
        "wrote": "yazdı",
        "body": "istediğiniz belgeleri ekte gönderiyorum. Eksik bir şey varsa lütfen haber verin.",
    },
    "in": {
        "hi": "Hi",
        "bye": "Thanks & regards",
        "ask": "Please draft a reply to this.",
        "wrote": "wrote",
        "body": "PFA the KYC documents as requested. Kindly revert if anything else is needed.",
    },
    "ch": {
        "hi": "Grüezi",
        "bye": "Freundliche Grüsse",
        "ask": "Kannst du das kürzen?",
        "wrote": "schrieb",
        "body": "anbei die gewünschten Unterlagen. Bei Fragen melden Sie sich gerne.",
    },
}
LOCALES = ("en", "de", "es", "fr", "it", "pt", "nl", "pl", "tr", "in", "ch")


@dataclass(frozen=True)
class Person:
    given: str
    family: str

    @property
    def full(self) -> str:
        return f"{self.given} {self.family}"


class Doc:
    """Accumulates a document; every value and trap is recorded where it lands."""

    def __init__(self, rng: Random, loc: str) -> None:
        self.rng = rng
        self.loc = loc
        self.parts: list[str] = []
        self.pos = 0
        self.planted: list[Planted] = []
        self.traps: list[Trap] = []

    # -- primitives
    def t(self, text: str) -> None:
        self.parts.append(text)
        self.pos += len(text)

    def v(self, slot: str, value: str, types: frozenset[str], secret: bool = False) -> str:
        start = self.pos
        self.t(value)
        self.planted.append(Planted(slot, start, self.pos, types, secret))
        return value

    def x(self, kind: str, value: str) -> str:
        start = self.pos
        self.t(value)
        self.traps.append(Trap(kind, start, self.pos))
        return value

    def build(self, genre: str) -> Document:
        return Document(
            "".join(self.parts),
            genre,
            tuple(self.planted),
            tuple(self.traps),
            LOCALES.index(self.loc),
        )

    # -- helpers
    @property
    def lab(self) -> dict[str, str]:
        return LABELS[self.loc]

    @property
    def ph(self) -> dict[str, str]:
        return PHRASES[self.loc]

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def person(self, loc: str | None = None) -> Person:
        loc = loc or self.loc
        g = v.given(self.rng, loc)
        f = v.family(self.rng, loc)
        if loc == "es" and self.chance(0.4) and " " not in f:
            f += " " + v.pick(self.rng, ("López", "Navarro", "Prieto", "Iglesias"))
        return Person(g, f)

    def full(self, p: Person) -> str:
        return self.v("name", p.full, PERSON)

    def any_name(self, p: Person) -> str:
        """The person's name in one of many written forms."""
        k = self.rng.randrange(10)
        if k == 0:
            return self.v("lname", p.full.lower(), PERSON)
        if k == 1:
            return self.v("initial", f"{p.given[0]}. {p.family}", PERSON)
        if k == 2:
            return self.v("uname", f"{p.family.upper()}, {p.given}", PERSON)
        if k == 3:
            return self.v("wname", f"{v.pick(self.rng, v.WORD_NAMES)} {p.family}", PERSON)
        if k == 4:
            return self.v("xname", v.pick(self.rng, v.NON_LATIN), PERSON)
        return self.full(p)

    def first(self, p: Person) -> str:
        return self.v("first", p.given, PERSON)

    def email(self, p: Person) -> str:
        return self.v("email", v.email(self.rng, p.full), EMAIL)

    def phone(self, loc: str | None = None) -> str:
        return self.v("phone", v.phone(self.rng, loc or self.loc), PHONE)

    def addr(self, multiline: bool = False) -> str:
        return self.v("addr", v.address(self.rng, self.loc, multiline), ADDRESS)

    def dob(self) -> str:
        return self.v("dob", v.birth_date(self.rng, self.loc), DOB)

    def natid(self, fmt: str = "{label}: ") -> None:
        label, slot, gen = IDS[self.loc][self.rng.randrange(len(IDS[self.loc]))]
        self.t(fmt.format(label=label))
        self.v(slot, gen(self.rng), SSN if slot == "ssn" else ID)

    def iban(self) -> str:
        cc = IBAN_COUNTRY[self.loc] if self.chance(0.8) else None
        return self.v("iban", v.iban(self.rng, cc), IBAN)

    def card(self) -> str:
        return self.v("card", v.card(self.rng), CARD)

    def ip(self) -> str:
        return self.v("ip", v.ipv4(self.rng), IP)

    def ip6(self) -> str:
        return self.v("ip6", v.ipv6(self.rng), IP)

    def passport(self) -> str:
        return self.v("passport", v.passport(self.rng, self.loc), ID)

    def plate(self) -> str:
        return self.v("plate", v.plate(self.rng, self.loc), PLATE)

    def secret(self, slot: str, value: str) -> str:
        return self.v(slot, value, SECRET, secret=True)
