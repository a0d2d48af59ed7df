# ruff: noqa: E501  (corpus text and data tables read better unwrapped)
"""Forms, part two: code, configs, logs and the credentials of the apps people juggle."""

from __future__ import annotations

from random import Random

from . import values as gen
from .build import EM, GEO, IB, IP, PER, PH, URLC, Doc, P, S, Who, card, sec, x
from .forms_a import HOST, MIGR, form


def _ip(r: Random) -> str:
    first = r.choice([31, 46, 77, 85, 91, 178, 188, 93, 109, 176, 217, 95])
    return f"{first}.{r.randint(1, 254)}.{r.randint(0, 254)}.{r.randint(1, 254)}"


def _ip6(r: Random) -> str:
    return f"2a02:{gen.hexs(r, 4)}:{gen.hexs(r, 4)}:{gen.hexs(r, 3)}:{gen.hexs(r, 4)}:{gen.hexs(r, 4)}:{gen.hexs(r, 4)}:{gen.hexs(r, 4)}"


@form(3)
def upwork_script(r: Random, v: int) -> Doc:
    a = Who(r, r.choice(MIGR))
    c = Who(r, r.choice(["us", "gb", "de"]))
    d = Doc()
    d(
        "my script that pulls my contracts fails with 401, what's wrong?\n\n```python\nimport requests\n\n"
    )
    if v == 0:
        d('API_TOKEN = "', sec(r, "uuid_token", "platform_token"), '"\n')
    elif v == 1:
        d('TOKEN = "', sec(r, "jwt", "platform_token"), '"  # expires?\n')
    else:
        d(
            'CLIENT_SECRET = "',
            sec(r, "hex", "oauth_secret"),
            '"\nCLIENT_ID = "',
            x("client_id", gen.hexs(r, 32)),
            '"\n',
        )
    d(
        'BASE = "https://api.',
        x("domain", r.choice(["upwork.com", "deel.com", "payoneer.com"])),
        '/v3"\n\n',
        'def contracts():\n    r = requests.get(f"{BASE}/contracts", headers={"Authorization": f"Bearer {TOKEN}"},\n',
        '                     params={"freelancer": "',
        a.e(),
        '", "since": "',
        x("date", "2026-01-01"),
        '"})\n',
        '    return r.json()\n```\n\nresponse:\n```\n{"error": "invalid_token", "request_id": "',
        x("uuid", gen.uuid(r)),
        '", "client_contact": "',
        c.e(),
        '"}\n```\n',
    )
    return d


@form(3)
def env_file(r: Random, v: int) -> Doc:
    a = Who(r, r.choice(MIGR + HOST))
    d = Doc()
    host = r.choice(["db.internal", "localhost", "pg-eu-1.example.net"])
    d("Why does docker not read my .env? here it is:\n\n```\n")
    d("APP_ENV=production\nAPP_VERSION=", x("version", gen.version(r)), "\n")
    d(
        "DATABASE_URL=postgres://",
        S("url_credentials", f"app_user:{gen.secret(r, 'password').replace('#', '!')}", URLC),
        f"@{host}:5432/shop\n",
    )
    d("STRIPE_SECRET_KEY=", sec(r, "stripe"), "\n")
    d("STRIPE_WEBHOOK_SECRET=", sec(r, "whsec"), "\n")
    if v != 1:
        d(
            "AWS_ACCESS_KEY_ID=",
            sec(r, "aws_id"),
            "\nAWS_SECRET_ACCESS_KEY=",
            sec(r, "aws_secret"),
            "\n",
        )
    if v != 0:
        d("SENDGRID_API_KEY=", sec(r, "sendgrid"), "\n")
    d("ADMIN_EMAIL=", a.e(), "\nSUPPORT_PHONE=", a.ph(), "\n")
    d(
        "REGION=",
        x("region", r.choice(["eu-central-1", "eu-west-3"])),
        "\nBUILD=",
        x("git_sha", gen.hexs(r, 40)),
        "\n```\n",
    )
    return d


