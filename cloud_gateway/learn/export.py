"""Write PEFT LoRA factors as a llama.cpp LoRA adapter (GGUF).

llama.cpp's adapter format: a GGUF file with ``general.type = "adapter"``,
``adapter.type = "lora"``, ``adapter.lora.alpha`` and, for every adapted
weight ``W`` (``blk.N.attn_q.weight``…), two tensors ``W.lora_a`` (numpy
shape ``(r, n_in)``, PEFT's ``lora_A``) and ``W.lora_b`` (``(n_out, r)``,
PEFT's ``lora_B``). llama.cpp scales ``B·A`` by ``alpha / r`` as PEFT does.

The llama GGUF converter stores the query and key projections with their
rows permuted for llama.cpp's rotary embedding layout; transformers undoes
that when it loads a GGUF, so the ``lora_B`` of ``q_proj``/``k_proj`` are
permuted the same way here. Written with the ``gguf`` package (llama.cpp's
own Python library), atomically.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from cloud_gateway.learn.errors import TrainingError

# transformers (llama) module name -> llama.cpp tensor name
GGUF_NAMES: Final = {
    "q_proj": "attn_q",
    "k_proj": "attn_k",
    "v_proj": "attn_v",
    "o_proj": "attn_output",
    "gate_proj": "ffn_gate",
    "up_proj": "ffn_up",
    "down_proj": "ffn_down",
}
_PEFT_KEY = re.compile(
    r".*\.layers\.(\d+)\.(?:self_attn|mlp)\.([a-z_]+)\.lora_([AB])(?:\.[a-z]+)?\.weight"
)

Array = npt.NDArray[np.float32]


def permute_rope_rows(weight: Array, n_head: int) -> Array:
    """Rows of a q/k projection in the order llama.cpp's GGUF stores them."""
    rows = weight.shape[0]
    return (
        weight.reshape(n_head, 2, rows // n_head // 2, *weight.shape[1:])
        .swapaxes(1, 2)
        .reshape(weight.shape)
    )


def gguf_factors(
    state: Mapping[str, Any], *, n_head: int, n_head_kv: int
) -> dict[str, tuple[Array, Array]]:
    """PEFT adapter weights -> ``{gguf base tensor name: (lora_a, lora_b)}``."""
    halves: dict[str, dict[str, Array]] = {}
    for key, tensor in state.items():
        match = _PEFT_KEY.fullmatch(key)
        if match is None:
            continue
        layer, module, which = match.groups()
        if module not in GGUF_NAMES:
            raise TrainingError(f"LoRA on {module} has no llama.cpp tensor name")
        name = f"blk.{layer}.{GGUF_NAMES[module]}.weight"
        value = np.ascontiguousarray(tensor.detach().float().cpu().numpy(), dtype=np.float32)
        if which == "B" and module in ("q_proj", "k_proj"):
            value = permute_rope_rows(value, n_head if module == "q_proj" else n_head_kv)
        halves.setdefault(name, {})[which] = value
    factors = {}
    for name, pair in sorted(halves.items()):
        if set(pair) != {"A", "B"}:
            raise TrainingError(f"LoRA factor missing for {name}")
        factors[name] = (pair["A"], pair["B"])
    if not factors:
        raise TrainingError("the trained model holds no LoRA factors")
    return factors


def write_lora_gguf(
    path: Path,
    factors: Mapping[str, tuple[Array, Array]],
    *,
    arch: str,
    alpha: float,
    name: str = "edgekit-adapter",
) -> int:
    """Write the adapter file atomically (f16 factors); returns its size in bytes."""
    import gguf

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        writer = gguf.GGUFWriter(tmp, arch)
        writer.add_string("general.type", "adapter")
        writer.add_string("general.name", name)
        writer.add_string("adapter.type", "lora")
        writer.add_float32("adapter.lora.alpha", float(alpha))
        for base, (a, b) in factors.items():
            writer.add_tensor(f"{base}.lora_a", a.astype(np.float16))
            writer.add_tensor(f"{base}.lora_b", b.astype(np.float16))
        writer.write_header_to_file()
        writer.write_kv_data_to_file()
        writer.write_tensors_to_file()
        writer.close()
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path.stat().st_size
