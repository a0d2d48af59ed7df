"""Calibrate a model against reference answers (e.g. the cloud's) instead of labelled data.

Used for the *adapted* edge model of a learning round (docs/learning.md): a
device switching to an adapter must never keep the base model's gate, since
the adapter changes both how often the local answer is right and how
confident the model sounds. The engine (with its adapter, exactly as the
device runs it) answers each prompt; an answer counts as good when it agrees
with the reference answer, and the gate is fitted with
:func:`~edgekit.calibrate.fit.fit_calibration`, bound to the sha256 given.

Agreement is a word-level F1 in which each word weighs by how specific it is
across the reference answers (inverse document frequency), words the prompt
already contains weigh nothing, and numbers must match exactly. A plain word
F1 calls "The X has a 3300 mAh battery." right when the reference says 3800:
every answer of a domain shares its template, and the fact is one word.
"""

from __future__ import annotations

import math
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


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def specificity(references: Sequence[str]) -> dict[str, float]:
    """Weight of each word: ``log((n + 1) / (df + 0.5))`` over ``n`` reference answers.

    A word every reference shares weighs ~0; a word no reference has gets
    :func:`unseen_weight` (an invented value costs the most).
    """
    n = len(references)
    df = Counter(w for ref in references for w in set(_words(ref)))
    return {w: math.log((n + 1) / (c + 0.5)) for w, c in df.items()}


def unseen_weight(weights: Mapping[str, float]) -> float:
    """The weight of a word no reference contains (1.0 without weights)."""
    return max(weights.values(), default=0.0) or 1.0


def agreement(answer: str, reference: str, *, prompt: str = "",
              weights: Mapping[str, float] | None = None) -> float:
    """Weighted word F1 between a local answer and the reference (case-insensitive).

    Words of ``prompt`` count on neither side (repeating the question is not
    agreeing); ``weights`` (from :func:`specificity`; uniform when None) weigh
    each word; any number the one has and the other lacks gives 0.
    """
    asked = set(_words(prompt))
    a = Counter(w for w in _words(answer) if w not in asked)
    b = Counter(w for w in _words(reference) if w not in asked)
    if _numbers(a) != _numbers(b):
        return 0.0
    unseen = unseen_weight(weights) if weights else 1.0

    def mass(words: Counter[str]) -> float:
        return sum(n * (weights.get(w, unseen) if weights else 1.0) for w, n in words.items())

    common = mass(a & b)
    if common <= 0.0:
        return 0.0
    precision, recall = common / mass(a), common / mass(b)
    return 2 * precision * recall / (precision + recall)


def _numbers(words: Counter[str]) -> set[str]:
    return {w for w in words if w.isdigit()}


def local_results(
    engine: Engine,
    pairs: Sequence[ReferencePair],
    *,
    max_tokens: int = 48,
    weights: Mapping[str, float] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[ItemResult]:
    """Answer every pair's prompt locally and judge it against the cloud's answer.

    Word weights come from ``weights`` (e.g. :func:`specificity` of every
    collected answer), else from the answers of ``pairs`` themselves.
    """
    weights = dict(weights) if weights is not None else specificity([p.answer for p in pairs])
    out = []
    for i, pair in enumerate(pairs):
        messages = [dict(m) for m in pair.messages]
        gen = generate_one(engine, messages, max_tokens)
        prompt = prompt_text(messages)
        score = agreement(gen.text, pair.answer, prompt=prompt, weights=weights)
        out.append(ItemResult(
            item_id=pair.pair_id, category="learned",
            prompt_features=prompt_features(prompt),
            local_correct=score >= AGREEMENT_F1,
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
        metadata={"fitted_for": "adapter",
                  "judge": f"weighted word F1 >= {AGREEMENT_F1} vs cloud, numbers exact",
                  "conditions": {"temperature": 0.0, "gate_window": GATE_WINDOW},
                  **(metadata or {})},
    )
