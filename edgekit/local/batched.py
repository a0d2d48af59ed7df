"""Batched decoding: several sequences in one ``llama_decode``, like llama.cpp's server slots.

:class:`BatchedEngine` is an :class:`~edgekit.local.engine.Engine` whose async
streams (``astream_chat``, ``astream``, ``astream_tokens``) no longer take the
engine's lock one at a time. A scheduler thread owns a second llama.cpp
context on the same model weights, with ``slots`` sequences; every step it
evaluates one batch holding the next token of every decoding sequence plus
prompt chunks of newly admitted ones (continuous batching). Each sequence
keeps its own sampler, stop strings, grammar (tools, JSON) and per-token
confidence signals, computed from its own row of logits, so a router sees
what it would see from the single-sequence engine. How many threads each
step runs on is measured, not fixed (:class:`ThreadChooser`).

A slot keeps its last request's tokens in the KV cache; a new request takes
the free slot that shares the longest prefix with it and evaluates only the
rest. The sync API and the state API keep using the engine's own context.
Generation parameters this path does not implement (any field of
:class:`GenerationParams` beyond sampling and stop strings, set to a
non-default value) fall back to the engine's single-sequence path.
"""

from __future__ import annotations

import asyncio
import ctypes
import dataclasses
import threading
import time
from collections import deque
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from edgekit._logging import get_logger
from edgekit.errors import ConfigError, EngineClosed, ModelError
from edgekit.local import _llama
from edgekit.local.config import EngineConfig, GenerationParams
from edgekit.local.constraint import GrammarConstraint
from edgekit.local.engine import Engine, _EventBridge, _TextStream, _usable_cpus
from edgekit.local.errors import ModelMemoryError
from edgekit.local.prefix_cache import common_prefix
from edgekit.local.sampling import Sampler
from edgekit.local.signals import token_signal
from edgekit.local.types import FinishReason, Timings, TokenEvent

log = get_logger(__name__)

Emit = Callable[[TokenEvent | BaseException | None], bool]

# Fields of GenerationParams the batched path implements; any other field set
# to a non-default value sends the request down the engine's own path.
_BATCHED_FIELDS = frozenset(
    (
        "max_tokens",
        "temperature",
        "top_p",
        "top_k",
        "seed",
        "stop",
        "repeat_penalty",
        "repeat_last_n",
        "hidden_states",
    )
)
_DEFAULTS = GenerationParams()
MAX_SLOTS = 64


def batchable(params: GenerationParams) -> bool:
    """Whether the batched path implements every setting of ``params``."""
    return all(
        f.name in _BATCHED_FIELDS or getattr(params, f.name) == getattr(_DEFAULTS, f.name)
        for f in dataclasses.fields(params)
    )


class ThreadChooser:
    """Which of two thread counts evaluates a batch of a given size faster, measured live.

    llama.cpp runs a one-token step on ``n_threads`` and any bigger batch on
    ``n_threads_batch``. Neither is right everywhere: on an idle machine a
    decode step of four sequences is far faster on every core; on a busy one,
    threads that wait for each other at llama.cpp's per-operation barriers
    make the same step several times slower than one thread. So for each
    batch size (in powers of two) this keeps the recent seconds per token of
    the option in use and now and then tries the other one for ``TRIAL``
    steps (the first is not counted: idle worker threads wake up slowly):
    if it wins it takes over, if not it is tried again after twice as many
    steps (up to ``MAX_INTERVAL``), so a machine that changes is followed
    within seconds.
    """

    TRIAL = 3
    FIRST_INTERVAL = 16
    MAX_INTERVAL = 256

    def __init__(self, options: tuple[int, int]) -> None:
        self.options = (min(options), max(options))
        self._cost: dict[tuple[int, int], float] = {}  # (size class, threads) -> s/token
        self._best: dict[int, int] = {}
        self._interval: dict[int, int] = {}
        self._countdown: dict[int, int] = {}
        self._trial: dict[int, tuple[int, list[float]]] = {}  # size -> (threads, s/token)

    def pick(self, n_tokens: int) -> int:
        """The thread count for a batch of ``n_tokens``."""
        low, high = self.options
        if low == high:
            return low
        size = n_tokens.bit_length()
        if size in self._trial:
            return self._trial[size][0]
        untried = [t for t in (low, high) if (size, t) not in self._cost]
        if untried or self._countdown[size] <= 0:
            other = untried[0] if untried else (high if self._best[size] == low else low)
            self._trial[size] = (other, [])
            return other
        self._countdown[size] -= 1
        return self._best[size]

    def record(self, n_tokens: int, threads: int, seconds: float) -> None:
        """Account one evaluated batch."""
        low, high = self.options
        size = n_tokens.bit_length()
        cost = seconds / max(n_tokens, 1)
        trial = self._trial.get(size)
        if low == high or trial is None or trial[0] != threads:
            old = self._cost.get((size, threads))
            if old is not None:
                self._cost[size, threads] = 0.7 * old + 0.3 * cost
                self._judge(size, tried=False)
            return
        trial[1].append(cost)
        if len(trial[1]) < self.TRIAL:
            return
        del self._trial[size]
        self._cost[size, threads] = sum(trial[1][1:]) / (self.TRIAL - 1)
        self._judge(size, tried=True)

    def _judge(self, size: int, *, tried: bool) -> None:
        low, high = self.options
        if (size, low) not in self._cost or (size, high) not in self._cost:
            return
        best = low if self._cost[size, low] <= self._cost[size, high] else high
        if best != self._best.get(size):  # first verdict, or the other option won
            self._interval[size] = self._countdown[size] = self.FIRST_INTERVAL
        elif tried:  # the other option lost again: ask less often
            self._interval[size] = min(2 * self._interval[size], self.MAX_INTERVAL)
            self._countdown[size] = self._interval[size]
        self._best[size] = best

    def choices(self) -> dict[int, int]:
        """Batch size class (``n.bit_length()``) -> threads chosen so far."""
        return dict(self._best)


