"""Injectable HTTP transports: the aiohttp default, a link shaper, a capturing wrapper.

A :class:`Transport` sends one HTTP request and returns the response head with
a body to be read as an async stream of byte chunks. It maps connection
failures into the EdgeKit tree and says whether any byte left the device:
:class:`~edgekit.transport.errors.CloudConnectError` means *nothing was sent*
(safe to retry); any other :class:`~edgekit.errors.CloudUnavailable` means the
request may have reached the server. Read deadlines (first byte, idle, total)
are applied by the caller, so they hold for every transport alike.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

import aiohttp

from edgekit._logging import get_logger
from edgekit.errors import CloudUnavailable, ConfigError
from edgekit.transport.errors import CloudConnectError, CloudTimeoutPhase, ResponseFormatError

log = get_logger(__name__)

# Idle pooled connections are dropped before common server keep-alive limits
# (15 s and up), so a POST rarely lands on a connection the server is closing:
# such a POST fails (it may have been sent) and is never retried.
KEEPALIVE_S = 10.0


@dataclass(frozen=True, kw_only=True)
class HttpRequest:
    """One outgoing request (``headers`` as ordered pairs)."""

    method: str
    url: str
    headers: tuple[tuple[str, str], ...] = ()
    content: bytes = b""
    connect_timeout: float = 5.0


class HttpResponse:
    """A response head plus a body that is read once, chunk by chunk.

    ``headers`` has lower-case names; repeated fields are joined with ``", "``.
    Always ``aclose()`` (or read the body to its end) to release the connection.
    """

    def __init__(
        self,
        status: int,
        headers: Mapping[str, str],
        body: AsyncIterator[bytes],
        *,
        close: _Closer | None = None,
    ) -> None:
        self.status = status
        self.headers = dict(headers)
        self._body = body
        self._close = close
        self._closed = False

    def aiter_bytes(self) -> AsyncIterator[bytes]:
        """The body as it arrives (each chunk non-empty)."""
        return self._body

    async def aread(self, limit: int) -> bytes:
        """The whole body; more than ``limit`` bytes is a protocol violation."""
        buf = bytearray()
        async for chunk in self._body:
            buf += chunk
            if len(buf) > limit:
                await self.aclose()
                raise ResponseFormatError("response body exceeds the size limit")
        return bytes(buf)

    async def aclose(self) -> None:
        """Release the connection (idempotent)."""
        if self._closed:
            return
        self._closed = True
        if self._close is not None:
            await self._close()


class _Closer(Protocol):
    async def __call__(self) -> None: ...


@runtime_checkable
class Transport(Protocol):
    """Sends one request; see the module docstring for the error contract."""

    async def send(self, request: HttpRequest) -> HttpResponse:
        """Send ``request`` and return once the response head has arrived."""
        ...

    async def aclose(self) -> None:
        """Release pooled connections."""
        ...


@runtime_checkable
class PreparingTransport(Protocol):
    """A transport with set-up to do before a request may be timed (optional).

    :class:`~edgekit.transport.CloudClient` awaits ``prepare`` before it starts
    the connect and first-byte clocks, bounded only by the call's deadline:
    the chat app's transport uses it to wait for its embedded gateway to finish
    loading, which is not the gateway being slow to answer.
    """

    async def prepare(self, request: HttpRequest) -> HttpRequest:
        """The request to send (possibly re-addressed), once the transport can send it."""
        ...


def _lower_headers(raw: Mapping[str, str] | aiohttp.typedefs.LooseHeaders) -> dict[str, str]:
    merged: dict[str, str] = {}
    items = raw.items() if isinstance(raw, Mapping) else raw
    for name, value in items:
        key = str(name).lower()
        merged[key] = f"{merged[key]}, {value}" if key in merged else str(value)
    return merged


class AiohttpTransport:
    """The default transport: one pooled :class:`aiohttp.ClientSession`.

    The session is created lazily inside the running event loop on the first
    request and closed by :meth:`aclose`. Redirects are not followed (a
    redirected POST of an encrypted request is never what the caller meant).
    """

    def __init__(self, *, max_connections: int = 8, user_agent: str = "edgekit") -> None:
        self._max_connections = max_connections
        self._user_agent = user_agent
        self._session: aiohttp.ClientSession | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    def _get_session(self) -> aiohttp.ClientSession:
        # Like aiohttp's own session, one transport lives in one event loop.
        loop = asyncio.get_running_loop()
        if self._session is not None and not self._session.closed:
            if self._loop is not loop:
                raise ConfigError("this transport is bound to another event loop")
            return self._session
        connector = aiohttp.TCPConnector(
            limit=self._max_connections,
            limit_per_host=self._max_connections,
            ttl_dns_cache=300,
            keepalive_timeout=KEEPALIVE_S,
        )
        self._session = aiohttp.ClientSession(
            connector=connector,
            headers={"User-Agent": self._user_agent},
            auto_decompress=False,
            timeout=aiohttp.ClientTimeout(total=None),
        )
        self._loop = loop
        return self._session

    async def send(self, request: HttpRequest) -> HttpResponse:
        """Send ``request``; connection failures map into the EdgeKit tree."""
        session = self._get_session()
        timeout = aiohttp.ClientTimeout(
            total=None, connect=request.connect_timeout, sock_connect=request.connect_timeout
        )
        try:
            resp = await session.request(
                request.method,
                request.url,
                headers=list(request.headers),
                data=request.content if request.content else None,
                timeout=timeout,
                allow_redirects=False,
            )
        except aiohttp.ConnectionTimeoutError as exc:
            raise CloudTimeoutPhase("connecting to the gateway timed out", phase="connect") from exc
        except aiohttp.ClientConnectorError as exc:
            raise CloudConnectError(f"cannot connect to the gateway ({_os_reason(exc)})") from exc
        except aiohttp.ClientError as exc:
            raise CloudUnavailable(
                f"connection to the gateway failed ({type(exc).__name__})"
            ) from exc
        return HttpResponse(
            resp.status, _lower_headers(resp.headers), _aiohttp_body(resp), close=_releaser(resp)
        )

    async def aclose(self) -> None:
        """Close the session and its connections."""
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None


def _os_reason(exc: aiohttp.ClientConnectorError) -> str:
    if isinstance(exc, aiohttp.ClientConnectorDNSError):
        return "name resolution failed"
    errno = exc.os_error.errno if exc.os_error is not None else None
    return f"errno {errno}" if errno else type(exc.os_error).__name__


def _releaser(resp: aiohttp.ClientResponse) -> _Closer:
    async def close() -> None:
        resp.release()

    return close


async def _aiohttp_body(resp: aiohttp.ClientResponse) -> AsyncIterator[bytes]:
    try:
        async for chunk in resp.content.iter_any():
            if chunk:
                yield chunk
    except aiohttp.ClientError as exc:
        raise CloudUnavailable(
            f"connection lost while reading the answer ({type(exc).__name__})"
        ) from exc
    finally:
        resp.release()


#: Unread bytes a shaped link delivers ahead of a busy reader (a socket buffer).
DEFAULT_RECEIVE_WINDOW = 4 << 20
#: A shaped link hands bytes over in pieces of at most this size, as a socket read would.
_LINK_SEGMENT = 64 << 10
_TIMER_SLACK_S = 0.005


class _Pipe:
    """One direction of a shaped link: serialises transfers at a fixed rate."""

    def __init__(self, bytes_per_s: float | None) -> None:
        self._rate = bytes_per_s
        self._free_at = 0.0

    @property
    def unlimited(self) -> bool:
        return self._rate is None

    async def transmit(self, n_bytes: int) -> None:
        if self._rate is None or n_bytes <= 0:
            return
        now = asyncio.get_running_loop().time()
        # A transfer that follows the last one within the timers' overshoot
        # continues its schedule: the lateness of a wake-up is not idle link time.
        start = self._free_at if self._free_at >= now - _TIMER_SLACK_S else now
        self._free_at = start + n_bytes / self._rate
        await asyncio.sleep(self._free_at - now)


class _Inbox:
    """A receive buffer: bytes that crossed the link and wait for the reader.

    :meth:`fill` (a task) moves the body across the link, pausing while
    ``window`` bytes wait unread; :meth:`take` hands them over, ``None`` at the
    end, and re-raises what the body raised.
    """

    def __init__(self, window: int) -> None:
        self._window = window
        self._waiting = 0
        self._items: asyncio.Queue[bytes | BaseException | None] = asyncio.Queue()
        self._room = asyncio.Event()
        self._room.set()

    async def fill(self, body: AsyncIterator[bytes], link: _Pipe) -> None:
        try:
            async for chunk in body:
                for at in range(0, len(chunk), _LINK_SEGMENT):  # arrives bit by bit
                    await self._cross(chunk[at : at + _LINK_SEGMENT], link)
        except Exception as exc:  # handed to the reader (cancellation is not caught here)
            self._items.put_nowait(exc)
            return
        self._items.put_nowait(None)

    async def _cross(self, segment: bytes, link: _Pipe) -> None:
        while self._waiting and self._waiting + len(segment) > self._window:
            self._room.clear()
            await self._room.wait()
        self._waiting += len(segment)
        await link.transmit(len(segment))
        self._items.put_nowait(segment)

    async def take(self) -> bytes | None:
        item = await self._items.get()
        if isinstance(item, BaseException):
            raise item
        if item is not None:
            self._waiting -= len(item)
            self._room.set()
        return item


@dataclass(frozen=True, kw_only=True)
class LinkProfile:
    """Typical figures of a kind of link: added RTT and down/up bandwidth."""

    latency_ms: float
    bandwidth_mbit: float
    upload_mbit: float


# Rough medians, for rehearsal rather than prediction.
LINK_PROFILES: dict[str, LinkProfile] = {
    "wifi": LinkProfile(latency_ms=8, bandwidth_mbit=50, upload_mbit=20),
    "4g": LinkProfile(latency_ms=60, bandwidth_mbit=10, upload_mbit=3),
    "3g": LinkProfile(latency_ms=150, bandwidth_mbit=1.6, upload_mbit=0.75),
    "satellite": LinkProfile(latency_ms=600, bandwidth_mbit=10, upload_mbit=2),
}


class LinkShaper:
    """Wraps a transport to behave like a slower link: added RTT, capped bandwidth.

    ``latency_ms`` is added round-trip time (half before the request leaves,
    half before the response head is returned). ``bandwidth_mbit`` caps both
    directions in megabits per second (``upload_mbit`` overrides the upstream
    cap); transfers sharing the link queue behind each other. Use it to rehearse
    a device on a poor link, e.g. a Raspberry Pi on 4G::

        transport = LinkShaper(AiohttpTransport(), latency_ms=60, bandwidth_mbit=10,
                               upload_mbit=3)      # or LinkShaper.profile("4g")
        async with CloudClient(config, transport=transport) as cloud: ...

    Downstream bytes keep arriving while the reader is busy, as into a socket
    buffer, until ``receive_window_bytes`` wait unread (then the link pauses,
    as TCP flow control does): a device that decodes a stream as it comes
    overlaps that work with the transfer, as it would on a real link.

    The shaping happens in this process (sleeps and pacing around the wrapped
    transport); it does not model loss, jitter or TCP slow start.
    """

    def __init__(
        self,
        inner: Transport,
        *,
        latency_ms: float = 0.0,
        bandwidth_mbit: float | None = None,
        upload_mbit: float | None = None,
        receive_window_bytes: int = DEFAULT_RECEIVE_WINDOW,
    ) -> None:
        if latency_ms < 0:
            raise ConfigError("latency_ms must be >= 0")
        if receive_window_bytes <= 0:
            raise ConfigError("receive_window_bytes must be > 0")
        for name, value in (("bandwidth_mbit", bandwidth_mbit), ("upload_mbit", upload_mbit)):
            if value is not None and not value > 0:
                raise ConfigError(f"{name} must be > 0")
        self.inner = inner
        self.latency_s = latency_ms / 1000.0
        up = upload_mbit if upload_mbit is not None else bandwidth_mbit
        self._down = _Pipe(None if bandwidth_mbit is None else bandwidth_mbit * 125_000)
        self._up = _Pipe(None if up is None else up * 125_000)
        self.receive_window_bytes = receive_window_bytes

    @classmethod
    def profile(cls, name: str, inner: Transport | None = None) -> LinkShaper:
        """A shaper set to a named :data:`LINK_PROFILES` entry (``wifi``, ``4g``, ``3g``…)."""
        try:
            chosen = LINK_PROFILES[name]
        except KeyError:
            known = ", ".join(sorted(LINK_PROFILES))
            raise ConfigError(f"unknown link profile {name!r} (known: {known})") from None
        return cls(
            inner if inner is not None else AiohttpTransport(),
            latency_ms=chosen.latency_ms,
            bandwidth_mbit=chosen.bandwidth_mbit,
            upload_mbit=chosen.upload_mbit,
        )

    async def send(self, request: HttpRequest) -> HttpResponse:
        """Delay and throttle, then forward to the wrapped transport."""
        await self._up.transmit(len(request.content) + _head_size(request))
        await asyncio.sleep(self.latency_s / 2)
        response = await self.inner.send(request)
        await asyncio.sleep(self.latency_s / 2)
        return HttpResponse(
            response.status,
            response.headers,
            self._throttled(response.aiter_bytes()),
            close=response.aclose,
        )

    async def _throttled(self, body: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
        """``body`` at the link's pace, received ahead of the reader up to the window."""
        if self._down.unlimited:
            async for chunk in body:
                yield chunk
            return
        inbox = _Inbox(self.receive_window_bytes)
        pump = asyncio.create_task(inbox.fill(body, self._down))
        try:
            while (piece := await inbox.take()) is not None:
                yield piece
        finally:
            pump.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await pump

    async def aclose(self) -> None:
        """Close the wrapped transport."""
        await self.inner.aclose()


