"""Slash commands, shared by the interactive chat and the batch mode.

Each command returns a :class:`CommandResult`: a rich renderable for the
terminal and a JSON-ready dict for ``--json``. Neither ever carries the
values of masked entities except the ``/privacy`` renderable, which shows
the user's own message on the user's own terminal.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from rich.console import RenderableType
from rich.text import Text

from edgekit.app import render
from edgekit.app.options import PrivacyPreset
from edgekit.app.privacy_view import scan_spans
from edgekit.app.session import ChatSession


@dataclass(frozen=True)
class CommandResult:
    """What a command produced."""

    name: str
    renderable: RenderableType
    data: Mapping[str, Any] = field(default_factory=dict)
    quit: bool = False
    ok: bool = True


LinkSwitch = Callable[[bool], None]
GatewayInfo = Callable[[], Mapping[str, Any]]


class Commands:
    """Parses and runs ``/commands`` against a session."""

    def __init__(
        self,
        session: ChatSession,
        *,
        privacy_preset: PrivacyPreset,
        set_offline: LinkSwitch,
        gateway_info: GatewayInfo,
        cloud_available: bool = True,
    ) -> None:
        self._session = session
        self._cloud_available = cloud_available
        self._privacy_preset = privacy_preset
        self._set_offline = set_offline
        self._gateway_info = gateway_info
        self._table: dict[str, Callable[[list[str]], CommandResult]] = {
            "route": self._route,
            "why": self._why,
            "privacy": self._privacy,
            "offline": self._offline,
            "online": self._online,
            "stats": self._stats,
            "clear": self._clear,
            "help": self._help,
            "quit": self._quit,
            "exit": self._quit,
        }

    @staticmethod
    def is_command(line: str) -> bool:
        return line.startswith("/")

    def run(self, line: str) -> CommandResult:
        """Run one command line such as ``/route cloud``."""
        name, *args = line[1:].split()
        handler = self._table.get(name.lower()) if name else None
        if handler is None:
            return CommandResult(
                "unknown",
                Text(f"Unknown command {line.split()[0]!r}: type /help.", style="red"),
                {"command": name, "error": "unknown command"},
                ok=False,
            )
        return handler(args)

    def _route(self, args: list[str]) -> CommandResult:
        if len(args) != 1:
            current = self._session.route
            return CommandResult(
                "route",
                Text(f"route: {current} (use /route local|cloud|auto)"),
                {"command": "route", "route": current},
            )
        if args[0].lower() == "cloud" and not self._cloud_available:
            message = "no gateway configured (started with --no-gateway): answers stay local"
            return CommandResult(
                "route",
                Text(message, style="red"),
                {"command": "route", "error": message},
                ok=False,
            )
        try:
            mode = self._session.set_route(args[0].lower())
        except ValueError:
            return CommandResult(
                "route",
                Text("usage: /route local|cloud|auto", style="red"),
                {"command": "route", "error": "usage: /route local|cloud|auto"},
                ok=False,
            )
        meaning = {
            "local": "every answer on the device",
            "cloud": "every answer from the gateway (masked, encrypted)",
            "auto": "on the device, escalating when the small model is unsure",
        }[mode]
        return CommandResult(
            "route",
            Text(f"route: {mode} — {meaning}", style="bold"),
            {"command": "route", "route": mode},
        )

    def _why(self, _args: list[str]) -> CommandResult:
        last = self._session.last
        data: dict[str, Any] = {"command": "why", "decision": None}
        if last is not None:
            data["decision"] = dict(last.decision)
            data["link"] = None if last.link is None else last.link.as_dict()
        return CommandResult("why", render.why_panel(last), data)

    def _privacy(self, _args: list[str]) -> CommandResult:
        message = self._session.last_message
        spans = scan_spans(message, self._privacy_preset) if message else []
        masked = dict(self._session.last.masked) if self._session.last else {}
        detected: dict[str, int] = {}
        for kind, *_ in spans:
            detected[kind] = detected.get(kind, 0) + 1
        data = {
            "command": "privacy",
            "preset": self._privacy_preset,
            "detected": dict(sorted(detected.items())),
            "spans": [{"type": k, "start": s, "end": e, "action": a} for k, s, e, a in spans],
            "masked": dict(sorted(masked.items())),
        }
        return CommandResult("privacy", render.privacy_panel(message, spans, masked), data)

    def _offline(self, _args: list[str]) -> CommandResult:
        self._session.offline = True
        self._set_offline(True)
        return CommandResult(
            "offline",
            Text(
                "link down (simulated): the gateway is unreachable; answers stay on the device.",
                style="yellow",
            ),
            {"command": "offline", "offline": True},
        )

    def _online(self, _args: list[str]) -> CommandResult:
        self._session.offline = False
        self._set_offline(False)
        return CommandResult(
            "online", Text("link restored.", style="green"), {"command": "online", "offline": False}
        )

    def _stats(self, _args: list[str]) -> CommandResult:
        link = dict(self._session.responder.link_stats() or {})
        link.update(self._gateway_info())
        data = {"command": "stats", **self._session.stats.as_dict(), "link": link}
        return CommandResult("stats", render.stats_table(self._session.stats, link), data)

    def _clear(self, _args: list[str]) -> CommandResult:
        self._session.clear()
        return CommandResult("clear", Text("conversation cleared."), {"command": "clear"})

    def _help(self, _args: list[str]) -> CommandResult:
        commands = [c for c, _ in render.COMMANDS]
        return CommandResult("help", render.help_table(), {"command": "help", "commands": commands})

    def _quit(self, _args: list[str]) -> CommandResult:
        return CommandResult("quit", Text("bye."), {"command": "quit"}, quit=True)
