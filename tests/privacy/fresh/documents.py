"""Document forms: what users paste to an assistant, each written by one builder.

Each builder writes one document into a ``Doc``: literal text through ``d.t``,
personal values and secrets through ``d.v`` (and its helpers), look-alikes
through ``d.x``. Builders pick their own variations from ``d.rng``.
"""

from __future__ import annotations

from collections.abc import Callable

from . import values as v
from .builder import GEO, ID, IDS, PERSON, Doc
from .prose import prose_message

Form = Callable[[Doc], None]


def _prompt(d: Doc) -> None:
    if d.chance(0.6):
        d.t(d.ph["ask"] + "\n\n")


def email_thread(d: Doc) -> None:
    """An email with a signature and a quoted reply."""
    me, you = d.person(), d.person()
    _prompt(d)
    d.t("From: ")
    d.full(me)
    d.t(" <")
    d.email(me)
    d.t(">\nTo: ")
    d.any_name(you)
    d.t(" <")
    d.email(you)
    d.t(f">\nSubject: Re: {v.pick(d.rng, ('Vertrag', 'Order', 'Pedido', 'Facture', 'Ordine'))} ")
    d.x("order", v.order_no(d.rng))
    d.t(f"\n\n{d.ph['hi']} ")
    d.first(you)
    d.t(f",\n\n{d.ph['body']}\n")
    if d.chance(0.5):
        d.t("Tracking: ")
        d.x("tracking", v.tracking_no(d.rng))
        d.t("\n")
    d.t(f"\n{d.ph['bye']},\n")
    d.full(me)
    d.t("\n")
    if d.chance(0.6):
        d.x("company", v.company(d.rng))
        d.t(" | ")
    d.phone()
    d.t("\n")
    if d.chance(0.5):
        d.addr()
        d.t("\n")
    d.t("\nOn ")
    d.x("date", v.plain_date(d.rng))
    d.t(", ")
    d.any_name(you)
    d.t(f" {d.ph['wrote']}:\n> ")
    d.t(d.ph["body"].replace(". ", ".\n> "))
    d.t("\n> ")
    d.t(f"{d.lab['phone']}: ")
    d.phone()
    d.t("\n")


def support_ticket(d: Doc) -> None:
    """A help-desk ticket with customer details and an agent note."""
    cust, agent = d.person(), d.person()
    _prompt(d)
    d.t("Ticket ")
    d.x("ticket", f"#{v.num(d.rng, 6)}")
    d.t(f" — status: open — priority: {v.pick(d.rng, ('P2', 'high', 'normal'))}\nCustomer: ")
    d.any_name(cust)
    d.t(" (")
    d.email(cust)
    d.t(")\nCallback: ")
    d.phone()
    d.t("\nProduct: ")
    d.x("sku", v.sku(d.rng))
    d.t(" firmware ")
    d.x("version", v.version(d.rng))
    d.t("\n\nDescription:\nThe device keeps rebooting after the update. ")
    if d.chance(0.5):
        d.t("Customer says the card ending in the one below was charged twice: ")
        d.card()
        d.t(". ")
    else:
        d.t("Refund to ")
        d.iban()
        d.t(" requested. ")
    d.t("Ships from our ")
    d.x("city", v.city(d.rng))
    d.t(" warehouse.\n\nInternal note (")
    d.v("nick", v.pick(d.rng, v.NICKNAMES), frozenset({"PERSON"}))
    d.t("): customer verified via ")
    d.natid("{label} ")
    d.t(", last login from ")
    d.ip()
    d.t(". Escalated to ")
    d.full(agent)
    d.t(".\n")


