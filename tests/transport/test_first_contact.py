"""What a device meets the first time it talks to a gateway, named for what it is.

A server that is not a gateway, a gateway that accepts but never answers, a
gateway that does not know this device, and a gateway that rotates its keys
while the device keeps its pins: each gets its own error (or none at all),
against real servers on loopback.
"""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from edgekit.secure.ohttp import ServerKeyring, key_config_digests
from edgekit.transport import (
    CloudClient,
    CloudConfig,
    DeviceNotEnrolled,
    GatewaySilent,
    KeyConfigPinError,
    NotAGateway,
    Timeouts,
)
from edgekit.transport.errors import CloudConnectError

gateway_mod = pytest.importorskip("cloud_gateway.embedded")
MSGS = [{"role": "user", "content": "hello"}]


async def _serve(app: web.Application) -> tuple[web.AppRunner, str]:
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    return runner, f"http://127.0.0.1:{runner.addresses[0][1]}"


@pytest.fixture
async def web_server() -> AsyncIterator[str]:
    """An ordinary web server: HTML at /, 404 elsewhere."""
    app = web.Application()

    async def home(_: web.Request) -> web.Response:
        return web.Response(text="<html>hi</html>", content_type="text/html")

    app.router.add_get("/", home)
    runner, url = await _serve(app)
    yield url
    await runner.cleanup()


