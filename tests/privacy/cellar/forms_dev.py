"""Code, configuration, payloads, shells and logs."""

# ruff: noqa: E501  (prose templates read best unbroken)

from __future__ import annotations

from . import ids as I  # noqa: N812
from . import people as P  # noqa: N812
from . import secrets_ as S  # noqa: N812
from . import traps as X  # noqa: N812
from .build import B, T, V


def json_payload(b: B) -> None:
    """A JSON API payload, pretty-printed, with nested contact and geo fields."""
    r = b.r
    v = b.variant(3)
    p = P.anyone(r)
    loc = ("de", "es", "it")[v]
    lat, lon = P.latlon(r)
    b.add(
        '{\n  "id": "',
        X.uid(r),
        '",\n  "createdAt": "',
        X.stamp(r),
        '",\n  "customer": {\n    "name": "',
        P.name(p),
        '",\n',
    )
    b.add('    "email": "', P.email(r, p), '",\n    "phone": "', P.phone(r, loc), '",\n')
    b.add('    "birthDate": "', V("dob", I.dob_date(r).isoformat(), I.DOB), '",\n')
    b.add('    "address": {"line": "', P.address(r, loc), '"},\n')
    b.add(
        '    "location": {"lat": ',
        V("geo", str(lat), P.GEO),
        ', "lng": ',
        V("geo", str(lon), P.GEO),
        "}\n  },\n",
    )
    b.add('  "items": [\n')
    for i in range(r.randint(1, 5)):
        b.add(
            '    {"sku": "',
            X.sku(r),
            '", "qty": ',
            T("quantity", str(r.randint(1, 9))),
            ', "price": "',
            X.price(r),
            '"}',
            ",\n" if i < 4 else "\n",
        )
    b.add(
        '    {"sku": "',
        X.sku(r),
        '", "qty": 1}\n  ],\n  "payment": {"method": "card", "last4": "',
        T("card_last4", I.digits(r, 4)),
        '"},\n',
    )
    b.add(
        '  "meta": {"version": "',
        X.version(r),
        '", "trace": "',
        X.sha256(r),
        '", "color": "',
        X.colour(r),
        '"}\n}\n',
    )


def yaml_config(b: B) -> None:
    """A service's YAML config with real credentials and environment look-ups."""
    r = b.r
    v = b.variant(3)
    owner = P.anyone(r)
    b.add(
        "# config for ",
        T("service", r.choice(["billing-api", "notifier", "crm-sync"])),
        " – maintained by ",
        P.name(owner),
        " <",
        P.email(r, owner),
        ">\n",
    )
    b.add("version: ", X.version(r), "\nimage: registry.example.com/app@", X.digest(r), "\n")
    b.add(
        "database:\n  url: ",
        S.conn(r, P.ascii_fold(owner.first) or "svc"),
        "\n  pool: ",
        T("quantity", str(r.randint(5, 50))),
        "\n",
    )
    b.add("cache:\n  password: ", X.env_lookup(r), "\n")
    b.add(
        "notifications:\n  slack: ",
        S.slack_hook(r) if v != 1 else S.discord_hook(r),
        "\n  fallback_token: ",
        X.placeholder(r),
        "\n",
    )
    b.add("payments:\n  stripe_key: ", S.stripe(r), "\n  webhook_secret: ", X.env_lookup(r), "\n")
    if v == 2:
        b.add(
            "aws:\n  access_key_id: ",
            S.aws_key_id(r),
            "\n  secret_access_key: ",
            S.aws_secret(r),
            "\n  region: ",
            T("region", "eu-central-1"),
            "\n",
        )
    b.add("oncall:\n")
    for _ in range(r.randint(1, 3)):
        p = P.anyone(r)
        b.add(
            "  - name: ",
            P.name(p),
            '\n    phone: "',
            P.phone(r, r.choice(("de", "uk", "fr", "ie"))),
            '"\n',
        )


