"""Names by position in structured text: form labels, JSON fields and CSV columns.

``Nachname: Osei``, ``"customer": "Inès Fauré"`` and the ``name`` column of a
CSV export hold a name whatever the name is, so the value is taken as a
person when it looks like one: one to four words that start with a capital
(or are in a script without capitals), no digits, no ``@``.
"""

from __future__ import annotations

import re
import unicodedata

from edgekit.privacy.detectors import ROLE_MAILBOXES
from edgekit.privacy.names import (
    CHAT_ROLES,
    ambiguous_names,
    is_family_name,
    is_function_word,
    is_given_name,
    is_known_name,
    known_given_name,
)
from edgekit.privacy.normalize import spellings
from edgekit.privacy.structure import structure_of
from edgekit.privacy.types import ADDRESS, PERSON, Candidate

_SCORE = 0.75
_LABELS = (
    "name|full name|first names?|last name|given names?|forenames?|middle names?|surname|"
    "surname/given names|family name|assistito|paziente|paciente|patiente|beneficiary|insured|"
    "versicherter?|asegurado|assicurato|assurée?|geburtsname|mädchenname(?: der mutter)?|"
    "maiden name|birth name|nom de naissance|nom de jeune fille|apellido de soltera|"
    "cognome da nubile|"
    "nome|cognome|nom|prénoms?|prenoms?|vornamen?|nachname|familienname|nombres?|apellidos?|"
    "nombre y apellidos|titular|conducente|applicant|guest|patient|employee|customer|cliente|"
    "holder|account holder|card ?holder|kontoinhaber|inhaber|next of kin|driver|recipient|"
    "empfänger|"
    # a directory's person attributes (LDAP, LDIF, SCIM, vCard exports): "sn: Okafor"
    "sn|givenname|displayname|cn|commonname|familyname|"
    "destinataire|destinatario|ansprechpartner|contact person|author|signed|passenger|pax|"
    "traveller|traveler|passager|pasajero|passeggero|passagier|reisender|pasażer|yolcu|"
    # the other party of a claim, a dependant, a courier: a person named by a role
    "other party|opposing party|gegner|unfallgegner|controparte|contraparte|dependent|dependant"
)
# The same labels in the other languages and scripts we claim, as they are written.
_MORE_LABELS = (
    "الاسم|اسم|الاسم الكامل|שם|שם מלא|नाम|पूरा नाम|ชื่อ|ชื่อ-นามสกุล|名前|氏名|姓名|名字|이름|"
    "성명|имя|фио|фамилия|имя и фамилия|ім'я|прізвище|όνομα|ονοματεπώνυμο|επώνυμο|imię|"
    "nazwisko|ad soyad|soyad|jméno|příjmení|nume|prenume|nume complet|név|teljes név|nimi|"
    "sukunimi|etunimi|namn|efternamn|förnamn|navn|fornavn|etternavn|efternavn|naam|achternaam|"
    "voornaam|nama|nama lengkap|tên|họ tên|họ và tên|联系人|联系人姓名|负责人|担当|担当者|收件人|"
    "寄件人|申请人|联络人|담당자|수신인|받는 분|보내는 분|получатель|контактное лицо|"
    # people named by their role in a form of the CJK locales: the insured, a dependant,
    # the head of a household, a patient, a customer, a card or account holder
    "被保険者|扶養家族|扶養者|配偶者|世帯主|契約者|申込者|受取人|患者|顧客|代表者|"
    "被保险人|投保人|受益人|患者姓名|客户|客户姓名|乘客|持卡人|户名|收货人|"
    "고객명|환자|예금주|신청인|보호자|피보험자"
)
# The same parts in the other languages we claim, as they are written on their forms.
_MORE_PART_LABELS = (
    "nazwisko|imię|imie|imiona|soyad|soyadı|adı|příjmení|jméno|prenume|vezetéknév|"
    "keresztnév|utónév|sukunimi|etunimi|efternamn|förnamn|etternavn|fornavn|efternavn|"
    "achternaam|voornaam|voornamen|sobrenome|apelido|primeiro nome|nom de famille|"
    "apellido paterno|apellido materno|фамилия|имя|отчество|прізвище|ім'я|επώνυμο|όνομα"
)
_LABELS = (
    _LABELS
    + "|"
    + "|".join(
        sorted(
            {
                re.escape(s)
                for w in f"{_MORE_LABELS}|{_MORE_PART_LABELS}".split("|")
                for s in spellings(w)
            },
            key=len,
        )[::-1]
    )
)
_FORM_RE = re.compile(
    # up to three words may come first: "Name of account holder:", "Patient's full name:"
    # bilingual labels stand in one line: "Surname / Nom:", "Familienname / Apellidos:"
    # a second label may follow the first's value after a wide gap ("NOM : Benali    Prénom :")
    # a form's question may be numbered or a list item ("2. Family name:", "b) Vorname:"; not
    # "- name:", a YAML list's key)
    rf"(?im)(?:^[ \t]*(?:(?:\d{{1,3}}[.)]|[a-z][.)]|[*•])[ \t]*)?|[|·—;]\s*|[ \t]{{3}})"
    rf"(?:[^\W\d][\w'’]*(?:[ \t]*/[ \t]*|[ \t]+)){{0,3}}?"
    # an honorific prefix of Japanese forms: "お名前", "ご住所"
    rf"(?:[おご])?(?P<label>{_LABELS})[ \t]*"
    r"(?:#?\d{1,2}[ \t]*)?"  # one of several: "Passenger 2:", "Guest #1:"
    r"(?:\((?:e|s)\)|\([^()\n:]{2,30}\))?"  # "Prénom(s)", "Full name (as in passport)"
    r"(?:\.{2,}|[ \t]*:)[ \t]*(?:\.{2,}[ \t]*)?"
    r"(?P<v>[^\n|;·—,(<]{2,80}?)(?=[ \t]{2}|[\n|;·—,(<]|$)"
)
# Labels of one part of a name: a single word in capitals under them is that part
# ("Surname / Nom: MÜLLER"), not a log level.
_OCR_PART_LABELS = (
    r"surname|family name|last name|first names?|given names?|forenames?|nom|prénoms?|"
    r"prenoms?|vornamen?|nachname|familienname|nombres?|apellidos?|nome|cognome"
)
_PART_LABELS = (
    _OCR_PART_LABELS
    + "|"
    + "|".join(
        sorted({re.escape(s) for w in _MORE_PART_LABELS.split("|") for s in spellings(w)}, key=len)[
            ::-1
        ]
    )
)
_PART_LABEL = re.compile(rf"(?i)(?:{_PART_LABELS})$")
# An identity card read by OCR: a name label and the value in capitals, no colon
# ("Nom LEFÈVRE", "APELLIDOS ETXEBERRIA", "Vornamen/Given names DÖRTE").
_OCR_LABEL_RE = re.compile(
    rf"(?m)^[ \t]*(?i:{_OCR_PART_LABELS})(?:[ \t]*/[ \t]*(?i:[^\W\d][\w'’]*)"
    r"(?:[ \t][^\W\d][\w'’]*)?)?[ \t]+"
    r"(?P<v>[A-ZÀ-ÞĀ-Ž][A-ZÀ-ÞĀ-Ž'’\-]+(?: [A-ZÀ-ÞĀ-Ž][A-ZÀ-ÞĀ-Ž'’\-]+){0,3})"
    r"[ \t]*$"
)
# A CJK form written without a colon: the label, an ideographic space (a blank once
# normalized) or a tab, a value in Han or Hangul ("氏名　鈴木 一郎", "성명\t김민준").
_CJK_LABELS = "|".join(
    sorted(
        (w for w in _MORE_LABELS.split("|") if all("\u3040" <= c <= "\ud7af" for c in w)),
        key=len,
        reverse=True,
    )
)
_CJK_GAP_RE = re.compile(
    rf"(?m)^[ \t]*[おご]?(?:{_CJK_LABELS})[ \t]+"
    r"(?P<v>[\u4e00-\u9fff\uac00-\ud7af][^\s\d:。、？！?!,.]{0,5}"
    r"(?: [^\s\d:。、？！?!,.]{1,6})?)[ \t]*$"
)
# Role words that take a name without a colon ("Kontoinhaber Sami Kostolzin").
_ROLES = (
    "titular|titulaire|kontoinhaber|inhaber|ansprechpartner|attention|attn\\.?|holder|"
    "intestatario|beneficiario|bénéficiaire|empfänger"
)
_ROLE_RE = re.compile(rf"(?i)\b(?:{_ROLES})[ \t]+(?P<v>[^\n|;·—,(<]{{2,80}})")
# RFC 5322 display names: "Lucho Plaza <violeta80@example.org>".
_DISPLAY_NAME_RE = re.compile(r"(?P<v>[^\W\d_][^\n<>\"@:,;]{1,60}?)[ \t]*<[^<>@\s]+@[^<>\s]+>")
# Chat exports: "[12/03/24, 10:15:01] Maria López: …", "12.03.24, 10:15 - Tomasz Wójcik: …".
_SPEAKER_RE = re.compile(
    r"(?m)^[ \t]*(?:\[[^\]\n]{4,30}\][ \t]*|[\d./\-]{6,10},?[ \t]+\d{1,2}:\d{2}(?::\d{2})?"
    r"(?:[ \t]*[AaPp][Mm])?[ \t]*[-–][ \t]*)(?P<v>[^:\n]{2,60}):[ \t]"
)
_JSON_KEYS = (
    "name|full_?name|display_?name|first_?name|last_?name|given_?name|family_?name|surname|"
    "customer|holder|nombre|cliente|nom|nome|author|driver|patient|user|contact|recipient|owner"
)
_JSON_RE = re.compile(rf'(?i)"(?:{_JSON_KEYS})"\s*:\s*"(?P<v>[^"\n]{{2,80}})"')
_PARTICLES = frozenset(
    [
        "van",
        "von",
        "de",
        "da",
        "di",
        "del",
        "della",
        "der",
        "den",
        "la",
        "le",
        "du",
        "dos",
        "das",
        "ten",
        "ter",
        "bin",
        "ibn",
    ]
)
# Word characters plus the combining vowel signs of Indic and Thai script ("राहुल शर्मा").
_NAME_CHAR = r"[\w'’.\-\u0300-\u036f\u0900-\u0dff\u0e00-\u0e7f]"
_NAME_WORDS = re.compile(rf"[^\W\d_]{_NAME_CHAR}*(?:(?: |, ?|/)[^\W\d_]{_NAME_CHAR}*){{0,3}}")
# Titles after a name in travel records ("BIANCHI/NICCOLO MR"): not part of the name.
_TRAILING_TITLES = frozenset(["mr", "mrs", "ms", "miss", "mstr", "dr", "prof"])
NO_NAME = frozenset(
    [
        *("n/a", "na", "none", "null", "unknown", "tbd", "nobody", "-", "x"),
        # someone wrote: …, in the claimed languages
        *("someone", "somebody", "anyone", "alguien", "quelqu'un", "jemand", "qualcuno"),
        *("iemand", "alguém", "ktoś", "birisi"),
        # chat speakers that are roles (CHAT_ROLES), and these
        *CHAT_ROLES,
        *("user", "admin", "me", "you"),
        *("i", "he", "she", "they", "we", "it", "er", "sie", "es", "il", "elle", "él"),
        *("ella", "lui", "lei", "hij", "zij", "ze"),
    ]
)


