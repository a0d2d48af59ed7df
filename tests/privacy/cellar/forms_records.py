"""Forms, records and paperwork."""

# ruff: noqa: E501  (prose templates read best unbroken)

from __future__ import annotations

from . import ids as I  # noqa: N812
from . import people as P  # noqa: N812
from . import traps as X  # noqa: N812
from .build import B, T, V, wrap

LANG = {
    "de": "de",
    "at": "de",
    "ch": "de",
    "es": "es",
    "fr": "fr",
    "it": "it",
    "uk": "en",
    "ie": "en",
    "us": "en",
    "nl": "en",
    "be": "fr",
}
COUNTRY = {
    "de": "DE",
    "at": "AT",
    "ch": "CH",
    "es": "ES",
    "fr": "FR",
    "it": "IT",
    "uk": "GB",
    "ie": "IE",
    "us": "GB",
    "nl": "NL",
    "be": "BE",
}
ADDR_LOC = {"nl": "de", "be": "fr"}


def patient_intake(b: B) -> None:
    """A clinic intake form copied from a PDF, labels and values out of line."""
    r = b.r
    v = b.variant(4)
    loc = ("de", "uk", "it", "fr")[v]
    p = P.anyone(r)
    labels = {
        0: (
            "Patientenaufnahme",
            "Name, Vorname",
            "Geburtsdatum",
            "Versichertennummer",
            "Anschrift",
            "Telefon",
            "Hausarzt",
        ),
        1: (
            "Patient registration",
            "Surname, forename",
            "Date of birth",
            "NHS number",
            "Address",
            "Tel",
            "GP",
        ),
        2: (
            "Scheda paziente",
            "Cognome e nome",
            "Data di nascita",
            "Codice fiscale",
            "Indirizzo",
            "Tel.",
            "Medico curante",
        ),
        3: (
            "Fiche patient",
            "Nom, prénom",
            "Date de naissance",
            "N° de sécurité sociale",
            "Adresse",
            "Tél.",
            "Médecin traitant",
        ),
    }[v]
    ident = (I.kvnr, I.nhs, I.codice_fiscale, I.nir)[v](r)
    b.add(
        labels[0],
        "  —  ",
        T("form_code", f"Form {r.choice('ABCDK')}{r.randint(10, 99)}/{r.randint(1, 9)}"),
        "\n\n",
    )
    b.add(
        labels[1], ":   ", V("name", f"{p.last}, {p.first}" if p.last else p.first, P.PERSON), "\n"
    )
    b.add(labels[2], ":\n", I.dob(r, LANG[loc]), "\n")
    b.add(labels[3], ": ", ident, "\n")
    b.add(labels[4], ":  ", P.address(r, loc, "\n   "), "\n")
    b.add(labels[5], ": ", P.phone(r, loc), "     ", "E-Mail: ", P.email(r, p), "\n")
    b.add(labels[6], ": Dr. ", P.name(P.anyone(r), "last"), "\n\n")
    b.add(
        "Allergien / allergies: ",
        T("word", r.choice(["Penicillin", "none", "nessuna", "aucune", "Latex"])),
        "\n",
    )
    b.add(
        "Dosage: ",
        T("measure", f"{r.randint(1, 3)}x {r.choice([5, 10, 20, 40])} mg"),
        " · Lot ",
        X.sku(r),
        "\n",
    )
    b.add(
        "Seite 1/2 " if v == 0 else "Page 1 of 2 ",
        T("form_code", f"v{r.randint(1, 9)}.{r.randint(0, 9)}"),
        "\n",
    )


