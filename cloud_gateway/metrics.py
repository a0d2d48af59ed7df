"""Prometheus metrics of one gateway process (``GET /metrics``).

Built on ``prometheus_client`` with a registry per application, so several
gateways in one process (tests, the embedded demo) never share counters. With
``--workers N`` each worker exposes its own figures; scrape each worker or
aggregate by the ``instance`` label (see docs/gateway.md).
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

_LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)


class GatewayMetrics:
    """The counters, gauges and histograms the gateway exports."""

    content_type = CONTENT_TYPE_LATEST

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        ns = "edgekit_gateway"
        reg = self.registry
        self.requests = Counter(
            "requests",
            "Requests answered, by route, transport and status.",
            ("route", "transport", "status"),
            namespace=ns,
            registry=reg,
        )
        self.latency = Histogram(
            "request_duration_seconds",
            "Time from request to last byte, by route.",
            ("route", "transport"),
            namespace=ns,
            registry=reg,
            buckets=_LATENCY_BUCKETS,
        )
        self.first_token = Histogram(
            "first_token_seconds",
            "Time from admission to the first generated token.",
            namespace=ns,
            registry=reg,
            buckets=_LATENCY_BUCKETS,
        )
        self.tokens = Counter(
            "tokens",
            "Tokens processed, direction=in (prompt) or out (completion).",
            ("direction",),
            namespace=ns,
            registry=reg,
        )
        self.queue_depth = Gauge(
            "queue_depth", "Generations waiting for a slot.", namespace=ns, registry=reg
        )
        self.active = Gauge(
            "active_generations", "Generations running now.", namespace=ns, registry=reg
        )
        self.generations = Counter(
            "generations",
            "Generations finished, by outcome.",
            ("outcome",),
            namespace=ns,
            registry=reg,
        )
        self.decrypt_failures = Counter(
            "decrypt_failures",
            "Encapsulated requests that failed to decrypt.",
            namespace=ns,
            registry=reg,
        )
        self.replay_rejections = Counter(
            "replay_rejections",
            "Requests refused as replayed or outside the time window.",
            namespace=ns,
            registry=reg,
        )
        self.auth_failures = Counter(
            "auth_failures",
            "Requests with a missing, unknown or bad device signature.",
            namespace=ns,
            registry=reg,
        )
        self.rate_limited = Counter(
            "rate_limited",
            "Requests refused by the per-device rate limit.",
            namespace=ns,
            registry=reg,
        )
        self.overloaded = Counter(
            "overloaded",
            "Requests refused because the generation queue was full.",
            namespace=ns,
            registry=reg,
        )
        # ``labels()`` takes a lock and builds a key on every call: the per-request
        # paths use children bound once per label set (the label sets are few:
        # routes, transports, statuses and outcomes the gateway itself names).
        self._request_children: dict[tuple[str, str, int], Counter] = {}
        self._latency_children: dict[tuple[str, str], Histogram] = {}
        self._generation_children: dict[str, Counter] = {}
        self._tokens_in = self.tokens.labels("in")
        self._tokens_out = self.tokens.labels("out")

    def count_request(self, route: str, transport: str, status: int) -> None:
        """``requests{route, transport, status} += 1`` (children bound once per label set)."""
        key = (route, transport, status)
        child = self._request_children.get(key)
        if child is None:
            child = self._request_children[key] = self.requests.labels(
                route, transport, str(status)
            )
        child.inc()

    def observe_latency(self, route: str, transport: str, seconds: float) -> None:
        """``request_duration_seconds{route, transport}`` observes ``seconds``."""
        key = (route, transport)
        child = self._latency_children.get(key)
        if child is None:
            child = self._latency_children[key] = self.latency.labels(route, transport)
        child.observe(seconds)

    def count_generation(self, outcome: str, prompt_tokens: int, completion_tokens: int) -> None:
        """One finished generation and the tokens it processed."""
        child = self._generation_children.get(outcome)
        if child is None:
            child = self._generation_children[outcome] = self.generations.labels(outcome)
        child.inc()
        if prompt_tokens:
            self._tokens_in.inc(prompt_tokens)
        if completion_tokens:
            self._tokens_out.inc(completion_tokens)

    def exposition(self) -> bytes:
        """The Prometheus text format of every metric."""
        return generate_latest(self.registry)
