"""The privacy filter: normalize, run every detector, map spans back, resolve overlaps."""

from __future__ import annotations

import bisect
import hashlib
import itertools
import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import cast

from edgekit._logging import get_logger
from edgekit.errors import PrivacyError
from edgekit.privacy.config import PrivacyConfig
from edgekit.privacy.detectors import PatternDetector, bare_street, builtin_rules
from edgekit.privacy.names import (
    NameHeuristicDetector,
    ambiguous_names,
    is_family_name,
    is_function_word,
    is_given_name,
    name_lines_above,
    whole_name,
)
from edgekit.privacy.normalize import normalize
from edgekit.privacy.structure import strip_span
from edgekit.privacy.types import (
    ADDRESS,
    EMAIL,
    PERSON,
    Candidate,
    CoverageAwareDetector,
    Detector,
    Finding,
)

log = get_logger(__name__)

MAX_TEXT_CHARS = 4_000_000
_RECENT_SCANS = 256


def default_detectors(config: PrivacyConfig) -> list[Detector]:
    """Patterns, field and script names, plus the NER model if wanted and installed, and the
    given-name heuristic."""
    from edgekit.privacy import ner
    from edgekit.privacy.field_names import FieldNameDetector
    from edgekit.privacy.handles import HandleDetector
    from edgekit.privacy.hl7 import Hl7Detector
    from edgekit.privacy.labelled import LabelledValueDetector
    from edgekit.privacy.record_names import RecordNameDetector
    from edgekit.privacy.script_names import ScriptNameDetector

    # Names by field (forms, JSON, CSV) and in non-Latin scripts, whatever finds the rest.
    detectors: list[Detector] = [
        PatternDetector(builtin_rules()),
        LabelledValueDetector(),
        Hl7Detector(),
        FieldNameDetector(),
        RecordNameDetector(),
        ScriptNameDetector(),
        HandleDetector(),
    ]
    if config.ner == "off":
        detectors.append(NameHeuristicDetector())
    elif ner.ner_available(config.ner_model_dir):
        # The model finds names the list does not know; the list and its cues
        # catch names the model misses. Findings of both are merged.
        detectors.append(ner.OnnxNerDetector(config.ner_model_dir))
        detectors.append(NameHeuristicDetector())
    elif config.ner == "on":
        raise PrivacyError("ner='on' but no NER model is installed")
    else:
        log.info("NER model not installed; person names use the dictionary heuristic")
        detectors.append(NameHeuristicDetector())
    return detectors


