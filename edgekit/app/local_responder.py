"""Answers from the on-device engine alone (``--no-gateway``, or no router installed).

It still reports what EdgeKit measures on every token — the confidence signals
— so ``/why`` has something true to show even without a cloud to escalate to.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from typing import Any

from edgekit.app.answer import Answer
from edgekit.app.events import EventSink, Piece
from edgekit.app.options import RouteMode
from edgekit.config import from_mapping
from edgekit.local.config import EngineConfig, GenerationParams
from edgekit.local.engine import Engine
from edgekit.local.signals import TokenSignal, summarize
from edgekit.local.types import Timings
from edgekit.routing.decision import RouteDecision, new_decision_id


class LocalResponder:
    """Runs every question on the local :class:`~edgekit.local.engine.Engine`."""

    def __init__(self, engine: Engine, *, max_tokens: int, reason: str) -> None:
        self._engine = engine
        self._params = GenerationParams(max_tokens=max_tokens)
        self._reason = reason

    @classmethod
    def open(cls, model: str, *, max_tokens: int, reason: str) -> LocalResponder:
        config = from_mapping(
            EngineConfig,
            {"model": model, "overflow": "truncate_left"},
            env_prefix="EDGEKIT_ENGINE_",
        )
        return cls(Engine(config), max_tokens=max_tokens, reason=reason)

    @property
    def engine(self) -> Engine:
        return self._engine

    def respond(
        self,
        messages: Sequence[Mapping[str, str]],
        *,
        route: RouteMode,
        offline: bool,
        on_event: EventSink,
    ) -> Answer:
        start = time.perf_counter()
        first: float | None = None
        pieces: list[str] = []
        signals: list[TokenSignal] = []
        timings: Timings | None = None
        for event in self._engine.stream_chat(messages, self._params):
            if first is None:
                first = time.perf_counter()
            if event.text:
                pieces.append(event.text)
                on_event(Piece(event.text, "device"))
            signals.append(event.signal)
            timings = event.timings or timings
        end = time.perf_counter()
        summary = summarize(signals)
        tps = decode_rate(len(signals), timings)
        reason = self._reason if route != "cloud" else "cloud requested but no gateway configured"
        decision = RouteDecision(
            id=new_decision_id(),
            strategy="local_only",
            route="local",
            reason=reason,
            signals=_numeric(summary.as_dict()),
            latency_s={"local": end - start},
            local_tokens=len(signals),
        )
        return Answer(
            text="".join(pieces),
            decision=decision.as_dict(),
            latency_s=end - start,
            ttft_s=None if first is None else first - start,
            tokens=len(signals),
            tokens_per_s=tps,
        )

    def set_offline(self, offline: bool) -> None:
        """Nothing to cut: this responder never leaves the device."""

    def link_stats(self) -> dict[str, Any] | None:
        return None

    def close(self) -> None:
        self._engine.close()


def _numeric(values: Mapping[str, Any]) -> dict[str, float]:
    return {k: float(v) for k, v in values.items() if isinstance(v, int | float)}


def decode_rate(n_tokens: int, timings: Timings | None) -> float | None:
    """Decode speed in tokens/s (the first token belongs to prefill), if measurable."""
    if timings is None or n_tokens < 2 or timings.decode_s <= 0:
        return None
    return (n_tokens - 1) / timings.decode_s
