"""The kiln corpus: ``sealed()`` returns every document, the same on every run."""

from __future__ import annotations

from collections.abc import Callable
from random import Random

from privacy.yardstick.corpus import Document

from . import forms_firm, forms_health, forms_office, forms_public
from ._build import B, Reject

FORMS: list[Callable[[Random, int], B]] = [
    *forms_health.FORMS,
    *forms_public.FORMS,
    *forms_firm.FORMS,
    *forms_office.FORMS,
]
PER_FORM = 6


def make(form: Callable[[Random, int], B], i: int, variant: int, salt: str = "kiln") -> Document:
    """One document of ``form``; draws again (next fixed seed) while its values collide."""
    for attempt in range(200):
        rng = Random(f"{salt}/{i}/{form.__name__}/{attempt}")
        try:
            return form(rng, variant).doc(form.__name__, variant)
        except Reject:
            continue
    raise RuntimeError(f"{form.__name__} {i}: no clean draw")


def sealed() -> list[Document]:
    docs = []
    for variant in range(PER_FORM):
        for k, form in enumerate(FORMS):
            docs.append(make(form, variant * len(FORMS) + k, variant))
    return docs


def fingerprint(docs: list[Document]) -> str:
    """A digest of the documents that does not depend on set order (types are frozensets)."""
    import hashlib

    h = hashlib.sha256()
    for d in docs:
        h.update(repr((d.text, d.genre, d.template)).encode())
        h.update(
            repr([(p.slot, p.start, p.end, sorted(p.types), p.secret) for p in d.planted]).encode()
        )
        h.update(repr([(t.kind, t.start, t.end) for t in d.traps]).encode())
    return h.hexdigest()
