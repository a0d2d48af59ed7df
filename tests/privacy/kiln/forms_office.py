"""Forms from the office's own systems: logins, configs, logs, snippets."""

from __future__ import annotations

from random import Random

from . import values as vals
from ._build import B, P, S, X


def shared_mailbox_handover(r: Random, v: int) -> B:
    loc = ["de", "fr", "es", "nl", "pl", "it"][v % 6]
    p, q = vals.Person(r, loc), vals.Person(r, loc)
    box = {
        "de": "empfang",
        "fr": "accueil",
        "es": "recepcion",
        "nl": "receptie",
        "pl": "sekretariat",
        "it": "segreteria",
    }[loc]
    dom = {
        "de": "praxis-linde.de",
        "fr": "creche-les-lilas.fr",
        "es": "clinica-olivo.es",
        "nl": "kinderopvang-zon.nl",
        "pl": "szkola12.edu.pl",
        "it": "studio-santoro.it",
    }[loc]
    txt = {
        "de": "Hallo {q},\n\nhier die Zugangsdaten fürs Sammelpostfach, bitte nicht "
        "weitergeben:\nPostfach: {mb}\nPasswort: {pw}\n"
        "Webmail: {url}\nFalls das nicht geht, das alte war {pw2}.\nDie Telefonanlage (PIN-Reset) "
        "hat Ticket {tk}.\nGruß {p}\n",
        "fr": "Salut {q},\n\nvoici les identifiants de la boîte partagée :\nAdresse : {mb}\nMot de "
        "passe : {pw}\nWebmail : {url}\n"
        "Sinon l'ancien mot de passe était {pw2}.\nTicket standard téléphonique : {tk}.\n{p}\n",
        "es": "Hola {q},\n\nte paso el acceso al buzón compartido:\nCorreo: {mb}\nContraseña: "
        "{pw}\nWebmail: {url}\n"
        "Si falla, la anterior era {pw2}.\nIncidencia centralita: {tk}.\nUn saludo, {p}\n",
        "nl": "Hoi {q},\n\nhierbij de inlog van de gedeelde mailbox:\nMailbox: {mb}\nWachtwoord: "
        "{pw}\nWebmail: {url}\n"
        "Oude wachtwoord was {pw2}.\nMelding telefooncentrale: {tk}.\nGroet, {p}\n",
        "pl": "Cześć {q},\n\ndane do wspólnej skrzynki:\nSkrzynka: {mb}\nHasło: {pw}\nPoczta: "
        "{url}\nStare hasło: {pw2}.\n"
        "Zgłoszenie centrala: {tk}.\nPozdrawiam, {p}\n",
        "it": "Ciao {q},\n\necco l'accesso alla casella condivisa:\nCasella: {mb}\nPassword: "
        "{pw}\nWebmail: {url}\n"
        "La vecchia era {pw2}.\nTicket centralino: {tk}.\nCiao, {p}\n",
    }[loc]
    b = B()
    b.f(
        txt,
        q=P("name", q.given),
        mb=f"{box}@{dom}",
        pw=S("password", vals.password(r)),
        url=X("url", f"https://webmail.{dom}/owa"),
        pw2=S("password", vals.password(r)),
        tk=X("ticket", f"INC{r.randrange(10**6, 10**7)}"),
        p=P("name", p.given if v % 2 else p.full),
    )
    return b


def router_admin_note(r: Random, v: int) -> B:
    b = B()
    ip = f"192.168.{r.randrange(0, 3)}.1"
    b.f(
        "{hdr}\nModell: {mod}, Firmware {fw}\nAdmin-Oberfläche: http://{uc}@{ip}/\nWLAN {ssid} – "
        "Schlüssel: {wk}\n"
        "Gast-WLAN Passwort: {gk}\nFernwartung: Benutzer {u}, Kennwort {rk}\nDrucker im Flur: "
        "{prn}\nNAS: {nas}\n",
        hdr=r.choice(
            [
                "Notiz Router Praxis (nicht löschen!)",
                "Netzwerk Schulbüro",
                "Internet Laden – Zettel vom Techniker",
            ]
        ),
        mod=X("product", r.choice(["FRITZ!Box 7590 AX", "Speedport Smart 4", "TP-Link Archer C6"])),
        fw=X("version", f"{r.randrange(6, 8)}.{r.randrange(10, 60)}"),
        uc=S("url_credentials", f"admin:{vals.password(r)}", "UC S"),
        ip=X("gateway_ip", ip),
        ssid=X("ssid", r.choice(["Praxis-WLAN", "Buero_5G", "FRITZ!Box 7590 KL"])),
        wk=S("wifi_key", vals.rs(r, 20, "0123456789")),
        gk=S("password", vals.password(r)),
        u=X("username_role", "fernwartung"),
        rk=S("password", vals.password(r)),
        prn=X("device_ip", f"192.168.{r.randrange(3, 9)}.{r.randrange(20, 60)}"),
        nas=X("device_ip", f"192.168.{r.randrange(10, 20)}.{r.randrange(60, 90)}"),
    )
    if v % 2:
        b.f(
            "Kollege mit VPN-Zugang: {n}, Handy {t}\n",
            n=P("name", vals.Person(r, "de").full),
            t=P("phone", vals.phone(r, "de"), "T"),
        )
    return b


