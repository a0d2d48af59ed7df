"""Results of the engine: streamed token events, completions, timings, model facts."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import numpy.typing as npt

from edgekit.local.signals import SignalSummary, TokenSignal, summarize

if TYPE_CHECKING:
    from edgekit.structured.output import StructuredOutput, ToolCall
    from edgekit.structured.spec import StructuredSpec

FinishReason = Literal["stop", "length", "cancelled"]


@dataclass(frozen=True, kw_only=True, slots=True)
class Timings:
    """Wall-clock phases of one generation, in seconds.

    ``ttft_s`` runs from the call to the first token; ``prefill_s`` is the
    prompt evaluation part of it; ``cached_prompt_tokens`` how many prompt
    tokens were reused from the KV cache instead of evaluated.
    """

    ttft_s: float
    prefill_s: float
    decode_s: float
    total_s: float
    cached_prompt_tokens: int
    prompt_tokens: int


@dataclass(frozen=True, kw_only=True, slots=True)
class TokenEvent:
    """One generated token.

    ``text`` is the UTF-8-safe text this token releases (possibly '' while a
    multi-byte character or a possible stop string is pending); the ``text`` of
    all events joined is the completion. The last event carries
    ``finish_reason`` and ``timings``. ``forced`` marks a token the grammar
    of a structured answer left as the only choice (its signal is not the
    model's judgement). ``hidden`` is the final hidden state of the row this
    token was sampled from, on the first ``GenerationParams.hidden_states``
    events only.
    """

    index: int
    token_id: int
    text: str
    signal: TokenSignal
    finish_reason: FinishReason | None = None
    timings: Timings | None = None
    hidden: npt.NDArray[np.float32] | None = None
    forced: bool = False


@dataclass(frozen=True, kw_only=True)
class Completion:
    """A finished generation with its per-token signals and their summary.

    For a structured answer (tools, ``response_format``) ``structured`` holds
    the tool calls or parsed JSON, and ``summary`` covers only the tokens the
    grammar left a choice for (tool names, argument values), not the forced
    structure.
    """

    text: str
    token_ids: tuple[int, ...]
    signals: tuple[TokenSignal, ...]
    summary: SignalSummary
    finish_reason: FinishReason
    prompt_tokens: int
    completion_tokens: int
    timings: Timings | None
    structured: StructuredOutput | None = None
    hidden: tuple[npt.NDArray[np.float32], ...] = ()

    @property
    def tool_calls(self) -> tuple[ToolCall, ...]:
        """The tool calls of a structured answer (empty otherwise)."""
        return self.structured.tool_calls if self.structured is not None else ()

    @property
    def parsed(self) -> Any:
        """The parsed JSON of a ``response_format`` answer (None otherwise)."""
        return self.structured.parsed if self.structured is not None else None

    @classmethod
    def from_events(
        cls,
        events: Iterable[TokenEvent],
        *,
        prompt_tokens: int = 0,
        first_k: int = 8,
        spec: StructuredSpec | None = None,
    ) -> Completion:
        """Collect a stream; a stream that ends without a finish reason was cancelled.

        ``spec`` (the request's tools / response format) parses the text
        into :attr:`structured`.
        """
        parts: list[str] = []
        ids: list[int] = []
        signals: list[TokenSignal] = []
        hidden: list[npt.NDArray[np.float32]] = []
        scored: list[TokenSignal] = []
        finish: FinishReason = "cancelled"
        timings: Timings | None = None
        for ev in events:
            parts.append(ev.text)
            ids.append(ev.token_id)
            signals.append(ev.signal)
            if ev.hidden is not None:
                hidden.append(ev.hidden)
            if not ev.forced:
                scored.append(ev.signal)
            if ev.finish_reason is not None:
                finish = ev.finish_reason
                timings = ev.timings
        if timings is not None:
            prompt_tokens = timings.prompt_tokens
        text = "".join(parts)
        structured = None
        if spec is not None:
            from edgekit.structured.output import parse_output

            structured = parse_output(spec, text, finish)
        return cls(
            text=text,
            token_ids=tuple(ids),
            signals=tuple(signals),
            summary=summarize(scored if spec is not None else signals, first_k=first_k),
            structured=structured,
            finish_reason=finish,
            prompt_tokens=prompt_tokens,
            completion_tokens=len(ids),
            timings=timings,
            hidden=tuple(hidden),
        )


@dataclass(frozen=True, kw_only=True)
class ModelInfo:
    """Facts about the loaded model. ``sha256`` is computed on first access."""

    name: str
    path: Path
    arch: str
    n_vocab: int
    n_ctx_train: int
    n_ctx: int
    size_bytes: int
    chat_template: str | None = field(repr=False)

    @functools.cached_property
    def sha256(self) -> str:
        """Hex SHA-256 of the GGUF file (reads the whole file once)."""
        from edgekit.local.models import sha256_file

        return sha256_file(self.path)
