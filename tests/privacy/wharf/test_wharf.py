"""Invariants of the wharf corpus itself (no filter is run here)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import subprocess
import sys
from contextlib import suppress
from itertools import pairwise
from pathlib import Path
from random import Random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from privacy.wharf import values as gen
from privacy.wharf.corpus import FORMS, N_DOCS, make, sealed

TYPES = {
    "PERSON", "EMAIL", "PHONE", "ADDRESS", "IP_ADDRESS", "CREDIT_CARD", "IBAN", "US_SSN",
    "DATE_OF_BIRTH", "ID_NUMBER", "LICENSE_PLATE", "GEO_COORDINATES", "SECRET", "URL_CREDENTIALS",
}  # fmt: skip
BLOCKING = {"SECRET", "URL_CREDENTIALS"}
TRIM = " \t\r\n\"'`()[]{}<>,:;"

DOCS = sealed()


def _canon(docs: list) -> str:
    """A repr that does not depend on set order (frozenset reprs follow the hash seed)."""
    out = []
    for d in docs:
        planted = [(p.slot, p.start, p.end, sorted(p.types), p.secret) for p in d.planted]
        traps = [(x.kind, x.start, x.end) for x in d.traps]
        out.append((d.text, d.genre, d.template, planted, traps))
    return repr(out)


def _fingerprint(docs: list) -> str:
    return hashlib.sha256(_canon(docs).encode()).hexdigest()


def _check_doc(d) -> None:
    t = d.text
    spans = []
    for p in d.planted:
        assert 0 <= p.start < p.end <= len(t), (d.genre, p)
        v = t[p.start : p.end]
        assert v == v.strip(TRIM), (d.genre, v)
        assert p.types, p
        assert p.types <= TYPES, p
        if p.secret:
            assert p.types <= BLOCKING, p
        else:
            assert not p.types & BLOCKING, p
        spans.append((p.start, p.end))
    for x in d.traps:
        assert 0 <= x.start < x.end <= len(t), (d.genre, x)
        v = t[x.start : x.end]
        assert v == v.strip(TRIM), (d.genre, v)
        spans.append((x.start, x.end))
    spans.sort()
    for (_, b), (c, _) in pairwise(spans):
        assert b <= c, (d.genre, "overlapping spans")
    values = {t[p.start : p.end] for p in d.planted}
    for v in values:
        for m in re.finditer(re.escape(v), t):
            assert any(p.start <= m.start() and m.end() <= p.end for p in d.planted), (
                d.genre,
                f"unlabelled copy of {v!r}",
            )
    for x in d.traps:
        assert t[x.start : x.end] not in values, (d.genre, "trap equals a value")


def test_counts() -> None:
    assert 290 <= len(DOCS) <= 320
    assert len(DOCS) == N_DOCS
    assert len({d.genre for d in DOCS}) >= 45
    assert len(FORMS) >= 45
    assert sum(len(d.planted) for d in DOCS) >= 2000
    assert sum(p.secret for d in DOCS for p in d.planted) >= 120
    assert sum(len(d.traps) for d in DOCS) >= 1500
    for g in {d.genre for d in DOCS}:
        assert len({d.template for d in DOCS if d.genre == g}) >= 2, g


def test_many_locales() -> None:
    codes = set()
    for d in DOCS:
        for p in d.planted:
            v = d.text[p.start : p.end]
            m = re.match(r"\+(\d{1,3}) ", v)
            if p.slot == "phone" and m:
                codes.add(m.group(1))
    assert len(codes) >= 12, codes
    scripts = {"Cyrillic": "\u0400-\u04ff", "Arabic": "\u0600-\u06ff", "CJK": "\u4e00-\u9fff",
               "Hangul": "\uac00-\ud7af", "Devanagari": "\u0900-\u097f"}  # fmt: skip
    for name, rng in scripts.items():
        assert any(
            re.search(f"[{rng}]", d.text[p.start : p.end]) for d in DOCS for p in d.planted
        ), name


def test_spans() -> None:
    for d in DOCS:
        _check_doc(d)


def test_deterministic_in_process() -> None:
    assert _fingerprint(sealed()) == _fingerprint(DOCS)


@pytest.mark.parametrize(
    ("seed", "loc"), [("0", "C"), ("4242", "C.UTF-8"), ("random", "tr_TR.UTF-8")]
)
def test_deterministic_across_processes(seed: str, loc: str) -> None:
    here = Path(__file__).resolve().parents[2]
    code = (
        "from privacy.wharf.corpus import sealed; "
        "from privacy.wharf.test_wharf import _fingerprint; print(_fingerprint(sealed()))"
    )
    env = {
        **os.environ,
        "PYTHONHASHSEED": seed,
        "LC_ALL": loc,
        "LANG": loc,
        "PYTHONPATH": str(here),
    }
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == _fingerprint(DOCS)


def test_check_digits() -> None:
    seen: dict[str, int] = {}
    for d in DOCS:
        for p in d.planted:
            check = gen.CHECKS.get(p.slot)
            if check is None:
                continue
            v = d.text[p.start : p.end]
            assert check(v), (p.slot, v)
            seen[p.slot] = seen.get(p.slot, 0) + 1
    assert seen.get("card", 0) >= 20
    assert seen.get("iban", 0) >= 40
    assert len(seen) >= 12, seen


MONTHS = {}
for _lang, _names in gen.MONTHS.items():
    for _i, _m in enumerate(_names.split()):
        MONTHS[_m.lower()] = _i + 1
        MONTHS[_m.lower()[:3]] = _i + 1


def _dob_candidates(v: str) -> list[dt.date]:
    nums = [int(n) for n in re.findall(r"\d+", v)]
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", v) if w.lower() in MONTHS]
    if re.fullmatch(r"\d{6}", v):  # MRZ YYMMDD
        s = v
        yy, mm, dd = int(s[:2]), int(s[2:4]), int(s[4:])
        nums, words = [1900 + yy if yy > 26 else 2000 + yy, mm, dd], []
    if words:
        day, year = sorted(nums)
        orders = [(year, MONTHS[words[0]], day)]
    elif nums[0] > 31:
        orders = [(nums[0], nums[1], nums[2])]
    else:
        orders = [(nums[2], nums[1], nums[0]), (nums[2], nums[0], nums[1])]
    out = []
    for y, m, dd in orders:
        with suppress(ValueError):
            out.append(dt.date(y, m, dd))
    return out


def test_dates_of_birth_are_real_past_dates() -> None:
    n = 0
    for d in DOCS:
        for p in d.planted:
            if "DATE_OF_BIRTH" in p.types:
                v = d.text[p.start : p.end]
                cands = [c for c in _dob_candidates(v) if dt.date(1900, 1, 1) < c < gen.TODAY]
                assert cands, v
                n += 1
    assert n >= 100


def test_generators_hold_over_other_seeds() -> None:
    for i in range(N_DOCS, N_DOCS + 2 * len(FORMS)):
        _check_doc(make(i))


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=12))
def test_value_generators_pass_their_checks(seed: str) -> None:
    r = Random(seed)
    assert gen.luhn_ok(gen.card(r)[0])
    assert gen.iban_ok(gen.iban(r, r.choice(["DE", "FR", "UA", "TR", "BR", "GB", "EG", "NL"])))
    for loc in gen.NAMES:
        p = gen.person(r, loc)
        assert p.dob < gen.TODAY
        slot, val = gen.national_id(r, p)
        if slot in gen.CHECKS:
            assert gen.CHECKS[slot](val), (slot, val)


def test_machine_readable_zones_carry_their_check_digits() -> None:
    n = 0
    for d in DOCS:
        for p in d.planted:
            if p.slot == "dob_mrz":
                v = d.text[p.start : p.end]
                assert d.text[p.end] == gen.mrz_digit(v)
                line = d.text[d.text.rfind("\n", 0, p.start) + 1 : d.text.find("\n", p.end)]
                assert len(line) == 44
                assert line[9] == gen.mrz_digit(line[:9])
                assert line[43] == gen.mrz_digit(line[:10] + line[13:20] + line[21:43])
                n += 1
    assert n >= 3
