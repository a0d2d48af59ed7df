"""Choosing what answers: the routing client when available, else the engine alone."""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Console

from edgechat.gateway import GatewayHandle
from edgechat.local_responder import LocalResponder
from edgechat.options import AppOptions
from edgechat.session import Responder

LinkDescriber = Callable[[], str]


def build_responder(
    options: AppOptions, gateway: GatewayHandle | None, ui: Console
) -> tuple[Responder, LinkDescriber]:
    """The responder for ``options`` and a function describing the link for the UI."""
    local = LocalResponder.open(options.model, max_tokens=options.max_tokens,
                                reason="no gateway: local only")
    return local, lambda: "no link"
