"""``--tour``: a scripted minute that shows what EdgeKit is for, before the chat opens.

Each step is a caption and a line typed on the user's behalf. The answers are
real (the router, the privacy filter, the gateway and the link all run as
usual); only the questions are chosen: one the small model knows, one it gets
wrong and is unsure about, one carrying personal data, and one asked of the
cloud while the link is cut.
"""

from __future__ import annotations

from edgekit.app.answer import Answer
from edgekit.app.events import EventSink
from edgekit.app.session import ChatSession
from edgekit.calibrate.dataset import SYSTEM_PROMPT

EMAIL = "ada.lovelace@example.org"


class FreshQuestion(str):
    """A tour question asked without the conversation so far.

    The tour's questions are independent; asking each one fresh keeps the
    small model's confidence (and so the route the captions announce) the
    same from run to run.
    """

    __slots__ = ()


#: The tour asks the way the router's calibration set asks, so the gate judges
#: drafts like the ones it was fitted on (and answers stay short).
TOUR_SYSTEM = SYSTEM_PROMPT


def ask_tour_question(session: ChatSession, line: str, on_event: EventSink) -> Answer:
    """A tour question: no earlier turns, the calibration's system prompt unless
    the user gave one with ``--system``."""
    session.clear()
    return session.ask(line, on_event, system=session.system or TOUR_SYSTEM)


def tour_lines() -> list[str]:
    """The tour's lines, questions marked as :class:`FreshQuestion`."""
    return [line if line.startswith("/") else FreshQuestion(line) for _, line in TOUR]


TOUR: tuple[tuple[str, str], ...] = (
    (
        "1/6 · A question the small model knows: it answers on this device.",
        "What is the capital of Japan?",
    ),
    (
        "2/6 · One it is unsure about: the router escalates to the bigger model.",
        "What is 17 times 23?",
    ),
    (
        "3/6 · Personal data: the address is masked before anything leaves, over an encrypted "
        "link.",
        "/route cloud",
    ),
    ("", f"Write one sentence inviting {EMAIL} to Friday's meeting."),
    ("", "/privacy"),
    (
        "4/6 · The link goes down: even with the route set to the cloud, the device answers.",
        "/offline",
    ),
    ("", "What is the capital of Japan?"),
    ("5/6 · Why did that answer come from where it came from?", "/why"),
    ("6/6 · Back online, routing on confidence again; the session so far.", "/online"),
    ("", "/route auto"),
    ("", "/stats"),
)
