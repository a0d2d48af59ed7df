"""Forms, records and paperwork: identity, tax, health, money, travel, vehicles."""

from __future__ import annotations

from random import Random

from . import ids
from . import people as ppl
from . import places as geo
from . import traps as tr
from .build import PERSON, Look, Page, Val


def form_es(r: Random, v: int) -> Page:
    """A Spanish registration form copied out of a PDF."""
    me = ppl.person(r, "es" if v == 0 else r.choice(("ar", "in", "ng", "tr")))
    born = ids.birth_date(r)
    p = Page()
    p.line("¿Me ayudas a rellenar el resto? Esto es lo que tengo:\n")
    p.line("SOLICITUD DE ALTA EN EL PADRÓN MUNICIPAL — Ayuntamiento de ", Look("place", "Madrid"))
    p.line("Nombre y apellidos: ", me.full())
    p.line(
        "Documento: ",
        ids.es_dni(r) if v == 0 else ids.es_nie(r),
        "   Nacionalidad: ",
        ("española", "marroquí", "india", "nigeriana", "turca")[r.randrange(5)],
    )
    p.line("Fecha de nacimiento: ", ids.dob_val(born, r.choice(("dmy/", "es"))))
    p.line("Nº afiliación Seg. Social: ", ids.es_nss(r))
    p.line("Domicilio: ", geo.address(r, "es"))
    p.line("Teléfono: ", ppl.phone(r, "es"), "  Correo: ", ppl.email(r, me, "es"))
    p.line("Expediente: ", tr.invoice(r), "   Fecha de solicitud: ", tr.plain_date(r, 2))
    p.line("Tasa: ", tr.amount(r), " (modelo ", Look("form_no", "030"), ")")
    return p


def form_fr(r: Random, v: int) -> Page:
    """A French administrative form."""
    me = ppl.person(r, "fr" if v == 0 else "ar")
    female = me.female
    born = ids.birth_date(r)
    p = Page()
    p.line("Vérifie si j'ai bien rempli ce formulaire CAF :\n")
    p.line("NOM : ", me.last(), "    Prénom(s) : ", me.first())
    p.line(
        "Né(e) le : ",
        ids.dob_val(born, r.choice(("dmy/", "fr"))),
        " à ",
        Look("place", r.choice(("Lyon", "Oran", "Marseille"))),
    )
    p.line("N° de sécurité sociale : ", ids.fr_nir(r, born, female))
    p.line("N° allocataire : ", ids.member_no(r, "caf_no", "9999999"))
    p.line("Adresse : ", geo.address(r, "fr"))
    p.line("Courriel : ", ppl.email(r, me, "fr"), "   Tél. : ", ppl.phone(r, "fr"))
    p.line(
        "RIB / IBAN : ",
        ids.iban(r, "FR"),
        "   BIC : ",
        Look("bic", r.choice(("BNPAFRPPXXX", "CEPAFRPP751", "SOGEFRPP"))),
    )
    p.line(
        "Référence dossier : ", tr.ticket(r), "   Formulaire ", Look("form_no", "cerfa 13456*02")
    )
    return p


def form_it(r: Random, v: int) -> Page:
    """An Italian registry form."""
    me = ppl.person(r, "it")
    female = me.female
    born = ids.birth_date(r)
    p = Page()
    p.line("Correggi eventuali errori in questo modulo:\n")
    if v == 0:
        p.line("Cognome: ", me.last(), " | Nome: ", me.first())
        p.line("Data di nascita: ", ids.dob_val(born, "dmy/"), " | Sesso: ", "F" if female else "M")
    else:
        p.line(
            "Il sottoscritto ",
            me.upper_family(),
            " nato a ",
            Look("place", "Napoli"),
            " il ",
            ids.dob_val(born, "it"),
        )
    p.line("Codice fiscale: ", ids.it_cf(me, born, female, r))
    p.line("Residenza: ", geo.address(r, "it"))
    p.line("Cellulare: ", ppl.phone(r, "it"), " | e-mail: ", ppl.email(r, me, "it"))
    p.line(
        "Targa veicolo: ",
        ids.plate(r, "IT"),
        " | Patente n. ",
        ids.member_no(r, "it_patente", "AA9999999A"),
    )
    p.line(
        "Protocollo n. ",
        tr.invoice(r),
        " del ",
        tr.plain_date(r, 0),
        " – marca da bollo ",
        tr.amount(r),
    )
    return p


