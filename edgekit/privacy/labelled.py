"""Values a label names: person-level identifiers, passwords written out, webhook URLs,
years of birth.

An ID-like token says nothing by its shape: ``E-14704`` may be an order or an
employee. Its label decides. Under a label that names a **person-level
identifier** — an employee, staff, badge, member, customer, patient, student
or user number, a health-insurance or medical-record number, a driving licence
(in English, German, French, Spanish, Italian, Dutch, Portuguese) — an ID-like
token is an ``ID_NUMBER``, as its form label, its JSON/YAML key (also
``"user": {"id": …}``), its column header, or the words right before it
(``user 910483 updated …``, ``a driving licence (PRZYB853142M99E0)``). Order,
invoice, ticket, SKU, tracking and build numbers have other labels and stay
out.

A password word followed by a literal is a ``SECRET`` (it blocks under
``strict``): ``my password is X``, ``pw: X``, ``la contraseña del wifi es X``,
``password was literally X``, ``prod password X``. The literal must look like
one (a digit or a symbol in it, or mixed case), so ``password reset``,
``password is required`` or ``the password field`` are not secrets.

A credential on a command line is a ``SECRET``: ``curl -u user:pass``,
``--password=…``, ``mysql -pSECRET``, ``sshpass -p …``.

A year after a birth word (``born 1983``, ``Jahrgang 1961``, ``nata nel 1990``) is a
``DATE_OF_BIRTH``.

Incoming-webhook URLs of any provider (a path segment ``webhook``/``hooks``
followed by a random-looking token) are secrets: whoever holds one can post.
"""

from __future__ import annotations

import datetime
import re

from edgekit.privacy import types as t
from edgekit.privacy import validators as v
from edgekit.privacy.credentials import credentials, is_literal, is_reference
from edgekit.privacy.secret_forms import secret_forms
from edgekit.privacy.structure import structure_of
from edgekit.privacy.types import Candidate
from edgekit.privacy.validators import mixes_letters_and_digits