class Filter:
    """Finds personal data in text.

    ``scan`` returns non-overlapping findings in offsets of the ORIGINAL text,
    sorted by position; the findings of the ``reuse`` most recent texts are kept
    (under a hash) and returned again for the same text. A detector that raises makes the scan raise
    :class:`PrivacyError` (fail closed: the caller must not send anything).
    """

    def __init__(
        self,
        config: PrivacyConfig | None = None,
        detectors: Sequence[Detector] | None = None,
        *,
        reuse: int = _RECENT_SCANS,
    ) -> None:
        self.config = config or PrivacyConfig()
        self.detectors: list[Detector] = (
            list(detectors) if detectors is not None else default_detectors(self.config)
        )
        # A conversation is scanned again at every escalation: the findings of recent texts
        # are kept under a hash of the text (never the text itself).
        self._recent: OrderedDict[tuple[bytes, float, tuple[int, ...]], list[Finding]] = (
            OrderedDict()
        )
        self._recent_lock = threading.Lock()
        self._reuse = reuse

    @property
    def detector_names(self) -> tuple[str, ...]:
        """Names of the active detectors (says whether names come from NER or the heuristic)."""
        return tuple(d.name for d in self.detectors)

    def add_detector(self, detector: Detector) -> None:
        """Add a custom detector (see :class:`RegexDetector`, :class:`CallableDetector`)."""
        if not isinstance(detector, Detector):
            raise PrivacyError("a detector needs a name and a detect(text) method")
        self.detectors.append(detector)

    def scan(self, text: str, *, min_score: float | None = None) -> list[Finding]:
        """Every finding at or above the configured score threshold."""
        if not isinstance(text, str):
            raise PrivacyError("scan() takes text (str)")
        if len(text) > MAX_TEXT_CHARS:
            raise PrivacyError(f"text too long to scan ({len(text)} characters)")
        if not text:
            return []
        threshold = self.config.min_score if min_score is None else min_score
        if self._reuse <= 0 or not self._pure():
            return self._scan(text, threshold)
        key = (
            hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest(),
            threshold,
            tuple(map(id, self.detectors)),
        )
        with self._recent_lock:
            if key in self._recent:
                self._recent.move_to_end(key)
                return list(self._recent[key])
        found = self._scan(text, threshold)
        with self._recent_lock:
            self._recent[key] = found
            while len(self._recent) > self._reuse:
                self._recent.popitem(last=False)
        return list(found)

    def _pure(self) -> bool:
        """Only EdgeKit's own detectors are known to depend on the text alone (a custom
        callable may learn new names between two scans)."""
        return all(
            type(d).__module__.startswith("edgekit.privacy.")
            and type(d).__name__ != "CallableDetector"
            for d in self.detectors
        )

    def _scan(self, text: str, threshold: float) -> list[Finding]:
        norm = normalize(text)
        found: list[Finding] = []
        covered: list[tuple[int, int]] = []  # spans already found, in normalized offsets
        addresses: list[int] = []  # where found addresses start, in normalized offsets
        # Detectors that can skip what others found (the NER model) run last.
        ordered = sorted(self.detectors, key=_coverage_aware)
        for detector in ordered:
            candidates = _run_detector(detector, norm.text, covered)
            for cand in candidates:
                if cand.score < threshold:
                    continue
                if cand.type == ADDRESS and bare_street(norm.text, cand.start, cand.end):
                    continue  # a street named as a place, not someone's address
                covered.append((cand.start, cand.end))
                cand_start, cand_end = cand.start, cand.end
                if cand.type == PERSON:  # grown on the decoded text: "name=Unai+García+López"
                    cand_start, cand_end = whole_name(norm.text, cand_start, cand_end)
                start, end = norm.to_original(cand_start, cand_end)
                start, end = strip_span(text, start, end)
                if start < end:
                    found.append(Finding(cand.type, start, end, cand.score, detector.name))
                if cand.type == ADDRESS:
                    addresses.append(cand.start)
        for cand in name_lines_above(norm.text, addresses):  # the addressee over an address
            start, end = norm.to_original(cand.start, cand.end)
            found.append(Finding(cand.type, start, end, cand.score, "names-records"))
        return resolve_overlaps(found + _repeats(text, found))


def _coverage_aware(detector: Detector) -> bool:
    """What ``isinstance(detector, CoverageAwareDetector)`` says, without the Protocol's
    per-call attribute walk (it cost ~3 ms/KB of scanning)."""
    return callable(getattr(detector, "detect_uncovered", None))


def _run_detector(
    detector: Detector, text: str, covered: Sequence[tuple[int, int]]
) -> Sequence[Candidate]:
    """One detector's candidates; any failure fails the whole scan closed."""
    try:
        if _coverage_aware(detector):
            return cast(CoverageAwareDetector, detector).detect_uncovered(text, covered)
        return detector.detect(text)
    except Exception as exc:
        name = getattr(detector, "name", "?")
        log.warning("privacy detector %s failed (%s); failing closed", name, type(exc).__name__)
        raise PrivacyError(f"privacy detector {name} failed") from exc


_MIN_REPEAT = 3  # shorter values are not looked for again


