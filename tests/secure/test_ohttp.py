"""Oblivious HTTP: RFC 9458 Appendix A, key configurations, rotation, chunked responses."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from edgekit.errors import ConfigError, DecryptError, ProtocolError
from edgekit.secure import bhttp, hpke, ohttp
from edgekit.secure.ohttp import KeyConfig, ServerKey, ServerKeyring, SymmetricSuite

h = bytes.fromhex

# RFC 9458 Appendix A.
RFC_SK = h("3c168975674b2fa8e465970b79c8dcf09f1c741626480bd4c6162fc5b6a98e1a")
RFC_KEY_CONFIG = h(
    "01002031e1f05a740102115220e9af918f738674aec95f54db6e04eb705aae8e79815500080001000100010003"
)
RFC_REQUEST = h("00034745540568747470730b6578616d706c652e636f6d012f")
RFC_EPHEMERAL = h("bc51d5e930bda26589890ac7032f70ad12e4ecb37abb1b65b1256c9c48999c73")
RFC_ENC = h("4b28f881333e7c164ffc499ad9796f877f4e1051ee6d31bad19dec96c208b472")
RFC_INFO = h("6d6573736167652f626874747020726571756573740001002000010001")
RFC_ENCAPSULATED_REQUEST = h(
    "010020000100014b28f881333e7c164ffc499ad9796f877f4e1051ee6d31bad1"
    "9dec96c208b4726374e469135906992e1268c594d2a10c695d858c40a026e796"
    "5e7d86b83dd440b2c0185204b4d63525"
)
RFC_RESPONSE = h("0140c8")
RFC_EXPORTED_SECRET = h("62d87a6ba569ee81014c2641f52bea36")
RFC_RESPONSE_NONCE = h("c789e7151fcba46158ca84b04464910d")
RFC_PRK = h("979aaeae066cf211ab407b31ae49767f344e1501e475c84e8aff547cc5a683db")
RFC_AEAD_KEY = h("5d0172a080e428b16d298c4ea0db620d")
RFC_AEAD_NONCE = h("f6bf1aeb88d6df87007fa263")
RFC_ENCAPSULATED_RESPONSE = h(
    "c789e7151fcba46158ca84b04464910d86f9013e404feea014e7be4a441f234f857fbd"
)


def _rfc_keyring() -> ServerKeyring:
    key = ServerKey(
        key_id=1,
        private_key=hpke.PrivateKey(hpke.KEM_X25519_HKDF_SHA256, RFC_SK),
        suites=(SymmetricSuite(1, 1), SymmetricSuite(1, 3)),
        created_at=0.0,
    )
    return ServerKeyring([key], clock=lambda: 1.0)


def test_rfc9458_key_configuration() -> None:
    ring = _rfc_keyring()
    assert ring.current.config.encode() == RFC_KEY_CONFIG
    config = KeyConfig.decode(RFC_KEY_CONFIG)
    assert config == ring.current.config
    assert ring.encoded_key_configs() == len(RFC_KEY_CONFIG).to_bytes(2, "big") + RFC_KEY_CONFIG


def test_rfc9458_request_and_response() -> None:
    config = KeyConfig.decode(RFC_KEY_CONFIG)
    eph = X25519PrivateKey.from_private_bytes(RFC_EPHEMERAL)
    encapsulated, client_ctx = ohttp.encapsulate_request(config, RFC_REQUEST, ephemeral=eph)
    assert client_ctx.enc == RFC_ENC
    assert encapsulated == RFC_ENCAPSULATED_REQUEST

    request, server_ctx = _rfc_keyring().decapsulate_request(RFC_ENCAPSULATED_REQUEST)
    assert request == RFC_REQUEST
    assert bhttp.decode_request(request).authority == "example.com"
    assert server_ctx._ctx.export(b"message/bhttp response", 16) == RFC_EXPORTED_SECRET
    prk = hpke.hkdf_extract(RFC_ENC + RFC_RESPONSE_NONCE, RFC_EXPORTED_SECRET)
    assert prk == RFC_PRK
    assert hpke.hkdf_expand(prk, b"key", 16) == RFC_AEAD_KEY
    assert hpke.hkdf_expand(prk, b"nonce", 12) == RFC_AEAD_NONCE

    response = server_ctx.encapsulate_response(RFC_RESPONSE, response_nonce=RFC_RESPONSE_NONCE)
    assert response == RFC_ENCAPSULATED_RESPONSE
    assert client_ctx.decapsulate_response(response) == RFC_RESPONSE


def test_rfc9458_info_string() -> None:
    suite = hpke.Suite()
    header = RFC_ENCAPSULATED_REQUEST[:7]
    assert b"message/bhttp request\x00" + header == RFC_INFO
    ctx = hpke.setup_base_r(suite, RFC_ENC, hpke.PrivateKey(0x20, RFC_SK), RFC_INFO)
    assert ctx.open(RFC_ENCAPSULATED_REQUEST[39:]) == RFC_REQUEST


@pytest.mark.parametrize("aead", [1, 2, 3])
def test_round_trip_each_suite(aead: int) -> None:
    ring = ServerKeyring.generate(key_id=7)
    [config] = ohttp.decode_key_configs(ring.encoded_key_configs())
    body = os.urandom(4096)
    enc_req, cctx = ohttp.encapsulate_request(config, body, suite=SymmetricSuite(1, aead))
    assert enc_req[5:7] == aead.to_bytes(2, "big")
    got, sctx = ring.decapsulate_request(enc_req)
    assert got == body
    assert sctx.key_id == 7
    assert sctx.enc == cctx.enc
    assert cctx.decapsulate_response(sctx.encapsulate_response(body[::-1])) == body[::-1]


@pytest.mark.skipif(not hpke.pq_available(), reason="cryptography without ML-KEM")
def test_round_trip_hybrid_kem() -> None:
    ring = ServerKeyring.generate(kem_id=hpke.KEM_MLKEM768_X25519)
    [config] = ohttp.decode_key_configs(ring.encoded_key_configs())
    assert config.kem_id == 0x647A
    assert len(config.public_key) == 1216
    enc_req, cctx = ohttp.encapsulate_request(config, b"pq request")
    got, sctx = ring.decapsulate_request(enc_req)
    assert got == b"pq request"
    assert cctx.decapsulate_response(sctx.encapsulate_response(b"pq answer")) == b"pq answer"


def test_key_configs_document() -> None:
    a = ServerKeyring.generate(key_id=1).current.config
    b = KeyConfig(2, 0x20, os.urandom(32), (SymmetricSuite(1, 3),))
    doc = ohttp.encode_key_configs([a, b])
    assert ohttp.decode_key_configs(doc) == [a, b]
    # an unknown KEM (P-256, 65-byte key) and an unknown AEAD are skipped, not fatal
    unknown = bytes((9,)) + b"\x00\x10" + bytes(65) + b"\x00\x04\x00\x01\x00\x01"
    odd_aead = bytes((3,)) + b"\x00\x20" + bytes(32) + b"\x00\x04\x00\x01\x00\x09"
    doc2 = b"".join(len(c).to_bytes(2, "big") + c for c in (unknown, odd_aead)) + doc
    assert ohttp.decode_key_configs(doc2) == [a, b]
    for bad in (b"\x00", doc[:-1], b"\x00\x00", len(unknown).to_bytes(2, "big") + unknown):
        with pytest.raises(ohttp.KeyConfigError):
            ohttp.decode_key_configs(bad)
    assert issubclass(ohttp.KeyConfigError, ProtocolError)


def test_rotation_grace_and_retirement(tmp_path: Path) -> None:
    now = [1000.0]
    ring = ServerKeyring.generate(key_id=1, clock=lambda: now[0])
    old_config = ring.current.config
    old_req, _old_ctx = ohttp.encapsulate_request(old_config, b"old")
    new = ring.rotate(grace_s=60)
    assert ring.current is new
    assert new.key_id != 1
    assert [c.key_id for c in ring.key_configs()] == [new.key_id, 1]
    assert ring.decapsulate_request(old_req)[0] == b"old"  # within the grace period
    path = tmp_path / "keys" / "ring.json"
    ring.save(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    loaded = ServerKeyring.load(path, clock=lambda: now[0])
    assert loaded.encoded_key_configs() == ring.encoded_key_configs()
    now[0] += 61
    assert [c.key_id for c in loaded.key_configs()] == [new.key_id]
    with pytest.raises(DecryptError):
        loaded.decapsulate_request(old_req)
    assert loaded.prune() == [1]
    new_req, _ = ohttp.encapsulate_request(loaded.current.config, b"new")
    assert loaded.decapsulate_request(new_req)[0] == b"new"


def test_keyring_file_errors(tmp_path: Path) -> None:
    path = tmp_path / "ring.json"
    ServerKeyring.generate().save(path)
    os.chmod(path, 0o644)
    with pytest.raises(ConfigError, match="chmod"):
        ServerKeyring.load(path)
    os.chmod(path, 0o600)
    path.write_bytes(b"{not json")
    os.chmod(path, 0o600)
    with pytest.raises(ConfigError):
        ServerKeyring.load(path)
    with pytest.raises(ConfigError):
        ServerKeyring.load(tmp_path / "missing.json")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_receiving_side_failures_are_all_decrypt_error() -> None:
    ring = ServerKeyring.generate(key_id=5, suites=(SymmetricSuite(1, 1),))
    config = ring.current.config
    req, cctx = ohttp.encapsulate_request(config, b"payload")
    other = KeyConfig(6, 0x20, config.public_key, config.suites)
    wrong_id, _ = ohttp.encapsulate_request(other, b"payload")
    wrong_suite = req[:5] + b"\x00\x03" + req[7:]
    wrong_kem = req[:1] + b"\x00\x10" + req[3:]
    for bad in (b"", req[:6], req[:40], wrong_id, wrong_suite, wrong_kem, req + b"\x00"):
        with pytest.raises(DecryptError) as info:
            ring.decapsulate_request(bad)
        assert str(info.value) == "decryption failed"
    _, sctx = ring.decapsulate_request(req)
    res = sctx.encapsulate_response(b"answer")
    for bad in (b"", res[:20], res[:-1], res + b"\x00"):
        with pytest.raises(DecryptError):
            cctx.decapsulate_response(bad)


def test_chunked_request() -> None:
    ring = ServerKeyring.generate()
    req, cctx = ohttp.encapsulate_request(ring.current.config, b"stream me", chunked=True)
    with pytest.raises(DecryptError):  # a chunked request is not a plain one, and vice versa
        ring.decapsulate_request(req)
    got, sctx = ring.decapsulate_request(req, chunked=True)
    assert got == b"stream me"
    assert sctx.chunked
    assert cctx.chunked
    enc = sctx.chunked_response_encoder()
    wire = enc.start() + enc.seal(b"part 1") + enc.seal(b"end", final=True)
    dec = cctx.chunked_response_decoder()
    assert dec.feed(wire) == [b"part 1"]
    assert dec.close() == b"end"


def _chunked_exchange(
    chunks: list[bytes], final: bytes
) -> tuple[list[bytes], ohttp.ClientResponseContext]:
    ring = ServerKeyring.generate()
    req, cctx = ohttp.encapsulate_request(ring.current.config, b"q")
    _, sctx = ring.decapsulate_request(req)
    enc = sctx.chunked_response_encoder()
    pieces = [enc.start()] + [enc.seal(c) for c in chunks] + [enc.seal(final, final=True)]
    with pytest.raises(ProtocolError):
        enc.seal(b"after the end")
    return pieces, cctx


def test_chunked_response_streaming_any_split() -> None:
    chunks = [f"data: token {i}\n\n".encode() for i in range(20)]
    pieces, cctx = _chunked_exchange([*chunks, b""], b"data: [DONE]\n\n")
    assert pieces[-2] == b""  # an empty non-final chunk is never sent (draft §4)
    wire = b"".join(pieces)
    for step in (1, 7, 64, len(wire)):
        dec = cctx.chunked_response_decoder()
        got: list[bytes] = []
        for i in range(0, len(wire), step):
            got += dec.feed(wire[i : i + step])
        assert got == chunks
        assert dec.close() == b"data: [DONE]\n\n"


def test_chunked_response_truncation_and_reordering_detected() -> None:
    pieces, cctx = _chunked_exchange([b"one", b"two", b"three"], b"")
    nonce, c1, c2, c3, final = pieces

    def run(parts: list[bytes]) -> None:
        dec = cctx.chunked_response_decoder()
        for p in parts:
            dec.feed(p)
        dec.close()

    run([nonce, c1, c2, c3, final])  # the genuine stream opens
    for parts in (
        [nonce, c1, c2, c3],  # final chunk missing: truncation
        [nonce, c1, c3, c2, final],  # reordered
        [nonce, c1, c3, final],  # a chunk dropped
        [nonce, c1, c1, c2, c3, final],  # a chunk replayed
        [nonce, c1, c2, b"\x00" + c3[1:]],  # a non-final chunk relabelled final
        [nonce, c1, c2, c3, final, b"x"],  # bytes appended
        [nonce[:-1]],
    ):
        with pytest.raises(DecryptError):
            run(parts)


def test_empty_non_final_chunk_is_a_decryption_error() -> None:
    ring = ServerKeyring.generate()
    req, cctx = ohttp.encapsulate_request(ring.current.config, b"q")
    _, sctx = ring.decapsulate_request(req)
    enc = sctx.chunked_response_encoder()
    start = enc.start()
    # Seal an empty non-final chunk by hand, as a non-conforming gateway would.
    empty = enc._aead.encrypt(ohttp._chunk_nonce(enc._base, 0, 12), b"", b"")
    enc._counter = 1
    wire = start + ohttp.encode_varint(len(empty)) + empty + enc.seal(b"end", final=True)
    dec = cctx.chunked_response_decoder()
    with pytest.raises(DecryptError):
        dec.feed(wire)


def test_chunked_decoder_bounds_chunk_size() -> None:
    pieces, cctx = _chunked_exchange([b"x" * 2000], b"")
    dec = cctx.chunked_response_decoder(max_chunk=1000)
    with pytest.raises(DecryptError):
        dec.feed(b"".join(pieces))
    with pytest.raises(DecryptError):  # a failed decoder stays failed
        dec.feed(b"")


def test_reprs_hold_no_secrets() -> None:
    ring = ServerKeyring.generate()
    secret_hex = ring.current.private_key.private_bytes().hex()
    req, cctx = ohttp.encapsulate_request(ring.current.config, b"q")
    _, sctx = ring.decapsulate_request(req)
    for obj in (
        ring,
        ring.current,
        cctx,
        sctx,
        sctx.chunked_response_encoder(),
        cctx.chunked_response_decoder(),
    ):
        assert secret_hex not in repr(obj)
        assert secret_hex[:8] not in repr(obj)
