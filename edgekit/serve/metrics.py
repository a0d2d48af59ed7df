"""Prometheus metrics of ``edgekit serve`` in a registry of its own (no global state)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest


class ServeMetrics:
    """Counters and histograms of one server; :meth:`render` gives the text format."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.requests = Counter(
            "edgekit_serve_requests",
            "Chat requests answered, by route and HTTP status",
            ["route", "status"],
            registry=self.registry,
        )
        self.rejected = Counter(
            "edgekit_serve_rejected",
            "Requests refused before running, by reason",
            ["reason"],
            registry=self.registry,
        )
        self.cancelled = Counter(
            "edgekit_serve_cancelled",
            "Requests whose client went away before the end",
            registry=self.registry,
        )
        self.tokens = Counter(
            "edgekit_serve_tokens",
            "Tokens of prompts and answers (device tokenizer)",
            ["kind"],
            registry=self.registry,
        )
        self.running = Gauge(
            "edgekit_serve_running", "Requests running now", registry=self.registry
        )
        self.waiting = Gauge(
            "edgekit_serve_waiting", "Requests waiting in the queue now", registry=self.registry
        )
        buckets = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
        self.ttft = Histogram(
            "edgekit_serve_ttft_seconds",
            "Time to the first content",
            buckets=buckets,
            registry=self.registry,
        )
        self.duration = Histogram(
            "edgekit_serve_request_seconds",
            "Whole request time",
            buckets=(*buckets, 60.0, 120.0),
            registry=self.registry,
        )

    def render(self) -> bytes:
        """The Prometheus text exposition of every metric."""
        return generate_latest(self.registry)