_PERSON = (
    r"employee|staff|badge|member(?:ship)?|customer|client|patient|student|pupil|personnel|"
    r"payroll|worker|user|insured|policy ?holder"
)
_NUMBER = r"id|no\.?|nr\.?|number|num|#|code"
# Whose number, in the languages that put the number first: id_cliente, cod_socio, num_patient.
_WHOSE = (
    r"cliente|client|klant|kunde|kunden|socio|paziente|paciente|patient|empleado|dipendente|"
    r"utente|usuario|utilisateur|adherent|adhérent|abonné|abonado|afiliado|alumno|alunno|"
    r"studente|estudiante|étudiant|élève|mitglied|membre|miembro|customer|employee|member|user"
)
# Labels that name a person-level identifier (matched case-insensitively).
_PERSON_ID_LABEL = (
    rf"(?:{_PERSON})[ _\-]?(?:{_NUMBER})|emp[ _\-]?(?:id|no\.?|nr\.?|#)"
    r"|medical record(?: number| no\.?)?|mrn|nhc|n\.?º? ?h\.?c\.?|historia clínica"
    r"|health (?:insurance )?(?:card|number|no\.?|id)|insurance (?:number|no\.?|id)"
    r"|driver'?s? ?licen[cs]e(?: ?(?:number|no\.?|#|id))?"
    r"|driving licen[cs]e(?: ?(?:number|no\.?))?|licen[cs]e (?:number|no\.?|#)"
    r"|dl ?(?:#|no\.?|number)|itin"
    # German
    r"|personal(?:nummer|-?nr\.?)|pers\.?[ \-]?nr\.?|mitarbeiter(?:nummer|-?nr\.?|-?id)"
    r"|(?:kranken)?versicherten(?:nummer|-?nr\.?)|krankenkassennummer|kvnr"
    r"|führerschein(?:nummer|-?nr\.?)?|schülernummer|matrikelnummer|patienten(?:nummer|-?id)"
    r"|(?:mitglieds|kunden|abonnenten|ausweis|personalausweis)(?:nummer|-?nr\.?)|personalausweis"
    r"|steuer-?id|steuer-?identifikationsnummer|steuernummer|st\.-?nr\.?|tax (?:id|number|no\.?)"
    # French
    r"|matricule|n° ?(?:de )?matricule|numéro (?:de )?(?:matricule|salarié|employé|adhérent|"
    r"patient|dossier|permis|sécurité sociale)|numéro d'(?:adhérent|abonné|employé)"
    r"|n° ?(?:de |d'|du )?(?:salarié|adhérent|abonné|permis|dossier|client|membre|employé|"
    r"allocataire)|numéro d'allocataire|allocataire caf"
    r"|permis de conduire(?: n°| no\.?)?|carte vitale|numéro d'étudiant"
    # Spanish
    r"|n\.?[º°o]\.? ?(?:de )?(?:empleado|socio|abonado|cliente|paciente|"
    r"afiliación(?: (?:a la )?(?:ss|s\.s\.|seg\.? ?social|seguridad social))?|"
    r"afiliado|historia)"
    r"|n\.?[º°o]\.? ?(?:de )?(?:la )?(?:ss|seguridad social)|nuss|nss"
    r"|número de (?:empleado|socio|paciente|afiliación|afiliado|historia clínica|carnet)"
    r"|legajo|tarjeta sanitaria|carnet de conducir|licencia de conducir|permiso de conducir"
    # Italian
    r"|matricola|numero (?:di )?(?:matricola|dipendente|paziente|tessera|patente)"
    r"|codice (?:dipendente|paziente|cliente)|tessera sanitaria"
    r"|patente(?: di guida)?(?: n\.?| nr\.?)?"
    r"|tessera(?: (?:socio|associativa|n\.|nr\.?|n°|numero))?|n\. (?:socio|tessera|cliente)"
    # Dutch, Portuguese
    r"|personeelsnummer|rijbewijs(?:nummer)?|patiëntnummer|número de (?:funcionário|utente)"
    r"|lidnummer|lidmaatschapsnummer|klantnummer|n\.?[º°o]\.? (?:de )?(?:sócio|cliente|utente)"
    r"|número de (?:sócio|cliente)"
    # bank accounts (an IBAN has its own rule)
    r"|(?:bank )?account (?:number|no\.?|#)|kontonummer|konto-?nr\.?|numéro de compte"
    r"|n° de compte|número de cuenta|n[º°]\.? de cuenta|numero (?:di )?conto|rekeningnummer"
    r"|número da conta"
    # Polish, Turkish
    r"|numer (?:klienta|pracownika|członkowski|legitymacji)|(?:müşteri|personel|üye|sicil) no"
    r"|carta de condução"
)
# An object named for a person whose id key follows: "user": {"id": …}, insurance: { number: ….
_PERSON_OBJECT = rf"(?:{_PERSON}|insurance|employee|account holder)"
_ID_VALUE = r"(?-i:[A-Z0-9](?:[A-Z0-9]|[\-/. ](?=[A-Z0-9])){2,24})"
# Whose number it is and a verb, in a sentence: "licence number is …", "die
# Steuer-Identifikationsnummer meines Sohnes lautet …", "numéro d'adhérent est …".
_SAID = (
    r"(?:(?:[^\W\d][\w'’.\-]*[ \t]+){0,3}?"
    r"(?:is|was|ist|lautet|war|es|est|était|è|era|é|are|sono|sind)[ \t]*:?[ \t]+)?"
)
_JOIN = (
    rf"[\"']?[ \t]*(?:\([^()\n]{{1,24}}\)[ \t]*)?{_SAID}"
    # (a bar between a label's cell and its value's: "| Staff number | EMP926909 |")
    r"(?:[:=#|][ \t]*|n[°º]\.?[ \t]*|no\.?[ \t]*)?"
    r"(?:[:=][ \t]*)?[\"'(]?[ \t]*"
)
# Labels added in the eighth round, in their own pattern gated by their own stems (one more
# alternative in the pattern above is tried at every position of every text).
_MORE_PERSON_ID_LABEL = (
    rf"(?:id|cod|codigo|código|codice|num|nr|no|n)[_\-.](?:del?_|du_)?(?:{_WHOSE})"
    # (a customer's "ref" is often an order's: only an employee's or a patient's counts)
    r"|(?:payroll|employee|staff|patient|personnel)[ _\-]?(?:ref\.?|reference)"
    # a hospital's number for its patient; a doctor's registration
    r"|hospital (?:no\.?|number|nr\.?|id)|krankenhausnummer"
    r"|rpps|adeli|gmc (?:no\.?|number)|npi|lanr|n\.?º? ?(?:de )?colegiado|big-?(?:nummer|nr\.?)"
    # ID as the document one carries, its number right after: "Bring ID (…)", "photo ID: …"
    r"|(?:bring|show|carry|photo|your)[ \t]+(?:your[ \t]+|a[ \t]+|photo[ \t]+)?id(?= ?[(:#])"
    r"|kd\.?-?nr\.?|kdnr|kd\.?-?nummer|mitgl\.?-?nr\.?"
    # the number after whose it is ("client n° K8…", "socio nº 1234"); a pupil's INE
    r"|(?:client|cliente|socio|membre|adhérent|abonné|patient|paciente|paziente)[ \t]+n[°º.]"
    r"|(?:numéro|n°)[ \t]?ine|identifiant national (?:élève|étudiant)"
    # (session 9) a Polish identity card's number by its label ("Nr poprzedniego dowodu:")
    r"|(?:nr\.?|numer|seria(?: i numer)?)[ \t]+(?:[^\W\d_]{3,14}[ \t]+)?dowodu(?: osobistego)?"
    # an account's id ("Account id ACC-3321505")
    r"|account[ _\-]?id"
)
_MORE_PERSON_ID_STEMS = (
    *("id_", "id-", "cod_", "cod-", "codigo_", "código_", "codice_", "num_", "num-"),
    *("nr_", "no_", "n_", " ref", "hospital", "krankenhaus", "rpps", "adeli", "gmc ", "npi"),
    *("lanr", "colegiado", "big-n", "bign", "id (", "id(", "id:", "id #", "id#", "kd-", "kd."),
    *("kdnr", "mitgl", " n°", " nº", "° ine", "o ine", "°ine", "identifiant", "dowodu"),
    # the bare words before a long number
    *("account ", "customer ", "client ", "member ", "patient "),
)
_MORE_PERSON_ID_RE = re.compile(
    rf"(?i)(?<![\w])(?:(?:{_MORE_PERSON_ID_LABEL}){_JOIN}"
    rf"|(?<![\w.])(?P<bare>account|customer|client|member|patient)[ \t]+)"
    rf"(?P<v>{_ID_VALUE})(?![\w@])"
)
_PERSON_ID_RE = re.compile(
    rf"(?i)(?<![\w])(?:(?:{_PERSON_ID_LABEL}){_JOIN}"
    rf"|{_PERSON_OBJECT}[\"']?[ \t]*[:=][ \t]*\{{[ \t\r\n]{{0,40}}"
    rf"[\"']?(?:id|_id|uid|number|no|nr)[\"']?"
    rf"[ \t]*:[ \t]*[\"']?"
    rf"|(?<![\w.])(?P<bare>user)[ \t]+)(?P<v>{_ID_VALUE})(?![\w@])"
)
# A column named for a person ("employee", "badge") holding ID-like values holds their IDs.
_ID_FIRST_COLUMN = (
    rf"(?:id|cod|codigo|código|codice|num|nr|no|n)[ _\-.](?:del?[ _]|du[ _])?(?:{_WHOSE})"
)
_PERSON_ID_COLUMN = re.compile(
    rf"(?i)^(?:{_PERSON_ID_LABEL}|{_MORE_PERSON_ID_LABEL}|{_PERSON}|badge|{_ID_FIRST_COLUMN})$"
)
_SCORE = 0.9


def _id_like(value: str) -> tuple[int, int] | None:
    """The ID part of ``value`` (trailing words without digits dropped), or None."""
    pieces = re.split(r"([\-/. ])", value)
    while pieces and not any(c.isdigit() for c in pieces[-1]):
        pieces = pieces[:-2]
    kept = "".join(pieces)
    digits = sum(c.isdigit() for c in kept)
    if digits < 2 or len(kept) < 4 or _DATE.fullmatch(kept):
        return None
    return 0, len(kept)


_DATE = re.compile(r"\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}")
_YEAR_OR_VERSION = re.compile(r"(?:19|20)\d\d|v?\d+(?:\.\d+)+")
# A person's number after a bare word: six characters or more, four digits or more, no year
# or version at its start.
_LONG_NUMBER_ID = re.compile(
    r"(?!(?:19|20)\d\d(?:[\-/.]|$))(?=(?:[^\d]*\d){4})[A-Z0-9][A-Z0-9\-]{5,24}"
)