@form(3)
def bank_recovery_note(r: Random, v: int) -> Doc:
    a = Who(r, r.choice(MIGR + HOST))
    d = Doc()
    bank = r.choice(["N26", "Revolut", "Monobank", "Wise", "Garanti BBVA"])
    d(
        "Organise these notes into a table (app, login, what I need to recover it):\n\n",
        x("company", bank),
        " — login ",
        a.e(),
        "\n",
    )
    d("backup codes:\n")
    for _ in range(3 + v):
        d("  ", sec(r, "recovery", "recovery_code"), "\n")
    d(
        "support hotline from their website: ",
        x("support_phone", "+49 30 7889 1234" if bank == "N26" else "0800 123 456"),
        "\n",
    )
    d("gmail app password for thunderbird: ", sec(r, "app_password", "app_password"), "\n")
    if v >= 1:
        d("authenticator seed (old phone): ", sec(r, "totp", "totp_seed"), "\n")
    d("card ", card(r), " PIN changed ", x("date", "Nov 2026"), "\naccount ", a.ib(), "\n")
    return d


@form(3)
def email_client_setup(r: Random, v: int) -> Doc:
    a = Who(r, r.choice(MIGR + HOST))
    d = Doc()
    prov = r.choice(
        ["imap.gmail.com", "outlook.office365.com", "imap.mail.yahoo.com", "imap.ukr.net"]
    )
    d(
        "Thunderbird keeps saying authentication failed. settings:\n\n",
        "Account: ",
        a.e(),
        "\nName shown: ",
        a.n("full"),
        "\nIMAP server: ",
        x("host", prov),
        " port ",
        x("port", "993"),
        " SSL/TLS\nSMTP: ",
        x("host", prov.replace("imap", "smtp")),
        " port ",
        x("port", "465" if v else "587"),
        "\nPassword: ",
        sec(r, "app_password" if v != 2 else "password", "mail_password"),
        "\n",
    )
    if v == 1:
        d(
            "Error log: ",
            x("timestamp", gen.ts(r)),
            " AUTHENTICATE failed from ",
            P("ip", _ip(r), IP),
            "\n",
        )
    return d


@form(3)
def git_remote(r: Random, v: int) -> Doc:
    a = Who(r, r.choice(MIGR + HOST))
    user = gen.fold(a.given).lower().replace(" ", "") + gen.digits(r, 2)
    d = Doc()
    d(
        "git push asks for password every time, I set the remote like this, is it safe?\n\n```\n$ git remote -v\norigin  https://",
        S("url_credentials", f"{user}:{gen.secret(r, 'github')}", URLC),
        "@github.com/",
        x("repo", f"{user}/thesis-code"),
        ".git (fetch)\n",
        "$ git log -1\ncommit ",
        x("git_sha", gen.hexs(r, 40)),
        "\nAuthor: ",
        a.n("full"),
        " <",
        a.e(),
        ">\nDate:   ",
        x("date", "Sat Dec 5 22:14:09 2026 +0100"),
        "\n\n    fix ",
        x("issue_ref", f"#{r.randint(10, 400)}"),
        " merge conflict\n```\n",
    )
    if v:
        d(
            "also my ~/.npmrc has //registry.npmjs.org/:_authToken=",
            S("npm_token", "npm_" + gen.alnum(r, 36)),
            "\n",
        )
    return d


@form(3)
def docker_compose(r: Random, v: int) -> Doc:
    d = Doc()
    pw = gen.secret(r, "password")
    d(
        "Compose file for my side project (client in ",
        x("country", r.choice(["Canada", "Ireland", "Singapore"])),
        "):\n\n```yaml\nservices:\n  db:\n    image: ",
        x("image", f"postgres:{r.randint(13, 17)}.{r.randint(1, 5)}"),
        "\n    environment:\n      POSTGRES_PASSWORD: ",
        S("password", pw),
        "\n  app:\n    image: ",
        x("image", f"ghcr.io/acme/api:{gen.version(r)}"),
        "\n    environment:\n      DB_URL: postgresql://",
        S("url_credentials", f"postgres:{gen.secret(r, 'password').replace('#', '!')}", URLC),
        "@db:5432/app\n      OPENAI_API_KEY: ",
        sec(r, "openai"),
        '\n    ports:\n      - "',
        x("port", "8080:8080"),
        '"\n',
    )
    if v:
        a = Who(r, r.choice(MIGR))
        d('    labels:\n      maintainer: "', a.e(), '"\n')
    if v == 2:
        d("  redis:\n    command: redis-server --requirepass ", sec(r, "session", "password"), "\n")
    d("```\n")
    return d


