"""CloudClient over Oblivious HTTP against the scripted upstream (real edgekit.secure crypto)."""

from __future__ import annotations

import hashlib
import json
import stat
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from edgekit.errors import CloudResponseError, DecryptError
from edgekit.secure import ohttp
from edgekit.secure.identity import DeviceKey
from edgekit.transport import (
    AiohttpTransport,
    CapturingTransport,
    CloudClient,
    KeyConfigPinError,
    StreamInterrupted,
)

from .conftest import Upstream, fast_config

SECRET = "my passport number is X1234567"
MSGS = [{"role": "user", "content": SECRET}]
FULL = "".join(f"w{i} " for i in range(6))


async def collect(stream: AsyncIterator[str], into: list[str]) -> None:
    async for delta in stream:
        into.append(delta)


def secure_config(upstream: Upstream, tmp_path: Path, **extra: object):  # type: ignore[no-untyped-def]
    return fast_config(upstream.url, tmp_path, encrypt=True, **extra)


async def test_encrypted_chat_leaks_no_plaintext(upstream: Upstream, tmp_path: Path) -> None:
    capture = CapturingTransport(AiohttpTransport())
    async with CloudClient(secure_config(upstream, tmp_path), transport=capture) as cloud:
        done = await cloud.chat(MSGS)
        stream = cloud.stream_chat(MSGS)
        parts = [d async for d in stream]
    await capture.aclose()
    assert done.text == FULL
    assert done.encrypted is True
    assert "".join(parts) == FULL
    assert stream.usage == {"total_tokens": 42}
    assert upstream.hits["/ohttp"] == 2
    assert not upstream.hits["/v1/chat/completions"]  # nothing went to the clear API
    sent = capture.sent_bytes
    for needle in (SECRET.encode(), b"passport", b"messages", b"chat/completions"):
        assert needle not in sent
    assert b"w0 w1" not in capture.received_bytes
    posted = [ex for ex in capture.exchanges if ex.request.url.endswith("/ohttp")]
    assert done.request_bytes == len(posted[0].request.content)
    assert [ex.response_headers["content-type"] for ex in posted] == [
        ohttp.RESPONSE_MEDIA_TYPE,
        ohttp.CHUNKED_RESPONSE_MEDIA_TYPE,
    ]
    # The gateway decrypted exactly what the client meant to send.
    assert json.loads(upstream.bodies[0])["messages"] == MSGS


async def test_device_key_created_once_and_signs(upstream: Upstream, tmp_path: Path) -> None:
    key_path = tmp_path / "keys" / "device.key"
    config = secure_config(upstream, tmp_path, device_key_path=key_path)
    async with CloudClient(config) as cloud:
        await cloud.chat(MSGS)
    assert stat.S_IMODE(key_path.stat().st_mode) == 0o600
    key = DeviceKey.load(key_path)
    async with CloudClient(config) as cloud:
        await cloud.chat(MSGS)
    assert upstream.signer_ids == [key.key_id, key.key_id]
    assert len(set(upstream.seen_enc)) == 2  # a fresh HPKE context per request


async def test_key_config_is_pinned_on_first_use(upstream: Upstream, tmp_path: Path) -> None:
    async with CloudClient(secure_config(upstream, tmp_path)) as cloud:
        await cloud.chat(MSGS)
        first = cloud.key_pins
        assert first == set(ohttp.key_config_digests(upstream.keyring.encoded_key_configs()))
        upstream.keyring = ohttp.ServerKeyring.generate()  # the gateway's key changes
        with pytest.raises(KeyConfigPinError):
            await cloud.refresh_key_config()
        cloud.repin(upstream.keyring.encoded_key_configs())
        assert (await cloud.chat(MSGS)).text == FULL
        assert cloud.key_pins.isdisjoint(first)


async def test_rotated_gateway_key_needs_a_repin(upstream: Upstream, tmp_path: Path) -> None:
    async with CloudClient(secure_config(upstream, tmp_path)) as cloud:
        await cloud.chat(MSGS)
        upstream.keyring = ohttp.ServerKeyring.generate()  # old key gone at once, unannounced
        # The gateway cannot decrypt (nothing ran), so the keys are fetched again at
        # once: the new key was never announced under a pinned one, so it is refused.
        with pytest.raises(KeyConfigPinError):
            await cloud.chat(MSGS)
        cloud.repin(None)  # trust the next configuration on purpose
        assert (await cloud.chat(MSGS)).text == FULL
    assert upstream.hits["/ohttp-keys"] == 3
    assert upstream.hits["/ohttp"] == 3


async def test_configured_pin_refuses_another_key(upstream: Upstream, tmp_path: Path) -> None:
    other = ohttp.ServerKeyring.generate().encoded_key_configs()
    config = secure_config(upstream, tmp_path, key_config_pin=hashlib.sha256(other).hexdigest())
    async with CloudClient(config) as cloud:
        with pytest.raises(KeyConfigPinError):
            await cloud.chat(MSGS)
    assert not upstream.hits["/ohttp"]  # nothing was sealed to an unpinned key


async def test_tampered_answer_is_a_decrypt_error(upstream: Upstream, tmp_path: Path) -> None:
    upstream.mode = "tamper"
    async with CloudClient(secure_config(upstream, tmp_path)) as cloud:
        with pytest.raises(DecryptError):
            await cloud.chat(MSGS)


async def test_truncated_chunked_stream_is_detected(upstream: Upstream, tmp_path: Path) -> None:
    upstream.mode = "truncate"
    got: list[str] = []
    async with CloudClient(secure_config(upstream, tmp_path)) as cloud:
        with pytest.raises(StreamInterrupted) as info:
            await collect(cloud.stream_chat(MSGS), got)
    assert got == ["w0 ", "w1 ", "w2 "]
    assert info.value.delivered_text == "w0 w1 w2 "


async def test_inner_problem_travels_encrypted(upstream: Upstream, tmp_path: Path) -> None:
    upstream.mode = "problem400"
    async with CloudClient(secure_config(upstream, tmp_path)) as cloud:
        with pytest.raises(CloudResponseError) as info:
            await cloud.chat(MSGS)
    assert info.value.status == 400
    assert info.value.problem_type == "https://edgekit.dev/problems/bad-request"


async def test_encrypted_binary_post_inner(upstream: Upstream, tmp_path: Path) -> None:
    async with CloudClient(secure_config(upstream, tmp_path)) as cloud:
        answer = await cloud.post_inner("/v1/blob", {"size": 70_000})
        assert await cloud.models() == ["fake-model"]
    assert answer.encrypted
    assert answer.content == bytes(i % 251 for i in range(70_000))
