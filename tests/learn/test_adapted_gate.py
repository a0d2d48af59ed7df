"""The adapted model's gate: a cross-fitted gain gate whose probe finds the facts learned wrong.

Synthetic results shaped like a learning round's: the answers' confidence
is the same whether the fact was learned right or wrong (as measured in
docs/learning.md), but which fact is asked shows in the hidden state.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from edgekit.calibrate.evaluation import evaluate
from edgekit.calibrate.fit import CalibrationTarget
from edgekit.calibrate.records import ItemResult
from edgekit.calibrate.references import crossfit_gain_gate, fit_adapted

DIM = 48
N_FACTS = 30


def _results(seed: int, per_fact: int) -> list[ItemResult]:
    """``per_fact`` phrasings of each fact; a fact is known (right) or learned wrong."""
    rng = np.random.default_rng(seed)
    facts = np.random.default_rng(7).normal(size=(N_FACTS, DIM))
    known = np.random.default_rng(7).random(N_FACTS) < 0.7
    out = []
    for f in range(N_FACTS):
        for j in range(per_fact):
            hidden = facts[f] + 0.3 * rng.normal(size=DIM)
            confident = {
                "mean_logprob": -0.05 + 0.02 * rng.normal(),
                "min_logprob": -0.3,
                "first_k_mean_logprob": -0.02,
                "mean_entropy": 0.2,
                "max_entropy": 1.0,
                "mean_margin": 5.0,
                "min_margin": 1.0,
                "low_conf_share": 0.0,
            }
            out.append(
                ItemResult(
                    item_id=f"{seed}-{f}-{j}",
                    category="learned",
                    prompt_features={
                        "log_chars": 3.5,
                        "n_digits": 0.0,
                        "n_numbers": 0.0,
                        "max_number_len": 0.0,
                        "n_operators": 0.0,
                        "wh_what": 1.0,
                        "wh_which": 0.0,
                        "wh_who": 0.0,
                        "wh_how": 0.0,
                        "has_convert": 0.0,
                        "has_passage": 0.0,
                    },
                    local_correct=bool(known[f]),
                    local_signals=confident,
                    token_logprobs=(-0.05,) * 8,
                    cloud_correct=True,
                    hidden=tuple(hidden.tolist()),
                )
            )
    return out


def test_the_probe_ranks_what_confidence_cannot_and_the_threshold_is_cross_fitted() -> None:
    calibration_set, new_questions = _results(1, 5), _results(2, 2)
    cal = fit_adapted(calibration_set, model_name="m", adapted_sha256="a" * 64)
    assert cal.gain is not None
    assert cal.gain.local_probe is not None
    assert cal.metadata["gain"]["threshold"].startswith("cross-fitted")
    report = evaluate(new_questions, cal)
    assert report.auroc["gain"] > 0.95  # separates by the fact asked
    assert report.share_at_95("gain") < report.share_at_95("cascade")
    share, accuracy = report.operating_points["gain@threshold"]
    assert cal.metadata["gain"]["risk_control"]["feasible"]
    assert share < 0.6  # keeps the known facts local...
    assert accuracy >= 0.9  # ...and few wrong ones


def test_without_hidden_states_the_adapted_calibration_has_the_cascade_gate_only() -> None:
    plain = [dataclasses.replace(r, hidden=()) for r in _results(3, 2)]
    assert fit_adapted(plain, model_name="m", adapted_sha256="b" * 64).gain is None


def test_the_cross_fitted_threshold_escalates_everything_when_nothing_separates() -> None:
    results = _results(4, 3)
    rng = np.random.default_rng(0)
    noisy = [dataclasses.replace(r, local_correct=bool(rng.random() < 0.5)) for r in results]
    base = fit_adapted(noisy, model_name="m", adapted_sha256="c" * 64)
    hidden = np.asarray([r.hidden for r in noisy])
    target = CalibrationTarget(max_local_error=0.1)
    gate = crossfit_gain_gate(base, noisy, hidden, target=target).gain
    assert gate is not None
    assert gate.threshold == float("inf")  # no guarantee can be given: nothing stays local


def test_one_outcome_only_gives_no_gain_gate() -> None:
    all_right = [dataclasses.replace(r, local_correct=True) for r in _results(5, 1)]
    assert fit_adapted(all_right, model_name="m", adapted_sha256="d" * 64).gain is None
