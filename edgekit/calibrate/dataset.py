"""A deterministic, generated, labelled dataset on which small and big models differ.

Categories: arithmetic of growing difficulty, unit conversions, country
capitals (from a small table shipped with the package) and short reading
comprehension over generated passages. Same ``seed`` and ``n`` → same items.
"""

from __future__ import annotations

import json
import os
import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from edgekit.calibrate._capitals import CAPITALS
from edgekit.calibrate.judges import BUILTIN_JUDGES
from edgekit.calibrate.records import write_jsonl
from edgekit.errors import CalibrationError

SYSTEM_PROMPT = "Answer with only the final answer, no explanation."
CATEGORY_SHARES: tuple[tuple[str, float], ...] = (
    ("arithmetic", 0.30),
    ("units", 0.15),
    ("capitals", 0.35),
    ("reading", 0.20),
)
_MAX_LINE = 1 << 16


@dataclass(frozen=True, kw_only=True)
class Item:
    """One labelled prompt."""

    id: str
    category: str
    difficulty: int
    prompt: str
    reference: str
    judge: str = "contains"

    def messages(self, system: str | None = SYSTEM_PROMPT) -> list[dict[str, str]]:
        """Chat messages: by default asking for the answer only; ``system`` None sends none."""
        user = {"role": "user", "content": self.prompt}
        return [user] if system is None else [{"role": "system", "content": system}, user]

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready dict."""
        return {
            "id": self.id,
            "category": self.category,
            "difficulty": self.difficulty,
            "prompt": self.prompt,
            "reference": self.reference,
            "judge": self.judge,
        }


def _arithmetic(rng: random.Random, level: int) -> tuple[str, str]:
    if level == 1:
        a, b = rng.randint(1, 9), rng.randint(1, 9)
        return f"What is {a} + {b}?", str(a + b)
    if level == 2:
        a, b = rng.randint(10, 99), rng.randint(10, 99)
        return f"What is {a} + {b}?", str(a + b)
    if level == 3:
        a, b = rng.randint(100, 999), rng.randint(100, 999)
        return f"What is {a} + {b}?", str(a + b)
    if level == 4:
        a, b = rng.randint(100, 999), rng.randint(10, 99)
        return f"What is {a} - {b}?", str(a - b)
    a, b = rng.randint(11, 99), rng.randint(3, 9)
    return f"What is {a} * {b}?", str(a * b)


_UNITS: tuple[tuple[str, str, int], ...] = (
    ("kilometers", "meters", 1000),
    ("kilograms", "grams", 1000),
    ("meters", "centimeters", 100),
    ("hours", "minutes", 60),
    ("minutes", "seconds", 60),
    ("feet", "inches", 12),
    ("days", "hours", 24),
    ("liters", "milliliters", 1000),
)


def _units(rng: random.Random, level: int) -> tuple[str, str]:
    src, dst, factor = rng.choice(_UNITS)
    value = rng.randint(2, 9) if level <= 2 else rng.randint(11, 99)
    return f"Convert {value} {src} to {dst}. How many {dst}?", str(value * factor)


def _capital(rng: random.Random, level: int) -> tuple[str, str]:
    country, capital = rng.choice(CAPITALS)
    return f"What is the capital of {country}?", capital


_NAMES = ("Ana", "Ben", "Chloe", "Dmitri", "Elif", "Farid", "Greta", "Hugo", "Ines", "Jonas")
_TOWNS = ("Porto", "Leeds", "Graz", "Lyon", "Turku", "Bergen", "Gdansk", "Malaga", "Basel")
_COLOURS = ("red", "green", "blue", "yellow", "black", "white", "orange", "purple")
_PETS = ("Rex", "Milo", "Luna", "Pip", "Nala", "Otto", "Bruno", "Kiki")
_JOBS = ("bakery", "library", "hospital", "school", "garage", "museum")


def _reading(rng: random.Random, level: int) -> tuple[str, str]:
    name, sibling = rng.sample(_NAMES, 2)
    town, colour, pet, job = (
        rng.choice(_TOWNS), rng.choice(_COLOURS), rng.choice(_PETS), rng.choice(_JOBS)
    )  # fmt: skip
    age = rng.randint(9, 60)
    passage = (
        f"{name} lives in {town}. {name} has a {colour} bicycle and a dog named {pet}. "
        f"{name}'s sibling {sibling} is {age} years old and works at the {job}."
    )
    questions = (
        (f"What is the name of {name}'s dog?", pet),
        (f"In which town does {name} live?", town),
        (f"What colour is {name}'s bicycle?", colour),
        (f"How old is {sibling}?", str(age)),
        (f"Where does {sibling} work?", job),
    )
    question, answer = rng.choice(questions)
    return f"Read the text and answer.\nText: {passage}\nQuestion: {question}", answer


_GENERATORS: dict[str, Callable[[random.Random, int], tuple[str, str]]] = {
    "arithmetic": _arithmetic,
    "units": _units,
    "capitals": _capital,
    "reading": _reading,
}
_LEVELS = {"arithmetic": 5, "units": 3, "capitals": 1, "reading": 1}
_JUDGE = {
    "arithmetic": "numeric",
    "units": "numeric",
    "capitals": "contains",
    "reading": "contains",
}


def generate(n: int = 200, seed: int = 0) -> list[Item]:
    """``n`` items in fixed category shares; difficulty cycles through each category's levels."""
    if n < 1:
        raise CalibrationError("dataset size must be >= 1")
    rng = random.Random(seed)  # noqa: S311 - reproducible data, not secrets
    counts = [round(n * share) for _, share in CATEGORY_SHARES]
    counts[-1] = n - sum(counts[:-1])
    items: list[Item] = []
    for (category, _), count in zip(CATEGORY_SHARES, counts, strict=True):
        for i in range(count):
            level = 1 + i % _LEVELS[category]
            prompt, reference = _GENERATORS[category](rng, level)
            items.append(
                Item(
                    id=f"{category}-{seed}-{i:04d}",
                    category=category,
                    difficulty=level,
                    prompt=prompt,
                    reference=reference,
                    judge=_JUDGE[category],
                )
            )
    rng.shuffle(items)
    return items


