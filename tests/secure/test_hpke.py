"""HPKE against published vectors (RFC 9180 Appendix A, draft-ietf-hpke-pq) and peers."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from edgekit.errors import ConfigError, DecryptError
from edgekit.secure import hpke

from . import pq_vector as pqv

h = bytes.fromhex
PT = h("4265617574792069732074727574682c20747275746820626561757479")
INFO = h("4f6465206f6e2061204772656369616e2055726e")

# RFC 9180 A.1.1: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM, base mode.
A11 = {
    "aead_id": 1,
    "ikmE": "7268600d403fce431561aef583ee1613527cff655c1343f29812e66706df3234",
    "skEm": "52c4a758a802cd8b936eceea314432798d5baf2d7e9235dc084ab1b9cfa2f736",
    "pkEm": "37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431",
    "ikmR": "6db9df30aa07dd42ee5e8181afdb977e538f5e1fec8a06223f33f7013e525037",
    "skRm": "4612c550263fc8ad58375df3f557aac531d26850903e55a9f23f21d8534e8ac8",
    "pkRm": "3948cfe0ad1ddb695d780e59077195da6c56506b027329794ab02bca80815c4d",
    "shared_secret": "fe0e18c9f024ce43799ae393c7e8fe8fce9d218875e8227b0187c04e7d2ea1fc",
    "key": "4531685d41d65f03dc48f6b8302c05b0",
    "base_nonce": "56d890e5accaaf011cff4b7d",
    "exporter_secret": "45ff1c2e220db587171952c0592d5f5ebe103f1561a2614e38f2ffd47e99e3f8",
    "encryptions": [
        (
            0,
            "436f756e742d30",
            "f938558b5d72f1a23810b4be2ab4f84331acc02fc97babc53a52ae8218a355a9"
            "6d8770ac83d07bea87e13c512a",
        ),
        (
            1,
            "436f756e742d31",
            "af2d7e9ac9ae7e270f46ba1f975be53c09f8d875bdc8535458c2494e8a6eab25"
            "1c03d0c22a56b8ca42c2063b84",
        ),
        (
            2,
            "436f756e742d32",
            "498dfcabd92e8acedc281e85af1cb4e3e31c7dc394a1ca20e173cb7251649158"
            "8d96a19ad4a683518973dcc180",
        ),
        (
            4,
            "436f756e742d34",
            "583bd32bc67a5994bb8ceaca813d369bca7b2a42408cddef5e22f880b631215a"
            "09fc0012bc69fccaa251c0246d",
        ),
        (
            255,
            "436f756e742d323535",
            "7175db9717964058640a3a11fb9007941a5d1757fda1a6935c805c21af32505b"
            "f106deefec4a49ac38d71c9e0a",
        ),
        (
            256,
            "436f756e742d323536",
            "957f9800542b0b8891badb026d79cc54597cb2d225b54c00c5238c25d05c30e3"
            "fbeda97d2e0e1aba483a2df9f2",
        ),
    ],
    "exports": [
        ("", "3853fe2b4035195a573ffc53856e77058e15d9ea064de3e59f4961d0095250ee"),
        ("00", "2e8f0b54673c7029649d4eb9d5e33bf1872cf76d623ff164ac185da9e88c21a5"),
        (
            "54657374436f6e74657874",
            "e9e43065102c3836401bed8c3c3c75ae46be1639869391d62c61f1ec7af54931",
        ),
    ],
}

# RFC 9180 A.2.1: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20Poly1305, base mode.
A21 = {
    "aead_id": 3,
    "ikmE": "909a9b35d3dc4713a5e72a4da274b55d3d3821a37e5d099e74a647db583a904b",
    "skEm": "f4ec9b33b792c372c1d2c2063507b684ef925b8c75a42dbcbf57d63ccd381600",
    "pkEm": "1afa08d3dec047a643885163f1180476fa7ddb54c6a8029ea33f95796bf2ac4a",
    "ikmR": "1ac01f181fdf9f352797655161c58b75c656a6cc2716dcb66372da835542e1df",
    "skRm": "8057991eef8f1f1af18f4a9491d16a1ce333f695d4db8e38da75975c4478e0fb",
    "pkRm": "4310ee97d88cc1f088a5576c77ab0cf5c3ac797f3d95139c6c84b5429c59662a",
    "shared_secret": "0bbe78490412b4bbea4812666f7916932b828bba79942424abb65244930d69a7",
    "key": "ad2744de8e17f4ebba575b3f5f5a8fa1f69c2a07f6e7500bc60ca6e3e3ec1c91",
    "base_nonce": "5c4d98150661b848853b547f",
    "exporter_secret": "a3b010d4994890e2c6968a36f64470d3c824c8f5029942feb11e7a74b2921922",
    "encryptions": [
        (
            0,
            "436f756e742d30",
            "1c5250d8034ec2b784ba2cfd69dbdb8af406cfe3ff938e131f0def8c8b60b4db"
            "21993c62ce81883d2dd1b51a28",
        ),
        (
            1,
            "436f756e742d31",
            "6b53c051e4199c518de79594e1c4ab18b96f081549d45ce015be002090bb119e"
            "85285337cc95ba5f59992dc98c",
        ),
        (
            2,
            "436f756e742d32",
            "71146bd6795ccc9c49ce25dda112a48f202ad220559502cef1f34271e0cb4b02"
            "b4f10ecac6f48c32f878fae86b",
        ),
        (
            4,
            "436f756e742d34",
            "63357a2aa291f5a4e5f27db6baa2af8cf77427c7c1a909e0b37214dd47db122b"
            "b153495ff0b02e9e54a50dbe16",
        ),
        (
            255,
            "436f756e742d323535",
            "18ab939d63ddec9f6ac2b60d61d36a7375d2070c9b683861110757062c52b888"
            "0a5f6b3936da9cd6c23ef2a95c",
        ),
        (
            256,
            "436f756e742d323536",
            "7a4a13e9ef23978e2c520fd4d2e757514ae160cd0cd05e556ef692370ca53076"
            "214c0c40d4c728d6ed9e727a5b",
        ),
    ],
    "exports": [
        ("", "4bbd6243b8bb54cec311fac9df81841b6fd61f56538a775e7c80a9f40160606e"),
        ("00", "8c1df14732580e5501b00f82b10a1647b40713191b7c1240ac80e2b68808ba69"),
        (
            "54657374436f6e74657874",
            "5acb09211139c43b3090489a9da433e8a30ee7188ba8b0a9a1ccf0c229283e53",
        ),
    ],
}

VECTORS = pytest.mark.parametrize("tv", [A11, A21], ids=["A.1.1-aes128gcm", "A.2.1-chacha20"])


def _sender(tv: dict) -> tuple[bytes, hpke.SenderContext]:  # type: ignore[type-arg]
    suite = hpke.Suite(aead_id=tv["aead_id"])
    eph = X25519PrivateKey.from_private_bytes(h(tv["skEm"]))
    return hpke.setup_base_s(suite, h(tv["pkRm"]), INFO, ephemeral=eph)


@VECTORS
def test_derive_key_pair(tv: dict) -> None:  # type: ignore[type-arg]
    sk_e = hpke.PrivateKey.derive(hpke.KEM_X25519_HKDF_SHA256, h(tv["ikmE"]))
    sk_r = hpke.PrivateKey.derive(hpke.KEM_X25519_HKDF_SHA256, h(tv["ikmR"]))
    assert sk_e.private_bytes() == h(tv["skEm"])
    assert sk_e.public_bytes() == h(tv["pkEm"])
    assert sk_r.private_bytes() == h(tv["skRm"])
    assert sk_r.public_bytes() == h(tv["pkRm"])


@VECTORS
def test_key_schedule_and_shared_secret(tv: dict) -> None:  # type: ignore[type-arg]
    sk_r = hpke.PrivateKey(hpke.KEM_X25519_HKDF_SHA256, h(tv["skRm"]))
    assert sk_r.decap(h(tv["pkEm"])) == h(tv["shared_secret"])
    sched = hpke._schedule(hpke.Suite(aead_id=tv["aead_id"]))
    key, nonce, exporter = sched.derive(h(tv["shared_secret"]), INFO)
    assert (key, nonce, exporter) == (h(tv["key"]), h(tv["base_nonce"]), h(tv["exporter_secret"]))


@VECTORS
def test_sender_encryptions_and_exports(tv: dict) -> None:  # type: ignore[type-arg]
    enc, ctx = _sender(tv)
    assert enc == h(tv["pkEm"])
    expected = dict((seq, (aad, ct)) for seq, aad, ct in tv["encryptions"])
    for seq in range(257):
        aad = f"Count-{seq}".encode()
        ct = ctx.seal(PT, aad)
        if seq in expected:
            assert aad == h(expected[seq][0])
            assert ct == h(expected[seq][1]), seq
    for context, value in tv["exports"]:
        assert ctx.export(h(context), 32) == h(value)


@VECTORS
def test_recipient_opens_vectors(tv: dict) -> None:  # type: ignore[type-arg]
    suite = hpke.Suite(aead_id=tv["aead_id"])
    sk_r = hpke.PrivateKey(hpke.KEM_X25519_HKDF_SHA256, h(tv["skRm"]))
    ctx = hpke.setup_base_r(suite, h(tv["pkEm"]), sk_r, INFO)
    expected = {seq: ct for seq, _, ct in tv["encryptions"]}
    for seq in range(257):
        aad = f"Count-{seq}".encode()
        if seq in expected:
            assert ctx.open(h(expected[seq]), aad) == PT
        else:
            ctx._seq += 1  # skip to the next published sequence number
    for context, value in tv["exports"]:
        assert ctx.export(h(context), 32) == h(value)


def test_recipient_rejects_tampering() -> None:
    tv = A11
    suite = hpke.Suite(aead_id=1)
    sk_r = hpke.PrivateKey(hpke.KEM_X25519_HKDF_SHA256, h(tv["skRm"]))
    ct = bytearray(h(tv["encryptions"][0][2]))
    ct[3] ^= 1
    ctx = hpke.setup_base_r(suite, h(tv["pkEm"]), sk_r, INFO)
    with pytest.raises(DecryptError):
        ctx.open(bytes(ct), b"Count-0")
    with pytest.raises(DecryptError):  # wrong info
        hpke.setup_base_r(suite, h(tv["pkEm"]), sk_r, b"other").open(
            h(tv["encryptions"][0][2]), b"Count-0"
        )
    with pytest.raises(DecryptError):  # low-order point as enc
        hpke.setup_base_r(suite, bytes(32), sk_r, INFO)
    with pytest.raises(DecryptError):  # wrong enc length
        hpke.setup_base_r(suite, bytes(31), sk_r, INFO)


def test_long_export_and_bounds() -> None:
    _, ctx = _sender(A11)
    out = ctx.export(b"ctx", 100)
    assert len(out) == 100
    assert out[:32] != out[32:64]
    with pytest.raises(ConfigError):
        ctx.export(b"", 0)
    with pytest.raises(ConfigError):
        hpke.Suite(aead_id=7)


def test_repr_hides_key_material() -> None:
    sk = hpke.PrivateKey(hpke.KEM_X25519_HKDF_SHA256, h(A11["skRm"]))
    assert A11["skRm"] not in repr(sk)
    assert "4612c5" not in repr(sk)
    _, ctx = _sender(A11)
    assert A11["key"] not in repr(ctx)


pq = pytest.mark.skipif(not hpke.pq_available(), reason="cryptography without ML-KEM")


@pq
def test_mlkem768_x25519_vector() -> None:
    sk = hpke.PrivateKey(hpke.KEM_MLKEM768_X25519, pqv.SK_R)
    assert sk.public_bytes() == pqv.PK_R
    assert sk.decap(pqv.ENC) == pqv.SHARED_SECRET
    suite = hpke.Suite(hpke.KEM_MLKEM768_X25519, hpke.KDF_HKDF_SHA256, hpke.AEAD_CHACHA20_POLY1305)
    sched = hpke._schedule(suite)
    assert sched.derive(pqv.SHARED_SECRET, pqv.INFO) == (
        pqv.KEY,
        pqv.BASE_NONCE,
        pqv.EXPORTER_SECRET,
    )
    ctx = hpke.setup_base_r(suite, pqv.ENC, sk, pqv.INFO)
    assert ctx.open(pqv.CT0, pqv.AAD0) == pqv.PT0
    assert ctx.export(pqv.EXPORT_CONTEXT, pqv.EXPORT_LENGTH) == pqv.EXPORT_VALUE


@pq
def test_mlkem768_x25519_round_trip_and_tamper() -> None:
    sk = hpke.PrivateKey.generate(hpke.KEM_MLKEM768_X25519)
    suite = hpke.Suite(kem_id=hpke.KEM_MLKEM768_X25519)
    enc, sctx = hpke.setup_base_s(suite, sk.public_bytes(), b"info")
    assert len(enc) == 1120
    rctx = hpke.setup_base_r(suite, enc, sk, b"info")
    assert rctx.open(sctx.seal(b"pq", b"a"), b"a") == b"pq"
    assert rctx.export(b"x", 16) == sctx.export(b"x", 16)
    bad = bytearray(enc)
    bad[10] ^= 0x80  # ML-KEM implicit rejection: different secret, so open fails
    ctx2 = hpke.setup_base_r(suite, bytes(bad), sk, b"info")
    with pytest.raises(DecryptError):
        ctx2.open(sctx.seal(b"pq", b"a"), b"a")
