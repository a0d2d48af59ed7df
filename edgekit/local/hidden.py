"""The model's final hidden states at a few positions, read during generation.

Probes on hidden states predict a small model's errors better than its token
probabilities (the router's hidden-state probe, :mod:`edgekit.routing.probe`,
uses them). llama.cpp computes the final hidden state (after the output norm)
of every output row anyway, to get the logits; with ``llama_set_embeddings``
on, it also copies that row (``n_embd`` floats) to a buffer we read. So the
read-out costs one copy per read token and no extra model evaluation:
embeddings are switched on for the prompt's prefill and the first
``GenerationParams.hidden_states - 1`` answer tokens, then off again, so the
rest of the answer decodes exactly as without it.

Event ``i`` carries the hidden state of the row token ``i`` was sampled from:
event 0 holds the prompt's last token, event ``i > 0`` the answer's token
``i - 1``. :func:`edgekit.routing.probe.pool_states` turns them into the
probe's input.

Hidden states can be inverted to text: treat them like the prompt itself
(EdgeKit never stores or sends them; the router keeps only probe scores).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from edgekit.local._llama import LlamaHandle

DEFAULT_HIDDEN_TOKENS = 5
"""The prompt's last token and the first four answer tokens."""

FloatArray = npt.NDArray[np.float32]


def hidden_rows(handle: LlamaHandle, requested: int, own_prefill: bool) -> int:
    """How many leading events get a hidden state (0 when the prefill happened elsewhere)."""
    if requested <= 0 or not own_prefill or not handle.embeddings_on:
        return 0
    return requested


def read_hidden(handle: LlamaHandle, index: int, n_rows: int) -> FloatArray | None:
    """The hidden state for event ``index``; switches the copy off after the last one."""
    if index >= n_rows:
        return None
    row = handle.hidden()
    if index == n_rows - 1:
        handle.set_embeddings(False)  # the rest of the answer decodes as without read-out
    return row
