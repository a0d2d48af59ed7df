"""Cross-validated ceilings of the learning router's ranking figure (issue 21).

``cloud_share_at_95`` (the cloud share a gate's ranking needs to reach 95 % of
cloud-only accuracy) did not fall in the traffic simulation. This module asks
what *any* refit could reach on the shifted domain, without scoring a sealed
set: k-fold cross-validation over the distinct prompts of the stream (and of
the old sealed set, no longer unseen), each candidate fitted on the other
folds with the labels a deployment could have, the figure computed once on
the pooled out-of-fold scores, repeated over fold seeds. Beside each figure:
the spread over repeats and a paired bootstrap interval of its difference to
the deployed gate (the sampling noise of the domain, which the sealed sets
also have). ``in_sample`` explains why a richer in-sample fit can rank worse
on this figure; ``figure_noise`` gives the figure's spread on sealed sets of
100 and 300 requests.

Candidates that read the full hidden state or the true category cannot be
stored (``storable`` False): they bound what a richer storable input could do.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from edgekit.calibrate.evaluation import oracle_curve, random_curve, score_curve
from edgekit.calibrate.judges import resolve_judge
from edgekit.routing.gain import GainGate, keep_score
from edgekit.routing.logistic import LogisticModel, fit_logistic
from edgekit.routing.probe import PrincipalBasis

Array = np.ndarray[Any, Any]
QUALITY = 0.95
Scorer = Callable[[Array, Array, np.random.Generator], Array]
"""(train indices, test indices, rng) -> keep-local scores of the test rows."""


@dataclass(frozen=True, kw_only=True)
class Domain:
    """One row per distinct prompt: the gate's stored inputs, states and outcomes."""

    local_x: Array
    cloud_x: Array
    hidden: Array
    local_ok: Array
    cloud_ok: Array
    device_ok: Array
    """The label a device has for an escalated draft: judged against the cloud's answer."""
    category: Array

    @property
    def n(self) -> int:
        return int(self.local_ok.shape[0])


def domain_of(gate: GainGate, requests: Sequence[Any], states: Mapping[str, Array]) -> Domain:
    """Distinct prompts of ``requests`` (``router_learning.Request``); ``states`` by item id."""
    rows = list({r.item.prompt: r for r in requests}.values())

    def matrix(names: Sequence[str]) -> Array:
        return np.asarray([[r.inputs()[n] for n in names] for r in rows])

    device = [bool(resolve_judge(r.item.judge)(r.local_text, r.cloud_text)) for r in rows]
    return Domain(local_x=matrix(gate.local.feature_names),
                  cloud_x=matrix(gate.cloud.feature_names),
                  hidden=np.asarray([states[r.item.id] for r in rows]),
                  local_ok=np.asarray([r.local_correct for r in rows], dtype=float),
                  cloud_ok=np.asarray([r.cloud_correct for r in rows], dtype=float),
                  device_ok=np.asarray(device, dtype=float),
                  category=np.asarray([r.item.category for r in rows]))  # fmt: skip


def share_at_95(scores: Array, local: Array, cloud: Array) -> float:
    return score_curve(scores, local, cloud).share_to_reach(QUALITY * float(cloud.mean()))


def deployed_scores(gate: GainGate, d: Domain) -> Array:
    """The deployed gate's keep-local scores (no refit)."""
    return keep_score(gate.local.predict_proba(d.local_x), gate.cloud.predict_proba(d.cloud_x))


def _logit(x: Array, y: Array, l2: float = 1.0) -> LogisticModel:
    return fit_logistic(x, y, [f"x{i}" for i in range(x.shape[1])], l2=l2)


