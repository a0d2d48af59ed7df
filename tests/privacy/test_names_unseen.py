"""Names the NER model alone misses: lower-case chat, account names, uncommon given names."""

from __future__ import annotations

import pytest

from edgekit.privacy import Filter
from edgekit.privacy.handles import HandleDetector
from edgekit.privacy.names import ambiguous_names, given_names, known_given_name

from .helpers import found


def _masked(flt: Filter, text: str) -> list[str]:
    return [text[f.start : f.end] for f in flt.scan(text) if f.type == "PERSON"]


# --- account names by position --------------------------------------------------------------

HANDLES = [
    ("Merge pull request #412 from wkowalczyk/fix-typo", "wkowalczyk"),
    ("Merge branch 'main' of github.com:thandiwe-m/dotfiles", "thandiwe-m"),
    ("sshd[2211]: Failed password for invalid user oskar from 10.0.0.7 port 51544 ssh2", "oskar"),
    ("sshd[90]: Accepted publickey for ingrid.h from 10.0.0.9 port 22 ssh2", "ingrid.h"),
    ("sudo:   jbarros : TTY=pts/0 ; PWD=/home/jbarros ; USER=root ; COMMAND=/bin/ls", "jbarros"),
    ("pam_unix(sshd:session): session opened for user lmoreau(uid=1001) by (uid=0)", "lmoreau"),
    ("thanks @okafor_c, can you re-run CI?", "@okafor_c"),
]
NOT_HANDLES = [
    "@dataclass(frozen=True)\nclass Config:",
    "@app.get('/health')",
    " * @param name the user's name",
    "npm install @types/node --save-dev",
    "@media (max-width: 600px) { body { margin: 0 } }",
    "write to support@example.org",
    "sshd[1]: Accepted publickey for root from 10.0.0.1 port 22 ssh2",
    "sudo:   www-data : TTY=unknown ; PWD=/ ; USER=root",
    "@here standup in 5",
    "written by the team",
]


@pytest.mark.parametrize(("text", "handle"), HANDLES)
def test_account_names_are_people(text: str, handle: str) -> None:
    spans = [text[c.start : c.end] for c in HandleDetector().detect(text)]
    assert spans == [handle]


@pytest.mark.parametrize("text", NOT_HANDLES)
def test_code_and_service_accounts_are_not_people(text: str) -> None:
    assert HandleDetector().detect(text) == []


# --- the given-name lists ---------------------------------------------------------------------


def test_generated_list_covers_many_locales() -> None:
    names = given_names()
    assert len(names) > 20_000
    for name in ("agnieszka", "sigríður", "thandiwe", "declan", "zofia", "bogdan"):
        assert known_given_name(name), name


def test_names_that_are_words_are_ambiguous() -> None:
    for word in ("will", "hope", "per", "paz", "sole", "general", "royal"):
        assert word in ambiguous_names(), word
        assert not known_given_name(word)


# --- lower-case and uncommon names in chat (model + lists) -------------------------------------

CHAT = [
    ("tell thandiwe i'll be late, the train is stuck", "thandiwe"),
    ("ok so zofia and dmitri both said no to the offsite", "zofia"),
    ("kannst du ursula sagen dass ich später komme", "ursula"),
    ("Salut agnieszka ! rappelle-moi", "agnieszka"),
    ("ok so Thảo sent me this, translate it", "Thảo"),
    ("Reunión con Bogdan Nguyễn mañana", "Bogdan Nguyễn"),
]
LEFT_ALONE = [
    "tell me if this will work, i hope so",
    'position = {"lat": 52.5, "lon": 13.4}',
    "translate to German: see you tomorrow",
    "Kind regards\nCustomer Care",
    "Per favore manda la fattura entro lunedì",
    "ask mom whether the hotel is still open",
]


@pytest.mark.parametrize(("text", "name"), CHAT)
def test_unseen_names_in_chat_are_masked(ner_filter: Filter, text: str, name: str) -> None:
    assert any(name in masked or masked in name for masked in _masked(ner_filter, text)), text
    start = text.index(name)
    assert any(f.start <= start < f.end for f in ner_filter.scan(text))


@pytest.mark.parametrize("text", LEFT_ALONE)
def test_everyday_words_are_not_names(ner_filter: Filter, text: str) -> None:
    assert [t for t, _ in found(ner_filter, text) if t == "PERSON"] == []
