"""Forms, records and paperwork: identity, tax, health, money, travel, vehicles."""

from __future__ import annotations

from random import Random

from . import ids as I
from . import people as P
from . import places as G
from . import traps as T
from .build import Look, Page


def form_es(r: Random, v: int) -> Page:
    """A Spanish registration form copied out of a PDF."""
    me = P.person(r, "es" if v == 0 else r.choice(("ar", "in", "ng", "tr")))
    born = I.birth_date(r)
    p = Page()
    p.line("¿Me ayudas a rellenar el resto? Esto es lo que tengo:\n")
    p.line("SOLICITUD DE ALTA EN EL PADRÓN MUNICIPAL — Ayuntamiento de ", Look("place", "Madrid"))
    p.line("Nombre y apellidos: ", me.full())
    p.line(
        "Documento: ",
        I.es_dni(r) if v == 0 else I.es_nie(r),
        "   Nacionalidad: ",
        ("española", "marroquí", "india", "nigeriana", "turca")[r.randrange(5)],
    )
    p.line("Fecha de nacimiento: ", I.dob_val(born, r.choice(("dmy/", "es"))))
    p.line("Nº afiliación Seg. Social: ", I.es_nss(r))
    p.line("Domicilio: ", G.address(r, "es"))
    p.line("Teléfono: ", P.phone(r, "es"), "  Correo: ", P.email(r, me, "es"))
    p.line("Expediente: ", T.invoice(r), "   Fecha de solicitud: ", T.plain_date(r, 2))
    p.line("Tasa: ", T.amount(r), " (modelo ", Look("form_no", "030"), ")")
    return p


def form_fr(r: Random, v: int) -> Page:
    """A French administrative form."""
    me = P.person(r, "fr" if v == 0 else "ar")
    female = r.random() < 0.5
    born = I.birth_date(r)
    p = Page()
    p.line("Vérifie si j'ai bien rempli ce formulaire CAF :\n")
    p.line("NOM : ", me.last(), "    Prénom(s) : ", me.first())
    p.line(
        "Né(e) le : ",
        I.dob_val(born, r.choice(("dmy/", "fr"))),
        " à ",
        Look("place", r.choice(("Lyon", "Oran", "Marseille"))),
    )
    p.line("N° de sécurité sociale : ", I.fr_nir(r, born, female))
    p.line("N° allocataire : ", I.member_no(r, "caf_no", "9999999"))
    p.line("Adresse : ", G.address(r, "fr"))
    p.line("Courriel : ", P.email(r, me, "fr"), "   Tél. : ", P.phone(r, "fr"))
    p.line(
        "RIB / IBAN : ",
        I.iban(r, "FR"),
        "   BIC : ",
        Look("bic", r.choice(("BNPAFRPPXXX", "CEPAFRPP751", "SOGEFRPP"))),
    )
    p.line("Référence dossier : ", T.ticket(r), "   Formulaire ", Look("form_no", "cerfa 13456*02"))
    return p


def form_it(r: Random, v: int) -> Page:
    """An Italian registry form."""
    me = P.person(r, "it")
    female = r.random() < 0.5
    born = I.birth_date(r)
    p = Page()
    p.line("Correggi eventuali errori in questo modulo:\n")
    if v == 0:
        p.line("Cognome: ", me.last(), " | Nome: ", me.first())
        p.line("Data di nascita: ", I.dob_val(born, "dmy/"), " | Sesso: ", "F" if female else "M")
    else:
        p.line(
            "Il sottoscritto ",
            me.upper_family(),
            " nato a ",
            Look("place", "Napoli"),
            " il ",
            I.dob_val(born, "it"),
        )
    p.line("Codice fiscale: ", I.it_cf(me, born, female, r))
    p.line("Residenza: ", G.address(r, "it"))
    p.line("Cellulare: ", P.phone(r, "it"), " | e-mail: ", P.email(r, me, "it"))
    p.line(
        "Targa veicolo: ",
        I.plate(r, "IT"),
        " | Patente n. ",
        I.member_no(r, "it_patente", "AA9999999A"),
    )
    p.line(
        "Protocollo n. ",
        T.invoice(r),
        " del ",
        T.plain_date(r, 0),
        " – marca da bollo ",
        T.amount(r),
    )
    return p


