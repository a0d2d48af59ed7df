"""The chat app splits the CPU between the device model and the embedded gateway's model."""

from __future__ import annotations

import pytest

from edgekit.app.options import parse_options, thread_split


@pytest.mark.parametrize(
    ("argv", "cpus", "expected"),
    [
        ([], 2, (1, 1)),  # embedded llama gateway: half each
        ([], 4, (2, 2)),
        ([], 1, (1, 1)),  # never zero threads
        (["--threads", "3"], 4, (3, None)),  # the user's choice; the gateway keeps its own
        (["--no-gateway"], 4, (None, None)),  # alone on the machine: the engine's own default
        (["--gateway", "http://gw.example:8080"], 4, (None, None)),  # the gateway is elsewhere
        (["--gateway-backend", "echo"], 4, (None, None)),  # an echo gateway runs no model
    ],
)
def test_thread_split(argv: list[str], cpus: int, expected: tuple[int | None, int | None]) -> None:
    assert thread_split(parse_options(argv), cpus) == expected


def test_threads_must_be_positive(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        parse_options(["--threads", "0"])
    assert "greater than 0" in capsys.readouterr().err
