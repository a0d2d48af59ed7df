"""The gain gate: escalate where the cloud is expected to do better, per unit of cost.

The cascade gate asks one question: is the local answer wrong? Escalating is
only worth it when the cloud answer will be right, so this gate estimates both
``P(local right)`` (from the draft's confidence signals, the pre-route score
and a hidden-state probe) and ``P(cloud right)`` (from prompt features and a
hidden-state probe on the same read-out) and ranks requests by the expected
gain of escalating, ``P(cloud right) - P(local right)``, divided by the
request's relative cloud cost (1 by default). Its score is on the cascade
gate's scale, in [0, 1], higher meaning "keep local":

    score = 1/2 - 1/2 · clip(gain / cost, -1, 1)

so thresholds for a target escalation share and Learn-then-Test thresholds for
a local-error guarantee are picked exactly as for the cascade gate.

Pure computation: the calibration file stores this gate (schema v3).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from edgekit.errors import CalibrationError
from edgekit.routing.features import PROMPT_FEATURES, SIGNAL_FEATURES
from edgekit.routing.logistic import LogisticModel, fit_logistic
from edgekit.routing.probe import HiddenProbe, fit_probe
from edgekit.routing.projection import (
    PROJECTION_FEATURES,
    HiddenProjection,
    fit_projection,
    projection_features,
)

FloatArray = npt.NDArray[np.float64]
PRE_ROUTE_FEATURE = "pre_route_score"
LOCAL_PROBE_FEATURE = "hidden_local_score"
CLOUD_PROBE_FEATURE = "hidden_cloud_score"
LOCAL_BASE_FEATURES: tuple[str, ...] = (*SIGNAL_FEATURES, PRE_ROUTE_FEATURE)
"""What P(local right) reads without hidden states (the cascade gate's inputs)."""
CLOUD_BASE_FEATURES: tuple[str, ...] = PROMPT_FEATURES
"""What P(cloud right) reads without hidden states."""
STORED_FEATURES = frozenset(
    (*LOCAL_BASE_FEATURES, *CLOUD_BASE_FEATURES, LOCAL_PROBE_FEATURE, CLOUD_PROBE_FEATURE)
)
"""Every gain-gate input a learning deployment may store: numbers, never content.

(The hidden-state projection's coordinates are stored apart, in their own
column: :meth:`edgekit.traffic.TrafficStore.record`'s ``projection``.)"""


def keep_score(
    p_local: npt.ArrayLike, p_cloud: npt.ArrayLike, cost: npt.ArrayLike = 1.0
) -> FloatArray:
    """Map expected gain per unit cost to the gate scale (higher = keep local)."""
    c = np.asarray(cost, dtype=np.float64)
    if np.any(~np.isfinite(c)) or np.any(c <= 0):
        raise CalibrationError("cost must be finite and > 0")
    gain = (np.asarray(p_cloud, dtype=np.float64) - np.asarray(p_local, dtype=np.float64)) / c
    return np.asarray(0.5 - 0.5 * np.clip(gain, -1.0, 1.0), dtype=np.float64)


@dataclass(frozen=True, kw_only=True)
class GainGate:
    """Two calibrated probabilities, optional hidden-state probes, and a threshold.

    ``probe_tokens``: how many leading token events must carry a hidden state
    (``GenerationParams.hidden_states``) when the gate has probes; 0 without.
    ``projection``: the lossy projection of the pooled state a learning
    client stores (:mod:`edgekit.routing.projection`); a refitted model may
    read its coordinates (``hidden_pc0``, ...).
    """

    local: LogisticModel
    cloud: LogisticModel
    threshold: float
    local_probe: HiddenProbe | None = None
    cloud_probe: HiddenProbe | None = None
    probe_tokens: int = 0
    projection: HiddenProjection | None = None

    def __post_init__(self) -> None:
        has_probes = (self.local_probe is not None, self.cloud_probe is not None)
        if len(set(has_probes)) != 1:
            raise CalibrationError("gain gate: give both hidden-state probes or neither")
        if has_probes[0] != (self.probe_tokens > 0):
            raise CalibrationError("gain gate: probe_tokens must be > 0 exactly with probes")
        if not 0 <= self.probe_tokens <= 64 or math.isnan(self.threshold):
            raise CalibrationError("gain gate: probe_tokens in [0, 64] and a threshold")
        if self.projection is not None and (
            self.local_probe is None or self.projection.width != self.local_probe.dim
        ):
            raise CalibrationError("gain gate: a projection needs probes reading the same width")
        if self.projection_dims_read > (self.projection.dims if self.projection else 0):
            raise CalibrationError("gain gate: a model reads projection coordinates it lacks")

    @property
    def projection_dims_read(self) -> int:
        """How many projection coordinates the two models read (0 for the calibrated gate)."""
        names = {*self.local.feature_names, *self.cloud.feature_names}
        return max((i + 1 for i, n in enumerate(PROJECTION_FEATURES) if n in names), default=0)

    @property
    def uses_hidden(self) -> bool:
        """True when scoring needs the pooled hidden state of the request."""
        return self.local_probe is not None

    def probabilities(
        self, features: Mapping[str, float], hidden: npt.ArrayLike | None = None
    ) -> tuple[float, float]:
        """``(P(local right), P(cloud right))`` for one request."""
        feats = dict(features)
        if self.local_probe is not None and self.cloud_probe is not None:
            if hidden is None:
                raise CalibrationError("this gain gate needs the request's hidden state")
            feats[LOCAL_PROBE_FEATURE] = self.local_probe.score(hidden)
            feats[CLOUD_PROBE_FEATURE] = self.cloud_probe.score(hidden)
            feats.update(self.coordinates(hidden))
        return self.local.score(feats), self.cloud.score(feats)

    def coordinates(self, hidden: npt.ArrayLike, dims: int | None = None) -> dict[str, float]:
        """The projection's rounded coordinates of a pooled state, by feature name.

        ``dims`` None: as many as the models read; {} without a projection.
        """
        if self.projection is None:
            return {}
        k = self.projection_dims_read if dims is None else dims
        return projection_features(self.projection.coordinates(hidden, k)) if k else {}

    def score(
        self,
        features: Mapping[str, float],
        hidden: npt.ArrayLike | None = None,
        *,
        cost: float = 1.0,
    ) -> float:
        """Keep-local score in [0, 1] (see the module docstring)."""
        p_local, p_cloud = self.probabilities(features, hidden)
        return float(keep_score(p_local, p_cloud, cost))

    def accepts(self, score: float) -> bool:
        """True when the local answer is kept."""
        return score >= self.threshold

    def with_threshold(self, threshold: float) -> GainGate:
        """The same gate with another threshold."""
        return dataclasses.replace(self, threshold=threshold)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready (``threshold`` None means never accept)."""
        return {
            "local": self.local.as_dict(),
            "cloud": self.cloud.as_dict(),
            "threshold": self.threshold if math.isfinite(self.threshold) else None,
            "local_probe": None if self.local_probe is None else self.local_probe.as_dict(),
            "cloud_probe": None if self.cloud_probe is None else self.cloud_probe.as_dict(),
            "probe_tokens": self.probe_tokens,
            "projection": None if self.projection is None else self.projection.as_dict(),
        }

    @classmethod
    def from_dict(cls, data: Any) -> GainGate:
        """Rebuild from :meth:`as_dict`; CalibrationError on anything malformed."""
        if not isinstance(data, Mapping):
            raise CalibrationError("gain gate: not an object")
        try:
            threshold = data["threshold"]
            return cls(
                local=LogisticModel.from_dict(data["local"]),
                cloud=LogisticModel.from_dict(data["cloud"]),
                threshold=math.inf if threshold is None else _finite(threshold),
                local_probe=_probe(data.get("local_probe")),
                cloud_probe=_probe(data.get("cloud_probe")),
                probe_tokens=int(data.get("probe_tokens", 0)),
                projection=_projection(data.get("projection")),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise CalibrationError(f"malformed gain gate ({type(exc).__name__})") from None


def _finite(value: Any) -> float:
    if isinstance(value, bool) or not math.isfinite(number := float(value)):
        raise ValueError("threshold")
    return number


def _probe(data: Any) -> HiddenProbe | None:
    return None if data is None else HiddenProbe.from_dict(data)


def _projection(data: Any) -> HiddenProjection | None:
    return None if data is None else HiddenProjection.from_dict(data)


@dataclass(frozen=True, kw_only=True)
class GainTrainingSet:
    """Arrays a gain gate is fitted on (rows are requests)."""

    local_x: FloatArray
    """Columns :data:`LOCAL_BASE_FEATURES`."""
    cloud_x: FloatArray
    """Columns :data:`CLOUD_BASE_FEATURES`."""
    local_ok: FloatArray
    cloud_ok: FloatArray
    hidden: FloatArray | None = None

    def __post_init__(self) -> None:
        n = self.local_ok.shape[0]
        shapes_ok = (
            self.local_x.shape == (n, len(LOCAL_BASE_FEATURES))
            and self.cloud_x.shape == (n, len(CLOUD_BASE_FEATURES))
            and self.cloud_ok.shape == (n,)
            and (self.hidden is None or (self.hidden.ndim == 2 and self.hidden.shape[0] == n))
        )
        if not shapes_ok:
            raise CalibrationError("gain training set: arrays disagree in shape")


def fit_gain_gate(
    data: GainTrainingSet,
    *,
    l2: float = 1.0,
    probe_tokens: int = 5,
    seed: int = 0,
    threshold: float = 0.5,
    projection_dims: int = 0,
) -> GainGate:
    """Fit P(local right) and P(cloud right), stacking hidden-state probes when given.

    The stacked logistic models are fitted on the probes' out-of-fold scores
    (each item scored by a probe that never saw it), then scored at run time
    with the probes fitted on every item. ``projection_dims`` > 0 adds the
    states' top principal directions for learning clients to store (the
    calibrated models do not read them).
    """
    local_x, cloud_x = data.local_x, data.cloud_x
    local_names, cloud_names = LOCAL_BASE_FEATURES, CLOUD_BASE_FEATURES
    probes: tuple[HiddenProbe | None, HiddenProbe | None] = (None, None)
    if data.hidden is not None:
        local_probe, local_oof = fit_probe(data.hidden, data.local_ok, seed=seed)
        cloud_probe, cloud_oof = _cloud_probe(data.hidden, data.cloud_ok, seed)
        probes = (local_probe, cloud_probe)
        local_x = np.column_stack([local_x, local_oof])
        cloud_x = np.column_stack([cloud_x, cloud_oof])
        local_names = (*local_names, LOCAL_PROBE_FEATURE)
        cloud_names = (*cloud_names, CLOUD_PROBE_FEATURE)
    return GainGate(
        local=fit_logistic(local_x, data.local_ok, local_names, l2=l2),
        cloud=fit_logistic(cloud_x, data.cloud_ok, cloud_names, l2=l2),
        threshold=threshold,
        local_probe=probes[0],
        cloud_probe=probes[1],
        probe_tokens=probe_tokens if probes[0] is not None else 0,
        projection=None
        if data.hidden is None or projection_dims <= 0
        else fit_projection(data.hidden, projection_dims),
    )


def _cloud_probe(
    hidden: FloatArray, cloud_ok: FloatArray, seed: int
) -> tuple[HiddenProbe, FloatArray]:
    """A probe for cloud success; a constant one when the cloud never (or always) failed."""
    if np.unique(cloud_ok).size == 2 and min(cloud_ok.sum(), (1 - cloud_ok).sum()) >= 5:
        return fit_probe(hidden, cloud_ok, seed=seed)
    rate = float(np.clip(cloud_ok.mean(), 0.01, 0.99))
    dim = hidden.shape[1]
    constant = HiddenProbe(mean=np.zeros(dim), scale=np.ones(dim), weights=np.zeros(dim),
                           bias=math.log(rate / (1 - rate)), rank=0, l2=0.0)  # fmt: skip
    return constant, np.full(cloud_ok.shape[0], rate)
