"""Back-pressure and hostile clients: queue, rate limits, timeouts, slow-loris, disconnects."""

from __future__ import annotations

import asyncio
import time

import aiohttp

from tests.gateway.conftest import Served, make_config, serve

LONG = " ".join(f"w{i}" for i in range(200))


def chat(text: str, **extra: object) -> dict[str, object]:
    return {"messages": [{"role": "user", "content": text}], **extra}


async def wait_for(predicate, timeout: float = 5.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "condition not reached in time"
        await asyncio.sleep(0.02)


async def healthy(gw: Served, http: aiohttp.ClientSession) -> None:
    async with http.post(gw.url + "/v1/chat/completions", json=chat("still fine")) as resp:
        assert resp.status == 200
        body = await resp.json()
    assert body["choices"][0]["message"]["content"] == "still fine"


async def test_full_queue_is_429_with_retry_after() -> None:
    config = make_config(
        backend={"echo_delay_s": 0.02},
        limits={"max_concurrent": 1, "max_queue": 0, "retry_after_s": 3},
    )
    async with serve(config) as gw, aiohttp.ClientSession() as http:
        async with http.post(
            gw.url + "/v1/chat/completions", json=chat(LONG, stream=True)
        ) as holder:
            assert holder.status == 200
            await holder.content.readline()  # the generation holds the only slot
            async with http.post(gw.url + "/v1/chat/completions", json=chat("x")) as resp:
                assert resp.status == 429
                assert resp.headers["Retry-After"] == "3"
                assert (await resp.json())["type"].endswith("/overloaded")
        await wait_for(lambda: gw.state.gate is not None and gw.state.gate.active == 0)
        await healthy(gw, http)
        assert gw.metric("edgekit_gateway_overloaded_total") == 1


async def test_queue_wait_times_out_with_429() -> None:
    config = make_config(
        backend={"echo_delay_s": 0.05},
        limits={"max_concurrent": 1, "max_queue": 4, "queue_timeout_s": 0.2},
    )
    async with (
        serve(config) as gw,
        aiohttp.ClientSession() as http,
        http.post(gw.url + "/v1/chat/completions", json=chat(LONG, stream=True)) as holder,
    ):
        await holder.content.readline()
        started = time.monotonic()
        async with http.post(gw.url + "/v1/chat/completions", json=chat("x")) as resp:
            assert resp.status == 429
            assert "Retry-After" in resp.headers
        assert 0.15 < time.monotonic() - started < 2.0


async def test_per_device_rate_limit() -> None:
    config = make_config(limits={"rate_per_s": 0.2, "rate_burst": 2})
    async with serve(config) as gw, aiohttp.ClientSession() as http:
        statuses = []
        for _ in range(3):
            async with http.post(gw.url + "/v1/chat/completions", json=chat("hi")) as resp:
                statuses.append(resp.status)
                retry = resp.headers.get("Retry-After")
                doc = await resp.json()
        assert statuses == [200, 200, 429]
        assert retry is not None
        assert int(retry) >= 1
        assert doc["type"].endswith("/rate-limited")
        assert gw.metric("edgekit_gateway_rate_limited_total") == 1


async def test_generation_timeout_is_504_and_frees_the_slot() -> None:
    config = make_config(backend={"echo_delay_s": 0.1}, limits={"request_timeout_s": 0.3})
    async with serve(config) as gw, aiohttp.ClientSession() as http:
        async with http.post(gw.url + "/v1/chat/completions", json=chat(LONG)) as resp:
            assert resp.status == 504
            assert (await resp.json())["type"].endswith("/upstream-timeout")
        assert gw.state.gate is not None
        assert gw.state.gate.active == 0
        assert gw.metric("edgekit_gateway_generations_total", outcome="timeout") == 1


async def test_stream_timeout_ends_with_an_error_event() -> None:
    config = make_config(backend={"echo_delay_s": 0.1}, limits={"request_timeout_s": 0.35})
    async with serve(config) as gw, aiohttp.ClientSession() as http:
        async with http.post(gw.url + "/v1/chat/completions", json=chat(LONG, stream=True)) as resp:
            assert resp.status == 200
            text = await resp.text()
        assert "upstream-timeout" in text
        assert "[DONE]" not in text
        await healthy(gw, http)


async def test_slow_loris_body_gets_408() -> None:
    config = make_config(limits={"body_read_timeout_s": 0.3})
    async with serve(config) as gw:
        host, port = gw.url.removeprefix("http://").split(":")
        reader, writer = await asyncio.open_connection(host, int(port))
        writer.write(
            b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n"
            b'Content-Type: application/json\r\nContent-Length: 500\r\n\r\n{"mess'
        )
        await writer.drain()
        started = time.monotonic()
        status_line = await asyncio.wait_for(reader.readline(), 5.0)
        writer.close()
        assert status_line.startswith(b"HTTP/1.1 408")
        assert time.monotonic() - started < 2.0
        async with aiohttp.ClientSession() as http:
            await healthy(gw, http)


async def test_client_disconnect_cancels_the_generation() -> None:
    from cloud_gateway.backends.echo import EchoBackend

    backend = EchoBackend(delay_s=0.02)
    async with serve(make_config(), backend) as gw:
        async with aiohttp.ClientSession() as http:
            resp = await http.post(gw.url + "/v1/chat/completions", json=chat(LONG, stream=True))
            assert resp.status == 200
            await resp.content.readline()
            resp.close()  # drop the connection mid-stream
        await wait_for(lambda: backend.cancelled == 1)
        await wait_for(
            lambda: gw.metric("edgekit_gateway_generations_total", outcome="cancelled") == 1
        )
        assert backend.completed == 0
        assert gw.state.gate is not None
        await wait_for(lambda: gw.state.gate.active == 0)  # type: ignore[union-attr]
        async with aiohttp.ClientSession() as http:
            await healthy(gw, http)


async def test_logs_never_contain_prompts_or_answers(caplog) -> None:  # type: ignore[no-untyped-def]
    secret = "hunter2-correct-horse-battery"
    caplog.set_level("DEBUG", logger="edgekit")
    async with serve(make_config()) as gw, aiohttp.ClientSession() as http:
        async with http.post(gw.url + "/v1/chat/completions", json=chat(secret)) as resp:
            assert resp.status == 200
        async with http.post(
            gw.url + "/v1/chat/completions",
            data=b"{" + secret.encode(),
            headers={"Content-Type": "application/json"},
        ) as resp:
            assert resp.status == 400
    access = [r for r in caplog.records if r.name == "edgekit.gateway.access"]
    assert len(access) == 2
    assert access[0].completion_tokens == 1  # type: ignore[attr-defined]
    assert access[0].route == "/v1/chat/completions"  # type: ignore[attr-defined]
    for record in caplog.records:
        assert secret not in repr(record.__dict__)


async def test_slow_loris_headers_are_cut_at_the_keepalive_timeout() -> None:
    config = make_config(limits={"keepalive_timeout_s": 0.5})
    async with serve(config) as gw:
        host, port = gw.url.removeprefix("http://").split(":")
        _reader, writer = await asyncio.open_connection(host, int(port))
        writer.write(b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n")
        started = time.monotonic()
        closed = False
        for _ in range(40):  # one header line every 0.1 s, never finishing
            await asyncio.sleep(0.1)
            try:
                writer.write(b"X-Slow: 1\r\n")
                await writer.drain()
            except ConnectionError:
                closed = True
                break
        writer.close()
        assert closed, "server kept a never-ending header section open"
        assert time.monotonic() - started < 3.0
        async with aiohttp.ClientSession() as http:
            await healthy(gw, http)
