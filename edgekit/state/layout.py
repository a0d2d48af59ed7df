"""The byte layout of a llama.cpp sequence state (llama-cpp-python 0.3.36).

``llama_state_seq_get_data`` writes, for a KV-cache memory (see
``docs/kv-state.md``)::

    preamble   u32 0xAF143CD8, u32 0          (constant in the pinned build)
    then one block per cache (one; two for sliding-window models: global, SWA):
    n_stream   u32
    per stream:
      cell_count u32                           (no more fields when 0)
      per cell:  pos i32, n_seq_id u32, n_seq_id × seq_id i32
      v_trans u32 (0/1), n_layer u32
      per layer: K type i32, K row bytes u64, cell_count × row bytes
      v_trans=0, per layer: V type i32, V row bytes u64, cell_count × row bytes
      v_trans=1, per layer: V type i32, V element bytes u32, n_embd_v u32,
                            n_embd_v × cell_count × element bytes (one row per channel)

:func:`parse_layout` accepts only bytes that this grammar
covers exactly and that :func:`serialize` turns back into the same bytes; any
other input raises :class:`LayoutError`, and callers fall back to lossless.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from edgekit.errors import LayoutError as LayoutError

PREAMBLE = struct.pack("<II", 0xAF143CD8, 0)
MAX_STREAMS = 64
MAX_LAYERS = 4096
MAX_SEQ_IDS = 256
MAX_BLOCKS = 8

# ggml type ids of the float cache types and their element sizes.
GGML_F32 = 0
GGML_F16 = 1
GGML_BF16 = 30
FLOAT_TYPES = {GGML_F32: 4, GGML_F16: 2, GGML_BF16: 2}

SegmentKind = Literal["raw", "k", "v"]


@dataclass(frozen=True, slots=True)
class Segment:
    """A byte range of the state: structure (``raw``) or one layer's K or V tensor.

    Tensor segments have ``rows × cols`` elements of ggml type ``ggml_type``:
    K is (cells, channels); V is (channels, cells) when transposed, else
    (cells, channels).
    """

    kind: SegmentKind
    offset: int
    length: int
    ggml_type: int = -1
    rows: int = 0
    cols: int = 0

    @property
    def end(self) -> int:
        return self.offset + self.length

    @property
    def is_tensor(self) -> bool:
        return self.kind != "raw"


@dataclass(frozen=True, slots=True)
class StateLayout:
    """Segments covering the whole state, in order, without gaps."""

    total: int
    segments: tuple[Segment, ...]
    n_cells: int
    n_layers: int

    @property
    def tensor_bytes(self) -> int:
        """Bytes of K/V data (the rest is structure)."""
        return sum(s.length for s in self.segments if s.is_tensor)

    def tensors(self) -> Iterator[Segment]:
        return (s for s in self.segments if s.is_tensor)


class _Reader:
    def __init__(self, data: memoryview) -> None:
        self.data = data
        self.pos = 0

    def take(self, fmt: str) -> tuple[int, ...]:
        size = struct.calcsize(fmt)
        if self.pos + size > len(self.data):
            raise LayoutError("sequence state is truncated")
        values = struct.unpack_from(fmt, self.data, self.pos)
        self.pos += size
        return values

    def skip(self, n: int) -> None:
        if n < 0 or self.pos + n > len(self.data):
            raise LayoutError("sequence state is truncated")
        self.pos += n


class _Builder:
    """Collects segments, merging adjacent structure bytes into one raw segment."""

    def __init__(self) -> None:
        self.segments: list[Segment] = []
        self._raw_start = 0

    def tensor(
        self, reader: _Reader, kind: SegmentKind, ggml_type: int, rows: int, cols: int, el: int
    ) -> None:
        start = reader.pos
        if start > self._raw_start:
            self.segments.append(Segment("raw", self._raw_start, start - self._raw_start))
        length = rows * cols * el
        reader.skip(length)
        if length:
            self.segments.append(Segment(kind, start, length, ggml_type, rows, cols))
        self._raw_start = reader.pos

    def finish(self, end: int) -> None:
        if end > self._raw_start:
            self.segments.append(Segment("raw", self._raw_start, end - self._raw_start))


def parse_layout(data: bytes | bytearray | memoryview) -> StateLayout:
    """Segments of a sequence state; :class:`LayoutError` unless it round-trips exactly."""
    view = memoryview(data).cast("B")
    reader = _Reader(view)
    builder = _Builder()
    cells = layers = blocks = 0
    if bytes(view[: len(PREAMBLE)]) != PREAMBLE:
        raise LayoutError("unknown sequence-state preamble")
    reader.skip(len(PREAMBLE))
    while reader.pos < len(view):
        blocks += 1
        if blocks > MAX_BLOCKS:
            raise LayoutError("too many cache blocks in sequence state")
        (n_stream,) = reader.take("<I")
        if not 1 <= n_stream <= MAX_STREAMS:
            raise LayoutError("implausible stream count in sequence state")
        for _ in range(n_stream):
            c, n = _parse_stream(reader, builder)
            cells += c
            layers = max(layers, n)
    if blocks == 0:
        raise LayoutError("empty sequence state")
    builder.finish(len(view))
    layout = StateLayout(len(view), tuple(builder.segments), cells, layers)
    _check_cover(layout)
    return layout


def _parse_stream(reader: _Reader, builder: _Builder) -> tuple[int, int]:
    (cell_count,) = reader.take("<I")
    if cell_count == 0:
        return 0, 0
    if cell_count * 8 > len(reader.data):
        raise LayoutError("implausible cell count in sequence state")
    for _ in range(cell_count):
        _pos, n_seq = reader.take("<iI")
        if n_seq > MAX_SEQ_IDS:
            raise LayoutError("implausible sequence-id count in sequence state")
        reader.skip(4 * n_seq)
    v_trans, n_layer = reader.take("<II")
    if v_trans not in (0, 1) or not 1 <= n_layer <= MAX_LAYERS:
        raise LayoutError("implausible layer header in sequence state")
    for _ in range(n_layer):
        k_type, k_row = reader.take("<iQ")
        _row_tensor(reader, builder, "k", k_type, cell_count, k_row)
    for _ in range(n_layer):
        if not v_trans:
            v_type, v_row = reader.take("<iQ")
            _row_tensor(reader, builder, "v", v_type, cell_count, v_row)
            continue
        v_type, el, n_embd_v = reader.take("<iII")
        if v_type in FLOAT_TYPES and el != FLOAT_TYPES[v_type]:
            raise LayoutError("V element size does not match its type")
        if v_type in FLOAT_TYPES:
            builder.tensor(reader, "v", v_type, n_embd_v, cell_count, el)
        else:
            reader.skip(n_embd_v * cell_count * el)
    return cell_count, n_layer


def _row_tensor(
    reader: _Reader,
    builder: _Builder,
    kind: SegmentKind,
    ggml_type: int,
    cells: int,
    row_bytes: int,
) -> None:
    el = FLOAT_TYPES.get(ggml_type)
    if row_bytes > len(reader.data):
        raise LayoutError("implausible row size in sequence state")
    if el is None or row_bytes % el:
        reader.skip(cells * row_bytes)  # quantized cache rows stay structure bytes
        return
    builder.tensor(reader, kind, ggml_type, cells, row_bytes // el, el)


def _check_cover(layout: StateLayout) -> None:
    at = 0
    for s in layout.segments:
        if s.offset != at or s.length <= 0:
            raise LayoutError("sequence-state segments do not cover the bytes")
        at = s.end
    if at != layout.total:
        raise LayoutError("sequence-state segments do not add up to its size")


def serialize(layout: StateLayout, parts: Sequence[bytes | bytearray | memoryview]) -> bytes:
    """The state bytes from one buffer per segment (the inverse of splitting)."""
    if len(parts) != len(layout.segments):
        raise LayoutError("wrong number of segment buffers")
    out = bytearray()
    for seg, part in zip(layout.segments, parts, strict=True):
        if len(part) != seg.length:
            raise LayoutError("segment buffer of the wrong size")
        out += part
    return bytes(out)


def split(layout: StateLayout, data: bytes | bytearray | memoryview) -> list[memoryview]:
    """One view per segment of ``data`` (which must have ``layout.total`` bytes)."""
    view = memoryview(data).cast("B")
    if len(view) != layout.total:
        raise LayoutError("state size does not match its layout")
    return [view[s.offset : s.end] for s in layout.segments]


def parse_checked(data: bytes | bytearray | memoryview) -> StateLayout:
    """:func:`parse_layout` plus the round trip: split → serialize gives the same bytes."""
    layout = parse_layout(data)
    if serialize(layout, split(layout, data)) != bytes(data):
        raise LayoutError("sequence-state layout does not round-trip")
    if parse_layout(serialize(layout, split(layout, data))) != layout:
        raise LayoutError("sequence-state layout is not stable")
    return layout
