"""Chat messages: the one message type and the one validator every layer uses.

A message is an OpenAI-shaped mapping with a ``role`` (``system``, ``user``
or ``assistant``) and a string ``content``. The client, the cloud client and
the chat-template renderer all check messages with :func:`check_messages`
and refuse bad ones with :class:`~edgekit.errors.MessageError`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final

from edgekit.errors import MessageError

Message = Mapping[str, str]
Messages = Sequence[Message]

ROLES: Final = ("system", "user", "assistant")
MAX_MESSAGES: Final = 1024


def check_messages(messages: object, *, max_messages: int = MAX_MESSAGES) -> list[dict[str, str]]:
    """Validated plain copies of ``messages``; raises :class:`MessageError` naming the fault."""
    if isinstance(messages, str | bytes) or not isinstance(messages, Sequence):
        raise MessageError("messages must be a sequence of {'role', 'content'} mappings")
    if not messages or len(messages) > max_messages:
        raise MessageError(f"messages must hold 1..{max_messages} entries")
    checked: list[dict[str, str]] = []
    for index, message in enumerate(messages):
        if not isinstance(message, Mapping):
            raise MessageError(f"message {index} must be a mapping with 'role' and 'content'")
        role, content = message.get("role"), message.get("content")
        if role not in ROLES:
            raise MessageError(f"message {index}: role must be one of {', '.join(ROLES)}")
        if not isinstance(content, str):
            raise MessageError(f"message {index}: content must be a string")
        checked.append({"role": role, "content": content})
    return checked
