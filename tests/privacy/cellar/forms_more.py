"""Notes, applications, web copies and official letters."""

# ruff: noqa: E501  (prose templates read best unbroken)

from __future__ import annotations

from . import ids as I  # noqa: N812
from . import people as P  # noqa: N812
from . import secrets_ as S  # noqa: N812
from . import traps as X  # noqa: N812
from .build import B, T, V, wrap

LANG = {"de": "de", "es": "es", "fr": "fr", "it": "it", "uk": "en", "ie": "en", "us": "en"}


def todo_notes(b: B) -> None:
    """Personal notes in mixed languages, half sentences, values mid-line."""
    r = b.r
    v = b.variant(2)
    items = [
        "call ⟪n⟫ re: Kita-Platz ⟪ph⟫ (nach 16h!!)",
        "⟪n⟫ cumple → regalo?? nació ⟪dob⟫ creo",
        "Steuer: meine ID ⟪id⟫ ins Formular, Frist ⟪d⟫",
        "pagar a ⟪n⟫ ⟪pr⟫ → ⟪ib⟫",
        "wifi Oma: ⟪pw⟫",
        "rdv dentiste ⟪d⟫, apporter carte vitale (⟪nir⟫)",
        "⟪n⟫ new number ⟪ph⟫ (old one dead)",
        "Paket ⟪tr⟫ abholen bei ⟪pl⟫",
        "ricordarsi: CF di ⟪n⟫ = ⟪cf⟫",
        "buy ⟪w⟫ seeds for the garden",
        "calc ⟪m⟫",
        "password bank NOT here!! (⟪ph0⟫)",
    ]
    b.add(("TODO / Notizen\n", "notes.txt\n")[v])
    for _ in range(r.randint(5, 11)):
        loc = r.choice(("de", "es", "fr", "it", "uk"))
        b.add(r.choice(["- ", "* ", "[ ] ", "[x] ", "→ "]))
        b.f(
            r.choice(items) + "\n",
            n=P.name(P.anyone(r), r.choice(["first", "lower", "full"])),
            ph=P.phone(r, loc),
            dob=I.dob(r, "es"),
            id=I.steuer_id(r),
            d=X.day(r, LANG[loc]),
            pr=X.price(r),
            ib=I.iban(r, r.choice(list(I.IBAN_SHAPE))),
            pw=S.password(r),
            nir=I.nir(r),
            tr=X.tracking(r),
            pl=X.place(r),
            cf=I.codice_fiscale(r),
            w=T("word", r.choice(["Rose", "Sunny", "Olive", "Hope"])),
            m=X.maths(r),
            ph0=X.placeholder(r),
        )


def cv_application(b: B) -> None:
    """A CV header and cover letter pasted for proofreading."""
    r = b.r
    v = b.variant(4)
    loc = ("de", "fr", "it", "es")[v]
    p = P.anyone(r)
    labels = {
        0: (
            "Lebenslauf",
            "Geboren am",
            "Anschrift",
            "Mobil",
            "Staatsangehörigkeit",
            "Berufserfahrung",
        ),
        1: ("Curriculum vitae", "Née le", "Adresse", "Portable", "Nationalité", "Expérience"),
        2: ("Curriculum Vitae", "Nato il", "Indirizzo", "Cellulare", "Nazionalità", "Esperienze"),
        3: (
            "Currículum",
            "Fecha de nacimiento",
            "Dirección",
            "Móvil",
            "Nacionalidad",
            "Experiencia",
        ),
    }[v]
    b.add(
        labels[0],
        "\n\n",
        P.name(p, r.choice(["full", "upper"])),
        "\n",
        labels[1],
        ": ",
        I.dob(r, LANG[loc]),
        "\n",
    )
    b.add(
        labels[2],
        ": ",
        P.address(r, loc),
        "\n",
        labels[3],
        ": ",
        P.phone(r, loc),
        " | ",
        P.email(r, p),
        "\n",
    )
    b.add(
        "linkedin.com/in/",
        V(
            "profile_handle",
            p.handle.replace(".", "-") + f"-{S.rs(r, 6, '0123456789abcdef')}",
            P.PERSON,
        ),
        "\n",
    )
    b.add(
        labels[4],
        ": ",
        T("word", r.choice(["deutsch", "française", "italiana", "española"])),
        "\n\n",
        labels[5],
        "\n",
    )
    for _ in range(r.randint(2, 4)):
        b.add(
            X.day(r, LANG[loc]),
            " – ",
            X.brand(r),
            ", ",
            X.place(r),
            "; Referenz: ",
            P.name(P.anyone(r)),
            " (",
            P.phone(r, loc),
            ")\n",
        )
    b.add("\nZertifikat-ID ", X.uid(r), " · Skills: Python ", X.version(r), "\n")


