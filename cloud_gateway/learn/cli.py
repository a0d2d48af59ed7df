"""``edgekit-gateway learn``: inspect and wipe collected pairs, train and publish adapters."""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from cloud_gateway.errors import ConfigError
from cloud_gateway.learn.config import LearnConfig
from cloud_gateway.learn.rephrase import Chat


def register(sub: Any, config_from_args: Callable[[argparse.Namespace], Any]) -> None:
    """Add ``learn status|wipe|train|key|withdraw`` to the gateway's sub-commands."""
    learn = sub.add_parser("learn", help="collected pairs and LoRA adapters for edge models")
    lsub = learn.add_subparsers(dest="learn_command", metavar="ACTION", required=True)

    def add(
        name: str, helptext: str, func: Callable[[argparse.Namespace, LearnConfig], int]
    ) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = lsub.add_parser(name, help=helptext)
        parser.add_argument("--config", "-c", help="gateway TOML file (its [learn] table)")
        parser.set_defaults(func=lambda args: func(args, _learn(config_from_args(args))))
        return parser

    add("status", "pairs kept per edge model, and published adapters", _status)
    wipe = add("wipe", "delete collected pairs (all, or one edge model's)", _wipe)
    wipe.add_argument("--model-sha256", help="only this edge model's pairs")
    train = add("train", "train, check, calibrate, sign and publish an adapter", _train)
    train.add_argument("model", help="edge model name or GGUF path (the file devices run)")
    train.add_argument("--epochs", type=int, default=3)
    train.add_argument("--rank", type=int, default=8)
    train.add_argument("--learning-rate", type=float, default=1e-3)
    train.add_argument("--threads", type=int, default=None)
    train.add_argument(
        "--max-local-error",
        type=float,
        default=0.1,
        help="the adapted model's gate keeps local answers at most this wrong",
    )
    train.add_argument(
        "--rephrase",
        type=int,
        default=3,
        metavar="K",
        help="new phrasings of each collected question the gateway's model "
        "writes to calibrate the adapted model (0: held-out pairs only)",
    )
    train.set_defaults(func=lambda args: _train(args, config_from_args(args)))
    add("key", "print the adapter-signing public key (to configure devices)", _key)
    withdraw = add("withdraw", "stop offering the adapter of a base model", _withdraw)
    withdraw.add_argument("base_sha256")


def _learn(config: Any) -> LearnConfig:
    learn: LearnConfig = config.learn
    return learn


def _store(cfg: LearnConfig) -> Any:
    from cloud_gateway.learn.store import PairStore

    if cfg.store_path is None:
        raise ConfigError("[learn] store_path is not set")
    return PairStore(cfg.store_path, retention_s=cfg.retention_s, max_bytes=cfg.max_bytes)


def _shelf(cfg: LearnConfig) -> Any:
    from cloud_gateway.learn.publish import AdapterShelf, load_signing_key

    if cfg.adapters_dir is None or cfg.signing_key_path is None:
        raise ConfigError("[learn] adapters_dir and signing_key_path must be set")
    return AdapterShelf(cfg.adapters_dir, load_signing_key(cfg.signing_key_path))


def _status(args: argparse.Namespace, cfg: LearnConfig) -> int:
    rows: dict[str, Any] = {"collect": cfg.collect, "models": []}
    if cfg.store_path is not None and cfg.store_path.exists():
        store = _store(cfg)
        rows["models"] = [c.__dict__ for c in store.counts()]
        store.close()
    if cfg.adapters_dir is not None and cfg.adapters_dir.exists():
        rows["adapters"] = sorted(p.stem for p in cfg.adapters_dir.glob("*.eklora"))
    print(json.dumps(rows, indent=1))
    return 0


def _wipe(args: argparse.Namespace, cfg: LearnConfig) -> int:
    store = _store(cfg)
    n = store.wipe(args.model_sha256)
    store.close()
    print(f"wiped {n} pair(s)")
    return 0


def _key(args: argparse.Namespace, cfg: LearnConfig) -> int:
    key = _shelf(cfg).key
    print(base64.urlsafe_b64encode(key.public_key).rstrip(b"=").decode(), f"# {key.key_id}")
    return 0


def _withdraw(args: argparse.Namespace, cfg: LearnConfig) -> int:
    done = _shelf(cfg).withdraw(args.base_sha256)
    print("withdrawn" if done else "no adapter was published for that model")
    return 0 if done else 1


def _train(args: argparse.Namespace, config: Any) -> int:
    from cloud_gateway.learn.round import learning_round
    from cloud_gateway.learn.train import TrainConfig

    if args.rephrase < 0:
        raise ConfigError("--rephrase must be >= 0")
    cfg = _learn(config)
    store, shelf = _store(cfg), _shelf(cfg)
    train = TrainConfig(
        epochs=args.epochs,
        rank=args.rank,
        alpha=2.0 * args.rank,
        learning_rate=args.learning_rate,
        threads=args.threads,
    )
    try:
        with progress_bars() as progress, gateway_chat(config, args.rephrase > 0) as chat:
            report = learning_round(
                args.model,
                store.pairs,
                shelf,
                train,
                progress=progress,
                max_local_error=args.max_local_error,
                chat=chat,
                rephrasings=args.rephrase,
            )
    finally:
        store.close()
    print(
        json.dumps(
            {k: str(v) if k == "bundle_path" else v for k, v in report.__dict__.items()}, indent=1
        )
    )
    return 0


@contextmanager
def gateway_chat(config: Any, wanted: bool) -> Iterator[Chat | None]:
    """The gateway's own model as a :data:`Chat`, started on first use and closed after the job.

    Lazily: a round that fails before it rephrases (no pairs, a refused
    adapter) never loads the cloud model, and training runs without it.
    """
    if not wanted:
        yield None
        return
    from cloud_gateway.backends import Backend, make_backend
    from cloud_gateway.learn.rephrase import backend_chat

    loop = asyncio.new_event_loop()
    started: list[Backend] = []
    chats: list[Chat] = []

    def chat(messages: list[dict[str, str]], max_tokens: int) -> str:
        if not chats:
            backend = make_backend(config)
            loop.run_until_complete(backend.start())
            started.append(backend)
            chats.append(backend_chat(backend, config.allowed_models[0], loop))
        return chats[0](messages, max_tokens)

    try:
        yield chat
    finally:
        for backend in started:
            loop.run_until_complete(backend.aclose())
        loop.close()


@contextmanager
def progress_bars() -> Iterator[Callable[[str, int, int], None]]:
    """Progress bars on the terminal (rich), or one line per phase step without it."""
    try:
        from rich.progress import Progress
    except ImportError:
        yield lambda phase, done, total: print(f"{phase}: {done}/{total}", flush=True)
        return
    with Progress() as bars:
        tasks: dict[str, Any] = {}

        def update(phase: str, done: int, total: int) -> None:
            if phase not in tasks:
                tasks[phase] = bars.add_task(phase, total=total)
            bars.update(tasks[phase], completed=done, total=total)

        yield update
