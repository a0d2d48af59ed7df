"""Library logging: a ``NullHandler`` on the ``edgekit`` logger, nothing else."""

from __future__ import annotations

import hashlib
import logging

logging.getLogger("edgekit").addHandler(logging.NullHandler())


def get_logger(name: str) -> logging.Logger:
    """Return a child of the ``edgekit`` logger (``name`` is a module name)."""
    return logging.getLogger(name if name.startswith("edgekit") else f"edgekit.{name}")


def fingerprint(data: bytes | str, length: int = 12) -> str:
    """A short, non-reversible hash to name content in logs instead of the content."""
    raw = data.encode() if isinstance(data, str) else data
    return hashlib.blake2b(raw, digest_size=16).hexdigest()[:length]
