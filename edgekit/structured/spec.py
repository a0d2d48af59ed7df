"""The structured part of a chat request: ``tools``, ``tool_choice``, ``response_format``.

:func:`parse_spec` turns the OpenAI-shaped arguments into a validated,
immutable :class:`StructuredSpec` (or ``None`` for a plain-text request),
raising :class:`~edgekit.structured.errors.SchemaError` before anything is
generated. The meaning follows the OpenAI chat API: with tools the default
``tool_choice`` is ``"auto"`` (answer in text or call tools), ``"none"``
(never call), ``"required"`` (call at least one tool) or one named function.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from edgekit.structured.errors import SchemaError
from edgekit.structured.schema import check_schema

ToolChoiceMode = Literal["auto", "none", "required", "named"]
FormatKind = Literal["json_object", "json_schema"]
MAX_TOOLS = 128
_NAME = re.compile(r"[A-Za-z0-9_-]{1,64}")


@dataclass(frozen=True, kw_only=True)
class Tool:
    """One function the model may call; ``parameters`` is a checked JSON Schema."""

    name: str
    description: str
    parameters: Mapping[str, Any]
    strict: bool = False

    def as_openai(self) -> dict[str, Any]:
        """The OpenAI ``tools[]`` entry of this tool."""
        fn: dict[str, Any] = {"name": self.name, "parameters": dict(self.parameters)}
        if self.description:
            fn["description"] = self.description
        if self.strict:
            fn["strict"] = True
        return {"type": "function", "function": fn}


@dataclass(frozen=True, kw_only=True)
class ResponseFormat:
    """A JSON answer: any object (``json_object``) or one matching ``schema``."""

    kind: FormatKind
    schema: Mapping[str, Any]
    name: str = "response"
    strict: bool = False

    def as_openai(self) -> dict[str, Any]:
        """The OpenAI ``response_format`` object."""
        if self.kind == "json_object":
            return {"type": "json_object"}
        return {
            "type": "json_schema",
            "json_schema": {"name": self.name, "schema": dict(self.schema), "strict": self.strict},
        }


@dataclass(frozen=True, kw_only=True)
class StructuredSpec:
    """What the answer may be: text, tool calls, a JSON value — validated.

    ``parallel_tool_calls`` is passed on as given; on the device several
    calls in one answer are decoded only when it is ``True`` (a small model
    allowed another call tends to repeat the first).
    """

    tools: tuple[Tool, ...] = ()
    tool_choice: ToolChoiceMode = "none"
    named: str | None = None
    response_format: ResponseFormat | None = None
    parallel_tool_calls: bool | None = None

    @property
    def callable_tools(self) -> tuple[Tool, ...]:
        """The tools the answer may call (one for a named choice, none for "none")."""
        if self.tool_choice == "none":
            return ()
        if self.tool_choice == "named":
            return tuple(t for t in self.tools if t.name == self.named)
        return self.tools

    @property
    def must_call(self) -> bool:
        """True when the answer must be tool calls (``required`` or a named function)."""
        return self.tool_choice in ("required", "named")

    def tool(self, name: str) -> Tool | None:
        """The tool called ``name``, if the request has one."""
        return next((t for t in self.tools if t.name == name), None)

    def openai_fields(self) -> dict[str, Any]:
        """The request fields that carry this spec in the OpenAI chat API."""
        out: dict[str, Any] = {}
        if self.tools:
            out["tools"] = [t.as_openai() for t in self.tools]
            out["tool_choice"] = (
                {"type": "function", "function": {"name": self.named}}
                if self.tool_choice == "named"
                else self.tool_choice
            )
            if self.parallel_tool_calls is not None:
                out["parallel_tool_calls"] = self.parallel_tool_calls
        if self.response_format is not None:
            out["response_format"] = self.response_format.as_openai()
        return out


def parse_spec(
    tools: Sequence[Mapping[str, Any]] | None = None,
    tool_choice: str | Mapping[str, Any] | None = None,
    response_format: Mapping[str, Any] | None = None,
    parallel_tool_calls: bool | None = None,
) -> StructuredSpec | None:
    """Validate the structured fields of a chat request; ``None`` for plain text."""
    parsed_tools = _parse_tools(tools)
    mode, named = _parse_tool_choice(tool_choice, parsed_tools)
    fmt = _parse_response_format(response_format)
    if parallel_tool_calls is not None and not isinstance(parallel_tool_calls, bool):
        raise SchemaError("must be a boolean", where="parallel_tool_calls")
    if mode == "none" and fmt is None:
        return None
    return StructuredSpec(
        tools=parsed_tools,
        tool_choice=mode,
        named=named,
        response_format=fmt,
        parallel_tool_calls=parallel_tool_calls,
    )


def _parse_tools(tools: Sequence[Mapping[str, Any]] | None) -> tuple[Tool, ...]:
    if tools is None:
        return ()
    if isinstance(tools, (str, bytes, Mapping)) or not isinstance(tools, Sequence):
        raise SchemaError("must be a list of tools", where="tools")
    if len(tools) > MAX_TOOLS:
        raise SchemaError(f"at most {MAX_TOOLS} tools", where="tools")
    out: list[Tool] = []
    for i, raw in enumerate(tools):
        tool = _parse_tool(raw, f"tools[{i}]")
        if any(t.name == tool.name for t in out):
            raise SchemaError("duplicate tool name", where=f"tools[{i}].function.name")
        out.append(tool)
    return tuple(out)


def _parse_tool(raw: Any, where: str) -> Tool:
    if not isinstance(raw, Mapping) or raw.get("type") != "function":
        raise SchemaError("each tool must be {'type': 'function', 'function': {...}}", where=where)
    fn = raw.get("function")
    if not isinstance(fn, Mapping):
        raise SchemaError("'function' must be an object", where=where)
    name = fn.get("name")
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise SchemaError(
            "a function name is 1-64 of [A-Za-z0-9_-]", where=where + ".function.name"
        )
    description = fn.get("description", "")
    if not isinstance(description, str):
        raise SchemaError("must be a string", where=where + ".function.description")
    params = fn.get("parameters", {"type": "object", "properties": {}})
    at = where + ".function.parameters"
    schema = check_schema(params, at)
    if schema.get("type", "object") != "object":
        raise SchemaError("function parameters must be an object schema", where=at, keyword="type")
    schema.setdefault("type", "object")
    strict = fn.get("strict", False)
    if not isinstance(strict, bool):
        raise SchemaError("must be a boolean", where=where + ".function.strict")
    return Tool(name=name, description=description, parameters=schema, strict=strict)


def _parse_tool_choice(
    choice: str | Mapping[str, Any] | None, tools: tuple[Tool, ...]
) -> tuple[ToolChoiceMode, str | None]:
    if choice is None:
        return ("auto" if tools else "none"), None
    if choice in ("auto", "none", "required"):
        if choice != "none" and not tools:
            raise SchemaError(f"'{choice}' needs at least one tool", where="tool_choice")
        return choice, None  # type: ignore[return-value]
    if isinstance(choice, Mapping) and choice.get("type") == "function":
        fn = choice.get("function")
        name = fn.get("name") if isinstance(fn, Mapping) else None
        if not any(t.name == name for t in tools):
            raise SchemaError("names no tool of this request", where="tool_choice.function.name")
        return "named", str(name)
    raise SchemaError(
        "must be 'auto', 'none', 'required' or {'type': 'function', 'function': {'name': …}}",
        where="tool_choice",
    )


def _parse_response_format(raw: Mapping[str, Any] | None) -> ResponseFormat | None:
    if raw is None:
        return None
    kind = raw.get("type") if isinstance(raw, Mapping) else None
    if kind == "text":
        return None
    if kind == "json_object":
        return ResponseFormat(kind="json_object", schema={"type": "object"})
    if kind != "json_schema":
        raise SchemaError(
            "type must be 'text', 'json_object' or 'json_schema'", where="response_format"
        )
    spec = raw.get("json_schema")
    if not isinstance(spec, Mapping) or "schema" not in spec:
        raise SchemaError("needs 'json_schema': {'name', 'schema'}", where="response_format")
    name = spec.get("name", "response")
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise SchemaError(
            "a schema name is 1-64 of [A-Za-z0-9_-]", where="response_format.json_schema.name"
        )
    strict = spec.get("strict", False)
    if not isinstance(strict, bool):
        raise SchemaError("must be a boolean", where="response_format.json_schema.strict")
    schema = check_schema(spec["schema"], "response_format.json_schema.schema")
    return ResponseFormat(kind="json_schema", schema=schema, name=name, strict=strict)


def spec_key(spec: StructuredSpec) -> str:
    """A stable text key of ``spec`` (for caching compiled grammars)."""
    return json.dumps({"f": spec.openai_fields(), "p": spec.parallel_tool_calls}, sort_keys=True)
