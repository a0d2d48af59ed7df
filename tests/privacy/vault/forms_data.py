"""Tables, exports and payloads printed by tools, and meeting notes."""

from __future__ import annotations

from random import Random

from . import ids
from . import people as ppl
from . import places as geo
from . import secrets_ as sec
from . import traps as tr
from .build import Look, Page


def csv_customers(r: Random, v: int) -> Page:
    """A CSV export of customers."""
    sep = (",", ";", "\t")[v]
    p = Page()
    p.line("Dedupe this customer export and tell me who appears twice:\n")
    p.line(sep.join(("customer_id", "name", "email", "phone", "city", "last_order", "total")))
    for _ in range(6):
        loc = r.choice(("de", "es", "fr", "it", "en"))
        who = ppl.person(r)
        p.line(
            ids.member_no(r, "customer_no", "K9999999"),
            sep,
            who.full(),
            sep,
            ppl.email(r, who, loc),
            sep,
            ppl.phone(r, loc),
            sep,
            Look("place", r.choice(("Berlin", "Madrid", "Lyon", "Torino", "Leeds"))),
            sep,
            tr.order(r),
            sep,
            Look("amount", tr.amount(r, "").text.strip()),
        )
    return p


def csv_payroll(r: Random, v: int) -> Page:
    """A German payroll CSV."""
    p = Page()
    p.line("Rechne mir die Summe der Bruttogehälter aus:\n")
    p.line("Personalnr;Name;Vorname;Steuer-ID;IBAN;Brutto;Abteilung")
    for _ in range(5):
        who = ppl.person(r, "de" if r.random() < 0.6 else None)
        p.line(
            ids.member_no(r, "employee_no", "99999"),
            ";",
            who.last(),
            ";",
            who.first(),
            ";",
            ids.de_steuer_id(r),
            ";",
            ids.iban(r, r.choice(("DE", "DE", "AT")), False),
            ";",
            Look("amount", f"{r.randint(2400, 9800)},00"),
            ";",
            Look("dept", r.choice(("Vertrieb", "IT", "Lager", "HR"))),
        )
    p.line("Stand: ", tr.plain_date(r, 0), " / Export ", tr.uuid(r))
    return p


def md_team(r: Random, v: int) -> Page:
    """A markdown table of a team."""
    p = Page()
    p.line(("Sort this table by start date:", "Ordina la tabella per ruolo:")[v] + "\n")
    p.line("| Name | Role | Email | Phone | Start |")
    p.line("|---|---|---|---|---|")
    for _ in range(6):
        who = ppl.person(r)
        loc = r.choice(("it", "es", "de", "fr", "en"))
        role = r.choice(("Backend", "Design", "PM", "QA", "Sales", "Data"))
        p.line(
            "| ",
            who.full(),
            " | ",
            role,
            " | ",
            ppl.email(r, who, work="studio-aurora.it"),
            " | ",
            ppl.phone(r, loc),
            " | ",
            tr.plain_date(r, 1),
            " |",
        )
    p.line("\nSprint ", Look("sprint", f"{r.randint(20, 60)}"), ", board ", tr.ticket(r))
    return p


def psql_table(r: Random, v: int) -> Page:
    """psql query output."""
    p = Page()
    p.line("Why are there duplicate sessions for these users?\n")
    column = ("role", "username")[v]
    p.line(f"app=> SELECT id, {column}, full_name, last_ip, created_at FROM users WHERE flagged;")
    p.line(f"  id   |   {column:<10} |      full_name       |     last_ip     |     created_at")
    p.line("-------+--------------+----------------------+-----------------+---------------------")
    for _ in range(5):
        who = ppl.person(r)
        p.line(
            " ",
            Look("row_id", str(r.randint(10000, 99999))),
            " | ",
            who.lower() if v else Look("role", r.choice(("viewer", "admin", "editor"))),
            " | ",
            who.full(),
            " | ",
            geo.ip(r),
            " | ",
            tr.timestamp(r),
        )
    p.line("(5 rows)")
    return p


