"""Settings of ``edgekit serve``: the server's own table plus the client's, from TOML and env.

A config file has one table per concern, each a frozen dataclass loaded by
:func:`edgekit.config.from_mapping` and overridden by its environment prefix:

=============  ==========================  ===================================
table          dataclass                   environment prefix
=============  ==========================  ===================================
``[serve]``    :class:`ServeConfig`        ``EDGEKIT_SERVE_`` (``..._PORT``)
``[client]``   ``ClientConfig``            ``EDGEKIT_CLIENT_``
``[engine]``   ``EngineConfig``            ``EDGEKIT_ENGINE_``
``[cloud]``    ``CloudConfig``             ``EDGEKIT_CLOUD_`` (no table, no
                                           ``EDGEKIT_CLOUD_URL``: no gateway)
``[privacy]``  ``PrivacyConfig``           ``EDGEKIT_PRIVACY_``
=============  ==========================  ===================================

Command-line flags override both (see ``edgekit serve --help``).
"""

from __future__ import annotations

import dataclasses
import functools
import ipaddress
import os
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from edgekit.client import ClientConfig
from edgekit.config import from_mapping, load_toml
from edgekit.errors import ConfigError
from edgekit.local.config import EngineConfig
from edgekit.privacy.config import PrivacyConfig
from edgekit.transport.config import CloudConfig

TABLES = ("serve", "client", "engine", "cloud", "privacy")
MIN_TOKEN_CHARS = 16


@dataclass(frozen=True, kw_only=True)
class ServeConfig:
    """How the server listens, whom it lets in and how much it takes on.

    ``host`` must be a loopback address unless ``token`` (or ``token_file``)
    is set: every request then needs ``Authorization: Bearer <token>``.
    ``unix_socket`` listens on a Unix socket (mode 0660) instead of TCP.
    ``parallel`` requests run at once (the batch slots of the local model);
    ``max_queue`` more wait, served round-robin across apps (the ``user``
    field or the ``X-EdgeKit-App`` header), at most ``max_queue_per_app``
    each; beyond that a request gets 429. ``max_tokens_limit`` bounds a
    request's ``max_tokens`` (``[client] max_tokens`` is the default).
    ``allow_weaker_privacy`` lets a request choose a weaker privacy
    preset than the configured one. ``allowed_origins`` lists browser
    origins allowed to call (none by default).
    """

    host: str = "127.0.0.1"
    port: int = 8080
    unix_socket: Path | None = None
    token: str | None = None
    token_file: Path | None = None
    parallel: int = 4
    max_queue: int = 16
    max_queue_per_app: int = 8
    max_body_bytes: int = 1 << 20
    max_tokens_limit: int = 1024
    allow_weaker_privacy: bool = False
    allowed_origins: tuple[str, ...] = ()
    model_name: str = "edgekit"
    shutdown_timeout_s: float = 10.0

    def __post_init__(self) -> None:
        if not 0 <= self.port <= 65535:
            raise ConfigError("serve port must be between 0 and 65535")
        if not 1 <= self.parallel <= 64:
            raise ConfigError("serve parallel must be between 1 and 64")
        if self.max_queue < 0 or self.max_queue_per_app < 1:
            raise ConfigError("serve max_queue must be >= 0 and max_queue_per_app >= 1")
        if not 1024 <= self.max_body_bytes <= 64 << 20:
            raise ConfigError("serve max_body_bytes must be between 1 KiB and 64 MiB")
        if not 1 <= self.max_tokens_limit <= 1 << 20:
            raise ConfigError("serve max_tokens_limit must be between 1 and 1048576")
        if self.token is not None and len(self.token) < MIN_TOKEN_CHARS:
            raise ConfigError(f"serve token must be at least {MIN_TOKEN_CHARS} characters")
        if not self.model_name or ":" in self.model_name:
            raise ConfigError("serve model_name must be non-empty and without ':'")
        if self.shutdown_timeout_s <= 0:
            raise ConfigError("serve shutdown_timeout_s must be positive")

    @property
    def loopback_only(self) -> bool:
        """True when only this device can connect (loopback TCP or a Unix socket)."""
        return self.unix_socket is not None or is_loopback(self.host)

    def bearer_token(self) -> str | None:
        """The token requests must present: ``token``, else ``token_file``'s first line."""
        if self.token is not None:
            return self.token
        if self.token_file is None:
            return None
        try:
            token = self.token_file.read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ConfigError(f"cannot read serve token_file: {exc.strerror}") from None
        if len(token) < MIN_TOKEN_CHARS:
            raise ConfigError(f"serve token_file must hold at least {MIN_TOKEN_CHARS} characters")
        return token