class Candidates:
    """Scorers over one domain; ``projection`` holds unsupervised principal coordinates
    (the calibration set's basis, rounded to 0.1 as a learning client stores them)."""

    def __init__(self, gate: GainGate, domain: Domain, basis: PrincipalBasis) -> None:
        self.gate, self.d = gate, domain
        self.projection = np.round(basis.project(domain.hidden, 64), 1)
        self.p_cloud0 = gate.cloud.predict_proba(domain.cloud_x)
        self.deployed = deployed_scores(gate, domain)
        one_hot = [[c == k for k in sorted(set(domain.category))] for c in domain.category]
        self.category = np.asarray(one_hot, dtype=float)

    def fixed(self) -> Scorer:
        return lambda tr, te, rng: self.deployed[te]

    def refit(self, extra: Array | None = None, *, labels: str = "local_ok",
              cloud_share: float = 0.0, cloud_extra: Array | None = None,
              l2: float = 1.0) -> Scorer:  # fmt: skip
        """P(local right) refitted on the stored inputs (+ ``extra``); P(cloud right) refitted
        from ``cloud_share`` of the training rows' cloud labels (feedback), else deployed."""
        d = self.d
        xl = d.local_x if extra is None else np.column_stack([d.local_x, extra])
        xc = d.cloud_x if cloud_extra is None else np.column_stack([d.cloud_x, cloud_extra])
        y = getattr(d, labels)

        def score(tr: Array, te: Array, rng: np.random.Generator) -> Array:
            p_local = _logit(xl[tr], y[tr], l2).predict_proba(xl[te])
            fed = tr[rng.random(tr.size) < cloud_share]
            if np.unique(d.cloud_ok[fed]).size < 2:
                return keep_score(p_local, self.p_cloud0[te])
            return keep_score(p_local, _logit(xc[fed], d.cloud_ok[fed], l2).predict_proba(xc[te]))

        return score

    def neighbours(self, points: Array, k: int = 10, *, cosine: bool = False) -> Scorer:
        """P(local right) = mean of the stored-input refit and the k nearest labels' rate."""
        z = points / np.linalg.norm(points, axis=1, keepdims=True) if cosine else points

        def score(tr: Array, te: Array, rng: np.random.Generator) -> Array:
            dist = -(z[te] @ z[tr].T) if cosine else ((z[te, None] - z[None, tr]) ** 2).sum(-1)
            near = np.argsort(dist, axis=1)[:, :k]
            y = self.d.local_ok[tr]
            rate = (y[near].sum(1) + y.mean()) / (k + 1)
            p_local = _logit(self.d.local_x[tr], y).predict_proba(self.d.local_x[te])
            return keep_score(0.5 * rate + 0.5 * p_local, self.p_cloud0[te])

        return score

    def hidden_pca(self, rank: int, l2: float) -> Scorer:
        """The full pooled state: stored inputs (the shipped probe's score among them) + the
        state's top ``rank`` principal directions (fold's own), ridge-shrunk toward the former;
        ``rank`` >= the fold's size is the whole state (a ridge lives in the rows' span)."""

        def score(tr: Array, te: Array, rng: np.random.Generator) -> Array:
            basis = PrincipalBasis.of(self.d.hidden[tr])  # n_train - 1 directions carry variance
            z = basis.project(self.d.hidden, min(rank, tr.size - 1))
            x = np.column_stack([self.d.local_x, z])
            p_local = _logit(x[tr], self.d.local_ok[tr], l2).predict_proba(x[te])
            return keep_score(p_local, self.p_cloud0[te])

        return score

    def gain_objective(self, mode: str, cloud_share: float = 1.0) -> Scorer:
        """Fitted to the figure's event: ``help`` = P(local wrong and cloud right) directly;
        ``product`` = P(local wrong) · P(cloud right), both parts refitted."""
        d = self.d
        x = np.column_stack([d.local_x, d.cloud_x])
        helps = ((d.cloud_ok == 1) & (d.local_ok == 0)).astype(float)

        def score(tr: Array, te: Array, rng: np.random.Generator) -> Array:
            if mode == "help":
                return -_logit(x[tr], helps[tr]).predict_proba(x[te])
            p_local = _logit(x[tr], d.local_ok[tr]).predict_proba(x[te])
            fed = tr[rng.random(tr.size) < cloud_share]
            p_cloud = _logit(x[fed], d.cloud_ok[fed]).predict_proba(x[te])
            return -(1 - p_local) * p_cloud

        return score

    def pairwise(self, pairs: int = 20000) -> Scorer:
        """A ranking loss: a linear score fitted so that every "keep" row (the cloud would not
        fix it) outranks every "escalate" row (it would): logistic on feature differences of
        random pairs, both orientations (RankNet with a linear score)."""
        d = self.d
        x = _standardized(np.column_stack([d.local_x, d.cloud_x]))
        keep = ~((d.cloud_ok == 1) & (d.local_ok == 0))

        def score(tr: Array, te: Array, rng: np.random.Generator) -> Array:
            good, bad = tr[keep[tr]], tr[~keep[tr]]
            i, j = rng.choice(good, pairs), rng.choice(bad, pairs)
            diff = np.vstack([x[i] - x[j], x[j] - x[i]])
            y = np.concatenate([np.ones(pairs), np.zeros(pairs)])
            model = _logit(diff, y)
            return np.asarray(x[te] @ (np.asarray(model.weights) / np.asarray(model.scale)))

        return score

    def table(self) -> dict[str, tuple[Scorer, bool]]:
        """Every candidate, and whether its input is storable."""
        p, c = self.projection, self.category
        return {
            "deployed": (self.fixed(), True),
            "refit_stored": (self.refit(), True),
            "refit_stored_device_labels": (self.refit(labels="device_ok"), True),
            "projection_16": (self.refit(p[:, :16]), True),
            "projection_32": (self.refit(p[:, :32]), True),
            "projection_64": (self.refit(p[:, :64]), True),
            "projection_64_l2_10": (self.refit(p[:, :64], l2=10.0), True),
            "knn10_projection_16": (self.neighbours(p[:, :16]), True),
            "knn10_projection_32": (self.neighbours(p[:, :32]), True),
            "cloud_feedback_100": (self.refit(cloud_share=1.0), True),
            "cloud_feedback_30": (self.refit(cloud_share=0.3), True),
            "cloud_feedback_10": (self.refit(cloud_share=0.1), True),
            "projection_16_cloud_feedback_30": (
                self.refit(p[:, :16], cloud_share=0.3, cloud_extra=p[:, :16]),
                True,
            ),
            "gain_help_classifier": (self.gain_objective("help"), True),
            "gain_product_cloud_feedback_100": (self.gain_objective("product"), True),
            "gain_product_cloud_feedback_30": (self.gain_objective("product", 0.3), True),
            "gain_pairwise": (self.pairwise(), True),
            "hidden_pca64_l2_10": (self.hidden_pca(64, 10.0), False),
            "hidden_pca128_l2_100": (self.hidden_pca(128, 100.0), False),
            "hidden_full_rank_l2_300": (self.hidden_pca(self.d.n, 300.0), False),
            "knn10_hidden": (self.neighbours(_standardized(self.d.hidden), cosine=True), False),
            "true_category": (self.refit(c, cloud_share=1.0, cloud_extra=c), False),
        }


