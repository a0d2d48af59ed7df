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
