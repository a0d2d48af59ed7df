# ruff: noqa: E501
"""Forms: HTTP, admin exports, messages, records, credentials files."""

from __future__ import annotations

import base64
from random import Random

from ._base import (
    AD,
    B64,
    CC,
    COMPANIES,
    DOB,
    EM,
    GEO,
    HEX,
    IB,
    IDN,
    IP,
    LATIN,
    LP,
    PH,
    PLACES,
    PN,
    PUBLIC,
    SEC,
    UC,
    WORKDOM,
    D,
    P,
    X,
    address,
    card,
    dg,
    dob_date,
    ean13,
    email,
    extra_id,
    fmt_date,
    iban,
    ipv4,
    iso,
    jwt,
    kvnr,
    national_id,
    password,
    pem,
    people,
    phone,
    podname,
    rs,
    secret,
    sha,
    street,
    ts,
    uuid4,
    version,
    who,
)
from ._forms_a import CC_OF, form


def plate(r: Random, loc: str) -> str:
    U = "ABCDEFGHJKLMNPRSTUVWXYZ"
    c = lambda n: "".join(r.choice(U) for _ in range(n))  # noqa: E731
    return {
        "de": f"{r.choice(['B', 'M', 'HH', 'K', 'S', 'F'])}-{c(2)} {r.randint(1, 9999)}",
        "fr": f"{c(2)}-{dg(r, 3)}-{c(2)}",
        "uk": f"{c(2)}{r.randint(51, 74)} {c(3)}",
        "nl": f"{c(2)}-{dg(r, 3)}-{c(1)}",
        "es": f"{dg(r, 4)} {''.join(r.choice('BCDFGHJKLMNPRSTVWXYZ') for _ in range(3))}",
        "it": f"{c(2)} {dg(r, 3)}{c(2)}",
        "pl": f"{r.choice(['WA', 'KR', 'GD', 'PO'])} {dg(r, 5)}",
        "se": f"{c(3)} {dg(r, 2)}{c(1)}",
        "br": f"{c(3)}{dg(r, 1)}{c(1)}{dg(r, 2)}",
    }.get(loc, f"{r.randint(1, 9)}{c(3)}{dg(r, 3)}")


def geo(r: Random, base: tuple[float, float]) -> str:
    return f"{base[0] + r.uniform(-0.05, 0.05):.6f}, {base[1] + r.uniform(-0.05, 0.05):.6f}"


CITY_LL = {
    "de": (52.52, 13.40),
    "fr": (45.76, 4.83),
    "uk": (53.80, -1.55),
    "es": (40.42, -3.70),
    "it": (45.46, 9.19),
    "nl": (52.09, 5.12),
    "pl": (50.06, 19.94),
    "br": (-23.55, -46.63),
    "se": (59.33, 18.06),
    "us": (30.27, -97.74),
    "in": (12.97, 77.59),
}


@form(6, 3)
def http_curl(r: Random, d: D, v: int) -> None:
    loc = r.choice(LATIN)
    w = who(r, loc)
    host = r.choice(["api.brightpath.io", "staging.api.kestrel-health.com", "localhost:8000"])
    if v == 0:
        d.f(
            "$ curl -v -X POST https://{h}/v1/customers \\\n  -H 'Authorization: Bearer {t}' \\\n  -H 'Content-Type: application/json' \\\n",
            h=host,
            t=SEC("jwt", jwt(r)),
        )
        d.f(
            '  -d \'{"name": "{n}", "email": "{e}", "phone": "{p}", "address": "{a}"}\'\n',
            n=PN(w.full),
            e=EM(email(r, w)),
            p=PH(phone(r, loc)),
            a=AD(address(r, loc)),
        )
        d.f(
            "< HTTP/2 422\n< x-request-id: {rq}\n< date: {dt}\n",
            rq=X("request_id", uuid4(r)),
            dt=X("timestamp", ts(r).strftime("%a, %d %b %Y %H:%M:%S GMT")),
        )
    elif v == 1:
        cred = base64.b64encode(f"{w.rfirst}:{password(r)}".encode()).decode()
        d.f(
            "> GET /admin/export?since={s} HTTP/1.1\n> Host: {h}\n> Authorization: Basic {c}\n> Cookie: _ga=GA1.1.{ga}; sessionid={sid}; theme=dark\n> User-Agent: insomnia/{uv}\n",
            s=X("date", ts(r).strftime("%Y-%m-%d")),
            h=host,
            c=SEC("basic_auth", cred),
            ga=X("analytics_id", f"{dg(r, 10)}.{dg(r, 10)}"),
            sid=SEC("session_cookie", rs(r, 32, "abcdefghijklmnopqrstuvwxyz0123456789")),
            uv=X("version", "10.1.1"),
        )
        d.f(
            '< HTTP/1.1 200 OK\n< Content-Length: {cl}\n< ETag: W/"{et}"\n',
            cl=X("bytes", str(r.randint(1000, 99999))),
            et=X("etag", sha(r, 27)),
        )
    else:
        slot, s, _ = secret(r, r.choice(["stripe", "openai", "anthropic", "sendgrid", "hf"]))
        if slot == "anthropic":
            tpl = "requests.post(url, headers={'x-api-key': '{s}', 'anthropic-version': '2023-06-01'}, json=body)\n"
        else:
            tpl = "requests.post(url, headers={'Authorization': f'Bearer {s}'}, json=body)\n"
        d.f(
            tpl,
            s=SEC(slot, s),
        )
        d.f(
            "body = {'customer': {'email': '{e}', 'name': '{n}'}, 'idempotency_key': '{ik}'}\n",
            e=EM(email(r, w)),
            n=PN(w.full),
            ik=X("uuid", uuid4(r)),
        )
        d.ln("why do I get 401 here? it works from postman")


@form(5, 2)
def http_response(r: Random, d: D, v: int) -> None:
    loc = r.choice(LATIN)
    w = who(r, loc)
    b = dob_date(r)
    d.f(
        "HTTP/1.1 200 OK\nContent-Type: application/json; charset=utf-8\nX-Trace-Id: {t}\n\n",
        t=X("trace_id", sha(r, 32)),
    )
    d.f(
        '{\n  "id": "{u}",\n  "firstName": "{f}",\n  "lastName": "{l}",\n  "email": "{e}",\n  "dateOfBirth": "{b}",\n',
        u=X("uuid", uuid4(r)),
        f=PN(w.first),
        l=PN(w.last),
        e=EM(email(r, w)),
        b=DOB(b.isoformat()),
    )
    if v == 0:
        d.f(
            '  "address": {"line1": "{s}", "city": "{c}", "country": "{cc}"},\n  "lastLoginIp": "{ip}",\n',
            s=AD(street(r, loc)),
            c=X("city", r.choice(["Hamburg", "Nantes", "Bristol", "Sevilla", "Torino", "Delft"])),
            cc=CC_OF.get(loc, "DE"),
            ip=IP(ipv4(r)),
        )
    else:
        sl, nid = national_id(r, loc, b)
        d.f(
            '  "taxId": "{n}",\n  "payout": {"iban": "{ib}", "currency": "EUR"},\n',
            n=IDN(sl, nid, "US_SSN" if sl == "us_ssn" else ""),
            ib=IB(iban(r, CC_OF.get(loc, "DE"), spaced=False)),
        )
    d.f(
        '  "createdAt": "{c}",\n  "plan": "pro",\n  "apiVersion": "{av}"\n}\n',
        c=X("timestamp", iso(ts(r, 2024))),
        av=X("version", f"2024-{r.randint(1, 12):02d}-01"),
    )


