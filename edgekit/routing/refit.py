"""Refit the gain gate on a deployment's own labelled traffic, only when it is better.

Labels come from escalations (the local draft judged against the cloud's
answer) and from feedback, so the labelled requests are mostly ones the
current gate escalated: fitting a conditional model P(right | features) on
them is still sound (selection depends on the features only), but an error
rate over "accepted" requests is not. That is what audit requests are for: a
uniformly random share of all traffic is escalated whatever the gate says, so
labelled audit requests are an unbiased sample. Half of them (seeded) are held
back; the candidate is fitted on every other labelled request, and both the
current and the candidate gate get a Learn-then-Test threshold on the held-back
audits with the same guarantee (each at level delta/2, Bonferroni over the
two). The candidate replaces the current gate only if it keeps strictly more
requests local under that guarantee, or keeps as many (often none, early on a
new domain) and predicts the held-back labels better (log-loss lower by
:data:`LOSS_MARGIN`); for a target escalation rate instead: if its accepted
answers are wrong less often at that rate.

Pure computation; the store is :mod:`edgekit.traffic.store`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from edgekit.errors import CalibrationError
from edgekit.routing.gain import GainGate, keep_score
from edgekit.routing.logistic import LogisticModel, fit_logistic
from edgekit.routing.stats import risk_controlling_threshold, threshold_for_escalation_rate

MIN_LABELS = 50
MIN_HELD = 20
LOSS_MARGIN = 0.01
"""On a tie under the guarantee, the candidate must lower held-back log-loss by this much."""


@dataclass(frozen=True, kw_only=True)
class TrafficExample:
    """What the refit reads of one stored request."""

    features: Mapping[str, float]
    local_ok: bool | None
    cloud_ok: bool | None = None
    audit: bool = False


def examples(rows: Iterable[Any]) -> list[TrafficExample]:
    """Examples from stored rows (anything with features/local_ok/cloud_ok/audit)."""
    return [TrafficExample(features=r.features, local_ok=r.local_ok, cloud_ok=r.cloud_ok,
                           audit=r.audit) for r in rows]  # fmt: skip


@dataclass(frozen=True, kw_only=True)
class RefitTarget:
    """The guarantee (or escalation rate) both gates are held to."""

    max_local_error: float | None = None
    delta: float = 0.1
    escalation_rate: float | None = None

    def __post_init__(self) -> None:
        if (self.max_local_error is None) == (self.escalation_rate is None):
            raise CalibrationError("give exactly one of max_local_error and escalation_rate")
        value = self.max_local_error if self.max_local_error is not None else self.escalation_rate
        if value is None or not 0.0 < value < 1.0 or not 0.0 < self.delta < 1.0:
            raise CalibrationError("targets and delta must lie in (0, 1)")


@dataclass(frozen=True, kw_only=True)
class RefitOutcome:
    """Whether the candidate replaced the current gate, the gate to use, and why."""

    accepted: bool
    gate: GainGate
    reason: str
    report: Mapping[str, Any] = field(default_factory=dict)


def refit_gain_gate(
    current: GainGate,
    examples: Sequence[TrafficExample],
    *,
    target: RefitTarget,
    seed: int = 0,
    l2: float = 1.0,
    min_labels: int = MIN_LABELS,
) -> RefitOutcome:
    """Fit a candidate on labelled traffic and keep it only if it beats ``current``."""
    labelled = [e for e in examples if e.local_ok is not None]
    if len(labelled) < min_labels:
        return RefitOutcome(accepted=False, gate=current,
                            reason=f"{len(labelled)} labels, need {min_labels}")  # fmt: skip
    audits = [i for i, e in enumerate(labelled) if e.audit]
    rng = np.random.default_rng(seed)
    held_idx = set(rng.permutation(audits)[: len(audits) // 2].tolist())
    if len(held_idx) < MIN_HELD:
        return RefitOutcome(accepted=False, gate=current,
                            reason=f"{len(held_idx)} held-back audit labels, need {MIN_HELD}")
    held = [e for i, e in enumerate(labelled) if i in held_idx]
    fit = [e for i, e in enumerate(labelled) if i not in held_idx]
    candidate = _candidate(current, fit, l2)
    current_t, current_keep, current_risk = _operating_point(current, held, target)
    cand_t, cand_keep, cand_risk = _operating_point(candidate, held, target)
    current_loss, cand_loss = _log_loss(current, held), _log_loss(candidate, held)
    if target.max_local_error is not None:
        current_kept = current_keep if current_t is not None else 0.0
        cand_kept = cand_keep if cand_t is not None else 0.0
        # more kept local under the guarantee; on a tie, better calibrated P(local right)
        better = cand_kept > current_kept or (
            cand_kept == current_kept and cand_loss < current_loss - LOSS_MARGIN
        )
    else:
        better = cand_risk < current_risk
    report = {
        "n_labelled": len(labelled), "n_fit": len(fit), "n_held": len(held),
        "current": {"threshold": current_t, "kept_share": current_keep, "held_error": current_risk,
                    "held_log_loss": current_loss},
        "candidate": {"threshold": cand_t, "kept_share": cand_keep, "held_error": cand_risk,
                      "held_log_loss": cand_loss},
    }  # fmt: skip
    if not better:
        reason = "the candidate does not beat the current gate on held-back audits"
        return RefitOutcome(accepted=False, gate=current, report=report, reason=reason)
    gate = candidate.with_threshold(np.inf if cand_t is None else cand_t)
    reason = "the candidate beats the current gate on held-back audits"
    return RefitOutcome(accepted=True, gate=gate, report=report, reason=reason)


def _matrix(model: LogisticModel, rows: Sequence[TrafficExample]) -> np.ndarray[Any, Any]:
    try:
        return np.asarray([[r.features[n] for n in model.feature_names] for r in rows], float)
    except KeyError as exc:
        raise CalibrationError(f"stored traffic lacks the gate input {exc.args[0]!r}") from None


def _candidate(current: GainGate, fit: Sequence[TrafficExample], l2: float) -> GainGate:
    """Refit P(local right) (and P(cloud right) when feedback labelled enough cloud answers)."""
    y = np.asarray([bool(e.local_ok) for e in fit], dtype=float)
    local = current.local
    if np.unique(y).size == 2:
        local = fit_logistic(_matrix(current.local, fit), y, current.local.feature_names, l2=l2)
    cloud_rows = [e for e in fit if e.cloud_ok is not None]
    cloud = current.cloud
    cy = np.asarray([bool(e.cloud_ok) for e in cloud_rows], dtype=float)
    if len(cloud_rows) >= MIN_LABELS and np.unique(cy).size == 2:
        cloud = fit_logistic(_matrix(current.cloud, cloud_rows), cy,
                             current.cloud.feature_names, l2=l2)  # fmt: skip
    return GainGate(local=local, cloud=cloud, threshold=current.threshold,
                    local_probe=current.local_probe, cloud_probe=current.cloud_probe,
                    probe_tokens=current.probe_tokens)  # fmt: skip


def gate_scores(gate: GainGate, rows: Sequence[TrafficExample]) -> np.ndarray[Any, Any]:
    """Keep-local scores of stored requests (probe scores are stored features)."""
    p_local = gate.local.predict_proba(_matrix(gate.local, rows))
    p_cloud = gate.cloud.predict_proba(_matrix(gate.cloud, rows))
    return keep_score(p_local, p_cloud)


def _log_loss(gate: GainGate, held: Sequence[TrafficExample]) -> float:
    """Log-loss of P(local right) on the held-back labels."""
    p = np.clip(gate.local.predict_proba(_matrix(gate.local, held)), 1e-6, 1 - 1e-6)
    y = np.asarray([bool(e.local_ok) for e in held], dtype=float)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def _operating_point(
    gate: GainGate, held: Sequence[TrafficExample], target: RefitTarget
) -> tuple[float | None, float, float]:
    """(threshold or None when infeasible, kept share, error of kept answers) on ``held``."""
    scores = gate_scores(gate, held)
    errors = np.asarray([not e.local_ok for e in held], dtype=float)
    if target.max_local_error is not None:
        risk = risk_controlling_threshold(
            scores, errors, alpha=target.max_local_error, delta=target.delta / 2
        )
        if not risk.feasible:
            return None, 0.0, 0.0
        return risk.threshold, risk.accepted_share, risk.empirical_risk
    threshold = threshold_for_escalation_rate(scores, float(target.escalation_rate or 0.0))
    kept = scores >= threshold
    error = float(errors[kept].mean()) if kept.any() else 0.0
    return threshold, float(kept.mean()), error
