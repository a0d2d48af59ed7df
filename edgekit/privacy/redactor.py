"""Reversible masking: typed placeholders out, real values back in (also while streaming).

A :class:`Redactor` holds one conversation's vault. The same value always gets
the same placeholder («EMAIL_1»), across turns; numbers that the user already
wrote literally are never reused; a literal that would collide with a
placeholder already handed out is itself escaped as «PLACEHOLDER_n».
Restoring puts back placeholders we issued, also as the variants a cloud model
writes them in: any letter case, without « », with [ ], < >, " " or “ ” instead,
or with spaces inside (``Email_1``, ``[EMAIL_1]``, ``« EMAIL_1 »``). A bare
label must be a whole word (never the EMAIL_1 of EMAIL_10, MY_EMAIL_1 or
send_email_1()). Invented labels and ambiguous forms (a lone «, mismatched
marks) are left as they are and counted, never guessed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from edgekit._logging import get_logger
from edgekit.errors import PrivacyBlocked, PrivacyError
from edgekit.privacy.config import PrivacyConfig
from edgekit.privacy.filter import Filter
from edgekit.privacy.types import PERSON, PLACEHOLDER_LITERAL, Finding

log = get_logger(__name__)

OPEN, CLOSE = "«", "»"
MAX_NAME = 47
_MAX_LABEL = 35  # leaves room for "_" and a counter within MAX_NAME
_MIN_SWEEP = 2  # shorter values are not searched for again elsewhere
PLACEHOLDER_RE = re.compile(rf"«([A-Z][A-Z0-9_]{{0,{MAX_NAME - 1}}})»")
_INDEXED_RE = re.compile(r"(?P<type>[A-Z][A-Z0-9_]*?)_(?P<n>[0-9]{1,9})")

#: Added to the system prompt of a request whose content was masked.
PLACEHOLDER_INSTRUCTION = (
    "Some private values in this conversation were replaced by placeholders of the form "
    "«TYPE_N», where TYPE names the kind of value (such as EMAIL or PERSON) and N is a number. "
    "Treat each placeholder as the value it stands for. Whenever you refer to one of these "
    "values, copy its placeholder exactly as it appears, including the « and » marks: same "
    "upper-case letters, same number, no spaces, quotes or brackets added. Never invent new "
    "placeholders, renumber them, or guess or ask for the real values."
)

# Placeholder variants: an optional opening mark (and up to 3 spaces), the label as a
# whole word, optionally up to 3 spaces and a closing mark. The left/right guards are
# what makes a bare label a word of its own, not part of an identifier, address or path.
_PAIRS = {"«": "»", "[": "]", "<": ">", '"': '"', "“": "”"}
_SPACES = " \t"
_MAX_SPACES = 3
_LEFT = r"(?<![\w@.$])(?<!\w-)"
_RIGHT = r"(?![\w@$]|[.\-]\w)"
_OPENERS = re.escape("".join(_PAIRS))
_CLOSERS = re.escape("".join(sorted(set(_PAIRS.values()))))
_OPEN_PART = rf"(?P<o>[{_OPENERS}][{_SPACES}]{{0,{_MAX_SPACES}}})?"
_CLOSE_PART = rf"(?P<c>[{_SPACES}]{{0,{_MAX_SPACES}}}[{_CLOSERS}])?"
_TOKEN = rf"[A-Za-z][A-Za-z0-9_]{{0,{_MAX_LABEL + 1}}}_[0-9]{{1,9}}"  # TYPE_N in any case
_TOKEN_RE = re.compile(_LEFT + _TOKEN + _RIGHT)
_ANY_VARIANT_RE = re.compile(_OPEN_PART + _LEFT + rf"(?P<l>{_TOKEN})" + _RIGHT + _CLOSE_PART)
# Every label has a "_<digit>", at most _REACH characters after the start of its match.
_UNDERSCORE_DIGIT = re.compile(r"_[0-9]")
_REACH = 1 + _MAX_SPACES + MAX_NAME
# Everything a variant match at position p depends on lies before p + _MARGIN.
_MARGIN = 1 + _MAX_SPACES + MAX_NAME + _MAX_SPACES + 1 + 8
_CONTEXT = 2  # characters before a match that its left guard looks at


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
        self.shadowed: set[str] = set()  # issued names the user also wrote as plain words
        self._version = 0
        self._matcher: tuple[int, _Matcher] | None = None

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
            self._version += 1
        return name

    def shadow(self, name: str) -> None:
        """The user wrote issued ``name`` as plain text: only «name» itself is restored."""
        if name not in self.shadowed:
            self.shadowed.add(name)
            self._version += 1

    def matcher(self) -> _Matcher:
        """Variant matcher for the issued names (compiled once per change of the vault)."""
        if self._matcher is None or self._matcher[0] != self._version:
            self._matcher = (self._version, _Matcher(self._by_name))
        return self._matcher[1]

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
            # (a value the policy lets through does not shield a masked value's repeat)
            masked = [f for f in plan if self._masks(f)]
            extra = [
                Finding(known[m.group(0)], m.start(), m.end(), 1.0, "vault")
                for m in pattern.finditer(text)
                if not any(f.start < m.end() and m.start() < f.end for f in masked)
            ]
            swept.append(sorted(plan + extra, key=lambda f: f.start))
        return swept

    def _apply(self, text: str, plan: list[Finding]) -> tuple[str, Counter[str], Counter[str]]:
        self._reserve_literals(text, plan)
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

    def _reserve_literals(self, text: str, plan: list[Finding]) -> None:
        """Label-like words the user wrote (email_3, «EMAIL_3») are never handed out.

        One already handed out is shadowed instead: the cloud echoing the user's
        own word must not turn into a value. Words are taken from the text as it
        will be sent (masked spans stand for a «…»), so the guards see the same
        neighbours as when restoring.
        """
        parts: list[str] = []
        pos = 0
        for f in plan:
            if self._masks(f):
                parts.append(text[pos : f.start] + OPEN + CLOSE)
                pos = f.end
        parts.append(text[pos:])
        for m in _TOKEN_RE.finditer("".join(parts)):
            name = m.group(0).upper()
            if not _INDEXED_RE.fullmatch(name):
                continue
            if self.vault.assigned(name):
                self.vault.shadow(name)
            else:
                self.vault.reserved.add(name)

    def _masks(self, f: Finding) -> bool:
        return f.type == PLACEHOLDER_LITERAL or self.config.action_for(f.type) == "mask"

    # --- restoring -----------------------------------------------------------------

    def restore(self, text: str) -> str:
        """Put the real values back into a complete answer."""
        restorer = self.stream_restorer()
        return restorer.feed(text) + restorer.flush()

    def stream_restorer(self) -> StreamRestorer:
        """A restorer for an answer that arrives in chunks."""
        return StreamRestorer(self.vault)


def with_placeholder_instruction(messages: Sequence[Mapping[str, str]]) -> list[dict[str, str]]:
    """``messages`` with :data:`PLACEHOLDER_INSTRUCTION` in the system prompt.

    Appended to a leading system message, or a new one is put first; the
    messages themselves are copied, not changed. Idempotent.
    """
    out = [dict(m) for m in messages]
    if out and out[0].get("role") == "system":
        content = out[0].get("content", "")
        if not content:
            out[0]["content"] = PLACEHOLDER_INSTRUCTION
        elif PLACEHOLDER_INSTRUCTION not in content:
            out[0]["content"] = f"{content}\n\n{PLACEHOLDER_INSTRUCTION}"
        return out
    return [{"role": "system", "content": PLACEHOLDER_INSTRUCTION}, *out]


class _Matcher:
    """The issued names of a vault as one regex, plus what the stream needs to hold back."""

    def __init__(self, names: Mapping[str, str]) -> None:
        labels = sorted(names, key=lambda n: (-len(n), n))  # longest first
        self.pattern: re.Pattern[str] | None = None
        if labels:
            alternation = "|".join(_any_case(label) for label in labels)
            self.pattern = re.compile(
                _OPEN_PART + _LEFT + f"(?P<l>{alternation})" + _RIGHT + _CLOSE_PART
            )
        self.longest = max((len(label) for label in labels), default=0)
        self.types = frozenset(label.rsplit("_", 1)[0] for label in labels)
        # The start of a variant, up to the end of the text: what must wait for more.
        prefix = _prefix_pattern(labels)
        self._tail = re.compile(
            rf"(?:[{_OPENERS}][{_SPACES}]{{0,{_MAX_SPACES}}}(?:{prefix})?"
            rf"|{_LEFT}(?:{prefix}))\Z"
        )

    def hold_from(self, text: str, lo: int, hi: int) -> int:
        """First index in ``[lo, hi)`` from which ``text`` could still become a variant."""
        lo = max(lo, len(text) - (1 + _MAX_SPACES + self.longest))
        m = self._tail.search(text, lo)
        return hi if m is None else min(m.start(), hi)


def _prefix_pattern(labels: Sequence[str]) -> str:
    """A regex matching every non-empty prefix of ``labels``, in any ASCII letter case."""
    trie: dict[str, Any] = {}
    for label in labels:
        node = trie
        for char in label:
            node = node.setdefault(char, {})

    def render(node: dict[str, Any]) -> str:
        return "|".join(
            _any_case(char) + (f"(?:{render(child)})?" if child else "")
            for char, child in sorted(node.items())
        )

    return render(trie) or "(?!)"


def _any_case(label: str) -> str:
    """``label`` as a regex matching it in any ASCII letter case (never ſ for S, K for K)."""
    return "".join(f"[{c}{c.lower()}]" if c.isalpha() else re.escape(c) for c in label)


@dataclass(frozen=True, slots=True)
class _Form:
    """How a label was written: its marks, and whether they pair up."""

    opening: str
    closing: str

    @classmethod
    def of(cls, m: re.Match[str]) -> _Form:
        return cls(m.group("o") or "", m.group("c") or "")

    @property
    def marks(self) -> tuple[str, str]:
        return self.opening[:1], self.closing[-1:]

    @property
    def wrapped(self) -> bool:
        """Marks on both sides that belong together (« », [ ], …)."""
        o, c = self.marks
        return bool(o) and _PAIRS[o] == c

    @property
    def ambiguous(self) -> bool:
        """A lone « or », or marks that do not pair up."""
        o, c = self.marks
        if o and c:
            return _PAIRS[o] != c
        return o == OPEN or c == CLOSE

    def exact(self, label: str, name: str) -> bool:
        return self.opening == OPEN and self.closing == CLOSE and label == name


class StreamRestorer:
    """Restores placeholders in a streamed answer.

    Only the end of the text that could still become a variant of an issued
    placeholder is held back between chunks ("Ema" may become "Email_1",
    "[" may become "[EMAIL_1]"); all other text is returned at once, and
    nothing is held when no placeholder was issued. The output and the counts
    equal the batch restore for any chunking.

    Counts: ``restored`` (all values put back), of which
    ``normalized_placeholders`` were variants rather than the exact «NAME»;
    ``unknown_placeholders`` (labels we never issued: any «NAME», and other
    forms of a type we issued); ``mangled_placeholders`` (a lone « or », or
    marks that do not pair). Invented and mangled counts are final after
    :meth:`flush`.
    """

    def __init__(self, vault: Vault) -> None:
        self._vault = vault
        self._context = ""  # the last characters already passed on (for the word guards)
        self._buffer = ""
        self._source = ""  # recent source text for counting invented/mangled labels
        self._count_pos = 0
        self._closed = False
        self.restored = 0
        self.normalized_placeholders = 0
        self.unknown_placeholders = 0
        self.mangled_placeholders = 0

    def feed(self, chunk: str) -> str:
        """Text that can be shown now."""
        if self._closed:
            raise PrivacyError("stream restorer already flushed")
        if not isinstance(chunk, str):
            raise PrivacyError("stream restorer takes text chunks")
        self._buffer += chunk
        self._source += chunk
        if len(self._source) - self._count_pos > 2 * _MARGIN:  # counting may lag; amortized
            self._count(final=False)
        return self._drain(final=False)

    @property
    def held_back(self) -> int:
        """How many characters fed so far are not yet shown (a possible placeholder)."""
        return len(self._buffer)

    def flush(self) -> str:
        """Whatever was held back (the stream has ended)."""
        if self._closed:
            return ""
        self._count(final=True)
        out = self._drain(final=True)
        self._closed = True
        return out

    def _drain(self, *, final: bool) -> str:
        matcher = self._vault.matcher()
        if matcher.pattern is None:  # nothing issued: nothing to restore or hold back
            passed, self._buffer = self._buffer, ""
            self._context = (self._context + passed)[-_CONTEXT:]
            return passed
        text = self._context + self._buffer
        pos = len(self._context)
        hold = len(text)
        out: list[str] = []
        for m in _matches(matcher.pattern, text, pos):
            if not final and not _settled(text, m):
                hold = m.start()
                break
            out.append(text[pos : m.start()])
            out.append(self._render(m))
            pos = m.end()
        if not final:
            hold = matcher.hold_from(text, pos, hold)
        out.append(text[pos:hold])
        self._context = text[max(0, hold - _CONTEXT) : hold]
        self._buffer = text[hold:]
        return "".join(out)

    def _render(self, m: re.Match[str]) -> str:
        label = m.group("l")
        name = label.upper()
        form = _Form.of(m)
        if form.exact(label, name):
            self.restored += 1
            return self._vault.value_of(name) or m.group(0)
        if name in self._vault.shadowed:
            return m.group(0)  # the user's own word, echoed
        if form.ambiguous:
            self.mangled_placeholders += 1
            return m.group(0)
        value = self._vault.value_of(name) or ""
        self.restored += 1
        self.normalized_placeholders += 1
        if form.wrapped:
            return value
        return form.opening + value + form.closing  # a one-sided [ or " is just punctuation

    def _count(self, *, final: bool) -> None:
        """Count invented and mangled labels we did not issue (decided with full context)."""
        text, pos = self._source, self._count_pos
        m: re.Match[str] | None = None
        for m in _matches(_ANY_VARIANT_RE, text, pos):
            if not final and m.end() + _MARGIN > len(text):
                break
            self._classify(m)
            pos = m.end()
        else:
            if not final:
                pos = max(pos, len(text) - _MARGIN)
        cut = max(0, pos - _CONTEXT)
        self._source, self._count_pos = text[cut:], pos - cut

    def _classify(self, m: re.Match[str]) -> None:
        name = m.group("l").upper()
        indexed = _INDEXED_RE.fullmatch(name)
        if indexed is None or self._vault.assigned(name) or name in self._vault.reserved:
            return  # not a label, restored by _render, or the user's own literal
        form = _Form.of(m)
        if form.ambiguous:
            self.mangled_placeholders += 1
        elif form.marks == (OPEN, CLOSE) or indexed.group("type") in self._vault.matcher().types:
            self.unknown_placeholders += 1


def _matches(pattern: re.Pattern[str], text: str, pos: int) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, pos)``, skipping fast to where a label could be."""
    while (anchor := _UNDERSCORE_DIGIT.search(text, pos)) is not None:
        m = pattern.search(text, max(pos, anchor.start() - _REACH))
        if m is None:
            return
        yield m
        pos = m.end()


def _settled(text: str, m: re.Match[str]) -> bool:
    """Whether more text could no longer change match ``m`` (or make it vanish)."""
    if m.group("c"):
        return True
    end, n = m.end("l"), len(text)
    if end >= n or (text[end] in ".-" and end + 1 >= n):
        return False  # EMAIL_1 may become EMAIL_10, EMAIL_1. may become EMAIL_1.com
    spaces = len(text[end : end + _MAX_SPACES]) - len(text[end : end + _MAX_SPACES].lstrip(_SPACES))
    return end + spaces < n  # otherwise a closing mark may still follow


def _content_of(message: Mapping[str, str], index: int) -> str:
    if not isinstance(message, Mapping):
        raise PrivacyError(f"message {index} is not a mapping")
    content = message.get("content")
    if not isinstance(content, str):
        raise PrivacyError(f"message {index} has no text content")
    return content
