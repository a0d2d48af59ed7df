"""Measured link quality: RTT and bandwidth EWMAs, recent failures, offline flag."""

from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass

from edgekit.transport.breaker import CircuitState, Clock

RTT_ALPHA = 0.3
BANDWIDTH_ALPHA = 0.3
FAILURE_WINDOW_S = 300.0
MIN_BANDWIDTH_SAMPLE_BYTES = 16 * 1024
MIN_BANDWIDTH_SAMPLE_S = 0.005


@dataclass(frozen=True, kw_only=True, slots=True)
class LinkStats:
    """A snapshot of what the client has measured about the link to the gateway.

    ``rtt_s`` is an EWMA of round trips measured on cheap requests (health,
    key config, models), ``None`` before the first. ``bandwidth_bps`` is an
    EWMA of download throughput (bytes/s) over response bodies large enough to
    measure, ``None`` before the first. ``recent_failures`` counts failures in
    the last five minutes. ``offline`` is true while the circuit is not closed
    or when the last attempt could not reach the gateway at all.
    """

    rtt_s: float | None
    rtt_samples: int
    bandwidth_bps: float | None
    bandwidth_samples: int
    recent_failures: int
    consecutive_failures: int
    circuit: CircuitState
    offline: bool
    last_success_age_s: float | None

    def transfer_time_s(self, n_bytes: int) -> float | None:
        """Estimated time to download ``n_bytes`` (one RTT plus the transfer)."""
        if self.rtt_s is None or self.bandwidth_bps is None:
            return None
        return self.rtt_s + n_bytes / self.bandwidth_bps


class LinkMonitor:
    """Accumulates measurements; :meth:`snapshot` turns them into :class:`LinkStats`."""

    def __init__(self, *, clock: Clock = time.monotonic) -> None:
        self._clock = clock
        self._rtt: float | None = None
        self._rtt_samples = 0
        self._bandwidth: float | None = None
        self._bandwidth_samples = 0
        self._failures: deque[float] = deque(maxlen=1024)
        self._last_success: float | None = None
        self._unreachable = False

    def record_rtt(self, seconds: float) -> None:
        """Add a measured round trip."""
        if seconds < 0:
            return
        self._rtt = seconds if self._rtt is None else _ewma(self._rtt, seconds, RTT_ALPHA)
        self._rtt_samples += 1

    def record_download(self, n_bytes: int, seconds: float) -> None:
        """Add a body transfer; too small or too fast ones carry no information."""
        if n_bytes < MIN_BANDWIDTH_SAMPLE_BYTES or seconds < MIN_BANDWIDTH_SAMPLE_S:
            return
        rate = n_bytes / seconds
        self._bandwidth = (
            rate if self._bandwidth is None else _ewma(self._bandwidth, rate, BANDWIDTH_ALPHA)
        )
        self._bandwidth_samples += 1

    def record_success(self) -> None:
        """The gateway answered."""
        self._last_success = self._clock()
        self._unreachable = False

    def record_failure(self, *, unreachable: bool) -> None:
        """A call failed; ``unreachable`` when the gateway could not be reached at all."""
        self._failures.append(self._clock())
        self._unreachable = unreachable

    def snapshot(self, circuit: CircuitState, consecutive_failures: int) -> LinkStats:
        """The current picture."""
        now = self._clock()
        recent = sum(1 for at in self._failures if at > now - FAILURE_WINDOW_S)
        return LinkStats(
            rtt_s=self._rtt,
            rtt_samples=self._rtt_samples,
            bandwidth_bps=self._bandwidth,
            bandwidth_samples=self._bandwidth_samples,
            recent_failures=recent,
            consecutive_failures=consecutive_failures,
            circuit=circuit,
            offline=circuit is not CircuitState.CLOSED or self._unreachable,
            last_success_age_s=None if self._last_success is None else now - self._last_success,
        )


def _ewma(old: float, new: float, alpha: float) -> float:
    return (1 - alpha) * old + alpha * new
