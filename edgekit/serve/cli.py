"""``edgekit serve``: the device's OpenAI-compatible endpoint (arguments and entry)."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path
from typing import Any

_TABLE_CLASSES = (
    ("serve", "edgekit.serve.config", "ServeConfig", "EDGEKIT_SERVE_"),
    ("client", "edgekit.client", "ClientConfig", "EDGEKIT_CLIENT_"),
    ("engine", "edgekit.local.config", "EngineConfig", "EDGEKIT_ENGINE_"),
    ("cloud", "edgekit.transport.config", "CloudConfig", "EDGEKIT_CLOUD_"),
    ("privacy", "edgekit.privacy.config", "PrivacyConfig", "EDGEKIT_PRIVACY_"),
)
_SKIP = {"client": {"engine", "cloud", "privacy"}}

DESCRIPTION = """\
Serve the OpenAI chat API on this device (POST /v1/chat/completions, GET /v1/models,
/healthz, /readyz, /metrics), answered by EdgeKit's client: on the device first, escalated
(masked, Oblivious-HTTP encrypted) to the configured gateway only when the router says so.
The model name picks the route: 'edgekit' (the configured strategy), 'edgekit:local',
'edgekit:cloud', 'edgekit:cascade', 'edgekit:handoff', 'edgekit:pre_route',
'edgekit:prefill_offload'. The decision comes back in the 'edgekit' field and in
X-EdgeKit-* headers (streams: in the last chunk)."""


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add the ``serve`` sub-command; aiohttp and the model load only when it runs."""
    parser = sub.add_parser(
        "serve",
        help="serve the OpenAI chat API on this device, hybrid routing behind it",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        add_help=False,
    )
    parser.add_argument(
        "-h", "--help", action=_Help, nargs=0, help="show this help, with every setting, and exit"
    )
    add_arguments(parser)
    parser.set_defaults(func=_run)


class _Help(argparse.Action):
    """--help that lists every setting (computed only when asked: it imports the configs)."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        parser.epilog = settings_epilog()
        parser.print_help()
        parser.exit()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The flags; each overrides one setting of the config file and environment."""
    parser.add_argument(
        "--config",
        type=Path,
        metavar="TOML",
        help="config file with [serve] [client] [engine] [cloud] [privacy] tables",
    )
    net = parser.add_argument_group("listening and access (table [serve])")
    net.add_argument(
        "--host",
        help="address to listen on (default 127.0.0.1; anything but loopback needs a token)",
    )
    net.add_argument("--port", type=int, help="TCP port (default 8080; 0 picks a free one)")
    net.add_argument(
        "--unix-socket",
        type=Path,
        metavar="PATH",
        help="listen on this Unix socket (mode 0660) instead of TCP",
    )
    net.add_argument(
        "--token-file",
        type=Path,
        metavar="PATH",
        help="file holding the bearer token every request must present "
        "(or set EDGEKIT_SERVE_TOKEN; never pass a token on the command line)",
    )
    net.add_argument(
        "--allowed-origin",
        action="append",
        dest="allowed_origins",
        metavar="ORIGIN",
        help="browser origin allowed to call (repeatable)",
    )
    load = parser.add_argument_group("load (table [serve])")
    load.add_argument("--parallel", type=int, help="requests decoded together (default 4)")
    load.add_argument("--max-queue", type=int, help="requests that may wait (default 16)")
    load.add_argument("--max-queue-per-app", type=int, help="of which from one app (default 8)")
    load.add_argument("--max-body-bytes", type=int, help="largest request body (default 1 MiB)")
    load.add_argument(
        "--max-tokens-limit", type=int, help="largest max_tokens a request may ask (default 1024)"
    )
    route = parser.add_argument_group("routing, model and gateway")
    route.add_argument("--strategy", help="default strategy ([client] strategy, cascade)")
    route.add_argument("--threshold", type=float, help="gate threshold ([client] threshold)")
    route.add_argument(
        "--max-tokens", type=int, help="default answer length ([client] max_tokens, 256)"
    )
    route.add_argument("--model", help="on-device model name or GGUF path ([engine] model)")
    route.add_argument("--n-ctx", type=int, help="context per request ([engine] n_ctx)")
    route.add_argument("--n-threads", type=int, help="llama.cpp threads ([engine] n_threads)")
    route.add_argument("--gateway", metavar="URL", help="EdgeKit gateway ([cloud] url)")
    route.add_argument(
        "--gateway-pin",
        metavar="SHA256",
        help="SHA-256 of the gateway's key configuration ([cloud] key_config_pin)",
    )
    route.add_argument(
        "--privacy",
        choices=("strict", "balanced", "off"),
        help="privacy preset ([privacy] preset, strict)",
    )


def settings_epilog() -> str:
    """Every setting of every table, with its environment variable and default."""
    import importlib

    lines = ["settings (config table / environment variable / default):"]
    for table, module, cls_name, prefix in _TABLE_CLASSES:
        cls = getattr(importlib.import_module(module), cls_name)
        lines.append(f"  [{table}]")
        for f in dataclasses.fields(cls):
            if f.name in _SKIP.get(table, ()):
                continue
            default = _default(f)
            env = "(TOML only)" if default == "(table)" else prefix + f.name.upper()
            lines.append(f"    {f.name:<20} {env:<42} {default}")
    lines.append(
        "docs/serve.md explains each setting; edgekit/serve/deploy/ has a systemd "
        "unit and an annotated config."
    )
    return "\n".join(lines)


def _default(f: dataclasses.Field[Any]) -> str:
    if f.default is not dataclasses.MISSING:
        return repr(f.default) if f.default is not None else "-"
    if f.default_factory is not dataclasses.MISSING:
        return "(table)" if dataclasses.is_dataclass(f.default_factory) else "{}"
    return "(required)"


def overrides(args: argparse.Namespace) -> dict[str, dict[str, Any]]:
    """The flags given, as per-table overrides."""
    origins = tuple(args.allowed_origins) if args.allowed_origins else None
    return {
        "serve": {
            "host": args.host,
            "port": args.port,
            "unix_socket": args.unix_socket,
            "token_file": args.token_file,
            "allowed_origins": origins,
            "parallel": args.parallel,
            "max_queue": args.max_queue,
            "max_queue_per_app": args.max_queue_per_app,
            "max_body_bytes": args.max_body_bytes,
            "max_tokens_limit": args.max_tokens_limit,
        },
        "client": {
            "strategy": args.strategy,
            "threshold": args.threshold,
            "max_tokens": args.max_tokens,
        },
        "engine": {"model": args.model, "n_ctx": args.n_ctx, "n_threads": args.n_threads},
        "cloud": {"url": args.gateway, "key_config_pin": args.gateway_pin},
        "privacy": {"preset": args.privacy},
    }


def _run(args: argparse.Namespace) -> int:
    import asyncio

    from edgekit.serve.config import load_settings
    from edgekit.serve.server import serve

    settings = load_settings(args.config, overrides=overrides(args))
    asyncio.run(serve(settings))
    return 0
