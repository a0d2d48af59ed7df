"""Cutting a sequence state into position ranges and joining the pieces back."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edgekit.local import Engine
from edgekit.state.cells import cut_cells, join_cells
from edgekit.state.layout import LayoutError, parse_checked
from tests.state.test_layout import real_state, synthetic


@pytest.mark.parametrize("v_trans", [True, False])
def test_every_cut_joins_back_to_the_same_bytes(v_trans: bool) -> None:
    state = synthetic(cells=9, layers=3, k_dim=8, v_dim=6, v_trans=v_trans)
    for p in range(1, 9):
        head, tail = cut_cells(state, 0, p), cut_cells(state, p)
        assert parse_checked(head).n_cells == p
        assert parse_checked(tail).n_cells == 9 - p
        assert join_cells(head, tail) == state
    middle = cut_cells(state, 2, 5)
    assert join_cells(join_cells(cut_cells(state, 0, 2), middle), cut_cells(state, 5)) == state


def test_real_state_cut_and_joined(device: Engine) -> None:
    state, n = real_state(device, "Cells of a real state, cut in two and joined again. " * 4)
    for p in (1, n // 3, n - 1):
        assert join_cells(cut_cells(state, 0, p), cut_cells(state, p)) == state


def test_pieces_that_do_not_fit_are_refused() -> None:
    a = synthetic(cells=6, layers=2, k_dim=8, v_dim=8, v_trans=True)
    other = synthetic(cells=6, layers=2, k_dim=4, v_dim=8, v_trans=True)
    with pytest.raises(LayoutError):
        join_cells(cut_cells(a, 0, 2), cut_cells(a, 3))  # a gap
    with pytest.raises(LayoutError):
        join_cells(cut_cells(a, 3), cut_cells(a, 0, 3))  # wrong order
    with pytest.raises(LayoutError):
        join_cells(cut_cells(a, 0, 3), cut_cells(other, 3))  # other widths
    for start, stop in ((0, 0), (4, 2), (0, 7), (-1, 3), (6, None)):
        with pytest.raises(LayoutError):
            cut_cells(a, start, stop)


def test_sliding_window_states_are_refused(gemma: Engine) -> None:
    state, _ = real_state(gemma, "A model with a sliding window keeps two caches.")
    with pytest.raises(LayoutError):
        cut_cells(state, 1)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_mutated_states_raise_only_layout_errors(data: st.DataObject) -> None:
    state = bytearray(synthetic(cells=4, layers=2, k_dim=4, v_dim=4, v_trans=True))
    for _ in range(data.draw(st.integers(1, 4))):
        state[data.draw(st.integers(0, len(state) - 1))] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(0, 5))
    try:
        head, tail = cut_cells(bytes(state), 0, cut), cut_cells(bytes(state), cut)
    except LayoutError:
        return
    assert join_cells(head, tail) == bytes(state)
