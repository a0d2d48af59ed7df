"""The cloud client: one object per gateway, used by the router to escalate.

``CloudClient`` speaks the gateway's inner, OpenAI-compatible API either
wrapped in Oblivious HTTP (the default: HPKE to the pinned gateway key, a
device signature inside) or in clear when ``encrypt=False``. Around every call
sit a local budget, a server rate-limit hold, a circuit breaker with a health
probe, and deadlines for connect, first byte, idle gaps and the total.

Retries: only a request whose bytes never left (the connection could not be
opened) is tried again, plus idempotent reads (key configuration, health,
model list). A POST that may have reached the gateway is never repeated.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, Self, overload

from edgekit._logging import get_logger
from edgekit.errors import (
    CircuitOpen,
    CloudError,
    CloudRateLimited,
    CloudResponseError,
    CloudTimeout,
    CloudUnavailable,
    EdgeKitError,
    ProtocolError,
)
from edgekit.messages import Messages, check_messages
from edgekit.secure import ohttp
from edgekit.transport._inner import InnerResult, read_all, timed_chunks
from edgekit.transport.breaker import CircuitBreaker, CircuitState, Clock
from edgekit.transport.budget import Budget, BudgetTicket
from edgekit.transport.config import CloudConfig, pin_digests
from edgekit.transport.errors import (
    CloudConnectError,
    CloudRequestError,
    CloudTimeoutPhase,
    GatewaySilent,
    NotAGateway,
    ResponseFormatError,
    StreamInterrupted,
)
from edgekit.transport.linkstats import LinkMonitor, LinkStats
from edgekit.transport.pinning import KEY_PINS_HEADER, KeyPins
from edgekit.transport.problem import PROBLEM_JSON, error_for_status, parse_retry_after
from edgekit.transport.sse import ChatStreamDecoder, parse_usage
from edgekit.transport.transport import (
    AiohttpTransport,
    HttpRequest,
    HttpResponse,
    PreparingTransport,
    Transport,
)

if TYPE_CHECKING:
    from edgekit.transport.ohttp_channel import OhttpChannel, Opener

log = get_logger(__name__)

MAX_KEY_CONFIG_BYTES = 64 * 1024
MAX_ERROR_BODY_BYTES = 64 * 1024
HEALTH_PATH = "/healthz"
KEYS_PATH = "/ohttp-keys"
_RETRY_BASE_S = 0.05
_MAX_SIGN_AGAIN_WAIT_S = 15.0


@dataclass(frozen=True, kw_only=True)
class CloudCompletion:
    """A finished cloud answer.

    ``request_bytes`` is the size of the body that left the device (ciphertext
    when ``encrypted``).
    """

    text: str
    usage: dict[str, int]
    latency_s: float
    model: str | None
    encrypted: bool
    request_bytes: int
    finish_reason: str | None = None


@dataclass(frozen=True, kw_only=True)
class InnerResponse:
    """A complete inner-API answer (``content`` may be binary)."""

    status: int
    headers: dict[str, str]
    content: bytes
    encrypted: bool
    latency_s: float

    def json(self) -> Any:
        """The content parsed as JSON (``ResponseFormatError`` if it is not)."""
        try:
            return json.loads(self.content)
        except ValueError as exc:
            raise ResponseFormatError("answer is not JSON") from exc


@dataclass(frozen=True, kw_only=True)
class CloudHealth:
    """Outcome of a health probe (``error`` names the failure's type, never details)."""

    ok: bool
    status: int | None
    rtt_s: float | None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class _InnerCall:
    """One inner API request, as the gateway's inner API will see it."""

    method: str
    path: str
    headers: tuple[tuple[str, str], ...]
    content: bytes
    idempotent: bool


@dataclass(kw_only=True)
class _Call:
    """Bookkeeping of one call from start to end."""

    started: float
    deadline: float
    encrypted: bool
    request_bytes: int = 0
    head_at: float | None = None
    ticket: BudgetTicket | None = None


class InnerStream:
    """An inner-API answer being streamed: ``async for chunk in stream``.

    Status and headers are known (the call succeeded up to the head). A failure
    while reading raises :class:`StreamInterrupted` with ``delivered_bytes``.
    Use as an async context manager, or call :meth:`aclose`.
    """

    def __init__(
        self, status: int, headers: dict[str, str], body: AsyncIterator[bytes], encrypted: bool
    ) -> None:
        self.status = status
        self.headers = headers
        self.encrypted = encrypted
        self._body = body

    def __aiter__(self) -> AsyncIterator[bytes]:
        return self._body

    async def aclose(self) -> None:
        """Stop reading and release the connection."""
        closer = getattr(self._body, "aclose", None)
        if closer is not None:
            await closer()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()


class CloudStream:
    """Text deltas of a streamed chat answer, as they are decrypted.

    An async iterator of ``str``; nothing is sent before the first
    ``anext``. After it ends, ``text``, ``usage``, ``model`` and
    ``finish_reason`` describe the answer. A failure before the answer starts
    raises as any call does (``CloudUnavailable``, ``CircuitOpen``,
    ``CloudResponseError``…); once the gateway has accepted the request, any
    failure raises :class:`StreamInterrupted` whose ``delivered_text`` is
    exactly what was yielded, so the caller can continue from there.
    """

    def __init__(self, run: Callable[[CloudStream], AsyncIterator[str]]) -> None:
        self.text = ""
        self.usage: dict[str, int] = {}
        self.model: str | None = None
        self.finish_reason: str | None = None
        self.encrypted: bool | None = None
        self.tool_calls: list[dict[str, Any]] = []  # tool-call deltas not yet taken
        self.request_bytes = 0
        self.latency_s: float | None = None
        self._iterator = run(self)

    def __aiter__(self) -> AsyncIterator[str]:
        return self

    async def __anext__(self) -> str:
        return await anext(self._iterator)

    async def aclose(self) -> None:
        """Stop early and release the connection."""
        closer = getattr(self._iterator, "aclose", None)
        if closer is not None:
            await closer()


class CloudClient:
    """Async client of the EdgeKit gateway; use as ``async with CloudClient(cfg) as c``.

    ``transport`` defaults to a pooled :class:`AiohttpTransport`; pass a
    :class:`~edgekit.transport.LinkShaper` or
    :class:`~edgekit.transport.CapturingTransport` to shape or observe traffic.
    ``clock`` (monotonic seconds) drives the breaker, budget and link stats.
    """

    def __init__(
        self,
        config: CloudConfig,
        *,
        transport: Transport | None = None,
        clock: Clock = time.monotonic,
    ) -> None:
        self.config = config
        self._owns_transport = transport is None
        self._transport: Transport = transport or AiohttpTransport(
            max_connections=config.max_connections, user_agent=config.user_agent
        )
        self._clock = clock
        self._breaker = CircuitBreaker(config.breaker, clock=clock)
        self._budget = Budget(config.budget, clock=clock)
        self._monitor = LinkMonitor(clock=clock)
        self._hold_until = 0.0
        self._pins = KeyPins(config.key_pins())
        self._secure: OhttpChannel | None = None
        self._secure_lock = asyncio.Lock()
        self._closed = False

    # --- lifecycle -----------------------------------------------------------

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
        """Close the transport if this client created it."""
        self._closed = True
        if self._owns_transport:
            await self._transport.aclose()

    # --- observability -------------------------------------------------------

    @property
    def link(self) -> LinkStats:
        """What has been measured about the link (RTT, bandwidth, failures, circuit)."""
        return self._monitor.snapshot(self._breaker.state, self._breaker.consecutive_failures)

    @property
    def budget(self) -> Budget:
        """The local spending cap (``calls_used``, ``tokens_used``)."""
        return self._budget

    @property
    def circuit(self) -> CircuitState:
        """The circuit breaker's current state."""
        return self._breaker.state

    @property
    def key_pins(self) -> frozenset[str]:
        """Pins (hex SHA-256) of the gateway keys this client trusts; empty until first use.

        They change when the gateway announces a rotation inside the encryption
        (see :mod:`edgekit.transport.pinning`): store them to keep trusting it.
        """
        return self._pins.digests

    # --- public API ----------------------------------------------------------

    async def chat(
        self,
        messages: Messages,
        *,
        model: str | None = None,
        max_tokens: int = 512,
        temperature: float = 0.0,
        continue_final_message: bool = False,
        deadline_s: float | None = None,
        top_p: float | None = None,
        stop: Sequence[str] = (),
        seed: int | None = None,
    ) -> CloudCompletion:
        """One chat completion, returned whole.

        ``continue_final_message`` makes the model continue the final assistant
        message (its text is not repeated in the answer). ``deadline_s`` can
        only shorten ``timeouts.total``. Raises :class:`CloudUnavailable`
        (``CloudConnectError``, ``CloudTimeout``, ``CloudRateLimited`` – also
        for the local budget –, ``CircuitOpen``), :class:`CloudResponseError`
        for a problem answer, ``DecryptError`` / ``KeyConfigPinError`` on the
        encrypted channel, ``CloudRequestError`` for bad arguments.
        """
        body = self._chat_body(
            messages, model, max_tokens, temperature, continue_final_message, stream=False
        )
        body.update(_sampling_fields(top_p, stop, seed))
        call, inner = await self._begin(
            "POST",
            "/v1/chat/completions",
            _json_bytes(body),
            deadline_s=deadline_s,
            accept="application/json",
            budget=True,
        )
        raw = await self._read_body(inner, self.config.max_response_bytes)
        completion = _parse_completion(raw, call, self._clock() - call.started)
        self._charge(call, _token_count(completion.usage, messages, completion.text))
        self._note_body(call, len(raw))
        self._on_success()
        return completion

    def stream_chat(
        self,
        messages: Messages,
        *,
        model: str | None = None,
        max_tokens: int = 512,
        temperature: float = 0.0,
        continue_final_message: bool = False,
        deadline_s: float | None = None,
        top_p: float | None = None,
        stop: Sequence[str] = (),
        seed: int | None = None,
        structured: Mapping[str, Any] | None = None,
        headers: Sequence[tuple[str, str]] = (),
    ) -> CloudStream:
        """Stream a chat completion: ``async for delta in client.stream_chat(...)``.

        ``structured`` adds ``tools`` / ``tool_choice`` / ``response_format``
        (OpenAI fields, validated by the caller); the answer's tool-call deltas
        collect in ``stream.tool_calls`` (each arrival also yields ``""``).
        ``headers`` go on the inner request (inside the encryption), e.g. ``edgekit-learn``.
        """
        body = self._chat_body(
            messages, model, max_tokens, temperature, continue_final_message, stream=True
        )
        body.update(_sampling_fields(top_p, stop, seed))
        body.update(structured or {})
        payload = _json_bytes(body)

        def run(stream: CloudStream) -> AsyncIterator[str]:
            return self._run_chat_stream(stream, payload, messages, deadline_s, tuple(headers))

        return CloudStream(run)

    async def models(self) -> list[str]:
        """Model ids the gateway serves (``GET /v1/models``)."""
        _call, inner = await self._begin(
            "GET",
            "/v1/models",
            b"",
            deadline_s=None,
            accept="application/json",
            idempotent=True,
            rtt_sample=True,
        )
        raw = await self._read_body(inner, MAX_ERROR_BODY_BYTES * 16)
        self._on_success()
        try:
            data = json.loads(raw)["data"]
            return [str(item["id"]) for item in data]
        except (ValueError, KeyError, TypeError) as exc:
            raise ResponseFormatError("model list is not an OpenAI list object") from exc

    async def health(self) -> CloudHealth:
        """Probe ``GET /healthz`` (bypasses the breaker; its verdict feeds it)."""
        started = self._clock()
        try:
            response = await self._send_outer(
                HttpRequest(
                    method="GET",
                    url=self.config.base_url + HEALTH_PATH,
                    connect_timeout=self.config.timeouts.connect,
                ),
                deadline=self._loop_time() + self.config.breaker.probe_timeout_s,
                idempotent=True,
            )
            await response.aclose()
        except (CloudError, ProtocolError) as exc:
            self._on_failure(exc)
            return CloudHealth(ok=False, status=None, rtt_s=None, error=type(exc).__name__)
        rtt = self._clock() - started
        if 200 <= response.status < 300:
            self._monitor.record_rtt(rtt)
            self._on_success()
            return CloudHealth(ok=True, status=response.status, rtt_s=rtt)
        self._on_failure(CloudUnavailable("health probe failed"))
        return CloudHealth(ok=False, status=response.status, rtt_s=rtt, error="status")

    @overload
    async def post_inner(
        self,
        path: str,
        json_body: Any,
        stream: Literal[False] = False,
        *,
        deadline_s: float | None = None,
    ) -> InnerResponse: ...

    @overload
    async def post_inner(
        self,
        path: str,
        json_body: Any,
        stream: Literal[True],
        *,
        deadline_s: float | None = None,
    ) -> InnerStream: ...

    async def post_inner(
        self, path: str, json_body: Any, stream: bool = False, *, deadline_s: float | None = None
    ) -> InnerResponse | InnerStream:
        """POST JSON to an inner API path (``/v1/verify``, ``/v1/prefill``…).

        Returns the whole answer, or with ``stream=True`` an :class:`InnerStream`
        of raw byte chunks. Non-2xx answers raise like every other call.
        """
        if not path.startswith("/v1/"):
            raise CloudRequestError("inner API paths start with /v1/")
        call, inner = await self._begin(
            "POST", path, _json_bytes(json_body), deadline_s=deadline_s, accept="*/*", budget=True
        )
        if stream:
            return InnerStream(
                inner.status, inner.headers, self._guard_bytes(call, inner.chunks), call.encrypted
            )
        raw = await self._read_body(inner, self.config.max_response_bytes)
        self._note_body(call, len(raw))
        self._on_success()
        return InnerResponse(
            status=inner.status,
            headers=inner.headers,
            content=raw,
            encrypted=call.encrypted,
            latency_s=self._clock() - call.started,
        )

    async def refresh_key_config(self) -> frozenset[str]:
        """Fetch the gateway key configuration again, check it against the pins; the pins."""
        async with self._secure_lock:
            self._secure = None
        await self._secure_channel()
        return self._pins.digests

    def repin(self, pins: bytes | str | Iterable[str] | None = None) -> None:
        """Trust other gateway keys (``None``: trust the next configuration fetched)."""
        self._pins = KeyPins(pin_digests(pins))
        self._secure = None

    # --- streaming -----------------------------------------------------------

    async def _run_chat_stream(
        self,
        stream: CloudStream,
        payload: bytes,
        messages: Messages,
        deadline_s: float | None,
        headers: tuple[tuple[str, str], ...] = (),
    ) -> AsyncIterator[str]:
        call, inner = await self._begin(
            "POST",
            "/v1/chat/completions",
            payload,
            deadline_s=deadline_s,
            accept="text/event-stream",
            budget=True,
            extra_headers=headers,
        )
        stream.encrypted = call.encrypted
        stream.request_bytes = call.request_bytes
        decoder = ChatStreamDecoder(max_line_bytes=self.config.max_sse_line_bytes)
        parts: list[str] = []
        try:
            async for chunk in inner.chunks:
                for delta in decoder.feed(chunk):
                    stream.model = delta.model or stream.model
                    stream.finish_reason = delta.finish_reason or stream.finish_reason
                    if delta.usage:
                        stream.usage = delta.usage
                    if delta.text:
                        parts.append(delta.text)
                        stream.text += delta.text
                        yield delta.text
                    if delta.tool_calls:
                        stream.tool_calls.extend(delta.tool_calls)
                        yield ""
                decoder.raise_pending()
            if not decoder.done:
                raise ResponseFormatError("chat stream ended before [DONE]")
        except EdgeKitError as exc:
            self._on_failure(exc)
            raise StreamInterrupted(exc, delivered_text="".join(parts)) from exc
        finally:
            await _aclose(inner.chunks)
            self._charge(call, _token_count(stream.usage, messages, stream.text))
        stream.latency_s = self._clock() - call.started
        self._on_success()

    async def _guard_bytes(self, call: _Call, chunks: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
        delivered = 0
        try:
            async for chunk in chunks:
                delivered += len(chunk)
                if delivered > self.config.max_response_bytes:
                    raise ResponseFormatError("answer exceeds the size limit")
                yield chunk
        except EdgeKitError as exc:
            self._on_failure(exc)
            raise StreamInterrupted(exc, delivered_bytes=delivered) from exc
        finally:
            await _aclose(chunks)
        self._note_body(call, delivered)
        self._on_success()

    # --- the common path of every inner call ---------------------------------

    async def _begin(
        self,
        method: str,
        path: str,
        content: bytes,
        *,
        deadline_s: float | None,
        accept: str,
        budget: bool = False,
        idempotent: bool = False,
        rtt_sample: bool = False,
        extra_headers: tuple[tuple[str, str], ...] = (),
    ) -> tuple[_Call, InnerResult]:
        """Gate, send, and open one inner call up to its (successful) head."""
        if self._closed:
            raise CloudUnavailable("the cloud client is closed")
        await self._gate()
        now = self._loop_time()
        total = self.config.timeouts.total
        limit = total if deadline_s is None else max(0.0, min(total, deadline_s))
        call = _Call(started=self._clock(), deadline=now + limit, encrypted=self.config.encrypt)
        if budget:
            call.ticket = self._budget.acquire()
        headers = [("accept", accept), *extra_headers]
        if content:
            headers.append(("content-type", "application/json"))
        try:
            inner = await self._exchange(
                call, _InnerCall(method, path, tuple(headers), content, idempotent)
            )
        except BaseException as exc:
            self._on_failure(exc)
            if call.ticket is not None and isinstance(exc, CloudConnectError):
                self._budget.refund(call.ticket)  # nothing left the device
            raise
        if rtt_sample and call.head_at is not None:
            self._monitor.record_rtt(call.head_at - call.started)
        # An answer sealed to a pinned key may announce a rotation: pin the new keys,
        # and fetch the key list again next time so requests move to the newest key.
        if call.encrypted and self._pins.learn(inner.headers.get(KEY_PINS_HEADER)):
            self._secure = None
        if not 200 <= inner.status < 300:
            error = await self._error_from(inner)
            self._on_failure(error)
            raise error
        return call, inner

    async def _exchange(self, call: _Call, inner: _InnerCall) -> InnerResult:
        if not self.config.encrypt:
            request = HttpRequest(
                method=inner.method,
                url=self.config.base_url + inner.path,
                headers=inner.headers,
                content=inner.content,
                connect_timeout=self.config.timeouts.connect,
            )
            call.request_bytes = len(inner.content)
            response = await self._send_outer(request, call.deadline, idempotent=inner.idempotent)
            chunks = self._timed_body(call, response)
            return InnerResult(status=response.status, headers=response.headers, chunks=chunks)
        try:
            result = await self._exchange_sealed(call, inner)
        except CloudResponseError as exc:
            if exc.status != 400:
                raise
            # The gateway could not decrypt, so nothing ran: its key has probably retired.
            # Fetch the key configuration again (the pins still apply) and send once more.
            self._secure = None
            result = await self._exchange_sealed(call, inner)
        wait = self._sign_again_after(result, call)
        if wait is None:
            return result
        # A gateway that just restarted refuses requests signed too close to its start
        # (they might be replays of what it saw before) and says when to sign again.
        await _aclose(result.chunks)
        await asyncio.sleep(wait)
        return await self._exchange_sealed(call, inner)

    def _timed_body(self, call: _Call, response: HttpResponse) -> AsyncIterator[bytes]:
        """The response body under the idle and call deadlines; marks when the head arrived."""
        call.head_at = self._clock()
        return timed_chunks(
            response.aiter_bytes(),
            idle_s=self.config.timeouts.idle,
            deadline=call.deadline,
            on_close=response.aclose,
        )

    def _sign_again_after(self, result: InnerResult, call: _Call) -> float | None:
        """Seconds to wait before re-signing a refused request, if the gateway asked and it fits."""
        if result.status != 409:
            return None
        wait = parse_retry_after(result.headers.get("retry-after"))
        if wait is None or wait > _MAX_SIGN_AGAIN_WAIT_S:
            return None
        return wait if self._loop_time() + wait < call.deadline else None

    async def _exchange_sealed(self, call: _Call, inner: _InnerCall) -> InnerResult:
        secure = await self._secure_channel()
        connect_timeout = self.config.timeouts.connect

        def build() -> Awaitable[tuple[HttpRequest, Opener]]:
            return secure.seal(
                inner.method, inner.path, inner.headers, inner.content, connect_timeout
            )

        response, opener = await self._send_sealed(build, call, inner.idempotent)
        chunks = self._timed_body(call, response)
        try:
            return await opener(response, chunks)
        except BaseException:
            await response.aclose()
            raise

    async def _send_sealed(
        self,
        build: Callable[[], Awaitable[tuple[HttpRequest, Opener]]],
        call: _Call,
        idempotent: bool,
    ) -> tuple[HttpResponse, Opener]:
        """Seal afresh for each attempt (a new HPKE ``enc``: the gateway refuses replays)."""
        attempts = 1 + self.config.connect_retries
        for attempt in range(attempts):
            request, opener = await build()
            call.request_bytes = len(request.content)
            try:
                response = await self._send_outer(
                    request, call.deadline, idempotent=idempotent, retries=False
                )
            except CloudConnectError:
                if attempt + 1 >= attempts or not await self._backoff(attempt, call.deadline):
                    raise
                continue
            return response, opener
        raise AssertionError("unreachable")  # pragma: no cover

    async def _send_outer(
        self,
        request: HttpRequest,
        deadline: float,
        *,
        idempotent: bool,
        retries: bool = True,
        first_byte: float | None = None,
    ) -> HttpResponse:
        """Send with the first-byte deadline; retry only what cannot have executed."""
        attempts = 1 + (self.config.connect_retries if retries else 0)
        attempt = 0
        while True:
            try:
                return await self._send_once(request, deadline, first_byte)
            except (CloudRateLimited, CloudTimeout):
                raise
            except CloudUnavailable as exc:
                retryable = isinstance(exc, CloudConnectError) or idempotent
                attempt += 1
                if not retryable or attempt >= attempts:
                    raise
                if not await self._backoff(attempt - 1, deadline):
                    raise

    async def _send_once(
        self, request: HttpRequest, deadline: float, first_byte: float | None = None
    ) -> HttpResponse:
        remaining = deadline - self._loop_time()
        if remaining <= 0:
            raise CloudTimeoutPhase("no time left before the deadline", phase="total")
        if isinstance(self._transport, PreparingTransport):  # e.g. a gateway still loading
            try:
                async with asyncio.timeout(remaining):
                    request = await self._transport.prepare(request)
            except TimeoutError:
                raise CloudTimeoutPhase(
                    "the transport was not ready before the call's deadline", phase="total"
                ) from None
            remaining = deadline - self._loop_time()
        first_byte = self.config.timeouts.first_byte if first_byte is None else first_byte
        connect = self.config.timeouts.connect
        wait = min(first_byte + connect, remaining)
        try:
            async with asyncio.timeout(wait):
                return await self._transport.send(request)
        except TimeoutError:
            if first_byte + connect >= remaining:
                raise CloudTimeoutPhase(
                    "the gateway did not answer before the call's deadline", phase="total"
                ) from None
            raise GatewaySilent(
                f"{self.config.authority} accepted the connection but sent no answer in "
                f"{first_byte:g} s: the gateway is overloaded or hung, or the server is "
                "not an EdgeKit gateway",
                phase="first_byte",
            ) from None

    async def _backoff(self, attempt: int, deadline: float) -> bool:
        delay = _RETRY_BASE_S * (2**attempt)
        if self._loop_time() + delay >= deadline:
            return False
        await asyncio.sleep(delay)
        return True

    # --- breaker, hold, outcomes ---------------------------------------------

    async def _gate(self) -> None:
        now = self._clock()
        if now < self._hold_until:
            raise CloudRateLimited("the gateway asked to wait", retry_after=self._hold_until - now)
        state = self._breaker.state
        if state is CircuitState.CLOSED:
            return
        if state is CircuitState.HALF_OPEN and self._breaker.try_acquire_probe():
            try:
                health = await self.health()
            finally:
                self._breaker.release_probe()
            if health.ok:
                return
        raise CircuitOpen(
            "the cloud is failing; circuit open", retry_after=self._breaker.retry_in()
        )

    def _on_success(self) -> None:
        if self._breaker.state is not CircuitState.CLOSED:
            log.info("cloud circuit closed")
        self._breaker.record_success()
        self._monitor.record_success()

    def _on_failure(self, exc: BaseException) -> None:
        if isinstance(exc, CloudRateLimited):
            if exc.retry_after:
                self._hold_until = max(self._hold_until, self._clock() + exc.retry_after)
            return
        if isinstance(exc, CircuitOpen):
            return
        counts = isinstance(exc, CloudUnavailable) or (
            isinstance(exc, CloudResponseError) and exc.status >= 500
        )
        if counts:
            was = self._breaker.state
            self._breaker.record_failure()
            if was is not CircuitState.OPEN and self._breaker.state is CircuitState.OPEN:
                log.warning(
                    "cloud circuit opened after %d consecutive failures (last: %s)",
                    self._breaker.consecutive_failures,
                    type(exc).__name__,
                )
            unreachable = isinstance(exc, CloudConnectError) or (
                isinstance(exc, CloudTimeoutPhase) and exc.phase == "connect"
            )
            self._monitor.record_failure(unreachable=unreachable)

    def _charge(self, call: _Call, tokens: int) -> None:
        if call.ticket is not None:
            self._budget.charge(call.ticket, tokens)

    def _note_body(self, call: _Call, n_bytes: int) -> None:
        if call.head_at is not None:
            self._monitor.record_download(n_bytes, self._clock() - call.head_at)

    async def _read_body(self, inner: InnerResult, limit: int) -> bytes:
        """The whole (bounded) body; a failure feeds the breaker. Always releases."""
        try:
            return await read_all(inner.chunks, limit)
        except BaseException as exc:
            self._on_failure(exc)
            raise
        finally:
            await _aclose(inner.chunks)

    async def _error_from(self, inner: InnerResult) -> EdgeKitError:
        try:
            body = await read_all(inner.chunks, MAX_ERROR_BODY_BYTES)
        except (EdgeKitError, OSError):
            body = b""
        finally:
            await _aclose(inner.chunks)
        if inner.status in (401, 403) and self._secure is not None:
            return self._secure.not_enrolled(inner.status)
        return error_for_status(inner.status, inner.headers, body)

    def _loop_time(self) -> float:
        return asyncio.get_running_loop().time()

    # --- secure channel ------------------------------------------------------

    async def _secure_channel(self) -> OhttpChannel:
        async with self._secure_lock:
            if self._secure is None:
                from edgekit.transport.ohttp_channel import OhttpChannel

                raw = await self._fetch_key_config()
                device_key = await OhttpChannel.load_device_key(
                    self.config.resolved_device_key_path()
                )
                self._secure = OhttpChannel(
                    key_configs=raw,
                    device_key=device_key,
                    base_url=self.config.base_url,
                    authority=self.config.authority,
                    max_response_bytes=self.config.max_response_bytes,
                )
            return self._secure

    async def _fetch_key_config(self) -> bytes:
        """The gateway's key configurations that this client may seal to (pinned ones)."""
        deadline = self._loop_time() + self.config.timeouts.total
        started = self._clock()
        response = await self._send_outer(
            HttpRequest(
                method="GET",
                url=self.config.base_url + KEYS_PATH,
                headers=(("accept", "application/ohttp-keys"),),
                connect_timeout=self.config.timeouts.connect,
            ),
            deadline,
            idempotent=True,
            first_byte=self.config.timeouts.key_fetch,
        )
        self._monitor.record_rtt(self._clock() - started)
        chunks = timed_chunks(
            response.aiter_bytes(),
            idle_s=self.config.timeouts.idle,
            deadline=deadline,
            on_close=response.aclose,
        )
        media = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if response.status != 200 or media != ohttp.KEYS_MEDIA_TYPE:
            body = await read_all(chunks, MAX_ERROR_BODY_BYTES)
            raise self._key_fetch_error(response.status, media, response.headers, body)
        raw = await read_all(chunks, MAX_KEY_CONFIG_BYTES)
        had_pins = bool(self._pins.digests)
        trusted = self._pins.select(raw)
        if not had_pins:
            log.info("pinned %d gateway key(s) on first use", len(self._pins.digests))
        return trusted

    def _key_fetch_error(
        self, status: int, media: str, headers: Mapping[str, str], body: bytes
    ) -> EdgeKitError:
        """What a wrong answer to ``GET /ohttp-keys`` means: a gateway's error, or no gateway."""
        if media == PROBLEM_JSON or status in (429, 502, 503, 504):
            return error_for_status(status, headers, body)  # a gateway (or relay) that is unwell
        return NotAGateway(
            f"{self.config.authority} is not an EdgeKit gateway: GET {KEYS_PATH} answered "
            f"{status} ({media or 'no content type'}), not an OHTTP key configuration; "
            "check the gateway URL",
            status=status,
            content_type=media,
        )

    # --- request bodies ------------------------------------------------------

    def _chat_body(
        self,
        messages: Messages,
        model: str | None,
        max_tokens: int,
        temperature: float,
        continue_final_message: bool,
        *,
        stream: bool,
    ) -> dict[str, Any]:
        checked = check_messages(messages)
        if max_tokens < 1:
            raise CloudRequestError("max_tokens must be >= 1")
        if not 0.0 <= temperature <= 2.0:
            raise CloudRequestError("temperature must be within [0, 2]")
        if continue_final_message and checked[-1]["role"] != "assistant":
            raise CloudRequestError("continue_final_message needs a final assistant message")
        body: dict[str, Any] = {
            "messages": checked,
            "max_tokens": max_tokens,
            "temperature": temperature,
            "stream": stream,
        }
        chosen = model or self.config.model
        if chosen:
            body["model"] = chosen
        if continue_final_message:
            body["continue_final_message"] = True
            body["add_generation_prompt"] = False
        if stream:
            body["stream_options"] = {"include_usage": True}
        return body


# --- helpers -----------------------------------------------------------------


def _sampling_fields(top_p: float | None, stop: Sequence[str], seed: int | None) -> dict[str, Any]:
    """The optional OpenAI sampling fields that are set (``top_p``, ``stop``, ``seed``)."""
    if top_p is not None and not 0.0 < top_p <= 1.0:
        raise CloudRequestError("top_p must be within (0, 1]")
    if isinstance(stop, str) or not all(isinstance(s, str) and s for s in stop):
        raise CloudRequestError("stop must be a sequence of non-empty strings")
    fields: dict[str, Any] = {"top_p": top_p, "stop": list(stop) or None, "seed": seed}
    return {k: v for k, v in fields.items() if v is not None}


def _json_bytes(body: Any) -> bytes:
    try:
        return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
    except (TypeError, ValueError) as exc:
        raise CloudRequestError("request body is not JSON-serialisable") from exc


def _parse_completion(raw: bytes, call: _Call, latency: float) -> CloudCompletion:
    try:
        obj = json.loads(raw)
        choice = obj["choices"][0]
        text = choice["message"]["content"] or ""
        if not isinstance(text, str):
            raise TypeError("content")
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        raise ResponseFormatError("chat answer is not an OpenAI chat.completion") from exc
    finish = choice.get("finish_reason")
    model = obj.get("model")
    return CloudCompletion(
        text=text,
        usage=parse_usage(obj.get("usage")) or {},
        latency_s=latency,
        model=model if isinstance(model, str) else None,
        encrypted=call.encrypted,
        request_bytes=call.request_bytes,
        finish_reason=finish if isinstance(finish, str) else None,
    )


def _token_count(usage: Mapping[str, int], messages: Messages, answer: str) -> int:
    """Tokens to charge: the gateway's count, else ~4 characters per token."""
    if "total_tokens" in usage:
        return usage["total_tokens"]
    chars = sum(len(m.get("content", "")) for m in messages) + len(answer)
    return max(1, chars // 4)


async def _aclose(chunks: AsyncIterator[bytes]) -> None:
    closer = getattr(chunks, "aclose", None)
    if closer is not None:
        try:
            await closer()
        except (EdgeKitError, OSError, RuntimeError):
            log.debug("closing a response stream failed", exc_info=True)
