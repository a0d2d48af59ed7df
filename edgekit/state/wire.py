"""The KV hand-off wire format: a llama.cpp sequence state as a stream of codec messages.

A stream is a sequence of frames ``kind u8 | length u32 LE | payload``:

* ``HEAD`` (first, once): JSON — format, scheme, state size, the segments of the
  state (see :mod:`edgekit.state.layout`) and, for lossless streams, the state's
  SHA-256.
* ``DATA``: one :mod:`edgekit.codec` chunk message. Every segment is sent as a
  codec chunked stream, in order: K/V tensors with the requested scheme
  (``int8`` or ``lossless``), structure bytes always lossless.
* ``DATA_Z``: a ``DATA`` message compressed with zstd (int8 messages, when it
  saves ≥ 5 %: int8 codes of K/V still compress ~11 %).
* ``LOGITS`` (optional, once, before END): a lossless codec message with the
  model's float32 logits at the last prompt position, so the device samples
  its first token without evaluating anything.
* ``END`` (last, once): JSON with the number of segments sent and the SHA-256
  of the head's bytes (data messages carry their own CRC32C).

:class:`StateDecoder` accepts the bytes as they arrive and decodes each
message at once, so dequantizing overlaps the transfer; :meth:`StateDecoder.result`
re-parses the reassembled state and checks it against the head (and the hash).
"""

from __future__ import annotations

import hashlib
import json
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

from edgekit import codec
from edgekit.errors import CodecError, StateError
from edgekit.state.layout import (
    GGML_F16,
    GGML_F32,
    LayoutError,
    Segment,
    StateLayout,
    parse_checked,
    parse_layout,
)

FORMAT = "edgekit-kv/1"
MEDIA_TYPE = "application/vnd.edgekit.kv-state"
Scheme = Literal["int8", "lossless"]
SCHEMES: tuple[Scheme, ...] = ("int8", "lossless")
KIND_HEAD, KIND_DATA, KIND_END, KIND_LOGITS, KIND_DATA_Z = 1, 2, 3, 4, 5
ZSTD_LEVEL = 1
ZSTD_MIN_GAIN = 0.95  # keep the zstd form only when it saves at least 5 %
_FRAME = struct.Struct("<BI")
MAX_HEAD_BYTES = 4 << 20
MAX_MESSAGE_BYTES = 64 << 20
DEFAULT_MAX_STATE_BYTES = 1 << 30
CHUNK_BYTES = 256 << 10
INT8_GROUP = 64


@dataclass(frozen=True, slots=True)
class Plan:
    """How one state is sent: its segments and whether the layout was understood."""

    layout: StateLayout | None
    segments: tuple[Segment, ...]
    total: int


def plan(state: bytes) -> Plan:
    """Segments of ``state``; a layout that does not parse becomes one opaque segment."""
    try:
        layout = parse_checked(state)
    except LayoutError:
        return Plan(None, (Segment("raw", 0, len(state)),), len(state))
    return Plan(layout, layout.segments, len(state))


def frame(kind: int, payload: bytes) -> bytes:
    """One frame."""
    return _FRAME.pack(kind, len(payload)) + payload


def encode_state(
    state: bytes,
    scheme: Scheme = "lossless",
    *,
    meta: dict[str, Any] | None = None,
    logits: npt.NDArray[np.float32] | None = None,
) -> Iterator[bytes]:
    """The frames of ``state``, lazily encoded (one codec chunk per frame)."""
    if scheme not in SCHEMES:
        raise CodecError(f"unknown state scheme {scheme!r}; choose int8 or lossless")
    if not state:
        raise StateError("empty sequence state")
    p = plan(state)
    head: dict[str, Any] = {
        **(meta or {}),
        "format": FORMAT,
        "scheme": scheme,
        "layout": "llama-seq" if p.layout is not None else "opaque",
        "state_bytes": p.total,
        "segments": [_seg_json(s) for s in p.segments],
    }
    if scheme == "lossless":
        head["state_sha256"] = hashlib.sha256(state).hexdigest()
    head_bytes = json.dumps(head, separators=(",", ":")).encode()
    yield frame(KIND_HEAD, head_bytes)
    view = memoryview(state)
    for seg in p.segments:
        array, seg_scheme = _segment_array(view[seg.offset : seg.end], seg, scheme)
        kwargs: dict[str, Any] = {"group_size": INT8_GROUP} if seg_scheme == "int8" else {}
        for message in codec.encode_chunks(array, seg_scheme, chunk_bytes=CHUNK_BYTES, **kwargs):
            yield _data_frame(message, seg_scheme == "int8")
    if logits is not None:
        yield frame(KIND_LOGITS, codec.encode(np.asarray(logits, dtype=np.float32), "lossless"))
    end = {"segments": len(p.segments), "head_sha256": hashlib.sha256(head_bytes).hexdigest()}
    yield frame(KIND_END, json.dumps(end).encode())


