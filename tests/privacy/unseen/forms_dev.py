"""Developer text: issue threads, code review, git log, curl, HAR, k8s, fixtures, protobuf, INI,
mbox headers."""

from __future__ import annotations

import base64

from . import values as v
from .builder import PERSON, SECRET, Ctx, P, X


def _handle(c: Ctx, p: v.Person) -> P:
    """The person's username (one per person and document)."""
    if "handle" not in p.extras:
        p.extras["handle"] = v.handle(p, c.rng)
    return P("handle", p.extras["handle"], PERSON)


def issue(c: Ctx) -> None:
    rep = c.person()
    dev = c.person()
    jira = c.chance(0.5)
    if jira:
        c.line(
            c.pick(["SUP", "OPS", "CRM", "PAY"]),
            "-",
            str(c.rng.randint(100, 9999)),
            ": ",
            c.pick(
                [
                    "Customer cannot update address",
                    "Export contains wrong birth dates",
                    "Refund failed for card payment",
                    "Login loop after password reset",
                ]
            ),
        )
        c.line(
            "Reporter: ",
            c.name(rep, "full"),
            "   Assignee: ",
            c.name(dev, "full"),
            "   Fix Version: ",
            c.x("version"),
        )
    else:
        c.line(
            "## ",
            c.pick(["Webhook fails with ", "Import crashes with ", "Sync returns "]),
            c.x("status"),
        )
        c.line("opened by ", _handle(c, rep), " · ", c.x("timestamp"))
    c.line()
    cust = c.person()
    c.line(
        "Steps: customer ",
        c.name(cust, c.pick(["full", "caps", "lower"])),
        " (",
        c.email(cust),
        ") calls ",
        c.pick(["PUT", "PATCH"]),
        " /v2/customers/",
        c.x("uuid"),
        " from ",
        c.ip(),
        " and gets ",
        c.x("status"),
        ".",
    )
    c.add('Payload excerpt: `{"phone": "', c.phone(cust), '", "dob": "', c.dob_iso(cust), '"')
    if c.chance(0.75):
        c.add(', "tax_id": "', c.nid(cust)[1], '"')
    c.line("}`")
    c.line()
    if jira:
        c.line(c.name(dev, "given"), " added a comment — ", c.x("timestamp"))
    else:
        c.line("**", _handle(c, dev), "** commented:")
    c.line(
        "Reproduced on ",
        c.x("version"),
        " (commit ",
        c.x("sha7"),
        "). The card on file (",
        c.card(),
        ") is fine; it's the address normaliser.",
    )
    if c.chance(0.5):
        key = c.key()
        c.line("> I used my token for the test: ", key[1], " — ", c.L("thanks"))
        c.line("Please revoke that immediately.")
    c.line("Colour for the error banner is ", c.x("hex"), ", port ", c.x("port"), ".")


def review(c: Ctx) -> None:
    a = c.person()
    r = c.person()
    f = c.person()
    c.line(
        c.pick(
            [
                "tests/fixtures/customers.py",
                "src/test/java/UserFixtures.java",
                "spec/factories/users.rb",
                "app/tests/test_export.py",
            ]
        ),
        " line ",
        str(c.rng.randint(10, 300)),
    )
    c.line("@@ -", str(c.rng.randint(1, 90)), ",7 +", str(c.rng.randint(1, 90)), ",9 @@")
    c.line('-    name="Test User",')
    c.line('+    name="', c.name(f, "full"), '",')
    c.line('+    email="', c.email(f), '",')
    c.line('+    phone="', c.phone(f), '",')
    c.line('+    iban="', c.iban(f), '",')
    c.line('     created_at="', c.x("timestamp"), '",')
    c.line()
    c.line(_handle(c, r), " on ", c.x("sha7"), ":")
    c.line(
        "  Please don't commit real customer data — this looks like ",
        c.name(f, "given"),
        "'s actual record. Use the faker factory.",
    )
    c.line(_handle(c, a), ":")
    c.line(
        "  Fair, copied it from the ticket. ",
        X("word", "Will"),
        " replace; the hash ",
        c.x("sha256"),
        " in the snapshot stays.",
    )
    c.line(_handle(c, r), ":")
    c.line("  Also `DB_URL=", c.conn(), "` in conftest.py — rotate it.")


