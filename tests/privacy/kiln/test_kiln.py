"""Invariants of the kiln corpus itself (no filter is run here)."""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import os
import re
import subprocess
import sys
from pathlib import Path
from random import Random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from privacy.kiln import corpus, values
from privacy.kiln._build import BLOCKING, TYPES

_STRIP = " \t\r\n\"'`«»„“”‘’()[]{}<>,;:"
DOCS = corpus.sealed()


def _fingerprint(docs: list) -> str:
    return corpus.fingerprint(docs)


def test_counts() -> None:
    planted = [p for d in DOCS for p in d.planted]
    assert 290 <= len(DOCS) <= 320
    assert len({d.genre for d in DOCS}) >= 45
    assert len(planted) >= 2000
    assert sum(p.secret for p in planted) >= 120
    assert sum(len(d.traps) for d in DOCS) >= 1500
    for genre in {d.genre for d in DOCS}:
        assert len({d.template for d in DOCS if d.genre == genre}) >= 2, genre


def test_many_locales() -> None:
    checked = {
        p.slot.split("_")[0]
        for d in DOCS
        for p in d.planted
        if "_" in p.slot and p.slot in values.CHECKS
    }
    ibans = {d.text[p.start : p.start + 2] for d in DOCS for p in d.planted if p.slot == "iban"}
    assert len(checked) >= 8
    assert len(ibans) >= 8


def _check_doc(d) -> None:
    spans = sorted([(p.start, p.end) for p in d.planted] + [(t.start, t.end) for t in d.traps])
    for s, e in spans:
        assert 0 <= s < e <= len(d.text)
        frag = d.text[s:e]
        assert frag == frag.strip(_STRIP), (d.genre, frag)
    for (_, e1), (s2, _) in itertools.pairwise(spans):
        assert e1 <= s2, d.genre
    values_text = set()
    for p in d.planted:
        assert p.types, p
        assert p.types <= TYPES, p
        if p.secret:
            assert p.types <= BLOCKING, p
        else:
            assert not p.types & BLOCKING, p
        val = d.text[p.start : p.end]
        values_text.add(val)
        for m in re.finditer(re.escape(val), d.text):
            assert any(q.start <= m.start() and m.end() <= q.end for q in d.planted), (d.genre, val)
    for t in d.traps:
        assert d.text[t.start : t.end] not in values_text, (d.genre, t)
    assert d.genre in {f.__name__ for f in corpus.FORMS}


def test_spans_and_types() -> None:
    for d in DOCS:
        _check_doc(d)


def _dob_ok(s: str) -> bool:
    today = dt.date(2026, 12, 6)
    cands = []
    m = re.fullmatch(r"(\d{2})/(\d{2})/(\d{4})", s)
    if m:
        for mo, da in ((int(m[2]), int(m[1])), (int(m[1]), int(m[2]))):
            with contextlib.suppress(ValueError):
                cands.append(dt.date(int(m[3]), mo, da))
    else:
        cands.append(values.parse_date(s))
    return any(dt.date(1900, 1, 1) < c < today for c in cands)


def test_checks_and_dates() -> None:
    n = 0
    for d in DOCS:
        for p in d.planted:
            val = d.text[p.start : p.end]
            if p.slot in values.CHECKS:
                assert values.CHECKS[p.slot](val), (p.slot, val)
                n += 1
            if p.slot == "dob":
                assert _dob_ok(val), val
    assert n > 300


def test_deterministic_in_process() -> None:
    assert _fingerprint(corpus.sealed()) == _fingerprint(DOCS)


@pytest.mark.parametrize(
    ("seed", "loc"), [("0", "C"), ("4711", "C.UTF-8"), ("random", "de_DE.UTF-8")]
)
def test_deterministic_across_processes(seed: str, loc: str) -> None:
    tests_dir = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONHASHSEED": seed, "LC_ALL": loc, "PYTHONPATH": str(tests_dir)}
    code = "from privacy.kiln import corpus; print(corpus.fingerprint(corpus.sealed()))"
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == _fingerprint(DOCS)


def test_forms_hold_over_many_seeds() -> None:
    for k, form in enumerate(corpus.FORMS):
        for i in range(12):
            _check_doc(corpus.make(form, 1000 * k + i, i, salt="probe"))


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=1, max_size=12))
def test_value_generators(seed: str) -> None:
    r = Random(seed)
    p = values.Person(r, r.choice(sorted(values.NAMES)))
    assert values.luhn_ok(values.card(r))
    for cc in sorted(values.IBAN_SPEC):
        assert values.iban_ok(values.iban(r, cc, r.random() < 0.5))
    assert values.de_taxid_ok(values.de_taxid(r))
    assert values.de_kvnr_ok(values.de_kvnr(r))
    assert values.fr_nir_ok(values.fr_nir(r, p.sex, p.dob))
    assert values.es_dni_ok(values.es_dni(r))
    assert values.es_dni_ok(values.es_nie(r))
    assert values.nl_bsn_ok(values.nl_bsn(r))
    assert values.pl_pesel_ok(values.pl_pesel(r, p.sex, p.dob))
    assert values.se_pnr_ok(values.se_pnr(r, p.dob))
    assert values.uk_nhs_ok(values.uk_nhs(r))
    assert values.br_cpf_ok(values.br_cpf(r))
    assert values.tr_tckn_ok(values.tr_tckn(r))
    assert values.pt_nif_ok(values.pt_nif(r))
    assert values.at_svnr_ok(values.at_svnr(r, p.dob))
    assert values.be_nrn_ok(values.be_nrn(r, p.dob, p.sex))
    assert values.it_cf_ok(values.it_cf(r, p))
    assert values.us_ssn_ok(values.us_ssn(r))
    assert p.dob < dt.date(2026, 12, 6)


def test_checks_reject_corruption() -> None:
    r = Random("kiln/corrupt")
    assert not values.luhn_ok("4111 1111 1111 1112")
    assert not values.iban_ok("DE00" + values.iban(r, "DE", False)[4:])
    assert values.iban_ok("DE89 3704 0044 0532 0130 00")
    assert values.es_dni_ok("12345678Z")
    assert not values.es_dni_ok("12345678A")
    assert values.nl_bsn_ok("111222333")
    assert not values.nl_bsn_ok("111222334")
    assert values.pl_pesel_ok("44051401359")
    assert not values.pl_pesel_ok("44051401358")
    assert values.br_cpf_ok("529.982.247-25")
    assert not values.br_cpf_ok("529.982.247-26")
    assert values.uk_nhs_ok("943 476 5919")
    assert not values.uk_nhs_ok("943 476 5918")
    assert values.tr_tckn_ok("10000000146")
    assert values.se_pnr_ok("811218-9876")
