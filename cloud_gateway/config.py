"""Gateway configuration: one TOML file plus ``EDGEKIT_GATEWAY_*`` environment overrides.

Every table of the file maps onto one frozen dataclass below; unknown keys are
a :class:`~cloud_gateway.errors.ConfigError`. Environment variables override the
top-level scalars (``EDGEKIT_GATEWAY_PORT``), and each table's scalars with the
table name in the prefix (``EDGEKIT_GATEWAY_LIMITS_MAX_BODY_BYTES``,
``EDGEKIT_GATEWAY_BACKEND_KIND``, ``EDGEKIT_GATEWAY_AUTH_OPEN_ENROLMENT``).
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from cloud_gateway.errors import ConfigError
from cloud_gateway.learn.config import LearnConfig
from cloud_gateway.settings import build, read_toml

ENV_PREFIX = "EDGEKIT_GATEWAY_"

BackendKind = Literal["llama", "openai", "echo"]
_BACKENDS = ("llama", "openai", "echo")


@dataclass(frozen=True, kw_only=True)
class BackendConfig:
    """Which model answers, and how to reach it.

    ``kind``: ``llama`` (embedded llama.cpp, default), ``openai`` (forward to
    an OpenAI-compatible server such as vLLM) or ``echo`` (returns the last
    message; benchmarks and tests). ``models`` is the allow-list of model names
    a request may ask for; the first is the default. Empty means "the
    backend's own model only".
    """

    kind: str = "llama"
    models: tuple[str, ...] = ()
    # llama
    model: str = "qwen2.5-coder-1.5b"
    n_ctx: int = 4096
    n_threads: int | None = None
    # openai upstream
    upstream_url: str = ""
    upstream_api_key_env: str = "EDGEKIT_GATEWAY_UPSTREAM_API_KEY"
    upstream_connect_timeout_s: float = 5.0
    # echo
    echo_delay_s: float = 0.0

    def __post_init__(self) -> None:
        if self.kind not in _BACKENDS:
            raise ConfigError(f"backend.kind must be one of {', '.join(_BACKENDS)}")
        if self.kind == "openai" and not self.upstream_url:
            raise ConfigError("backend.kind = 'openai' needs backend.upstream_url")
        if self.n_ctx < 256:
            raise ConfigError("backend.n_ctx must be at least 256")


@dataclass(frozen=True, kw_only=True)
class LimitsConfig:
    """Back-pressure: body size, concurrency, queueing, rates and timeouts."""

    max_body_bytes: int = 1 << 20
    max_concurrent: int = 4
    max_queue: int = 32
    max_per_device: int = 8
    queue_timeout_s: float = 30.0
    max_tokens: int = 1024
    max_messages: int = 256
    rate_per_s: float = 5.0
    rate_burst: int = 20
    request_timeout_s: float = 120.0
    body_read_timeout_s: float = 10.0
    keepalive_timeout_s: float = 15.0
    retry_after_s: int = 1

    def __post_init__(self) -> None:
        if not 0 < self.max_body_bytes <= 64 << 20:
            raise ConfigError("limits.max_body_bytes must be in (0, 64 MiB]")
        if self.max_concurrent < 1 or self.max_queue < 0 or self.max_per_device < 1:
            raise ConfigError(
                "limits.max_concurrent and max_per_device must be >= 1, max_queue >= 0"
            )
        if self.rate_per_s <= 0 or self.rate_burst < 1:
            raise ConfigError("limits.rate_per_s must be > 0 and rate_burst >= 1")
        for name in ("queue_timeout_s", "request_timeout_s", "body_read_timeout_s"):
            if getattr(self, name) <= 0:
                raise ConfigError(f"limits.{name} must be > 0")
        if self.max_tokens < 1 or self.max_messages < 1:
            raise ConfigError("limits.max_tokens and limits.max_messages must be >= 1")


@dataclass(frozen=True, kw_only=True)
class AuthConfig:
    """Device authentication and replay protection for ``POST /ohttp``.

    ``devices_path`` lists enrolled device public keys; ``open_enrolment``
    accepts any well-signed device (demos only). ``replay_window_s`` bounds
    how old a request's timestamp may be, ``max_future_skew_s`` how far ahead
    (also how long after a restart without Redis requests are refused, see
    :mod:`cloud_gateway.replay`). The
    in-memory replay cache holds ``replay_cache_entries`` (it must exceed
    requests/s × 2 × window, or use Redis).
    """

    devices_path: Path | None = None
    open_enrolment: bool = False
    replay_window_s: float = 60.0
    max_future_skew_s: float = 10.0
    replay_cache_entries: int = 1_000_000

    def __post_init__(self) -> None:
        if self.replay_window_s <= 0:
            raise ConfigError("auth.replay_window_s must be > 0")
        if not 0 <= self.max_future_skew_s <= self.replay_window_s:
            raise ConfigError("auth.max_future_skew_s must be in [0, replay_window_s]")
        if self.replay_cache_entries < 1000:
            raise ConfigError("auth.replay_cache_entries must be >= 1000")


@dataclass(frozen=True, kw_only=True)
class GatewayConfig:
    """Everything ``edgekit-gateway serve`` needs. See ``docs/gateway.md``."""

    host: str = "127.0.0.1"
    port: int = 8080
    admin_host: str = "127.0.0.1"
    admin_port: int = 9464
    workers: int = 1
    keys_path: Path | None = None
    keys_max_age_s: int = 3600
    reload_interval_s: float = 5.0
    plaintext_api: bool = False
    redis_url: str = ""
    redis_prefix: str = "edgekit:gw:"
    shutdown_timeout_s: float = 30.0
    log_level: str = "INFO"
    response_pad_buckets: tuple[int, ...] = (1024, 4096, 16384)
    backend: BackendConfig = field(default_factory=BackendConfig)
    limits: LimitsConfig = field(default_factory=LimitsConfig)
    auth: AuthConfig = field(default_factory=AuthConfig)
    learn: LearnConfig = field(default_factory=LearnConfig)

    def __post_init__(self) -> None:
        if not 0 <= self.port <= 65535 or not 0 <= self.admin_port <= 65535:
            raise ConfigError("port and admin_port must be in [0, 65535]")
        if self.workers < 1:
            raise ConfigError("workers must be >= 1")
        self._check_admin_ports()
        if self.workers > 1 and not self.redis_url:
            raise ConfigError(
                "workers > 1 needs redis_url: replay cache and rate limits must be shared"
            )
        if self.reload_interval_s <= 0:
            raise ConfigError("reload_interval_s must be > 0")
        if self.shutdown_timeout_s < 0:
            raise ConfigError("shutdown_timeout_s must be >= 0")
        from cloud_gateway.padding import Padder

        Padder(self.response_pad_buckets)  # validates the buckets

    def _check_admin_ports(self) -> None:
        """Worker *i* serves metrics on ``admin_port + i``: none may be the public port."""
        if not self.admin_port:
            return
        last = self.admin_port + self.workers - 1
        if last > 65535:
            raise ConfigError(f"admin_port + workers - 1 must be <= 65535 (it is {last})")
        if self.admin_port <= self.port <= last:
            where = (
                "admin_port must differ from port"
                if self.workers == 1
                else f"port {self.port} is one of the workers' admin ports {self.admin_port}-{last}"
            )
            raise ConfigError(f"{where} (metrics stay off the public port)")

    @property
    def allowed_models(self) -> tuple[str, ...]:
        """Model names a request may ask for (first = default)."""
        if self.backend.models:
            return self.backend.models
        if self.backend.kind == "llama":
            return (self.backend.model,)
        if self.backend.kind == "echo":
            return ("echo",)
        raise ConfigError("backend.kind = 'openai' needs backend.models (the allow-list)")


_TABLES: dict[str, type[Any]] = {
    "backend": BackendConfig,
    "limits": LimitsConfig,
    "auth": AuthConfig,
    "learn": LearnConfig,
}


def config_from_mapping(
    mapping: Mapping[str, Any] | None = None, *, environ: Mapping[str, str] | None = None
) -> GatewayConfig:
    """Build a :class:`GatewayConfig` from a mapping plus environment overrides."""
    env = os.environ if environ is None else environ
    data = dict(mapping or {})
    for name, cls in _TABLES.items():
        table = data.get(name, {})
        if isinstance(table, cls):
            continue
        if not isinstance(table, Mapping):
            raise ConfigError(f"[{name}] must be a table")
        data[name] = build(cls, table, env_prefix=f"{ENV_PREFIX}{name.upper()}_", environ=env)
    return build(GatewayConfig, data, env_prefix=ENV_PREFIX, environ=env)


def load_config(
    path: str | os.PathLike[str] | None = None, *, environ: Mapping[str, str] | None = None
) -> GatewayConfig:
    """Load ``path`` (TOML) if given, then apply ``EDGEKIT_GATEWAY_*`` variables."""
    mapping = read_toml(path) if path is not None else {}
    return config_from_mapping(mapping, environ=environ)


def replace(config: GatewayConfig, **changes: Any) -> GatewayConfig:
    """A copy of ``config`` with top-level fields changed (CLI flags)."""
    try:
        return dataclasses.replace(config, **changes)
    except TypeError as exc:
        raise ConfigError(f"invalid gateway option: {exc}") from exc
