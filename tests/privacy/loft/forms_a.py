"""Loft forms, part A: support, HR, finance, health, insurance, travel, school (mostly English)."""

from __future__ import annotations

from random import Random

from . import gen as g
from .common import (
    COMPANIES,
    DRUGS,
    dob,
    form,
    money,
    order_no,
    sku,
    stamp,
    ticket_no,
    tracking_no,
    uuid,
    version,
    when,
)
from .doc import Doc, P, T
from .locales import address, email, latin, person, phone, plate, street_line


@form(4)
def support_complaint_email(r: Random, v: int) -> Doc:
    loc = r.choice(["en_US", "en_GB", "en_IN"])
    cur = {"en_US": "$", "en_GB": "£", "en_IN": "INR"}[loc]
    me = person(r, loc)
    agent = person(r, loc, avoid={me.given, me.family})
    shop = r.choice(COMPANIES)
    d = Doc()
    o = order_no(r)
    if v == 0:
        d(
            "Subject: Re: Order ",
            T("order_no", o),
            " never arrived\n\nHi ",
            P("person", agent.given),
            ",\n\nthanks for getting back to me. As I said on the phone, the parcel (tracking ",
            T("tracking_no", tracking_no(r)),
            ") shows as delivered on ",
            T("date", when(r, "iso")),
            " but nothing was left at ",
            P("address", address(r, loc)),
            ". I paid ",
            T("price", money(r, cur)),
            " and I'd like a refund via the original payment method.\n\nYou can reach me on ",
            P("phone", phone(r, loc)),
            " after 5pm.\n\nRegards,\n",
            P("person", me.full),
            "\n",
            P("email", email(r, me)),
            "\n",
        )
    elif v == 1:
        d(
            "Dear ",
            T("company", shop),
            " Customer Care,\n\nI am writing to complain about order ",
            T("order_no", o),
            ". The blender (item ",
            T("sku", sku(r)),
            ", ",
            T("price", money(r, cur)),
            ") stopped working after ",
            T("duration", f"{r.randint(2, 11)} days"),
            ". My account is registered under ",
            P("email", email(r, me)),
            " and the delivery address is\n",
            P("address", address(r, loc, sep="\n")),
            "\n\nI expect a replacement within 14 days.\n\nYours sincerely\n",
            P("person", me.full),
            "\nTel ",
            P("phone", phone(r, loc)),
            "\n",
        )
    elif v == 2:
        d(
            "hi, my name is ",
            P("person", me.full.lower()),
            " i ordered ",
            T("quantity", "2x"),
            " phone cases on ",
            T("date", when(r, "eu/")),
            " order no ",
            T("order_no", o),
            " and got charged twice?? ",
            T("price", money(r, cur)),
            " each time. pls call me back ",
            P("phone", phone(r, loc)),
            " or mail ",
            P("email", email(r, me)),
            " thx",
        )
    else:
        t = ticket_no(r)
        d(
            "Case ",
            T("ticket_no", t),
            " | priority: ",
            T("priority", "P3"),
            "\nCustomer: ",
            P("person", me.formal),
            "\nEmail: ",
            P("email", email(r, me)),
            "\nPhone: ",
            P("phone", phone(r, loc)),
            "\nShipping: ",
            P("address", address(r, loc)),
            "\nAgent: ",
            P("person", agent.full),
            "\nOpened: ",
            T("timestamp", stamp(r)),
            "\n\nNotes: customer says courier left the box with neighbour ",
            P(
                "person",
                person(r, loc, avoid={me.given, me.family, agent.given, agent.family}).full,
            ),
            " at no. ",
            T("house_no", str(r.randint(150, 199))),
            " — neighbour denies it. Offered voucher worth ",
            T("price", money(r, cur, 5, 40)),
            ".\n",
        )
    return d


