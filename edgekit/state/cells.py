"""Cut a sequence state into position ranges and join the pieces back.

A split hand-off (see ``docs/kv-state.md``) prefills the start of a prompt on
the device while the gateway sends the state of the rest; the device then
joins its own cells with the gateway's and loads the whole. Both operations
work on the layout of :mod:`edgekit.state.layout` for one cache block with one
stream whose cells each belong to one sequence (what ``llama_state_seq_get_data``
writes for a model without a sliding window); anything else raises
:class:`~edgekit.state.layout.LayoutError`, and callers fall back to a whole
hand-off.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from edgekit.state.layout import PREAMBLE, LayoutError, parse_layout

_CELL = struct.Struct("<iIi")  # pos, n_seq_id (= 1), seq_id
_ROW_HEAD = struct.Struct("<iQ")  # type, bytes per cell
_VT_HEAD = struct.Struct("<iII")  # type, bytes per element, channels


@dataclass(frozen=True)
class _Layer:
    """One K or V tensor: its header bytes and its data as (rows, bytes) ``uint8``.

    Cells are rows (K, untransposed V) or runs of ``per_cell`` bytes inside
    every row (transposed V, one row per channel).
    """

    head: bytes
    data: npt.NDArray[np.uint8]
    by_row: bool
    per_cell: int

    def cells(self, a: int, b: int) -> npt.NDArray[np.uint8]:
        if self.by_row:
            return self.data[a:b]
        return self.data[:, a * self.per_cell : b * self.per_cell]


@dataclass(frozen=True)
class _State:
    cells: bytes  # cell_count records of _CELL
    positions: tuple[int, ...]
    v_trans: int
    k: tuple[_Layer, ...]
    v: tuple[_Layer, ...]

    def shape(self) -> tuple[object, ...]:
        """Everything two states must share to be joined."""
        return (self.v_trans, tuple(x.head for x in self.k), tuple(x.head for x in self.v))


def _parse(data: bytes) -> _State:
    layout = parse_layout(data)  # bounds every length; refuses what it does not cover
    view = memoryview(data)
    pos = len(PREAMBLE)
    n_stream, count = struct.unpack_from("<II", view, pos)
    pos += 8
    if n_stream != 1 or count == 0:
        raise LayoutError("only a one-stream, non-empty state can be cut")
    records = view[pos : pos + count * _CELL.size]
    if len(records) != count * _CELL.size:
        raise LayoutError("sequence state is truncated")
    positions = []
    for p, n_seq, _seq in _CELL.iter_unpack(records):
        if n_seq != 1:
            raise LayoutError("only cells of one sequence can be cut")
        positions.append(p)
    if positions != list(range(positions[0], positions[0] + count)):
        raise LayoutError("cell positions are not one ascending run")
    pos += len(records)
    v_trans, n_layer = struct.unpack_from("<II", view, pos)
    pos += 8
    k, pos = _layers(view, pos, n_layer, count, transposed=False)
    v, pos = _layers(view, pos, n_layer, count, transposed=bool(v_trans))
    if pos != len(view) or layout.n_cells != count:
        raise LayoutError("only a single-block state can be cut")
    return _State(bytes(records), tuple(positions), v_trans, k, v)


def _layers(
    view: memoryview, pos: int, n_layer: int, count: int, *, transposed: bool
) -> tuple[tuple[_Layer, ...], int]:
    out = []
    for _ in range(n_layer):
        if transposed:
            _type, el, channels = _VT_HEAD.unpack_from(view, pos)
            head = bytes(view[pos : pos + _VT_HEAD.size])
            pos += _VT_HEAD.size
            size = channels * count * el
            raw = np.frombuffer(view, np.uint8, size, pos).reshape(channels, count * el)
            out.append(_Layer(head, raw, by_row=False, per_cell=el))
        else:
            _type, row = _ROW_HEAD.unpack_from(view, pos)
            head = bytes(view[pos : pos + _ROW_HEAD.size])
            pos += _ROW_HEAD.size
            size = count * row
            raw = np.frombuffer(view, np.uint8, size, pos).reshape(count, row)
            out.append(_Layer(head, raw, by_row=True, per_cell=row))
        pos += size
    return tuple(out), pos


def _build(
    cells: bytes, v_trans: int, k: list[tuple[bytes, npt.NDArray[np.uint8]]],
    v: list[tuple[bytes, npt.NDArray[np.uint8]]],
) -> bytes:
    count = len(cells) // _CELL.size
    parts: list[bytes] = [PREAMBLE, struct.pack("<II", 1, count), cells,
                          struct.pack("<II", v_trans, len(k))]
    for head, data in (*k, *v):
        parts.append(head)
        parts.append(np.ascontiguousarray(data).tobytes())
    return b"".join(parts)


def cut_cells(data: bytes, start: int, stop: int | None = None) -> bytes:
    """The state of the cells at positions ``start <= pos < stop`` (``stop``: to the end)."""
    s = _parse(data)
    first = s.positions[0]
    end = first + len(s.positions)
    stop = end if stop is None else stop
    if not first <= start < stop <= end:
        raise LayoutError(f"cells {start}..{stop} are not inside {first}..{end}")
    a, b = start - first, stop - first
    cells = s.cells[a * _CELL.size : b * _CELL.size]
    return _build(
        cells, s.v_trans,
        [(x.head, x.cells(a, b)) for x in s.k], [(x.head, x.cells(a, b)) for x in s.v],
    )


def join_cells(head: bytes, tail: bytes) -> bytes:
    """One state: the cells of ``head``, then those of ``tail``, which must follow on."""
    h, t = _parse(head), _parse(tail)
    if h.shape() != t.shape():
        raise LayoutError("the two states differ in layers, types or widths")
    if t.positions[0] != h.positions[-1] + 1:
        raise LayoutError("the tail's cells do not follow the head's")
    n, m = len(h.positions), len(t.positions)

    def both(x: _Layer, y: _Layer) -> npt.NDArray[np.uint8]:
        return np.concatenate((x.cells(0, n), y.cells(0, m)), axis=0 if x.by_row else 1)

    return _build(
        h.cells + t.cells, h.v_trans,
        [(x.head, both(x, y)) for x, y in zip(h.k, t.k, strict=True)],
        [(x.head, both(x, y)) for x, y in zip(h.v, t.v, strict=True)],
    )
