"""Tool calls through the client: local constrained answers, masked escalation, restored calls.

The device model is the real SmolLM2-135M. The gateway runs on loopback
with the real OHTTP channel; its backend is either the real model (the
embedded llama backend) or, where a test needs a cloud model that reliably
copies placeholders into its arguments (what the benchmark measures for
Qwen2.5-Coder as pii_args_restored), a backend that does exactly that.
"""

from __future__ import annotations

import json
import re
import socket
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from cloud_gateway.backends.base import ChatRequest, Delta, Usage
from edgekit.client import AsyncEdgeClient, ClientConfig, EdgeClient
from edgekit.client.structured import StructuredPiece
from edgekit.privacy import PrivacyConfig
from edgekit.routing.tool_gate import TOOL_GATE_FEATURES
from edgekit.structured import SchemaError
from edgekit.transport import AiohttpTransport, CapturingTransport, CloudConfig

from .conftest import cloud_config

EMAIL, PHONE, CARD = "ada.lovelace@example.org", "+44 20 7946 0958", "4111 1111 1111 1111"
CONTACT = {
    "type": "object",
    "properties": {
        "email": {"type": "string", "maxLength": 60},
        "phone": {"type": "string", "maxLength": 30},
        "card": {"type": "string", "maxLength": 30},
    },
    "required": ["email", "phone", "card"],
}
TIMER = {
    "type": "object",
    "properties": {"minutes": {"type": "integer", "minimum": 1, "maximum": 120}},
    "required": ["minutes"],
}
TOOLS = [
    {
        "type": "function",
        "function": {
            "name": "save_contact",
            "description": "Save a contact",
            "parameters": CONTACT,
        },
    },
    {
        "type": "function",
        "function": {"name": "set_timer", "description": "Start a timer", "parameters": TIMER},
    },
]
ASK = [
    {"role": "user", "content": f"My email is {EMAIL} and my phone is {PHONE}."},
    {
        "role": "assistant",
        "content": None,
        "tool_calls": [
            {
                "id": "call_0",
                "type": "function",
                "function": {"name": "set_timer", "arguments": json.dumps({"minutes": 5})},
            }
        ],
    },
    {"role": "tool", "tool_call_id": "call_0", "content": f"done; billed card {CARD}"},
    {"role": "user", "content": "Now save all three as a contact."},
]
NAMED = {"type": "function", "function": {"name": "save_contact"}}
NO_NER = PrivacyConfig(ner="off", audit_log=None)


class CopyingBackend:
    """A cloud model that calls save_contact with the placeholders it was sent, in order."""

    name = "copying"
    max_parallel = 1

    def __init__(self) -> None:
        self.seen: list[ChatRequest] = []

    async def start(self) -> None:
        return None

    async def aclose(self) -> None:
        return None

    async def ready(self) -> tuple[bool, str]:
        return True, "ready"

    async def stream(self, request: ChatRequest) -> AsyncIterator[Delta]:
        self.seen.append(request)
        text = " ".join(m.content for m in request.messages)
        found = {n.split("_")[0]: f"«{n}»" for n in re.findall(r"«([A-Z_]+_\d+)»", text)}
        args = json.dumps(
            {
                "email": found.get("EMAIL", "?"),
                "phone": found.get("PHONE", "?"),
                "card": found.get("CREDIT", found.get("CARD", "?")),
            }
        )
        head = {
            "index": 0,
            "id": "call_cloud",
            "type": "function",
            "function": {"name": "save_contact", "arguments": ""},
        }
        yield Delta("", tool_calls=(head,))
        for i in range(0, len(args), 7):  # arguments in small pieces, escapes split too
            yield Delta("", tool_calls=({"index": 0, "function": {"arguments": args[i : i + 7]}},))
        yield Delta("", finish_reason="tool_calls", usage=Usage(10, 10))


@pytest.fixture(scope="module")
def copying_gateway() -> Iterator[tuple[Any, CopyingBackend]]:
    embedded = pytest.importorskip("cloud_gateway.embedded")
    from cloud_gateway.config import config_from_mapping

    backend = CopyingBackend()
    config = config_from_mapping(
        {"auth": {"open_enrolment": True}, "backend": {"kind": "echo"}, "plaintext_api": True},
        environ={},
    )
    with embedded.EmbeddedGateway(config, backend=backend) as gw:  # type: ignore[arg-type]
        yield gw, backend


def config(cloud: CloudConfig | None, **extra: Any) -> ClientConfig:
    base: dict[str, Any] = {
        "cloud": cloud,
        "max_tokens": 64,
        "privacy": NO_NER,
        "cloud_deadline_s": 30.0,
        "audit": False,
    }
    return ClientConfig(**{**base, **extra})


