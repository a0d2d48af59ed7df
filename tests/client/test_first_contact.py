"""Issue 15's client items, against the real SmolLM2-135M and a real gateway on loopback.

2 an unknown device is told how to enrol; 5 local answers stream and stop when
closed; 6 prompts longer than n_ctx escalate; 7 loops and truncation are
judged over the whole answer and marked; 10 per-call parameters, token
signals on client streams, the audit log on by default.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from edgekit.client import AsyncEdgeClient, ClientConfig, EdgeClient
from edgekit.errors import AuthenticationError, ChatTimeout, ConfigError, ContextOverflow
from edgekit.privacy import AuditLog, PrivacyConfig
from edgekit.transport import AiohttpTransport, CapturingTransport, CloudConfig

from .conftest import cloud_config

NO_NER = PrivacyConfig(ner="off")
EASY = [{"role": "user", "content": "What is the capital of France?"}]
LOOPING = [
    {"role": "user", "content": "Write a formal business letter template with placeholders."}
]
LONG = [
    {
        "role": "user",
        "content": "Summarize these notes. " + "The pump at station seven "
        "was serviced on Tuesday and its filter was replaced. " * 180,
    }
]


def config(cloud: CloudConfig | None, **extra: Any) -> ClientConfig:
    base: dict[str, Any] = {
        "cloud": cloud,
        "max_tokens": 48,
        "cloud_max_tokens": 64,
        "privacy": NO_NER,
        "cloud_deadline_s": 20.0,
    }
    base.update(extra)
    return ClientConfig(**base)


@pytest.fixture(scope="module")
def closed_gateway() -> Iterator[Any]:
    """A real gateway that knows no device (no open enrolment)."""
    embedded = pytest.importorskip("cloud_gateway.embedded")
    from cloud_gateway.backends.echo import EchoBackend
    from cloud_gateway.config import config_from_mapping

    gw_config = config_from_mapping(
        {"auth": {"open_enrolment": False}, "backend": {"kind": "echo"}}, environ={}
    )
    with embedded.EmbeddedGateway(gw_config, backend=EchoBackend()) as gw:
        yield gw


# --- item 2: an unknown device -------------------------------------------------------------------


async def test_unknown_device_is_told_how_to_enrol(
    edge_engine: Any, closed_gateway: Any, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    cfg = config(cloud_config(closed_gateway, tmp_path), threshold=1.01)
    async with AsyncEdgeClient(cfg, engine=edge_engine) as client:
        with pytest.raises(AuthenticationError) as refused:
            await client.chat(EASY, strategy="cloud_only")
        with caplog.at_level(logging.WARNING, logger="edgekit"):
            first = await client.chat(EASY)  # cascade: the gate escalates (threshold 1.01)
            second = await client.chat(EASY)
    message = str(refused.value)
    assert "enrol this device" in message
    assert "edgekit-gateway devices add " in message
    public_key = message.rsplit(" ", 1)[-1]
    assert len(public_key) >= 43  # the device's base64url Ed25519 public key, not a placeholder
    for result in (first, second):
        assert result.decision.route == "local_fallback"
        assert "enrol this device" in result.decision.reason
        assert result.text
    warnings = [r.getMessage() for r in caplog.records if "enrol this device" in r.getMessage()]
    assert len(warnings) == 1  # logged once per client, not per answer


# --- item 5: local answers stream ----------------------------------------------------------------


async def test_local_only_streams_token_by_token_and_stops_when_closed(edge_engine: Any) -> None:
    async with AsyncEdgeClient(config(None, max_tokens=200), engine=edge_engine) as client:
        started = time.perf_counter()
        stream = client.stream_chat(EASY, strategy="local_only")
        first_at = None
        pieces = []
        async for piece in stream:
            first_at = first_at or time.perf_counter() - started
            pieces.append(piece)
        total = time.perf_counter() - started
        assert len(pieces) >= 5
        assert first_at is not None
        assert first_at < total / 2

        long_ask = [{"role": "user", "content": "Write a long essay about the history of Rome."}]
        early = client.stream_chat(long_ask, strategy="local_only")
        got = [await anext(early) for _ in range(3)]
        await early.aclose()
        assert all(got)
        # generation stopped: the engine's lock is free again within a token or two
        for _ in range(50):
            if not edge_engine.lock.locked():
                break
            await asyncio.sleep(0.1)
        assert not edge_engine.lock.locked()


# --- item 6: prompts longer than the local context -----------------------------------------------


async def test_a_prompt_longer_than_n_ctx_escalates_instead_of_failing(
    edge_engine: Any, gateway: Any, tmp_path: Path
) -> None:
    n_prompt = len(edge_engine.tokenize(edge_engine.render_chat(LONG)))
    assert n_prompt > edge_engine.info.n_ctx
    cfg = config(cloud_config(gateway, tmp_path))
    async with AsyncEdgeClient(cfg, engine=edge_engine) as client:
        for strategy in ("cascade", "pre_route", "handoff", "cloud_only"):
            result = await client.chat(LONG, strategy=strategy)  # type: ignore[arg-type]
            assert result.decision.route == "cloud", (strategy, result.decision)
            assert result.text.startswith("Summarize these notes.")  # the echo backend
        cascade = await client.chat(LONG)
        assert "does not fit the local context" in cascade.decision.reason
        with pytest.raises(ContextOverflow, match="local_only cannot send it elsewhere"):
            await client.chat(LONG, strategy="local_only")
    async with AsyncEdgeClient(config(None), engine=edge_engine) as offline:
        with pytest.raises(ContextOverflow, match="nothing can answer"):
            await offline.chat(LONG)


# --- item 7: the whole answer is judged; truncation is marked ------------------------------------


async def test_a_looping_answer_is_stopped_and_handed_off_or_marked(
    edge_engine: Any, gateway: Any, tmp_path: Path
) -> None:
    assert ClientConfig().repeat_penalty > 1.0  # the sampling default has a repetition penalty
    async with AsyncEdgeClient(config(None, max_tokens=200), engine=edge_engine) as alone:
        local = await alone.chat(LOOPING, strategy="local_only")
    assert local.decision.degenerate
    assert "looped" in local.decision.reason
    assert local.decision.local_tokens < 120  # stopped, not run to max_tokens
    lines = [line for line in local.text.splitlines() if line.strip()]
    assert max(lines.count(line) for line in lines) <= 4

    # no gateway and a gate that rejects everything: the device's fallback is watched too
    async with AsyncEdgeClient(
        config(None, max_tokens=200, threshold=1.01), engine=edge_engine
    ) as offline:
        fallback = await offline.chat(LOOPING)
    assert fallback.decision.route == "local_fallback"
    assert fallback.decision.degenerate
    assert fallback.decision.local_tokens < 120

    cfg = config(cloud_config(gateway, tmp_path), max_tokens=200, threshold=0.0)
    async with AsyncEdgeClient(cfg, engine=edge_engine) as client:
        handed = await client.chat(LOOPING)  # the gate keeps the head; the loop is caught later
    assert handed.decision.route == "handoff"
    assert handed.decision.degenerate
    assert handed.decision.cloud_chars > 0
    assert handed.text.startswith(local.text[:40])


async def test_an_answer_cut_by_max_tokens_is_marked(edge_engine: Any) -> None:
    async with AsyncEdgeClient(config(None), engine=edge_engine) as client:
        cut = await client.chat(
            [{"role": "user", "content": "Explain how rain forms."}],
            strategy="local_only",
            max_tokens=6,
        )
        # an answer that ends well inside max_tokens whatever the batch split of the prompt
        # (the gain gate's hidden-state read-out evaluates the prompt's last token on its own)
        whole = await client.chat(
            [{"role": "user", "content": "What is the capital of Japan?"}], strategy="local_only"
        )
    assert cut.finish_reason == "length"
    assert cut.decision.finish_reason == "length"
    assert "finish=length" in str(cut.decision)
    assert cut.decision.local_tokens == 6
    assert whole.finish_reason == "stop"


# --- item 10: per-call parameters, token signals, the audit log ----------------------------------


async def test_per_call_parameters_reach_the_engine_and_the_gateway(
    edge_engine: Any, gateway: Any, tmp_path: Path
) -> None:
    capture = CapturingTransport(AiohttpTransport())
    cfg = config(cloud_config(gateway, tmp_path, encrypt=False))
    async with AsyncEdgeClient(cfg, engine=edge_engine, transport=capture) as client:
        stopped = await client.chat(EASY, strategy="local_only", stop=["Paris"])
        a = await client.chat(EASY, strategy="local_only", temperature=1.2, top_p=0.9, seed=7)
        b = await client.chat(EASY, strategy="local_only", temperature=1.2, top_p=0.9, seed=7)
        cloud = await client.chat(
            EASY,
            strategy="cloud_only",
            max_tokens=5,
            temperature=0.3,
            top_p=0.5,
            stop=["zz"],
            seed=3,
        )
        with pytest.raises(ChatTimeout):
            await client.chat(
                [{"role": "user", "content": "Write a long poem."}],
                strategy="local_only",
                max_tokens=200,
                timeout=0.3,
            )
        with pytest.raises(ConfigError):
            await client.chat(EASY, temperature=3.0)
        with pytest.raises(ConfigError):
            await client.chat(EASY, stop=["a", "b", "c", "d", "e"])
    await capture.aclose()
    assert "Paris" not in stopped.text
    assert a.text == b.text  # same seed, same sampled answer
    posts = [ex.request for ex in capture.exchanges if ex.request.url.endswith("/completions")]
    body = json.loads(posts[-1].content)
    assert body["max_tokens"] == 5
    assert (body["temperature"], body["top_p"], body["stop"], body["seed"]) == (0.3, 0.5, ["zz"], 3)
    assert cloud.decision.route == "cloud"


def test_sync_client_takes_the_same_parameters_and_streams_signals(edge_engine: Any) -> None:
    with EdgeClient(config(None), engine=edge_engine) as client:
        result = client.chat(EASY, strategy="local_only", max_tokens=4)
        stream = client.stream_chat(EASY, strategy="local_only")
        pieces = list(stream.iter_pieces())
    assert result.decision.local_tokens == 4
    assert pieces
    assert all(p.source == "local" for p in pieces)
    signals = [p.signal for p in pieces if p.signal is not None]
    assert signals
    assert all(s.logprob <= 0.0 and s.entropy >= 0.0 and s.margin >= 0.0 for s in signals)
    assert stream.decision.route == "local"


async def test_escalations_are_audited_by_default(
    edge_engine: Any, gateway: Any, tmp_path: Path
) -> None:
    state = Path(os.environ["EDGEKIT_STATE_DIR"])  # set per test by tests/conftest.py
    async with AsyncEdgeClient(
        config(cloud_config(gateway, tmp_path)), engine=edge_engine
    ) as client:
        await client.chat(EASY, strategy="cloud_only")
        await client.chat(EASY, strategy="local_only")
    log = AuditLog(state / "egress.jsonl")
    records = list(log.records())
    assert [r["route"] for r in records] == ["cloud"]  # the local answer sent nothing
    assert log.verify().ok
    assert "France" not in (state / "egress.jsonl").read_text()


def test_the_audit_log_is_bounded(tmp_path: Path) -> None:
    log = AuditLog(tmp_path / "egress.jsonl", max_bytes=2000)
    for _ in range(40):
        log.record("cloud", {"EMAIL": 1}, b"x" * 100)
    assert (tmp_path / "egress.jsonl").stat().st_size < 2000 + 1000
    assert log.rotated_path.exists()
    assert log.verify().ok  # the current file starts a fresh chain
