"""After a request decrypts, every answer is sealed, whatever is raised and wherever.

Fault injection: an exception (not a Problem: a bug, a malformed upstream
answer) raised from each layer behind decryption — authentication, the replay
check, rate limits, parsing, the inner router, each backend, and a stream
mid-answer — must come back inside the encryption as an opaque problem, for
whole and streamed answers alike. The relay sees outer status 200 and an
OHTTP media type, never a plaintext 500.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import aiohttp
import pytest

from cloud_gateway import api
from cloud_gateway import ohttp as gateway_ohttp
from cloud_gateway.backends.base import ChatRequest, Delta
from cloud_gateway.backends.echo import EchoBackend
from cloud_gateway.ohttp import OHTTP
from edgekit.secure import ohttp
from edgekit.secure.identity import DeviceKey, DeviceRegistry
from tests.gateway.conftest import Served, make_config, serve
from tests.gateway.ohttp_client import Device, Reply, fetch_key_config

SECRET = "opaque-7731-never-in-an-answer"
CHAT = {"messages": [{"role": "user", "content": "one two three four five six"}]}


class Boom(RuntimeError):
    """A bug somewhere behind decryption (its message must never be answered)."""

    def __init__(self) -> None:
        super().__init__(SECRET)


class FaultyBackend(EchoBackend):
    """Echo that raises after ``fail_after`` deltas (0: before the first)."""

    def __init__(self, fail_after: int) -> None:
        super().__init__()
        self.fail_after = fail_after

    async def stream(self, request: ChatRequest) -> AsyncIterator[Delta]:
        produced = 0
        async for delta in super().stream(request):
            if produced == self.fail_after:
                raise Boom()
            produced += 1
            yield delta


def _raise(*_: Any, **__: Any) -> Any:
    raise Boom()


async def _araise(*_: Any, **__: Any) -> Any:
    raise Boom()


async def _round(gw: Served, device_key: DeviceKey, payload: dict[str, Any]) -> Reply:
    async with aiohttp.ClientSession() as http:
        device = Device(gw.url, device_key, await fetch_key_config(http, gw.url))
        return await device.chat(http, payload)


def _assert_sealed_problem(reply: Reply, status: int = 500) -> None:
    assert reply.outer_status == 200
    assert reply.outer_type in (ohttp.RESPONSE_MEDIA_TYPE, ohttp.CHUNKED_RESPONSE_MEDIA_TYPE)
    assert SECRET.encode() not in reply.body
    assert reply.status == status
    assert reply.json()["status"] == status


# Each injection point: (name, how to break the running gateway).
Injector = Callable[[Served, pytest.MonkeyPatch], None]
LAYERS: dict[str, Injector] = {
    "authentication": lambda gw, mp: mp.setattr(gateway_ohttp, "verify_request", _raise),
    "replay-check": lambda gw, mp: mp.setattr(gw.app[OHTTP].guard, "check", _araise),
    "rate-limit": lambda gw, mp: mp.setattr(gw.state.limiter, "acquire", _araise),
    "generation-gate": lambda gw, mp: mp.setattr(gw.state.gate, "acquire", _araise),
    "parsing": lambda gw, mp: mp.setattr(api, "parse_chat", _raise),
    "inner-router": lambda gw, mp: mp.setattr(gw.state.router, "dispatch", _araise),
    "backend-call": lambda gw, mp: mp.setattr(gw.state.backend, "stream", _raise),
}


@pytest.mark.parametrize("stream", [False, True], ids=["whole", "stream"])
@pytest.mark.parametrize("layer", sorted(LAYERS))
async def test_an_exception_in_any_layer_is_answered_sealed(
    layer: str, stream: bool, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    key = DeviceKey.generate()
    config = make_config(plaintext_api=False)
    caplog.set_level("INFO", logger="edgekit")
    async with serve(config, registry=DeviceRegistry([key.public_key])) as gw:
        LAYERS[layer](gw, monkeypatch)
        reply = await _round(gw, key, {**CHAT, "stream": stream})
    _assert_sealed_problem(reply)
    assert reply.json()["type"] == "https://edgekit.dev/problems/internal-error"
    access = [
        r for r in caplog.records if r.name == "edgekit.gateway.access" and r.route == "/ohttp"
    ]  # type: ignore[attr-defined]
    assert [(r.status, r.inner_status) for r in access] == [(200, 500)]  # type: ignore[attr-defined]
    assert all(
        SECRET not in r.getMessage() and SECRET not in repr(r.__dict__) for r in caplog.records
    )


@pytest.mark.parametrize("stream", [False, True], ids=["whole", "stream"])
async def test_a_backend_failing_before_its_first_token_is_sealed(stream: bool) -> None:
    key = DeviceKey.generate()
    async with serve(
        make_config(plaintext_api=False),
        FaultyBackend(0),
        registry=DeviceRegistry([key.public_key]),
    ) as gw:
        reply = await _round(gw, key, {**CHAT, "stream": stream})
        assert gw.state.gate is not None
        assert gw.state.gate.active == 0  # the slot came back
    _assert_sealed_problem(reply)


async def test_a_stream_failing_mid_answer_ends_with_a_sealed_problem_chunk(
    caplog: pytest.LogCaptureFixture,
) -> None:
    key = DeviceKey.generate()
    caplog.set_level("INFO", logger="edgekit")
    async with serve(
        make_config(plaintext_api=False),
        FaultyBackend(3),
        registry=DeviceRegistry([key.public_key]),
    ) as gw:
        reply = await _round(gw, key, {**CHAT, "stream": True})
        assert gw.state.gate is not None
        assert gw.state.gate.active == 0
    assert reply.outer_type == ohttp.CHUNKED_RESPONSE_MEDIA_TYPE
    assert reply.status == 200  # the head went out before the failure
    events = reply.sse_events()
    text = "".join(
        c["choices"][0]["delta"].get("content") or ""
        for c in events
        if isinstance(c, dict) and c.get("choices")
    )
    assert text == "one two three "
    assert events[-1]["error"]["type"] == "https://edgekit.dev/problems/internal-error"
    assert "[DONE]" not in events
    assert reply.trailers["edgekit-problem"].endswith("/internal-error")
    assert SECRET.encode() not in reply.body
    access = [
        r for r in caplog.records if r.name == "edgekit.gateway.access" and r.route == "/ohttp"
    ]  # type: ignore[attr-defined]
    assert [(r.status, r.inner_status) for r in access] == [(200, 500)]  # type: ignore[attr-defined]


async def test_the_llama_backend_failing_is_sealed(monkeypatch: pytest.MonkeyPatch) -> None:
    """The embedded-engine backend's own code path, its engine made to fail mid-answer."""
    from cloud_gateway.backends.llama import LlamaBackend

    class FailingEngine:
        closed = False

        def close(self) -> None:
            self.closed = True

        async def astream_chat(self, *_: Any, **__: Any) -> AsyncIterator[Any]:
            from types import SimpleNamespace

            yield SimpleNamespace(text="partial", finish_reason=None, timings=None)
            raise Boom()

    config = make_config(plaintext_api=False, backend={"kind": "llama", "model": "m"})
    backend = LlamaBackend(config)
    monkeypatch.setattr(backend, "start", _noop)
    backend._engines["m"] = FailingEngine()  # type: ignore[assignment]
    key = DeviceKey.generate()
    async with serve(config, backend, registry=DeviceRegistry([key.public_key])) as gw:
        whole = await _round(gw, key, {**CHAT, "model": "m"})
        streamed = await _round(gw, key, {**CHAT, "model": "m", "stream": True})
    _assert_sealed_problem(whole)
    assert streamed.sse_events()[-1]["error"]["status"] == 500
    assert streamed.trailers["edgekit-problem"].endswith("/internal-error")


async def _noop() -> None:
    return None


async def test_an_answer_that_outgrows_the_binary_http_limits_ends_sealed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Framing itself failing mid-stream (content above bhttp's limit) is a sealed problem."""
    from edgekit.secure import bhttp

    monkeypatch.setattr(
        bhttp.ResponseStreamEncoder.__init__,
        "__kwdefaults__",
        {"limits": bhttp.Limits(max_content_bytes=200)},
    )  # the gateway's framer
    key = DeviceKey.generate()
    async with serve(
        make_config(plaintext_api=False), registry=DeviceRegistry([key.public_key])
    ) as gw:
        reply = await _round(gw, key, {**CHAT, "stream": True})
    assert (reply.outer_status, reply.status) == (200, 200)
    assert reply.trailers["edgekit-problem"].endswith("/internal-error")
    assert "[DONE]" not in reply.body.decode()
