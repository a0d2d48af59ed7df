# ruff: noqa: E501  (template text: long lines read as pasted)
"""Machine-shaped pastes: payloads, tables, logs, configs and code, as «slot» templates.

Markers: «slot» personal value, «slot2» second person, «~kind» trap, «slot|u»
URL-encoded value. Each builder returns one template for a random draw.
"""

from __future__ import annotations

from collections.abc import Callable
from random import Random


def form_urlenc(r: Random) -> str:
    extra = r.choice(("&dob=«dobiso|u»", "&phone=«phone|u»", "&card=«card|u»", "&iban=«iban|u»"))
    return (
        "POST /contact HTTP/1.1\nHost: shop.example.org\nContent-Type: application/x-www-form-urlencoded\n"
        "Content-Length: 211\n\nname=«name|u»&email=«email|u»&address=«addr|u»"
        + extra
        + "&order=«~order|u»&consent=1"
    )


def form_json(r: Random) -> str:
    return (
        '{\n  "form_id": "«~uuid»",\n  "submitted_at": "«~ts»",\n  "fields": {\n'
        '    "first_name": "«first»",\n    "last_name": "«last»",\n    "email": "«email»",\n'
        '    "phone": "«phone»",\n    "birthdate": "«dobiso»",\n    "street": "«addr»",\n'
        '    "message": "Hi, I am «first» and I need a quote for «~measure» of tiles"\n  },\n'
        '  "client_ip": "«ip»"\n}'
    )


def crm_csv(r: Random) -> str:
    rows = "\n".join(
        f'«~order»,«first{i}»,«last{i}»,«email{i}»,"«phone{i}»","«addr{i}»",«~ts»,«~amount|n»'
        for i in range(1, r.randint(3, 6))
    )
    return "id,first_name,last_name,email,phone,address,last_contact,lifetime_value\n" + rows


def webhook_order(r: Random) -> str:
    return (
        '{\n  "id": «~order»,\n  "event": "orders/create",\n  "currency": "EUR",\n  "total_price": "«~amount»",\n'
        '  "customer": {\n    "first_name": "«first»",\n    "last_name": "«last»",\n    "email": "«email»",\n'
        '    "phone": "«phone»"\n  },\n  "shipping_address": {\n    "name": "«name»",\n'
        '    "address1": "«addr»"\n  },\n  "line_items": [{"sku": "«~sku»", "title": "«~product»", '
        '"quantity": 1}],\n  "browser_ip": "«ip»",\n  "payment": {"iban": "«iban»"}\n}'
    )


def graphql(r: Random) -> str:
    return (
        '{\n  "data": {\n    "user": {\n      "id": "«~uuid»",\n      "displayName": "«name»",\n'
        '      "email": "«email»",\n      "dateOfBirth": "«dobiso»",\n      "lastLogin": "«~ts»",\n'
        '      "location": {"lat": «geo|lat», "lng": «geo|lng»},\n      "devices": [{"ip": "«ipsix»"}]\n'
        '    }\n  },\n  "extensions": {"cost": {"requestedQueryCost": 12}}\n}'
    )


def psql(r: Random) -> str:
    n = r.randint(3, 5)
    rows = "\n".join(
        f" «~ref» | «name{i}» | «email{i}» | «dobiso{i}» | «~date»" for i in range(1, n)
    )
    return (
        "shop=# SELECT id, full_name, email, birth_date, created_at FROM customers ORDER BY id LIMIT 5;\n"
        "   id   |    full_name    |          email          | birth_date |  created_at\n"
        "--------+-----------------+-------------------------+------------+------------\n"
        + rows
        + f"\n({n - 1} rows)\n"
    )


def mysql(r: Random) -> str:
    n = r.randint(3, 5)
    rows = "\n".join(f"| «~ref» | «name{i}» | «phone{i}» | «plate{i}» |" for i in range(1, n))
    return (
        "mysql> SELECT id, owner, phone, plate FROM vehicles WHERE permit_expires < NOW();\n"
        "+------+-------------+-------------+----------+\n| id | owner | phone | plate |\n"
        "+------+-------------+-------------+----------+\n"
        + rows
        + f"\n+------+-------------+-------------+----------+\n{n - 1} rows in set (0.01 sec)"
    )


def mongo(r: Random) -> str:
    return (
        '> db.patients.findOne({_id: ObjectId("«~hash|24»")})\n{\n  _id: ObjectId("«~hash|24»"),\n'
        "  name: '«name»',\n  dob: ISODate('«dobiso»T00:00:00.000Z'),\n  patientId: '«pid»',\n"
        "  insurance: { number: '«hid»' },\n  address: '«addr»',\n  createdAt: ISODate('«~ts»')\n}"
    )