@form(3)
def hr_onboarding_email(r: Random, v: int) -> Doc:
    loc = r.choice(["en_GB", "en_US", "de_DE", "nl_NL"])
    new = person(r, loc)
    hr = person(r, loc, avoid={new.given, new.family})
    emp = f"{r.choice(['E', 'EMP', ''])}{g.digits(r, 6, True)}"
    pw = g.human_password(r)
    d = Doc()
    if loc == "de_DE":
        d(
            "Hallo ",
            P("person", new.given),
            ",\n\nherzlich willkommen bei uns! Hier deine Zugangsdaten für den ersten Tag (",
            T("date", when(r, "dot")),
            "):\n\nPersonalnummer: ",
            P("employee_id", emp),
            "\nBenutzername: ",
            P("username", f"{latin(new.given).lower()}.{latin(new.family).lower()}", ("PERSON",)),
            "\nInitiales Passwort: ",
            P("password", pw),
            "\n(bitte beim ersten Login ändern)\n\nDein Laptop (",
            T("product", "ThinkPad T14 Gen 5"),
            ") liegt am Empfang, Raum ",
            T("room", f"{r.randint(1, 4)}.{r.randint(10, 40)}"),
            ".\n\nViele Grüße\n",
            P("person", hr.full),
            "\nPersonalabteilung\n",
        )
        return d
    d(
        "Hi ",
        P("person", new.given),
        ",\n\nWelcome aboard! Your start date is ",
        T("date", when(r, "long-en")),
        ". Below are your details for day one.\n\n",
    )
    if v == 0:
        d(
            "Employee ID: ",
            P("employee_id", emp),
            "\nWork email: ",
            P("email", email(r, new, "northwind-logistics.com")),
            "\nTemporary password: ",
            P("password", pw),
            "\nWi-Fi (guest): ",
            T("network", "NW-Guest"),
            " / ",
            P("wifi_password", g.human_password(r)),
            "\n",
        )
    elif v == 1:
        d(
            "| Field | Value |\n|---|---|\n| Name | ",
            P("person", new.full),
            " |\n| Staff number | ",
            P("employee_id", emp),
            " |\n| Personal phone | ",
            P("phone", phone(r, loc)),
            " |\n| Home address | ",
            P("address", address(r, loc)),
            " |\n| Login | ",
            P("email", email(r, new, "fenwick-group.co.uk")),
            " |\n| One-time password | ",
            P("password", pw),
            " |\n| Cost centre | ",
            T("cost_centre", f"CC-{g.digits(r, 4)}"),
            " |\n",
        )
    else:
        d(
            "Please bring your passport (we have ",
            P("passport", f"{g.rstr(r, g.UP, 2)}{g.digits(r, 7)}"),
            " on file) and your bank details. We already have your date of birth as ",
            P("dob", dob(r, loc, 1970, 2004)),
            " — let me know if that's wrong.\nLaptop asset tag: ",
            T("asset_tag", f"AT-{g.digits(r, 5)}"),
            ", build ",
            T("version", version(r)),
            ".\nYour initial portal password is ",
            P("password", pw),
            "\n",
        )
    d("\nBest,\n", P("person", hr.full), "\nPeople Team\n")
    return d


