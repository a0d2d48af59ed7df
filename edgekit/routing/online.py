"""Online statistics of a deployment's own traffic, in bounded memory.

The client records every gate score (and, when the app tells it, whether an
answer was good). From these the deployment can re-pick its threshold for a
target escalation rate, or see how often accepted answers were bad.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict, deque
from dataclasses import dataclass

import numpy as np

from edgekit.errors import RoutingError
from edgekit.routing.stats import auroc, threshold_for_escalation_rate


@dataclass(frozen=True)
class OnlineSnapshot:
    """Aggregates over the retained window."""

    n_scores: int
    escalation_share: float
    mean_score: float
    n_feedback: int
    accepted_bad_share: float | None
    feedback_auroc: float | None


class OnlineStats:
    """Ring buffers of recent scores and feedback (thread-safe)."""

    def __init__(self, capacity: int = 2048) -> None:
        if capacity < 1:
            raise RoutingError("online stats capacity must be >= 1")
        self._lock = threading.Lock()
        self._scores: deque[tuple[float, bool]] = deque(maxlen=capacity)
        self._pending: OrderedDict[str, tuple[float, bool]] = OrderedDict()
        self._feedback: deque[tuple[float, bool, bool]] = deque(maxlen=capacity)
        self._capacity = capacity

    def record(self, decision_id: str, score: float, escalated: bool) -> None:
        """Remember the score of one decision (NaN/inf scores are ignored)."""
        if not math.isfinite(score):
            return
        with self._lock:
            self._scores.append((score, escalated))
            self._pending[decision_id] = (score, escalated)
            while len(self._pending) > self._capacity:
                self._pending.popitem(last=False)

    def feedback(self, decision_id: str, *, good: bool) -> bool:
        """Attach a quality label to a recent decision; False when it is unknown or evicted."""
        with self._lock:
            entry = self._pending.pop(decision_id, None)
            if entry is None:
                return False
            self._feedback.append((entry[0], entry[1], good))
            return True

    def scores(self) -> list[float]:
        """Retained scores, oldest first."""
        with self._lock:
            return [s for s, _ in self._scores]

    def threshold_for_escalation_rate(self, rate: float, *, min_samples: int = 20) -> float:
        """Threshold that would have escalated ``rate`` of the retained scores."""
        scores = self.scores()
        if len(scores) < min_samples:
            raise RoutingError(
                f"need at least {min_samples} recorded scores to refit, have {len(scores)}"
            )
        return threshold_for_escalation_rate(scores, rate)

    def snapshot(self) -> OnlineSnapshot:
        """Current aggregates."""
        with self._lock:
            scores = list(self._scores)
            feedback = list(self._feedback)
        n = len(scores)
        esc = sum(1 for _, e in scores if e) / n if n else 0.0
        mean = float(np.mean([s for s, _ in scores])) if n else math.nan
        accepted = [good for _, escalated, good in feedback if not escalated]
        bad_share = (1.0 - sum(accepted) / len(accepted)) if accepted else None
        au = None
        if feedback:
            value = auroc([s for s, _, _ in feedback], [g for _, _, g in feedback])
            au = None if math.isnan(value) else value
        return OnlineSnapshot(n, esc, mean, len(feedback), bad_share, au)
