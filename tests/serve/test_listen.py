"""Where ``edgekit serve`` listens: a busy address is one clear error, a live socket is kept."""

from __future__ import annotations

import os
import socket
import subprocess
from pathlib import Path

import pytest

from edgekit.errors import ConfigError
from edgekit.serve.server import clear_stale_socket
from tests.serve.conftest import _require_model, edgekit_command, write_config


def test_a_socket_left_by_a_gone_server_is_cleared(tmp_path: Path) -> None:
    path = tmp_path / "serve.sock"
    with socket.socket(socket.AF_UNIX) as gone:
        gone.bind(str(path))  # closed without unlinking: what a killed server leaves
    assert path.is_socket()
    clear_stale_socket(path)
    assert not path.exists()


def test_a_socket_a_live_server_holds_is_refused_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "serve.sock"
    with socket.socket(socket.AF_UNIX) as live:
        live.bind(str(path))
        live.listen()
        with pytest.raises(ConfigError, match="another server is listening on unix:"):
            clear_stale_socket(path)
        assert path.is_socket()


def test_a_file_that_is_no_socket_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "serve.sock"
    path.write_text("notes")
    clear_stale_socket(path)
    clear_stale_socket(tmp_path / "absent.sock")
    assert path.read_text() == "notes"


def test_a_busy_port_is_one_clear_line(tmp_path: Path) -> None:
    _require_model()
    config = write_config(tmp_path / "serve.toml", cloud=None, serve={})
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [*edgekit_command(), "serve", "--config", str(config), "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "EDGEKIT_STATE_DIR": str(tmp_path)},
        )
    assert done.returncode == 1, done.stderr
    expected = (
        f"edgekit: ConfigError: cannot listen on http://127.0.0.1:{port}: address already in use"
    )
    assert expected in done.stderr
    assert "Traceback" not in done.stderr


def test_a_path_that_cannot_be_looked_at_is_left_to_the_bind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def denied(self: Path) -> bool:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "is_socket", denied)  # root may look everywhere: pretend
    clear_stale_socket(tmp_path / "serve.sock")  # no error here; binding names the address
