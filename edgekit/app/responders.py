"""Choosing what answers: EdgeKit's routing client, or the engine alone if it is missing."""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Console
from rich.text import Text

from edgekit.app.gateway import GatewayHandle
from edgekit.app.options import AppOptions
from edgekit.app.session import Responder

LinkDescriber = Callable[[], str]


def build_responder(
    options: AppOptions, gateway: GatewayHandle | None, ui: Console
) -> tuple[Responder, LinkDescriber]:
    """The responder for ``options`` and a function describing the link for the UI.

    The routing client (``edgekit.client``) is the normal case. An installation
    without it (a trimmed build) still chats, on the device only, and says so.
    """
    try:
        from edgekit.app.client_responder import ClientResponder
    except ImportError as exc:
        from edgekit.app.local_responder import LocalResponder

        ui.print(
            Text(
                f"routing client unavailable ({exc.name}): answering on the device only",
                style="yellow",
            )
        )
        local = LocalResponder.open(
            options.model,
            max_tokens=options.max_tokens,
            reason="routing client not installed: local only",
        )
        return local, lambda: "no link"
    responder = ClientResponder(options, gateway)
    warning = responder.check_gateway_keys()
    if warning:
        ui.print(Text(warning, style="yellow"))
    return responder, responder.describe_link
