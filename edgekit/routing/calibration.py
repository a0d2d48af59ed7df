"""Gates and the versioned calibration file that carries them.

A :class:`Calibration` holds three fitted decisions for one edge model:

- ``gate``: logistic model over the local answer's signals (+ the pre-route
  score) and the threshold below which a draft is escalated (cascade);
- ``pre_route``: logistic model over prompt features, exported to ONNX, and its
  threshold (decide before generating);
- ``handoff``: window length and the running mean-logprob threshold that
  triggers a mid-stream hand-off.

The JSON file names its schema and version and the sha256 of the edge model;
loading anything else raises :class:`~edgekit.errors.CalibrationError`.

Version 3 adds the optional ``gain`` gate (:mod:`edgekit.routing.gain`: P(local
right) and P(cloud right), with hidden-state probes) and its threshold.
Version 2 adds the gate ``window`` (the gate scores the first ``window``
tokens of an answer, as calibration did) and per-feature ``lower``/``upper``
bounds that inputs are clipped to. Version 1 files still load: their window is
the ``max_tokens`` they were generated with and their features are clipped to
±3 standard deviations.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from edgekit.errors import CalibrationError
from edgekit.routing.features import SIGNAL_FEATURES
from edgekit.routing.gain import GainGate
from edgekit.routing.logistic import LogisticModel

SCHEMA = "edgekit.routing.calibration"
SCHEMA_VERSION = 3
READABLE_VERSIONS = (1, 2, 3)
PRE_ROUTE_FEATURE = "pre_route_score"
GATE_FEATURES: tuple[str, ...] = (*SIGNAL_FEATURES, PRE_ROUTE_FEATURE)
DEFAULT_CALIBRATION = Path(__file__).parent / "data" / "calibration-smollm2-135m.json"
MAX_FILE_BYTES = 4 << 20


@dataclass(frozen=True, kw_only=True)
class Gate:
    """A logistic score and the threshold at or above which the local answer is kept.

    ``window``: the gate scores the first ``window`` answer tokens (None: all).
    """

    model: LogisticModel
    threshold: float
    window: int | None = None

    def __post_init__(self) -> None:
        if self.window is not None and self.window < 1:
            raise CalibrationError("gate window must be >= 1")

    def score(self, features: Mapping[str, float]) -> float:
        """P(local answer is good) from named features."""
        return self.model.score(features)

    def accepts(self, score: float) -> bool:
        """True when ``score`` passes the gate."""
        return score >= self.threshold

    def with_threshold(self, threshold: float) -> Gate:
        """The same gate with another threshold."""
        return Gate(model=self.model, threshold=threshold, window=self.window)


@dataclass(frozen=True, kw_only=True)
class PreRouter:
    """Prompt-only scorer (a logistic model, also exported as ONNX) and its threshold."""

    model: LogisticModel
    threshold: float
    onnx_bytes: bytes

    def score(self, features: Mapping[str, float]) -> float:
        """P(local answer will be good) from prompt features.

        Computed with numpy from the logistic model itself: a dot product needs
        no ONNX runtime on the device. ``onnx_bytes`` is the same model exported
        for other runtimes (:class:`OnnxScorer` runs it; a test holds the two
        equal).
        """
        return self.model.score(features)


@dataclass(frozen=True, kw_only=True)
class HandoffRule:
    """Hand off when the mean logprob of the last ``window`` tokens drops below ``threshold``."""

    window: int = 4
    threshold: float = -1.5
    min_tokens: int = 1

    def __post_init__(self) -> None:
        if self.window < 1 or self.min_tokens < 1 or not math.isfinite(self.threshold):
            raise CalibrationError("handoff rule: window/min_tokens >= 1 and a finite threshold")


@dataclass(frozen=True, kw_only=True)
class Calibration:
    """Everything the client needs to route for one edge model."""

    model_name: str
    model_sha256: str | None
    gate: Gate
    pre_route: PreRouter | None = None
    handoff: HandoffRule = field(default_factory=HandoffRule)
    metadata: Mapping[str, Any] = field(default_factory=dict)
    gain: GainGate | None = None

    def as_dict(self) -> dict[str, Any]:
        """The JSON document (see module docstring)."""
        pre = None
        if self.pre_route is not None:
            pre = {
                "model": self.pre_route.model.as_dict(),
                "threshold": _finite_or_none(self.pre_route.threshold),
                "onnx": base64.b64encode(self.pre_route.onnx_bytes).decode("ascii"),
            }
        return {
            "schema": SCHEMA,
            "version": SCHEMA_VERSION,
            "model": {"name": self.model_name, "sha256": self.model_sha256},
            "gate": {
                "model": self.gate.model.as_dict(),
                "threshold": _finite_or_none(self.gate.threshold),
                "window": self.gate.window,
            },
            "pre_route": pre,
            "handoff": {
                "window": self.handoff.window,
                "threshold": self.handoff.threshold,
                "min_tokens": self.handoff.min_tokens,
            },
            "metadata": dict(self.metadata),
            "gain": None if self.gain is None else self.gain.as_dict(),
        }

    def to_json(self) -> str:
        """The JSON text of :meth:`as_dict` (what a calibration file holds)."""
        return json.dumps(self.as_dict(), indent=1, sort_keys=True) + "\n"

    @classmethod
    def from_dict(cls, doc: Any) -> Calibration:
        """Validate and build from a parsed document."""
        if not isinstance(doc, dict) or doc.get("schema") != SCHEMA:
            raise CalibrationError("not an EdgeKit calibration file")
        version = doc.get("version")
        if isinstance(version, bool) or version not in READABLE_VERSIONS:
            raise CalibrationError(
                f"calibration schema version {version!r} is not supported "
                f"(readable: {', '.join(map(str, READABLE_VERSIONS))})"
            )
        try:
            model = doc["model"]
            gate_doc = doc["gate"]
            metadata = dict(doc.get("metadata") or {})
            gate = Gate(
                model=LogisticModel.from_dict(gate_doc["model"]),
                threshold=_threshold(gate_doc["threshold"]),
                window=_window(
                    gate_doc.get("window") if version >= 2 else metadata.get("max_tokens")
                ),
            )
            pre = _pre_route_from(doc.get("pre_route"))
            hand = doc["handoff"]
            handoff = HandoffRule(
                window=int(hand["window"]),
                threshold=float(hand["threshold"]),
                min_tokens=int(hand.get("min_tokens", 1)),
            )
            sha = model.get("sha256")
            gain = None if doc.get("gain") is None else GainGate.from_dict(doc["gain"])
            return cls(
                gain=gain,
                model_name=str(model["name"]),
                model_sha256=None if sha is None else str(sha),
                gate=gate,
                pre_route=pre,
                handoff=handoff,
                metadata=metadata,
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise CalibrationError(f"malformed calibration file ({type(exc).__name__})") from None

    @classmethod
    def from_json(cls, raw: bytes, *, expected_sha256: str | None = None) -> Calibration:
        """Parse and validate a calibration file's bytes.

        With ``expected_sha256``, refuse a file made for another model.
        """
        if len(raw) > MAX_FILE_BYTES:
            raise CalibrationError("calibration file is too large")
        try:
            doc = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise CalibrationError("calibration file is not JSON") from None
        calibration = cls.from_dict(doc)
        calibration.check_model(expected_sha256)
        return calibration

    def check_model(self, sha256: str | None) -> None:
        """Raise :class:`CalibrationError` when this calibration was made for another model."""
        if sha256 is not None and self.model_sha256 is not None and self.model_sha256 != sha256:
            raise CalibrationError("calibration file was made for another edge model")


def _finite_or_none(value: float) -> float | None:
    return value if math.isfinite(value) else None


def _threshold(value: Any) -> float:
    """``null`` in the file means "never accept" (+inf); anything else must be finite."""
    if value is None:
        return math.inf
    if isinstance(value, bool) or not math.isfinite(threshold := float(value)):
        raise ValueError("threshold")
    return threshold


def _window(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
        raise ValueError("window")
    return int(value)


def _pre_route_from(doc: Any) -> PreRouter | None:
    if doc is None:
        return None
    try:
        onnx_bytes = base64.b64decode(doc["onnx"], validate=True)
    except (binascii.Error, TypeError):
        raise CalibrationError("calibration file: pre-route ONNX payload is not base64") from None
    return PreRouter(
        model=LogisticModel.from_dict(doc["model"]),
        threshold=_threshold(doc["threshold"]),
        onnx_bytes=onnx_bytes,
    )


# --- the calibration in force ---------------------------------------------------


def uncalibrated(model_name: str) -> Calibration:
    """A gate on the answer's mean token logprob alone (geometric-mean probability ~0.7)."""
    names = GATE_FEATURES
    model = LogisticModel(
        feature_names=names,
        weights=tuple(4.0 if n == "mean_logprob" else 0.0 for n in names),
        bias=0.0,
        mean=tuple(-0.35 if n == "mean_logprob" else 0.0 for n in names),
        scale=tuple(1.0 for _ in names),
    )
    return Calibration(
        model_name=model_name,
        model_sha256=None,
        gate=Gate(model=model, threshold=0.5),
        handoff=HandoffRule(window=4, threshold=-1.5),
        metadata={"uncalibrated": True},
    )


