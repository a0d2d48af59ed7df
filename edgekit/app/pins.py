"""Keeping the pins of a remote gateway's OHTTP keys between runs.

The pin file holds one SHA-256 per trusted key configuration, one per line.
The first connection to a gateway pins its keys; the cloud client then
follows rotations the gateway announces inside the encryption
(:mod:`edgekit.transport.pinning`), and the app stores the new pins after
each answer. A gateway presenting only keys never announced is refused (a
man-in-the-middle, or a rotation this device missed: confirm with
``--repin``). The client does the fetching and checking; this module only
keeps the pins.
"""

from __future__ import annotations

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


def read_pins(path: Path) -> frozenset[str]:
    """The pinned digests in ``path``; empty when there is no pin yet."""
    try:
        text = path.read_text()
    except FileNotFoundError:
        return frozenset()
    except OSError:
        raise ConfigError(f"pin file {path} is unreadable") from None
    pins = frozenset(word.lower() for word in text.split())
    if not pins or not all(_HEX64.match(pin) for pin in pins):
        raise ConfigError(f"pin file {path} does not hold SHA-256 digests, one per line")
    return pins


def write_pins(path: Path, pins: frozenset[str]) -> None:
    """Store ``pins`` atomically (temp file + rename), readable by the owner only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w") as fh:
            fh.write("".join(f"{pin}\n" for pin in sorted(pins)))
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)


def load_pins(url: str, pin_file: Path | None, *, repin: bool) -> tuple[Path, frozenset[str]]:
    """Where the pins for ``url`` live and the pinned digests (empty: trust on first use).

    With ``repin`` the stored pins are ignored, so the keys the gateway
    presents next are accepted and then stored by :func:`write_pins`.
    """
    path = pin_file or default_pin_file(url)
    return path, frozenset() if repin else read_pins(path)
