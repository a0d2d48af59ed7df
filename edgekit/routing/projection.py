"""A low-dimensional, lossy projection of the pooled hidden state, for learning from traffic.

The hidden-state probes reduce a request's pooled state (1,152 floats for
SmolLM2-135M) to two scores fitted on the calibration set. A deployment's own
domain may be told apart by directions those scores ignore — which *kind* of
request it is, where the local model fails on it. :class:`HiddenProjection`
keeps the top ``k`` principal directions of the calibration set's standardized
states; a learning client stores the ``k`` coordinates of each request,
rounded to ``decimals`` places (never the state), and a refit may fit
P(local right) and P(cloud right) on them.

What ``k`` numbers can and cannot tell (docs/routing.md, "What is stored"):
they cannot be inverted to the text — 1,152 dimensions fold into ``k`` and
countless prompts share a point — but they are not anonymous either: they say
what kind of request it was (arithmetic, a capital, a date), and anyone holding
the model and the calibration can test whether a *guessed* prompt lands on a
stored point.

Pure computation; the calibration file stores the projection with the gain
gate (schema v3, optional ``projection``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from edgekit.errors import CalibrationError
from edgekit.routing.probe import PrincipalBasis, decode_f32, encode_f32

FloatArray = npt.NDArray[np.float64]
MAX_DIMS = 32
"""Most coordinates a projection (and a traffic row) may hold."""
PROJECTION_FEATURES: tuple[str, ...] = tuple(f"hidden_pc{i}" for i in range(MAX_DIMS))
"""Feature names of the coordinates, in order (what a refitted model reads)."""
_MAX_WIDTH = 1 << 16


@dataclass(frozen=True, kw_only=True, eq=False)
class HiddenProjection:
    """``round(basis @ ((x - mean) / scale), decimals)`` for a pooled hidden state ``x``."""

    mean: FloatArray
    scale: FloatArray
    basis: FloatArray
    """``(k, width)``: orthonormal rows, the calibration set's top principal directions."""
    decimals: int = 1

    def __post_init__(self) -> None:
        width = self.mean.shape
        if len(width) != 1 or not 0 < width[0] <= _MAX_WIDTH or self.scale.shape != width:
            raise CalibrationError("hidden projection: mean and scale must be equal vectors")
        if self.basis.ndim != 2 or self.basis.shape[1] != width[0]:
            raise CalibrationError("hidden projection: basis must be (k, width)")
        if not 0 < self.basis.shape[0] <= MAX_DIMS or not 0 <= self.decimals <= 4:
            raise CalibrationError(f"hidden projection: 1..{MAX_DIMS} directions, 0..4 decimals")
        arrays = (self.mean, self.scale, self.basis)
        if not all(bool(np.all(np.isfinite(a))) for a in arrays) or np.any(self.scale <= 0):
            raise CalibrationError("hidden projection: non-finite values or non-positive scale")

    @property
    def dims(self) -> int:
        """Number of coordinates."""
        return int(self.basis.shape[0])

    @property
    def width(self) -> int:
        """Width of the pooled hidden state it reads."""
        return int(self.mean.shape[0])

    def coordinates(self, hidden: npt.ArrayLike, dims: int | None = None) -> tuple[float, ...]:
        """The first ``dims`` (default all) rounded coordinates of one pooled state."""
        x = np.asarray(hidden, dtype=np.float64).ravel()
        if x.shape[0] != self.width:
            raise CalibrationError(f"hidden projection reads {self.width} values, got {x.shape[0]}")
        x = np.nan_to_num(x, nan=0.0, posinf=0.0, neginf=0.0)
        k = self.dims if dims is None else max(0, min(dims, self.dims))
        z = self.basis[:k] @ ((x - self.mean) / self.scale)
        return tuple(float(v) for v in np.round(z, self.decimals))

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: vectors as base64 little-endian float32."""
        return {"width": self.width, "dims": self.dims, "decimals": self.decimals,
                "mean": encode_f32(self.mean), "scale": encode_f32(self.scale),
                "basis": encode_f32(self.basis.ravel())}  # fmt: skip

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> HiddenProjection:
        """Rebuild from :meth:`as_dict`; CalibrationError on anything malformed."""
        try:
            width, dims = int(data["width"]), int(data["dims"])
            if not 0 < dims <= MAX_DIMS:
                raise ValueError("dims")
            return cls(mean=decode_f32(data["mean"], width), scale=decode_f32(data["scale"], width),
                       basis=decode_f32(data["basis"], width * dims).reshape(dims, width),
                       decimals=int(data["decimals"]))  # fmt: skip
        except (KeyError, TypeError, ValueError) as exc:
            raise CalibrationError(f"malformed hidden projection ({type(exc).__name__})") from None


def projection_features(coordinates: Sequence[float]) -> dict[str, float]:
    """Coordinates under their feature names (``hidden_pc0``, ...)."""
    if len(coordinates) > MAX_DIMS:
        raise CalibrationError(f"at most {MAX_DIMS} projection coordinates")
    return {PROJECTION_FEATURES[i]: float(v) for i, v in enumerate(coordinates)}


def fit_projection(states: npt.ArrayLike, dims: int, *, decimals: int = 1) -> HiddenProjection:
    """The top ``dims`` principal directions of standardized pooled states (no labels used)."""
    x = np.asarray(states, dtype=np.float64)
    if x.ndim != 2 or x.shape[0] < 2 or not np.all(np.isfinite(x)):
        raise CalibrationError("hidden projection: need a finite (n >= 2, width) matrix")
    if not 0 < dims <= min(MAX_DIMS, x.shape[0] - 1):
        raise CalibrationError(f"hidden projection: dims must be in 1..{MAX_DIMS} and < n")
    basis = PrincipalBasis.of(x)
    return HiddenProjection(
        mean=basis.mean, scale=basis.scale, basis=basis.vt[:dims].copy(), decimals=decimals
    )
