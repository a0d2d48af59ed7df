"""Hybrid Public Key Encryption (RFC 9180), base mode, on ``cryptography``'s primitives.

The key schedule is written here (rather than taken from
``cryptography.hazmat.primitives.hpke``) because Oblivious HTTP needs the
exporter interface, which the one-shot API does not offer. It is checked
against the RFC's test vectors and cross-checked with independent
implementations in the tests.

KEMs: DHKEM(X25519, HKDF-SHA256) (``0x0020``) and the post-quantum/traditional
hybrid MLKEM768-X25519 (``0x647a``, draft-ietf-hpke-pq; the combiner of
draft-irtf-cfrg-concrete-hybrid-kems, identical to X-Wing), the latter only
when the installed ``cryptography`` has ML-KEM. KDF: HKDF-SHA256. AEADs:
AES-128-GCM, AES-256-GCM, ChaCha20-Poly1305.

Every failure on the receiving side raises :class:`DecryptError`, whatever
the reason.
"""

from __future__ import annotations

import functools
import hashlib
import os
from dataclasses import dataclass
from typing import Final, Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM, ChaCha20Poly1305

from edgekit.errors import ConfigError, DecryptError, ProtocolError

__all__ = [
    "AEAD_AES_128_GCM",
    "AEAD_AES_256_GCM",
    "AEAD_CHACHA20_POLY1305",
    "DEFAULT_SUITE",
    "KDF_HKDF_SHA256",
    "KEM_MLKEM768_X25519",
    "KEM_X25519_HKDF_SHA256",
    "Context",
    "KeyedHmac",
    "PrivateKey",
    "RecipientContext",
    "SenderContext",
    "Suite",
    "hkdf_expand",
    "hkdf_extract",
    "hkdf_extract_expand2",
    "hmac_sha256",
    "pq_available",
    "setup_base_r",
    "setup_base_s",
    "suite_for",
]

KEM_X25519_HKDF_SHA256: Final = 0x0020
KEM_MLKEM768_X25519: Final = 0x647A
KDF_HKDF_SHA256: Final = 0x0001
AEAD_AES_128_GCM: Final = 0x0001
AEAD_AES_256_GCM: Final = 0x0002
AEAD_CHACHA20_POLY1305: Final = 0x0003

_MODE_BASE: Final = b"\x00"
_VERSION: Final = b"HPKE-v1"
_NH: Final = 32  # HKDF-SHA256 output length
_AEAD_PARAMS: Final[dict[int, tuple[int, int]]] = {  # aead_id -> (Nk, Nn)
    AEAD_AES_128_GCM: (16, 12),
    AEAD_AES_256_GCM: (32, 12),
    AEAD_CHACHA20_POLY1305: (32, 12),
}
_KEM_PARAMS: Final[dict[int, tuple[int, int, int]]] = {  # kem_id -> (Nenc, Npk, Nsk)
    KEM_X25519_HKDF_SHA256: (32, 32, 32),
    KEM_MLKEM768_X25519: (1120, 1216, 32),
}
_XWING_LABEL: Final = b"\\.//^\\"
_MLKEM768_CT: Final = 1088
_MLKEM768_PK: Final = 1184
_TAG_LEN: Final = 16


@functools.cache
def pq_available() -> bool:
    """Whether the installed ``cryptography`` offers ML-KEM-768 (needed for the hybrid KEM)."""
    try:
        from cryptography.hazmat.primitives.asymmetric import mlkem

        mlkem.MLKEM768PrivateKey.generate()
    except Exception:  # ImportError, UnsupportedAlgorithm: backend without ML-KEM
        return False
    return True


# HMAC-SHA256 on hashlib. OpenSSL 3's one-shot HMAC (``hmac.digest``) looks the
# digest up by name on every call, which costs more than the hashing itself for
# the short inputs of a key schedule; hashing the padded key directly is about
# twice as fast, and a fixed key's padded states can be reused with ``copy()``.
_BLOCK: Final = 64
_IPAD: Final = bytes(x ^ 0x36 for x in range(256))
_OPAD: Final = bytes(x ^ 0x5C for x in range(256))
_sha256 = hashlib.sha256


