"""The EdgeKit tensor wire format: hidden states and KV caches as compact, checked bytes.

>>> import numpy as np
>>> from edgekit import codec
>>> x = np.ones((4, 64), dtype=np.float32)
>>> codec.decode(codec.encode(x, "int8")).shape
(4, 64)

Schemes: ``f32``, ``f16``, ``bf16`` (raw), ``int8``/``int4`` (per-group symmetric,
float16 scales), ``lossless`` (byte-shuffle + zstd or zlib). A C extension does the
work when it was built; ``EDGEKIT_NO_NATIVE=1`` forces the numpy reference, which
produces identical bytes. The format is specified in ``docs/codec.md``.
"""

from edgekit.codec._api import backend, decode, encode, read_header
from edgekit.codec._format import DEFAULT_MAX_BYTES, SCHEMES, VERSION, Header
from edgekit.codec._stream import Chunk, ChunkDecoder, ChunkEncoder, encode_chunks

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SCHEMES",
    "VERSION",
    "Chunk",
    "ChunkDecoder",
    "ChunkEncoder",
    "Header",
    "backend",
    "decode",
    "encode",
    "encode_chunks",
    "read_header",
]
