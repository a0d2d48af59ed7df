"""The inner exchange both channels produce: a status, headers, a chunk stream."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass

from edgekit.transport.errors import CloudTimeoutPhase, ResponseFormatError


@dataclass(kw_only=True)
class InnerResult:
    """The inner API's answer: status, lower-case headers, body chunks (decrypted)."""

    status: int
    headers: dict[str, str]
    chunks: AsyncIterator[bytes]


async def timed_chunks(
    chunks: AsyncIterator[bytes],
    *,
    idle_s: float,
    deadline: float,
    on_close: Callable[[], Awaitable[None]] | None = None,
) -> AsyncIterator[bytes]:
    """Re-yield ``chunks`` enforcing an idle gap and an absolute ``deadline`` (loop time).

    The deadlines are applied to each wait on its own, never across a
    ``yield``, so a slow consumer is not cancelled by them. ``on_close`` runs
    when the stream ends, fails or is closed early (it releases the connection).
    """
    loop = asyncio.get_running_loop()
    iterator = aiter(chunks)
    try:
        async for chunk in _deadlined(iterator, loop, idle_s, deadline):
            yield chunk
    finally:
        closer = getattr(iterator, "aclose", None)
        if closer is not None:
            await closer()
        if on_close is not None:
            await on_close()


async def _deadlined(
    iterator: AsyncIterator[bytes],
    loop: asyncio.AbstractEventLoop,
    idle_s: float,
    deadline: float,
) -> AsyncIterator[bytes]:
    while True:
        remaining = deadline - loop.time()
        if remaining <= 0:
            raise CloudTimeoutPhase("the answer exceeded the total deadline", phase="total")
        wait = min(idle_s, remaining)
        try:
            async with asyncio.timeout(wait):
                chunk = await anext(iterator)
        except StopAsyncIteration:
            return
        except TimeoutError:
            phase = "idle" if idle_s < remaining else "total"
            raise CloudTimeoutPhase(f"the answer stalled ({phase} timeout)", phase=phase) from None
        yield chunk


async def read_all(chunks: AsyncIterator[bytes], limit: int) -> bytes:
    """Concatenate ``chunks``; more than ``limit`` bytes is a format error."""
    buf = bytearray()
    async for chunk in chunks:
        buf += chunk
        if len(buf) > limit:
            raise ResponseFormatError("answer exceeds the size limit")
    return bytes(buf)
