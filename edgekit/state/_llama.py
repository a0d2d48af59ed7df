"""Engine capabilities the state strategies need, on the engine's own llama context.

Everything here runs with ``engine.lock`` held and keeps the engine's view of
its KV cache (``engine._kv``) exact, so the engine's own decoding, prefix reuse
and prefix cache keep working afterwards. It is the one module outside
``edgekit.local`` that touches the engine's internals.
"""

from __future__ import annotations

import time
from collections.abc import Generator, Sequence
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from edgekit.errors import ContextOverflow, EngineClosed, ModelError, StateError
from edgekit.local.config import GenerationParams
from edgekit.local.prefix_cache import common_prefix
from edgekit.local.types import TokenEvent

if TYPE_CHECKING:
    from edgekit.local.engine import Engine


def _check(engine: Engine) -> None:
    if engine.closed:
        raise EngineClosed("the engine is closed")


def _sync(engine: Engine, tokens: Sequence[int]) -> None:
    """Make the KV cache hold exactly ``tokens`` (reusing what it shares, or a saved prefix)."""
    kv = engine._kv
    if engine.config.prefix_cache and tokens:
        engine._maybe_restore(list(tokens))
    keep = common_prefix(kv, tokens)
    if keep < len(engine._kv):
        engine._maybe_save(keep)
        if keep == 0 or not engine._handle.truncate(keep):
            engine._handle.clear()
            keep = 0
        del engine._kv[keep:]
    engine._eval(list(tokens[keep:]))


def cold_prefill(engine: Engine, tokens: Sequence[int]) -> int:
    """Evaluate ``tokens`` from an empty cache, as a fresh engine would; the greedy next token.

    The KV it replaces is first offered to the engine's prefix cache. Starting
    cold makes the result independent of what the context held before.
    """
    h = engine._handle
    if not tokens or len(tokens) >= h.n_ctx:
        raise ContextOverflow(
            f"prompt of {len(tokens)} tokens does not fit n_ctx={h.n_ctx}",
            n_tokens=len(tokens), n_ctx=h.n_ctx,
        )
    engine._check_token_ids(tokens)
    with engine.lock:
        _check(engine)
        if engine._kv:
            engine._maybe_save(0)
        h.clear()
        engine._kv = []
        engine._eval(list(tokens))
        return int(np.argmax(h.logits()))


def verify_draft(
    engine: Engine,
    context: Sequence[int],
    pending: int | None,
    draft: Sequence[int],
    ubatch: int,
    resume: tuple[Sequence[int], bytes] | None = None,
) -> tuple[int, int, tuple[tuple[int, ...], bytes]]:
    """Accepted draft length and the model's next token after the accepted part.

    ``pending`` is the greedy token after ``context`` when the cache already
    holds all of ``context``; ``None`` when its last token still has to be
    evaluated. The draft is evaluated in micro-batches of ``ubatch`` tokens
    (all in this one call, under one lock), stopping at the first rejected
    token. Afterwards the cache holds ``context`` + the accepted tokens.
    """
    h = engine._handle
    if len(context) + len(draft) + 1 >= h.n_ctx:
        raise ContextOverflow(
            "no room left in the KV cache", n_tokens=len(context) + len(draft) + 1, n_ctx=h.n_ctx
        )
    engine._check_token_ids(list(context) + list(draft))
    with engine.lock:
        _check(engine)
        if resume is not None:
            _resume(engine, resume)
        preds: list[int] = []
        if pending is not None:
            _sync(engine, context)
            preds.append(pending)
            feed = list(draft)
        else:
            _sync(engine, context[:-1])
            feed = [context[-1], *draft]
        i = 0
        while _undecided(draft, preds) and i < len(feed):
            chunk = feed[i : i + ubatch]
            try:
                rows = _decode_all(engine, chunk, len(engine._kv))
            except BaseException:
                h.clear()
                engine._kv = []
                raise
            engine._kv.extend(chunk)
            preds.extend(int(np.argmax(r)) for r in rows)
            i += len(chunk)
        j = 0
        while j < len(draft) and draft[j] == preds[j] and not h.is_eog(draft[j]):
            j += 1
        keep = len(context) + j
        if keep < len(engine._kv):
            if not h.truncate(keep):
                h.clear()
                engine._kv = []
            else:
                del engine._kv[keep:]
        return j, preds[j], (tuple(engine._kv), h.state_bytes())


def _resume(engine: Engine, saved: tuple[Sequence[int], bytes]) -> None:
    """Load a saved KV when the cache does not already hold its tokens."""
    tokens, state = saved
    if common_prefix(engine._kv, tokens) == len(tokens):
        return
    h = engine._handle
    if engine._kv:
        engine._maybe_save(0)
    h.clear()
    engine._kv = []
    if h.load_state_bytes(state) and h.pos_max() == len(tokens) - 1:
        engine._kv = list(tokens)
    else:
        h.clear()


