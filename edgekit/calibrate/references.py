"""Calibrate a model against reference answers (e.g. the cloud's) instead of labelled data.

Used for the *adapted* edge model of a learning round (docs/learning.md): a
device switching to an adapter must never keep the base model's gate, since
the adapter changes both how often the local answer is right and how
confident the model sounds. The engine (with its adapter, exactly as the
device runs it) answers each prompt, reading its hidden states; an answer
counts as good when it agrees with the reference answer (:func:`agrees`). The
cascade gate is fitted with :func:`~edgekit.calibrate.fit.fit_calibration` and
the gain gate, with a hidden-state probe, with
:func:`~edgekit.calibrate.gain.attach_gain_gate`, bound to the sha256 given.

A learned domain's errors are facts learned wrong, and the model states them
as confidently as the ones it learned right: token confidence barely tells
them apart, but which fact is asked shows in the hidden state, so a probe
fitted on labelled phrasings of the learned facts can.

Agreement (:func:`agrees`): numbers must match exactly, the reference's key
words (:func:`key_words`: its numbers, else its names, else its rarest words
across the reference answers; outside the question) must all be in the
answer, and a word-level F1 in which each word
weighs by how specific it is (inverse document frequency; words the prompt
already contains weigh nothing) must reach :data:`AGREEMENT_F1`. A plain word
F1 calls "The X has a 3300 mAh battery." right when the reference says 3800:
every answer of a domain shares its template, and the fact is one word; and
a high F1 threshold calls "The X is located in Marrowby." wrong when the
reference says "built in the town of Marrowby".
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from edgekit.calibrate.fit import CalibrationTarget, fit_calibration
from edgekit.calibrate.gain import (
    HIDDEN_TOKENS,
    PROJECTION_DIMS,
    gain_probabilities,
    generate_with_hidden,
    training_set,
)
from edgekit.calibrate.records import ItemResult
from edgekit.local import Engine
from edgekit.routing.calibration import Calibration
from edgekit.routing.features import prompt_features, prompt_text
from edgekit.routing.gain import GainTrainingSet, fit_gain_gate, keep_score
from edgekit.routing.stats import auroc, risk_controlling_threshold

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.intp]
GATE_WINDOW = 16
CROSSFIT_FOLDS = 5
AGREEMENT_F1 = 0.3
_WORD = re.compile(r"\w+")
_NAME = re.compile(r"(?<![.!?]\s)(?<=\w\s)[A-Z]\w*")  # capitalised, not starting a sentence


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


def agreement(
    answer: str, reference: str, *, prompt: str = "", weights: Mapping[str, float] | None = None
) -> float:
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


def key_words(
    reference: str, *, prompt: str = "", weights: Mapping[str, float] | None = None
) -> set[str]:
    """What an answer must contain to state the reference's fact (lower-case words).

    Outside the prompt's words: the reference's numbers; else its names
    (capitalised words not starting a sentence); else its most specific words
    (the rarest across the reference answers; every word when unweighted).
    """
    asked = set(_words(prompt))
    words = {w for w in _words(reference) if w not in asked}
    numbers = {w for w in words if w.isdigit()}
    names = {w.lower() for w in _NAME.findall(reference)} - asked
    if numbers or names or not words or not weights:
        return numbers or names or words
    unseen = unseen_weight(weights)
    top = max(weights.get(w, unseen) for w in words)
    return {w for w in words if weights.get(w, unseen) >= top - 1e-9}


def agrees(
    answer: str, reference: str, *, prompt: str = "", weights: Mapping[str, float] | None = None
) -> bool:
    """True when ``answer`` states what ``reference`` states (see the module docstring)."""
    keys = key_words(reference, prompt=prompt, weights=weights)
    if not keys or not keys <= set(_words(answer)):
        return False
    return agreement(answer, reference, prompt=prompt, weights=weights) >= AGREEMENT_F1


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
    collected answer), else from the answers of ``pairs`` themselves. Each
    result carries the pooled hidden state the gain gate's probe reads.
    """
    weights = dict(weights) if weights is not None else specificity([p.answer for p in pairs])
    out = []
    for i, pair in enumerate(pairs):
        messages = [dict(m) for m in pair.messages]
        gen, hidden = generate_with_hidden(engine, messages, max_tokens)
        prompt = prompt_text(messages)
        out.append(
            ItemResult(
                item_id=pair.pair_id,
                category="learned",
                prompt_features=prompt_features(prompt),
                local_correct=agrees(gen.text, pair.answer, prompt=prompt, weights=weights),
                hidden=tuple(float(v) for v in hidden),
                local_signals=gen.window_signals(GATE_WINDOW),
                token_logprobs=gen.token_logprobs,
                local_answer=gen.text,
                cloud_correct=True,
                cloud_answer=pair.answer,
                local_latency_s=gen.latency_s,
            )
        )
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
    """Risk-controlled gates for the adapted model (local error <= ``max_local_error``).

    The cascade gate reads the answer's confidence; the gain gate (which the
    client prefers) adds a hidden-state probe when every result carries its
    hidden state and each outcome occurs at least :data:`CROSSFIT_FOLDS` times.
    """
    target = CalibrationTarget(max_local_error=max_local_error)
    calibration = fit_calibration(
        results,
        model_name=model_name,
        model_sha256=adapted_sha256,
        target=target,
        gate_window=GATE_WINDOW,
        metadata={
            "fitted_for": "adapter",
            "judge": f"numbers exact, the reference's rarest words present, weighted "
            f"word F1 >= {AGREEMENT_F1} vs cloud",
            "conditions": {"temperature": 0.0, "gate_window": GATE_WINDOW},
            **(metadata or {}),
        },
    )
    right = sum(r.local_correct for r in results)
    calibration = dataclasses.replace(
        calibration, metadata={**calibration.metadata, "n_local_right": right}
    )
    if not all(r.hidden for r in results) or min(right, len(results) - right) < CROSSFIT_FOLDS:
        why = (
            f"not fitted: {right} of {len(results)} answers right (each outcome needs "
            f">= {CROSSFIT_FOLDS}) or no hidden states"
        )
        return dataclasses.replace(calibration, metadata={**calibration.metadata, "gain": why})
    hidden = np.asarray([r.hidden for r in results], dtype=np.float64)
    return crossfit_gain_gate(calibration, results, hidden, target=target)


