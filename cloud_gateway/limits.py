"""Back-pressure: a bounded generation queue and per-device token buckets."""

from __future__ import annotations

import asyncio
import math
import time
from collections import OrderedDict
from typing import Protocol

from cloud_gateway.metrics import GatewayMetrics
from cloud_gateway.problems import Overloaded


class GenerationGate:
    """At most ``max_concurrent`` generations; at most ``max_queue`` waiting.

    A request that finds the queue full, or waits longer than
    ``queue_timeout_s``, gets :class:`Overloaded` (429 with Retry-After).
    """

    def __init__(
        self,
        *,
        max_concurrent: int,
        max_queue: int,
        queue_timeout_s: float,
        retry_after_s: int,
        metrics: GatewayMetrics,
    ) -> None:
        self.max_concurrent = max_concurrent
        self.max_queue = max_queue
        self._queue_timeout_s = queue_timeout_s
        self._retry_after_s = retry_after_s
        self._metrics = metrics
        self._sem = asyncio.Semaphore(max_concurrent)
        self.waiting = 0
        self.active = 0

    async def acquire(self) -> None:
        """Take a generation slot, queueing within the bounds."""
        if not self._sem.locked() and not self.waiting:  # a free slot: no queueing
            await self._sem.acquire()
            self._took_slot()
            return
        if self.waiting >= self.max_queue:
            self._metrics.overloaded.inc()
            raise Overloaded("generation queue full", retry_after=self._retry_after_s)
        self.waiting += 1
        self._metrics.queue_depth.set(self.waiting)
        try:
            async with asyncio.timeout(self._queue_timeout_s):
                await self._sem.acquire()
        except TimeoutError:
            self._metrics.overloaded.inc()
            raise Overloaded(
                "timed out waiting in the queue", retry_after=self._retry_after_s
            ) from None
        finally:
            self.waiting -= 1
            self._metrics.queue_depth.set(self.waiting)
        self._took_slot()

    def _took_slot(self) -> None:
        self.active += 1
        self._metrics.active.set(self.active)

    def release(self) -> None:
        self.active -= 1
        self._metrics.active.set(self.active)
        self._sem.release()


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
