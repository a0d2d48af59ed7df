"""A tiny GGUF writer for tests: builds valid (or deliberately broken) files."""

from __future__ import annotations

import struct
from collections.abc import Sequence
from typing import Any

UINT32, INT32, FLOAT32, BOOL, STRING, ARRAY, UINT64 = 4, 5, 6, 7, 8, 9, 10
F32 = 0


def _str(s: str | bytes) -> bytes:
    raw = s.encode() if isinstance(s, str) else s
    return struct.pack("<Q", len(raw)) + raw


def _value(vtype: int, value: Any) -> bytes:
    if vtype == STRING:
        return _str(value)
    if vtype == ARRAY:
        item_type, items = value
        body = b"".join(_value(item_type, v) for v in items)
        return struct.pack("<IQ", item_type, len(items)) + body
    fmt = {UINT32: "<I", INT32: "<i", FLOAT32: "<f", BOOL: "<?", UINT64: "<Q"}.get(vtype, "<I")
    return struct.pack(fmt, value)


def build_gguf(
    kv: Sequence[tuple[str, int, Any]] = (("general.architecture", STRING, "llama"),),
    tensors: Sequence[tuple[str, tuple[int, ...], int]] = (("w", (32, 2), F32),),
    *,
    version: int = 3,
    alignment: int = 32,
    n_tensors: int | None = None,
    n_kv: int | None = None,
    offsets: Sequence[int] | None = None,
    data: bool = True,
) -> bytes:
    """GGUF bytes with ``kv`` metadata and zero-filled ``tensors`` (F32 sizes)."""
    out = bytearray(b"GGUF")
    out += struct.pack(
        "<IQQ",
        version,
        len(tensors) if n_tensors is None else n_tensors,
        len(kv) if n_kv is None else n_kv,
    )
    for key, vtype, value in kv:
        out += _str(key) + struct.pack("<I", vtype) + _value(vtype, value)
    sizes = []
    pos = 0
    auto_offsets = []
    for _, shape, _t in tensors:
        n = 4
        for d in shape:
            n *= d
        sizes.append(n)
        auto_offsets.append(pos)
        pos += -(-n // alignment) * alignment
    for i, (name, shape, ttype) in enumerate(tensors):
        out += _str(name) + struct.pack("<I", len(shape))
        out += b"".join(struct.pack("<Q", d) for d in shape)
        off = auto_offsets[i] if offsets is None else offsets[i]
        out += struct.pack("<IQ", ttype, off)
    out += b"\0" * (-len(out) % alignment)
    if data:
        out += b"\0" * pos
    return bytes(out)
