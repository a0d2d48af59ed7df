"""A private event loop in a daemon thread: how sync code drives the async client.

EdgeKit has one implementation of every request path, the async one (the
cloud transport is aiohttp; the engine runs llama.cpp in worker threads
either way). :class:`EdgeClient` and the chat app run it on a
:class:`LoopThread` rather than keeping a second, synchronous copy of every
strategy (httpx's shared-base design needs a sync transport and a sync
twin of each code path; here that twin would be the whole router).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from edgekit.errors import RoutingError

T = TypeVar("T")


class LoopThread:
    """An event loop running in its own thread until :meth:`close`."""

    def __init__(self, name: str = "edgekit-loop") -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, name=name, daemon=True)
        self._thread.start()
        self._closed = False

    @property
    def closed(self) -> bool:
        """True once :meth:`close` ran."""
        return self._closed

    def submit(self, coro: Coroutine[Any, Any, T]) -> concurrent.futures.Future[T]:
        """Schedule ``coro`` on the loop; the future resolves in the caller's thread."""
        if self._closed:
            coro.close()
            raise RoutingError("the client is closed")
        return asyncio.run_coroutine_threadsafe(coro, self.loop)

    def run(
        self,
        coro: Coroutine[Any, Any, T],
        *,
        on_wait: Callable[[], None] | None = None,
        poll_s: float = 0.1,
    ) -> T:
        """Run ``coro`` on the loop and wait for it (calling ``on_wait`` every ``poll_s``).

        Ctrl-C while waiting cancels the coroutine and re-raises.
        """
        future = self.submit(coro)
        try:
            # Wait first, then take the result: a TimeoutError the coroutine raised
            # (ChatTimeout is one) must reach the caller, not read as "still waiting".
            while not concurrent.futures.wait([future], timeout=poll_s).done:
                if on_wait is not None:
                    on_wait()
        except KeyboardInterrupt:
            future.cancel()
            raise
        return future.result()

    def close(self) -> None:
        """Stop the loop and join its thread (idempotent)."""
        if self._closed:
            return
        self._closed = True
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(timeout=10)
        if not self._thread.is_alive():
            self.loop.close()