@pytest.fixture
async def silent_server() -> AsyncIterator[str]:
    """Accepts TCP connections and never answers."""
    held: list[asyncio.StreamWriter] = []

    async def hold(_: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        held.append(writer)

    server = await asyncio.start_server(hold, "127.0.0.1", 0)
    yield f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"
    for writer in held:
        writer.close()
    server.close()
    await server.wait_closed()


async def test_a_web_server_is_not_a_gateway(web_server: str, tmp_path: Path) -> None:
    config = CloudConfig(url=web_server, device_key_path=str(tmp_path / "device.key"))
    async with CloudClient(config) as cloud:
        with pytest.raises(NotAGateway) as info:
            await cloud.chat(MSGS)
    assert info.value.status == 404
    assert "not an EdgeKit gateway" in str(info.value)
    assert "check the gateway URL" in str(info.value)


async def test_a_silent_server_is_found_out_in_seconds(silent_server: str, tmp_path: Path) -> None:
    config = CloudConfig(
        url=silent_server,
        device_key_path=tmp_path / "device.key",
        timeouts=Timeouts(connect=0.5, key_fetch=0.5),
    )
    started = time.monotonic()
    async with CloudClient(config) as cloud:
        with pytest.raises(GatewaySilent) as info:
            await cloud.chat(MSGS)
    assert time.monotonic() - started < 5.0
    assert info.value.phase == "first_byte"
    assert "accepted the connection but sent no answer" in str(info.value)


async def test_nothing_listening_is_unreachable_not_silent(tmp_path: Path) -> None:
    with socket.socket() as sock:  # a port that was free a moment ago, now closed
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    config = CloudConfig(url=f"http://127.0.0.1:{port}", device_key_path=tmp_path / "k")
    async with CloudClient(config) as cloud:
        with pytest.raises(CloudConnectError):
            await cloud.chat(MSGS)


def _gateway_config(tmp_path: Path, **auth: Any) -> Any:
    """An echo gateway whose keys live in a file it watches (as `keys rotate` expects)."""
    from cloud_gateway.config import config_from_mapping

    auth.setdefault("max_future_skew_s", 0.1)  # its restart fence lifts soon (see _past_fence)

    return config_from_mapping(
        {
            "keys_path": str(tmp_path / "keys.json"),
            "reload_interval_s": 0.05,
            "backend": {"kind": "echo"},
            "auth": auth,
            "limits": {"rate_per_s": 1000.0, "rate_burst": 1000},
        },
        environ={},
    )


@pytest.fixture
def closed_gateway(tmp_path: Path) -> Iterator[Any]:
    """A real gateway that only serves enrolled devices (none yet)."""
    from cloud_gateway.backends.echo import EchoBackend

    ServerKeyring.generate().save(tmp_path / "keys.json")
    devices = tmp_path / "devices.txt"
    devices.write_text("")
    config = _gateway_config(tmp_path, devices_path=str(devices), open_enrolment=False)
    with gateway_mod.EmbeddedGateway(config, backend=EchoBackend()) as gw:
        yield gw


async def test_an_unknown_device_is_told_how_to_enrol(closed_gateway: Any, tmp_path: Path) -> None:
    config = CloudConfig(url=closed_gateway.url, device_key_path=tmp_path / "device.key")
    await _past_fence()
    async with CloudClient(config) as cloud:
        with pytest.raises(DeviceNotEnrolled) as info:
            await cloud.chat(MSGS)
        error = info.value
        assert error.status == 401
        assert "enrol this device" in str(error)
        # The command in the message works as printed (with this gateway's devices file).
        command = error.enrol_command.split()
        assert command[:3] == ["edgekit-gateway", "devices", "add"]
        command[3] = str(tmp_path / "devices.txt")
        subprocess.run(
            [sys.executable, "-m", "cloud_gateway", *command[1:]],
            check=True,
            capture_output=True,
            timeout=60,
        )
        await asyncio.sleep(0.3)  # the gateway reloads its device list
        assert (await cloud.chat(MSGS)).text


async def test_pins_follow_a_rotation_the_gateway_announces(tmp_path: Path) -> None:
    """Rotate (old and new key live), then retire the old key: no re-pin, no failed call."""
    from cloud_gateway.backends.echo import EchoBackend

    keys = tmp_path / "keys.json"
    ServerKeyring.generate().save(keys)
    first_pins = set(key_config_digests(ServerKeyring.load(keys).encoded_key_configs()))
    config = _gateway_config(tmp_path, open_enrolment=True)
    with gateway_mod.EmbeddedGateway(config, backend=EchoBackend()) as gw:
        client_config = CloudConfig(
            url=gw.url, device_key_path=tmp_path / "device.key", key_config_pin=sorted(first_pins)
        )
        await _past_fence()
        async with CloudClient(client_config) as cloud:
            assert (await cloud.chat(MSGS)).text
            ring = ServerKeyring.load(keys)
            ring.rotate(grace_s=1.5)  # `edgekit-gateway keys rotate`
            ring.save(keys)
            await _until(lambda: len(key_config_digests(gw.key_configs)) == 2)
            assert (await cloud.chat(MSGS)).text  # sealed to the old key, announces both
            both = set(key_config_digests(gw.key_configs))
            assert cloud.key_pins == both
            await asyncio.sleep(1.6)  # the old key retires
            assert set(key_config_digests(gw.key_configs)) == both - first_pins
            assert (await cloud.chat(MSGS)).text  # the new key was pinned by announcement
            assert cloud.key_pins == both - first_pins


async def test_keys_never_announced_are_refused(tmp_path: Path) -> None:
    from cloud_gateway.backends.echo import EchoBackend

    other = ServerKeyring.generate().encoded_key_configs()
    ServerKeyring.generate().save(tmp_path / "keys.json")
    with gateway_mod.EmbeddedGateway(
        _gateway_config(tmp_path, open_enrolment=True), backend=EchoBackend()
    ) as gw:
        config = CloudConfig(
            url=gw.url,
            device_key_path=tmp_path / "device.key",
            key_config_pin=key_config_digests(other),
        )
        await _past_fence()
        async with CloudClient(config) as cloud:
            with pytest.raises(KeyConfigPinError, match="re-pin"):
                await cloud.chat(MSGS)


async def _past_fence() -> None:
    """Wait out a fresh gateway's restart fence: signed timestamps have a 1 s resolution."""
    await asyncio.sleep(1.2)


async def _until(predicate: Any, timeout_s: float = 5.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not predicate():
        assert time.monotonic() < deadline, "condition not reached in time"
        await asyncio.sleep(0.02)
