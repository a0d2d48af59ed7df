"""Model-state endpoints: ``POST /v1/prefill`` (KV hand-off) and ``POST /v1/verify``.

* ``/v1/prefill`` — for a model the device also holds (proven by the GGUF's
  SHA-256), evaluate the prompt tokens and stream the llama.cpp sequence state
  in the :mod:`edgekit.state.wire` format (``int8`` K/V or ``lossless``). States
  and their encodings live in a byte-bounded LRU keyed by model hash + token
  prefix (+ scheme): a repeated prefix is served without any compute, a longer
  prompt resumes from the longest cached prefix.
* ``/v1/verify`` — speculative decoding: a session holds the prompt and the
  cloud tokens accepted so far; each call evaluates the last accepted token
  plus the device's draft in ONE batch (logits at every position), accepts the
  longest prefix of the draft equal to the greedy tokens and adds the model's
  own next token. Drafts are text (re-tokenized here, any model pair works) or,
  when the device proves it holds the same GGUF, token ids. The KV of each
  session stays in the engine (and in its prefix cache when sessions
  interleave), so a round evaluates only the new tokens.

Batching: every call on one model runs under that model's engine lock, so
concurrent calls from many devices queue on the context; they are not fused
into one llama.cpp batch (the engine's context holds one sequence).

Configuration: ``EDGEKIT_GATEWAY_STATE_*`` environment variables (see
:class:`StateConfig`), or ``app[STATE_CONFIG]`` set before start-up.
"""

from __future__ import annotations

import asyncio
import codecs
import json
import re
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
from aiohttp import web

from cloud_gateway.errors import ConfigError
from cloud_gateway.inner import ClosingStream, InnerRequest, InnerResponse
from cloud_gateway.limits import retry_after_header
from cloud_gateway.logs import get_logger
from cloud_gateway.problems import (
    BadRequest,
    ContextTooLong,
    ModelMismatch,
    ModelNotAllowed,
    RateLimited,
    SessionConflict,
    SessionUnknown,
    Unavailable,
    UnsupportedMediaType,
)
from cloud_gateway.settings import build
from cloud_gateway.state import STATE, GatewayState
from cloud_gateway.untrusted import loads_bounded
from edgekit.local import DEFAULT_EDGE_MODEL, ContextOverflow, EngineClosed, ModelError
from edgekit.local.prefix_cache import common_prefix

if TYPE_CHECKING:
    from edgekit.local import Engine
    from edgekit.state.wire import Scheme

log = get_logger("edgekit.gateway.state")

