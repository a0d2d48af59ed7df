"""The numpy reference: the specification the native path must match byte for byte.

Rounding (identical in ``native/hscodec.c``):

* float32 -> float16: round to nearest, ties to even (``astype(float16)``); a NaN
  becomes a quiet NaN keeping the sign and the top ten payload bits.
* float16 -> float32: exact; a NaN comes back quiet.
* float32 -> bfloat16: round to nearest even on the bit pattern; a NaN keeps its
  top bits and is made quiet.
* int8/int4 (qmax 127/7), per group: ``scale16 = f16(maxabs_f32 / qmax)``,
  ``inv = 1 / f32(scale16)`` (0 when the scale is 0), ``q = rint(clip(x * inv))``,
  every operation in float32. int4 first rotates each full group,
  ``x <- fwht(x) * (1 / group)``, and decoding applies ``fwht`` once more.
"""

from __future__ import annotations

import struct
from typing import Any

import numpy as np
import numpy.typing as npt

from edgekit.codec import _format as fmt
from edgekit.errors import CodecError

F32 = npt.NDArray[np.float32]
U8 = npt.NDArray[np.uint8]
U16 = npt.NDArray[np.uint16]

_CRC_TABLE: list[int] = []


def _crc_table() -> list[int]:
    if not _CRC_TABLE:
        for i in range(256):
            c = i
            for _ in range(8):
                c = (c >> 1) ^ 0x82F63B78 if c & 1 else c >> 1
            _CRC_TABLE.append(c)
    return _CRC_TABLE


def crc32c(data: bytes | bytearray | memoryview, value: int = 0) -> int:
    """Chainable CRC32C: the ``crc32c`` package when present, else a table loop."""
    try:
        import crc32c as _crc  # type: ignore[import-not-found,unused-ignore]
    except ImportError:  # pragma: no cover - depends on the environment
        table = _crc_table()
        crc = value ^ 0xFFFFFFFF
        for byte in bytes(data):
            crc = table[(crc ^ byte) & 0xFF] ^ (crc >> 8)
        return crc ^ 0xFFFFFFFF
    return int(_crc.crc32c(data, value))


# ---------------------------------------------------------------- floats


def f32_to_f16_bits(x: F32) -> U16:
    """float32 -> float16 bit patterns, NaN made quiet with its payload's top bits."""
    with np.errstate(over="ignore", invalid="ignore"):
        h: U16 = x.astype(np.float16).view(np.uint16)
    nan = np.isnan(x)
    if nan.any():
        u = x.view(np.uint32)[nan]
        h[nan] = (((u >> 16) & 0x8000) | 0x7E00 | ((u >> 13) & 0x3FF)).astype(np.uint16)
    return h


def f16_bits_to_f32(h: U16) -> F32:
    """float16 bit patterns -> float32, exact; NaN made quiet."""
    f: F32 = h.view(np.float16).astype(np.float32)
    nan = ((h & 0x7C00) == 0x7C00) & ((h & 0x3FF) != 0)
    if nan.any():
        hn = h[nan].astype(np.uint32)
        f.view(np.uint32)[nan] = ((hn & 0x8000) << 16) | 0x7FC00000 | ((hn & 0x3FF) << 13)
    return f


def f32_to_bf16_bits(x: F32) -> U16:
    """float32 -> bfloat16 bit patterns, round to nearest even; NaN made quiet."""
    u = x.view(np.uint32)
    r = ((u + np.uint32(0x7FFF) + ((u >> 16) & 1)) >> 16).astype(np.uint16)
    nan = (u & 0x7FFFFFFF) > 0x7F800000
    if nan.any():
        r[nan] = ((u[nan] >> 16) | 0x40).astype(np.uint16)
    return r


# ---------------------------------------------------------------- quantization