def form_de(r: Random, v: int) -> Page:
    """A German HR onboarding sheet."""
    me = ppl.person(r, "de" if v == 0 else r.choice(("tr", "pl", "gr")))
    born = ids.birth_date(r)
    p = Page()
    p.line("Prüf bitte, ob im Personalbogen was fehlt:\n")
    p.line("Personalfragebogen – ", tr.company(r))
    p.line("Name, Vorname: ", me.formal())
    p.line(
        "Geburtsdatum: ",
        ids.dob_val(born, "dmy."),
        "   Geburtsort: ",
        Look("place", r.choice(("Ludwigshafen", "Bad Homburg", "İzmir"))),
    )
    p.line("Anschrift: ", geo.address(r, "de"))
    p.line("Steuer-ID: ", ids.de_steuer_id(r), "   Steuerklasse: ", Look("tax_class", "IV"))
    p.line(
        "Krankenkasse: ", Look("company", "Techniker Krankenkasse"), ", Vers.-Nr. ", ids.de_kvnr(r)
    )
    p.line("Personalausweis-Nr.: ", ids.de_ausweis(r))
    p.line("Bankverbindung: ", ids.iban(r, "DE"))
    p.line(
        "Personalnummer: ",
        ids.member_no(r, "employee_no", "P-99999"),
        "   Eintritt: ",
        tr.plain_date(r, 0),
    )
    return p


def form_uk(r: Random, v: int) -> Page:
    """A UK new-starter form."""
    me = ppl.person(r, "en" if v == 0 else r.choice(("in", "ng", "pl")))
    born = ids.birth_date(r)
    p = Page()
    p.line("Can you check this starter checklist is complete?\n")
    p.line("Employee's surname: ", me.last())
    p.line("First name(s): ", me.first())
    p.line("Date of birth (DD MM YYYY): ", ids.dob_val(born, "dmy/"))
    p.line("National Insurance number: ", ids.uk_nino(r))
    p.line("NHS number (for OH referral): ", ids.uk_nhs(r))
    p.line("Home address: ", geo.address(r, "en"))
    p.line("Mobile: ", ppl.phone(r, "en"), "   Personal email: ", ppl.email(r, me, "en"))
    p.line("Emergency contact: ", ppl.person(r).full(), " (", ppl.phone(r, "en"), ")")
    p.line(
        "Start date: ",
        tr.plain_date(r, 4),
        "   Payroll ref: ",
        ids.member_no(r, "employee_no", "EMP99999"),
    )
    p.line(
        "Statement ",
        Look("form_no", "B"),
        " — form ",
        Look("form_no", "HMRC SC2"),
        ", version ",
        tr.version(r),
    )
    return p


def intake_us(r: Random, v: int) -> Page:
    """A US clinic intake form."""
    me, contact = ppl.people(r, 2, "en")
    born = ids.birth_date(r)
    p = Page()
    p.line("Rewrite this intake as a referral letter:\n")
    p.line("PATIENT INTAKE")
    p.line("Name: ", me.full(), "    DOB: ", ids.dob_val(born, r.choice(("mdy/", "en", "mdy2"))))
    p.line("SSN: ", ids.us_ssn(r), "    Driver's license: ", ids.us_dl(r))
    p.line("Address: ", geo.address(r, "us"))
    p.line("Phone: ", ppl.phone(r, "us"), "    Email: ", ppl.email(r, me))
    p.line(
        "Insurance: ",
        tr.company(r) if v else Look("company", "Aetna"),
        " member ID ",
        ids.member_no(r, "insurance_no", "W999999999"),
    )
    p.line("Emergency contact: ", contact.full(), ", ", ppl.phone(r, "us"))
    p.line(
        "Dx: ",
        tr.icd(r),
        ", ",
        tr.icd(r),
        "    Visit: ",
        tr.plain_date(r, 3),
        "    Copay ",
        tr.amount(r, "$"),
    )
    p.line("Notes: BP 128/82, wt ", tr.size(r, "kg"), "; allergic to penicillin.")
    return p


