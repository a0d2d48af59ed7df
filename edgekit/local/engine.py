"""The on-device engine: a GGUF model in llama.cpp, driven token by token.

The decode loop is EdgeKit's own: prompt tokens are evaluated in ``n_batch``
chunks with logits requested for the last position only, then every step reads
that single row of logits as a numpy view, samples the next token and computes
its confidence signals from the same row (no ``logits_all``, no copy of a
logits matrix). The KV cache keeps the tokens of the previous call: a new
prompt that starts with them only evaluates the rest; prefixes of other
conversations are kept in a byte-bounded LRU of saved sequence states.

One lock per engine serializes access to the llama.cpp context. A streaming
generator holds it while it runs: consume or close streams you open.
"""

from __future__ import annotations

import asyncio
import codecs
import contextlib
import os
import threading
import time
from collections.abc import AsyncIterator, Callable, Generator, Iterator, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

import numpy as np
import numpy.typing as npt

from edgekit._logging import fingerprint, get_logger
from edgekit.errors import ContextOverflow, EngineClosed, ModelError, StateError
from edgekit.local import _llama, _state
from edgekit.local.chat_template import ChatTemplate
from edgekit.local.config import EngineConfig, GenerationParams
from edgekit.local.constraint import GrammarCompiler, GrammarConstraint
from edgekit.local.errors import ChatTemplateError, EngineBusyError, ModelMemoryError
from edgekit.local.gguf import GGUFHeader, check_gguf
from edgekit.local.hidden import hidden_rows, read_hidden
from edgekit.local.lora import LoraAdapter, LoraSet, adapted_model_sha256
from edgekit.local.models import MODELS, resolve_model
from edgekit.local.prefix_cache import PrefixCache, common_prefix
from edgekit.local.sampling import Sampler
from edgekit.local.signals import token_signal
from edgekit.local.types import Completion, FinishReason, ModelInfo, Timings, TokenEvent
from edgekit.messages import Messages
from edgekit.structured.prompt import prepare_messages, template_renders_tools
from edgekit.structured.spec import StructuredSpec, parse_spec

log = get_logger(__name__)

Tools = Sequence[Mapping[str, Any]] | None
ToolChoice = str | Mapping[str, Any] | None
ResponseFormat = Mapping[str, Any] | None
TokenStream = Generator[TokenEvent, None, None]

# Save the current KV state into the LRU only when switching away discards at
# least this many tokens; restore a saved one only when it saves as many.
MIN_PREFIX_TOKENS = 32
_MEMORY_HEADROOM = 64 * 1024 * 1024


