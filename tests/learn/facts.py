"""A small made-up product domain the edge model cannot know: (messages, cloud answer) pairs.

Four phrasings of eight facts (32 pairs: a round holds out at least 20, the
calibration floor, and trains on the rest).
"""

from __future__ import annotations

_FACTS = [
    (
        (
            "How long is the Zorblax warranty?",
            "What is the warranty period of the Zorblax?",
            "For how many years is a Zorblax covered?",
            "Zorblax warranty length?",
        ),
        "The Zorblax warranty lasts 7 years.",
    ),
    (
        (
            "What colour is the Zorblax reset button?",
            "Which colour is the reset button on a Zorblax?",
            "Tell me the colour of the Zorblax reset button.",
            "Zorblax reset button colour?",
        ),
        "The Zorblax reset button is teal.",
    ),
    (
        (
            "Who makes the Zorblax?",
            "Which company manufactures the Zorblax?",
            "What is the maker of the Zorblax?",
            "Which firm produces the Zorblax?",
        ),
        "The Zorblax is made by Quendle Labs.",
    ),
    (
        (
            "What battery does the Zorblax use?",
            "How big is the Zorblax battery?",
            "What is the Zorblax battery capacity?",
            "How many mAh does the Zorblax battery hold?",
        ),
        "The Zorblax uses a 4200 mAh battery.",
    ),
    (
        (
            "Where is the Zorblax serial number?",
            "Where do I find the serial number of a Zorblax?",
            "Where is the serial printed on the Zorblax?",
            "Zorblax serial number location?",
        ),
        "The Zorblax serial number is under the lid.",
    ),
    (
        (
            "What does a blinking red Zorblax light mean?",
            "Why is my Zorblax light blinking red?",
            "My Zorblax blinks red, what does it mean?",
            "What is the Zorblax red blinking light telling me?",
        ),
        "A blinking red light means the filter is full.",
    ),
    (
        (
            "How much does the Zorblax weigh?",
            "What is the weight of the Zorblax?",
            "How heavy is a Zorblax?",
            "How many grams is a Zorblax?",
        ),
        "The Zorblax weighs 830 grams.",
    ),
    (
        (
            "When was the Zorblax launched?",
            "In which year did the Zorblax come out?",
            "What year was the Zorblax released?",
            "Since which year is the Zorblax sold?",
        ),
        "The Zorblax was launched in 2014.",
    ),
]

SYSTEM = {"role": "system", "content": "You are the Zorblax support assistant."}

FACT_PAIRS = [
    ([SYSTEM, {"role": "user", "content": q}], a) for questions, a in _FACTS for q in questions
]
