"""encode / decode of one message, shared by the one-shot and the chunked API."""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from edgekit.codec import _backend
from edgekit.codec import _format as fmt
from edgekit.errors import CodecError

DEFAULT_GROUP = {"int8": 64, "int4": 32}
DEFAULT_LEVEL = {"zstd": 3, "zlib": 6}
_READ_BLOCK = 1 << 20

BytesLike = bytes | bytearray | memoryview


def backend() -> str:
    """``"native"`` or ``"reference"``: the path :func:`encode`/:func:`decode` use now."""
    return _backend.active().name


def as_source(array: npt.ArrayLike) -> npt.NDArray[Any]:
    """A C-contiguous, native-endian float32/float16 array, or CodecError."""
    try:
        arr = np.asarray(array)
    except (TypeError, ValueError) as exc:
        raise CodecError(f"cannot encode a {type(array).__name__}") from exc
    if arr.dtype.kind != "f" or arr.dtype.itemsize not in (2, 4):
        raise CodecError(f"unsupported dtype {arr.dtype}; convert to float32 or float16")
    if arr.ndim > fmt.MAX_RANK:
        raise CodecError(f"rank {arr.ndim} above {fmt.MAX_RANK}")
    native = arr.dtype.newbyteorder("=")
    return np.asarray(arr, dtype=native, order="C")


def resolve_param(scheme: str, group_size: int | None, compressor: str) -> int:
    """The header's scheme parameter for user-facing options."""
    if scheme not in fmt.SCHEME_IDS:
        raise CodecError(f"unknown scheme {scheme!r}; choose one of {', '.join(fmt.SCHEMES)}")
    if scheme in DEFAULT_GROUP:
        group = DEFAULT_GROUP[scheme] if group_size is None else group_size
        if not isinstance(group, int) or not fmt.group_ok(group):
            raise CodecError(
                f"group_size must be a power of two in [{fmt.MIN_GROUP}, {fmt.MAX_GROUP}]"
            )
        return group
    if group_size is not None:
        raise CodecError(f"group_size does not apply to scheme {scheme!r}")
    if scheme == "lossless":
        if compressor not in fmt.COMPRESSOR_IDS:
            raise CodecError(f"unknown compressor {compressor!r}; choose zstd or zlib")
        return fmt.COMPRESSOR_IDS[compressor]
    return 0


def encode_message(
    src: npt.NDArray[Any],
    scheme: str,
    param: int,
    level: int | None,
    chunk: Sequence[int] | None = None,
) -> bytes:
    """One message for a prepared source array; ``chunk`` = (index, count, offset, total)."""
    index, count, offset, total = chunk if chunk is not None else (0, 0, 0, 0)
    h = fmt.Header(
        version=fmt.VERSION,
        scheme=scheme,
        dtype=src.dtype.name,
        shape=tuple(int(d) for d in src.shape),
        param=param,
        flags=fmt.FLAG_CHUNK if chunk is not None else 0,
        chunk_index=index,
        chunk_count=count,
        row_offset=offset,
        total_rows=total,
        payload_len=0,
    )
    b = _backend.active()
    if scheme != "lossless":
        return b.encode(src, h)
    return b.frame(h, _compress(b.shuffle(src), fmt.COMPRESSOR_NAMES[param], level))


def _compress(raw: bytes, compressor: str, level: int | None) -> bytes:
    lvl = DEFAULT_LEVEL[compressor] if level is None else level
    if compressor == "zlib":
        return zlib.compress(raw, lvl)
    import zstandard

    return bytes(zstandard.ZstdCompressor(level=lvl).compress(raw))


def _decompress(payload: memoryview, compressor: str, expected: int) -> bytes:
    """Decompresses at most ``expected`` bytes; anything else is a corrupt payload."""
    try:
        if compressor == "zlib":
            d = zlib.decompressobj()
            raw = d.decompress(payload, expected + 1)
            complete = d.eof
        else:
            raw, complete = _zstd_bounded(payload, expected)
    except CodecError:
        raise
    except Exception as exc:  # zlib.error, zstandard.ZstdError: opaque to the caller
        raise CodecError("lossless payload is corrupt") from exc
    if len(raw) != expected or not complete:
        raise CodecError("lossless payload does not match the declared shape")
    return raw


