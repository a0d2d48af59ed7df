"""SSE parser: WHATWG rules, bounds, and any chunking gives the same events (hypothesis)."""

from __future__ import annotations

import contextlib
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edgekit.errors import CloudResponseError
from edgekit.transport import ChatStreamDecoder, ResponseFormatError, SSEEvent, SSEParser


def parse_in(chunks: list[bytes], **kwargs: int) -> list[SSEEvent]:
    parser = SSEParser(**kwargs)
    events: list[SSEEvent] = []
    for chunk in chunks:
        events.extend(parser.feed(chunk))
    return events


def test_fields_comments_multiline_and_line_endings() -> None:
    raw = (
        b"\xef\xbb\xbf: comment\r\n"
        b"event: delta\rdata: one\ndata:two\r\nid: 7\n\n"
        b"data\n\n"
        b"retry: 10\nunknown: x\n\n"
        b"data: tail-without-blank-line"
    )
    assert parse_in([raw]) == [
        SSEEvent(data="one\ntwo", event="delta", id="7"),
        SSEEvent(data="", event="message", id="7"),
    ]


def test_crlf_split_across_chunks_is_one_line_end() -> None:
    assert parse_in([b"data: a\r", b"\n\r", b"\ndata: b\r\n\r\n"]) == [
        SSEEvent(data="a"),
        SSEEvent(data="b"),
    ]


def test_overlong_line_is_refused_even_without_newline() -> None:
    parser = SSEParser(max_line_bytes=1024)
    with pytest.raises(ResponseFormatError):
        parser.feed(b"data: " + b"x" * 2000)
    with pytest.raises(ResponseFormatError):
        SSEParser(max_line_bytes=1024).feed(b"data: " + b"x" * 2000 + b"\n\n")


def test_overlarge_event_is_refused() -> None:
    parser = SSEParser(max_line_bytes=1024, max_event_bytes=2048)
    with pytest.raises(ResponseFormatError):
        parser.feed(b"data: " + b"x" * 1000 + b"\n" * 1 + (b"data: " + b"y" * 1000 + b"\n") * 2)


_line_text = st.text(
    alphabet=st.characters(blacklist_characters="\r\n", blacklist_categories=("Cs",)), max_size=20
)
_lines = st.lists(
    st.one_of(
        st.builds(lambda v: f"data: {v}", _line_text),
        st.builds(lambda v: f"event: {v}", _line_text),
        st.builds(lambda v: f": {v}", _line_text),
        st.builds(lambda v: f"id: {v}", _line_text),
        st.just(""),
    ),
    max_size=30,
)


@settings(max_examples=150, deadline=None)
@given(
    lines=_lines,
    eol=st.sampled_from(["\n", "\r", "\r\n"]),
    cuts=st.lists(st.integers(min_value=0, max_value=2000), max_size=12),
)
def test_any_chunking_gives_the_same_events(lines: list[str], eol: str, cuts: list[int]) -> None:
    raw = (eol.join(lines) + eol).encode()
    whole = parse_in([raw])
    points = sorted({c % (len(raw) + 1) for c in cuts})
    pieces = [raw[a:b] for a, b in zip([0, *points], [*points, len(raw)], strict=True)]
    assert parse_in(pieces) == whole
    assert parse_in([bytes([b]) for b in raw]) == whole


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_crash(data: bytes) -> None:
    parser = SSEParser(max_line_bytes=1024)
    with contextlib.suppress(ResponseFormatError):
        parser.feed(data)


def _chunk(text: str) -> bytes:
    body = {"choices": [{"index": 0, "delta": {"content": text}, "finish_reason": None}]}
    return b"data: " + json.dumps(body).encode() + b"\n\n"


def test_chat_decoder_deltas_usage_and_done() -> None:
    decoder = ChatStreamDecoder()
    stream = (
        _chunk("Hel")
        + _chunk("lo")
        + b'data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\n\n'
        + b'data: {"choices":[],"usage":{"total_tokens":5,"note":"x"}}\n\n'
        + b"data: [DONE]\n\n"
    )
    deltas = [d for i in range(0, len(stream), 7) for d in decoder.feed(stream[i : i + 7])]
    assert "".join(d.text for d in deltas) == "Hello"
    assert deltas[-2].finish_reason == "stop"
    assert deltas[-1].usage == {"total_tokens": 5}
    assert decoder.done


@pytest.mark.parametrize(
    "payload", [b"data: not json\n\n", b"data: [1]\n\n", b'data: {"choices": 3}\n\n']
)
def test_chat_decoder_rejects_malformed(payload: bytes) -> None:
    with pytest.raises(ResponseFormatError):
        ChatStreamDecoder().feed(payload)


def test_chat_decoder_in_stream_error() -> None:
    with pytest.raises(CloudResponseError) as info:
        ChatStreamDecoder().feed(b'data: {"error": {"type": "overloaded", "code": 503}}\n\n')
    assert info.value.status == 503
    assert info.value.problem_type == "overloaded"


def test_error_after_good_events_is_deferred() -> None:
    decoder = ChatStreamDecoder()
    deltas = decoder.feed(_chunk("kept ") + b"data: {broken\n\n" + _chunk("lost"))
    assert [d.text for d in deltas] == ["kept "]
    with pytest.raises(ResponseFormatError):
        decoder.raise_pending()
    parser = SSEParser(max_line_bytes=1024)
    events = parser.feed(b"data: a\n\n" + b"x" * 2000)
    assert events == [SSEEvent(data="a")]
    with pytest.raises(ResponseFormatError):
        parser.feed(b"")


def test_event_after_done_is_refused() -> None:
    decoder = ChatStreamDecoder()
    decoder.feed(b"data: [DONE]\n\n")
    with pytest.raises(ResponseFormatError):
        decoder.feed(_chunk("late"))


@settings(max_examples=100, deadline=None)
@given(
    texts=st.lists(st.text(max_size=12), min_size=1, max_size=15),
    cuts=st.lists(st.integers(min_value=0, max_value=5000), max_size=10),
)
def test_chat_deltas_survive_any_chunking(texts: list[str], cuts: list[int]) -> None:
    raw = b"".join(_chunk(t) for t in texts) + b"data: [DONE]\n\n"
    points = sorted({c % (len(raw) + 1) for c in cuts})
    decoder = ChatStreamDecoder()
    got = [
        d.text
        for a, b in zip([0, *points], [*points, len(raw)], strict=True)
        for d in decoder.feed(raw[a:b])
    ]
    assert "".join(got) == "".join(texts)
    assert decoder.done