def booking_config_yaml(r: Random, v: int) -> B:
    b = B()
    b.f(
        "# config.yml – Terminbuchung {app} v{ver}\nserver:\n  port: {port}\n  host: "
        "{host}\nmail:\n  smtp_host: smtp.{dom}\n"
        '  smtp_user: {su}\n  smtp_password: "{sp}"\npayments:\n  provider: stripe\n  secret_key: '
        "{sk}\n  webhook_secret: {wh}\n"
        "database:\n  url: postgres://{uc}@db.internal:5432/booking\nsms:\n  sender: {snd}\n  "
        "auth_token: {at}\n"
        "build: {bh}\n",
        app=X("product", r.choice(["Easy!Appointments", "SimplyBook", "Praxis-Kalender"])),
        ver=X("version", vals.version(r)),
        port=X("port", str(r.choice([8080, 8443, 3000]))),
        host=X("hostname", "0.0.0.0"),
        dom=r.choice(["ionos.de", "gmail.com", "office365.com"]),
        su=r.choice(["termine@praxis-linde.de", "noreply@salon-haarmonie.de"]),
        sp=S("password", vals.password(r)),
        sk=S("api_key", "sk_live_" + vals.rs(r, 28)),
        wh=S("signing_secret", "whsec_" + vals.rs(r, 32)),
        uc=S("url_credentials", f"booking:{vals.rs(r, 16)}", "UC S"),
        snd=X("sender_id", "PRAXIS"),
        at=S("api_key", vals.rs(r, 32, vals.HEX)),
        bh=X("hash", vals.sha(r)),
    )
    return b


def env_file_paste(r: Random, v: int) -> B:
    b = B()
    b.f(
        "kannst du mir sagen warum das nicht startet? hier meine "
        ".env:\n\nAPP_ENV=production\nAPP_VERSION={ver}\nAPP_KEY=base64:{ak}\n"
        "DB_PASSWORD={db}\nMAIL_PASSWORD={mp}\nSENDGRID_API_KEY={sg}\nGOOGLE_MAPS_KEY={gm}\nSESSION_LIFETIME={sl}\nSENTRY_RELEASE={rel}\n"
        "REQUEST_ID={rid}\n",
        ver=X("version", vals.version(r)),
        ak=S("app_key", vals.rs(r, 43, vals.B62 + "+/") + "="),
        db=S("password", vals.password(r)),
        mp=S("password", vals.password(r)),
        sg=S("api_key", "SG." + vals.rs(r, 22) + "." + vals.rs(r, 43)),
        gm=S("api_key", "AIza" + vals.rs(r, 35)),
        sl=X("number", "120"),
        rel=X("hash", vals.sha(r, 12)),
        rid=X("uuid", vals.uuid4(r)),
    )
    return b


def curl_debug(r: Random, v: int) -> B:
    b = B()
    host = r.choice(["api.doctolib.example", "booking.salon-app.example", "api.lexoffice.example"])
    b.f(
        "Ich bekomme immer 401, was mache ich falsch?\n\ncurl -X POST "
        "https://{h}/v{n}/appointments \\\n"
        "  -H 'Authorization: Bearer {tok}' \\\n  -H 'X-Api-Key: {key}' \\\n  -H 'X-Request-Id: "
        "{rid}' \\\n"
        '  -d \'{{"patient": "{pn}", "phone": "{pt}", "slot": "{slot}"}}\'\n\nAntwort: '
        '{{"error":"invalid_token","trace":"{tr}"}}\n',
        h=X("hostname", host),
        n=str(r.randrange(1, 4)),
        tok=S("token", vals.jwt(r)),
        key=S("api_key", vals.api_key(r)),
        rid=X("uuid", vals.uuid4(r)),
        pn=P("name", vals.Person(r, r.choice(["de", "fr", "nl"])).full),
        pt=P("phone", vals.phone(r, "de"), "T"),
        slot=X("timestamp", vals.stamp(r)),
        tr=X("hash", vals.sha(r, 32)),
    )
    return b


def webserver_log(r: Random, v: int) -> B:
    b = B()
    for _ in range(r.randrange(4, 7)):
        kind = r.randrange(3)
        ts = X("timestamp", vals.stamp(r))
        if kind == 0:
            b.f(
                "{ts} INFO  login ok user={e} ip={ip} req={rid}\n",
                ts=ts,
                e=P("email", vals.Person(r, r.choice(["de", "nl", "pl"])).email(r), "E"),
                ip=P("ip", vals.public_ip(r), "IP"),
                rid=X("uuid", vals.uuid4(r)),
            )
        elif kind == 1:
            b.f(
                "{ts} DEBUG cookie PHPSESSID={sid} path=/termine/{oid} build={bh}\n",
                ts=ts,
                sid=S("session_cookie", vals.session_cookie(r)),
                oid=X("order_no", str(r.randrange(10**5, 10**6))),
                bh=X("hash", vals.sha(r, 8)),
            )
        else:
            b.f(
                "{ts} WARN  failed login from {ip} for {u} (attempt {n}/5) app={ver}\n",
                ts=ts,
                ip=P("ip", vals.public_ip(r), "IP"),
                u=P("email", vals.Person(r, r.choice(["fr", "es", "it"])).email(r), "E"),
                n=str(r.randrange(1, 5)),
                ver=X("version", vals.version(r)),
            )
    return b


