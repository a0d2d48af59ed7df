"""Names by their place in records: name columns, label lines, vCards, invites, replies.

Where a document's structure says a value is a person, the value is one whatever
its case or script (``sergio olabarrieta``, ``KOWALSKA, Halina``, ``Игорь
Морозов``):

- a table cell or SQL value under a name column (``full_name``, ``Nachname``,
  ``passenger`` …; not ``company name``, ``file name``);
- the line after a label line that names a person or a party to a letter or a
  parcel (``Name:``, ``FROM:``, ``Empfänger:``);
- vCard ``N:`` (family and given name) and ``FN:``, ``CN=`` of invites;
- ``name='…'`` fields of code and logs;
- the names of a meeting's attendee, apologies and chair lists (``Attendees:
  ana, Bo Li (chair), c. ruiz``, ``Anwesend: …``, ``Présents : …``) and the
  owner of an action (``ACTION: jonas to send the deck``);
- the author of a quoted reply (``On 3 May 2026, fleur smit wrote:``, in ten
  languages) and of a ticket note (``Internal note (Didi):``);
- the name after a closing (``MfG Олена Шевченко``, ``Best regards,\\nAnn``).
"""

from __future__ import annotations

import re

from edgekit.privacy.field_names import name_value
from edgekit.privacy.names import CLOSINGS, is_function_word, is_given_name, known_given_name
from edgekit.privacy.structure import Field, structure_of
from edgekit.privacy.types import PERSON, Candidate

_SCORE = 0.75
_NAME_COLUMN = re.compile(
    r"(?:^| )(?:full name|first name|last name|given names?|family name|surname|name|names|"
    r"nome|nom|nombre|naam|vorname|nachname|familienname|imię|imie|nazwisko|imię i nazwisko|"
    r"ad soyad|ad|soyad|apellidos?|cognome|prénom|prenom|customer|cliente|client|patient|"
    r"employee|passenger|contact|holder|titular|account holder|driver|guest|applicant|"
    r"attendee|participant|member|student|tenant|landlord|owner|manager|signed by|"
    r"checked by|approved by|assignee|reporter)$"
)
_NOT_PERSON_NAME = re.compile(
    r"(?:company|product|file|host|domain|server|app|project|brand|street|city|item|field|"
    r"table|column|bank|branch|org|organisation|organization|team|group|store|shop|vendor|"
    r"event|device|model|package|service|queue|bucket|key|tag|role|dept|department|display|"
    r"user|account|screen|nick|code|class|variable|module) names?$"
)
# Label lines whose next line is a party to a letter or a parcel.
_PARTY_LABEL = re.compile(
    r"^(?:from|to|sender|recipient|ship to|bill to|deliver to|attn|attention|absender|"
    r"empfänger|expéditeur|destinataire|remitente|destinatario|mittente|afzender|ontvanger|"
    r"nadawca|odbiorca|gönderen|alıcı|remetente)$"
)


# A bookmark or password-manager export: a name cell right before a URL cell.
_URL_CELL_NEXT = re.compile(r"[ \t]*[,;\t|][ \t]*\"?(?:https?://|www\.)")


# A label line that is a line of code: "def customer():" above "return Customer(…)".
_CODE_LABEL = re.compile(r"(?:def|class|if|elif|else|for|while|with|try|except|case) ")


def _is_name_field(field: Field) -> bool:
    label = field.label
    if _NOT_PERSON_NAME.search(label) or _CODE_LABEL.match(label):
        return False
    return bool(_NAME_COLUMN.search(label)) or (
        field.kind == "label" and bool(_PARTY_LABEL.match(label))
    )


def _structured(text: str) -> list[Candidate]:
    """Values of name columns and name label lines, in any case or script."""
    out: list[Candidate] = []
    for field in structure_of(text).fields:
        if not _is_name_field(field) or _URL_CELL_NEXT.match(text, field.end):
            continue  # "Netflix,https://www.netflix.com,…": an entry's title, not a person
        span = name_value(text[field.start : field.end], any_case=True)
        if span is not None:
            out.append(Candidate(PERSON, field.start + span[0], field.start + span[1], _SCORE))
    return out


