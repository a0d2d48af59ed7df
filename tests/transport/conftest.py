"""A fake EdgeKit gateway on 127.0.0.1 for the transport tests.

It is a real aiohttp server speaking the inner OpenAI-style API in clear and,
at ``POST /ohttp``, the same API inside real OHTTP (``edgekit.secure`` server
side: keyring, device-signature check, chunked responses). Its misbehaviours
(hang, 5xx, 429, truncation, slow drip, reset) are chosen per test through
``upstream.mode``; ``upstream.hits`` counts requests per path.
"""

from __future__ import annotations

import asyncio
import json
import socket
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from aiohttp import web

from edgekit.secure import bhttp, ohttp
from edgekit.secure.identity import DeviceRegistry, verify_request
from edgekit.transport import CloudConfig, Timeouts

PROBLEM = "application/problem+json"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Answer:
    status: int
    headers: list[tuple[str, str]]
    chunks: list[bytes]
    delay_s: float = 0.0
    abort_after: int | None = None  # drop the connection after this many chunks


def sse(obj: object) -> bytes:
    return b"data: " + json.dumps(obj).encode() + b"\n\n"


def chunk_event(text: str, finish: str | None = None) -> bytes:
    return sse(
        {
            "object": "chat.completion.chunk",
            "model": "fake-model",
            "choices": [{"index": 0, "delta": {"content": text}, "finish_reason": finish}],
        }
    )


def problem(status: int, kind: str, extra: list[tuple[str, str]] | None = None) -> Answer:
    body = json.dumps({"type": kind, "title": "fake problem", "status": status}).encode()
    return Answer(status, [("content-type", PROBLEM), *(extra or [])], [body])


