"""Collection on a real gateway (echo backend, loopback): only when on, only with consent."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from cloud_gateway.learn.errors import LearnError
from cloud_gateway.learn.store import PairStore
from tests.gateway.conftest import make_config, serve

MODEL = "5e" * 32
ASK = [
    {"role": "system", "content": "Answer briefly."},
    {"role": "user", "content": "Is «PERSON_1» allowed to return the kettle?"},
]


async def chat(
    url: str, *, stream: bool, headers: dict[str, str] | None = None, **extra: Any
) -> str:
    body = {"messages": ASK, "max_tokens": 64, "stream": stream, **extra}
    async with (
        aiohttp.ClientSession() as http,
        http.post(url + "/v1/chat/completions", json=body, headers=headers or {}) as response,
    ):
        assert response.status == 200
        return await response.text()


def learn_table(tmp_path: Path, collect: bool) -> dict[str, Any]:
    return {"collect": collect, "store_path": str(tmp_path / "pairs.db")}


async def test_nothing_is_stored_when_collection_is_off(tmp_path: Path) -> None:
    async with serve(make_config(learn={"store_path": str(tmp_path / "pairs.db")})) as gw:
        await chat(gw.url, stream=False, headers={"edgekit-learn": MODEL})
        await chat(gw.url, stream=True, headers={"edgekit-learn": MODEL})
    assert not (tmp_path / "pairs.db").exists()


async def test_allowed_escalations_are_kept_whole_and_streamed(tmp_path: Path) -> None:
    async with serve(make_config(learn=learn_table(tmp_path, True))) as gw:
        await chat(gw.url, stream=False, headers={"edgekit-learn": MODEL})
        await chat(gw.url, stream=True, headers={"edgekit-learn": MODEL})
        # no consent, malformed consent, tools requests: not kept
        await chat(gw.url, stream=False)
        await chat(gw.url, stream=False, headers={"edgekit-learn": "yes please"})
        await chat(gw.url, stream=False, headers={"edgekit-learn": MODEL.upper()})
    store = PairStore(tmp_path / "pairs.db", retention_s=3600, max_bytes=1 << 20)
    pairs = store.pairs(MODEL)
    assert len(pairs) == 2
    for pair in pairs:
        assert [dict(m) for m in pair.messages] == ASK
        assert pair.answer == ASK[-1]["content"]  # the echo backend's answer
    assert [c.model_sha256 for c in store.counts()] == [MODEL]
    assert (tmp_path / "pairs.db").stat().st_mode & 0o077 == 0
    store.close()


def test_store_bounds_age_and_size_and_wipes(tmp_path: Path) -> None:
    now = [1000.0]
    store = PairStore(tmp_path / "p.db", retention_s=100, max_bytes=400, clock=lambda: now[0])
    msgs = [{"role": "user", "content": "q" * 50}]
    first = store.add(MODEL, msgs, "a" * 50)
    for _ in range(3):
        now[0] += 1
        store.add(MODEL, msgs, "a" * 50)
    kept = store.pairs(MODEL)
    assert first not in {p.pair_id for p in kept}  # oldest dropped for size
    assert sum(len(json.dumps(list(p.messages))) + 50 for p in kept) <= 400 + 50
    now[0] += 101
    assert store.pairs(MODEL) == []  # past retention
    store.add(MODEL, msgs, "b")
    store.add("7f" * 32, msgs, "c")
    assert store.wipe(MODEL) == 1
    assert [c.model_sha256 for c in store.counts()] == ["7f" * 32]
    assert store.wipe() == 1
    assert store.counts() == []
    with pytest.raises(LearnError):
        store.add(MODEL, msgs, "x" * 1000)
    store.close()
    assert b"q" * 50 not in (tmp_path / "p.db").read_bytes()  # wiped bytes are gone