def _data_frame(message: bytes, compress: bool) -> bytes:
    if compress:
        import zstandard

        packed = zstandard.ZstdCompressor(level=ZSTD_LEVEL, write_content_size=True).compress(
            message
        )
        if len(packed) < ZSTD_MIN_GAIN * len(message):
            return frame(KIND_DATA_Z, packed)
    return frame(KIND_DATA, message)


def _unzstd(payload: bytes) -> bytes:
    """Decompresses a DATA_Z payload of declared, bounded size."""
    import zstandard

    try:
        size = zstandard.frame_content_size(payload)
        if not 0 < size <= MAX_MESSAGE_BYTES:
            raise StateError("compressed state message of undeclared or excessive size")
        out = zstandard.ZstdDecompressor().decompress(payload, max_output_size=size)
    except zstandard.ZstdError as exc:
        raise StateError("compressed state message is corrupt") from exc
    if len(out) != size:
        raise StateError("compressed state message has the wrong size")
    return bytes(out)


def _seg_json(s: Segment) -> list[Any]:
    return [s.kind, s.offset, s.length, s.ggml_type, s.rows, s.cols]


def _quantizable(seg: Segment) -> bool:
    return seg.is_tensor and seg.ggml_type in (GGML_F16, GGML_F32)


def _segment_array(data: memoryview, seg: Segment, scheme: Scheme) -> tuple[npt.NDArray[Any], str]:
    """The array a segment is sent as, and the codec scheme for it."""
    if _quantizable(seg):
        dtype = np.float16 if seg.ggml_type == GGML_F16 else np.float32
        arr = np.frombuffer(data, dtype=dtype).reshape(seg.rows, seg.cols)
        if scheme == "int8" and np.isfinite(arr).all():
            return arr, "int8"
        return arr, "lossless"
    raw = bytes(data) + (b"\0" if len(data) % 2 else b"")
    return np.frombuffer(raw, dtype=np.float16), "lossless"