async def test_escalated_call_is_masked_out_and_restored_in(
    edge_engine: Any, copying_gateway: tuple[Any, CopyingBackend], tmp_path: Path
) -> None:
    gw, backend = copying_gateway
    capture = CapturingTransport(AiohttpTransport())
    cfg = config(cloud_config(gw, tmp_path, encrypt=False), threshold=1.01)
    async with AsyncEdgeClient(cfg, engine=edge_engine, transport=capture) as client:
        result = await client.chat(ASK, tools=TOOLS, tool_choice=NAMED)
    await capture.aclose()
    for value in (EMAIL, PHONE, CARD):  # canary: no planted value in any outbound byte
        assert value.encode() not in capture.sent_bytes
        assert all(value not in json.dumps(m.as_openai()) for m in backend.seen[-1].messages)
    assert b'"tools":[{"type":"function"' in capture.sent_bytes  # the same call went out
    assert backend.seen[-1].structured["tool_choice"] == NAMED
    assert result.decision.route == "cloud"
    assert result.decision.pii_masked
    assert result.finish_reason == "tool_calls"
    (call,) = result.tool_calls
    assert (call.id, call.name) == ("call_cloud", "save_contact")
    assert call.parsed == {"email": EMAIL, "phone": PHONE, "card": CARD}  # restored in JSON
    assert result.structured is not None
    assert result.structured.valid
    assert result.structured.unknown_placeholders == ()


async def test_encrypted_stream_yields_restored_tool_call_deltas(
    edge_engine: Any, copying_gateway: tuple[Any, CopyingBackend], tmp_path: Path
) -> None:
    gw, _ = copying_gateway
    async with AsyncEdgeClient(config(cloud_config(gw, tmp_path)), engine=edge_engine) as client:
        stream = client.stream_chat(ASK, tools=TOOLS, tool_choice=NAMED, strategy="cloud_only")
        args, names = "", ""
        async for piece in stream.iter_pieces():
            assert isinstance(piece, StructuredPiece)
            if piece.tool_call is not None:
                names += piece.tool_call.name or ""
                args += piece.tool_call.arguments
    assert stream.decision.route == "cloud"
    assert names == "save_contact"
    assert json.loads(args) == {"email": EMAIL, "phone": PHONE, "card": CARD}
    assert stream.result().tool_calls[0].arguments == args


async def test_cloud_unreachable_gives_the_local_constrained_call(
    edge_engine: Any, tmp_path: Path
) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cfg = config(
        CloudConfig(url=f"http://127.0.0.1:{port}", device_key_path=tmp_path / "k"), threshold=1.01
    )
    async with AsyncEdgeClient(cfg, engine=edge_engine) as client:
        result = await client.chat(ASK, tools=TOOLS, tool_choice="required")
    assert result.decision.route == "local_fallback"
    assert result.structured is not None
    assert result.structured.valid
    (call,) = result.tool_calls
    schema = CONTACT if call.name == "save_contact" else TIMER
    jsonschema.validate(call.parsed, schema)


async def test_local_answers_and_truncation(edge_engine: Any) -> None:
    async with AsyncEdgeClient(config(None), engine=edge_engine) as client:
        kept = await client.chat(
            ASK, tools=TOOLS, tool_choice=NAMED, strategy="local_only", max_tokens=160
        )
        cut = await client.chat(ASK, tools=TOOLS, tool_choice=NAMED, max_tokens=5)
    assert kept.decision.route == "local"
    assert kept.finish_reason == "tool_calls"
    jsonschema.validate(kept.tool_calls[0].parsed, CONTACT)
    assert client.tool_gate is not None  # the shipped tool gate judged it, not the text gate
    assert kept.decision.threshold == client.tool_gate.threshold
    assert set(TOOL_GATE_FEATURES) <= set(kept.decision.signals)
    # Cut by max_tokens: escalation was due, no cloud → the cut local answer, said so.
    assert cut.decision.route == "local_fallback"
    assert cut.finish_reason == "length"
    assert cut.structured is not None
    assert not cut.structured.valid
    assert cut.tool_calls == ()


def test_bad_schema_raises_before_anything_and_sync_client(edge_engine: Any) -> None:
    with EdgeClient(config(None), engine=edge_engine) as client:
        with pytest.raises(SchemaError, match="duplicate"):
            client.chat(ASK, tools=[TOOLS[0], TOOLS[0]])
        fmt = {"type": "json_schema", "json_schema": {"name": "t", "schema": TIMER}}
        result = client.chat(
            [{"role": "user", "content": "Ten minute timer as JSON."}],
            response_format=fmt,
            strategy="local_only",
        )
    assert result.finish_reason == "stop"
    jsonschema.validate(result.parsed, TIMER)
    assert json.loads(result.text) == result.parsed
