"""Every codec test runs twice: against the native extension and the numpy reference."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from edgekit.codec import _backend


def native_available() -> bool:
    """Whether the C extension was built (imports it once)."""
    return _backend._native() is not None


@pytest.fixture(params=["native", "reference"], autouse=True)
def codec_backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Selects the codec path through EDGEKIT_NO_NATIVE, as a user would."""
    if request.param == "native":
        if not native_available():
            pytest.skip("native codec extension not built")
        monkeypatch.delenv("EDGEKIT_NO_NATIVE", raising=False)
    else:
        monkeypatch.setenv("EDGEKIT_NO_NATIVE", "1")
    return request.param


requires_native = pytest.mark.skipif(not native_available(), reason="native codec not built")