def hmac_sha256(key: bytes, msg: bytes) -> bytes:
    """HMAC-SHA256 (RFC 2104) of ``msg`` under ``key``."""
    if len(key) > _BLOCK:
        key = _sha256(key).digest()
    key = key.ljust(_BLOCK, b"\x00")
    return _sha256(key.translate(_OPAD) + _sha256(key.translate(_IPAD) + msg).digest()).digest()


class KeyedHmac:
    """HMAC-SHA256 with the key's padded blocks hashed once, for repeated use.

    Each call copies the two hash states instead of hashing the pads again
    (cheaper from the third call on; even at two).
    """

    __slots__ = ("_inner", "_outer")

    def __init__(self, key: bytes) -> None:
        if len(key) > _BLOCK:
            key = _sha256(key).digest()
        key = key.ljust(_BLOCK, b"\x00")
        self._inner = _sha256(key.translate(_IPAD))
        self._outer = _sha256(key.translate(_OPAD))

    def __call__(self, msg: bytes) -> bytes:
        inner = self._inner.copy()
        inner.update(msg)
        outer = self._outer.copy()
        outer.update(inner.digest())
        return outer.digest()


_ZERO_KEY: Final = KeyedHmac(b"")  # HKDF-Extract with an empty salt


def hkdf_extract(salt: bytes, ikm: bytes) -> bytes:
    """HKDF-SHA256 Extract (RFC 5869)."""
    return hmac_sha256(salt, ikm) if salt else _ZERO_KEY(ikm)


def hkdf_expand(prk: bytes, info: bytes, length: int) -> bytes:
    """HKDF-SHA256 Expand (RFC 5869); one HMAC call for outputs up to 32 bytes."""
    if length <= _NH:
        return hmac_sha256(prk, info + b"\x01")[:length]
    return _expand_blocks(KeyedHmac(prk), info, length)


def hkdf_extract_expand2(
    salt: bytes, ikm: bytes, info_a: bytes, info_b: bytes
) -> tuple[bytes, bytes]:
    """``prk = Extract(salt, ikm)``, then ``(Expand(prk, info_a, 32), Expand(prk, info_b, 32))``.

    One-block Expands (truncate the outputs as needed) under one keyed PRK:
    the shape of RFC 9458's response key derivation, on every response.
    """
    prk = KeyedHmac(hkdf_extract(salt, ikm))
    return prk(info_a + b"\x01"), prk(info_b + b"\x01")


def _expand_blocks(mac: KeyedHmac, info: bytes, length: int) -> bytes:
    if length > 255 * _NH:
        raise ConfigError("HKDF output too long")
    out = b""
    block = b""
    counter = 1
    while len(out) < length:
        block = mac(block + info + bytes((counter,)))
        out += block
        counter += 1
    return out[:length]


class _Aead(Protocol):
    def encrypt(self, nonce: bytes, data: bytes, associated_data: bytes | None) -> bytes: ...
    def decrypt(self, nonce: bytes, data: bytes, associated_data: bytes | None) -> bytes: ...


def make_aead(aead_id: int, key: bytes) -> _Aead:
    """The ``cryptography`` AEAD object for ``aead_id`` keyed with ``key``."""
    if aead_id == AEAD_CHACHA20_POLY1305:
        return ChaCha20Poly1305(key)
    return AESGCM(key)


@dataclass(frozen=True, slots=True)
class Suite:
    """An HPKE cipher suite: KEM, KDF and AEAD identifiers (IANA registry values)."""

    kem_id: int = KEM_X25519_HKDF_SHA256
    kdf_id: int = KDF_HKDF_SHA256
    aead_id: int = AEAD_AES_128_GCM

    def __post_init__(self) -> None:
        if self.kem_id not in _KEM_PARAMS:
            raise ConfigError(f"unsupported HPKE KEM 0x{self.kem_id:04x}")
        if self.kdf_id != KDF_HKDF_SHA256:
            raise ConfigError(f"unsupported HPKE KDF 0x{self.kdf_id:04x}")
        if self.aead_id not in _AEAD_PARAMS:
            raise ConfigError(f"unsupported HPKE AEAD 0x{self.aead_id:04x}")

    @property
    def nk(self) -> int:
        """AEAD key length."""
        return _AEAD_PARAMS[self.aead_id][0]

    @property
    def nn(self) -> int:
        """AEAD nonce length."""
        return _AEAD_PARAMS[self.aead_id][1]

    @property
    def nh(self) -> int:
        """KDF output length."""
        return _NH

    @property
    def nenc(self) -> int:
        """Length of the encapsulated key ``enc``."""
        return _KEM_PARAMS[self.kem_id][0]

    @property
    def npk(self) -> int:
        """Length of a serialized public key."""
        return _KEM_PARAMS[self.kem_id][1]

    @property
    def suite_id(self) -> bytes:
        """``"HPKE" || kem_id || kdf_id || aead_id`` as used in the key schedule."""
        return b"HPKE" + _u16(self.kem_id) + _u16(self.kdf_id) + _u16(self.aead_id)


