"""Refit on labelled traffic: only a better gate under the same guarantee replaces the old one."""

from __future__ import annotations

import itertools
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from edgekit.errors import CalibrationError
from edgekit.routing.gain import CLOUD_BASE_FEATURES, LOCAL_BASE_FEATURES, GainGate
from edgekit.routing.logistic import LogisticModel
from edgekit.routing.refit import (
    RefitTarget,
    TrafficExample,
    gate_scores,
    in_audit_sample,
    learning_scope,
    refit_gain_gate,
)


def model(names: tuple[str, ...], weights: dict[str, float], bias: float) -> LogisticModel:
    n = len(names)
    return LogisticModel(
        feature_names=names,
        weights=tuple(weights.get(k, 0.0) for k in names),
        bias=bias,
        mean=(0.0,) * n,
        scale=(1.0,) * n,
    )


def traffic(n: int, seed: int, audit_rate: float = 0.5) -> list[TrafficExample]:
    """Local success in this domain follows min_margin, which the shipped gate ignores."""
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(n):
        feats = {k: float(rng.normal()) for k in (*LOCAL_BASE_FEATURES, *CLOUD_BASE_FEATURES)}
        ok = bool(rng.random() < 1 / (1 + np.exp(-3 * feats["min_margin"])))
        audit = bool(rng.random() < audit_rate)
        out.append(TrafficExample(features=feats, local_ok=ok, audit=audit))
    return out


def shipped_gate() -> GainGate:
    return GainGate(
        local=model(LOCAL_BASE_FEATURES, {"mean_logprob": 1.0}, 0.0),
        cloud=model(CLOUD_BASE_FEATURES, {}, 2.0),
        threshold=0.3,
    )


def test_a_better_gate_replaces_the_old_one_and_keeps_the_guarantee() -> None:
    target = RefitTarget(max_local_error=0.2, delta=0.1)
    out = refit_gain_gate(shipped_gate(), traffic(2000, 1), target=target)
    assert out.accepted, out.reason
    assert out.report["candidate"]["kept_share"] > out.report["current"]["kept_share"]
    fresh = traffic(3000, 2)
    scores = gate_scores(out.gate, fresh)
    kept = scores >= out.gate.threshold
    assert kept.mean() > 0.2
    assert np.mean([not e.local_ok for e, k in zip(fresh, kept, strict=True) if k]) <= 0.2


def test_a_gate_that_is_not_better_is_kept() -> None:
    target = RefitTarget(max_local_error=0.2)
    first = refit_gain_gate(shipped_gate(), traffic(2000, 3), target=target)
    assert first.accepted
    again = refit_gain_gate(first.gate, traffic(2000, 4), target=target, seed=1)
    assert not again.accepted
    assert again.gate is first.gate


def test_too_few_labels_or_audits_change_nothing() -> None:
    gate = shipped_gate()
    target = RefitTarget(escalation_rate=0.5)
    few = refit_gain_gate(gate, traffic(30, 5), target=target)
    assert (few.accepted, few.gate) == (False, gate)
    assert "labels" in few.reason
    no_audit = refit_gain_gate(gate, traffic(400, 6, audit_rate=0.0), target=target)
    assert not no_audit.accepted
    assert "audit" in no_audit.reason
    rate = refit_gain_gate(gate, traffic(1000, 7), target=target)
    assert rate.accepted


def test_bad_targets_and_missing_inputs() -> None:
    with pytest.raises(CalibrationError):
        RefitTarget()
    with pytest.raises(CalibrationError):
        RefitTarget(max_local_error=1.5)
    rows = [TrafficExample(features={"mean_logprob": 0.0}, local_ok=True, audit=True)] * 60
    with pytest.raises(CalibrationError, match="lacks"):
        refit_gain_gate(shipped_gate(), rows, target=RefitTarget(escalation_rate=0.5))


