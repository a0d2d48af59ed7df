# ruff: noqa: E501  (the probes are kept verbatim, as pasted)
"""Secrets in the forms people paste, on text nobody wrote for the filter: provider keys,
credentials in shell and config files, HTTP headers, QR strings, tables, wallets, recovery
codes, passwords said in prose in en/de/es/fr/it — each must **block** under ``strict`` —
and their harmless look-alikes (placeholders, hashes, public keys, certificates, request
ids, password policies), which must not.

The probes were written by hand as a developer or a user would paste them, before the
readers (``edgekit.privacy.secret_forms`` and the rules they extend) were built.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edgekit.errors import PrivacyBlocked
from edgekit.privacy import Filter, PrivacyConfig, Redactor
from edgekit.privacy.credentials import is_literal
from edgekit.privacy.secret_forms import secret_forms

from .helpers import cpu_seconds

BLOCKING = {"SECRET", "URL_CREDENTIALS"}


@pytest.fixture(scope="module")
def strict() -> Filter:
    return Filter(PrivacyConfig(preset="strict", ner="off"))


def _blocking(flt: Filter, text: str) -> list[str]:
    return [text[f.start : f.end] for f in flt.scan(text) if f.type in BLOCKING]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "TWILIO_ACCOUNT_SID=AC4f9b2c8e7d6a5b4c3d2e1f0a9b8c7d6e\nTWILIO_AUTH_TOKEN=9f8e7d6c5b4a39281706f5e4d3c2b1a0",
            id="twilio",
        ),
        pytest.param(
            "twilio api key SK2b7f4e9c1d8a6b3e5f0c7d9a2b4e6f8c1 in the script", id="twilio-sk"
        ),
        pytest.param("mailchimp key is 3f9a7c2e1b8d4f6a0c5e9b7d2a4f8c1e-us14", id="mailchimp"),
        pytest.param(
            "DefaultEndpointsProtocol=https;AccountName=prodlogs01;AccountKey=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6QUJDREVGR0g9PQ==;EndpointSuffix=core.windows.net",
            id="azure-conn",
        ),
        pytest.param(
            "SharedAccessSignature=sv=2021-06-08&ss=b&srt=sco&sp=rwdlac&se=2026-12-31T23:59:59Z&sig=Q2x9Vb7Kp3mN8rT4wZ1yF6hJ0cL5dS2aE9uI7oP3qR4%3D",
            id="azure-sas",
        ),
        pytest.param("AZURE_CLIENT_SECRET=Xk38Q~aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3z", id="azure-ad"),
        pytest.param(
            "the client secret for the app registration is 7Qx8Q~Lm2nP4rT6vX8zB0dF2hJ4kM6nQ8sU0wY2",
            id="azure-ad-prose",
        ),
        pytest.param(
            '{"type": "service_account", "project_id": "acme-prod", "private_key_id": "3b1f2a9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a", "private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\\n-----END PRIVATE KEY-----\\n", "client_email": "svc@acme-prod.iam.gserviceaccount.com"}',
            id="gcp-sa",
        ),
        pytest.param(
            "DD_API_KEY=4c8f2a9e7b1d3f5a6c0e8b2d4f6a9c1e\nDD_APP_KEY=9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b",
            id="datadog",
        ),
        pytest.param(
            "shop token 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 and 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",
            id="shopify",
        ),
        pytest.param(
            "SQUARE_ACCESS_TOKEN=EAAAEOuLQObrVwJvCvoio4nBK0Jb8hG5hJxYz2aQpR7sT9uVwXy1zA3bC5dE7fGh",
            id="square",
        ),
        pytest.param(
            "braintree access_token$production$x8k3n9f2p7q1w4z6$4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c",
            id="paypal",
        ),
        pytest.param(
            "HEROKU_API_KEY=HRKU-AAbCdEf1234567890_GhIjKlMnOpQrStUvWxYz0123456789ab", id="heroku"
        ),
        pytest.param("heroku auth token: 3f2b9c1a-7d4e-4a8b-9c2d-1e0f5a6b7c8d", id="heroku-uuid"),
        pytest.param("OKTA_API_TOKEN=00aBcD3fGh1jKlMn0pQrStUvWxYz1234567890AbCd", id="okta"),
        pytest.param(
            "JIRA_API_TOKEN=ATATT3xFfGF0aB1cD2eF3gH4iJ5kL6mN7oP8qR9sT0uV1wX2yZ3aB4cD5eF6gH7iJ8=A1B2C3D4",
            id="atlassian",
        ),
        pytest.param(
            "CLOUDFLARE_API_TOKEN=Xq7vL2mN9pR4sT6uW8yA1bC3dE5fG7hJ9kL0mN2p", id="cloudflare"
        ),
        pytest.param(
            "mapbox secret token sk.eyJ1IjoiYWNtZSIsImEiOiJja3h5ejEyMzQ1Njc4OTBhYmNkZWYifQ.Zx9y8W7v6U5t4S3r2Q1p0A",
            id="mapbox",
        ),
        pytest.param("ALGOLIA_ADMIN_KEY=b7e3f9a1c5d8e2f4a6b0c9d7e1f3a5b8", id="algolia"),
        pytest.param(
            "SENTRY_DSN=https://4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c@o123456.ingest.sentry.io/4504321",
            id="sentry",
        ),
        pytest.param(
            "FIREBASE_SERVER_KEY=AAAAq8Zx1c2:APA91bH7kL9mN3pQ5rS7tU9vW1xY3zA5bC7dE9fG1hJ3kL5mN7pQ9rS1tU3vW5xY7zA9bC1dE3fG5hJ7kL9mN1pQ3",
            id="firebase",
        ),
        pytest.param(
            'SUPABASE_SERVICE_ROLE_KEY="eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIn0.Qm9vZ3VzU2lnbmF0dXJlMTIzNDU2Nzg5MA"',
            id="supabase",
        ),
        pytest.param(
            "supabase secret key sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz", id="supabase-sb"
        ),
        pytest.param(
            "export VAULT_TOKEN=hvs.CAESIJx8k2m9p4r7t1w3y5z6a8b0c2d4f6h8j0l2n4p6r8t", id="vault"
        ),
        pytest.param(
            '{"auths": {"registry.gitlab.com": {"auth": "ZGVwbG95OmdscGF0LXh4OXlLbTJQcTdSdFZ3WjNuNA=="}}}',
            id="docker-auth",
        ),
        pytest.param(
            "curl -H 'Authorization: Basic YWRtaW46UzNjcjN0UGFzcw==' https://api.internal/",
            id="basic",
        ),
        pytest.param("Authorization: Bearer 9f3kLm2Qp8Rt5Vw1Xy7Za4Bc6De0Fg", id="bearer"),
        pytest.param(
            "Cookie: sessionid=k3j9f8d7s6a5q4w3e2r1t0y9u8i7o6p5; csrftoken=Ab3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY",
            id="cookie",
        ),
        pytest.param(
            "Set-Cookie: connect.sid=s%3AQx9vB7kP3mN8rT4wZ1yF6hJ0cL5dS2a.E9uI7oP3qR4tY6; Path=/; HttpOnly",
            id="set-cookie",
        ),
        pytest.param(
            "machine api.heroku.com\n  login ana@example.com\n  password 7c1e9a3f-2b4d-4f6a-8c0e-9d7b5a3f1c2e",
            id="netrc",
        ),
        pytest.param("machine github.com login octocat password hunter2Xyz", id="netrc2"),
        pytest.param("db.internal:5432:billing:billing_app:Tr0ub4dor&3", id="pgpass"),
        pytest.param(
            "users:\n- name: admin\n  user:\n    token: eyJhbGciOiJSUzI1NiIsImtpZCI6IjEyMyJ9abcdEFGH1234ijklMNOP5678",
            id="kubeconfig",
        ),
        pytest.param(
            "users:\n- name: ci\n  user:\n    token: kx9Qm2Lp7Rt4Vw8Zb1Nc3Df6Gh0Jk5",
            id="kubeconfig2",
        ),
        pytest.param(
            "//registry.npmjs.org/:_authToken=npm_aB3cD5eF7gH9iJ1kL3mN5oP7qR9sT1uV3wX5", id="npmrc"
        ),
        pytest.param(
            "//npm.pkg.github.com/:_authToken=a8f3c2e1b9d7f5a4c6e8b0d2f4a6c8e0b1d3f5a7", id="npmrc2"
        ),
        pytest.param(
            "[global]\nindex-url = https://deploy:Pa55w0rd!@pypi.internal.example/simple",
            id="pipconf",
        ),
        pytest.param(
            "git remote add origin https://oauth2:glpat-Xy9zA8bC7dE6fG5hI4jK@gitlab.com/acme/app.git",
            id="git-remote",
        ),
        pytest.param(
            "git clone https://x-access-token:ghs_aB1cD2eF3gH4iJ5kL6mN7oP8qR9sT0uV1wX2@github.com/acme/app.git",
            id="git-remote2",
        ),
        pytest.param("mysql -u root -pS3cretPw! -h 10.0.0.5 shop", id="mysql"),
        pytest.param("sshpass -p 'Winter2024!' ssh deploy@10.0.0.7", id="sshpass"),
        pytest.param("curl -u admin:Sup3rS3cret https://jenkins.local/api/json", id="curl-u"),
        pytest.param("PGPASSWORD=Kq7!mZ2p psql -h db -U app", id="pgpassword"),
        pytest.param(
            "docker login -u deploy -p dckrP4ss9Xy registry.example.com", id="docker-login"
        ),
        pytest.param(
            "echo Hx7kq2Lm9 | docker login --username ci --password-stdin ; docker login -u ci -p Hx7kq2Lm9Zt registry.io",
            id="docker-login2",
        ),
        pytest.param("WIFI:S:HomeNet-5G;T:WPA;P:Sonnenblume42!;;", id="wifi-qr"),
        pytest.param(
            "otpauth://totp/GitHub:ana?secret=JBSWY3DPEHPK3PXP&issuer=GitHub", id="otpauth"
        ),
        pytest.param(
            "GitHub recovery codes:\n4f2a1-9c8b7\n3e6d5-0a1b2\n7c9e8-1f2d3\n5a4b6-8d7c0",
            id="recovery",
        ),
        pytest.param(
            "Google backup codes: 8301 4526, 9917 2284, 5550 1923, 7712 0048", id="backup-codes"
        ),
        pytest.param(
            "my seed phrase: abandon ability able about above absent absorb abstract absurd abuse access accident",
            id="seed",
        ),
        pytest.param(
            "Meine Wiederherstellungsphrase lautet: zebra ocean rifle cabin tunnel quote honey giraffe muscle patrol orbit velvet",
            id="seed-de",
        ),
        pytest.param(
            "wallet private key 0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318",
            id="eth-key",
        ),
        pytest.param("WIF: 5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ", id="btc-wif"),
        pytest.param(
            "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----",
            id="ssh-key",
        ),
        pytest.param(
            'ssh_key: "-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU\\n-----END OPENSSH PRIVATE KEY-----"',
            id="ssh-escaped",
        ),
        pytest.param(
            "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBF0mZ8IBCADL5k9x\n-----END PGP PRIVATE KEY BLOCK-----",
            id="pgp",
        ),
        pytest.param("el pin del portátil es 482913", id="pw-es"),
        pytest.param("la contraseña del router es Gato2023", id="pw-es2"),
        pytest.param("das WLAN-Passwort lautet Sonnenschein88", id="pw-de"),
        pytest.param("Das Passwort für den Server lautet: Xr7!kLm2", id="pw-de2"),
        pytest.param("mdp : Chaton2024", id="pw-fr"),
        pytest.param("le mot de passe de la box c'est Azerty123", id="pw-fr2"),
        pytest.param("la password di casa è Gatto1987", id="pw-it"),
        pytest.param("la password del wifi: Pizza-Margherita9", id="pw-it2"),
        pytest.param("the wifi password is BlueHouse42", id="pw-en"),
        pytest.param("new password for the office printer: Kx9#mm2", id="pw-en2"),
        pytest.param("pwd for the NAS -> Gr33nTea!", id="pw-en4"),
        pytest.param(
            "| user | password |\n|------|----------|\n| ana  | Tulip2020 |\n| bob  | Kx9#mm2q |",
            id="pw-table",
        ),
        pytest.param(
            "username,password,email\nana,Tulip2020!,ana@example.com\nbob,Kx9mm2qZ,bob@example.com",
            id="pw-csv",
        ),
        pytest.param("Benutzer;Passwort\nana;Sommer2024!\nbob;Winter#99", id="pw-csv-de"),
        pytest.param("usuario,contraseña\nmaria,Verano2024\njuan,Invierno#7", id="pw-csv-es"),
        pytest.param("DB_PASSWORD=changeme", id="pw-changeme"),
        pytest.param("STRIPE_WEBHOOK_SECRET=whsec_a8F3kL9mQ2pR7tV1wX4zB6nC0dE5gH", id="env-secret"),
        pytest.param("SLACK_SIGNING_SECRET=8f742231b10e8888abcd99yyyzzz85a5", id="slack-cfg"),
        pytest.param("GITHUB_CLIENT_SECRET=4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a", id="gh-app"),
        pytest.param(
            "aws_secret_access_key = tR7vXq2mLp9sKd4w/Nz8bYc3fHj6gUe1aQo5iVn0W", id="aws-secret"
        ),
        pytest.param('{"user": "admin", "pass": "Tr0ub4dor&3"}', id="json-pw"),
        pytest.param("database:\n  user: app\n  password: Kq7mZ2pWx", id="yaml-pw"),
        pytest.param(
            "REDIS_URL=rediss://default:Ab3dE5fG7hJ9kL1m@redis-12345.c1.cloud.redislabs.com:12345",
            id="rediss",
        ),
        pytest.param("mongodb+srv://admin:M0ng0Pa55@cluster0.ab1cd.mongodb.net/prod", id="mongo"),
        pytest.param(
            "Hi Jonas, das Kennwort für das Gäste-WLAN ist jetzt Bergsee#2025", id="pw-de3"
        ),
        pytest.param("Oye, la clave del banco es Mora.1984 no se la digas a nadie", id="pw-es3"),
        pytest.param("Le code wifi de la maison: Lavande77", id="pw-fr3"),
        pytest.param("la password per il NAS è Tramonto!55", id="pw-it3"),
        pytest.param("Password for the staging DB = Qz8vN1pL", id="pw-en5"),
        pytest.param("Mon mot de passe pour Netflix est Soleil2022", id="pw-fr4"),
        pytest.param("Benutzername: mueller, Passwort: Herbst!2023", id="pw-de4"),
        pytest.param("export MYSQL_PWD=Rk82jLq9x && mysqldump shop > shop.sql", id="env2"),
        pytest.param("REDIS_PASSWORD=changeme", id="env3"),
        pytest.param("NEXTAUTH_SECRET=Jf8s7Ld0Qp3Zx9Vb2Nm5Kc1H", id="env4"),
        pytest.param(
            "cookie: JSESSIONID=A1B2C3D4E5F6A7B8C9D0E1F2A3B4C5D6; Path=/app", id="cookie2"
        ),
        pytest.param(
            "Cookie: _gh_sess=Zm9vYmFyMTIzNDU2Nzg5MGFiY2RlZmdo; logged_in=yes", id="cookie3"
        ),
        pytest.param("Scan this: WIFI:T:WPA;S:Büro-Gast;P:Kaffee\\;Pause42;H:false;;", id="wifi2"),
        pytest.param("*:5432:*:postgres:Sup3r-S3cret", id="pgpass2"),
        pytest.param(
            "| Dienst | Benutzer | Passwort |\n|---|---|---|\n| Router | admin | Fritz!Box77 |",
            id="table-de",
        ),
        pytest.param("identifiant;mot de passe\njdupont;Printemps#24", id="csv-fr"),
        pytest.param("user\tpwd\nroot\tT00r!xyz", id="tsv"),
        pytest.param("Backup codes:\n  1. 4827 1193\n  2. 5531 0098\n  3. 7719 2246", id="codes2"),
        pytest.param(
            "Recovery phrase: legal winner thank year wave sausage worth useful legal winner thank yellow",
            id="seed2",
        ),
        pytest.param("podman login -u robot -p Xq8kL2mN9vB quay.io", id="docker3"),
        pytest.param(
            "BlobEndpoint=https://acct.blob.core.windows.net/;SharedAccessSignature=sv=2022-11-02&ss=b&srt=o&sp=r&se=2026-01-01&sig=aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5bC7d%3D",
            id="sas2",
        ),
        pytest.param("the PIN for my debit card is 7391", id="pin2"),
        pytest.param("Der PIN von der Karte: 5820", id="pin3"),
        pytest.param(
            "MAPBOX_SECRET=sk.eyJ1IjoiZGV2IiwiYSI6ImNsMTIzYWJjZGVmZ2hpams0NTYifQ.AbCdEfGh12345678",
            id="mapbox2",
        ),
        pytest.param(
            'Sentry.init({ dsn: "https://0123456789abcdef0123456789abcdef@o4505.ingest.us.sentry.io/4506789" })',
            id="sentry2",
        ),
        pytest.param(
            "use 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 for the app proxy", id="shopify-bare"
        ),
        pytest.param(
            "X-Shopify-Access-Token: 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", id="shopify-at"
        ),
        pytest.param(
            "sid AC4f9b2c8e7d6a5b4c3d2e1f0a9b8c7d6e auth 9f8e7d6c5b4a39281706f5e4d3c2b1a0",
            id="twilio-bare",
        ),
        pytest.param(
            "heroku config says HRKU-AAbCdEf1234567890_GhIjKlMnOpQrStUvWxYz0123456789ab",
            id="heroku-hrku",
        ),
        pytest.param(
            "cf global api key: 1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9", id="cloudflare-ga"
        ),
        pytest.param(
            'credentials:\n  private_key: "-----BEGIN RSA PRIVATE KEY-----\\nMIIEowIBAAKCAQEAx7Yk\\n-----END RSA PRIVATE KEY-----\\n"',
            id="gcp-yaml",
        ),
        pytest.param("_auth = ZGVwbG95OlMzY3JldFB3ZDEyMw==\nalways-auth = true", id="npm-legacy"),
        pytest.param(
            "[pypi]\nusername = __token__\npassword = pypi-AgEIcHlwaS5vcmcCJGE4ZjNjMmUxLWI5ZDctNGY1YS1iYzZlLThiMGQyZjRhNmM4ZQ",
            id="pypirc",
        ),
        pytest.param(
            "apiVersion: v1\nkind: Secret\ndata:\n  password: UzNjcjN0UGFzc3dvcmQxMjM=",
            id="kube-b64",
        ),
        pytest.param("sshpass -p Winter2024 scp backup.tar root@nas:/vol1", id="sshpass2"),
        pytest.param("mysql --user=root --password=R00tPw2024 shop", id="mysql2"),
        pytest.param(
            'curl -H "Authorization: Bearer a8F3kL9mQ2pR7tV1wX4zB6nC0dE5gH" https://api.example.com/v1/me',
            id="curl-bearer",
        ),
        pytest.param(
            "curl -H 'x-api-key: 7Hs9Kd2Lq8Zp3Xv6Bn1Mc4Rt' https://api.vendor.io", id="x-api-key"
        ),
        pytest.param("Te paso la contraseña: Pingüino#12", id="es-prose"),
        pytest.param("ecco la password del router: Leone2020", id="it-prose"),
        pytest.param("Zugangsdaten: Benutzer admin, Kennwort Drossel77", id="de-prose"),
        pytest.param("Voici le mdp du compte: Biscotte42", id="fr-prose"),
        pytest.param("login: ana / pass: Marigold88", id="en-prose"),
        pytest.param(
            "otpauth://totp/AWS:ana@acme?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=AWS",
            id="otp2",
        ),
        pytest.param(
            "frase semilla: ocean rifle cabin tunnel quote honey giraffe muscle patrol orbit velvet zebra",
            id="seed-es",
        ),
        pytest.param("Codes de secours Google :\n8301-4526\n9917-2284\n5550-1923", id="codes-fr"),
        pytest.param(
            "PRIVATE_KEY=0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318",
            id="eth2",
        ),
        pytest.param("WIFI:S:MiCasa;T:WPA;P:Ajolote2024;;", id="wifi-es"),
        pytest.param("la contraseña para la impresora es Canon-2291", id="es-chat"),
        pytest.param("mot de passe pour le compte admin : Ratatouille#8", id="fr-chat"),
        pytest.param("la password dell'account è Girasole_33", id="it-chat"),
        pytest.param("Your Wi-Fi password for room 204: Ocean5treet", id="en-sms"),
        pytest.param("API_SECRET=Z3xq9Lm2Rk7Tn4Vb", id="env-line"),
        pytest.param(
            "Cookie: _myapp_session=bWFzdGVyU2Vzc2lvbjEyMzQ1Njc4OTA%3D--a1b2c3d4e5f6",
            id="cookie-rails",
        ),
    ],
)
def test_secret_forms_block(strict: Filter, text: str) -> None:
    assert _blocking(strict, text), text


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Set OPENAI_API_KEY to your key (it looks like sk-...).", id="doc-sk"),
        pytest.param("export API_TOKEN=<your-token>", id="doc-your"),
        pytest.param("api_key: xxxxxxxxxxxxxxxxxxxx", id="doc-xxx"),
        pytest.param("password: ${DB_PASSWORD}", id="doc-var"),
        pytest.param(
            "AWS_SECRET_ACCESS_KEY=XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", id="doc-xxx2"
        ),
        pytest.param(
            "sha256sum: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08  release.tar.gz",
            id="sha256",
        ),
        pytest.param("fixed in commit 3f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39", id="commit"),
        pytest.param("request id 3f2b9c1a-7d4e-4a8b-9c2d-1e0f5a6b7c8d failed", id="uuid"),
        pytest.param(
            '<img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==">',
            id="b64img",
        ),
        pytest.param(
            "src: url(data:font/woff2;base64,d09GMgABAAAAAAZsAA4AAAAAC6QAAAYWAAEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAP0ZGVE0cGh4) format('woff2');",
            id="b64font",
        ),
        pytest.param(
            "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEq8Zx1c2Fp9kL3mN5pQ7rS9tU1vW3xY5zA7bC9dE1fG3hJ5kL7mN9pQ1rS3tU5vW7xY9zA==\n-----END PUBLIC KEY-----",
            id="pubkey",
        ),
        pytest.param(
            "-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJRTESMBAGA1UE\n-----END CERTIFICATE-----",
            id="cert",
        ),
        pytest.param(
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl ana@laptop",
            id="ssh-pub",
        ),
        pytest.param("X-Request-Id: 01HQZ8K3M9P2R4T6V8X0Y2Z4B6", id="reqid"),
        pytest.param('ETag: "33a64df551425fcc55e4d42a148795d9f25f89d4"', id="etag"),
        pytest.param(
            "password_hash: $2b$12$KIXQJ7Gm5Yt1lHk6vZr3Qe9wLq2bN8sD4fT0uP1yR7cV3xM5aZ6Ge",
            id="bcrypt",
        ),
        pytest.param(
            "hash = $argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG",
            id="argon",
        ),
        pytest.param("version eyJhbGci.not.a.token in docs", id="not-jwt"),
        pytest.param("Click 'Forgot password' to reset your password.", id="pw-reset"),
        pytest.param("Das Passwort muss mindestens 12 Zeichen lang sein.", id="pw-policy"),
        pytest.param("La contraseña debe tener al menos 8 caracteres.", id="pw-es-policy"),
        pytest.param("Le mot de passe est incorrect, réessayez.", id="pw-fr-policy"),
        pytest.param("La password è scaduta, cambiala.", id="pw-it-policy"),
        pytest.param(
            '<script src="x.js" integrity="sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC" crossorigin="anonymous"></script>',
            id="sri",
        ),
        pytest.param(
            "image: nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31",
            id="docker-digest",
        ),
        pytest.param(
            '"integrity": "sha512-v2kDEe57lecTulaDIuNTPy3Ry4gLGJ6Z1O3vE1krgXZNrsQ+LFTGHVxVjcXGOgE4Ax3w7fj9lFcbT0LvaoVnYQ=="',
            id="npm-integrity",
        ),
        pytest.param("The token is expired, please log in again.", id="token-prose"),
        pytest.param(
            "    tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token", id="kube-ref"
        ),
        pytest.param("password = os.environ['DB_PASSWORD']", id="env-ref"),
        pytest.param("git clone https://github.com/psf/requests.git", id="git-remote-pub"),
        pytest.param("Cookie: theme=dark; lang=de-DE", id="cookie-pref"),
        pytest.param("WIFI:S:CafeGuest;T:nopass;;", id="wifi-open"),
        pytest.param(
            "mapboxgl.accessToken = 'pk.eyJ1IjoiYWNtZSIsImEiOiJja3h5ejEyMzQ1In0.Zx9y8W7v6U5t4S3r2Q1p0A';",
            id="mapbox-pub",
        ),
        pytest.param(
            "gpg fingerprint: 4AEE 18F8 3AFD EB23 E4B5  F5E6 9F2B 4C1A 2C7D 9E6F", id="gpg-fpr"
        ),
        pytest.param("CONTAINER ID   IMAGE\n3f2a9c1e8b7d   nginx:latest", id="docker-ps"),
        pytest.param("Enter your password and press Enter.", id="pw-word"),
        pytest.param("checksum MD5: d41d8cd98f00b204e9800998ecf8427e", id="it-checksum"),
        pytest.param("Authorization: Bearer <token>", id="api-docs"),
        pytest.param("Authorization: Bearer $TOKEN", id="api-docs2"),
        pytest.param(
            "  password:\n    secretKeyRef:\n      name: db-credentials\n      key: password",
            id="k8s-secret-ref",
        ),
        pytest.param(
            "We plan to abandon the old office and move above the bakery next year.", id="seed-text"
        ),
        pytest.param("Das Passwort für dein Konto muss geändert werden.", id="de-pol"),
        pytest.param("La contraseña del usuario es obligatoria.", id="es-pol"),
        pytest.param("Le mot de passe de votre compte est expiré.", id="fr-pol"),
        pytest.param("La password del tuo account è cambiata con successo.", id="it-pol"),
        pytest.param("The password for this account is managed by IT.", id="en-pol"),
        pytest.param("Password for the admin user: see 1Password vault", id="en-pol2"),
        pytest.param("MAX_TOKENS=4096\nNUM_PASS=3", id="env-max"),
        pytest.param("DB_PASSWORD=$DB_PASSWORD\nAPI_TOKEN=${API_TOKEN}", id="env-ref"),
        pytest.param("OPENAI_API_KEY=your_api_key_here\nGITHUB_TOKEN=<token>", id="env-ph"),
        pytest.param("SKIP_AUTH=true\nUSE_TOKEN=false", id="env-bool"),
        pytest.param("Set-Cookie: lang=en-US; Path=/; Max-Age=31536000", id="cookie-pref2"),
        pytest.param("Cookie: _ga=GA1.2.1234567890.1699999999; theme=light", id="cookie-ga"),
        pytest.param(
            "| user | password |\n|---|---|\n| ana | ******** |\n| bob | (hidden) |",
            id="table-mask",
        ),
        pytest.param("username,password_hash\nana,$2b$12$KIXQJ7Gm5Yt1lHk6vZr3Qe", id="csv-noval"),
        pytest.param(
            "A mnemonic: every good boy does fine helps music students remember the notes on the lines",
            id="mnemonic-prose",
        ),
        pytest.param(
            "Recovery codes: you can generate new ones in settings at any time.", id="codes-prose"
        ),
        pytest.param("Discount codes: SPRING10, SUMMER20", id="order-codes"),
        pytest.param("Meeting 10:30:00:team:agenda", id="time"),
        pytest.param(
            "tx 5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTX in the wallet log",
            id="wif-like",
        ),
        pytest.param("dsn: https://examplePublicKey@o0.ingest.sentry.io/0", id="sentry-docs"),
        pytest.param("docker login -u USERNAME -p $PASSWORD", id="docker-login-doc"),
        pytest.param("hostname:port:database:username:password", id="pgpass-doc"),
        pytest.param(
            "ssl_cert: |\n  -----BEGIN CERTIFICATE-----\n  MIIFazCCA1OgAwIBAgIRAIIQz7DSQONZRGPgu2OCiwAwDQYJKoZIhvcNAQELBQAw\n  -----END CERTIFICATE-----",
            id="cert-chain",
        ),
        pytest.param("Il passaporto di Luca è scaduto.", id="it-pass"),
        pytest.param("bus pass for the week: 2 zones", id="pass-bus"),
        pytest.param("OPENAI_API_KEY=sk-...", id="sk-dots"),
        pytest.param("password: <password>", id="doc-angle"),
        pytest.param("password = '********'", id="doc-star"),
        pytest.param(
            "env:\n- name: DB_PASSWORD\n  valueFrom:\n    secretKeyRef:\n      name: db\n      key: password",
            id="k8s-ref",
        ),
        pytest.param("password = var.db_password", id="tf-var"),
        pytest.param("token: ${{ secrets.GITHUB_TOKEN }}", id="gh-actions"),
        pytest.param(
            "commit 9fceb02d0ae598e95dc970b74767f19372d61af8\nAuthor: Ana <ana@example.com>",
            id="sha1-line",
        ),
        pytest.param(
            '"resolved": "https://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz", "integrity": "sha512-v2kDEe57lecTulaDIuNTPy3Ry4gLGJ6Z1O3vE1krgXZNrsQ+LFTGHVxVjcXGOgE4Ax3w7fj9lFcbT0LvaoVnYQ=="',
            id="lockfile",
        ),
        pytest.param(
            "requests==2.31.0 --hash=sha256:58cd2187c01e70e6e26505bca751777aa9f2ee0b7f4300988b709f44e013003f",
            id="pip-hash",
        ),
        pytest.param("event_id=01ARZ3NDEKTSV4RRFFQ69G5FAV", id="ulid"),
        pytest.param("uid: 6c3b7a8e-2f1d-4e5a-9b0c-8d7e6f5a4b3c", id="k8s-uid"),
        pytest.param("watch?v=dQw4w9WgXcQ", id="yt-id"),
        pytest.param(
            "@font-face{src:url(data:application/font-woff;charset=utf-8;base64,d09GRgABAAAAAAZsAA0AAAAACXQAAQAAAAAAAAAAAAAAAAAAAAAAAAAAAABGRlRNAAABMAAAABwAAAAcbG) format('woff')}",
            id="font",
        ),
        pytest.param(
            "Si olvidaste tu contraseña, pulsa en 'Recuperar contraseña'.", id="es-policy2"
        ),
        pytest.param("Passwort vergessen? Klicken Sie hier.", id="de-policy2"),
        pytest.param("Votre mot de passe doit contenir au moins une majuscule.", id="fr-policy2"),
        pytest.param("Hai dimenticato la password? Reimpostala qui.", id="it-policy2"),
        pytest.param(
            "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQINBGE3Zx8BEADc9kL3mN5pQ7rS9tU1vW3xY5zA7bC9dE1fG3hJ5kL7mN9pQ1rS3\n-----END PGP PUBLIC KEY BLOCK-----",
            id="pgp-pub",
        ),
        pytest.param(
            "-----BEGIN CERTIFICATE REQUEST-----\nMIICvDCCAaQCAQAwdzELMAkGA1UEBhMCVVMxDTALBgNVBAgMBFV0YWgxDzANBgNVBAcM\n-----END CERTIFICATE REQUEST-----",
            id="csr",
        ),
        pytest.param(
            "Our recovery phrase policy: never write it down in email, store it offline and tell nobody.",
            id="seed-prose",
        ),
        pytest.param(
            "Backup codes are single-use; generate 10 new ones after using 8.", id="backup-prose"
        ),
        pytest.param(
            "Set-Cookie: cookieconsent_status=dismiss; expires=Thu, 01 Jan 2027 00:00:00 GMT",
            id="cookie-consent",
        ),
        pytest.param("WIFI:S:Lab;T:WEP;P:;;", id="wifi-short"),
        pytest.param("Das Passwort für den Router steht auf der Rückseite.", id="de-1"),
        pytest.param("La contraseña para el wifi está en la nevera.", id="es-1"),
        pytest.param("Le mot de passe pour le compte admin est dans le coffre.", id="fr-1"),
        pytest.param("La password per il wifi è scritta sul frigo.", id="it-1"),
        pytest.param("The password for the guest network is the same as last year.", id="en-1"),
        pytest.param("Password for the admin account: ask Maria.", id="en-2"),
        pytest.param("pin for the map is here", id="en-3"),
        pytest.param("Die PIN für die Karte kommt per Post.", id="de-2"),
        pytest.param("El pin de la tarjeta llega por correo.", id="es-2"),
        pytest.param(
            "sshd[2213]: Failed password for invalid user admin from 203.0.113.5 port 52144 ssh2",
            id="log",
        ),
        pytest.param("Accepted password for deploy from 10.0.0.7 port 40022 ssh2", id="log2"),
        pytest.param("name,email,phone\nAna,ana@example.com,+34 600 111 222", id="csv-nopw"),
        pytest.param(
            "| Option | Default | Description |\n|---|---|---|\n| password | none | the password to use |",
            id="md-table",
        ),
        pytest.param("SESSION_TOKEN_TTL=3600\nMAX_TOKENS=512", id="env-num"),
    ],
)
def test_look_alikes_do_not_block(strict: Filter, text: str) -> None:
    assert _blocking(strict, text) == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("PGPASSWORD=Kq7!mZ2p psql -h db -U app", "Kq7!mZ2p"),
        ("DB_PASSWORD=changeme", "changeme"),  # a default password people deploy: blocked
        ("docker login -u deploy -p dckrP4ss9Xy registry.example.com", "dckrP4ss9Xy"),
        ("db.internal:5432:billing:billing_app:Tr0ub4dor&3", "Tr0ub4dor&3"),
        ("WIFI:S:HomeNet-5G;T:WPA;P:Sonnenblume42!;;", "Sonnenblume42!"),
        ("Benutzer;Passwort\nana;Sommer2024!\nbob;Winter#99", "Sommer2024!"),
        ("el pin del portátil es 482913", "482913"),
        ("das WLAN-Passwort lautet Sonnenschein88", "Sonnenschein88"),
        ("la password di casa è Gatto1987", "Gatto1987"),
        ("le mot de passe de la box c'est Azerty123", "Azerty123"),
        (
            "Cookie: sessionid=k3j9f8d7s6a5q4w3e2r1t0y9u8i7o6p5; theme=dark",
            "k3j9f8d7s6a5q4w3e2r1t0y9u8i7o6p5",
        ),
    ],
)
def test_the_value_is_what_is_found(strict: Filter, text: str, secret: str) -> None:
    assert secret in _blocking(strict, text)


def test_a_request_with_a_pasted_credential_is_blocked() -> None:
    redactor = Redactor(PrivacyConfig(preset="strict", ner="off"))
    with pytest.raises(PrivacyBlocked):
        redactor.mask("why does this fail? PGPASSWORD=Kq7!mZ2p psql -h db -U app")


@pytest.mark.parametrize(
    "text",
    [
        "OPENAI_API_KEY=sk-...",
        "token: ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        "export API_TOKEN=xxxxxxxx",
    ],
)
def test_documented_examples_and_elided_keys_do_not_block(strict: Filter, text: str) -> None:
    assert _blocking(strict, text) == []


def test_only_a_valid_wallet_import_key_is_one(strict: Filter) -> None:
    key = "5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ"  # Base58Check, 0x80
    assert _blocking(strict, f"WIF: {key}") == [key]
    assert _blocking(strict, f"WIF: {key[:-1]}X") == []  # the checksum fails


_PASSWORD = st.text(
    alphabet=st.characters(min_codepoint=33, max_codepoint=126, blacklist_characters=";\\$<{[(%"),
    min_size=8,
    max_size=40,
).filter(lambda s: any(c.isdigit() for c in s) and is_literal(s, "assign", quoted=True))
# (a path such as /0000000 or an elided sk-... is a reference or a placeholder, never a literal)


@settings(max_examples=60, deadline=None)
@given(ssid=st.from_regex(r"[A-Za-z][A-Za-z0-9 \-]{1,20}", fullmatch=True), password=_PASSWORD)
def test_any_wifi_qr_password_is_found(ssid: str, password: str) -> None:
    text = f"WIFI:S:{ssid};T:WPA;P:{password};;"
    assert any(text[c.start : c.end] == password for c in secret_forms(text))


@settings(max_examples=60, deadline=None)
@given(password=_PASSWORD.filter(lambda s: not set(s) & set("|,\t\"'")))
def test_any_password_in_a_password_column_is_found(password: str) -> None:
    text = f"| user | password |\n|---|---|\n| ana | {password} |\n"
    assert any(text[c.start : c.end] == password for c in secret_forms(text))


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("WIFI:P;S=|,\n\t -_.aZ09$Cookie:sessionsv=sig=")),
        max_size=300,
    )
)
def test_arbitrary_text_gives_candidates_inside_it(text: str) -> None:
    for c in secret_forms(text):
        assert 0 <= c.start < c.end <= len(text)
        assert c.type == "SECRET"


@pytest.mark.parametrize(
    "unit",
    [
        "WIFI:S:a;",
        "WIFI:",
        "Cookie: a=b",
        "sessionid=aaaaaaaaaaaaaaaaa1",
        "seed phrase: abc ",
        "recovery codes:\n1234 ",
        "backup codes: 12a4, ",
        "A_B_C_D_E_PASSWORD=",
        "PASSWORD=x ",
        "docker login -p ",
        "a:1:b:c:",
        "| password |\n| ",
        "password,\n,",
        "sv=1 sig=AAAA",
        "wallet 5",
        "5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvh",
        "password for the a ",
        "pin for my x ",
        "-----BEGIN PUBLIC KEY-----\nkey ",
    ],
)
def test_adversarial_input_scans_in_linear_time(strict: Filter, unit: str) -> None:
    assert cpu_seconds(strict.scan, unit) < 3.0
