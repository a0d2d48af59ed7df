# ruff: noqa: E501  (corpus text reads better unwrapped)
"""Forms, part five: free prose, where values sit inside sentences, far from any label."""

from __future__ import annotations

from random import Random

from . import values as gen
from .build import AD, PER, PH, Doc, P, S, Who, card, x
from .forms_a import HOST, form


@form(3)
def prose_help_request(r: Random, v: int) -> Doc:
    sis = Who(r, r.choice(["ua", "ar", "tr", "ng", "ph"]), female=True)
    me = Who(r, sis.loc, female=False, kin=sis)
    if v == 2:
        sis.dob = gen.dob(r, 1998, 2006)
    d = Doc()
    if v == 0:
        d(
            "I need advice. My sister ",
            sis.n("given"),
            " (",
            sis.n("full"),
            ", born ",
            sis.b("long_en"),
            ") moved to ",
            x("city", "Munich"),
            " last spring and since then someone keeps calling her from ",
            P("phone", gen.phone(r, "de"), PH),
            " pretending to be from the ",
            x("org", "Jobcenter"),
            ". They knew her address, ",
            P("address", gen.address(r, "de"), AD),
            ", and even her bank, ",
            x("company", "Sparkasse"),
            ". Her own number is ",
            sis.ph(),
            ". Should she go to the police? I'm ",
            me.n("given"),
            ", her brother, writing from ",
            x("city", "Toronto"),
            ". We read that ",
            x("public_figure", "Nancy Faeser"),
            " announced new rules about this.\n",
        )
    elif v == 1:
        d(
            "ok so long story. my husband ",
            P("person", me.given.lower(), PER),
            " sent money to a guy on ",
            x("company", "Facebook Marketplace"),
            " for a flat, ",
            x("price", "1.200 €"),
            " deposit, to ",
            P("iban", gen.group4(gen.iban(r, "LT")), ("IBAN",)),
            ". the guy called himself ",
            P("person", Who(r, "de", female=False).full, PER),
            " and his whatsapp was ",
            P("phone", gen.phone(r, "gb"), PH),
            ". now nothing answers. ",
            "we paid from my card ",
            card(r),
            " actually, not his. what can we do?? i am ",
            sis.n("lower"),
            ", ",
            sis.e(),
            "\n",
        )
    else:
        d(
            "Hola, escribo por mi prima ",
            sis.n("full"),
            ". Llegó a ",
            x("city", "Valencia"),
            " el ",
            x("date", "3 de octubre"),
            " con visado de estudiante y nació el ",
            sis.b("long_es"),
            ". Vive con nosotros en ",
            P("address", gen.address(r, "es"), AD),
            " y su número español es ",
            P("phone", gen.phone(r, "es", False), PH),
            ". Le pidieron el NIE ",
            P("es_nie", gen.es_nie(r), ("ID_NUMBER",)),
            " para abrir una cuenta en ",
            x("company", "CaixaBank"),
            ", ¿es normal? Gracias, ",
            me.n("given"),
            "\n",
        )
    return d


@form(3)
def visa_refusal_appeal(r: Random, v: int) -> Doc:
    a = Who(r, r.choice(["in", "ng", "vn", "ph", "ar", "tr"]))
    host = Who(r, r.choice(HOST), female=not a.female)
    d = Doc()
    d(
        "Please improve this appeal letter (remonstration) after my visa was refused:\n\n",
        "To the Embassy of ",
        x("country", r.choice(["the Federal Republic of Germany", "the Netherlands", "France"])),
        ", Visa Section\n\n",
        "Dear Sir or Madam,\n\nI, ",
        a.n("full"),
        ", holder of passport ",
        a.pp(),
        ", was refused a Schengen visa on ",
        x("date", "2 November 2026"),
        " (refusal reason ",
        x("refusal_code", r.choice(["2", "9", "10"])),
        "). I was invited by my ",
        x("relationship", "fiancée" if not a.female else "fiancé"),
        ", ",
        host.n("full"),
        ", who lives at ",
        host.a(),
        " and can be reached at ",
        host.ph(),
        ". ",
    )
    if v:
        d("My date of birth is ", a.b("long_en"), " and my national ID is ", a.id(), ". ")
    d(
        "I attach my bank statements (account ",
        a.ib()
        if a.loc in gen.IBAN_CC
        else P("account_no", gen.digits(r, 12), ("ID_NUMBER", "IBAN")),
        ") showing a balance of ",
        x("price", gen.price(r, "€")),
        ".\n\nYours faithfully,\n",
        a.n("full" if v != 2 else "init"),
        "\n",
        a.e(),
        "\n",
    )
    return d