@form(3)
def payroll_csv(r: Random, v: int) -> Doc:
    loc = r.choice(["de_DE", "nl_NL", "en_GB", "fr_FR", "es_ES"])
    cc = {"de_DE": "DE", "nl_NL": "NL", "en_GB": "GB", "fr_FR": "FR", "es_ES": "ES"}[loc]
    d = Doc()
    sep = [",", ";", "\t"][v]
    head = [
        "emp_no",
        "name",
        "iban",
        "tax_id" if loc != "en_GB" else "ni_number",
        "gross",
        "period",
    ]
    d(
        "can you check why the totals in this export don't match? column 5 should sum to ",
        T("amount", money(r, "€", 20000, 60000)),
        "\n\n",
        sep.join(head),
        "\n",
    )
    used: set[str] = set()
    for _ in range(r.randint(4, 7)):
        p = person(r, loc, avoid=used)
        name = p.formal if v == 1 else p.full
        if sep == "," and "," in name:
            name_part: list[str | P | T] = ['"', P("person", name), '"']
        else:
            name_part = [P("person", name)]
        tid = {
            "DE": lambda: P("de_tax_id", g.de_tax_id(r)),
            "NL": lambda: P("nl_bsn", g.nl_bsn(r)),
            "GB": lambda: P("uk_nino", g.uk_nino(r).replace(" ", "")),
            "FR": lambda p=p: P("fr_nir", g.fr_nir(r, g.birth_date(r, 1965, 2003), p.female)),
            "ES": lambda: P("es_dni", g.es_dni(r)),
        }[cc]()
        d(
            P("employee_id", g.digits(r, 5, True)),
            sep,
            *name_part,
            sep,
            P("iban", g.iban(r, cc, grouped=False)),
            sep,
            tid,
            sep,
            T("amount", f"{r.randint(2100, 7900)}.{r.randint(0, 99):02d}"),
            sep,
            T("period", f"2026-{r.randint(1, 11):02d}"),
            "\n",
        )
    return d


@form(3)
def pharmacy_refill_request(r: Random, v: int) -> Doc:
    loc = r.choice(["en_US", "en_GB", "en_US"])
    pt = person(r, loc)
    doc_ = person(r, loc, avoid={pt.given, pt.family})
    drug = r.choice(DRUGS)
    d = Doc()
    if v == 0:
        d(
            "Hello, I'd like to request a refill of ",
            T("drug", drug),
            " (Rx #",
            T("rx_no", g.digits(r, 7, True)),
            ").\nPatient: ",
            P("person", pt.full),
            "\nDOB: ",
            P("dob", dob(r, loc)),
            "\nPrescriber: Dr. ",
            P("person", doc_.family),
            "\n",
        )
        if loc == "en_US":
            d(
                "Insurance member ID: ",
                P("member_id", f"{g.rstr(r, g.UP, 3)}{g.digits(r, 9)}"),
                "\nGroup no.: ",
                T("group_no", g.digits(r, 6)),
                "\n",
            )
        else:
            d("NHS number: ", P("uk_nhs", g.uk_nhs(r)), "\n")
        d(
            "Pickup at the ",
            T("place", r.choice(["Main St", "High Street", "Elm Plaza"])),
            " branch please. Call ",
            P("phone", phone(r, loc)),
            " when ready.\n",
        )
    elif v == 1:
        d(
            "From: ",
            P("email", email(r, pt)),
            "\nTo: ",
            T("email_role", "refills@harborviewpharmacy.com"),
            "\n\nhi its ",
            P("person", pt.given.lower()),
            " again, my mom ",
            P("person", person(r, loc, True, avoid={pt.given, pt.family, doc_.given}).full),
            " (born ",
            P("dob", dob(r, loc, 1938, 1960)),
            ") needs her ",
            T("drug", drug),
            " and the ",
            T("drug", r.choice([x for x in DRUGS if x != drug])),
            " refilled. same address as before, ",
            P("address", address(r, loc)),
            ". thanks!!\n",
        )
    else:
        d(
            "PHARMACY LABEL (transcribed)\n",
            P("person", pt.formal.upper()),
            "\n",
            T("drug", drug.upper()),
            "\nTAKE 1 TABLET BY MOUTH TWICE DAILY\nQTY: ",
            T("quantity", str(r.choice([30, 60, 90]))),
            "   REFILLS: ",
            T("quantity", str(r.randint(0, 5))),
            "\nRX ",
            T("rx_no", g.digits(r, 7, True)),
            "   DR. ",
            P("person", doc_.full.upper()),
            "\nFILLED ",
            T("date", when(r, "us")),
            "   NDC ",
            T("ndc", f"{g.digits(r, 5)}-{g.digits(r, 3)}-{g.digits(r, 2)}"),
            "\n\nis it ok to take this with grapefruit juice?\n",
        )
    return d


