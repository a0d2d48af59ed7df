"""Scans, payroll, pipelines, calendars and other odds and ends."""

# ruff: noqa: E501  (prose templates read best unbroken)

from __future__ import annotations

from urllib.parse import quote_plus

from . import ids as I  # noqa: N812
from . import people as P  # noqa: N812
from . import secrets_ as S  # noqa: N812
from . import traps as X  # noqa: N812
from .build import B, T, V

LANG = {"de": "de", "es": "es", "fr": "fr", "it": "it", "uk": "en", "ie": "en", "us": "en"}
SOFTWARE = (
    "Julia 1.10",
    "Ada",
    "Jenkins",
    "Alexa",
    "Siri",
    "Jupyter",
    "Apache Camel",
    "Hugo",
    "Ansible",
    "Sphinx",
    "Django",
    "Rails",
)


def id_card_ocr(b: B) -> None:
    """OCR output of an identity card: broken lines, stray characters."""
    r = b.r
    v = b.variant(4)
    loc = ("de", "es", "it", "fr")[v]
    p = P.person(r, ("de", "es", "it", "fr")[v])
    born = I.dob_date(r)
    head = (
        "BUNDESREPUBLIK DEUTSCHLAND ~ PERSONALAUSWEIS",
        "REINO DE ESPAÑA | DOCUMENTO NACIONAL DE IDENTIDAD",
        "REPUBBLICA ITALIANA . CARTA D'IDENTITA'",
        "RÉPUBLIQUE FRANÇAISE — CARTE NATIONALE D'IDENTITÉ",
    )[v]
    b.add(head, "\n", T("ocr_noise", r.choice(["|||", "l1I", "~~", "::"])), "\n")
    b.add(
        ("Name/Surname ", "APELLIDOS ", "COGNOME ", "Nom ")[v],
        V("name", p.last.upper(), P.PERSON),
        "\n",
    )
    b.add(
        ("Vornamen/Given names ", "NOMBRE ", "NOME ", "Prénoms ")[v],
        V("name", p.first.upper(), P.PERSON),
        "\n",
    )
    b.add(
        ("Geburtstag/Date of birth ", "FECHA DE NACIMIENTO ", "DATA DI NASCITA ", "Né(e) le ")[v],
        V("dob", born.strftime("%d.%m.%Y" if v == 0 else "%d %m %Y"), I.DOB),
        "\n",
    )
    ident = (
        V("passport", I.passport_no(r), I.ID),
        I.dni(r),
        I.codice_fiscale(r, born),
        V("passport", I.passport_no(r), I.ID),
    )[v]
    b.add(
        ("Ausweisnr. ", "DNI ", "C.F. ", "N° ")[v],
        ident,
        "   ",
        ("gültig bis ", "VÁLIDO HASTA ", "SCADENZA ", "Valable jusqu'au ")[v],
        X.day(r, LANG[loc]),
        "\n",
    )
    b.add(("Anschrift ", "DOMICILIO ", "RESIDENZA ", "Adresse ")[v], P.address(r, loc, "\n"), "\n")
    b.add(
        T("ocr_noise", r.choice(["<<<<<<", "— — —", "⊥ ⊥"])),
        " ",
        T("ocr_noise", r.choice(["| |", "ll", "=="])),
        "\n",
    )
    b.add(
        "\nkannst du mir das abtippen und prüfen ob alles lesbar ist? danke\n"
        if v == 0
        else "\ncan you check this scan is readable?\n"
    )


