"""Pattern detectors: compiled once, checked by validators and context words.

A :class:`Rule` is a regular expression for candidates of one entity type, a
base score, an optional validator (checksums, ranges; it may also trim the
span or change the score) and context words: a context word near a candidate
raises its score, a negative one ("order", "version", "commit") lowers it.
Users add their own with :class:`RegexDetector` or :class:`CallableDetector`.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from edgekit.privacy import types as t
from edgekit.privacy import validators as v
from edgekit.privacy.credentials import is_reference, is_url_template, key_before, names_a_cursor
from edgekit.privacy.normalize import normalize, spellings
from edgekit.privacy.script_names import family
from edgekit.privacy.structure import structure_of
from edgekit.privacy.types import Candidate

#: ``validator(text, match, score) -> (start, end, score)`` or ``None`` to reject.
Validator = Callable[[str, "re.Match[str]", float], "tuple[int, int, float] | None"]

CONTEXT_BOOST = 0.35
CONTEXT_PENALTY = 0.35
OWN_LABEL_BONUS = 0.1  # a context word in the value's own key or column header
_WINDOW_BEFORE = 48
_WINDOW_AFTER = 24
_NEGATIVE_BEFORE = 20


def words_re(words: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern for any of ``words`` as whole words in lower-cased text."""
    # Detectors see folded text (Cyrillic/Greek look-alikes as Latin): match both spellings.
    alternatives = sorted({s for w in words for s in spellings(w)}, key=len, reverse=True)
    if not alternatives:
        return None
    body = "|".join(re.escape(w) for w in alternatives)
    return re.compile(rf"(?<![a-z0-9])(?:{body})(?![a-z])")


@dataclass(frozen=True, slots=True)
class Rule:
    """Candidates of one entity type: a pattern, a base score and how to check them."""

    type: str
    pattern: re.Pattern[str]
    score: float
    validator: Validator | None = None
    context: tuple[str, ...] = ()
    negative: tuple[str, ...] = ()
    group: int | str = 0
    # a substring (or a pattern) that must occur in the text at all: a cheap test first
    trigger: str | re.Pattern[str] | None = None
    require_context: bool = False  # drop candidates with no context word nearby
    rescan_rejected: bool = False  # search a rejected match again from its second character
    _context_re: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    _negative_re: re.Pattern[str] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_context_re", words_re(self.context))
        object.__setattr__(self, "_negative_re", words_re(self.negative))

    def named_in(self, words: str) -> bool:
        """One of this rule's context words is in ``words`` (lower case)."""
        return self._context_re is not None and self._context_re.search(words) is not None

    def accepts(self, value: str) -> bool:
        """``value`` on its own has this rule's shape and passes its check."""
        m = self.pattern.fullmatch(value)
        return m is not None and (
            self.validator is None or self.validator(value, m, 1.0) is not None
        )

    def find(self, text: str, lower: str) -> list[Candidate]:
        """Every validated candidate of this rule in ``text``."""
        if self.trigger is not None and not _triggered(self.trigger, text):
            return []
        if self.require_context and self._context_re and not self._context_re.search(lower):
            return []
        found: list[Candidate] = []
        if not self.rescan_rejected:
            for match in self.pattern.finditer(text):
                cand = self._candidate(text, lower, match)
                if cand is not None:
                    found.append(cand)
            return found
        pos = 0
        while (found_at := self.pattern.search(text, pos)) is not None:
            cand = self._candidate(text, lower, found_at)
            if cand is not None:
                found.append(cand)
            # a rejected match is searched again from its second character
            # ("city\t1\t1983-04-12": the rejected "city 1 1983" hides the date inside it)
            pos = (
                found_at.start() + 1 if cand is None else max(found_at.end(), found_at.start() + 1)
            )
        return found

    def _candidate(self, text: str, lower: str, match: re.Match[str]) -> Candidate | None:
        start, end = match.span(self.group)
        score = self.score
        if self.validator is not None:
            checked = self.validator(text, match, score)
            if checked is None:
                return None
            start, end, score = checked
        if start >= end:
            return None
        score, near = self._adjust(text, lower, start, end, score)
        if self.require_context and not near:
            return None
        return Candidate(self.type, start, end, min(max(score, 0.0), 1.0))

    def _adjust(
        self, text: str, lower: str, start: int, end: int, score: float
    ) -> tuple[float, bool]:
        """The score after context and negative words, and whether a context word was near.

        A context word in the value's own label — its column header, its JSON/YAML/XML
        key, its form label — counts a little more than one merely nearby, so in
        ``{"nationalId": …, "phoneNumber": "555…"}`` the phone is a phone."""
        if self._context_re is None and self._negative_re is None:
            return score, False
        own, window, before = _context(text, lower, start, end)
        near = False
        if self._context_re is not None:
            if own and self._context_re.search(own):
                near, score = True, score + CONTEXT_BOOST + OWN_LABEL_BONUS
            elif self._context_re.search(window):
                near, score = True, score + CONTEXT_BOOST
        # Negative words count only right before the candidate ("order #…", "v1.2…").
        if self._negative_re is not None and self._negative_re.search(before):
            score -= CONTEXT_PENALTY
        return score, near


def _key_words(raw: str) -> str:
    """``dateOfBirth`` → ``date of birth``, ``national_id`` → ``national id`` (lower case)."""
    return _CAMEL_KEY.sub(" ", raw).replace("_", " ").lower()


# The key or label right before a value: "key": ", key=, key: , <key>, <key attr="…">,
# or the words right before it on its line ("SVNR 1237 010180", "my phone is …").
_OWN_KEY = re.compile(
    r"(?:[\"']?(?P<k>[^\W\d][\w\-.' ]{0,38}?)[\"']?[ \t]*[:=]?[ \t]*[\"']?"
    r"|<(?P<t>[^\W\d][\w\-.:]{0,38})(?:[ \t][^<>\n]{0,80})?>)$"
)


# A character no key (nor the quotes, blanks, ':' or '=' after it) holds: a key ending at
# the value starts after the last one.
_LAST_NOT_KEY = re.compile(r"(?s).*[^\w\-.' \"\t:=]")


def _own_key(text: str, lo: int, end: int) -> re.Match[str] | None:
    """``_OWN_KEY.search(text, lo, end)``, searched only from where a key can start: after
    the last character no key holds (a tag ``<…>`` may hold any: then from ``lo``)."""
    last = end - 1 if end > lo and text[end - 1] == "\n" else end  # "$" before a final "\n"
    if last > lo and text[last - 1] == ">":
        return _OWN_KEY.search(text, lo, end)
    cut = _LAST_NOT_KEY.match(text, lo, last)
    return _OWN_KEY.search(text, cut.end() if cut else lo, end)


# An item of a list or a to-do ("- call Ana (612 345 678)", "* DNI 1234…", "2. …"): its
# context is its own line, not the next item's.
_BULLET = re.compile(r"[ \t]*(?:[-*•·▪‣]|\d{1,2}[.)]|\[[ xX]\])[ \t]")


def _context(text: str, lower: str, start: int, end: int) -> tuple[str, str, str]:
    """The value's own label (``""`` if none), the wider text to look for context words
    in, and the text right before the value (for negative words)."""
    field = structure_of(text).field_at(start)
    if field is not None and field.kind != "label":
        own = lower[field.start : start]
        window = f"{field.before.lower()} | {own} {lower[end : max(end, field.end)]}"
        return field.label, window, f"{field.label} | {own[-_NEGATIVE_BEFORE:]}"
    line_start = lower.rfind("\n", 0, start) + 1
    key = _own_key(text, max(line_start, start - 64), start)
    own = _key_words(key.group("k") or key.group("t")) if key else ""
    if (key and not text[line_start : key.start()].strip()) or _BULLET.match(text, line_start):
        # "Passport no.: X123" on a form line: besides its label, the context is this line,
        # not the line above ("Vehicle: …" does not make the next line's asset tag a plate).
        line_end = lower.find("\n", end)
        first, last = line_start, min(end + _WINDOW_AFTER, len(lower) if line_end < 0 else line_end)
    else:
        first, last = max(0, start - _WINDOW_BEFORE), end + _WINDOW_AFTER
    window = f"{lower[first:start]} {lower[end:last]}"
    keys = text[first:start]
    if "_" in keys or _CAMEL_KEY.search(keys):
        window = f"{window} | {_key_words(keys)}"  # phone_number=…, <national_id>…
    if field is not None:  # the label on the line above
        own = f"{field.label} | {own}"
    neg = max(line_start, start - _NEGATIVE_BEFORE)
    while neg > 0 and lower[neg - 1].isalnum():
        neg -= 1  # whole words only: "passport" does not end in the word "port"
    return own, window, f"{own} | {lower[neg:start]}"


_CAMEL_KEY = re.compile(r"(?<=[a-z])(?=[A-Z])")


def _triggered(trigger: str | re.Pattern[str], text: str) -> bool:
    return trigger in text if isinstance(trigger, str) else trigger.search(text) is not None


