"""The edge model's weights, read from the very GGUF file the device runs, as a torch model.

transformers can load a GGUF itself (``from_pretrained(..., gguf_file=)``),
but on these machines it takes ~55 s for the 135M edge model: it parses the
file twice, tokenizer arrays included, and rebuilds a tensor-name map per
tensor. This reader takes ~6 s: EdgeKit's bounded GGUF header parser gives
the tensor offsets, ``gguf`` (llama.cpp's Python package) dequantizes each
tensor, and transformers' own ``LlamaForCausalLM`` is built from the header's
hyper-parameters. Same weights, bit for bit (the test suite compares both).

Only the ``llama`` architecture (SmolLM2, Llama, TinyLlama…) is supported;
anything else is a clear :class:`~cloud_gateway.learn.errors.TrainingError`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from cloud_gateway.learn.errors import TrainingError
from edgekit.local.gguf import GGUFHeader, TensorInfo, check_gguf

_LAYER_NAMES = {
    "attn_norm": "input_layernorm",
    "ffn_norm": "post_attention_layernorm",
    "attn_q": "self_attn.q_proj",
    "attn_k": "self_attn.k_proj",
    "attn_v": "self_attn.v_proj",
    "attn_output": "self_attn.o_proj",
    "ffn_gate": "mlp.gate_proj",
    "ffn_up": "mlp.up_proj",
    "ffn_down": "mlp.down_proj",
}
_TOP_NAMES = {
    "token_embd.weight": "model.embed_tokens.weight",
    "output_norm.weight": "model.norm.weight",
    "output.weight": "lm_head.weight",
}


def hf_name(gguf_name: str) -> str | None:
    """The transformers parameter name of a llama GGUF tensor (None: not a weight we use)."""
    if gguf_name in _TOP_NAMES:
        return _TOP_NAMES[gguf_name]
    parts = gguf_name.split(".")
    if len(parts) == 4 and parts[0] == "blk" and parts[3] == "weight" and parts[2] in _LAYER_NAMES:
        return f"model.layers.{parts[1]}.{_LAYER_NAMES[parts[2]]}.weight"
    return None


def unpermute_rope_rows(weight: npt.NDArray[np.float32], n_head: int) -> npt.NDArray[np.float32]:
    """Undo the row order llama.cpp's converter gives q/k projections."""
    rows = weight.shape[0]
    return (
        weight.reshape(n_head, rows // n_head // 2, 2, *weight.shape[1:])
        .swapaxes(1, 2)
        .reshape(weight.shape)
    )


def llama_config(header: GGUFHeader) -> dict[str, Any]:
    """transformers ``LlamaConfig`` arguments from a llama GGUF header."""
    if header.architecture != "llama":
        raise TrainingError(
            f"training supports llama-architecture edge models, not {header.architecture}"
        )
    md = header.metadata

    def need(key: str) -> Any:
        value = md.get(f"llama.{key}")
        if value is None:
            raise TrainingError(f"the GGUF header lacks llama.{key}")
        return value

    n_embd, n_head = int(need("embedding_length")), int(need("attention.head_count"))
    embd = next((t for t in header.tensors if t.name == "token_embd.weight"), None)
    if embd is None:
        raise TrainingError("the GGUF file has no token embeddings")
    return {
        "vocab_size": int(embd.shape[1]),
        "hidden_size": n_embd,
        "intermediate_size": int(need("feed_forward_length")),
        "num_hidden_layers": int(need("block_count")),
        "num_attention_heads": n_head,
        "num_key_value_heads": int(md.get("llama.attention.head_count_kv", n_head)),
        "head_dim": int(md.get("llama.attention.key_length", n_embd // n_head)),
        "rms_norm_eps": float(need("attention.layer_norm_rms_epsilon")),
        "max_position_embeddings": int(need("context_length")),
        "rope_parameters": {
            "rope_type": "default",
            "rope_theta": float(md.get("llama.rope.freq_base", 10000.0)),
        },
        "tie_word_embeddings": not any(t.name == "output.weight" for t in header.tensors),
    }


def _dequantize(buf: bytes, header: GGUFHeader, info: TensorInfo) -> npt.NDArray[np.float32]:
    from gguf import GGMLQuantizationType
    from gguf.quants import dequantize

    start = header.data_offset + info.offset
    raw = np.frombuffer(buf, dtype=np.uint8, count=info.n_bytes, offset=start)
    rows = int(np.prod(info.shape[1:], dtype=np.int64)) if len(info.shape) > 1 else 1
    values = dequantize(raw.reshape(rows, -1), GGMLQuantizationType(info.ggml_type))
    return np.asarray(values, dtype=np.float32).reshape(tuple(reversed(info.shape)))


def load_llama(path: Path) -> Any:
    """A float32 ``LlamaForCausalLM`` with the weights of the GGUF at ``path``."""
    import torch
    from transformers import LlamaConfig, LlamaForCausalLM

    header = check_gguf(path)
    args = llama_config(header)
    config = LlamaConfig(**args)
    state: dict[str, Any] = {}
    buf = path.read_bytes()
    for info in header.tensors:
        name = hf_name(info.name)
        if name is None:
            continue
        weight = _dequantize(buf, header, info)
        if name.endswith("q_proj.weight"):
            weight = unpermute_rope_rows(weight, args["num_attention_heads"])
        elif name.endswith("k_proj.weight"):
            weight = unpermute_rope_rows(weight, args["num_key_value_heads"])
        state[name] = torch.from_numpy(weight.copy())
    del buf
    model = LlamaForCausalLM(config)
    missing, unexpected = model.load_state_dict(state, strict=False)
    missing = [m for m in missing if not (m == "lm_head.weight" and config.tie_word_embeddings)]
    if missing or unexpected:
        raise TrainingError(f"GGUF weights do not fill the model ({len(missing)} missing)")
    if config.tie_word_embeddings:
        model.tie_weights()
    return model.float().eval()
