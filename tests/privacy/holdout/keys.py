"""Secrets that look like the real thing: provider formats, random bodies."""

from __future__ import annotations

import base64
import json
import random
import re
import string
from collections.abc import Callable

from privacy.holdout import checks

ALNUM = string.ascii_letters + string.digits
B64 = ALNUM + "+/"
URLSAFE = ALNUM + "-_"
HEX = "0123456789abcdef"


def _r(rng: random.Random, alphabet: str, n: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def _b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def github_pat(rng: random.Random) -> str:
    body = _r(rng, ALNUM, 30)
    return rng.choice(["ghp_", "gho_", "ghs_"]) + body + checks.base62_crc32(body)


def github_fine(rng: random.Random) -> str:
    return (
        f"github_pat_11{_r(rng, string.ascii_uppercase + string.digits, 20)}_{_r(rng, ALNUM, 59)}"
    )


def aws_key_id(rng: random.Random) -> str:
    return rng.choice(["AKIA", "ASIA"]) + _r(rng, string.ascii_uppercase + "234567", 16)


def aws_secret(rng: random.Random) -> str:
    return _r(rng, B64, 40)


def slack_bot(rng: random.Random) -> str:
    team, user = rng.randint(10**10, 10**12), rng.randint(10**11, 10**13)
    return f"xox{rng.choice('bp')}-{team}-{user}-{_r(rng, ALNUM, 24)}"


def slack_webhook(rng: random.Random) -> str:
    up = string.ascii_uppercase + string.digits
    path = f"T{_r(rng, up, 8)}/B{_r(rng, up, 10)}/{_r(rng, ALNUM, 24)}"
    return f"https://hooks.slack.com/services/{path}"


def discord_webhook(rng: random.Random) -> str:
    return f"https://discord.com/api/webhooks/{rng.randint(10**17, 10**19)}/{_r(rng, URLSAFE, 68)}"


def stripe_secret(rng: random.Random) -> str:
    return f"{rng.choice(['sk_live_', 'rk_live_'])}{_r(rng, ALNUM, rng.choice([24, 99]))}"


def openai_key(rng: random.Random) -> str:
    return f"sk-proj-{_r(rng, URLSAFE, 74)}T3BlbkFJ{_r(rng, URLSAFE, 74)}"


def anthropic_key(rng: random.Random) -> str:
    return f"sk-ant-api03-{_r(rng, URLSAFE, 93)}AA"


def google_api(rng: random.Random) -> str:
    return "AIza" + _r(rng, URLSAFE, 35)


def sendgrid(rng: random.Random) -> str:
    return f"SG.{_r(rng, URLSAFE, 22)}.{_r(rng, URLSAFE, 43)}"


def twilio_token(rng: random.Random) -> str:
    return _r(rng, HEX, 32)


def gitlab_pat(rng: random.Random) -> str:
    return "glpat-" + _r(rng, URLSAFE, 20)


def npm_token(rng: random.Random) -> str:
    return "npm_" + _r(rng, ALNUM, 36)


def hf_token(rng: random.Random) -> str:
    return "hf_" + _r(rng, ALNUM, 34)


def jwt(rng: random.Random, subject: str = "") -> str:
    header = {"alg": rng.choice(["HS256", "RS256"]), "typ": "JWT"}
    now = 1_760_000_000 + rng.randint(0, 9_000_000)
    claims: dict[str, object] = {"sub": subject or str(rng.randint(10_000, 999_999)), "iat": now}
    claims["exp"] = now + rng.choice([900, 3600, 86_400])
    if rng.random() < 0.5:
        claims["scope"] = rng.choice(["read write", "admin", "orders:read"])
    sig = bytes(rng.getrandbits(8) for _ in range(32 if header["alg"] == "HS256" else 256))
    return ".".join(
        [
            _b64url(json.dumps(header, separators=(",", ":")).encode()),
            _b64url(json.dumps(claims, separators=(",", ":")).encode()),
            _b64url(sig),
        ]
    )


_KEY_HEADS = {
    "EC PRIVATE KEY": (bytes.fromhex("30770201010420"), 121),
    "PRIVATE KEY": (
        bytes.fromhex("308187020100301306072a8648ce3d020106082a8648ce3d030107046d306b0201010420"),
        138,
    ),
    "OPENSSH PRIVATE KEY": (
        b"openssh-key-v1\x00\x00\x00\x00\x04none\x00\x00\x00\x04none\x00\x00\x00\x00"
        b"\x00\x00\x00\x01\x00\x00\x003\x00\x00\x00\x0bssh-ed25519",
        300,
    ),
}


def pem_key(rng: random.Random, kinds: tuple[str, ...] = tuple(_KEY_HEADS)) -> str:
    kind = rng.choice(kinds)
    head, n = _KEY_HEADS[kind]
    raw = head + bytes(rng.getrandbits(8) for _ in range(n - len(head)))
    body = base64.b64encode(raw).decode()
    w = 70 if "OPENSSH" in kind else 64
    lines = [body[i : i + w] for i in range(0, len(body), w)]
    return f"-----BEGIN {kind}-----\n" + "\n".join(lines) + f"\n-----END {kind}-----"


_WORDS = [
    "sommer",
    "winter",
    "sonne",
    "mare",
    "casa",
    "perro",
    "soleil",
    "luna",
    "tiger",
    "falcon",
    "maple",
    "river",
    "blau",
]


def password(rng: random.Random) -> str:
    if rng.random() < 0.5:
        w = rng.choice(_WORDS)
        return f"{w.capitalize()}{rng.randint(1, 2025)}{rng.choice('!?#$%*')}"
    return _r(rng, ALNUM + "!#%&*+-=?@^_", rng.randint(14, 24))


def db_url(rng: random.Random, user: str = "") -> str:
    scheme = rng.choice(["postgresql", "postgres", "mysql", "mongodb+srv", "amqp", "redis"])
    host = rng.choice(
        ["db.internal.example.net", "10.20.4.17", "prod-db.example.com", "mq.example.org"]
    )
    pw = password(rng).replace("@", "").replace("/", "").replace("#", "").replace("?", "")
    if scheme == "redis":
        return f"redis://:{pw}@{host}:6379/{rng.randint(0, 5)}"
    port = {"postgresql": ":5432", "postgres": ":5432", "mysql": ":3306", "amqp": ":5672"}.get(
        scheme, ""
    )
    user = user or rng.choice(["app", "admin", "svc_orders", "root", "deploy"])
    return f"{scheme}://{user}:{pw}@{host}{port}/{rng.choice(['app', 'orders', 'crm', 'prod'])}"


def azure_key(rng: random.Random) -> str:
    return base64.b64encode(bytes(rng.getrandbits(8) for _ in range(64))).decode()


MAKERS: dict[str, Callable[[random.Random], str]] = {
    "github_pat": github_pat,
    "github_fine": github_fine,
    "aws_key_id": aws_key_id,
    "aws_secret": aws_secret,
    "slack_bot": slack_bot,
    "slack_webhook": slack_webhook,
    "discord_webhook": discord_webhook,
    "stripe": stripe_secret,
    "openai": openai_key,
    "anthropic": anthropic_key,
    "google_api": google_api,
    "sendgrid": sendgrid,
    "twilio": twilio_token,
    "gitlab": gitlab_pat,
    "npm": npm_token,
    "hf": hf_token,
    "jwt": jwt,
    "pem": pem_key,
    "password": password,
    "db_url": db_url,
    "azure_key": azure_key,
}

_SHAPES = {
    "github_pat": r"gh[pos]_[A-Za-z0-9]{36}",
    "github_fine": r"github_pat_11[A-Z0-9]{20}_\w{59}",
    "aws_key_id": r"A[KS]IA[A-Z2-7]{16}",
    "aws_secret": r"[A-Za-z0-9+/]{40}",
    "slack_bot": r"xox[bp]-\d+-\d+-[A-Za-z0-9]{24}",
    "slack_webhook": r"https://hooks\.slack\.com/services/T\w+/B\w+/\w{24}",
    "discord_webhook": r"https://discord\.com/api/webhooks/\d+/[\w-]{68}",
    "stripe": r"[sr]k_live_[A-Za-z0-9]{24,99}",
    "openai": r"sk-proj-[\w-]{74}T3BlbkFJ[\w-]{74}",
    "anthropic": r"sk-ant-api03-[\w-]{93}AA",
    "google_api": r"AIza[\w-]{35}",
    "sendgrid": r"SG\.[\w-]{22}\.[\w-]{43}",
    "twilio": r"[0-9a-f]{32}",
    "gitlab": r"glpat-[\w-]{20}",
    "npm": r"npm_[A-Za-z0-9]{36}",
    "hf": r"hf_[A-Za-z0-9]{34}",
    "password": r"\S{6,40}",
    "azure_key": r"[A-Za-z0-9+/]{86}==",
}


def secret_ok(slot: str, text: str) -> bool:
    """Does ``text`` have the shape (and checksum, where there is one) of a ``slot`` secret?"""
    if slot == "github_pat":
        return (
            bool(re.fullmatch(_SHAPES[slot], text)) and checks.base62_crc32(text[4:34]) == text[34:]
        )
    if slot == "jwt":
        parts = text.split(".")
        try:
            head = json.loads(base64.urlsafe_b64decode(parts[0] + "=" * (-len(parts[0]) % 4)))
        except ValueError:
            return False
        return len(parts) == 3 and head.get("typ") == "JWT"
    if slot == "pem":
        text = re.sub(r"\n +", "\n", text)
        m = re.fullmatch(r"-----BEGIN ([A-Z ]+)-----\n([A-Za-z0-9+/=\n]+)\n-----END \1-----", text)
        return m is not None and len(base64.b64decode(m[2].replace("\n", ""))) > 100
    if slot == "db_url":
        return re.fullmatch(r"[a-z+]+://[\w.-]*:[^@\s]+@[\w.-]+(:\d+)?/\w+", text) is not None
    return re.fullmatch(_SHAPES[slot], text) is not None