def test_calibrate_from_traffic_writes_a_new_version_only_when_better(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from edgekit.calibrate.files import load_calibration, save_calibration
    from edgekit.cli import main
    from edgekit.routing.calibration import DEFAULT_CALIBRATION
    from edgekit.routing.gain import STORED_FEATURES
    from edgekit.traffic import TrafficStore

    current = tmp_path / "current.json"
    calibration = replace(load_calibration(DEFAULT_CALIBRATION), gain=shipped_gate())
    save_calibration(calibration, current)
    store_path = tmp_path / "traffic.sqlite3"
    with TrafficStore(store_path, allowed_features=STORED_FEATURES, scope="other") as other:
        other.record("x", dict(traffic(1, 9)[0].features), score=0.5, escalated=True)
    scope = learning_scope(calibration)  # what a learning client with it writes
    with TrafficStore(store_path, allowed_features=STORED_FEATURES, scope=scope) as store:
        for i, e in enumerate(traffic(2000, 11)):
            store.record(f"d{i}", e.features, score=0.5, escalated=True, audit=e.audit)
            store.label(f"d{i}", local_ok=bool(e.local_ok), source="escalation")
    args = [
        "calibrate",
        "--from-traffic",
        "--store",
        str(store_path),
        "--max-local-error",
        "0.2",
        "--calibration",
        str(current),
        "--out",
        str(tmp_path / "v1.json"),
    ]
    assert main(args) == 0
    new = load_calibration(tmp_path / "v1.json")
    assert new.metadata["traffic_version"] == 1
    assert new.gain is not None
    assert new.gain.local != shipped_gate().local
    again = [
        *args[:-4],
        "--calibration",
        str(tmp_path / "v1.json"),
        "--out",
        str(tmp_path / "v2.json"),
    ]
    assert main(again) == 3
    assert not (tmp_path / "v2.json").exists()
    assert '"accepted": false' in capsys.readouterr().out
    assert (
        main(
            [
                *args[:-2],
                "--out",
                str(tmp_path / "x.json"),
                "--store",
                str(tmp_path / "missing.sqlite3"),
            ]
        )
        != 0
    )


def keyed(rows: list[TrafficExample]) -> list[TrafficExample]:
    return [replace(e, key=f"d{i}") for i, e in enumerate(rows)]


def test_a_gate_shown_to_break_the_guarantee_is_replaced_even_by_escalating_all() -> None:
    """Local answers are right 40 % of the time whatever the inputs: nothing can be kept."""
    rng = np.random.default_rng(8)
    rows = [TrafficExample(features={k: float(rng.normal()) for k in (*LOCAL_BASE_FEATURES,
                                                                     *CLOUD_BASE_FEATURES)},
                           local_ok=bool(rng.random() < 0.4), audit=True, key=f"d{i}")
            for i in range(400)]  # fmt: skip
    lax = replace(shipped_gate(), threshold=0.0)  # keeps everything local
    out = refit_gain_gate(lax, rows, target=RefitTarget(max_local_error=0.2))
    assert out.accepted
    assert out.report["current"]["violates"]
    assert out.gate.threshold == np.inf


def test_the_held_back_split_is_stable_across_refits() -> None:
    """A row held back once is never fitted on: the split follows the decision id, not the seed."""
    rows = keyed(traffic(600, 12))
    target = RefitTarget(max_local_error=0.2)
    a = refit_gain_gate(shipped_gate(), rows, target=target, seed=1)
    b = refit_gain_gate(shipped_gate(), rows, target=target, seed=2)
    assert a.report["n_held"] == b.report["n_held"]
    assert a.report["candidates"] == b.report["candidates"]
    grown = refit_gain_gate(shipped_gate(), keyed(traffic(900, 12)), target=target)
    assert grown.report["n_held"] >= a.report["n_held"]


def test_audit_sample_is_every_request_when_the_gate_keeps_nothing() -> None:
    gate = shipped_gate()
    assert not in_audit_sample(gate, draw=False)
    assert in_audit_sample(gate, draw=True)
    assert in_audit_sample(gate.with_threshold(np.inf), draw=False)


def test_joint_spending_keeps_the_sum_of_all_refit_levels_within_delta() -> None:
    joint = RefitTarget(max_local_error=0.2, delta=0.1)
    levels = [joint.level(k) for k in range(1, 100_001)]
    assert sum(levels) <= 0.1
    assert levels[0] == pytest.approx(0.1 * 6 / np.pi**2)
    assert all(a > b for a, b in itertools.pairwise(levels))
    per = RefitTarget(max_local_error=0.2, delta=0.1, spending="per_refit")
    assert per.level(1) == per.level(50) == 0.1
    with pytest.raises(CalibrationError):
        joint.level(0)
    with pytest.raises(CalibrationError):
        RefitTarget(max_local_error=0.2, spending="none")


def test_a_later_refit_attempt_is_tested_at_its_smaller_share_of_delta() -> None:
    rows = traffic(2000, 1)
    target = RefitTarget(max_local_error=0.2, delta=0.1)
    first = refit_gain_gate(shipped_gate(), rows, target=target, next_attempt=lambda n, g: 1)
    late = refit_gain_gate(shipped_gate(), rows, target=target, next_attempt=lambda n, g: 40)
    assert first.report["attempt"] == 1
    assert late.report["attempt"] == 40
    assert late.report["level"] == pytest.approx(first.report["level"] / 1600)
    # a stricter test can only keep less local (the same thresholds are tested, strictest first)
    assert late.report["candidate"]["kept_share"] <= first.report["candidate"]["kept_share"]
    asked: list[int] = []

    def count(n_held: int, growth: float) -> int:
        asked.append(n_held)
        return len(asked)

    refit_gain_gate(shipped_gate(), rows[:10], target=target, next_attempt=count)
    assert not asked  # too few labels: no test ran, no budget spent


def test_a_refit_is_tested_only_once_the_held_back_audits_have_grown(tmp_path: Path) -> None:
    from edgekit.traffic import TrafficStore

    rows = keyed(traffic(2000, 1))
    target = RefitTarget(max_local_error=0.2, delta=0.1)  # growth 2
    with TrafficStore(tmp_path / "t.sqlite3", allowed_features=("x",)) as store:
        first = refit_gain_gate(shipped_gate(), rows[:600], target=target,
                                next_attempt=store.next_attempt)  # fmt: skip
        assert first.report["attempt"] == 1
        soon = refit_gain_gate(shipped_gate(), rows[:900], target=target,
                               next_attempt=store.next_attempt)  # fmt: skip
        assert not soon.accepted
        assert "not 2x" in soon.reason
        assert "attempt" not in soon.report  # no test ran: nothing spent
        later = refit_gain_gate(shipped_gate(), rows, target=target,
                                next_attempt=store.next_attempt)  # fmt: skip
        assert later.report["attempt"] == 2
    with pytest.raises(CalibrationError):
        RefitTarget(max_local_error=0.2, growth=0.5)
