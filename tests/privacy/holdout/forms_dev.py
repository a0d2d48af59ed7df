"""Developer text people paste: code, config, logs, diffs, shell sessions."""

from __future__ import annotations

import datetime as dt

from privacy.holdout import keys
from privacy.holdout.build import SECRET, Doc, Maker, Piece, T, V, home_loc


def python_script(m: Maker, d: Doc) -> int:
    """A script with credentials pasted in, next to ones read from the environment."""
    rng, lang = m.rng, d.lang
    loc = home_loc(rng, lang)
    dev = m.person(loc)
    comment = {
        "en": "# TODO move to vault",
        "de": "# TODO: ins Vault verschieben",
        "es": "# TODO: mover al vault",
        "fr": "# TODO : déplacer dans le coffre",
        "it": "# TODO: spostare nel vault",
    }[lang]
    kind = rng.choice(
        ["stripe", "openai", "sendgrid", "github_pat", "google_api", "anthropic", "hf"]
    )
    d.one_of(
        "This script times out after a while, any idea why?\n\n```python\n",
        "refactor this into a class pls\n\n```python\n",
    )
    d.fill(
        '''"""Nightly sync, maintained by <%dev%> (<%devmail%>)."""
import os
import requests

API_KEY = "<%key%>"  <%comment%>
DB_URL = <%env%>
SMTP_PASSWORD = "<%pw%>"
RETRIES = 3  # bumped in <%sha%>
CLIENT_VERSION = "<%ver%>"


def fetch(page: int) -> dict:
    r = requests.get(
        f"https://api.example.com/v2/orders?page={page}",
        headers={"Authorization": f"Bearer {API_KEY}", "X-Request-Id": "<%rid%>"},
        timeout=30,
    )
    if r.status_code == <%http%>:
        raise RuntimeError("rate limited")
    return r.json()
```''',
        dev=m.name(dev),
        devmail=m.email(dev, work=True),
        key=m.secret(kind),
        comment=comment,
        env=T("env_ref", rng.choice(['os.environ["DATABASE_URL"]', 'os.getenv("DATABASE_URL")'])),
        pw=m.secret("password"),
        sha=m.trap("short_sha"),
        ver=m.trap("version"),
        rid=m.trap("uuid"),
        http=T("http", rng.choice(["429", "503"])),
    )
    return 0


def dotenv(m: Maker, d: Doc) -> int:
    """A .env or compose file with live credentials and harmless settings."""
    rng = m.rng
    d.one_of(
        "docker compose up fails with 'password authentication failed', setup:\n\n",
        "Warum verbindet sich der Container nicht mit der DB?\n\n",
        "what's wrong with this env file\n\n",
    )
    user = rng.choice(["app", "orders", "postgres", "svc_crm"])
    d.fill(
        """# .env
APP_ENV=production
APP_PORT=<%port%>
DATABASE_URL=<%db%>
REDIS_URL=<%redis%>
AWS_ACCESS_KEY_ID=<%akid%>
AWS_SECRET_ACCESS_KEY=<%asec%>
SLACK_WEBHOOK_URL=<%hook%>
SENTRY_RELEASE=<%rel%>
IMAGE=registry.example.com/shop/api@<%digest%>
ADMIN_EMAIL=<%mail%>
LOG_LEVEL=info
FEATURE_FLAGS=checkout_v2,new_search
""",
        port=m.trap("port"),
        db=m.secret("db_url", _db(m, user)),
        redis=m.secret("db_url", _redis(m)),
        akid=m.secret("aws_key_id"),
        asec=m.secret("aws_secret"),
        hook=m.secret(rng.choice(["slack_webhook", "discord_webhook"])),
        rel=m.trap("version"),
        digest=m.trap("digest"),
        mail=m.email(m.person(rng.choice(["de", "en", "es", "fr", "it"])), work=True),
    )
    return 0


def _db(m: Maker, user: str) -> str:
    while True:
        url = keys.db_url(m.rng, user)
        if not url.startswith("redis"):
            return url


def _redis(m: Maker) -> str:
    pw = (
        keys.password(m.rng).replace("@", "x").replace("/", "x").replace("#", "x").replace("?", "x")
    )
    return f"redis://:{pw}@cache.internal.example.net:6379/0"


