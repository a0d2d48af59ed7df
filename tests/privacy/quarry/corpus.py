"""The quarry corpus: ``sealed()`` returns every document, deterministically."""

from __future__ import annotations

from random import Random

from privacy.yardstick.corpus import Document

from . import _forms_b, _forms_c  # noqa: F401  (register their forms)
from ._base import Bad, D, problems
from ._forms_a import FORMS

ATTEMPTS = 60


def make(i: int, name: str, variant: int, attempt: int = 0) -> Document:
    fn = {f[0]: f[3] for f in FORMS}[name]
    r = Random(f"quarry/{i}/{name}/{attempt}")
    d = D()
    fn(r, d, variant)
    text = d.text()
    # trim a trailing newline; spans never reach it
    return Document(text, name, tuple(d.pl), tuple(d.tr), variant)


def build(i: int, name: str, variant: int) -> Document:
    for attempt in range(ATTEMPTS):
        doc = make(i, name, variant, attempt)
        if not problems(doc):
            return doc
    raise Bad(f"{name}/{variant} #{i}: {problems(doc)}")


def plan() -> list[tuple[int, str, int]]:
    out: list[tuple[int, str, int]] = []
    for name, n, variants, _fn in FORMS:
        for j in range(n):
            out.append((len(out), name, j % variants))
    return out


def sealed() -> list[Document]:
    return [build(i, name, v) for i, name, v in plan()]
