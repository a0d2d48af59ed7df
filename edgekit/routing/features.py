"""Features the gates score: cheap prompt features and per-token confidence signals.

Both kinds are plain ``dict[str, float]`` keyed by stable names, so a
calibration file can name the features its weights belong to.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from typing import Protocol

import numpy as np


class TokenSignalLike(Protocol):
    """What the router needs from one generated token (edgekit.local.TokenSignal)."""

    @property
    def logprob(self) -> float: ...
    @property
    def entropy(self) -> float: ...
    @property
    def margin(self) -> float: ...


SIGNAL_FEATURES: tuple[str, ...] = (
    "mean_logprob",
    "min_logprob",
    "first_k_mean_logprob",
    "mean_entropy",
    "max_entropy",
    "mean_margin",
    "min_margin",
    "low_conf_share",
)
"""Confidence features the gate is fitted on (schema v2): none measures verbosity."""
LEGACY_SIGNAL_FEATURES: tuple[str, ...] = (*SIGNAL_FEATURES, "log_n_tokens", "hit_length")
"""Schema v1 gates also used the answer length and whether ``max_tokens`` was hit."""
PROMPT_FEATURES: tuple[str, ...] = (
    "log_chars",
    "n_digits",
    "n_numbers",
    "max_number_len",
    "n_operators",
    "wh_what",
    "wh_which",
    "wh_who",
    "wh_how",
    "has_convert",
    "has_passage",
)
DEFAULT_FIRST_K = 8
_LOW_CONF_LOGPROB = math.log(0.5)
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_OPERATORS = re.compile(r"[+\-*/×÷^%=]")
_CONVERT = re.compile(r"\b(convert|how many|in (?:km|m|cm|kg|g|lb|miles|feet|inches))\b", re.I)


def signal_features(
    signals: Sequence[TokenSignalLike],
    *,
    finish_reason: str | None = None,
    first_k: int = DEFAULT_FIRST_K,
) -> dict[str, float]:
    """Summaries of per-token confidence; an empty answer gets the least confident values."""
    if not signals:
        return {
            "mean_logprob": -20.0, "min_logprob": -20.0, "first_k_mean_logprob": -20.0,
            "mean_entropy": 10.0, "max_entropy": 10.0, "mean_margin": 0.0, "min_margin": 0.0,
            "low_conf_share": 1.0, "log_n_tokens": 0.0,
            "hit_length": 1.0 if finish_reason == "length" else 0.0,
        }  # fmt: skip
    lp = np.clip(np.array([s.logprob for s in signals], dtype=np.float64), -20.0, 0.0)
    ent = np.array([s.entropy for s in signals], dtype=np.float64)
    mar = np.array([s.margin for s in signals], dtype=np.float64)
    ent = np.nan_to_num(ent, nan=10.0, posinf=10.0)
    mar = np.nan_to_num(mar, nan=0.0, posinf=20.0)
    return {
        "mean_logprob": float(lp.mean()),
        "min_logprob": float(lp.min()),
        "first_k_mean_logprob": float(lp[:first_k].mean()),
        "mean_entropy": float(ent.mean()),
        "max_entropy": float(ent.max()),
        "mean_margin": float(mar.mean()),
        "min_margin": float(mar.min()),
        "low_conf_share": float((lp < _LOW_CONF_LOGPROB).mean()),
        "log_n_tokens": math.log1p(len(signals)),
        "hit_length": 1.0 if finish_reason == "length" else 0.0,
    }


def window_features(
    signals: Sequence[TokenSignalLike],
    *,
    window: int,
    finish_reason: str | None,
    first_k: int = DEFAULT_FIRST_K,
) -> dict[str, float]:
    """:func:`signal_features` of the first ``window`` tokens, as calibration saw them.

    A gate calibrated on answers cut at ``window`` tokens must score the same
    prefix of a longer answer: an answer that goes on past the window counts
    as having hit the length limit, exactly as it did during calibration.
    """
    if window < 1:
        raise ValueError("window must be >= 1")
    if len(signals) > window:
        return signal_features(signals[:window], finish_reason="length", first_k=first_k)
    return signal_features(signals, finish_reason=finish_reason, first_k=first_k)


def prompt_text(messages: Sequence[Mapping[str, str]]) -> str:
    """The last user message (what pre-routing looks at)."""
    for message in reversed(messages):
        if message.get("role") == "user":
            return message.get("content", "")
    return ""


def prompt_features(text: str) -> dict[str, float]:
    """Cheap, content-free features of a prompt (lengths, numbers, question type)."""
    numbers = _NUMBER.findall(text)
    lowered = text.lower()
    return {
        "log_chars": math.log1p(len(text)),
        "n_digits": float(sum(ch.isdigit() for ch in text)),
        "n_numbers": float(len(numbers)),
        "max_number_len": float(max((len(n.replace(".", "")) for n in numbers), default=0)),
        "n_operators": float(len(_OPERATORS.findall(text))),
        "wh_what": float("what" in lowered),
        "wh_which": float("which" in lowered),
        "wh_who": float("who" in lowered),
        "wh_how": float("how" in lowered),
        "has_convert": float(bool(_CONVERT.search(text))),
        "has_passage": float(len(text) > 200),
    }


def feature_vector(features: Mapping[str, float], names: Sequence[str]) -> list[float]:
    """Values in ``names`` order (missing names are a programming error upstream)."""
    return [float(features[name]) for name in names]
