"""LinkShaper adds round-trip time and caps bandwidth in both directions, measurably."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator

import pytest
from aiohttp import web

from edgekit.errors import ConfigError
from edgekit.transport import AiohttpTransport, CapturingTransport, HttpRequest, LinkShaper


@pytest.fixture
async def echo_url() -> AsyncIterator[str]:
    async def echo(request: web.Request) -> web.Response:
        body = await request.read()
        size = int(request.query.get("size", "0"))
        return web.Response(body=body + bytes(size))

    app = web.Application()
    app.router.add_route("*", "/echo", echo)
    runner = web.AppRunner(app, handle_signals=False)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        yield f"http://127.0.0.1:{runner.addresses[0][1]}/echo"
    finally:
        await runner.cleanup()


async def timed_get(transport: LinkShaper | AiohttpTransport, url: str, body: bytes = b"") -> float:
    start = time.monotonic()
    response = await transport.send(HttpRequest(method="POST", url=url, content=body))
    data = await response.aread(10**7)
    assert len(data) >= len(body)
    return time.monotonic() - start


async def test_latency_is_added(echo_url: str) -> None:
    shaper = LinkShaper(AiohttpTransport(), latency_ms=120)
    try:
        await timed_get(shaper, echo_url)  # warm the connection
        took = min([await timed_get(shaper, echo_url) for _ in range(3)])
    finally:
        await shaper.aclose()
    assert 0.12 <= took < 0.4


async def test_download_bandwidth_is_capped(echo_url: str) -> None:
    shaper = LinkShaper(AiohttpTransport(), bandwidth_mbit=4)  # 500 kB/s
    try:
        took = await timed_get(shaper, echo_url + "?size=100000")
    finally:
        await shaper.aclose()
    assert 0.19 <= took < 0.6  # 100 kB at 500 kB/s = 0.2 s


async def test_upload_cap_is_separate(echo_url: str) -> None:
    shaper = LinkShaper(AiohttpTransport(), bandwidth_mbit=100, upload_mbit=2)  # 250 kB/s up
    try:
        took = await timed_get(shaper, echo_url, bytes(50_000))
    finally:
        await shaper.aclose()
    assert 0.19 <= took < 0.6  # 50 kB up at 250 kB/s = 0.2 s; the echo back is fast


async def test_shaper_composes_with_capture(echo_url: str) -> None:
    capture = CapturingTransport(LinkShaper(AiohttpTransport(), latency_ms=10))
    try:
        response = await capture.send(
            HttpRequest(method="POST", url=echo_url + "?size=3", content=b"abc")
        )
        assert await response.aread(100) == b"abc\x00\x00\x00"
    finally:
        await capture.aclose()
    assert capture.exchanges[0].status == 200
    assert capture.sent_bytes.endswith(b"\r\n\r\nabc")
    assert capture.received_bytes == b"abc\x00\x00\x00"


async def test_named_profile(echo_url: str) -> None:
    shaper = LinkShaper.profile("3g")  # 150 ms RTT
    try:
        took = await timed_get(shaper, echo_url)
    finally:
        await shaper.aclose()
    assert shaper.latency_s == 0.15
    assert took >= 0.15
    with pytest.raises(ConfigError, match="4g"):
        LinkShaper.profile("5g")


def test_bad_shaper_settings() -> None:
    with pytest.raises(ConfigError):
        LinkShaper(AiohttpTransport(), latency_ms=-1)
    with pytest.raises(ConfigError):
        LinkShaper(AiohttpTransport(), bandwidth_mbit=0)


async def _read_slowly(shaper: LinkShaper, url: str, pause_s: float) -> tuple[float, int]:
    """Read a response, pausing after each piece as a decoder would; (seconds, bytes)."""
    start = time.monotonic()
    response = await shaper.send(HttpRequest(method="POST", url=url))
    received = 0
    try:
        async for piece in response.aiter_bytes():
            received += len(piece)
            time.sleep(pause_s)  # the reader's own work, blocking as CPU work does
    finally:
        await response.aclose()
    return time.monotonic() - start, received


async def test_bytes_keep_arriving_while_the_reader_is_busy(echo_url: str) -> None:
    """A busy reader overlaps its work with the transfer (a socket buffer), up to the window."""
    url = echo_url + "?size=400000"  # 0.4 s at 1 MB/s
    wide = LinkShaper(AiohttpTransport(), bandwidth_mbit=8)
    narrow = LinkShaper(AiohttpTransport(), bandwidth_mbit=8, receive_window_bytes=1)
    try:
        await timed_get(wide, echo_url)  # warm the connections
        await timed_get(narrow, echo_url)
        overlapped, n_wide = await _read_slowly(wide, url, 0.02)
        serial, n_narrow = await _read_slowly(narrow, url, 0.02)
    finally:
        await wide.aclose()
        await narrow.aclose()
    assert n_wide == n_narrow == 400_000
    assert overlapped >= 0.39
    # 64 KiB pieces: 7 pauses. With a one-byte window each one stalls the link too
    # (0.4 s + 7 x 0.02 s); with the default window only the last one adds (0.4 + 0.02).
    assert serial > overlapped + 0.07


def test_receive_window_must_be_positive() -> None:
    with pytest.raises(ConfigError):
        LinkShaper(AiohttpTransport(), receive_window_bytes=0)
