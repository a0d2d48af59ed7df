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


def _fn(name: str, description: str, properties: dict[str, Any],
        required: list[str]) -> dict[str, Any]:
    return {"type": "function", "function": {
        "name": name, "description": description,
        "parameters": {"type": "object", "properties": properties, "required": required}}}


TOOLS: list[dict[str, Any]] = [
    _fn("get_weather", "Get the current weather for a city",
        {"city": {"type": "string", "maxLength": 40},
         "unit": {"enum": ["celsius", "fahrenheit"]}}, ["city"]),
    _fn("set_timer", "Start a countdown timer",
        {"minutes": {"type": "integer", "minimum": 1, "maximum": 720},
         "label": {"type": "string", "maxLength": 40}}, ["minutes"]),
    _fn("send_email", "Send an email",
        {"to": {"type": "string", "maxLength": 80},
         "subject": {"type": "string", "maxLength": 80}}, ["to", "subject"]),
    _fn("send_sms", "Send a text message to a phone number",
        {"phone": {"type": "string", "maxLength": 30},
         "message": {"type": "string", "maxLength": 120}}, ["phone", "message"]),
    _fn("make_payment", "Pay an amount with a payment card",
        {"card_number": {"type": "string", "maxLength": 30},
         "amount": {"type": "number", "minimum": 0.01, "maximum": 10000}},
        ["card_number", "amount"]),
    _fn("set_thermostat", "Set the target temperature in degrees Celsius",
        {"temperature": {"type": "number", "minimum": 10, "maximum": 30},
         "room": {"enum": ROOMS}}, ["temperature"]),
    _fn("control_lights", "Turn the lights of a room on or off",
        {"room": {"enum": ROOMS}, "state": {"enum": ["on", "off"]}}, ["room", "state"]),
    _fn("add_event", "Add an event to the calendar",
        {"title": {"type": "string", "maxLength": 60},
         "date": {"type": "string", "format": "date"}}, ["title", "date"]),
    _fn("play_music", "Play music matching a search",
        {"query": {"type": "string", "maxLength": 60}, "shuffle": {"type": "boolean"}},
        ["query"]),
]

# Value pools: the last quarter of each pool is kept for the sealed split.
CITIES = ["Paris", "Oslo", "Madrid", "Tokyo", "Cairo", "Lima", "Berlin", "Dublin", "Nairobi",
          "Toronto", "Lisbon", "Seoul", "Vienna", "Quito", "Perth", "Prague"]
LABELS = ["pasta", "laundry", "tea", "pizza", "workout", "eggs", "bread", "meeting"]
FIRST = ["ada", "omar", "lena", "raj", "mia", "tom", "yuki", "sara", "ivan", "noor", "li", "eva"]
DOMAINS = ["example.org", "mail.test", "post.example", "inbox.test"]
SUBJECTS = ["lunch on friday", "the quarterly report", "holiday plans", "invoice 42",
            "team offsite", "project kickoff", "book club", "car repair"]
MESSAGES = ["running late", "call me back", "dinner at eight", "see you soon",
            "the keys are under the mat", "happy birthday", "meeting moved", "on my way"]
TITLES = ["dentist appointment", "team lunch", "yoga class", "parents visit", "flight to rome",
          "piano lesson", "haircut", "board meeting"]
SONGS = ["jazz classics", "the beatles", "lofi beats", "mozart", "taylor swift", "summer hits",
         "miles davis", "rainy day songs"]
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
        return {"id": self.id, "split": self.split, "intent": self.intent, "prompt": self.prompt,
                "expected": self.expected, "pii": list(self.pii)}


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
    return " ".join(s[i:i + 4] for i in range(0, 16, 4))


Maker = Callable[[random.Random, bool], tuple[list[str], dict[str, Any] | None, tuple[str, ...]]]


def _weather(rng: random.Random, sealed: bool) -> Any:
    city = _pick(rng, CITIES, sealed)
    unit = rng.choice(["celsius", "fahrenheit"])
    plain = {"name": "get_weather", "arguments": {"city": city}}
    with_unit = {"name": "get_weather", "arguments": {"city": city, "unit": unit}}
    return [
        (f"What's the weather like in {city}?", plain),
        (f"Is it going to rain in {city} today?", plain),
        (f"Tell me the temperature in {city} in {unit}.", with_unit),
        (f"how warm is it in {city} right now", plain),
        (f"Do I need an umbrella in {city}?", plain),
        (f"Weather report for {city} please, in {unit}.", with_unit),
    ], ()


def _timer(rng: random.Random, sealed: bool) -> Any:
    n = rng.choice([3, 5, 10, 12, 15, 20, 25, 30, 45, 60, 90])
    label = _pick(rng, LABELS, sealed)
    plain = {"name": "set_timer", "arguments": {"minutes": n}}
    labelled = {"name": "set_timer", "arguments": {"minutes": n, "label": label}}
    return [
        (f"Set a timer for {n} minutes.", plain),
        (f"Start a {n} minute timer for the {label}.", labelled),
        (f"countdown {n} min please", plain),
        (f"Can you time {n} minutes for me?", plain),
        (f"I need a {label} timer, {n} minutes.", labelled),
        (f"Timer of {n} minutes, name it {label}.", labelled),
    ], ()


