"""What the cloud client costs on top of the wire, and what a poor link does to it.

Everything runs against one EmbeddedGateway (echo backend, so the model costs
nothing) on loopback, measured side by side in one run, interleaved, medians:

* ``plain_chat_ms`` / ``ohttp_chat_ms`` – one short chat completion in clear
  vs. inside Oblivious HTTP (HPKE + device signature + BHTTP), same client.
* ``ohttp_overhead_ratio`` – ``ohttp_chat_ms / plain_chat_ms``.
* ``plain_request_bytes`` / ``ohttp_request_bytes`` – body bytes that left.
* ``ohttp_stream_first_delta_ms`` / ``ohttp_stream_total_ms`` – a 64-word
  answer streamed as chunked OHTTP (gateway echo delay 2 ms per word): the
  first delta arrives long before the end.
* ``shaped_4g_chat_ms`` – the encrypted chat through ``LinkShaper`` set to a
  Raspberry Pi on 4G (60 ms RTT, 10 Mbit/s down, 3 Mbit/s up);
  ``shaped_4g_rtt_ms`` – the client's own RTT estimate on that link.
* ``sse_parse_mb_s`` – the SSE + OpenAI chunk decoder over a 1 MiB stream fed
  in 1 KiB pieces.

Usage: ``python benchmarks/transport.py [--quick]``; the last line is JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from cloud_gateway.backends.echo import EchoBackend
from cloud_gateway.config import config_from_mapping
from cloud_gateway.embedded import EmbeddedGateway
from edgekit.transport import (
    AiohttpTransport,
    ChatStreamDecoder,
    CloudClient,
    CloudConfig,
    LinkShaper,
)

MESSAGES = [{"role": "user", "content": "summarise the meeting notes in three short bullet points"}]
LONG = [{"role": "user", "content": " ".join(f"word{i}" for i in range(64))}]


def _ms(values: list[float]) -> float:
    return round(statistics.median(values) * 1000, 3)


async def _measure(
    gateway: EmbeddedGateway, stream_gateway: EmbeddedGateway, key_dir: Path, rounds: int
) -> dict[str, float]:
    pin = hashlib.sha256(gateway.key_configs).hexdigest()
    common = {"device_key_path": key_dir / "device.key"}
    plain_cfg = CloudConfig(url=gateway.url, encrypt=False, **common)  # type: ignore[arg-type]
    ohttp_cfg = CloudConfig(url=gateway.url, key_config_pin=pin, **common)  # type: ignore[arg-type]
    stream_cfg = CloudConfig(
        url=stream_gateway.url,
        key_config_pin=hashlib.sha256(stream_gateway.key_configs).hexdigest(),
        **common,  # type: ignore[arg-type]
    )
    shaped = LinkShaper(AiohttpTransport(), latency_ms=60, bandwidth_mbit=10, upload_mbit=3)
    plain_t: list[float] = []
    ohttp_t: list[float] = []
    first_t: list[float] = []
    stream_t: list[float] = []
    shaped_t: list[float] = []
    sizes: dict[str, int] = {}
    async with (
        CloudClient(plain_cfg) as plain,
        CloudClient(ohttp_cfg) as sealed,
        CloudClient(stream_cfg) as streamer,
        CloudClient(ohttp_cfg, transport=shaped) as far,
    ):
        for client in (plain, sealed, streamer, far):  # warm pools, keys, device key
            await client.chat(MESSAGES, max_tokens=32)
        for _ in range(rounds):
            done = await plain.chat(MESSAGES, max_tokens=32)
            plain_t.append(done.latency_s)
            sizes["plain"] = done.request_bytes
            done = await sealed.chat(MESSAGES, max_tokens=32)
            ohttp_t.append(done.latency_s)
            sizes["ohttp"] = done.request_bytes
        for _ in range(max(3, rounds // 10)):
            start = time.perf_counter()
            stream = streamer.stream_chat(LONG, max_tokens=128)
            first = None
            async for _delta in stream:
                if first is None:
                    first = time.perf_counter() - start
            stream_t.append(time.perf_counter() - start)
            first_t.append(first or 0.0)
            shaped_t.append((await far.chat(MESSAGES, max_tokens=32)).latency_s)
            await far.health()
        rtt = far.link.rtt_s
    await shaped.aclose()
    return {
        "plain_chat_ms": _ms(plain_t),
        "ohttp_chat_ms": _ms(ohttp_t),
        "ohttp_overhead_ratio": round(statistics.median(ohttp_t) / statistics.median(plain_t), 3),
        "plain_request_bytes": sizes["plain"],
        "ohttp_request_bytes": sizes["ohttp"],
        "ohttp_stream_first_delta_ms": _ms(first_t),
        "ohttp_stream_total_ms": _ms(stream_t),
        "shaped_4g_chat_ms": _ms(shaped_t),
        "shaped_4g_rtt_ms": round((rtt or 0.0) * 1000, 3),
    }


def _sse_throughput(megabytes: int) -> float:
    event = (
        b'data: {"object":"chat.completion.chunk","choices":[{"index":0,'
        b'"delta":{"content":"token "},"finish_reason":null}]}\n\n'
    )
    stream = event * (megabytes * 1024 * 1024 // len(event))
    decoder = ChatStreamDecoder()
    start = time.perf_counter()
    n = 0
    for i in range(0, len(stream), 1024):
        n += len(decoder.feed(stream[i : i + 1024]))
    elapsed = time.perf_counter() - start
    assert n == len(stream) // len(event)
    return round(len(stream) / elapsed / 1e6, 2)


def _gateway(echo_delay_s: float) -> EmbeddedGateway:
    config = config_from_mapping(
        {
            "plaintext_api": True,
            "auth": {"open_enrolment": True},
            "backend": {"kind": "echo"},
            "limits": {"rate_per_s": 100000.0, "rate_burst": 100000},
        },
        environ={},
    )
    return EmbeddedGateway(config, backend=EchoBackend(delay_s=echo_delay_s))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds (smoke run)")
    args = parser.parse_args()
    rounds = 20 if args.quick else 200
    with (
        _gateway(0.0) as gateway,
        _gateway(0.002) as stream_gateway,
        tempfile.TemporaryDirectory() as tmp,
    ):
        result: dict[str, object] = asyncio.run(
            _measure(gateway, stream_gateway, Path(tmp), rounds)
        )
    result["sse_parse_mb_s"] = _sse_throughput(1 if args.quick else 8)
    result["rounds"] = rounds
    result["quick"] = args.quick
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
