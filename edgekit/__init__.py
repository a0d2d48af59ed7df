"""EdgeKit: run a small language model on the device, escalate to the cloud only when it must.

The public surface is imported lazily: ``import edgekit`` loads no model, no
llama.cpp and no network code. Attribute access pulls in what it needs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from edgekit import _logging as _logging  # installs the NullHandler
from edgekit.errors import (
    AuthenticationError,
    CalibrationError,
    CircuitOpen,
    CloudError,
    CloudRateLimited,
    CloudResponseError,
    CloudTimeout,
    CloudUnavailable,
    CodecError,
    ConfigError,
    ContextOverflow,
    DecryptError,
    EdgeKitError,
    EngineClosed,
    ModelError,
    ModelFormatError,
    ModelIntegrityError,
    ModelNotFound,
    PrivacyBlocked,
    PrivacyError,
    ProtocolError,
    ReplayError,
    RoutingError,
    StateError,
)

__version__ = "0.1.0"

# name -> module that defines it; resolved on first access.
_LAZY: dict[str, str] = {
    "Engine": "edgekit.local.engine",
    "EngineConfig": "edgekit.local.config",
    "GenerationParams": "edgekit.local.config",
    "TokenSignal": "edgekit.local.signals",
    "SignalSummary": "edgekit.local.signals",
    "EdgeClient": "edgekit.client",
    "AsyncEdgeClient": "edgekit.client",
    "ClientConfig": "edgekit.client",
    "RouteDecision": "edgekit.routing.decision",
    "CloudClient": "edgekit.transport",
    "CloudConfig": "edgekit.transport",
    "LinkShaper": "edgekit.transport",
    "StreamInterrupted": "edgekit.transport",
}

__all__ = [
    "AsyncEdgeClient",
    "AuthenticationError",
    "CalibrationError",
    "CircuitOpen",
    "ClientConfig",
    "CloudClient",
    "CloudConfig",
    "CloudError",
    "CloudRateLimited",
    "CloudResponseError",
    "CloudTimeout",
    "CloudUnavailable",
    "CodecError",
    "ConfigError",
    "ContextOverflow",
    "DecryptError",
    "EdgeClient",
    "EdgeKitError",
    "Engine",
    "EngineClosed",
    "EngineConfig",
    "GenerationParams",
    "LinkShaper",
    "ModelError",
    "ModelFormatError",
    "ModelIntegrityError",
    "ModelNotFound",
    "PrivacyBlocked",
    "PrivacyError",
    "ProtocolError",
    "ReplayError",
    "RouteDecision",
    "RoutingError",
    "SignalSummary",
    "StateError",
    "StreamInterrupted",
    "TokenSignal",
    "__version__",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'edgekit' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from edgekit.client import AsyncEdgeClient, ClientConfig, EdgeClient
    from edgekit.local.config import EngineConfig, GenerationParams
    from edgekit.local.engine import Engine
    from edgekit.local.signals import SignalSummary, TokenSignal
    from edgekit.routing.decision import RouteDecision
    from edgekit.transport import CloudClient, CloudConfig, LinkShaper, StreamInterrupted
