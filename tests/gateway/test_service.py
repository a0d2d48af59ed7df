"""The deployed service: CLI, config file + environment, SIGTERM drain, key/device tooling."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import aiohttp
import pytest

from cloud_gateway.__main__ import main
from cloud_gateway.config import config_from_mapping, load_config
from cloud_gateway.errors import ConfigError
from edgekit.secure.identity import DeviceKey, DeviceRegistry
from edgekit.secure.ohttp import ServerKeyring

SECRET = "zebra-quartz-prompt-7781"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_config_file_and_environment_overrides(tmp_path: Path) -> None:
    path = tmp_path / "gateway.toml"
    path.write_text(
        'port = 9000\nplaintext_api = true\n[backend]\nkind = "echo"\n'
        "[limits]\nmax_concurrent = 2\n"
    )
    env = {
        "EDGEKIT_GATEWAY_PORT": "9100",
        "EDGEKIT_GATEWAY_LIMITS_MAX_QUEUE": "7",
        "EDGEKIT_GATEWAY_AUTH_OPEN_ENROLMENT": "yes",
    }
    config = load_config(path, environ=env)
    assert config.port == 9100
    assert config.plaintext_api is True
    assert config.limits.max_concurrent == 2
    assert config.limits.max_queue == 7
    assert config.auth.open_enrolment is True
    assert config.allowed_models == ("echo",)


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        ({"prot": 1}, "unknown"),
        ({"workers": 2}, "redis_url"),
        ({"backend": {"kind": "gpt"}}, "backend.kind"),
        ({"backend": {"kind": "openai"}}, "upstream_url"),
        ({"limits": {"max_body_bytes": 0}}, "max_body_bytes"),
        ({"limits": "big"}, "table"),
        ({"port": "eighty"}, "port"),
        ({"port": 9100, "admin_port": 9100}, "admin_port must differ from port"),
        (
            {"port": 9101, "admin_port": 9100, "workers": 2, "redis_url": "redis://r"},
            "port 9101 is one of the workers' admin ports 9100-9101",
        ),
        (
            {"admin_port": 65535, "workers": 2, "redis_url": "redis://r"},
            "admin_port \\+ workers - 1 must be <= 65535",
        ),
    ],
)
def test_bad_config_is_a_config_error(mapping: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        config_from_mapping(mapping, environ={})


def test_a_busy_port_is_one_clear_line(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "cloud_gateway", "--port", str(port), "--backend", "echo"],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode == 2
    assert (
        f"cannot listen on http://127.0.0.1:{port} for the API: address already in use"
        in done.stderr
    )
    assert "Traceback" not in done.stderr


def test_help_explains_the_configuration(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["serve", "--help"])
    assert exc.value.code == 0
    text = capsys.readouterr().out
    for word in (
        "keys_path",
        "redis_url",
        "max_body_bytes",
        "open_enrolment",
        "EDGEKIT_GATEWAY_",
        "upstream_url",
        "--workers",
    ):
        assert word in text


def test_keys_and_devices_tooling(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    keys = tmp_path / "keys.json"
    assert main(["keys", "generate", str(keys)]) == 0
    assert main(["keys", "rotate", str(keys), "--grace", "60"]) == 0
    assert len(ServerKeyring.load(keys).key_configs()) == 2
    device = DeviceKey.generate()
    import base64

    public = base64.urlsafe_b64encode(device.public_key).rstrip(b"=").decode()
    devices = tmp_path / "devices.txt"
    assert main(["devices", "add", str(devices), public]) == 0
    assert main(["devices", "add", str(devices), public]) == 0  # idempotent
    assert device.key_id in DeviceRegistry.load(devices)
    assert main(["devices", "revoke", str(devices), device.key_id]) == 0
    assert device.key_id not in DeviceRegistry.load(devices)
    assert main(["devices", "add", str(devices), "not-a-key"]) == 2
    assert "public key" in capsys.readouterr().err


async def test_sigterm_drains_in_flight_streams(tmp_path: Path) -> None:
    port, admin_port = _free_port(), _free_port()
    config = tmp_path / "gateway.toml"
    config.write_text(
        f"port = {port}\nadmin_port = {admin_port}\nplaintext_api = true\n"
        "shutdown_timeout_s = 10\n"
        f'[backend]\nkind = "echo"\necho_delay_s = 0.02\n'
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "cloud_gateway", "serve", "--config", str(config)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "EDGEKIT_GATEWAY_LOG_LEVEL": "INFO"},
    )
    url = f"http://127.0.0.1:{port}"
    words = " ".join([SECRET] + [f"w{i}" for i in range(60)])
    try:
        async with aiohttp.ClientSession() as http:
            deadline = time.monotonic() + 30
            while True:
                try:
                    async with http.get(f"http://127.0.0.1:{admin_port}/readyz") as resp:
                        if resp.status == 200:
                            break
                except aiohttp.ClientConnectionError:
                    pass
                assert proc.poll() is None, proc.stderr.read().decode()  # type: ignore[union-attr]
                assert time.monotonic() < deadline, "gateway did not become ready"
                time.sleep(0.1)
            body = {"messages": [{"role": "user", "content": words}], "stream": True}
            async with http.post(url + "/v1/chat/completions", json=body) as resp:
                await resp.content.readline()
                proc.send_signal(signal.SIGTERM)  # mid-stream
                text = await resp.text()
            assert text.rstrip().endswith("data: [DONE]")
            assert "w59" in text
        assert proc.wait(timeout=20) == 0
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
    err = proc.stderr.read().decode()  # type: ignore[union-attr]
    lines = [json.loads(line) for line in err.splitlines() if line.strip()]  # whole JSON lines
    access = [line for line in lines if line["logger"] == "edgekit.gateway.access"]
    assert any(a["route"] == "/v1/chat/completions" and a["status"] == 200 for a in access)
    assert SECRET not in err
    assert any("stopped" in line["msg"] for line in lines)


def test_embedded_gateway_lifecycle() -> None:
    from cloud_gateway.embedded import EmbeddedGateway
    from edgekit.secure.ohttp import decode_key_configs

    config = config_from_mapping({"backend": {"kind": "echo"}, "plaintext_api": True}, environ={})
    gw = EmbeddedGateway(config)
    try:
        import urllib.request

        with urllib.request.urlopen(gw.url + "/healthz", timeout=5) as resp:
            assert resp.status == 200
        assert len(decode_key_configs(gw.key_configs)) == 1
    finally:
        gw.stop()
        gw.stop()  # idempotent
    with pytest.raises(ConfigError):
        _ = gw.url


def test_example_deploy_config_is_valid() -> None:
    root = Path(__file__).resolve().parents[2]
    config = load_config(root / "cloud_gateway/deploy/gateway.toml", environ={})
    assert config.backend.kind == "llama"
    assert config.limits.max_body_bytes == 1 << 20
    unit = (root / "cloud_gateway/deploy/edgekit-gateway.service").read_text()
    assert "edgekit-gateway serve --config /etc/edgekit/gateway.toml" in unit
