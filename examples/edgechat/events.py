"""What a responder reports while an answer is being produced."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

Source = Literal["device", "cloud"]


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


StreamEvent = Piece | Notice
EventSink = Callable[[StreamEvent], None]


def discard(_event: StreamEvent) -> None:
    """An event sink that ignores everything (batch mode without streaming)."""