def rental_ie(r: Random, v: int) -> Page:
    """An Irish rental application."""
    me, ref = ppl.people(r, 2, "en")
    p = Page()
    p.line("Make this rental application sound more professional:\n")
    p.add(
        "Hi, I'm ",
        me.full(),
        " and I'm applying for the 2-bed on ",
        Look("place", "Griffith Avenue"),
        " (listing ",
        tr.order(r),
        "). I work at ",
        tr.company(r),
        " and my PPSN is ",
        ids.ie_ppsn(r),
        ". Currently living at ",
        geo.address(r, "ie"),
        ".\n",
    )
    p.add(
        "Deposit can be paid from ",
        ids.iban(r, "IE"),
        ". Reference: ",
        ref.full(),
        ", my current landlord, ",
        ppl.phone(r, "ie"),
        " or ",
        ppl.email(r, ref, "en"),
        ".\n",
    )
    p.add(
        "Viewing on ",
        tr.plain_date(r, 3),
        " suits. ",
        "My partner " if v else "My sister ",
        ppl.person(r).full(),
        " would move in too.\nThanks, ",
        me.first(),
        " — ",
        ppl.phone(r, "ie"),
        "\n",
    )
    return p


def ch_at_insurance(r: Random, v: int) -> Page:
    """A Swiss or Austrian insurance note."""
    me = ppl.person(r, "de")
    born = ids.birth_date(r)
    p = Page()
    p.line("Fasse diese Notiz für die Versicherung zusammen:\n")
    if v == 0:
        p.add(
            "Versicherte Person: ",
            me.full(),
            ", geb. ",
            ids.dob_val(born, "dmy."),
            ", AHV-Nr. ",
            ids.ch_ahv(r),
            ", wohnhaft ",
            geo.address(r, "ch"),
            ". Police ",
            tr.invoice(r),
            ".\n",
        )
        p.add(
            "Unfall am ",
            tr.plain_date(r, 0),
            " bei ",
            tr.place(r),
            ", Fahrzeug ",
            ids.plate(r, "CH"),
            ". Rückruf unter ",
            ppl.phone(r, "ch"),
            ". Auszahlung auf ",
            ids.iban(r, "CH"),
            ".\n",
        )
    else:
        p.add(
            "Versicherte/r: ",
            me.full(),
            ", SV-Nr. ",
            ids.at_svnr(r, born),
            " (geb. ",
            ids.dob_val(born, "dmy."),
            "), ",
            geo.address(r, "at"),
            ". Schadensfall ",
            tr.ticket(r),
            ".\n",
        )
        p.add(
            "Fahrzeug ",
            ids.plate(r, "AT"),
            ", Unfallort ",
            geo.geo_pair(r),
            ". Tel. ",
            ppl.phone(r, "at"),
            ", Konto ",
            ids.iban(r, "AT"),
            ".\n",
        )
    p.add("Schadenssumme laut Gutachten: ", tr.amount(r), " (", tr.maths(r), ")\n")
    return p


def eu_ids(r: Random, v: int) -> Page:
    """Identity numbers from neighbouring countries pasted into an English or German request."""
    me = ppl.person(r, ("nl", "pt", "pl")[v])
    born = ids.birth_date(r)
    female = me.female
    p = Page()
    p.line(
        (
            "Translate this for my new employer:",
            "Übersetze das bitte für meine Bank:",
            "Check my details for the visa form:",
        )[v]
    )
    if v == 0:
        p.add(
            "Naam: ",
            me.full(),
            "\nGeboortedatum: ",
            ids.dob_val(born, "dmy-"),
            "\nBSN: ",
            ids.nl_bsn(r),
            "\nAdres: ",
            geo.address(r, "nl"),
            "\nIBAN: ",
            ids.iban(r, "NL"),
            "\nBelgisch rijksregisternummer (partner): ",
            ids.be_nn(r, ids.birth_date(r)),
            "\n",
        )
    elif v == 1:
        p.add(
            "Nome: ",
            me.full(),
            "\nData de nascimento: ",
            ids.dob_val(born, "dmy/"),
            "\nNIF: ",
            ids.pt_nif(r),
            "\nMorada: ",
            geo.address(r, "pt"),
            "\nIBAN: ",
            ids.iban(r, "PT"),
            "\nTelemóvel: ",
            ppl.phone(r, "pt"),
            "\n",
        )
    else:
        p.add(
            "Imię i nazwisko: ",
            me.full(),
            "\nData urodzenia: ",
            ids.dob_val(born, "dmy."),
            "\nPESEL: ",
            ids.pl_pesel(r, born, female),
            "\nIBAN: ",
            ids.iban(r, "PL"),
            "\nE-mail: ",
            ppl.email(r, me, "en"),
            "\n",
        )
    p.add("Reference ", tr.ticket(r), ", submitted ", tr.plain_date(r, 1), "\n")
    return p