def access_log(m: Maker, d: Doc) -> int:
    """nginx access log lines: client addresses are personal, the rest is not."""
    rng = m.rng
    d.one_of(
        "We got a spike of 5xx last night, what's going on?\n\n",
        "Is this a bot? access.log excerpt:\n\n",
    )
    for _ in range(rng.randint(5, 8)):
        path = rng.choice(
            [
                "/api/v1/orders/<%u%>",
                "/login",
                "/static/app.<%h%>.js",
                "/reset-password?email=<%mail%>",
                "/api/v1/cart",
                "/search?q=winter+jacket",
            ]
        )
        holes: dict[str, Piece] = dict(
            ip=m.ip(),
            ts=T("timestamp", _clf(m)),
            u=m.trap("uuid"),
            h=T("short_sha", _hex(m, 8)),
            mail=m.email(m.person(rng.choice(["de", "en", "fr"]))),
            st=T("http", rng.choice(["200", "502", "503", "504", "302", "401"])),
            by=T("measure", str(rng.randint(200, 90000))),
        )
        d.fill_some(
            '<%ip%> - - [<%ts%>] "GET ' + path + ' HTTP/1.1" <%st%> <%by%> "-" "Mozilla/5.0"\n',
            **holes,
        )
    return 0


def _clf(m: Maker) -> str:
    rng = m.rng
    h, mi, s = rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)
    return f"{rng.randint(10, 28)}/Mar/2025:{h:02d}:{mi:02d}:{s:02d} +0000"


def _hex(m: Maker, n: int) -> str:
    return "".join(m.rng.choice("0123456789abcdef") for _ in range(n))


def stack_trace(m: Maker, d: Doc) -> int:
    """An application error log with the user's details and a bearer token in the dump."""
    rng, lang = m.rng, d.lang
    loc = home_loc(rng, lang)
    p = m.person(loc)
    d.one_of("Getting this in prod, what's the root cause?\n\n", "stack trace:\n")
    d.fill(
        """<%ts%> ERROR [checkout-api,<%trace%>] pid=<%pid%> PaymentService - charge failed
  email=<%mail%> name="<%name%>" ip=<%ip%>
  request headers: {'Authorization': 'Bearer <%jwt%>', 'User-Agent': 'okhttp/<%ver%>'}
Traceback (most recent call last):
  File "/srv/app/payments/service.py", line 214, in charge
    resp = gateway.capture(intent_id, amount=<%amount%>)
  File "/srv/app/.venv/lib/python3.11/site-packages/stripe/api_requestor.py", line 412, in request
    raise error.APIConnectionError(msg)
stripe.error.APIConnectionError: Unexpected error communicating with Stripe (HTTP <%http%>)
""",
        ts=m.trap("timestamp"),
        trace=m.trap("trace"),
        pid=m.trap("pid"),
        mail=m.email(p),
        name=m.name(p),
        ip=m.ip(),
        jwt=m.secret("jwt"),
        ver=m.trap("version"),
        amount=T("price", str(rng.randint(100, 99999))),
        http=T("http", "502"),
    )
    return 0


def curl_session(m: Maker, d: Doc) -> int:
    """A curl command copied from a terminal, with a token and a customer body."""
    rng, lang = m.rng, d.lang
    loc = home_loc(rng, lang)
    p = m.person(loc)
    tok = rng.choice(["github_pat", "gitlab", "openai", "stripe", "npm", "slack_bot"])
    d.one_of(
        "This returns 400, what's wrong with my request?\n\n$ ",
        "Kannst du das in Python requests umschreiben?\n\n$ ",
    )
    d.fill(
        """curl -X POST https://api.example.com/v3/customers \\
  -H "Authorization: Bearer <%tok%>" \\
  -H "Content-Type: application/json" \\
  -d '{"name":"<%name%>","email":"<%mail%>","phone":"<%ph%>","address":"<%addr%>",\
"birthdate":"<%dob%>","source":"import-<%build%>"}'
{"error":{"code":<%http%>,"message":"invalid field 'birthdate'","request_id":"<%rid%>"}}""",
        tok=m.secret(tok),
        name=m.name(p),
        mail=m.email(p),
        ph=m.phone(loc),
        addr=m.address(loc),
        dob=m.dob(p, rng.choice(["iso", lang])),
        build=m.trap("build"),
        http=T("http", "400"),
        rid=m.trap("trace"),
    )
    return 0


def sql_dump(m: Maker, d: Doc) -> int:
    """INSERT statements from a dump, pasted to fix a syntax error."""
    rng, lang = m.rng, d.lang
    d.add("ERROR 1064 (42000) near line 3, what's wrong?\n\n")
    d.add("INSERT INTO customers (full_name, email, phone, iban, created_at) VALUES\n")
    n = rng.randint(3, 5)
    for i in range(n):
        loc = home_loc(rng, lang)
        p = m.person(loc)
        d.fill(
            "  ('<%n%>', '<%e%>', '<%ph%>', '<%ib%>', '<%ts%>')" + (",\n" if i < n - 1 else ";\n"),
            n=m.name(p),
            e=m.email(p),
            ph=m.phone(loc),
            ib=m.iban(loc, grouped=False),
            ts=T(
                "timestamp",
                f"2025-0{rng.randint(1, 9)}-{rng.randint(10, 28)} "
                f"{rng.randint(10, 23)}:{rng.randint(10, 59)}:00",
            ),
        )
    d.fill("-- dump <%v%>, checksum <%s%>\n", v=m.trap("version"), s=m.trap("sha256"))
    return 0