def csv_export(d: Doc) -> None:
    """A CSV export of customers, with a header row."""
    _prompt(d)
    d.t("Why does this import fail on row 3?\n\n```csv\n")
    d.t("id,full_name,email,phone,birth_date,city,sku,amount\n")
    for i in range(d.rng.randint(3, 12)):
        p = d.person()
        d.t(f"{1040 + i},")
        if d.chance(0.3):
            d.t('"')
            d.v("uname", f"{p.family.upper()}, {p.given}", frozenset({"PERSON"}))
            d.t('"')
        else:
            d.full(p)
        d.t(",")
        d.email(p)
        d.t(",")
        d.phone()
        d.t(",")
        d.dob()
        d.t(",")
        d.x("city", v.city(d.rng))
        d.t(",")
        d.x("sku", v.sku(d.rng))
        d.t(f",{d.rng.randint(5, 900)}.{d.rng.randint(0, 99):02d}\n")
    d.t("```\n")


def yaml_config(d: Doc) -> None:
    """A YAML config / Kubernetes manifest with credentials."""
    owner = d.person()
    _prompt(d)
    d.t(
        "```yaml\napiVersion: v1\nkind: Secret\nmetadata:\n  name: billing-db\n  labels:\n"
        '    app.kubernetes.io/version: "'
    )
    d.x("version", v.version(d.rng))
    d.t('"\n  annotations:\n    owner: "')
    d.full(owner)
    d.t('"\n    contact: ')
    d.email(owner)
    d.t("\nstringData:\n  DATABASE_URL: ")
    d.secret("conn", v.conn_string(d.rng))
    d.t('\n  SMTP_PASSWORD: "')
    d.secret("pw", v.password(d.rng))
    kind = d.rng.randrange(len(v.KEY_VARS))
    d.t(f'"\n  {v.KEY_VARS[kind]}: ')
    d.secret("key", v.provider_key(d.rng, kind))
    d.t("\n---\nservice:\n  port: ")
    d.x("port", v.port(d.rng))
    d.t("\n  image: registry.local/billing@sha256:")
    d.x("digest", v.sha256(d.rng))
    d.t('\n  theme_colour: "')
    d.x("hex", v.hex_colour(d.rng))
    d.t('"\n```\n')


def toml_config(d: Doc) -> None:
    """A TOML settings file."""
    dev = d.person()
    d.t("Here is my config.toml — the deploy script ignores it, why?\n\n")
    d.t('[tool.deploy]\nmaintainer = "')
    d.any_name(dev)
    d.t(" <")
    d.email(dev)
    d.t('>"\nrelease = "')
    d.x("version", v.version(d.rng))
    d.t('"\ncommit = "')
    d.x("sha", v.git_sha(d.rng))
    d.t('"\n\n[aws]\nregion = "eu-central-1"\naccess_key_id = "')
    d.secret("akid", v.aws_key_id(d.rng))
    d.t('"\nsecret_access_key = "')
    d.secret("awssecret", v.aws_secret(d.rng))
    d.t('"\n\n[alerts]\nwebhook = "')
    d.secret("hook", v.webhook(d.rng))
    d.t('"\nretry_after = ')
    d.x("port", v.port(d.rng))
    d.t("\n")


def dotenv(d: Doc) -> None:
    """A .env file."""
    who = d.person()
    d.t("My app can't read these env vars (.env):\n\n")
    d.t(f"# {v.pick(d.rng, ('local', 'staging', 'prod'))} — edited by ")
    d.first(who)
    d.t("\nAPP_ENV=staging\nAPP_PORT=")
    d.x("port", v.port(d.rng))
    d.t("\nDB_URL=")
    d.secret("conn", v.conn_string(d.rng))
    kind = d.rng.randrange(len(v.KEY_VARS))
    d.t(f"\n{v.KEY_VARS[kind]}=")
    d.secret("key", v.provider_key(d.rng, kind))
    d.t("\nJWT_TEST_TOKEN=")
    d.secret("jwt", v.jwt(d.rng))
    d.t("\nADMIN_PASSWORD=")
    d.secret("pw", v.password(d.rng))
    d.t("\nBUILD_SHA=")
    d.x("sha", v.git_sha(d.rng))
    d.t("\nSUPPORT_PHONE=")
    d.phone()
    d.t("\n")


