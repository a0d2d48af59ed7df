"""The aiohttp application of ``edgekit serve``: routes, guards, lifecycle.

``create_app(settings)`` builds it; the model, cloud client and clients open
and close in ``cleanup_ctx``; state lives under typed ``web.AppKey``s.
Routes: ``POST /v1/chat/completions`` (JSON or SSE), ``GET /v1/models``,
``/healthz``, ``/readyz``, ``/metrics``. Every error is an OpenAI error
object. The log gets one line per request: method, path, status, route,
duration and a hash of the app name; never anything the request contained.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from edgekit._logging import fingerprint, get_logger
from edgekit.client import ChatStream
from edgekit.errors import (
    ConfigError,
    ContextOverflow,
    EdgeKitError,
    EngineClosed,
    PrivacyBlocked,
    RoutingError,
)
from edgekit.local.batched import BatchedEngine
from edgekit.local.engine import Engine
from edgekit.serve.admission import Admission, QueueFull
from edgekit.serve.config import Settings
from edgekit.serve.metrics import ServeMetrics
from edgekit.serve.protocol import (
    ApiError,
    ChatRequest,
    chunk_body,
    completion_body,
    decision_extension,
    decision_headers,
    models_body,
    parse_chat_request,
    usage_body,
    usage_chunk_body,
)
from edgekit.serve.service import ChatService
from edgekit.structured.errors import SchemaError

log = get_logger("edgekit.serve")
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

SETTINGS = web.AppKey("settings", Settings)
SERVICE = web.AppKey("service", ChatService)
ADMISSION = web.AppKey("admission", Admission)
METRICS = web.AppKey("metrics", ServeMetrics)
TOKEN = web.AppKey("token", str)
_OPEN_PATHS = frozenset(("/healthz", "/readyz"))
_SSE_HEADERS = {
    "Content-Type": "text/event-stream",
    "Cache-Control": "no-cache",
    "X-Accel-Buffering": "no",
}


def create_app(settings: Settings, *, engine: Engine | None = None) -> web.Application:
    """The server application; ``engine`` (shared, not closed) replaces building one."""
    serve = settings.serve
    app = web.Application(middlewares=[_guard], client_max_size=serve.max_body_bytes)
    app[SETTINGS] = settings
    app[SERVICE] = ChatService(settings, engine=engine)
    app[ADMISSION] = Admission(
        parallel=serve.parallel,
        max_queue=serve.max_queue,
        max_queue_per_app=serve.max_queue_per_app,
    )
    app[METRICS] = ServeMetrics()
    app[TOKEN] = serve.bearer_token() or ""
    app.cleanup_ctx.append(_service_ctx)
    app.on_response_prepare.append(_cors_headers)
    app.router.add_post("/v1/chat/completions", chat_completions)
    app.router.add_get("/v1/models", models)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    app.router.add_get("/metrics", metrics)
    return app


async def _service_ctx(app: web.Application) -> AsyncIterator[None]:
    service = app[SERVICE]
    await service.start()
    try:
        yield
    finally:
        await service.aclose()


# --- guards ------------------------------------------------------------------------


@web.middleware
async def _guard(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Host/origin/token checks, OpenAI error objects for every failure, one log line."""
    start = time.perf_counter()
    status = 500
    try:
        _check_origin(request)
        if request.method == "OPTIONS" and "Origin" in request.headers:
            return web.Response(status=204)  # a CORS preflight of an allowed origin
        _check_caller(request)
        response = await handler(request)
        status = response.status
        return response
    except ApiError as exc:
        status = exc.status
        return _error_response(exc)
    except web.HTTPException as exc:
        status = exc.status
        return _error_response(_http_error(exc))
    except Exception as exc:
        log.error("internal error %s on %s", type(exc).__name__, request.path)
        return _error_response(ApiError(500, "internal server error", type="server_error"))
    finally:
        route = request.get("edgekit_route", "-")
        log.info(
            "%s %s %d route=%s app=%s %.1fms",
            request.method,
            request.path,
            status,
            route,
            request.get("edgekit_app", "-"),
            (time.perf_counter() - start) * 1000,
        )


