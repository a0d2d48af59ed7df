"""The engine on the real SmolLM2-135M model: determinism, streaming, signals, caching."""

from __future__ import annotations

import math
import threading
import time
from typing import Any

import numpy as np
import pytest

from edgekit.errors import ContextOverflow, EngineClosed, ModelError, StateError
from edgekit.local import Completion, Engine, EngineConfig, GenerationParams

GREEDY8 = GenerationParams(max_tokens=8)
SYSTEM = (
    "You are a careful assistant for a hardware store. You answer questions about tools, "
    "screws, paint and garden supplies. Keep answers short and practical. "
) * 3
QUESTIONS = ["Which screwdriver fits a Phillips screw?", "How do I store paint over winter?"]


def convo(question: str, system: str = SYSTEM) -> list[dict[str, str]]:
    return [{"role": "system", "content": system}, {"role": "user", "content": question}]


def cold(engine: Engine, messages: Any, params: GenerationParams = GREEDY8) -> Completion:
    engine.reset()
    return engine.chat(messages, params)


def test_greedy_is_deterministic_and_seeded_sampling_repeats(edge_engine: Engine) -> None:
    a = cold(edge_engine, convo(QUESTIONS[0]))
    b = cold(edge_engine, convo(QUESTIONS[0]))
    assert a.token_ids == b.token_ids
    assert a.text == b.text
    assert a.completion_tokens == 8
    assert a.finish_reason == "length"
    sampled = GenerationParams(max_tokens=8, temperature=0.9, top_p=0.95, top_k=50, seed=1234)
    s1 = edge_engine.chat(convo(QUESTIONS[1]), sampled)
    s2 = edge_engine.chat(convo(QUESTIONS[1]), sampled)
    assert s1.token_ids == s2.token_ids


def test_streaming_equals_non_streaming(edge_engine: Engine) -> None:
    params = GenerationParams(max_tokens=12)
    whole = cold(edge_engine, convo(QUESTIONS[1]), params)
    edge_engine.reset()
    events = list(edge_engine.stream_chat(convo(QUESTIONS[1]), params))
    assert [e.token_id for e in events] == list(whole.token_ids)
    assert "".join(e.text for e in events) == whole.text
    assert [e.index for e in events] == list(range(len(events)))
    assert all(e.finish_reason is None for e in events[:-1])
    assert events[-1].finish_reason == whole.finish_reason
    assert events[-1].timings is not None
    assert events[-1].timings.ttft_s > 0


def test_stop_sequence_cuts_text_and_stops(edge_engine: Engine) -> None:
    free = cold(edge_engine, convo(QUESTIONS[0]), GenerationParams(max_tokens=16))
    words = free.text.split()
    assert len(words) >= 3, free.text
    stop = words[2]
    cut = free.text.index(stop)
    stopped = edge_engine.chat(convo(QUESTIONS[0]), GenerationParams(max_tokens=16, stop=(stop,)))
    assert stopped.finish_reason == "stop"
    assert stopped.text == free.text[:cut]
    assert stopped.completion_tokens < free.completion_tokens


def test_raw_completion_and_eos(edge_engine: Engine) -> None:
    done = edge_engine.complete("The capital of France is", GenerationParams(max_tokens=6))
    assert done.completion_tokens == 6
    assert done.text
    # The chat template's end-of-turn token stops generation with reason "stop".
    short = edge_engine.chat(
        [{"role": "user", "content": "Reply with the single word: yes"}],
        GenerationParams(max_tokens=40),
    )
    assert short.finish_reason in ("stop", "length")
    if short.finish_reason == "stop":
        assert short.text.strip()
        assert "<|im_end|>" not in short.text


