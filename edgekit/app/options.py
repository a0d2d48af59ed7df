"""Command-line options of the chat app, parsed into one frozen dataclass."""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

RouteMode = Literal["auto", "local", "cloud"]
GatewayBackend = Literal["llama", "echo"]
PrivacyPreset = Literal["strict", "balanced", "off"]

ROUTE_MODES: tuple[RouteMode, ...] = ("auto", "local", "cloud")
DEFAULT_GATEWAY_MODEL = "qwen2.5-coder-1.5b"
DEFAULT_EDGE_MODEL = "smollm2-135m"


@dataclass(frozen=True, kw_only=True)
class AppOptions:
    """Everything the app was asked to do, after validation."""

    model: str = DEFAULT_EDGE_MODEL
    gateway_url: str | None = None
    embedded_gateway: bool = True
    gateway_model: str = DEFAULT_GATEWAY_MODEL
    gateway_backend: GatewayBackend = "llama"
    pin_file: Path | None = None
    repin: bool = False
    route: RouteMode = "auto"
    strategy: str = "cascade"
    threshold: float | None = None
    privacy: PrivacyPreset = "strict"
    max_tokens: int = 256
    threads: int | None = None  # None: chosen for the situation (see device_threads)
    system: str | None = None
    prompts: tuple[str, ...] = ()
    json_output: bool = False
    start_offline: bool = False
    history_file: Path | None = None
    history_turns: int = 6
    gateway_wait_s: float = 600.0
    tour: bool | None = None  # None: on the first interactive run only


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError("must be greater than 0")
    return value


