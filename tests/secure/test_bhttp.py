"""Binary HTTP (RFC 9292): the RFC's examples, limits, streaming, and property tests."""

from __future__ import annotations

import contextlib
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edgekit.errors import ProtocolError
from edgekit.secure import bhttp
from edgekit.secure.bhttp import (
    BhttpError,
    Data,
    End,
    Head,
    Informational,
    InformationalResponse,
    Limits,
    Request,
    Response,
    ResponseStreamDecoder,
    ResponseStreamEncoder,
)


def _hex(dump: str) -> bytes:
    """Bytes from an RFC hex dump (hex groups left, ASCII view right)."""
    out = []
    for line in dump.strip().splitlines():
        out.append("".join(line[:36].split()))
    return bytes.fromhex("".join(out))


# RFC 9292 §5.1, "Known-Length Binary Encoding of Request".
KNOWN_REQUEST = _hex("""
00034745 54056874 74707300 0a2f6865  ..GET.https../he
6c6c6f2e 74787440 6c0a7573 65722d61  llo.txt@l.user-a
67656e74 34637572 6c2f372e 31362e33  gent4curl/7.16.3
206c6962 6375726c 2f372e31 362e3320   libcurl/7.16.3
4f70656e 53534c2f 302e392e 376c207a  OpenSSL/0.9.7l z
6c69622f 312e322e 3304686f 73740f77  lib/1.2.3.host.w
77772e65 78616d70 6c652e63 6f6d0f61  ww.example.com.a
63636570 742d6c61 6e677561 67650665  ccept-language.e
6e2c206d 690000                      n, mi..
""")

# RFC 9292 §5.1, "Indefinite-Length Binary Encoding of Request" (10 bytes of padding).
INDET_REQUEST = _hex("""
02034745 54056874 74707300 0a2f6865  ..GET.https../he
6c6c6f2e 7478740a 75736572 2d616765  llo.txt.user-age
6e743463 75726c2f 372e3136 2e33206c  nt4curl/7.16.3 l
69626375 726c2f37 2e31362e 33204f70  ibcurl/7.16.3 Op
656e5353 4c2f302e 392e376c 207a6c69  enSSL/0.9.7l zli
622f312e 322e3304 686f7374 0f777777  b/1.2.3.host.www
2e657861 6d706c65 2e636f6d 0f616363  .example.com.acc
6570742d 6c616e67 75616765 06656e2c  ept-language.en,
206d6900 00000000 00000000 00000000   mi.............
""")

# RFC 9292 §5.2, "Binary Response including Interim Responses".
INDET_RESPONSE = _hex("""
03406607 72756e6e 696e670a 22736c65  .@f.running."sle
65702031 35220040 67046c69 6e6b233c  ep 15".@g.link#<
2f737479 6c652e63 73733e3b 2072656c  /style.css>; rel
3d707265 6c6f6164 3b206173 3d737479  =preload; as=sty
6c65046c 696e6b24 3c2f7363 72697074  le.link$</script
2e6a733e 3b207265 6c3d7072 656c6f61  .js>; rel=preloa
643b2061 733d7363 72697074 0040c804  d; as=script.@..
64617465 1d4d6f6e 2c203237 204a756c  date.Mon, 27 Jul
20323030 39203132 3a32383a 35332047   2009 12:28:53 G
4d540673 65727665 72064170 61636865  MT.server.Apache
0d6c6173 742d6d6f 64696669 65641d57  .last-modified.W
65642c20 3232204a 756c2032 30303920  ed, 22 Jul 2009
31393a31 353a3536 20474d54 04657461  19:15:56 GMT.eta
67142233 34616133 38372d64 2d313536  g."34aa387-d-156
38656230 30220d61 63636570 742d7261  8eb00".accept-ra
6e676573 05627974 65730e63 6f6e7465  nges.bytes.conte
6e742d6c 656e6774 68023531 04766172  nt-length.51.var
790f4163 63657074 2d456e63 6f64696e  y.Accept-Encodin
670c636f 6e74656e 742d7479 70650a74  g.content-type.t
6578742f 706c6169 6e003348 656c6c6f  ext/plain.3Hello
20576f72 6c642120 4d792063 6f6e7465   World! My conte
6e742069 6e636c75 64657320 61207472  nt includes a tr
61696c69 6e672043 524c462e 0d0a0000  ailing CRLF.....
""")