@form(6, 2)
def admin_user_detail(r: Random, d: D, v: int) -> None:
    loc = r.choice(LATIN)
    w = who(r, loc)
    d.f(
        "User #{i}\n\nName            {n}\nEmail           {e}\nPhone           {p}\nStatus          active (verified)\nSignup          {s}\n",
        i=X("row_id", str(r.randint(1000, 99999))),
        n=PN(w.full),
        e=EM(email(r, w)),
        p=PH(phone(r, loc)),
        s=X("timestamp", ts(r, 2025).strftime("%d %b %Y, %H:%M")),
    )
    if v == 0:
        d.f(
            "Billing address {a}\nCard            {c}  exp {ex}\nLast login      {ll} from {ip} ({ct})\n",
            a=AD(address(r, loc)),
            c=CC(card(r)),
            ex=f"{r.randint(1, 12):02d}/{r.randint(27, 31)}",
            ll=X("timestamp", iso(ts(r), False)),
            ip=IP(ipv4(r)),
            ct=X("city", r.choice(["Frankfurt", "Amsterdam", "Paris", "London"])),
        )
    else:
        d.f(
            "Customer no.    {c}\nDate of birth   {b}\n2FA             TOTP enabled (recovery codes: {rc1}, {rc2})\nPlan            Team ({seats} seats, {pr}/mo)\n",
            c=IDN("customer_id", f"KD-{dg(r, 7)}"),
            b=DOB(fmt_date(r, dob_date(r), loc)),
            rc1=SEC("recovery_code", f"{rs(r, 5, HEX)}-{rs(r, 5, HEX)}"),
            rc2=SEC("recovery_code", f"{rs(r, 5, HEX)}-{rs(r, 5, HEX)}"),
            seats=r.randint(2, 40),
            pr=X("price", f"€{r.randint(9, 99)}.00"),
        )
    d.f(
        "Internal note   merged duplicate account {u} on request of {a}\n",
        u=X("uuid", uuid4(r)),
        a=PN(who(r, r.choice(LATIN)).full),
    )


@form(6, 2)
def hr_spreadsheet(r: Random, d: D, v: int) -> None:
    loc = r.choice(["de", "fr", "es", "it", "nl", "pl", "uk", "se"])
    d.ln(
        "\t".join(
            ["Emp ID", "Name", "Start", "Dept", "National ID", "IBAN", "Gross/yr", "Cost centre"]
        )
    )
    for w in people(r, loc, r.randint(3, 5)):
        b = dob_date(r, 1960, 2003)
        sl, nid = national_id(r, loc, b)
        nm = f"{w.last}, {w.first}" if v == 0 else w.full
        d.ln(
            IDN("employee_id", f"E{dg(r, 5)}"),
            "\t",
            PN(nm),
            "\t",
            X("date", ts(r, 2023).strftime("%d.%m.%Y")),
            "\t",
            r.choice(["Eng", "Sales", "Ops", "Finance"]),
            "\t",
            IDN(sl, nid),
            "\t",
            IB(iban(r, CC_OF[loc])),
            "\t",
            X("salary", f"{r.randint(38, 140)}.{r.choice(['000', '500'])}"),
            "\t",
            X("cost_centre", f"CC-{r.randint(1000, 4999)}"),
        )
    d.ln("")
    d.ln(
        "(pasted from Payroll_Q"
        + str(r.randint(1, 4))
        + ".xlsx, sheet 'active') — can you turn this into a pivot by dept?"
    )


_MAIL = {
    "de": (
        "Hallo {n},\n\nvielen Dank für Ihre Nachricht. Wir haben Ihre Adresse auf {a} geändert und die Rechnung {inv} erneut an {e} geschickt.\nBei Fragen erreichen Sie mich unter {p}.\n\nViele Grüße\n{me}\n",
        "Sie",
    ),
    "fr": (
        "Bonjour {n},\n\nmerci pour votre message. Nous avons bien mis à jour votre adresse : {a}. La facture {inv} vous a été renvoyée à {e}.\nVous pouvez me joindre au {p}.\n\nCordialement,\n{me}\n",
        "vous",
    ),
    "es": (
        "Hola {n}:\n\nGracias por escribirnos. Hemos cambiado su dirección a {a} y le hemos reenviado la factura {inv} a {e}.\nPuede llamarme al {p}.\n\nUn saludo,\n{me}\n",
        "usted",
    ),
    "it": (
        "Gentile {n},\n\nla ringraziamo per il messaggio. Abbiamo aggiornato l'indirizzo in {a} e inviato di nuovo la fattura {inv} a {e}.\nPer qualsiasi domanda mi trovi al {p}.\n\nCordiali saluti,\n{me}\n",
        "lei",
    ),
    "nl": (
        "Beste {n},\n\nBedankt voor je bericht. We hebben je adres gewijzigd naar {a} en factuur {inv} opnieuw naar {e} gestuurd.\nJe kunt me bereiken op {p}.\n\nMet vriendelijke groet,\n{me}\n",
        "je",
    ),
    "pl": (
        "Dzień dobry {n},\n\ndziękujemy za wiadomość. Zmieniliśmy adres na {a} i ponownie wysłaliśmy fakturę {inv} na {e}.\nW razie pytań proszę dzwonić: {p}.\n\nPozdrawiam\n{me}\n",
        "pan",
    ),
    "br": (
        "Olá {n},\n\nobrigado pelo contato. Atualizamos seu endereço para {a} e reenviamos a nota {inv} para {e}.\nQualquer dúvida, meu telefone é {p}.\n\nAbraços,\n{me}\n",
        "você",
    ),
    "uk": (
        "Hi {n},\n\nThanks for getting in touch. I've updated your address to {a} and re-sent invoice {inv} to {e}.\nIf anything else comes up you can reach me on {p}.\n\nKind regards,\n{me}\n",
        "you",
    ),
    "us": (
        "Hi {n},\n\nThanks for reaching out! I updated your shipping address to {a} and resent invoice {inv} to {e}.\nFeel free to call me at {p}.\n\nBest,\n{me}\n",
        "you",
    ),
    "se": (
        "Hej {n},\n\ntack för ditt meddelande. Vi har ändrat din adress till {a} och skickat faktura {inv} igen till {e}.\nDu når mig på {p}.\n\nMed vänliga hälsningar\n{me}\n",
        "du",
    ),
}


@form(6, 2)
def email_customer(r: Random, d: D, v: int) -> None:
    loc = r.choice(list(_MAIL))
    c, me = people(r, loc, 2)
    tpl = _MAIL[loc][0]
    ce = EM(email(r, c))
    d.f(
        "Subject: Re: {s}\nFrom: {me} <{me_e}>\nTo: {ce}\n\n",
        s=r.choice(["Adresse / address change", "Rechnung", "Invoice"]),
        me=PN(me.full),
        me_e=EM(email(r, me, r.choice(WORKDOM))),
        ce=ce,
    )
    d.f(
        tpl,
        n=PN(c.first if v == 0 else c.full),
        a=AD(address(r, loc)),
        inv=X("invoice", f"RE-{r.randint(2024, 2026)}-{dg(r, 5)}"),
        e=ce,
        p=PH(phone(r, loc)),
        me=PN(me.first),
    )
    d.f(
        "\n> On {t}, {n} wrote:\n> my new address is in the attachment, order {o}\n",
        t=X("timestamp", ts(r).strftime("%d/%m/%Y %H:%M")),
        n=PN(c.full.lower() if r.random() < 0.3 else c.full),
        o=X("order_id", f"#{dg(r, 6)}"),
    )


