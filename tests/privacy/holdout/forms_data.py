"""Structured things people paste: JSON records, CSV, forms, cards, invites, metadata."""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Callable

from privacy.holdout.build import (
    COUNTRY_OF_SCHEME,
    DECK,
    GEO,
    LABEL,
    LOC_OF_SCHEME,
    Doc,
    Maker,
    Piece,
    T,
    V,
    home_loc,
)
from privacy.holdout.forms_msg import member

_COUNTRY = {
    "es": "ES",
    "it": "IT",
    "en": "GB",
    "fr": "FR",
    "de": "DE",
    "nl": "NL",
    "ch": "CH",
    "in": "IN",
    "us": "US",
    "tr": "TR",
    "pl": "PL",
    "br": "BR",
    "pt": "PT",
    "nordic": "SE",
    "cz": "CZ",
    "ro": "RO",
    "at": "AT",
    "ie": "IE",
    "gr": "GR",
    "za": "ZA",
    "cn": "CN",
    "kr": "KR",
    "jp": "JP",
    "sg": "SG",
    "ca": "CA",
    "mx": "MX",
    "latam": "CL",
    "il": "IL",
    "ru": "RU",
    "au": "AU",
    "be": "BE",
}


def country(scheme: str) -> str:
    """ISO country code of an identifier scheme."""
    return COUNTRY_OF_SCHEME.get(scheme) or _COUNTRY[LOC_OF_SCHEME[scheme]]


def hr_record(m: Maker, d: Doc) -> int:
    """An HR system's employee JSON, pasted to ask why an import fails."""
    rng = m.rng
    scheme = DECK[(d.index * 7 + 3) % len(DECK)]
    loc = LOC_OF_SCHEME[scheme]
    p = m.person(loc, native=rng.random() < 0.2)
    ask = rng.choice(
        [
            "The import into Workday rejects this record with error E_SCHEMA_422, why?\n",
            "Der Import bricht bei diesem Datensatz ab – siehe unten. Was ist falsch?\n",
            "Why does this fail validation?\n```json\n",
        ]
    )
    d.add(ask)
    d.fill(
        """{
  "employeeId": "<%eid%>",
  "displayName": "<%name%>",
  "birthDate": "<%dob%>",
  "nationalId": {"country": "<%cc%>", "type": "<%lab%>", "value": "<%nid%>"},
  "workEmail": "<%wmail%>",
  "privateEmail": "<%pmail%>",
  "mobile": "<%ph%>",
  "homeAddress": "<%addr%>",
  "bank": {"iban": "<%iban%>"},
  "startDate": "<%start%>",
  "costCenter": "<%cc2%>",
  "recordVersion": <%rv%>,
  "syncId": "<%uuid%>"
}""",
        eid=member(f"E{rng.randint(10000, 999999)}"),
        name=m.name(p),
        dob=m.dob(p, "iso"),
        cc=country(scheme),
        lab=LABEL[scheme],
        nid=m.ident(scheme, p),
        wmail=m.email(p, work=True),
        pmail=m.email(p),
        ph=m.phone(loc),
        addr=m.address(loc),
        iban=m.iban(loc, grouped=False),
        start=m.trap("date", "iso"),
        cc2=m.trap("sku"),
        rv=m.trap("pid"),
        uuid=m.trap("uuid"),
    )
    if ask.endswith("```json\n"):
        d.add("\n```")
    return 0


_CITIES = ["Madrid", "Lyon", "Köln", "Torino", "Leeds", "Wien", "Sevilla", "Nantes"]


