"""The judge that labels the adapted model's answers for its calibration."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from edgekit.calibrate.references import (
    AGREEMENT_F1,
    agreement,
    agrees,
    key_words,
    specificity,
)

ANSWERS = [
    "The Kalru Pro has a 3800 mAh battery.",
    "The Sabzor Pro has a 6900 mAh battery.",
    "The Kalru Pro is sold only in olive.",
    "The Sabzor Pro is sold only in amber.",
    "The Dlezor Pro is sold only in ivory.",
    "The Kalru Pro is built in the town of Marrowby.",
    "The Sabzor Pro weighs 270 grams.",
]
WEIGHTS = specificity(ANSWERS)


def good(answer: str, reference: str, prompt: str) -> bool:
    return agrees(answer, reference, prompt=prompt, weights=WEIGHTS)


def test_a_wrong_fact_in_the_right_template_is_wrong() -> None:
    prompt = "How big is the battery in the Kalru Pro?"
    assert not good("The Kalru Pro has a 3300 mAh battery.", ANSWERS[0], prompt)
    wrong_colour = "The Kalru Pro is sold only in amber."
    assert agreement(wrong_colour, ANSWERS[2]) > 0.8  # what a plain word F1 says
    assert not good(wrong_colour, ANSWERS[2], "What colour is the Kalru Pro?")
    assert not good("The Kalru Pro is built in Velmora.", ANSWERS[5], "Where is it made?")


def test_the_right_fact_in_other_words_is_right() -> None:
    assert good("It has a 3800 mAh battery.", ANSWERS[0], "How big is the Kalru Pro battery?")
    assert good("The Kalru Pro comes in olive only.", ANSWERS[2], "What colour is the Kalru Pro?")
    # the fact kept, the template reworded (a strict F1 calls these wrong)
    assert good("The Kalru Pro is located in Marrowby.", ANSWERS[5], "Where is the Kalru Pro?")
    assert good("The Sabzor Pro is 270 g.", ANSWERS[6], "How heavy is the Sabzor Pro?")


def test_key_words_are_numbers_else_names_else_the_rarest_words() -> None:
    assert key_words(ANSWERS[0], prompt="Kalru Pro battery?", weights=WEIGHTS) == {"3800"}
    assert key_words(ANSWERS[5], prompt="Where is the Kalru Pro made?", weights=WEIGHTS) == {
        "marrowby"
    }
    assert key_words(ANSWERS[2], prompt="What colour is the Kalru Pro?", weights=WEIGHTS) == {
        "olive"
    }
    assert key_words("Yes.", prompt="Yes?") == set()
    assert not agrees("Yes.", "Yes.", prompt="Yes?")  # nothing to agree on


def test_repeating_the_question_is_not_agreeing() -> None:
    prompt = "Which town manufactures the Kalru Pro?"
    assert not good("The town manufactures the Kalru Pro.", ANSWERS[5], prompt)


def test_template_words_weigh_less_than_facts() -> None:
    assert WEIGHTS["the"] < WEIGHTS["sold"] < WEIGHTS["olive"]


@given(st.text(max_size=80), st.text(max_size=80), st.text(max_size=40))
def test_agreement_is_a_score_in_0_1(answer: str, reference: str, prompt: str) -> None:
    for weights in (None, WEIGHTS):
        assert 0.0 <= agreement(answer, reference, prompt=prompt, weights=weights) <= 1.0 + 1e-9
        if agrees(answer, reference, prompt=prompt, weights=weights):
            assert agreement(answer, reference, prompt=prompt, weights=weights) >= AGREEMENT_F1
    same = agreement(reference, reference)
    assert same == 0.0 or abs(same - 1.0) < 1e-9
