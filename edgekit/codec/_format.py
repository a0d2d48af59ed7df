"""Wire-format constants and the parsed header (docs/codec.md, format version 1)."""

from __future__ import annotations

import struct
from dataclasses import dataclass
from typing import Any

import numpy as np

from edgekit.errors import CodecError

MAGIC = b"EKHS"
VERSION = 1
MAX_RANK = 8
FIXED_HEADER = 48
CRC_SIZE = 4
MIN_GROUP = 16
MAX_GROUP = 1024
MAX_NUMEL = 1 << 48
FLAG_CHUNK = 0x0001
#: Decoded size above which :func:`decode` refuses a message unless told otherwise.
DEFAULT_MAX_BYTES = 1 << 30

# magic, then version, scheme, dtype, rank, flags, param, chunk index, chunk count,
# reserved, row offset, total rows, payload length.
FIXED = struct.Struct("<4sBBBBHHIIIQQQ")

SCHEME_IDS: dict[str, int] = {"f32": 1, "f16": 2, "bf16": 3, "int8": 4, "int4": 5, "lossless": 6}
SCHEME_NAMES: dict[int, str] = {v: k for k, v in SCHEME_IDS.items()}
SCHEMES: tuple[str, ...] = tuple(SCHEME_IDS)
FIXED_SCHEMES = frozenset(SCHEMES) - {"lossless"}
DTYPE_IDS: dict[str, int] = {"float32": 1, "float16": 2}
DTYPE_NAMES: dict[int, str] = {v: k for k, v in DTYPE_IDS.items()}
COMPRESSOR_IDS: dict[str, int] = {"zstd": 1, "zlib": 2}
COMPRESSOR_NAMES: dict[int, str] = {v: k for k, v in COMPRESSOR_IDS.items()}

# The native core's messages (hsc_strerror); both paths raise CodecError with these.
E_TRUNCATED = "truncated message"
E_MAGIC = "not an EdgeKit tensor (bad magic)"
E_VERSION = "unsupported format version"
E_SCHEME = "unknown scheme id"
E_DTYPE = "unknown source dtype id"
E_RANK = "rank above 8"
E_RESERVED = "reserved header bits are set"
E_PARAM = "invalid scheme parameter"
E_SHAPE = "shape has too many elements"
E_CHUNK = "inconsistent chunk fields"
E_LENGTH = "payload length does not match scheme and shape"
E_TRAILING = "trailing bytes after the message"
E_CHECKSUM = "checksum mismatch"
E_PAYLOAD = "invalid group scale in payload"
E_NONFINITE = "NaN or infinity cannot be quantized"
E_RANGE = "values too large for float16 group scales"


@dataclass(frozen=True, slots=True)
class Header:
    """A parsed, validated message header."""

    version: int
    scheme: str
    dtype: str
    shape: tuple[int, ...]
    param: int
    flags: int
    chunk_index: int
    chunk_count: int
    row_offset: int
    total_rows: int
    payload_len: int

    @property
    def group_size(self) -> int | None:
        """Quantization group size (int8/int4), else ``None``."""
        return self.param if self.scheme in ("int8", "int4") else None

    @property
    def compressor(self) -> str | None:
        """Compressor name (lossless), else ``None``."""
        return COMPRESSOR_NAMES.get(self.param) if self.scheme == "lossless" else None

    @property
    def is_chunk(self) -> bool:
        """Whether the message is one chunk of a stream."""
        return bool(self.flags & FLAG_CHUNK)

    @property
    def numel(self) -> int:
        """Number of elements."""
        return int(np.prod(self.shape, dtype=object)) if self.shape else 1

    @property
    def header_size(self) -> int:
        """Bytes before the payload."""
        return FIXED_HEADER + 8 * len(self.shape)

    @property
    def message_size(self) -> int:
        """Header, payload and checksum."""
        return self.header_size + self.payload_len + CRC_SIZE

    @property
    def decoded_nbytes(self) -> int:
        """Bytes of the decoded array."""
        return self.numel * np.dtype(self.dtype).itemsize

    def fields(self) -> tuple[int, int, tuple[int, ...], int, int, int, int, int, int]:
        """The tuple the native encoder takes."""
        return (
            SCHEME_IDS[self.scheme],
            DTYPE_IDS[self.dtype],
            self.shape,
            self.param,
            self.flags,
            self.chunk_index,
            self.chunk_count,
            self.row_offset,
            self.total_rows,
        )


def header_from_tuple(t: tuple[Any, ...]) -> Header:
    """Header from the native module's parse tuple (already validated there)."""
    version, scheme, dtype, shape, param, flags, index, count, offset, total, plen = t
    return Header(
        version=int(version),
        scheme=SCHEME_NAMES[int(scheme)],
        dtype=DTYPE_NAMES[int(dtype)],
        shape=tuple(int(d) for d in shape),
        param=int(param),
        flags=int(flags),
        chunk_index=int(index),
        chunk_count=int(count),
        row_offset=int(offset),
        total_rows=int(total),
        payload_len=int(plen),
    )


