"""Cached per-item results: what calibration and evaluation are computed from.

One JSONL line per dataset item holds the local answer's correctness and
signals and the cloud answer's correctness, so every strategy's curve can be
recomputed without running a model again.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from edgekit.calibrate.files import write_text_atomic
from edgekit.errors import CalibrationError

_MAX_LINE = 1 << 20


@dataclass(frozen=True, kw_only=True)
class ItemResult:
    """Local and cloud outcomes for one labelled item."""

    item_id: str
    category: str
    prompt_features: Mapping[str, float]
    local_correct: bool
    local_signals: Mapping[str, float]
    token_logprobs: tuple[float, ...] = ()
    local_answer: str = ""
    cloud_correct: bool | None = None
    cloud_answer: str = ""
    local_latency_s: float = 0.0
    cloud_latency_s: float = 0.0
    extra: Mapping[str, Any] = field(default_factory=dict)
    hidden: tuple[float, ...] = ()
    """The edge model's pooled hidden state of the answer (for the gain gate's probes)."""

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready dict."""
        return {
            "item_id": self.item_id,
            "category": self.category,
            "prompt_features": dict(self.prompt_features),
            "local_correct": self.local_correct,
            "local_signals": dict(self.local_signals),
            "token_logprobs": list(self.token_logprobs),
            "local_answer": self.local_answer,
            "cloud_correct": self.cloud_correct,
            "cloud_answer": self.cloud_answer,
            "local_latency_s": self.local_latency_s,
            "cloud_latency_s": self.cloud_latency_s,
            "extra": dict(self.extra),
            **({"hidden_f16": _encode_hidden(self.hidden)} if self.hidden else {}),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ItemResult:
        """Parse one record, raising CalibrationError on anything malformed."""
        try:
            cloud = data.get("cloud_correct")
            return cls(
                item_id=str(data["item_id"]),
                category=str(data.get("category", "")),
                prompt_features={k: float(v) for k, v in dict(data["prompt_features"]).items()},
                local_correct=_as_bool(data["local_correct"]),
                local_signals={k: float(v) for k, v in dict(data["local_signals"]).items()},
                token_logprobs=tuple(float(v) for v in data.get("token_logprobs", ())),
                local_answer=str(data.get("local_answer", "")),
                cloud_correct=None if cloud is None else _as_bool(cloud),
                cloud_answer=str(data.get("cloud_answer", "")),
                local_latency_s=float(data.get("local_latency_s", 0.0)),
                cloud_latency_s=float(data.get("cloud_latency_s", 0.0)),
                extra=dict(data.get("extra", {})),
                hidden=_decode_hidden(data.get("hidden_f16")),
            )
        except (KeyError, TypeError, ValueError, AttributeError, binascii.Error) as exc:
            raise CalibrationError(f"malformed result record ({type(exc).__name__})") from None


def _encode_hidden(values: tuple[float, ...]) -> str:
    return base64.b64encode(np.asarray(values, dtype="<f2").tobytes()).decode("ascii")


def _decode_hidden(text: object) -> tuple[float, ...]:
    """Base64 little-endian float16 (at most 64k values) → floats; () when absent."""
    if text is None:
        return ()
    if not isinstance(text, str) or len(text) > 200_000:
        raise ValueError("hidden_f16")
    raw = base64.b64decode(text, validate=True)
    if len(raw) % 2:
        raise ValueError("hidden_f16")
    values = np.frombuffer(raw, dtype="<f2").astype(np.float64)
    if not np.all(np.isfinite(values)):
        raise ValueError("hidden_f16")
    return tuple(values.tolist())


def _as_bool(value: object) -> bool:
    if isinstance(value, bool):
        return value
    if value in (0, 1):
        return bool(value)
    raise ValueError("not a boolean")


def read_results(path: str | os.PathLike[str]) -> list[ItemResult]:
    """Load a results JSONL file."""
    out: list[ItemResult] = []
    try:
        with open(path, encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                if len(line) > _MAX_LINE:
                    raise CalibrationError(f"results line {lineno} is too long")
                if line.strip():
                    try:
                        out.append(ItemResult.from_dict(json.loads(line)))
                    except json.JSONDecodeError:
                        raise CalibrationError(f"results line {lineno}: not JSON") from None
    except UnicodeDecodeError:
        raise CalibrationError("results file is not UTF-8") from None
    except OSError as exc:
        raise CalibrationError(f"cannot read results file: {exc.strerror}") from None
    return out


def write_jsonl(path: str | os.PathLike[str], rows: Iterable[Mapping[str, Any]]) -> None:
    """Write rows as JSONL atomically (temp file + rename)."""
    write_text_atomic(
        path, (json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n" for row in rows)
    )


def write_results(path: str | os.PathLike[str], results: Iterable[ItemResult]) -> None:
    """Write results JSONL atomically."""
    write_jsonl(path, (r.as_dict() for r in results))