def payroll_table(b: B) -> None:
    """A payroll export across subsidiaries, one national ID scheme per row."""
    r = b.r
    b.variant(1)
    b.add("entity | employee | country | national_id | birth_date | iban | gross\n")
    schemes = (
        ("DE", "de", I.steuer_id),
        ("AT", "at", I.svnr),
        ("CH", "ch", I.ahv),
        ("NL", "nl", I.bsn),
        ("BE", "be", I.be_nn),
        ("GB", "uk", I.nino),
        ("IE", "ie", I.ppsn),
        ("ES", "es", I.dni),
        ("FR", "fr", I.nir),
        ("IT", "it", I.codice_fiscale),
    )
    limit = r.randint(900, 2700)
    while len(b) < limit:
        country, _, maker = r.choice(schemes)
        p = P.anyone(r)
        b.add(
            X.brand(r),
            " ",
            T("entity_code", f"{country}{r.randint(10, 99)}"),
            " | ",
            P.name(p),
            " | ",
            country,
            " | ",
            maker(r),
            " | ",
        )
        b.add(
            V("dob", I.dob_date(r).isoformat(), I.DOB),
            " | ",
            I.iban(r, country),
            " | ",
            X.price(r),
            "\n",
        )
    b.add("-- rows exported ", X.stamp(r), " by job ", X.uid(r), "\n")


def nhs_letter(b: B) -> None:
    """A hospital appointment letter (UK)."""
    r = b.r
    b.variant(1)
    p = P.anyone(r)
    b.add(
        X.place(r),
        " NHS Foundation Trust\nOutpatients · Tel 0300 ",
        T("helpline", f"{I.digits(r, 3)} {I.digits(r, 4)}"),
        "\n\n",
    )
    b.add(
        "Private & Confidential\n",
        P.name(p, r.choice(["full", "upper"])),
        "\n",
        P.address(r, "uk", "\n"),
        "\n\n",
    )
    b.add(
        "NHS No: ",
        I.nhs(r),
        "   Hospital No: ",
        V("patient_id", f"RX{I.digits(r, 7)}", I.ID),
        "   DOB: ",
        I.dob(r, "en"),
        "\n\n",
    )
    b.f(
        "Dear ⟪n⟫,\n\nYour appointment with ⟪doc⟫ (Cardiology) is on ⟪d⟫ at ⟪t⟫ in Clinic ⟪room⟫. "
        "Please bring a list of your medicines. If you need hospital transport, ring ⟪ph⟫ quoting ⟪ref⟫.\n\nYours sincerely\n⟪sig⟫\nMedical Secretary\n",
        n=P.name(p, "initial"),
        doc=P.name(P.anyone(r), "initial"),
        d=X.day(r),
        t=T("time", f"{r.randint(8, 16)}:{r.choice(['00', '15', '30', '45'])}"),
        room=T("room", f"{r.choice('ABCD')}{r.randint(1, 9)}"),
        ph=T("helpline", "0345 600 1040"),
        ref=X.ticket(r),
        sig=P.name(P.anyone(r)),
    )
    b.add("cc: GP – Dr ", P.name(P.anyone(r), "last"), ", ", X.place(r), " Surgery\n")


def ci_pipeline(b: B) -> None:
    """A CI workflow that mixes secret references with one real leak."""
    r = b.r
    v = b.variant(2)
    b.add(
        "name: deploy\non:\n  push:\n    branches: [main]\njobs:\n  build:\n    runs-on: ubuntu-",
        T("version", "22.04"),
        "\n    steps:\n",
    )
    b.add(
        "      - uses: actions/checkout@",
        X.sha(r),
        "\n      - uses: actions/setup-python@",
        X.version(r),
        "\n",
    )
    b.add(
        "      - run: pip install -r requirements.txt\n        env:\n          PIP_INDEX_TOKEN: ",
        T("secret_reference", "${{ secrets.PIP_INDEX_TOKEN }}"),
        "\n",
    )
    b.add(
        "      - run: ./deploy.sh\n        env:\n          AWS_ACCESS_KEY_ID: ",
        T("secret_reference", "${{ secrets.AWS_ACCESS_KEY_ID }}"),
        "\n",
    )
    if v == 0:
        b.add(
            "          AWS_SECRET_ACCESS_KEY: ",
            S.aws_secret(r),
            "   # FIXME ",
            P.name(P.anyone(r), "lower"),
            " pasted this\n",
        )
    else:
        b.add(
            "          SLACK_BOT_TOKEN: ",
            S.slack_token(r),
            '\n          AZURE_STORAGE: "',
            S.azure(r),
            '"\n',
        )
    b.add(
        '      - run: echo "built ',
        T("secret_reference", "${{ github.sha }}"),
        " on ",
        X.stamp(r),
        '"\n',
    )
    b.add(
        "# notify ",
        P.email(r, P.anyone(r)),
        " if ",
        T("software_name", r.choice(SOFTWARE)),
        " fails; ",
        X.cve(r),
        " pinned\n",
    )


