"""The cloud client: encrypted calls to the EdgeKit gateway, with honest failure modes.

``CloudClient`` (async) talks to the gateway's OpenAI-compatible inner API over
Oblivious HTTP (or in clear when told to), under a local budget, a circuit
breaker with health probes, and connect/first-byte/idle/total deadlines. It
never retries a request that may have executed upstream. Transports are
injectable: :class:`AiohttpTransport` (default), :class:`LinkShaper` (added
RTT and a bandwidth cap, to rehearse a poor link) and
:class:`CapturingTransport` (records every byte, for tests).
"""

from __future__ import annotations

from edgekit.transport.breaker import CircuitBreaker, CircuitState
from edgekit.transport.budget import Budget
from edgekit.transport.client import (
    CloudClient,
    CloudCompletion,
    CloudHealth,
    CloudStream,
    InnerResponse,
    InnerStream,
)
from edgekit.transport.config import BreakerConfig, BudgetConfig, CloudConfig, Timeouts
from edgekit.transport.errors import (
    CloudConnectError,
    CloudRequestError,
    CloudTimeoutPhase,
    DeviceNotEnrolled,
    GatewaySilent,
    KeyConfigPinError,
    NotAGateway,
    ResponseFormatError,
    StreamInterrupted,
)
from edgekit.transport.linkstats import LinkMonitor, LinkStats
from edgekit.transport.sse import ChatDelta, ChatStreamDecoder, SSEEvent, SSEParser
from edgekit.transport.transport import (
    LINK_PROFILES,
    AiohttpTransport,
    CapturedExchange,
    CapturingTransport,
    HttpRequest,
    HttpResponse,
    LinkProfile,
    LinkShaper,
    Transport,
)

__all__ = [
    "LINK_PROFILES",
    "AiohttpTransport",
    "BreakerConfig",
    "Budget",
    "BudgetConfig",
    "CapturedExchange",
    "CapturingTransport",
    "ChatDelta",
    "ChatStreamDecoder",
    "CircuitBreaker",
    "CircuitState",
    "CloudClient",
    "CloudCompletion",
    "CloudConfig",
    "CloudConnectError",
    "CloudHealth",
    "CloudRequestError",
    "CloudStream",
    "CloudTimeoutPhase",
    "DeviceNotEnrolled",
    "GatewaySilent",
    "HttpRequest",
    "HttpResponse",
    "InnerResponse",
    "InnerStream",
    "KeyConfigPinError",
    "LinkMonitor",
    "LinkProfile",
    "LinkShaper",
    "LinkStats",
    "NotAGateway",
    "ResponseFormatError",
    "SSEEvent",
    "SSEParser",
    "StreamInterrupted",
    "Timeouts",
    "Transport",
]
