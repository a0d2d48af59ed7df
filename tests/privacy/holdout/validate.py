"""Checks that each planted value is a well-formed instance of its slot."""

from __future__ import annotations

import datetime as dt
import ipaddress
import re
import unicodedata
from collections.abc import Callable

from privacy.holdout import checks, ids, keys
from privacy.holdout.people import MONTH_NAMES, TODAY

_MONTHS = {name.lower(): i + 1 for names in MONTH_NAMES.values() for i, name in enumerate(names)}
_MONTHS.update({name[:3].lower(): i + 1 for i, name in enumerate(MONTH_NAMES["en"])})
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")


def _dates(text: str) -> list[dt.date]:
    """Every reading of ``text`` as a calendar date (day/month order is ambiguous)."""
    t = text.lower().replace(" de ", " ").replace(",", "").replace(".", " ").strip()
    nums = [int(x) for x in re.findall(r"\d+", t)]
    words = [w for w in re.findall(r"[^\W\d_]+", t) if w in _MONTHS]
    if words and len(nums) == 2:
        a, b = nums
        day, year = (a, b) if b > 31 else (b, a)
        triples = [(year, _MONTHS[words[0]], day)]
    elif len(nums) == 3:
        a, b, c = nums
        triples = [(a, b, c)] if a > 31 else [(c, b, a), (c, a, b)]
    else:
        return []
    out = []
    for y, mth, day in triples:
        year = y if y > 99 else (1900 + y if y > TODAY.year % 100 else 2000 + y)
        try:
            out.append(dt.date(year, mth, day))
        except ValueError:
            continue
    return out


def birth_date_ok(text: str) -> bool:
    """A real calendar date, in the past, of someone alive."""
    return any(dt.date(1900, 1, 1) < d < TODAY for d in _dates(text))


def _name_ok(text: str) -> bool:
    return (
        len(text) >= 2
        and all(c.isalpha() or c in " -'.," or unicodedata.category(c)[0] == "M" for c in text)
        and any(c.isalpha() for c in text)
    )


def _phone_ok(text: str) -> bool:
    return bool(re.fullmatch(r"[+(\d][\d ()./-]+", text)) and 7 <= len(checks.digits_of(text)) <= 15


def _ip_ok(text: str) -> bool:
    try:
        return ipaddress.ip_address(text).is_global
    except ValueError:
        return False


def _geo_ok(text: str) -> bool:
    if "°" in text:
        parts = re.findall(r"(\d+)°(\d+)'([\d.]+)\"([NSEW])", text)
        return len(parts) == 2 and all(int(m) < 60 and float(s) < 60 for _, m, s, _ in parts)
    nums = [float(x) for x in re.findall(r"-?\d+\.\d+", text)]
    lat_ok = len(nums) == 1 or abs(nums[0]) <= 90
    return 1 <= len(nums) <= 2 and lat_ok and all(abs(n) <= 180 for n in nums)


def _card_ok(text: str) -> bool:
    digits = checks.digits_of(text)
    return (
        bool(re.fullmatch(r"[\d -]+", text)) and 13 <= len(digits) <= 19 and checks.luhn_ok(digits)
    )


COMMON: dict[str, Callable[[str], bool]] = {
    "name": _name_ok,
    "email": lambda t: _EMAIL.fullmatch(t) is not None,
    "phone": _phone_ok,
    "address": lambda t: (
        len(t) >= 10 and any(c.isdigit() for c in t) and any(c.isalpha() for c in t)
    ),
    "dob": birth_date_ok,
    "iban": lambda t: (
        re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9 ]{10,36}", t) is not None and checks.mod97_iban_ok(t)
    ),
    "card": _card_ok,
    "ip": _ip_ok,
    "geo": _geo_ok,
    "member_no": lambda t: re.fullmatch(r"[A-Z]{0,2}-?\d{4,8}", t) is not None,
}


def value_ok(slot: str, text: str) -> bool:
    """Is ``text`` a valid value of ``slot`` (format and every check digit)?"""
    if slot in COMMON:
        return COMMON[slot](text)
    if slot in ids.SCHEMES:
        return ids.SCHEMES[slot].check(text)
    if slot in keys.MAKERS:
        return keys.secret_ok(slot, text)
    raise KeyError(slot)


def known_slot(slot: str) -> bool:
    """Does the corpus know how to check ``slot``?"""
    return slot in COMMON or slot in ids.SCHEMES or slot in keys.MAKERS