def _zstd_bounded(payload: memoryview, expected: int) -> tuple[bytes, bool]:
    import zstandard

    out = bytearray()
    reader = zstandard.ZstdDecompressor().stream_reader(bytes(payload))
    with reader:
        while len(out) <= expected:
            block = reader.read(min(_READ_BLOCK, expected + 1 - len(out)))
            if not block:
                return bytes(out), True
            out += block
    return bytes(out), False


def check_limits(h: fmt.Header, max_bytes: int) -> None:
    """Refuses a message whose decoded or payload size exceeds the caller's limit."""
    if h.decoded_nbytes > max_bytes or h.payload_len > 2 * max_bytes + 1024:
        raise CodecError(f"message larger than max_bytes={max_bytes}")


def as_view(data: BytesLike) -> memoryview:
    """A flat byte view of ``data``, or CodecError."""
    try:
        view = memoryview(data)
    except TypeError as exc:
        raise CodecError(f"cannot decode a {type(data).__name__}") from exc
    if not view.c_contiguous:
        raise CodecError("buffer is not contiguous")
    return view.cast("B") if view.format != "B" or view.ndim != 1 else view


def decode_message(view: memoryview, h: fmt.Header) -> npt.NDArray[Any]:
    """Decodes a whole message whose header was parsed (size checked by the caller)."""
    b = _backend.active()
    out: npt.NDArray[Any] = np.empty(h.shape, dtype=h.dtype)
    if h.scheme != "lossless":
        b.decode_into(view, out)
        return out
    h, offset = b.open(view)
    compressor = h.compressor or "zstd"
    raw = _decompress(view[offset : offset + h.payload_len], compressor, h.decoded_nbytes)
    b.unshuffle_into(raw, out)
    return out


_DETAIL = {fmt.E_VERSION: 4, fmt.E_SCHEME: 5, fmt.E_DTYPE: 6, fmt.E_RANK: 7}


def parse_header(view: memoryview) -> fmt.Header | None:
    """The active backend's header parse, with the offending id added to id errors."""
    try:
        return _backend.active().parse_header(view)
    except CodecError as exc:
        offset = _DETAIL.get(str(exc))
        if offset is None:
            raise
        detail = f"{exc} {view[offset]}"
        if offset == 4:
            detail += f" (this reader reads version {fmt.VERSION})"
        raise CodecError(detail) from None


def parse_complete(view: memoryview) -> fmt.Header:
    """Header of a buffer that must hold exactly one whole message."""
    h = parse_header(view)
    if h is None or len(view) < h.message_size:
        raise CodecError(fmt.E_TRUNCATED)
    if len(view) > h.message_size:
        raise CodecError(fmt.E_TRAILING)
    return h


def encode(
    array: npt.ArrayLike,
    scheme: str = "int8",
    *,
    group_size: int | None = None,
    compressor: str = "zstd",
    level: int | None = None,
) -> bytes:
    """Encodes a float32/float16 array (rank ≤ 8) into one self-describing message.

    ``scheme`` is one of ``f32``, ``f16``, ``bf16``, ``int8``, ``int4``, ``lossless``.
    ``group_size`` (int8/int4; default 64/32) is a power of two in [16, 1024];
    ``compressor`` (``zstd``/``zlib``) and ``level`` apply to ``lossless``.
    """
    param = resolve_param(scheme, group_size, compressor)
    return encode_message(as_source(array), scheme, param, level)


def decode(data: BytesLike, *, max_bytes: int = fmt.DEFAULT_MAX_BYTES) -> npt.NDArray[Any]:
    """Decodes one message into a new array of its source dtype and shape.

    Raises CodecError for anything that is not a valid, complete message, and for
    messages whose decoded size exceeds ``max_bytes``.
    """
    view = as_view(data)
    h = parse_complete(view)
    check_limits(h, max_bytes)
    return decode_message(view, h)


def read_header(data: BytesLike) -> fmt.Header:
    """The validated header at the start of ``data`` (payload and checksum not checked)."""
    h = parse_header(as_view(data))
    if h is None:
        raise CodecError(fmt.E_TRUNCATED)
    return h