@form(3)
def us_insurance_claim(r: Random, v: int) -> Doc:
    loc = "en_US"
    p = person(r, loc)
    sp = person(r, loc, avoid={p.given, p.family})
    d = Doc()
    claim = f"CLM-{g.digits(r, 8)}"
    if v == 0:
        d(
            "CLAIM FORM — section A (policyholder)\nName: ",
            P("person", p.full),
            "\nSSN: ",
            P("us_ssn", g.us_ssn(r)),
            "\nDate of birth: ",
            P("dob", dob(r, loc)),
            "\nAddress: ",
            P("address", address(r, loc)),
            "\nPolicy number: ",
            P("policy_no", f"{g.rstr(r, g.UP, 2)}-{g.digits(r, 9)}"),
            "\nClaim number: ",
            T("claim_no", claim),
            "\nDate of loss: ",
            T("date", when(r, "us")),
            "\nAmount claimed: ",
            T("price", money(r, "$", 300, 9000)),
            "\n\nSection B (spouse/dependent)\nName: ",
            P("person", sp.full),
            "\nSSN: ",
            P("us_ssn", g.us_ssn(r)),
            "\nDOB: ",
            P("dob", dob(r, loc)),
            "\n",
        )
    elif v == 1:
        d(
            "Hi — I need help writing an appeal. My claim ",
            T("claim_no", claim),
            " for the ER visit on ",
            T("date", when(r, "long-en-us")),
            " was denied (code ",
            T("code", f"CO-{r.randint(16, 197)}"),
            "). I'm ",
            P("person", p.full),
            ", member ID ",
            P("member_id", f"W{g.digits(r, 9)}"),
            ", my SSN is ",
            P("us_ssn", g.us_ssn(r).replace("-", " ")),
            ". The hospital billed ",
            T("price", money(r, "$", 900, 12000)),
            ". Can you draft something firm but polite?\n",
        )
    else:
        d(
            "Auto claim notes\nInsured: ",
            P("person", p.full),
            " (",
            P("phone", phone(r, loc)),
            ")\nVehicle plate: ",
            P("plate", plate(r, loc)),
            "\nDriver license: ",
            P("driver_license", f"{p.family[0]}{g.digits(r, 3)}-{g.digits(r, 4)}-{g.digits(r, 4)}"),
            "\nOther driver: ",
            P("person", sp.full),
            ", plate ",
            P("plate", plate(r, loc)),
            "\nLocation: intersection of ",
            T("street_as_place", "5th Ave and Pine St"),
            "\nPhotos: ",
            T("file", f"IMG_{g.digits(r, 4)}.HEIC"),
            ", ",
            T("file", f"IMG_{g.digits(r, 4)}.HEIC"),
            "\nClaim ",
            T("claim_no", claim),
            "\n",
        )
    return d


