"""More shapes of pasted text: contact cards, invites, raw headers, records, build logs."""

from __future__ import annotations

import base64
from random import Random

from . import ids
from . import people as ppl
from . import places as geo
from . import secrets_ as sec
from . import traps as tr
from .build import GEO, PERSON, PHONE, Look, Page, Val


def vcard(r: Random, v: int) -> Page:
    """A contact card export."""
    loc = ("de", "es", "fr")[v]
    who = ppl.person(r, loc)
    born = ids.birth_date(r)
    p = Page()
    p.line("Import this contact into a CSV row for me:\n")
    p.line("BEGIN:VCARD\nVERSION:3.0")
    p.line("N:", who.last(), ";", who.first(), ";;;")
    p.line("FN:", who.full())
    p.line("TEL;TYPE=CELL:", ppl.phone(r, loc))
    p.line("EMAIL;TYPE=HOME:", ppl.email(r, who, loc))
    p.line(
        "ADR;TYPE=HOME:;;",
        geo.street_only(r, loc),
        ";",
        Look("place", {"de": "Berlin", "es": "Madrid", "fr": "Lyon"}[loc]),
        ";;;",
    )
    p.line("BDAY:", ids.dob_val(born, "iso"))
    p.line("ORG:", tr.company(r))
    p.line("REV:", tr.timestamp(r), "\nUID:", tr.uuid(r), "\nEND:VCARD")
    return p


def calendar_invite(r: Random, v: int) -> Page:
    """An iCalendar invite pasted for a reminder text."""
    org, guest = ppl.people(r, 2)
    p = Page()
    p.line("Write me a short reminder message from this invite:\n")
    p.line("BEGIN:VEVENT")
    p.line("UID:", tr.uuid(r), "@calendar")
    p.line(
        "DTSTART:",
        Look(
            "timestamp",
            f"2025{r.randint(1, 12):02d}{r.randint(1, 28):02d}T{r.randint(8, 18):02d}0000Z",
        ),
    )
    p.line("SUMMARY:", ("Physio", "Notartermin", "Visita pediatrica")[v], " – ", guest.full())
    p.line("ORGANIZER;CN=", org.full(), ":mailto:", ppl.email(r, org))
    p.line("ATTENDEE;CN=", guest.full(), ":mailto:", ppl.email(r, guest))
    p.line("LOCATION:", geo.address(r, ("en", "de", "it")[v]))
    p.line(
        "DESCRIPTION:Bring ID (",
        ids.passport_no(r, ("GB", "DE", "IT")[v]),
        ") and the referral ",
        tr.ticket(r),
        ".",
    )
    p.line("END:VEVENT")
    return p


def raw_headers(r: Random, v: int) -> Page:
    """Raw e-mail headers pasted to ask about phishing."""
    sender, me = ppl.people(r, 2)
    p = Page()
    p.line("Is this email a phishing attempt? Headers:\n")
    p.line("Return-Path: <", ppl.email(r, sender), ">")
    p.line(
        "Received: from mail-ej1-f54.google.com (mail-ej1-f54.google.com [",
        Look("server_ip", "209.85.218.54"),
        "])",
    )
    p.line("        by mx.posteo.de with ESMTPS id ", tr.short_sha(r), "; ", tr.timestamp(r))
    p.line("X-Originating-IP: [", geo.ip(r), "]")
    p.line('From: "', sender.full(), '" <', ppl.email(r, sender), ">")
    p.line("To: ", me.full(), " <", ppl.email(r, me, "de"), ">")
    p.line("Message-ID: <", tr.uuid(r), "@mail.gmail.com>")
    p.line(
        "DKIM-Signature: v=1; a=rsa-sha256; bh=",
        Look("digest", base64.b64encode(r.randbytes(32)).decode()),
    )
    p.line("Subject: Ihre Rückerstattung ", tr.invoice(r), " – bitte IBAN bestätigen")
    return p


