"""Cloud rephrasings of collected questions: what is kept, what is dropped, what is counted."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cloud_gateway.learn.rephrase import (
    anchors,
    normalized,
    parse_phrasings,
    rephrase_messages,
    rephrase_pairs,
)
from cloud_gateway.learn.store import Pair

QUESTION = "How long is the warranty on the Kalru Pro for «PERSON_1» since 2019?"


def test_anchors_are_placeholders_numbers_and_names_not_the_first_word() -> None:
    assert anchors(QUESTION) == {"«PERSON_1»", "2019", "Kalru", "Pro"}
    assert anchors("What colour is it?") == set()


def test_a_numbered_list_is_parsed_and_bad_lines_dropped() -> None:
    seen = {normalized(QUESTION), normalized("What warranty does the Kalru Pro have?")}
    text = "\n".join(
        [
            "1. For how many years is the Kalru Pro of «PERSON_1» covered since 2019?",
            "2. How long is the warranty on the Kalru Pro for «PERSON_1» since 2019 ?",  # a repeat
            "3. How long is the warranty on the Kalru Pro for Alice since 2019?",  # lost «PERSON_1»
            "- What is the warranty of the Kalru Pro for «PERSON_1» since 2020?",  # changed a no.
            '* "Since 2019, how long has «PERSON_1»\'s Kalru Pro been under warranty?"',
            "4. For how many years is the Kalru Pro of «PERSON_1» covered since 2019?",  # twice
        ]
    )
    kept = parse_phrasings(text, QUESTION, 5, seen)
    assert kept == [
        "For how many years is the Kalru Pro of «PERSON_1» covered since 2019?",
        "Since 2019, how long has «PERSON_1»'s Kalru Pro been under warranty?",
    ]
    assert all(normalized(k) in seen for k in kept)


def test_at_most_k_are_kept_and_long_lines_are_dropped() -> None:
    lines = [f"{i}. Tell me, for the Kalru Pro, the warranty ({'x' * i})" for i in range(1, 6)]
    assert len(parse_phrasings("\n".join(lines), "Kalru Pro warranty?", 2, set())) == 2
    assert parse_phrasings("Kalru Pro " + "very " * 200, "Kalru Pro warranty?", 2, set()) == []


def test_the_prompt_asks_for_k_phrasings_of_the_question() -> None:
    messages = rephrase_messages(QUESTION, 4)
    assert "4 other questions" in messages[0]["content"]
    assert messages[-1] == {"role": "user", "content": f"Rewrite: {QUESTION}"}


def test_pairs_get_phrasings_with_their_answer_and_one_call_each() -> None:
    pairs = [
        Pair(
            "a",
            "m",
            (
                {"role": "system", "content": "Be brief."},
                {"role": "user", "content": "What colour is the Kalru Pro?"},
            ),
            "Teal.",
        ),
        Pair("b", "m", ({"role": "user", "content": "Where is the Kalru Pro made?"},), "Velmora."),
    ]
    asked: list[str] = []

    def chat(messages: list[dict[str, str]], max_tokens: int) -> str:
        asked.append(messages[-1]["content"])
        assert max_tokens > 0
        if "colour" in messages[-1]["content"]:
            return "1. Which colour does the Kalru Pro come in?\n2. Where is the Kalru Pro made?"
        return (
            "1. In which town is the Kalru Pro made?\n2. Which colour does the Kalru Pro "
            "come in?\n3. In which town is the Kalru made?"
        )

    rephrased, cost = rephrase_pairs(pairs, chat, 3)
    assert cost.calls == len(asked) == 2
    # "Where is the Kalru Pro made?" is a collected question: never a phrasing
    texts = [r.messages[-1]["content"] for r in rephrased]
    assert "Where is the Kalru Pro made?" not in texts
    assert texts == [
        "Which colour does the Kalru Pro come in?",
        "In which town is the Kalru Pro made?",
    ]
    assert rephrased[0].messages[0] == {"role": "system", "content": "Be brief."}
    assert [(r.source_id, r.answer) for r in rephrased] == [("a", "Teal."), ("b", "Velmora.")]
    assert cost.kept == 2
    assert cost.dropped == 4  # a collected question, a repeat, a lost name; asked 3, got 1


@given(st.text(max_size=400), st.text(max_size=80), st.integers(0, 5))
def test_a_kept_phrasing_keeps_every_anchor_and_is_new(text: str, question: str, k: int) -> None:
    seen = {normalized(question)}
    kept = parse_phrasings(text, question, k, set(seen))
    assert len(kept) <= k
    assert len({normalized(x) for x in kept}) == len(kept)
    for phrasing in kept:
        assert normalized(phrasing) not in seen
        assert all(a in phrasing for a in anchors(question))


def test_the_calibration_set_never_holds_a_trained_pair() -> None:
    from cloud_gateway.learn.rephrase import Rephrasing
    from cloud_gateway.learn.round import TrainedAdapter, calibration_set
    from cloud_gateway.learn.train import TrainConfig

    pairs = [Pair(f"p{i}", "m", ({"role": "user", "content": f"Q{i}?"},), "A.") for i in range(6)]
    trained = TrainedAdapter(
        adapter=b"",
        base_name="m",
        base_sha256="0" * 64,
        config=TrainConfig(),
        n_train=4,
        n_heldout=2,
        base_loss=1.0,
        adapter_loss=0.5,
        train_s=1.0,
        fit_s=1.0,
        train_tokens=1,
        heldout_ids=("p1", "p4"),
    )
    extra = [Rephrasing("p0~0", ({"role": "user", "content": "Q zero?"},), "A.", "p0")]
    items = calibration_set(pairs, trained, extra)
    assert [i.pair_id for i in items] == ["p1", "p4", "p0~0"]


def _llama_gateway_config(model: str) -> object:
    from cloud_gateway.config import config_from_mapping

    return config_from_mapping(
        {"backend": {"kind": "llama", "model": model, "n_ctx": 1024, "n_threads": 1}}, environ={}
    )


QUESTIONS = (
    "How long is the warranty on the Kalru Pro?",
    "Where is the Sabzor Mini made?",
    "How many mAh is the Dlezor Go battery?",
)


def _rephrase_with_the_gateway(model: str, k: int) -> list[list[str]]:
    from cloud_gateway.learn.cli import gateway_chat

    pairs = [
        Pair(f"q{i}", "m", ({"role": "user", "content": q},), "-") for i, q in enumerate(QUESTIONS)
    ]
    with gateway_chat(_llama_gateway_config(model), True) as chat:
        assert chat is not None
        rephrased, cost = rephrase_pairs(pairs, chat, k)
    assert cost.calls == len(QUESTIONS)
    return [
        [r.messages[-1]["content"] for r in rephrased if r.source_id == p.pair_id] for p in pairs
    ]


def test_the_gateways_own_backend_writes_the_phrasings(edge_model_path: object) -> None:
    per_question = _rephrase_with_the_gateway(str(edge_model_path), 2)
    assert any(per_question)  # the small stand-in model writes some usable ones


@pytest.mark.gateway_model
def test_the_gateway_default_model_rephrases_every_question() -> None:
    per_question = _rephrase_with_the_gateway("qwen2.5-coder-1.5b", 3)
    for question, phrasings in zip(QUESTIONS, per_question, strict=True):
        assert phrasings, question
        assert all(anchors(question) <= anchors(p) | set(p.split()) for p in phrasings)
