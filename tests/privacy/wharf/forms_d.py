# ruff: noqa: E501  (corpus text and data tables read better unwrapped)
"""Forms, part four: the messy ones (wrapped lines, dictation, typos, several spellings)."""

from __future__ import annotations

from random import Random

from . import values as gen
from .build import AD, EM, IB, ID, PER, PH, Doc, P, S, Who, card, sec, x
from .forms_a import HOST, MIGR, form


def _typo(r: Random, s: str) -> str:
    if len(s) < 4:
        return s + s[-1]
    i = r.randrange(1, len(s) - 2)
    if s[i].isalpha() and s[i + 1].isalpha() and s[i] != s[i + 1]:
        return s[:i] + s[i + 1] + s[i] + s[i + 2 :]
    return s[:i] + s[i] + s[i:]


@form(3)
def wrapped_email_thread(r: Random, v: int) -> Doc:
    me = Who(r, r.choice(MIGR))
    ag = Who(r, r.choice(HOST))
    ib = gen.group4(me.iban)
    cut = ib.rfind(" ", 0, 15)
    street, _, rest = me.addr.partition(", ")
    d = Doc()
    d(
        "Can you summarise this thread? The agency keeps asking the same things.\n\n",
        "On Tue, 1 Dec 2026 at 09:14, ",
        ag.n("full"),
        " <",
        ag.e(),
        "> wrote:\n",
        "> Dear Mr/Ms ",
        P("person", _typo(r, me.family), PER),
        ",\n> we still need your bank details and your\n> address for the deposit refund.\n\n",
    )
    d(
        "Dear ",
        P("person", ag.given if v else _typo(r, ag.family), PER),
        ",\n\nas I wrote on ",
        x("date", "24/11"),
        ", my IBAN is ",
        P("iban", ib[:cut] + "\n" + ib[cut + 1 :], IB),
        " and the address is\n\n",
        me.n("full"),
        "\n",
    )
    if rest:
        d(P("address", street + "\n" + rest, AD), "\n\n")
    else:
        d(me.a(), "\n\n")
    d("If you need to call: the German number doesn't work abroad, try ", me.ph(), ".\n")
    if v == 2:
        d(
            "\nbtw my wife's e-mail, in case I am offline: ",
            P("email", Who(r, me.loc, female=True, kin=me).email, EM),
            "\n",
        )
    d(
        "\nKind regards\n",
        P("person", me.given.lower(), PER),
        "\n\n-- \nSent from ",
        x("product", "Outlook for Android"),
        "\n",
    )
    return d


@form(3)
def dictation_transcript(r: Random, v: int) -> Doc:
    a = Who(r, r.choice(MIGR + HOST))
    dg = "".join(c for c in a.local_phone if c.isdigit())
    words = dict(
        zip(
            "0123456789",
            ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"],
            strict=True,
        )
    )
    em_user = gen.fold(a.given).lower().split()[0]
    em_dom = r.choice(["gmail", "outlook", "yahoo"])
    fam = gen.fold(a.family).lower().replace(" ", "").replace("-", "").replace("'", "")
    d = Doc()
    d(
        "Voice message transcript (auto), clean it up into a proper note:\n\n",
        '"hi this is ',
        P("person", a.full.lower(), PER),
        " again um calling about the visa appointment ",
    )
    if v == 0:
        d("my number is ", P("phone", " ".join(dg), PH), " ")
    elif v == 1:
        d(
            "my number is ",
            P("phone", " ".join(words[c] for c in dg), PH),
            " sorry the line is bad ",
        )
    else:
        d("you can reach me on ", a.ph(True), " ")
    d(
        "or email me at ",
        P("email", f"{em_user} dot {fam} at {em_dom} dot com", EM),
        " and my passport number is ",
        P("passport", " ".join(a.passport), ID),
        " uh the appointment was ",
        x("date", "Thursday the tenth"),
        " at ",
        x("time", "ten thirty"),
        ' ok thanks bye"\n',
    )
    if v == 2:
        d(
            "\n(transcript confidence ",
            x("percent", "71%"),
            ", duration ",
            x("duration", "0:48"),
            ")\n",
        )
    return d


