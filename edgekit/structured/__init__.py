"""Structured output and tool calling: OpenAI-shaped tools, tool_choice, response_format.

:func:`parse_spec` validates a request's structured fields into a
:class:`StructuredSpec`; :mod:`~edgekit.structured.grammar` turns it into the
grammar the engine decodes under; :class:`OutputParser` reads the answer
(streamed or whole) into :class:`ToolCall`s or a parsed JSON value.
Importing this package is cheap (``jsonschema`` loads on first use).
"""

from __future__ import annotations

from edgekit.structured.errors import (
    SchemaError,
    StructuredOutputError,
    ToolCallParseError,
    UnknownPlaceholderError,
)
from edgekit.structured.output import (
    OutputParser,
    StreamDelta,
    StructuredOutput,
    ToolCall,
    ToolCallDelta,
    parse_output,
)
from edgekit.structured.spec import ResponseFormat, StructuredSpec, Tool, parse_spec

__all__ = [
    "OutputParser",
    "ResponseFormat",
    "SchemaError",
    "StreamDelta",
    "StructuredOutput",
    "StructuredOutputError",
    "StructuredSpec",
    "Tool",
    "ToolCall",
    "ToolCallDelta",
    "ToolCallParseError",
    "UnknownPlaceholderError",
    "parse_output",
    "parse_spec",
]
