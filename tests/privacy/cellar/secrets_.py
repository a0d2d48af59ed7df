"""Credentials in the formats their providers issue (all made up)."""

from __future__ import annotations

import base64
import json
from random import Random

from .build import V

SECRET = frozenset({"SECRET", "URL_CREDENTIALS"})
_AN = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
_UP = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
_HEX = "0123456789abcdef"


def rs(r: Random, n: int, alphabet: str = _AN) -> str:
    """``n`` random characters of ``alphabet``."""
    return "".join(r.choice(alphabet) for _ in range(n))


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def secret(slot: str, text: str) -> V:
    """A value that must be blocked."""
    return V(slot, text, SECRET, True)


def aws_key_id(r: Random) -> V:
    return secret("aws_key_id", "AKIA" + rs(r, 16, _UP))


def aws_secret(r: Random) -> V:
    return secret("aws_secret", rs(r, 40, _AN + "/+"))


def github(r: Random) -> V:
    return secret("github_token", r.choice(["ghp_", "gho_", "github_pat_11A"]) + rs(r, 36))


def gitlab(r: Random) -> V:
    return secret("gitlab_token", "glpat-" + rs(r, 20, _AN + "-_"))


def slack_token(r: Random) -> V:
    return secret(
        "slack_token", f"xoxb-{rs(r, 11, '0123456789')}-{rs(r, 12, '0123456789')}-{rs(r, 24)}"
    )


def slack_hook(r: Random) -> V:
    return secret(
        "slack_webhook",
        f"https://hooks.slack.com/services/T{rs(r, 8, _UP)}/B{rs(r, 10, _UP)}/{rs(r, 24)}",
    )


def discord_hook(r: Random) -> V:
    return secret(
        "discord_webhook",
        f"https://discord.com/api/webhooks/{rs(r, 18, '0123456789')}/{rs(r, 68, _AN + '-_')}",
    )


def stripe(r: Random) -> V:
    return secret("stripe_key", r.choice(["sk_live_", "rk_live_"]) + rs(r, 24))


def openai(r: Random) -> V:
    return secret("llm_key", r.choice(["sk-proj-", "sk-ant-api03-"]) + rs(r, 48, _AN + "-_"))


def google(r: Random) -> V:
    return secret("google_key", "AIza" + rs(r, 35, _AN + "-_"))


def sendgrid(r: Random) -> V:
    return secret("sendgrid_key", f"SG.{rs(r, 22, _AN + '-_')}.{rs(r, 43, _AN + '-_')}")


def twilio(r: Random) -> V:
    return secret("twilio_key", "SK" + rs(r, 32, _HEX))


def npm(r: Random) -> V:
    return secret("npm_token", "npm_" + rs(r, 36))


def jwt(r: Random, who: str) -> V:
    """A signed JSON web token about ``who``."""
    head = _b64url(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    body = {
        "sub": str(r.randint(10000, 99999)),
        "name": who,
        "iat": 1760000000 + r.randint(0, 9999999),
    }
    payload = _b64url(json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode())
    return secret("jwt", f"{head}.{payload}.{rs(r, 43, _AN + '-_')}")


def private_key(r: Random) -> V:
    """A private-key block (body shortened)."""
    kind = r.choice(["RSA PRIVATE KEY", "OPENSSH PRIVATE KEY", "EC PRIVATE KEY", "PRIVATE KEY"])
    lines = [rs(r, 64, _AN + "+/") for _ in range(r.randint(3, 6))]
    body = "\n".join(lines)
    return secret("private_key", f"-----BEGIN {kind}-----\n{body}\n-----END {kind}-----")


def password(r: Random) -> V:
    """A password somebody chose."""
    words = ["Sommer", "Lagarto", "Papillon", "Girasole", "Hedgehog", "Katze", "Tortuga", "Bambi"]
    text = r.choice(
        [
            f"{r.choice(words)}{r.randint(1, 99)}{r.choice('!?#$%&*')}",
            f"{rs(r, 3)}{r.choice('!#$')}{rs(r, 5)}{r.randint(10, 99)}",
            f"{r.choice(words).lower()}-{r.choice(words).lower()}-{r.randint(100, 999)}",
        ]
    )
    return secret("password", text)


def conn(r: Random, user: str) -> V:
    """A connection string with a password in it."""
    pw = rs(r, 14, _AN + "!_")
    host = r.choice(
        [
            "db.internal.acme-logistik.de",
            "10.0.4.17",
            "pg-prod-02.eu-west-1.rds.amazonaws.com",
            "cluster0.x7k2p.mongodb.net",
            "cache.prod.svc",
        ]
    )
    text = r.choice(
        [
            f"postgresql://{user}:{pw}@{host}:5432/orders",
            f"mysql://{user}:{pw}@{host}:3306/crm",
            f"mongodb+srv://{user}:{pw}@{host}/app?retryWrites=true",
            f"redis://:{pw}@{host}:6379/0",
            f"amqp://{user}:{pw}@{host}:5672/vhost",
        ]
    )
    return secret("conn_string", text)


def azure(r: Random) -> V:
    return secret(
        "azure_conn",
        f"DefaultEndpointsProtocol=https;AccountName=st{rs(r, 10, 'abcdefghijklmnopqrstuvwxyz')};"
        f"AccountKey={rs(r, 86, _AN + '+/')}==;EndpointSuffix=core.windows.net",
    )


def any_token(r: Random) -> V:
    """One bare provider token."""
    maker = r.choice(
        [aws_key_id, github, gitlab, slack_token, stripe, openai, google, sendgrid, twilio, npm]
    )
    return maker(r)
