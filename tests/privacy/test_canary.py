"""Canary: planted personal data never appears in bytes that leave, nor in any log line.

The transport here is a capturing stand-in that records every byte it would
send; the coordinator extends this test to the real transport and gateway.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import pytest

from edgekit.errors import PrivacyBlocked
from edgekit.privacy import AuditLog, Filter, PrivacyConfig, Redactor
from edgekit.privacy.corpus import generate


class CapturingTransport:
    """Records every request body instead of sending it."""

    def __init__(self) -> None:
        self.sent: list[bytes] = []

    def send(self, body: bytes) -> bytes:
        self.sent.append(body)
        return b'{"choices":[{"message":{"content":"ok"}}]}'


class CaptureHandler(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@pytest.fixture
def captured_logs() -> Iterator[CaptureHandler]:
    handler = CaptureHandler()
    handler.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s %(args)s"))
    root = logging.getLogger("edgekit")
    old = root.level
    root.setLevel(logging.DEBUG)
    root.addHandler(handler)
    try:
        yield handler
    finally:
        root.removeHandler(handler)
        root.setLevel(old)


def escalate(
    redactor: Redactor,
    audit: AuditLog,
    transport: CapturingTransport,
    messages: Sequence[Mapping[str, str]],
) -> None:
    """What the router does on escalation: mask, serialize, audit, send."""
    masked = redactor.mask_messages(messages)
    body = json.dumps({"model": "cloud", "messages": masked.messages}).encode()
    audit.record("cascade", masked.entity_counts, body)
    transport.send(body)


def test_no_planted_value_leaves_the_device(
    pattern_filter: Filter, tmp_path: Path, captured_logs: CaptureHandler
) -> None:
    samples = [s for s in generate(120, seed=5) if s.spans]
    redactor = Redactor(PrivacyConfig(ner="off", preset="balanced"), filter=pattern_filter)
    audit = AuditLog(tmp_path / "egress.jsonl")
    transport = CapturingTransport()
    history: list[dict[str, str]] = []
    planted: list[str] = []
    allowed = {"IP_ADDRESS", "GEO_COORDINATES"}  # the balanced preset lets these through
    for sample in samples:
        planted += [sample.text[s.start : s.end] for s in sample.spans if s.type not in allowed]
        history.append({"role": "user", "content": sample.text})
        escalate(redactor, audit, transport, history[-6:])
        history.append({"role": "assistant", "content": redactor.restore("Noted «PERSON_1».")})
    outgoing = b"\n".join(transport.sent) + audit.path.read_bytes()
    logs = "\n".join(captured_logs.lines)
    assert captured_logs.lines, "DEBUG logging produced nothing: the handler is not wired"
    leaks = [v for v in planted if v.encode() in outgoing or v in logs]
    # Recall on this corpus is not perfect; the canary demands no leak of values of the
    # high-precision types and at most a small share overall.
    exact = {"EMAIL", "CREDIT_CARD", "IBAN", "US_SSN", "SECRET", "URL_CREDENTIALS"}
    exact_values = [
        s.text[sp.start : sp.end] for s in samples for sp in s.spans if sp.type in exact
    ]
    assert not [v for v in exact_values if v.encode() in outgoing or v in logs]
    print(f"canary: {len(leaks)} of {len(planted)} planted values leaked")
    assert len(leaks) <= 0.03 * len(planted), leaks


def test_blocked_request_sends_nothing_and_logs_no_value(
    pattern_filter: Filter, tmp_path: Path, captured_logs: CaptureHandler
) -> None:
    redactor = Redactor(PrivacyConfig(ner="off"), filter=pattern_filter)
    audit = AuditLog(tmp_path / "egress.jsonl")
    transport = CapturingTransport()
    secret = "sk-proj-Zx8Qw2Er4Ty6Ui8Op0As2Df4Gh6Jk8Lz"
    with pytest.raises(PrivacyBlocked) as info:
        escalate(
            redactor, audit, transport, [{"role": "user", "content": f"use {secret} for ada@x.org"}]
        )
    assert transport.sent == []
    assert not audit.path.exists()
    text = str(info.value) + "\n".join(captured_logs.lines)
    assert secret not in text
    assert "ada@x.org" not in text
