"""Offline: hidden states for calibration answers, the gain gate, and refits from traffic.

- :class:`HiddenCache` keeps the edge model's pooled hidden state of every
  calibration answer beside the answer cache (same keys);
  :func:`edge_hidden_states` fills it, re-running the edge model with
  ``GenerationParams.hidden_states`` only for answers it lacks.
- :func:`attach_gain_gate` fits :class:`~edgekit.routing.gain.GainGate` on the
  calibration's fit split and picks its threshold on the held-out split, for
  the same target as the cascade gate.
- :func:`refit_from_traffic` reads a :class:`~edgekit.traffic.TrafficStore`
  and returns the calibration to use: a new version only when the refitted
  gate beats the current one on held-back audit requests (see
  :mod:`edgekit.routing.refit`).
"""

from __future__ import annotations

import dataclasses
import os
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from edgekit.calibrate.fit import CalibrationTarget, gate_matrix, prompt_matrix, split_indices
from edgekit.calibrate.records import ItemResult
from edgekit.calibrate.runner import (
    STYLES,
    Conditions,
    Generation,
    GenerationCache,
    generation_of,
)
from edgekit.errors import CalibrationError
from edgekit.routing.calibration import Calibration
from edgekit.routing.gain import GainGate, GainTrainingSet, fit_gain_gate, keep_score
from edgekit.routing.probe import pool_states
from edgekit.routing.refit import RefitOutcome, RefitTarget, examples, refit_gain_gate
from edgekit.routing.stats import auroc, risk_controlling_threshold, threshold_for_escalation_rate

if TYPE_CHECKING:
    from edgekit.calibrate.dataset import Item
    from edgekit.local.engine import Engine
    from edgekit.traffic import TrafficStore

HIDDEN_TOKENS = 5
PROJECTION_DIMS = 16
FloatArray = np.ndarray[Any, Any]


class HiddenCache:
    """Pooled hidden states (float32 ``.npy``) keyed like :class:`GenerationCache`."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)

    @classmethod
    def beside(cls, cache: GenerationCache) -> HiddenCache:
        """The hidden-state cache next to an answer cache."""
        return cls(cache.root.parent / "router-hidden")

    def get(self, key: str) -> FloatArray | None:
        """The cached vector, or None (a corrupt entry counts as missing)."""
        try:
            return np.asarray(np.load(self.root / f"{key}.npy"), dtype=np.float32)
        except (OSError, ValueError):
            return None

    def put(self, key: str, vector: FloatArray) -> None:
        """Store atomically."""
        self.root.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.root, suffix=".npy")
        with os.fdopen(fd, "wb") as fh:
            np.save(fh, np.asarray(vector, dtype=np.float32))
        os.replace(tmp, self.root / f"{key}.npy")


def generate_with_hidden(
    engine: Engine, messages: list[dict[str, str]], max_tokens: int
) -> tuple[Generation, FloatArray]:
    """Greedy answer with signals and its pooled hidden state."""
    from edgekit.local.config import GenerationParams

    start = time.perf_counter()
    params = GenerationParams(max_tokens=max_tokens, temperature=0.0, hidden_states=HIDDEN_TOKENS)
    done = engine.chat(messages, params)
    gen = generation_of(done, time.perf_counter() - start)
    return gen, pool_states(done.hidden).astype(np.float32)


def edge_hidden(
    engine_factory: Callable[[], Engine],
    items: Sequence[Item],
    *,
    sha: str,
    system: str | None,
    max_tokens: int,
    cache: GenerationCache,
    hidden: HiddenCache,
) -> tuple[dict[str, Generation], dict[str, FloatArray], list[str]]:
    """Answers, pooled hidden states and cache keys of ``items`` (generating what is missing)."""
    answers: dict[str, Generation] = {}
    states: dict[str, FloatArray] = {}
    keys: list[str] = []
    engine: Engine | None = None
    try:
        for item in items:
            key = GenerationCache.key(sha, max_tokens, system, item.prompt)
            keys.append(key)
            gen, vec = cache.get(key), hidden.get(key)
            if gen is None or vec is None:
                engine = engine or engine_factory()
                gen, vec = generate_with_hidden(engine, item.messages(system), max_tokens)
                cache.put(key, gen)
                hidden.put(key, vec)
            answers[item.id], states[item.id] = gen, vec
    finally:
        if engine is not None:
            engine.close()
    return answers, states, keys


def edge_hidden_states(
    engine_factory: Callable[[], Engine],
    items: Sequence[Item],
    conditions: Conditions,
    *,
    sha: str,
    cache: GenerationCache,
    hidden: HiddenCache,
) -> FloatArray:
    """Pooled states in :func:`build_style_results` order (style-major, items in order)."""
    rows: list[FloatArray] = []
    for style in conditions.styles:
        _, states, _ = edge_hidden(engine_factory, items, sha=sha, system=STYLES[style],
                                   max_tokens=conditions.max_tokens(style), cache=cache,
                                   hidden=hidden)  # fmt: skip
        rows += [states[item.id] for item in items]
    return np.asarray(rows, dtype=np.float64)


def training_set(
    results: Sequence[ItemResult], hidden: FloatArray | None, calibration: Calibration
) -> GainTrainingSet:
    """Gain-gate arrays of ``results`` (pre-route scores from ``calibration``)."""
    if any(r.cloud_correct is None for r in results):
        raise CalibrationError("the gain gate needs the cloud answer's correctness of every item")
    pre = np.full(len(results), 0.5)
    if calibration.pre_route is not None:
        pre = calibration.pre_route.model.predict_proba(prompt_matrix(results))
    return GainTrainingSet(
        local_x=gate_matrix(results, pre.tolist()),
        cloud_x=prompt_matrix(results),
        local_ok=np.asarray([r.local_correct for r in results], dtype=float),
        cloud_ok=np.asarray([bool(r.cloud_correct) for r in results], dtype=float),
        hidden=hidden,
    )


def gain_probabilities(gate: GainGate, data: GainTrainingSet) -> tuple[FloatArray, FloatArray]:
    """(P(local right), P(cloud right)) of every row of ``data``."""
    local_x, cloud_x = data.local_x, data.cloud_x
    if gate.local_probe is not None and gate.cloud_probe is not None:
        if data.hidden is None:
            raise CalibrationError("this gain gate needs hidden states")
        local_x = np.column_stack([local_x, gate.local_probe.predict_proba(data.hidden)])
        cloud_x = np.column_stack([cloud_x, gate.cloud_probe.predict_proba(data.hidden)])
    return gate.local.predict_proba(local_x), gate.cloud.predict_proba(cloud_x)


def threshold_for(
    gate: GainGate, data: GainTrainingSet, target: CalibrationTarget
) -> tuple[float, dict[str, Any]]:
    """The gate's threshold on ``data`` for ``target`` (rate, or Learn-then-Test guarantee)."""
    p_local, p_cloud = gain_probabilities(gate, data)
    scores = keep_score(p_local, p_cloud)
    info: dict[str, Any] = {
        "holdout_auroc_local": _finite(auroc(p_local, data.local_ok)),
        "holdout_auroc_cloud": _finite(auroc(p_cloud, data.cloud_ok)),
    }
    if target.max_local_error is not None:
        risk = risk_controlling_threshold(
            scores, 1.0 - data.local_ok, alpha=target.max_local_error, delta=target.delta
        )
        threshold = risk.threshold
        info["risk_control"] = {
            "alpha": target.max_local_error,
            "delta": target.delta,
            "feasible": risk.feasible,
            "empirical_risk": risk.empirical_risk,
        }
    else:
        threshold = threshold_for_escalation_rate(scores, float(target.escalation_rate or 0.0))
    info["holdout_escalation_share"] = float(np.mean(scores < threshold))
    return threshold, info


