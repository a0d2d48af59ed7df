"""Oblivious HTTP (RFC 9458) and chunked Oblivious HTTP (draft-ietf-ohai-chunked-ohttp-08).

Client side: :func:`encapsulate_request` returns the encapsulated request and
a :class:`ClientResponseContext` that opens the matching response, whole or
chunked. Server side: :class:`ServerKeyring` holds several key configurations
(rotation with a grace period), decapsulates requests and hands out a
:class:`ServerResponseContext` that seals the response.

Every failure while opening (unknown key id, wrong suite, truncation, a
flipped bit, a missing final chunk) raises the same :class:`DecryptError`.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Final

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from edgekit._logging import get_logger
from edgekit.errors import (
    ConfigError,
    DecryptError,
    ProtocolError,
)
from edgekit.errors import (
    KeyConfigError as KeyConfigError,
)
from edgekit.secure import hpke
from edgekit.secure._files import read_private, write_private
from edgekit.secure.bhttp import encode_varint, read_varint

__all__ = [
    "BHTTP_MEDIA_TYPE",
    "CHUNKED_REQUEST_MEDIA_TYPE",
    "CHUNKED_RESPONSE_MEDIA_TYPE",
    "DEFAULT_SYMMETRIC",
    "KEYS_MEDIA_TYPE",
    "KEY_PINS_HEADER",
    "REQUEST_MEDIA_TYPE",
    "RESPONSE_MEDIA_TYPE",
    "ChunkedResponseDecoder",
    "ChunkedResponseEncoder",
    "ClientResponseContext",
    "KeyConfig",
    "KeyConfigError",
    "RequestSealer",
    "ServerKey",
    "ServerKeyring",
    "ServerResponseContext",
    "SymmetricSuite",
    "decode_key_configs",
    "encapsulate_request",
    "encode_key_configs",
    "key_config_digest",
    "key_config_digests",
    "split_key_configs",
]

_log = get_logger(__name__)

KEYS_MEDIA_TYPE: Final = "application/ohttp-keys"
REQUEST_MEDIA_TYPE: Final = "message/ohttp-req"
RESPONSE_MEDIA_TYPE: Final = "message/ohttp-res"
CHUNKED_REQUEST_MEDIA_TYPE: Final = "message/ohttp-chunked-req"
CHUNKED_RESPONSE_MEDIA_TYPE: Final = "message/ohttp-chunked-res"
BHTTP_MEDIA_TYPE: Final = "message/bhttp"
#: Inner (sealed) response header in which a gateway announces the pins of its live keys.
KEY_PINS_HEADER: Final = "edgekit-key-pins"

_REQUEST_LABEL: Final = b"message/bhttp request"
_RESPONSE_LABEL: Final = b"message/bhttp response"
_CHUNKED_REQUEST_LABEL: Final = b"message/bhttp chunked request"
_CHUNKED_RESPONSE_LABEL: Final = b"message/bhttp chunked response"
_FINAL_AAD: Final = b"final"
_HEADER_LEN: Final = 7  # key_id(1) kem_id(2) kdf_id(2) aead_id(2)
_TAG: Final = 16
DEFAULT_MAX_CHUNK: Final = 1 << 20
DEFAULT_MAX_REQUEST: Final = 32 << 20


@dataclass(frozen=True, slots=True)
class SymmetricSuite:
    """A (KDF, AEAD) pair offered by a key configuration."""

    kdf_id: int = hpke.KDF_HKDF_SHA256
    aead_id: int = hpke.AEAD_AES_128_GCM


DEFAULT_SYMMETRIC: Final = (
    SymmetricSuite(hpke.KDF_HKDF_SHA256, hpke.AEAD_AES_128_GCM),
    SymmetricSuite(hpke.KDF_HKDF_SHA256, hpke.AEAD_AES_256_GCM),
    SymmetricSuite(hpke.KDF_HKDF_SHA256, hpke.AEAD_CHACHA20_POLY1305),
)
_SUPPORTED_AEADS: Final = frozenset(
    {hpke.AEAD_AES_128_GCM, hpke.AEAD_AES_256_GCM, hpke.AEAD_CHACHA20_POLY1305}
)
_SUPPORTED_KEMS: Final = frozenset({hpke.KEM_X25519_HKDF_SHA256, hpke.KEM_MLKEM768_X25519})


def _u16(v: int) -> bytes:
    return v.to_bytes(2, "big")


# What sealing a request to one key configuration needs besides the ephemeral key:
# the HPKE key schedule of the suite, the 7-byte header and the HPKE ``info``.
_Plan = tuple[hpke._Schedule, bytes, bytes]


@dataclass(frozen=True, slots=True)
class KeyConfig:
    """One OHTTP key configuration (RFC 9458 §3.1)."""

    key_id: int
    kem_id: int
    public_key: bytes
    suites: tuple[SymmetricSuite, ...] = DEFAULT_SYMMETRIC
    # (preferred suite, chunked) -> plan: computed (and validated) once per configuration.
    _plans: dict[tuple[SymmetricSuite | None, bool], _Plan] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )

    def __post_init__(self) -> None:
        if not 0 <= self.key_id <= 255:
            raise KeyConfigError("key id must be 0..255")
        if self.kem_id not in _SUPPORTED_KEMS:
            raise KeyConfigError(f"unsupported KEM 0x{self.kem_id:04x}")
        if len(self.public_key) != hpke.Suite(kem_id=self.kem_id).npk:
            raise KeyConfigError("public key has the wrong length for its KEM")
        if not self.suites:
            raise KeyConfigError("a key configuration needs at least one symmetric suite")

    def encode(self) -> bytes:
        """The wire form (without the 2-byte length used in ``application/ohttp-keys``)."""
        algs = b"".join(_u16(s.kdf_id) + _u16(s.aead_id) for s in self.suites)
        return bytes((self.key_id,)) + _u16(self.kem_id) + self.public_key + _u16(len(algs)) + algs

    @classmethod
    def decode(cls, data: bytes) -> KeyConfig:
        """Parse one key configuration; unknown symmetric suites are dropped."""
        config = _decode_config(data, strict=True)
        assert config is not None
        return config

    def select(self, preferred: SymmetricSuite | None = None) -> hpke.Suite:
        """The HPKE suite to use: ``preferred`` if offered, else the first supported."""
        if preferred is not None:
            if preferred not in self.suites:
                raise ConfigError("the key configuration does not offer that suite")
            return hpke.suite_for(self.kem_id, preferred.kdf_id, preferred.aead_id)
        for s in self.suites:
            if s.kdf_id == hpke.KDF_HKDF_SHA256 and s.aead_id in _SUPPORTED_AEADS:
                return hpke.suite_for(self.kem_id, s.kdf_id, s.aead_id)
        raise ConfigError("the key configuration offers no supported suite")

    def _plan(self, suite: SymmetricSuite | None, chunked: bool) -> _Plan:
        plan = self._plans.get((suite, chunked))
        if plan is None:
            hs = self.select(suite)
            if hs.kem_id == hpke.KEM_MLKEM768_X25519 and not hpke.pq_available():
                raise ConfigError("this cryptography build has no ML-KEM; hybrid KEM unavailable")
            # __post_init__ checked the public key's length for the KEM
            header = bytes((self.key_id,)) + _u16(hs.kem_id) + _u16(hs.kdf_id) + _u16(hs.aead_id)
            label = _CHUNKED_REQUEST_LABEL if chunked else _REQUEST_LABEL
            plan = (hpke._schedule(hs), header, label + b"\x00" + header)
            if len(self._plans) < 64:
                self._plans[(suite, chunked)] = plan
        return plan


def _decode_config(data: bytes, *, strict: bool) -> KeyConfig | None:
    if len(data) < 3:
        raise KeyConfigError("key configuration too short")
    key_id, kem_id = data[0], int.from_bytes(data[1:3], "big")
    usable_kem = kem_id in _SUPPORTED_KEMS and (
        kem_id != hpke.KEM_MLKEM768_X25519 or hpke.pq_available()
    )
    if not usable_kem:
        if strict:
            raise KeyConfigError(f"unsupported KEM 0x{kem_id:04x}")
        return None
    npk = hpke.Suite(kem_id=kem_id).npk
    pos = 3 + npk
    if len(data) < pos + 2:
        raise KeyConfigError("key configuration truncated")
    public_key = data[3:pos]
    n = int.from_bytes(data[pos : pos + 2], "big")
    algs = data[pos + 2 :]
    if n != len(algs) or n == 0 or n % 4:
        raise KeyConfigError("bad symmetric algorithms length")
    suites = tuple(
        SymmetricSuite(
            int.from_bytes(algs[i : i + 2], "big"), int.from_bytes(algs[i + 2 : i + 4], "big")
        )
        for i in range(0, n, 4)
    )
    usable = tuple(
        s for s in suites if s.kdf_id == hpke.KDF_HKDF_SHA256 and s.aead_id in _SUPPORTED_AEADS
    )
    if not usable:
        if strict:
            raise KeyConfigError("no supported symmetric suite")
        return None
    return KeyConfig(key_id, kem_id, bytes(public_key), usable)


def encode_key_configs(configs: Iterable[KeyConfig]) -> bytes:
    """``application/ohttp-keys``: each configuration prefixed by its 2-byte length."""
    out = bytearray()
    for config in configs:
        raw = config.encode()
        out += _u16(len(raw)) + raw
    return bytes(out)


def split_key_configs(data: bytes, *, max_configs: int = 64) -> list[bytes]:
    """The raw entries of ``application/ohttp-keys`` (each without its 2-byte length)."""
    entries: list[bytes] = []
    pos = 0
    while pos < len(data):
        if pos + 2 > len(data):
            raise KeyConfigError("truncated key configuration length")
        n = int.from_bytes(data[pos : pos + 2], "big")
        end = pos + 2 + n
        if n == 0 or end > len(data):
            raise KeyConfigError("key configuration overruns the document")
        if len(entries) >= max_configs:
            raise KeyConfigError("too many key configurations")
        entries.append(bytes(data[pos + 2 : end]))
        pos = end
    return entries


def decode_key_configs(data: bytes, *, max_configs: int = 64) -> list[KeyConfig]:
    """Parse ``application/ohttp-keys``; configurations with unknown algorithms are skipped."""
    configs = [
        config
        for raw in split_key_configs(data, max_configs=max_configs)
        if (config := _decode_config(raw, strict=False)) is not None
    ]
    if not configs:
        raise KeyConfigError("no usable key configuration")
    return configs


def key_config_digest(raw_entry: bytes) -> str:
    """The pin of one key configuration: hex SHA-256 of its wire form (RFC 9458 §3.1)."""
    return hashlib.sha256(raw_entry).hexdigest()


def key_config_digests(data: bytes) -> list[str]:
    """The pin of each key configuration in an ``application/ohttp-keys`` document."""
    return [key_config_digest(raw) for raw in split_key_configs(data)]


# --- response keys ----------------------------------------------------------------------


def _response_aead(
    ctx: hpke.Context, label: bytes, enc: bytes, response_nonce: bytes
) -> tuple[hpke._Aead, bytes]:
    """RFC 9458 §4.4: AEAD keyed from the exporter secret, the request's enc and a nonce.

    ``secret = Export(label, max(Nn, Nk))`` (one Expand block: the schedule
    caches its info), ``prk = Extract(enc || response_nonce, secret)``, then
    ``Expand(prk, "key", Nk)`` and ``Expand(prk, "nonce", Nn)``.
    """
    sched = ctx._sched
    secret = ctx.export(label, max(sched.nn, sched.nk))
    key, nonce = hpke.hkdf_extract_expand2(enc + response_nonce, secret, b"key", b"nonce")
    return sched.aead(key[: sched.nk]), nonce[: sched.nn]


def _chunk_nonce(base: int, counter: int, nn: int) -> bytes:
    return (base ^ counter).to_bytes(nn, "big")


# --- client -------------------------------------------------------------------------


class RequestSealer:
    """The first half of :func:`encapsulate_request`: ``enc`` is known before sealing.

    A device signature covers ``enc`` (so it cannot be replayed inside another
    encapsulation), hence the client needs ``enc`` before it seals the request.
    """

    __slots__ = ("_chunked", "_ctx", "_header", "_used", "enc")

    def __init__(
        self,
        key_config: KeyConfig,
        *,
        suite: SymmetricSuite | None = None,
        chunked: bool = False,
        ephemeral: X25519PrivateKey | None = None,
    ) -> None:
        sched, self._header, info = key_config._plan(suite, chunked)
        self.enc, self._ctx = hpke._setup_s(sched, key_config.public_key, info, ephemeral)
        self._chunked = chunked
        self._used = False

    def __repr__(self) -> str:
        return f"RequestSealer(suite={self._ctx.suite}, chunked={self._chunked})"

    def seal(self, request: bytes) -> tuple[bytes, ClientResponseContext]:
        """The encapsulated request and the context that opens its response (once only)."""
        if self._used:
            raise ProtocolError("a RequestSealer seals exactly one request")
        self._used = True
        ctx = self._ctx
        body = b"\x00" + ctx.seal(request, _FINAL_AAD) if self._chunked else ctx.seal(request)
        return self._header + self.enc + body, ClientResponseContext(
            ctx, self.enc, chunked=self._chunked
        )


def encapsulate_request(
    key_config: KeyConfig,
    request: bytes,
    *,
    suite: SymmetricSuite | None = None,
    chunked: bool = False,
    ephemeral: X25519PrivateKey | None = None,
) -> tuple[bytes, ClientResponseContext]:
    """Encrypt a Binary HTTP request to ``key_config``.

    ``chunked=True`` produces ``message/ohttp-chunked-req`` (the request as one
    final chunk). ``ephemeral`` fixes the sender key, for published vectors only.
    """
    sealer = RequestSealer(key_config, suite=suite, chunked=chunked, ephemeral=ephemeral)
    return sealer.seal(request)


class ClientResponseContext:
    """What the client keeps to open the response to one request.

    ``chunked`` says whether the request was ``message/ohttp-chunked-req``; the
    draft pairs such a request with a ``message/ohttp-chunked-res`` answer.
    """

    __slots__ = ("_ctx", "chunked", "enc")

    def __init__(self, ctx: hpke.SenderContext, enc: bytes, *, chunked: bool = False) -> None:
        self._ctx = ctx
        self.enc = enc
        self.chunked = chunked

    def __repr__(self) -> str:
        return f"ClientResponseContext(suite={self._ctx.suite})"

    def decapsulate_response(self, data: bytes) -> bytes:
        """Open a ``message/ohttp-res``; :class:`DecryptError` on any failure."""
        sched = self._ctx._sched
        n = max(sched.nn, sched.nk)
        if len(data) < n + _TAG:
            raise DecryptError()
        aead, nonce = _response_aead(self._ctx, _RESPONSE_LABEL, self.enc, data[:n])
        try:
            return aead.decrypt(nonce, data[n:], b"")
        except (InvalidTag, ValueError):
            raise DecryptError() from None

    def chunked_response_decoder(
        self, *, max_chunk: int = DEFAULT_MAX_CHUNK
    ) -> ChunkedResponseDecoder:
        """An incremental opener for a ``message/ohttp-chunked-res``."""
        return ChunkedResponseDecoder(self._ctx, self.enc, max_chunk=max_chunk)


class ChunkedResponseDecoder:
    """Opens a chunked response as it arrives: ``feed(bytes) -> [plaintext chunks]``, ``close()``.

    The final chunk runs to the end of the stream, so its plaintext is returned
    by :meth:`close`, which raises :class:`DecryptError` if the stream was
    truncated, reordered or tampered with.
    """

    def __init__(
        self, ctx: hpke.Context, enc: bytes, *, max_chunk: int = DEFAULT_MAX_CHUNK
    ) -> None:
        self._ctx = ctx
        self._enc = enc
        self._max = max_chunk + _TAG
        suite = ctx.suite
        self._nonce_len = max(suite.nn, suite.nk)
        self._nn = suite.nn
        self._buf = bytearray()
        self._aead: hpke._Aead | None = None
        self._base = 0
        self._counter = 0
        self._pending: int | None = None  # length of the chunk being read; 0 = final
        self._state = "open"

    def __repr__(self) -> str:
        return f"ChunkedResponseDecoder(chunks={self._counter}, state={self._state})"

    def _fail(self) -> DecryptError:
        self._state = "failed"
        self._buf.clear()
        return DecryptError()

    def feed(self, data: bytes) -> list[bytes]:
        """Consume bytes; return the plaintext of every non-final chunk they complete."""
        if self._state != "open":
            raise self._fail()
        self._buf += data
        out: list[bytes] = []
        while True:
            if self._aead is None:
                if len(self._buf) < self._nonce_len:
                    return out
                nonce = bytes(self._buf[: self._nonce_len])
                del self._buf[: self._nonce_len]
                self._aead, base = _response_aead(
                    self._ctx, _CHUNKED_RESPONSE_LABEL, self._enc, nonce
                )
                self._base = int.from_bytes(base, "big")
            if self._pending is None:
                got = read_varint(self._buf, 0)
                if got is None:
                    return out
                length, pos = got
                if length > self._max or 0 < length < _TAG:
                    raise self._fail()
                del self._buf[:pos]
                self._pending = length
            if self._pending == 0:  # final chunk: everything up to the end of the stream
                if len(self._buf) > self._max:
                    raise self._fail()
                return out
            if len(self._buf) < self._pending:
                return out
            ct = bytes(self._buf[: self._pending])
            del self._buf[: self._pending]
            self._pending = None
            plain = self._open(ct, b"")
            if not plain:  # an empty non-final chunk is a decryption error (draft §4)
                raise self._fail()
            out.append(plain)

    def _open(self, ct: bytes, aad: bytes) -> bytes:
        assert self._aead is not None
        nonce = _chunk_nonce(self._base, self._counter, self._nn)
        self._counter += 1
        try:
            return self._aead.decrypt(nonce, ct, aad)
        except (InvalidTag, ValueError):
            raise self._fail() from None

    def close(self) -> bytes:
        """End of stream: the final chunk's plaintext, or :class:`DecryptError`."""
        if self._state != "open" or self._aead is None or self._pending != 0:
            raise self._fail()
        self._state = "closed"
        ct = bytes(self._buf)
        self._buf.clear()
        return self._open(ct, _FINAL_AAD)


