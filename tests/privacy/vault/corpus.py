"""The sealed corpus: every document, in a fixed order, from fixed string seeds."""

from __future__ import annotations

from collections.abc import Callable
from random import Random

from privacy.yardstick.corpus import Document

from . import (
    forms_clean,
    forms_data,
    forms_dev,
    forms_ids,
    forms_keys,
    forms_more,
    forms_records,
    forms_talk,
    forms_words,
)
from .build import Page

Form = Callable[[Random, int], Page]

_ALL: tuple[tuple[Form, int], ...] = (
    *forms_talk.FORMS,
    *forms_records.FORMS,
    *forms_data.FORMS,
    *forms_dev.FORMS,
    *forms_more.FORMS,
    *forms_ids.FORMS,
    *forms_clean.FORMS,
    *forms_keys.FORMS,
    *forms_words.FORMS,
)
# Forms with the most variants first, so that every variant gets at least one document.
FORMS = tuple(sorted(_ALL, key=lambda form: -form[1]))
TOTAL = 300


def sealed() -> list[Document]:
    """Every document of the sealed corpus, deterministically."""
    docs: list[Document] = []
    for i in range(TOTAL):
        form, variants = FORMS[i % len(FORMS)]
        variant = (i // len(FORMS)) % variants
        page = form(Random(f"vault/{i}/{form.__name__}"), variant)
        docs.append(page.done(form.__name__, variant))
    return docs
