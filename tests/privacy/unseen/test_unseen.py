"""The unseen corpus's own invariants. Never runs the filter; never prints a value:
every assertion is on a boolean or a count, its message names a document index and a slot."""

from __future__ import annotations

import hashlib
import itertools
import re
from collections import Counter
from functools import cache

from privacy.yardstick.corpus import Document
from privacy.yardstick.score import score

from .checks import VALIDATORS
from .corpus import FORMS, MAIN, MAX_CHARS, MIN_CHARS, OTHER, build, plan, sealed

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
TRAP_KINDS = {
    "sha",
    "sha7",
    "sha256",
    "md5",
    "uuid",
    "order",
    "invoice",
    "tracking",
    "booking",
    "flight",
    "version",
    "isbn",
    "timestamp",
    "date",
    "math",
    "sku",
    "hex",
    "port",
    "status",
    "base64",
    "company",
    "city",
    "landmark",
    "drug",
    "icd10",
    "iata",
    "amount",
    "word",
}


@cache
def docs() -> tuple[Document, ...]:
    return tuple(sealed())


def fingerprint(doc: Document) -> str:
    """A digest of everything in a document (compared, never shown)."""
    return hashlib.sha256(repr(doc).encode()).hexdigest()


def test_size_and_lengths() -> None:
    d = docs()
    assert len(d) == 400
    short_or_long = sum(not MIN_CHARS <= len(x.text) <= MAX_CHARS for x in d)
    assert short_or_long == 0
    assert sum(len(x.planted) for x in d) >= 2000
    assert sum(len(x.traps) for x in d) >= 800


def test_offsets_are_exact() -> None:
    for i, doc in enumerate(docs()):
        n = len(doc.text)
        for p in doc.planted:
            inside = 0 <= p.start < p.end <= n
            assert inside, (i, p.slot)
            value = doc.text[p.start : p.end]
            trimmed = value == value.strip()
            assert trimmed, (i, p.slot)
            has_alnum = any(ch.isalnum() for ch in value)
            assert has_alnum, (i, p.slot)
            known_types = bool(p.types) and p.types <= ENTITY_TYPES
            assert known_types, (i, p.slot)
            secret_flag_right = p.secret == ("SECRET" in p.types)
            assert secret_flag_right, (i, p.slot)
        for t in doc.traps:
            inside = 0 <= t.start < t.end <= n
            assert inside, (i, t.kind)
            value = doc.text[t.start : t.end]
            trimmed = bool(value) and value == value.strip()
            assert trimmed, (i, t.kind)


def test_values_and_traps_do_not_overlap() -> None:
    for i, doc in enumerate(docs()):
        spans = sorted(
            [(p.start, p.end, p.slot) for p in doc.planted]
            + [(t.start, t.end, t.kind) for t in doc.traps]
        )
        for (_, a_end, a), (b_start, _, b) in itertools.pairwise(spans):
            apart = a_end <= b_start
            assert apart, (i, a, b)


def test_check_digits_are_valid() -> None:
    checked = Counter[str]()
    for i, doc in enumerate(docs()):
        if doc.genre.startswith("ocr/"):
            continue  # scanner noise turns some digits into letters on purpose
        for p in doc.planted:
            check = VALIDATORS.get(p.slot)
            if check is not None:
                valid = check(doc.text[p.start : p.end])
                assert valid, (i, p.slot)
                checked[p.slot] += 1
    assert sum(checked.values()) >= 300
    assert {"card", "iban", "se_pnr", "in_aadhaar", "cn_id", "it_cf"} <= set(checked)


def test_deterministic() -> None:
    steps = plan(400)
    again = [fingerprint(build(i, *steps[i])) for i in (0, 17, 399)]
    first = [fingerprint(docs()[i]) for i in (0, 17, 399)]
    same = again == first
    assert same
    whole_again = [fingerprint(x) for x in sealed()] == [fingerprint(x) for x in docs()]
    assert whole_again


