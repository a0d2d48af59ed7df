"""Without the extension the package still works, through the reference, with one warning."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = """
import sys, warnings
sys.modules["edgekit.codec._hscodec"] = None  # as if the build had failed
import numpy as np
from edgekit import codec
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    x = np.arange(64, dtype=np.float32)
    for _ in range(3):
        assert codec.decode(codec.encode(x, "int8")).shape == (64,)
    print(codec.backend(), len(caught), caught[0].category.__name__)
"""


@pytest.fixture(autouse=True)
def _once(codec_backend: str) -> None:
    if codec_backend != "reference":
        pytest.skip("runs its own interpreter; once is enough")


def test_missing_extension_falls_back_with_one_warning() -> None:
    root = Path(__file__).resolve().parents[2]
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(root)}
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    )
    assert out.stdout.split() == ["reference", "1", "RuntimeWarning"]
