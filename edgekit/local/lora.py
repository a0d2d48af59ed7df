"""LoRA adapters on the local engine: checked GGUF adapters applied at run time.

llama.cpp applies LoRA adapters to a context without touching the base
weights, so an adapter can be switched on, changed or dropped (rollback)
without reloading the model. :class:`LoraSet` owns the adapters loaded for one
engine; the engine serializes calls to it under its lock.

An adapted model has its own identity, :func:`adapted_model_sha256` of the
base model's and the adapters' sha256: a routing calibration names the model
it was fitted for by that digest, so the base model's calibration is never
used with an adapter and vice versa.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from edgekit.errors import AdapterError, ConfigError, ModelFormatError, ModelNotFound
from edgekit.local.gguf import GGUFHeader, check_gguf

if TYPE_CHECKING:
    from edgekit.local._llama import LlamaHandle

_ADAPTED_CONTEXT: Final = b"edgekit adapted model v1\x00"
_LORA_TENSOR: Final = re.compile(r"blk\.\d+\.[a-z_]+\.weight\.lora_[ab]")


@dataclass(frozen=True, kw_only=True)
class LoraAdapter:
    """A llama.cpp LoRA adapter file (GGUF) and the scale it is applied with."""

    path: Path
    scale: float = 1.0

    def __post_init__(self) -> None:
        if not str(self.path):
            raise ConfigError("LoraAdapter.path must name a GGUF adapter file")
        object.__setattr__(self, "path", Path(self.path))
        if not math.isfinite(self.scale) or not -16.0 <= self.scale <= 16.0:
            raise ConfigError("LoraAdapter.scale must be a finite number in [-16, 16]")


def adapted_model_sha256(base_sha256: str, adapter_sha256s: Sequence[str]) -> str:
    """The identity of a base model with these adapters; the base's own sha256 without any."""
    if not adapter_sha256s:
        return base_sha256
    digest = hashlib.sha256(_ADAPTED_CONTEXT + base_sha256.encode())
    for sha in adapter_sha256s:
        digest.update(b"\x00" + sha.encode())
    return digest.hexdigest()


def check_adapter_header(header: GGUFHeader, base: GGUFHeader | None = None) -> None:
    """Refuse a GGUF that is not a LoRA adapter (fitting ``base`` when given)."""
    md = header.metadata
    if md.get("general.type") != "adapter" or md.get("adapter.type") != "lora":
        raise AdapterError("GGUF file is not a LoRA adapter", reason="format")
    if not header.tensors or any(not _LORA_TENSOR.fullmatch(t.name) for t in header.tensors):
        raise AdapterError("adapter holds tensors that are not LoRA factors", reason="format")
    if base is not None:
        _check_fits_base(header, base)


def _check_fits_base(adapter: GGUFHeader, base: GGUFHeader) -> None:
    """Every ``lora_a``/``lora_b`` pair must match the shape of its base tensor."""
    if adapter.architecture != base.architecture:
        raise AdapterError("adapter architecture differs from the base model", reason="base_model")
    shapes = {t.name: t.shape for t in base.tensors}
    factors = {t.name: t.shape for t in adapter.tensors}
    for name, a_shape in factors.items():
        if not name.endswith(".lora_a"):
            continue
        target = name[: -len(".lora_a")]
        b_shape = factors.get(target + ".lora_b")
        base_shape = shapes.get(target)
        if b_shape is None or base_shape is None or len(base_shape) != 2 or len(a_shape) != 2:
            raise AdapterError("adapter targets a tensor the base model lacks", reason="base_model")
        # GGUF shapes are (ne0, ne1): base (n_in, n_out), a (n_in, r), b (r, n_out).
        if (a_shape[0], b_shape[1], a_shape[1]) != (base_shape[0], base_shape[1], b_shape[0]):
            raise AdapterError(
                "adapter factor shapes do not fit the base model", reason="base_model"
            )


def check_adapter_file(path: Path, base: GGUFHeader | None = None) -> GGUFHeader:
    """Parse and check an adapter file before llama.cpp sees it."""
    try:
        header = check_gguf(path)
    except (ModelFormatError, ModelNotFound) as exc:
        raise AdapterError(
            f"adapter is not a readable GGUF file: {exc}", reason="format", path=str(path)
        ) from None
    check_adapter_header(header, base)
    return header


@dataclass(frozen=True)
class _Loaded:
    handle: Any
    sha256: str


class LoraSet:
    """The adapters loaded into one model, and which of them the context applies."""

    def __init__(self, llama: LlamaHandle, base: GGUFHeader) -> None:
        self._llama = llama
        self._base = base
        self._loaded: dict[Path, _Loaded] = {}
        self.active: tuple[LoraAdapter, ...] = ()

    def sha256s(self) -> tuple[str, ...]:
        """The sha256 of each active adapter, in order."""
        return tuple(self._loaded[a.path.resolve()].sha256 for a in self.active)

    def apply(self, adapters: Sequence[LoraAdapter]) -> None:
        """Load what is new, apply exactly ``adapters``, free the ones no longer used."""
        wanted = {a.path.resolve() for a in adapters}
        if len(wanted) != len(adapters):
            raise ConfigError("the same LoRA adapter is listed twice")
        for adapter in adapters:
            self._load(adapter.path.resolve())
        handles = [(self._loaded[a.path.resolve()].handle, a.scale) for a in adapters]
        self._llama.set_adapters(handles)
        self.active = tuple(adapters)
        for path in [p for p in self._loaded if p not in wanted]:
            self._llama.free_adapter(self._loaded.pop(path).handle)

    def _load(self, path: Path) -> None:
        if path in self._loaded:
            return
        check_adapter_file(path, self._base)
        sha = _sha256_file(path)
        self._loaded[path] = _Loaded(self._llama.load_adapter(path), sha)


def _sha256_file(path: Path) -> str:
    from edgekit.local.models import sha256_file

    return sha256_file(path)
