"""Model text → OpenAI-shaped results: tool calls, a parsed JSON answer, stream deltas.

:class:`OutputParser` reads the answer piece by piece (as it streams) and
emits the OpenAI streaming deltas — text content, or tool calls whose first
delta carries ``id`` and ``name`` and whose later deltas carry pieces of the
``arguments`` JSON text. :meth:`OutputParser.finish` returns the whole
:class:`StructuredOutput`; the non-streamed result is built by feeding the
whole text through the same parser, so streamed deltas reassemble to it.

Calls are ``<tool_call>\\n{"name": …, "arguments": {…}}\\n</tool_call>``
blocks, ```` ```json ```` fenced blocks of the same object, or the bare object (see
:mod:`edgekit.structured.grammar`); any amount of whitespace between blocks
and inside the JSON is accepted, so unconstrained cloud text parses too.
"""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from edgekit.structured.grammar import CALL_OPEN, FENCE_OPEN, bare_calls
from edgekit.structured.spec import StructuredSpec

OutputFinish = Literal["stop", "length", "tool_calls", "cancelled"]
_OPENERS = {CALL_OPEN.strip(): "</tool_call>", FENCE_OPEN.strip(): "```"}
_BARE = "{"  # a bare call object: no opener to consume, no closer
_HEAD = re.compile(r'\{\s*"name"\s*:\s*"([A-Za-z0-9_-]{1,64})"\s*,\s*"arguments"\s*:\s*(?=\S)')


def new_call_id() -> str:
    """An OpenAI-style tool call id."""
    return "call_" + secrets.token_hex(12)


@dataclass(frozen=True, kw_only=True)
class ToolCall:
    """One call: ``arguments`` is the JSON text, ``parsed`` its value."""

    id: str
    name: str
    arguments: str
    parsed: Any = None

    def as_openai(self) -> dict[str, Any]:
        """The OpenAI ``tool_calls[]`` entry."""
        return {
            "id": self.id,
            "type": "function",
            "function": {"name": self.name, "arguments": self.arguments},
        }

    @classmethod
    def from_openai(cls, raw: Mapping[str, Any]) -> ToolCall:
        """A call from an OpenAI ``tool_calls[]`` entry (``parsed`` None if not JSON)."""
        fn = raw.get("function") or {}
        args = str(fn.get("arguments") or "")
        try:
            parsed = json.loads(args)
        except ValueError:
            parsed = None
        return cls(
            id=str(raw.get("id") or new_call_id()),
            name=str(fn.get("name") or ""),
            arguments=args,
            parsed=parsed,
        )


@dataclass(frozen=True, kw_only=True)
class ToolCallDelta:
    """A streamed piece of call ``index`` (OpenAI's ``delta.tool_calls[]``)."""

    index: int
    id: str | None = None
    name: str | None = None
    arguments: str = ""

    def as_openai(self) -> dict[str, Any]:
        fn: dict[str, Any] = {"arguments": self.arguments}
        out: dict[str, Any] = {"index": self.index, "function": fn}
        if self.id is not None:
            out["id"] = self.id
            out["type"] = "function"
        if self.name is not None:
            fn["name"] = self.name
        return out


@dataclass(frozen=True, kw_only=True)
class StreamDelta:
    """One streamed piece: text ``content`` or a :class:`ToolCallDelta`."""

    content: str = ""
    tool_call: ToolCallDelta | None = None


@dataclass(frozen=True, kw_only=True)
class StructuredOutput:
    """The structured reading of an answer.

    ``content`` is the text answer (the JSON text for ``response_format``),
    ``None`` when the answer is tool calls; ``parsed`` the JSON value of a
    ``response_format`` answer. ``valid`` says the answer is complete and
    validates against its schemas; ``error`` says why not.
    ``unknown_placeholders`` names privacy placeholders in a cloud call's
    arguments that the device never issued (left in place, never guessed).
    """

    content: str | None
    tool_calls: tuple[ToolCall, ...] = ()
    parsed: Any = None
    finish_reason: OutputFinish = "stop"
    valid: bool = True
    error: str | None = None
    unknown_placeholders: tuple[str, ...] = ()

    def message(self) -> dict[str, Any]:
        """The OpenAI assistant message of this answer."""
        msg: dict[str, Any] = {"role": "assistant", "content": self.content}
        if self.tool_calls:
            msg["tool_calls"] = [c.as_openai() for c in self.tool_calls]
        return msg