def _repeats(text: str, found: list[Finding]) -> list[Finding]:
    """Other occurrences in ``text`` of a value found once ("Dear Xiuying Wang, …" and later
    "Wang agreed"): a found name's capitalised parts too, also in lower case, unless they
    are everyday words.
    The redactor does the same across the turns of a conversation."""
    values: dict[str, Finding] = {}
    for f in found:
        value = text[f.start : f.end]
        if len(value) >= _MIN_REPEAT:
            values.setdefault(value, f)
        if f.type == EMAIL:  # "aoife.byrne@…": "Aoife", "byrne" elsewhere name her
            for part in _LOCAL_PART_SPLIT.split(value.split("@", 1)[0]):
                if len(part) >= _MIN_REPEAT and _named(part):
                    person = Finding(PERSON, f.start, f.end, f.score, f.detector)
                    values.setdefault(part.capitalize(), person)
                    values.setdefault(part.lower(), person)
        if f.type == PERSON:
            for part in value.split():
                part = part.strip(",.")
                if len(part) >= _MIN_REPEAT and part[0].isupper() and not _everyday(part):
                    values.setdefault(part, f)
                    values.setdefault(part.lower(), f)  # "Xiuying Wang" … "ask xiuying"
    covered = sorted((f.start, f.end) for f in found)
    starts = [a for a, _ in covered]
    reach = list(itertools.accumulate((e for _, e in covered), max))  # furthest end so far
    out: list[Finding] = []
    for value, source in values.items():  # str.find: no pattern compiled per scan
        at = text.find(value)
        while at >= 0:
            end = at + len(value)
            if _whole_word(text, at, end) and not _overlaps(starts, reach, at, end):
                out.append(Finding(source.type, at, end, source.score, "repeat"))
            at = text.find(value, at + 1)
    return out


def _whole_word(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is not part of a longer word, address or domain."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if before.isalnum() or before in "_@." or after.isalnum() or after in "_@":
        return False
    return not (after == "." and end + 1 < len(text) and text[end + 1].isalnum())


def _overlaps(starts: list[int], reach: list[int], start: int, end: int) -> bool:
    """A covered span (sorted ``starts``, running maximum of ends ``reach``) overlaps."""
    i = bisect.bisect_left(starts, end)
    return i > 0 and reach[i - 1] > start


_LOCAL_PART_SPLIT = re.compile(r"[._\-+\d]+")


def _named(word: str) -> bool:
    """A given or family name that is no everyday word."""
    return (is_given_name(word) or is_family_name(word)) and not _everyday(word)


def _everyday(word: str) -> bool:
    return is_function_word(word) or word.lower() in ambiguous_names()


def resolve_overlaps(findings: list[Finding]) -> list[Finding]:
    """Non-overlapping findings that leave nothing out where possible.

    Overlapping findings of one type merge into their union; a finding lying
    strictly inside another is dropped (the container covers it: an e-mail in
    a credential URL, digits inside a phone number); remaining partial
    overlaps keep the highest score, then the longest, then the earliest.
    """
    merged = _drop_contained(_union_same_type(findings))
    ranked = sorted(merged, key=lambda f: (-f.score, -(f.end - f.start), f.start))
    kept: list[Finding] = []
    starts: list[int] = []  # starts and ends of the kept, non-overlapping spans, sorted
    ends: list[int] = []
    for f in ranked:
        i = bisect.bisect_left(starts, f.end)  # kept spans starting before f ends
        if i > 0 and ends[i - 1] > f.start:
            continue
        starts.insert(i, f.start)
        ends.insert(i, f.end)
        kept.append(f)
    kept.sort(key=lambda f: f.start)
    return kept


def _drop_contained(findings: list[Finding]) -> list[Finding]:
    """Findings not lying strictly inside a longer one (one pass over the sorted spans)."""
    out: list[Finding] = []
    container: Finding | None = None
    for f in sorted(findings, key=lambda f: (f.start, -f.end)):
        if container is not None and f.end <= container.end and _inside(f, container):
            continue
        out.append(f)
        if container is None or f.end > container.end:
            container = f
    return out


def _union_same_type(findings: list[Finding]) -> list[Finding]:
    """Merge overlapping findings of one type into their union (no fragment left out)."""
    out: list[Finding] = []
    for f in sorted(findings, key=lambda f: (f.type, f.start, f.end)):
        last = out[-1] if out else None
        if last is not None and last.type == f.type and f.start < last.end:
            if f.end > last.end or f.score > last.score:
                out[-1] = Finding(
                    f.type,
                    last.start,
                    max(last.end, f.end),
                    max(last.score, f.score),
                    last.detector if last.score >= f.score else f.detector,
                )
            continue
        out.append(f)
    return out


def _inside(inner: Finding, outer: Finding) -> bool:
    """``inner`` lies within ``outer`` and is strictly shorter."""
    return (
        outer.start <= inner.start
        and inner.end <= outer.end
        and (outer.end - outer.start) > (inner.end - inner.start)
    )
