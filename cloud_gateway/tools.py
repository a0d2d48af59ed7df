"""Tools and structured answers in the gateway's inner chat API.

The request's ``tools`` / ``tool_choice`` / ``response_format`` /
``parallel_tool_calls`` are validated with EdgeKit's own checks (the same
ones the device runs, so both sides refuse the same schemas) and kept in the
OpenAI shape; messages may carry assistant ``tool_calls`` and tool results.
Tool-call deltas from a backend are merged into whole calls for a
non-streamed answer.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from cloud_gateway.problems import BadRequest

_FIELDS = ("tools", "tool_choice", "response_format", "parallel_tool_calls")
MAX_TOOL_CALLS = 64


def parse_structured(data: Mapping[str, Any]) -> dict[str, Any]:
    """The validated structured fields of a chat body (empty for plain text)."""
    from edgekit.structured import SchemaError, parse_spec

    if not any(data.get(k) is not None for k in _FIELDS):
        return {}
    try:
        spec = parse_spec(
            data.get("tools"),
            data.get("tool_choice"),
            data.get("response_format"),
            data.get("parallel_tool_calls"),
        )
    except SchemaError as exc:
        raise BadRequest(str(exc)) from None
    if spec is None:
        return {}
    # Validated, then kept exactly as sent: an upstream gets the fields unchanged
    # (llama.cpp servers read extensions such as json_object's "schema").
    return {k: data[k] for k in _FIELDS if data.get(k) is not None}


def parse_tool_fields(item: Mapping[str, Any]) -> tuple[tuple[dict[str, Any], ...], str | None]:
    """An assistant message's ``tool_calls`` and a tool message's ``tool_call_id``."""
    raw = item.get("tool_calls")
    calls: list[dict[str, Any]] = []
    if raw is not None:
        if not isinstance(raw, list) or len(raw) > MAX_TOOL_CALLS:
            raise BadRequest(f"'tool_calls' must be a list of at most {MAX_TOOL_CALLS} calls")
        calls = [_history_call(c) for c in raw]
    call_id = item.get("tool_call_id")
    if call_id is not None and not isinstance(call_id, str):
        raise BadRequest("'tool_call_id' must be a string")
    return tuple(calls), call_id


def _history_call(raw: Any) -> dict[str, Any]:
    fn = raw.get("function") if isinstance(raw, dict) else None
    if not isinstance(fn, dict) or not isinstance(fn.get("name"), str):
        raise BadRequest("each tool call needs 'function': {'name', 'arguments'}")
    args = fn.get("arguments", "{}")
    if not isinstance(args, str):
        args = json.dumps(args)
    return {
        "id": str(raw.get("id") or ""),
        "type": "function",
        "function": {"name": fn["name"], "arguments": args},
    }


class ToolCallMerger:
    """Merges streamed ``delta.tool_calls[]`` entries into whole calls."""

    def __init__(self) -> None:
        self._calls: dict[int, dict[str, Any]] = {}

    def add(self, entries: tuple[Mapping[str, Any], ...]) -> None:
        for entry in entries:
            index = int(entry.get("index", 0))
            fn = entry.get("function") or {}
            call = self._calls.setdefault(
                index, {"id": "", "type": "function", "function": {"name": "", "arguments": ""}}
            )
            call["id"] = call["id"] or entry.get("id") or ""
            if not call["function"]["name"]:  # sent once; llama-cpp-python repeats it
                call["function"]["name"] = fn.get("name") or ""
            call["function"]["arguments"] += fn.get("arguments") or ""

    def calls(self) -> list[dict[str, Any]]:
        """The merged calls in index order."""
        return [self._calls[i] for i in sorted(self._calls)]
