"""Forms from public services and schools: letters, applications, messages, lists."""

from __future__ import annotations

from random import Random

from . import values as vals
from ._build import B, P, X


def _spaced_taxid(x: str) -> str:
    return f"{x[:2]} {x[2:5]} {x[5:8]} {x[8:]}"


def _dotted_bsn(x: str) -> str:
    return f"{x[:4]}.{x[4:6]}.{x[6:]}"


def de_buergeramt_mail(r: Random, v: int) -> B:
    p = vals.Person(r, "de")
    b = B()
    b.f(
        "Betreff: {sub} – Vorgangsnummer {vn}\n\n",
        sub=r.choice(["Ummeldung", "Wohngeldantrag", "Anwohnerparkausweis"]),
        vn=X("ticket", f"VG-2026-{r.randrange(10000, 99999)}"),
    )
    b.f(
        "Sehr geehrte Damen und Herren,\n\nich bin am {dt} umgezogen und wohne jetzt in der {a}. "
        "Meine Steuer-ID lautet {sid}, geboren bin ich am {d}.\n",
        dt=X("date", f"{r.randrange(1, 28)}.09.2026"),
        a=P("address", vals.address(r, "de"), "A"),
        sid=P(
            "de_tax_id",
            vals.de_taxid(r) if v % 2 else _spaced_taxid(vals.de_taxid(r)),
            "ID",
        ),
        d=P("dob", vals.fmt_date(p.dob, "de" if v % 3 else "dot"), "DOB"),
    )
    if v % 2:
        b.f(
            "Mein Auto ({kz}) soll auch umgemeldet werden.\n",
            kz=P("plate", vals.plate(r, "de"), "LP"),
        )
    b.f(
        "Unter {t} bin ich tagsüber erreichbar, sonst per Mail an {e}.\n\nMit freundlichen "
        "Grüßen\n{n}\n",
        t=P("phone", vals.phone(r, "de"), "T"),
        e=P("email", p.email(r), "E"),
        n=P("name", p.full if v % 3 else p.full.lower()),
    )
    b.f(
        "\n-- \nGesendet von meinem {dev}\n",
        dev=X("product", r.choice(["iPhone", "Samsung Galaxy S23", "Fairphone 5"])),
    )
    return b


def fr_courrier_mairie(r: Random, v: int) -> B:
    p = vals.Person(r, "fr")
    b = B()
    b.f(
        "{n}\n{a}\n{t} – {e}\n\nÀ l'attention de Monsieur le Maire de {ville}\nObjet : demande de "
        "{obj}\n\n",
        n=P("name", p.full),
        a=P("address", vals.address(r, "fr", "\n"), "A"),
        t=P("phone", vals.phone(r, "fr"), "T"),
        e=P("email", p.email(r), "E"),
        ville=X("place", r.choice(["Villeurbanne", "Rezé", "Saint-Priest"])),
        obj=r.choice(["place en crèche", "logement social", "carte de stationnement"]),
    )
    b.f(
        "Monsieur le Maire,\n\nJe me permets de vous écrire au sujet de ma demande n° {dos} "
        "déposée le {dt}. "
        "Mon fils {enf}, né le {dn}, est scolarisé à l'école {ec}.\n",
        dos=f"{r.randrange(2024, 2027)}-{r.randrange(1000, 9999)}",
        dt=X("date", f"{r.randrange(1, 28)} octobre 2026"),
        enf=P("name", vals.Person(r, "fr", "m").given),
        dn=P("dob", vals.fmt_date(vals.birthdate(r, 2012, 2022), "fr"), "DOB"),
        ec=X("school", r.choice(["Jules Ferry", "Louise Michel", "Jean Moulin"])),
    )
    b.f(
        "Vous trouverez ci-joint mon avis d'imposition (numéro fiscal {nf}) et une attestation "
        "CAF.\n\n"
        "Veuillez agréer, Monsieur le Maire, l'expression de mes salutations distinguées.\n{sig}\n",
        nf=P("fr_tax_no", f"{r.randrange(0, 4)}{r.randrange(10**11, 10**12)}", "ID"),
        sig=P("name", p.given + " " + p.family.upper()),
    )
    return b