def lower_same_length(text: str) -> str:
    """``text.lower()`` with the offsets of ``text`` ("İ" lower-cases to two characters)."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c.lower()[:1] or c for c in text)


class PatternDetector:
    """Runs a list of rules over the text (each pattern compiled once)."""

    def __init__(self, rules: Sequence[Rule], name: str = "patterns") -> None:
        self.name = name
        self.rules = tuple(rules)

    def detect(self, text: str) -> list[Candidate]:
        """Every candidate of every rule."""
        lower = lower_same_length(text)
        found: list[Candidate] = []
        for rule in self.rules:
            found.extend(rule.find(text, lower))
        return found


class RegexDetector(PatternDetector):
    """A custom detector from one regular expression.

    >>> RegexDetector("EMPLOYEE_ID", r"\\bEMP-\\d{6}\\b", score=0.9)  # doctest: +ELLIPSIS
    <...RegexDetector...>
    """

    def __init__(
        self,
        entity_type: str,
        pattern: str | re.Pattern[str],
        *,
        score: float = 0.8,
        validator: Callable[[str], bool] | None = None,
        context: Sequence[str] = (),
        name: str | None = None,
    ) -> None:
        compiled = re.compile(pattern) if isinstance(pattern, str) else pattern
        check: Validator | None = None
        if validator is not None:
            accept = validator

            def check(
                text: str, match: re.Match[str], base: float
            ) -> tuple[int, int, float] | None:
                return (match.start(), match.end(), base) if accept(match.group(0)) else None

        rule = Rule(entity_type, compiled, score, check, tuple(context))
        super().__init__([rule], name or f"regex:{entity_type}")


class CallableDetector:
    """A custom detector from a function ``text -> iterable of (type, start, end, score)``."""

    def __init__(
        self, name: str, func: Callable[[str], Iterable[tuple[str, int, int, float] | Candidate]]
    ) -> None:
        self.name = name
        self._func = func

    def detect(self, text: str) -> list[Candidate]:
        """Call the function and check the spans it returns."""
        out: list[Candidate] = []
        for item in self._func(text):
            cand = item if isinstance(item, Candidate) else Candidate(*item)
            if not 0 <= cand.start < cand.end <= len(text):
                raise ValueError(f"detector {self.name} returned a span outside the text")
            out.append(cand)
        return out


# --- validators of the built-in rules ------------------------------------------------

_DATE_PREFIX = re.compile(
    r"^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})(?!\d)"
)
# French numbers are written as five pairs of digits ("06.12.34.56.78"), not dates.
_PAIRS_PHONE = re.compile(r"0\d(?:[ .]\d{2}){4}")
_PHONE_EXT = re.compile(r"\s?(?:x|ext\.?)\s?\d{1,6}$")


def _email(text: str, m: re.Match[str], base: float) -> tuple[int, int, float] | None:
    start = m.start()
    # Quotes and dots around a value are not part of it, nor the words of a
    # language written without spaces ("邮箱是ada@example.org").
    while text[start] in "'.+-" or family(text[start]) in ("cjk", "kana", "hangul", "thai"):
        start += 1
    local = text[start : m.end()].split("@", 1)[0]
    if text[start] == "@" or local.lower() in ROLE_MAILBOXES:
        return None
    if text.endswith("://", 0, start) and _HEX.fullmatch(local) and len(local) >= 16:
        return None  # https://<32 hex>@o1.ingest.sentry.io/2: a key in a URL, not a mailbox
    return start, m.end(), base


def _obfuscated_email(text: str, m: re.Match[str], base: float) -> tuple[int, int, float] | None:
    at = rf"(?i)\s?[\[({{]at[\])}}]|\s+(?:at|{_AT_WORD})\s+"
    local = re.split(at, m.group(0), maxsplit=1)[0]
    return None if local.lower() in ROLE_MAILBOXES else (m.start(), m.end(), base)


# Mailboxes of a function, not a person (RFC 2142 and their everyday kin): left in clear.
ROLE_MAILBOXES = frozenset(
    [
        "postmaster",
        "hostmaster",
        "webmaster",
        "abuse",
        "noc",
        "security",
        "info",
        "marketing",
        "sales",
        "support",
        "usenet",
        "news",
        "www",
        "uucp",
        "ftp",
        "noreply",
        "no-reply",
        "donotreply",
        "do-not-reply",
        "mailer-daemon",
        "privacy",
        "legal",
        "press",
        "billing",
        "help",
        "helpdesk",
        "contact",
        "office",
        "jobs",
        "careers",
        "notifications",
    ]
)


_NOT_PHONE_COLUMN = re.compile(r"(?i)order|invoice|ref|sku|ean|isbn|tracking|ticket|(?:^| )id$|nr$")
_PHONE_COLUMN = re.compile(r"(?i)phone|tel|mobile|cell|fax|handy|móvil|movil|cellulare|portable")


# The name of an account or customer number right before digits ("Kundenkonto 7652-4401-65").
_ACCOUNT_NUMBER_BEFORE = re.compile(
    r"(?i)(?:kundenkonto|kundennummer|kunden-?nr\.?|customer (?:number|no\.?|id)|"
    r"account (?:number|no\.?)|numéro (?:de )?client|n° client|número de cliente|"
    r"codice cliente|klantnummer|kontonummer|konto-?nr\.?|numéro de compte|n° de compte|"
    r"número de cuenta|numero (?:di )?conto|rekeningnummer|número da conta)\W{0,4}$"
)


def _identifier_not_phone(text: str, start: int) -> bool:
    """``order_id`` above a table cell, or an account-number word right before the digits."""
    if _ACCOUNT_NUMBER_BEFORE.search(text[max(0, start - 40) : start]):
        return True
    field = structure_of(text).field_at(start)
    if field is None or field.kind == "label":
        return False
    header = field.label
    return bool(_NOT_PHONE_COLUMN.search(header) and not _PHONE_COLUMN.search(header))


# The words right before a value, back to the number before it (its label, a type field).
# Where the sentence a value stands in starts: after a full stop, "!" or "?" and a blank,
# or a blank line ("Meine Steuer-ID ist …, die meiner Frau lautet 83911075465").
_SENTENCE_START = re.compile(r"^.*(?:[.!?][ \t\n]|\n[ \t]*\n)", re.DOTALL)
SENTENCE_REACH = 200
_LAST_NUMBER = re.compile(r"^.*\d", re.DOTALL)  # the words back to the number before
_NUMBER_RUN = re.compile(r"\d[\d ./\-]{5,20}\d")


def named_identifier(text: str, m: re.Match[str]) -> tuple[int, int] | None:
    """The span of a phone-shaped match that passes the check of an identifier its label
    names (a form label, a type field, the words back to the number before it): an ID
    whose check passes is no phone. So is the next of a list of such IDs in one sentence
    ("Steuer-ID 47 036 892 816, die meiner Frau lautet 65929970489"). The labelled reader
    masks these as ``ID_NUMBER``."""
    from edgekit.privacy.world_ids import named_id, scheme_word_ends  # they build on this

    start, body = _phone_body(m)
    field = structure_of(text).field_at(start)
    if field is not None and field.kind != "label":
        return (start, start + len(body)) if named_id(body, field.label) else None
    ends = scheme_word_ends(text)
    near = bisect.bisect_left(ends, start - SENTENCE_REACH)
    if near == len(ends) or ends[near] > start:
        return None  # no identifier is named before it: the common case, decided cheaply
    window = text[max(0, start - SENTENCE_REACH) : start]
    label = _LAST_NUMBER.sub("", window)
    if any(c.isalpha() for c in label) and named_id(body, label):
        return start, start + len(body)
    sentence = _SENTENCE_START.sub("", window)
    if len(label) < len(sentence) and named_id(body, sentence):
        earlier = _NUMBER_RUN.finditer(sentence)
        if any(named_id(n.group(0), sentence[: n.start()]) for n in earlier):
            return start, start + len(body)
    return None


def _phone_body(m: re.Match[str]) -> tuple[int, str]:
    """Where a phone match starts and its text without an opening bracket or extension."""
    raw, start = m.group(0), m.start()
    if raw.startswith("(") and ")" not in raw:
        raw, start = raw[1:], start + 1  # "(0039 355.8835644)": the bracket opens an aside
    return start, _PHONE_EXT.sub("", raw)


def _phone(text: str, m: re.Match[str], base: float) -> tuple[int, int, float] | None:
    start, body = _phone_body(m)
    digits = v.digits_only(body)
    if not 7 <= len(digits) <= 15 or len(set(digits)) == 1:
        return None
    if body.count("(") != body.count(")") or re.search(r"[ .\-]{2}|\(\)", body.replace(" / ", "/")):
        return None
    if " / " in body and not body.startswith(("0", "+")):
        return None  # "1234567 / 89" is a division; "089 / 123 45 67" is Munich
    if (_DATE_PREFIX.match(body) and not _PAIRS_PHONE.fullmatch(body)) or v.ipv4_ok(body):
        return None
    if v.isbn13_ok(body) or _identifier_not_phone(text, m.start()):
        return None
    if named_identifier(text, m):
        return None  # "SV-Nummer: 1237 010180", "doc_type":"SIN","doc_number":"046 454 286"
    if _STATUS_BEFORE.search(text, max(0, m.start() - 24), m.start()):
        return None  # "HTTP/1.1" 404 2326, status=503: a status code (and a byte count)
    groups = re.split(r"[ .\-()/]+", body.strip("+( )"))
    seps = re.findall(r"[ .\-/]", body)
    if seps and all(sep == "." for sep in seps) and len(groups) <= 2:
        return None  # a decimal number, not a phone
    if re.match(r"\d{2,5}/\d", body) and not body.startswith(("0", "3")):
        score = base - 0.3  # "100/2000000" may be a fraction: a phone only with context
    elif body.startswith(("+", "00", "(+")):
        score = base + 0.25
    elif body.startswith("("):
        score = base + 0.15
    elif len(groups) >= 2:
        score = base
    elif _list_item(text, start, m.end()) and _CONTACT_LINE.search(_line_of(text, start)):
        score = base  # an item of a comma-separated contact line ("…, 661979856, ana@…")
    else:
        score = base - 0.3  # a bare run of digits: only with context
    return start, m.end(), score


_CONTACT_LINE = re.compile(r"[\w.+\-]@[\w\-]+\.[A-Za-z]{2,}")


def _list_item(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is a whole item of a comma-separated list."""
    before = text[max(0, start - 2) : start].rstrip(" ")
    after = text[end : end + 2].lstrip(" ")
    return before.endswith(",") and (after[:1] in (",", ";", "\n") or not after)


def _line_of(text: str, at: int) -> str:
    """The line around offset ``at`` (at most 300 characters each side)."""
    first = text.rfind("\n", max(0, at - 300), at) + 1 or max(0, at - 300)
    last = text.find("\n", at, at + 300)
    return text[first : last if last >= 0 else min(len(text), at + 300)]


# An HTTP status code: after the request line's protocol (access logs: status, then bytes)
# or a status field.
_STATUS_BEFORE = re.compile(
    r"(?i)(?:\bHTTP/\d(?:\.\d)?\"?|\bstatus(?:[ _-]?code)?[\"']?\s*[:=]|\bcode[\"']?\s*[:=])\s*$"
)


def _card(text: str, m: re.Match[str], base: float) -> tuple[int, int, float] | None:
    if _ARTICLE_NUMBER_BEFORE.search(text, max(0, m.start() - 12), m.start()):
        return None  # EAN 4006381333931: a product's barcode number, not a card
    if not _card_groups(m.group(0)):
        return None  # 301-0910716-9801875, a UUID's 622437-2698-423: not a card's groups
    return (m.start(), m.end(), base) if v.card_ok(m.group(0)) else None


def _card_groups(value: str) -> bool:
    """A card number is written whole or in groups of four (Amex/Diners 4-6-5, 4-6-4)."""
    groups = [len(g) for g in re.split(r"[ \-]+", value)]
    if len(groups) == 1 or max(groups) <= 2:
        return True  # whole, or spelled out digit by digit to slip past a filter
    return (all(n == 4 for n in groups[:-1]) and 1 <= groups[-1] <= 4) or groups[:2] == [4, 6]


_ARTICLE_NUMBER_BEFORE = re.compile(r"(?i)\b(?:ean|gtin|upc|isbn|sku)[\s:#=\-]*$")


def _iban(text: str, m: re.Match[str], base: float) -> tuple[int, int, float] | None:
    raw = m.group(0)
    expected = v.IBAN_LENGTHS.get(raw[:2].upper())
    if expected is None:
        return None
    seen = 0
    for i, ch in enumerate(raw):
        if ch.isalnum():
            seen += 1
            if seen == expected:
                candidate = raw[: i + 1]
                if v.iban_ok(candidate):
                    return m.start(), m.start() + i + 1, base
                return None
    return None


def _ssn(text: str, m: re.Match[str], base: float) -> tuple[int, int, float] | None:
    if not v.ssn_ok(m.group(0)):
        return None
    sep = m.group("sep").strip() or m.group("sep")
    score = base if sep == "-" else base - 0.15 if sep == " " else base - 0.5
    return m.start(), m.end(), score


_VERSION_BEFORE = re.compile(
    r"(?:(?<![a-z])(?:version|release|ver\.?|v|build|firmware|oid)\s*"
    r"|(?:version|release|build|firmware)[\"']?\s*[:=]\s*[\"']?)$",
    re.IGNORECASE,
)


def _ipv4(text: str, m: re.Match[str], base: float) -> tuple[int, int, float] | None:
    if not v.ipv4_ok(m.group(0)) or _VERSION_BEFORE.search(
        text[max(0, m.start() - 16) : m.start()]
    ):
        return None  # "version 1.2.3.4" is a version number
    return m.start(), m.end(), base


def _ipv6(text: str, m: re.Match[str], base: float) -> tuple[int, int, float] | None:
    value = m.group(0)
    if not v.ipv6_ok(value) or (re.fullmatch(r"[0-9:]+", value) and value.count(":") < 3):
        return None  # "12:34:56" is a time
    return m.start(), m.end(), base


# Month names per number: English, German, Dutch, French, Spanish, Italian, Portuguese,
# Polish, Turkish, Nordic, Finnish, Czech, Romanian, Hungarian, Indonesian, Greek, Russian
# and Ukrainian (genitive where dates use it: "14 kwietnia", "5 марта").
_MONTH_NAMES = (
    "",
    "jan january januar januari janvier enero gennaio janeiro styczeń styczen "
    "stycznia ocak januar tammikuuta tammikuu ledna leden ianuarie január januari "
    "ιανουαρίου января січня",
    "feb february februar februari février fevrier febrero febbraio fevereiro luty "
    "lutego şubat subat februar helmikuuta helmikuu února únor februarie február "
    "februari φεβρουαρίου февраля лютого",
    "mar march märz maerz maart mars marzo março marco marzec marca mart marts "
    "maaliskuuta maaliskuu března březen martie március maret μαρτίου марта березня",
    "apr april avril abril aprile abril kwiecień kwiecien kwietnia nisan huhtikuuta "
    "huhtikuu dubna duben aprilie április απριλίου апреля квітня",
    "may mai mei mayo maggio maio maj maja mayıs mayis toukokuuta toukokuu května "
    "květen május μαΐου мая травня",
    "jun june juni juin junio giugno junho czerwiec czerwca haziran kesäkuuta kesäkuu "
    "června červen iunie június ιουνίου июня червня",
    "jul july juli juillet julio luglio julho lipiec lipca temmuz heinäkuuta heinäkuu "
    "července červenec iulie július ιουλίου июля липня",
    "aug august augustus août aout agosto agosto sierpień sierpien sierpnia ağustos "
    "agustos augusti elokuuta elokuu srpna srpen augusztus agustus αυγούστου августа "
    "серпня",
    "sep sept september septembre septiembre setiembre settembre setembro wrzesień "
    "wrzesien września wrzesnia eylül eylul syyskuuta syyskuu září septembrie "
    "szeptember σεπτεμβρίου сентября вересня",
    "oct october oktober octobre octubre ottobre outubro październik pazdziernik "
    "października pazdziernika ekim lokakuuta lokakuu října říjen octombrie október "
    "οκτωβρίου октября жовтня",
    "nov november novembre noviembre novembro listopad listopada kasım kasim "
    "marraskuuta marraskuu listopadu noiembrie νοεμβρίου ноября листопада",
    "dec december dezember décembre decembre diciembre dicembre dezembro grudzień "
    "grudzien grudnia aralık aralik joulukuuta joulukuu prosince prosinec decembrie "
    "desember δεκεμβρίου декабря грудня",
)
_MONTH_NUM = {name: i for i, names in enumerate(_MONTH_NAMES) for name in names.split()}
# Detectors see text with Cyrillic and Greek look-alikes folded to Latin ("марта" → "мapтa").
_MONTH_NUM.update(
    {
        normalize(form).text.lower(): num
        for name, num in list(_MONTH_NUM.items())
        for form in (name, name.capitalize(), name.upper())
    }
)
_MONTH_PREFIX = {name[:3]: num for name, num in sorted(_MONTH_NUM.items(), reverse=True)}


