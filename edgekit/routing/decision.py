"""The record attached to every answer: which route was taken and why.

A :class:`RouteDecision` never holds content (no prompt, no answer, no PII):
only the strategy, the route, scores, timings and entity *counts*, so it can be
printed and logged as it is.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from types import MappingProxyType
from typing import Any, Literal, get_args

Strategy = Literal["local_only", "cloud_only", "cascade", "pre_route", "handoff", "prefill_offload"]
Route = Literal["local", "cloud", "handoff", "local_fallback", "prefill_offload"]

STRATEGIES: tuple[str, ...] = get_args(Strategy)
ROUTES: tuple[str, ...] = get_args(Route)


def new_decision_id() -> str:
    """A random id naming one decision (for feedback and logs)."""
    return uuid.uuid4().hex[:16]


def _frozen(mapping: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True, kw_only=True)
class RouteDecision:
    """Why an answer came from where it came from.

    ``score`` is the gate's estimate that the local answer is good (higher is
    more confident); the local answer is kept when ``score >= threshold``.
    ``latency_s`` maps stage names (``local``, ``cloud``, ``gate``…) to seconds.
    ``entity_counts`` maps PII types to counts, never values.
    ``finish_reason`` is the OpenAI one of the answer as delivered (``"stop"``,
    ``"length"`` when ``max_tokens`` cut it); ``degenerate`` marks a local
    answer that fell into repetition and could not be escalated.
    """

    id: str
    strategy: Strategy
    route: Route
    reason: str
    score: float | None = None
    threshold: float | None = None
    signals: Mapping[str, float] = field(default_factory=dict)
    latency_s: Mapping[str, float] = field(default_factory=dict)
    pii_masked: bool = False
    entity_counts: Mapping[str, int] = field(default_factory=dict)
    blocked_types: tuple[str, ...] = ()
    fallback_error: str | None = None
    local_tokens: int = 0
    cloud_chars: int = 0
    finish_reason: str | None = None
    degenerate: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "signals", _frozen(self.signals))
        object.__setattr__(self, "latency_s", _frozen(self.latency_s))
        object.__setattr__(self, "entity_counts", _frozen(self.entity_counts))

    @property
    def escalated(self) -> bool:
        """True when (part of) the answer came from the cloud."""
        return self.route in ("cloud", "handoff")

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (content-free)."""
        return {
            "id": self.id,
            "strategy": self.strategy,
            "route": self.route,
            "reason": self.reason,
            "score": self.score,
            "threshold": self.threshold,
            "signals": dict(self.signals),
            "latency_s": dict(self.latency_s),
            "pii_masked": self.pii_masked,
            "entity_counts": dict(self.entity_counts),
            "blocked_types": list(self.blocked_types),
            "fallback_error": self.fallback_error,
            "local_tokens": self.local_tokens,
            "cloud_chars": self.cloud_chars,
            "finish_reason": self.finish_reason,
            "degenerate": self.degenerate,
        }

    def __str__(self) -> str:
        parts = [f"route={self.route}", f"strategy={self.strategy}", f"id={self.id}"]
        if self.score is not None:
            gate = f"score={self.score:.3f}"
            if self.threshold is not None:
                gate += f"/thr={self.threshold:.3f}"
            parts.append(gate)
        parts.append(f"reason={self.reason}")
        if self.latency_s:
            total = self.latency_s.get("total", sum(self.latency_s.values()))
            stages = ",".join(
                f"{k}:{v * 1000:.0f}ms" for k, v in self.latency_s.items() if k != "total"
            )
            parts.append(f"latency={total * 1000:.0f}ms[{stages}]")
        if self.pii_masked:
            counts = ",".join(f"{k}:{v}" for k, v in sorted(self.entity_counts.items()))
            parts.append(f"pii=[{counts}]")
        if self.blocked_types:
            parts.append("blocked=" + ",".join(self.blocked_types))
        if self.fallback_error:
            parts.append(f"fallback={self.fallback_error}")
        if self.finish_reason not in (None, "stop"):
            parts.append(f"finish={self.finish_reason}")
        if self.degenerate:
            parts.append("degenerate")
        return "RouteDecision(" + " ".join(parts) + ")"


@dataclass
class DecisionRecord:
    """The mutable record of one routed call, frozen into a :class:`RouteDecision` at the end.

    Strategies and the client fill it in as the call proceeds; it never holds content.
    """

    strategy: Strategy
    id: str = field(default_factory=new_decision_id)
    route: Route = "local"
    reason: str = ""
    score: float | None = None
    threshold: float | None = None
    signals: dict[str, float] = field(default_factory=dict)
    latency_s: dict[str, float] = field(default_factory=dict)
    entity_counts: dict[str, int] = field(default_factory=dict)
    pii_masked: bool = False
    blocked_types: tuple[str, ...] = ()
    fallback_error: str | None = None
    local_tokens: int = 0
    cloud_chars: int = 0
    finish_reason: str | None = None
    degenerate: bool = False
    gate_inputs: dict[str, float] = field(default_factory=dict)
    """The gain gate's numeric inputs (what a learning client stores); never content."""
    gate_projection: tuple[float, ...] = ()
    """Rounded coordinates of the gain gate's hidden-state projection (a learning
    client may store some of them); never shown in the decision."""
    audit: bool = False
    """In the uniform audit sample (learning on): escalated whatever the gate said."""

    def timed(self, stage: str, seconds: float) -> None:
        """Add ``seconds`` to the stage's latency."""
        self.latency_s[stage] = self.latency_s.get(stage, 0.0) + seconds

    def set_route(self, route: Route, reason: str) -> None:
        """Record where the answer comes from and why."""
        self.route, self.reason = route, reason

    def fell_back(self, reason: str, error: str, blocked_types: tuple[str, ...] = ()) -> None:
        """The cloud could not answer (``error`` names the exception class): the device did."""
        self.route, self.reason, self.fallback_error = "local_fallback", reason, error
        if blocked_types:
            self.blocked_types = blocked_types

    def freeze(self) -> RouteDecision:
        """The immutable decision (same fields, copied)."""
        return RouteDecision(**{f.name: getattr(self, f.name) for f in fields(RouteDecision)})