def pan_email(r: Random, v: int) -> Page:
    """An English e-mail about Indian tax details."""
    me, ca = ppl.people(r, 2, "in")
    born = ids.birth_date(r)
    p = Page()
    p.line("Polish this email to my CA:\n")
    p.add(
        "Dear ",
        ca.first(),
        " ji,\nPlease find my details for the ITR: PAN ",
        ids.in_pan(r, me),
        ", DOB ",
        ids.dob_val(born, r.choice(("dmy/", "dmy2"))),
        ", name as per PAN ",
        me.upper_family(),
        ". Form 16 from ",
        tr.company(r),
        " shows TDS of ",
        Look("amount", f"₹{r.randint(10, 99)},{r.randint(100, 999)}"),
        ".\n",
    )
    p.add(
        "I now live in ",
        Look("place", "Dublin"),
        " (",
        geo.address(r, "ie"),
        ") so please send docs to ",
        ppl.email(r, me, "en"),
        " or WhatsApp ",
        ppl.phone(r, "ie"),
        ".\n",
    )
    p.add("The ack no. of last year's return was ", tr.order(r), ".\nRegards,\n", me.full(), "\n")
    return p


def passport_scan(r: Random, v: int) -> Page:
    """OCR of a passport data page with its machine-readable zone."""
    country = r.choice((("DE",), ("ES", "IT"), ("FR",), ("GB", "US"))[v])
    loc = {"DE": "de", "ES": "es", "FR": "fr", "IT": "it", "GB": "en", "US": "en"}[country]
    me = ppl.person(r, loc)
    born = ids.birth_date(r)
    female = me.female
    name, rest, line2 = ids.mrz(r, me, country, born, female)
    code = {"DE": "D<<", "ES": "ESP", "FR": "FRA", "IT": "ITA", "GB": "GBR", "US": "USA"}[country]
    p = Page()
    p.line("The OCR of my passport scan is messy; extract the fields as JSON:\n")
    p.line("PASSPORT / PASS / PASAPORTE / PASSEPORT")
    p.line("Surname / Nom: ", Val("last_name", me.family.upper(), PERSON))
    p.line("Given names / Prénoms: ", Val("first_name", me.given.upper(), PERSON))
    p.line("Date of birth: ", ids.dob_val(born, "en_d"), "   Sex: ", "F" if female else "M")
    p.line(
        "Date of issue: ",
        tr.plain_date(r, 4),
        "   Authority: ",
        Look(
            "place",
            r.choice(
                (
                    "Stadt Köln",
                    "Madrid",
                    "Préfecture de Paris",
                    "Questura di Roma",
                    "HMPO",
                    "U.S. Department of State",
                )
            ),
        ),
    )
    p.line()
    p.line("P<", code, name, rest)
    p.line(line2)
    return p


def bank_statement(r: Random, v: int) -> Page:
    """Bank statement lines pasted for categorisation (Spanish or German)."""
    loc = ("es", "de")[v]
    me = ppl.person(r, loc)
    p = Page()
    p.line(("Clasifica estos movimientos por categoría:", "Ordne die Buchungen Kategorien zu:")[v])
    p.line(("Titular: ", "Kontoinhaber: ")[v], me.full(), " — ", ids.iban(r, ("ES", "DE")[v]))
    for _ in range(5):
        other = ppl.person(r)
        kind = r.randrange(4)
        p.add(tr.plain_date(r, 0), " | ")
        if kind == 0:
            p.add(
                ("TRANSFERENCIA A ", "ÜBERWEISUNG AN ")[v],
                other.caps() if r.random() < 0.5 else other.upper_family(),
                " ",
                ids.iban(r, r.choice(("ES", "DE", "FR", "IT"))),
            )
        elif kind == 1:
            p.add(("COMPRA TARJ. ", "KARTENZAHLUNG ")[v], tr.company(r), " ", tr.order(r))
        elif kind == 2:
            p.add(
                ("BIZUM DE ", "GUTSCHRIFT ")[v],
                other.full(),
                " ",
                ppl.phone(r, loc) if v == 0 else ids.iban(r, "DE"),
            )
        else:
            p.add(
                ("RECIBO ", "LASTSCHRIFT ")[v],
                tr.company(r),
                (" ref. ", " Mandat ")[v],
                tr.invoice(r),
            )
        p.line(" | ", tr.amount(r))
    return p


