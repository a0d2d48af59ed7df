"""The collaboration strategies: one object each, behind one small interface, in one table.

A strategy decides; it does no I/O. It is handed a :class:`RouteCall`: the
(validated) messages, the :class:`~edgekit.routing.policy.RoutingPolicy` in
force, the decision record to fill in, and a :class:`RouteIO` — the client's
three doors to the world:

- ``await io.generate(prefix=…)``: the local engine's stream of tokens with
  their confidence signals (raises ``ContextOverflow`` at once when the
  prompt does not fit the local context);
- ``io.escalate(prefix=…, draft=…)``: the one escalate-or-fall-back path
  (privacy filter, encrypted request, restored stream; when the cloud cannot
  answer, the device finishes the answer from what was already shown);
- ``await io.offload()``: the prefill-offload stream (state hand-off).

``run(call)`` yields :class:`Piece` objects (text, where it came from, and the
signal of a local token). Add a strategy by writing such an object and
putting it in :data:`STRATEGY_TABLE`.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Mapping
from contextlib import aclosing
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal, Protocol

from edgekit.errors import ContextOverflow, EdgeKitError
from edgekit.routing.decision import DecisionRecord, Strategy
from edgekit.routing.features import TokenSignalLike
from edgekit.routing.policy import (
    Draft,
    HandoffMonitor,
    RoutingPolicy,
    TokenLike,
    answer_summary,
)

Source = Literal["local", "cloud"]


@dataclass(frozen=True, slots=True)
class Piece:
    """One streamed piece of an answer; ``signal`` is set for a local token."""

    text: str
    source: Source
    signal: TokenSignalLike | None = None


Pieces = AsyncGenerator[Piece, None]
"""A stream of pieces (an async generator: close it to stop what produces it)."""


class LocalStream(Protocol):
    """Local tokens as they are generated; close it to stop generating."""

    def __aiter__(self) -> AsyncIterator[TokenLike]: ...
    async def aclose(self) -> None: ...


class RouteIO(Protocol):
    """What the client lets a strategy do (see the module docstring)."""

    async def generate(self, *, prefix: str = "", used_tokens: int = 0) -> LocalStream: ...

    def escalate(
        self,
        *,
        prefix: str = "",
        draft: Draft | None = None,
        strict: bool = False,
        resume: bool = True,
    ) -> Pieces: ...

    async def offload(self) -> LocalStream: ...


@dataclass
class RouteCall:
    """One call being routed."""

    messages: list[dict[str, str]]
    policy: RoutingPolicy
    io: RouteIO
    record: DecisionRecord


class RoutingStrategy(Protocol):
    """One way of sharing work between the device and the cloud."""

    name: Strategy

    async def run(self, call: RouteCall) -> Pieces:
        """Decide what to do first (reading a local draft, scoring the prompt…), then
        return the stream of the answer's pieces; both fill in ``call.record``."""
        ...


# --- the two local-reading loops ----------------------------------------------------


async def read_draft(call: RouteCall, events: LocalStream, window: int | None) -> Draft:
    """Buffer up to ``window`` tokens of a local stream (all of it when ``window`` is None)."""
    draft = Draft()
    async for token in events:
        draft.add(token)
        call.record.local_tokens += 1
        if not draft.complete and window is not None and len(draft.signals) >= window:
            break
    return draft


@dataclass
class Followed:
    """How :func:`follow_local` ended: ``looped`` (degenerate), ``stopped`` (by ``until``)."""

    shown: list[str]
    draft: Draft
    looped: bool = False
    stopped: bool = False

    @property
    def text(self) -> str:
        """Everything shown, including the prefix it continued."""
        return "".join(self.shown)


async def follow_local(
    call: RouteCall,
    events: LocalStream,
    followed: Followed,
    *,
    until: Callable[[TokenLike], bool] | None = None,
) -> Pieces:
    """Stream local tokens (after any buffered draft), watched for loops the whole way.

    Ends early when the answer degenerates into repetition (``followed.looped``)
    or when ``until`` says so for a token (``followed.stopped``; that token is
    not shown). The stream is closed either way, which stops the generation.
    """
    watch = call.policy.repetition_watch()
    head = followed.draft
    for text, signal, token_id in zip(head.pieces, head.signals, head.token_ids, strict=True):
        watch.feed(token_id, text)
        followed.shown.append(text)
        if text:
            yield Piece(text, "local", signal)
    try:
        async for token in events:
            if watch.feed(token.token_id, token.text):
                followed.looped = True
                call.record.finish_reason = "stop"  # ended here on purpose (see ``degenerate``)
                return
            if until is not None and until(token):
                followed.stopped = True
                return
            followed.draft.add(token)
            call.record.local_tokens += 1
            followed.shown.append(token.text)
            if token.text:
                yield Piece(token.text, "local", token.signal)
    finally:
        await close_quietly(events)


async def close_quietly(stream: object) -> None:
    """Close a stream (stops its generation); errors of an already-failed stream are moot."""
    closer = getattr(stream, "aclose", None)
    if closer is not None:
        with contextlib.suppress(EdgeKitError, RuntimeError):
            await closer()


async def local_or_overflow(call: RouteCall) -> LocalStream | None:
    """The local stream; None (the reason recorded) when the prompt does not fit the local
    context, so the strategy sends it to the cloud — should that fail too, the fallback
    raises ``ContextOverflow`` saying that nothing can answer it."""
    try:
        return await call.io.generate()
    except ContextOverflow as exc:
        does_not_fit(call, exc)
        return None


