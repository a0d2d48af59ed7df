"""Degeneration check: does an answer loop (the same block of tokens again and again)?

A small model that is confident and wrong often falls into a loop ("[Your
Company Name]" twenty times) that its per-token confidence rates highly.
:class:`RepetitionWatch` is fed every token of an answer, not only its head,
and trips once the tail of the answer is one block of at most ``max_period``
tokens repeated ``min_repeats`` times covering at least ``min_span`` tokens.

A loop that counts ("1. Buy milk. 2. Buy milk. 3. Buy milk.") differs only in
its numbers, so a second, looser comparison treats number tokens as equal.
It trips only when the repeated block holds at least ``min_words_numbered``
word tokens, so counting itself ("1, 2, 3, … 40") is never taken for a loop.
Each step costs O(``max_period``).
"""

from __future__ import annotations

from dataclasses import dataclass

from edgekit.errors import ConfigError

_NUMBER = -1  # the looser comparison's stand-in for every number token


@dataclass(frozen=True, kw_only=True)
class RepetitionRule:
    """When an answer counts as looping (see the module docstring)."""

    max_period: int = 48
    min_repeats: int = 3
    min_span: int = 32
    min_words_numbered: int = 3

    def __post_init__(self) -> None:
        if self.max_period < 1 or self.min_repeats < 2 or self.min_span < 2:
            raise ConfigError("repetition rule: max_period >= 1, min_repeats >= 2, min_span >= 2")
        if self.min_words_numbered < 1:
            raise ConfigError("repetition rule: min_words_numbered >= 1")


class RepetitionWatch:
    """Follows one answer token by token; :attr:`tripped` once it loops."""

    def __init__(self, rule: RepetitionRule | None = None) -> None:
        self.rule = rule or RepetitionRule()
        self._ids: list[int] = []
        self._keys: list[int] = []  # token ids, numbers replaced by _NUMBER
        self._words = [0]  # _words[i]: word tokens among the first i tokens
        # _runs[p - 1]: how many latest tokens in a row equal the token p positions earlier
        self._runs = [0] * self.rule.max_period
        self._loose_runs = [0] * self.rule.max_period  # the same, numbers all equal
        self.tripped_at: int | None = None

    @property
    def tripped(self) -> bool:
        """True once the answer was seen looping."""
        return self.tripped_at is not None

    @property
    def n_tokens(self) -> int:
        """Tokens seen so far."""
        return len(self._ids)

    def feed(self, token_id: int, text: str = "") -> bool:
        """Add one token (its text lets numbered loops be seen); True once the answer loops."""
        word = text.strip()
        self._ids.append(token_id)
        self._keys.append(_NUMBER if word.isdigit() else token_id)
        self._words.append(self._words[-1] + word.isalpha())
        if self.tripped:
            return True
        for period in range(1, min(self.rule.max_period, len(self._ids) - 1) + 1):
            if self._step(period):
                self.tripped_at = len(self._ids)
                return True
        return False

    def _step(self, period: int) -> bool:
        """Extend both runs at ``period``; True when either now covers a loop."""
        ids, keys, rule = self._ids, self._keys, self.rule
        exact = self._runs[period - 1] + 1 if ids[-1] == ids[-1 - period] else 0
        loose = self._loose_runs[period - 1] + 1 if keys[-1] == keys[-1 - period] else 0
        self._runs[period - 1], self._loose_runs[period - 1] = exact, loose
        if self._covers(exact + period, period):
            return True
        words = self._words[-1] - self._words[-1 - period]
        return words >= rule.min_words_numbered and self._covers(loose + period, period)

    def _covers(self, covered: int, period: int) -> bool:
        return covered >= self.rule.min_span and covered >= self.rule.min_repeats * period