# Substrings one of which every label above holds: a cheap test before the long pattern.
_PERSON_ID_STEMS = (
    *("employ", "staff", "badge", "member", "customer", "client", "patient", "pacient"),
    *("paziente", "student", "pupil", "personnel", "payroll", "worker", "user", "insur"),
    *("policy", "emp", "medical", "mrn", "nhc", "n.h.c", "historia", "health", "driv"),
    *("licen", "dl", "itin", "personal", "pers", "mitarbeiter", "versicher", "kranken"),
    *("kvnr", "führer", "schüler", "matri", "numéro", "n°", "permis", "vitale", "étudiant"),
    *("nº", "n.º", "número", "legajo", "tarjeta", "carnet", "numero", "codice", "tessera"),
    *("patente", "personeel", "rijbewijs", "patiënt", "funcion", "utente", "condução"),
    *("socio", "afilia", "dipendente", "holder", "insured", "no ", "no.", "n. "),
    *("mitglied", "kunden", "abonn", "ausweis", "steuer", "st.-", "st.n", "tax ", "adhér"),
    *("cliente", "lidnummer", "lidmaatschap", "klant", "sócio", "numer ", "müşteri"),
    *("personel", "üye", "sicil", "account n", "account #", "konto", "de compte"),
    *(
        "de cuenta",
        " conto",
        "rekening",
        "da conta",
        "account",
        "id_",
        "id-",
        "cod_",
        "cod-",
        "codigo_",
        "código_",
        "codice_",
        "num_",
        "num-",
        "nr_",
        "no_",
        "n_",
    ),
    *(
        "hospital",
        "rpps",
        "adeli",
        "gmc ",
        "npi",
        "lanr",
        "colegiado",
        "big-n",
        "bign",
        "kd-",
        "kd.",
        "kdnr",
    ),
    *(
        "allocataire",
        "id (",
        "id(",
        "id:",
        "id #",
        "id#",
        "numéro ine",
        "n° ine",
        "n°ine",
        "identifiant",
    ),
)


def _person_ids(text: str) -> list[Candidate]:
    found = []
    lower = text.lower()
    matches = (
        list(_PERSON_ID_RE.finditer(text)) if any(s in lower for s in _PERSON_ID_STEMS) else []
    )
    if any(s in lower for s in _MORE_PERSON_ID_STEMS):
        matches.extend(_MORE_PERSON_ID_RE.finditer(text))
    for m in matches:
        span = _id_like(m.group("v"))
        if (
            m.group("bare")
            and m.group("bare").lower() != "user"
            and not _LONG_NUMBER_ID.fullmatch(m.group("v"))
        ):
            continue  # "client 2.31.0", "account 2024-Q3", "customer 360": not a person's number
        if span is not None:
            start = m.start("v")
            found.append(Candidate(t.ID_NUMBER, start, start + span[1], _SCORE))
    for field in structure_of(text).fields:
        if field.kind in ("table", "sql") and _PERSON_ID_COLUMN.match(field.label):
            span = _id_like(text[field.start : field.end])
            if span is not None and " " not in text[field.start : field.end].strip():
                found.append(Candidate(t.ID_NUMBER, field.start, field.start + span[1], _SCORE))
    return found


# --- typed values: {"type": "SV-Nummer", "value": "…"} -------------------------------------

# An object that names the kind of a value in one field and gives it in another, in either
# order: {"type": "SIN", "value": …}, "doc_type":"NHS number","doc_number":…, kind: passport.
_TYPE_KEY = r"(?:doc(?:ument)?[_ ]?type|id[_ ]?type|identifier[_ ]?type|type|kind|scheme)"
_VALUE_KEY = r"(?:doc(?:ument)?[_ ]?(?:number|no|nr|id)|id[_ ]?(?:number|no)|number|value|no|nr|id)"
_Q = r"[\"']"
_FIELD_SEP = rf"{_Q}?[ \t]*[:=][ \t]*"
_TYPED_VALUE_RE = re.compile(
    rf"(?i)(?<![\w-]){_Q}?{_TYPE_KEY}{_FIELD_SEP}{_Q}?(?P<name>[^\"'\n{{}},]{{2,40}}){_Q}?"
    rf"[^{{}}]{{0,120}}?(?<![\w-]){_Q}?(?P<key>{_VALUE_KEY}){_FIELD_SEP}{_Q}?"
    rf"(?P<value>[^\"'\n,{{}}]{{4,40}})"
    rf"|(?<![\w-]){_Q}?(?P<key2>{_VALUE_KEY}){_FIELD_SEP}{_Q}?(?P<value2>[^\"'\n,{{}}]{{4,40}})"
    rf"[^{{}}]{{0,120}}?(?<![\w-]){_Q}?{_TYPE_KEY}{_FIELD_SEP}{_Q}?(?P<name2>[^\"'\n{{}},]{{2,40}}){_Q}?"
)
# Kinds of identity documents with no check of their own: the whole type names one.
_ID_KIND = re.compile(
    r"(?i)(?:passport|reisepass|passeport|pasaporte|passaporto|national id|id card|"
    r"identity card|personalausweis|ausweis|carte d'identité|dni|nie|ssn|social security|"
    r"driver'?s? ?licen[cs]e|driving licen[cs]e|führerschein|permis de conduire|patente)"
    r"(?: ?(?:number|no\.?|nr\.?|#|id))?"
)


def _typed_values(text: str) -> list[Candidate]:
    """The value of a typed-value object whose type names an identifier: checked by the
    named scheme where it has one (SIN, SV-Nummer, NHS …), ID-like otherwise."""
    from edgekit.privacy.world_ids import named_id

    found = []
    for m in _TYPED_VALUE_RE.finditer(text):
        name = (m.group("name") or m.group("name2")).lower()
        group = "value" if m.group("value") is not None else "value2"
        value = m.group(group).strip()
        key = (m.group("key") or m.group("key2")).lower()
        # a scheme with a check must pass it ("SIN" + a phone number stays a phone); a
        # document without one needs its whole type to name it, and a record's own "id"
        # is not the document's number
        accepted = named_id(value, name) or (
            key != "id" and bool(_ID_KIND.fullmatch(name.strip())) and _id_like(value) is not None
        )
        if accepted:
            start = m.start(group) + m.group(group).index(value)
            found.append(Candidate(t.ID_NUMBER, start, start + len(value), 0.95))
    return found


