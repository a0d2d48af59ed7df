"""LoRA adapters on the real edge model: they change the output, switch and roll back."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from edgekit.errors import AdapterError, ConfigError
from edgekit.local import Engine, EngineConfig, GenerationParams
from edgekit.local.lora import LoraAdapter, adapted_model_sha256
from tests.learn.lora_file import lora_gguf

QUESTION = [{"role": "user", "content": "What is the capital of France?"}]
GREEDY = GenerationParams(max_tokens=12)


def answer(engine: Engine) -> tuple[int, ...]:
    return engine.chat(QUESTION, GREEDY).token_ids


def test_adapter_changes_output_and_rollback_restores_it(
    engine: Engine, adapter_file: Path
) -> None:
    base = answer(engine)
    base_sha = engine.model_sha256
    assert base_sha == engine.info.sha256
    assert engine.lora == ()
    engine.set_lora([LoraAdapter(path=adapter_file)])
    adapted = answer(engine)
    assert adapted != base
    assert engine.model_sha256 != base_sha
    assert engine.lora[0].path == adapter_file
    engine.set_lora([LoraAdapter(path=adapter_file, scale=0.0)])
    assert answer(engine) == base  # scale 0: llama.cpp leaves the adapter out
    engine.set_lora([])
    assert answer(engine) == base
    assert engine.model_sha256 == base_sha


def test_adapter_from_config_equals_switching_at_run_time(
    engine: Engine, adapter_file: Path, edge_model_path: Path
) -> None:
    engine.set_lora([LoraAdapter(path=adapter_file)])
    switched = answer(engine)
    sha = engine.model_sha256
    engine.set_lora([])
    config = EngineConfig(
        model=str(edge_model_path), n_ctx=512, n_threads=1, lora=(LoraAdapter(path=adapter_file),)
    )
    with Engine(config) as loaded:
        assert answer(loaded) == switched
        assert loaded.model_sha256 == sha


def test_adapted_identity_depends_on_every_adapter() -> None:
    base = "a" * 64
    assert adapted_model_sha256(base, ()) == base
    one = adapted_model_sha256(base, ("b" * 64,))
    assert one != base
    assert one != adapted_model_sha256(base, ("c" * 64,))
    assert adapted_model_sha256(base, ("b" * 64, "c" * 64)) != one


def _write(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "adapter.gguf"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("tensors", "kwargs", "reason"),
    [
        # factors for a 64-wide model: do not fit the 576-wide edge model
        (
            {
                "blk.0.ffn_down.weight.lora_a": np.zeros((4, 64)),
                "blk.0.ffn_down.weight.lora_b": np.zeros((64, 4)),
            },
            {},
            "base_model",
        ),
        # a layer the model does not have
        (
            {
                "blk.99.ffn_down.weight.lora_a": np.zeros((4, 1536)),
                "blk.99.ffn_down.weight.lora_b": np.zeros((576, 4)),
            },
            {},
            "base_model",
        ),
        # lora_b missing
        ({"blk.0.ffn_down.weight.lora_a": np.zeros((4, 1536))}, {}, "base_model"),
        # another architecture
        (
            {
                "blk.0.ffn_down.weight.lora_a": np.zeros((4, 1536)),
                "blk.0.ffn_down.weight.lora_b": np.zeros((576, 4)),
            },
            {"arch": "qwen2"},
            "base_model",
        ),
        # a model, not an adapter
        ({"blk.0.ffn_down.weight.lora_a": np.zeros((4, 1536))}, {"kind": "model"}, "format"),
        # a tensor that is not a LoRA factor
        ({"token_embd.weight": np.zeros((4, 4))}, {}, "format"),
    ],
)
def test_unfit_adapters_are_refused_before_llama_cpp_and_keep_the_model(
    engine: Engine,
    tmp_path: Path,
    tensors: dict[str, np.ndarray],
    kwargs: dict[str, str],
    reason: str,
) -> None:
    before = answer(engine)
    path = _write(tmp_path, lora_gguf(tensors, **kwargs))
    with pytest.raises(AdapterError) as info:
        engine.set_lora([LoraAdapter(path=path)])
    assert info.value.reason == reason
    assert engine.lora == ()
    assert answer(engine) == before


def test_truncated_and_missing_adapter_files_are_refused(
    engine: Engine, adapter_file: Path, tmp_path: Path
) -> None:
    cut = _write(tmp_path, adapter_file.read_bytes()[:-100])
    for path in (cut, tmp_path / "absent.gguf"):
        with pytest.raises(AdapterError) as info:
            engine.set_lora([LoraAdapter(path=path)])
        assert info.value.reason == "format"


def test_lora_settings_are_validated(adapter_file: Path) -> None:
    with pytest.raises(ConfigError):
        LoraAdapter(path=adapter_file, scale=float("nan"))
    with pytest.raises(ConfigError):
        EngineConfig(lora=[LoraAdapter(path=adapter_file)])  # type: ignore[arg-type]
    with pytest.raises(ConfigError):
        LoraAdapter(path="")  # type: ignore[arg-type]