def csv_export(b: B) -> None:
    """A CSV export of a customer table, semicolon or comma separated."""
    r = b.r
    v = b.variant(3)
    sep = (";", ",", "\t")[v]
    head = [
        ("Kundennr", "Name", "E-Mail", "Telefon", "IBAN", "Bestellung", "Betrag"),
        ("customer_id", "full_name", "email", "phone", "iban", "last_order", "total"),
        ("id_cliente", "nombre", "correo", "telefono", "iban", "pedido", "importe"),
    ][v]
    b.add(sep.join(head), "\n")
    limit = r.randint(700, 2900)
    while len(b) < limit:
        loc = r.choice(("de", "at", "es", "it", "fr", "uk", "ie", "nl", "be"))
        p = P.anyone(r)
        cells: list[str | V | T] = [
            V("customer_id", f"C{I.digits(r, 7)}", I.ID),
            P.name(p, "full"),
            P.email(r, p),
            P.phone(r, "uk" if loc in ("nl", "be") else loc),
            I.iban(r, COUNTRY[loc]),
            X.order(r),
            X.price(r),
        ]
        for i, cell in enumerate(cells):
            quote = '"' if v == 1 and i in (1, 6) else ""
            b.add(quote, cell, quote, sep if i < len(cells) - 1 else "\n")


def tax_form(b: B) -> None:
    """Fields of a tax return copied from a web portal."""
    r = b.r
    v = b.variant(4)
    loc = ("de", "it", "es", "fr")[v]
    p, q = P.person(r, ("de", "it", "es", "fr")[v]), P.person(r, ("de", "it", "es", "fr")[v])
    head = (
        "Einkommensteuererklärung ⟪y⟫ – Anlage Kind",
        "Modello 730/⟪y⟫ – Familiari a carico",
        "Renta ⟪y⟫ – Descendientes",
        "Déclaration des revenus ⟪y⟫ – Personnes à charge",
    )[v]
    b.f(head + "\n", y=T("year", str(r.randint(2023, 2025))))
    idm = (I.steuer_id, I.codice_fiscale, I.dni, I.nir)[v]
    rows = (
        ("Steuerpflichtige/r", "Identifikationsnummer", "geboren am"),
        ("Dichiarante", "Codice fiscale", "nato/a il"),
        ("Declarante", "NIF", "fecha de nacimiento"),
        ("Déclarant", "N° fiscal", "né(e) le"),
    )[v]
    for who in (p, q):
        b.add(
            rows[0], " .......... ", P.name(who, "upper"), "\n", rows[1], " ...... ", idm(r), "\n"
        )
        b.add(rows[2], " ....... ", I.dob(r, LANG[loc]), "\n")
    for _ in range(r.randint(1, 3)):
        kid = P.person(r, ("de", "it", "es", "fr")[v])
        b.add(
            "  • ",
            P.name(kid, "first"),
            " ",
            P.name(kid, "last"),
            " – ",
            idm(r),
            " – ",
            I.dob(r, LANG[loc]),
            "\n",
        )
    b.add("Bankverbindung / IBAN: ", I.iban(r, COUNTRY[loc]), "\n")
    b.add(
        "Zeile ", T("form_line", str(r.randint(10, 99))), ": ", X.price(r), " ; ", X.maths(r), "\n"
    )
    b.add(
        "Übermittelt ",
        X.stamp(r),
        " — Transferticket ",
        T("ticket", f"et{r.randint(10, 99)}{I.digits(r, 8)}"),
        "\n",
    )


