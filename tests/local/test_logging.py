"""llama.cpp's own logging goes to Python logging, and nothing reaches the terminal."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest


def test_llama_cpp_logs_are_routed_and_silent(
    edge_model_path: Path, capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    from edgekit.local import Engine, EngineConfig, GenerationParams

    config = EngineConfig(model=str(edge_model_path), n_ctx=128, n_threads=1)
    with caplog.at_level(logging.DEBUG, logger="edgekit.llama_cpp"), Engine(config) as engine:
        engine.complete("Hi", GenerationParams(max_tokens=2))
    out, err = capfd.readouterr()
    assert out == ""
    assert err == ""
    records = [r for r in caplog.records if r.name == "edgekit.llama_cpp"]
    assert records, "llama.cpp's load messages should arrive as log records"
    assert all(r.levelno == logging.DEBUG for r in records)  # demoted unless verbose


def test_importing_edgekit_local_does_not_import_llama_cpp() -> None:
    code = (
        "import sys, edgekit.local as m; m.EngineConfig; m.summarize; "
        "print('llama_cpp' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "False"