@form(3)
def travel_booking_confirmation(r: Random, v: int) -> Doc:
    loc = r.choice(["de_DE", "en_GB", "fr_FR", "ja_JP", "it_IT", "es_ES"])
    used: set[str] = set()
    pax = [person(r, loc, avoid=used) for _ in range(r.randint(1, 3))]
    d = Doc()
    fl = f"{r.choice(['LH', 'BA', 'AF', 'IB', 'NH', 'AZ', 'KL'])} {r.randint(100, 4999)}"
    d(
        "Booking confirmation — reference ",
        T("booking_ref", g.rstr(r, g.UP + "23456789", 6)),
        "\nFlight ",
        T("flight_no", fl),
        " · ",
        T("airport", r.choice(["FRA", "LHR", "CDG", "MAD"])),
        " → ",
        T("airport", r.choice(["HND", "JFK", "FCO", "BCN"])),
        " · ",
        T("datetime", f"{when(r, 'iso')} {r.randint(6, 22):02d}:{r.choice(['05', '35', '50'])}"),
        "\n\n",
    )
    for i, p in enumerate(pax, 1):
        nm = f"{latin(p.family).upper()}/{latin(p.given).upper()}" if v == 0 else p.full
        extra: tuple[str, ...] = ()
        d(f"Passenger {i}: ", P("person", nm, extra), "  ")
        if v != 2:
            d(
                "Passport ",
                P(
                    "passport",
                    f"{g.rstr(r, 'CFGHJKLMNPRTVWXYZ', 1)}{g.rstr(r, 'CFGHJKLMNPRTVWXYZ0123456789', 8)}",  # noqa: E501
                ),
                "  Birth ",
                P("dob", dob(r, loc, 1950, 2018)),
            )
        d(
            "  Seat ",
            T("seat", f"{r.randint(10, 45)}{r.choice('ABCDEF')}"),
            "  E-ticket ",
            T("eticket_no", f"220-{g.digits(r, 10)}"),
            "\n",
        )
    d(
        "\nContact: ",
        P("email", email(r, pax[0])),
        " / ",
        P("phone", phone(r, loc, True)),
        "\nTotal paid: ",
        T("price", money(r, "€", 300, 3800)),
        " incl. taxes\n\ncould you translate this into a short itinerary for my parents?\n",
    )
    return d


@form(3)
def school_enrollment_form(r: Random, v: int) -> Doc:
    loc = r.choice(["en_US", "en_GB", "en_IN", "de_DE"])
    child = person(r, loc)
    par = person(r, loc, avoid={child.given}, female=True)
    par2 = person(r, loc, avoid={child.given, par.given}, female=False)
    # children share the parent's family name
    d = Doc()
    if loc == "de_DE":
        d(
            "Anmeldung Grundschule ",
            T("school", "Grundschule am Park"),
            "\nKind: ",
            P("person", f"{child.given} {par.family}"),
            "\nGeburtsdatum: ",
            P("dob", dob(r, loc, 2015, 2020)),
            "\nAnschrift: ",
            P("address", address(r, loc)),
            "\nErziehungsberechtigte: ",
            P("person", par.full),
            ", Tel. ",
            P("phone", phone(r, loc)),
            "\nE-Mail: ",
            P("email", email(r, par)),
            "\nKlasse: ",
            T("class", f"{r.randint(1, 4)}b"),
            "\nSchuljahr: ",
            T("school_year", "2026/27"),
            "\n",
        )
        return d
    fam = par.family
    d(
        "STUDENT ENROLLMENT\n\nStudent legal name: ",
        P("person", f"{child.given} {fam}"),
        "\nPreferred name: ",
        P("person", child.given[:3] if v == 1 else child.given.lower()),
        "\nDate of birth: ",
        P("dob", dob(r, loc, 2008, 2020)),
        "\nGrade entering: ",
        T("grade", str(r.randint(1, 11))),
        "\n",
    )
    if loc == "en_US" and v != 2:
        d("Student ID (district): ", P("student_id", g.digits(r, 9, True), ("PHONE",)), "\n")
    d(
        "Home address: ",
        P("address", address(r, loc)),
        "\n\nParent/guardian 1: ",
        P("person", par.full),
        "  cell ",
        P("phone", phone(r, loc)),
        "  email ",
        P("email", email(r, par)),
        "\nParent/guardian 2: ",
        P("person", f"{par2.given} {fam}"),
        "  cell ",
        P("phone", phone(r, loc)),
        "\n\nAllergies: ",
        T("allergy", r.choice(["peanuts", "none", "penicillin"])),
        "\nBus route: ",
        T("route", f"Route {r.randint(2, 40)}"),
        "\nPhysician: Dr. ",
        P("person", person(r, loc, avoid={child.given, par.given, par2.given, fam}).family),
        "\n",
    )
    return d


