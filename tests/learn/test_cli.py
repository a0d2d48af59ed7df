"""``edgekit-gateway learn`` and ``edgekit learn`` as an operator and a device owner use them."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from cloud_gateway.__main__ import main as gateway_main
from cloud_gateway.learn.store import PairStore
from edgekit.cli import main as edgekit_main

MODEL = "3c" * 32


def config(tmp_path: Path) -> Path:
    path = tmp_path / "gateway.toml"
    path.write_text(
        "[learn]\ncollect = true\n"
        f'store_path = "{tmp_path / "pairs.db"}"\n'
        f'adapters_dir = "{tmp_path / "adapters"}"\n'
        f'signing_key_path = "{tmp_path / "signing.key"}"\n'
    )
    return path


def test_gateway_status_wipe_key_and_withdraw(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cfg = str(config(tmp_path))
    store = PairStore(tmp_path / "pairs.db", retention_s=3600, max_bytes=1 << 20)
    store.add(MODEL, [{"role": "user", "content": "q"}], "a")
    store.close()
    assert gateway_main(["learn", "status", "-c", cfg]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["collect"] is True
    assert [(m["model_sha256"], m["pairs"]) for m in status["models"]] == [(MODEL, 1)]
    assert gateway_main(["learn", "wipe", "-c", cfg]) == 0
    assert "wiped 1 pair" in capsys.readouterr().out
    assert gateway_main(["learn", "key", "-c", cfg]) == 0
    key = capsys.readouterr().out.split()[0]
    assert len(base64.urlsafe_b64decode(key + "=" * (-len(key) % 4))) == 32
    assert (tmp_path / "signing.key").stat().st_mode & 0o077 == 0
    assert gateway_main(["learn", "withdraw", "-c", cfg, MODEL]) == 1
    assert gateway_main(["learn", "withdraw", "-c", cfg, "not-hex"]) != 0


def test_gateway_train_without_pairs_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], edge_model_path: Path
) -> None:
    pytest.importorskip("peft")
    assert gateway_main(["learn", "train", "-c", str(config(tmp_path)), str(edge_model_path)]) == 2
    assert "no collected pairs" in capsys.readouterr().err


def test_device_trust_status_and_rollback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], edge_model_path: Path
) -> None:
    where = ["--adapters-dir", str(tmp_path / "adapters"), "--model", str(edge_model_path)]
    key = base64.urlsafe_b64encode(bytes(range(32))).decode().rstrip("=")
    assert edgekit_main(["learn", "trust", *where, key]) == 0
    assert "trusting gateway signing key" in capsys.readouterr().out
    assert edgekit_main(["learn", "status", *where]) == 0
    assert json.loads(capsys.readouterr().out)["adapter"] is None
    assert edgekit_main(["learn", "rollback", *where]) == 0
    assert "no adapter was active" in capsys.readouterr().out
    assert edgekit_main(["learn", "trust", *where, "!!"]) != 0
