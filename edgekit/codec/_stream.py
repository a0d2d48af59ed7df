"""Chunked streams: a tensor split along axis 0 into independently decodable messages."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from edgekit.codec import _api
from edgekit.codec import _format as fmt
from edgekit.errors import CodecError

DEFAULT_CHUNK_BYTES = 1 << 20
MAX_CHUNKS = 0xFFFFFFFF


@dataclass(frozen=True, slots=True)
class Chunk:
    """One decoded piece: rows ``row_offset : row_offset + len(array)`` of the tensor."""

    index: int
    count: int
    row_offset: int
    total_rows: int
    array: npt.NDArray[Any]

    @property
    def last(self) -> bool:
        """Whether this is the final chunk of its stream."""
        return self.index == self.count - 1


class ChunkEncoder:
    """Iterates over the messages of a tensor split along its first axis.

    ``rows_per_chunk`` defaults to as many rows as fit in ``chunk_bytes`` of source
    data (at least one). Every message decodes on its own with :func:`decode`.
    """

    def __init__(
        self,
        array: npt.ArrayLike,
        scheme: str = "int8",
        *,
        group_size: int | None = None,
        compressor: str = "zstd",
        level: int | None = None,
        rows_per_chunk: int | None = None,
        chunk_bytes: int = DEFAULT_CHUNK_BYTES,
    ) -> None:
        self._src = _api.as_source(array)
        if self._src.ndim == 0:
            raise CodecError("a chunked stream needs an array of rank >= 1")
        self._scheme = scheme
        self._param = _api.resolve_param(scheme, group_size, compressor)
        self._level = level
        rows = self._src.shape[0]
        row_bytes = max(1, self._src[0:1].nbytes) if rows else 1
        per = rows_per_chunk if rows_per_chunk is not None else max(1, chunk_bytes // row_bytes)
        if not isinstance(per, int) or per < 1:
            raise CodecError("rows_per_chunk must be a positive integer")
        self.rows_per_chunk = per
        self.chunk_count = max(1, -(-rows // per))
        if self.chunk_count > MAX_CHUNKS:
            raise CodecError("too many chunks; raise rows_per_chunk")

    def __iter__(self) -> Iterator[bytes]:
        total = self._src.shape[0]
        for index in range(self.chunk_count):
            start = index * self.rows_per_chunk
            piece = self._src[start : min(total, start + self.rows_per_chunk)]
            chunk = (index, self.chunk_count, start, total)
            yield _api.encode_message(piece, self._scheme, self._param, self._level, chunk)


def encode_chunks(
    array: npt.ArrayLike,
    scheme: str = "int8",
    *,
    group_size: int | None = None,
    compressor: str = "zstd",
    level: int | None = None,
    rows_per_chunk: int | None = None,
    chunk_bytes: int = DEFAULT_CHUNK_BYTES,
) -> Iterator[bytes]:
    """The messages of :class:`ChunkEncoder`, lazily encoded one at a time."""
    return iter(
        ChunkEncoder(
            array,
            scheme,
            group_size=group_size,
            compressor=compressor,
            level=level,
            rows_per_chunk=rows_per_chunk,
            chunk_bytes=chunk_bytes,
        )
    )


class ChunkDecoder:
    """Accepts a chunked stream's bytes as they arrive; yields each complete chunk.

    Chunks must come in order and agree on dtype, trailing shape, chunk count and
    total rows. With ``assemble=True`` the whole tensor is filled in as chunks
    arrive and :meth:`result` returns it once the last chunk is in.
    """

    def __init__(self, *, max_bytes: int = fmt.DEFAULT_MAX_BYTES, assemble: bool = True) -> None:
        self._max_bytes = max_bytes
        self._assemble = assemble
        self._buf = bytearray()
        self._first: fmt.Header | None = None
        self._next_index = 0
        self._next_row = 0
        self._whole: npt.NDArray[Any] | None = None

    @property
    def done(self) -> bool:
        """Whether the last chunk has been decoded."""
        return self._first is not None and self._next_index == self._first.chunk_count

    def feed(self, data: _api.BytesLike) -> list[Chunk]:
        """Adds bytes; returns the chunks they completed (possibly none)."""
        self._buf += _api.as_view(data)
        chunks: list[Chunk] = []
        pos = 0
        try:
            while pos < len(self._buf):
                if self.done:
                    raise CodecError("bytes after the last chunk")
                with memoryview(self._buf) as view, view[pos:] as rest:
                    h = _api.parse_header(rest)
                    if h is None:
                        break
                    self._check(h)
                    if len(rest) < h.message_size:
                        break
                    with rest[: h.message_size] as message:
                        array = _api.decode_message(message, h)
                pos += h.message_size
                chunks.append(self._accept(h, array))
        finally:
            del self._buf[:pos]  # once per feed: no quadratic copying
        return chunks

    def result(self) -> npt.NDArray[Any]:
        """The assembled tensor; CodecError until the last chunk has arrived."""
        if not self.done or self._whole is None:
            raise CodecError("stream incomplete" if self._assemble else "assemble=False")
        return self._whole

    def close(self) -> None:
        """Declares the end of input: CodecError if the stream is incomplete."""
        if not self.done or self._buf:
            raise CodecError("stream ended before its last chunk")

    def _check(self, h: fmt.Header) -> None:
        _api.check_limits(h, self._max_bytes)
        if not h.is_chunk:
            raise CodecError("message is not part of a chunked stream")
        first = self._first or h
        if (
            h.dtype != first.dtype
            or h.shape[1:] != first.shape[1:]
            or h.chunk_count != first.chunk_count
            or h.total_rows != first.total_rows
        ):
            raise CodecError("chunk does not belong to this stream")
        if h.chunk_index != self._next_index or h.row_offset != self._next_row:
            raise CodecError("chunk out of order")
        last = h.chunk_index == h.chunk_count - 1
        end = h.row_offset + h.shape[0]
        if (last and end != h.total_rows) or (h.shape[0] == 0 and h.total_rows > 0):
            raise CodecError("chunk rows do not cover the tensor")
        if self._first is None:
            whole = fmt.Header(**{**_fields(h), "shape": (h.total_rows, *h.shape[1:])})
            if whole.decoded_nbytes > self._max_bytes:
                raise CodecError(f"stream larger than max_bytes={self._max_bytes}")

    def _accept(self, h: fmt.Header, array: npt.NDArray[Any]) -> Chunk:
        if self._first is None:
            self._first = h
            if self._assemble:
                self._whole = np.empty((h.total_rows, *h.shape[1:]), dtype=h.dtype)
        if self._whole is not None:
            self._whole[h.row_offset : h.row_offset + h.shape[0]] = array
        self._next_index += 1
        self._next_row += h.shape[0]
        return Chunk(h.chunk_index, h.chunk_count, h.row_offset, h.total_rows, array)


def _fields(h: fmt.Header) -> dict[str, Any]:
    return {name: getattr(h, name) for name in h.__slots__}
