"""Offline gain-gate tooling: hidden states for calibration answers, attaching the gate."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from edgekit.calibrate.dataset import generate
from edgekit.calibrate.fit import CalibrationTarget, fit_calibration
from edgekit.calibrate.gain import HiddenCache, attach_gain_gate, edge_hidden_states
from edgekit.calibrate.records import ItemResult
from edgekit.calibrate.runner import Conditions, GenerationCache
from edgekit.errors import CalibrationError
from edgekit.routing.calibration import Calibration


def test_attach_gain_gate_uses_the_same_split_and_target(results: list[ItemResult]) -> None:
    target = CalibrationTarget(escalation_rate=0.5)
    cal = fit_calibration(results, model_name="m", model_sha256=None, target=target)
    with_gain = attach_gain_gate(cal, results, None, target=target)
    assert with_gain.gain is not None
    assert not with_gain.gain.uses_hidden
    assert with_gain.metadata["gain"]["holdout_escalation_share"] == pytest.approx(0.5, abs=0.05)
    assert Calibration.from_json(with_gain.to_json().encode()).gain is not None
    guaranteed = attach_gain_gate(
        cal, results, None, target=CalibrationTarget(max_local_error=0.3, delta=0.1)
    )
    assert "risk_control" in guaranteed.metadata["gain"]
    no_cloud = [ItemResult(**{**r.__dict__, "cloud_correct": None}) for r in results]
    with pytest.raises(CalibrationError):
        attach_gain_gate(cal, no_cloud, None, target=target)


def test_hidden_states_of_calibration_answers_are_read_once(
    edge_model_path: Path, tmp_path: Path
) -> None:
    from edgekit.local import Engine, EngineConfig

    items = generate(4, 3)[:3]
    conditions = Conditions(styles=("terse",), terse_max_tokens=6)
    cache = GenerationCache(tmp_path / "router")
    hidden = HiddenCache.beside(cache)
    sha = "0" * 64
    factory = partial(Engine, EngineConfig(model=str(edge_model_path), n_ctx=512, n_threads=1))
    states = edge_hidden_states(factory, items, conditions, sha=sha, cache=cache, hidden=hidden)
    assert states.shape == (3, 1152)  # SmolLM2-135M: 2 x 576
    assert np.all(np.isfinite(states))

    def no_model() -> Any:
        raise AssertionError("everything was cached")

    again = edge_hidden_states(no_model, items, conditions, sha=sha, cache=cache, hidden=hidden)
    assert np.allclose(again, states)


def test_eval_router_shows_the_gain_gate_beside_the_cascade_gate(
    results: list[ItemResult], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Results carrying pooled hidden states let eval-router score the probes' gate too."""
    import dataclasses
    import json

    from edgekit.calibrate.files import save_calibration
    from edgekit.calibrate.records import read_results, write_results
    from edgekit.cli import main

    rng = np.random.default_rng(5)  # a hidden state that carries the local outcome, plus noise
    hidden = np.asarray([np.r_[float(r.local_correct), rng.normal(size=15)] for r in results])
    target = CalibrationTarget(escalation_rate=0.5)
    cal = attach_gain_gate(
        fit_calibration(results, model_name="m", model_sha256=None, target=target),
        results,
        hidden,
        target=target,
    )
    shares = cal.metadata["gain"]["holdout_cloud_share_at_95"]
    assert shares["gain"] <= shares["cascade"]
    assert shares["oracle"] <= shares["gain"]
    rows = [dataclasses.replace(r, hidden=tuple(h)) for r, h in zip(results, hidden, strict=True)]
    write_results(tmp_path / "r.jsonl", rows)
    assert read_results(tmp_path / "r.jsonl")[0].hidden == pytest.approx(rows[0].hidden, abs=1e-3)
    save_calibration(cal, tmp_path / "cal.json")
    args = [
        "eval-router",
        "--results",
        str(tmp_path / "r.jsonl"),
        "--calibration",
        str(tmp_path / "cal.json"),
        "--json",
    ]
    assert main(args) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["cloud_share_at_95"]["gain"] < report["cloud_share_at_95"]["cascade"]
    assert "gain@threshold" in report["operating_points"]
    write_results(tmp_path / "plain.jsonl", results)  # no hidden states: the gain curve is left out
    assert main([*args[:2], str(tmp_path / "plain.jsonl"), *args[3:]]) == 0
    assert "gain" not in json.loads(capsys.readouterr().out)["cloud_share_at_95"]