def _label_acronym(word: str) -> bool:
    """A short word in capitals that no list knows as a name: the label of what follows
    (``ALBA RUIZ DNI …``, ``… CPF``), not a part of the name."""
    return word.isupper() and len(word) <= 4 and not is_known_name(word)


def name_value(value: str, *, any_case: bool = False) -> tuple[int, int] | None:
    """Offsets of the leading name in ``value``, if it looks like one: one to four words
    (``Ann Lee``, ``LEE, Ann``, ``LEE/ANN MRS``), capitalised unless ``any_case`` (a field
    that can only hold a name), no ``@``; several words in capitals are a name, one is not
    (``WARN``)."""
    stripped = value.lstrip()
    offset = len(value) - len(stripped)
    m = _NAME_WORDS.match(stripped)
    if m is None or "@" in value[: offset + m.end() + 1]:
        return None
    matched = m.group(0).rstrip(".,")
    words = re.split(r"[ ,/]+", matched)
    while len(words) > 1 and (
        words[-1].lower() in _TRAILING_TITLES
        or (_label_acronym(words[-1]) and matched.endswith(" " + words[-1]))
    ):
        if (
            words[-1].lower() not in _TRAILING_TITLES
            and len(words) == 2
            and is_known_name(words[0])
        ):
            break  # "LI NA": a short name the lists lack, after a family name
        matched = matched[: matched.rfind(words.pop())].rstrip(" ,/")
    if matched.lower() in NO_NAME or (len(words) == 1 and words[0].isupper() and len(words[0]) > 1):
        return None  # WARN, INFO, N/A: not a name
    if any(c.isdigit() for c in matched):
        return None  # "billing-7f9c8d6b5-x2kq9", "user42": a pod, a host, an account
    if not any_case:
        for i, word in enumerate(words):
            capitalised = word[0].isupper() or (not word[0].isascii() and not word[0].islower())
            if not capitalised and not (0 < i < len(words) - 1 and word in _PARTICLES):
                return None
    return offset, offset + len(matched)