def fhir_patient(r: Random, v: int) -> Page:
    """A FHIR Patient resource."""
    who = ppl.person(r, ("de", "fr", "en")[v])
    born = ids.birth_date(r)
    female = who.female
    ident = (ids.de_kvnr(r), ids.fr_nir(r, born, female), ids.uk_nhs(r))[v]
    p = Page()
    p.line("Map this FHIR resource to our patient table:\n")
    p.line('{"resourceType": "Patient", "id": "', tr.uuid(r), '",')
    p.line(' "identifier": [{"system": "urn:oid:1.2.276.0.76.4.8", "value": "', ident, '"}],')
    p.line(' "name": [{"family": "', who.last(), '", "given": ["', who.first(), '"]}],')
    p.line(
        ' "gender": "',
        "female" if female else "male",
        '", "birthDate": "',
        ids.dob_val(born, "iso"),
        '",',
    )
    p.line(
        ' "telecom": [{"system": "phone", "value": "', ppl.phone(r, ("de", "fr", "en")[v]), '"}],'
    )
    p.line(' "address": [{"text": "', geo.address(r, ("de", "fr", "en")[v]), '"}],')
    p.line(
        ' "meta": {"versionId": "',
        Look("version", str(r.randint(2, 40))),
        '", "lastUpdated": "',
        tr.timestamp(r),
        '"}}',
    )
    return p


def ldap_entry(r: Random, v: int) -> Page:
    """An LDIF directory entry."""
    who = ppl.person(r)
    p = Page()
    p.line("Why does ldapadd reject this?\n")
    p.line(
        "dn: uid=",
        Look("user", r.choice(("svc-import", "svc-backup", "svc-sync"))),
        ",ou=people,dc=example,dc=org",
    )
    p.line("objectClass: inetOrgPerson")
    p.line("cn: ", who.full())
    p.line("sn: ", who.last())
    p.line("givenName: ", who.first())
    p.line("mail: ", ppl.email(r, who, work="example.org"))
    p.line("telephoneNumber: ", ppl.phone(r, r.choice(("de", "fr", "it", "es"))))
    p.line("employeeNumber: ", ids.member_no(r, "employee_no", "E999999"))
    p.line("userPassword: ", sec.pw(r) if v else Look("placeholder", "{SSHA}"))
    p.line("description: migrated ", tr.plain_date(r, 1), " by job ", tr.uuid(r))
    return p


def auth_log(r: Random, v: int) -> Page:
    """sshd auth.log lines."""
    p = Page()
    p.line("Should I worry about these lines in auth.log?\n")
    for _ in range(6):
        who = ppl.person(r)
        clock = f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}"
        stamp = Look("timestamp", f"Nov {r.randint(1, 28):2d} {clock}")
        p.add(stamp, " web01 sshd[", Look("pid", str(r.randint(1000, 65000))), "]: ")
        if r.random() < 0.5:
            p.add("Failed password for invalid user ", who.lower(), " from ", geo.ip(r))
        else:
            p.add("Accepted publickey for ", Look("user", "deploy"), " from ", geo.ip(r))
        p.line(" port ", Look("port", str(r.randint(30000, 65000))), " ssh2")
    return p


def ci_log(r: Random, v: int) -> Page:
    """A CI build log where some secrets were masked and one was not."""
    who = ppl.person(r)
    p = Page()
    p.line("Why did this CI job fail?\n")
    p.line("Run actions/checkout@", tr.short_sha(r))
    p.line("  repository: acme/shop  ref: ", tr.sha(r))
    p.line("Run npm ci  (node ", tr.version(r), ")")
    p.line("  NPM_TOKEN: ***")
    p.line('+ echo "//registry.npmjs.org/:_authToken=', sec.api_token(r), '" > .npmrc')
    p.line("+ curl -X POST ", sec.webhook(r), ' -d \'{"text":"build by ', who.full(), "\"}'")
    p.line("npm ERR! code ", tr.error_code(r))
    p.line(
        "npm ERR! ",
        tr.status(r),
        " Not Found - GET https://registry.npmjs.org/@acme%2fui - ",
        tr.sri(r),
    )
    p.line("Error: Process completed with exit code 1. Duration ", tr.size(r, "ms"))
    return p


def notebook(r: Random, v: int) -> Page:
    """A notebook cell and its printed data frame."""
    p = Page()
    p.line("Why is the merge producing NaNs?\n")
    p.line("In [3]: import openai; openai.api_key = ", sec.api_token(r) if v else tr.env(r, "py"))
    p.line("In [4]: df.head()")
    p.line("Out[4]:")
    p.line("   id          name                 email                      city      score")
    for i in range(5):
        who = ppl.person(r)
        p.line(
            f"{i}  ",
            Look("row_id", str(r.randint(100, 999))),
            "  ",
            who.full(),
            "  ",
            ppl.email(r, who),
            "  ",
            Look("place", r.choice(("Bologna", "Zaragoza", "Lille", "Graz"))),
            "  ",
            Look("score", f"{r.random():.3f}"),
        )
    p.line("In [5]: ", tr.maths(r, expr_only=True))
    return p


