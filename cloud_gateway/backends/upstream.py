"""OpenAI-compatible upstream backend: vLLM, llama.cpp's server, a hosted API.

Always asks the upstream for a stream (``stream_options.include_usage``) and
passes deltas on as they arrive, so no answer is ever buffered whole. Closing
the delta iterator closes the upstream connection, which vLLM and llama.cpp's
server take as "cancel this generation".
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Mapping
from typing import Any, TypeGuard

import aiohttp

from cloud_gateway.backends.base import ChatRequest, Delta, Usage
from cloud_gateway.config import GatewayConfig
from cloud_gateway.problems import (
    BadRequest,
    Overloaded,
    Problem,
    UpstreamFailed,
    UpstreamTimeout,
)
from cloud_gateway.untrusted import ascii_int, loads_bounded

_MAX_LINE = 1 << 20


class OpenAIUpstreamBackend:
    name = "openai"

    def __init__(self, config: GatewayConfig) -> None:
        backend = config.backend
        self.base_url = backend.upstream_url.rstrip("/")
        self.api_key = os.environ.get(backend.upstream_api_key_env, "")
        self.connect_timeout_s = backend.upstream_connect_timeout_s
        self.request_timeout_s = config.limits.request_timeout_s
        self.max_parallel = config.limits.max_concurrent
        self._session: aiohttp.ClientSession | None = None

    async def start(self) -> None:
        timeout = aiohttp.ClientTimeout(
            total=None, connect=self.connect_timeout_s, sock_read=self.request_timeout_s
        )
        headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
        self._session = aiohttp.ClientSession(
            timeout=timeout, headers=headers, read_bufsize=1 << 16, max_line_size=_MAX_LINE
        )

    async def aclose(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    @property
    def session(self) -> aiohttp.ClientSession:
        if self._session is None:
            raise UpstreamFailed("upstream session not started")
        return self._session

    async def ready(self) -> tuple[bool, str]:
        try:
            async with self.session.get(
                self.base_url + "/models", timeout=aiohttp.ClientTimeout(total=2.0)
            ) as resp:
                if resp.status == 200:
                    return True, "upstream reachable"
                return False, f"upstream answered {resp.status}"
        except (aiohttp.ClientError, TimeoutError):
            return False, "upstream unreachable"

    def _payload(self, request: ChatRequest) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "model": request.model,
            "messages": [m.as_openai() for m in request.messages],
            "max_tokens": request.max_tokens,
            "temperature": request.temperature,
            "top_p": request.top_p,
            "stream": True,
            "stream_options": {"include_usage": True},
        }
        if request.stop:
            payload["stop"] = list(request.stop)
        if request.seed is not None:
            payload["seed"] = request.seed
        if request.continue_final_message:
            payload["continue_final_message"] = True
            payload["add_generation_prompt"] = False
        payload.update(request.structured)  # tools, tool_choice, response_format: unchanged
        return payload

    async def stream(self, request: ChatRequest) -> AsyncIterator[Delta]:
        try:
            async with self.session.post(
                self.base_url + "/chat/completions", json=self._payload(request)
            ) as resp:
                _check_status(resp)
                async for delta in _parse_sse(resp):
                    yield delta
        except TimeoutError:
            raise UpstreamTimeout("upstream did not answer in time") from None
        except aiohttp.ClientError as exc:
            raise UpstreamFailed(f"upstream unreachable ({type(exc).__name__})") from None


def _check_status(resp: aiohttp.ClientResponse) -> None:
    if resp.status == 200:
        return
    if resp.status == 429:
        raise Overloaded("upstream is busy", retry_after=_retry_after(resp.headers))
    if 400 <= resp.status < 500:
        raise BadRequest(f"upstream rejected the request ({resp.status})")
    raise UpstreamFailed(f"upstream answered {resp.status}")


def _retry_after(headers: Mapping[str, str]) -> int:
    """Whole seconds of an upstream ``Retry-After`` (ASCII digits only; else 1)."""
    try:
        return max(1, min(ascii_int(headers.get("Retry-After", "").strip(), max_digits=6), 3600))
    except ValueError:
        return 1


async def _parse_sse(resp: aiohttp.ClientResponse) -> AsyncIterator[Delta]:
    """OpenAI SSE → deltas; the last delta carries finish reason and usage.

    The upstream is not trusted to be well-formed: anything that is not the
    OpenAI chunk shape is an :class:`UpstreamFailed`, never a ``KeyError``.
    """
    finish: str | None = None
    usage: Usage | None = None
    produced = 0
    saw_done = False
    async for raw in resp.content:
        line = raw.strip()
        if not line.startswith(b"data:"):
            continue
        data = line[5:].strip()
        if data == b"[DONE]":
            saw_done = True
            break
        chunk = _json(data)
        if "error" in chunk:
            raise UpstreamFailed("upstream reported an error mid-stream")
        usage = _usage(chunk.get("usage")) or usage
        for text, reason, calls in _choices(chunk):
            finish = reason or finish
            if text:
                produced += 1
                yield Delta(text)
            if calls:
                yield Delta("", tool_calls=calls)
    if not saw_done and finish is None:
        raise UpstreamFailed("upstream stream ended early")
    yield Delta("", finish_reason=finish or "stop", usage=usage or Usage(0, produced))


def _choices(
    chunk: dict[str, Any],
) -> list[tuple[str, str | None, tuple[dict[str, Any], ...]]]:
    """``(content, finish_reason, tool-call deltas)`` of each choice of a chunk, shapes checked."""
    choices = chunk.get("choices") or []
    if not isinstance(choices, list):
        raise UpstreamFailed("upstream sent a malformed chunk")
    out = []
    for choice in choices:
        delta = choice.get("delta") if isinstance(choice, dict) else None
        delta = {} if delta is None else delta
        if not isinstance(choice, dict) or not isinstance(delta, dict):
            raise UpstreamFailed("upstream sent a malformed chunk")
        text = delta.get("content") or ""
        reason = choice.get("finish_reason")
        if not isinstance(text, str) or not isinstance(reason, str | None):
            raise UpstreamFailed("upstream sent a malformed chunk")
        out.append((text, reason, _tool_call_deltas(delta.get("tool_calls"))))
    return out


def _tool_call_deltas(raw: Any) -> tuple[dict[str, Any], ...]:
    """The upstream's ``delta.tool_calls[]`` entries, shape-checked."""
    if not isinstance(raw, list):
        return ()
    out = []
    for entry in raw:
        if not isinstance(entry, dict) or not isinstance(entry.get("index", 0), int):
            raise UpstreamFailed("upstream sent a malformed tool call")
        fn = entry.get("function") or {}
        if not isinstance(fn, dict) or not all(
            isinstance(fn.get(k, ""), str) for k in ("name", "arguments")
        ):
            raise UpstreamFailed("upstream sent a malformed tool call")
        out.append(entry)
    return tuple(out)


def _json(data: bytes) -> dict[str, Any]:
    try:
        chunk = loads_bounded(data)
    except ValueError:
        raise UpstreamFailed("upstream sent malformed JSON") from None
    if not isinstance(chunk, dict):
        raise UpstreamFailed("upstream sent malformed JSON")
    return chunk


def _usage(raw: Any) -> Usage | None:
    if not isinstance(raw, dict):
        return None
    prompt, completion = raw.get("prompt_tokens"), raw.get("completion_tokens")
    if _count(prompt) and _count(completion):
        return Usage(prompt, completion)
    return None


def _count(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


__all__ = ["OpenAIUpstreamBackend", "Problem"]