def snapshot(engine: Engine) -> tuple[tuple[int, ...], bytes]:
    """The tokens in the cache and their sequence state."""
    with engine.lock:
        _check(engine)
        return tuple(engine._kv), engine._handle.state_bytes()


def _undecided(draft: Sequence[int], preds: Sequence[int]) -> bool:
    """True while every known prediction agrees with the draft and one is still missing."""
    return all(not (i >= len(draft) or draft[i] != p) for i, p in enumerate(preds))


def _decode_all(engine: Engine, tokens: Sequence[int], start: int) -> list[npt.NDArray[np.float32]]:
    h = engine._handle
    n = len(tokens)
    h._tok[:n] = tokens
    h._pos[:n] = np.arange(start, start + n, dtype=h._pos.dtype)
    h._out[:n] = 1
    h._batch.n_tokens = n
    rc = int(h._lc.llama_decode(h._ctx, h._batch))
    if rc == 1:
        raise ContextOverflow("no room left in the KV cache", n_tokens=start + n, n_ctx=h.n_ctx)
    if rc != 0:
        raise ModelError(f"llama_decode failed with code {rc}")
    rows = []
    for i in range(n):
        ptr = h._lc.llama_get_logits_ith(h._ctx, i)
        if not ptr:
            raise ModelError("llama.cpp returned no logits")
        rows.append(np.ctypeslib.as_array(ptr, shape=(h.n_vocab,)))
    return rows


def is_eog(engine: Engine, token: int) -> bool:
    """Whether ``token`` ends generation for this model."""
    return engine._handle.is_eog(token)


def piece(engine: Engine, token: int) -> bytes:
    """The bytes of ``token`` (control tokens: none)."""
    return engine._handle.piece(token)


def prefill_exact(
    engine: Engine, tokens: Sequence[int], base: tuple[Sequence[int], bytes] | None = None
) -> tuple[bytes, npt.NDArray[np.float32]]:
    """State and last-position logits of ``tokens``, bit-identical to a cold local prefill.

    llama.cpp's CPU results depend on where a token sits in its batch, so the
    prompt is evaluated in the same ``n_batch`` chunks a fresh engine uses.
    ``base`` (tokens, state) is resumed from only when its length is a whole
    number of chunks, which keeps the chunk boundaries identical.
    """
    h = engine._handle
    if not tokens or len(tokens) >= h.n_ctx:
        raise ContextOverflow(
            f"prompt of {len(tokens)} tokens does not fit n_ctx={h.n_ctx}",
            n_tokens=len(tokens), n_ctx=h.n_ctx,
        )
    engine._check_token_ids(tokens)
    with engine.lock:
        _check(engine)
        if engine._kv:
            engine._maybe_save(0)
        h.clear()
        engine._kv = []
        keep = 0
        if base is not None and 0 < len(base[0]) < len(tokens) and len(base[0]) % h.n_batch == 0:
            if h.load_state_bytes(base[1]) and h.pos_max() == len(base[0]) - 1:
                engine._kv = list(base[0])
                keep = len(base[0])
            else:
                h.clear()
        engine._eval(list(tokens[keep:]))
        return h.state_bytes(), h.logits().copy()


def stream_restored(
    engine: Engine,
    state: bytes,
    tokens: Sequence[int],
    logits: npt.NDArray[np.float32],
    params: GenerationParams,
) -> Generator[TokenEvent, None, None]:
    """Load ``state`` (the KV of ``tokens``) and decode, the first token from ``logits``.

    The engine's own decode loop, after loading instead of prefilling; with the
    state and logits of :func:`prefill_exact` the output is the local one.
    """
    h = engine._handle
    if logits.shape != (h.n_vocab,) or not np.isfinite(logits).all():
        raise StateError("hand-off logits do not fit this model")
    engine._check_token_ids(tokens)
    t0 = time.perf_counter()
    with engine.lock:
        _check(engine)
        h.clear()
        engine._kv = []
        if len(tokens) + 1 >= h.n_ctx or not h.load_state_bytes(state):
            h.clear()
            raise StateError("llama.cpp rejected the handed-off state")
        if h.pos_max() != len(tokens) - 1:
            h.clear()
            raise StateError("handed-off state does not hold the prompt's positions")
        engine._kv = list(tokens)
        t_prefill = time.perf_counter() - t0
        yield from engine._decode_loop(
            list(tokens), params, None, t0, t_prefill, len(tokens), first_logits=logits
        )