def tfvars(r: Random, v: int) -> Page:
    """Terraform variables with credentials."""
    key_id, key = sec.aws_pair(r)
    p = Page()
    p.line("terraform plan fails with InvalidClientTokenId, here's my tfvars:\n")
    p.line(
        'region            = "',
        Look("region", r.choice(("eu-central-1", "eu-west-3", "eu-south-1"))),
        '"',
    )
    p.line('access_key        = "', key_id, '"')
    p.line('secret_key        = "', key, '"')
    p.line('db_password       = "', sec.pw(r), '"')
    p.line('example_key       = "', tr.doc_key(), '"  # from the docs')
    p.line(
        'ami               = "ami-',
        Look("ami", "".join(r.choice("0123456789abcdef") for _ in range(17))),
        '"',
    )
    p.line('state_bucket_sha  = "', tr.sha256(r), '"')
    p.line('alert_email       = "', ppl.email(r, ppl.person(r), work="ops.example.net"), '"')
    return p


def guest_list(r: Random, v: int) -> Page:
    """A wedding or party guest list."""
    p = Page()
    p.line(
        ("Make a seating plan from this list:", "Haz la distribución de mesas con esta lista:")[v]
        + "\n"
    )
    for _ in range(7):
        who = ppl.person(r)
        p.add("- ", who.full() if r.random() < 0.7 else who.first(), " + ")
        p.add(ppl.person(r).first() if r.random() < 0.6 else "1", " · ")
        p.add(r.choice(("vegetarian", "no nuts", "halal", "—", "vegan")), " · ")
        if r.random() < 0.5:
            p.add(ppl.phone(r, r.choice(("es", "it", "en", "de"))))
        else:
            p.add("table ", Look("table", str(r.randint(1, 14))))
        p.line()
    p.line(
        ("Venue: ", "Sitio: ")[v], tr.place(r), ", ", tr.plain_date(r, 3), ", budget ", tr.maths(r)
    )
    return p


def class_list(r: Random, v: int) -> Page:
    """A school class list with children's birth dates and parents' phones."""
    loc = ("it", "es")[v]
    p = Page()
    p.line(
        (
            "Ordina per data di nascita e segna chi compie gli anni a maggio:",
            "Ordena por fecha de nacimiento:",
        )[v]
        + "\n"
    )
    p.line(("Alunno | Nato il | Genitore | Cellulare", "Alumno | Fecha nac. | Tutor | Móvil")[v])
    for _ in range(6):
        kid, parent = ppl.people(r, 2, loc)
        born = ids.birth_date(r, young=True)
        p.line(
            kid.formal(),
            " | ",
            ids.dob_val(born, "dmy/"),
            " | ",
            parent.full(),
            " | ",
            ppl.phone(r, loc),
        )
    p.line(
        ("Classe 3B, a.s. ", "Curso 3ºB, ")[v],
        Look("school_year", "2025/26"),
        (" – aula ", " – aula ")[v],
        Look("room", str(r.randint(1, 30))),
    )
    return p


def cv_header(r: Random, v: int) -> Page:
    """The top of a CV (German or Spanish)."""
    loc = ("de", "es")[v]
    who = ppl.person(r, loc if r.random() < 0.7 else None)
    born = ids.birth_date(r)
    p = Page()
    p.line(("Verbessere meinen Lebenslauf:", "Mejora mi currículum:")[v] + "\n")
    p.line(who.full())
    p.line(geo.address(r, loc), " · ", ppl.phone(r, loc), " · ", ppl.email(r, who, loc))
    slug = Val("name_url", f"{who.handle.replace('.', '-')}", PERSON)
    p.line("linkedin.com/in/", slug, " · github.com/", Look("org", "acme-oss"))
    p.line(
        ("Geboren am ", "Fecha de nacimiento: ")[v],
        ids.dob_val(born, ("de", "es")[v]),
        (" in ", " en ")[v],
        Look("place", ("Ludwigshafen", "Santa Cruz de Tenerife")[v]),
    )
    p.line()
    p.line(
        tr.plain_date(r, 1),
        (" – heute: Senior Engineer bei ", " – actualidad: Ingeniera en ")[v],
        tr.company(r),
    )
    p.line(("Zertifikate: ", "Certificados: ")[v], tr.standard(r), ", ", tr.standard(r))
    p.line(("Referenz: ", "Referencia: ")[v], ppl.person(r).full(), ", ", ppl.phone(r, loc))
    return p


