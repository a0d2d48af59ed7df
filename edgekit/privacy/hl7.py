"""People in HL7 v2 messages, by segment and field position.

An HL7 v2 message (the lab and hospital feeds developers paste when an
interface breaks) is a run of segments, one a line: ``PID|1||4711^^^HOSP^MR||
DOE^JANE^Q||19800101|F|||1 MAIN ST^^SPRINGFIELD^IL^62704||(555)555-0100``.
Nothing in a field says what it is; its position does (HL7 v2.5 tables):

- ``PID``: 2-4 patient identifiers, 5 name, 6 mother's maiden name, 7 date of
  birth, 9 alias, 11 address, 13-14 phones, 19 SSN, 20 driver's licence;
- ``NK1`` (next of kin): 2 name, 4 address, 5-6 phones;
- ``GT1`` (guarantor): 3 name, 5 address, 6-7 phones, 8 date of birth, 12 SSN;
- ``IN1`` (insurance): 16 insured's name, 18 date of birth, 19 address,
  36 policy number, 49 insured's identifier;
- ``PV1``: 7-9 attending, referring and consulting doctors, 17 admitting doctor;
- ``ORC``/``OBR``: 12, 16 and 10, 16, 32-34 ordering and reporting clinicians.

The field separator is whatever follows the segment name in ``MSH`` (``|`` by
default); a field's components (``^``) and repetitions (``~``) stay one span.
"""

from __future__ import annotations

import re

from edgekit.privacy import types as t
from edgekit.privacy.types import Candidate

_SCORE = 0.9
_D, _P, _A, _N, _I, _S = (
    t.DATE_OF_BIRTH,
    t.PERSON,
    t.ADDRESS,
    t.PHONE,
    t.ID_NUMBER,
    t.US_SSN,
)
_FIELDS: dict[str, dict[int, str]] = {
    "PID": {
        2: _I,
        3: _I,
        4: _I,
        5: _P,
        6: _P,
        7: _D,
        9: _P,
        11: _A,
        13: _N,
        14: _N,
        19: _S,
        20: _I,
    },
    "NK1": {2: _P, 4: _A, 5: _N, 6: _N},
    "GT1": {3: _P, 5: _A, 6: _N, 7: _N, 8: _D, 12: _S},
    "IN1": {16: _P, 18: _D, 19: _A, 36: _I, 49: _I},
    "IN2": {2: _S, 8: _I},
    "PV1": {7: _P, 8: _P, 9: _P, 17: _P},
    "ORC": {10: _P, 11: _P, 12: _P},
    "OBR": {10: _P, 16: _P, 32: _P, 33: _P, 34: _P},
    "MRG": {1: _I, 7: _P},
}
_SEGMENT = re.compile(
    r"(?:^|(?<=[\r\n]))[ \t>]*(?P<seg>PID|NK1|GT1|IN1|IN2|PV1|ORC|OBR|MRG)(?P<sep>[|])"
)
_MAX_SEGMENT = 8192
_LINE_END = re.compile(r"[\r\n]")
# Empty components and repetitions at a field's end are not part of the value.
_TRAILING = "^~&"


class Hl7Detector:
    """Personal data in the fields of HL7 v2 segments."""

    name = "hl7"

    def detect(self, text: str) -> list[Candidate]:
        """Candidates for every person field of every known segment in ``text``."""
        if "|" not in text:
            return []
        found: list[Candidate] = []
        for m in _SEGMENT.finditer(text):
            line_end = _LINE_END.search(text, m.end())
            end = min(len(text) if line_end is None else line_end.start(), m.end() + _MAX_SEGMENT)
            found.extend(_segment(text, m.end(), end, _FIELDS[m.group("seg")], m.group("sep")))
        return found


def _segment(text: str, start: int, end: int, kinds: dict[int, str], sep: str) -> list[Candidate]:
    """Candidates of one segment whose fields start at ``start`` (field 1)."""
    out = []
    pos, index = start, 1
    while pos <= end and index <= max(kinds):
        stop = text.find(sep, pos, end)
        stop = end if stop < 0 else stop
        kind = kinds.get(index)
        if kind is not None:
            s, e = pos, stop
            while e > s and (text[e - 1] in _TRAILING or text[e - 1].isspace()):
                e -= 1
            while s < e and text[s] in _TRAILING:
                s += 1
            if s < e and any(c.isalnum() for c in text[s:e]):
                out.append(Candidate(kind, s, e, _SCORE))
        pos, index = stop + 1, index + 1
    return out
