"""The device side of learning: fetch, check, install, use and roll back adapters.

:class:`AdapterStore` keeps, per base model, the signed bundles the device
accepted and which one is active. Every use re-checks the stored bundle (its
signature by a trusted gateway key, its base model, its adapter file), so a
file changed on disk is refused like a tampered download. The calibration
used with an adapter is the one signed into its bundle, fitted for the
adapted model (bound to its sha256); rollback returns to the base model and
its own calibration.

Trusted keys: the gateway's adapter-signing public keys, one base64url line
each in ``<root>/trusted-keys``; :func:`pull` adds the gateway's key on first
contact (trust on first use, over the encrypted channel pinned to the
gateway's key configuration) unless keys were configured.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from edgekit._logging import get_logger
from edgekit.errors import AdapterError, CalibrationError
from edgekit.learn.bundle import SignedBundle, signer_key_id, verify_bundle
from edgekit.local.gguf import check_gguf
from edgekit.local.lora import LoraAdapter
from edgekit.routing.calibration import Calibration
from edgekit.secure._files import write_private

if TYPE_CHECKING:
    from edgekit.client.core import AsyncEdgeClient
    from edgekit.local.engine import Engine
    from edgekit.transport.client import CloudClient

log = get_logger(__name__)

LEARN_HEADER = "edgekit-learn"
_ACTIVE = "active"


def default_adapters_dir() -> Path:
    """``adapters`` in EdgeKit's state directory (next to the audit log)."""
    from edgekit.privacy.config import default_audit_path

    return default_audit_path().parent / "adapters"


@dataclass(frozen=True)
class InstalledAdapter:
    """An accepted adapter: its file, the calibration for the adapted model, its bundle."""

    adapter: LoraAdapter
    calibration: Calibration
    bundle: SignedBundle

    @property
    def adapter_id(self) -> str:
        return self.bundle.manifest.adapter_id


class AdapterStore:
    """Accepted adapters for this device, per base model, and the active one."""

    def __init__(self, root: str | os.PathLike[str] | None = None) -> None:
        self.root = Path(root) if root is not None else default_adapters_dir()

    # --- trust ------------------------------------------------------------------------

    def trusted_keys(self) -> list[bytes]:
        """The gateway signing keys this device accepts adapters from."""
        try:
            lines = (self.root / "trusted-keys").read_text().splitlines()
        except FileNotFoundError:
            return []
        keys = []
        for line in lines:
            text = line.split("#", 1)[0].strip()
            if text:
                keys.append(_unb64(text))
        return keys

    def trust(self, public_key: bytes) -> str:
        """Add a raw Ed25519 public key to the trusted keys; returns its key id."""
        if len(public_key) != 32:
            raise AdapterError("a signing key is 32 raw bytes", reason="signature")
        keys = self.trusted_keys()
        if public_key not in keys:
            keys.append(public_key)
            text = "".join(f"{_b64(k)}  # {signer_key_id(k)}\n" for k in keys)
            write_private(self.root / "trusted-keys", text.encode())
        return signer_key_id(public_key)

    # --- install, activate, roll back -------------------------------------------------

    def _dir(self, base_sha256: str) -> Path:
        return self.root / base_sha256

    def install(self, data: bytes, engine: Engine, *, activate: bool = True) -> InstalledAdapter:
        """Check a downloaded bundle against this engine's base model and keep it."""
        installed = self._check(data, engine)
        folder = self._dir(engine.info.sha256)
        write_private(folder / f"{installed.adapter_id}.eklora", data)
        if activate:
            write_private(folder / _ACTIVE, installed.adapter_id.encode())
        return self._materialize(installed, folder)

    def _check(self, data: bytes, engine: Engine) -> InstalledAdapter:
        bundle = verify_bundle(
            data,
            trusted_keys=self.trusted_keys(),
            base_sha256=engine.info.sha256,
            base_header=check_gguf(engine.info.path),
        )
        doc = bundle.manifest.calibration
        if doc is None:
            raise AdapterError(
                "the bundle carries no calibration for the adapted model", reason="calibration"
            )
        try:
            calibration = Calibration.from_dict(doc)
        except CalibrationError as exc:
            raise AdapterError(
                f"the bundle's calibration is invalid: {exc}", reason="calibration"
            ) from None
        if calibration.model_sha256 != bundle.manifest.adapted_sha256:
            raise AdapterError(
                "the bundle's calibration is not for the adapted model", reason="calibration"
            )
        placeholder = LoraAdapter(path=Path(bundle.manifest.adapter_id + ".gguf"))
        return InstalledAdapter(placeholder, calibration, bundle)

    def _materialize(self, installed: InstalledAdapter, folder: Path) -> InstalledAdapter:
        """Write the adapter GGUF (0600) next to its bundle for llama.cpp to load."""
        path = folder / f"{installed.adapter_id}.gguf"
        if not path.exists() or path.read_bytes() != installed.bundle.adapter:
            write_private(path, installed.bundle.adapter)
        return InstalledAdapter(LoraAdapter(path=path), installed.calibration, installed.bundle)

    def active(self, engine: Engine) -> InstalledAdapter | None:
        """The active adapter for this engine's base model, re-checked; None: the base model."""
        folder = self._dir(engine.info.sha256)
        try:
            adapter_id = (folder / _ACTIVE).read_text().strip()
        except FileNotFoundError:
            return None
        if not adapter_id.isalnum():
            raise AdapterError("the active-adapter record is corrupt", reason="format")
        try:
            data = (folder / f"{adapter_id}.eklora").read_bytes()
        except FileNotFoundError:
            raise AdapterError("the active adapter's bundle is missing", reason="format") from None
        return self._materialize(self._check(data, engine), folder)

    def rollback(self, engine: Engine) -> bool:
        """Deactivate the adapter of this base model; returns whether one was active."""
        try:
            (self._dir(engine.info.sha256) / _ACTIVE).unlink()
        except FileNotFoundError:
            return False
        return True