def location_share(r: Random, v: int) -> Page:
    """Messages sharing a live location."""
    a, b = ppl.people(r, 2, ("fr", "en")[v])
    la, lo = geo.lat_lon(r)
    p = Page()
    p.line(("Réponds à ce message gentiment :", "Reply to this for me:")[v])
    p.add(
        a.first(),
        ": ",
        ("je suis là 👉 ", "I'm here 👉 ")[v],
        "https://maps.google.com/?q=",
        Val("geo", f"{la:.6f},{lo:.6f}", GEO),
        "\n",
    )
    p.add(
        b.first(),
        ": ",
        ("ok j'arrive, c'est chez ", "ok coming, is that ")[v],
        a.lower(),
        (" ? ", "'s place? ")[v],
        ("sinon ", "otherwise ")[v],
        geo.address(r, ("fr", "en")[v]),
        "\n",
    )
    p.add(
        a.first(),
        ": ",
        ("non, au parc, coordonnées ", "no, the park, coords ")[v],
        geo.geo_pair(r),
        "\n",
    )
    p.add(b.first(), ": ", ("code wifi de la maison: ", "home wifi pw: ")[v], sec.pw(r), "\n")
    p.add(a.first(), ": 👍 ", ("à ", "at ")[v], Look("time", "17:30"), ", ", tr.place(r), "\n")
    return p


_SCRIPT_HOMES = {  # country of an address: (phone code, handles of people from there)
    "China": ("86", ("wang.wei", "li.na", "chen.jing")),
    "Japan": ("81", ("taro.yamada", "hanako.sato")),
    "Russia": ("7", ("natalya.smirnova", "dmitry.volkov")),
    "Greece": ("30", ("giorgos.papadopoulos", "katerina.nikolaou")),
    "Saudi Arabia / Egypt / Lebanon": ("20", ("mohammed.alahmad", "fatima.zahra")),
    "Ukraine": ("380", ("olena.shevchenko",)),
    "Korea": ("82", ("minjun.kim", "seoyeon.lee")),
}


def shipping_label(r: Random, v: int) -> Page:
    """A request to transliterate a recipient written in another script."""
    country, addr = geo.script_address(r)
    code, handles = _SCRIPT_HOMES[country]
    who = ppl.scripted(r, handles)
    p = Page()
    p.line(
        (
            "Transliterate this for the courier label (Latin letters only):",
            "Schreib mir die Adresse für das DHL-Etikett in lateinischen Buchstaben:",
            "Traduci l'indirizzo per l'etichetta della spedizione:",
        )[v]
        + "\n"
    )
    p.line(who.full())
    p.line(addr)
    phone = Val("phone", f"+{code} {ids.digits(r, 3)} {ids.digits(r, 4)} {ids.digits(r, 4)}", PHONE)
    p.line(Look("country", country), " · ", phone)
    p.line()
    p.line(
        ("Parcel ", "Paket ", "Pacco ")[v],
        tr.tracking(r),
        ", ",
        Look("measure", f"{r.randint(1, 9)},{r.randint(0, 9)} kg"),
        ", ",
        ("contents: books", "Inhalt: Bücher", "contenuto: libri")[v],
    )
    loc = ("en", "de", "it")[v]
    p.line(
        ("Sender: ", "Absender: ", "Mittente: ")[v],
        ppl.person(r, loc).full(),
        ", ",
        geo.address(r, loc),
    )
    return p


FORMS = (
    (vcard, 3),
    (calendar_invite, 3),
    (raw_headers, 1),
    (fhir_patient, 3),
    (ldap_entry, 2),
    (auth_log, 1),
    (ci_log, 1),
    (notebook, 2),
    (tfvars, 1),
    (guest_list, 2),
    (class_list, 2),
    (cv_header, 2),
    (location_share, 2),
    (shipping_label, 3),
)