@dataclass
class Upstream:
    mode: str = "ok"
    drip_s: float = 0.05
    words: int = 6
    hits: Counter[str] = field(default_factory=Counter)
    bodies: list[bytes] = field(default_factory=list)
    keyring: ohttp.ServerKeyring = field(default_factory=ohttp.ServerKeyring.generate)
    registry: DeviceRegistry = field(default_factory=lambda: DeviceRegistry(open_enrolment=True))
    seen_enc: list[bytes] = field(default_factory=list)
    signer_ids: list[str] = field(default_factory=list)
    url: str = ""
    health_ok: bool = True

    # --- the inner API ---------------------------------------------------------

    def inner(self, method: str, path: str, body: bytes) -> Answer:
        if path == "/v1/models" and method == "GET":
            data = {"object": "list", "data": [{"id": "fake-model", "object": "model"}]}
            return Answer(200, [("content-type", "application/json")], [json.dumps(data).encode()])
        if path == "/v1/blob" and method == "POST":
            size = json.loads(body)["size"]
            blob = bytes(i % 251 for i in range(size))
            step = 16 * 1024
            parts = [blob[i : i + step] for i in range(0, size, step)]
            return Answer(200, [("content-type", "application/octet-stream")], parts)
        if path != "/v1/chat/completions" or method != "POST":
            return problem(404, "about:blank")
        self.bodies.append(body)
        return self.chat(json.loads(body))

    def chat(self, req: dict[str, object]) -> Answer:
        mode = self.mode
        if mode == "problem500":
            return problem(500, "https://edgekit.dev/problems/backend-failed")
        if mode == "problem400":
            return problem(400, "https://edgekit.dev/problems/bad-request")
        if mode == "ratelimit":
            return problem(429, "https://edgekit.dev/problems/rate-limited", [("retry-after", "7")])
        if mode == "busy503":
            return problem(503, "about:blank", [("retry-after", "3")])
        messages = req["messages"]
        assert isinstance(messages, list)
        last = str(messages[-1]["content"])
        words = [f"w{i} " for i in range(self.words)]
        text = "".join(words)
        if not req.get("stream"):
            answer = {
                "object": "chat.completion",
                "model": "fake-model",
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": text},
                        "finish_reason": "stop",
                    }
                ],
                "usage": {
                    "prompt_tokens": len(last),
                    "completion_tokens": self.words,
                    "total_tokens": len(last) + self.words,
                },
            }
            encoded = json.dumps(answer).encode()
            return Answer(200, [("content-type", "application/json")], [encoded])
        events = [chunk_event(w) for w in words]
        events.append(chunk_event("", "stop"))
        events.append(
            sse({"object": "chat.completion.chunk", "choices": [], "usage": {"total_tokens": 42}})
        )
        events.append(b"data: [DONE]\n\n")
        answer_ = Answer(200, [("content-type", "text/event-stream")], events)
        if mode == "truncate":
            answer_.abort_after = 3
        elif mode == "drip":
            answer_.delay_s = self.drip_s
        elif mode == "stall":
            answer_.abort_after = None
            answer_.chunks = [*events[:2], b"__STALL__"]
        return answer_

    # --- HTTP plumbing ---------------------------------------------------------

    async def plain(self, request: web.Request) -> web.StreamResponse:
        self.hits[request.path] += 1
        body = await request.read()
        if self.mode == "hang":
            await asyncio.sleep(3600)
        if self.mode == "reset_after_body":
            assert request.transport is not None
            request.transport.close()
            await asyncio.sleep(0.05)
            raise web.HTTPInternalServerError()
        answer = self.inner(request.method, request.path, body)
        resp = web.StreamResponse(status=answer.status)
        for name, value in answer.headers:
            resp.headers[name] = value
        await resp.prepare(request)
        await self._write(request, resp, answer.chunks, answer, lambda c: c)
        return resp

    async def _write(self, request, resp, chunks, answer, wrap) -> bool:  # type: ignore[no-untyped-def]
        for index, chunk in enumerate(chunks):
            if answer.abort_after is not None and index >= answer.abort_after:
                request.transport.close()
                return False
            if chunk == b"__STALL__":
                await asyncio.sleep(3600)
            if answer.delay_s:
                await asyncio.sleep(answer.delay_s)
            await resp.write(wrap(chunk))
        return True

    async def health(self, request: web.Request) -> web.Response:
        self.hits[request.path] += 1
        if self.mode == "hang":
            await asyncio.sleep(3600)
        return web.json_response({"ok": self.health_ok}, status=200 if self.health_ok else 503)

    async def keys(self, request: web.Request) -> web.Response:
        self.hits[request.path] += 1
        return web.Response(
            body=self.keyring.encoded_key_configs(), content_type=ohttp.KEYS_MEDIA_TYPE
        )

    async def oblivious(self, request: web.Request) -> web.StreamResponse:
        self.hits[request.path] += 1
        sealed = await request.read()
        if self.mode == "hang":
            await asyncio.sleep(3600)
        try:
            plain, ctx = self.keyring.decapsulate_request(sealed)
            inner_req = bhttp.decode_request(plain)
            self.signer_ids.append(verify_request(self.registry, inner_req, ctx.enc))
        except Exception:
            return web.Response(status=400, body=b'{"type":"about:blank"}', content_type=PROBLEM)
        self.seen_enc.append(ctx.enc)
        answer = self.inner(inner_req.method, inner_req.path, inner_req.content)
        streamed = answer.headers[0][1] == "text/event-stream"
        if not streamed:
            content = b"".join(answer.chunks)
            if self.mode == "tamper":
                content += b"x"
            encoded = bhttp.encode_response(
                bhttp.Response(status=answer.status, headers=answer.headers, content=content)
            )
            body = ctx.encapsulate_response(encoded)
            if self.mode == "tamper":
                body = body[:-1] + bytes([body[-1] ^ 1])
            return web.Response(body=body, content_type=ohttp.RESPONSE_MEDIA_TYPE)
        resp = web.StreamResponse(status=200)
        resp.content_type = ohttp.CHUNKED_RESPONSE_MEDIA_TYPE
        await resp.prepare(request)
        encoder = ctx.chunked_response_encoder()
        framer = bhttp.ResponseStreamEncoder()
        await resp.write(encoder.start())
        await resp.write(encoder.seal(framer.head(answer.status, answer.headers)))
        finished = await self._write(
            request, resp, answer.chunks, answer, lambda c: encoder.seal(framer.chunk(c))
        )
        if finished:
            await resp.write(encoder.seal(framer.end(), final=True))
        return resp

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_get("/healthz", self.health)
        app.router.add_get("/ohttp-keys", self.keys)
        app.router.add_post("/ohttp", self.oblivious)
        app.router.add_route("*", "/v1/{tail:.*}", self.plain)
        return app


@pytest.fixture
async def upstream() -> AsyncIterator[Upstream]:
    state = Upstream()
    runner = web.AppRunner(state.app(), handle_signals=False, shutdown_timeout=0.1)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    state.url = f"http://127.0.0.1:{port}"
    try:
        yield state
    finally:
        await runner.cleanup()


def fast_config(url: str, tmp_path: Path, **overrides: object) -> CloudConfig:
    """A config with short deadlines for failure tests."""
    values: dict[str, object] = {
        "url": url,
        "encrypt": False,
        "device_key_path": tmp_path / "device.key",
        "timeouts": Timeouts(connect=1.0, first_byte=0.5, idle=0.4, total=3.0),
    }
    values.update(overrides)
    return CloudConfig(**values)  # type: ignore[arg-type]