def form_de(r: Random, v: int) -> Page:
    """A German HR onboarding sheet."""
    me = P.person(r, "de" if v == 0 else r.choice(("tr", "pl", "gr")))
    born = I.birth_date(r)
    p = Page()
    p.line("Prüf bitte, ob im Personalbogen was fehlt:\n")
    p.line("Personalfragebogen – ", T.company(r))
    p.line("Name, Vorname: ", me.formal())
    p.line(
        "Geburtsdatum: ",
        I.dob_val(born, "dmy."),
        "   Geburtsort: ",
        Look("place", r.choice(("Ludwigshafen", "Bad Homburg", "İzmir"))),
    )
    p.line("Anschrift: ", G.address(r, "de"))
    p.line("Steuer-ID: ", I.de_steuer_id(r), "   Steuerklasse: ", Look("tax_class", "IV"))
    p.line(
        "Krankenkasse: ", Look("company", "Techniker Krankenkasse"), ", Vers.-Nr. ", I.de_kvnr(r)
    )
    p.line("Personalausweis-Nr.: ", I.de_ausweis(r))
    p.line("Bankverbindung: ", I.iban(r, "DE"))
    p.line(
        "Personalnummer: ",
        I.member_no(r, "employee_no", "P-99999"),
        "   Eintritt: ",
        T.plain_date(r, 0),
    )
    return p


def form_uk(r: Random, v: int) -> Page:
    """A UK new-starter form."""
    me = P.person(r, "en" if v == 0 else r.choice(("in", "ng", "pl")))
    born = I.birth_date(r)
    p = Page()
    p.line("Can you check this starter checklist is complete?\n")
    p.line("Employee's surname: ", me.last())
    p.line("First name(s): ", me.first())
    p.line("Date of birth (DD MM YYYY): ", I.dob_val(born, "dmy/"))
    p.line("National Insurance number: ", I.uk_nino(r))
    p.line("NHS number (for OH referral): ", I.uk_nhs(r))
    p.line("Home address: ", G.address(r, "en"))
    p.line("Mobile: ", P.phone(r, "en"), "   Personal email: ", P.email(r, me, "en"))
    p.line("Emergency contact: ", P.person(r).full(), " (", P.phone(r, "en"), ")")
    p.line(
        "Start date: ",
        T.plain_date(r, 4),
        "   Payroll ref: ",
        I.member_no(r, "employee_no", "EMP99999"),
    )
    p.line(
        "Statement ",
        Look("form_no", "B"),
        " — form ",
        Look("form_no", "HMRC SC2"),
        ", version ",
        T.version(r),
    )
    return p


def intake_us(r: Random, v: int) -> Page:
    """A US clinic intake form."""
    me, contact = P.people(r, 2, "en")
    born = I.birth_date(r)
    p = Page()
    p.line("Rewrite this intake as a referral letter:\n")
    p.line("PATIENT INTAKE")
    p.line("Name: ", me.full(), "    DOB: ", I.dob_val(born, r.choice(("mdy/", "en"))))
    p.line("SSN: ", I.us_ssn(r), "    Driver's license: ", I.us_dl(r))
    p.line("Address: ", G.address(r, "us"))
    p.line("Phone: ", P.phone(r, "us"), "    Email: ", P.email(r, me))
    p.line(
        "Insurance: ",
        T.company(r) if v else Look("company", "Aetna"),
        " member ID ",
        I.member_no(r, "insurance_no", "W999999999"),
    )
    p.line("Emergency contact: ", contact.full(), ", ", P.phone(r, "us"))
    p.line(
        "Dx: ",
        T.icd(r),
        ", ",
        T.icd(r),
        "    Visit: ",
        T.plain_date(r, 3),
        "    Copay ",
        T.amount(r, "$"),
    )
    p.line("Notes: BP 128/82, wt ", T.size(r), "; allergic to penicillin.")
    return p