def team_webpage(b: B) -> None:
    """An "our team" page copied from a website, navigation and all."""
    r = b.r
    v = b.variant(2)
    b.add(
        "Home | Über uns | Team | Kontakt\n\n"
        if v == 0
        else "Home | Chi siamo | Il team | Contatti\n\n"
    )
    for _ in range(r.randint(3, 7)):
        p = P.anyone(r)
        b.add(
            P.name(p),
            "\n",
            r.choice(
                ["Geschäftsführung", "Vertrieb", "Amministrazione", "Head of Sales", "Buchhaltung"]
            ),
            "\n",
            "T ",
            P.phone(r, ("de", "it")[v]),
            "\n",
            P.email(r, p, "studio-" + ("partner.de", "legale.it")[v]),
            "\n\n",
        )
    b.add(
        "© ", T("year", "2025"), " ", X.brand(r), " · Impressum · Datenschutz · ", X.place(r), "\n"
    )
    b.add("Cookie-ID ", X.uid(r), " · build ", X.sha(r, 12), "\n")


def police_report(b: B) -> None:
    """A complaint or theft report."""
    r = b.r
    v = b.variant(3)
    loc = ("es", "it", "fr")[v]
    p = P.person(r, ("es", "it", "fr")[v])
    text = {
        0: "DENUNCIA – Atestado nº ⟪ref⟫\n\nComparece D./Dña. ⟪n⟫, con DNI ⟪id⟫, nacido/a el ⟪dob⟫, con domicilio en ⟪a⟫ y teléfono ⟪ph⟫, quien manifiesta que el día ⟪d⟫ le fue sustraído su vehículo matrícula ⟪pl⟫ en las inmediaciones de ⟪place⟫ (coordenadas ⟪geo⟫). Sospecha de ⟪s⟫, a quien describe como conocido del barrio.\n",
        1: "DENUNCIA-QUERELA n. ⟪ref⟫\n\nIl/La sottoscritto/a ⟪n⟫, C.F. ⟪id⟫, nato/a il ⟪dob⟫, residente in ⟪a⟫, tel. ⟪ph⟫, dichiara che in data ⟪d⟫ è stata rubata l'auto targata ⟪pl⟫ presso ⟪place⟫ (posizione ⟪geo⟫). Sospetta di ⟪s⟫.\n",
        2: "PLAINTE n° ⟪ref⟫\n\nJe soussigné(e) ⟪n⟫, n° de sécurité sociale ⟪id⟫, né(e) le ⟪dob⟫, demeurant ⟪a⟫, tél. ⟪ph⟫, déclare que le ⟪d⟫ mon véhicule immatriculé ⟪pl⟫ a été volé près de ⟪place⟫ (GPS ⟪geo⟫). Je soupçonne ⟪s⟫.\n",
    }[v]
    b.f(
        text,
        ref=T("case_number", f"{I.digits(r, 5)}/{r.randint(24, 25)}"),
        n=P.name(p),
        id=(I.dni, I.codice_fiscale, I.nir)[v](r),
        dob=I.dob(r, LANG[loc]),
        a=P.address(r, loc),
        ph=P.phone(r, loc),
        d=X.day(r, LANG[loc]),
        pl=I.plate(r, loc),
        place=X.place(r),
        geo=P.geo_pair(r),
        s=P.name(P.anyone(r), r.choice(["full", "first", "lower"])),
    )


def prescription(b: B) -> None:
    """A prescription or pharmacy note."""
    r = b.r
    v = b.variant(3)
    loc = ("it", "de", "fr")[v]
    p = P.anyone(r)
    b.add(
        ("RICETTA ELETTRONICA\nNRE ", "Kassenrezept\nRezept-ID ", "ORDONNANCE\nN° ")[v],
        T("prescription_number", I.digits(r, 15)),
        "\n",
    )
    b.add(("Assistito: ", "Name des Versicherten: ", "Patient : ")[v], P.name(p, "upper"), "\n")
    b.add(
        ("Cod. fiscale: ", "Versicherten-Nr.: ", "N° sécu : ")[v],
        (I.codice_fiscale, I.kvnr, I.nir)[v](r),
        "   ",
        ("nato il ", "geb. am ", "né(e) le ")[v],
        I.dob(r, LANG[loc]),
        "\n",
    )
    for _ in range(r.randint(1, 4)):
        b.add(
            "  Rp. ",
            r.choice(["Ibuprofen", "Amoxicillina", "Doliprane", "Pantoprazol"]),
            " ",
            T("measure", f"{r.choice([200, 400, 500, 1000])} mg"),
            " N",
            T("quantity", str(r.randint(1, 3))),
            "  PZN ",
            T("product_code", I.digits(r, 8)),
            "\n",
        )
    b.add(
        ("Medico: Dott. ", "Arzt: Dr. ", "Prescripteur : Dr ")[v],
        P.name(P.anyone(r)),
        " – ",
        P.phone(r, loc),
        "\n",
    )
    b.add(X.day(r, LANG[loc]), "\n")


