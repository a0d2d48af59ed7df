"""Fitting a calibration: the pre-route and gate models on one split, thresholds on the other.

Offline: :func:`fit_calibration` turns per-item results (see
:mod:`edgekit.calibrate.records`) into a :class:`~edgekit.routing.calibration.Calibration`
that the client loads at run time.
"""

from __future__ import annotations

import math
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from edgekit._logging import get_logger
from edgekit.calibrate.onnx_export import export_onnx
from edgekit.calibrate.records import ItemResult
from edgekit.errors import CalibrationError
from edgekit.routing.calibration import (
    GATE_FEATURES,
    PRE_ROUTE_FEATURE,
    Calibration,
    Gate,
    HandoffRule,
    PreRouter,
)
from edgekit.routing.features import PROMPT_FEATURES, feature_vector
from edgekit.routing.logistic import fit_logistic
from edgekit.routing.stats import (
    auroc,
    risk_controlling_threshold,
    threshold_for_escalation_rate,
)

log = get_logger(__name__)
MIN_ITEMS = 20
"""Fewer labelled items are refused: a held-out split of a handful says nothing."""
RECOMMENDED_ITEMS = 100
"""Fewer items are fitted, with a warning: thresholds picked on < ~40 held-out items are noise."""


def sample_size_warning(n_items: int) -> str | None:
    """The warning for fitting on ``n_items`` (None when there are enough)."""
    if n_items >= RECOMMENDED_ITEMS:
        return None
    return (
        f"fitting on only {n_items} labelled items (recommended: >= {RECOMMENDED_ITEMS}): "
        "the gate's threshold and AUROC are very uncertain"
    )


def check_sample_size(n_items: int) -> None:
    """Refuse fewer than :data:`MIN_ITEMS` items; log a warning below :data:`RECOMMENDED_ITEMS`."""
    if n_items < MIN_ITEMS:
        raise CalibrationError(
            f"calibration needs at least {MIN_ITEMS} labelled items (got {n_items}); "
            f"{RECOMMENDED_ITEMS} or more are recommended"
        )
    if (warning := sample_size_warning(n_items)) is not None:
        log.warning("%s", warning)


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
    groups = (
        [np.arange(n)]
        if labels is None
        else [np.flatnonzero(np.asarray(labels) == v) for v in (False, True)]
    )
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
    check_sample_size(len(results))
    good = np.asarray([r.local_correct for r in results], dtype=float)
    fit_idx, held_idx = split_indices(len(results), holdout, seed, [bool(v) for v in good])
    px = prompt_matrix(results)
    pre_model = fit_logistic(px[fit_idx], good[fit_idx], PROMPT_FEATURES, l2=l2)
    pre_scores = pre_model.predict_proba(px)
    gx = gate_matrix(results, pre_scores.tolist())
    gate_model = fit_logistic(gx[fit_idx], good[fit_idx], GATE_FEATURES, l2=l2)
    gate_scores = gate_model.predict_proba(gx)
    held_gate, held_pre = gate_scores[held_idx], pre_scores[held_idx]
    gate_thr, escalation, info = _gate_threshold(held_gate, 1.0 - good[held_idx], target)
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


def _gate_threshold(
    held_scores: np.ndarray[Any, Any],
    held_errors: np.ndarray[Any, Any],
    target: CalibrationTarget,
) -> tuple[float, float, dict[str, Any]]:
    """The gate threshold, the escalation share it implies, and how it was chosen."""
    if target.max_local_error is None:
        escalation = float(target.escalation_rate or 0.0)
        return threshold_for_escalation_rate(held_scores, escalation), escalation, {}
    risk = risk_controlling_threshold(
        held_scores, held_errors, alpha=target.max_local_error, delta=target.delta
    )
    info = {"risk_control": {
        "alpha": target.max_local_error, "delta": target.delta, "feasible": risk.feasible,
        "empirical_risk": risk.empirical_risk, "risk_upper_bound": risk.risk_upper_bound,
        "method": "learn-then-test, Clopper-Pearson, Bonferroni over a fixed grid",
    }}  # fmt: skip
    return risk.threshold, 1.0 - risk.accepted_share, info


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