def does_not_fit(call: RouteCall, exc: ContextOverflow) -> None:
    """Record that the prompt is too long for the device."""
    call.record.reason = f"the prompt does not fit the local context (n_ctx={exc.n_ctx})"


async def stream_local(
    call: RouteCall,
    events: LocalStream,
    draft: Draft,
    *,
    until: Callable[[TokenLike], bool] | None = None,
    escalate: bool = True,
) -> Pieces:
    """Stream a local answer (after its buffered ``draft``), watched for loops.

    When it loops (or ``until`` stops it: a hand-off), and ``escalate`` allows,
    the cloud continues from what was shown; else a loop is marked ``degenerate``.
    """
    followed = Followed(shown=[], draft=draft)
    async with aclosing(follow_local(call, events, followed, until=until)) as pieces:
        async for piece in pieces:
            yield piece
    record = call.record
    record.signals.update(answer_summary(followed.draft.signals))
    record.degenerate = followed.looped
    if not (followed.looped or followed.stopped):
        return
    n = len(followed.draft.signals)
    if followed.looped and not escalate:
        record.reason += "; stopped: the answer looped"
        return
    why = "the local answer looped" if followed.looped else "running confidence fell below the gate"
    record.set_route("handoff", f"{why} after {n} tokens")
    rest = call.io.escalate(prefix=followed.text, resume=not followed.looped)
    async with aclosing(rest):
        async for piece in rest:
            yield piece


# --- the strategies -------------------------------------------------------------------


class LocalOnly:
    """Answer on the device, streamed token by token; the gate scores it but never escalates."""

    name: Strategy = "local_only"

    async def run(self, call: RouteCall) -> Pieces:
        call.record.set_route("local", "strategy local_only")
        try:
            events = await call.io.generate()
        except ContextOverflow as exc:
            raise ContextOverflow(
                f"{exc}; strategy local_only cannot send it elsewhere (use a gateway "
                "strategy or a larger n_ctx)",
                n_tokens=exc.n_tokens,
                n_ctx=exc.n_ctx,
            ) from None
        return self._stream(call, events)

    @staticmethod
    async def _stream(call: RouteCall, events: LocalStream) -> Pieces:
        draft = Draft()
        async with aclosing(stream_local(call, events, draft, escalate=False)) as pieces:
            async for piece in pieces:
                yield piece
        call.policy.keeps(call.messages, draft, call.record)  # scored and recorded, not acted on


class CloudOnly:
    """Send the (masked) prompt to the cloud; the device answers only if the cloud cannot."""

    name: Strategy = "cloud_only"

    async def run(self, call: RouteCall) -> Pieces:
        call.record.reason = "strategy cloud_only"
        return call.io.escalate(strict=True)


class Cascade:
    """Draft locally; the gate reads the first ``window`` tokens; keep streaming or escalate."""

    name: Strategy = "cascade"

    async def run(self, call: RouteCall) -> Pieces:
        events = await local_or_overflow(call)
        if events is None:
            return call.io.escalate()
        try:
            draft = await read_draft(call, events, call.policy.gate_window)
            keep = call.policy.keeps(call.messages, draft, call.record)
        except BaseException:
            await close_quietly(events)
            raise
        if not keep:
            await close_quietly(events)  # a rejected draft stops generating at once
            call.record.reason = "gate rejected the local draft"
            return call.io.escalate(draft=draft)
        call.record.set_route("local", "gate accepted the local draft")
        return stream_local(call, events, draft)


class PreRoute:
    """Decide from the prompt alone: escalate without a local attempt, or answer locally."""

    name: Strategy = "pre_route"

    async def run(self, call: RouteCall) -> Pieces:
        if call.policy.pre_routes(call.messages, call.record):
            call.record.reason = "pre-route score below threshold; no local attempt"
            return call.io.escalate()
        events = await local_or_overflow(call)
        if events is None:
            return call.io.escalate()
        call.record.set_route("local", "pre-route score above threshold")
        return stream_local(call, events, Draft())


class Handoff:
    """Stream locally; when running confidence drops, the cloud continues the same answer."""

    name: Strategy = "handoff"

    async def run(self, call: RouteCall) -> Pieces:
        monitor = call.policy.handoff_monitor()
        call.record.threshold = monitor.rule.threshold
        events = await local_or_overflow(call)
        if events is None:
            return call.io.escalate()
        call.record.set_route("local", "confidence stayed above the hand-off gate")
        return self._stream(call, events, monitor)

    @staticmethod
    async def _stream(call: RouteCall, events: LocalStream, monitor: HandoffMonitor) -> Pieces:
        stream = stream_local(
            call, events, Draft(), until=lambda token: monitor.drops(token.signal)
        )
        async with aclosing(stream):
            async for piece in stream:
                call.record.score = monitor.lowest
                yield piece
        call.record.score = monitor.lowest


class PrefillOffload:
    """The gateway prefills the prompt (same model), the device decodes from its state.

    Whether the state is fetched (and why not) is the client's I/O to decide
    and record; on any failure the device prefills itself.
    """

    name: Strategy = "prefill_offload"

    async def run(self, call: RouteCall) -> Pieces:
        try:
            events = await call.io.offload()
        except ContextOverflow as exc:
            does_not_fit(call, exc)
            return call.io.escalate()
        return stream_local(call, events, Draft())


STRATEGY_TABLE: Mapping[Strategy, RoutingStrategy] = MappingProxyType(
    {
        s.name: s
        for s in (LocalOnly(), CloudOnly(), Cascade(), PreRoute(), Handoff(), PrefillOffload())
    }
)
"""Every strategy by name; the client looks the requested one up here."""
