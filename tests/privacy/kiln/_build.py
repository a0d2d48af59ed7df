"""The document builder: text with labelled spans, checked as it is assembled."""

from __future__ import annotations

import re
from dataclasses import dataclass

from privacy.yardstick.corpus import Document, Planted, Trap

SHORT = {
    "P": "PERSON",
    "E": "EMAIL",
    "T": "PHONE",
    "A": "ADDRESS",
    "IP": "IP_ADDRESS",
    "CC": "CREDIT_CARD",
    "IB": "IBAN",
    "SSN": "US_SSN",
    "DOB": "DATE_OF_BIRTH",
    "ID": "ID_NUMBER",
    "LP": "LICENSE_PLATE",
    "GEO": "GEO_COORDINATES",
    "S": "SECRET",
    "UC": "URL_CREDENTIALS",
}
TYPES = frozenset(SHORT.values())
BLOCKING = frozenset({"SECRET", "URL_CREDENTIALS"})
_STRIP = " \t\r\n\"'`«»„“”‘’()[]{}<>,;:"


class Reject(Exception):
    """The drawn values collide; the caller draws again with the next seed."""


@dataclass(frozen=True)
class Tok:
    what: str  # "p", "s" or "x"
    name: str  # slot or kind
    val: str
    types: str = ""


def P(slot: str, val: str, types: str = "P") -> Tok:
    return Tok("p", slot, val, types)


def S(slot: str, val: str, types: str = "S") -> Tok:
    return Tok("s", slot, val, types)


def X(kind: str, val: str) -> Tok:
    return Tok("x", kind, val)


_FIELD = re.compile(r"\{(\w+)\}")


def _unbrace(s: str) -> str:
    return s.replace("{{", "{").replace("}}", "}")


class B:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.planted: list[Planted] = []
        self.traps: list[Trap] = []

    def t(self, s: str) -> B:
        self.parts.append(s)
        self.pos += len(s)
        return self

    def add(self, tok: Tok | str) -> B:
        if isinstance(tok, str):
            return self.t(tok)
        val = tok.val
        if not val or val.strip(_STRIP) != val:
            raise ValueError(f"untrimmed value {val!r}")
        start = self.pos
        self.t(val)
        if tok.what == "x":
            self.traps.append(Trap(tok.name, start, self.pos))
        else:
            types = frozenset(SHORT.get(k, k) for k in tok.types.split())
            self.planted.append(Planted(tok.name, start, self.pos, types, tok.what == "s"))
        return self

    def f(self, tmpl: str, **kw: Tok | str) -> B:
        """Append ``tmpl``; ``{key}`` is replaced by ``kw[key]`` when the key is given."""
        last = 0
        for m in _FIELD.finditer(tmpl):
            if m[1] not in kw:
                continue
            self.t(_unbrace(tmpl[last : m.start()]))
            self.add(kw[m[1]])
            last = m.end()
        self.t(_unbrace(tmpl[last:]))
        return self

    def doc(self, genre: str, template: int) -> Document:
        text = "".join(self.parts)
        spans = [(p.start, p.end) for p in self.planted]
        for p in self.planted:
            val = text[p.start : p.end]
            i = text.find(val)
            while i != -1:
                if not any(s <= i and i + len(val) <= e for s, e in spans):
                    raise Reject(f"{val!r} also unlabelled")
                i = text.find(val, i + 1)
        values = {text[p.start : p.end] for p in self.planted}
        for t in self.traps:
            if text[t.start : t.end] in values:
                raise Reject("trap equals value")
        return Document(text, genre, tuple(self.planted), tuple(self.traps), template)
