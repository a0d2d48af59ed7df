"""Refit the gain gate on a deployment's own labelled traffic, only when it is better.

Labels come from escalations (the local draft judged against the cloud's
answer) and from feedback, so the labelled requests are mostly ones the
current gate escalated: fitting a conditional model P(right | features) on
them is still sound (selection depends on the features only), but an error
rate over "accepted" requests is not. That is what audit requests are for: a
uniformly random share of all traffic is escalated whatever the gate says, so
labelled audit requests are an unbiased sample. Half of them (seeded) are held
back; the candidates are fitted on every other labelled request:

- ``threshold``: the current gate, its threshold re-picked on the traffic;
- ``recalibrated``: the current gate with P(local right) Platt-rescaled on the
  traffic (two parameters: robust with a few hundred labels);
- ``refit``: P(local right) refitted on the traffic (and P(cloud right) when
  feedback labelled enough cloud answers);
- ``projection``: the same, reading also the stored coordinates of the
  hidden-state projection (:mod:`edgekit.routing.projection`), when the gate
  has one and every labelled row carries them.

Each candidate gets a Learn-then-Test threshold on the held-back audits, and
the deployed gate (at its own threshold) is tested there too, each at level
``delta / (candidates + 1)`` (Bonferroni), so whatever is chosen keeps the
accepted error <= ``max_local_error`` w.p. >= 1 - delta on this traffic. The
best candidate (most kept local under the guarantee; on a tie, lower held-back
log-loss) replaces the deployed gate when it keeps more of the held-back
requests local (by :data:`KEEP_MARGIN`; or as many, better calibrated), or at
once when the held audits show the deployed gate's accepted error above the
guarantee (a one-sided binomial test at the same level) — then even a
candidate that keeps nothing local replaces it. The split is stable (a hash
of the decision id), so no gate is ever tested on rows it was fitted on. For a target
escalation rate instead: the candidate whose accepted answers are wrong least
often at that rate, if less often than the deployed gate's.

Over successive refits (``RefitTarget.spending``): ``"joint"`` (the default)
tests refit attempt ``k`` at ``delta_k = delta * 6 / (pi^2 k^2)``, so the
levels sum to at most ``delta`` and, by a union bound, *every* gate the
deployment ever switches to keeps its guarantee at once w.p. >= 1 - delta;
``"per_refit"`` tests each attempt at ``delta`` (the guarantee holds for each
refit alone). Attempts are counted by the store (:meth:`TrafficStore.next_attempt`),
refused ones too: each ran a test.

Pure computation; the store is :mod:`edgekit.traffic.store`.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from edgekit.errors import CalibrationError
from edgekit.routing.calibration import Calibration
from edgekit.routing.gain import GainGate, keep_score
from edgekit.routing.logistic import LogisticModel, fit_logistic
from edgekit.routing.projection import PROJECTION_FEATURES, projection_features
from edgekit.routing.stats import (
    binom_cdf,
    risk_controlling_threshold,
    threshold_for_escalation_rate,
)

MIN_LABELS = 50
MIN_HELD = 20
LOSS_MARGIN = 0.01
"""On a tie under the guarantee, the candidate must lower held-back log-loss by this much."""
KEEP_MARGIN = 0.02
"""A candidate must keep this much more of the held-back traffic local (no churn)."""
SPENDING = ("joint", "per_refit")


@dataclass(frozen=True, kw_only=True)
class TrafficExample:
    """What the refit reads of one stored request."""

    features: Mapping[str, float]
    local_ok: bool | None
    cloud_ok: bool | None = None
    audit: bool = False
    key: str = ""
    """The stored request's decision id (fixes which side of the held-back split it is on)."""


def examples(rows: Iterable[Any]) -> list[TrafficExample]:
    """Examples from stored rows (anything with decision_id/features/local_ok/cloud_ok/audit,
    and optionally ``projection``: its coordinates join the features as ``hidden_pc0``, ...)."""
    return [TrafficExample(features={**r.features, **_coords(r)}, local_ok=r.local_ok,
                           cloud_ok=r.cloud_ok, audit=r.audit, key=r.decision_id)
            for r in rows]  # fmt: skip


def _coords(row: Any) -> dict[str, float]:
    coords = getattr(row, "projection", None)
    return projection_features(coords) if coords else {}