# RFC 9292 §5.2, "Known-Length Encoding of Response" (chunked example).
KNOWN_CHUNKED_RESPONSE = _hex("""
0140c800 1d546869 7320636f 6e74656e  .@...This conten
7420636f 6e746169 6e732043 524c462e  t contains CRLF.
0d0a0d07 74726169 6c657204 74657874  ....trailer.text
""")

EXAMPLE_REQUEST = Request(
    method="GET",
    scheme="https",
    authority="",
    path="/hello.txt",
    headers=[
        ("user-agent", "curl/7.16.3 libcurl/7.16.3 OpenSSL/0.9.7l zlib/1.2.3"),
        ("host", "www.example.com"),
        ("accept-language", "en, mi"),
    ],
)

EXAMPLE_RESPONSE = Response(
    status=200,
    informational=[
        InformationalResponse(status=102, headers=[("running", '"sleep 15"')]),
        InformationalResponse(
            status=103,
            headers=[
                ("link", "</style.css>; rel=preload; as=style"),
                ("link", "</script.js>; rel=preload; as=script"),
            ],
        ),
    ],
    headers=[
        ("date", "Mon, 27 Jul 2009 12:28:53 GMT"),
        ("server", "Apache"),
        ("last-modified", "Wed, 22 Jul 2009 19:15:56 GMT"),
        ("etag", '"34aa387-d-1568eb00"'),
        ("accept-ranges", "bytes"),
        ("content-length", "51"),
        ("vary", "Accept-Encoding"),
        ("content-type", "text/plain"),
    ],
    content=b"Hello World! My content includes a trailing CRLF.\r\n",
)


def test_rfc_known_length_request() -> None:
    assert bhttp.decode_request(KNOWN_REQUEST) == EXAMPLE_REQUEST
    assert bhttp.encode_request(EXAMPLE_REQUEST) == KNOWN_REQUEST
    # "the last two bytes ... can each be removed without altering the semantics"
    assert bhttp.decode_request(KNOWN_REQUEST[:-1]) == EXAMPLE_REQUEST
    assert bhttp.decode_request(KNOWN_REQUEST[:-2]) == EXAMPLE_REQUEST


def test_rfc_indeterminate_request_with_padding() -> None:
    assert bhttp.decode_request(INDET_REQUEST) == EXAMPLE_REQUEST
    assert bhttp.encode_request(EXAMPLE_REQUEST, indeterminate=True, padding=10) == INDET_REQUEST
    for cut in range(1, 13):  # "anything up to 12 bytes can be removed"
        assert bhttp.decode_request(INDET_REQUEST[:-cut]) == EXAMPLE_REQUEST
    with pytest.raises(BhttpError):
        bhttp.decode_request(INDET_REQUEST[:-13])


def test_rfc_response_with_interim_responses() -> None:
    assert bhttp.decode_response(INDET_RESPONSE) == EXAMPLE_RESPONSE
    assert bhttp.encode_response(EXAMPLE_RESPONSE, indeterminate=True) == INDET_RESPONSE


def test_rfc_known_length_response_with_trailer() -> None:
    resp = bhttp.decode_response(KNOWN_CHUNKED_RESPONSE)
    assert resp == Response(
        status=200, content=b"This content contains CRLF.\r\n", trailers=[("trailer", "text")]
    )
    assert bhttp.encode_response(resp) == KNOWN_CHUNKED_RESPONSE


