"""Developer text: code, configuration, payloads, tables, shells and logs."""

from __future__ import annotations

from random import Random

from . import ids
from . import people as ppl
from . import places as geo
from . import secrets_ as sec
from . import traps as tr
from .build import Look, Page


def python_script(r: Random, v: int) -> Page:
    """A Python script with a hard-coded credential and fixtures."""
    a, b = ppl.people(r, 2)
    key_id, key = sec.aws_pair(r)
    p = Page()
    p.line("Why does this upload fail with AccessDenied?\n")
    p.line("```python")
    p.line("import os\nimport boto3\n")
    if v == 0:
        p.line('s3 = boto3.client("s3", aws_access_key_id="', key_id, '",')
        p.line('                  aws_secret_access_key="', key, '")')
    else:
        p.line('s3 = boto3.client("s3", aws_secret_access_key=', tr.env(r, "py"), ")")
        p.line('SLACK = "', sec.webhook(r), '"  # TODO move to vault')
    p.line('BUCKET = os.environ.get("BUCKET", "reports-eu-central-1")')
    p.line("USERS = [")
    for who in (a, b):
        p.line('    {"name": "', who.full(), '", "email": "', ppl.email(r, who), '"},')
    p.line("]")
    p.line('CHECKSUM = "', tr.sha256(r), '"  # build ', tr.short_sha(r))
    p.line("print(", tr.maths(r, expr_only=True), ")")
    p.line("```")
    return p


def js_module(r: Random, v: int) -> Page:
    """A Node module with an API key in it."""
    who = ppl.person(r)
    p = Page()
    p.line("Refactor this to use async/await:\n")
    p.line("```js")
    p.line('const stripe = require("stripe")(', tr.env(r, "js") if v else sec.api_token(r, 0), ");")
    p.line(
        "// ^ key pasted by ",
        who.full(),
        " (",
        ppl.email(r, who),
        "), rotate after ",
        tr.plain_date(r, 1),
    )
    p.line("const theme = { primary: '", tr.colour(r), "', accent: '", tr.colour(r), "' };")
    p.line('const hook = "', sec.webhook(r), '";')
    p.line("function notify(order) {")
    p.line(
        "  return fetch(hook, { method: 'POST', "
        "body: JSON.stringify({ text: `order ${order.id}` }) })"
    )
    p.line("    .then(res => res.json()).catch(e => console.error('", tr.error_code(r), "', e));")
    p.line("}")
    p.line("notify({ id: '", tr.order(r), "' }); // build ", tr.version(r))
    p.line("```")
    return p


def dotenv(r: Random, v: int) -> Page:
    """A .env file pasted for review."""
    who = ppl.person(r)
    p = Page()
    p.line("Is anything in this .env dangerous to commit?\n")
    p.line("# owner: ", who.full(), " <", ppl.email(r, who, work="acme-cloud.eu"), ">")
    p.line("DATABASE_URL=", sec.conn_string(r))
    p.line("REDIS_URL=", sec.conn_string(r) if v else tr.env(r, "sh"))
    p.line("OPENAI_API_KEY=", sec.api_token(r))
    p.line("SENTRY_DSN=", tr.placeholder(r))
    p.line("STRIPE_WEBHOOK_SECRET=", tr.placeholder(r))
    p.line("GITHUB_TOKEN=", sec.github(r))
    p.line("APP_VERSION=", tr.version(r), "\nPORT=", tr.port(r), "\nBRAND_COLOR=", tr.colour(r))
    p.line("AZURE_STORAGE=", sec.azure_conn(r))
    return p


def shell_session(r: Random, v: int) -> Page:
    """A terminal session with git, curl and ssh."""
    a, b = ppl.people(r, 2)
    p = Page()
    p.line("What went wrong here?\n")
    p.line("$ git log --oneline -3")
    for _ in range(3):
        p.line(
            tr.short_sha(r),
            " ",
            r.choice(("fix retry loop", "bump deps", "add export", "refactor auth")),
        )
    p.line("$ git show --stat HEAD | head -3")
    p.line("commit ", tr.sha(r))
    p.line("Author: ", a.full(), " <", ppl.email(r, a), ">")
    p.line("Date:   ", tr.timestamp(r))
    p.line("$ export GITHUB_TOKEN=", sec.github(r))
    p.line(
        "$ curl -s -H 'Authorization: Bearer ",
        sec.jwt(r, ppl.email(r, b).text),
        "' https://api.internal/v2/users/",
        tr.uuid(r),
    )
    p.line('{"error":"token expired","code":', Look("status", "401"), "}")
    p.line("$ ssh deploy@", geo.ip(r) if v else tr.loopback(r), " -p 2222")
    p.line("Last login: ", tr.timestamp(r), " from ", geo.ip(r))
    return p


