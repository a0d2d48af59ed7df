"""Logistic fit, AUROC, confidence bounds and the risk-controlling threshold."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edgekit.errors import CalibrationError
from edgekit.routing.logistic import fit_logistic
from edgekit.routing.stats import (
    auroc,
    binom_cdf,
    clopper_pearson_upper,
    hoeffding_upper,
    risk_controlling_threshold,
    threshold_for_escalation_rate,
)


def test_logistic_fit_recovers_known_weights() -> None:
    rng = np.random.default_rng(1)
    x = rng.normal(size=(20000, 3)) * [1.0, 4.0, 0.3] + [0.0, 2.0, -1.0]
    true_w, true_b = np.array([1.2, -0.5, 4.0]), 0.7
    p = 1 / (1 + np.exp(-(x @ true_w + true_b)))
    y = (rng.random(len(p)) < p).astype(float)
    model = fit_logistic(x, y, ["a", "b", "c"], l2=1e-3)
    w, b = model.raw_coefficients()
    np.testing.assert_allclose(w, true_w, rtol=0.1)
    assert abs(b - true_b) < 0.15
    assert abs(model.score({"a": 0.0, "b": 0.0, "c": 0.0}) - 1 / (1 + math.exp(-b))) < 1e-9


def test_logistic_l2_shrinks_weights() -> None:
    rng = np.random.default_rng(2)
    x = rng.normal(size=(200, 2))
    y = (x[:, 0] + rng.normal(size=200) > 0).astype(float)
    loose = fit_logistic(x, y, ["a", "b"], l2=1e-4)
    tight = fit_logistic(x, y, ["a", "b"], l2=100.0)
    assert np.linalg.norm(tight.weights) < np.linalg.norm(loose.weights)


def test_logistic_rejects_bad_input() -> None:
    with pytest.raises(CalibrationError):
        fit_logistic([[1.0], [2.0]], [0, 2], ["a"])
    with pytest.raises(CalibrationError):
        fit_logistic([[1.0], [float("nan")]], [0, 1], ["a"])
    with pytest.raises(CalibrationError):
        fit_logistic([[1.0, 2.0]], [1], ["a"])


def _pairwise_auroc(scores: list[float], labels: list[bool]) -> float:
    pos = [s for s, y in zip(scores, labels, strict=True) if y]
    neg = [s for s, y in zip(scores, labels, strict=True) if not y]
    total = sum(1.0 if p > n else 0.5 if p == n else 0.0 for p in pos for n in neg)
    return total / (len(pos) * len(neg))


@given(
    st.lists(
        st.tuples(st.integers(min_value=0, max_value=6), st.booleans()), min_size=2, max_size=60
    )
)
@settings(max_examples=150, deadline=None)
def test_auroc_matches_pairwise_count(pairs: list[tuple[int, bool]]) -> None:
    scores = [float(s) for s, _ in pairs]
    labels = [y for _, y in pairs]
    got = auroc(scores, labels)
    if all(labels) or not any(labels):
        assert math.isnan(got)
    else:
        assert got == pytest.approx(_pairwise_auroc(scores, labels), abs=1e-12)


def test_binomial_bounds() -> None:
    assert binom_cdf(3, 3, 0.4) == 1.0
    assert binom_cdf(0, 10, 0.5) == pytest.approx(0.5**10)
    # Known value: 0 successes in 10, 95% one-sided upper bound = 1 - 0.05**(1/10).
    assert clopper_pearson_upper(0, 10, 0.05) == pytest.approx(1 - 0.05**0.1, abs=1e-9)
    assert clopper_pearson_upper(5, 10, 0.05) > 0.5
    assert clopper_pearson_upper(10, 10, 0.05) == 1.0
    assert hoeffding_upper(0, 0, 0.1) == 1.0


@given(
    seed=st.integers(min_value=0, max_value=10_000),
    alpha=st.sampled_from([0.15, 0.2, 0.3]),
    n=st.sampled_from([150, 300, 600]),
)
@settings(max_examples=10, deadline=None)
@pytest.mark.parametrize("method", ["fixed_sequence", "bonferroni"])
def test_risk_threshold_guarantee_holds(seed: int, alpha: float, n: int, method: str) -> None:
    """Over many calibration draws, accepted-set risk exceeds alpha in at most ~delta of them.

    Scores are uniform and P(error | s) = 0.8 (1 - s), so the true risk of
    accepting ``s >= t`` is exactly 0.4 (1 - t).
    """
    rng = np.random.default_rng(seed)
    delta, trials, violations, accepted = 0.1, 100, 0, 0
    for _ in range(trials):
        scores = rng.random(n)
        errors = rng.random(n) < (1.0 - scores) * 0.8
        res = risk_controlling_threshold(scores, errors, alpha=alpha, delta=delta, method=method)  # type: ignore[arg-type]
        if res.feasible:
            accepted += 1
            violations += 0.4 * (1.0 - res.threshold) > alpha
    assert violations <= 15  # P(Binomial(100, 0.1) > 15) < 0.04; LTT is far below delta
    if alpha >= 0.3 and n >= 600:
        assert accepted >= 90  # and the guarantee is not bought by refusing everything


def test_risk_threshold_infeasible_accepts_nothing() -> None:
    res = risk_controlling_threshold([0.9, 0.8, 0.7], [1, 1, 1], alpha=0.05)
    assert not res.feasible
    assert res.threshold == math.inf
    assert res.accepted_share == 0.0


def test_threshold_for_escalation_rate() -> None:
    scores = np.linspace(0, 1, 101)
    thr = threshold_for_escalation_rate(scores, 0.3)
    assert np.mean(scores < thr) == pytest.approx(0.3, abs=0.011)
    assert threshold_for_escalation_rate(scores, 0.0) == -math.inf
    assert threshold_for_escalation_rate(scores, 1.0) == math.inf
    with pytest.raises(CalibrationError):
        threshold_for_escalation_rate([], 0.2)


def test_fixed_sequence_accepts_where_bonferroni_cannot() -> None:
    """40 clean answers on top: enough for fixed-sequence testing at delta, not at delta / 51."""
    scores = np.r_[np.linspace(0.99, 0.81, 40), np.linspace(0.5, 0.0, 60)]
    errors = np.r_[np.zeros(38), np.ones(2), np.ones(60)]
    fixed = risk_controlling_threshold(scores, errors, alpha=0.2, delta=0.1)
    bonf = risk_controlling_threshold(scores, errors, alpha=0.2, delta=0.1, method="bonferroni")
    assert fixed.feasible
    assert fixed.accepted_share == pytest.approx(0.4, abs=0.03)
    assert fixed.accepted_share > bonf.accepted_share
    assert fixed.risk_upper_bound <= 0.2


def test_one_early_error_among_few_confident_items_no_longer_ends_the_sequence() -> None:
    """The most confident answer is wrong; 200 mostly right ones follow (1 in 16 wrong)."""
    scores = np.r_[0.995, np.linspace(0.97, 0.5, 200), np.linspace(0.45, 0.0, 100)]
    errors = np.r_[1, np.arange(200) % 16 == 8, np.ones(100)]
    eager = risk_controlling_threshold(scores, errors, alpha=0.2, delta=0.1, start_slack=0.0)
    patient = risk_controlling_threshold(scores, errors, alpha=0.2, delta=0.1, start_slack=0.5)
    assert patient.accepted_share > eager.accepted_share + 0.3
    assert patient.risk_upper_bound <= 0.2
    with pytest.raises(CalibrationError):
        risk_controlling_threshold(scores, errors, alpha=0.2, start_slack=1.0)
