"""The native path and the numpy reference produce identical bytes and arrays."""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from edgekit import codec

from ._paths import both
from .conftest import requires_native

pytestmark = requires_native


@pytest.fixture(autouse=True)
def _once(codec_backend: str) -> None:
    if codec_backend != "native":
        pytest.skip("compares both paths itself; runs once")


def arrays(finite: bool) -> st.SearchStrategy[npt.NDArray[Any]]:
    dtype = st.sampled_from([np.dtype("float32"), np.dtype("float16")])
    shape = hnp.array_shapes(min_dims=0, max_dims=3, min_side=0, max_side=40)
    return dtype.flatmap(
        lambda dt: hnp.arrays(
            dt,
            shape,
            elements=st.floats(
                allow_nan=not finite,
                allow_infinity=not finite,
                allow_subnormal=True,
                width=8 * dt.itemsize,
                **({"min_value": -6e4, "max_value": 6e4} if finite else {}),
            ),
        )
    )


def check(x: npt.NDArray[Any], scheme: str, **kw: Any) -> None:
    data = both(lambda: codec.encode(x, scheme, **kw))
    if data[0] == "ok":
        both(lambda: codec.decode(data[1]))


@settings(max_examples=120, deadline=None)
@given(x=arrays(finite=False), scheme=st.sampled_from(["f32", "f16", "bf16", "lossless"]))
def test_raw_schemes_identical(x: npt.NDArray[Any], scheme: str) -> None:
    check(x, scheme)


@settings(max_examples=120, deadline=None)
@given(
    x=arrays(finite=True),
    scheme=st.sampled_from(["int8", "int4"]),
    group=st.sampled_from([16, 32, 64, 128]),
)
def test_quantized_schemes_identical(x: npt.NDArray[Any], scheme: str, group: int) -> None:
    check(x, scheme, group_size=group)


@pytest.mark.parametrize("scheme", codec.SCHEMES)
def test_large_tensor_identical(scheme: str) -> None:
    rng = np.random.default_rng(7)
    x = (rng.standard_normal((300, 576)) * rng.gamma(1.0, 1.0, (300, 1))).astype(np.float32)
    x[5, 7] = 40.0  # an outlier, as real hidden states have
    check(x, scheme)
    check(x.astype(np.float16), scheme)


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), 1e30])
def test_encode_errors_identical(bad: float) -> None:
    x = np.ones(200, dtype=np.float32)
    x[150] = bad
    x[20] = 1e30  # a range error in an earlier group wins over a later NaN
    for scheme in ("int8", "int4"):
        assert both(lambda s=scheme: codec.encode(x, s))[0] == "error"