@form(3)
def python_traceback(r: Random, v: int) -> Doc:
    a = Who(r, r.choice(MIGR + HOST))
    d = Doc()
    d(
        '```\nTraceback (most recent call last):\n  File "/home/',
        P("username", gen.fold(a.given).lower().split()[0], PER),
        '/proj/sync.py", line ',
        x("line_no", str(r.randint(20, 400))),
        ", in <module>\n",
    )
    if v == 0:
        d(
            '    engine = create_engine("mysql+pymysql://',
            S("url_credentials", f"root:{gen.secret(r, 'password').replace('#', '!')}", URLC),
            '@127.0.0.1/crm")\n',
        )
    else:
        d(
            '    send_mail(to="',
            a.e(),
            '", api_key="',
            sec(r, "sendgrid" if v == 1 else "google", "api_key"),
            '")\n',
        )
    d(
        "sqlalchemy.exc.OperationalError: (",
        x("error_code", "2003"),
        ', "Can\'t connect")\n```\nPython ',
        x("version", "3.11.7"),
        ", ran at ",
        x("timestamp", gen.ts(r)),
        ". what does this mean\n",
    )
    return d


@form(3)
def access_log(r: Random, v: int) -> Doc:
    d = Doc()
    d("Someone is hammering my login page, who is it? nginx log:\n\n")
    for _ in range(4 + v):
        ip = _ip(r) if r.random() < 0.85 else _ip6(r)
        d(
            P("ip", ip, IP),
            " - - [",
            x(
                "timestamp",
                f"06/Dec/2026:{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(10, 59)} +0000",
            ),
            '] "POST /login HTTP/1.1" ',
            x("status", r.choice(["401", "200", "429"])),
            " ",
            x("bytes", str(r.randint(200, 5000))),
            "\n",
        )
    a = Who(r, r.choice(MIGR + HOST))
    d(
        P("ip", _ip(r), IP),
        ' - - [06/Dec/2026:04:11:09 +0000] "GET /reset?email=',
        P("email", a.email.replace("@", "%40"), EM),
        "&token=",
        sec(r, "session", "reset_token"),
        ' HTTP/1.1" 302 0\n',
        x("ip_public", "8.8.8.8"),
        " resolver, ",
        x("ip_private", "10.0.3.17"),
        " upstream\n",
    )
    return d


@form(3)
def app_crash_json(r: Random, v: int) -> Doc:
    a = Who(r, r.choice(MIGR + HOST))
    d = Doc()
    d(
        'The app crashes on login. crash report:\n\n{\n  "app": "',
        x("product", r.choice(["LinguaPay", "RemitNow", "NomadBank"])),
        '",\n  "version": "',
        x("version", gen.version(r)),
        '",\n  "build": ',
        x("build_no", str(r.randint(1000, 9999))),
        ',\n  "device": "',
        x("device", r.choice(["Pixel 7", "SM-A536B", "iPhone14,5"])),
        '",\n  "user": {"name": "',
        a.n("full"),
        '", "email": "',
        a.e(),
        '", "phone": "',
        P("phone", a.phone.replace(" ", "").replace("-", ""), PH),
        '"},\n',
    )
    if v != 1:
        d('  "session": "', sec(r, "jwt", "session_token"), '",\n')
    else:
        d('  "cookie": "sid=', sec(r, "session", "session_cookie"), '",\n')
    d('  "crash_id": "', x("uuid", gen.uuid(r)), '",\n  "ts": "', x("timestamp", gen.ts(r)), '"')
    if v == 2:
        d(
            ',\n  "last_location": "',
            P("geo", f"{r.uniform(40, 55):.5f},{r.uniform(2, 30):.5f}", GEO),
            '"',
        )
    d("\n}\n")
    return d


