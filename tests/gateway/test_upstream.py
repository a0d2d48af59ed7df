"""The OpenAI-compatible upstream backend against a fake upstream on loopback."""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import aiohttp
import pytest
from aiohttp import web

from tests.gateway.conftest import make_config, serve

CHAT = {"model": "big", "messages": [{"role": "user", "content": "hi"}]}


@dataclass
class FakeUpstream:
    """Speaks the OpenAI streaming API; ``mode`` decides how it misbehaves."""

    mode: str = "ok"
    words: tuple[str, ...] = ("Hello", " from", " upstream")
    delay_s: float = 0.0
    seen: list[dict[str, object]] = field(default_factory=list)
    cancelled: int = 0
    tool_pieces: tuple[str, ...] = ()  # answer with one streamed tool call instead of words

    async def models(self, request: web.Request) -> web.Response:
        return web.json_response({"object": "list", "data": [{"id": "big"}]})

    async def chat(self, request: web.Request) -> web.StreamResponse:
        self.seen.append(await request.json())
        if self.mode == "500":
            return web.json_response({"error": "boom"}, status=500)
        if self.mode == "429":
            return web.json_response({"error": "busy"}, status=429, headers={"Retry-After": "7"})
        if self.mode == "slow":
            await asyncio.sleep(30)
        resp = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
        await resp.prepare(request)
        try:
            if self.tool_pieces:
                await self._tool_call(resp)
                return resp
            for word in self.words:
                await asyncio.sleep(self.delay_s)
                chunk = {
                    "choices": [{"index": 0, "delta": {"content": word}, "finish_reason": None}]
                }
                await resp.write(b"data: " + json.dumps(chunk).encode() + b"\n\n")
            if self.mode == "truncate":
                return resp
            end = {"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}
            usage = {
                "choices": [],
                "usage": {"prompt_tokens": 9, "completion_tokens": 3, "total_tokens": 12},
            }
            for event in (end, usage):
                await resp.write(b"data: " + json.dumps(event).encode() + b"\n\n")
            await resp.write(b"data: [DONE]\n\n")
        except asyncio.CancelledError:
            self.cancelled += 1
            raise
        return resp

    async def _tool_call(self, resp: web.StreamResponse) -> None:
        """One tool call, its arguments in pieces, as OpenAI streams it."""
        first = {
            "index": 0,
            "id": "call_9",
            "type": "function",
            "function": {"name": "lookup", "arguments": ""},
        }
        pieces = [first] + [{"index": 0, "function": {"arguments": p}} for p in self.tool_pieces]
        events = [
            {"choices": [{"index": 0, "delta": {"tool_calls": [piece]}, "finish_reason": None}]}
            for piece in pieces
        ]
        events.append({"choices": [{"index": 0, "delta": {}, "finish_reason": "tool_calls"}]})
        for event in events:
            await resp.write(b"data: " + json.dumps(event).encode() + b"\n\n")
        await resp.write(b"data: [DONE]\n\n")


@pytest.fixture
async def upstream() -> AsyncIterator[tuple[FakeUpstream, str]]:
    fake = FakeUpstream()
    app = web.Application()
    app.router.add_get("/v1/models", fake.models)
    app.router.add_post("/v1/chat/completions", fake.chat)
    runner = web.AppRunner(app, handler_cancellation=True)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    yield fake, f"http://127.0.0.1:{runner.addresses[0][1]}/v1"
    await runner.cleanup()


def upstream_config(url: str, **limits: object):  # type: ignore[no-untyped-def]
    return make_config(
        backend={
            "kind": "openai",
            "upstream_url": url,
            "models": ["big"],
            "upstream_connect_timeout_s": 1.0,
        },
        limits={"request_timeout_s": 1.0, **limits},
    )


async def test_streaming_passes_through(upstream: tuple[FakeUpstream, str]) -> None:
    fake, url = upstream
    fake.delay_s = 0.05
    async with serve(upstream_config(url)) as gw, aiohttp.ClientSession() as http:
        payload = {
            **CHAT,
            "stream": True,
            "stream_options": {"include_usage": True},
            "messages": [
                {"role": "user", "content": "hi"},
                {"role": "assistant", "content": "Hel"},
            ],
            "continue_final_message": True,
        }
        async with http.post(gw.url + "/v1/chat/completions", json=payload) as resp:
            assert resp.status == 200
            first = await resp.content.readline()  # arrives before the upstream finished
            rest = await resp.text()
        events = [
            json.loads(e[6:])
            for e in (first.decode() + rest).split("\n\n")
            if e.startswith("data: {")
        ]
        text = "".join(
            c["choices"][0]["delta"].get("content") or "" for c in events if c["choices"]
        )
        assert text == "Hello from upstream"
        assert events[-1]["usage"]["prompt_tokens"] == 9
        sent = fake.seen[0]
        assert sent["continue_final_message"] is True
        assert sent["add_generation_prompt"] is False
        assert sent["stream"] is True
        async with http.get(gw.admin_url + "/readyz") as resp:
            assert resp.status == 200


async def test_non_streaming_collects_the_stream(upstream: tuple[FakeUpstream, str]) -> None:
    _, url = upstream
    async with (
        serve(upstream_config(url)) as gw,
        aiohttp.ClientSession() as http,
        http.post(gw.url + "/v1/chat/completions", json=CHAT) as resp,
    ):
        body = await resp.json()
    assert body["choices"][0]["message"]["content"] == "Hello from upstream"
    assert body["usage"] == {"prompt_tokens": 9, "completion_tokens": 3, "total_tokens": 12}


@pytest.mark.parametrize(
    ("mode", "status", "name"),
    [
        ("500", 502, "upstream-error"),
        ("slow", 504, "upstream-timeout"),
        ("truncate", 502, "upstream-error"),
        ("429", 429, "overloaded"),
    ],
)
async def test_upstream_failures_map_to_problems(
    upstream: tuple[FakeUpstream, str], mode: str, status: int, name: str
) -> None:
    fake, url = upstream
    fake.mode = mode
    async with (
        serve(upstream_config(url, request_timeout_s=0.5)) as gw,
        aiohttp.ClientSession() as http,
    ):
        async with http.post(gw.url + "/v1/chat/completions", json=CHAT) as resp:
            assert resp.status == status
            assert (await resp.json())["type"] == f"https://edgekit.dev/problems/{name}"
            if mode == "429":
                assert resp.headers["Retry-After"] == "7"
        async with http.get(gw.url + "/healthz") as resp:
            assert resp.status == 200


async def test_upstream_down_is_502_and_not_ready() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = upstream_config(f"http://127.0.0.1:{port}/v1")
    async with serve(config) as gw, aiohttp.ClientSession() as http:
        for stream in (False, True):
            async with http.post(
                gw.url + "/v1/chat/completions", json={**CHAT, "stream": stream}
            ) as resp:
                assert resp.status == 502
                assert (await resp.json())["type"].endswith("/upstream-error")
        async with http.get(gw.admin_url + "/readyz") as resp:
            assert resp.status == 503
        async with http.get(gw.url + "/healthz") as resp:
            assert resp.status == 200


async def test_client_disconnect_closes_the_upstream_request(
    upstream: tuple[FakeUpstream, str],
) -> None:
    fake, url = upstream
    fake.words = tuple(f" w{i}" for i in range(100))
    fake.delay_s = 0.03
    async with serve(upstream_config(url, request_timeout_s=10.0)) as gw:
        async with aiohttp.ClientSession() as http:
            resp = await http.post(gw.url + "/v1/chat/completions", json={**CHAT, "stream": True})
            await resp.content.readline()
            resp.close()
        for _ in range(200):
            if fake.cancelled:
                break
            await asyncio.sleep(0.02)
        assert fake.cancelled == 1


TOOLS = [
    {
        "type": "function",
        "function": {
            "name": "lookup",
            "description": "Look a word up",
            "parameters": {
                "type": "object",
                "properties": {"word": {"type": "string"}},
                "required": ["word"],
                "additionalProperties": False,
            },
        },
    }
]


async def test_structured_output_fields_reach_the_upstream_unchanged(
    upstream: tuple[FakeUpstream, str],
) -> None:
    fake, url = upstream
    history = [
        {"role": "user", "content": "define ohttp"},
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": "call_1",
                    "type": "function",
                    "function": {"name": "lookup", "arguments": '{"word": "ohttp"}'},
                }
            ],
        },
        {"role": "tool", "tool_call_id": "call_1", "content": "oblivious HTTP"},
    ]
    fields = {
        "tools": TOOLS,
        "tool_choice": {"type": "function", "function": {"name": "lookup"}},
        "response_format": {
            "type": "json_schema",
            "json_schema": {"name": "answer", "schema": {"type": "object"}, "strict": True},
        },
        "parallel_tool_calls": False,
    }
    async with (
        serve(upstream_config(url)) as gw,
        aiohttp.ClientSession() as http,
        http.post(
            gw.url + "/v1/chat/completions", json={**CHAT, "messages": history, **fields}
        ) as resp,
    ):
        assert resp.status == 200
    sent = fake.seen[0]
    for key, value in fields.items():
        assert sent[key] == value, key
    assert sent["messages"] == history