def group_ok(group: int) -> bool:
    """Whether ``group`` is an allowed quantization group size."""
    return MIN_GROUP <= group <= MAX_GROUP and group & (group - 1) == 0


def payload_size(scheme: str, numel: int, group: int) -> int:
    """Exact payload length of a fixed-size scheme."""
    if scheme == "f32":
        return 4 * numel
    if scheme in ("f16", "bf16"):
        return 2 * numel
    groups = -(-numel // group)
    codes = numel if scheme == "int8" else (numel + 1) // 2
    return 2 * groups + codes


def check_numel(shape: tuple[int, ...]) -> int:
    """Element count, refusing any dimension or product above ``MAX_NUMEL``."""
    if any(d > MAX_NUMEL for d in shape):
        raise CodecError(E_SHAPE)
    numel = 1
    for d in shape:
        numel *= d
    if numel > MAX_NUMEL:
        raise CodecError(E_SHAPE)
    return numel


def check_param(scheme: str, param: int) -> None:
    """The scheme parameter must be a group size, a compressor id, or zero."""
    if scheme in ("int8", "int4"):
        ok = group_ok(param)
    elif scheme == "lossless":
        ok = param in COMPRESSOR_NAMES
    else:
        ok = param == 0
    if not ok:
        raise CodecError(E_PARAM)


def check_chunk(h: Header) -> None:
    """Chunk fields are all zero outside streams and consistent inside them."""
    if not h.is_chunk:
        ok = h.chunk_index == h.chunk_count == h.row_offset == h.total_rows == 0
    else:
        ok = (
            len(h.shape) > 0
            and 0 <= h.chunk_index < h.chunk_count
            and h.row_offset <= h.total_rows
            and h.shape[0] <= h.total_rows - h.row_offset
        )
    if not ok:
        raise CodecError(E_CHUNK)


def validate(h: Header) -> None:
    """Checks a header built by an encoder exactly as a reader would."""
    check_param(h.scheme, h.param)
    if len(h.shape) > MAX_RANK:
        raise CodecError(E_RANK)
    numel = check_numel(h.shape)
    check_chunk(h)
    if h.scheme == "lossless":
        if h.payload_len > MAX_NUMEL:
            raise CodecError(E_LENGTH)
    elif h.payload_len != payload_size(h.scheme, numel, h.param):
        raise CodecError(E_LENGTH)


def parse_header(buf: bytes | bytearray | memoryview) -> Header | None:
    """Parses and validates a header; ``None`` while the header is incomplete.

    The checks run in the same order as ``hsc_parse_header`` so that both paths
    reject a hostile buffer with the same message.
    """
    view = memoryview(buf)
    if len(view) < FIXED_HEADER:
        return None
    fields = FIXED.unpack_from(view)
    magic, version, scheme, dtype, rank, flags, param, index, count, reserved = fields[:10]
    offset, total, plen = fields[10:]
    if magic != MAGIC:
        raise CodecError(E_MAGIC)
    if version != VERSION:
        raise CodecError(E_VERSION)
    if scheme not in SCHEME_NAMES:
        raise CodecError(E_SCHEME)
    if dtype not in DTYPE_NAMES:
        raise CodecError(E_DTYPE)
    if rank > MAX_RANK:
        raise CodecError(E_RANK)
    if flags & ~FLAG_CHUNK or reserved:
        raise CodecError(E_RESERVED)
    check_param(SCHEME_NAMES[scheme], param)
    if len(view) < FIXED_HEADER + 8 * rank:
        return None
    shape = struct.unpack_from(f"<{rank}Q", view, FIXED_HEADER)
    h = Header(
        version=version,
        scheme=SCHEME_NAMES[scheme],
        dtype=DTYPE_NAMES[dtype],
        shape=tuple(shape),
        param=param,
        flags=flags,
        chunk_index=index,
        chunk_count=count,
        row_offset=offset,
        total_rows=total,
        payload_len=plen,
    )
    validate(h)
    return h


def pack_header(h: Header) -> bytes:
    """Serializes a header (validated by the caller)."""
    fixed = FIXED.pack(
        MAGIC,
        VERSION,
        SCHEME_IDS[h.scheme],
        DTYPE_IDS[h.dtype],
        len(h.shape),
        h.flags,
        h.param,
        h.chunk_index,
        h.chunk_count,
        0,
        h.row_offset,
        h.total_rows,
        h.payload_len,
    )
    return fixed + struct.pack(f"<{len(h.shape)}Q", *h.shape)