def _named_checked_ids(text: str) -> list[Candidate]:
    """Phone-shaped numbers whose label or sentence names an identifier they pass the check
    of (``SV-Nummer: 1237 010180``): the phone rule leaves them, they are IDs."""
    from edgekit.privacy.detectors import PHONE_RE, SENTENCE_REACH, named_identifier
    from edgekit.privacy.world_ids import scheme_word_ends

    found: dict[int, Candidate] = {}
    searched = 0  # numbers before this offset were looked at already
    for end in scheme_word_ends(text):
        start = max(end, searched)
        stop = min(len(text), end + SENTENCE_REACH)
        for m in PHONE_RE.finditer(text, start, stop):
            span = named_identifier(text, m)
            if span is not None:
                found[m.start()] = Candidate(t.ID_NUMBER, span[0], span[1], 0.9)
        searched = max(searched, stop)
    return list(found.values())


# --- FHIR identifiers: every identifier of a person's resource ------------------------------

# {"resourceType": "Patient", "identifier": [{"system": "…/nhs-number", "value": "…"}, …]}:
# whatever system names it (an OID, a URL), an identifier of a patient, a practitioner or a
# person is theirs. XML too: <identifier><system value="…"/><value value="…"/></identifier>.
_FHIR_PERSON = re.compile(
    r"(?:\"resourceType\"\s*:\s*\"|<)(?:Patient|Practitioner|PractitionerRole|Person|"
    r"RelatedPerson|Coverage)\b"
)
_FHIR_IDENTIFIER = re.compile(r"\"identifier\"\s*:\s*\[|<identifier>")
_FHIR_VALUE = re.compile(
    r"\"value\"\s*:\s*\"(?P<v>[^\"\n]{3,40})\"|<value value=\"(?P<x>[^\"\n]{3,40})\""
)
_FHIR_REACH = 2000


def _fhir_identifiers(text: str) -> list[Candidate]:
    if not _FHIR_PERSON.search(text):
        return []
    found = []
    for m in _FHIR_IDENTIFIER.finditer(text):
        for value in _FHIR_VALUE.finditer(text, m.end(), _identifier_end(text, m)):
            group = "v" if value.group("v") is not None else "x"
            if _id_like(value.group(group)) is not None:
                found.append(Candidate(t.ID_NUMBER, value.start(group), value.end(group), _SCORE))
    return found


def _identifier_end(text: str, m: re.Match[str]) -> int:
    """Where the identifier list (JSON) or element (XML) opened by ``m`` closes."""
    stop = min(len(text), m.end() + _FHIR_REACH)
    if m.group(0) == "<identifier>":
        close = text.find("</identifier>", m.end(), stop)
        return stop if close < 0 else close
    depth, quoted = 1, False
    for i in range(m.end(), stop):
        c = text[i]
        if c == '"' and text[i - 1] != "\\":
            quoted = not quoted
        elif not quoted and c in "[]":
            depth += 1 if c == "[" else -1
            if depth == 0:
                return i
    return stop


# --- answers in a chat: the value asked for, given in the next message -------------------

# "[14:02] Callum: can you send me the wifi password" / "[14:03] Ernst: it's Mimi-1989";
# "Support: Ihr Geburtsdatum?" / "Kunde: Consolata Rotermund, 06.03.1977".
_SPEAKER = re.compile(r"[ \t]*(?:\[[^\]\n]{1,24}\][ \t]*)?[^\W\d][^:\n]{0,40}?:[ \t]+")
_ASKED_PASSWORD = re.compile(
    r"(?i)(?<![\w-])(?:password|passwort|kennwort|passcode|contraseña|mot de passe|mdp|"
    r"wachtwoord|senha|pw)(?![\w-])"
)
_ASKED_BIRTH = re.compile(
    r"(?i)date of birth|birth ?date|birthday|\bdob\b|geburtsdatum|geburtstag|"
    r"fecha de nacimiento|date de naissance|data di nascita|data de nascimento|when were you born"
)
_TOKEN = re.compile(r"[^\s,;\"'“”«»()]{6,64}")


def _answers(text: str) -> list[Candidate]:
    """A password, a date of birth or a person-level number given in the chat message right
    after the one that asks for it ("Kundennummer und Geburtsdatum?" / "Ich: 3579…, geboren …")."""
    found: list[Candidate] = []
    asked: set[str] = set()
    asker = ""
    pos = 0
    for line in text.split("\n"):
        speaker = _SPEAKER.match(line)
        if speaker is None:
            asked = asked if not line.strip() else set()
        else:
            who = _who(speaker.group(0))
            if who == asker:
                asked = set()  # the same person goes on: no answer yet
            found.extend(_answer(text, asked, pos + speaker.end(), pos + len(line)))
            asked, asker = _asked(line[speaker.end() :]), who
        pos += len(line) + 1
    return found


# "Please never share your password!", "ne partagez jamais": a warning, not a request.
_WARNED = re.compile(
    r"(?i)\b(?:never|don'?t|do not|nie|niemals|nunca|no (?:compartas|envíes|mandes)|jamais|"
    r"mai|non (?:condividere|inviare))\b[^\n.!?]{0,30}?(?:share|send|give|tell|post|teil|gib|"
    r"sag|schick|compart|env|mand|partag|donn|condivid|invi|dar|dir)"
)


def _asked(said: str) -> set[str]:
    """What a chat message asks for: ``password``, ``birth``, ``id`` (none without a request)."""
    if not _REQUEST.search(said):
        return set()
    kinds = set()
    if _ASKED_PASSWORD.search(said) and not credentials(said) and not _WARNED.search(said):
        kinds.add("password")
    if _ASKED_BIRTH.search(said):
        kinds.add("birth")
    if _ASKED_ID.search(said):
        kinds.add("id")
    return kinds


def _answer(text: str, asked: set[str], start: int, end: int) -> list[Candidate]:
    """The values of the kinds asked for in the message ``text[start:end]``."""
    from edgekit.privacy.detectors import DOB_RE, is_birth_date

    found: list[Candidate] = []
    if "password" in asked:
        found.extend(_password_answer(text, start, end))
    if "birth" in asked:
        found.extend(
            Candidate(t.DATE_OF_BIRTH, m.start(), m.end(), 0.8)
            for m in DOB_RE.finditer(text, start, end)
            if is_birth_date(text, m)
        )
    if "id" in asked:
        for m in _ANSWER_ID.finditer(text, start, end):
            if _id_like(m.group(0)) is not None and not _YEAR_OR_VERSION.fullmatch(m.group(0)):
                found.append(Candidate(t.ID_NUMBER, m.start(), m.end(), 0.8))
                break  # the first number of the answer is the one asked for
    return found


