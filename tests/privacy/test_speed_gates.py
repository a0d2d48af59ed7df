"""Cheap tests put before a reader's pattern change nothing it finds (speed only)."""

from __future__ import annotations

import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from edgekit.privacy import normalize as normalize_module
from edgekit.privacy.labelled import _BIRTH_YEAR_RE, _birth_years

_PIECES = st.sampled_from(
    [
        "born ",
        "BORN in ",
        "b. ",
        "B.",
        "Nata nel ",
        "geboren im Jahr ",
        "JAHRGANG ",
        "nacida en ",
        "Year of Birth: ",
        "birthyear ",
        "YOB ",
        "anno di nascita ",
        "Geburtsjahr:",
        "ano de nascimento ",
        "ur. w ",
        "née en ",
        "année de naissance ",
        "año de nacimiento ",
        "1983",
        "2004",
        "1899",
        "2099",
        "19",
        "20",
        "(",
        ")",
        " ",
        "\t",
        "x",
        "é",
        "İ",
        "ſ",
        "K",
        "-",
        ".",
    ]
)
_TEXTS = st.lists(st.one_of(_PIECES, st.text(max_size=2)), max_size=10).map("".join)


@settings(max_examples=500, deadline=None)
@given(_TEXTS)
def test_birth_year_gate_finds_what_the_pattern_finds(text: str) -> None:
    spans = [(c.start, c.end) for c in _birth_years(text)]
    this_year = datetime.date.today().year
    expected = [
        m.span("y") for m in _BIRTH_YEAR_RE.finditer(text) if int(m.group("y")) <= this_year
    ]
    assert spans == expected


_ZERO_WIDTH = st.sampled_from(list("\u200b\u200c\u2060\ufeff\u00ad\u034f"))
_FOLDED = st.sampled_from(["а", "е", "Ａ", "１", "٣", "²", "é", "ß", "x", " ", "1"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_ZERO_WIDTH, _FOLDED, st.text(max_size=3)), max_size=12).map("".join))
def test_fold_fast_path_as_the_loops_said(text: str) -> None:
    """The regex tests in ``_fold`` answer as the per-character loops they replace."""
    zero_width = any(c in normalize_module._ZERO_WIDTH for c in text)
    assert bool(normalize_module._ZERO_WIDTH_RE.search(text)) is zero_width
    foreign_digit = any(c.isdigit() and not c.isascii() for c in text)
    assert any(c.isdigit() for c in normalize_module._NON_ASCII_RE.findall(text)) is foreign_digit


_KEY_PIECES = st.sampled_from(
    [
        "Telefon",
        "numéro de sécu",
        '"nationalId"',
        "'pw'",
        " ",
        "\t",
        ":",
        " = ",
        "=",
        "-",
        ".",
        "'",
        '"',
        "\n",
        "<td>",
        '<nif class="x">',
        "<a href='q'>",
        ">",
        "<",
        ",",
        "(",
        "/",
        "№",
        "Ñandú_2",
        "7",
        "x" * 45,
    ]
)


@settings(max_examples=600, deadline=None)
@given(pieces=st.lists(_KEY_PIECES, max_size=14), cut=st.integers(0, 70))
def test_own_key_search_from_the_last_non_key_character_is_the_same(
    pieces: list[str], cut: int
) -> None:
    from edgekit.privacy.detectors import _OWN_KEY, _own_key

    text = "".join(pieces) + "612 345 678"
    end = len(text) - len("612 345 678")
    lo = max(0, end - cut)
    want, got = _OWN_KEY.search(text, lo, end), _own_key(text, lo, end)
    assert (want is None) == (got is None)
    if want is not None and got is not None:
        assert (want.span(), want.group("k"), want.group("t")) == (
            got.span(),
            got.group("k"),
            got.group("t"),
        )


def test_the_last_non_key_character_is_found_in_linear_time() -> None:
    import time

    from edgekit.privacy.detectors import _LAST_NOT_KEY

    for text in ("a" * 200_000, "(" + "a " * 100_000, "a " * 100_000 + "("):
        started = time.process_time()
        for _ in range(20):
            _LAST_NOT_KEY.match(text, 0, len(text))
        assert time.process_time() - started < 3.0


_HANDLE_PIECES = st.sampled_from(
    [
        "user",
        "USERNAME",
        "author",
        "nickname",
        "ci_user",
        "db_user",
        "=",
        '"',
        "'",
        ":",
        " ",
        "@",
        "ana.lima",
        "x",
        "\n",
        "{",
    ]
)


@settings(max_examples=500, deadline=None)
@given(pieces=st.lists(_HANDLE_PIECES, max_size=12))
def test_account_readers_gated_by_characters_find_nothing_without_them(pieces: list[str]) -> None:
    from edgekit.privacy.handles import _KEY_VALUE_RE, _KEY_VALUE_TRIGGER, _MENTION_RE

    text = "".join(pieces)
    if not _KEY_VALUE_TRIGGER.search(text):
        assert _KEY_VALUE_RE.search(text) is None
    if "@" not in text:
        assert _MENTION_RE.search(text) is None
