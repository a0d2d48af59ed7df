"""Fetching and pinning a remote gateway's OHTTP key configuration.

The first connection to a gateway stores the SHA-256 of its
``application/ohttp-keys`` document in a pin file; later runs hand that digest
to the cloud client, which refuses a gateway presenting other keys (a
man-in-the-middle, or a key rotation you must confirm with ``--repin``). The
client does the fetching and checking; this module only keeps the pin.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from edgekit.errors import ConfigError

_HEX64 = re.compile(r"^[0-9a-f]{64}$")


def default_pin_file(url: str) -> Path:
    """``~/.config/edgekit/pins/<host>_<port>.sha256`` for a gateway URL."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    name = re.sub(r"[^A-Za-z0-9.-]", "_", f"{parts.hostname}_{port}")
    base = Path(os.environ.get("XDG_CONFIG_HOME", "~/.config")).expanduser()
    return base / "edgekit" / "pins" / f"{name}.sha256"


def digest(key_configs: bytes) -> str:
    """Hex SHA-256 of a key configuration document (the pin)."""
    return hashlib.sha256(key_configs).hexdigest()


def read_pin(path: Path) -> str | None:
    """The pinned digest in ``path``, or None when there is no pin yet."""
    try:
        text = path.read_text().split()[0].lower()
    except FileNotFoundError:
        return None
    except (OSError, IndexError):
        raise ConfigError(f"pin file {path} is unreadable or empty") from None
    if not _HEX64.match(text):
        raise ConfigError(f"pin file {path} does not hold a SHA-256 digest")
    return text


def write_pin(path: Path, pin: str) -> None:
    """Store ``pin`` atomically (temp file + rename), readable by the owner only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w") as fh:
            fh.write(pin + "\n")
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)


def load_pin(url: str, pin_file: Path | None, *, repin: bool) -> tuple[Path, str | None]:
    """Where the pin for ``url`` lives and the pinned digest (None: trust on first use).

    With ``repin`` the stored digest is ignored, so the next key configuration
    the gateway presents is accepted and then stored by :func:`write_pin`.
    """
    path = pin_file or default_pin_file(url)
    return path, None if repin else read_pin(path)