def _email(rng: random.Random, sealed: bool) -> Any:
    addr = f"{_pick(rng, FIRST, sealed)}.{rng.randint(1, 99)}@{rng.choice(DOMAINS)}"
    subject = _pick(rng, SUBJECTS, sealed)
    call = {"name": "send_email", "arguments": {"to": addr, "subject": subject}}
    return [
        (f"Send an email to {addr} with the subject {subject}.", call),
        (f"Email {addr} about {subject}.", call),
        (f"Write to {addr}, subject: {subject}", call),
        (f"Please mail {addr} regarding {subject}.", call),
        (f"Drop {addr} an email titled {subject}.", call),
    ], (addr,)


def _sms(rng: random.Random, sealed: bool) -> Any:
    phone = _phone(rng)
    msg = _pick(rng, MESSAGES, sealed)
    call = {"name": "send_sms", "arguments": {"phone": phone, "message": msg}}
    return [
        (f"Text {phone}: {msg}", call),
        (f"Send a message to {phone} saying {msg}", call),
        (f"SMS {phone} with the text {msg}", call),
        (f"Let {phone} know by text: {msg}", call),
        (f"Message the number {phone}: {msg}", call),
    ], (phone,)


def _payment(rng: random.Random, sealed: bool) -> Any:
    card = _card(rng)
    amount = rng.choice([12.5, 20, 35.99, 49, 100, 250, 7.25, 80])
    call = {"name": "make_payment", "arguments": {"card_number": card, "amount": amount}}
    return [
        (f"Pay {amount} dollars with my card {card}.", call),
        (f"Charge {amount} to card {card}.", call),
        (f"Use card {card} to pay {amount}.", call),
        (f"Make a payment of {amount} on {card}", call),
        (f"Card {card}: pay {amount} please.", call),
    ], (card,)


def _thermostat(rng: random.Random, sealed: bool) -> Any:
    t = rng.choice([18, 19, 20, 21, 22, 23, 24, 25])
    room = _pick(rng, ROOMS, sealed) if rng.random() < 0.5 else None
    args: dict[str, Any] = {"temperature": t} | ({"room": room} if room else {})
    where = f" in the {room}" if room else ""
    call = {"name": "set_thermostat", "arguments": args}
    return [
        (f"Set the thermostat to {t} degrees{where}.", call),
        (f"Make it {t} degrees{where}.", call),
        (f"Heat{where} to {t} celsius please", call),
        (f"I want {t} degrees{where}.", call),
        (f"Change the temperature{where} to {t}.", call),
    ], ()


def _lights(rng: random.Random, sealed: bool) -> Any:
    room = rng.choice(ROOMS)
    state = rng.choice(["on", "off"])
    call = {"name": "control_lights", "arguments": {"room": room, "state": state}}
    return [
        (f"Turn {state} the lights in the {room}.", call),
        (f"Switch the {room} lights {state}.", call),
        (f"lights {state} in the {room}", call),
        (f"Could you turn the {room} lights {state}?", call),
        (f"Please put the {room} lights {state}.", call),
    ], ()


def _event(rng: random.Random, sealed: bool) -> Any:
    title = _pick(rng, TITLES, sealed)
    date = f"2027-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    call = {"name": "add_event", "arguments": {"title": title, "date": date}}
    return [
        (f"Add {title} to my calendar on {date}.", call),
        (f"Schedule {title} for {date}.", call),
        (f"Put {title} in the calendar, date {date}.", call),
        (f"New event on {date}: {title}", call),
        (f"Book {title} on {date} in my calendar.", call),
    ], ()


def _music(rng: random.Random, sealed: bool) -> Any:
    query = _pick(rng, SONGS, sealed)
    plain = {"name": "play_music", "arguments": {"query": query}}
    shuffled = {"name": "play_music", "arguments": {"query": query, "shuffle": True}}
    return [
        (f"Play {query}.", plain),
        (f"Put on some {query} on shuffle.", shuffled),
        (f"I want to listen to {query}", plain),
        (f"Shuffle {query} for me.", shuffled),
        (f"Can you play {query}?", plain),
    ], ()


def _no_tool(rng: random.Random, sealed: bool) -> Any:
    country = _pick(rng, COUNTRIES, sealed)
    topic = _pick(rng, TOPICS, sealed)
    return [
        (f"What is the capital of {country}?", None),
        (f"Tell me a short joke about {topic}.", None),
        ("Thanks, that's all for now!", None),
        (f"Write one sentence about {topic}.", None),
        ("How many legs does a spider have?", None),
        ("Who wrote Romeo and Juliet?", None),
    ], ()


INTENTS: dict[str, Any] = {
    "weather": _weather, "timer": _timer, "email": _email, "sms": _sms, "payment": _payment,
    "thermostat": _thermostat, "lights": _lights, "event": _event, "music": _music,
    "no_tool": _no_tool,
}
SEALED_PHRASINGS = 2  # the last two phrasings of every intent are sealed


def generate(split: str, per_intent: int, seed: int) -> list[Request]:
    """``per_intent`` requests of every intent for ``split`` ("dev" or "sealed")."""
    sealed = split == "sealed"
    rng = random.Random(f"{split}:{seed}")
    out: list[Request] = []
    for intent, make in INTENTS.items():
        for k in range(per_intent):
            phrasings, pii = make(rng, sealed)
            pool = phrasings[-SEALED_PHRASINGS:] if sealed else phrasings[:-SEALED_PHRASINGS]
            prompt, expected = pool[k % len(pool)]
            out.append(Request(f"{split}-{intent}-{k}", split, intent, prompt, expected,
                               tuple(pii)))
    return out


def dataset(per_intent_dev: int = 14, per_intent_sealed: int = 8) -> list[Request]:
    """The whole set: a dev split to tune on and a sealed split to score only."""
    return generate("dev", per_intent_dev, 17) + generate("sealed", per_intent_sealed, 29)
