# ruff: noqa: E501
"""Forms: payment leaks, casual notes, expense sheets, compose files, ETL rejects."""

from __future__ import annotations

from random import Random

from ._base import (
    AD,
    B64,
    CC,
    DOB,
    EM,
    IB,
    IDN,
    IP,
    LATIN,
    LP,
    PH,
    PN,
    SEC,
    UC,
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
    iso,
    luhn_digit,
    password,
    people,
    phone,
    rs,
    secret,
    sha,
    ts,
    uuid4,
    version,
    who,
)
from ._forms_a import CC_OF, form


@form(5, 3)
def payment_debug(r: Random, d: D, v: int) -> None:
    loc = r.choice(LATIN)
    w = who(r, loc)
    t = ts(r)
    if v == 0:
        d.f(
            "{t} DEBUG [pool-3-thread-{n}] c.a.pay.GatewayClient - sending PaymentRequest{merchantId={m}, pan={c}, expiry={ex}, holder={h}, amount={a}, currency=EUR, correlationId={cid}}\n",
            t=X("timestamp", t.strftime("%Y-%m-%d %H:%M:%S.") + dg(r, 3)),
            n=r.randint(1, 9),
            m=X("merchant_id", f"MID{dg(r, 9)}"),
            c=CC(card(r)),
            ex=f"{r.randint(1, 12):02d}/{r.randint(27, 31)}",
            h=PN(w.full.upper()),
            a=X("amount", f"{r.randint(5, 900)}.{dg(r, 2)}"),
            cid=X("uuid", uuid4(r)),
        )
        d.f(
            "{t} WARN  c.a.pay.GatewayClient - gateway answered 402 card_declined in {ms} ms\n",
            t=X("timestamp", t.strftime("%Y-%m-%d %H:%M:%S.") + dg(r, 3)),
            ms=X("duration", str(r.randint(80, 2000))),
        )
        d.ln("^ found this in prod logs, isn't the PAN supposed to be masked??")
    elif v == 1:
        d.f(
            "Array\n(\n    [order_id] => {o}\n    [card_number] => {c}\n    [card_holder] => {h}\n    [email] => {e}\n    [billing_phone] => {p}\n    [amount] => {a}\n)\n",
            o=X("order_id", dg(r, 7)),
            c=CC(card(r).replace(" ", "")),
            h=PN(w.full),
            e=EM(email(r, w)),
            p=PH(phone(r, loc)),
            a=X("amount", f"{r.randint(5, 900)}.{dg(r, 2)}"),
        )
        d.ln("print_r($_POST) output from the checkout, why is amount a string here")
    else:
        c = card(r)
        d.f(
            "hello, i tried 3 times and it keeps failing. card {c} expiry {ex}, name on card {h}. my account is {e}. please just charge it manually, order {o}\nthanks\n{f}\n",
            c=CC(c),
            ex=f"{r.randint(1, 12)}/{r.randint(27, 31)}",
            h=PN(w.full),
            e=EM(email(r, w)),
            o=X("order_id", f"#{dg(r, 5)}"),
            f=PN(w.first.lower()),
        )


@form(6, 4)
def quick_note(r: Random, d: D, v: int) -> None:
    loc = r.choice(LATIN)
    a, b = people(r, loc, 2)
    if v == 0:
        d.f(
            "fyi talked to {n} yday. new mail is {e} and hes moving to {ad} next month\nalso his bday is {bd}, lets send smth\n",
            n=PN(a.full.lower()),
            e=EM(email(r, a)),
            ad=AD(address(r, loc)),
            bd=DOB(fmt_date(r, dob_date(r), loc)),
        )
    elif v == 1:
        ph = phone(r, loc)
        cut = ph.rfind(" ")
        ph = ph[:cut] + "\n" + ph[cut + 1 :] if cut > 0 else ph
        d.f(
            "pls call back {n} asap re the contract, number\n{p}\n(sorry phone autocorrect broke the line). he mentioned {c} as reference\n",
            n=PN(a.first),
            p=PH(ph),
            c=PN(b.full),
        )
    elif v == 2:
        d.f(
            "Note to self:\n- renew certs on {h} before {dt}\n- ask {n} for the {pl} login (user {u} / pw {pw})\n- upgrade node to {nv}\n",
            h=X("hostname", f"vpn-{r.randint(1, 3)}.tidewater.dev"),
            dt=X("date", ts(r).strftime("%d/%m")),
            n=PN(b.first),
            pl=r.choice(["Hetzner", "OVH", "Grafana"]),
            u="ops-admin",
            pw=SEC("password", password(r)),
            nv=X("version", f"v{r.randint(18, 22)}.{r.randint(0, 12)}.{r.randint(0, 5)}"),
        )
    else:
        d.f(
            "{n} ({e}) keeps getting the wrong invoice.\n\n\n\n...\n\nanyway — her IBAN from the form: {ib}\n",
            n=PN(a.last),
            e=EM(email(r, a)),
            ib=IB(iban(r, CC_OF.get(loc, "DE"))),
        )
    d.f(
        "sent from {dev} · {t}\n",
        dev=r.choice(["my iPhone", "Outlook for Android"]),
        t=X("timestamp", ts(r).strftime("%H:%M")),
    )