def _check_origin(request: web.Request) -> None:
    origin = request.headers.get("Origin")
    if origin is not None and origin not in request.app[SETTINGS].serve.allowed_origins:
        raise ApiError(
            403,
            "browser origin not allowed (see allowed_origins)",
            type="permission_error",
            code="origin_not_allowed",
        )


def _check_caller(request: web.Request) -> None:
    settings = request.app[SETTINGS].serve
    token = request.app[TOKEN]
    if not token and settings.unix_socket is None and not _host_is_loopback(request.host):
        # DNS rebinding: a web page must not reach a token-less loopback server by name.
        raise ApiError(
            403,
            "Host header must name this machine",
            type="permission_error",
            code="host_not_allowed",
        )
    if token and request.path not in _OPEN_PATHS:
        given = request.headers.get("Authorization", "")
        scheme, _, value = given.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(
            value.strip().encode(), token.encode()
        ):
            raise ApiError(
                401,
                "missing or invalid bearer token",
                type="authentication_error",
                code="invalid_api_key",
                headers={"WWW-Authenticate": "Bearer"},
            )


async def _cors_headers(request: web.Request, response: web.StreamResponse) -> None:
    """Let an allowed browser origin read the answer (and pass its preflight)."""
    origin = request.headers.get("Origin")
    if origin is None or origin not in request.app[SETTINGS].serve.allowed_origins:
        return
    response.headers["Access-Control-Allow-Origin"] = origin
    response.headers["Vary"] = "Origin"
    response.headers["Access-Control-Expose-Headers"] = (
        "X-EdgeKit-Route, X-EdgeKit-Strategy, "
        "X-EdgeKit-Score, X-EdgeKit-Threshold, X-EdgeKit-Masked, X-EdgeKit-Fallback, "
        "X-EdgeKit-Decision-Id, X-Request-Id"
    )
    if request.method == "OPTIONS":
        response.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
        response.headers["Access-Control-Allow-Headers"] = (
            "Authorization, Content-Type, X-EdgeKit-App"
        )
        response.headers["Access-Control-Max-Age"] = "600"


def _host_is_loopback(host: str) -> bool:
    name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
    return name.strip("[]").lower() in ("127.0.0.1", "localhost", "::1") or name.startswith("127.")


def _http_error(exc: web.HTTPException) -> ApiError:
    if exc.status == 413:
        return ApiError(413, "request body too large", code="request_too_large")
    if exc.status == 404:
        return ApiError(404, "no such endpoint", code="not_found")
    if exc.status == 405:
        return ApiError(405, "method not allowed", code="method_not_allowed")
    return ApiError(exc.status, exc.reason or "request failed")


def _error_response(exc: ApiError) -> web.Response:
    return web.json_response(exc.body(), status=exc.status, headers=exc.headers)


# --- simple routes -------------------------------------------------------------------


async def models(request: web.Request) -> web.Response:
    """``GET /v1/models``."""
    name = request.app[SETTINGS].serve.model_name
    return web.json_response(models_body(name, int(time.time())))


async def healthz(request: web.Request) -> web.Response:
    """Alive."""
    return web.json_response({"status": "ok"})


async def readyz(request: web.Request) -> web.Response:
    """Ready to answer: the model is loaded; says whether a gateway is configured."""
    service = request.app[SERVICE]
    engine = service.engine
    if engine is None or engine.closed:
        return web.json_response({"status": "starting"}, status=503)
    cloud = service.cloud
    return web.json_response(
        {
            "status": "ready",
            "model": engine.info.name,
            "gateway": "none" if cloud is None else cloud.circuit.value,
            "running": request.app[ADMISSION].running,
            "waiting": request.app[ADMISSION].waiting,
            "batch_threads": _batch_threads(engine),
        }
    )