DEFAULT_SUITE: Final = Suite()
_SUITES: dict[tuple[int, int, int], Suite] = {}


def suite_for(kem_id: int, kdf_id: int, aead_id: int) -> Suite:
    """The (validated, cached) :class:`Suite` for these identifiers."""
    ids = (kem_id, kdf_id, aead_id)
    suite = _SUITES.get(ids)
    if suite is None:
        suite = Suite(kem_id, kdf_id, aead_id)
        if len(_SUITES) < 64:
            _SUITES[ids] = suite
    return suite


def _u16(value: int) -> bytes:
    return value.to_bytes(2, "big")


# --- the key schedule, with every constant prefix computed once per suite -----


class _Schedule:
    """Precomputed labels and parameters for one suite: the lean path of the key schedule.

    ``key_schedule_context`` depends only on the suite and ``info`` (constant
    per OHTTP key configuration), so it is cached per ``info``.
    """

    __slots__ = (
        "_contexts",
        "_exp_info",
        "_exp_prefix",
        "_info_prefix",
        "_key_info",
        "_nonce_info",
        "_psk_id_hash",
        "_secret_prefix",
        "aead",
        "kem_id",
        "limit",
        "nenc",
        "nk",
        "nn",
        "suite",
    )

    def __init__(self, suite: Suite) -> None:
        self.suite = suite
        self.kem_id = suite.kem_id
        self.nk = suite.nk
        self.nn = suite.nn
        self.nenc = suite.nenc
        self.limit = (1 << (8 * self.nn)) - 1  # RFC 9180 §5.2: sequence numbers below this
        self.aead: type[AESGCM] | type[ChaCha20Poly1305] = (
            ChaCha20Poly1305 if suite.aead_id == AEAD_CHACHA20_POLY1305 else AESGCM
        )
        sid = _VERSION + suite.suite_id
        self._psk_id_hash = hkdf_extract(b"", sid + b"psk_id_hash")
        self._info_prefix = sid + b"info_hash"
        self._secret_prefix = sid + b"secret"
        self._key_info = _u16(suite.nk) + sid + b"key"
        self._nonce_info = _u16(suite.nn) + sid + b"base_nonce"
        self._exp_info = _u16(_NH) + sid + b"exp"
        self._exp_prefix = sid + b"sec"
        self._contexts: dict[bytes, tuple[bytes, bytes, bytes]] = {}

    def _infos(self, info: bytes) -> tuple[bytes, bytes, bytes]:
        infos = self._contexts.get(info)
        if infos is None:
            ctx = _MODE_BASE + self._psk_id_hash + hkdf_extract(b"", self._info_prefix + info)
            infos = (
                self._key_info + ctx + b"\x01",
                self._nonce_info + ctx + b"\x01",
                self._exp_info + ctx + b"\x01",
            )
            if len(self._contexts) < 256:
                self._contexts[info] = infos
        return infos

    def derive(self, shared_secret: bytes, info: bytes) -> tuple[bytes, bytes, bytes]:
        """``(key, base_nonce, exporter_secret)`` for base mode (psk = "").

        Four HMACs: ``secret = Extract(shared_secret, "secret")`` and three
        Expands under ``secret``: :class:`KeyedHmac`'s copied hash states,
        written out inline because this is the hottest path of a request
        (the calls would cost 1.5 µs of a 105 µs round).
        """
        key_info, nonce_info, exp_info = self._infos(info)
        pad = shared_secret.ljust(_BLOCK, b"\x00")  # Nh = 32 < block: no pre-hash
        inner = _sha256(pad.translate(_IPAD) + self._secret_prefix).digest()
        secret = _sha256(pad.translate(_OPAD) + inner).digest().ljust(_BLOCK, b"\x00")
        ipad, opad = _sha256(secret.translate(_IPAD)), _sha256(secret.translate(_OPAD))
        h = ipad.copy()
        h.update(key_info)
        o = opad.copy()
        o.update(h.digest())
        key = o.digest()[: self.nk]
        h = ipad.copy()
        h.update(nonce_info)
        o = opad.copy()
        o.update(h.digest())
        nonce = o.digest()[: self.nn]
        ipad.update(exp_info)
        opad.update(ipad.digest())
        return key, nonce, opad.digest()

    def export_info(self, exporter_context: bytes, length: int) -> bytes:
        """``LabeledExpand`` info of an export, without the HKDF counter byte."""
        return _u16(length) + self._exp_prefix + exporter_context


