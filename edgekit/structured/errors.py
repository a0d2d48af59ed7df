"""Errors of structured output and tool calling (part of the EdgeKit error tree)."""

from __future__ import annotations

from edgekit.errors import EdgeKitError


class StructuredOutputError(EdgeKitError):
    """Root of the errors about tools, ``tool_choice`` and ``response_format``."""


class SchemaError(StructuredOutputError):
    """A tool, ``tool_choice`` or ``response_format`` is invalid or unsupported.

    Raised before anything is generated. ``where`` locates the problem in the
    request (``tools[1].function.parameters.properties.when``); ``keyword`` is
    the JSON Schema keyword at fault, when there is one. Neither holds values.
    """

    def __init__(self, message: str, *, where: str = "", keyword: str | None = None) -> None:
        super().__init__(f"{where}: {message}" if where else message)
        self.where = where
        self.keyword = keyword


class ToolCallParseError(StructuredOutputError):
    """Model output that should hold tool calls or a JSON answer does not parse."""


class UnknownPlaceholderError(StructuredOutputError):
    """A tool call's arguments hold a privacy placeholder the device never issued.

    ``placeholders`` lists the unknown placeholder names (e.g. ``EMAIL_7``);
    they are the cloud's inventions and are left in place, never guessed.
    """

    def __init__(self, placeholders: tuple[str, ...]) -> None:
        super().__init__("tool-call arguments hold unknown placeholders: "
                         + ", ".join(placeholders))
        self.placeholders = placeholders
