"""Speculative decoding across the link: exact cloud greedy output, any model pair, fallback."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import aiohttp
import pytest

from edgekit.errors import CloudUnavailable
from edgekit.local import Engine, GenerationParams
from edgekit.state import DraftController, SpeculativeDecoder
from edgekit.transport import AiohttpTransport, CloudClient
from edgekit.transport.transport import HttpRequest, HttpResponse
from tests.state.conftest import client_with, cloud_config, service, start_gateway

PROMPTS = (
    "Once upon a time, in a small village by the sea,",
    'def fibonacci(n):\n    """Return the n-th Fibonacci number."""\n',
)
N = 40


def greedy(engine: Engine, prompt: str, n: int = N) -> str:
    engine.reset()  # the reference is a cold run, as the gateway's session starts cold
    text = engine.complete(prompt, GenerationParams(max_tokens=n)).text
    engine.reset()
    return text


@pytest.mark.parametrize("same_model", [True, False], ids=["token-ids", "text"])
async def test_same_model_pair_is_exactly_cloud_greedy(
    device: Engine, cloud: CloudClient, same_model: bool
) -> None:
    rounds = tokens = 0
    for prompt in PROMPTS:
        expected = greedy(device, prompt)
        result = await SpeculativeDecoder(device, cloud, same_model=same_model).complete(prompt, N)
        assert result.text == expected
        assert result.fallback_error is None
        assert result.local_tokens == 0
        rounds += result.rounds
        tokens += result.cloud_tokens
    assert tokens / rounds >= 2.5  # same model: nearly every draft token is accepted


async def test_different_vocabularies_verify_on_text(
    device: Engine, gemma: Engine, cloud: CloudClient
) -> None:
    for prompt in PROMPTS:
        expected = greedy(gemma, prompt)
        result = await SpeculativeDecoder(device, cloud, model="gemma3-270m").complete(prompt, N)
        assert result.text == expected
        assert result.fallback_error is None
        assert result.cloud_tokens <= N


async def test_interleaved_sessions_stay_exact(device: Engine, cloud: CloudClient) -> None:
    """Two conversations verified at the same time share one gateway context."""
    import asyncio

    expected = [greedy(device, p) for p in PROMPTS]
    # text mode: drafting needs no exact device context, so the rounds really interleave
    runs = [SpeculativeDecoder(device, cloud).complete(p, N) for p in PROMPTS]
    results = await asyncio.gather(*runs)
    assert [r.text for r in results] == expected
    assert all(r.fallback_error is None for r in results)


class FailAfter:
    """Lets ``n`` verify calls through, then the gateway is unreachable."""

    def __init__(self, n: int) -> None:
        self.inner = AiohttpTransport()
        self.left = n

    async def send(self, request: HttpRequest) -> HttpResponse:
        if request.url.endswith("/v1/verify"):
            if self.left <= 0:
                raise CloudUnavailable("link down")
            self.left -= 1
        return await self.inner.send(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


async def test_gateway_failure_mid_answer_continues_locally(
    gateway: Any, device: Engine, tmp_path: Path
) -> None:
    prompt = PROMPTS[0]
    expected = greedy(device, prompt)
    async with client_with(gateway, tmp_path, FailAfter(2), encrypt=False) as cloud:
        result = await SpeculativeDecoder(device, cloud, same_model=True).complete(prompt, N)
    assert result.fallback_error is not None
    assert result.rounds == 2
    assert result.cloud_tokens > 0
    assert result.local_tokens > 0
    assert result.cloud_tokens + result.local_tokens == N
    # same model on both sides: the local continuation of the cloud's prefix is the same text
    assert result.text == expected


async def test_verify_protocol_errors(gateway: Any) -> None:
    url = gateway.url + "/v1/verify"
    async with aiohttp.ClientSession() as http:

        async def post(body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
            async with http.post(url, json=body) as resp:
                return resp.status, await resp.json(content_type=None)

        status, doc = await post({"session": "short"})
        assert status == 400
        status, doc = await post({"session": "unknown-session-1", "position": 3, "draft": "x"})
        assert status == 404
        assert doc["type"].endswith("verify-session-unknown")
        status, doc = await post({"session": "model-check-1", "prompt": "Hi", "model": "qwen"})
        assert status == 404
        sid = "conflict-check-1"
        status, doc = await post(
            {"session": sid, "prompt": "One, two,", "max_tokens": 8, "draft": " three"}
        )
        assert status == 200
        assert doc["position"] >= 1
        status, doc = await post({"session": sid, "position": 0, "draft": " four"})
        assert status == 409
        assert doc["type"].endswith("verify-session-conflict")
        status, doc = await post(
            {"session": sid, "draft_tokens": [1, 2], "model_sha256": "0" * 64, "position": 1}
        )
        assert status == 409
        assert doc["type"].endswith("model-mismatch")
        status, doc = await post({"session": sid, "close": True})
        assert status == 200


def test_draft_length_follows_acceptance_and_round_trip() -> None:
    ctl = DraftController(k_init=4)
    for _ in range(10):
        ctl.update(drafted=ctl.k, accepted=ctl.k, draft_s=0.01 * ctl.k, round_s=0.01 * ctl.k + 0.1)
    grown = ctl.k
    assert grown >= 8
    for _ in range(15):
        ctl.update(drafted=ctl.k, accepted=0, draft_s=0.01 * ctl.k, round_s=0.01 * ctl.k + 0.1)
    assert ctl.k <= 2 < grown
    slow = DraftController()
    fast = DraftController()
    for _ in range(10):
        slow.update(drafted=4, accepted=3, draft_s=0.04, round_s=0.04 + 0.5)
        fast.update(drafted=4, accepted=3, draft_s=0.04, round_s=0.04 + 0.005)
    assert slow.k > fast.k  # a long round trip is worth a longer draft


@pytest.mark.gateway_model
async def test_qwen_cloud_with_smollm2_drafts(device: Engine, tmp_path: Path) -> None:
    qwen = "qwen2.5-coder-1.5b"
    env = {"EDGEKIT_GATEWAY_STATE_VERIFY_MODELS": qwen, "EDGEKIT_GATEWAY_STATE_N_CTX": "1024"}
    prompt = PROMPTS[1]
    with start_gateway(env) as gw:
        async with CloudClient(cloud_config(gw, tmp_path)) as cloud:
            result = await SpeculativeDecoder(device, cloud, model=qwen).complete(prompt, 24)
        engine = service(gw).pool._engines[qwen]  # the gateway's own qwen: the reference
        expected = greedy(engine, prompt, 24)
    assert result.fallback_error is None
    assert result.text == expected
