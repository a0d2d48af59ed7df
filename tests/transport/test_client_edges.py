"""Edge cases: early close, malformed streams, size limits, connect retries, bandwidth."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from edgekit.errors import CloudUnavailable
from edgekit.transport import (
    AiohttpTransport,
    CapturingTransport,
    CloudClient,
    CloudConnectError,
    HttpRequest,
    HttpResponse,
    LinkShaper,
    ResponseFormatError,
    StreamInterrupted,
)

from .conftest import Upstream, chunk_event, fast_config

MSGS = [{"role": "user", "content": "hi"}]


async def collect(stream: AsyncIterator[str], into: list[str]) -> None:
    async for delta in stream:
        into.append(delta)


class RefuseFirst:
    """Fails the first ``n`` sends as a refused connection, then forwards."""

    def __init__(self, inner: CapturingTransport, n: int) -> None:
        self.inner, self.left, self.attempts = inner, n, []

    async def send(self, request: HttpRequest) -> HttpResponse:
        self.attempts.append(request)
        if self.left > 0 and request.method == "POST":
            self.left -= 1
            raise CloudConnectError("refused (simulated before any byte)")
        return await self.inner.send(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


async def test_early_break_releases_the_connection(upstream: Upstream, tmp_path: Path) -> None:
    upstream.mode, upstream.drip_s = "drip", 0.05
    config = fast_config(upstream.url, tmp_path, max_connections=1)
    async with CloudClient(config) as cloud:
        stream = cloud.stream_chat(MSGS)
        assert await anext(stream) == "w0 "
        await stream.aclose()
        upstream.mode = "ok"
        # With a pool of one, a leaked connection would make this wait forever.
        done = await asyncio.wait_for(cloud.chat(MSGS), timeout=2.0)
    assert done.text.startswith("w0")


async def test_malformed_event_mid_stream(upstream: Upstream, tmp_path: Path) -> None:
    upstream.mode = "ok"
    original = upstream.chat

    def broken(req: dict[str, object]):  # type: ignore[no-untyped-def]
        answer = original(req)
        answer.chunks = [chunk_event("ok "), b"data: {not json\n\n", chunk_event("never")]
        return answer

    upstream.chat = broken  # type: ignore[method-assign]
    async with CloudClient(fast_config(upstream.url, tmp_path, max_connections=1)) as cloud:
        got: list[str] = []
        with pytest.raises(StreamInterrupted) as info:
            await collect(cloud.stream_chat(MSGS), got)
        upstream.chat = original  # type: ignore[method-assign]
        assert (await asyncio.wait_for(cloud.chat(MSGS), 2.0)).text
    assert got == ["ok "]
    assert isinstance(info.value.reason, ResponseFormatError)
    assert cloud.link.consecutive_failures == 0  # a malformed answer is not an outage


async def test_response_size_limit(upstream: Upstream, tmp_path: Path) -> None:
    config = fast_config(upstream.url, tmp_path, max_response_bytes=4096)
    async with CloudClient(config) as cloud:
        with pytest.raises(ResponseFormatError):
            await cloud.post_inner("/v1/blob", {"size": 10_000})


async def test_connect_failure_is_retried_with_a_fresh_seal(
    upstream: Upstream, tmp_path: Path
) -> None:
    flaky = RefuseFirst(CapturingTransport(AiohttpTransport()), n=1)
    config = fast_config(upstream.url, tmp_path, encrypt=True, connect_retries=1)
    async with CloudClient(config, transport=flaky) as cloud:
        done = await cloud.chat(MSGS)
    posts = [r for r in flaky.attempts if r.url.endswith("/ohttp")]
    assert done.text
    assert len(posts) == 2
    assert posts[0].content != posts[1].content  # re-encapsulated, new enc
    assert upstream.hits["/ohttp"] == 1


async def test_connect_retries_are_bounded(upstream: Upstream, tmp_path: Path) -> None:
    flaky = RefuseFirst(CapturingTransport(AiohttpTransport()), n=5)
    config = fast_config(upstream.url, tmp_path, connect_retries=2)
    async with CloudClient(config, transport=flaky) as cloud:
        with pytest.raises(CloudConnectError):
            await cloud.chat(MSGS)
    assert len(flaky.attempts) == 3
    assert not upstream.hits


async def test_bandwidth_is_estimated_from_downloads(upstream: Upstream, tmp_path: Path) -> None:
    shaped = LinkShaper(AiohttpTransport(), bandwidth_mbit=8)  # 1 MB/s
    async with CloudClient(fast_config(upstream.url, tmp_path), transport=shaped) as cloud:
        await cloud.post_inner("/v1/blob", {"size": 120_000})
        link = cloud.link
    await shaped.aclose()
    assert link.bandwidth_samples == 1
    assert link.bandwidth_bps is not None
    assert 0.6e6 < link.bandwidth_bps < 1.3e6


async def test_closed_client_refuses(upstream: Upstream, tmp_path: Path) -> None:
    cloud = CloudClient(fast_config(upstream.url, tmp_path))
    await cloud.aclose()
    with pytest.raises(CloudUnavailable):
        await cloud.chat(MSGS)


async def test_unresolvable_host_is_unavailable(tmp_path: Path) -> None:
    config = fast_config("http://gateway.invalid", tmp_path, connect_retries=0)
    async with CloudClient(config) as cloud:
        start = time.monotonic()
        with pytest.raises(CloudUnavailable):  # NXDOMAIN, or the connect deadline
            await cloud.chat(MSGS)
        assert cloud.link.offline
    assert time.monotonic() - start < 3.0