def _head_size(request: HttpRequest) -> int:
    return (
        len(request.method)
        + len(request.url)
        + sum(len(k) + len(v) + 4 for k, v in request.headers)
        + 16
    )


@dataclass(kw_only=True)
class CapturedExchange:
    """One request as sent and the response bytes as received."""

    request: HttpRequest
    status: int | None = None
    response_headers: dict[str, str] = field(default_factory=dict)
    response_body: bytearray = field(default_factory=bytearray)


class CapturingTransport:
    """Wraps a transport and records every outbound and inbound byte (for tests)."""

    def __init__(self, inner: Transport) -> None:
        self.inner = inner
        self.exchanges: list[CapturedExchange] = []

    @property
    def sent_bytes(self) -> bytes:
        """Every request line, header and body sent, concatenated."""
        out = bytearray()
        for ex in self.exchanges:
            req = ex.request
            out += f"{req.method} {req.url}\r\n".encode()
            for name, value in req.headers:
                out += f"{name}: {value}\r\n".encode()
            out += b"\r\n" + req.content
        return bytes(out)

    @property
    def received_bytes(self) -> bytes:
        """Every response body received, concatenated."""
        return b"".join(bytes(ex.response_body) for ex in self.exchanges)

    async def send(self, request: HttpRequest) -> HttpResponse:
        """Record, forward, and record the answer as it streams."""
        exchange = CapturedExchange(request=request)
        self.exchanges.append(exchange)
        response = await self.inner.send(request)
        exchange.status = response.status
        exchange.response_headers = dict(response.headers)
        return HttpResponse(
            response.status,
            response.headers,
            self._recorded(response.aiter_bytes(), exchange),
            close=response.aclose,
        )

    @staticmethod
    async def _recorded(
        body: AsyncIterator[bytes], exchange: CapturedExchange
    ) -> AsyncIterator[bytes]:
        async for chunk in body:
            exchange.response_body += chunk
            yield chunk

    async def aclose(self) -> None:
        """Close the wrapped transport."""
        await self.inner.aclose()
