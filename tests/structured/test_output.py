"""Reading answers into tool calls and JSON, streamed or whole."""

from __future__ import annotations

import itertools
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from edgekit.structured import OutputParser, StructuredSpec, parse_output, parse_spec
from edgekit.structured.output import StreamDelta

WEATHER = {
    "type": "object",
    "properties": {"city": {"type": "string"}, "unit": {"enum": ["c", "f"]}},
    "required": ["city"],
}
TIMER = {
    "type": "object",
    "properties": {"minutes": {"type": "integer", "minimum": 1}},
    "required": ["minutes"],
}


def spec(choice: Any = "auto", fmt: Any = None, parallel: bool | None = True) -> StructuredSpec:
    tools = [
        {"type": "function", "function": {"name": "get_weather", "parameters": WEATHER}},
        {"type": "function", "function": {"name": "set_timer", "parameters": TIMER}},
    ]
    s = parse_spec(tools, choice, fmt, parallel)
    assert s is not None
    return s


TWO_CALLS = (
    '<tool_call>\n{"name": "get_weather", "arguments": {"city": "Le \\"Havre\\" {x}", '
    '"unit": "c"}}\n</tool_call>\n<tool_call>\n{"name": "set_timer", "arguments": '
    '{"minutes": 5}}\n</tool_call>'
)


def reassemble(deltas: list[StreamDelta]) -> tuple[str, list[dict[str, str]]]:
    """What an OpenAI-client user does with streamed deltas."""
    text = "".join(d.content for d in deltas)
    calls: list[dict[str, str]] = []
    for d in deltas:
        if d.tool_call is None:
            continue
        tc = d.tool_call.as_openai()
        if tc["index"] == len(calls):
            calls.append({"id": tc["id"], "name": tc["function"]["name"], "arguments": ""})
        calls[tc["index"]]["arguments"] += tc["function"]["arguments"]
    return text, calls


def test_whole_answer_with_two_calls() -> None:
    out = parse_output(spec(), TWO_CALLS)
    assert out.valid
    assert out.finish_reason == "tool_calls"
    assert out.content is None
    assert [c.name for c in out.tool_calls] == ["get_weather", "set_timer"]
    assert out.tool_calls[0].parsed == {"city": 'Le "Havre" {x}', "unit": "c"}
    assert json.loads(out.tool_calls[1].arguments) == {"minutes": 5}
    assert out.message()["tool_calls"][0]["function"]["name"] == "get_weather"


@settings(max_examples=200, deadline=None)
@given(cuts=st.lists(st.integers(min_value=0, max_value=len(TWO_CALLS)), max_size=30))
def test_any_chunking_streams_the_same_calls(cuts: list[int]) -> None:
    bounds = [0, *sorted(cuts), len(TWO_CALLS)]
    parser = OutputParser(spec())
    deltas: list[StreamDelta] = []
    for a, b in itertools.pairwise(bounds):
        deltas += parser.feed(TWO_CALLS[a:b])
    whole = parser.finish("stop")
    text, calls = reassemble(deltas)
    assert text == ""
    assert [(c["id"], c["name"], c["arguments"]) for c in calls] == [
        (c.id, c.name, c.arguments) for c in whole.tool_calls
    ]


def test_fenced_call_and_text_answers() -> None:
    fenced = '```json\n{"name": "set_timer", "arguments": {"minutes": 3}}\n```'
    out = parse_output(spec(), fenced)
    assert out.valid
    assert out.tool_calls[0].parsed == {"minutes": 3}
    text = parse_output(spec(), "It is sunny in Paris.")
    assert text.valid
    assert text.content == "It is sunny in Paris."
    assert not text.tool_calls
    streamed = OutputParser(spec())
    deltas = streamed.feed("<") + streamed.feed("b>bold</b>")
    assert "".join(d.content for d in deltas) == "<b>bold</b>"


def test_bare_call_objects_under_auto() -> None:
    bare = (
        '{"name": "set_timer", "arguments": {"minutes": 3}}\n{"name": "get_weather", '
        '"arguments": {"city": "Oslo"}}'
    )
    out = parse_output(spec(), bare)
    assert out.valid
    assert [c.parsed for c in out.tool_calls] == [{"minutes": 3}, {"city": "Oslo"}]
    streamed = OutputParser(spec())
    deltas = [d for piece in bare for d in streamed.feed(piece)]
    assert reassemble(deltas)[1] == [
        {"id": c.id, "name": c.name, "arguments": c.arguments}
        for c in streamed.finish("stop").tool_calls
    ]
    assert not parse_output(spec("required"), bare).valid  # required: <tool_call> blocks only
    fmt = {"type": "json_object"}
    answer = parse_output(spec(fmt=fmt), '{"name": "x", "arguments": {}}')
    assert answer.content is not None  # with a response format, a bare object is the answer
    assert not answer.tool_calls


def test_invalid_answers_are_reported_not_hidden() -> None:
    cut = parse_output(spec(), TWO_CALLS[:60], "length")
    assert not cut.valid
    assert cut.finish_reason == "length"
    assert "max_tokens" in (cut.error or "")
    unknown = parse_output(spec(), '<tool_call>\n{"name": "rm_rf", "arguments": {}}\n</tool_call>')
    assert not unknown.valid
    assert "does not offer" in (unknown.error or "")
    bad_args = parse_output(
        spec(), '<tool_call>\n{"name": "set_timer", "arguments": {"minutes": 0}}\n</tool_call>'
    )
    assert not bad_args.valid
    assert "minimum" in (bad_args.error or "")
    required_text = parse_output(spec("required"), "no call here")
    assert not required_text.valid


def test_response_format_answer_is_parsed_and_validated() -> None:
    fmt = {
        "type": "json_schema",
        "json_schema": {
            "name": "p",
            "schema": {
                "type": "object",
                "properties": {"age": {"type": "integer"}},
                "required": ["age"],
            },
        },
    }
    s = parse_spec(response_format=fmt)
    assert s is not None
    ok = parse_output(s, '{"age": 3}')
    assert ok.valid
    assert ok.parsed == {"age": 3}
    assert ok.content == '{"age": 3}'
    wrong = parse_output(s, '{"age": "three"}')
    assert not wrong.valid
    assert wrong.parsed == {"age": "three"}
    assert not parse_output(s, '{"age": ', "length").valid


def test_char_by_char_stream_matches_whole() -> None:
    parser = OutputParser(spec())
    deltas = [d for ch in TWO_CALLS for d in parser.feed(ch)]
    whole = parse_output(spec(), TWO_CALLS)
    _, calls = reassemble(deltas)
    assert [c["arguments"] for c in calls] == [c.arguments for c in whole.tool_calls]
    assert calls[0]["arguments"].startswith("{")