_SCHEDULES: dict[tuple[int, int, int], _Schedule] = {}


def _schedule(suite: Suite) -> _Schedule:
    ids = (suite.kem_id, suite.kdf_id, suite.aead_id)
    sched = _SCHEDULES.get(ids)
    if sched is None:
        sched = _SCHEDULES[ids] = _Schedule(suite)
    return sched


# --- contexts ------------------------------------------------------------------


class Context:
    """An HPKE encryption context (RFC 9180 §5.2): sequence-numbered AEAD plus exporter."""

    __slots__ = ("_aead", "_base_nonce", "_exporter_secret", "_sched", "_seq", "suite")

    def __init__(
        self,
        suite: Suite,
        key: bytes,
        base_nonce: bytes,
        exporter_secret: bytes,
        *,
        schedule: _Schedule | None = None,
    ) -> None:
        sched = schedule if schedule is not None else _schedule(suite)
        self.suite = suite
        self._aead = sched.aead(key)
        self._base_nonce = base_nonce
        self._exporter_secret = exporter_secret
        self._seq = 0
        self._sched = sched

    def __repr__(self) -> str:
        return f"{type(self).__name__}(suite={self.suite}, seq={self._seq})"

    def _next_nonce(self) -> bytes:
        seq = self._seq
        if seq == 0:  # the first message (the only one of an OHTTP request): base_nonce
            self._seq = 1
            return self._base_nonce
        if seq >= self._sched.limit:  # RFC 9180 §5.2 MessageLimitReachedError
            raise ProtocolError("HPKE context message limit reached")
        self._seq = seq + 1
        nonce = self._base_nonce
        return (int.from_bytes(nonce, "big") ^ seq).to_bytes(len(nonce), "big")

    def export(self, exporter_context: bytes, length: int) -> bytes:
        """RFC 9180 secret export: ``LabeledExpand(exporter_secret, "sec", ctx, L)``."""
        if not 0 < length <= 255 * _NH:
            raise ConfigError("invalid export length")
        info = self._sched.export_info(exporter_context, length)
        return hkdf_expand(self._exporter_secret, info, length)


class SenderContext(Context):
    """The sender's context: ``seal`` messages in order."""

    __slots__ = ()

    def seal(self, plaintext: bytes, aad: bytes = b"") -> bytes:
        """Encrypt ``plaintext`` with the next sequence number."""
        return self._aead.encrypt(self._next_nonce(), plaintext, aad)


class RecipientContext(Context):
    """The recipient's context: ``open`` messages in order."""

    __slots__ = ()

    def open(self, ciphertext: bytes, aad: bytes = b"") -> bytes:
        """Decrypt ``ciphertext``; any failure raises :class:`DecryptError`."""
        try:
            nonce = self._next_nonce()
            return self._aead.decrypt(nonce, ciphertext, aad)
        except (InvalidTag, ValueError, OverflowError, ProtocolError):
            raise DecryptError() from None


# --- KEMs -------------------------------------------------------------------------