class _MultiSeqContext:
    """A llama.cpp context with ``n_seq`` sequences of ``n_ctx_seq`` positions each."""

    def __init__(
        self, model: Any, *, n_seq: int, n_ctx_seq: int, n_batch: int, threads: tuple[int, int]
    ) -> None:
        self._lc = lc = _llama.lib()
        params = lc.llama_context_default_params()
        params.n_ctx = n_ctx_seq * n_seq
        params.n_batch = params.n_ubatch = n_batch
        params.n_seq_max = n_seq
        params.kv_unified = False  # each sequence its own cells: no cross-sequence attention work
        params.n_threads, params.n_threads_batch = threads
        params.flash_attn_type = lc.LLAMA_FLASH_ATTN_TYPE_DISABLED
        params.no_perf = True
        self._ctx = lc.llama_init_from_model(model, params)
        if not self._ctx:
            self._ctx = None
            raise ModelMemoryError(
                f"llama.cpp could not create a context of {n_seq} x {n_ctx_seq} tokens: "
                f"{_llama.last_error() or 'allocation failed'}"
            )
        self.chooser = ThreadChooser(threads)
        self._current_threads = -1
        self.n_batch = n_batch
        self._memory = lc.llama_get_memory(self._ctx)
        self._batch, self._tok, self._pos, self._out = _llama.new_batch(lc, n_batch)
        self._seq = [self._batch.seq_id[i] for i in range(n_batch)]
        n_vocab = int(lc.llama_vocab_n_tokens(lc.llama_model_get_vocab(model)))
        self._row_type = ctypes.c_float * n_vocab
        self._hidden_type = ctypes.c_float * int(lc.llama_model_n_embd(model))
        self._embeddings_on = False

    def set_embeddings(self, on: bool) -> None:
        """Also output each output row's final hidden state from the next decode on."""
        if on != self._embeddings_on:
            self._lc.llama_set_embeddings(self._ctx, on)
            self._embeddings_on = on

    def hidden(self, index: int) -> npt.NDArray[np.float32]:
        """A copy of batch entry ``index``'s final hidden state (see edgekit.local.hidden)."""
        ptr = self._lc.llama_get_embeddings_ith(self._ctx, index)
        address = ctypes.cast(ptr, ctypes.c_void_p).value
        if not address:
            raise ModelError("llama.cpp returned no hidden state")
        return np.array(self._hidden_type.from_address(address), dtype=np.float32)

    def decode(self, tokens: list[int], pos: list[int], seqs: list[int], out: list[bool]) -> None:
        """Evaluate one batch; ``out[i]`` asks for the logits of entry ``i``."""
        n = len(tokens)
        self._tok[:n] = tokens
        self._pos[:n] = pos
        self._out[:n] = out
        for i, s in enumerate(seqs):
            self._seq[i][0] = s
        self._batch.n_tokens = n
        threads = self.chooser.pick(n)
        if threads != self._current_threads:
            self._lc.llama_set_n_threads(self._ctx, threads, threads)
            self._current_threads = threads
        start = time.perf_counter()
        rc = int(self._lc.llama_decode(self._ctx, self._batch))
        if rc != 0:
            raise ModelError(f"llama_decode of a batch of {n} failed with code {rc}")
        self.chooser.record(n, threads, time.perf_counter() - start)

    def logits(self, index: int) -> npt.NDArray[np.float32]:
        """Zero-copy view of batch entry ``index``'s logits (valid until the next decode)."""
        ptr = self._lc.llama_get_logits_ith(self._ctx, index)
        address = ctypes.cast(ptr, ctypes.c_void_p).value
        if not address:
            raise ModelError("llama.cpp returned no logits")
        return np.frombuffer(memoryview(self._row_type.from_address(address)), dtype=np.float32)

    def truncate(self, seq: int, keep: int) -> bool:
        """Drop positions >= ``keep`` of ``seq`` (everything when ``keep`` is 0)."""
        return bool(self._lc.llama_memory_seq_rm(self._memory, seq, keep if keep else -1, -1))

    def close(self) -> None:
        if self._batch is not None:
            self._lc.llama_batch_free(self._batch)
            self._batch = None
        if self._ctx is not None:
            self._lc.llama_free(self._ctx)
            self._ctx = None


