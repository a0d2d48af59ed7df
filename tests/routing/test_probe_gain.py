"""Hidden-state probe and gain gate on synthetic data with a known structure."""

from __future__ import annotations

import math

import numpy as np
import pytest

from edgekit.errors import CalibrationError
from edgekit.routing.gain import (
    CLOUD_BASE_FEATURES,
    LOCAL_BASE_FEATURES,
    GainGate,
    GainTrainingSet,
    fit_gain_gate,
    keep_score,
)
from edgekit.routing.probe import HiddenProbe, cross_fit, fit_probe
from edgekit.routing.stats import auroc


def hidden_data(n: int, dim: int, seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """States with a low-rank latent factor that drives the outcome, plus wide noise."""
    rng = np.random.default_rng(seed)
    latent = rng.normal(size=(n, 2))
    basis = rng.normal(size=(2, dim)) * 2.0
    x = rng.normal(size=(n, dim)) * rng.uniform(0.5, 2.0, dim) + latent @ basis + 5.0
    y = (rng.random(n) < 1 / (1 + np.exp(-2.5 * latent[:, 0]))).astype(float)
    return x, y, latent


def test_probe_finds_the_latent_factor_and_round_trips() -> None:
    x, y, _ = hidden_data(240, 48, 1)
    probe, oof = fit_probe(x[:160], y[:160], ranks=(4, 16), l2s=(1.0, 10.0), folds=4)
    assert auroc(probe.predict_proba(x[160:]), y[160:]) > 0.8
    assert auroc(oof, y[:160]) > 0.75  # out-of-fold scores are honest, not memorized
    again = HiddenProbe.from_dict(probe.as_dict())
    assert np.allclose(again.predict_proba(x[160:]), probe.predict_proba(x[160:]), atol=1e-4)
    assert probe.score(x[0]) == pytest.approx(float(probe.predict_proba(x[:1])[0]))
    assert cross_fit(x[:40], y[:40], rank=4, l2=1.0, folds=4).shape == (40,)


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d.pop("weights"),
        lambda d: d.update(weights="not base64!"),
        lambda d: d.update(dim=3),
        lambda d: d.update(bias="nan"),
        lambda d: d.update(
            scale=HiddenProbe(
                mean=np.zeros(48), scale=np.ones(48), weights=np.zeros(48), bias=0.0, rank=1, l2=1.0
            ).as_dict()["mean"]
        ),
    ],
)
def test_malformed_probes_are_refused(mutate: object) -> None:
    x, y, _ = hidden_data(40, 48, 2)
    doc = fit_probe(x, y, ranks=(4,), l2s=(1.0,), folds=4)[0].as_dict()
    mutate(doc)  # type: ignore[operator]
    with pytest.raises(CalibrationError):
        HiddenProbe.from_dict(doc)


def test_probe_refuses_bad_training_data() -> None:
    x, y, _ = hidden_data(40, 8, 3)
    with pytest.raises(CalibrationError):
        fit_probe(x, np.zeros(40))
    with pytest.raises(CalibrationError):
        fit_probe(x[:, :, None], y)
    with pytest.raises(CalibrationError):
        HiddenProbe(mean=np.zeros(4), scale=np.ones(4), weights=np.zeros(3), bias=0, rank=1, l2=1)
    probe = fit_probe(x, y, ranks=(2,), l2s=(1.0,), folds=4)[0]
    with pytest.raises(CalibrationError):
        probe.predict_proba(np.zeros((1, 9)))


def test_keep_score_ranks_by_gain_per_cost() -> None:
    assert keep_score(0.2, 0.9).item() == pytest.approx(0.15)  # big gain: escalate first
    assert keep_score(0.2, 0.2).item() == pytest.approx(0.5)  # both fail: no gain
    assert keep_score(0.9, 0.2).item() == pytest.approx(0.85)
    assert keep_score(0.2, 0.9, cost=2.0).item() == pytest.approx(0.325)
    with pytest.raises(CalibrationError):
        keep_score(0.2, 0.9, cost=0.0)


