"""The loft sealed corpus: ``sealed()`` returns every document, deterministically."""

from __future__ import annotations

from random import Random

from privacy.yardstick.corpus import Document

from . import forms_a, forms_b, forms_c, forms_d  # noqa: F401  (registers the forms)
from .common import FORMS
from .doc import problems

N_DOCS = 316
ATTEMPTS = 40


def make(i: int, name: str, variant: int, suffix: str = "") -> Document | None:
    """Document ``i`` of form ``name``: the first sound draw over fixed string seeds."""
    fn = dict((n, f) for n, f, _ in FORMS)[name]
    for k in range(ATTEMPTS):
        r = Random(f"loft/{i}/{name}{suffix}" + (f"/{k}" if k else ""))
        doc = fn(r, variant).build(name, variant)
        if not problems(doc):
            return doc
    return None


def schedule() -> list[tuple[int, str, int]]:
    out = []
    for i in range(N_DOCS):
        name, _, nvar = FORMS[i % len(FORMS)]
        out.append((i, name, (i // len(FORMS)) % nvar))
    return out


def sealed() -> list[Document]:
    docs = []
    for i, name, variant in schedule():
        doc = make(i, name, variant)
        if doc is None:
            raise RuntimeError(f"no sound draw for document {i} ({name})")
        docs.append(doc)
    return docs
