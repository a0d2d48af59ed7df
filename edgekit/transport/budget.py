"""A local spending cap: calls and tokens over a sliding hour."""

from __future__ import annotations

import contextlib
import time
from collections import deque
from dataclasses import dataclass

from edgekit.errors import CloudRateLimited
from edgekit.transport.breaker import Clock
from edgekit.transport.config import BudgetConfig

WINDOW_S = 3600.0


@dataclass(slots=True, eq=False)
class BudgetTicket:
    """One reserved call in the window (its tokens are added when known)."""

    at: float
    tokens: int


class Budget:
    """Counts calls and tokens spent within the last hour.

    ``acquire()`` reserves one call before the request leaves (raising
    :class:`~edgekit.errors.CloudRateLimited` with ``retry_after`` when the cap
    is reached); ``charge(ticket, tokens)`` adds the tokens the call consumed.
    Token caps are checked before a call, so the call that crosses the cap is
    allowed and the next one is refused.
    """

    def __init__(self, config: BudgetConfig, *, clock: Clock = time.monotonic) -> None:
        self._config = config
        self._clock = clock
        self._entries: deque[BudgetTicket] = deque()

    def _expire(self, now: float) -> None:
        while self._entries and self._entries[0].at <= now - WINDOW_S:
            self._entries.popleft()

    @property
    def calls_used(self) -> int:
        """Calls made in the last hour."""
        self._expire(self._clock())
        return len(self._entries)

    @property
    def tokens_used(self) -> int:
        """Tokens charged in the last hour."""
        self._expire(self._clock())
        return sum(entry.tokens for entry in self._entries)

    def acquire(self) -> BudgetTicket:
        """Reserve a call now, or raise ``CloudRateLimited``."""
        now = self._clock()
        self._expire(now)
        calls_cap = self._config.calls_per_hour
        if calls_cap is not None and len(self._entries) >= calls_cap:
            raise self._refuse(now, "call")
        tokens_cap = self._config.tokens_per_hour
        if tokens_cap is not None and self.tokens_used >= tokens_cap:
            raise self._refuse(now, "token")
        entry = BudgetTicket(at=now, tokens=0)
        self._entries.append(entry)
        return entry

    def charge(self, ticket: BudgetTicket, tokens: int) -> None:
        """Record the tokens a reserved call consumed."""
        ticket.tokens += max(0, int(tokens))

    def refund(self, ticket: BudgetTicket) -> None:
        """Forget a reserved call that never left the device."""
        with contextlib.suppress(ValueError):
            self._entries.remove(ticket)

    def _refuse(self, now: float, kind: str) -> CloudRateLimited:
        retry_after = self._entries[0].at + WINDOW_S - now if self._entries else WINDOW_S
        if kind == "token":
            retry_after = self._time_until_tokens_fit(now)
        return CloudRateLimited(
            f"local {kind} budget per hour exhausted", retry_after=max(0.0, retry_after)
        )

    def _time_until_tokens_fit(self, now: float) -> float:
        cap = self._config.tokens_per_hour or 0
        remaining = sum(entry.tokens for entry in self._entries)
        for entry in self._entries:
            remaining -= entry.tokens
            if remaining < cap:
                return entry.at + WINDOW_S - now
        return 0.0