def env_file(b: B) -> None:
    """A .env file someone pasted while debugging."""
    r = b.r
    b.variant(1)
    b.add(
        "# .env.production  (last edit ",
        X.stamp(r),
        ")\nNODE_ENV=production\nPORT=",
        T("port", str(r.choice([3000, 8080, 8443]))),
        "\n",
    )
    b.add("DATABASE_URL=", S.conn(r, "app"), "\nREDIS_URL=", S.conn(r, "cache"), "\n")
    pairs = [
        ("OPENAI_API_KEY", S.openai),
        ("GITHUB_TOKEN", S.github),
        ("SENDGRID_API_KEY", S.sendgrid),
        ("TWILIO_API_KEY", S.twilio),
        ("NPM_TOKEN", S.npm),
        ("GOOGLE_MAPS_KEY", S.google),
        ("GITLAB_TOKEN", S.gitlab),
    ]
    for key, maker in r.sample(pairs, r.randint(3, 6)):
        b.add(key, "=", maker(r), "\n")
    b.add(
        "JWT_SECRET=",
        S.secret("password", S.rs(r, 32)),
        "\nSESSION_SECRET=",
        X.placeholder(r),
        "\n",
    )
    b.add(
        "BUILD_SHA=",
        X.sha(r),
        "\nFEATURE_FLAGS_ID=",
        X.uid(r),
        "\nADMIN_EMAIL=",
        P.email(r, P.anyone(r)),
        "\n",
    )


def python_script(b: B) -> None:
    """A Python script with hard-coded data and a secret from the environment."""
    r = b.r
    v = b.variant(3)
    p = P.anyone(r)
    b.add(
        '"""Sync contacts to the CRM. Author: ', P.name(p), '."""\nimport os\nimport requests\n\n'
    )
    b.add("API_KEY = ", X.env_lookup(r), "\n")
    if v == 1:
        b.add('FALLBACK_KEY = "', S.any_token(r), '"  # TODO remove before commit!!\n')
    b.add("BASE = 'https://api.example.org/v2'\nCOMMIT = '", X.sha(r), "'\n\n")
    b.add("CONTACTS = [\n")
    for _ in range(r.randint(2, 6)):
        q = P.anyone(r)
        loc = r.choice(("de", "es", "fr", "it", "uk"))
        b.add(
            '    {"name": "',
            P.name(q),
            '", "email": "',
            P.email(r, q),
            '", "tel": "',
            P.phone(r, loc),
            '"},\n',
        )
    b.add(
        ']\n\n\ndef push(contact: dict) -> None:\n    resp = requests.post(f"{BASE}/contacts", json=contact,\n'
        '                         headers={"Authorization": f"Bearer {API_KEY}"}, timeout=',
        T("measure", "30"),
        ")\n",
    )
    b.add("    assert resp.status_code == 201, resp.text  # see ", X.ticket(r), "\n\n\n")
    b.add(
        "if __name__ == '__main__':\n    for c in CONTACTS:\n        push(c)\n    print('done', ",
        X.maths(r),
        ")\n",
    )
    if v == 2:
        b.add("\n# test user: ", P.name(P.anyone(r), "lower"), " / ", S.password(r), "\n")


def js_snippet(b: B) -> None:
    """A JavaScript/TypeScript snippet with a form default and a JWT in a test."""
    r = b.r
    v = b.variant(2)
    p = P.anyone(r)
    b.add(
        "// ",
        T("file", r.choice(["src/api/client.ts", "lib/auth.js", "test/login.spec.ts"])),
        " @ ",
        X.sha(r, 7),
        "\n",
    )
    b.add(
        "const apiKey = ",
        X.env_lookup(r),
        ";\nconst theme = { primary: '",
        X.colour(r),
        "', accent: '",
        X.colour(r),
        "' };\n\n",
    )
    b.add(
        "const defaults = {\n  name: '",
        P.name(p),
        "',\n  email: '",
        P.email(r, p),
        "',\n  iban: '",
        I.iban(r, r.choice(list(I.IBAN_SHAPE))),
        "',\n};\n\n",
    )
    b.add("it('logs in', async () => {\n  const token = '", S.jwt(r, p.full), "';\n")
    b.add("  expect(await login(token)).toEqual({ id: '", X.uid(r), "' });\n});\n")
    if v == 1:
        b.add(
            '\n<script src="https://cdn.example.net/lib.min.js" integrity="',
            X.sri(r),
            '" crossorigin="anonymous"></script>\n',
        )
        b.add('<img src="', X.base64_blob(r), '" alt="logo">\n')


