"""The inner, OpenAI-compatible API: ``/v1/chat/completions`` and ``/v1/models``.

The same handlers serve plaintext requests (trusted network) and requests
decrypted from ``POST /ohttp``. Streaming follows OpenAI's SSE format,
ending with ``data: [DONE]``; ``stream_options.include_usage`` adds a final
usage chunk. Extension: ``continue_final_message: true`` (as in vLLM) makes
the model continue the last, assistant, message instead of starting a new one.
"""

from __future__ import annotations

import asyncio
import json
import secrets
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

from cloud_gateway.backends.base import Backend, ChatRequest, Delta, Message, Usage
from cloud_gateway.config import GatewayConfig
from cloud_gateway.inner import ClosingStream, InnerRequest, InnerResponse, InnerRouter
from cloud_gateway.limits import GenerationGate, RateLimiter, retry_after_header
from cloud_gateway.metrics import GatewayMetrics
from cloud_gateway.problems import (
    BadRequest,
    ModelNotAllowed,
    Problem,
    RateLimited,
    UnsupportedMediaType,
    UpstreamTimeout,
)
from cloud_gateway.tools import ToolCallMerger, parse_structured, parse_tool_fields
from cloud_gateway.untrusted import MAX_JSON_DEPTH, loads_bounded

_ROLES = frozenset({"system", "user", "assistant", "tool", "developer"})
_JSON = {"Content-Type": "application/json"}
_SSE = {"Content-Type": "text/event-stream", "Cache-Control": "no-cache"}


@dataclass(frozen=True, kw_only=True)
class ParsedChat:
    chat: ChatRequest
    stream: bool
    include_usage: bool


class ChatService:
    """Validates, admits and runs chat completions against one backend."""

    def __init__(
        self,
        *,
        config: GatewayConfig,
        backend: Backend,
        gate: GenerationGate,
        limiter: RateLimiter,
        metrics: GatewayMetrics,
    ) -> None:
        self.config = config
        self.backend = backend
        self.gate = gate
        self.limiter = limiter
        self.metrics = metrics
        self.models = config.allowed_models

    def router(self) -> InnerRouter:
        router = InnerRouter()
        router.add("POST", "/v1/chat/completions", self.chat_completions)
        router.add("GET", "/v1/models", self.list_models)
        return router

    async def list_models(self, request: InnerRequest) -> InnerResponse:
        data = [
            {"id": name, "object": "model", "created": 0, "owned_by": "edgekit"}
            for name in self.models
        ]
        body = json.dumps({"object": "list", "data": data}).encode()
        return InnerResponse(200, dict(_JSON), body)

    async def chat_completions(self, request: InnerRequest) -> InnerResponse:
        if request.content_type != "application/json":
            raise UnsupportedMediaType("expected application/json")
        parsed = parse_chat(
            request.body,
            self.models,
            self.config.limits.max_tokens,
            self.config.limits.max_messages,
        )
        wait = await self.limiter.acquire(request.client)
        if wait > 0:
            self.metrics.rate_limited.inc()
            raise RateLimited(retry_after=retry_after_header(wait))
        await self.gate.acquire(request.client)
        try:
            run = _Generation(self, parsed, request)
        except BaseException:
            self.gate.release(request.client)
            raise
        # From here ``run`` owns the slot and frees it in ``_finish``.
        if not parsed.stream:
            return await run.whole()
        first = await run.first()
        stream = ClosingStream(run.sse(first), lambda: run._finish("cancelled", None))
        return InnerResponse(200, dict(_SSE), stream=stream)