def attach_gain_gate(
    calibration: Calibration,
    results: Sequence[ItemResult],
    hidden: FloatArray | None,
    *,
    target: CalibrationTarget,
    holdout: float = 0.4,
    seed: int = 0,
    projection_dims: int = PROJECTION_DIMS,
) -> Calibration:
    """The calibration with a gain gate fitted on the same split as its cascade gate.

    ``projection_dims``: directions of the hidden-state projection learning
    clients may store (fitted on the fit split's states; 0 for none).
    """
    labels = [r.local_correct for r in results]
    fit_idx, held_idx = split_indices(len(results), holdout, seed, labels)
    data = training_set(results, hidden, calibration)
    gate = fit_gain_gate(_rows(data, fit_idx), seed=seed, probe_tokens=HIDDEN_TOKENS,
                         projection_dims=projection_dims)  # fmt: skip
    threshold, info = threshold_for(gate, _rows(data, held_idx), target)
    out = dataclasses.replace(calibration, gain=gate.with_threshold(threshold))
    info["holdout_cloud_share_at_95"] = _held_out_shares(out, results, hidden, held_idx)
    meta = {**calibration.metadata, "gain": {**info, "hidden_tokens": gate.probe_tokens}}
    return dataclasses.replace(out, metadata=meta)


def _held_out_shares(
    calibration: Calibration,
    results: Sequence[ItemResult],
    hidden: FloatArray | None,
    held_idx: FloatArray,
) -> dict[str, float]:
    """Cloud share to reach 95 % of cloud accuracy on the held-out split: gain beside cascade."""
    from edgekit.calibrate.evaluation import evaluate

    held = [
        results[i]
        if hidden is None
        else dataclasses.replace(results[i], hidden=tuple(hidden[i].tolist()))
        for i in held_idx
    ]
    report = evaluate(held, calibration)
    names = ("gain", "cascade", "oracle", "random")
    return {name: report.share_at_95(name) for name in names if name in report.curves}


def _rows(data: GainTrainingSet, idx: FloatArray) -> GainTrainingSet:
    return GainTrainingSet(
        local_x=data.local_x[idx],
        cloud_x=data.cloud_x[idx],
        local_ok=data.local_ok[idx],
        cloud_ok=data.cloud_ok[idx],
        hidden=None if data.hidden is None else data.hidden[idx],
    )


def _finite(value: float) -> float | None:
    return value if np.isfinite(value) else None


def refit_from_traffic(
    store: TrafficStore,
    calibration: Calibration,
    target: RefitTarget,
    *,
    seed: int = 0,
) -> tuple[Calibration, RefitOutcome]:
    """A new calibration version when the refit beats the current gain gate, else the current."""
    if calibration.gain is None:
        raise CalibrationError("the calibration has no gain gate to refit (recalibrate first)")
    rows = examples(store.rows(labelled_only=True))
    outcome = refit_gain_gate(calibration.gain, rows, target=target, seed=seed,
                              next_attempt=store.next_attempt)  # fmt: skip
    if not outcome.accepted:
        return calibration, outcome
    version = int(calibration.metadata.get("traffic_version", 0)) + 1
    meta = {
        **calibration.metadata,
        "traffic_version": version,
        "traffic_refit": {"created_unix": int(time.time()), **dict(outcome.report)},
    }
    return dataclasses.replace(calibration, gain=outcome.gate, metadata=meta), outcome
