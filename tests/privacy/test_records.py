"""People in records: HL7 v2 segments by field position, meeting minutes' lists."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from edgekit.privacy import Filter
from edgekit.privacy.hl7 import Hl7Detector
from edgekit.privacy.record_names import RecordNameDetector

from .helpers import found

ADT = (
    "MSH|^~\\&|LAB|HOSP|||202612061030||ADT^A01|MSG0001|P|2.5\r"
    "PID|1||99120^^^HOSP^MR||KOWALSKA^ANNA^M||19720314|F|||12 OAK RD^^DENVER^CO^80203"
    "||(720)555-0142|||||||\r"
    "NK1|1|KOWALSKI^PIOTR|SPO||(720)555-0143\r"
    "PV1|1|I|W^389^1||||004777^ABERNATHY^RUTH^J.|||SUR\r"
    "OBX|1|NM|GLU^Glucose||182|mg/dl"
)


def test_hl7_fields_by_position(pattern_filter: Filter) -> None:
    got = found(pattern_filter, ADT)
    for value in (
        ("ID_NUMBER", "99120^^^HOSP^MR"),
        ("PERSON", "KOWALSKA^ANNA^M"),
        ("DATE_OF_BIRTH", "19720314"),
        ("ADDRESS", "12 OAK RD^^DENVER^CO^80203"),
        ("PHONE", "(720)555-0142"),
        ("PERSON", "KOWALSKI^PIOTR"),
        ("PERSON", "004777^ABERNATHY^RUTH^J."),
    ):
        assert value in got
    assert not [v for t, v in got if "Glucose" in v or v == "182"]


def test_hl7_segments_split_by_newlines_too() -> None:
    text = ADT.replace("\r", "\n")
    spans = {text[c.start : c.end] for c in Hl7Detector().detect(text)}
    assert "KOWALSKA^ANNA^M" in spans


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="PIDNK1|^~\r\n ab9", max_size=300))
def test_hl7_of_any_text_stays_in_bounds(text: str) -> None:
    for cand in Hl7Detector().detect(text):
        assert 0 <= cand.start < cand.end <= len(text)


def test_hl7_scans_in_linear_time() -> None:
    text = "PID|" + "|" * 60_000 + "\nPID" * 10_000
    start = time.process_time()
    Hl7Detector().detect(text)
    assert time.process_time() - start < 2.0


def test_minutes_lists_and_action_owners() -> None:
    text = (
        "Minutes, Q3 planning\n"
        "Attendees: ana, Bo Li (chair), carla ruiz and Dev Patel\n"
        "Apologies: Tom\n"
        "Anwesend: Frau Keller, Herr Yilmaz; entschuldigt: Jens\n"
        "ACTION: jonas to send the deck\n"
        "Action (Mira): book the room\n"
    )
    spans = {text[c.start : c.end] for c in RecordNameDetector().detect(text)}
    assert {"ana", "Bo Li", "carla ruiz", "Dev Patel", "Tom", "Jens", "jonas", "Mira"} <= spans


def test_minutes_without_people() -> None:
    text = "Present: all team members\nAttendees: 12 of 15\nACTION: Team to review the budget"
    assert RecordNameDetector().detect(text) == []