def learning_scope(calibration: Calibration) -> str:
    """What stored inputs and learned versions are bound to: the model and what scores inputs.

    The stored inputs are the draft's signals, prompt statistics, the
    pre-route score and the hidden-state probes' scores, so rows (and the
    versions learned from them) belong to one model sha256, pre-route model
    and pair of probes; a refit changes none of these.
    """
    doc = calibration.as_dict()
    gain = doc.get("gain") or {}
    key = {"model": calibration.model_sha256, "pre_route": doc.get("pre_route"),
           "probes": [gain.get("local_probe"), gain.get("cloud_probe")]}  # fmt: skip
    if gain.get("projection") is not None:  # (files without one keep their old scope)
        key["projection"] = gain["projection"]
    return hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()[:24]


def in_audit_sample(gate: GainGate, *, draw: bool) -> bool:
    """Whether a request joins the audit sample: its label does not depend on the gate.

    ``draw`` is the request's random audit draw (taken for every request,
    kept or not, so audits are a uniform sample of the traffic). A gate that
    keeps nothing escalates every request whatever its inputs, so then every
    label is an unbiased sample too.
    """
    return draw or not gate.threshold <= 1.0


@dataclass(frozen=True, kw_only=True)
class RefitTarget:
    """The guarantee (or escalation rate) both gates are held to."""

    max_local_error: float | None = None
    delta: float = 0.1
    escalation_rate: float | None = None
    spending: str = "joint"
    """``joint``: attempt k at delta·6/(π²k²), every refit's guarantee at once;
    ``per_refit``: each attempt at delta."""
    growth: float = 2.0
    """A refit is tested only once its held-back audits are this many times the last
    tested refit's (1: every refit is tested): few tests, each with a larger share."""

    def __post_init__(self) -> None:
        if (self.max_local_error is None) == (self.escalation_rate is None):
            raise CalibrationError("give exactly one of max_local_error and escalation_rate")
        value = self.max_local_error if self.max_local_error is not None else self.escalation_rate
        if value is None or not 0.0 < value < 1.0 or not 0.0 < self.delta < 1.0:
            raise CalibrationError("targets and delta must lie in (0, 1)")
        if self.spending not in SPENDING:
            raise CalibrationError(f"spending must be one of {', '.join(SPENDING)}")
        if not 1.0 <= self.growth <= 100.0:
            raise CalibrationError("growth must be in [1, 100]")

    def level(self, attempt: int) -> float:
        """The error budget of refit attempt ``attempt`` (1-based)."""
        if attempt < 1:
            raise CalibrationError("refit attempts are numbered from 1")
        if self.spending == "per_refit":
            return self.delta
        return self.delta * 6.0 / (math.pi**2 * attempt**2)


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
    next_attempt: Callable[[int, float], int | None] | None = None,
) -> RefitOutcome:
    """Fit candidates on labelled traffic; the best replaces ``current`` only if it is better.

    ``next_attempt(n_held, growth)`` numbers this refit's test in the
    deployment's series (1-based), which sets its share of ``target.delta``
    (see the module docstring), or says None: the held-back audits have not
    grown by ``target.growth`` since the last test, so no test runs (as
    :meth:`edgekit.traffic.TrafficStore.next_attempt` does). Without it the
    refit is attempt 1.
    """
    labelled = [e for e in examples if e.local_ok is not None]
    if len(labelled) < min_labels:
        return RefitOutcome(accepted=False, gate=current,
                            reason=f"{len(labelled)} labels, need {min_labels}")  # fmt: skip
    held_idx = _held_back(labelled, seed)
    if len(held_idx) < MIN_HELD:
        return RefitOutcome(
            accepted=False,
            gate=current,
            reason=f"{len(held_idx)} held-back audit labels, need {MIN_HELD}",
        )
    held = [e for i, e in enumerate(labelled) if i in held_idx]
    fit = [e for i, e in enumerate(labelled) if i not in held_idx]
    candidates = {"threshold": current, "recalibrated": _recalibrated(current, fit),
                  "refit": _candidate(current, fit, l2)}  # fmt: skip
    if (dims := _projection_dims(current, labelled)) > 0:
        candidates["projection"] = _candidate(current, fit, l2, PROJECTION_FEATURES[:dims])
    attempt = 1 if next_attempt is None else next_attempt(len(held), target.growth)
    if attempt is None:
        reason = f"{len(held)} held-back audits: not {target.growth:g}x the last test's yet"
        return RefitOutcome(accepted=False, gate=current, reason=reason)
    level = target.level(attempt) / (len(candidates) + 1)
    deployed = _deployed_point(current, held, target, level)
    points = {name: _operating_point(g, held, target, level) for name, g in candidates.items()}
    name = max(points, key=lambda n: (points[n].kept, -points[n].log_loss))
    best = points[name]
    report: dict[str, Any] = {"n_labelled": len(labelled), "n_fit": len(fit), "n_held": len(held),
              "level": level, "attempt": attempt, "current": deployed.as_dict(), "best": name,
              "candidates": {n: p.as_dict() for n, p in points.items()}}  # fmt: skip
    report["candidate"] = report["candidates"][name]
    if not _better(best, deployed, target):
        reason = "no candidate beats the deployed gate on held-back audits"
        return RefitOutcome(accepted=False, gate=current, report=report, reason=reason)
    gate = candidates[name].with_threshold(best.threshold)
    reason = (
        f"{name}: the deployed gate breaks the guarantee on held-back audits"
        if deployed.violates
        else f"{name} beats the deployed gate on held-back audits"
    )
    return RefitOutcome(accepted=True, gate=gate, report=report, reason=reason)


