"""The sealed corpus: every document, deterministically."""

from __future__ import annotations

from random import Random

from privacy.yardstick.corpus import Document

from . import forms_b, forms_c, forms_d, forms_e  # noqa: F401  (they register their forms)
from .build import Who, problems
from .forms_a import FORMS

N_DOCS = 306


def make(i: int, fn_and_variants: tuple = ()) -> Document:
    fn, variants = fn_and_variants or FORMS[i % len(FORMS)]
    v = (i // len(FORMS)) % variants
    for attempt in range(200):
        r = Random(f"wharf/{i}/{fn.__name__}/{attempt}")
        Who.used = set()
        d = fn(r, v)
        doc = Document(d.text(), fn.__name__, tuple(d.planted), tuple(d.traps), v)
        if not problems(doc):
            return doc
    raise RuntimeError(f"no clean draw for {fn.__name__} #{i}")


def sealed() -> list[Document]:
    return [make(i) for i in range(N_DOCS)]