_COLL = {
    "de": "Hi {a}, kannst du kurz bei {c} nachschauen? Er hat zweimal bezahlt, Karte {card}. Telefon {p}, geboren am {b}. Danke!\n",
    "fr": "Salut {a}, tu peux regarder le dossier de {c} ? Il a payé deux fois avec la carte {card}. Tél. {p}, né le {b}. Merci !\n",
    "es": "Hola {a}, ¿puedes revisar lo de {c}? Pagó dos veces con la tarjeta {card}. Teléfono {p}, nacido el {b}. ¡Gracias!\n",
    "it": "Ciao {a}, puoi controllare la pratica di {c}? Ha pagato due volte con la carta {card}. Tel. {p}, nato il {b}. Grazie!\n",
    "nl": "Hoi {a}, kun je even naar {c} kijken? Hij heeft twee keer betaald met kaart {card}. Tel {p}, geboren {b}. Dank!\n",
    "pl": "Cześć {a}, możesz sprawdzić sprawę {c}? Zapłacił dwa razy kartą {card}. Tel. {p}, ur. {b}. Dzięki!\n",
    "br": "Oi {a}, pode dar uma olhada no caso do {c}? Ele pagou duas vezes com o cartão {card}. Tel {p}, nascido em {b}. Valeu!\n",
    "se": "Hej {a}, kan du kolla på {c}? Han har betalat två gånger med kort {card}. Tel {p}, född {b}. Tack!\n",
    "us": "hey {a}, can you look at {c}'s account? charged twice on card {card}. phone {p}, dob {b}. thx\n",
}


@form(6, 2)
def colleague_message(r: Random, d: D, v: int) -> None:
    loc = r.choice(list(_COLL))
    a, c = people(r, loc, 2)
    d.f(
        _COLL[loc],
        a=PN(a.first),
        c=PN(c.full if v == 0 else c.last),
        card=CC(card(r)),
        p=PH(phone(r, loc)),
        b=DOB(fmt_date(r, dob_date(r), loc)),
    )
    d.f(
        "Ticket: {t}, Betrag/amount {am}\n",
        t=X("ticket", f"ZD-{r.randint(100000, 999999)}"),
        am=X("amount", f"{r.randint(10, 400)},{dg(r, 2)}"),
    )


@form(6, 2)
def support_chat(r: Random, d: D, v: int) -> None:
    loc = r.choice(["us", "uk", "in", "de", "nl"])
    c, ag = people(r, loc, 2)
    t = ts(r)
    d.f(
        "[{t}] {ag} (Agent): Hi, you're chatting with {agf} from {co} support. How can I help?\n",
        t=t.strftime("%H:%M"),
        ag=PN(ag.first),
        agf=PN(ag.first),
        co=X("company", r.choice(COMPANIES)),
    )
    d.f(
        "[{t}] Visitor: hi its {n}, i cant access my account. email is {e}\n",
        t=t.strftime("%H:%M"),
        n=PN(c.first.lower() if v else c.full),
        e=EM(email(r, c)),
    )
    d.f(
        "[{t}] {ag} (Agent): Thanks! For verification, can you confirm your date of birth and postcode?\n",
        t=t.strftime("%H:%M"),
        ag=PN(ag.first),
    )
    b = dob_date(r)
    ad = address(r, loc)
    d.f(
        "[{t}] Visitor: {b}, i live at {a}\n",
        t=t.strftime("%H:%M"),
        b=DOB(fmt_date(r, b, loc)),
        a=AD(ad),
    )
    if v == 1:
        d.f(
            "[{t}] Visitor: my password is {pw} if that helps lol\n[{t}] {ag} (Agent): Please never share your password! I've sent a reset link.\n",
            t=t.strftime("%H:%M"),
            pw=SEC("password", password(r)),
            ag=PN(ag.first),
        )
    else:
        d.f(
            "[{t}] Visitor: also my number changed, new one {p}\n",
            t=t.strftime("%H:%M"),
            p=PH(phone(r, loc)),
        )
    d.f(
        "[{t}] System: chat {cid} closed. CSAT survey sent. Browser: Chrome {bv} / {os}\n",
        t=t.strftime("%H:%M"),
        cid=X("chat_id", uuid4(r)),
        bv=X("version", f"{r.randint(118, 131)}.0.{r.randint(1000, 6999)}.{r.randint(10, 200)}"),
        os="Windows 10",
    )


@form(6, 2)
def invoice_text(r: Random, d: D, v: int) -> None:
    loc = r.choice(["de", "fr", "nl", "it", "es", "pl"])
    c = who(r, loc)
    co = r.choice(COMPANIES)
    d.f(
        "RECHNUNG / INVOICE {no}\n{co} · {cs}\nUSt-IdNr./VAT: {vat}\n\nRechnungsempfänger:\n{n}\n{a}\n\n",
        no=X("invoice", f"{r.randint(2025, 2026)}-{dg(r, 6)}"),
        co=X("company", co),
        cs=X("company_address", "Friedrichstraße 68, 10117 Berlin"),
        vat=X("vat_id", f"DE{dg(r, 9)}"),
        n=PN(c.full),
        a=AD(address(r, loc)),
    )
    items = [("Cloud Hosting Pro", 49.0), ("Support Add-on", 19.9), ("Extra Storage 500 GB", 12.5)]
    tot = 0.0
    for name, pr in items[: r.randint(2, 3)]:
        q = r.randint(1, 3)
        tot += q * pr
        d.f(
            "{q} x {nm}  SKU {sku}  {p} €\n",
            q=q,
            nm=name,
            sku=X("sku", ean13(r)),
            p=X("price", f"{q * pr:.2f}"),
        )
    d.f("Gesamt inkl. 19 % MwSt.: {t} €\n\n", t=X("price", f"{tot * 1.19:.2f}"))
    if v == 0:
        d.f(
            "Der Betrag wird per SEPA-Lastschrift von Ihrem Konto {ib} eingezogen. Mandatsreferenz {m}, Gläubiger-ID {g}.\n",
            ib=IB(iban(r, CC_OF[loc])),
            m=X("mandate", f"M-{dg(r, 8)}"),
            g=X("creditor_id", f"DE98ZZZ0{dg(r, 10)}"),
        )
    else:
        d.f(
            "Zahlbar innerhalb von 14 Tagen. Kundennummer {k}. Fragen? {e}\n",
            k=IDN("customer_id", dg(r, 8)),
            e=EM(email(r, c)),
        )


@form(5, 2)
def sentry_event(r: Random, d: D, v: int) -> None:
    loc = r.choice(LATIN)
    w = who(r, loc)
    d.f(
        '{\n  "event_id": "{ev}",\n  "release": "web@{rel}",\n  "environment": "production",\n  "user": {\n    "id": "{uid}",\n    "email": "{e}",\n    "ip_address": "{ip}",\n    "username": "{un}"\n  },\n',
        ev=X("event_id", sha(r, 32)),
        rel=X("version", version(r)),
        uid=IDN("user_id", str(r.randint(10**6, 10**7))),
        e=EM(email(r, w)),
        ip=IP(ipv4(r)),
        un=PN(w.full),
    )
    if v == 0:
        d.f(
            '  "request": {"url": "https://app.lumen-analytics.com/settings/billing", "headers": {"Cookie": "session={s}", "Referer": "https://app.lumen-analytics.com/"}},\n',
            s=SEC("session_cookie", rs(r, 40, "abcdefghijklmnopqrstuvwxyz0123456789")),
        )
    else:
        d.f(
            '  "extra": {"form": {"iban": "{ib}", "holder": "{h}"}},\n',
            ib=IB(iban(r, CC_OF.get(loc, "DE"))),
            h=PN(w.full.upper()),
        )
    d.f(
        '  "contexts": {"browser": {"name": "Firefox", "version": "{bv}"}, "os": {"name": "Windows", "version": "{wv}"}},\n  "timestamp": {t}\n}\n',
        bv=X("version", f"{r.randint(120, 133)}.0"),
        wv=X("build", f"10.0.{r.choice([19045, 22631])}.{r.randint(1000, 5000)}"),
        t=X("epoch", f"{1767225600 + r.randrange(10**7)}.{dg(r, 3)}"),
    )


