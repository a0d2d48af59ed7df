"""Loft forms, part C: private chats, notes, spreadsheets, configs and transcripts."""

from __future__ import annotations

from random import Random

from . import gen as g
from .common import (
    COMPANIES,
    DRUGS,
    PUBLIC_FIGURES,
    PUBLIC_PLACES,
    date_pair,
    dob,
    form,
    money,
    order_no,
    stamp,
    ticket_no,
    uuid,
    version,
    when,
)
from .doc import Doc, P, T
from .locales import LOCALES, address, email, latin, person, phone, plate, roman, street_line


def _wa_time(r: Random) -> str:
    return f"{r.randint(1, 28):02d}/{r.randint(1, 11):02d}/2026, {r.randint(7, 23):02d}:{r.randint(0, 59):02d}"  # noqa: E501


@form(3)
def family_group_chat(r: Random, v: int) -> Doc:
    loc = r.choice(["en_GB", "de_DE", "es_ES", "it_IT", "nl_NL", "pl_PL", "pt_BR"])
    used: set[str] = set()
    mum = person(r, loc, True, avoid=used)
    kid = person(r, loc, avoid=used)
    d = Doc()
    d("[", T("timestamp", _wa_time(r)), "] ", P("person", mum.given), ": ")
    if v == 0:
        d(
            "New wifi at grandma's: network ",
            T("network", "FRITZ!Box 7530 KQ"),
            " password ",
            P("wifi_password", g.rstr(r, g.DIG, 20)),
            "\n[",
            T("timestamp", _wa_time(r)),
            "] ",
            P("person", kid.given),
            ": thx! what's her new address again\n[",
            T("timestamp", _wa_time(r)),
            "] ",
            P("person", mum.given),
            ": ",
            P("address", address(r, loc)),
            ", her landline ",
            P("phone", phone(r, loc)),
            "\n",
        )
    elif v == 1:
        d(
            "can someone send me ",
            P("person", kid.given),
            "'s passport number for the booking\n[",
            T("timestamp", _wa_time(r)),
            "] ",
            P("person", kid.given),
            ": ",
            P("passport", f"{g.rstr(r, g.UP, 2)}{g.digits(r, 7)}"),
            " exp ",
            T("date", when(r, "eu/")),
            "\n[",
            T("timestamp", _wa_time(r)),
            "] ",
            P("person", mum.given),
            ": and your birthday is ",
            P("dob", dob(r, loc, 1990, 2008)),
            " right? 😅\n",
        )
    else:
        d(
            "the bank app PIN for dad's account is ",
            P("pin", g.digits(r, 4)),
            " if you need to pay the care home (",
            T("amount", money(r, "€", 1800, 4200)),
            ")\n[",
            T("timestamp", _wa_time(r)),
            "] ",
            P("person", kid.given),
            ": ok, his IBAN is ",
            P("iban", g.iban(r, r.choice(["DE", "NL", "ES", "IT", "PL"]))),
            " right?\n",
        )
    d("\nsummarise what I need to do from this chat\n")
    return d


@form(3)
def holiday_rental_message(r: Random, v: int) -> Doc:
    loc = r.choice(["es_ES", "it_IT", "fr_FR", "pt_BR", "en_GB", "de_DE"])
    host = person(r, loc)
    guest = person(r, r.choice(LOCALES[:10]), avoid={host.given, host.family})
    place, coords = r.choice(PUBLIC_PLACES)
    d = Doc()
    d(
        "Hi ",
        P("person", guest.given),
        "! Welcome, here is everything for your stay (",
        T("date", (dp := date_pair(r, "iso"))[0]),
        " – ",
        T("date", dp[1]),
        ").\n\nAddress: ",
        P("address", address(r, loc)),
        "\n",
    )
    if v != 2:
        d("Pin: ", P("geo", f"{r.uniform(36, 52):.5f}, {r.uniform(-8, 14):.5f}"), "\n")
    d(
        "Wi-Fi: ",
        T("network", f"Casa{g.digits(r, 3)}"),
        " / ",
        P("wifi_password", g.human_password(r)),
        "\n",
    )
    if v == 1:
        d("Check-in after ", T("time", "15:00"), ", check-out by ", T("time", "11:00"), ".\n")
    d(
        "Nearby: ",
        T("place", place),
        " (",
        T("public_geo", coords),
        "), about ",
        T("duration", f"{r.randint(5, 40)} min"),
        " by bus.\nAny problem: call me ",
        P("phone", phone(r, loc, True)),
        "\n",
        P("person", host.given),
        "\n\nplease translate to ",
        T("language", "German"),
        "\n",
    )
    return d