def _standardized(x: Array) -> Array:
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    return np.asarray((x - x.mean(axis=0)) / scale)


def _folds(n: int, k: int, seed: int) -> list[Array]:
    order = np.random.default_rng(seed).permutation(n)
    return [np.sort(order[i::k]) for i in range(k)]


def out_of_fold(scorer: Scorer, n: int, *, folds: int, seed: int) -> Array:
    """Each row scored by a candidate fitted on the other folds."""
    rng = np.random.default_rng(1000 + seed)
    out = np.zeros(n)
    for test in _folds(n, folds, seed):
        out[test] = scorer(np.setdiff1d(np.arange(n), test), test, rng)
    return out


def _paired_interval(scores: Array, deployed: Array, d: Domain, draws: int = 1000) -> list[float]:
    """90 % bootstrap interval (over prompts) of the figure's difference to the deployed gate."""
    rng = np.random.default_rng(7)
    diffs = []
    for _ in range(draws):
        i = rng.integers(0, d.n, d.n)
        diffs.append(share_at_95(scores[i], d.local_ok[i], d.cloud_ok[i])
                     - share_at_95(deployed[i], d.local_ok[i], d.cloud_ok[i]))  # fmt: skip
    return [round(float(v), 3) for v in np.percentile(diffs, [5, 95])]


def cv_ceilings(
    gate: GainGate,
    domain: Domain,
    basis: PrincipalBasis,
    *,
    folds: int = 5,
    repeats: int = 10,
    names: Sequence[str] | None = None,
) -> dict[str, Any]:
    """Cross-validated ``cloud_share_at_95`` of every candidate (mean, sd over fold seeds,
    and the 90 % paired bootstrap interval of its difference to the deployed gate)."""
    cands = Candidates(gate, domain, basis)
    d = domain
    out: dict[str, Any] = {"n_prompts": d.n, "folds": folds, "repeats": repeats}
    for name, (scorer, storable) in cands.table().items():
        if names is not None and name not in names:
            continue
        oofs = [out_of_fold(scorer, d.n, folds=folds, seed=s) for s in range(repeats)]
        figures = [share_at_95(o, d.local_ok, d.cloud_ok) for o in oofs]
        out[name] = {"cloud_share_at_95": round(float(np.mean(figures)), 3),
                     "sd": round(float(np.std(figures)), 3), "storable": storable,
                     "diff_90": _paired_interval(oofs[0], cands.deployed, d)}  # fmt: skip
    target = QUALITY * float(d.cloud_ok.mean())
    out["true_local_outcome"] = round(
        share_at_95(d.local_ok + 1e-3 * cands.deployed, d.local_ok, d.cloud_ok), 3
    )
    out["oracle"] = round(oracle_curve(d.local_ok, d.cloud_ok).share_to_reach(target), 3)
    out["random"] = round(random_curve(d.local_ok, d.cloud_ok).share_to_reach(target), 3)
    return out


