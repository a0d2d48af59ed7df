"""What every backend implements: stream a chat completion as deltas."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any, Protocol

JsonObject = dict[str, Any]


@dataclass(frozen=True, slots=True, kw_only=True)
class Message:
    """One chat message; tool fields as in OpenAI's API (raw JSON, passed on unchanged)."""

    role: str
    content: str
    tool_calls: tuple[JsonObject, ...] = ()  # an assistant's calls
    tool_call_id: str | None = None  # a tool result's call
    name: str | None = None


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
    # OpenAI structured output, type-checked only: a backend that supports it
    # passes it on unchanged (an OpenAI-compatible upstream does).
    tools: tuple[JsonObject, ...] | None = None
    tool_choice: str | JsonObject | None = None
    response_format: JsonObject | None = None
    parallel_tool_calls: bool | None = None


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

    ``tool_calls``: OpenAI streamed tool-call pieces (``index``, ``id``,
    ``function.name``, ``function.arguments`` fragments), raw.
    """

    text: str
    finish_reason: str | None = None
    usage: Usage | None = None
    tool_calls: tuple[JsonObject, ...] = ()


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
