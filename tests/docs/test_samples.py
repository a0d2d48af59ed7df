"""Every Python sample in the README and in docs/ runs, as written, against real things.

The blocks of one page run in order in one fresh interpreter (a later block may
use what an earlier one defined), with a fresh home and a temporary working
directory. Gateway addresses in a sample (``gateway.example``,
``gw.example.net``, ``127.0.0.1:8080``) are replaced by a real gateway on
loopback (echo backend, open enrolment), so a sample's escalation really
crosses OHTTP. A block that cannot run here, or that another test runs, is
preceded by ``<!-- sample: not run: REASON -->`` or ``<!-- sample: tested in
PATH -->``; the reason is required, and a "tested in" file must exist.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
PAGES = sorted([REPO / "README.md", *(REPO / "docs").glob("*.md"), REPO / "examples" / "README.md"])
_BLOCK = re.compile(
    r"(?P<marker><!--\s*sample:(?P<note>.*?)-->\s*\n)?```python\n(?P<code>.*?)```", re.DOTALL
)
_HOSTS = re.compile(r"https?://(?:gateway\.example|gw\.example\.net(?::\d+)?|127\.0\.0\.1:8080)")


def _blocks(page: Path) -> list[tuple[str | None, str]]:
    """(marker note or None, code) of each ```python block of ``page``."""
    text = page.read_text(encoding="utf-8")
    return [(m["note"].strip() if m["marker"] else None, m["code"]) for m in _BLOCK.finditer(text)]


def _runnable(page: Path) -> str:
    """The page's unmarked blocks, joined into one program."""
    return "\n\n".join(code for note, code in _blocks(page) if note is None)


@pytest.fixture(scope="module")
def gateway_url() -> Iterator[str]:
    """A real gateway on 127.0.0.1 (echo backend, open enrolment)."""
    from cloud_gateway.backends.echo import EchoBackend
    from cloud_gateway.config import config_from_mapping
    from cloud_gateway.embedded import EmbeddedGateway

    config = config_from_mapping(
        {"auth": {"open_enrolment": True}, "backend": {"kind": "echo"}}, environ={}
    )
    with EmbeddedGateway(config, backend=EchoBackend()) as gateway:
        yield gateway.url


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("EDGEKIT_CACHE_DIR", str(Path.home() / ".cache" / "edgekit" / "models"))
    env.update(HOME=str(home), PYTHONUNBUFFERED="1")
    for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME"):
        env.pop(name, None)
    return env


@pytest.mark.parametrize("page", [p for p in PAGES if _blocks(p)], ids=lambda p: p.name)
def test_python_samples_run(page: Path, gateway_url: str, tmp_path: Path) -> None:
    program = _runnable(page)
    if not program.strip():
        pytest.skip(f"every sample of {page.name} is marked as run elsewhere or not runnable")
    program = _HOSTS.sub(gateway_url, program)
    home = tmp_path / "home"
    home.mkdir()
    proc = subprocess.run(
        [sys.executable, "-c", program],
        cwd=tmp_path,
        env=_env(home),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, f"{page.name}:\n{proc.stderr[-3000:]}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_markers_give_a_reason(page: Path) -> None:
    for note, _ in _blocks(page):
        if note is None:
            continue
        separator = ":" if note.startswith("not run") else " in "
        rest = note.partition(separator)[2]
        assert rest.strip(), f"{page.name}: a sample marker needs a reason: {note!r}"
        if note.startswith("tested in"):
            assert (REPO / rest.strip()).exists(), f"{page.name}: no such test {rest.strip()}"


def test_the_readme_sample_answers(gateway_url: str, tmp_path: Path) -> None:
    """The README's first Python sample prints an answer and a decision (not only runs)."""
    _, code = next(b for b in _blocks(REPO / "README.md") if b[0] is None)
    home = tmp_path / "home"
    home.mkdir()
    proc: Any = subprocess.run(
        [sys.executable, "-c", _HOSTS.sub(gateway_url, code)],
        cwd=tmp_path,
        env=_env(home),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    lines = proc.stdout.strip().splitlines()
    assert len(lines) >= 2, proc.stdout
    assert "route" in proc.stdout
