"""Write llama.cpp LoRA adapter files for tests, without PyTorch or the gguf package."""

from __future__ import annotations

import struct
from collections.abc import Mapping
from pathlib import Path

import numpy as np

from edgekit.local.gguf import check_gguf

_STRING, _FLOAT32, _F32 = 8, 6, 0
_ALIGN = 32


def _str(text: str) -> bytes:
    raw = text.encode()
    return struct.pack("<Q", len(raw)) + raw


def lora_gguf(
    tensors: Mapping[str, np.ndarray],
    *,
    arch: str = "llama",
    alpha: float = 8.0,
    kind: str = "adapter",
) -> bytes:
    """GGUF bytes of an adapter: metadata plus F32 tensors (numpy shapes, reversed in GGUF)."""
    kv = [
        ("general.architecture", _STRING, arch),
        ("general.type", _STRING, kind),
        ("adapter.type", _STRING, "lora"),
        ("adapter.lora.alpha", _FLOAT32, alpha),
    ]
    out = bytearray(b"GGUF" + struct.pack("<IQQ", 3, len(tensors), len(kv)))
    for key, vtype, value in kv:
        out += _str(key) + struct.pack("<I", vtype)
        out += _str(value) if vtype == _STRING else struct.pack("<f", value)
    blobs, offset = [], 0
    for name, array in tensors.items():
        data = np.ascontiguousarray(array, dtype=np.float32).tobytes()
        dims = tuple(reversed(array.shape))
        out += _str(name) + struct.pack("<I", len(dims))
        out += b"".join(struct.pack("<Q", d) for d in dims)
        out += struct.pack("<IQ", _F32, offset)
        blobs.append(data + b"\0" * (-len(data) % _ALIGN))
        offset += len(blobs[-1])
    out += b"\0" * (-len(out) % _ALIGN)
    return bytes(out) + b"".join(blobs)


def random_lora(
    base: Path,
    *,
    rank: int = 4,
    std: float = 0.3,
    seed: int = 0,
    kinds: tuple[str, ...] = ("ffn_down", "attn_v"),
) -> bytes:
    """A random adapter for every ``kinds`` tensor of the base model at ``base``."""
    rng = np.random.default_rng(seed)
    tensors = {}
    for info in check_gguf(base).tensors:
        parts = info.name.split(".")
        if len(parts) == 4 and parts[2] in kinds:
            n_in, n_out = info.shape
            tensors[info.name + ".lora_a"] = rng.normal(0, std, (rank, n_in))
            tensors[info.name + ".lora_b"] = rng.normal(0, std, (n_out, rank))
    return lora_gguf(tensors, alpha=float(rank))
