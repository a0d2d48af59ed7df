"""The tool gate: which steps it scores, its features, its file format."""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np
import pytest

from edgekit.errors import CalibrationError
from edgekit.local.signals import TokenSignal
from edgekit.routing.logistic import fit_logistic
from edgekit.routing.tool_gate import (
    DEFAULT_TOOL_GATE,
    TOOL_GATE_FEATURES,
    ToolGate,
    grounded_share,
    segments,
    structured_features,
)


@dataclass(frozen=True)
class Step:
    text: str
    forced: bool
    signal: TokenSignal


def step(text: str, forced: bool, logprob: float = -0.1) -> Step:
    return Step(text, forced, TokenSignal(logprob, 0.5, 0.6))


# <tool_call>\n{"name": "set_timer", "arguments": {"minutes": 10}}\n</tool_call>
CALL = [
    step("<tool_call>", False, -0.7),  # the decision: a call
    step('\n{"name": "', True),
    step("set", False, -0.2),  # the name
    step("_timer", False, -0.3),
    step('", "arguments": {"minutes": ', True),
    step("1", False, -1.5),  # the value
    step("0", False, -0.05),
    step("}}\n</tool_call>", True),
]


def test_only_open_steps_are_scored_and_split_by_what_they_decide() -> None:
    seg = segments(CALL)
    assert [s.logprob for s in seg["decision"]] == [-0.7]
    assert [s.logprob for s in seg["name"]] == [-0.2, -0.3]
    assert [s.logprob for s in seg["values"]] == [-1.5, -0.05]
    assert seg["text"] == []


def test_call_features() -> None:
    f = structured_features(CALL, "Set a timer for 10 minutes.", [{"minutes": 10}])
    assert set(f) == set(TOOL_GATE_FEATURES)
    assert f["is_text"] == 0.0
    assert f["decision_logprob"] == pytest.approx(-0.7)
    assert f["name_logprob"] == pytest.approx(-0.5)
    assert f["values_min_logprob"] == pytest.approx(-1.5)
    assert f["values_mean_logprob"] == pytest.approx(-0.775)
    assert f["values_grounded"] == 1.0
    forced_changed = [
        Step(s.text, s.forced, TokenSignal(-9.0, 5.0, 0.0)) if s.forced else s for s in CALL
    ]
    assert (
        structured_features(forced_changed, "", [{"minutes": 10}])["values_min_logprob"]
        == f["values_min_logprob"]
    )  # forced steps carry no information


def test_text_answer_features() -> None:
    text = [step("The", False, -0.4), step(" capital", False, -0.6)]
    f = structured_features(text, "What is the capital of Peru?")
    assert f["is_text"] == 1.0
    assert f["decision_logprob"] == pytest.approx(-0.4)
    assert f["text_mean_logprob"] == pytest.approx(-0.6)
    assert f["name_logprob"] == 0.0
    assert f["values_grounded"] == 1.0
    assert structured_features([], "")["decision_logprob"] == -20.0


def test_grounded_share() -> None:
    said = "Email Ada.Lovelace@example.org about  the Quarterly report, 12.5 dollars"
    assert (
        grounded_share(
            [{"to": "ada.lovelace@example.org", "subject": "the quarterly report"}], said
        )
        == 1.0
    )
    assert grounded_share([{"amount": 12.5, "to": "bob@example.org"}], said) == 0.5
    assert grounded_share([{"shuffle": True}], said) == 1.0  # booleans are not values to copy
    assert grounded_share([{"x": [{"y": "nowhere"}]}], said) == 0.0


def _gate(threshold: float = 0.5, sha: str | None = "ab" * 32) -> ToolGate:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(40, len(TOOL_GATE_FEATURES)))
    y = (x[:, 2] + 0.3 * rng.normal(size=40) > 0).astype(float)
    model = fit_logistic(x, y, TOOL_GATE_FEATURES)
    return ToolGate(model=model, threshold=threshold, model_sha256=sha, fitted_on={"n": 40})


def test_json_round_trip_and_refusals() -> None:
    gate = _gate()
    back = ToolGate.from_json(gate.to_json(), expected_sha256="ab" * 32)
    assert back == gate
    feats = dict.fromkeys(TOOL_GATE_FEATURES, 0.1)
    assert back.score(feats) == pytest.approx(gate.score(feats))
    assert back.accepts(0.5)
    assert not back.accepts(0.49)
    with pytest.raises(CalibrationError, match="another model"):
        ToolGate.from_json(gate.to_json(), expected_sha256="cd" * 32)
    bad = json.loads(gate.to_json())
    bad["version"] = 99
    with pytest.raises(CalibrationError, match="version"):
        ToolGate.from_json(json.dumps(bad))
    for garbage in (b"{", b"[]", b'{"schema": "edgekit.routing.tool_gate", "version": 1}'):
        with pytest.raises(CalibrationError):
            ToolGate.from_json(garbage)
    with pytest.raises(CalibrationError, match="threshold"):
        _gate(threshold=1.5)


def test_the_shipped_gate_loads_and_prefers_grounded_confident_calls() -> None:
    if not DEFAULT_TOOL_GATE.exists():
        pytest.skip("no shipped tool gate in this checkout")
    gate = ToolGate.from_json(DEFAULT_TOOL_GATE.read_bytes())
    assert gate.fitted_on
    assert gate.fitted_on["split"] == "dev"
    sure = structured_features(CALL, "Set a timer for 10 minutes.", [{"minutes": 10}])
    unsure = dict(sure, values_grounded=0.0, values_min_logprob=-6.0, values_mean_logprob=-4.0)
    assert gate.score(sure) > gate.score(unsure)