def docker_compose(b: B) -> None:
    """A docker-compose file with passwords and a healthcheck."""
    r = b.r
    b.variant(1)
    b.add(
        "services:\n  db:\n    image: postgres@",
        X.digest(r),
        "\n    environment:\n      POSTGRES_USER: app\n      POSTGRES_PASSWORD: ",
        S.password(r),
        "\n",
    )
    b.add(
        '    ports: ["',
        T("non_personal_ip", "127.0.0.1"),
        ':5432:5432"]\n  mq:\n    image: rabbitmq:',
        X.version(r),
        "\n    environment:\n      RABBITMQ_URL: ",
        S.conn(r, "mq"),
        "\n",
    )
    b.add(
        "  web:\n    build: .\n    environment:\n      SECRET_KEY: ",
        X.env_lookup(r),
        "\n      SENTRY_ENV: staging\n      ADMIN: ",
        P.email(r, P.anyone(r)),
        "\n",
    )
    b.add(
        '    healthcheck:\n      test: ["CMD", "curl", "-f", "http://',
        X.loopback(r),
        '/healthz"]\n      interval: ',
        T("measure", "30s"),
        "\n",
    )
    b.add(
        '    labels:\n      maintainer: "',
        P.name(P.anyone(r)),
        '"\n      color: "',
        X.colour(r),
        '"\n',
    )


def notebook_output(b: B) -> None:
    """Cells and printed output of a data-science notebook."""
    r = b.r
    v = b.variant(2)
    b.add("In [3]: df = pd.read_csv('patients.csv'); df.head()\nOut[3]:\n")
    b.add("   id   name                    city        lat        lon        dob\n")
    for i in range(r.randint(3, 7)):
        p = P.anyone(r)
        lat, lon = P.latlon(r)
        b.add(
            f"{i}   ",
            T("row_id", str(r.randint(1000, 9999))),
            "  ",
            P.name(p),
            "  ",
            T("place", r.choice(["München", "Madrid", "Milano", "Paris", "Dublin"])),
            "  ",
            V("geo", f"{lat:.4f}", P.GEO),
            "  ",
            V("geo", f"{lon:.4f}", P.GEO),
            "  ",
            V("dob", I.dob_date(r).isoformat(), I.DOB),
            "\n",
        )
    b.add(
        "\nIn [4]: ",
        T("software_name", "Julia"),
        " would do this faster lol\nIn [5]: np.mean([",
        T("measure", "3.14159"),
        ", 2.71828])\nOut[5]: 2.929935\n",
    )
    if v == 1:
        b.add('In [6]: openai.api_key = "', S.openai(r), '"\n')
    b.add("In [7]: hashlib.md5(b'x').hexdigest()\nOut[7]: '", X.sha(r, 32), "'\n")


def url_encoded_form(b: B) -> None:
    """A logged form submission with URL-encoded values."""
    r = b.r
    v = b.variant(2)
    p = P.anyone(r)
    loc = r.choice(("de", "es", "fr", "it"))
    phone = P.phone(r, loc)
    email = P.email(r, p)
    b.add(
        "[",
        X.stamp(r),
        "] POST /contact 302 ",
        T("measure", f"{r.randint(5, 900)}ms"),
        " ref=",
        X.uid(r),
        "\nbody: ",
    )
    b.add(
        "name=",
        V("name", quote_plus(p.full), P.PERSON),
        "&email=",
        V("email", quote_plus(email.text), P.EMAIL),
        "&phone=",
        V("phone", quote_plus(phone.text), P.PHONE),
    )
    b.add(
        "&msg=",
        quote_plus(
            "Hallo, bitte um Rückruf wegen Auftrag " if v == 0 else "Hola, llamadme por el pedido "
        ),
        X.order(r),
        "&consent=on\n",
    )
    b.add(
        "[",
        X.stamp(r),
        "] GET /thanks?lang=",
        T("word", loc),
        "&utm_source=",
        T("word", "newsletter"),
        " 200\n",
    )
    b.add("[", X.stamp(r), "] mail queued to ", P.email(r, p), " (", X.sha(r, 12), ")\n")