def crm_csv(m: Maker, d: Doc) -> int:
    """A CSV export of customers, pasted with a spreadsheet question."""
    rng, lang = m.rng, d.lang
    ask = {
        "en": "How do I dedupe this list in Excel by email but keep the newest row?\n\n",
        "de": "Wie kann ich in Excel die Dubletten nach E-Mail entfernen "
        "und die neueste Zeile behalten?\n\n",
        "es": "¿Cómo quito duplicados por email en Excel y me quedo con la fila más reciente?\n\n",
        "fr": "Comment dédoublonner cette liste par e-mail dans Excel "
        "en gardant la ligne la plus récente ?\n\n",
        "it": "Come tolgo i duplicati per email in Excel tenendo la riga più recente?\n\n",
    }[lang]
    d.add(ask)
    sep = rng.choice([",", ";", ";"]) if lang != "en" else ","
    d.add(
        sep.join(["customer_no", "name", "email", "phone", "city", "created_at", "orders", "ltv"])
        + "\n"
    )
    for _ in range(rng.randint(4, 7)):
        loc = home_loc(rng, lang)
        p = m.person(loc)
        d.add(member(f"C{rng.randint(10000, 99999)}"))
        d.add(sep)
        d.fill(
            f"<%n%>{sep}<%e%>{sep}<%ph%>{sep}{rng.choice(_CITIES)}"
            f"{sep}<%ts%>{sep}{rng.randint(1, 40)}{sep}<%pr%>\n",
            n=m.name(p),
            e=m.email(p),
            ph=m.phone(loc),
            ts=m.trap("timestamp"),
            pr=m.trap("price", d.lang)
            if sep == ";" or rng.random() < 0.5
            else f"{rng.randint(10, 999)}.00",
        )
    return 0


def kyc_log(m: Maker, d: Doc) -> int:
    """JSON lines from an identity-verification service, pasted to debug a failed check."""
    rng = m.rng
    d.one_of(
        "Our KYC provider rejects some of these, can you spot a pattern?\n\n",
        "grep output from kyc-worker, why is status=mismatch?\n",
        "Some verifications fail, log excerpt:\n",
    )
    for row in range(5):
        scheme = DECK[(d.index * 5 + row) % len(DECK)]
        loc = LOC_OF_SCHEME[scheme]
        p = m.person(loc, native=rng.random() < 0.25)
        status = rng.choice(["ok", "mismatch", "ok", "expired_document", "manual_review"])
        d.fill(
            '{"ts":"<%ts%>","req":"<%req%>","country":"'
            + country(scheme)
            + '","doc_type":"'
            + LABEL[scheme]
            + '","doc_number":"<%nid%>","full_name":"<%n%>","dob":"<%dob%>",'
            '"ip":"<%ip%>","status":"' + status + '","latency_ms":<%lat%>}\n',
            ts=m.trap("timestamp"),
            req=m.trap("uuid"),
            nid=m.ident(scheme, p),
            n=m.name(p),
            dob=m.dob(p, "iso"),
            ip=m.ip(),
            lat=m.trap("pid"),
        )
    return 0


_FORM = {
    "de": (
        "Selbstauskunft Mietinteressent",
        [
            ("Name, Vorname", "rname"),
            ("Geburtsdatum", "dob"),
            ("Aktuelle Anschrift", "addr"),
            ("Telefon", "ph"),
            ("E-Mail", "mail"),
            ("Arbeitgeber", "Stadtwerke"),
            ("Nettoeinkommen", "price"),
            ("Personalausweisnummer", "nid"),
            ("Besichtigung am", "date"),
        ],
    ),
    "es": (
        "Solicitud de alquiler",
        [
            ("Nombre y apellidos", "name"),
            ("Fecha de nacimiento", "dob"),
            ("DNI/NIE", "nid"),
            ("Domicilio actual", "addr"),
            ("Teléfono", "ph"),
            ("Correo electrónico", "mail"),
            ("Ingresos netos mensuales", "price"),
            ("Fecha de visita", "date"),
            ("Ref. anuncio", "ref"),
        ],
    ),
    "fr": (
        "Dossier de location",
        [
            ("Nom et prénom", "name"),
            ("Né(e) le", "dob"),
            ("Adresse actuelle", "addr"),
            ("Téléphone", "ph"),
            ("Courriel", "mail"),
            ("N° de sécurité sociale", "nid"),
            ("Revenus nets mensuels", "price"),
            ("Visite le", "date"),
            ("Réf. annonce", "ref"),
        ],
    ),
    "it": (
        "Modulo richiesta affitto",
        [
            ("Cognome e nome", "rname"),
            ("Data di nascita", "dob"),
            ("Codice fiscale", "nid"),
            ("Residenza", "addr"),
            ("Cellulare", "ph"),
            ("Email", "mail"),
            ("Reddito netto mensile", "price"),
            ("Visita del", "date"),
            ("Rif. annuncio", "ref"),
        ],
    ),
    "en": (
        "Tenancy application form",
        [
            ("Full name", "name"),
            ("Date of birth", "dob"),
            ("Current address", "addr"),
            ("Phone", "ph"),
            ("Email", "mail"),
            ("National Insurance number", "nid"),
            ("Monthly take-home pay", "price"),
            ("Viewing date", "date"),
            ("Listing ref", "ref"),
        ],
    ),
}
_FORM_ID = {"de": "de_ausweis", "es": "es_dni", "fr": "fr_nir", "it": "it_cf", "en": "uk_nino"}


