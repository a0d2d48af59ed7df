"""Answers through EdgeKit's public client: ``AsyncEdgeClient`` on a ``LoopThread``.

The app drives the async client on the same loop-thread helper ``EdgeClient``
uses, because it owns the cloud client: it reads the link's statistics for
``/stats``, probes the gateway after ``/online``, and stores the gateway's key
pin. The main thread waits for each streamed piece in short polls, so the UI
can show a progress bar while an escalation waits for the embedded gateway.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import time
from collections.abc import Coroutine, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from edgekit.app.answer import Answer, LinkInfo
from edgekit.app.events import EventSink, Notice, Piece, Waiting
from edgekit.app.gateway import GatewayHandle
from edgekit.app.link import PLACEHOLDER_URL, AppTransport
from edgekit.app.linkinfo import summarize_key_configs
from edgekit.app.options import AppOptions, RouteMode, thread_split
from edgekit.app.pins import load_pins, read_pins, write_pins
from edgekit.client import AsyncEdgeClient, ChatStream, ClientConfig, LoopThread
from edgekit.client import Piece as RoutedPiece
from edgekit.config import from_mapping
from edgekit.errors import CloudError, ConfigError, EdgeKitError
from edgekit.local.config import EngineConfig
from edgekit.local.engine import Engine
from edgekit.privacy import PrivacyConfig
from edgekit.routing.decision import RouteDecision, Strategy
from edgekit.transport import AiohttpTransport, CloudClient, CloudConfig
from edgekit.transport.errors import KeyConfigPinError

T = TypeVar("T")
_POLL_S = 0.1
#: How long start-up waits for a remote gateway's keys before the prompt shows.
#: A slower gateway is checked again on the first escalation.
STARTUP_KEY_WAIT_S = 3.0


@dataclass(frozen=True, kw_only=True)
class _Cloud:
    client: CloudClient
    transport: AppTransport
    gateway_label: str
    pin_path: Path | None


def engine_config(options: AppOptions) -> EngineConfig:
    """The engine's configuration: the app's choices, then ``EDGEKIT_ENGINE_*`` overrides."""
    chosen: dict[str, object] = {"model": options.model, "overflow": "truncate_left"}
    device_threads, _ = thread_split(options)
    if device_threads is not None:
        chosen["n_threads"] = device_threads
    return from_mapping(EngineConfig, chosen, env_prefix="EDGEKIT_ENGINE_")


class ClientResponder:
    """Routes each question with EdgeKit's client; see the module docstring."""

    def __init__(self, options: AppOptions, gateway: GatewayHandle | None) -> None:
        self._options = options
        self._gateway = gateway
        self._auto: Strategy = "handoff" if options.strategy == "handoff" else "cascade"
        self._loop = LoopThread("edgekit-app-client")
        self._engine: Engine | None = None
        self._cloud: _Cloud | None = None
        try:
            self._engine = Engine(engine_config(options))
            self._cloud = self._make_cloud()
            self._client = self._run(self._build_client())
        except BaseException:
            self.close()
            raise
        self._prewarm: concurrent.futures.Future[None] | None = None
        if self._gateway is not None and self._cloud is not None:
            self._prewarm = self._loop.submit(_prewarm(self._gateway, self._cloud))

    # --- set-up -------------------------------------------------------------------

    def _make_cloud(self) -> _Cloud | None:
        opts = self._options
        if self._gateway is not None:
            transport = AppTransport(
                AiohttpTransport(), endpoint=self._gateway, wait_s=opts.gateway_wait_s
            )
            config = CloudConfig(url=PLACEHOLDER_URL)
            return _Cloud(
                client=CloudClient(config, transport=transport),
                transport=transport,
                gateway_label="embedded",
                pin_path=None,
            )
        if opts.gateway_url is None:
            return None
        pin_path, pins = load_pins(opts.gateway_url, opts.pin_file, repin=opts.repin)
        transport = AppTransport(AiohttpTransport())
        config = CloudConfig(url=opts.gateway_url, key_config_pin=pins or None)
        return _Cloud(
            client=CloudClient(config, transport=transport),
            transport=transport,
            gateway_label=opts.gateway_url,
            pin_path=pin_path,
        )

    async def _build_client(self) -> AsyncEdgeClient:
        opts = self._options
        config = ClientConfig(
            strategy=self._auto,
            threshold=opts.threshold,
            max_tokens=opts.max_tokens,
            privacy=PrivacyConfig(preset=opts.privacy),
        )
        cloud = None if self._cloud is None else self._cloud.client
        return AsyncEdgeClient(config, engine=self._engine, cloud=cloud)

    def check_gateway_keys(self) -> str | None:
        """Fetch a remote gateway's key configuration now, check it against the pins, store them.

        Returns a warning when the gateway cannot be reached, or presents keys
        that are not pinned: the app then answers on the device (a pin
        mismatch never stops local answers).
        """
        cloud = self._cloud
        if cloud is None or cloud.pin_path is None or self._options.start_offline:
            return None
        try:
            self._run(asyncio.wait_for(cloud.client.refresh_key_config(), STARTUP_KEY_WAIT_S))
        except TimeoutError:
            return (
                f"the gateway has not sent its keys within {STARTUP_KEY_WAIT_S:g} s; "
                "answering on the device until it does"
            )
        except KeyConfigPinError:
            return (
                "the gateway presents keys this device has not pinned (a rotation it "
                "missed, or an interception); answering on the device. If the gateway "
                "rotated its keys on purpose, run again with --repin"
            )
        except (CloudError, EdgeKitError) as exc:
            return f"gateway unreachable for now ({type(exc).__name__}); answering on the device"
        self._store_pin()
        return None

    def _store_pin(self) -> None:
        cloud = self._cloud
        if cloud is None or cloud.pin_path is None:
            return
        pins = cloud.client.key_pins
        if pins and read_pins(cloud.pin_path) != pins:
            write_pins(cloud.pin_path, pins)

    # --- answering ------------------------------------------------------------------

    def _strategy(self, route: RouteMode) -> Strategy:
        if self._cloud is None or route == "local":
            return "local_only"
        if route == "cloud":
            return "cloud_only"
        return self._auto

    def respond(
        self,
        messages: Sequence[Mapping[str, str]],
        *,
        route: RouteMode,
        offline: bool,
        on_event: EventSink,
    ) -> Answer:
        if route == "cloud" and self._cloud is None:
            raise ConfigError("no gateway configured (--no-gateway): /route cloud is unavailable")
        stream = self._client.stream_chat(messages, strategy=self._strategy(route))
        watch = _Watch(self._cloud.transport if self._cloud else None, self._gateway, on_event)
        start = time.perf_counter()
        try:
            while (
                piece := self._loop.run(_next(stream), on_wait=watch.tick, poll_s=_POLL_S)
            ) is not None:
                watch.piece(piece)
        except BaseException:
            # Stop the generation (local or cloud); the stream may already be finishing.
            with contextlib.suppress(RuntimeError, EdgeKitError):
                self._run(stream.aclose())
            raise
        wall = time.perf_counter() - start
        self._store_pin()
        return self._answer(stream, watch, wall=wall, start=start)

    def _answer(self, stream: ChatStream, watch: _Watch, *, wall: float, start: float) -> Answer:
        decision: RouteDecision = stream.decision
        stages = decision.latency_s
        if decision.route in ("cloud", "handoff"):
            tokens, rate = watch.cloud_pieces, watch.cloud_rate()
        else:
            busy = stages.get("local", 0.0) + stages.get("fallback", 0.0)
            tokens = decision.local_tokens
            rate = tokens / busy if tokens > 1 and busy > 0 else None
        return Answer(
            text=stream.text,
            decision=decision.as_dict(),
            masked=dict(decision.entity_counts),
            latency_s=stages.get("total", wall),
            ttft_s=None if watch.first_piece_at is None else watch.first_piece_at - start,
            tokens=tokens,
            tokens_per_s=rate,
            link=self._link_info() if decision.route != "local" else None,
        )

    def _link_info(self) -> LinkInfo | None:
        cloud = self._cloud
        if cloud is None:
            return None
        raw = cloud.transport.key_configs
        if raw is None and self._gateway is not None:
            raw = self._gateway.key_configs
        summary = None if raw is None else summarize_key_configs(raw)
        pins = cloud.client.key_pins
        return LinkInfo(
            encrypted=cloud.client.config.encrypt,
            suite="" if summary is None else summary.suite,
            key_id=None if summary is None else summary.key_id,
            pinned=bool(pins) and (summary is None or summary.sha256 in pins),
            gateway=cloud.gateway_label,
        )

    # --- link ------------------------------------------------------------------------

    def set_offline(self, offline: bool) -> None:
        cloud = self._cloud
        if cloud is None:
            return
        cloud.transport.set_offline(offline)
        gateway_up = self._gateway is None or self._gateway.url is not None
        if not offline and gateway_up:
            # A successful probe closes the circuit the outage opened.
            self._run(cloud.client.health())

    def describe_link(self) -> str:
        """One line about the link's protection, for the banner and 'gateway ready'."""
        info = self._link_info()
        if info is None:
            return "no gateway"
        if not info.encrypted:
            return "PLAINTEXT link"
        text = f"OHTTP {info.suite}".strip() if info.suite else "OHTTP"
        if info.key_id is not None:
            text += f" · key {info.key_id}"
        pins = sorted(self._cloud.client.key_pins) if self._cloud else []
        if pins:
            more = f" +{len(pins) - 1}" if len(pins) > 1 else ""
            text += f" · pinned sha256:{pins[0][:12]}…{more}"
        return text

    def link_stats(self) -> dict[str, Any] | None:
        cloud = self._cloud
        if cloud is None:
            return {"gateway": "none (local only)"}
        link = cloud.client.link
        rtt = cloud.transport.rtt_s
        return {
            "gateway": cloud.gateway_label,
            "link": "down (simulated)" if cloud.transport.offline else "up",
            "protection": self.describe_link(),
            "rtt": "—" if rtt is None else f"{rtt * 1000:.1f} ms",
            "circuit": link.circuit.value,
            "recent_failures": link.recent_failures,
            "requests_sent": cloud.transport.sent,
            "requests_refused_offline": cloud.transport.refused,
        }

    # --- lifecycle -------------------------------------------------------------------

    def _run(self, coro: Coroutine[Any, Any, T]) -> T:
        return self._loop.run(coro)

    def close(self) -> None:
        if self._loop.closed:
            return
        prewarm = getattr(self, "_prewarm", None)
        if prewarm is not None:
            prewarm.cancel()
            with contextlib.suppress(
                concurrent.futures.CancelledError, concurrent.futures.TimeoutError
            ):
                prewarm.result(timeout=5)
        client = getattr(self, "_client", None)
        try:
            if client is not None:
                self._run(client.aclose())
            if self._cloud is not None:
                self._run(self._cloud.client.aclose())
                self._run(self._cloud.transport.aclose())
        finally:
            if self._engine is not None:
                self._engine.close()
            self._loop.close()


