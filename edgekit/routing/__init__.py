"""Routing: the pure policy that decides where an answer comes from.

Features of prompts and of per-token confidence, the logistic gate and its
thresholds, the calibration document that carries them, online statistics,
and the strategies (one object each, in :data:`~edgekit.routing.strategies.STRATEGY_TABLE`).
Nothing here does I/O: no engine, no transport, no files. The client
(:mod:`edgekit.client`) drives the I/O; the offline tooling that fits and
evaluates calibrations is :mod:`edgekit.calibrate`.
"""

from __future__ import annotations

from edgekit.routing.calibration import (
    DEFAULT_CALIBRATION,
    Calibration,
    Gate,
    HandoffRule,
    PreRouter,
)
from edgekit.routing.decision import ROUTES, STRATEGIES, Route, RouteDecision, Strategy
from edgekit.routing.online import OnlineSnapshot, OnlineStats
from edgekit.routing.stats import auroc, risk_controlling_threshold

__all__ = [
    "DEFAULT_CALIBRATION",
    "ROUTES",
    "STRATEGIES",
    "Calibration",
    "Gate",
    "HandoffRule",
    "OnlineSnapshot",
    "OnlineStats",
    "PreRouter",
    "Route",
    "RouteDecision",
    "Strategy",
    "auroc",
    "risk_controlling_threshold",
]
