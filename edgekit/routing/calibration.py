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

Version 2 adds the gate ``window`` (the gate scores the first ``window``
tokens of an answer, as calibration did) and per-feature ``lower``/``upper``
bounds that inputs are clipped to. Version 1 files still load: their window is
the ``max_tokens`` they were generated with and their features are clipped to
±3 standard deviations.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import os
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np

from edgekit.errors import CalibrationError
from edgekit.routing.features import PROMPT_FEATURES, SIGNAL_FEATURES, feature_vector
from edgekit.routing.logistic import LogisticModel, fit_logistic
from edgekit.routing.onnx_scorer import export_onnx
from edgekit.routing.records import ItemResult
from edgekit.routing.stats import (
    auroc,
    risk_controlling_threshold,
    threshold_for_escalation_rate,
)

SCHEMA = "edgekit.routing.calibration"
SCHEMA_VERSION = 2
READABLE_VERSIONS = (1, 2)
PRE_ROUTE_FEATURE = "pre_route_score"
GATE_FEATURES: tuple[str, ...] = (*SIGNAL_FEATURES, PRE_ROUTE_FEATURE)
DEFAULT_CALIBRATION = Path(__file__).parent / "data" / "calibration-smollm2-135m.json"
_MAX_FILE_BYTES = 4 << 20

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
        }

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write atomically (temp file + rename)."""
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(self.as_dict(), indent=1, sort_keys=True) + "\n"
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

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
                window=_window(gate_doc.get("window") if version >= 2 else
                               metadata.get("max_tokens")),
            )
            pre = _pre_route_from(doc.get("pre_route"))
            hand = doc["handoff"]
            handoff = HandoffRule(
                window=int(hand["window"]),
                threshold=float(hand["threshold"]),
                min_tokens=int(hand.get("min_tokens", 1)),
            )
            sha = model.get("sha256")
            return cls(
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
    def load(
        cls, path: str | os.PathLike[str], *, expected_sha256: str | None = None
    ) -> Calibration:
        """Read and validate; with ``expected_sha256``, refuse a file made for another model."""
        try:
            raw = Path(path).read_bytes()
        except OSError as exc:
            raise CalibrationError(f"cannot read calibration file: {exc.strerror}") from None
        if len(raw) > _MAX_FILE_BYTES:
            raise CalibrationError("calibration file is too large")
        try:
            doc = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise CalibrationError("calibration file is not JSON") from None
        calibration = cls.from_dict(doc)
        if (
            expected_sha256 is not None
            and calibration.model_sha256 is not None
            and calibration.model_sha256 != expected_sha256
        ):
            raise CalibrationError("calibration file was made for another edge model")
        return calibration

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

# --- fitting -----------------------------------------------------------------

@dataclass(frozen=True, kw_only=True)
class CalibrationTarget:
    """Pick thresholds for an escalation rate, or for a guaranteed local error rate."""

    escalation_rate: float | None = None
    max_local_error: float | None = None
    delta: float = 0.1

    def __post_init__(self) -> None:
        if (self.escalation_rate is None) == (self.max_local_error is None):
            raise CalibrationError("give exactly one of escalation_rate and max_local_error")
        for value in (self.escalation_rate, self.max_local_error):
            if value is not None and not 0.0 <= value <= 1.0:
                raise CalibrationError("targets must lie in [0, 1]")

def split_indices(
    n: int, holdout: float, seed: int, labels: Sequence[bool] | None = None
) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """Random (stratified when ``labels`` is given) fit/holdout split."""
    if not 0.0 < holdout < 1.0:
        raise CalibrationError("holdout share must be in (0, 1)")
    rng = np.random.default_rng(seed)
    groups = [np.arange(n)] if labels is None else [
        np.flatnonzero(np.asarray(labels) == v) for v in (False, True)
    ]
    fit: list[int] = []
    held: list[int] = []
    for group in groups:
        perm = rng.permutation(group)
        k = round(len(perm) * holdout)
        held.extend(perm[:k].tolist())
        fit.extend(perm[k:].tolist())
    return np.sort(np.asarray(fit, dtype=int)), np.sort(np.asarray(held, dtype=int))

def prompt_matrix(results: Sequence[ItemResult]) -> np.ndarray[Any, Any]:
    """Prompt features of each result, in PROMPT_FEATURES order."""
    return np.asarray([feature_vector(r.prompt_features, PROMPT_FEATURES) for r in results])

def gate_matrix(results: Sequence[ItemResult], pre_scores: Sequence[float]) -> np.ndarray[Any, Any]:
    """Signal features + pre-route score of each result, in GATE_FEATURES order."""
    rows = []
    for r, pre in zip(results, pre_scores, strict=True):
        feats = {**r.local_signals, PRE_ROUTE_FEATURE: pre}
        rows.append(feature_vector(feats, GATE_FEATURES))
    return np.asarray(rows)

def window_min_logprob(logprobs: Sequence[float], window: int) -> float:
    """Lowest running mean over ``window`` consecutive token logprobs (full answer if shorter)."""
    if not logprobs:
        return -20.0
    arr = np.clip(np.asarray(logprobs, dtype=np.float64), -20.0, 0.0)
    if arr.size <= window:
        return float(arr.mean())
    sums = np.convolve(arr, np.ones(window), mode="valid") / window
    return float(sums.min())

def fit_calibration(
    results: Sequence[ItemResult],
    *,
    model_name: str,
    model_sha256: str | None,
    target: CalibrationTarget,
    holdout: float = 0.4,
    seed: int = 0,
    l2: float = 1.0,
    handoff_window: int = 4,
    gate_window: int | None = None,
    metadata: Mapping[str, Any] | None = None,
) -> Calibration:
    """Fit pre-route and gate models on one split; pick thresholds on the held-out split.

    ``gate_window`` is the number of answer tokens the results' signals cover
    (stored with the gate so the client scores the same prefix).
    """
    if len(results) < 10:
        raise CalibrationError("calibration needs at least 10 labelled items")
    good = np.asarray([r.local_correct for r in results], dtype=float)
    fit_idx, held_idx = split_indices(len(results), holdout, seed, [bool(v) for v in good])
    px = prompt_matrix(results)
    pre_model = fit_logistic(px[fit_idx], good[fit_idx], PROMPT_FEATURES, l2=l2)
    pre_scores = pre_model.predict_proba(px)
    gx = gate_matrix(results, pre_scores.tolist())
    gate_model = fit_logistic(gx[fit_idx], good[fit_idx], GATE_FEATURES, l2=l2)
    gate_scores = gate_model.predict_proba(gx)

    held_gate, held_pre = gate_scores[held_idx], pre_scores[held_idx]
    held_err = 1.0 - good[held_idx]
    info: dict[str, Any] = {}
    if target.max_local_error is not None:
        risk = risk_controlling_threshold(
            held_gate, held_err, alpha=target.max_local_error, delta=target.delta
        )
        gate_thr = risk.threshold
        escalation = 1.0 - risk.accepted_share
        info["risk_control"] = {
            "alpha": target.max_local_error, "delta": target.delta, "feasible": risk.feasible,
            "empirical_risk": risk.empirical_risk, "risk_upper_bound": risk.risk_upper_bound,
            "method": "learn-then-test, Clopper-Pearson, Bonferroni over a fixed grid",
        }  # fmt: skip
    else:
        escalation = float(target.escalation_rate or 0.0)
        gate_thr = threshold_for_escalation_rate(held_gate, escalation)
    pre_thr = threshold_for_escalation_rate(held_pre, escalation)
    window_scores = [window_min_logprob(r.token_logprobs, handoff_window) for r in results]
    hand_thr = threshold_for_escalation_rate(np.asarray(window_scores)[held_idx], escalation)
    if not math.isfinite(hand_thr):
        hand_thr = -20.0 if hand_thr < 0 else 0.0
    meta = {
        "created_unix": int(time.time()),
        "n_items": len(results),
        "n_fit": int(fit_idx.size),
        "n_holdout": int(held_idx.size),
        "seed": seed,
        "l2": l2,
        "target": {
            "escalation_rate": target.escalation_rate,
            "max_local_error": target.max_local_error,
            "delta": target.delta,
        },
        "holdout_escalation_share": float(np.mean(held_gate < gate_thr)),
        "holdout_local_accuracy": float(good[held_idx].mean()),
        "holdout_auroc_gate": _safe(auroc(held_gate, good[held_idx])),
        "holdout_auroc_pre_route": _safe(auroc(held_pre, good[held_idx])),
        "holdout_by_style": _by_style([results[i] for i in held_idx], held_gate, gate_thr),
        **info,
        **dict(metadata or {}),
    }
    return Calibration(
        model_name=model_name,
        model_sha256=model_sha256,
        gate=Gate(model=gate_model, threshold=gate_thr, window=gate_window),
        pre_route=PreRouter(model=pre_model, threshold=pre_thr, onnx_bytes=export_onnx(pre_model)),
        handoff=HandoffRule(window=handoff_window, threshold=hand_thr),
        metadata=meta,
    )

def _by_style(
    results: Sequence[ItemResult], scores: np.ndarray[Any, Any], threshold: float
) -> dict[str, dict[str, float | int | None]]:
    """Held-out local accuracy, escalation share and AUROC per prompt style."""
    out: dict[str, dict[str, float | int | None]] = {}
    styles = sorted({str(r.extra.get("style", "")) for r in results})
    for style in styles:
        idx = [i for i, r in enumerate(results) if str(r.extra.get("style", "")) == style]
        good = np.asarray([results[i].local_correct for i in idx], dtype=float)
        sc = scores[idx]
        out[style or "unstyled"] = {
            "n": len(idx),
            "local_accuracy": float(good.mean()),
            "escalation_share": float(np.mean(sc < threshold)),
            "auroc_gate": _safe(auroc(sc, good)),
        }
    return out


def _safe(value: float) -> float | None:
    return value if math.isfinite(value) else None

ThresholdMode = Literal["escalation_rate", "max_local_error"]