class StateDecoder:
    """Rebuilds a state from its frames, fed in pieces of any size."""

    def __init__(self, *, max_state_bytes: int = DEFAULT_MAX_STATE_BYTES) -> None:
        self._max = max_state_bytes
        self._buf = bytearray()
        self.head: dict[str, Any] | None = None
        self._segments: list[Segment] = []
        self._state: bytearray | None = None
        self._index = 0
        self._chunks: codec.ChunkDecoder | None = None
        self._ended = False
        self._head_sha256 = ""
        self.logits: npt.NDArray[np.float32] | None = None
        self.received_bytes = 0

    @property
    def done(self) -> bool:
        return self._ended

    @property
    def progress(self) -> float:
        """Share of segments decoded so far."""
        return self._index / len(self._segments) if self._segments else 0.0

    def feed(self, data: bytes | bytearray | memoryview) -> None:
        """Adds bytes; decodes every frame they complete. CodecError/StateError on bad input."""
        self.received_bytes += len(data)
        self._buf += data
        while len(self._buf) >= _FRAME.size:
            if self._ended:
                raise StateError("bytes after the end of the state stream")
            kind, length = _FRAME.unpack_from(self._buf)
            limit = MAX_MESSAGE_BYTES if kind in (KIND_DATA, KIND_DATA_Z) else MAX_HEAD_BYTES
            if length > limit:
                raise StateError("state stream frame too large")
            if len(self._buf) < _FRAME.size + length:
                return
            payload = bytes(self._buf[_FRAME.size : _FRAME.size + length])
            del self._buf[: _FRAME.size + length]
            self._frame(kind, payload)

    def _frame(self, kind: int, payload: bytes) -> None:
        if kind == KIND_HEAD and self.head is None:
            self._start(payload)
        elif kind == KIND_DATA and self.head is not None:
            self._data(payload)
        elif kind == KIND_DATA_Z and self.head is not None:
            self._data(_unzstd(payload))
        elif kind == KIND_LOGITS and self.head is not None and self.logits is None:
            self._logits(payload)
        elif kind == KIND_END and self.head is not None:
            self._end(payload)
        else:
            raise StateError("state stream frames out of order")

    def _start(self, payload: bytes) -> None:
        head = _json_object(payload)
        if (
            head.get("format") != FORMAT
            or head.get("scheme") not in SCHEMES
            or head.get("layout") not in ("llama-seq", "opaque")
        ):
            raise StateError("unknown state stream format")
        total = head.get("state_bytes")
        if not isinstance(total, int) or not 0 < total <= self._max:
            raise StateError("state size missing or above the limit")
        self._segments = [_seg_from_json(x) for x in _as_list(head.get("segments"))]
        at = 0
        for seg in self._segments:
            if seg.offset != at:
                raise StateError("state segments do not cover the state")
            at = seg.end
        if at != total or not self._segments:
            raise StateError("state segments do not add up to its size")
        self.head = head
        self._head_sha256 = hashlib.sha256(payload).hexdigest()
        self._state = bytearray(total)

    def _data(self, message: bytes) -> None:
        if self._index >= len(self._segments):
            raise StateError("more data than the state has segments")
        if self._chunks is None:
            self._chunks = codec.ChunkDecoder(max_bytes=self._segments[self._index].length + 2)
        self._chunks.feed(message)
        if self._chunks.done:
            self._place(self._segments[self._index], self._chunks.result())
            self._chunks = None
            self._index += 1

    def _place(self, seg: Segment, array: npt.NDArray[Any]) -> None:
        assert self._state is not None
        if _quantizable(seg):
            dtype = np.float16 if seg.ggml_type == GGML_F16 else np.float32
            if array.dtype != dtype or array.shape != (seg.rows, seg.cols):
                raise StateError("state tensor of the wrong type or shape")
            raw = array.tobytes()
        else:
            raw = array.tobytes() if array.dtype == np.float16 and array.ndim == 1 else b""
            if len(raw) != seg.length + seg.length % 2:
                raise StateError("state bytes of the wrong size")
            raw = raw[: seg.length]
        if len(raw) != seg.length:
            raise StateError("state segment of the wrong size")
        self._state[seg.offset : seg.end] = raw

    def _logits(self, message: bytes) -> None:
        if self._index != len(self._segments):
            raise StateError("logits before the last state segment")
        array = codec.decode(message, max_bytes=MAX_MESSAGE_BYTES)
        if array.dtype != np.float32 or array.ndim != 1 or not np.isfinite(array).all():
            raise StateError("hand-off logits are not a finite float32 vector")
        self.logits = array

    def _end(self, payload: bytes) -> None:
        end = _json_object(payload)
        if end.get("segments") != len(self._segments) or self._index != len(self._segments):
            raise StateError("state stream ended before its last segment")
        if end.get("head_sha256") != self._head_sha256:
            raise StateError("state stream header was altered")
        self._ended = True

    def result(self) -> bytes:
        """The state, checked: re-parsed layout equals the head's, lossless hash matches.

        The sender ran the full round-trip check (:func:`parse_checked`) on its
        state before quantizing any segment; the structure bytes arrive exactly
        (lossless, CRC-checked) and tensor bytes do not steer the parser, so a
        re-parse equal to the declared segments is the whole check here (the
        round trip would copy the state five times: ~65 ms of a 37 MB hand-off).
        """
        if not self._ended or self._buf or self._state is None or self.head is None:
            raise StateError("state stream is incomplete (truncated)")
        state = bytes(self._state)
        if self.head.get("layout") == "llama-seq":
            try:
                layout = parse_layout(state)
            except LayoutError as exc:
                raise StateError("received state does not parse") from exc
            if list(layout.segments) != self._segments:
                raise StateError("received state does not match its declared layout")
        digest = self.head.get("state_sha256")
        if digest is not None and hashlib.sha256(state).hexdigest() != digest:
            raise StateError("received state does not match its hash")
        return state


def _json_object(payload: bytes) -> dict[str, Any]:
    try:
        value = json.loads(payload)
    except ValueError as exc:
        raise StateError("state stream header is not JSON") from exc
    if not isinstance(value, dict):
        raise StateError("state stream header is not an object")
    return value


def _as_list(value: Any) -> list[Any]:
    if not isinstance(value, list) or len(value) > 1 << 20:
        raise StateError("state segments missing")
    return value


def _seg_from_json(item: Any) -> Segment:
    ok = (
        isinstance(item, list)
        and len(item) == 6
        and item[0] in ("raw", "k", "v")
        and all(isinstance(x, int) and not isinstance(x, bool) for x in item[1:])
        and item[1] >= 0
        and item[2] > 0
        and item[4] >= 0
        and item[5] >= 0
    )
    if not ok:
        raise StateError("malformed state segment")
    seg = Segment(item[0], item[1], item[2], item[3], item[4], item[5])
    if _quantizable(seg) and seg.rows * seg.cols * (2 if seg.ggml_type == GGML_F16 else 4) != (
        seg.length
    ):
        raise StateError("state segment shape does not match its size")
    return seg


def decode_state(data: bytes, *, max_state_bytes: int = DEFAULT_MAX_STATE_BYTES) -> bytes:
    """Decodes a whole stream at once."""
    decoder = StateDecoder(max_state_bytes=max_state_bytes)
    decoder.feed(data)
    return decoder.result()
