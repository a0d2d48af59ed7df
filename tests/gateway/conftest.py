"""Fixtures: real gateways on 127.0.0.1 free ports, fake upstreams, Redis."""

from __future__ import annotations

import asyncio
import random
import socket
import subprocess
import time
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from cloud_gateway.app import create_admin_app, create_app
from cloud_gateway.backends.base import Backend
from cloud_gateway.config import GatewayConfig, config_from_mapping
from cloud_gateway.state import STATE, GatewayState
from edgekit.secure.identity import DeviceRegistry
from edgekit.secure.ohttp import ServerKeyring


def make_config(**overrides: Any) -> GatewayConfig:
    """An echo-backed, plaintext-enabled config; nested tables as dicts."""
    data: dict[str, Any] = {
        "plaintext_api": True,
        "port": 0,
        "admin_port": 0,
        "backend": {"kind": "echo"},
    }
    for key, value in overrides.items():
        if isinstance(value, Mapping) and isinstance(data.get(key), Mapping):
            data[key] = {**data[key], **value}
        else:
            data[key] = value
    return config_from_mapping(data, environ={})


class Served:
    def __init__(self, app: web.Application, url: str, admin_url: str) -> None:
        self.app = app
        self.url = url
        self.admin_url = admin_url  # /metrics, /readyz: a listener of their own

    @property
    def state(self) -> GatewayState:
        return self.app[STATE]

    def metric(self, name: str, **labels: str) -> float:
        value = self.state.metrics.registry.get_sample_value(name, labels or None)
        return 0.0 if value is None else value


def free_port() -> int:
    """A TCP port on 127.0.0.1 nobody listens on (now)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _ephemeral_low() -> int:
    """The first port the kernel hands out on its own (bind to 0, connect)."""
    try:
        return int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 32768


def free_port_run(count: int) -> int:
    """The first of ``count`` consecutive free ports, below the kernel's ephemeral range.

    A gateway's workers take ``admin_port + i``. Ports from :func:`free_port`
    lie in the ephemeral range, where the kernel gives the even neighbour of a
    bound port to the next outgoing connection (Redis, a test's client), so
    ``admin_port + 1`` may be taken. Below that range only explicit binds live.
    """
    low = _ephemeral_low()
    rng = random.Random()
    for _ in range(200):
        first = rng.randrange(20000, low - count)
        if all(_bindable(first + i) for i in range(count)):
            return first
    raise RuntimeError(f"no {count} consecutive free ports below {low}")


def _bindable(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def wait_for_port(proc: subprocess.Popen[bytes], port: int, what: str, timeout: float) -> None:
    """Block until ``proc`` accepts connections on ``port`` (bounded; fails if it exits)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            assert proc.poll() is None, f"{what} exited"
            assert time.monotonic() < deadline, f"{what} did not start"
            time.sleep(0.05)


async def past_replay_fence(served: Served) -> None:
    """Wait until requests signed now pass a freshly started gateway's replay fence.

    A gateway with a keyring file refuses what was signed before it started
    (plus ``max_future_skew_s``; timestamps have 1 s resolution): see
    :mod:`cloud_gateway.replay`.
    """
    from cloud_gateway.ohttp import OHTTP
    from cloud_gateway.replay import MemorySeenStore

    guard = served.app[OHTTP].guard
    if isinstance(guard.store, MemorySeenStore):
        await asyncio.sleep(max(0.0, guard.store.epoch + guard.future_skew_s + 1 - time.time()))


@asynccontextmanager
async def serve(
    config: GatewayConfig,
    backend: Backend | None = None,
    *,
    shutdown_timeout: float = 2.0,
    keyring: ServerKeyring | None = None,
    registry: DeviceRegistry | None = None,
) -> AsyncIterator[Served]:
    """Run ``create_app(config)`` on a free loopback port for the test's duration."""
    app = create_app(config, backend, keyring=keyring, registry=registry)
    runner = web.AppRunner(
        app,
        handler_cancellation=True,
        access_log=None,
        shutdown_timeout=shutdown_timeout,
        keepalive_timeout=config.limits.keepalive_timeout_s,
    )
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    admin = web.AppRunner(create_admin_app(app), access_log=None)
    await admin.setup()
    await web.TCPSite(admin, "127.0.0.1", 0).start()
    admin_url = f"http://127.0.0.1:{admin.addresses[0][1]}"
    try:
        yield Served(app, f"http://127.0.0.1:{port}", admin_url)
    finally:
        await runner.cleanup()
        await admin.cleanup()


@pytest.fixture
async def echo_gateway() -> AsyncIterator[Served]:
    async with serve(make_config()) as served:
        yield served