@dataclass
class _Call:
    index: int
    id: str
    body: str = ""
    name: str | None = None
    args_at: int = -1
    args_sent: int = 0
    depth: int = 0
    in_string: bool = False
    escaped: bool = False
    done: bool = False


@dataclass
class OutputParser:
    """Incremental parser of one answer under ``spec`` (see the module docstring)."""

    spec: StructuredSpec
    id_factory: Callable[[], str] = new_call_id
    _buf: str = ""
    _mode: Literal["undecided", "content", "calls"] = "undecided"
    _text: list[str] = field(default_factory=list)
    _calls: list[_Call] = field(default_factory=list)
    _closer: str = ""
    _junk: bool = False

    def feed(self, piece: str) -> list[StreamDelta]:
        """The deltas ``piece`` completes."""
        self._buf += piece
        if self._mode == "undecided":
            self._decide(final=False)
        if self._mode == "content":
            out, self._buf = self._buf, ""
            self._text.append(out)
            return [StreamDelta(content=out)] if out else []
        if self._mode == "calls":
            return self._scan_calls()
        return []

    def finish(self, finish_reason: OutputFinish = "stop") -> StructuredOutput:
        """The whole result; ``finish_reason`` is the generation's."""
        if self._mode == "undecided":
            self._decide(final=True)
            self.feed("")
        if self._mode == "calls":
            return self._finish_calls(finish_reason)
        return _content_output(self.spec, "".join(self._text), finish_reason)

    def _decide(self, *, final: bool) -> None:
        head = self._buf.lstrip()
        can_call = bool(self.spec.callable_tools)
        openers = (*_OPENERS, _BARE) if bare_calls(self.spec) else tuple(_OPENERS)
        if can_call and any(head.startswith(o) for o in openers):
            self._mode = "calls"
        elif can_call and not final and (not head or any(o.startswith(head) for o in _OPENERS)):
            return  # could still become a call
        else:
            self._mode = "content"

    # --- calls -------------------------------------------------------------

    def _scan_calls(self) -> list[StreamDelta]:
        out: list[StreamDelta] = []
        while self._buf:
            call = self._calls[-1] if self._calls and not self._calls[-1].done else None
            if call is None:
                if not self._open_block():
                    break
                continue
            out += self._scan_body(call)
            if not call.done:
                break
        return out

    def _open_block(self) -> bool:
        """Consume separators, the closer of the last block and the next opener."""
        text = self._buf
        if self._closer:
            stripped = text.lstrip()
            if len(stripped) < len(self._closer) and self._closer.startswith(stripped):
                return False
            if stripped.startswith(self._closer):
                text = stripped[len(self._closer) :]
            self._closer = ""
        stripped = text.lstrip()
        if stripped.startswith(_BARE) and bare_calls(self.spec):
            self._buf = stripped
            self._calls.append(_Call(index=len(self._calls), id=self.id_factory()))
            return True
        for opener, closer in _OPENERS.items():
            if stripped.startswith(opener):
                self._buf = stripped[len(opener) :].lstrip()
                self._closer = closer
                self._calls.append(_Call(index=len(self._calls), id=self.id_factory()))
                return True
            if opener.startswith(stripped):
                self._buf = text
                return False
        self._junk = self._junk or bool(stripped)
        self._buf = ""
        return False

    def _scan_body(self, call: _Call) -> list[StreamDelta]:
        """Move ``_buf`` into ``call.body`` up to the end of its JSON object."""
        if not call.body:
            self._buf = self._buf.lstrip()
        take = _object_end(call, self._buf)
        call.body += self._buf[:take]
        self._buf = self._buf[take:]
        out: list[StreamDelta] = []
        if call.name is None and (m := _HEAD.match(call.body)):
            call.name, call.args_at = m.group(1), m.end()
            call.args_sent = call.args_at
            out.append(
                StreamDelta(tool_call=ToolCallDelta(index=call.index, id=call.id, name=call.name))
            )
        if call.name is not None:
            stop = _value_end(call.body, call.args_at)
            piece = call.body[call.args_sent : len(call.body) if stop is None else stop]
            if piece:
                call.args_sent += len(piece)
                out.append(StreamDelta(tool_call=ToolCallDelta(index=call.index, arguments=piece)))
        return out

    def _finish_calls(self, finish_reason: OutputFinish) -> StructuredOutput:
        calls: list[ToolCall] = []
        errors: list[str] = []
        for c in self._calls:
            call, err = _complete_call(self.spec, c)
            if call is not None:
                calls.append(call)
            if err:
                errors.append(err)
        if self._junk or (self._closer and finish_reason != "length"):
            errors.append("text outside the tool-call blocks")
        if not calls and not errors:
            errors.append("no tool call")
        if finish_reason == "length":
            errors.append("cut by max_tokens")
        finish: OutputFinish = "tool_calls" if finish_reason == "stop" and calls else finish_reason
        return StructuredOutput(
            content=None,
            tool_calls=tuple(calls),
            finish_reason=finish,
            valid=not errors,
            error="; ".join(errors) or None,
        )


