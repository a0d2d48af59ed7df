"""The doors a strategy may use for one call: local tokens, the one escalation path, offload.

:class:`CallIO` implements :class:`~edgekit.routing.strategies.RouteIO`. Its
:meth:`CallIO.escalate` is the only place that sends anything: privacy
filter first (and the audit record), then the cloud stream, restored; and
when the cloud cannot answer, the device finishes the answer from what was
already shown, watched for loops like every local answer.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import AsyncIterator, Sequence
from contextlib import aclosing
from typing import TYPE_CHECKING, Any, Self

from edgekit._logging import get_logger
from edgekit.errors import (
    CloudError,
    ContextOverflow,
    PrivacyBlocked,
    PrivacyError,
    ProtocolError,
)
from edgekit.errors import (
    NoCloudConfigured as NoCloudConfigured,
)
from edgekit.routing.decision import DecisionRecord
from edgekit.routing.policy import Draft, TokenLike
from edgekit.routing.strategies import (
    Followed,
    LocalStream,
    Piece,
    Pieces,
    RouteCall,
    close_quietly,
    follow_local,
)

if TYPE_CHECKING:
    from edgekit.client.config import Sampling
    from edgekit.client.core import AsyncEdgeClient
    from edgekit.local.types import TokenEvent
    from edgekit.privacy import Redactor

log = get_logger(__name__)
_ESCALATION_FAILURES = (CloudError, ProtocolError, PrivacyError)


class LocalTokens:
    """A local token stream: primed (errors such as ``ContextOverflow`` raise at once),
    timed into the decision under ``stage``, and closed exactly once."""

    def __init__(
        self, events: AsyncIterator[TokenEvent], record: DecisionRecord, stage: str
    ) -> None:
        self._events = events
        self._record = record
        self._stage = stage
        self._started = time.perf_counter()
        self._first: TokenEvent | None = None
        self._closed = False

    @classmethod
    async def start(
        cls, events: AsyncIterator[TokenEvent], record: DecisionRecord, stage: str
    ) -> Self:
        """Begin generating; raises what the engine raises before its first token."""
        tokens = cls(events, record, stage)
        try:
            tokens._first = await anext(events, None)
        except BaseException:
            await tokens.aclose()
            raise
        return tokens

    def __aiter__(self) -> Self:
        return self

    async def __anext__(self) -> TokenLike:
        event, self._first = self._first, None
        if event is None:
            event = await anext(self._events)  # StopAsyncIteration ends the stream
        if event.finish_reason is not None:
            self._record.finish_reason = event.finish_reason
        return event

    async def aclose(self) -> None:
        """Stop generating (idempotent); the stage's time is recorded once."""
        if self._closed:
            return
        self._closed = True
        await close_quietly(self._events)
        self._record.timed(self._stage, time.perf_counter() - self._started)


class _NoTokens:
    """An empty local stream (the token budget is spent)."""

    def __aiter__(self) -> Self:
        return self

    async def __anext__(self) -> TokenLike:
        raise StopAsyncIteration

    async def aclose(self) -> None:
        """Nothing to stop."""


