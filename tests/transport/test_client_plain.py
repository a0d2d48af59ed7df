"""CloudClient in clear against a real aiohttp server with scripted misbehaviour."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from edgekit.errors import (
    CircuitOpen,
    CloudRateLimited,
    CloudResponseError,
    CloudTimeout,
    CloudUnavailable,
    MessageError,
)
from edgekit.transport import (
    BreakerConfig,
    BudgetConfig,
    CircuitState,
    CloudClient,
    CloudConnectError,
    CloudRequestError,
    CloudTimeoutPhase,
    ResponseFormatError,
    StreamInterrupted,
)

from .conftest import Upstream, fast_config, free_port

MSGS = [{"role": "user", "content": "hello there"}]


async def collect(stream: AsyncIterator[str], into: list[str]) -> None:
    """Drain ``stream`` into ``into`` (so a failure keeps what arrived)."""
    async for delta in stream:
        into.append(delta)


FULL = "".join(f"w{i} " for i in range(6))


async def test_chat_returns_completion_with_usage(upstream: Upstream, tmp_path: Path) -> None:
    async with CloudClient(fast_config(upstream.url, tmp_path, model="m1")) as cloud:
        done = await cloud.chat(MSGS, max_tokens=16, temperature=0.2)
    assert done.text == FULL
    assert done.usage["total_tokens"] == len("hello there") + 6
    assert done.model == "fake-model"
    assert done.encrypted is False
    assert done.request_bytes == len(upstream.bodies[0])
    sent = json.loads(upstream.bodies[0])
    assert sent["model"] == "m1"
    assert sent["max_tokens"] == 16
    assert sent["stream"] is False
    assert "continue_final_message" not in sent


async def test_continue_final_message_is_sent(upstream: Upstream, tmp_path: Path) -> None:
    msgs = [*MSGS, {"role": "assistant", "content": "Partial ans"}]
    async with CloudClient(fast_config(upstream.url, tmp_path)) as cloud:
        await cloud.chat(msgs, continue_final_message=True)
        with pytest.raises(CloudRequestError):
            await cloud.chat(MSGS, continue_final_message=True)
    sent = json.loads(upstream.bodies[0])
    assert sent["continue_final_message"] is True
    assert sent["add_generation_prompt"] is False


@pytest.mark.parametrize(
    "bad", [[], "text", [{"role": "user"}], [{"role": "user", "content": 3}], ["x"]]
)
async def test_bad_messages_are_refused_before_sending(
    upstream: Upstream, tmp_path: Path, bad: object
) -> None:
    async with CloudClient(fast_config(upstream.url, tmp_path)) as cloud:
        with pytest.raises(MessageError):
            await cloud.chat(bad)  # type: ignore[arg-type]
    assert not upstream.hits


async def test_stream_yields_deltas_and_usage(upstream: Upstream, tmp_path: Path) -> None:
    async with CloudClient(fast_config(upstream.url, tmp_path)) as cloud:
        stream = cloud.stream_chat(MSGS)
        parts = [delta async for delta in stream]
    assert parts == [f"w{i} " for i in range(6)]
    assert stream.text == FULL
    assert stream.usage == {"total_tokens": 42}
    assert stream.finish_reason == "stop"
    assert json.loads(upstream.bodies[0])["stream"] is True


async def test_stream_yields_before_the_answer_is_complete(
    upstream: Upstream, tmp_path: Path
) -> None:
    upstream.mode, upstream.drip_s = "drip", 0.15
    async with CloudClient(fast_config(upstream.url, tmp_path)) as cloud:
        start = time.monotonic()
        stream = cloud.stream_chat(MSGS)
        first = await anext(stream)
        first_at = time.monotonic() - start
        rest = [d async for d in stream]
        total = time.monotonic() - start
    assert first == "w0 "
    assert len(rest) == 5
    assert first_at < total / 2  # the first delta was not held back until the end


async def test_models_and_health(upstream: Upstream, tmp_path: Path) -> None:
    async with CloudClient(fast_config(upstream.url, tmp_path)) as cloud:
        assert await cloud.models() == ["fake-model"]
        health = await cloud.health()
        assert health.ok
        assert health.rtt_s is not None
        link = cloud.link
    assert link.rtt_samples == 2
    assert link.rtt_s is not None
    assert link.rtt_s < 1.0
    assert link.offline is False


async def test_refused_connection_is_unavailable_and_retried(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    async with CloudClient(fast_config(url, tmp_path, connect_retries=2)) as cloud:
        start = time.monotonic()
        with pytest.raises(CloudConnectError):
            await cloud.chat(MSGS)
        elapsed = time.monotonic() - start
        assert cloud.link.offline
        assert cloud.link.recent_failures == 1
        assert cloud.budget.calls_used == 0  # nothing left the device: refunded
    assert 0.1 <= elapsed < 2.0  # two back-offs (0.05 s, 0.1 s) happened


async def test_hanging_gateway_times_out_on_first_byte(upstream: Upstream, tmp_path: Path) -> None:
    upstream.mode = "hang"
    async with CloudClient(fast_config(upstream.url, tmp_path)) as cloud:
        start = time.monotonic()
        with pytest.raises(CloudTimeout) as info:
            await cloud.chat(MSGS)
    assert isinstance(info.value, CloudTimeoutPhase)
    assert info.value.phase == "first_byte"
    assert time.monotonic() - start < 2.5
    assert upstream.hits["/v1/chat/completions"] == 1


async def test_deadline_shortens_the_call(upstream: Upstream, tmp_path: Path) -> None:
    upstream.mode = "hang"
    async with CloudClient(fast_config(upstream.url, tmp_path)) as cloud:
        start = time.monotonic()
        with pytest.raises(CloudTimeoutPhase) as info:
            await cloud.chat(MSGS, deadline_s=0.2)
    assert info.value.phase == "total"
    assert time.monotonic() - start < 0.5


async def test_problem_json_maps_to_response_error(upstream: Upstream, tmp_path: Path) -> None:
    upstream.mode = "problem400"
    async with CloudClient(fast_config(upstream.url, tmp_path)) as cloud:
        with pytest.raises(CloudResponseError) as info:
            await cloud.chat(MSGS)
        assert cloud.circuit is CircuitState.CLOSED  # a client error is not an outage
        assert cloud.link.consecutive_failures == 0
    assert info.value.status == 400
    assert info.value.problem_type == "https://edgekit.dev/problems/bad-request"


async def test_server_error_counts_against_the_circuit(upstream: Upstream, tmp_path: Path) -> None:
    upstream.mode = "problem500"
    async with CloudClient(fast_config(upstream.url, tmp_path)) as cloud:
        with pytest.raises(CloudResponseError) as info:
            await cloud.chat(MSGS)
        assert cloud.link.consecutive_failures == 1
    assert info.value.status == 500
    assert upstream.hits["/v1/chat/completions"] == 1  # never retried


@pytest.mark.parametrize(("mode", "wait"), [("ratelimit", 7.0), ("busy503", 3.0)])
async def test_rate_limit_sets_a_hold(
    upstream: Upstream, tmp_path: Path, mode: str, wait: float
) -> None:
    upstream.mode = mode
    async with CloudClient(fast_config(upstream.url, tmp_path)) as cloud:
        with pytest.raises(CloudRateLimited) as info:
            await cloud.chat(MSGS)
        assert info.value.retry_after == wait
        with pytest.raises(CloudRateLimited) as again:  # honoured locally, no request
            await cloud.chat(MSGS)
        assert again.value.retry_after is not None
        assert 0 < again.value.retry_after <= wait
        assert cloud.circuit is CircuitState.CLOSED
    assert upstream.hits["/v1/chat/completions"] == 1


async def test_no_retry_once_the_body_was_sent(upstream: Upstream, tmp_path: Path) -> None:
    upstream.mode = "reset_after_body"
    async with CloudClient(fast_config(upstream.url, tmp_path, connect_retries=3)) as cloud:
        with pytest.raises(CloudUnavailable) as info:
            await cloud.chat(MSGS)
    assert not isinstance(info.value, CloudConnectError)
    assert upstream.hits["/v1/chat/completions"] == 1


async def test_truncated_stream_reports_delivered_text(upstream: Upstream, tmp_path: Path) -> None:
    upstream.mode = "truncate"
    got: list[str] = []
    async with CloudClient(fast_config(upstream.url, tmp_path)) as cloud:
        with pytest.raises(StreamInterrupted) as info:
            await collect(cloud.stream_chat(MSGS), got)
    assert got == ["w0 ", "w1 ", "w2 "]
    assert info.value.delivered_text == "w0 w1 w2 "
    assert info.value.delivered_chars == len("w0 w1 w2 ")
    assert isinstance(info.value.reason, CloudUnavailable | ResponseFormatError)


async def test_stalled_stream_hits_the_idle_timeout(upstream: Upstream, tmp_path: Path) -> None:
    upstream.mode = "stall"
    got: list[str] = []
    async with CloudClient(fast_config(upstream.url, tmp_path)) as cloud:
        start = time.monotonic()
        with pytest.raises(StreamInterrupted) as info:
            await collect(cloud.stream_chat(MSGS), got)
    assert got == ["w0 ", "w1 "]
    reason = info.value.reason
    assert isinstance(reason, CloudTimeoutPhase)
    assert reason.phase == "idle"
    assert 0.35 < time.monotonic() - start < 2.0


async def test_slow_drip_within_idle_but_over_total(upstream: Upstream, tmp_path: Path) -> None:
    upstream.mode, upstream.drip_s = "drip", 0.2
    config = fast_config(upstream.url, tmp_path)
    async with CloudClient(config) as cloud:
        got: list[str] = []
        with pytest.raises(StreamInterrupted) as info:
            await collect(cloud.stream_chat(MSGS, deadline_s=0.7), got)
    assert 1 <= len(got) < 6
    assert info.value.delivered_text == "".join(got)
    assert isinstance(info.value.reason, CloudTimeoutPhase)
    assert info.value.reason.phase == "total"


async def test_circuit_opens_fails_fast_then_probes(upstream: Upstream, tmp_path: Path) -> None:
    clock = [1000.0]
    upstream.mode = "problem500"
    config = fast_config(
        upstream.url,
        tmp_path,
        breaker=BreakerConfig(failures_to_open=2, cooldown_s=30.0, probe_timeout_s=1.0),
    )
    async with CloudClient(config, clock=lambda: clock[0]) as cloud:
        for _ in range(2):
            with pytest.raises(CloudResponseError):
                await cloud.chat(MSGS)
        assert cloud.circuit is CircuitState.OPEN
        assert cloud.link.offline
        with pytest.raises(CircuitOpen) as info:
            await cloud.chat(MSGS)
        assert info.value.retry_after == pytest.approx(30.0)
        assert upstream.hits["/v1/chat/completions"] == 2  # fast fail: nothing sent
        clock[0] += 31.0
        upstream.health_ok = False
        with pytest.raises(CircuitOpen):  # the probe fails: open again, longer
            await cloud.chat(MSGS)
        assert upstream.hits["/healthz"] == 1
        assert cloud.circuit is CircuitState.OPEN
        clock[0] += 61.0
        upstream.health_ok, upstream.mode = True, "ok"
        done = await cloud.chat(MSGS)  # the probe succeeds and closes the circuit
        assert done.text == FULL
        assert cloud.circuit is CircuitState.CLOSED
        assert upstream.hits["/healthz"] == 2


async def test_budget_refuses_locally(upstream: Upstream, tmp_path: Path) -> None:
    config = fast_config(upstream.url, tmp_path, budget=BudgetConfig(calls_per_hour=2))
    async with CloudClient(config) as cloud:
        await cloud.chat(MSGS)
        await cloud.chat(MSGS)
        with pytest.raises(CloudRateLimited) as info:
            await cloud.chat(MSGS)
    assert info.value.retry_after is not None
    assert 3500 < info.value.retry_after <= 3600
    assert upstream.hits["/v1/chat/completions"] == 2


async def test_token_budget_counts_usage(upstream: Upstream, tmp_path: Path) -> None:
    config = fast_config(upstream.url, tmp_path, budget=BudgetConfig(tokens_per_hour=40))
    async with CloudClient(config) as cloud:
        await cloud.chat(MSGS)  # 11 + 6 tokens
        assert cloud.budget.tokens_used == 17
        [d async for d in cloud.stream_chat(MSGS)]  # usage says 42
        assert cloud.budget.tokens_used == 59
        with pytest.raises(CloudRateLimited):
            await cloud.chat(MSGS)


async def test_post_inner_binary_stream_and_bandwidth(upstream: Upstream, tmp_path: Path) -> None:
    async with CloudClient(fast_config(upstream.url, tmp_path)) as cloud:
        whole = await cloud.post_inner("/v1/blob", {"size": 100_000})
        assert whole.content == bytes(i % 251 for i in range(100_000))
        assert whole.headers["content-type"] == "application/octet-stream"
        async with await cloud.post_inner("/v1/blob", {"size": 50_000}, stream=True) as s:
            streamed = b"".join([chunk async for chunk in s])
        assert streamed == whole.content[:50_000]
        with pytest.raises(CloudRequestError):
            await cloud.post_inner("/ohttp", {})


async def test_concurrent_calls_share_the_pool(upstream: Upstream, tmp_path: Path) -> None:
    async with CloudClient(fast_config(upstream.url, tmp_path, max_connections=2)) as cloud:
        results = await asyncio.gather(*(cloud.chat(MSGS) for _ in range(6)))
    assert all(r.text == FULL for r in results)
    assert upstream.hits["/v1/chat/completions"] == 6
