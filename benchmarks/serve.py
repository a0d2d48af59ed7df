"""``edgekit serve`` against the in-process SDK, and batched decoding under concurrency.

Same box, same prompts, greedy, one run; the last line is one JSON object.

* ``serve_decode_ratio``: decode tokens/s seen by the stock ``openai`` client
  streaming through ``edgekit serve`` ÷ the in-process ``AsyncEdgeClient``
  streaming the same prompt (median of per-prompt ratios; SDK and server
  requests alternate, so machine noise hits both alike). Both sides run the
  same engine (``BatchedEngine``, 4 slots) pinned to the engine's default
  decode threads, so the ratio is the server's own cost (not what the thread
  chooser happened to pick in each process). Decode tokens/s counts the streamed pieces after the
  first over the time from the first to the last (both sides use the cascade
  strategy with the gate always accepting, so the first piece is the gate's
  window and every later piece one token; the texts must be identical).
* ``serve_ttft_overhead_ms``: time to the first content through the server −
  in the SDK, one request at a time, ``--ttft-reps`` pairs (``edgekit:local``,
  4 prompts in turn, each answer read to its end, SDK and server alternating;
  same pinned engines as above): the median, and ``serve_ttft_overhead_p90_ms``.
* ``concurrent_throughput_gain``: aggregate completion tokens/s with 4
  concurrent clients ÷ with one client asking the same 4 prompts one after
  another (``edgekit:local``, non-streamed; median of the rounds), from a
  second server with default settings (threads chosen by measurement).
* ``engine_batch_gain``: the same 4 prompts in this process, no HTTP:
  ``BatchedEngine`` decoding them together ÷ the plain ``Engine`` one after
  another (what batching alone buys); ``engine_batch_gain_same_engine``
  divides by the ``BatchedEngine`` itself answering one at a time.
* ``anchor_raw_gain_*``: what llama.cpp itself gives, through its C API like
  its ``batched-bench``: tokens/s of decode steps of 4 sequences in one
  ``llama_decode`` ÷ steps of 1 sequence, on 1 thread, on 2 threads, and with
  llama.cpp's own convention (one token on ``n_threads``, a batch on
  ``n_threads_batch``: the engine's defaults). The ceiling for the gains above.
  ``--anchor-model`` adds the same figures for other GGUFs (suffixed by name).
* ``errors``: failed requests (anything but an answer or a 429) from 16
  concurrent clients asking for ``--duration`` seconds (60 by default);
  ``rate_limited`` counts the 429s separately (clients honour Retry-After).
* ``anchor_llama_cpp_server_gain``: ``concurrent_throughput_gain`` of
  llama-cpp-python's own server (``python -m llama_cpp.server``, same GGUF,
  same threads) when its extra is installed
  (``pip install 'llama-cpp-python[server]==0.3.36'``); it serves one request
  at a time.

The server is ``edgekit serve`` in a subprocess (its default engine settings,
4 batch slots); the SDK runs in this process with the same engine settings.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openai

PROMPTS = [
    "Explain why the sky is blue.",
    "Write a short poem about autumn leaves.",
    "What are three benefits of regular exercise?",
    "Describe how a bicycle works.",
    "Give me a recipe for a simple tomato soup.",
    "Why do cats purr?",
    "What is the difference between weather and climate?",
    "Tell me a short story about a robot learning to paint.",
]
ACCEPT_ALL = {"edgekit": {"threshold": 0.0}}


@dataclass
class Timing:
    text: str
    ttft_s: float
    decode_tps: float


def timing(start: float, stamps: list[float], pieces: list[str]) -> Timing:
    if len(stamps) < 2:
        raise RuntimeError("the answer came in fewer than two pieces; nothing to time")
    return Timing("".join(pieces), stamps[0] - start, (len(stamps) - 1) / (stamps[-1] - stamps[0]))


async def sdk_stream(client: Any, prompt: str) -> Timing:
    start = time.perf_counter()
    stamps: list[float] = []
    pieces: list[str] = []
    async for piece in client.stream_chat([{"role": "user", "content": prompt}]):
        if piece:
            stamps.append(time.perf_counter())
            pieces.append(piece)
    return timing(start, stamps, pieces)


async def serve_stream(client: openai.AsyncOpenAI, prompt: str, max_tokens: int) -> Timing:
    start = time.perf_counter()
    stamps: list[float] = []
    pieces: list[str] = []
    stream = await client.chat.completions.create(
        model="edgekit",
        messages=[{"role": "user", "content": prompt}],
        max_tokens=max_tokens,
        temperature=0.0,
        stream=True,
        extra_body=ACCEPT_ALL,
    )
    async for chunk in stream:
        piece = chunk.choices[0].delta.content if chunk.choices else None
        if piece:
            stamps.append(time.perf_counter())
            pieces.append(piece)
    return timing(start, stamps, pieces)


async def compare_single(
    base_url: str, prompts: list[str], max_tokens: int, ttft_reps: int, n_threads: int
) -> dict[str, Any]:
    """SDK and server, prompt by prompt, alternating; then time to first token alone."""
    from edgekit.client import AsyncEdgeClient, ClientConfig
    from edgekit.local import EngineConfig
    from edgekit.local.batched import BatchedEngine
    from edgekit.privacy import PrivacyConfig

    config = ClientConfig(
        threshold=0.0,
        max_tokens=max_tokens,
        temperature=0.0,
        privacy=PrivacyConfig(ner="off", audit_log=None),
    )
    http = openai.AsyncOpenAI(base_url=base_url, api_key="unused", max_retries=0, timeout=600)
    engine = BatchedEngine(EngineConfig(n_threads=n_threads), slots=4)  # as the server
    try:
        async with AsyncEdgeClient(config, engine=engine) as sdk:
            await sdk_stream(sdk, prompts[0])  # warm both
            await serve_stream(http, prompts[0], max_tokens)
            pairs = []
            for prompt in prompts:
                pairs.append(
                    (await sdk_stream(sdk, prompt), await serve_stream(http, prompt, max_tokens))
                )
            ttft = await ttft_pairs(sdk, http, ttft_reps)
    finally:
        engine.close()
    await http.close()
    overhead = sorted((s - d) * 1000 for d, s in ttft)
    return {
        "serve_decode_ratio": round(
            statistics.median(s.decode_tps / d.decode_tps for d, s in pairs), 3
        ),
        "serve_ttft_overhead_ms": round(statistics.median(overhead), 2),
        "serve_ttft_overhead_p90_ms": round(overhead[int(0.9 * (len(overhead) - 1))], 2),
        "ttft_pairs": len(overhead),
        "sdk_ttft_local_ms": round(statistics.median(d for d, _ in ttft) * 1000, 2),
        "serve_ttft_local_ms": round(statistics.median(s for _, s in ttft) * 1000, 2),
        "sdk_decode_tps": round(statistics.median(d.decode_tps for d, _ in pairs), 1),
        "serve_decode_tps": round(statistics.median(s.decode_tps for _, s in pairs), 1),
        "same_answers": all(d.text == s.text for d, s in pairs),
    }


async def ttft_pairs(sdk: Any, http: openai.AsyncOpenAI, reps: int) -> list[tuple[float, float]]:
    """(SDK, server) seconds to the first content, one request at a time, alternating."""
    pairs = []
    for i in range(reps):  # each answer is read to its end, so nothing runs on meanwhile
        messages = [{"role": "user", "content": PROMPTS[i % 4]}]
        start = time.perf_counter()
        firsts = [
            time.perf_counter()
            async for piece in sdk.stream_chat(messages, strategy="local_only", max_tokens=4)
            if piece
        ]
        sdk_s = firsts[0] - start
        start = time.perf_counter()
        stream = await http.chat.completions.create(
            model="edgekit:local", messages=messages, max_tokens=4, temperature=0.0, stream=True
        )
        firsts = [
            time.perf_counter()
            async for chunk in stream
            if chunk.choices and chunk.choices[0].delta.content
        ]
        pairs.append((sdk_s, firsts[0] - start))
    return pairs


async def throughput(
    base_url: str, model: str, prompts: list[str], max_tokens: int, concurrent: bool
) -> float:
    """Completion tokens/s over the 4 prompts, one after another or all at once."""
    http = openai.AsyncOpenAI(base_url=base_url, api_key="unused", max_retries=0, timeout=600)

    async def ask(prompt: str) -> int:
        done = await http.chat.completions.create(
            model=model,
            messages=[{"role": "user", "content": prompt}],
            max_tokens=max_tokens,
            temperature=0.0,
        )
        assert done.usage is not None
        assert done.choices[0].message.content
        return done.usage.completion_tokens

    start = time.perf_counter()
    if concurrent:
        tokens = sum(await asyncio.gather(*(ask(p) for p in prompts)))
    else:
        tokens = sum([await ask(p) for p in prompts])
    elapsed = time.perf_counter() - start
    await http.close()
    return tokens / elapsed


async def gain(
    base_url: str, model: str, prompts: list[str], max_tokens: int, rounds: int
) -> dict[str, float]:
    await throughput(base_url, model, prompts[:1], max_tokens, False)  # warm
    gains, ones, fours = [], [], []
    for _ in range(rounds):
        one = await throughput(base_url, model, prompts, max_tokens, False)
        four = await throughput(base_url, model, prompts, max_tokens, True)
        gains.append(four / one)
        ones.append(one)
        fours.append(four)
    return {
        "gain": round(statistics.median(gains), 3),
        "one_client_tps": round(statistics.median(ones), 1),
        "four_clients_tps": round(statistics.median(fours), 1),
    }


async def engine_gain(prompts: list[str], max_tokens: int, rounds: int) -> dict[str, Any]:
    """In process, no HTTP: BatchedEngine with 4 concurrent streams ÷ Engine one at a time."""
    from edgekit.local import Engine, EngineConfig, GenerationParams
    from edgekit.local.batched import BatchedEngine

    params = GenerationParams(max_tokens=max_tokens)

    async def run(engine: Any, concurrent: bool) -> float:
        async def one(prompt: str) -> int:
            msgs = [{"role": "user", "content": prompt}]
            return len([ev async for ev in engine.astream_chat(msgs, params)])

        start = time.perf_counter()
        if concurrent:
            tokens = sum(await asyncio.gather(*(one(p) for p in prompts)))
        else:
            tokens = sum([await one(p) for p in prompts])
        return tokens / (time.perf_counter() - start)

    gains, same = [], []
    with Engine(EngineConfig()) as single, BatchedEngine(EngineConfig(), slots=4) as batched:
        await run(single, False)  # warm
        await run(batched, True)
        for _ in range(rounds):
            together = await run(batched, True)
            gains.append(together / await run(single, False))
            same.append(together / await run(batched, False))
        choices = batched.thread_choices
    return {
        "engine_batch_gain": round(statistics.median(gains), 3),
        "engine_batch_gain_same_engine": round(statistics.median(same), 3),
        "engine_thread_choices": {f"<={2**k - 1}": t for k, t in choices.items()},
    }


def raw_anchor(model: Path, steps: int = 48, suffix: str = "") -> dict[str, Any]:
    """llama.cpp alone (its C API, like ``batched-bench``): 4 sequences per step ÷ 1."""
    from edgekit.local import _llama

    lc = _llama.lib()  # llama.cpp with its log routed to logging (quiet)
    mparams = lc.llama_model_default_params()
    handle = lc.llama_model_load_from_file(str(model).encode(), mparams)
    cpus = len(os.sched_getaffinity(0))
    ms: dict[tuple[int, int], float] = {}
    try:
        for threads in sorted({1, cpus}):
            for n_seq in (1, 4):
                ms[n_seq, threads] = raw_step_ms(lc, handle, n_seq, threads, steps)
    finally:
        lc.llama_model_free(handle)
    decode, batch = max(1, cpus // 2), cpus  # the engine's default n_threads, n_threads_batch
    out: dict[str, Any] = {
        f"anchor_raw_step_ms_{n}seq_{t}t{suffix}": round(v, 2) for (n, t), v in ms.items()
    }
    for t in sorted({1, cpus}):
        out[f"anchor_raw_gain_{t}t{suffix}"] = round(4 * ms[1, t] / ms[4, t], 3)
    out[f"anchor_raw_gain_llama_defaults{suffix}"] = round(4 * ms[1, decode] / ms[4, batch], 3)
    return out


def raw_step_ms(lc: Any, model: Any, n_seq: int, threads: int, steps: int) -> float:
    """Median ms of a decode step of ``n_seq`` sequences (after a 32-token prompt each)."""
    params = lc.llama_context_default_params()
    params.n_ctx, params.n_batch, params.n_ubatch = 512 * n_seq, 512, 512
    params.n_seq_max, params.kv_unified = n_seq, False
    params.n_threads = params.n_threads_batch = threads
    params.flash_attn_type = lc.LLAMA_FLASH_ATTN_TYPE_DISABLED
    ctx = lc.llama_init_from_model(model, params)
    batch = lc.llama_batch_init(512, 0, 1)

    def decode(entries: list[tuple[int, int, int, bool]]) -> float:
        for i, (token, pos, seq, out) in enumerate(entries):
            batch.token[i], batch.pos[i], batch.n_seq_id[i] = token, pos, 1
            batch.seq_id[i][0], batch.logits[i] = seq, out
        batch.n_tokens = len(entries)
        start = time.perf_counter()
        if lc.llama_decode(ctx, batch) != 0:
            raise RuntimeError("llama_decode failed")
        return time.perf_counter() - start

    try:
        decode([(100 + j, j, s, j == 31) for s in range(n_seq) for j in range(32)])
        times = [decode([(200, 32 + i, s, True) for s in range(n_seq)]) for i in range(steps)]
    finally:
        lc.llama_batch_free(batch)
        lc.llama_free(ctx)
    return statistics.median(times[4:]) * 1000


async def stress(base_url: str, clients: int, duration_s: float) -> dict[str, Any]:
    """``clients`` loops asking until the time is up; counts answers, 429s and errors."""
    counts = {"answered": 0, "rate_limited": 0, "errors": 0}
    latencies: list[float] = []
    kinds: dict[str, int] = {}
    stop_at = time.monotonic() + duration_s

    async def loop(i: int) -> None:
        http = openai.AsyncOpenAI(base_url=base_url, api_key="unused", max_retries=0, timeout=600)
        while time.monotonic() < stop_at:
            start = time.perf_counter()
            try:
                done = await http.chat.completions.create(
                    model="edgekit:local",
                    max_tokens=16,
                    temperature=0.0,
                    messages=[{"role": "user", "content": PROMPTS[i % len(PROMPTS)]}],
                    extra_headers={"X-EdgeKit-App": f"app{i}"},
                )
            except openai.RateLimitError as exc:
                counts["rate_limited"] += 1
                await asyncio.sleep(float(exc.response.headers.get("retry-after", "1")))
                continue
            except Exception as exc:
                counts["errors"] += 1
                kinds[type(exc).__name__] = kinds.get(type(exc).__name__, 0) + 1
                continue
            if done.choices[0].message.content:
                counts["answered"] += 1
                latencies.append(time.perf_counter() - start)
            else:
                counts["errors"] += 1
        await http.close()

    await asyncio.gather(*(loop(i) for i in range(clients)))
    latencies.sort()
    return {
        **counts,
        "error_kinds": kinds,
        "p50_s": round(latencies[len(latencies) // 2], 2) if latencies else None,
        "p99_s": round(latencies[int(len(latencies) * 0.99)], 2) if latencies else None,
    }


# --- servers ---------------------------------------------------------------------------


class Server:
    """A server subprocess, stopped with SIGTERM."""

    def __init__(self, argv: list[str], log: Path, env: dict[str, str]) -> None:
        self.log = log
        with log.open("wb") as fh:
            self.proc = subprocess.Popen(argv, stdout=fh, stderr=subprocess.STDOUT, env=env)

    def wait_for(self, marker: str, timeout: float = 300.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in self.log.read_text(errors="replace").splitlines():
                if marker in line:
                    return line
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {self.log.read_text()[-2000:]}")
            time.sleep(0.2)
        raise RuntimeError("server did not start in time")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_edgekit(work: Path, n_threads: int | None = None) -> tuple[Server, str]:
    """``edgekit serve`` as a user starts it; ``n_threads`` pins its engine's threads."""
    name = "default" if n_threads is None else f"pinned{n_threads}"
    config = work / f"serve-{name}.toml"
    engine = "" if n_threads is None else f"[engine]\nn_threads = {n_threads}\n"
    config.write_text(
        "[serve]\nport = 0\nparallel = 4\nmax_queue = 16\nmax_tokens_limit = 512\n"
        '[privacy]\nner = "off"\n' + engine
    )
    (work / name).mkdir(exist_ok=True)
    env = {**os.environ, "EDGEKIT_STATE_DIR": str(work / name)}
    exe = Path(sys.executable).parent / "edgekit"
    server = Server([str(exe), "serve", "--config", str(config)], work / f"{name}.log", env)
    line = server.wait_for("edgekit serve: listening on ")
    return server, line.rsplit(" ", 1)[1] + "/v1"