@form(3)
def spellings_chat(r: Random, v: int) -> Doc:
    a = Who(r, ["ua", "ar", "ar"][v] if v else "ua")
    b = Who(r, a.loc)
    d = Doc()
    d(
        "My documents show my name in different ways, which one should I use in the German forms?\n\n",
        "- passport: ",
        a.n("upper"),
        "\n- old residence card: ",
        a.n("alt"),
        "\n- bank: ",
        P("person", gen.fold(a.full).upper(), PER) if gen.fold(a.full) != a.full else a.n("caps"),
        "\n- my diploma: ",
        a.n("native"),
        "\n- the school of my son wrote ",
        P("person", _typo(r, a.family), PER),
        " haha\n\n",
    )
    if a.loc == "ua":
        d(
            "Мій чоловік ",
            P("person", b.native or b.full, PER),
            " має таку ж проблему (",
            b.n("full"),
            " / ",
            b.n("alt"),
            ").\n",
        )
    else:
        d(
            "زوجي ",
            P("person", b.native or b.full, PER),
            " عنده نفس المشكلة (",
            b.n("full"),
            " / ",
            b.n("alt"),
            ").\n",
        )
    d(
        "Our case number at the ",
        x("org", "Ausländerbehörde"),
        " is ",
        x("case_ref", f"{gen.digits(r, 2)}-{gen.digits(r, 6)}"),
        ".\n",
    )
    d(
        "The form is ",
        x("form_code", "Antrag auf Erteilung eines Aufenthaltstitels"),
        " version ",
        x("version", "2026-03"),
        ".\n",
    )
    return d


@form(2)
def remote_contract(r: Random, v: int) -> Doc:
    c = Who(r, r.choice(["ua", "in", "br", "ph", "ng", "pl", "tr", "ar", "ru", "jp"]))
    boss = Who(r, r.choice(["us", "gb", "de", "nl"]))
    d = Doc()
    d(
        "Check this contractor agreement for red flags:\n\nINDEPENDENT CONTRACTOR AGREEMENT\n\nThis Agreement is made on ",
        x("date", "1 December 2026"),
        " between ",
        x(
            "company",
            r.choice(["Northwind Labs, Inc.", "Bluefjord Software B.V.", "Kiteworks Digital Ltd"]),
        ),
        ' ("Client"), represented by ',
        boss.n("full"),
        ", and\n",
        c.n("caps"),
        ", born ",
        c.b("long_en"),
        ", passport ",
        c.pp(),
        ", tax ID ",
        c.id(),
        ", residing at ",
        c.a(),
        ' ("Contractor").\n\n4. Fees. Client pays ',
        x("price", "USD 38.00"),
        " per hour, net ",
        x("duration", "15 days"),
        ", to the Contractor's account ",
        c.ib(),
        " (",
        x("bic", r.choice(gen.BICS)),
        ").\n",
        "9. Notices: ",
        c.e(),
        " / ",
        boss.e(),
        "\n\n/s/ ",
        boss.n("full" if v else "init"),
        "          /s/ ",
        P("person", c.full if not v else c.given[0] + ". " + c.family, PER),
        "\n",
    )
    return d


@form(3)
def wallet_transfer_cn(r: Random, v: int) -> Doc:
    a = Who(r, ["cn", "cn", "kr"][v])
    b = Who(r, a.loc)
    d = Doc()
    if a.loc == "cn":
        d(
            "帮我把这条转账记录翻译成英文给房东看：\n\n交易成功\n付款方：",
            a.n("native"),
            "\n收款方：",
            b.n("native"),
            "（",
            b.n("full"),
            "）\n",
            "收款账户：",
            P("phone", b.local_phone, PH),
            "\n金额：",
            x("amount", f"¥{r.randint(500, 9000)}.00"),
            "\n",
            "银行卡：",
            card(r),
            "\n订单号：",
            x("order_no", gen.digits(r, 28)),
            "\n时间：",
            x("datetime", "2026-12-01 21:14:09"),
            "\n",
        )
    else:
        d(
            "이 송금 내역을 영어로 번역해 주세요:\n\n보내는 사람: ",
            a.n("native"),
            "\n받는 사람: ",
            b.n("native"),
            " (",
            b.n("full"),
            ")\n",
            "계좌: ",
            P(
                "account_no",
                f"{gen.digits(r, 3)}-{gen.digits(r, 6)}-{gen.digits(r, 5)}",
                ("ID_NUMBER", "IBAN"),
            ),
            "\n금액: ",
            x("amount", f"₩{r.randint(100, 900)},000"),
            "\n연락처: ",
            b.ph(True),
            "\n거래번호: ",
            x("order_no", gen.digits(r, 16)),
            "\n",
        )
    d("\nlandlord's email: ", P("email", Who(r, "de").email, EM), "\n")
    if v == 1:
        d(
            "my login for the app is my email ",
            a.e(),
            " and password ",
            S("password", gen.secret(r, "password")),
            " (just so you know it's me)\n",
        )
    return d


