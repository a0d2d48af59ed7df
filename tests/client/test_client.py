"""EdgeClient end to end: real SmolLM2-135M, real echo gateway on loopback."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import socket
import time
from pathlib import Path
from typing import Any

import pytest

from edgekit.calibrate.dataset import Item
from edgekit.calibrate.files import load_calibration
from edgekit.client import AsyncEdgeClient, ClientConfig, EdgeClient, LoopThread
from edgekit.errors import ChatTimeout, ConfigError, PrivacyBlocked, RoutingError
from edgekit.privacy import PLACEHOLDER_INSTRUCTION, PrivacyConfig
from edgekit.routing.calibration import HandoffRule
from edgekit.transport import AiohttpTransport, CapturingTransport, CloudConfig

from .conftest import CuttingTransport, cloud_config

EASY = [{"role": "user", "content": "What is the capital of France?"}]
EMAIL = "ada.lovelace@example.org"
PII = [{"role": "user", "content": f"Write one short greeting to {EMAIL} please."}]
NO_PII = PrivacyConfig(ner="off", audit_log=None)


def make_config(cloud: CloudConfig | None, **extra: Any) -> ClientConfig:
    base: dict[str, Any] = {
        "cloud": cloud,
        "max_tokens": 16,
        "cloud_max_tokens": 64,
        "privacy": NO_PII,
        "cloud_deadline_s": 20.0,
    }
    base.update(extra)
    return ClientConfig(**base)


async def test_cascade_keeps_confident_draft_and_escalates_by_threshold(
    edge_engine: Any, gateway: Any, tmp_path: Path
) -> None:
    keep = AsyncEdgeClient(
        make_config(cloud_config(gateway, tmp_path), threshold=0.0), engine=edge_engine
    )
    escalate = AsyncEdgeClient(
        make_config(cloud_config(gateway, tmp_path), threshold=1.01), engine=edge_engine
    )
    async with keep, escalate:
        local = await keep.chat(EASY)
        cloud = await escalate.chat(EASY)
    assert local.decision.route == "local"
    assert local.decision.score is not None
    assert local.decision.score >= 0.0
    assert local.decision.latency_s["local"] > 0
    assert cloud.decision.route == "cloud"
    assert cloud.text == EASY[0]["content"]  # the echo backend repeats the (masked) prompt
    # Same greedy draft, same gate (KV-cache reuse may move logits in the last digits).
    assert cloud.decision.score == pytest.approx(local.decision.score, rel=0.2, abs=1e-3)
    assert "cloud" in cloud.decision.latency_s
    text = str(cloud.decision)
    assert "route=cloud" in text
    assert "France" not in text
    assert "France" not in json.dumps(cloud.decision.as_dict())
    with pytest.raises(dataclasses.FrozenInstanceError):
        cloud.decision.route = "local"  # type: ignore[misc]


async def test_shipped_calibration_routes_by_category(edge_engine: Any) -> None:
    async with AsyncEdgeClient(make_config(None), engine=edge_engine) as client:
        assert client.calibration.model_sha256 == edge_engine.info.sha256
        hard_prompt = Item(
            id="h",
            category="arithmetic",
            difficulty=3,
            prompt="What is 738 + 489?",
            reference="1227",
        ).messages()
        hard = await client.chat(hard_prompt)
        pre = await client.chat(hard_prompt, strategy="pre_route")
    # No cloud configured: the gate still decides, and the device covers it.
    assert hard.decision.route == "local_fallback"
    assert hard.decision.fallback_error == "NoCloudConfigured"
    assert hard.decision.score is not None
    assert hard.decision.threshold is not None
    assert hard.decision.score < hard.decision.threshold
    assert hard.text
    assert pre.decision.score is not None
    assert pre.decision.score < client.calibration.pre_route.threshold  # type: ignore[union-attr]
    assert pre.decision.route == "local_fallback"


async def test_handoff_is_one_continuous_stream(
    edge_engine: Any, gateway: Any, tmp_path: Path
) -> None:
    base = load_calibration(
        Path(__file__).parents[2] / "edgekit/routing/data/calibration-smollm2-135m.json"
    )
    cal = dataclasses.replace(base, handoff=HandoffRule(window=1, threshold=-1e-9, min_tokens=3))
    client = AsyncEdgeClient(
        make_config(cloud_config(gateway, tmp_path)), engine=edge_engine, calibration=cal
    )
    async with client:
        stream = client.stream_chat(EASY, strategy="handoff")
        with pytest.raises(RoutingError):
            _ = stream.decision
        pieces = [p async for p in stream]
    decision = stream.decision
    assert decision.route == "handoff"
    assert decision.local_tokens == 2
    prefix = "".join(pieces)[: len(stream.text) // 2]
    # The echo backend continues by repeating the assistant prefix it was handed.
    assert stream.text == prefix + prefix
    assert prefix
    assert decision.cloud_chars == len(prefix)


async def test_offline_gateway_answers_locally(edge_engine: Any, tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    cfg = CloudConfig(url=f"http://127.0.0.1:{port}", device_key_path=tmp_path / "k")
    async with AsyncEdgeClient(make_config(cfg, threshold=1.01), engine=edge_engine) as client:
        result = await client.chat(EASY)
        streamed = client.stream_chat(EASY, strategy="cloud_only")
        text = "".join([p async for p in streamed])
    assert result.decision.route == "local_fallback"
    assert result.decision.fallback_error is not None
    assert result.text
    assert streamed.decision.route == "local_fallback"
    assert text == result.text  # greedy: the same local answer


async def test_mid_stream_cloud_failure_continues_locally(
    edge_engine: Any, gateway: Any, tmp_path: Path
) -> None:
    cutter = CuttingTransport(AiohttpTransport(), keep=2)
    cfg = make_config(cloud_config(gateway, tmp_path, encrypt=False), threshold=1.01)
    long_prompt = [{"role": "user", "content": "one two three four five six seven eight nine"}]
    async with AsyncEdgeClient(cfg, engine=edge_engine, transport=cutter) as client:
        stream = client.stream_chat(long_prompt, strategy="cloud_only")
        pieces = [p async for p in stream]
    await cutter.aclose()
    decision = stream.decision
    assert cutter.cut == 1
    assert decision.route == "local_fallback"
    assert decision.fallback_error == "StreamInterrupted"
    assert 0 < decision.cloud_chars < len(long_prompt[0]["content"])
    cloud_part = "".join(pieces)[: decision.cloud_chars]
    assert long_prompt[0]["content"].startswith(cloud_part)
    assert len(stream.text) > decision.cloud_chars  # the device finished the answer
    assert decision.local_tokens > 0


async def test_privacy_masks_before_egress(edge_engine: Any, gateway: Any, tmp_path: Path) -> None:
    capture = CapturingTransport(AiohttpTransport())
    audit = tmp_path / "egress.jsonl"
    cfg = make_config(
        cloud_config(gateway, tmp_path, encrypt=False),
        threshold=1.01,
        audit=True,
        privacy=PrivacyConfig(ner="off", audit_log=audit),
    )
    async with AsyncEdgeClient(cfg, engine=edge_engine, transport=capture) as client:
        result = await client.chat(PII)
    await capture.aclose()
    records = [json.loads(line) for line in audit.read_text().splitlines()]
    assert [(r["route"], r["entities"]) for r in records] == [("cloud", {"EMAIL": 1})]
    assert EMAIL not in audit.read_text()
    assert result.decision.route == "cloud"
    assert result.decision.pii_masked
    assert result.decision.entity_counts == {"EMAIL": 1}
    assert EMAIL.encode() not in capture.sent_bytes
    assert "«EMAIL_1»".encode() in capture.sent_bytes
    assert PLACEHOLDER_INSTRUCTION.encode() in capture.sent_bytes  # copy placeholders verbatim
    assert EMAIL in result.text  # restored on the way back
    assert EMAIL not in str(result.decision)


async def test_privacy_block_answers_locally_unless_cloud_only(
    edge_engine: Any, gateway: Any, tmp_path: Path
) -> None:
    block = PrivacyConfig(ner="off", actions={"EMAIL": "block"})
    cfg = make_config(cloud_config(gateway, tmp_path), threshold=1.01, privacy=block)
    async with AsyncEdgeClient(cfg, engine=edge_engine) as client:
        result = await client.chat(PII)
        with pytest.raises(PrivacyBlocked):
            await client.chat(PII, strategy="cloud_only")
    assert result.decision.route == "local_fallback"
    assert result.decision.blocked_types == ("EMAIL",)
    assert result.text


def test_sync_client_feedback_and_online_recalibration(edge_engine: Any) -> None:
    prompts = [[{"role": "user", "content": f"What is {a} + {a + 3}?"}] for a in range(1, 25)]
    with EdgeClient(make_config(None, max_tokens=4), engine=edge_engine) as client:
        ids = []
        for messages in prompts:
            stream = client.stream_chat(messages, strategy="local_only")
            assert "".join(stream) == stream.text
            ids.append(stream.decision.id)
        assert client.feedback(ids[0], good=False)
        assert not client.feedback("unknown", good=True)
        snap = client.online_stats()
        assert snap.n_scores == len(prompts)
        assert snap.n_feedback == 1
        threshold = client.recalibrate(0.5)
        assert client.calibration.gate.threshold == threshold
        scores = [s for s in client.aclient.policy.stats.scores()]
        assert sum(s < threshold for s in scores) == pytest.approx(len(scores) / 2, abs=1)
        with pytest.raises(RoutingError):
            client.aclient.policy.stats.threshold_for_escalation_rate(0.5, min_samples=1000)
    with pytest.raises(RoutingError):
        client.chat(EASY)


def test_bad_input_is_a_clear_error(edge_engine: Any) -> None:
    with pytest.raises(ConfigError):
        ClientConfig(strategy="sideways")  # type: ignore[arg-type]
    with EdgeClient(make_config(None), engine=edge_engine) as client:
        for bad in ("hello", [], [{"role": "robot", "content": "x"}], [{"role": "user"}]):
            with pytest.raises(ConfigError):
                client.chat(bad)  # type: ignore[arg-type]


def test_sync_client_timeout_raises_chat_timeout(edge_engine: Any) -> None:
    # ChatTimeout is a TimeoutError: the loop thread's wait once took it for its own
    # poll timeout and spun forever instead of raising it.
    with EdgeClient(make_config(None), engine=edge_engine) as client:
        started = time.monotonic()
        with pytest.raises(ChatTimeout):
            client.chat(
                [{"role": "user", "content": "Write a long poem."}],
                strategy="local_only",
                max_tokens=200,
                timeout=0.3,
            )
        assert time.monotonic() - started < 5.0


def test_loop_thread_hands_every_exception_to_the_caller() -> None:
    async def times_out() -> None:
        raise TimeoutError("inner")

    loop = LoopThread()
    try:
        for on_wait in (None, lambda: None):
            with pytest.raises(TimeoutError, match="inner"):
                loop.run(times_out(), on_wait=on_wait, poll_s=0.01)
        assert loop.run(asyncio.sleep(0.05, result=7), on_wait=lambda: None, poll_s=0.01) == 7
    finally:
        loop.close()


async def test_concurrent_calls_share_one_engine(edge_engine: Any) -> None:
    import asyncio

    async with AsyncEdgeClient(make_config(None, max_tokens=8), engine=edge_engine) as client:
        solo = await client.chat(EASY, strategy="local_only")
        results = await asyncio.wait_for(
            asyncio.gather(*(client.chat(EASY, strategy="local_only") for _ in range(3))), 120
        )
    assert {r.text for r in results} == {solo.text}  # greedy and serialized: identical
    assert len({r.decision.id for r in results}) == 3
