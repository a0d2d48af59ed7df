"""``python -m cloud_gateway`` / ``edgekit-gateway``: run and operate the gateway."""

from __future__ import annotations

import argparse
import asyncio
import base64
import binascii
import contextlib
import logging
import os
import signal
import socket
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from cloud_gateway.config import ENV_PREFIX, GatewayConfig, load_config, replace
from cloud_gateway.errors import ConfigError, GatewayError
from cloud_gateway.logs import configure_logging
from edgekit import local, secure

# Reported as one line and exit status 2: the gateway's errors, bad key files
# (raised by the shared kernel) and models that cannot be loaded.
_REPORTED = (GatewayError, secure.ConfigError, local.ModelError)

DESCRIPTION = f"""\
EdgeKit cloud gateway: decrypts Oblivious HTTP escalations from devices, runs
them on a bigger model, streams encrypted answers back.

configuration (TOML file given with --config; every key optional):
  host, port              bind address (default 127.0.0.1:8080)
  admin_host, admin_port  private listener for /metrics, /readyz, /healthz (default
                          127.0.0.1:9464; worker i uses admin_port + i; 0 = any free port)
  response_pad_buckets    sealed answers are padded up to these sizes (default
                          [1024, 4096, 16384]; [] turns padding off)
  workers                 worker processes sharing the socket (needs redis_url if > 1)
  keys_path               keyring file (`edgekit-gateway keys generate PATH`);
                          unset = ephemeral keys (demos only)
  keys_max_age_s          Cache-Control max-age of GET /ohttp-keys (default 3600)
  reload_interval_s       how often keyring and device files are checked for changes (5)
  plaintext_api           also serve /v1/* in plaintext (trusted networks only)
  redis_url, redis_prefix shared replay cache + rate limits for several workers/hosts
  shutdown_timeout_s      SIGTERM: seconds to finish in-flight streams (default 30)
  log_level               DEBUG, INFO, WARNING… (access log is JSON lines on stderr)
  [backend] kind          llama (default) | openai | echo
            models        allow-list of model names (first = default)
            model, n_ctx, n_threads               llama: edgekit model name or GGUF path
            upstream_url, upstream_api_key_env    openai: e.g. http://vllm:8000/v1
            upstream_connect_timeout_s, echo_delay_s
  [limits]  max_body_bytes (1 MiB; 413 above), max_concurrent, max_queue,
            queue_timeout_s (429 + Retry-After when full), max_per_device (running +
            queued per device; fair turns among devices), max_tokens, max_messages,
            rate_per_s, rate_burst (per-device token bucket), request_timeout_s,
            body_read_timeout_s (408 for slow clients), keepalive_timeout_s
  [auth]    devices_path (enrolled device public keys, one per line),
            open_enrolment (any signed device; demos), replay_window_s,
            max_future_skew_s (how far ahead a signed timestamp may be; also how long
            after a restart without Redis requests are refused),
            replay_cache_entries (in-memory; > requests/s x 2 x window)

environment overrides: {ENV_PREFIX}<KEY> for top-level keys ({ENV_PREFIX}PORT=9000),
{ENV_PREFIX}<TABLE>_<KEY> for tables ({ENV_PREFIX}LIMITS_MAX_CONCURRENT=8).
Files given by path (keyring, device list) are re-read when they change.
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="edgekit-gateway",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command")
    serve = sub.add_parser(
        "serve",
        help="run the gateway (default)",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _serve_arguments(serve)
    serve.set_defaults(func=_serve_command)
    from edgekit.secure.cli import register as register_keys

    register_keys(sub)  # `keys generate|show|rotate|device`: the same code as `edgekit keys`
    from cloud_gateway.learn.cli import register as register_learn

    register_learn(sub, lambda args: load_config(args.config))
    devices = sub.add_parser("devices", help="enrol or revoke device public keys")
    dsub = devices.add_subparsers(dest="devices_command", required=True)
    add = dsub.add_parser("add", help="enrol a device (base64url raw Ed25519 public key)")
    add.add_argument("devices_path")
    add.add_argument("public_key")
    add.set_defaults(func=_devices_add)
    revoke = dsub.add_parser("revoke", help="remove a device by key id or public key")
    revoke.add_argument("devices_path")
    revoke.add_argument("key")
    revoke.set_defaults(func=_devices_revoke)
    listing = dsub.add_parser("list", help="list enrolled devices' key ids")
    listing.add_argument("devices_path")
    listing.set_defaults(func=_devices_list)
    return parser


def _serve_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", "-c", help="TOML configuration file")
    parser.add_argument("--host", help="bind address (overrides the config)")
    parser.add_argument("--port", type=int, help="bind port (overrides the config)")
    parser.add_argument("--workers", type=int, help="worker processes sharing the socket")
    parser.add_argument(
        "--backend",
        choices=("llama", "openai", "echo"),
        help="backend kind (overrides [backend] kind)",
    )
    parser.add_argument(
        "--plaintext-api",
        action="store_true",
        default=None,
        help="serve the inner API in plaintext too (trusted networks)",
    )
    parser.add_argument("--log-level", help="DEBUG, INFO, WARNING, ERROR")


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (args_list[0].startswith("-") and args_list[0] not in ("-h", "--help")):
        args_list = ["serve", *args_list]
    parser = build_parser()
    args = parser.parse_args(_keys_as_operands(args_list))
    if getattr(args, "func", None) is None:
        parser.print_help()
        return 2
    try:
        return int(args.func(args))
    except _REPORTED as exc:
        print(f"edgekit-gateway: {exc}", file=sys.stderr)
        return 2


def _keys_as_operands(args: list[str]) -> list[str]:
    """``devices add|revoke PATH KEY``: KEY may start with ``-`` (one base64url key in 64).

    argparse would take such a key for an option; everything after the
    subcommand is an operand (no options there but ``-h``), so ``--`` is
    inserted for the user. ``devices add PATH -- KEY`` works as well.
    """
    if len(args) >= 3 and args[0] == "devices" and args[1] in ("add", "revoke"):
        rest = args[2:]
        if "--" not in rest and not {"-h", "--help"} & set(rest):
            return [*args[:2], "--", *rest]
    return args


def config_from_args(args: argparse.Namespace) -> GatewayConfig:
    """The config file + environment, then command-line flags on top."""
    import dataclasses

    config = load_config(args.config)
    changes: dict[str, Any] = {}
    for name in ("host", "port", "workers", "log_level"):
        value = getattr(args, name, None)
        if value is not None:
            changes[name] = value
    if args.plaintext_api:
        changes["plaintext_api"] = True
    if args.backend:
        try:
            changes["backend"] = dataclasses.replace(config.backend, kind=args.backend)
        except TypeError as exc:
            raise ConfigError(str(exc)) from exc
    return replace(config, **changes) if changes else config


def _serve_command(args: argparse.Namespace) -> int:
    config = config_from_args(args)
    configure_logging(config.log_level)
    if config.workers == 1:
        asyncio.run(serve(config))
        return 0
    return _supervise(config)


async def serve(
    config: GatewayConfig,
    sock: socket.socket | None = None,
    slot: int = 0,
    on_ready: Callable[[], None] | None = None,
) -> None:
    """Serve until SIGTERM/SIGINT, then drain: stop accepting, finish streams, exit.

    The admin listener (metrics, readiness) binds ``admin_host:admin_port +
    slot`` — one port per worker, so each worker's metrics can be scraped.
    ``on_ready`` is called once both listeners are up. A port that cannot be
    bound is a ``ConfigError`` naming it.
    """
    from aiohttp import web

    from cloud_gateway.app import create_admin_app, create_app
    from cloud_gateway.state import STATE

    log = logging.getLogger("edgekit.gateway")
    app = create_app(config)
    runner = web.AppRunner(
        app,
        handler_cancellation=True,
        access_log=None,
        shutdown_timeout=config.shutdown_timeout_s,
        keepalive_timeout=config.limits.keepalive_timeout_s,
    )
    admin = web.AppRunner(create_admin_app(app), access_log=None, shutdown_timeout=1.0)
    await runner.setup()
    try:
        await admin.setup()
        site: web.BaseSite
        if sock is not None:
            site = web.SockSite(runner, sock)
        else:
            site = web.TCPSite(runner, config.host, config.port)
        await _listen(site, "the API")
        admin_port = config.admin_port + slot if config.admin_port else 0
        await _listen(web.TCPSite(admin, config.admin_host, admin_port), "metrics and readiness")
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, stop.set)
        admin_host, admin_bound = admin.addresses[0][:2]
        log.info(
            "gateway serving on %s (pid %d); metrics and readiness on http://%s:%d",
            site.name,
            os.getpid(),
            admin_host,
            admin_bound,
        )
        if on_ready is not None:
            on_ready()
        await stop.wait()
        log.info(
            "shutting down: draining in-flight requests (up to %.0f s)", config.shutdown_timeout_s
        )
        app[STATE].draining = True
    finally:
        await runner.cleanup()
        await admin.cleanup()
    log.info("gateway stopped")
    logging.shutdown()


async def _listen(site: Any, what: str) -> None:
    """Start ``site``; a busy or forbidden address is a ``ConfigError`` naming it."""
    try:
        await site.start()
    except OSError as exc:
        raise ConfigError(f"cannot listen on {site.name} for {what}: {_why(exc)}") from None


def _why(exc: OSError) -> str:
    """``address already in use``: the errno's own words (asyncio's wrap them)."""
    return os.strerror(exc.errno).lower() if exc.errno else type(exc).__name__


# A worker's exit status when it stopped before it ever served: the supervisor
# then stops, since a restart would fail the same way (as gunicorn's arbiter does).
_BOOT_FAILED = 3


def _work(config: GatewayConfig, sock: socket.socket, slot: int) -> int:
    """A forked worker's life; its exit status tells the supervisor whether it served."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    served = False

    def ready() -> None:
        nonlocal served
        served = True

    try:
        asyncio.run(serve(config, sock, slot, on_ready=ready))
    except _REPORTED as exc:
        print(f"edgekit-gateway: worker {slot}: {exc}", file=sys.stderr)
    except BaseException as exc:
        log = logging.getLogger("edgekit.gateway")
        log.error("worker %d failed: %s", slot, type(exc).__name__, exc_info=True)
    else:
        return 0
    return 1 if served else _BOOT_FAILED


