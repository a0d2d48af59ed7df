"""A conversation: history, the chosen route, the simulated link state, totals.

The session is UI-free: the interactive chat and the batch mode both drive it,
and print what it returns.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from edgekit.app.answer import Answer
from edgekit.app.events import EventSink
from edgekit.app.options import ROUTE_MODES, RouteMode
from edgekit.app.stats import SessionStats


class Responder(Protocol):
    """Produces one answer for a conversation; implemented over EdgeClient or Engine."""

    def respond(
        self,
        messages: Sequence[Mapping[str, str]],
        *,
        route: RouteMode,
        offline: bool,
        on_event: EventSink,
    ) -> Answer: ...

    def set_offline(self, offline: bool) -> None: ...

    def link_stats(self) -> dict[str, Any] | None: ...

    def close(self) -> None: ...


class ChatSession:
    """State of one chat; :meth:`ask` runs a question through the responder."""

    def __init__(
        self,
        responder: Responder,
        *,
        route: RouteMode = "auto",
        system: str | None = None,
        history_turns: int = 6,
        offline: bool = False,
    ) -> None:
        self.responder = responder
        self.route: RouteMode = route
        self.offline = offline
        self.stats = SessionStats()
        self.last: Answer | None = None
        self.last_message: str | None = None
        self._system = system
        self._turns: list[tuple[str, str]] = []
        self._history_turns = history_turns

    @property
    def system(self) -> str | None:
        """The conversation's system prompt (``--system``), if any."""
        return self._system

    def messages_for(self, text: str, system: str | None = None) -> list[dict[str, str]]:
        """The messages sent to the model: system, recent turns, the new question."""
        messages: list[dict[str, str]] = []
        system = system or self._system
        if system:
            messages.append({"role": "system", "content": system})
        for question, answer in self._turns[-self._history_turns :]:
            messages.append({"role": "user", "content": question})
            messages.append({"role": "assistant", "content": answer})
        messages.append({"role": "user", "content": text})
        return messages

    def ask(self, text: str, on_event: EventSink, *, system: str | None = None) -> Answer:
        """Answer ``text`` in the context of the conversation so far.

        ``system`` replaces the conversation's system prompt for this question.
        """
        self.last_message = text
        answer = self.responder.respond(
            self.messages_for(text, system),
            route=self.route,
            offline=self.offline,
            on_event=on_event,
        )
        self._turns.append((text, answer.text))
        self.last = answer
        self.stats.record(answer, offline=self.offline)
        return answer

    def set_route(self, mode: str) -> RouteMode:
        """Change the route mode; raises ValueError for an unknown one."""
        for known in ROUTE_MODES:
            if mode == known:
                self.route = known
                return known
        raise ValueError(mode)

    def clear(self) -> None:
        """Forget the conversation (totals stay)."""
        self._turns.clear()
        self.last = None
        self.last_message = None

    def close(self) -> None:
        self.responder.close()
