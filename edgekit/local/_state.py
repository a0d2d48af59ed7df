"""The engine's state operations: cold prefill, exact prefill, restore-and-decode, draft checks.

:class:`~edgekit.local.engine.Engine` exposes these as public methods; the
functions live here to keep the engine module about streaming. Each runs with
``engine.lock`` held and keeps the engine's view of its KV cache (``_kv``)
exact, so its own decoding, prefix reuse and prefix cache keep working
afterwards.
"""

from __future__ import annotations

import time
from collections.abc import Generator, Sequence
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from edgekit.errors import ContextOverflow, EngineClosed, StateError
from edgekit.local.config import GenerationParams
from edgekit.local.prefix_cache import common_prefix
from edgekit.local.types import TokenEvent

if TYPE_CHECKING:
    from edgekit.local.engine import Engine

Snapshot = tuple[tuple[int, ...], bytes]
"""The tokens in a KV cache and llama.cpp's sequence state of them."""


def _check(engine: Engine) -> None:
    if engine.closed:
        raise EngineClosed("the engine is closed")


def _check_fits(engine: Engine, tokens: Sequence[int]) -> None:
    n_ctx = engine.info.n_ctx
    if not tokens or len(tokens) >= n_ctx:
        raise ContextOverflow(
            f"prompt of {len(tokens)} tokens does not fit n_ctx={n_ctx}",
            n_tokens=len(tokens),
            n_ctx=n_ctx,
        )
    engine._check_token_ids(tokens)


def _start_cold(engine: Engine) -> None:
    """Empty the cache, first offering what it holds to the prefix cache."""
    if engine._kv:
        engine._maybe_save(0)
    engine._handle.clear()
    engine._kv = []


def _load(engine: Engine, tokens: Sequence[int], state: bytes) -> bool:
    """Replace the cache with ``state`` (the KV of ``tokens``); False (and empty) if refused."""
    h = engine._handle
    h.clear()
    engine._kv = []
    if h.load_state_bytes(state) and h.pos_max() == len(tokens) - 1:
        engine._kv = list(tokens)
        return True
    h.clear()
    return False


def _sync(engine: Engine, tokens: Sequence[int]) -> None:
    """Make the KV cache hold exactly ``tokens`` (reusing what it shares, or a saved prefix)."""
    if engine.config.prefix_cache and tokens:
        engine._maybe_restore(list(tokens))
    keep = common_prefix(engine._kv, tokens)
    if keep < len(engine._kv):
        engine._maybe_save(keep)
        if keep == 0 or not engine._handle.truncate(keep):
            engine._handle.clear()
            keep = 0
        del engine._kv[keep:]
    engine._eval(list(tokens[keep:]))


def snapshot(engine: Engine) -> Snapshot:
    """The tokens in the cache and their sequence state, read under one lock hold."""
    with engine.lock:
        _check(engine)
        return tuple(engine._kv), engine._handle.state_bytes()


def cold_prefill(engine: Engine, tokens: Sequence[int]) -> int:
    """Evaluate ``tokens`` from an empty cache, as a fresh engine would; the greedy next token."""
    _check_fits(engine, tokens)
    with engine.lock:
        _check(engine)
        _start_cold(engine)
        engine._eval(list(tokens))
        return int(np.argmax(engine._handle.logits()))


def prefill_state(
    engine: Engine, tokens: Sequence[int], base: Snapshot | None = None
) -> tuple[bytes, npt.NDArray[np.float32]]:
    """State and last-position logits of ``tokens``, bit-identical to a cold local prefill.

    llama.cpp's CPU results depend on where a token sits in its batch, so the
    prompt is evaluated in the same ``n_batch`` chunks a fresh engine uses;
    ``base`` is resumed from only when its length is a whole number of chunks.
    """
    _check_fits(engine, tokens)
    h = engine._handle
    with engine.lock:
        _check(engine)
        _start_cold(engine)
        keep = 0
        if base is not None and 0 < len(base[0]) < len(tokens) and len(base[0]) % h.n_batch == 0:
            keep = len(base[0]) if _load(engine, base[0], base[1]) else 0
        engine._eval(list(tokens[keep:]))
        return h.state_bytes(), h.logits().copy()


