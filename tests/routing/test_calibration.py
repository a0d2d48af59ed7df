"""Calibration fit, the versioned file, pre-route ONNX scorer and evaluation metrics."""

from __future__ import annotations

import json
import logging
import math
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edgekit.calibrate.evaluation import evaluate, format_report, oracle_curve, plot_report
from edgekit.calibrate.files import load_calibration, save_calibration
from edgekit.calibrate.fit import CalibrationTarget, fit_calibration, prompt_matrix
from edgekit.calibrate.onnx_export import OnnxScorer
from edgekit.calibrate.records import ItemResult, read_results, write_results
from edgekit.errors import CalibrationError
from edgekit.routing.calibration import SCHEMA_VERSION, Calibration

from .conftest import synthetic_results

SHA = "ab" * 32


@pytest.fixture(scope="module")
def calibration(results: list[ItemResult]) -> Calibration:
    return fit_calibration(
        results,
        model_name="smollm2-135m",
        model_sha256=SHA,
        target=CalibrationTarget(escalation_rate=0.3),
    )


def test_escalation_target_is_met_on_fresh_data(calibration: Calibration) -> None:
    fresh = synthetic_results(400, 99)
    report = evaluate(fresh, calibration)
    share, _ = report.operating_points["cascade@threshold"]
    assert share == pytest.approx(0.3, abs=0.08)
    assert report.auroc["cascade"] > 0.75
    assert report.auroc["pre_route"] > 0.6


def test_max_error_target_bounds_accepted_error() -> None:
    cal = fit_calibration(
        synthetic_results(1000, 8),
        model_name="m",
        model_sha256=None,
        target=CalibrationTarget(max_local_error=0.3, delta=0.1),
    )
    assert cal.metadata["risk_control"]["feasible"]
    fresh = synthetic_results(1000, 5)
    from edgekit.calibrate.evaluation import strategy_scores

    scores = strategy_scores(fresh, cal)["cascade"]
    accepted = scores >= cal.gate.threshold
    err = np.asarray([not r.local_correct for r in fresh])
    assert accepted.mean() > 0.3
    assert err[accepted].mean() <= 0.3 + 0.03  # sampling slack on 1000 fresh items


def test_file_round_trip(calibration: Calibration, tmp_path: Path) -> None:
    path = tmp_path / "cal.json"
    save_calibration(calibration, path)
    loaded = load_calibration(path, expected_sha256=SHA)
    assert loaded.as_dict() == calibration.as_dict()
    x = prompt_matrix(synthetic_results(20, 3))
    assert loaded.pre_route is not None
    assert calibration.pre_route is not None
    feats = dict(zip(loaded.pre_route.model.feature_names, x[0], strict=True))
    # The device scores with numpy; the ONNX export of the same model agrees.
    assert loaded.pre_route.score(feats) == calibration.pre_route.model.score(feats)
    exported = OnnxScorer(loaded.pre_route.onnx_bytes, loaded.pre_route.model.feature_names)
    assert exported.score(feats) == pytest.approx(loaded.pre_route.score(feats), abs=1e-5)


def test_rejects_other_model_version_and_garbage(calibration: Calibration, tmp_path: Path) -> None:
    path = tmp_path / "cal.json"
    save_calibration(calibration, path)
    with pytest.raises(CalibrationError, match="another edge model"):
        load_calibration(path, expected_sha256="cd" * 32)
    doc = json.loads(path.read_text())
    doc["version"] = SCHEMA_VERSION + 1
    path.write_text(json.dumps(doc))
    with pytest.raises(CalibrationError, match="version"):
        load_calibration(path)
    doc["version"] = SCHEMA_VERSION
    doc["gate"]["model"]["weights"] = doc["gate"]["model"]["weights"][:-1]
    path.write_text(json.dumps(doc))
    with pytest.raises(CalibrationError):
        load_calibration(path)
    doc = calibration.as_dict()
    doc["pre_route"]["onnx"] = "bm90IG9ubng="  # base64 of b"not onnx"
    path.write_text(json.dumps(doc))
    loaded = load_calibration(path)
    assert loaded.pre_route is not None
    with pytest.raises(CalibrationError):
        OnnxScorer(loaded.pre_route.onnx_bytes, loaded.pre_route.model.feature_names)
    for junk in (b"", b"\xff\xfe", b"[1, 2]", b'{"schema": "x"}'):
        path.write_bytes(junk)
        with pytest.raises(CalibrationError):
            load_calibration(path)
    with pytest.raises(CalibrationError):
        load_calibration(tmp_path / "missing.json")


