"""Admission: at most ``parallel`` requests run, a bounded queue waits, fair across apps.

Waiting requests are grouped by app (see :attr:`ChatRequest.app`); when a
place frees up it goes to the next app in round-robin order, first come first
served within an app, so one app sending a burst cannot starve another. A
request that finds the queue (or its app's share of it) full is refused at
once with :class:`QueueFull` (a 429), never parked without bound. A waiter
that goes away (its client disconnected) leaves the queue.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import OrderedDict, deque
from collections.abc import AsyncIterator

from edgekit.errors import QueueFull as QueueFull


class Admission:
    """Fair bounded admission; use ``async with admission.slot(app):``."""

    def __init__(self, *, parallel: int, max_queue: int, max_queue_per_app: int) -> None:
        self.parallel = parallel
        self.max_queue = max_queue
        self.max_queue_per_app = max_queue_per_app
        self.running = 0
        self._queues: OrderedDict[str, deque[asyncio.Future[None]]] = OrderedDict()

    @property
    def waiting(self) -> int:
        """Requests in the queue now."""
        return sum(len(q) for q in self._queues.values())

    @contextlib.asynccontextmanager
    async def slot(self, app: str) -> AsyncIterator[None]:
        """Hold one of the ``parallel`` places for the body of the block."""
        await self._acquire(app)
        try:
            yield
        finally:
            self._release()

    async def _acquire(self, app: str) -> None:
        if self.running < self.parallel and not self._queues:
            self.running += 1
            return
        queue = self._queues.get(app)
        if self.waiting >= self.max_queue or (
            queue is not None and len(queue) >= self.max_queue_per_app
        ):
            raise QueueFull(
                f"the server is busy ({self.running} running, {self.waiting} waiting); retry later",
                retry_after=1.0,
            )
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._queues.setdefault(app, deque()).append(future)
        try:
            await future  # ``running`` was taken for us by _release
        except BaseException:
            if future.done() and not future.cancelled():
                self._release()  # admitted just as we were cancelled: give it back
            else:
                self._forget(app, future)
            raise

    def _forget(self, app: str, future: asyncio.Future[None]) -> None:
        queue = self._queues.get(app)
        if queue is None:
            return
        with contextlib.suppress(ValueError):
            queue.remove(future)
        if not queue:
            del self._queues[app]

    def _release(self) -> None:
        self.running -= 1
        while self._queues and self.running < self.parallel:
            app, queue = next(iter(self._queues.items()))
            future = queue.popleft()
            if queue:
                self._queues.move_to_end(app)  # round-robin: this app goes last
            else:
                del self._queues[app]
            if not future.done():
                self.running += 1
                future.set_result(None)