def es_solicitud_ayuntamiento(r: Random, v: int) -> B:
    p = vals.Person(r, "es")
    b = B()
    b.f(
        "SOLICITUD GENERAL – Ayuntamiento de {ay}\nNº registro de entrada: {reg}\n\n",
        ay=X("place", r.choice(["Getafe", "Alcorcón", "Dos Hermanas"])),
        reg=X("ticket", f"REGAGE26e{r.randrange(10**10, 10**11)}"),
    )
    b.f(
        "DATOS DEL SOLICITANTE\nNombre y apellidos: {n}\nDNI/NIE: {dni}\nDomicilio: {a}\nTeléfono: "
        "{t}\nCorreo electrónico: {e}\n\n",
        n=P("name", p.full),
        dni=P("es_dni", vals.es_nie(r) if v % 2 else vals.es_dni(r), "ID"),
        a=P("address", vals.address(r, "es"), "A"),
        t=P("phone", vals.phone(r, "es"), "T"),
        e=P("email", p.email(r), "E"),
    )
    b.f(
        "EXPONE: que solicita la ayuda para material escolar de su hija {h} (nacida el {dn}).\n"
        "Cuenta para el ingreso: {ib}\nImporte solicitado: {imp}\nFecha: {f}\n",
        h=P("name", vals.Person(r, "es", "f").given),
        dn=P("dob", vals.fmt_date(vals.birthdate(r, 2010, 2020), "slash"), "DOB"),
        ib=P("iban", vals.iban(r, "ES", v % 3 != 0), "IB"),
        imp=X("price", vals.price(r)),
        f=X("date", f"{r.randrange(1, 28)}/11/2026"),
    )
    return b


def nl_gemeente_mail(r: Random, v: int) -> B:
    p = vals.Person(r, "nl")
    b = B()
    b.f(
        "Geachte heer/mevrouw,\n\nVia deze mail wil ik bezwaar maken tegen de beschikking met "
        "kenmerk {k} van {dt}.\n",
        k=f"Z/{r.randrange(25, 27)}/{r.randrange(100000, 999999)}",
        dt=X("date", f"{r.randrange(1, 28)} oktober 2026"),
    )
    b.f(
        "Mijn gegevens: {n}, BSN {bsn}, wonend aan de {a}.\nIk ben bereikbaar op {t}.\n",
        n=P("name", p.full),
        bsn=P("nl_bsn", _dotted_bsn(vals.nl_bsn(r)) if v % 2 else vals.nl_bsn(r), "ID"),
        a=P("address", vals.address(r, "nl"), "A"),
        t=P("phone", vals.phone(r, "nl"), "T"),
    )
    b.f(
        "De toeslag moet worden overgemaakt op {ib} t.n.v. {tnv}.\nHet gaat om de periode {per} "
        "(bedrag {bed}).\n\n"
        "Met vriendelijke groet,\n{sig}\n",
        ib=P("iban", vals.iban(r, "NL", v % 2 == 0), "IB"),
        tnv=P("name", f"{p.given[0]}. {p.family}"),
        per=X("period", "januari t/m juni 2026"),
        bed=X("price", vals.price(r)),
        sig=P("name", p.given),
    )
    return b


def de_elternbrief(r: Random, v: int) -> B:
    t = vals.Person(r, "de")
    kid = vals.Person(r, "de")
    b = B()
    b.f(
        "{schule} · Klasse {kl}\n\nLiebe Eltern der {kl2},\n\n",
        schule=X(
            "school",
            r.choice(["Goethe-Gymnasium", "Marie-Curie-Realschule", "Grundschule am Park"]),
        ),
        kl=X("class", f"{r.randrange(5, 10)}{r.choice('abc')}"),
        kl2="Klasse",
    )
    b.f(
        "die Klassenfahrt nach {ort} findet vom {d1} bis {d2} statt. Der Eigenanteil beträgt {pr}, "
        "bitte bis {frist} "
        "überweisen (Verwendungszweck: Name des Kindes).\n",
        ort=X("place", r.choice(["Sylt", "Berchtesgaden", "Weimar"])),
        d1=X("date", f"{r.randrange(1, 10)}.05.2027"),
        d2=X("date", f"{r.randrange(11, 20)}.05.2027"),
        pr=X("price", vals.price(r)),
        frist=X("date", f"{r.randrange(1, 28)}.01.2027"),
    )
    b.f(
        "Als Lektüre für die Fahrt lesen wir ein Buch von {autor}.\n"
        "Für {k} fehlt noch die Einverständniserklärung und die Kopie des Impfausweises.\n"
        "Bei Fragen erreichen Sie mich unter {e} oder mobil {tel} (bitte nur bis 18 Uhr).\n\n"
        "Viele Grüße\n{lehrer}\n",
        autor=X("public_figure", r.choice(["Cornelia Funke", "Erich Kästner", "Michael Ende"])),
        k=P("name", kid.given if v % 2 else kid.full),
        e=P("email", t.email(r, ("schule-bw.de", "gmx.de")), "E"),
        tel=P("phone", vals.phone(r, "de"), "T"),
        lehrer=P("name", f"{'Frau' if t.sex == 'f' else 'Herr'} {t.family}"),
    )
    return b