def stack_trace(d: Doc) -> None:
    """A Python traceback whose locals hold a customer record."""
    p = d.person()
    d.t("Getting this traceback in production:\n\n")
    d.x("ts", v.timestamp(d.rng))
    d.t(" ERROR worker-3 request_id=")
    d.x("uuid", v.uuid4(d.rng))
    d.t('\nTraceback (most recent call last):\n  File "/srv/app/billing/charge.py", line ')
    d.x("lineno", str(d.rng.randint(40, 900)))
    d.t(
        ', in charge\n    gateway.capture(customer, amount)\n  File "/srv/app/billing/gateway.py"'
        ", line 88, in capture\n    raise CardDeclined(payload)\nbilling.errors.CardDeclined: "
        "{'customer': '"
    )
    d.full(p)
    d.t("', 'email': '")
    d.email(p)
    d.t("', 'card': '")
    d.card()
    d.t("', 'billing_address': '")
    d.addr()
    d.t("', 'status': ")
    d.x("status", v.http_status(d.rng))
    d.t("}\n")


def java_trace(d: Doc) -> None:
    """A Java exception with a user object's toString()."""
    p = d.person()
    d.t("What does this mean?\n\n")
    d.x("ts", v.timestamp(d.rng))
    d.t(" [http-nio-")
    d.x("port", v.port(d.rng))
    d.t(
        "-exec-7] ERROR c.a.crm.UserService - update failed\n"
        "org.hibernate.exception.ConstraintViolationException: could not execute statement\n"
        "  entity: User{id="
    )
    d.x("uuid", v.uuid4(d.rng))
    d.t(", name='")
    d.any_name(p)
    d.t("', phone='")
    d.phone()
    d.t("', dob=")
    d.dob()
    d.t(", iban='")
    d.iban()
    d.t(
        "'}\n  at org.hibernate.engine.jdbc.spi.SqlExceptionHelper.convert(SqlExceptionHelper"
        ".java:112)\n  at com.acme.crm.UserService.update(UserService.java:"
    )
    d.x("lineno", str(d.rng.randint(40, 900)))
    d.t(")\n  ... 42 more (build ")
    d.x("sha7", v.short_sha(d.rng))
    d.t(")\n")


def server_log(d: Doc) -> None:
    """nginx access log lines plus an auth log."""
    d.t("Is someone brute-forcing us? Log excerpt:\n\n")
    for _ in range(d.rng.randint(3, 14)):
        if d.chance(0.7):
            d.ip()
        else:
            d.ip6()
        d.t(" - - [")
        d.x("ts", v.timestamp(d.rng))
        d.t('] "POST /api/v2/login HTTP/1.1" ')
        d.x("status", v.http_status(d.rng))
        d.t(f' {d.rng.randint(200, 5000)} "-" "Mozilla/5.0"\n')
    p = d.person()
    d.t("auth: failed password for account ")
    d.email(p)
    d.t(" from ")
    d.ip()
    d.t(" port ")
    d.x("port", str(d.rng.randint(30000, 65000)))
    d.t(" ssh2\nauth: session opened for ")
    d.v("lname", p.full.lower(), frozenset({"PERSON"}))
    d.t(" trace=")
    d.x("md5", v.md5(d.rng))
    d.t("\n")


def sql_insert(d: Doc) -> None:
    """SQL INSERT statements of a seed script."""
    d.t("Can you convert these inserts to PostgreSQL?\n\n")
    d.t("INSERT INTO patients (id, name, dob, national_id, phone, created_at) VALUES\n")
    rows = d.rng.randint(2, 8)
    for i in range(rows):
        p = d.person()
        d.t(f"  ({d.rng.randint(100, 999)}, '")
        d.v("name", p.full.replace("'", "''"), PERSON)
        d.t("', '")
        d.dob()
        d.t("', '")
        _label, slot, gen = _idgen(d)
        d.v(slot, gen(d.rng), frozenset({"US_SSN", "ID_NUMBER"}) if slot == "ssn" else ID)
        d.t("', '")
        d.phone()
        d.t("', '")
        d.x("ts", v.timestamp(d.rng))
        d.t("')" + (",\n" if i < rows - 1 else ";\n"))
    d.t("-- migration ")
    d.x("sha7", v.short_sha(d.rng))
    d.t("\n")


