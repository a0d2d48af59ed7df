"""The learning router's figures, for benchmarks/router.py.

- Hidden states: the edge model's pooled final hidden state (prompt's last
  token + mean of the first answer tokens) of every cached answer, kept in a
  cache beside the answers and in the committed data file.
- ``gain_figures``: the gain gate (P(cloud right) - P(local right), with
  hidden-state probes) fitted on the fit half and scored on the held-out half,
  beside the cascade gate's figures.
- ``traffic_simulation``: a deployment on the shifted domain
  (tests/workloads/shifted_domain.py) routes a stream with the gain gate, stores
  features and labels in a real TrafficStore, audits a random share, refits
  every ``refit_every`` labels, and is scored on the sealed items after 0,
  200 and 1,000 labelled requests.

Committed data (benchmarks/data/router-answers.jsonl.gz): every answer the
benchmark needs — the edge model's text and per-token signals, the
reference model's text, and the edge model's pooled hidden state as float16 —
keyed as the router cache keys them (model sha256, max_tokens, system prompt,
prompt). It is loaded into the caches before any model runs, so the figures
reproduce in seconds; anything missing is generated.
"""

from __future__ import annotations

import base64
import gzip
import json
import os
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from edgekit.calibrate.dataset import Item
from edgekit.calibrate.evaluation import oracle_curve, random_curve, score_curve
from edgekit.calibrate.fit import prompt_matrix
from edgekit.calibrate.gain import PROJECTION_DIMS, HiddenCache, gain_probabilities
from edgekit.calibrate.judges import resolve_judge
from edgekit.calibrate.records import ItemResult
from edgekit.calibrate.runner import Generation, GenerationCache
from edgekit.local.engine import Engine
from edgekit.routing.calibration import Calibration
from edgekit.routing.features import prompt_features
from edgekit.routing.gain import (
    CLOUD_BASE_FEATURES,
    CLOUD_PROBE_FEATURE,
    LOCAL_BASE_FEATURES,
    LOCAL_PROBE_FEATURE,
    PRE_ROUTE_FEATURE,
    STORED_FEATURES,
    GainGate,
    GainTrainingSet,
    fit_gain_gate,
    keep_score,
)
from edgekit.routing.logistic import fit_logistic
from edgekit.routing.projection import projection_features
from edgekit.routing.refit import (
    RefitTarget,
    TrafficExample,
    examples,
    in_audit_sample,
    refit_gain_gate,
)
from edgekit.routing.stats import auroc
from edgekit.traffic import TrafficStore

DATA_FILE = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "router-answers.jsonl.gz"
QUALITY = 0.95


# --- committed data -----------------------------------------------------------------


def hidden_cache_for(cache: GenerationCache) -> HiddenCache:
    return HiddenCache.beside(cache)