# --- server -------------------------------------------------------------------------


class ServerResponseContext:
    """What the gateway keeps to seal the response to one request.

    ``chunked`` is true for a ``message/ohttp-chunked-req``, which must be
    answered with ``message/ohttp-chunked-res`` (:meth:`chunked_response_encoder`).
    """

    __slots__ = ("_ctx", "chunked", "enc", "key_id")

    def __init__(
        self, ctx: hpke.RecipientContext, enc: bytes, key_id: int, *, chunked: bool = False
    ) -> None:
        self._ctx = ctx
        self.enc = enc
        self.key_id = key_id
        self.chunked = chunked

    def __repr__(self) -> str:
        return f"ServerResponseContext(key_id={self.key_id}, suite={self._ctx.suite})"

    def encapsulate_response(
        self, response: bytes, *, response_nonce: bytes | None = None
    ) -> bytes:
        """Seal a ``message/ohttp-res`` (``response_nonce`` fixed for published vectors only)."""
        sched = self._ctx._sched
        nonce = (
            response_nonce if response_nonce is not None else os.urandom(max(sched.nn, sched.nk))
        )
        aead, aead_nonce = _response_aead(self._ctx, _RESPONSE_LABEL, self.enc, nonce)
        return nonce + aead.encrypt(aead_nonce, response, b"")

    def chunked_response_encoder(self) -> ChunkedResponseEncoder:
        """A sealer for ``message/ohttp-chunked-res``: ``start()``, then ``seal()`` per chunk."""
        return ChunkedResponseEncoder(self._ctx, self.enc)