def _idgen(d: Doc) -> tuple[str, str, Callable[..., str]]:
    return IDS[d.loc][d.rng.randrange(len(IDS[d.loc]))]


def http_request(d: Doc) -> None:
    """A raw HTTP request with auth headers and a JSON body."""
    p = d.person()
    d.t("Why does the API answer ")
    d.x("status", v.http_status(d.rng))
    d.t(" to this request?\n\nPOST /v1/customers HTTP/1.1\nHost: api.shop.internal:")
    d.x("port", v.port(d.rng))
    d.t("\nAuthorization: Bearer ")
    d.secret("jwt", v.jwt(d.rng))
    d.t("\nX-Forwarded-For: ")
    d.ip()
    d.t("\nX-Request-Id: ")
    d.x("uuid", v.uuid4(d.rng))
    d.t('\nContent-Type: application/json\n\n{"name": "')
    d.full(p)
    d.t('", "email": "')
    d.email(p)
    d.t('", "phone": "')
    d.phone()
    d.t('", "location": {"lat": ')
    la, lo = v.lat_lon(d.rng)
    d.v("lat", str(la), GEO)
    d.t(', "lng": ')
    d.v("lon", str(lo), GEO)
    d.t("}}\n")


def markdown_table(d: Doc) -> None:
    """A Markdown table of staff with contacts."""
    d.t(
        "Turn this into a nicer table please:\n\n| Name | Role | Phone | Email |\n"
        "|---|---|---|---|\n"
    )
    for _ in range(d.rng.randint(3, 4)):
        p = d.person()
        d.t("| ")
        d.any_name(p)
        d.t(f" | {v.pick(d.rng, ('Einkauf', 'Ventas', 'Comptabilité', 'Magazzino', 'IT'))} | ")
        d.phone()
        d.t(" | ")
        d.email(p)
        d.t(" |\n")
    d.t("\nBrand colour for the header: ")
    d.x("hex", v.hex_colour(d.rng))
    d.t(", partner: ")
    d.x("company", v.company(d.rng))
    d.t(".\n")


def ics_invite(d: Doc) -> None:
    """An iCalendar invite."""
    org, att = d.person(), d.person()
    d.t(
        "Can you tell me when this meeting is in my time zone?\n\nBEGIN:VCALENDAR\nVERSION:2.0\n"
        "BEGIN:VEVENT\nUID:"
    )
    d.x("uuid", v.uuid4(d.rng))
    d.t("\nDTSTART:")
    d.x(
        "ts",
        f"2026{d.rng.randint(1, 12):02d}{d.rng.randint(1, 28):02d}T{d.rng.randint(7, 18):02d}0000Z",
    )
    d.t(
        f"\nSUMMARY:{v.pick(d.rng, ('Jahresgespräch', 'Revisión contrato', 'Point RH'))}\n"
        "ORGANIZER;CN="
    )
    d.full(org)
    d.t(":mailto:")
    d.email(org)
    d.t('\nATTENDEE;CN="')
    d.any_name(att)
    d.t('";ROLE=REQ-PARTICIPANT:mailto:')
    d.email(att)
    d.t("\nLOCATION:")
    d.addr()
    d.t("\nGEO:")
    la, lo = v.lat_lon(d.rng)
    d.v("geo", f"{la};{lo}", GEO)
    d.t("\nDESCRIPTION:Dial-in ")
    d.phone()
    d.t("\nEND:VEVENT\nEND:VCALENDAR\n")