def _batch_threads(engine: Engine) -> dict[str, int]:
    """Threads the batch engine chose per batch size so far (``"<=4": 2``); {} if none."""
    if not isinstance(engine, BatchedEngine):
        return {}
    choices = engine.thread_choices
    return {f"<={2**size - 1}": threads for size, threads in sorted(choices.items())}


async def metrics(request: web.Request) -> web.Response:
    """Prometheus metrics."""
    m = request.app[METRICS]
    adm = request.app[ADMISSION]
    m.running.set(adm.running)
    m.waiting.set(adm.waiting)
    return web.Response(body=m.render(), content_type="text/plain", charset="utf-8")


# --- chat ----------------------------------------------------------------------------


@dataclass
class _Answer:
    """What one request produced, for the response and the metrics."""

    request_id: str
    created: int
    first_piece_at: float | None = None


async def chat_completions(request: web.Request) -> web.StreamResponse:
    """``POST /v1/chat/completions``: admitted fairly, answered by the client."""
    app = request.app
    settings = app[SETTINGS]
    req = parse_chat_request(
        await request.read(),
        model_name=settings.serve.model_name,
        max_tokens_limit=settings.serve.max_tokens_limit,
        default_max_tokens=settings.client.max_tokens,
        app_header=request.headers.get("X-EdgeKit-App"),
    )
    request["edgekit_app"] = fingerprint(req.app, 8)
    try:
        async with app[ADMISSION].slot(req.app):
            stream = _open(app[SERVICE], req)
            if req.stream:
                return await _stream_response(request, req, stream)
            return await _json_response(request, req, stream)
    except asyncio.CancelledError:  # the client went away; its generation was stopped
        app[METRICS].cancelled.inc()
        raise
    except QueueFull as exc:
        app[METRICS].rejected.labels("queue_full").inc()
        raise ApiError(
            429,
            str(exc),
            type="rate_limit_error",
            code="queue_full",
            headers={"Retry-After": str(int(exc.retry_after))},
        ) from None


def _open(service: ChatService, req: ChatRequest) -> ChatStream:
    try:
        return service.open_stream(req)
    except (ConfigError, RoutingError, SchemaError) as exc:
        raise _sdk_error(exc) from None


async def _json_response(
    request: web.Request, req: ChatRequest, stream: ChatStream
) -> web.Response:
    answer = _Answer(_request_id(), int(time.time()))
    t0 = time.perf_counter()
    try:
        async for _ in _pieces(request, stream, answer, t0):
            pass
    finally:
        await stream.aclose()
    decision = stream.decision
    request["edgekit_route"] = decision.route
    service = request.app[SERVICE]
    usage, finish = _usage(service, req, stream)
    result = stream.result()
    message = (
        result.structured.message()
        if result.structured is not None
        else {"role": "assistant", "content": result.text}
    )
    body = completion_body(
        request_id=answer.request_id,
        created=answer.created,
        model=req.model,
        message=message,
        finish_reason=finish,
        usage=usage,
        decision=decision,
    )
    _count(request, decision.route, 200, usage, t0)
    return web.json_response(body, headers=decision_headers(decision), dumps=_dumps)


async def _stream_response(
    request: web.Request, req: ChatRequest, stream: ChatStream
) -> web.StreamResponse:
    """SSE: nothing is sent before the first piece, so an early failure keeps its status."""
    answer = _Answer(_request_id(), int(time.time()))
    t0 = time.perf_counter()
    pieces = _pieces(request, stream, answer, t0)
    try:
        first = await anext(pieces, None)
    except BaseException:
        await stream.aclose()
        raise
    strategy = req.strategy or request.app[SETTINGS].client.strategy
    response = web.StreamResponse(
        headers={**_SSE_HEADERS, "X-EdgeKit-Strategy": strategy, "X-Request-Id": answer.request_id}
    )
    common: dict[str, Any] = {
        "request_id": answer.request_id,
        "created": answer.created,
        "model": req.model,
    }
    try:
        await response.prepare(request)
        await _send(response, chunk_body(**common, delta={"role": "assistant", "content": ""}))
        if first is not None:
            await _send(response, chunk_body(**common, delta=first))
            async for delta in pieces:
                await _send(response, chunk_body(**common, delta=delta))
        decision = stream.decision
    except ConnectionResetError:  # the client went away: its generation is stopped
        request.app[METRICS].cancelled.inc()
        return response
    except Exception as exc:  # headers are sent: the error travels as an SSE event
        await _stream_error(request, response, exc)
        return response
    finally:
        await stream.aclose()
    request["edgekit_route"] = decision.route
    usage, finish = _usage(request.app[SERVICE], req, stream)
    await _send(
        response,
        chunk_body(
            **common,
            delta={},
            finish_reason=finish,
            extra={"edgekit": decision_extension(decision)},
        ),
    )
    if req.include_usage:
        await _send(response, usage_chunk_body(**common, usage=usage))
    await response.write(b"data: [DONE]\n\n")
    await response.write_eof()
    _count(request, decision.route, 200, usage, t0)
    return response