def fwht(v: F32) -> F32:
    """Unnormalized Walsh-Hadamard transform of each row, same butterflies as the C loop."""
    rows, n = v.shape
    h = 1
    while h < n:
        b = v.reshape(rows, n // (2 * h), 2, h)
        v = np.stack([b[:, :, 0] + b[:, :, 1], b[:, :, 0] - b[:, :, 1]], axis=2).reshape(rows, n)
        h *= 2
    return v


def _maxabs_bits(xg: F32) -> npt.NDArray[np.uint32]:
    bits: npt.NDArray[np.uint32] = (xg.view(np.uint32) & np.uint32(0x7FFFFFFF)).max(axis=1)
    return bits


def _quantize(xg: F32, qmax: int, rotate: bool) -> tuple[U16, npt.NDArray[np.int8]]:
    """Rows of ``xg`` are groups: f16 scale bits and int codes per group."""
    finite = _maxabs_bits(xg) < 0x7F800000
    if rotate:
        with np.errstate(over="ignore", invalid="ignore"):
            xg = fwht(xg) * np.float32(1.0 / xg.shape[1])
    m = _maxabs_bits(xg)
    with np.errstate(over="ignore", invalid="ignore"):
        s16 = f32_to_f16_bits(m.view(np.float32) / np.float32(qmax))
    bad = np.flatnonzero(~finite | (s16 >= 0x7C00))
    if bad.size:  # the first failing group decides, as in the C loop
        raise CodecError(fmt.E_RANGE if finite[bad[0]] else fmt.E_NONFINITE)
    s = f16_bits_to_f32(s16)
    inv = np.zeros_like(s)
    np.divide(np.float32(1), s, out=inv, where=s > 0)
    v = xg * inv[:, None]
    np.clip(v, -qmax, qmax, out=v)
    return s16, np.rint(v).astype(np.int8)


def _pack_nibbles(q: npt.NDArray[np.int8]) -> U8:
    """Offset-binary nibbles, low nibble first; an odd tail leaves the high nibble 0."""
    u = (q.astype(np.int16) + 8).astype(np.uint8)
    even = u.shape[1] - u.shape[1] % 2
    packed: U8 = (u[:, 0:even:2] | (u[:, 1:even:2] << np.uint8(4))).astype(np.uint8)
    if u.shape[1] % 2:
        packed = np.concatenate([packed, u[:, -1:]], axis=1)
    return packed


def _unpack_nibbles(b: U8, n: int) -> npt.NDArray[np.int16]:
    out = np.empty((b.shape[0], 2 * b.shape[1]), dtype=np.int16)
    out[:, 0::2] = (b & 0x0F).astype(np.int16) - 8
    out[:, 1::2] = (b >> 4).astype(np.int16) - 8
    return out[:, :n]


def _codes_bytes(n: int, nibbles: bool) -> int:
    return (n + 1) // 2 if nibbles else n


def _encode_groups(x: F32, scheme: str, group: int) -> bytes:
    nib = scheme == "int4"
    qmax = 7 if nib else 127
    full, rem = divmod(x.size, group)
    parts: list[bytes] = []
    for rows, width in ((full, group), (1 if rem else 0, rem)):
        if rows == 0:
            continue
        start = 0 if width == group else full * group
        xg = x[start : start + rows * width].reshape(rows, width)
        s16, q = _quantize(xg, qmax, rotate=nib and width == group)
        codes = _pack_nibbles(q) if nib else q.view(np.uint8)
        block = np.empty((rows, 2 + codes.shape[1]), dtype=np.uint8)
        block[:, :2] = s16.astype("<u2").view(np.uint8).reshape(rows, 2)
        block[:, 2:] = codes
        parts.append(block.tobytes())
    return b"".join(parts)


def _decode_groups(p: memoryview, scheme: str, group: int, numel: int) -> F32:
    nib = scheme == "int4"
    full, rem = divmod(numel, group)
    out = np.empty(numel, dtype=np.float32)
    pos = 0
    for rows, width in ((full, group), (1 if rem else 0, rem)):
        if rows == 0:
            continue
        stride = 2 + _codes_bytes(width, nib)
        block = np.frombuffer(p, dtype=np.uint8, count=rows * stride, offset=pos)
        block = block.reshape(rows, stride)
        s16 = block[:, :2].copy().view("<u2").reshape(rows)
        if (s16 >= 0x7C00).any():
            raise CodecError(fmt.E_PAYLOAD)
        codes = block[:, 2:]
        q = _unpack_nibbles(codes, width) if nib else codes.view(np.int8)
        start = 0 if width == group else full * group
        y = q.astype(np.float32) * f16_bits_to_f32(s16)[:, None]
        if nib and width == group:
            y = fwht(y)  # H (H x / n) = x
        out[start : start + rows * width] = y.reshape(-1)
        pos += rows * stride
    return out


# ---------------------------------------------------------------- payloads


def encode_payload(src: npt.NDArray[Any], scheme: str, group: int) -> bytes:
    """Payload of a fixed-size scheme for a C-contiguous float32/float16 array."""
    flat = src.reshape(-1)
    if scheme == "f16" and flat.dtype == np.float16:
        return flat.astype("<f2").tobytes()
    x: F32 = flat if flat.dtype == np.float32 else f16_bits_to_f32(flat.view(np.uint16))
    if scheme == "f32":
        return x.astype("<f4").tobytes()
    if scheme == "f16":
        return f32_to_f16_bits(x).astype("<u2").tobytes()
    if scheme == "bf16":
        return f32_to_bf16_bits(x).astype("<u2").tobytes()
    return _encode_groups(x, scheme, group)


def decode_payload(h: fmt.Header, payload: memoryview, out: npt.NDArray[Any]) -> None:
    """Decodes a fixed-size payload into ``out`` (dtype ``h.dtype``, shape ``h.shape``)."""
    flat = out.reshape(-1)
    n = h.numel
    if h.scheme == "f16" and out.dtype == np.float16:
        flat[...] = np.frombuffer(payload, dtype="<f2", count=n)
        return
    if h.scheme == "f32":
        y = np.frombuffer(payload, dtype="<f4", count=n).astype(np.float32)
    elif h.scheme == "f16":
        y = f16_bits_to_f32(np.frombuffer(payload, dtype="<u2", count=n).astype(np.uint16))
    elif h.scheme == "bf16":
        b = np.frombuffer(payload, dtype="<u2", count=n).astype(np.uint32)
        y = (b << 16).view(np.float32)
    else:
        y = _decode_groups(payload, h.scheme, h.param, n)
    if out.dtype == np.float32:
        flat[...] = y
    else:
        flat.view(np.uint16)[...] = f32_to_f16_bits(y)


def shuffle(src: npt.NDArray[Any]) -> bytes:
    """Byte-shuffle: all first bytes of the elements, then all second bytes, …"""
    b = np.ascontiguousarray(src).reshape(-1).view(np.uint8)
    return b.reshape(-1, src.dtype.itemsize).T.tobytes()


def unshuffle_into(raw: bytes, out: npt.NDArray[Any]) -> None:
    """Inverse of :func:`shuffle`, written into ``out``."""
    size = out.dtype.itemsize
    planes = np.frombuffer(raw, dtype=np.uint8).reshape(size, -1)
    out.reshape(-1).view(np.uint8).reshape(-1, size)[...] = planes.T


def frame(h: fmt.Header, payload: bytes) -> bytes:
    """Header + payload + CRC32C."""
    body = fmt.pack_header(h) + payload
    return body + struct.pack("<I", crc32c(body))


def open_message(buf: bytes | bytearray | memoryview) -> tuple[fmt.Header, int]:
    """Parses and verifies a whole message; returns the header and payload offset."""
    view = memoryview(buf)
    h = fmt.parse_header(view)
    if h is None or len(view) < h.message_size:
        raise CodecError(fmt.E_TRUNCATED)
    if len(view) > h.message_size:
        raise CodecError(fmt.E_TRAILING)
    body = len(view) - fmt.CRC_SIZE
    (stored,) = struct.unpack_from("<I", view, body)
    if crc32c(view[:body]) != stored:
        raise CodecError(fmt.E_CHECKSUM)
    return h, h.header_size
