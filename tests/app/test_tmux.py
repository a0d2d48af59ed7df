"""The interactive chat, driven like a person would: keys into a real terminal (tmux).

Skipped, with the reason, when tmux is not installed.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator

import pytest
from app_support import APP, FAST, REPO, Gateway, requires_edge_model

EMAIL = "grace.hopper@example.com"

pytestmark = [
    pytest.mark.skipif(
        shutil.which("tmux") is None, reason="tmux is not installed (apt-get install tmux)"
    ),
    requires_edge_model,
]


class Pane:
    """A tmux session running one command; send keys, read the screen.

    Each pane lives on its own tmux server socket (``-L``), so the tests never
    touch a developer's tmux sessions, and ``-u`` makes tmux speak UTF-8
    whatever the locale says.
    """

    def __init__(self, command: list[str], env: dict[str, str]) -> None:
        self.name = f"edgekit-test-{uuid.uuid4().hex[:8]}"
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items() if k in _PASSED_ENV)
        shell = f"cd {shlex.quote(str(REPO))} && env {exports} {shlex.join(command)}; sleep 60"
        self._tmux("new-session", "-d", "-s", self.name, "-x", "120", "-y", "50", shell)

    def _tmux(self, *args: str) -> str:
        out = subprocess.run(
            ["tmux", "-u", "-L", self.name, *args], capture_output=True, text=True, check=True
        )
        return out.stdout

    def send(self, text: str) -> None:
        self._tmux("send-keys", "-t", self.name, "-l", text)
        self._tmux("send-keys", "-t", self.name, "Enter")

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-J", "-S", "-2000", "-t", self.name)

    def wait_for(self, done: Callable[[str], bool], timeout: float = 60.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            text = self.screen()
            if done(text):
                return text
            time.sleep(0.25)
        raise AssertionError("timed out; screen was:\n" + self.screen())

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.name, "kill-server"], check=False, capture_output=True)


_PASSED_ENV = (
    "HOME",
    "XDG_CONFIG_HOME",
    "XDG_STATE_HOME",
    "EDGEKIT_CACHE_DIR",
    "EDGEKIT_STATE_DIR",
    "PYTHONUNBUFFERED",
    "TERM",
    "PATH",
    "LANG",
    "LC_ALL",
)


@pytest.fixture
def pane_factory(app_env: dict[str, str]) -> Iterator[Callable[[list[str]], Pane]]:
    panes: list[Pane] = []

    def make(args: list[str]) -> Pane:
        pane = Pane([sys.executable, str(APP), *args], app_env)
        panes.append(pane)
        return pane

    yield make
    for pane in panes:
        pane.close()


def _count(marker: str, at_least: int) -> Callable[[str], bool]:
    return lambda text: text.count(marker) >= at_least


def test_interactive_chat_answers_goes_offline_and_explains(
    pane_factory: Callable[[list[str]], Pane], gateway: Gateway
) -> None:
    pane = pane_factory(["--gateway", gateway.url, "--no-tour", *FAST])
    pane.wait_for(lambda s: "/help for commands" in s, timeout=60)

    pane.send("What is the capital of France?")
    screen = pane.wait_for(_count("└", 1), timeout=90)
    assert "you › What is the capital of France?" in screen
    status = screen[screen.index("└") :].splitlines()[0]
    assert any(origin in status for origin in ("device", "cloud", "hand-off"))
    assert " s · " in status
    assert "masked:" in status

    before = len(gateway.backend.requests)
    pane.send("/route cloud")
    pane.wait_for(lambda s: "route: cloud" in s)
    pane.send(f"Please write to {EMAIL} about the meeting")
    screen = pane.wait_for(_count("└", 2), timeout=90)
    status = screen[screen.rindex("└") :].splitlines()[0]
    assert "cloud" in status
    assert "OHTTP" in status
    assert "masked: EMAIL×1" in status
    assert len(gateway.backend.requests) == before + 1
    assert EMAIL not in gateway.backend.seen_text()
    pane.send("/privacy")
    screen = pane.wait_for(lambda s: "⟨EMAIL: mask⟩" in s)
    assert "never" in screen or "stay on this device" in screen

    pane.send("/route auto")
    pane.send("/offline")
    pane.wait_for(lambda s: "link down (simulated)" in s)
    pane.send("What is two plus two?")
    screen = pane.wait_for(_count("└", 3), timeout=90)
    second = screen[screen.rindex("└") :].splitlines()[0]
    assert "cloud" not in second.split("·")[0], second  # offline: the answer came from the device
    assert "device" in second

    pane.send("/why")
    screen = pane.wait_for(lambda s: "why this route" in s and "latency by stage" in s)
    assert "strategy" in screen
    assert "reason" in screen

    pane.send("/online")
    pane.wait_for(lambda s: "link restored" in s)
    pane.send("/quit")
    pane.wait_for(lambda s: "bye." in s)