_CAPITALS_WORD = re.compile(r"[ \t]*([A-ZÀ-ÞĀ-Ž][A-ZÀ-ÞĀ-Ž'’\-]+)(?=[ \t]*$|[ \t]{2}|[ \t]*[,;|])")


def _capitals_word(value: str) -> tuple[int, int] | None:
    """One word in capitals under a label of a name's part (``MÜLLER``, ``JEAN-LUC``)."""
    m = _CAPITALS_WORD.match(value)
    if m is None or m.group(1).lower() in NO_NAME:
        return None
    return m.start(1), m.end(1)


def _form_value(m: re.Match[str], value: str) -> tuple[int, int] | None:
    """The name under a form's person label: capitalised words; one word in capitals under
    a label of a name's part (``Nazwisko: WIŚNIEWSKA``) or that the lists know as a given or
    family name (``Passenger: OYELARAN``); or a name in lower case that starts with a known
    given name (``Preferred name: lulu``)."""
    span = name_value(value)
    if span is not None:
        return span
    label = m.group("label")
    span = _capitals_word(value)
    if span is not None:
        word = value[span[0] : span[1]]
        if _PART_LABEL.match(label) or is_known_name(word):
            return span
        return None
    span = name_value(value, any_case=True)
    if span is None or not value.lstrip()[:1].islower():
        return None
    words = value[span[0] : span[1]].replace(",", " ").split()
    if any(is_function_word(w) for w in words):
        return None
    first, last = words[0], words[-1]
    if len(words) > 1 and is_given_name(first) and is_family_name(last):
        return span
    if label.lower() in _GENERIC_NAME_LABELS and _bare_label(m):
        return None  # a bare "name:" is also a key of configs ("name: jasmine")
    if known_given_name(first) or (is_given_name(first) and len(words) == 1):
        return span
    return span if len(words) > 1 and is_family_name(last) else None


