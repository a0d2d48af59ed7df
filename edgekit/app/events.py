"""What a responder reports while an answer is being produced."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from edgekit.app.gateway import GatewayStatus

#: ``answer``: routed text whose origin is known only when the answer ends.
Source = Literal["device", "cloud", "answer"]


@dataclass(frozen=True, slots=True)
class Piece:
    """A piece of answer text as it streams in."""

    text: str
    source: Source


@dataclass(frozen=True, slots=True)
class Notice:
    """A change of course: the draft was not confident enough, the link is down…"""

    kind: Literal["escalating", "handoff", "fallback", "waiting_gateway", "draft_rejected"]
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Waiting:
    """An escalation is waiting for the embedded gateway to finish starting."""

    status: GatewayStatus


StreamEvent = Piece | Notice | Waiting
EventSink = Callable[[StreamEvent], None]


def discard(_event: StreamEvent) -> None:
    """An event sink that ignores everything (batch mode without streaming)."""