class _Watch:
    """Follows one answer from the main thread: says when it escalates, shows gateway waits.

    The router decides inside the client; the app sees the consequences on
    its transport (a request leaves, or waits for the embedded gateway) and
    reports them as they happen rather than only in the final status line.
    """

    def __init__(
        self, transport: AppTransport | None, gateway: GatewayHandle | None, on_event: EventSink
    ) -> None:
        self._transport = transport
        self._gateway = gateway
        self._on_event = on_event
        self._posts_before = 0 if transport is None else transport.posts
        self._failures_before = 0 if transport is None else transport.failures
        self._cloud_started = False
        self._fell_back = False
        self._pieces = 0
        self.cloud_pieces = 0
        self.first_piece_at: float | None = None
        self._cloud_first: float | None = None
        self._cloud_last: float | None = None

    def tick(self) -> None:
        transport = self._transport
        if transport is None:
            return
        if not self._cloud_started and (
            transport.waiting_for_gateway
            or transport.posts > self._posts_before
            or transport.failures > self._failures_before
        ):
            self._cloud_started = True
            if self._pieces:
                self._on_event(
                    Notice(
                        "handoff",
                        "confidence dropped mid-answer: the gateway "
                        "continues it (masked, OHTTP-encrypted)",
                    )
                )
            else:
                self._on_event(Notice("escalating", "asking the gateway (masked, OHTTP-encrypted)"))
        if transport.waiting_for_gateway and self._gateway is not None:
            self._on_event(Waiting(self._gateway.status()))
        if not self._fell_back and transport.failures > self._failures_before:
            self._fell_back = True
            self._on_event(Notice("fallback", "the gateway is unreachable: the device answers"))

    def piece(self, piece: RoutedPiece) -> None:
        self.tick()
        now = time.perf_counter()
        self.first_piece_at = self.first_piece_at or now
        self._pieces += 1
        if piece.source == "cloud":
            self.cloud_pieces += 1
            self._cloud_first = self._cloud_first or now
            self._cloud_last = now
        self._on_event(Piece(piece.text, "answer"))

    def cloud_rate(self) -> float | None:
        """Streamed pieces (≈ tokens) per second, from the first cloud piece to the last."""
        if self._cloud_first is None or self._cloud_last is None or self.cloud_pieces < 2:
            return None
        span = self._cloud_last - self._cloud_first
        return (self.cloud_pieces - 1) / span if span > 0 else None


async def _prewarm(gateway: GatewayHandle, cloud: _Cloud) -> None:
    """Once the embedded gateway is up, fetch (and pin) its keys before an escalation must."""
    while not gateway.settled():
        await asyncio.sleep(0.2)
    if gateway.url is None or cloud.transport.offline:
        return
    with contextlib.suppress(EdgeKitError):
        await cloud.client.refresh_key_config()


async def _next(stream: ChatStream) -> RoutedPiece | None:
    try:
        return await stream.next_piece()
    except StopAsyncIteration:
        return None
