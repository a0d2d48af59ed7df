"""Replay protection that survives restarts and is shared between workers.

A request is accepted only if it is *provably unseen*:

* its signed timestamp is at most ``replay_window_s`` old and at most
  ``max_future_skew_s`` ahead of the gateway's clock;
* its HPKE ``enc`` is not in the seen-set (each ``enc`` is remembered until
  its timestamp can no longer pass, ``window + future skew``);
* it was signed after the seen-set began (its *epoch*) plus the future skew.
  A request accepted before the epoch — by an earlier process whose memory is
  gone, or before Redis lost its data — carries a timestamp below
  ``epoch + max_future_skew_s``, so it is refused; once the window has passed
  the timestamp check refuses it anyway.

In memory (one process) the epoch is the process start: after a restart,
requests signed in the first ``max_future_skew_s`` seconds are refused with a
``Retry-After`` (:class:`SignAgain`), and the device signs again. With Redis
the seen-set and its epoch live in Redis (one Lua script per request sets the
``enc`` key and reads the epoch, creating it if Redis lost it), so gateway
restarts and extra workers refuse nothing honest and every replay.
"""

from __future__ import annotations

import math
import time
from typing import Any, Protocol

from edgekit.secure import ReplayError
from edgekit.secure.identity import MemorySeenCache


class SeenStore(Protocol):
    """A seen-set with an epoch: ``add`` returns (epoch, whether ``key`` was new)."""

    async def add(self, key: bytes, ttl_s: float) -> tuple[float, bool]: ...


class MemorySeenStore:
    """This process's seen-set; its epoch is when the process created it."""

    def __init__(self, max_entries: int, *, epoch: float | None = None) -> None:
        self._cache = MemorySeenCache(max_entries)
        self.epoch = time.time() if epoch is None else epoch

    async def add(self, key: bytes, ttl_s: float) -> tuple[float, bool]:
        return self.epoch, await self._cache.add_if_absent(key, ttl_s)


# KEYS[1] = seen key, KEYS[2] = epoch key; ARGV[1] = ttl in ms.
# The epoch is created (Redis's clock) when missing: a fresh or flushed Redis.
_ADD_LUA = """
local epoch = redis.call('GET', KEYS[2])
if not epoch then
  local t = redis.call('TIME')
  epoch = tostring(tonumber(t[1]) + tonumber(t[2]) / 1000000)
  redis.call('SET', KEYS[2], epoch)
end
local added = redis.call('SET', KEYS[1], '1', 'NX', 'PX', tonumber(ARGV[1]))
if added then return {epoch, 1} end
return {epoch, 0}
"""


class RedisSeenStore:
    """The seen-set in Redis, shared by every worker and host, with its epoch."""

    def __init__(self, client: Any, *, prefix: str) -> None:
        self._script = client.register_script(_ADD_LUA)
        self._prefix = prefix
        self._epoch_key = prefix + "epoch"

    async def add(self, key: bytes, ttl_s: float) -> tuple[float, bool]:
        epoch, added = await self._script(
            keys=[self._prefix + key.hex(), self._epoch_key], args=[max(1, int(ttl_s * 1000))]
        )
        text = epoch.decode() if isinstance(epoch, bytes) else str(epoch)
        return float(text), bool(added)


class SignAgain(ReplayError):
    """Refused by the epoch fence: an honest device signs again after ``retry_after`` s."""

    def __init__(self, retry_after: int) -> None:
        super().__init__("request signed before the replay cache began; sign it again")
        self.retry_after = retry_after


class ReplayFence:
    """The gateway's replay check (see the module docstring)."""

    def __init__(self, store: SeenStore, *, window_s: float, future_skew_s: float) -> None:
        self.store = store
        self.window_s = window_s
        self.future_skew_s = future_skew_s

    async def check(self, enc: bytes, timestamp: float, now: float | None = None) -> None:
        """Raise :class:`ReplayError` unless the request is provably unseen."""
        current = time.time() if now is None else now
        if current - timestamp > self.window_s or timestamp - current > self.future_skew_s:
            raise ReplayError("request timestamp outside the accepted window")
        epoch, fresh = await self.store.add(enc, self.window_s + self.future_skew_s)
        fence = epoch + self.future_skew_s
        if timestamp < fence:  # timestamps are whole seconds: a fresh one passes from ceil()
            raise SignAgain(max(1, math.ceil(math.ceil(fence) - current)))
        if not fresh:
            raise ReplayError("request replayed")


__all__ = ["MemorySeenStore", "RedisSeenStore", "ReplayFence", "SeenStore", "SignAgain"]