def calendar_invite(b: B) -> None:
    """An iCalendar invite with attendees and a GEO property."""
    r = b.r
    v = b.variant(2)
    org = P.anyone(r)
    lat, lon = P.latlon(r)
    b.add(
        "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//",
        X.brand(r),
        "//Calendar ",
        X.version(r),
        "//EN\nBEGIN:VEVENT\nUID:",
        X.uid(r),
        "\n",
    )
    b.add(
        "DTSTART:",
        T(
            "timestamp",
            f"2025{r.randint(1, 12):02d}{r.randint(1, 28):02d}T{r.randint(8, 18):02d}0000Z",
        ),
        "\n",
    )
    b.add("ORGANIZER;CN=", P.name(org), ":mailto:", P.email(r, org), "\n")
    for _ in range(r.randint(2, 5)):
        a = P.anyone(r)
        b.add("ATTENDEE;CN=", P.name(a), ";RSVP=TRUE:mailto:", P.email(r, a), "\n")
    b.add(
        "SUMMARY:",
        ("Übergabe Wohnung", "Visita piso")[v],
        " ",
        X.ticket(r),
        "\nLOCATION:",
        P.address(r, ("de", "es")[v]),
        "\n",
    )
    b.add(
        "GEO:",
        V("geo", f"{lat};{lon}", P.GEO),
        "\nDESCRIPTION:Schlüssel bei ",
        P.name(P.anyone(r), "first"),
        " (",
        P.phone(r, ("de", "es")[v]),
        ")\nEND:VEVENT\nEND:VCALENDAR\n",
    )


def forum_post(b: B) -> None:
    """A forum or Q&A post asking for advice, oversharing details."""
    r = b.r
    v = b.variant(4)
    loc = ("es", "it", "de", "uk")[v]
    p = P.anyone(r)
    text = {
        0: "Hola a todos, os cuento mi caso a ver si alguien sabe. Me llamo ⟪n⟫ y mi casero (⟪c⟫) no me devuelve la fianza de ⟪pr⟫. Vivo en ⟪a⟫ desde ⟪d⟫. El contrato lo firmé con mi DNI ⟪id⟫ y él me dio su cuenta ⟪ib⟫. ¿Puedo reclamar? Mi móvil por si alguien es abogado: ⟪ph⟫. Gracias!! PD: versión de la app ⟪ver⟫\n",
        1: "Ciao, sono ⟪n⟫, ho un problema con il mio padrone di casa ⟪c⟫ che non mi ridà la caparra (⟪pr⟫). Abito in ⟪a⟫ dal ⟪d⟫; il mio codice fiscale è ⟪id⟫ e gli ho pagato tutto su ⟪ib⟫. Qualcuno sa come fare? Cell ⟪ph⟫. (app ⟪ver⟫)\n",
        2: "Hallo zusammen, ich bin ⟪n⟫ und mein Vermieter ⟪c⟫ rückt die Kaution (⟪pr⟫) nicht raus. Wohne seit ⟪d⟫ in ⟪a⟫, Steuer-ID ⟪id⟫, Miete ging immer auf ⟪ib⟫. Wer kennt sich aus? Handy ⟪ph⟫. (App-Version ⟪ver⟫)\n",
        3: "Hi all, long time lurker. I'm ⟪n⟫ and my landlord ⟪c⟫ won't return my deposit of ⟪pr⟫. I've lived at ⟪a⟫ since ⟪d⟫, NI number ⟪id⟫, paid rent to ⟪ib⟫ every month. Any advice? Mobile ⟪ph⟫ if you'd rather DM. (app ⟪ver⟫)\n",
    }[v]
    b.add(
        "Posted by u/",
        V("handle", p.handle.replace(".", "_") + str(r.randint(1, 99)), P.PERSON),
        " · ",
        X.stamp(r),
        "\n\n",
    )
    b.f(
        text,
        n=P.name(p),
        c=P.name(P.anyone(r), r.choice(["full", "last", "initial"])),
        pr=X.price(r),
        a=P.address(r, loc),
        d=X.day(r, LANG[loc]),
        id=I.national_id(r, loc),
        ib=I.iban(r, {"es": "ES", "it": "IT", "de": "DE", "uk": "GB"}[loc]),
        ph=P.phone(r, loc),
        ver=X.version(r),
    )
    for _ in range(r.randint(1, 3)):
        q = P.anyone(r)
        b.add(
            "\n↳ ",
            V("handle", q.handle.split(".")[0] + "_" + S.rs(r, 3, "0123456789"), P.PERSON),
            ": ",
            r.choice(
                [
                    "check your contract clause ",
                    "mira el artículo ",
                    "guarda l'art. ",
                    "schau mal in § ",
                ]
            ),
            T("clause", f"{r.randint(1, 30)}.{r.randint(1, 9)}"),
            " – ",
            T("word", r.choice(["good luck", "suerte", "in bocca al lupo", "viel Glück"])),
            "\n",
        )


