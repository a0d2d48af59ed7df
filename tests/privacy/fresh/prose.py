"""Free-text messages in the user's language, personal values in running prose.

The markers are this module's own: ``{A}`` full name of person A, ``{a}`` given
name, ``{Al}`` family name, ``{A*}`` any written form, ``{lA}`` lower-case full
name, ``{A@}`` email; ``{phone}``, ``{addr}``, ``{dob}``, ``{iban}``, ``{card}``,
``{ssn}``, ``{idl}`` (a national id with its label), ``{plate}``, ``{wname}`` (a
name that is also a word); ``{!kind}`` a trap.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from random import Random

from . import values as v
from .builder import PERSON, SSN, Doc, Person

_MARK = re.compile(r"\{(!?[A-Za-z]+[@*]?)\}")

TRAP_GENS: dict[str, Callable[[Random], str]] = {
    "order": v.order_no,
    "invoice": v.invoice_no,
    "tracking": v.tracking_no,
    "company": v.company,
    "city": v.city,
    "date": v.plain_date,
    "version": v.version,
    "isbn": v.isbn,
    "maths": v.maths,
}

TEMPLATES: dict[str, tuple[str, ...]] = {
    "de": (
        "Kannst du diese Nachricht höflicher formulieren?\n\nHallo {b},\n\nich bin's, {A}. Ich "
        "habe gestern versucht, dich unter {phone} zu erreichen. Wegen der "
        "Nebenkostenabrechnung {!invoice}: bitte überweise den Betrag bis {!date} auf mein "
        "Konto {iban}. Meine neue Adresse ist {addr}, ab Januar bin ich per Mail unter {A@} "
        "erreichbar. Für das Formular brauchst du noch meine {idl}. Der Handwerker von "
        "{!company} kommt übrigens aus {!city}.\n\nLiebe Grüße\n{a}",
        "Fass das kurz zusammen:\n\nsehr geehrter herr {Bl}, mein name ist {lA}, ich wurde am "
        "{dob} geboren und bin seit {!date} bei Ihnen versichert. Mein Auto ({plate}) wurde "
        "vor dem Haus {addr} beschädigt. Rückruf bitte unter {phone}. Schadennummer "
        "{!order}.\nMfG {A*}",
    ),
    "es": (
        "Corrige la ortografía de este mensaje, por favor:\n\nBuenas {b}, soy {A}, la vecina "
        "del tercero. Te escribo porque {wname} me dio tu número ({phone}) y me dijo que tú "
        "llevas lo de la comunidad. Nací el {dob} y mi {idl} la tienes en la ficha. Si hace "
        "falta, el recibo se puede cargar en {iban}. Mi correo es {A@}. El pedido {!order} "
        "de {!company} llegó roto, otra vez.\nGracias, {a}",
    ),
    "fr": (
        "Résume ce message en deux phrases :\n\nBonjour Madame {Bl},\nje me permets de vous "
        "écrire au sujet de mon fils. Je m'appelle {A} et j'habite {addr}. Vous pouvez me "
        "joindre au {phone} ou par courriel ({A@}). Mon {idl}, si besoin pour le dossier. "
        "Le remboursement peut être versé sur le compte {iban}. Réf. dossier {!order}, "
        "envoyé depuis {!city} le {!date}.\nBien à vous,\n{A*}",
    ),
    "it": (
        "Puoi tradurlo in inglese?\n\nGentile dottor {Bl},\nsono {A}, nata il {dob}. Le scrivo "
        "per il rinnovo del certificato: {idl}, cellulare {phone}. Può mandare la ricetta a "
        "{A@}. Abito in {addr}. La fattura {!invoice} di {!company} risulta già pagata con "
        "la carta {card}.\nCordiali saluti,\n{a}",
    ),
    "pt": (
        "Reescreve isto de forma mais curta:\n\nOlá {b}! Aqui é o {A}. O {wname} pediu-me para "
        "te passar os dados do senhorio: {C}, telemóvel {phone}, morada {addr}. A renda vai "
        "para o IBAN {iban}. Fica também o meu {idl}, caso precises para o contrato. A "
        "encomenda {!order} chegou de {!city}.\nAbraço, {a}",
    ),
    "nl": (
        "Kun je hier een nette e-mail van maken?\n\nhoi {b}, ik ben {lA} en ik zoek een oppas. "
        "Mijn nummer is {phone}, mijn adres {addr}. Mijn dochter is geboren op {dob}. "
        "Betaling graag op {iban} t.n.v. {A}. Mijn {idl} staat op het formulier. "
        "Bestelnummer {!order}, versie {!version} van de app.\ngroetjes {a}",
    ),
    "pl": (
        "Popraw błędy w tej wiadomości:\n\nDzień dobry Pani {Bl},\nnazywam się {A} i piszę w "
        "sprawie umowy najmu. Mój {idl}, telefon {phone}, adres do korespondencji: {addr}. "
        "Kaucję proszę zwrócić na konto {iban}. Numer faktury {!invoice}, zamówienie z "
        "{!city}.\nZ poważaniem,\n{A}",
    ),
    "tr": (
        "Bunu İngilizceye çevirir misin?\n\nMerhaba {b} Hanım, ben {A}. {idl}. Cep telefonum "
        "{phone}, e-posta adresim {A@}. Adresim: {addr}. Kira ödemesini {iban} hesabına "
        "yaptım, dekont {!invoice}. {!company} kargosu {!city} şubesinde bekliyor.\n"
        "Saygılarımla, {a}",
    ),
    "en": (
        "Make this sound friendlier:\n\nhey {b}, it's {A*} - {wname} gave me your number. Could "
        "you send the deposit back to {iban}? My new address is {addr} and my mobile is "
        "{phone}. Also my {idl} for the paperwork. The parcel {!tracking} from {!company} is "
        "still stuck in {!city}.\ncheers, {a}",
        "Draft a reply to my landlord:\n\n{B}, I paid the rent with card {card} on {!date}. "
        "Please stop calling {phone}. For the record, my SSN is {ssn} and my date of birth "
        "{dob} - your agent {C} asked for them twice. Email me at {A@}. Ref {!invoice}.\n"
        "- {A}",
    ),
    "in": (
        "Please draft a reply:\n\nDear {B},\nPFA my KYC details. Name: {A}, DOB {dob}, {idl}, "
        "mobile {phone}, address {addr}. Kindly update the email to {A@}. Ticket {!order}.\n"
        "Regards, {a}",
    ),
}
TEMPLATES["ch"] = TEMPLATES["de"]


def prose_message(d: Doc) -> None:
    """A message in the user's own language."""
    options = TEMPLATES.get(d.loc, TEMPLATES["en"])
    template = options[d.rng.randrange(len(options))]
    people: dict[str, Person] = {}

    def who(key: str) -> Person:
        if key not in people:
            people[key] = d.person()
        return people[key]

    last = 0
    for mark in _MARK.finditer(template):
        d.t(template[last : mark.start()])
        last = mark.end()
        _fill(d, mark.group(1), who)
    d.t(template[last:])


def _fill(d: Doc, key: str, who: Callable[[str], Person]) -> None:
    if key.startswith("!"):
        d.x(key[1:], TRAP_GENS[key[1:]](d.rng))
    elif key in ("A", "B", "C"):
        d.full(who(key))
    elif key in ("a", "b", "c"):
        d.first(who(key.upper()))
    elif key in ("Al", "Bl"):
        d.v("last", who(key[0]).family, PERSON)
    elif key.endswith("*"):
        d.any_name(who(key[0]))
    elif key == "lA":
        d.v("lname", who("A").full.lower(), PERSON)
    elif key.endswith("@"):
        d.email(who(key[0]))
    elif key == "wname":
        d.v("wname", v.pick(d.rng, v.WORD_NAMES), PERSON)
    elif key == "idl":
        d.natid("{label} ")
    elif key == "ssn":
        d.v("ssn", v.ssn(d.rng), SSN)
    else:
        getattr(d, key)()
