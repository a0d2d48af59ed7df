"""Synthetic per-item results whose signals really predict local errors."""

from __future__ import annotations

import numpy as np
import pytest

from edgekit.calibrate.dataset import generate
from edgekit.calibrate.records import ItemResult
from edgekit.local.signals import TokenSignal
from edgekit.routing.features import prompt_features, signal_features

_CATEGORY_SKILL = {"arithmetic": -1.5, "units": -0.5, "capitals": 0.3, "reading": 1.5}


def synthetic_results(n: int, seed: int) -> list[ItemResult]:
    """Local confidence is drawn per item; correctness follows it through a logistic link."""
    rng = np.random.default_rng(seed)
    out = []
    for item in generate(n, seed):
        skill = _CATEGORY_SKILL[item.category] + rng.normal(0, 0.7)
        n_tok = int(rng.integers(2, 10))
        lps = np.clip(rng.normal(-1.2 + 0.6 * skill, 0.4, n_tok), -15, 0)
        toks = [TokenSignal(float(lp), float(1.5 - skill * 0.5), float(np.exp(lp))) for lp in lps]
        local_ok = bool(rng.random() < 1 / (1 + np.exp(-2.5 * skill)))
        cloud_ok = bool(rng.random() < (0.97 if local_ok else 0.7))
        out.append(
            ItemResult(
                item_id=item.id,
                category=item.category,
                prompt_features=prompt_features(item.prompt),
                local_correct=local_ok,
                local_signals=signal_features(toks),
                token_logprobs=tuple(float(v) for v in lps),
                cloud_correct=cloud_ok,
            )
        )
    return out


@pytest.fixture(scope="session")
def results() -> list[ItemResult]:
    return synthetic_results(400, 7)