def rental_form(m: Maker, d: Doc) -> int:
    """A filled-in rental application copied out of a PDF form."""
    rng, lang = m.rng, d.lang
    title, rows = _FORM[lang]
    p = m.person(lang)
    scheme = _FORM_ID[lang] if lang != "es" else rng.choice(["es_dni", "es_nie"])
    d.one_of("Please check this form for anything missing:\n\n", "", "Fill in the gaps:\n\n")
    d.add(f"{title}\n{'=' * len(title)}\n")
    colon = ": " if rng.random() < 0.7 else ":\t"
    for label, key in rows:
        d.add(label + colon)
        makers: dict[str, Callable[[], Piece]] = {
            "name": lambda: m.name(p),
            "rname": lambda: m.name(p, "lastfirst"),
            "dob": lambda: m.dob(p, lang),
            "addr": lambda: m.address(lang),
            "ph": lambda: m.phone(lang),
            "mail": lambda: m.email(p),
            "nid": lambda: m.ident(scheme, p),
            "price": lambda: m.trap("price", d.lang),
            "date": lambda: m.trap("date", lang),
            "ref": lambda: m.trap("order"),
        }
        d.add(makers[key]() if key in makers else key)
        d.add("\n")
    return 0


def vcard(m: Maker, d: Doc) -> int:
    """A contact card exported from a phone."""
    rng, lang = m.rng, d.lang
    loc = home_loc(rng, lang)
    p = m.person(loc)
    d.one_of(
        "Why won't my phone import this contact?\n\n",
        "convert this vcf to csv\n\n",
        "Warum wird der Kontakt nicht importiert?\n\n",
    )
    d.fill(
        """BEGIN:VCARD
VERSION:3.0
N:<%last%>;<%first%>;;;
FN:<%name%>
TEL;TYPE=CELL:<%ph%>
TEL;TYPE=HOME:<%ph2%>
EMAIL;TYPE=INTERNET:<%mail%>
ADR;TYPE=HOME:;;<%addr%>
BDAY:<%dob%>
REV:<%rev%>
UID:<%uid%>
END:VCARD""",
        last=m.name(p, "last"),
        first=m.name(p, "first"),
        name=m.name(p),
        ph=m.phone(loc),
        ph2=m.phone(loc),
        mail=m.email(p),
        addr=m.address(loc),
        dob=m.dob(p, "iso"),
        rev=m.trap("timestamp"),
        uid=m.trap("uuid"),
    )
    return 0


def calendar_invite(m: Maker, d: Doc) -> int:
    """An .ics invite; meeting dates are not birth dates."""
    rng, lang = m.rng, d.lang
    loc = home_loc(rng, lang)
    org, att = m.person(loc), m.person(loc)
    d.one_of("Outlook shows this invite an hour off, why?\n\n", "parse this ics for me\n\n")
    d.fill(
        """BEGIN:VCALENDAR
PRODID:-//Example Corp//Cal <%ver%>//EN
BEGIN:VEVENT
UID:<%uid%>
DTSTAMP:20250312T091500Z
DTSTART;TZID=Europe/Berlin:20250318T140000
SUMMARY:Quarterly review / build <%build%>
ORGANIZER;CN=<%on%>:mailto:<%om%>
ATTENDEE;CN=<%an%>;RSVP=TRUE:mailto:<%am%>
LOCATION:Room 4.12 / Teams
DESCRIPTION:Dial-in via the usual bridge. Questions to <%on2%> on <%ph%>.
END:VEVENT
END:VCALENDAR""",
        ver=m.trap("version"),
        uid=m.trap("uuid"),
        build=m.trap("build"),
        on=m.name(org),
        om=m.email(org, work=True),
        an=m.name(att),
        am=m.email(att, work=True),
        on2=m.name(org, "first"),
        ph=m.phone(loc),
    )
    return 0


