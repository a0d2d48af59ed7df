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
from edgekit.privacy.structure import structure_of
from edgekit.privacy.types import Candidate

_PERSON = (
    r"employee|staff|badge|member(?:ship)?|customer|client|patient|student|pupil|personnel|"
    r"payroll|worker|user|insured|policy ?holder"
)
_NUMBER = r"id|no\.?|nr\.?|number|num|#|code"
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
    # French
    r"|matricule|n° ?(?:de )?matricule|numéro (?:de )?(?:matricule|salarié|employé|adhérent|"
    r"patient|dossier|permis|sécurité sociale)|n° (?:salarié|adhérent|permis|dossier)"
    r"|permis de conduire(?: n°| no\.?)?|carte vitale|numéro d'étudiant"
    # Spanish
    r"|n[º°o]\.? ?(?:de )?(?:empleado|socio|paciente|afiliación(?: ss)?|afiliado|historia)"
    r"|n[º°o]\.? ?(?:de )?(?:la )?(?:ss|seguridad social)|nuss|nss"
    r"|número de (?:empleado|socio|paciente|afiliación|afiliado|historia clínica|carnet)"
    r"|legajo|tarjeta sanitaria|carnet de conducir|licencia de conducir|permiso de conducir"
    # Italian
    r"|matricola|numero (?:di )?(?:matricola|dipendente|paziente|tessera|patente)"
    r"|codice (?:dipendente|paziente)|tessera sanitaria|patente(?: di guida)?(?: n\.?| nr\.?)?"
    # Dutch, Portuguese
    r"|personeelsnummer|rijbewijs(?:nummer)?|patiëntnummer|número de (?:funcionário|utente)"
    r"|carta de condução"
)
# An object named for a person whose id key follows: "user": {"id": …}, insurance: { number: ….
_PERSON_OBJECT = rf"(?:{_PERSON}|insurance|employee|account holder)"
_ID_VALUE = r"(?-i:[A-Z0-9](?:[A-Z0-9]|[\-/. ](?=[A-Z0-9])){2,24})"
_JOIN = (
    r"[\"']?[ \t]*(?:\([^()\n]{1,24}\)[ \t]*)?(?:[:=#][ \t]*|n[°º]\.?[ \t]*|no\.?[ \t]*)?"
    r"(?:[:=][ \t]*)?[\"'(]?[ \t]*"
)
_PERSON_ID_RE = re.compile(
    rf"(?i)(?<![\w])(?:(?:{_PERSON_ID_LABEL}){_JOIN}"
    rf"|{_PERSON_OBJECT}[\"']?[ \t]*[:=][ \t]*\{{[ \t]*[\"']?(?:id|_id|uid|number|no|nr)[\"']?"
    rf"[ \t]*:[ \t]*[\"']?"
    rf"|(?<![\w.])user[ \t]+)(?P<v>{_ID_VALUE})(?![\w@])"
)
# A column named for a person ("employee", "badge") holding ID-like values holds their IDs.
_PERSON_ID_COLUMN = re.compile(rf"(?i)^(?:{_PERSON_ID_LABEL}|{_PERSON}|badge)$")
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
)


def _person_ids(text: str) -> list[Candidate]:
    found = []
    lower = text.lower()
    matches = _PERSON_ID_RE.finditer(text) if any(s in lower for s in _PERSON_ID_STEMS) else ()
    for m in matches:
        span = _id_like(m.group("v"))
        if span is not None:
            start = m.start("v")
            found.append(Candidate(t.ID_NUMBER, start, start + span[1], _SCORE))
    for field in structure_of(text).fields:
        if field.kind in ("table", "sql") and _PERSON_ID_COLUMN.match(field.label):
            span = _id_like(text[field.start : field.end])
            if span is not None and " " not in text[field.start : field.end].strip():
                found.append(Candidate(t.ID_NUMBER, field.start, field.start + span[1], _SCORE))
    return found


# --- passwords written out ---------------------------------------------------------------

