"""The two interchangeable codec paths and the choice between them.

Both backends take the same arguments and raise :class:`CodecError` with the
same messages; the native one hands work to ``_hscodec`` (the C core in
``native/``), the reference one to numpy.
"""

from __future__ import annotations

import functools
import os
import warnings
from types import ModuleType
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from edgekit.codec import _format as fmt
from edgekit.codec import _reference as ref
from edgekit.errors import CodecError

Buffer = bytes | bytearray | memoryview


class Backend(Protocol):
    """What :mod:`edgekit.codec` needs from a codec path."""

    name: str

    def encode(self, src: npt.NDArray[Any], h: fmt.Header) -> bytes: ...
    def frame(self, h: fmt.Header, payload: bytes) -> bytes: ...
    def parse_header(self, buf: Buffer) -> fmt.Header | None: ...
    def open(self, buf: Buffer) -> tuple[fmt.Header, int]: ...
    def decode_into(self, buf: Buffer, out: npt.NDArray[Any]) -> None: ...
    def shuffle(self, src: npt.NDArray[Any]) -> bytes: ...
    def unshuffle_into(self, raw: bytes, out: npt.NDArray[Any]) -> None: ...
    def crc32c(self, data: Buffer, value: int = 0) -> int: ...


class ReferenceBackend:
    """Pure numpy; the specification."""

    name = "reference"

    def encode(self, src: npt.NDArray[Any], h: fmt.Header) -> bytes:
        payload = ref.encode_payload(src, h.scheme, h.param)
        return ref.frame(_with_payload_len(h, len(payload)), payload)

    def frame(self, h: fmt.Header, payload: bytes) -> bytes:
        return ref.frame(_with_payload_len(h, len(payload)), payload)

    def parse_header(self, buf: Buffer) -> fmt.Header | None:
        return fmt.parse_header(buf)

    def open(self, buf: Buffer) -> tuple[fmt.Header, int]:
        return ref.open_message(buf)

    def decode_into(self, buf: Buffer, out: npt.NDArray[Any]) -> None:
        h, offset = ref.open_message(buf)
        ref.decode_payload(h, memoryview(buf)[offset : offset + h.payload_len], out)

    def shuffle(self, src: npt.NDArray[Any]) -> bytes:
        return ref.shuffle(src)

    def unshuffle_into(self, raw: bytes, out: npt.NDArray[Any]) -> None:
        ref.unshuffle_into(raw, out)

    def crc32c(self, data: Buffer, value: int = 0) -> int:
        return ref.crc32c(data, value)


class NativeBackend:
    """The C core through ``edgekit.codec._hscodec``; GIL released while it works."""

    name = "native"

    def __init__(self, module: ModuleType) -> None:
        self._m = module

    def encode(self, src: npt.NDArray[Any], h: fmt.Header) -> bytes:
        try:
            return bytes(self._m.encode(src, h.fields()))
        except ValueError as exc:
            raise CodecError(str(exc)) from None

    def frame(self, h: fmt.Header, payload: bytes) -> bytes:
        try:
            return bytes(self._m.frame(h.fields(), payload))
        except ValueError as exc:
            raise CodecError(str(exc)) from None

    def parse_header(self, buf: Buffer) -> fmt.Header | None:
        try:
            t = self._m.parse_header(buf)
        except ValueError as exc:
            raise CodecError(str(exc)) from None
        return None if t is None else fmt.header_from_tuple(t)

    def open(self, buf: Buffer) -> tuple[fmt.Header, int]:
        try:
            t, offset = self._m.open(buf)
        except ValueError as exc:
            raise CodecError(str(exc)) from None
        return fmt.header_from_tuple(t), int(offset)

    def decode_into(self, buf: Buffer, out: npt.NDArray[Any]) -> None:
        try:
            self._m.decode_into(buf, out)
        except ValueError as exc:
            raise CodecError(str(exc)) from None

    def shuffle(self, src: npt.NDArray[Any]) -> bytes:
        return bytes(self._m.shuffle(np.ascontiguousarray(src), src.dtype.itemsize))

    def unshuffle_into(self, raw: bytes, out: npt.NDArray[Any]) -> None:
        try:
            self._m.unshuffle_into(raw, out.dtype.itemsize, out)
        except ValueError as exc:
            raise CodecError(str(exc)) from None

    def crc32c(self, data: Buffer, value: int = 0) -> int:
        return int(self._m.crc32c(data, value))


def _with_payload_len(h: fmt.Header, n: int) -> fmt.Header:
    out = fmt.Header(**{**_asdict(h), "payload_len": n})
    fmt.validate(out)
    return out


def _asdict(h: fmt.Header) -> dict[str, Any]:
    return {name: getattr(h, name) for name in h.__slots__}


REFERENCE = ReferenceBackend()


@functools.cache
def _native() -> NativeBackend | None:
    """Imports the extension once; warns once when it is missing."""
    try:
        from edgekit.codec import _hscodec  # type: ignore[attr-defined]
    except ImportError as exc:
        warnings.warn(
            f"edgekit.codec: native extension unavailable ({exc.__class__.__name__}); "
            "using the slower numpy reference",
            RuntimeWarning,
            stacklevel=3,
        )
        return None
    return NativeBackend(_hscodec)


def native_disabled() -> bool:
    """``EDGEKIT_NO_NATIVE`` set to anything but empty/0/false/no."""
    value = os.environ.get("EDGEKIT_NO_NATIVE", "").strip().lower()
    return value not in ("", "0", "false", "no")


def active() -> Backend:
    """The backend to use now: native unless disabled or unavailable."""
    if native_disabled():
        return REFERENCE
    native = _native()
    return REFERENCE if native is None else native