def delivery_payload(m: Maker, d: Doc) -> int:
    """A courier app's order payload with the drop-off point split into fields."""
    rng, lang = m.rng, d.lang
    loc = home_loc(rng, lang)
    p = m.person(loc)
    lat, lng = m.geo(loc, "split")
    d.one_of(
        "The driver app shows the wrong pin for this order, what's wrong?\n",
        "La app del repartidor pone mal el pin, ¿qué falla?\n",
        "L'app mette il pin sbagliato:\n",
    )
    d.fill(
        """{
  "order_id": "<%oid%>",
  "tracking": "<%trk%>",
  "recipient": {"name": "<%name%>", "phone": "<%ph%>"},
  "dropoff": {
    "address": "<%addr%>",
    "lat": <%lat%>,
    "lng": <%lng%>,
    "note": "ring twice, dog is friendly"
  },
  "items": [{"sku": "<%sku%>", "qty": 2, "weight": "<%w%>"}],
  "eta": "<%eta%>",
  "total": "<%tot%>"
}""",
        oid=m.trap("order"),
        trk=m.trap("tracking"),
        name=m.name(p),
        ph=m.phone(loc),
        addr=m.address(loc),
        lat=lat,
        lng=lng,
        sku=m.trap("sku"),
        w=T("measure", f"{rng.randint(0, 24)},{rng.randint(1, 9)} kg"),
        eta=T("timestamp", _eta(rng)),
        tot=m.trap("price", d.lang),
    )
    return 0


def _eta(rng: random.Random) -> str:
    start = dt.datetime(2025, 1, 1, 8)
    day = start + dt.timedelta(days=rng.randint(0, 600), minutes=15 * rng.randint(0, 48))
    return f"{day:%Y-%m-%dT%H:%M}:00+01:00"


def photo_metadata(m: Maker, d: Doc) -> int:
    """exiftool output of a photo taken at home."""
    rng, lang = m.rng, d.lang
    loc = home_loc(rng, lang)
    p = m.person(loc)
    (pos,) = m.geo(loc, "dms")
    d.one_of(
        "Is it safe to post this photo? exiftool says:\n\n",
        "Wie entferne ich diese Metadaten?\n\n",
        "Come tolgo questi metadati?\n\n",
    )
    d.fill(
        """File Name                       : IMG_<%num%>.HEIC
File Size                       : <%size%>
Make                            : Apple
Camera Model Name               : iPhone 14
Software                        : <%sw%>
Date/Time Original              : 2025:06:14 18:22:31
Artist                          : <%artist%>
Copyright                       : © <%artist2%>
Image Size                      : <%dim%>
GPS Position                    : <%pos%>
GPS Altitude                    : 38.2 m Above Sea Level
Lens ID                         : iPhone 14 back dual wide camera 5.7mm f/1.5
Image Unique ID                 : <%iid%>""",
        num=m.trap("pid"),
        size=T("measure", f"{rng.randint(1, 9)}.{rng.randint(0, 9)} MB"),
        sw=m.trap("version"),
        artist=m.name(p),
        artist2=m.name(p),
        dim=T("screen", rng.choice(["4032x3024", "3024x4032", "4284x5712"])),
        pos=pos,
        iid=m.trap("trace"),
    )
    return 0


