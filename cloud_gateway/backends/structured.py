"""A backend's answer text → gateway deltas, with tool calls as OpenAI deltas."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cloud_gateway.backends.base import Delta


class StructuredDeltas:
    """Reads streamed answer text; plain text passes through unchanged."""

    def __init__(self, fields: Mapping[str, Any]) -> None:
        from edgekit.structured import OutputParser, parse_spec

        spec = (
            parse_spec(
                fields.get("tools"),
                fields.get("tool_choice"),
                fields.get("response_format"),
                fields.get("parallel_tool_calls"),
            )
            if fields
            else None
        )
        self._parser = OutputParser(spec) if spec is not None else None

    def feed(self, text: str) -> list[Delta]:
        """The deltas ``text`` completes."""
        if self._parser is None:
            return [Delta(text)] if text else []
        out: list[Delta] = []
        for d in self._parser.feed(text):
            if d.tool_call is not None:
                out.append(Delta("", tool_calls=(d.tool_call.as_openai(),)))
            elif d.content:
                out.append(Delta(d.content))
        return out

    def finish(self, finish_reason: str) -> str:
        """The answer's finish reason (``tool_calls`` when it called tools)."""
        if self._parser is None or finish_reason not in ("stop", "length"):
            return finish_reason
        return self._parser.finish("stop" if finish_reason == "stop" else "length").finish_reason
