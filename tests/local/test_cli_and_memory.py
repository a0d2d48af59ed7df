"""The local CLI commands and the out-of-memory guard."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from edgekit.cli import main


def test_generate_json_reports_signals(
    capsys: pytest.CaptureFixture[str], edge_model_path: Path
) -> None:
    model = ["--model", str(edge_model_path), "--n-ctx", "256", "--threads", "1"]
    rc = main(["generate", *model, "--max-tokens", "5", "--json", "Name a color."])
    assert rc == 0
    out = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert out["completion_tokens"] <= 5
    assert out["signals"]["n_tokens"] == out["completion_tokens"]
    assert out["signals"]["mean_logprob"] <= 0


def test_models_lists_the_default_model(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["models", "--json", "--no-hash"]) == 0
    rows = {r["name"]: r for r in json.loads(capsys.readouterr().out)}
    assert "smollm2-135m" in rows


def test_bad_model_is_a_clean_cli_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "x.gguf"
    bad.write_text("not a model")
    assert main(["generate", "--model", str(bad), "hi"]) == 1
    assert "ModelFormatError" in capsys.readouterr().err


def test_model_too_big_for_available_memory_is_refused(
    edge_model_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Simulate a small device: 64 MiB available is less than the model file alone."""
    from edgekit.local import Engine, EngineConfig
    from edgekit.local import engine as engine_module
    from edgekit.local.errors import ModelMemoryError

    monkeypatch.setattr(engine_module, "_available_memory", lambda: 64 << 20)
    with pytest.raises(ModelMemoryError) as info:
        Engine(EngineConfig(model=str(edge_model_path), n_ctx=4096))
    assert info.value.required_bytes > edge_model_path.stat().st_size
    assert info.value.available_bytes == 64 << 20


def test_memory_estimate_scales_with_context(edge_model_path: Path) -> None:
    from edgekit.local.engine import _available_memory, kv_cache_bytes
    from edgekit.local.gguf import check_gguf

    header = check_gguf(edge_model_path)
    # SmolLM2-135M: 30 layers, 3 KV heads of 64 dims, f16 keys and values.
    assert kv_cache_bytes(header, 2048) == 2048 * 30 * 3 * (64 + 64) * 2
    assert kv_cache_bytes(header, 4096) == 2 * kv_cache_bytes(header, 2048)
    available = _available_memory()
    assert available is None or available > 0