def test_target_validation() -> None:
    with pytest.raises(CalibrationError):
        CalibrationTarget()
    with pytest.raises(CalibrationError):
        CalibrationTarget(escalation_rate=0.2, max_local_error=0.1)
    with pytest.raises(CalibrationError):
        CalibrationTarget(escalation_rate=1.5)


def test_evaluation_curves(calibration: Calibration, tmp_path: Path) -> None:
    fresh = synthetic_results(300, 11)
    report = evaluate(fresh, calibration)
    curves = report.curves
    for curve in curves.values():
        assert curve.accuracy[0] == pytest.approx(report.local_acc)
        assert curve.accuracy[-1] == pytest.approx(report.cloud_acc)
    # The oracle dominates every strategy, and the gate beats random at the target.
    for name in ("cascade", "pre_route", "handoff", "random"):
        assert np.all(curves["oracle"].accuracy >= curves[name].accuracy - 1e-12)
    assert report.share_at_95("oracle") <= report.share_at_95("cascade")
    assert report.share_at_95("cascade") < report.share_at_95("random")
    text = format_report(report)
    assert "cascade" in text
    assert "oracle" in text
    png = tmp_path / "curves.png"
    plot_report(report, str(png))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert math.isfinite(report.as_dict()["cloud_share_at_95"]["cascade"])


def test_oracle_curve_by_hand() -> None:
    local = np.array([1.0, 0.0, 0.0, 1.0])
    cloud = np.array([1.0, 1.0, 0.0, 0.0])
    curve = oracle_curve(local, cloud)
    np.testing.assert_allclose(curve.accuracy, [0.5, 0.75, 0.75, 0.75, 0.5])


def test_results_round_trip_and_garbage(results: list[ItemResult], tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    write_results(path, results[:10])
    assert read_results(path) == results[:10]
    path.write_text('{"item_id": "x"}\n')
    with pytest.raises(CalibrationError):
        read_results(path)
    path.write_text("not json\n")
    with pytest.raises(CalibrationError):
        read_results(path)


_JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=8),
    st.lists(st.floats(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


def _paths(doc: object, prefix: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    out = [prefix] if prefix else []
    if isinstance(doc, dict):
        for key, value in doc.items():
            out += _paths(value, (*prefix, key))
    elif isinstance(doc, list):
        for i, value in enumerate(doc):
            out += _paths(value, (*prefix, i))
    return out


@given(data=st.data())
@settings(max_examples=150, deadline=None)
def test_mutated_calibration_files_load_or_raise_calibration_error(
    data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    doc = _VALID_DOC()
    target = data.draw(st.sampled_from(_paths(doc)))
    node: Any = doc
    for key in target[:-1]:
        node = node[key]
    node[target[-1]] = data.draw(_JUNK)
    path = tmp_path_factory.mktemp("cal") / "c.json"
    path.write_text(json.dumps(doc))
    try:
        loaded = load_calibration(path)
    except CalibrationError:
        return
    loaded.gate.score(dict.fromkeys(loaded.gate.model.feature_names, 0.0))


@given(raw=st.binary(max_size=200))
@settings(max_examples=100, deadline=None)
def test_random_bytes_raise_calibration_error(
    raw: bytes, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = tmp_path_factory.mktemp("cal") / "c.json"
    path.write_bytes(raw)
    with pytest.raises(CalibrationError):
        load_calibration(path)


def _VALID_DOC() -> dict[str, Any]:
    doc = fit_calibration(
        synthetic_results(60, 1),
        model_name="m",
        model_sha256=SHA,
        target=CalibrationTarget(escalation_rate=0.3),
    ).as_dict()
    doc["pre_route"] = None  # the ONNX payload is covered by its own test
    return doc


def test_non_finite_threshold_is_rejected(calibration: Calibration, tmp_path: Path) -> None:
    doc = calibration.as_dict()
    doc["gate"]["threshold"] = float("nan")
    path = tmp_path / "c.json"
    path.write_text(json.dumps(doc))  # json writes NaN, which Python's parser accepts
    with pytest.raises(CalibrationError):
        load_calibration(path)


def test_fitting_on_too_few_items_warns_or_refuses(caplog: pytest.LogCaptureFixture) -> None:
    target = CalibrationTarget(escalation_rate=0.3)
    with pytest.raises(CalibrationError, match="at least 20"):
        fit_calibration(synthetic_results(19, 2), model_name="m", model_sha256=None, target=target)
    with caplog.at_level(logging.WARNING, logger="edgekit"):
        fit_calibration(synthetic_results(40, 2), model_name="m", model_sha256=None, target=target)
    assert any("only 40 labelled items" in r.getMessage() for r in caplog.records)
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="edgekit"):
        fit_calibration(synthetic_results(200, 2), model_name="m", model_sha256=None, target=target)
    assert not any("labelled items" in r.getMessage() for r in caplog.records)
