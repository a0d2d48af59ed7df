"""The gate of structured answers: is the device's tool call (or JSON answer) trustworthy?

Under a grammar most tokens of an answer are forced — braces, key names,
separators — and their confidence says nothing. The tool gate scores only the
steps the grammar left open (``TokenEvent.forced`` is false), split by what
they decide:

- **decision**: the first open step — text or a call (``<tool_call>``, a fence, ``{``);
- **name**: the open steps of the tool's name (``log P(name)`` and its margin);
- **values**: every later open step — argument values, optional keys, the end;
- **text**: a text answer's steps (the call segments are then empty).

Besides confidence, one feature asks whether the values come from the
conversation: the share of the call's string and number values (enums
excepted) that occur in the messages' text (case- and space-folded). A small
model that copies a city from the request is more often right than one
inventing one. Features and weights are fitted offline
(``benchmarks/tools.py``) on tool-call data; the shipped fit lives in
``routing/data/tool-gate-smollm2-135m.json`` and is read by the client
(pure: this module does no file I/O).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from edgekit.errors import CalibrationError
from edgekit.routing.features import TokenSignalLike
from edgekit.routing.logistic import LogisticModel

SCHEMA = "edgekit.routing.tool_gate"
SCHEMA_VERSION = 1
DEFAULT_TOOL_GATE = Path(__file__).parent / "data" / "tool-gate-smollm2-135m.json"
TOOL_GATE_FEATURES: tuple[str, ...] = (
    "is_text", "decision_logprob", "name_logprob", "name_min_margin", "values_min_logprob",
    "values_mean_logprob", "values_max_entropy", "values_grounded", "text_mean_logprob",
)  # fmt: skip
_FLOOR = -20.0
_NAME_KEY = '"name": '
_ARGS_KEY = '"arguments": '


class StepLike(Protocol):
    """One generated step as the tool gate reads it (an ``edgekit.local.TokenEvent``)."""

    @property
    def text(self) -> str: ...
    @property
    def forced(self) -> bool: ...
    @property
    def signal(self) -> TokenSignalLike: ...


def segments(steps: Sequence[StepLike]) -> dict[str, list[TokenSignalLike]]:
    """The open steps' signals by what they decide (decision, name, values, text)."""
    out: dict[str, list[TokenSignalLike]] = {"decision": [], "name": [], "values": [],
                                             "text": []}  # fmt: skip
    before = ""
    is_call = _starts_call("".join(s.text for s in steps))
    for step in steps:
        if not step.forced:
            if not out["decision"]:
                out["decision"].append(step.signal)
            elif not is_call:
                out["text"].append(step.signal)
            elif _NAME_KEY in before and _ARGS_KEY not in before:
                out["name"].append(step.signal)
            else:  # argument values, optional keys, the end (or a JSON answer's values)
                out["values"].append(step.signal)
        before += step.text
    return out


def _starts_call(text: str) -> bool:
    return text.lstrip().startswith(("<tool_call>", "```", "{"))


def _logprobs(signals: Sequence[TokenSignalLike]) -> np.ndarray[Any, Any]:
    return np.clip(np.array([s.logprob for s in signals], dtype=np.float64), _FLOOR, 0.0)