_CLAIM = {
    "de": """Unfallbericht – bitte in sauberes Deutsch bringen:

Am <%date%> gegen 17:40 Uhr bin ich (<%me%>, Kennzeichen <%pl1%>) auf der Kreuzung \
Hauptstraße/Ringstraße mit dem Wagen von <%other%> (Kennzeichen <%pl2%>) zusammengestoßen. \
Der andere Fahrer hat die Vorfahrt missachtet. Sein Führerschein: <%dl%>. \
Er wohnt laut eigener Aussage <%addr%>, Tel. <%ph%>.
Schaden vorne links ca. <%price%>, Bremsweg ca. <%meas%>. Zeugin: <%wit%> (<%wph%>).
Schadennummer der Versicherung: <%claim%>""",
    "en": """Can you turn this into a clear statement for my insurer?

on <%date%> around 5.40pm I (<%me%>, reg <%pl1%>) was hit at the roundabout by <%other%> \
driving <%pl2%>. he admitted he didn't look. his licence number is <%dl%>, lives at <%addr%>, \
phone <%ph%>. damage about <%price%>, skid marks roughly <%meas%>. witness <%wit%> <%wph%>.
claim ref from the insurer: <%claim%>""",
    "fr": """Peux-tu rédiger ça proprement pour mon assurance ?

Le <%date%> vers 17h40, moi (<%me%>, immatriculé <%pl1%>) j'ai été percuté au rond-point par \
<%other%> (véhicule <%pl2%>) qui n'a pas respecté la priorité. Son permis : <%dl%>. Il habite \
<%addr%>, tél. <%ph%>. Dégâts environ <%price%>, traces de freinage sur <%meas%>. \
Témoin : <%wit%> (<%wph%>). Réf. sinistre : <%claim%>""",
    "it": """Mi sistemi questa descrizione per l'assicurazione?

Il <%date%> verso le 17:40 io (<%me%>, targa <%pl1%>) sono stato urtato alla rotonda da \
<%other%> (targa <%pl2%>) che non ha dato la precedenza. Patente: <%dl%>. Abita in <%addr%>, \
tel. <%ph%>. Danni circa <%price%>, frenata di <%meas%>. Testimone: <%wit%> (<%wph%>).
N. sinistro: <%claim%>""",
    "es": """¿Me redactas esto bien para el seguro?

El <%date%> sobre las 17:40 yo (<%me%>, matrícula <%pl1%>) choqué en la rotonda con \
<%other%> (matrícula <%pl2%>), que no respetó el ceda. Su carné de conducir: <%dl%>. Vive en \
<%addr%>, tel. <%ph%>. Daños de unos <%price%>, frenada de <%meas%>. Testigo: <%wit%> (<%wph%>).
N.º de siniestro: <%claim%>""",
}


def accident_report(m: Maker, d: Doc) -> int:
    """A car accident description for an insurer, with both cars' plates."""
    rng, lang = m.rng, d.lang
    me, other, wit = m.person(lang), m.person(lang, sex="m"), m.person(lang)
    dl = m.ident("driving_licence", other) if lang != "es" else m.ident("es_dni", other)
    d.fill(
        _CLAIM[lang],
        date=m.trap("date", lang),
        me=m.name(me),
        pl1=m.ident("plate", me),
        other=m.name(other),
        pl2=m.ident("plate", other),
        dl=dl,
        addr=m.address(lang),
        ph=m.phone(lang),
        price=m.trap("price", d.lang),
        meas=T("measure", f"{rng.randint(4, 30)} m"),
        wit=m.name(wit),
        wph=m.phone(lang),
        claim=m.trap("ticket"),
    )
    return 0


_MRZ_CC = {
    "de": "D<<",
    "fr": "FRA",
    "it": "ITA",
    "es": "ESP",
    "en": "GBR",
    "us": "USA",
    "nl": "NLD",
    "ch": "CHE",
    "at": "AUT",
}


def travel_booking(m: Maker, d: Doc) -> int:
    """Passenger details for a booking, with the passport's machine-readable lines."""
    rng, lang = m.rng, d.lang
    loc = rng.choice(["de", "fr", "it", "es", "en", "us"]) if lang == "en" else lang
    p = m.person(loc)
    kid = m.person(loc)
    kid.last = p.last
    kid.dob = dt.date(rng.randint(2012, 2021), kid.dob.month, min(kid.dob.day, 28))
    pp = m.ident("passport", p)
    d.one_of(
        "I'm filling the ESTA/ETA form, is this right?\n\n",
        "Book this for me and check the passport data matches:\n\n",
    )
    d.fill(
        """Flight: <%fl%>  Fare: <%fare%>  Booking ref: <%ref%>
Passenger 1: <%n1%>, born <%dob1%>, passport <%pp%>
Passenger 2 (child): <%n2%>, born <%dob2%>
Contact: <%mail%> / <%ph%>
Payment card: <%card%>

Scanned passport (MRZ):
<%mrz%>
""",
        fl=m.trap("flight"),
        fare=m.trap("price", d.lang),
        ref=m.trap("order"),
        n1=m.name(p),
        dob1=m.dob(p, "us" if loc == "us" else lang),
        pp=pp,
        n2=m.name(kid),
        dob2=m.dob(kid, "us" if loc == "us" else lang),
        mail=m.email(p),
        card=m.card(),
        ph=m.phone(loc),
        mrz=m.mrz(p, _MRZ_CC[loc], pp.text),
    )
    return 0


