"""The device's consent travels inside the encryption and is written in its audit log."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from cloud_gateway.backends.echo import EchoBackend
from cloud_gateway.config import config_from_mapping
from cloud_gateway.embedded import EmbeddedGateway
from cloud_gateway.learn.store import PairStore
from edgekit.client import AsyncEdgeClient, ClientConfig
from edgekit.local import Engine
from edgekit.privacy import PrivacyConfig
from edgekit.transport import CloudConfig

QUESTION = [
    {"role": "user", "content": "Please call Jane Roe at +44 20 7946 0958 about the Zorblax."}
]


def gateway(tmp_path: Path) -> EmbeddedGateway:
    config = config_from_mapping(
        {
            "auth": {"open_enrolment": True},
            "backend": {"kind": "echo"},
            "learn": {"collect": True, "store_path": str(tmp_path / "pairs.db")},
        },
        environ={},
    )
    return EmbeddedGateway(config, backend=EchoBackend())


async def ask(gw: EmbeddedGateway, engine: Engine, tmp_path: Path, *, learn: bool) -> list[Any]:
    cloud = CloudConfig(
        url=gw.url,
        key_config_pin=hashlib.sha256(gw.key_configs).hexdigest(),
        device_key_path=tmp_path / "device.key",
    )
    audit = tmp_path / f"audit-{learn}.jsonl"
    config = ClientConfig(
        cloud=cloud, strategy="cloud_only", learn=learn, privacy=PrivacyConfig(audit_log=audit)
    )
    async with AsyncEdgeClient(config, engine=engine) as client:
        result = await client.chat(QUESTION)
    assert "Zorblax" in result.text
    return [json.loads(line) for line in audit.read_text().splitlines()]


async def test_escalations_are_kept_only_with_the_devices_consent(
    engine: Engine, tmp_path: Path
) -> None:
    with gateway(tmp_path) as gw:
        without = await ask(gw, engine, tmp_path, learn=False)
        store = PairStore(tmp_path / "pairs.db", retention_s=3600, max_bytes=1 << 20)
        assert store.counts() == []
        with_consent = await ask(gw, engine, tmp_path, learn=True)
        pairs = store.pairs(engine.info.sha256)
        store.close()
    assert [r.get("learn") for r in without] == [None]
    assert [r.get("learn") for r in with_consent] == [True]
    assert len(pairs) == 1
    kept = json.dumps([dict(m) for m in pairs[0].messages]) + pairs[0].answer
    assert "Zorblax" in kept
    for secret in ("Jane", "Roe", "7946"):  # masked on the device; the gateway never saw them
        assert secret not in kept


@pytest.mark.parametrize("value", ["", "yes", "AB" * 32, "ab" * 31])
def test_malformed_consent_is_no_consent(value: str) -> None:
    from multidict import CIMultiDict, CIMultiDictProxy

    from cloud_gateway.inner import InnerRequest
    from cloud_gateway.learn.collect import consent

    request = InnerRequest(
        method="POST",
        path="/v1/chat/completions",
        headers=CIMultiDictProxy(CIMultiDict([("edgekit-learn", value)])),
        body=b"",
        transport="plain",
        client="-",
    )
    assert consent(request) is None