def _probability(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError("must be between 0 and 1")
    return value


def _gateway_url(text: str) -> str:
    if not text.startswith(("http://", "https://")):
        raise argparse.ArgumentTypeError("gateway URL must start with http:// or https://")
    return text.rstrip("/")


def default_history_file() -> Path:
    """Where line history lives: $EDGEKIT_HISTORY, else the XDG state directory."""
    explicit = os.environ.get("EDGEKIT_HISTORY")
    if explicit:
        return Path(explicit).expanduser()
    state = Path(os.environ.get("XDG_STATE_HOME", "~/.local/state")).expanduser()
    return state / "edgekit" / "chat_history"


DESCRIPTION = (
    "Chat with a small model on this device; EdgeKit escalates to a bigger model behind an "
    "encrypted (Oblivious HTTP) gateway only when the small one is unsure, after masking "
    "personal data."
)


def build_parser(prog: str = "chat_app.py") -> argparse.ArgumentParser:
    """The app's own argument parser."""
    parser = argparse.ArgumentParser(
        prog=prog, description=DESCRIPTION, epilog="Inside the chat, type /help for commands."
    )
    add_arguments(parser)
    return parser


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the app's options to ``parser`` (``edgekit chat`` adds them to its sub-parser)."""
    model = parser.add_argument_group("models")
    model.add_argument(
        "--model",
        default=DEFAULT_EDGE_MODEL,
        help="on-device model name or GGUF path (default: %(default)s)",
    )
    model.add_argument(
        "--max-tokens",
        type=_positive_int,
        default=256,
        help="longest answer in tokens (default: %(default)s)",
    )
    model.add_argument(
        "--threads",
        type=_positive_int,
        metavar="N",
        help="CPU threads of the on-device model (default: half the CPUs, the "
        "other half for the embedded gateway's model; without an "
        "embedded gateway, llama.cpp's choice)",
    )
    model.add_argument("--system", help="system prompt for the conversation")
    model.add_argument(
        "--history-turns",
        type=_positive_int,
        default=6,
        help="earlier exchanges kept in the model's context (default: %(default)s)",
    )

    gw = parser.add_argument_group("gateway")
    where = gw.add_mutually_exclusive_group()
    where.add_argument(
        "--gateway",
        metavar="URL",
        type=_gateway_url,
        help="use a remote EdgeKit gateway instead of the embedded one",
    )
    where.add_argument(
        "--no-gateway",
        action="store_true",
        help="no gateway at all: everything stays on the device",
    )
    gw.add_argument(
        "--gateway-model",
        default=DEFAULT_GATEWAY_MODEL,
        help="model of the embedded gateway (default: %(default)s)",
    )
    gw.add_argument(
        "--gateway-backend",
        choices=("llama", "echo"),
        default="llama",
        help="embedded gateway backend; 'echo' answers instantly with what it "
        "received, for demos and tests (default: %(default)s)",
    )
    gw.add_argument(
        "--pin-file",
        type=Path,
        help="file holding the pinned key configuration of --gateway "
        "(default: one per gateway under ~/.config/edgekit/pins)",
    )
    gw.add_argument(
        "--repin",
        action="store_true",
        help="accept and pin the gateway's current key configuration even if it "
        "changed since it was pinned",
    )
    gw.add_argument(
        "--gateway-wait",
        type=float,
        default=600.0,
        metavar="SECONDS",
        help="how long an escalation waits for the embedded gateway to finish "
        "loading (default: %(default)s)",
    )

    routing = parser.add_argument_group("routing and privacy")
    routing.add_argument(
        "--route",
        choices=ROUTE_MODES,
        default="auto",
        help="auto: answer on the device, escalate when unsure; "
        "local / cloud: force one side (default: %(default)s)",
    )
    routing.add_argument(
        "--strategy",
        choices=("cascade", "handoff"),
        default="cascade",
        help="how 'auto' escalates: re-ask the cloud after a weak draft, or hand "
        "off mid-answer when confidence drops (default: %(default)s)",
    )
    routing.add_argument(
        "--threshold",
        type=_probability,
        help="confidence threshold below which 'auto' escalates "
        "(default: the router's calibrated one)",
    )
    routing.add_argument(
        "--privacy",
        choices=("strict", "balanced", "off"),
        default="strict",
        help="privacy preset for what leaves the device (default: %(default)s)",
    )
    routing.add_argument(
        "--offline", action="store_true", help="start with the link down (as after /offline)"
    )

    parser.add_argument(
        "--tour",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="first walk through a one-minute scripted tour (local answer, "
        "escalation, masking, offline), then chat (default: on the first "
        "interactive run only; --no-tour skips it)",
    )

    batch = parser.add_argument_group("non-interactive use")
    batch.add_argument(
        "--prompt",
        action="append",
        default=[],
        metavar="TEXT",
        help="ask this and exit (repeatable); without it, questions are read "
        "from standard input when it is not a terminal",
    )
    batch.add_argument(
        "--json",
        action="store_true",
        help="print one JSON object per answer (text, decision, masked counts)",
    )
    batch.add_argument(
        "--history-file",
        type=Path,
        help="line-editing history file (default: $EDGEKIT_HISTORY or "
        "~/.local/state/edgekit/chat_history)",
    )


def parse_options(argv: Sequence[str] | None, prog: str = "chat_app.py") -> AppOptions:
    """Parse ``argv`` (``None``: ``sys.argv[1:]``) into :class:`AppOptions`."""
    args = build_parser(prog).parse_args(argv)
    return options_from_namespace(args)


def options_from_namespace(args: argparse.Namespace) -> AppOptions:
    """Turn parsed arguments (from :func:`build_parser`) into :class:`AppOptions`."""
    return AppOptions(
        model=args.model,
        gateway_url=args.gateway,
        embedded_gateway=args.gateway is None and not args.no_gateway,
        gateway_model=args.gateway_model,
        gateway_backend=args.gateway_backend,
        pin_file=args.pin_file,
        repin=args.repin,
        route=args.route,
        strategy=args.strategy,
        threshold=args.threshold,
        privacy=args.privacy,
        max_tokens=args.max_tokens,
        threads=args.threads,
        system=args.system,
        prompts=tuple(args.prompt),
        json_output=args.json,
        start_offline=args.offline,
        history_file=args.history_file or default_history_file(),
        history_turns=args.history_turns,
        gateway_wait_s=max(0.0, args.gateway_wait),
        tour=args.tour,
    )


def thread_split(options: AppOptions, cpus: int | None = None) -> tuple[int | None, int | None]:
    """Threads for (the device model, the embedded gateway's model); None: their own default.

    llama.cpp's threads spin while they wait, so two models that each take
    every core run at a fraction of their speed (measured on 2 cores: a local
    answer took 8 s instead of 0.5 s while the embedded gateway loaded). When
    the embedded gateway runs a model on this machine and ``--threads`` is
    not given, the cores are split: half for the device model (prompt reading
    included), the rest for the gateway. ``--threads N`` sets the device
    model's threads and leaves the gateway its own default (every core).
    """
    if options.threads is not None:
        return options.threads, None
    if not options.embedded_gateway or options.gateway_backend != "llama":
        return None, None
    cpus = cpus or _usable_cpus()
    device = max(1, cpus // 2)
    return device, max(1, cpus - device)


def _usable_cpus() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # no affinity API (macOS)
        return max(1, os.cpu_count() or 1)