@form(3)
def university_request(r: Random, v: int) -> Doc:
    loc = r.choice(["en_GB", "nl_NL", "de_DE", "en_US", "sv_SE"])
    s = person(r, loc)
    sid = g.digits(r, r.choice([7, 8]), True)
    d = Doc()
    course = f"{g.rstr(r, g.UP, 4)}{r.randint(1000, 4999)}"
    if v == 0:
        d(
            "Dear Registry,\n\nI am requesting an official transcript for my studies (",
            T("years", "2021–2025"),
            "). My student number is ",
            P("student_id", sid),
            " and I was registered as ",
            P("person", s.full),
            ". Please send the transcript to ",
            P("address", address(r, loc)),
            ". I still owe the fee of ",
            T("price", money(r, "€", 10, 40)),
            " which I will pay today.\n\nKind regards,\n",
            P("person", s.full.upper() if r.random() < 0.3 else s.given + " " + s.family[0] + "."),
            "\n",
        )
    elif v == 1:
        d(
            "Grade appeal — module ",
            T("course_code", course),
            "\nStudent: ",
            P("person", s.formal),
            " (",
            P("student_id", sid),
            ")\nEmail: ",
            P("email", email(r, s, "student.example-uni.edu")),
            "\nExam date: ",
            T("date", when(r, "iso")),
            "\nAwarded: ",
            T("grade", f"{r.randint(40, 69)}%"),
            "\nI believe question ",
            T("question", f"Q{r.randint(2, 9)}b"),
            " was marked against an outdated rubric (v",
            T("version", f"{r.randint(2, 4)}.{r.randint(0, 9)}"),
            ").\n",
        )
    else:
        d("student_id,name,email,course,grade\n")
        used: set[str] = set()
        for _ in range(r.randint(5, 8)):
            p = person(r, loc, avoid=used)
            d(
                P("student_id", g.digits(r, 8, True)),
                ",",
                P("person", p.full),
                ",",
                P("email", email(r, p, "uni-mail.example.org")),
                ",",
                T("course_code", course),
                ",",
                T("grade", r.choice(["1.3", "2.0", "2.7", "A-", "B+", "C", "3.3"])),
                "\n",
            )
        d("\nwhich students are below the module average?\n")
    return d


@form(3)
def delivery_driver_manifest(r: Random, v: int) -> Doc:
    loc = r.choice(["en_GB", "de_DE", "nl_NL", "pl_PL", "fr_FR"])
    d = Doc()
    d(
        "Route ",
        T("route", f"R{r.randint(10, 99)}-{g.rstr(r, g.UP, 1)}"),
        " — van ",
        P("plate", plate(r, loc)),
        " — ",
        T("date", when(r, "iso")),
        "\n",
    )
    used: set[str] = set()
    for k in range(r.randint(4, 7)):
        p = person(r, loc, avoid=used)
        if v == 2:
            d(
                f"{k + 1:02d} | ",
                T("tracking_no", tracking_no(r)),
                " | ",
                P("person", p.full.upper()),
                " | ",
                P("address", address(r, loc)),
                " | ",
                P("phone", phone(r, loc)),
                " | ",
                T("weight", f"{r.randint(1, 30)}.{r.randint(0, 9)} kg"),
                "\n",
            )
        else:
            d(
                f"{k + 1}. ",
                P("address", address(r, loc)),
                " – ",
                P("person", p.full),
                " – ",
                T("parcels", f"{r.randint(1, 4)} pcs"),
                " – ",
                P("phone", phone(r, loc)),
                " – note: ",
                T("note", r.choice(["leave at door", "ring twice", "garage", "side gate"])),
                "\n",
            )
    d("\nhelp me order these stops so i don't cross the city twice\n")
    return d