def _independent_signals(engine: Engine, prompt: list[int], generated: list[int]) -> list[Any]:
    """Recompute each step's softmax with llama_cpp directly, in this test's own numpy code."""
    import llama_cpp

    llm = llama_cpp.Llama(
        str(engine.info.path), n_ctx=512, n_batch=512, logits_all=False, verbose=False
    )
    try:
        llm.eval(prompt)
        rows = []
        for token in generated:
            ptr = llama_cpp.llama_get_logits_ith(llm.ctx, -1)
            logits = np.ctypeslib.as_array(ptr, shape=(llm.n_vocab(),)).astype(np.float64)
            shifted = logits - logits.max()
            probs = np.exp(shifted) / np.exp(shifted).sum()
            top2 = np.sort(probs)[-2:]
            rows.append(
                (
                    math.log(probs[token]),
                    float(-(probs * np.log(np.where(probs > 0, probs, 1))).sum()),
                    float(top2[1] - top2[0]),
                    int(np.argmax(logits)),
                )
            )
            llm.eval([token])
        return rows
    finally:
        llm.close()


def test_signals_match_an_independent_softmax(edge_engine: Engine) -> None:
    prompt = edge_engine.tokenize(edge_engine.render_chat(convo(QUESTIONS[0], system="Be brief.")))
    edge_engine.reset()
    done = Completion.from_events(edge_engine.stream_tokens(prompt, GREEDY8))
    expected = _independent_signals(edge_engine, prompt, list(done.token_ids))
    for sig, token, (logprob, entropy, margin, argmax) in zip(
        done.signals, done.token_ids, expected, strict=True
    ):
        assert token == argmax
        assert sig.logprob <= 0
        assert sig.entropy >= 0
        assert 0 <= sig.margin <= 1
        assert sig.logprob == pytest.approx(logprob, abs=1e-4)
        assert sig.entropy == pytest.approx(entropy, abs=1e-4)
        assert sig.margin == pytest.approx(margin, abs=1e-4)
    s = done.summary
    assert s.n_tokens == 8
    assert s.min_logprob <= s.mean_logprob <= 0
    assert s.first_k_mean_logprob == pytest.approx(s.mean_logprob)


def test_prefix_cache_reuses_kv_and_matches_cold_runs(edge_engine: Engine) -> None:
    cold_b = cold(edge_engine, convo(QUESTIONS[1]))
    edge_engine.reset()
    edge_engine.chat(convo(QUESTIONS[0]), GREEDY8)
    warm_b = edge_engine.chat(convo(QUESTIONS[1]), GREEDY8)
    assert warm_b.token_ids == cold_b.token_ids
    assert warm_b.timings is not None
    assert warm_b.timings.cached_prompt_tokens > 60  # the shared system prompt

    # Same prompt again: everything but the last prompt token comes from the cache.
    again = edge_engine.chat(convo(QUESTIONS[1]), GREEDY8)
    assert again.token_ids == cold_b.token_ids
    assert again.timings is not None
    assert again.timings.cached_prompt_tokens == again.prompt_tokens - 1


def test_prefix_lru_restores_an_earlier_conversation(edge_engine: Engine) -> None:
    other_system = "You are a poet who only writes about the sea and its many moods. " * 4
    cold_a = cold(edge_engine, convo(QUESTIONS[0]))
    edge_engine.reset()
    edge_engine.chat(convo(QUESTIONS[1]), GREEDY8)  # fills KV with SYSTEM + question
    edge_engine.chat(convo("Write a line.", other_system), GREEDY8)  # evicts it -> saved
    warm_a = edge_engine.chat(convo(QUESTIONS[0]), GREEDY8)  # restored from the LRU
    assert warm_a.token_ids == cold_a.token_ids
    assert warm_a.timings is not None
    assert warm_a.timings.cached_prompt_tokens > 60


