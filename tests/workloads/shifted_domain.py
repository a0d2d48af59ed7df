"""A shifted request domain for the router's traffic simulation.

Written apart from ``edgekit.calibrate.dataset`` (the calibration set) and not
tuned against it: other categories (word problems, calendar questions,
opposites) next to other phrasings of arithmetic, unit conversions and
capitals, in another mix, asked the way an app's users ask (chat style, no
answer-only system prompt). Its own country table overlaps the calibration
table only where geography forces it. ``stream`` items feed the simulated
deployment; ``sealed`` items (another seed, generated once, scored only) are
the test set the router never learns from.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from edgekit.calibrate.dataset import Item

MIX: tuple[tuple[str, float], ...] = (
    ("word_problem", 0.25),
    ("capital", 0.22),
    ("calendar", 0.15),
    ("arith_words", 0.15),
    ("measure", 0.11),
    ("opposite", 0.12),
)

_PEOPLE = ("Mia", "Leo", "Sara", "Omar", "Kenji", "Lucia", "Tariq", "Nora", "Pavel", "Aisha")
_THINGS = ("marbles", "stickers", "apples", "pencils", "coins", "cards", "shells", "books")
_CONTAINERS = (("box", "eggs"), ("bag", "oranges"), ("pack", "batteries"), ("crate", "bottles"))


def _word_problem(rng: random.Random) -> tuple[str, str, int]:
    who, what = rng.choice(_PEOPLE), rng.choice(_THINGS)
    kind = rng.randrange(3)
    if kind == 0:
        a, b = rng.randint(2, 20), rng.randint(2, 20)
        return (f"{who} has {a} {what} and gets {b} more. How many {what} does {who} "
                f"have now?", str(a + b), 1)  # fmt: skip
    if kind == 1:
        a = rng.randint(10, 40)
        b = rng.randint(2, a - 1)
        return (f"{who} had {a} {what} and gave {b} away. How many are left?",
                str(a - b), 2)  # fmt: skip
    box, item = rng.choice(_CONTAINERS)
    per, n = rng.randint(3, 12), rng.randint(2, 9)
    return f"One {box} holds {per} {item}. How many {item} are in {n} of them?", str(per * n), 3


_COUNTRIES: tuple[tuple[str, str], ...] = (
    ("Kenya", "Nairobi"),
    ("Chile", "Santiago"),
    ("Peru", "Lima"),
    ("Japan", "Tokyo"),
    ("Canada", "Ottawa"),
    ("Australia", "Canberra"),
    ("Egypt", "Cairo"),
    ("Argentina", "Buenos Aires"),
    ("Thailand", "Bangkok"),
    ("Vietnam", "Hanoi"),
    ("Mexico", "Mexico City"),
    ("Norway", "Oslo"),
    ("Cuba", "Havana"),
    ("Morocco", "Rabat"),
    ("Ghana", "Accra"),
    ("Ethiopia", "Addis Ababa"),
    ("India", "New Delhi|Delhi"),
    ("China", "Beijing"),
    ("Brazil", "Brasilia|Brasília"),
    ("Colombia", "Bogota|Bogotá"),
    ("Iran", "Tehran"),
    ("Iraq", "Baghdad"),
    ("Nepal", "Kathmandu"),
    ("Mongolia", "Ulaanbaatar|Ulan Bator"),
    ("Finland", "Helsinki"),
    ("Greece", "Athens"),
    ("Portugal", "Lisbon"),
    ("Poland", "Warsaw"),
    ("New Zealand", "Wellington"),
    ("Indonesia", "Jakarta"),
    ("Philippines", "Manila"),
    ("South Korea", "Seoul"),
    ("Turkey", "Ankara"),
    ("Nigeria", "Abuja"),
    ("Venezuela", "Caracas"),
    ("Uruguay", "Montevideo"),
    ("Austria", "Vienna"),
    ("Sweden", "Stockholm"),
    ("Hungary", "Budapest"),
    ("Senegal", "Dakar"),
    ("Pakistan", "Islamabad"),
    ("Saudi Arabia", "Riyadh"),
    ("Jamaica", "Kingston"),
    ("Tanzania", "Dodoma"),
    ("Bolivia", "Sucre|La Paz"),
    ("Ireland", "Dublin"),
)
_CAPITAL_PHRASES = (
    "Name the capital city of {c}.",
    "Which city is the capital of {c}?",
    "{c}'s capital is which city?",
    "Tell me the capital of {c}.",
)


def _capital(rng: random.Random) -> tuple[str, str, int]:
    country, capital = rng.choice(_COUNTRIES)
    return rng.choice(_CAPITAL_PHRASES).format(c=country), capital, 1


_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip


def _calendar(rng: random.Random) -> tuple[str, str, int]:
    kind = rng.randrange(3)
    if kind == 0:
        i = rng.randrange(7)
        return f"Which day of the week comes right after {_DAYS[i]}?", _DAYS[(i + 1) % 7], 1
    if kind == 1:
        i = rng.randrange(12)
        return f"Which month comes just before {_MONTHS[i]}?", _MONTHS[(i - 1) % 12], 2
    i, k = rng.randrange(7), rng.randint(2, 5)
    return (f"If today is {_DAYS[i]}, what day will it be in {k} days?",
            _DAYS[(i + k) % 7], 3)  # fmt: skip


def _arith_words(rng: random.Random) -> tuple[str, str, int]:
    kind = rng.randrange(3)
    if kind == 0:
        a, b = rng.randint(11, 60), rng.randint(11, 60)
        return f"Compute {a} plus {b}.", str(a + b), 1
    if kind == 1:
        a, b = rng.randint(3, 12), rng.randint(3, 12)
        return f"What do you get when you multiply {a} by {b}?", str(a * b), 2
    a, b = rng.randint(30, 99), rng.randint(5, 29)
    return f"Subtract {b} from {a}.", str(a - b), 3


_MEASURES = (
    ("centimeters", "millimeters", 10),
    ("weeks", "days", 7),
    ("dozens", "items", 12),
    ("meters", "millimeters", 1000),
    ("years", "months", 12),
    ("gallons", "quarts", 4),
)


def _measure(rng: random.Random) -> tuple[str, str, int]:
    big, small, factor = rng.choice(_MEASURES)
    n = rng.randint(2, 9)
    return f"How many {small} are there in {n} {big}?", str(n * factor), 1 + (factor >= 100)


_OPPOSITES = (
    ("hot", "cold"),
    ("up", "down"),
    ("big", "small|little"),
    ("fast", "slow"),
    ("early", "late"),
    ("happy", "sad|unhappy"),
    ("light", "dark|heavy"),
    ("open", "closed|shut"),
    ("full", "empty"),
    ("rich", "poor"),
    ("wet", "dry"),
    ("old", "young|new"),
    ("strong", "weak"),
    ("loud", "quiet|soft"),
    ("win", "lose"),
    ("buy", "sell"),
    ("push", "pull"),
    ("arrive", "leave|depart"),
    ("cheap", "expensive"),
    ("thick", "thin"),
)


def _opposite(rng: random.Random) -> tuple[str, str, int]:
    word, answer = rng.choice(_OPPOSITES)
    return f"Give the opposite of the word '{word}'.", answer, 1


_GENERATORS: dict[str, Callable[[random.Random], tuple[str, str, int]]] = {
    "word_problem": _word_problem,
    "capital": _capital,
    "calendar": _calendar,
    "arith_words": _arith_words,
    "measure": _measure,
    "opposite": _opposite,
}
_JUDGES = {"word_problem": "numeric", "arith_words": "numeric", "measure": "numeric"}


def shifted_items(n: int, seed: int, *, prefix: str) -> list[Item]:
    """``n`` items drawn one by one from :data:`MIX` (a traffic stream, not fixed shares)."""
    rng = random.Random(seed)  # reproducible data, not secrets
    names = [name for name, _ in MIX]
    weights = [share for _, share in MIX]
    items = []
    for i in range(n):
        category = rng.choices(names, weights)[0]
        prompt, reference, level = _GENERATORS[category](rng)
        items.append(Item(id=f"{prefix}-{i:05d}", category=category, difficulty=level,
                          prompt=prompt, reference=reference,
                          judge=_JUDGES.get(category, "contains")))  # fmt: skip
    return items


STREAM_SEED, SEALED_SEED = 2101, 9907
FRESH_SEALED_SEED = 48611
"""Seed of the second sealed set (issue 21, third session): drawn after the first
sealed set had been scored many times while the learning mechanism was built;
scored once, at the end."""


def stream_items(n: int = 1000) -> list[Item]:
    """The simulated deployment's traffic, in arrival order."""
    return shifted_items(n, STREAM_SEED, prefix="stream")


def sealed_items(n: int = 300) -> list[Item]:
    """The sealed test traffic (scored, never learned from or tuned on)."""
    return shifted_items(n, SEALED_SEED, prefix="sealed")


def fresh_sealed_items(n: int = 300) -> list[Item]:
    """A second sealed set from a seed never looked at while tuning (scored once)."""
    return shifted_items(n, FRESH_SEALED_SEED, prefix="fresh")
