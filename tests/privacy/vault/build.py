"""Assemble a document piece by piece, recording each span as its text is appended."""

from __future__ import annotations

from dataclasses import dataclass

from privacy.yardstick.corpus import Document, Planted, Trap

PERSON = frozenset({"PERSON"})
EMAIL = frozenset({"EMAIL"})
PHONE = frozenset({"PHONE"})
ADDRESS = frozenset({"ADDRESS"})
IP = frozenset({"IP_ADDRESS"})
CARD = frozenset({"CREDIT_CARD"})
IBAN = frozenset({"IBAN"})
SSN = frozenset({"US_SSN", "ID_NUMBER"})
DOB = frozenset({"DATE_OF_BIRTH"})
ID = frozenset({"ID_NUMBER"})
PLATE = frozenset({"LICENSE_PLATE", "ID_NUMBER"})
GEO = frozenset({"GEO_COORDINATES"})
SECRET = frozenset({"SECRET", "URL_CREDENTIALS"})


@dataclass(frozen=True)
class Val:
    """A personal value (or secret) to plant."""

    slot: str
    text: str
    types: frozenset[str]
    secret: bool = False


@dataclass(frozen=True)
class Look:
    """A harmless look-alike to set as a trap."""

    kind: str
    text: str


Piece = str | Val | Look


class Page:
    """A document under construction."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._pos = 0
        self._planted: list[Planted] = []
        self._traps: list[Trap] = []

    def _append(self, text: str) -> tuple[int, int]:
        start = self._pos
        self._parts.append(text)
        self._pos += len(text)
        return start, self._pos

    def add(self, *pieces: Piece) -> Page:
        """Append text, planted values and traps in order."""
        for piece in pieces:
            if isinstance(piece, Val):
                start, end = self._append(piece.text)
                self._planted.append(Planted(piece.slot, start, end, piece.types, piece.secret))
            elif isinstance(piece, Look):
                start, end = self._append(piece.text)
                self._traps.append(Trap(piece.kind, start, end))
            else:
                self._append(piece)
        return self

    def line(self, *pieces: Piece) -> Page:
        """Append pieces followed by a newline."""
        return self.add(*pieces, "\n")

    def __len__(self) -> int:
        return self._pos

    def done(self, genre: str, template: int) -> Document:
        """The finished document."""
        return Document(
            "".join(self._parts), genre, tuple(self._planted), tuple(self._traps), template
        )


def secret(slot: str, text: str) -> Val:
    """A value that must be blocked."""
    return Val(slot, text, SECRET, True)
