"""KV hand-off through a real gateway: exactness, the prefix cache, every failure → local."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from edgekit.errors import CloudResponseError
from edgekit.local import Engine, GenerationParams
from edgekit.state import PrefillOffloader, should_offload
from edgekit.transport import AiohttpTransport, CloudClient
from edgekit.transport.breaker import CircuitState
from edgekit.transport.linkstats import LinkStats
from edgekit.transport.transport import HttpRequest, HttpResponse
from tests.state.conftest import DOC, client_with, service

PARAMS = GenerationParams(max_tokens=24)
PROMPT = DOC + "\nQuestion: where may vessels take on fuel?\nAnswer:"


@pytest.fixture(scope="module")
def local_answer(device: Engine) -> tuple[list[int], list[int]]:
    device.reset()
    tokens = device.tokenize(PROMPT)
    done = device.complete(PROMPT, PARAMS)
    device.reset()
    return tokens, done.token_ids


async def test_lossless_handoff_is_token_identical(
    device: Engine, cloud: CloudClient, local_answer: tuple[list[int], list[int]]
) -> None:
    tokens, expected = local_answer
    device.reset()
    done, report = await PrefillOffloader(device, cloud, scheme="lossless").complete(tokens, PARAMS)
    assert report.used
    assert report.error is None
    assert report.state_bytes > 0
    assert report.wire_bytes > 0
    assert done.timings is not None
    assert done.timings.cached_prompt_tokens == len(tokens)
    assert done.token_ids == expected


async def test_int8_handoff_from_the_prefix_cache(
    gateway: Any, device: Engine, cloud: CloudClient, local_answer: tuple[list[int], list[int]]
) -> None:
    tokens, expected = local_answer
    svc = service(gateway)
    # No split: the split point follows measured speeds, which differ between the two calls.
    offloader = PrefillOffloader(device, cloud, scheme="int8", split=False)
    device.reset()
    first, r1 = await offloader.complete(tokens, PARAMS)
    hits = svc.cache.hits
    device.reset()
    second, r2 = await offloader.complete(tokens, PARAMS)
    assert svc.cache.hits == hits + 1  # the same prefix is served without prefilling again
    assert r1.used
    assert r2.used
    assert r2.wire_bytes / r2.state_bytes <= 0.55
    assert first.token_ids == second.token_ids
    same = sum(a == b for a, b in zip(first.token_ids, expected, strict=False))
    assert same / len(expected) >= 0.75


async def test_mismatched_model_is_refused_and_answered_locally(
    device: Engine, cloud: CloudClient, local_answer: tuple[list[int], list[int]]
) -> None:
    tokens, expected = local_answer
    with pytest.raises(CloudResponseError) as info:
        await cloud.post_inner("/v1/prefill", {"model_sha256": "0" * 64, "tokens": tokens[:5]})
    assert info.value.status == 409
    assert "model-mismatch" in str(info.value.problem_type)

    device.reset()
    offloader = PrefillOffloader(device, cloud, model_sha256="1" * 64)  # another GGUF
    done, report = await offloader.complete(tokens, PARAMS)
    assert not report.used
    assert report.error == "CloudResponseError"
    assert done.token_ids == expected


class Mangling:
    """A transport that rewrites the body of /v1/prefill answers."""

    def __init__(self, mangle: Callable[[bytes], bytes]) -> None:
        self.inner = AiohttpTransport()
        self.mangle = mangle

    async def send(self, request: HttpRequest) -> HttpResponse:
        response = await self.inner.send(request)
        if not request.url.endswith("/v1/prefill"):
            return response
        body = await response.aread(1 << 30)
        await response.aclose()

        async def chunks() -> AsyncIterator[bytes]:
            data = self.mangle(body)
            for i in range(0, len(data), 65536):
                yield data[i : i + 65536]

        return HttpResponse(response.status, response.headers, chunks())

    async def aclose(self) -> None:
        await self.inner.aclose()


def flip_middle(body: bytes) -> bytes:
    data = bytearray(body)
    data[len(data) // 2] ^= 0x40
    return bytes(data)


@pytest.mark.parametrize(
    ("mangle", "errors"),
    [
        (flip_middle, {"CodecError", "StateError"}),
        (lambda b: b[: len(b) * 2 // 3], {"StateError"}),
    ],
    ids=["corrupt", "truncated"],
)
async def test_bad_state_falls_back_to_local_prefill(
    gateway: Any,
    device: Engine,
    tmp_path: Path,
    local_answer: tuple[list[int], list[int]],
    mangle: Callable[[bytes], bytes],
    errors: set[str],
) -> None:
    tokens, expected = local_answer
    async with client_with(gateway, tmp_path, Mangling(mangle), encrypt=False) as cloud:
        device.reset()
        done, report = await PrefillOffloader(device, cloud, scheme="lossless").complete(
            tokens, PARAMS
        )
    assert not report.used
    assert report.error in errors
    assert done.token_ids == expected


async def test_gateway_rejects_bad_prefill_requests(gateway: Any) -> None:
    async with aiohttp.ClientSession() as http:
        for body in (
            {"tokens": [1]},
            {"model_sha256": "a" * 64, "tokens": []},
            {"model_sha256": "a" * 64, "tokens": [1], "scheme": "int3"},
        ):
            async with http.post(gateway.url + "/v1/prefill", json=body) as resp:
                assert resp.status == 400
                assert resp.headers["Content-Type"] == "application/problem+json"


def link(rtt: float | None, bandwidth: float | None, offline: bool = False) -> LinkStats:
    return LinkStats(
        rtt_s=rtt,
        rtt_samples=1,
        bandwidth_bps=bandwidth,
        bandwidth_samples=1,
        recent_failures=0,
        consecutive_failures=0,
        circuit=CircuitState.CLOSED,
        offline=offline,
        last_success_age_s=0.0,
    )


def test_should_offload_weighs_link_against_local_prefill() -> None:
    fast = link(0.02, 12.5e6)  # 100 Mbit/s, 20 ms
    assert should_offload(1500, fast, 300.0, 12_000) == (True, "link_faster")
    assert should_offload(100, fast, 300.0, 12_000) == (False, "short_prompt")
    assert should_offload(1500, link(0.3, 0.2e6), 300.0, 12_000) == (False, "link_too_slow")
    assert should_offload(1500, link(None, None), 300.0, 12_000) == (False, "link_unmeasured")
    assert should_offload(1500, link(0.02, 12.5e6, offline=True), 300.0, 12_000)[0] is False
    assert should_offload(1500, None, 300.0, 12_000) == (False, "offline")


async def test_prefill_offload_strategy_decides_from_the_link(
    device: Engine, gateway: Any, tmp_path: Path
) -> None:
    async with client_with(gateway, tmp_path, AiohttpTransport()) as cloud:
        offloader = PrefillOffloader(device, cloud, local_prefill_tok_s=1.0)
        assert offloader.decide(2000) == (False, "link_unmeasured")  # nothing measured yet
        await cloud.health()
        assert offloader.decide(2000) == (True, "explore")  # RTT known: try once to measure
        assert offloader.decide(100) == (False, "short_prompt")


async def test_edge_client_prefill_offload_strategy(
    device: Engine, gateway: Any, tmp_path: Path
) -> None:
    from edgekit.client import AsyncEdgeClient, ClientConfig

    question = [{"role": "user", "content": DOC * 3 + "\nWhere is fuel taken on?"}]
    private = [{"role": "user", "content": DOC * 3 + "\nMail jane.roe@example.com the rules."}]
    device.reset()
    expected = device.chat(question, PARAMS).text
    device.reset()
    async with client_with(gateway, tmp_path, AiohttpTransport()) as cloud:
        await cloud.health()  # RTT known: the first long prompt explores the link
        config = ClientConfig(
            strategy="prefill_offload",
            max_tokens=PARAMS.max_tokens,
            repeat_penalty=PARAMS.repeat_penalty,
        )
        async with AsyncEdgeClient(config, engine=device, cloud=cloud) as client:
            answer = await client.chat(question)
            kept = await client.chat(private)  # reuses the document's KV on the device
    assert answer.decision.route == "prefill_offload"
    assert answer.text == expected
    assert kept.decision.route == "local"  # an e-mail address must not leave unmasked
    assert "stay on the device" in kept.decision.reason


# --- split hand-off: the device prefills the start while the rest's state arrives -----

LONG_PROMPT = DOC * 2 + "\nQuestion: when is waste oil collected?\nAnswer:"


@pytest.fixture(scope="module")
def long_local_answer(device: Engine) -> tuple[list[int], list[int]]:
    device.reset()
    tokens = device.tokenize(LONG_PROMPT)
    assert len(tokens) > device.config.n_batch + 64
    done = device.complete(LONG_PROMPT, PARAMS)
    device.reset()
    return tokens, done.token_ids


@pytest.mark.parametrize("at", [300, 512, 640])
async def test_lossless_split_handoff_is_token_identical(
    device: Engine, cloud: CloudClient, long_local_answer: tuple[list[int], list[int]], at: int
) -> None:
    """Both sides prefill in the same n_batch chunks: at any cut the device's cells are the
    gateway's, and the answer is exactly the local one."""
    tokens, expected = long_local_answer
    whole_device = PrefillOffloader(device, cloud, scheme="lossless")
    device.reset()
    _, whole = await whole_device.complete(tokens, PARAMS, split_at=0)
    device.reset()
    done, report = await whole_device.complete(tokens, PARAMS, split_at=at)
    assert report.used
    assert report.error is None
    assert report.split_at == at
    assert report.wire_bytes < whole.wire_bytes * (len(tokens) - at) / len(tokens) * 1.25
    assert done.token_ids == expected