class PrivateKey:
    """A KEM private key (X25519, or the MLKEM768-X25519 hybrid).

    Never shows key material in ``repr``. Serialize with :meth:`private_bytes`
    (32 bytes for both KEMs: the X25519 scalar, or the hybrid's seed).
    """

    __slots__ = ("_mlkem", "_public", "_raw", "_x25519", "kem_id")

    def __init__(self, kem_id: int, raw: bytes) -> None:
        if kem_id not in _KEM_PARAMS:
            raise ConfigError(f"unsupported HPKE KEM 0x{kem_id:04x}")
        if len(raw) != 32:
            raise ConfigError("a KEM private key is 32 bytes")
        self.kem_id = kem_id
        self._raw = bytes(raw)
        if kem_id == KEM_X25519_HKDF_SHA256:
            self._x25519 = X25519PrivateKey.from_private_bytes(raw)
            self._mlkem = None
            self._public = self._x25519.public_key().public_bytes_raw()
        else:
            if not pq_available():
                raise ConfigError("this cryptography build has no ML-KEM; hybrid KEM unavailable")
            from cryptography.hazmat.primitives.asymmetric import mlkem

            expanded = hashlib.shake_256(raw).digest(96)
            self._mlkem = mlkem.MLKEM768PrivateKey.from_seed_bytes(expanded[:64])
            self._x25519 = X25519PrivateKey.from_private_bytes(expanded[64:])
            self._public = (
                self._mlkem.public_key().public_bytes_raw()
                + self._x25519.public_key().public_bytes_raw()
            )

    @classmethod
    def generate(cls, kem_id: int = KEM_X25519_HKDF_SHA256) -> PrivateKey:
        """A fresh random key for ``kem_id``."""
        if kem_id == KEM_MLKEM768_X25519 and not pq_available():
            raise ConfigError("this cryptography build has no ML-KEM; hybrid KEM unavailable")
        return cls(kem_id, os.urandom(32))

    @classmethod
    def derive(cls, kem_id: int, ikm: bytes) -> PrivateKey:
        """RFC 9180 ``DeriveKeyPair`` (DHKEM(X25519) only)."""
        if kem_id != KEM_X25519_HKDF_SHA256:
            raise ConfigError("DeriveKeyPair is implemented for DHKEM(X25519) only")
        sid = _VERSION + b"KEM" + _u16(kem_id)
        prk = hkdf_extract(b"", sid + b"dkp_prk" + ikm)
        return cls(kem_id, hkdf_expand(prk, _u16(32) + sid + b"sk", 32))

    def public_bytes(self) -> bytes:
        """The serialized public key (``Npk`` bytes)."""
        return self._public

    def private_bytes(self) -> bytes:
        """The serialized private key. Handle with care."""
        return self._raw

    def __repr__(self) -> str:
        return f"PrivateKey(kem_id=0x{self.kem_id:04x}, public={self._public[:4].hex()}…)"

    def decap(self, enc: bytes) -> bytes:
        """The KEM shared secret for ``enc``; :class:`DecryptError` on any failure."""
        try:
            if self._mlkem is None:
                return _dhkem_shared(
                    self._x25519.exchange(X25519PublicKey.from_public_bytes(enc)), enc, self._public
                )
            if len(enc) != _MLKEM768_CT + 32:
                raise ValueError("bad enc length")
            ss_m = self._mlkem.decapsulate(enc[:_MLKEM768_CT])
            ct_x = enc[_MLKEM768_CT:]
            ss_x = self._x25519.exchange(X25519PublicKey.from_public_bytes(ct_x))
            return _xwing_combine(ss_m, ss_x, ct_x, self._public[_MLKEM768_PK:])
        except (ValueError, TypeError):
            raise DecryptError() from None


_DHKEM_SID: Final = _VERSION + b"KEM" + _u16(KEM_X25519_HKDF_SHA256)
_EAE_PREFIX: Final = _DHKEM_SID + b"eae_prk"
_SS_INFO: Final = _u16(32) + _DHKEM_SID + b"shared_secret"


# ``Extract("", "HPKE-v1" || suite || "eae_prk" || dh)``: the empty salt's padded
# blocks and the constant label are absorbed once; each call copies the states.
_EAE_INNER: Final = _sha256(bytes(_BLOCK).translate(_IPAD) + _EAE_PREFIX)
_EAE_OUTER: Final = _sha256(bytes(_BLOCK).translate(_OPAD))


def _dhkem_shared(dh: bytes, enc: bytes, pk_r: bytes) -> bytes:
    """DHKEM ``ExtractAndExpand``: ``eae_prk`` from copied states, then one Expand block."""
    inner = _EAE_INNER.copy()
    inner.update(dh)
    outer = _EAE_OUTER.copy()
    outer.update(inner.digest())
    return hmac_sha256(outer.digest(), _SS_INFO + enc + pk_r + b"\x01")