def visa_form(b: B) -> None:
    """A visa or residence-permit form for an applicant from abroad."""
    r = b.r
    v = b.variant(2)
    p = P.person(r, "world") if v else P.scripted(r)
    born = I.dob_date(r)
    number = I.passport_no(r)
    b.add(
        ("Antrag auf Erteilung eines Aufenthaltstitels\n", "Solicitud de visado nacional\n")[v],
        "Az.: ",
        T("case_number", f"{r.randint(10, 99)}-{I.digits(r, 6)}"),
        "\n\n",
    )
    b.add(
        "Familienname / Apellidos: ",
        P.name(p, "last"),
        "\nVorname / Nombre: ",
        P.name(p, "first") if p.last else V("name", p.handle.replace(".", " ").title(), P.PERSON),
        "\n",
    )
    b.add("Geburtsdatum / Fecha de nacimiento: ", I.dob(r, ("de", "es")[v], born), "\n")
    b.add("Reisepass Nr. / Pasaporte nº: ", V("passport", number, I.ID), "\n")
    if r.random() < 0.5:
        b.add("PAN (India): ", I.pan(r), "\n")
    b.add(
        "Anschrift in ",
        X.place(r),
        ": ",
        P.address(r, ("de", "es")[v]),
        "\nTel.: ",
        P.phone(r, ("de", "es")[v]),
        "  E-Mail: ",
        P.email(r, p),
        "\n",
    )
    b.add(
        "Gastgeber / Anfitrión: ",
        P.name(P.anyone(r)),
        ", ",
        I.national_id(r, ("de", "es")[v]),
        "\n",
    )
    b.add(
        "Einreise geplant am / Entrada prevista: ",
        X.day(r, ("de", "es")[v]),
        " mit ",
        X.flight(r),
        "\nGebühr: ",
        X.price(r),
        " — Beleg ",
        X.invoice(r),
        "\n",
    )


