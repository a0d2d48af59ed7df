"""Tool calls through the real gateway on its default model (Qwen2.5-Coder-1.5B).

The device escalates a call whose arguments must carry an email address the
user wrote: the gateway's model sees only the placeholder, calls the tool
with it, and the device restores the real address inside the JSON
arguments. A planted email, phone number and card number (in the messages
and in an earlier tool result) never appear in any outbound byte.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from edgekit.client import AsyncEdgeClient, ClientConfig
from edgekit.privacy import PrivacyConfig
from edgekit.transport import AiohttpTransport, CapturingTransport
from edgekit.transport.config import Timeouts

from .conftest import GATEWAY_MODEL, cloud_config

pytestmark = GATEWAY_MODEL

EMAIL, PHONE, CARD = "grace.hopper@example.org", "+1 415 555 0199", "4111 1111 1111 1111"
TOOLS = [
    {
        "type": "function",
        "function": {
            "name": "send_email",
            "description": "Send an email",
            "parameters": {
                "type": "object",
                "properties": {
                    "to": {"type": "string", "maxLength": 80},
                    "subject": {"type": "string", "maxLength": 80},
                },
                "required": ["to", "subject"],
            },
        },
    },
    {
        "type": "function",
        "function": {
            "name": "set_timer",
            "description": "Start a countdown timer",
            "parameters": {
                "type": "object",
                "properties": {"minutes": {"type": "integer", "minimum": 1, "maximum": 120}},
                "required": ["minutes"],
            },
        },
    },
]
ASK = [
    {"role": "user", "content": f"I am {EMAIL}, phone {PHONE}. Start a 5 minute timer."},
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
    {"role": "tool", "tool_call_id": "call_0", "content": f"timer set; billed to card {CARD}"},
    {"role": "user", "content": f"Now send an email to {EMAIL} with the subject lunch on friday."},
]


@pytest.fixture(scope="module")
def qwen_gateway() -> Any:
    embedded = pytest.importorskip("cloud_gateway.embedded")
    from cloud_gateway.config import config_from_mapping

    config = config_from_mapping(
        {
            "auth": {"open_enrolment": True},
            "plaintext_api": True,
            "backend": {"kind": "llama", "n_ctx": 2048, "n_threads": 2},
            "limits": {"request_timeout_s": 600.0, "queue_timeout_s": 600.0},
        },
        environ={},
    )
    with embedded.EmbeddedGateway(config) as gw:
        yield gw


@pytest.mark.parametrize("tool_choice", ["auto", "required"])
async def test_masked_email_in_a_tool_argument_comes_back_restored(
    edge_engine: Any, qwen_gateway: Any, tmp_path: Path, tool_choice: str
) -> None:
    capture = CapturingTransport(AiohttpTransport())
    cfg = ClientConfig(
        # A tool call is answered whole (no stream): on a loaded 2-core box the 1.5B model's
        # prefill of the tool schemas plus 64 tokens can pass the 30 s first-byte default.
        cloud=cloud_config(
            qwen_gateway, tmp_path, encrypt=False, timeouts=Timeouts(first_byte=300.0)
        ),
        max_tokens=64,
        privacy=PrivacyConfig(ner="off", audit_log=None),
        cloud_deadline_s=600.0,
        audit=False,
    )
    async with AsyncEdgeClient(cfg, engine=edge_engine, transport=capture) as client:
        result = await client.chat(ASK, tools=TOOLS, tool_choice=tool_choice, strategy="cloud_only")
    await capture.aclose()
    for value in (EMAIL, PHONE, CARD):  # the canary: in no outbound byte, in any form
        for form in (value, json.dumps(value)[1:-1], value.replace(" ", "")):
            assert form.encode() not in capture.sent_bytes
    sent = capture.sent_bytes
    assert "«EMAIL_1»".encode() in sent or b"\\u00abEMAIL_1" in sent  # the placeholder went
    assert result.decision.route == "cloud"
    assert result.decision.pii_masked
    assert result.finish_reason == "tool_calls"
    (call,) = result.tool_calls
    assert call.name == "send_email"
    assert call.parsed is not None
    assert call.parsed["to"] == EMAIL  # restored inside the JSON
    assert json.loads(call.arguments)["to"] == EMAIL
    assert result.structured is not None
    assert result.structured.valid
    assert result.structured.unknown_placeholders == ()
