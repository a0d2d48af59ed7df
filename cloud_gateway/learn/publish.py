"""Signing and publishing adapters; the inner endpoints devices fetch them from.

The gateway signs bundles with its own Ed25519 key (a separate key from the
OHTTP keys; created 0600 on first use). The newest bundle for each base model
is kept as ``<adapters_dir>/<base sha256>.eklora``. Devices reach two inner
endpoints, inside the encrypted channel like every other inner request:

- ``POST /v1/adapters/key``: the signing public key (base64url) and its key id;
- ``POST /v1/adapters/latest`` with ``{"base_sha256": "<hex>"}``: the newest
  signed bundle for that base model (``application/vnd.edgekit.adapter``),
  or a 404 problem when there is none.
"""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

from cloud_gateway.inner import InnerRequest, InnerResponse, InnerRouter
from cloud_gateway.problems import BadRequest, NotFound, UnsupportedMediaType
from edgekit.learn.bundle import parse_bundle, verify_bundle
from edgekit.secure._files import write_private
from edgekit.secure.identity import DeviceKey

BUNDLE_MEDIA_TYPE = "application/vnd.edgekit.adapter"
_HEX64 = re.compile(r"[0-9a-f]{64}")


def load_signing_key(path: Path) -> DeviceKey:
    """The gateway's adapter-signing Ed25519 key, created (0600) on first use."""
    return DeviceKey.load_or_create(path)


class AdapterShelf:
    """The newest signed adapter bundle per base model, on disk."""

    def __init__(self, directory: Path, key: DeviceKey) -> None:
        self.directory = directory
        self.key = key

    def path_for(self, base_sha256: str) -> Path:
        """Where the bundle for ``base_sha256`` lives."""
        if not _HEX64.fullmatch(base_sha256):
            raise BadRequest("base_sha256 must be 64 lowercase hex digits")
        return self.directory / f"{base_sha256}.eklora"

    def publish(self, bundle: bytes) -> Path:
        """Check the bundle is ours and whole, then make it the newest for its base model."""
        base = parse_bundle(bundle).manifest.base_sha256
        verify_bundle(bundle, trusted_keys=[self.key.public_key], base_sha256=base)
        target = self.path_for(base)
        write_private(target, bundle)  # atomic: devices never fetch half a bundle
        return target

    def latest(self, base_sha256: str) -> bytes | None:
        """The newest bundle for ``base_sha256``, or None."""
        try:
            return self.path_for(base_sha256).read_bytes()
        except FileNotFoundError:
            return None

    def withdraw(self, base_sha256: str) -> bool:
        """Stop offering an adapter for ``base_sha256``; returns whether one was there."""
        try:
            self.path_for(base_sha256).unlink()
        except FileNotFoundError:
            return False
        return True


def add_adapter_routes(router: InnerRouter, shelf: AdapterShelf) -> None:
    """Serve the signing key and the newest bundles on the inner API."""

    async def key(request: InnerRequest) -> InnerResponse:
        public = base64.urlsafe_b64encode(shelf.key.public_key).rstrip(b"=").decode()
        body = json.dumps({"key_id": shelf.key.key_id, "public_key": public}).encode()
        return InnerResponse(200, {"Content-Type": "application/json"}, body)

    async def latest(request: InnerRequest) -> InnerResponse:
        if request.content_type != "application/json":
            raise UnsupportedMediaType("expected application/json")
        try:
            doc = json.loads(request.body)
        except (ValueError, UnicodeDecodeError):
            raise BadRequest("body is not valid JSON") from None
        base = doc.get("base_sha256") if isinstance(doc, dict) else None
        if not isinstance(base, str):
            raise BadRequest("'base_sha256' must be a string")
        bundle = shelf.latest(base)
        if bundle is None:
            raise NotFound("no adapter for this base model")
        return InnerResponse(200, {"Content-Type": BUNDLE_MEDIA_TYPE}, bundle)

    router.add("POST", "/v1/adapters/key", key)
    router.add("POST", "/v1/adapters/latest", latest)