PREFILL_PATH = "/v1/prefill"
VERIFY_PATH = "/v1/verify"
ENV_PREFIX = "EDGEKIT_GATEWAY_STATE_"
_SESSION_ID = re.compile(r"^[A-Za-z0-9_.:-]{8,128}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_JSON = {"Content-Type": "application/json"}
_WRITE_BYTES = 256 << 10
MIN_PREFIX_TOKENS = 16


@dataclass(frozen=True, kw_only=True)
class StateConfig:
    """What the state endpoints serve.

    ``models``: state models, loaded on first use, matched by the SHA-256 of
    their GGUF (the device's model). ``verify_models``: models that verify
    drafts (first = default). ``cache_bytes`` bounds the prefix cache (raw
    states plus encodings). ``max_sessions``/``session_ttl_s`` bound verify
    sessions; ``session_cache_bytes`` bounds the KV saved per session after
    each round (restored when sessions interleave on one model);
    ``max_draft`` the draft tokens per call. ``verify_ubatch``: tokens
    per ``llama_decode`` call when verifying (all in one request and one lock
    hold). 1 reproduces token-by-token greedy decoding bit for bit; in the
    pinned llama.cpp build, rows of a larger batch can get logits that differ by
    up to ~1.0 from decoding the same tokens one at a time (see
    docs/kv-state.md), which can flip a near-tie and break exactness. 0 = the
    whole draft in one batch.
    """

    enabled: bool = True
    models: tuple[str, ...] = (DEFAULT_EDGE_MODEL,)
    verify_models: tuple[str, ...] = (DEFAULT_EDGE_MODEL,)
    n_ctx: int = 4096
    n_threads: int | None = None
    cache_bytes: int = 512 << 20
    max_prompt_tokens: int = 4000
    max_draft: int = 32
    verify_ubatch: int = 1
    max_tokens: int = 2048
    max_sessions: int = 256
    session_cache_bytes: int = 256 << 20
    session_ttl_s: float = 600.0

    def __post_init__(self) -> None:
        if not self.models and not self.verify_models and self.enabled:
            raise ConfigError("state: name at least one model or verify model")
        if self.n_ctx < 256 or self.cache_bytes < 0 or self.max_prompt_tokens < 1:
            raise ConfigError("state: n_ctx >= 256, cache_bytes >= 0, max_prompt_tokens >= 1")
        if not 1 <= self.max_draft <= 256 or self.max_tokens < 1 or self.verify_ubatch < 0:
            raise ConfigError("state: max_draft in [1, 256] and max_tokens >= 1")
        if self.max_sessions < 1 or self.session_ttl_s <= 0:
            raise ConfigError("state: max_sessions >= 1 and session_ttl_s > 0")


def load_state_config(
    mapping: Mapping[str, Any] | None = None, *, environ: Mapping[str, str] | None = None
) -> StateConfig:
    """A :class:`StateConfig` from a TOML table plus ``EDGEKIT_GATEWAY_STATE_*`` variables."""
    import os

    return build(
        StateConfig,
        dict(mapping or {}),
        env_prefix=ENV_PREFIX,
        environ=os.environ if environ is None else environ,
    )


_NO_LOGITS = np.zeros(0, dtype=np.float32)
STATE_CONFIG = web.AppKey("edgekit_state_config", StateConfig)


# --- models ---------------------------------------------------------------------


class ModelPool:
    """Engines loaded on first use, found by name or by GGUF SHA-256."""

    def __init__(self, config: StateConfig) -> None:
        self.config = config
        self._engines: dict[str, Engine] = {}
        self._sha: dict[str, str] = {}
        self._lock = asyncio.Lock()

    async def get(self, name: str) -> Engine:
        async with self._lock:
            engine = self._engines.get(name)
            if engine is None:
                engine = await asyncio.to_thread(self._load, name)
                self._engines[name] = engine
            return engine

    def _load(self, name: str) -> Engine:
        from edgekit.local import Engine, EngineConfig

        engine = Engine(
            EngineConfig(model=name, n_ctx=self.config.n_ctx, n_threads=self.config.n_threads)
        )
        log.info("state model %s loaded (n_ctx=%d)", name, self.config.n_ctx)
        return engine

    async def sha256(self, name: str) -> str:
        """SHA-256 of a configured model's GGUF (hashed once)."""
        if name not in self._sha:
            from edgekit.local.models import resolve_model, sha256_file

            path = await asyncio.to_thread(resolve_model, name)
            self._sha[name] = await asyncio.to_thread(sha256_file, path)
        return self._sha[name]

    async def by_sha256(self, names: tuple[str, ...], digest: str) -> str | None:
        for name in names:
            if await self.sha256(name) == digest:
                return name
        return None

    async def aclose(self) -> None:
        engines, self._engines = self._engines, {}
        for engine in engines.values():
            await asyncio.to_thread(engine.close)


# --- prefix cache -----------------------------------------------------------------


@dataclass
class _CachedState:
    tokens: tuple[int, ...]
    state: bytes
    logits: Any
    encodings: dict[str, list[bytes]] = field(default_factory=dict)

    @property
    def nbytes(self) -> int:
        encoded = sum(len(f) for frames in self.encodings.values() for f in frames)
        return len(self.state) + int(self.logits.nbytes) + encoded


class PrefixStore:
    """States of token prefixes per model, least recently used evicted beyond ``max_bytes``."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._entries: OrderedDict[tuple[str, tuple[int, ...]], _CachedState] = OrderedDict()
        self.hits = 0
        self.misses = 0

    @property
    def nbytes(self) -> int:
        return sum(e.nbytes for e in self._entries.values())

    def __len__(self) -> int:
        return len(self._entries)

    def exact(self, model: str, tokens: tuple[int, ...]) -> _CachedState | None:
        entry = self._entries.get((model, tokens))
        if entry is not None:
            self._entries.move_to_end((model, tokens))
        return entry

    def longest_prefix(
        self, model: str, tokens: tuple[int, ...], *, multiple_of: int = 1
    ) -> _CachedState | None:
        """The cached entry of the longest proper prefix of ``tokens`` whose length is a
        multiple of ``multiple_of`` (at least MIN_PREFIX_TOKENS)."""
        best: _CachedState | None = None
        for (m, key), entry in self._entries.items():
            if (
                m == model
                and MIN_PREFIX_TOKENS <= len(key) < len(tokens)
                and (len(key) % multiple_of == 0)
                and (best is None or len(key) > len(best.tokens))
                and common_prefix(key, tokens) == len(key)
            ):
                best = entry
        if best is not None:
            self._entries.move_to_end((model, best.tokens))
        return best

    def put(self, model: str, entry: _CachedState) -> None:
        key = (model, entry.tokens)
        self._entries.pop(key, None)
        if entry.nbytes > self.max_bytes:
            return
        self._entries[key] = entry
        self._evict()

    def drop(self, model: str, tokens: tuple[int, ...]) -> None:
        self._entries.pop((model, tokens), None)

    def _evict(self) -> None:
        total = self.nbytes
        while total > self.max_bytes and len(self._entries) > 1:
            _, old = self._entries.popitem(last=False)
            total -= old.nbytes


# --- verify sessions ----------------------------------------------------------------


@dataclass
class _Session:
    model: str
    prompt: list[int]
    max_tokens: int
    generated: list[int] = field(default_factory=list)
    decoder: codecs.IncrementalDecoder = field(
        default_factory=lambda: codecs.getincrementaldecoder("utf-8")(errors="replace")
    )
    pending: int | None = None
    finish: str | None = None
    used: float = field(default_factory=time.monotonic)
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


@dataclass(frozen=True)
class _Round:
    text: str
    accepted: int
    drafted: int
    tokens: list[int]
    finish: str | None


class StateService:
    """Handlers of the state endpoints and what they share."""

    def __init__(self, config: StateConfig, gateway: GatewayState) -> None:
        self.config = config
        self.gateway = gateway
        self.pool = ModelPool(config)
        self.cache = PrefixStore(config.cache_bytes)
        self.sessions: OrderedDict[str, _Session] = OrderedDict()
        self.session_kv = PrefixStore(config.session_cache_bytes)
        self._saved_keys: dict[str, tuple[int, ...]] = {}

    def _keep(self, sid: str, kv: tuple[tuple[int, ...], bytes]) -> None:
        """Save a session's KV after a round (byte-bounded LRU; replaces the previous one)."""
        old = self._saved_keys.pop(sid, None)
        if old is not None:
            self.session_kv.drop("session:" + sid, old)
        self.session_kv.put("session:" + sid, _CachedState(kv[0], kv[1], _NO_LOGITS))
        self._saved_keys[sid] = kv[0]

    def _drop(self, sid: str) -> None:
        self.sessions.pop(sid, None)
        old = self._saved_keys.pop(sid, None)
        if old is not None:
            self.session_kv.drop("session:" + sid, old)

    async def aclose(self) -> None:
        await self.pool.aclose()

    # --- shared checks -----------------------------------------------------------

    async def _admit(self, client: str) -> None:
        wait = await self.gateway.limiter.acquire(client)
        if wait > 0:
            self.gateway.metrics.rate_limited.inc()
            raise RateLimited(retry_after=retry_after_header(wait))

    async def _run(self, fn: Callable[[], Any], client: str) -> Any:
        """Run engine work in a thread inside ``client``'s generation slot (fair turns)."""
        gate = self.gateway.gate
        if gate is None:
            raise Unavailable("gateway starting")
        await gate.acquire(client)
        try:
            return await asyncio.to_thread(fn)
        except ContextOverflow as exc:
            raise ContextTooLong(
                f"{exc.n_tokens} tokens needed, the model's context holds {exc.n_ctx}"
            ) from None
        except EngineClosed:
            raise Unavailable("model is shutting down") from None
        finally:
            gate.release(client)

    # --- prefill -----------------------------------------------------------------

    async def prefill(self, request: InnerRequest) -> InnerResponse:
        from edgekit.state import wire

        body = _json_body(request)
        digest = body.get("model_sha256")
        if not isinstance(digest, str) or not _SHA256.match(digest):
            raise BadRequest("'model_sha256' must be the 64 hex digits of the GGUF's SHA-256")
        tokens = _int_list(body.get("tokens"), "tokens", self.config.max_prompt_tokens)
        if not tokens:
            raise BadRequest("'tokens' must not be empty")
        scheme = next((s for s in wire.SCHEMES if s == body.get("scheme", "int8")), None)
        if scheme is None:
            raise BadRequest("'scheme' must be 'int8' or 'lossless'")
        from_pos = body.get("from_pos", 0)
        if type(from_pos) is not int or not 0 <= from_pos < len(tokens):
            raise BadRequest("'from_pos' must be a position inside the prompt")
        name = await self.pool.by_sha256(self.config.models, digest)
        if name is None:
            raise ModelMismatch("no state model with this SHA-256 is configured here")
        await self._admit(request.client)
        key = tuple(tokens)
        frames = await self._frames(name, digest, key, scheme, request.client, from_pos)
        request.stats.prompt_tokens = len(tokens)
        headers = {"Content-Type": wire.MEDIA_TYPE, "X-EdgeKit-State-Model": name}
        return InnerResponse(200, headers, stream=ClosingStream(_coalesce(frames), _noop))

    async def _frames(
        self,
        name: str,
        digest: str,
        tokens: tuple[int, ...],
        scheme: Scheme,
        client: str,
        from_pos: int = 0,
    ) -> list[bytes]:
        """The encoded state of ``tokens`` (its cells from ``from_pos`` on), cached."""
        from edgekit.state import wire
        from edgekit.state.cells import cut_cells
        from edgekit.state.layout import LayoutError

        encoding = scheme if from_pos == 0 else f"{scheme}@{from_pos}"
        entry = self.cache.exact(digest, tokens)
        if entry is not None and encoding in entry.encodings:
            self.cache.hits += 1
            return entry.encodings[encoding]
        self.cache.misses += 1
        engine = await self.pool.get(name)
        base = (
            None
            if entry is not None
            else self.cache.longest_prefix(digest, tokens, multiple_of=engine.n_batch)
        )

        def work() -> _CachedState:
            if entry is not None:
                state, logits = entry.state, entry.logits
            else:
                resume = (base.tokens, base.state) if base is not None else None
                state, logits = engine.prefill_state(tokens, resume)
            meta = {"n_tokens": len(tokens), "model_sha256": digest, "from_pos": from_pos}
            sent = state if from_pos == 0 else cut_cells(state, from_pos)
            frames = list(wire.encode_state(sent, scheme, meta=meta, logits=logits))
            return _CachedState(tokens, state, logits, {encoding: frames})

        try:
            made: _CachedState = await self._run(work, client)
        except ModelError as exc:
            raise BadRequest(f"prefill failed: {type(exc).__name__}") from None
        except LayoutError:
            raise BadRequest("this model's state cannot be split at a position") from None
        if entry is not None:
            entry.encodings.update(made.encodings)
            self.cache.put(digest, entry)
        else:
            self.cache.put(digest, made)
        return made.encodings[encoding]

    # --- verify ------------------------------------------------------------------

    async def verify(self, request: InnerRequest) -> InnerResponse:
        body = _json_body(request)
        sid = body.get("session")
        if not isinstance(sid, str) or not _SESSION_ID.match(sid):
            raise BadRequest("'session' must be 8-128 characters of [A-Za-z0-9_.:-]")
        self._expire()
        if body.get("close") is True:
            self._drop(sid)
            return InnerResponse(200, dict(_JSON), b'{"closed":true}')
        session = self.sessions.get(sid)
        if session is None:
            session = await self._open(sid, body, request.client)
        self.sessions.move_to_end(sid)
        async with session.lock:
            position = body.get("position", len(session.generated))
            if position != len(session.generated):
                raise SessionConflict("the session is at another position")
            if session.finish is not None:
                raise SessionConflict("the session has finished")
            engine = await self.pool.get(session.model)
            draft = await self._draft(body, session, engine)
            ubatch = self.config.verify_ubatch or self.config.max_draft + 1
            saved = self.session_kv.exact("session:" + sid, self._saved_keys.get(sid, ()))
            resume = (saved.tokens, saved.state) if saved is not None else None
            result, kv = await self._run(
                lambda: _verify_round(engine, session, draft, ubatch, resume), request.client
            )
            self._keep(sid, kv)
        session.used = time.monotonic()
        request.stats.completion_tokens = len(result.tokens)
        if result.finish is not None:
            self._drop(sid)
        answer: dict[str, Any] = {
            "text": result.text,
            "accepted": result.accepted,
            "drafted": result.drafted,
            "emitted": len(result.tokens),
            "position": len(session.generated),
            "finish_reason": result.finish,
        }
        if body.get("ids") is True:
            answer["tokens"] = result.tokens
        return InnerResponse(200, dict(_JSON), json.dumps(answer).encode())

    async def _open(self, sid: str, body: dict[str, Any], client: str) -> _Session:
        if body.get("position", 0) != 0:
            raise SessionUnknown("start again with the prompt")
        default = self.config.verify_models[0] if self.config.verify_models else None
        name = body.get("model") or default
        if not isinstance(name, str) or name not in self.config.verify_models:
            raise ModelNotAllowed("this model does not verify drafts here")
        max_tokens = body.get("max_tokens", 256)
        if not isinstance(max_tokens, int) or not 1 <= max_tokens <= self.config.max_tokens:
            raise BadRequest(f"'max_tokens' must be in [1, {self.config.max_tokens}]")
        await self._admit(client)
        engine = await self.pool.get(name)
        prompt = _prompt_tokens(engine, body)
        if len(prompt) + max_tokens >= engine.info.n_ctx:
            raise ContextTooLong(
                f"{len(prompt) + max_tokens} tokens needed, the context holds {engine.info.n_ctx}"
            )
        session = _Session(model=name, prompt=prompt, max_tokens=max_tokens)

        def open_session() -> tuple[int, tuple[tuple[int, ...], bytes]]:
            first = engine.cold_prefill(prompt)
            return first, engine.snapshot()

        session.pending, saved = await self._run(open_session, client)
        self._keep(sid, saved)
        self.sessions[sid] = session
        while len(self.sessions) > self.config.max_sessions:
            self._drop(next(iter(self.sessions)))
        return session

    async def _draft(self, body: dict[str, Any], session: _Session, engine: Engine) -> list[int]:
        if "draft_tokens" in body:
            digest = body.get("model_sha256")
            if digest != await self.pool.sha256(session.model):
                raise ModelMismatch("draft token ids need the same model on both sides")
            ids = _int_list(body["draft_tokens"], "draft_tokens", self.config.max_draft)
            if any(not 0 <= t < engine.info.n_vocab for t in ids):
                raise BadRequest("'draft_tokens' outside the vocabulary")
            return ids
        text = body.get("draft", "")
        if not isinstance(text, str) or len(text) > 64 * self.config.max_draft:
            raise BadRequest("'draft' must be a string of bounded length")
        if not text:
            return []
        return engine.tokenize(text, add_bos=False, special=False)[: self.config.max_draft]

    def _expire(self) -> None:
        cutoff = time.monotonic() - self.config.session_ttl_s
        while self.sessions:
            sid, oldest = next(iter(self.sessions.items()))
            if oldest.used >= cutoff:
                break
            self._drop(sid)


STATE_SERVICE = web.AppKey("edgekit_state_service", StateService)


def _verify_round(
    engine: Engine,
    session: _Session,
    draft: list[int],
    ubatch: int,
    resume: tuple[tuple[int, ...], bytes] | None,
) -> tuple[_Round, tuple[tuple[int, ...], bytes]]:
    """One verification: accept the longest greedy-matching draft prefix plus one token."""
    context = session.prompt + session.generated
    remaining = session.max_tokens - len(session.generated)
    room = engine.info.n_ctx - len(context) - 2
    draft = draft[: max(0, min(remaining - 1, room))]
    j, bonus, kv = engine.verify_draft(context, session.pending, draft, ubatch, resume)
    session.pending = None
    emitted = [*draft[:j], bonus]
    finish: str | None = None
    if engine.is_eog(emitted[-1]):
        emitted.pop()
        finish = "stop"
    session.generated.extend(emitted)
    if finish is None and (
        len(session.generated) >= session.max_tokens
        or len(session.prompt) + len(session.generated) + 2 >= engine.info.n_ctx
    ):
        finish = "length"
    text = session.decoder.decode(b"".join(engine.token_bytes(t) for t in emitted))
    if finish is not None:
        text += session.decoder.decode(b"", final=True)
        session.finish = finish
    return _Round(text, j, len(draft), emitted, finish), kv


def _prompt_tokens(engine: Engine, body: dict[str, Any]) -> list[int]:
    prompt = body.get("prompt")
    messages = body.get("messages")
    if isinstance(prompt, str) and prompt and messages is None:
        tokens = engine.tokenize(prompt)
    elif isinstance(messages, list) and messages and prompt is None:
        if not all(
            isinstance(m, dict)
            and isinstance(m.get("role"), str)
            and isinstance(m.get("content"), str)
            for m in messages
        ):
            raise BadRequest("'messages' must be objects with string role and content")
        tokens = engine.tokenize(engine.render_chat(messages), add_bos=True, special=True)
    else:
        raise BadRequest("open a verify session with a non-empty 'prompt' or 'messages'")
    if not tokens:
        raise BadRequest("the prompt has no tokens")
    return tokens


def _json_body(request: InnerRequest) -> dict[str, Any]:
    if request.content_type != "application/json":
        raise UnsupportedMediaType("expected application/json")
    try:
        body = loads_bounded(request.body)
    except ValueError:
        raise BadRequest("body is not JSON (or nests too deep)") from None
    if not isinstance(body, dict):
        raise BadRequest("body must be a JSON object")
    return body


def _int_list(value: Any, name: str, limit: int) -> list[int]:
    if not isinstance(value, list) or len(value) > limit:
        raise BadRequest(f"'{name}' must be a list of at most {limit} token ids")
    if not all(isinstance(t, int) and not isinstance(t, bool) and t >= 0 for t in value):
        raise BadRequest(f"'{name}' must hold non-negative integers")
    return value


async def _coalesce(frames: list[bytes]) -> AsyncIterator[bytes]:
    """Frames as writes of about ``_WRITE_BYTES``."""
    buf = bytearray()
    for f in frames:
        buf += f
        if len(buf) >= _WRITE_BYTES:
            yield bytes(buf)
            buf.clear()
            await asyncio.sleep(0)
    if buf:
        yield bytes(buf)


async def _noop() -> None:
    return None


# --- wiring ----------------------------------------------------------------------


def add_state_routes(
    app: web.Application,
    plaintext_handler: Callable[[web.Request], Awaitable[web.StreamResponse]] | None = None,
) -> None:
    """Serve ``/v1/prefill`` and ``/v1/verify`` (inner API; plaintext too when given)."""
    app.cleanup_ctx.append(_state_ctx)
    if plaintext_handler is not None:
        for path in (PREFILL_PATH, VERIFY_PATH):
            app.router.add_route("*", path, plaintext_handler)


async def _state_ctx(app: web.Application) -> AsyncIterator[None]:
    config = app.get(STATE_CONFIG) or load_state_config()
    if not config.enabled:
        yield
        return
    service = StateService(config, app[STATE])
    app[STATE_SERVICE] = service
    app[STATE].router.add("POST", PREFILL_PATH, service.prefill)
    app[STATE].router.add("POST", VERIFY_PATH, service.verify)
    try:
        yield
    finally:
        await service.aclose()