def rental_ie(r: Random, v: int) -> Page:
    """An Irish rental application."""
    me, ref = P.people(r, 2, "en")
    p = Page()
    p.line("Make this rental application sound more professional:\n")
    p.add(
        "Hi, I'm ",
        me.full(),
        " and I'm applying for the 2-bed on ",
        Look("place", "Griffith Avenue"),
        " (listing ",
        T.order(r),
        "). I work at ",
        T.company(r),
        " and my PPSN is ",
        I.ie_ppsn(r),
        ". Currently living at ",
        G.address(r, "ie"),
        ".\n",
    )
    p.add(
        "Deposit can be paid from ",
        I.iban(r, "IE"),
        ". Reference: ",
        ref.full(),
        ", my current landlord, ",
        P.phone(r, "ie"),
        " or ",
        P.email(r, ref, "en"),
        ".\n",
    )
    p.add(
        "Viewing on ",
        T.plain_date(r, 3),
        " suits. ",
        "My partner " if v else "My sister ",
        P.person(r).full(),
        " would move in too.\nThanks, ",
        me.first(),
        " — ",
        P.phone(r, "ie"),
        "\n",
    )
    return p


def ch_at_insurance(r: Random, v: int) -> Page:
    """A Swiss or Austrian insurance note."""
    me = P.person(r, "de")
    born = I.birth_date(r)
    p = Page()
    p.line("Fasse diese Notiz für die Versicherung zusammen:\n")
    if v == 0:
        p.add(
            "Versicherte Person: ",
            me.full(),
            ", geb. ",
            I.dob_val(born, "dmy."),
            ", AHV-Nr. ",
            I.ch_ahv(r),
            ", wohnhaft ",
            G.address(r, "ch"),
            ". Police ",
            T.invoice(r),
            ".\n",
        )
        p.add(
            "Unfall am ",
            T.plain_date(r, 0),
            " bei ",
            T.place(r),
            ", Fahrzeug ",
            I.plate(r, "CH"),
            ". Rückruf unter ",
            P.phone(r, "ch"),
            ". Auszahlung auf ",
            I.iban(r, "CH"),
            ".\n",
        )
    else:
        p.add(
            "Versicherte/r: ",
            me.full(),
            ", SV-Nr. ",
            I.at_svnr(r, born),
            " (geb. ",
            I.dob_val(born, "dmy."),
            "), ",
            G.address(r, "at"),
            ". Schadensfall ",
            T.ticket(r),
            ".\n",
        )
        p.add(
            "Fahrzeug ",
            I.plate(r, "AT"),
            ", Unfallort ",
            G.geo_pair(r),
            ". Tel. ",
            P.phone(r, "at"),
            ", Konto ",
            I.iban(r, "AT"),
            ".\n",
        )
    p.add("Schadenssumme laut Gutachten: ", T.amount(r), " (", T.maths(r), ")\n")
    return p


def eu_ids(r: Random, v: int) -> Page:
    """Identity numbers from neighbouring countries pasted into an English or German request."""
    me = P.person(r, ("nl", "pt", "pl")[v])
    born = I.birth_date(r)
    female = r.random() < 0.5
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
            I.dob_val(born, "dmy-"),
            "\nBSN: ",
            I.nl_bsn(r),
            "\nAdres: ",
            G.address(r, "nl"),
            "\nIBAN: ",
            I.iban(r, "NL"),
            "\nBelgisch rijksregisternummer (partner): ",
            I.be_nn(r, I.birth_date(r)),
            "\n",
        )
    elif v == 1:
        p.add(
            "Nome: ",
            me.full(),
            "\nData de nascimento: ",
            I.dob_val(born, "dmy/"),
            "\nNIF: ",
            I.pt_nif(r),
            "\nMorada: ",
            G.address(r, "pt"),
            "\nIBAN: ",
            I.iban(r, "PT"),
            "\nTelemóvel: ",
            P.phone(r, "pt"),
            "\n",
        )
    else:
        p.add(
            "Imię i nazwisko: ",
            me.full(),
            "\nData urodzenia: ",
            I.dob_val(born, "dmy."),
            "\nPESEL: ",
            I.pl_pesel(r, born, female),
            "\nIBAN: ",
            I.iban(r, "PL"),
            "\nE-mail: ",
            P.email(r, me, "en"),
            "\n",
        )
    p.add("Reference ", T.ticket(r), ", submitted ", T.plain_date(r, 1), "\n")
    return p


