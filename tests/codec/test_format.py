"""The byte layout of format version 1 and how readers reject what they do not know."""

from __future__ import annotations

import struct

import crc32c
import numpy as np
import pytest

from edgekit import codec
from edgekit.codec import _backend
from edgekit.errors import CodecError

# int8, group 16, of (arange(-8, 8) / 4).reshape(2, 8): pinned so the format cannot drift.
GOLDEN_INT8 = bytes.fromhex(
    "454b485301040102000010000000000000000000000000000000000000000000"  # fixed header
    "0000000000000000120000000000000002000000000000000800000000000000"  # ... shape (2, 8)
    "0824"  # float16 scale of 2/127
    "8191a1b1c0d0e0f000102030404f5f6f"  # 16 int8 codes
    "84c4cb76"  # CRC32C
)


def with_crc(body: bytes) -> bytes:
    return body + struct.pack("<I", crc32c.crc32c(body))


def header(
    *,
    magic: bytes = b"EKHS",
    version: int = 1,
    scheme: int = 1,
    dtype: int = 1,
    shape: tuple[int, ...] = (2,),
    flags: int = 0,
    param: int = 0,
    chunk: tuple[int, int, int, int] = (0, 0, 0, 0),
    reserved: int = 0,
    payload_len: int = 8,
) -> bytes:
    index, count, offset, total = chunk
    fixed = struct.pack(
        "<4sBBBBHHIIIQQQ",
        magic,
        version,
        scheme,
        dtype,
        len(shape),
        flags,
        param,
        index,
        count,
        reserved,
        offset,
        total,
        payload_len,
    )
    return fixed + struct.pack(f"<{len(shape)}Q", *shape)


def test_golden_int8_message() -> None:
    x = (np.arange(-8, 8, dtype=np.float32) / 4).reshape(2, 8)
    assert codec.encode(x, "int8", group_size=16) == GOLDEN_INT8
    assert codec.decode(GOLDEN_INT8)[0, 0] == np.float32(-127) * np.float32(np.float16(2 / 127))


# int4, group 16, one full (Hadamard-rotated) group with an outlier: pins the rotation.
GOLDEN_INT4 = bytes.fromhex(
    "454b485301050101000010000000000000000000000000000000000000000000"
    "00000000000000000a000000000000001000000000000000"
    "7734"  # float16 scale
    "2ff12ff12ff12ff1"  # 16 nibbles
    "4a0d1636"  # CRC32C
)


def test_golden_int4_message() -> None:
    x = np.zeros(16, dtype=np.float32)
    x[:4] = [0.5, -0.25, 1.0, 30.0]
    assert codec.encode(x, "int4", group_size=16) == GOLDEN_INT4
    assert np.abs(codec.decode(GOLDEN_INT4) - x).max() < 1.0  # step of 30/7 unrotated


def test_header_layout_and_checksum() -> None:
    x = np.array([1.0, -2.0], dtype=np.float16)
    data = codec.encode(x, "f32")
    body = header(scheme=1, dtype=2, shape=(2,), payload_len=8) + struct.pack("<2f", 1.0, -2.0)
    assert data == with_crc(body)
    h = codec.read_header(data)
    assert (h.version, h.scheme, h.dtype, h.shape, h.payload_len) == (1, "f32", "float16", (2,), 8)
    assert h.message_size == len(data)
    assert not h.is_chunk
    assert h.group_size is None


def test_crc32c_known_answers(codec_backend: str) -> None:
    b = _backend.active()
    assert b.crc32c(b"123456789") == 0xE3069283
    assert b.crc32c(bytes(32)) == 0x8A9136AA  # RFC 3720 B.4
    assert b.crc32c(b"\xff" * 32) == 0x62A8AB43
    assert b.crc32c(bytes(range(32))) == 0x46DD794E
    assert b.crc32c(b"6789", b.crc32c(b"12345")) == 0xE3069283
    blob = np.random.default_rng(5).bytes(100_003)  # crosses the interleaved block sizes
    for start, stop in [(0, 100_003), (3, 24_580), (1, 770), (7, 99_000)]:
        assert b.crc32c(blob[start:stop]) == crc32c.crc32c(blob[start:stop])