def test_save_and_load_state_round_trip(edge_engine: Engine) -> None:
    messages = convo(QUESTIONS[0])
    expected = cold(edge_engine, messages)
    prompt = edge_engine.tokenize(edge_engine.render_chat(messages))
    edge_engine.reset()
    list(edge_engine.stream_tokens(prompt, GenerationParams(max_tokens=1)))
    tokens = list(edge_engine.kv_tokens)
    assert tokens == prompt  # the single sampled token was never evaluated
    state = edge_engine.save_state()
    edge_engine.reset()
    edge_engine.load_state(state, tokens)
    resumed = Completion.from_events(edge_engine.stream_tokens(prompt, GREEDY8))
    assert resumed.token_ids == expected.token_ids
    assert resumed.timings is not None
    assert resumed.timings.cached_prompt_tokens == len(prompt) - 1

    with pytest.raises(StateError):
        edge_engine.load_state(state[: len(state) // 2], tokens)
    with pytest.raises(StateError):
        edge_engine.load_state(state, tokens[:-3])
    assert edge_engine.kv_tokens == ()
    assert cold(edge_engine, messages).token_ids == expected.token_ids


def test_closing_a_sync_stream_stops_and_releases(edge_engine: Engine) -> None:
    expected = cold(edge_engine, convo(QUESTIONS[1]))
    stream = edge_engine.stream_chat(convo(QUESTIONS[1]), GenerationParams(max_tokens=200))
    first = [next(stream), next(stream)]
    assert not edge_engine.lock.acquire(blocking=False)  # generation holds the context
    stream.close()
    assert edge_engine.lock.acquire(blocking=False)
    edge_engine.lock.release()
    assert [e.token_id for e in first] == list(expected.token_ids[:2])
    assert len(edge_engine.kv_tokens) == expected.prompt_tokens + 1
    assert edge_engine.chat(convo(QUESTIONS[1]), GREEDY8).token_ids == expected.token_ids


async def test_async_stream_matches_and_cancels_promptly(edge_engine: Engine) -> None:
    import asyncio

    expected = cold(edge_engine, convo(QUESTIONS[0]))
    got = [ev async for ev in edge_engine.astream_chat(convo(QUESTIONS[0]), GREEDY8)]
    assert tuple(e.token_id for e in got) == expected.token_ids

    ticks = 0
    seen: list[int] = []

    async def ticker() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.005)
            ticks += 1

    async def consume() -> None:
        async for ev in edge_engine.astream_chat(
            convo(QUESTIONS[0]), GenerationParams(max_tokens=500)
        ):
            seen.append(ev.token_id)

    tick_task = asyncio.create_task(ticker())
    task = asyncio.create_task(consume())
    while len(seen) < 3:
        await asyncio.sleep(0.005)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    cancelled_at = time.perf_counter()
    while not edge_engine.lock.acquire(blocking=False):
        assert time.perf_counter() - cancelled_at < 2.0, "generation did not stop"
        await asyncio.sleep(0.005)
    edge_engine.lock.release()
    tick_task.cancel()
    assert ticks >= 5  # the event loop kept running while tokens were generated
    assert len(seen) < 20
    assert edge_engine.chat(convo(QUESTIONS[0]), GREEDY8).token_ids == expected.token_ids


def test_concurrent_calls_from_threads(edge_engine: Engine) -> None:
    prompts = [convo(q) for q in (*QUESTIONS, "Name a garden tool.")]
    expected = [cold(edge_engine, p, GenerationParams(max_tokens=6)) for p in prompts]
    results: dict[int, Completion] = {}
    errors: list[BaseException] = []

    def run(i: int) -> None:
        try:
            results[i] = edge_engine.chat(prompts[i], GenerationParams(max_tokens=6))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(prompts))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors
    assert [results[i].token_ids for i in range(len(prompts))] == [e.token_ids for e in expected]


def test_context_overflow_and_truncate_left(edge_model_path: Any) -> None:
    long_turns = [{"role": "system", "content": "Be brief."}]
    for i in range(12):
        long_turns.append({"role": "user", "content": f"Question {i}: tell me about screws."})
        long_turns.append({"role": "assistant", "content": "Screws hold things together. " * 2})
    long_turns.append({"role": "user", "content": "And nails?"})
    with Engine(EngineConfig(model=str(edge_model_path), n_ctx=256, n_threads=1)) as small:
        with pytest.raises(ContextOverflow) as info:
            small.chat(long_turns, GenerationParams(max_tokens=8))
        assert info.value.n_ctx == 256
        assert info.value.n_tokens > 256
        with pytest.raises(ContextOverflow):
            small.complete("word " * 400, GenerationParams(max_tokens=4))
    config = EngineConfig(
        model=str(edge_model_path), n_ctx=256, n_threads=1, overflow="truncate_left"
    )
    with Engine(config) as small:
        done = small.chat(long_turns, GenerationParams(max_tokens=8))
        assert done.prompt_tokens + 8 <= 256
        kept = small.detokenize(list(small.kv_tokens))
        assert "Be brief." in kept
        assert "And nails?" in kept
        assert "Question 0:" not in kept
        raw = small.complete("word " * 400, GenerationParams(max_tokens=4))
        assert raw.prompt_tokens == 252


