"""Configuration of the cloud client: endpoint, pinning, timeouts, budget, breaker."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from edgekit.errors import ConfigError, ProtocolError
from edgekit.secure import ohttp

DEFAULT_DEVICE_KEY_PATH = Path("~/.config/edgekit/device_ed25519.key")
_SHA256_HEX = re.compile(r"^[0-9a-fA-F]{64}$")


@dataclass(frozen=True, kw_only=True)
class Timeouts:
    """Deadlines, in seconds, of one call to the gateway.

    ``connect``: open the TCP connection. ``first_byte``: from sending the
    request until the response head arrives. ``key_fetch``: the same for the
    gateway's small, static key configuration, so a server that accepts
    connections but never answers is found out in seconds, not after a model's
    worth of waiting. ``idle``: longest silence between two chunks of the
    response body. ``total``: the whole call, streaming included (a per-call
    ``deadline_s`` can only shorten it).
    """

    connect: float = 5.0
    first_byte: float = 30.0
    key_fetch: float = 10.0
    idle: float = 30.0
    total: float = 120.0

    def __post_init__(self) -> None:
        for item in dataclasses.fields(self):
            value = getattr(self, item.name)
            if not value > 0:
                raise ConfigError(f"timeout {item.name!r} must be > 0")


@dataclass(frozen=True, kw_only=True)
class BudgetConfig:
    """Local spending cap over a sliding hour; ``None`` means unlimited."""

    calls_per_hour: int | None = None
    tokens_per_hour: int | None = None

    def __post_init__(self) -> None:
        for name in ("calls_per_hour", "tokens_per_hour"):
            value = getattr(self, name)
            if value is not None and value < 0:
                raise ConfigError(f"budget {name!r} must be >= 0 or None")


@dataclass(frozen=True, kw_only=True)
class BreakerConfig:
    """Circuit breaker: open after ``failures_to_open`` consecutive failures.

    While open, calls fail fast with :class:`~edgekit.errors.CircuitOpen`. After
    ``cooldown_s`` one cheap health probe decides: success closes the circuit,
    failure re-opens it for another (doubled, up to ``max_cooldown_s``) cool-down.
    """

    failures_to_open: int = 3
    cooldown_s: float = 10.0
    max_cooldown_s: float = 300.0
    probe_timeout_s: float = 3.0

    def __post_init__(self) -> None:
        if self.failures_to_open < 1:
            raise ConfigError("breaker failures_to_open must be >= 1")
        if not 0 < self.cooldown_s <= self.max_cooldown_s:
            raise ConfigError("breaker needs 0 < cooldown_s <= max_cooldown_s")
        if not self.probe_timeout_s > 0:
            raise ConfigError("breaker probe_timeout_s must be > 0")


@dataclass(frozen=True, kw_only=True)
class CloudConfig:
    """Everything the :class:`~edgekit.transport.CloudClient` needs.

    ``key_config_pin`` pins the gateway's OHTTP keys: an ``application/ohttp-keys``
    document (every key in it is pinned), or pins as 64 hex digits — the
    SHA-256 of one key configuration each (``edgekit keys show`` prints them),
    a collection of them, or (from older releases) the SHA-256 of a whole
    document. Left ``None``, the keys first fetched are trusted (trust on first
    use). Pins follow the gateway's announced rotations
    (:mod:`edgekit.transport.pinning`); a key never announced is refused.

    ``encrypt=False`` sends the inner API in clear: only for trusted networks
    and tests. ``device_key_path`` holds the Ed25519 device key (created, mode
    0600, on first use; default ``~/.config/edgekit/device_ed25519.key``).
    """

    url: str
    key_config_pin: bytes | str | Collection[str] | None = None
    encrypt: bool = True
    device_key_path: Path | str | None = None
    model: str | None = None
    timeouts: Timeouts = field(default_factory=Timeouts)
    budget: BudgetConfig = field(default_factory=BudgetConfig)
    breaker: BreakerConfig = field(default_factory=BreakerConfig)
    connect_retries: int = 1
    max_connections: int = 8
    max_response_bytes: int = 64 * 1024 * 1024
    max_sse_line_bytes: int = 1024 * 1024
    user_agent: str = "edgekit-transport/0.1"

    def __post_init__(self) -> None:
        if isinstance(self.device_key_path, str):  # a str path is as good as a Path
            object.__setattr__(self, "device_key_path", Path(self.device_key_path))
        elif self.device_key_path is not None and not isinstance(self.device_key_path, Path):
            raise ConfigError("device_key_path must be a path")
        parts = urlsplit(self.url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ConfigError("cloud url must be an absolute http(s) URL")
        if parts.query or parts.fragment:
            raise ConfigError("cloud url must not carry a query or fragment")
        pin_digests(self.key_config_pin)  # raises ConfigError on a malformed pin
        if self.connect_retries < 0 or self.connect_retries > 5:
            raise ConfigError("connect_retries must be between 0 and 5")
        if self.max_connections < 1:
            raise ConfigError("max_connections must be >= 1")
        if self.max_response_bytes < 1024 or self.max_sse_line_bytes < 1024:
            raise ConfigError("response limits must be at least 1 KiB")

    def key_pins(self) -> frozenset[str]:
        """The configured pins as lower-case hex digests (empty: trust on first use)."""
        return pin_digests(self.key_config_pin)

    @property
    def base_url(self) -> str:
        """The URL without a trailing slash."""
        return self.url.rstrip("/")

    @property
    def authority(self) -> str:
        """``host[:port]`` of the gateway, as the inner request's authority."""
        return urlsplit(self.url).netloc

    def resolved_device_key_path(self) -> Path:
        """Where the device key lives (the default expanded lazily)."""
        return Path(self.device_key_path or DEFAULT_DEVICE_KEY_PATH).expanduser()


def pin_digests(pin: bytes | str | Iterable[str] | None) -> frozenset[str]:
    """Hex pins from a ``key_config_pin`` value (see :class:`CloudConfig`)."""
    if pin is None:
        return frozenset()
    if isinstance(pin, bytes):
        if not pin:
            raise ConfigError("key_config_pin must not be empty")
        try:
            return frozenset(ohttp.key_config_digests(pin))
        except ProtocolError:
            raise ConfigError("key_config_pin bytes are not an application/ohttp-keys") from None
    values = [pin] if isinstance(pin, str) else list(pin)
    if not values or not all(isinstance(v, str) and _SHA256_HEX.match(v) for v in values):
        raise ConfigError("key_config_pin must be 64-hex SHA-256 pins or ohttp-keys bytes")
    return frozenset(v.lower() for v in values)
