"""Secrets in the formats providers really issue."""

from __future__ import annotations

import base64
import json
import string
from random import Random

from .build import Val, secret
from .ids import github_crc

_AN = string.ascii_letters + string.digits
_URLSAFE = _AN + "-_"
_B64 = _AN + "+/"


def chars(r: Random, alphabet: str, n: int) -> str:
    """``n`` characters drawn from ``alphabet``."""
    return "".join(r.choice(alphabet) for _ in range(n))


def password(r: Random) -> str:
    """A password a person would set (no URL-reserved characters)."""
    words = ("Sommer", "Bella", "Sunshine", "Mariposa", "Tigre", "Falcon", "Loulou", "Pizza")
    if r.random() < 0.5:
        return f"{r.choice(words)}{r.randint(1960, 2024)}{r.choice('!$%*#')}"
    return chars(r, _AN, 6) + r.choice("-_.!") + chars(r, _AN, 7)


def pw(r: Random) -> Val:
    """A written-out password."""
    return secret("password", password(r))


def aws_pair(r: Random) -> tuple[Val, Val]:
    """An AWS access key id and its secret access key."""
    key_id = r.choice(("AKIA", "ASIA")) + chars(r, string.ascii_uppercase + "234567", 16)
    return secret("aws_key_id", key_id), secret("aws_secret", chars(r, _B64, 40))


def github(r: Random) -> Val:
    """A GitHub token with its CRC32 tail."""
    prefix = r.choice(("ghp_", "gho_", "ghs_", "ghu_"))
    body = chars(r, _AN, 30)
    if r.random() < 0.3:
        return secret("github_pat", "github_pat_" + chars(r, _AN, 22) + "_" + chars(r, _AN, 59))
    return secret("github_token", prefix + body + github_crc(body))


TOKEN_KINDS = 11


def api_token(r: Random, kind: int | None = None) -> Val:
    """One of many providers' API keys and tokens (``kind`` picks the provider)."""
    kind = r.randrange(TOKEN_KINDS) if kind is None else kind
    if kind == 0:
        return secret("stripe", r.choice(("sk_live_", "rk_live_")) + chars(r, _AN, 24))
    if kind == 1:
        return secret("google_api", "AIza" + chars(r, _URLSAFE, 35))
    if kind == 2:
        return secret("openai", "sk-" + chars(r, _AN, 20) + "T3BlbkFJ" + chars(r, _AN, 20))
    if kind == 3:
        return secret("openai", "sk-proj-" + chars(r, _URLSAFE, 64))
    if kind == 4:
        return secret("anthropic", "sk-ant-api03-" + chars(r, _URLSAFE, 93) + "AA")
    if kind == 5:
        return secret("sendgrid", f"SG.{chars(r, _URLSAFE, 22)}.{chars(r, _URLSAFE, 43)}")
    if kind == 6:
        return secret("twilio", "SK" + chars(r, "0123456789abcdef", 32))
    if kind == 7:
        return secret("npm", "npm_" + chars(r, _AN, 36))
    if kind == 8:
        return secret("gitlab", "glpat-" + chars(r, _URLSAFE, 20))
    if kind == 9:
        return secret(
            "slack_token",
            f"xoxb-{r.randint(10**10, 10**12)}-{r.randint(10**12, 10**13)}-{chars(r, _AN, 24)}",
        )
    return github(r)


def webhook(r: Random) -> Val:
    """A Slack, Discord or Teams webhook URL with its token."""
    kind = r.randrange(3)
    if kind == 0:
        u = string.ascii_uppercase + string.digits
        path = f"T{chars(r, u, 8)}/B{chars(r, u, 10)}/{chars(r, _AN, 24)}"
        return secret("slack_webhook", f"https://hooks.slack.com/services/{path}")
    if kind == 1:
        path = f"{r.randint(10**17, 10**19)}/{chars(r, _URLSAFE, 68)}"
        return secret("discord_webhook", f"https://discord.com/api/webhooks/{path}")
    return secret("telegram_bot", f"{r.randint(10**8, 10**10)}:AA{chars(r, _URLSAFE, 33)}")


def conn_string(r: Random, user: str = "app") -> Val:
    """A database or broker connection string that carries a password."""
    p = password(r)
    host = r.choice(("db.internal", "10.0.3.14", "pg-prod-01", "cluster0.x7kqz.mongodb.net"))
    kind = r.randrange(6)
    text = (
        f"postgresql://{user}:{p}@{host}:5432/billing",
        f"mysql://{user}:{p}@{host}:3306/shop",
        f"mongodb+srv://{user}:{p}@cluster0.x7kqz.mongodb.net/?retryWrites=true&w=majority",
        f"redis://:{p}@{host}:6379/0",
        f"amqp://{user}:{p}@rabbit.internal:5672/%2F",
        f"postgres://{user}:{p}@{host}/crm?sslmode=require",
    )[kind]
    return secret("conn_string", text)


def azure_conn(r: Random) -> Val:
    """An Azure storage connection string with its account key."""
    key = chars(r, _B64, 86) + "=="
    return secret(
        "azure_conn",
        f"DefaultEndpointsProtocol=https;AccountName=st{chars(r, string.ascii_lowercase, 8)};"
        f"AccountKey={key};EndpointSuffix=core.windows.net",
    )


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def jwt(r: Random, subject: str) -> Val:
    """A signed JWT whose payload names ``subject``."""
    head = _b64url(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    body = {"sub": subject, "iat": 1_730_000_000 + r.randint(0, 10**7), "role": "user"}
    payload = _b64url(json.dumps(body, separators=(",", ":")).encode())
    sig = _b64url(r.randbytes(32))
    return secret("jwt", f"{head}.{payload}.{sig}")


def private_key(r: Random) -> Val:
    """A PEM or OpenSSH private-key block."""
    kind = r.choice(("RSA PRIVATE KEY", "OPENSSH PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY"))
    start = {
        "RSA PRIVATE KEY": "MIIEpAIBAAKCAQEA",
        "OPENSSH PRIVATE KEY": "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAA",
        "PRIVATE KEY": "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC",
        "EC PRIVATE KEY": "MHcCAQEEI",
    }[kind]
    body = start + chars(r, _B64, 64 * r.randint(3, 6) - len(start))
    lines = "\n".join(body[i : i + 64] for i in range(0, len(body), 64))
    return secret("private_key", f"-----BEGIN {kind}-----\n{lines}\n-----END {kind}-----")


def basic_auth(r: Random, user: str) -> Val:
    """An HTTP basic-auth header value."""
    token = base64.b64encode(f"{user}:{password(r)}".encode()).decode()
    return secret("basic_auth", f"Basic {token}")


def url_with_password(r: Random, user: str) -> Val:
    """An HTTPS URL with credentials in it."""
    host = r.choice(("git.intra.local", "nexus.corp.lan", "ftp.kanzlei-weber.de"))
    return secret("url_credentials", f"https://{user}:{password(r)}@{host}/repo.git")