async def test_int8_split_handoff_anywhere(
    device: Engine, cloud: CloudClient, long_local_answer: tuple[list[int], list[int]]
) -> None:
    tokens, expected = long_local_answer
    device.reset()
    done, report = await PrefillOffloader(device, cloud, scheme="int8").complete(
        tokens, PARAMS, split_at=200
    )
    assert report.used
    assert report.split_at == 200
    same = sum(a == b for a, b in zip(done.token_ids, expected, strict=False))
    assert same / len(expected) >= 0.75


async def test_split_handoff_that_fails_is_answered_locally(
    gateway: Any, device: Engine, tmp_path: Path, long_local_answer: tuple[list[int], list[int]]
) -> None:
    tokens, expected = long_local_answer
    truncate: Callable[[bytes], bytes] = lambda b: b[: len(b) // 2]  # noqa: E731
    async with client_with(gateway, tmp_path, Mangling(truncate), encrypt=False) as cloud:
        device.reset()
        done, report = await PrefillOffloader(device, cloud, scheme="lossless").complete(
            tokens, PARAMS, split_at=device.config.n_batch
        )
    assert not report.used
    assert report.error == "StateError"
    assert done.token_ids == expected


async def test_gateway_refuses_a_split_outside_the_prompt(gateway: Any, device: Engine) -> None:
    digest = device.info.sha256
    async with aiohttp.ClientSession() as http:
        for at in (-1, 3, True, "1"):
            body = {"model_sha256": digest, "tokens": [1, 2, 3], "from_pos": at}
            async with http.post(gateway.url + "/v1/prefill", json=body) as resp:
                assert resp.status == 400


class _Offloader(PrefillOffloader):
    """split_point() against a given link, without a gateway."""

    def __init__(self, device: Engine, stats: LinkStats | None, scheme: str) -> None:
        super().__init__(device, None, scheme=scheme, local_prefill_tok_s=400.0)  # type: ignore[arg-type]
        self._stats = stats
        self.state_bytes_per_token = 11_000

    @property
    def cloud(self) -> Any:
        return type("Cloud", (), {"link": self._stats})()

    @cloud.setter
    def cloud(self, value: Any) -> None:
        pass


def test_split_point_balances_local_prefill_and_download(device: Engine) -> None:
    fast = link(0.02, 12.5e6)  # 100 Mbit/s: 0.88 ms a token on the wire, 2.5 ms locally
    at = _Offloader(device, fast, "int8").split_point(1600)
    assert at % 32 == 0
    assert 300 <= at <= 500  # 1600 x 0.88 / (2.5 + 0.88) = 417
    assert _Offloader(device, fast, "lossless").split_point(1600) > 0
    assert _Offloader(device, link(None, None), "int8").split_point(1600) == 0
    assert _Offloader(device, None, "int8").split_point(1600) == 0
    assert _Offloader(device, link(0.02, 12.5e6, offline=True), "int8").split_point(1600) == 0
    assert _Offloader(device, fast, "int8").split_point(280) == 0  # no tail worth a request


async def test_a_state_that_cannot_be_cut_turns_splitting_off(
    device: Engine,
    cloud: CloudClient,
    long_local_answer: tuple[list[int], list[int]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A cache that cannot be cut (a sliding window) is answered locally, then never split."""
    from edgekit.state import offload
    from edgekit.state.layout import LayoutError

    def refuse(head: bytes, tail: bytes) -> bytes:
        raise LayoutError("only a single-block state can be cut")

    monkeypatch.setattr(offload, "join_cells", refuse)
    tokens, expected = long_local_answer
    offloader = PrefillOffloader(device, cloud, scheme="lossless")
    device.reset()
    done, report = await offloader.complete(tokens, PARAMS, split_at=device.config.n_batch)
    assert not report.used
    assert report.error == "LayoutError"
    assert done.token_ids == expected
    assert offloader.split is False
    assert offloader.split_point(len(tokens)) == 0