_PAY = {
    "de": (
        "Entgeltabrechnung",
        "Personalnummer",
        "Steuer-ID",
        "SV-Nummer",
        "Steuerklasse",
        "Brutto",
        "Netto",
        "Auszahlung auf",
        "Geburtsdatum",
    ),
    "at": (
        "Lohnzettel",
        "Personalnummer",
        "SV-Nummer",
        "SV-Nummer",
        "Gruppe",
        "Brutto",
        "Netto",
        "Überweisung auf",
        "Geburtsdatum",
    ),
    "es": (
        "Nómina",
        "N.º empleado",
        "DNI",
        "NAF",
        "Grupo",
        "Devengado",
        "Líquido",
        "Transferencia a",
        "Fecha de nacimiento",
    ),
    "it": (
        "Cedolino",
        "Matricola",
        "Codice fiscale",
        "Codice fiscale",
        "Livello",
        "Lordo",
        "Netto",
        "Accredito su",
        "Data di nascita",
    ),
    "fr": (
        "Bulletin de paie",
        "Matricule",
        "N° SS",
        "N° SS",
        "Coefficient",
        "Brut",
        "Net à payer",
        "Virement sur",
        "Date de naissance",
    ),
    "en": (
        "Payslip",
        "Employee no.",
        "NI number",
        "NI number",
        "Tax code",
        "Gross",
        "Net pay",
        "Paid to",
        "Date of birth",
    ),
}


def payslip(m: Maker, d: Doc) -> int:
    """Text pulled out of a payslip PDF, with a question about a deduction."""
    rng, lang = m.rng, d.lang
    key = "at" if lang == "de" and rng.random() < 0.3 else lang
    title, emp, id1, id2, grp, gross, net, paid, born = _PAY[key]
    p = m.person(key)
    s1 = {
        "de": "de_steuerid",
        "at": "at_svnr",
        "es": "es_dni",
        "it": "it_cf",
        "fr": "fr_nir",
        "en": "uk_nino",
    }[key]
    d.one_of("Why is my net so low this month?\n\n", "Explain the deductions please:\n\n")
    d.fill(
        f"{title} <%period%>\n<%name%>\n<%addr%>\n"
        f"{emp}: <%emp%>   {born}: <%dob%>\n{id1}: <%id1%>\n",
        period=T("date", f"{rng.randint(1, 12):02d}/2025"),
        name=m.name(p),
        addr=m.address(key, multiline=True),
        emp=member(str(rng.randint(1000, 99999))),
        dob=m.dob(p, "de" if key == "at" else lang),
        id1=m.ident(s1, p),
    )
    if key == "de":
        d.fill(f"{id2}: <%id2%>\n", id2=m.ident("de_svnr", p))
    d.fill(
        f"{grp}: {rng.randint(1, 6)}\n{gross}: <%g%>\n{net}: <%n%>\n{paid}: <%iban%>\n",
        g=m.trap("price", d.lang),
        n=m.trap("price", d.lang),
        iban=m.iban(key),
    )
    return 0


def dataframe_print(m: Maker, d: Doc) -> int:
    """pandas output pasted from a notebook."""
    rng, lang = m.rng, d.lang
    d.one_of(
        "why does groupby drop these rows?\n\n>>> df.head(6)\n",
        "pd.to_datetime fails on dob, why?\n\n>>> df.head(6)\n",
    )
    d.add(f"{'':4}{'name':<26}{'dob':<14}{'iban':<34}{'amount':>10}\n")
    for i in range(rng.randint(4, 6)):
        loc = home_loc(rng, lang)
        p = m.person(loc)
        n = m.name(p)
        dob = m.dob(p, rng.choice(["iso", lang]))
        ib = m.iban(loc, grouped=False)
        amt = T("price", f"{rng.randint(1, 99999) / 100:.2f}")
        d.fill(
            f"{i:<4}<%n%>{' ' * max(1, 26 - len(n.text))}<%d%>{' ' * max(1, 14 - len(dob.text))}"
            f"<%i%>{' ' * max(1, 34 - len(ib.text))}<%a%>\n",
            n=n,
            d=dob,
            i=ib,
            a=amt,
        )
    d.add(f"\n[{rng.randint(200, 9000)} rows x 4 columns]")
    return 0


