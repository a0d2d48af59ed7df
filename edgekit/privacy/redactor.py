"""Reversible masking: typed placeholders out, real values back in (also while streaming).

A :class:`Redactor` holds one conversation's vault. The same value always gets
the same placeholder («EMAIL_1»), across turns; numbers that the user already
wrote literally are never reused; a literal that would collide with a
placeholder already handed out is itself escaped as «PLACEHOLDER_n».
Restoring replaces only complete, known placeholders: the closing » makes
«EMAIL_1» and «EMAIL_10» distinct, so no prefix of one is ever taken for the
other; invented or mangled placeholders are left as they are and counted.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from edgekit._logging import get_logger
from edgekit.errors import PrivacyBlocked, PrivacyError
from edgekit.privacy.config import PrivacyConfig
from edgekit.privacy.filter import Filter
from edgekit.privacy.types import PERSON, PLACEHOLDER_LITERAL, Finding

log = get_logger(__name__)

OPEN, CLOSE = "«", "»"
MAX_NAME = 47
_MAX_LABEL = 35  # leaves room for "_" and a counter within MAX_NAME
_MIN_SWEEP = 2  # shorter values are not searched for again elsewhere  # characters between « and »
_BODY = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
PLACEHOLDER_RE = re.compile(rf"«([A-Z][A-Z0-9_]{{0,{MAX_NAME - 1}}})»")
_INDEXED_RE = re.compile(r"(?P<type>[A-Z][A-Z0-9_]*?)_(?P<n>[0-9]{1,9})")


@dataclass(frozen=True, slots=True)
class MaskedRequest:
    """Masked messages ready to leave the device, and what was masked (counts only)."""

    messages: list[dict[str, str]]
    entity_counts: dict[str, int]
    allowed_counts: dict[str, int] = field(default_factory=dict)

    @property
    def total_masked(self) -> int:
        """How many values were replaced by placeholders."""
        return sum(self.entity_counts.values())


def placeholder_label(entity_type: str) -> str:
    """``entity_type`` as it may appear in a placeholder: A–Z, digits, _, at most 35 chars."""
    label = re.sub(r"[^A-Z0-9_]", "_", entity_type.upper())[:_MAX_LABEL]
    return label if label[:1].isalpha() else ("X" + label)[:_MAX_LABEL]


class Vault:
    """Placeholder ↔ value table of one conversation (kept in memory only, not thread-safe)."""

    def __init__(self) -> None:
        self._by_value: dict[tuple[str, str], str] = {}
        self._by_name: dict[str, str] = {}
        self._counters: Counter[str] = Counter()
        self.reserved: set[str] = set()  # names the user wrote literally

    def __len__(self) -> int:
        return len(self._by_name)

    def name_for(self, entity_type: str, value: str) -> str:
        """The placeholder name (without « ») of ``value``; a new one if unseen."""
        key = (entity_type, value)
        name = self._by_value.get(key)
        if name is None:
            label = placeholder_label(entity_type)
            while True:
                self._counters[label] += 1
                name = f"{label}_{self._counters[label]}"
                if name not in self.reserved and name not in self._by_name:
                    break
            self._by_value[key] = name
            self._by_name[name] = value
        return name

    def items(self) -> list[tuple[str, str]]:
        """(value, type) of every masked value so far."""
        return [(value, etype) for (etype, value) in self._by_value if etype != PLACEHOLDER_LITERAL]

    def value_of(self, name: str) -> str | None:
        """The real value behind placeholder ``name``."""
        return self._by_name.get(name)

    def assigned(self, name: str) -> bool:
        """Whether ``name`` was handed out for a real value."""
        return name in self._by_name


class Redactor:
    """Masks personal data for one conversation and restores it in answers."""

    def __init__(self, config: PrivacyConfig | None = None, filter: Filter | None = None) -> None:
        self.config = config or (filter.config if filter is not None else PrivacyConfig())
        self.filter = filter or Filter(self.config)
        self.vault = Vault()

    # --- masking -------------------------------------------------------------------

    def mask(self, text: str) -> str:
        """``text`` with every masked entity replaced (PrivacyBlocked per policy)."""
        return self.mask_messages([{"role": "user", "content": text}]).messages[0]["content"]

    def mask_messages(self, messages: Sequence[Mapping[str, str]]) -> MaskedRequest:
        """Mask every message; nothing in the vault changes if the policy blocks."""
        contents = [_content_of(m, i) for i, m in enumerate(messages)]
        if self.config.preset == "off" and not self.config.actions:
            return MaskedRequest([dict(m) for m in messages], {})
        plans = [self._plan(text) for text in contents]
        plans = self._sweep(contents, plans)
        blocked = {
            f.type for plan in plans for f in plan if self.config.action_for(f.type) == "block"
        }
        if blocked:
            log.info("egress blocked by policy: %s", ",".join(sorted(blocked)))
            raise PrivacyBlocked(blocked)
        counts: Counter[str] = Counter()
        allowed: Counter[str] = Counter()
        out: list[dict[str, str]] = []
        for message, text, plan in zip(messages, contents, plans, strict=True):
            masked, used, let_through = self._apply(text, plan)
            counts.update(used)
            allowed.update(let_through)
            copy = dict(message)
            copy["content"] = masked
            out.append(copy)
        log.debug("masked %d values (%s)", sum(counts.values()), dict(counts))
        return MaskedRequest(out, dict(counts), dict(allowed))

    def _plan(self, text: str) -> list[Finding]:
        findings = self.filter.scan(text) if text else []
        for m in PLACEHOLDER_RE.finditer(text):
            name = m.group(1)
            overlaps = any(f.start < m.end() and m.start() < f.end for f in findings)
            if self.vault.assigned(name) and not overlaps:
                # The user typed a placeholder we already use: escape it.
                findings.append(Finding(PLACEHOLDER_LITERAL, m.start(), m.end(), 1.0, "literal"))
        findings.sort(key=lambda f: f.start)
        return findings

    def _sweep(self, contents: list[str], plans: list[list[Finding]]) -> list[list[Finding]]:
        """Also mask other occurrences of values found anywhere in this conversation.

        A name found once through a cue ("my name is Anna") must not leak where
        it appears again without one, in this message, another one or a later turn.
        """
        known: dict[str, str] = dict(self.vault.items())
        for text, plan in zip(contents, plans, strict=True):
            for f in plan:
                if f.type != PLACEHOLDER_LITERAL and self.config.action_for(f.type) == "mask":
                    known.setdefault(text[f.start : f.end], f.type)
        for value, etype in list(known.items()):
            if etype == PERSON:  # "Okafor" alone, after "Gwendolyn Okafor" was found
                for part in value.split():
                    if len(part) >= 3 and part[0].isupper():
                        known.setdefault(part, PERSON)
        values = sorted((v for v in known if len(v) >= _MIN_SWEEP), key=len, reverse=True)
        if not values:
            return plans
        pattern = re.compile(
            r"(?<![\w@.])(?:" + "|".join(re.escape(v) for v in values) + r")(?![\w@]|\.\w)"
        )
        swept = []
        for text, plan in zip(contents, plans, strict=True):
            extra = [
                Finding(known[m.group(0)], m.start(), m.end(), 1.0, "vault")
                for m in pattern.finditer(text)
                if not any(f.start < m.end() and m.start() < f.end for f in plan)
            ]
            swept.append(sorted(plan + extra, key=lambda f: f.start))
        return swept

    def _apply(self, text: str, plan: list[Finding]) -> tuple[str, Counter[str], Counter[str]]:
        for m in PLACEHOLDER_RE.finditer(text):
            if not self.vault.assigned(m.group(1)):
                self.vault.reserved.add(m.group(1))
        parts: list[str] = []
        used: Counter[str] = Counter()
        let_through: Counter[str] = Counter()
        pos = 0
        for f in plan:
            action = "mask" if f.type == PLACEHOLDER_LITERAL else self.config.action_for(f.type)
            if action != "mask":
                let_through[f.type] += 1
                continue
            parts.append(text[pos : f.start])
            parts.append(OPEN + self.vault.name_for(f.type, text[f.start : f.end]) + CLOSE)
            used[f.type] += 1
            pos = f.end
        parts.append(text[pos:])
        return "".join(parts), used, let_through

    # --- restoring -----------------------------------------------------------------

    def restore(self, text: str) -> str:
        """Put the real values back into a complete answer."""
        restorer = self.stream_restorer()
        return restorer.feed(text) + restorer.flush()

    def stream_restorer(self) -> StreamRestorer:
        """A restorer for an answer that arrives in chunks."""
        return StreamRestorer(self.vault)


class StreamRestorer:
    """Restores placeholders in a streamed answer.

    Only a possible placeholder prefix (from « on, at most 48 characters, of
    placeholder characters) is held back between chunks; all other text is
    returned at once. The output equals the batch restore for any chunking.
    """

    def __init__(self, vault: Vault) -> None:
        self._vault = vault
        self._buffer = ""
        self._closed = False
        self.restored = 0
        self.unknown_placeholders = 0
        self.mangled_placeholders = 0

    def feed(self, chunk: str) -> str:
        """Text that can be shown now."""
        if self._closed:
            raise PrivacyError("stream restorer already flushed")
        if not isinstance(chunk, str):
            raise PrivacyError("stream restorer takes text chunks")
        self._buffer += chunk
        return self._drain(final=False)

    def flush(self) -> str:
        """Whatever was held back (the stream has ended)."""
        out = self._drain(final=True)
        self._closed = True
        return out

    def _drain(self, *, final: bool) -> str:
        buf, out, i = self._buffer, [], 0
        while True:
            p = buf.find(OPEN, i)
            if p < 0:
                out.append(buf[i:])
                i = len(buf)
                break
            out.append(buf[i:p])
            m = PLACEHOLDER_RE.match(buf, p)
            if m is not None:
                out.append(self._resolve(m))
                i = m.end()
                continue
            if not final and _viable_prefix(buf, p):
                i = p
                break
            if _INDEXED_RE.fullmatch(_body_run(buf, p + 1)):
                self.mangled_placeholders += 1  # «EMAIL_1 without its », or broken inside
            out.append(OPEN)
            i = p + 1
        self._buffer = buf[i:]
        return "".join(out)

    def _resolve(self, m: re.Match[str]) -> str:
        name = m.group(1)
        value = self._vault.value_of(name)
        if value is not None:
            self.restored += 1
            return value
        if name not in self._vault.reserved and _INDEXED_RE.fullmatch(name):
            self.unknown_placeholders += 1
        return m.group(0)


def _viable_prefix(buf: str, p: int) -> bool:
    """Whether ``buf[p:]`` (starting with «) could still become a placeholder."""
    rest = buf[p + 1 :]
    if len(rest) > MAX_NAME:
        return False
    if rest and not "A" <= rest[0] <= "Z":
        return False
    return all(c in _BODY for c in rest)


def _body_run(buf: str, start: int) -> str:
    end = start
    while end < len(buf) and end - start <= MAX_NAME and buf[end] in _BODY:
        end += 1
    return buf[start:end]


def _content_of(message: Mapping[str, str], index: int) -> str:
    if not isinstance(message, Mapping):
        raise PrivacyError(f"message {index} is not a mapping")
    content = message.get("content")
    if not isinstance(content, str):
        raise PrivacyError(f"message {index} has no text content")
    return content
