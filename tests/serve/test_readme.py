"""The README's three-line uses of ``edgekit serve`` (Python, Node, curl), run as written."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ServeProcess

README = Path(__file__).parents[2] / "README.md"
README_URL = "http://127.0.0.1:8080"


def serve_blocks() -> dict[str, str]:
    """The fenced blocks of the README's ``edgekit serve`` section, by language."""
    text = README.read_text()
    section = text.split("## Any app on the device: `edgekit serve`", 1)[1].split("\n## ", 1)[0]
    blocks: dict[str, str] = {}
    for lang, body in re.findall(r"```(\w+)\n(.*?)```", section, flags=re.S):
        key = "curl" if lang == "bash" and body.startswith("curl") else lang
        blocks[key] = body
    return blocks


def test_the_readme_shows_python_node_and_curl() -> None:
    blocks = serve_blocks()
    assert {"python", "js", "curl"} <= set(blocks)
    for lang in ("python", "js"):
        assert len(blocks[lang].strip().splitlines()) == 3
        assert README_URL in blocks[lang]


def test_readme_python(server: ServeProcess) -> None:
    code = serve_blocks()["python"].replace(README_URL, server.url)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip()


def test_readme_node(server: ServeProcess, node: str, tmp_path: Path) -> None:
    script = tmp_path / "readme.mjs"
    script.write_text(serve_blocks()["js"].replace(README_URL, server.url))
    (tmp_path / "node_modules").symlink_to(Path(__file__).parent / "node" / "node_modules")
    done = subprocess.run([node, str(script)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip()


def test_readme_curl(server: ServeProcess) -> None:
    if subprocess.run(["sh", "-c", "command -v curl"], capture_output=True).returncode:
        pytest.skip("curl is not installed")
    done = subprocess.run(
        ["bash", "-c", serve_blocks()["curl"].replace(README_URL, server.url)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    answer = json.loads(done.stdout)
    assert answer["choices"][0]["message"]["content"]
    assert answer["edgekit"]["route"] == "local"