def street_directions(b: B) -> None:
    """Directions and tips that name streets and places but no one's address."""
    r = b.r
    v = b.variant(3)
    p = P.anyone(r)
    text = {
        0: "Wegbeschreibung zur Feier: vom ⟪pl⟫ die ⟪st⟫ runter, am ⟪br⟫ links, dann seht ihr schon die Ballons. Parken am besten an der ⟪st2⟫. Unsere Adresse für das Navi: ⟪a⟫. Bei Fragen ⟪n⟫ anrufen: ⟪ph⟫. Treffpunkt ⟪t⟫, ⟪d⟫.\n",
        1: "Indicaciones: desde ⟪pl⟫ bajad por la ⟪st⟫, girad en el ⟪br⟫ y seguid hasta la ⟪st2⟫. La dirección exacta es ⟪a⟫. Cualquier cosa, llamad a ⟪n⟫ al ⟪ph⟫. Quedamos a las ⟪t⟫ el ⟪d⟫.\n",
        2: "Directions: from ⟪pl⟫ walk down ⟪st⟫, turn left at the ⟪br⟫, then follow ⟪st2⟫. Sat-nav: ⟪a⟫. Call ⟪n⟫ on ⟪ph⟫ if lost. Kick-off ⟪t⟫ on ⟪d⟫.\n",
    }[v]
    streets = (
        ("Kastanienallee", "Karl-Marx-Allee", "Goethestraße", "Friedrichstraße"),
        ("Gran Vía", "Calle de Alcalá", "Rambla de Catalunya", "Paseo del Prado"),
        ("Oxford Street", "Baker Street", "Abbey Road", "Portobello Road"),
    )[v]
    loc = ("de", "es", "uk")[v]
    b.f(
        text,
        pl=X.place(r),
        st=T("street_name", r.choice(streets)),
        br=X.brand(r),
        st2=T("street_name", r.choice(streets)),
        a=P.address(r, loc),
        n=P.name(p, "first"),
        ph=P.phone(r, loc),
        t=T("time", f"{r.randint(12, 20)}:{r.choice(['00', '30'])}"),
        d=X.day(r, LANG[loc]),
    )
    b.add(
        "\n",
        ("Dresscode: ", "Código de vestimenta: ", "Dress code: ")[v],
        T("colour", r.choice(["#ffffff", "navy", "#c0ffee"])),
        " · ",
        T("software_name", r.choice(SOFTWARE)),
        " playlist\n",
    )


def service_account_json(b: B) -> None:
    """A cloud service-account key file pasted whole (escaped newlines in the key)."""
    r = b.r
    b.variant(1)
    owner = P.anyone(r)
    key = S.private_key(r)
    escaped = key.text.replace("\n", "\\n")
    b.add(
        'this is the json from the console, why does auth fail?\n\n{\n  "type": "service_account",\n  "project_id": "',
        T("project_id", f"acme-prod-{r.randint(100000, 999999)}"),
        '",\n',
    )
    b.add(
        '  "private_key_id": "',
        S.secret("private_key_id", S.rs(r, 40, "0123456789abcdef")),
        '",\n  "private_key": "',
        S.secret("private_key", escaped),
        '\\n",\n',
    )
    b.add(
        '  "client_email": "',
        T("service_account_email", "deployer@acme-prod.iam.gserviceaccount.com"),
        '",\n  "client_id": "',
        T("service_account_id", I.digits(r, 21)),
        '",\n',
    )
    b.add(
        '  "token_uri": "https://oauth2.googleapis.com/token"\n}\n\nerror at ',
        X.stamp(r),
        ": invalid_grant (request ",
        X.uid(r),
        ")\n",
    )
    b.add("-- ", P.name(owner, "first"), " (", P.email(r, owner), ")\n")


