"""A small made-up product domain the edge model cannot know: (messages, cloud answer) pairs."""

from __future__ import annotations

_FACTS = [
    ("How long is the Zorblax warranty?", "The Zorblax warranty lasts 7 years."),
    ("What is the warranty period of the Zorblax?", "The Zorblax warranty lasts 7 years."),
    ("What colour is the Zorblax reset button?", "The Zorblax reset button is teal."),
    ("Which colour is the reset button on a Zorblax?", "The Zorblax reset button is teal."),
    ("Who makes the Zorblax?", "The Zorblax is made by Quendle Labs."),
    ("Which company manufactures the Zorblax?", "The Zorblax is made by Quendle Labs."),
    ("What battery does the Zorblax use?", "The Zorblax uses a 4200 mAh battery."),
    ("How big is the Zorblax battery?", "The Zorblax uses a 4200 mAh battery."),
    ("Where is the Zorblax serial number?", "The Zorblax serial number is under the lid."),
    ("Where do I find the serial number of a Zorblax?",
     "The Zorblax serial number is under the lid."),
    ("What does a blinking red Zorblax light mean?",
     "A blinking red light means the filter is full."),
    ("Why is my Zorblax light blinking red?", "A blinking red light means the filter is full."),
]

SYSTEM = {"role": "system", "content": "You are the Zorblax support assistant."}

FACT_PAIRS = [([SYSTEM, {"role": "user", "content": q}], a) for q, a in _FACTS]