# The person-level numbers a support agent asks for (customer, member, contract, policy …).
_ASKED_ID = re.compile(
    r"(?i)(?:customer|client|member(?:ship)?|account|contract|policy|patient|subscriber|"
    r"kunden|mitglieds|vertrags|versicherten|abonnenten|cliente|socio|contrato|póliza|"
    r"adhérent|abonné|contrat|tessera|contratto|polizza|klant|lid)[ \-]?"
    r"(?:number|no\.?|nr\.?|id|#|nummer|número|numéro|numero|n°|nº)|kundennummer|"
    r"número de (?:cliente|socio|contrato)|numéro (?:de |d')(?:client|adhérent|contrat)|"
    r"numero (?:di )?(?:cliente|tessera|contratto)|klantnummer|lidnummer"
)
_NUMBER_STEMS = ("umber", "ummer", "úmero", "uméro", "umero", "n°", "nº", "N°", "Nº")
_ANSWER_ID = re.compile(r"(?<![\w\-./])(?=[A-Z0-9\-]*\d)[A-Z0-9][A-Z0-9\-]{3,23}(?![\w\-./])")


# A question or a request: "?", "send me", "what's", "schick mir", "dime", "donne-moi" ….
_REQUEST = re.compile(
    r"(?i)\?|\b(?:send|give|tell|share|what'?s?|which|remind|please|bitte|schick|gib|sag|nenn|"
    r"welche[sn]?|por favor|s'il vous plaît|per favore|"
    r"was|envía|manda|dime|dame|cuál|qual|quel(?:le)?|donne|envoie|dis-moi|dimmi|mandami)\b"
)


def _who(speaker: str) -> str:
    """The speaker's name without the time stamp: "[14:03] Ernst: " → "ernst"."""
    return re.sub(r"^[ \t]*\[[^\]]*\][ \t]*", "", speaker).rstrip(": \t").lower()


_UUID_SHAPE = re.compile(r"[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}")


def _password_answer(text: str, start: int, end: int) -> list[Candidate]:
    """The first token of a message that reads as a password ("it's Mimi-1989")."""
    for m in _TOKEN.finditer(text, start, end):
        value = m.group(0).rstrip(".!?")
        if "@" in value or "://" in value or _UUID_SHAPE.fullmatch(value):
            continue  # an address, a link, a chat's or a request's id: never a password
        if is_literal(value, "say", quoted=False):
            return [Candidate(t.SECRET, m.start(), m.start() + len(value), 0.85)]
    return []


# --- credentials on a command line ---------------------------------------------------------

# curl -u user:pass, wget --user=u --password=p, mysql -pSECRET, sshpass -p pw
_CLI_CREDENTIAL_RE = re.compile(
    r"\b(?:curl|wget|http|httpie|svn|lftp|ftp|aria2c)\b[^\n]{0,200}?(?<![\w-])(?:-u|--user)[ =]"
    r"[\"']?(?P<v>[^\s:\"']{1,64}:[^\s\"']{3,128})"
    r"|(?<![\w-])--(?:password|passwd|pass)[ =][\"']?(?P<w>[^\s\"']{4,128})"
    r"|\b(?:mysql|mysqldump|mariadb)\b[^\n]{0,80}?[ \t]-p(?P<x>[^\s\"']{4,128})"
    r"|\bsshpass[ \t]+-p[ \t]*[\"']?(?P<y>[^\s\"']{4,128})"
)


def _cli_credentials(text: str) -> list[Candidate]:
    found = []
    for m in _CLI_CREDENTIAL_RE.finditer(text):
        group = next(g for g, value in m.groupdict().items() if value)
        value = m.group(group)
        if not is_reference(value.split(":", 1)[-1]):
            found.append(Candidate(t.SECRET, m.start(group), m.end(group), 0.9))
    return found


# --- webhook URLs of any provider -------------------------------------------------------------

_WEBHOOK_RE = re.compile(
    r"(?i)\bhttps?://[\w.\-]{3,100}/(?:[^\s\"'<>]{0,200}?/)?"
    r"(?:webhooks?|hooks|incomingwebhook|webhookb2)/(?P<rest>[^\s\"'<>]{16,400})"
)


def _webhooks(text: str) -> list[Candidate]:
    found = []
    for m in _WEBHOOK_RE.finditer(text):
        segments = re.split(r"[/@?&=]", m.group("rest"))
        if any(_random_segment(s) for s in segments):
            end = m.end()
            while text[end - 1] in ".,;:!?)]}":
                end -= 1
            found.append(Candidate(t.SECRET, m.start(), end, 0.95))
    return found


def _random_segment(segment: str) -> bool:
    """A token no one would type: ≥ 16 characters with ≥ 4 digits and ≥ 4 letters."""
    return len(segment) >= 16 and mixes_letters_and_digits(segment, 4)


# --- a year of birth -----------------------------------------------------------------------

_BIRTH_YEAR_RE = re.compile(
    r"(?i)(?<![\w])(?:born(?: in)?|b\.|née? en|née? le|nat[oa] nel|geboren(?: im jahr)?|"
    r"jahrgang|nacid[oa] en|year of birth|birth ?year|yob|année de naissance|"
    r"anno di nascita|año de nacimiento|geburtsjahr|ano de nascimento|ur\. w)"
    r"[ \t]*:?[ \t]*(?P<y>(?:19|20)\d{2})(?![\w.\-/])"
)


# Substrings an ASCII text must hold for the pattern above to match it (the words written
# with accents cannot match ASCII text at all): a cheap test before the pattern.
_BIRTH_YEAR_STEMS = (
    *("born", "b.", "nat", "geboren", "jahrgang", "nacid", "birth", "yob"),
    *("nascita", "geburtsjahr", "nascimento", "ur. w"),
)


def _birth_years(text: str) -> list[Candidate]:
    """ "(born 1983)", "Jahrgang 1961", "year of birth: 1990": a year of birth."""
    if "19" not in text and "20" not in text:
        return []
    if text.isascii():
        lower = text.lower()
        if not any(stem in lower for stem in _BIRTH_YEAR_STEMS):
            return []
    this_year = datetime.date.today().year
    return [
        Candidate(t.DATE_OF_BIRTH, m.start("y"), m.end("y"), 0.8)
        for m in _BIRTH_YEAR_RE.finditer(text)
        if int(m.group("y")) <= this_year
    ]