def is_loopback(host: str) -> bool:
    """Whether ``host`` names only this machine (``localhost`` or a loopback address)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True, kw_only=True)
class Settings:
    """Everything ``edgekit serve`` runs with."""

    serve: ServeConfig
    client: ClientConfig


def load_settings(
    path: str | os.PathLike[str] | None = None,
    *,
    overrides: Mapping[str, Mapping[str, Any]] | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Read ``path`` (TOML), apply ``EDGEKIT_*`` variables, then ``overrides`` (per table).

    Refuses a listening address other than loopback without a bearer token.
    """
    data = load_toml(path) if path is not None else {}
    unknown = sorted(set(data) - set(TABLES))
    if unknown:
        raise ConfigError(f"unknown serve config table(s): {', '.join(unknown)}")
    env = os.environ if environ is None else environ
    tables = {name: _table(data, name) for name in TABLES}
    for name, values in (overrides or {}).items():
        tables[name].update({k: v for k, v in values.items() if v is not None})
    serve = from_mapping(ServeConfig, tables["serve"], env_prefix="EDGEKIT_SERVE_", environ=env)
    if not serve.loopback_only and serve.bearer_token() is None:
        raise ConfigError(
            f"refusing to listen on {serve.host}: only loopback is allowed without a bearer "
            "token (set token_file or EDGEKIT_SERVE_TOKEN)"
        )
    engine = from_mapping(EngineConfig, tables["engine"], env_prefix="EDGEKIT_ENGINE_", environ=env)
    privacy = from_mapping(
        PrivacyConfig, tables["privacy"], env_prefix="EDGEKIT_PRIVACY_", environ=env
    )
    cloud_table = tables["cloud"]
    cloud = None
    if cloud_table or env.get("EDGEKIT_CLOUD_URL"):
        cloud = from_mapping(CloudConfig, cloud_table, env_prefix="EDGEKIT_CLOUD_", environ=env)
    table: Any = from_mapping(
        _client_table(), tables["client"], env_prefix="EDGEKIT_CLIENT_", environ=env
    )
    try:
        client = ClientConfig(**vars(table), engine=engine, cloud=cloud, privacy=privacy)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"invalid [client] table: {exc}") from None
    if client.max_tokens > serve.max_tokens_limit:
        raise ConfigError("client max_tokens (the default) exceeds serve max_tokens_limit")
    return Settings(serve=serve, client=client)


_NESTED = ("engine", "cloud", "privacy")


@functools.cache
def _client_table() -> type:
    """ClientConfig's own settings as a dataclass (its nested configs are tables of their own)."""
    names = {
        "EngineConfig": EngineConfig,
        "CloudConfig": CloudConfig,
        "PrivacyConfig": PrivacyConfig,
    }
    hints = typing.get_type_hints(ClientConfig, localns=names)
    fields = [
        (f.name, hints[f.name], dataclasses.field(default=f.default))
        if f.default is not dataclasses.MISSING
        else (f.name, hints[f.name], dataclasses.field(default_factory=f.default_factory))
        for f in dataclasses.fields(ClientConfig)
        if f.init and f.name not in _NESTED
    ]
    return dataclasses.make_dataclass("ClientTable", fields, frozen=True, kw_only=True)


def _table(data: Mapping[str, Any], name: str) -> dict[str, Any]:
    value = data.get(name, {})
    if not isinstance(value, Mapping):
        raise ConfigError(f"config [{name}] must be a table")
    return dict(value)
