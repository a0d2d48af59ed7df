"""A circuit breaker with an injectable clock.

States: ``closed`` (calls flow; consecutive failures are counted),
``open`` (calls fail fast until the cool-down has passed), ``half_open`` (the
cool-down passed; exactly one caller may probe, everyone else still fails fast).
A successful probe closes the circuit; a failed one re-opens it with a doubled
cool-down (capped), so a long outage is probed ever less often.
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable

from edgekit.transport.config import BreakerConfig

Clock = Callable[[], float]


class CircuitState(enum.Enum):
    """Where the breaker stands."""

    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half_open"


class CircuitBreaker:
    """Tracks consecutive failures and decides whether a call may go out."""

    def __init__(self, config: BreakerConfig, *, clock: Clock = time.monotonic) -> None:
        self._config = config
        self._clock = clock
        self._consecutive_failures = 0
        self._opened_at: float | None = None
        self._cooldown = config.cooldown_s
        self._probing = False

    @property
    def state(self) -> CircuitState:
        """The current state, as of now on the clock."""
        if self._opened_at is None:
            return CircuitState.CLOSED
        if self._probing or self._clock() - self._opened_at >= self._cooldown:
            return CircuitState.HALF_OPEN
        return CircuitState.OPEN

    @property
    def consecutive_failures(self) -> int:
        """Failures since the last success."""
        return self._consecutive_failures

    def retry_in(self) -> float:
        """Seconds until a probe is due (0 when closed or half-open)."""
        if self._opened_at is None:
            return 0.0
        return max(0.0, self._opened_at + self._cooldown - self._clock())

    def try_acquire_probe(self) -> bool:
        """In half-open state, claim the single probe slot; ``False`` if taken or not due."""
        if self.state is not CircuitState.HALF_OPEN or self._probing:
            return False
        self._probing = True
        return True

    def record_success(self) -> None:
        """A call (or probe) succeeded: close the circuit."""
        self._consecutive_failures = 0
        self._opened_at = None
        self._cooldown = self._config.cooldown_s
        self._probing = False

    def record_failure(self) -> None:
        """A call (or probe) failed; open (or re-open) the circuit when due."""
        self._consecutive_failures += 1
        if self._probing or self._opened_at is not None:
            self._cooldown = min(self._cooldown * 2, self._config.max_cooldown_s)
            self._opened_at = self._clock()
        elif self._consecutive_failures >= self._config.failures_to_open:
            self._opened_at = self._clock()
        self._probing = False

    def release_probe(self) -> None:
        """Give the probe slot back without a verdict (the probe was cancelled)."""
        self._probing = False