def json_profile(r: Random, v: int) -> Page:
    """A user-profile JSON payload."""
    who = ppl.person(r)
    loc = r.choice(("de", "es", "fr", "it"))
    la, lo = geo.geo_split(r)
    born = ids.birth_date(r)
    p = Page()
    p.line("Write a TypeScript type for this response:\n")
    p.line("{")
    p.line('  "id": "', tr.uuid(r), '",')
    p.line('  "displayName": "', who.full(), '",')
    p.line('  "email": "', ppl.email(r, who, loc), '",')
    p.line('  "phone": "', ppl.phone(r, loc), '",')
    p.line('  "birthDate": "', ids.dob_val(born, "iso"), '",')
    p.line(
        '  "address": {"line1": "',
        geo.street_only(r, loc),
        '", "city": "',
        Look("place", r.choice(("Köln", "Sevilla", "Nantes", "Bologna"))),
        '"},',
    )
    p.line('  "location": {"lat": ', la, ', "lon": ', lo, "},")
    p.line('  "avatarColor": "', tr.colour(r), '",')
    p.line('  "createdAt": "', tr.timestamp(r), '",')
    p.line('  "appVersion": "', tr.version(r), '"')
    p.line("}")
    return p


def json_payment(r: Random, v: int) -> Page:
    """A payment-provider webhook event."""
    who = ppl.person(r)
    p = Page()
    p.line("What does this webhook event mean?\n")
    body_id = "evt_" + "".join(
        r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        for _ in range(24)
    )
    p.line(
        '{"id": "',
        Look("event_id", body_id),
        '", "type": "charge.failed", "created": ',
        Look("timestamp", str(r.randint(1_700_000_000, 1_760_000_000))),
        ",",
    )
    p.line(
        ' "data": {"billing_details": {"name": "',
        who.full(),
        '", "email": "',
        ppl.email(r, who),
        '",',
    )
    p.line('   "address": "', geo.address(r, r.choice(("de", "fr", "it", "es"))), '"},')
    if v:
        p.line(
            '   "payment_method": {"sepa_debit": {"iban": "',
            ids.iban(r, r.choice(("DE", "FR", "IT", "ES")), False),
            '"}},',
        )
    else:
        p.line('   "payment_method": {"card": {"number": "', ids.card(r), '", "brand": "visa"}},')
    p.line(
        '   "amount": ',
        Look("amount", str(r.randint(100, 99999))),
        ', "currency": "eur", "invoice": "',
        tr.invoice(r),
        '"}}',
    )
    return p


def xml_invoice(r: Random, v: int) -> Page:
    """An XML e-invoice fragment."""
    buyer = ppl.person(r, ("de", "it")[v])
    p = Page()
    p.line("Validate this invoice XML:\n")
    p.line('<?xml version="1.0" encoding="UTF-8"?>')
    p.line(
        "<Invoice>\n  <ID>",
        tr.invoice(r),
        "</ID>\n  <IssueDate>",
        tr.plain_date(r, 1),
        "</IssueDate>",
    )
    p.line("  <Seller><Name>", tr.company(r), "</Name></Seller>")
    p.line("  <Buyer>\n    <Name>", buyer.full(), "</Name>")
    p.line("    <Street>", geo.street_only(r, ("de", "it")[v]), "</Street>")
    p.line("    <Email>", ppl.email(r, buyer, ("de", "it")[v]), "</Email>")
    if v:
        p.line(
            "    <CodiceFiscale>",
            ids.it_cf(buyer, ids.birth_date(r), buyer.female, r),
            "</CodiceFiscale>",
        )
    p.line(
        "  </Buyer>\n  <Payment><IBAN>", ids.iban(r, ("DE", "IT")[v], False), "</IBAN></Payment>"
    )
    p.line(
        "  <Line><Item>",
        tr.sku(r),
        "</Item><GTIN>",
        tr.ean(r),
        "</GTIN><Net>",
        Look("amount", tr.amount(r, "").text.strip()),
        "</Net></Line>",
    )
    p.line("</Invoice>")
    return p