def load_committed(cache: GenerationCache, hidden: HiddenCache) -> int:
    """Fill the caches from the committed data file; returns the number of entries."""
    if not DATA_FILE.exists():
        return 0
    n = 0
    with gzip.open(DATA_FILE, "rt", encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            key = doc["key"]
            if cache.get(key) is None:
                cache.put(key, Generation.from_dict(doc["generation"]))
            if doc.get("hidden") and hidden.get(key) is None:
                raw = base64.b64decode(doc["hidden"])
                hidden.put(key, np.frombuffer(raw, dtype="<f2").astype(np.float32))
            n += 1
    return n


def export_committed(keys: Sequence[str], cache: GenerationCache, hidden: HiddenCache) -> None:
    """Write the committed data file from the caches (sorted, float16 hidden states)."""
    DATA_FILE.parent.mkdir(parents=True, exist_ok=True)
    tmp = DATA_FILE.with_suffix(".tmp")
    with gzip.open(tmp, "wt", encoding="utf-8", compresslevel=9) as fh:
        for key in sorted(set(keys)):
            gen = cache.get(key)
            if gen is None:
                continue
            vec = hidden.get(key)
            doc = {"key": key, "generation": gen.as_dict(),
                   "hidden": None if vec is None else base64.b64encode(
                       vec.astype("<f2").tobytes()).decode("ascii")}  # fmt: skip
            fh.write(json.dumps(doc, sort_keys=True) + "\n")
    os.replace(tmp, DATA_FILE)


def cloud_answers(
    engine_factory: Callable[[], Engine],
    items: Sequence[Item],
    *,
    sha: str,
    max_tokens: int,
    cache: GenerationCache,
) -> dict[str, Generation]:
    """Reference answers (terse prompt), loading the model only when one is missing."""
    from edgekit.calibrate.dataset import SYSTEM_PROMPT
    from edgekit.calibrate.runner import run_engine

    out: dict[str, Generation] = {}
    for item in items:
        hit = cache.get(GenerationCache.key(sha, max_tokens, SYSTEM_PROMPT, item.prompt))
        if hit is None:
            with engine_factory() as big:
                return run_engine(big, items, cache=cache, max_tokens=max_tokens)
        out[item.id] = hit
    return out


# --- the gain gate on the project's split ---------------------------------------------


def _pre_scores(results: Sequence[ItemResult], calibration: Calibration) -> np.ndarray[Any, Any]:
    if calibration.pre_route is None:
        return np.full(len(results), 0.5)
    return np.asarray(calibration.pre_route.model.predict_proba(prompt_matrix(results)))


def curve_figures(scores: np.ndarray[Any, Any], data: GainTrainingSet) -> dict[str, float]:
    """Cloud share at 95 % of cloud accuracy for ``scores``, the oracle and random."""
    local, cloud = data.local_ok, data.cloud_ok
    target = QUALITY * float(cloud.mean())
    return {
        "cloud_share_at_95": score_curve(scores, local, cloud).share_to_reach(target),
        "oracle_cloud_share_at_95": oracle_curve(local, cloud).share_to_reach(target),
        "random_cloud_share_at_95": random_curve(local, cloud).share_to_reach(target),
    }


def gain_figures(
    fit: GainTrainingSet, held: GainTrainingSet, *, seed: int
) -> tuple[GainGate, dict[str, Any]]:
    """The gain gate with hidden states, and ablations, fitted on ``fit``, scored on ``held``."""
    gate = fit_gain_gate(fit, seed=seed, projection_dims=PROJECTION_DIMS)
    no_hidden = fit_gain_gate(_without_hidden(fit), seed=seed)
    p_local, p_cloud = gain_probabilities(gate, held)
    q_local, q_cloud = gain_probabilities(no_hidden, _without_hidden(held))
    gain = curve_figures(keep_score(p_local, p_cloud), held)
    return gate, {
        "auroc_hidden": auroc(p_local, held.local_ok),
        "auroc_cloud_hidden": _nan_none(auroc(p_cloud, held.cloud_ok)),
        "cloud_share_at_95_gain": gain["cloud_share_at_95"],
        "cloud_share_at_95_gain_no_hidden": curve_figures(keep_score(q_local, q_cloud), held)[
            "cloud_share_at_95"
        ],
        "cloud_share_at_95_local_hidden": curve_figures(p_local, held)["cloud_share_at_95"],
        "auroc_no_hidden": auroc(q_local, held.local_ok),
        "probe": {"local_rank": _rank(gate, "local"), "cloud_rank": _rank(gate, "cloud")},
    }


def _rank(gate: GainGate, which: str) -> int | None:
    probe = gate.local_probe if which == "local" else gate.cloud_probe
    return None if probe is None else probe.rank


def _without_hidden(data: GainTrainingSet) -> GainTrainingSet:
    return GainTrainingSet(local_x=data.local_x, cloud_x=data.cloud_x, local_ok=data.local_ok,
                           cloud_ok=data.cloud_ok, hidden=None)  # fmt: skip


def _nan_none(value: float) -> float | None:
    return None if np.isnan(value) else value


# --- the traffic simulation -----------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Request:
    """One shifted-domain request as the device sees it, plus the truth for scoring."""

    item: Item
    features: dict[str, float]
    local_text: str
    cloud_text: str
    local_correct: bool
    cloud_correct: bool
    projection: tuple[float, ...] = ()
    """The gate's hidden-state projection coordinates (what a learning client may store)."""

    def inputs(self) -> dict[str, float]:
        """Stored features plus the projection's coordinates, as a refit reads them."""
        return {**self.features, **projection_features(self.projection)}


def requests_of(
    items: Sequence[Item],
    local: dict[str, Generation],
    cloud: dict[str, Generation],
    states: dict[str, np.ndarray[Any, Any]],
    gate: GainGate,
    calibration: Calibration,
    window: int,
) -> list[Request]:
    """Device-side features (probe scores, never states) and the judged truth."""
    out = []
    for item in items:
        gen, ref = local[item.id], cloud[item.id]
        prompt = prompt_features(item.prompt)
        pre = _pre_scores([_stub(prompt)], calibration)[0]
        feats = {**gen.window_signals(window), **prompt, PRE_ROUTE_FEATURE: float(pre)}
        feats = {k: v for k, v in feats.items() if k in STORED_FEATURES}
        if gate.local_probe is not None and gate.cloud_probe is not None:
            feats[LOCAL_PROBE_FEATURE] = gate.local_probe.score(states[item.id])
            feats[CLOUD_PROBE_FEATURE] = gate.cloud_probe.score(states[item.id])
        coords = () if gate.projection is None else gate.projection.coordinates(states[item.id])
        judge = resolve_judge(item.judge)
        out.append(Request(item=item, features=feats, local_text=gen.text, cloud_text=ref.text,
                           local_correct=bool(judge(gen.text, item.reference)),
                           cloud_correct=bool(judge(ref.text, item.reference)),
                           projection=coords))  # fmt: skip
    return out


def _stub(prompt: dict[str, float]) -> ItemResult:
    return ItemResult(item_id="", category="", prompt_features=prompt, local_correct=False,
                      local_signals={})  # fmt: skip


def _scores(gate: GainGate, requests: Sequence[Request]) -> np.ndarray[Any, Any]:
    rows = [TrafficExample(features=r.inputs(), local_ok=None) for r in requests]
    from edgekit.routing.refit import gate_scores

    return gate_scores(gate, rows)


def sealed_figures(gate: GainGate, sealed: Sequence[Request], alpha: float) -> dict[str, Any]:
    """The gate on the sealed requests: curve figures, AUROC and its operating point."""
    scores = _scores(gate, sealed)
    local = np.asarray([r.local_correct for r in sealed], dtype=float)
    cloud = np.asarray([r.cloud_correct for r in sealed], dtype=float)
    data = GainTrainingSet(local_x=np.zeros((len(sealed), len(LOCAL_BASE_FEATURES))),
                           cloud_x=np.zeros((len(sealed), len(CLOUD_BASE_FEATURES))),
                           local_ok=local, cloud_ok=cloud)  # fmt: skip
    kept = scores >= gate.threshold
    p_local = gate.local.predict_proba(
        np.asarray([[r.inputs()[n] for n in gate.local.feature_names] for r in sealed])
    )
    return {
        **curve_figures(scores, data),
        "auroc": auroc(p_local, local),
        "threshold": None if not np.isfinite(gate.threshold) else gate.threshold,
        "cloud_share_at_threshold": float(1 - kept.mean()),
        "accepted_error": float(1 - local[kept].mean()) if kept.any() else 0.0,
        "accuracy_at_threshold": float(np.where(kept, local, cloud).mean()),
        "guarantee": alpha,
    }


def traffic_simulation(
    gate: GainGate,
    stream_pool: Sequence[Request],
    sealed: Sequence[Request],
    *,
    alpha: float,
    delta: float,
    audit_rate: float = 0.2,
    refit_every: int = 100,
    checkpoints: Sequence[int] = (0, 200, 1000),
    seed: int = 0,
    feedback_rate: float = 0.0,
    spending: str = "joint",
    projection_dims: int = 0,
    also: Mapping[str, Sequence[Request]] | None = None,
) -> dict[str, Any]:
    """Route a stream with the current gate, learn from its labels, score on ``sealed``.

    ``feedback_rate``: share of answers whose user gives a (truthful) thumb on
    the answer they saw — the cloud's when escalated, the draft when kept.
    ``projection_dims``: coordinates of the hidden-state projection stored per
    request (``LearningConfig.projection_dims``). ``also``: more sealed sets,
    scored at the same checkpoints (``checkpoints_<name>`` in the report).
    """
    rng = np.random.default_rng(seed)
    target = RefitTarget(max_local_error=alpha, delta=delta, spending=spending)
    report: dict[str, Any] = {"refits": []}
    n_labels = 0
    n_requests = 0
    with tempfile.TemporaryDirectory() as tmp:
        store = TrafficStore(Path(tmp) / "traffic.sqlite3", allowed_features=STORED_FEATURES)
        sets = {"": sealed, **{f"_{k}": v for k, v in (also or {}).items()}}
        for suffix in sets:
            report[f"checkpoints{suffix}"] = {}

        def score_all(n: int) -> None:
            for suffix, requests in sets.items():
                report[f"checkpoints{suffix}"][str(n)] = {
                    **sealed_figures(gate, requests, alpha),
                    "requests": n_requests,
                }

        score_all(0)
        while n_labels < max(checkpoints):
            for i in rng.permutation(len(stream_pool)):
                req = stream_pool[int(i)]
                n_requests += 1
                labelled = _route_one(store, gate, req, f"r{n_requests}", rng, audit_rate,
                                      feedback_rate, projection_dims)  # fmt: skip
                n_labels += labelled
                if labelled and n_labels % refit_every == 0:
                    gate = _refit(store, gate, target, seed, n_labels, report)
                    if n_labels in checkpoints:
                        score_all(n_labels)
                if n_labels >= max(checkpoints):
                    break
        report["store_counts"] = store.counts()
        store.close()
    report["requests"] = n_requests
    return report


def traffic_headline(report: dict[str, Any]) -> dict[str, dict[str, float]]:
    """The issue's figures at each checkpoint, as top-level benchmark keys
    (``traffic_<figure>`` on the first sealed set, ``traffic_<set>_<figure>`` on others)."""
    out = {}
    for which in (k for k in report if k.startswith("checkpoints")):
        summary = checkpoint_summary(report, which)
        infix = which.removeprefix("checkpoints").lstrip("_")
        for key in ("cloud_share_at_95", "cloud_share_at_threshold", "accepted_error"):
            name = f"traffic_{infix}_{key}" if infix else f"traffic_{key}"
            out[name] = {n: figures[key] for n, figures in summary.items()}
    return out


def checkpoint_summary(
    report: dict[str, Any], which: str = "checkpoints"
) -> dict[str, dict[str, float]]:
    """Per checkpoint: the curve figure, and the deployed threshold's cloud share and error."""
    keys = ("cloud_share_at_95", "cloud_share_at_threshold", "accepted_error")
    return {n: {k: round(float(c[k]), 3) for k in keys} for n, c in report[which].items()}


def _route_one(
    store: TrafficStore,
    gate: GainGate,
    req: Request,
    decision_id: str,
    rng: np.random.Generator,
    audit_rate: float,
    feedback_rate: float = 0.0,
    projection_dims: int = 0,
) -> int:
    """Route one request; an escalated one is labelled on the device. Returns 1 if labelled."""
    score = float(_scores(gate, [req])[0])
    audit = in_audit_sample(gate, draw=bool(rng.random() < audit_rate))
    escalated = audit or score < gate.threshold
    store.record(decision_id, req.features, score=score, escalated=escalated, audit=audit,
                 projection=req.projection[:projection_dims] or None)  # fmt: skip
    thumb = bool(rng.random() < feedback_rate)
    if not escalated:
        if thumb:  # feedback on the kept draft
            store.label(decision_id, local_ok=req.local_correct, source="feedback")
        return int(thumb)
    judge = resolve_judge(req.item.judge)
    # the device's label: its draft judged against the cloud's answer (no reference on device)
    store.label(decision_id, local_ok=bool(judge(req.local_text, req.cloud_text)),
                source="escalation")  # fmt: skip
    if thumb:  # feedback on the cloud answer the user saw
        store.label(decision_id, cloud_ok=req.cloud_correct, source="feedback")
    return 1


def _refit(
    store: TrafficStore,
    gate: GainGate,
    target: RefitTarget,
    seed: int,
    n_labels: int,
    report: dict[str, Any],
) -> GainGate:
    rows = examples(store.rows(labelled_only=True))
    outcome = refit_gain_gate(gate, rows, target=target, seed=seed + n_labels,
                              next_attempt=store.next_attempt)  # fmt: skip
    report["refits"].append({"labels": n_labels, "accepted": outcome.accepted,
                             "reason": outcome.reason, "report": dict(outcome.report)})  # fmt: skip
    return outcome.gate


# --- what the stored inputs could learn at best -------------------------------------


def ceiling_figures(
    gate: GainGate, stream: Sequence[Request], sealed: Sequence[Request], *, l2: float = 1.0
) -> dict[str, float]:
    """``cloud_share_at_95`` on ``sealed`` of gates fitted on the distinct stream requests
    with their TRUE labels (an upper bound for what a refit on those inputs can learn).

    Inputs: the stored gate inputs; plus the projection's coordinates; with
    P(cloud right) refitted too (as if every cloud answer got feedback); both.
    Beside them: ranking by the true local outcome, and the oracle.
    """
    seen: dict[str, Request] = {r.item.prompt: r for r in stream}
    rows = list(seen.values())
    dims = 0 if gate.projection is None else gate.projection.dims
    extra = tuple(f"hidden_pc{i}" for i in range(dims))
    local_ok = np.asarray([r.local_correct for r in rows], dtype=float)
    cloud_ok = np.asarray([r.cloud_correct for r in rows], dtype=float)
    truth_local = np.asarray([r.local_correct for r in sealed], dtype=float)
    truth_cloud = np.asarray([r.cloud_correct for r in sealed], dtype=float)

    def fitted(names: Sequence[str], y: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        x = np.asarray([[r.inputs()[n] for n in names] for r in rows])
        model = fit_logistic(x, y, tuple(names), l2=l2)
        return model.predict_proba(np.asarray([[r.inputs()[n] for n in names] for r in sealed]))

    base_l = [n for n in gate.local.feature_names if not n.startswith("hidden_pc")]
    base_c = [n for n in gate.cloud.feature_names if not n.startswith("hidden_pc")]
    p_cloud0 = gate.cloud.predict_proba(
        np.asarray([[r.inputs()[n] for n in gate.cloud.feature_names] for r in sealed])
    )
    data = GainTrainingSet(local_x=np.zeros((len(sealed), len(LOCAL_BASE_FEATURES))),
                           cloud_x=np.zeros((len(sealed), len(CLOUD_BASE_FEATURES))),
                           local_ok=truth_local, cloud_ok=truth_cloud)  # fmt: skip
    share = lambda s: curve_figures(np.asarray(s), data)["cloud_share_at_95"]  # noqa: E731
    out = {"deployed": share(_scores(gate, sealed)),
           "stored_inputs": share(keep_score(fitted(base_l, local_ok), p_cloud0))}  # fmt: skip
    if dims:
        out["with_projection"] = share(keep_score(fitted([*base_l, *extra], local_ok), p_cloud0))
    out["with_cloud_feedback"] = share(keep_score(fitted(base_l, local_ok),
                                                  fitted(base_c, cloud_ok)))  # fmt: skip
    if dims:
        out["with_projection_and_cloud_feedback"] = share(
            keep_score(fitted([*base_l, *extra], local_ok), fitted([*base_c, *extra], cloud_ok))
        )
    out["true_local_outcome"] = share(truth_local + 1e-3 * _scores(gate, sealed))
    out["oracle"] = curve_figures(np.zeros(len(sealed)), data)["oracle_cloud_share_at_95"]
    out["n_stream_distinct"] = float(len(rows))
    return {k: round(float(v), 3) for k, v in out.items()}
