"""A thin, explicitly owned wrapper over llama.cpp's C API (via llama-cpp-python's ctypes).

Only this module touches ``llama_cpp``; it is imported when an engine is built,
never by ``import edgekit.local``. Nothing here is thread-safe: the engine
serializes every call on a context with its lock.
"""

from __future__ import annotations

import ctypes
import importlib
import threading
from collections import deque
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from edgekit._logging import get_logger
from edgekit.errors import AdapterError, ContextOverflow, ModelError
from edgekit.local.errors import ModelLoadError, ModelMemoryError

log = get_logger("edgekit.llama_cpp")

_init_lock = threading.Lock()
_lib: Any = None
_log_callback: Any = None  # keep the C callback alive for the process lifetime
_verbose_engines = 0
_recent_errors: deque[str] = deque(maxlen=8)
_partial_line: list[str] = []

# ggml log levels -> Python logging levels (NONE, INFO, WARN, ERROR, DEBUG, CONT).
_LEVELS = {0: 50, 1: 20, 2: 30, 3: 40, 4: 10}
_last_level = 10


def lib() -> Any:
    """The ``llama_cpp`` module, with the backend initialised and logging routed."""
    global _lib, _log_callback
    with _init_lock:
        if _lib is None:
            module: Any = importlib.import_module("llama_cpp")
            _log_callback = module.llama_log_callback(_on_log)
            module.llama_log_set(_log_callback, ctypes.c_void_p(0))
            module.llama_backend_init()
            _lib = module
    return _lib


def set_verbose(verbose: bool, delta: int) -> None:
    """Count engines that asked for llama.cpp's info messages (``delta`` = ±1)."""
    global _verbose_engines
    if verbose:
        with _init_lock:
            _verbose_engines = max(_verbose_engines + delta, 0)


def _on_log(level: int, text: bytes, _user: Any) -> None:
    """llama.cpp log callback: whole lines to ``edgekit.llama_cpp``.

    Unless an engine is verbose, everything below ERROR is logged at DEBUG so
    the library stays silent by default. Error lines are also remembered to
    explain load failures.
    """
    global _last_level
    try:
        py_level = _last_level if level == 5 else _LEVELS.get(level, 10)
        _last_level = py_level
        _partial_line.append(text.decode("utf-8", errors="replace"))
        joined = "".join(_partial_line)
        if not joined.endswith("\n"):
            return
        _partial_line.clear()
        line = joined.rstrip()
        if not line:
            return
        if py_level >= 40:
            _recent_errors.append(line)
        if not _verbose_engines and py_level < 40:
            py_level = 10
        log.log(py_level, "%s", line)
    except Exception:  # never let an exception cross into C
        return


def last_error() -> str:
    """The most recent llama.cpp error line (for error messages), or ''."""
    return _recent_errors[-1] if _recent_errors else ""


def new_batch(lc: Any, n_batch: int) -> tuple[Any, Any, Any, Any]:
    """A ``llama_batch`` of ``n_batch`` single-sequence tokens, freed with ``llama_batch_free``,
    and numpy views of its token, position and wants-logits arrays."""
    batch = lc.llama_batch_init(n_batch, 0, 1)
    np.ctypeslib.as_array(batch.n_seq_id, shape=(n_batch,))[:] = 1
    views = (
        np.ctypeslib.as_array(a, shape=(n_batch,)) for a in (batch.token, batch.pos, batch.logits)
    )
    return (batch, *views)