def sv_skola_meddelande(r: Random, v: int) -> B:
    k = vals.Person(r, "sv")
    par = vals.Person(r, "sv")
    b = B()
    b.f(
        "Hej!\n\nJag är vårdnadshavare till {k} ({pnr}) i klass {kl} på {sk}.\n",
        k=P("name", k.full),
        pnr=P("se_pnr", vals.se_pnr(r, vals.birthdate(r, 2011, 2019)), "ID"),
        kl=X("class", f"{r.randrange(1, 9)}{r.choice('ABC')}"),
        sk=X("school", r.choice(["Engelbrektsskolan", "Vasaskolan", "Katarina Södra skola"])),
    )
    b.f(
        "Tack för temadagen om {af}! "
        "{k2} kommer att vara borta {d1}–{d2} pga. tandläkarbesök. Min nya adress är {a} och "
        "nummer {t}.\n"
        "Mejla gärna till {e}.\n\nMvh {sig}\n",
        af=X("public_figure", "Astrid Lindgren"),
        k2=P("name", k.given),
        d1=X("date", f"{r.randrange(1, 14)}/12"),
        d2=X("date", f"{r.randrange(15, 28)}/12"),
        a=P("address", vals.address(r, "sv"), "A"),
        t=P("phone", vals.phone(r, "sv"), "T"),
        e=P("email", par.email(r), "E"),
        sig=P("name", par.given),
    )
    return b


def tr_dilekce(r: Random, v: int) -> B:
    p = vals.Person(r, "tr")
    b = B()
    b.f(
        "{kurum} MÜDÜRLÜĞÜNE\n\n",
        kurum=X(
            "organisation", r.choice(["KADIKÖY İLÇE MİLLİ EĞİTİM", "ÇANKAYA BELEDİYESİ FEN İŞLERİ"])
        ),
    )
    b.f(
        "Okulunuz {s} sınıfı öğrencisi oğlum/kızım {c}'in nakil işlemlerinin yapılmasını arz "
        "ederim. {dt}\n\n",
        s=X("class", f"{r.randrange(1, 12)}-{r.choice('ABCD')}"),
        c=P("name", vals.Person(r, "tr").full),
        dt=X("date", f"{r.randrange(1, 28)}.11.2026"),
    )
    b.f(
        "Adı Soyadı: {n}\nT.C. Kimlik No: {tc}\nDoğum Tarihi: {d}\nAdres: {a}\nTel: {t}\nE-posta: "
        "{e}\n",
        n=P("name", p.full.upper() if v % 2 else p.full),
        tc=P("tr_tckn", vals.tr_tckn(r), "ID"),
        d=P("dob", vals.fmt_date(p.dob, "dot"), "DOB"),
        a=P("address", vals.address(r, "tr"), "A"),
        t=P("phone", vals.phone(r, "tr"), "T"),
        e=P("email", p.email(r), "E"),
    )
    return b