_GENERIC_NAME_LABELS = frozenset(["name", "nom", "nome", "nombre", "naam", "nama"])


def _bare_label(m: re.Match[str]) -> bool:
    """The label word is the whole label ("name:", not "Preferred name:")."""
    return not m.string[m.start() : m.start("label")].strip(" \t\n|·—;*•0123456789.)")


def _speaker(value: str) -> tuple[int, int] | None:
    """A chat speaker after a timestamp, in any case when a lower-case one starts with a
    given name and is not one everyday word (``rose baker``, ``ömer yıldırım``; not ``db``)."""
    span = name_value(value)
    if span is not None or not value[:1].islower():
        return span
    span = name_value(value, any_case=True)
    if span is None:
        return None
    words = value[span[0] : span[1]].split()
    if not is_given_name(words[0]) or (len(words) == 1 and words[0] in ambiguous_names()):
        return None
    return span


# A chat pasted without timestamps: "Will: I'm here", "Xabier (Agent): Hello!".
_CHAT_LINE_RE = re.compile(
    r"(?m)^[ \t]*(?P<v>[^\W\d_][\w'’\-]*(?: [^\W\d_][\w'’\-]*){0,2})"
    r"(?:[ \t]*\((?P<role>[^()\n]{2,24})\))?[ \t]*:[ \t]+(?=\S)"
)