def us_onboarding(b: B) -> None:
    """A US employee onboarding form with SSN, licence and direct deposit."""
    r = b.r
    v = b.variant(2)
    p = P.anyone(r)
    b.add(
        "EMPLOYEE ONBOARDING – ",
        X.brand(r),
        " Inc.\n\nLegal name: ",
        P.name(p),
        "\nPreferred name: ",
        P.nick(r),
        "\n",
    )
    b.add(
        "SSN: ",
        I.ssn(r),
        "    DOB: ",
        V("dob", I.dob_date(r).strftime("%m/%d/%y" if v else "%m/%d/%Y"), I.DOB),
        "\n",
    )
    b.add(
        "Home address: ",
        P.address(r, "us"),
        "\nCell: ",
        P.phone(r, "us"),
        "\nPersonal email: ",
        P.email(r, p),
        "\n",
    )
    b.add(
        "Driver's license (CA): ",
        V("driving_licence", f"{r.choice('ABCDEFGHJKLMNPRSTUVWXYZ')}{I.digits(r, 7)}", I.ID),
        "  exp. ",
        X.day(r),
        "\n",
    )
    b.add(
        "Emergency contact: ",
        P.name(P.anyone(r)),
        " (",
        T("word", r.choice(["mom", "spouse", "brother"])),
        ") ",
        P.phone(r, "us"),
        "\n",
    )
    b.add(
        "Direct deposit – routing ",
        T("routing_number", "021000021"),
        " account on file ",
        X.masked_card(r),
        "\n",
    )
    b.add(
        "W-4 ref ",
        X.uid(r),
        " · start date ",
        X.day(r),
        " · badge ",
        T("badge_color", "blue"),
        "\n",
    )


def ireland_uk_letter(b: B) -> None:
    """A tax or benefits letter from Ireland or the UK, copied from a PDF."""
    r = b.r
    v = b.variant(2)
    p = P.person(r, "en")
    b.add(("Revenue – Irish Tax and Customs\n", "HM Revenue & Customs\n")[v], X.place(r), "\n\n")
    b.add(P.name(p, "upper"), "\n", P.address(r, ("ie", "uk")[v], "\n"), "\n\n")
    b.add(
        ("PPS Number: ", "National Insurance number: ")[v],
        (I.ppsn, I.nino)[v](r),
        "\nDate: ",
        X.day(r),
        "\nOur ref: ",
        X.invoice(r),
        "\n\n",
    )
    b.f(
        "Dear ⟪t⟫ ⟪n⟫,\n\nWe have reviewed your return for ⟪y⟫. Our records show your date of birth as ⟪dob⟫; "
        "please tell us if this is wrong. A refund of ⟪pr⟫ will be paid to ⟪ib⟫.\n\nIf you call us on ⟪ph⟫ please quote ⟪ref⟫.\n\nYours sincerely\n⟪s⟫\n",
        t=T("word", r.choice(["Mr", "Ms", "Mx", "Dr"])),
        n=P.name(p, "last"),
        y=T("year", "2024"),
        dob=I.dob(r, "en"),
        pr=X.price(r),
        ib=wrap(I.iban(r, ("IE", "GB")[v]), r),
        ph=T("helpline", ("01 738 3636", "0300 200 3300")[v]),
        ref=X.ticket(r),
        s=P.name(P.person(r, "en"), "initial"),
    )


def car_sale(b: B) -> None:
    """A private car sale contract between two people."""
    r = b.r
    v = b.variant(3)
    loc = ("de", "it", "es")[v]
    a, c = P.anyone(r), P.anyone(r)
    b.add(
        (
            "Kaufvertrag über ein gebrauchtes Kfz\n\n",
            "Atto di vendita veicolo usato\n\n",
            "Contrato de compraventa de vehículo\n\n",
        )[v]
    )
    for who, role in (
        (a, ("Verkäufer", "Venditore", "Vendedor")[v]),
        (c, ("Käufer", "Acquirente", "Comprador")[v]),
    ):
        b.add(role, ": ", P.name(who), ", ", P.address(r, loc), ", Tel. ", P.phone(r, loc), "\n")
        b.add("  Ausweis / Documento: ", (I.steuer_id, I.codice_fiscale, I.dni)[v](r), "\n")
    b.add(
        "Fahrzeug: ",
        T("brand", r.choice(["Fiat Panda", "VW Golf", "Seat Ibiza", "Opel Corsa", "Renault Clio"])),
        ", Erstzulassung ",
        X.day(r, LANG[loc]),
        "\n",
    )
    b.add(
        "Kennzeichen: ",
        I.plate(r, loc),
        "  km-Stand ",
        T("measure", f"{r.randint(10, 250)}.{I.digits(r, 3)}"),
        "\n",
    )
    b.add(
        "Kaufpreis: ",
        X.price(r),
        " (",
        X.maths(r),
        ")\nÜbergabe am ",
        X.day(r, LANG[loc]),
        " in ",
        X.place(r),
        "\n",
    )
