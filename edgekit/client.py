"""EdgeClient / AsyncEdgeClient: answer on the device, escalate when the gate says so.

:class:`AsyncEdgeClient` is the implementation; :class:`EdgeClient` is a sync
facade that runs it on a private event loop in a background thread. Both
expose ``chat()`` (a :class:`ChatResult`) and ``stream_chat()`` (a stream of
text pieces whose ``decision`` is set once it is exhausted). Every answer
carries a :class:`~edgekit.routing.decision.RouteDecision`.

Strategies: ``local_only``, ``cloud_only``, ``cascade`` (default: local draft,
gate, escalate the masked request if the draft fails), ``pre_route`` (decide
from the prompt before generating) and ``handoff`` (stream locally and hand
the conversation plus the accepted prefix to the cloud, which continues the
same answer, when a running confidence window drops below the gate).

Whatever the strategy, a cloud that is unreachable, too slow, rate-limited or
fails mid-stream is covered by the device: the answer is finished locally
(continuing from what already streamed) and the decision says so. Nothing is
retried upstream. What leaves the device is masked by the privacy filter first.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
import math
import threading
import time
from collections.abc import AsyncGenerator, AsyncIterator, Coroutine, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self, TypeVar

from edgekit._logging import get_logger
from edgekit.errors import (
    CloudError,
    CloudUnavailable,
    ConfigError,
    EdgeKitError,
    PrivacyBlocked,
    PrivacyError,
    ProtocolError,
    RoutingError,
)
from edgekit.routing.calibration import (
    DEFAULT_CALIBRATION,
    PRE_ROUTE_FEATURE,
    Calibration,
    Gate,
    HandoffRule,
    PreRouter,
)
from edgekit.routing.decision import STRATEGIES, Route, RouteDecision, Strategy, new_decision_id
from edgekit.routing.features import (
    SIGNAL_FEATURES,
    prompt_features,
    prompt_text,
    signal_features,
    window_features,
)
from edgekit.routing.logistic import LogisticModel
from edgekit.routing.online import OnlineSnapshot, OnlineStats

if TYPE_CHECKING:
    from edgekit.local.config import EngineConfig
    from edgekit.local.engine import Engine
    from edgekit.local.signals import TokenSignal
    from edgekit.privacy import PrivacyConfig, Redactor
    from edgekit.state.offload import HandoffReport
    from edgekit.transport import CloudClient, CloudConfig, Transport

log = get_logger(__name__)
T = TypeVar("T")
Messages = Sequence[Mapping[str, str]]
_CLOUD_FAILURES = (CloudError, ProtocolError)
_MAX_MESSAGES = 1024
_SUMMARY_KEYS = ("mean_logprob", "min_logprob", "mean_entropy", "log_n_tokens")


@dataclass(frozen=True, kw_only=True)
class ClientConfig:
    """How the client routes.

    ``cloud`` None means no gateway (every answer is local). ``calibration``
    is a calibration file; None loads the one shipped for the default edge
    model, or an uncalibrated mean-logprob gate for other models. The
    ``*_threshold`` fields override the calibrated thresholds. ``privacy``
    None means the strict preset; ``audit`` records every egress (route,
    entity counts, HMAC of the sent bytes) in the privacy audit log.
    """

    engine: EngineConfig | None = None
    cloud: CloudConfig | None = None
    strategy: Strategy = "cascade"
    calibration: str | Path | None = None
    threshold: float | None = None
    pre_route_threshold: float | None = None
    handoff_threshold: float | None = None
    handoff_window: int | None = None
    max_tokens: int = 256
    temperature: float = 0.0
    cloud_model: str | None = None
    cloud_max_tokens: int | None = None
    cloud_deadline_s: float | None = 60.0
    privacy: PrivacyConfig | None = None
    audit: bool = False
    online_capacity: int = 2048

    def __post_init__(self) -> None:
        if self.strategy not in STRATEGIES:
            raise ConfigError(f"strategy must be one of {', '.join(STRATEGIES)}")
        if self.max_tokens < 1 or (self.cloud_max_tokens is not None and self.cloud_max_tokens < 1):
            raise ConfigError("max_tokens must be >= 1")
        if self.online_capacity < 1:
            raise ConfigError("online_capacity must be >= 1")
        if self.handoff_window is not None and self.handoff_window < 1:
            raise ConfigError("handoff_window must be >= 1")
        if self.cloud_deadline_s is not None and self.cloud_deadline_s <= 0:
            raise ConfigError("cloud_deadline_s must be positive")


@dataclass(frozen=True)
class ChatResult:
    """An answer and the decision that produced it."""

    text: str
    decision: RouteDecision

    def __str__(self) -> str:
        return self.text


def uncalibrated(model_name: str) -> Calibration:
    """A gate on the answer's mean token logprob alone (geometric-mean probability ~0.7)."""
    names = (*SIGNAL_FEATURES, PRE_ROUTE_FEATURE)
    weights = tuple(4.0 if n == "mean_logprob" else 0.0 for n in names)
    model = LogisticModel(
        feature_names=names,
        weights=weights,
        bias=0.0,
        mean=tuple(-0.35 if n == "mean_logprob" else 0.0 for n in names),
        scale=tuple(1.0 for _ in names),
    )
    return Calibration(
        model_name=model_name,
        model_sha256=None,
        gate=Gate(model=model, threshold=0.5),
        handoff=HandoffRule(window=4, threshold=-1.5),
        metadata={"uncalibrated": True},
    )


