"""Putting tools, earlier calls and tool results into the prompt.

Where the model's chat template renders tools itself (its source uses
``tools`` and ``tool_calls``, as Qwen2.5's does), the template gets the
tools and the messages in Hugging Face's shape. Otherwise — the generic
form, documented in docs/tools.md — a system message lists the tools in the
same words and format as Qwen2.5's template, earlier calls become
``<tool_call>`` blocks in the assistant's text, and tool results become
``<tool_response>`` blocks in a user turn. A ``response_format`` adds its
schema to the system message either way.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from edgekit.structured.errors import SchemaError
from edgekit.structured.grammar import CALL_CLOSE, CALL_OPEN, call_prefix
from edgekit.structured.spec import StructuredSpec

TOOLS_HEADER = (
    "# Tools\n\nYou may call one or more functions to assist with the user query.\n\n"
    "You are provided with function signatures within <tools></tools> XML tags:\n<tools>"
)
TOOLS_FOOTER = (
    "\n</tools>\n\nFor each function call, return a json object with function name and "
    "arguments within <tool_call></tool_call> XML tags:\n<tool_call>\n"
    '{"name": <function-name>, "arguments": <args-json-object>}\n</tool_call>'
)
DEFAULT_SYSTEM = "You are a helpful assistant."


def template_renders_tools(source: str | None) -> bool:
    """Whether a chat template renders ``tools`` and assistant ``tool_calls`` itself."""
    return bool(source) and "tools" in str(source) and "tool_calls" in str(source)


def tools_system_text(spec: StructuredSpec) -> str:
    """The generic system text that lists the tools (Qwen2.5's wording)."""
    lines = [json.dumps(t.as_openai(), ensure_ascii=False) for t in spec.tools]
    return TOOLS_HEADER + "".join("\n" + line for line in lines) + TOOLS_FOOTER


def format_instruction(spec: StructuredSpec) -> str:
    """The system text asking for a JSON answer (empty without ``response_format``)."""
    fmt = spec.response_format
    if fmt is None:
        return ""
    if fmt.kind == "json_object":
        return "Answer with a single JSON object and nothing else."
    schema = json.dumps(dict(fmt.schema), ensure_ascii=False)
    return f"Answer with JSON only, matching this JSON Schema:\n{schema}"


def prepare_messages(
    messages: Sequence[Mapping[str, Any]], spec: StructuredSpec | None, *, native: bool
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Messages and extra template variables for rendering ``messages`` under ``spec``.

    ``native`` says the template renders tools itself (see
    :func:`template_renders_tools`). Raises :class:`SchemaError` for a
    malformed ``tool_calls`` entry or tool message.
    """
    msgs = [_normalize(m, i) for i, m in enumerate(messages)]
    extra: dict[str, Any] = {}
    system_parts: list[str] = []
    if spec is not None and spec.tools and native:
        extra["tools"] = [t.as_openai() for t in spec.tools]
    elif spec is not None and spec.tools:
        system_parts.append(tools_system_text(spec))
    if spec is not None:
        system_parts.append(format_instruction(spec))
    if not native:
        msgs = _generic_history(msgs)
    system = "\n\n".join(p for p in system_parts if p)
    if system:
        msgs = _with_system(msgs, system)
    return msgs, extra


def _normalize(message: Mapping[str, Any], index: int) -> dict[str, Any]:
    """A message with string content and parsed call arguments (Hugging Face's shape)."""
    where = f"messages[{index}]"
    out: dict[str, Any] = {"role": message.get("role"), "content": message.get("content") or ""}
    raw_calls = message.get("tool_calls")
    if raw_calls:
        if not isinstance(raw_calls, Sequence) or isinstance(raw_calls, str):
            raise SchemaError("'tool_calls' must be a list", where=where)
        out["tool_calls"] = [
            _history_call(c, f"{where}.tool_calls[{j}]") for j, c in enumerate(raw_calls)
        ]
    if message.get("role") == "tool" and message.get("tool_call_id") is not None:
        out["tool_call_id"] = str(message["tool_call_id"])
    return out


def _history_call(raw: Any, where: str) -> dict[str, Any]:
    fn = raw.get("function") if isinstance(raw, Mapping) else None
    if not isinstance(fn, Mapping) or not isinstance(fn.get("name"), str):
        raise SchemaError("a tool call needs 'function': {'name', 'arguments'}", where=where)
    args = fn.get("arguments", "{}")
    if isinstance(args, str):
        try:
            args = json.loads(args or "{}")
        except ValueError:
            raise SchemaError("tool-call arguments must be JSON text", where=where) from None
    return {
        "id": str(raw.get("id", "")),
        "type": "function",
        "function": {"name": fn["name"], "arguments": args},
    }


def _generic_history(msgs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Earlier calls as ``<tool_call>`` text, tool results as one user turn per run."""
    out: list[dict[str, Any]] = []
    for m in msgs:
        if m["role"] == "assistant" and m.get("tool_calls"):
            blocks = [_call_block(c["function"]) for c in m["tool_calls"]]
            text = "\n".join(([m["content"]] if m["content"] else []) + blocks)
            out.append({"role": "assistant", "content": text})
        elif m["role"] == "tool":
            block = "<tool_response>\n" + m["content"] + "\n</tool_response>"
            if out and out[-1].get("_tool_turn"):
                out[-1]["content"] += "\n" + block
            else:
                out.append({"role": "user", "content": block, "_tool_turn": True})
        else:
            out.append({"role": m["role"], "content": m["content"]})
    return [{k: v for k, v in m.items() if k != "_tool_turn"} for m in out]


def _call_block(fn: Mapping[str, Any]) -> str:
    args = json.dumps(fn["arguments"], ensure_ascii=False)
    return CALL_OPEN + call_prefix(fn["name"]) + args + "}" + CALL_CLOSE


def _with_system(msgs: list[dict[str, Any]], text: str) -> list[dict[str, Any]]:
    if msgs and msgs[0]["role"] == "system":
        first = dict(msgs[0])
        first["content"] = (first["content"] + "\n\n" + text).strip()
        return [first, *msgs[1:]]
    return [{"role": "system", "content": DEFAULT_SYSTEM + "\n\n" + text}, *msgs]