@dataclass(eq=False)
class _Request:
    prompt: list[int]
    params: GenerationParams
    emit: Emit
    cancel: threading.Event
    constraint: GrammarConstraint | None = None
    t0: float = field(default_factory=time.perf_counter)


@dataclass(eq=False)
class _Slot:
    """One sequence of the batch context and the request it serves."""

    seq: int
    tokens: list[int] = field(default_factory=list)  # evaluated into this sequence's KV
    request: _Request | None = None
    pending: list[int] = field(default_factory=list)  # prompt tokens still to evaluate
    next_token: int | None = None  # sampled, to be evaluated next step
    sampler: Sampler | None = None
    text: _TextStream | None = None
    recent: list[int] = field(default_factory=list)
    index: int = 0
    cached: int = 0
    t_prefill: float = 0.0
    ttft: float = 0.0

    def wants_hidden(self) -> bool:
        """Whether the next event carries a hidden state (``GenerationParams.hidden_states``)."""
        return self.request is not None and self.index < self.request.params.hidden_states

    def release(self) -> None:
        self.request = None
        self.pending = []
        self.next_token = None
        self.sampler = self.text = None
        self.recent = []


class _Scheduler:
    """The thread that owns the batch context: admits requests, builds and runs batches."""

    def __init__(self, engine: BatchedEngine, ctx: _MultiSeqContext, n_slots: int) -> None:
        self._engine = engine
        self._ctx = ctx
        self._slots = [_Slot(seq=i) for i in range(n_slots)]
        self._waiting: deque[_Request] = deque()
        self._wake = threading.Condition()
        self._stopping = False
        self._rng = np.random.default_rng(engine.config.seed + 1)
        self._n_ctx_seq = engine.info.n_ctx
        self.steps = 0
        self.batched_tokens = 0
        self._thread = threading.Thread(target=self._run, name="edgekit-batch", daemon=True)
        self._thread.start()

    # --- called from other threads ------------------------------------------------

    def submit(self, request: _Request) -> None:
        with self._wake:
            if self._stopping:
                raise EngineClosed("the engine is closed")
            self._waiting.append(request)
            self._wake.notify()

    def wake(self) -> None:
        with self._wake:
            self._wake.notify()

    def stop(self, timeout: float = 10.0) -> bool:
        """Stop the thread (requests still running end with EngineClosed); True once joined."""
        with self._wake:
            self._stopping = True
            self._wake.notify()
        self._thread.join(timeout)
        return not self._thread.is_alive()

    # --- the scheduler thread ------------------------------------------------------

    def _run(self) -> None:
        try:
            while self._next_round():
                self._step()
        except BaseException as exc:  # a broken context: fail everyone, refuse the rest
            log.error("batched decoding stopped: %s", type(exc).__name__)
            self._fail_all(exc if isinstance(exc, ModelError) else ModelError(str(exc)))
            with self._wake:
                self._stopping = True
        finally:
            self._fail_all(EngineClosed("the engine is closed"))

    def _next_round(self) -> bool:
        """Wait for work; admit waiting requests into free slots. False when stopping."""
        with self._wake:
            while True:
                if self._stopping:
                    return False
                self._drop_cancelled()
                self._admit()
                if any(s.request is not None for s in self._slots):
                    return True
                self._wake.wait()

    def _drop_cancelled(self) -> None:
        for slot in self._slots:
            req = slot.request
            if req is not None and (req.cancel.is_set() or self._engine.closed):
                req.emit(None)
                slot.release()
        self._waiting = deque(r for r in self._waiting if not self._cancelled(r))

    @staticmethod
    def _cancelled(req: _Request) -> bool:
        if req.cancel.is_set():
            req.emit(None)
            return True
        return False

    def _admit(self) -> None:
        free = [s for s in self._slots if s.request is None]
        while self._waiting and free:
            req = self._waiting.popleft()
            slot = max(free, key=lambda s: common_prefix(s.tokens, req.prompt))
            free.remove(slot)
            self._start(slot, req)

    def _start(self, slot: _Slot, req: _Request) -> None:
        keep = min(common_prefix(slot.tokens, req.prompt), len(req.prompt) - 1)
        if keep < len(slot.tokens) and not self._ctx.truncate(slot.seq, keep):
            self._ctx.truncate(slot.seq, 0)
            keep = 0
        del slot.tokens[keep:]
        p = req.params
        rng = np.random.default_rng(p.seed) if p.seed is not None else self._rng
        slot.request, slot.pending, slot.cached = req, req.prompt[keep:], keep
        slot.sampler, slot.text = Sampler(p, rng), _TextStream(p.stop)
        slot.recent = req.prompt[-p.repeat_last_n :] if p.repeat_last_n else []
        slot.index, slot.next_token = 0, None

    def _step(self) -> None:
        """One llama_decode: every decoding slot's next token, then prompt chunks."""
        tokens: list[int] = []
        pos: list[int] = []
        seqs: list[int] = []
        out: list[bool] = []
        taken: list[tuple[_Slot, list[int]]] = []
        readers: list[tuple[_Slot, int]] = []
        active = [s for s in self._slots if s.request is not None]
        # Decoding slots first (one token each), then prompt chunks in the room left.
        work = [(s, [s.next_token]) for s in active if s.next_token is not None]
        room = self._ctx.n_batch - len(work)
        for slot in active:
            if slot.next_token is None and slot.pending and room > 0:
                work.append((slot, slot.pending[:room]))
                room -= len(work[-1][1])
        for slot, chunk in work:
            last = slot.next_token is not None or len(chunk) == len(slot.pending)
            start = len(slot.tokens)
            tokens.extend(chunk)
            pos.extend(range(start, start + len(chunk)))
            seqs.extend([slot.seq] * len(chunk))
            out.extend([False] * (len(chunk) - 1) + [last])
            taken.append((slot, chunk))
            if last:
                readers.append((slot, len(tokens) - 1))
        if not tokens:
            return
        self._ctx.set_embeddings(any(s.wants_hidden() for s, _ in readers))
        try:
            self._ctx.decode(tokens, pos, seqs, out)
        except ModelError as exc:
            self._fail_slots(set(seqs), exc)
            return
        self.steps += 1
        self.batched_tokens += len(tokens)
        for slot, chunk in taken:
            slot.tokens.extend(chunk)
            if slot.next_token is not None:
                slot.next_token = None
            else:
                del slot.pending[: len(chunk)]
        for slot, index in readers:
            try:
                self._produce(slot, index)
            except ModelError as exc:  # e.g. its grammar allows no token: that request only
                self._fail_slots({slot.seq}, exc)

    def _produce(self, slot: _Slot, index: int) -> None:
        """Sample, score and emit one token for ``slot`` from batch entry ``index``."""
        req = slot.request
        assert req is not None
        assert slot.sampler is not None
        assert slot.text is not None
        p = req.params
        now = time.perf_counter()
        if slot.index == 0:
            slot.t_prefill = now - req.t0
        logits = self._ctx.logits(index)
        forced = False
        if req.constraint is not None:  # as the engine's loop: signals of the masked row
            logits, forced = req.constraint.apply(logits)
        token = slot.sampler(logits, slot.recent)
        signal = token_signal(logits, token)
        if req.constraint is not None:
            req.constraint.accept(token)
        engine = self._engine
        eog = engine.is_eog(token)
        piece, stopped = slot.text.feed(b"" if eog else engine.token_bytes(token))
        finish: FinishReason | None = None
        if eog or stopped:
            finish = "stop"
        elif slot.index == p.max_tokens - 1 or len(slot.tokens) + 1 >= self._n_ctx_seq:
            finish = "length"
        if finish is not None and not stopped:
            piece += slot.text.flush()
        now = time.perf_counter()
        if slot.index == 0:
            slot.ttft = now - req.t0
        timings = None
        if finish is not None:
            timings = Timings(
                ttft_s=slot.ttft,
                prefill_s=slot.t_prefill,
                decode_s=now - req.t0 - slot.ttft,
                total_s=now - req.t0,
                cached_prompt_tokens=slot.cached,
                prompt_tokens=len(req.prompt),
            )
        hidden = self._ctx.hidden(index) if slot.wants_hidden() else None
        event = TokenEvent(
            index=slot.index,
            token_id=token,
            text=piece,
            signal=signal,
            finish_reason=finish,
            timings=timings,
            forced=forced,
            hidden=hidden,
        )
        delivered = req.emit(event)
        slot.index += 1
        if finish is not None or not delivered:
            req.emit(None)
            slot.release()
            return
        slot.next_token = token
        if p.repeat_last_n:
            slot.recent.append(token)

    def _fail_slots(self, seqs: set[int], exc: BaseException) -> None:
        for slot in self._slots:
            if slot.seq in seqs and slot.request is not None:
                slot.request.emit(exc)
                slot.request.emit(None)
                slot.release()
                self._ctx.truncate(slot.seq, 0)
                slot.tokens = []

    def _fail_all(self, exc: BaseException) -> None:
        with self._wake:
            waiting, self._waiting = list(self._waiting), deque()
        for req in waiting:
            req.emit(exc)
            req.emit(None)
        self._fail_slots({s.seq for s in self._slots}, exc)