def rental_application(b: B) -> None:
    """A tenancy application with references and previous landlord."""
    r = b.r
    v = b.variant(4)
    loc = ("uk", "de", "es", "ie")[v]
    p = P.anyone(r)
    lang = LANG[loc]
    labels = {
        "en": (
            "Applicant",
            "Current address",
            "Date of birth",
            "Mobile",
            "Employer",
            "Previous landlord",
            "ID",
        ),
        "de": (
            "Mietinteressent/in",
            "Aktuelle Anschrift",
            "Geburtsdatum",
            "Mobil",
            "Arbeitgeber",
            "Vorvermieter",
            "Ausweis",
        ),
        "es": (
            "Solicitante",
            "Domicilio actual",
            "Fecha de nacimiento",
            "Móvil",
            "Empresa",
            "Casero anterior",
            "Documento",
        ),
    }[lang]
    b.add(
        labels[0],
        ": ",
        P.name(p),
        "\n",
        labels[1],
        ": ",
        P.address(r, loc),
        "\n",
        labels[2],
        ": ",
        I.dob(r, lang),
        "\n",
    )
    b.add(
        labels[3],
        ": ",
        P.phone(r, loc),
        "\n",
        labels[4],
        ": ",
        X.brand(r),
        " (since ",
        X.day(r, lang),
        ")\n",
    )
    b.add(labels[5], ": ", P.name(P.anyone(r), "initial"), ", ", P.phone(r, loc), "\n")
    ident = {"uk": I.nino, "de": I.steuer_id, "es": I.dni, "ie": I.ppsn}[loc](r)
    b.add(labels[6], ": ", ident, "\n")
    if loc == "de":
        b.add("Personalausweis-/Passnr.: ", V("passport", I.passport_no(r), I.ID), "\n")
    b.add("Monthly rent offered: ", X.price(r), "; deposit ref ", X.invoice(r), "\n")
    b.f(
        "\nNotes: viewing on ⟪d⟫ at ⟪pl⟫ station, ask for ⟪n⟫. Car: ⟪pl8⟫.\n",
        d=X.day(r, lang),
        pl=X.place(r),
        n=P.name(P.anyone(r), "first"),
        pl8=I.plate(r, {"uk": "uk", "de": "de", "es": "es", "ie": "uk"}[loc]),
    )


def school_letter(b: B) -> None:
    """A school enrolment or report letter to parents."""
    r = b.r
    v = b.variant(4)
    loc = ("fr", "it", "de", "es")[v]
    kid, parent = P.anyone(r), P.anyone(r)
    text = {
        0: "Collège ⟪pl⟫ – Année scolaire ⟪y⟫\n\nMadame, Monsieur ⟪par⟫,\n\nNous confirmons l'inscription de votre enfant ⟪k⟫, né(e) le ⟪dob⟫, en classe de 5e B. Numéro INE : ⟪ine⟫.\nContact : ⟪e⟫ / ⟪ph⟫. Domicile déclaré : ⟪a⟫.\n\nLa principale, ⟪pr⟫\n",
        1: "Istituto Comprensivo ⟪pl⟫ – A.S. ⟪y⟫\n\nGentile ⟪par⟫,\n\nsi conferma l'iscrizione di ⟪k⟫, nato/a il ⟪dob⟫, alla classe 2ªA. Matricola ⟪ine⟫.\nRecapiti: ⟪e⟫ – ⟪ph⟫. Residenza: ⟪a⟫.\n\nLa Dirigente Scolastica, ⟪pr⟫\n",
        2: "⟪pl⟫ · Schuljahr ⟪y⟫\n\nSehr geehrte/r ⟪par⟫,\n\nhiermit bestätigen wir die Aufnahme von ⟪k⟫ (geb. ⟪dob⟫) in die Klasse 7c. Schülernummer ⟪ine⟫.\nKontakt: ⟪e⟫, ⟪ph⟫. Wohnort: ⟪a⟫.\n\nMit freundlichen Grüßen\n⟪pr⟫, Schulleitung\n",
        3: "Colegio ⟪pl⟫ – Curso ⟪y⟫\n\nEstimada familia de ⟪par⟫:\n\nConfirmamos la matrícula de ⟪k⟫, nacido/a el ⟪dob⟫, en 3º de Primaria. Nº de alumno ⟪ine⟫.\nContacto: ⟪e⟫ / ⟪ph⟫. Domicilio: ⟪a⟫.\n\nLa directora, ⟪pr⟫\n",
    }[v]
    b.f(
        text,
        pl=X.place(r),
        y=T("school_year", f"{r.randint(2024, 2025)}/{r.randint(25, 26)}"),
        par=P.name(parent, "last"),
        k=P.name(kid),
        dob=I.dob(r, LANG[loc]),
        ine=V(
            "student_id", f"{I.digits(r, 9)}{r.choice('ABCDEFGHJK')}{r.choice('ABCDEFGHJK')}", I.ID
        ),
        e=P.email(r, parent),
        ph=P.phone(r, loc),
        a=P.address(r, loc),
        pr=P.name(P.anyone(r), "initial"),
    )
    b.add("\nRéf./Rif./Az. ", X.invoice(r), " · Kalender: ", X.day(r, LANG[loc]), "\n")


