"""The attacks of issue 19, replayed as tests: each is refused, sealed, and logged right.

Every scenario runs over real OHTTP on loopback with signed requests from
enrolled devices, and checks the access log's line for it (outer status,
inner status) as an operator would count them.
"""

from __future__ import annotations

import asyncio
import base64
import json
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from cloud_gateway.__main__ import main
from edgekit.secure import ohttp
from edgekit.secure.identity import DeviceKey, DeviceRegistry
from tests.gateway.conftest import Served, make_config, past_replay_fence, serve
from tests.gateway.ohttp_client import Device, chat_request, fetch_key_config, seal, send

CHAT = {"messages": [{"role": "user", "content": "hello there"}]}
LONG = " ".join(f"w{i}" for i in range(60))  # 0.6 s of echo at 10 ms a word


def _access(caplog: pytest.LogCaptureFixture) -> list[tuple[int, int]]:
    return [
        (r.status, r.inner_status)
        for r in caplog.records  # type: ignore[attr-defined]
        if r.name == "edgekit.gateway.access" and r.route == "/ohttp"
    ]  # type: ignore[attr-defined]


async def _device(http: aiohttp.ClientSession, gw: Served, key: DeviceKey) -> Device:
    return Device(gw.url, key, await fetch_key_config(http, gw.url))


