"""Tools and response_format through the gateway: the embedded model and an upstream.

The embedded backend decodes under the same grammar as the device (the real
SmolLM2 model stands in for the cloud model); the OpenAI-compatible upstream
gets the fields unchanged and its tool-call deltas come back as they were.
Clients are the real ``openai`` package.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from typing import Any

import jsonschema
import pytest
from aiohttp import web
from openai import AsyncOpenAI, BadRequestError

from cloud_gateway.config import config_from_mapping
from cloud_gateway.embedded import EmbeddedGateway
from tests.gateway.conftest import make_config, serve

WEATHER = {
    "type": "object",
    "properties": {
        "city": {"type": "string", "maxLength": 30},
        "unit": {"enum": ["celsius", "fahrenheit"]},
    },
    "required": ["city"],
}
TIMER = {
    "type": "object",
    "properties": {"minutes": {"type": "integer", "minimum": 1, "maximum": 120}},
    "required": ["minutes"],
}
TOOLS: list[dict[str, Any]] = [
    {
        "type": "function",
        "function": {
            "name": "get_weather",
            "description": "Weather in a city",
            "parameters": WEATHER,
        },
    },
    {
        "type": "function",
        "function": {"name": "set_timer", "description": "Start a timer", "parameters": TIMER},
    },
]
ASK = [{"role": "user", "content": "What is the weather in Rome?"}]


@pytest.fixture(scope="module")
def gateway() -> Iterator[EmbeddedGateway]:
    config = config_from_mapping(
        {
            "plaintext_api": True,
            "backend": {"kind": "llama", "model": "smollm2-135m", "n_ctx": 1024, "n_threads": 1},
            "limits": {"max_tokens": 96},
        },
        environ={},
    )
    with EmbeddedGateway(config) as gw:
        yield gw


def client(url: str) -> AsyncOpenAI:
    return AsyncOpenAI(base_url=url + "/v1", api_key="unused", max_retries=0)


async def test_embedded_model_calls_tools_streamed_as_whole(gateway: EmbeddedGateway) -> None:
    oa = client(gateway.url)
    kwargs: dict[str, Any] = {
        "model": "smollm2-135m",
        "messages": ASK,
        "tools": TOOLS,
        "tool_choice": "required",
        "max_tokens": 64,
        "temperature": 0,
    }
    await oa.chat.completions.create(**kwargs)  # both measured runs start from the same cache
    whole = await oa.chat.completions.create(**kwargs)
    choice = whole.choices[0]
    assert choice.finish_reason == "tool_calls"
    assert choice.message.tool_calls, choice.message
    call = choice.message.tool_calls[0]
    schema = WEATHER if call.function.name == "get_weather" else TIMER
    jsonschema.validate(json.loads(call.function.arguments), schema)
    calls: dict[int, dict[str, str]] = {}
    finish = None
    async for chunk in await oa.chat.completions.create(**kwargs, stream=True):
        delta = chunk.choices[0].delta if chunk.choices else None
        for tc in (delta.tool_calls or []) if delta else []:
            entry = calls.setdefault(tc.index, {"id": "", "name": "", "arguments": ""})
            entry["id"] += tc.id or ""
            entry["name"] += (tc.function.name or "") if tc.function else ""
            entry["arguments"] += (tc.function.arguments or "") if tc.function else ""
        if chunk.choices and chunk.choices[0].finish_reason:
            finish = chunk.choices[0].finish_reason
    assert finish == "tool_calls"
    assert [(c["name"], c["arguments"]) for c in calls.values()] == [
        (c.function.name, c.function.arguments) for c in choice.message.tool_calls
    ]
    assert calls[0]["id"].startswith("call_")


async def test_embedded_json_schema_answer_and_tool_result_turn(
    gateway: EmbeddedGateway,
) -> None:
    oa = client(gateway.url)
    schema = {
        "type": "object",
        "properties": {"summary": {"type": "string", "maxLength": 40}, "warm": {"type": "boolean"}},
        "required": ["summary", "warm"],
    }
    history = [
        *ASK,
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": "call_1",
                    "type": "function",
                    "function": {"name": "get_weather", "arguments": '{"city": "Rome"}'},
                }
            ],
        },
        {"role": "tool", "tool_call_id": "call_1", "content": '{"temp_c": 24}'},
    ]
    out = await oa.chat.completions.create(
        model="smollm2-135m",
        messages=history,
        tools=TOOLS,
        tool_choice="none",
        max_tokens=64,
        temperature=0,
        response_format={"type": "json_schema", "json_schema": {"name": "w", "schema": schema}},
    )
    choice = out.choices[0]
    assert choice.finish_reason == "stop"
    jsonschema.validate(json.loads(choice.message.content or ""), schema)


async def test_bad_schema_is_a_400_before_generation(gateway: EmbeddedGateway) -> None:
    bad = [
        {
            "type": "function",
            "function": {
                "name": "x",
                "parameters": {
                    "type": "object",
                    "properties": {"a": {"type": "string", "not": {}}},
                },
            },
        }
    ]
    with pytest.raises(BadRequestError) as info:
        await client(gateway.url).chat.completions.create(
            model="smollm2-135m", messages=ASK, tools=bad, max_tokens=8
        )  # type: ignore[arg-type]
    assert info.value.status_code == 400
    assert "'not' is not supported" in json.dumps(info.value.body)


# --- OpenAI-compatible upstream: passed through unchanged ------------------------------


class ToolUpstream:
    """An upstream that answers every request with one streamed tool call."""

    def __init__(self) -> None:
        self.seen: list[dict[str, Any]] = []

    async def chat(self, request: web.Request) -> web.StreamResponse:
        self.seen.append(await request.json())
        resp = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
        await resp.prepare(request)
        pieces = [
            {
                "tool_calls": [
                    {
                        "index": 0,
                        "id": "call_up",
                        "type": "function",
                        "function": {"name": "set_timer", "arguments": ""},
                    }
                ]
            },
            {"tool_calls": [{"index": 0, "function": {"arguments": '{"minu'}}]},
            {"tool_calls": [{"index": 0, "function": {"arguments": 'tes": 7}'}}]},
        ]
        for delta in pieces:
            chunk = {"choices": [{"index": 0, "delta": delta, "finish_reason": None}]}
            await resp.write(b"data: " + json.dumps(chunk).encode() + b"\n\n")
        end = {"choices": [{"index": 0, "delta": {}, "finish_reason": "tool_calls"}]}
        await resp.write(b"data: " + json.dumps(end).encode() + b"\n\ndata: [DONE]\n\n")
        return resp


@pytest.fixture
async def tool_upstream() -> AsyncIterator[tuple[ToolUpstream, str]]:
    fake = ToolUpstream()
    app = web.Application()
    app.router.add_post("/v1/chat/completions", fake.chat)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    yield fake, f"http://127.0.0.1:{runner.addresses[0][1]}/v1"
    await runner.cleanup()


async def test_upstream_gets_tools_unchanged_and_its_calls_come_back(
    tool_upstream: tuple[ToolUpstream, str],
) -> None:
    fake, url = tool_upstream
    config = make_config(backend={"kind": "openai", "upstream_url": url, "models": ["big"]})
    fmt = {"type": "json_schema", "json_schema": {"name": "t", "schema": TIMER, "strict": True}}
    choice = {"type": "function", "function": {"name": "set_timer"}}
    history = [
        *ASK,
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": "c0",
                    "type": "function",
                    "function": {"name": "get_weather", "arguments": '{"city": "Rome"}'},
                }
            ],
        },
        {"role": "tool", "tool_call_id": "c0", "content": "sunny"},
    ]
    async with serve(config) as gw:
        oa = client(gw.url)
        out = await oa.chat.completions.create(
            model="big",
            messages=history,
            tools=TOOLS,
            tool_choice=choice,  # type: ignore[arg-type]
            response_format=fmt,
            parallel_tool_calls=False,
        )  # type: ignore[arg-type]
    sent = fake.seen[0]
    assert sent["tools"] == TOOLS
    assert sent["tool_choice"] == choice
    assert sent["response_format"] == fmt
    assert sent["parallel_tool_calls"] is False
    assert sent["messages"][1]["tool_calls"][0]["function"]["arguments"] == '{"city": "Rome"}'
    assert sent["messages"][2] == {"role": "tool", "content": "sunny", "tool_call_id": "c0"}
    msg = out.choices[0].message
    assert out.choices[0].finish_reason == "tool_calls"
    assert msg.tool_calls is not None
    assert (
        msg.tool_calls[0].id,
        msg.tool_calls[0].function.name,
        msg.tool_calls[0].function.arguments,
    ) == ("call_up", "set_timer", '{"minutes": 7}')