async def _stream_error(request: web.Request, response: web.StreamResponse, exc: Exception) -> None:
    if not isinstance(exc, ApiError):
        log.error("stream failed: %s", type(exc).__name__)
        exc = ApiError(500, "internal server error", type="server_error")
    request["edgekit_route"] = "error"
    await _send(response, exc.body())
    await response.write_eof()


async def _pieces(
    request: web.Request, stream: ChatStream, answer: _Answer, t0: float
) -> AsyncIterator[dict[str, Any]]:
    """The answer as OpenAI deltas (text or tool-call pieces); SDK errors become ApiErrors."""
    try:
        async for piece in stream.iter_pieces():
            call = getattr(piece, "tool_call", None)  # a StructuredPiece of a tools call
            if call is not None:
                delta: dict[str, Any] = {"tool_calls": [call.as_openai()]}
            elif piece.text:
                delta = {"content": piece.text}
            else:
                continue
            if answer.first_piece_at is None:
                answer.first_piece_at = time.perf_counter()
                request.app[METRICS].ttft.observe(answer.first_piece_at - t0)
            yield delta
    except EdgeKitError as exc:
        raise _sdk_error(exc) from None


def _sdk_error(exc: EdgeKitError) -> ApiError:
    if isinstance(exc, SchemaError):
        return ApiError(400, str(exc), code="invalid_schema", param=exc.where or None)
    if isinstance(exc, PrivacyBlocked):
        return ApiError(403, str(exc), type="permission_error", code="privacy_blocked")
    if isinstance(exc, ContextOverflow):
        return ApiError(400, str(exc), code="context_length_exceeded", param="messages")
    if isinstance(exc, ConfigError | RoutingError):
        return ApiError(400, str(exc), code="invalid_request")
    if isinstance(exc, EngineClosed):
        return ApiError(503, "the server is shutting down", type="server_error")
    log.error("request failed: %s", type(exc).__name__)
    return ApiError(500, f"the request failed ({type(exc).__name__})", type="server_error")


def _usage(
    service: ChatService, req: ChatRequest, stream: ChatStream
) -> tuple[dict[str, int], str]:
    decision = stream.decision
    if decision.cloud_chars == 0 and decision.local_tokens:
        completion = decision.local_tokens
    else:
        completion = service.count_tokens(stream.text)
    finish = stream.result().finish_reason or ("length" if completion >= req.max_tokens else "stop")
    return usage_body(service.prompt_tokens(req), completion), finish


def _count(request: web.Request, route: str, status: int, usage: dict[str, int], t0: float) -> None:
    m = request.app[METRICS]
    m.requests.labels(route, str(status)).inc()
    m.tokens.labels("prompt").inc(usage["prompt_tokens"])
    m.tokens.labels("completion").inc(usage["completion_tokens"])
    m.duration.observe(time.perf_counter() - t0)


async def _send(response: web.StreamResponse, obj: dict[str, Any]) -> None:
    await response.write(b"data: " + _dumps(obj).encode() + b"\n\n")


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def _request_id() -> str:
    return "chatcmpl-" + uuid.uuid4().hex[:24]