class ChunkedResponseEncoder:
    """Seals a chunked response: ``start()`` once, ``seal(chunk)``…, ``seal(last, final=True)``."""

    def __init__(
        self, ctx: hpke.Context, enc: bytes, *, response_nonce: bytes | None = None
    ) -> None:
        suite = ctx.suite
        self._nonce = (
            response_nonce
            if response_nonce is not None
            else secrets.token_bytes(max(suite.nn, suite.nk))
        )
        aead, base = _response_aead(ctx, _CHUNKED_RESPONSE_LABEL, enc, self._nonce)
        self._aead = aead
        self._base = int.from_bytes(base, "big")
        self._nn = suite.nn
        self._max_chunks = (1 << (8 * suite.nn)) - 1
        self._counter = 0
        self._state = "new"

    def __repr__(self) -> str:
        return f"ChunkedResponseEncoder(chunks={self._counter}, state={self._state})"

    def start(self) -> bytes:
        """The response nonce that opens the stream."""
        if self._state != "new":
            raise ProtocolError("chunked response already started")
        self._state = "open"
        return self._nonce

    def seal(self, chunk: bytes, final: bool = False) -> bytes:
        """One sealed chunk; ``final=True`` marks (and ends) the stream.

        A non-final chunk must not be empty (draft §4): an empty non-final
        ``chunk`` produces no output.
        """
        if self._state != "open":
            raise ProtocolError("chunked response not open")
        if not chunk and not final:
            return b""
        if self._counter >= self._max_chunks:
            raise ProtocolError("chunk limit reached")
        nonce = _chunk_nonce(self._base, self._counter, self._nn)
        self._counter += 1
        if final:
            self._state = "closed"
            return b"\x00" + self._aead.encrypt(nonce, chunk, _FINAL_AAD)
        ct = self._aead.encrypt(nonce, chunk, b"")
        return encode_varint(len(ct)) + ct


