"""The aiohttp application: routes, middleware, state and lifecycle.

``create_app(config, backend=None)`` builds everything from the config; pass
a backend to inject one (tests, the embedded demo). Resources (model, Redis
connection, upstream session) open and close in ``cleanup_ctx``.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable

from aiohttp import web

from cloud_gateway.api import ChatService
from cloud_gateway.backends import Backend, make_backend
from cloud_gateway.config import GatewayConfig
from cloud_gateway.http import CLIENT_CLOSED, read_body, write_inner
from cloud_gateway.inner import InnerRequest, RequestStats
from cloud_gateway.kvstate import add_state_routes
from cloud_gateway.learn.collect import learn_ctx
from cloud_gateway.limits import GenerationGate, MemoryRateLimiter
from cloud_gateway.logs import get_logger
from cloud_gateway.metrics import GatewayMetrics
from cloud_gateway.ohttp import add_ohttp_routes
from cloud_gateway.padding import Padder
from cloud_gateway.problems import (
    MethodNotAllowed,
    NotFound,
    PayloadTooLarge,
    Problem,
    Unavailable,
)
from cloud_gateway.state import STATE, STATS, GatewayState
from edgekit.secure.identity import DeviceRegistry
from edgekit.secure.ohttp import ServerKeyring

log = get_logger("edgekit.gateway")
access_log = get_logger("edgekit.gateway.access")


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def create_app(
    config: GatewayConfig,
    backend: Backend | None = None,
    *,
    keyring: ServerKeyring | None = None,
    registry: DeviceRegistry | None = None,
) -> web.Application:
    """Build the gateway application for ``config``.

    ``backend``, ``keyring`` and ``registry`` override what the config names
    (tests, the embedded demo gateway).
    """
    metrics = GatewayMetrics()
    state = GatewayState(
        config=config,
        backend=backend if backend is not None else make_backend(config),
        metrics=metrics,
        limiter=MemoryRateLimiter(
            rate_per_s=config.limits.rate_per_s, burst=config.limits.rate_burst
        ),
        padder=Padder(config.response_pad_buckets),
    )
    app = web.Application(
        middlewares=[_observe],
        client_max_size=config.limits.max_body_bytes,
        handler_args={"max_field_size": 8190, "max_line_size": 8190},
    )
    app[STATE] = state
    app.cleanup_ctx.append(_backend_ctx)
    app.cleanup_ctx.append(_shared_state_ctx)
    app.cleanup_ctx.append(learn_ctx)  # after the router exists: wraps chat, adds adapters
    app.router.add_get("/healthz", healthz)  # constant: devices probe it; tells nothing
    add_ohttp_routes(app, keyring=keyring, registry=registry)
    if config.plaintext_api:
        for path in ("/v1/chat/completions", "/v1/models"):
            app.router.add_route("*", path, plaintext_inner)
    add_state_routes(app, plaintext_inner if config.plaintext_api else None)
    return app


def create_admin_app(app: web.Application) -> web.Application:
    """The operator's listener for ``app``: ``/metrics``, ``/readyz``, ``/healthz``.

    Metrics count inner statuses per route — what RFC 9458 keeps from the
    relay — so they are never served on the public port; bind this one to a
    private address (``admin_host``/``admin_port``).
    """
    admin = web.Application()
    admin[STATE] = app[STATE]
    admin.router.add_get("/healthz", healthz)
    admin.router.add_get("/readyz", readyz)
    admin.router.add_get("/metrics", metrics_handler)
    return admin


async def _backend_ctx(app: web.Application) -> AsyncIterator[None]:
    state = app[STATE]
    await state.backend.start()
    limits = state.config.limits
    state.gate = GenerationGate(
        max_concurrent=min(limits.max_concurrent, state.backend.max_parallel),
        max_queue=limits.max_queue,
        max_per_device=limits.max_per_device,
        queue_timeout_s=limits.queue_timeout_s,
        retry_after_s=limits.retry_after_s,
        metrics=state.metrics,
    )
    try:
        yield
    finally:
        await state.backend.aclose()


async def _shared_state_ctx(app: web.Application) -> AsyncIterator[None]:
    """Redis-backed replay cache and rate limits when ``redis_url`` is set."""
    state = app[STATE]
    client = None
    if state.config.redis_url:
        from cloud_gateway.shared import RedisRateLimiter, connect_redis

        client = await connect_redis(state.config.redis_url)
        state.limiter = RedisRateLimiter(
            client,
            prefix=state.config.redis_prefix + "rate:",
            rate_per_s=state.config.limits.rate_per_s,
            burst=state.config.limits.rate_burst,
        )
        state.extras["redis"] = client
    assert state.gate is not None
    state.service = ChatService(
        config=state.config,
        backend=state.backend,
        gate=state.gate,
        limiter=state.limiter,
        metrics=state.metrics,
    )
    state.router = state.service.router()
    try:
        yield
    finally:
        if client is not None:
            await client.aclose()


def _route_label(request: web.Request) -> str:
    info = request.match_info
    route = getattr(info, "route", None)
    resource = getattr(route, "resource", None)
    return resource.canonical if resource is not None else "unknown"


@web.middleware
async def _observe(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Problems → problem+json, metrics, and one structured access-log line."""
    stats = RequestStats(client="ip:" + (request.remote or "-"))
    request[STATS] = stats
    started = time.monotonic()
    status = CLIENT_CLOSED  # unless a response says otherwise (client gone: cancelled)
    try:
        response = await _answer(request, handler)
        status = response.status
        return response
    finally:
        _record(request, stats, status, time.monotonic() - started)


