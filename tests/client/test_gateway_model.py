"""One end-to-end run against the gateway's real default model (Qwen2.5-Coder-1.5B)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from edgekit.calibrate.dataset import Item
from edgekit.client import AsyncEdgeClient, ClientConfig
from edgekit.privacy import PrivacyConfig
from edgekit.transport import CloudConfig

from .conftest import GATEWAY_MODEL

pytestmark = GATEWAY_MODEL


async def test_cascade_and_handoff_through_the_real_gateway_model(
    edge_engine: Any, tmp_path: Path
) -> None:
    embedded = pytest.importorskip("cloud_gateway.embedded")
    from cloud_gateway.config import config_from_mapping

    config = config_from_mapping(
        {
            "auth": {"open_enrolment": True},
            "backend": {"kind": "llama", "n_ctx": 1024, "n_threads": 2},
        },
        environ={},
    )
    question = Item(
        id="q",
        category="capitals",
        difficulty=1,
        prompt="What is the capital of France?",
        reference="Paris",
    ).messages()
    with embedded.EmbeddedGateway(config) as gw:
        cloud = CloudConfig(
            url=gw.url,
            key_config_pin=hashlib.sha256(gw.key_configs).hexdigest(),
            device_key_path=tmp_path / "device.key",
        )
        cfg = ClientConfig(
            cloud=cloud,
            max_tokens=16,
            threshold=1.01,
            privacy=PrivacyConfig(ner="off"),
            cloud_deadline_s=120.0,
        )
        async with AsyncEdgeClient(cfg, engine=edge_engine) as client:
            escalated = await client.chat(question)
            stream = client.stream_chat(question, strategy="handoff")
            pieces = [p async for p in stream]
    assert escalated.decision.route == "cloud"
    assert "Paris" in escalated.text
    assert stream.decision.route in ("local", "handoff")
    assert "".join(pieces).strip()
    if stream.decision.route == "handoff":
        assert stream.decision.cloud_chars > 0
