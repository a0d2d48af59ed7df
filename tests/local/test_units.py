"""Model-free parts of the engine: text streaming with stops, sampling, summaries, caches."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edgekit.config import from_mapping
from edgekit.errors import ConfigError
from edgekit.local.config import EngineConfig, GenerationParams
from edgekit.local.engine import _TextStream
from edgekit.local.prefix_cache import PrefixCache, common_prefix
from edgekit.local.sampling import Sampler, top_k_ids
from edgekit.local.signals import TokenSignal, summarize, token_signal

alphabet = st.sampled_from(list("ab \né€🙂"))


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet, max_size=40),
    stops=st.lists(st.text(alphabet, min_size=1, max_size=4), max_size=3),
    cuts=st.lists(st.integers(0, 200), max_size=12),
)
def test_text_stream_cuts_at_the_first_completed_stop_however_split(
    text: str, stops: list[str], cuts: list[int]
) -> None:
    data = text.encode()
    points = sorted({0, len(data), *(c % (len(data) + 1) for c in cuts)})
    stream = _TextStream(stops)
    out, stopped = [], False
    for a, b in itertools.pairwise(points):
        piece, stopped = stream.feed(data[a:b])
        out.append(piece)
        if stopped:
            break
    if not stopped:
        out.append(stream.flush())
    hits = [(i + len(s), i) for s in stops if (i := text.find(s)) >= 0]
    expected = text[: min(hits)[1]] if hits else text  # the first stop to complete wins
    assert "".join(out) == expected
    assert stopped == bool(hits)


def test_text_stream_holds_partial_utf8_and_stop_prefixes() -> None:
    s = _TextStream(["END"])
    euro = "€".encode()
    assert s.feed(b"ab" + euro[:1]) == ("ab", False)
    assert s.feed(euro[1:] + b"E") == ("€", False)  # "E" may start "END"
    assert s.feed(b"NX") == ("ENX", False)
    assert s.feed(b"..EN") == ("..", False)
    assert s.feed(b"D tail") == ("", True)


def test_token_signal_matches_float64_reference() -> None:
    rng = np.random.default_rng(7)
    logits = (rng.standard_normal(5000) * 4).astype(np.float32)
    z = logits.astype(np.float64) - logits.max()
    p = np.exp(z) / np.exp(z).sum()
    top2 = np.sort(p)[-2:]
    for token in (int(np.argmax(logits)), 3, 4999):
        sig = token_signal(logits, token)
        assert sig.logprob == pytest.approx(math.log(p[token]), abs=1e-5)
        assert sig.entropy == pytest.approx(float(-(p * np.log(p)).sum()), abs=1e-5)
        assert sig.margin == pytest.approx(float(top2[1] - top2[0]), abs=1e-6)
    flat = np.zeros(10, dtype=np.float32)
    sig = token_signal(flat, 0)
    assert sig.entropy == pytest.approx(math.log(10))
    assert sig.margin == pytest.approx(0.0)
    assert logits.dtype == np.float32  # the input row is not modified in place


def test_summarize() -> None:
    sigs = [TokenSignal(-0.1, 0.5, 0.9), TokenSignal(-2.0, 2.0, 0.05), TokenSignal(-0.3, 1.0, 0.5)]
    s = summarize(sigs, first_k=2)
    assert s.n_tokens == 3
    assert s.min_logprob == -2.0
    assert s.mean_logprob == pytest.approx(-0.8)
    assert s.first_k_mean_logprob == pytest.approx(-1.05)
    assert s.max_entropy == 2.0
    assert s.min_margin == 0.05
    assert s.low_margin_fraction == pytest.approx(1 / 3)
    assert s.perplexity == pytest.approx(math.exp(0.8))
    assert summarize([]).n_tokens == 0
    assert set(s.as_dict()) >= {"mean_logprob", "min_margin", "first_k_mean_logprob"}


def test_sampler_greedy_topk_topp_and_penalty() -> None:
    logits = np.array([1.0, 5.0, 4.9, -3.0, 0.0], dtype=np.float32)
    greedy = Sampler(GenerationParams(), np.random.default_rng(0))
    assert greedy(logits, []) == 1
    penal = Sampler(GenerationParams(repeat_penalty=1.5), np.random.default_rng(0))
    assert penal(logits, [1]) == 2  # 5.0 / 1.5 < 4.9
    top2 = Sampler(GenerationParams(temperature=5.0, top_k=2), np.random.default_rng(0))
    assert {top2(logits, []) for _ in range(200)} == {1, 2}
    nucleus_params = GenerationParams(temperature=1.0, top_p=0.3, top_k=0)
    nucleus = Sampler(nucleus_params, np.random.default_rng(0))
    assert {nucleus(logits, []) for _ in range(100)} == {1}
    a = Sampler(GenerationParams(temperature=2.0, top_k=0), np.random.default_rng(42))
    b = Sampler(GenerationParams(temperature=2.0, top_k=0), np.random.default_rng(42))
    assert [a(logits, []) for _ in range(50)] == [b(logits, []) for _ in range(50)]


def _reference_draw(x: np.ndarray, params: GenerationParams, rng: np.random.Generator) -> int:
    """The plain sampler: sort the whole row, cut top-k and top-p, draw."""
    scaled = x.astype(np.float64) / params.temperature
    ids = np.argsort(-scaled, kind="stable")
    if 0 < params.top_k < ids.shape[0]:
        ids = ids[: params.top_k]
    probs = np.exp(scaled[ids] - scaled[ids[0]])
    probs /= probs.sum()
    if params.top_p < 1.0:
        keep = int(np.searchsorted(np.cumsum(probs), params.top_p)) + 1
        ids, probs = ids[:keep], probs[:keep] / probs[:keep].sum()
    return int(ids[rng.choice(ids.shape[0], p=probs)])


@settings(max_examples=200, deadline=None)
@given(
    n=st.integers(1, 3000),
    k=st.integers(1, 300),
    seed=st.integers(0, 2**32 - 1),
    spread=st.sampled_from([0.0, 0.01, 1.0, 30.0]),
)
def test_top_k_ids_finds_the_k_largest_values_also_with_ties(
    n: int, k: int, seed: int, spread: float
) -> None:
    rng = np.random.default_rng(seed)
    x = np.round(rng.normal(size=n) * spread, 1).astype(np.float32)  # ties when spread is small
    got = top_k_ids(x, k)
    want = np.sort(x)[::-1][: min(k, n)]
    assert len(set(got.tolist())) == got.shape[0] == min(k, n)
    assert np.array_equal(np.sort(x[got])[::-1], want)


@settings(max_examples=60, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    top_k=st.sampled_from([0, 1, 5, 40, 300]),
    top_p=st.sampled_from([1.0, 0.95, 0.5]),
    peak=st.sampled_from([1.0, 4.0, 12.0]),
)
def test_sampler_draws_what_sorting_the_whole_row_draws(
    seed: int, top_k: int, top_p: float, peak: float
) -> None:
    if top_k == 0 and top_p == 1.0:
        return  # sampled over the whole row in index order: checked by frequency below
    rng = np.random.default_rng(seed)
    x = (rng.normal(size=5000) * peak).astype(np.float32)  # distinct values: one order
    params = GenerationParams(temperature=0.7, top_k=top_k, top_p=top_p)
    fast, slow = Sampler(params, np.random.default_rng(seed)), np.random.default_rng(seed)
    assert [fast(x, []) for _ in range(20)] == [_reference_draw(x, params, slow) for _ in range(20)]


def test_sampler_without_filters_follows_the_softmax() -> None:
    logits = np.array([2.0, 1.0, 0.0, -1.0], dtype=np.float32)
    sampler = Sampler(GenerationParams(temperature=1.0, top_k=0), np.random.default_rng(7))
    counts = np.bincount([sampler(logits, []) for _ in range(20000)], minlength=4) / 20000
    want = np.exp(logits) / np.exp(logits).sum()
    assert np.abs(counts - want).max() < 0.015


def test_prefix_cache_lru_by_bytes() -> None:
    cache = PrefixCache(max_bytes=10)
    assert cache.put([1, 2, 3], b"aaaa")
    assert cache.put([1, 2, 9], b"bbbb")
    assert not cache.put([5], b"x" * 11)
    found = cache.best([1, 2, 3, 4])
    assert found is not None
    assert found[0].tokens == (1, 2, 3)
    assert found[1] == 3
    cache.put([7, 7], b"cccc")  # evicts the least recently used: [1, 2, 9]
    assert cache.nbytes == 8
    assert len(cache) == 2
    best = cache.best([1, 2, 9])
    assert best is not None
    assert best[0].tokens == (1, 2, 3)
    assert cache.best([4]) is None
    assert common_prefix([1, 2, 3], [1, 2, 4, 5]) == 2
    assert common_prefix([], [1]) == 0


def test_config_validation_and_env() -> None:
    with pytest.raises(ConfigError):
        GenerationParams(max_tokens=0)
    with pytest.raises(ConfigError):
        GenerationParams(top_p=0.0)
    with pytest.raises(ConfigError):
        GenerationParams(stop=("",))
    with pytest.raises(ConfigError):
        EngineConfig(overflow="drop")  # type: ignore[arg-type]
    with pytest.raises(ConfigError):
        EngineConfig(n_ctx=4)
    cfg = from_mapping(
        EngineConfig,
        {"n_ctx": 1024},
        env_prefix="EDGEKIT_ENGINE_",
        environ={"EDGEKIT_ENGINE_OVERFLOW": "truncate_left", "EDGEKIT_ENGINE_N_THREADS": "1"},
    )
    assert cfg.n_ctx == 1024
    assert cfg.overflow == "truncate_left"
    assert cfg.n_threads == 1
    params = from_mapping(GenerationParams, {"stop": ["###"], "temperature": 1})
    assert params.stop == ("###",)
    assert not params.greedy