# --- per-call bookkeeping ----------------------------------------------------------


@dataclass
class _Call:
    """Mutable state of one routed call; frozen into a RouteDecision at the end."""

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

    def timed(self, stage: str, seconds: float) -> None:
        self.latency_s[stage] = self.latency_s.get(stage, 0.0) + seconds

    def fallback(self, reason: str, exc: BaseException) -> None:
        self.route = "local_fallback"
        self.reason = "no cloud configured; answered on device" if isinstance(
            exc, NoCloudConfigured
        ) else reason
        self.fallback_error = type(exc).__name__
        if isinstance(exc, PrivacyBlocked):
            self.blocked_types = exc.finding_types

    def freeze(self) -> RouteDecision:
        return RouteDecision(
            id=self.id,
            strategy=self.strategy,
            route=self.route,
            reason=self.reason,
            score=self.score,
            threshold=self.threshold,
            signals=self.signals,
            latency_s=self.latency_s,
            pii_masked=self.pii_masked,
            entity_counts=self.entity_counts,
            blocked_types=self.blocked_types,
            fallback_error=self.fallback_error,
            local_tokens=self.local_tokens,
            cloud_chars=self.cloud_chars,
        )


@dataclass
class _Draft:
    text: str
    signals: list[TokenSignal]
    finish_reason: str | None
    complete: bool = True


class NoCloudConfigured(CloudUnavailable):
    """No gateway is configured for this client, so nothing can be escalated."""


class _CloudFailedError(Exception):
    """Internal: the cloud failed after ``delivered`` (restored) text was yielded."""

    def __init__(self, cause: BaseException, delivered: str) -> None:
        super().__init__(type(cause).__name__)
        self.cause = cause
        self.delivered = delivered


class ChatStream:
    """Async stream of text pieces; ``decision`` and ``text`` are set once it ends."""

    def __init__(self, client: AsyncEdgeClient, messages: Messages, strategy: Strategy) -> None:
        self._call = _Call(strategy=strategy)
        self._parts: list[str] = []
        self._decision: RouteDecision | None = None
        self._iterator: AsyncGenerator[str, None] = client._route(messages, self._call)

    def __aiter__(self) -> Self:
        return self

    async def __anext__(self) -> str:
        try:
            piece = await anext(self._iterator)
        except StopAsyncIteration:
            self._decision = self._call.freeze()
            raise
        self._parts.append(piece)
        return piece

    async def aclose(self) -> None:
        """Stop early (the local generation or cloud stream is cancelled)."""
        await self._iterator.aclose()

    @property
    def text(self) -> str:
        """Everything yielded so far."""
        return "".join(self._parts)

    @property
    def decision(self) -> RouteDecision:
        """The decision; only available after the stream is exhausted."""
        if self._decision is None:
            raise RoutingError("the decision is known once the stream is exhausted")
        return self._decision


# --- the client ----------------------------------------------------------------------


