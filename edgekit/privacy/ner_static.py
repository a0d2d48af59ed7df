"""Fold the NER model's shape arithmetic into constants, once, and cache the result.

An exported BERT computes, at every call, the shapes its attention reshapes to
(``Shape → Gather → Unsqueeze → Concat``) and the attention scale
(``Shape → Slice → Cast → Sqrt``): about a hundred small nodes whose values depend only
on the batch and sequence sizes, or on nothing that changes. The NER runs on a few words
at a time, so these nodes are a fair part of each call (−3 % of the model's time here).

Which values are constant is found by running the shape nodes at two batch and sequence
sizes; they become initializers, a reshape to ``(batch, -1, 12, 32)`` becomes one to
``(0, -1, 12, 32)`` (``0``: keep the input's size), and what no longer feeds anything is
dropped. No arithmetic on the data changes, and the result is used only if it gives
bit-identical outputs to the original at three probe shapes (sessions created with
:data:`SESSION_KW`, which keeps onnxruntime from fusing the now constant attention scale
into the matmul: that would change the rounding). Otherwise the original is used.
Then the query, key and value matmuls of each attention layer, which read the same
quantized input, become one int8 matmul over their weights side by side and a ``Split``
(:func:`_merged_qkv`): integer products sum exactly and each column keeps its own scale and
bias, so this too is kept only if bit-identical at the probe shapes (~2 % of the model's
time: two fewer matmul calls per layer).
Written atomically under the NER cache directory of :mod:`edgekit.privacy.ner_int8`.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import Any

from edgekit._logging import get_logger
from edgekit.privacy.ner_int8 import cache_dir

log = get_logger(__name__)

#: keyword arguments of ``onnxruntime.InferenceSession`` for the folded model
SESSION_KW: dict[str, Any] = {"disabled_optimizers": ["MatMulScaleFusion"]}
_SHAPE_OPS = frozenset(
    [
        *("Shape", "Gather", "Unsqueeze", "Squeeze", "Concat", "Slice", "Cast", "Sqrt", "Div"),
        *("Mul", "Add", "Sub", "Equal", "Where", "ConstantOfShape", "Expand", "Range"),
    ]
)
_PROBES = ((1, 5), (3, 9), (2, 17))  # (batch, sequence) sizes


def static_model(path: Path) -> Path:
    """A cached copy of ``path`` with its shape arithmetic folded, or ``path`` itself."""
    key = hashlib.sha256(f"{path.resolve()}:{path.stat().st_size}".encode()).hexdigest()[:24]
    target = cache_dir() / f"{key}-static-qkv.onnx"
    if target.is_file():
        return target
    try:
        import onnx

        folded = _folded(onnx.load(str(path)))
        if folded is None or not _same_outputs(path, folded):
            return path
        merged = _merged_qkv(folded)
        if merged is not None and _same_outputs(path, merged):
            folded = merged
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".onnx.tmp")
        os.close(fd)
        try:
            onnx.save(folded, tmp)
            os.replace(tmp, target)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except Exception as exc:  # a model we cannot fold still works as it is
        log.info("NER shape folding skipped (%s)", type(exc).__name__)
        return path
    return target


def _shape_derived(graph: Any) -> set[str]:
    """Outputs computed from shapes and constants only (never from the data's values)."""
    known = {i.name for i in graph.initializer}
    derived: set[str] = set()
    for node in graph.node:  # ONNX graphs are topologically sorted
        inputs = [i for i in node.input if i]
        if node.op_type == "Constant" or (
            node.op_type in _SHAPE_OPS
            and (node.op_type == "Shape" or all(i in known or i in derived for i in inputs))
        ):
            derived.update(node.output)
    return derived


def _probe_values(model: Any, names: list[str]) -> list[dict[str, Any]]:
    """The values of ``names`` at each probe shape."""
    import onnx

    from edgekit._deps import import_onnxruntime

    ort = import_onnxruntime()
    inferred = onnx.shape_inference.infer_shapes(model)
    typed = {v.name: v for v in inferred.graph.value_info}
    probe = onnx.ModelProto()
    probe.CopyFrom(model)
    del probe.graph.output[:]
    probe.graph.output.extend(typed[n] for n in names)
    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
    session = ort.InferenceSession(probe.SerializeToString(), options, ["CPUExecutionProvider"])
    return [
        dict(zip(names, session.run(None, _feed(session, b, s)), strict=True)) for b, s in _PROBES
    ]


def _feed(session: Any, batch: int, length: int) -> dict[str, Any]:
    import numpy as np

    rng = np.random.default_rng(batch * 100 + length)
    ids = rng.integers(5, 1000, size=(batch, length)).astype(np.int64)
    mask = np.ones_like(ids)
    mask[-1, length // 2 :] = 0  # a padded row, as batches have
    feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
    wanted = {i.name for i in session.get_inputs()}
    return {k: v for k, v in feed.items() if k in wanted}


def _folded(model: Any) -> Any | None:
    """``model`` with constant shape values as initializers and reshapes made size-free."""
    from onnx import numpy_helper

    graph = model.graph
    derived = _shape_derived(graph)
    given = {o for n in graph.node if n.op_type == "Constant" for o in n.output}
    given |= {i.name for i in graph.initializer}
    reshapes = [
        n
        for n in graph.node
        if n.op_type == "Reshape" and n.input[1] in derived and n.input[1] not in given
    ]
    wanted = sorted({o for n in graph.node for o in n.output if o in derived} - given)
    wanted += sorted({n.input[0] for n in reshapes} - set(wanted))
    values = _probe_values(model, wanted)
    constant = {name for name in wanted if name in derived and _constant([v[name] for v in values])}
    replaced: dict[str, str] = {}
    for node in reshapes:
        if node.input[1] in constant:
            continue
        sizes = _size_free(node, values)
        if sizes is None:
            return None  # a shape we cannot make size-free: keep the model as it is
        name = f"{node.input[1]}__size_free"
        graph.initializer.append(numpy_helper.from_array(sizes, name))
        node.input[1] = name
    for name in constant:
        replaced[name] = f"{name}__folded"
        graph.initializer.append(numpy_helper.from_array(values[0][name], replaced[name]))
    for node in graph.node:
        for i, name in enumerate(node.input):
            if name in replaced:
                node.input[i] = replaced[name]
    _prune(graph)
    return model


def _merged_qkv(model: Any) -> Any | None:
    """A copy of ``model`` whose attention layers compute query, key and value in one int8
    matmul (the three weights side by side, then split), or None if the graph is not the
    quantizer's ``MatMulInteger → Cast → Mul → Add`` thrice on one quantized input.

    Integer products are summed exactly, and each output column is then scaled and biased
    by itself as before, so the numbers are the same; one matmul instead of three reads the
    quantized input once and saves two calls per layer (~2 % of the model's time)."""
    import onnx

    merged = onnx.ModelProto()
    merged.CopyFrom(model)
    graph = merged.graph
    groups: dict[tuple[str, str], list[Any]] = {}
    for node in graph.node:
        if node.op_type == "MatMulInteger" and len(node.input) == 4:
            groups.setdefault((node.input[0], node.input[2]), []).append(node.output[0])
    triples = [outs for outs in groups.values() if len(outs) == 3]
    if not triples:
        return None
    for k, outputs in enumerate(triples):
        if not _merge_matmuls(graph, outputs, f"edgekit_qkv{k}"):
            return None
    _prune(graph)
    return merged


def _merge_matmuls(graph: Any, outputs: list[str], prefix: str) -> bool:
    """Replace the chains ``MatMulInteger → Cast → Mul(scale) → Add(bias)`` ending the
    matmuls of ``outputs`` (one quantized input) by one chain and a ``Split``."""
    import numpy as np
    from onnx import TensorProto, helper, numpy_helper

    inits = {i.name: i for i in graph.initializer}
    producer = {o: n for n in graph.node for o in n.output}
    users: dict[str, list[Any]] = {}
    for node in graph.node:
        for name in node.input:
            users.setdefault(name, []).append(node)
    chains = [_int8_chain(producer[o], users, producer, inits) for o in outputs]
    if any(c is None for c in chains) or len({c[5] for c in chains if c}) != 1:
        return False
    parts = [c for c in chains if c is not None]
    matmul, a_scale = parts[0][0], parts[0][5]

    def joined(index: int) -> Any:
        arrays = [numpy_helper.to_array(inits[c[index]]) for c in parts]
        axis = 1 if index == 6 else 0
        return np.concatenate([a if index == 6 else a.reshape(-1) for a in arrays], axis=axis)

    widths = [numpy_helper.to_array(inits[c[6]]).shape[1] for c in parts]
    for index, suffix in ((6, "w"), (7, "wz"), (8, "ws"), (9, "b")):
        graph.initializer.append(numpy_helper.from_array(joined(index), f"{prefix}_{suffix}"))
    graph.initializer.append(numpy_helper.from_array(np.array(widths, np.int64), f"{prefix}_n"))
    new = [
        helper.make_node("Mul", [a_scale, f"{prefix}_ws"], [f"{prefix}_scale"]),
        helper.make_node(
            "MatMulInteger",
            [matmul.input[0], f"{prefix}_w", matmul.input[2], f"{prefix}_wz"],
            [f"{prefix}_i32"],
        ),
        helper.make_node("Cast", [f"{prefix}_i32"], [f"{prefix}_f"], to=TensorProto.FLOAT),
        helper.make_node("Mul", [f"{prefix}_f", f"{prefix}_scale"], [f"{prefix}_m"]),
        helper.make_node("Add", [f"{prefix}_b", f"{prefix}_m"], [f"{prefix}_y"]),
        helper.make_node(
            "Split", [f"{prefix}_y", f"{prefix}_n"], [c[3].output[0] for c in parts], axis=-1
        ),
    ]
    dropped = {id(n) for c in parts for n in c[:5]}
    first = next(i for i, n in enumerate(graph.node) if id(n) in dropped)
    kept = [n for n in graph.node[:first] if id(n) not in dropped]
    rest = [n for n in graph.node[first:] if id(n) not in dropped]
    # The input scale's Mul stood before the matmuls: all inputs of the new chain exist here.
    nodes = [*kept, *new, *rest]
    del graph.node[:]
    graph.node.extend(nodes)
    return True


def _int8_chain(
    matmul: Any, users: dict[str, list[Any]], producer: dict[str, Any], inits: dict[str, Any]
) -> tuple[Any, ...] | None:
    """(matmul, cast, mul, add, scale mul, input scale, weight, weight zero point, weight
    scale, bias) of one quantized matmul, or None if it has another shape."""
    follow = [matmul]
    for op in ("Cast", "Mul", "Add"):
        after = users.get(follow[-1].output[0], [])
        if len(after) != 1 or after[0].op_type != op:
            return None
        follow.append(after[0])
    _matmul, cast, mul, add = follow
    scale_name = next((i for i in mul.input if i != cast.output[0]), None)
    scale_mul = producer.get(scale_name or "")
    bias = next((i for i in add.input if i in inits), None)
    if scale_mul is None or scale_mul.op_type != "Mul" or bias is None:
        return None
    if len(users.get(scale_mul.output[0], [])) != 1:
        return None
    w_scale = next((i for i in scale_mul.input if i in inits), None)
    a_scale = next((i for i in scale_mul.input if i not in inits), None)
    weight, w_zero = matmul.input[1], matmul.input[3]
    if w_scale is None or a_scale is None or weight not in inits or w_zero not in inits:
        return None
    return (matmul, cast, mul, add, scale_mul, a_scale, weight, w_zero, w_scale, bias)


def _constant(values: list[Any]) -> bool:
    import numpy as np

    first = values[0]
    return all(v.shape == first.shape and np.array_equal(v, first) for v in values[1:])


def _size_free(node: Any, values: list[dict[str, Any]]) -> Any | None:
    """The reshape's target with ``0`` (keep the input's size) wherever it varies."""
    import numpy as np

    targets = [v[node.input[1]].tolist() for v in values]
    datas = [v[node.input[0]].shape for v in values]
    out = []
    for k, first in enumerate(targets[0]):
        if all(t[k] == first for t in targets):
            out.append(first)
        elif all(k < len(d) and t[k] == d[k] for t, d in zip(targets, datas, strict=True)):
            out.append(0)
        else:
            return None
    return np.array(out, dtype=np.int64)


def _prune(graph: Any) -> None:
    """Drop nodes and initializers nothing uses any more."""
    while True:
        used = {i for n in graph.node for i in n.input} | {o.name for o in graph.output}
        kept = [n for n in graph.node if any(o in used for o in n.output)]
        if len(kept) == len(graph.node):
            break
        del graph.node[:]
        graph.node.extend(kept)
    used = {i for n in graph.node for i in n.input}
    inits = [i for i in graph.initializer if i.name in used]
    del graph.initializer[:]
    graph.initializer.extend(inits)


def _same_outputs(original: Path, folded: Any) -> bool:
    """Bit-identical outputs at every probe shape, each model in the sessions the NER uses."""
    import numpy as np

    from edgekit._deps import import_onnxruntime

    ort = import_onnxruntime()
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    before = ort.InferenceSession(str(original), options, ["CPUExecutionProvider"], **SESSION_KW)
    after = ort.InferenceSession(
        folded.SerializeToString(), options, ["CPUExecutionProvider"], **SESSION_KW
    )
    for b, s in _PROBES:
        old = before.run(None, _feed(before, b, s))
        new = after.run(None, _feed(after, b, s))
        if not all(np.array_equal(x, y) for x, y in zip(old, new, strict=True)):
            return False
    return True
