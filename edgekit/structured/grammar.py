"""The grammar an answer must follow, as llguidance Lark text.

Tool calls are written the way Qwen2.5's and Hermes' chat templates define
them — ``<tool_call>\\n{"name": …, "arguments": {…}}\\n</tool_call>`` — one
block per call. When the model may also answer in text (``tool_choice``
``"auto"``), a call may instead come in a fenced ```` ```json ```` block or as
the bare JSON object — the forms small and coder models reach for (Qwen2.5-Coder
starts a bare ``{`` once its system prompt grows); a text answer is anything
that starts with none of them (not ``<``, a backtick, ``{`` or whitespace).
Each tool's arguments are a ``%json`` island compiled from its own schema
(so its local ``$ref``s keep working), with fixed separators and
no free whitespace: the structure is forced, only the tool's name and the
argument values are the model's choice.
"""

from __future__ import annotations

import json
from typing import Any

from edgekit.structured.schema import tighten
from edgekit.structured.spec import StructuredSpec, Tool

CALL_OPEN = "<tool_call>\n"
CALL_CLOSE = "\n</tool_call>"
FENCE_OPEN = "```json\n"
FENCE_CLOSE = "\n```"
CALL_SEPARATOR = "\n"
MAX_PARALLEL_CALLS = 8
JSON_STYLE = {"whitespace_flexible": False, "item_separator": ", ", "key_separator": ": "}
# A text answer: any text whose first character cannot start a call (block or bare object).
TEXT_RULE = r"TEXT: /[^<`{\s][\s\S]*/"


def call_prefix(name: str) -> str:
    """The JSON text of a call up to its arguments."""
    return '{"name": ' + json.dumps(name) + ', "arguments": '


def bare_calls(spec: StructuredSpec) -> bool:
    """Whether a call may come as the bare object (only where no JSON answer could start so)."""
    return not spec.must_call and spec.response_format is None


def json_island(schema: Any) -> str:
    """A Lark ``%json`` island for ``schema`` with EdgeKit's JSON style."""
    body = dict(tighten(schema)) if isinstance(schema, dict) else {}
    body["x-guidance"] = JSON_STYLE
    return "%json " + json.dumps(body, ensure_ascii=False)


def lark_grammar(spec: StructuredSpec) -> str:
    """The Lark grammar of every answer ``spec`` allows."""
    tools = spec.callable_tools
    rules: list[str] = []
    if tools:
        rules += _call_rules(tools, spec)
    fmt = spec.response_format
    if fmt is not None:
        rules.append("answer: " + json_island(fmt.schema))
    if not tools:
        start = "answer"
    elif spec.must_call:
        start = "calls"
    elif fmt is not None:
        start = "calls | answer"
    else:
        start = "calls | TEXT"
        rules.append(TEXT_RULE)
    return "\n".join(["start: " + start, *rules]) + "\n"


def _call_rules(tools: tuple[Tool, ...], spec: StructuredSpec) -> list[str]:
    wrappers = [f"{_lit(CALL_OPEN)} call {_lit(CALL_CLOSE)}"]
    if not spec.must_call:
        wrappers.append(f"{_lit(FENCE_OPEN)} call {_lit(FENCE_CLOSE)}")
    if bare_calls(spec):
        wrappers.append("call")
    rules = ["block: " + " | ".join(wrappers)]
    if spec.parallel_tool_calls is True:
        more = f"({_lit(CALL_SEPARATOR)} block)"
        rules.append(f"calls: block {more}{{0,{MAX_PARALLEL_CALLS - 1}}}")
    else:
        rules.append("calls: block")
    names = [f"call_{i}" for i in range(len(tools))]
    rules.append("call: " + " | ".join(names))
    for rule, tool in zip(names, tools, strict=True):
        rules.append(f"{rule}: {_lit(call_prefix(tool.name))} {rule}_args {_lit('}')}")
        rules.append(f"{rule}_args: {json_island(tool.parameters)}")
    return rules


def _lit(text: str) -> str:
    """A Lark string literal."""
    return json.dumps(text, ensure_ascii=False)