@form(3)
def it_helpdesk_ticket(r: Random, v: int) -> Doc:
    loc = r.choice(["en_US", "en_GB", "de_DE", "fr_FR"])
    u = person(r, loc)
    d = Doc()
    ip = f"{r.choice([81, 92, 176, 213, 88])}.{r.randint(1, 254)}.{r.randint(1, 254)}.{r.randint(1, 254)}"  # noqa: E501
    if v == 0:
        d(
            "Ticket ",
            T("ticket_no", ticket_no(r)),
            ": can't log into VPN\nReporter: ",
            P("person", u.full),
            " <",
            P("email", email(r, u, "contoso-health.org")),
            ">\n\nHi IT, since the update to ",
            T("version", version(r)),
            " the client says 'auth failed'. I've tried my password ",
            P("password", g.human_password(r)),
            " three times and now I'm locked out. My home IP is ",
            P("ip", ip),
            " if that helps. Error id ",
            T("uuid", uuid(r)),
            ".\n",
        )
    elif v == 1:
        d(
            "Paste from the client log:\n```\n",
            T("timestamp", stamp(r)),
            " INFO  connect gw=",
            T("host", "vpn2.contoso-health.org"),
            " dns=",
            T("public_ip", "8.8.8.8"),
            "\n",
            T("timestamp", stamp(r)),
            " DEBUG user=",
            P("email", email(r, u, "contoso-health.org")),
            " src=",
            P("ip", ip),
            " session=",
            P("cookie", g.hex_token(r, 40)),
            "\n",
            T("timestamp", stamp(r)),
            " ERROR code=",
            T("code", f"0x{g.rstr(r, 'ABCDEF0123456789', 8)}"),
            " build=",
            T("version", version(r)),
            "\n```\nwhat does this error mean?\n",
        )
    else:
        d(
            "Hi, printer on floor ",
            T("floor", str(r.randint(1, 6))),
            " (",
            T("model", "HP LaserJet M507"),
            ", asset ",
            T("asset_tag", f"PRN-{g.digits(r, 4)}"),
            ") asks for admin login. The sticker on it says user admin, password ",
            P("password", g.human_password(r)),
            " — is it ok if I use that? I'm ",
            P("person", u.given),
            " from accounts, ext. ",
            T("extension", str(r.randint(200, 899))),
            ".\n",
        )
    return d


@form(4)
def env_file_paste(r: Random, v: int) -> Doc:
    u = person(r, r.choice(["en_US", "de_DE", "es_ES", "pt_BR"]))
    d = Doc()
    d(
        "My online shop stopped sending order emails after I moved hosting. Here is my .env, "
        "what's wrong?\n\n"
    )
    db_user = latin(u.given)[:6]
    pw = g.human_password(r).replace("@", "#").replace(":", "!")
    if v in (0, 2):
        d(
            "APP_ENV=production\nAPP_VERSION=",
            T("version", version(r)),
            "\nDATABASE_URL=mysql://",
            P("url_cred", f"{db_user}:{pw}"),
            "@",
            T("host", "db.internal"),
            ":3306/shop\n",
        )
    else:
        d(
            "DB_HOST=",
            T("host", "127.0.0.1"),
            "\nDB_USER=",
            T("db_user", "shop"),
            "\nDB_PASSWORD=",
            P("password", pw),
            "\n",
        )
    d(
        "MAIL_HOST=smtp.sendgrid.net\nMAIL_USERNAME=apikey\nMAIL_PASSWORD=",
        P("api_key", g.sendgrid_key(r)),
        "\nMAIL_FROM=",
        T("email_role", "orders@rosewood-candles.example"),
        "\n",
    )
    if v != 1:
        d(
            "STRIPE_SECRET=",
            P("api_key", g.stripe_key(r)),
            "\nSTRIPE_WEBHOOK_SECRET=",
            P("signing_secret", g.webhook_secret(r)),
            "\n",
        )
    if v == 3:
        d(
            "AWS_ACCESS_KEY_ID=",
            P("api_key", g.aws_key_id(r)),
            "\nAWS_SECRET_ACCESS_KEY=",
            P("aws_secret", g.aws_secret(r)),
            "\nAWS_REGION=",
            T("region", "eu-central-1"),
            "\n",
        )
    if v in (1, 2):
        d("OPENAI_API_KEY=", P("api_key", g.openai_key(r)), "\n")
    d(
        "ADMIN_EMAIL=",
        P("email", email(r, u)),
        "\nCACHE_TTL=",
        T("number", str(r.choice([300, 3600]))),
        "\nREQUEST_ID_SEED=",
        T("uuid", uuid(r)),
        "\n",
    )
    return d


