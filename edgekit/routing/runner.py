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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from edgekit._logging import get_logger
from edgekit.errors import CalibrationError
from edgekit.routing.dataset import SYSTEM_PROMPT, Item
from edgekit.routing.features import prompt_features, signal_features
from edgekit.routing.judges import Judge, resolve_judge
from edgekit.routing.records import ItemResult

if TYPE_CHECKING:
    from edgekit.local.engine import Engine
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

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready dict."""
        return {
            "text": self.text,
            "token_logprobs": list(self.token_logprobs),
            "signals": self.signals,
            "latency_s": self.latency_s,
            "finish_reason": self.finish_reason,
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
            )
        except (KeyError, TypeError, ValueError, AttributeError):
            raise CalibrationError("malformed generation cache entry") from None


class GenerationCache:
    """One JSON file per key under ``root`` (written atomically)."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)

    @staticmethod
    def key(model_sha256: str, max_tokens: int, system: str, prompt: str) -> str:
        """Stable key of one generation."""
        h = hashlib.sha256()
        for part in (str(_CACHE_VERSION), model_sha256, str(max_tokens), system, prompt):
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
    return Generation(
        text=completion.text,
        token_logprobs=tuple(s.logprob for s in completion.signals),
        signals=signal_features(completion.signals, finish_reason=completion.finish_reason),
        latency_s=time.perf_counter() - start,
        finish_reason=completion.finish_reason,
    )


def run_engine(
    engine: Engine,
    items: Sequence[Item],
    *,
    cache: GenerationCache | None = None,
    max_tokens: int = DEFAULT_MAX_TOKENS,
    system: str = SYSTEM_PROMPT,
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
    system: str = SYSTEM_PROMPT,
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
) -> list[ItemResult]:
    """Judge every answer and assemble the cached-results records."""
    fixed = resolve_judge(judge) if judge is not None else None
    results: list[ItemResult] = []
    for item in items:
        check = fixed or resolve_judge(item.judge)
        gen = local[item.id]
        cloud_gen = cloud.get(item.id) if cloud is not None else None
        results.append(
            ItemResult(
                item_id=item.id,
                category=item.category,
                prompt_features=prompt_features(item.prompt),
                local_correct=bool(check(gen.text, item.reference)),
                local_signals=gen.signals,
                token_logprobs=gen.token_logprobs,
                local_answer=gen.text,
                cloud_correct=None if cloud_gen is None else bool(
                    check(cloud_gen.text, item.reference)
                ),
                cloud_answer="" if cloud_gen is None else cloud_gen.text,
                local_latency_s=gen.latency_s,
                cloud_latency_s=0.0 if cloud_gen is None else cloud_gen.latency_s,
                extra={"difficulty": item.difficulty},
            )
        )
    return results


def default_cache_dir() -> Path:
    """``$EDGEKIT_CACHE_DIR/router`` or ``~/.cache/edgekit/router``."""
    base = os.environ.get("EDGEKIT_CACHE_DIR")
    root = Path(base) if base else Path.home() / ".cache" / "edgekit"
    return root / "router"
