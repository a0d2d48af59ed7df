"""An in-process gateway for the two-command demo and for tests.

:class:`EmbeddedGateway` runs the full application (OHTTP, inner API,
metrics) on ``127.0.0.1:<free port>`` with its own event loop in a background
thread. It is serving when the constructor returns (or ``start()`` does, with
``start=False``); ``stop()`` finishes in-flight requests, closes the backend
and joins the thread.
"""

from __future__ import annotations

import asyncio
import threading
from types import TracebackType
from typing import Any

from aiohttp import web

from cloud_gateway.app import create_app
from cloud_gateway.backends.base import Backend
from cloud_gateway.config import GatewayConfig, config_from_mapping
from cloud_gateway.errors import ConfigError
from cloud_gateway.ohttp import OHTTP
from cloud_gateway.state import STATE, GatewayState
from edgekit.secure.identity import DeviceRegistry
from edgekit.secure.ohttp import ServerKeyring

_START_TIMEOUT_S = 600.0  # loading a 1.5B model from a cold disk takes a while


class EmbeddedGateway:
    """A gateway on loopback, in a background thread. Context manager.

    Defaults suit the demo: the embedded llama.cpp backend, an ephemeral
    keyring and open enrolment. Pass ``config`` for anything else.
    """

    def __init__(
        self,
        config: GatewayConfig | None = None,
        *,
        backend: Backend | None = None,
        keyring: ServerKeyring | None = None,
        registry: DeviceRegistry | None = None,
        start: bool = True,
        shutdown_timeout_s: float = 5.0,
    ) -> None:
        base = config or config_from_mapping({"auth": {"open_enrolment": True}}, environ={})
        self.config = base
        self._backend = backend
        self._keyring = keyring
        self._registry = registry
        self._shutdown_timeout_s = shutdown_timeout_s
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None
        self._app: web.Application | None = None
        self._port = 0
        if start:
            self.start()

    # --- lifecycle -----------------------------------------------------------------

    def start(self) -> None:
        """Start serving; returns once the gateway answers (or raises why it cannot)."""
        if self._thread is not None:
            return
        ready = threading.Event()
        failure: list[BaseException] = []
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._run, args=(ready, failure), name="edgekit-gateway", daemon=True
        )
        self._thread.start()
        if not ready.wait(_START_TIMEOUT_S):
            raise ConfigError("embedded gateway did not start in time")
        if failure:
            self._thread.join()
            self._thread = None
            raise failure[0]

    def _run(self, ready: threading.Event, failure: list[BaseException]) -> None:
        loop = self._loop
        assert loop is not None
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(self._serve())
        except BaseException as exc:
            failure.append(exc)
            ready.set()
            loop.close()
            return
        ready.set()
        loop.run_forever()
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.close()

    async def _serve(self) -> None:
        app = create_app(self.config, self._backend, keyring=self._keyring, registry=self._registry)
        runner = web.AppRunner(
            app,
            handler_cancellation=True,
            access_log=None,
            shutdown_timeout=self._shutdown_timeout_s,
            keepalive_timeout=self.config.limits.keepalive_timeout_s,
        )
        await runner.setup()
        try:
            site = web.TCPSite(runner, "127.0.0.1", 0)
            await site.start()
        except BaseException:
            await runner.cleanup()
            raise
        self._runner, self._app = runner, app
        self._port = int(runner.addresses[0][1])

    def stop(self) -> None:
        """Finish in-flight requests (up to the shutdown timeout), then stop. Idempotent."""
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return
        runner = self._runner
        if runner is not None:
            self.state.draining = True
            future = asyncio.run_coroutine_threadsafe(runner.cleanup(), loop)
            future.result(timeout=self._shutdown_timeout_s + 30.0)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=30.0)
        self._thread = self._loop = self._runner = None

    def __enter__(self) -> EmbeddedGateway:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # --- what clients need ---------------------------------------------------------

    @property
    def url(self) -> str:
        """Base URL, e.g. ``http://127.0.0.1:41234``."""
        if self._runner is None:
            raise ConfigError("embedded gateway is not running")
        return f"http://127.0.0.1:{self._port}"

    @property
    def app(self) -> web.Application:
        if self._app is None:
            raise ConfigError("embedded gateway is not running")
        return self._app

    @property
    def state(self) -> GatewayState:
        return self.app[STATE]

    @property
    def key_configs(self) -> bytes:
        """The ``application/ohttp-keys`` body the gateway serves now."""
        return self.app[OHTTP].keyring.encoded_key_configs()

    @property
    def registry(self) -> DeviceRegistry:
        """The enrolled devices (enrol a demo device's key here)."""
        return self.app[OHTTP].registry

    def metric(self, name: str, labels: dict[str, str] | None = None) -> float:
        """A sample from the gateway's Prometheus registry (0 if absent)."""
        value: Any = self.state.metrics.registry.get_sample_value(name, labels)
        return 0.0 if value is None else float(value)