def en_school_absence(r: Random, v: int) -> B:
    loc = "en" if v % 2 else "us"
    par = vals.Person(r, loc)
    b = B()
    b.f(
        "hi mrs {t},\n\njust to let you know {k} wont be in today or {day}, shes got a temperature "
        "of {temp} again. "
        "sorry for the short notice!! if you need me my number is {tel} or my husband {h} on "
        "{ht}.\n",
        t=P("name", vals.Person(r, loc).family.lower()),
        k=P("name", vals.Person(r, loc, "f").given.lower()),
        day=X("weekday", "tomorrow"),
        temp=X("measurement", f"{r.randrange(38, 40)}.{r.randrange(10)}"),
        tel=P("phone", vals.phone(r, loc), "T"),
        h=P("name", vals.Person(r, loc, "m").given),
        ht=P("phone", vals.phone(r, loc), "T"),
    )
    b.f(
        "\nthanks {p}\n\nSent from {prod}\nRef: {ref}\n",
        p=P("name", par.given),
        prod=X("product", "Outlook for Android"),
        ref=X("ticket", f"ABS-{r.randrange(100000, 999999)}"),
    )
    return b


def us_enrollment_form(r: Random, v: int) -> B:
    kid, par = vals.Person(r, "us"), vals.Person(r, "us")
    b = B()
    b.f(
        "{dist} – New Student Enrollment\nForm version {ver}\n\n",
        dist=X("organisation", r.choice(["Springfield Public Schools", "Columbus City Schools"])),
        ver=X("version", vals.version(r)),
    )
    b.f(
        "Student legal name: {k}\nDate of birth: {d}\nStudent ID (if known): {sid}\nHome address: "
        "{a}\n"
        "Parent/Guardian 1: {p}\nCell: {t}\nEmail: {e}\nSSN (optional, for free lunch program): "
        "{ssn}\n",
        k=P("name", kid.full),
        d=P("dob", vals.fmt_date(vals.birthdate(r, 2010, 2021), "us"), "DOB"),
        sid=P("student_id", f"{r.randrange(10**7, 10**8)}", "ID"),
        a=P("address", vals.address(r, "us"), "A"),
        p=P("name", par.full),
        t=P("phone", vals.phone(r, "us"), "T"),
        e=P("email", par.email(r), "E"),
        ssn=P("us_ssn", vals.us_ssn(r), "SSN ID"),
    )
    b.f(
        "Grade: {g}   Bus route: {bus}   Lunch price: {pr}\n",
        g=X("grade", f"Grade {r.randrange(1, 12)}"),
        bus=X("route", f"Route {r.randrange(1, 40)}"),
        pr=X("price", f"${r.randrange(2, 5)}.{r.choice(['25', '50', '75', '95'])}"),
    )
    return b


def it_comunicazione_scuola(r: Random, v: int) -> B:
    p = vals.Person(r, "it")
    kid = vals.Person(r, "it")
    kid.family = p.family
    b = B()
    b.f(
        "Gentile Dirigente dell'{ic},\n\n",
        ic=X(
            "school", r.choice(["I.C. Leonardo da Vinci", "Istituto Comprensivo Giovanni Pascoli"])
        ),
    )
    b.f(
        "la sottoscritta/il sottoscritto {n}, codice fiscale {cf}, residente in {a}, genitore "
        "dell'alunno/a {k} "
        "della classe {cl}, chiede l'esonero dalla mensa per motivi di salute.\n",
        n=P("name", p.full),
        cf=P("it_cf", vals.it_cf(r, p), "ID"),
        a=P("address", vals.address(r, "it"), "A"),
        k=P("name", kid.given),
        cl=X("class", f"{r.randrange(1, 5)}ª {r.choice('ABCD')}"),
    )
    b.f(
        "Allego certificato medico del {dt}. Recapito: {t}, {e}.\nCordiali saluti\n{sig}\n",
        dt=X("date", f"{r.randrange(1, 28)}/10/2026"),
        t=P("phone", vals.phone(r, "it"), "T"),
        e=P("email", p.email(r), "E"),
        sig=P("name", p.given),
    )
    return b


