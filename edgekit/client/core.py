"""AsyncEdgeClient: the driver of a request. It wires the pieces; routing decides.

One call: validate the messages → look the strategy up in
:data:`~edgekit.routing.strategies.STRATEGY_TABLE` → run it with this call's
:class:`~edgekit.client.io.CallIO` (local tokens, the one escalation path
with privacy before egress, the offload path) → stream its pieces → freeze the
decision.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from contextlib import aclosing
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Self, Unpack

from edgekit._logging import get_logger
from edgekit.client.config import ChatKwargs, ChatOptions, ClientConfig, Sampling
from edgekit.client.io import CallIO
from edgekit.client.learning import TrafficLearner, newest_version
from edgekit.client.stream import ChatResult, ChatStream
from edgekit.client.structured import load_tool_gate
from edgekit.errors import (
    AuthenticationError,
    CalibrationError,
    ConfigError,
    RoutingError,
)
from edgekit.messages import Messages, check_messages
from edgekit.routing.calibration import (
    DEFAULT_CALIBRATION,
    MAX_FILE_BYTES,
    Calibration,
    uncalibrated,
    with_overrides,
)
from edgekit.routing.decision import STRATEGIES, DecisionRecord, Strategy
from edgekit.routing.online import OnlineSnapshot
from edgekit.routing.policy import RoutingPolicy
from edgekit.routing.strategies import STRATEGY_TABLE, Pieces
from edgekit.routing.tool_gate import ToolGate

if TYPE_CHECKING:
    from edgekit.client.structured import StructuredRun
    from edgekit.local.engine import Engine
    from edgekit.privacy import Redactor
    from edgekit.state.offload import PrefillOffloader
    from edgekit.transport import CloudClient, Transport

log = get_logger(__name__)


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
        self._offloader: PrefillOffloader | None = None
        self._warned_refused = False
        self._closed = False
        try:
            base = calibration or self._load_calibration()
        except BaseException:
            self._close_engine()
            raise
        learning = self.config.learning
        if learning is not None and learning.resume:
            base = newest_version(base, learning.path(), self.engine.model_sha256)
        self.policy = self._policy(base)
        self.learner = TrafficLearner(learning, self.policy) if learning else None
        self.tool_gate: ToolGate | None = load_tool_gate(self.config.tool_gate, self.engine)
        self.policy.warn_if_outside_conditions(
            max_tokens=self.config.max_tokens, temperature=self.config.temperature
        )

    # --- the public API ------------------------------------------------------------------

    def stream_chat(
        self,
        messages: Messages,
        *,
        strategy: Strategy | None = None,
        **options: Unpack[ChatKwargs],
    ) -> ChatStream:
        """Stream the answer: ``async for piece in stream``; then ``stream.decision``.

        ``options``: ``max_tokens``, ``temperature``, ``top_p``, ``stop``,
        ``seed``, ``timeout`` for this call (see :class:`ChatOptions`).
        """
        if self._closed:
            raise RoutingError("the client is closed")
        chosen = strategy or self.config.strategy
        if chosen not in STRATEGIES:
            raise ConfigError(f"strategy must be one of {', '.join(STRATEGIES)}")
        sampling = Sampling.of(self.config, _options(options))
        record = DecisionRecord(strategy=chosen)
        io = CallIO(self, check_messages(messages), record, sampling)
        if sampling.structured is not None:  # tools / response_format: edgekit/client/structured
            from edgekit.client.structured import StructuredRun

            run = StructuredRun(io, sampling.structured)
            stream = ChatStream(self._drive(io, run), record, timeout=sampling.timeout)
            stream.structured_run = run
            return stream
        return ChatStream(self._drive(io), record, timeout=sampling.timeout)

    async def chat(
        self,
        messages: Messages,
        *,
        strategy: Strategy | None = None,
        **options: Unpack[ChatKwargs],
    ) -> ChatResult:
        """The whole answer with its decision (``options`` as :meth:`stream_chat`)."""
        stream = self.stream_chat(messages, strategy=strategy, **options)
        async for _ in stream:
            pass
        return stream.result()

    async def _drive(self, io: CallIO, run: StructuredRun | None = None) -> Pieces:
        record = io.call.record
        start = time.perf_counter()
        try:
            if run is not None:
                pieces = run.pieces()
            else:
                pieces = await STRATEGY_TABLE[record.strategy].run(io.call)
            async with aclosing(pieces) as pieces:
                async for piece in pieces:
                    yield piece
        finally:
            record.latency_s["total"] = time.perf_counter() - start
            if self.learner is not None:
                self.learner.observe(record, io.judged)
        log.info("%s", record.freeze())

    @property
    def calibration(self) -> Calibration:
        """The calibration in force (after overrides and online refits)."""
        return self.policy.calibration

    def feedback(self, decision_id: str, *, good: bool) -> bool:
        """Tell the client whether an answer was good (False if the id is unknown/evicted)."""
        if self.learner is not None:
            self.learner.feedback(decision_id, good=good)
        return self.policy.feedback(decision_id, good=good)

    def online_stats(self) -> OnlineSnapshot:
        """Running statistics of the gate scores seen by this client."""
        return self.policy.online_stats()

    def recalibrate(self, escalation_rate: float, *, min_samples: int = 20) -> float:
        """Re-pick the gate threshold to escalate ``escalation_rate`` of recent traffic."""
        return self.policy.recalibrate(escalation_rate, min_samples=min_samples)

    # --- what CallIO uses ------------------------------------------------------------------

    def cloud(self) -> CloudClient | None:
        """The cloud client (created on first use); None without a gateway."""
        if self._cloud is None and self.config.cloud is not None:
            from edgekit.transport import CloudClient

            self._cloud = CloudClient(self.config.cloud, transport=self._transport)
        return self._cloud

    def offloader(self) -> PrefillOffloader | None:
        """The prefill offloader (one per client: it learns the link and state sizes)."""
        cloud = self.cloud()
        if self._offloader is None and cloud is not None:
            from edgekit.state.offload import PrefillOffloader

            self._offloader = PrefillOffloader(self.engine, cloud)
        return self._offloader

    def redactor(self) -> Redactor:
        """A fresh redactor for one call."""
        from edgekit.privacy import PrivacyConfig, Redactor

        return Redactor(self.config.privacy or PrivacyConfig())

    def audit(
        self,
        route: str,
        entity_counts: dict[str, int],
        sent: Sequence[dict[str, str]],
        *,
        learn: bool = False,
    ) -> None:
        """Record the egress before it happens (an unwritable log blocks it: fail closed)."""
        from edgekit.privacy import AuditLog, PrivacyConfig

        privacy = self.config.privacy or PrivacyConfig()
        body = json.dumps(list(sent), ensure_ascii=False, sort_keys=True).encode("utf-8")
        AuditLog(privacy.audit_path).record(route, entity_counts, body, learn=learn)

    def learn_headers(self) -> tuple[tuple[str, str], ...]:
        """The inner header that lets the gateway learn from an escalation (base model sha256)."""
        return (("edgekit-learn", self.engine.info.sha256),)

    def set_calibration(self, calibration: Calibration) -> None:
        """Route with ``calibration`` from now on (after an adapter switch or rollback).

        It must name the model as the engine runs it now (``engine.model_sha256``):
        an adapted model never routes with the base model's gate, nor the reverse.
        An unbound calibration (no sha256: the uncalibrated fallback) fits any model.
        """
        bound = calibration.model_sha256
        if bound is not None and bound != self.engine.model_sha256:
            raise CalibrationError("the calibration was made for another model than this one")
        self.policy = self._policy(calibration)
        if self.learner is not None:
            self.learner.follow(self.policy)

    def _policy(self, calibration: Calibration) -> RoutingPolicy:
        learning = self.config.learning
        return RoutingPolicy(with_overrides(calibration, self.config.overrides),
                             online_capacity=self.config.online_capacity,
                             audit_rate=learning.audit_rate if learning else 0.0)  # fmt: skip

    def base_calibration(self) -> Calibration:
        """The calibration of the engine's model without adapters (configured or shipped)."""
        return self._load_calibration(adapted=False)

    def enrolment_error(self, exc: BaseException) -> AuthenticationError | None:
        """``exc`` when the gateway refused this device (the transport's
        ``DeviceNotEnrolled`` names the enrol command); None for any other failure."""
        return exc if isinstance(exc, AuthenticationError) else None

    def warn_refused(self, refused: AuthenticationError) -> None:
        """Log (once per client) that the gateway refuses this device."""
        if not self._warned_refused:
            self._warned_refused = True
            log.warning("%s (answering on the device until then; logged once)", refused)

    # --- set-up and lifecycle --------------------------------------------------------------

    def _load_calibration(self, *, adapted: bool | None = None) -> Calibration:
        from edgekit.local.models import DEFAULT_EDGE_MODEL

        adapted = bool(self.engine.lora) if adapted is None else adapted
        if adapted:  # an adapter's calibration comes with it (edgekit.learn), never a file's
            log.warning("adapted model without its calibration: uncalibrated gate")
            return uncalibrated(self.engine.info.name)
        path = self.config.calibration
        if path is None and self.engine.info.name == DEFAULT_EDGE_MODEL:
            path = DEFAULT_CALIBRATION if DEFAULT_CALIBRATION.exists() else None
        if path is None:
            log.warning("no calibration for %s: uncalibrated gate", self.engine.info.name)
            return uncalibrated(self.engine.info.name)
        return Calibration.from_json(
            _read_bounded(Path(path)), expected_sha256=self.engine.info.sha256
        )

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
        if self.learner is not None:
            self.learner.close()
        self._close_engine()

    def _close_engine(self) -> None:
        if self._owns_engine:
            self.engine.close()


def _options(options: ChatKwargs) -> ChatOptions:
    try:
        return ChatOptions(**options)
    except TypeError:
        known = ", ".join(f.name for f in ChatOptions.__dataclass_fields__.values())
        raise ConfigError(f"unknown chat option; the options are: {known}") from None


def _read_bounded(path: Path) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(MAX_FILE_BYTES + 1)  # from_json refuses what is over the bound
    except OSError as exc:
        raise CalibrationError(f"cannot read calibration file: {exc.strerror}") from None