def elastic(r: Random) -> str:
    return (
        '{\n  "_index": "users-2026.12",\n  "_id": "«~uuid»",\n  "_score": 3.2,\n  "_source": {\n'
        '    "user.name": "«name»",\n    "user.email": "«email»",\n    "source.ip": "«ip»",\n'
        '    "geo.location": "«geo»",\n    "http.response.status_code": «~status»,\n'
        '    "@timestamp": "«~ts»"\n  }\n}'
    )


def pandas(r: Random) -> str:
    n = r.randint(4, 6)
    rows = "\n".join(f"{i - 1}  «name{i}»  «dobiso{i}»  «~city»  «~amount»" for i in range(1, n))
    return (
        ">>> df.head()\n   name  birth_date  city  balance\n"
        + rows
        + f"\n\n[{n - 1} rows x 4 columns]\n>>> df.balance.dtype\ndtype('O')"
    )


def jupyter(r: Random) -> str:
    return (
        "In [12]: df[df.churn_score > 0.8][['customer', 'email', 'iban']]\nOut[12]:\n"
        "       customer                 email                    iban\n"
        "41    «name»    «email»    «iban»\n"
        "207   «name2»   «email2»   «iban2»\n\nIn [13]: model.score(X_test, y_test)\nOut[13]: 0.8734"
    )


def crash(r: Random) -> str:
    return (
        'Traceback (most recent call last):\n  File "/srv/app/billing.py", line 88, in charge\n'
        '    gateway.charge(card="«card»", amount=«~amount|n», customer="«email»")\n'
        '  File "/srv/app/.venv/lib/python3.11/site-packages/stripe/api.py", line 412, in charge\n'
        "    raise CardError(msg)\nstripe.error.CardError: Your card was declined. (request id «~uuid»)\n"
        "App version «~version», commit «~sha»"
    )


def sentry(r: Random) -> str:
    return (
        '{\n  "event_id": "«~hash|32»",\n  "level": "error",\n  "release": "«~version»",\n'
        '  "user": {"id": "«emp»", "email": "«email»", "ip_address": "«ip»", "username": "«lname»"},\n'
        '  "request": {"url": "https://app.example.net/api/v2/checkout", "headers": {"Authorization": '
        '"Bearer «jwt»"}},\n  "exception": {"values": [{"type": "KeyError", "value": "\'shipping\'"}]},\n'
        '  "timestamp": "«~ts»"\n}'
    )


def nginx(r: Random) -> str:
    lines = []
    for i in range(1, r.randint(4, 7)):
        path = r.choice(("/login", "/api/cart", "/static/app.js", "/checkout", "/account/profile"))
        ip = r.choice(("ip", "ip", "ipsix"))
        lines.append(
            f'«{ip}{i}» - - [06/Dec/2026:08:{10 + i}:0{i} +0100] "GET {path} HTTP/1.1" «~status» '
            f'{r.randint(200, 9000)} "-" "Mozilla/5.0 (X11; Linux x86_64)"'
        )
    return "\n".join(lines)


def apache(r: Random) -> str:
    return (
        '«ip» - «lname» [05/Dec/2026:23:14:07 +0000] "POST /wp-login.php HTTP/1.1" «~status» 4512\n'
        '«ip2» - - [05/Dec/2026:23:14:09 +0000] "GET /?email=«email|u» HTTP/1.1" «~status» 812\n'
        "[Sat Dec 05 23:14:10.123 2026] [php:warn] [pid 2231] [client «ip3»:51234] Undefined index: user"
    )


def syslog(r: Random) -> str:
    return (
        "Dec  6 07:41:02 web-03 sshd[2212]: Failed password for «lname» from «ip» port 52211 ssh2\n"
        "Dec  6 07:41:05 web-03 sshd[2212]: Accepted publickey for deploy from «ipsix» port 40022 ssh2\n"
        "Dec  6 07:42:11 web-03 postfix/smtp[3110]: «~hash|10»: to=<«email»>, relay=mx.example.com, "
        "delay=0.4, status=sent (250 2.0.0 OK)\n"
        "Dec  6 07:43:00 web-03 app[981]: user «emp» updated phone to «phone»"
    )


def journalctl(r: Random) -> str:
    return (
        "-- Logs begin at Mon 2026-11-30 09:00:01 UTC. --\n"
        "Dec 06 09:01:33 nas systemd[1]: Started Backup job.\n"
        "Dec 06 09:01:34 nas rclone[4410]: ERROR : Failed to connect: «dburl»\n"
        "Dec 06 09:01:35 nas rclone[4410]: retrying in 30s (attempt 2/5), version «~version»\n"
        "Dec 06 09:02:05 nas sudo[4460]:  «lname» : TTY=pts/0 ; PWD=/home ; USER=root ; COMMAND=/bin/ls"
    )