class Engine:
    """A local language model with streaming, confidence signals and a prefix cache.

    Use as a context manager or call :meth:`close`; every method raises
    :class:`~edgekit.errors.EngineClosed` afterwards.
    """

    def __init__(self, config: EngineConfig | None = None) -> None:
        self.config = config or EngineConfig()
        path = resolve_model(self.config.model)
        header = check_gguf(path)
        size = path.stat().st_size
        if self.config.check_memory:
            _check_memory(header, path, size, self.config.n_ctx)
        cpus = _usable_cpus()
        self._handle = _llama.LlamaHandle(
            path,
            n_ctx=self.config.n_ctx,
            n_batch=min(self.config.n_batch, self.config.n_ctx),
            n_threads=self.config.n_threads or max(1, cpus // 2),
            n_threads_batch=self.config.n_threads or cpus,
            verbose=self.config.verbose,
            n_gpu_layers=self.config.n_gpu_layers,
        )
        self.lock = threading.Lock()
        self._owner: int | None = None  # thread holding ``lock``
        self._vocab_users = 0  # tokenize/detokenize calls in flight (they skip the lock)
        self._vocab_idle = threading.Condition()
        self._closed = False
        self._freed = False
        self._kv: list[int] = []
        self._prefix_cache = PrefixCache(self.config.prefix_cache_bytes)
        self._rng = np.random.default_rng(self.config.seed)
        self._lora = LoraSet(self._handle, header)
        if self.config.lora:
            try:
                self._lora.apply(self.config.lora)
            except BaseException:
                self._handle.close()
                raise
        h = self._handle
        self._grammars = GrammarCompiler(h)
        template_src = header.chat_template or h.chat_template()
        self._template: ChatTemplate | None = None
        self._template_error: ChatTemplateError | None = None
        if template_src:
            try:
                self._template = ChatTemplate(
                    template_src, bos_token=h.token_text(h.bos), eos_token=h.token_text(h.eos)
                )
            except ChatTemplateError as exc:  # chat fails later; raw completion still works
                self._template_error = exc
                log.warning("the model's chat template does not compile; chat() needs template=")
        name = self.config.model if self.config.model in MODELS else path.stem
        self.info = ModelInfo(
            name=name,
            path=path,
            arch=header.architecture or "unknown",
            n_vocab=h.n_vocab,
            n_ctx_train=h.n_ctx_train,
            n_ctx=h.n_ctx,
            size_bytes=size,
            chat_template=template_src,
        )
        if h.n_ctx > h.n_ctx_train > 0:
            log.warning("n_ctx %d exceeds the model's training context %d", h.n_ctx, h.n_ctx_train)
        log.info("loaded model %s (%s, %d bytes, n_ctx=%d)", name, self.info.arch, size, h.n_ctx)

    # --- lifecycle ------------------------------------------------------------

    def __enter__(self) -> Engine:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Free the model. A generation running in another thread stops after its
        current token and frees it then. Idempotent."""
        if self._closed:
            return
        self._closed = True
        if self._owner != threading.get_ident() and self.lock.acquire(timeout=1.0):
            self._owner = threading.get_ident()
            self._release()
        else:
            log.info("engine closed while generating; memory is freed when it stops")

    @property
    def closed(self) -> bool:
        """True once :meth:`close` was called."""
        return self._closed

    def _free(self) -> None:
        if not self._freed:
            self._freed = True
            with self._vocab_idle:
                self._vocab_idle.wait_for(lambda: self._vocab_users == 0)
            self._handle.close()
            self._prefix_cache.clear()
            self._kv = []

    def _acquire(self) -> None:
        """Take the context lock; refuse (instead of deadlocking) when this thread
        already holds it through an open stream."""
        if self._owner == threading.get_ident():
            raise EngineBusyError(
                "a stream opened in this thread is still running; consume or close() it first"
            )
        self.lock.acquire()
        self._owner = threading.get_ident()

    def _release(self) -> None:
        """Release the lock, freeing native memory first if close() was deferred."""
        try:
            if self._closed:
                self._free()
        finally:
            self._owner = None
            self.lock.release()

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        self._check_open()
        self._acquire()
        try:
            self._check_open()
            yield
        finally:
            self._release()

    @contextlib.contextmanager
    def _vocab(self) -> Iterator[None]:
        """Use the (read-only, thread-safe) vocabulary without the context lock."""
        with self._vocab_idle:
            self._check_open()
            self._vocab_users += 1
        try:
            yield
        finally:
            with self._vocab_idle:
                self._vocab_users -= 1
                self._vocab_idle.notify_all()

    def _check_open(self) -> None:
        if self._closed:
            raise EngineClosed("the engine is closed")

    # --- tokens and templates ------------------------------------------------------

    def tokenize(
        self, text: str, *, add_bos: bool | None = None, special: bool = True
    ) -> list[int]:
        """Token ids of ``text``.

        ``add_bos=True`` adds the model's BOS token if the model uses one
        (never twice when the text already starts with it); ``None`` follows
        the model's own setting. ``special`` parses control tokens such as
        ``<|im_end|>`` written in the text.
        """
        with self._vocab():
            add = self._handle.add_bos if add_bos is None else add_bos
            ids = self._handle.tokenize(
                text.encode("utf-8"), add_special=add, parse_special=special
            )
        bos = self._handle.bos
        if add and bos >= 0 and len(ids) >= 2 and ids[0] == ids[1] == bos:
            ids = ids[1:]  # the text already started with the BOS token
        return ids

    def detokenize(self, ids: Sequence[int]) -> str:
        """Text of ``ids`` (control tokens render as nothing)."""
        self._check_token_ids(ids)
        with self._vocab():
            data = b"".join(self._handle.piece(t) for t in ids)
        return data.decode("utf-8", errors="replace")

    @property
    def has_chat_template(self) -> bool:
        """Whether the model ships a chat template (base models do not)."""
        return self._template is not None

    def render_chat(
        self,
        messages: Messages,
        add_generation_prompt: bool = True,
        continue_final_message: bool = False,
        *,
        template: str | None = None,
        **extra: Any,
    ) -> str:
        """The prompt text of ``messages`` under the model's chat template.

        ``template`` overrides it (required for models without one); ``extra``
        becomes template variables (``tools=[…]``).
        """
        self._check_open()
        tpl = self._template
        if template is not None:
            h = self._handle
            tpl = ChatTemplate(
                template, bos_token=h.token_text(h.bos), eos_token=h.token_text(h.eos)
            )
        if tpl is None and self._template_error is not None:
            raise self._template_error
        if tpl is None:
            raise ChatTemplateError(
                f"model {self.info.name} has no chat template (a base model): pass "
                "template=... or use complete()/stream() with raw text",
                path=str(self.info.path),
            )
        if continue_final_message:
            add_generation_prompt = False
        return tpl.render(
            messages,
            add_generation_prompt=add_generation_prompt,
            continue_final_message=continue_final_message,
            **extra,
        )

    # --- chat -------------------------------------------------------------------

    def chat(
        self,
        messages: Messages,
        params: GenerationParams | None = None,
        *,
        continue_final_message: bool = False,
        template: str | None = None,
        tools: Tools = None,
        tool_choice: ToolChoice = None,
        response_format: ResponseFormat = None,
        parallel_tool_calls: bool | None = None,
    ) -> Completion:
        """Answer a conversation; returns the text with its signals and timings.

        ``tools``, ``tool_choice``, ``response_format`` and
        ``parallel_tool_calls`` mean what they mean in the OpenAI chat API;
        the answer is then decoded under their grammar and
        :attr:`Completion.structured` holds its tool calls or parsed JSON.
        """
        spec = parse_spec(tools, tool_choice, response_format, parallel_tool_calls)
        events = self._stream_chat(messages, params, continue_final_message, template, spec)
        return Completion.from_events(events, spec=spec)

    def stream_chat(
        self,
        messages: Messages,
        params: GenerationParams | None = None,
        *,
        continue_final_message: bool = False,
        template: str | None = None,
        tools: Tools = None,
        tool_choice: ToolChoice = None,
        response_format: ResponseFormat = None,
        parallel_tool_calls: bool | None = None,
    ) -> TokenStream:
        """Stream the answer to a conversation token by token (tools: see :meth:`chat`).

        Read a structured stream with :class:`edgekit.structured.OutputParser`.
        """
        spec = parse_spec(tools, tool_choice, response_format, parallel_tool_calls)
        return self._stream_chat(messages, params, continue_final_message, template, spec)

    def _stream_chat(
        self,
        messages: Messages,
        params: GenerationParams | None,
        cont: bool,
        template: str | None,
        spec: StructuredSpec | None,
    ) -> TokenStream:
        p = params or GenerationParams()
        tokens = self._chat_tokens(messages, p, cont, template, spec)
        return self._generate(tokens, p, None, self._constraint(spec))

    def _constraint(self, spec: StructuredSpec | None) -> GrammarConstraint | None:
        if spec is None:
            return None
        with self._vocab():
            return self._grammars.constraint(spec)

    async def astream_chat(
        self,
        messages: Messages,
        params: GenerationParams | None = None,
        *,
        continue_final_message: bool = False,
        template: str | None = None,
        tools: Tools = None,
        tool_choice: ToolChoice = None,
        response_format: ResponseFormat = None,
        parallel_tool_calls: bool | None = None,
    ) -> AsyncIterator[TokenEvent]:
        """Async :meth:`stream_chat`: llama.cpp runs in a worker thread."""
        p = params or GenerationParams()
        spec = parse_spec(tools, tool_choice, response_format, parallel_tool_calls)

        def prompt() -> list[int]:
            return self._chat_tokens(messages, p, continue_final_message, template, spec)

        async for ev in self._astream(prompt, p, lambda: self._constraint(spec)):
            yield ev

    def _chat_tokens(
        self,
        messages: Messages,
        p: GenerationParams,
        cont: bool,
        template: str | None,
        spec: StructuredSpec | None = None,
    ) -> list[int]:
        msgs: list[Mapping[str, Any]] = list(messages)
        extra: dict[str, Any] = {}
        if spec is not None or any(m.get("tool_calls") or m.get("role") == "tool" for m in msgs):
            native = template_renders_tools(template or self.info.chat_template)
            msgs, extra = prepare_messages(msgs, spec, native=native)  # type: ignore[assignment]
        while True:
            text = self.render_chat(
                msgs,
                add_generation_prompt=not cont,
                continue_final_message=cont,
                template=template,
                **extra,
            )
            tokens = self.tokenize(text, add_bos=True, special=True)
            need = len(tokens) + p.max_tokens
            if need <= self._handle.n_ctx:
                return tokens
            droppable = [i for i, m in enumerate(msgs[:-1]) if m.get("role") != "system"]
            if self.config.overflow != "truncate_left" or not droppable:
                raise ContextOverflow(
                    f"prompt of {len(tokens)} tokens plus max_tokens={p.max_tokens} "
                    f"exceeds n_ctx={self._handle.n_ctx}",
                    n_tokens=need,
                    n_ctx=self._handle.n_ctx,
                )
            first = droppable[0]
            # Drop a whole exchange (user + assistant reply) so roles keep alternating.
            pair = first + 1 < len(msgs) - 1 and msgs[first + 1].get("role") == "assistant"
            del msgs[first : first + (2 if pair else 1)]

    # --- raw completion -------------------------------------------------------------

    def complete(self, prompt: str, params: GenerationParams | None = None) -> Completion:
        """Continue raw text (no chat template)."""
        return Completion.from_events(self.stream(prompt, params))

    def stream(self, prompt: str, params: GenerationParams | None = None) -> TokenStream:
        """Stream the continuation of raw text."""
        p = params or GenerationParams()
        return self._generate(self.tokenize(prompt), p, None)

    async def astream(
        self, prompt: str, params: GenerationParams | None = None
    ) -> AsyncIterator[TokenEvent]:
        """Async :meth:`stream`."""
        p = params or GenerationParams()
        async for ev in self._astream(lambda: self.tokenize(prompt), p):
            yield ev

    def stream_tokens(
        self, prompt_tokens: Sequence[int], params: GenerationParams | None = None
    ) -> TokenStream:
        """Stream the continuation of token ids (the lowest-level entry point)."""
        self._check_open()
        self._check_token_ids(prompt_tokens)
        return self._generate(list(prompt_tokens), params or GenerationParams(), None)

    async def astream_tokens(
        self, prompt_tokens: Sequence[int], params: GenerationParams | None = None
    ) -> AsyncIterator[TokenEvent]:
        """Async :meth:`stream_tokens`."""
        self._check_token_ids(prompt_tokens)
        tokens = list(prompt_tokens)
        async for ev in self._astream(lambda: tokens, params or GenerationParams()):
            yield ev

    # --- LoRA adapters ---------------------------------------------------------------

    @property
    def lora(self) -> tuple[LoraAdapter, ...]:
        """The LoRA adapters applied now (empty: the base model)."""
        return self._lora.active

    @property
    def model_sha256(self) -> str:
        """Identity of the model as it runs: the GGUF's sha256, or with adapters
        :func:`~edgekit.local.lora.adapted_model_sha256` (what calibrations name)."""
        return adapted_model_sha256(self.info.sha256, self._lora.sha256s())

    def set_lora(self, adapters: Sequence[LoraAdapter] = ()) -> None:
        """Apply exactly ``adapters`` (none: back to the base model) without reloading.

        Each adapter is checked (a LoRA GGUF whose tensors fit this model) before
        llama.cpp loads it; on any error the adapters in force stay. The KV cache
        and saved prefixes are dropped: they were computed with the old weights.
        """
        with self._locked():
            self._lora.apply(tuple(adapters))
            self._handle.clear()
            self._kv = []
            self._prefix_cache.clear()
        log.info("LoRA adapters now %d", len(self._lora.active))

    # --- state ----------------------------------------------------------------------

    @property
    def kv_tokens(self) -> tuple[int, ...]:
        """The tokens whose keys/values are in the context now."""
        return tuple(self._kv)

    def save_state(self) -> bytes:
        """llama.cpp's state of the current sequence (its KV cache for :attr:`kv_tokens`)."""
        with self._locked():
            return self._handle.state_bytes()

    def load_state(self, data: bytes, tokens: Sequence[int]) -> None:
        """Replace the KV cache with ``data``, the state after evaluating ``tokens``.

        The next prompt that starts with ``tokens`` evaluates only the rest.
        Raises :class:`StateError` when llama.cpp rejects the bytes or they
        hold a different number of positions than ``tokens``.
        """
        self._check_open()
        self._check_token_ids(tokens)
        with self._locked():
            h = self._handle
            h.clear()
            self._kv = []
            if len(tokens) > h.n_ctx:
                raise StateError(f"state of {len(tokens)} tokens exceeds n_ctx={h.n_ctx}")
            if not h.load_state_bytes(bytes(data)):
                h.clear()
                raise StateError("llama.cpp rejected the saved state (corrupt or another model)")
            if h.pos_max() != len(tokens) - 1:
                h.clear()
                raise StateError(
                    f"saved state holds {h.pos_max() + 1} positions, not {len(tokens)} tokens"
                )
            self._kv = list(tokens)

    def reset(self) -> None:
        """Forget the KV cache and every saved prefix."""
        with self._locked():
            self._handle.clear()
            self._kv = []
            self._prefix_cache.clear()

    # --- state API: what state hand-off, speculative decoding and the gateway use -------

    @property
    def n_batch(self) -> int:
        """Tokens per ``llama_decode`` call when evaluating a prompt."""
        return self._handle.n_batch

    def is_eog(self, token: int) -> bool:
        """Whether ``token`` ends generation for this model."""
        return self._handle.is_eog(token)

    def token_bytes(self, token: int) -> bytes:
        """The UTF-8 bytes of ``token`` (control tokens: none); may split a character."""
        return self._handle.piece(token)

    def snapshot(self) -> _state.Snapshot:
        """The tokens in the KV cache and their sequence state, read together."""
        return _state.snapshot(self)

    def cold_prefill(self, tokens: Sequence[int]) -> int:
        """Evaluate ``tokens`` from an empty cache, as a fresh engine would (the KV it
        replaces is offered to the prefix cache first); returns the greedy next token."""
        return _state.cold_prefill(self, tokens)

    def prefill_state(
        self, tokens: Sequence[int], base: _state.Snapshot | None = None
    ) -> tuple[bytes, npt.NDArray[np.float32]]:
        """State and last logits of ``tokens``, bit-identical to a cold local prefill;
        resumes from ``base`` when its length is a whole number of ``n_batch`` chunks."""
        return _state.prefill_state(self, tokens, base)

    def stream_from_state(
        self,
        state: bytes,
        tokens: Sequence[int],
        logits: npt.NDArray[np.float32],
        params: GenerationParams | None = None,
    ) -> TokenStream:
        """Load ``state`` (the KV of ``tokens``, e.g. from :meth:`prefill_state` on another
        host) and stream the answer, its first token sampled from ``logits``."""
        return _state.stream_from_state(self, state, tokens, logits, params or GenerationParams())

    def verify_draft(
        self,
        context: Sequence[int],
        pending: int | None,
        draft: Sequence[int],
        ubatch: int,
        resume: _state.Snapshot | None = None,
    ) -> tuple[int, int, _state.Snapshot]:
        """Check a draft against greedy decoding after ``context``: the accepted length,
        the model's next token after it, and the cache's snapshot afterwards.

        ``pending``: the greedy token after ``context`` when the cache holds all of
        it (else ``None``). ``ubatch``: draft tokens per ``llama_decode`` call.
        ``resume``: a snapshot loaded first when the cache does not hold it.
        """
        return _state.verify_draft(self, context, pending, draft, ubatch, resume)

    # --- the decode loop --------------------------------------------------------------

    def _check_token_ids(self, ids: Sequence[int]) -> None:
        n_vocab = self._handle.n_vocab
        if any(not isinstance(t, int | np.integer) or not 0 <= t < n_vocab for t in ids):
            raise ModelError(f"token ids must be integers in [0, {n_vocab})")

    def _fit(self, tokens: list[int], p: GenerationParams) -> list[int]:
        n_ctx = self._handle.n_ctx
        if not tokens:
            bos = self._handle.bos
            if bos < 0:
                raise ModelError("empty prompt and the model has no BOS token")
            tokens = [bos]
        need = len(tokens) + p.max_tokens
        if need <= n_ctx:
            return tokens
        room = n_ctx - p.max_tokens
        if self.config.overflow != "truncate_left" or room < 2:
            raise ContextOverflow(
                f"prompt of {len(tokens)} tokens plus max_tokens={p.max_tokens} "
                f"exceeds n_ctx={n_ctx}",
                n_tokens=need,
                n_ctx=n_ctx,
            )
        head = tokens[:1] if tokens[0] == self._handle.bos else []
        return head + tokens[len(tokens) - (room - len(head)) :]

    def _generate(
        self,
        prompt: list[int],
        p: GenerationParams,
        cancel: threading.Event | None,
        constraint: GrammarConstraint | None = None,
    ) -> TokenStream:
        """Check arguments now, then return the lazy token generator."""
        self._check_open()
        return self._run(self._fit(prompt, p), p, cancel, constraint)

    def _run(
        self,
        prompt: list[int],
        p: GenerationParams,
        cancel: threading.Event | None,
        constraint: GrammarConstraint | None = None,
    ) -> TokenStream:
        t0 = time.perf_counter()
        self._acquire()
        try:
            self._check_open()
            self._handle.set_embeddings(p.hidden_states > 0)
            cached = self._prefill(prompt, cancel)
            t_prefill = time.perf_counter() - t0
            yield from self._decode_loop(
                prompt, p, cancel, t0, t_prefill, cached, constraint=constraint
            )
        finally:
            if not self._freed:
                self._handle.set_embeddings(False)
            self._release()

    def _decode_loop(
        self,
        prompt: list[int],
        p: GenerationParams,
        cancel: threading.Event | None,
        t0: float,
        t_prefill: float,
        cached: int,
        first_logits: npt.NDArray[np.float32] | None = None,
        constraint: GrammarConstraint | None = None,
    ) -> TokenStream:
        """Sample, score and stream tokens after the prompt's KV is in place.

        ``first_logits`` replaces the context's last logits row for the first
        token (a state hand-off ships the row its prefill ended with).
        ``constraint`` masks every row to a grammar; signals are then those of
        the masked distribution, and a step with one allowed token is forced.
        """
        h = self._handle
        rng = np.random.default_rng(p.seed) if p.seed is not None else self._rng
        sampler = Sampler(p, rng)
        text = _TextStream(p.stop)
        recent = prompt[-p.repeat_last_n :] if p.repeat_last_n else []
        n_hidden = hidden_rows(h, p.hidden_states, first_logits is None)
        ttft = 0.0
        for index in range(p.max_tokens):
            if self._closed or (cancel is not None and cancel.is_set()):
                return
            logits = first_logits if index == 0 and first_logits is not None else h.logits()
            forced = False
            if constraint is not None:
                logits, forced = constraint.apply(logits)
            token = sampler(logits, recent)
            signal = token_signal(logits, token)
            if constraint is not None:
                constraint.accept(token)
            eog = h.is_eog(token)
            piece, stopped = text.feed(b"" if eog else h.piece(token))
            finish: FinishReason | None = None
            if eog or stopped:
                finish = "stop"
            elif index == p.max_tokens - 1 or len(self._kv) + 1 >= h.n_ctx:
                finish = "length"
            if finish is not None and not stopped:
                piece += text.flush()
            now = time.perf_counter()
            if index == 0:
                ttft = now - t0
            timings = None
            if finish is not None:
                timings = Timings(
                    ttft_s=ttft,
                    prefill_s=t_prefill,
                    decode_s=now - t0 - ttft,
                    total_s=now - t0,
                    cached_prompt_tokens=cached,
                    prompt_tokens=len(prompt),
                )
            yield TokenEvent(
                index=index,
                token_id=token,
                text=piece,
                signal=signal,
                finish_reason=finish,
                timings=timings,
                hidden=read_hidden(h, index, n_hidden),
                forced=forced,
            )
            if finish is not None:
                return
            self._eval([token])
            if p.repeat_last_n:
                recent.append(token)

    def _eval(self, tokens: Sequence[int], cancel: threading.Event | None = None) -> None:
        """Evaluate ``tokens`` after the current KV contents, in ``n_batch`` chunks."""
        h = self._handle
        step = h.n_batch
        for i in range(0, len(tokens), step):
            if cancel is not None and cancel.is_set():
                raise _CancelledError
            chunk = tokens[i : i + step]
            try:
                h.decode(chunk, len(self._kv))
            except BaseException:
                h.clear()  # the KV state is unknown after a failed batch
                self._kv = []
                raise
            self._kv.extend(chunk)

    def _prefill(self, prompt: list[int], cancel: threading.Event | None) -> int:
        """Make the KV cache hold ``prompt`` with its last logits ready; returns reused count."""
        h = self._handle
        if self.config.prefix_cache:
            self._maybe_restore(prompt)
            keep = min(common_prefix(self._kv, prompt), len(prompt) - 1)
        else:
            keep = 0
        if keep < len(self._kv):
            self._maybe_save(keep)
            if keep == 0 or not h.truncate(keep):
                h.clear()
                keep = 0
            del self._kv[keep:]
        try:
            self._eval(prompt[keep:], cancel)
        except _CancelledError:
            return keep
        log.debug(
            "prefill: %d prompt tokens, %d reused (prompt %s)",
            len(prompt),
            keep,
            fingerprint(np.asarray(prompt, dtype=np.int32).tobytes()),
        )
        return keep

    def _maybe_save(self, keep: int) -> None:
        """Before discarding KV past ``keep``, save it if it is worth restoring later."""
        if (
            self.config.prefix_cache
            and self.config.prefix_cache_bytes > 0
            and len(self._kv) - keep >= MIN_PREFIX_TOKENS
        ):
            self._prefix_cache.put(self._kv, self._handle.state_bytes())

    def _maybe_restore(self, prompt: list[int]) -> None:
        """Load a saved prefix state when it shares clearly more with ``prompt``."""
        if not len(self._prefix_cache):
            return
        current = common_prefix(self._kv, prompt)
        found = self._prefix_cache.best(prompt)
        if found is None or found[1] < current + MIN_PREFIX_TOKENS:
            return
        entry, _ = found
        self._maybe_save(current)
        h = self._handle
        h.clear()
        if h.load_state_bytes(entry.state) and h.pos_max() == len(entry.tokens) - 1:
            self._kv = list(entry.tokens)
        else:
            h.clear()
            self._kv = []

    # --- async --------------------------------------------------------------------

    async def _astream(
        self,
        prompt: Callable[[], list[int]],
        p: GenerationParams,
        constraint: Callable[[], GrammarConstraint | None] | None = None,
    ) -> AsyncIterator[TokenEvent]:
        """Run a generation in a worker thread, handing events to the event loop.

        Leaving the ``async for`` early (break, exception, task cancellation)
        sets a flag the worker checks before every token, so generation stops
        within one token and the engine's lock is released.
        """
        self._check_open()
        bridge = _EventBridge()

        def work() -> None:
            try:
                tokens = prompt()
                gen = self._generate(tokens, p, bridge.cancel, constraint() if constraint else None)
                try:
                    for ev in gen:
                        if not bridge.put(ev):
                            break
                finally:
                    gen.close()
            except BaseException as exc:  # forwarded to the consumer
                bridge.put(exc)
            finally:
                bridge.put(None)

        worker = threading.Thread(target=work, name="edgekit-generate", daemon=True)
        worker.start()
        try:
            async for ev in bridge.events():
                yield ev
        finally:
            bridge.cancel.set()


class _EventBridge:
    """Token events from a worker thread to the event loop that consumes them.

    The worker calls :meth:`put` (an event, an exception to raise in the
    consumer, or ``None`` to end); it returns False once the consumer has
    left (``cancel`` set) or its loop is gone, so the worker can stop.
    """

    def __init__(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._queue: asyncio.Queue[TokenEvent | BaseException | None] = asyncio.Queue()
        self.cancel = threading.Event()

    def put(self, item: TokenEvent | BaseException | None) -> bool:
        if self.cancel.is_set():
            return False
        try:
            self._loop.call_soon_threadsafe(self._queue.put_nowait, item)
        except RuntimeError:  # the event loop is gone
            return False
        return True

    async def events(self) -> AsyncIterator[TokenEvent]:
        """The events up to the end marker; an exception put by the worker is raised."""
        while (item := await self._queue.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            yield item


class _CancelledError(Exception):
    """Internal: a prefill was cancelled between batches."""


class _TextStream:
    """Turns token bytes into UTF-8-safe text and finds stop strings across tokens.

    Text that could be the start of a stop string is held back until it is
    known not to be. Generation stops where the first stop string completes
    (independent of how the bytes are split into tokens); that string and
    everything after it are dropped.
    """

    def __init__(self, stops: Sequence[str]) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._stops = tuple(stops)
        self._held = ""

    def feed(self, data: bytes) -> tuple[str, bool]:
        """New releasable text, and whether a stop string was found."""
        buf = self._held + self._decoder.decode(data)
        if not self._stops:
            self._held = ""
            return buf, False
        found = [(i + len(s), i) for s in self._stops if (i := buf.find(s)) >= 0]
        if found:  # the stop string completed first wins (as generation would stop there)
            self._held = ""
            return buf[: min(found)[1]], True
        hold = _longest_stop_prefix_suffix(buf, self._stops)
        self._held = buf[len(buf) - hold :] if hold else ""
        return buf[: len(buf) - hold], False

    def flush(self) -> str:
        """Whatever is still held (at the end of generation)."""
        rest = self._held + self._decoder.decode(b"", final=True)
        self._held = ""
        return rest


def _longest_stop_prefix_suffix(buf: str, stops: Sequence[str]) -> int:
    """Length of the longest suffix of ``buf`` that is a proper prefix of a stop string."""
    best = 0
    for s in stops:
        for n in range(min(len(s) - 1, len(buf)), best, -1):
            if buf.endswith(s[:n]):
                best = n
                break
    return best


def _usable_cpus() -> int:
    """CPUs this process may run on (affinity-aware)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _available_memory() -> int | None:
    """MemAvailable, capped by a cgroup v2 limit when one is set; None if unknown."""
    avail: int | None = None
    try:
        with open("/proc/meminfo") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    avail = int(line.split()[1]) * 1024
                    break
    except OSError:
        return None
    try:
        limit = Path("/sys/fs/cgroup/memory.max").read_text().strip()
        current = int(Path("/sys/fs/cgroup/memory.current").read_text())
        if limit != "max" and avail is not None:
            avail = min(avail, int(limit) - current)
    except (OSError, ValueError):
        pass
    return avail


def kv_cache_bytes(header: GGUFHeader, n_ctx: int) -> int:
    """Estimated f16 KV-cache size for ``n_ctx`` tokens from the GGUF hyper-parameters."""
    layers = header.arch_int("block_count") or 0
    embd = header.arch_int("embedding_length") or 0
    heads = header.arch_int("attention.head_count") or 1
    kv_heads = header.arch_int("attention.head_count_kv") or heads
    k_dim = header.arch_int("attention.key_length") or embd // max(heads, 1)
    v_dim = header.arch_int("attention.value_length") or k_dim
    return n_ctx * layers * kv_heads * (k_dim + v_dim) * 2


def _check_memory(header: GGUFHeader, path: Path, size: int, n_ctx: int) -> None:
    available = _available_memory()
    if available is None:
        return
    required = size + kv_cache_bytes(header, n_ctx) + _MEMORY_HEADROOM
    if required > available:
        raise ModelMemoryError(
            f"{path.name} with n_ctx={n_ctx} needs about {required >> 20} MiB, "
            f"{available >> 20} MiB available",
            required_bytes=required,
            available_bytes=available,
            path=str(path),
        )
