"""Router evaluation from cached per-item results (no model is run here).

For a routing score (higher = keep local), escalating the ``k`` lowest-scoring
items gives a point (cloud share ``k/n``, accuracy); sweeping ``k`` gives each
strategy's quality/cost curve. Baselines: ``oracle`` (escalates exactly the
items the cloud fixes) and ``random`` (expected accuracy of a random subset).
Handoff is scored by its running-window confidence; its escalated items are
credited with the cloud answer's correctness (the continuation is the cloud
model's). ``gain`` is the gain gate (schema v3) beside the cascade gate, when
the results carry the hidden states its probes read.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from edgekit.calibrate.fit import gate_matrix, prompt_matrix, window_min_logprob
from edgekit.calibrate.records import ItemResult
from edgekit.errors import CalibrationError
from edgekit.routing.calibration import Calibration
from edgekit.routing.stats import auroc

FloatArray = npt.NDArray[np.float64]
QUALITY_FRACTION = 0.95


@dataclass(frozen=True)
class Curve:
    """Cloud share (0..1) against accuracy, one point per number of escalated items."""

    shares: FloatArray
    accuracy: FloatArray

    def share_to_reach(self, target: float) -> float:
        """Smallest cloud share whose accuracy reaches ``target`` (1.0 if never; nan if empty)."""
        hits = np.flatnonzero(self.accuracy >= target - 1e-12)
        return float(self.shares[hits[0]]) if hits.size else 1.0

    def accuracy_at(self, share: float) -> float:
        """Accuracy at the nearest evaluated cloud share."""
        return float(self.accuracy[int(np.argmin(np.abs(self.shares - share)))])


def _labels(results: Sequence[ItemResult]) -> tuple[FloatArray, FloatArray]:
    if not results:
        raise CalibrationError("evaluation needs at least one result")
    if any(r.cloud_correct is None for r in results):
        raise CalibrationError("evaluation needs the cloud correctness of every item")
    local = np.asarray([r.local_correct for r in results], dtype=np.float64)
    cloud = np.asarray([bool(r.cloud_correct) for r in results], dtype=np.float64)
    return local, cloud


def score_curve(scores: npt.ArrayLike, local: FloatArray, cloud: FloatArray) -> Curve:
    """Escalate items in increasing score order (ties broken by index)."""
    s = np.asarray(scores, dtype=np.float64)
    order = np.argsort(s, kind="mergesort")
    gain = (cloud - local)[order]
    n = local.size
    acc = (local.sum() + np.concatenate([[0.0], np.cumsum(gain)])) / n
    return Curve(np.arange(n + 1) / n, acc)


def oracle_curve(local: FloatArray, cloud: FloatArray) -> Curve:
    """Escalate cloud-fixes-it items first, then neutral ones, harmful ones last."""
    return score_curve(local - cloud, local, cloud)


def random_curve(local: FloatArray, cloud: FloatArray) -> Curve:
    """Expected accuracy of escalating a uniformly random subset of each size."""
    n = local.size
    shares = np.arange(n + 1) / n
    return Curve(shares, local.mean() + shares * (cloud.mean() - local.mean()))


def strategy_scores(
    results: Sequence[ItemResult], calibration: Calibration
) -> dict[str, FloatArray]:
    """Per-item routing scores of cascade, pre_route and handoff under ``calibration``."""
    pre_model = calibration.pre_route.model if calibration.pre_route else None
    if pre_model is not None:
        pre = pre_model.predict_proba(prompt_matrix(results))
    else:
        pre = np.full(len(results), 0.5)
    scores = {"cascade": calibration.gate.model.predict_proba(gate_matrix(results, pre.tolist()))}
    if pre_model is not None:
        scores["pre_route"] = pre
    window = calibration.handoff.window
    scores["handoff"] = np.asarray([window_min_logprob(r.token_logprobs, window) for r in results])
    if (gain := gain_scores(results, calibration)) is not None:
        scores["gain"] = gain
    return scores


def gain_scores(results: Sequence[ItemResult], calibration: Calibration) -> FloatArray | None:
    """The gain gate's keep-local scores; None without a gain gate or the hidden states it reads.

    Results written by ``edgekit calibrate --results`` carry the pooled hidden
    state when the gain gate was fitted.
    """
    from edgekit.calibrate.gain import gain_probabilities, training_set
    from edgekit.routing.gain import keep_score

    gate = calibration.gain
    if gate is None or any(r.cloud_correct is None for r in results):
        return None
    hidden = None
    if gate.uses_hidden:
        if not all(r.hidden for r in results):
            return None
        hidden = np.asarray([r.hidden for r in results], dtype=np.float64)
    p_local, p_cloud = gain_probabilities(gate, training_set(results, hidden, calibration))
    return keep_score(p_local, p_cloud)


@dataclass(frozen=True, kw_only=True)
class RouterReport:
    """Curves and headline figures of one evaluation."""

    n_items: int
    local_acc: float
    cloud_acc: float
    curves: Mapping[str, Curve]
    auroc: Mapping[str, float]
    operating_points: Mapping[str, tuple[float, float]] = field(default_factory=dict)

    @property
    def target_accuracy(self) -> float:
        """95% of cloud-only accuracy."""
        return QUALITY_FRACTION * self.cloud_acc

    def share_at_95(self, name: str) -> float:
        """Cloud share strategy ``name`` needs to reach 95% of cloud-only accuracy."""
        return self.curves[name].share_to_reach(self.target_accuracy)

    def as_dict(self) -> dict[str, Any]:
        """Headline figures (JSON-ready)."""
        return {
            "n_items": self.n_items,
            "local_acc": self.local_acc,
            "cloud_acc": self.cloud_acc,
            "auroc": {k: _nan_to_none(v) for k, v in self.auroc.items()},
            "cloud_share_at_95": {name: self.share_at_95(name) for name in self.curves},
            "operating_points": {
                k: {"cloud_share": s, "accuracy": a} for k, (s, a) in self.operating_points.items()
            },
        }


def _nan_to_none(value: float) -> float | None:
    return None if math.isnan(value) else value


def evaluate(results: Sequence[ItemResult], calibration: Calibration) -> RouterReport:
    """Curves for every strategy and baseline, AUROCs, and the calibrated operating points."""
    local, cloud = _labels(results)
    scores = strategy_scores(results, calibration)
    curves: dict[str, Curve] = {name: score_curve(s, local, cloud) for name, s in scores.items()}
    curves["oracle"] = oracle_curve(local, cloud)
    curves["random"] = random_curve(local, cloud)
    errors = 1.0 - local
    # AUROC of "low score" predicting a local error == AUROC of the score predicting success.
    aurocs = {name: auroc(-s, errors) for name, s in scores.items()}
    points = {
        "local_only": (0.0, float(local.mean())),
        "cloud_only": (1.0, float(cloud.mean())),
        "cascade@threshold": _operating_point(
            scores["cascade"], calibration.gate.threshold, local, cloud
        ),
    }
    if calibration.pre_route is not None:
        points["pre_route@threshold"] = _operating_point(
            scores["pre_route"], calibration.pre_route.threshold, local, cloud
        )
    points["handoff@threshold"] = _operating_point(
        scores["handoff"], calibration.handoff.threshold, local, cloud
    )
    if "gain" in scores and calibration.gain is not None:
        points["gain@threshold"] = _operating_point(
            scores["gain"], calibration.gain.threshold, local, cloud
        )
    return RouterReport(
        n_items=len(results),
        local_acc=float(local.mean()),
        cloud_acc=float(cloud.mean()),
        curves=curves,
        auroc=aurocs,
        operating_points=points,
    )


def _operating_point(
    scores: FloatArray, threshold: float, local: FloatArray, cloud: FloatArray
) -> tuple[float, float]:
    escalate = scores < threshold
    acc = np.where(escalate, cloud, local).mean()
    return float(escalate.mean()), float(acc)


def format_report(report: RouterReport) -> str:
    """A human-readable table of the report."""
    lines = [
        f"items: {report.n_items}   local-only accuracy: {report.local_acc:.3f}   "
        f"cloud-only accuracy: {report.cloud_acc:.3f}   "
        f"target (95% of cloud): {report.target_accuracy:.3f}",
        f"{'strategy':<12} {'AUROC(err)':>10} {'share@95%':>10} {'acc@25%':>8} {'acc@50%':>8}",
    ]
    for name, curve in report.curves.items():
        au = report.auroc.get(name, float("nan"))
        au_text = "-" if math.isnan(au) else f"{au:.3f}"
        lines.append(
            f"{name:<12} {au_text:>10} {report.share_at_95(name):>10.3f} "
            f"{curve.accuracy_at(0.25):>8.3f} {curve.accuracy_at(0.5):>8.3f}"
        )
    for name, (share, acc) in report.operating_points.items():
        lines.append(f"operating point {name:<22} cloud share {share:.3f}  accuracy {acc:.3f}")
    return "\n".join(lines)


def plot_report(report: RouterReport, path: str) -> None:
    """Write a PNG of accuracy against cloud share (needs matplotlib: extra "eval")."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as exc:
        raise CalibrationError("plotting needs matplotlib (pip install 'edgekit[eval]')") from exc
    fig, ax = plt.subplots(figsize=(6.4, 4.8), dpi=120)
    styles = {"oracle": ":", "random": "--"}
    colors = {}
    for name, curve in report.curves.items():
        (line,) = ax.plot(curve.shares, curve.accuracy, styles.get(name, "-"), label=name)
        colors[name] = line.get_color()
    for name, (share, acc) in report.operating_points.items():  # coloured as its curve
        color = colors.get(name.split("@")[0], "black")
        ax.scatter([share], [acc], marker="o", s=25, zorder=3, color=color)
        ax.annotate(name, (share, acc), fontsize=7, xytext=(3, -9), textcoords="offset points")
    ax.axhline(report.target_accuracy, color="grey", lw=0.8, ls="-.", label="95% of cloud")
    ax.set_xlabel("share of requests sent to the cloud")
    ax.set_ylabel("accuracy")
    ax.set_title(f"EdgeKit router: quality vs cloud share (n={report.n_items})")
    ax.set_xlim(0, 1)
    ax.grid(alpha=0.3)
    ax.legend(loc="lower right", fontsize=8)
    fig.tight_layout()
    fig.savefig(path, format="png")
    plt.close(fig)