def python_snippet(r: Random, v: int) -> B:
    p = vals.Person(r, "de")
    b = B()
    b.f(
        'import requests\n\nAPI_KEY = "{key}"  # Buchungssystem\nDB = '
        '"mysql://{uc}@localhost/kasse"\n\n'
        'def test_kunde():\n    kunde = {{"name": "{n}", "email": "{e}", "iban": "{ib}"}}\n'
        '    r = requests.post("https://api.example.org/v{ver}/kunden", json=kunde, timeout={to})\n'
        "    assert r.status_code == {sc}, r.text  # commit {ch}\n",
        key=S("api_key", vals.api_key(r)),
        uc=S("url_credentials", f"kasse:{vals.password(r)}", "UC S"),
        n=P("name", p.full),
        e=P("email", p.email(r), "E"),
        ib=P("iban", vals.iban(r, "DE", False), "IB"),
        ver=X("version", str(r.randrange(1, 4))),
        to=X("number", "30"),
        sc=X("status_code", "201"),
        ch=X("hash", vals.sha(r, 7)),
    )
    b.t("\nWarum kommt da 403 zurück?\n")
    return b


def private_key_paste(r: Random, v: int) -> B:
    b = B()
    b.f(
        "Der Backup-Job auf dem NAS ({nas}) meldet 'permission denied'. Das ist der Schlüssel aus "
        "/volume1/backup/.ssh/id_rsa:\n\n{pk}\n\n"
        "Fingerprint laut ssh-keygen: SHA256:{fp}\nDSM Version {ver}\n",
        nas=X("product", r.choice(["Synology DS220+", "QNAP TS-253D"])),
        pk=S("private_key", vals.private_key(r)),
        fp=X("fingerprint", vals.rs(r, 43, vals.B62 + "+/")),
        ver=X("version", vals.version(r)),
    )
    if v % 2:
        b.f(
            "Admin-Passwort vom NAS ist {pw}, falls du reinschauen musst.\n",
            pw=S("password", vals.password(r)),
        )
    return b


def password_sheet(r: Random, v: int) -> B:
    b = B()
    b.f("Dienst\tBenutzer\tPasswort\tNotiz\n")
    for svc in r.sample(
        [
            "DATEV",
            "Telekom Kundencenter",
            "Doctolib",
            "Lexoffice",
            "Praxis-WLAN",
            "ELSTER",
            "Kassensystem",
            "Schulportal",
        ],
        4,
    ):
        user = r.choice(["empfang", "buchhaltung", "admin", "praxis01"])
        b.f(
            "{s}\t{u}\t{pw}\t{note}\n",
            s=X("service", svc),
            u=user,
            pw=S("password", vals.password(r)),
            note=X(
                "note",
                r.choice(
                    [
                        f"geändert {r.randrange(1, 28)}.{r.randrange(1, 12)}.",
                        "2FA an Handy Chef",
                        "Vertrag " + str(r.randrange(10**6, 10**7)),
                    ]
                ),
            ),
        )
    b.f(
        "Chef privat: {n}, {t}\n",
        n=P("name", vals.Person(r, "de").full),
        t=P("phone", vals.phone(r, "de"), "T"),
    )
    return b


def api_integration_mail(r: Random, v: int) -> B:
    loc = ["en", "fr", "es", "de"][v % 4]
    p = vals.Person(r, loc)
    b = B()
    b.f(
        "Hi,\n\nfor the integration with our booking tool please use these credentials (sandbox is "
        "disabled):\n"
        "Client ID: {cid}\nClient secret: {cs}\nWebhook signing key: {wk}\nAccess token (expires "
        "{exp}): {tok}\n\n"
        "Docs: {url} – current API version {ver}.\nBest,\n{n}\n{t}\n",
        cid=X("client_id", vals.uuid4(r)),
        cs=S("client_secret", vals.rs(r, 40)),
        wk=S("signing_secret", "whsec_" + vals.rs(r, 32)),
        exp=X("timestamp", vals.stamp(r)),
        tok=S("token", vals.jwt(r)),
        url=X("url", "https://developer.example.com/docs"),
        ver=X("version", vals.version(r)),
        n=P("name", p.full),
        t=P("phone", vals.phone(r, loc), "T"),
    )
    return b


FORMS = [
    shared_mailbox_handover,
    router_admin_note,
    booking_config_yaml,
    env_file_paste,
    curl_debug,
    webserver_log,
    python_snippet,
    private_key_paste,
    password_sheet,
    api_integration_mail,
]
