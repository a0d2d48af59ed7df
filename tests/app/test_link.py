"""The app's transport waits for its embedded gateway outside the cloud client's clocks.

An escalation asked while the embedded gateway still loads its model must
wait for it (that is the gateway starting, not a silent gateway), and the
short key-fetch timeout must still find out a gateway that is up but mute.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from edgekit.app.link import PLACEHOLDER_URL, AppTransport
from edgekit.transport import AiohttpTransport, CloudClient, CloudConfig, Timeouts

MSGS = [{"role": "user", "content": "hello"}]


class LateEndpoint:
    """An embedded gateway that becomes reachable ``delay_s`` after ``start()``."""

    def __init__(self, url: str, delay_s: float) -> None:
        self._url, self._delay_s = url, delay_s
        self._ready = threading.Event()

    @property
    def url(self) -> str | None:
        return self._url if self._ready.is_set() else None

    def start(self) -> None:
        timer = threading.Timer(self._delay_s, self._ready.set)
        timer.daemon = True  # a test that gives up must not wait for it
        timer.start()

    def settled(self) -> bool:
        return self._ready.is_set()


@pytest.fixture(scope="module")
def echo_gateway() -> Iterator[Any]:
    from cloud_gateway.backends.echo import EchoBackend
    from cloud_gateway.config import config_from_mapping
    from cloud_gateway.embedded import EmbeddedGateway

    config = config_from_mapping(
        {"auth": {"open_enrolment": True}, "backend": {"kind": "echo"}}, environ={}
    )
    with EmbeddedGateway(config, backend=EchoBackend()) as gateway:
        yield gateway


async def test_an_escalation_waits_for_a_loading_gateway(echo_gateway: Any, tmp_path: Path) -> None:
    endpoint = LateEndpoint(echo_gateway.url, delay_s=2.0)
    transport = AppTransport(AiohttpTransport(), endpoint=endpoint, wait_s=30.0)
    config = CloudConfig(
        url=PLACEHOLDER_URL,
        device_key_path=tmp_path / "device.key",
        timeouts=Timeouts(connect=0.3, key_fetch=0.3, first_byte=0.5),
    )
    async with CloudClient(config, transport=transport) as cloud:
        started = asyncio.get_running_loop().time()
        answer = await cloud.chat(MSGS)
        waited = asyncio.get_running_loop().time() - started
    assert answer.text  # the echo gateway answered once it was up
    assert waited >= 2.0  # it waited for the start-up, longer than every timeout above


async def test_a_loading_gateway_is_bounded_by_the_call_deadline(tmp_path: Path) -> None:
    endpoint = LateEndpoint("http://127.0.0.1:9", delay_s=60.0)
    transport = AppTransport(AiohttpTransport(), endpoint=endpoint, wait_s=60.0)
    config = CloudConfig(
        url=PLACEHOLDER_URL, device_key_path=tmp_path / "device.key", timeouts=Timeouts(total=1.0)
    )
    from edgekit.transport import CloudTimeoutPhase

    async with CloudClient(config, transport=transport) as cloud:
        with pytest.raises(CloudTimeoutPhase) as info:
            await cloud.chat(MSGS)
    assert info.value.phase == "total"