_WEEKDAYS = frozenset(
    {
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mo",
        "di",
        "mi",
        "do",
        "fr",
        "sa",
        "so",
        "montag",
        "dienstag",
        "mittwoch",
        "donnerstag",
        "freitag",
        "samstag",
        "sonntag",
        "lun",
        "mar",
        "mer",
        "jeu",
        "ven",
        "sam",
        "dim",
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
        "lunes",
        "martes",
        "miércoles",
        "jueves",
        "viernes",
        "sábado",
        "domingo",
        "lunedì",
        "martedì",
        "mercoledì",
        "giovedì",
        "venerdì",
        "sabato",
        "domenica",
    }
)


def is_calendar_word(word: str) -> bool:
    """A month or weekday name or abbreviation ("Mar", "Mon", "März", "lundi")."""
    key = word.lower().rstrip(".")
    return key in _MONTH_NUM or key in _WEEKDAYS


def _month_number(word: str) -> int:
    """1–12 for a month name or its first three letters in any of our languages."""
    key = word.lower().rstrip(".")
    return _MONTH_NUM.get(key) or _MONTH_PREFIX[key[:3]] if len(key) >= 3 else _MONTH_NUM[key]


def _full_year(year: str) -> int:
    """A two-digit birth year is the latest past year it can be ("98" → 1998, "05" → 2005)."""
    if len(year) != 2:
        return int(year)
    now = _dt.date.today().year
    return 2000 + int(year) if 2000 + int(year) <= now else 1900 + int(year)


def _dob(text: str, m: re.Match[str], base: float) -> tuple[int, int, float] | None:
    g = m.groupdict()
    try:
        if g.get("iy") or g.get("cy"):
            ok = v.date_ok(
                int(g["iy"] or g["cy"]), int(g["im"] or g["cm"]), int(g["id"] or g["cd"])
            )
        elif g.get("ny"):
            a, b, y = int(g["na"]), int(g["nb"]), _full_year(g["ny"])
            ok = v.date_ok(y, b, a) or v.date_ok(y, a, b)
        else:
            month = _month_number(g.get("tm") or g.get("tm2") or "")
            ok = v.date_ok(
                _full_year(g.get("ty") or g.get("ty2") or "0"),
                month,
                int(g.get("td") or g.get("td2") or 0),
            )
    except (KeyError, ValueError):
        return None
    if _TIME_AFTER.match(text, m.end()) and not _MIDNIGHT_AFTER.match(text, m.end()):
        return None  # 2026-05-09T09:28:54, 2026-05-09 09:28: a timestamp, not a birthday
    return (m.start(), m.end(), base) if ok else None


def is_birth_date(text: str, m: re.Match[str]) -> bool:
    """A ``DOB_RE`` match is a real past date, not a timestamp."""
    return _dob(text, m, 1.0) is not None


_TIME_AFTER = re.compile(r"[T ]\d{1,2}:\d{2}")
# ISODate('1969-03-01T00:00:00.000Z'): a date stored as midnight; a birth key still decides.
_MIDNIGHT_AFTER = re.compile(r"T00:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)?\b")


# An LDAP password scheme's or a crypt(3) hash's prefix right before a token: a stored hash.
_HASH_SCHEME_BEFORE = re.compile(
    r"(?i)(?:\{(?:s?sha(?:256|384|512)?|s?md5|crypt|pbkdf2[\w\-]{0,12}|argon2\w{0,3}|bcrypt|"
    r"scrypt)\}|\$[\w\-]{1,10}\$(?:[^\s$]{0,40}\$){0,2})$"
)


def _secret_token(text: str, m: re.Match[str], base: float) -> tuple[int, int, float] | None:
    """A random-looking token; the rule's base score is below the cut, so it needs key context."""
    token = m.group(0)
    if _UUID.search(token) or _not_a_key(token) or _EXAMPLE_KEY.search(token):
        return None
    if not v.looks_random(token.strip("=")):
        return None
    if _CONSTANT_NAME.fullmatch(token):
        return None  # KEM_X25519_HKDF_SHA256, AEAD_CHACHA20_POLY1305: a constant's name
    if _HASH_SCHEME_BEFORE.search(text, max(0, m.start() - 100), m.start()):
        return None  # userPassword: {SSHA}…, $6$salt$…: a stored hash, no one logs in with it
    if _ENCODED_DATA_BEFORE.search(text[max(0, m.start() - 12) : m.start()]):
        return None  # data:image/png;base64,… or integrity="sha384-…": content, not a credential
    if _inside_public_block(text, m.start()):
        return None  # the body of a public key or a certificate: published, not a secret
    if _HEX.fullmatch(token) and not _KEY_RIGHT_BEFORE.search(
        text, max(0, m.start() - 24), m.start()
    ):
        return None  # trace=…, request ids, digests: hex is a key only where a key word names it
    if _DATA_KEY_RIGHT_BEFORE.search(text, max(0, m.start() - 40), m.start()):
        return None  # CACHE_KEY = '…', "idempotency_key": …: a key of data, not a credential
    if names_a_cursor(key_before(text, m.start())):
        return None  # "nextPageToken": "…": a page's cursor, not a credential
    return m.start(), m.end(), base


_HEX = re.compile(r"[0-9a-fA-F]+")
# A placeholder in a provider's format: sk-xxxxxxxxxxxxxxxxxxxxxxxx, ghp_XXXXXXXX…, sk-...;
# or a documented example: AWS writes EXAMPLE into every key of its docs
# (AKIAIOSFODNN7EXAMPLE, wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY); a random key never holds it.
_EXAMPLE_KEY = re.compile(r"(?i:x{8,})|\.\.\.|…|EXAMPLE")
# A Sentry DSN's key is the secret; its organisation and project numbers are not.
_SENTRY_KEY = re.compile(r"https://(?P<key>[0-9a-f]{32}(?::[0-9a-f]{32})?)@[^\s]*sentry")


def _provider_key(text: str, m: re.Match[str], base: float) -> tuple[int, int, float] | None:
    """A key in a provider's format, unless it is written as a placeholder."""
    if _EXAMPLE_KEY.search(m.group(0)):
        return None
    sentry = _SENTRY_KEY.match(m.group(0))
    if sentry:
        return m.start() + sentry.start("key"), m.start() + sentry.end("key"), base
    return m.start(), m.end(), base


_PUBLIC_BLOCK = re.compile(
    r"-----BEGIN (?:[A-Z0-9]+ )*(?:PUBLIC KEY|CERTIFICATE|CERTIFICATE REQUEST)"
)


def _inside_public_block(text: str, at: int) -> bool:
    """``at`` lies between a ``BEGIN PUBLIC KEY``/``CERTIFICATE`` line and its ``END``."""
    begin = text.rfind("-----BEGIN ", 0, at)
    if begin < 0 or not _PUBLIC_BLOCK.match(text, begin):
        return False
    return text.find("-----END ", begin, at) < 0


# Upper-case words joined by underscores, at least three of them.
_CONSTANT_NAME = re.compile(r"[A-Z][A-Z0-9]{0,11}(?:_[A-Z0-9]{1,12}){2,}")
_KEY_RIGHT_BEFORE = re.compile(
    r"(?i)(?:key|token|secret|password|passwd|bearer|authorization|credential|auth)s?\b"
    r"[\"']?\s*(?:[:=]|is)?\s*[\"']?$"
)
# Keys that name data, not a credential: a cache entry, a database row, an object in a bucket,
# an idempotent request, a sort or partition, a public key.
_DATA_KEY_RIGHT_BEFORE = re.compile(
    r"(?i)(?<![a-z])(?:cache|primary|foreign|sort|partition|idempotency|dedupe?|dedup|lookup|"
    r"object|row|index|shard|routing|public|hash|map|group|storage|s3|etag|cursor|dict|registry)"
    r"[_\-. ]?keys?\b[\"']?\s*(?:[:=]|is)?\s*[\"']?$"
)


# Paths, digests and subresource-integrity hashes are not credentials.
_NOT_A_KEY = re.compile(r"/|\./|(?:sha|md)\d{1,3}[-:]", re.IGNORECASE)


def _not_a_key(token: str) -> bool:
    """A path or a digest; a base64 key may start with "/" (``/iPzEDSWNzy…``): a path's
    pieces are words, a key's are random."""
    if not _NOT_A_KEY.match(token):
        return False
    if token[0] == "/":
        return is_reference(token)  # a path, unless a piece of it is random
    return True


_ENCODED_DATA_BEFORE = re.compile(r"(?:base64,|sha\d{1,3}[-:])$", re.IGNORECASE)
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def _geo(text: str, m: re.Match[str], base: float) -> tuple[int, int, float] | None:
    """A latitude/longitude pair: in range; how it is written sets the score."""
    lat, lon = float(m.group("lat")), float(m.group("lon"))
    if abs(lat) > 90 or abs(lon) > 180:
        return None
    decimals = min(len(m.group("lat").split(".")[1]), len(m.group("lon").split(".")[1]))
    if m.group("ns") or m.group("ew") or "°" in m.group(0):
        return m.start(), m.end(), base + 0.3
    listed = m.group("sep").strip() in (",", ";")
    if decimals < 4 and not listed:
        return None
    score = base if listed else base - 0.1
    score += 0.1 if decimals >= 5 else -0.25 if decimals < 4 else 0.0
    if _MATHS_BEFORE.search(text[max(0, m.start() - 6) : m.start()]):
        score -= 0.35  # "x = [12.3456, 98.7654]" is a vector
    if _LIST_AFTER.match(text, m.end()) or (abs(lat) < 1 and abs(lon) < 1):
        score -= 0.35  # "0.7431, 0.2218 and 0.0351": a list of measurements
    return m.start(), m.end(), score


# GeoJSON's [longitude, latitude(, altitude)] pairs under a "coordinates" key (a track, a
# polygon): every pair of the array is a place, however far from the key.
_GEOJSON_PAIR_RE = re.compile(
    r"\[\s*(?P<lon>[-+]?\d{1,3}\.\d{3,9})\s*,\s*(?P<lat>[-+]?\d{1,2}\.\d{3,9})"
    r"(?:\s*,\s*[-+]?\d{1,5}(?:\.\d{1,3})?)?\s*\]"
)
_COORDINATES_KEY = re.compile(r"[\"']coordinates[\"']\s*:\s*\[")
_GEOJSON_REACH = 20_000


def _geojson(text: str, m: re.Match[str], base: float) -> tuple[int, int, float] | None:
    """A pair inside the array of a ``"coordinates"`` key that is still open at it."""
    lon, lat = float(m.group("lon")), float(m.group("lat"))
    if abs(lon) > 180 or abs(lat) > 90:
        return None
    key = text.rfind("coordinates", max(0, m.start() - _GEOJSON_REACH), m.start())
    opened = _COORDINATES_KEY.match(text, key - 1) if key > 0 else None
    # a coordinates array holds numbers and brackets only: anything else means it closed
    if opened is None or _NOT_IN_COORDINATES.search(text, opened.end(), m.start()):
        return None
    return m.start("lon"), m.end("lat"), base


_NOT_IN_COORDINATES = re.compile(r"[^\d\s,.\-+\[\]eE]")


def _geo_field(text: str, m: re.Match[str], base: float) -> tuple[int, int, float] | None:
    """One coordinate in a named field ("lat": 52.5200, longitude=13.4050)."""
    limit = 90 if m.group("key").lower().startswith("lat") else 180
    return (m.start("v"), m.end("v"), base) if abs(float(m.group("v"))) <= limit else None


_MATHS_BEFORE = re.compile(r"(?:[\[(]|\s=)\s*$")
_LIST_AFTER = re.compile(r"\s*(?:[,;]|and|und|et|y|e)\s*[-+]?\d+(?:\.\d+)?(?![\w.])")