def vcard(d: Doc) -> None:
    """A vCard."""
    p = d.person()
    d.t("Import this contact into a CSV row:\n\nBEGIN:VCARD\nVERSION:4.0\nN:")
    d.v("last", p.family, frozenset({"PERSON"}))
    d.t(";")
    d.first(p)
    d.t(";;;\nFN:")
    d.full(p)
    d.t("\nORG:")
    d.x("company", v.company(d.rng))
    d.t("\nTEL;TYPE=cell:")
    d.phone()
    d.t("\nEMAIL:")
    d.email(p)
    d.t("\nADR;TYPE=home:;;")
    d.addr()
    d.t("\nBDAY:")
    d.dob()
    d.t("\nREV:")
    d.x("ts", v.timestamp(d.rng))
    d.t("\nEND:VCARD\n")


def chat_log(d: Doc) -> None:
    """A group chat transcript with nicknames and shared details."""
    a, b = d.person(), d.person()
    na, nb = v.pick(d.rng, v.NICKNAMES), v.pick(d.rng, v.WORD_NAMES)
    nick = frozenset({"PERSON"})
    d.t("Summarise this chat for me:\n\n[")
    d.x("ts", v.timestamp(d.rng))
    d.t("] ")
    d.v("nick", na, nick)
    d.t(": anyone got ")
    d.first(b)
    d.t("'s new number?\n[")
    d.x("ts", v.timestamp(d.rng))
    d.t("] ")
    d.v("wname", nb, nick)
    d.t(": yes it's ")
    d.phone()
    d.t(", she moved to ")
    d.addr()
    d.t("\n[")
    d.x("ts", v.timestamp(d.rng))
    d.t("] ")
    d.v("nick", na, nick)
    d.t(": thx! @")
    d.v("mention", v.pick(d.rng, ("will", "rose", "mark", "hope", "sunny")), nick)
    d.t(" can you pay ")
    d.any_name(a)
    d.t(" back? IBAN ")
    d.iban()
    d.t("\n[")
    d.x("ts", v.timestamp(d.rng))
    d.t("] ")
    d.v("wname", nb, nick)
    d.t(": done, ref ")
    d.x("invoice", v.invoice_no(d.rng))
    d.t(" 👍\n")


def medical_form(d: Doc) -> None:
    """A patient intake form."""
    p, doc = d.person(), d.person()
    heads = {
        "de": "Patientenaufnahme",
        "fr": "Fiche patient",
        "es": "Ficha del paciente",
        "it": "Scheda paziente",
        "pt": "Ficha do utente",
        "nl": "Intakeformulier",
        "pl": "Karta pacjenta",
        "tr": "Hasta kayıt formu",
    }
    d.t(f"Translate this form to English:\n\n{heads.get(d.loc, 'Patient intake form')}\n")
    d.t(f"{d.lab['name']}: ")
    d.any_name(p)
    d.t(f"\n{d.lab['dob']}: ")
    d.dob()
    d.t("\n")
    d.natid()
    d.t(f"\n{d.lab['addr']}: ")
    d.addr()
    d.t(f"\n{d.lab['phone']}: ")
    d.phone()
    d.t("\nDiagnosis: J45.909 — dosage ")
    d.x("maths", v.maths(d.rng))
    d.t(" mg\nReferring physician: Dr. ")
    d.v("last", doc.family, frozenset({"PERSON"}))
    d.t("\nEmergency contact: ")
    d.first(d.person())
    d.t(" ")
    d.phone()
    d.t("\n")


def hr_form(d: Doc) -> None:
    """An onboarding / payroll form."""
    p = d.person()
    d.t("Check this onboarding sheet for missing fields:\n\nEMPLOYEE ONBOARDING — ")
    d.x("company", v.company(d.rng))
    d.t("\nEmployee: ")
    d.any_name(p)
    d.t("\nPersonal email: ")
    d.email(p)
    d.t(f"\n{d.lab['dob']}: ")
    d.dob()
    d.t("\n")
    d.natid()
    d.t(f"\nSalary account {d.lab['iban']}: ")
    d.iban()
    d.t(f"\n{d.lab['passport']}: ")
    d.passport()
    d.t("\nStart date: ")
    d.x("date", v.plain_date(d.rng))
    if d.chance(0.6):
        d.t(f"\nCompany car {d.lab['plate']}: ")
        d.plate()
    d.t("\nLaptop asset tag: ")
    d.x("sku", v.sku(d.rng))
    d.t("\nManager: ")
    d.full(d.person())
    d.t("\n")