class BatchedEngine(Engine):
    """An :class:`Engine` whose async streams share one batch; see the module docstring.

    ``slots`` sequences decode together, each with up to ``config.n_ctx``
    positions (the KV cache grows by that much per slot). Requests beyond
    ``slots`` wait in arrival order inside the engine; bound them upstream.
    """

    def __init__(self, config: EngineConfig | None = None, *, slots: int = 4) -> None:
        if not 1 <= slots <= MAX_SLOTS:
            raise ConfigError(f"slots must be between 1 and {MAX_SLOTS}")
        super().__init__(config)
        self.slots = slots
        cpus = _usable_cpus()
        threads = (self.config.n_threads or max(1, cpus // 2), self.config.n_threads or cpus)
        try:
            ctx = _MultiSeqContext(
                self._handle.model,
                n_seq=slots,
                n_ctx_seq=self.info.n_ctx,
                n_batch=self._handle.n_batch,
                threads=threads,
            )
        except BaseException:
            super().close()
            raise
        self._batch_ctx = ctx
        self._scheduler = _Scheduler(self, ctx, slots)

    def close(self) -> None:
        """Stop the batch scheduler, free its context, then close the engine. Idempotent."""
        if not self.closed and self._scheduler.stop():
            self._batch_ctx.close()
        super().close()

    @property
    def batch_stats(self) -> tuple[int, int]:
        """(decode steps, tokens evaluated) of the batch context so far."""
        return self._scheduler.steps, self._scheduler.batched_tokens

    @property
    def thread_choices(self) -> dict[int, int]:
        """Threads the batch context settled on per batch size class (``n.bit_length()``)."""
        return self._batch_ctx.chooser.choices()

    async def _astream(
        self,
        prompt: Callable[[], list[int]],
        p: GenerationParams,
        constraint: Callable[[], GrammarConstraint | None] | None = None,
    ) -> AsyncIterator[TokenEvent]:
        """Run the generation in the shared batch; leaving early frees its slot."""
        if not batchable(p):
            async for ev in super()._astream(prompt, p, constraint):
                yield ev
            return
        self._check_open()
        tokens = self._fit(prompt(), p)
        grammar = await asyncio.to_thread(constraint) if constraint is not None else None
        bridge = _EventBridge()
        self._scheduler.submit(_Request(tokens, p, bridge.put, bridge.cancel, grammar))
        try:
            async for ev in bridge.events():
                yield ev
        finally:
            bridge.cancel.set()
            self._scheduler.wake()