def nginx_log(r: Random, v: int) -> Page:
    """Web-server access log lines."""
    p = Page()
    p.line("Are these requests an attack? Explain:\n")
    for _ in range(6):
        who = ppl.person(r)
        p.add(geo.ip(r), " - - [", tr.timestamp(r), '] "GET /api/v1/')
        kind = r.randrange(3)
        if kind == 0:
            p.add("users/", tr.uuid(r), "/avatar")
        elif kind == 1:
            p.add("newsletter?email=", ppl.email(r, who))
        else:
            p.add("orders/", Look("order", tr.order(r).text.strip("#")))
        p.line(
            ' HTTP/1.1" ',
            tr.status(r),
            " ",
            Look("measure", str(r.randint(200, 90000))),
            ' "-" "Mozilla/5.0"',
        )
    return p


def json_logs(r: Random, v: int) -> Page:
    """Structured application logs."""
    p = Page()
    p.line("Summarise the errors in these logs:\n")
    for _ in range(5):
        who = ppl.person(r)
        p.add(
            '{"ts":"',
            tr.timestamp(r),
            '","level":"',
            r.choice(("INFO", "WARN", "ERROR")),
            '","trace_id":"',
            tr.sha256(r) if v else tr.uuid(r),
            '","user":"',
            ppl.email(r, who),
            '","ip":"',
            geo.ip(r),
            '"',
        )
        if r.random() < 0.4:
            p.add(',"msg":"login failed for ', who.full(), '"')
        else:
            p.add(',"msg":"', tr.error_code(r), '","latency":"', tr.size(r, "ms"), '"')
        p.line("}")
    return p


def traceback_locals(r: Random, v: int) -> Page:
    """A Python traceback that printed local variables."""
    who = ppl.person(r)
    p = Page()
    p.line("Fix this bug please:\n")
    p.line("Traceback (most recent call last):")
    p.line(
        '  File "/srv/app/billing/charge.py", line ',
        Look("line", str(r.randint(10, 400))),
        ", in charge",
    )
    p.line(
        "    customer = {'name': '",
        who.full(),
        "', 'email': '",
        ppl.email(r, who),
        "', 'card': '",
        ids.card(r),
        "'}",
    )
    p.line("    amount = ", Look("amount", f"{r.randint(5, 999)}.{r.randint(0, 99):02d}"))
    p.line(
        '  File "/srv/app/.venv/lib/python3.12/site-packages/stripe/api.py", line ',
        Look("line", "218"),
        ", in request",
    )
    p.line(
        "stripe.error.AuthenticationError: Invalid API Key provided: ",
        sec.api_token(r) if v else tr.placeholder(r),
    )
    p.line("request_id=", tr.uuid(r), " release=", tr.version(r))
    return p


def sql_dump(r: Random, v: int) -> Page:
    """SQL insert statements from a dump."""
    p = Page()
    p.line("Convert these INSERTs to a CSV:\n")
    p.line("INSERT INTO customers (id, full_name, email, phone, dob, iban, created_at) VALUES")
    rows = 4
    for i in range(rows):
        who = ppl.person(r)
        loc = r.choice(("de", "es", "fr", "it"))
        born = ids.birth_date(r)
        p.add(
            "  (",
            Look("row_id", str(r.randint(1000, 99999))),
            ", '",
            who.full(),
            "', '",
            ppl.email(r, who, loc),
            "', '",
            ppl.phone(r, loc),
            "', '",
            ids.dob_val(born, "iso"),
            "', '",
            ids.iban(r, loc.upper(), False),
            "', '",
            tr.timestamp(r),
            "')",
        )
        p.line("," if i < rows - 1 else ";")
    return p