def apply_active(store: AdapterStore, engine: Engine) -> Calibration | None:
    """Load the active adapter (if any) into ``engine``; returns the calibration to route with.

    None means "the base model": the engine runs no adapter and the caller
    uses the base model's own calibration.
    """
    installed = store.active(engine)
    if installed is None:
        engine.set_lora(())
        return None
    engine.set_lora((installed.adapter,))
    log.info("adapter %s active", installed.adapter_id)
    return installed.calibration


def use_adapter(client: AsyncEdgeClient, store: AdapterStore) -> str | None:
    """Run ``client`` on its model's active adapter with the adapter's calibration.

    With no active adapter: the base model and its calibration. Returns the
    adapter id in use (None: the base model). Switch between calls.
    """
    calibration = apply_active(store, client.engine)
    client.set_calibration(calibration if calibration is not None else client.base_calibration())
    active = client.engine.lora
    return active[0].path.stem if active else None


def rollback(client: AsyncEdgeClient, store: AdapterStore) -> bool:
    """Drop the adapter: the base model and its own calibration again (also after restarts)."""
    was_active = store.rollback(client.engine)
    client.engine.set_lora(())
    client.set_calibration(client.base_calibration())
    return was_active


async def pull(cloud: CloudClient, store: AdapterStore, engine: Engine) -> InstalledAdapter | None:
    """Fetch the gateway's newest adapter for this engine's base model and install it.

    Trusts the gateway's signing key on first contact when no key is configured.
    Returns None when the gateway has no adapter for this model.
    """
    from edgekit.errors import CloudResponseError

    if not store.trusted_keys():
        key = await cloud.post_inner("/v1/adapters/key", {})
        store.trust(_unb64(_json(key.content).get("public_key", "")))
    try:
        answer = await cloud.post_inner("/v1/adapters/latest", {"base_sha256": engine.info.sha256})
    except CloudResponseError as exc:
        if exc.status == 404:
            return None
        raise
    return store.install(answer.content, engine)


def _json(raw: bytes) -> dict[str, Any]:
    try:
        doc = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise AdapterError("the gateway's key answer is not JSON", reason="signature") from None
    return doc if isinstance(doc, dict) else {}


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise AdapterError("a signing key must be base64url text", reason="signature")
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        raise AdapterError("a signing key is not base64url", reason="signature") from None
    if len(raw) != 32:
        raise AdapterError("a signing key is 32 raw bytes", reason="signature")
    return raw