# --- server keys --------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class ServerKey:
    """One gateway key: private key, advertised suites, and its schedule."""

    key_id: int
    private_key: hpke.PrivateKey = field(repr=False)
    suites: tuple[SymmetricSuite, ...] = DEFAULT_SYMMETRIC
    created_at: float
    retire_at: float | None = None

    def retired(self, now: float) -> bool:
        """Whether the key no longer decrypts at ``now`` (past its grace period)."""
        return self.retire_at is not None and self.retire_at <= now

    @property
    def config(self) -> KeyConfig:
        """The public key configuration clients use."""
        return KeyConfig(
            self.key_id, self.private_key.kem_id, self.private_key.public_bytes(), self.suites
        )

    def _to_json(self) -> dict[str, object]:
        return {
            "key_id": self.key_id,
            "kem_id": self.private_key.kem_id,
            "private_key": base64.b64encode(self.private_key.private_bytes()).decode(),
            "suites": [[s.kdf_id, s.aead_id] for s in self.suites],
            "created_at": self.created_at,
            "retire_at": self.retire_at,
        }

    @classmethod
    def _from_json(cls, obj: dict[str, object]) -> ServerKey:
        key_id, kem_id, raw = obj["key_id"], obj["kem_id"], obj["private_key"]
        suites, created, retire = obj["suites"], obj["created_at"], obj.get("retire_at")
        if not (
            isinstance(key_id, int)
            and isinstance(kem_id, int)
            and isinstance(raw, str)
            and isinstance(suites, list)
            and isinstance(created, (int, float))
            and (retire is None or isinstance(retire, (int, float)))
        ):
            raise ConfigError("malformed key entry")
        return cls(
            key_id=key_id,
            private_key=hpke.PrivateKey(kem_id, base64.b64decode(raw, validate=True)),
            suites=tuple(SymmetricSuite(int(k), int(a)) for k, a in suites),
            created_at=float(created),
            retire_at=None if retire is None else float(retire),
        )