def test_minimal_messages_from_rfc9458() -> None:
    req = bhttp.decode_request(bytes.fromhex("00034745540568747470730b6578616d706c652e636f6d012f"))
    assert (req.method, req.scheme, req.authority, req.path) == ("GET", "https", "example.com", "/")
    assert bhttp.decode_response(bytes.fromhex("0140c8")).status == 200


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\x04",  # unknown framing indicator
        b"\x01\x40\xc8\x01",  # a response where a request is expected
        KNOWN_REQUEST + b"\x01",  # non-zero padding
        KNOWN_REQUEST[:20],  # truncated inside the header section
        b"\x00\x00\x00\x00\x01/\x00",  # empty method
        b"\x00\x03GET\x00\x00\x03/\r\n\x00",  # CR LF in the path
        b"\x00\x04G ET\x00\x00\x01/\x00",  # space in the method
        b"\x00\x03GET\x00\x00\x01/\x04\x02Ab\x01v",  # uppercase field name
        b"\x00\x03GET\x00\x00\x01/\x08\x07:method\x01v",  # pseudo-field forbidden by §8
        b"\x00\x03GET\x00\x00\x01/\x05\x01a\x02\r\n",  # CR LF in a value
    ],
)
def test_invalid_requests(data: bytes) -> None:
    with pytest.raises(BhttpError):
        bhttp.decode_request(data)


def test_invalid_responses() -> None:
    for data in (b"\x01\x40\x63", b"\x01\x42\x58", b"\x03\x40\x64\x00\x40\x64"):
        with pytest.raises(BhttpError):  # status 99, 600, no final status
            bhttp.decode_response(data)


def test_limits_enforced() -> None:
    small = Limits(max_fields=2, max_content_bytes=4, max_informational=1)
    many = Request(method="GET", headers=[("a", "1"), ("b", "2"), ("c", "3")])
    with pytest.raises(BhttpError):
        bhttp.encode_request(many, limits=small)
    wire = bhttp.encode_request(many)
    with pytest.raises(BhttpError, match="too many fields"):
        bhttp.decode_request(wire, limits=small)
    big = bhttp.encode_request(Request(method="POST", content=b"12345"), indeterminate=True)
    with pytest.raises(BhttpError, match="content too long"):
        bhttp.decode_request(big, limits=small)
    with pytest.raises(BhttpError, match="informational"):
        bhttp.decode_response(INDET_RESPONSE, limits=small)
    # a huge declared length is refused before any allocation
    with pytest.raises(BhttpError):
        bhttp.decode_request(b"\x00\xc0\xff\xff\xff\xff\xff\xff\xff")


def test_stream_encoder_matches_whole_message_encoding() -> None:
    enc = ResponseStreamEncoder()
    wire = enc.head(200, EXAMPLE_RESPONSE.headers, EXAMPLE_RESPONSE.informational)
    wire += enc.chunk(EXAMPLE_RESPONSE.content) + enc.chunk(b"") + enc.end()
    assert wire == INDET_RESPONSE
    with pytest.raises(BhttpError):
        enc.chunk(b"late")


def test_stream_decoder_byte_by_byte() -> None:
    dec = ResponseStreamDecoder()
    events = []
    for i in range(len(INDET_RESPONSE)):
        events += dec.feed(INDET_RESPONSE[i : i + 1])
    events += dec.close()
    assert [type(e) for e in events[:3]] == [Informational, Informational, Head]
    assert events[2] == Head(200, EXAMPLE_RESPONSE.headers)
    body = b"".join(e.data for e in events if isinstance(e, Data))
    assert body == EXAMPLE_RESPONSE.content
    assert events[-1] == End([])


def test_stream_round_trip_sse_like() -> None:
    enc = ResponseStreamEncoder()
    parts = [enc.head(200, [("content-type", "text/event-stream")])]
    chunks = [f'data: {{"i": {i}}}\n\n'.encode() for i in range(50)]
    parts += [enc.chunk(c) for c in chunks]
    parts.append(enc.end([("x-usage", "50")]))
    dec = ResponseStreamDecoder()
    events = [e for p in parts for e in dec.feed(p)]
    assert dec.done
    assert dec.close() == []
    assert [e.data for e in events if isinstance(e, Data)] == chunks
    assert events[-1] == End([("x-usage", "50")])
    assert bhttp.decode_response(b"".join(parts)).content == b"".join(chunks)


def test_stream_decoder_detects_truncation_and_garbage() -> None:
    enc = ResponseStreamEncoder()
    wire = enc.head(200) + enc.chunk(b"abc")
    dec = ResponseStreamDecoder()
    dec.feed(wire)
    with pytest.raises(BhttpError):
        dec.close()
    dec = ResponseStreamDecoder()
    with pytest.raises(BhttpError):
        dec.feed(b"\x01\x40\xc8")  # known-length framing is not a stream
    dec = ResponseStreamDecoder()
    dec.feed(ResponseStreamEncoder().head(204))
    assert dec.close() == [End([])]  # truncated after the header section: valid