def be_formulaire(r: Random, v: int) -> B:
    p = vals.Person(r, "fr" if v % 2 else "nl")
    b = B()
    lab = (
        ("Nom", "Numéro de registre national", "Date de naissance", "Adresse", "GSM")
        if v % 2
        else ("Naam", "Rijksregisternummer", "Geboortedatum", "Adres", "GSM")
    )
    b.f(
        "Formulaire/Formulier {f} – {org}\n",
        f=X("form_code", f"{r.choice('ABC')}{r.randrange(10, 99)}"),
        org=X("organisation", r.choice(["CPAS d'Ixelles", "OCMW Gent", "Mutualité Solidaris"])),
    )
    b.f(
        "{l0}: {n}\n{l1}: {nrn}\n{l2}: {d}\n{l3}: {a}\n{l4}: {t}\n",
        l0=lab[0],
        l1=lab[1],
        l2=lab[2],
        l3=lab[3],
        l4=lab[4],
        n=P("name", p.full),
        nrn=P("be_nrn", vals.be_nrn(r, p.dob, p.sex), "ID"),
        d=P("dob", vals.fmt_date(p.dob, "slash"), "DOB"),
        a=P(
            "address",
            f"{vals.street_line(r, 'nl')}, {r.randrange(1000, 9999)} "
            f"{r.choice(['Gent', 'Ixelles', 'Liège', 'Antwerpen'])}",
            "A",
        ),
        t=P(
            "phone",
            f"04{r.randrange(70, 99)} {r.randrange(10, 99)} {r.randrange(10, 99)} "
            f"{r.randrange(10, 99)}",
            "T",
        ),
    )
    b.f(
        "IBAN: {ib}\nSigné à {pl} le {dt}\n",
        ib=P("iban", vals.iban(r, "BE"), "IB"),
        pl=X("place", "Bruxelles"),
        dt=X("date", f"{r.randrange(1, 28)}/11/2026"),
    )
    return b


def parking_permit(r: Random, v: int) -> B:
    loc = ["de", "nl", "fr", "pl", "es", "it"][v % 6]
    p = vals.Person(r, loc)
    lab = {
        "de": "Antrag Bewohnerparkausweis",
        "nl": "Aanvraag parkeervergunning",
        "fr": "Demande de vignette résident",
        "pl": "Wniosek o abonament mieszkańca",
        "es": "Solicitud tarjeta de residente",
        "it": "Richiesta permesso ZTL residenti",
    }[loc]
    b = B()
    b.f(
        "{lab}\nZone {z}\n-----\n{n}\n{a}\n{pl}\n{t}\n-----\nGebühr/fee: {pr} · Antrags-ID {id}\n",
        lab=lab,
        z=X("zone", f"{r.choice('ABCDEFG')}{r.randrange(1, 9)}"),
        n=P("name", p.full),
        a=P("address", vals.address(r, loc), "A"),
        pl=P("plate", vals.plate(r, loc), "LP"),
        t=P("phone", vals.phone(r, loc), "T"),
        pr=X("price", vals.price(r)),
        id=X("ticket", vals.uuid4(r)[:8]),
    )
    if v % 2:
        b.f(
            "Zweitfahrzeug / second car: {p2} (Halter: {h})\n",
            p2=P("plate", vals.plate(r, loc), "LP"),
            h=P("name", vals.Person(r, loc).full),
        )
    return b


_CLUBS = {
    "de": ["Robotik", "Chor", "Schach", "Fußball", "Theater"],
    "pl": ["Robotyka", "Chór", "Szachy", "Piłka nożna", "Teatr"],
    "nl": ["Robotica", "Koor", "Schaken", "Voetbal", "Toneel"],
    "fr": ["Robotique", "Chorale", "Échecs", "Football", "Théâtre"],
    "es": ["Robótica", "Coro", "Ajedrez", "Fútbol", "Teatro"],
    "pt": ["Robótica", "Coro", "Xadrez", "Futebol", "Teatro"],
}


def class_list_table(r: Random, v: int) -> B:
    loc = ["de", "pl", "nl", "fr", "es", "pt"][v % 6]
    hdr = {
        "de": "| Nr | Name | Geburtsdatum | Tel. Eltern | AG |",
        "pl": "| Lp | Imię i nazwisko | Data ur. | Tel. rodzica | Koło |",
        "nl": "| Nr | Naam | Geb.datum | Tel. ouder | Club |",
        "fr": "| N° | Nom | Date de naissance | Tél. parent | Atelier |",
        "es": "| Nº | Nombre | Fecha nac. | Tel. tutor | Taller |",
        "pt": "| Nº | Nome | Data nasc. | Tel. EE | Clube |",
    }[loc]
    style = {"de": "dot", "pl": "dot", "nl": "dash", "fr": "slash", "es": "slash", "pt": "slash"}[
        loc
    ]
    b = B()
    b.f("{h}\n|---|---|---|---|---|\n", h=hdr)
    for i in range(r.randrange(5, 8)):
        k = vals.Person(r, loc)
        b.f(
            "| {i} | {n} | {d} | {t} | {ag} |\n",
            i=str(i + 1),
            n=P("name", f"{k.family}, {k.given}" if v % 2 else k.full),
            d=P("dob", vals.fmt_date(vals.birthdate(r, 2012, 2019), style), "DOB"),
            t=P("phone", vals.phone(r, loc), "T"),
            ag=X(
                "club",
                r.choice(_CLUBS[loc]) + f" {r.randrange(1, 4)}",
            ),
        )
    return b


