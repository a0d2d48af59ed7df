"""State shared by several workers or hosts through Redis.

The replay cache (seen HPKE ``enc`` values, :mod:`cloud_gateway.replay`) and
the per-device token buckets must be shared when more than one process
answers ``/ohttp``; otherwise a request replayed to another worker would
pass. One process keeps both in memory.
"""

from __future__ import annotations

from typing import Any

from cloud_gateway.errors import ConfigError

# Token bucket, atomically, on the Redis server's clock (hosts' clocks may differ).
_BUCKET_LUA = """
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local v = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(v[1]) or burst
local ts = tonumber(v[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - ts) * rate)
local wait = 0
if tokens >= 1 then tokens = tokens - 1 else wait = (1 - tokens) / rate end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
return tostring(wait)
"""


async def connect_redis(url: str) -> Any:
    """An asyncio Redis client, checked with PING (the URL is never logged)."""
    try:
        import redis.asyncio as aioredis
    except ImportError as exc:
        raise ConfigError("redis_url needs the 'redis' extra: pip install edgekit[redis]") from exc
    client = aioredis.from_url(url, socket_connect_timeout=5.0, socket_timeout=5.0)
    try:
        await client.ping()
    except (OSError, aioredis.RedisError) as exc:
        await client.aclose()
        raise ConfigError(f"cannot reach Redis ({type(exc).__name__})") from exc
    return client


class RedisRateLimiter:
    """Per-key token buckets in Redis (one Lua script per request)."""

    def __init__(self, client: Any, *, prefix: str, rate_per_s: float, burst: int) -> None:
        self._client = client
        self._prefix = prefix
        self._rate = rate_per_s
        self._burst = burst
        self._script = client.register_script(_BUCKET_LUA)

    async def acquire(self, key: str) -> float:
        wait = await self._script(keys=[self._prefix + key], args=[self._rate, self._burst])
        return float(wait.decode() if isinstance(wait, bytes) else wait)