def bank_transfer(b: B) -> None:
    """A SEPA transfer confirmation and a question about it."""
    r = b.r
    v = b.variant(5)
    loc = ("de", "es", "fr", "it", "at")[v]
    a, c = P.anyone(r), P.anyone(r)
    q = (
        "Warum ist diese Überweisung noch nicht da?",
        "¿Por qué no ha llegado esta transferencia?",
        "Pourquoi ce virement n'est-il pas arrivé ?",
        "Perché questo bonifico non è arrivato?",
        "Wieso ist die Überweisung noch offen?",
    )[v]
    b.add(q, "\n\n")
    b.add("Auftraggeber / Ordenante / Donneur d'ordre: ", P.name(a, "upper"), "\n")
    b.add(
        "IBAN: ",
        I.iban(r, COUNTRY[loc]),
        "   BIC: ",
        T(
            "bic",
            r.choice(["COBADEFFXXX", "BSCHESMMXXX", "BNPAFRPPXXX", "UNCRITMMXXX", "BKAUATWWXXX"]),
        ),
        "\n",
    )
    b.add(
        "Empfänger / Beneficiario: ",
        P.name(c),
        "\n",
        "IBAN: ",
        I.iban(r, r.choice(list(I.IBAN_SHAPE))),
        "\n",
    )
    b.add("Betrag: ", X.price(r), "   Ausführung: ", X.day(r, LANG[loc]), "\n")
    b.add("Verwendungszweck: ", X.invoice(r), " Miete ", P.name(c, "last"), "\n")
    b.add(
        "End-to-End-Ref.: ",
        X.uid(r),
        "\nTransaktions-ID: ",
        T("transaction_id", I.digits(r, 12)),
        "\n",
    )
    if r.random() < 0.6:
        b.add(
            "\nKarte für Rückbuchung: ",
            I.card(r),
            " (gültig ",
            T("card_expiry", f"{r.randint(1, 12):02d}/{r.randint(27, 31)}"),
            ")\n",
        )


def travel_booking(b: B) -> None:
    """A booking confirmation with passenger data and a passport MRZ."""
    r = b.r
    v = b.variant(3)
    nat, loc = (("D<<", "de"), ("ESP", "es"), ("ITA", "it"))[v]
    p = P.person(r, ("de", "es", "it")[v])
    born = I.dob_date(r)
    number = I.passport_no(r)
    b.add(
        "Booking ",
        T("booking_ref", "".join(r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(6))),
        " – ",
        X.flight(r),
        " ",
        X.day(r, LANG[loc]),
        " ",
        X.place(r),
        " → ",
        X.place(r),
        "\n\n",
    )
    b.add(
        "Passenger 1: ", P.name(p, "upper"), " (ADT)\nDate of birth: ", I.dob(r, "en", born), "\n"
    )
    b.add(
        "Passport no.: ",
        V("passport", number, I.ID),
        " · Nationality ",
        T("country_code", nat.replace("<", "")),
        "\n",
    )
    b.add("Phone: ", P.phone(r, loc), " · ", P.email(r, p), "\n\nScan of passport (MRZ):\n")
    surname = P.ascii_fold(p.last).upper().replace(" ", "<")[:20] or "X"
    given = P.ascii_fold(p.first).upper().replace(" ", "<")[:15] or "X"
    b.add(
        "P<",
        T("country_code", nat),
        V("mrz_name", f"{surname}<<{given}", P.PERSON),
        "<" * max(0, 39 - len(surname) - len(given) - 2 - 3),
        "\n",
    )
    b.add(I.mrz_line2(r, number, nat, born, r.choice("MF")), "\n\n")
    b.add(
        "Seat ",
        T("seat", f"{r.randint(1, 40)}{r.choice('ABCDEF')}"),
        ", bag ",
        T("measure", "23 kg"),
        ", fare ",
        X.price(r),
        "\n",
    )