def git_diff(m: Maker, d: Doc) -> int:
    """A commit that added a key by mistake; commit ids and hashes are harmless."""
    rng = m.rng
    p = m.person(rng.choice(["de", "en", "fr", "es", "it", "us"]))
    kind = rng.choice(["aws_secret", "github_pat", "stripe", "google_api", "twilio", "sendgrid"])
    d.one_of(
        "I committed this by accident, how do I remove it from history?\n\n",
        "can you review this diff?\n\n",
    )
    d.fill(
        """commit <%sha%>
Author: <%name%> <<%mail%>>
Date:   Tue Mar 18 14:02:11 2025 +0100

    config: point staging at the new bucket (refs <%tk%>)

diff --git a/config/staging.yaml b/config/staging.yaml
index <%a%>..<%b%> 100644
--- a/config/staging.yaml
+++ b/config/staging.yaml
@@ -12,7 +12,8 @@ storage:
   bucket: shop-assets-staging
   region: eu-central-1
-  key: <%env%>
+  key: "<%key%>"
+  cdn_integrity: "<%sri%>"
   timeout_ms: <%t%>
""",
        sha=m.trap("sha"),
        name=m.name(p),
        mail=m.email(p, work=rng.random() < 0.5),
        tk=m.trap("ticket"),
        a=m.trap("short_sha"),
        b=m.trap("short_sha"),
        env=T("env_ref", rng.choice(["${STORAGE_KEY}", "!vault storage/staging#key"])),
        key=m.secret(kind),
        sri=m.trap("sri"),
        t=T("measure", str(rng.choice([3000, 5000, 15000]))),
    )
    return 0


def k8s_secret(m: Maker, d: Doc) -> int:
    """A Kubernetes manifest with a secret in stringData."""
    rng = m.rng
    d.add("kubectl apply gives 'error validating data', why?\n\n")
    d.fill(
        """apiVersion: v1
kind: Secret
metadata:
  name: billing-credentials
  labels:
    app.kubernetes.io/version: "<%ver%>"
type: Opaque
stringData:
  DB_PASSWORD: "<%pw%>"
  WEBHOOK_URL: "<%hook%>"
  TLS_KEY: |
    <%pem%>
---
apiVersion: apps/v1
kind: Deployment
spec:
  template:
    spec:
      containers:
        - name: billing
          image: ghcr.io/example/billing@<%digest%>
          ports:
            - containerPort: <%port%>
""",
        ver=m.trap("version"),
        pw=m.secret("password"),
        hook=m.secret(rng.choice(["slack_webhook", "discord_webhook"])),
        pem=_indented_pem(m),
        digest=m.trap("digest"),
        port=m.trap("port"),
    )
    return 0


def _indented_pem(m: Maker) -> V:
    pem = keys.pem_key(m.rng, ("EC PRIVATE KEY", "PRIVATE KEY")).replace("\n", "\n    ")
    return V("pem", pem, SECRET, True)


def ci_workflow(m: Maker, d: Doc) -> int:
    """A CI workflow: secrets referenced properly, one pasted inline."""
    rng = m.rng
    d.add("Why doesn't the notify step run?\n\n```yaml\n")
    d.fill(
        """name: release
on:
  push:
    tags: ["v*"]
jobs:
  build:
    runs-on: ubuntu-22.04
    steps:
      - uses: actions/checkout@<%sha%>
      - uses: actions/setup-node@v4
        with:
          node-version: "<%nv%>"
      - run: npm ci && npm run build
        env:
          NPM_TOKEN: <%ref%>
      - name: notify
        if: ${{ failure() }}
        run: |
          curl -X POST -H 'Content-type: application/json' \\
            --data '{"text":"release <%tag%> failed"}' <%hook%>
```""",
        sha=m.trap("sha"),
        nv=T("version", rng.choice(["20.11.1", "18.19.0", "22.3.0"])),
        ref=T("env_ref", "${{ secrets.NPM_TOKEN }}"),
        tag=m.trap("version"),
        hook=m.secret(rng.choice(["slack_webhook", "discord_webhook"])),
    )
    return 0