def shipping_notice(b: B) -> None:
    """A parcel notification with tracking numbers and the recipient block."""
    r = b.r
    v = b.variant(3)
    loc = ("de", "it", "fr")[v]
    p = P.anyone(r)
    intro = (
        "Ihre Sendung ist unterwegs!",
        "La tua spedizione è in arrivo!",
        "Votre colis est en route !",
    )[v]
    b.add(
        intro,
        "\n\nSendungsnummer / Tracking: ",
        X.tracking(r),
        "\nBestellung: ",
        X.order(r),
        " vom ",
        X.day(r, LANG[loc]),
        "\n\n",
    )
    b.add(
        "Empfänger / Destinatario / Destinataire:\n",
        P.name(p),
        "\n",
        P.address(r, loc, "\n"),
        "\n",
        P.phone(r, loc),
        "\n\n",
    )
    b.add(
        "Zustellung voraussichtlich ",
        X.day(r, LANG[loc]),
        ", ",
        T("time", f"{r.randint(8, 12)}:00–{r.randint(13, 18)}:00"),
        "\n",
    )
    b.add(
        "Gewicht ",
        T("measure", f"{r.randint(1, 30)},{r.randint(0, 9)} kg"),
        " · Paketshop: ",
        X.brand(r),
        ", ",
        T("street_name", r.choice(["Hauptstraße", "Via Roma", "rue de la Paix"])),
        "\n",
    )
    b.add("Weitere Pakete: ", X.tracking(r), ", ", X.tracking(r), "\n")


def bank_statement(b: B) -> None:
    """Lines of a bank statement copied from online banking."""
    r = b.r
    v = b.variant(2)
    owner = P.anyone(r)
    country = ("DE", "ES")[v]
    b.add(
        ("Kontoauszug ", "Extracto ")[v],
        T("statement_number", f"{r.randint(1, 12)}/{r.randint(2024, 2025)}"),
        " · ",
        P.name(owner, "upper"),
        " · ",
        I.iban(r, country),
        "\n\n",
    )
    limit = r.randint(800, 2800)
    while len(b) < limit:
        kind = r.randrange(4)
        b.add(X.day(r, ("de", "es")[v]), "  ")
        if kind == 0:
            q = P.anyone(r)
            b.add(
                ("SEPA-Überweisung an ", "Transferencia a ")[v],
                P.name(q, "upper"),
                " ",
                I.iban(r, r.choice(list(I.IBAN_SHAPE))),
                " ",
                X.invoice(r),
            )
        elif kind == 1:
            b.add(
                ("Kartenzahlung ", "Pago con tarjeta ")[v],
                X.brand(r),
                " ",
                X.place(r),
                " Karte ",
                X.masked_card(r),
            )
        elif kind == 2:
            b.add(
                ("Lastschrift ", "Recibo ")[v],
                X.brand(r),
                " Mandat ",
                T("mandate_ref", f"M-{I.digits(r, 8)}"),
                " Gläubiger-ID ",
                T("creditor_id", f"{country}{r.randint(10, 99)}ZZZ{I.digits(r, 11)}"),
            )
        else:
            q = P.anyone(r)
            b.add(
                ("Gutschrift von ", "Bizum de ")[v],
                P.name(q, r.choice(["full", "upper", "lower"])),
                " ",
                r.choice(["Miete", "cena", "Geschenk", "regalo"]),
            )
        b.add("  ", X.price(r), "\n")


def terraform_vars(b: B) -> None:
    """A terraform.tfvars and a plan excerpt."""
    r = b.r
    b.variant(1)
    b.add(
        "# terraform.tfvars – owner ",
        P.email(r, P.anyone(r)),
        '\nregion        = "',
        T("region", r.choice(["eu-west-1", "eu-central-1", "europe-west3"])),
        '"\n',
    )
    b.add(
        'db_password   = "',
        S.password(r),
        '"\ngithub_token  = "',
        S.github(r),
        '"\nsendgrid_key  = ',
        T("secret_reference", "var.sendgrid_key"),
        "\n",
    )
    b.add('admin_cidr    = "', P.ipv4(r), '/32"   # my home IP\n\n')
    b.add(
        "Plan: ",
        T("quantity", str(r.randint(1, 40))),
        ' to add, 0 to change, 0 to destroy.\n  + aws_instance.web  ami = "ami-',
        S.rs(r, 17, "0123456789abcdef"),
        '"\n',
    )
    b.add(
        '  + random_id.suffix  hex = (known after apply)\n  ~ tags.Owner = "',
        P.name(P.anyone(r)),
        '"\n  ~ etag = "',
        X.sha(r, 32),
        '"\n',
    )
