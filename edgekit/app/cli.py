"""``edgekit chat``: the terminal chat app (device first, cloud when unsure)."""

from __future__ import annotations

import argparse
from typing import Any

from edgekit.app.options import add_arguments


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add the ``chat`` sub-command; rich and the client load only when it runs."""
    chat = sub.add_parser(
        "chat",
        help="chat in the terminal: answers on the device, the cloud only when unsure",
        description="Chat with the on-device model; unsure answers escalate, masked and "
        "encrypted, to an embedded gateway on loopback (or --gateway URL).",
    )
    add_arguments(chat)
    chat.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from edgekit.app.app import run
    from edgekit.app.options import options_from_namespace

    return run(options_from_namespace(args))