def tenancy_form(d: Doc) -> None:
    """A rental application."""
    p, landlord = d.person(), d.person()
    d.t("Help me answer this rental application:\n\nRENTAL APPLICATION\nApplicant: ")
    d.full(p)
    d.t(f"\n{d.lab['dob']}: ")
    d.dob()
    d.t(f"\nCurrent {d.lab['addr'].lower()}: ")
    d.addr()
    d.t(f"\n{d.lab['phone']}: ")
    d.phone()
    d.t("\nEmail: ")
    d.email(p)
    d.t("\nVehicle: ")
    d.plate()
    d.t("\nCurrent landlord: ")
    d.any_name(landlord)
    d.t(", ")
    d.phone()
    d.t("\nDeposit paid from ")
    d.iban()
    d.t("\nMonthly rent: 1,240.00 EUR — payable by the 3rd. Listing ")
    d.x("order", v.order_no(d.rng))
    d.t("\n")


def shipping_label(d: Doc) -> None:
    """A shipping label with sender and recipient blocks."""
    s, r = d.person(), d.person()
    d.t("OCR'd this label, can you fix the typos?\n\n")
    d.x("company", v.pick(d.rng, ("DHL Paket", "UPS Standard", "PostNL", "InPost", "Correos")))
    d.t("  ")
    d.x("tracking", v.tracking_no(d.rng))
    d.t("\nFROM:\n")
    d.any_name(s)
    d.t("\n")
    d.addr(multiline=True)
    d.t("\nTO:\n")
    d.v("uname", r.full.upper(), frozenset({"PERSON"}))
    d.t("\n")
    d.addr(multiline=True)
    d.t("\nTel. ")
    d.phone()
    d.t("\nWeight 2.4 kg  Ref ")
    d.x("order", v.order_no(d.rng))
    d.t("  Drop point ")
    d.v("geo", v.geo_dms(d.rng), GEO)
    d.t("\n")


def code_fixture(d: Doc) -> None:
    """Test code with a fixture holding realistic personal data."""
    p = d.person()
    d.t(
        "This pytest fixture fails to serialise, why?\n\n```python\nimport pytest\n\n"
        '@pytest.fixture\ndef customer():\n    return Customer(\n        name="'
    )
    d.full(p)
    d.t('",\n        email="')
    d.email(p)
    d.t('",\n        iban="')
    d.iban()
    d.t('",\n        ssn="')
    d.v("ssn", v.ssn(d.rng), frozenset({"US_SSN", "ID_NUMBER"}))
    d.t('",\n        avatar="')
    d.x("img", v.base64_image(d.rng))
    d.t('",\n        colour="')
    d.x("hex", v.hex_colour(d.rng))
    d.t('",\n    )\n\n\nAPI_KEY = "')
    d.secret("key", v.provider_key(d.rng))
    d.t('"  # TODO move to vault\nassert checksum("v1") == "')
    d.x("sha256", v.sha256(d.rng))
    d.t('"\n```\n')


def json_profile(d: Doc) -> None:
    """An API response body with a user profile and device location."""
    p = d.person()
    d.t("Write a TypeScript type for this response:\n\n")
    la, lo = v.lat_lon(d.rng)
    d.t('{\n  "id": "')
    d.x("uuid", v.uuid4(d.rng))
    d.t('",\n  "user": {\n    "displayName": "')
    d.any_name(p)
    d.t('",\n    "email": "')
    d.email(p)
    d.t('",\n    "birthDate": "')
    d.dob()
    d.t('",\n    "lastIp": "')
    if d.chance(0.5):
        d.ip6()
    else:
        d.ip()
    d.t('"\n  },\n  "device": {\n    "latitude": ')
    d.v("lat", str(la), GEO)
    d.t(',\n    "longitude": ')
    d.v("lon", str(lo), GEO)
    d.t(',\n    "appVersion": "')
    d.x("version", v.version(d.rng))
    d.t('",\n    "seenAt": ')
    d.x("epoch", v.epoch_ms(d.rng))
    d.t("\n  }\n}\n")


