"""The llama.cpp sequence-state layout: real states and generated ones, round trips."""

from __future__ import annotations

import contextlib
import struct

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from edgekit.local import Engine, GenerationParams
from edgekit.state.layout import (
    PREAMBLE,
    LayoutError,
    parse_checked,
    parse_layout,
    serialize,
    split,
)


def real_state(engine: Engine, text: str) -> tuple[bytes, int]:
    tokens = engine.tokenize(text)
    for _ in engine.stream_tokens(tokens, GenerationParams(max_tokens=1)):
        pass
    return engine.save_state(), len(engine.kv_tokens)


def synthetic(
    cells: int, layers: int, k_dim: int, v_dim: int, v_trans: bool, seed: int = 0
) -> bytes:
    """A state in the documented grammar with f16 K/V."""
    rng = np.random.default_rng(seed)
    out = bytearray(PREAMBLE + struct.pack("<II", 1, cells))
    for pos in range(cells):
        out += struct.pack("<iIi", pos, 1, 0)
    out += struct.pack("<II", int(v_trans), layers)
    for _ in range(layers):
        out += struct.pack("<iQ", 1, 2 * k_dim)
        out += rng.standard_normal(cells * k_dim).astype(np.float16).tobytes()
    for _ in range(layers):
        if v_trans:
            out += struct.pack("<iII", 1, 2, v_dim)
        else:
            out += struct.pack("<iQ", 1, 2 * v_dim)
        out += rng.standard_normal(cells * v_dim).astype(np.float16).tobytes()
    return bytes(out)


def test_real_edge_model_state(device: Engine) -> None:
    state, n = real_state(device, "The layout of a sequence state, parsed for real.")
    layout = parse_checked(state)
    assert layout.total == len(state)
    assert layout.n_cells == n
    assert layout.n_layers == 30
    k = [s for s in layout.segments if s.kind == "k"]
    v = [s for s in layout.segments if s.kind == "v"]
    assert len(k) == len(v) == 30
    assert all((s.rows, s.cols, s.ggml_type) == (n, 192, 1) for s in k)
    assert all((s.rows, s.cols) == (192, n) for s in v)  # V is stored transposed
    assert layout.tensor_bytes == n * 30 * 192 * 2 * 2
    assert serialize(layout, split(layout, state)) == state


def test_real_sliding_window_state(gemma: Engine) -> None:
    state, n = real_state(gemma, "Two caches: the global layers and the sliding-window ones.")
    layout = parse_checked(state)
    assert layout.n_cells == 2 * n  # the global block and the SWA block both hold n cells
    assert sum(1 for s in layout.segments if s.kind == "k") == 18


@settings(max_examples=60, deadline=None)
@given(
    cells=st.integers(1, 9),
    layers=st.integers(1, 4),
    k_dim=st.integers(1, 24),
    v_dim=st.integers(1, 24),
    v_trans=st.booleans(),
)
def test_synthetic_states_parse_and_round_trip(
    cells: int, layers: int, k_dim: int, v_dim: int, v_trans: bool
) -> None:
    state = synthetic(cells, layers, k_dim, v_dim, v_trans)
    layout = parse_checked(state)
    assert layout.n_cells == cells
    assert layout.n_layers == layers
    assert layout.tensor_bytes == cells * layers * (k_dim + v_dim) * 2
    assert sum(s.length for s in layout.segments) == len(state)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_mutated_states_raise_layout_error_or_round_trip(data: st.DataObject) -> None:
    state = bytearray(synthetic(3, 2, 8, 8, True))
    op = data.draw(st.sampled_from(["cut", "flip", "append"]))
    if op == "cut":
        del state[data.draw(st.integers(0, len(state) - 1)) :]
    elif op == "flip":
        i = data.draw(st.integers(0, len(state) - 1))
        state[i] ^= data.draw(st.integers(1, 255))
    else:
        state += data.draw(st.binary(min_size=1, max_size=40))
    try:
        layout = parse_checked(bytes(state))
    except LayoutError:
        return
    assert serialize(layout, split(layout, bytes(state))) == bytes(state)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_never_crash(blob: bytes) -> None:
    with contextlib.suppress(LayoutError):
        parse_layout(PREAMBLE + blob)


def test_unknown_preamble_is_refused() -> None:
    state = bytearray(synthetic(2, 1, 4, 4, False))
    state[0] ^= 1
    with pytest.raises(LayoutError, match="preamble"):
        parse_checked(bytes(state))