def pan_email(r: Random, v: int) -> Page:
    """An English e-mail about Indian tax details."""
    me, ca = P.people(r, 2, "in")
    born = I.birth_date(r)
    p = Page()
    p.line("Polish this email to my CA:\n")
    p.add(
        "Dear ",
        ca.first(),
        " ji,\nPlease find my details for the ITR: PAN ",
        I.in_pan(r, me),
        ", DOB ",
        I.dob_val(born, "dmy/"),
        ", name as per PAN ",
        me.upper_family(),
        ". Form 16 from ",
        T.company(r),
        " shows TDS of ",
        Look("amount", f"₹{r.randint(10, 99)},{r.randint(100, 999)}"),
        ".\n",
    )
    p.add(
        "I now live in ",
        Look("place", "Dublin"),
        " (",
        G.address(r, "ie"),
        ") so please send docs to ",
        P.email(r, me, "en"),
        " or WhatsApp ",
        P.phone(r, "ie"),
        ".\n",
    )
    p.add("The ack no. of last year's return was ", T.order(r), ".\nRegards,\n", me.full(), "\n")
    return p


def passport_scan(r: Random, v: int) -> Page:
    """OCR of a passport data page with its machine-readable zone."""
    country = ("DE", "ES", "FR", "IT", "GB", "US")[v]
    loc = {"DE": "de", "ES": "es", "FR": "fr", "IT": "it", "GB": "en", "US": "en"}[country]
    me = P.person(r, loc)
    born = I.birth_date(r)
    female = r.random() < 0.5
    name, rest, line2 = I.mrz(r, me, country, born, female)
    code = {"DE": "D<<", "ES": "ESP", "FR": "FRA", "IT": "ITA", "GB": "GBR", "US": "USA"}[country]
    p = Page()
    p.line("The OCR of my passport scan is messy; extract the fields as JSON:\n")
    p.line("PASSPORT / PASS / PASAPORTE / PASSEPORT")
    p.line("Surname / Nom: ", me.last())
    p.line("Given names / Prénoms: ", me.first())
    p.line("Date of birth: ", I.dob_val(born, "en_d"), "   Sex: ", "F" if female else "M")
    p.line(
        "Date of issue: ",
        T.plain_date(r, 4),
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
    me = P.person(r, loc)
    p = Page()
    p.line(("Clasifica estos movimientos por categoría:", "Ordne die Buchungen Kategorien zu:")[v])
    p.line(("Titular: ", "Kontoinhaber: ")[v], me.full(), " — ", I.iban(r, ("ES", "DE")[v]))
    for _ in range(5):
        other = P.person(r)
        kind = r.randrange(4)
        p.add(T.plain_date(r, 0), " | ")
        if kind == 0:
            p.add(
                ("TRANSFERENCIA A ", "ÜBERWEISUNG AN ")[v],
                other.upper_family(),
                " ",
                I.iban(r, r.choice(("ES", "DE", "FR", "IT"))),
            )
        elif kind == 1:
            p.add(("COMPRA TARJ. ", "KARTENZAHLUNG ")[v], T.company(r), " ", T.order(r))
        elif kind == 2:
            p.add(
                ("BIZUM DE ", "GUTSCHRIFT ")[v],
                other.full(),
                " ",
                P.phone(r, loc) if v == 0 else I.iban(r, "DE"),
            )
        else:
            p.add(
                ("RECIBO ", "LASTSCHRIFT ")[v],
                T.company(r),
                (" ref. ", " Mandat ")[v],
                T.invoice(r),
            )
        p.line(" | ", T.amount(r))
    return p


def itinerary(r: Random, v: int) -> Page:
    """A travel booking confirmation."""
    a, b = P.people(r, 2)
    p = Page()
    p.line("Make a day-by-day plan from this booking:\n")
    p.line(
        "Booking confirmation ",
        Look(
            "booking_ref", "".join(r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(6))
        ),
    )
    for who in (a, b):
        born = I.birth_date(r)
        p.line(
            "Passenger: ",
            who.upper_family() if v else who.full(),
            "  DOB ",
            I.dob_val(born, "en_d"),
            "  Passport ",
            I.passport_no(r, r.choice(("DE", "ES", "FR", "IT", "GB"))),
        )
    p.line(
        "Flight ",
        T.flight(r),
        " ",
        T.plain_date(r, 4),
        " dep ",
        Look("time", f"{r.randint(6, 22):02d}:{r.randint(0, 59):02d}"),
        " ",
        T.place(r),
    )
    p.line("Hotel: ", T.company(r), " Suites, near ", T.place(r), ", conf. ", T.order(r))
    p.line("Contact: ", P.email(r, a), ", ", P.phone(r, r.choice(("de", "es", "it", "fr"))))
    p.line("Paid with ", I.card(r), ", total ", T.amount(r))
    return p


def medical_fr(r: Random, v: int) -> Page:
    """A French discharge letter."""
    pat, doc = P.people(r, 2, "fr")
    born = I.birth_date(r)
    female = r.random() < 0.5
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
        I.dob_val(born, "dmy/"),
        "\nNIR : ",
        I.fr_nir(r, born, female),
        "\nAdresse : ",
        G.address(r, "fr"),
        "\n\n",
    )
    p.add(
        "Admis",
        "e" if female else "",
        " le ",
        T.plain_date(r, 2),
        " pour douleur thoracique. Troponine ",
        Look("lab", f"{r.randint(10, 90)} ng/L"),
        ". Diagnostic ",
        T.icd(r),
        ". Traitement : bisoprolol ",
        Look("dose", "2,5 mg"),
        ".\n",
    )
    p.add(
        "Médecin traitant : Dr ",
        doc.full(),
        ", RPPS ",
        I.member_no(r, "rpps", "10999999999"),
        ", tél. ",
        P.phone(r, "fr"),
        ".\n",
    )
    if v:
        p.add("Personne de confiance : ", P.person(r, "fr").full(), " (", P.phone(r, "fr"), ")\n")
    return p


