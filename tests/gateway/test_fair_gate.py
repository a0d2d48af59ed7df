"""The generation gate's fairness, directly: turns, per-device caps, eviction, give-ups."""

from __future__ import annotations

import asyncio

import pytest

from cloud_gateway.limits import GenerationGate
from cloud_gateway.metrics import GatewayMetrics
from cloud_gateway.problems import Overloaded


def gate(**kw: int) -> GenerationGate:
    args = {"max_concurrent": 1, "max_queue": 8, "max_per_device": 8, **kw}
    return GenerationGate(queue_timeout_s=5.0, retry_after_s=2, metrics=GatewayMetrics(), **args)


async def _served(g: GenerationGate, device: str, order: list[str]) -> None:
    await g.acquire(device)
    order.append(device)
    await asyncio.sleep(0)
    g.release(device)


async def test_freed_slots_go_round_robin_among_devices() -> None:
    g = gate()
    await g.acquire("holder")
    order: list[str] = []
    tasks = [asyncio.create_task(_served(g, d, order)) for d in "AAAABC"]
    await asyncio.sleep(0.01)
    assert g.waiting == 6
    g.release("holder")
    await asyncio.gather(*tasks)
    assert order == ["A", "B", "C", "A", "A", "A"]  # not A A A A B C (arrival order)
    assert (g.active, g.waiting, g.held("A")) == (0, 0, 0)


async def test_a_device_over_its_cap_gets_its_own_429() -> None:
    g = gate(max_per_device=2)
    await g.acquire("A")
    waiter = asyncio.create_task(g.acquire("A"))
    await asyncio.sleep(0.01)
    with pytest.raises(Overloaded, match="this device"):
        await g.acquire("A")
    other = asyncio.create_task(g.acquire("B"))  # another device still queues
    await asyncio.sleep(0.01)
    assert g.waiting == 2
    g.release("A")
    await waiter
    g.release("A")
    await other
    g.release("B")
    assert (g.active, g.waiting) == (0, 0)


async def test_a_full_queue_makes_room_for_a_lighter_device() -> None:
    g = gate(max_queue=3)
    await g.acquire("A")
    heavy = [asyncio.create_task(g.acquire("A")) for _ in range(3)]
    await asyncio.sleep(0.01)
    newcomer = asyncio.create_task(g.acquire("C"))
    await asyncio.sleep(0.01)
    assert heavy[-1].done()
    with pytest.raises(Overloaded, match="more than its share"):
        heavy[-1].result()  # the heaviest device's newest place went to C
    assert (g.waiting, g.held("A"), g.held("C")) == (3, 3, 1)
    with pytest.raises(Overloaded, match="queue full"):  # A cannot take C's place back
        await g.acquire("A")
    g.release("A")
    await heavy[0]  # A was first in line
    g.release("A")
    await newcomer  # then C, before A's second waiter
    assert not heavy[1].done()
    g.release("C")
    await heavy[1]
    g.release("A")
    assert (g.active, g.waiting, g.held("A"), g.held("C")) == (0, 0, 0, 0)


async def test_waiters_that_give_up_leave_no_trace() -> None:
    g = gate()
    await g.acquire("A")
    leaving = asyncio.create_task(g.acquire("B"))
    staying = asyncio.create_task(g.acquire("C"))
    await asyncio.sleep(0.01)
    leaving.cancel()
    g.release("A")  # the cancelled waiter must not take the slot
    await staying
    assert leaving.cancelled()
    assert (g.active, g.waiting, g.held("B"), g.held("C")) == (1, 0, 0, 1)
    g.release("C")
    short = GenerationGate(
        max_concurrent=1,
        max_queue=4,
        queue_timeout_s=0.05,
        retry_after_s=1,
        metrics=GatewayMetrics(),
    )
    await short.acquire("A")
    with pytest.raises(Overloaded, match="timed out"):
        await short.acquire("B")
    assert (short.waiting, short.held("B")) == (0, 0)
