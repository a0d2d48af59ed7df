"""The ``[learn]`` table of the gateway configuration."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cloud_gateway.errors import ConfigError

DEFAULT_RETENTION_S = 30 * 24 * 3600.0
DEFAULT_MAX_BYTES = 256 << 20


@dataclass(frozen=True, kw_only=True)
class LearnConfig:
    """Collection of escalations for learning, and adapter publication.

    ``collect`` (off by default) keeps the escalated requests whose device
    allowed it, with the gateway's answers, in ``store_path`` for at most
    ``retention_s`` seconds and ``max_bytes`` bytes in all (oldest dropped
    first). ``adapters_dir`` holds the signed adapters devices can fetch,
    signed with the Ed25519 key at ``signing_key_path`` (created on first use,
    mode 0600). Publication works without collection (adapters trained
    elsewhere) and is off when ``adapters_dir`` is unset.
    """

    collect: bool = False
    store_path: Path | None = None
    retention_s: float = DEFAULT_RETENTION_S
    max_bytes: int = DEFAULT_MAX_BYTES
    adapters_dir: Path | None = None
    signing_key_path: Path | None = None

    def __post_init__(self) -> None:
        if self.collect and self.store_path is None:
            raise ConfigError("learn.collect needs learn.store_path")
        if self.retention_s <= 0:
            raise ConfigError("learn.retention_s must be > 0")
        if self.max_bytes < 1024:
            raise ConfigError("learn.max_bytes must be at least 1024")
        if self.adapters_dir is not None and self.signing_key_path is None:
            raise ConfigError("learn.adapters_dir needs learn.signing_key_path")
