"""Names the NER model alone misses: lower-case chat, account names, uncommon given names."""

from __future__ import annotations

import pytest

from edgekit.privacy import CallableDetector, Filter, PrivacyConfig
from edgekit.privacy.handles import HandleDetector
from edgekit.privacy.names import (
    ambiguous_names,
    is_family_name,
    is_given_name,
    known_given_name,
    name_key,
)

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
    spans = {text[c.start : c.end] for c in HandleDetector().detect(text)}
    assert spans == {handle}  # also where its home directory names it (/home/jbarros)


@pytest.mark.parametrize("text", NOT_HANDLES)
def test_code_and_service_accounts_are_not_people(text: str) -> None:
    assert HandleDetector().detect(text) == []


# --- the given-name lists ---------------------------------------------------------------------


def test_generated_list_covers_many_locales() -> None:
    for name in ("agnieszka", "Sigríður", "thandiwe", "Declan", "zofia", "Małgorzata", "Ayşe"):
        assert known_given_name(name), name
    for name in ("Yılmaz", "Nowak", "young"):
        assert is_family_name(name), name
    assert name_key("Małgorzata") == name_key("malgorzata") == "malgorzata"
    assert not is_given_name("Keyboard")


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


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Can you rewrite this: 'Jack, you promised the report by Monday.'", "Jack"),
        ("Grüezi Declan, meine AHV-Nummer ist 756.1479.7259.60.", "Declan"),
        ("what's a good reply to Hope Young? she asked if we can move the call", "Hope Young"),
        ("Il numero di Tyrone è 07252 166370.", "Tyrone"),
    ],
)
def test_names_from_lists_and_cues_without_model(
    pattern_filter: Filter, text: str, name: str
) -> None:
    assert ("PERSON", name) in found(pattern_filter, text)


# --- numbers next to scripts written without spaces; grouped licence numbers -----------------


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("電話番号は+1 (473) 524-2278です。", "PHONE", "+1 (473) 524-2278"),
        ("请把钱转到DE89370400440532013000。", "IBAN", "DE89370400440532013000"),
        ("Driver's license 931 594 048", "ID_NUMBER", "931 594 048"),
        ("Driver's license X282-036-49-942-0", "ID_NUMBER", "X282-036-49-942-0"),
    ],
)
def test_numbers_found_where_they_stand(
    pattern_filter: Filter, text: str, kind: str, value: str
) -> None:
    assert (kind, value) in found(pattern_filter, text)


def test_grouped_digits_without_a_licence_word_are_no_id(pattern_filter: Filter) -> None:
    assert found(pattern_filter, "the build took 931 594 048 cycles") == []


# --- look-alikes left in clear (issue 20, item 3) ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "postmaster@example.org bounced the message, check the MX record",
        "Support <support@acme.io> answered within a day",
        "mail no-reply@github.com is not read by anyone",
        "sudo:   www-data : TTY=unknown ; PWD=/srv/app ; USER=root ; COMMAND=/bin/ls",
        "how do I say 'cheers' in Japanese? is it 乾杯?",
        "the word 谢谢 means thank you",
    ],
)
def test_role_mailboxes_paths_and_quoted_words_stay(pattern_filter: Filter, text: str) -> None:
    assert found(pattern_filter, text) == []


def test_personal_mailbox_and_named_foreigner_are_still_masked(pattern_filter: Filter) -> None:
    assert ("EMAIL", "ana.lima@example.org") in found(pattern_filter, "mail ana.lima@example.org")
    assert ("PERSON", "王伟") in found(pattern_filter, "my friend 王伟 is visiting next week")


def test_pwd_is_a_directory_not_a_password(pattern_filter: Filter) -> None:
    text = "sudo:   ana : TTY=pts/1 ; PWD=/home/ana ; USER=root ; COMMAND=/bin/ls"
    assert {t for t, _ in found(pattern_filter, text)} == {"PERSON"}  # ana, /home/ana
    assert ("SECRET", "hunter2!x") in found(pattern_filter, "PWD=hunter2!x")