_VCARD_N_RE = re.compile(r"(?m)^N(?:;[^:\n]*)?:(?P<family>[^;\n]*);(?P<given>[^;\n]*)")
_VCARD_FN_RE = re.compile(r"(?m)^FN(?:;[^:\n]*)?:(?P<v>[^\n]{1,80})")
_CN_RE = re.compile(r";CN=(?:\"(?P<q>[^\"\n]{1,80})\"|(?P<v>[^;:\n\"]{1,80}))")
_CODE_NAME_RE = re.compile(
    r"(?i)(?<![\w.])['\"]?(?:name|full_?name|first_?name|last_?name|customer_?name|"
    r"holder|owner_?name)['\"]?\s*[:=]\s*(?P<quote>['\"])(?P<v>[^'\"\n]{1,80})(?P=quote)"
)
# The same keys unquoted in a log line ("holder=ANA RUIZ, amount=…", "full_name=Bo Li&…"):
# keys that only a person's name fills (a bare "name=" also names hosts and jobs).
_LOG_NAME_RE = re.compile(
    r"(?i)(?<![\w.])(?:full_?name|first_?name|last_?name|customer_?name|card_?holder(?:_?name)?|"
    r"holder(?:_?name)?|account_?holder|owner_?name|payer_?name|payee_?name|patient_?name|"
    r"beneficiary(?:_?name)?)=(?P<v>[^\s,;&'\"=]{1,40}(?: [^\s,;&'\"=]{1,40}){0,3})"
    r"(?=[,;&\s]|$)"
)
_REPLY_VERBS = (
    r"wrote|schrieb|schreef|escribió|escribio|a écrit|ha scritto|escreveu|napisał\(a\)|"
    r"napisała|napisał|yazdı|skrev|kirjoitti"
)
# A reply or quote header, read only on the lines where its verb or label stands.
_REPLY_ANCHOR_RE = re.compile(
    rf"(?i)(?:{_REPLY_VERBS})[ \t]*:|(?:zitat von|quote from|quoting|citation de|cita de|"
    r"citando a|citazione di|citaat van)[ \t]"
)
_REPLY_RE = re.compile(
    rf"(?i)[ \t>]{{0,12}}(?:[^\n]{{0,60}}?,[ \t]*)?(?P<v>[^,\n<>]{{2,60}}?)[ \t]{{0,4}}"
    rf"(?:<[^<>\n]{{3,80}}>[ \t]*)?(?:{_REPLY_VERBS})[ \t]*:"
    # forum quotes: "Zitat von wiebke:", "Quote from ann_lee:", "Citation de Paul :"
    r"|[ \t>]{0,12}(?:zitat von|quote from|quoting|citation de|cita de|citando a|"
    r"citazione di|citaat van)[ \t]+(?P<q>[^:\n]{2,40}?)[ \t]*:"
)


_REPLY_WORDS = (
    *("wrote", "schrieb", "schreef", "escribi", "écrit", "scritto", "escreveu", "napisa"),
    *("yazd", "skrev", "kirjoitti", "zitat", "quot", "citation", "cita", "citaat"),
)


def _reply_authors(text: str) -> list[Candidate]:
    """Authors of quoted replies and forum quotes: the header line is matched only where
    its verb or label occurs (one pass over the text, not a match at every line)."""
    out: list[Candidate] = []
    lower = text.lower()
    if not any(word in lower for word in _REPLY_WORDS):
        return out
    done = -1
    for anchor in _REPLY_ANCHOR_RE.finditer(text):
        line_start = text.rfind("\n", 0, anchor.start()) + 1
        if line_start <= done:
            continue
        done = line_start
        line_end = text.find("\n", anchor.start())
        line_end = len(text) if line_end < 0 else line_end
        m = _REPLY_RE.match(text, line_start, line_end)
        if m is not None:
            out += _matched(m, any_case=True)
    return out


_NOTE_AUTHOR_RE = re.compile(
    r"(?i)\b(?:note|comment|remark|reply|update|notiz|nota|remarque|opmerking|uwaga|not)"
    r"[ \t]*\((?P<v>[^()\n]{2,40})\)[ \t]*:"
)
_CLOSING_RE = re.compile(
    rf"(?im)^[ \t]*(?:{CLOSINGS})[ \t]*[,!.]?[ \t]*(?:\r?\n[ \t]*)?(?P<v>[^\n]{{2,60}})$"
)