def sql_dump(b: B) -> None:
    """SQL INSERT statements from a dump."""
    r = b.r
    v = b.variant(2)
    b.add(
        "-- dump ",
        X.stamp(r),
        " server ",
        X.version(r),
        "\nINSERT INTO `users` (`id`,`uuid`,`name`,`email`,`ssn`,`dob`,`card`) VALUES\n"
        if v == 0
        else "\nINSERT INTO clienti (id, nome, cf, telefono, targa, creato) VALUES\n",
    )
    limit = r.randint(600, 2900)
    first = True
    while len(b) < limit:
        p = P.anyone(r)
        b.add("" if first else ",\n")
        first = False
        if v == 0:
            b.add(
                f"({r.randint(1, 99999)},'",
                X.uid(r),
                "','",
                P.name(p),
                "','",
                P.email(r, p),
                "','",
                I.ssn(r),
                "','",
                V("dob", I.dob_date(r).isoformat(), I.DOB),
                "','",
                I.card(r),
                "')",
            )
        else:
            b.add(
                f"({r.randint(1, 99999)}, '",
                P.name(p),
                "', '",
                I.codice_fiscale(r),
                "', '",
                P.phone(r, "it"),
                "', '",
                I.plate(r, "it"),
                "', '",
                X.stamp(r),
                "')",
            )
    b.add(";\n")


def access_log(b: B) -> None:
    """Web server access log lines with client addresses and query strings."""
    r = b.r
    b.variant(1)
    limit = r.randint(500, 2900)
    while len(b) < limit:
        ip = P.ipv4(r) if r.random() < 0.8 else P.ipv6(r)
        b.add(
            ip,
            " - - [",
            X.stamp(r),
            '] "GET /api/v1/orders/',
            X.order(r),
            "?email=",
            P.email(r, P.anyone(r)),
            ' HTTP/1.1" ',
            T("status", r.choice(["200", "404", "302"])),
            " ",
            T("bytes", str(r.randint(200, 90000))),
            "\n",
        )
        if r.random() < 0.3:
            b.add(
                T("non_personal_ip", "127.0.0.1"),
                " - - [",
                X.stamp(r),
                '] "GET /healthz HTTP/1.1" 200 2 "',
                X.version(r),
                '"\n',
            )


def app_log(b: B) -> None:
    """Application logs: JSON lines and a stack trace with user data."""
    r = b.r
    v = b.variant(2)
    limit = r.randint(600, 2900)
    while len(b) < limit:
        p = P.anyone(r)
        if v == 0:
            b.add(
                '{"ts":"',
                X.stamp(r),
                '","level":"warn","req":"',
                X.uid(r),
                '","user":"',
                P.email(r, p),
                '","ip":"',
                P.ipv4(r),
                '","msg":"payment declined for card ',
                I.card(r),
                '"}\n',
            )
        else:
            b.add(
                X.stamp(r),
                " ERROR [",
                X.pod(r),
                "] ValidationError: invalid postcode for '",
                P.name(p),
                "' at '",
                P.address(r, r.choice(("de", "fr", "es", "it", "uk"))),
                "' (trace ",
                X.sha(r, 16),
                ")\n",
            )
    b.add("  snmp ", X.oid(r), " screen ", X.resolution(r), "\n")
    b.add(
        "  at Object.<anonymous> (/srv/app/node_modules/core/index.js:",
        T("line", str(r.randint(10, 999))),
        ":",
        T("line", str(r.randint(1, 80))),
        ")\n",
    )


def shell_session(b: B) -> None:
    """A terminal session: git, curl with a token, ssh and a key dump."""
    r = b.r
    v = b.variant(3)
    user = P.anyone(r)
    handle = user.handle.split(".")[0][:8]
    host = r.choice(["laptop", "MacBook-Pro", "thinkpad", "ws-042"])
    login = V("username", handle, P.PERSON)
    rest = f"@{host}:~/src$ "
    b.add(login, f"@{host}:~/src$ ", "git log --oneline -3\n")
    for _ in range(3):
        b.add(
            X.sha(r, 7),
            " ",
            r.choice(["fix flaky test", "bump deps", "merge branch 'main'", "add retry"]),
            "\n",
        )
    b.add(login, rest, "git config user.email\n", P.email(r, user), "\n")
    b.add(
        login,
        rest,
        "curl -H 'Authorization: Bearer ",
        S.any_token(r),
        "' https://api.example.com/v1/me\n",
    )
    b.add('{"id":"', X.uid(r), '","name":"', P.name(user), '","plan":"pro"}\n')
    if v == 0:
        b.add(login, rest, "cat ~/.ssh/id_ed25519\n", S.private_key(r), "\n")
    elif v == 1:
        b.add(
            login,
            rest,
            "ssh ",
            T("word", "deploy"),
            "@",
            P.ipv4(r),
            " -p 2222\nLast login: ",
            X.stamp(r),
            " from ",
            P.ipv4(r),
            "\n",
        )
    else:
        b.add(
            login,
            rest,
            "export AWS_ACCESS_KEY_ID=",
            S.aws_key_id(r),
            "\n",
            login,
            rest,
            "export AWS_SECRET_ACCESS_KEY=",
            S.aws_secret(r),
            "\n",
        )
    b.add(
        login,
        rest,
        "docker pull app@",
        X.digest(r),
        "\n",
        login,
        rest,
        "echo $((",
        T("arithmetic", f"{r.randint(100, 99999)}*{r.randint(2, 999)}"),
        "))\n",
    )