# A chat in Chinese, Japanese or Korean pasted without timestamps: a name-shaped run of
# Han or Hangul opening its line before a colon ("李文博：到了吗", "김하늘: 네").
_CJK_CHAT_LINE_RE = re.compile(
    r"(?m)^[ \t]*(?P<v>[\u4e00-\u9fff\uac00-\ud7af]{2,4}|[\u4e00-\u9fff]{1,3} [\u4e00-\u9fff]{1,3})"
    r"[ \t]*:"
)
# Chat roles in these languages: a line they open makes the text a chat.
_CJK_CHAT_ROLES = frozenset(
    [
        *("客服", "客户", "顾客", "买家", "卖家", "商家", "店家", "我", "客服人员", "系统"),
        *("オペレーター", "担当", "お客様", "私", "상담원", "고객", "나", "저"),
    ]
)


def _cjk_chat_speakers(text: str) -> list[Candidate]:
    """Speakers of a CJK chat: name-shaped openers (``script_names``: a common family
    character or name and one to three more) beside a role's line, or two of them in three
    or more lines."""
    from edgekit.privacy.script_names import family, name_shaped

    lines = list(_CJK_CHAT_LINE_RE.finditer(text))
    counts: dict[str, int] = {}
    for m in lines:
        counts[m.group("v")] = counts.get(m.group("v"), 0) + 1
    shaped = {v for v in counts if name_shaped(v, family(v[0]) or "")}
    # a role's line, or two speakers of whom one speaks twice ("程序：" twice is a label)
    if not (any(v in _CJK_CHAT_ROLES for v in counts) or (len(shaped) >= 2 and len(lines) >= 3)):
        return []
    return [
        Candidate(PERSON, m.start("v"), m.end("v"), _SCORE) for m in lines if m.group("v") in shaped
    ]


def _chat_speakers(text: str) -> list[Candidate]:
    """Speakers of a chat pasted without timestamps: a line opener that recurs (a form's
    labels do not) among two or more openers, when it is a given or family name the lists
    know (``Will``, ``rose baker``) or stands before a role in brackets (``Xabier (Agent)``);
    every line it opens."""
    lines = list(_CHAT_LINE_RE.finditer(text))
    if len(lines) < 3:
        return []
    counts: dict[str, int] = {}
    for m in lines:
        counts[m.group("v")] = counts.get(m.group("v"), 0) + 1
    if len(counts) < 2 or max(counts.values()) < 2:
        return []
    out = []
    for m in lines:
        value = m.group("v")
        if (counts[value] >= 2 or m.group("role")) and _speaker_name(value, m.group("role")):
            out.append(Candidate(PERSON, m.start("v"), m.end("v"), _SCORE))
    return out


# Line openers that recur but name no one: a commit's header, kin words spoken as roles.
_NOT_SPEAKERS = frozenset(
    [
        *("author", "date", "commit", "merge", "committer", "reviewer", "reviewed-by"),
        *("signed-off-by", "co-authored-by", "from", "to", "cc", "subject", "re", "fwd"),
        *("mum", "mom", "mam", "dad", "papa", "mama", "maman", "mamá", "papá", "mamma", "papà"),
        *("mutti", "vati", "oma", "opa", "grandma", "grandpa", "nonna", "nonno", "abuela"),
        *("abuelo", "mamie", "papi", "papy", "mami", "tía", "tío", "zia", "zio", "tante"),
    ]
)


# A chat copied from Slack or Teams: the speaker and the time on a line of their own
# ("Paz  2025-07-29 17:36:20", "Ilse Brandt 09:14"); and a German self-introduction
# opening a message ("Fortunato hier (die mit dem Hund)", "sunny vogel hier,").
_HEADER_RE = re.compile(
    r"(?m)^[ \t]*(?P<v>[^\W\d_][\w'’\-]*(?: [^\W\d_][\w'’\-]*){0,2})[ \t]+"
    r"(?:\d{4}-\d{2}-\d{2}[ T]|\d{1,2}[./]\d{1,2}[./]\d{2,4},?[ \t]+)?\d{1,2}:\d{2}(?::\d{2})?"
    r"(?:[ \t]*[AaPp][Mm])?[ \t]*$"
)
_HIER_RE = re.compile(
    r"(?:^|(?<=[.!?][ \t])|(?<=\n))(?P<v>[^\W\d_][\w'’\-]*(?: [^\W\d_][\w'’\-]*)?)[ \t]+hier"
    r"(?=[ \t]*[(,.!:]|[ \t]*$)",
    re.MULTILINE,
)


