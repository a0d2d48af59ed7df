"""Hostile bytes: truncated, bit-flipped, re-checksummed, random headers.

Both paths must agree: the same CodecError message, or the same decoded array;
never another exception (and the C tests run the same mutations under ASan).
"""

from __future__ import annotations

import contextlib
import struct

import crc32c
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edgekit import codec
from edgekit.codec import _format as fmt
from edgekit.errors import CodecError

from ._paths import both
from .conftest import native_available

LIMIT = 1 << 20


def decode_limited(data: bytes) -> object:
    return codec.decode(data, max_bytes=LIMIT)


def fix_crc(data: bytes) -> bytes:
    return data[:-4] + struct.pack("<I", crc32c.crc32c(data[:-4])) if len(data) >= 4 else data


@st.composite
def messages(draw: st.DrawFn) -> bytes:
    scheme = draw(st.sampled_from(codec.SCHEMES))
    dtype = draw(st.sampled_from([np.float32, np.float16]))
    shape = tuple(draw(st.lists(st.integers(0, 9), min_size=0, max_size=3)))
    seed = draw(st.integers(0, 2**32 - 1))
    x = np.random.default_rng(seed).standard_normal(shape).astype(dtype)
    kw = {"group_size": draw(st.sampled_from([16, 32]))} if scheme in ("int8", "int4") else {}
    return codec.encode(x, scheme, **kw)


def agree(data: bytes) -> None:
    if native_available():
        both(lambda: decode_limited(data))
    else:
        with contextlib.suppress(CodecError):
            decode_limited(data)


@pytest.fixture(autouse=True)
def _once(codec_backend: str) -> None:
    if codec_backend != "native":
        pytest.skip("compares both paths itself; runs once")


@settings(max_examples=150, deadline=None)
@given(msg=messages(), cut=st.integers(0, 10**6))
def test_truncated(msg: bytes, cut: int) -> None:
    data = msg[: cut % len(msg)]
    with pytest.raises(CodecError):
        decode_limited(data)
    agree(data)


@settings(max_examples=250, deadline=None)
@given(
    msg=messages(),
    flips=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 7)), min_size=1, max_size=4),
    recompute=st.booleans(),
)
def test_bit_flips(msg: bytes, flips: list[tuple[int, int]], recompute: bool) -> None:
    buf = bytearray(msg)
    for pos, bit in flips:
        buf[pos % len(buf)] ^= 1 << bit
    data = fix_crc(bytes(buf)) if recompute else bytes(buf)
    if not recompute and data != msg:
        with pytest.raises(CodecError):
            decode_limited(data)
    agree(data)


@settings(max_examples=300, deadline=None)
@given(
    version=st.sampled_from([0, 1, 1, 1, 2, 255]),
    scheme=st.integers(0, 8),
    dtype=st.integers(0, 3),
    rank=st.integers(0, 9),
    flags=st.sampled_from([0, 0, 1, 2]),
    param=st.sampled_from([0, 1, 2, 3, 16, 32, 24, 1024, 2048, 65535]),
    chunk=st.tuples(*[st.sampled_from([0, 1, 2, 2**32 - 1])] * 2),
    rows=st.tuples(*[st.sampled_from([0, 1, 3, 2**63, 2**64 - 1])] * 2),
    dims=st.lists(st.sampled_from([0, 1, 2, 3, 17, 2**16, 2**48, 2**64 - 1]), max_size=9),
    payload=st.binary(max_size=200),
    declared=st.one_of(st.none(), st.sampled_from([0, 7, 2**48, 2**64 - 1])),
    fit=st.booleans(),
)
def test_random_headers_with_valid_checksum(
    version: int,
    scheme: int,
    dtype: int,
    rank: int,
    flags: int,
    param: int,
    chunk: tuple[int, int],
    rows: tuple[int, int],
    dims: list[int],
    payload: bytes,
    declared: int | None,
    fit: bool,
) -> None:
    shape = (dims + [1] * 9)[:rank]
    if fit and 1 <= scheme <= 5 and max(shape, default=1) < 2**16:
        # a payload of exactly the right length, so the payload decoders run
        numel = int(np.prod(shape, dtype=object)) if shape else 1
        size = fmt.payload_size(fmt.SCHEME_NAMES[scheme], numel, param or 16)
        if size <= 1 << 16:
            payload = np.random.default_rng(len(payload)).bytes(size)
    fixed = struct.pack(
        "<4sBBBBHHIIIQQQ",
        b"EKHS",
        version,
        scheme,
        dtype,
        rank,
        flags,
        param,
        chunk[0],
        chunk[1],
        0,
        rows[0],
        rows[1],
        len(payload) if declared is None else declared,
    )
    body = fixed + struct.pack(f"<{rank}Q", *shape) + payload
    agree(body + struct.pack("<I", crc32c.crc32c(body)))


@settings(max_examples=100, deadline=None)
@given(data=st.binary(max_size=300))
def test_random_bytes(data: bytes) -> None:
    agree(data)
    agree(b"EKHS\x01" + data)


@settings(max_examples=100, deadline=None)
@given(msg=messages(), pieces=st.lists(st.integers(1, 64), max_size=8), junk=st.binary(max_size=64))
def test_chunk_decoder_never_crashes(msg: bytes, pieces: list[int], junk: bytes) -> None:
    stream = msg + junk
    decoder = codec.ChunkDecoder(max_bytes=LIMIT)
    try:
        pos = 0
        for size in [*pieces, len(stream)]:
            decoder.feed(stream[pos : pos + size])
            pos += size
        decoder.close()
    except CodecError:
        pass
