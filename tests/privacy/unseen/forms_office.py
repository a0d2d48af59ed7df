"""Paperwork: CVs, bank statements, invoices, itineraries and boarding passes, rental listings,
letters (for the PDF-extraction form), scanned forms (for the OCR form), plain email."""

from __future__ import annotations

from . import values as v
from .builder import DOB, Ctx, P, X
from .phrases import say


def cv(c: Ctx) -> None:
    p = c.person()
    latex = c.chance(0.5)
    if latex:
        c.line("\\documentclass[11pt]{moderncv}")
        c.line("\\name{", c.name(p, "given"), "}{", c.name(p, "family"), "}")
        c.line("\\address{", c.addr(p), "}")
        c.line("\\phone[mobile]{", c.phone(p), "}")
        c.line("\\email{", c.email(p), "}")
        c.line("\\extrainfo{", c.L("dob"), ": ", c.dob(p), "}")
        if c.chance(0.75):
            lab, nid = c.nid(p)
            c.line("\\extrainfo{", lab, ": ", nid, "}")
        c.line("\\begin{document}\\makecvtitle")
        c.line("\\section{Experience}")
        c.line(
            "\\cventry{2019--",
            c.pick(["today", "2025"]),
            "}{Senior Engineer}{",
            c.x("company"),
            "}{",
            c.x("city"),
            "}{}{Led migration to Kubernetes; cut costs by ",
            c.xamount(),
            "}",
        )
        c.line("\\cventry{2014--2019}{Engineer}{", c.x("company"), "}{", c.x("city"), "}{}{}")
        c.line("\\section{References}")
        r = c.person()
        c.line("\\cvitem{}{", c.name(r, "full"), ", ", c.email(r), ", ", c.phone(r), "}")
        c.line("\\end{document}")
    else:
        c.line("# ", c.name(p, c.pick(["full", "caps"])))
        c.line(c.addr(p), " · ", c.phone(p), " · ", c.email(p))
        c.line(
            "*",
            c.L("born"),
            " ",
            c.dob(p),
            "* · ",
            c.L("passport"),
            " ",
            c.passport(p),
            " (work permit)",
        )
        if c.chance(0.5):
            lab, nid = c.nid(p)
            c.line(lab, ": ", nid)
        c.line()
        c.line("## Experience")
        c.line("- **", c.x("company"), "**, ", c.x("city"), " — Data Engineer (2020–2026)")
        c.line("- **", c.x("company"), "** — Intern; built ETL in Python ", c.x("version"))
        c.line()
        c.line("## Publications")
        c.line("- *Privacy at the edge*, ISBN ", c.x("isbn"))
        c.line()
        c.line("## References")
        r = c.person()
        c.line("- ", c.name(r, c.pick(["full", "initial"])), " (former manager) — ", c.phone(r))


def bank(c: Ctx) -> None:
    p = c.person()
    c.line(
        c.loc(
            [
                "ACCOUNT STATEMENT",
                "Kontoauszug",
                "Extracto de cuenta",
                "Relevé de compte",
                "Estratto conto",
                "Rekeningafschrift",
                "Extrato bancário",
            ]
        ),
        " ",
        c.x("invoice"),
    )
    c.line(c.L("account"), ": ", c.name(p, c.pick(["caps", "full"])))
    c.line(c.addr(p, multiline=True))
    if c.chance(0.75):
        lab, nid = c.nid(p)
        c.line(lab, ": ", nid)
    c.line(
        "IBAN: ", c.iban(p), "   BIC: ", c.pick(["DEUTDEFF", "BSCHESMM", "INGBNL2A", "BNPAFRPP"])
    )
    c.line()
    c.line(f"{c.L('date'):<12}{'Description':<52}Amount")
    for _ in range(c.rng.randint(4, 6)):
        kind = c.rng.random()
        c.add(c.xdate(), "  ")
        if kind < 0.3:
            q = c.person()
            c.add("SEPA transfer ", c.name(q, c.pick(["caps", "full"])), " ", c.iban(q))
        elif kind < 0.5:
            c.add("Card **** ", v.pattern(c.rng, "####"), " ", c.x("company"))
        elif kind < 0.7:
            c.add("Direct debit ", c.x("company"), " ref ", c.x("order"))
        else:
            c.add("Standing order rent ", c.x("city"))
        c.add("  ", c.xamount(), "\n")
    c.line()
    c.line(c.L("balance"), ": ", c.xamount())


