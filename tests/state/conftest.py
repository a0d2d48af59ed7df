"""A real gateway (echo chat backend, real state models) and a real device engine.

The default edge model (SmolLM2-135M) runs on both sides; gemma3-270m is the
"cloud" of the different-vocabulary pair. One llama.cpp thread each (the CI
box has two cores).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from edgekit.local import Engine, EngineConfig
from edgekit.transport import CloudClient, CloudConfig, Transport

STATE_ENV = {
    "EDGEKIT_GATEWAY_STATE_MODELS": "smollm2-135m",
    "EDGEKIT_GATEWAY_STATE_VERIFY_MODELS": "smollm2-135m,gemma3-270m",
    "EDGEKIT_GATEWAY_STATE_N_THREADS": "1",
    "EDGEKIT_GATEWAY_STATE_N_CTX": "2048",
}
DOC = (
    "Harbour regulations. Vessels longer than twelve metres must report to the harbour "
    "master before entering the inner basin. Fuel may only be taken on at the east quay, "
    "between six in the morning and eight in the evening. Waste oil is collected on "
    "Tuesdays. Moorings are assigned for a season and cannot be sublet. "
) * 6


def start_gateway(env: dict[str, str]) -> Any:
    """An embedded gateway whose state endpoints are configured by ``env``."""
    from cloud_gateway.backends.echo import EchoBackend
    from cloud_gateway.config import config_from_mapping
    from cloud_gateway.embedded import EmbeddedGateway

    config = config_from_mapping(
        {
            "auth": {"open_enrolment": True},
            "backend": {"kind": "echo"},
            "plaintext_api": True,
            "limits": {"rate_per_s": 1000.0, "rate_burst": 1000},
        },
        environ={},
    )
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        return EmbeddedGateway(config, backend=EchoBackend())
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


@pytest.fixture(scope="package")
def gateway() -> Iterator[Any]:
    with start_gateway(STATE_ENV) as gw:
        yield gw


@pytest.fixture(scope="package")
def device() -> Iterator[Engine]:
    with Engine(EngineConfig(n_ctx=2048, n_threads=1)) as engine:
        yield engine


@pytest.fixture(scope="package")
def gemma() -> Iterator[Engine]:
    with Engine(EngineConfig(model="gemma3-270m", n_ctx=2048, n_threads=1)) as engine:
        yield engine


def service(gateway: Any) -> Any:
    from cloud_gateway.kvstate import STATE_SERVICE

    return gateway._app[STATE_SERVICE]


def cloud_config(gateway: Any, tmp_path: Path, **extra: Any) -> CloudConfig:
    return CloudConfig(
        url=gateway.url,
        key_config_pin=hashlib.sha256(gateway.key_configs).hexdigest(),
        device_key_path=tmp_path / "device.key",
        **extra,
    )


@pytest.fixture
async def cloud(gateway: Any, tmp_path: Path) -> AsyncIterator[CloudClient]:
    async with CloudClient(cloud_config(gateway, tmp_path)) as client:
        yield client


@contextlib.asynccontextmanager
async def client_with(
    gateway: Any, tmp_path: Path, transport: Transport, **extra: Any
) -> AsyncIterator[CloudClient]:
    """A cloud client over ``transport``; both closed afterwards."""
    try:
        async with CloudClient(cloud_config(gateway, tmp_path, **extra), transport=transport) as c:
            yield c
    finally:
        await transport.aclose()