def insurance_claim(b: B) -> None:
    """A car-insurance claim with plates, licence and geo location."""
    r = b.r
    v = b.variant(4)
    loc = ("de", "fr", "it", "es")[v]
    p, q = P.anyone(r), P.anyone(r)
    head = (
        "Schadenmeldung",
        "Déclaration de sinistre",
        "Denuncia di sinistro",
        "Parte de siniestro",
    )[v]
    b.add(head, " ", T("claim_number", f"{r.choice(['SCH', 'SIN', 'CL'])}-{I.digits(r, 8)}"), "\n")
    b.add(
        "Versicherungsnehmer/Assuré/Assicurato/Asegurado: ",
        P.name(p),
        ", ",
        P.address(r, loc),
        "\n",
    )
    b.add("Kennzeichen/Immatriculation/Targa/Matrícula: ", I.plate(r, loc), "\n")
    b.add(
        "Führerschein-Nr./Permis n°: ",
        V(
            "driving_licence",
            f"{r.choice('BCDFGHJKLMNPRSTVWXYZ')}{I.digits(r, 2)}{r.choice('BCDFGHJKLMNPRSTVWXYZ')}{I.digits(r, 6)}{r.choice('ABC')}{I.digits(r, 1)}",
            I.ID,
        ),
        "\n",
    )
    b.add("Unfallort GPS: ", P.geo_pair(r), "\n", "Zeit: ", X.stamp(r), "\n")
    b.add(
        "Gegner / Tiers / Controparte: ",
        P.name(q, "upper"),
        ", Kennzeichen ",
        I.plate(r, r.choice(("de", "fr", "it", "es", "at", "ch", "uk"))),
        ", Tel. ",
        P.phone(r, r.choice(("de", "fr", "it", "es"))),
        "\n",
    )
    b.f(
        "\nHergang: Ich fuhr auf der ⟪pl⟫ Richtung ⟪pl2⟫, ca. ⟪m⟫, als der ⟪br⟫ von rechts kam. Zeuge: ⟪w⟫ (⟪ph⟫).\n",
        pl=X.place(r),
        pl2=X.place(r),
        m=T("measure", f"{r.randint(20, 70)} km/h"),
        br=X.brand(r),
        w=P.name(P.anyone(r)),
        ph=P.phone(r, loc),
    )


def invoice_pdf(b: B) -> None:
    """Text pulled out of an invoice PDF: columns collapsed, words broken."""
    r = b.r
    v = b.variant(3)
    loc = ("de", "it", "fr")[v]
    cust = P.anyone(r)
    b.add(
        X.brand(r),
        " GmbH  ·  ",
        X.place(r),
        "\n",
        "Rechnung Nr. " if v == 0 else "Fattura n. " if v == 1 else "Facture n° ",
        X.invoice(r),
        "\n",
    )
    b.add("Kunde:\n", P.name(cust), "\n", P.address(r, loc, "\n"), "\n")
    b.add(
        "Kd-Nr ",
        V("customer_id", f"{I.digits(r, 6)}", I.ID),
        "   Datum ",
        X.day(r, LANG[loc]),
        "\n\n",
    )
    b.add("Pos  Art.-Nr.          Bezeichnung               Menge   Preis\n")
    for i in range(r.randint(3, 12)):
        b.add(
            f"{i + 1:<4} ",
            X.sku(r),
            "   ",
            r.choice(["Schraube M6", "Toner", "Kabel 2m", "Licenza", "Service"]),
            "      ",
            T("quantity", str(r.randint(1, 40))),
            "   ",
            X.price(r),
            "\n",
        )
    b.add("\nZahlbar an IBAN ", wrap(I.iban(r, COUNTRY[loc]), r), " Ref. ", X.order(r), "\n")
    b.add("Ansprech-\npartner: ", P.name(P.anyone(r)), " Durchwahl ", P.phone(r, loc), "\n")
    b.add("Seite ", T("page", "1"), " von ", T("page", "1"), " · ", X.sha(r, 8), "\n")


