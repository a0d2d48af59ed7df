"""Running the server: listen (TCP or Unix socket), say where, stop cleanly on a signal."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from pathlib import Path
from typing import TextIO

from aiohttp import web

from edgekit._logging import get_logger
from edgekit.errors import ConfigError
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
            clear_stale_socket(path)
            await _listen(web.UnixSite(runner, str(path)), f"unix:{path}")
            os.chmod(path, 0o660)
            url = f"unix:{path}"
        else:
            where = f"http://{_url_host(cfg.host)}:{cfg.port}"
            await _listen(web.TCPSite(runner, cfg.host, cfg.port), where)
            host, port = runner.addresses[0][:2]
            url = f"http://{_url_host(str(host))}:{port}"
        print(f"edgekit serve: listening on {url}", file=announce or sys.stderr, flush=True)
        await _until_signal()
    finally:
        await runner.cleanup()


async def _listen(site: web.BaseSite, where: str) -> None:
    """Start ``site``; a busy or forbidden address is a ``ConfigError`` naming it."""
    try:
        await site.start()
    except OSError as exc:
        why = os.strerror(exc.errno).lower() if exc.errno else type(exc).__name__
        raise ConfigError(f"cannot listen on {where}: {why}") from None


def clear_stale_socket(path: Path) -> None:
    """Remove a Unix socket left by a server that is gone; refuse one a live server holds.

    A socket file outlives a killed server, and binding its path then fails; but
    unlinking a live one would take its address from a running server silently.
    """
    try:
        if not path.is_socket():
            return  # nothing there (or not a socket: binding says so)
    except OSError:
        return  # a directory we may not search: binding says so
    with socket.socket(socket.AF_UNIX) as probe:
        probe.settimeout(1.0)
        try:
            probe.connect(str(path))
        except (ConnectionRefusedError, FileNotFoundError):
            path.unlink(missing_ok=True)  # nobody accepts on it: stale
            return
        except OSError:
            return  # not ours to judge (permissions): binding reports it
    raise ConfigError(f"another server is listening on unix:{path}")


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
