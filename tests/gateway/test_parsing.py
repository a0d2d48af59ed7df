"""The chat-request validator takes untrusted bytes: only problems come out."""

from __future__ import annotations

import json
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from cloud_gateway.api import parse_chat
from cloud_gateway.problems import ALL_PROBLEMS, Problem

MODELS = ("echo", "big")

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
messages = st.lists(
    st.fixed_dictionaries(
        {
            "role": st.sampled_from(["user", "assistant", "system", "x", 3]),
            "content": st.one_of(
                st.text(max_size=20), st.integers(), st.lists(json_values, max_size=2)
            ),
        }
    ),
    max_size=3,
)
bodies = st.fixed_dictionaries(
    {"messages": st.one_of(messages, json_values)},
    optional={
        "model": st.one_of(st.sampled_from(MODELS), json_values),
        "max_tokens": json_values,
        "temperature": json_values,
        "top_p": json_values,
        "stream": json_values,
        "stream_options": json_values,
        "stop": json_values,
        "seed": json_values,
        "n": json_values,
        "continue_final_message": json_values,
    },
)


@settings(max_examples=300, deadline=None)
@given(body=bodies)
def test_structured_garbage_is_a_problem_or_a_valid_request(body: dict[str, object]) -> None:
    status = 0
    try:
        parsed = parse_chat(json.dumps(body).encode(), MODELS, 512, 16)
    except Problem as problem:
        status = problem.status
    if status:
        assert status in (400, 404)
        return
    chat = parsed.chat
    assert chat.model in MODELS
    assert 1 <= chat.max_tokens <= 512
    assert chat.messages
    assert all(isinstance(m.content, str) for m in chat.messages)
    assert all(s for s in chat.stop)


@settings(max_examples=200, deadline=None)
@given(raw=st.binary(max_size=200))
def test_random_bytes_are_a_bad_request(raw: bytes) -> None:
    status = 0
    try:
        parse_chat(raw, MODELS, 512, 16)
    except Problem as problem:
        status = problem.status
    assert status in (0, 400, 404)


def test_every_problem_type_is_documented() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs/gateway.md").read_text()
    rows = dict(re.findall(r"^\| `?([a-z-]+)`?(?:, `[a-z-]+`)? \| (\d+)", doc, re.M))
    for problem in ALL_PROBLEMS:
        assert problem.name in doc, problem.name
        if problem.name in rows:
            assert rows[problem.name] == str(problem.status), problem.name