@form(4, 2)
def expense_report(r: Random, d: D, v: int) -> None:
    loc = r.choice(["de", "uk", "fr", "nl", "us", "es"])
    d.ln(
        "Employee,Employee No,Corporate card,Merchant,Date,Amount,Category"
        if v == 0
        else "Name | Personnel no. | Reimburse to | Amount | Receipt"
    )
    for w in people(r, loc, r.randint(3, 4)):
        if v == 0:
            d.ln(
                PN(w.full),
                ",",
                IDN("employee_id", f"{r.randint(10, 99)}-{dg(r, 4)}"),
                ",",
                CC(card(r).replace(" ", "")),
                ",",
                X(
                    "company",
                    r.choice(["Lufthansa", "Deutsche Bahn", "Hilton", "Uber", "Eurostar"]),
                ),
                ",",
                X("date", ts(r).strftime("%Y-%m-%d")),
                ",",
                X("amount", f"{r.randint(9, 900)}.{dg(r, 2)}"),
                ",",
                r.choice(["Travel", "Meals", "Lodging"]),
            )
        else:
            d.f(
                "{n} | {en} | {ib} | {am} | {rc}\n",
                n=PN(w.full),
                en=IDN("employee_id", f"P{dg(r, 6)}"),
                ib=IB(iban(r, CC_OF.get(loc, "DE"))),
                am=X("amount", f"€{r.randint(9, 900)}.{dg(r, 2)}"),
                rc=X("receipt", f"rcpt_{sha(r, 10)}.pdf"),
            )


@form(4, 2)
def docker_compose(r: Random, d: D, v: int) -> None:
    pw = password(r)
    d.f(
        'services:\n  db:\n    image: postgres:{pv}\n    environment:\n      POSTGRES_USER: app\n      POSTGRES_PASSWORD: {pw}\n    ports:\n      - "{p}:5432"\n',
        pv=X("version", f"{r.randint(13, 17)}.{r.randint(1, 5)}-alpine"),
        pw=SEC("password", pw),
        p=X("port", str(r.choice([5432, 15432]))),
    )
    d.f(
        "  api:\n    image: ghcr.io/acme/api:{tag}\n    environment:\n      DATABASE_URL: postgresql://{uc}@db:5432/app\n",
        tag=X("image_tag", f"sha-{sha(r, 7)}"),
        uc=UC(f"app:{pw}"),
    )
    slot, s, var = secret(
        r, r.choice(["stripe", "sendgrid", "openai", "google", "telegram", "shopify"])
    )
    d.f("      {var}: {s}\n", var=var, s=SEC(slot, s))
    if v == 1:
        d.f(
            "      MINIO_ROOT_PASSWORD: {m}\n      S3_SECRET_KEY: {k}\n",
            m=SEC("password", rs(r, 24)),
            k=SEC("aws_secret", rs(r, 40, B64)),
        )
    d.f(
        '    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:{hp}/healthz"]\n      interval: 30s\n',
        hp=X("port", "8000"),
    )
    d.ln("docker compose up -> api exits with code 137, any idea?")


