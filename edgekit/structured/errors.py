"""Errors of structured output and tool calling (declared in :mod:`edgekit.errors`)."""

from __future__ import annotations

from edgekit.errors import (
    SchemaError,
    StructuredOutputError,
    ToolCallParseError,
    UnknownPlaceholderError,
)

__all__ = ["SchemaError", "StructuredOutputError", "ToolCallParseError", "UnknownPlaceholderError"]
