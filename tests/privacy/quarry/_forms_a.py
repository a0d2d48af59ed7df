# ruff: noqa: E501
"""Forms: logs, traces, configuration, code, CI."""

from __future__ import annotations

from collections.abc import Callable
from random import Random

from ._base import (
    AD,
    B64,
    CC,
    DOB,
    EM,
    HEX,
    IB,
    IDN,
    IP,
    LATIN,
    PH,
    PN,
    SEC,
    UC,
    WORKDOM,
    D,
    X,
    address,
    card,
    dg,
    dob_date,
    email,
    fmt_date,
    iban,
    ipv4,
    ipv6,
    iso,
    password,
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

FORMS: list[tuple[str, int, int, Callable[[Random, D, int], None]]] = []


def form(
    n: int, variants: int
) -> Callable[[Callable[[Random, D, int], None]], Callable[[Random, D, int], None]]:
    def deco(fn: Callable[[Random, D, int], None]) -> Callable[[Random, D, int], None]:
        FORMS.append((fn.__name__, n, variants, fn))
        return fn

    return deco


CC_OF = {
    "de": "DE",
    "fr": "FR",
    "es": "ES",
    "it": "IT",
    "nl": "NL",
    "pl": "PL",
    "uk": "GB",
    "se": "SE",
    "br": "PT",
    "us": "DE",
    "in": "GB",
}


@form(5, 3)
def app_log_json(r: Random, d: D, v: int) -> None:
    loc = r.choice(LATIN)
    svc = r.choice(["checkout", "auth-svc", "billing-api", "notifications", "profile-service"])
    t = ts(r)
    for i, w in enumerate(people(r, loc, r.randint(3, 5))):
        t = t.replace(second=(t.second + r.randint(1, 9)) % 60)
        em, ip = EM(email(r, w)), IP(ipv4(r) if r.random() < 0.8 else ipv6(r))
        tr = X("trace_id", sha(r, 32))
        lvl = r.choice(["INFO", "INFO", "WARN", "ERROR"])
        ms = X("duration", f"{r.randint(4, 900)}")
        if v == 0:
            d.f(
                '{"ts":"{t}","level":"{l}","service":"{s}","trace_id":"{tr}","msg":"{m}","user":{"email":"{em}","ip":"{ip}"},"latency_ms":{ms}}\n',
                t=X("timestamp", iso(t)),
                l=lvl,
                s=svc,
                tr=tr,
                m=r.choice(
                    ["login ok", "password reset requested", "payment declined", "profile updated"]
                ),
                em=em,
                ip=ip,
                ms=ms,
            )
        elif v == 1:
            d.f(
                "time={t} level={l} svc={s} request_id={rq} remote_addr={ip} user_email={em} status={st} dur={ms}ms\n",
                t=X("timestamp", iso(t, False)),
                l=lvl.lower(),
                s=svc,
                rq=X("request_id", uuid4(r)),
                ip=ip,
                em=em,
                st=r.choice(["200", "401", "500"]),
                ms=ms,
            )
        else:
            nm = PN(w.full if r.random() < 0.7 else w.full.lower())
            d.f(
                "{t} {l} [{s}] [{tr}] Updated profile for {nm} <{em}> from {ip} (took {ms} ms)\n",
                t=X("timestamp", t.strftime("%Y-%m-%d %H:%M:%S,") + f"{i * 137 % 1000:03d}"),
                l=lvl,
                s=svc,
                tr=tr,
                nm=nm,
                em=em,
                ip=ip,
                ms=ms,
            )
        if i == 1 and r.random() < 0.5:
            d.f(
                "{t} DEBUG [{s}] cache hit key=session:{k} ttl=3600 pod={p}\n",
                t=iso(t),
                s=svc,
                k=X("uuid", uuid4(r)),
                p=X("pod", podname(r, svc)),
            )


@form(6, 3)
def nginx_access(r: Random, d: D, v: int) -> None:
    loc = r.choice(LATIN)
    ua = [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
        "curl/8.5.0",
        "okhttp/4.12.0",
    ]
    if v == 2:
        d.ln("$ tail -n 6 /var/log/nginx/access.log | grep -v healthz")
    for _ in range(r.randint(4, 7)):
        t = ts(r)
        ip = IP(ipv4(r))
        path_kind = r.randrange(4)
        w = who(r, loc)
        d.f('{ip} - - [{t}] "', ip=ip, t=X("timestamp", t.strftime("%d/%b/%Y:%H:%M:%S +0000")))
        if path_kind == 0:
            d.f(
                "GET /api/v2/users/search?email={em}&page=1 HTTP/1.1",
                em=EM(email(r, w).replace("@", "%40")),
            )
        elif path_kind == 1:
            d.f("POST /api/v1/orders/{o}/confirm HTTP/2.0", o=X("uuid", uuid4(r)))
        elif path_kind == 2:
            d.f("GET /static/js/main.{h}.js HTTP/1.1", h=X("asset_hash", sha(r, 8)))
        else:
            d.f(
                "GET /reset-password?token={tk}&u={em} HTTP/1.1",
                tk=SEC(
                    "reset_token",
                    rs(r, 43, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
                ),
                em=EM(email(r, w)),
            )
        d.f(
            '" {st} {b} "-" "{ua}" rt={rt}\n',
            st=r.choice(["200", "200", "302", "404"]),
            b=X("bytes", str(r.randint(200, 90000))),
            ua=r.choice(ua),
            rt=X("duration", f"0.{dg(r, 3)}"),
        )


@form(6, 3)
def python_traceback(r: Random, d: D, v: int) -> None:
    loc = r.choice(LATIN)
    w = who(r, loc)
    d.ln("Traceback (most recent call last):")
    ln1, ln2 = r.randint(40, 400), r.randint(10, 200)
    d.f(
        '  File "/srv/app/{m}.py", line {a}, in handle\n    result = process(payload)\n',
        m=r.choice(["billing/tasks", "api/views", "etl/load"]),
        a=ln1,
    )
    d.f(
        '  File "/srv/app/.venv/lib/python3.11/site-packages/pydantic/main.py", line {b}, in __init__\n',
        b=ln2,
    )
    if v == 0:
        d.f(
            "pydantic_core._pydantic_core.ValidationError: 1 validation error for Customer\nphone\n  String should match pattern '^\\+?[0-9 ]+$' [type=string_pattern_mismatch, input_value='{ph}x', input_type=str]\n",
            ph=PH(phone(r, loc)),
        )
        d.f(
            "    For further information visit https://errors.pydantic.dev/{vv}/v/string_pattern_mismatch\n",
            vv=X("version", f"2.{r.randint(5, 11)}"),
        )
        d.f(
            "\nthe payload was {'name': '{n}', 'email': '{e}', 'dob': '{b}'}\n",
            n=PN(w.full),
            e=EM(email(r, w)),
            b=DOB(dob_date(r).isoformat()),
        )
    elif v == 1:
        c = card(r)
        d.f(
            "stripe.error.CardError: Request {rq}: Your card was declined.\n\nlocals at frame: customer_email='{e}' card_number='{c}' exp='{m}/{y}' amount={a}\n",
            rq=X("request_id", "req_" + rs(r, 14)),
            e=EM(email(r, w)),
            c=CC(c),
            m=f"{r.randint(1, 12):02d}",
            y=str(r.randint(27, 31)),
            a=X("amount", f"{r.randint(5, 400)}.{dg(r, 2)}"),
        )
        d.ln("any idea why the local test card path goes to live stripe?")
    else:
        pw = password(r)
        d.f(
            'psycopg2.OperationalError: connection to server at "{h}" ({ip}), port {p} failed: FATAL:  password authentication failed for user "{u}"\n',
            h=X("hostname", f"db-{r.choice(['prod', 'staging'])}-0{r.randint(1, 4)}.internal"),
            ip=X("private_ip", f"10.{r.randint(0, 40)}.{r.randint(0, 255)}.{r.randint(2, 250)}"),
            p=X("port", "5432"),
            u="svc_reporting",
        )
        d.f(
            "\nDSN used: postgresql://{pw}@db-primary:5432/analytics?sslmode=require\n",
            pw=UC("svc_reporting:" + pw),
        )


@form(5, 2)
def java_stacktrace(r: Random, d: D, v: int) -> None:
    loc = r.choice(LATIN)
    w = who(r, loc)
    t = ts(r)
    cid = IDN("customer_id", f"{r.choice(['C', 'CUST-', 'K'])}{dg(r, 8)}")
    d.f(
        "{t} ERROR 1 --- [nio-8080-exec-{n}] c.a.crm.web.CustomerController : Request processing failed\n",
        t=X("timestamp", t.strftime("%Y-%m-%d %H:%M:%S.") + dg(r, 3)),
        n=r.randint(1, 9),
    )
    if v == 0:
        d.f(
            "org.springframework.dao.DataIntegrityViolationException: could not execute statement; SQL [n/a]; constraint [uk_customer_email]; Duplicate entry '{e}' for key 'uk_customer_email'\n",
            e=EM(email(r, w)),
        )
    else:
        d.f(
            "java.lang.IllegalStateException: Customer {c} ({n}) has no billing address; iban={ib}\n",
            c=cid,
            n=PN(w.full),
            ib=IB(iban(r, CC_OF.get(loc, "DE"), spaced=False)),
        )
    for fr in [
        "com.acme.crm.service.CustomerService.save(CustomerService.java:{a})",
        "com.acme.crm.web.CustomerController.update(CustomerController.java:{b})",
        "org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:{c})",
        "java.base/java.lang.Thread.run(Thread.java:{e})",
    ]:
        d.f(
            "\tat " + fr + "\n",
            a=r.randint(20, 300),
            b=r.randint(20, 300),
            c=X("line", str(r.randint(800, 1100))),
            e=str(r.randint(800, 1600)),
        )
    d.f(
        "Caused by: java.sql.SQLIntegrityConstraintViolationException: ... 42 more\n\nhappened for {c} again, user is {n} — can someone check {tk}?\n",
        c=cid,
        n=PN(w.first),
        tk=X("ticket", f"CRM-{r.randint(1000, 9999)}"),
    )


@form(7, 3)
def dotenv(r: Random, d: D, v: int) -> None:
    d.f(
        "# {a}\n",
        a=r.choice(
            [
                "copy of .env from the staging box, why does the worker not start?",
                ".env.production (don't commit!!)",
                "env for local dev",
            ]
        ),
    )
    d.f(
        "NODE_ENV={e}\nPORT={p}\nLOG_LEVEL=debug\n",
        e=r.choice(["production", "staging"]),
        p=X("port", str(r.choice([3000, 8080, 8000, 5000]))),
    )
    host = r.choice(
        ["db.internal", "pg-main.cluster-cxy.eu-central-1.rds.amazonaws.com", "localhost"]
    )
    u = r.choice(["app", "postgres", "admin", "svc_api"])
    d.f(
        "DATABASE_URL=postgres://{uc}@{h}:5432/{db}\n",
        uc=UC(f"{u}:{password(r)}"),
        h=X("hostname", host) if host != "localhost" else host,
        db=r.choice(["app", "shop_prod"]),
    )
    d.f("REDIS_URL=redis://{rh}:6379/0\n", rh=X("hostname", "redis-master.cache.svc.cluster.local"))
    kinds = r.sample(
        [
            "aws_key",
            "stripe",
            "openai",
            "sendgrid",
            "github",
            "slack",
            "google",
            "twilio",
            "mailgun",
            "anthropic",
            "hf",
            "whsec",
        ],
        r.randint(2, 4),
    )
    for k in kinds:
        slot, val, var = secret(r, k)
        q = '"' if v == 1 else ""
        d.f("{var}={q}{s}{q}\n", var=var, q=q, s=SEC(slot, val))
        if k == "aws_key":
            d.f(
                "AWS_SECRET_ACCESS_KEY={s}\nAWS_REGION=eu-central-1\n",
                s=SEC("aws_secret", rs(r, 40, B64)),
            )
    d.f(
        "SENTRY_DSN=https://{pk}@o{org}.ingest.sentry.io/{proj}\n",
        pk=X("sentry_public_key", sha(r, 32)),
        org=dg(r, 6),
        proj=dg(r, 7),
    )
    d.f(
        "FEATURE_FLAGS=new_checkout,beta_search\nBUILD_SHA={b}\nAPP_VERSION={av}\n",
        b=X("commit", sha(r)),
        av=X("version", version(r)),
    )
    if v == 2:
        w = who(r, r.choice(LATIN))
        d.f(
            "ADMIN_EMAIL={e}\nSESSION_SECRET={s}\n",
            e=EM(email(r, w, r.choice(WORKDOM))),
            s=SEC("signing_secret", rs(r, 64, HEX)),
        )


@form(6, 2)
def k8s_yaml(r: Random, d: D, v: int) -> None:
    app = r.choice(["payments", "ledger", "search", "gateway"])
    if v == 0:
        d.f(
            'apiVersion: v1\nkind: Secret\nmetadata:\n  name: {a}-credentials\n  namespace: prod\n  uid: {u}\n  resourceVersion: "{rv}"\ntype: Opaque\nstringData:\n',
            a=app,
            u=X("uuid", uuid4(r)),
            rv=X("resource_version", dg(r, 8)),
        )
        d.f(
            "  DB_PASSWORD: {p}\n  JWT_SIGNING_KEY: {j}\n  SMTP_URL: smtps://{uc}@smtp.mailgun.org:465\n",
            p=SEC("password", password(r)),
            j=SEC("signing_secret", rs(r, 48, B64)),
            uc=UC(f"postmaster%40mg.{app}.io:{rs(r, 24, HEX)}"),
        )
        d.ln("---")
    d.f(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {a}\nspec:\n  replicas: {n}\n  template:\n    spec:\n      containers:\n        - name: {a}\n          image: ghcr.io/acme/{a}@sha256:{dig}\n",
        a=app,
        n=r.randint(2, 6),
        dig=X("image_digest", sha(r, 64)),
    )
    d.f(
        '          resources:\n            limits: {cpu: "{c}", memory: {m}}\n          env:\n            - name: OPENAI_API_KEY\n              value: "{k}"\n',
        c=X("cpu", f"{r.choice([250, 500, 1000])}m"),
        m=X("memory", f"{r.choice([256, 512, 1024])}Mi"),
        k=SEC("openai", secret(r, "openai")[1]),
    )
    if v == 1:
        d.f(
            '            - name: SLACK_WEBHOOK\n              value: https://hooks.slack.com/services/{t}\n            - name: ONCALL_PHONE\n              value: "{ph}"\n',
            t=SEC(
                "slack_webhook",
                f"T{rs(r, 8, 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789')}/B{rs(r, 10, 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789')}/{rs(r, 24)}",
            ),
            ph=PH(phone(r, r.choice(LATIN))),
        )
    d.f(
        "          ports:\n            - containerPort: {p}\n",
        p=X("port", str(r.choice([8080, 9090, 3000]))),
    )


@form(6, 3)
def git_diff(r: Random, d: D, v: int) -> None:
    loc = r.choice(LATIN)
    w = who(r, loc)
    c = sha(r)
    d.f(
        "commit {c}\nAuthor: {n} <{e}>\nDate:   {dt}\n\n    {msg}\n\n",
        c=X("commit", c),
        n=PN(w.full),
        e=EM(email(r, w, r.choice(WORKDOM))),
        dt=X("timestamp", ts(r).strftime("%a %b %d %H:%M:%S %Y +0100")),
        msg=r.choice(
            ["wip: fix integration test", "add seed data for demo", "hotfix payment retry"]
        ),
    )
    d.f(
        "diff --git a/{f} b/{f}\nindex {a}..{b} 100644\n--- a/{f}\n+++ b/{f}\n@@ -{l},6 +{l},9 @@\n",
        f="config/settings.py" if v != 2 else "tests/fixtures/customers.json",
        a=X("blob", sha(r, 7)),
        b=X("blob", sha(r, 7)),
        l=r.randint(10, 120),
    )
    if v == 0:
        s1, s2 = secret(r, "aws_key")[1], rs(r, 40, B64)
        d.f(
            ' AWS_REGION = "eu-west-1"\n-AWS_ACCESS_KEY_ID = os.environ["AWS_ACCESS_KEY_ID"]\n+AWS_ACCESS_KEY_ID = "{a}"\n+AWS_SECRET_ACCESS_KEY = "{b}"  # TODO remove before merge\n',
            a=SEC("aws_key", s1),
            b=SEC("aws_secret", s2),
        )
    elif v == 1:
        slot, s, var = secret(r, r.choice(["github", "gitlab", "npm", "docker"]))
        d.f(
            ' TIMEOUT = 30\n-{var} = env("{var}")\n+{var} = "{s}"\n+ADMIN_USER = "{e}"\n',
            var=var,
            s=SEC(slot, s),
            e=EM(email(r, who(r, loc))),
        )
    else:
        w2 = who(r, loc)
        d.f(
            '   {"id": 1, "name": "Demo User", "email": "demo@example.com"},\n+  {"id": 2, "name": "{n}", "email": "{e}", "phone": "{p}"},\n+  {"id": 3, "name": "{n2}", "iban": "{ib}"}\n',
            n=PN(w2.full),
            e=EM(email(r, w2)),
            p=PH(phone(r, loc)),
            n2=PN(who(r, loc).full),
            ib=IB(iban(r, CC_OF.get(loc, "DE"))),
        )
    d.f(
        " \n def get_client():\n-    return Client(timeout=TIMEOUT)\n+    return Client(timeout=TIMEOUT, retries={n})\n",
        n=r.randint(2, 5),
    )


@form(6, 2)
def ci_log(r: Random, d: D, v: int) -> None:
    t = ts(r)
    for i, step in enumerate(
        ["Run actions/checkout@v4", "Set up Python 3.11", "Install dependencies", "Run tests"]
    ):
        d.f(
            "{t} ##[group]{s}\n",
            t=X(
                "timestamp",
                t.replace(second=(t.second + 7 * i) % 60).strftime("%Y-%m-%dT%H:%M:%S.")
                + dg(r, 7)
                + "Z",
            ),
            s=step,
        )
    d.f(
        "HEAD is now at {c} Merge pull request #{pr} from acme/feature/retry\n",
        c=X("commit", sha(r, 7)),
        pr=X("pr", str(r.randint(100, 4000))),
    )
    d.f(
        "Successfully installed fastapi-{a} pydantic-{b} requests-2.32.3 urllib3-{c}\n",
        a=X("version", f"0.{r.randint(100, 125)}.{r.randint(0, 9)}"),
        b=X("version", f"2.{r.randint(5, 11)}.{r.randint(0, 4)}"),
        c=X("version", "2.2.3"),
    )
    if v == 0:
        d.f(
            '+ curl -sf -H "Authorization: token {tk}" https://api.github.com/repos/acme/api/releases\n',
            tk=SEC("github", secret(r, "github")[1]),
        )
        d.f(
            "+ docker login -u acmebot -p {p} registry.gitlab.com\nWARNING! Using --password via the CLI is insecure.\n",
            p=SEC("password", password(r)),
        )
    else:
        w = who(r, r.choice(LATIN))
        d.f(
            "FAILED tests/test_signup.py::test_duplicate_email - AssertionError: assert '{e}' == 'qa+{n}@acme.test'\n",
            e=EM(email(r, w)),
            n=r.randint(1, 99),
        )
        d.f(
            "E   Full diff: user={'name': '{nm}', 'session': '{s}'}\n",
            nm=PN(w.full),
            s=SEC("session_cookie", rs(r, 32, HEX + "ABCDEF")),
        )
    d.f(
        "====== {f} failed, {p} passed, {s} skipped in {sec}s ======\nbuild #{b} finished on runner {rn}\n",
        f=1 + v,
        p=r.randint(100, 900),
        s=r.randint(0, 9),
        sec=X("duration", f"{r.randint(20, 400)}.{dg(r, 2)}"),
        b=X("build", str(r.randint(1000, 9999))),
        rn=X("hostname", f"gh-runner-{rs(r, 5, HEX)}"),
    )


@form(6, 3)
def psql_table(r: Random, d: D, v: int) -> None:
    loc = r.choice(LATIN)
    d.f(
        "{db}=> SELECT id, full_name, email, phone, {c4} FROM customers WHERE created_at > '{t}' LIMIT 5;\n",
        db=r.choice(["shop", "crm_prod", "app"]),
        c4=["city", "date_of_birth", "iban"][v],
        t=X("date", ts(r).strftime("%Y-%m-%d")),
    )
    d.ln(
        "  id   |      full_name      |           email            |      phone       | "
        + ["city", "date_of_birth", "iban"][v]
    )
    d.ln(
        "-------+---------------------+----------------------------+------------------+-----------"
    )
    rows = r.randint(3, 5)
    for w in people(r, loc, rows):
        rid = X("row_id", str(r.randint(10000, 99999)))
        if v == 0:
            last = X(
                "city",
                r.choice(
                    ["Berlin", "Lyon", "Leeds", "Madrid", "Milano", "Utrecht", "Kraków", "Austin"]
                ),
            )
        elif v == 1:
            last = DOB(dob_date(r).isoformat())
        else:
            last = IB(iban(r, CC_OF.get(loc, "DE"), spaced=False))
        d.f(
            " {i} | {n} | {e} | {p} | {l}\n",
            i=rid,
            n=PN(w.full),
            e=EM(email(r, w)),
            p=PH(phone(r, loc)),
            l=last,
        )
    d.f("({n} rows)\n\nTime: {ms} ms\n", n=rows, ms=X("duration", f"{r.randint(1, 80)}.{dg(r, 3)}"))


@form(6, 2)
def dataframe_print(r: Random, d: D, v: int) -> None:
    loc = r.choice(LATIN)
    d.ln(
        ">>> df.head()" if v == 0 else ">>> df[df.churn_risk > 0.8][['name','email','ip','score']]"
    )
    d.ln(
        "   customer_id           name                     email           last_ip  score"
        if v == 0
        else "        name                      email                ip  score"
    )
    for i, w in enumerate(people(r, loc, 5)):
        sc = X("score", f"0.{dg(r, 3)}")
        if v == 0:
            d.f(
                "{i}  {c}  {n}  {e}  {ip}  {s}\n",
                i=i,
                c=IDN("customer_id", str(r.randint(100000, 999999))),
                n=PN(w.full),
                e=EM(email(r, w)),
                ip=IP(ipv4(r)),
                s=sc,
            )
        else:
            d.f(
                "{i}  {n}  {e}  {ip}  {s}\n",
                i=r.randint(100, 9999),
                n=PN(w.full.lower() if r.random() < 0.3 else w.full),
                e=EM(email(r, w)),
                ip=IP(ipv4(r)),
                s=sc,
            )
    d.f(
        "\n[5 rows x 4 columns]\n>>> df.shape\n({n}, 11)\n",
        n=X("count", str(r.randint(2000, 90000))),
    )


@form(6, 2)
def crm_csv(r: Random, d: D, v: int) -> None:
    loc = r.choice(LATIN)
    sep = ";" if loc in ("de", "fr", "es", "it", "nl", "pl") else ","
    hd = (
        ["Kundennummer", "Vorname", "Nachname", "E-Mail", "Telefon", "Straße", "Geburtsdatum"]
        if loc == "de"
        else ["customer_no", "first_name", "last_name", "email", "phone", "street", "dob"]
    )
    d.ln(sep.join([*hd, "segment", "created"]))
    for w in people(r, loc, r.randint(4, 6)):
        b = dob_date(r)
        dobs = fmt_date(r, b, loc) if v == 0 else b.isoformat()
        e = email(r, w)
        d.ln(
            IDN("customer_id", f"{r.choice(['10', '20', '40'])}{dg(r, 6)}"),
            sep,
            PN(w.first),
            sep,
            PN(w.last),
            sep,
            EM(e),
            sep,
            PH(phone(r, loc)),
            sep,
            AD(street(r, loc)) if r.random() < 0.8 else "",
            sep,
            DOB(dobs),
            sep,
            r.choice(["B2C", "VIP", "B2B"]),
            sep,
            X("timestamp", ts(r).strftime("%Y-%m-%d %H:%M")),
        )


@form(5, 3)
def jira_ticket(r: Random, d: D, v: int) -> None:
    loc = r.choice(LATIN)
    cust, rep = who(r, loc), who(r, r.choice(LATIN))
    d.f(
        "{k}: {t}\nReporter: {rep} | Priority: {p} | Component: {c} | Fix version: {fv}\n\n",
        k=X("ticket", f"SUP-{r.randint(1000, 9999)}"),
        t=[
            "Customer can't log in after password reset",
            "Refund not arriving",
            "Wrong address on shipping label",
        ][v],
        rep=PN(rep.full),
        p=r.choice(["P2", "Major", "High"]),
        c=r.choice(["auth", "payments", "fulfilment"]),
        fv=X("version", version(r)),
    )
    if v == 0:
        d.f(
            "Customer {n} ({e}) says the reset link from {t} doesn't work. She tried from {ip} and from her phone. Account id {a}.\n",
            n=PN(cust.full),
            e=EM(email(r, cust)),
            t=X("timestamp", iso(ts(r), False)),
            ip=IP(ipv4(r)),
            a=IDN("account_id", f"ACC-{dg(r, 7)}"),
        )
        d.f(
            "Logs show request id {rq}, status 410 (token expired after {m} min).\n",
            rq=X("request_id", uuid4(r)),
            m=r.choice([15, 30, 60]),
        )
    elif v == 1:
        d.f(
            "{n} called ({p}): refund of {a} for order {o} not received. Refund went to IBAN {ib} per the ledger, bank says nothing arrived.\n",
            n=PN(cust.full),
            p=PH(phone(r, loc)),
            a=X("amount", f"{r.randint(20, 900)},{dg(r, 2)} €"),
            o=X("order_id", f"ORD-{dg(r, 8)}"),
            ib=IB(iban(r, CC_OF.get(loc, "DE"))),
        )
    else:
        ad = address(r, loc)
        d.f(
            "Label printed for {n} shows the old address. Correct one:\n{a}\nTracking {tr}, warehouse {wh}.\n",
            n=PN(cust.full),
            a=AD(ad),
            tr=X("tracking", f"1Z{rs(r, 16, '0123456789ABCDEFGHJKLMNPRSTVWXYZ')}"),
            wh=X("site", r.choice(["DC-LEJ-2", "MAD-01", "FRA-3"])),
        )
    d.f(
        "\nSteps: tried on {b} {bv}; cannot reproduce on staging. cc {cc}\n",
        b=r.choice(["Chrome", "Firefox", "Safari"]),
        bv=X("version", f"{r.randint(110, 131)}.0"),
        cc=PN(rep.first),
    )


@form(5, 3)
def slack_incident(r: Random, d: D, v: int) -> None:
    loc = r.choice(LATIN)
    a, b, c = people(r, loc, 3)
    cust = who(r, r.choice(LATIN))
    t = ts(r)
    hm = lambda k: t.replace(minute=(t.minute + k) % 60).strftime("%H:%M")  # noqa: E731
    d.f(
        "{a}  {t}\n:rotating_light: {inc} sev2 — {svc} 5xx spike since {t0}\n",
        a=PN(a.full),
        t=hm(0),
        inc=X("incident", f"INC-{r.randint(100, 999)}"),
        svc=r.choice(["checkout", "login", "search"]),
        t0=hm(0),
    )
    d.f(
        "{b}  {t}\nlooking. error rate {er}% on pods {p1}, {p2}\n",
        b=PN(b.first),
        t=hm(2),
        er=X("percent", f"{r.randint(5, 60)}.{r.randint(0, 9)}"),
        p1=X("pod", podname(r, "api")),
        p2=X("pod", podname(r, "api")),
    )
    if v == 0:
        d.f(
            "{c}  {t}\nVIP customer {cn} is on the phone with support, her number is {ph} if someone wants to call back. acct email {e}\n",
            c=PN(c.first.lower()),
            t=hm(5),
            cn=PN(cust.full),
            ph=PH(phone(r, cust.loc)),
            e=EM(email(r, cust)),
        )
    elif v == 1:
        d.f(
            "{c}  {t}\nfound it, the new deploy ({sha}) rotated the DB creds. old pw was {pw} btw, new one in vault\n",
            c=PN(c.first),
            t=hm(5),
            sha=X("commit", sha(r, 7)),
            pw=SEC("password", password(r)),
        )
    else:
        d.f(
            "{c}  {t}\nall failing requests come from {ip} and {ip2} — same user agent, looks like one scraper. blocking at WAF\n",
            c=PN(c.full),
            t=hm(5),
            ip=IP(ipv4(r)),
            ip2=IP(ipv4(r)),
        )
    d.f(
        "{a}  {t}\nthanks {b}. mitigated at {t2}, RCA doc tomorrow. grafana: https://grafana.internal/d/{g}?from={f}\n",
        a=PN(a.first),
        t=hm(9),
        b=PN(b.first),
        t2=hm(9),
        g=X("dashboard_id", rs(r, 9)),
        f=X("epoch_ms", str(1767225600000 + r.randrange(10**10))),
    )


@form(5, 2)
def sql_dump(r: Random, d: D, v: int) -> None:
    loc = r.choice(LATIN)
    d.f(
        "-- MySQL dump 10.13  Distrib {ver}, for Linux (x86_64)\n-- Host: {h}    Database: {db}\nLOCK TABLES `users` WRITE;\nINSERT INTO `users` VALUES ",
        ver=X("version", f"8.0.{r.randint(30, 40)}"),
        h=X("hostname", "127.0.0.1"),
        db="app",
    )
    for i, w in enumerate(people(r, loc, r.randint(3, 5))):
        if i:
            d.add(",")
        pwh = X(
            "password_hash",
            "$2y$10$"
            + rs(r, 53, "./" + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"),
        )
        if v == 0:
            d.f(
                "({i},'{e}','{h}','{n}','{p}','{c}')",
                i=r.randint(1, 9000),
                e=EM(email(r, w)),
                h=pwh,
                n=PN(w.full),
                p=PH(phone(r, loc)),
                c=X("timestamp", ts(r).strftime("%Y-%m-%d %H:%M:%S")),
            )
        else:
            d.f(
                "({i},'{n}','{a}','{b}',{ip},'{u}')",
                i=r.randint(1, 9000),
                n=PN(w.full),
                a=AD(address(r, loc)),
                b=DOB(dob_date(r).isoformat()),
                ip=X("login_count", str(r.randint(1, 400))),
                u=X("uuid", uuid4(r)),
            )
    d.ln(";")
    d.ln("UNLOCK TABLES;")