class AsyncEdgeClient:
    """Routes chat requests between the on-device model and the cloud gateway.

    ``engine`` and ``cloud`` may be passed in (shared, not closed by this
    client); otherwise they are created from ``config`` and closed by
    :meth:`aclose`. ``transport`` is handed to the created cloud client.
    """

    def __init__(
        self,
        config: ClientConfig | None = None,
        *,
        engine: Engine | None = None,
        cloud: CloudClient | None = None,
        calibration: Calibration | None = None,
        transport: Transport | None = None,
    ) -> None:
        self.config = config or ClientConfig()
        self._owns_engine = engine is None
        if engine is None:
            from edgekit.local.config import EngineConfig
            from edgekit.local.engine import Engine

            engine = Engine(self.config.engine or EngineConfig())
        self.engine: Engine = engine
        self._owns_cloud = cloud is None
        self._cloud = cloud
        self._transport = transport
        try:
            base = calibration or self._load_calibration()
        except BaseException:
            self._close_engine()
            raise
        self.calibration = self._with_overrides(base)
        self._warned_range = False
        _warn_if_outside_conditions(self.calibration, self.config)
        self.stats = OnlineStats(self.config.online_capacity)
        self.pre_route_stats = OnlineStats(self.config.online_capacity)
        self._closed = False

    # --- set-up -------------------------------------------------------------------

    def _load_calibration(self) -> Calibration:
        from edgekit.local.models import DEFAULT_EDGE_MODEL

        path = self.config.calibration
        if path is None and self.engine.info.name == DEFAULT_EDGE_MODEL:
            path = DEFAULT_CALIBRATION if DEFAULT_CALIBRATION.exists() else None
        if path is None:
            log.warning("no calibration for %s: uncalibrated gate", self.engine.info.name)
            return uncalibrated(self.engine.info.name)
        return Calibration.load(path, expected_sha256=self.engine.info.sha256)

    def _with_overrides(self, cal: Calibration) -> Calibration:
        cfg = self.config
        gate = cal.gate if cfg.threshold is None else cal.gate.with_threshold(cfg.threshold)
        pre = cal.pre_route
        if pre is not None and cfg.pre_route_threshold is not None:
            pre = PreRouter(
                model=pre.model, threshold=cfg.pre_route_threshold, onnx_bytes=pre.onnx_bytes
            )
        handoff = HandoffRule(
            window=cfg.handoff_window or cal.handoff.window,
            threshold=(
                cal.handoff.threshold if cfg.handoff_threshold is None else cfg.handoff_threshold
            ),
            min_tokens=cal.handoff.min_tokens,
        )
        return Calibration(
            model_name=cal.model_name,
            model_sha256=cal.model_sha256,
            gate=gate,
            pre_route=pre,
            handoff=handoff,
            metadata=cal.metadata,
        )

    def _cloud_client(self) -> CloudClient | None:
        if self._cloud is None and self.config.cloud is not None:
            from edgekit.transport import CloudClient

            self._cloud = CloudClient(self.config.cloud, transport=self._transport)
        return self._cloud

    def _redactor(self) -> Redactor:
        from edgekit.privacy import PrivacyConfig, Redactor

        return Redactor(self.config.privacy or PrivacyConfig())

    # --- lifecycle -------------------------------------------------------------------

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the engine and cloud client if this client created them."""
        if self._closed:
            return
        self._closed = True
        if self._owns_cloud and self._cloud is not None:
            await self._cloud.aclose()
        self._close_engine()

    def _close_engine(self) -> None:
        if self._owns_engine:
            self.engine.close()

    # --- public API --------------------------------------------------------------------

    def stream_chat(self, messages: Messages, *, strategy: Strategy | None = None) -> ChatStream:
        """Stream the answer: ``async for piece in stream``; then ``stream.decision``."""
        if self._closed:
            raise RoutingError("the client is closed")
        chosen = strategy or self.config.strategy
        if chosen not in STRATEGIES:
            raise ConfigError(f"strategy must be one of {', '.join(STRATEGIES)}")
        return ChatStream(self, _check_messages(messages), chosen)

    async def chat(self, messages: Messages, *, strategy: Strategy | None = None) -> ChatResult:
        """The whole answer with its decision."""
        stream = self.stream_chat(messages, strategy=strategy)
        async for _ in stream:
            pass
        return ChatResult(stream.text, stream.decision)

    def feedback(self, decision_id: str, *, good: bool) -> bool:
        """Tell the client whether an answer was good (False if the id is unknown/evicted)."""
        return self.stats.feedback(decision_id, good=good) or self.pre_route_stats.feedback(
            decision_id, good=good
        )

    def online_stats(self) -> OnlineSnapshot:
        """Running statistics of the gate scores seen by this client."""
        return self.stats.snapshot()

    def recalibrate(self, escalation_rate: float, *, min_samples: int = 20) -> float:
        """Re-pick the gate threshold to escalate ``escalation_rate`` of recent traffic."""
        stats = self.stats
        threshold = stats.threshold_for_escalation_rate(escalation_rate, min_samples=min_samples)
        cal = self.calibration
        self.calibration = Calibration(
            model_name=cal.model_name,
            model_sha256=cal.model_sha256,
            gate=cal.gate.with_threshold(threshold),
            pre_route=cal.pre_route,
            handoff=cal.handoff,
            metadata={**cal.metadata, "recalibrated_online": True},
        )
        log.info("gate threshold refit online for escalation rate %.3f", escalation_rate)
        return threshold

    # --- routing -------------------------------------------------------------------

    async def _route(self, messages: Messages, call: _Call) -> AsyncGenerator[str, None]:
        start = time.perf_counter()
        try:
            if call.strategy == "local_only":
                stream = self._local_only(messages, call)
            elif call.strategy == "cloud_only":
                stream = self._cloud_only(messages, call)
            elif call.strategy == "pre_route":
                stream = self._pre_route(messages, call)
            elif call.strategy == "handoff":
                stream = self._handoff(messages, call)
            elif call.strategy == "prefill_offload":
                stream = self._prefill_offload(messages, call)
            else:
                stream = self._cascade(messages, call)
            async for piece in stream:
                yield piece
        finally:
            call.latency_s["total"] = time.perf_counter() - start
        log.info("%s", call.freeze())

    async def _local_only(self, messages: Messages, call: _Call) -> AsyncIterator[str]:
        draft = await self._draft(messages, call)
        score = self._gate(messages, draft, call)
        self.stats.record(call.id, score, False)
        call.route, call.reason = "local", "strategy local_only"
        yield draft.text

    async def _cloud_only(self, messages: Messages, call: _Call) -> AsyncIterator[str]:
        call.reason = "strategy cloud_only"
        try:
            async for piece in self._escalate(messages, call, prefix=""):
                yield piece
            return
        except PrivacyError:
            raise
        except _CloudFailedError as failed:
            call.fallback("cloud failed; answered on device", failed.cause)
            async for piece in self._continue_locally(messages, failed.delivered, call):
                yield piece

    async def _prefill_offload(self, messages: Messages, call: _Call) -> AsyncIterator[str]:
        """The gateway prefills (same GGUF), the device decodes from the handed-off KV.

        Only content with nothing to mask leaves (as token ids, encrypted); the
        rest, a slow link or any hand-off failure is prefilled on the device.
        """
        from edgekit.state.offload import PrefillOffloader

        t0 = time.perf_counter()
        cloud = self._cloud_client()
        params = self._params()
        tokens = self.engine.tokenize(self.engine.render_chat(messages), add_bos=True)
        offloader = PrefillOffloader(self.engine, cloud) if cloud is not None else None
        use, reason = offloader.decide(len(tokens)) if offloader else (False, "no cloud")
        if use:
            redactor = self._redactor()
            try:
                masked = redactor.mask_messages([dict(m) for m in messages])
                use = masked.total_masked == 0
                call.entity_counts = dict(masked.entity_counts)
            except PrivacyError:
                use = False
            reason = reason if use else "content must stay on the device"
            if use and self.config.audit:
                self._audit(call, masked.messages, redactor)
        reports: list[HandoffReport] = []
        events = (
            offloader.astream(tokens, params, reports) if use and offloader
            else self.engine.astream_tokens(tokens, params)
        )
        n = 0
        try:
            async for ev in events:
                n += 1
                if ev.text:
                    yield ev.text
        finally:
            await _aclose(events)
            call.local_tokens += n
            call.timed("local", time.perf_counter() - t0)
        call.route = "prefill_offload" if use else "local"
        call.reason = f"prefill_offload: {reason}"
        if reports and not reports[0].used:
            call.route = "local_fallback"
            call.reason = f"prefill_offload: hand-off failed ({reports[0].error})"

    async def _cascade(self, messages: Messages, call: _Call) -> AsyncIterator[str]:
        """Early gating: score the first ``gate.window`` tokens, then stream on or escalate.

        An accepted draft streams its remaining tokens as they come; a rejected
        one stops generating at once and is kept (continued locally) as the
        fallback should the cloud fail.
        """
        gate = self.calibration.gate
        t0 = time.perf_counter()
        escalate = True
        events = self.engine.astream_chat(messages, self._params())
        try:
            head = await self._read_head(events, gate.window)
            score = self._gate(messages, head, call)
            escalate = not gate.accepts(score)
            self.stats.record(call.id, score, escalate)
            if not escalate:
                call.route, call.reason = "local", "gate accepted the local draft"
                if head.text:
                    yield head.text
                async for ev in events:
                    call.local_tokens += 1
                    if ev.text:
                        yield ev.text
        finally:
            await _aclose(events)
            call.timed("local", time.perf_counter() - t0)
        if not escalate:
            return
        call.reason = "gate rejected the local draft"
        async for piece in self._cloud_or_draft(messages, call, head):
            yield piece

    @staticmethod
    async def _read_head(events: AsyncIterator[Any], window: int | None) -> _Draft:
        """Up to ``window`` tokens of a local stream (all of it when ``window`` is None)."""
        parts: list[str] = []
        signals: list[TokenSignal] = []
        finish: str | None = None
        async for ev in events:
            parts.append(ev.text)
            signals.append(ev.signal)
            finish = ev.finish_reason or finish
            if finish is None and window is not None and len(signals) >= window:
                break
        return _Draft("".join(parts), signals, finish, complete=finish is not None)

    async def _pre_route(self, messages: Messages, call: _Call) -> AsyncIterator[str]:
        pre = self.calibration.pre_route
        if pre is None:
            raise RoutingError("pre_route needs a calibration with a pre-route model")
        t0 = time.perf_counter()
        score = pre.score(prompt_features(prompt_text(messages)))
        call.timed("pre_route", time.perf_counter() - t0)
        call.score, call.threshold = score, pre.threshold
        call.signals[PRE_ROUTE_FEATURE] = score
        escalate = score < pre.threshold
        self.pre_route_stats.record(call.id, score, escalate)
        if not escalate:
            draft = await self._draft(messages, call)
            self._signal_summary(draft, call)
            call.route, call.reason = "local", "pre-route score above threshold"
            yield draft.text
            return
        call.reason = "pre-route score below threshold; no local attempt"
        async for piece in self._cloud_or_draft(messages, call, None):
            yield piece

    async def _cloud_or_draft(
        self, messages: Messages, call: _Call, draft: _Draft | None
    ) -> AsyncIterator[str]:
        """Escalate; if the cloud fails, finish locally from what already streamed."""
        try:
            async for piece in self._escalate(messages, call, prefix=""):
                yield piece
            return
        except PrivacyError as exc:
            call.fallback("privacy policy blocks egress; answered on device", exc)
            delivered = ""
        except _CloudFailedError as failed:
            call.fallback("cloud failed; answered on device", failed.cause)
            delivered = failed.delivered
        if not delivered and draft is not None:
            if draft.text:
                yield draft.text
            if draft.complete:
                return
            # stopped early at the gate: finish it on the device within the same budget
            async for piece in self._continue_locally(
                messages, draft.text, call, used_tokens=len(draft.signals)
            ):
                yield piece
            return
        async for piece in self._continue_locally(messages, delivered, call):
            yield piece

    async def _handoff(self, messages: Messages, call: _Call) -> AsyncIterator[str]:
        rule = self.calibration.handoff
        call.threshold = rule.threshold
        window: list[float] = []
        signals: list[TokenSignal] = []
        accepted: list[str] = []
        low: float | None = None
        t0 = time.perf_counter()
        events = self.engine.astream_chat(messages, self._params())
        try:
            async for ev in events:
                signals.append(ev.signal)
                window.append(ev.signal.logprob)
                del window[: -rule.window]
                running = sum(window) / len(window)
                low = running if low is None else min(low, running)
                if len(signals) >= rule.min_tokens and running < rule.threshold:
                    break
                accepted.append(ev.text)
                yield ev.text
            else:
                call.timed("local", time.perf_counter() - t0)
                call.local_tokens = len(signals)
                call.score = low
                call.signals.update(_summary(signal_features(signals)))
                call.route, call.reason = "local", "confidence stayed above the hand-off gate"
                return
        finally:
            await _aclose(events)
        call.timed("local", time.perf_counter() - t0)
        call.local_tokens = len(accepted)
        call.score = low
        call.signals.update(_summary(signal_features(signals)))
        call.route = "handoff"
        call.reason = f"running confidence fell below the gate after {len(accepted)} tokens"
        prefix = "".join(accepted)
        try:
            async for piece in self._escalate(messages, call, prefix=prefix):
                yield piece
            return
        except PrivacyError as exc:
            call.fallback("privacy policy blocks egress; finished on device", exc)
            delivered = ""
        except _CloudFailedError as failed:
            call.fallback("cloud failed during hand-off; finished on device", failed.cause)
            delivered = failed.delivered
        async for piece in self._continue_locally(messages, prefix + delivered, call):
            yield piece

    # --- building blocks -------------------------------------------------------------

    def _params(self) -> Any:
        from edgekit.local.config import GenerationParams

        cfg = self.config
        return GenerationParams(max_tokens=cfg.max_tokens, temperature=cfg.temperature)

    async def _draft(self, messages: Messages, call: _Call) -> _Draft:
        t0 = time.perf_counter()
        parts: list[str] = []
        signals: list[TokenSignal] = []
        finish: str | None = None
        async for ev in self.engine.astream_chat(messages, self._params()):
            parts.append(ev.text)
            signals.append(ev.signal)
            finish = ev.finish_reason or finish
        call.timed("local", time.perf_counter() - t0)
        call.local_tokens = len(signals)
        return _Draft("".join(parts), signals, finish)

    def _gate(self, messages: Messages, draft: _Draft, call: _Call) -> float:
        """Gate score of the draft's first ``gate.window`` tokens (as in calibration)."""
        t0 = time.perf_counter()
        gate = self.calibration.gate
        feats = self._window_features(draft)
        pre = self.calibration.pre_route
        feats[PRE_ROUTE_FEATURE] = (
            pre.score(prompt_features(prompt_text(messages))) if pre is not None else 0.5
        )
        if not self._warned_range and (outside := gate.model.out_of_range(feats)):
            self._warned_range = True
            log.warning(
                "gate inputs outside the calibration range (%s): clipped; recalibrate "
                "on traffic like this (logged once)", ", ".join(outside),
            )
        score = gate.score(feats)
        call.timed("gate", time.perf_counter() - t0)
        call.local_tokens = max(call.local_tokens, len(draft.signals))
        call.score, call.threshold = score, gate.threshold
        call.signals.update(_summary(feats))
        call.signals[PRE_ROUTE_FEATURE] = feats[PRE_ROUTE_FEATURE]
        return score

    def _window_features(self, draft: _Draft) -> dict[str, float]:
        window = self.calibration.gate.window
        finish = draft.finish_reason if draft.complete else "length"
        if window is None:
            return signal_features(draft.signals, finish_reason=finish)
        return window_features(draft.signals, window=window, finish_reason=finish)

    def _signal_summary(self, draft: _Draft, call: _Call) -> None:
        call.signals.update(_summary(self._window_features(draft)))

    async def _escalate(
        self, messages: Messages, call: _Call, *, prefix: str
    ) -> AsyncIterator[str]:
        """Masked request (plus an assistant prefix to continue) to the cloud, restored.

        Raises PrivacyBlocked before anything is sent, or _CloudFailedError with
        the restored text already yielded.
        """
        cloud = self._cloud_client()
        if cloud is None:
            raise _CloudFailedError(NoCloudConfigured("no cloud gateway configured"), "")
        t0 = time.perf_counter()
        redactor = self._redactor()
        outgoing = [dict(m) for m in messages]
        if prefix:
            outgoing.append({"role": "assistant", "content": prefix})
        masked = redactor.mask_messages(outgoing)
        call.timed("privacy", time.perf_counter() - t0)
        call.entity_counts = dict(masked.entity_counts)
        call.pii_masked = masked.total_masked > 0
        sent = masked.messages
        if call.pii_masked:  # tell the cloud model to copy «TYPE_N» placeholders verbatim
            from edgekit.privacy import with_placeholder_instruction

            sent = with_placeholder_instruction(sent)
        if self.config.audit:
            self._audit(call, sent, redactor)
        restorer = redactor.stream_restorer()
        delivered: list[str] = []
        t1 = time.perf_counter()
        stream = cloud.stream_chat(
            sent,
            model=self.config.cloud_model,
            max_tokens=self.config.cloud_max_tokens or self.config.max_tokens,
            temperature=self.config.temperature,
            continue_final_message=bool(prefix),
            deadline_s=self.config.cloud_deadline_s,
        )
        try:
            async for chunk in stream:
                text = restorer.feed(chunk)
                if text:
                    delivered.append(text)
                    call.cloud_chars += len(text)
                    yield text
            tail = restorer.flush()
        except _CLOUD_FAILURES as exc:
            call.timed("cloud", time.perf_counter() - t1)
            log.warning("cloud failed (%s) after %d chars", type(exc).__name__, call.cloud_chars)
            raise _CloudFailedError(exc, "".join(delivered)) from None
        finally:
            await _aclose(stream)
        if tail:
            call.cloud_chars += len(tail)
            yield tail
        call.timed("cloud", time.perf_counter() - t1)
        if call.route != "handoff":
            call.route = "cloud"

    def _audit(self, call: _Call, outgoing: list[dict[str, str]], redactor: Redactor) -> None:
        """Record the egress before it happens (an unwritable log blocks it: fail closed)."""
        from edgekit.privacy import AuditLog

        sent = json.dumps(outgoing, ensure_ascii=False, sort_keys=True).encode("utf-8")
        route = "handoff" if call.strategy == "handoff" else "cloud"
        AuditLog(redactor.config.audit_path).record(route, call.entity_counts, sent)

    async def _continue_locally(
        self, messages: Messages, prefix: str, call: _Call, *, used_tokens: int = 0
    ) -> AsyncIterator[str]:
        """Generate locally, continuing the assistant ``prefix`` that the user already saw.

        ``used_tokens`` of the local ``max_tokens`` budget were spent on ``prefix``.
        """
        t0 = time.perf_counter()
        params = self._params()
        if used_tokens:
            if used_tokens >= params.max_tokens:
                return
            params = dataclasses.replace(params, max_tokens=params.max_tokens - used_tokens)
        if prefix:
            convo = [*messages, {"role": "assistant", "content": prefix}]
            events = self.engine.astream_chat(convo, params, continue_final_message=True)
        else:
            events = self.engine.astream_chat(messages, params)
        signals: list[TokenSignal] = []
        try:
            async for ev in events:
                signals.append(ev.signal)
                if ev.text:
                    yield ev.text
        finally:
            await _aclose(events)
            call.timed("fallback", time.perf_counter() - t0)
            call.local_tokens += len(signals)


