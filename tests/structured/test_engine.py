"""Constrained decoding on the real default model (SmolLM2-135M)."""

from __future__ import annotations

import asyncio
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from edgekit.local import Engine, GenerationParams
from edgekit.structured import OutputParser, SchemaError, parse_spec
from tests.structured.conftest import EVERYTHING, TIMER, WEATHER

ASK_WEATHER = [{"role": "user", "content": "What is the weather like in Oslo today?"}]
SHORT = GenerationParams(max_tokens=48)


def as_format(schema: dict[str, Any]) -> dict[str, Any]:
    return {"type": "json_schema", "json_schema": {"name": "answer", "schema": schema}}


def test_every_claimed_schema_feature_validates(edge_engine: Engine) -> None:
    msgs = [{"role": "user", "content": "Make a task for fixing the garden fence, as JSON."}]
    out = edge_engine.chat(
        msgs, GenerationParams(max_tokens=160), response_format=as_format(EVERYTHING)
    )
    assert out.finish_reason == "stop", out.text
    assert out.structured is not None
    assert out.structured.valid, out.structured.error
    jsonschema.validate(out.parsed, EVERYTHING)
    assert out.parsed == out.structured.parsed
    # Forced structure (keys, braces) is left out of what the gate scores.
    assert 0 < out.summary.n_tokens < out.completion_tokens


def test_required_and_named_choices_call_a_tool(
    edge_engine: Engine, tools: list[dict[str, Any]]
) -> None:
    req = edge_engine.chat(ASK_WEATHER, SHORT, tools=tools, tool_choice="required")
    assert req.structured is not None
    assert req.structured.valid
    assert req.structured.finish_reason == "tool_calls"
    assert len(req.tool_calls) == 1
    call = req.tool_calls[0]
    assert call.name in {"get_weather", "set_timer", "send_email"}
    assert call.id.startswith("call_")
    assert call.parsed is not None
    named = edge_engine.chat(
        ASK_WEATHER,
        SHORT,
        tools=tools,
        tool_choice={"type": "function", "function": {"name": "set_timer"}},
    )
    assert [c.name for c in named.tool_calls] == ["set_timer"]
    jsonschema.validate(named.tool_calls[0].parsed, TIMER)


def test_auto_and_none_choices(edge_engine: Engine, tools: list[dict[str, Any]]) -> None:
    auto = edge_engine.chat(ASK_WEATHER, SHORT, tools=tools)
    assert auto.structured is not None
    if auto.tool_calls:  # a call under "auto" is as valid as under "required"
        assert auto.structured.valid
    else:
        assert auto.structured.content == auto.text
    none = edge_engine.chat(ASK_WEATHER, SHORT, tools=tools, tool_choice="none")
    assert none.structured is None
    assert not none.tool_calls
    assert none.text


def test_truncated_answer_says_so(edge_engine: Engine) -> None:
    out = edge_engine.chat(
        ASK_WEATHER, GenerationParams(max_tokens=6), response_format=as_format(EVERYTHING)
    )
    assert out.finish_reason == "length"
    assert out.structured is not None
    assert not out.structured.valid
    assert out.parsed is None
    assert "max_tokens" in (out.structured.error or "")


def test_bad_schema_fails_before_generation_and_engine_stays_usable(
    edge_engine: Engine,
) -> None:
    bad = {
        "type": "function",
        "function": {
            "name": "x",
            "parameters": {
                "type": "object",
                "properties": {"a": {"type": "string", "not": {"const": "b"}}},
            },
        },
    }
    with pytest.raises(SchemaError, match="not"):
        edge_engine.chat(ASK_WEATHER, SHORT, tools=[bad])
    with pytest.raises(SchemaError):
        edge_engine.stream_chat(ASK_WEATHER, SHORT, response_format={"type": "yaml"})
    assert edge_engine.chat(ASK_WEATHER, GenerationParams(max_tokens=4)).completion_tokens == 4


def test_streamed_deltas_reassemble_to_the_whole_answer(
    edge_engine: Engine, tools: list[dict[str, Any]]
) -> None:
    edge_engine.reset()  # both runs start from an empty KV cache: the same greedy tokens
    whole = edge_engine.chat(ASK_WEATHER, SHORT, tools=tools, tool_choice="required")
    edge_engine.reset()
    spec = parse_spec(tools, "required")
    assert spec is not None
    parser = OutputParser(spec)
    name, args = "", ""
    finish = None
    for ev in edge_engine.stream_chat(ASK_WEATHER, SHORT, tools=tools, tool_choice="required"):
        for d in parser.feed(ev.text):
            assert d.tool_call is not None
            assert d.tool_call.index == 0
            name += d.tool_call.name or ""
            args += d.tool_call.arguments
        finish = ev.finish_reason or finish
    assert finish == "stop"
    streamed = parser.finish(finish)
    assert (name, args) == (whole.tool_calls[0].name, whole.tool_calls[0].arguments)
    assert streamed.tool_calls[0].parsed == whole.tool_calls[0].parsed