class CallIO:
    """I/O of one routed call (see the module docstring)."""

    def __init__(
        self,
        client: AsyncEdgeClient,
        messages: list[dict[str, str]],
        record: DecisionRecord,
        sampling: Sampling,
    ) -> None:
        self._client = client
        self._messages = messages
        self._record = record
        self._sampling = sampling
        self._deadline = None if sampling.timeout is None else time.monotonic() + sampling.timeout
        self._redactor: Redactor | None = None
        self.call = RouteCall(messages, client.policy, self, record)
        self.judged: tuple[str, str] | None = None
        """(local draft, cloud answer) of an escalated call; kept in memory for the judge only."""

    # --- local --------------------------------------------------------------------

    async def generate(
        self, *, prefix: str = "", used_tokens: int = 0, stage: str = "local"
    ) -> LocalStream:
        """Local tokens answering the messages, continuing the assistant ``prefix``."""
        params = self._sampling.local(used_tokens=used_tokens)
        if params is None:
            return _NoTokens()
        if stage == "local" and not prefix and (n := self._client.policy.hidden_tokens):
            params = dataclasses.replace(params, hidden_states=n)  # the gain gate's probes
        engine = self._client.engine
        if prefix:
            convo = [*self._messages, {"role": "assistant", "content": prefix}]
            events = engine.astream_chat(convo, params, continue_final_message=True)
        else:
            events = engine.astream_chat(self._messages, params)
        return await LocalTokens.start(events, self._record, stage)

    async def offload(self) -> LocalStream:
        """Strategy ``prefill_offload``: the gateway prefills when it pays and may, else here."""
        offloader = self._client.offloader()
        sent = self._clear_for_offload() if offloader is not None else None
        params = self._sampling.local()
        if offloader is None or sent is None:
            why = "no cloud" if offloader is None else "content must stay on the device"
            self._record.set_route("local", f"prefill_offload: {why}")
            return await self.generate()
        reports: list[Any] = []
        events = offloader.astream_chat(
            self._messages,
            params,
            reports,
            before_send=lambda: self._audit("cloud", sent),
        )
        tokens = await LocalTokens.start(events, self._record, "local")
        report = reports[0]
        if report.used:
            self._record.set_route("prefill_offload", f"prefill_offload: {report.reason}")
        elif report.error is not None:
            self._record.set_route(
                "local_fallback", f"prefill_offload: hand-off failed ({report.error})"
            )
        else:
            self._record.set_route("local", f"prefill_offload: {report.reason}")
        return tokens

    def _clear_for_offload(self) -> list[dict[str, str]] | None:
        """The messages when nothing in them needs masking (state leaves unmasked), else None."""
        try:
            masked = self.redactor.mask_messages(self._messages)
        except PrivacyError:
            return None
        self._record.entity_counts = dict(masked.entity_counts)
        return masked.messages if masked.total_masked == 0 else None

    # --- the one escalate-or-fall-back path ----------------------------------------------

    async def escalate(
        self,
        *,
        prefix: str = "",
        draft: Draft | None = None,
        strict: bool = False,
        resume: bool = True,
    ) -> Pieces:
        """The cloud's answer (continuing ``prefix``); if it cannot answer, the device's.

        A local ``draft`` not yet shown is the fallback answer when nothing of
        the cloud's was shown. ``strict`` (cloud_only) raises the failures a
        user must act on (privacy block, unknown device) instead of falling
        back; ``resume=False`` ends the answer instead of continuing it locally.
        """
        delivered: list[str] = []
        try:
            async with aclosing(self._cloud(prefix, delivered)) as pieces:
                async for piece in pieces:
                    yield piece
            if draft is not None and not prefix:
                self.judged = (draft.text, "".join(delivered))  # a label for a learning client
            return
        except _ESCALATION_FAILURES as exc:
            self._fell_back(exc, strict=strict, handoff=bool(prefix))
        if draft is not None and not delivered:
            local = self._finish_draft(draft)
        elif resume:
            local = self._continue(prefix + "".join(delivered))
        else:
            return
        async with aclosing(local) as pieces:
            async for piece in pieces:
                yield piece

    def _fell_back(self, exc: BaseException, *, strict: bool, handoff: bool) -> None:
        record = self._record
        if isinstance(exc, PrivacyError):
            if strict:
                raise exc
            blocked = exc.finding_types if isinstance(exc, PrivacyBlocked) else ()
            record.fell_back(
                "privacy policy blocks egress; answered on device", type(exc).__name__, blocked
            )
            return
        refused = self._client.enrolment_error(exc)
        if refused is not None:
            if strict:
                raise refused from None
            self._client.warn_refused(refused)
            record.fell_back(f"answered on device: {refused}", type(refused).__name__)
            return
        if isinstance(exc, NoCloudConfigured):
            reason = "no cloud configured; answered on device"
        else:
            log.warning("cloud failed (%s) after %d chars", type(exc).__name__, record.cloud_chars)
            reason = (
                "cloud failed during hand-off; finished on device"
                if handoff
                else "cloud failed; answered on device"
            )
        record.fell_back(reason, type(exc).__name__)

    async def _finish_draft(self, draft: Draft) -> Pieces:
        """Show a draft the cloud should have replaced; finish it within the same budget."""
        events: LocalStream = _NoTokens()
        if not draft.complete:
            events = await self.generate(
                prefix=draft.text, used_tokens=len(draft.signals), stage="fallback"
            )
        async with aclosing(self._follow(events, Followed(shown=[], draft=draft))) as pieces:
            async for piece in pieces:
                yield piece

    async def _continue(self, shown: str) -> Pieces:
        """Continue locally from what the user already saw."""
        try:
            events = await self.generate(prefix=shown, stage="fallback")
        except ContextOverflow as exc:
            raise ContextOverflow(
                f"nothing can answer this prompt: it does not fit the local context "
                f"(n_ctx={exc.n_ctx}) and the cloud could not take it "
                f"({self._record.fallback_error})",
                n_tokens=exc.n_tokens,
                n_ctx=exc.n_ctx,
            ) from None
        async with aclosing(self._follow(events, Followed(shown=[shown], draft=Draft()))) as pieces:
            async for piece in pieces:
                yield piece

    async def _follow(self, events: LocalStream, followed: Followed) -> Pieces:
        async with aclosing(follow_local(self.call, events, followed)) as pieces:
            async for piece in pieces:
                yield piece
        if followed.looped:
            self._record.degenerate = True
            self._record.reason += "; stopped: the answer looped"

    # --- the cloud ---------------------------------------------------------------------

    async def _cloud(self, prefix: str, delivered: list[str]) -> Pieces:
        """Masked request to the cloud, its answer restored; appends what it yields."""
        cloud = self._client.cloud()
        if cloud is None:
            raise NoCloudConfigured("no cloud gateway configured")
        sent = self._masked(prefix)
        learn = self._client.config.learn and not prefix  # whole answers only
        self._audit("handoff" if prefix else "cloud", sent, learn=learn)
        restorer = self.redactor.stream_restorer()
        s, record, started = self._sampling, self._record, time.perf_counter()
        stream = cloud.stream_chat(
            sent,
            model=self._client.config.cloud_model,
            max_tokens=s.cloud_max_tokens,
            temperature=s.temperature,
            top_p=s.top_p,
            stop=s.stop,
            seed=s.seed,
            continue_final_message=bool(prefix),
            deadline_s=self._cloud_deadline(),
            headers=self._client.learn_headers() if learn else (),
        )
        try:
            async for chunk in stream:
                if text := restorer.feed(chunk):
                    delivered.append(text)
                    record.cloud_chars += len(text)
                    yield Piece(text, "cloud")
            if tail := restorer.flush():
                record.cloud_chars += len(tail)
                yield Piece(tail, "cloud")
        finally:
            await close_quietly(stream)
            record.timed("cloud", time.perf_counter() - started)
        record.finish_reason = stream.finish_reason or "stop"
        if record.route != "handoff":
            record.route = "cloud"

    def _masked(self, prefix: str) -> list[dict[str, str]]:
        """The messages (plus the assistant ``prefix``) as they may leave the device."""
        from edgekit.privacy import with_placeholder_instruction

        started = time.perf_counter()
        outgoing = (
            [*self._messages, {"role": "assistant", "content": prefix}]
            if prefix
            else self._messages
        )
        masked = self.redactor.mask_messages(outgoing)
        self._record.timed("privacy", time.perf_counter() - started)
        self._record.entity_counts = dict(masked.entity_counts)
        self._record.pii_masked = masked.total_masked > 0
        if self._record.pii_masked:  # tell the cloud model to copy «TYPE_N» placeholders
            return with_placeholder_instruction(masked.messages)
        return masked.messages

    def _audit(self, route: str, sent: Sequence[dict[str, str]], *, learn: bool = False) -> None:
        if self._client.config.audit:
            self._client.audit(route, self._record.entity_counts, sent, learn=learn)

    def _cloud_deadline(self) -> float | None:
        configured = self._client.config.cloud_deadline_s
        if self._deadline is None:
            return configured
        left = max(0.001, self._deadline - time.monotonic())
        return left if configured is None else min(configured, left)

    @property
    def redactor(self) -> Redactor:
        """This call's redactor (its placeholders restore the cloud's answer)."""
        if self._redactor is None:
            self._redactor = self._client.redactor()
        return self._redactor