PAYLOAD = struct.pack("<2f", 1.0, 2.0)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "truncated"),
        (GOLDEN_INT8[:47], "truncated"),
        (GOLDEN_INT8[:-1], "truncated"),
        (GOLDEN_INT8 + b"\0", "trailing"),
        (GOLDEN_INT8[:-1] + bytes([GOLDEN_INT8[-1] ^ 1]), "checksum"),
        (with_crc(header(magic=b"GGUF") + PAYLOAD), "bad magic"),
        (with_crc(header(version=2) + PAYLOAD), "unsupported format version"),
        (with_crc(header(version=0) + PAYLOAD), "unsupported format version"),
        (with_crc(header(scheme=7) + PAYLOAD), "unknown scheme"),
        (with_crc(header(scheme=0) + PAYLOAD), "unknown scheme"),
        (with_crc(header(dtype=3) + PAYLOAD), "unknown source dtype"),
        (with_crc(header(shape=(1,) * 9) + PAYLOAD), "rank above 8"),
        (with_crc(header(flags=2) + PAYLOAD), "reserved"),
        (with_crc(header(reserved=1) + PAYLOAD), "reserved"),
        (with_crc(header(param=16) + PAYLOAD), "scheme parameter"),
        (with_crc(header(scheme=4, param=24) + PAYLOAD), "scheme parameter"),
        (with_crc(header(scheme=6, param=3) + PAYLOAD), "scheme parameter"),
        (with_crc(header(shape=(2**32, 2**32)) + PAYLOAD), "too many elements"),
        (with_crc(header(shape=(2**63, 1)) + PAYLOAD), "too many elements"),
        (with_crc(header(chunk=(0, 1, 0, 2)) + PAYLOAD), "chunk"),
        (with_crc(header(flags=1, chunk=(1, 1, 0, 2)) + PAYLOAD), "chunk"),
        (with_crc(header(flags=1, chunk=(0, 1, 1, 2)) + PAYLOAD), "chunk"),
        (with_crc(header(flags=1, chunk=(0, 2, 2**64 - 1, 2)) + PAYLOAD), "chunk"),
        (with_crc(header(flags=1, chunk=(0, 1, 0, 2), shape=()) + PAYLOAD), "chunk"),
        (with_crc(header(payload_len=4) + PAYLOAD[:4]), "payload length"),
        (with_crc(header(payload_len=2**64 - 1) + PAYLOAD), "payload length"),
        (with_crc(header(scheme=6, param=1, payload_len=2**60) + PAYLOAD), "payload length"),
    ],
)
def test_hostile_headers_are_refused(data: bytes, message: str) -> None:
    with pytest.raises(CodecError, match=message):
        codec.decode(data)


def test_id_errors_name_the_offending_value() -> None:
    with pytest.raises(CodecError, match=r"version 7 \(this reader reads version 1\)"):
        codec.decode(with_crc(header(version=7) + PAYLOAD))
    with pytest.raises(CodecError, match="unknown scheme id 9"):
        codec.read_header(header(scheme=9))


def test_bad_group_scale_is_refused() -> None:
    bad = bytearray(GOLDEN_INT8[:-4])
    bad[64:66] = struct.pack("<H", 0xFC00)  # -inf scale
    with pytest.raises(CodecError, match="invalid group scale"):
        codec.decode(with_crc(bytes(bad)))


def test_valid_header_over_a_huge_shape_is_refused_before_allocating() -> None:
    body = header(scheme=1, shape=(2**24, 2**20), payload_len=4 * 2**44)
    with pytest.raises(CodecError, match="truncated"):
        codec.decode(with_crc(body))
    h = codec.read_header(body)
    assert h.numel == 2**44


def test_max_bytes_limits_decoded_size() -> None:
    data = codec.encode(np.zeros((64, 64), dtype=np.float32), "lossless")
    with pytest.raises(CodecError, match="max_bytes"):
        codec.decode(data, max_bytes=1000)
    assert codec.decode(data, max_bytes=64 * 64 * 4).shape == (64, 64)


def test_lossless_payload_that_lies_about_its_size() -> None:
    real = codec.encode(np.ones(100, dtype=np.float32), "lossless")
    h = codec.read_header(real)
    payload = real[h.header_size : -4]
    for shape in [(99,), (101,), (10**6,)]:
        body = header(scheme=6, param=1, shape=shape, payload_len=len(payload)) + payload
        with pytest.raises(CodecError, match="lossless payload"):
            codec.decode(with_crc(body))
    garbage = b"\x28\xb5\x2f\xfd" + bytes(20)
    body = header(scheme=6, param=1, shape=(100,), payload_len=len(garbage)) + garbage
    with pytest.raises(CodecError, match="lossless payload"):
        codec.decode(with_crc(body))


@pytest.mark.parametrize("data", [None, 12, "text", np.zeros(3)])
def test_non_bytes_input(data: object) -> None:
    with pytest.raises(CodecError):
        codec.decode(data)  # type: ignore[arg-type]


def test_decode_accepts_any_contiguous_buffer() -> None:
    data = codec.encode(np.ones(5, dtype=np.float32), "f16")
    for buf in (bytearray(data), memoryview(data), np.frombuffer(data, dtype=np.uint8)):
        assert codec.decode(buf).tolist() == [1.0] * 5  # type: ignore[arg-type]
