"""``edgekit learn``: fetch the gateway's adapter for this device's model, show it, roll back."""

from __future__ import annotations

import argparse
import asyncio
import base64
import binascii
import json
from collections.abc import Callable
from typing import Any

from edgekit.errors import ConfigError


def register(sub: Any) -> None:
    """Add ``learn status|pull|rollback|trust`` to ``sub`` (argparse subparsers)."""
    learn = sub.add_parser("learn", help="LoRA adapters the gateway distilled for this device")
    lsub = learn.add_subparsers(dest="learn_command", metavar="ACTION", required=True)

    def add(
        name: str, helptext: str, func: Callable[[argparse.Namespace], int]
    ) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = lsub.add_parser(name, help=helptext)
        parser.add_argument("--model", default=None, help="edge model name or GGUF path")
        parser.add_argument(
            "--adapters-dir",
            default=None,
            help="where adapters are kept (default: the EdgeKit state dir)",
        )
        parser.set_defaults(func=func)
        return parser

    add("status", "the active adapter of this model, if any", _status)
    pull = add("pull", "fetch, check and activate the gateway's newest adapter", _pull)
    pull.add_argument("--gateway", required=True, help="gateway URL")
    pull.add_argument(
        "--pin",
        action="append",
        default=[],
        help="SHA-256 pin of the gateway key configuration (repeatable)",
    )
    pull.add_argument("--device-key", default=None, help="device key file (Ed25519 PEM)")
    add("rollback", "return to the base model and its calibration", _rollback)
    trust = add("trust", "accept adapters signed by this gateway key (base64url)", _trust)
    trust.add_argument("public_key")


def _engine(args: argparse.Namespace) -> Any:
    from edgekit.local import Engine, EngineConfig

    config = EngineConfig() if args.model is None else EngineConfig(model=args.model)
    return Engine(config)


def _store(args: argparse.Namespace) -> Any:
    from edgekit.learn.device import AdapterStore

    return AdapterStore(args.adapters_dir)


def _status(args: argparse.Namespace) -> int:
    with _engine(args) as engine:
        installed = _store(args).active(engine)
        doc: dict[str, Any] = {"base_model": engine.info.name, "base_sha256": engine.info.sha256}
        if installed is None:
            doc["adapter"] = None
        else:
            m = installed.bundle.manifest
            doc["adapter"] = {
                "id": m.adapter_id,
                "adapted_sha256": m.adapted_sha256,
                "n_pairs": m.n_pairs,
                "evaluation": dict(m.evaluation),
                "signer": m.signer,
            }
    print(json.dumps(doc, indent=1))
    return 0


def _pull(args: argparse.Namespace) -> int:
    from edgekit.learn.device import pull
    from edgekit.transport import CloudClient, CloudConfig

    extra: dict[str, Any] = {}
    if args.device_key:
        extra["device_key_path"] = args.device_key
    config = CloudConfig(url=args.gateway, key_config_pin=args.pin or None, **extra)

    async def run(engine: Any) -> Any:
        async with CloudClient(config) as cloud:
            return await pull(cloud, _store(args), engine)

    with _engine(args) as engine:
        installed = asyncio.run(run(engine))
    if installed is None:
        print("the gateway has no adapter for this model yet")
        return 1
    print(f"adapter {installed.adapter_id} installed and active")
    return 0


def _rollback(args: argparse.Namespace) -> int:
    with _engine(args) as engine:
        done = _store(args).rollback(engine)
    print("back to the base model" if done else "no adapter was active")
    return 0


def _trust(args: argparse.Namespace) -> int:
    text = args.public_key.strip()
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        raise ConfigError("the key is not base64url") from None
    print(f"trusting gateway signing key {_store(args).trust(raw)}")
    return 0