def _headers_and_introductions(text: str) -> list[Candidate]:
    out = []
    for pattern in (_HEADER_RE, _HIER_RE):
        if pattern is _HIER_RE and " hier" not in text:
            continue
        for m in pattern.finditer(text):
            value = m.group("v")
            if _speaker_name(value, None) and is_given_name(value.split()[0]):
                out.append(Candidate(PERSON, m.start("v"), m.end("v"), _SCORE))
    return out


# A spreadsheet pasted without its header: a cell of a tab-separated row holding two or
# three capitalised words, the first a given name and the last a family name the lists know
# ("Lamine Tanaka\t0370-59\t29/03/54"), or the first cell when it starts with a given name.
_TAB_CELL = re.compile(
    r"(?m)(?:^|\t)[ ]*(?P<v>[^\W\d_][\w'’\-]*(?: [^\W\d_][\w'’\-]*){1,2})[ ]*(?=\t)"
)


def _tab_row_names(text: str) -> list[Candidate]:
    out = []
    for m in _TAB_CELL.finditer(text):
        words = m.group("v").split()
        if not all(w[0].isupper() for w in words) or any(is_function_word(w) for w in words):
            continue
        given, family = is_given_name(words[0]), is_family_name(words[-1])
        first_cell = m.start() == 0 or text[m.start()] == "\n" or text[m.start() - 1] == "\n"
        if (given and family) or (first_cell and given and not is_function_word(words[0])):
            out.append(Candidate(PERSON, m.start("v"), m.end("v"), 0.6))
    return out


def _speaker_name(value: str, role: str | None) -> bool:
    words = value.split()
    if value.lower() in NO_NAME or value.lower() in _NOT_SPEAKERS:
        return False
    if any(is_function_word(w) for w in words):
        return False
    if role is not None and value[:1].isupper():
        return True
    return is_given_name(words[0]) or (len(words) > 1 and is_family_name(words[-1]))


class FieldNameDetector:
    """Person names found by the field they are in."""

    name = "names-fields"

    def detect(self, text: str) -> list[Candidate]:
        """Name candidates in ``text``."""
        found: list[Candidate] = []
        for pattern in (_FORM_RE, _JSON_RE, _ROLE_RE, _DISPLAY_NAME_RE, _SPEAKER_RE):
            if (pattern is _JSON_RE and '"' not in text) or (
                pattern is _DISPLAY_NAME_RE and "<" not in text
            ):
                continue
            for m in pattern.finditer(text):
                if pattern is _DISPLAY_NAME_RE and _role_sender(m):
                    continue
                if pattern is _FORM_RE:
                    span = _form_value(m, m.group("v"))
                elif pattern is _SPEAKER_RE:
                    span = _speaker(m.group("v"))
                else:
                    span = name_value(m.group("v"))
                if span is None and pattern is _DISPLAY_NAME_RE and _named_in_address(m):
                    span = name_value(m.group("v"), any_case=True)
                if span is not None:
                    base = m.start("v")
                    found.append(Candidate(PERSON, base + span[0], base + span[1], _SCORE))
        found.extend(_signature(text))
        if text.count(":") >= 3:
            found.extend(_chat_speakers(text))
        if text.count(":") >= 2 and not text.isascii():
            found.extend(_cjk_chat_speakers(text))
        if text.count("\t") >= 2:
            found.extend(_tab_row_names(text))
        if ":" in text or " hier" in text:
            found.extend(_headers_and_introductions(text))
        if not text.isascii():
            for m in _CJK_GAP_RE.finditer(text):
                span = name_value(m.group("v"))
                if span is not None:
                    base = m.start("v")
                    found.append(Candidate(PERSON, base + span[0], base + span[1], _SCORE))
        for m in _OCR_LABEL_RE.finditer(text):
            span = _capitals_word(m.group("v")) or name_value(m.group("v"))
            if span is not None:
                found.append(
                    Candidate(PERSON, m.start("v") + span[0], m.start("v") + span[1], _SCORE)
                )
        if "@" in text and "(" in text:
            found.extend(_named_before_address(text))
        if '"' in text:
            found.extend(_json_addresses(text))
        found.extend(_labelled_addresses(text))
        return found