def invoice(c: Ctx) -> None:
    buyer = c.person()
    seller = c.person()
    c.line(c.L("invoice").upper(), " ", c.x("invoice"), " — ", c.xdate())
    c.line(
        c.x("company"),
        " · ",
        c.addr(),
        " · VAT ",
        X("vat", c.pick(["DE", "FR", "ES", "NL"]) + v.pattern(c.rng, "#########")),
    )
    c.line()
    c.line(c.L("customer"), ": ", c.name(buyer, c.pick(["full", "caps"])))
    c.line(c.addr(buyer, multiline=True))
    c.line(c.L("email"), ": ", c.email(buyer))
    if c.chance(0.75):
        lab, nid = c.nid(buyer)
        c.line(lab, ": ", nid)
    c.line()
    for _ in range(c.rng.randint(2, 4)):
        c.line(
            c.x("sku"),
            "  ",
            c.pick(["USB-C dock", "Office chair", "Consulting (h)", "Toner cartridge"]),
            "  ",
            str(c.rng.randint(1, 9)),
            " × ",
            c.xamount(),
        )
    c.line("Total: ", c.xamount(), "   Shipped: ", c.x("tracking"))
    c.line(
        "Pay to ",
        c.iban(),
        " by ",
        c.xdate(),
        ". Contact: ",
        c.name(seller, "full"),
        ", ",
        c.phone(seller),
    )


def itinerary(c: Ctx) -> None:
    p = c.person()
    boarding = c.chance(0.5)
    if boarding:
        surname = v.ascii_slug(p.roman_family).upper() or "X"
        given = v.ascii_slug(p.roman_given).upper() or "X"
        c.line("BOARDING PASS")
        c.line(
            c.L("passenger"),
            ": ",
            P("name_boarding", f"{surname}/{given} {c.pick(['MR', 'MS'])}", frozenset({"PERSON"})),
        )
        c.line(
            "FLIGHT ",
            c.x("flight"),
            "  FROM ",
            c.x("iata"),
            "  TO ",
            c.x("iata"),
            "  GATE B",
            str(c.rng.randint(1, 60)),
            "  SEAT ",
            str(c.rng.randint(1, 40)),
            c.pick(["A", "C", "F"]),
        )
        c.line(
            "DATE ",
            c.xdate(),
            "  BOARDING ",
            X("time", f"{c.rng.randint(5, 22):02d}:{c.rng.randint(0, 59):02d}"),
        )
        c.line(
            c.L("booking"),
            " ",
            c.x("booking"),
            "  ETKT ",
            X("ticket", v.pattern(c.rng, "###-##########")),
        )
        c.line(
            "M1",
            P("name_bcbp", f"{surname}/{given}", frozenset({"PERSON"})),
            " E",
            c.x("booking"),
            " ",
            c.x("iata"),
            c.x("iata"),
            " ",
            c.x("flight"),
        )
        c.line(c.L("passport"), ": ", c.passport(p), " (", c.L("dob"), " ", c.dob(p), ")")
    else:
        c.line(
            c.loc(
                [
                    "Your trip",
                    "Ihre Reise",
                    "Tu viaje",
                    "Votre voyage",
                    "Il tuo viaggio",
                    "Je reis",
                    "A sua viagem",
                ]
            ),
            " — ",
            c.L("booking"),
            " ",
            c.x("booking"),
        )
        c.line(c.L("passenger"), ": ", c.name(p, "full"), " · ", c.email(p), " · ", c.phone(p))
        c.line()
        c.line(
            c.xdate(),
            "  ",
            c.x("flight"),
            "  ",
            c.x("iata"),
            " → ",
            c.x("iata"),
            "  dep ",
            X("time", f"{c.rng.randint(5, 22):02d}:{c.rng.randint(0, 59):02d}"),
        )
        c.line(
            c.xdate(),
            "  Hotel ",
            c.x("company"),
            ", near ",
            c.x("landmark"),
            " — pick-up at ",
            c.geo(),
        )
        c.line(c.xdate(), "  Rental car, plate ", c.plate(), ", driver ", c.name(p, "initial"))
        c.line()
        if c.chance(0.5):
            c.line(c.L("passport"), ": ", c.passport(p), " · ", c.L("card"), " ", c.card())
        else:
            lab, nid = c.nid(p)
            c.line("ID document (", lab, "): ", nid, " · ", c.L("card"), " ", c.card())
        c.line("Total ", c.xamount())