def structured_features(
    steps: Sequence[StepLike], conversation: str, arguments: Iterable[Any] = ()
) -> dict[str, float]:
    """The tool gate's inputs for one answer (see the module docstring).

    ``conversation`` is the text the values may come from (the messages);
    ``arguments`` the parsed arguments of the answer's calls.
    """
    seg = segments(steps)
    decision = _logprobs(seg["decision"])
    name, values, text = _logprobs(seg["name"]), _logprobs(seg["values"]), _logprobs(seg["text"])
    margins = [s.margin for s in seg["name"] if math.isfinite(s.margin)]
    entropies = [s.entropy for s in seg["values"] if math.isfinite(s.entropy)]
    return {
        "is_text": 0.0 if _starts_call("".join(s.text for s in steps)) else 1.0,
        "decision_logprob": float(decision[0]) if decision.size else _FLOOR,
        "name_logprob": float(name.sum()) if name.size else 0.0,
        "name_min_margin": min(margins) if margins else 1.0,
        "values_min_logprob": float(values.min()) if values.size else 0.0,
        "values_mean_logprob": float(values.mean()) if values.size else 0.0,
        "values_max_entropy": max(entropies) if entropies else 0.0,
        "values_grounded": grounded_share(arguments, conversation),
        "text_mean_logprob": float(text.mean()) if text.size else 0.0,
    }


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text.casefold()).strip()


def _leaves(value: Any) -> Iterable[str]:
    """The string and number values inside parsed arguments, as text."""
    if isinstance(value, Mapping):
        for v in value.values():
            yield from _leaves(v)
    elif isinstance(value, list):
        for v in value:
            yield from _leaves(v)
    elif isinstance(value, str):
        yield value
    elif isinstance(value, int | float) and not isinstance(value, bool):
        yield f"{value:g}"


def grounded_share(arguments: Iterable[Any], conversation: str) -> float:
    """Share of the values that occur in ``conversation`` (1.0 when there are none)."""
    where = _fold(conversation)
    leaves = [_fold(v) for args in arguments for v in _leaves(args)]
    leaves = [v for v in leaves if v]
    if not leaves:
        return 1.0
    return sum(v in where for v in leaves) / len(leaves)


@dataclass(frozen=True, kw_only=True)
class ToolGate:
    """A logistic P(the device's structured answer is right) and the threshold to keep it.

    ``model_sha256`` binds the fit to the edge model it was fitted for.
    ``fitted_on`` says how (data set, split, sizes) — kept for the record.
    """

    model: LogisticModel
    threshold: float
    model_sha256: str | None = None
    fitted_on: Mapping[str, Any] | None = None

    def __post_init__(self) -> None:
        if tuple(self.model.feature_names) != TOOL_GATE_FEATURES:
            raise CalibrationError("tool gate features differ from this version's")
        if not 0.0 <= self.threshold <= 1.0:
            raise CalibrationError("tool gate threshold must be in [0, 1]")

    def score(self, features: Mapping[str, float]) -> float:
        """P(the structured answer is right) from :func:`structured_features`."""
        return self.model.score(features)

    def accepts(self, score: float) -> bool:
        """True when ``score`` passes the gate."""
        return score >= self.threshold

    def to_json(self) -> str:
        """The gate as a JSON document (schema ``edgekit.routing.tool_gate`` v1)."""
        return json.dumps({
            "schema": SCHEMA, "version": SCHEMA_VERSION, "model_sha256": self.model_sha256,
            "threshold": self.threshold, "model": self.model.as_dict(),
            "fitted_on": dict(self.fitted_on or {}),
        }, indent=1, sort_keys=True)  # fmt: skip

    @classmethod
    def from_json(cls, text: str | bytes, *, expected_sha256: str | None = None) -> ToolGate:
        """Parse a gate; refuses another schema, version or (given) model."""
        try:
            data = json.loads(text)
            if data.get("schema") != SCHEMA or data.get("version") != SCHEMA_VERSION:
                raise CalibrationError("not an EdgeKit tool gate of a version this reads")
            gate = cls(
                model=LogisticModel.from_dict(data["model"]),
                threshold=float(data["threshold"]),
                model_sha256=data.get("model_sha256"),
                fitted_on=data.get("fitted_on") or None,
            )
        except CalibrationError:
            raise
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise CalibrationError(f"malformed tool gate ({type(exc).__name__})") from None
        if expected_sha256 and gate.model_sha256 and gate.model_sha256 != expected_sha256:
            raise CalibrationError("the tool gate was fitted for another model")
        return gate
