"""The gate only sees inputs like its calibration data: a token window, clipped features."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edgekit.calibrate.files import load_calibration, save_calibration
from edgekit.calibrate.fit import CalibrationTarget, fit_calibration
from edgekit.calibrate.records import ItemResult
from edgekit.calibrate.runner import Generation
from edgekit.errors import CalibrationError
from edgekit.local.signals import TokenSignal
from edgekit.routing.calibration import (
    DEFAULT_CALIBRATION,
    GATE_FEATURES,
    SCHEMA_VERSION,
    Calibration,
)
from edgekit.routing.features import (
    LEGACY_SIGNAL_FEATURES,
    SIGNAL_FEATURES,
    signal_features,
    window_features,
)
from edgekit.routing.logistic import Z_CLIP, LogisticModel, fit_logistic

V1_FILE = Path(__file__).parent / "data" / "calibration-v1.json"


def _tokens(n: int, logprob: float = -0.2) -> list[TokenSignal]:
    return [TokenSignal(logprob, 0.5, 0.8) for _ in range(n)]


def test_v2_gate_has_no_verbosity_features() -> None:
    assert "log_n_tokens" not in GATE_FEATURES
    assert "hit_length" not in GATE_FEATURES
    assert set(SIGNAL_FEATURES) < set(LEGACY_SIGNAL_FEATURES)


def test_window_features_score_the_prefix_calibration_saw() -> None:
    head = [TokenSignal(-0.1 * i, 0.5, 0.9) for i in range(16)]
    long_answer = head + _tokens(200, logprob=-5.0)
    feats = window_features(long_answer, window=16, finish_reason="stop")
    assert feats == signal_features(head, finish_reason="length")
    assert feats["hit_length"] == 1.0  # it went on past the window: as a cut calibration answer
    short = _tokens(5)
    assert window_features(short, window=16, finish_reason="stop") == signal_features(
        short, finish_reason="stop"
    )
    with pytest.raises(ValueError, match="window"):
        window_features(short, window=0, finish_reason="stop")


def test_generation_recomputes_window_features_from_per_token_signals() -> None:
    toks = [TokenSignal(-0.1 * i, 0.1 * i, 0.5) for i in range(40)]
    gen = Generation(
        text="x",
        token_logprobs=tuple(t.logprob for t in toks),
        signals={},
        latency_s=0.0,
        finish_reason="stop",
        token_entropies=tuple(t.entropy for t in toks),
        token_margins=tuple(t.margin for t in toks),
    )
    assert gen.window_signals(16) == window_features(toks, window=16, finish_reason="stop")
    assert Generation.from_dict(gen.as_dict()) == gen
    legacy = Generation(
        text="x",
        token_logprobs=(-0.1,) * 40,
        signals={"a": 1.0},
        latency_s=0.0,
        finish_reason="length",
    )
    with pytest.raises(CalibrationError, match="per-token"):
        legacy.window_signals(16)  # cannot be cut to the window: refuse, do not guess


def _model() -> LogisticModel:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(300, 2))
    y = (x[:, 0] + 0.3 * rng.normal(size=300) > 0).astype(float)
    return fit_logistic(x, y, ("a", "b"), l2=0.01)


def test_fitted_model_clips_inputs_to_the_fitted_range() -> None:
    model = _model()
    assert model.lower is not None
    assert model.upper is not None
    at_edge = model.score({"a": model.upper[0], "b": 0.0})
    assert model.score({"a": 1e12, "b": 0.0}) == pytest.approx(at_edge)
    assert model.score({"a": math.nan, "b": 0.0}) == pytest.approx(
        model.score({"a": model.lower[0], "b": 0.0})
    )
    assert model.out_of_range({"a": 1e12, "b": 0.0}) == ["a"]
    assert model.out_of_range({"a": 0.0, "b": 0.0}) == []


def test_model_without_bounds_clips_z_scores() -> None:
    model = LogisticModel(feature_names=("a",), weights=(2.0,), bias=0.0, mean=(0.0,), scale=(1.0,))
    limit = 1.0 / (1.0 + math.exp(-2.0 * Z_CLIP))
    assert model.score({"a": 1e9}) == pytest.approx(limit)
    assert model.score({"a": -1e9}) == pytest.approx(1.0 - limit)


@settings(max_examples=60, deadline=None)
@given(name=st.sampled_from(GATE_FEATURES), value=st.sampled_from([-1e12, -1e3, 1e3, 1e12]))
def test_no_single_feature_saturates_the_shipped_gate(name: str, value: float) -> None:
    """One absurd input moves the score no further than the calibration range allows."""
    gate = load_calibration(DEFAULT_CALIBRATION).gate
    typical = dict(zip(gate.model.feature_names, gate.model.mean, strict=True))
    score = gate.score({**typical, name: value})
    assert 0.005 < score < 0.995
    lo, hi = gate.model.bounds()
    i = gate.model.feature_names.index(name)
    edge = hi[i] if value > 0 else lo[i]
    assert score == pytest.approx(gate.score({**typical, name: float(edge)}))


def test_shipped_calibration_is_v2_and_records_its_conditions() -> None:
    cal = load_calibration(DEFAULT_CALIBRATION)
    doc = json.loads(DEFAULT_CALIBRATION.read_text(encoding="utf-8"))
    assert doc["version"] >= 2  # v3 once the gain gate ships
    assert SCHEMA_VERSION == 3
    assert cal.gate.window == cal.metadata["conditions"]["gate_window"]
    styles = cal.metadata["conditions"]["styles"]
    assert styles["chat"]["system_prompt"] is None  # the client's defaults
    assert styles["terse"]["system_prompt"]
    assert set(cal.gate.model.feature_names) == set(GATE_FEATURES)


def test_v1_file_still_loads_with_its_max_tokens_as_window() -> None:
    cal = load_calibration(V1_FILE)
    assert cal.gate.window == 16
    assert cal.gate.model.lower is None
    assert "hit_length" in cal.gate.model.feature_names
    feats = {**signal_features(_tokens(120), finish_reason="stop"), "pre_route_score": 0.5}
    feats["log_n_tokens"] = 1e6  # far outside anything calibration saw: clipped at +3 sd
    assert cal.gate.score(feats) > 0.0


def test_v2_round_trip_and_bad_documents(tmp_path: Path, results: list[ItemResult]) -> None:
    cal = fit_calibration(
        results,
        model_name="m",
        model_sha256=None,
        gate_window=12,
        target=CalibrationTarget(escalation_rate=0.4),
    )
    path = tmp_path / "cal.json"
    save_calibration(cal, path)
    back = load_calibration(path)
    assert back.gate.window == 12
    assert back.gate.model == cal.gate.model
    assert back.pre_route is not None
    assert cal.pre_route is not None
    # the ONNX pre-route graph clips like the numpy model
    far = {n: 1e9 for n in back.pre_route.model.feature_names}
    assert back.pre_route.score(far) == pytest.approx(back.pre_route.model.score(far), abs=1e-5)
    doc = json.loads(path.read_text(encoding="utf-8"))
    for mutate in (
        lambda d: d.update(version=4),
        lambda d: d["gate"].update(window=0),
        lambda d: d["gate"].update(window=2.5),
        lambda d: d["gate"]["model"].update(lower=[0.0]),
        lambda d: d["gate"]["model"].pop("upper"),
        lambda d: d["gate"]["model"].update(
            lower=d["gate"]["model"]["upper"], upper=[v - 1 for v in d["gate"]["model"]["upper"]]
        ),
    ):
        bad = json.loads(json.dumps(doc))
        mutate(bad)
        with pytest.raises(CalibrationError):
            Calibration.from_dict(bad)
