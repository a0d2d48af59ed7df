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


# --- encoded text: percent-encoding, JSON escapes, HTML references --------------------------

_VALUE = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), min_size=1, max_size=20
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_VALUE, min_size=1, max_size=4))
def test_a_form_body_decodes_and_every_value_maps_back_to_its_encoded_span(
    values: list[str],
) -> None:
    from urllib.parse import quote_plus

    from edgekit.privacy.decode import decode

    encoded = [quote_plus(v) for v in values]
    # a query string (after "?"): a lone "k=v+w" elsewhere keeps its "+" (base64 secrets)
    body = "/submit?" + "&".join(f"k{i}={e}" for i, e in enumerate(encoded))
    decoded = decode(body)
    plain = "/submit?" + "&".join(f"k{i}={v}" for i, v in enumerate(values))
    if decoded is None:
        assert body == plain
        return
    assert decoded.text == plain
    pos = 0
    for i, (value, enc) in enumerate(zip(values, encoded, strict=True)):
        pos = decoded.text.index(f"k{i}=", pos) + len(f"k{i}=")
        start, end = decoded.starts[pos], decoded.ends[pos + len(value) - 1]
        assert body[start:end] == enc
        pos += len(value)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="%+&=?;#\\ux0123456789abcdefABCDEF@. \n", max_size=80))
def test_decoding_any_text_keeps_a_monotone_in_bounds_map(text: str) -> None:
    norm = normalize(text)
    for i in range(len(norm.text)):
        s, e = norm.to_original(i, i + 1)
        assert 0 <= s < e <= len(text)
    if norm.text:
        assert norm.to_original(0, len(norm.text)) == (
            norm.to_original(0, 1)[0],
            norm.to_original(len(norm.text) - 1, len(norm.text))[1],
        )


def test_encoded_values_are_masked_whole(pattern_filter) -> None:  # type: ignore[no-untyped-def]
    text = (
        "POST /signup\n\nname=Dolores+Lef%C3%A8vre&email=lefevre.dolores%40free.fr"
        "&card=4387+4644+2673+9887&order=A488472842\n"
        '1.2.3.4 - - [05/Dec/2026:23:14:09 +0000] "GET /?email=ana%40example.org HTTP/1.1" 200 81\n'
        '{"email": "jane\\u0040example.com"} <a>bob&#64;example.org</a>'
    )
    got = found(pattern_filter, text)
    for value in (
        ("EMAIL", "lefevre.dolores%40free.fr"),
        ("CREDIT_CARD", "4387+4644+2673+9887"),
        ("EMAIL", "ana%40example.org"),
        ("EMAIL", "jane\\u0040example.com"),
        ("EMAIL", "bob&#64;example.org"),
    ):
        assert value in got


def test_a_plus_outside_a_query_string_is_kept(pattern_filter) -> None:  # type: ignore[no-untyped-def]
    text = "aws_secret_access_key=tR7vXq2mLp9sKd4w/Nz8b+Yc3fHj6gUe1aQo5iVn0W"
    assert normalize(text).text == text
    assert ("SECRET", "tR7vXq2mLp9sKd4w/Nz8b+Yc3fHj6gUe1aQo5iVn0W") in found(pattern_filter, text)
