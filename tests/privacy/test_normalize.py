"""Folding for detection, and the map back to original offsets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from edgekit.privacy.normalize import normalize

from .helpers import found


def test_ascii_is_identity() -> None:
    norm = normalize("plain text 123")
    assert norm.text == "plain text 123"
    assert norm.to_original(6, 10) == (6, 10)


def test_zero_width_fullwidth_and_homoglyphs_fold_and_map_back() -> None:
    text = "mail: jоhn\u200b.doe@ехаmple.com, card ４１１１ １１１１ １１１１ １１１１"
    norm = normalize(text)
    assert "john.doe@example.com" in norm.text
    start = norm.text.index("john")
    s, e = norm.to_original(start, start + len("john.doe@example.com"))
    assert text[s:e] == "jоhn\u200b.doe@ехаmple.com"


def test_combining_marks_compose() -> None:
    norm = normalize("Jose\u0301 Garci\u0301a")
    assert norm.text == "José García"
    assert norm.to_original(0, 4) == (0, 5)


def test_evasions_are_detected_with_original_spans(pattern_filter) -> None:  # type: ignore[no-untyped-def]
    cases = {
        "write to j\u200bane@exam\u200bple.org": ("EMAIL", "j\u200bane@exam\u200bple.org"),
        "card 4111\u20111111\u20111111\u20111111 ok": (
            "CREDIT_CARD",
            "4111\u20111111\u20111111\u20111111",
        ),
        "card 4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 ok": (
            "CREDIT_CARD",
            "4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1",
        ),
        "IBAN DE89\u00a03704\u00a00044\u00a00532\u00a00130\u00a000": (
            "IBAN",
            "DE89\u00a03704\u00a00044\u00a00532\u00a00130\u00a000",
        ),
        "key ѕk-рrоj-AbCdEfGhIjKlMnOpQrStUv123456": (
            "SECRET",
            "ѕk-рrоj-AbCdEfGhIjKlMnOpQrStUv123456",
        ),
        "ssn ５３６-２２-１２３４": ("US_SSN", "５３６-２２-１２３４"),
    }
    for text, expected in cases.items():
        assert expected in found(pattern_filter, text), text


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60))
def test_offset_map_is_monotonic_and_in_bounds(text: str) -> None:
    norm = normalize(text)
    last = 0
    for i in range(len(norm.text)):
        s, e = norm.to_original(i, i + 1)
        assert 0 <= s < e <= len(text)
        assert s >= last
        last = s
    if norm.text:
        assert norm.to_original(0, len(norm.text))[1] <= len(text)