def refugee_interpreter_request(r: Random, v: int) -> B:
    lang = ["ar", "uk", "ru", "ar", "zh", "el"][v % 6]
    native, latin = r.choice(vals.SCRIPT_NAMES[lang])
    b = B()
    b.f(
        "Dolmetscheranfrage / interpreting request\nSprache: {l}\nTermin: {dt}, Raum {rm}, "
        "{amt}\n\n",
        l=X(
            "language",
            {
                "ar": "Arabisch",
                "uk": "Ukrainisch",
                "ru": "Russisch",
                "zh": "Mandarin",
                "el": "Griechisch",
            }[lang],
        ),
        dt=X("timestamp", vals.stamp(r)),
        rm=X("room", f"{r.randrange(1, 4)}.{r.randrange(10, 60)}"),
        amt=X(
            "organisation",
            r.choice(["Jobcenter Köln-Mülheim", "Ausländerbehörde Hannover", "Sozialamt Graz"]),
        ),
    )
    b.f(
        "Klient/in: {nat} ({lat})\nAktenzeichen der Person / Kundennummer: {kn}\nAusweis/Pass-Nr.: "
        "{pass_}\nTel.: {t}\n"
        "Unterkunft: {a}\nBegleitperson: {bg}\n",
        nat=P("name", native),
        lat=P("name", latin),
        kn=P("customer_no", f"{r.randrange(100, 999)}D{r.randrange(100000, 999999)}", "ID"),
        pass_=P(
            "passport", f"{r.choice(['FA', 'EK', 'AB', 'G'])}{r.randrange(1000000, 9999999)}", "ID"
        ),
        t=P("phone", vals.phone(r, "de"), "T"),
        a=P("address", vals.address(r, "de"), "A"),
        bg=P("name", vals.Person(r, "de").full),
    )
    return b


def pt_email_escola(r: Random, v: int) -> B:
    p = vals.Person(r, "pt", "f")
    b = B()
    b.f(
        "Bom dia Professora {prof},\n\nSou a encarregada de educação do {al} ({ano}). ",
        prof=P("name", vals.Person(r, "pt", "f").given),
        al=P("name", vals.Person(r, "pt", "m").full),
        ano=X("class", f"{r.randrange(5, 12)}.º {r.choice('ABC')}"),
    )
    b.f(
        "Envio os dados pedidos para o seguro escolar: NIF {nif}, morada {a}, telemóvel {t}.\n"
        "O valor da visita de estudo à {casa} ({pr}) foi pago por MB Way no dia {dt}, referência "
        "{ref}.\n\nCumprimentos,\n{n}\n{e}\n",
        nif=P("pt_nif", vals.pt_nif(r), "ID"),
        a=P("address", vals.address(r, "pt"), "A"),
        t=P("phone", vals.phone(r, "pt"), "T"),
        casa=X("place", "Casa Fernando Pessoa"),
        pr=X("price", vals.price(r)),
        dt=X("date", f"{r.randrange(1, 28)}/10/2026"),
        ref=X(
            "payment_ref",
            f"{r.randrange(100, 999)} {r.randrange(100, 999)} {r.randrange(100, 999)}",
        ),
        n=P("name", p.full),
        e=P("email", p.email(r), "E"),
    )
    return b


