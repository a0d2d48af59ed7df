"""Human-readable facts about a gateway's OHTTP key configuration (never the key itself)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from edgekit.errors import EdgeKitError

_KEMS = {0x0020: "X25519", 0x647A: "ML-KEM-768+X25519"}
_AEADS = {0x0001: "AES-128-GCM", 0x0002: "AES-256-GCM", 0x0003: "ChaCha20-Poly1305"}


@dataclass(frozen=True, kw_only=True)
class KeySummary:
    """What the status line and /why say about the gateway's keys."""

    suite: str
    key_id: int | None
    sha256: str

    def short(self) -> str:
        key = "" if self.key_id is None else f" · key {self.key_id}"
        return f"OHTTP {self.suite}{key} · pinned sha256:{self.sha256[:12]}…"


def summarize_key_configs(raw: bytes) -> KeySummary:
    """The suite the client will use with the first usable key configuration in ``raw``.

    ``sha256`` is that key's pin (the SHA-256 of its configuration).
    """
    digest = hashlib.sha256(raw).hexdigest()
    try:
        from edgekit.secure.ohttp import decode_key_configs, key_config_digest

        configs = decode_key_configs(raw)
        config = configs[0]
        suite = config.select()
        digest = key_config_digest(config.encode())
    except (EdgeKitError, IndexError):
        return KeySummary(suite="(unreadable key configuration)", key_id=None, sha256=digest)
    kem = _KEMS.get(suite.kem_id, f"KEM 0x{suite.kem_id:04x}")
    aead = _AEADS.get(suite.aead_id, f"AEAD 0x{suite.aead_id:04x}")
    return KeySummary(suite=f"{kem}/{aead}", key_id=config.key_id, sha256=digest)