@form(5, 2)
def etl_rejects(r: Random, d: D, v: int) -> None:
    loc = r.choice(LATIN)
    run = X("run_id", f"scheduled__{iso(ts(r), False)}")
    d.f(
        "[{t}] {taskinstance.py:1225} INFO - Executing <Task(PythonOperator): load_customers> on {run}\n",
        t=X("timestamp", ts(r).strftime("%Y-%m-%d, %H:%M:%S UTC")),
        run=run,
    )
    for w in people(r, loc, r.randint(3, 4)):
        row = X("row_number", str(r.randint(100, 90000)))
        k = r.randrange(3)
        if k == 0:
            d.f(
                "WARNING - row {row}: invalid email '{e}' for customer '{n}' (missing TLD?)\n",
                row=row,
                e=EM(email(r, w).rsplit(".", 1)[0]),
                n=PN(w.full),
            )
        elif k == 1:
            d.f(
                "WARNING - row {row}: dob '{b}' in future? parsed as {y}, customer {c}\n",
                row=row,
                b=DOB(fmt_date(r, dob_date(r), loc)),
                y=X("year", "2031"),
                c=IDN("customer_id", f"C-{dg(r, 7)}"),
            )
        else:
            d.f(
                "WARNING - row {row}: duplicate phone {p} ({n} / {n2})\n",
                row=row,
                p=PH(phone(r, loc)),
                n=PN(w.full),
                n2=PN(who(r, loc).full),
            )
    if v == 1:
        d.f(
            "ERROR - could not reach {ip} via {h}; retrying in {s}s\n",
            ip=X("private_ip", f"172.{r.randint(16, 31)}.{r.randint(0, 255)}.{r.randint(2, 250)}"),
            h=X("hostname", "warehouse.internal"),
            s=r.choice([30, 60]),
        )
    d.f(
        "INFO - Marking task as SUCCESS. dag_id=crm_sync, execution_date={t}, rows_loaded={n}\n",
        t=X("timestamp", iso(ts(r), False)),
        n=X("count", str(r.randint(1000, 90000))),
    )
    d.f("client ip of the last api caller: {ip}\n", ip=IP(ipv4(r)))


@form(5, 2)
def insurance_claim(r: Random, d: D, v: int) -> None:
    from ._forms_b import plate

    loc = r.choice(["de", "fr", "uk", "nl", "es", "it", "pl", "se"])
    a, b, wit = people(r, loc, 3)
    born = dob_date(r, 1950, 2002)
    d.f(
        "Claim {cl} — motor, reported {t}\nPolicyholder: {n}, born {bd}\nPolicy no.: {pn}\nVehicle: {car}, reg. {pl}\nPhone: {p}\n",
        cl=X("claim_id", f"CLM-{r.randint(2025, 2026)}-{dg(r, 6)}"),
        t=X("timestamp", ts(r).strftime("%d.%m.%Y %H:%M")),
        n=PN(a.full),
        bd=DOB(fmt_date(r, born, loc)),
        pn=IDN("policy_number", f"{r.choice(['KFZ', 'MTR', 'AUTO'])}-{dg(r, 8)}"),
        car=r.choice(["VW Golf VII", "Renault Clio", "Toyota Yaris Hybrid", "Škoda Octavia"]),
        pl=LP(plate(r, loc)),
        p=PH(phone(r, loc)),
    )
    d.f(
        "\nCircumstances: reversing out of the car park at {place}, hit the parked vehicle {pl2} (owner {o}, {oa}).\n",
        place=X(
            "place",
            r.choice(
                ["IKEA Kaarst", "Westfield Stratford", "Carrefour Montesson", "Albert Heijn Zuidas"]
            ),
        ),
        pl2=LP(plate(r, loc)),
        o=PN(b.full),
        oa=AD(address(r, loc)),
    )
    if v == 0:
        d.f(
            "Payout to: {ib}\nDamage estimate {am}, workshop quote {q}\n",
            ib=IB(iban(r, CC_OF[loc])),
            am=X("amount", f"{r.randint(400, 9000)} EUR"),
            q=X("quote_id", f"Q{dg(r, 6)}"),
        )
    else:
        d.f(
            "Witness: {w}, {we}\nPolice report ref {pr}\n",
            w=PN(wit.full),
            we=EM(email(r, wit)),
            pr=X("reference", f"{r.choice(['AZ', 'PV'])} {dg(r, 4)}/{r.randint(24, 26)}"),
        )


