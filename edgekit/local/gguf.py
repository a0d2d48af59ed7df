"""A bounded reader of GGUF headers, run before llama.cpp ever sees a file.

llama.cpp validates much of a GGUF file itself, but a truncated or hostile file
can still reach code paths that abort the process. :func:`check_gguf` parses the
header (magic, version, key/value metadata, tensor infos), computes where the
tensor data ends and checks the file is long enough. Every count and length is
bounded by the bytes actually present; any problem is one
:class:`~edgekit.errors.ModelFormatError`.
"""

from __future__ import annotations

import mmap
import os
import struct
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from edgekit.errors import ModelFormatError, ModelNotFound

GGUF_MAGIC: Final = b"GGUF"
SUPPORTED_VERSIONS: Final = (2, 3)
MAX_TENSORS: Final = 1 << 20
MAX_KV: Final = 1 << 20
MAX_DIMS: Final = 4
MAX_KEY_BYTES: Final = 1 << 16
MAX_KEPT_STRING_BYTES: Final = 1 << 20  # longer metadata strings are counted, not kept
MAX_ARRAY_DEPTH: Final = 2
DEFAULT_ALIGNMENT: Final = 32

# ggml_type -> (elements per block, bytes per block). Removed/unused ids are absent.
GGML_TYPE_SIZES: Final[Mapping[int, tuple[int, int]]] = {
    0: (1, 4),  # F32
    1: (1, 2),  # F16
    2: (32, 18),  # Q4_0
    3: (32, 20),  # Q4_1
    6: (32, 22),  # Q5_0
    7: (32, 24),  # Q5_1
    8: (32, 34),  # Q8_0
    9: (32, 36),  # Q8_1
    10: (256, 84),  # Q2_K
    11: (256, 110),  # Q3_K
    12: (256, 144),  # Q4_K
    13: (256, 176),  # Q5_K
    14: (256, 210),  # Q6_K
    15: (256, 292),  # Q8_K
    16: (256, 66),  # IQ2_XXS
    17: (256, 74),  # IQ2_XS
    18: (256, 98),  # IQ3_XXS
    19: (256, 50),  # IQ1_S
    20: (32, 18),  # IQ4_NL
    21: (256, 110),  # IQ3_S
    22: (256, 82),  # IQ2_S
    23: (256, 136),  # IQ4_XS
    24: (1, 1),  # I8
    25: (1, 2),  # I16
    26: (1, 4),  # I32
    27: (1, 8),  # I64
    28: (1, 8),  # F64
    29: (256, 56),  # IQ1_M
    30: (1, 2),  # BF16
    34: (256, 54),  # TQ1_0
    35: (256, 66),  # TQ2_0
    39: (32, 17),  # MXFP4
}

# GGUF metadata value types: fixed-size scalars as struct formats.
_SCALAR_FORMATS: Final[Mapping[int, str]] = {
    0: "<B",
    1: "<b",
    2: "<H",
    3: "<h",
    4: "<I",
    5: "<i",
    6: "<f",
    7: "<?",
    10: "<Q",
    11: "<q",
    12: "<d",
}
_STRING: Final = 8
_ARRAY: Final = 9

MetadataValue = int | float | bool | str


@dataclass(frozen=True, slots=True)
class TensorInfo:
    """One tensor's header entry."""

    name: str
    shape: tuple[int, ...]
    ggml_type: int
    offset: int
    n_bytes: int


@dataclass(frozen=True, kw_only=True)
class GGUFHeader:
    """What :func:`parse_gguf` learned from a GGUF header.

    ``metadata`` holds scalar and string values (long strings are dropped);
    ``array_lengths`` the length of each array value, whose items are skipped.
    """

    version: int
    n_tensors: int
    n_kv: int
    alignment: int
    data_offset: int
    data_size: int
    metadata: Mapping[str, MetadataValue] = field(repr=False)
    array_lengths: Mapping[str, int] = field(repr=False)
    tensors: tuple[TensorInfo, ...] = field(repr=False)

    @property
    def architecture(self) -> str | None:
        """``general.architecture``, when present and a string."""
        arch = self.metadata.get("general.architecture")
        return arch if isinstance(arch, str) else None

    @property
    def required_size(self) -> int:
        """The smallest file size that holds every tensor's data."""
        return self.data_offset + self.data_size

    @property
    def chat_template(self) -> str | None:
        """``tokenizer.chat_template``, when the model ships one."""
        tpl = self.metadata.get("tokenizer.chat_template")
        return tpl if isinstance(tpl, str) else None

    def arch_int(self, suffix: str) -> int | None:
        """An integer hyper-parameter ``<arch>.<suffix>``, e.g. ``block_count``."""
        if self.architecture is None:
            return None
        value = self.metadata.get(f"{self.architecture}.{suffix}")
        return value if isinstance(value, int) and not isinstance(value, bool) else None


