"""Personal data inside tool calls: masked on the way out, restored inside JSON on the way back."""

from __future__ import annotations

import itertools
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from edgekit.privacy import PrivacyConfig, Redactor
from edgekit.privacy.json_args import JsonArgumentsRestorer, mask_chat, restore_arguments
from edgekit.privacy.redactor import Vault

EMAIL, PHONE, CARD = "ada.lovelace@example.org", "+44 20 7946 0958", "4111 1111 1111 1111"


def redactor() -> Redactor:
    return Redactor(PrivacyConfig(ner="off"))


def test_mask_chat_covers_text_tool_results_and_earlier_arguments() -> None:
    r = redactor()
    messages = [
        {"role": "user", "content": f"Email {EMAIL} the receipt for card {CARD}."},
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": "call_1",
                    "type": "function",
                    "function": {
                        "name": "lookup",
                        "arguments": json.dumps({"email": EMAIL, "n": 3}),
                    },
                }
            ],
        },
        {"role": "tool", "tool_call_id": "call_1", "content": f"owner phone: {PHONE}"},
    ]
    masked = mask_chat(r, messages)
    sent = json.dumps(masked.messages, ensure_ascii=False)
    for value in (EMAIL, PHONE, CARD):
        assert value not in sent
    args = json.loads(masked.messages[1]["tool_calls"][0]["function"]["arguments"])
    assert args["n"] == 3
    assert args["email"] in masked.messages[0]["content"]  # one vault: the same placeholder
    assert masked.messages[1]["content"] is None
    assert masked.messages[2]["tool_call_id"] == "call_1"
    assert masked.entity_counts
    assert messages[1]["tool_calls"][0]["function"]["arguments"] == json.dumps(  # type: ignore[index]
        {"email": EMAIL, "n": 3}
    )  # the caller's messages are untouched


def vault_with(value: str) -> tuple[Vault, str]:
    vault = Vault()
    return vault, vault.name_for("EMAIL", value)


def test_restored_values_are_escaped_as_json() -> None:
    tricky = 'a"b\\c\nd@example.org'
    vault, name = vault_with(tricky)
    text = json.dumps({"to": f"«{name}»", "cc": [f"x «{name}» y"], "n": 1}, ensure_ascii=False)
    out = restore_arguments(vault, text)
    assert json.loads(out.text) == {"to": tricky, "cc": [f"x {tricky} y"], "n": 1}
    assert out.restored == 2
    assert out.unknown == ()


def test_escaped_marks_and_unknown_placeholders() -> None:
    vault, name = vault_with(EMAIL)
    text = '{"to": "\\u00ab' + name + '\\u00bb", "cc": "«EMAIL_9»", "emoji": "\\ud83d\\ude00"}'
    out = restore_arguments(vault, text)
    assert json.loads(out.text) == {"to": EMAIL, "cc": "«EMAIL_9»", "emoji": "😀"}
    assert out.unknown == ("EMAIL_9",)  # left in place and reported, never guessed


@settings(max_examples=150, deadline=None)
@given(
    cuts=st.lists(st.integers(0, 200), max_size=25),
    value=st.text(
        st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=12
    ),
)
def test_any_chunking_restores_the_same_json(cuts: list[int], value: str) -> None:
    vault, name = vault_with(value + "@example.org")
    args = {"to": f"«{name}»", "note": 'q"uote \\ «' + name + "» end", "k": [1, True, None]}
    text = json.dumps(args)  # ASCII-escaped: « arrives as \u00ab, split anywhere
    bounds = [0, *sorted(c % (len(text) + 1) for c in cuts), len(text)]
    restorer = JsonArgumentsRestorer(vault)
    out = "".join(restorer.feed(text[a:b]) for a, b in itertools.pairwise(bounds))
    out += restorer.flush()
    real = value + "@example.org"
    assert json.loads(out) == {"to": real, "note": f'q"uote \\ {real} end', "k": [1, True, None]}
    assert out == restore_arguments(vault, text).text
