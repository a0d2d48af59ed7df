"""Configuration of the on-device engine and of one generation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from edgekit.errors import ConfigError
from edgekit.local.lora import LoraAdapter
from edgekit.local.models import DEFAULT_EDGE_MODEL

OverflowPolicy = Literal["error", "truncate_left"]

DEFAULT_PREFIX_CACHE_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True, kw_only=True)
class EngineConfig:
    """How to load and run the local model.

    ``n_threads=None`` uses half the usable CPUs for decoding and all of them
    for prompt evaluation (llama-cpp-python's defaults); a number sets both.
    ``model`` is a model name (see :data:`edgekit.local.models.MODELS`) or a
    path to a GGUF file. ``prefix_cache_bytes`` bounds the saved KV states of
    prompt prefixes other than the one currently in the context.
    ``overflow`` decides what happens when a prompt plus ``max_tokens`` does
    not fit ``n_ctx``: raise :class:`~edgekit.errors.ContextOverflow`, or drop
    the oldest non-system messages (raw prompts: the oldest tokens).
    ``n_gpu_layers`` offloads that many layers to a GPU when llama.cpp was
    built with one (CUDA on a Jetson: ``-1`` for all); a CPU build ignores it.
    ``lora`` lists LoRA adapters (llama.cpp GGUF adapters) applied on top of
    the model; :meth:`Engine.set_lora` changes them without reloading it.
    """

    model: str = DEFAULT_EDGE_MODEL
    n_ctx: int = 2048
    n_threads: int | None = None
    n_batch: int = 512
    seed: int = 0
    prefix_cache: bool = True
    prefix_cache_bytes: int = DEFAULT_PREFIX_CACHE_BYTES
    overflow: OverflowPolicy = "error"
    verbose: bool = False
    check_memory: bool = True
    n_gpu_layers: int = 0
    lora: tuple[LoraAdapter, ...] = ()

    def __post_init__(self) -> None:
        if not self.model:
            raise ConfigError("EngineConfig.model must name a model or a path")
        if not 16 <= self.n_ctx <= 1 << 20:
            raise ConfigError("EngineConfig.n_ctx must be between 16 and 1048576")
        if self.n_threads is not None and not 1 <= self.n_threads <= 1024:
            raise ConfigError("EngineConfig.n_threads must be between 1 and 1024")
        if not 1 <= self.n_batch <= 1 << 16:
            raise ConfigError("EngineConfig.n_batch must be between 1 and 65536")
        if self.prefix_cache_bytes < 0:
            raise ConfigError("EngineConfig.prefix_cache_bytes must be >= 0")
        if self.n_gpu_layers < -1:
            raise ConfigError("EngineConfig.n_gpu_layers must be -1 (all) or >= 0")
        if self.overflow not in ("error", "truncate_left"):
            raise ConfigError("EngineConfig.overflow must be 'error' or 'truncate_left'")
        if not isinstance(self.lora, tuple) or not all(
            isinstance(a, LoraAdapter) for a in self.lora
        ):
            raise ConfigError("EngineConfig.lora must be a tuple of LoraAdapter")


@dataclass(frozen=True, kw_only=True)
class GenerationParams:
    """Sampling and stopping for one generation.

    ``temperature <= 0`` is greedy decoding (argmax). ``top_k <= 0`` and
    ``top_p >= 1`` disable those filters. ``seed`` makes sampling
    reproducible; ``None`` draws from the engine's own seeded generator.
    ``stop`` strings end generation and are not part of the returned text.
    ``hidden_states`` > 0 attaches the final hidden state to the first that
    many token events (event 0: the prompt's last token; see
    :mod:`edgekit.local.hidden`).
    """

    max_tokens: int = 256
    temperature: float = 0.0
    top_p: float = 1.0
    top_k: int = 40
    seed: int | None = None
    stop: tuple[str, ...] = ()
    repeat_penalty: float = 1.0
    repeat_last_n: int = 64
    hidden_states: int = 0

    def __post_init__(self) -> None:
        if self.max_tokens < 1:
            raise ConfigError("GenerationParams.max_tokens must be >= 1")
        if not 0.0 <= self.temperature <= 100.0:
            raise ConfigError("GenerationParams.temperature must be in [0, 100]")
        if not 0.0 < self.top_p <= 1.0:
            raise ConfigError("GenerationParams.top_p must be in (0, 1]")
        if self.repeat_penalty <= 0.0:
            raise ConfigError("GenerationParams.repeat_penalty must be > 0")
        if self.repeat_last_n < 0:
            raise ConfigError("GenerationParams.repeat_last_n must be >= 0")
        if not isinstance(self.stop, tuple) or not all(isinstance(s, str) and s for s in self.stop):
            raise ConfigError("GenerationParams.stop must be a tuple of non-empty strings")
        if self.seed is not None and not 0 <= self.seed < 1 << 64:
            raise ConfigError("GenerationParams.seed must be in [0, 2**64)")
        if not 0 <= self.hidden_states <= 64:
            raise ConfigError("GenerationParams.hidden_states must be in [0, 64]")

    @property
    def greedy(self) -> bool:
        """True when decoding is deterministic argmax."""
        return self.temperature <= 0.0