def start_anchor(work: Path, model: Path) -> tuple[Server, str] | None:
    try:
        import llama_cpp.server.app  # noqa: F401
    except ImportError:
        return None
    cpus = len(os.sched_getaffinity(0))
    port = free_port()
    argv = [
        sys.executable,
        "-m",
        "llama_cpp.server",
        "--model",
        str(model),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--n_ctx",
        "2048",
        "--n_threads",
        str(max(1, cpus // 2)),
        "--n_threads_batch",
        str(cpus),
        "--verbose",
        "false",
    ]
    server = Server(argv, work / "anchor.log", dict(os.environ))
    server.wait_for("Uvicorn running on")
    return server, f"http://127.0.0.1:{port}/v1"


def readyz(base_url: str) -> dict[str, Any]:
    with urllib.request.urlopen(base_url.removesuffix("/v1") + "/readyz", timeout=10) as resp:
        answer: dict[str, Any] = json.load(resp)
    return answer


def loadavg() -> float:
    return round(os.getloadavg()[0], 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--quick", action="store_true", help="fewer prompts, a 15 s stress run")
    parser.add_argument("--duration", type=float, default=60.0, help="stress seconds")
    parser.add_argument("--max-tokens", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=2, help="concurrency rounds")
    parser.add_argument("--ttft-reps", type=int, default=100, help="time-to-first-token pairs")
    parser.add_argument("--no-anchor", action="store_true", help="skip llama_cpp.server")
    parser.add_argument(
        "--anchor-model",
        action="append",
        default=[],
        metavar="NAME",
        help="also measure llama.cpp's raw batch gain on this model (repeatable)",
    )
    args = parser.parse_args()
    prompts = PROMPTS[:4] if args.quick else PROMPTS
    duration = 15.0 if args.quick else args.duration
    from edgekit.local.models import DEFAULT_EDGE_MODEL, resolve_model

    model = resolve_model(DEFAULT_EDGE_MODEL)
    result: dict[str, Any] = {
        "cpus": len(os.sched_getaffinity(0)),
        "loadavg_start": loadavg(),
        "max_tokens": args.max_tokens,
    }
    result.update(raw_anchor(model))
    for name in args.anchor_model:  # another quantization: does batching pay there?
        result.update(raw_anchor(resolve_model(name), suffix=f"_{name}"))
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        decode_threads = max(1, len(os.sched_getaffinity(0)) // 2)
        server, url = start_edgekit(work, decode_threads)  # same threads on both sides
        try:
            result.update(
                asyncio.run(
                    compare_single(url, prompts, args.max_tokens, args.ttft_reps, decode_threads)
                )
            )
        finally:
            server.stop()
        server, url = start_edgekit(work)  # as users run it
        try:
            ours = asyncio.run(
                gain(url, "edgekit:local", PROMPTS[:4], args.max_tokens, args.rounds)
            )
            result["concurrent_throughput_gain"] = ours["gain"]
            result["one_client_tps"] = ours["one_client_tps"]
            result["four_clients_tps"] = ours["four_clients_tps"]
            result["serve_thread_choices"] = readyz(url)["batch_threads"]
            load = asyncio.run(stress(url, 16, duration))
        finally:
            server.stop()
        result.update(
            {
                "errors": load["errors"],
                "rate_limited": load["rate_limited"],
                "stress_answered": load["answered"],
                "stress_seconds": duration,
                "stress_error_kinds": load["error_kinds"],
                "stress_p50_s": load["p50_s"],
                "stress_p99_s": load["p99_s"],
            }
        )
        result.update(asyncio.run(engine_gain(PROMPTS[:4], args.max_tokens, args.rounds)))
        anchor = None if args.no_anchor else start_anchor(work, model)
        if anchor is None:
            result["anchor_llama_cpp_server_gain"] = None
        else:
            try:
                theirs = asyncio.run(
                    gain(anchor[1], "anchor", PROMPTS[:4], args.max_tokens, args.rounds)
                )
            finally:
                anchor[0].stop()
            result["anchor_llama_cpp_server_gain"] = theirs["gain"]
            result["anchor_one_client_tps"] = theirs["one_client_tps"]
            result["anchor_four_clients_tps"] = theirs["four_clients_tps"]
    result["loadavg_end"] = loadavg()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