def html_page(m: Maker, d: Doc) -> int:
    """A page's markup: integrity hashes and inline images, plus the owner's contact footer."""
    rng, lang = m.rng, d.lang
    loc = home_loc(rng, lang)
    p = m.person(loc)
    tel = m.phone(loc)
    d.one_of("my portfolio page loads slowly, why?\n\n", "make this footer responsive\n\n")
    d.fill(
        """<link rel="stylesheet" href="https://cdn.example.net/bootstrap@<%v%>/dist/css/bootstrap.min.css"
      integrity="<%sri%>" crossorigin="anonymous">
<img class="logo" src="<%img%>" width="120">
<footer style="color: <%col%>">
  <p><%name%> · Fotografie</p>
  <p><a href="mailto:<%mail%>"><%mail2%></a> · <a href="tel:<%tel%>"><%tel2%></a></p>
  <p>Studio: <%addr%></p>
  <small>build <%build%></small>
</footer>""",
        v=m.trap("version"),
        sri=m.trap("sri"),
        img=m.trap("data_uri"),
        col=m.trap("hexcolor"),
        name=m.name(p),
        mail=m.email(p),
        mail2=m.email(p),
        tel=tel,
        tel2=tel,
        addr=m.address(loc),
        build=m.trap("build"),
    )
    return 0


def shell_session(m: Maker, d: Doc) -> int:
    """A terminal session: system numbers everywhere, one real connection string."""
    rng = m.rng
    d.add("ssh keeps dropping, full output below\n\n")
    d.fill(
        """$ uname -r
<%kern%>
$ ssh -v deploy@bastion.example.net
OpenSSH_<%ossh%>, OpenSSL 3.0.13
debug1: Connecting to bastion.example.net port 22.
debug1: Server host key: ssh-ed25519 SHA256:<%fp%>
debug1: Authenticated to bastion.example.net using "publickey".
$ psql "<%db%>" -c 'select count(*) from orders'
 count
-------
 <%cnt%>
(1 row)
$ df -h /
Filesystem      Size  Used Avail Use% Mounted on
/dev/nvme0n1p2  <%sz%>   41G  <%av%>  <%pct%> /
""",
        kern=T("version", f"6.{rng.randint(1, 11)}.0-{rng.randint(10, 40)}-generic"),
        ossh=T("version", rng.choice(["9.6p1", "8.9p1", "9.2p1"])),
        fp=T("fingerprint", _b64(m, 43)),
        db=m.secret("db_url", _db(m, "deploy")),
        cnt=T("measure", str(rng.randint(1000, 900000))),
        sz=T("measure", f"{rng.randint(60, 500)}G"),
        av=T("measure", f"{rng.randint(5, 50)}G"),
        pct=T("measure", f"{rng.randint(10, 95)}%"),
    )
    return 0


def _b64(m: Maker, n: int) -> str:
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    return "".join(m.rng.choice(alphabet) for _ in range(n))


def checkout_log(m: Maker, d: Doc) -> int:
    """A shop's debug log that captured a raw checkout form, card number included."""
    rng, lang = m.rng, d.lang
    loc = home_loc(rng, lang)
    p = m.person(loc)
    t0 = dt.datetime(2025, 1, 1) + dt.timedelta(seconds=rng.randint(0, 50_000_000))
    stamps = [
        f"{t0 + dt.timedelta(milliseconds=k * rng.randint(300, 3000)):%Y-%m-%d %H:%M:%S,%f}"[:-3]
        for k in range(3)
    ]
    d.one_of(
        "Payments fail with 'card_declined' for some customers, log below. Ideas?\n\n",
        "Die Zahlung schlägt fehl, hier das Log – woran liegt's?\n\n",
        "Il pagamento fallisce, ecco il log:\n\n",
    )
    d.fill(
        "[<%ts%>] DEBUG checkout.views: POST /checkout/pay build=<%build%>\n"
        "  form={'cardholder': '<%name%>', 'card_number': '<%card%>', 'exp': '<%exp%>', "
        "'email': '<%mail%>', 'billing_address': '<%addr%>', 'cart_total': '<%total%>'}\n"
        "[<%ts2%>] WARN  psp.client: declined order=<%order%> reason=do_not_honor "
        "attempt=<%attempt%> latency=<%lat%>\n"
        "[<%ts3%>] INFO  checkout.views: redirect /checkout/failed?o=<%order2%> (HTTP <%http%>)\n",
        ts=T("timestamp", stamps[0]),
        build=m.trap("build"),
        name=m.name(p),
        card=m.card(),
        exp=f"{rng.randint(1, 12):02d}/{rng.randint(27, 31)}",
        mail=m.email(p),
        addr=m.address(loc),
        total=m.trap("price", lang),
        ts2=T("timestamp", stamps[1]),
        order=m.trap("order"),
        attempt=T("pid", str(rng.randint(1, 3))),
        lat=T("measure", f"{rng.randint(80, 2400)}ms"),
        ts3=T("timestamp", stamps[2]),
        order2=m.trap("order"),
        http=T("http", "302"),
    )
    return 0
