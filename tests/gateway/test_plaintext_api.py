"""The inner OpenAI-compatible API over plaintext, with the echo backend."""

from __future__ import annotations

import json

import aiohttp
import openai
import pytest

from tests.gateway.conftest import Served, make_config, serve

PROBLEM = "application/problem+json"


async def test_openai_client_non_streaming(echo_gateway: Served) -> None:
    client = openai.AsyncOpenAI(base_url=echo_gateway.url + "/v1", api_key="unused")
    async with client:
        reply = await client.chat.completions.create(
            model="echo", messages=[{"role": "user", "content": "hello there world"}]
        )
    assert reply.choices[0].message.content == "hello there world"
    assert reply.choices[0].finish_reason == "stop"
    assert reply.usage is not None
    assert reply.usage.completion_tokens == 3
    assert reply.usage.total_tokens == reply.usage.prompt_tokens + 3


async def test_openai_client_streaming_with_usage(echo_gateway: Served) -> None:
    client = openai.AsyncOpenAI(base_url=echo_gateway.url + "/v1", api_key="unused")
    async with client:
        stream = await client.chat.completions.create(
            model="echo",
            messages=[{"role": "user", "content": "one two three four"}],
            stream=True,
            stream_options={"include_usage": True},
        )
        pieces, usage, finish = [], None, None
        async for chunk in stream:
            if chunk.usage is not None:
                usage = chunk.usage
            for choice in chunk.choices:
                pieces.append(choice.delta.content or "")
                finish = choice.finish_reason or finish
    assert "".join(pieces) == "one two three four"
    assert finish == "stop"
    assert usage is not None
    assert usage.completion_tokens == 4


async def test_models_and_max_tokens_length(echo_gateway: Served) -> None:
    client = openai.AsyncOpenAI(base_url=echo_gateway.url + "/v1", api_key="unused")
    async with client:
        models = await client.models.list()
        reply = await client.chat.completions.create(
            model="echo", max_tokens=2, messages=[{"role": "user", "content": "a b c d"}]
        )
    assert [m.id for m in models.data] == ["echo"]
    assert reply.choices[0].finish_reason == "length"
    assert reply.choices[0].message.content == "a b "


async def test_sse_raw_format_ends_with_done(echo_gateway: Served) -> None:
    body = {"messages": [{"role": "user", "content": "x y"}], "stream": True}
    async with (
        aiohttp.ClientSession() as http,
        http.post(echo_gateway.url + "/v1/chat/completions", json=body) as resp,
    ):
        assert resp.status == 200
        assert resp.headers["Content-Type"].startswith("text/event-stream")
        text = await resp.text()
    events = [line[6:] for line in text.split("\n\n") if line.startswith("data: ")]
    assert events[-1] == "[DONE]"
    first = json.loads(events[0])
    assert first["choices"][0]["delta"] == {"role": "assistant", "content": ""}


async def test_continue_final_message_needs_assistant_last(echo_gateway: Served) -> None:
    bad = {"messages": [{"role": "user", "content": "hi"}], "continue_final_message": True}
    good = {
        "messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "Hel"}],
        "continue_final_message": True,
    }
    async with aiohttp.ClientSession() as http:
        async with http.post(echo_gateway.url + "/v1/chat/completions", json=bad) as resp:
            assert resp.status == 400
            assert resp.headers["Content-Type"] == PROBLEM
            assert (await resp.json())["type"] == "https://edgekit.dev/problems/bad-request"
        async with http.post(echo_gateway.url + "/v1/chat/completions", json=good) as resp:
            assert resp.status == 200


@pytest.mark.parametrize(
    ("body", "content_type", "status", "name"),
    [
        (b"{", "application/json", 400, "bad-request"),
        (b'{"messages": []}', "application/json", 400, "bad-request"),
        (
            b'{"messages": [{"role": "user", "content": "x"}]}',
            "text/plain",
            415,
            "unsupported-media-type",
        ),
        (
            b'{"model": "gpt-9", "messages": [{"role": "user", "content": "x"}]}',
            "application/json",
            404,
            "model-not-found",
        ),
        (
            b'{"max_tokens": 100000, "messages": [{"role": "user", "content": "x"}]}',
            "application/json",
            400,
            "bad-request",
        ),
    ],
)
async def test_bad_requests_are_problems(
    echo_gateway: Served, body: bytes, content_type: str, status: int, name: str
) -> None:
    async with (
        aiohttp.ClientSession() as http,
        http.post(
            echo_gateway.url + "/v1/chat/completions",
            data=body,
            headers={"Content-Type": content_type},
        ) as resp,
    ):
        assert resp.status == status
        assert resp.headers["Content-Type"] == PROBLEM
        doc = await resp.json()
    assert doc["type"] == f"https://edgekit.dev/problems/{name}"
    assert doc["status"] == status


async def test_oversize_body_is_413_and_service_stays_healthy() -> None:
    big = b'{"messages": [{"role": "user", "content": "' + b"x" * 4096 + b'"}]}'
    config = make_config(limits={"max_body_bytes": 1024})
    async with serve(config) as gw, aiohttp.ClientSession() as http:
        async with http.post(
            gw.url + "/v1/chat/completions", data=big, headers={"Content-Type": "application/json"}
        ) as resp:
            assert resp.status == 413
            assert (await resp.json())["type"].endswith("/payload-too-large")
        async with http.get(gw.url + "/healthz") as resp:
            assert resp.status == 200


async def test_unknown_route_and_method(echo_gateway: Served) -> None:
    async with aiohttp.ClientSession() as http:
        async with http.get(echo_gateway.url + "/nope") as resp:
            assert resp.status == 404
            assert resp.headers["Content-Type"] == PROBLEM
        async with http.get(echo_gateway.url + "/v1/chat/completions") as resp:
            assert resp.status == 405
            assert "POST" in resp.headers["Allow"]


async def test_plaintext_api_off_by_default() -> None:
    async with (
        serve(make_config(plaintext_api=False)) as gw,
        aiohttp.ClientSession() as http,
        http.get(gw.url + "/v1/models") as resp,
    ):
        assert resp.status == 404


async def test_health_ready_metrics(echo_gateway: Served) -> None:
    async with aiohttp.ClientSession() as http:
        for path in ("/healthz", "/readyz"):
            async with http.get(echo_gateway.admin_url + path) as resp:
                assert resp.status == 200
        async with http.get(echo_gateway.url + "/healthz") as resp:
            assert resp.status == 200  # devices probe liveness on the public port
        for path in ("/metrics", "/readyz"):  # inner outcomes stay off the public port
            async with http.get(echo_gateway.url + path) as resp:
                assert resp.status == 404
        await http.post(
            echo_gateway.url + "/v1/chat/completions",
            json={"messages": [{"role": "user", "content": "a b"}]},
        )
        async with http.get(echo_gateway.admin_url + "/metrics") as resp:
            text = await resp.text()
    assert 'edgekit_gateway_requests_total{route="/v1/chat/completions"' in text
    assert 'edgekit_gateway_tokens_total{direction="out"} 2.0' in text
    assert "edgekit_gateway_request_duration_seconds_bucket" in text
    assert "edgekit_gateway_queue_depth" in text