def xml_record(b: B) -> None:
    """An XML record from an HR or health system."""
    r = b.r
    v = b.variant(3)
    loc = ("ch", "at", "be")[v]
    p = P.anyone(r)
    born = I.dob_date(r)
    ident = (I.ahv(r), I.svnr(r, born), I.be_nn(r, born))[v]
    b.add(
        '<?xml version="1.0" encoding="UTF-8"?>\n<person xmlns="urn:example:hr:',
        X.version(r),
        '" id="',
        X.uid(r),
        '">\n',
    )
    b.add(
        "  <givenName>",
        P.name(p, "first"),
        "</givenName>\n  <familyName>",
        P.name(p, "last"),
        "</familyName>\n",
    )
    b.add(
        "  <birthDate>",
        V("dob", born.isoformat(), I.DOB),
        "</birthDate>\n  <socialSecurityNumber>",
        ident,
        "</socialSecurityNumber>\n",
    )
    addr_loc = {"ch": "ch", "at": "at", "be": "fr"}[loc]
    b.add(
        "  <address>",
        P.address(r, addr_loc),
        '</address>\n  <phone type="mobile">',
        P.phone(r, addr_loc if addr_loc != "fr" else "fr"),
        "</phone>\n",
    )
    b.add(
        "  <bank><iban>", I.iban(r, {"ch": "CH", "at": "AT", "be": "BE"}[loc]), "</iban></bank>\n"
    )
    b.add(
        '  <manager ref="',
        T("employee_ref_code", f"ORG-{I.digits(r, 3)}"),
        '">',
        P.name(P.anyone(r)),
        "</manager>\n",
    )
    b.add(
        "  <modified>",
        X.stamp(r),
        "</modified>\n  <checksum>",
        X.sha256(r),
        "</checksum>\n</person>\n",
    )


def k8s_manifest(b: B) -> None:
    """A Kubernetes secret and deployment with base64 and plain values."""
    r = b.r
    b.variant(1)
    b.add(
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: ",
        T("service", "payments"),
        "\n  annotations:\n    owner: ",
        P.email(r, P.anyone(r)),
        "\n",
    )
    b.add("stringData:\n  STRIPE_KEY: ", S.stripe(r), "\n  DB_URL: ", S.conn(r, "payments"), "\n")
    b.add(
        "---\napiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n"
    )
    b.add(
        "          image: ghcr.io/acme/api@",
        X.digest(r),
        "\n          env:\n            - name: API_TOKEN\n              valueFrom: {secretKeyRef: {name: payments, key: STRIPE_KEY}}\n",
    )
    b.add(
        "          resources: {limits: {memory: ",
        T("measure", "512Mi"),
        "}}\n# pod ",
        X.pod(r),
        " restarted ",
        X.stamp(r),
        "\n",
    )


def docs_sample(b: B) -> None:
    """Documentation with placeholder credentials and masked examples, plus a real leak."""
    r = b.r
    v = b.variant(2)
    b.add(
        "## Quickstart\n\nSet your key (never commit it):\n\n```bash\nexport API_KEY=",
        X.placeholder(r),
        "\n```\n\n",
    )
    b.add(
        "Cards are shown masked, e.g. ",
        X.masked_card(r),
        ". Timestamps look like ",
        X.stamp(r),
        ".\n",
    )
    b.add(
        "Requires version ",
        X.version(r),
        " or later; see ",
        X.cve(r),
        " and ISBN ",
        X.isbn(r),
        ".\n\n",
    )
    b.add(
        "```python\nclient = Client(api_key=",
        X.env_lookup(r),
        ")\nclient.ping()  # returns ",
        X.uid(r),
        "\n```\n\n",
    )
    if v == 1:
        b.add(
            "> Maintainer note from ",
            P.name(P.anyone(r)),
            ": the staging key is ",
            S.any_token(r),
            " (will rotate)\n",
        )
    else:
        b.add(
            "Contact the maintainer ",
            P.name(P.anyone(r)),
            " (",
            P.email(r, P.anyone(r)),
            ") for access.\n",
        )


