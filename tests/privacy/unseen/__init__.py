"""The *unseen* privacy corpus: a new, independent, sealed yardstick for the privacy filter.

Written by the "unseen" engineer on 2026-12-06, on the lead's brief, as an honest
end-of-session measure for a filter whose two existing corpora are now "dev".

The rule it was written under: nothing under ``edgekit/privacy/``, ``tests/privacy/``
(except the ``Document``/``Planted``/``Trap`` dataclasses and the entity type names of
``tests/privacy/yardstick/corpus.py``, and ``tests/privacy/yardstick/score.py``),
``benchmarks/privacy.py`` or ``docs/`` was opened, nor git history or status lines about
privacy. Names, formats, check-digit algorithms and document forms were written from
general, public knowledge of the formats; ``faker`` is not used.

It is **sealed**: whoever tunes the filter must not open this package, print its
documents or values, or tune against its per-slot results. Use ``corpus.sealed()``
only through the scorer and read totals (and breakdowns by genre or slot, which carry
no values).

Layout: ``checks`` (check-digit arithmetic), ``people`` and ``values`` (names and
value generators per country), ``traps`` (look-alikes), ``labels`` and ``phrases``
(field labels and message templates per language), ``builder`` (exact offsets, and
the PDF-wrap and OCR-noise transforms that keep them), ``forms_*`` (one builder per
document form), ``corpus`` (``sealed(n)``: forms and locales by quota, fixed seed).
``genre`` is ``"<form>/<lang>"``, or ``"<form>/<lang>+<people's locale>"`` for
mixed-language documents; ``template`` is the form's index in ``corpus.FORMS``.
"""