def medical_de(r: Random, v: int) -> Page:
    """A German doctor's letter."""
    pat, doc = P.people(r, 2, "de")
    born = I.birth_date(r)
    p = Page()
    p.line("Was bedeutet dieser Arztbrief?\n")
    p.add(
        "Sehr geehrte Frau Kollegin ",
        doc.last(),
        ",\nwir berichten über ",
        "Herrn " if v else "Frau ",
        pat.full(),
        ", geb. am ",
        I.dob_val(born, "dmy."),
        ", wohnhaft ",
        G.address(r, "de"),
        ", versichert bei der ",
        Look("company", "AOK Bayern"),
        " (Vers.-Nr. ",
        I.de_kvnr(r),
        ").\n\n",
    )
    p.add(
        "Diagnosen: ",
        T.icd(r),
        ", ",
        T.icd(r),
        "\nStationärer Aufenthalt vom ",
        T.plain_date(r, 0),
        " bis ",
        T.plain_date(r, 0),
        ".\nMedikation: Ramipril ",
        Look("dose", "5 mg"),
        " 1-0-0, HbA1c ",
        Look("lab", "7,2 %"),
        ".\n",
    )
    p.add(
        "Rückfragen gerne unter ",
        P.phone(r, "de"),
        ".\nMit kollegialen Grüßen\n",
        P.person(r, "de").full(),
        ", Oberarzt\n",
    )
    return p


