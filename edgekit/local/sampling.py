"""Choosing the next token from a row of logits (greedy or seeded sampling)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from edgekit.local.config import GenerationParams


class Sampler:
    """Greedy argmax, or temperature / top-k / top-p sampling with a numpy Generator.

    The repetition penalty follows llama.cpp: a recent token's positive logit
    is divided by the penalty, a negative one multiplied.
    """

    def __init__(self, params: GenerationParams, rng: np.random.Generator) -> None:
        self.params = params
        self.rng = rng

    def __call__(self, logits: npt.NDArray[np.float32], recent: Sequence[int]) -> int:
        p = self.params
        penalize = p.repeat_penalty != 1.0 and p.repeat_last_n > 0 and len(recent) > 0
        if p.greedy and not penalize:
            return int(np.argmax(logits))
        x = logits.astype(np.float64)
        if penalize:
            ids = np.unique(np.asarray(recent[-p.repeat_last_n :], dtype=np.int64))
            vals = x[ids]
            x[ids] = np.where(vals > 0, vals / p.repeat_penalty, vals * p.repeat_penalty)
        if p.greedy:
            return int(np.argmax(x))
        return self._sample(x)

    def _sample(self, x: npt.NDArray[np.float64]) -> int:
        p = self.params
        x = x / p.temperature
        if 0 < p.top_k < x.shape[0]:
            ids = np.argpartition(x, -p.top_k)[-p.top_k :]
        else:
            ids = np.arange(x.shape[0])
        vals = x[ids]
        order = np.argsort(-vals, kind="stable")
        ids, vals = ids[order], vals[order]
        probs = np.exp(vals - vals[0])
        probs /= probs.sum()
        if p.top_p < 1.0:
            keep = int(np.searchsorted(np.cumsum(probs), p.top_p)) + 1
            ids, probs = ids[:keep], probs[:keep] / probs[:keep].sum()
        return int(ids[self.rng.choice(ids.shape[0], p=probs)])
