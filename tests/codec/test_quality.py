"""edgekit.codec.quality and the EDGEKIT_NO_NATIVE switch."""

from __future__ import annotations

import numpy as np
import pytest

from edgekit import codec
from edgekit.codec.quality import compression_ratio, error_stats
from edgekit.errors import CodecError

from .conftest import native_available


def test_error_stats_known_values() -> None:
    x = np.array([[3.0, 4.0], [1.0, 0.0]], dtype=np.float32)
    y = np.array([[3.0, 4.0], [0.0, 1.0]], dtype=np.float32)
    stats = error_stats(x, y)
    assert stats.min_cosine == pytest.approx(0.0)
    assert stats.mean_cosine == pytest.approx(0.5)
    assert stats.max_rel_error == pytest.approx(np.sqrt(2))
    assert stats.as_dict()["mean_rel_error"] == pytest.approx(np.sqrt(2) / 2)
    assert compression_ratio(b"x" * 8, x) == 0.5


@pytest.mark.parametrize(
    ("x", "y"),
    [
        (np.zeros((2, 2)), np.zeros((2, 2))),
        (np.ones(3), np.ones(4)),
        (np.ones(()), np.ones(())),
    ],
)
def test_error_stats_refuses_unusable_input(x: np.ndarray, y: np.ndarray) -> None:
    with pytest.raises(CodecError):
        error_stats(x, y)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("1", "reference"), ("yes", "reference"), ("0", "native"), ("", "native")],
)
def test_no_native_switch(monkeypatch: pytest.MonkeyPatch, value: str, expected: str) -> None:
    monkeypatch.setenv("EDGEKIT_NO_NATIVE", value)
    if expected == "native" and not native_available():
        expected = "reference"
    assert codec.backend() == expected
