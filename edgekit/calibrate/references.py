"""Calibrate a model against reference answers (e.g. the cloud's) instead of labelled data.

Used for the *adapted* edge model of a learning round (docs/learning.md): a
device switching to an adapter must never keep the base model's gate, since
the adapter changes both how often the local answer is right and how
confident the model sounds. The engine (with its adapter, exactly as the
device runs it) answers each prompt; an answer counts as good when it agrees
with the reference answer (word-level F1), and the gate is fitted with
:func:`~edgekit.calibrate.fit.fit_calibration`, bound to the sha256 given.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol

from edgekit.calibrate.fit import CalibrationTarget, fit_calibration
from edgekit.calibrate.records import ItemResult
from edgekit.calibrate.runner import generate_one
from edgekit.local import Engine
from edgekit.routing.calibration import Calibration
from edgekit.routing.features import prompt_features, prompt_text

GATE_WINDOW = 16
AGREEMENT_F1 = 0.6
_WORD = re.compile(r"\w+")


class ReferencePair(Protocol):
    """A prompt (chat messages) and the reference answer to it."""

    @property
    def pair_id(self) -> str: ...

    @property
    def messages(self) -> Sequence[Mapping[str, str]]: ...

    @property
    def answer(self) -> str: ...


def agreement(answer: str, reference: str) -> float:
    """Word-level F1 between a local answer and the cloud's (case-insensitive)."""
    a = Counter(w.lower() for w in _WORD.findall(answer))
    b = Counter(w.lower() for w in _WORD.findall(reference))
    common = sum((a & b).values())
    if not common:
        return 0.0
    precision, recall = common / sum(a.values()), common / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def local_results(
    engine: Engine,
    pairs: Sequence[ReferencePair],
    *,
    max_tokens: int = 48,
    progress: Callable[[int, int], None] | None = None,
) -> list[ItemResult]:
    """Answer every pair's prompt locally and judge it against the cloud's answer."""
    out = []
    for i, pair in enumerate(pairs):
        messages = [dict(m) for m in pair.messages]
        gen = generate_one(engine, messages, max_tokens)
        out.append(ItemResult(
            item_id=pair.pair_id, category="learned",
            prompt_features=prompt_features(prompt_text(messages)),
            local_correct=agreement(gen.text, pair.answer) >= AGREEMENT_F1,
            local_signals=gen.window_signals(GATE_WINDOW),
            token_logprobs=gen.token_logprobs, local_answer=gen.text,
            cloud_correct=True, cloud_answer=pair.answer, local_latency_s=gen.latency_s,
        ))
        if progress is not None:
            progress(i + 1, len(pairs))
    return out


def fit_adapted(
    results: Sequence[ItemResult],
    *,
    model_name: str,
    adapted_sha256: str,
    max_local_error: float = 0.1,
    metadata: dict[str, Any] | None = None,
) -> Calibration:
    """A risk-controlled gate for the adapted model (local error <= ``max_local_error``)."""
    return fit_calibration(
        results, model_name=model_name, model_sha256=adapted_sha256,
        target=CalibrationTarget(max_local_error=max_local_error),
        gate_window=GATE_WINDOW,
        metadata={"fitted_for": "adapter", "judge": f"word-F1 >= {AGREEMENT_F1} vs cloud",
                  "conditions": {"temperature": 0.0, "gate_window": GATE_WINDOW},
                  **(metadata or {})},
    )