def bank_note(d: Doc) -> None:
    """A payment instruction / invoice reminder."""
    p, q = d.person(), d.person()
    d.t(f"{d.ph['hi']},\n\nInvoice ")
    d.x("invoice", v.invoice_no(d.rng))
    d.t(" is overdue. Please transfer the amount to ")
    d.any_name(p)
    d.t(", ")
    d.iban()
    d.t(". Alternatively pay by card ")
    d.card()
    d.t(" (exp 09/29). For questions call ")
    d.phone()
    d.t(" or write to ")
    d.email(q)
    d.t(".\nISBN of the ordered book: ")
    d.x("isbn", v.isbn(d.rng))
    d.t(f"\n\n{d.ph['bye']},\n")
    d.full(q)
    d.t("\n")


def travel_booking(d: Doc) -> None:
    """A travel booking confirmation with passport data."""
    p = d.person()
    d.t("Check the passenger data before I confirm:\n\nBOOKING ")
    d.x("order", v.order_no(d.rng))
    d.t(" — ")
    d.x("company", v.pick(d.rng, ("Turkish Airlines", "Iberia", "KLM", "LOT", "TAP")))
    d.t("\nPassenger: ")
    d.v("uname", f"{p.family.upper()}/{p.given.upper()}", frozenset({"PERSON"}))
    d.t(f" {v.pick(d.rng, ('MR', 'MRS', 'MS'))}")
    d.t(f"\n{d.lab['passport']}: ")
    d.passport()
    d.t(f"  {d.lab['dob']}: ")
    d.dob()
    d.t("\nContact: ")
    d.phone()
    d.t(" / ")
    d.email(p)
    d.t("\nPaid with ")
    d.card()
    d.t("\nDeparture ")
    d.x("ts", v.timestamp(d.rng))
    d.t(" from ")
    d.x("city", v.city(d.rng))
    d.t(", gate B")
    d.x("num", str(d.rng.randint(10, 60)))
    d.t("\n")


def ssh_keys(d: Doc) -> None:
    """A deployment note with a private key and a password."""
    who = d.person()
    d.t("Why does ssh still ask for a password? My notes:\n\nhost deploy-")
    d.x("sha7", v.short_sha(d.rng))
    d.t(" (")
    d.ip()
    d.t("), user deploy, sudo password=")
    d.secret("pw", v.password(d.rng))
    d.t("\nkey (id_ed25519) from ")
    d.first(who)
    d.t(":\n")
    d.secret("pem", v.pem_block(d.rng))
    d.t("\nrelease ")
    d.x("version", v.version(d.rng))
    d.t(" built at ")
    d.x("ts", v.timestamp(d.rng))
    d.t("\n")


def parking_appeal(d: Doc) -> None:
    """An appeal against a parking fine, in the user's language."""
    p = d.person()
    intro = {
        "de": "Widerspruch gegen den Bußgeldbescheid",
        "es": "Recurso contra la multa",
        "fr": "Contestation de l'avis de contravention",
        "it": "Ricorso contro il verbale",
        "pt": "Recurso da contraordenação",
        "nl": "Bezwaar tegen de parkeerboete",
        "pl": "Odwołanie od mandatu",
        "tr": "Park cezasına itiraz",
    }.get(d.loc, "Appeal against penalty charge notice")
    d.t(f"Make this sound more formal:\n\n{intro} ")
    d.x("order", v.order_no(d.rng))
    d.t(f"\n\n{d.lab['name']}: ")
    d.any_name(p)
    d.t(f"\n{d.lab['addr']}: ")
    d.addr()
    d.t(f"\n{d.lab['plate']}: ")
    d.plate()
    d.t(f"\n{d.lab['email']}: ")
    d.email(p)
    d.t("\n\nI was parked legally; my phone's photo was taken at ")
    if d.chance(0.5):
        d.v("geo", v.geo_decimal(d.rng), GEO)
    else:
        d.v("geo", v.geo_dms(d.rng), GEO)
    d.t(" at ")
    d.x("ts", v.timestamp(d.rng))
    d.t(". Please refund the fee to ")
    d.iban()
    d.t(f".\n\n{d.ph['bye']}\n")
    d.first(p)
    d.t("\n")