def crossfit_gain_gate(
    calibration: Calibration,
    results: Sequence[ItemResult],
    hidden: FloatArray,
    *,
    target: CalibrationTarget,
    folds: int = CROSSFIT_FOLDS,
    seed: int = 0,
) -> Calibration:
    """A gain gate fitted on every result, its threshold picked on out-of-fold scores.

    A round's calibration set is small (a few hundred phrasings at most), and
    a probe fitted on 60 % of it ranks markedly worse than one fitted on all
    of it (docs/learning.md). So the gate is fitted on every result, and each
    result is scored for the threshold by a gate fitted on the other folds
    (cross-fitting). The threshold's guarantee is then approximate: it holds
    for the fold gates, and the final gate, fitted on a fifth more data, is
    assumed to rank at least as well.
    """
    data = training_set(results, hidden, calibration)
    gate = fit_gain_gate(
        data, seed=seed, probe_tokens=HIDDEN_TOKENS, projection_dims=PROJECTION_DIMS
    )
    oof = np.empty(len(results))
    for held in _stratified_folds(data.local_ok, folds, seed):
        fold_gate = fit_gain_gate(
            _subset(data, np.setdiff1d(np.arange(oof.size), held)),
            seed=seed,
            probe_tokens=HIDDEN_TOKENS,
        )
        oof[held] = keep_score(*gain_probabilities(fold_gate, _subset(data, held)))
    alpha = target.max_local_error if target.max_local_error is not None else 1.0
    risk = risk_controlling_threshold(oof, 1.0 - data.local_ok, alpha=alpha, delta=target.delta)
    info = {
        "threshold": f"cross-fitted ({folds} folds): out-of-fold scores",
        "oof_auroc_local": _finite_or_none(auroc(oof, data.local_ok)),
        "risk_control": {
            "alpha": alpha,
            "delta": target.delta,
            "feasible": risk.feasible,
            "empirical_risk": risk.empirical_risk,
        },
        "oof_escalation_share": float(np.mean(oof < risk.threshold)),
        "hidden_tokens": gate.probe_tokens,
    }
    return dataclasses.replace(
        calibration,
        gain=gate.with_threshold(risk.threshold),
        metadata={**calibration.metadata, "gain": info},
    )


def _stratified_folds(labels: FloatArray, folds: int, seed: int) -> list[IntArray]:
    """``folds`` disjoint index sets, each with its share of both labels."""
    order = np.random.default_rng(seed).permutation(labels.size)
    order = order[np.argsort(labels[order], kind="stable")]  # shuffled within each label
    return [np.sort(order[k::folds]) for k in range(folds) if order[k::folds].size]


def _subset(data: GainTrainingSet, idx: IntArray) -> GainTrainingSet:
    hidden = None if data.hidden is None else data.hidden[idx]
    return dataclasses.replace(
        data,
        local_x=data.local_x[idx],
        cloud_x=data.cloud_x[idx],
        local_ok=data.local_ok[idx],
        cloud_ok=data.cloud_ok[idx],
        hidden=hidden,
    )


def _finite_or_none(value: float) -> float | None:
    return value if math.isfinite(value) else None
