"""What every backend implements: stream a chat completion as deltas."""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol


@dataclass(frozen=True, slots=True, kw_only=True)
class Message:
    """One chat message; ``tool_calls`` (assistant) and ``tool_call_id`` (tool) as OpenAI's."""

    role: str
    content: str
    tool_calls: tuple[Mapping[str, Any], ...] = ()
    tool_call_id: str | None = None

    def as_openai(self) -> dict[str, Any]:
        """The message in the OpenAI chat shape."""
        out: dict[str, Any] = {"role": self.role, "content": self.content}
        if self.tool_calls:
            out["tool_calls"] = [dict(c) for c in self.tool_calls]
            out["content"] = self.content or None
        if self.tool_call_id is not None:
            out["tool_call_id"] = self.tool_call_id
        return out


@dataclass(frozen=True, kw_only=True)
class ChatRequest:
    """A validated chat-completion request, independent of the wire format."""

    model: str
    messages: tuple[Message, ...]
    max_tokens: int = 256
    temperature: float = 0.0
    top_p: float = 1.0
    stop: tuple[str, ...] = ()
    seed: int | None = None
    continue_final_message: bool = False
    # Validated ``tools`` / ``tool_choice`` / ``response_format`` / ``parallel_tool_calls``,
    # in the OpenAI shape (passed to an upstream unchanged).
    structured: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Usage:
    prompt_tokens: int
    completion_tokens: int

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    def as_dict(self) -> dict[str, int]:
        return {
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "total_tokens": self.total_tokens,
        }


@dataclass(frozen=True, slots=True)
class Delta:
    """A piece of the answer. The last delta has ``finish_reason`` and ``usage``.

    ``tool_calls`` holds OpenAI ``delta.tool_calls[]`` entries (the first of
    a call carries ``id`` and ``function.name``, later ones pieces of
    ``function.arguments``).
    """

    text: str
    finish_reason: str | None = None
    usage: Usage | None = None
    tool_calls: tuple[Mapping[str, Any], ...] = ()


class Backend(Protocol):
    """A model server behind the gateway.

    ``stream`` yields deltas; closing the iterator early (client gone,
    timeout) must stop the generation and free its resources.
    ``max_parallel`` caps concurrent generations (a single llama.cpp context
    runs one at a time).
    """

    name: str
    max_parallel: int

    async def start(self) -> None: ...

    async def aclose(self) -> None: ...

    async def ready(self) -> tuple[bool, str]: ...

    def stream(self, request: ChatRequest) -> AsyncIterator[Delta]: ...
