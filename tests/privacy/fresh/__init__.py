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
``privacy.yardstick.corpus.Document`` objects: ``genre`` is the form (email,
ticket, csv, yaml, toml, dotenv, traces, logs, sql, http, markdown, ics, vcard,
chat, forms, labels, fixtures, json, kyc, prose, ...) and ``template`` the index
of the document's language in ``builder.LOCALES``, so a report can say where a
value leaked without showing it.

Modules: ``values`` (generators, hand-made name lists; Faker is not used because
the filter's name lists are Faker-derived), ``checks`` (check-digit validators,
written apart from the generators), ``builder`` (offset bookkeeping, labels per
language), ``documents`` and ``prose`` (the forms), ``corpus`` (the seed).

Label decisions: an ``example.com`` address is planted as EMAIL (it is still an
email pattern). Chat nicknames and @mentions are planted as PERSON. Company names
(some named after people, e.g. Philips, Michelin) and city names outside an
address are traps, as are timestamps, non-birth dates, ports, status codes,
hashes, ids, versions, ISBNs, SKUs, colours, maths and base64 images. A
connection string with a password is one SECRET value (its host is not planted
separately). Role mailboxes (support@, info@) are not used at all.
"""
