"""The chat app's responder streams local answers token by token (issue 15, item 5).

``--no-gateway`` and ``/route local`` both answer with ``strategy="local_only"``
through the public client; the pieces reach the UI as they are generated, and
stopping (Ctrl-C in the app) stops the generation.
"""

from __future__ import annotations

import time
from typing import Any

import pytest

from edgekit.app.events import Piece
from edgekit.app.options import AppOptions

ASK = [{"role": "user", "content": "Write a long essay about the history of Rome."}]


@pytest.fixture(scope="module")
def responder(edge_engine: Any) -> Any:  # edge_engine: skips where the model is missing
    from edgekit.app.client_responder import ClientResponder

    app = ClientResponder(AppOptions(embedded_gateway=False, threads=1, max_tokens=64), None)
    yield app
    app.close()


@pytest.mark.parametrize("route", ["auto", "local"])
def test_no_gateway_answers_stream_token_by_token(responder: Any, route: str) -> None:
    seen: list[float] = []

    def on_event(event: object) -> None:
        if isinstance(event, Piece):
            seen.append(time.perf_counter())

    started = time.perf_counter()
    answer = responder.respond(ASK, route=route, offline=False, on_event=on_event)
    done = time.perf_counter()
    assert answer.decision["strategy"] == "local_only"
    assert answer.decision["route"] == "local"
    assert len(seen) >= 20  # one event per token, not one at the end
    assert seen[0] - started < (done - started) / 3
    assert answer.decision["finish_reason"] == "length"  # 64 tokens of an essay: cut, and marked


def test_stopping_early_stops_the_generation(responder: Any) -> None:
    pieces = 0

    def on_event(event: object) -> None:
        nonlocal pieces
        if isinstance(event, Piece):
            pieces += 1
            if pieces == 3:
                raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        responder.respond(ASK, route="local", offline=False, on_event=on_event)
    engine = responder._engine
    deadline = time.monotonic() + 5.0
    while engine.lock.locked() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not engine.lock.locked()
    again = responder.respond(
        [{"role": "user", "content": "Hi"}],
        route="local",
        offline=False,
        on_event=lambda event: None,
    )
    assert again.text
