"""Device identity and replay protection.

A device holds an Ed25519 key (:class:`DeviceKey`). :func:`sign_request` adds
four headers to the inner Binary HTTP request; the signature covers the HPKE
``enc`` of the outer message, the timestamp, the key id and the canonical
(known-length) encoding of the request without the signature header, so a
signed inner request cannot be replayed inside another encapsulation.

The gateway checks it with :func:`verify_request` against a
:class:`DeviceRegistry`, and rejects replays with :class:`ReplayGuard`
(a clock-skew window on the signed timestamp plus a cache of seen ``enc``
values, behind the async :class:`SeenCache` protocol).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Final, Protocol, runtime_checkable

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from edgekit._logging import get_logger
from edgekit.errors import AuthenticationError, ConfigError, ReplayError
from edgekit.secure._files import read_private, write_private
from edgekit.secure.bhttp import Request, _encode_request, encode_request
from edgekit.secure.ohttp import ClientResponseContext, KeyConfig, RequestSealer, SymmetricSuite

__all__ = [
    "KEY_ID_HEADER",
    "PUBLIC_KEY_HEADER",
    "SIGNATURE_HEADER",
    "TIMESTAMP_HEADER",
    "DeviceKey",
    "DeviceRegistry",
    "MemorySeenCache",
    "ReplayGuard",
    "SeenCache",
    "device_key_id",
    "encapsulate_signed_request",
    "sign_request",
    "signed_bytes",
    "signed_timestamp",
    "verify_request",
]

_log = get_logger(__name__)

KEY_ID_HEADER: Final = "edgekit-device-key-id"
PUBLIC_KEY_HEADER: Final = "edgekit-device-public-key"
TIMESTAMP_HEADER: Final = "edgekit-device-timestamp"
SIGNATURE_HEADER: Final = "edgekit-device-signature"
_OWN_HEADERS: Final = frozenset(
    {KEY_ID_HEADER, PUBLIC_KEY_HEADER, TIMESTAMP_HEADER, SIGNATURE_HEADER}
)
_CONTEXT: Final = b"edgekit device signature v1\x00"
_PRESENTED_CACHE: Final = 4096


def device_key_id(public_key: bytes) -> str:
    """Key id of a raw Ed25519 public key: 32 hex digits of its SHA-256."""
    return hashlib.sha256(public_key).hexdigest()[:32]


class DeviceKey:
    """An Ed25519 device key. ``repr`` never shows the private key."""

    __slots__ = ("_private", "key_id", "public_key")

    def __init__(self, private_key: Ed25519PrivateKey) -> None:
        self._private = private_key
        self.public_key: bytes = private_key.public_key().public_bytes_raw()
        self.key_id: str = device_key_id(self.public_key)

    def __repr__(self) -> str:
        return f"DeviceKey(key_id={self.key_id!r})"

    @classmethod
    def generate(cls) -> DeviceKey:
        """A fresh key, not stored anywhere."""
        return cls(Ed25519PrivateKey.generate())

    @classmethod
    def load(cls, path: str | Path) -> DeviceKey:
        """Read a PEM (PKCS#8) key file; refuses files readable by others."""
        data = read_private(path, max_bytes=16 * 1024)
        try:
            key = serialization.load_pem_private_key(data, password=None)
        except (ValueError, TypeError):
            raise ConfigError(f"device key file {path} is not a PEM private key") from None
        if not isinstance(key, Ed25519PrivateKey):
            raise ConfigError(f"device key file {path} does not hold an Ed25519 key")
        return cls(key)

    def save(self, path: str | Path) -> None:
        """Write the key atomically with mode 0600."""
        pem = self._private.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        write_private(path, pem)

    @classmethod
    def load_or_create(cls, path: str | Path) -> DeviceKey:
        """The key stored at ``path``, created (0600, atomically) on first use."""
        target = Path(path).expanduser()
        if target.exists():
            return cls.load(target)
        key = cls.generate()
        key.save(target)
        _log.info("created device key %s", key.key_id)
        return key

    @classmethod
    def rotate(cls, path: str | Path) -> DeviceKey:
        """Replace the key at ``path`` with a new one; the old one is kept as ``<path>.old``.

        The gateway must enrol the new public key before it is used.
        """
        target = Path(path).expanduser()
        if target.exists():
            write_private(target.with_name(target.name + ".old"), read_private(target))
        key = cls.generate()
        key.save(target)
        _log.info("rotated device key to %s", key.key_id)
        return key

    def sign(self, message: bytes) -> bytes:
        """Ed25519 signature of ``message``."""
        return self._private.sign(message)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        raise AuthenticationError("malformed device header") from None


def _lp(data: bytes) -> bytes:
    return len(data).to_bytes(4, "big") + data


def signed_bytes(request: Request, enc: bytes) -> bytes:
    """The exact byte string a device signs (documented in docs/secure.md).

    ``"edgekit device signature v1" 0x00 || len32(enc) || enc ||
    len32(timestamp) || timestamp || len32(key_id) || key_id ||
    len32(req) || req`` where ``req`` is the known-length Binary HTTP encoding
    of the request without the signature header and without padding.
    """
    timestamp = request.header(TIMESTAMP_HEADER) or ""
    key_id = request.header(KEY_ID_HEADER) or ""
    unsigned = [h for h in request.headers if h[0] != SIGNATURE_HEADER]
    return b"".join(
        (
            _CONTEXT,
            _lp(enc),
            _lp(timestamp.encode()),
            _lp(key_id.encode()),
            _lp(_encode_request(request, unsigned)),
        )
    )


def sign_request(
    device_key: DeviceKey,
    request: Request,
    enc: bytes,
    *,
    now: float | None = None,
    include_public_key: bool = True,
) -> Request:
    """A copy of ``request`` with the device headers added (any old ones removed)."""
    ts = str(int(time.time() if now is None else now))
    headers = [h for h in request.headers if h[0] not in _OWN_HEADERS]
    headers.append((KEY_ID_HEADER, device_key.key_id))
    if include_public_key:
        headers.append((PUBLIC_KEY_HEADER, _b64(device_key.public_key)))
    headers.append((TIMESTAMP_HEADER, ts))
    unsigned = replace(request, headers=headers)
    signature = device_key.sign(signed_bytes(unsigned, enc))
    return replace(unsigned, headers=[*headers, (SIGNATURE_HEADER, _b64(signature))])


def encapsulate_signed_request(
    key_config: KeyConfig,
    request: Request,
    device_key: DeviceKey,
    *,
    now: float | None = None,
    suite: SymmetricSuite | None = None,
    chunked: bool = False,
    indeterminate: bool = False,
) -> tuple[bytes, ClientResponseContext]:
    """Sign ``request`` for the encapsulation that carries it, encode it, seal it."""
    sealer = RequestSealer(key_config, suite=suite, chunked=chunked)
    signed = sign_request(device_key, request, sealer.enc, now=now)
    return sealer.seal(encode_request(signed, indeterminate=indeterminate))


def signed_timestamp(request: Request) -> int:
    """The device timestamp header as an integer (for :meth:`ReplayGuard.check`)."""
    text = _single(request, TIMESTAMP_HEADER)
    if not text.isascii() or not text.isdigit() or len(text) > 12:  # "²".isdigit() is True
        raise AuthenticationError("malformed device timestamp")
    return int(text)


class DeviceRegistry:
    """Enrolled device public keys; or open enrolment (any well-formed key accepted)."""

    def __init__(self, public_keys: Iterable[bytes] = (), *, open_enrolment: bool = False) -> None:
        self._keys: dict[str, Ed25519PublicKey] = {}
        # Open enrolment: keys presented in requests, parsed once (raw -> (key id, key)).
        self._presented: dict[bytes, tuple[str, Ed25519PublicKey]] = {}
        self.open_enrolment = open_enrolment
        for pk in public_keys:
            self.enrol(pk)

    def __repr__(self) -> str:
        return f"DeviceRegistry(devices={len(self._keys)}, open={self.open_enrolment})"

    def enrol(self, public_key: bytes) -> str:
        """Add a raw 32-byte Ed25519 public key; returns its key id."""
        try:
            key = Ed25519PublicKey.from_public_bytes(public_key)
        except ValueError:
            raise ConfigError("not a raw Ed25519 public key") from None
        kid = device_key_id(public_key)
        self._keys[kid] = key
        return kid

    def revoke(self, key_id: str) -> bool:
        """Remove a device; returns whether it was enrolled."""
        return self._keys.pop(key_id, None) is not None

    def __contains__(self, key_id: object) -> bool:
        return key_id in self._keys

    def lookup(self, key_id: str, presented: bytes | None) -> Ed25519PublicKey:
        """The verification key for ``key_id``; raises :class:`AuthenticationError`."""
        key = self._keys.get(key_id)
        if key is not None:
            return key
        if self.open_enrolment and presented is not None and len(presented) == 32:
            cached = self._presented.get(presented)
            if cached is None:
                try:
                    key = Ed25519PublicKey.from_public_bytes(presented)
                except ValueError:
                    raise AuthenticationError("unknown device") from None
                cached = (device_key_id(presented), key)
                if len(self._presented) >= _PRESENTED_CACHE:
                    self._presented.clear()
                self._presented[presented] = cached
            if hmac.compare_digest(cached[0], key_id):
                return cached[1]
        raise AuthenticationError("unknown device")

    @classmethod
    def load(cls, path: str | Path, *, open_enrolment: bool = False) -> DeviceRegistry:
        """One base64url raw public key per line (``#`` comments allowed)."""
        try:
            lines = Path(path).read_text().splitlines()
        except OSError:
            raise ConfigError(f"cannot read device registry {path}") from None
        keys = [_unb64(ln.split("#", 1)[0].strip()) for ln in lines if ln.split("#", 1)[0].strip()]
        return cls(keys, open_enrolment=open_enrolment)


def _signature_valid(key: Ed25519PublicKey, signature: bytes, message: bytes) -> bool:
    """Ed25519 verification, with libsodium (PyNaCl) when it is installed.

    libsodium verifies in half the time of OpenSSL 3.0 (the gateway checks a
    signature per request), and is the stricter of the two: it also refuses
    small-order and non-canonical public keys and ``R`` points, which no
    honest device produces. Without PyNaCl, ``cryptography`` (OpenSSL) does it.
    """
    if _sodium_verify is not None:
        return _sodium_verify(key.public_bytes_raw(), signature, message)
    try:
        key.verify(signature, message)
    except InvalidSignature:
        return False
    return True


def _load_sodium_verify() -> Callable[[bytes, bytes, bytes], bool] | None:
    """libsodium's Ed25519 check ``(public key, signature, message) -> ok``, if PyNaCl is here."""
    try:
        from nacl.bindings import crypto_sign_open
        from nacl.exceptions import CryptoError
    except ImportError:
        return None

    def verify(public_key: bytes, signature: bytes, message: bytes) -> bool:
        if len(signature) != 64 or len(public_key) != 32:
            return False
        try:
            crypto_sign_open(signature + message, public_key)
        except CryptoError:
            return False
        return True

    return verify


_sodium_verify = _load_sodium_verify()


def _single(request: Request, name: str) -> str:
    values = [v for n, v in request.headers if n == name]
    if len(values) != 1:
        raise AuthenticationError("missing or repeated device header")
    return values[0]


def verify_request(
    registry: DeviceRegistry,
    request: Request,
    enc: bytes,
    *,
    now: float | None = None,
    max_skew_s: float = 300.0,
) -> str:
    """Check the device signature of ``request`` bound to ``enc``; returns the key id.

    Raises :class:`AuthenticationError` (missing/unknown/invalid) or
    :class:`ReplayError` if the signed timestamp is outside ``±max_skew_s``.
    """
    key_id = _single(request, KEY_ID_HEADER)
    signature = _unb64(_single(request, SIGNATURE_HEADER))
    presented_values = [v for n, v in request.headers if n == PUBLIC_KEY_HEADER]
    if len(presented_values) > 1:
        raise AuthenticationError("repeated device header")
    presented = _unb64(presented_values[0]) if presented_values else None
    key = registry.lookup(key_id, presented)
    if not _signature_valid(key, signature, signed_bytes(request, enc)):
        raise AuthenticationError("invalid device signature")
    timestamp = signed_timestamp(request)
    current = time.time() if now is None else now
    if abs(current - timestamp) > max_skew_s:
        raise ReplayError("request timestamp outside the accepted window")
    return key_id


@runtime_checkable
class SeenCache(Protocol):
    """A set of recently seen keys with expiry (the gateway backs it with Redis)."""

    async def add_if_absent(self, key: bytes, ttl_s: float) -> bool:
        """Record ``key`` for ``ttl_s`` seconds; ``False`` if it was already there."""
        ...


class MemorySeenCache:
    """In-process :class:`SeenCache`: bounded (LRU-evicts the oldest), entries expire."""

    def __init__(
        self, max_entries: int = 100_000, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if max_entries <= 0:
            raise ConfigError("max_entries must be positive")
        self._entries: OrderedDict[bytes, float] = OrderedDict()
        self._max = max_entries
        self._clock = clock
        # The critical section never awaits: a thread lock makes it safe across
        # event loops and threads alike, without binding the cache to one loop.
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    def _expire(self, now: float) -> None:
        entries = self._entries
        while entries:
            key, deadline = next(iter(entries.items()))
            if deadline > now:
                break
            del entries[key]

    async def add_if_absent(self, key: bytes, ttl_s: float) -> bool:
        """See :meth:`SeenCache.add_if_absent`."""
        digest = hashlib.sha256(key).digest()
        with self._lock:
            now = self._clock()
            self._expire(now)
            deadline = self._entries.get(digest)
            if deadline is not None and deadline > now:
                return False
            self._entries[digest] = now + ttl_s
            self._entries.move_to_end(digest)
            while len(self._entries) > self._max:
                self._entries.popitem(last=False)
            return True


class ReplayGuard:
    """Rejects requests outside the time window, and any ``enc`` seen within it."""

    def __init__(self, window_s: float = 300.0, cache: SeenCache | None = None) -> None:
        if window_s <= 0:
            raise ConfigError("window_s must be positive")
        self.window_s = window_s
        self.cache: SeenCache = cache if cache is not None else MemorySeenCache()

    def __repr__(self) -> str:
        return f"ReplayGuard(window_s={self.window_s})"

    async def check(self, enc: bytes, timestamp: float, now: float | None = None) -> None:
        """Raise :class:`ReplayError` if ``timestamp`` is off by more than the window,
        or ``enc`` was seen before; otherwise remember ``enc``.

        Entries live for twice the window: a request accepted at the window's
        far edge stays remembered until its timestamp can no longer pass.
        """
        current = time.time() if now is None else now
        if abs(current - timestamp) > self.window_s:
            raise ReplayError("request timestamp outside the accepted window")
        if not await self.cache.add_if_absent(b"ohttp-enc:" + enc, 2 * self.window_s):
            raise ReplayError("request replayed")
