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
_CELLS_AT = len(PREAMBLE) + 8  # after n_stream and cell_count


@dataclass(frozen=True)
class _Tensor:
    """One K or V tensor as (rows, bytes) ``uint8``: its cells are rows, or
    (transposed V, one row per channel) equal runs of bytes inside every row."""

    data: npt.NDArray[np.uint8]
    by_row: bool

    def cells(self, a: int, b: int, count: int) -> npt.NDArray[np.uint8]:
        if self.by_row:
            return self.data[a:b]
        per_cell = self.data.shape[1] // count
        return self.data[:, a * per_cell : b * per_cell]

    def join(self, other: bytes | _Tensor) -> npt.NDArray[np.uint8]:
        """This tensor's cells, then ``other``'s."""
        if not isinstance(other, _Tensor):
            raise LayoutError("the two states differ in layers")
        return np.concatenate((self.data, other.data), axis=0 if self.by_row else 1)

    def width(self) -> int:
        """Bytes per cell row (by row) or channels (transposed): what must match to join."""
        return int(self.data.shape[1] if self.by_row else self.data.shape[0])


@dataclass(frozen=True)
class _State:
    """A state as :func:`~edgekit.state.layout.parse_layout` splits it, around its cells.

    ``rest`` is the structure between the cell records and the first K tensor
    (``v_trans``, ``n_layer``, the first K header); ``parts`` are the later
    segments in order: structure bytes (layer headers) and tensors.
    """

    positions: tuple[int, ...]
    cells: bytes
    rest: bytes
    parts: tuple[bytes | _Tensor, ...]

    def shape(self) -> tuple[object, ...]:
        """Everything two states must share to be joined."""
        return (self.rest, tuple(x if isinstance(x, bytes) else x.width() for x in self.parts))

    def cut(self, a: int, b: int) -> list[bytes | npt.NDArray[np.uint8]]:
        n = len(self.positions)
        return [x if isinstance(x, bytes) else x.cells(a, b, n) for x in self.parts]


def _parse(data: bytes) -> _State:
    layout = parse_layout(data)  # bounds every length; refuses what it does not cover
    view = memoryview(data)
    n_stream, count = struct.unpack_from("<II", view, len(PREAMBLE))
    tensors = list(layout.tensors())
    if n_stream != 1 or count == 0 or layout.n_cells != count:
        raise LayoutError("only a single-block, one-stream, non-empty state can be cut")
    if len(tensors) != 2 * layout.n_layers:
        raise LayoutError("only float K/V caches can be cut")
    end = _CELLS_AT + count * _CELL.size
    positions = []
    for p, n_seq, _seq in _CELL.iter_unpack(view[_CELLS_AT:end]):
        if n_seq != 1:
            raise LayoutError("only cells of one sequence can be cut")
        positions.append(p)
    if positions != list(range(positions[0], positions[0] + count)):
        raise LayoutError("cell positions are not one ascending run")
    (v_trans,) = struct.unpack_from("<I", view, end)
    parts: list[bytes | _Tensor] = []
    for seg in layout.segments[1:]:  # the first is the structure up to the first K tensor
        raw = np.frombuffer(view, np.uint8, seg.length, seg.offset)
        if seg.is_tensor:
            by_row = seg.kind == "k" or not v_trans
            parts.append(_Tensor(raw.reshape(seg.rows, -1), by_row))
        else:
            parts.append(bytes(raw))
    return _State(
        tuple(positions),
        bytes(view[_CELLS_AT:end]),
        bytes(view[end : tensors[0].offset]),
        tuple(parts),
    )


def _build(s: _State, cells: bytes, parts: list[bytes | npt.NDArray[np.uint8]]) -> bytes:
    """The state with these cell records and these (cut or joined) segments."""
    count = len(cells) // _CELL.size
    out: list[bytes] = [PREAMBLE, struct.pack("<II", 1, count), cells, s.rest]
    out += [x if isinstance(x, bytes) else np.ascontiguousarray(x).tobytes() for x in parts]
    return b"".join(out)


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
    return _build(s, cells, s.cut(a, b))


def join_cells(head: bytes, tail: bytes) -> bytes:
    """One state: the cells of ``head``, then those of ``tail``, which must follow on."""
    h, t = _parse(head), _parse(tail)
    if h.shape() != t.shape():
        raise LayoutError("the two states differ in layers, types or widths")
    if t.positions[0] != h.positions[-1] + 1:
        raise LayoutError("the tail's cells do not follow the head's")

    joined: list[bytes | npt.NDArray[np.uint8]] = []
    for x, y in zip(h.parts, t.parts, strict=True):  # equal shapes: same kinds in order
        joined.append(x if isinstance(x, bytes) else x.join(y))
    return _build(h, h.cells + t.cells, joined)
