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
    CloudConnectError,
    CloudError,
    CloudRateLimited,
    CloudResponseError,
    CloudTimeout,
    CloudUnavailable,
    CodecError,
    ConfigError,
    ContextOverflow,
    DecryptError,
    DeviceNotEnrolled,
    EdgeKitError,
    EngineClosed,
    KeyConfigPinError,
    MessageError,
    ModelError,
    ModelFormatError,
    ModelIntegrityError,
    ModelNotFound,
    PrivacyBlocked,
    PrivacyError,
    ProtocolError,
    ReplayError,
    RoutingError,
    SchemaError,
    StateError,
    StreamInterrupted,
)

__version__ = "0.1.0"

# name -> module that defines it; resolved on first access. The public surface is
# what callers build, hold and catch; test helpers (LinkShaper) stay in their packages.
_LAZY: dict[str, str] = {
    "Engine": "edgekit.local.engine",
    "EngineConfig": "edgekit.local.config",
    "GenerationParams": "edgekit.local.config",
    "Completion": "edgekit.local.types",
    "TokenEvent": "edgekit.local.types",
    "TokenSignal": "edgekit.local.signals",
    "SignalSummary": "edgekit.local.signals",
    "EdgeClient": "edgekit.client",
    "AsyncEdgeClient": "edgekit.client",
    "ClientConfig": "edgekit.client",
    "ChatOptions": "edgekit.client",
    "ChatResult": "edgekit.client",
    "ChatStream": "edgekit.client",
    "RouteDecision": "edgekit.routing.decision",
    "Calibration": "edgekit.routing.calibration",
    "PrivacyConfig": "edgekit.privacy.config",
    "CloudClient": "edgekit.transport",
    "CloudConfig": "edgekit.transport",
}

__all__ = [
    "AsyncEdgeClient",
    "AuthenticationError",
    "Calibration",
    "CalibrationError",
    "ChatOptions",
    "ChatResult",
    "ChatStream",
    "CircuitOpen",
    "ClientConfig",
    "CloudClient",
    "CloudConfig",
    "CloudConnectError",
    "CloudError",
    "CloudRateLimited",
    "CloudResponseError",
    "CloudTimeout",
    "CloudUnavailable",
    "CodecError",
    "Completion",
    "ConfigError",
    "ContextOverflow",
    "DecryptError",
    "DeviceNotEnrolled",
    "EdgeClient",
    "EdgeKitError",
    "Engine",
    "EngineClosed",
    "EngineConfig",
    "GenerationParams",
    "KeyConfigPinError",
    "MessageError",
    "ModelError",
    "ModelFormatError",
    "ModelIntegrityError",
    "ModelNotFound",
    "PrivacyBlocked",
    "PrivacyConfig",
    "PrivacyError",
    "ProtocolError",
    "ReplayError",
    "RouteDecision",
    "RoutingError",
    "SchemaError",
    "SignalSummary",
    "StateError",
    "StreamInterrupted",
    "TokenEvent",
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
    from edgekit.client import (
        AsyncEdgeClient,
        ChatOptions,
        ChatResult,
        ChatStream,
        ClientConfig,
        EdgeClient,
    )
    from edgekit.local.config import EngineConfig, GenerationParams
    from edgekit.local.engine import Engine
    from edgekit.local.signals import SignalSummary, TokenSignal
    from edgekit.local.types import Completion, TokenEvent
    from edgekit.privacy.config import PrivacyConfig
    from edgekit.routing.calibration import Calibration
    from edgekit.routing.decision import RouteDecision
    from edgekit.transport import CloudClient, CloudConfig
