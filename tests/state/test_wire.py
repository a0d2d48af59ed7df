"""The hand-off stream: exact lossless round trips, int8 size and quality, hostile input."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edgekit.errors import CodecError, StateError
from edgekit.local import Engine, GenerationParams
from edgekit.state.layout import parse_checked
from edgekit.state.wire import StateDecoder, decode_state, encode_state
from tests.state.conftest import DOC
from tests.state.test_layout import synthetic


@pytest.fixture(scope="module")
def doc_state(device: Engine) -> bytes:
    tokens = device.tokenize(DOC)
    for _ in device.stream_tokens(tokens, GenerationParams(max_tokens=1)):
        pass
    return device.save_state()


def test_lossless_is_exact(doc_state: bytes) -> None:
    frames = b"".join(encode_state(doc_state, "lossless"))
    assert decode_state(frames) == doc_state


def test_int8_halves_the_state_and_keeps_structure_exact(doc_state: bytes) -> None:
    frames = b"".join(encode_state(doc_state, "int8"))
    assert len(frames) / len(doc_state) <= 0.55
    out = decode_state(frames)
    layout = parse_checked(doc_state)
    assert parse_checked(out) == layout
    for seg in layout.segments:
        a, b = doc_state[seg.offset : seg.end], out[seg.offset : seg.end]
        if seg.kind == "raw":
            assert a == b
        else:
            x = np.frombuffer(a, np.float16).astype(np.float32)
            y = np.frombuffer(b, np.float16).astype(np.float32)
            assert np.abs(x - y).max() <= np.abs(x).max() / 127 + 1e-3


def test_unknown_layout_falls_back_to_lossless() -> None:
    blob = b"not a llama.cpp state at all, just odd bytes"
    decoder = StateDecoder()
    decoder.feed(b"".join(encode_state(blob, "int8")))
    assert decoder.head is not None
    assert decoder.head["layout"] == "opaque"
    assert decoder.result() == blob


@settings(max_examples=40, deadline=None)
@given(
    cuts=st.lists(st.integers(1, 5000), max_size=20),
    scheme=st.sampled_from(["int8", "lossless"]),
)
def test_any_split_of_the_stream_decodes(cuts: list[int], scheme: str) -> None:
    state = synthetic(17, 3, 24, 24, True, seed=len(cuts))
    frames = b"".join(encode_state(state, scheme))  # type: ignore[arg-type]
    decoder = StateDecoder()
    at = 0
    for c in sorted(cuts):
        decoder.feed(frames[at:c])
        at = max(at, c)
    decoder.feed(frames[at:])
    out = decoder.result()
    assert len(out) == len(state)
    if scheme == "lossless":
        assert out == state


def test_truncated_stream_is_a_state_error() -> None:
    frames = b"".join(encode_state(synthetic(5, 2, 16, 16, True), "int8"))
    decoder = StateDecoder()
    decoder.feed(frames[:-7])
    with pytest.raises(StateError):
        decoder.result()


@settings(max_examples=60, deadline=None)
@given(index=st.integers(0, 10_000), flip=st.integers(1, 255))
def test_corrupted_stream_is_a_clear_error(index: int, flip: int) -> None:
    frames = bytearray(b"".join(encode_state(synthetic(5, 2, 16, 16, True), "lossless")))
    frames[index % len(frames)] ^= flip
    decoder = StateDecoder()

    def decode() -> bytes:
        decoder.feed(bytes(frames))
        return decoder.result()

    with pytest.raises((StateError, CodecError)):
        decode()


def test_oversized_state_is_refused() -> None:
    frames = b"".join(encode_state(synthetic(5, 2, 16, 16, True), "lossless"))
    with pytest.raises(StateError, match="limit"):
        StateDecoder(max_state_bytes=100).feed(frames)


def test_compressed_message_of_excessive_declared_size_is_refused() -> None:
    import zstandard

    from edgekit.state.wire import KIND_DATA_Z, MAX_MESSAGE_BYTES, frame

    frames = list(encode_state(synthetic(5, 2, 16, 16, True), "int8"))
    bomb = zstandard.ZstdCompressor(level=1).compress(bytes(MAX_MESSAGE_BYTES + 1))
    decoder = StateDecoder()
    decoder.feed(frames[0])
    with pytest.raises(StateError, match="excessive"):
        decoder.feed(frame(KIND_DATA_Z, bomb))