class _Reader:
    """Little-endian cursor over a buffer; every read is bounds-checked."""

    def __init__(self, buf: bytes | mmap.mmap, size: int) -> None:
        self.buf = buf
        self.size = size
        self.pos = 0

    def need(self, n: int, what: str) -> None:
        if n < 0 or self.pos + n > self.size:
            raise ModelFormatError(f"GGUF header truncated while reading {what}")

    def unpack(self, fmt: str, n: int, what: str) -> int | float | bool:
        self.need(n, what)
        (value,) = struct.unpack_from(fmt, self.buf, self.pos)
        self.pos += n
        return value  # type: ignore[no-any-return]

    def u32(self, what: str) -> int:
        return int(self.unpack("<I", 4, what))

    def u64(self, what: str) -> int:
        return int(self.unpack("<Q", 8, what))

    def raw_string(self, what: str, limit: int | None = None) -> bytes | None:
        """A length-prefixed string; ``None`` (and skipped) when longer than ``limit``."""
        n = self.u64(what)
        self.need(n, what)
        start = self.pos
        self.pos += n
        if limit is not None and n > limit:
            return None
        return bytes(self.buf[start : start + n])

    def text(self, what: str, limit: int) -> str:
        raw = self.raw_string(what)
        assert raw is not None
        if len(raw) > limit:
            raise ModelFormatError(f"GGUF {what} is too long ({len(raw)} bytes)")
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ModelFormatError(f"GGUF {what} is not valid UTF-8") from exc


def _read_value(r: _Reader, vtype: int, depth: int) -> MetadataValue | None:
    """Read one metadata value; arrays and over-long strings return ``None``."""
    fmt = _SCALAR_FORMATS.get(vtype)
    if fmt is not None:
        return r.unpack(fmt, struct.calcsize(fmt), "metadata value")
    if vtype == _STRING:
        raw = r.raw_string("metadata string", MAX_KEPT_STRING_BYTES)
        return None if raw is None else raw.decode("utf-8", errors="replace")
    if vtype == _ARRAY:
        _skip_array(r, depth)
        return None
    raise ModelFormatError(f"GGUF metadata has unknown value type {vtype}")


def _skip_array(r: _Reader, depth: int) -> int:
    if depth >= MAX_ARRAY_DEPTH:
        raise ModelFormatError("GGUF metadata arrays are nested too deeply")
    item_type = r.u32("array item type")
    count = r.u64("array length")
    fmt = _SCALAR_FORMATS.get(item_type)
    if fmt is not None:
        n = count * struct.calcsize(fmt)
        r.need(n, "array items")
        r.pos += n
        return count
    if item_type not in (_STRING, _ARRAY):
        raise ModelFormatError(f"GGUF metadata array has unknown item type {item_type}")
    # Each string or array item takes at least 8 bytes: bound the loop by what is left.
    if count > (r.size - r.pos) // 8:
        raise ModelFormatError("GGUF metadata array is longer than the file")
    for _ in range(count):
        if item_type == _STRING:
            n = r.u64("array string length")
            r.need(n, "array string")
            r.pos += n
        else:
            _skip_array(r, depth + 1)
    return count


def _tensor_bytes(name: str, shape: tuple[int, ...], ggml_type: int) -> int:
    sizes = GGML_TYPE_SIZES.get(ggml_type)
    if sizes is None:
        raise ModelFormatError(f"GGUF tensor {name!r} has unsupported type {ggml_type}")
    block, type_size = sizes
    if any(d <= 0 for d in shape):
        raise ModelFormatError(f"GGUF tensor {name!r} has a non-positive dimension")
    if shape[0] % block:
        raise ModelFormatError(f"GGUF tensor {name!r} row is not a multiple of its block size")
    n_elements = 1
    for d in shape:
        n_elements *= d
    return n_elements // block * type_size