def _supervise(config: GatewayConfig) -> int:
    """Fork ``workers`` processes that accept on one shared socket; restart crashed ones.

    A worker that cannot start (its admin port is taken, Redis is unreachable)
    stops them all: exit status 2, the worker's reason on stderr.
    """
    log = logging.getLogger("edgekit.gateway")
    sock = _shared_socket(config)
    children: dict[int, int] = {}
    stopping = False
    failed = False

    def spawn(slot: int) -> None:
        pid = os.fork()
        if pid == 0:  # worker
            os._exit(_work(config, sock, slot))
        children[pid] = slot

    def stop_all(signum: int = signal.SIGTERM, frame: object = None) -> None:
        nonlocal stopping
        stopping = True
        for pid in list(children):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)

    signal.signal(signal.SIGTERM, stop_all)
    signal.signal(signal.SIGINT, stop_all)
    for slot in range(config.workers):
        spawn(slot)
    log.info("supervising %d workers on %s:%d", config.workers, config.host, config.port)
    while children:
        try:
            pid, status = os.wait()
        except ChildProcessError:
            break
        except InterruptedError:
            continue
        slot = children.pop(pid, -1)
        if slot < 0 or stopping:
            continue
        if os.waitstatus_to_exitcode(status) == _BOOT_FAILED:
            log.error("worker %d could not start; stopping the others", slot)
            failed = True
            stop_all()
            continue
        log.error("worker %d exited (status %d); restarting", pid, status)
        time.sleep(1.0)
        spawn(slot)
    sock.close()
    return 2 if failed else 0


