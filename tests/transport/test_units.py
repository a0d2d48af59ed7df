"""Breaker, budget, link stats, problem mapping and config, with an injectable clock."""

from __future__ import annotations

import email.utils
import time
from pathlib import Path

import pytest

from edgekit.config import from_mapping
from edgekit.errors import (
    CloudRateLimited,
    CloudResponseError,
    CloudTimeout,
    CloudUnavailable,
    ConfigError,
)
from edgekit.transport import (
    BreakerConfig,
    Budget,
    BudgetConfig,
    CircuitBreaker,
    CircuitState,
    CloudConfig,
    LinkMonitor,
    Timeouts,
)
from edgekit.transport.problem import error_for_status, parse_retry_after


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_breaker_state_machine() -> None:
    clock = Clock()
    breaker = CircuitBreaker(
        BreakerConfig(failures_to_open=3, cooldown_s=10, max_cooldown_s=25), clock=clock
    )
    for _ in range(2):
        breaker.record_failure()
    assert breaker.state is CircuitState.CLOSED
    breaker.record_success()
    assert breaker.consecutive_failures == 0
    for _ in range(3):
        breaker.record_failure()
    assert breaker.state is CircuitState.OPEN
    assert breaker.retry_in() == 10
    assert not breaker.try_acquire_probe()
    clock.now += 10
    assert breaker.state is CircuitState.HALF_OPEN
    assert breaker.try_acquire_probe()
    assert not breaker.try_acquire_probe()  # one probe at a time
    breaker.record_failure()  # probe failed: open again, cool-down doubled
    assert breaker.state is CircuitState.OPEN
    assert breaker.retry_in() == 20
    clock.now += 20
    assert breaker.try_acquire_probe()
    breaker.record_failure()
    assert breaker.retry_in() == 25  # capped
    clock.now += 25
    assert breaker.try_acquire_probe()
    breaker.release_probe()  # cancelled probe: no verdict
    assert breaker.state is CircuitState.HALF_OPEN
    assert breaker.try_acquire_probe()
    breaker.record_success()
    assert breaker.state is CircuitState.CLOSED
    for _ in range(3):
        breaker.record_failure()
    assert breaker.retry_in() == 10  # cool-down reset by the success


def test_budget_sliding_hour() -> None:
    clock = Clock()
    budget = Budget(BudgetConfig(calls_per_hour=2, tokens_per_hour=100), clock=clock)
    first = budget.acquire()
    budget.charge(first, 30)
    clock.now += 600
    second = budget.acquire()
    with pytest.raises(CloudRateLimited) as info:
        budget.acquire()
    assert info.value.retry_after == pytest.approx(3000)
    budget.refund(second)
    third = budget.acquire()
    budget.charge(third, 80)
    clock.now += 3001  # the first call left the window
    assert budget.calls_used == 1
    assert budget.tokens_used == 80
    fourth = budget.acquire()
    budget.charge(fourth, 50)
    with pytest.raises(CloudRateLimited) as tokens:
        budget.acquire()
    assert tokens.value.retry_after == pytest.approx(600 - 1)


def test_unlimited_budget() -> None:
    budget = Budget(BudgetConfig())
    for _ in range(1000):
        budget.charge(budget.acquire(), 10**6)


def test_link_monitor() -> None:
    clock = Clock()
    monitor = LinkMonitor(clock=clock)
    stats = monitor.snapshot(CircuitState.CLOSED, 0)
    assert stats.rtt_s is None
    assert stats.transfer_time_s(1000) is None
    monitor.record_rtt(0.1)
    monitor.record_rtt(0.2)
    monitor.record_download(1000, 1.0)  # too small to tell
    monitor.record_download(1_000_000, 1.0)
    monitor.record_failure(unreachable=True)
    stats = monitor.snapshot(CircuitState.CLOSED, 1)
    assert stats.rtt_s == pytest.approx(0.13)
    assert stats.bandwidth_bps == pytest.approx(1e6)
    assert stats.transfer_time_s(500_000) == pytest.approx(0.63)
    assert stats.offline
    assert stats.recent_failures == 1
    monitor.record_success()
    clock.now += 301
    stats = monitor.snapshot(CircuitState.CLOSED, 0)
    assert not stats.offline
    assert stats.recent_failures == 0
    assert stats.last_success_age_s == pytest.approx(301)
    assert monitor.snapshot(CircuitState.OPEN, 3).offline


def test_retry_after_forms() -> None:
    now = time.time()
    assert parse_retry_after("120") == 120
    assert parse_retry_after(None) is None
    assert parse_retry_after("soon") is None
    assert parse_retry_after("99999999") == 86400
    date = email.utils.formatdate(now + 30, usegmt=True)
    assert parse_retry_after(date, now=now) == pytest.approx(30, abs=1)
    assert parse_retry_after(email.utils.formatdate(now - 30, usegmt=True), now=now) == 0


def test_status_mapping() -> None:
    problem = b'{"type": "https://x/problems/too-long", "title": "Too\\nlong", "detail": "pii"}'
    err = error_for_status(413, {"content-type": "application/problem+json"}, problem)
    assert isinstance(err, CloudResponseError)
    assert err.status == 413
    assert err.problem_type == "https://x/problems/too-long"
    assert "pii" not in str(err)  # the detail is not copied into messages
    plain = error_for_status(404, {"content-type": "text/html"}, b"<html>")
    assert isinstance(plain, CloudResponseError)
    assert plain.problem_type is None
    blank = error_for_status(400, {"content-type": "application/problem+json"}, b"{}")
    assert isinstance(blank, CloudResponseError)
    assert blank.problem_type == "about:blank"
    assert isinstance(error_for_status(429, {}, b""), CloudRateLimited)
    assert type(error_for_status(503, {}, b"")) is CloudUnavailable
    assert isinstance(error_for_status(503, {"retry-after": "2"}, b""), CloudRateLimited)
    assert isinstance(error_for_status(504, {}, b""), CloudTimeout)


def test_config_validation_and_loading(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        CloudConfig(url="ftp://host")
    with pytest.raises(ConfigError):
        CloudConfig(url="https://host", key_config_pin="abc")
    with pytest.raises(ConfigError):
        Timeouts(connect=0)
    with pytest.raises(ConfigError):
        BreakerConfig(failures_to_open=0)
    config = from_mapping(
        CloudConfig,
        {
            "url": "https://gw.example:8443/edge/",
            "timeouts": {"connect": 2, "total": 60},
            "budget": {"calls_per_hour": 100},
            "breaker": {"failures_to_open": 5},
        },
        env_prefix="EDGEKIT_CLOUD_",
        environ={"EDGEKIT_CLOUD_ENCRYPT": "false", "EDGEKIT_CLOUD_DEVICE_KEY_PATH": "~/k"},
    )
    assert config.timeouts.connect == 2.0
    assert config.budget.calls_per_hour == 100
    assert config.breaker.failures_to_open == 5
    assert config.encrypt is False
    assert config.base_url == "https://gw.example:8443/edge"
    assert config.authority == "gw.example:8443"
    assert config.resolved_device_key_path() == Path("~/k").expanduser()
    with pytest.raises(ConfigError):
        from_mapping(CloudConfig, {"url": "https://h", "timeout": 3})