def rental(c: Ctx) -> None:
    owner = c.person()
    c.line(
        c.loc(
            [
                "Flat to rent",
                "Wohnung zu vermieten",
                "Se alquila piso",
                "Appartement à louer",
                "Affittasi bilocale",
                "Appartement te huur",
                "Arrenda-se T2",
            ]
        ),
        " — ",
        c.x("city"),
    )
    c.line(
        c.loc(["2 rooms", "3 Zimmer", "2 hab.", "T3", "bilocale", "3 kamers", "T2"]),
        ", 64 m², ",
        c.L("rent"),
        " ",
        c.xamount(),
        ", available ",
        c.xdate(),
    )
    c.line("Address: ", c.addr(owner), " (", c.geo(), "), 5 min from ", c.x("landmark"))
    c.line()
    c.line(
        "Viewings via ",
        c.name(owner, c.pick(["given", "full"])),
        ": ",
        c.phone(owner),
        " or ",
        c.email(owner),
        ".",
    )
    c.line("Deposit to ", c.iban(owner), "; listing ", c.x("order"), ".")
    if c.chance(0.75):
        lab, nid = c.nid(owner)
        c.line(c.L("landlord"), " (for the contract): ", c.name(owner, "caps"), ", ", lab, " ", nid)
    if c.chance(0.5):
        t = c.person()
        c.line(
            "Current ",
            c.L("tenant").lower(),
            " ",
            c.name(t, "full"),
            " (",
            c.phone(t),
            ") leaves on ",
            c.xdate(),
            ".",
        )


LETTER_BODY = {
    "en": "Dear Mr/Ms {name}, regarding your application received on {date} we confirm the "
    "following details held on file: date of birth {dob}, {idlabel} {nid}, contact telephone "
    "{phone} and correspondence address as above. The reimbursement of {amount} will be "
    "transferred to the account {iban} within approximately fourteen working days, subject to "
    "verification of the supporting documentation by our administration department.",
    "de": "Sehr geehrte/r Frau/Herr {name}, bezüglich Ihres Antrags vom {date} bestätigen wir "
    "die bei uns hinterlegten Angaben: Geburtsdatum {dob}, {idlabel} {nid}, "
    "Telefonnummer {phone} sowie die obenstehende Korrespondenzanschrift. Die "
    "Rückerstattung in Höhe von {amount} wird vorbehaltlich der Überprüfung der "
    "Nachweisunterlagen durch unsere Leistungsabteilung innerhalb von vierzehn Arbeitstagen "
    "auf das Konto {iban} überwiesen. Für Rückfragen steht Ihnen unser "
    "Kundenbetreuungsteam werktags zur Verfügung.",
    "es": "Estimado/a Sr./Sra. {name}: en relación con su solicitud recibida el {date}, le "
    "confirmamos los datos que constan en nuestro expediente: fecha de nacimiento {dob}, "
    "{idlabel} {nid}, teléfono de contacto {phone} y la dirección arriba indicada. El "
    "reembolso de {amount} se transferirá a la cuenta {iban} en un plazo aproximado de "
    "catorce días hábiles, previa verificación de la documentación justificativa por nuestro "
    "departamento de administración.",
    "fr": "Madame, Monsieur {name}, suite à votre demande reçue le {date}, nous vous confirmons "
    "les informations enregistrées dans votre dossier : date de naissance {dob}, {idlabel} "
    "{nid}, téléphone {phone} et adresse de correspondance ci-dessus. Le remboursement de "
    "{amount} sera viré sur le compte {iban} dans un délai d'environ quatorze jours ouvrés, "
    "sous réserve de la vérification des pièces justificatives par notre service administratif.",
    "it": "Gentile {name}, in riferimento alla Sua richiesta pervenuta il {date}, confermiamo i "
    "dati registrati: data di nascita {dob}, {idlabel} {nid}, recapito telefonico {phone} e "
    "indirizzo di corrispondenza sopra indicato. Il rimborso di {amount} sarà accreditato sul "
    "conto {iban} entro circa quattordici giorni lavorativi, previa verifica della "
    "documentazione giustificativa da parte dell'ufficio amministrativo.",
    "nl": "Geachte heer/mevrouw {name}, naar aanleiding van uw aanvraag van {date} bevestigen wij "
    "de bij ons geregistreerde gegevens: geboortedatum {dob}, {idlabel} {nid}, "
    "telefoonnummer {phone} en het correspondentieadres hierboven. De terugbetaling van "
    "{amount} wordt binnen ongeveer veertien werkdagen overgemaakt naar rekeningnummer {iban}, "
    "onder voorbehoud van controle van de bewijsstukken door onze administratieafdeling.",
    "pt": "Exmo(a). Sr(a). {name}, relativamente ao seu pedido recebido em {date}, confirmamos "
    "os dados registados: data de nascimento {dob}, {idlabel} {nid}, telefone {phone} e a "
    "morada de correspondência acima indicada. O reembolso de {amount} será transferido para "
    "a conta {iban} no prazo aproximado de catorze dias úteis, após verificação dos "
    "documentos comprovativos pelos nossos serviços administrativos.",
}