class _Generation:
    """One admitted generation; releases its gate slot exactly once."""

    def __init__(self, service: ChatService, parsed: ParsedChat, request: InnerRequest) -> None:
        self.service = service
        self.parsed = parsed
        self.request = request
        self.id = "chatcmpl-" + secrets.token_hex(12)
        self.created = int(time.time())
        self.started = time.monotonic()
        self.deadline = self.started + service.config.limits.request_timeout_s
        self.deltas = service.backend.stream(parsed.chat)
        self.first_seen = False
        self.finished = False

    async def _next(self) -> Delta | None:
        remaining = self.deadline - time.monotonic()
        try:
            async with asyncio.timeout(max(remaining, 0.0)):
                delta = await anext(self.deltas, None)
        except TimeoutError:
            raise UpstreamTimeout("generation exceeded the request timeout") from None
        if delta is not None and not self.first_seen:
            self.first_seen = True
            self.service.metrics.first_token.observe(time.monotonic() - self.started)
        return delta

    async def _finish(self, outcome: str, usage: Usage | None) -> None:
        """Record the outcome, close the backend stream, free the slot (once)."""
        if self.finished:
            return
        self.finished = True
        if usage is not None:
            self.request.stats.prompt_tokens = usage.prompt_tokens
            self.request.stats.completion_tokens = usage.completion_tokens
            self.service.metrics.count_generation(
                outcome, usage.prompt_tokens, usage.completion_tokens
            )
        else:
            self.service.metrics.count_generation(outcome, 0, 0)
        try:
            await self.deltas.aclose()  # type: ignore[attr-defined]
        finally:
            self.service.gate.release(self.request.client)

    async def whole(self) -> InnerResponse:
        parts: list[str] = []
        merger = ToolCallMerger()
        final: Delta | None = None
        outcome = "error"
        try:
            async with asyncio.timeout(max(self.deadline - time.monotonic(), 0.0)):
                async for delta in self.deltas:
                    if not self.first_seen:
                        self.first_seen = True
                        self.service.metrics.first_token.observe(time.monotonic() - self.started)
                    parts.append(delta.text)
                    merger.add(delta.tool_calls)
                    if delta.finish_reason is not None:
                        final = delta
            outcome = "completed"
        except TimeoutError:
            outcome = "timeout"
            raise UpstreamTimeout("generation exceeded the request timeout") from None
        except asyncio.CancelledError:
            outcome = "cancelled"
            raise
        finally:
            await self._finish(outcome, final.usage if final else None)
        usage = (final.usage if final else None) or Usage(0, len(parts))
        message: dict[str, Any] = {"role": "assistant", "content": "".join(parts)}
        if calls := merger.calls():
            message = {
                "role": "assistant",
                "content": message["content"] or None,
                "tool_calls": calls,
            }
        body = {
            "id": self.id,
            "object": "chat.completion",
            "created": self.created,
            "model": self.parsed.chat.model,
            "choices": [
                {
                    "index": 0,
                    "message": message,
                    "finish_reason": final.finish_reason if final else "stop",
                    "logprobs": None,
                }
            ],
            "usage": usage.as_dict(),
        }
        return InnerResponse(200, dict(_JSON), json.dumps(body).encode())

    async def first(self) -> Delta | None:
        """Fetch the first delta before committing to a 200 (errors stay problems)."""
        try:
            return await self._next()
        except BaseException:
            await self._finish("error", None)
            raise

    def _chunk(self, delta: dict[str, Any], finish: str | None) -> bytes:
        body: dict[str, Any] = {
            "id": self.id,
            "object": "chat.completion.chunk",
            "created": self.created,
            "model": self.parsed.chat.model,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}],
        }
        if self.parsed.include_usage:
            body["usage"] = None
        return b"data: " + json.dumps(body, separators=(",", ":")).encode() + b"\n\n"

    async def sse(self, first: Delta | None) -> AsyncIterator[bytes]:
        final: Delta | None = None
        outcome = "error"
        try:
            yield self._chunk({"role": "assistant", "content": ""}, None)
            delta = first
            while delta is not None:
                if delta.text:
                    yield self._chunk({"content": delta.text}, None)
                if delta.tool_calls:
                    yield self._chunk({"tool_calls": [dict(c) for c in delta.tool_calls]}, None)
                if delta.finish_reason is not None:
                    final = delta
                delta = await self._next()
            yield self._chunk({}, final.finish_reason if final else "stop")
            if self.parsed.include_usage:
                usage = (final.usage if final else None) or Usage(0, 0)
                tail = {
                    "id": self.id,
                    "object": "chat.completion.chunk",
                    "created": self.created,
                    "model": self.parsed.chat.model,
                    "choices": [],
                    "usage": usage.as_dict(),
                }
                yield b"data: " + json.dumps(tail, separators=(",", ":")).encode() + b"\n\n"
            yield b"data: [DONE]\n\n"
            outcome = "completed"
        except Problem as problem:  # the front end ends the stream with it (pieces_or_problem)
            outcome = "timeout" if isinstance(problem, UpstreamTimeout) else "error"
            raise
        except (asyncio.CancelledError, GeneratorExit):
            outcome = "cancelled"
            raise
        finally:
            await self._finish(outcome, final.usage if final else None)


