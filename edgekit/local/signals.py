"""Per-token confidence signals and their sequence summaries.

Every signal is computed from the model's raw next-token logits at that step
(temperature 1, before repetition penalties), so it measures the model's
confidence independently of how the token was sampled:

- ``logprob``: natural-log probability of the chosen token (≤ 0);
- ``entropy``: Shannon entropy of the next-token distribution, in nats (≥ 0);
- ``margin``: top-1 minus top-2 probability, in **probability space** (in [0, 1]).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass

import numpy as np
import numpy.typing as npt


@dataclass(frozen=True, slots=True)
class TokenSignal:
    """Confidence of one generated token (see the module docstring for units)."""

    logprob: float
    entropy: float
    margin: float


def token_signal(logits: npt.NDArray[np.float32], token: int) -> TokenSignal:
    """Signals of ``token`` under the distribution ``softmax(logits)``.

    One pass of element-wise ufuncs (single-threaded, no BLAS, so no helper
    threads competing with llama.cpp's): shift by the max, exponentiate in
    float32, accumulate sums in float64. Entropy is ``log Z - E[z]``; the
    margin is ``(1 - exp(z2)) / Z`` with ``z2`` the second-largest shifted logit.
    """
    top_index = int(np.argmax(logits))
    z = logits - logits[top_index]  # float32, <= 0
    e = np.exp(z)
    total = float(e.sum(dtype=np.float64))
    log_total = math.log(total)
    mean_z = float(np.multiply(e, z).sum(dtype=np.float64)) / total
    logprob = float(z[token]) - log_total
    e[top_index] = 0.0
    second = float(e.max()) if e.shape[0] > 1 else 0.0
    margin = (1.0 - second) / total
    return TokenSignal(
        logprob=min(logprob, 0.0), entropy=max(log_total - mean_z, 0.0), margin=margin
    )


@dataclass(frozen=True, kw_only=True)
class SignalSummary:
    """Aggregates of a sequence of :class:`TokenSignal` (NaN-free; zeros when empty)."""

    n_tokens: int
    mean_logprob: float
    min_logprob: float
    sum_logprob: float
    perplexity: float
    mean_entropy: float
    max_entropy: float
    mean_margin: float
    min_margin: float
    first_k: int
    first_k_mean_logprob: float
    first_k_mean_entropy: float
    low_margin_fraction: float

    def as_dict(self) -> dict[str, float | int]:
        """The fields as a plain dict (JSON-friendly)."""
        return asdict(self)


LOW_MARGIN = 0.1


def summarize(signals: Sequence[TokenSignal], first_k: int = 8) -> SignalSummary:
    """Aggregate ``signals``; ``first_k`` tokens feed the early-confidence fields.

    ``low_margin_fraction`` is the share of tokens whose margin is below 0.1.
    """
    n = len(signals)
    if n == 0:
        return SignalSummary(
            n_tokens=0,
            mean_logprob=0.0,
            min_logprob=0.0,
            sum_logprob=0.0,
            perplexity=1.0,
            mean_entropy=0.0,
            max_entropy=0.0,
            mean_margin=0.0,
            min_margin=0.0,
            first_k=first_k,
            first_k_mean_logprob=0.0,
            first_k_mean_entropy=0.0,
            low_margin_fraction=0.0,
        )
    arr = np.array([(s.logprob, s.entropy, s.margin) for s in signals], dtype=np.float64)
    lp, ent, mar = arr[:, 0], arr[:, 1], arr[:, 2]
    head = arr[: max(first_k, 1)]
    mean_lp = float(lp.mean())
    return SignalSummary(
        n_tokens=n,
        mean_logprob=mean_lp,
        min_logprob=float(lp.min()),
        sum_logprob=float(lp.sum()),
        perplexity=math.exp(min(-mean_lp, 700.0)),
        mean_entropy=float(ent.mean()),
        max_entropy=float(ent.max()),
        mean_margin=float(mar.mean()),
        min_margin=float(mar.min()),
        first_k=first_k,
        first_k_mean_logprob=float(head[:, 0].mean()),
        first_k_mean_entropy=float(head[:, 1].mean()),
        low_margin_fraction=float((mar < LOW_MARGIN).mean()),
    )