def letter(c: Ctx) -> None:
    """A formal letter; the corpus wraps it as PDF-extracted text."""
    sender = c.person()
    rcpt = c.person()
    c.line(c.x("company"))
    c.line(c.addr(multiline=True))
    c.line()
    c.line(c.name(rcpt, c.pick(["full", "caps"])))
    c.line(c.addr(rcpt, multiline=True))
    c.line()
    c.line(c.L("date"), ": ", c.xdate(), "   ", c.L("reference"), ": ", c.x("invoice"))
    c.line()
    lab, nid = c.nid(rcpt)
    body = LETTER_BODY.get(c.lang, LETTER_BODY["en"])
    say(
        c,
        body,
        name=c.name(rcpt, "family"),
        date=c.xdate(),
        dob=c.dob(rcpt),
        idlabel=lab,
        nid=nid,
        phone=c.phone(rcpt),
        amount=c.xamount(),
        iban=c.iban(rcpt),
    )
    c.add("\n")
    c.line()
    c.line(
        c.loc(
            [
                "Yours sincerely,",
                "Mit freundlichen Grüßen",
                "Atentamente,",
                "Veuillez agréer nos salutations distinguées,",
                "Cordiali saluti,",
                "Met vriendelijke groet,",
                "Com os melhores cumprimentos,",
            ]
        )
    )
    c.line(c.name(sender, "full"))
    c.line(c.email(sender), " · ", c.phone(sender))


def scan(c: Ctx) -> None:
    """A scanned form; the corpus adds OCR noise."""
    p = c.person()
    c.line(
        c.loc(
            [
                "APPLICATION FORM",
                "ANTRAG",
                "SOLICITUD",
                "FORMULAIRE",
                "MODULO",
                "AANVRAAG",
                "REQUERIMENTO",
            ]
        ),
        "   Form ",
        c.x("sku"),
    )
    c.line(c.L("name").upper(), ": ", c.name(p, "caps"))
    c.line(c.L("dob").upper(), ": ", c.dob(p))
    lab, nid = c.nid(p)
    c.line(lab.upper(), ": ", nid)
    c.line(c.L("address").upper(), ": ", c.addr(p))
    c.line(c.L("phone").upper(), ": ", c.phone(p), "    ", c.L("email").upper(), ": ", c.email(p))
    c.line("IBAN: ", c.iban(p))
    c.line(c.L("date").upper(), ": ", c.xdate(), "   Received stamp ", c.x("order"))
    c.line("Signature: ", c.name(p, "initial"))


def email_light(c: Ctx) -> None:
    s = c.person()
    r = c.person()
    c.line(
        "Subject: ",
        c.pick(["Re: your order", "Fwd: Unterlagen", "RE: contrato", "TR: dossier"]),
        " ",
        c.x("order"),
    )
    c.line()
    c.line(c.L("hello"), " ", c.name(r, "given"), ",")
    c.line(
        c.pick(
            [
                "as discussed, my details:",
                "wie besprochen meine Daten:",
                "como hablamos, mis datos:",
                "comme convenu, mes coordonnées :",
            ]
        )
    )
    c.line(c.name(s, "full"), ", ", c.L("born"), " ", P("dob", v.dob(c.rng, s, c.lang), DOB))
    c.line(c.addr(s))
    c.line(c.L("mobile"), ": ", c.phone(s))
    c.line("The parcel went out with ", c.x("tracking"), " on ", c.xdate(), ".")
    c.line(c.L("thanks"), ", ", c.name(s, "given"))
    c.line()
    c.line("> On ", c.x("timestamp"), ", ", c.name(r, "full"), " <", c.email(r), "> wrote:")
    c.line(
        "> ",
        c.pick(
            [
                "could you send your details for the contract?",
                "können Sie mir Ihre Daten schicken?",
                "¿me puede enviar sus datos para el contrato?",
            ]
        ),
        " ",
        c.L("reference"),
        " ",
        c.x("invoice"),
    )
