"""A second, independent sealed corpus for the privacy filter ("fresh").

Written in one session by the "fresh" engineer, apart from the code it judges
and from the first yardstick: nothing under ``edgekit/privacy/``, no test file of
``tests/privacy/``, ``benchmarks/privacy.py``, ``docs/privacy.md`` nor the first
yardstick's templates, values or name lists was opened while writing it (only the
``Document``/``Planted``/``Trap`` dataclasses and entity type names of
``tests/privacy/yardstick/corpus.py`` and the scorer ``score.py`` were read).

THE RULE: whoever tunes the filter must never open, read, grep or import this
package. It is scored once, at the end of a session, with
``privacy.yardstick.score``; look only at totals, never print its documents or
values.

``corpus.sealed(n)`` renders ``n`` documents (fixed seed) as
``privacy.yardstick.corpus.Document`` objects.
"""
