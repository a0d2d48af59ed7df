"""Hidden-state read-out on the real model: same answer, states at the first positions only."""

from __future__ import annotations

import numpy as np
import pytest

from edgekit.errors import CalibrationError, ConfigError
from edgekit.local import Engine, GenerationParams
from edgekit.routing.probe import pool_states

QUESTION = [{"role": "user", "content": "What is the capital of Japan?"}]


def test_read_out_leaves_the_answer_unchanged_and_is_deterministic(edge_engine: Engine) -> None:
    edge_engine.reset()
    plain = edge_engine.chat(QUESTION, GenerationParams(max_tokens=10))
    edge_engine.reset()
    first = edge_engine.chat(QUESTION, GenerationParams(max_tokens=10, hidden_states=5))
    again = edge_engine.chat(QUESTION, GenerationParams(max_tokens=10, hidden_states=5))
    assert first.token_ids == plain.token_ids
    assert first.text == plain.text
    assert plain.hidden == ()
    width = edge_engine._handle.n_embd
    assert [h.shape for h in first.hidden] == [(width,)] * 5
    assert all(np.all(np.isfinite(h)) and np.linalg.norm(h) > 1.0 for h in first.hidden)
    # a prefix-cache hit re-evaluates the prompt's last token: the same states
    pairs = zip(first.hidden, again.hidden, strict=True)
    assert all(np.allclose(a, b, rtol=1e-3, atol=1e-3) for a, b in pairs)
    # distinct positions, distinct states
    assert not np.allclose(first.hidden[0], first.hidden[1])
    assert not edge_engine._handle.embeddings_on


def test_short_answers_and_stream_events_carry_states(edge_engine: Engine) -> None:
    params = GenerationParams(max_tokens=2, hidden_states=6)
    events = list(edge_engine.stream_chat(QUESTION, params))
    assert [e.hidden is not None for e in events] == [True, True]
    assert not edge_engine._handle.embeddings_on  # switched off although 6 were asked for
    params = GenerationParams(max_tokens=4, hidden_states=1)
    events = list(edge_engine.stream_chat(QUESTION, params))
    assert [e.hidden is not None for e in events] == [True, False, False, False]


def test_pool_states_and_bad_parameters() -> None:
    a, b, c = (np.full(4, v, dtype=np.float32) for v in (1.0, 2.0, 4.0))
    assert pool_states([a, b, c]).tolist() == [1, 1, 1, 1, 3, 3, 3, 3]
    assert pool_states([a, b, c], answer_tokens=1).tolist() == [1, 1, 1, 1, 2, 2, 2, 2]
    assert pool_states([a]).tolist() == [1.0] * 8
    with pytest.raises(CalibrationError):
        pool_states([])
    with pytest.raises(CalibrationError):
        pool_states([a, np.zeros(3, dtype=np.float32)])
    for bad in (-1, 65):
        with pytest.raises(ConfigError):
            GenerationParams(hidden_states=bad)