@dataclass(frozen=True, kw_only=True)
class Overrides:
    """Thresholds and windows that replace a calibration's own (None keeps it)."""

    threshold: float | None = None
    pre_route_threshold: float | None = None
    handoff_threshold: float | None = None
    handoff_window: int | None = None


def with_overrides(cal: Calibration, overrides: Overrides) -> Calibration:
    """``cal`` with the given thresholds/windows replaced.

    ``threshold`` sets the cascade decision's threshold: the gain gate's too
    when the calibration has one (both score on the same keep-local scale).
    """
    o = overrides
    gate = cal.gate if o.threshold is None else cal.gate.with_threshold(o.threshold)
    gain = (
        cal.gain
        if o.threshold is None or cal.gain is None
        else (cal.gain.with_threshold(o.threshold))
    )
    pre = cal.pre_route
    if pre is not None and o.pre_route_threshold is not None:
        pre = dataclasses.replace(pre, threshold=o.pre_route_threshold)
    handoff = dataclasses.replace(
        cal.handoff,
        window=o.handoff_window or cal.handoff.window,
        threshold=cal.handoff.threshold if o.handoff_threshold is None else o.handoff_threshold,
    )
    return dataclasses.replace(cal, gate=gate, gain=gain, pre_route=pre, handoff=handoff)


def condition_problems(cal: Calibration, *, max_tokens: int, temperature: float) -> list[str]:
    """How generating with these settings differs from how ``cal`` was fitted (empty: alike)."""
    if cal.metadata.get("uncalibrated"):
        return []  # there are no conditions to differ from
    conditions = cal.metadata.get("conditions")
    problems: list[str] = []
    if cal.gate.window is None:
        problems.append("the gate has no token window (it scores whole answers)")
    elif max_tokens < cal.gate.window:
        problems.append(f"max_tokens {max_tokens} < gate window {cal.gate.window}")
    if not isinstance(conditions, Mapping):
        return [*problems, "the calibration file does not record its generation conditions"]
    temp = conditions.get("temperature")
    if isinstance(temp, int | float) and abs(temperature - float(temp)) > 0.3:
        problems.append(f"temperature {temperature} vs {temp} in calibration")
    styles = conditions.get("styles")
    if isinstance(styles, Mapping) and "chat" not in styles:
        problems.append("calibrated on terse answer-only prompts, not plain chat")
    return problems
