"""A small L2-regularized logistic regression, fitted with Newton's method in numpy.

Features are standardized (mean 0, unit variance on the training data) before
fitting; the stored model keeps the standardization so callers pass raw values.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from edgekit.errors import CalibrationError

FloatArray = npt.NDArray[np.float64]

_MAX_ITER = 100
_TOL = 1e-9
Z_CLIP = 3.0
"""Without stored bounds, a standardized feature is clipped to ±Z_CLIP."""


def sigmoid(z: FloatArray) -> FloatArray:
    """Numerically stable logistic function."""
    out = np.empty_like(z, dtype=np.float64)
    pos = z >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
    ez = np.exp(z[~pos])
    out[~pos] = ez / (1.0 + ez)
    return out


@dataclass(frozen=True, kw_only=True)
class LogisticModel:
    """``p(y=1 | x) = sigmoid(bias + sum(weights * (clip(x) - mean) / scale))``.

    ``clip`` keeps every raw feature inside the range seen when fitting
    (``lower``/``upper``), or within ``Z_CLIP`` standard deviations of the mean
    for models stored without bounds: an input unlike anything in the
    calibration data cannot push the score further than the most extreme
    calibration item did.
    """

    feature_names: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    l2: float = 1.0
    lower: tuple[float, ...] | None = None
    upper: tuple[float, ...] | None = None

    def __post_init__(self) -> None:
        n = len(self.feature_names)
        if not (len(self.weights) == len(self.mean) == len(self.scale) == n):
            raise CalibrationError("logistic model: feature, weight and scale counts differ")
        values = (*self.weights, *self.mean, *self.scale, self.bias)
        if not all(np.isfinite(values)):
            raise CalibrationError("logistic model: non-finite parameter")
        if any(s <= 0 for s in self.scale):
            raise CalibrationError("logistic model: scale must be positive")
        if (self.lower is None) != (self.upper is None):
            raise CalibrationError("logistic model: give both lower and upper bounds or neither")
        if self.lower is not None and self.upper is not None:
            if not len(self.lower) == len(self.upper) == n:
                raise CalibrationError("logistic model: bound counts differ from features")
            if not all(np.isfinite((*self.lower, *self.upper))) or any(
                lo > hi for lo, hi in zip(self.lower, self.upper, strict=True)
            ):
                raise CalibrationError("logistic model: bounds must be finite and ordered")

    def bounds(self) -> tuple[FloatArray, FloatArray]:
        """Per-feature raw range inputs are clipped to."""
        if self.lower is not None and self.upper is not None:
            return np.asarray(self.lower, np.float64), np.asarray(self.upper, np.float64)
        mean, scale = np.asarray(self.mean), np.asarray(self.scale)
        return mean - Z_CLIP * scale, mean + Z_CLIP * scale

    def clip(self, x: FloatArray) -> FloatArray:
        """Raw features clipped into :meth:`bounds` (NaN counts as the lower bound)."""
        lo, hi = self.bounds()
        x = np.atleast_2d(np.asarray(x, dtype=np.float64))
        return np.clip(np.where(np.isnan(x), lo, x), lo, hi)

    def out_of_range(self, features: Mapping[str, float]) -> list[str]:
        """Names of the features outside the calibration range (clipped when scored)."""
        lo, hi = self.bounds()
        return [
            name for name, a, b in zip(self.feature_names, lo, hi, strict=True)
            if not a <= float(features.get(name, a)) <= b
        ]  # fmt: skip

    def raw_coefficients(self) -> tuple[FloatArray, float]:
        """Weights and bias on unstandardized features (for export)."""
        w = np.asarray(self.weights) / np.asarray(self.scale)
        b = self.bias - float(np.dot(w, np.asarray(self.mean)))
        return w, b

    def predict_proba(self, x: FloatArray) -> FloatArray:
        """Probabilities for a ``(n, d)`` matrix of raw features."""
        x = np.atleast_2d(np.asarray(x, dtype=np.float64))
        if x.shape[1] != len(self.feature_names):
            raise CalibrationError(f"expected {len(self.feature_names)} features, got {x.shape[1]}")
        z = (self.clip(x) - np.asarray(self.mean)) / np.asarray(self.scale)
        return sigmoid(z @ np.asarray(self.weights) + self.bias)

    def score(self, features: Mapping[str, float]) -> float:
        """Probability for one item given by feature name (missing names → error)."""
        try:
            row = [float(features[name]) for name in self.feature_names]
        except KeyError as exc:
            raise CalibrationError(f"missing feature {exc.args[0]!r}") from None
        return float(self.predict_proba(np.asarray([row]))[0])

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready parameters."""
        return {
            "feature_names": list(self.feature_names),
            "weights": list(self.weights),
            "bias": self.bias,
            "mean": list(self.mean),
            "scale": list(self.scale),
            "l2": self.l2,
            **({} if self.lower is None else {"lower": list(self.lower)}),
            **({} if self.upper is None else {"upper": list(self.upper)}),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LogisticModel:
        """Rebuild from :meth:`as_dict` output, raising CalibrationError on garbage."""
        try:
            return cls(
                feature_names=tuple(str(n) for n in data["feature_names"]),
                weights=tuple(float(v) for v in data["weights"]),
                bias=float(data["bias"]),
                mean=tuple(float(v) for v in data["mean"]),
                scale=tuple(float(v) for v in data["scale"]),
                l2=float(data.get("l2", 1.0)),
                lower=_optional_floats(data.get("lower")),
                upper=_optional_floats(data.get("upper")),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise CalibrationError(f"malformed logistic model: {type(exc).__name__}") from None


def fit_logistic(
    x: FloatArray | Sequence[Sequence[float]],
    y: npt.ArrayLike,
    feature_names: Sequence[str],
    *,
    l2: float = 1.0,
    sample_weight: npt.ArrayLike | None = None,
) -> LogisticModel:
    """Fit by Newton-Raphson on the penalized log-likelihood (bias unpenalized).

    ``l2`` is the penalty on standardized weights (``l2/2 * |w|^2``).
    """
    xa = np.asarray(x, dtype=np.float64)
    ya = np.asarray(y, dtype=np.float64).ravel()
    if xa.ndim != 2 or xa.shape[0] != ya.shape[0] or xa.shape[1] != len(feature_names):
        raise CalibrationError("fit_logistic: shapes of features, labels and names disagree")
    if xa.shape[0] < 2 or not np.all(np.isfinite(xa)):
        raise CalibrationError("fit_logistic: need at least 2 rows of finite features")
    if not np.all((ya == 0) | (ya == 1)):
        raise CalibrationError("fit_logistic: labels must be 0 or 1")
    if l2 < 0:
        raise CalibrationError("fit_logistic: l2 must be >= 0")
    sw = np.ones_like(ya) if sample_weight is None else np.asarray(sample_weight, np.float64)
    mean = xa.mean(axis=0)
    scale = xa.std(axis=0)
    scale[scale < 1e-12] = 1.0
    z = np.hstack([np.ones((xa.shape[0], 1)), (xa - mean) / scale])
    beta = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2)
    penalty[0] = 1e-8  # keep the Hessian invertible when one class is absent
    for _ in range(_MAX_ITER):
        p = sigmoid(z @ beta)
        grad = z.T @ (sw * (p - ya)) + penalty * beta
        hess = (z * (sw * p * (1 - p))[:, None]).T @ z + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if float(np.max(np.abs(step))) < _TOL:
            break
    return LogisticModel(
        feature_names=tuple(feature_names),
        weights=tuple(float(v) for v in beta[1:]),
        bias=float(beta[0]),
        mean=tuple(float(v) for v in mean),
        scale=tuple(float(v) for v in scale),
        l2=l2,
        lower=tuple(float(v) for v in xa.min(axis=0)),
        upper=tuple(float(v) for v in xa.max(axis=0)),
    )


def _optional_floats(values: Any) -> tuple[float, ...] | None:
    if values is None:
        return None
    if isinstance(values, str | bytes | Mapping):
        raise TypeError("bounds")
    return tuple(float(v) for v in values)