def git_patch(b: B) -> None:
    """A git diff that removes a leaked credential and adds a co-author."""
    r = b.r
    b.variant(1)
    a, c = P.anyone(r), P.anyone(r)
    b.add(
        "commit ",
        X.sha(r),
        "\nAuthor: ",
        P.name(a),
        " <",
        P.email(r, a),
        ">\nDate:   ",
        X.stamp(r),
        "\n\n    remove hard-coded key (",
        X.ticket(r),
        ")\n\n",
    )
    b.add("    Co-authored-by: ", P.name(c), " <", P.email(r, c), ">\n\n")
    b.add(
        "diff --git a/settings.py b/settings.py\nindex ",
        X.sha(r, 7),
        "..",
        X.sha(r, 7),
        " 100644\n--- a/settings.py\n+++ b/settings.py\n@@ -12,3 +12,3 @@\n",
    )
    b.add("-SLACK_WEBHOOK = '", S.slack_hook(r), "'\n+SLACK_WEBHOOK = ", X.env_lookup(r), "\n")
    b.add(
        "-SENTRY_DSN = 'https://",
        S.secret("sentry_key", S.rs(r, 32, "0123456789abcdef")),
        "@o",
        T("org_id", I.digits(r, 6)),
        ".ingest.sentry.io/",
        T("project_id", I.digits(r, 7)),
        "'\n",
    )
    b.add(" TIMEOUT = ", T("measure", str(r.randint(5, 60))), "\n")


def http_request(b: B) -> None:
    """A raw HTTP request copied from the browser's network tab."""
    r = b.r
    v = b.variant(2)
    p = P.anyone(r)
    b.add(
        "POST /api/checkout HTTP/2\nHost: shop.example.com\nUser-Agent: Mozilla/5.0 (X11; Linux x86_64) Firefox/",
        X.version(r),
        "\n",
    )
    b.add("Cookie: session=", S.secret("session_cookie", S.rs(r, 48)), "; theme=dark\n")
    b.add(
        "Authorization: Bearer ",
        S.jwt(r, p.full) if v else S.any_token(r),
        "\nX-Request-Id: ",
        X.uid(r),
        "\nX-Forwarded-For: ",
        P.ipv4(r),
        "\n\n",
    )
    b.add(
        '{"name":"',
        P.name(p),
        '","email":"',
        P.email(r, p),
        '","card":"',
        I.card(r),
        '","exp":"',
        T("card_expiry", f"{r.randint(1, 12):02d}/{r.randint(27, 31)}"),
        '","cart":"',
        X.sku(r),
        '"}\n',
    )


def geo_tracks(b: B) -> None:
    """GPS points from a fitness app or a fleet tracker."""
    r = b.r
    v = b.variant(3)
    p = P.anyone(r)
    if v == 0:
        b.add("time,lat,lon,ele,hr\n")
    elif v == 1:
        b.add("Fahrer: ", P.name(p), " · Fahrzeug ", I.plate(r, "de"), "\n")
    else:
        b.add(
            '<gpx creator="',
            X.brand(r),
            '"><trk><name>Run with ',
            P.name(p, "first"),
            "</name><trkseg>\n",
        )
    limit = r.randint(400, 1800)
    while len(b) < limit:
        lat, lon = P.latlon(r)
        if v == 0:
            b.add(
                X.stamp(r),
                ",",
                V("geo", str(lat), P.GEO),
                ",",
                V("geo", str(lon), P.GEO),
                ",",
                T("measure", str(r.randint(10, 900))),
                ",",
                T("measure", str(r.randint(90, 180))),
                "\n",
            )
        elif v == 1:
            b.add(
                X.stamp(r),
                "  Position ",
                P.geo_pair(r),
                "  ",
                T("measure", f"{r.randint(0, 130)} km/h"),
                "\n",
            )
        else:
            b.add(
                '  <trkpt lat="',
                V("geo", str(lat), P.GEO),
                '" lon="',
                V("geo", str(lon), P.GEO),
                '"><time>',
                X.stamp(r),
                "</time></trkpt>\n",
            )
    if v == 2:
        b.add("</trkseg></trk></gpx>\n")
    lat, lon = P.latlon(r)
    b.add("Shared map: https://www.google.com/maps/@", V("geo", f"{lat},{lon}", P.GEO), ",15z\n")
