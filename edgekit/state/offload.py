"""KV hand-off on the device: ask the gateway to prefill, restore its state, decode locally.

:func:`should_offload` decides from the measured link and the local prefill
speed; :class:`PrefillOffloader` runs request → streamed restore → local
decoding (split: the device prefills the prompt's start while the state of
the rest arrives, then joins the two), and on ANY failure of the hand-off
(gateway error, corrupt, truncated or mismatched state) prefills locally, so
the answer is always produced and always correct.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable, Generator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from edgekit._logging import get_logger
from edgekit.errors import (
    CloudError,
    CodecError,
    ConfigError,
    EdgeKitError,
    ProtocolError,
    StateError,
)
from edgekit.local.config import GenerationParams
from edgekit.local.types import Completion, TokenEvent
from edgekit.state.cells import join_cells
from edgekit.state.layout import LayoutError
from edgekit.state.wire import MEDIA_TYPE, Scheme, StateDecoder

if TYPE_CHECKING:
    from edgekit.local.engine import Engine
    from edgekit.transport.client import CloudClient
    from edgekit.transport.linkstats import LinkStats

log = get_logger(__name__)

PREFILL_PATH = "/v1/prefill"
MIN_OFFLOAD_TOKENS = 256
# Wire bytes per token of the default edge model's state, int8 + zstd (23 kB raw × 0.47).
DEFAULT_STATE_BYTES_PER_TOKEN = 11_000
DEFAULT_RESTORE_BYTES_PER_S = 400e6
SAFETY_MARGIN = 1.25
DEFAULT_LOCAL_PREFILL_TOK_S = 300.0  # SmolLM2-135M on two x86 cores
EXPLORE_MAX_RTT_S = 0.2
SPLIT_STEP = 32  # split points are tried every SPLIT_STEP tokens
MIN_SPLIT_TAIL = MIN_OFFLOAD_TOKENS  # a tail shorter than this is not worth a request
JOIN_BYTES_PER_S = 1e9  # joining the device's cells with the gateway's (numpy copies)
EXPLORE_MIN_TOKENS = 4 * MIN_OFFLOAD_TOKENS


def should_offload(
    prompt_tokens: int,
    link: LinkStats | None,
    local_prefill_tok_s: float,
    state_bytes_per_token: float,
    *,
    min_tokens: int = MIN_OFFLOAD_TOKENS,
    restore_bytes_per_s: float = DEFAULT_RESTORE_BYTES_PER_S,
    margin: float = SAFETY_MARGIN,
) -> tuple[bool, str]:
    """Whether fetching the prefilled state beats prefilling here, and why.

    Remote time = RTT + state bytes / bandwidth + decode-and-restore time
    (the gateway's own prefill is assumed cached or much faster); it must
    beat the local prefill time by ``margin``.
    """
    if prompt_tokens < min_tokens:
        return False, "short_prompt"
    if link is None or link.offline:
        return False, "offline"
    state_bytes = int(prompt_tokens * state_bytes_per_token)
    transfer = link.transfer_time_s(state_bytes)
    if transfer is None:
        return False, "link_unmeasured"
    remote = transfer + state_bytes / restore_bytes_per_s
    local = prompt_tokens / max(local_prefill_tok_s, 1e-6)
    if remote * margin < local:
        return True, "link_faster"
    return False, "link_too_slow"


@dataclass(frozen=True, kw_only=True)
class HandoffReport:
    """What happened to one hand-off attempt (``error`` is an exception class name)."""

    used: bool
    reason: str
    state_bytes: int = 0
    wire_bytes: int = 0
    fetch_s: float = 0.0
    restore_s: float = 0.0
    error: str | None = None
    split_at: int = 0


class PrefillOffloader:
    """Prefill on the gateway, decode on the device, local prefill on any failure.

    ``model_sha256`` (default: hashed from the engine's GGUF once) proves to
    the gateway which model the state must be for. ``local_prefill_tok_s``
    (the device's measured prompt speed) and the state bytes per token (learnt
    from each hand-off) feed :meth:`decide`.
    """

    def __init__(
        self,
        engine: Engine,
        cloud: CloudClient,
        *,
        scheme: Scheme = "int8",
        deadline_s: float | None = 60.0,
        max_state_bytes: int = 1 << 30,
        model_sha256: str | None = None,
        local_prefill_tok_s: float = DEFAULT_LOCAL_PREFILL_TOK_S,
        split: bool = True,
    ) -> None:
        self.engine = engine
        self.split = split
        self.cloud = cloud
        self.scheme = scheme
        self.deadline_s = deadline_s
        self.max_state_bytes = max_state_bytes
        self.model_sha256 = model_sha256
        self.local_prefill_tok_s = local_prefill_tok_s
        self.state_bytes_per_token: float = DEFAULT_STATE_BYTES_PER_TOKEN

    async def fetch(
        self, tokens: Sequence[int], from_pos: int = 0
    ) -> tuple[_Fetched | None, HandoffReport]:
        """The gateway's state (its cells from ``from_pos`` on) and last logits for ``tokens``.

        Never raises for a failed hand-off (gateway error, corrupt, truncated
        or foreign state): the report names the error class instead.
        """
        prefix = list(tokens)
        if not prefix:
            return None, HandoffReport(used=False, reason="short_prompt")
        t0 = time.perf_counter()
        try:
            digest = self.model_sha256 or await asyncio.to_thread(lambda: self.engine.info.sha256)
            decoder = StateDecoder(max_state_bytes=self.max_state_bytes)
            body: dict[str, object] = {
                "model_sha256": digest,
                "tokens": prefix,
                "scheme": self.scheme,
            }
            if from_pos:
                body["from_pos"] = from_pos
            stream = await self.cloud.post_inner(
                PREFILL_PATH, body, stream=True, deadline_s=self.deadline_s
            )
            async with stream:
                if stream.headers.get("content-type", "").split(";")[0] != MEDIA_TYPE:
                    raise StateError("gateway answered something other than a state stream")
                async for piece in stream:
                    decoder.feed(piece)
            state = decoder.result()
            if decoder.logits is None:
                raise StateError("the gateway sent no logits with the state")
            if (decoder.head or {}).get("from_pos", 0) != from_pos:
                raise StateError("the gateway sent the state of other positions")
        except (CloudError, ProtocolError, StateError, CodecError, EdgeKitError) as exc:
            return None, self._failed(exc, t0)
        self.state_bytes_per_token = decoder.received_bytes / (len(prefix) - from_pos)
        report = HandoffReport(
            used=True,
            reason="handoff",
            state_bytes=len(state),
            wire_bytes=decoder.received_bytes,
            fetch_s=time.perf_counter() - t0,
            split_at=from_pos,
        )
        return _Fetched(state, decoder.logits), report

    def _failed(self, exc: BaseException, t0: float) -> HandoffReport:
        log.warning("state hand-off failed (%s); prefilling locally", type(exc).__name__)
        return HandoffReport(
            used=False,
            reason="handoff_failed",
            error=type(exc).__name__,
            fetch_s=time.perf_counter() - t0,
        )

    def split_point(self, n_tokens: int) -> int:
        """Where to cut a prompt of ``n_tokens`` for a split hand-off; 0 for no cut.

        The device prefills ``tokens[:at]`` while the gateway's state of the
        rest arrives; ``at`` balances the two (measured link, local prefill
        speed, state bytes per token). Both sides evaluate the prompt in the
        same ``n_batch`` chunks, so the device's cells equal the gateway's at
        any cut, and a lossless split hand-off stays exactly the local answer.
        """
        link = self.cloud.link
        if not self.split or link is None or link.offline:
            return 0
        per_token = self.state_bytes_per_token
        best = link.transfer_time_s(int(n_tokens * per_token))
        if best is None:
            return 0
        local_s = 1.0 / max(self.local_prefill_tok_s, 1e-6)
        at = 0
        for cut in range(SPLIT_STEP, n_tokens - MIN_SPLIT_TAIL + 1, SPLIT_STEP):
            download = link.transfer_time_s(int((n_tokens - cut) * per_token)) or 0.0
            t = max(cut * local_s, download) + n_tokens * per_token / JOIN_BYTES_PER_S
            if t < best:
                at, best = cut, t
        return at

    async def _fetch_split(
        self, tokens: Sequence[int], at: int
    ) -> tuple[_Fetched | None, HandoffReport]:
        """Prefill ``tokens[:at]`` here while the state of the rest arrives; join the two.

        On a failure after the local part ran, the engine holds ``tokens[:at]``
        and a local prefill only evaluates the rest.
        """

        def prefill_head() -> tuple[bytes, npt.NDArray[np.float32]]:
            t0 = time.perf_counter()
            out = self.engine.prefill_state(list(tokens[:at]))
            self.local_prefill_tok_s = at / max(time.perf_counter() - t0, 1e-6)  # measured
            return out

        head = asyncio.create_task(asyncio.to_thread(prefill_head))
        local: tuple[bytes, npt.NDArray[np.float32]] | BaseException
        try:
            tail, report = await self.fetch(tokens, from_pos=at)
        finally:  # a thread cannot be cancelled: let it finish
            (local,) = await asyncio.gather(head, return_exceptions=True)
        if isinstance(local, BaseException):
            if not isinstance(local, EdgeKitError):
                raise local
            return None, self._failed(local, time.perf_counter())
        if tail is None:
            return None, report
        head_state, _ = local
        try:
            joined = await asyncio.to_thread(join_cells, head_state, tail.state)
        except LayoutError as exc:  # e.g. a sliding-window cache: never splittable
            log.warning("this model's state cannot be split; whole hand-offs from now on")
            self.split = False
            return None, self._failed(exc, time.perf_counter())
        except StateError as exc:
            return None, self._failed(exc, time.perf_counter())
        return _Fetched(joined, tail.logits), report

    def decide(self, n_tokens: int) -> tuple[bool, str]:
        """Whether to hand off a prompt of ``n_tokens`` now, from the measured link.

        Before the link's bandwidth was ever measured, one long prompt on a
        link with a known, short RTT is handed off to measure it ("explore").
        """
        link = self.cloud.link
        if (
            link.bandwidth_bps is None
            and link.rtt_s is not None
            and link.rtt_s < EXPLORE_MAX_RTT_S
            and not link.offline
            and n_tokens >= EXPLORE_MIN_TOKENS
        ):
            return True, "explore"
        return should_offload(n_tokens, link, self.local_prefill_tok_s, self.state_bytes_per_token)

    async def astream_chat(
        self,
        messages: Sequence[Mapping[str, str]],
        params: GenerationParams | None = None,
        reports: list[HandoffReport] | None = None,
        *,
        before_send: Callable[[], None] | None = None,
    ) -> AsyncIterator[TokenEvent]:
        """``strategy="prefill_offload"``: hand off when :meth:`decide` says so, else local.

        The prompt (the chat template applied, as :meth:`Engine.chat` does)
        leaves the device as token ids inside the encrypted channel: call this
        only for content the privacy policy lets leave the device unmasked.
        ``before_send`` runs just before anything leaves (e.g. the audit record;
        an exception from it stops the hand-off).
        """
        tokens = await asyncio.to_thread(
            lambda: self.engine.tokenize(
                self.engine.render_chat(messages), add_bos=True, special=True
            )
        )
        use, reason = self.decide(len(tokens))
        if not use:
            if reports is not None:
                reports.append(HandoffReport(used=False, reason=reason))
            async for event in self.engine.astream_tokens(tokens, params):
                yield event
            return
        if before_send is not None:
            before_send()
        async for event in self.astream(tokens, params, reports):
            yield event

    async def astream(
        self,
        tokens: Sequence[int],
        params: GenerationParams | None = None,
        reports: list[HandoffReport] | None = None,
        *,
        split_at: int | None = None,
    ) -> AsyncIterator[TokenEvent]:
        """Stream the continuation of ``tokens``: from the handed-off state, else locally.

        ``reports`` (if given) receives the hand-off report before the first token.
        ``split_at`` overrides :meth:`split_point` (0: the whole state from the gateway).
        """
        p = params or GenerationParams()
        at = self.split_point(len(tokens)) if split_at is None else split_at
        if not 0 <= at < len(tokens):
            raise ConfigError("split_at must be a position inside the prompt")
        if at:
            fetched, report = await self._fetch_split(tokens, at)
        else:
            fetched, report = await self.fetch(tokens)
        events: AsyncIterator[TokenEvent] | None = None
        if fetched is not None:
            try:
                events = await _athread_iter(
                    lambda: self.engine.stream_from_state(fetched.state, tokens, fetched.logits, p)
                )
            except (StateError, EdgeKitError) as exc:
                report = self._failed(exc, time.perf_counter())
        if reports is not None:
            reports.append(report)
        if events is None:
            events = self.engine.astream_tokens(tokens, p)
        async for event in events:
            yield event

    async def complete(
        self,
        tokens: Sequence[int],
        params: GenerationParams | None = None,
        *,
        split_at: int | None = None,
    ) -> tuple[Completion, HandoffReport]:
        """The whole answer and the hand-off report."""
        reports: list[HandoffReport] = []
        events = [ev async for ev in self.astream(tokens, params, reports, split_at=split_at)]
        return Completion.from_events(iter(events)), reports[0]


@dataclass(frozen=True)
class _Fetched:
    state: bytes
    logits: npt.NDArray[np.float32]


async def _athread_iter(
    make: Callable[[], Generator[TokenEvent, None, None]],
) -> AsyncIterator[TokenEvent]:
    """Run a blocking event generator in a worker thread; the first event is awaited
    here so a restore failure raises before anything was yielded."""
    loop = asyncio.get_running_loop()
    gen = make()
    done = object()

    def step() -> object:
        return next(gen, done)

    first = await loop.run_in_executor(None, step)

    async def rest() -> AsyncIterator[TokenEvent]:
        try:
            item = first
            while item is not done:
                assert isinstance(item, TokenEvent)
                yield item
                item = await loop.run_in_executor(None, step)
        finally:
            await loop.run_in_executor(None, gen.close)

    return rest()
