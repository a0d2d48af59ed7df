"""Statistics for routing: AUROC, binomial confidence bounds, threshold selection.

The risk-controlling threshold follows Learn-then-Test (Angelopoulos et al.,
2021): each candidate threshold is a hypothesis "the error rate of accepted
answers exceeds alpha", tested with an exact binomial (Clopper-Pearson) p-value
on a held-out split, over a fixed grid, so the chosen threshold has selective
risk <= alpha with probability >= 1 - delta. The grid is tested by fixed-sequence
testing (strictest threshold first, each at level delta, stop at the first
that fails; LTT section 4) — valid for any order fixed in advance and far more
powerful than a Bonferroni correction over the grid (kept as ``method=
"bonferroni"``), which needs ~30 clean held-out answers at alpha 0.2 before it
can accept anything.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt

from edgekit.errors import CalibrationError

FloatArray = npt.NDArray[np.float64]


def auroc(scores: npt.ArrayLike, labels: npt.ArrayLike) -> float:
    """Area under the ROC curve: P(score of a positive > score of a negative), ties 1/2.

    Computed from average ranks (Mann-Whitney U). ``nan`` when a class is absent.
    """
    s = np.asarray(scores, dtype=np.float64).ravel()
    y = np.asarray(labels).astype(bool).ravel()
    if s.shape != y.shape:
        raise CalibrationError("auroc: scores and labels differ in length")
    n_pos = int(y.sum())
    n_neg = y.size - n_pos
    if n_pos == 0 or n_neg == 0:
        return float("nan")
    order = np.argsort(s, kind="mergesort")
    ranks = np.empty(s.size, dtype=np.float64)
    sorted_s = s[order]
    i = 0
    while i < s.size:  # average ranks over ties
        j = i
        while j + 1 < s.size and sorted_s[j + 1] == sorted_s[i]:
            j += 1
        ranks[order[i : j + 1]] = (i + j) / 2.0 + 1.0
        i = j + 1
    u = float(ranks[y].sum()) - n_pos * (n_pos + 1) / 2.0
    return u / (n_pos * n_neg)


def binom_cdf(k: int, n: int, p: float) -> float:
    """P(Binomial(n, p) <= k), summed in log space."""
    if k < 0:
        return 0.0
    if k >= n:
        return 1.0
    if p <= 0.0:
        return 1.0
    if p >= 1.0:
        return 0.0
    i = np.arange(k + 1, dtype=np.float64)
    log_choose = _log_factorial(n) - _log_factorials(i) - _log_factorials(n - i)
    logs = log_choose + i * math.log(p) + (n - i) * math.log1p(-p)
    top = float(logs.max())
    return min(1.0, math.exp(top) * float(np.exp(logs - top).sum()))


def _log_factorial(n: int) -> float:
    return math.lgamma(n + 1)


def _log_factorials(values: FloatArray) -> FloatArray:
    table = np.concatenate([[0.0], np.cumsum(np.log(np.arange(1, int(values.max()) + 1)))])
    return np.asarray(table[values.astype(int)], dtype=np.float64)


def clopper_pearson_upper(k: int, n: int, delta: float) -> float:
    """One-sided (1 - delta) upper confidence bound on a binomial rate from k of n."""
    if n <= 0:
        return 1.0
    if k >= n:
        return 1.0
    lo, hi = k / n, 1.0
    for _ in range(60):  # bisection: find p with P(X <= k | p) = delta
        mid = (lo + hi) / 2.0
        if binom_cdf(k, n, mid) > delta:
            lo = mid
        else:
            hi = mid
    return hi


def hoeffding_upper(k: int, n: int, delta: float) -> float:
    """Hoeffding (1 - delta) upper bound on a rate from k of n."""
    if n <= 0:
        return 1.0
    return min(1.0, k / n + math.sqrt(math.log(1.0 / delta) / (2.0 * n)))


@dataclass(frozen=True)
class RiskThreshold:
    """Outcome of :func:`risk_controlling_threshold`."""

    threshold: float
    accepted_share: float
    empirical_risk: float
    risk_upper_bound: float
    n_calibration: int
    feasible: bool


def risk_controlling_threshold(
    scores: npt.ArrayLike,
    errors: npt.ArrayLike,
    *,
    alpha: float,
    delta: float = 0.1,
    bound: Literal["clopper_pearson", "hoeffding"] = "clopper_pearson",
    grid: int = 50,
    method: Literal["fixed_sequence", "bonferroni"] = "fixed_sequence",
    start_slack: float = 0.25,
) -> RiskThreshold:
    """Laxest threshold whose accepted items (score >= t) have error rate <= alpha w.p. 1-delta.

    Scores are probabilities; candidates are the fixed grid ``1, …, 1/grid, 0``
    (chosen before seeing data, as Learn-then-Test requires). ``errors[i]`` is
    1 when the local answer for item i is wrong. ``fixed_sequence`` tests them
    strictest first, each at level ``delta``, and stops at the first that fails.
    Grid points that accept too few items to pass with an error rate of
    ``start_slack * alpha`` among them are passed over (0: too few to pass even
    with no error): which points are tested then depends on the scores alone,
    which carry no label, so the test stays valid — and one early error among
    the first few confident items no longer ends the sequence;
    ``bonferroni`` tests every point at ``delta / (grid + 1)``. When no
    threshold passes, nothing is accepted (threshold +inf, ``feasible=False``).
    """
    s = np.asarray(scores, dtype=np.float64).ravel()
    e = np.asarray(errors).astype(bool).ravel()
    if s.shape != e.shape or s.size == 0:
        raise CalibrationError("threshold: scores and errors must be non-empty and equal length")
    if not (0 < alpha < 1 and 0 < delta < 1):
        raise CalibrationError("threshold: alpha and delta must be in (0, 1)")
    if not 0.0 <= start_slack < 1.0:
        raise CalibrationError("threshold: start_slack must be in [0, 1)")
    if grid < 1 or method not in ("fixed_sequence", "bonferroni"):
        raise CalibrationError("threshold: grid must be >= 1, method fixed_sequence|bonferroni")
    upper = clopper_pearson_upper if bound == "clopper_pearson" else hoeffding_upper
    level = delta if method == "fixed_sequence" else delta / (grid + 1)
    best: tuple[float, int, int] | None = None
    for t in np.linspace(1.0, 0.0, grid + 1):  # strictest first; keep the laxest that passes
        acc = s >= t
        n, k = int(acc.sum()), int((acc & e).sum())
        if n == 0 or (
            method == "fixed_sequence" and not _testable(n, alpha, level, bound, start_slack)
        ):
            continue
        # Clopper-Pearson: upper bound <= alpha  <=>  p-value P(X <= k | n, alpha) <= level.
        passes = (
            binom_cdf(k, n, alpha) <= level
            if bound == "clopper_pearson"
            else hoeffding_upper(k, n, level) <= alpha
        )
        if passes:
            best = (float(t), n, k)
        elif method == "fixed_sequence":
            break
    if best is None:
        return RiskThreshold(math.inf, 0.0, 0.0, 0.0, s.size, False)
    t, n, k = best
    return RiskThreshold(t, n / s.size, k / n, upper(k, n, level), s.size, True)


def _testable(n: int, alpha: float, level: float, bound: str, slack: float = 0.0) -> bool:
    """True when ``n`` accepted items could pass the test with ``floor(slack·alpha·n)`` errors."""
    k = math.floor(slack * alpha * n)
    if bound == "clopper_pearson":
        return binom_cdf(k, n, alpha) <= level
    return hoeffding_upper(k, n, level) <= alpha


def threshold_for_escalation_rate(scores: Sequence[float] | FloatArray, rate: float) -> float:
    """Threshold that escalates (score < t) about ``rate`` of the given scores."""
    s = np.sort(np.asarray(scores, dtype=np.float64).ravel())
    if s.size == 0:
        raise CalibrationError("threshold: no scores")
    if not 0.0 <= rate <= 1.0:
        raise CalibrationError("threshold: escalation rate must be in [0, 1]")
    if rate <= 0.0:
        return float(-math.inf)
    if rate >= 1.0:
        return float(math.inf)
    k = round(rate * s.size)
    if k <= 0:
        return float(np.nextafter(s[0], -np.inf))
    if k >= s.size:
        return float(np.nextafter(s[-1], np.inf))
    return float((s[k - 1] + s[k]) / 2.0) if s[k - 1] < s[k] else float(s[k])
