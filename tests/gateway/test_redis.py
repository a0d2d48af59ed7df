"""Scale-out: two gateway instances share replay cache and rate limits through Redis."""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest

from edgekit.secure import ohttp
from edgekit.secure.identity import DeviceKey, DeviceRegistry
from tests.gateway.conftest import free_port, free_port_run, make_config, serve, wait_for_port
from tests.gateway.ohttp_client import Device, fetch_key_config, send

CHAT = {"messages": [{"role": "user", "content": "shared state"}]}


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    exe = shutil.which("redis-server")
    if exe is None:
        pytest.skip("redis-server not installed (scripts/test.sh installs it)")
    port = free_port()
    workdir: Path = tmp_path_factory.mktemp("redis")
    proc = subprocess.Popen(
        [
            exe,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--dir",
            str(workdir),
            "--save",
            "",
            "--appendonly",
            "no",
            "--protected-mode",
            "yes",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(proc, port, "redis-server", timeout=10)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _seed_epoch(redis_url: str, prefix: str, age_s: float = 3600.0) -> None:
    """A Redis whose seen-set has been running for ``age_s`` (not just created)."""
    import redis

    with redis.Redis.from_url(redis_url) as client:
        client.set(prefix + "seen:epoch", str(time.time() - age_s))


async def test_replay_to_another_instance_is_refused(redis_url: str) -> None:
    keyring = ohttp.ServerKeyring.generate()
    device_key = DeviceKey.generate()
    registry = DeviceRegistry([device_key.public_key])
    _seed_epoch(redis_url, "t1:")
    config = make_config(redis_url=redis_url, redis_prefix="t1:")
    async with (
        serve(config, keyring=keyring, registry=registry) as a,
        serve(config, keyring=keyring, registry=registry) as b,
        aiohttp.ClientSession() as http,
    ):
        device = Device(a.url, device_key, await fetch_key_config(http, a.url))
        sealed = device.seal_chat(CHAT)
        first = await send(http, a.url, sealed)
        replayed = await send(http, b.url, sealed)
        fresh = await send(http, b.url, device.seal_chat(CHAT))
    assert first.status == 200
    assert replayed.status == 409
    assert fresh.status == 200
    assert b.metric("edgekit_gateway_replay_rejections_total") == 1


async def test_the_seen_set_survives_gateway_restarts_and_redis_data_loss(
    redis_url: str,
) -> None:
    import redis

    keyring = ohttp.ServerKeyring.generate()
    device_key = DeviceKey.generate()
    registry = DeviceRegistry([device_key.public_key])
    _seed_epoch(redis_url, "t4:")
    config = make_config(redis_url=redis_url, redis_prefix="t4:", auth={"max_future_skew_s": 2.0})
    async with aiohttp.ClientSession() as http:
        async with serve(config, keyring=keyring, registry=registry) as first:
            device = Device(first.url, device_key, await fetch_key_config(http, first.url))
            captured = device.seal_chat(CHAT)
            assert (await send(http, first.url, captured)).status == 200
        async with serve(config, keyring=keyring, registry=registry) as second:
            replayed = await send(http, second.url, captured)
            fresh = await send(http, second.url, device.seal_chat(CHAT))  # no fence: seen-set kept
            with redis.Redis.from_url(redis_url) as client:  # Redis restarted without its data
                for name in client.scan_iter("t4:*"):
                    client.delete(name)
            after_loss = await send(http, second.url, captured)
            fresh_after_loss = await send(http, second.url, device.seal_chat(CHAT))
    assert (replayed.status, fresh.status) == (409, 200)
    assert after_loss.status == 409  # the seen-set is empty, but its new epoch fences it off
    assert fresh_after_loss.status == 409  # until max_future_skew_s has passed
    assert after_loss.json()["type"].endswith("/replayed-request")


async def test_rate_limit_is_shared(redis_url: str) -> None:
    config = make_config(
        redis_url=redis_url, redis_prefix="t2:", limits={"rate_per_s": 0.1, "rate_burst": 2}
    )
    body = {"messages": [{"role": "user", "content": "x"}]}
    async with serve(config) as a, serve(config) as b, aiohttp.ClientSession() as http:
        statuses = []
        for gw in (a, b, a, b):
            async with http.post(gw.url + "/v1/chat/completions", json=body) as resp:
                statuses.append(resp.status)
    assert statuses == [200, 200, 429, 429]


async def test_unreachable_redis_fails_start_up_clearly() -> None:
    from cloud_gateway.errors import ConfigError

    config = make_config(redis_url=f"redis://127.0.0.1:{free_port()}/0")
    with pytest.raises(ConfigError, match="cannot reach Redis"):
        async with serve(config):
            pass


def _start_workers(
    redis_url: str, tmp_path: Path, admin_port: int, port: int = 0
) -> tuple[subprocess.Popen[bytes], int, Path]:
    """``python -m cloud_gateway`` with two workers (a free port unless given); stderr to a file."""
    port = port or free_port()
    config = tmp_path / "gateway.toml"
    config.write_text(
        f"port = {port}\nadmin_port = {admin_port}\nworkers = 2\n"
        f'redis_url = "{redis_url}"\nredis_prefix = "t3:"\n'
        'plaintext_api = true\nshutdown_timeout_s = 5\n[backend]\nkind = "echo"\n'
    )
    log = tmp_path / "stderr.log"
    with log.open("wb") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "cloud_gateway", "--config", str(config)],
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
    return proc, port, log


async def test_workers_share_one_socket_and_stop_on_sigterm(redis_url: str, tmp_path: Path) -> None:
    admin_port = free_port_run(2)  # worker i serves metrics on admin_port + i
    proc, port, log = _start_workers(redis_url, tmp_path, admin_port)
    try:
        async with aiohttp.ClientSession() as http:
            deadline = time.monotonic() + 60
            for admin in (admin_port, admin_port + 1):  # both workers ready
                while not await _ready(http, admin):
                    assert proc.poll() is None, f"supervisor exited: {log.read_text()}"
                    assert time.monotonic() < deadline, f"no worker on {admin}: {log.read_text()}"
                    await asyncio.sleep(0.1)
            body = {"messages": [{"role": "user", "content": "two workers"}]}
            for _ in range(6):
                # a fresh connection each time, so the kernel can pick either worker
                async with (
                    aiohttp.ClientSession() as fresh,
                    fresh.post(f"http://127.0.0.1:{port}/v1/chat/completions", json=body) as resp,
                ):
                    assert resp.status == 200
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=20) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    err = log.read_text()
    assert err.count("gateway serving on") == 2, err
    assert err.count("gateway stopped") == 2, err


