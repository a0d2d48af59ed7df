"""The calibration runner asks a real (echo) gateway and caches its answers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from edgekit.calibrate.dataset import Item
from edgekit.calibrate.runner import Generation, GenerationCache, build_results, run_gateway
from edgekit.transport import CloudClient

from .conftest import cloud_config


async def test_run_gateway_caches_and_judges(gateway: Any, tmp_path: Path) -> None:
    items = [
        Item(id="a", category="capitals", difficulty=1, prompt="Paris", reference="Paris"),
        Item(id="b", category="capitals", difficulty=1, prompt="Lyon", reference="Paris"),
    ]
    cache = GenerationCache(tmp_path / "cache")
    async with CloudClient(cloud_config(gateway, tmp_path)) as cloud:
        first = await run_gateway(cloud, items, cache=cache, cache_tag="echo")
    assert [first[i.id].text for i in items] == ["Paris", "Lyon"]
    async with CloudClient(cloud_config(gateway, tmp_path)) as cloud:
        calls_before = cloud.budget.calls_used
        again = await run_gateway(cloud, items, cache=cache, cache_tag="echo")
        assert cloud.budget.calls_used == calls_before  # served from the cache
    assert again == first
    local = {
        i.id: Generation(
            text="Paris", token_logprobs=(-0.1,), signals={}, latency_s=0.0, finish_reason="stop"
        )
        for i in items
    }
    results = build_results(items, local, again)
    assert [(r.local_correct, r.cloud_correct) for r in results] == [(True, True), (True, False)]