def _xwing_combine(ss_m: bytes, ss_x: bytes, ct_x: bytes, pk_x: bytes) -> bytes:
    return hashlib.sha3_256(ss_m + ss_x + ct_x + pk_x + _XWING_LABEL).digest()


_PUBLIC_KEYS: dict[bytes, X25519PublicKey] = {}


def _x25519_public(raw: bytes) -> X25519PublicKey:
    """Recipient public keys are few and reused: parse each once (bounded cache)."""
    key = _PUBLIC_KEYS.get(raw)
    if key is None:
        key = X25519PublicKey.from_public_bytes(raw)
        if len(_PUBLIC_KEYS) >= 64:
            _PUBLIC_KEYS.clear()
        _PUBLIC_KEYS[raw] = key
    return key


def _encap(kem_id: int, pk_r: bytes, sk_e: X25519PrivateKey | None) -> tuple[bytes, bytes]:
    """``(shared_secret, enc)``; ``sk_e`` injects the ephemeral X25519 key (tests only)."""
    eph = sk_e if sk_e is not None else X25519PrivateKey.generate()
    if kem_id == KEM_X25519_HKDF_SHA256:
        enc = eph.public_key().public_bytes_raw()
        dh = eph.exchange(_x25519_public(pk_r))
        return _dhkem_shared(dh, enc, pk_r), enc
    from cryptography.hazmat.primitives.asymmetric import mlkem

    pk_m = mlkem.MLKEM768PublicKey.from_public_bytes(pk_r[:_MLKEM768_PK])
    pk_x = pk_r[_MLKEM768_PK:]
    ss_m, ct_m = pk_m.encapsulate()
    ct_x = eph.public_key().public_bytes_raw()
    ss_x = eph.exchange(_x25519_public(pk_x))
    return _xwing_combine(ss_m, ss_x, ct_x, pk_x), ct_m + ct_x


def setup_base_s(
    suite: Suite,
    pk_r: bytes,
    info: bytes = b"",
    *,
    ephemeral: X25519PrivateKey | None = None,
) -> tuple[bytes, SenderContext]:
    """RFC 9180 ``SetupBaseS``: ``(enc, sender context)`` for recipient key ``pk_r``.

    ``ephemeral`` fixes the sender's X25519 key, for published test vectors only.
    """
    if len(pk_r) != suite.npk:
        raise ConfigError("recipient public key has the wrong length for its KEM")
    if suite.kem_id == KEM_MLKEM768_X25519 and not pq_available():
        raise ConfigError("this cryptography build has no ML-KEM; hybrid KEM unavailable")
    return _setup_s(_schedule(suite), pk_r, info, ephemeral)


def _setup_s(
    sched: _Schedule, pk_r: bytes, info: bytes, ephemeral: X25519PrivateKey | None = None
) -> tuple[bytes, SenderContext]:
    """:func:`setup_base_s` once the suite and ``pk_r``'s length are known to be valid.

    Callers that validated both when they built ``sched`` (an OHTTP key
    configuration does, once) skip straight here.
    """
    try:
        shared, enc = _encap(sched.kem_id, pk_r, ephemeral)
    except ValueError:
        raise ConfigError("recipient public key is invalid") from None
    key, nonce, exporter = sched.derive(shared, info)
    return enc, SenderContext(sched.suite, key, nonce, exporter, schedule=sched)


def setup_base_r(suite: Suite, enc: bytes, sk_r: PrivateKey, info: bytes = b"") -> RecipientContext:
    """RFC 9180 ``SetupBaseR``; any failure raises :class:`DecryptError`."""
    if sk_r.kem_id != suite.kem_id or len(enc) != suite.nenc:
        raise DecryptError()
    return _setup_r(_schedule(suite), enc, sk_r, info)


def _setup_r(sched: _Schedule, enc: bytes, sk_r: PrivateKey, info: bytes) -> RecipientContext:
    """:func:`setup_base_r` once ``sk_r``'s KEM and ``enc``'s length are known to match."""
    key, nonce, exporter = sched.derive(sk_r.decap(enc), info)
    return RecipientContext(sched.suite, key, nonce, exporter, schedule=sched)


def tag_length() -> int:
    """Authentication tag length of every supported AEAD."""
    return _TAG_LEN