def _matches(pattern: re.Pattern[str], text: str, *, any_case: bool) -> list[Candidate]:
    out = []
    for m in pattern.finditer(text):
        out += _matched(m, any_case=any_case)
    return out


def _matched(m: re.Match[str], *, any_case: bool) -> list[Candidate]:
    """The name in group ``q`` (when it matched) or ``v`` of ``m``, if it looks like one."""
    group = "q" if "q" in m.re.groupindex and m.group("q") else "v"
    value = m.group(group)
    span = name_value(value, any_case=any_case)
    if span is None or any(_function_word(w) for w in value[span[0] : span[1]].split()):
        return []
    return [Candidate(PERSON, m.start(group) + span[0], m.start(group) + span[1], _SCORE)]


def _function_word(word: str) -> bool:
    """A function word that is no capitalised given name here ("Mia" is one, "mia" not)."""
    return is_function_word(word) and not (word[:1].isupper() and is_given_name(word))


def _vcard_n(text: str) -> list[Candidate]:
    """``N:Family;Given;…``: both parts, each its own span."""
    out = []
    for m in _VCARD_N_RE.finditer(text):
        for group in ("family", "given"):
            span = name_value(m.group(group), any_case=True)
            if span is not None:
                start = m.start(group)
                out.append(Candidate(PERSON, start + span[0], start + span[1], _SCORE))
    return out


# XML elements named for a part of a person's name ("<givenName>Ilse</givenName>",
# "<ns:familyName>", "<Nachname>"): the element's text is that part, in any case.
_XML_NAME_RE = re.compile(
    r"(?i)<(?:[\w\-]{1,20}:)?(?P<tag>given_?name|family_?name|first_?name|last_?name|surname|"
    r"forename|middle_?name|full_?name|person_?name|birth_?name|maiden_?name|vorname|nachname|"
    r"familienname|prenom|prénom|nombre|apellidos?|cognome|voornaam|achternaam)"
    r"(?:[ \t][^<>\n]{0,120})?>(?P<v>[^<>\n]{1,80})</"
)


# IATA bar-coded boarding pass: "M1DOE/JOHN MR    EABC123 …" — the name field follows M1.
_BCBP_RE = re.compile(r"(?m)^M[1-4](?P<v>[A-Z][A-Z'\-]{1,30}/[A-Z][A-Z'\- ]{0,30}?)[ ]{2,}")


# Meeting minutes: who attended, who sent apologies, who takes an action.
_ATTENDEE_LABELS = (
    r"attendees|attendance|present|participants|absent|apologies|regrets|invitees|"
    r"chair(?:ed by)?|minutes(?: taken)? by|note ?taker|facilitator|scribe|"
    r"teilnehmer(?:innen)?|teilnehmende|anwesend|abwesend|entschuldigt|protokoll(?:führer)?|"
    r"moderation|participants|présents?|excusés?|absents?|secrétaire de séance|"
    r"asistentes|presentes|ausentes|excusados|participantes|partecipanti|presenti|assenti|"
    r"giustificati|deelnemers|aanwezig|afwezig|afgemeld|notulist"
)
_ATTENDEES_RE = re.compile(
    rf"(?im)^[ \t>*#\-•]{{0,6}}(?:{_ATTENDEE_LABELS})[ \t]*[:\-–][ \t]*(?P<v>[^\n]{{2,400}})$"
)
_LIST_SPLIT = re.compile(r"[ \t]*(?:[,;/]|\band\b|\bund\b|\by\b|\bet\b|\be\b|\ben\b|&)[ \t]*")
_ASIDE = re.compile(r"[ \t]*(?:\([^()\n]{0,40}\)|[—–\-][ \t][^,;\n]{0,40})")
# "ACTION: ana to send the deck", "AP (Jonas): …", "TODO @lena"
_ACTION_RE = re.compile(
    r"(?im)^[ \t>*\-•]{0,6}(?:\d{1,3}[.)][ \t]*)?(?:action(?: items?| points?)?|ap|ai|todo|"
    r"aufgabe|maßnahme|tâche|action|tarea|acción|azione|compito|actie)[ \t]*"
    r"(?:\((?P<q>[^()\n]{2,40})\)[ \t]*:"
    r"|[:\-–][ \t]*(?P<v>[^\W\d_][\w'’\-]*(?: [^\W\d_][\w'’\-]*)?)"
    r"[ \t]+(?:to|will|wird|soll|va|doit|debe|deve|zal|moet)\b)"
)