def gain_data(n: int, seed: int, dim: int | None) -> GainTrainingSet:
    """Local success follows the draft's mean logprob; cloud success a prompt feature."""
    rng = np.random.default_rng(seed)
    local_x = rng.normal(size=(n, len(LOCAL_BASE_FEATURES)))
    cloud_x = rng.normal(size=(n, len(CLOUD_BASE_FEATURES)))
    local_ok = (rng.random(n) < 1 / (1 + np.exp(-2 * local_x[:, 0]))).astype(float)
    cloud_ok = (rng.random(n) < 1 / (1 + np.exp(-2 * cloud_x[:, 3] - 1))).astype(float)
    hidden = None
    if dim is not None:
        hidden = rng.normal(size=(n, dim))
        hidden[:, 0] += 2 * local_x[:, 0]
    return GainTrainingSet(
        local_x=local_x, cloud_x=cloud_x, local_ok=local_ok, cloud_ok=cloud_ok, hidden=hidden
    )


def _features(data: GainTrainingSet, i: int) -> dict[str, float]:
    return {
        **dict(zip(LOCAL_BASE_FEATURES, data.local_x[i], strict=True)),
        **dict(zip(CLOUD_BASE_FEATURES, data.cloud_x[i], strict=True)),
    }


@pytest.mark.parametrize("dim", [None, 16])
def test_gain_gate_learns_both_probabilities_and_round_trips(dim: int | None) -> None:
    train, test = gain_data(300, 4, dim), gain_data(200, 5, dim)
    gate = fit_gain_gate(train, probe_tokens=5)
    assert gate.uses_hidden == (dim is not None)
    probs = np.asarray(
        [
            gate.probabilities(_features(test, i), None if test.hidden is None else test.hidden[i])
            for i in range(200)
        ]
    )
    assert auroc(probs[:, 0], test.local_ok) > 0.75
    assert auroc(probs[:, 1], test.cloud_ok) > 0.7
    scores = keep_score(probs[:, 0], probs[:, 1])
    realized_gain = test.cloud_ok - test.local_ok
    # escalating the lowest-scored half gains more than escalating the other half
    order = np.argsort(scores)
    assert realized_gain[order[:100]].mean() > realized_gain[order[100:]].mean() + 0.2
    again = GainGate.from_dict(gate.as_dict())
    hidden = None if test.hidden is None else test.hidden[0]
    assert again.score(_features(test, 0), hidden) == pytest.approx(
        gate.score(_features(test, 0), hidden), abs=1e-5
    )
    assert GainGate.from_dict(gate.with_threshold(math.inf).as_dict()).threshold == math.inf


def test_gain_gate_refuses_inconsistent_input() -> None:
    gate = fit_gain_gate(gain_data(120, 6, 8), probe_tokens=5)
    data = gain_data(2, 7, None)
    with pytest.raises(CalibrationError):
        gate.score(_features(data, 0))  # a probe gate needs the hidden state
    doc = gate.as_dict()
    doc["cloud_probe"] = None
    with pytest.raises(CalibrationError):
        GainGate.from_dict(doc)
    with pytest.raises(CalibrationError):
        GainGate.from_dict({**doc, "local": {"weights": []}})
    with pytest.raises(CalibrationError):
        GainGate.from_dict([1, 2])
    with pytest.raises(CalibrationError):
        GainTrainingSet(
            local_x=np.zeros((3, 2)),
            cloud_x=np.zeros((3, 2)),
            local_ok=np.zeros(3),
            cloud_ok=np.zeros(3),
        )


def test_calibration_v3_carries_the_gain_gate_and_old_files_still_load() -> None:
    from dataclasses import replace
    from pathlib import Path

    from edgekit.calibrate.files import load_calibration
    from edgekit.routing.calibration import DEFAULT_CALIBRATION, Calibration

    shipped = load_calibration(DEFAULT_CALIBRATION)
    assert shipped.gain is not None
    assert shipped.gain.uses_hidden
    old = load_calibration(Path(__file__).parent / "data" / "calibration-v2.json")
    v1 = load_calibration(Path(__file__).parent / "data" / "calibration-v1.json")
    assert old.gain is None
    assert v1.gain is None
    gate = fit_gain_gate(gain_data(120, 8, 8), probe_tokens=5).with_threshold(0.4)
    doc = replace(old, gain=gate).as_dict()
    assert doc["version"] == 3
    again = Calibration.from_dict(doc)
    assert again.gain is not None
    assert again.gain.threshold == 0.4
    data = gain_data(1, 9, 8)
    assert data.hidden is not None
    assert again.gain.score(_features(data, 0), data.hidden[0]) == pytest.approx(
        gate.score(_features(data, 0), data.hidden[0]), abs=1e-5
    )
    doc["gain"]["local_probe"]["mean"] = "AAAA"
    with pytest.raises(CalibrationError):
        Calibration.from_dict(doc)
    with pytest.raises(CalibrationError):
        Calibration.from_dict({**doc, "version": 4})