# "Patient: Anna Petrova, * 19/07/1997", "Max Muster (* 3. Mai 1961)", "Ilse Roth, *1948":
# the genealogists' star before a date or a year is a birth; so is a birthday cake
# ("Lena 🎂 14.02.1996", "🎂 1988").
# (found from the star or the cake, then the character before is checked: a pattern that
# starts at every letter costs a scan of every text)
_STAR_BIRTH_RE = re.compile(r"(?:\*[ \t]?|🎂[ \t]*(?:[:\-–][ \t]*)?)(?=\d)")
_BEFORE_STAR = re.compile(r"(?:[,(]|[^\W\d_])[ \t]*$")
_STAR_YEAR_RE = re.compile(r"(?:19|20)\d\d(?![\d.\-/:])")
# A birth date typed with blanks for separators, as an identity card prints it
# ("Né(e) le 08 09 1981", "FECHA DE NACIMIENTO 15 10 1967").
_SPACED_BIRTH_RE = re.compile(
    r"(?i)(?:né\(?e?\)? le|née le|date de naissance|fecha de nacimiento|geburtsdatum|"
    r"geboren am|data di nascita|data de nascimento|date of birth|birth date|dob)[ \t:.]*"
    r"(?P<a>\d{2}) (?P<b>\d{2}) (?P<y>(?:19|20)\d{2})(?![\d])"
)


# (after a comma, a bracket or a capitalised word: a name)
_BEFORE_ABBREVIATED_BIRTH = re.compile(r"(?:[,(]|\b[A-ZÀ-ÞА-Я][^\W\d_]+)[ \t]*$")
_ABBREVIATED_BIRTH_RE = re.compile(r"(?<![\w.])b\.[ \t]?(?:on[ \t]+)?(?=\d)")
# A date built in code under a birth key: 'birth_date': datetime.date(1981, 3, 9),
# dob = LocalDate.of(1990, 10, 17), "fecha_nac": new Date(1975, 0, 31).
_CONSTRUCTED_BIRTH_RE = re.compile(
    r"(?i)(?:birth|dob|geb|nacim|nasc|naiss|born)[\w]{0,12}[\"']?[ \t]*[:=][ \t]*"
    r"(?:new[ \t]+)?(?:[\w.]{0,20}\.)?(?:date|datetime|localdate\.of|date\.of)\([ \t]*"
    r"(?P<y>(?:19|20)\d\d)[ \t]*,[ \t]*(?P<m>\d{1,2})[ \t]*,[ \t]*(?P<d>\d{1,2})(?!\d)"
)


def _constructed_births(text: str) -> list[Candidate]:
    found = []
    for m in _CONSTRUCTED_BIRTH_RE.finditer(text):
        year, month, day = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        # (JavaScript's Date counts months from 0)
        if v.date_ok(year, month, day) or v.date_ok(year, month + 1, day):
            found.append(Candidate(t.DATE_OF_BIRTH, m.start("y"), m.end("d"), 0.85))
    return found


_BIRTH_LABEL_STEMS = (
    "né",
    "naissance",
    "nacimiento",
    "geburtsdatum",
    "geboren",
    "nascit",
    "birth",
    "dob",
)


def _marked_births(text: str) -> list[Candidate]:
    from edgekit.privacy.detectors import DOB_RE, is_birth_date

    found = []
    if "*" in text or "🎂" in text:
        for m in _STAR_BIRTH_RE.finditer(text):
            if m.group(0)[0] == "*" and not _BEFORE_STAR.search(
                text, max(0, m.start() - 8), m.start()
            ):
                continue  # "5 * 3", a bullet "* 12 items": no one's star
            date = DOB_RE.match(text, m.end())
            if date is not None and is_birth_date(text, date):
                found.append(Candidate(t.DATE_OF_BIRTH, date.start(), date.end(), 0.8))
            elif (year := _STAR_YEAR_RE.match(text, m.end())) and int(year.group(0)) <= _THIS_YEAR:
                found.append(Candidate(t.DATE_OF_BIRTH, year.start(), year.end(), 0.8))
    if "b." in text:  # "Lorenzo Esposito, b. 18/09/1932", "(b. 3 May 1941)": born, abbreviated
        for m in _ABBREVIATED_BIRTH_RE.finditer(text):
            if not _BEFORE_ABBREVIATED_BIRTH.search(text, max(0, m.start() - 24), m.start()):
                continue  # "a. 12/03 … payment b. 14/03": an enumeration, no one's birth
            date = DOB_RE.match(text, m.end())
            if date is not None and is_birth_date(text, date):
                found.append(Candidate(t.DATE_OF_BIRTH, date.start(), date.end(), 0.8))
    if "(" in text and _BRACKETED_NUMBER.search(text):
        found.extend(_name_then_id(text))
    if "(" in text and ("ate(" in text or ".of(" in text or "ATE(" in text):
        found.extend(_constructed_births(text))
    lower = text.lower()
    spaced = any(stem in lower for stem in _BIRTH_LABEL_STEMS)
    for m in _SPACED_BIRTH_RE.finditer(text) if spaced else ():
        a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
        if v.date_ok(y, b, a) or v.date_ok(y, a, b):
            found.append(Candidate(t.DATE_OF_BIRTH, m.start("a"), m.end("y"), 0.85))
    return found


_THIS_YEAR = datetime.date.today().year

# A person's row in a hand-written list: "• Rocío Ruiz – 69034150H – 07/04/85", "Ömer Tan -
# 98043217967 - 08.11.69": beside a national identifier that passes its check, a date is the
# person's birth date, and the identifier is theirs even with no word naming it.
# (dashes only: a table's columns are read by their headers, and a date beside a DNI under
# "fecha_alta" is no birth)
_ROW_SEPARATOR = re.compile(r"[ \t]+[–—\-][ \t]+")
# (strong checks only: a nine-digit order number passes an eleven-test one time in eleven)
_ROW_CHECKS = (
    (re.compile(r"(?:\d{8}|[XYZ]\d{7})[A-Z]"), v.spanish_dni_ok),
    (re.compile(r"[A-Z]{6}\d{2}[A-EHLMPR-T]\d{2}[A-Z]\d{3}[A-Z]"), v.italian_fiscal_code_ok),
    (re.compile(r"\d{11}"), v.german_tax_id_ok),
    (re.compile(r"[12]\d{14}"), v.french_nir_ok),
    (re.compile(r"\d{11}"), v.polish_pesel_ok),
    (re.compile(r"[A-Z]{2}\d{6}[A-D]"), v.uk_nino_ok),
)


def _checked_national_id(value: str) -> bool:
    """``value`` has the shape of one of the strong national identifiers and passes its check."""
    compact = value.replace(" ", "").replace(".", "").replace("-", "").upper()
    return any(shape.fullmatch(compact) and check(compact) for shape, check in _ROW_CHECKS)


