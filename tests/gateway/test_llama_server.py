"""A real serving engine behind the gateway: llama-cpp-python's OpenAI-compatible server.

``python -m llama_cpp.server`` (the ``server`` extra of llama-cpp-python)
serves the edge model (SmolLM2-135M) on a loopback port; the gateway's
``openai`` backend forwards to it; devices talk to the gateway over OHTTP.
Answers are greedy (temperature 0), so the same prompt gives the same text.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from cloud_gateway.config import GatewayConfig
from edgekit.secure.identity import DeviceKey, DeviceRegistry
from tests.conftest import requires_edge_model
from tests.gateway.conftest import Served, free_port, make_config, serve, wait_for_port
from tests.gateway.ohttp_client import Device, Reply, fetch_key_config

pytestmark = [requires_edge_model]
pytest.importorskip("llama_cpp.server", reason="needs llama-cpp-python[server]")

ALIAS = "smollm2-server"
QUESTION = [{"role": "user", "content": "Name three colours of the rainbow."}]


@contextmanager
def llama_server() -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    """``python -m llama_cpp.server`` on a free loopback port, serving the edge model."""
    from edgekit.local.models import DEFAULT_EDGE_MODEL, resolve_model

    port, model = free_port(), resolve_model(DEFAULT_EDGE_MODEL)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "llama_cpp.server",
            "--model",
            str(model),
            "--model_alias",
            ALIAS,
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--n_ctx",
            "1024",
            "--n_threads",
            "1",
            "--seed",
            "7",
            "--verbose",
            "False",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(proc, port, "llama_cpp.server", timeout=120)
        yield proc, f"http://127.0.0.1:{port}/v1"
    finally:
        if proc.poll() is None:
            proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def upstream() -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    with llama_server() as served:
        yield served


@pytest.fixture(scope="module")
def upstream_url(upstream: tuple[subprocess.Popen[bytes], str]) -> str:
    return upstream[1]


def _cpu_s(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def assert_stops_generating(proc: subprocess.Popen[bytes], within_s: float = 3.0) -> None:
    """The engine process goes idle (no CPU over 0.5 s) within ``within_s``.

    A 600-token generation left running would keep it busy for far longer.
    """
    deadline = time.monotonic() + within_s
    while True:
        before = _cpu_s(proc.pid)
        await asyncio.sleep(0.5)
        if _cpu_s(proc.pid) - before < 0.03:
            return
        assert time.monotonic() < deadline, "the upstream kept generating"


def gateway_config(url: str, **limits: Any) -> GatewayConfig:
    return make_config(
        plaintext_api=False,
        backend={"kind": "openai", "upstream_url": url, "models": [ALIAS]},
        limits={"request_timeout_s": 60.0, **limits},
    )


@pytest.fixture
async def gateway(upstream_url: str) -> AsyncIterator[tuple[Served, Device]]:
    key = DeviceKey.generate()
    async with (
        serve(gateway_config(upstream_url), registry=DeviceRegistry([key.public_key])) as gw,
        aiohttp.ClientSession() as http,
    ):
        yield gw, Device(gw.url, key, await fetch_key_config(http, gw.url))


def chat(**extra: Any) -> dict[str, Any]:
    return {"model": ALIAS, "messages": QUESTION, "temperature": 0, "max_tokens": 24, **extra}


def answer(reply: Reply) -> dict[str, Any]:
    assert (reply.outer_status, reply.status) == (200, 200), reply.body[:200]
    return dict(reply.json()["choices"][0])


async def test_whole_and_streamed_answers_agree(gateway: tuple[Served, Device]) -> None:
    gw, device = gateway
    async with aiohttp.ClientSession() as http:
        whole = answer(await device.chat(http, chat()))
        streamed = await device.chat(http, chat(stream=True))
    text = whole["message"]["content"]
    assert len(text.split()) >= 3
    assert streamed.status == 200
    assert streamed.sse_text() == text  # greedy: the same tokens, chunk by chunk
    assert len(streamed.chunks) > 5  # relayed as it was generated, not in one piece
    async with aiohttp.ClientSession() as http, http.get(gw.admin_url + "/readyz") as resp:
        assert resp.status == 200


async def test_max_tokens_and_stop_reach_the_engine(gateway: tuple[Served, Device]) -> None:
    _, device = gateway
    async with aiohttp.ClientSession() as http:
        short = answer(await device.chat(http, chat(max_tokens=4)))
        full = answer(await device.chat(http, chat(max_tokens=48)))
        words = full["message"]["content"].split()
        stop = words[2]  # cut where the model would have said its third word
        stopped = answer(await device.chat(http, chat(max_tokens=48, stop=[stop])))
    assert short["finish_reason"] == "length"
    assert len(short["message"]["content"]) < len(full["message"]["content"])
    assert full["message"]["content"].startswith(short["message"]["content"])
    assert stopped["finish_reason"] == "stop"
    assert stop not in stopped["message"]["content"]
    assert full["message"]["content"].startswith(stopped["message"]["content"])


async def test_response_format_is_passed_through(gateway: tuple[Served, Device]) -> None:
    _, device = gateway
    colours = ["red", "green", "blue"]
    schema = {
        "type": "object",
        "properties": {"colour": {"type": "string", "enum": colours}},
        "required": ["colour"],
    }
    async with aiohttp.ClientSession() as http:
        reply = await device.chat(
            http, chat(max_tokens=40, response_format={"type": "json_object", "schema": schema})
        )
    parsed = json.loads(answer(reply)["message"]["content"])  # the engine's JSON grammar
    assert parsed["colour"] in colours


@pytest.mark.parametrize("stream", [False, True])
async def test_tools_are_passed_through_both_ways(
    gateway: tuple[Served, Device], stream: bool
) -> None:
    _, device = gateway
    tools = [
        {
            "type": "function",
            "function": {
                "name": "get_weather",
                "description": "Weather in a city",
                "parameters": {
                    "type": "object",
                    "properties": {"city": {"type": "string"}},
                    "required": ["city"],
                },
            },
        }
    ]
    request = chat(
        messages=[{"role": "user", "content": "What is the weather in Paris?"}],
        max_tokens=40,
        tools=tools,
        tool_choice={"type": "function", "function": {"name": "get_weather"}},
        stream=stream,
    )
    async with aiohttp.ClientSession() as http:
        reply = await device.chat(http, request)
    if stream:
        deltas = [
            c["delta"] for e in reply.sse_events() if isinstance(e, dict) for c in e["choices"]
        ]
        pieces = [call for delta in deltas for call in delta.get("tool_calls") or []]
        assert pieces
        assert all(p["function"]["name"] == "get_weather" for p in pieces)
        arguments = "".join(p["function"]["arguments"] for p in pieces)
    else:
        call = answer(reply)["message"]["tool_calls"][0]
        assert call["function"]["name"] == "get_weather"
        assert call["id"]
        arguments = call["function"]["arguments"]
    assert isinstance(json.loads(arguments)["city"], str)


async def test_a_slow_upstream_is_a_sealed_504_and_is_cancelled(
    upstream: tuple[subprocess.Popen[bytes], str],
) -> None:
    proc, upstream_url = upstream
    key = DeviceKey.generate()
    config = gateway_config(upstream_url, request_timeout_s=0.3)
    async with (
        serve(config, registry=DeviceRegistry([key.public_key])) as gw,
        aiohttp.ClientSession() as http,
    ):
        device = Device(gw.url, key, await fetch_key_config(http, gw.url))
        slow = await device.chat(
            http,
            chat(
                max_tokens=200,
                messages=[{"role": "user", "content": "Write a very long story about a dragon."}],
            ),
        )
        assert (slow.outer_status, slow.status) == (200, 504)
        assert slow.json()["type"].endswith("/upstream-timeout")
        assert gw.metric("edgekit_gateway_generations_total", outcome="timeout") == 1
        assert gw.state.gate is not None
        assert gw.state.gate.active == 0  # the slot came back at the deadline
    # llama-cpp-python's server does not stop a generation whose client left before
    # its first token (it notices a disconnect only between streamed chunks): wait
    # for it here so the next test meets an idle engine. Cancellation mid-stream is
    # checked in test_a_device_that_goes_away_cancels_the_upstream_generation.
    await assert_stops_generating(proc, within_s=120.0)


async def test_a_device_that_goes_away_cancels_the_upstream_generation(
    gateway: tuple[Served, Device], upstream: tuple[subprocess.Popen[bytes], str]
) -> None:
    gw, device = gateway
    sealed = device.seal_chat(
        chat(
            stream=True,
            max_tokens=600,
            messages=[{"role": "user", "content": "Write a very long story about a dragon."}],
        )
    )
    async with aiohttp.ClientSession() as http:
        resp = await http.post(
            gw.url + "/ohttp", data=sealed.body, headers={"Content-Type": sealed.media_type}
        )
        await resp.content.readany()  # the stream is running
        resp.close()  # the device goes away
    deadline = time.monotonic() + 10
    while gw.metric("edgekit_gateway_generations_total", outcome="cancelled") < 1:
        assert time.monotonic() < deadline, "generation not cancelled"
        await asyncio.sleep(0.05)
    await assert_stops_generating(upstream[0])  # 600 tokens were not generated
    async with aiohttp.ClientSession() as http:  # and the upstream serves the next one
        assert answer(await device.chat(http, chat(max_tokens=4)))["finish_reason"] == "length"


async def test_an_upstream_that_dies_mid_stream_ends_the_answer_sealed() -> None:
    key = DeviceKey.generate()
    with llama_server() as (proc, url):
        async with (
            serve(gateway_config(url), registry=DeviceRegistry([key.public_key])) as gw,
            aiohttp.ClientSession() as http,
        ):
            device = Device(gw.url, key, await fetch_key_config(http, gw.url))
            request = chat(
                stream=True,
                max_tokens=600,
                messages=[{"role": "user", "content": "Write a very long story about a dragon."}],
            )
            task = asyncio.create_task(device.chat(http, request))
            deadline = time.monotonic() + 90
            while gw.metric("edgekit_gateway_first_token_seconds_count") < 1:
                assert time.monotonic() < deadline, "no first token"
                await asyncio.sleep(0.02)
            proc.send_signal(signal.SIGKILL)  # the serving engine dies mid-answer
            reply = await asyncio.wait_for(task, 90)
    assert (reply.outer_status, reply.status) == (200, 200)  # the head was already out
    events = reply.sse_events()
    assert "[DONE]" not in events, "the answer finished before the engine was killed"
    assert events[-1]["error"]["type"].endswith("/upstream-error")
    assert any(
        e.get("choices") and e["choices"][0]["delta"].get("content") for e in events[:-1]
    )  # what came before the failure arrived
