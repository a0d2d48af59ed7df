"""Invariants of the loft sealed corpus (no filter is run here)."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import itertools
import os
import re
import subprocess
import sys
from collections import Counter
from functools import cache
from pathlib import Path
from random import Random

import pytest

from privacy.loft import gen
from privacy.loft.common import FORMS
from privacy.loft.corpus import N_DOCS, make, schedule, sealed
from privacy.loft.doc import BLOCKING, TYPES, problems

TODAY = dt.date(2026, 12, 6)
TRIM = set(" \t\r\n\"'`“”‘’«»„()[]{}<>,:;")


@cache
def docs() -> tuple:
    return tuple(sealed())


def canon(d) -> str:
    """A hash-seed-independent rendering of a document (frozenset reprs are not)."""
    planted = [(p.slot, p.start, p.end, sorted(p.types), p.secret) for p in d.planted]
    traps = [(t.kind, t.start, t.end) for t in d.traps]
    return repr((d.text, d.genre, d.template, planted, traps))


def fingerprint(ds) -> str:
    h = hashlib.sha256()
    for d in ds:
        h.update(canon(d).encode())
    return h.hexdigest()


# ---------------------------------------------------------------- independent checkers


def luhn_ok(s: str) -> bool:
    ds = [int(c) for c in s if c.isdigit()]
    total = 0
    for i, d in enumerate(reversed(ds)):
        if i % 2:
            d *= 2
            d = d - 9 if d > 9 else d
        total += d
    return total % 10 == 0


def iban_ok(s: str) -> bool:
    s = re.sub(r"\s", "", s).upper()
    lengths = {
        "DE": 22,
        "AT": 20,
        "CH": 21,
        "FR": 27,
        "ES": 24,
        "IT": 27,
        "NL": 18,
        "GB": 22,
        "IE": 22,
        "PL": 28,
        "BE": 16,
        "PT": 25,
        "SE": 24,
        "TR": 26,
    }
    if lengths.get(s[:2]) != len(s):
        return False
    moved = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def de_tax_id_ok(s: str) -> bool:
    s = re.sub(r"\s", "", s)
    if len(s) != 11 or s[0] == "0":
        return False
    counts = Counter(s[:10])
    if sorted(counts.values(), reverse=True)[0] not in (2, 3) or len(counts) not in (8, 9):
        return False
    p = 10
    for c in s[:10]:
        t = (int(c) + p) % 10 or 10
        p = (2 * t) % 11
    return (11 - p) % 10 == int(s[10])


def nl_bsn_ok(s: str) -> bool:
    if not re.fullmatch(r"\d{9}", s):
        return False
    total = sum(int(c) * w for c, w in zip(s[:8], range(9, 1, -1), strict=True)) - int(s[8])
    return total % 11 == 0


def es_dni_ok(s: str) -> bool:
    s = s.upper()
    if s[0] in "XYZ":
        s = str("XYZ".index(s[0])) + s[1:]
    return (
        bool(re.fullmatch(r"\d{8}[A-Z]", s)) and "TRWAGMYFPDXBNJZSQVHLCKE"[int(s[:8]) % 23] == s[8]
    )


def fr_nir_ok(s: str) -> bool:
    s = s.replace(" ", "")
    return len(s) == 15 and s[0] in "12" and 97 - int(s[:13]) % 97 == int(s[13:])


def it_cf_ok(s: str) -> bool:
    s = s.upper()
    if not re.fullmatch(r"[A-Z]{6}\d{2}[ABCDEHLMPRST]\d{2}[A-Z]\d{3}[A-Z]", s):
        return False
    odd = [
        1,
        0,
        5,
        7,
        9,
        13,
        15,
        17,
        19,
        21,
        2,
        4,
        18,
        20,
        11,
        3,
        6,
        8,
        12,
        14,
        16,
        10,
        22,
        25,
        24,
        23,
    ]
    total = 0
    for i, c in enumerate(s[:15]):
        k = int(c) if c.isdigit() else ord(c) - 65
        total += odd[k] if i % 2 == 0 else k
    return chr(65 + total % 26) == s[15]


def pl_pesel_ok(s: str) -> bool:
    if not re.fullmatch(r"\d{11}", s):
        return False
    w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    return (10 - sum(int(c) * x for c, x in zip(s, w, strict=False)) % 10) % 10 == int(s[10])


def br_cpf_ok(s: str) -> bool:
    ds = [int(c) for c in s if c.isdigit()]
    if len(ds) != 11:
        return False
    for n in (9, 10):
        t = sum(d * w for d, w in zip(ds[:n], range(n + 1, 1, -1), strict=True))
        if (t * 10) % 11 % 10 != ds[n]:
            return False
    return True


def se_pnr_ok(s: str) -> bool:
    ds = s.replace("-", "")
    return len(ds) == 10 and luhn_ok(ds)


def cn_rid_ok(s: str) -> bool:
    if not re.fullmatch(r"\d{17}[\dX]", s):
        return False
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    if "10X98765432"[sum(int(c) * x for c, x in zip(s, w, strict=False)) % 11] != s[17]:
        return False
    born = dt.date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    return born < TODAY


def verhoeff_ok(s: str) -> bool:
    d = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
        [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
        [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
        [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
        [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
        [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
        [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
        [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
        [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
    ]
    p = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4]]
    for _ in range(6):
        p.append([p[1][x] for x in p[-1]])
    c = 0
    for i, ch in enumerate(reversed(s)):
        c = d[c][p[i % 8][int(ch)]]
    return c == 0


def in_aadhaar_ok(s: str) -> bool:
    s = s.replace(" ", "")
    return bool(re.fullmatch(r"[2-9]\d{11}", s)) and verhoeff_ok(s)


def uk_nhs_ok(s: str) -> bool:
    s = s.replace(" ", "")
    if not re.fullmatch(r"\d{10}", s):
        return False
    chk = 11 - sum(int(c) * w for c, w in zip(s[:9], range(10, 1, -1), strict=True)) % 11
    return (0 if chk == 11 else chk) == int(s[9])


def uk_nino_ok(s: str) -> bool:
    s = s.replace(" ", "")
    return bool(re.fullmatch(r"[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]", s)) and s[
        :2
    ] not in {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"}


def us_ssn_ok(s: str) -> bool:
    m = re.fullmatch(r"(\d{3})[- ]?(\d{2})[- ]?(\d{4})", s)
    if not m:
        return False
    a, b, c = m.groups()
    return a not in ("000", "666") and a[0] != "9" and b != "00" and c != "0000"


def ru_snils_ok(s: str) -> bool:
    ds = re.sub(r"\D", "", s)
    if len(ds) != 11:
        return False
    t = sum(int(c) * w for c, w in zip(ds[:9], range(9, 0, -1), strict=True))
    chk = t if t < 100 else (0 if t in (100, 101) else t % 101 % 100)
    return chk == int(ds[9:])


def jp_mynumber_ok(s: str) -> bool:
    s = s.replace(" ", "")
    if not re.fullmatch(r"\d{12}", s):
        return False
    body = s[:11]
    total = sum(int(body[10 - (n - 1)]) * (n + 1 if n <= 6 else n - 5) for n in range(1, 12))
    rem = total % 11
    return (0 if rem <= 1 else 11 - rem) == int(s[11])


def de_kvnr_ok(s: str) -> bool:
    if not re.fullmatch(r"[A-Z]\d{9}", s):
        return False
    seq = f"{ord(s[0]) - 64:02d}{s[1:9]}"
    total = 0
    for i, c in enumerate(seq):
        prod = int(c) * (2 if i % 2 else 1)
        total += prod // 10 + prod % 10
    return total % 10 == int(s[9])


def tr_tckn_ok(s: str) -> bool:
    if not re.fullmatch(r"[1-9]\d{10}", s):
        return False
    d = [int(c) for c in s]
    return (sum(d[0:9:2]) * 7 - sum(d[1:8:2])) % 10 == d[9] and sum(d[:10]) % 10 == d[10]


CHECKERS = {
    "card": luhn_ok,
    "iban": iban_ok,
    "de_tax_id": de_tax_id_ok,
    "nl_bsn": nl_bsn_ok,
    "es_dni": es_dni_ok,
    "es_nie": es_dni_ok,
    "fr_nir": fr_nir_ok,
    "it_cf": it_cf_ok,
    "pl_pesel": pl_pesel_ok,
    "br_cpf": br_cpf_ok,
    "se_pnr": se_pnr_ok,
    "cn_rid": cn_rid_ok,
    "in_aadhaar": in_aadhaar_ok,
    "uk_nhs": uk_nhs_ok,
    "uk_nino": uk_nino_ok,
    "us_ssn": us_ssn_ok,
    "ru_snils": ru_snils_ok,
    "jp_mynumber": jp_mynumber_ok,
    "de_kvnr": de_kvnr_ok,
    "tr_tckn": tr_tckn_ok,
}

MONTHS = {}
for _names in gen.MONTH_NAMES.values():
    for _i, _m in enumerate(_names, 1):
        MONTHS[_m.lower()] = _i


def parse_dob(s: str) -> list[dt.date]:
    out = []
    m = re.fullmatch(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})", s)
    if m:
        a, b, y = map(int, m.groups())
        for day, mon in ((a, b), (b, a)):
            with contextlib.suppress(ValueError):
                out.append(dt.date(y, mon, day))
    m = re.fullmatch(r"(\d{4})[-年](\d{1,2})[-月](\d{1,2})日?", s)
    if m:
        out.append(dt.date(*map(int, m.groups())))
    m = re.fullmatch(r"(\d{1,2})\.? (?:de )?(\w+) (?:de )?(\d{4})", s)
    if m and m.group(2).lower() in MONTHS:
        out.append(dt.date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1))))
    m = re.fullmatch(r"(\w+) (\d{1,2}), (\d{4})", s)
    if m and m.group(1).lower() in MONTHS:
        out.append(dt.date(int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2))))
    return out


def check_values(ds) -> list[str]:
    bad = []
    for d in ds:
        for p in d.planted:
            val = d.text[p.start : p.end]
            if p.slot in CHECKERS and not CHECKERS[p.slot](val):
                bad.append(f"{p.slot} {val!r}")
            if p.slot == "dob":
                dates = parse_dob(val)
                if not dates or not any(dt.date(1900, 1, 1) < x < TODAY for x in dates):
                    bad.append(f"dob {val!r}")
    return bad


# ---------------------------------------------------------------- tests


def test_counts():
    ds = docs()
    assert 290 <= len(ds) <= 320
    assert len({d.genre for d in ds}) >= 45
    assert sum(len(d.planted) for d in ds) >= 2000
    assert sum(p.secret for d in ds for p in d.planted) >= 120
    assert sum(len(d.traps) for d in ds) >= 1500
    # several variants per form, several documents per form
    per_form = Counter(d.genre for d in ds)
    assert min(per_form.values()) >= 4
    assert all(len({d.template for d in ds if d.genre == f}) >= 2 for f in per_form)


def test_locales():
    ds = docs()
    prefixes = set()
    for d in ds:
        for p in d.planted:
            m = re.match(r"\+(\d{1,2})\b", d.text[p.start : p.end]) if p.slot == "phone" else None
            if m:
                prefixes.add(m.group(1))
    assert len(prefixes) >= 10, prefixes
    schemes = {p.slot for d in ds for p in d.planted if p.slot in CHECKERS}
    assert len(schemes - {"card", "iban"}) >= 12
    scripts = {
        "cjk": r"[\u4e00-\u9fff]",
        "cyrillic": r"[\u0400-\u04ff]",
        "kana": r"[\u3040-\u30ff]",
    }
    for name, rx in scripts.items():
        assert any(
            re.search(rx, d.text[p.start : p.end])
            for d in ds
            for p in d.planted
            if "PERSON" in p.types
        ), name


def test_spans_sound():
    for d in docs():
        assert problems(d) == [], (d.genre, d.template, problems(d))
        spans = sorted([(p.start, p.end) for p in d.planted] + [(t.start, t.end) for t in d.traps])
        for s, e in spans:
            assert 0 <= s < e <= len(d.text)
            assert d.text[s] not in TRIM
            assert d.text[e - 1] not in TRIM
        for (_, e1), (s2, _) in itertools.pairwise(spans):
            assert e1 <= s2
        for p in d.planted:
            assert p.types
            assert p.types <= TYPES
            assert p.secret == bool(p.types & BLOCKING)
            if p.secret:
                assert p.types <= BLOCKING
        values = {d.text[p.start : p.end] for p in d.planted}
        assert not any(d.text[t.start : t.end] in values for t in d.traps)


def test_values_well_formed():
    ds = docs()
    assert check_values(ds) == []
    slots = Counter(p.slot for d in ds for p in d.planted)
    assert slots["card"] >= 20
    assert slots["iban"] >= 30
    assert slots["dob"] >= 60


def test_determinism_in_process():
    assert fingerprint(sealed()) == fingerprint(docs())


@pytest.mark.parametrize(("seed", "lang"), [("0", "C.UTF-8"), ("4242", "C"), ("random", "POSIX")])
def test_determinism_across_processes(seed, lang):
    root = Path(__file__).resolve().parents[2]
    code = (
        "from privacy.loft.corpus import sealed\n"
        "from privacy.loft.test_loft import fingerprint\n"
        "print(fingerprint(sealed()))\n"
    )
    env = {
        **os.environ,
        "PYTHONHASHSEED": seed,
        "LC_ALL": lang,
        "LANG": lang,
        "PYTHONPATH": str(root),
    }
    out = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert out.stdout.strip() == fingerprint(docs())


def test_schedule_matches():
    ds = docs()
    assert len(schedule()) == N_DOCS == len(ds)
    for (_, name, variant), d in zip(schedule(), ds, strict=True):
        assert d.genre == name
        assert d.template == variant


def test_generators_hold_over_many_seeds():
    failures = []
    for name, _, nvar in FORMS:
        for v in range(nvar):
            for s in range(12):
                d = make(10_000 + s, name, v, suffix=f"/stress{s}")
                if d is None:
                    failures.append((name, v, s))
                    continue
                failures.extend((name, v, b) for b in check_values([d]))
    assert failures == []


def test_check_digit_generators():
    r = Random("loft/test/generators")
    for _ in range(300):
        born = gen.birth_date(r)
        assert luhn_ok(gen.card(r))
        assert iban_ok(gen.iban(r, r.choice(list(gen.IBAN_BBAN))))
        assert de_tax_id_ok(gen.de_tax_id(r))
        assert nl_bsn_ok(gen.nl_bsn(r))
        assert es_dni_ok(gen.es_dni(r))
        assert es_dni_ok(gen.es_nie(r))
        assert fr_nir_ok(gen.fr_nir(r, born, r.random() < 0.5))
        assert it_cf_ok(gen.it_cf(r, "Giulia", "Esposito", born, True))
        assert pl_pesel_ok(gen.pl_pesel(r, born, False))
        assert br_cpf_ok(gen.br_cpf(r))
        assert se_pnr_ok(gen.se_pnr(r, born))
        assert cn_rid_ok(gen.cn_rid(r, born))
        assert in_aadhaar_ok(gen.in_aadhaar(r))
        assert uk_nhs_ok(gen.uk_nhs(r))
        assert uk_nino_ok(gen.uk_nino(r))
        assert us_ssn_ok(gen.us_ssn(r))
        assert ru_snils_ok(gen.ru_snils(r))
        assert jp_mynumber_ok(gen.jp_mynumber(r))
        assert de_kvnr_ok(gen.de_kvnr(r))
        assert tr_tckn_ok(gen.tr_tckn(r))
        assert born < TODAY


def test_known_check_digit_examples():
    # published specimen numbers, to pin the independent checkers themselves
    assert iban_ok("DE89 3704 0044 0532 0130 00")
    assert iban_ok("GB82 WEST 1234 5698 7654 32")
    assert luhn_ok("4111 1111 1111 1111")
    assert not luhn_ok("4111 1111 1111 1112")
    assert br_cpf_ok("111.444.777-35")
    assert es_dni_ok("12345678Z")
    assert uk_nhs_ok("943 476 5919")
    assert verhoeff_ok("2363")
    assert tr_tckn_ok("10000000146")
    assert ru_snils_ok("112-233-445 95")