def _object_end(call: _Call, text: str) -> int:
    """How much of ``text`` belongs to the call's JSON object (updates its scanner)."""
    for i, ch in enumerate(text):
        if call.in_string:
            if call.escaped:
                call.escaped = False
            elif ch == "\\":
                call.escaped = True
            elif ch == '"':
                call.in_string = False
        elif ch == '"':
            call.in_string = True
        elif ch in "{[":
            call.depth += 1
        elif ch in "}]":
            call.depth -= 1
            if call.depth <= 0:
                call.done = True
                return i + 1
    return len(text)


def _value_end(body: str, start: int) -> int | None:
    """End of the JSON object or array that starts at ``body[start]``, if it is complete."""
    depth, in_string, escaped = 0, False, False
    for i in range(start, len(body)):
        ch = body[i]
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "{[":
            depth += 1
        elif ch in "}]":
            depth -= 1
            if depth == 0:
                return i + 1
    return None


def _complete_call(spec: StructuredSpec, c: _Call) -> tuple[ToolCall | None, str | None]:
    if not c.done:
        return None, "an unfinished tool call"
    try:
        body = json.loads(c.body)
    except ValueError:
        return None, "a tool call that is not JSON"
    if not isinstance(body, dict) or not isinstance(body.get("name"), str):
        return None, "a tool call without a name"
    args = body.get("arguments", {})
    if isinstance(args, str):  # some servers double-encode
        try:
            args = json.loads(args)
        except ValueError:
            return None, "tool-call arguments that are not JSON"
    stop = _value_end(c.body, c.args_at) if c.args_at >= 0 else None
    text = c.body[c.args_at : stop] if stop is not None else json.dumps(args)
    call = ToolCall(id=c.id, name=body["name"], arguments=text, parsed=args)
    return call, check_call(spec, call)


def check_call(spec: StructuredSpec, call: ToolCall) -> str | None:
    """Why ``call`` is not a valid call of ``spec``'s tools, or None."""
    tool = spec.tool(call.name)
    if tool is None or tool not in spec.callable_tools:
        return "a call of a tool this request does not offer"
    if call.parsed is None and call.arguments.strip() not in ("null",):
        try:
            json.loads(call.arguments)
        except ValueError:
            return "tool-call arguments that are not JSON"
    return _schema_error(tool.parameters, call.parsed, "tool-call arguments")


def _content_output(spec: StructuredSpec, text: str, finish: OutputFinish) -> StructuredOutput:
    fmt = spec.response_format
    if fmt is None:
        error = "no tool call" if spec.must_call else None
        return StructuredOutput(
            content=text, finish_reason=finish, valid=error is None, error=error
        )
    try:
        parsed = json.loads(text)
    except ValueError:
        why = "cut by max_tokens" if finish == "length" else "the answer is not JSON"
        return StructuredOutput(content=text, finish_reason=finish, valid=False, error=why)
    error = _schema_error(fmt.schema, parsed, "the answer")
    return StructuredOutput(
        content=text, parsed=parsed, finish_reason=finish, valid=error is None, error=error
    )


def _schema_error(schema: Mapping[str, Any], value: Any, what: str) -> str | None:
    from jsonschema import Draft202012Validator

    err = next(iter(Draft202012Validator(schema).iter_errors(value)), None)
    if err is None:
        return None
    path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in err.absolute_path)
    return f"{what} fail the schema at '{path or '.'}' ('{err.validator}')"


def parse_output(
    spec: StructuredSpec, text: str, finish: OutputFinish = "stop"
) -> StructuredOutput:
    """The structured reading of a whole answer (the same parser as streaming)."""
    parser = OutputParser(spec)
    parser.feed(text)
    return parser.finish(finish)
