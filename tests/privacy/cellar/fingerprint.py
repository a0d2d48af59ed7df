"""A stable fingerprint of a corpus, for determinism checks."""

from __future__ import annotations

import hashlib
import json

from privacy.yardstick.corpus import Document


def digest(docs: list[Document]) -> str:
    """sha256 of the corpus serialised as JSON (spans, types sorted)."""
    rows = [
        [
            d.text,
            d.genre,
            d.template,
            [[p.slot, p.start, p.end, sorted(p.types), p.secret] for p in d.planted],
            [[t.kind, t.start, t.end] for t in d.traps],
        ]
        for d in docs
    ]
    return hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode()).hexdigest()
