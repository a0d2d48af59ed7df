"""Property tests: any truncation or bit flip of sealed data fails with DecryptError only."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edgekit.errors import DecryptError
from edgekit.secure import ohttp
from edgekit.secure.ohttp import ClientResponseContext, ServerKeyring

_RING = ServerKeyring.generate(key_id=3)
_CONFIG = _RING.current.config
_REQUEST, _CCTX = ohttp.encapsulate_request(_CONFIG, b"POST /v1/chat/completions" * 8)
_, _SCTX = _RING.decapsulate_request(_REQUEST)
_RESPONSE = _SCTX.encapsulate_response(b'{"choices": []}' * 10)
_ENCODER = _SCTX.chunked_response_encoder()
_CHUNKED = [_ENCODER.start()] + [_ENCODER.seal(f"chunk {i}".encode()) for i in range(4)]
_CHUNKED.append(_ENCODER.seal(b"last", final=True))
_CHUNKED_WIRE = b"".join(_CHUNKED)


def _mutations(blob: bytes) -> st.SearchStrategy[bytes]:
    flips = st.tuples(st.integers(0, len(blob) - 1), st.integers(0, 7)).map(
        lambda t: blob[: t[0]] + bytes((blob[t[0]] ^ (1 << t[1]),)) + blob[t[0] + 1 :]
    )
    cuts = st.integers(0, len(blob) - 1).map(lambda n: blob[:n])
    extend = st.binary(min_size=1, max_size=8).map(lambda b: blob + b)
    return st.one_of(flips, cuts, extend)


@settings(max_examples=300, deadline=None)
@given(_mutations(_REQUEST))
def test_mutated_request(data: bytes) -> None:
    with pytest.raises(DecryptError):
        _RING.decapsulate_request(data)


@settings(max_examples=300, deadline=None)
@given(_mutations(_RESPONSE))
def test_mutated_response(data: bytes) -> None:
    with pytest.raises(DecryptError):
        _CCTX.decapsulate_response(data)


def _open_stream(cctx: ClientResponseContext, wire: bytes, split: int) -> list[bytes]:
    dec = cctx.chunked_response_decoder()
    out = dec.feed(wire[:split]) + dec.feed(wire[split:])
    out.append(dec.close())
    return out


def test_genuine_stream_opens() -> None:
    assert _open_stream(_CCTX, _CHUNKED_WIRE, 5)[-1] == b"last"


@settings(max_examples=300, deadline=None)
@given(_mutations(_CHUNKED_WIRE), st.integers(0, 200))
def test_mutated_chunked_stream(data: bytes, split: int) -> None:
    with pytest.raises(DecryptError):
        _open_stream(_CCTX, data, split)


@settings(max_examples=100, deadline=None)
@given(st.permutations(list(range(1, len(_CHUNKED) - 1))))
def test_reordered_chunks(order: list[int]) -> None:
    wire = _CHUNKED[0] + b"".join(_CHUNKED[i] for i in order) + _CHUNKED[-1]
    if order == sorted(order):
        assert _open_stream(_CCTX, wire, 0)[-1] == b"last"
    else:
        with pytest.raises(DecryptError):
            _open_stream(_CCTX, wire, 0)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_into_every_opener(data: bytes) -> None:
    for call in (
        lambda: _RING.decapsulate_request(data),
        lambda: _RING.decapsulate_request(data, chunked=True),
        lambda: _CCTX.decapsulate_response(data),
        lambda: _open_stream(_CCTX, data, len(data) // 2),
    ):
        with pytest.raises(DecryptError):
            call()


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_random_key_config_documents(data: bytes) -> None:
    with contextlib.suppress(ohttp.KeyConfigError):
        ohttp.decode_key_configs(data)
