"""Binary HTTP messages (RFC 9292).

Encodes and decodes requests and responses in known-length and
indeterminate-length form, with informational responses, trailers, padding
and truncation as the RFC allows. Every length and count read from the wire is
checked against :class:`Limits` before it is used; every malformed input
raises :class:`BhttpError`.

:class:`ResponseStreamEncoder` / :class:`ResponseStreamDecoder` produce and
consume an indeterminate-length response incrementally (the gateway streams
server-sent events inside one).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from edgekit.errors import BhttpError as BhttpError

__all__ = [
    "BhttpError",
    "Data",
    "End",
    "Event",
    "Head",
    "Informational",
    "InformationalResponse",
    "Limits",
    "Request",
    "Response",
    "ResponseStreamDecoder",
    "ResponseStreamEncoder",
    "decode_request",
    "decode_response",
    "encode_request",
    "encode_response",
]

Fields = list[tuple[str, str]]

_KNOWN_REQUEST: Final = 0
_KNOWN_RESPONSE: Final = 1
_INDET_REQUEST: Final = 2
_INDET_RESPONSE: Final = 3
_VARINT_MAX: Final = (1 << 62) - 1
_KNOWN_REQUEST_BYTE: Final = bytes((_KNOWN_REQUEST,))
_INDET_REQUEST_BYTE: Final = bytes((_INDET_REQUEST,))
_NAME_RE: Final = re.compile(rb"[!#$%&'*+\-.^_`|~0-9a-z]+\Z")
_PSEUDO_RE: Final = re.compile(rb":[a-z][a-z0-9\-]*\Z")
_FORBIDDEN_PSEUDO: Final = frozenset({b":method", b":scheme", b":authority", b":path", b":status"})
# A field value has no NUL, CR or LF and no leading or trailing space or tab. The
# ends are checked apart: anchored alternatives in one pattern made ``search``
# try them at every position (3x slower on a signature-sized value).
_BAD_VALUE_CHAR: Final = re.compile(rb"[\x00\r\n]").search
_WS: Final = (0x20, 0x09)


def _bad_value(value: bytes) -> bool:
    return bool(value) and (
        value[0] in _WS or value[-1] in _WS or _BAD_VALUE_CHAR(value) is not None
    )


_METHOD_RE: Final = re.compile(rb"[!#$%&'*+\-.^_`|~0-9A-Za-z]+\Z")
_SCHEME_RE: Final = re.compile(rb"([A-Za-z][A-Za-z0-9+\-.]*)?\Z")
_TARGET_RE: Final = re.compile(rb"[\x21-\x7e\x80-\xff]*\Z")  # no controls, no spaces


# Control data already seen to be valid (a client sends the same few again and
# again): bounded, cleared when full, like the field names.
_VALID_CONTROLS: set[tuple[bytes, bytes, bytes, bytes]] = set()
_VALID_CONTROLS_MAX: Final = 1024


def _check_control(method: bytes, scheme: bytes, authority: bytes, path: bytes) -> None:
    control = (method, scheme, authority, path)
    if control in _VALID_CONTROLS:
        return
    if not (
        _METHOD_RE.match(method)
        and _SCHEME_RE.match(scheme)
        and _TARGET_RE.match(authority)
        and _TARGET_RE.match(path)
    ):
        raise BhttpError("invalid request control data")
    if len(authority) + len(path) <= 512:  # long targets: rarely repeated, not kept
        if len(_VALID_CONTROLS) >= _VALID_CONTROLS_MAX:
            _VALID_CONTROLS.clear()
        _VALID_CONTROLS.add(control)


@dataclass(frozen=True, kw_only=True)
class Limits:
    """Upper bounds applied while decoding (and encoding) Binary HTTP."""

    max_control_bytes: int = 8 * 1024
    max_field_name_bytes: int = 256
    max_field_value_bytes: int = 16 * 1024
    max_fields: int = 256
    max_field_section_bytes: int = 64 * 1024
    max_content_bytes: int = 32 * 1024 * 1024
    max_informational: int = 16
    max_padding_bytes: int = 64 * 1024


DEFAULT_LIMITS: Final = Limits()


@dataclass(frozen=True, kw_only=True)
class Request:
    """An HTTP request. Field names are lowercase; values are Latin-1 text."""

    method: str
    scheme: str = "https"
    authority: str = ""
    path: str = "/"
    headers: Fields = field(default_factory=list)
    content: bytes = b""
    trailers: Fields = field(default_factory=list)

    def header(self, name: str) -> str | None:
        """The first value of header ``name`` (case-insensitive), or ``None``."""
        lname = name.lower()
        return next((v for n, v in self.headers if n == lname), None)


@dataclass(frozen=True, kw_only=True)
class InformationalResponse:
    """A 1xx interim response."""

    status: int
    headers: Fields = field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class Response:
    """An HTTP response, with its interim (1xx) responses."""

    status: int
    headers: Fields = field(default_factory=list)
    content: bytes = b""
    informational: list[InformationalResponse] = field(default_factory=list)
    trailers: Fields = field(default_factory=list)

    def header(self, name: str) -> str | None:
        """The first value of header ``name`` (case-insensitive), or ``None``."""
        lname = name.lower()
        return next((v for n, v in self.headers if n == lname), None)


# --- primitives -------------------------------------------------------------------


def encode_varint(value: int) -> bytes:
    """QUIC variable-length integer (RFC 9000 §16)."""
    if value < 0x40:
        return bytes((value,))
    if value < 0x4000:
        return (value | 0x4000).to_bytes(2, "big")
    if value < 0x40000000:
        return (value | 0x80000000).to_bytes(4, "big")
    if value <= _VARINT_MAX:
        return (value | 0xC000000000000000).to_bytes(8, "big")
    raise BhttpError("integer too large for a varint")


_SMALL: Final = tuple(bytes((i,)) for i in range(0x40))  # one-byte varints


def read_varint(buf: bytes | bytearray | memoryview, pos: int) -> tuple[int, int] | None:
    """``(value, new_pos)``, or ``None`` if ``buf`` ends before the integer does."""
    if pos >= len(buf):
        return None
    first = buf[pos]
    size = 1 << (first >> 6)
    if pos + size > len(buf):
        return None
    value = first & 0x3F
    for i in range(1, size):
        value = (value << 8) | buf[pos + i]
    return value, pos + size


def _text(value: str, what: str) -> bytes:
    try:
        return value.encode("latin-1")
    except UnicodeEncodeError:
        raise BhttpError(f"{what} is not Latin-1 text") from None


# Field names already seen to be valid: real traffic repeats a handful of names,
# so most lines skip the name patterns (bounded; cleared when full).
_VALID_NAMES: set[bytes] = set()
_VALID_NAMES_MAX: Final = 1024


def _check_field(name: bytes, value: bytes, limits: Limits) -> None:
    if not 0 < len(name) <= limits.max_field_name_bytes:
        raise BhttpError("field name length out of bounds")
    if len(value) > limits.max_field_value_bytes:
        raise BhttpError("field value too long")
    if name not in _VALID_NAMES:
        _check_name(name)
    if _bad_value(value):
        raise BhttpError("invalid field value")


def _check_name(name: bytes) -> None:
    if name[0] == 0x3A:  # ':'
        if name in _FORBIDDEN_PSEUDO or not _PSEUDO_RE.match(name):
            raise BhttpError("forbidden pseudo-field")
    elif not _NAME_RE.match(name):
        raise BhttpError("invalid field name")
    if len(_VALID_NAMES) >= _VALID_NAMES_MAX:
        _VALID_NAMES.clear()
    _VALID_NAMES.add(name)


def _encode_field_lines(fields: Sequence[tuple[str, str]], limits: Limits) -> bytes:
    if len(fields) > limits.max_fields:
        raise BhttpError("too many fields")
    out: list[bytes] = []
    size = 0
    seen_regular = False
    for name, value in fields:
        bname, bvalue = _text(name, "field name"), _text(value, "field value")
        _check_field(bname, bvalue, limits)
        if bname[0] == 0x3A:
            if seen_regular:
                raise BhttpError("pseudo-field after a regular field")
        else:
            seen_regular = True
        n, m = len(bname), len(bvalue)
        line = (
            (_SMALL[n] if n < 0x40 else encode_varint(n))
            + bname
            + (_SMALL[m] if m < 0x40 else encode_varint(m))
            + bvalue
        )
        size += len(line)
        out.append(line)
    if size > limits.max_field_section_bytes:
        raise BhttpError("field section too large")
    return b"".join(out)


def _encode_fields(fields: Sequence[tuple[str, str]], indeterminate: bool, limits: Limits) -> bytes:
    lines = _encode_field_lines(fields, limits)
    return lines + b"\x00" if indeterminate else encode_varint(len(lines)) + lines


def _encode_content(content: bytes, indeterminate: bool, limits: Limits) -> bytes:
    if len(content) > limits.max_content_bytes:
        raise BhttpError("content too large")
    if not indeterminate:
        return encode_varint(len(content)) + content
    return (encode_varint(len(content)) + content + b"\x00") if content else b"\x00"


def _str(value: str, what: str) -> bytes:
    raw = _text(value, what)
    return encode_varint(len(raw)) + raw


def encode_request(
    request: Request,
    *,
    indeterminate: bool = False,
    padding: int = 0,
    limits: Limits = DEFAULT_LIMITS,
) -> bytes:
    """Binary HTTP encoding of ``request``, followed by ``padding`` zero bytes."""
    return _encode_request(request, request.headers, indeterminate, padding, limits)


def _encode_request(
    request: Request,
    headers: Sequence[tuple[str, str]],
    indeterminate: bool = False,
    padding: int = 0,
    limits: Limits = DEFAULT_LIMITS,
) -> bytes:
    """:func:`encode_request` with ``headers`` in place of the request's own.

    The device signature covers the request without its signature header;
    this spares building a modified copy of the request to encode it.
    """
    method, scheme = _text(request.method, "method"), _text(request.scheme, "scheme")
    authority, path = _text(request.authority, "authority"), _text(request.path, "path")
    control = b"".join(
        (
            encode_varint(len(method)),
            method,
            encode_varint(len(scheme)),
            scheme,
            encode_varint(len(authority)),
            authority,
            encode_varint(len(path)),
            path,
        )
    )
    if not method or len(control) > limits.max_control_bytes:
        raise BhttpError("invalid request control data")
    _check_control(method, scheme, authority, path)
    return b"".join(
        (
            _KNOWN_REQUEST_BYTE if not indeterminate else _INDET_REQUEST_BYTE,
            control,
            _encode_fields(headers, indeterminate, limits),
            _encode_content(request.content, indeterminate, limits),
            _encode_fields(request.trailers, indeterminate, limits),
            bytes(padding),
        )
    )


def _check_status(status: int, informational: bool) -> None:
    ok = 100 <= status <= 199 if informational else 200 <= status <= 599
    if not ok:
        raise BhttpError("invalid status code")


def _encode_head(
    status: int,
    headers: Sequence[tuple[str, str]],
    informational: Sequence[InformationalResponse],
    indeterminate: bool,
    limits: Limits,
) -> bytes:
    if len(informational) > limits.max_informational:
        raise BhttpError("too many informational responses")
    out = bytearray(encode_varint(_INDET_RESPONSE if indeterminate else _KNOWN_RESPONSE))
    for info in informational:
        _check_status(info.status, True)
        out += encode_varint(info.status) + _encode_fields(info.headers, indeterminate, limits)
    _check_status(status, False)
    out += encode_varint(status) + _encode_fields(headers, indeterminate, limits)
    return bytes(out)


def encode_response(
    response: Response,
    *,
    indeterminate: bool = False,
    padding: int = 0,
    limits: Limits = DEFAULT_LIMITS,
) -> bytes:
    """Binary HTTP encoding of ``response``, followed by ``padding`` zero bytes."""
    head = _encode_head(
        response.status, response.headers, response.informational, indeterminate, limits
    )
    return b"".join(
        (
            head,
            _encode_content(response.content, indeterminate, limits),
            _encode_fields(response.trailers, indeterminate, limits),
            bytes(padding),
        )
    )


# --- decoding ------------------------------------------------------------------------


class _NeedMoreError(Exception):
    """Internal: the buffer ends inside a unit (streaming decoder waits for more)."""


class _Reader:
    """A cursor over bytes (up to ``end``) that raises :class:`_NeedMoreError` there."""

    __slots__ = ("buf", "end", "limits", "pos")

    def __init__(self, buf: bytes, limits: Limits, pos: int = 0, end: int | None = None) -> None:
        self.buf = buf
        self.pos = pos
        self.end = len(buf) if end is None else end
        self.limits = limits

    def at_end(self) -> bool:
        return self.pos >= self.end

    def varint(self) -> int:
        pos = self.pos
        if pos >= self.end:
            raise _NeedMoreError
        first = self.buf[pos]
        if first < 0x40:
            self.pos = pos + 1
            return first
        size = 1 << (first >> 6)
        stop = pos + size
        if stop > self.end:
            raise _NeedMoreError
        self.pos = stop
        return int.from_bytes(self.buf[pos:stop], "big") & ((1 << (8 * size - 2)) - 1)

    def take(self, n: int) -> bytes:
        pos = self.pos
        stop = pos + n
        if stop > self.end:
            raise _NeedMoreError
        self.pos = stop
        return self.buf[pos:stop]

    def bounded(self, maximum: int, what: str) -> bytes:
        n = self.varint()
        if n > maximum:
            raise BhttpError(f"{what} too long")
        return self.take(n)

    def field_line(self, name_len: int) -> tuple[bytes, bytes]:
        limits = self.limits
        if name_len > limits.max_field_name_bytes:
            raise BhttpError("field name too long")
        name = self.take(name_len)
        value = self.bounded(limits.max_field_value_bytes, "field value")
        _check_field(name, value, limits)
        return name, value


def _to_fields(lines: list[tuple[bytes, bytes]]) -> Fields:
    seen_regular = False
    for name, _ in lines:
        if name[0] == 0x3A:
            if seen_regular:
                raise BhttpError("pseudo-field after a regular field")
        else:
            seen_regular = True
    return [(n.decode("latin-1"), v.decode("latin-1")) for n, v in lines]


def _read_fields(r: _Reader, indeterminate: bool) -> Fields:
    limits = r.limits
    lines: list[tuple[bytes, bytes]] = []
    if indeterminate:
        start = r.pos
        while True:
            name_len = r.varint()
            if name_len == 0:
                break
            if len(lines) >= limits.max_fields:
                raise BhttpError("too many fields")
            lines.append(r.field_line(name_len))
            if r.pos - start > limits.max_field_section_bytes:
                raise BhttpError("field section too large")
        return _to_fields(lines)
    size = r.varint()
    if size == 0:
        return []
    if size > limits.max_field_section_bytes:
        raise BhttpError("field section too large")
    end = r.pos + size
    if end > r.end:
        raise _NeedMoreError
    lines = _section_lines(r.buf, r.pos, end, limits)
    r.pos = end
    return _to_fields(lines)


def _section_varint(buf: bytes, pos: int, end: int) -> tuple[int, int]:
    """A varint inside a known-length section (the one-byte case is inlined by callers)."""
    size = 1 << (buf[pos] >> 6)
    stop = pos + size
    if stop > end:
        raise BhttpError("field line overruns its section")
    return int.from_bytes(buf[pos:stop], "big") & ((1 << (8 * size - 2)) - 1), stop


def _section_lines(buf: bytes, pos: int, end: int, limits: Limits) -> list[tuple[bytes, bytes]]:
    """The field lines of the known-length section ``buf[pos:end]``.

    The hot path of request decoding, so written as one loop over locals; the
    checks are those of :func:`_check_field`.
    """
    lines: list[tuple[bytes, bytes]] = []
    max_fields = limits.max_fields
    max_name = limits.max_field_name_bytes
    max_value = limits.max_field_value_bytes
    valid_names, bad_char, ws = _VALID_NAMES, _BAD_VALUE_CHAR, _WS
    while pos < end:
        if len(lines) >= max_fields:
            raise BhttpError("too many fields")
        n = buf[pos]
        if n < 0x40:
            pos += 1
        else:
            n, pos = _section_varint(buf, pos, end)
        if n == 0:
            raise BhttpError("empty field name")
        if n > max_name:
            raise BhttpError("field name too long")
        stop = pos + n
        if stop >= end:  # the value's length must follow the name
            raise BhttpError("field line overruns its section")
        name = buf[pos:stop]
        n = buf[stop]
        if n < 0x40:
            pos = stop + 1
        else:
            n, pos = _section_varint(buf, stop, end)
        if n > max_value:
            raise BhttpError("field value too long")
        stop = pos + n
        if stop > end:
            raise BhttpError("field line overruns its section")
        value = buf[pos:stop]
        pos = stop
        if name not in valid_names:
            _check_name(name)
        if value and (value[0] in ws or value[-1] in ws or bad_char(value) is not None):
            raise BhttpError("invalid field value")
        lines.append((name, value))
    return lines


def _read_content(r: _Reader, indeterminate: bool) -> bytes:
    limit = r.limits.max_content_bytes
    if not indeterminate:
        return r.bounded(limit, "content")
    parts: list[bytes] = []
    total = 0
    while True:
        n = r.varint()
        if n == 0:
            return b"".join(parts)
        total += n
        if total > limit:
            raise BhttpError("content too long")
        parts.append(r.take(n))


def _read_tail(r: _Reader, indeterminate: bool) -> tuple[bytes, Fields]:
    """Content and trailers, allowing truncation where RFC 9292 §3.8 does."""
    if r.at_end():
        return b"", []
    try:
        content = _read_content(r, indeterminate)
    except _NeedMoreError:
        raise BhttpError("truncated content") from None
    if r.at_end():
        return content, []
    try:
        trailers = _read_fields(r, indeterminate)
    except _NeedMoreError:
        raise BhttpError("truncated trailer section") from None
    return content, trailers


def _check_padding(r: _Reader) -> None:
    if r.pos >= r.end:
        return
    rest = r.buf[r.pos :]
    if len(rest) > r.limits.max_padding_bytes:
        raise BhttpError("too much padding")
    if any(rest):
        raise BhttpError("non-zero bytes after the message")


def _framing(r: _Reader, expected: tuple[int, int]) -> bool:
    try:
        indicator = r.varint()
    except _NeedMoreError:
        raise BhttpError("empty message") from None
    if indicator not in expected:
        raise BhttpError("unexpected framing indicator")
    return indicator == expected[1]


def decode_request(
    data: bytes | bytearray | memoryview, *, limits: Limits = DEFAULT_LIMITS
) -> Request:
    """Parse a Binary HTTP request (either form); raises :class:`BhttpError`."""
    r = _Reader(bytes(data), limits)
    indeterminate = _framing(r, (_KNOWN_REQUEST, _INDET_REQUEST))
    try:
        start = r.pos
        method, scheme, authority, path = _read_control(r)
        if r.pos - start > limits.max_control_bytes or not method:
            raise BhttpError("invalid control data")
        _check_control(method, scheme, authority, path)
        headers = [] if r.at_end() else _read_fields(r, indeterminate)
    except _NeedMoreError:
        raise BhttpError("truncated request head") from None
    content, trailers = _read_tail(r, indeterminate)
    _check_padding(r)
    return Request(
        method=method.decode("latin-1"),
        scheme=scheme.decode("latin-1"),
        authority=authority.decode("latin-1"),
        path=path.decode("latin-1"),
        headers=headers,
        content=content,
        trailers=trailers,
    )


def _read_control(r: _Reader) -> tuple[bytes, bytes, bytes, bytes]:
    """Method, scheme, authority and path: four short length-prefixed strings."""
    buf, pos, end = r.buf, r.pos, r.end
    if pos + 4 <= end and buf[pos] < 0x40:  # fast path: one-byte lengths throughout
        out = []
        for _ in range(4):
            n = buf[pos] if pos < end else 0x40
            if n >= 0x40:
                break
            stop = pos + 1 + n
            if stop > end:
                raise _NeedMoreError
            out.append(buf[pos + 1 : stop])
            pos = stop
        else:
            r.pos = pos
            return out[0], out[1], out[2], out[3]
    limit = r.limits.max_control_bytes
    return (
        r.bounded(limit, "method"),
        r.bounded(limit, "scheme"),
        r.bounded(limit, "authority"),
        r.bounded(limit, "path"),
    )


def _read_head(r: _Reader, indeterminate: bool) -> tuple[list[InformationalResponse], int, Fields]:
    informational: list[InformationalResponse] = []
    while True:
        status = r.varint()
        if 100 <= status <= 199:
            if len(informational) >= r.limits.max_informational:
                raise BhttpError("too many informational responses")
            informational.append(
                InformationalResponse(status=status, headers=_read_fields(r, indeterminate))
            )
            continue
        _check_status(status, False)
        if r.at_end():  # truncated after the status: empty header section (§3.8)
            return informational, status, []
        return informational, status, _read_fields(r, indeterminate)


def decode_response(
    data: bytes | bytearray | memoryview, *, limits: Limits = DEFAULT_LIMITS
) -> Response:
    """Parse a Binary HTTP response (either form); raises :class:`BhttpError`."""
    r = _Reader(bytes(data), limits)
    indeterminate = _framing(r, (_KNOWN_RESPONSE, _INDET_RESPONSE))
    try:
        informational, status, headers = _read_head(r, indeterminate)
    except _NeedMoreError:
        raise BhttpError("truncated response head") from None
    content, trailers = _read_tail(r, indeterminate)
    _check_padding(r)
    return Response(
        status=status,
        headers=headers,
        content=content,
        informational=informational,
        trailers=trailers,
    )


# --- streaming (indeterminate-length responses) ----------------------------------------


class ResponseStreamEncoder:
    """Builds an indeterminate-length response piece by piece: ``head``, ``chunk``…, ``end``."""

    def __init__(self, *, limits: Limits = DEFAULT_LIMITS) -> None:
        self._limits = limits
        self._state = "head"
        self._sent = 0

    def head(
        self,
        status: int,
        headers: Sequence[tuple[str, str]] = (),
        informational: Sequence[InformationalResponse] = (),
    ) -> bytes:
        """Framing indicator, interim responses, final status and header section."""
        if self._state != "head":
            raise BhttpError("head already written")
        self._state = "content"
        return _encode_head(status, headers, informational, True, self._limits)

    def chunk(self, data: bytes) -> bytes:
        """One content chunk (empty input yields nothing: a zero length ends the content)."""
        if self._state != "content":
            raise BhttpError("chunk outside the content")
        if not data:
            return b""
        self._sent += len(data)
        if self._sent > self._limits.max_content_bytes:
            raise BhttpError("content too large")
        return encode_varint(len(data)) + data

    def end(self, trailers: Sequence[tuple[str, str]] = ()) -> bytes:
        """Content terminator and trailer section; the message is complete."""
        if self._state != "content":
            raise BhttpError("end outside the content")
        self._state = "done"
        return b"\x00" + _encode_fields(trailers, True, self._limits)


@dataclass(frozen=True, slots=True)
class Informational:
    """Event: an interim (1xx) response arrived."""

    status: int
    headers: Fields


@dataclass(frozen=True, slots=True)
class Head:
    """Event: the final status and header section arrived."""

    status: int
    headers: Fields


@dataclass(frozen=True, slots=True)
class Data:
    """Event: a piece of content arrived."""

    data: bytes


@dataclass(frozen=True, slots=True)
class End:
    """Event: the content ended; ``trailers`` is the trailer section."""

    trailers: Fields


Event = Informational | Head | Data | End


class ResponseStreamDecoder:
    """Incremental parser of an indeterminate-length response: ``feed(bytes) -> events``."""

    def __init__(self, *, limits: Limits = DEFAULT_LIMITS) -> None:
        self._limits = limits
        self._buf = bytearray()
        self._state = "framing"
        self._n_info = 0
        self._received = 0
        self._chunk_left = 0
        self._window = limits.max_field_section_bytes + 16

    @property
    def done(self) -> bool:
        """Whether the whole message (up to the trailers) has been decoded."""
        return self._state == "done"

    def feed(self, data: bytes) -> list[Event]:
        """Consume ``data``; return the events it completes. Raises :class:`BhttpError`."""
        self._buf += data
        events: list[Event] = []
        while self._step(events):
            pass
        if len(self._buf) > self._limits.max_field_section_bytes + 16 and self._state in (
            "status",
            "headers",
            "trailers",
        ):
            raise BhttpError("field section too large")
        return events

    def close(self) -> list[Event]:
        """End of input: the final events, or :class:`BhttpError` if the message is incomplete.

        A message truncated right after its header section or its content is
        complete (RFC 9292 §3.8); the missing parts are empty.
        """
        truncated_ok = (self._state == "chunk_len" and self._received == 0) or (
            self._state == "trailers"
        )
        if truncated_ok and not self._buf:
            self._state = "done"
            return [End([])]
        if self._state == "status":  # truncated right after the final status (§3.8)
            got = read_varint(self._buf, 0)
            if got is not None and got[1] == len(self._buf) and 200 <= got[0] <= 599:
                self._state = "done"
                return [Head(got[0], []), End([])]
        if self._state == "done":
            if any(self._buf):
                raise BhttpError("non-zero bytes after the message")
            return []
        raise BhttpError("truncated response")

    def _step(self, events: list[Event]) -> bool:
        state = self._state
        if state == "done":
            if any(self._buf):
                raise BhttpError("non-zero bytes after the message")
            if len(self._buf) > self._limits.max_padding_bytes:
                raise BhttpError("too much padding")
            return False
        if state == "chunk_data":
            return self._step_chunk(events)
        # Copy only what one unit can span: a varint, or one bounded field section.
        window = 8 if state in ("framing", "chunk_len") else self._window
        r = _Reader(bytes(self._buf[:window]), self._limits)
        try:
            self._parse_unit(r, state, events)
        except _NeedMoreError:
            return False
        del self._buf[: r.pos]
        return True

    def _parse_unit(self, r: _Reader, state: str, events: list[Event]) -> None:
        if state == "framing":
            if r.varint() != _INDET_RESPONSE:
                raise BhttpError("not an indeterminate-length response")
            self._state = "status"
        elif state == "status":
            status = r.varint()
            fields = _read_fields(r, True)
            if 100 <= status <= 199:
                self._n_info += 1
                if self._n_info > self._limits.max_informational:
                    raise BhttpError("too many informational responses")
                events.append(Informational(status, fields))
            else:
                _check_status(status, False)
                events.append(Head(status, fields))
                self._state = "chunk_len"
        elif state == "chunk_len":
            n = r.varint()
            if n == 0:
                self._state = "trailers"
                return
            self._received += n
            if self._received > self._limits.max_content_bytes:
                raise BhttpError("content too long")
            self._chunk_left = n
            self._state = "chunk_data"
        else:  # trailers
            events.append(End(_read_fields(r, True)))
            self._state = "done"

    def _step_chunk(self, events: list[Event]) -> bool:
        if not self._buf:
            return False
        take = min(self._chunk_left, len(self._buf))
        events.append(Data(bytes(self._buf[:take])))
        del self._buf[:take]
        self._chunk_left -= take
        if self._chunk_left == 0:
            self._state = "chunk_len"
        return True