# Numbered or bulleted items of minutes that open with their owner: "2. Aleksandra shares
# the dashboard", "- jonas to send the deck", "3) Ilse will call".
_ITEM_OWNER_RE = re.compile(
    r"(?m)^[ \t>]{0,6}(?:\d{1,2}[.)]|[-*•])[ \t]+(?P<v>[^\W\d_][\w'’\-]*"
    r"(?: [A-ZÀ-ÝĀ-Ž][\w'’\-]*)?)[ \t]+(?=(?:to|will|shall|wird|soll|va|doit|debe|deve)[ \t]"
    r"|[a-z]{3,}s[ \t])"
)


def _item_owners(text: str) -> list[Candidate]:
    """Owners of the items of minutes (a document with an attendee list), or given names
    the lists know opening any such item."""
    minutes = _ATTENDEES_RE.search(text) is not None
    out = []
    for m in _ITEM_OWNER_RE.finditer(text):
        first = m.group("v").split()[0]
        if is_function_word(first) or first.lower() in ("please", "bitte", "make"):
            continue
        known = is_given_name(first) and (first[0].isupper() or known_given_name(first))
        action = text.startswith(("to ", "will "), m.end()) and not text.startswith(
            "to be ", m.end()
        )
        if known or (minutes and (is_given_name(first) or (first[0].isupper() and action))):
            out.append(Candidate(PERSON, m.start("v"), m.end("v"), _SCORE))
    return out


def _listed_people(text: str) -> list[Candidate]:
    """Each name of an attendee, apologies or chair list; each owner of an action."""
    out: list[Candidate] = _item_owners(text)
    for m in _ATTENDEES_RE.finditer(text):
        value, base = m.group("v"), m.start("v")
        pos = 0
        for sep in [*_LIST_SPLIT.finditer(value), None]:
            stop = len(value) if sep is None else sep.start()
            out.extend(_list_item(value, base, pos, stop))
            pos = stop if sep is None else sep.end()
    out += _matches(_ACTION_RE, text, any_case=True)
    return out


def _list_item(value: str, base: int, start: int, stop: int) -> list[Candidate]:
    colon = value.rfind(":", start, stop)
    if colon >= 0:
        start = colon + 1  # "…, Herr Yilmaz; entschuldigt: Jens": a second label
    item = value[start:stop]
    aside = _ASIDE.search(item)
    if aside is not None:
        item = item[: aside.start()]
    span = name_value(item, any_case=True)
    if span is None or len(item[span[0] : span[1]].split()) > 4:
        return []
    words = item[span[0] : span[1]].split()
    if any(is_function_word(w) and not w[0].islower() for w in words) or words[0].lower() in (
        "none",
        "all",
        "everyone",
        "team",
        "n/a",
    ):
        return []
    return [Candidate(PERSON, base + start + span[0], base + start + span[1], _SCORE)]


class RecordNameDetector:
    """Person names found by their place in a record, a card, an invite or a letter."""

    name = "names-records"

    def detect(self, text: str) -> list[Candidate]:
        """Name candidates in ``text``."""
        found = _structured(text)
        if "N:" in text or "N;" in text:
            found += _vcard_n(text) + _matches(_VCARD_FN_RE, text, any_case=True)
        if "CN=" in text:
            found += _matches(_CN_RE, text, any_case=True)
        if "=" in text or ":" in text:
            found += _matches(_CODE_NAME_RE, text, any_case=True)
        if "=" in text:
            found += _matches(_LOG_NAME_RE, text, any_case=False)
        if "(" in text:
            found += _matches(_NOTE_AUTHOR_RE, text, any_case=False)
        if "</" in text:
            found += _matches(_XML_NAME_RE, text, any_case=True)
        found += _reply_authors(text)
        found += _matches(_BCBP_RE, text, any_case=True)
        found += _matches(_CLOSING_RE, text, any_case=False)
        found += _listed_people(text)
        return found
