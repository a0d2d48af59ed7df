"""A linear probe on the edge model's hidden states, in numpy.

The probe reads the pooled hidden state of a request (the prompt's last token
and the mean of the first answer tokens, :func:`pool_states`)
and predicts a binary outcome (the local answer is right; the cloud answer is
right). With a few hundred labelled items and ~1,000 dimensions a plain
logistic regression overfits, so the fit standardizes, projects on the top
``rank`` principal directions of the training data and fits an L2 logistic
regression there; ``rank`` and ``l2`` are chosen by k-fold cross-validated
log-loss. The result is folded back into one weight vector over the raw
hidden state, so scoring is a single dot product.
"""

from __future__ import annotations

import base64
import binascii
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from edgekit.errors import CalibrationError
from edgekit.routing.logistic import fit_logistic, sigmoid

FloatArray = npt.NDArray[np.float64]
RANKS: tuple[int, ...] = (8, 16, 32, 64)
L2S: tuple[float, ...] = (0.3, 3.0, 30.0)
_MAX_DIM = 1 << 16
_MAX_VALUES = 1 << 22


@dataclass(frozen=True, kw_only=True, eq=False)
class HiddenProbe:
    """``p = sigmoid(bias + weights · (x - mean) / scale)`` over a raw pooled hidden state."""

    mean: FloatArray
    scale: FloatArray
    weights: FloatArray
    bias: float
    rank: int
    l2: float

    def __post_init__(self) -> None:
        d = self.mean.shape
        if (
            len(d) != 1
            or not 0 < d[0] <= _MAX_DIM
            or self.scale.shape != d
            or (self.weights.shape != d)
        ):
            raise CalibrationError("hidden probe: mean, scale and weights must be equal vectors")
        arrays = (self.mean, self.scale, self.weights, np.asarray([self.bias]))
        if not all(bool(np.all(np.isfinite(a))) for a in arrays) or np.any(self.scale <= 0):
            raise CalibrationError("hidden probe: non-finite parameter or non-positive scale")

    @property
    def dim(self) -> int:
        """Width of the pooled hidden state the probe reads."""
        return int(self.mean.shape[0])

    def predict_proba(self, x: npt.ArrayLike) -> FloatArray:
        """Probabilities for a ``(n, dim)`` matrix (or one vector)."""
        xa = np.atleast_2d(np.asarray(x, dtype=np.float64))
        if xa.shape[1] != self.dim:
            raise CalibrationError(f"hidden probe reads {self.dim} values, got {xa.shape[1]}")
        xa = np.nan_to_num(xa, nan=0.0, posinf=0.0, neginf=0.0)
        return sigmoid(((xa - self.mean) / self.scale) @ self.weights + self.bias)

    def score(self, vector: npt.ArrayLike) -> float:
        """Probability for one pooled hidden state."""
        return float(self.predict_proba(vector)[0])

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: vectors as base64 little-endian float32."""
        return {
            "dim": self.dim,
            "mean": encode_f32(self.mean),
            "scale": encode_f32(self.scale),
            "weights": encode_f32(self.weights),
            "bias": self.bias,
            "rank": self.rank,
            "l2": self.l2,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> HiddenProbe:
        """Rebuild from :meth:`as_dict`; CalibrationError on anything malformed."""
        try:
            dim = int(data["dim"])
            return cls(
                mean=decode_f32(data["mean"], dim),
                scale=decode_f32(data["scale"], dim),
                weights=decode_f32(data["weights"], dim),
                bias=float(data["bias"]),
                rank=int(data["rank"]),
                l2=float(data["l2"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise CalibrationError(f"malformed hidden probe ({type(exc).__name__})") from None


def pool_states(states: Sequence[npt.ArrayLike], *, answer_tokens: int | None = None) -> FloatArray:
    """The probe's input: ``[prompt's last state, mean of the answer states]`` (2 × n_embd).

    ``states`` are the hidden states of ``edgekit.local`` token events in
    order (event 0: the prompt's last token). ``answer_tokens`` limits how
    many answer states are averaged; an answer that ended at once repeats the
    prompt state.
    """
    if not states:
        raise CalibrationError("no hidden states were read (GenerationParams.hidden_states)")
    prompt = np.asarray(states[0], dtype=np.float64)
    answer = [np.asarray(s, dtype=np.float64) for s in states[1:]]
    if answer_tokens is not None:
        answer = answer[:answer_tokens]
    if any(a.shape != prompt.shape for a in answer) or prompt.ndim != 1:
        raise CalibrationError("hidden states of different widths")
    mean = np.mean(answer, axis=0) if answer else prompt
    return np.concatenate([prompt, mean])


def encode_f32(values: FloatArray) -> str:
    """A vector as base64 little-endian float32 (how calibration files hold vectors)."""
    return base64.b64encode(np.asarray(values, dtype="<f4").tobytes()).decode("ascii")


def decode_f32(text: Any, n: int) -> FloatArray:
    """:func:`encode_f32`'s inverse; ValueError unless it holds exactly ``n`` floats."""
    if not isinstance(text, str) or not 0 < n <= _MAX_VALUES:
        raise ValueError("vector")
    try:
        raw = base64.b64decode(text, validate=True)
    except binascii.Error:
        raise ValueError("base64") from None
    if len(raw) != 4 * n:
        raise ValueError("length")
    return np.frombuffer(raw, dtype="<f4").astype(np.float64)


def _check(x: npt.ArrayLike, y: npt.ArrayLike) -> tuple[FloatArray, FloatArray]:
    xa = np.asarray(x, dtype=np.float64)
    ya = np.asarray(y, dtype=np.float64).ravel()
    if xa.ndim != 2 or xa.shape[0] != ya.shape[0] or xa.shape[0] < 4:
        raise CalibrationError("hidden probe: need a (n >= 4, dim) matrix and n labels")
    if not np.all(np.isfinite(xa)) or not np.all((ya == 0) | (ya == 1)):
        raise CalibrationError("hidden probe: non-finite states or labels other than 0/1")
    return xa, ya


@dataclass(frozen=True)
class PrincipalBasis:
    """Standardization and principal directions of one matrix of pooled states.

    Shared by the probe (fitted in the top directions) and the traffic
    projection (:func:`edgekit.routing.projection.fit_projection`).
    """

    mean: FloatArray
    scale: FloatArray
    vt: FloatArray

    @classmethod
    def of(cls, x: FloatArray) -> PrincipalBasis:
        mean = x.mean(axis=0)
        scale = x.std(axis=0)
        scale[scale < 1e-6] = 1.0
        _, _, vt = np.linalg.svd((x - mean) / scale, full_matrices=False)
        return cls(mean, scale, vt)

    def project(self, x: FloatArray, rank: int) -> FloatArray:
        return ((x - self.mean) / self.scale) @ self.vt[:rank].T

    def fit(self, x: FloatArray, y: FloatArray, rank: int, l2: float) -> HiddenProbe:
        """Fit in the top-``rank`` subspace and fold the weights back to raw states."""
        rank = min(rank, self.vt.shape[0])
        names = [f"pc{i}" for i in range(rank)]
        model = fit_logistic(self.project(x, rank), y, names, l2=l2)
        w_u = np.asarray(model.weights) / np.asarray(model.scale)
        bias = model.bias - float(np.dot(w_u, np.asarray(model.mean)))
        return HiddenProbe(mean=self.mean, scale=self.scale, weights=self.vt[:rank].T @ w_u,
                           bias=bias, rank=rank, l2=l2)  # fmt: skip


def _folds(y: FloatArray, folds: int, seed: int) -> list[npt.NDArray[np.int64]]:
    """Stratified fold assignment."""
    rng = np.random.default_rng(seed)
    out: list[list[int]] = [[] for _ in range(folds)]
    for label in (0.0, 1.0):
        idx = rng.permutation(np.flatnonzero(y == label))
        for k, i in enumerate(idx):
            out[k % folds].append(int(i))
    return [np.sort(np.asarray(f, dtype=np.int64)) for f in out]


def _out_of_fold(
    x: FloatArray, y: FloatArray, grid: Sequence[tuple[int, float]], folds: int, seed: int
) -> list[FloatArray]:
    """Out-of-fold probabilities of every (rank, l2) in ``grid`` (one SVD per fold)."""
    out = [np.full(y.shape[0], float(y.mean())) for _ in grid]
    for held in _folds(y, folds, seed):
        train = np.setdiff1d(np.arange(y.shape[0]), held)
        if not held.size or np.unique(y[train]).size < 2:
            continue
        basis = PrincipalBasis.of(x[train])
        for scores, (rank, l2) in zip(out, grid, strict=True):
            scores[held] = basis.fit(x[train], y[train], rank, l2).predict_proba(x[held])
    return out


def cross_fit(
    x: npt.ArrayLike, y: npt.ArrayLike, *, rank: int, l2: float, folds: int = 5, seed: int = 0
) -> FloatArray:
    """Out-of-fold probabilities: each item scored by a probe that never saw it."""
    xa, ya = _check(x, y)
    return _out_of_fold(xa, ya, [(rank, l2)], folds, seed)[0]


def _log_loss(p: FloatArray, y: FloatArray) -> float:
    q = np.clip(p, 1e-6, 1 - 1e-6)
    return float(-np.mean(y * np.log(q) + (1 - y) * np.log(1 - q)))


def fit_probe(
    x: npt.ArrayLike,
    y: npt.ArrayLike,
    *,
    ranks: Sequence[int] = RANKS,
    l2s: Sequence[float] = L2S,
    folds: int = 5,
    seed: int = 0,
) -> tuple[HiddenProbe, FloatArray]:
    """The probe with the best cross-validated log-loss, and its out-of-fold scores.

    The out-of-fold scores are what a model stacked on the probe must be
    fitted on (the final probe has seen every item).
    """
    xa, ya = _check(x, y)
    if np.unique(ya).size < 2:
        raise CalibrationError("hidden probe: both outcomes must occur in the training data")
    grid = [(rank, l2) for rank in ranks for l2 in l2s]
    if not grid:
        raise CalibrationError("hidden probe: empty rank/l2 grid")
    oofs = _out_of_fold(xa, ya, grid, folds, seed)
    losses = [_log_loss(oof, ya) for oof in oofs]
    best = int(np.argmin(losses))
    if not math.isfinite(losses[best]):
        raise CalibrationError("hidden probe: fit diverged")
    rank, l2 = grid[best]
    return PrincipalBasis.of(xa).fit(xa, ya, rank, l2), oofs[best]