# --- property tests ----------------------------------------------------------------------

_names = st.from_regex(r"[a-z][a-z0-9\-]{0,15}", fullmatch=True)
_values = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0xFF), max_size=40).map(
    str.strip
)
_fields = st.lists(st.tuples(_names, _values), max_size=6)
_requests = st.builds(
    Request,
    method=st.sampled_from(["GET", "POST", "PUT", "DELETE"]),
    scheme=st.sampled_from(["https", "http"]),
    authority=st.from_regex(r"[a-z0-9.\-:]{0,20}", fullmatch=True),
    path=st.from_regex(r"/[a-zA-Z0-9/_\-.?=&]{0,30}", fullmatch=True),
    headers=_fields,
    content=st.binary(max_size=300),
    trailers=_fields,
)
_responses = st.builds(
    Response,
    status=st.integers(200, 599),
    headers=_fields,
    content=st.binary(max_size=300),
    informational=st.lists(
        st.builds(InformationalResponse, status=st.integers(100, 199), headers=_fields),
        max_size=2,
    ),
    trailers=_fields,
)


@settings(max_examples=150, deadline=None)
@given(_requests, st.booleans(), st.integers(0, 8))
def test_request_round_trip(req: Request, indeterminate: bool, padding: int) -> None:
    wire = bhttp.encode_request(req, indeterminate=indeterminate, padding=padding)
    assert bhttp.decode_request(wire) == req


@settings(max_examples=150, deadline=None)
@given(_responses, st.booleans(), st.integers(0, 8))
def test_response_round_trip(resp: Response, indeterminate: bool, padding: int) -> None:
    wire = bhttp.encode_response(resp, indeterminate=indeterminate, padding=padding)
    assert bhttp.decode_response(wire) == resp


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200))
def test_decoders_on_random_bytes_raise_only_protocol_errors(data: bytes) -> None:
    for decode in (bhttp.decode_request, bhttp.decode_response):
        with contextlib.suppress(BhttpError):
            decode(data)
    dec = ResponseStreamDecoder()
    try:
        dec.feed(b"\x03" + data)
        dec.close()
    except BhttpError:
        pass


@settings(max_examples=100, deadline=None)
@given(_responses, st.data())
def test_stream_decoder_any_split(resp: Response, data: st.DataObject) -> None:
    wire = bhttp.encode_response(resp, indeterminate=True)
    cuts = sorted(data.draw(st.lists(st.integers(0, len(wire)), max_size=6)))
    dec = ResponseStreamDecoder()
    events = []
    prev = 0
    for cut in [*cuts, len(wire)]:
        events += dec.feed(wire[prev:cut])
        prev = cut
    events += dec.close()
    assert [e for e in events if isinstance(e, Informational)] == [
        Informational(i.status, i.headers) for i in resp.informational
    ]
    assert b"".join(e.data for e in events if isinstance(e, Data)) == resp.content
    assert events[-1] == End(resp.trailers)


def test_bhttp_error_is_protocol_error() -> None:
    assert issubclass(BhttpError, ProtocolError)


_RFC_BAD_VALUE = re.compile(rb"[\x00\r\n]|\A[ \t]|[ \t]\Z")  # RFC 9110 field-value, as a pattern


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=40) | st.sampled_from([b"", b" ", b"\t", b"a ", b" a", b"a\rb", b"ok"]))
def test_field_value_check_matches_the_grammar(value: bytes) -> None:
    """The split check (characters, then ends) agrees with the single RFC pattern."""
    assert bhttp._bad_value(value) == (_RFC_BAD_VALUE.search(value) is not None)
    line = bytes((3,)) + b"x-a" + bytes((len(value),)) + value
    known = bytes((0, 4)) + b"POST" + bytes((5,)) + b"https" + b"\x00\x01/"
    wire = known + bytes((len(line),)) + line + b"\x00\x00"
    if _RFC_BAD_VALUE.search(value):
        with pytest.raises(BhttpError):
            bhttp.decode_request(wire)
    else:
        assert bhttp.decode_request(wire).headers == [("x-a", value.decode("latin-1"))]
