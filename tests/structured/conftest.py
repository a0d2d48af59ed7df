"""Shared schemas and tools for the structured-output tests."""

from __future__ import annotations

from typing import Any

import pytest

WEATHER: dict[str, Any] = {
    "type": "object",
    "properties": {
        "city": {"type": "string", "maxLength": 40},
        "unit": {"enum": ["celsius", "fahrenheit"]},
    },
    "required": ["city"],
}
TIMER: dict[str, Any] = {
    "type": "object",
    "properties": {"minutes": {"type": "integer", "minimum": 1, "maximum": 120}},
    "required": ["minutes"],
}
EMAIL: dict[str, Any] = {
    "type": "object",
    "properties": {
        "to": {"type": "string", "maxLength": 60},
        "subject": {"type": "string", "maxLength": 60},
    },
    "required": ["to", "subject"],
}
# Every schema feature the docs claim, in one answer.
EVERYTHING: dict[str, Any] = {
    "type": "object",
    "properties": {
        "title": {"type": "string", "maxLength": 24},
        "priority": {"enum": ["low", "normal", "high"]},
        "score": {"type": "number", "minimum": 0, "maximum": 1},
        "count": {"type": "integer", "minimum": 2, "maximum": 9},
        "tags": {
            "type": "array",
            "items": {"type": "string", "maxLength": 10},
            "minItems": 1,
            "maxItems": 3,
        },
        "owner": {
            "type": "object",
            "properties": {
                "name": {"type": "string", "maxLength": 20},
                "email": {"type": "string", "format": "email", "maxLength": 30},
            },
            "required": ["name"],
        },
        "due": {"anyOf": [{"type": "string", "format": "date"}, {"type": "null"}]},
        "note": {"type": "string", "maxLength": 20},
    },
    "required": ["title", "priority", "score", "count", "tags", "owner", "due"],
}


def function(name: str, params: dict[str, Any], description: str = "") -> dict[str, Any]:
    return {
        "type": "function",
        "function": {"name": name, "description": description, "parameters": params},
    }


@pytest.fixture
def tools() -> list[dict[str, Any]]:
    return [
        function("get_weather", WEATHER, "Get the current weather in a city"),
        function("set_timer", TIMER, "Start a countdown timer"),
        function("send_email", EMAIL, "Send an email"),
    ]
