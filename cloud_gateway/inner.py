"""The inner request/response model shared by the plaintext and OHTTP front ends.

An :class:`InnerRequest` is what a handler sees whatever carried it: an
aiohttp request on the trusted network, or a Binary HTTP request decrypted
from ``POST /ohttp``. Handlers answer an :class:`InnerResponse`, either whole
(``body``) or streamed (``stream``); each front end writes it its own way.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from multidict import CIMultiDict, CIMultiDictProxy

from cloud_gateway.problems import MethodNotAllowed, NotFound, Problem, as_problem


@dataclass
class RequestStats:
    """Filled in by handlers, read by the access log and metrics."""

    client: str = "-"
    prompt_tokens: int = 0
    completion_tokens: int = 0
    inner_route: str = "-"
    inner_status: int = 0


@dataclass
class InnerRequest:
    method: str
    path: str
    headers: CIMultiDictProxy[str]
    body: bytes
    transport: str
    client: str
    stats: RequestStats = field(default_factory=RequestStats)

    @classmethod
    def build(
        cls,
        *,
        method: str,
        path: str,
        headers: Mapping[str, str] | list[tuple[str, str]],
        body: bytes,
        transport: str,
        client: str,
        stats: RequestStats | None = None,
    ) -> InnerRequest:
        items = list(headers.items()) if isinstance(headers, Mapping) else list(headers)
        return cls(
            method=method.upper(),
            path=path.split("?", 1)[0],
            headers=CIMultiDictProxy(CIMultiDict(items)),
            body=body,
            transport=transport,
            client=client,
            stats=stats or RequestStats(client=client),
        )

    @property
    def content_type(self) -> str:
        return self.headers.get("Content-Type", "").split(";", 1)[0].strip().lower()


class ByteStream(Protocol):
    """A streamed body. Front ends must call ``aclose()`` when done, always."""

    def __aiter__(self) -> AsyncIterator[bytes]: ...

    async def __anext__(self) -> bytes: ...

    async def aclose(self) -> None: ...


class ClosingStream:
    """Wraps an async generator; ``aclose`` also runs ``on_close`` exactly once.

    An async generator that was never started skips its ``finally`` blocks on
    ``aclose()``; ``on_close`` is where resources (a queue slot) are freed
    whatever happened.
    """

    def __init__(self, agen: AsyncIterator[bytes], on_close: Callable[[], Awaitable[None]]) -> None:
        self._agen = agen
        self._on_close: Callable[[], Awaitable[None]] | None = on_close

    def __aiter__(self) -> ClosingStream:
        return self

    async def __anext__(self) -> bytes:
        return await anext(self._agen)

    async def aclose(self) -> None:
        try:
            await self._agen.aclose()  # type: ignore[attr-defined]
        finally:
            on_close, self._on_close = self._on_close, None
            if on_close is not None:
                await on_close()


async def pieces_or_problem(stream: ByteStream) -> AsyncIterator[bytes | Problem]:
    """The stream's pieces; if the stream raises anything, one last :class:`Problem`.

    Front ends write a stream through this, so a failure mid-answer (a
    backend bug, a malformed upstream chunk) ends the answer with the problem
    instead of escaping the encryption or the SSE framing.
    """
    try:
        async for piece in stream:
            yield piece
    except Exception as exc:
        yield as_problem(exc)


def problem_event(problem: Problem, content_type: str) -> bytes:
    """The problem as the last piece of a stream: an SSE ``error`` event, or nothing."""
    if content_type.split(";", 1)[0].strip().lower() != "text/event-stream":
        return b""
    return b"data: " + json.dumps({"error": problem.document()}).encode() + b"\n\n"


@dataclass
class InnerResponse:
    status: int
    headers: dict[str, str]
    body: bytes = b""
    stream: ByteStream | None = None

    @classmethod
    def problem(cls, problem: Problem) -> InnerResponse:
        return cls(problem.status, problem.response_headers(), problem.body())


Handler = Callable[[InnerRequest], Awaitable[InnerResponse]]


class InnerRouter:
    """Exact-path routing of the inner API (no patterns needed)."""

    def __init__(self) -> None:
        self._routes: dict[str, dict[str, Handler]] = {}

    def add(self, method: str, path: str, handler: Handler) -> None:
        self._routes.setdefault(path, {})[method.upper()] = handler

    @property
    def paths(self) -> list[str]:
        return sorted(self._routes)

    def methods(self, path: str) -> list[str]:
        return sorted(self._routes.get(path, {}))

    async def dispatch(self, request: InnerRequest) -> InnerResponse:
        """Call the handler; whatever it raises becomes a problem answer (opaque if not a
        :class:`Problem`): nothing a handler does can skip the front end's framing."""
        methods = self._routes.get(request.path)
        request.stats.inner_route = request.path if methods is not None else "unknown"
        try:
            if methods is None:
                raise NotFound()
            handler = methods.get(request.method)
            if handler is None:
                raise MethodNotAllowed(headers={"Allow": ", ".join(sorted(methods))})
            response = await handler(request)
        except Exception as exc:
            response = InnerResponse.problem(as_problem(exc))
        request.stats.inner_status = response.status
        return response