def gitlog(c: Ctx) -> None:
    for _ in range(c.rng.randint(2, 3)):
        a = c.person()
        c.line("commit ", c.x("sha"))
        c.line("Author: ", c.name(a, c.pick(["full", "roman", "full"])), " <", c.email(a), ">")
        c.line("Date:   ", c.x("timestamp"))
        c.line()
        subject = c.pick(
            [
                "fix(export): keep leading zeros in postcodes",
                "feat: add IBAN validation to checkout",
                "chore(deps): bump urllib3 to ",
                "docs: update README",
                "fix: mask phone numbers in audit log",
            ]
        )
        if subject.endswith(" "):
            c.line("    ", subject, c.x("version"))
        else:
            c.line("    ", subject)
        c.line()
        if c.chance(0.6):
            co = c.person()
            c.line(
                "    Co-authored-by: ",
                c.name(co, c.pick(["full", "lower", "roman"])),
                " <",
                c.email(co),
                ">",
            )
        if c.chance(0.4):
            c.line("    Reviewed-by: ", c.name(c.person(), "full"))
        c.line("    Signed-off-by: ", c.name(a, "full"), " <", c.email(a), ">")
        c.line("    Fixes: #", str(c.rng.randint(10, 4000)), "  Change-Id: I", c.x("sha"))
        c.line()


def curl(c: Ctx) -> None:
    p = c.person()
    host = c.pick(
        ["api.brightwave.io", "crm.internal.example.net", "api.payfast.eu", "hooks.zapier.com"]
    )
    c.line("$ curl -X POST 'https://", host, "/v1/contacts?ts=", c.x("timestamp"), "' \\")
    if c.chance(0.5):
        c.line("  -H 'Authorization: Bearer ", c.jwt(v.ascii_slug(p.roman_given)), "' \\")
    else:
        c.line("  -H 'X-API-Key: ", c.key()[1], "' \\")
    c.line("  -H 'Content-Type: application/json' \\")
    if c.chance(0.3):
        c.line("  -u 'svc_import:", c.pw(), "' \\")
    c.line("  -H 'X-Forwarded-For: ", c.ip(), "' \\")
    c.line(
        '  --data-raw \'{"name":"',
        c.name(p, "full"),
        '","email":"',
        c.email(p),
        '","mobile":"',
        c.phone(p),
        '","birthday":"',
        c.dob_iso(p),
        "\"}'",
    )
    c.line()
    c.line("HTTP/2 ", c.x("status"))
    c.line("x-request-id: ", c.x("uuid"))
    c.line('etag: "', c.x("md5"), '"')
    c.line()
    c.line('{"id":"', c.x("uuid"), '","status":"queued"}')


def har(c: Ctx) -> None:
    p = c.person()
    c.line(
        '{"log": {"version": "1.2", "creator": {"name": "Firefox", "version": "',
        c.x("version"),
        '"},',
    )
    c.line(' "entries": [{')
    c.line('  "startedDateTime": "', c.x("timestamp"), '",')
    c.line('  "serverIPAddress": "', c.ip6() if c.chance(0.4) else c.ip(), '",')
    c.line('  "request": {"method": "POST", "url": "https://shop.example.org/checkout",')
    c.line('   "headers": [{"name": "Cookie", "value": "session=', c.jwt(), '"},')
    c.line('               {"name": "If-None-Match", "value": "', c.x("sha"), '"}],')
    c.line('   "postData": {"mimeType": "application/x-www-form-urlencoded", "params": [')
    c.line('     {"name": "cardholder", "value": "', c.name(p, "caps"), '"},')
    c.line('     {"name": "cc_number", "value": "', c.card(), '"},')
    c.line('     {"name": "billing_street", "value": "', c.addr(p), '"},')
    c.line('     {"name": "sku", "value": "', c.x("sku"), '"}]}},')
    c.line(
        '  "response": {"status": ',
        c.x("status"),
        ', "content": {"mimeType": "image/png", "text": "',
        c.x("base64"),
        '", "encoding": "base64"}}',
    )
    c.line(" }]}}")


