"""The hidden-state projection a learning client stores, and the refit that reads it."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from edgekit.errors import CalibrationError
from edgekit.routing.calibration import DEFAULT_CALIBRATION, Calibration
from edgekit.routing.gain import (
    CLOUD_BASE_FEATURES,
    LOCAL_BASE_FEATURES,
    GainGate,
    GainTrainingSet,
    fit_gain_gate,
)
from edgekit.routing.projection import (
    MAX_DIMS,
    PROJECTION_FEATURES,
    HiddenProjection,
    fit_projection,
    projection_features,
)
from edgekit.routing.refit import RefitTarget, TrafficExample, gate_scores, refit_gain_gate


def topics(n: int, dim: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """States of two kinds of request: a strong direction tells them apart; the local model
    is right on one kind (92 %) and wrong on the other (90 %)."""
    rng = np.random.default_rng(seed)
    kind = rng.random(n) < 0.5
    direction = np.linspace(-1, 1, dim)
    x = rng.normal(size=(n, dim)) + np.outer(np.where(kind, 4.0, -4.0), direction)
    ok = np.where(kind, rng.random(n) < 0.92, rng.random(n) < 0.1)
    return x, ok.astype(float)


def test_a_projection_keeps_the_main_directions_rounded_and_round_trips() -> None:
    x, _ = topics(200, 40, 0)
    proj = fit_projection(x, 8, decimals=1)
    coords = proj.coordinates(x[0])
    assert len(coords) == 8
    assert all(round(c, 1) == c for c in coords)
    assert len(proj.coordinates(x[0], 3)) == 3
    z = np.asarray([proj.coordinates(row)[0] for row in x])
    assert abs(np.corrcoef(z, x @ np.linspace(-1, 1, 40))[0, 1]) > 0.95  # the strong direction
    again = HiddenProjection.from_dict(proj.as_dict())
    assert again.coordinates(x[1]) == pytest.approx(proj.coordinates(x[1]), abs=0.11)
    assert projection_features((1.0, 2.0)) == {"hidden_pc0": 1.0, "hidden_pc1": 2.0}
    with pytest.raises(CalibrationError):
        proj.coordinates(x[0][:10])
    with pytest.raises(CalibrationError):
        fit_projection(x[:5], 8)
    with pytest.raises(CalibrationError):
        fit_projection(x, MAX_DIMS + 1)


@pytest.mark.parametrize("mutate", [
    lambda d: d.pop("basis"),
    lambda d: d.update(dims=40),
    lambda d: d.update(width=3),
    lambda d: d.update(basis="not base64!"),
    lambda d: d.update(decimals=9),
])  # fmt: skip
def test_a_malformed_projection_is_refused(mutate: object) -> None:
    doc = fit_projection(topics(50, 12, 1)[0], 4).as_dict()
    mutate(doc)  # type: ignore[operator]
    with pytest.raises(CalibrationError):
        HiddenProjection.from_dict(doc)


def gate_with_projection(x: np.ndarray, y: np.ndarray) -> GainGate:
    n = x.shape[0]
    signals = np.random.default_rng(2).normal(size=(n, len(LOCAL_BASE_FEATURES)))
    data = GainTrainingSet(local_x=signals,
                           cloud_x=np.zeros((n, len(CLOUD_BASE_FEATURES))), local_ok=y,
                           cloud_ok=np.ones(n), hidden=x)  # fmt: skip
    return fit_gain_gate(data, projection_dims=4)


def test_the_calibration_file_carries_the_projection() -> None:
    x, y = topics(120, 24, 3)
    gate = gate_with_projection(x, y)
    assert gate.projection is not None
    assert gate.projection.dims == 4
    assert gate.projection_dims_read == 0  # the calibrated models do not read it
    base = Calibration.from_json(DEFAULT_CALIBRATION.read_bytes())
    cal = dataclasses.replace(base, model_sha256=None, gain=gate)
    again = Calibration.from_json(cal.to_json().encode())
    assert again.gain is not None
    assert again.gain.projection is not None
    assert again.gain.projection.dims == 4
    local = dataclasses.replace(gate.local, feature_names=(*gate.local.feature_names[:-1],
                                                           PROJECTION_FEATURES[5]))  # fmt: skip
    with pytest.raises(CalibrationError):  # a model reading coordinates the gate lacks
        dataclasses.replace(gate, local=local)


def traffic(gate: GainGate, x: np.ndarray, y: np.ndarray, seed: int) -> list[TrafficExample]:
    """Labelled requests as a learning client stores them: gate inputs + coordinates."""
    assert gate.projection is not None
    rng = np.random.default_rng(seed)
    rows = []
    for i, (state, ok) in enumerate(zip(x, y, strict=True)):
        feats = {n: float(rng.normal()) for n in (*LOCAL_BASE_FEATURES, *CLOUD_BASE_FEATURES)}
        feats["hidden_local_score"] = feats["hidden_cloud_score"] = 0.5  # the probe knows nothing
        feats.update(projection_features(gate.projection.coordinates(state)))
        rows.append(TrafficExample(features=feats, local_ok=bool(ok), audit=i % 2 == 0,
                                   key=f"r{seed}-{i}"))  # fmt: skip
    return rows


def test_a_refit_on_the_stored_coordinates_learns_the_deployments_kinds_of_request() -> None:
    x, _ = topics(200, 24, 4)
    # calibrated where the outcome did not depend on the kind: the probe learnt nothing of it
    gate = gate_with_projection(x, np.random.default_rng(5).random(200) < 0.5).with_threshold(0.4)
    tx, ty = topics(1600, 24, 6)
    rows = traffic(gate, tx, ty, 7)
    out = refit_gain_gate(gate, rows, target=RefitTarget(max_local_error=0.25, delta=0.1))
    assert out.accepted, out.reason
    assert out.report["best"] == "projection"
    assert out.gate.projection_dims_read > 0
    assert out.report["candidates"]["projection"]["kept_share"] > (
        out.report["candidates"]["refit"]["kept_share"] + 0.2
    )
    fresh = traffic(gate, *topics(2000, 24, 8), 9)
    kept = gate_scores(out.gate, fresh) >= out.gate.threshold
    assert kept.mean() > 0.3
    assert np.mean([not e.local_ok for e, k in zip(fresh, kept, strict=True) if k]) <= 0.25
    # the gate scores a live request from its hidden state, as the client does
    feats = {k: v for k, v in fresh[0].features.items() if k not in PROJECTION_FEATURES}
    p_local, _ = out.gate.probabilities(feats, np.asarray(tx[0]))
    assert 0.0 < p_local < 1.0
    # rows without coordinates: no projection candidate
    bare = [
        dataclasses.replace(
            r, features={k: v for k, v in r.features.items() if k not in PROJECTION_FEATURES}
        )
        for r in rows
    ]
    assert (
        "projection"
        not in refit_gain_gate(gate, bare, target=RefitTarget(max_local_error=0.25)).report[
            "candidates"
        ]
    )