def _shared_socket(config: GatewayConfig) -> socket.socket:
    """The listening socket the workers share (bound before any worker starts)."""
    sock = socket.socket(socket.AF_INET6 if ":" in config.host else socket.AF_INET)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((config.host, config.port))
    except OSError as exc:
        sock.close()
        raise ConfigError(f"cannot listen on {config.host}:{config.port}: {_why(exc)}") from None
    sock.listen(1024)
    sock.set_inheritable(True)
    return sock


# --- devices --------------------------------------------------------------------------


def _read_devices(path: Path) -> list[str]:
    try:
        return path.read_text().splitlines()
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise ConfigError(f"cannot read {path}") from exc


def _write_devices(path: Path, lines: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w") as fh:
            fh.write("".join(line + "\n" for line in lines))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _decode_public_key(text: str) -> bytes:
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        raise ConfigError("public key is not base64url") from None
    if len(raw) != 32:
        raise ConfigError("public key must be a raw 32-byte Ed25519 key")
    return raw


def _devices_add(args: argparse.Namespace) -> int:
    from edgekit.secure.identity import device_key_id

    key_id = device_key_id(_decode_public_key(args.public_key))
    path = Path(args.devices_path)
    lines = _read_devices(path)
    if any(line.split("#", 1)[0].strip() == args.public_key for line in lines):
        print(f"device {key_id} already enrolled")
        return 0
    _write_devices(path, [*lines, f"{args.public_key}  # {key_id}"])
    print(f"enrolled device {key_id}")
    return 0


def _devices_revoke(args: argparse.Namespace) -> int:
    from edgekit.secure.identity import device_key_id

    path = Path(args.devices_path)
    kept, removed = [], 0
    for line in _read_devices(path):
        key = line.split("#", 1)[0].strip()
        if key and args.key in (key, device_key_id(_decode_public_key(key))):
            removed += 1
            continue
        kept.append(line)
    _write_devices(path, kept)
    print(f"revoked {removed} device(s)")
    return 0 if removed else 1


def _devices_list(args: argparse.Namespace) -> int:
    from edgekit.secure.identity import device_key_id

    for line in _read_devices(Path(args.devices_path)):
        key = line.split("#", 1)[0].strip()
        if key:
            print(device_key_id(_decode_public_key(key)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
