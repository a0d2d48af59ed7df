"""Typed application and request keys, and the state the handlers share."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from cloud_gateway.api import ChatService
from cloud_gateway.backends.base import Backend
from cloud_gateway.config import GatewayConfig
from cloud_gateway.inner import InnerRouter, RequestStats
from cloud_gateway.limits import GenerationGate, RateLimiter
from cloud_gateway.metrics import GatewayMetrics
from cloud_gateway.padding import Padder


@dataclass
class GatewayState:
    """Everything the handlers share; one per application."""

    config: GatewayConfig
    backend: Backend
    metrics: GatewayMetrics
    limiter: RateLimiter
    padder: Padder
    gate: GenerationGate | None = None
    service: ChatService | None = None
    router: InnerRouter = field(default_factory=InnerRouter)
    draining: bool = False
    extras: dict[str, Any] = field(default_factory=dict)


STATE = web.AppKey("edgekit_gateway_state", GatewayState)
STATS = web.RequestKey("edgekit_gateway_stats", RequestStats)