# --- sync facade ---------------------------------------------------------------------


class EdgeChatStream:
    """Sync iterator of text pieces; ``decision`` is set once it is exhausted."""

    def __init__(self, client: EdgeClient, stream: ChatStream) -> None:
        self._client = client
        self._stream = stream

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        try:
            return self._client._run(self._stream.__anext__())
        except StopAsyncIteration:
            raise StopIteration from None

    def close(self) -> None:
        """Stop early."""
        self._client._run(self._stream.aclose())

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def text(self) -> str:
        """Everything yielded so far."""
        return self._stream.text

    @property
    def decision(self) -> RouteDecision:
        """The decision; only available after the stream is exhausted."""
        return self._stream.decision


class EdgeClient:
    """Synchronous facade of :class:`AsyncEdgeClient` (private event loop in a thread)."""

    def __init__(
        self,
        config: ClientConfig | None = None,
        *,
        engine: Engine | None = None,
        calibration: Calibration | None = None,
        transport: Transport | None = None,
    ) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._loop.run_forever, name="edgekit-client", daemon=True
        )
        self._thread.start()
        self._closed = False

        async def build() -> AsyncEdgeClient:
            return AsyncEdgeClient(
                config, engine=engine, calibration=calibration, transport=transport
            )

        try:
            self._async = self._run(build())
        except BaseException:
            self._stop_loop()
            raise

    def _run(self, coro: Coroutine[Any, Any, T]) -> T:
        if self._closed:
            coro.close()
            raise RoutingError("the client is closed")
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result()

    @property
    def config(self) -> ClientConfig:
        """The client configuration."""
        return self._async.config

    @property
    def calibration(self) -> Calibration:
        """The calibration in force (after overrides and online refits)."""
        return self._async.calibration

    @property
    def engine(self) -> Engine:
        """The local engine."""
        return self._async.engine

    def chat(self, messages: Messages, *, strategy: Strategy | None = None) -> ChatResult:
        """The whole answer with its decision."""
        return self._run(self._async.chat(messages, strategy=strategy))

    def stream_chat(
        self, messages: Messages, *, strategy: Strategy | None = None
    ) -> EdgeChatStream:
        """Stream the answer: ``for piece in stream``; then ``stream.decision``."""
        return EdgeChatStream(self, self._async.stream_chat(messages, strategy=strategy))

    def feedback(self, decision_id: str, *, good: bool) -> bool:
        """See :meth:`AsyncEdgeClient.feedback`."""
        return self._async.feedback(decision_id, good=good)

    def online_stats(self) -> OnlineSnapshot:
        """See :meth:`AsyncEdgeClient.online_stats`."""
        return self._async.online_stats()

    def recalibrate(self, escalation_rate: float, *, min_samples: int = 20) -> float:
        """See :meth:`AsyncEdgeClient.recalibrate`."""
        return self._async.recalibrate(escalation_rate, min_samples=min_samples)

    def close(self) -> None:
        """Close the async client and stop the private loop."""
        if self._closed:
            return
        try:
            self._run(self._async.aclose())
        finally:
            self._closed = True
            self._stop_loop()

    def _stop_loop(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
        if not self._thread.is_alive():
            self._loop.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


# --- helpers -------------------------------------------------------------------------


def _warn_if_outside_conditions(cal: Calibration, config: ClientConfig) -> None:
    """Log once (per client) when the client generates unlike the calibration answers."""
    if cal.metadata.get("uncalibrated"):
        return  # already warned when the uncalibrated gate was chosen
    conditions = cal.metadata.get("conditions")
    problems: list[str] = []
    if cal.gate.window is None:
        problems.append("the gate has no token window (it scores whole answers)")
    elif config.max_tokens < cal.gate.window:
        problems.append(f"max_tokens {config.max_tokens} < gate window {cal.gate.window}")
    if isinstance(conditions, Mapping):
        temp = conditions.get("temperature")
        if isinstance(temp, int | float) and abs(config.temperature - float(temp)) > 0.3:
            problems.append(f"temperature {config.temperature} vs {temp} in calibration")
        styles = conditions.get("styles")
        if isinstance(styles, Mapping) and "chat" not in styles:
            problems.append("calibrated on terse answer-only prompts, not plain chat")
    else:
        problems.append("the calibration file does not record its generation conditions")
    if problems:
        log.warning("routing gate used outside its calibration conditions: %s",
                    "; ".join(problems))


def _summary(feats: Mapping[str, float]) -> dict[str, float]:
    out = {k: round(float(feats[k]), 4) for k in _SUMMARY_KEYS if k in feats}
    if "log_n_tokens" in out:
        out["n_tokens"] = float(round(math.expm1(out.pop("log_n_tokens"))))
    return out


def _check_messages(messages: object) -> list[dict[str, str]]:
    if isinstance(messages, str | bytes) or not isinstance(messages, Sequence):
        raise ConfigError("messages must be a sequence of {'role', 'content'} mappings")
    if not messages or len(messages) > _MAX_MESSAGES:
        raise ConfigError(f"messages must hold 1..{_MAX_MESSAGES} entries")
    out: list[dict[str, str]] = []
    for m in messages:
        if not isinstance(m, Mapping):
            raise ConfigError("each message must be a mapping with 'role' and 'content'")
        role, content = m.get("role"), m.get("content")
        if role not in ("system", "user", "assistant") or not isinstance(content, str):
            raise ConfigError("each message needs role system/user/assistant and str content")
        out.append({"role": role, "content": content})
    return out


async def _aclose(iterator: object) -> None:
    closer = getattr(iterator, "aclose", None)
    if closer is not None:
        with contextlib.suppress(EdgeKitError, RuntimeError):
            await closer()
