"""Personal data inside tool calls: masking the arguments that leave, restoring those that return.

Outbound, :func:`mask_chat` masks a conversation that carries tools: message
text, tool results (``role: "tool"``) and the string values inside earlier
calls' JSON arguments, all through one :class:`~edgekit.privacy.Redactor`
(one vault, so a value has the same placeholder wherever it appears).

Inbound, :class:`JsonArgumentsRestorer` puts the real values back into the
JSON text of a call's arguments as it streams: it follows the JSON lexically,
decodes each string (``\\"``, ``\\u00ab`` …), restores placeholders in the
decoded text with the vault's :class:`~edgekit.privacy.StreamRestorer`, and
encodes the result as a JSON string again — a value holding ``"`` or ``\\``
stays valid JSON. The output does not depend on how the text is chunked.
Placeholders the device never issued are left as they are and reported in
:attr:`JsonArgumentsRestorer.unknown` — never guessed.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from edgekit.errors import PrivacyError
from edgekit.privacy.redactor import PLACEHOLDER_RE, MaskedRequest, Redactor, StreamRestorer, Vault

_SIMPLE_ESCAPES = {
    '"': '"',
    "\\": "\\",
    "/": "/",
    "b": "\b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
}


def mask_chat(redactor: Redactor, messages: Sequence[Mapping[str, Any]]) -> MaskedRequest:
    """Mask message text, tool results and the string values of earlier calls' arguments.

    Raises :class:`~edgekit.errors.PrivacyBlocked` as
    :meth:`Redactor.mask_messages` does; nothing leaves the vault changed then.
    """
    texts: list[str] = []
    arg_texts: list[str] = []
    slots: list[tuple[int, int, list[Any]]] = []  # (message, call, path) per argument string
    parsed_args: list[list[Any]] = []
    for i, message in enumerate(messages):
        if not isinstance(message, Mapping):
            raise PrivacyError(f"message {i} is not a mapping")
        content = message.get("content")
        texts.append(content if isinstance(content, str) else "")
        calls = []
        for j, call in enumerate(message.get("tool_calls") or ()):
            args = _arguments_of(call, i)
            calls.append(args)
            for path, value in _strings(args, []):
                slots.append((i, j, path))
                arg_texts.append(value)
        parsed_args.append(calls)
    texts += arg_texts
    masked = redactor.mask_messages([{"role": "user", "content": t} for t in texts])
    out_texts = [m["content"] for m in masked.messages]
    out = [_masked_message(m, out_texts[i]) for i, m in enumerate(messages)]
    for (i, j, path), value in zip(slots, out_texts[len(messages) :], strict=True):
        _set(parsed_args[i][j], path, value)
    for i, calls in enumerate(parsed_args):
        for j, args in enumerate(calls):
            fn = dict(out[i]["tool_calls"][j]["function"])
            fn["arguments"] = json.dumps(args, ensure_ascii=False)
            out[i]["tool_calls"][j] = {**out[i]["tool_calls"][j], "function": fn}
    return MaskedRequest(out, masked.entity_counts, masked.allowed_counts)


def _arguments_of(call: Any, index: int) -> Any:
    fn = call.get("function") if isinstance(call, Mapping) else None
    if not isinstance(fn, Mapping):
        raise PrivacyError(f"message {index} has a malformed tool call")
    args = fn.get("arguments", "{}")
    if isinstance(args, str):
        try:
            return json.loads(args or "{}")
        except ValueError:
            raise PrivacyError(f"message {index}: tool-call arguments are not JSON") from None
    return json.loads(json.dumps(args))


def _strings(value: Any, path: list[Any]) -> list[tuple[list[Any], str]]:
    """(path, string) of every string value inside ``value`` (keys are schema, not data)."""
    if isinstance(value, str):
        return [(path, value)]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in _strings(v, [*path, k])]
    if isinstance(value, list):
        return [s for i, v in enumerate(value) for s in _strings(v, [*path, i])]
    return []


def _set(root: Any, path: list[Any], value: str) -> None:
    node = root
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value


def _masked_message(message: Mapping[str, Any], content: str) -> dict[str, Any]:
    out = dict(message)
    if isinstance(message.get("content"), str):
        out["content"] = content
    if message.get("tool_calls"):
        out["tool_calls"] = [dict(c) for c in message["tool_calls"]]
    return out


@dataclass(frozen=True)
class RestoredArguments:
    """Restored argument text and what restoring found."""

    text: str
    restored: int
    unknown: tuple[str, ...]


class JsonArgumentsRestorer:
    """Restores placeholders inside the JSON text of tool-call arguments, chunk by chunk.

    ``restored`` counts the values put back; ``unknown`` names the
    placeholders («NAME») the device never issued, and
    ``unknown_variants`` counts other unknown forms (``[EMAIL_9]``) — both
    final after :meth:`flush`.
    """

    def __init__(self, vault: Vault) -> None:
        self._vault = vault
        self._string: StreamRestorer | None = None  # set while inside a JSON string
        self._escape = ""  # a pending escape sequence, from its backslash
        self._high = ""  # a high surrogate waiting for its low half
        self._decoded: list[str] = []  # the current string's restored text
        self._closed = False
        self.restored = 0
        self.unknown_variants = 0
        self._unknown: list[str] = []

    @property
    def unknown(self) -> tuple[str, ...]:
        return tuple(self._unknown)

    def feed(self, chunk: str) -> str:
        """Restored JSON text that can be passed on now."""
        if self._closed:
            raise PrivacyError("arguments restorer already flushed")
        out: list[str] = []
        raw: list[str] = []  # plain characters of a string, fed to the restorer in one go
        for ch in chunk:
            if self._string is None:
                out.append(ch)
                if ch == '"':
                    self._string = StreamRestorer(self._vault)
                continue
            if self._escape or ch == "\\":
                self._escape += ch
                if (decoded := self._finish_escape()) is not None:
                    raw.append(decoded)
                continue
            if ch == '"':
                out.append(self._restore("".join(raw)))
                raw = []
                out.append(self._end_string())
                continue
            raw.append(ch)
        if raw:
            out.append(self._restore("".join(raw)))
        return "".join(out)

    def flush(self) -> str:
        """The rest (the arguments ended; an unclosed string is closed as it stands)."""
        if self._closed:
            return ""
        out = ""
        if self._string is not None:
            out = self._end_string()[:-1]
        self._closed = True
        return out

    def _finish_escape(self) -> str | None:
        """The character of a complete escape sequence (None while incomplete)."""
        esc = self._escape
        if len(esc) < 2 or (esc[1] == "u" and len(esc) < 6):
            return None
        self._escape = ""
        if esc[1] != "u":
            return _SIMPLE_ESCAPES.get(esc[1], esc[1])
        try:
            code = int(esc[2:6], 16)
        except ValueError:
            return esc  # not JSON; passed on as it came
        char = chr(code)
        if 0xD800 <= code < 0xDC00:
            self._high = char
            return ""
        if 0xDC00 <= code < 0xE000 and self._high:
            pair = (self._high + char).encode("utf-16", "surrogatepass").decode("utf-16")
            self._high = ""
            return pair
        return char

    def _restore(self, text: str) -> str:
        if not text or self._string is None:
            return ""
        restored = self._string.feed(text)
        self._decoded.append(restored)
        return _encode(restored)

    def _end_string(self) -> str:
        assert self._string is not None
        rest = self._string.flush()
        self._decoded.append(rest)
        self.restored += self._string.restored
        self.unknown_variants += self._string.unknown_placeholders
        for m in PLACEHOLDER_RE.finditer("".join(self._decoded)):
            if not self._vault.assigned(m.group(1)) and m.group(1) not in self._unknown:
                self._unknown.append(m.group(1))
        self._string, self._decoded, self._escape, self._high = None, [], "", ""
        return _encode(rest) + '"'


def _encode(text: str) -> str:
    """``text`` as the inside of a JSON string."""
    return json.dumps(text, ensure_ascii=False)[1:-1]


def restore_arguments(vault: Vault, text: str) -> RestoredArguments:
    """Restore a complete arguments text (the same code as streaming)."""
    restorer = JsonArgumentsRestorer(vault)
    out = restorer.feed(text) + restorer.flush()
    return RestoredArguments(out, restorer.restored, restorer.unknown)
