"""EdgeKit's engine against raw llama-cpp-python on the default model, side by side.

Both stream greedy completions of the same prompts with the same thread
counts; runs are interleaved (order alternating per round) so machine noise
hits both, and medians are reported. EdgeKit computes its per-token signals
(logprob, entropy, margin) on every token. A second part measures the prefix
cache: time to first token for a prompt whose ~600-token system prompt is
already in the KV cache, against the same prompt cold.

Last line of stdout: one JSON object with ``decode_ratio`` (EdgeKit decode
tok/s ÷ raw) and ``ttft_ratio`` (raw TTFT ÷ EdgeKit TTFT) as medians of
interleaved pairs' ratios, ``prefix_cache_speedup``
(cold TTFT ÷ warm TTFT), ``raw_decode_tok_s`` and ``edgekit_decode_tok_s``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from typing import Any

from edgekit.local import Engine, EngineConfig, GenerationParams
from edgekit.local.models import DEFAULT_EDGE_MODEL

PROMPTS = [
    "Write a short story about a lighthouse keeper who finds a message in a bottle.",
    "Explain step by step how a bicycle gear system works.",
    "Describe a walk through a busy market in the morning.",
]

SYSTEM_SENTENCES = [
    "You are the support assistant of Northwind Outfitters, a shop for hiking gear.",
    "Answer politely, in plain language, and never invent product numbers.",
    "Our return policy allows returns within thirty days with the receipt.",
    "Boots must be unworn outdoors to be returned; tents must be complete and dry.",
    "Shipping is free above fifty euros and takes two to four working days.",
    "We stock tents, sleeping bags, stoves, boots, jackets, maps and compasses.",
    "When a customer asks about sizes, recommend trying boots in the afternoon.",
    "If a question concerns safety in the mountains, advise checking the weather first.",
]


def system_prompt(engine: Engine, target_tokens: int = 600) -> str:
    """A realistic system prompt of about ``target_tokens`` tokens."""
    parts: list[str] = []
    i = 0
    while len(engine.tokenize(" ".join(parts), add_bos=False)) < target_tokens:
        parts.append(SYSTEM_SENTENCES[i % len(SYSTEM_SENTENCES)])
        i += 1
    return " ".join(parts)


def run_raw(llm: Any, prompt: str, max_tokens: int) -> tuple[float, float, int, str | None]:
    """(ttft, decode tok/s, chunks, finish) of one cold streaming completion."""
    llm.reset()
    t0 = time.perf_counter()
    first = last = 0.0
    chunks = 0
    finish = None
    for chunk in llm.create_completion(
        prompt, max_tokens=max_tokens, temperature=0.0, top_k=1, stream=True
    ):
        now = time.perf_counter()
        if chunks == 0:
            first = now
        last = now
        chunks += 1
        finish = chunk["choices"][0]["finish_reason"] or finish
    return first - t0, last - first, chunks, finish


def run_edgekit(
    engine: Engine, prompt: str, max_tokens: int, hidden: int = 0
) -> tuple[float, float, int, str]:
    """(ttft, decode seconds, tokens, finish) of one cold streaming completion."""
    engine.reset()
    t0 = time.perf_counter()
    first = last = 0.0
    n = 0
    finish = "cancelled"
    for ev in engine.stream(prompt, GenerationParams(max_tokens=max_tokens, hidden_states=hidden)):
        now = time.perf_counter()
        if n == 0:
            first = now
        last = now
        n += 1
        _ = ev.signal.entropy  # signals are computed for every token
        finish = ev.finish_reason or finish
    return first - t0, last - first, n, finish


def decode_comparison(
    engine: Engine, llm: Any, rounds: int, n_prompts: int, max_tokens: int, hidden: int = 0
) -> dict[str, Any]:
    """Decode rate of identical greedy completions, raw vs EdgeKit, interleaved."""
    rate: dict[str, list[float]] = {"raw": [], "edgekit": []}
    pair_ratios: list[float] = []
    prompts = [engine.render_chat([{"role": "user", "content": p}]) for p in PROMPTS]
    for r in range(rounds):
        for i, prompt in enumerate(prompts[:n_prompts]):
            order = ("raw", "edgekit") if (r + i) % 2 == 0 else ("edgekit", "raw")
            result: dict[str, tuple[float, float, int, str | None]] = {}
            for who in order:
                if who == "raw":
                    result[who] = run_raw(llm, prompt, max_tokens)
                else:
                    result[who] = run_edgekit(engine, prompt, max_tokens, hidden)
            n_tokens = result["edgekit"][2]
            if n_tokens < 8 or result["raw"][3] != result["edgekit"][3]:
                print(f"round {r} prompt {i}: stopped early, skipped", file=sys.stderr)
                continue
            for who in order:
                rate[who].append((n_tokens - 1) / result[who][1])
            pair_ratios.append(rate["edgekit"][-1] / rate["raw"][-1])
            print(
                f"round {r} prompt {i}: decode raw {rate['raw'][-1]:.1f} / "
                f"edgekit {rate['edgekit'][-1]:.1f} tok/s",
                file=sys.stderr,
            )
    return {
        "decode_ratio": statistics.median(pair_ratios),
        "raw_decode_tok_s": statistics.median(rate["raw"]),
        "edgekit_decode_tok_s": statistics.median(rate["edgekit"]),
        "decode_samples": len(pair_ratios),
    }


def ttft_comparison(engine: Engine, llm: Any, pairs: int, hidden: int = 0) -> dict[str, Any]:
    """Cold time to first token (tokenize + prefill + first sample), interleaved pairs."""
    prompts = [engine.render_chat([{"role": "user", "content": p}]) for p in PROMPTS]
    ttft: dict[str, list[float]] = {"raw": [], "edgekit": []}
    pair_ratios: list[float] = []
    for k in range(pairs):
        prompt = prompts[k % len(prompts)]
        order = ("raw", "edgekit") if k % 2 == 0 else ("edgekit", "raw")
        for who in order:
            if who == "raw":
                ttft[who].append(run_raw(llm, prompt, 1)[0])
            else:
                ttft[who].append(run_edgekit(engine, prompt, 1, hidden)[0])
        pair_ratios.append(ttft["raw"][-1] / ttft["edgekit"][-1])
    print(
        "ttft raw "
        + " ".join(f"{t * 1e3:.0f}" for t in ttft["raw"])
        + " ms; edgekit "
        + " ".join(f"{t * 1e3:.0f}" for t in ttft["edgekit"])
        + " ms",
        file=sys.stderr,
    )
    return {
        "ttft_ratio": statistics.median(pair_ratios),
        "raw_ttft_ms": statistics.median(ttft["raw"]) * 1e3,
        "edgekit_ttft_ms": statistics.median(ttft["edgekit"]) * 1e3,
        "ttft_samples": pairs,
    }


def first_token_time(engine: Engine, messages: list[dict[str, str]]) -> tuple[float, int]:
    t0 = time.perf_counter()
    stream = engine.stream_chat(messages, GenerationParams(max_tokens=1))
    events = list(stream)
    timings = events[-1].timings
    cached = timings.cached_prompt_tokens if timings else 0
    return time.perf_counter() - t0, cached


def prefix_cache_comparison(engine: Engine, rounds: int) -> dict[str, Any]:
    system = system_prompt(engine)
    questions = [
        "Can I return boots I wore on a hike?",
        "How long does shipping take?",
        "Which stove do you recommend for winter camping?",
        "Do you sell maps of the Alps?",
    ]
    cold: list[float] = []
    warm: list[float] = []
    cached_tokens = 0
    prompt_tokens = 0
    for r in range(rounds):
        q_prev, q = questions[r % 4], questions[(r + 1) % 4]
        msgs = [{"role": "system", "content": system}, {"role": "user", "content": q}]
        engine.reset()
        t_cold, _ = first_token_time(engine, msgs)
        engine.reset()
        first_token_time(
            engine, [{"role": "system", "content": system}, {"role": "user", "content": q_prev}]
        )
        t_warm, cached_tokens = first_token_time(engine, msgs)
        prompt_tokens = len(engine.tokenize(engine.render_chat(msgs)))
        cold.append(t_cold)
        warm.append(t_warm)
        print(
            f"prefix round {r}: cold {t_cold * 1e3:.1f} ms, warm {t_warm * 1e3:.1f} ms "
            f"({cached_tokens}/{prompt_tokens} tokens cached)",
            file=sys.stderr,
        )
    return {
        "prefix_cache_speedup": statistics.median(cold) / statistics.median(warm),
        "prefix_cold_ttft_ms": statistics.median(cold) * 1e3,
        "prefix_warm_ttft_ms": statistics.median(warm) * 1e3,
        "prefix_prompt_tokens": prompt_tokens,
        "prefix_cached_tokens": cached_tokens,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds (< 2 minutes)")
    parser.add_argument("--model", default=DEFAULT_EDGE_MODEL)
    parser.add_argument(
        "--threads",
        type=int,
        default=1,
        help="llama.cpp threads for both engines (default 1: the figures compare per-token "
        "overhead, and one thread keeps busy-waiting thread pools out of them on shared CPUs)",
    )
    parser.add_argument(
        "--hidden-states",
        type=int,
        default=0,
        help="EdgeKit reads the hidden states of the first N positions",
    )
    args = parser.parse_args()
    rounds, n_prompts, max_tokens, ttft_pairs, prefix_rounds = (
        (2, 2, 32, 8, 2) if args.quick else (5, 3, 96, 24, 7)
    )

    import llama_cpp

    engine = Engine(EngineConfig(model=args.model, n_ctx=2048, n_batch=512, n_threads=args.threads))
    llm = llama_cpp.Llama(
        str(engine.info.path),
        n_ctx=2048,
        n_batch=512,
        n_threads=args.threads,
        n_threads_batch=args.threads,
        logits_all=False,
        verbose=False,
    )
    try:
        run_raw(llm, "warm up", 4)
        run_edgekit(engine, "warm up", 4)
        result: dict[str, Any] = {"model": engine.info.name, "max_tokens": max_tokens}
        hidden = args.hidden_states
        result["hidden_states"] = hidden
        result.update(decode_comparison(engine, llm, rounds, n_prompts, max_tokens, hidden))
        result.update(ttft_comparison(engine, llm, ttft_pairs, hidden))
        result.update(prefix_cache_comparison(engine, prefix_rounds))
    finally:
        llm.close()
        engine.close()
    print(json.dumps({k: round(v, 4) if isinstance(v, float) else v for k, v in result.items()}))


if __name__ == "__main__":
    main()