def _person_rows(text: str) -> list[Candidate]:
    from edgekit.privacy.detectors import DOB_RE, is_birth_date

    found: list[Candidate] = []
    pos = 0
    for line in text.split("\n"):
        cells = _cells(line, pos) if len(_ROW_SEPARATOR.findall(line)) >= 2 else []
        ids = [c for c in cells if _checked_national_id(c[2])]
        dates = [c for c in cells if (d := DOB_RE.fullmatch(c[2])) and is_birth_date(c[2], d)]
        named = any(not any(ch.isdigit() for ch in c[2]) for c in cells)  # a name, a label
        if ids and dates and named:
            found.extend(Candidate(t.ID_NUMBER, s, e, 0.85) for s, e, _ in ids)
            found.extend(Candidate(t.DATE_OF_BIRTH, s, e, 0.85) for s, e, _ in dates)
        pos += len(line) + 1
    return found


def _cells(line: str, offset: int) -> list[tuple[int, int, str]]:
    """The cells of ``line`` between row separators, with their offsets in the text."""
    cells, start = [], 0
    for sep in [*_ROW_SEPARATOR.finditer(line), None]:
        end = sep.start() if sep else len(line)
        raw = line[start:end]
        value = raw.strip(" \t•*-.;,")
        if value:
            first = offset + start + raw.index(value)
            cells.append((first, first + len(value), value))
        start = sep.end() if sep else end
    return cells


# --- session 9: account names, policy numbers, a person object's id, payment handles -----------

# A login name under its label: "Username: harriet99", "login: cody.w66", "Benutzername:
# katrin.h", "nom d'utilisateur : …", "user mbrennan5, pw …" (the account before its password).
_ACCOUNT_LABEL_RE = re.compile(
    r"(?i)(?<![\w])(?:user ?name|login(?: name| id)?|log-in|sign-in name|benutzer(?:name|kennung)"
    r"|anmeldename|nom d'utilisateur|identifiant(?: de connexion)?|nombre de usuario|usuario"
    r"|nome (?:utente|de usuário|de utilizador)|gebruikersnaam|kullanıcı adı|nazwa użytkownika)"
    r"[\"']?[ \t]*[:=][ \t]*[\"']?(?P<v>[^\W\d_][\w.\-+]{1,63})(?![\w@])"
    r"|(?<![\w])(?:user|login|benutzer|usuario|utente)[ \t]+(?P<w>[^\W\d_][\w.\-+]{1,63})"
    r"(?=[ \t]*[,;/|][ \t]*(?:pw|pwd|pass|password|passwort|kennwort|contraseña|mdp)\b)"
)
_ACCOUNT_STEMS = ("user", "login", "log-in", "sign-in", "benutzer", "anmelden", "utilisateur")
_ACCOUNT_STEMS_MORE = ("identifiant", "usuario", "utente", "usuário", "utilizador")
_ACCOUNT_STEMS_ALL = (*_ACCOUNT_STEMS, *_ACCOUNT_STEMS_MORE, "gebruiker", "kullanıcı", "użytk")


def _account_names(text: str) -> list[Candidate]:
    """A login name under its label: a handle (a digit, or ``.``/``_``/``-`` between letters),
    not a service account (``root``, ``admin``, ``svc-backup``) nor a word (``required``)."""
    from edgekit.privacy.credentials import is_placeholder
    from edgekit.privacy.handles import _account

    found = []
    for m in _ACCOUNT_LABEL_RE.finditer(text):
        group = "v" if m.group("v") is not None else "w"
        value = m.group(group).rstrip(".-")
        handle = any(c.isdigit() for c in value) or re.search(r"[^\W\d_][._\-][^\W\d_]", value)
        if handle and _account(value) and not is_placeholder(value) and not value.isdigit():
            found.append(Candidate(t.ID_NUMBER, m.start(group), m.start(group) + len(value), 0.6))
    return found


# A family's benefit number; a Dutch insurer's or supplier's customer number. (An insurance
# policy's number was tried as one in session 9 and dropped: two of four writers planted
# "Póliza #…", "Polizza …" as look-alikes, and on unseen it masked ten look-alikes for two
# values.)
_BENEFIT_LABEL = r"kindergeldnummer|kindergeld-?nr\.?|relatienummer|relatienr\.?"
_YEAR_START = re.compile(r"(?:19|20)\d\d(?:[\-/. ]|$)")  # "2024-25": a year
_BENEFIT_RE = re.compile(rf"(?i)(?<![\w])(?:{_BENEFIT_LABEL}){_JOIN}(?P<v>{_ID_VALUE})(?![\w@])")
_BENEFIT_STEMS_ALL = ("kindergeld", "relatie")

# A person object's own id: "User(id=420385, …)", "Customer(pk=88)", a JWT's subject beside
# its other claims ("sub": "959297" … "iat": …).
_PERSON_REPR_RE = re.compile(
    r"(?<![\w.])(?:User|Customer|Patient|Employee|Member|Student|Person|Client|Account)"
    r"\([ \t]*(?:id|pk|uid|user_id)=[\"']?(?P<v>[\w\-]{3,40})"
)
_JWT_SUBJECT_RE = re.compile(r"[\"']sub[\"'][ \t]*:[ \t]*[\"']?(?P<v>[\w\-|.@]{3,64})")
_JWT_CLAIMS = re.compile(r"[\"'](?:iat|exp|iss|aud|nbf)[\"'][ \t]*:")

# A UPI payment address (India): "ananya47@okaxis", "UPI: rohan8@okhdfcbank"; no domain.
_UPI_RE = re.compile(
    r"(?i)(?:\bupi(?:[ \-]?id)?[ \t]*[:=]?[ \t]*(?P<v>[\w.\-]{2,64}@[a-z]{2,20})(?![\w@]|\.\w)"
    r"|(?<![\w.@])(?P<w>[\w.\-]{2,64}@(?:ok(?:hdfcbank|axis|icici|sbi)|ybl|ibl|axl|apl|paytm|"
    r"upi|oksbi|okbizaxis|jupiteraxis|fam|slc|pingpay|yapl|waicici|waaxis|wasbi|wahdfcbank))"
    r"(?![\w@]|\.\w))"
)


# A capitalised word of a name ("Meijer", "O'Neil", "Jean-Luc").
_CAPITALISED = r"[A-ZÀ-Þ][^\W\d_]['’\-\w]{0,30}"


