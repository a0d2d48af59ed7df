"""How much a lossy scheme changed a tensor: per-row relative error and cosine similarity.

Rows are the vectors of the last axis (one hidden state per token); a relative
error of a row is ``|y - x| / |x|`` in the Euclidean norm.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from edgekit.errors import CodecError


@dataclass(frozen=True, slots=True)
class ErrorStats:
    """Error of a decoded tensor against its original, over rows of the last axis."""

    max_rel_error: float
    mean_rel_error: float
    min_cosine: float
    mean_cosine: float

    def as_dict(self) -> dict[str, float]:
        """Plain dict for JSON output."""
        return asdict(self)


def error_stats(original: npt.ArrayLike, decoded: npt.ArrayLike) -> ErrorStats:
    """Compares two tensors of the same shape row by row (float64 arithmetic)."""
    x = np.asarray(original, dtype=np.float64)
    y = np.asarray(decoded, dtype=np.float64)
    if x.shape != y.shape or x.ndim == 0 or x.size == 0:
        raise CodecError("error_stats needs two non-empty arrays of the same shape")
    x2, y2 = x.reshape(-1, x.shape[-1]), y.reshape(-1, y.shape[-1])
    nx, ny = np.linalg.norm(x2, axis=1), np.linalg.norm(y2, axis=1)
    keep = nx > 0
    if not keep.any():
        raise CodecError("error_stats needs at least one non-zero row")
    rel = np.linalg.norm(y2 - x2, axis=1)[keep] / nx[keep]
    denom = nx[keep] * np.where(ny[keep] > 0, ny[keep], 1.0)
    cos = np.einsum("ij,ij->i", x2[keep], y2[keep]) / denom
    return ErrorStats(
        max_rel_error=float(rel.max()),
        mean_rel_error=float(rel.mean()),
        min_cosine=float(cos.min()),
        mean_cosine=float(cos.mean()),
    )


def compression_ratio(data: bytes, original: npt.NDArray[Any]) -> float:
    """Encoded bytes ÷ the bytes of the tensor as float32."""
    return len(data) / (original.size * 4)