LEARNING_CURVE = (
    "refit_stored",
    "refit_stored_device_labels",
    "projection_16",
    "knn10_projection_16",
    "cloud_feedback_30",
)


def learning_curve(
    gate: GainGate,
    domain: Domain,
    basis: PrincipalBasis,
    *,
    sizes: Sequence[int] = (100, 200),
    names: Sequence[str] = LEARNING_CURVE,
    folds: int = 5,
    repeats: int = 10,
) -> dict[str, dict[str, float]]:
    """The cross-validated figure when each fold's candidate sees only ``size`` training
    prompts (a random subset): what a few hundred labels can learn."""
    table = Candidates(gate, domain, basis).table()
    out: dict[str, dict[str, float]] = {}
    for size in sizes:
        row = {}
        for name in names:
            scorer = table[name][0]

            def fewer(tr: Array, te: Array, rng: np.random.Generator, f: Scorer = scorer,
                      m: int = size) -> Array:  # fmt: skip
                return f(np.sort(rng.choice(tr, min(m, tr.size), replace=False)), te, rng)

            figures = [
                share_at_95(
                    out_of_fold(fewer, domain.n, folds=folds, seed=s),
                    domain.local_ok,
                    domain.cloud_ok,
                )
                for s in range(repeats)
            ]
            row[name] = round(float(np.mean(figures)), 3)
        out[str(size)] = row
    return out


def in_sample(gate: GainGate, domain: Domain) -> dict[str, dict[str, float]]:
    """Fitted and scored on the same prompts: P(local right) refitted, with and without
    P(cloud right) refitted too. The figure against the whole curve's mean accuracy."""
    d = domain
    p_local = _logit(d.local_x, d.local_ok).predict_proba(d.local_x)
    p_cloud = _logit(d.cloud_x, d.cloud_ok).predict_proba(d.cloud_x)
    p_cloud0 = gate.cloud.predict_proba(d.cloud_x)
    variants = {"deployed": deployed_scores(gate, d),
                "local_refit": keep_score(p_local, p_cloud0),
                "local_and_cloud_refit": keep_score(p_local, p_cloud)}  # fmt: skip
    out = {}
    for name, scores in variants.items():
        curve = score_curve(scores, d.local_ok, d.cloud_ok)
        out[name] = {"cloud_share_at_95": round(share_at_95(scores, d.local_ok, d.cloud_ok), 3),
                     "mean_accuracy_over_shares": round(float(curve.accuracy.mean()), 4),
                     "accuracy_at_0.6": round(curve.accuracy_at(0.6), 3),
                     "accuracy_at_0.7": round(curve.accuracy_at(0.7), 3)}  # fmt: skip
    out["p_cloud_log_loss"] = {"deployed": _log_loss(p_cloud0, d.cloud_ok),
                               "refit": _log_loss(p_cloud, d.cloud_ok)}  # fmt: skip
    return out


def _log_loss(p: Array, y: Array) -> float:
    q = np.clip(p, 1e-6, 1 - 1e-6)
    return round(float(-np.mean(y * np.log(q) + (1 - y) * np.log(1 - q))), 4)


def figure_noise(
    gate: GainGate, domain: Domain, sizes: Sequence[int] = (100, 300), draws: int = 2000
) -> dict[str, float]:
    """Standard deviation of the deployed gate's figure on sets of ``sizes`` requests
    drawn from the domain: how far apart two sealed sets' figures lie by chance."""
    d = domain
    deployed = deployed_scores(gate, d)
    rng = np.random.default_rng(1)
    out = {}
    for m in sizes:
        figs = [share_at_95(deployed[i], d.local_ok[i], d.cloud_ok[i])
                for i in (rng.integers(0, d.n, m) for _ in range(draws))]  # fmt: skip
        out[f"sd_{m}"] = round(float(np.std(figs)), 3)
    return out