def minutes(r: Random, v: int) -> Page:
    """Meeting minutes (German, English or Spanish)."""
    loc = ("de", "en", "es")[v]
    team = ppl.people(r, 4, loc)
    p = Page()
    p.line(
        (
            "Mach aus dem Protokoll eine Mail an alle:",
            "Turn these minutes into an email:",
            "Convierte el acta en un correo:",
        )[v]
    )
    p.add(
        ("Protokoll Jour fixe ", "Minutes weekly sync ", "Acta reunión semanal ")[v],
        tr.plain_date(r, 0),
        "\n",
    )
    p.add(
        ("Anwesend: ", "Present: ", "Asistentes: ")[v],
        team[0].full(),
        ", ",
        team[1].initial(),
        ", ",
        team[2].initials(),
        ", ",
        team[3].first(),
        "\n",
    )
    p.add(
        "1. ",
        tr.ticket(r),
        (" – ", " – ", " – ")[v],
        team[1].last(),
        (" klärt mit ", " to follow up with ", " habla con ")[v],
        ppl.person(r).full(),
        " (",
        ppl.phone(r, loc if loc != "en" else "en"),
        ")\n",
    )
    p.add(
        "2. Release ",
        tr.version(r),
        (" verschoben, Grund: ", " slipped because of ", " retrasado por ")[v],
        tr.error_code(r),
        "\n",
    )
    p.add(
        "3. ",
        team[3].lower(),
        (" schickt Zugang an ", " sends access to ", " manda acceso a ")[v],
        ppl.email(r, team[2], loc),
        (", Passwort: ", ", password: ", ", contraseña: ")[v],
        sec.pw(r),
        "\n",
    )
    p.add(
        "4. Budget: ",
        tr.maths(r),
        (" (Kostenstelle ", " (cost centre ", " (centro de coste ")[v],
        Look("cost_centre", f"{r.randint(1000, 9999)}"),
        ")\n",
    )
    return p


def api_docs(r: Random, v: int) -> Page:
    """Documentation examples next to a real credential a user pasted."""
    who = ppl.person(r)
    p = Page()
    p.line("The docs say to test with these values:\n")
    p.line("  card: ", tr.doc_card(), "\n  iban: ", tr.doc_iban(), "\n  key:  ", tr.doc_key())
    p.line("\nbut with my real setup it fails. Here is what I run:\n")
    p.line("curl https://api.payments.example/v1/charges \\")
    p.line("  -u ", sec.api_token(r, 0), ": \\")
    p.line("  -d customer_email=", ppl.email(r, who), " \\")
    p.line("  -d 'name=", who.full(), "' -d amount=", Look("amount", str(r.randint(100, 9999))))
    p.line("\nVersion ", tr.version(r), ", SDK checksum ", tr.sri(r))
    return p


def geo_tracks(r: Random, v: int) -> Page:
    """GPS points from a running app, exported as CSV or GeoJSON."""
    who = ppl.person(r)
    p = Page()
    p.line("Compute the total distance of this run:\n")
    p.line(
        "athlete: ",
        who.full(),
        "  device: ",
        Look(
            "model", r.choice(("Garmin Forerunner 265", "Apple Watch Series 9", "Polar Pacer Pro"))
        ),
    )
    if v:
        p.line('{"type":"LineString","coordinates":[')
        for i in range(4):
            la, lo = geo.geo_split(r)
            p.line("  [", lo, ", ", la, "]", "," if i < 3 else "")
        p.line("]}")
    else:
        p.line("time,lat,lon,hr")
        for _ in range(4):
            la, lo = geo.geo_split(r)
            p.line(
                tr.timestamp(r), ",", la, ",", lo, ",", Look("measure", str(r.randint(120, 180)))
            )
    p.line("home: ", geo.geo_pair(r))
    return p


FORMS = (
    (csv_customers, 3),
    (csv_payroll, 1),
    (md_team, 2),
    (psql_table, 2),
    (json_profile, 1),
    (json_payment, 2),
    (xml_invoice, 2),
    (minutes, 3),
    (api_docs, 1),
    (geo_tracks, 2),
)