@form(2)
def location_share_chat(r: Random, v: int) -> Doc:
    loc = r.choice(["en_US", "de_DE", "fr_FR", "it_IT", "ja_JP"])
    p = person(r, loc)
    place, coords = r.choice(PUBLIC_PLACES)
    d = Doc()
    lat, lon = r.uniform(35, 55), r.uniform(-5, 20)
    if v == 0:
        d(
            P("person", p.given),
            ": I'm stuck, car broke down. I'm here: ",
            P("geo", f"{lat:.6f},{lon:.6f}"),
            "\n",
            P("person", p.given),
            ": https://maps.google.com/?q=",
            P("geo", f"{lat:.6f},{lon + 0.0001:.6f}"),
            "\nme: ok coming. is that near ",
            T("place", place),
            "?\n\nhow long to drive from ",
            T("public_geo", coords),
            " to there?\n",
        )
    else:
        d(
            "Strava export, last run of ",
            P("person", p.full),
            ":\nstart ",
            P("geo", f"{lat:.5f}, {lon:.5f}"),
            " (home)\nend ",
            T("public_geo", coords),
            " (",
            T("place", place),
            ")\ndistance ",
            T("distance", f"{r.randint(4, 21)}.{r.randint(0, 9)} km"),
            ", pace ",
            T("pace", f"{r.randint(4, 6)}:{r.randint(10, 59)} /km"),
            "\nanalyse my pace\n",
        )
    return d


@form(3)
def password_reset_chat(r: Random, v: int) -> Doc:
    loc = r.choice(["en_US", "en_GB", "de_DE", "fr_FR"])
    p = person(r, loc)
    d = Doc()
    if v == 0:
        d(
            "I keep getting 'invalid credentials' on my ",
            T("company", r.choice(COMPANIES)),
            " account. email ",
            P("email", email(r, p)),
            " password ",
            P("password", g.human_password(r)),
            ". I also saved these backup codes:\n",
        )
        for _ in range(r.randint(3, 5)):
            d(P("recovery_code", f"{g.digits(r, 4)}-{g.digits(r, 4)}"), "\n")
        d("which one should I use?\n")
    elif v == 1:
        d(
            "Username: ",
            P("username", latin(p.given) + str(r.randint(70, 99)), ("PERSON",)),
            "\nOld password: ",
            P("password", g.human_password(r)),
            "\nNew password: ",
            P("password", g.human_password(r)),
            "\nIs the new one strong enough? The site says min ",
            T("number", "12"),
            " characters.\n",
        )
    else:
        d(
            "my husband wrote his logins on a post-it, can you turn it into a table?\ngmail - ",
            P("email", email(r, p, "gmail.com")),
            " - ",
            P("password", g.human_password(r)),
            "\nbank - ",
            P("username", g.digits(r, 8, True)),
            " - ",
            P("password", g.human_password(r)),
            "\nnetflix - same email - ",
            P("password", g.human_password(r)),
            "\n",
        )
    return d


@form(3)
def yaml_mail_config(r: Random, v: int) -> Doc:
    u = person(r, r.choice(["en_US", "de_DE", "nl_NL", "sv_SE"]))
    d = Doc()
    d(
        "Newsletter tool config — emails bounce, why?\n```yaml\nversion: ",
        T("version", version(r)),
        "\nsmtp:\n  host: ",
        T("host", "smtp.office365.com"),
        "\n  port: 587\n  user: ",
        P("email", email(r, u, "bakery-lindqvist.example")),
        '\n  password: "',
        P("password", g.human_password(r)),
        '"\n',
    )
    if v == 1:
        d(
            "db: postgres://",
            P("url_cred", f"newsletter:{g.rstr(r, g.ALNUM, 14)}"),
            "@",
            T("host", "10.0.3.12"),
            ":5432/list\n",
        )
    if v == 2:
        d(
            "slack_webhook: https://hooks.slack.com/services/T",
            f"{g.rstr(r, g.UP + g.DIG, 8)}/B{g.rstr(r, g.UP + g.DIG, 8)}",
            "/",
            P("token", g.rstr(r, g.ALNUM, 24)),
            "\nbot_token: ",
            P("token", g.slack_token(r)),
            "\n",
        )
    d(
        "list_id: ",
        T("uuid", uuid(r)),
        "\nbatch_size: ",
        T("number", str(r.choice([50, 100, 500]))),
        "\n```\n",
    )
    return d