def _read_tensor_info(r: _Reader) -> TensorInfo:
    name = r.text("tensor name", MAX_KEY_BYTES)
    n_dims = r.u32("tensor rank")
    if not 1 <= n_dims <= MAX_DIMS:
        raise ModelFormatError(f"GGUF tensor {name!r} has rank {n_dims}")
    shape = tuple(r.u64("tensor dimension") for _ in range(n_dims))
    ggml_type = r.u32("tensor type")
    offset = r.u64("tensor offset")
    return TensorInfo(name, shape, ggml_type, offset, _tensor_bytes(name, shape, ggml_type))


def parse_gguf(buf: bytes | mmap.mmap, file_size: int | None = None) -> GGUFHeader:
    """Parse a GGUF header from ``buf`` (the whole file, or at least its header).

    ``file_size`` is the real file size when ``buf`` is a prefix; it is used to
    check that the tensor data is all there.
    """
    size = len(buf)
    r = _Reader(buf, size)
    r.need(4, "magic")
    if bytes(buf[0:4]) != GGUF_MAGIC:
        raise ModelFormatError("not a GGUF file (bad magic)")
    r.pos = 4
    version = r.u32("version")
    if version not in SUPPORTED_VERSIONS:
        raise ModelFormatError(f"unsupported GGUF version {version}")
    n_tensors = r.u64("tensor count")
    n_kv = r.u64("metadata count")
    if n_tensors > MAX_TENSORS or n_kv > MAX_KV:
        raise ModelFormatError("GGUF header declares an implausible number of entries")
    metadata: dict[str, MetadataValue] = {}
    array_lengths: dict[str, int] = {}
    for _ in range(n_kv):
        key = r.text("metadata key", MAX_KEY_BYTES)
        vtype = r.u32("metadata value type")
        if vtype == _ARRAY:
            array_lengths[key] = _skip_array(r, 0)
            continue
        value = _read_value(r, vtype, 0)
        if value is not None:
            metadata[key] = value
    tensors = tuple(_read_tensor_info(r) for _ in range(n_tensors))
    alignment = metadata.get("general.alignment", DEFAULT_ALIGNMENT)
    if (
        not isinstance(alignment, int)
        or isinstance(alignment, bool)
        or alignment <= 0
        or alignment & (alignment - 1)
    ):
        raise ModelFormatError("GGUF general.alignment is not a power of two")
    data_offset = -(-r.pos // alignment) * alignment
    data_size = 0
    names: set[str] = set()
    for t in tensors:
        if t.name in names:
            raise ModelFormatError(f"GGUF tensor {t.name!r} appears twice")
        names.add(t.name)
        if t.offset % alignment:
            raise ModelFormatError(f"GGUF tensor {t.name!r} is not aligned")
        data_size = max(data_size, t.offset + t.n_bytes)
    header = GGUFHeader(
        version=version,
        n_tensors=n_tensors,
        n_kv=n_kv,
        alignment=alignment,
        data_offset=data_offset,
        data_size=data_size,
        metadata=metadata,
        array_lengths=array_lengths,
        tensors=tensors,
    )
    total = size if file_size is None else file_size
    if header.required_size > total:
        raise ModelFormatError(
            f"GGUF file is truncated: {total} bytes, tensor data needs {header.required_size}"
        )
    return header


def check_gguf(path: str | os.PathLike[str]) -> GGUFHeader:
    """Validate the GGUF file at ``path`` before llama.cpp loads it.

    Raises :class:`ModelNotFound` for a missing file and
    :class:`ModelFormatError` for anything that is not a complete GGUF model
    with at least one tensor and a ``general.architecture``.
    """
    p = Path(path)
    try:
        fh = p.open("rb")
    except FileNotFoundError as exc:
        raise ModelNotFound(f"model file not found: {p}", path=str(p)) from exc
    except IsADirectoryError as exc:
        raise ModelNotFound(f"model path is a directory: {p}", path=str(p)) from exc
    except OSError as exc:
        raise ModelFormatError(f"cannot read model file {p}: {exc.strerror}", path=str(p)) from exc
    with fh:
        file_size = os.fstat(fh.fileno()).st_size
        if file_size == 0:
            raise ModelFormatError(f"model file is empty: {p}", path=str(p))
        try:
            with mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as mm:
                header = parse_gguf(mm, file_size)
        except ModelFormatError as exc:
            raise ModelFormatError(f"{exc} ({p})", path=str(p)) from exc
    if header.n_tensors == 0:
        raise ModelFormatError(f"GGUF file has no tensors: {p}", path=str(p))
    if header.architecture is None:
        raise ModelFormatError(f"GGUF file names no general.architecture: {p}", path=str(p))
    return header
