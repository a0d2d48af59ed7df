"""Collection on the gateway: keep the escalations a device allowed, with the answers given.

A device marks a chat request it allows to be used for learning with the
inner header ``edgekit-learn: <sha256 of its edge model>`` (its audit log
records the same). With ``[learn] collect = true`` the gateway then keeps the
request's messages — masked on the device before they left it — and the
answer it gave, once the answer completed. Without the header, or with
collection off (the default), nothing is written anywhere.

:func:`learn_ctx` is the app's cleanup context: it opens the store, wraps the
``/v1/chat/completions`` handler and adds the adapter endpoints.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import AsyncIterator, Mapping, Sequence
from typing import Any, Final

from aiohttp import web

from cloud_gateway.inner import ByteStream, Handler, InnerRequest, InnerResponse
from cloud_gateway.learn.errors import LearnError
from cloud_gateway.learn.store import PairStore
from cloud_gateway.logs import get_logger
from cloud_gateway.state import STATE

LEARN_HEADER: Final = "edgekit-learn"
_HEX64 = re.compile(r"[0-9a-f]{64}")
_MAX_STREAM_BYTES: Final = 4 << 20

log = get_logger("edgekit.gateway.learn")


def consent(request: InnerRequest) -> str | None:
    """The edge model sha256 a request may be learned for, or None (not allowed)."""
    values = request.headers.getall(LEARN_HEADER, [])
    if len(values) != 1 or not _HEX64.fullmatch(values[0].strip()):
        return None
    return values[0].strip()


def _messages(body: bytes) -> list[dict[str, str]] | None:
    """The plain text messages of a chat request (None: not a learnable request)."""
    try:
        doc = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return None
    raw = doc.get("messages") if isinstance(doc, dict) else None
    if not isinstance(raw, list) or doc.get("tools") or doc.get("continue_final_message"):
        return None
    out = []
    for m in raw:
        if not isinstance(m, dict) or not isinstance(m.get("content"), str):
            return None
        if m.get("role") not in ("system", "user", "assistant"):
            return None
        out.append({"role": m["role"], "content": m["content"]})
    return out


def _answer_of(body: bytes) -> str | None:
    try:
        choice = json.loads(body)["choices"][0]
    except (ValueError, UnicodeDecodeError, KeyError, IndexError, TypeError):
        return None
    content = choice.get("message", {}).get("content")
    done = choice.get("finish_reason") == "stop"
    return content if isinstance(content, str) and content and done else None


class _TeeStream:
    """Passes an SSE stream through and keeps the pair when it ended complete."""

    def __init__(self, inner: ByteStream, keep: Any) -> None:
        self._inner = inner
        self._keep = keep
        self._raw = bytearray()
        self._it = self._run()

    def __aiter__(self) -> _TeeStream:
        return self

    async def __anext__(self) -> bytes:
        return await anext(self._it)

    async def _run(self) -> AsyncIterator[bytes]:
        async for chunk in self._inner:
            if len(self._raw) + len(chunk) <= _MAX_STREAM_BYTES:
                self._raw += chunk
            yield chunk
        answer = _answer_of_sse(bytes(self._raw))
        if answer is not None:
            await self._keep(answer)

    async def aclose(self) -> None:
        await self._inner.aclose()


def _answer_of_sse(raw: bytes) -> str | None:
    parts: list[str] = []
    finished = False
    for line in raw.split(b"\n"):
        if not line.startswith(b"data: ") or line == b"data: [DONE]":
            continue
        try:
            choices = json.loads(line[6:]).get("choices") or []
        except (ValueError, UnicodeDecodeError, AttributeError):
            return None
        for choice in choices:
            text = choice.get("delta", {}).get("content")
            if isinstance(text, str):
                parts.append(text)
            finished = finished or choice.get("finish_reason") == "stop"
    answer = "".join(parts)
    return answer if finished and answer else None


def collecting(handler: Handler, store: PairStore) -> Handler:
    """Wrap the chat handler: keep allowed, completed escalations in ``store``."""

    async def wrapped(request: InnerRequest) -> InnerResponse:
        response = await handler(request)
        model = consent(request)
        if model is None or response.status != 200:
            return response
        messages = _messages(request.body)
        if messages is None:
            return response

        async def keep(answer: str) -> None:
            await _keep(store, model, messages, answer)

        if response.stream is None:
            answer = _answer_of(response.body)
            if answer is not None:
                await keep(answer)
            return response
        response.stream = _TeeStream(response.stream, keep)
        return response

    return wrapped


async def _keep(
    store: PairStore, model: str, messages: Sequence[Mapping[str, str]], answer: str
) -> None:
    try:
        await asyncio.to_thread(store.add, model, messages, answer)
    except LearnError as exc:  # never fail the answer because a pair could not be kept
        log.warning("learning pair not kept: %s", exc)


async def learn_ctx(app: web.Application) -> AsyncIterator[None]:
    """Open the pair store and the adapter shelf that ``[learn]`` asks for."""
    from cloud_gateway.learn.publish import AdapterShelf, add_adapter_routes, load_signing_key

    state = app[STATE]
    cfg = state.config.learn
    store = None
    if cfg.collect and cfg.store_path is not None and state.service is not None:
        store = PairStore(cfg.store_path, retention_s=cfg.retention_s, max_bytes=cfg.max_bytes)
        state.router.add(
            "POST", "/v1/chat/completions", collecting(state.service.chat_completions, store)
        )
    if cfg.adapters_dir is not None and cfg.signing_key_path is not None:
        shelf = AdapterShelf(cfg.adapters_dir, load_signing_key(cfg.signing_key_path))
        add_adapter_routes(state.router, shelf)
    try:
        yield
    finally:
        if store is not None:
            store.close()