@form(3)
def api_script_paste(r: Random, v: int) -> Doc:
    d = Doc()
    u = person(r, r.choice(["en_US", "en_GB", "de_DE"]))
    d(
        "This little script should copy new form responses into our sheet but it throws ",
        T("error", "403"),
        ". Help?\n\n```python\nimport requests\n\n",
    )
    if v == 0:
        d(
            'GITHUB_TOKEN = "',
            P("api_key", g.gh_token(r)),
            '"\nSHEET_KEY = "',
            P("api_key", g.google_key(r)),
            '"\n',
        )
    elif v == 1:
        d(
            'headers = {"Authorization": "Bearer ',
            P("token", g.jwt(r, latin(u.given))),
            '"}\nBASE = "https://forms.example.com/api/',
            T("version", f"v{r.randint(1, 3)}"),
            '"\n',
        )
    else:
        d(
            'auth = ("',
            P("username", latin(u.given), ("PERSON",)),
            '", "',
            P("password", g.human_password(r)),
            '")\nSLACK = "',
            P("token", g.slack_token(r)),
            '"\n',
        )
    d(
        'FORM_ID = "',
        T("form_id", g.rstr(r, g.ALNUM, 22)),
        '"\nOWNER = "',
        P("email", email(r, u)),
        '"\n\nr = requests.get(BASE_URL, timeout=',
        T("number", "30"),
        ")\n```\n",
    )
    return d


@form(3)
def meeting_transcript(r: Random, v: int) -> Doc:
    loc = r.choice(["en_US", "en_GB", "de_DE", "nl_NL"])
    used: set[str] = set()
    ps = [person(r, loc, avoid=used) for _ in range(3)]
    fig = r.choice(PUBLIC_FIGURES)
    d = Doc()
    d("Transcript — ", T("meeting", "Q4 planning"), " — ", T("date", when(r, "iso")), "\n\n")
    d(
        "[",
        T("offset", "00:00:14"),
        "] ",
        P("person", ps[0].full),
        ": Okay, let's start. ",
        P("person", ps[1].given),
        ", can you share the numbers?\n",
    )
    d(
        "[",
        T("offset", "00:01:02"),
        "] ",
        P("person", ps[1].full),
        ": Sure. Revenue is up ",
        T("percent", f"{r.randint(2, 19)}%"),
        ", mostly from ",
        T("company", r.choice(COMPANIES)),
        ". Did everyone see ",
        T("public_figure", fig),
        "'s speech last week? Markets reacted.\n",
    )
    d(
        "[",
        T("offset", "00:02:40"),
        "] ",
        P("person", ps[2].full),
        ": Yes. Also, ",
        P("person", ps[0].given),
        ", I'll be out on leave from ",
        T("date", when(r, "iso")),
        "; reach me at ",
        P("phone", phone(r, loc)),
        " or ",
        P("email", email(r, ps[2])),
        " if urgent.\n",
    )
    if v == 1:
        d(
            "[",
            T("offset", "00:03:05"),
            "] ",
            P("person", ps[0].full),
            ": Noted. Action items go in ticket ",
            T("ticket_no", ticket_no(r)),
            ".\n",
        )
    if v == 2:
        d(
            "[",
            T("offset", "00:04:11"),
            "] ",
            P("person", ps[1].full),
            ": Our new hire ",
            P("person", person(r, loc, avoid=used).full),
            " starts Monday in ",
            T("city", "Rotterdam"),
            ".\n",
        )
    d("\nWrite minutes with action items.\n")
    return d