async def _answer(request: web.Request, handler: Handler) -> web.StreamResponse:
    try:
        return await handler(request)
    except Problem as problem:
        return problem_response(problem)
    except web.HTTPRequestEntityTooLarge:
        return problem_response(PayloadTooLarge())
    except web.HTTPMethodNotAllowed as exc:
        return problem_response(MethodNotAllowed(headers={"Allow": exc.headers["Allow"]}))
    except web.HTTPNotFound:
        return problem_response(NotFound())
    except web.HTTPException as exc:
        generic = Problem(exc.reason)
        generic.status, generic.title = exc.status, exc.reason
        return problem_response(generic)
    except (ConnectionError, asyncio.CancelledError):
        raise
    except Exception as exc:
        log.error("unhandled %s on %s", type(exc).__name__, _route_label(request))
        return problem_response(Problem())


def _record(request: web.Request, stats: RequestStats, status: int, elapsed: float) -> None:
    metrics = request.app[STATE].metrics
    route = _route_label(request)
    transport = "ohttp" if route == "/ohttp" else "plain"
    if transport == "plain" and stats.inner_status:
        status = stats.inner_status  # a stream that lost its client: 499
    metrics.count_request(route, transport, status)
    metrics.observe_latency(route, transport, elapsed)
    if transport == "ohttp" and stats.inner_route != "-":
        metrics.count_request(stats.inner_route, "ohttp", stats.inner_status)
    if not access_log.isEnabledFor(logging.INFO):  # skip building the record's fields
        return
    access_log.info(
        "request",
        extra={
            "device": stats.client,
            "route": route,
            "inner_route": stats.inner_route,
            "status": status,
            "inner_status": stats.inner_status,
            "latency_ms": round(elapsed * 1000, 2),
            "prompt_tokens": stats.prompt_tokens,
            "completion_tokens": stats.completion_tokens,
        },
    )


def problem_response(problem: Problem) -> web.Response:
    return web.Response(
        status=problem.status, headers=problem.response_headers(), body=problem.body()
    )


async def healthz(request: web.Request) -> web.Response:
    """Liveness: the event loop answers."""
    return web.json_response({"status": "ok"})


async def readyz(request: web.Request) -> web.Response:
    """Readiness: model loaded / upstream reachable, keys loaded, not draining."""
    state = request.app[STATE]
    if state.draining:
        return problem_response(Unavailable("shutting down"))
    ok, detail = await state.backend.ready()
    if not ok:
        return problem_response(Unavailable(detail))
    return web.json_response({"status": "ready", "backend": state.backend.name})


async def metrics_handler(request: web.Request) -> web.Response:
    state = request.app[STATE]
    return web.Response(
        body=state.metrics.exposition(), headers={"Content-Type": state.metrics.content_type}
    )


async def plaintext_inner(request: web.Request) -> web.StreamResponse:
    """The inner API over plaintext HTTP (enabled by ``plaintext_api``)."""
    state = request.app[STATE]
    stats: RequestStats = request[STATS]
    body = b""
    if request.method in ("POST", "PUT", "PATCH"):
        body = await read_body(
            request,
            max_bytes=state.config.limits.max_body_bytes,
            timeout_s=state.config.limits.body_read_timeout_s,
        )
    inner = InnerRequest.build(
        method=request.method,
        path=request.path,
        headers=list(request.headers.items()),
        body=body,
        transport="plain",
        client=stats.client,
        stats=stats,
    )
    response = await state.router.dispatch(inner)
    return await write_inner(request, response, stats)