def itinerary(r: Random, v: int) -> Page:
    """A travel booking confirmation."""
    a, b = ppl.people(r, 2)
    p = Page()
    p.line("Make a day-by-day plan from this booking:\n")
    p.line(
        "Booking confirmation ",
        Look(
            "booking_ref", "".join(r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(6))
        ),
    )
    for who in (a, b):
        born = ids.birth_date(r)
        p.line(
            "Passenger: ",
            who.upper_family() if v else who.full(),
            "  DOB ",
            ids.dob_val(born, "en_d"),
            "  Passport ",
            ids.passport_no(r, r.choice(("DE", "ES", "FR", "IT", "GB"))),
        )
    p.line(
        "Flight ",
        tr.flight(r),
        " ",
        tr.plain_date(r, 4),
        " dep ",
        Look("time", f"{r.randint(6, 22):02d}:{r.randint(0, 59):02d}"),
        " ",
        tr.place(r),
    )
    p.line("Hotel: ", tr.company(r), " Suites, near ", tr.place(r), ", conf. ", tr.order(r))
    p.line("Contact: ", ppl.email(r, a), ", ", ppl.phone(r, r.choice(("de", "es", "it", "fr"))))
    p.line("Paid with ", ids.card(r), ", total ", tr.amount(r))
    return p


def medical_fr(r: Random, v: int) -> Page:
    """A French discharge letter."""
    pat, doc = ppl.people(r, 2, "fr")
    born = ids.birth_date(r)
    female = pat.female
    p = Page()
    p.line("Explique-moi ce compte rendu en mots simples :\n")
    p.add(
        "Compte rendu d'hospitalisation — Service de cardiologie, ",
        Look("place", "Hôpital Édouard-Herriot"),
        "\n",
    )
    p.add(
        "Patient",
        "e" if female else "",
        " : ",
        pat.upper_family(),
        ", né",
        "e" if female else "",
        " le ",
        ids.dob_val(born, "dmy/"),
        "\nNIR : ",
        ids.fr_nir(r, born, female),
        "\nAdresse : ",
        geo.address(r, "fr"),
        "\n\n",
    )
    p.add(
        "Admis",
        "e" if female else "",
        " le ",
        tr.plain_date(r, 2),
        " pour douleur thoracique. Troponine ",
        Look("lab", f"{r.randint(10, 90)} ng/L"),
        ". Diagnostic ",
        tr.icd(r),
        ". Traitement : bisoprolol ",
        Look("dose", "2,5 mg"),
        ".\n",
    )
    p.add(
        "Médecin traitant : Dr ",
        doc.full(),
        ", RPPS ",
        ids.member_no(r, "rpps", "10999999999"),
        ", tél. ",
        ppl.phone(r, "fr"),
        ".\n",
    )
    if v:
        p.add(
            "Personne de confiance : ", ppl.person(r, "fr").full(), " (", ppl.phone(r, "fr"), ")\n"
        )
    return p


def medical_de(r: Random, v: int) -> Page:
    """A German doctor's letter."""
    pat, doc = ppl.cast(r, ("de", None), ("de", True))
    born = ids.birth_date(r)
    p = Page()
    p.line("Was bedeutet dieser Arztbrief?\n")
    p.add(
        "Sehr geehrte Frau Kollegin ",
        doc.last(),
        ",\nwir berichten über ",
        "Frau " if pat.female else "Herrn ",
        pat.full(),
        ", geb. am ",
        ids.dob_val(born, "dmy."),
        ", wohnhaft ",
        geo.address(r, "de"),
        ", versichert bei der ",
        Look("company", "AOK Bayern"),
        " (Vers.-Nr. ",
        ids.de_kvnr(r),
        ").\n\n",
    )
    p.add(
        "Diagnosen: ",
        tr.icd(r),
        ", ",
        tr.icd(r),
        "\nStationärer Aufenthalt vom ",
        tr.plain_date(r, 0),
        " bis ",
        tr.plain_date(r, 0),
        ".\nMedikation: Ramipril ",
        Look("dose", "5 mg"),
        " 1-0-0, HbA1c ",
        Look("lab", "7,2 %"),
        ".\n",
    )
    p.add(
        "Rückfragen gerne unter ",
        ppl.phone(r, "de"),
        ".\nMit kollegialen Grüßen\n",
        ppl.person(r, "de").full(),
        ", Oberarzt\n",
    )
    return p