def _held_back(labelled: Sequence[TrafficExample], seed: int) -> set[int]:
    """Indices of the held-back audits: half of them, the same half at every refit.

    A stored request's side follows from a hash of its decision id, so a row
    that was held back once is never fitted on later (a gate fitted on it
    could not be tested on it); rows without an id are split by ``seed``.
    """
    audits = [i for i, e in enumerate(labelled) if e.audit]
    keyed = [i for i in audits if labelled[i].key]
    held = {i for i in keyed if _side(labelled[i].key)}
    rest = [i for i in audits if not labelled[i].key]
    rng = np.random.default_rng(seed)
    held.update(rng.permutation(rest)[: len(rest) // 2].tolist())
    return held


def _side(key: str) -> bool:
    """True for the held-back side (a stable hash of the decision id)."""
    return bool(hashlib.blake2b(key.encode(), digest_size=1).digest()[0] & 1)


@dataclass(frozen=True)
class _Point:
    """A gate's operating point on the held-back audits."""

    threshold: float
    kept: float
    """Share kept local: a candidate's under its certified threshold (0 when none is);
    the deployed gate's at its own threshold (0 when shown to break the guarantee)."""
    error: float
    log_loss: float
    violates: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {"threshold": self.threshold if np.isfinite(self.threshold) else None,
                "kept_share": self.kept, "held_error": self.error,
                "held_log_loss": self.log_loss, "violates": self.violates}  # fmt: skip


def _better(best: _Point, deployed: _Point, target: RefitTarget) -> bool:
    if target.max_local_error is None:
        return best.error < deployed.error
    if deployed.violates:
        return True
    return best.kept > deployed.kept + KEEP_MARGIN or (
        best.kept >= deployed.kept > 0 and best.log_loss < deployed.log_loss - LOSS_MARGIN
    )


def _matrix(model: LogisticModel, rows: Sequence[TrafficExample]) -> np.ndarray[Any, Any]:
    return _rows_matrix(model.feature_names, rows)


def _rows_matrix(names: Sequence[str], rows: Sequence[TrafficExample]) -> np.ndarray[Any, Any]:
    try:
        return np.asarray([[r.features[n] for n in names] for r in rows], float)
    except KeyError as exc:
        raise CalibrationError(f"stored traffic lacks the gate input {exc.args[0]!r}") from None


def _labels(rows: Sequence[TrafficExample]) -> np.ndarray[Any, Any]:
    return np.asarray([bool(e.local_ok) for e in rows], dtype=float)


def _with_local(current: GainGate, local: LogisticModel, cloud: LogisticModel) -> GainGate:
    return dataclasses.replace(current, local=local, cloud=cloud)


def _recalibrated(current: GainGate, fit: Sequence[TrafficExample]) -> GainGate:
    """P(local right) Platt-rescaled on the traffic: ``sigmoid(a * logit + b)``, same features."""
    y = _labels(fit)
    if np.unique(y).size < 2:
        return current
    m = current.local
    p = np.clip(m.predict_proba(_matrix(m, fit)), 1e-6, 1 - 1e-6)
    platt = fit_logistic(np.log(p / (1 - p))[:, None], y, ("logit",), l2=0.1)
    a = platt.weights[0] / platt.scale[0]
    b = platt.bias - a * platt.mean[0]
    local = dataclasses.replace(m, weights=tuple(a * w for w in m.weights), bias=a * m.bias + b)
    return _with_local(current, local, current.cloud)


def _projection_dims(current: GainGate, labelled: Sequence[TrafficExample]) -> int:
    """Coordinates every labelled row carries (0: no projection candidate)."""
    if current.projection is None:
        return 0
    have = [sum(n in e.features for n in PROJECTION_FEATURES) for e in labelled]
    return min([current.projection.dims, *have])


def _candidate(
    current: GainGate, fit: Sequence[TrafficExample], l2: float, extra: tuple[str, ...] = ()
) -> GainGate:
    """Refit P(local right) (and P(cloud right) when feedback labelled enough cloud answers).

    ``extra``: projection coordinates both refitted models read besides the
    current models' other inputs.
    """
    local_names = _names(current.local, extra)
    cloud_names = _names(current.cloud, extra)
    y = _labels(fit)
    local = current.local
    if np.unique(y).size == 2:
        local = fit_logistic(_rows_matrix(local_names, fit), y, local_names, l2=l2)
    cloud_rows = [e for e in fit if e.cloud_ok is not None]
    cloud = current.cloud
    cy = np.asarray([bool(e.cloud_ok) for e in cloud_rows], dtype=float)
    if len(cloud_rows) >= MIN_LABELS and np.unique(cy).size == 2:
        cloud = fit_logistic(_rows_matrix(cloud_names, cloud_rows), cy, cloud_names, l2=l2)
    return _with_local(current, local, cloud)


def _names(model: LogisticModel, extra: tuple[str, ...]) -> tuple[str, ...]:
    if not extra:
        return model.feature_names
    return (*(n for n in model.feature_names if n not in PROJECTION_FEATURES), *extra)


def gate_scores(gate: GainGate, rows: Sequence[TrafficExample]) -> np.ndarray[Any, Any]:
    """Keep-local scores of stored requests (probe scores are stored features)."""
    p_local = gate.local.predict_proba(_matrix(gate.local, rows))
    p_cloud = gate.cloud.predict_proba(_matrix(gate.cloud, rows))
    return keep_score(p_local, p_cloud)


def _log_loss(gate: GainGate, held: Sequence[TrafficExample]) -> float:
    """Log-loss of P(local right) on the held-back labels."""
    p = np.clip(gate.local.predict_proba(_matrix(gate.local, held)), 1e-6, 1 - 1e-6)
    y = _labels(held)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def _deployed_point(
    gate: GainGate, held: Sequence[TrafficExample], target: RefitTarget, level: float
) -> _Point:
    """The deployed gate at its own threshold: what it keeps, and whether it is shown unsafe."""
    kept = gate_scores(gate, held) >= gate.threshold
    errors = 1.0 - _labels(held)
    n, k = int(kept.sum()), int(errors[kept].sum())
    error = k / n if n else 0.0
    loss = _log_loss(gate, held)
    if target.max_local_error is None:
        return _Point(gate.threshold, float(kept.mean()), error, loss)
    alpha = target.max_local_error
    violates = n > 0 and 1.0 - binom_cdf(k - 1, n, alpha) <= level  # lower bound > alpha
    return _Point(gate.threshold, 0.0 if violates else float(kept.mean()), error, loss, violates)


def _operating_point(
    gate: GainGate, held: Sequence[TrafficExample], target: RefitTarget, level: float
) -> _Point:
    """A candidate's threshold on ``held`` (+inf when infeasible), kept share and error."""
    scores = gate_scores(gate, held)
    errors = 1.0 - _labels(held)
    loss = _log_loss(gate, held)
    if target.max_local_error is not None:
        risk = risk_controlling_threshold(scores, errors, alpha=target.max_local_error,
                                          delta=level)  # fmt: skip
        return _Point(risk.threshold, risk.accepted_share, risk.empirical_risk, loss)
    threshold = threshold_for_escalation_rate(scores, float(target.escalation_rate or 0.0))
    kept = scores >= threshold
    error = float(errors[kept].mean()) if kept.any() else 0.0
    return _Point(threshold, float(kept.mean()), error, loss)
