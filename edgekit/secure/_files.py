"""Atomic, private file writes for key material."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from edgekit.errors import ConfigError


def write_private(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically with mode 0600 (temp file + fsync + rename)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):  # persist the rename itself
        dir_fd = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def read_private(path: str | os.PathLike[str], *, max_bytes: int = 1 << 20) -> bytes:
    """Read a key file, refusing files others can read or write, and oversized ones."""
    target = Path(path)
    try:
        st = target.stat()
    except FileNotFoundError:
        raise ConfigError(f"key file not found: {target}") from None
    if st.st_mode & 0o077:
        raise ConfigError(f"key file {target} is accessible by others; chmod 600 it")
    if st.st_size > max_bytes:
        raise ConfigError(f"key file {target} is too large")
    return target.read_bytes()