def k8s(c: Ctx) -> None:
    c.line("apiVersion: v1")
    c.line("kind: Secret")
    c.line("metadata:")
    c.line("  name: ", c.pick(["billing-api", "crm-sync", "mailer", "payments-worker"]))
    c.line("  namespace: ", c.pick(["prod", "staging", "default"]))
    c.line("  annotations:")
    c.line("    checksum/config: ", c.x("sha256"))
    c.line("type: Opaque")
    c.line("data:")
    pw = c.pw()
    enc = base64.b64encode(pw.value.encode()).decode()
    c.line("  DB_PASSWORD: ", P("k8s_b64_password", enc, SECRET, True))
    key = c.key()[1]
    c.line(
        "  API_KEY: ", P("k8s_b64_key", base64.b64encode(key.value.encode()).decode(), SECRET, True)
    )
    c.line("stringData:")
    c.line('  DATABASE_URL: "', c.conn(), '"')
    if c.chance(0.5):
        a, s = c.aws()
        c.line("  AWS_ACCESS_KEY_ID: ", a)
        c.line("  AWS_SECRET_ACCESS_KEY: ", s)
    elif c.chance(0.5):
        c.line("  SLACK_WEBHOOK: ", c.hook())
    else:
        c.line('  AZURE_STORAGE_CONNECTION_STRING: "', c.azure(), '"')
    owner = c.person()
    c.line(
        "# owner: ", c.name(owner, "full"), " <", c.email(owner), ">, image tag ", c.x("version")
    )


def pydict(c: Ctx) -> None:
    js = c.chance(0.4)
    users = []
    for _ in range(c.rng.randint(2, 3)):
        users.append(c.person())
    if js:
        c.line("// fixtures/users.js — generated ", c.x("timestamp"))
        c.line("export const users = [")
    else:
        c.line("# conftest.py")
        c.line("USERS = [")
    for p in users:
        q = "'" if not js else '"'
        c.add(
            "    {",
            q,
            "id",
            q,
            ": ",
            q,
            c.x("uuid"),
            q,
            ", ",
            q,
            "name",
            q,
            ": ",
            q,
            c.name(p, c.pick(["full", "lower", "caps"])),
            q,
            ",\n",
        )
        c.add(
            "     ",
            q,
            "email",
            q,
            ": ",
            q,
            c.email(p),
            q,
            ", ",
            q,
            "born",
            q,
            ": ",
            q,
            c.dob_iso(p),
            q,
            ",\n",
        )
        if c.chance(0.75):
            c.add("     ", q, "national_id", q, ": ", q, c.nid(p)[1], q, ",\n")
        c.add(
            "     ",
            q,
            "phone",
            q,
            ": ",
            q,
            c.phone(p),
            q,
            ", ",
            q,
            "card",
            q,
            ": ",
            q,
            c.card(),
            q,
            ", ",
            q,
            "theme",
            q,
            ": ",
            q,
            c.x("hex"),
            q,
            "},\n",
        )
    c.line("]" if not js else "];")
    if js:
        c.line('export const STRIPE_KEY = "', c.key()[1], '";')
    else:
        c.line('API_TOKEN = "', c.key()[1], '"  # TODO move to env')
    c.line("assert ", X("math", c.x("math").value.replace(" = ", " == ").replace("×", "*")))


def proto(c: Ctx) -> None:
    p = c.person()
    c.line("# proto-file: customer.proto")
    c.line("# proto-message: Customer")
    c.line('id: "', c.x("uuid"), '"')
    c.line('display_name: "', c.name(p, c.pick(["full", "roman", "lower"])), '"')
    c.line(
        "birth_date { year: ",
        P(
            "dob_proto",
            f"{p.birth.year} month: {p.birth.month} day: {p.birth.day}",
            frozenset({"DATE_OF_BIRTH"}),
        ),
        " }",
    )
    c.line("contact {")
    c.line('  email: "', c.email(p), '"')
    c.line('  phone: "', c.phone(p), '"')
    c.line("}")
    c.line("postal_address {")
    c.line('  formatted: "', c.addr(p), '"')
    c.line('  region_code: "', p.country, '"')
    c.line("}")
    lat, lon = c.latlon()
    c.line("last_location { latitude: ", lat, " longitude: ", lon, " }")
    lab, nid = c.nid(p)
    c.line('national_id { kind: "', lab, '" value: "', nid, '" }')
    c.line('client_version: "', c.x("version"), '"')
    c.line('avatar_sha256: "', c.x("sha256"), '"')