def car_insurance_it(r: Random, v: int) -> Page:
    """An Italian accident report (CID)."""
    a, b = P.people(r, 2, "it")
    born = I.birth_date(r)
    p = Page()
    p.line("Scrivi la descrizione del sinistro per l'assicurazione partendo da qui:\n")
    p.add(
        "Veicolo A: ",
        T.model(r),
        " targa ",
        I.plate(r, "IT"),
        ", conducente ",
        a.full(),
        " (C.F. ",
        I.it_cf(a, born, False, r),
        "), patente ",
        I.member_no(r, "it_patente", "AA9999999A"),
        "\n",
    )
    p.add(
        "Veicolo B: targa ",
        I.plate(r, r.choice(("IT", "FR", "DE"))),
        ", conducente ",
        b.full(),
        ", tel. ",
        P.phone(r, "it"),
        "\n",
    )
    if v:
        la, lo = G.geo_split(r)
        p.add("Luogo (dal navigatore): lat ", la, " lon ", lo, "\n")
    else:
        p.add("Luogo: ", G.geo_pair(r), ", incrocio con ", Look("place", "Piazza Cavour"), "\n")
    p.add(
        "Data ",
        T.plain_date(r, 2),
        " ore ",
        Look("time", "18:40"),
        ". Danni stimati ",
        T.amount(r),
        ". Polizza ",
        T.invoice(r),
        ".\n",
    )
    return p


def parking_fine_fr(r: Random, v: int) -> Page:
    """A French parking fine contested by the owner."""
    me = P.person(r, "fr")
    p = Page()
    p.line("Aide-moi à contester cet avis de contravention :\n")
    p.add(
        "Avis n° ",
        T.invoice(r),
        " — ",
        T.timestamp(r),
        "\nVéhicule immatriculé ",
        I.plate(r, "FR"),
        " (",
        T.model(r),
        ")\nLieu : ",
        G.geo_pair(r) if v else G.address(r, "fr"),
        "\n",
    )
    p.add("Montant : ", T.amount(r), ", article ", T.ref_law(r), "\n\n")
    p.add(
        "Titulaire : ",
        me.upper_family(),
        ", ",
        G.address(r, "fr"),
        ". Au moment des faits le véhicule était conduit par ",
        P.person(r, "fr").full(),
        ", permis n° ",
        I.member_no(r, "fr_permis", "999999999999"),
        ".\n",
    )
    return p


def delivery_app(r: Random, v: int) -> Page:
    """A courier app job sheet (Spanish)."""
    rider, cust = P.people(r, 2, "es")
    p = Page()
    p.line("¿Por qué la app marcó este pedido como fallido?\n")
    p.add(
        "Pedido ",
        T.order(r),
        " · ",
        T.timestamp(r),
        "\nRepartidor: ",
        rider.first(),
        " (ID ",
        T.uuid(r),
        ")\n",
    )
    p.add(
        "Cliente: ", cust.full(), " · ", P.phone(r, "es"), "\nEntrega: ", G.address(r, "es"), "\n"
    )
    if v:
        la, lo = G.geo_split(r)
        p.add('Última posición: {"lat": ', la, ', "lng": ', lo, "}\n")
    else:
        p.add("Punto de entrega GPS: ", G.geo_pair(r), "\n")
    p.add(
        'Nota del cliente: "llamad a ',
        cust.lower(),
        " al ",
        P.phone(r, "es"),
        ', el timbre no va"\n',
    )
    p.add("Distancia ", T.size(r), ", SKU ", T.sku(r), ", app ", T.version(r), "\n")
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
    (passport_scan, 6),
    (bank_statement, 2),
    (itinerary, 2),
    (medical_fr, 2),
    (medical_de, 2),
    (car_insurance_it, 2),
    (parking_fine_fr, 2),
    (delivery_app, 2),
)