# A JSON field that holds a street address: the whole value is the address.
_JSON_ADDRESS_RE = re.compile(
    r'(?i)"(?:street|street_?address|address|address_?1|address_?line_?1|line_?1|addr|'
    r'stra(?:ss|ß)e|anschrift|adresse|calle|direcci[oó]n|domicilio|rue|indirizzo|via)"'
    r'\s*:\s*"(?P<v>[^"\n]{4,120})"'
)
_NO_ADDRESS = frozenset({"n/a", "none", "null", "unknown", "tbd", "same", "same as above"})


def _json_addresses(text: str) -> list[Candidate]:
    """Values of address fields with a letter and a digit ("12 Rue des Lilas")."""
    out = []
    for m in _JSON_ADDRESS_RE.finditer(text):
        value = m.group("v")
        if value.strip().lower() in _NO_ADDRESS or not any(c.isdigit() for c in value):
            continue
        if any(c.isalpha() for c in value):
            out.append(Candidate(ADDRESS, m.start("v"), m.end("v"), _SCORE))
    return out


# A form line or column whose label says "address", in the languages of the locales we
# claim and their scripts: the value is the address, however it is written.
_ADDRESS_LABELS = (
    r"address|home address|postal address|mailing address|billing address|shipping address|"
    r"street address|addr|street|adresse|anschrift|wohnadresse|wohnort|dirección|direccion|"
    r"domicilio|indirizzo|residenza|endereço|endereco|morada|adres|adresa|adresă|adresas|"
    r"osoite|adress|alamat|cím|住所|주소|地址|住址|адрес|адреса|διεύθυνση|địa chỉ|כתובת|عنوان|पता"
)
_ADDRESS_LABELS = "|".join(
    sorted({re.escape(s) for w in _ADDRESS_LABELS.split("|") for s in spellings(w)}, key=len)[::-1]
)
_NOT_POSTAL = re.compile(r"(?i)(?:e-?mail|ip|mac|web|wallet|bitcoin|btc|eth|ipv[46])[ _\-]*$")
# "key: value" lines first (one cheap pass), then the key is checked against the labels.
# The key starts at its first visible character: were it allowed to start with a blank,
# a long line of blanks without a colon would be split every way between the leading
# blanks, the key and the blanks before the colon (quadratic per line).
_KEY_LINE_RE = re.compile(
    r"(?m)^[ \t]*(?P<key>[^\s:：][^\n:：]{0,59}?)[ \t]*[:：][ \t]*(?P<v>[^\n]{5,150})$"
)
_ADDRESS_KEY = re.compile(rf"(?i)(?:^|[ \t])(?:{_ADDRESS_LABELS})[ \t]*(?:\([^)\n]{{0,20}}\))?$")
_ADDRESS_COLUMN = re.compile(rf"(?:^| )(?:{_ADDRESS_LABELS})(?: line)?(?: 1| 2)?$")


_LABEL_WORD = re.compile(rf"(?i)^[ \t]*(?:{_LABELS}|{_ROLES})\b")


# Where a labelled address ends and the line goes on: a full stop or a semicolon before a
# capitalised word ("…, 50122 Firenze FI. Il rimborso …"), not an abbreviation ("Co. Cork").
_SENTENCE_END = re.compile(
    r"(?<!\bCo)(?<!\bSt)(?<!\bDr)(?<!\bNo)(?<!\bNr)(?<!\bAv)(?<!\bint)(?<!\bCol)(?<!\bUrb)"
    r"(?<!\bApt)(?<!\bAve)(?<!\bStr)(?<!\bEsc)(?<!\bBât)(?<!\bMt)(?<!\bFt)"
    r"\.[ \t]+(?=[A-ZÀ-ÝĀ-Ž])|;[ \t]"
)


def _address_value(value: str) -> tuple[int, int] | None:
    """The address in a labelled value: a letter and a digit, no e-mail, trimmed; it ends
    one comma-separated part after its last part with a digit (the city), and before a
    part that starts with a label or role word ("…, Ansprechpartner Rabea Bachmann")."""
    stripped = _SENTENCE_END.split(value.strip(), 1)[0]
    if "@" in stripped or "://" in stripped or stripped.lower() in _NO_ADDRESS:
        return None
    parts = stripped.split(",")
    with_digit = [i for i, part in enumerate(parts) if any(c.isdigit() for c in part)]
    if not with_digit or not any(c.isalpha() for c in stripped):
        return None
    keep = parts[: with_digit[-1] + 1]
    after = parts[with_digit[-1] + 1 : with_digit[-1] + 2]
    if after and len(after[0].split()) <= 4 and not _LABEL_WORD.match(after[0]):
        keep += after
    address = ",".join(keep).strip().rstrip(".;,")
    start = value.index(stripped[0])
    return (start, start + len(address)) if address else None


