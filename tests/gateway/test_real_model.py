"""The embedded llama.cpp backend with real models.

The device's edge model (SmolLM2-135M) stands in for the bigger cloud model in
most tests; the gateway's real default (Qwen2.5-Coder-1.5B) runs in one short
test marked ``gateway_model``.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Iterator

import aiohttp
import pytest

from cloud_gateway.backends.llama import LlamaBackend
from cloud_gateway.config import config_from_mapping
from cloud_gateway.embedded import EmbeddedGateway
from edgekit.secure.identity import DeviceKey
from tests.gateway.ohttp_client import Device, fetch_key_config

QUESTION = [{"role": "user", "content": "What is the capital of France?"}]


def llama_config(model: str, **extra: object):  # type: ignore[no-untyped-def]
    return config_from_mapping(
        {
            "plaintext_api": True,
            "backend": {"kind": "llama", "model": model, "n_ctx": 512, "n_threads": 2},
            "auth": {"open_enrolment": True},
            "limits": {"max_tokens": 64},
            **extra,
        },
        environ={},
    )


@pytest.fixture(scope="module")
def edge_gateway() -> Iterator[EmbeddedGateway]:
    with EmbeddedGateway(llama_config("smollm2-135m")) as gw:
        yield gw


async def test_ohttp_stream_from_the_real_model_matches_plaintext(
    edge_gateway: EmbeddedGateway,
) -> None:
    payload = {"messages": QUESTION, "max_tokens": 6, "temperature": 0}
    async with aiohttp.ClientSession() as http:
        async with http.post(edge_gateway.url + "/v1/chat/completions", json=payload) as resp:
            assert resp.status == 200
            plain = await resp.json()
        device = Device(
            edge_gateway.url, DeviceKey.generate(), await fetch_key_config(http, edge_gateway.url)
        )
        reply = await device.chat(
            http, {**payload, "stream": True, "stream_options": {"include_usage": True}}
        )
    assert reply.status == 200
    expected = plain["choices"][0]["message"]["content"]
    assert expected.strip()
    assert reply.sse_text() == expected  # greedy: the same answer, decrypted chunk by chunk
    assert plain["usage"]["completion_tokens"] == 6
    assert plain["usage"]["prompt_tokens"] > 10
    assert edge_gateway.metric("edgekit_gateway_tokens_total", {"direction": "out"}) >= 12


async def test_continue_final_message_continues_the_prefix(
    edge_gateway: EmbeddedGateway,
) -> None:
    messages = [
        {"role": "user", "content": "Count from 1 to 10."},
        {"role": "assistant", "content": "1, 2, 3, 4,"},
    ]
    payload = {
        "messages": messages,
        "max_tokens": 4,
        "temperature": 0,
        "continue_final_message": True,
    }
    async with (
        aiohttp.ClientSession() as http,
        http.post(edge_gateway.url + "/v1/chat/completions", json=payload) as resp,
    ):
        body = await resp.json()
    text = body["choices"][0]["message"]["content"]
    assert text.lstrip().startswith("5")  # continues the list, not a new turn


async def test_disconnect_cancels_llama_generation(edge_gateway: EmbeddedGateway) -> None:
    backend = edge_gateway.state.backend
    assert isinstance(backend, LlamaBackend)
    before = backend.cancelled
    payload = {"messages": QUESTION, "max_tokens": 64, "stream": True}
    async with aiohttp.ClientSession() as http:
        resp = await http.post(edge_gateway.url + "/v1/chat/completions", json=payload)
        await resp.content.readline()  # role chunk: the generation is running
        await resp.content.readline()
        resp.close()
    deadline = time.monotonic() + 20
    while backend.cancelled == before or edge_gateway.state.gate.active:  # type: ignore[union-attr]
        assert time.monotonic() < deadline, "generation was not cancelled"
        await asyncio.sleep(0.05)
    cancelled = edge_gateway.metric("edgekit_gateway_generations_total", {"outcome": "cancelled"})
    assert cancelled >= 1
    async with (
        aiohttp.ClientSession() as http,
        http.post(
            edge_gateway.url + "/v1/chat/completions",
            json={"messages": QUESTION, "max_tokens": 2},
        ) as resp,
    ):
        assert resp.status == 200  # the engine's lock was released


@pytest.mark.gateway_model
async def test_gateway_default_model_over_ohttp() -> None:
    config = llama_config("qwen2.5-coder-1.5b")
    with EmbeddedGateway(config) as gw:
        async with aiohttp.ClientSession() as http:
            device = Device(gw.url, DeviceKey.generate(), await fetch_key_config(http, gw.url))
            reply = await device.chat(
                http,
                {
                    "messages": [{"role": "user", "content": "Write a Python hello world."}],
                    "max_tokens": 8,
                    "temperature": 0,
                    "stream": True,
                },
            )
        assert reply.status == 200
        assert reply.sse_text().strip()
        assert json.loads(reply.body.decode().split("\n\n")[0][6:])["model"] == (
            "qwen2.5-coder-1.5b"
        )