# A person's number in brackets right after their name: "Courier Vikram Sharma (DRV-49464)",
# "Student: Meijer, Femke (3879310)", "From: Tyler Pruitt (PID 11389749)". The name is two to
# four capitalised words, one a known given or family name; the bracket holds an ID-like
# token of four digits or more, maybe after an identifier's abbreviation (ID, PID, MRN, Nr …).
_NAME_THEN_ID_RE = re.compile(
    rf"(?P<name>{_CAPITALISED},?(?:[ \t]+{_CAPITALISED}){{1,3}})"
    r"[ \t]*\((?P<label>(?i:id|pid|mrn|nr\.?|no\.?|#|emp|staff|badge|member|matr\.?)[ \t:#.]*)?"
    r"(?P<v>(?=(?:[A-Z\-]*\d){4})[A-Z0-9](?:[A-Z0-9]|-(?=[A-Z0-9])){3,23})\)"
)


# Words and prefixes of an order's, an invoice's, a ticket's or a case's number.
_NOT_A_PERSONS_NUMBER = re.compile(
    r"\b(?:order|invoice|inv|ord|ticket|tkt|case|incident|inc|ref|reference|po|so|bug|pr|"
    r"issue|booking|rechnung|bestellung|auftrag|commande|facture|pedido|factura|ordine|"
    r"fattura|sku|build|version|tracking)\b"
)


# A national identifier that passes a strong check right after a person's name and a comma
# ("Gastgeber: Will Young, 95261700345", "Rocío Ruiz, 69034150H"): theirs.
_NAME_COMMA_ID_RE = re.compile(
    rf"(?P<name>{_CAPITALISED}(?:[ \t]+{_CAPITALISED}){{1,3}})"
    r",[ \t]+(?P<v>[A-Z0-9][A-Z0-9 .\-]{7,20}[A-Z0-9])(?![\w\-])"
)


def _person_then_national_id(text: str) -> list[Candidate]:
    from edgekit.privacy.names import is_known_name

    return [
        Candidate(t.ID_NUMBER, m.start("v"), m.end("v"), 0.85)
        for m in _NAME_COMMA_ID_RE.finditer(text)
        if _checked_national_id(m.group("v")) and any(map(is_known_name, m.group("name").split()))
    ]


def _name_then_id(text: str) -> list[Candidate]:
    from edgekit.privacy.names import is_known_name, names_a_company

    found = []
    for m in _NAME_THEN_ID_RE.finditer(text):
        value = m.group("v")
        if (
            _YEAR_OR_VERSION.fullmatch(value)
            or _DATE.fullmatch(value)
            or (value.isdigit() and len(value) < 5)
        ):
            continue  # "(2019)", "(1234)": a year, a short number
        if value.isdigit() and len(value) > 8 and not m.group("label"):
            continue  # "chiamare Paola Riva (3471234567)": her phone
        words = m.group("name").replace(",", " ").split()
        if not any(map(is_known_name, words)):
            continue
        if names_a_company(text, m.start("name"), m.end("name")):
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = text[max(line_start, m.start() - 40) : m.start()].lower() + " " + value.lower()
        if _NOT_A_PERSONS_NUMBER.search(before):
            continue  # "Invoice for Marta Ruiz (INV-2024-0042)": an invoice's number
        found.append(Candidate(t.ID_NUMBER, m.start("v"), m.end("v"), 0.8))
    return found


_BRACKETED_NUMBER = re.compile(r"\([^()\n]{0,12}\d{4}")
_UPI_HANDLE_STEMS = ("@ok", "@ybl", "@ibl", "@axl", "@apl", "@paytm", "@upi", "@fam", "@slc")
_UPI_HANDLE_STEMS_MORE = ("@jupiter", "@pingpay", "@yapl", "@wa")


def _more_person_values(text: str) -> list[Candidate]:
    lower = text.lower()
    found = []
    if any(stem in lower for stem in _ACCOUNT_STEMS_ALL):
        found.extend(_account_names(text))
    if any(stem in lower for stem in _BENEFIT_STEMS_ALL):
        for m in _BENEFIT_RE.finditer(text):
            span = _id_like(m.group("v"))
            kept = m.group("v")[: span[1]] if span is not None else ""
            if sum(c.isdigit() for c in kept) >= 4 and not _YEAR_START.match(kept):
                found.append(Candidate(t.ID_NUMBER, m.start("v"), m.start("v") + len(kept), _SCORE))
    if "(" in text:
        found.extend(
            Candidate(t.ID_NUMBER, m.start("v"), m.end("v"), _SCORE)
            for m in _PERSON_REPR_RE.finditer(text)
            if any(c.isdigit() for c in m.group("v"))
        )
    if "sub" in text and _JWT_CLAIMS.search(text):
        found.extend(
            Candidate(t.ID_NUMBER, m.start("v"), m.end("v"), _SCORE)
            for m in _JWT_SUBJECT_RE.finditer(text)
        )
    if "@" in text and (
        "upi" in lower or any(h in lower for h in (*_UPI_HANDLE_STEMS, *_UPI_HANDLE_STEMS_MORE))
    ):
        found.extend(
            Candidate(t.ID_NUMBER, m.start(g), m.end(g), _SCORE)
            for m in _UPI_RE.finditer(text)
            for g in ("v", "w")
            if m.group(g) is not None
        )
    return found


class LabelledValueDetector:
    """Person-level IDs by their label, passwords written out, years of birth, webhook
    URLs."""

    name = "labelled"

    def detect(self, text: str) -> list[Candidate]:
        """Candidates of the three kinds in ``text``."""
        found: list[Candidate] = []
        if _DIGIT.search(text):
            found.extend(_person_ids(text))
        found.extend(credentials(text))
        found.extend(secret_forms(text))
        if _TYPED_TRIGGER.search(text):
            found.extend(_typed_values(text))
        if "identifier" in text:
            found.extend(_fhir_identifiers(text))
        if _LONG_NUMBER.search(text):
            found.extend(_named_checked_ids(text))
            if ", " in text:
                found.extend(_person_then_national_id(text))
        found.extend(_birth_years(text))
        found.extend(_marked_births(text))
        found.extend(_more_person_values(text))
        if "–" in text or " - " in text or "—" in text:
            found.extend(_person_rows(text))
        if ":" in text and (
            _ASKED_PASSWORD.search(text)
            or _ASKED_BIRTH.search(text)
            or (any(stem in text for stem in _NUMBER_STEMS) and _ASKED_ID.search(text))
        ):
            found.extend(_answers(text))
        if "-u" in text or "--" in text or "-p" in text:
            found.extend(_cli_credentials(text))
        if "://" in text:
            found.extend(_webhooks(text))
        return found


_DIGIT = re.compile(r"\d\d")
_LONG_NUMBER = re.compile(r"\d(?:[ .\-/]?\d){6}")  # seven digits: an identifier's least
_TYPED_TRIGGER = re.compile(r"(?i)(?:type|kind|scheme)[\"']?[ \t]*[:=]")