class ServerKeyring:
    """The gateway's keys: serves every live configuration, rotates, retires on schedule.

    ``clock`` (seconds, like :func:`time.time`) is injectable for tests. Keys
    past their ``retire_at`` no longer decrypt and are no longer advertised.
    """

    FORMAT_VERSION: Final = 1

    def __init__(
        self, keys: Sequence[ServerKey], *, clock: Callable[[], float] = time.time
    ) -> None:
        if not keys:
            raise ConfigError("a keyring needs at least one key")
        ids = [k.key_id for k in keys]
        if len(set(ids)) != len(ids):
            raise ConfigError("duplicate key ids in keyring")
        self._keys: list[ServerKey] = list(keys)
        self._clock = clock
        # header (key id and suite, 7 bytes) -> (key, schedule, info, chunked info), for
        # headers that named a key offering that suite; cleared whenever the keys change.
        self._routes: dict[bytes, tuple[ServerKey, hpke._Schedule, bytes, bytes]] = {}

    def __repr__(self) -> str:
        return f"ServerKeyring(key_ids={[k.key_id for k in self._keys]})"

    @classmethod
    def generate(
        cls,
        *,
        kem_id: int = hpke.KEM_X25519_HKDF_SHA256,
        suites: tuple[SymmetricSuite, ...] = DEFAULT_SYMMETRIC,
        key_id: int | None = None,
        clock: Callable[[], float] = time.time,
    ) -> ServerKeyring:
        """A keyring with one fresh key."""
        kid = secrets.randbelow(256) if key_id is None else key_id
        key = ServerKey(
            key_id=kid,
            private_key=hpke.PrivateKey.generate(kem_id),
            suites=suites,
            created_at=clock(),
        )
        return cls([key], clock=clock)

    @property
    def keys(self) -> tuple[ServerKey, ...]:
        """All keys, newest first (including ones past their retirement, until pruned)."""
        return tuple(self._keys)

    @property
    def current(self) -> ServerKey:
        """The newest key: the one clients should use."""
        return self._keys[0]

    def live_keys(self) -> list[ServerKey]:
        """Keys that still decrypt: current ones and those within their grace period."""
        now = self._clock()
        return [k for k in self._keys if not k.retired(now)]

    def key_configs(self) -> list[KeyConfig]:
        """Configurations to advertise, newest first."""
        return [k.config for k in self.live_keys()]

    def encoded_key_configs(self) -> bytes:
        """The ``application/ohttp-keys`` body."""
        return encode_key_configs(self.key_configs())

    def rotate(
        self,
        *,
        grace_s: float,
        kem_id: int | None = None,
        suites: tuple[SymmetricSuite, ...] | None = None,
    ) -> ServerKey:
        """Add a new current key; older keys keep working for ``grace_s`` seconds."""
        if grace_s < 0:
            raise ConfigError("grace period must be >= 0")
        now = self._clock()
        used = {k.key_id for k in self._keys}
        free = [i for i in range(256) if i not in used]
        if not free:
            raise ConfigError("no free key id: retire old keys first")
        old = self.current
        new = ServerKey(
            key_id=secrets.choice(free),
            private_key=hpke.PrivateKey.generate(
                old.private_key.kem_id if kem_id is None else kem_id
            ),
            suites=old.suites if suites is None else suites,
            created_at=now,
        )
        retire = now + grace_s
        self._routes.clear()
        self._keys = [new] + [
            k if k.retire_at is not None and k.retire_at <= retire else replace(k, retire_at=retire)
            for k in self._keys
        ]
        _log.info(
            "rotated keyring: new key id %d, %d older keys in grace",
            new.key_id,
            len(self._keys) - 1,
        )
        return new

    def prune(self) -> list[int]:
        """Drop keys past their retirement; returns their ids. The current key is never dropped."""
        live = self.live_keys()
        if not live:
            live = [self.current]
        dropped = [k.key_id for k in self._keys if k not in live]
        self._routes.clear()
        self._keys = live
        return dropped

    def decapsulate_request(
        self, data: bytes, *, chunked: bool = False, max_size: int = DEFAULT_MAX_REQUEST
    ) -> tuple[bytes, ServerResponseContext]:
        """Open an encapsulated request: ``(bhttp bytes, response context)``.

        ``chunked=True`` for ``message/ohttp-chunked-req``. Any failure raises
        :class:`DecryptError`.
        """
        if len(data) < _HEADER_LEN or len(data) > max_size + 4096:
            raise DecryptError()
        header = bytes(data[:_HEADER_LEN])
        route = self._routes.get(header)
        if route is None:
            route = self._route(header)
        key, sched, info, chunked_info = route
        if key.retired(self._clock()):  # checked on every request: routes are cached
            raise DecryptError()
        end = _HEADER_LEN + sched.nenc
        enc = bytes(data[_HEADER_LEN:end])
        if len(enc) != sched.nenc:
            raise DecryptError()
        ctx = hpke._setup_r(sched, enc, key.private_key, chunked_info if chunked else info)
        if chunked:
            plain = _open_chunked_request(ctx, memoryview(data)[end:], max_size)
        else:
            plain = ctx.open(bytes(data[end:]))
        return plain, ServerResponseContext(ctx, enc, key.key_id, chunked=chunked)

    def _route(self, header: bytes) -> tuple[ServerKey, hpke._Schedule, bytes, bytes]:
        """The key and HPKE schedule for a request header (:class:`DecryptError` if none)."""
        kem_id = (header[1] << 8) | header[2]
        kdf_id = (header[3] << 8) | header[4]
        aead_id = (header[5] << 8) | header[6]
        key = self._find(header[0], kem_id, kdf_id, aead_id)
        sched = hpke._schedule(hpke.suite_for(kem_id, kdf_id, aead_id))
        route = (
            key,
            sched,
            _REQUEST_LABEL + b"\x00" + header,
            _CHUNKED_REQUEST_LABEL + b"\x00" + header,
        )
        if len(self._routes) < 1024:
            self._routes[header] = route
        return route

    def _find(self, key_id: int, kem_id: int, kdf_id: int, aead_id: int) -> ServerKey:
        for key in self._keys:
            if key.key_id == key_id:
                if key.private_key.kem_id != kem_id:
                    break
                for sym in key.suites:
                    if sym.kdf_id == kdf_id and sym.aead_id == aead_id:
                        return key
                break
        raise DecryptError()

    # --- persistence -------------------------------------------------------------------

    def to_bytes(self) -> bytes:
        """JSON serialization, private keys included: store with mode 0600."""
        doc = {"version": self.FORMAT_VERSION, "keys": [k._to_json() for k in self._keys]}
        return json.dumps(doc, indent=1).encode()

    @classmethod
    def from_bytes(cls, data: bytes, *, clock: Callable[[], float] = time.time) -> ServerKeyring:
        """Parse :meth:`to_bytes` output; :class:`ConfigError` if malformed."""
        try:
            doc = json.loads(data)
            if not isinstance(doc, dict) or doc.get("version") != cls.FORMAT_VERSION:
                raise ConfigError("unknown keyring format version")
            keys = [ServerKey._from_json(obj) for obj in doc["keys"]]
        except ConfigError:
            raise
        except (ValueError, KeyError, TypeError, ProtocolError):
            raise ConfigError("malformed keyring file") from None
        return cls(keys, clock=clock)

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the keyring atomically with mode 0600."""
        write_private(path, self.to_bytes())

    @classmethod
    def load(
        cls, path: str | os.PathLike[str], *, clock: Callable[[], float] = time.time
    ) -> ServerKeyring:
        """Read a keyring file written by :meth:`save`."""
        return cls.from_bytes(read_private(path), clock=clock)


def _open_chunked_request(ctx: hpke.RecipientContext, body: memoryview, max_size: int) -> bytes:
    parts: list[bytes] = []
    total, pos = 0, 0
    while True:
        got = read_varint(body, pos)
        if got is None:
            raise DecryptError()
        length, pos = got
        if length == 0:
            parts.append(ctx.open(bytes(body[pos:]), _FINAL_AAD))
            return b"".join(parts)
        if length < _TAG or pos + length > len(body):
            raise DecryptError()
        chunk = ctx.open(bytes(body[pos : pos + length]))
        if not chunk:  # an empty non-final chunk is a decryption error (draft §4)
            raise DecryptError()
        pos += length
        total += len(chunk)
        if total > max_size:
            raise DecryptError()
        parts.append(chunk)