def ini(c: Ctx) -> None:
    admin = c.person()
    c.line(
        "; ",
        c.pick(["app.ini", "settings.ini", "config.cfg", "odbc.ini"]),
        " — last edited by ",
        c.name(admin, "full"),
        " on ",
        c.xdate(),
    )
    c.line("[server]")
    c.line("host = ", c.ip())
    c.line("port = ", c.x("port"))
    c.line("version = ", c.x("version"))
    c.line()
    c.line("[database]")
    c.line("user = ", c.pick(["svc_app", "root", "reporting"]))
    c.line("password = ", c.pw())
    c.line("dsn = ", c.conn())
    c.line()
    c.line("[mail]")
    c.line("smtp_user = ", c.email(admin))
    c.line("smtp_password=", c.pw())
    c.line("notify = ", c.email(c.person()))
    c.line()
    c.line("[integrations]")
    k = c.key()
    c.line(k[0], "_api_key = ", k[1])
    c.line("webhook = ", c.hook())
    c.line("accent_colour = ", c.x("hex"))


def mbox(c: Ctx) -> None:
    s = c.person()
    r = c.person()
    c.line("From ", c.email(s), "  ", c.x("timestamp"))
    c.line("Return-Path: <", c.email(s), ">")
    c.line(
        "Received: from ",
        c.pick(["mail-wr1-f53.google.com", "mx2.gmx.net", "smtp.orange.fr"]),
        " (",
        c.pick(["mail-wr1-f53.google.com", "mout.gmx.net"]),
        " [",
        c.ip(),
        "])",
    )
    c.line(
        "\tby mx.",
        c.pick(["brightwave.io", "example.net"]),
        " with ESMTPS id ",
        c.x("sha7"),
        "; ",
        c.x("timestamp"),
    )
    c.line("Received: from [", c.ip(), "] (", c.ip6(), ") by smtp-relay")
    c.line('From: "', c.name(s, c.pick(["full", "inverted", "caps"])), '" <', c.email(s), ">")
    c.line("Reply-To: ", c.email(s))
    c.line("To: ", c.name(r, "full"), " <", c.email(r), ">")
    c.line("Subject: ", c.L("invoice"), " ", c.x("invoice"))
    c.line("Message-ID: <", c.x("uuid"), "@", c.pick(["mail.gmail.com", "gmx.net"]), ">")
    c.line("DKIM-Signature: v=1; a=rsa-sha256; bh=", c.x("base64"))
    c.line()
    c.line(c.L("hello"), " ", c.name(r, "given"), ",")
    c.line(
        c.pick(["please find attached the invoice", "anbei die Rechnung", "adjunto la factura"]),
        " (",
        c.xamount(),
        "). ",
        c.L("thanks"),
        "!",
    )
    c.line("-- ")
    c.line(c.name(s, "full"), " | ", c.phone(s))


def envlog(c: Ctx) -> None:
    """Light: a .env next to a log excerpt (the other corpora lean on these)."""
    c.line("# .env.production")
    c.line("DATABASE_URL=", c.conn())
    a, s = c.aws()
    c.line("AWS_ACCESS_KEY_ID=", a)
    c.line("AWS_SECRET_ACCESS_KEY=", s)
    c.line("SENTRY_RELEASE=", c.x("version"))
    c.line()
    p = c.person()
    c.line(
        c.x("timestamp"), " INFO  login ok user=", c.email(p), " ip=", c.ip(), " req=", c.x("uuid")
    )
    c.line(c.x("timestamp"), " WARN  slow query 2300ms status=", c.x("status"))
    c.line(c.x("timestamp"), " ERROR pem loaded from env:\n", c.pem())
