"""Quality of every scheme on real hidden states of the default edge model (SmolLM2-135M).

The states come from llama.cpp's embeddings API with pooling off: one 576-wide
vector per token, outliers included. Skipped only when the model package or
llama-cpp-python is absent.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pytest

from edgekit import codec
from edgekit.codec.quality import compression_ratio, error_stats

PROMPTS = [
    "The quick brown fox jumps over the lazy dog while the farmer watches from the porch.",
    "def fibonacci(n):\n    return n if n < 2 else fibonacci(n - 1) + fibonacci(n - 2)\n",
    "Edge devices run small language models and ask a bigger model in the cloud only when "
    "they are not confident enough in their own answer.",
    "Paris est la capitale de la France; Berlin est celle de l'Allemagne.",
]
TARGET_COSINE = {
    "f32": 1 - 1e-12,
    "lossless": 1 - 1e-12,
    "f16": 0.9999,
    "bf16": 0.999,
    "int8": 0.999,
    "int4": 0.99,
}


@pytest.fixture(scope="module")
def hidden_states(edge_model_path: Path) -> npt.NDArray[np.float32]:
    if importlib.util.find_spec("llama_cpp") is None:
        pytest.skip("llama-cpp-python not installed")
    import llama_cpp

    llm = llama_cpp.Llama(
        model_path=str(edge_model_path),
        embedding=True,
        pooling_type=llama_cpp.LLAMA_POOLING_TYPE_NONE,
        n_ctx=512,
        n_threads=2,
        verbose=False,
    )
    try:
        rows = [np.asarray(llm.embed(p, normalize=False), dtype=np.float32) for p in PROMPTS]
    finally:
        llm.close()
    states = np.concatenate(rows)
    assert states.ndim == 2
    assert states.shape[0] > 60
    return states


@pytest.mark.parametrize("scheme", codec.SCHEMES)
def test_scheme_quality_on_real_states(
    scheme: str, hidden_states: npt.NDArray[np.float32], codec_backend: str
) -> None:
    kw: dict[str, Any] = {"group_size": 32} if scheme == "int4" else {}
    data = codec.encode(hidden_states, scheme, **kw)
    decoded = codec.decode(data)
    stats = error_stats(hidden_states, decoded)
    assert stats.min_cosine >= TARGET_COSINE[scheme], stats
    ratio = compression_ratio(data, hidden_states)
    if scheme == "int8":
        assert ratio < 0.27
        assert stats.max_rel_error < 0.02
    if scheme == "int4":
        assert ratio < 0.145
    if scheme == "lossless":
        assert decoded.tobytes() == hidden_states.tobytes()
        assert ratio < 0.97  # the shuffled exponent bytes do compress


def test_streamed_states_match_one_shot(hidden_states: npt.NDArray[np.float32]) -> None:
    decoder = codec.ChunkDecoder()
    for message in codec.encode_chunks(hidden_states, "int8", rows_per_chunk=16):
        decoder.feed(message)
    decoder.close()
    one_shot = codec.decode(codec.encode(hidden_states, "int8"))
    assert decoder.result().tobytes() == one_shot.tobytes()