@form(3)
def prose_credentials_confession(r: Random, v: int) -> Doc:
    a = Who(r, r.choice(["ua", "in", "br", "pl", "tr", "ph", "vn"]))
    d = Doc()
    if v == 0:
        d(
            "I think I got hacked. Yesterday I logged into my ",
            x("company", "Payoneer"),
            " from an internet café in ",
            x("city", "Tbilisi"),
            " and typed my password ",
            S("password", gen.secret(r, "password")),
            ". Today there is a withdrawal of ",
            x("price", "$640.00"),
            ". My login email is ",
            a.e(),
            ". Should I also change the recovery code ",
            S("recovery_code", gen.secret(r, "recovery")),
            "? ",
            "What else should I do first?\n",
        )
    elif v == 1:
        d(
            'My brother set up the family cloud and sent me this: "user ',
            a.e(),
            ", pass ",
            S("password", gen.secret(r, "password")),
            ", 2FA backup ",
            S("recovery_code", gen.secret(r, "recovery")),
            " ",
            S("recovery_code", gen.secret(r, "recovery")),
            '". Is it safe to keep this in my notes app? The cloud is ',
            x("product", "Nextcloud"),
            " ",
            x("version", gen.version(r)),
            ".\n",
        )
    else:
        d(
            "Our freelance team shares one account on ",
            x("company", "Upwork"),
            ". The API key is ",
            S("api_key", gen.secret(r, "uuid_token")),
            " and the secret ",
            S("api_secret", gen.alnum(r, 16, "0123456789abcdef")),
            ". ",
            a.n("full"),
            " (",
            a.ph(),
            ") keeps it in a shared Google Doc. How do we rotate it without losing the ",
            x("quantity", "37"),
            " open contracts?\n",
        )
    return d


@form(3)
def connection_strings(r: Random, v: int) -> Doc:
    a = Who(r, r.choice(["ua", "in", "br", "pl", "ph", "ng", "vn", "tr"]))
    user = gen.fold(a.given).lower().split()[0].replace("-", "")
    pw = lambda: gen.secret(r, "password").replace("#", "!").replace("/", "!")  # noqa: E731
    d = Doc()
    d(
        "I'm handing over the client projects to a new freelancer. Which of these should I rotate before I send the list?\n\n"
    )
    d(
        "1. ",
        x("project", "shop-backend"),
        ": mongodb+srv://",
        S("url_credentials", f"{user}_admin:{pw()}", ("URL_CREDENTIALS", "SECRET")),
        "@",
        x(
            "host",
            f"cluster0.{gen.alnum(r, 5, 'abcdefghijklmnopqrstuvwxyz0123456789')}.mongodb.net",
        ),
        "/shop\n",
    )
    d(
        "2. ",
        x("project", "images"),
        ": ftp://",
        S("url_credentials", f"{user}:{pw()}", ("URL_CREDENTIALS", "SECRET")),
        "@",
        x("host", "ftp.example-hosting.com"),
        ":21\n",
    )
    if v:
        d(
            "3. queue: amqp://",
            S("url_credentials", f"worker:{gen.alnum(r, 20)}", ("URL_CREDENTIALS", "SECRET")),
            "@",
            x("host", "rabbit.internal"),
            ":5672/",
            x("vhost", "prod"),
            "\n",
        )
    if v == 2:
        d(
            "4. curl -u ",
            S("basic_auth", f"api:{gen.secret(r, 'hex')[:32]}", ("SECRET", "URL_CREDENTIALS")),
            " https://",
            x("host", "api.mailgun.net"),
            "/v3/domains\n",
        )
    d(
        "5. public docs: https://",
        x("host", "docs.example-hosting.com"),
        "/guide (no login)\n\nThe new freelancer is ",
        P("person", Who(r, r.choice(["pl", "ua", "in", "br"])).full, PER),
        ", contact me at ",
        a.e(),
        " if something breaks.\n",
    )
    return d