# What follows a street line: flat/floor, then postcode and city (DE/FR/ES/IT/NL "12345 City",
# UK "City AB1 2CD", US "City, ST 12345").
# The flat, floor, staircase or door after a street and number: es "5ºA", "3º Izda.", "Piso 2",
# "Puerta 3", "Esc. B", "Bajo"; pt "3.º Esq.", "2.º Dto", "R/C"; it "int. 4", "scala B",
# "piano 2"; fr "Apt 12", "Bât. C", "Étage 3"; de/at "Top 5", "Stiege 2", "Tür 7", "2. OG",
# "Whg. 4"; en "Apt 3B", "Flat 2".
_FLAT = (
    r"(?:\d{1,2}\.?\s?[ºª°](?:\s?\d{1,2}\s?[ºª])?(?:\s?[A-Za-z]{1,5}\.?)?"
    r"|\d{1,2}\.?\s?[oa](?:\s?\d{1,2}\s?a)?(?:\s?[A-Za-z]{1,5}\.?)?"  # "º" after NFKC
    r"|(?i:apt|apto|app|appt|apartamento|apartment|flat|int|interno|scala|piano|piso|puerta|"
    r"pta|esc|escalera|top|stiege|stg|tür|whg|wohnung|bât|bat|bâtiment|étage|etage|andar|"
    r"unit|suite|ste|block|bloque|portal|bajo|ático|atico|entlo|entresuelo|pral|bte|boîte|bus|"
    r"lgh|depto|dpto|dep|of|oficina|local|m(?=\.))\.?\s?(?:n\.?\s?)?[\w]{1,4}\.?"
    r"|\d{1,2}\.\s?(?:OG|Stock|Etage|étage|piano|andar)|\d{1,2}[rnt][ \t]\d{1,2}[ao]"  # ca "3r 2a"
    r"|\d{1,2}\.?[ \t]?(?:tv|th|mf|sal|tr|st)\b\.?"  # da "2. tv", se "3 tr"
    r"|[A-H](?:[ \t]\d{1,3})?(?=[ \t]*,)"  # fi "12 B 5": staircase and flat
    r"|R/C|r/c|Bajo|bajo|Dcha\.?|Izda\.?"
    # a neighbourhood or district before the postcode: "Col. Roma Norte", "Miraflores"
    r"|(?:(?:Col\.|Colonia|Fracc\.|Barrio|Bairro|Urb\.|Co\.|County)[ \t]+)?[A-ZÀ-Ý][\w'’\-]+"
    r"(?:[ \t]+[A-ZÀ-Ý][\w'’\-]+){0,2})"
)
# The flat after a street and number when no postcode follows, up to where the field or
# clause ends: "Calle Mayor 9, 8º B, el portal …", "<Street>Via Roma 37, int. 4</Street>".
_FLAT_ONLY_TAIL = re.compile(
    r"(?:,[ \t]*|[ \t]+)(?:\d{1,2}\.?[ \t]?[ºª°oa](?:[ \t]?[A-Za-z]{1,5}\.?)?"  # º is o after NFKC
    r"|(?i:apt|apto|app|appt|flat|int|interno|scala|piano|piso|puerta|pta|esc|escalera|top|"
    r"stiege|tür|whg|bât|étage|andar|unit|suite|bajo|ático|dpto|depto)\.?[ \t]?(?:n\.?[ \t]?)?"
    r"\w{1,4}\.?|R/C|Dcha\.?|Izda\.?)"
    r"(?=[ \t]*(?:[,;)<'\"\n]|$))"
)
_ADDRESS_TAIL = re.compile(
    r"(?:,|[ \t]+[-–]|[ \t]*\n)?[ \t]*"  # "Via Nazionale, 12 - 00184 Roma"
    rf"(?:{_FLAT}(?:[ \t]+{_FLAT})?"
    r"(?:[ \t]*,|[ \t]+[-–]|[ \t]*\n|[ \t](?=\d{4,5}[ \t]))[ \t]*){0,2}"
    # postcodes: 12345 / 1234 AB (NL) / 1234-567 (PT) / 12-345 (PL) / 123 45 (SE), then the city
    # ("Kadıköy/İstanbul": district and province)
    r"(?:(?:\d{4,6}(?:\s?[A-Z]{2})?|\d{4}-\d{3}|\d{2}-\d{3}|\d{3} \d{2}|[A-Z]\d{4}(?:[A-Z]{3})?"
    r"|(?:LV|LT|EE)-?\d{4,5})"
    r"[ \t]+(?:[AOL]['’ ]?(?=[A-ZÀ-Ý]))?[A-ZÀ-ÝİŁŚŻŹĆŃÓ][\w'’\-]+"  # "A Coruña", "L'Aquila"
    r"(?:/[A-ZÀ-ÝİŁŚŻŹĆŃÓ][\w'’\-]+)?(?:[ \t]*\([A-Z]{2}\))?"  # "00184 Roma (RM)"
    r"(?:[ \t]+(?:im|am|an|de|sur|di)?[ \t]*[A-ZÀ-Ý][\w'’\-]+)?"
    r"(?:[ \t](?:[A-ZÆØÅ]{1,2}|\d{1,2})\b(?![.:]))?"  # "København N", "Praha 10"
    # the city first, then its postcode: "București 030031", "Jakarta 10220"
    r"|[A-ZÀ-ÝȘȚ][\w'’\-]+(?:[ \t][A-ZÀ-Ý][\w'’\-]+)?[ \t]+\d{5,6}\b"
    r"|[A-Z][a-z]+[ \t]+[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}"
    # "Toronto, ON M5V 2T6", "Sydney NSW 2000", "Dublin 2, D02 Y754"
    r"|[A-Z][a-zA-Z .]{1,30},?[ \t]*[A-Z]{2,3}[ \t]+(?:\d{4}(?!\d)|[A-Z]\d[A-Z] ?\d[A-Z]\d)"
    r"|[A-Z][a-z]+(?: \d{1,2})?,[ \t]*[AC-FHKNPRTV-Y]\d[0-9W][ \t]?[0-9AC-FHKNPRTV-Y]{4}"
    r"|[AC-FHKNPRTV-Y]\d[0-9W][ \t][0-9AC-FHKNPRTV-Y]{4}\b"  # "…, Co. Dublin, A96 X2Y3"
    r"|[A-Z][a-zA-Z .]{1,30},[ \t]*[A-Z]{2}[ \t]+\d{5}(?:-\d{4})?)"
)


def extend_address(text: str, end: int) -> int:
    """The end of a street address including the postcode and city that follow it."""
    tail = _ADDRESS_TAIL.match(text, end)
    if tail is None:
        flat = _FLAT_ONLY_TAIL.match(text, end)
        return end if flat is None else flat.end()
    stop = tail.end()
    while stop > end and text[stop - 1] in "'’":
        stop -= 1  # the closing quote of a string, not of "L'Aquila"
    return stop


def _address(text: str, m: re.Match[str], base: float) -> tuple[int, int, float] | None:
    if _STATUS_BEFORE.search(text, max(0, m.start() - 24), m.start()):
        return None  # HTTP/2 502 Bad Gateway: a status line, not a street
    return m.start(), extend_address(text, m.end()), base


# Words that make a street name someone's address: a label, a verb of living or sending.
_ADDRESS_WORD = re.compile(
    r"(?i)addr|adres|anschrift|direcci|indirizzo|domicil|wohnhaft|wohne|\blives?\b|\bliving\b|"
    r"\bmoved\b|habite|\bvive\b|\bvivo\b|abita|woont|\bmora\b|endereço|ship to|deliver|"
    r"liefer|livraison|envío|envio|spedizione|consegna|billing|\bsede\b|siège|\bsitz\b|"
    r"home|zuhause|domicile|casa\b|straße|strasse|street"
)
_POSTCODE_LINE = re.compile(r"[ \t>]*(?:[A-Z]{1,2}[ \t-]?)?\d{3,5}\b")