_TRIPS = [
    ("Brandenburg Gate", "52.516275, 13.377704", "LH 1942", "Hotel Adlon Kempinski"),
    ("Eiffel Tower", "48.85837, 2.294481", "AF 1235", "Hôtel Plaza Athénée"),
    ("Colosseum", "41.890210, 12.492231", "AZ 609", "Hotel Artemide"),
    ("Sagrada Família", "41.403629, 2.174356", "VY 1321", "Hotel Casa Fuster"),
    ("Tokyo Tower", "35.658581, 139.745438", "NH 204", "Park Hotel Tokyo"),
    ("Rijksmuseum", "52.359998, 4.885218", "KL 1004", "Hotel Pulitzer"),
]


def passport(r: Random, loc: str) -> str:
    U = "CFGHJKLMNPRTVWXYZ"
    if loc == "de":
        return r.choice("CFGHJK") + "".join(r.choice(U + "0123456789") for _ in range(8))
    if loc == "fr":
        return f"{dg(r, 2)}{r.choice(U)}{r.choice(U)}{dg(r, 5)}"
    if loc == "pl":
        return f"{r.choice(U)}{r.choice(U)}{dg(r, 7)}"
    return dg(r, 9)


@form(3, 2)
def travel_plan(r: Random, d: D, v: int) -> None:
    loc = r.choice(["de", "fr", "uk", "us", "pl", "it"])
    a, b = people(r, loc, 2)
    place, ll, flight, hotel = r.choice(_TRIPS)
    born = dob_date(r, 1960, 2000)
    d.f(
        "Trip for the {pl} offsite — booking details for {n}:\nflight {fl} on {dt}, seat {seat}\nhotel: {h}\npassport no. {pp}, born {bd}, mobile {p}\n",
        pl=X("place", place),
        n=PN(a.full),
        fl=X("flight", flight),
        dt=X("date", ts(r).strftime("%d %b %Y")),
        seat=X("seat", f"{r.randint(3, 38)}{r.choice('ACDF')}"),
        h=X("company", hotel),
        pp=IDN("passport", passport(r, loc)),
        bd=DOB(fmt_date(r, born, loc)),
        p=PH(phone(r, loc)),
    )
    d.f(
        "Meeting point: in front of the {pl2} ({ll}).\n",
        pl2=X("place", place),
        ll=X("public_coordinates", ll),
    )
    if v == 1:
        d.f(
            "{b} joins a day later and will expense it to card {c}.\n", b=PN(b.first), c=CC(card(r))
        )
    d.f(
        "Budget per night {pr}, approved by {m}.\n",
        pr=X("price", f"{r.randint(120, 420)} EUR"),
        m=PN(b.full if v == 0 else b.last),
    )


@form(3, 2)
def network_config(r: Random, d: D, v: int) -> None:
    home = ipv4(r)
    if v == 0:
        d.f(
            "# /etc/resolv.conf\nnameserver {a}\nnameserver {b}\noptions edns0 trust-ad\n\n",
            a=X("public_resolver", r.choice(["1.1.1.1", "9.9.9.9"])),
            b=X("public_resolver", "8.8.8.8"),
        )
        d.f(
            "# /etc/nginx/conf.d/admin.conf — only my home IP may reach the admin panel\nlocation /admin {\n    allow {ip};\n    allow {lan};\n    deny all;\n    proxy_pass http://127.0.0.1:{port};\n}\n",
            ip=IP(home),
            lan=X("cidr", "192.168.178.0/24"),
            port=X("port", str(r.choice([8081, 9000]))),
        )
    else:
        w = who(r, r.choice(LATIN))
        d.f(
            "$ wg show\ninterface: wg0\n  public key: {pk}\n  listening port: {lp}\n\npeer: {pk2}\n  endpoint: {ip}:{ep}\n  allowed ips: {aip}\n  latest handshake: {hs} seconds ago\n",
            pk=X("public_key", rs(r, 43, B64) + "="),
            lp=X("port", "51820"),
            pk2=X("public_key", rs(r, 43, B64) + "="),
            ip=IP(home),
            ep=X("port", str(r.randint(30000, 60000))),
            aip=X("cidr", "10.8.0.2/32"),
            hs=r.randint(2, 90),
        )
        d.f(
            "(that peer is {n}'s laptop; handshake works but DNS to {dns} times out)\n",
            n=PN(w.first),
            dns=X("public_resolver", "1.1.1.1"),
        )
    d.f(
        "kernel {k}, nginx/{nv}\n",
        k=X("version", f"6.{r.randint(1, 12)}.{r.randint(0, 40)}-generic"),
        nv=X("version", f"1.{r.randint(20, 27)}.{r.randint(0, 3)}"),
    )


