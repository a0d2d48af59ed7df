"""``edgekit keys``: generate, show, rotate, device keys (through the real dispatcher)."""

from __future__ import annotations

import base64
import stat
from pathlib import Path

import pytest

from edgekit.cli import main
from edgekit.secure import ohttp
from edgekit.secure.identity import DeviceKey


def test_keys_lifecycle(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ring_path = tmp_path / "gateway" / "keys.json"
    assert main(["keys", "generate", str(ring_path), "--key-id", "9"]) == 0
    assert stat.S_IMODE(ring_path.stat().st_mode) == 0o600
    assert main(["keys", "generate", str(ring_path)]) == 1  # refuses to overwrite
    capsys.readouterr()

    assert main(["keys", "show", str(ring_path)]) == 0
    out = capsys.readouterr().out
    blob = base64.b64decode(out.strip().splitlines()[-1].strip())
    [config] = ohttp.decode_key_configs(blob)
    assert config.key_id == 9

    assert main(["keys", "rotate", str(ring_path), "--grace", "3600"]) == 0
    ring = ohttp.ServerKeyring.load(ring_path)
    assert len(ring.key_configs()) == 2
    assert ring.keys[1].key_id == 9
    assert ring.keys[1].retire_at is not None
    capsys.readouterr()
    assert main(["keys", "show", str(ring_path), "--format", "hex"]) == 0
    hex_out = capsys.readouterr().out.strip().splitlines()[-1].strip()
    assert bytes.fromhex(hex_out) == ring.encoded_key_configs()
    secret = ring.current.private_key.private_bytes()
    assert base64.b64encode(secret).decode() not in out + hex_out
    # The lines of a device's pin file: one SHA-256 per live key configuration.
    assert main(["keys", "show", str(ring_path), "--format", "pins"]) == 0
    pins = capsys.readouterr().out.split()
    assert pins == ohttp.key_config_digests(ring.encoded_key_configs())
    assert len(pins) == 2


def test_device_key_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "device.pem"
    assert main(["keys", "device", "create", str(path)]) == 0
    key = DeviceKey.load(path)
    assert main(["keys", "device", "show", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"key_id={key.key_id}" in out
    assert main(["keys", "device", "create", str(path), "--rotate"]) == 0
    assert DeviceKey.load(path).key_id != key.key_id
    assert main(["keys", "show", str(tmp_path / "missing.json")]) == 1