def bare_street(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` names a street and nothing more: no house number or postcode in
    or right after it, no address label or verb of living before it ("a hotel near
    Washington Square", "près de la rue Victor Hugo"): a place, not someone's address."""
    if any(c.isdigit() for c in text[start:end]):
        return False
    line_end = text.find("\n", end)
    if any(c.isdigit() for c in text[end : end + 40 if line_end < 0 else min(line_end, end + 40)]):
        return False
    if line_end >= 0 and _POSTCODE_LINE.match(text, line_end + 1):
        return False
    field = structure_of(text).field_at(start)
    label = field.label if field is not None else ""
    line_start = text.rfind("\n", 0, start) + 1
    return not _ADDRESS_WORD.search(f"{label} {text[max(line_start, start - 60) : start]}")


def _address_de(text: str, m: re.Match[str], base: float) -> tuple[int, int, float] | None:
    """A German/Dutch/Nordic street: its name has a lower-case letter ("S-LK 5264" under
    "Wunschkennzeichen:" is a plate, "Karl-Marx-Allee 12" a street)."""
    street = re.sub(r"\s*\d.*$", "", m.group(0), flags=re.S)  # the name before the number
    if not any(c.islower() for c in street) and not _DE_SUFFIX_RE.search(street):
        return None  # "HAUPTSTRASSE 5" is a street; "S-LK 5264" is not
    return _address(text, m, base)


def _url(text: str, m: re.Match[str], base: float) -> tuple[int, int, float] | None:
    end = m.end()
    while end > m.start() and text[end - 1] in ".,;:!?)]}'\"":
        end -= 1
    if is_url_template(m.group(0)):
        return None  # postgres://USER:PASSWORD@HOST/DB, redis://:<password>@…: a template
    userinfo = _USERINFO.match(m.group(0))
    if userinfo:  # the account and its password, not the host, port and database after "@"
        return m.start() + userinfo.start(1), m.start() + userinfo.end(1), base
    return m.start(), end, base


_USERINFO = re.compile(r"[a-z][a-z0-9+.\-]{1,15}://([^\s/@:]*:[^\s/@]+)@", re.IGNORECASE)


def _dni(text: str, m: re.Match[str], base: float) -> tuple[int, int, float] | None:
    return (m.start(), m.end(), base) if v.spanish_dni_ok(m.group(0)) else None


def _id(text: str, m: re.Match[str], base: float) -> tuple[int, int, float] | None:
    value = m.group(0)
    if not any(c.isdigit() for c in value) or _DATE_PREFIX.match(value):
        return None
    return m.start(), m.end(), base


NEG_NUMBERS = (
    "order",
    "suivi",
    "seguimiento",
    "tracciamento",
    "track",
    "invoice",
    "ticket",
    "tracking",
    "ref",
    "reference",
    "version",
    "build",
    "serial",
    "sku",
    "isbn",
    "ean",
    "gtin",
    "upc",
    "asset",
    "part number",
    "part no",
    "awb",
    "waybill",
    "bestellnummer",
    "auftragsnummer",
    "rechnungsnummer",
    "artikelnummer",
    "sendungsnummer",
    "teilenummer",
    "bestelling",
    "factuurnummer",
    "ordernummer",
    "encomenda",
    "zamówienia",
    "zamówienie",
    "sipariş",
    "objednávka",
    "comanda",
    "comandă",
    "tilausnumero",
    "tilaus",
    "beställning",
    "ordrenummer",
    "заказа",
    "заказ",
    "注文番号",
    "订单号",
    "주문번호",
    "bestellung",
    "rechnung",
    "commande",
    "facture",
    "pedido",
    "factura",
    "ordine",
    "fattura",
    "issue",
    "pr",
    "port",
    "kundenkonto",
    "kundennummer",
    "póliza",
    "polizza",
    "policy",
    "#",
    "timestamp",
    "epoch",
    "ms",
    "bytes",
    # applications, appointments, bookings and cases are not people
    *("application", "appointment", "termin", "antrag", "antragsnummer", "booking"),
    *("buchung", "buchungsnummer", "reservation", "réservation", "reserva", "prenotazione"),
    *("rendez-vous", "cita", "appuntamento", "confirmation", "bestätigung", "request"),
    *("case", "vorgang", "vorgangsnummer", "anfrage"),
)
# Numbers that are about something other than a person (NEG_NUMBERS without the marks that
# also stand before identifiers: "#", "no").
NOT_PERSON_NUMBERS = tuple(w for w in NEG_NUMBERS if w not in ("#", "pr", "port", "ms", "bytes"))
# A number right after "passport"/"DNI" is a document number, not a phone.
_NEG_PHONE = (
    *NEG_NUMBERS,
    "passport",
    "passeport",
    "pasaporte",
    "passaporto",
    "paspoort",
    "reisepass",
    "ausweis",
    "ausweisnummer",
    "dni",
    "nie",
    "license",
    "licence",
)
_NEG_SECRET = (
    "commit",
    "sha",
    "sha1",
    "sha256",
    "hash",
    "checksum",
    "digest",
    "md5",
    "uuid",
    "etag",
)
_PHONE_CONTEXT = (
    "phone",
    # "my number is …" in the claimed languages (a number one gives as one's own)
    "my number",
    "my new number",
    "mi número",
    "mi numero",
    "meine nummer",
    "meine neue nummer",
    "mon numéro",
    "il mio numero",
    "o meu número",
    "mijn nummer",
    "text",
    "tel",
    "tel.",
    "telephone",
    "mobile",
    "cell",
    "call",
    "fax",
    "whatsapp",
    "sms",
    "text me",
    "reach me",
    "telefon",
    "handy",
    "rufnummer",
    "téléphone",
    "telephone",
    "portable",
    "appeler",
    "appelez",
    "rufen",
    "anrufen",
    "llama",
    "llámame",
    "llamame",
    "chiamami",
    # a number on its own line in a signature block, under the closing and the name
    "regards",
    "saludos",
    "un saludo",
    "un abrazo",
    "atentamente",
    "grüße",
    "grüsse",
    "cordialement",
    "saluti",
    "groeten",
    "abraços",
    "appelle-moi",
    "ruf mich",
    "call me",
    "llamar al",
    "chiama",
    "bel",
    "bellen",
    "erreichbar",
    "teléfono",
    "telefono",
    "móvil",
    "movil",
    "cellulare",
    "llamar",
    "chiamare",
    "contact",
    "kontakt",
    "numéro",
    "número",
    "numero",
    "nummer",
)
_SECRET_CONTEXT = (
    "key",
    "api key",
    "apikey",
    "token",
    "secret",
    "password",
    "passwd",
    "bearer",
    "authorization",
    "credential",
    "credentials",
    "auth",
    "private",
    "schlüssel",
    "passwort",
    "clé",
    "clave",
    "contraseña",
    "chiave",
)
_DOB_CONTEXT = (
    # abbreviated column names: fecha_nac, dt_nasc, geb_datum, d.o.b.
    "nac",
    "nasc",
    "geb",
    "d o b",
    "born",
    "birth",
    "birthday",
    "dob",
    "d.o.b",
    "date of birth",
    "birthdate",
    "geboren",
    "geb.",
    "geburtsdatum",
    "geburtstag",
    "né",
    "née",
    "naissance",
    "nacido",
    "nacida",
    "nació",
    "nacque",
    "nasceu",
    "naquit",
    "urodził",
    "urodziła",
    "nacimiento",
    "nato",
    "nata",
    "nascita",
    "geboortedatum",
    "age",
    "bday",
    "nascimento",
    "nascido",
    "nascida",
    "urodzenia",
    "urodzony",
    "urodzona",
    "urodzin",
    "doğum",
    "dogum",
    "doğdu",
    "geboren op",
    "född",
    "födelsedatum",
    "født",
    "fødselsdato",
    "fødselsdag",
    "syntynyt",
    "syntymäaika",
    "narozen",
    "narozena",
    "datum narození",
    "născut",
    "născută",
    "nascut",
    "data nașterii",
    "data nasterii",
    "született",
    "születési",
    "szül.",
    "γεννήθηκε",
    "ημερομηνία γέννησης",
    "родился",
    "родилась",
    "дата рождения",
    "дата народження",
    "народився",
    "lahir",
    "tanggal lahir",
    "生年月日",
    "誕生日",
    "出生日期",
    "出生",
    "生日",
    "생년월일",
    "생일",
    "تاريخ الميلاد",
    "תאריך לידה",
    "जन्म तिथि",
    "ngày sinh",
    "วันเกิด",
    "anniversaire",
    "cumpleaños",
    "compleanno",
)
_ID_CONTEXT = (
    "паспорт",
    "паспорта",
    "διαβατήριο",
    "διαβατηρίου",
    "αριθμός ταυτότητας",
    "جواز السفر",
    "דרכון",
    "पासपोर्ट",
    "หนังสือเดินทาง",
    "护照",
    "旅券",
    "여권",
    "cestovní pas",
    "útlevél",
    "pașaport",
    "passi",
    "udostoverenie",
    "удостоверение",
    "ταυτότητα",
    "身分証",
    "dowód osobisty",
    "občanský průkaz",
    "henkilökortti",
    "id-kort",
    "buletin",
    "személyi igazolvány",
    "ktp",
    "cccd",
    "căn cước",
    "passport",
    "passport number",
    "passaporte",
    "paszport",
    "paszportu",
    "pasaport",
    "reisepassnummer",
    "passnummer",
    "paspoortnummer",
    "document no",
    "passport no",
    "passeport",
    "pasaporte",
    "passaporto",
    "reisepass",
    "pass-nr",
    "ausweis",
    "ausweisnummer",
    "personalausweis",
    "id card",
    "identity card",
    "id number",
    "id no",
    "national id",
    "carte d'identité",
    "carte d’identité",
    "cni",
    "dni",
    "nie",
    "documento",
    "carta d'identità",
    "license",
    "licence",
    "driver's license",
    "drivers license",
    "führerschein",
    "permis",
    "patente",
    "identification",
    "identificación",
    "tax id",
    "steuer-id",
    "codice fiscale",
    "nif",
    "document number",
    "paspoort",
    "paspoortnummer",
    "identiteitskaart",
    "rijbewijs",
    "bsn",
    "id#",
    "id:",
    "id document",
)

# Street words that name a street wherever they stand, with a house number or without one:
# they never end a person's name, so `names` reads "Rosa-Luxemburg-Straße", "Franklin
# Avenue" or "Piazza Garibaldi" as streets with these lists alone. The address patterns
# below read all of them and more: USPS suffixes ("Hill", "Ford", "Mills") and Germanic
# "-berg"/"-hof" are also surnames, so there they need a house number
# (tests/privacy/test_names_records_more.py checks that every word here is read there).
STREET_WORDS = (
    *("street", "avenue", "road", "boulevard", "lane", "drive", "square", "embankment"),
    *("terrace", "crescent", "parkway", "straße", "strasse", "platz", "allee", "gasse", "weg"),
    *("ring", "damm", "ufer", "chaussee", "markt", "steig", "laan", "straat", "plein"),
    *("gracht", "kade", "gatan", "vägen", "vej", "gade"),
)
# Words standing before a street's name ("Via Roma", "rue de la Paix"); the second tuple
# also in lower case ("via" and "largo" are everyday words in lower case).
STREET_PREFIXES = (
    *("Via", "Viale", "Piazza", "Piazzale", "Corso", "Largo", "Vicolo", "Rue", "Avenue"),
    *("Boulevard", "Place", "Quai", "Allée", "Calle", "Avenida", "Paseo", "Plaza", "Rambla"),
    *("Rua", "Rúa", "Praça", "Travessa", "Ulica"),
)
STREET_PREFIXES_ANY_CASE = (
    *("viale", "piazza", "corso", "rue", "place", "quai", "allée", "boulevard", "calle"),
    *("avenida", "paseo", "rua", "praça", "ulica"),
)
_STREET_EN = (
    "Street|St|Embankment|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Court|Ct|Place|Pl|"
    "Terrace|Ter|Circle|Cir|Square|Sq|Parkway|Pkwy|Highway|Hwy|Trail|Trl|Crescent|Close|Row|"
    "Loop|Ridge|Run|Park|Plaza|Point|Port|Village|Villages|View|Views|Walk|Walks|Ways|Mall|Mill|"
    "Mills|Gardens|Gardens|Heights|Hill|Hills|Spring|Springs|Stream|Valley|Valleys|Crossing|"
    "Junction|Key|Keys|Lake|Lakes|Manor|Manors|Meadow|Meadows|Mission|Mount|Mountain|Mountains|"
    "Orchard|Pass|Pike|Pine|Pines|Prairie|Ranch|Rapid|Rapids|Rest|Route|Shoal|Shoals|Shore|"
    "Shores|Station|Summit|Tunnel|Turnpike|Union|Unions|Vista|Well|Wells|Estate|Estates|"
    "Expressway|Extension|Extensions|Fall|Falls|Ferry|Field|Fields|Flat|Flats|Ford|Fords|"
    "Forest|Forge|Forges|Fork|Forks|Fort|Freeway|Glen|Glens|Green|Greens|Grove|Groves|Harbor|"
    "Harbors|Haven|Island|Islands|Isle|Knoll|Knolls|Landing|Light|Lights|Lock|Locks|Lodge|"
    "Motorway|Neck|Oval|Overpass|Radial|Ramp|River|Roads|Spur|Spurs|Squares|Stravenue|Throughway|"
    "Trace|Track|Trafficway|Underpass|Viaduct|Ville|Cape|Causeway|Center|Centers|Club|Common|"
    "Commons|Corner|Corners|Course|Courts|Cove|Coves|Creek|Crest|Curve|Dale|Dam|Divide|Drives|"
    "Bypass|Camp|Canyon|Burg|Burgs|Branch|Bridge|Brook|Brooks|Bluff|Bluffs|Bottom|Beach|Bend|"
    "Garden|Alley|Annex|Arcade|Cliff|Cliffs|Crossroad|Estate|Flat|Gateway|Harbour|Hollow|Inlet|Junctions|"
    "Lane|Mews|Orchard|Plains|Plain|Points|Ports|Ridges|Skyway|Streets|Summit|Vale|Via"
)
_ADDRESS_EN = re.compile(
    r"(?:\b(?:Flat|Studio|Apartment|Apt\.?|Unit|Suite)\s+\d{1,4}[A-Za-z]?,?\s+(?:\d{1,6}[A-Za-z]?\s+)?"
    # one blank after the number: "2025  Kartenzahlung … Plaza" is a statement's columns
    r"|\b\d{1,6}[A-Za-z]?(?:[ \t]|\n[ \t]*))(?:[NSEW]\.?[ \t]+)?"
    r"(?:(?:[A-Z][\w'.-]*|\d{1,3}(?:st|nd|rd|th))[ \t]+){1,3}"
    rf"(?:{_STREET_EN})\b\.?(?:[ \t](?:N|S|E|W|NE|NW|SE|SW)\b)?"
    r"(?:,?\s*(?:Apt\.?|Apartment|Suite|Ste\.?|Unit|#)\s*[\w-]+)?"
    r"(?:,?\s*[A-Z][A-Za-z .'-]{1,30},\s*[A-Z]{2}\s+\d{5}(?:-\d{4})?)?"
)
# A house number and street of any name, then a town and a UK postcode, on one line or
# two ("169 Kingsway\nLeeds LS6 2AB", "Flat 5, 12 The Crescent, York YO1 7HH").
_UK_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}\b")
_ADDRESS_UK = re.compile(
    r"(?:\b(?:Flat|Apartment|Unit|Suite)[ \t]+\d{1,4}[A-Za-z]?,?[ \t]+)?\b\d{1,5}[A-Za-z]?,?[ \t]+"
    r"[A-Z][\w'’.\-]*(?:[ \t]+[A-Z][\w'’.\-]*){0,3}(?:,[ \t]*|[ \t]*\n[ \t>]*)"
    r"(?:[A-Z][\w'’.\-]*,?[ \t]+){1,3}[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}\b"
)
# Indian addresses: "Flat 238, Nehru Nagar, Mumbai 400050", "H.No. 12-3-45, Banjara Hills,
# Hyderabad - 500034": a house or flat number, named parts, a city and a six-digit PIN code.
_ADDRESS_IN = re.compile(
    r"\b(?:Flat|House|Plot|Door|Shop|Block|H\.?[ \t]?No\.?)[ \t]*(?:No\.?[ \t]*)?[\w\-/]{1,10},"
    r"(?:[ \t]*[A-Z][\w.'’\-]{0,30}(?:[ \t][\w.'’\-]{1,30}){0,3},){0,4}"
    r"[ \t]*[A-Z][\w.\-]{1,30}(?:[ \t][A-Z][\w.\-]{1,30})?"
    r"[ \t]*(?:[-–][ \t]*)?\d{3}[ \t]?\d{3}(?!\d)"
)
_ADDRESS_BOX = re.compile(
    r"\b(?:PSC|Unit|USNS|USNV|USS|USCGC)\s\d{4}(?:,\s*Box\s\d{4})?"
    r"(?:\s*\n?\s*(?:APO|FPO|DPO)\s(?:AA|AE|AP)\s\d{5})?"
)
_DE_SUFFIX = (
    r"(?i:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|ufer|chaussee|steig|pfad|markt"
    r"|stieg|graben|berg|hof|park|laan|straat|plein|baan|kade|gracht|dijk|singel|steeg|dreef"
    r"|pad|hoven|erf|boulevard|straatweg|gatan|gata|vägen|väg|vej|gade|veien|vegen|gate|gaten"
    r"|katu|tie|kuja)"
)
_DE_SUFFIX_RE = re.compile(_DE_SUFFIX)
_ADDRESS_DE = re.compile(
    rf"\b(?:(?:[A-ZÄÖÜ][\wäöüß.]{{0,30}}-){{1,5}}|[A-ZÄÖÜ][\wäöüß]{{0,40}}){_DE_SUFFIX}(?:\s+|\s?)\d{{1,4}}[a-z]?(?:[-/]\d{{1,4}}[a-z]?)?\b"
    # "Herengracht 182-III", "Kärntner Ring 5-7/Top 12": a floor or a door after the number
    r"(?:-(?:[IVX]{1,4}|hs|huis|bis)\b|/(?:Top|Stiege|Tür)[ \t]?\d{1,4}\b)?"
    # "Mariahilfer Straße 149/12", "Wiedner Hauptstraße 40/3": an adjective, then the street
    rf"|\b[A-ZÄÖÜ][\wäöüß]{{1,30}}(?:er|sche|s)[ \t](?:[A-ZÄÖÜ][\wäöüß]{{0,30}})?{_DE_SUFFIX}"
    r"[ \t]?\d{1,4}[a-z]?(?:[-/]\d{1,4}[a-z]?)*\b(?:/(?:Top|Stiege|Tür)[ \t]?\d{1,4}\b)?"
    r"|\b(?:Am|An (?:der|dem|den)|Auf (?:der|dem|den)|Im|In (?:der|dem|den)|Zum|Zur|"
    r"(?:Hinter|Unter|Vor|Über|Bei|Neben) (?:der|dem|den))\s+[A-ZÄÖÜ][\wäöüß-]+\s+\d{1,4}[a-z]?\b"
    r"|\b[A-ZÄÖÜ][\wäöüß]{0,30}(?:-[A-ZÄÖÜ][\wäöüß]{0,30}){1,5}\s+\d{1,4}[a-z]?"
    # then a comma or a postcode, on its line or the next ("Status-Code 404" alone is none)
    r"(?=[ \t]*(?:,|\n[ \t]*\d{4,5}\b|[ \t]\d{5}))"
)
_ADDRESS_FR = re.compile(
    r"(?:\b\d{1,4}(?:\s?(?:bis|ter))?,?\s+)?\b(?:rue|avenue|av\.|boulevard|bd|place|chemin|allée|impasse|"
    r"route|quai|cours|square|passage|voie|sentier|faubourg|"
    r"Rue|Avenue|Boulevard|Chemin|Allée|Impasse|Quai|Faubourg)[ \t]+"
    r"(?:(?:de|du|des|la|le|les|l'|d'|l’|d’)[ \t]*){0,3}[A-ZÉÈÀÂÎÔÛÇ][\w'’-]*\w"
    r"(?:[ \t]+[A-ZÉÈÀÂÎÔÛÇ][\w'’-]*\w){0,3}"  # a closing quote is the string's
    r"(?:[ \t]+\d{1,4}[a-z]?\b)?"  # Swiss and Belgian style: "Rue du Marché 12"
)
_MONTH_WORD = (
    r"(?i:ene|feb|mar|abr|may|jun|jul|ago|sep|set|oct|ott|nov|dic|dec|gen|mag|giu|lug|jan|apr|"
    r"aug|janv|févr|fev|avr|mai|juin|juil|août|déc|dez|mär|okt)[a-zéèûô]*\b"
)
_ADDRESS_ES_IT = re.compile(
    r"\b(?:Calle|C/|C\.|Vial|Avenida|Avda\.|Av\.|Paseo|Plaza|Camino|Carrera|Ronda|Travesía|Callejón|Cañada|"
    r"Carrer|Passeig|Plaça|Avinguda|Travessera|Pasaje|Urbanización|Rambla|Glorieta|Alameda|Acceso|Cuesta|Via|Viale|Piazza|Piazzale|Corso|"
    r"Largo|Vicolo|Contrada|Borgo|Strada|Rotonda|Stretto|Incrocio|Canale|Lungomare|Salita|"
    r"Traversa|Piazzetta|Galleria|Circonvallazione|Quartiere|Pasadizo|Vía|Callejón|"
    r"Rua|Rúa|Travessa|Praça|Praca|Estrada|Rodovia|Beco|"
    r"ul\.|al\.|os\.|pl\.|Ulica|Aleja|Osiedle|Strada|Str\.|Bulevardul|Bd\.|Calea|Aleea|Jl\.|Jalan)\s+"
    r"(?:(?:de|del|la|las|los|di|della|dei|delle|degli|san|santa|das|dos|da|do)\s+)*"
    r"[A-ZÁÉÍÓÚÑÀÈÌÒÙ][\w'’-]+"
    # the street's words and its number on one line ("Piazza Cavour" / "Data 17/09" is none)
    r"(?:[ \t]+(?:(?:de|del|la|di|della|das|dos|da|do)[ \t]+)?[A-ZÁÉÍÓÚÑÀÈÌÒÙ][\w'’-]+){0,3},?"
    r"[ \t]*(?:n\.?[ \t]*|nº[ \t]*|nr\.?[ \t]*|No\.?[ \t]*)?\d{1,4}[A-Za-z]?"
    r"(?:/(?:\d{1,4}[A-Za-z]?|[A-Za-z]\b))?"
    rf"(?!\d|[ \t]+(?:de[ \t]+|di[ \t]+)?{_MONTH_WORD})"  # a dateline: "Via Appia, 7 de mayo"
    r"(?:\s*(?:Piso|Puerta|Apt\.|Interno|Int\.)\s*\w+){0,2}"
)

# Turkish (Atatürk Cad. No: 12 D: 3), Hungarian (Andrássy út 12), Nordic (Storgatan 5 is a
# suffix in _DE_SUFFIX).
_ADDRESS_TR_HU = re.compile(
    r"\b[A-ZÇĞİÖŞÜ][\wçğıöşü]{0,30}(?:[ \t][A-ZÇĞİÖŞÜ][\wçğıöşü]{0,30}){0,2}[ \t]"
    r"(?:Cad\.|Caddesi|Cd\.|Sok\.|Sokak|Sokağı|Sk\.|Bulvarı|Blv\.|Mah\.|Mahallesi)"
    r"(?:[ \t]*,?[ \t]*No[ \t]*:?[ \t]*\d{1,4}[A-Z]?)?"
    r"(?:[ \t]*(?:D|Daire|Kat)[ \t]*:?[ \t]*\d{1,3})?"
    r"|\b[A-ZÁÉÍÓÖŐÚÜŰ][\wáéíóöőúüű]{0,30}(?:-[\wáéíóöőúüű]{1,30})?"
    r"(?:[ \t][A-ZÁÉÍÓÖŐÚÜŰ][\wáéíóöőúüű]{0,30})?[ \t]"
    r"(?:utca|út|tér|körút|u\.)[ \t]\d{1,4}(?:/[A-Za-z0-9]{1,3})?"
)


# Russian and Ukrainian addresses: "ул. Тверская, д. 7, кв. 15", "Невский проспект, д. 28",
# "вул. Хрещатик, буд. 22"; Greek "Οδός Ερμού 25". Matched on the folded text, so the words
# are folded as the detectors see them.
def _folded_alternatives(words: str) -> str:
    return "|".join(re.escape(normalize(w).text) for w in words.split("|"))


_RU_STREET = _folded_alternatives(
    "ул.|улица|пр.|просп.|проспект|пер.|переулок|бул.|бульвар|наб.|набережная|ш.|шоссе|пл.|"
    "площадь|вул.|вулиця|пров.|провулок|бульв.|Ул.|Улица|Вул.|Вулиця"
)
_RU_HOUSE = _folded_alternatives("д.|дом|буд.|будинок")
_RU_FLAT = _folded_alternatives("кв.|квартира|оф.|офис|корп.|к.|стр.|строение")
_RU_WORDS = r"[^\W\d_][\w.\-]{0,30}(?:[ \t][^\W\d_][\w.\-]{0,30}){0,3}"
_ADDRESS_RU = re.compile(
    rf"(?:(?:{_folded_alternatives('г.|город|м.|місто')})[ \t]*[^\W\d_][\w\-]{{0,30}},[ \t]*)?"
    rf"(?:(?:{_RU_STREET})[ \t]*{_RU_WORDS}|{_RU_WORDS}[ \t](?:{_RU_STREET}))"
    rf",?[ \t]*(?:{_RU_HOUSE})[ \t]*\d{{1,4}}[^\W\d_]?(?:/\d{{1,4}})?"
    rf"(?:,?[ \t]*(?:{_RU_FLAT})[ \t]*\d{{1,4}}[^\W\d_]?){{0,3}}"
    r"(?:,[ \t]*[^\W\d_][\w\-]{1,30},?[ \t]*\d{6}\b)?"  # ", Санкт-Петербург, 191186"
)
_ADDRESS_EL = re.compile(
    rf"(?:{_folded_alternatives('Οδός|Οδ.|οδός|οδό|Λεωφόρος|Λεωφ.|λεωφόρος|Πλατεία|πλατεία')})"
    r"[ \t]+[^\W\d_][\w.\-]{0,30}(?:[ \t][^\W\d_][\w.\-]{0,30}){0,2}[ \t]+\d{1,4}[^\W\d_]?"
)
# Chinese, Japanese and Korean addresses by their administrative words: "北京市朝阳区建国路88号",
# "〒150-0002 東京都渋谷区渋谷2-21-1", "서울특별시 강남구 테헤란로 152".
_ADDRESS_CJK = re.compile(
    # a run of Han and kana (possessive: no backtracking into it) ending in a house number;
    # _cjk_address checks that it holds a province/city word and trims what comes before it
    r"(?:〒[ \t]?\d{3}-\d{4}[ \t]*)?[\u4e00-\u9fff\u3040-\u30ff]{3,30}+"
    r"\d{1,5}(?:[-－]\d{1,5}){0,3}(?:号|番地?|丁目(?:\d{1,5}(?:[-－]\d{1,5}){0,2})?)?"
    r"(?:[\u4e00-\u9fff]{1,4}+\d{1,5}(?:号|室|楼))?"
    r"|〒[ \t]?\d{3}-\d{4}"
    r"|[\uac00-\ud7af]{2,8}(?:시|도)[ \t][\uac00-\ud7af]{1,6}(?:구|군|시)[ \t]"
    r"[\uac00-\ud7af\d]{1,12}(?:로|길|동)(?:[ \t]?\d{1,4}(?:-\d{1,4})?(?:번길)?)?"
    r"(?:[ \t]\d{1,4}(?:-\d{1,4})?)?(?:,?[ \t]*\d{1,5}호)?"  # ", 33호": the flat
)
_CJK_REGION = re.compile("[省市都道府県县]|自治区")
_CJK_LOCAL = re.compile("[区市县郡町村]")


def _cjk_address(text: str, m: re.Match[str], base: float) -> tuple[int, int, float] | None:
    """A Han address holds a province or city word and a district, town or village word
    after it; it starts at most three characters before the first."""
    value = m.group(0)
    if not value[:1] or (not "\u4e00" <= value[0] <= "\u9fff" and value[0] != "〒"):
        return m.start(), m.end(), base  # Hangul: the pattern says it all
    region = _CJK_REGION.search(value)
    if value[0] == "〒" and region is None:
        return m.start(), m.end(), base
    if region is None or not _CJK_LOCAL.search(value, region.end()):
        return None
    start = m.start() if value[0] == "〒" else m.start() + max(0, region.start() - 3)
    return start, m.end(), base


# Latin America: Colombian "Calle 93 #11-26", "Cra. 7 No. 40-62"; Brazilian "Av. Paulista,
# 1578 - Bela Vista, São Paulo - SP, 01310-200" (street, number, district, city - state, CEP).
_ADDRESS_LATAM = re.compile(
    r"\b(?:Calle|Carrera|Cra\.?|Cr\.?|Cl\.?|Avenida|Av\.?|Diagonal|Dg\.?|Transversal|Tv\.?)"
    r"[ \t]\d{1,3}[A-Z]?(?:[ \t]?bis)?[ \t]*(?:#|No\.?|N[°º]\.?)[ \t]*"
    r"\d{1,3}[A-Z]?[ \t]*-[ \t]*\d{1,3}"
    r"(?:,[ \t]*[A-ZÀ-Ý][\w'’\-]+(?:[ \t][A-ZÀ-Ý][\w'’\-]+)?)?"
    r"|\b(?:Av\.|Avenida|Rua|R\.|Alameda|Al\.|Travessa|Praça|Estrada|Rodovia)[ \t]+"
    r"[A-ZÀ-Ý][\w'’.\-]*(?:[ \t]+(?:d[aoe]s?[ \t]+)?[A-ZÀ-Ý][\w'’.\-]*){0,3},[ \t]*"
    r"(?:n[º°o]\.?[ \t]*)?\d{1,5}"
    r"(?:[ \t]*[-,][ \t]*[^\n,;\-\d]{2,40}){0,3}[ \t]*[-,][ \t]*\d{5}-\d{3}"
)
_POSTCODE_AFTER_COMMA = re.compile(r"\d,[ \t]*(?:[A-Z]{1,2}-)?\d{4,5}[ \t]+[A-ZÀ-ÝĀ-Ž]")
_LATAM_TRIGGER = re.compile(r"#|No\.|N[°º]|\d{5}-\d{3}")
# A street of any name, its number, then a postcode and a town: "Ilica 42, 10000 Zagreb",
# "Kneza Miloša 10, 11000 Beograd" (a four-digit "postcode" that is a year is not one).
# (the words of the street are capitalised or particles: "for 'Ann Roe' at 'Ilica 42, …'"
# starts at "Ilica"; a quote closing the town is the string's, not the town's)
_ADDRESS_ANY = re.compile(
    r"\b[A-ZÀ-ÝĀ-Ž][^\W\d_][^\W\d_.\-]{0,29}(?:[.\-][^\W\d_]{0,20})*\.?"
    r"(?:[ \t](?:[A-ZÀ-ÝĀ-Ž]|d[aeio]\w{0,3}[ \t]|v[ao]n[ \t])[\w.\-]{0,30}){0,2}"
    r"[ \t]\d{1,4}[a-zA-Z]?(?:[/-]\d{1,4})?,"
    r"[ \t]*(?!(?:19|20)\d\d\b)(?:[A-Z]{1,2}-)?\d{4,5}"
    r"[ \t]+[A-ZÀ-ÝĀ-Ž][\w'’\-]*\w(?:[ \t][A-ZÀ-Ý][\w'’\-]*\w)?"
)
# A post box, then the town: "PO Box 4521, Austin, TX 78765", "Postfach 12 34, 3000 Bern".
_ADDRESS_POBOX = re.compile(
    r"\b(?:P\.?[ \t]?O\.?[ \t]?Box|Post Office Box|Postfach|Apartado(?: de correos)?|"
    r"Casella postale|Boîte postale|Caixa Postal)[ \t]+\d{1,6}(?:[ \t]\d{2,4})?"  # not "BP 120"
)
# Baltic streets: "Brīvības iela 55-8", "Narva mnt 7-12", "Gedimino pr. 20-5".
_ADDRESS_BALTIC = re.compile(
    r"\b[A-ZÀ-ÝĀ-Ž][\w'’\-]{1,30}[ \t](?:iela|mnt|maantee|tänav|tn|pst|puiestee|gatvė|g\.|pr\.|"
    r"prospektas|al\.|alėja|bulvāris|prospekts)[ \t]\d{1,4}[a-zA-Z]?(?:-\d{1,4})?"
)
# Czech and Slovak: a street with its two house numbers, then the postcode and town:
# "Vinohradská 1511/230, 100 00 Praha 10".
_ADDRESS_CZ = re.compile(
    r"\b[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][\wáčďéěíňóřšťúůýž]+(?:[ \t][\wáčďéěíňóřšťúůýžÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ]+){0,2}"
    r"[ \t]\d{1,5}/\d{1,4}[a-zA-Z]?,[ \t]*\d{3}[ \t]?\d{2}[ \t]+[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][\w\-]+"
    r"(?:[ \t]\d{1,2}\b)?"
)
_CARD_RE = re.compile(r"(?<![A-Za-z0-9_.\-])\d(?:[ \-]?\d){12,18}(?![\d\-]|\.\d)")
_EMAIL_RE = re.compile(r"(?<![\w.+\-'])[\w.+\-']{1,64}@(?:[\w\-]{1,63}\.)+[A-Za-z]{2,24}(?![\w\-])")
# A word character of a script written with spaces: text in Han, kana, Hangul or Thai runs
# into a number without one ("電話番号は+49 30 1234567です"), so those do not end a number.
_SPACED_W = r"[^\W\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]"
# Addresses written to dodge scrapers: "ana.silva [at] gmail [dot] com", "m.mueller(at)firma.de",
# "jdoe at example dot org" (the spelled-out form only with a spelled-out dot).
_AT = r"\s?[\[({]at[\])}]\s?"
_AT_WORD = r"(?:chiocciola|arroba|arobase|klammeraffe|snabel-a|małpa|malpa)"
_DOT_WORD = r"(?:dot|punto|punkt|point|ponto|prick|kropka|nokta)"
_DOT = r"(?:\s?[\[({]dot[\])}]\s?|\.)"
_EMAIL_WORDS_RE = re.compile(
    rf"(?i)(?<![\w.+\-])[\w.+\-]{{1,64}}{_AT}(?:[\w\-]{{1,63}}{_DOT}){{1,4}}[a-z]{{2,24}}(?![\w\-])"
    # spelled out: "ana dot lima at gmail dot com", "gaia chiocciola libero punto it",
    # "pepe arroba correo punto es", "jean arobase free point fr", "max klammeraffe web punkt de"
    # (the English "at" only with "dot": "look at data point in …" is no address)
    rf"|(?<![\w.+\-])[\w.+\-]{{1,64}}\s+(?:at\s+(?:[\w\-]{{1,63}}\s+dot\s+){{1,4}}"
    rf"|{_AT_WORD}\s+(?:[\w\-]{{1,63}}\s+{_DOT_WORD}\s+){{1,4}})"
    r"(?:com|org|net|edu|gov|info|biz|io|co|me|eu|de|fr|es|it|nl|pl|uk|ch|at|be|pt|br|in|ru|jp|"
    r"cn|tr|se|dk|no|fi|us|ca|au|cz|ro|hu|gr|ie|mx|ar|cl|za|kr|sg|id|vn|th)\b(?:\.[a-z]{2}\b)?"
)
# A phone number in a click-to-chat or call link: wa.me/4915123456789,
# api.whatsapp.com/send?phone=…, tel:+49…, callto:…
_CHAT_LINK_PHONE_RE = re.compile(
    r"(?:(?<=wa\.me/)|(?<=[?&]phone=)|(?<=tel:)|(?<=callto:))"
    r"(?:\+|%2B)?\d[\d\-.]{6,18}\d(?![\d])"
)
_CHAT_LINK_TRIGGER = re.compile(r"wa\.me/|phone=|tel:|callto:")
# (the at-words are rare; " point " and " punto " are everyday words)
_EMAIL_WORDS_TRIGGER = re.compile(
    r"(?i)[\[({]at[\])}]| dot | (?:chiocciola|arroba|arobase|klammeraffe|snabel-a|małpa|malpa) "
)
PHONE_RE = re.compile(
    # "089 / 123 45 67": a slash only after an area code; "label:0301234567" but not "12:34"
    rf"(?<!{_SPACED_W})(?<![+.\-/])(?<!\d:)"
    rf"(?:(?:\+\d{{1,3}} ?(?:\(0\) ?)?|0)\d{{1,4}} / |\d{{2,5}}/|\(\+\d{{1,3}}\) ?|\+|\()?"
    rf"\d[\d ().\-]{{5,24}}\d"
    r"(?:\s?(?:x|ext\.?)\s?\d{1,6})?"
    # Never stop short of the number's last group (a shorter match would send its tail in
    # clear); a colon ends a number ("+1 415 555 9848: late") unless a time or port follows.
    rf"(?!{_SPACED_W}|:\d|\.\d|-\d| \d)"
)
_IBAN_RE = re.compile(
    # (a line break may stand for a group's blank: an IBAN wrapped in a PDF's or a letter's text)
    # (also after a trailing blank: "SE90 8313 \n4258 …")
    rf"(?<!{_SPACED_W})[A-Z]{{2}}\d{{2}}(?:(?:[ \-]|[ \t]?\r?\n)?[A-Z0-9]){{11,34}}",
    re.IGNORECASE,
)
_SSN_RE = re.compile(r"(?<![\d\-.])\d{3}(?P<sep> - |[\- ]?)\d{2}(?P=sep)\d{4}(?![\d\-]|\.\d)")
_IPV4_RE = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w]|\.\d)")
_IPV6_RE = re.compile(
    r"(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?(?:%\w+)?(?![\w:])"
)
_URL_CRED_RE = re.compile(
    r"\b[a-z][a-z0-9+.\-]{1,15}://[^\s/@:]*:[^\s/@]+@[^\s<>\"']+"
    # (the part before the parameter is bounded: unbounded, "https://" repeated is quadratic)
    r"|\bhttps?://[^\s<>\"']{1,600}?[?&#;](?:access_token|id_token|refresh_token|token|api_key|apikey|"
    r"key|secret|password|passwd|pwd|sig|signature|auth|client_secret|x-amz-signature|"
    r"x-amz-credential|x-goog-signature|session|sessionid|code)=[^\s&#<>\"']+[^\s<>\"']*",
    re.IGNORECASE,
)
# Month names are matched as any short word here and checked against the
# month table in the validator: one cheap pattern instead of ~80 alternatives
# tried at every position.
DOB_RE = re.compile(
    r"(?<![\w.\-/])(?:(?P<iy>(?:19|20)\d{2})(?P<isep>[-/.])(?P<im>\d{1,2})(?P=isep)(?P<id>\d{1,2})"
    # 1990年1月2日, 1990년 1월 2일
    r"|(?P<cy>(?:19|20)\d{2})\s?[年년]\s?(?P<cm>\d{1,2})\s?[月월]\s?(?P<cd>\d{1,2})\s?[日일]?"
    r"|(?P<na>\d{1,2})[./\-](?P<nb>\d{1,2})[./\-](?P<ny>(?:19|20)?\d{2})"
    r"|(?P<td>\d{1,2})(?:st|nd|rd|th|er|º)?\.?(?:\s+|-)(?:de\s+|of\s+)?"
    r"(?P<tm>[^\W\d_]{3,12})\.?,?"
    r"(?:\s+|-)(?:de\s+)?(?P<ty>(?:19|20)?\d{2})"
    r"|(?P<tm2>[^\W\d_]{3,12})\.?\s+(?P<td2>\d{1,2})(?:st|nd|rd|th)?,?\s+"
    r"(?P<ty2>(?:19|20)\d{2}))"
    r"(?!\d)",
)
_SECRET_PREFIX_RE = re.compile(
    # The first characters of every format below, checked first, and the word boundary
    # that starts all but two of them checked once: sre then skips most positions without
    # trying ~40 alternatives.
    r"(?=[sSAgxrphnedlPNfkaH\-0-9])"
    r"(?:\b(?:sk-(?:proj-|ant-(?:api\d\d-)?|live-)?[A-Za-z0-9_\-]{20,}"
    r"|(?:AKIA|ASIA|AGPA|AIDA|AROA)[0-9A-Z]{16}\b"
    r"|gh[pousr]_[A-Za-z0-9]{36,255}\b|github_pat_[A-Za-z0-9_]{22,255}\b"
    r"|xox[abposr]-[A-Za-z0-9\-]{10,}"
    r"|AIza[0-9A-Za-z_\-]{35}"
    r"|[rsp]k_(?:live|test)_[0-9A-Za-z]{16,}"
    r"|glpat-[0-9A-Za-z_\-]{20,}|hf_[A-Za-z0-9]{30,}|npm_[A-Za-z0-9]{36}\b"
    r"|SG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43}"
    r"|eyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}"
    # Incoming webhooks: whoever holds the URL can post as the app.
    r"|https://hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9_/\-]{20,}"
    r"|https://(?:ptb\.|canary\.)?discord(?:app)?\.com/api/webhooks/\d{5,30}/[\w\-]{20,}"
    r"|https://[\w\-]+\.webhook\.office\.com/webhookb2/[\w@\-/]{40,}"
    r"|https://chat\.googleapis\.com/v1/spaces/[\w\-]+/messages\?[^\s\"'<>]*key=[^\s\"'<>]+"
    r"|\d{8,10}:AA[\w\-]{33}\b"  # Telegram bot token
    r"|dop_v1_[a-f0-9]{64}\b|glsa_[A-Za-z0-9_]{32,}|shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}\b"
    r"|xapp-\d-[A-Z0-9]+-\d+-[a-z0-9]{32,}"
    # PyPI, Vault, Groq, Replicate, Linear, Postman, New Relic, Databricks, Doppler, Square,
    # Figma, Mailgun, Docker Hub, Atlassian tokens
    r"|pypi-AgE[A-Za-z0-9_\-]{50,}|hv[sbr]\.[A-Za-z0-9_\-]{24,}|gsk_[A-Za-z0-9]{20,}"
    r"|r8_[A-Za-z0-9]{20,}|lin_api_[A-Za-z0-9]{20,}|PMAK-[a-f0-9]{24}-[a-f0-9]{34}"
    r"|NRAK-[A-Z0-9]{27}\b|dapi[a-f0-9]{32}\b|dp\.(?:st|sa|ct)\.[A-Za-z0-9_\-]{20,}"
    r"|sq0(?:atp|csp)-[A-Za-z0-9_\-]{22,}|figd_[A-Za-z0-9_\-]{20,}|key-[a-f0-9]{32}\b"
    r"|dckr_pat_[A-Za-z0-9_\-]{20,}|ATATT[A-Za-z0-9_\-=]{40,}"
    # Mapbox secret tokens (pk. ones are public), Braintree/PayPal access tokens, a Sentry DSN
    # with its key
    # Twilio API keys (SK + 32 hex), Heroku API keys
    r"|SK[0-9a-f]{32}\b|HRKU-[A-Za-z0-9_\-]{30,}"
    r"|sk\.eyJ[A-Za-z0-9_\-]{20,}\.[A-Za-z0-9_\-]{10,}"
    r"|access_token\$(?:production|sandbox)\$[0-9a-z]{16}\$[0-9a-f]{32}"
    r"|https://[0-9a-f]{32}(?::[0-9a-f]{32})?@[\w.\-]{0,100}sentry[\w.\-]{0,100}/\d+"
    r")|-----BEGIN (?:[A-Z]+ )*PRIVATE KEY(?: BLOCK)?-----"
    # (to its END line, or as far as the key's base64 goes when the paste was cut off)
    r"(?:[\s\S]{0,16000}?-----END (?:[A-Z]+ )*PRIVATE KEY(?: BLOCK)?-----"
    r"|[A-Za-z0-9+/=\s\\n]{0,16000})"
    # HTTP basic credentials: base64 of user:password
    r"|(?i:authorization)[\"']?\s*[:=]\s*[\"']?(?i:basic)\s+[A-Za-z0-9+/]{8,}={0,2})"
)
# More providers' formats, each with a prefix no prose holds (a trigger finds the prefixes
# first): Notion (secret_, ntn_), Dropbox (sl.), Supabase (sbp_), Sentry auth (sntrys_), age
# secret keys, Fly.io (fo1_), Tailscale (tskey-), Pulumi (pul-), Grafana Cloud (glc_),
# 1Password service accounts (ops_), Azure AD client secrets (…8Q~…), Terraform Cloud
# (….atlasv1.…), Mailchimp (hex-usN), Airtable personal tokens (patXXXX.hex).
_MORE_PROVIDER_KEYS_RE = re.compile(
    r"\bsecret_[A-Za-z0-9]{43}\b|\bntn_[A-Za-z0-9]{40,50}\b|\bsl\.[A-Za-z0-9_\-]{130,}"
    r"|\bsbp_[a-f0-9]{40}\b|\bsntrys_[A-Za-z0-9_+/=]{40,}|\bAGE-SECRET-KEY-1[0-9A-Z]{58}\b"
    r"|\bfo1_[A-Za-z0-9_\-]{40,}|\btskey-(?:auth|api|client)-[A-Za-z0-9]{8,}-[A-Za-z0-9]{20,}"
    r"|\bpul-[a-f0-9]{40}\b|\bglc_[A-Za-z0-9+/]{32,}={0,2}|\bops_eyJ[A-Za-z0-9_\-]{40,}"
    r"|(?<![\w~.\-])[A-Za-z0-9_~.\-]{3}8Q~[A-Za-z0-9_~.\-]{31,34}(?![\w~.\-])"
    r"|\b[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_\-]{60,}|\b[0-9a-f]{32}-us\d{1,2}\b"
    r"|\bpat[A-Za-z0-9]{14}\.[a-f0-9]{64}\b"
    # Facebook/Meta access tokens, Contentful, Netlify and Render tokens; a TOTP seed in an
    # otpauth:// URI (whoever holds it generates the codes); an OpenVPN static key
    r"|\bEAA[A-Za-z0-9]{90,}|\bCFPAT-[A-Za-z0-9_\-]{43}\b|\bnfp_[A-Za-z0-9]{36,}|\brnd_[A-Za-z0-9]{32,}"
    r"|(?<=otpauth://)[^\s\"'<>]{1,300}?[?&]secret=[A-Z2-7]{16,128}=*"
    r"|-----BEGIN OpenVPN Static key V1-----[\s\S]{0,2000}?-----END OpenVPN Static key V1-----"
)
_MORE_PROVIDER_TRIGGER = re.compile(
    r"secret_|ntn_|sl\.|sbp_|sntrys_|AGE-SECRET|fo1_|tskey-|pul-|glc_|ops_eyJ|8Q~|\.atlasv1\.|-us\d"
    r"|pat\w{14}\.|EAA|CFPAT-|nfp_|rnd_|otpauth://|OpenVPN Static"
)
# A PIN or card security code written out: a credential, however short.
_PIN_RE = re.compile(
    r"(?i)(?<![a-z0-9])(?:pin|pin[ \-]?code|pincode|geheimzahl|code pin|cvv2?|cvc2?|"
    r"card security code|door code|gate code|alarm code|entry code|access code|türcode|"
    r"digicode|code d'accès|código de acceso|codice d'accesso)"
    # what it is for: "el pin del portátil es …", "the PIN for the garage: …"
    r"(?:[ \t]+(?:for|of|del|de|du|de la|della|di|per|pour|para|für|vom|von)[ \t]+"
    r"(?:the|my|la|le|el|il|das|den|dem|der|mi|mon|ma)?[ \t]*"
    # (a possessive among them: "the PIN for dad's account is …")
    r"(?:[^\W\d_]{2,15}(?:['’]s)?[ \t]+)?[^\W\d_]{2,15})?"
    r"[\"']?(?:\s*[:=]\s*|[ \t]+(?:is|ist|est|es|è)?[ \t]*)[\"']?(?P<value>\d{3,8})(?![\d.:])"
)
# A conference call's dial-in: its PIN (or access code) goes to every invitee.
_DIAL_IN = re.compile(
    r"(?i)dial[ \-]?in|call[ \-]?in|einwahl|conference|konferenz|bridge|meeting|réunion|"
    r"reunión|riunione|vergadering|webex|zoom|teams|audioconf|numéro d'appel|teléfono de acceso"
)
_PHONE_RIGHT_BEFORE = re.compile(r"\+?\d[\d ()\-]{5,20}\d[ \t,;]*(?:\(|,)?[ \t]*$")


def _pin(text: str, m: re.Match[str], base: float) -> tuple[int, int, float] | None:
    """A PIN, unless it is a conference call's: after a dial-in number, on a meeting's line."""
    line_start = text.rfind("\n", 0, m.start()) + 1
    line_end = text.find("\n", m.end())
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    if _DIAL_IN.search(line) and _PHONE_RIGHT_BEFORE.search(text, line_start, m.start()):
        return None
    return m.start("value"), m.end("value"), base


_SECRET_TOKEN_RE = re.compile(r"(?<![\w/+\-.])[A-Za-z0-9+/_\-]{20,512}={0,2}(?![\w/+=\-])")
_GEO_RE = re.compile(
    r"(?<![\w.])(?P<lat>[-+]?\d{1,2}\.\d{3,9})°?\s?(?P<ns>[NS])?(?P<sep>\s?[,;]\s{0,2}|\s{1,2}|/)"
    r"(?P<lon>[-+]?\d{1,3}\.\d{3,9})°?\s?(?P<ew>[EW])?(?!\w|\.\d)"
)
# Degrees, minutes and optional seconds: 40°26'46"N 79°58'56"W, N 47° 22.5' E 8° 32.7'.
_DMS = r"\d{1,3}°\s?\d{1,2}(?:\.\d+)?['′]\s?(?:\d{1,2}(?:\.\d+)?(?:″|′′|\"|'')\s?)?"
_GEO_DMS_RE = re.compile(
    rf"(?<![\w°])(?:[NS]\s?{_DMS}|{_DMS}[NS])[,;]?\s*(?:[EW]\s?{_DMS}|{_DMS}[EW])(?!\w)"
)
_GEO_FIELD_RE = re.compile(
    r"(?i)(?<![a-z])(?P<key>lat|latitude|lng|lon|long|longitude)[\"']?(?:\s*[:=]\s*|[ \t])[\"']?"
    r"(?P<v>[-+]?\d{1,3}\.\d{2,9})(?![\d.])"
)
_ID_RE = re.compile(r"(?<![\w\-])(?=[A-Z0-9\-]*\d)[A-Z0-9][A-Z0-9\-]{4,13}[A-Z0-9](?![\w\-])")
# (the control letter may be typed in lower case: "dni 40961335z")
_DNI_RE = re.compile(
    r"(?<![\w\-.])(?:\d{8}|\d{2}\.\d{3}\.\d{3}|[XYZ]-?\d{7})[- ]?[A-Za-z](?![\w\-])"
)


def builtin_rules() -> tuple[Rule, ...]:
    """The built-in pattern rules for every non-name entity type."""
    from edgekit.privacy.national_ids import national_id_rules  # it builds on Rule
    from edgekit.privacy.world_ids import world_id_rules

    return (
        Rule(t.EMAIL, _EMAIL_RE, 0.95, _email, trigger="@"),
        Rule(t.EMAIL, _EMAIL_WORDS_RE, 0.8, _obfuscated_email, trigger=_EMAIL_WORDS_TRIGGER),
        Rule(t.URL_CREDENTIALS, _URL_CRED_RE, 0.98, _url, trigger="://"),
        Rule(
            t.CREDIT_CARD,
            _CARD_RE,
            0.9,
            _card,
            (
                "card",
                "credit",
                "visa",
                "mastercard",
                "amex",
                "karte",
                "kreditkarte",
                "carte",
                "tarjeta",
                "carta",
                "cc",
                "payment",
            ),
            NEG_NUMBERS,
        ),
        Rule(
            t.IBAN,
            _IBAN_RE,
            0.95,
            _iban,
            ("iban", "bank", "account", "konto", "compte", "cuenta", "conto"),
        ),
        Rule(
            t.US_SSN,
            _SSN_RE,
            0.75,
            _ssn,
            ("ssn", "social security", "ss#", "ssa", "taxpayer"),
            NEG_NUMBERS,
        ),
        Rule(t.PHONE, PHONE_RE, 0.5, _phone, _PHONE_CONTEXT, _NEG_PHONE),
        Rule(t.PHONE, _CHAT_LINK_PHONE_RE, 0.9, trigger=_CHAT_LINK_TRIGGER),
        Rule(
            t.IP_ADDRESS,
            _IPV4_RE,
            0.8,
            _ipv4,
            ("ip", "address", "host", "server", "client"),
            ("version", "v", "release", "build", "oid", "snmp"),
            trigger=".",
        ),
        Rule(t.IP_ADDRESS, _IPV6_RE, 0.8, _ipv6, ("ip", "ipv6", "address", "host"), trigger=":"),
        Rule(t.DATE_OF_BIRTH, DOB_RE, 0.25, _dob, _DOB_CONTEXT, rescan_rejected=True),
        Rule(t.SECRET, _SECRET_PREFIX_RE, 0.97, _provider_key),
        Rule(t.SECRET, _MORE_PROVIDER_KEYS_RE, 0.97, _provider_key, trigger=_MORE_PROVIDER_TRIGGER),
        Rule(t.SECRET, _PIN_RE, 0.8, _pin, group="value"),
        Rule(t.SECRET, _SECRET_TOKEN_RE, 0.3, _secret_token, _SECRET_CONTEXT, _NEG_SECRET),
        Rule(
            t.GEO_COORDINATES,
            _GEO_RE,
            0.55,
            _geo,
            (
                "lat",
                "lon",
                "lng",
                "geo",
                "latitude",
                "longitude",
                "coordinates",
                "coords",
                "gps",
                "location",
                "located",
                "koordinaten",
                "coordonnées",
                "coordenadas",
                "coordinate",
                "position",
            ),
        ),
        Rule(t.GEO_COORDINATES, _GEO_DMS_RE, 0.9, trigger="°"),
        Rule(t.GEO_COORDINATES, _GEOJSON_PAIR_RE, 0.9, _geojson, trigger="coordinates"),
        Rule(t.GEO_COORDINATES, _GEO_FIELD_RE, 0.8, _geo_field),
        Rule(t.ID_NUMBER, _DNI_RE, 0.7, _dni, _ID_CONTEXT),
        *national_id_rules(),
        *world_id_rules(),
        Rule(t.ID_NUMBER, _ID_RE, 0.2, _id, (*_ID_CONTEXT, "no.", "nr."), NEG_NUMBERS),
        Rule(t.ADDRESS, _ADDRESS_EN, 0.8, _address),
        Rule(t.ADDRESS, _ADDRESS_BOX, 0.8),
        Rule(t.ADDRESS, _ADDRESS_UK, 0.8, trigger=_UK_POSTCODE),
        Rule(t.ADDRESS, _ADDRESS_IN, 0.8),
        Rule(t.ADDRESS, _ADDRESS_DE, 0.8, _address_de),
        Rule(t.ADDRESS, _ADDRESS_FR, 0.8, _address),
        Rule(t.ADDRESS, _ADDRESS_ES_IT, 0.8, _address),
        Rule(t.ADDRESS, _ADDRESS_TR_HU, 0.8, _address),
        Rule(t.ADDRESS, _ADDRESS_RU, 0.8, trigger=re.compile(_RU_STREET)),
        Rule(t.ADDRESS, _ADDRESS_EL, 0.8, _address),
        Rule(
            t.ADDRESS,
            _ADDRESS_CJK,
            0.8,
            _cjk_address,
            trigger=re.compile("[市都道府県县区구군시〒]"),
        ),
        Rule(t.ADDRESS, _ADDRESS_LATAM, 0.8, _address, trigger=_LATAM_TRIGGER),
        Rule(t.ADDRESS, _ADDRESS_CZ, 0.8, trigger="/"),
        Rule(t.ADDRESS, _ADDRESS_ANY, 0.8, _address, trigger=_POSTCODE_AFTER_COMMA),
        Rule(t.ADDRESS, _ADDRESS_POBOX, 0.8, _address),
        Rule(t.ADDRESS, _ADDRESS_BALTIC, 0.8, _address),
    )