@form(2)
def power_of_attorney(r: Random, v: int) -> Doc:
    loc = r.choice(["de_DE", "es_ES", "it_IT", "fr_FR", "nl_NL"])
    a = person(r, loc)
    b = person(r, loc, avoid={a.given, a.family})
    ids = {
        "de_DE": lambda: P(
            "de_id_card",
            f"{g.rstr(r, 'CFGHJKLMNPRTVWXYZ', 1)}{g.rstr(r, 'CFGHJKLMNPRTVWXYZ0123456789', 8)}",
        ),
        "es_ES": lambda: P("es_dni", g.es_dni(r)),
        "it_IT": lambda: P("it_ci", f"CA{g.digits(r, 5)}{g.rstr(r, g.UP, 2)}"),
        "fr_FR": lambda: P("fr_cni", f"{g.digits(r, 2)}{g.rstr(r, g.UP, 2)}{g.digits(r, 5)}"),
        "nl_NL": lambda: P("nl_bsn", g.nl_bsn(r)),
    }[loc]
    d = Doc()
    d(
        "POWER OF ATTORNEY (draft, please check the English)\n\nI, ",
        P("person", a.full),
        ", born on ",
        P("dob", dob(r, loc)),
        ", ID no. ",
        ids(),
        ", residing at ",
        P("address", address(r, loc)),
        ",\nhereby authorise ",
        P("person", b.full),
        ", born on ",
        P("dob", dob(r, loc)),
        ", ID no. ",
        ids(),
        ",\nto collect my registered mail and to represent me before the ",
        T("org", "Land Registry"),
        " in matter ",
        T("case_no", f"{r.randint(1, 30)} O {r.randint(100, 999)}/26"),
        ".\n",
    )
    if v == 1:
        d(
            "\nSigned in ",
            T("city", "Valencia"),
            " on ",
            T("date", when(r, "long-en")),
            "\n",
            P("person", a.initial()),
            "\n",
        )
    return d


@form(3)
def car_accident_report(r: Random, v: int) -> Doc:
    loc = r.choice(["de_DE", "fr_FR", "it_IT", "es_ES", "en_GB", "nl_NL", "pl_PL"])
    a = person(r, loc)
    b = person(r, loc, avoid={a.given, a.family})
    d = Doc()
    d(
        "European accident statement — my notes\nCars: ",
        T("car_model", r.choice(["Ford Focus", "Mercedes A-Klasse", "Renault Clio", "Fiat Panda"])),
        " vs ",
        T("car_model", r.choice(["Tesla Model 3", "VW Golf", "Toyota Yaris", "Opel Corsa"])),
        "\nDate: ",
        T("date", when(r, "iso")),
        " ",
        T("time", f"{r.randint(6, 21):02d}:{r.randint(0, 59):02d}"),
        "\nLocation: ",
    )
    if v == 0:
        d(
            P("geo", f"{r.uniform(40, 54):.4f}° N, {r.uniform(1, 20):.4f}° E"),
            " (in front of my house)\n",
        )
    else:
        d(
            T(
                "street_as_place",
                r.choice(["roundabout at Avenue Foch", "Via Roma / Via Po", "A 7 exit 54"]),
            ),
            "\n",
        )
    d(
        "Vehicle A: ",
        P("plate", plate(r, loc)),
        ", driver ",
        P("person", a.full),
        ", tel ",
        P("phone", phone(r, loc)),
        ", insurer ",
        T("company", r.choice(["Allianz", "AXA", "Generali", "Mapfre"])),
        ", policy ",
        P("policy_no", f"{g.rstr(r, g.UP, 2)}{g.digits(r, 8)}"),
        "\nVehicle B: ",
        P("plate", plate(r, loc)),
        ", driver ",
        P("person", b.full),
        ", address ",
        P("address", address(r, loc)),
        "\n",
    )
    if v == 2:
        d(
            "Witness: ",
            P("person", person(r, loc, avoid={a.given, a.family, b.given, b.family}).full),
            ", ",
            P("phone", phone(r, loc)),
            "\n",
        )
    d(
        "Damage: ",
        T("damage", "rear bumper, left tail light"),
        ", estimate ",
        T("price", money(r, "€", 300, 4000)),
        "\n\nhelp me fill in the box 'circumstances'\n",
    )
    return d


@form(3)
def expense_sheet_tsv(r: Random, v: int) -> Doc:
    loc = r.choice(["en_US", "en_GB", "de_DE", "fr_FR", "es_ES"])
    d = Doc()
    d("date\temployee\tcard\tmerchant\tamount\tcategory\n")
    used: set[str] = set()
    cards: dict[str, str] = {}
    for _ in range(r.randint(5, 8)):
        if len(cards) < 3 and (not cards or r.random() < 0.5):
            p = person(r, loc, avoid=used)
            cards[p.full] = g.card(r, sep="" if v == 1 else " ")
        name = r.choice(list(cards))
        d(
            T("date", when(r, "iso")),
            "\t",
            P("person", name),
            "\t",
            P("card", cards[name]),
            "\t",
            T(
                "merchant",
                r.choice(
                    [
                        "Hilton",
                        "Shell",
                        "Deutsche Bahn",
                        "Starbucks",
                        "Uber",
                        "SNCF",
                        "McDonald's",
                        "Marks & Spencer",
                        "Hugo Boss Outlet",
                        "Wendy's",
                    ]
                ),
            ),
            "\t",
            T("amount", f"{r.randint(3, 600)}.{r.randint(0, 99):02d}"),
            "\t",
            T("category", r.choice(["travel", "meals", "fuel", "lodging"])),
            "\n",
        )
    d("\nsum per employee and flag anything over ", T("amount", "250.00"), " please\n")
    return d