def _kr_rrn(r: Random) -> str:
    b = dob_date(r, 1960, 1999)
    s = f"{b:%y%m%d}{r.choice('12')}{dg(r, 5)}"
    w = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
    c = (11 - sum(int(x) * k for x, k in zip(s, w, strict=True)) % 11) % 10
    return f"{s[:6]}-{s[6:]}{c}"


def _gr_amka(r: Random) -> str:
    b = dob_date(r, 1950, 2000)
    s = f"{b:%d%m%y}{dg(r, 4)}"
    return s + luhn_digit(s)


@form(6, 3)
def script_message(r: Random, d: D, v: int) -> None:
    if v == 0:
        n = r.choice(["김민준", "이서연", "박지훈", "최수아", "정예준"])
        d.f(
            "{n}님, 주문하신 상품이 반송되었습니다. 연락처 {p}, 주소 {a} 확인 부탁드립니다.\n주민등록번호 {rrn} 는 본인 확인용으로만 사용됩니다.\n송장번호 {inv}, 앱 버전 {ver}\n",
            n=PN(n),
            p=PH(f"010-{dg(r, 4)}-{dg(r, 4)}"),
            a=AD(f"서울특별시 강남구 테헤란로 {r.randint(1, 500)}, {r.randint(101, 1204)}호"),
            rrn=IDN("kr_rrn", _kr_rrn(r)),
            inv=X("tracking", dg(r, 12)),
            ver=X("version", version(r)),
        )
    elif v == 1:
        k = r.randrange(4)
        n = ["Γιώργος Παπαδόπουλος", "Μαρία Νικολάου", "Δημήτρης Οικονόμου", "Ελένη Γεωργίου"][k]
        d.f(
            "Καλησπέρα, ο πελάτης {n} ζητά επιστροφή χρημάτων. ΑΜΚΑ {amka}, κινητό {p}, email {e}.\nΑριθμός παραγγελίας {o}, ποσό {am} €.\n",
            n=PN(n),
            amka=IDN("gr_amka", _gr_amka(r)),
            p=PH(f"+30 69{dg(r, 1)} {dg(r, 3)} {dg(r, 4)}"),
            e=EM(
                f"{['g.papadopoulos', 'm.nikolaou', 'd.oikonomou', 'egeorgiou'][k]}{r.randint(1, 99)}@{r.choice(['gmail.com', 'otenet.gr', 'yahoo.gr'])}"
            ),
            o=X("order_id", f"GR-{dg(r, 7)}"),
            am=X("amount", f"{r.randint(10, 500)},{dg(r, 2)}"),
        )
    else:
        k = r.randrange(4)
        n = ["محمد العتيبي", "فاطمة الزهراني", "عبدالله القحطاني", "نورة الشهري"][k]
        d.f(
            "مرحباً، العميل {n} لم يستلم الطلب. رقم الجوال {p} والبريد {e}.\nرقم الطلب {o} — تم الشحن عبر {c} بتاريخ {dt}.\n",
            n=PN(n),
            p=PH(f"+966 5{dg(r, 1)} {dg(r, 3)} {dg(r, 4)}"),
            e=EM(
                f"{['m.alotaibi', 'f.alzahrani', 'a.alqahtani', 'n.alshehri'][k]}{r.randint(1, 99)}@{r.choice(['gmail.com', 'hotmail.com', 'outlook.sa'])}"
            ),
            o=X("order_id", dg(r, 10)),
            c=X("company", "Aramex"),
            dt=X("date", ts(r).strftime("%Y-%m-%d")),
        )
        d.f("آخر دخول من {ip}\n", ip=IP(ipv4(r)))