def test_user_fields_of_log_lines_are_people() -> None:
    text = "2024-03-12T10:02:13Z INFO user=zdenka.marchetti action=login result=ok"
    assert [text[c.start : c.end] for c in HandleDetector().detect(text)] == ["zdenka.marchetti"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("dile a sipho que llego tarde", "sipho"),
        ("zeg tegen wojtek dat ik later kom", "wojtek"),
        ("frag mal corentin ob sie morgen kommt", "corentin"),
        ("sag seo-yeon bitte, dass das Meeting verschoben ist", "seo-yeon"),
    ],
)
def test_rare_words_after_person_verbs_are_names(ner_filter: Filter, text: str, name: str) -> None:
    assert ("PERSON", name) in found(ner_filter, text)


@pytest.mark.parametrize(
    "text",
    ["dile a tu madre que llego tarde", "tell everyone the meeting moved", "ask questions early"],
)
def test_everyday_words_after_person_verbs_are_not(ner_filter: Filter, text: str) -> None:
    assert [t for t, _ in found(ner_filter, text) if t == "PERSON"] == []


# --- a conversation scanned again costs nothing; custom callables are always asked -----------


def test_rescanning_a_text_reuses_its_findings() -> None:
    flt = Filter(PrivacyConfig(ner="off"))
    text = "Write to ada.lovelace@example.org and call +44 20 7946 0958."
    first = flt.scan(text)
    calls = []
    flt.detectors[0].detect = lambda t: calls.append(t) or []  # type: ignore[method-assign]
    assert flt.scan(text) == first
    assert calls == []
    flt.scan(text + " ")
    assert calls == [text + " "]  # another text is scanned afresh


def test_custom_callables_are_asked_every_time() -> None:
    calls: list[str] = []

    def lookup(text: str) -> list[tuple[str, int, int, float]]:
        calls.append(text)
        return []

    flt = Filter(PrivacyConfig(ner="off"))
    flt.add_detector(CallableDetector("crm", lookup))
    flt.scan("ACME Widgets called")
    flt.scan("ACME Widgets called")
    assert len(calls) == 2


@pytest.mark.parametrize(
    "text",
    [
        "order_id,total,placed\nA-2022-444650,49.90,2027-06-21\n5130-3935-02,12.00,25.7.2023",
        "bitte ändern Sie die Rufnummer im Kundenkonto 7652-4401-65",
    ],
)
def test_order_and_account_numbers_are_not_phones(pattern_filter: Filter, text: str) -> None:
    assert [t for t, _ in found(pattern_filter, text) if t == "PHONE"] == []


def test_phone_columns_and_phone_words_still_find_phones(pattern_filter: Filter) -> None:
    table = "name;phone;order\nAna;0301 2345 678;A-1"
    assert ("PHONE", "0301 2345 678") in found(pattern_filter, table)
    assert ("PHONE", "0800 123 4567") in found(pattern_filter, "our account team: 0800 123 4567")


def test_a_name_opening_a_sentence_before_a_person_verb(ner_filter: Filter) -> None:
    text = "Lindiwe keeps forgetting the meeting. how do I bring it up nicely"
    assert ("PERSON", "Lindiwe") in found(ner_filter, text)
    assert [t for t, _ in found(ner_filter, "Chiama il dottore domani mattina.")] == []


def test_json_logins_and_street_fields(pattern_filter: Filter) -> None:
    text = '{"login": "kbrennan", "address": {"street": "12 Rue des Lilas", "city": "Lyon"}}'
    assert found(pattern_filter, text) == [("PERSON", "kbrennan"), ("ADDRESS", "12 Rue des Lilas")]
    assert found(pattern_filter, '{"address": "n/a", "login": "admin"}') == []


def test_a_title_is_not_part_of_the_name(pattern_filter: Filter) -> None:
    text = "Ansprechpartnerin: Frau Dr. Anke Vogt, Tel. 089 1234567"
    assert ("PERSON", "Dr") not in found(pattern_filter, text)


def test_chat_export_handles_and_elided_words(ner_filter: Filter) -> None:
    chat = "[9:14 AM] Tobias Heller: restart staging?\n[9:15 AM] nneka.o: on it"
    assert ("PERSON", "nneka.o") in found(ner_filter, chat)
    text = "je m'appelle Aurélien Faure et j'habite 14 avenue Jean Jaurès, 75019 Paris."
    assert ("ADDRESS", "habite") not in found(ner_filter, text)
