"""Chat messages: the one message type and the one validator every layer uses.

A message is an OpenAI-shaped mapping with a ``role`` (``system``, ``user``,
``assistant`` or ``tool``) and a string ``content`` (an assistant message that
carries ``tool_calls`` may have none). The client, the cloud client and the
chat-template renderer all check messages with :func:`check_messages` and
refuse bad ones with :class:`~edgekit.errors.MessageError`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final

from edgekit.errors import MessageError

Message = Mapping[str, Any]
Messages = Sequence[Message]

ROLES: Final = ("system", "user", "assistant", "tool")
MAX_MESSAGES: Final = 1024
_KEPT: Final = ("tool_calls", "tool_call_id", "name")  # OpenAI fields kept besides role/content


def check_messages(messages: object, *, max_messages: int = MAX_MESSAGES) -> list[dict[str, Any]]:
    """Validated plain copies of ``messages``; raises :class:`MessageError` naming the fault."""
    if isinstance(messages, str | bytes) or not isinstance(messages, Sequence):
        raise MessageError("messages must be a sequence of {'role', 'content'} mappings")
    if not messages or len(messages) > max_messages:
        raise MessageError(f"messages must hold 1..{max_messages} entries")
    return [_checked(index, message) for index, message in enumerate(messages)]


def _checked(index: int, message: object) -> dict[str, Any]:
    if not isinstance(message, Mapping):
        raise MessageError(f"message {index} must be a mapping with 'role' and 'content'")
    role, content = message.get("role"), message.get("content")
    if role not in ROLES:
        raise MessageError(f"message {index}: role must be one of {', '.join(ROLES)}")
    calls = message.get("tool_calls")
    if content is None and role == "assistant" and calls:
        content = ""
    if not isinstance(content, str):
        raise MessageError(f"message {index}: content must be a string")
    out: dict[str, Any] = {"role": role, "content": content}
    out.update({key: message[key] for key in _KEPT if message.get(key) is not None})
    return out
