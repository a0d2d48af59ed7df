"""Routing: gates over measured confidence signals, calibration, evaluation.

Pure computation (no I/O of its own beyond reading/writing the files it is
handed): features, an L2 logistic gate, Learn-then-Test thresholds, the
versioned calibration file, the generated evaluation dataset and the
quality/cloud-share curves. The client that uses them is :mod:`edgekit.client`.
"""

from __future__ import annotations

from edgekit.routing.calibration import (
    DEFAULT_CALIBRATION,
    Calibration,
    CalibrationTarget,
    Gate,
    HandoffRule,
    PreRouter,
    fit_calibration,
)
from edgekit.routing.decision import ROUTES, STRATEGIES, Route, RouteDecision, Strategy
from edgekit.routing.online import OnlineSnapshot, OnlineStats
from edgekit.routing.records import ItemResult, read_results, write_results
from edgekit.routing.stats import auroc, risk_controlling_threshold

__all__ = [
    "DEFAULT_CALIBRATION",
    "ROUTES",
    "STRATEGIES",
    "Calibration",
    "CalibrationTarget",
    "Gate",
    "HandoffRule",
    "ItemResult",
    "OnlineSnapshot",
    "OnlineStats",
    "PreRouter",
    "Route",
    "RouteDecision",
    "Strategy",
    "auroc",
    "fit_calibration",
    "read_results",
    "risk_controlling_threshold",
    "write_results",
]
