"""Model state across the link: KV hand-off and speculative decoding, side by side.

A real gateway on loopback (embedded, OHTTP-encrypted) behind LinkShaper at
100 Mbit/s and 20 ms RTT; the device runs the default edge model, and so does
the gateway's state/verify side (the same GGUF on both ends).

* KV hand-off: TTFT of a cold local prefill of a ~1,500-token document prompt
  versus TTFT when the gateway serves the int8 state from its prefix cache
  (fetch + decode + restore + first token). ``kv_ttft_speedup`` is the split
  hand-off the client picks (it prefills the prompt's start while the state of
  the rest arrives, cut where the two take as long, from the measured link and
  local speed); ``kv_ttft_speedup_whole`` fetches the whole state. Also the
  state sizes and how many of 64 greedy tokens match a local run with int8
  states (split and whole) and lossless ones.
* Speculative decoding: cloud tokens per verify round trip and exactness
  against the cloud model's greedy output.

Usage: python benchmarks/state_collab.py [--quick]. The last line is JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from edgekit.local import Engine, EngineConfig, GenerationParams
from edgekit.state import PrefillOffloader, SpeculativeDecoder
from edgekit.transport import AiohttpTransport, CloudClient, CloudConfig, LinkShaper

RTT_MS = 20.0
MBIT = 100.0
SECTIONS = [
    "The harbour authority publishes these rules for all vessels using the port.",
    "Vessels longer than twelve metres report to the harbour master before entering.",
    "Fuel is taken on only at the east quay between six in the morning and eight at night.",
    "Waste oil is collected on Tuesdays; bilge water may not be pumped inside the breakwater.",
    "Moorings are assigned for a season and may not be sublet or exchanged privately.",
    "Speed inside the harbour is limited to three knots; wash must be kept to a minimum.",
    "Divers must fly flag A and notify the harbour office an hour before entering the water.",
    "Visiting yachts pay dues at the office within two hours of arrival, cash or card.",
]
QUESTIONS = [
    f"Question: {q}\nAnswer:"
    for q in (
        "where and when may vessels take on fuel?",
        "what must divers do before entering the water?",
        "summarise the rules on moorings.",
        "what is the speed limit inside the harbour?",
        "when is waste oil collected?",
        "who must report to the harbour master?",
        "how do visiting yachts pay their dues?",
        "may bilge water be pumped inside the breakwater?",
        "what flag must divers fly?",
        "can moorings be sublet?",
    )
]
SPEC_PROMPTS = [
    "Once upon a time, in a small village by the sea, there lived",
    "The three most important rules of writing clear code are",
    'def quicksort(items):\n    """Sort a list with quicksort."""\n',
]


def document(n_tokens: int, engine: Engine) -> str:
    parts: list[str] = []
    i = 0
    while len(engine.tokenize(" ".join(parts))) < n_tokens:
        parts.append(f"§{i + 1}. {SECTIONS[i % len(SECTIONS)]}")
        i += 1
    return "Harbour regulations.\n" + "\n".join(parts) + "\n\n"


def start_gateway() -> Any:
    from cloud_gateway.backends.echo import EchoBackend
    from cloud_gateway.config import config_from_mapping
    from cloud_gateway.embedded import EmbeddedGateway

    os.environ.setdefault("EDGEKIT_GATEWAY_STATE_MODELS", "smollm2-135m")
    os.environ.setdefault("EDGEKIT_GATEWAY_STATE_VERIFY_MODELS", "smollm2-135m")
    config = config_from_mapping(
        {
            "auth": {"open_enrolment": True},
            "backend": {"kind": "echo"},
            "limits": {"rate_per_s": 1000.0, "rate_burst": 1000, "request_timeout_s": 600.0},
        },
        environ={},
    )
    return EmbeddedGateway(config, backend=EchoBackend())


def cloud_client(gw: Any, key_dir: Path) -> tuple[CloudClient, LinkShaper]:
    config = CloudConfig(
        url=gw.url,
        key_config_pin=hashlib.sha256(gw.key_configs).hexdigest(),
        device_key_path=key_dir / "device.key",
    )
    shaper = LinkShaper(AiohttpTransport(), latency_ms=RTT_MS, bandwidth_mbit=MBIT)
    return CloudClient(config, transport=shaper), shaper


async def _timed_handoff(
    offloader: PrefillOffloader, tokens: list[int], params: GenerationParams, split_at: int
) -> tuple[float, list[int]]:
    """TTFT of a hand-off (its encoding already cached on the gateway) and its token ids."""
    await offloader.complete(tokens, params, split_at=split_at)  # warms the gateway's cache
    offloader.engine.reset()
    t0 = time.perf_counter()
    events = offloader.astream(tokens, params, split_at=split_at)
    first = await anext(events)
    ttft = time.perf_counter() - t0
    return ttft, [first.token_id] + [ev.token_id async for ev in events]


async def kv_handoff(
    engine: Engine, cloud: CloudClient, doc_tokens: int, n_prompts: int, n_gen: int
) -> dict[str, Any]:
    doc = document(doc_tokens, engine)
    params = GenerationParams(max_tokens=n_gen)
    int8 = PrefillOffloader(engine, cloud, scheme="int8")
    lossless = PrefillOffloader(engine, cloud, scheme="lossless")
    ttft_local: list[float] = []
    ttft_split: list[float] = []
    ttft_whole: list[float] = []
    split_at: list[int] = []
    agree_int8: list[float] = []
    agree_whole: list[float] = []
    agree_lossless: list[float] = []
    ratio: list[float] = []
    state_bytes = 0
    prompt_tokens = 0
    lossless_ratio = 0.0
    for question in QUESTIONS[:n_prompts]:
        tokens = engine.tokenize(doc + question)
        prompt_tokens = len(tokens)
        engine.reset()
        local = engine.complete(doc + question, params)
        assert local.timings is not None
        ttft_local.append(local.timings.ttft_s)
        engine.reset()
        ttft, ids = await _timed_handoff(int8, tokens, params, 0)  # the whole state
        ttft_whole.append(ttft)
        agree_whole.append(_agreement(ids, local.token_ids))
        # The split the client picks from what it measured: the link (bandwidth of the
        # whole-state transfer) and its own prefill speed (the local run above).
        int8.local_prefill_tok_s = prompt_tokens / local.timings.ttft_s
        split_at.append(int8.split_point(prompt_tokens))
        engine.reset()
        ttft, ids = await _timed_handoff(int8, tokens, params, split_at[-1])
        ttft_split.append(ttft)
        agree_int8.append(_agreement(ids, local.token_ids))
        if len(agree_lossless) >= 3:  # lossless and sizes: three prompts are enough
            continue
        engine.reset()
        lossless.local_prefill_tok_s = int8.local_prefill_tok_s
        done, report = await lossless.complete(tokens, params)
        agree_lossless.append(_agreement(list(done.token_ids), local.token_ids))
        fetched, rep = await int8.fetch(tokens)
        if fetched is None or not rep.used:
            raise RuntimeError(f"hand-off failed: {rep.error}")
        state_bytes = rep.state_bytes
        ratio.append(rep.wire_bytes / rep.state_bytes)
        lossless_ratio = report.wire_bytes / max(report.state_bytes, 1)
    local_s = statistics.median(ttft_local)
    return {
        "kv_prompt_tokens": prompt_tokens,
        "kv_state_bytes": state_bytes,
        "kv_ttft_local_s": round(local_s, 4),
        "kv_local_prefill_tok_s": round(prompt_tokens / local_s, 1),
        "kv_ttft_handoff_s": round(statistics.median(ttft_split), 4),
        "kv_split_at": int(statistics.median(split_at)),
        "kv_ttft_speedup": round(local_s / statistics.median(ttft_split), 3),
        "kv_ttft_handoff_whole_s": round(statistics.median(ttft_whole), 4),
        "kv_ttft_speedup_whole": round(local_s / statistics.median(ttft_whole), 3),
        "kv_int8_ratio": round(statistics.mean(ratio), 4),
        "kv_lossless_ratio": round(lossless_ratio, 4),
        "kv_int8_greedy_agreement": round(statistics.mean(agree_int8), 4),
        "kv_int8_whole_greedy_agreement": round(statistics.mean(agree_whole), 4),
        "kv_lossless_greedy_agreement": round(statistics.mean(agree_lossless), 4),
        "kv_prompts": len(ttft_local),
    }


def _agreement(a: list[int], b: tuple[int, ...] | list[int]) -> float:
    n = max(len(a), len(b))
    return sum(x == y for x, y in zip(a, b, strict=False)) / n if n else 1.0


async def speculative(
    engine: Engine, cloud: CloudClient, n_prompts: int, n_gen: int
) -> dict[str, Any]:
    rounds = tokens = 0
    exact = True
    wall = 0.0
    for prompt in SPEC_PROMPTS[:n_prompts]:
        engine.reset()
        expected = engine.complete(prompt, GenerationParams(max_tokens=n_gen)).text
        engine.reset()
        result = await SpeculativeDecoder(engine, cloud, same_model=True).complete(prompt, n_gen)
        exact = exact and result.text == expected and result.fallback_error is None
        rounds += result.rounds
        tokens += result.cloud_tokens
        wall += result.total_s
    return {
        "spec_tokens_per_round": round(tokens / max(rounds, 1), 3),
        "spec_rounds": rounds,
        "spec_tokens_per_s": round(tokens / wall, 2) if wall else 0.0,
        "spec_exact": int(exact),
    }


async def run(quick: bool) -> dict[str, Any]:
    engine = Engine(EngineConfig(n_ctx=2048))
    gw = start_gateway()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            client, shaper = cloud_client(gw, Path(tmp))
            try:
                async with client as cloud:
                    await cloud.health()
                    kv = await kv_handoff(engine, cloud, 1500, 2 if quick else 10, 64)
                    spec = await speculative(engine, cloud, 2 if quick else 3, 32 if quick else 64)
            finally:
                await shaper.aclose()
    finally:
        gw.stop()
        engine.close()
    return {"link_mbit": MBIT, "link_rtt_ms": RTT_MS, "quick": quick, **kv, **spec}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="one document prompt, shorter runs")
    args = parser.parse_args()
    figures = asyncio.run(run(args.quick))
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
