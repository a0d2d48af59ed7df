"""Signed LoRA adapter bundles: what the gateway publishes and a device installs.

A bundle is one byte string (all integers big-endian)::

    b"EKLORA" 0x00 0x01     magic, NUL, format version 1
    len32 || manifest       UTF-8 JSON, at most 1 MiB
    64-byte signature       Ed25519 over b"edgekit adapter v1" 0x00 || sha256(manifest)
    len64 || adapter        a llama.cpp LoRA GGUF file, at most 512 MiB

The manifest names the base model (by sha256), the adapter's own sha256 and
size, the signer's key id, how the adapter scored against the base model on
held-out pairs, and the routing calibration fitted for the *adapted* model.
That calibration is bound to the adapted model's own digest
(:func:`~edgekit.local.lora.adapted_model_sha256` of base and adapter),
so it can never be mistaken for the base model's, and the base model's can
never be used with the adapter.

:func:`parse_bundle` checks structure only; :func:`verify_bundle` checks the
signature against trusted keys, the adapter digest, the base model and the
adapter's GGUF header. Every failure is one :class:`~edgekit.errors.AdapterError`.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final, Protocol

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from edgekit.errors import AdapterError, ModelFormatError
from edgekit.local.gguf import GGUFHeader, parse_gguf
from edgekit.local.lora import adapted_model_sha256, check_adapter_header

MAGIC: Final = b"EKLORA\x00\x01"
SCHEMA: Final = "edgekit.learn.adapter"
SCHEMA_VERSION: Final = 1
MAX_MANIFEST_BYTES: Final = 1 << 20
MAX_ADAPTER_BYTES: Final = 512 << 20
SIGNATURE_BYTES: Final = 64
_SIGN_CONTEXT: Final = b"edgekit adapter v1\x00"
_HEX64 = re.compile(r"[0-9a-f]{64}")


def signer_key_id(public_key: bytes) -> str:
    """Key id of a raw Ed25519 public key: 32 hex digits of its SHA-256."""
    return hashlib.sha256(public_key).hexdigest()[:32]


@dataclass(frozen=True, kw_only=True)
class AdapterManifest:
    """What a bundle says about its adapter (the signed part)."""

    base_name: str
    base_sha256: str
    adapter_sha256: str
    adapter_bytes: int
    rank: int
    alpha: float
    targets: tuple[str, ...]
    n_pairs: int
    created_unix: int
    signer: str = ""
    evaluation: Mapping[str, Any] = field(default_factory=dict)
    calibration: Mapping[str, Any] | None = None

    @property
    def adapter_id(self) -> str:
        """A short, stable name: the first 16 hex digits of the adapter's sha256."""
        return self.adapter_sha256[:16]

    @property
    def adapted_sha256(self) -> str:
        """:func:`~edgekit.local.lora.adapted_model_sha256` of the base model and adapter."""
        return adapted_model_sha256(self.base_sha256, (self.adapter_sha256,))

    def as_dict(self) -> dict[str, Any]:
        """The JSON document."""
        return {
            "schema": SCHEMA,
            "version": SCHEMA_VERSION,
            "base_model": {"name": self.base_name, "sha256": self.base_sha256},
            "adapter": {
                "sha256": self.adapter_sha256,
                "bytes": self.adapter_bytes,
                "format": "gguf-lora",
                "rank": self.rank,
                "alpha": self.alpha,
                "targets": list(self.targets),
            },
            "n_pairs": self.n_pairs,
            "created_unix": self.created_unix,
            "signer": self.signer,
            "evaluation": dict(self.evaluation),
            "calibration": None if self.calibration is None else dict(self.calibration),
        }

    @classmethod
    def from_dict(cls, doc: Any) -> AdapterManifest:
        """Validate a parsed manifest document."""
        if not isinstance(doc, dict) or doc.get("schema") != SCHEMA:
            raise AdapterError("not an EdgeKit adapter manifest", reason="format")
        if doc.get("version") != SCHEMA_VERSION:
            raise AdapterError("unsupported adapter manifest version", reason="format")
        try:
            base, adapter = doc["base_model"], doc["adapter"]
            manifest = cls(
                base_name=str(base["name"]),
                base_sha256=_hex64(base["sha256"]),
                adapter_sha256=_hex64(adapter["sha256"]),
                adapter_bytes=_count(adapter["bytes"]),
                rank=_count(adapter["rank"]),
                alpha=float(adapter["alpha"]),
                targets=tuple(str(t) for t in adapter["targets"]),
                n_pairs=_count(doc["n_pairs"]),
                created_unix=_count(doc["created_unix"]),
                signer=str(doc.get("signer", "")),
                evaluation=dict(doc.get("evaluation") or {}),
                calibration=None if doc.get("calibration") is None else dict(doc["calibration"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise AdapterError(
                f"malformed adapter manifest ({type(exc).__name__})", reason="format"
            ) from None
        if adapter.get("format") != "gguf-lora":
            raise AdapterError("adapter format is not gguf-lora", reason="format")
        return manifest


def _hex64(value: Any) -> str:
    if not isinstance(value, str) or not _HEX64.fullmatch(value):
        raise ValueError("not a sha256 hex digest")
    return value


def _count(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError("not a non-negative integer")
    return value


def _manifest_bytes(manifest: AdapterManifest) -> bytes:
    return json.dumps(manifest.as_dict(), sort_keys=True, separators=(",", ":")).encode()


def _signed_message(manifest_bytes: bytes) -> bytes:
    return _SIGN_CONTEXT + hashlib.sha256(manifest_bytes).digest()


class Signer(Protocol):
    """An Ed25519 key that signs (e.g. :class:`edgekit.secure.identity.DeviceKey`)."""

    @property
    def public_key(self) -> bytes:
        """The raw 32-byte public key."""
        ...

    def sign(self, message: bytes) -> bytes:
        """A 64-byte Ed25519 signature of ``message``."""
        ...


def sign_bundle(manifest: AdapterManifest, adapter: bytes, key: Signer) -> bytes:
    """Encode and sign a bundle; the manifest's digest, size and signer are filled in."""
    if len(adapter) > MAX_ADAPTER_BYTES:
        raise AdapterError("adapter is larger than a bundle may carry", reason="size")
    public = key.public_key
    complete = AdapterManifest(
        **{
            **manifest.__dict__,
            "adapter_sha256": hashlib.sha256(adapter).hexdigest(),
            "adapter_bytes": len(adapter),
            "signer": signer_key_id(public),
        }
    )
    body = _manifest_bytes(complete)
    if len(body) > MAX_MANIFEST_BYTES:
        raise AdapterError("adapter manifest is too large", reason="size")
    signature = key.sign(_signed_message(body))
    return b"".join(
        (
            MAGIC,
            len(body).to_bytes(4, "big"),
            body,
            signature,
            len(adapter).to_bytes(8, "big"),
            adapter,
        )
    )


@dataclass(frozen=True)
class SignedBundle:
    """A structurally valid bundle whose signature is not yet checked."""

    manifest_bytes: bytes
    manifest: AdapterManifest
    signature: bytes
    adapter: bytes


def parse_bundle(data: bytes) -> SignedBundle:
    """Split a bundle into its parts, bounding every length; no signature check."""
    view = memoryview(data)
    if bytes(view[: len(MAGIC)]) != MAGIC:
        raise AdapterError("not an EdgeKit adapter bundle (bad magic)", reason="format")
    pos = len(MAGIC)
    n_manifest, pos = _length(view, pos, 4, MAX_MANIFEST_BYTES, "manifest")
    manifest_bytes = bytes(view[pos : pos + n_manifest])
    pos += n_manifest
    if len(view) < pos + SIGNATURE_BYTES:
        raise AdapterError("adapter bundle is truncated (signature)", reason="format")
    signature = bytes(view[pos : pos + SIGNATURE_BYTES])
    pos += SIGNATURE_BYTES
    n_adapter, pos = _length(view, pos, 8, MAX_ADAPTER_BYTES, "adapter")
    if len(view) != pos + n_adapter:
        raise AdapterError("adapter bundle has trailing bytes", reason="format")
    try:
        doc = json.loads(manifest_bytes.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise AdapterError("adapter manifest is not JSON", reason="format") from None
    manifest = AdapterManifest.from_dict(doc)
    return SignedBundle(manifest_bytes, manifest, signature, bytes(view[pos:]))


def _length(view: memoryview, pos: int, width: int, limit: int, what: str) -> tuple[int, int]:
    if len(view) < pos + width:
        raise AdapterError(f"adapter bundle is truncated ({what} length)", reason="format")
    n = int.from_bytes(view[pos : pos + width], "big")
    if n > limit:
        raise AdapterError(f"adapter bundle {what} is too large", reason="size")
    if len(view) < pos + width + n:
        raise AdapterError(f"adapter bundle is truncated ({what})", reason="format")
    return n, pos + width


def verify_bundle(
    data: bytes,
    *,
    trusted_keys: Iterable[bytes],
    base_sha256: str,
    base_header: GGUFHeader | None = None,
) -> SignedBundle:
    """Parse and check a bundle for the base model whose sha256 is ``base_sha256``.

    Checks, in order: structure; the signature by one of ``trusted_keys`` (raw
    Ed25519 public keys); the adapter's size and sha256 against the manifest;
    the base model's sha256; the adapter's GGUF header (a LoRA adapter whose
    tensors fit ``base_header`` when given). Raises :class:`AdapterError`.
    """
    bundle = parse_bundle(data)
    _check_signature(bundle, trusted_keys)
    m = bundle.manifest
    if len(bundle.adapter) != m.adapter_bytes:
        raise AdapterError("adapter size differs from its manifest", reason="digest")
    if hashlib.sha256(bundle.adapter).hexdigest() != m.adapter_sha256:
        raise AdapterError("adapter digest differs from its manifest", reason="digest")
    if m.base_sha256 != base_sha256:
        raise AdapterError("adapter was made for another base model", reason="base_model")
    check_adapter_gguf(bundle.adapter, base_header)
    return bundle


def _check_signature(bundle: SignedBundle, trusted_keys: Iterable[bytes]) -> None:
    message = _signed_message(bundle.manifest_bytes)
    for raw in trusted_keys:
        if signer_key_id(raw) != bundle.manifest.signer:
            continue
        try:
            Ed25519PublicKey.from_public_bytes(raw).verify(bundle.signature, message)
        except (InvalidSignature, ValueError):
            break
        return
    raise AdapterError("adapter signature is missing, unknown or invalid", reason="signature")


def check_adapter_gguf(adapter: bytes, base_header: GGUFHeader | None = None) -> GGUFHeader:
    """Check that ``adapter`` is a complete llama.cpp LoRA GGUF (fitting ``base_header``)."""
    try:
        header = parse_gguf(adapter)
    except ModelFormatError as exc:
        raise AdapterError(f"adapter is not a valid GGUF file: {exc}", reason="format") from None
    check_adapter_header(header, base_header)
    return header
