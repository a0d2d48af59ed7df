"""Entity types, findings and the detector interface of the privacy filter."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

PERSON = "PERSON"
EMAIL = "EMAIL"
PHONE = "PHONE"
ADDRESS = "ADDRESS"
IP_ADDRESS = "IP_ADDRESS"
URL_CREDENTIALS = "URL_CREDENTIALS"
CREDIT_CARD = "CREDIT_CARD"
IBAN = "IBAN"
US_SSN = "US_SSN"
DATE_OF_BIRTH = "DATE_OF_BIRTH"
ID_NUMBER = "ID_NUMBER"
#: A vehicle registration plate: no person's number, but it names its keeper.
LICENSE_PLATE = "LICENSE_PLATE"
SECRET = "SECRET"  # noqa: S105 (an entity type name, not a password)
GEO_COORDINATES = "GEO_COORDINATES"
#: A user's own text that looks like one of our placeholders and had to be escaped.
PLACEHOLDER_LITERAL = "PLACEHOLDER"

ENTITY_TYPES: tuple[str, ...] = (
    PERSON,
    EMAIL,
    PHONE,
    ADDRESS,
    IP_ADDRESS,
    URL_CREDENTIALS,
    CREDIT_CARD,
    IBAN,
    US_SSN,
    DATE_OF_BIRTH,
    ID_NUMBER,
    LICENSE_PLATE,
    SECRET,
    GEO_COORDINATES,
)


@dataclass(frozen=True, slots=True)
class Finding:
    """A typed span ``[start, end)`` of the ORIGINAL text; never carries the value."""

    type: str
    start: int
    end: int
    score: float
    detector: str

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError("a finding needs 0 <= start < end")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A detector's raw hit, in offsets of the text the detector was given."""

    type: str
    start: int
    end: int
    score: float


@runtime_checkable
class Detector(Protocol):
    """Anything that finds typed spans in (normalized) text.

    ``name`` appears in findings (so a report says which detector fired);
    ``detect`` receives the normalized text (NFKC, homoglyphs folded,
    zero-width characters removed) and returns candidates in its offsets.
    """

    name: str

    def detect(self, text: str) -> Sequence[Candidate]:
        """Return every candidate span found in ``text``."""
        ...


@runtime_checkable
class CoverageAwareDetector(Protocol):
    """A costly detector that can skip spans the other detectors already found.

    :class:`~edgekit.privacy.filter.Filter` runs it after the others and passes
    the spans (normalized offsets) that already scored above the threshold.
    """

    name: str

    def detect(self, text: str) -> Sequence[Candidate]:
        """Every candidate span found in ``text``."""
        ...

    def detect_uncovered(
        self, text: str, covered: Sequence[tuple[int, int]]
    ) -> Sequence[Candidate]:
        """Candidates in ``text``, looking only where ``covered`` does not already reach."""
        ...