def test_every_type_form_and_locale_group_is_represented() -> None:
    d = docs()
    types = {t for doc in d for p in doc.planted for t in p.types}
    assert sorted(ENTITY_TYPES - types) == []
    forms = {doc.genre.split("/")[0] for doc in d}
    assert sorted({name for name, _, _ in FORMS} - forms) == []
    locales = Counter(doc.genre.split("/")[1] for doc in d)
    pure = {loc for loc in locales if "+" not in loc}
    assert sorted((set(MAIN) | set(OTHER)) - pure) == []
    assert any("+" in loc for loc in locales)  # mixed-language documents
    main_share = sum(n for loc, n in locales.items() if loc in MAIN) / len(d)
    assert 0.6 <= main_share <= 0.8
    kinds = {t.kind for doc in d for t in doc.traps}
    assert sorted(TRAP_KINDS - kinds) == []
    secrets = sum(p.secret for doc in d for p in doc.planted)
    assert secrets >= 150


def test_slot_names_carry_no_values() -> None:
    for i, doc in enumerate(docs()):
        for p in doc.planted:
            plain = p.slot.replace("_", "").isalnum() and p.slot.islower()
            assert plain, i


def _squash(text: str) -> str:
    """Undo what the PDF and OCR transforms insert: line-end hyphens, extra blanks, O/0, 1/l."""
    text = text.replace("-\n", "")
    text = re.sub(r"\s+", " ", text)
    return text.replace("O", "0").replace("1", "l")


def test_transformed_documents_keep_their_labels() -> None:
    steps = plan(400)
    for i, doc in enumerate(docs()):
        form = doc.genre.split("/")[0]
        if form not in ("pdf", "ocr"):
            continue
        raw = build(i, *steps[i], raw=True)
        pairs = [
            (a.slot, a.start, a.end, b.start, b.end)
            for a, b in zip(doc.planted, raw.planted, strict=True)
        ]
        pairs += [
            (a.kind, a.start, a.end, b.start, b.end)
            for a, b in zip(doc.traps, raw.traps, strict=True)
        ]
        for name, s0, e0, s1, e1 in pairs:
            same = _squash(doc.text[s0:e0]) == _squash(raw.text[s1:e1])
            assert same, (i, name)


SHAPES = {
    "email": re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$"),
    "ipv4": re.compile(r"^\d{1,3}(\.\d{1,3}){3}$"),
    "ipv6": re.compile(r"^[0-9a-f:]+$"),
    "phone": re.compile(
        r"^[+(]?\d[\d ()./\-]{5,}\d(\s?(ext\.|poste|int\.|toestel|ramal|-)\s?\d+)?$"
    ),
    "iban": re.compile(r"^[A-Z]{2}\d{2}[A-Z0-9 ]+$"),
    "us_ssn": re.compile(r"^\d{3}[- ]?\d{2}[- ]?\d{4}$"),
}


def test_values_have_their_shapes() -> None:
    for i, doc in enumerate(docs()):
        if doc.genre.startswith(("ocr/", "pdf/")):
            continue
        for p in doc.planted:
            shape = SHAPES.get(p.slot)
            if shape is not None:
                fits = shape.match(doc.text[p.start : p.end]) is not None
                assert fits, (i, p.slot)
            if p.slot in ("dob", "dob_proto"):
                has_digit = any(ch.isdigit() for ch in doc.text[p.start : p.end])
                assert has_digit, (i, p.slot)


def test_the_shared_scorer_accepts_the_corpus() -> None:
    """No filter here: empty predictions must leak everything and touch no trap."""

    d = docs()
    total = score(d, [[] for _ in d], block_types=("SECRET",))
    assert total.planted == sum(len(x.planted) for x in d)
    assert total.found == 0
    assert total.traps_masked == 0
    assert total.leaked_whole == total.planted
    assert total.secrets == sum(p.secret for x in d for p in x.planted)