def parse_chat(
    body: bytes, models: tuple[str, ...], max_tokens: int, max_messages: int
) -> ParsedChat:
    """Validate an OpenAI chat-completion body; every failure is a :class:`BadRequest`."""
    try:
        data = loads_bounded(body)
    except ValueError:
        raise BadRequest(f"body is not valid JSON of at most {MAX_JSON_DEPTH} levels") from None
    if not isinstance(data, dict):
        raise BadRequest("body must be a JSON object")
    model = data.get("model") or models[0]
    if not isinstance(model, str):
        raise BadRequest("'model' must be a string")
    if model not in models:
        raise ModelNotAllowed("this model is not on the gateway's allow-list")
    messages = _parse_messages(data.get("messages"), max_messages)
    cont = _opt(data, "continue_final_message", bool, False)
    if cont and messages[-1].role != "assistant":
        raise BadRequest("continue_final_message needs a final assistant message")
    n_tokens = data.get("max_completion_tokens", data.get("max_tokens"))
    n_tokens = 256 if n_tokens is None else n_tokens
    if not isinstance(n_tokens, int) or isinstance(n_tokens, bool) or n_tokens < 1:
        raise BadRequest("'max_tokens' must be a positive integer")
    if n_tokens > max_tokens:
        raise BadRequest(f"'max_tokens' is above this gateway's limit of {max_tokens}")
    if data.get("n", 1) != 1:
        raise BadRequest("only n = 1 is supported")
    temperature = float(_opt(data, "temperature", (int, float), 1.0))
    top_p = float(_opt(data, "top_p", (int, float), 1.0))
    if not 0.0 <= temperature <= 2.0 or not 0.0 < top_p <= 1.0:
        raise BadRequest("'temperature' must be in [0, 2] and 'top_p' in (0, 1]")
    stream = _opt(data, "stream", bool, False)
    options = _opt(data, "stream_options", dict, {})
    include_usage = bool(stream and options.get("include_usage", False))
    seed = data.get("seed")
    if seed is not None and (
        not isinstance(seed, int) or isinstance(seed, bool) or not 0 <= seed < 1 << 64
    ):
        raise BadRequest("'seed' must be an integer in [0, 2**64)")
    chat = ChatRequest(
        model=model,
        messages=messages,
        max_tokens=n_tokens,
        temperature=temperature,
        top_p=top_p,
        stop=_parse_stop(data.get("stop")),
        seed=seed,
        continue_final_message=cont,
        structured=parse_structured(data),
    )
    return ParsedChat(chat=chat, stream=stream, include_usage=include_usage)


def _opt(data: dict[str, Any], key: str, kind: type | tuple[type, ...], default: Any) -> Any:
    value = data.get(key)
    if value is None:
        return default
    bad_bool = isinstance(value, bool) and kind is not bool
    if not isinstance(value, kind) or bad_bool:
        raise BadRequest(f"'{key}' has the wrong type")
    return value


def _parse_messages(raw: Any, max_messages: int) -> tuple[Message, ...]:
    if not isinstance(raw, list) or not raw:
        raise BadRequest("'messages' must be a non-empty list")
    if len(raw) > max_messages:
        raise BadRequest(f"at most {max_messages} messages")
    out = []
    for item in raw:
        if not isinstance(item, dict) or item.get("role") not in _ROLES:
            raise BadRequest("each message needs a known 'role'")
        content = item.get("content")
        if isinstance(content, list):  # OpenAI content parts: keep the text ones
            texts = [p.get("text") for p in content if isinstance(p, dict)]
            if not all(isinstance(t, str) for t in texts):
                raise BadRequest("only text content parts are supported")
            content = "".join(t for t in texts if isinstance(t, str))
        tool_calls, call_id = parse_tool_fields(item)
        if content is None and tool_calls:
            content = ""
        if not isinstance(content, str):
            raise BadRequest("message 'content' must be a string")
        out.append(
            Message(role=item["role"], content=content, tool_calls=tool_calls, tool_call_id=call_id)
        )
    return tuple(out)


def _parse_stop(raw: Any) -> tuple[str, ...]:
    if raw is None:
        return ()
    if isinstance(raw, str) and raw:
        return (raw,)
    if isinstance(raw, list) and len(raw) <= 4 and all(isinstance(s, str) and s for s in raw):
        return tuple(raw)
    raise BadRequest("'stop' must be a non-empty string or a list of at most 4 of them")
