"""New phrasings of collected questions, written by the cloud model, to calibrate an adapter.

The adapted edge model's gate must be fitted on questions it was not trained
on, judged against the cloud's answer. The pairs held out from training are
few (a fifth of a round), and a gate fitted on a dozen labels ranks near
chance (docs/learning.md). A paraphrase of a collected question asks for the
same answer, so the cloud model writes ``k`` of each (one cheap call per pair,
no device data beyond the already-masked question), the adapted model answers
them, and each answer is judged against the pair's answer: many labelled
"new phrasings of learned facts", which is what the device will be asked.

A phrasing is kept only when it keeps every anchor of the question (the
placeholders, numbers and capitalised names) and differs from every collected
question (a collected question may have been trained on).
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from cloud_gateway.learn.store import Pair

Chat = Callable[[list[dict[str, str]], int], str]
"""``chat(messages, max_tokens) -> text``: one greedy answer of the cloud model."""

SYSTEM = (
    "You help test a support assistant. Given a user's question, write {k} other questions a "
    "user could ask to get exactly the same answer. Each must use clearly different words "
    "and sentence structure from the original and from each other. Keep names, numbers and "
    "placeholders (like «PERSON_1») exactly as written. Answer with a numbered list only."
)
_EXAMPLE = (
    "Rewrite: What is the opening time of the «LOCATION_1» branch on Sundays?",
    "1. When does the «LOCATION_1» branch open on a Sunday?\n"
    "2. On Sundays, what hour do the doors of the «LOCATION_1» branch open?\n"
    "3. Tell me the Sunday opening hour for the «LOCATION_1» branch.",
)
MAX_TOKENS_PER_PHRASING = 40
_LIST_MARK = re.compile(r"^\s*(?:\d+[.)]|[-*•])\s*")
_PLACEHOLDER = re.compile(r"«[^»]{1,64}»")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_NAME = re.compile(r"(?<=\S\s)[A-Z][\w-]*")  # a capitalised word that does not start the text
_NOT_WORD = re.compile(r"[^\w«»]+")


@dataclass(frozen=True)
class Rephrasing:
    """A new phrasing of a collected question, with the collected answer as its reference."""

    pair_id: str
    messages: tuple[Mapping[str, str], ...]
    answer: str
    source_id: str


@dataclass(frozen=True, kw_only=True)
class RephraseCost:
    """What asking the cloud model for phrasings cost."""

    calls: int
    seconds: float
    kept: int
    dropped: int


def rephrase_messages(question: str, k: int) -> list[dict[str, str]]:
    """The cloud model's prompt for ``k`` phrasings of ``question`` (one worked example)."""
    return [
        {"role": "system", "content": SYSTEM.format(k=k)},
        {"role": "user", "content": _EXAMPLE[0]},
        {"role": "assistant", "content": _EXAMPLE[1]},
        {"role": "user", "content": f"Rewrite: {question}"},
    ]


def normalized(text: str) -> str:
    """Lower-case words only: how two phrasings are compared."""
    return _NOT_WORD.sub(" ", text.lower()).strip()


def anchors(question: str) -> set[str]:
    """What a phrasing must keep: placeholders, numbers and capitalised names."""
    rest = _PLACEHOLDER.sub(" ", question)
    return {*_PLACEHOLDER.findall(question), *_NUMBER.findall(rest), *_NAME.findall(rest)}


def parse_phrasings(text: str, question: str, k: int, seen: set[str]) -> list[str]:
    """At most ``k`` usable phrasings from the model's list; adds what it keeps to ``seen``.

    ``seen`` holds the normalized text of every collected question and every
    phrasing kept so far: a repeat is dropped.
    """
    if k <= 0:
        return []
    need = anchors(question)
    limit = 3 * len(question) + 80
    out: list[str] = []
    for line in text.splitlines():
        candidate = _LIST_MARK.sub("", line).strip().strip('"').strip()
        key = normalized(candidate)
        if not key or len(candidate) > limit or key in seen:
            continue
        if not all(_has(candidate, anchor) for anchor in need):
            continue
        seen.add(key)
        out.append(candidate)
        if len(out) == k:
            break
    return out


def _has(text: str, anchor: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(anchor)}(?!\w)", text) is not None


def last_user(messages: Sequence[Mapping[str, str]]) -> int | None:
    """Index of the last user message (the question a phrasing replaces)."""
    for i in range(len(messages) - 1, -1, -1):
        if messages[i].get("role") == "user":
            return i
    return None


def rephrase_pairs(
    pairs: Sequence[Pair],
    chat: Chat,
    k: int,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[Rephrasing], RephraseCost]:
    """Up to ``k`` new phrasings of each pair's last question, with the pair's answer."""
    seen = {
        normalized(p.messages[i]["content"])
        for p in pairs
        if (i := last_user(p.messages)) is not None
    }
    out: list[Rephrasing] = []
    calls, dropped, started = 0, 0, time.perf_counter()
    for n, pair in enumerate(pairs):
        at = last_user(pair.messages)
        if at is not None and k > 0:
            question = pair.messages[at].get("content", "")
            text = chat(rephrase_messages(question, k), MAX_TOKENS_PER_PHRASING * k)
            calls += 1
            kept = parse_phrasings(text, question, k, seen)
            dropped += k - len(kept)
            for j, phrasing in enumerate(kept):
                messages = [dict(m) for m in pair.messages]
                messages[at] = {**messages[at], "content": phrasing}
                out.append(
                    Rephrasing(f"{pair.pair_id}~{j}", tuple(messages), pair.answer, pair.pair_id)
                )
        if progress is not None:
            progress(n + 1, len(pairs))
    cost = RephraseCost(
        calls=calls, seconds=time.perf_counter() - started, kept=len(out), dropped=dropped
    )
    return out, cost


def engine_chat(engine: object) -> Chat:
    """A :data:`Chat` on an ``edgekit.local.Engine`` (greedy), e.g. the gateway's own model."""
    from edgekit.local import Engine, GenerationParams

    if not isinstance(engine, Engine):
        raise TypeError("engine_chat needs an edgekit.local.Engine")

    def chat(messages: list[dict[str, str]], max_tokens: int) -> str:
        return engine.chat(messages, GenerationParams(max_tokens=max_tokens, temperature=0.0)).text

    return chat


def backend_chat(backend: object, model: str, loop: asyncio.AbstractEventLoop) -> Chat:
    """A :data:`Chat` on a started gateway backend (embedded llama.cpp or an upstream).

    Every call runs on ``loop`` (the loop the backend was started on).
    """
    from cloud_gateway.backends.base import Backend, ChatRequest, Message

    target: Backend = backend  # type: ignore[assignment]

    async def complete(messages: list[dict[str, str]], max_tokens: int) -> str:
        request = ChatRequest(
            model=model,
            max_tokens=max_tokens,
            temperature=0.0,
            messages=tuple(Message(role=m["role"], content=m["content"]) for m in messages),
        )
        return "".join([delta.text async for delta in target.stream(request)])

    def chat(messages: list[dict[str, str]], max_tokens: int) -> str:
        return loop.run_until_complete(complete(messages, max_tokens))

    return chat