class LlamaHandle:
    """One llama.cpp model + context + batch, freed explicitly by :meth:`close`."""

    def __init__(
        self,
        path: Path,
        *,
        n_ctx: int,
        n_batch: int,
        n_threads: int,
        n_threads_batch: int,
        verbose: bool,
        n_gpu_layers: int = 0,
    ) -> None:
        self._lc = lib()
        self._model: Any = None
        self._ctx: Any = None
        self._batch: Any = None
        set_verbose(verbose, +1)
        self._verbose = verbose
        try:
            self._load(path, n_ctx, n_batch, (n_threads, n_threads_batch), n_gpu_layers)
        except BaseException:
            self.close()
            raise

    def _load(
        self, path: Path, n_ctx: int, n_batch: int, threads: tuple[int, int], n_gpu_layers: int
    ) -> None:
        lc = self._lc
        mparams = lc.llama_model_default_params()
        mparams.n_gpu_layers = n_gpu_layers
        _recent_errors.clear()
        self._model = lc.llama_model_load_from_file(str(path).encode(), mparams)
        if not self._model:
            self._model = None
            reason = last_error() or "no reason given"
            raise ModelLoadError(f"llama.cpp could not load {path.name}: {reason}", path=str(path))
        if not lc.llama_model_has_decoder(self._model) or lc.llama_model_has_encoder(self._model):
            raise ModelLoadError(
                f"{path.name} is not a decoder-only text generation model", path=str(path)
            )
        self.vocab = lc.llama_model_get_vocab(self._model)
        self.n_vocab = int(lc.llama_vocab_n_tokens(self.vocab))
        cparams = lc.llama_context_default_params()
        cparams.n_ctx = n_ctx
        cparams.n_batch = n_batch
        cparams.n_ubatch = n_batch
        cparams.n_seq_max = 1
        cparams.n_threads, cparams.n_threads_batch = threads
        cparams.flash_attn_type = lc.LLAMA_FLASH_ATTN_TYPE_DISABLED
        cparams.no_perf = True
        self._ctx = lc.llama_init_from_model(self._model, cparams)
        if not self._ctx:
            self._ctx = None
            raise ModelMemoryError(
                f"llama.cpp could not create a {n_ctx}-token context for {path.name}: "
                f"{last_error() or 'allocation failed'}",
                path=str(path),
            )
        self.n_ctx = int(lc.llama_n_ctx(self._ctx))
        self.n_batch = n_batch
        self._memory = lc.llama_get_memory(self._ctx)
        self._batch, self._tok, self._pos, self._out = new_batch(lc, n_batch)
        for i in range(n_batch):
            self._batch.seq_id[i][0] = 0
        self._piece_buf = ctypes.create_string_buffer(256)
        self._logits_row = ctypes.c_float * self.n_vocab
        self.n_embd = int(lc.llama_model_n_embd(self._model))
        self._embeddings_on = False

    # --- model facts ------------------------------------------------------

    @property
    def model(self) -> Any:
        """The loaded ``llama_model`` pointer (another context may share its weights)."""
        return self._model

    @property
    def n_ctx_train(self) -> int:
        return int(self._lc.llama_model_n_ctx_train(self._model))

    @property
    def bos(self) -> int:
        return int(self._lc.llama_vocab_bos(self.vocab))

    @property
    def eos(self) -> int:
        return int(self._lc.llama_vocab_eos(self.vocab))

    @property
    def add_bos(self) -> bool:
        return bool(self._lc.llama_vocab_get_add_bos(self.vocab))

    def chat_template(self) -> str | None:
        raw = self._lc.llama_model_chat_template(self._model, None)
        return raw.decode("utf-8", errors="replace") if raw else None

    def token_text(self, token: int) -> str:
        """The vocabulary text of ``token`` (e.g. ``<|im_end|>``); '' for -1."""
        if token < 0:
            return ""
        raw = self._lc.llama_vocab_get_text(self.vocab, token)
        return raw.decode("utf-8", errors="replace") if raw else ""

    def is_eog(self, token: int) -> bool:
        return bool(self._lc.llama_vocab_is_eog(self.vocab, token))

    def is_control(self, token: int) -> bool:
        """Whether ``token`` is a control token.

        User-defined tokens (Qwen2.5's ``<tool_call>``) are not: llama.cpp's
        tokenizer turns their text into them even without ``parse_special``,
        so they are text as far as a grammar is concerned.
        """
        attr = int(self._lc.llama_vocab_get_attr(self.vocab, token))
        return bool(attr & self._lc.LLAMA_TOKEN_ATTR_CONTROL)

    def tokenize_address(self) -> int:
        """The address of llama.cpp's ``llama_tokenize`` (for native tokenizer bindings)."""
        return int(ctypes.cast(self._lc.llama_cpp._lib.llama_tokenize, ctypes.c_void_p).value or 0)

    # --- tokens -------------------------------------------------------------

    def tokenize(self, text: bytes, *, add_special: bool, parse_special: bool) -> list[int]:
        lc = self._lc
        cap = len(text) + 8
        buf = (lc.llama_token * cap)()
        n = lc.llama_tokenize(self.vocab, text, len(text), buf, cap, add_special, parse_special)
        if n < 0:
            cap = -n
            buf = (lc.llama_token * cap)()
            n = lc.llama_tokenize(self.vocab, text, len(text), buf, cap, add_special, parse_special)
            if n < 0:
                raise ModelError("tokenization failed")
        return list(buf[:n])

    def piece(self, token: int, *, special: bool = False) -> bytes:
        buf = self._piece_buf
        n = self._lc.llama_token_to_piece(self.vocab, token, buf, len(buf), 0, special)
        if n < 0:
            buf = ctypes.create_string_buffer(-n)
            n = self._lc.llama_token_to_piece(self.vocab, token, buf, len(buf), 0, special)
        return buf.raw[: max(n, 0)]

    # --- evaluation -----------------------------------------------------------

    def decode(self, tokens: Sequence[int], start: int, *, every_row: bool = False) -> None:
        """Evaluate ``tokens`` at positions ``start…``; logits only for the last one, or
        for every position with ``every_row`` (read them with ``logits(index)``).

        With hidden states on, llama.cpp would make every row of the batch an
        output (logits for each prompt token): the batch is split so that only
        its last token is evaluated with hidden states on.
        """
        if self._embeddings_on and len(tokens) > 1 and not every_row:
            self._lc.llama_set_embeddings(self._ctx, False)
            try:
                self._decode(tokens[:-1], start)
            finally:
                self._lc.llama_set_embeddings(self._ctx, True)
            self._decode(tokens[-1:], start + len(tokens) - 1)
            return
        self._decode(tokens, start, every_row)

    def _decode(self, tokens: Sequence[int], start: int, every_row: bool = False) -> None:
        n = len(tokens)
        if n == 0 or n > self.n_batch:
            raise ModelError(f"decode batch of {n} tokens (limit {self.n_batch})")
        self._tok[:n] = tokens
        self._pos[:n] = np.arange(start, start + n, dtype=self._pos.dtype)
        self._out[:n] = 1 if every_row else 0
        self._out[n - 1] = 1
        self._batch.n_tokens = n
        rc = int(self._lc.llama_decode(self._ctx, self._batch))
        if rc == 1:
            raise ContextOverflow(
                "no room left in the KV cache", n_tokens=start + n, n_ctx=self.n_ctx
            )
        if rc != 0:
            raise ModelError(f"llama_decode failed with code {rc}")

    def logits(self, index: int = -1) -> npt.NDArray[np.float32]:
        """A zero-copy view of the logits of batch position ``index`` of the last decode
        (default: its last token); valid until the next decode."""
        ptr = self._lc.llama_get_logits_ith(self._ctx, index)
        address = ctypes.cast(ptr, ctypes.c_void_p).value
        if not address:
            raise ModelError("llama.cpp returned no logits")
        row = self._logits_row.from_address(address)
        return np.frombuffer(memoryview(row), dtype=np.float32)

    @property
    def embeddings_on(self) -> bool:
        """Whether decodes currently copy out hidden states."""
        return self._embeddings_on

    def set_embeddings(self, on: bool) -> None:
        """Also output the final hidden state of each output row from the next decode on.

        Logits are computed either way; the only extra work is copying
        ``n_embd`` floats per output row (see :mod:`edgekit.local.hidden`).
        """
        if on != self._embeddings_on:
            self._lc.llama_set_embeddings(self._ctx, on)
            self._embeddings_on = on

    def hidden(self) -> npt.NDArray[np.float32]:
        """A copy of the last output row's final hidden state (after the output norm)."""
        if not self._embeddings_on:
            raise ModelError("hidden states were not requested for this decode")
        ptr = self._lc.llama_get_embeddings_ith(self._ctx, -1)
        if not ptr:
            raise ModelError("llama.cpp returned no hidden state")
        return np.ctypeslib.as_array(ptr, shape=(self.n_embd,)).copy()

    # --- KV memory and state --------------------------------------------------

    def truncate(self, keep: int) -> bool:
        """Drop KV entries at positions >= ``keep``; False if llama.cpp cannot."""
        return bool(self._lc.llama_memory_seq_rm(self._memory, 0, keep, -1))

    def clear(self) -> None:
        self._lc.llama_memory_clear(self._memory, True)

    def pos_max(self) -> int:
        return int(self._lc.llama_memory_seq_pos_max(self._memory, 0))

    def state_bytes(self) -> bytes:
        """The llama.cpp state of sequence 0 (its KV cache) as bytes."""
        lc = self._lc
        size = int(lc.llama_state_seq_get_size(self._ctx, 0))
        buf = (ctypes.c_uint8 * max(size, 1))()
        n = int(lc.llama_state_seq_get_data(self._ctx, buf, size, 0))
        return ctypes.string_at(buf, n)

    def load_state_bytes(self, data: bytes) -> bool:
        """Replace sequence 0 with ``data``; False when llama.cpp rejects it."""
        if not data:
            return False
        # llama.cpp only reads the buffer: point it at the bytes object, no copy.
        src = ctypes.cast(ctypes.c_char_p(data), ctypes.POINTER(ctypes.c_uint8))
        return int(self._lc.llama_state_seq_set_data(self._ctx, src, len(data), 0)) > 0

    # --- LoRA adapters ----------------------------------------------------------

    def load_adapter(self, path: Path) -> Any:
        """Load a LoRA adapter GGUF into the model; freed with the model or :meth:`free_adapter`."""
        _recent_errors.clear()
        adapter = self._lc.llama_adapter_lora_init(self._model, str(path).encode())
        if not adapter:
            raise AdapterError(
                f"llama.cpp could not load the adapter {path.name}: "
                f"{last_error() or 'no reason given'}",
                reason="load",
                path=str(path),
            )
        return adapter

    def set_adapters(self, adapters: Sequence[tuple[Any, float]]) -> None:
        """Apply exactly these ``(adapter, scale)`` pairs to the context (none: the base model)."""
        lc = self._lc
        n = len(adapters)
        handles = (lc.llama_adapter_lora_p_ctypes * max(n, 1))(*(a for a, _ in adapters))
        scales = (ctypes.c_float * max(n, 1))(*(s for _, s in adapters))
        rc = int(lc.llama_set_adapters_lora(self._ctx, handles, n, scales))
        if rc != 0:
            raise AdapterError(f"llama.cpp refused the adapters (code {rc})", reason="load")

    def free_adapter(self, adapter: Any) -> None:
        """Free an adapter no context applies any more."""
        if self._model is not None:
            self._lc.llama_adapter_lora_free(adapter)

    # --- lifecycle ------------------------------------------------------------

    def close(self) -> None:
        """Free batch, context and model (in that order). Idempotent."""
        lc = self._lc
        if self._batch is not None:
            lc.llama_batch_free(self._batch)
            self._batch = None
        if self._ctx is not None:
            lc.llama_free(self._ctx)
            self._ctx = None
        if self._model is not None:
            lc.llama_model_free(self._model)
            self._model = None
        if self._verbose:
            set_verbose(True, -1)
            self._verbose = False
