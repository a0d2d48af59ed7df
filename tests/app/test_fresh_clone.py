"""The README's first command, as a new user runs it: a fresh clone, a fresh venv, a question.

Nothing of the developer's set-up is reused but two machine-wide caches: pip's
(the llama-cpp-python wheel takes minutes to build) and EdgeKit's cache of
assembled models (`EDGEKIT_CACHE_DIR`: the gateway model's 1.1 GB file, which
`edgekit.local.models` writes once from the 22 installed parts and checks by
sha256; sharing it keeps a CI machine from holding a third copy of it, and
assembly itself is tested in tests/local/test_models.py). Not the `.venv`, not
the home directory. The test asserts what the user wants, an
answer, and what they must not get: error lines from set-up, or a dependency
writing telemetry into their home.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from app_support import REPO, readme_commands

from edgekit.local.models import cache_dir

pytestmark = [pytest.mark.slow, pytest.mark.gateway_model, pytest.mark.timeout(1800)]

QUESTION = "What is 738 + 489?"
ANSWER = "1227"


def _fresh_clone(dest: Path) -> Path:
    """Copy what `git clone` of the current tree would hold (tracked + new, not ignored)."""
    listed = (
        subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=REPO,
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .split("\0")
    )
    for rel in filter(None, listed):
        src = REPO / rel
        if src.is_file():  # a file deleted in the work tree but still tracked is skipped
            target = dest / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, target)
    return dest


def _pip_cache_dir() -> str:
    out = subprocess.run(
        [str(REPO / ".venv" / "bin" / "python"), "-m", "pip", "cache", "dir"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return out or str(Path.home() / ".cache" / "pip")


def _fresh_env(home: Path) -> dict[str, str]:
    """The caller's environment without any trace of a virtualenv, with a new home."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("VIRTUAL_ENV", "PYTHON", "EDGEKIT_", "XDG_", "ORT_"))
        and k not in ("CI", "DO_NOT_TRACK", "GITHUB_ACTIONS", "TF_BUILD")
    }  # as on a laptop
    paths = [
        p
        for p in env.get("PATH", "/usr/bin:/bin").split(os.pathsep)
        if p and not (Path(p).parent / "pyvenv.cfg").exists()
    ]
    env.update(
        PATH=os.pathsep.join(paths),
        HOME=str(home),
        PIP_CACHE_DIR=_pip_cache_dir(),
        EDGEKIT_CACHE_DIR=str(cache_dir()),
    )
    return env


def _megabytes(path: Path) -> int:
    return (
        sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink()) >> 20
    )


def _drop_weights(clone: Path, home: Path) -> None:
    """Free the ~1.6 GB of packages and models; keep set-up's log for a failure's reader."""
    shutil.rmtree(clone / ".venv" / "lib", ignore_errors=True)
    shutil.rmtree(home / ".cache" / "edgekit", ignore_errors=True)


def test_readme_first_command_answers_on_a_fresh_clone(tmp_path: Path) -> None:
    setup_and_run, _ = readme_commands()
    assert "\n" not in setup_and_run
    clone = _fresh_clone(tmp_path / "edgekit")
    home = tmp_path / "home"
    home.mkdir()
    started = time.monotonic()
    try:
        proc = subprocess.run(
            ["bash", "-c", setup_and_run],
            input=QUESTION + "\n",
            capture_output=True,
            text=True,
            env=_fresh_env(home),
            cwd=clone,
            timeout=1700,
            check=False,
        )
        elapsed = time.monotonic() - started
        # shown with -s / -rA
        print(
            f"README first command on a fresh venv: {elapsed:.0f} s;"
            f" .venv {_megabytes(clone / '.venv')} MB, home {_megabytes(home)} MB"
        )
    finally:
        _drop_weights(clone, home)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-3000:]
    setup_out, _, answer = proc.stdout.partition("edgekit setup: ready")
    assert answer, proc.stdout[-2000:]
    # The user's question is answered, right, by the default path (cascade → gateway).
    assert re.search(rf"\b{ANSWER}\b", answer.replace(",", "")), answer
    # Set-up says nothing a newcomer reads as a failure.
    for line in (setup_out + proc.stderr).splitlines():
        assert not line.startswith(("ERROR", "Traceback")), line
        assert "Error" not in line.split(":")[0], line
    # No dependency left a device id or a telemetry queue in the user's home.
    assert not (home / ".cache" / "Microsoft").exists()
    assert not list(home.rglob("*telemetry*"))