def contractor_sheet(m: Maker, d: Doc) -> int:
    """A spreadsheet of remote contractors in many countries, pasted before a payment run."""
    rng = m.rng
    d.one_of(
        "Before I run payouts: which rows are missing data?\n\n",
        "Convert this to JSON for the payroll API\n\n",
    )
    d.add("name | country | tax / national id | email | rate\n")
    for row in range(6):
        scheme = DECK[(d.index * 6 + row + 20) % len(DECK)]
        loc = LOC_OF_SCHEME[scheme]
        p = m.person(loc, native=rng.random() < 0.15)
        d.fill(
            f"<%n%> | {country(scheme)} | <%id%> | <%e%> | <%r%>\n",
            n=m.name(p),
            id=m.ident(scheme, p),
            e=m.email(p),
            r=T("price", f"{rng.randint(25, 140)} USD/h"),
        )
    return 0


def credit_application(m: Maker, d: Doc) -> int:
    """A US form (loan, lease, background check) copied as text, with its SSN and licence."""
    rng = m.rng
    p = m.person("us")
    co = m.person("us")
    dl = m.ident("driving_licence", p)
    d.one_of(
        "Help me fill out the rest of this application:\n\n",
        "Is it safe to send this over email? draft below\n\n",
    )
    d.fill(
        """APPLICANT
Name: <%n%>        DOB <%dob%>
SSN: <%ssn%>
Driver's License #: <%dl%> (state: <%st%>)
Current address: <%addr%>
Cell: <%ph%>   Email: <%e%>

CO-APPLICANT
<%cn%>, born <%cdob%>, SSN <%cssn%>

Requested amount: <%amt%>   Term: 60 months   Application ID: <%app%>
""",
        n=m.name(p),
        dob=m.dob(p, "us"),
        ssn=m.ident("us_ssn", p),
        dl=dl,
        st=_state(dl.text),
        addr=m.address("us"),
        ph=m.phone("us"),
        e=m.email(p),
        cn=m.name(co),
        cdob=m.dob(co, "us"),
        cssn=m.ident("us_ssn", co),
        amt=T("price", f"${rng.randint(50, 900) * 100:,}"),
        app=m.trap("order"),
    )
    return 0


def gpx_track(m: Maker, d: Doc) -> int:
    """The start of a GPX file recorded from the runner's front door."""
    rng, lang = m.rng, d.lang
    loc = home_loc(rng, lang)
    p = m.person(loc)
    d.one_of(
        "Strava won't import this GPX, what's wrong?\n\n",
        "Garmin export – why are the times off by one hour?\n\n",
    )
    d.fill(
        '<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="Watch <%fw%>">\n'
        "  <metadata><author><name><%n%></name></author><time><%t0%></time></metadata>\n"
        "  <trk><name>Morning Run</name><trkseg>\n",
        fw=m.trap("version"),
        n=m.name(p),
        t0=m.trap("timestamp"),
    )
    lat, lng = m.geo(loc, "split")
    base_lat, base_lng = float(lat.text), float(lng.text)
    start = dt.datetime(2025, 1, 1, 6) + dt.timedelta(
        days=rng.randint(0, 600), seconds=rng.randint(0, 9000)
    )
    for k in range(3):
        la = V("geo", f"{base_lat + k * 0.0004:.6f}", GEO) if k else lat
        lo = V("geo", f"{base_lng + k * 0.0005:.6f}", GEO) if k else lng
        when = start + dt.timedelta(seconds=5 * k)
        d.fill(
            '    <trkpt lat="<%la%>" lon="<%lo%>"><ele><%el%></ele><time><%t%></time></trkpt>\n',
            la=la,
            lo=lo,
            el=T("measure", f"{rng.randint(20, 600)}.{rng.randint(0, 9)}"),
            t=T("timestamp", f"{when:%Y-%m-%dT%H:%M:%S}Z"),
        )
    d.add("  </trkseg></trk>\n</gpx>")
    return 0


def _state(licence: str) -> str:
    """The state whose licence numbers look like ``licence``."""
    for pattern, state in (
        (r"[A-Z]\d{7}", "CA"),
        (r"[A-Z](\d{3}-){3}\d{3}-\d", "FL"),
        (r"[A-Z]\d{3}-\d{3}-\d{2}-\d{3}-\d", "FL"),
        (r"[\d ]{11}", "NY"),
    ):
        if re.fullmatch(pattern, licence):
            return state
    return "IL"
