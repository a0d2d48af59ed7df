"""Back-pressure: a bounded generation queue and per-device token buckets."""

from __future__ import annotations

import asyncio
import math
import time
from collections import OrderedDict, deque
from typing import Protocol

from cloud_gateway.metrics import GatewayMetrics
from cloud_gateway.problems import Overloaded


class GenerationGate:
    """Generation slots shared fairly among devices.

    At most ``max_concurrent`` generations run and ``max_queue`` wait. Each
    device (the signed key id; plaintext: the client address) may hold at most
    ``max_per_device`` requests running or waiting; beyond that it gets its own
    429. Freed slots go to waiting devices in turn (round robin), not in
    arrival order, so a device with many queued requests does not push the
    others back. When the queue is full, a newcomer holding fewer requests
    than the heaviest device takes that device's newest place (which gets the
    429), so a few devices cannot fill the queue against everyone else. A wait
    longer than ``queue_timeout_s`` is a 429 too. Every 429 carries Retry-After.
    """

    def __init__(
        self,
        *,
        max_concurrent: int,
        max_queue: int,
        queue_timeout_s: float,
        retry_after_s: int,
        metrics: GatewayMetrics,
        max_per_device: int | None = None,
    ) -> None:
        self.max_concurrent = max_concurrent
        self.max_queue = max_queue
        self.max_per_device = max_per_device or max_concurrent + max_queue
        self._queue_timeout_s = queue_timeout_s
        self._retry_after_s = retry_after_s
        self._metrics = metrics
        self._queues: OrderedDict[str, deque[asyncio.Future[None]]] = OrderedDict()
        self._held: dict[str, int] = {}
        self.waiting = 0
        self.active = 0

    def held(self, client: str) -> int:
        """Requests of ``client`` running or waiting."""
        return self._held.get(client, 0)

    async def acquire(self, client: str = "") -> None:
        """Take a generation slot for ``client``, queueing fairly within the bounds."""
        if self.held(client) >= self.max_per_device:
            raise self._overloaded("too many requests from this device in flight")
        if self.active < self.max_concurrent and not self.waiting:
            self._hold(client, +1)
            self._set_active(+1)
            return
        waiter = self._enqueue(client)
        try:
            async with asyncio.timeout(self._queue_timeout_s):
                await waiter
        except TimeoutError:
            self._abandon(client, waiter)
            raise self._overloaded("timed out waiting in the queue") from None
        except asyncio.CancelledError:
            self._abandon(client, waiter)
            raise

    def release(self, client: str = "") -> None:
        """Free ``client``'s slot and hand it to the next device in turn."""
        self._hold(client, -1)
        self._set_active(-1)
        self._grant()

    def _enqueue(self, client: str) -> asyncio.Future[None]:
        if self.waiting >= self.max_queue and not self._evict_for(client):
            raise self._overloaded("generation queue full")
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._queues.setdefault(client, deque()).append(waiter)
        self._hold(client, +1)
        self._set_waiting(+1)
        return waiter

    def _evict_for(self, client: str) -> bool:
        """Refuse the heaviest device's newest waiter if ``client`` holds fewer."""
        if not self._queues:
            return False
        heaviest = max(self._queues, key=self.held)
        if self.held(heaviest) <= self.held(client) + 1:
            return False
        victim = self._queues[heaviest].pop()
        self._forget(heaviest)
        victim.set_exception(self._overloaded("queue full: this device holds more than its share"))
        return True

    def _abandon(self, client: str, waiter: asyncio.Future[None]) -> None:
        """The waiter gave up (timeout, cancellation): undo its place or its slot."""
        if waiter.done() and not waiter.cancelled() and waiter.exception() is None:
            self.release(client)  # granted just as it gave up
            return
        queue = self._queues.get(client)
        if queue is not None and waiter in queue:
            queue.remove(waiter)
            self._forget(client)

    def _forget(self, client: str) -> None:
        """A waiter of ``client`` left the queue without a slot."""
        if not self._queues.get(client, True):
            del self._queues[client]
        self._hold(client, -1)
        self._set_waiting(-1)

    def _grant(self) -> None:
        """Wake waiters, one device at a time in turn, while slots are free."""
        while self.active < self.max_concurrent and self._queues:
            client, queue = next(iter(self._queues.items()))
            waiter = queue.popleft()
            if waiter.done():  # cancelled, its task not yet run: it leaves, unserved
                self._forget(client)
                continue
            if queue:
                self._queues.move_to_end(client)
            else:
                del self._queues[client]
            self._set_waiting(-1)
            self._set_active(+1)
            waiter.set_result(None)

    def _hold(self, client: str, step: int) -> None:
        count = self._held.get(client, 0) + step
        if count > 0:
            self._held[client] = count
        else:
            self._held.pop(client, None)

    def _set_active(self, step: int) -> None:
        self.active += step
        self._metrics.active.set(self.active)

    def _set_waiting(self, step: int) -> None:
        self.waiting += step
        self._metrics.queue_depth.set(self.waiting)

    def _overloaded(self, detail: str) -> Overloaded:
        self._metrics.overloaded.inc()
        return Overloaded(detail, retry_after=self._retry_after_s)


class RateLimiter(Protocol):
    """Per-key token bucket: ``acquire`` returns 0 when allowed, else seconds to wait."""

    async def acquire(self, key: str) -> float: ...


class MemoryRateLimiter:
    """Token buckets in this process, least recently used keys evicted past ``max_keys``."""

    def __init__(self, *, rate_per_s: float, burst: int, max_keys: int = 100_000) -> None:
        self.rate = rate_per_s
        self.burst = float(burst)
        self.max_keys = max_keys
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    async def acquire(self, key: str, *, now: float | None = None) -> float:
        t = time.monotonic() if now is None else now
        tokens, last = self._buckets.pop(key, (self.burst, t))
        tokens = min(self.burst, tokens + (t - last) * self.rate)
        wait = 0.0
        if tokens >= 1.0:
            tokens -= 1.0
        else:
            wait = (1.0 - tokens) / self.rate
        self._buckets[key] = (tokens, t)
        while len(self._buckets) > self.max_keys:
            self._buckets.popitem(last=False)
        return wait


def retry_after_header(wait_s: float) -> int:
    """Whole seconds for a Retry-After header (at least 1)."""
    return max(1, math.ceil(wait_s))
