"""The loop check: blocks repeated verbatim, loops that only count, and counting itself."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from edgekit.errors import ConfigError
from edgekit.routing.degeneration import RepetitionRule, RepetitionWatch


def watch_tokens(tokens: list[tuple[int, str]], rule: RepetitionRule | None = None) -> int | None:
    """Feed ``tokens`` (id, text) to a fresh watch; the token count when it tripped."""
    watch = RepetitionWatch(rule)
    for token_id, text in tokens:
        if watch.feed(token_id, text):
            break
    return watch.tripped_at


def tokens_of(engine: Any, text: str) -> list[tuple[int, str]]:
    """The real tokenizer's (id, text) pairs for ``text``."""
    ids = engine.tokenize(text, add_bos=False)
    return [(i, engine.token_bytes(i).decode("utf-8", "replace")) for i in ids]


@given(block=st.lists(st.integers(0, 50_000), min_size=1, max_size=20), extra=st.integers(0, 3))
def test_a_block_repeated_verbatim_trips(block: list[int], extra: int) -> None:
    rule = RepetitionRule()
    repeats = max(rule.min_repeats, -(-rule.min_span // len(block))) + extra
    assert watch_tokens([(t, "") for t in block * repeats], rule) is not None


@given(st.lists(st.integers(0, 50_000), min_size=0, max_size=300, unique=True))
def test_tokens_that_never_repeat_never_trip(ids: list[int]) -> None:
    assert watch_tokens([(t, "") for t in ids]) is None


def test_counting_is_not_a_loop(edge_engine: Any) -> None:
    counting = ", ".join(str(n) for n in range(1, 121))
    assert watch_tokens(tokens_of(edge_engine, counting)) is None
    table = "\n".join(f"| {n} | {n * n} |" for n in range(1, 60))
    assert watch_tokens(tokens_of(edge_engine, table)) is None


def test_a_numbered_list_that_loops_trips(edge_engine: Any) -> None:
    looping = "\n".join(f"{n}. Buy fresh milk at the corner shop." for n in range(1, 30))
    tripped = watch_tokens(tokens_of(edge_engine, looping))
    assert tripped is not None
    assert tripped < len(tokens_of(edge_engine, looping)) // 2  # seen early, not at the end


def test_a_numbered_list_of_different_items_is_not_a_loop(edge_engine: Any) -> None:
    steps = [
        "Preheat the oven to 180 degrees.",
        "Mix flour, sugar and butter.",
        "Add two eggs and the milk.",
        "Pour the batter into a tin.",
        "Bake it for forty minutes.",
        "Let the cake cool before serving.",
        "Dust it with icing sugar.",
        "Cut it into eight slices.",
    ]
    listed = "\n".join(f"{n}. {step}" for n, step in enumerate(steps, 1))
    assert watch_tokens(tokens_of(edge_engine, listed)) is None


def test_the_rule_refuses_meaningless_bounds() -> None:
    with pytest.raises(ConfigError, match="min_repeats >= 2"):
        RepetitionRule(min_repeats=1)
    with pytest.raises(ConfigError, match="min_words_numbered >= 1"):
        RepetitionRule(min_words_numbered=0)
