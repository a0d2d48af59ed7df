"""A made-up company FAQ the edge model cannot know, with questions in varied phrasings.

Written apart from the learning code it judges: a seeded generator of
products and facts (warranty, colour, factory town, battery, weight, launch
year), the FAQ text the cloud model answers from (its system prompt), the
phrasings a user stream asks in (``stream``) and *other* phrasings kept for
judging only (``heldout``). The judge is the fact's value appearing in the
answer. ``SEALED_SEED`` makes a second company whose figures are reported
but never looked at while tuning.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

DEV_SEED = 7
SEALED_SEED = 90211

_SYLLABLES = ("zor", "blax", "quen", "dle", "vim", "tro", "kal", "pex", "nor", "lith", "sab", "ru")
_COLOURS = ("teal", "amber", "crimson", "ivory", "olive", "violet", "saffron", "slate")
_SUFFIXES = ("Pro", "Mini", "Air", "Max", "Lite", "One", "Go")
_TOWNS = ("Harrowgate", "Velmora", "Ostrand", "Kilbury", "Marrowby", "Tessaly", "Dunmere")

# attribute -> (FAQ sentence, stream phrasings, held-out phrasings)
_TEMPLATES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "warranty": (
        "The {p} comes with a {v}-year warranty.",
        ("How long is the warranty on the {p}?", "What warranty period does the {p} have?"),
        (
            "For how many years is the {p} covered by warranty?",
            "If I buy a {p}, how long is it under warranty?",
        ),
    ),
    "colour": (
        "The {p} is sold only in {v}.",
        ("What colour is the {p}?", "Which colour does the {p} come in?"),
        ("In what colour can I get the {p}?", "Tell me the colour of the {p}."),
    ),
    "town": (
        "The {p} is built in the town of {v}.",
        ("Where is the {p} made?", "In which town is the {p} built?"),
        ("Which town manufactures the {p}?", "Where does the {p} get assembled?"),
    ),
    "battery": (
        "The {p} has a {v} mAh battery.",
        ("What is the battery capacity of the {p}?", "How many mAh is the {p} battery?"),
        ("How big is the battery in the {p}?", "Tell me the {p}'s battery size in mAh."),
    ),
    "weight": (
        "The {p} weighs {v} grams.",
        ("How much does the {p} weigh?", "What is the weight of the {p}?"),
        ("How heavy is the {p}?", "Give me the {p}'s weight in grams."),
    ),
    "launch": (
        "The {p} was launched in {v}.",
        ("When was the {p} launched?", "In which year did the {p} come out?"),
        ("What year was the {p} released?", "Since when is the {p} on the market?"),
    ),
}


@dataclass(frozen=True)
class Question:
    """One user question about one fact; ``key`` is what a correct answer contains."""

    fact_id: str
    text: str
    key: str
    sentence: str  # the FAQ line that answers it


@dataclass(frozen=True)
class Domain:
    """A company FAQ and the questions asked about it."""

    company: str
    faq: str
    stream: tuple[Question, ...]
    heldout: tuple[Question, ...]

    @property
    def system_prompt(self) -> str:
        """What the cloud model answers from."""
        return (
            f"You are the customer support assistant of {self.company}. Answer in one "
            f"short sentence, using only these facts:\n{self.faq}"
        )


def _name(rng: random.Random) -> str:
    """A product name without digits (a digit in a name would satisfy numeric judges)."""
    return "".join(rng.sample(_SYLLABLES, 2)).capitalize() + " " + rng.choice(_SUFFIXES)


def _value(attribute: str, rng: random.Random) -> str:
    return {
        "warranty": lambda: str(rng.randint(2, 12)),
        "colour": lambda: rng.choice(_COLOURS),
        "town": lambda: rng.choice(_TOWNS),
        "battery": lambda: str(rng.randrange(1500, 9000, 100)),
        "weight": lambda: str(rng.randrange(120, 2400, 10)),
        "launch": lambda: str(rng.randint(1996, 2021)),
    }[attribute]()


def make_domain(seed: int = DEV_SEED, n_products: int = 5) -> Domain:
    """A company with ``n_products`` products and one fact per attribute each."""
    rng = random.Random(seed)
    company = _name(rng).split()[0] + " Devices"
    products = []
    while len(products) < n_products:
        name = _name(rng)
        if name not in products:
            products.append(name)
    lines, stream, heldout = [], [], []
    for p in products:
        for attribute, (sentence, asked, other) in _TEMPLATES.items():
            value = _value(attribute, rng)
            fact_id = f"{p}/{attribute}"
            line = sentence.format(p=p, v=value)
            lines.append(line)
            stream += [Question(fact_id, q.format(p=p), value, line) for q in asked]
            heldout += [Question(fact_id, q.format(p=p), value, line) for q in other]
    rng.shuffle(stream)
    return Domain(company, "\n".join(lines), tuple(stream), tuple(heldout))


def judge(answer: str, key: str) -> bool:
    """The fact's value appears in the answer as a whole word (case-insensitive)."""
    return re.search(rf"\b{re.escape(key)}\b", answer, re.IGNORECASE) is not None
