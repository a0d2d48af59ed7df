"""Run models over a labelled dataset, with an on-disk cache of their outputs.

Outputs are cached per (model sha256, generation parameters, prompt) so
calibration and benchmark reruns are cheap; correctness is judged when
results are built, so changing a judge never needs a model run.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from edgekit._logging import get_logger
from edgekit.calibrate.dataset import SYSTEM_PROMPT, Item
from edgekit.calibrate.judges import Judge, resolve_judge
from edgekit.calibrate.records import ItemResult
from edgekit.errors import CalibrationError
from edgekit.routing.features import prompt_features, signal_features, window_features

if TYPE_CHECKING:
    from edgekit.local.engine import Engine
    from edgekit.local.types import Completion
    from edgekit.transport import CloudClient

log = get_logger(__name__)
DEFAULT_MAX_TOKENS = 16
_CACHE_VERSION = 1


@dataclass(frozen=True, kw_only=True)
class Generation:
    """One model answer with the per-token signals the router uses."""

    text: str
    token_logprobs: tuple[float, ...]
    signals: dict[str, float]
    latency_s: float
    finish_reason: str
    token_entropies: tuple[float, ...] = ()
    token_margins: tuple[float, ...] = ()

    def window_signals(self, window: int) -> dict[str, float]:
        """Gate features of the first ``window`` tokens (see ``features.window_features``).

        Entries cached before per-token entropies were stored only hold the
        summary of the whole answer, which is right when the answer fits the window.
        """
        n = len(self.token_logprobs)
        if len(self.token_entropies) == len(self.token_margins) == n and n:
            toks = [
                _Tok(lp, e, m)
                for lp, e, m in zip(
                    self.token_logprobs, self.token_entropies, self.token_margins, strict=True
                )
            ]
            return window_features(toks, window=window, finish_reason=self.finish_reason)
        if n > window:
            raise CalibrationError(
                "a cached answer is longer than the gate window and has no per-token "
                "signals; regenerate it (delete the router cache)"
            )
        return dict(self.signals)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready dict."""
        return {
            "text": self.text,
            "token_logprobs": list(self.token_logprobs),
            "signals": self.signals,
            "latency_s": self.latency_s,
            "finish_reason": self.finish_reason,
            "token_entropies": list(self.token_entropies),
            "token_margins": list(self.token_margins),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Generation:
        """Parse a cached entry (CalibrationError when malformed)."""
        try:
            return cls(
                text=str(data["text"]),
                token_logprobs=tuple(float(v) for v in data["token_logprobs"]),
                signals={str(k): float(v) for k, v in data["signals"].items()},
                latency_s=float(data["latency_s"]),
                finish_reason=str(data["finish_reason"]),
                token_entropies=tuple(float(v) for v in data.get("token_entropies", ())),
                token_margins=tuple(float(v) for v in data.get("token_margins", ())),
            )
        except (KeyError, TypeError, ValueError, AttributeError):
            raise CalibrationError("malformed generation cache entry") from None


@dataclass(frozen=True)
class _Tok:
    logprob: float
    entropy: float
    margin: float


class GenerationCache:
    """One JSON file per key under ``root`` (written atomically)."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)

    @staticmethod
    def key(model_sha256: str, max_tokens: int, system: str | None, prompt: str) -> str:
        """Stable key of one generation (``system`` None: no system message)."""
        h = hashlib.sha256()
        sys_part = "\0none" if system is None else system
        for part in (str(_CACHE_VERSION), model_sha256, str(max_tokens), sys_part, prompt):
            h.update(part.encode("utf-8"))
            h.update(b"\0")
        return h.hexdigest()

    def get(self, key: str) -> Generation | None:
        """The cached generation or None (a corrupt entry counts as missing)."""
        path = self.root / key[:2] / f"{key}.json"
        try:
            return Generation.from_dict(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, CalibrationError):
            return None

    def put(self, key: str, generation: Generation) -> None:
        """Store atomically."""
        folder = self.root / key[:2]
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{key}.{os.getpid()}.tmp"
        tmp.write_text(json.dumps(generation.as_dict()), encoding="utf-8")
        os.replace(tmp, folder / f"{key}.json")


def generate_one(engine: Engine, messages: list[dict[str, str]], max_tokens: int) -> Generation:
    """Greedy answer with signals from a local engine."""
    from edgekit.local.config import GenerationParams

    start = time.perf_counter()
    completion = engine.chat(messages, GenerationParams(max_tokens=max_tokens, temperature=0.0))
    return generation_of(completion, time.perf_counter() - start)


def generation_of(completion: Completion, latency_s: float) -> Generation:
    """The cached form of an engine's completion (text and per-token signals)."""
    return Generation(
        text=completion.text,
        token_logprobs=tuple(s.logprob for s in completion.signals),
        signals=signal_features(completion.signals, finish_reason=completion.finish_reason),
        latency_s=latency_s,
        finish_reason=completion.finish_reason,
        token_entropies=tuple(s.entropy for s in completion.signals),
        token_margins=tuple(s.margin for s in completion.signals),
    )


def run_engine(
    engine: Engine,
    items: Sequence[Item],
    *,
    cache: GenerationCache | None = None,
    max_tokens: int = DEFAULT_MAX_TOKENS,
    system: str | None = SYSTEM_PROMPT,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Generation]:
    """Answers of ``engine`` for every item (cached by model sha256 + prompt)."""
    sha = engine.info.sha256 if cache is not None else ""
    out: dict[str, Generation] = {}
    for i, item in enumerate(items):
        key = GenerationCache.key(sha, max_tokens, system, item.prompt)
        hit = cache.get(key) if cache is not None else None
        if hit is None:
            hit = generate_one(engine, item.messages(system), max_tokens)
            if cache is not None:
                cache.put(key, hit)
        out[item.id] = hit
        if progress is not None:
            progress(i + 1, len(items))
    return out


async def run_gateway(
    cloud: CloudClient,
    items: Sequence[Item],
    *,
    cache: GenerationCache | None = None,
    cache_tag: str,
    max_tokens: int = DEFAULT_MAX_TOKENS,
    system: str | None = SYSTEM_PROMPT,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Generation]:
    """Answers of the gateway's model (no token signals); cached under ``cache_tag``.

    Requests run one at a time and are never retried: a failure raises.
    """
    out: dict[str, Generation] = {}
    for i, item in enumerate(items):
        key = GenerationCache.key(cache_tag, max_tokens, system, item.prompt)
        hit = cache.get(key) if cache is not None else None
        if hit is None:
            start = time.perf_counter()
            done = await cloud.chat(item.messages(system), max_tokens=max_tokens, temperature=0.0)
            hit = Generation(
                text=done.text,
                token_logprobs=(),
                signals={},
                latency_s=time.perf_counter() - start,
                finish_reason=done.finish_reason or "stop",
            )
            if cache is not None:
                cache.put(key, hit)
        out[item.id] = hit
        if progress is not None:
            progress(i + 1, len(items))
    return out


def build_results(
    items: Iterable[Item],
    local: dict[str, Generation],
    cloud: dict[str, Generation] | None = None,
    *,
    judge: str | Judge | None = None,
    window: int | None = None,
    style: str | None = None,
) -> list[ItemResult]:
    """Judge every answer and assemble the cached-results records.

    With ``window`` the gate features cover the first ``window`` answer tokens
    (what the client scores); ``style`` tags the records (``id@style``).
    """
    fixed = resolve_judge(judge) if judge is not None else None
    results: list[ItemResult] = []
    for item in items:
        check = fixed or resolve_judge(item.judge)
        gen = local[item.id]
        cloud_gen = cloud.get(item.id) if cloud is not None else None
        extra: dict[str, Any] = {"difficulty": item.difficulty}
        if style is not None:
            extra["style"] = style
        results.append(
            ItemResult(
                item_id=item.id if style is None else f"{item.id}@{style}",
                category=item.category,
                prompt_features=prompt_features(item.prompt),
                local_correct=bool(check(gen.text, item.reference)),
                local_signals=gen.signals if window is None else gen.window_signals(window),
                token_logprobs=gen.token_logprobs,
                local_answer=gen.text,
                cloud_correct=None
                if cloud_gen is None
                else bool(check(cloud_gen.text, item.reference)),
                cloud_answer="" if cloud_gen is None else cloud_gen.text,
                local_latency_s=gen.latency_s,
                cloud_latency_s=0.0 if cloud_gen is None else cloud_gen.latency_s,
                extra=extra,
            )
        )
    return results


@dataclass(frozen=True, kw_only=True)
class Conditions:
    """How calibration answers are generated; recorded in the calibration file.

    ``chat`` answers use the client's defaults (no system prompt, greedy) cut
    at ``chat_max_tokens``; ``terse`` answers use :data:`SYSTEM_PROMPT` and
    ``terse_max_tokens``. The gate sees the first ``gate_window`` tokens of
    either. Reference (cloud) answers are only judged, so they are short and terse.
    """

    styles: tuple[str, ...] = ("terse", "chat")
    gate_window: int = 16
    terse_max_tokens: int = 16
    chat_max_tokens: int = 48
    cloud_max_tokens: int = 16
    temperature: float = 0.0

    def __post_init__(self) -> None:
        if not self.styles or any(s not in STYLES for s in self.styles):
            raise CalibrationError(f"styles must be a non-empty subset of {', '.join(STYLES)}")
        if min(self.gate_window, self.terse_max_tokens, self.chat_max_tokens,
               self.cloud_max_tokens) < 1:  # fmt: skip
            raise CalibrationError("token counts must be >= 1")

    def max_tokens(self, style: str) -> int:
        """The local generation limit of ``style``."""
        return self.terse_max_tokens if style == "terse" else self.chat_max_tokens

    def as_metadata(self) -> dict[str, Any]:
        """JSON-ready description (``calibration.metadata["conditions"]``)."""
        return {
            "styles": {s: {"system_prompt": STYLES[s], "max_tokens": self.max_tokens(s)}
                       for s in self.styles},
            "gate_window": self.gate_window,
            "temperature": self.temperature,
            "cloud": {"system_prompt": SYSTEM_PROMPT, "max_tokens": self.cloud_max_tokens},
        }  # fmt: skip


STYLES: dict[str, str | None] = {"terse": SYSTEM_PROMPT, "chat": None}
"""Prompt styles calibration mixes: the terse answer-only prompt and plain chat."""


def run_styles(
    engine: Engine,
    items: Sequence[Item],
    conditions: Conditions,
    *,
    cache: GenerationCache | None = None,
    progress: Callable[[str], Callable[[int, int], None]] | None = None,
) -> dict[str, dict[str, Generation]]:
    """Local answers of every item in every style of ``conditions``."""
    return {
        style: run_engine(
            engine, items, cache=cache, max_tokens=conditions.max_tokens(style),
            system=STYLES[style], progress=None if progress is None else progress(style),
        )
        for style in conditions.styles
    }  # fmt: skip


def build_style_results(
    items: Sequence[Item],
    local: Mapping[str, dict[str, Generation]],
    cloud: dict[str, Generation] | None,
    conditions: Conditions,
    *,
    judge: str | Judge | None = None,
) -> list[ItemResult]:
    """Results of every style, features over ``conditions.gate_window`` tokens."""
    out: list[ItemResult] = []
    for style in conditions.styles:
        out.extend(
            build_results(items, local[style], cloud, judge=judge,
                          window=conditions.gate_window, style=style)
        )  # fmt: skip
    return out


def default_cache_dir() -> Path:
    """``$EDGEKIT_CACHE_DIR/router`` or ``~/.cache/edgekit/router``."""
    base = os.environ.get("EDGEKIT_CACHE_DIR")
    root = Path(base) if base else Path.home() / ".cache" / "edgekit"
    return root / "router"
