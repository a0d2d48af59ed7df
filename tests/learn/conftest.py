"""Fixtures of the learning tests: a private engine (adapters change its state)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.learn.lora_file import random_lora


@pytest.fixture(scope="module")
def engine(edge_model_path: Path) -> Iterator[object]:
    """A small private engine on the default edge model (by name: its shipped calibration)."""
    from edgekit.local import Engine, EngineConfig

    with Engine(EngineConfig(n_ctx=512, n_threads=1)) as eng:
        yield eng


@pytest.fixture(scope="module")
def adapter_file(edge_model_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A random LoRA adapter that fits the edge model."""
    path = tmp_path_factory.mktemp("lora") / "random.gguf"
    path.write_bytes(random_lora(edge_model_path))
    return path