async def test_streamed_tool_calls_come_back_whole_and_streamed(
    upstream: tuple[FakeUpstream, str],
) -> None:
    fake, url = upstream
    fake.tool_pieces = ('{"word": ', '"ohttp"}')
    request = {**CHAT, "tools": TOOLS}
    async with serve(upstream_config(url)) as gw, aiohttp.ClientSession() as http:
        async with http.post(gw.url + "/v1/chat/completions", json=request) as resp:
            whole = (await resp.json())["choices"][0]
        async with http.post(
            gw.url + "/v1/chat/completions", json={**request, "stream": True}
        ) as resp:
            events = [
                json.loads(e[6:])
                for e in (await resp.text()).split("\n\n")
                if e.startswith("data: {")
            ]
    assert whole["finish_reason"] == "tool_calls"
    assert whole["message"]["content"] is None
    assert whole["message"]["tool_calls"] == [
        {
            "id": "call_9",
            "type": "function",
            "function": {"name": "lookup", "arguments": '{"word": "ohttp"}'},
        }
    ]
    pieces = [c for e in events for ch in e["choices"] for c in ch["delta"].get("tool_calls") or []]
    assert "".join(p["function"].get("arguments", "") for p in pieces) == '{"word": "ohttp"}'
    assert events[-1]["choices"][0]["finish_reason"] == "tool_calls"