@form(5, 2)
def terraform_vars(r: Random, d: D, v: int) -> None:
    d.f(
        '# terraform.tfvars — plan fails with 403, what am I missing?\nregion          = "{rg}"\nproject         = "{p}"\ninstance_type   = "{it}"\nami_id          = "{ami}"\n',
        rg=r.choice(["eu-central-1", "us-east-1"]),
        p=r.choice(["atlas", "orbit"]),
        it=r.choice(["t3.medium", "m6i.large"]),
        ami=X("ami", "ami-" + rs(r, 17, HEX)),
    )
    d.f(
        'vpc_cidr        = "{c}"\naws_access_key  = "{a}"\naws_secret_key  = "{s}"\n',
        c=X("cidr", "10.20.0.0/16"),
        a=SEC("aws_key", secret(r, "aws_key")[1]),
        s=SEC("aws_secret", rs(r, 40, B64)),
    )
    if v == 0:
        d.f(
            'db_password     = "{pw}"\ncloudflare_api_token = "{cf}"\n',
            pw=SEC("password", password(r)),
            cf=SEC(
                "cloudflare",
                rs(r, 40, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"),
            ),
        )
    else:
        d.f(
            'datadog_api_key = "{dd}"\nalert_email     = "{e}"\n',
            dd=SEC("datadog", rs(r, 32, HEX)),
            e=EM(email(r, who(r, r.choice(LATIN)), r.choice(WORKDOM))),
        )
    d.f(
        'tags = { owner = "platform", cost_center = "{cc}", terraform = "{tv}" }\n',
        cc=X("cost_centre", f"CC-{r.randint(1000, 4999)}"),
        tv=X("version", f"1.{r.randint(5, 10)}.{r.randint(0, 5)}"),
    )


@form(5, 2)
def private_key_paste(r: Random, d: D, v: int) -> None:
    if v == 0:
        d.f(
            "ssh -i ~/.ssh/deploy_key ubuntu@{h} gives 'invalid format', this is the key:\n\n{k}\n",
            h=X(
                "hostname",
                f"ec2-{r.randint(3, 54)}-{r.randint(1, 250)}-{r.randint(1, 250)}-{r.randint(1, 250)}.compute-1.amazonaws.com",
            ),
            k=SEC("private_key", pem(r)),
        )
    else:
        d.f(
            "fingerprint SHA256:{fp}\nserver.key:\n{k}\npassphrase is {pp}\n",
            fp=X("fingerprint", rs(r, 43, B64.replace("/", ""))),
            k=SEC("private_key", pem(r)),
            pp=SEC("password", password(r)),
        )
    d.f(
        "OpenSSH_{v}, OpenSSL 3.0.{o}\n",
        v=X("version", f"9.{r.randint(0, 7)}p1"),
        o=r.randint(2, 15),
    )


@form(5, 2)
def jwt_debug(r: Random, d: D, v: int) -> None:
    w = who(r, r.choice(LATIN))
    e = email(r, w)
    sub = e if v == 0 else str(r.randint(10**5, 10**6))
    tok = jwt(r, sub=sub)
    d.f("token from localStorage:\n{t}\n\ndecoded payload on jwt.io:\n", t=SEC("jwt", tok))
    d.f(
        '{\n  "sub": "{s}",\n  "name": "{n}",\n  "iss": "https://auth.tidewater.dev/",\n  "aud": "{aud}",\n  "exp": {ex}\n}\n',
        s=EM(e) if v == 0 else IDN("user_id", sub),
        n=PN(w.full),
        aud=X("client_id", rs(r, 32)),
        ex=X("epoch", str(1767225600 + r.randrange(10**7))),
    )
    d.ln("the exp looks right but the API still says invalid_token")


@form(5, 2)
def mongo_shell(r: Random, d: D, v: int) -> None:
    loc = r.choice((*LATIN, "jp", "cn"))
    d.f(
        "rs0 [direct: primary] {db}> db.{c}.find({ status: 'pending' }).limit(3)\n[\n",
        db="shop",
        c="orders",
    )
    for w in people(r, loc, r.randint(2, 3)):
        oid = X("object_id", rs(r, 24, HEX))
        d.f(
            "  {\n    _id: ObjectId('{o}'),\n    customer: { name: '{n}', email: '{e}', phone: '{p}' },\n",
            o=oid,
            n=PN(w.full),
            e=EM(email(r, w)),
            p=PH(phone(r, loc)),
        )
        if v == 0:
            d.f("    shipTo: '{a}',\n", a=AD(address(r, loc)))
        else:
            d.f(
                "    payment: { method: 'card', last4: '{l4}', brand: 'visa', fingerprint: '{fp}' },\n",
                l4=X("last4", dg(r, 4)),
                fp=X("fingerprint", rs(r, 16)),
            )
        d.f(
            "    total: Decimal128('{t}'),\n    createdAt: ISODate('{c}')\n  },\n",
            t=X("price", f"{r.randint(5, 500)}.{dg(r, 2)}"),
            c=X("timestamp", iso(ts(r))),
        )
    d.ln("]")


@form(5, 2)
def graphql_request(r: Random, d: D, v: int) -> None:
    loc = r.choice(LATIN)
    w = who(r, loc)
    d.ln(
        "mutation UpdateProfile($input: ProfileInput!) {\n  updateProfile(input: $input) { id updatedAt }\n}"
    )
    d.f(
        'variables: {\n  "input": {\n    "id": "{gid}",\n    "displayName": "{n}",\n    "phone": "{p}",\n',
        gid=X(
            "global_id",
            base64.b64encode(f"User:{r.randint(1000, 99999)}".encode()).decode().rstrip("="),
        ),
        n=PN(w.full),
        p=PH(phone(r, loc)),
    )
    if v == 0:
        d.f(
            '    "homeLocation": { "lat": {la}, "lng": {lo} }\n  }\n}\n',
            **dict(
                zip(("la", "lo"), [GEO(x) for x in geo(r, CITY_LL[loc]).split(", ")], strict=True)
            ),
        )
    else:
        d.f('    "birthday": "{b}"\n  }\n}\n', b=DOB(dob_date(r).isoformat()))
    d.f(
        'response: {"errors":[{"message":"Cannot return null for non-nullable field","path":["updateProfile","updatedAt"],"extensions":{"code":"INTERNAL","traceId":"{t}"}}]}\n',
        t=X("trace_id", sha(r, 32)),
    )


@form(5, 2)
def postfix_log(r: Random, d: D, v: int) -> None:
    loc = r.choice(LATIN)
    host = r.choice(["mx1", "mail", "smtp-out-2"])
    for w in people(r, loc, r.randint(3, 4)):
        t = ts(r)
        qid = X("queue_id", rs(r, 10, "0123456789ABCDEF"))
        stamp = t.strftime("%b %d %H:%M:%S")
        if v == 0:
            d.f(
                "{s} {h} postfix/smtp[{pid}]: {q}: to=<{e}>, relay={rel}[{rip}]:25, delay={dl}, status={st}\n",
                s=stamp,
                h=host,
                pid=X("pid", str(r.randint(1000, 60000))),
                q=qid,
                e=EM(email(r, w)),
                rel="gmail-smtp-in.l.google.com",
                rip=X("mx_ip", f"142.250.{r.randint(0, 200)}.{r.randint(1, 30)}"),
                dl=X("duration", f"{r.randint(0, 9)}.{dg(r, 1)}"),
                st=r.choice(["sent (250 2.0.0 OK)", "bounced (user unknown)", "deferred"]),
            )
        else:
            d.f(
                "{s} {h} postfix/smtpd[{pid}]: {q}: client=unknown[{ip}], sasl_method=LOGIN, sasl_username={e}\n",
                s=stamp,
                h=host,
                pid=X("pid", str(r.randint(1000, 60000))),
                q=qid,
                ip=IP(ipv4(r)),
                e=EM(email(r, w)),
            )


@form(5, 2)
def sshd_authlog(r: Random, d: D, v: int) -> None:
    loc = r.choice(LATIN)
    w = who(r, loc)
    u = P("username", w.rfirst, "PERSON")
    for i in range(r.randint(4, 6)):
        t = ts(r).strftime("%b %d %H:%M:%S")
        pid = X("pid", str(r.randint(1000, 60000)))
        if i % 3 == 0:
            d.f(
                "{t} bastion sshd[{p}]: Accepted publickey for {u} from {ip} port {pt} ssh2: ED25519 SHA256:{fp}\n",
                t=t,
                p=pid,
                u=u,
                ip=IP(ipv4(r)),
                pt=X("port", str(r.randint(30000, 65000))),
                fp=X("fingerprint", rs(r, 43, B64.replace("/", ""))),
            )
        elif i % 3 == 1:
            d.f(
                "{t} bastion sshd[{p}]: Failed password for invalid user admin from {ip} port {pt} ssh2\n",
                t=t,
                p=pid,
                ip=IP(ipv4(r)),
                pt=X("port", str(r.randint(30000, 65000))),
            )
        else:
            d.f(
                "{t} bastion sudo: {u} : TTY=pts/{n} ; PWD=/home/{u} ; USER=root ; COMMAND=/usr/bin/systemctl restart nginx\n",
                t=t,
                u=u,
                n=r.randint(0, 4),
            )
    if v == 1:
        d.f(
            "\n^ {u} is {n} from the Lisbon office, the second IP is his home connection\n",
            u=u,
            n=PN(w.full),
        )


@form(5, 2)
def kubectl_output(r: Random, d: D, v: int) -> None:
    d.ln("$ kubectl get pods -n prod -o wide")
    d.ln(
        "NAME                              READY   STATUS             RESTARTS   AGE   IP            NODE"
    )
    for _ in range(r.randint(3, 5)):
        d.f(
            "{p}   1/1     {s}   {rs}          {a}   {ip}   {n}\n",
            p=X("pod", podname(r, r.choice(["api", "worker", "web"]))),
            s=r.choice(["Running", "CrashLoopBackOff"]),
            rs=r.randint(0, 30),
            a=f"{r.randint(1, 40)}d",
            ip=X("pod_ip", f"10.244.{r.randint(0, 9)}.{r.randint(2, 250)}"),
            n=X(
                "node",
                f"ip-10-0-{r.randint(1, 99)}-{r.randint(1, 250)}.eu-central-1.compute.internal",
            ),
        )
    d.ln("$ kubectl describe pod worker | grep -A6 Environment")
    slot, s, var = secret(r)
    d.f(
        "    Environment:\n      {var}:  {s}\n      QUEUE_URL:  {q}\n",
        var=var,
        s=SEC(slot, s),
        q=X("url", f"https://sqs.eu-central-1.amazonaws.com/{dg(r, 12)}/jobs"),
    )
    if v == 1:
        d.f(
            "      RABBITMQ_URL:  amqp://{uc}@rabbitmq.prod.svc:5672/\n",
            uc=UC(f"worker:{rs(r, 20)}"),
        )
    d.f("    Image ID:  docker.io/library/python@sha256:{h}\n", h=X("image_digest", sha(r, 64)))


@form(5, 2)
def webhook_form(r: Random, d: D, v: int) -> None:
    loc = r.choice(LATIN)
    w = who(r, loc)
    b = dob_date(r)
    d.f(
        'POST /hooks/typeform  ({t})\n{"event_id":"{ev}","form_id":"{fid}","answers":[',
        t=X("timestamp", iso(ts(r))),
        ev=X("event_id", rs(r, 26, "0123456789ABCDEFGHJKMNPQRSTVWXYZ")),
        fid=X("form_id", rs(r, 8)),
    )
    d.f(
        '{"field":"full_name","text":"{n}"},{"field":"email","email":"{e}"},{"field":"phone","phone_number":"{p}"},',
        n=PN(w.full.lower() if r.random() < 0.25 else w.full),
        e=EM(email(r, w)),
        p=PH(phone(r, loc)),
    )
    if v == 0:
        d.f(
            '{"field":"birthday","date":"{b}"},{"field":"street","text":"{s}"}',
            b=DOB(b.isoformat()),
            s=AD(street(r, loc)),
        )
    else:
        d.f(
            '{"field":"message","text":"Hi, I am {f} and I would like to book a demo for our team of {k}. Reach me on whatsapp {p2}"}',
            f=PN(w.first),
            k=r.randint(5, 50),
            p2=PH(phone(r, loc)),
        )
    d.f(
        '],"hidden":{"utm_source":"newsletter","gclid":"{g}"}}\n',
        g=X(
            "click_id",
            rs(r, 40, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"),
        ),
    )


@form(6, 3)
def patient_record(r: Random, d: D, v: int) -> None:
    loc = ["uk", "de", "fr"][v]
    w, doc = people(r, loc, 2)
    b = dob_date(r, 1940, 2010)
    if v == 0:
        sl, nid = "uk_nhs", national_id(r, "uk")[1]
        while not nid[0].isdigit():
            nid = national_id(r, "uk")[1]
        d.f(
            "DISCHARGE SUMMARY\nPatient: {n}    DOB: {b}    NHS No: {nhs}    MRN: {mrn}\nAddress: {a}\nGP: Dr {gp}, {pr}\n",
            n=PN(f"{w.last.upper()}, {w.first}"),
            b=DOB(fmt_date(r, b, "uk")),
            nhs=IDN("uk_nhs", nid),
            mrn=IDN("patient_id", f"RX{dg(r, 7)}"),
            a=AD(address(r, loc)),
            gp=PN(doc.full),
            pr=X("org", "Hyde Park Surgery"),
        )
    elif v == 1:
        d.f(
            "Arztbrief\nPatient/in: {n}, geb. {b}\nVersichertennr.: {kv}  Fallnr.: {fall}\nAnschrift: {a}\nBehandelnde Ärztin: Dr. med. {dr}\n",
            n=PN(w.full),
            b=DOB(fmt_date(r, b, "de")),
            kv=IDN("de_kvnr", kvnr(r)),
            fall=IDN("patient_id", dg(r, 8)),
            a=AD(address(r, loc)),
            dr=PN(doc.full),
        )
    else:
        sl, nir = national_id(r, "fr", b)
        d.f(
            "Compte rendu\nPatient : {n}, né(e) le {b}\nN° sécu : {nir}\nIPP : {ipp}\nMédecin traitant : Dr {dr}\n",
            n=PN(w.full),
            b=DOB(fmt_date(r, b, "fr")),
            nir=IDN(sl, nir),
            ipp=IDN("patient_id", dg(r, 9)),
            dr=PN(doc.last),
        )
    d.f(
        "Dx: {icd}  Medication: {m} {mg} mg 1-0-1, BP {bp} mmHg, weight {wt} kg\n",
        icd=X("health", r.choice(["J18.9", "I10", "E11.9", "K35.8"])),
        m=r.choice(["Amoxicillin", "Ramipril", "Metformin"]),
        mg=X("health", str(r.choice([5, 500, 850]))),
        bp=X("health", f"{r.randint(110, 160)}/{r.randint(60, 95)}"),
        wt=X("health", str(r.randint(50, 110))),
    )


@form(6, 4)
def onboarding_form(r: Random, d: D, v: int) -> None:
    loc = (
        ["es", "it", "nl", "pl", "br", "se", "in"][r.randrange(7)]
        if v < 3
        else r.choice(["de", "fr", "us"])
    )
    w = who(r, loc)
    b = dob_date(r, 1965, 2004)
    sl, nid = national_id(r, loc, b)
    d.f(
        "New hire checklist — {n}\n- personal email: {e}\n- mobile: {p}\n- date of birth: {b}\n- ID ({idn}): {nid}\n",
        n=PN(w.full),
        e=EM(email(r, w)),
        p=PH(phone(r, loc)),
        b=DOB(fmt_date(r, b, loc)),
        idn=sl.split("_")[1].upper(),
        nid=IDN(sl, nid, "US_SSN" if sl == "us_ssn" else ""),
    )
    d.f(
        "- salary account: {ib}\n- laptop: {lp} (asset {at}), start {st}\n",
        ib=IB(iban(r, CC_OF.get(loc, "ES"))),
        lp=r.choice(["MacBook Pro 14 M3", "ThinkPad X1 Gen 12"]),
        at=X("asset_tag", f"IT-{dg(r, 5)}"),
        st=X("date", ts(r).strftime("%Y-%m-%d")),
    )
    if v == 3:
        kind = r.choice(["ch_ahv", "fi_hetu", "ca_sin"])
        d.f("- previous employer ID ({k}): {x}\n", k=kind, x=IDN(kind, extra_id(r, kind, b)))


@form(6, 2)
def shipping_order(r: Random, d: D, v: int) -> None:
    loc = r.choice((*LATIN, "jp", "cn", "ru"))
    w = who(r, loc)
    d.f(
        "Order {o} · {dt}\nShip to:\n{n}\n{a}\n{p}\n\n",
        o=X("order_id", f"{r.randint(100, 999)}-{dg(r, 7)}-{dg(r, 7)}"),
        dt=X("date", ts(r).strftime("%Y-%m-%d")),
        n=PN(w.full),
        a=AD(address(r, loc)),
        p=PH(phone(r, loc)),
    )
    for _ in range(r.randint(1, 3)):
        d.f(
            "  {q} × {item} ({sku})  {pr}\n",
            q=r.randint(1, 3),
            item=r.choice(["USB-C cable 2m", "Mechanical keyboard", "Yoga mat", "Coffee grinder"]),
            sku=X("sku", rs(r, 10, "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789")),
            pr=X("price", f"{r.randint(5, 200)}.{dg(r, 2)}"),
        )
    if v == 1:
        d.f(
            "Gift message: 'Happy birthday {f}! love, {g}'\nCarrier: DHL {tr}, weight {kg} kg\n",
            f=PN(w.first),
            g=PN(who(r, loc).first),
            tr=X("tracking", dg(r, 10)),
            kg=X("measurement", f"{r.randint(0, 9)}.{dg(r, 1)}"),
        )


@form(5, 2)
def fleet_log(r: Random, d: D, v: int) -> None:
    loc = r.choice(["de", "fr", "uk", "nl", "es", "it", "pl", "se"])
    d.ln("vehicle,driver,plate,start,end,km,fuel_l" if v == 0 else "Parking violations export")
    for w in people(r, loc, r.randint(3, 5)):
        if v == 0:
            d.ln(
                X("vehicle", f"VAN-{r.randint(10, 99)}"),
                ",",
                PN(w.full),
                ",",
                LP(plate(r, loc)),
                ",",
                X("timestamp", ts(r).strftime("%Y-%m-%d %H:%M")),
                ",",
                X("timestamp", ts(r).strftime("%Y-%m-%d %H:%M")),
                ",",
                X("measurement", str(r.randint(20, 400))),
                ",",
                X("measurement", f"{r.randint(5, 60)}.{dg(r, 1)}"),
            )
        else:
            d.f(
                "{pl} | {n} | {a} | zone {z} | fine {f}\n",
                pl=LP(plate(r, loc)),
                n=PN(w.full),
                a=AD(address(r, loc)),
                z=X("zone", f"P{r.randint(1, 40)}"),
                f=X("price", f"€{r.choice([15, 25, 35, 55])}"),
            )


@form(5, 2)
def gps_trace(r: Random, d: D, v: int) -> None:
    loc = r.choice(list(CITY_LL))
    w = who(r, loc)
    place, pll = r.choice(PLACES)
    d.f(
        "Courier {n} ({cid}) — last pings:\n",
        n=PN(w.full),
        cid=IDN("employee_id", f"DRV-{dg(r, 5)}"),
    )
    for _ in range(r.randint(3, 5)):
        d.f(
            "{t}  {g}  speed={s}km/h  battery={b}%\n",
            t=X("timestamp", iso(ts(r), False)),
            g=GEO(geo(r, CITY_LL[loc])),
            s=X("measurement", str(r.randint(0, 45))),
            b=r.randint(5, 99),
        )
    if v == 0:
        d.f("Home base (where he parks overnight): {g}\n", g=GEO(geo(r, CITY_LL[loc])))
    d.f(
        "For reference the {p} is at {ll}, the depot geofence radius is {rad} m.\n",
        p=X("place", place),
        ll=X("public_coordinates", pll),
        rad=X("measurement", str(r.choice([150, 250, 500]))),
    )


@form(5, 2)
def bank_transfer_msg(r: Random, d: D, v: int) -> None:
    loc = r.choice(["de", "fr", "es", "it", "nl", "pl", "uk", "se"])
    a, b = people(r, loc, 2)
    if v == 0:
        d.f(
            "hey {a}, for the flat deposit please send {amt} to\n{b}\n{ib}\nBIC {bic}\nreference: deposit {ref}\n",
            a=PN(a.first),
            amt=X("amount", f"{r.randint(5, 30)}00 EUR"),
            b=PN(b.full),
            ib=IB(iban(r, CC_OF[loc])),
            bic=X(
                "bic",
                r.choice(["COBADEFFXXX", "BNPAFRPPXXX", "INGBNL2A", "BSCHESMMXXX", "NWBKGB2L"]),
            ),
            ref=X("reference", r.choice(["Dec", "flat 3B", "Q1"])),
        )
    else:
        ib = iban(r, CC_OF[loc], spaced=True)
        cut = ib.index(" ", 8) + 1
        d.f(
            "Kontoinhaber: {b}\nIBAN: {ib}\n(the IBAN wrapped in the PDF, it's one number) — Verwendungszweck {ref}, Betrag {amt}\n",
            b=PN(b.full),
            ib=IB(ib[:cut] + "\n" + ib[cut:]),
            ref=X("reference", f"RG {dg(r, 6)}"),
            amt=X("amount", f"{r.randint(50, 3000)},00 €"),
        )


@form(5, 2)
def stripe_webhook(r: Random, d: D, v: int) -> None:
    loc = r.choice(LATIN)
    w = who(r, loc)
    d.f(
        '{\n  "id": "{ev}",\n  "type": "{ty}",\n  "api_version": "{av}",\n  "data": {"object": {\n    "id": "{pi}",\n    "amount": {am},\n    "currency": "eur",\n',
        ev=X("event_id", "evt_" + rs(r, 24)),
        ty=r.choice(["payment_intent.succeeded", "charge.refunded"]),
        av=X("version", "2024-06-20"),
        pi=X("payment_id", "pi_" + rs(r, 24)),
        am=X("amount", str(r.randint(500, 90000))),
    )
    d.f(
        '    "billing_details": {"name": "{n}", "email": "{e}", "phone": "{p}", "address": {"line1": "{l1}", "country": "{cc}"}},\n',
        n=PN(w.full),
        e=EM(email(r, w)),
        p=PH(phone(r, loc)),
        l1=AD(street(r, loc)),
        cc=CC_OF.get(loc, "DE"),
    )
    d.f(
        '    "payment_method_details": {"card": {"brand": "visa", "last4": "{l4}", "exp_month": {m}, "exp_year": {y}, "fingerprint": "{fp}"}}\n  }}\n}\n',
        l4=X("last4", dg(r, 4)),
        m=r.randint(1, 12),
        y=r.randint(2027, 2031),
        fp=X("fingerprint", rs(r, 16)),
    )
    if v == 1:
        d.f(
            "\nverifying with endpoint secret {s} gives SignatureVerificationError, header was t={t},v1={sig}\n",
            s=SEC("whsec", secret(r, "whsec")[1]),
            t=X("epoch", str(1767225600 + r.randrange(10**7))),
            sig=X("signature", sha(r, 64)),
        )


@form(5, 2)
def registry_rc(r: Random, d: D, v: int) -> None:
    if v == 0:
        d.f(
            "# ~/.npmrc\nregistry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken={t}\n@acme:registry=https://npm.pkg.github.com\n//npm.pkg.github.com/:_authToken={g}\n",
            t=SEC("npm", secret(r, "npm")[1]),
            g=SEC("github", secret(r, "github")[1]),
        )
        d.f(
            "npm ERR! code E401 on npm@{v}\n",
            v=X("version", f"10.{r.randint(1, 9)}.{r.randint(0, 3)}"),
        )
    else:
        d.f(
            "# ~/.pypirc\n[distutils]\nindex-servers = pypi\n\n[pypi]\nusername = __token__\npassword = {t}\n\n[internal]\nrepository = https://{uc}@nexus.acme.local/repository/pypi/\n",
            t=SEC(
                "pypi",
                "pypi-AgEIcHlwaS5vcmc"
                + rs(r, 120, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            ),
            uc=UC(f"deploy:{password(r)}"),
        )
        d.f("twine {v}: HTTPError: 403 Forbidden\n", v=X("version", "5.1.1"))


@form(5, 2)
def aws_credentials(r: Random, d: D, v: int) -> None:
    d.f(
        "$ cat ~/.aws/credentials\n[default]\naws_access_key_id = {a}\naws_secret_access_key = {s}\n",
        a=SEC("aws_key", secret(r, "aws_key")[1]),
        s=SEC("aws_secret", rs(r, 40, B64)),
    )
    if v == 1:
        d.f(
            "\n[prod]\naws_access_key_id = {a}\naws_secret_access_key = {s}\naws_session_token = {t}\n",
            a=SEC("aws_key", "ASIA" + rs(r, 16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")),
            s=SEC("aws_secret", rs(r, 40, B64)),
            t=SEC("aws_session", "IQoJb3JpZ2luX2VjE" + rs(r, 300, B64)),
        )
    d.f(
        "$ aws sts get-caller-identity\nAn error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation. aws-cli/{v} Python/3.11.8\n",
        v=X("version", f"2.{r.randint(13, 22)}.{r.randint(0, 40)}"),
    )


@form(5, 2)
def devtools_cookies(r: Random, d: D, v: int) -> None:
    d.ln("Name\tValue\tDomain\tPath\tExpires")
    d.f(
        "_ga\tGA1.1.{ga}\t.brightpath.io\t/\t2027-01-09\n",
        ga=X("analytics_id", f"{dg(r, 10)}.{dg(r, 10)}"),
    )
    d.f("csrftoken\t{c}\tapp.brightpath.io\t/\tSession\n", c=SEC("csrf_token", rs(r, 32)))
    d.f(
        "{nm}\t{s}\tapp.brightpath.io\t/\t{ex}\n",
        nm=r.choice(["sessionid", "connect.sid", "laravel_session", "JSESSIONID"]),
        s=SEC(
            "session_cookie",
            rs(r, 48, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789%"),
        ),
        ex=X("date", ts(r).strftime("%Y-%m-%d")),
    )
    if v == 1:
        w = who(r, r.choice(LATIN))
        d.f(
            'localStorage.user = {"theme":"{i}","name":"{n}","email":"{e}"}\n',
            i="dark",
            n=PN(w.full),
            e=EM(email(r, w)),
        )
    d.f(
        "cf_clearance\t{cf}\t.brightpath.io\t/\t2027-01-09\n",
        cf=X("cf_clearance", rs(r, 43) + "-" + str(1767225600 + r.randrange(10**7)) + "-1.2.1.1"),
    )


@form(5, 2)
def meeting_notes(r: Random, d: D, v: int) -> None:
    loc = r.choice(LATIN)
    ppl = people(r, loc, 4)
    pf, quote = r.choice(PUBLIC)
    d.f(
        "Sync {dt} — attendees: {a}, {b}, {c}\n\n",
        dt=X("date", ts(r).strftime("%d.%m.%Y")),
        a=PN(ppl[0].full),
        b=PN(ppl[1].full),
        c=PN(ppl[2].first),
    )
    d.f(
        "- {a} to follow up with {x} (customer, {e}) about the contract renewal\n",
        a=PN(ppl[0].first),
        x=PN(ppl[3].full),
        e=EM(email(r, ppl[3])),
    )
    d.f(
        "- release {rv} slips to next sprint; {b} owns the migration\n",
        rv=X("version", version(r)),
        b=PN(ppl[1].first),
    )
    d.f("- reminder: as {pf} {q}, keep it simple\n", pf=X("public_figure", pf), q=quote)
    if v == 1:
        d.f("- {c}'s new mobile is {p}, old one is dead\n", c=PN(ppl[2].first), p=PH(phone(r, loc)))
    d.f(
        "- next offsite near {pl}? budget {b}\n",
        pl=X("place", r.choice([p[0] for p in PLACES])),
        b=X("price", f"{r.randint(2, 20)}k EUR"),
    )


@form(6, 2)
def js_fixture(r: Random, d: D, v: int) -> None:
    loc = r.choice(LATIN)
    d.ln(
        "// test/fixtures/users.ts — copied from a prod export for the repro, will anonymise later"
    )
    d.ln("export const users: User[] = [")
    for w in people(r, loc, r.randint(2, 4)):
        d.f(
            "  { id: '{u}', name: '{n}', email: '{e}', ",
            u=X("uuid", uuid4(r)),
            n=PN(w.full),
            e=EM(email(r, w)),
        )
        if v == 0:
            d.f(
                "card: '{c}', createdAt: new Date('{t}') },\n",
                c=CC(card(r)),
                t=X("timestamp", iso(ts(r))),
            )
        else:
            d.f(
                "ssn: '{s}', lastIp: '{ip}' },\n",
                s=P("us_ssn", national_id(r, "us")[1], "US_SSN ID_NUMBER"),
                ip=IP(ipv4(r)),
            )
    d.ln("];")
    d.f(
        "// jest {jv}, ts-jest {tj}\n",
        jv=X("version", f"29.{r.randint(0, 7)}.{r.randint(0, 9)}"),
        tj=X("version", f"29.{r.randint(0, 2)}.{r.randint(0, 9)}"),
    )


@form(5, 2)
def ldif_export(r: Random, d: D, v: int) -> None:
    loc = r.choice(LATIN)
    for w in people(r, loc, r.randint(2, 3)):
        d.f(
            "dn: uid={u},ou=people,dc=acme,dc=corp\nobjectClass: inetOrgPerson\nuid: {u}\ncn: {n}\nsn: {sn}\ngivenName: {gn}\nmail: {e}\ntelephoneNumber: {p}\nemployeeNumber: {en}\n",
            u=f"{w.rfirst[0]}{w.rlast}",
            n=PN(w.full),
            sn=PN(w.last),
            gn=PN(w.first),
            e=EM(email(r, w, "acme.corp")),
            p=PH(phone(r, loc)),
            en=IDN("employee_id", dg(r, 6)),
        )
        if v == 1:
            d.f("userPassword: {SSHA}{h}\n", h=X("password_hash", rs(r, 32, B64)))
        d.f("entryUUID: {u}\n\n", u=X("uuid", uuid4(r)))


@form(5, 2)
def vcard(r: Random, d: D, v: int) -> None:
    loc = r.choice(LATIN)
    w = who(r, loc)
    d.f(
        "BEGIN:VCARD\nVERSION:3.0\nN:{l};{f};;;\nFN:{n}\nORG:{o}\nTEL;TYPE=CELL:{p}\nEMAIL;TYPE=HOME:{e}\n",
        l=PN(w.last),
        f=PN(w.first),
        n=PN(w.full),
        o=X("company", r.choice(COMPANIES)),
        p=PH(phone(r, loc)),
        e=EM(email(r, w)),
    )
    if v == 0:
        d.f(
            "ADR;TYPE=HOME:;;{s};{c};;;\nBDAY:{b}\n",
            s=AD(street(r, loc)),
            c=X("city", r.choice(["Lyon", "Leipzig", "Leeds", "Porto"])),
            b=DOB(dob_date(r).isoformat()),
        )
    d.f("UID:{u}\nREV:{t}\nEND:VCARD\n", u=X("uuid", uuid4(r)), t=X("timestamp", iso(ts(r), False)))


@form(5, 2)
def elastic_hit(r: Random, d: D, v: int) -> None:
    loc = r.choice(LATIN)
    w = who(r, loc)
    d.f(
        '{"took": {tk}, "hits": {"total": {"value": {tot}}, "hits": [{"_index": "logs-app-{di}", "_id": "{id}", "_score": {sc}, "_source": {\n',
        tk=X("duration", str(r.randint(1, 90))),
        tot=X("count", str(r.randint(1, 9000))),
        di=X("date", ts(r).strftime("%Y.%m.%d")),
        id=X("doc_id", rs(r, 20)),
        sc=X("score", f"{r.randint(1, 12)}.{dg(r, 4)}"),
    )
    d.f(
        '  "@timestamp": "{t}", "client.ip": "{ip}", "user.name": "{n}", "user.email": "{e}",\n',
        t=X("timestamp", iso(ts(r))),
        ip=IP(ipv4(r)),
        n=PN(w.full),
        e=EM(email(r, w)),
    )
    if v == 0:
        d.f(
            '  "geo.location": {"lat": {la}, "lon": {lo}}, "http.response.status_code": 403}}]}}\n',
            **dict(
                zip(
                    ("la", "lo"),
                    [GEO(x) for x in geo(r, CITY_LL.get(loc, (48.1, 11.6))).split(", ")],
                    strict=True,
                )
            ),
        )
    else:
        d.f(
            '  "message": "password change for {e2} by admin {a}", "http.response.status_code": 200}}]}}\n',
            e2=EM(email(r, who(r, loc))),
            a=PN(who(r, r.choice(LATIN)).first),
        )


@form(6, 3)
def cjk_message(r: Random, d: D, v: int) -> None:
    if v == 0:
        w, me = people(r, "jp", 2)
        b = dob_date(r)
        d.f(
            "{n}様\n\nお世話になっております。{me}です。\nご登録の電話番号 {p} とメールアドレス {e} を確認しました。\n生年月日：{b}\nマイナンバー：{mn}\nご住所：{a}\nよろしくお願いいたします。\n",
            n=PN(w.full),
            me=PN(me.last),
            p=PH(phone(r, "jp")),
            e=EM(email(r, w)),
            b=DOB(fmt_date(r, b, "jp")),
            mn=IDN("jp_mynumber", national_id(r, "jp")[1]),
            a=AD(address(r, "jp")),
        )
        d.f(
            "（チケット番号 {t}、バージョン {ver}）\n",
            t=X("ticket", f"JP-{dg(r, 6)}"),
            ver=X("version", version(r)),
        )
    elif v == 1:
        w, me = people(r, "cn", 2)
        b = dob_date(r)
        d.f(
            "{me}：用户{n}反馈无法登录，手机号{p}，身份证号{id}，收货地址{a}。订单号{o}，请尽快处理。\n",
            me=PN(me.full),
            n=PN(w.full),
            p=PH(phone(r, "cn")),
            id=IDN("cn_id", national_id(r, "cn", b)[1]),
            a=AD(address(r, "cn")),
            o=X("order_id", dg(r, 18)),
        )
        d.f(
            "日志：{t} ERROR trace={tr} 来自 {ip}\n",
            t=X("timestamp", iso(ts(r), False)),
            tr=X("trace_id", sha(r, 32)),
            ip=IP(ipv4(r)),
        )
    else:
        w, me = people(r, "ru", 2)
        d.f(
            "{me}, привет! Клиент {n} ({e}) просит вернуть деньги. Телефон {p}, СНИЛС {s}, адрес {a}.\nЗаказ {o} от {dt}, сумма {am} ₽.\n",
            me=PN(me.first),
            n=PN(w.full),
            e=EM(email(r, w)),
            p=PH(phone(r, "ru")),
            s=IDN("ru_snils", national_id(r, "ru")[1]),
            a=AD(address(r, "ru")),
            o=X("order_id", f"{dg(r, 8)}-{r.randint(1, 9)}"),
            dt=X("date", ts(r).strftime("%d.%m.%Y")),
            am=X("amount", f"{r.randint(500, 90000)}"),
        )


@form(6, 2)
def india_kyc(r: Random, d: D, v: int) -> None:
    w = who(r, "in")
    b = dob_date(r)
    d.f(
        "KYC pending for {n}\nPAN: {pan}\nMobile: {p}\nDOB: {b}\nAddress: {a}\n",
        n=PN(w.full),
        pan=IDN("in_pan", national_id(r, "in")[1]),
        p=PH(phone(r, "in")),
        b=DOB(fmt_date(r, b, "in")),
        a=AD(address(r, "in")),
    )
    if v == 0:
        d.f(
            "UPI: {u}\nIFSC {i}\n",
            u=P("upi", f"{w.rfirst}{r.randint(1, 99)}@okhdfcbank", "EMAIL ID_NUMBER"),
            i=X("ifsc", f"HDFC0{dg(r, 6)}"),
        )
    else:
        d.f("Razorpay key used in the app: {k}\n", k=SEC("razorpay", "rzp_live_" + rs(r, 14)))
    d.f(
        "Ref {ref}, submitted {t}\n",
        ref=X("reference", rs(r, 12, "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789")),
        t=X("timestamp", iso(ts(r), False)),
    )


@form(5, 2)
def python_repl(r: Random, d: D, v: int) -> None:
    loc = r.choice(LATIN)
    w = who(r, loc)
    d.ln(">>> resp = client.get_user(user_id)\n>>> resp")
    if v == 0:
        d.f(
            "User(id={i}, name='{n}', email='{e}', phone='{p}', tags=['beta'], created=datetime.datetime({y}, {m}, {dd}, 9, 12, 44))\n",
            i=IDN("user_id", str(r.randint(10**5, 10**6))),
            n=PN(w.full),
            e=EM(email(r, w)),
            p=PH(phone(r, loc)),
            y=2025,
            m=r.randint(1, 12),
            dd=r.randint(1, 28),
        )
    else:
        b = dob_date(r)
        d.f(
            "{'name': '{n}', 'birth_date': datetime.date({y}), 'iban': '{ib}', 'api_key': '{k}'}\n",
            n=PN(w.full),
            y=DOB(f"{b.year}, {b.month}, {b.day}"),
            ib=IB(iban(r, CC_OF.get(loc, "DE"))),
            k=SEC("google", secret(r, "google")[1]),
        )
    d.f(
        ">>> import sys; sys.version\n'3.11.{p} (main, {t}) [GCC {g}]'\n",
        p=r.randint(4, 11),
        t=X("date", ts(r, 2024).strftime("%b %d %Y")),
        g=X("version", "12.2.0"),
    )


@form(5, 2)
def access_review(r: Random, d: D, v: int) -> None:
    loc = r.choice(LATIN)
    d.ln(
        "| user | role | last login | MFA | source IP |"
        if v == 0
        else "user,role,last_login,mfa,token"
    )
    d.ln("|---|---|---|---|---|" if v == 0 else "")
    for w in people(r, loc, r.randint(3, 5)):
        e = email(r, w, r.choice(WORKDOM))
        role = r.choice(["admin", "editor", "viewer", "billing"])
        if v == 0:
            d.f(
                "| {e} | {ro} | {t} | {m} | {ip} |\n",
                e=EM(e),
                ro=role,
                t=X("timestamp", ts(r).strftime("%Y-%m-%d")),
                m=r.choice(["yes", "no"]),
                ip=IP(ipv4(r)),
            )
        else:
            d.f(
                "{e},{ro},{t},{m},{tk}\n",
                e=EM(e),
                ro=role,
                t=X("timestamp", iso(ts(r), False)),
                m=r.choice(["true", "false"]),
                tk=SEC("gitlab", secret(r, "gitlab")[1])
                if r.random() < 0.4
                else X("token_id", f"tok_{r.randint(100, 999)}"),
            )
    d.f(
        "\nowner of the audit: {n}, due {dt}\n",
        n=PN(who(r, loc).full),
        dt=X("date", ts(r).strftime("%Y-%m-%d")),
    )