def test_async_stream_with_tools(edge_engine: Engine, tools: list[dict[str, Any]]) -> None:
    async def run() -> str:
        parts = [
            ev.text
            async for ev in edge_engine.astream_chat(
                ASK_WEATHER, SHORT, tools=tools, tool_choice="required"
            )
        ]
        return "".join(parts)

    text = asyncio.run(run())
    assert text.startswith('<tool_call>\n{"name": ')


def test_multi_turn_tool_loop(edge_engine: Engine, tools: list[dict[str, Any]]) -> None:
    first = edge_engine.chat(
        ASK_WEATHER,
        SHORT,
        tools=tools,
        tool_choice={"type": "function", "function": {"name": "get_weather"}},
    )
    call = first.tool_calls[0]
    jsonschema.validate(call.parsed, WEATHER)
    history = [
        *ASK_WEATHER,
        {"role": "assistant", "content": None, "tool_calls": [call.as_openai()]},
        {"role": "tool", "tool_call_id": call.id, "content": '{"temp_c": 21, "sky": "clear"}'},
    ]
    prompt = edge_engine.render_chat(edge_engine_prepare(edge_engine, history, tools))
    assert "<tool_response>" in prompt
    assert call.arguments in prompt
    final = edge_engine.chat(history, SHORT, tools=tools, tool_choice="none")
    assert final.text
    assert not final.tool_calls


def edge_engine_prepare(
    engine: Engine, history: list[dict[str, Any]], tools: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    from edgekit.structured.prompt import prepare_messages

    msgs, _ = prepare_messages(history, parse_spec(tools), native=False)
    return msgs


# --- property: whatever the sampler draws, the answer validates --------------------

_leaf = st.one_of(
    st.builds(lambda n: {"type": "string", "maxLength": n}, st.integers(1, 12)),
    st.builds(
        lambda lo, w: {"type": "integer", "minimum": lo, "maximum": lo + w},
        st.integers(-50, 50),
        st.integers(0, 100),
    ),
    st.builds(
        lambda lo: {"type": "number", "minimum": lo, "maximum": lo + 1.5},
        st.floats(-10, 10, allow_nan=False).map(lambda x: round(x, 2)),
    ),
    st.lists(
        st.sampled_from(["red", "green", "blue", "a b", 'q"t']), min_size=1, max_size=3, unique=True
    ).map(lambda v: {"enum": v}),
    st.just({"type": "boolean"}),
    st.just({"anyOf": [{"type": "integer", "minimum": 0, "maximum": 9}, {"type": "null"}]}),
)


def _object(children: st.SearchStrategy[dict[str, Any]]) -> st.SearchStrategy[dict[str, Any]]:
    props = st.dictionaries(st.sampled_from(["a", "b", "c", "d"]), children, min_size=1, max_size=3)
    return props.flatmap(
        lambda p: st.lists(st.sampled_from(sorted(p)), unique=True).map(
            lambda req: {"type": "object", "properties": p, "required": req}
        )
    )


_schema = (
    st.recursive(
        _leaf,
        lambda inner: st.one_of(
            _object(inner),
            inner.map(lambda i: {"type": "array", "items": i, "maxItems": 2}),
        ),
        max_leaves=5,
    )
    .filter(lambda s: s.get("type") == "object")
    .map(lambda s: s)
)


@pytest.mark.timeout(240)
@settings(
    max_examples=10,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(schema=_object(_schema | _leaf), seed=st.integers(0, 2**32 - 1))
def test_every_constrained_output_validates(
    edge_engine: Engine, schema: dict[str, Any], seed: int
) -> None:
    params = GenerationParams(max_tokens=64, temperature=1.0, top_k=0, seed=seed)
    out = edge_engine.chat(
        [{"role": "user", "content": "Fill in the JSON."}],
        params,
        response_format=as_format(schema),
    )
    if out.finish_reason == "length":  # a cut answer is reported, never passed as valid
        assert out.structured is not None
        assert not out.structured.valid
        return
    jsonschema.validate(out.parsed, schema)
