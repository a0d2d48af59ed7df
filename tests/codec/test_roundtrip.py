"""Round trips of every scheme and source dtype, error bounds, and argument checks."""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
import pytest

from edgekit import codec
from edgekit.errors import CodecError

RNG = np.random.default_rng(1234)
SHAPES = [(), (0,), (1,), (17,), (3, 5), (4, 64), (2, 3, 129), (1,) * 8, (5, 0, 3)]
LOSSY_BOUND = {"int8": 127, "int4": 7}


def sample(shape: tuple[int, ...], dtype: Any = np.float32) -> npt.NDArray[Any]:
    x = RNG.standard_normal(shape).astype(np.float32) * 2
    return x.astype(dtype)


def test_backend_reports_choice(codec_backend: str) -> None:
    assert codec.backend() == codec_backend


@pytest.mark.parametrize("dtype", [np.float32, np.float16])
@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("scheme", codec.SCHEMES)
def test_round_trip_shape_dtype_and_error(scheme: str, shape: tuple[int, ...], dtype: Any) -> None:
    x = sample(shape, dtype)
    y = codec.decode(codec.encode(x, scheme))
    assert y.shape == x.shape
    assert y.dtype == x.dtype
    xf, yf = x.astype(np.float64).reshape(-1), y.astype(np.float64).reshape(-1)
    if scheme in ("f32", "lossless") or (scheme == "f16" and dtype == np.float16):
        assert x.tobytes() == y.tobytes()
    elif scheme in LOSSY_BOUND and xf.size:
        group = 64 if scheme == "int8" else 32
        for start in range(0, xf.size, group):
            g = slice(start, start + group)
            f16_out = np.abs(xf[g]).max() * (1e-3 if dtype == np.float16 else 0)
            if scheme == "int4" and xf[g].size == group:
                # rotated group: |H r| error; max|H x / n| <= sum|x| / n
                bound = np.abs(xf[g]).sum() / 7 * 0.5 * 1.002 + f16_out * group
                assert np.linalg.norm(yf[g] - xf[g]) <= bound + 1e-12
                continue
            step = np.abs(xf[g]).max() / LOSSY_BOUND[scheme]
            # half a step, plus float16 scale and float16 output rounding
            assert np.abs(yf[g] - xf[g]).max() <= step * 0.5 * 1.002 + f16_out + 1e-12
    elif xf.size:
        rel = 2.0**-8 if scheme == "bf16" else 2.0**-11
        assert np.all(np.abs(yf - xf) <= np.abs(xf) * rel + 1e-7)


@pytest.mark.parametrize("group", [16, 32, 64, 128, 1024])
@pytest.mark.parametrize("scheme", ["int8", "int4"])
def test_group_sizes_are_recorded(scheme: str, group: int) -> None:
    data = codec.encode(sample((3, 100)), scheme, group_size=group)
    assert codec.read_header(data).group_size == group
    assert codec.decode(data).shape == (3, 100)


def test_quantization_rounds_half_to_even() -> None:
    # maxabs 127 -> scale exactly 1.0, so x * (1 / scale) lands on the .5 ties
    x = np.array([127, 2.5, 3.5, -2.5, -3.5, 0.5, 1.5, -0.5] + [0] * 8, dtype=np.float32)
    y = codec.decode(codec.encode(x, "int8", group_size=16))
    assert y[:8].tolist() == [127, 2, 4, -2, -4, 0, 2, -0.0]


def test_scale_is_float16_rounded_before_quantizing() -> None:
    x = np.zeros(16, dtype=np.float32)
    x[0], x[1] = 100.0, 37.0
    scale = np.float32(np.float16(np.float32(100.0) / np.float32(127)))
    q = np.rint(np.clip(np.float32(37.0) * (np.float32(1) / scale), -127, 127))
    y = codec.decode(codec.encode(x, "int8", group_size=16))
    assert y[1] == np.float32(q) * scale


def test_all_zero_group_decodes_to_zero() -> None:
    x = np.zeros((2, 64), dtype=np.float32)
    for scheme in ("int8", "int4"):
        assert not codec.decode(codec.encode(x, scheme)).any()


