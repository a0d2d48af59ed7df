"""EndingPhrases answers exactly as its forward pattern would, only faster."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edgekit.privacy.names import _CUE_RE, _LOWER_CUE_RE
from edgekit.privacy.phrases import EndingPhrases

_OWN = EndingPhrases(
    ["ring", "ask Dr.", "über", "İpek", "ſo", "a+b", "x"],
    not_before=r"[\w']",
    tail=r"[ \t]*\n?[ \t]*",
    flags=re.IGNORECASE,
)
_PIECES = st.sampled_from(
    [
        "ring",
        "RING",
        "Ask dr.",
        "ÜBER",
        "über",
        "i̇pek",
        "İPEK",
        "so",
        "SO",
        "a+b",
        "A+B",
        "x",
        "'",
        "_",
        "é",
        "\n",
        " ",
        "\t",
        "  \n ",
        "7",
        "string",
        "bring",
        "tell",
        "my sister",
        "Llamar a",
        "per conto di",
        "FRAG BITTE",
        "Kollegin",
        "ß",
        "Привет",
        "",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=8).map("".join))
def test_same_answer_as_the_forward_pattern(text: str) -> None:
    for phrases in (_OWN, _CUE_RE, _LOWER_CUE_RE):
        assert phrases.search(text) == bool(phrases.pattern.search(text)), text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("please ask dr. \n", True),  # a final newline: "$" matches before it
        ("bring ", False),  # "ring" inside a word is no phrase
        ("o'ring ", False),
        ("(ring)", False),
        ("RING\t\n\t", True),
        ("ring\n\n", True),
        ("ring\n\n\n", False),  # two newlines after the blanks' one and "$"'s one
        ("ſo ", True),
    ],
)
def test_own_examples(text: str, expected: bool) -> None:
    assert _OWN.search(text) is expected
    assert bool(_OWN.pattern.search(text)) is expected


def test_cues_of_the_name_readers() -> None:
    assert _CUE_RE.search("Yesterday I talked to my sister ")
    assert _CUE_RE.search("mañana hay que llamar a\n")
    assert not _CUE_RE.search("the guys ")
    assert _LOWER_CUE_RE.search("kannst du ")
    assert not _LOWER_CUE_RE.search("kannst du")


def test_empty_phrases_refused() -> None:
    with pytest.raises(ValueError, match="non-empty"):
        EndingPhrases([], not_before=r"\w", tail=" ")
    with pytest.raises(ValueError, match="non-empty"):
        EndingPhrases(["a", ""], not_before=r"\w", tail=" ")


def test_linear_time() -> None:
    """A long text of near-misses costs time in proportion to its length."""

    def cost(n: int) -> float:
        text = ("bring strin " * n) + " "
        best = float("inf")
        for _ in range(5):
            start = time.process_time()
            _OWN.search(text)
            _CUE_RE.search(text)
            best = min(best, time.process_time() - start)
        return best

    cost(100)
    small, large = cost(20_000), cost(200_000)
    assert large < 30 * small + 0.01
