"""Validation of tools, tool_choice and response_format before anything is generated."""

from __future__ import annotations

from typing import Any

import pytest

from edgekit.errors import EdgeKitError
from edgekit.structured import SchemaError, parse_spec


def tool(name: str = "get_weather", params: Any = None, **fn: Any) -> dict[str, Any]:
    params = (
        params
        if params is not None
        else {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}
    )
    return {"type": "function", "function": {"name": name, "parameters": params, **fn}}


def test_plain_request_has_no_spec() -> None:
    assert parse_spec() is None
    assert parse_spec(None, "none") is None
    assert parse_spec([tool()], "none") is None
    assert parse_spec(response_format={"type": "text"}) is None


def test_defaults_follow_openai() -> None:
    spec = parse_spec([tool()])
    assert spec is not None
    assert spec.tool_choice == "auto"
    assert not spec.must_call
    named = parse_spec([tool(), tool("b")], {"type": "function", "function": {"name": "b"}})
    assert named is not None
    assert [t.name for t in named.callable_tools] == ["b"]
    assert named.openai_fields()["tool_choice"] == {"type": "function", "function": {"name": "b"}}
    req = parse_spec([tool()], "required")
    assert req is not None
    assert req.must_call
    fmt = parse_spec(response_format={"type": "json_object"})
    assert fmt is not None
    assert fmt.response_format is not None
    assert fmt.response_format.kind == "json_object"


@pytest.mark.parametrize(
    ("kwargs", "where", "keyword"),
    [
        ({"tools": [tool(), tool()]}, "tools[1].function.name", None),
        ({"tools": [tool("bad name")]}, "tools[0].function.name", None),
        ({"tools": [{"type": "retrieval"}]}, "tools[0]", None),
        ({"tools": "get_weather"}, "tools", None),
        ({"tools": [tool(params={"type": "string"})]}, "tools[0].function.parameters", "type"),
        (
            {"tools": [tool(params={"type": "objekt"})]},
            "tools[0].function.parameters.type",
            "anyOf",
        ),
        (
            {
                "tools": [
                    tool(
                        params={
                            "type": "object",
                            "properties": {"a": {"type": "string", "minLength": "3"}},
                        }
                    )
                ]
            },
            "tools[0].function.parameters.properties.a.minLength",
            "type",
        ),
        (
            {"tools": [tool(params={"type": "object", "patternProperties": {"^x": {}}})]},
            "tools[0].function.parameters",
            "patternProperties",
        ),
        (
            {"tools": [tool(params={"type": "object", "properties": {"a": {"not": {}}}})]},
            "tools[0].function.parameters.properties.a",
            "not",
        ),
        (
            {
                "tools": [
                    tool(
                        params={
                            "type": "object",
                            "properties": {"a": {"type": "string", "format": "credit-card"}},
                        }
                    )
                ]
            },
            "tools[0].function.parameters.properties.a",
            "format",
        ),
        (
            {
                "tools": [
                    tool(
                        params={
                            "type": "object",
                            "properties": {"a": {"$ref": "https://example.org/s.json"}},
                        }
                    )
                ]
            },
            "tools[0].function.parameters.properties.a",
            "$ref",
        ),
        (
            {
                "tools": [
                    tool(params={"type": "object", "properties": {"a": {"$ref": "#/$defs/x"}}})
                ]
            },
            "tools[0].function.parameters.properties.a",
            "$ref",
        ),
        (
            {
                "tools": [
                    tool(
                        params={
                            "type": "object",
                            "properties": {"a": {"$ref": "#/$defs/x"}},
                            "$defs": {"x": {"$ref": "#/$defs/y"}, "y": {"$ref": "#/$defs/x"}},
                        }
                    )
                ]
            },
            "tools[0].function.parameters.properties.a",
            "$ref",
        ),
        ({"tool_choice": "required"}, "tool_choice", None),
        (
            {"tools": [tool()], "tool_choice": {"type": "function", "function": {"name": "zzz"}}},
            "tool_choice.function.name",
            None,
        ),
        ({"tools": [tool()], "tool_choice": "always"}, "tool_choice", None),
        ({"response_format": {"type": "xml"}}, "response_format", None),
        (
            {"response_format": {"type": "json_schema", "json_schema": {"name": "x"}}},
            "response_format",
            None,
        ),
        (
            {
                "response_format": {
                    "type": "json_schema",
                    "json_schema": {
                        "name": "x",
                        "schema": {"type": "object", "if": {}, "then": {}},
                    },
                }
            },
            "response_format.json_schema.schema",
            "if",
        ),
    ],
)
def test_bad_schemas_are_refused_with_a_located_error(
    kwargs: dict[str, Any], where: str, keyword: str | None
) -> None:
    with pytest.raises(SchemaError) as info:
        parse_spec(**kwargs)
    assert isinstance(info.value, EdgeKitError)
    assert info.value.where == where
    assert info.value.keyword == keyword


def test_deep_chains_and_nesting_are_bounded() -> None:
    defs = {f"d{i}": {"$ref": f"#/$defs/d{i + 1}"} for i in range(40)}
    defs["d40"] = {"type": "string"}
    params = {"type": "object", "properties": {"a": {"$ref": "#/$defs/d0"}}, "$defs": defs}
    with pytest.raises(SchemaError, match="chained"):
        parse_spec([tool(params=params)])
    deep: dict[str, Any] = {"type": "string"}
    for _ in range(40):
        deep = {"type": "object", "properties": {"x": deep}}
    with pytest.raises(SchemaError, match="deeper"):
        parse_spec([tool(params=deep)])


def test_recursion_through_structure_is_allowed() -> None:
    tree = {
        "type": "object",
        "properties": {"root": {"$ref": "#/$defs/node"}},
        "$defs": {
            "node": {
                "type": "object",
                "properties": {
                    "label": {"type": "string"},
                    "children": {"type": "array", "items": {"$ref": "#/$defs/node"}, "maxItems": 2},
                },
                "required": ["label"],
            }
        },
    }
    spec = parse_spec([tool(params=tree)], "required")
    assert spec is not None


def test_error_messages_hold_no_values() -> None:
    with pytest.raises(SchemaError) as info:
        parse_spec(
            [
                tool(
                    params={
                        "type": "object",
                        "properties": {
                            "secret-ada@example.org": {"type": "string", "minLength": "x"}
                        },
                    }
                )
            ]
        )
    # The location names the property (a schema key, not user data), never a value.
    assert "minLength" in str(info.value)
    assert "'x'" not in str(info.value)