def _labelled_addresses(text: str) -> list[Candidate]:
    """Values of address labels (``Adresse: …``, ``住所：…``) and address columns."""
    out: list[Candidate] = []
    for m in _KEY_LINE_RE.finditer(text):
        key = _ADDRESS_KEY.search(m.group("key"))
        if key is None or _NOT_POSTAL.search(m.group("key")[: key.start() + 1]):
            continue
        span = _address_value(m.group("v"))
        if span is not None:
            out.append(Candidate(ADDRESS, m.start("v") + span[0], m.start("v") + span[1], 0.7))
    for field in structure_of(text).fields:
        if _ADDRESS_COLUMN.search(field.label) and not _NOT_POSTAL.search(field.label):
            span = _address_value(text[field.start : field.end])
            if span is not None:
                out.append(Candidate(ADDRESS, field.start + span[0], field.start + span[1], 0.7))
    return out


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if c.isalnum())


def _named_in_address(m: re.Match[str]) -> bool:
    """``vikram banerjee <vikram.banerjee@…>``: every word of a display name in any case
    appears in the address's local part, so the display name is the person's name."""
    local = _fold(m.group(0).rsplit("<", 1)[1].split("@", 1)[0])
    words = [_fold(w) for w in m.group("v").split()]
    return len(words) >= 1 and all(len(w) >= 2 and w in local for w in words)


# An address in brackets after a name: "Hartley (m.hartley@…)", "ping Nowak (anowak@…)".
_BRACKETED_ADDRESS = re.compile(r"\((?P<local>[^()\s@]{2,64})@[^()\s]{3,255}\)")
_WORDS_BEFORE = re.compile(r"(?:[^\W\d_][\w'’\-]*[ \t]+){0,2}[^\W\d_][\w'’\-]*[ \t]*$")


def _named_before_address(text: str) -> list[Candidate]:
    """The one to three words right before a bracketed e-mail address that all stand in its
    local part: the address names the person (``Hartley (jhartley77@…)``)."""
    out = []
    for m in _BRACKETED_ADDRESS.finditer(text):
        before = _WORDS_BEFORE.search(text, max(0, m.start() - 64), m.start())
        if before is None:
            continue
        if m.group("local").lower() in ROLE_MAILBOXES:
            continue  # "Support (support@…)": a mailbox of a role
        local = _fold(m.group("local"))
        words = list(re.finditer(r"[^\s]+", before.group(0)))
        while words and not all(
            len(_fold(w.group(0))) >= 3 and _fold(w.group(0)) in local for w in words
        ):
            words.pop(0)  # "ping Nowak (anowak@…)": the verb is no part of the name
        if words and all(w.group(0)[0].isupper() for w in words):
            start = before.start() + words[0].start()
            out.append(Candidate(PERSON, start, before.start() + words[-1].end(), _SCORE))
    return out


def _role_sender(m: re.Match[str]) -> bool:
    """``Support <support@acme.io>``: a role mailbox or a display name of function words."""
    local = m.group(0).rsplit("<", 1)[1].split("@", 1)[0].lower()
    words = [w.strip(".,!") for w in m.group("v").split()]
    return local in ROLE_MAILBOXES or all(is_function_word(w) for w in words)


_SIGNATURE_RE = re.compile(r"\n[ \t]*\n[ \t]*(?P<v>[^\W\d_][^\n]{0,60}?)[ \t]*\n?\Z")


def _signature(text: str) -> list[Candidate]:
    """A message's last line, after a blank line, that is one to three capitalised words."""
    m = _SIGNATURE_RE.search(text)
    if m is None or len(m.group("v").split()) > 3:
        return []
    span = name_value(m.group("v"))
    if span is None or span[1] - span[0] != len(m.group("v")):
        return []
    if any(is_function_word(w.strip(".,!")) for w in m.group("v").split()):
        return []
    return [Candidate(PERSON, m.start("v") + span[0], m.start("v") + span[1], 0.5)]
