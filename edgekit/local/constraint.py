"""Grammar-constrained sampling for the engine's decode loop (llguidance).

llguidance computes, for each step, the bitmask of tokens that keep the
output inside the grammar (a Lark grammar with JSON-Schema islands, see
:mod:`edgekit.structured.grammar`) in about 0.1 ms for SmolLM2's 49k-token
vocabulary; the mask is applied to the numpy logits row the engine already
holds, so sampling, repetition penalty and the confidence signals run
unchanged on the masked row. A step where the grammar leaves exactly one
token is *forced*: its signal says nothing about the model's judgement, and
the completion's summary leaves it out.

The vocabulary is read from llama.cpp once per engine (about a second for
49k tokens) and kept.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from edgekit.errors import ModelError
from edgekit.structured.errors import SchemaError
from edgekit.structured.grammar import lark_grammar
from edgekit.structured.spec import StructuredSpec

if TYPE_CHECKING:
    from edgekit.local._llama import LlamaHandle

MASKED = np.float32(-1e30)  # finite, so the signals' arithmetic stays NaN-free


class GrammarConstraint:
    """The token mask of one generation; feed it every token the engine emits."""

    def __init__(self, matcher: Any, n_vocab: int) -> None:
        self._matcher = matcher
        self._n_vocab = n_vocab
        self._words = np.zeros((n_vocab + 31) // 32, dtype=np.int32)
        self._masked = np.empty(n_vocab, dtype=np.float32)

    def apply(self, logits: npt.NDArray[np.float32]) -> tuple[npt.NDArray[np.float32], bool]:
        """The masked copy of ``logits`` and whether exactly one token is allowed."""
        w = self._words
        self._matcher.unsafe_compute_mask_ptr(w.ctypes.data, w.nbytes)
        if self._matcher.is_error():
            raise ModelError("the grammar matcher failed: " + self._matcher.get_error())
        allowed = np.unpackbits(w.view(np.uint8), bitorder="little")[: self._n_vocab]
        n_allowed = int(np.count_nonzero(allowed))
        if n_allowed == 0:
            raise ModelError("the grammar allows no token here")
        np.copyto(self._masked, MASKED)
        np.copyto(self._masked, logits, where=allowed.view(bool))
        return self._masked, n_allowed == 1

    def accept(self, token: int) -> None:
        """Advance the grammar past ``token`` (one the mask allowed)."""
        if not self._matcher.consume_token(token):
            raise ModelError("the sampled token left the grammar: " + self._matcher.get_error())


class GrammarCompiler:
    """Builds :class:`GrammarConstraint`s for one model's vocabulary."""

    def __init__(self, handle: LlamaHandle) -> None:
        self._handle = handle
        self._tokenizer: Any = None
        self._lock = threading.Lock()

    def tokenizer(self) -> Any:
        """llguidance's view of the vocabulary (built on first use)."""
        with self._lock:
            if self._tokenizer is None:
                self._tokenizer = _llg_tokenizer(self._handle)
            return self._tokenizer

    def constraint(self, spec: StructuredSpec) -> GrammarConstraint:
        """A fresh constraint for one answer under ``spec``."""
        from llguidance import LLMatcher

        grammar = LLMatcher.grammar_from_lark(lark_grammar(spec))
        tok = self.tokenizer()
        failed, messages = LLMatcher.validate_grammar_with_warnings(grammar, tok)
        if failed:
            raise SchemaError("the grammar engine refused the schema: " + "; ".join(messages))
        matcher = LLMatcher(tok, grammar, log_level=0)
        if matcher.is_error():
            raise SchemaError("the grammar engine refused the schema: " + matcher.get_error())
        return GrammarConstraint(matcher, self._handle.n_vocab)


def _llg_tokenizer(h: LlamaHandle) -> Any:
    """llguidance's tokenizer over llama.cpp's vocabulary.

    Control tokens are marked with a leading 0xFF byte (llguidance's
    convention) so no grammar string can produce them; every end-of-generation
    token ends an answer the grammar accepts.
    """
    from llguidance import LLTokenizer

    tokens: list[bytes] = []
    eog: list[int] = []
    for t in range(h.n_vocab):
        piece = h.piece(t, special=True)
        tokens.append(b"\xff" + piece if h.is_control(t) else piece)
        if h.is_eog(t):
            eog.append(t)
    build: Any = LLTokenizer.from_llamacpp  # type: ignore[attr-defined]  # not in its stubs
    return build(
        tokens=tokens,
        vocab_ptr=h.vocab,
        tokenize_fptr=h.tokenize_address(),
        eos_token=eog or [h.eos],
    )
