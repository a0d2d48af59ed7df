"""POST /ohttp end to end on loopback: encryption, signatures, replay, errors."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from dataclasses import replace

import aiohttp
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cloud_gateway.ohttp import OHTTP
from edgekit.secure import ohttp
from edgekit.secure.identity import SIGNATURE_HEADER, DeviceKey, DeviceRegistry
from tests.gateway.conftest import Served, make_config, past_replay_fence, serve
from tests.gateway.ohttp_client import Device, drop_header, fetch_key_config, send

CHAT = {"messages": [{"role": "user", "content": "the quick brown fox"}]}


@pytest.fixture
def device_key() -> DeviceKey:
    return DeviceKey.generate()


@pytest.fixture
def keyring() -> ohttp.ServerKeyring:
    return ohttp.ServerKeyring.generate()


@pytest.fixture
async def gateway(keyring: ohttp.ServerKeyring, device_key: DeviceKey) -> AsyncIterator[Served]:
    registry = DeviceRegistry([device_key.public_key])
    config = make_config(plaintext_api=False, backend={"echo_delay_s": 0.0})
    async with serve(config, keyring=keyring, registry=registry) as served:
        yield served


@pytest.fixture
async def device(gateway: Served, device_key: DeviceKey) -> Device:
    async with aiohttp.ClientSession() as http:
        config = await fetch_key_config(http, gateway.url)
    return Device(gateway.url, device_key, config)


async def test_key_configs_are_served_cacheable(
    gateway: Served, keyring: ohttp.ServerKeyring
) -> None:
    async with aiohttp.ClientSession() as http, http.get(gateway.url + "/ohttp-keys") as resp:
        assert resp.status == 200
        assert resp.content_type == "application/ohttp-keys"
        assert "max-age=3600" in resp.headers["Cache-Control"]
        configs = ohttp.decode_key_configs(await resp.read())
    assert [c.key_id for c in configs] == [keyring.current.key_id]


async def test_whole_answer_round_trip(gateway: Served, device: Device) -> None:
    async with aiohttp.ClientSession() as http:
        reply = await device.chat(http, CHAT)
    assert reply.outer_status == 200
    assert reply.outer_type == ohttp.RESPONSE_MEDIA_TYPE
    assert reply.status == 200
    body = reply.json()
    assert body["choices"][0]["message"]["content"] == "the quick brown fox"
    assert body["usage"]["completion_tokens"] == 4
    labels = {"route": "/v1/chat/completions", "transport": "ohttp", "status": "200"}
    assert gateway.metric("edgekit_gateway_requests_total", **labels) == 1


async def test_streamed_answer_is_chunked_ohttp(gateway: Served, device: Device) -> None:
    payload = {**CHAT, "stream": True, "stream_options": {"include_usage": True}}
    async with aiohttp.ClientSession() as http:
        reply = await device.chat(http, payload)
    assert reply.outer_type == ohttp.CHUNKED_RESPONSE_MEDIA_TYPE
    assert reply.status == 200
    assert reply.headers["content-type"] == "text/event-stream"
    assert reply.sse_text() == "the quick brown fox"
    assert len(reply.chunks) > 4  # one sealed chunk per SSE event, not one blob
    assert reply.first_chunk_s is not None


async def test_models_listing_over_ohttp(gateway: Served, device: Device) -> None:
    from edgekit.secure import bhttp
    from tests.gateway.ohttp_client import seal

    request = bhttp.Request(method="GET", authority="gateway", path="/v1/models")
    async with aiohttp.ClientSession() as http:
        reply = await send(http, gateway.url, seal(device.key_config, device.key, request))
    assert reply.status == 200
    assert reply.json()["data"][0]["id"] == "echo"


async def test_unknown_key_id_and_garbage_get_the_same_opaque_400(
    gateway: Served, device: Device
) -> None:
    other = ohttp.ServerKeyring.generate(key_id=(device.key_config.key_id + 1) % 256)
    stranger = Device(gateway.url, device.key, other.key_configs()[0])
    bodies = []
    async with aiohttp.ClientSession() as http:
        reply = await stranger.chat(http, CHAT)
        assert reply.outer_status == 400
        bodies.append(reply.body)
        for junk in (b"", b"\x00" * 7, b"x" * 200):
            async with http.post(
                gateway.url + "/ohttp", data=junk, headers={"Content-Type": "message/ohttp-req"}
            ) as resp:
                assert resp.status == 400
                assert resp.content_type == "application/problem+json"
                bodies.append(await resp.read())
    assert len(set(bodies)) == 1
    assert b"decrypt-failed" in bodies[0]
    assert gateway.metric("edgekit_gateway_decrypt_failures_total") == 4


async def test_flipped_ciphertext_bit_is_opaque_400(gateway: Served, device: Device) -> None:
    sealed = device.seal_chat(CHAT)
    sealed.body = sealed.body[:-1] + bytes([sealed.body[-1] ^ 1])
    async with aiohttp.ClientSession() as http:
        reply = await send(http, gateway.url, sealed)
    assert reply.outer_status == 400


async def test_wrong_content_type_is_415(gateway: Served, device: Device) -> None:
    sealed = device.seal_chat(CHAT)
    async with (
        aiohttp.ClientSession() as http,
        http.post(
            gateway.url + "/ohttp", data=sealed.body, headers={"Content-Type": "application/json"}
        ) as resp,
    ):
        assert resp.status == 415
        assert (await resp.json())["type"].endswith("/unsupported-media-type")


async def test_oversize_encapsulated_body_is_413(gateway: Served) -> None:
    async with (
        aiohttp.ClientSession() as http,
        http.post(
            gateway.url + "/ohttp",
            data=b"\x01" * ((1 << 20) + 1),
            headers={"Content-Type": "message/ohttp-req"},
        ) as resp,
    ):
        assert resp.status == 413


async def test_replayed_request_is_refused_inside_the_envelope(
    gateway: Served, device: Device
) -> None:
    sealed = device.seal_chat(CHAT)
    async with aiohttp.ClientSession() as http:
        first = await send(http, gateway.url, sealed)
        again = await send(http, gateway.url, sealed)
    assert first.status == 200
    assert again.outer_status == 200  # RFC 9458: the reason is for the device only
    assert again.status == 409
    assert again.json()["type"] == "https://edgekit.dev/problems/replayed-request"
    assert gateway.metric("edgekit_gateway_replay_rejections_total") == 1


async def test_expired_timestamp_is_refused(gateway: Served, device: Device) -> None:
    async with aiohttp.ClientSession() as http:
        reply = await device.chat(http, CHAT, now=time.time() - 3600)
    assert reply.status == 409
    assert reply.json()["type"].endswith("/replayed-request")


def _flip_signature(request):  # type: ignore[no-untyped-def]
    headers = []
    for name, value in request.headers:
        if name == SIGNATURE_HEADER:
            value = ("A" if value[0] != "A" else "B") + value[1:]
        headers.append((name, value))
    return replace(request, headers=headers)


@pytest.mark.parametrize("tamper", [_flip_signature, drop_header(SIGNATURE_HEADER)])
async def test_bad_signature_is_401(gateway: Served, device: Device, tamper) -> None:  # type: ignore[no-untyped-def]
    async with aiohttp.ClientSession() as http:
        reply = await device.chat(http, CHAT, tamper=tamper)
    assert reply.status == 401
    assert reply.json()["type"] == "https://edgekit.dev/problems/device-auth-failed"
    assert gateway.metric("edgekit_gateway_auth_failures_total") == 1


async def test_unenrolled_device_is_401_and_open_enrolment_admits_it(
    keyring: ohttp.ServerKeyring,
) -> None:
    stranger = DeviceKey.generate()
    for open_enrolment, expected in ((False, 401), (True, 200)):
        config = make_config(auth={"open_enrolment": open_enrolment})
        async with serve(config, keyring=keyring) as gw, aiohttp.ClientSession() as http:
            device = Device(gw.url, stranger, await fetch_key_config(http, gw.url))
            reply = await device.chat(http, CHAT)
            assert reply.status == expected


async def test_key_rotation_serves_both_and_old_key_still_works(
    gateway: Served, device: Device, keyring: ohttp.ServerKeyring
) -> None:
    keyring.rotate(grace_s=600)
    async with aiohttp.ClientSession() as http:
        async with http.get(gateway.url + "/ohttp-keys") as resp:
            configs = ohttp.decode_key_configs(await resp.read())
        assert len(configs) == 2
        assert configs[0].key_id == keyring.current.key_id
        old = await device.chat(http, CHAT)
        new = await Device(gateway.url, device.key, configs[0]).chat(http, CHAT)
    assert old.status == new.status == 200


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(junk=st.binary(max_size=600))
async def test_random_bytes_never_break_the_endpoint(gateway: Served, junk: bytes) -> None:
    async with (
        aiohttp.ClientSession() as http,
        http.post(
            gateway.url + "/ohttp", data=junk, headers={"Content-Type": "message/ohttp-req"}
        ) as resp,
    ):
        assert resp.status == 400


async def test_rotation_and_enrolment_on_disk_are_picked_up(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import asyncio
    import base64

    from cloud_gateway.__main__ import main

    keys, devices = tmp_path / "keys.json", tmp_path / "devices.txt"
    ohttp.ServerKeyring.generate().save(keys)
    devices.write_text("")
    config = make_config(
        keys_path=str(keys),
        reload_interval_s=0.05,
        auth={"devices_path": str(devices), "max_future_skew_s": 0.0},
    )
    device_key = DeviceKey.generate()
    async with serve(config) as gw, aiohttp.ClientSession() as http:
        device = Device(gw.url, device_key, await fetch_key_config(http, gw.url))
        assert (await device.chat(http, CHAT)).status == 401
        public = base64.urlsafe_b64encode(device_key.public_key).rstrip(b"=").decode()
        assert main(["devices", "add", str(devices), public]) == 0
        assert main(["keys", "rotate", str(keys), "--grace", "600"]) == 0
        for _ in range(100):
            async with http.get(gw.url + "/ohttp-keys") as resp:
                configs = ohttp.decode_key_configs(await resp.read())
            if len(configs) == 2 and device_key.key_id in gw.app[OHTTP].registry:
                break
            await asyncio.sleep(0.05)
        assert len(configs) == 2
        await past_replay_fence(gw)  # keys from a file: this start fences off older requests
        assert (await device.chat(http, CHAT)).status == 200  # old key, now enrolled
        fresh = Device(gw.url, device_key, configs[0])
        assert (await fresh.chat(http, CHAT)).status == 200


async def test_chunked_request_encapsulation_is_accepted(gateway: Served, device: Device) -> None:
    async with aiohttp.ClientSession() as http:
        reply = await send(http, gateway.url, device.seal_chat(CHAT, chunked=True))
    assert reply.status == 200
    assert reply.json()["choices"][0]["message"]["content"] == "the quick brown fox"