def test_closed_engine_and_bad_arguments(edge_model_path: Any) -> None:
    engine = Engine(EngineConfig(model=str(edge_model_path), n_ctx=128, n_threads=1))
    stream = engine.stream("Once upon a time", GenerationParams(max_tokens=50))
    next(stream)
    engine.close()  # deferred: the suspended stream holds the context
    assert engine.closed
    stream.close()  # frees the model now
    engine.close()
    with pytest.raises(EngineClosed):
        engine.complete("x")
    with pytest.raises(EngineClosed):
        engine.tokenize("x")
    with Engine(EngineConfig(model=str(edge_model_path), n_ctx=128, n_threads=1)) as other:
        with pytest.raises(ModelError):
            list(other.stream_tokens([1, 2, 10**9]))
        with pytest.raises(ModelError):
            other.detokenize([-1])
        assert other.detokenize(other.tokenize("hello world", add_bos=False)) == "hello world"


def test_render_chat_continue_final_message(edge_engine: Engine) -> None:
    messages = [
        {"role": "user", "content": "Count to five."},
        {"role": "assistant", "content": "One, two,"},
    ]
    text = edge_engine.render_chat(messages, continue_final_message=True)
    assert text.endswith("One, two,")
    done = edge_engine.chat(messages, GenerationParams(max_tokens=4), continue_final_message=True)
    assert done.completion_tokens >= 1


def test_same_thread_reentry_is_refused_not_deadlocked(edge_engine: Engine) -> None:
    from edgekit.local import EngineBusyError

    stream = edge_engine.stream("One two three", GenerationParams(max_tokens=20))
    next(stream)
    with pytest.raises(EngineBusyError):
        edge_engine.complete("four", GenerationParams(max_tokens=2))
    with pytest.raises(EngineBusyError):
        edge_engine.save_state()
    assert edge_engine.tokenize("ok", add_bos=False)  # the vocabulary needs no lock
    assert len(edge_engine.kv_tokens) > 0
    stream.close()
    assert edge_engine.complete("four", GenerationParams(max_tokens=2)).completion_tokens == 2


async def test_astream_tokens_raw(edge_engine: Engine) -> None:
    prompt = edge_engine.tokenize("The sky is")
    edge_engine.reset()
    sync = Completion.from_events(edge_engine.stream_tokens(prompt, GREEDY8))
    got = [ev async for ev in edge_engine.astream_tokens(prompt, GREEDY8)]
    assert tuple(e.token_id for e in got) == sync.token_ids
    raw = [ev async for ev in edge_engine.astream("The sky is", GREEDY8)]
    assert tuple(e.token_id for e in raw) == sync.token_ids


def test_close_while_another_thread_generates(edge_model_path: Any) -> None:
    engine = Engine(EngineConfig(model=str(edge_model_path), n_ctx=256, n_threads=1))
    started = threading.Event()
    seen: list[Any] = []

    def generate() -> None:
        for ev in engine.stream("Once upon a time", GenerationParams(max_tokens=200)):
            seen.append(ev)
            started.set()

    worker = threading.Thread(target=generate)
    worker.start()
    assert started.wait(60)
    engine.close()  # the worker stops after its current token; memory is freed then
    worker.join(timeout=30)
    assert not worker.is_alive()
    assert len(seen) < 200
    assert seen[-1].finish_reason is None  # cancelled, not finished
    with pytest.raises(EngineClosed):
        engine.complete("again")