def medical_report(b: B) -> None:
    """A discharge letter or lab report with a patient block and readings."""
    r = b.r
    v = b.variant(4)
    loc = ("de", "it", "uk", "ch")[v]
    p = P.anyone(r)
    doc = P.anyone(r)
    born = I.dob_date(r)
    ident = (I.kvnr(r), I.codice_fiscale(r, born), I.nhs(r), I.ahv(r))[v]
    intro = ("Entlassungsbrief", "Lettera di dimissione", "Discharge summary", "Austrittsbericht")[
        v
    ]
    b.add(intro, "\n\nPatient: ", P.name(p), ", * ", I.dob(r, LANG[loc], born), "\n", ident, "\n\n")
    b.add(
        "Sehr geehrte Frau Kollegin, sehr geehrter Herr Kollege,\n"
        if v in (0, 3)
        else "Dear colleague,\n"
    )
    b.f(
        "wir berichten über ⟪n⟫, die/der vom ⟪d1⟫ bis ⟪d2⟫ stationär behandelt wurde. Labor: Hb ⟪m1⟫, CRP ⟪m2⟫. "
        "Medikation bei Entlassung siehe Plan ⟪sku⟫. Angehörige: ⟪rel⟫ (⟪ph⟫).\n",
        n=P.name(p, "initial"),
        d1=X.day(r, LANG[loc]),
        d2=X.day(r, LANG[loc]),
        m1=T("measure", f"{r.randint(9, 16)},{r.randint(0, 9)} g/dl"),
        m2=T("measure", f"{r.randint(1, 80)} mg/l"),
        sku=X.sku(r),
        rel=P.name(P.anyone(r)),
        ph=P.phone(r, loc),
    )
    b.add(
        "\nMit kollegialen Grüßen\n",
        "Dr. med. ",
        P.name(doc),
        "\nOberärztin/Oberarzt Innere Medizin\n",
    )
    b.add("Befund-ID ", X.uid(r), "\n")


def legal_contract(b: B) -> None:
    """The parties clause of a contract."""
    r = b.r
    v = b.variant(4)
    loc = ("es", "it", "fr", "de")[v]
    a, c = P.person(r, ("es", "it", "fr", "de")[v]), P.anyone(r)
    text = {
        0: "CONTRATO DE ARRENDAMIENTO\n\nEn ⟪pl⟫, a ⟪d⟫.\n\nREUNIDOS\n\nDe una parte, D./Dña. ⟪a⟫, mayor de edad, con DNI ⟪ia⟫, nacido/a el ⟪ba⟫ y domicilio en ⟪aa⟫.\n\nDe otra parte, D./Dña. ⟪c⟫, con NIE ⟪ic⟫, domicilio en ⟪ac⟫, teléfono ⟪ph⟫.\n\nLa renta mensual será de ⟪pr⟫, a ingresar en la cuenta ⟪ib⟫ (cláusula ⟪cl⟫).\n",
        1: 'CONTRATTO DI LOCAZIONE\n\nTra il Sig./la Sig.ra ⟪a⟫, nato/a il ⟪ba⟫, C.F. ⟪ia⟫, residente in ⟪aa⟫ (di seguito "Locatore")\ne\n⟪c⟫, C.F. ⟪ic⟫, residente in ⟪ac⟫, tel. ⟪ph⟫ (di seguito "Conduttore"),\nstipulato a ⟪pl⟫ il ⟪d⟫.\n\nCanone: ⟪pr⟫ su IBAN ⟪ib⟫ (art. ⟪cl⟫).\n',
        2: "BAIL D'HABITATION\n\nEntre les soussignés :\n⟪a⟫, né(e) le ⟪ba⟫, n° de sécurité sociale ⟪ia⟫, demeurant ⟪aa⟫, ci-après « le bailleur »,\net ⟪c⟫, n° ⟪ic⟫, demeurant ⟪ac⟫, tél. ⟪ph⟫, ci-après « le locataire ».\nFait à ⟪pl⟫, le ⟪d⟫. Loyer : ⟪pr⟫, IBAN ⟪ib⟫ (article ⟪cl⟫).\n",
        3: "MIETVERTRAG\n\nzwischen\n⟪a⟫, geb. ⟪ba⟫, Steuer-ID ⟪ia⟫, wohnhaft ⟪aa⟫ – Vermieter/in –\nund\n⟪c⟫, Steuer-ID ⟪ic⟫, wohnhaft ⟪ac⟫, Tel. ⟪ph⟫ – Mieter/in –\n\n⟪pl⟫, den ⟪d⟫. Miete ⟪pr⟫ auf ⟪ib⟫ (§ ⟪cl⟫).\n",
    }[v]
    ida, idc = {
        "es": (I.dni, I.dni),
        "it": (I.codice_fiscale, I.codice_fiscale),
        "fr": (I.nir, I.nir),
        "de": (I.steuer_id, I.steuer_id),
    }[loc]
    b.f(
        text,
        pl=X.place(r),
        d=X.day(r, LANG[loc]),
        a=P.name(a),
        ia=ida(r),
        ba=I.dob(r, LANG[loc]),
        aa=P.address(r, loc),
        c=P.name(c),
        ic=idc(r),
        ac=P.address(r, loc),
        ph=P.phone(r, loc),
        pr=X.price(r),
        ib=I.iban(r, COUNTRY[loc]),
        cl=T("clause", f"{r.randint(1, 20)}.{r.randint(1, 9)}"),
    )
    b.add(
        "\nFirmado / Firmato / Signé / Unterschrift: ",
        P.name(a, "initial"),
        "   ",
        P.name(c, "initial"),
        "\n",
    )


