"""What one exchange produced, in a form the renderers and ``--json`` share.

An :class:`Answer` holds the answer text (shown to the user who asked it) and
content-free facts: the route decision as a plain dict, masked entity counts,
timings and the link's protection. It is built by a responder
(:mod:`edgekit.app.responders`) and never logged.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

#: Where the text of an answer came from, in the words the app shows.
Origin = Literal["device", "cloud", "hand-off", "device (fallback)"]

_ORIGINS: dict[str, Origin] = {
    "local": "device",
    "cloud": "cloud",
    "handoff": "hand-off",
    "local_fallback": "device (fallback)",
}


def origin_of(route: str) -> Origin:
    """The user-facing name of a RouteDecision ``route``."""
    return _ORIGINS.get(route, "device")


@dataclass(frozen=True, kw_only=True)
class LinkInfo:
    """How the request reached the gateway (never any key material)."""

    encrypted: bool
    protocol: str = "Oblivious HTTP (RFC 9458)"
    suite: str = ""
    key_id: int | None = None
    pinned: bool = False
    gateway: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "encrypted": self.encrypted,
            "protocol": self.protocol,
            "suite": self.suite,
            "key_id": self.key_id,
            "pinned": self.pinned,
            "gateway": self.gateway,
        }


@dataclass(frozen=True, kw_only=True)
class Answer:
    """One answer and everything the status line, ``/why`` and ``--json`` show."""

    text: str
    decision: Mapping[str, Any]
    masked: Mapping[str, int] = field(default_factory=dict)
    latency_s: float = 0.0
    ttft_s: float | None = None
    tokens: int = 0
    tokens_per_s: float | None = None
    link: LinkInfo | None = None

    @property
    def route(self) -> str:
        return str(self.decision.get("route", "local"))

    @property
    def origin(self) -> Origin:
        return origin_of(self.route)

    @property
    def escalated(self) -> bool:
        return self.route in ("cloud", "handoff")

    def as_json(self, prompt: str | None = None) -> dict[str, Any]:
        """The ``--json`` object for this answer."""
        out: dict[str, Any] = {}
        if prompt is not None:
            out["prompt"] = prompt
        out.update(
            {
                "text": self.text,
                "route": self.route,
                "origin": self.origin,
                "decision": dict(self.decision),
                "masked": dict(sorted(self.masked.items())),
                "latency_s": round(self.latency_s, 4),
                "ttft_s": None if self.ttft_s is None else round(self.ttft_s, 4),
                "tokens": self.tokens,
                "tokens_per_s": (
                    None if self.tokens_per_s is None else round(self.tokens_per_s, 2)
                ),
                "link": None if self.link is None else self.link.as_dict(),
            }
        )
        return out
