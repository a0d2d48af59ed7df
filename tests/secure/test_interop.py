"""Cross-checks with independent HPKE implementations: pyhpke and cryptography's own hpke."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from edgekit.errors import DecryptError
from edgekit.secure import hpke

pyhpke = pytest.importorskip("pyhpke")
try:
    from cryptography.hazmat.primitives import hpke as pyca_hpke
except ImportError:  # cryptography < 47
    pyca_hpke = None

AEADS = pytest.mark.parametrize(
    "aead_id",
    [hpke.AEAD_AES_128_GCM, hpke.AEAD_AES_256_GCM, hpke.AEAD_CHACHA20_POLY1305],
    ids=["aes128gcm", "aes256gcm", "chacha20poly1305"],
)
MESSAGES = [b"", b"x", b"hello world" * 50, bytes(range(256)) * 17]


def _pyhpke_suite(aead_id: int) -> pyhpke.CipherSuite:
    return pyhpke.CipherSuite.new(
        pyhpke.KEMId.DHKEM_X25519_HKDF_SHA256, pyhpke.KDFId.HKDF_SHA256, pyhpke.AEADId(aead_id)
    )


@AEADS
def test_ours_seal_pyhpke_opens(aead_id: int) -> None:
    sk_r = X25519PrivateKey.generate()
    pk_bytes = sk_r.public_key().public_bytes_raw()
    suite = hpke.Suite(aead_id=aead_id)
    enc, sender = hpke.setup_base_s(suite, pk_bytes, b"edgekit info")
    cs = _pyhpke_suite(aead_id)
    recipient = cs.create_recipient_context(
        enc, pyhpke.KEMKey.from_pyca_cryptography_key(sk_r), info=b"edgekit info"
    )
    for i, msg in enumerate(MESSAGES):
        aad = f"aad-{i}".encode()
        assert recipient.open(sender.seal(msg, aad), aad=aad) == msg
    assert recipient.export(b"exp", 48) == sender.export(b"exp", 48)


@AEADS
def test_pyhpke_seals_ours_opens(aead_id: int) -> None:
    sk_r = hpke.PrivateKey.generate()
    cs = _pyhpke_suite(aead_id)
    pk = cs.kem.deserialize_public_key(sk_r.public_bytes())
    enc, sender = cs.create_sender_context(pk, info=b"other info")
    recipient = hpke.setup_base_r(hpke.Suite(aead_id=aead_id), enc, sk_r, b"other info")
    for i, msg in enumerate(MESSAGES):
        aad = f"aad-{i}".encode()
        assert recipient.open(sender.seal(msg, aad=aad), aad) == msg
    assert recipient.export(b"", 32) == sender.export(b"", 32)
    with pytest.raises(DecryptError):
        recipient.open(sender.seal(b"m", aad=b"x"), b"y")


pyca = pytest.mark.skipif(pyca_hpke is None, reason="cryptography without hpke module")
_PYCA_AEAD = (
    {}
    if pyca_hpke is None
    else {
        hpke.AEAD_AES_128_GCM: pyca_hpke.AEAD.AES_128_GCM,
        hpke.AEAD_AES_256_GCM: pyca_hpke.AEAD.AES_256_GCM,
        hpke.AEAD_CHACHA20_POLY1305: pyca_hpke.AEAD.CHACHA20_POLY1305,
    }
)


@pyca
@AEADS
def test_cryptography_hpke_both_directions(aead_id: int) -> None:
    assert pyca_hpke is not None
    pyca_suite = pyca_hpke.Suite(
        pyca_hpke.KEM.X25519, pyca_hpke.KDF.HKDF_SHA256, _PYCA_AEAD[aead_id]
    )
    ours = hpke.Suite(aead_id=aead_id)
    sk = X25519PrivateKey.generate()
    our_sk = hpke.PrivateKey(hpke.KEM_X25519_HKDF_SHA256, sk.private_bytes_raw())
    for msg in MESSAGES:
        # theirs -> ours (single-shot = enc || ct, empty aad, first sequence number)
        blob = pyca_suite.encrypt(msg, sk.public_key(), info=b"i")
        ctx = hpke.setup_base_r(ours, blob[:32], our_sk, b"i")
        assert ctx.open(blob[32:]) == msg
        # ours -> theirs
        enc, sender = hpke.setup_base_s(ours, our_sk.public_bytes(), b"i")
        assert pyca_suite.decrypt(enc + sender.seal(msg), sk, info=b"i") == msg


@pyca
@pytest.mark.skipif(not hpke.pq_available(), reason="cryptography without ML-KEM")
def test_cryptography_hybrid_kem_both_directions() -> None:
    assert pyca_hpke is not None
    from cryptography.hazmat.primitives.asymmetric import mlkem

    ours = hpke.PrivateKey.generate(hpke.KEM_MLKEM768_X25519)
    # Rebuild the same key from its components for cryptography's implementation.
    import hashlib

    expanded = hashlib.shake_256(ours.private_bytes()).digest(96)
    theirs = pyca_hpke.MLKEM768X25519PrivateKey(
        mlkem.MLKEM768PrivateKey.from_seed_bytes(expanded[:64]),
        X25519PrivateKey.from_private_bytes(expanded[64:]),
    )
    suite = hpke.Suite(kem_id=hpke.KEM_MLKEM768_X25519)
    pyca_suite = pyca_hpke.Suite(
        pyca_hpke.KEM.MLKEM768_X25519, pyca_hpke.KDF.HKDF_SHA256, pyca_hpke.AEAD.AES_128_GCM
    )
    blob = pyca_suite.encrypt(b"post-quantum", theirs.public_key(), info=b"pq")
    ctx = hpke.setup_base_r(suite, blob[:1120], ours, b"pq")
    assert ctx.open(blob[1120:]) == b"post-quantum"
    enc, sender = hpke.setup_base_s(suite, ours.public_bytes(), b"pq")
    assert pyca_suite.decrypt(enc + sender.seal(b"back"), theirs, info=b"pq") == b"back"