_STRONG_WORDS = (
    r"password|passwort|passwd|passcode|kennwort|contraseña|mot de passe|parola d'ordine|"
    r"wachtwoord|senha|hasło|haslo|şifre|lösenord|adgangskode|salasana"
)
_WEAK_WORDS = r"pw|pwd|pass|mdp|clave|pin code"
_DEVICE = (
    r"(?:wifi|wi-fi|wlan|router|box|prod|production|server|admin|root|db|database|account|"
    r"vpn|laptop|mail|e-?mail|portal|guest|network|réseau|red|rete|netz)(?![\w-])[ \t]*"
)
# What the password is for: "del wifi", "for the router", "prod" — a preposition only with
# its object ("Failed password for ana.lima from …" names an account, not a password).
_QUALIFIER = (
    r"(?:(?:for|of|to|on|del|de|du|des|della|dell'|dello|für|vom|von|van|do|da|na|dla)[ \t]+"
    rf"(?:the[ \t]+|la[ \t]+|le[ \t]+|il[ \t]+|das[ \t]+|den[ \t]+|el[ \t]+|my[ \t]+|l')?{_DEVICE}"
    rf"|{_DEVICE})?"
)
_VERB = (
    r"(?:is|was|ist|war|est|était|es|era|è|é|jest|är|er|is now|is still|ist jetzt|"
    r"[:=]|->|→|(?<=[ \t])-(?=[ \t]))"  # a spaced dash, not "password-based"
)
_ADVERB = (
    r"(?:(?:literally|just|simply|still|now|actually|jetzt|einfach|simplement|juste|"
    r"simplemente|solo|semplicemente|ahora|ora|maintenant)[ \t]+)?"
)
_VALUE = r"[\"'“«]?(?P<value>[^\s\"'“”«»,;]{6,64})"
_PASSWORD_RE = re.compile(
    rf"(?i)(?<![\w])(?:(?:{_STRONG_WORDS})(?![\w])[ \t]*{_QUALIFIER}"
    rf"(?P<verbs>(?:{_VERB}[ \t]*){{0,2}})"
    rf"|(?:{_WEAK_WORDS})(?![\w])[ \t]*{_QUALIFIER}(?:{_VERB}[ \t]*){{1,2}}){_ADVERB}{_VALUE}"
)
# Where a value comes from, not the value: ${VAR}, <your-pw>, os.environ…, a path (PWD=/srv).
# (a "$" inside a literal is a symbol: "&65$Gqny…" is a password, "$DB_PASS" is not)
_REFERENCE = re.compile(
    r"^[$<{(\[%]|\$\{|\$\(|[a-z_]\(|^(?:https?|file)://|\.(?:env|get|getenv|environ)\b|^[/~]"
    r"|^[A-Za-z]:\\|^[A-Za-z_]\w*(?:\.\w+)*[\[(]"  # pw[:-1], auth[2], get_pw(): an expression
)


def _literal(value: str, *, symbol_counts: bool = True) -> bool:
    """``value`` reads as a password: a digit or a symbol in it, or mixed case (a symbol
    alone does not count right after the word, "a password and/or a PIN")."""
    if _REFERENCE.search(value) or set(value) <= {"*", "x", "X", ".", "•"}:
        return False
    has_digit = any(c.isdigit() for c in value)
    has_symbol = symbol_counts and any(not c.isalnum() for c in value)
    mixed = any(c.isupper() for c in value[1:]) and any(c.islower() for c in value)
    if value.isdigit():
        return len(value) >= 6
    return has_digit or has_symbol or mixed


def _passwords(text: str) -> list[Candidate]:
    found = []
    for m in _PASSWORD_RE.finditer(text):
        value = m.group("value").rstrip(".,)…:")
        # judged without a sentence's "!"/"?" ("my password is wrong!"), masked with it
        judged = value.rstrip("!?")
        verbless = m.group("verbs") == ""
        if len(judged) >= 6 and _literal(judged, symbol_counts=not verbless):
            start = m.start("value")
            found.append(Candidate(t.SECRET, start, start + len(value), 0.85))
    return found


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
        if not _REFERENCE.search(value.split(":", 1)[-1]):
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
    digits = sum(c.isdigit() for c in segment)
    letters = sum(c.isalpha() for c in segment)
    return len(segment) >= 16 and digits >= 4 and letters >= 4


# --- a year of birth -----------------------------------------------------------------------

_BIRTH_YEAR_RE = re.compile(
    r"(?i)(?<![\w])(?:born(?: in)?|b\.|née? en|née? le|nat[oa] nel|geboren(?: im jahr)?|"
    r"jahrgang|nacid[oa] en|year of birth|birth ?year|yob|année de naissance|"
    r"anno di nascita|año de nacimiento|geburtsjahr|ano de nascimento|ur\. w)"
    r"[ \t]*:?[ \t]*(?P<y>(?:19|20)\d{2})(?![\w.\-/])"
)


def _birth_years(text: str) -> list[Candidate]:
    """ "(born 1983)", "Jahrgang 1961", "year of birth: 1990": a year of birth."""
    this_year = datetime.date.today().year
    return [
        Candidate(t.DATE_OF_BIRTH, m.start("y"), m.end("y"), 0.8)
        for m in _BIRTH_YEAR_RE.finditer(text)
        if int(m.group("y")) <= this_year
    ]


class LabelledValueDetector:
    """Person-level IDs by their label, passwords written out, years of birth, webhook
    URLs."""

    name = "labelled"

    def detect(self, text: str) -> list[Candidate]:
        """Candidates of the three kinds in ``text``."""
        found: list[Candidate] = []
        if _DIGIT.search(text):
            found.extend(_person_ids(text))
        found.extend(_passwords(text))
        found.extend(_birth_years(text))
        if "-u" in text or "--" in text or "-p" in text:
            found.extend(_cli_credentials(text))
        if "://" in text:
            found.extend(_webhooks(text))
        return found


_DIGIT = re.compile(r"\d\d")
