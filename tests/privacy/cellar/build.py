"""Assemble a document piece by piece, recording spans as the text grows."""

from __future__ import annotations

import re
from dataclasses import dataclass
from random import Random

from privacy.yardstick.corpus import Document, Planted, Trap


@dataclass(frozen=True)
class V:
    """A planted value before it is placed."""

    slot: str
    text: str
    types: frozenset[str]
    secret: bool = False


@dataclass(frozen=True)
class T:
    """A look-alike before it is placed."""

    kind: str
    text: str


Piece = str | V | T
_HOLE = re.compile(r"⟪(\w+)⟫")


class B:
    """A document under construction."""

    def __init__(self, rng: Random) -> None:
        self.r = rng
        self.template = 0
        self._parts: list[str] = []
        self._pos = 0
        self._planted: list[Planted] = []
        self._traps: list[Trap] = []

    def __len__(self) -> int:
        return self._pos

    def variant(self, count: int) -> int:
        """Choose one of ``count`` variants and remember it as the template."""
        self.template = self.r.randrange(count)
        return self.template

    def put(self, piece: Piece) -> None:
        """Append one literal, value or look-alike."""
        text = piece if isinstance(piece, str) else piece.text
        start = self._pos
        self._parts.append(text)
        self._pos += len(text)
        if isinstance(piece, V):
            self._planted.append(Planted(piece.slot, start, self._pos, piece.types, piece.secret))
        elif isinstance(piece, T):
            self._traps.append(Trap(piece.kind, start, self._pos))

    def add(self, *pieces: Piece) -> None:
        """Append pieces in order."""
        for piece in pieces:
            self.put(piece)

    def f(self, fmt: str, **holes: Piece) -> None:
        """Append ``fmt`` with each ``⟪name⟫`` replaced by ``holes[name]``."""
        last = 0
        for match in _HOLE.finditer(fmt):
            self.put(fmt[last : match.start()])
            self.put(holes[match.group(1)])
            last = match.end()
        self.put(fmt[last:])

    def doc(self, genre: str) -> Document:
        """The finished document."""
        return Document(
            "".join(self._parts), genre, tuple(self._planted), tuple(self._traps), self.template
        )


def wrap(value: V, rng: Random) -> V:
    """``value`` broken onto two lines at one of its inner spaces (as a PDF copy does)."""
    gaps = [i for i, c in enumerate(value.text) if c == " "]
    if not gaps:
        return value
    at = rng.choice(gaps)
    return V(value.slot, value.text[:at] + "\n" + value.text[at + 1 :], value.types, value.secret)
