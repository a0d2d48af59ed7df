"""How the client routes (:class:`ClientConfig`); what a call may change (:class:`ChatOptions`)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

from edgekit.client.learning import LearningConfig
from edgekit.errors import ConfigError
from edgekit.routing.calibration import Overrides
from edgekit.routing.decision import STRATEGIES, Strategy

if TYPE_CHECKING:
    from edgekit.local.config import EngineConfig, GenerationParams
    from edgekit.privacy import PrivacyConfig
    from edgekit.structured import StructuredSpec
    from edgekit.transport import CloudConfig

MAX_STOP_SEQUENCES = 4  # as the OpenAI API


class ChatKwargs(TypedDict, total=False):
    """Per-call keyword arguments of ``chat()`` / ``stream_chat()`` (see :class:`ChatOptions`)."""

    max_tokens: int
    temperature: float
    top_p: float
    stop: str | list[str] | tuple[str, ...]
    seed: int
    timeout: float
    tools: list[dict[str, Any]]
    tool_choice: str | dict[str, Any]
    response_format: dict[str, Any]
    parallel_tool_calls: bool


@dataclass(frozen=True, kw_only=True)
class ChatOptions:
    """Per-call generation settings, with the OpenAI chat API's meanings (None: the config's).

    ``max_tokens`` bounds the answer (local and cloud); ``stop`` holds up to
    four strings that end it; ``seed`` makes sampling reproducible;
    ``timeout`` (seconds) bounds the whole call: the cloud gets what is left
    of it, and a call still running when it expires raises
    :class:`~edgekit.errors.ChatTimeout`. ``tools``, ``tool_choice``,
    ``response_format`` and ``parallel_tool_calls`` ask for tool calls or a
    JSON answer (see docs/tools.md); they are checked here, before anything
    is generated (:class:`~edgekit.structured.SchemaError`).
    """

    max_tokens: int | None = None
    temperature: float | None = None
    top_p: float | None = None
    stop: str | tuple[str, ...] | list[str] | None = None
    seed: int | None = None
    timeout: float | None = None
    tools: list[dict[str, Any]] | None = None
    tool_choice: str | dict[str, Any] | None = None
    response_format: dict[str, Any] | None = None
    parallel_tool_calls: bool | None = None

    def __post_init__(self) -> None:
        if self.max_tokens is not None and (
            isinstance(self.max_tokens, bool) or self.max_tokens < 1
        ):
            raise ConfigError("max_tokens must be an integer >= 1")
        if self.temperature is not None and not 0.0 <= self.temperature <= 2.0:
            raise ConfigError("temperature must be within [0, 2]")
        if self.top_p is not None and not 0.0 < self.top_p <= 1.0:
            raise ConfigError("top_p must be within (0, 1]")
        if self.timeout is not None and not (math.isfinite(self.timeout) and self.timeout > 0):
            raise ConfigError("timeout must be a positive number of seconds")
        if self.seed is not None and (isinstance(self.seed, bool) or not 0 <= self.seed < 1 << 63):
            raise ConfigError("seed must be an integer in [0, 2**63)")
        object.__setattr__(self, "stop", _stops(self.stop))
        self.structured  # noqa: B018  (validates now, before anything is generated)

    @property
    def structured(self) -> StructuredSpec | None:
        """The validated tools / response format of the call (None: plain text)."""
        from edgekit.structured import parse_spec

        return parse_spec(
            self.tools, self.tool_choice, self.response_format, self.parallel_tool_calls
        )

    @property
    def stops(self) -> tuple[str, ...]:
        """The stop strings (empty: none)."""
        return self.stop if isinstance(self.stop, tuple) else ()


@dataclass(frozen=True, kw_only=True)
class ClientConfig:
    """How the client routes.

    ``cloud`` None means no gateway (every answer is local). ``calibration``
    is a calibration file; None loads the one shipped for the default edge
    model, or an uncalibrated mean-logprob gate for other models. ``tool_gate``
    is the gate of structured answers (docs/tools.md); None loads the one shipped
    for the default edge model, or uses the text gate for other models. The
    ``*_threshold`` fields override the calibrated thresholds. ``privacy``
    None means the strict preset. ``audit`` records every escalation (route,
    entity counts, HMAC of the sent bytes, never content) in the privacy
    audit log, on by default. ``max_tokens`` … ``repeat_penalty`` are the
    default sampling of every call (see :class:`ChatOptions` for per-call
    changes). The repetition penalty is on but mild (1.05): the shipped gate was fitted
    without one, and 1.1 moves its scores (it also penalizes the prompt's tokens).
    ``learn`` (off by default) lets the gateway keep this device's escalations
    (already masked) to distil them into an adapter for its model; each such
    escalation says so in the audit log (``"learn": true``). See docs/learning.md.
    """

    engine: EngineConfig | None = None
    cloud: CloudConfig | None = None
    strategy: Strategy = "cascade"
    calibration: str | Path | None = None
    tool_gate: str | Path | None = None
    threshold: float | None = None
    pre_route_threshold: float | None = None
    handoff_threshold: float | None = None
    handoff_window: int | None = None
    max_tokens: int = 256
    temperature: float = 0.0
    top_p: float = 1.0
    repeat_penalty: float = 1.05
    cloud_model: str | None = None
    cloud_max_tokens: int | None = None
    cloud_deadline_s: float | None = 60.0
    privacy: PrivacyConfig | None = None
    audit: bool = True
    learn: bool = False
    online_capacity: int = 2048
    learning: LearningConfig | None = None

    def __post_init__(self) -> None:
        if self.strategy not in STRATEGIES:
            raise ConfigError(f"strategy must be one of {', '.join(STRATEGIES)}")
        if self.max_tokens < 1 or (self.cloud_max_tokens is not None and self.cloud_max_tokens < 1):
            raise ConfigError("max_tokens must be >= 1")
        if self.online_capacity < 1:
            raise ConfigError("online_capacity must be >= 1")
        if self.handoff_window is not None and self.handoff_window < 1:
            raise ConfigError("handoff_window must be >= 1")
        if self.cloud_deadline_s is not None and self.cloud_deadline_s <= 0:
            raise ConfigError("cloud_deadline_s must be positive")
        if self.repeat_penalty <= 0:
            raise ConfigError("repeat_penalty must be > 0 (1.0 turns it off)")
        ChatOptions(temperature=self.temperature, top_p=self.top_p)  # same ranges as a call

    @property
    def overrides(self) -> Overrides:
        """The calibration overrides this configuration asks for."""
        return Overrides(
            threshold=self.threshold,
            pre_route_threshold=self.pre_route_threshold,
            handoff_threshold=self.handoff_threshold,
            handoff_window=self.handoff_window,
        )


@dataclass(frozen=True)
class Sampling:
    """The settings of one call: the config's defaults with the call's options applied."""

    max_tokens: int
    cloud_max_tokens: int
    temperature: float
    top_p: float
    stop: tuple[str, ...]
    seed: int | None
    repeat_penalty: float
    timeout: float | None
    structured: StructuredSpec | None = None

    @classmethod
    def of(cls, config: ClientConfig, options: ChatOptions) -> Sampling:
        """Merge ``options`` over ``config``."""
        max_tokens = options.max_tokens or config.max_tokens
        return cls(
            max_tokens=max_tokens,
            cloud_max_tokens=options.max_tokens or config.cloud_max_tokens or max_tokens,
            temperature=_pick(options.temperature, config.temperature),
            top_p=_pick(options.top_p, config.top_p),
            stop=options.stops,
            seed=options.seed,
            repeat_penalty=config.repeat_penalty,
            timeout=options.timeout,
            structured=options.structured,
        )

    def local(self, *, used_tokens: int = 0) -> GenerationParams | None:
        """The engine's parameters, with ``used_tokens`` of the budget spent (None: none left)."""
        from edgekit.local.config import GenerationParams

        left = self.max_tokens - used_tokens
        if left < 1:
            return None
        return GenerationParams(
            max_tokens=left,
            temperature=self.temperature,
            top_p=self.top_p,
            stop=self.stop,
            seed=self.seed,
            repeat_penalty=self.repeat_penalty,
        )


def _pick(value: float | None, default: float) -> float:
    return default if value is None else value


def _stops(stop: object) -> tuple[str, ...]:
    if stop is None:
        return ()
    items = (stop,) if isinstance(stop, str) else stop
    if not isinstance(items, tuple | list) or len(items) > MAX_STOP_SEQUENCES:
        raise ConfigError(f"stop must be a string or up to {MAX_STOP_SEQUENCES} strings")
    if not all(isinstance(s, str) and s for s in items):
        raise ConfigError("stop strings must be non-empty")
    return tuple(items)
