"""Invariants of the fresh sealed corpus itself. No filter runs here.

Failures report slot names, kinds and counts only: no assertion may show a value
or a document (pytest prints the operands of a failing ``assert``).
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections import Counter
from pathlib import Path

import pytest

from privacy.yardstick.corpus import SLOTS, Document
from privacy.yardstick.score import score

from . import corpus
from .builder import LOCALES
from .checks import TRAP_VALIDATORS, VALIDATORS
from .documents import FORMS

ENTITY_TYPES = {
    "PERSON",
    "EMAIL",
    "PHONE",
    "ADDRESS",
    "IP_ADDRESS",
    "CREDIT_CARD",
    "IBAN",
    "US_SSN",
    "ID_NUMBER",
    "DATE_OF_BIRTH",
    "LICENSE_PLATE",
    "GEO_COORDINATES",
    "SECRET",
    "URL_CREDENTIALS",
}


@pytest.fixture(scope="module")
def docs() -> list[Document]:
    return corpus.sealed()


def test_size(docs: list[Document]) -> None:
    assert len(docs) == corpus.DEFAULT_DOCS
    planted = sum(len(d.planted) for d in docs)
    traps = sum(len(d.traps) for d in docs)
    assert planted >= 1500
    assert traps >= 400
    short = sum(1 for d in docs if not corpus.MIN_CHARS <= len(d.text) <= corpus.MAX_CHARS)
    assert short == 0


def test_offsets_are_exact_and_disjoint(docs: list[Document]) -> None:
    problems: Counter[str] = Counter()
    for d in docs:
        spans = [(p.start, p.end, p.slot) for p in d.planted]
        spans += [(t.start, t.end, "trap:" + t.kind) for t in d.traps]
        for start, end, what in spans:
            if not 0 <= start < end <= len(d.text):
                problems["out-of-range " + what] += 1
                continue
            value = d.text[start:end]
            if value != value.strip() or not any(c.isalnum() for c in value):
                problems["ragged " + what] += 1
        spans.sort()
        for (_, e0, w0), (s1, _, w1) in itertools.pairwise(spans):
            if s1 < e0:
                problems[f"overlap {w0}/{w1}"] += 1
    assert not problems, dict(problems)


def test_check_digits(docs: list[Document]) -> None:
    checked: Counter[str] = Counter()
    bad: Counter[str] = Counter()
    for d in docs:
        for p in d.planted:
            if p.slot in VALIDATORS:
                checked[p.slot] += 1
                if not VALIDATORS[p.slot](d.text[p.start : p.end]):
                    bad[p.slot] += 1
        for t in d.traps:
            if t.kind in TRAP_VALIDATORS:
                checked["trap:" + t.kind] += 1
                if not TRAP_VALIDATORS[t.kind](d.text[t.start : t.end]):
                    bad["trap:" + t.kind] += 1
    assert not bad, dict(bad)
    assert set(VALIDATORS) <= set(checked), sorted(set(VALIDATORS) - set(checked))


def _digest(docs: list[Document]) -> str:
    return hashlib.sha256(repr(docs).encode()).hexdigest()


def test_deterministic() -> None:
    a, b = corpus.generate(60), corpus.generate(60)
    same = _digest(a) == _digest(b)
    assert same
    differs = _digest(a) != _digest(corpus.generate(60, seed=corpus.SEED + 1))
    assert differs


def test_every_type_form_and_language_represented(docs: list[Document]) -> None:
    types = Counter(t for d in docs for p in d.planted for t in p.types)
    assert set(types) == ENTITY_TYPES, sorted(ENTITY_TYPES ^ set(types))
    assert min(types.values()) >= 10, {k: n for k, n in types.items() if n < 10}
    assert {d.genre for d in docs} == set(FORMS)
    assert {LOCALES[d.template] for d in docs} == set(LOCALES)
    # the same type names as the first yardstick (same meaning)
    theirs = {t for slot in SLOTS.values() for t in slot.types} | {"SECRET", "URL_CREDENTIALS"}
    assert set(types) <= theirs | {"EMAIL"}, sorted(set(types) - theirs)


def test_secret_flags(docs: list[Document]) -> None:
    wrong = Counter(
        p.slot
        for d in docs
        for p in d.planted
        if p.secret != (p.types == frozenset({"SECRET", "URL_CREDENTIALS"}))
    )
    assert not wrong, dict(wrong)


def test_traps_hold_no_planted_value(docs: list[Document]) -> None:
    clash: Counter[str] = Counter()
    for d in docs:
        values = [d.text[p.start : p.end] for p in d.planted]
        for t in d.traps:
            trap = d.text[t.start : t.end]
            if any(val in trap or (len(trap) >= 8 and trap in val) for val in values):
                clash[t.kind] += 1
    assert not clash, dict(clash)


def test_scorer_accepts_the_corpus(docs: list[Document]) -> None:
    """Perfect predictions find everything and touch no trap; none leak everything."""
    perfect = [[(sorted(p.types)[0], p.start, p.end) for p in d.planted] for d in docs]
    s = score(docs, perfect, ["SECRET", "URL_CREDENTIALS"])
    assert s.recall == 1.0
    assert s.precision == 1.0
    assert s.leaked_whole == 0
    assert s.traps_masked == 0
    assert s.secrets_unblocked == 0
    empty = score(docs, [[] for _ in docs], ["SECRET"])
    assert empty.leaked_whole == empty.planted


def test_nothing_prints(capsys: pytest.CaptureFixture[str]) -> None:
    corpus.generate(40)
    out = capsys.readouterr()
    printed = bool(out.out or out.err)  # never show what was printed
    assert not printed
    here = Path(__file__).parent
    for src in here.glob("*.py"):
        assert not re.search(r"\bprint\(|\blogging\b|sys\.std", src.read_text()), src.name
