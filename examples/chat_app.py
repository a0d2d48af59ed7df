#!/usr/bin/env python3
"""EdgeKit's chat app: a small model on this device, a bigger one behind an encrypted gateway.

    .venv/bin/python examples/chat_app.py                       # interactive chat
    .venv/bin/python examples/chat_app.py --prompt "What is the capital of France?" --json
    printf 'Hi\\n/why\\n' | .venv/bin/python examples/chat_app.py --json

Every answer ends with a line saying where it came from (device, cloud or a
mid-answer hand-off), how confident the small model was against the router's
threshold, how fast it was and which kinds of personal data were masked before
anything left the device. Type /help inside the chat for the commands. The app
itself is ``edgekit.app`` (also run by ``edgekit chat``); see examples/README.md.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from edgekit.app.app import main as _app_main


def main(argv: Sequence[str] | None = None) -> int:
    """Run the chat app with ``argv`` (default: the command line); returns the exit status."""
    return _app_main(argv)


if __name__ == "__main__":
    sys.exit(main())
