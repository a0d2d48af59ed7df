"""The shipped gate under the client's default chat settings (real SmolLM2-135M).

Regression: the v1 gate, fitted on 16-token answers to a terse system prompt,
scored every chat-length answer 0.00 and escalated it. The gate now scores the
first ``gate.window`` tokens, with clipped features, and was calibrated on chat-style answers too.
"""

from __future__ import annotations

import dataclasses
import logging
import math
from pathlib import Path
from typing import Any

import pytest

from edgekit.calibrate.files import load_calibration
from edgekit.client import AsyncEdgeClient, ClientConfig
from edgekit.privacy import PrivacyConfig
from edgekit.routing.calibration import DEFAULT_CALIBRATION

from .conftest import cloud_config

V1_FILE = Path(__file__).parents[1] / "routing" / "data" / "calibration-v1.json"
NO_PII = PrivacyConfig(ner="off", audit_log=None)


def ask(text: str) -> list[dict[str, str]]:
    return [{"role": "user", "content": text}]


async def test_default_chat_settings_confident_fact_stays_local_hard_sum_escalates(
    edge_engine: Any,
) -> None:
    config = ClientConfig(privacy=NO_PII)  # defaults: cascade, max_tokens 256, no system prompt
    async with AsyncEdgeClient(config, engine=edge_engine) as client:
        window = client.calibration.gate.window
        assert window is not None
        fact = await client.chat(ask("What is the capital of Japan?"))
        hard = await client.chat(ask("What is 7384 * 9137?"))
    assert "Tokyo" in fact.text
    assert fact.decision.route == "local", fact.decision
    assert hard.decision.score is not None
    assert hard.decision.threshold is not None
    assert hard.decision.score < hard.decision.threshold
    assert hard.decision.route == "local_fallback"  # no gateway configured: the device answers
    assert hard.decision.fallback_error == "NoCloudConfigured"
    assert hard.text.strip()
    # The stopped draft is continued within the same budget, not a second full one.
    assert window <= hard.decision.local_tokens <= config.max_tokens


async def test_long_chat_answer_is_not_saturated_by_its_length(edge_engine: Any) -> None:
    config = ClientConfig(privacy=NO_PII, strategy="local_only")
    async with AsyncEdgeClient(config, engine=edge_engine) as client:
        window = client.calibration.gate.window
        result = await client.chat(ask("Explain briefly why the sky is blue."))
    assert window is not None
    assert result.decision.local_tokens > 3 * window
    assert result.decision.score is not None
    assert result.decision.score > result.decision.threshold  # type: ignore[operator]


async def test_cascade_decides_after_the_window_and_stops_drafting(
    edge_engine: Any, gateway: Any, tmp_path: Path
) -> None:
    """Early gating: a rejected draft costs ``window`` tokens, not ``max_tokens``."""
    config = ClientConfig(
        cloud=cloud_config(gateway, tmp_path),
        privacy=NO_PII,
        cloud_max_tokens=32,
        cloud_deadline_s=20.0,
        threshold=1.01,
    )
    async with AsyncEdgeClient(config, engine=edge_engine) as client:
        result = await client.chat(ask("Explain briefly why the sky is blue."))
        window = client.calibration.gate.window
    assert result.decision.route == "cloud"
    assert result.decision.local_tokens == window


async def test_v1_file_loads_and_warns_about_its_conditions(
    edge_engine: Any, caplog: pytest.LogCaptureFixture
) -> None:
    config = ClientConfig(privacy=NO_PII, calibration=V1_FILE)
    with caplog.at_level(logging.WARNING, logger="edgekit"):
        async with AsyncEdgeClient(config, engine=edge_engine) as client:
            assert client.calibration.gate.window == 16
    messages = [r.getMessage() for r in caplog.records]
    warnings = [m for m in messages if "calibration conditions" in m]
    assert len(warnings) == 1
    assert "terse" in warnings[0] or "does not record" in warnings[0]


async def test_out_of_range_gate_inputs_are_clipped_and_logged_once(
    edge_engine: Any, caplog: pytest.LogCaptureFixture
) -> None:
    base = dataclasses.replace(load_calibration(DEFAULT_CALIBRATION), gain=None)  # cascade gate
    model = base.gate.model
    narrow = dataclasses.replace(model, lower=model.mean, upper=model.mean)  # nothing fits
    cal = dataclasses.replace(base, gate=dataclasses.replace(base.gate, model=narrow))
    config = ClientConfig(privacy=NO_PII, max_tokens=24)
    with caplog.at_level(logging.WARNING, logger="edgekit"):
        async with AsyncEdgeClient(config, engine=edge_engine, calibration=cal) as client:
            first = await client.chat(ask("What is the capital of Japan?"))
            second = await client.chat(ask("What is 7384 * 9137?"))
    # every input is clipped to the mean: both score exactly sigmoid(bias)
    assert first.decision.score == pytest.approx(second.decision.score)
    assert first.decision.score == pytest.approx(1.0 / (1.0 + math.exp(-model.bias)))
    logged = [
        r.getMessage() for r in caplog.records if "outside the calibration range" in r.getMessage()
    ]
    assert len(logged) == 1
    assert "Japan" not in logged[0]