def car_insurance_it(r: Random, v: int) -> Page:
    """An Italian accident report (CID)."""
    a, b = ppl.people(r, 2, "it")
    born = ids.birth_date(r)
    p = Page()
    p.line("Scrivi la descrizione del sinistro per l'assicurazione partendo da qui:\n")
    p.add(
        "Veicolo A: ",
        tr.car(r),
        " targa ",
        ids.plate(r, "IT"),
        ", conducente ",
        a.full(),
        " (C.F. ",
        ids.it_cf(a, born, a.female, r),
        "), patente ",
        ids.member_no(r, "it_patente", "AA9999999A"),
        "\n",
    )
    p.add(
        "Veicolo B: targa ",
        ids.plate(r, r.choice(("IT", "FR", "DE"))),
        ", conducente ",
        b.full(),
        ", tel. ",
        ppl.phone(r, "it"),
        "\n",
    )
    if v:
        la, lo = geo.geo_split(r)
        p.add("Luogo (dal navigatore): lat ", la, " lon ", lo, "\n")
    else:
        p.add("Luogo: ", geo.geo_pair(r), ", incrocio con ", Look("place", "Piazza Cavour"), "\n")
    p.add(
        "Data ",
        tr.plain_date(r, 2),
        " ore ",
        Look("time", "18:40"),
        ". Danni stimati ",
        tr.amount(r),
        ". Polizza ",
        tr.invoice(r),
        ".\n",
    )
    return p


def parking_fine_fr(r: Random, v: int) -> Page:
    """A French parking fine contested by the owner."""
    me = ppl.person(r, "fr")
    p = Page()
    p.line("Aide-moi à contester cet avis de contravention :\n")
    p.add(
        "Avis n° ",
        tr.invoice(r),
        " — ",
        tr.timestamp(r),
        "\nVéhicule immatriculé ",
        ids.plate(r, "FR"),
        " (",
        tr.car(r),
        ")\nLieu : ",
        geo.geo_pair(r) if v else geo.address(r, "fr"),
        "\n",
    )
    p.add("Montant : ", tr.amount(r), ", ", tr.law(r, "fr_road"), "\n\n")
    p.add(
        "Titulaire : ",
        me.upper_family(),
        ", ",
        geo.address(r, "fr"),
        ". Au moment des faits le véhicule était conduit par ",
        ppl.person(r, "fr").full(),
        ", permis n° ",
        ids.member_no(r, "fr_permis", "999999999999"),
        ".\n",
    )
    return p


def delivery_app(r: Random, v: int) -> Page:
    """A courier app job sheet (Spanish)."""
    rider, cust = ppl.people(r, 2, "es")
    p = Page()
    p.line("¿Por qué la app marcó este pedido como fallido?\n")
    p.add(
        "Pedido ",
        tr.order(r),
        " · ",
        tr.timestamp(r),
        "\nRepartidor: ",
        rider.first(),
        " (ID ",
        tr.uuid(r),
        ")\n",
    )
    p.add(
        "Cliente: ",
        cust.full(),
        " · ",
        ppl.phone(r, "es"),
        "\nEntrega: ",
        geo.address(r, "es"),
        "\n",
    )
    if v:
        la, lo = geo.geo_split(r)
        p.add('Última posición: {"lat": ', la, ', "lng": ', lo, "}\n")
    else:
        p.add("Punto de entrega GPS: ", geo.geo_pair(r), "\n")
    p.add(
        'Nota del cliente: "llamad a ',
        cust.lower(),
        " al ",
        ppl.phone(r, "es"),
        ', el timbre no va"\n',
    )
    p.add("Distancia ", tr.size(r, "km"), ", SKU ", tr.sku(r), ", app ", tr.version(r), "\n")
    return p


FORMS = (
    (form_es, 2),
    (form_fr, 2),
    (form_it, 2),
    (form_de, 2),
    (form_uk, 2),
    (intake_us, 2),
    (rental_ie, 2),
    (ch_at_insurance, 2),
    (eu_ids, 3),
    (pan_email, 1),
    (passport_scan, 4),
    (bank_statement, 2),
    (itinerary, 2),
    (medical_fr, 2),
    (medical_de, 2),
    (car_insurance_it, 2),
    (parking_fine_fr, 2),
    (delivery_app, 2),
)