_CHAT = {
    "de": (
        "hallo zusammen, wer kann am Samstag fahren? {me} hat noch 3 Plätze frei. ruft mich an {t}",
        "ich kann! Treffpunkt {pl} um {h}? Adresse von uns falls jemand abholen will: {a}",
        "Super. Die Liste hat die Mama von {k}, Nummer {t2}. Kosten {pr} pro Kind",
        ("Sporthalle Nord", "Hallenbad", "Bahnhof"),
    ),
    "pl": (
        "hej, kto może w sobotę zawieźć dzieci? {me} ma jeszcze 3 miejsca. dzwońcie {t}",
        "ja mogę! zbiórka {pl} o {h}? nasz adres jakby ktoś chciał podjechać: {a}",
        "Super. Listę ma mama {k}, numer {t2}. Koszt {pr} od dziecka",
        ("pod halą sportową", "przy basenie", "na dworcu"),
    ),
    "es": (
        "hola!! quién puede llevar a los niños el sábado? {me} tiene 3 plazas. llamadme al {t}",
        "yo puedo! quedamos en {pl} a las {h}? nuestra dirección por si alguien pasa: {a}",
        "Genial. La lista la tiene la madre de {k}, su número es {t2}. Son {pr} por niño",
        ("el polideportivo", "la piscina municipal", "la estación"),
    ),
    "tr": (
        "merhaba, cumartesi kim götürebilir? {me} arabada 3 yer var diyor. beni arayın {t}",
        "ben götürürüm! {pl} önünde {h} buluşalım mı? adresimiz: {a}",
        "Süper. Listeyi {k} annesi tutuyor, numarası {t2}. Çocuk başı {pr}",
        ("spor salonu", "yüzme havuzu", "metro durağı"),
    ),
    "fr": (
        "coucou, qui peut conduire samedi ? {me} a encore 3 places. appelez-moi au {t}",
        "moi je peux ! rdv devant {pl} à {h} ? notre adresse si quelqu'un veut passer : {a}",
        "Top. C'est la maman de {k} qui a la liste, son numéro {t2}. {pr} par enfant",
        ("le gymnase", "la piscine", "la gare"),
    ),
    "nl": (
        "hoi allemaal, wie kan zaterdag rijden? {me} heeft nog 3 plekken. bel me {t}",
        "ik kan! verzamelen bij {pl} om {h}? ons adres als iemand wil ophalen: {a}",
        "Top. De lijst heeft de moeder van {k}, nummer {t2}. Kosten {pr} per kind",
        ("de sporthal", "het zwembad", "het station"),
    ),
}


def parents_chat(r: Random, v: int) -> B:
    loc = ["de", "pl", "es", "tr", "fr", "nl"][v % 6]
    lines = _CHAT[loc]
    ppl = [vals.Person(r, loc) for _ in range(3)]
    b = B()
    for i, p in enumerate(ppl):
        hh = f"{r.randrange(7, 22):02d}:{r.randrange(0, 60):02d}, {r.randrange(1, 28)}.11.2026"
        b.f("[{hh}] {who}: ", hh=X("timestamp", hh), who=P("name", p.given if i else p.full))
        if i == 0:
            b.f(
                lines[0] + "\n",
                me=P("name", ppl[1].given.lower()),
                t=P("phone", vals.phone(r, loc), "T"),
            )
        elif i == 1:
            b.f(
                lines[1] + "\n",
                pl=X("public_place", r.choice(lines[3])),
                h=X("time", "9:30"),
                a=P("address", vals.address(r, loc), "A"),
            )
        else:
            b.f(
                lines[2] + "\n",
                k=P("name", vals.Person(r, loc).given),
                t2=P("phone", vals.phone(r, loc), "T"),
                pr=X(
                    "price",
                    {"tr": f"{r.randrange(50, 400)} TL", "pl": f"{r.randrange(20, 90)} zł"}.get(
                        loc, f"{r.randrange(3, 25)},00 €"
                    ),
                ),
            )
    return b


FORMS = [
    de_buergeramt_mail,
    fr_courrier_mairie,
    es_solicitud_ayuntamiento,
    nl_gemeente_mail,
    de_elternbrief,
    sv_skola_meddelande,
    tr_dilekce,
    en_school_absence,
    us_enrollment_form,
    it_comunicazione_scuola,
    be_formulaire,
    parking_permit,
    class_list_table,
    refugee_interpreter_request,
    pt_email_escola,
    parents_chat,
]