async def test_a_worker_that_cannot_start_stops_the_supervisor(
    redis_url: str, tmp_path: Path
) -> None:
    admin_port = free_port_run(2)
    with _listening(admin_port + 1):  # worker 1's admin port is taken
        proc, _, log = _start_workers(redis_url, tmp_path, admin_port)
        status = _exit_status(proc)
    err = log.read_text()
    assert status == 2, err  # not a restart loop
    assert f"worker 1: cannot listen on http://127.0.0.1:{admin_port + 1}" in err, err
    assert "address already in use" in err
    assert "worker 1 could not start; stopping the others" in err
    assert "restarting" not in err
    assert "Traceback" not in err


def test_a_busy_shared_port_is_one_clear_line(redis_url: str, tmp_path: Path) -> None:
    with _listening(0) as port:
        proc, _, log = _start_workers(redis_url, tmp_path, free_port_run(2), port)
        status = _exit_status(proc)
    err = log.read_text()
    assert status == 2, err
    assert f"cannot listen on 127.0.0.1:{port}: address already in use" in err, err
    assert "Traceback" not in err


@contextlib.contextmanager
def _listening(port: int) -> Iterator[int]:
    """Someone else listens on ``port`` (0: a free one) while the block runs."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", port))
        sock.listen()
        yield int(sock.getsockname()[1])


def _exit_status(proc: subprocess.Popen[bytes], timeout: float = 60.0) -> int:
    """``proc``'s exit status; killed, and the test failed, if it runs past ``timeout``."""
    try:
        return proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        pytest.fail(f"still running after {timeout:.0f} s")


async def _ready(http: aiohttp.ClientSession, admin_port: int) -> bool:
    try:
        async with http.get(f"http://127.0.0.1:{admin_port}/readyz") as resp:
            return resp.status == 200
    except aiohttp.ClientConnectionError:
        return False