@pytest.mark.parametrize("scheme", ["f32", "f16", "bf16", "lossless"])
def test_special_values_survive_raw_schemes(scheme: str) -> None:
    x = np.array([np.nan, np.inf, -np.inf, -0.0, 1.0, -np.nan], dtype=np.float32)
    y = codec.decode(codec.encode(x, scheme))
    assert np.isnan(y[0])
    assert np.isnan(y[5])
    assert y[1] == np.inf
    assert y[2] == -np.inf
    assert np.signbit(y[3])


def test_float16_rounding_matches_numpy_astype() -> None:
    bits = RNG.integers(0, 2**32, size=20000, dtype=np.uint64).astype(np.uint32)
    x = bits.view(np.float32)
    x = x[np.isfinite(x)]
    with np.errstate(over="ignore"):
        expect = x.astype(np.float16)
    y = codec.decode(codec.encode(x, "f16"))
    assert y.astype(np.float16).view(np.uint16).tolist() == expect.view(np.uint16).tolist()


@pytest.mark.parametrize("scheme", ["int8", "int4"])
@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_quantized_schemes_refuse_non_finite(scheme: str, bad: float) -> None:
    x = sample((2, 64))
    x[1, 3] = bad
    with pytest.raises(CodecError, match="NaN or infinity"):
        codec.encode(x, scheme)


def test_values_beyond_float16_scales_are_refused() -> None:
    x = sample((64,))
    x[0] = 1e30
    with pytest.raises(CodecError, match="too large"):
        codec.encode(x, "int8")


def test_non_contiguous_and_big_endian_inputs() -> None:
    x = sample((8, 32))
    assert codec.decode(codec.encode(x[:, ::2], "f32")).tolist() == x[:, ::2].tolist()
    be = x.astype(">f4")
    assert codec.encode(be, "int8") == codec.encode(x, "int8")


@pytest.mark.parametrize(
    ("array", "kwargs", "message"),
    [
        (np.zeros(4, dtype=np.float64), {}, "unsupported dtype float64"),
        (np.zeros(4, dtype=np.int32), {}, "unsupported dtype int32"),
        (np.zeros((1,) * 9, dtype=np.float32), {}, "rank 9"),
        (np.zeros(4, dtype=np.float32), {"scheme": "int3"}, "unknown scheme"),
        (np.zeros(4, dtype=np.float32), {"scheme": "int8", "group_size": 48}, "group_size"),
        (np.zeros(4, dtype=np.float32), {"scheme": "int4", "group_size": 2048}, "group_size"),
        (np.zeros(4, dtype=np.float32), {"scheme": "f16", "group_size": 32}, "does not apply"),
        (np.zeros(4, dtype=np.float32), {"scheme": "lossless", "compressor": "lz4"}, "compressor"),
        ("not an array", {}, "unsupported dtype"),
    ],
)
def test_bad_arguments_raise_codec_error(array: Any, kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(CodecError, match=message):
        codec.encode(array, **kwargs)


@pytest.mark.parametrize("compressor", ["zstd", "zlib"])
def test_lossless_compressors(compressor: str) -> None:
    x = np.repeat(sample((4, 1)), 256, axis=1)  # compressible
    data = codec.encode(x, "lossless", compressor=compressor, level=1)
    assert codec.read_header(data).compressor == compressor
    assert len(data) < x.nbytes / 4
    assert codec.decode(data).tobytes() == x.tobytes()


def test_ratios_of_fixed_schemes() -> None:
    x = sample((64, 576))
    sizes = {s: len(codec.encode(x, s)) / x.nbytes for s in ("f32", "f16", "bf16", "int8", "int4")}
    assert sizes["f32"] == pytest.approx(1.0, abs=1e-3)
    assert sizes["f16"] == sizes["bf16"] == pytest.approx(0.5, abs=1e-3)
    assert sizes["int8"] == pytest.approx((1 + 2 / 64) / 4, abs=1e-3)
    assert sizes["int4"] == pytest.approx((0.5 + 2 / 32) / 4, abs=1e-3)


def test_concurrent_encodes_agree() -> None:
    """The native path releases the GIL; concurrent calls must not interfere."""
    from concurrent.futures import ThreadPoolExecutor

    arrays = [sample((64, 576)) for _ in range(8)]
    expected = [codec.encode(a, "int8") for a in arrays]
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(lambda a: codec.encode(a, "int8"), arrays))
        decoded = list(pool.map(codec.decode, got))
    assert got == expected
    assert all(d.shape == (64, 576) for d in decoded)
