"""Pre-route scorer: a logistic model over prompt features, run with onnxruntime.

:func:`export_onnx` builds the graph ``sigmoid(x @ W + b)`` (standardization
folded into ``W`` and ``b``) with the ``onnx`` package, needed only when
calibrating. :class:`OnnxScorer` runs it; onnxruntime is the only runtime
dependency.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from edgekit._deps import import_onnxruntime
from edgekit.errors import CalibrationError
from edgekit.routing.logistic import LogisticModel

_OPSET = 13
_MAX_ONNX_BYTES = 1 << 20


def export_onnx(model: LogisticModel) -> bytes:
    """Serialize ``model`` as a tiny ONNX graph (input ``x`` [N, d] → output ``p`` [N, 1])."""
    try:
        import onnx
        from onnx import TensorProto, helper, numpy_helper
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise CalibrationError("exporting the pre-route scorer needs the 'onnx' package") from exc
    w, b = model.raw_coefficients()
    d = len(model.feature_names)
    weights = numpy_helper.from_array(w.reshape(d, 1).astype(np.float32), name="W")
    bias = numpy_helper.from_array(np.array([b], dtype=np.float32), name="b")
    lo, hi = model.bounds()
    lower = numpy_helper.from_array(lo.astype(np.float32), name="lo")
    upper = numpy_helper.from_array(hi.astype(np.float32), name="hi")
    nodes = [  # clip to the calibration range (as LogisticModel.clip), then the logistic
        helper.make_node("Max", ["x", "lo"], ["x_lo"]),
        helper.make_node("Min", ["x_lo", "hi"], ["x_clipped"]),
        helper.make_node("MatMul", ["x_clipped", "W"], ["z0"]),
        helper.make_node("Add", ["z0", "b"], ["z"]),
        helper.make_node("Sigmoid", ["z"], ["p"]),
    ]
    graph = helper.make_graph(
        nodes,
        "edgekit_pre_route",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", d])],
        [helper.make_tensor_value_info("p", TensorProto.FLOAT, ["N", 1])],
        initializer=[weights, bias, lower, upper],
    )
    proto = helper.make_model(
        graph,
        producer_name="edgekit",
        opset_imports=[helper.make_opsetid("", _OPSET)],
    )
    proto.ir_version = 8
    proto.metadata_props.append(
        onnx.StringStringEntryProto(key="feature_names", value=",".join(model.feature_names))
    )
    onnx.checker.check_model(proto)
    data: bytes = proto.SerializeToString()
    return data


class OnnxScorer:
    """Runs an exported pre-route model; ``score(features)`` → P(local answer good)."""

    def __init__(self, model_bytes: bytes, feature_names: Sequence[str]) -> None:
        if not model_bytes or len(model_bytes) > _MAX_ONNX_BYTES:
            raise CalibrationError("pre-route model: empty or oversized ONNX payload")
        try:
            ort = import_onnxruntime()
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise CalibrationError("pre-routing needs onnxruntime") from exc
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        try:
            self._session: Any = ort.InferenceSession(
                model_bytes, sess_options=options, providers=["CPUExecutionProvider"]
            )
        except Exception as exc:  # onnxruntime raises its own untyped errors
            raise CalibrationError("pre-route model: ONNX payload does not load") from exc
        inputs = self._session.get_inputs()
        if len(inputs) != 1 or inputs[0].shape[-1] != len(feature_names):
            raise CalibrationError("pre-route model: input shape does not match its features")
        self.feature_names = tuple(feature_names)

    def score_matrix(self, x: np.ndarray[Any, Any]) -> np.ndarray[Any, np.dtype[np.float64]]:
        """Probabilities for a ``(n, d)`` feature matrix."""
        arr = np.atleast_2d(np.asarray(x, dtype=np.float32))
        out = self._session.run(["p"], {"x": arr})[0]
        return np.asarray(out, dtype=np.float64).ravel()

    def score(self, features: Mapping[str, float]) -> float:
        """Probability for one prompt's features."""
        try:
            row = [float(features[name]) for name in self.feature_names]
        except KeyError as exc:
            raise CalibrationError(f"missing feature {exc.args[0]!r}") from None
        return float(self.score_matrix(np.asarray([row]))[0])