@form(3)
def sql_insert_dump(r: Random, v: int) -> Doc:
    loc = r.choice(["en_US", "de_DE", "it_IT", "pt_BR", "fr_FR", "pl_PL"])
    d = Doc()
    d(
        "Why does this insert fail with duplicate key?\n\nINSERT INTO customers (id, name, email, phone, birth_date"  # noqa: E501
        + (", ip" if v == 2 else "")
        + ", created) VALUES\n"
    )
    used: set[str] = set()
    n = r.randint(4, 6)
    for k in range(n):
        p = person(r, loc, avoid=used)
        d(
            "(",
            T("row_id", str(1000 + k * r.randint(1, 7))),
            ", '",
            P("person", p.full.replace("'", "''")),
            "', '",
            P("email", email(r, p)),
            "', '",
            P("phone", phone(r, loc, True)),
            "', '",
            P("dob", g.birth_date(r).isoformat()),
            "'",
        )
        if v == 2:
            d(
                ", '",
                P(
                    "ip",
                    f"{r.randint(31, 217)}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}",  # noqa: E501
                ),
                "'",
            )
        d(", '", T("timestamp", stamp(r)), "')", "," if k < n - 1 else ";", "\n")
    return d


@form(3)
def job_application_cv(r: Random, v: int) -> Doc:
    loc = r.choice(["en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "pl_PL", "en_IN", "pt_BR"])
    p = person(r, loc)
    d = Doc()
    d(
        P("person", p.full.upper() if v == 1 else p.full),
        "\n",
        P("address", address(r, loc)),
        " | ",
        P("phone", phone(r, loc, True)),
        " | ",
        P("email", email(r, p)),
        "\n",
    )
    if v != 2:
        d(
            "Date of birth: ",
            P("dob", dob(r, loc, 1970, 2003)),
            " | Nationality: ",
            T("nationality", loc[-2:]),
            "\n",
        )
    d(
        "linkedin.com/in/",
        P("profile", f"{latin(p.given)}-{latin(p.family)}-{g.rstr(r, g.HEX, 6)}", ("PERSON",)),
        "\n\nEXPERIENCE\n",
        T("years", "2019–present"),
        "  Accounts Assistant, ",
        T("company", r.choice(COMPANIES)),
        "\n- reconciled ",
        T("quantity", f"{r.randint(200, 900)}+"),
        " invoices per month in ",
        T("product", r.choice(["SAP S/4HANA", "Xero", "DATEV", "QuickBooks"])),
        "\n\nREFERENCES\n",
        P("person", person(r, loc, avoid={p.given, p.family}).full),
        ", line manager, ",
        P("phone", phone(r, loc)),
        "\n\nTailor this CV for a payroll role.\n",
    )
    return d


@form(2)
def visa_application_form(r: Random, v: int) -> Doc:
    loc = r.choice(["en_IN", "tr_TR", "ru_RU", "zh_CN", "pt_BR", "ja_JP"])
    p = person(r, loc)
    d = Doc()
    d(
        "Schengen visa application — answers\n1. Surname: ",
        P("person", roman(p.family).upper()),
        "\n3. First name(s): ",
        P("person", roman(p.given).upper()),
        "\n4. Date of birth: ",
        P("dob", g.fmt_date(g.birth_date(r, 1960, 2004), "eu/")),
        "\n13. Travel document number: ",
        P("passport", f"{g.rstr(r, g.UP, 1)}{g.digits(r, 8)}"),
        "\n15. Valid until: ",
        T("date", when(r, "eu/")),
        "\n17. Home address: ",
        P("address", address(r, loc)),
        "\n    Phone: ",
        P("phone", phone(r, loc, True)),
        "\n",
    )
    if v == 1:
        d(
            "19. Employer: ",
            T("company", r.choice(COMPANIES)),
            "\n21. Main purpose: tourism\n24. Member State of first entry: ",
            T("country", "Italy"),
            "\n30. Inviting person: ",
            P("person", person(r, "it_IT").full),
            ", ",
            P("address", address(r, "it_IT")),
            "\n",
        )
    d("\nCheck for mistakes please\n")
    return d


@form(3)
def doctor_portal_message(r: Random, v: int) -> Doc:
    loc = r.choice(["en_US", "en_GB", "nl_NL", "sv_SE", "de_DE"])
    p = person(r, loc)
    d = Doc()
    pid = f"{r.choice(['MRN', 'PID', 'Pat-Nr.'])} {g.digits(r, 8, True)}"
    lab, num = pid.split(" ")
    d(
        "Patient portal message\nFrom: ",
        P("person", p.full),
        " (",
        lab,
        " ",
        P("patient_id", num),
        ")\n",
    )
    if v == 0:
        d(
            "Hi Dr. ",
            P("person", person(r, loc, avoid={p.given, p.family}).family),
            ", my blood results came back: HbA1c ",
            T("lab", f"{r.randint(5, 9)}.{r.randint(0, 9)}%"),
            ", LDL ",
            T("lab", f"{r.randint(90, 190)} mg/dL"),
            ". Should I increase the ",
            T("drug", r.choice(DRUGS)),
            "?\n",
        )
    elif v == 1:
        d(
            "Date of birth ",
            P("dob", dob(r, loc)),
            ". I need a sick note for ",
            T("dates", "3 days"),
            " for my employer. Please send it to ",
            P("email", email(r, p)),
            ".\n",
        )
    else:
        d(
            "My son ",
            P("person", person(r, loc, False, avoid={p.given, p.family}).given),
            " (born ",
            P("dob", dob(r, loc, 2012, 2022)),
            ") has had a fever of ",
            T("temperature", f"{r.randint(38, 40)}.{r.randint(0, 9)} °C"),
            " since ",
            T("weekday", "Tuesday"),
            ". Call me on ",
            P("phone", phone(r, loc)),
            ".\n",
        )
    d("\nmake this message shorter\n")
    return d


@form(2)
def genealogy_notes(r: Random, v: int) -> Doc:
    loc = r.choice(["de_DE", "pl_PL", "it_IT", "sv_SE", "en_US", "ru_RU"])
    used: set[str] = set()
    d = Doc()
    d("Family tree notes (from Aunt ", P("person", person(r, loc, True, avoid=used).given), ")\n")
    fam = person(r, loc, False, avoid=used)
    for k in range(r.randint(3, 5)):
        q = person(r, loc, avoid=used)
        name = f"{q.given} {fam.family}" if loc not in ("ru_RU",) else q.full
        d(
            "- ",
            P("person", name),
            ", b. ",
            P("dob", dob(r, loc, 1925 + k * 8, 1935 + k * 8)),
            " in ",
            T(
                "birthplace",
                r.choice(["Kraków", "Napoli", "Uppsala", "Chicago", "Breslau", "Omsk"]),
            ),
        )
        if v == 1 and k == 0:
            d(
                ", emigrated ",
                T("year", str(r.randint(1950, 1970))),
                " on the ",
                T("ship", "SS Constitution"),
            )
        d("\n")
    d("\nturn this into a timeline\n")
    return d


@form(2)
def appointment_sms_batch(r: Random, v: int) -> Doc:
    loc = r.choice(["en_GB", "en_US", "de_DE", "es_ES"])
    d = Doc()
    d("name,mobile,appointment,clinician,notes\n")
    used: set[str] = set()
    clin = person(r, loc, avoid=used)
    for _ in range(r.randint(5, 8)):
        p = person(r, loc, avoid=used)
        nm = p.full if v == 0 else f"{p.given[0]}. {p.family}"
        d(
            P("person", nm),
            ",",
            P("phone", phone(r, loc).replace(",", "")),
            ",",
            T(
                "datetime",
                f"{when(r, 'iso')} {r.randint(8, 17):02d}:{r.choice(['00', '20', '40'])}",
            ),
            ",Dr ",
            P("person", clin.family),
            ",",
            T("note", r.choice(["new patient", "follow-up", "bring x-rays", "fasting"])),
            "\n",
        )
        used.add(clin.family)
    d("\nwrite a reminder SMS template with placeholders\n")
    return d


@form(2)
def real_estate_viewing_notes(r: Random, v: int) -> Doc:
    loc = r.choice(["en_GB", "de_DE", "nl_NL", "fr_FR", "es_ES"])
    d = Doc()
    d(
        "Viewings for ",
        T("listing", f"listing #{g.digits(r, 6)}"),
        " (",
        T("rooms", f"{r.randint(2, 5)}-room"),
        ", ",
        T("area", f"{r.randint(45, 140)} m²"),
        ", asking ",
        T("price", money(r, "€", 900, 2800)),
        "/month)\n\n",
    )
    used: set[str] = set()
    for _ in range(r.randint(3, 5)):
        p = person(r, loc, avoid=used)
        d(
            "• ",
            P("person", p.full),
            " — ",
            P("phone", phone(r, loc)),
            " — currently at ",
            P("address", address(r, loc)),
            " — income ",
            T("amount", money(r, "€", 2000, 7000)),
            " net",
        )
        if v == 1:
            d(" — SCHUFA ok, employer ", T("company", r.choice(COMPANIES)))
        d("\n")
    d("\nrank these applicants fairly\n")
    return d


@form(2)
def router_settings_paste(r: Random, v: int) -> Doc:
    d = Doc()
    p = person(r, r.choice(["de_DE", "nl_NL", "en_GB", "fr_FR"]))
    d(
        "Router status page (copied):\nModel: ",
        T("model", r.choice(["FRITZ!Box 7590", "Archer AX55", "Livebox 6"])),
        "\nFirmware: ",
        T("version", version(r)),
        " (sha256 ",
        T("hash", g.sha(r, 64)),
        ")",
        "\nWAN IP: ",
        P("ip", f"{r.randint(77, 95)}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"),
        "\nLAN IP: ",
        T("private_ip", "192.168.178.1"),
        "\nDNS: ",
        T("public_ip", "1.1.1.1"),
        "\nSSID: ",
        T("network", f"{r.choice(['Zuhause', 'HomeNet', 'Maison'])}-{g.digits(r, 2)}"),
        "\nWPA2 key: ",
        P("wifi_password", g.rstr(r, g.ALNUM, 16)),
        "\nAdmin password: ",
        P("password", g.human_password(r)),
        "\nDynDNS user: ",
        P("email", email(r, p)),
        "\nUptime: ",
        T("duration", f"{r.randint(1, 40)} days"),
        "\n",
    )
    if v == 1:
        d(
            "Remote access: https://",
            P("url_cred", f"admin:{g.rstr(r, g.ALNUM, 10)}"),
            "@",
            T("host", f"{g.rstr(r, 'abcdefghijkmnpqrstuvwxyz', 8)}.myfritz.net"),
            ":443\n",
        )
    d("\nwhy is my internet slow in the evening?\n")
    return d


@form(2)
def news_discussion_request(r: Random, v: int) -> Doc:
    loc = r.choice(["en_US", "en_GB", "de_DE"])
    p = person(r, loc)
    f1, f2 = r.sample(PUBLIC_FIGURES, 2)
    place, coords = r.choice(PUBLIC_PLACES)
    d = Doc()
    d(
        "My friend ",
        P("person", p.given),
        " and I argued about this: did ",
        T("public_figure", f1),
        " really meet ",
        T("public_figure", f2),
        " at the ",
        T("place", place),
        " (",
        T("public_geo", coords),
        ") in ",
        T("year", str(r.randint(2015, 2025))),
        "? ",
        P("person", p.given),
        " says the photo was fake. ",
    )
    if v == 1:
        d(
            "It had ",
            T("count", f"{r.randint(2, 90)}k"),
            " likes on ",
            T("company", "Instagram"),
            ". ",
        )
    d("What's the truth?\n")
    return d


@form(2)
def order_history_table(r: Random, v: int) -> Doc:
    loc = r.choice(["en_US", "de_DE", "en_GB", "fr_FR"])
    p = person(r, loc)
    d = Doc()
    d(
        "Account: ",
        P("person", p.full),
        " · ",
        P("email", email(r, p)),
        " · Customer no. ",
        P("customer_no", g.digits(r, 8, True)),
        "\n\n| Order | Date | Item | Total | Status |\n|---|---|---|---|---|\n",
    )
    for _ in range(r.randint(4, 7)):
        d(
            "| ",
            T("order_no", order_no(r)),
            " | ",
            T("date", when(r, "iso")),
            " | ",
            T(
                "product",
                r.choice(
                    [
                        "USB-C cable 2m",
                        "Kettle 1.7 L",
                        "Yoga mat",
                        "Phone case",
                        "LED bulb E27",
                        "Tommy Hilfiger polo",
                        "Ben & Jerry's Cookie Dough",
                        "Echo Dot with Alexa",
                        "Dr. Oetker Pizza",
                        "Calvin Klein socks 3-pack",
                    ]
                ),
            ),
            " | ",
            T("price", money(r, "€", 5, 200)),
            " | ",
            T("status", r.choice(["delivered", "returned", "shipped"])),
            " |\n",
        )
    if v == 1:
        d("\nDelivery address on file: ", P("address", address(r, loc)), "\n")
    d("\nhow much did I spend in total?\n")
    _ = street_line
    return d


@form(3)
def office_handover_note(r: Random, v: int) -> Doc:
    loc = r.choice(["en_GB", "de_DE", "nl_NL", "en_US", "fr_FR", "es_ES"])
    used: set[str] = set()
    me = person(r, loc, avoid=used)
    cover = person(r, loc, avoid=used)
    d = Doc()
    d(
        "Handover while I'm on leave (",
        T("date", (dp := date_pair(r, "eu/"))[0]),
        " – ",
        T("date", dp[1]),
        ")\n\nHi ",
        P("person", cover.given),
        ", here's everything you need. Please keep this safe!\n\n",
    )
    systems = r.sample(
        [
            "Payroll portal",
            "Supplier portal",
            "Bank (business)",
            "Courier account",
            "Website CMS",
            "Office 365 shared mailbox",
            "Tax office portal",
        ],
        r.randint(3, 5),
    )
    for s_ in systems:
        if v == 1:
            d(
                f"- {s_}: user ",
                P("email", email(r, me, "ashgrove-dental.example"))
                if s_.startswith("Office")
                else P(
                    "username",
                    f"{latin(me.given)[:1]}{latin(me.family)[:7]}{r.randint(1, 9)}",
                    ("PERSON",),
                ),
                ", pw ",
                P("password", g.human_password(r)),
                "\n",
            )
        else:
            d(
                f"{s_}\n  login: ",
                P(
                    "username",
                    f"{latin(me.given)}.{latin(me.family)}{r.randint(10, 99)}",
                    ("PERSON",),
                ),
                "\n  password: ",
                P("password", g.human_password(r)),
                "\n",
            )
    if v == 2:
        d(
            "Card for the petty cash account: ",
            P("card", g.card(r)),
            ", PIN ",
            P("pin", g.digits(r, 4)),
            "\n",
        )
    d(
        "\nSuppliers to chase: ",
        T("company", r.choice(COMPANIES)),
        " (invoice ",
        T("invoice_no", f"INV-{g.digits(r, 5)}"),
        "), ",
        T("company", r.choice(COMPANIES)),
        ".\nIf anything breaks call me on ",
        P("phone", phone(r, loc)),
        "\n",
        P("person", me.given),
        "\n\nCan you reformat this as a checklist?\n",
    )
    return d


@form(2)
def browser_cookie_paste(r: Random, v: int) -> Doc:
    loc = r.choice(["en_US", "de_DE", "fr_FR", "it_IT"])
    p = person(r, loc)
    d = Doc()
    d(
        "The booking page logs me out every minute. I copied the request from devtools:\n\n"
        "GET /account/reservations HTTP/2\nHost: ",
        T("host", "www.example-hotels.com"),
        "\nUser-Agent: ",
        T(
            "user_agent",
            f"Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/{r.randint(120, 140)}.0",
        ),
        "\nCookie: sessionid=",
        P("cookie", g.rstr(r, g.ALNUM, 32)),
        "; lang=en; ab_test=",
        T("experiment", f"B{r.randint(1, 9)}"),
        "\n",
    )
    if v == 1:
        d(
            "Authorization: Basic ",
            P("auth_header", g.b64url(f"{latin(p.given)}:{g.human_password(r)}".encode())),
            "\n",
        )
    d(
        "X-Request-ID: ",
        T("uuid", uuid(r)),
        "\n\nResponse had Set-Cookie with Max-Age=",
        T("number", "60"),
        ". The account is ",
        P("email", email(r, p)),
        ". What's going on?\n",
    )
    return d
