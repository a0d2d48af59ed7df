"""Running totals of a chat session, for ``/stats``."""

from __future__ import annotations

from dataclasses import dataclass, field

from edgekit.app.answer import Answer


@dataclass
class OriginStats:
    """Totals for answers from one origin (device, cloud, hand-off…)."""

    count: int = 0
    latency_total: float = 0.0
    tps_total: float = 0.0
    tps_count: int = 0

    @property
    def mean_latency(self) -> float:
        return self.latency_total / self.count if self.count else 0.0

    @property
    def mean_tps(self) -> float | None:
        return self.tps_total / self.tps_count if self.tps_count else None


@dataclass
class SessionStats:
    """Everything /stats shows; updated once per answer."""

    answers: int = 0
    escalated: int = 0
    offline_answers: int = 0
    masked: dict[str, int] = field(default_factory=dict)
    _by_origin: dict[str, OriginStats] = field(default_factory=dict)

    def record(self, answer: Answer, *, offline: bool) -> None:
        self.answers += 1
        self.escalated += int(answer.escalated)
        self.offline_answers += int(offline)
        for kind, count in answer.masked.items():
            self.masked[kind] = self.masked.get(kind, 0) + count
        row = self._by_origin.setdefault(answer.origin, OriginStats())
        row.count += 1
        row.latency_total += answer.latency_s
        if answer.tokens_per_s is not None:
            row.tps_total += answer.tokens_per_s
            row.tps_count += 1

    @property
    def escalation_rate(self) -> float:
        return self.escalated / self.answers if self.answers else 0.0

    def by_origin(self) -> dict[str, OriginStats]:
        return dict(self._by_origin)

    def as_dict(self) -> dict[str, object]:
        return {
            "answers": self.answers,
            "escalated": self.escalated,
            "escalation_rate": round(self.escalation_rate, 4),
            "offline_answers": self.offline_answers,
            "masked": dict(sorted(self.masked.items())),
            "by_origin": {
                name: {
                    "count": row.count,
                    "mean_latency_s": round(row.mean_latency, 4),
                    "mean_tokens_per_s": None if row.mean_tps is None else round(row.mean_tps, 2),
                }
                for name, row in self._by_origin.items()
            },
        }
