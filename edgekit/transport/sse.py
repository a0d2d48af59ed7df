"""Incremental Server-Sent Events parsing, and the OpenAI chat stream on top of it.

The parser follows the WHATWG event-stream rules (CR, LF and CRLF line ends,
``:`` comments, multi-line ``data``, one optional space after the colon) and
gives the same events for any split of the input into chunks, including a CRLF
split between two chunks. Lines and events are bounded; exceeding a bound is a
:class:`~edgekit.transport.errors.ResponseFormatError`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from edgekit.errors import CloudResponseError, EdgeKitError
from edgekit.transport.errors import ResponseFormatError

_EOL = re.compile(rb"[\r\n]")
_BOM = b"\xef\xbb\xbf"
DONE = "[DONE]"


@dataclass(frozen=True, slots=True)
class SSEEvent:
    """One dispatched event: ``event`` type (default ``message``), ``data``, last ``id``."""

    data: str
    event: str = "message"
    id: str | None = None


class SSEParser:
    """Feed bytes as they arrive; get complete events back."""

    def __init__(self, *, max_line_bytes: int = 1024 * 1024, max_event_bytes: int | None = None):
        self._max_line = max_line_bytes
        self._max_event = max_event_bytes or 4 * max_line_bytes
        self._buf = bytearray()
        self._skip_lf = False
        self._at_start = True
        self._data: list[str] = []
        self._data_len = 0
        self._event = ""
        self._last_id: str | None = None
        self._pending: ResponseFormatError | None = None

    def feed(self, chunk: bytes) -> list[SSEEvent]:
        """Consume ``chunk`` and return the events it completed.

        If the chunk completes events and then breaks a bound, the events are
        returned and the error is raised by the next call (or by
        :meth:`raise_pending`), so nothing that arrived intact is lost.
        """
        self.raise_pending()
        events: list[SSEEvent] = []
        try:
            self._consume(chunk, events)
        except ResponseFormatError as exc:
            if not events:
                raise
            self._pending = exc
        return events

    def raise_pending(self) -> None:
        """Raise an error held back by :meth:`feed`, if any."""
        if self._pending is not None:
            raise self._pending

    def _consume(self, chunk: bytes, events: list[SSEEvent]) -> None:
        buf = self._buf
        buf += chunk
        if self._at_start:
            if len(buf) < len(_BOM) and _BOM.startswith(bytes(buf)):
                return
            if buf.startswith(_BOM):
                del buf[: len(_BOM)]
            self._at_start = False
        start = 0
        while True:
            if self._skip_lf:
                if start >= len(buf):
                    break
                if buf[start] == 0x0A:
                    start += 1
                self._skip_lf = False
            match = _EOL.search(buf, start)
            if match is None:
                break
            end = match.start()
            line = bytes(buf[start:end])
            start = end + 1
            if buf[end] == 0x0D:
                self._skip_lf = True
            event = self._line(line)
            if event is not None:
                events.append(event)
        del buf[:start]
        if len(buf) > self._max_line:
            raise ResponseFormatError("event-stream line exceeds the length limit")

    @property
    def has_partial(self) -> bool:
        """True when bytes or an undispatched event are pending (a truncated stream)."""
        return bool(self._buf) or bool(self._data)

    def _line(self, raw: bytes) -> SSEEvent | None:
        if len(raw) > self._max_line:
            raise ResponseFormatError("event-stream line exceeds the length limit")
        if not raw:
            return self._dispatch()
        line = raw.decode("utf-8", errors="replace")
        if line.startswith(":"):
            return None
        name, sep, value = line.partition(":")
        if sep and value.startswith(" "):
            value = value[1:]
        if name == "data":
            self._data_len += len(value) + 1
            if self._data_len > self._max_event:
                raise ResponseFormatError("event-stream event exceeds the size limit")
            self._data.append(value)
        elif name == "event":
            self._event = value
        elif name == "id" and "\0" not in value:
            self._last_id = value
        return None

    def _dispatch(self) -> SSEEvent | None:
        if not self._data:
            self._event = ""
            return None
        event = SSEEvent(
            data="\n".join(self._data), event=self._event or "message", id=self._last_id
        )
        self._data = []
        self._data_len = 0
        self._event = ""
        return event


@dataclass(frozen=True, slots=True)
class ChatDelta:
    """What one OpenAI ``chat.completion.chunk`` contributes."""

    text: str
    finish_reason: str | None = None
    usage: dict[str, int] | None = None
    model: str | None = None
    tool_calls: tuple[dict[str, Any], ...] = ()  # OpenAI ``delta.tool_calls[]`` entries


class ChatStreamDecoder:
    """OpenAI chat-completions SSE stream → :class:`ChatDelta` items; tracks ``[DONE]``."""

    def __init__(self, *, max_line_bytes: int = 1024 * 1024) -> None:
        self._sse = SSEParser(max_line_bytes=max_line_bytes)
        self._pending: EdgeKitError | None = None
        self.done = False

    def feed(self, chunk: bytes) -> list[ChatDelta]:
        """Consume stream bytes and return the deltas they complete.

        A malformed event (``ResponseFormatError``) or an in-stream error
        (``CloudResponseError``) is raised at once when nothing precedes it in
        the chunk; otherwise the deltas before it are returned and the error is
        raised by :meth:`raise_pending` or the next ``feed``.
        """
        self.raise_pending()
        deltas: list[ChatDelta] = []
        try:
            for event in self._sse.feed(chunk):
                self._event(event, deltas)
            self._sse.raise_pending()
        except (ResponseFormatError, CloudResponseError) as exc:
            if not deltas:
                raise
            self._pending = exc
        return deltas

    def raise_pending(self) -> None:
        """Raise an error held back by :meth:`feed`, if any."""
        if self._pending is not None:
            raise self._pending

    def _event(self, event: SSEEvent, deltas: list[ChatDelta]) -> None:
        if self.done:
            raise ResponseFormatError("event after the end of the chat stream")
        if event.data.strip() == DONE:
            self.done = True
            return
        delta = parse_chat_chunk(event.data)
        if delta is not None:
            deltas.append(delta)


def parse_chat_chunk(data: str) -> ChatDelta | None:
    """Parse one ``data:`` payload of the OpenAI stream (``None`` when it carries nothing)."""
    try:
        obj = json.loads(data)
    except ValueError as exc:
        raise ResponseFormatError("chat stream event is not JSON") from exc
    if not isinstance(obj, dict):
        raise ResponseFormatError("chat stream event is not a JSON object")
    if "error" in obj:
        raise _stream_error(obj["error"])
    usage = parse_usage(obj.get("usage"))
    model = obj.get("model") if isinstance(obj.get("model"), str) else None
    choices = obj.get("choices")
    if not isinstance(choices, list):
        raise ResponseFormatError("chat stream event has no choices list")
    text, finish = "", None
    calls: tuple[dict[str, Any], ...] = ()
    if choices:
        choice = choices[0]
        if not isinstance(choice, dict):
            raise ResponseFormatError("chat stream choice is not an object")
        delta = choice.get("delta") or {}
        content = delta.get("content") if isinstance(delta, dict) else None
        text = content if isinstance(content, str) else ""
        reason = choice.get("finish_reason")
        finish = reason if isinstance(reason, str) else None
        calls = _tool_call_deltas(delta.get("tool_calls") if isinstance(delta, dict) else None)
    if not text and finish is None and usage is None and not calls:
        return ChatDelta(text="", model=model) if model else None
    return ChatDelta(text=text, finish_reason=finish, usage=usage, model=model, tool_calls=calls)


def _tool_call_deltas(raw: Any) -> tuple[dict[str, Any], ...]:
    """``delta.tool_calls[]`` entries, shape-checked (index, id, function name/arguments)."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise ResponseFormatError("chat stream tool_calls is not a list")
    out = []
    for entry in raw:
        fn = entry.get("function") if isinstance(entry, dict) else None
        fn = {} if fn is None else fn
        if (
            not isinstance(entry, dict)
            or not isinstance(entry.get("index", 0), int)
            or not isinstance(fn, dict)
            or not all(isinstance(fn.get(k, ""), str) for k in ("name", "arguments"))
            or not isinstance(entry.get("id", ""), str)
        ):
            raise ResponseFormatError("chat stream tool call is malformed")
        out.append(
            {
                "index": entry.get("index", 0),
                "id": entry.get("id"),
                "name": fn.get("name"),
                "arguments": fn.get("arguments") or "",
            }
        )
    return tuple(out)


def parse_usage(raw: Any) -> dict[str, int] | None:
    """Keep the integer counters of an OpenAI ``usage`` object."""
    if not isinstance(raw, dict):
        return None
    return {
        key: value
        for key, value in raw.items()
        if isinstance(key, str) and isinstance(value, int) and not isinstance(value, bool)
    }


def _stream_error(raw: Any) -> CloudResponseError:
    kind = raw.get("type") if isinstance(raw, dict) else None
    code = raw.get("code") if isinstance(raw, dict) else None
    status = code if isinstance(code, int) and 400 <= code <= 599 else 502
    return CloudResponseError(
        "the gateway reported an error inside the stream",
        status=status,
        problem_type=kind if isinstance(kind, str) else None,
    )