@form(3)
def telegram_bot(r: Random, v: int) -> Doc:
    a = Who(r, r.choice(["ua", "ar", "tr", "in"]))
    d = Doc()
    d(
        "My telegram bot for our community (helps newcomers with Anmeldung) stopped answering.\n\n```python\nfrom telegram.ext import Application\n\n",
        'BOT_TOKEN = "',
        sec(r, "telegram", "bot_token"),
        '"\nADMINS = ["',
        P(
            "handle",
            "@"
            + gen.fold(a.given).lower()
            + "_"
            + gen.fold(a.family).lower().replace(" ", "").replace("-", ""),
            PER,
        ),
        '"]\nHELP_TEXT = "Запис в Bürgeramt: ',
        x("url", "https://service.berlin.de/terminvereinbarung/"),
        ". Питання — пишіть ",
        a.n("native" if a.native else "given"),
        ", ",
        a.ph(),
        '"\n\napp = Application.builder().token(BOT_TOKEN).build()\n```\n',
        "python-telegram-bot ",
        x("version", f"{r.randint(20, 21)}.{r.randint(0, 9)}"),
        "\n",
    )
    d(
        "Deployed on ",
        x("host", "fly.io"),
        " region ",
        x("region", "fra"),
        " at ",
        x("timestamp", gen.ts(r)),
        ", ",
        x("quantity", "412"),
        " users\n",
    )
    return d