def git_diff(r: Random, v: int) -> Page:
    """A diff that moves a secret into the environment."""
    who = ppl.person(r)
    p = Page()
    p.line("Review this diff:\n")
    p.line("diff --git a/config/settings.py b/config/settings.py")
    p.line("index ", tr.short_sha(r), "..", tr.short_sha(r), " 100644")
    p.line("@@ -12,7 +12,7 @@")
    p.line('-DB_URL = "', sec.conn_string(r), '"')
    p.line("+DB_URL = ", tr.env(r, "py"))
    p.line('-SMTP_PASSWORD = "', sec.pw(r), '"')
    p.line("+SMTP_PASSWORD = ", tr.env(r, "py"))
    p.line(' ADMINS = [("', who.full(), '", "', ppl.email(r, who), '")]')
    p.line(" THEME = '", tr.colour(r), "'  # ", tr.ticket(r))
    p.line("\nReview: LGTM once the env var is set — ", who.initials())
    return p


def bug_report(r: Random, v: int) -> Page:
    """An issue report with environment details."""
    rep, cust = ppl.people(r, 2)
    p = Page()
    p.line("Turn this into a proper bug ticket:\n")
    p.add(tr.ticket(r), " reported by ", rep.lower_full() if v else rep.full(), "\n")
    p.add(
        "Customer ",
        cust.full(),
        " (",
        ppl.email(r, cust),
        ", account ",
        ids.member_no(r, "customer_no", "C99999999"),
        ") can't checkout since ",
        tr.version(r),
        ". Her IP was ",
        geo.ip(r),
        ".\n",
    )
    p.add(
        "Steps: add ",
        tr.sku(r),
        " (EAN ",
        tr.ean(r),
        "), pay with ",
        ids.card(r),
        " → ",
        tr.error_code(r),
        "\n",
    )
    p.add(
        "Browser: Chrome ",
        Look("version", f"{r.randint(110, 131)}.0.{r.randint(1000, 6999)}.{r.randint(10, 200)}"),
        ", screen ",
        Look("measure", "1920x1080"),
        ", build ",
        tr.sha(r),
        "\n",
    )
    return p


def ssh_question(r: Random, v: int) -> Page:
    """A question that pastes a private key."""
    who = ppl.person(r)
    p = Page()
    p.line("ssh keeps saying 'invalid format' for this key, what's wrong?\n")
    p.line(sec.private_key(r))
    p.line("\nmy ~/.ssh/config:")
    p.line(
        "Host prod\n  HostName ",
        geo.ipv4(r),
        "\n  User ",
        who.lower() if v else Look("user", "deploy"),
        "\n  Port ",
        tr.port(r),
    )
    p.line(
        "\nkey fingerprint SHA256:",
        Look(
            "fingerprint",
            "".join(
                r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
                for _ in range(43)
            ),
        ),
    )
    return p


def compose_yaml(r: Random, v: int) -> Page:
    """A docker-compose or CI YAML file."""
    who = ppl.person(r)
    p = Page()
    p.line("Why won't the worker connect to the broker?\n")
    p.line("# maintainer: ", who.full(), " <", ppl.email(r, who, work="example-shop.de"), ">")
    p.line("services:\n  db:\n    image: ", tr.image(r))
    p.line("    environment:\n      POSTGRES_PASSWORD: ", sec.pw(r) if v else tr.env(r, "sh"))
    p.line("  worker:\n    image: ", tr.image(r))
    p.line("    environment:\n      BROKER_URL: ", sec.conn_string(r))
    p.line("      API_KEY: ", sec.api_token(r))
    p.line("      DEPLOY_TOKEN: ", tr.env(r, "yaml"))
    p.line("    ports: ['", tr.port(r), ":8080']")
    return p


def k8s_secret(r: Random, v: int) -> Page:
    """A Kubernetes secret manifest with a token."""
    who = ppl.person(r)
    p = Page()
    p.line("Is this manifest valid?\n")
    p.line("apiVersion: v1\nkind: Secret\nmetadata:\n  name: payments-", tr.short_sha(r))
    p.line("  annotations:\n    owner: ", ppl.email(r, who, work="corp.example.it"))
    p.line("stringData:\n  PROVIDER_KEY: ", sec.api_token(r))
    p.line("  JWT_SIGNING: ", sec.jwt(r, who.handle))
    p.line("  PLACEHOLDER: ", tr.placeholder(r))
    p.line("  checksum: ", tr.sha256(r))
    return p


FORMS = (
    (python_script, 2),
    (js_module, 2),
    (dotenv, 2),
    (shell_session, 2),
    (nginx_log, 1),
    (json_logs, 2),
    (traceback_locals, 2),
    (sql_dump, 1),
    (git_diff, 1),
    (bug_report, 2),
    (ssh_question, 2),
    (compose_yaml, 2),
    (k8s_secret, 1),
)
