"""Cost of one Oblivious HTTP round, against the bare cryptography and a peer HPKE.

Measured side by side, interleaved, medians of many iterations:

* ``round_us_4k`` – client encapsulates a BHTTP request with a 4 KiB body, the
  server decapsulates and parses it, encapsulates a 4 KiB BHTTP response, the
  client decapsulates it (fresh ephemeral key every time, no pooling).
* ``crypto_floor_us_4k`` – the unavoidable primitives called directly from
  ``cryptography``: one X25519 key generation, two X25519 exchanges, AES-128-GCM
  seal+open of the request body and of the response body (one AEAD object per key).
* ``protocol_floor_us_4k`` – the floor plus the 20 HMAC-SHA256, 2 AEAD key
  set-ups and ``enc`` (de)serialization that RFC 9180/9458 mandate, as bare calls:
  what a zero-overhead Python implementation would cost.
* ``pyhpke_round_us_4k`` – the same round with pyhpke doing the HPKE part.
* ``signed_round_us_4k`` – the round with the device signature made and checked.
* ``full_round_us_4k`` – the round including BHTTP encoding of both messages and
  parsing of the response (not only of the request).
* ``chunked_stream_us_per_chunk`` – sealing + opening one 256-byte chunk.

Usage: ``python benchmarks/secure.py [--quick]``; the last line is JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from edgekit.secure import bhttp, hpke, identity, ohttp

BODY = os.urandom(4096)
REQUEST = bhttp.Request(
    method="POST",
    authority="gateway.local",
    path="/v1/chat/completions",
    headers=[("content-type", "application/json")],
    content=BODY,
)
RESPONSE = bhttp.Response(status=200, headers=[("content-type", "application/json")], content=BODY)
REQ_BYTES = bhttp.encode_request(REQUEST)
RES_BYTES = bhttp.encode_response(RESPONSE)
NOW = time.time()


def make_ours() -> tuple[Callable[[], None], Callable[[], None], Callable[[], None]]:
    ring = ohttp.ServerKeyring.generate(key_id=1)
    config = ring.current.config
    device = identity.DeviceKey.generate()
    registry = identity.DeviceRegistry([device.public_key])

    def round_() -> None:
        enc_req, cctx = ohttp.encapsulate_request(config, REQ_BYTES)
        plain, sctx = ring.decapsulate_request(enc_req)
        bhttp.decode_request(plain)
        res = sctx.encapsulate_response(RES_BYTES)
        assert len(cctx.decapsulate_response(res)) == len(RES_BYTES)

    def full_round() -> None:
        enc_req, cctx = ohttp.encapsulate_request(config, bhttp.encode_request(REQUEST))
        plain, sctx = ring.decapsulate_request(enc_req)
        bhttp.decode_request(plain)
        res = sctx.encapsulate_response(bhttp.encode_response(RESPONSE))
        bhttp.decode_response(cctx.decapsulate_response(res))

    def signed_round() -> None:
        enc_req, cctx = identity.encapsulate_signed_request(config, REQUEST, device, now=NOW)
        plain, sctx = ring.decapsulate_request(enc_req)
        identity.verify_request(registry, bhttp.decode_request(plain), sctx.enc, now=NOW)
        res = sctx.encapsulate_response(RES_BYTES)
        cctx.decapsulate_response(res)

    return round_, full_round, signed_round


def make_floor() -> Callable[[], None]:
    server = X25519PrivateKey.generate()
    server_pub = server.public_key()
    k1, k2 = os.urandom(16), os.urandom(16)
    n1, n2 = os.urandom(12), os.urandom(12)

    def floor() -> None:
        eph = X25519PrivateKey.generate()
        eph.exchange(server_pub)
        server.exchange(eph.public_key())
        a = AESGCM(k1)
        a.decrypt(n1, a.encrypt(n1, REQ_BYTES, b""), b"")
        b = AESGCM(k2)
        b.decrypt(n2, b.encrypt(n2, RES_BYTES, b""), b"")

    return floor


def make_protocol_floor() -> Callable[[], None]:
    """The floor plus what RFC 9180/9458 add on top of it, as bare calls.

    Per round: 20 HMAC-SHA256 (DHKEM 2 + secret 1 + key/nonce/exporter 3 per
    side; export + extract + 2 expands per response side), 2 more AEAD key
    set-ups (request and response keys differ per side), the ``enc``
    serialization and parsing, and the response nonce.
    """
    floor = make_floor()
    mac_key, mac_msg = os.urandom(32), os.urandom(80)
    k3, k4 = os.urandom(16), os.urandom(16)
    raw = X25519PrivateKey.generate().public_key().public_bytes_raw()
    hmac_sha256 = hpke.hmac_sha256

    def protocol_floor() -> None:
        floor()
        for _ in range(20):
            hmac_sha256(mac_key, mac_msg)
        AESGCM(k3)
        AESGCM(k4)
        X25519PublicKey.from_public_bytes(raw).public_bytes_raw()
        os.urandom(16)

    return protocol_floor


def make_pyhpke() -> Callable[[], None] | None:
    try:
        import pyhpke
    except ImportError:
        return None
    suite = pyhpke.CipherSuite.new(
        pyhpke.KEMId.DHKEM_X25519_HKDF_SHA256, pyhpke.KDFId.HKDF_SHA256, pyhpke.AEADId.AES128_GCM
    )
    server = X25519PrivateKey.generate()
    sk_r = pyhpke.KEMKey.from_pyca_cryptography_key(server)
    pk_r = suite.kem.deserialize_public_key(server.public_key().public_bytes_raw())
    header = b"\x01\x00\x20\x00\x01\x00\x01"
    info = b"message/bhttp request\x00" + header

    def response_aead(secret: bytes, enc: bytes, nonce: bytes) -> tuple[AESGCM, bytes]:
        prk = hpke.hkdf_extract(enc + nonce, secret)
        return AESGCM(hpke.hkdf_expand(prk, b"key", 16)), hpke.hkdf_expand(prk, b"nonce", 12)

    def round_() -> None:
        # client
        enc, sender = suite.create_sender_context(pk_r, info=info)
        wire = header + enc + sender.seal(REQ_BYTES)
        # server
        enc_s = wire[7:39]
        recipient = suite.create_recipient_context(
            enc_s, sk_r, info=b"message/bhttp request\x00" + wire[:7]
        )
        bhttp.decode_request(recipient.open(wire[39:]))
        nonce = os.urandom(16)
        aead, aead_nonce = response_aead(
            recipient.export(b"message/bhttp response", 16), enc_s, nonce
        )
        res = nonce + aead.encrypt(aead_nonce, RES_BYTES, b"")
        # client
        aead_c, nonce_c = response_aead(sender.export(b"message/bhttp response", 16), enc, res[:16])
        assert len(aead_c.decrypt(nonce_c, res[16:], b"")) == len(RES_BYTES)

    return round_


def make_chunks(n: int) -> Callable[[], None]:
    ring = ohttp.ServerKeyring.generate(key_id=1)
    chunk = os.urandom(256)

    def stream() -> None:
        enc_req, client = ohttp.encapsulate_request(ring.current.config, b"q")
        _, server = ring.decapsulate_request(enc_req)
        enc = server.chunked_response_encoder()
        dec = client.chunked_response_decoder()
        dec.feed(enc.start())
        seal, feed = enc.seal, dec.feed
        for _ in range(n):
            feed(seal(chunk))
        feed(seal(b"", final=True))
        dec.close()

    return stream


def measure(cases: dict[str, Callable[[], None]], iterations: int) -> dict[str, float]:
    """Median µs per call of each case, interleaved round-robin to share machine noise."""
    samples: dict[str, list[float]] = {name: [] for name in cases}
    names = list(cases)
    for fn in cases.values():  # warm up
        for _ in range(20):
            fn()
    clock = time.perf_counter_ns
    for i in range(iterations):
        for name in names[i % len(names) :] + names[: i % len(names)]:
            fn = cases[name]
            t0 = clock()
            fn()
            samples[name].append((clock() - t0) / 1000)
    return {name: statistics.median(v) for name, v in samples.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer iterations (smoke run)")
    args = parser.parse_args()
    iterations = 300 if args.quick else 3000
    n_chunks = 64

    round_, full_round, signed_round = make_ours()
    cases: dict[str, Callable[[], None]] = {
        "round": round_,
        "floor": make_floor(),
        "protocol_floor": make_protocol_floor(),
        "full_round": full_round,
        "signed_round": signed_round,
        "chunk_stream": make_chunks(n_chunks),
        "chunk_stream_empty": make_chunks(0),
    }
    peer = make_pyhpke()
    if peer is not None:
        cases["pyhpke_round"] = peer
    med = measure(cases, iterations)
    for name, value in med.items():
        print(f"{name:>20}: {value:9.1f} µs", file=sys.stderr)

    per_chunk = (med["chunk_stream"] - med["chunk_stream_empty"]) / n_chunks
    result: dict[str, object] = {
        "round_us_4k": round(med["round"], 1),
        "crypto_floor_us_4k": round(med["floor"], 1),
        "overhead_ratio": round(med["round"] / med["floor"], 3),
        "protocol_floor_us_4k": round(med["protocol_floor"], 1),
        "overhead_vs_protocol_floor": round(med["round"] / med["protocol_floor"], 3),
        "full_round_us_4k": round(med["full_round"], 1),
        "signed_round_us_4k": round(med["signed_round"], 1),
        "chunked_stream_us_per_chunk": round(per_chunk, 2),
        "iterations": iterations,
        "quick": args.quick,
    }
    if peer is not None:
        result["pyhpke_round_us_4k"] = round(med["pyhpke_round"], 1)
        result["speedup_vs_pyhpke"] = round(med["pyhpke_round"] / med["round"], 2)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