def markdown_table(b: B) -> None:
    """A markdown table of a team or guest list, as a tool prints it."""
    r = b.r
    v = b.variant(3)
    heads = (
        "| Name | Phone | Email | Room | Notes |",
        "| Nombre | Teléfono | Correo | Hab. | Notas |",
        "| Nom | Téléphone | Courriel | Salle | Remarques |",
    )[v]
    b.add(heads, "\n|---|---|---|---|---|\n")
    limit = r.randint(600, 2900)
    while len(b) < limit:
        p = P.anyone(r)
        loc = r.choice(("de", "es", "fr", "it", "uk", "us", "ie", "ch"))
        b.add(
            "| ",
            P.name(p, r.choice(["full", "initial", "upper"])),
            " | ",
            P.phone(r, loc),
            " | ",
            P.email(r, p),
            " | ",
            T("room", f"{r.choice('ABC')}{r.randint(1, 4)}.{r.randint(1, 40):02d}"),
            " | ",
            r.choice([X.version(r), X.ticket(r), X.day(r), X.colour(r)]),
            " |\n",
        )


def spreadsheet_paste(b: B) -> None:
    """Cells pasted from a spreadsheet: tabs, blank cells, a totals row."""
    r = b.r
    v = b.variant(3)
    b.add(
        (
            "Mitglied\tMitgliedsnr.\tGeburtstag\tBeitrag\tKonto\n",
            "Socio\tTessera\tNascita\tQuota\tIBAN\n",
            "Member\tMember no\tBirthday\tFee\tAccount\n",
        )[v]
    )
    loc = ("de", "it", "uk")[v]
    limit = r.randint(500, 2400)
    total = 0
    while len(b) < limit:
        p = P.anyone(r)
        fee = r.randint(20, 120)
        total += fee
        b.add(
            P.name(p, "full"),
            "\t",
            V("member_id", f"{r.randint(100, 9999):04d}-{I.digits(r, 2)}", I.ID),
            "\t",
            I.dob(r, LANG[loc]),
            "\t",
            T("amount", str(fee)),
            "\t",
        )
        b.add(I.iban(r, COUNTRY[loc]) if r.random() < 0.7 else "", "\n")
    b.add("\t\t\t", T("amount", str(total)), "\t\n")
