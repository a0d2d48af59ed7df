"""Chunked streams: independent chunks along axis 0 and the incremental decoder."""

from __future__ import annotations

import numpy as np
import pytest

from edgekit import codec
from edgekit.errors import CodecError

X = np.random.default_rng(3).standard_normal((10, 4, 24)).astype(np.float32)


def test_chunks_decode_independently() -> None:
    encoder = codec.ChunkEncoder(X, "int8", rows_per_chunk=3)
    messages = list(encoder)
    assert encoder.chunk_count == len(messages) == 4
    pieces = [codec.decode(m) for m in messages]
    assert [p.shape[0] for p in pieces] == [3, 3, 3, 1]
    headers = [codec.read_header(m) for m in messages]
    assert [(h.chunk_index, h.row_offset, h.total_rows) for h in headers] == [
        (0, 0, 10),
        (1, 3, 10),
        (2, 6, 10),
        (3, 9, 10),
    ]
    whole = codec.decode(codec.encode(X[:3], "int8"))
    assert pieces[0].tobytes() == whole.tobytes()


@pytest.mark.parametrize("scheme", codec.SCHEMES)
@pytest.mark.parametrize("piece", [1, 7, 1000, 10**6])
def test_decoder_accepts_bytes_as_they_arrive(scheme: str, piece: int) -> None:
    stream = b"".join(codec.encode_chunks(X, scheme, rows_per_chunk=4))
    decoder = codec.ChunkDecoder()
    chunks = []
    for start in range(0, len(stream), piece):
        chunks += decoder.feed(stream[start : start + piece])
    decoder.close()
    assert decoder.done
    assert [c.index for c in chunks] == [0, 1, 2]
    assert chunks[-1].last
    assert not chunks[0].last
    expected = codec.decode(codec.encode(X, scheme)) if scheme != "lossless" else X
    assert np.array_equal(decoder.result(), expected)
    assert np.array_equal(np.concatenate([c.array for c in chunks]), decoder.result())


def test_first_rows_are_usable_before_the_rest_arrives() -> None:
    messages = list(codec.encode_chunks(X, "f16", rows_per_chunk=5))
    decoder = codec.ChunkDecoder()
    (first,) = decoder.feed(messages[0] + messages[1][:20])
    assert first.row_offset == 0
    assert first.array.shape == (5, 4, 24)
    assert not decoder.done
    with pytest.raises(CodecError, match="incomplete"):
        decoder.result()
    with pytest.raises(CodecError, match="ended before"):
        decoder.close()
    assert [c.index for c in decoder.feed(messages[1][20:])] == [1]


def test_default_chunking_by_bytes_and_empty_tensor() -> None:
    big = np.zeros((100, 1024), dtype=np.float32)  # 4 KiB per row
    assert codec.ChunkEncoder(big, "f32", chunk_bytes=64 * 1024).chunk_count == 7
    empty = list(codec.encode_chunks(np.zeros((0, 3), dtype=np.float32), "int8"))
    decoder = codec.ChunkDecoder()
    decoder.feed(empty[0])
    assert decoder.done
    assert decoder.result().shape == (0, 3)


@pytest.mark.parametrize(
    ("mangle", "message"),
    [
        (lambda m: [m[1]], "out of order"),
        (lambda m: [m[0], m[0]], "out of order"),
        (lambda m: [*m, m[0]], "after the last chunk"),
        (lambda m: [m[0], codec.encode(X[3:6], "int8")], "not part of a chunked stream"),
        (lambda m: [m[0], next(codec.encode_chunks(X[:7], "int8", rows_per_chunk=3))], "belong"),
        (
            lambda m: [m[0], list(codec.encode_chunks(X[:, :2], "int8", rows_per_chunk=4))[1]],
            "belong",
        ),
    ],
)
def test_inconsistent_streams_are_refused(mangle: object, message: str) -> None:
    messages = list(codec.encode_chunks(X, "int8", rows_per_chunk=4))
    decoder = codec.ChunkDecoder()
    *good, bad = mangle(messages)  # type: ignore[operator]
    for m in good:
        decoder.feed(m)
    with pytest.raises(CodecError, match=message):
        decoder.feed(bad)


def test_stream_size_limit_is_checked_on_the_first_header() -> None:
    messages = list(codec.encode_chunks(X, "f32", rows_per_chunk=2))
    decoder = codec.ChunkDecoder(max_bytes=X.nbytes - 1)
    with pytest.raises(CodecError, match="max_bytes"):
        decoder.feed(messages[0][:200])


def test_assemble_false_only_yields_pieces() -> None:
    decoder = codec.ChunkDecoder(assemble=False)
    chunks = decoder.feed(b"".join(codec.encode_chunks(X, "int4", rows_per_chunk=5)))
    assert len(chunks) == 2
    assert decoder.done
    with pytest.raises(CodecError):
        decoder.result()


@pytest.mark.parametrize("rows", [0, -1])
def test_bad_chunking_arguments(rows: int) -> None:
    with pytest.raises(CodecError, match="rows_per_chunk"):
        codec.ChunkEncoder(X, "int8", rows_per_chunk=rows)
    with pytest.raises(CodecError, match="rank"):
        codec.ChunkEncoder(np.float32(1.0), "int8")