@form(2)
def wifi_router(r: Random, v: int) -> Doc:
    d = Doc()
    d(
        "Vodafone station settings my landlord gave me, how do I change the wifi name?\n\nRouter: ",
        x("product", "Vodafone Station"),
        "\nAdmin: http://",
        x("ip_private", "192.168.0.1"),
        "\nLogin: admin / ",
        S("router_password", gen.alnum(r, 10, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789")),
        "\nWLAN: ",
        x("ssid", f"Vodafone-{gen.alnum(r, 4, 'ABCDEF0123456789')}"),
        "\nWPA key: ",
        S(
            "wifi_password",
            gen.digits(r, 4)
            + " "
            + gen.digits(r, 4)
            + " "
            + gen.digits(r, 4)
            + " "
            + gen.digits(r, 4),
        ),
        "\nFirmware ",
        x("version", f"{gen.version(r)}-SIP"),
        "\nSerial ",
        x("serial_no", gen.alnum(r, 12, "ABCDEF0123456789")),
        "\n",
    )
    if v:
        d("public IP shows ", P("ip", _ip(r), IP), " — can people find my flat with this?\n")
    return d


@form(3)
def password_export_csv(r: Random, v: int) -> Doc:
    a = Who(r, r.choice(MIGR + HOST))
    d = Doc()
    d(
        "I exported my passwords to move to another manager, which of these are weak?\n\nname,url,username,password\n"
    )
    sites = [("Wise", "wise.com"), ("Upwork", "upwork.com"), ("Diia", "diia.gov.ua"), ("e-Devlet", "turkiye.gov.tr"),
             ("DigiLocker", "digilocker.gov.in"), ("Booking", "booking.com"), ("Elster", "elster.de"), ("Gmail", "google.com")]  # fmt: skip
    r.shuffle(sites)
    for i, (nm, url) in enumerate(sites[: 4 + v]):
        fam = gen.fold(a.family).lower().replace(" ", "").replace("-", "").replace("'", "")
        login = a.e() if i == 0 else P("email", f"{fam}.{i}{r.randint(1, 9)}@proton.me", EM)
        d(
            x("site", nm),
            ",https://",
            x("domain", url),
            ",",
            login,
            ",",
            S("password", gen.secret(r, "password")),
            "\n",
        )
    return d


@form(2)
def ssh_key_help(r: Random, v: int) -> Doc:
    a = Who(r, r.choice(MIGR + HOST))
    d = Doc()
    d(
        "The server of my client in ",
        x("city", r.choice(["Toronto", "Dubai", "Amsterdam"])),
        " refuses my key. This is the key I generated:\n\n",
        sec(r, "pem", "private_key"),
        "\n\nfingerprint ",
        x("fingerprint", "SHA256:" + gen.alnum(r, 43)),
        "\n",
    )
    if v:
        d(
            "ssh ",
            P(
                "username",
                gen.fold(a.family).lower().replace(" ", "").replace("-", "").replace("'", ""),
                PER,
            ),
            "@",
            x("ip_server", f"203.0.113.{r.randint(2, 250)}"),
            " -p ",
            x("port", "2222"),
            "\n",
        )
    return d


@form(3)
def sql_dump(r: Random, v: int) -> Doc:
    d = Doc()
    d(
        "Help me write a query that finds duplicate customers (same person, different spelling):\n\n```sql\nINSERT INTO customers (id, full_name, email, phone, iban, country) VALUES\n"
    )
    base = Who(r, r.choice(["ua", "ar"]))
    rows = [
        (base.full, base.email),
        (
            base.alt or base.full.upper(),
            f"{gen.fold(base.family).lower().replace(' ', '').replace('-', '')}{r.randint(1, 99)}@gmail.com",
        ),
    ]
    for _ in range(2 + v):
        w = Who(r, r.choice(MIGR + HOST))
        rows.append((w.full, w.email))
    for i, (nm, em) in enumerate(rows):
        w = Who(r, r.choice(HOST))
        d(
            "  (",
            x("row_id", str(1000 + i * 7 + r.randint(0, 6))),
            ", '",
            P("person", nm, PER),
            "', '",
            P("email", em, EM),
            "', '",
            P("phone", w.phone, PH),
            "', '",
            P("iban", w.iban, IB),
            "', '",
            x("country_code", w.loc.upper()),
            "')",
            ",\n" if i < len(rows) - 1 else ";\n",
        )
    d("```\n")
    return d


@form(3)
def gps_export(r: Random, v: int) -> Doc:
    a = Who(r, r.choice(MIGR + HOST))
    d = Doc()
    lat, lon = r.uniform(41, 53), r.uniform(2, 31)
    d(
        "This is the export from my kid's GPS watch, plot it on a map please. Owner: ",
        a.n("full"),
        ", ",
        a.ph(),
        "\n\n",
        "time,lat,lon,battery\n",
    )
    day, minute = f"2026-{r.randint(1, 11):02d}-{r.randint(10, 28)}", r.randint(420, 900)
    battery = r.randint(70, 100)
    for _ in range(4 + v):
        lat += r.uniform(-0.004, 0.004)
        lon += r.uniform(-0.004, 0.004)
        minute += r.randint(3, 25)
        battery -= r.randint(1, 4)
        d(
            x("timestamp", f"{day}T{minute // 60:02d}:{minute % 60:02d}:{r.randint(0, 59):02d}Z"),
            ",",
            P("geo", f"{lat:.6f},{lon:.6f}", GEO),
            ",",
            x("percent", f"{battery}%"),
            "\n",
        )
    pl, name = r.choice(gen.PUBLIC_PLACES)
    d("\n(for comparison ", x("place", name), " is at ", x("public_geo", pl), ")\n")
    return d


@form(2)
def ride_chat(r: Random, v: int) -> Doc:
    a = Who(r, r.choice(["tr", "ar", "in", "ng", "br"]))
    drv = Who(r, a.loc)
    pl, name = r.choice(gen.PUBLIC_PLACES)
    la, lo = (float(c) for c in pl.split(", "))
    d = Doc()
    d(
        "Translate this taxi chat to English:\n\n",
        drv.n("given"),
        ": ",
        {
            "tr": "Abla neredesiniz? Konum atar mısınız",
            "ar": "وينك؟ ابعتيلي اللوكيشن",
            "in": "Madam location bhejiye please",
            "ng": "Ma where you dey? send location",
            "br": "Oi, cadê você? manda a localização",
        }[a.loc],
        "\n",
        a.n("given"),
        ": ",
        P("geo", f"{la + r.uniform(-0.01, 0.01):.5f}, {lo + r.uniform(-0.01, 0.01):.5f}", GEO),
        "\n",
        drv.n("given"),
        ": ",
        "Tamam, plaka " if a.loc == "tr" else "ok white Toyota, plate ",
        drv.lp(),
        "\n",
        a.n("given"),
        ": ",
        "not at ",
        x("place", name),
        " (",
        x("public_geo", pl),
        "), the back gate\n",
    )
    if v:
        d(drv.n("given"), ": my number ", drv.ph(True), "\n")
    d(
        drv.n("given"),
        ": ",
        x("price", gen.price(r, r.choice(["TRY", "EGP", "INR", "NGN", "BRL"]))),
        " ok? arriving ",
        x("time", f"{r.randint(1, 23):02d}:{r.randint(10, 59)}"),
        "\n",
    )
    return d