def logcat(r: Random) -> str:
    return (
        "12-06 08:15:22.341  4120  4188 D LocationService: fix lat/lng=«geo» acc=12.0\n"
        "12-06 08:15:22.512  4120  4120 I ProfileActivity: loaded user «name» <«email»>\n"
        "12-06 08:15:23.007  4120  4201 W OkHttp: --> POST https://api.example.app/v1/sync "
        "Authorization: Bearer «key»\n"
        "12-06 08:15:23.448  4120  4201 E SyncWorker: HTTP «~status» after 430ms, retry «~uuid»"
    )


def compose(r: Random) -> str:
    return (
        'version: "3.9"\nservices:\n  db:\n    image: postgres:«~version|n»\n    environment:\n'
        '      POSTGRES_USER: app\n      POSTGRES_PASSWORD: «pw»\n    ports:\n      - "«~port»:5432"\n'
        "  api:\n    image: registry.example.com/shop-api:«~sha»\n    environment:\n"
        "      DATABASE_URL: «dburl»\n      STRIPE_KEY: «key»\n      SLACK_WEBHOOK: «hook»\n"
        "      ADMIN_EMAIL: «email»\n"
    )


def ansible(r: Random) -> str:
    return (
        "[webservers]\nweb1 ansible_host=«ip» ansible_user=«lname»\nweb2 ansible_host=«ip2»\n\n"
        "[db]\ndb1 ansible_host=«ip3» ansible_port=«~port»\n\n[all:vars]\n"
        "ansible_become_password=«pw»\nowner_contact=«email»\n"
    )


def code_test(r: Random) -> str:
    return (
        'def test_customer_export():\n    c = Customer(\n        name="«name»",\n        email="«email»",\n'
        '        phone="«phone»",\n        iban="«iban»",\n        birth_date="«dobiso»",\n    )\n'
        '    assert export(c)["status"] == «~status»\n    assert c.order_id == "«~order»"\n'
    )


def code_seed(r: Random) -> str:
    rows = ",\n".join(
        f"    ('«name{i}»', '«email{i}»', '«ssn{i}»', '«~date»')" for i in range(1, r.randint(3, 5))
    )
    return "-- seed.sql\nINSERT INTO employees (name, email, ssn, hired_on) VALUES\n" + rows + ";\n"


def code_script(r: Random) -> str:
    return (
        'import requests\n\nAPI_KEY = "«key»"\nHOOK = "«hook»"\n\n'
        'def notify(msg):\n    requests.post(HOOK, json={"text": msg}, timeout=«~port|n»)\n\n'
        'notify("New signup: «name» <«email»>, plan «~sku»")\n'
        "# TODO: remove before commit -- prod password «pw»\n"
    )


def env_file(r: Random) -> str:
    return (
        "# .env.production\nAPP_VERSION=«~version»\nDATABASE_URL=«dburl»\nAWS_ACCESS_KEY_ID=«key»\n"
        "AWS_SECRET_ACCESS_KEY=«awssec»\nJWT_SAMPLE=«jwt»\nSUPPORT_EMAIL=«email»\n"
    )


def pem_paste(r: Random) -> str:
    return (
        "$ cat ~/.ssh/id_deploy\n«pem»\n$ ssh -i ~/.ssh/id_deploy «lname»@«ip»\n"
        'Load key "/home/«lname»/.ssh/id_deploy": invalid format\n'
        "«lname»@«ip»: Permission denied (publickey).\n"
    )


STRUCTURED: dict[str, Callable[[Random], str]] = {
    "form_urlencoded": form_urlenc,
    "form_json": form_json,
    "crm_export": crm_csv,
    "order_webhook": webhook_order,
    "graphql_response": graphql,
    "psql_result": psql,
    "mysql_result": mysql,
    "mongo_doc": mongo,
    "elastic_doc": elastic,
    "pandas_print": pandas,
    "jupyter_output": jupyter,
    "crash_report": crash,
    "error_event": sentry,
    "nginx_log": nginx,
    "apache_log": apache,
    "syslog": syslog,
    "journalctl": journalctl,
    "logcat": logcat,
    "docker_compose": compose,
    "ansible_inventory": ansible,
    "code_test": code_test,
    "code_seed": code_seed,
    "code_script": code_script,
    "env_file": env_file,
    "key_paste": pem_paste,
}