@pytest.fixture
def logged(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level("INFO", logger="edgekit")
    return caplog


async def test_deeply_nested_json_is_a_sealed_400(logged: pytest.LogCaptureFixture) -> None:
    key = DeviceKey.generate()
    body = "[" * 10_000 + "]" * 10_000  # 20 KB: a RecursionError in json.loads before
    async with (
        serve(make_config(), registry=DeviceRegistry([key.public_key])) as gw,
        aiohttp.ClientSession() as http,
    ):
        device = await _device(http, gw, key)
        deep = await device.chat(
            http,
            {
                "messages": [{"role": "user", "content": "x"}],
                "tools": json.loads("[" * 500 + "]" * 500),
            },
        )
        raw = replace(chat_request({}), content=body.encode())
        nested = await send(http, gw.url, seal(device.key_config, key, raw))
    for reply in (deep, nested):
        assert reply.outer_status == 200
        assert reply.status == 400
        assert reply.json()["type"].endswith("/bad-request")
    assert _access(logged) == [(200, 400), (200, 400)]


@pytest.mark.parametrize("timestamp", ["²", "¹²³", "170000000²", "", "+1700000000"])
async def test_non_ascii_digits_in_the_signed_timestamp_are_a_sealed_401(
    timestamp: str, logged: pytest.LogCaptureFixture
) -> None:
    key = DeviceKey.generate()
    async with (
        serve(make_config(), registry=DeviceRegistry([key.public_key])) as gw,
        aiohttp.ClientSession() as http,
    ):
        device = await _device(http, gw, key)
        reply = await device.chat(http, CHAT, timestamp=timestamp)
        assert gw.metric("edgekit_gateway_auth_failures_total") == 1
    assert reply.outer_status == 200
    assert reply.status == 401
    assert _access(logged) == [(200, 401)]


@pytest.mark.parametrize("stream", [False, True])
async def test_a_malformed_upstream_is_a_sealed_502(
    stream: bool, logged: pytest.LogCaptureFixture
) -> None:
    from aiohttp import web

    async def bad(request: web.Request) -> web.StreamResponse:
        resp = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
        await resp.prepare(request)
        await resp.write(b'data: {"choices": ["x"]}\n\n')
        return resp

    upstream = web.Application()
    upstream.router.add_post("/v1/chat/completions", bad)
    runner = web.AppRunner(upstream)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    url = f"http://127.0.0.1:{runner.addresses[0][1]}/v1"
    key = DeviceKey.generate()
    config = make_config(backend={"kind": "openai", "upstream_url": url, "models": ["big"]})
    try:
        async with (
            serve(config, registry=DeviceRegistry([key.public_key])) as gw,
            aiohttp.ClientSession() as http,
        ):
            device = await _device(http, gw, key)
            reply = await device.chat(http, {**CHAT, "stream": stream})
    finally:
        await runner.cleanup()
    assert reply.outer_status == 200
    assert reply.status == 502
    assert reply.json()["type"].endswith("/upstream-error")
    assert _access(logged) == [(200, 502)]


async def test_a_captured_request_replayed_after_a_restart_is_refused(
    tmp_path: Path, logged: pytest.LogCaptureFixture
) -> None:
    keys = tmp_path / "keys.json"
    ohttp.ServerKeyring.generate().save(keys)
    key = DeviceKey.generate()
    registry = DeviceRegistry([key.public_key])
    config = make_config(keys_path=str(keys), auth={"max_future_skew_s": 1.0})
    async with aiohttp.ClientSession() as http:
        async with serve(config, registry=registry) as first:
            device = await _device(http, first, key)
            await past_replay_fence(first)
            captured = device.seal_chat(CHAT)
            assert (await send(http, first.url, captured)).status == 200
        async with serve(config, registry=registry) as second:  # memory is gone
            replayed = await send(http, second.url, captured)
            fresh_too_early = await send(http, second.url, device.seal_chat(CHAT))
            await past_replay_fence(second)  # then fresh requests pass again
            fresh = await send(http, second.url, device.seal_chat(CHAT))
    assert replayed.outer_status == 200
    assert replayed.status == 409
    assert replayed.json()["type"].endswith("/replayed-request")
    assert fresh_too_early.status == 409  # it might have been seen: the device signs again
    assert 1 <= int(fresh_too_early.headers["retry-after"]) <= 3  # ...after the fence
    assert fresh.status == 200
    assert _access(logged) == [(200, 200), (200, 409), (200, 409), (200, 200)]


async def test_two_devices_filling_the_queue_do_not_starve_a_third(
    logged: pytest.LogCaptureFixture,
) -> None:
    keys = [DeviceKey.generate() for _ in range(3)]
    config = make_config(
        backend={"echo_delay_s": 0.01},
        limits={
            "max_concurrent": 1,
            "max_queue": 4,
            "max_per_device": 3,
            "queue_timeout_s": 20.0,
            "rate_per_s": 100.0,
            "rate_burst": 100,
        },
    )
    registry = DeviceRegistry([k.public_key for k in keys])
    async with serve(config, registry=registry) as gw, aiohttp.ClientSession() as http:
        noisy = [await _device(http, gw, k) for k in keys[:2]]
        quiet = await _device(http, gw, keys[2])
        finished: list[float] = []

        async def flood_one(device: Any) -> Any:
            answer = await device.chat(http, {"messages": [{"role": "user", "content": LONG}]})
            if answer.status == 200:
                finished.append(time.monotonic())
            return answer

        flood = [asyncio.create_task(flood_one(d)) for _ in range(6) for d in noisy]
        gate = gw.state.gate
        assert gate is not None
        deadline = time.monotonic() + 10
        while gate.active + gate.waiting < 5:  # the flood holds the slot and fills the queue
            assert time.monotonic() < deadline
            await asyncio.sleep(0.01)
        answer = await quiet.chat(http, CHAT)
        quiet_done = time.monotonic()
        flooded = await asyncio.gather(*flood)
    assert answer.status == 200
    assert answer.json()["choices"][0]["message"]["content"] == "hello there"
    statuses = sorted(r.status for r in flooded)
    assert statuses.count(200) >= 3
    assert set(statuses) == {200, 429}
    refused = [r for r in flooded if r.status == 429]
    assert all(
        r.json()["type"].endswith("/overloaded") and "retry-after" in r.headers for r in refused
    )
    # The quiet device waited its turn (the running answer and one per device ahead),
    # not for the whole queue: counted in answers, so a slow machine cannot fail it.
    assert sum(t < quiet_done for t in finished) <= 3
    assert _access(logged).count((200, 429)) == len(refused)


async def test_the_relay_learns_nothing_from_size_or_metrics() -> None:
    key = DeviceKey.generate()
    async with (
        serve(make_config(plaintext_api=False), registry=DeviceRegistry([key.public_key])) as gw,
        aiohttp.ClientSession() as http,
    ):
        device = await _device(http, gw, key)
        sealed = device.seal_chat(CHAT)
        ok = await send(http, gw.url, sealed)
        replay = await send(http, gw.url, sealed)
        stranger = Device(gw.url, DeviceKey.generate(), device.key_config)
        auth = await stranger.chat(http, CHAT)
        bad = await device.chat(http, {"messages": "nope"})
        async with http.get(gw.url + "/metrics") as resp:
            assert resp.status == 404  # only on the admin listener
        async with http.get(gw.admin_url + "/metrics") as resp:
            assert "edgekit_gateway_replay_rejections_total 1.0" in await resp.text()
    assert [r.status for r in (ok, replay, auth, bad)] == [200, 409, 401, 400]
    assert len({r.outer_size for r in (ok, replay, auth, bad)}) == 1  # one size bucket


async def test_padding_can_be_turned_off_and_costs_what_it_says() -> None:
    key = DeviceKey.generate()
    sizes: dict[str, list[int]] = {}
    for label, buckets in (("off", []), ("on", [1024, 4096])):
        config = make_config(response_pad_buckets=buckets)
        async with (
            serve(config, registry=DeviceRegistry([key.public_key])) as gw,
            aiohttp.ClientSession() as http,
        ):
            device = await _device(http, gw, key)
            replies = [
                await device.chat(
                    http, {"messages": [{"role": "user", "content": "x " * n}], "max_tokens": 1024}
                )
                for n in (1, 600, 1000)
            ]
        sizes[label] = [r.outer_size for r in replies]
    assert len(set(sizes["off"])) == 3
    overhead = 16 + 16  # response nonce + AEAD tag (AES-128-GCM)
    assert sizes["on"] == [1024 + overhead, 4096 + overhead, 4096 + overhead]
    assert all(on >= off for on, off in zip(sizes["on"], sizes["off"], strict=True))


@pytest.mark.parametrize("form", ["plain", "double-dash"])
def test_enrolling_a_key_that_starts_with_a_dash(tmp_path: Path, form: str) -> None:
    while True:
        key = DeviceKey.generate()
        public = base64.urlsafe_b64encode(key.public_key).rstrip(b"=").decode()
        if public.startswith("-"):
            break
    devices = tmp_path / "devices.txt"
    args: list[str] = [str(devices), public] if form == "plain" else [str(devices), "--", public]
    assert main(["devices", "add", *args]) == 0
    assert key.key_id in DeviceRegistry.load(devices)
    assert main(["devices", "revoke", *args]) == 0
    assert key.key_id not in DeviceRegistry.load(devices)
