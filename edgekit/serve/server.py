"""Running the server: listen (TCP or Unix socket), say where, stop cleanly on a signal."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
from typing import TextIO

from aiohttp import web

from edgekit._logging import get_logger
from edgekit.serve.app import create_app
from edgekit.serve.config import Settings

log = get_logger("edgekit.serve")


async def serve(settings: Settings, *, announce: TextIO | None = None) -> None:
    """Serve until SIGINT/SIGTERM; in-flight requests get ``shutdown_timeout_s`` to finish.

    The listening address goes to ``announce`` (stderr by default) once the
    model is loaded, as ``edgekit serve: listening on <url>``.
    """
    cfg = settings.serve
    runner = web.AppRunner(
        create_app(settings),
        handler_cancellation=True,
        access_log=None,
        shutdown_timeout=cfg.shutdown_timeout_s,
    )
    await runner.setup()
    try:
        if cfg.unix_socket is not None:
            path = cfg.unix_socket
            with contextlib.suppress(FileNotFoundError):
                if path.is_socket():
                    path.unlink()  # a stale socket from an earlier run
            site: web.BaseSite = web.UnixSite(runner, str(path))
            await site.start()
            os.chmod(path, 0o660)
            url = f"unix:{path}"
        else:
            site = web.TCPSite(runner, cfg.host, cfg.port)
            await site.start()
            host, port = runner.addresses[0][:2]
            url = f"http://{_url_host(str(host))}:{port}"
        print(f"edgekit serve: listening on {url}", file=announce or sys.stderr, flush=True)
        await _until_signal()
    finally:
        await runner.cleanup()


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


async def _until_signal() -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        await stop.wait()
    finally:
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)
    log.info("stopping: finishing requests in flight")
