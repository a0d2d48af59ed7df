"""Degeneration check: does an answer loop (the same block of tokens again and again)?

A small model that is confident and wrong often falls into a loop ("[Your
Company Name]" twenty times) that its per-token confidence rates highly.
:class:`RepetitionWatch` is fed every token id of an answer, not only its
head, and trips once the tail of the answer is one block of at most
``max_period`` tokens repeated ``min_repeats`` times covering at least
``min_span`` tokens. Each step costs O(``max_period``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True)
class RepetitionRule:
    """When an answer counts as looping (see the module docstring)."""

    max_period: int = 48
    min_repeats: int = 3
    min_span: int = 32

    def __post_init__(self) -> None:
        if self.max_period < 1 or self.min_repeats < 2 or self.min_span < 2:
            raise ValueError("max_period >= 1, min_repeats >= 2 and min_span >= 2")


class RepetitionWatch:
    """Follows one answer token by token; :attr:`tripped` once it loops."""

    def __init__(self, rule: RepetitionRule | None = None) -> None:
        self.rule = rule or RepetitionRule()
        self._ids: list[int] = []
        # _runs[p - 1]: how many latest tokens in a row equal the token p positions earlier
        self._runs = [0] * self.rule.max_period
        self.tripped_at: int | None = None

    @property
    def tripped(self) -> bool:
        """True once the answer was seen looping."""
        return self.tripped_at is not None

    @property
    def n_tokens(self) -> int:
        """Tokens seen so far."""
        return len(self._ids)

    def feed(self, token_id: int) -> bool:
        """Add one token; True when the answer now loops (and from then on)."""
        ids = self._ids
        ids.append(token_id)
        if self.tripped:
            return True
        n = len(ids)
        rule = self.rule
        for period in range(1, min(rule.max_period, n - 1) + 1):
            run = self._runs[period - 1] + 1 if ids[-1] == ids[-1 - period] else 0
            self._runs[period - 1] = run
            covered = run + period
            if covered >= rule.min_span and covered >= rule.min_repeats * period:
                self.tripped_at = n
                return True
        return False
