"""Score a filter's spans against the yardstick corpus.

A planted value is *found* when a prediction of one of its accepted types
overlaps it by at least half of the shorter of the two spans; a prediction is
*correct* when it finds some planted value. A value *leaks whole* when no
prediction of any type covers any of its letters or digits, and *partly* when
some are covered and some are not. Secrets must be blocked: a secret with no
overlapping prediction of a blocking type counts as unblocked. Traps must be
neither masked nor blocked.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .corpus import Document

Prediction = tuple[str, int, int]  # (type, start, end)


def _overlaps_enough(a0: int, a1: int, b0: int, b1: int) -> bool:
    shared = min(a1, b1) - max(a0, b0)
    return shared > 0 and 2 * shared >= min(a1 - a0, b1 - b0)


def _covered(text: str, start: int, end: int, preds: Sequence[Prediction]) -> tuple[int, int]:
    """(covered, total) letters and digits of ``text[start:end]``."""
    total = covered = 0
    for i in range(start, end):
        if not text[i].isalnum():
            continue
        total += 1
        if any(s <= i < e for _, s, e in preds):
            covered += 1
    return covered, total


@dataclass
class Score:
    planted: int = 0
    found: int = 0
    predicted: int = 0
    correct: int = 0
    leaked_whole: int = 0
    leaked_part: int = 0
    secrets: int = 0
    secrets_unblocked: int = 0
    traps: int = 0
    traps_masked: int = 0
    traps_blocked: int = 0
    false_block_docs: int = 0
    missed_by_slot: Counter[str] = field(default_factory=Counter)
    planted_by_slot: Counter[str] = field(default_factory=Counter)
    leaked_by_slot: Counter[str] = field(default_factory=Counter)
    wrong_by_type: Counter[str] = field(default_factory=Counter)
    leaked_by_where: Counter[tuple[str, int, str, str]] = field(default_factory=Counter)

    @property
    def recall(self) -> float:
        return self.found / self.planted if self.planted else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def f2(self) -> float:
        p, r = self.precision, self.recall
        return 5 * p * r / (4 * p + r) if p + r else 0.0

    def summary(self, suffix: str = "") -> dict[str, float | int]:
        """The headline figures, keys suffixed (``f2_sealed``)."""
        figures: dict[str, float | int] = {
            "f2": round(self.f2, 4),
            "recall": round(self.recall, 4),
            "precision": round(self.precision, 4),
            "leaked_whole": self.leaked_whole,
            "leaked_part": self.leaked_part,
            "planted": self.planted,
            "secrets_unblocked": self.secrets_unblocked,
            "traps_masked": self.traps_masked,
            "traps_blocked": self.traps_blocked,
            "false_block_docs": self.false_block_docs,
        }
        return {f"{k}{suffix}": val for k, val in figures.items()}


def text_form(value: str) -> str:
    """The shape of a value, never the value: digits, non-latin, or the case (lower, upper,
    title, mixed), prefixed ``accented-`` when a Latin letter is not ASCII."""
    letters = [c for c in value if c.isalpha()]
    if not letters:
        return "digits"
    if any("LATIN" not in unicodedata.name(c, "") for c in letters):
        return "non-latin"
    if not all(c.isascii() for c in letters):
        return "accented-" + _case(value, letters)
    return _case(value, letters)


def _case(value: str, letters: list[str]) -> str:
    """lower, upper, title or mixed."""
    if all(c.islower() for c in letters):
        return "lower"
    if all(c.isupper() for c in letters):
        return "upper"
    words = [w for w in value.split() if w[:1].isalpha()]
    return "title" if all(w[:1].isupper() for w in words) else "mixed"


def score_document(
    doc: Document, preds: Sequence[Prediction], block_types: Iterable[str], into: Score
) -> None:
    """Add one document's outcome to ``into``."""
    blocking = [p for p in preds if p[0] in set(block_types)]
    for value in doc.planted:
        into.planted += 1
        into.planted_by_slot[value.slot] += 1
        hit = any(
            t in value.types and _overlaps_enough(value.start, value.end, s, e) for t, s, e in preds
        )
        if hit:
            into.found += 1
        else:
            into.missed_by_slot[value.slot] += 1
        covered, total = _covered(doc.text, value.start, value.end, preds)
        if covered == 0:
            into.leaked_whole += 1
            into.leaked_by_slot[value.slot] += 1
            form = text_form(doc.text[value.start : value.end])
            into.leaked_by_where[(doc.genre, doc.template, value.slot, form)] += 1
        elif covered < total:
            into.leaked_part += 1
        if value.secret:
            into.secrets += 1
            if not any(s < value.end and value.start < e for _, s, e in blocking):
                into.secrets_unblocked += 1
    for t, s, e in preds:
        into.predicted += 1
        if any(t in v.types and _overlaps_enough(v.start, v.end, s, e) for v in doc.planted):
            into.correct += 1
        else:
            into.wrong_by_type[t] += 1
    for trap in doc.traps:
        into.traps += 1
        if any(s < trap.end and trap.start < e for _, s, e in preds):
            into.traps_masked += 1
        if any(s < trap.end and trap.start < e for _, s, e in blocking):
            into.traps_blocked += 1
    if blocking and not any(v.secret for v in doc.planted):
        into.false_block_docs += 1


def score(
    docs: Sequence[Document],
    predictions: Sequence[Sequence[Prediction]],
    block_types: Iterable[str],
) -> Score:
    """Score every document's predictions."""
    if len(docs) != len(predictions):
        raise ValueError("one prediction list per document")
    total = Score()
    blocks = tuple(block_types)
    for doc, preds in zip(docs, predictions, strict=True):
        score_document(doc, preds, blocks, total)
    return total
