"""The ``edgekit`` command line.

This module only dispatches: each package contributes its sub-commands through
a ``register(subparsers)`` function in its own ``cli`` module, and imports its
heavy dependencies only when a command runs.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from edgekit._deps import disable_dependency_telemetry
from edgekit.errors import EdgeKitError

# Modules that contribute sub-commands, in the order they appear in --help.
_COMMAND_MODULES = (
    "edgekit.app.cli",
    "edgekit.local.cli",
    "edgekit.calibrate.cli",
    "edgekit.privacy.cli",
    "edgekit.secure.cli",
    "edgekit.serve.cli",
    "edgekit.learn.cli",
)


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser, with every available sub-command."""
    parser = argparse.ArgumentParser(
        prog="edgekit",
        description="EdgeKit: on-device language models with confident cloud escalation.",
    )
    parser.add_argument("-v", "--verbose", action="count", default=0, help="log more (-vv: debug)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in _COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``edgekit`` console script."""
    disable_dependency_telemetry()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.verbose:
        level = logging.DEBUG if args.verbose > 1 else logging.INFO
        logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 2
    try:
        return int(func(args) or 0)
    except EdgeKitError as exc:
        print(f"edgekit: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
