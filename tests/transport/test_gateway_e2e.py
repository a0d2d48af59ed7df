"""End to end: CloudClient → real cloud_gateway (EmbeddedGateway, echo backend), encrypted."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from edgekit.errors import CloudRateLimited
from edgekit.transport import (
    AiohttpTransport,
    CapturingTransport,
    CloudClient,
    CloudConfig,
    LinkShaper,
)

gateway_mod = pytest.importorskip(
    "cloud_gateway.embedded", reason="cloud_gateway is not importable yet"
)
SECRET = "the launch code is 0000 and the patient is Jane Roe"


@pytest.fixture(scope="module")
def gateway() -> Iterator[Any]:
    from cloud_gateway.backends.echo import EchoBackend
    from cloud_gateway.config import config_from_mapping

    config = config_from_mapping(
        {
            "auth": {"open_enrolment": True},
            "backend": {"kind": "echo"},
            "limits": {"rate_per_s": 1000.0, "rate_burst": 1000},
        },
        environ={},
    )
    with gateway_mod.EmbeddedGateway(config, backend=EchoBackend()) as gw:
        yield gw


def config_for(gateway: Any, tmp_path: Path, **extra: Any) -> CloudConfig:
    return CloudConfig(
        url=gateway.url,
        key_config_pin=hashlib.sha256(gateway.key_configs).hexdigest(),
        device_key_path=tmp_path / "device.key",
        **extra,
    )


async def test_encrypted_chat_and_stream_through_the_gateway(gateway: Any, tmp_path: Path) -> None:
    capture = CapturingTransport(AiohttpTransport())
    messages = [{"role": "user", "content": SECRET}]
    async with CloudClient(config_for(gateway, tmp_path), transport=capture) as cloud:
        done = await cloud.chat(messages, max_tokens=64)
        stream = cloud.stream_chat(messages, max_tokens=64)
        parts = [d async for d in stream]
        models = await cloud.models()
        health = await cloud.health()
    await capture.aclose()
    assert done.encrypted
    assert done.text == SECRET
    assert done.usage["completion_tokens"] == len(SECRET.split())
    assert len(parts) == len(SECRET.split())  # delivered piece by piece
    assert "".join(parts) == SECRET
    assert stream.finish_reason == "stop"
    assert models
    assert health.ok
    assert SECRET.encode() not in capture.sent_bytes
    assert b"Jane" not in capture.sent_bytes
    assert b"Jane" not in capture.received_bytes


async def test_continue_final_message_through_the_gateway(gateway: Any, tmp_path: Path) -> None:
    messages = [
        {"role": "user", "content": "say hello world"},
        {"role": "assistant", "content": "hello"},
    ]
    async with CloudClient(config_for(gateway, tmp_path)) as cloud:
        done = await cloud.chat(messages, continue_final_message=True, max_tokens=8)
    assert done.encrypted
    assert isinstance(done.text, str)


async def test_shaped_link_is_measured(gateway: Any, tmp_path: Path) -> None:
    shaped = LinkShaper(AiohttpTransport(), latency_ms=80)
    async with CloudClient(config_for(gateway, tmp_path), transport=shaped) as cloud:
        for _ in range(3):
            assert (await cloud.health()).ok
        rtt = cloud.link.rtt_s
    await shaped.aclose()
    assert rtt is not None
    assert 0.08 <= rtt < 0.5


async def test_gateway_rate_limit_maps_to_rate_limited(tmp_path: Path) -> None:
    from cloud_gateway.backends.echo import EchoBackend
    from cloud_gateway.config import config_from_mapping

    config = config_from_mapping(
        {
            "auth": {"open_enrolment": True},
            "backend": {"kind": "echo"},
            "limits": {"rate_per_s": 0.01, "rate_burst": 1},
        },
        environ={},
    )
    with gateway_mod.EmbeddedGateway(config, backend=EchoBackend()) as gw:
        async with CloudClient(config_for(gw, tmp_path)) as cloud:
            await cloud.chat([{"role": "user", "content": "one"}])
            with pytest.raises(CloudRateLimited) as info:
                await cloud.chat([{"role": "user", "content": "two"}])
    assert info.value.retry_after is not None