@form(3)
def customer_json_record(r: Random, v: int) -> Doc:
    loc = r.choice(["en_US", "de_DE", "fr_FR", "it_IT", "pt_BR", "es_ES"])
    p = person(r, loc)
    d = Doc()
    d("The CRM returns this for one customer, why is `marketing_opt_in` null?\n\n{\n")
    d(
        '  "id": "',
        T("uuid", uuid(r)),
        '",\n  "customer_no": "',
        P("customer_no", f"K{g.digits(r, 8)}"),
        '",\n  "first_name": "',
        P("person", p.given),
        '",\n  "last_name": "',
        P("person", p.family),
        '",\n  "email": "',
        P("email", email(r, p)),
        '",\n  "phone": "',
        P("phone", phone(r, loc, True)),
        '",\n',
    )
    if v != 1:
        d('  "birthdate": "', P("dob", g.birth_date(r).isoformat()), '",\n')
    if v == 2:
        d(
            '  "last_login_ip": "',
            P(
                "ip",
                f"2a02:810{r.randint(0, 9)}:{g.rstr(r, g.HEX, 4)}:"
                f"{g.rstr(r, g.HEX, 4)}::{g.rstr(r, g.HEX, 3)}",
            ),
            '",\n',
        )
    d(
        '  "address": {"street": "',
        P("street", street_line(r, loc)),
        '", "country": "',
        T("country", loc[-2:]),
        '"},\n  "created_at": "',
        T("timestamp", stamp(r)),
        '",\n  "lifetime_value": ',
        T("amount", f"{r.randint(10, 4000)}.{r.randint(10, 99)}"),
        ',\n  "marketing_opt_in": null,\n  "app_version": "',
        T("version", version(r)),
        '"\n}\n',
    )
    return d


@form(3)
def server_access_log(r: Random, v: int) -> Doc:
    loc = r.choice(["en_US", "de_DE", "nl_NL", "en_GB"])
    d = Doc()
    d(
        "Our booking site got slow around lunchtime, here are some log lines — anything suspicious?\n\n"  # noqa: E501
    )
    used: set[str] = set()
    for _ in range(r.randint(4, 6)):
        ip = f"{r.randint(31, 217)}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"
        t = f"[{r.randint(1, 28):02d}/Nov/2026:12:{r.randint(0, 59):02d}:{r.randint(0, 59):02d} +0100]"  # noqa: E501
        path = r.choice(["/api/bookings", "/login", "/account/profile", "/search?q=spa"])
        d(P("ip", ip), " - - [", T("timestamp", t[1:-1]), "]", f' "GET {path}')
        if path == "/login" and v != 0:
            p = person(r, loc, avoid=used)
            d("?user=", P("email", email(r, p)))
        d(
            ' HTTP/1.1" ',
            T("status", str(r.choice([200, 200, 302, 404, 500]))),
            " ",
            T("bytes", str(r.randint(300, 90000))),
            ' "-" "Mozilla/5.0"\n',
        )
    if v == 2:
        d(
            "\nAlso in the app log: ",
            T("timestamp", stamp(r)),
            " auth ok token=",
            P("token", g.jwt(r, g.digits(r, 6))),
            "\n",
        )
    return d
