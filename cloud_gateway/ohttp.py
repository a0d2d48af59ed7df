"""The Oblivious HTTP front end: ``GET /ohttp-keys`` and ``POST /ohttp``.

``POST /ohttp`` opens the encapsulated request (anything that fails gets the
one opaque 400), decodes the inner Binary HTTP request, checks the device
signature and the replay window, then hands the request to the same inner
router the plaintext API uses. Whole answers go back as ``message/ohttp-res``;
streamed ones as chunked OHTTP (``message/ohttp-chunked-res``), each piece
sealed as it is produced, the last one marked final so truncation shows.

Once a request decrypts, problems (bad signature, replay, rate limit…) are
answered *inside* the encrypted response with outer status 200, as RFC 9458
prescribes: only the device can read why.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiohttp import web

from cloud_gateway.config import GatewayConfig
from cloud_gateway.http import CLIENT_CLOSED, read_body
from cloud_gateway.inner import (
    InnerRequest,
    InnerResponse,
    RequestStats,
    pieces_or_problem,
    problem_event,
)
from cloud_gateway.logs import get_logger
from cloud_gateway.padding import Padder
from cloud_gateway.problems import (
    AuthFailed,
    BadRequest,
    DecryptFailed,
    Problem,
    Replayed,
    UnsupportedMediaType,
    as_problem,
)
from cloud_gateway.replay import (
    MemorySeenStore,
    RedisSeenStore,
    ReplayFence,
    SeenStore,
    SignAgain,
)
from cloud_gateway.state import STATE, STATS
from edgekit.secure import AuthenticationError, ProtocolError, ReplayError, bhttp
from edgekit.secure.identity import (
    KEY_ID_HEADER,
    PUBLIC_KEY_HEADER,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    DeviceRegistry,
    signed_timestamp,
    verify_request,
)
from edgekit.secure.ohttp import (
    CHUNKED_REQUEST_MEDIA_TYPE,
    CHUNKED_RESPONSE_MEDIA_TYPE,
    KEY_PINS_HEADER,
    KEYS_MEDIA_TYPE,
    REQUEST_MEDIA_TYPE,
    RESPONSE_MEDIA_TYPE,
    ChunkedResponseEncoder,
    ServerKeyring,
    ServerResponseContext,
    key_config_digests,
)

log = get_logger("edgekit.gateway.ohttp")

_DEVICE_HEADERS = frozenset({KEY_ID_HEADER, PUBLIC_KEY_HEADER, TIMESTAMP_HEADER, SIGNATURE_HEADER})


@dataclass
class _Watched:
    """A file reloaded when its modification time changes."""

    path: Path | None
    mtime: float = 0.0

    def changed(self) -> bool:
        if self.path is None:
            return False
        try:
            mtime = self.path.stat().st_mtime
        except OSError:
            return False
        if mtime == self.mtime:
            return False
        self.mtime = mtime
        return True


@dataclass
class OhttpFrontEnd:
    """Keys, enrolled devices and the replay guard of one application."""

    keyring: ServerKeyring
    registry: DeviceRegistry
    guard: ReplayFence
    open_enrolment: bool
    keys_file: _Watched = field(default_factory=lambda: _Watched(None))
    devices_file: _Watched = field(default_factory=lambda: _Watched(None))

    _pins: tuple[object, float, str] = (None, 0.0, "")  # (keyring state, when, pins)

    def key_pins(self) -> str:
        """Comma-separated pins (SHA-256 of each live key configuration), as devices store them.

        Encoding the live configurations and hashing them costs ~50 µs: it is
        done at most once a second (keys retire on a schedule of hours) and
        at once when the keyring changes (a reload, a rotation, a prune).
        """
        seen, computed_at, pins = self._pins
        state = (id(self.keyring), len(self.keyring.keys))  # a reload, a rotation, a prune
        now = time.monotonic()
        if seen != state or now - computed_at > 1.0:
            pins = ",".join(key_config_digests(self.keyring.encoded_key_configs()))
            self._pins = (state, now, pins)
        return pins

    def reload(self) -> None:
        """Pick up a rotated keyring or a changed device list (``keys rotate``, enrolment)."""
        if self.keys_file.changed() and self.keys_file.path is not None:
            try:
                self.keyring = ServerKeyring.load(self.keys_file.path)
                log.info("reloaded keyring: %d key(s)", len(self.keyring.keys))
            except Exception as exc:  # keep serving the keys we have
                log.error("keyring reload failed (%s); keeping the old keys", type(exc).__name__)
        if self.devices_file.changed() and self.devices_file.path is not None:
            try:
                self.registry = DeviceRegistry.load(
                    self.devices_file.path, open_enrolment=self.open_enrolment
                )
                log.info("reloaded device registry")
            except Exception as exc:
                log.error("device list reload failed (%s)", type(exc).__name__)


OHTTP = web.AppKey("edgekit_gateway_ohttp", OhttpFrontEnd)


def load_keyring(path: Path | None) -> ServerKeyring:
    """The keyring at ``path``; without a path, a fresh in-memory one (demos, tests)."""
    if path is None:
        log.warning("no keys_path: using an ephemeral keyring (clients must refetch keys)")
        return ServerKeyring.generate()
    return ServerKeyring.load(path)


def load_registry(path: Path | None, open_enrolment: bool) -> DeviceRegistry:
    if path is None:
        if not open_enrolment:
            log.warning("no enrolled devices and open enrolment off: /ohttp refuses everyone")
        return DeviceRegistry(open_enrolment=open_enrolment)
    return DeviceRegistry.load(path, open_enrolment=open_enrolment)


def add_ohttp_routes(
    app: web.Application,
    *,
    keyring: ServerKeyring | None = None,
    registry: DeviceRegistry | None = None,
) -> None:
    """Add the OHTTP routes and their lifecycle to ``app``."""

    async def ohttp_ctx(app: web.Application) -> AsyncIterator[None]:
        state = app[STATE]
        config = state.config
        guard = ReplayFence(
            _seen_store(config, state.extras.get("redis")),
            window_s=config.auth.replay_window_s,
            future_skew_s=config.auth.max_future_skew_s,
        )
        front = OhttpFrontEnd(
            keyring=keyring or load_keyring(config.keys_path),
            registry=registry
            or load_registry(config.auth.devices_path, config.auth.open_enrolment),
            guard=guard,
            open_enrolment=config.auth.open_enrolment,
            keys_file=_Watched(None if keyring else config.keys_path),
            devices_file=_Watched(None if registry else config.auth.devices_path),
        )
        front.keys_file.changed()
        front.devices_file.changed()
        app[OHTTP] = front
        watcher = asyncio.create_task(_watch(front, config.reload_interval_s))
        try:
            yield
        finally:
            watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await watcher

    app.cleanup_ctx.append(ohttp_ctx)
    app.router.add_get("/ohttp-keys", ohttp_keys)
    app.router.add_post("/ohttp", ohttp_request)


def _seen_store(config: GatewayConfig, redis_client: Any) -> SeenStore:
    """Redis when configured (shared, persistent); else this process's memory.

    In memory, a keyring from a file outlives the process, so requests signed
    before this start are fenced off; an ephemeral keyring has decrypted nothing
    before this process, so there is nothing to fence.
    """
    if redis_client is not None:
        return RedisSeenStore(redis_client, prefix=config.redis_prefix + "seen:")
    epoch = time.time() if config.keys_path is not None else 0.0
    return MemorySeenStore(config.auth.replay_cache_entries, epoch=epoch)


async def _watch(front: OhttpFrontEnd, interval_s: float) -> None:
    while True:
        await asyncio.sleep(interval_s)
        await asyncio.to_thread(front.reload)


async def ohttp_keys(request: web.Request) -> web.Response:
    """The live key configurations, newest first (several during a rotation)."""
    front = request.app[OHTTP]
    max_age = request.app[STATE].config.keys_max_age_s
    return web.Response(
        body=front.keyring.encoded_key_configs(),
        headers={"Content-Type": KEYS_MEDIA_TYPE, "Cache-Control": f"public, max-age={max_age}"},
    )


async def ohttp_request(request: web.Request) -> web.StreamResponse:
    """Decapsulate, then answer inside the encryption whatever happens."""
    state = request.app[STATE]
    front = request.app[OHTTP]
    media = request.content_type
    if media not in (REQUEST_MEDIA_TYPE, CHUNKED_REQUEST_MEDIA_TYPE):
        raise UnsupportedMediaType(f"expected {REQUEST_MEDIA_TYPE}")
    limits = state.config.limits
    body = await read_body(
        request, max_bytes=limits.max_body_bytes, timeout_s=limits.body_read_timeout_s
    )
    try:
        plain, sctx = front.keyring.decapsulate_request(
            body, chunked=media == CHUNKED_REQUEST_MEDIA_TYPE, max_size=limits.max_body_bytes
        )
    except (ProtocolError, ValueError):
        state.metrics.decrypt_failures.inc()
        raise DecryptFailed() from None
    return await _answer_sealed(request, plain, sctx)


async def _answer_sealed(
    request: web.Request, plain: bytes, sctx: ServerResponseContext
) -> web.StreamResponse:
    """The sealing boundary: from here on every answer, success or any failure, is sealed.

    Nothing raised by authentication, replay checks, rate limits, parsing or
    a backend reaches aiohttp's plaintext error path: it becomes an opaque
    problem inside the encrypted response (RFC 9458 §5.2).
    """
    stats = request[STATS]
    stats.client = "unauthenticated"
    try:
        inner = await _authenticate(request, request.app[OHTTP], plain, sctx.enc, stats)
        response = await request.app[STATE].router.dispatch(inner)
    except Exception as exc:
        response = InnerResponse.problem(as_problem(exc))
        stats.inner_status = response.status
    # Inside the encryption: the pins of every live key, so devices follow a rotation.
    response.headers[KEY_PINS_HEADER] = request.app[OHTTP].key_pins()
    padder = request.app[STATE].padder
    if response.stream is not None:
        framer = bhttp.ResponseStreamEncoder()
        try:
            head = framer.head(response.status, _bhttp_headers(response.headers))
        except Exception as exc:  # a header the encoder refuses: answer the problem whole
            await response.stream.aclose()
            response = InnerResponse.problem(as_problem(exc))
            stats.inner_status = response.status
        else:
            sealer = sctx.chunked_response_encoder()
            return await _stream_sealed(request, response, sealer, framer, head)
    return web.Response(body=_seal_whole(sctx, response, padder), headers=_SEALED_HEADERS)


_SEALED_HEADERS = {"Content-Type": RESPONSE_MEDIA_TYPE, "Cache-Control": "no-store"}


def _seal_whole(sctx: ServerResponseContext, response: InnerResponse, padder: Padder) -> bytes:
    """A whole answer, Binary HTTP padded to a size bucket, sealed."""
    try:
        encoded = bhttp.encode_response(_bhttp_response(response))
    except Exception as exc:  # a header the encoder refuses: still answer sealed
        encoded = bhttp.encode_response(_bhttp_response(InnerResponse.problem(as_problem(exc))))
    return sctx.encapsulate_response(encoded + bytes(padder.padding(len(encoded))))


async def _authenticate(
    request: web.Request, front: OhttpFrontEnd, plain: bytes, enc: bytes, stats: RequestStats
) -> InnerRequest:
    """Decode the inner request, check signature and replay; problems are answered sealed."""
    state = request.app[STATE]
    try:
        inner = bhttp.decode_request(plain)
    except ProtocolError:
        raise BadRequest("malformed inner request") from None
    window = state.config.auth.replay_window_s
    try:
        key_id = verify_request(front.registry, inner, enc, max_skew_s=window)
        stats.client = key_id
        await front.guard.check(enc, signed_timestamp(inner), time.time())
    except AuthenticationError as exc:
        state.metrics.auth_failures.inc()
        raise AuthFailed(str(exc)) from None
    except ReplayError as exc:
        state.metrics.replay_rejections.inc()
        retry = exc.retry_after if isinstance(exc, SignAgain) else None
        raise Replayed(str(exc), retry_after=retry) from None
    headers = [(n, v) for n, v in inner.headers if n not in _DEVICE_HEADERS]
    return InnerRequest.build(
        method=inner.method,
        path=inner.path,
        headers=headers,
        body=inner.content,
        transport="ohttp",
        client=key_id,
        stats=stats,
    )


def _bhttp_headers(headers: dict[str, str]) -> list[tuple[str, str]]:
    return [(name.lower(), value) for name, value in headers.items()]


def _bhttp_response(response: InnerResponse) -> bhttp.Response:
    return bhttp.Response(
        status=response.status,
        headers=_bhttp_headers(response.headers),
        content=response.body,
    )


async def _stream_sealed(
    request: web.Request,
    response: InnerResponse,
    sealer: ChunkedResponseEncoder,
    framer: bhttp.ResponseStreamEncoder,
    head: bytes,
) -> web.StreamResponse:
    """Write an inner stream as chunked OHTTP: nonce, head, then one sealed chunk per piece.

    The final chunk ends the Binary HTTP message, padded to a size bucket; if
    the stream failed (or a piece cannot be framed), it also carries the
    problem (an SSE ``error`` event and an ``edgekit-problem`` trailer), so a
    failure mid-answer is sealed too.
    """
    assert response.stream is not None
    stats = request[STATS]
    outer = web.StreamResponse(
        status=200,
        headers={"Content-Type": CHUNKED_RESPONSE_MEDIA_TYPE, "Cache-Control": "no-store"},
    )
    pieces = pieces_or_problem(response.stream)
    try:
        await outer.prepare(request)
        await outer.write(sealer.start())
        await outer.write(sealer.seal(head))
        problem = None
        async for piece in pieces:
            if isinstance(piece, Problem):
                problem = piece
                break
            try:
                framed = framer.chunk(piece)
            except Exception as exc:  # e.g. the answer outgrew the Binary HTTP limits
                problem = as_problem(exc)
                break
            if framed:
                await outer.write(sealer.seal(framed))
        final = _final_chunk(framer, problem, response.headers.get("Content-Type", ""), stats)
        padding = request.app[STATE].padder.padding(len(final))
        await outer.write(sealer.seal(final + bytes(padding), final=True))
        await outer.write_eof()
    except ConnectionError:
        stats.inner_status = CLIENT_CLOSED
    finally:
        await pieces.aclose()  # type: ignore[attr-defined]
        await response.stream.aclose()
    return outer


def _final_chunk(
    framer: bhttp.ResponseStreamEncoder,
    problem: Problem | None,
    content_type: str,
    stats: RequestStats,
) -> bytes:
    """The end of the Binary HTTP message; with the problem when the stream failed."""
    if problem is None:
        return framer.end()
    stats.inner_status = problem.status
    try:
        tail = framer.chunk(problem_event(problem, content_type))
    except bhttp.BhttpError:  # the answer outgrew the limits: the trailer still says why
        tail = b""
    return tail + framer.end([("edgekit-problem", problem.type_uri)])


__all__ = ["OHTTP", "OhttpFrontEnd", "add_ohttp_routes", "load_keyring", "load_registry"]