def _b64key(r: Random) -> str:
    return gen.alnum(r, 42, gen.B62 + "+/") + r.choice("AEIMQUYcgkosw048") + "="


def _line1(addr: str) -> str:
    parts = addr.split(", ")
    if not any(c.isdigit() for c in parts[0]) and len(parts) > 1:
        return ", ".join(parts[:2])
    return parts[0]


@form(2)
def wireguard_config(r: Random, v: int) -> Doc:
    a = Who(r, r.choice(MIGR + HOST))
    d = Doc()
    d(
        "My VPN to watch home TV from abroad doesn't connect. Config:\n\n[Interface]\nPrivateKey = ",
        S("vpn_private_key", _b64key(r)),
        "\nAddress = ",
        x("ip_private", f"10.{r.randint(0, 9)}.0.{r.randint(2, 50)}/32"),
        "\nDNS = ",
        x("ip_public", r.choice(["1.1.1.1", "9.9.9.9"])),
        "\n\n[Peer]\nPublicKey = ",
        x("public_key", _b64key(r)),
        "\n",
    )
    if v:
        d("PresharedKey = ", S("vpn_psk", _b64key(r)), "\n")
    d(
        "Endpoint = ",
        x("host", f"{r.choice(['nl', 'de', 'se'])}-{r.randint(1, 40)}.vpn.example.net:51820"),
        "\nAllowedIPs = ",
        x("cidr", "0.0.0.0/0"),
        "\n\nmy account on the VPN site is ",
        a.e(),
        ", subscription ",
        x("order_no", gen.order_no(r, "SUB")),
        "\n",
    )
    return d


@form(2)
def browser_cookies(r: Random, v: int) -> Doc:
    a = Who(r, r.choice(MIGR + HOST))
    site = r.choice(["upwork.com", "fiverr.com", "toptal.com", "wise.com"])
    d = Doc()
    d(
        "I copied the cookies from devtools to use my session in a scraper, what's the right header format?\n\n",
        "Name\tValue\tDomain\n",
        "_ga\t",
        x("analytics_id", f"GA1.2.{gen.digits(r, 10)}.{gen.digits(r, 10)}"),
        "\t.",
        x("domain", site),
        "\n",
        "lang\t",
        x("locale", r.choice(["en-GB", "de-DE", "uk-UA"])),
        "\n",
        "session_id\t",
        sec(r, "session", "session_cookie"),
        "\n",
    )
    if v:
        d("remember_token\t", S("remember_token", gen.alnum(r, 64, "0123456789abcdef")), "\n")
    d(
        "last_login_email\t",
        P("email", a.email.replace("@", "%40"), EM),
        "\n",
        "consent\t",
        x("consent", "essential%2Canalytics"),
        "\n",
    )
    return d


@form(2)
def webhook_debug(r: Random, v: int) -> Doc:
    a = Who(r, r.choice(MIGR + HOST))
    d = Doc()
    d(
        "Signature verification fails for my webhook endpoint. Code and the payload I logged:\n\n```python\n",
        'endpoint_secret = "',
        sec(r, "whsec", "signing_secret"),
        '"\n',
        'event = stripe.Webhook.construct_event(payload, sig_header, endpoint_secret)\n```\n\n```json\n{\n  "id": "',
        x("event_id", "evt_" + gen.alnum(r, 24)),
        '",\n  "type": "checkout.session.completed",\n  "data": {"object": {\n    "payment_intent": "',
        x("payment_id", "pi_" + gen.alnum(r, 24)),
        '",\n    "amount_total": ',
        x("amount", str(r.randint(900, 90000))),
        ',\n    "customer_details": {\n      "name": "',
        a.n("full"),
        '",\n      "email": "',
        a.e(),
        '",\n      "phone": "',
        P("phone", "+" + "".join(c for c in a.phone if c.isdigit()), PH),
        '",\n      "address": {"line1": "',
        P("address", _line1(a.addr), AD),
        '"}\n    },\n    "card_last4": "',
        x("card_last4", gen.digits(r, 4)),
        '"\n  }}\n}\n```\n',
    )
    if v:
        d("the API key in my settings is ", sec(r, "stripe", "api_key"), " if that matters\n")
    return d
