"""Plaintext HTTP helpers: bounded body reading and writing inner responses."""

from __future__ import annotations

import asyncio

from aiohttp import web

from cloud_gateway.inner import InnerResponse, RequestStats, pieces_or_problem, problem_event
from cloud_gateway.problems import BadRequest, PayloadTooLarge, Problem, RequestTimeout

CLIENT_CLOSED = 499  # nginx's "client closed request", for logs and metrics only


async def read_body(request: web.Request, *, max_bytes: int, timeout_s: float) -> bytes:
    """Read the whole body, at most ``max_bytes``, within ``timeout_s`` (slow clients)."""
    declared = request.content_length
    if declared is not None and declared > max_bytes:
        raise PayloadTooLarge(f"body larger than {max_bytes} bytes")
    if declared is not None and request.content.is_eof():  # all here: no wait, no timer
        body = await request.content.read()
        if len(body) > max_bytes:
            raise PayloadTooLarge(f"body larger than {max_bytes} bytes")
        return body
    chunks: list[bytes] = []
    size = 0
    try:
        async with asyncio.timeout(timeout_s):
            while chunk := await request.content.read(64 * 1024):
                size += len(chunk)
                if size > max_bytes:
                    raise PayloadTooLarge(f"body larger than {max_bytes} bytes")
                chunks.append(chunk)
    except TimeoutError:
        raise RequestTimeout(f"body not received within {timeout_s:g} s") from None
    except ValueError as exc:  # malformed chunked encoding and the like
        raise BadRequest("unreadable request body") from exc
    return b"".join(chunks)


async def write_inner(
    request: web.Request, inner: InnerResponse, stats: RequestStats
) -> web.StreamResponse:
    """Send an inner response over plaintext HTTP, streaming when it streams."""
    if inner.stream is None:
        return web.Response(status=inner.status, headers=inner.headers, body=inner.body)
    response = web.StreamResponse(status=inner.status, headers=inner.headers)
    try:
        await response.prepare(request)
        async for piece in pieces_or_problem(inner.stream):
            if isinstance(piece, Problem):  # failed mid-answer: say so in the stream's terms
                stats.inner_status = piece.status
                piece = problem_event(piece, inner.headers.get("Content-Type", ""))
            await response.write(piece)
        await response.write_eof()
    except ConnectionError:
        stats.inner_status = CLIENT_CLOSED
    finally:
        await inner.stream.aclose()
    return response