KYC_HEAD = {
    "de": "Kundenidentifizierung (KYC)",
    "es": "Verificación de identidad",
    "fr": "Vérification d'identité",
    "it": "Adeguata verifica della clientela",
    "pt": "Verificação de identidade",
    "nl": "Identiteitscontrole",
    "pl": "Weryfikacja tożsamości",
    "tr": "Kimlik doğrulama",
}


def kyc_record(d: Doc) -> None:
    """A know-your-customer record with every national id of the locale."""
    p = d.person()
    d.t(f"Extract the fields of this record as JSON:\n\n{KYC_HEAD.get(d.loc, 'KYC record')} ")
    d.x("uuid", v.uuid4(d.rng))
    d.t(f"\n{d.lab['name']}: ")
    d.any_name(p)
    d.t(f"\n{d.lab['dob']}: ")
    d.dob()
    for label, slot, gen in IDS[d.loc]:
        d.t(f"\n{label}: ")
        d.v(slot, gen(d.rng), frozenset({"US_SSN", "ID_NUMBER"}) if slot == "ssn" else ID)
    d.t(f"\n{d.lab['passport']}: ")
    d.passport()
    d.t(f"\n{d.lab['email']}: ")
    d.email(p)
    d.t("\nChecked by: ")
    d.v("initial", f"{d.person().given[0]}. {d.person().family}", PERSON)
    d.t(" on ")
    d.x("ts", v.timestamp(d.rng))
    d.t("\n")


ID_COLUMNS: tuple[tuple[str, str], ...] = (
    ("ES", "es"),
    ("IT", "it"),
    ("PT", "pt"),
    ("NL", "nl"),
    ("PL", "pl"),
    ("TR", "tr"),
    ("IN", "in"),
    ("CH", "ch"),
    ("GB", "en"),
    ("FR", "fr"),
    ("DE", "de"),
)


def id_roster(d: Doc) -> None:
    """A payroll export with staff from several countries and their national ids."""
    d.t("The payroll import rejects some ids — which rows look wrong?\n\n")
    d.t("country;employee;id_type;id_value;cost_centre\n")
    for _ in range(d.rng.randint(4, 9)):
        cc, loc = ID_COLUMNS[d.rng.randrange(len(ID_COLUMNS))]
        label, slot, gen = IDS[loc][d.rng.randrange(len(IDS[loc]))]
        d.t(f"{cc};")
        d.v("name", v.full_name(d.rng, loc), PERSON)
        d.t(f";{label};")
        d.v(slot, gen(d.rng), frozenset({"US_SSN", "ID_NUMBER"}) if slot == "ssn" else ID)
        d.t(";")
        d.x("sku", f"CC-{v.num(d.rng, 4)}")
        d.t("\n")


FORMS: dict[str, Form] = {
    "kyc": kyc_record,
    "idroster": id_roster,
    "prose": prose_message,
    "parking": parking_appeal,
    "email": email_thread,
    "ticket": support_ticket,
    "csv": csv_export,
    "yaml": yaml_config,
    "toml": toml_config,
    "dotenv": dotenv,
    "pytrace": stack_trace,
    "javatrace": java_trace,
    "serverlog": server_log,
    "sql": sql_insert,
    "http": http_request,
    "mdtable": markdown_table,
    "ics": ics_invite,
    "vcard": vcard,
    "chat": chat_log,
    "medical": medical_form,
    "hr": hr_form,
    "tenancy": tenancy_form,
    "label": shipping_label,
    "fixture": code_fixture,
    "json": json_profile,
    "payment": bank_note,
    "travel": travel_booking,
    "sshnote": ssh_keys,
}
