"""The chat app's entry point: options → gateway → responder → interactive or batch loop."""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterable, Sequence

from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from edgekit._deps import disable_dependency_telemetry
from edgekit.app.commands import Commands
from edgekit.app.gateway import GatewayHandle
from edgekit.app.options import AppOptions, parse_options, thread_split
from edgekit.app.responders import build_responder
from edgekit.app.session import ChatSession
from edgekit.app.tour import tour_lines
from edgekit.app.ui import GatewayAnnouncer, run_batch, run_interactive, stdin_lines
from edgekit.errors import EdgeKitError
from edgekit.transport.errors import KeyConfigPinError


def main(argv: Sequence[str] | None = None, *, prog: str = "chat_app.py") -> int:
    """Run the chat app with command-line arguments ``argv``; returns the exit status."""
    disable_dependency_telemetry()
    return run(parse_options(argv, prog))


def run(options: AppOptions) -> int:
    """Run the app for already-parsed options."""
    interactive = not options.prompts and sys.stdin.isatty()
    out = Console(highlight=False)
    # In batch mode stdout carries only answers (or JSON): progress goes to stderr.
    ui = out if interactive else Console(stderr=True, highlight=False)
    gateway: GatewayHandle | None = None
    if options.embedded_gateway:
        gateway = GatewayHandle(
            model=options.gateway_model,
            backend=options.gateway_backend,
            n_threads=thread_split(options)[1],
        )
        # Interactive: start now, in the background, so escalations rarely wait. A script
        # that asked for local answers only gets the gateway when (if) it first needs it.
        if interactive or options.route != "local":
            gateway.start()
    session: ChatSession | None = None
    try:
        with ui.status(f"loading {options.model} on the device…", spinner="dots"):
            responder, link = build_responder(options, gateway, ui)
        session = ChatSession(
            responder,
            route=options.route,
            system=options.system,
            history_turns=options.history_turns,
            offline=options.start_offline,
        )
        if options.start_offline:
            responder.set_offline(True)
        commands = Commands(
            session,
            privacy_preset=options.privacy,
            set_offline=responder.set_offline,
            gateway_info=lambda: gateway.describe() if gateway else {},
            cloud_available=options.embedded_gateway or bool(options.gateway_url),
        )
        script = tour_lines() if _wants_tour(options, interactive) else []
        if interactive:
            return run_interactive(
                out,
                session,
                commands,
                banner=_banner(options, gateway),
                announcer=GatewayAnnouncer(gateway),
                describe_link=link,
                history_file=options.history_file,
                script=script,
            )
        # Read stdin lazily: a socket-activated service answers each line as it arrives.
        lines: Iterable[str] = options.prompts or stdin_lines(sys.stdin)
        if script:
            lines = itertools.chain(script, lines)
        return run_batch(
            session,
            commands,
            lines,
            json_output=options.json_output,
            out=out,
            err=ui,
            announcer=GatewayAnnouncer(gateway),
            describe_link=link,
        )
    except EdgeKitError as exc:
        ui.print(Text(f"edgekit: {type(exc).__name__}: {exc}", style="bold red"))
        if isinstance(exc, KeyConfigPinError):
            ui.print(
                "If the gateway rotated its keys on purpose, run again with --repin; "
                "otherwise someone may be intercepting the link."
            )
        return 1
    except KeyboardInterrupt:
        return 130
    finally:
        if session is not None:
            session.close()
        if gateway is not None:
            gateway.stop()


def _wants_tour(options: AppOptions, interactive: bool) -> bool:
    """``--tour``/``--no-tour``; by default, the first interactive run (no history yet)."""
    if options.tour is not None:
        return options.tour
    first_run = options.history_file is not None and not options.history_file.exists()
    return interactive and first_run


def _banner(options: AppOptions, gateway: GatewayHandle | None) -> Panel:
    if gateway is not None:
        where = f"embedded gateway, {gateway.status().model} (starting in the background)"
    elif options.gateway_url:
        where = f"gateway {options.gateway_url}"
    else:
        where = "no gateway: everything stays on this device"
    text = Text.assemble(
        ("EdgeKit chat", "bold"),
        f" — {options.model} answers on this device\n",
        ("cloud: ", "bold"),
        where,
        "\n",
        ("route: ", "bold"),
        options.route,
        ("   privacy: ", "bold"),
        options.privacy,
        ("   /help", "cyan"),
        " for commands, Ctrl-D to leave",
    )
    return Panel(text, border_style="green")
