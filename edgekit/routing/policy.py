"""The routing policy in force for one client: the calibrated gates and their running stats.

:class:`RoutingPolicy` answers the questions strategies ask — keep this
draft? escalate this prompt before generating? is this answer looping? — and
records each answer in the decision record. It never does I/O.
"""

from __future__ import annotations

import dataclasses
import math
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from edgekit._logging import get_logger
from edgekit.errors import RoutingError
from edgekit.routing.calibration import PRE_ROUTE_FEATURE, Calibration, condition_problems
from edgekit.routing.decision import DecisionRecord
from edgekit.routing.degeneration import RepetitionRule, RepetitionWatch
from edgekit.routing.features import (
    TokenSignalLike,
    prompt_features,
    prompt_text,
    signal_features,
    window_features,
)
from edgekit.routing.gain import (
    CLOUD_PROBE_FEATURE,
    LOCAL_PROBE_FEATURE,
    GainGate,
    keep_score,
)
from edgekit.routing.online import OnlineSnapshot, OnlineStats
from edgekit.routing.probe import pool_states
from edgekit.routing.refit import in_audit_sample

log = get_logger(__name__)
_SUMMARY_KEYS = ("mean_logprob", "min_logprob", "mean_entropy", "log_n_tokens")


class TokenLike(Protocol):
    """What routing reads of one generated token (an ``edgekit.local.TokenEvent``)."""

    @property
    def token_id(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def signal(self) -> TokenSignalLike: ...
    @property
    def finish_reason(self) -> str | None: ...
    @property
    def hidden(self) -> Any: ...


@dataclass
class Draft:
    """Local tokens read so far; ``finish_reason`` None means the generation goes on."""

    pieces: list[str] = field(default_factory=list)
    signals: list[TokenSignalLike] = field(default_factory=list)
    token_ids: list[int] = field(default_factory=list)
    finish_reason: str | None = None
    hidden: list[Any] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The draft's text."""
        return "".join(self.pieces)

    @property
    def complete(self) -> bool:
        """True when the generation ended (stop or max_tokens)."""
        return self.finish_reason is not None

    def add(self, token: TokenLike) -> None:
        """Append one token."""
        self.pieces.append(token.text)
        self.signals.append(token.signal)
        self.token_ids.append(token.token_id)
        self.finish_reason = token.finish_reason or self.finish_reason
        if (state := getattr(token, "hidden", None)) is not None:
            self.hidden.append(state)


class RoutingPolicy:
    """The calibration in force, its online statistics, and the checks built on them."""

    def __init__(
        self,
        calibration: Calibration,
        *,
        online_capacity: int = 2048,
        repetition: RepetitionRule | None = None,
        audit_rate: float = 0.0,
        seed: int | None = None,
    ) -> None:
        self.calibration = calibration
        self.audit_rate = audit_rate
        self._rng = random.Random(seed)  # noqa: S311 - audit draws, not secrets
        self.repetition = repetition or RepetitionRule()
        self.stats = OnlineStats(online_capacity)
        self.pre_route_stats = OnlineStats(online_capacity)
        self._warned_range = False

    @property
    def hidden_tokens(self) -> int:
        """Leading token events that must carry hidden states (the gain gate's probes)."""
        gain = self.calibration.gain
        return gain.probe_tokens if gain is not None else 0

    @property
    def gate_window(self) -> int | None:
        """How many answer tokens the gate reads before deciding (None: the whole answer)."""
        return self.calibration.gate.window

    def warn_if_outside_conditions(self, *, max_tokens: int, temperature: float) -> None:
        """Log once when the client generates unlike the answers the gate was fitted on."""
        problems = condition_problems(
            self.calibration, max_tokens=max_tokens, temperature=temperature
        )
        if problems:
            log.warning(
                "routing gate used outside its calibration conditions: %s", "; ".join(problems)
            )

    # --- decisions ---------------------------------------------------------------

    def keeps(
        self, messages: Sequence[Mapping[str, str]], draft: Draft, record: DecisionRecord
    ) -> bool:
        """Score the draft's first ``gate.window`` tokens (as in calibration): keep it?"""
        gate = self.calibration.gate
        feats = self._window_features(draft)
        feats[PRE_ROUTE_FEATURE] = self._pre_route_score(messages)
        if not self._warned_range and (outside := gate.model.out_of_range(feats)):
            self._warned_range = True
            log.warning(
                "gate inputs outside the calibration range (%s): clipped; recalibrate "
                "on traffic like this (logged once)",
                ", ".join(outside),
            )
        if self.calibration.gain is not None:
            keep = self._gain_keeps(messages, draft, record, feats)
            self.stats.record(record.id, record.score or 0.0, not keep)
            return keep
        score = gate.score(feats)
        record.score, record.threshold = score, gate.threshold
        record.signals.update(summary(feats))
        record.signals[PRE_ROUTE_FEATURE] = feats[PRE_ROUTE_FEATURE]
        keep = gate.accepts(score)
        self.stats.record(record.id, score, not keep)
        return keep

    def _gain_keeps(
        self,
        messages: Sequence[Mapping[str, str]],
        draft: Draft,
        record: DecisionRecord,
        feats: dict[str, float],
    ) -> bool:
        """The gain gate: keep unless the cloud is expected to do better (per unit cost)."""
        gain = self.calibration.gain
        assert gain is not None
        feats.update(prompt_features(prompt_text(messages)))
        hidden = pool_states(draft.hidden) if gain.uses_hidden and draft.hidden else None
        if gain.uses_hidden and hidden is None:
            record.signals["gain_without_hidden"] = 1.0  # the engine gave no hidden states
            return self.calibration.gate.accepts(self.calibration.gate.score(feats))
        p_local, p_cloud = gain.probabilities(feats, hidden)
        score = float(keep_score(p_local, p_cloud))
        record.score, record.threshold = score, gain.threshold
        record.signals.update(summary(feats))
        record.signals.update({PRE_ROUTE_FEATURE: feats[PRE_ROUTE_FEATURE],
                               "p_local": p_local, "p_cloud": p_cloud})  # fmt: skip
        record.gate_inputs = gain_inputs(gain, feats, hidden)
        if hidden is not None and gain.projection is not None:
            record.gate_projection = gain.projection.coordinates(hidden)
        draw = self.audit_rate > 0 and self._rng.random() < self.audit_rate
        # the uniform audit sample: escalated (and so labelled) whatever the gate says
        record.audit = in_audit_sample(gain, draw=draw)
        return gain.accepts(score) and not record.audit

    def pre_routes(self, messages: Sequence[Mapping[str, str]], record: DecisionRecord) -> bool:
        """True when the prompt alone says: escalate without a local attempt."""
        pre = self.calibration.pre_route
        if pre is None:
            raise RoutingError("pre_route needs a calibration with a pre-route model")
        score = pre.score(prompt_features(prompt_text(messages)))
        record.score, record.threshold = score, pre.threshold
        record.signals[PRE_ROUTE_FEATURE] = score
        escalate = score < pre.threshold
        self.pre_route_stats.record(record.id, score, escalate)
        return escalate

    def describe(self, draft: Draft, record: DecisionRecord) -> None:
        """Record the signal summary of an answer the gate did not score."""
        record.signals.update(summary(self._window_features(draft)))

    def handoff_monitor(self) -> HandoffMonitor:
        """A running-confidence monitor for one answer (strategy ``handoff``)."""
        return HandoffMonitor(self.calibration)

    def repetition_watch(self) -> RepetitionWatch:
        """A degeneration check for one answer."""
        return RepetitionWatch(self.repetition)

    def _pre_route_score(self, messages: Sequence[Mapping[str, str]]) -> float:
        pre = self.calibration.pre_route
        return pre.score(prompt_features(prompt_text(messages))) if pre is not None else 0.5

    def _window_features(self, draft: Draft) -> dict[str, float]:
        window = self.calibration.gate.window
        finish = draft.finish_reason if draft.complete else "length"
        if window is None:
            return signal_features(draft.signals, finish_reason=finish)
        return window_features(draft.signals, window=window, finish_reason=finish)

    # --- online statistics -----------------------------------------------------------

    def feedback(self, decision_id: str, *, good: bool) -> bool:
        """Label an answer (False when its id is unknown or evicted)."""
        return self.stats.feedback(decision_id, good=good) or self.pre_route_stats.feedback(
            decision_id, good=good
        )

    def online_stats(self) -> OnlineSnapshot:
        """Running statistics of the gate scores seen."""
        return self.stats.snapshot()

    def recalibrate(self, escalation_rate: float, *, min_samples: int = 20) -> float:
        """Re-pick the gate threshold to escalate ``escalation_rate`` of recent traffic."""
        threshold = self.stats.threshold_for_escalation_rate(
            escalation_rate, min_samples=min_samples
        )
        cal = self.calibration
        self.calibration = dataclasses.replace(
            cal,
            gate=cal.gate.with_threshold(threshold),
            metadata={**cal.metadata, "recalibrated_online": True},
        )
        log.info("gate threshold refit online for escalation rate %.3f", escalation_rate)
        return threshold


def gain_inputs(
    gain: GainGate, features: Mapping[str, float], hidden: Any | None
) -> dict[str, float]:
    """The gain gate's numeric inputs as a deployment may store them (probe scores, no states)."""
    names = {*gain.local.feature_names, *gain.cloud.feature_names}
    out = {name: float(features[name]) for name in names if name in features}
    if hidden is not None and gain.local_probe is not None and gain.cloud_probe is not None:
        out[LOCAL_PROBE_FEATURE] = gain.local_probe.score(hidden)
        out[CLOUD_PROBE_FEATURE] = gain.cloud_probe.score(hidden)
    return out


class HandoffMonitor:
    """Running mean logprob over the calibration's hand-off window; trips below its threshold."""

    def __init__(self, calibration: Calibration) -> None:
        self.rule = calibration.handoff
        self._window: list[float] = []
        self.n_tokens = 0
        self.lowest: float | None = None

    def drops(self, signal: TokenSignalLike) -> bool:
        """Add one token's signal; True when confidence fell below the hand-off gate."""
        self.n_tokens += 1
        self._window.append(signal.logprob)
        del self._window[: -self.rule.window]
        running = sum(self._window) / len(self._window)
        self.lowest = running if self.lowest is None else min(self.lowest, running)
        return self.n_tokens >= self.rule.min_tokens and running < self.rule.threshold


def summary(feats: Mapping[str, float]) -> dict[str, float]:
    """The content-free signal summary a decision shows."""
    out = {k: round(float(feats[k]), 4) for k in _SUMMARY_KEYS if k in feats}
    if "log_n_tokens" in out:
        out["n_tokens"] = float(round(math.expm1(out.pop("log_n_tokens"))))
    return out


def answer_summary(signals: Sequence[TokenSignalLike]) -> dict[str, float]:
    """:func:`summary` of a whole answer's signals."""
    return summary(signal_features(signals))
