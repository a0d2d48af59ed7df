"""Credentials in the forms developers and users paste that no key word right before the
value names: shell and config files, HTTP headers, QR strings, tables and wallets.

- an environment assignment of a secret's name: ``PGPASSWORD=… psql``, ``export
  DB_PASS=changeme`` (in a shell or ``.env`` an unquoted word is a literal, not a variable);
- ``docker login -p …``; a ``.pgpass`` line (``host:port:db:user:password``);
- a session cookie (``Cookie: sessionid=…``, ``Set-Cookie: connect.sid=…``) holding a
  random-looking value;
- a Wi-Fi QR string's password (``WIFI:S:Home;T:WPA;P:…;;``);
- a password column of a table or CSV (``| user | password |``, ``usuario,contraseña``);
- a seed or recovery phrase (twelve to twenty-four lower-case words after its label),
  recovery and backup codes after their label;
- an Azure shared-access signature (``sv=…&sig=…``) outside a URL.

Every reader is gated by a literal substring before its pattern runs, and every pattern
is linear: bounded repeats, no nested quantifiers over the same characters.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable

from edgekit.privacy import types as t
from edgekit.privacy.credentials import (
    NAME_PARTS,
    NOT_CREDENTIAL_PARTS,
    is_literal,
    is_placeholder,
    is_reference,
    names_a_cursor,
)
from edgekit.privacy.types import Candidate
from edgekit.privacy.validators import looks_random, mixes_letters_and_digits, shannon_entropy

_SCORE = 0.9

# --- shell and config ------------------------------------------------------------------------

# PGPASSWORD=…, MYSQL_PWD=…, export DB_PASS=…, REDIS_AUTH=…: an upper-case name ending in a
# secret's word, "=" without blanks, an unquoted or quoted value.
_ENV_SECRET_RE = re.compile(
    r"(?<![\w$.{])(?:[A-Z][A-Z0-9]{0,20}_){0,4}(?:PG|MYSQL_)?"
    r"(?:PASSWORD|PASSWD|PASS|PWD|SECRET|TOKEN|API_?KEY|AUTH)"
    r"=(?P<q>[\"']?)(?P<v>[^\s\"'`;&|]{4,200})"
)
_DOTTED_NAME = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+")


def _env_secrets(text: str) -> list[Candidate]:
    found = []
    for m in _ENV_SECRET_RE.finditer(text):
        value = m.group("v")
        if is_placeholder(value) or is_reference(value) or _DOTTED_NAME.fullmatch(value):
            continue  # your_token_here, $TOKEN, settings.SECRET_KEY
        if names_a_cursor(text[m.start() : m.start("q") - 1]):
            continue  # NEXT_PAGE_TOKEN=…: a page's cursor
        if is_literal(value, "assign", quoted=True):
            found.append(Candidate(t.SECRET, m.start("v"), m.end("v"), _SCORE))
    return found


# docker login -u ci -p Hx7k… registry; podman/helm registry login the same way
_LOGIN_P_RE = re.compile(
    r"\b(?:docker|podman|buildah|skopeo|helm(?: registry)?|oras|nerdctl)[ \t]+login\b"
    r"[^\n]{0,120}?[ \t]-p[ \t]+[\"']?(?P<v>[^\s\"'`…]{4,128})"
)


def _login_passwords(text: str) -> list[Candidate]:
    return [
        Candidate(t.SECRET, m.start("v"), m.end("v"), _SCORE)
        for m in _LOGIN_P_RE.finditer(text)
        if not is_reference(m.group("v"))
    ]


# hostname:port:database:username:password, one a line (~/.pgpass)
_PGPASS_RE = re.compile(
    r"(?m)^[\w.\-*]{1,253}:(?:\d{1,5}|\*):[\w.\-*]{1,63}:[\w.\-*@]{1,63}:(?P<v>[^\s:]{4,128})$"
)


def _pgpass(text: str) -> list[Candidate]:
    return [
        Candidate(t.SECRET, m.start("v"), m.end("v"), _SCORE)
        for m in _PGPASS_RE.finditer(text)
        if not is_reference(m.group("v")) and m.group("v") != "*"
    ]


# --- HTTP ------------------------------------------------------------------------------------

_COOKIE_LINE_RE = re.compile(r"(?im)^[ \t]*(?:set-)?cookie[ \t]*:[^\n]{1,4000}")
_COOKIE_PAIR_RE = re.compile(r"(?P<name>[\w.\-]{1,64})=(?P<v>[^;\s]{16,4096})")
# Names of cookies that hold a session or a login: whoever has the value is logged in.
_SESSION_COOKIE = re.compile(
    r"(?i)sess|sid$|^sid|auth|token|login|remember|jwt|access|refresh|_key$"
)


def _cookies(text: str) -> list[Candidate]:
    found = []
    for line in _COOKIE_LINE_RE.finditer(text):
        for m in _COOKIE_PAIR_RE.finditer(line.group(0)):
            value = m.group("v")  # 16 characters or more: a session id has letters and digits
            if _SESSION_COOKIE.search(m.group("name")) and _random_value(value):
                start = line.start() + m.start("v")
                found.append(Candidate(t.SECRET, start, start + len(value), _SCORE))
    return found


def _random_value(value: str) -> bool:
    """Letters and digits mixed (``k3j9f8…``), or a long run of both cases with hardly a
    digit (``yqOpdnBvzDXaKLlGipqiYPk6…``): a generated value, not a word or a setting."""
    if mixes_letters_and_digits(value, 3):
        return True
    upper = sum(c.isupper() for c in value)
    lower = sum(c.islower() for c in value)
    digits = any(c.isdigit() for c in value)  # (DarkModeWithContrast: words, no digit)
    return len(value) >= 24 and digits and upper >= 4 and lower >= 4 and shannon_entropy(value) >= 4


# --- a value under a name that names a session, a token, a secret or a store's key --------------

# Any layout a name and its value are written in: "sessionid=…" (a cookie string, a log
# line), "'session': '…'" (a dict), "session:  …" (YAML, kubectl), "csrftoken<TAB>…" (a
# browser's cookie table). The name is read part by part (``laravel_session``, ``connect.sid``,
# ``AZURE_STORAGE_KEY``, ``csrfToken``); the value must be generated (letters and digits).
# (found from the separator and a long value after it, then the name is read back to its
# start: a pattern that starts at every word, or at every secret's word, costs a scan of
# every text)
_NAMED_RE = re.compile(
    # (an "=" only as a value's padding: "Cookie: sessionid=…" is the name, then its value)
    r"(?:[:=]|\t)[ \t]*(?P<q>[\"']?)(?P<v>[\w%+/.\-~]{16,512}={0,3})(?![\w%+/=.\-~])"
)
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-")
# What a key in a name is of: a store's, a cloud's or an app's credential, not data's key.
_KEY_OWNERS = frozenset(
    {"storage", "access", "secret", "private", "api", "account", "signing", "master", "client"}
    | {"encryption", "shared", "auth", "subscription", "service", "app", "admin", "webhook"}
    | {"license", "licence", "session", "sas"}
)
_SESSION_PART = re.compile(r"(?<!as)(?<!pos)sess|csrf|xsrf|^sid$|sessid$|^jwt$")
_SECRET_PARTS = frozenset(
    {"token", "secret", "password", "passwd", "pwd", "auth", "apikey", "credential"}
    | {"credentials", "cookie", "accesskey", "secretkey", "privatekey", "authtoken"}
)


def names_a_secret(name: str) -> bool:
    """``name`` (a key, a cookie's or a variable's) names a session, a token or a secret."""
    parts = [p.lower() for p in NAME_PARTS.findall(name)]
    if not parts or any(p in NOT_CREDENTIAL_PARTS for p in parts):
        return False  # session_id is the session; session_ttl, token_type, page_token are not
    if any(_SESSION_PART.search(p) for p in parts):
        return True
    if any(p in _SECRET_PARTS or p.endswith(("token", "secret")) for p in parts):
        return True
    return parts[-1] == "key" and any(p in _KEY_OWNERS for p in parts[:-1])


def _name_before(text: str, end: int) -> str | None:
    """The name that ends at ``end`` (its closing quote and blanks skipped, back to its first
    character), or None when it is itself a value (``key=session:…``) or no name."""
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    if end > 0 and text[end - 1] in "\"'":
        end -= 1
    start = end
    while start > 0 and end - start < 64 and text[start - 1] in _NAME_CHARS:
        start -= 1
    if start == end or (start > 0 and text[start - 1] in "=:$"):
        return None
    return text[start:end]


def _named_secrets(text: str) -> list[Candidate]:
    found = []
    for m in _NAMED_RE.finditer(text):
        value = m.group("v").rstrip(".")
        if not _random_value(value):
            continue
        name = _name_before(text, m.start())
        if name is None or not names_a_secret(name):
            continue
        if not is_literal(value, "assign", quoted=bool(m.group("q"))):
            continue  # private_key: Ed25519PrivateKey, a type; a constant's name
        if is_placeholder(value) or is_reference(value) or _DOTTED_NAME.fullmatch(value):
            continue
        found.append(Candidate(t.SECRET, m.start("v"), m.start("v") + len(value), _SCORE))
    return found


# --- HTTP Basic credentials in code -----------------------------------------------------------

# requests' auth=("ana", "…"), HTTPBasicAuth("ana", "…"), aiohttp.BasicAuth("ana", "…"):
# the second string is a password.
_AUTH_PAIR_RE = re.compile(
    r"(?:\bauth[ \t]*=[ \t]*[(\[]|\b(?:HTTP)?(?:Basic|Digest)Auth\([ \t]*(?:login[ \t]*=[ \t]*)?)"
    r"[ \t]*([\"'])[^\"'\n]{1,64}\1[ \t]*,[ \t]*(?:password[ \t]*=[ \t]*)?"
    r"(?P<q>[\"'])(?P<v>[^\"'\n]{4,128})(?P=q)"
)


def _auth_pairs(text: str) -> list[Candidate]:
    return [
        Candidate(t.SECRET, m.start("v"), m.end("v"), _SCORE)
        for m in _AUTH_PAIR_RE.finditer(text)
        if is_literal(m.group("v"), "assign", quoted=True)
    ]


# --- a password named earlier in its sentence ---------------------------------------------------

# "do you need my online password as well? it's K@si…", "le mot de passe ? c'est X": the
# password word, a few words without a value, then "it's"/"c'est"/"es"/"ist" and the value.
_SAID_LATER_RE = re.compile(
    r"(?i)(?<![\w])(?:password|passwort|kennwort|contraseña|mot de passe|wachtwoord|senha|"
    r"pin|passcode)(?![\w])[^\n\d:=]{1,40}?[ \t?!,.](?:it's|it is|that's|c'est|es|ist|è|is)"
    r"[ \t]+(?P<v>[^\s,;]{6,64})"
)


def _said_later(text: str) -> list[Candidate]:
    return _accepted(_SAID_LATER_RE, text, _password_with_digit)


# --- a list of logins: one service, its account and its password a line ---------------------

# "my logins on a post-it: / gmail - ana@x.de - Sommer_83 / bank - 2388 - S0mm3r!": after a
# word for logins or passwords, each line of a service, an account (a word, an address, a
# number or two words: "same email") and a value, joined by dashes, bars or slashes.
_LOGIN_LIST_CUE = re.compile(
    r"(?i)\b(?:logins?|log-ins|passwords|passwörter|zugangsdaten|kennwörter|contraseñas|"
    r"mots de passe|credenziali|credentials|wachtwoorden|senhas|accounts)\b"
)
_LOGIN_ROW_RE = re.compile(
    r"(?m)^[ \t]*(?:[-*•][ \t]+)?[^\W\d_][^\n\-–—|/]{1,30}?[ \t]+[-–—|/][ \t]+"
    r"(?:[^\s]{2,60}|[^\W\d_]{2,12}[ \t][^\W\d_]{2,12})[ \t]+[-–—|/][ \t]+"
    r"(?P<v>[^\s]{6,64})[ \t]*$"
)


def _login_lists(text: str) -> list[Candidate]:
    if not _LOGIN_LIST_CUE.search(text):
        return []
    return _accepted(_LOGIN_ROW_RE, text, _password_like)


# --- QR strings ------------------------------------------------------------------------------

# (a WPA passphrase has 8 to 63 characters, a WEP key 5 or 13)
_WIFI_QR_RE = re.compile(r"WIFI:(?:[^;\n]{0,200};){0,6}?P:(?P<v>(?:\\.|[^;\\\n]){5,128});")


def _wifi_qr(text: str) -> list[Candidate]:
    return [
        Candidate(t.SECRET, m.start("v"), m.end("v"), _SCORE) for m in _WIFI_QR_RE.finditer(text)
    ]


# --- tables ----------------------------------------------------------------------------------

_PASSWORD_HEADER = re.compile(
    r"(?i)^(?:password|passwort|passwd|kennwort|contraseña|clave|mot de passe|mdp|"
    r"pass|pwd|pw|wachtwoord|senha|password_plain|plain_password|pin)$"
)
_SEPARATORS = ("|", "\t", ";", ",")


def _table_passwords(text: str) -> list[Candidate]:
    """Cells under a password column (a Markdown table, CSV, TSV)."""
    lines = text.split("\n")
    found: list[Candidate] = []
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    column: tuple[str, int, int] | None = None
    for number, line in enumerate(lines):
        if column is None:
            column = _password_column(line)
            continue
        sep, index, width = column
        if line.count(sep) + 1 != width or sum(bool(c.strip()) for c in line.split(sep)) < 2:
            column = None  # the table ended
            continue
        found.extend(_cell(line, offsets[number], sep, index))
    return found


def _password_column(line: str) -> tuple[str, int, int] | None:
    """The separator, the password column's index and the number of cells of a header line
    of plain names (``| user | password |``; a regex's ``(?:pin|pass)`` is none)."""
    for sep in _SEPARATORS:
        if sep in line:
            cells = [c.strip().strip("\"'*`") for c in line.split(sep)]
            if sum(bool(c) for c in cells) < 2 or not all(_HEADER_CELL.fullmatch(c) for c in cells):
                continue  # one name is a list's item, not a header
            for index, cell in enumerate(cells):
                if _PASSWORD_HEADER.match(cell):
                    return sep, index, len(cells)
    return None


_HEADER_CELL = re.compile(r"[^\W\d][\w .\-/#]{0,39}|")


def _cell(line: str, offset: int, sep: str, index: int) -> list[Candidate]:
    cells = line.split(sep)
    if index >= len(cells):
        return []
    start = offset + sum(len(c) + 1 for c in cells[:index])
    raw = cells[index]
    value = raw.strip().strip("\"'")
    if set(value) <= set("-: ") or not is_literal(value, "assign", quoted=True):
        return []  # "|----|": a Markdown rule; a mask, a reference
    start += raw.index(value)
    return [Candidate(t.SECRET, start, start + len(value), _SCORE)]


# --- wallets and recovery ----------------------------------------------------------------------

_PHRASE_LABEL = (
    r"seed phrase|seed words|recovery phrase|secret recovery phrase|mnemonic|backup phrase|"
    r"wiederherstellungsphrase|seed-phrase|frase semilla|frase de recuperación|"
    r"phrase de récupération|phrase secrète|frase di recupero|frase segreta"
)
_SEED_RE = re.compile(
    rf"(?i)(?:{_PHRASE_LABEL})[^\n\w:]{{0,10}}"
    r"(?:[\w ]{0,30}?\b(?:is|lautet|es|est|è)\b[ \t:]*|:[ \t\n]*)"
    r"(?P<v>(?-i:[a-z]{3,8})(?:[ \t,]{1,3}(?-i:[a-z]{3,8})){11,23})"
)
_CODES_LABEL = (
    r"recovery codes?|backup codes?|backup-codes?|wiederherstellungscodes?|"
    r"códigos? de (?:respaldo|recuperación|seguridad)|codes? de (?:secours|récupération)|"
    r"codici di (?:backup|recupero)|scratch codes?"
)
# A code of one-time recovery codes: 4-12 letters/digits, maybe split by "-" or a blank.
_CODE = r"(?=[a-z0-9 \-]{0,12}\d)[a-z0-9]{4,6}(?:[ \-][a-z0-9]{4,6})?"
_ITEM = r"\d{1,2}[.)][ \t]+"  # "1. ", "2) ": a numbered list
_CODES_RE = re.compile(
    rf"(?i)(?:{_CODES_LABEL})[^\n]{{0,60}}?[:\n][ \t]*"
    rf"(?:{_ITEM})?(?P<v>{_CODE}(?:[ \t]*[,;\n][ \t\-•*]*(?:{_ITEM})?{_CODE}){{1,15}})"
)


# Words of prose, never of a seed phrase's word list (BIP-39 has none of them).
_PROSE_WORDS = frozenset(
    [
        "the",
        "and",
        "for",
        "with",
        "that",
        "this",
        "from",
        "are",
        "was",
        "you",
        "your",
        "our",
        "has",
        "have",
        "will",
        "not",
        "but",
        "der",
        "die",
        "das",
        "und",
        "los",
        "las",
        "del",
        "les",
        "des",
        "une",
        "che",
        "per",
        "con",
    ]
)


def _phrases(text: str) -> list[Candidate]:
    found = [
        Candidate(t.SECRET, m.start("v"), m.end("v"), _SCORE)
        for m in _SEED_RE.finditer(text)
        if not _PROSE_WORDS.intersection(re.split(r"[ \t,]+", m.group("v").lower()))
    ]
    found.extend(
        Candidate(t.SECRET, m.start("v"), m.end("v"), _SCORE) for m in _CODES_RE.finditer(text)
    )
    return found


# --- Azure shared-access signatures outside a URL ---------------------------------------------

_SAS_RE = re.compile(r"(?<![\w])sig=(?P<v>[A-Za-z0-9%+/]{20,200}={0,2})")


def _sas(text: str) -> list[Candidate]:
    if "sv=" not in text:
        return []
    return [Candidate(t.SECRET, m.start("v"), m.end("v"), _SCORE) for m in _SAS_RE.finditer(text)]


# --- wallet keys -------------------------------------------------------------------------------

# A Bitcoin private key in wallet import format: Base58Check of 0x80 + 32 bytes (+ 0x01).
_WIF_RE = re.compile(r"(?<![1-9A-HJ-NP-Za-km-z])[5KLc9][1-9A-HJ-NP-Za-km-z]{50,51}(?![\w])")
_BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def _wallet_keys(text: str) -> list[Candidate]:
    return [
        Candidate(t.SECRET, m.start(), m.end(), _SCORE)
        for m in _WIF_RE.finditer(text)
        if _base58check_private_key(m.group(0))
    ]


def _base58check_private_key(token: str) -> bool:
    """``token`` decodes to a private key in wallet import format with a valid checksum."""
    number = 0
    for c in token:
        number = number * 58 + _BASE58.index(c)
    raw = number.to_bytes((number.bit_length() + 7) // 8, "big")
    payload, checksum = raw[:-4], raw[-4:]
    if len(payload) not in (33, 34) or payload[0] not in (0x80, 0xEF):
        return False
    return hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4] == checksum


# --- an account and its password, a lock's code, a secret one is told not to share ------------

# "netflix login ana@x.de / Tr0ub4dor!", "test user: kai-uwe / m0n$25r", "Zugang: ana | Xy7!…":
# a login word, an account (an e-mail address, a handle or a few words), a spaced "/" or "|",
# then the password.
_LOGIN_WORDS = (
    r"login|log-in|sign-in|signin|user(?:name)?|account|creds|credentials|zugang(?:sdaten)?|"
    r"anmeldung|benutzer|konto|identifiants?|connexion|usuario|cuenta|credenciales|utente|"
    r"credenziali|accesso|gebruiker|inloggegevens|"
    # a wireless network and its key: "Wi-Fi: Casa725 / …", "WLAN (Gäste): Gast / …"
    r"wi-?fi|wlan|wireless|ssid"
)
_LOGIN_PAIR_RE = re.compile(
    rf"(?i)(?<![\w\-])(?:{_LOGIN_WORDS})(?![\w\-])[^\n/|]{{0,80}}?"
    r"(?P<account>[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+|[^\W\d][\w.\-]{1,40})"
    r"[ \t]+[/|][ \t]+(?P<v>[^\s,;]{6,64})"
)
_TRAILING = re.compile(r"[.,;:!?)]+$")


_LOGIN_STEMS = (
    "log",
    "sign",
    "user",
    "account",
    "cred",
    "zugang",
    "anmeld",
    "benutzer",
    "konto",
    "identifiant",
    "connexion",
    "usuario",
    "cuenta",
    "utente",
    "accesso",
    "gebruik",
    "inlog",
    "wifi",
    "wi-fi",
    "wlan",
    "wireless",
    "ssid",
)


def _login_pairs(text: str) -> list[Candidate]:
    lower = text.lower()
    if not any(stem in lower for stem in _LOGIN_STEMS):
        return []
    return _accepted(_LOGIN_PAIR_RE, text, _password_like)


def _accepted(
    pattern: re.Pattern[str], text: str, accept: Callable[[str], bool]
) -> list[Candidate]:
    """The ``v`` group of each match of ``pattern`` that ``accept`` takes, judged without a
    sentence's closing mark, which stays in the span (it may be the password's own:
    ``Papillon1?``)."""
    return [
        Candidate(t.SECRET, m.start("v"), m.end("v"), _SCORE)
        for m in pattern.finditer(text)
        if accept(_TRAILING.sub("", m.group("v")))
    ]


def _password_like(value: str) -> bool:
    """Letters with digits or mixed case (a symbol alone is not enough: ``and/or``), neither
    a placeholder, a reference, a file name nor a word of code."""
    if len(value) < 6 or is_placeholder(value) or is_reference(value) or _FILE_NAME.search(value):
        return False
    if not any(c.isalpha() for c in value) or _DOTTED_NAME.fullmatch(value):
        return False
    return is_literal(value, "bare", quoted=False)


_FILE_NAME = re.compile(r"^\.|\.(?:[a-z]{1,4})$")

# "el código de la puerta es X", "le code du digicode : X", "il codice della porta in ufficio
# è X", "Türcode: X", "the code for the gate is X": a lock's code said or given after a label.
_LOCKS = (
    r"puerta|portal|portón|porta|portone|portail|porte|cancello|cancela|tür|haustür|tor|"
    r"garage|garaje|garagem|alarma|alarme|allarme|alarm|safe|tresor|coffre|cassaforte|"
    r"caja fuerte|candado|cadenas|lucchetto|schloss|lock|lockbox|gate|door|building|entrance|"
    r"entrée|ingresso|entrada|buzzer|interphone|citofono|digicode|immeuble|edificio|palazzo"
)
_LOCK_CODE_RE = re.compile(
    r"(?i)(?<![\w])(?:(?:c[oó]digo|codice|code|kod|kode)[ \t]+"
    r"(?:(?:de|del|della|dell'|du|de la|des|der|für|for|of|to|van|voor|zur|zum|do|da)[ \t]*"
    r"(?:the|la|le|el|il|die|das|den|l'|a|o)?[ \t]*)?"
    rf"(?:{_LOCKS})|türcode|torcode|digicode|(?:door|gate|alarm|entry|building|lockbox)[ \-]?code)"
    r"(?![\w])(?:[ \t]+(?:in|en|à|al|at|im|am|of|del|de|da|dell'|du)[ \t]*[^\W\d_]{2,20})?"
    r"[ \t]*(?::|=|\bis\b|\bes\b|\best\b|\bè\b|\bist\b|\blautet\b|\bc'est\b|\bé\b)[ \t]*"
    r"[\"'“«]?(?P<v>[^\s\"'“”«»`,;]{4,64})"
)


def _lock_codes(text: str) -> list[Candidate]:
    return _accepted(_LOCK_CODE_RE, text, _code_like)


def _code_like(value: str) -> bool:
    """Four digits or more (a door code), or the looks of a password."""
    return (value.isdigit() and len(value) >= 4) or _password_like(value)


# "don't paste X anywhere", "bitte nicht weitergeben: X", "no compartas X": what one is told
# not to share is a secret.
_DONT_SHARE_RE = re.compile(
    r"(?i)(?<![\w])(?:don'?t|do not|never|nie|nicht|bitte nicht|no|non|ne)[ \t]+"
    r"(?:paste|share|post|send|commit|leak|forward|teilen|posten|weitergeben|schicken|"
    r"compartas|compartir|pegues|publiques|condividere|condividi|incollare|incollarla|"
    r"partager|partage|colle|collez|envoie)[ \t:]+(?P<v>[^\s,;]{6,64})"
)


_SHARE_VERBS = (
    "paste",
    "share",
    "post",
    "send",
    "commit",
    "leak",
    "forward",
    "teilen",
    "weitergeben",
    "schick",
    "compart",
    "pegues",
    "publiques",
    "condivid",
    "incoll",
    "partag",
    "colle",
    "envoie",
)


def _dont_share(text: str) -> list[Candidate]:
    return _accepted(_DONT_SHARE_RE, text, _password_with_digit)


def _password_with_digit(value: str) -> bool:
    return any(c.isdigit() for c in value) and _password_like(value)


# --- an Azure storage connection string: the whole string, account name and key ------------

_AZURE_CONN_RE = re.compile(
    r"(?:DefaultEndpointsProtocol=https?;)?AccountName=[\w\-]{1,64};"
    r"AccountKey=(?P<key>[A-Za-z0-9+/]{20,120}={0,2})(?:;[A-Za-z]{1,40}=[^\s;\"']{1,200}){0,4};?"
)


def _azure_connections(text: str) -> list[Candidate]:
    return [
        Candidate(t.SECRET, m.start(), m.end(), _SCORE)
        for m in _AZURE_CONN_RE.finditer(text)
        if not is_placeholder(m.group("key"))
    ]


# --- an AWS secret access key next to its key id -------------------------------------------

# "AKIA… / <40 characters>", "Access key ID,Secret access key\nAKIA…,<40>": the secret
# follows its id within a line or two.
_AWS_PAIR_RE = re.compile(
    r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b[^\n]{0,60}?\n?[^\n]{0,60}?"
    r"(?<![A-Za-z0-9/+])(?P<v>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])"
)


def _aws_secrets(text: str) -> list[Candidate]:
    if "AKIA" not in text and "ASIA" not in text:
        return []  # ("asia" in lower case is a continent)
    return [
        Candidate(t.SECRET, m.start("v"), m.end("v"), _SCORE)
        for m in _AWS_PAIR_RE.finditer(text)
        if looks_random(m.group("v"))
        and not _HEX.fullmatch(m.group("v"))  # a SHA-1 on the next line, not a key
        and not is_placeholder(m.group(0)[:20])  # AKIAXXXXXXXXXXXXXXXX
        and "EXAMPLE" not in m.group("v")
    ]


_HEX = re.compile(r"[0-9a-fA-F]+")


# Each reader with the substrings (lower-cased) one of which its text must hold.
_READERS: tuple[tuple[tuple[str, ...], Callable[[str], list[Candidate]]], ...] = (
    (("pass", "pwd", "secret", "token", "key", "auth"), _env_secrets),
    ((" login",), _login_passwords),
    (("ookie",), _cookies),
    (("wifi:",), _wifi_qr),
    (("pass", "pw", "contrase", "kennw", "clave", "mdp", "senha", "pin"), _table_passwords),
    (("phrase", "mnemonic", "seed", "frase"), _phrases),
    (("code", "códig", "codic"), _phrases),
    (("sig=",), _sas),
    (("wif", "wallet", "bitcoin", "btc", "private key", "privkey", "priv key"), _wallet_keys),
    ((" / ", " | "), _login_pairs),
    ((" - ", " – ", " — ", " | ", " / "), _login_lists),
    (("sess", "sid", "csrf", "xsrf", "token", "secret", "auth", "jwt", "key"), _named_secrets),
    (("auth(", "auth=", "auth ="), _auth_pairs),
    (("passw", "kennw", "contrase", "mot de passe", "wachtw", "senha", "pin"), _said_later),
    (("cod", "códi", "kod", "türc", "torc", "digic"), _lock_codes),
    (_SHARE_VERBS, _dont_share),
    (("akia", "asia"), _aws_secrets),
    (("accountkey=",), _azure_connections),
)
_PGPASS_TRIGGER = re.compile(r":\d{1,5}:")


def secret_forms(text: str) -> list[Candidate]:
    """Every credential of the forms above in ``text``."""
    lower = text.lower()
    found: list[Candidate] = []
    seen: set[Callable[[str], list[Candidate]]] = set()
    for stems, reader in _READERS:
        if reader not in seen and any(stem in lower for stem in stems):
            seen.add(reader)
            found.extend(reader(text))
    if _PGPASS_TRIGGER.search(text):
        found.extend(_pgpass(text))
    return found