def stream_from_state(
    engine: Engine,
    state: bytes,
    tokens: Sequence[int],
    logits: npt.NDArray[np.float32],
    params: GenerationParams,
) -> Generator[TokenEvent, None, None]:
    """Load ``state`` (the KV of ``tokens``) and decode, the first token from ``logits``."""
    if logits.shape != (engine.info.n_vocab,) or not np.isfinite(logits).all():
        raise StateError("hand-off logits do not fit this model")
    engine._check_token_ids(tokens)
    t0 = time.perf_counter()
    with engine.lock:
        _check(engine)
        if len(tokens) + 1 >= engine.info.n_ctx or not _load(engine, tokens, state):
            raise StateError(
                "llama.cpp rejected the handed-off state, or it does not hold "
                "the prompt's positions"
            )
        t_prefill = time.perf_counter() - t0
        yield from engine._decode_loop(
            list(tokens), params, None, t0, t_prefill, len(tokens), first_logits=logits
        )


def verify_draft(
    engine: Engine,
    context: Sequence[int],
    pending: int | None,
    draft: Sequence[int],
    ubatch: int,
    resume: Snapshot | None = None,
) -> tuple[int, int, Snapshot]:
    """Accepted draft length, the model's next token after it, and the cache's snapshot.

    ``pending`` is the greedy token after ``context`` when the cache already
    holds all of ``context``; ``None`` when its last token still has to be
    evaluated. The draft is evaluated in micro-batches of ``ubatch`` tokens
    under one lock hold, stopping at the first rejected token; afterwards the
    cache holds ``context`` + the accepted tokens. ``resume`` is loaded first
    when the cache does not hold its tokens (sessions interleaving).
    """
    if len(context) + len(draft) + 1 >= engine.info.n_ctx:
        raise ContextOverflow(
            "no room left in the KV cache",
            n_tokens=len(context) + len(draft) + 1,
            n_ctx=engine.info.n_ctx,
        )
    engine._check_token_ids([*context, *draft])
    with engine.lock:
        _check(engine)
        if resume is not None and common_prefix(engine._kv, resume[0]) < len(resume[0]):
            _start_cold(engine)
            _load(engine, *resume)
        if pending is not None:
            _sync(engine, context)
            preds = _greedy_rows(engine, draft, draft, ubatch, [pending])
        else:
            _sync(engine, context[:-1])
            preds = _greedy_rows(engine, [context[-1], *draft], draft, ubatch, [])
        j = 0
        while j < len(draft) and draft[j] == preds[j] and not engine._handle.is_eog(draft[j]):
            j += 1
        _truncate(engine, len(context) + j)
        return j, preds[j], (tuple(engine._kv), engine._handle.state_bytes())


def _greedy_rows(
    engine: Engine, feed: Sequence[int], draft: Sequence[int], ubatch: int, preds: list[int]
) -> list[int]:
    """``preds`` (the predictions known so far) extended by the greedy prediction after
    each token of ``feed``, evaluated ``ubatch`` at a time, while all agree with ``draft``."""
    h = engine._handle
    i = 0
    while i < len(feed) and _agrees(draft, preds):
        chunk = list(feed[i : i + ubatch])
        try:
            h.decode(chunk, len(engine._kv), every_row=True)
        except BaseException:
            h.clear()
            engine._kv = []
            raise
        engine._kv.extend(chunk)
        preds.extend(int(np.argmax(h.logits(r))) for r in range(len(chunk)))
        i += len(chunk)
    return preds


def _agrees(draft: Sequence[int], preds: Sequence[int]) -> bool:
    """True while every prediction so far matches the draft and one is still missing."""
    return all(k < len(draft) and draft[k] == p for k, p in enumerate(preds))


def _truncate(engine: Engine, keep: int) -> None:
    if keep < len(engine._kv):
        if engine._handle.truncate(keep):
            del engine._kv[keep:]
        else:
            engine._handle.clear()
            engine._kv = []