def item_from_dict(data: Mapping[str, Any]) -> Item:
    """Parse one dataset line; ``prompt`` and ``reference`` are required."""
    try:
        judge = str(data.get("judge", "contains"))
        if judge not in BUILTIN_JUDGES and ":" not in judge:
            raise ValueError("judge")
        return Item(
            id=str(data["id"]),
            category=str(data.get("category", "")),
            difficulty=int(data.get("difficulty", 0)),
            prompt=str(data["prompt"]),
            reference=str(data["reference"]),
            judge=judge,
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise CalibrationError(f"malformed dataset item ({type(exc).__name__})") from None


def read_dataset(path: str | os.PathLike[str]) -> list[Item]:
    """Load a JSONL dataset (one item per line)."""
    items: list[Item] = []
    try:
        with open(path, encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                if len(line) > _MAX_LINE:
                    raise CalibrationError(f"dataset line {lineno} is too long")
                if not line.strip():
                    continue
                try:
                    items.append(item_from_dict(json.loads(line)))
                except json.JSONDecodeError:
                    raise CalibrationError(f"dataset line {lineno}: not JSON") from None
    except UnicodeDecodeError:
        raise CalibrationError("dataset is not UTF-8") from None
    except OSError as exc:
        raise CalibrationError(f"cannot read dataset: {exc.strerror}") from None
    if len({item.id for item in items}) != len(items):
        raise CalibrationError("dataset ids are not unique")
    return items


def write_dataset(path: str | os.PathLike[str], items: Iterable[Item]) -> None:
    """Write a JSONL dataset atomically."""
    write_jsonl(path, (item.as_dict() for item in items))


def by_category(items: Sequence[Item]) -> dict[str, int]:
    """Counts per category."""
    counts: dict[str, int] = {}
    for item in items:
        counts[item.category] = counts.get(item.category, 0) + 1
    return counts
