"""The labelled tool-calling set of benchmarks/tools.py, generated from templates.

Written apart from the code it judges: nothing here imports EdgeKit. Each
intent has several phrasings; the last phrasings of every intent, the last
values of every pool and their own seed make the *sealed* split, which the
benchmark scores but which is never read while tuning (only its figures are
printed). Requests carrying personal data (an email address, a phone number,
a card number) are marked with the values they carry.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

ROOMS = ["living room", "bedroom", "kitchen", "office"]


def _fn(
    name: str, description: str, properties: dict[str, Any], required: list[str]
) -> dict[str, Any]:
    return {
        "type": "function",
        "function": {
            "name": name,
            "description": description,
            "parameters": {"type": "object", "properties": properties, "required": required},
        },
    }


TOOLS: list[dict[str, Any]] = [
    _fn(
        "get_weather",
        "Get the current weather for a city",
        {"city": {"type": "string", "maxLength": 40}, "unit": {"enum": ["celsius", "fahrenheit"]}},
        ["city"],
    ),
    _fn(
        "set_timer",
        "Start a countdown timer",
        {
            "minutes": {"type": "integer", "minimum": 1, "maximum": 720},
            "label": {"type": "string", "maxLength": 40},
        },
        ["minutes"],
    ),
    _fn(
        "send_email",
        "Send an email",
        {"to": {"type": "string", "maxLength": 80}, "subject": {"type": "string", "maxLength": 80}},
        ["to", "subject"],
    ),
    _fn(
        "send_sms",
        "Send a text message to a phone number",
        {
            "phone": {"type": "string", "maxLength": 30},
            "message": {"type": "string", "maxLength": 120},
        },
        ["phone", "message"],
    ),
    _fn(
        "make_payment",
        "Pay an amount with a payment card",
        {
            "card_number": {"type": "string", "maxLength": 30},
            "amount": {"type": "number", "minimum": 0.01, "maximum": 10000},
        },
        ["card_number", "amount"],
    ),
    _fn(
        "set_thermostat",
        "Set the target temperature in degrees Celsius",
        {"temperature": {"type": "number", "minimum": 10, "maximum": 30}, "room": {"enum": ROOMS}},
        ["temperature"],
    ),
    _fn(
        "control_lights",
        "Turn the lights of a room on or off",
        {"room": {"enum": ROOMS}, "state": {"enum": ["on", "off"]}},
        ["room", "state"],
    ),
    _fn(
        "add_event",
        "Add an event to the calendar",
        {
            "title": {"type": "string", "maxLength": 60},
            "date": {"type": "string", "format": "date"},
        },
        ["title", "date"],
    ),
    _fn(
        "play_music",
        "Play music matching a search",
        {"query": {"type": "string", "maxLength": 60}, "shuffle": {"type": "boolean"}},
        ["query"],
    ),
]

# Value pools: the last quarter of each pool is kept for the sealed split.
CITIES = [
    "Paris",
    "Oslo",
    "Madrid",
    "Tokyo",
    "Cairo",
    "Lima",
    "Berlin",
    "Dublin",
    "Nairobi",
    "Toronto",
    "Lisbon",
    "Seoul",
    "Vienna",
    "Quito",
    "Perth",
    "Prague",
]
LABELS = ["pasta", "laundry", "tea", "pizza", "workout", "eggs", "bread", "meeting"]
FIRST = ["ada", "omar", "lena", "raj", "mia", "tom", "yuki", "sara", "ivan", "noor", "li", "eva"]
DOMAINS = ["example.org", "mail.test", "post.example", "inbox.test"]
SUBJECTS = [
    "lunch on friday",
    "the quarterly report",
    "holiday plans",
    "invoice 42",
    "team offsite",
    "project kickoff",
    "book club",
    "car repair",
]
MESSAGES = [
    "running late",
    "call me back",
    "dinner at eight",
    "see you soon",
    "the keys are under the mat",
    "happy birthday",
    "meeting moved",
    "on my way",
]
TITLES = [
    "dentist appointment",
    "team lunch",
    "yoga class",
    "parents visit",
    "flight to rome",
    "piano lesson",
    "haircut",
    "board meeting",
]
SONGS = [
    "jazz classics",
    "the beatles",
    "lofi beats",
    "mozart",
    "taylor swift",
    "summer hits",
    "miles davis",
    "rainy day songs",
]
COUNTRIES = ["France", "Japan", "Kenya", "Peru", "Canada", "Norway", "Egypt", "Chile"]
TOPICS = ["cats", "pirates", "computers", "the moon", "coffee", "penguins", "trains", "robots"]


@dataclass(frozen=True)
class Request:
    """One labelled request: the expected call (None: answer without a tool)."""

    id: str
    split: str
    intent: str
    prompt: str
    expected: dict[str, Any] | None
    pii: tuple[str, ...] = field(default=())

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "split": self.split,
            "intent": self.intent,
            "prompt": self.prompt,
            "expected": self.expected,
            "pii": list(self.pii),
        }


def _pick(rng: random.Random, pool: list[Any], sealed: bool) -> Any:
    cut = len(pool) * 3 // 4
    return rng.choice(pool[cut:] if sealed else pool[:cut])


def _phone(rng: random.Random) -> str:
    return f"+1 {rng.randint(200, 989)} {rng.randint(200, 989)} {rng.randint(1000, 9999)}"


def _card(rng: random.Random) -> str:
    digits = [4] + [rng.randint(0, 9) for _ in range(14)]
    total = 0
    for i, d in enumerate(reversed(digits)):  # Luhn check digit
        d2 = d * 2 if i % 2 == 0 else d
        total += d2 - 9 if d2 > 9 else d2
    digits.append((10 - total % 10) % 10)
    s = "".join(map(str, digits))
    return " ".join(s[i : i + 4] for i in range(0, 16, 4))


@dataclass(frozen=True)
class Intent:
    """What users ask for, as data: slot values drawn per request, phrasings, expected calls.

    ``calls`` maps a phrasing's variant to ``(tool, {argument: slot})``; a slot
    whose value is None leaves its argument out; variant "" expects no call.
    ``pii`` names the slots that hold personal data.
    """

    draw: Callable[[random.Random, bool], dict[str, Any]]
    phrasings: list[tuple[str, str]]
    calls: dict[str, tuple[str, dict[str, str]]] = field(default_factory=dict)
    pii: tuple[str, ...] = ()

    def make(
        self, rng: random.Random, sealed: bool
    ) -> tuple[list[tuple[str, Any]], tuple[str, ...]]:
        """The phrasings (prompt, expected call) of one drawn request, and its personal values."""
        slots = self.draw(rng, sealed)
        return [
            (text.format(**slots), self._call(variant, slots)) for text, variant in self.phrasings
        ], tuple(slots[k] for k in self.pii)

    def _call(self, variant: str, slots: dict[str, Any]) -> dict[str, Any] | None:
        if not variant:
            return None
        tool, args = self.calls[variant]
        return {
            "name": tool,
            "arguments": {a: slots[k] for a, k in args.items() if slots[k] is not None},
        }


def _thermostat_slots(rng: random.Random, sealed: bool) -> dict[str, Any]:
    t = rng.choice([18, 19, 20, 21, 22, 23, 24, 25])
    room = _pick(rng, ROOMS, sealed) if rng.random() < 0.5 else None
    return {"t": t, "room": room, "where": f" in the {room}" if room else ""}


INTENTS: dict[str, Intent] = {
    "weather": Intent(
        lambda rng, sealed: {
            "city": _pick(rng, CITIES, sealed),
            "unit": rng.choice(["celsius", "fahrenheit"]),
        },
        [
            ("What's the weather like in {city}?", "plain"),
            ("Is it going to rain in {city} today?", "plain"),
            ("Tell me the temperature in {city} in {unit}.", "unit"),
            ("how warm is it in {city} right now", "plain"),
            ("Do I need an umbrella in {city}?", "plain"),
            ("Weather report for {city} please, in {unit}.", "unit"),
        ],
        {
            "plain": ("get_weather", {"city": "city"}),
            "unit": ("get_weather", {"city": "city", "unit": "unit"}),
        },
    ),
    "timer": Intent(
        lambda rng, sealed: {
            "n": rng.choice([3, 5, 10, 12, 15, 20, 25, 30, 45, 60, 90]),
            "label": _pick(rng, LABELS, sealed),
        },
        [
            ("Set a timer for {n} minutes.", "plain"),
            ("Start a {n} minute timer for the {label}.", "label"),
            ("countdown {n} min please", "plain"),
            ("Can you time {n} minutes for me?", "plain"),
            ("I need a {label} timer, {n} minutes.", "label"),
            ("Timer of {n} minutes, name it {label}.", "label"),
        ],
        {
            "plain": ("set_timer", {"minutes": "n"}),
            "label": ("set_timer", {"minutes": "n", "label": "label"}),
        },
    ),
    "email": Intent(
        lambda rng, sealed: {
            "addr": f"{_pick(rng, FIRST, sealed)}.{rng.randint(1, 99)}@{rng.choice(DOMAINS)}",
            "subject": _pick(rng, SUBJECTS, sealed),
        },
        [
            ("Send an email to {addr} with the subject {subject}.", "call"),
            ("Email {addr} about {subject}.", "call"),
            ("Write to {addr}, subject: {subject}", "call"),
            ("Please mail {addr} regarding {subject}.", "call"),
            ("Drop {addr} an email titled {subject}.", "call"),
        ],
        {"call": ("send_email", {"to": "addr", "subject": "subject"})},
        ("addr",),
    ),
    "sms": Intent(
        lambda rng, sealed: {"phone": _phone(rng), "msg": _pick(rng, MESSAGES, sealed)},
        [
            ("Text {phone}: {msg}", "call"),
            ("Send a message to {phone} saying {msg}", "call"),
            ("SMS {phone} with the text {msg}", "call"),
            ("Let {phone} know by text: {msg}", "call"),
            ("Message the number {phone}: {msg}", "call"),
        ],
        {"call": ("send_sms", {"phone": "phone", "message": "msg"})},
        ("phone",),
    ),
    "payment": Intent(
        lambda rng, sealed: {
            "card": _card(rng),
            "amount": rng.choice([12.5, 20, 35.99, 49, 100, 250, 7.25, 80]),
        },
        [
            ("Pay {amount} dollars with my card {card}.", "call"),
            ("Charge {amount} to card {card}.", "call"),
            ("Use card {card} to pay {amount}.", "call"),
            ("Make a payment of {amount} on {card}", "call"),
            ("Card {card}: pay {amount} please.", "call"),
        ],
        {"call": ("make_payment", {"card_number": "card", "amount": "amount"})},
        ("card",),
    ),
    "thermostat": Intent(
        _thermostat_slots,
        [
            ("Set the thermostat to {t} degrees{where}.", "call"),
            ("Make it {t} degrees{where}.", "call"),
            ("Heat{where} to {t} celsius please", "call"),
            ("I want {t} degrees{where}.", "call"),
            ("Change the temperature{where} to {t}.", "call"),
        ],
        {"call": ("set_thermostat", {"temperature": "t", "room": "room"})},
    ),
    "lights": Intent(
        lambda rng, sealed: {"room": rng.choice(ROOMS), "state": rng.choice(["on", "off"])},
        [
            ("Turn {state} the lights in the {room}.", "call"),
            ("Switch the {room} lights {state}.", "call"),
            ("lights {state} in the {room}", "call"),
            ("Could you turn the {room} lights {state}?", "call"),
            ("Please put the {room} lights {state}.", "call"),
        ],
        {"call": ("control_lights", {"room": "room", "state": "state"})},
    ),
    "event": Intent(
        lambda rng, sealed: {
            "title": _pick(rng, TITLES, sealed),
            "date": f"2027-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        },
        [
            ("Add {title} to my calendar on {date}.", "call"),
            ("Schedule {title} for {date}.", "call"),
            ("Put {title} in the calendar, date {date}.", "call"),
            ("New event on {date}: {title}", "call"),
            ("Book {title} on {date} in my calendar.", "call"),
        ],
        {"call": ("add_event", {"title": "title", "date": "date"})},
    ),
    "music": Intent(
        lambda rng, sealed: {"query": _pick(rng, SONGS, sealed), "yes": True},
        [
            ("Play {query}.", "plain"),
            ("Put on some {query} on shuffle.", "shuffle"),
            ("I want to listen to {query}", "plain"),
            ("Shuffle {query} for me.", "shuffle"),
            ("Can you play {query}?", "plain"),
        ],
        {
            "plain": ("play_music", {"query": "query"}),
            "shuffle": ("play_music", {"query": "query", "shuffle": "yes"}),
        },
    ),
    "no_tool": Intent(
        lambda rng, sealed: {
            "country": _pick(rng, COUNTRIES, sealed),
            "topic": _pick(rng, TOPICS, sealed),
        },
        [
            ("What is the capital of {country}?", ""),
            ("Tell me a short joke about {topic}.", ""),
            ("Thanks, that's all for now!", ""),
            ("Write one sentence about {topic}.", ""),
            ("How many legs does a spider have?", ""),
            ("Who wrote Romeo and Juliet?", ""),
        ],
    ),
}
SEALED_PHRASINGS = 2  # the last two phrasings of every intent are sealed


def generate(split: str, per_intent: int, seed: int) -> list[Request]:
    """``per_intent`` requests of every intent for ``split`` ("dev" or "sealed")."""
    sealed = split == "sealed"
    rng = random.Random(f"{split}:{seed}")
    out: list[Request] = []
    for intent, spec in INTENTS.items():
        for k in range(per_intent):
            phrasings, pii = spec.make(rng, sealed)
            pool = phrasings[-SEALED_PHRASINGS:] if sealed else phrasings[:-SEALED_PHRASINGS]
            prompt, expected = pool[k % len(pool)]
            out.append(
                Request(f"{split}-{intent}-{k}", split, intent, prompt, expected, tuple(pii))
            )
    return out


def dataset(per_intent_dev: int = 14, per_intent_sealed: int = 8) -> list[Request]:
    """The whole set: a dev split to tune on and a sealed split to score only."""
    return generate("dev", per_intent_dev, 17) + generate("sealed", per_intent_sealed, 29)
