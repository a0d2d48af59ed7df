"""One reader of credentials a key or a word names: ``password = "…"``, ``DB_PASSWORD: …``,
``AccountKey=…``, ``my password is X``, ``la contraseña del wifi es X``, ``wifi password X``.

A credential word (password, passwort, contraseña, secret, token, api key, private key …)
is followed by how the value is given and then the value:

- **assigned** (``:``, ``=``): in code, configuration and forms. A quoted value is a
  literal; an unquoted one is, unless it reads as code (a variable, a constant's name, a
  type annotation such as ``private_key: Ed25519PrivateKey``, a grouped number).
- **said** (``is``, ``ist``, ``est``, ``es``, ``è``, ``->``, a spaced dash …): in prose.
  The value must look like a password (a digit, a symbol or mixed case), so ``the token
  is expired.`` or ``mein Passwort ist falsch`` are not secrets.
- **right after the word** (``wifi password Xy7kLm2q``), for password words only: a digit
  or mixed case (a symbol alone is not enough: ``a password and/or a PIN``).

In every case a *reference* to a value is not one (``${VAR}``, ``<your-key>``,
``os.environ[…]``, ``getpass()``, ``pw[:-1]``, a path such as ``PWD=/srv/app``), nor is a
mask (``********``) or a placeholder. A sentence's closing ``.``/``!``/``?`` is not judged
as part of the value but stays in the masked span (it may belong to the password).
"""

from __future__ import annotations

import re

from edgekit.privacy import types as t
from edgekit.privacy.types import Candidate

# Words that name a password in the claimed languages; said right before a value, they
# name it even without a verb ("prod password Xy7k…").
_STRONG_WORDS = (
    r"password|pass word|passphrase|pass phrase|passwortsatz|passwd|pswd|psw|pword|passwort|"
    r"passcode|kennwort|contraseña|mot de passe|phrase secrète|"
    r"parola d'ordine|"
    r"wachtwoord|senha|hasło|haslo|şifre(?:m|n|niz|miz|si)?|lösenord|adgangskode|salasana|heslo|"
    # a network's key: WPA2 key, pre-shared key, Netzwerkschlüssel, clé WPA, clave WiFi …
    r"wpa2?(?:[ \-]psk)?[ \-]?key|wpa2?[ \-]psk|pre-?shared[ \-]key|network[ \-]key|"
    r"wi-?fi[ \-]key|wlan-?schlüssel|netzwerkschlüssel|wlan-key|clé (?:wpa2?|wi-?fi|de sécurité)|"
    r"clave (?:wpa2?|wi-?fi)|chiave (?:wpa2?|wi-?fi)|"
    # pw and pwd name nothing else (a shell's pwd prints a path: a reference)
    r"pw|pwd"
)
# Short or ambiguous words: only with ":"/"=" or a verb ("pw: …", "la clave es …").
# (a boarding, day or bus pass is a ticket)
_SHORT_WORDS = (
    r"code wifi|code wi-fi|wifi code|wlan code|codice wifi|"
    r"(?<!boarding )(?<!day )(?<!bus )(?<!ski )pass|mdp|clave|pin code"
)
# Names of keys and tokens; "_" may touch them (OPENAI_API_KEY=…, DB_PASSWORD: …).
_KEY_WORDS = (
    r"secret|token|api[_\-]?key|access[_\-]?key|secret[_\-]?key|client[_\-]?secret|"
    r"auth[_\-]?token|bearer|account[_\-]?key|shared[_\-]?access[_\-]?key|"
    r"private[_\-]?key(?:[_\-]?id)?"
)
_DEVICE = (
    r"(?:wifi|wi-fi|wlan|router|box|prod|production|server|admin|root|db|database|account|"
    r"vpn|laptop|mail|e-?mail|portal|guest|network|réseau|red|rete|netz)(?![\w-])[ \t]*"
)
# What the password is for: "del wifi", "for the router", "prod" — a preposition only with
# its object ("Failed password for ana.lima from …" names an account, not a password).
_QUALIFIER = (
    r"(?:(?:for|of|to|on|del|de|du|des|della|dell'|dello|für|vom|von|van|do|da|na|dla)[ \t]+"
    r"(?:(?:the|la|le|il|das|den|dem|der|de|het|el|my|mon|ma|mi|meu|mein(?:em|es)?)[ \t]+|l')?"
    rf"{_DEVICE}"
    rf"|{_DEVICE})?"
)
# Any other thing the password is for, named by a preposition, an article and one or two
# words ("for the office printer", "di casa", "del portátil", "de la box"): only with how
# the value is given after it, never with a bare value.
_ANY_QUALIFIER = (
    r"(?:(?:for|of|to|on|del|de|du|des|della|di|per|pour|para|für|vom|von|van|do|da|na|dla)"
    r"[ \t]+|dell'|all'|de l')(?:(?:the|la|le|il|das|den|dem|der|de|het|el|my|mon|ma|mi|meu|"
    r"mein(?:em|es)?|your|our|unser(?:em)?|nostro|nuestro|notre)[ \t]+|l')?"
    # one or two words, the second may be a number ("for room 204")
    r"[^\W\d_][\w\-]{1,20}(?:[ \t]+[\w\-]{1,20})?[ \t]*"
)
# (a tab or a spaced bar between a label's cell and its value's: a table's row)
_ASSIGN = r"[:=]|->|→|\t|(?<=[ \t])\|(?=[ \t])"
_SAY = (
    r"is now|is still|ist jetzt|is|was|ist|war|lautet|heißt|c'est|est|était|es|era|è|é|sarebbe"
    r"|jest|är|er|je|on"
    r"|(?<=[ \t])-(?=[ \t])"  # a spaced dash, not "password-based"
)
_ADVERB = (
    r"(?:(?:literally|just|simply|still|now|actually|btw|also|jetzt|einfach|übrigens|eigentlich|"
    r"immer noch|noch|simplement|juste|d'ailleurs|toujours|simplemente|solo|ahora|por cierto|"
    r"todavía|semplicemente|ora|maintenant|comunque|ancora|sempre)[ \t]+)?"
)
_HOW = rf"(?:(?:{_ASSIGN})[ \t]*|(?:{_SAY})(?![\w])[ \t]*){{1,2}}"
_CREDENTIAL_RE = re.compile(
    # a word's start, or a camelCase one (userPassword, dbToken, clientSecret)
    r"(?i)(?:(?<![a-z0-9])|(?<=[a-z])(?-i:(?=[A-Z][a-z])))"
    # a password word, then how the value is given or just a blank (a "bare" value) …
    rf"(?:(?P<pw>{_STRONG_WORDS})(?![a-z0-9])[\"']?[ \t]*{_QUALIFIER}(?:(?P<how>{_HOW})|(?<=[ \t]))"
    # … or with what it is for, then how it is given
    rf"|(?:{_STRONG_WORDS}|{_SHORT_WORDS})(?![a-z0-9])[ \t]+{_ANY_QUALIFIER}(?P<how3>{_HOW})"
    # … any other word only with how it is given
    rf"|(?:{_SHORT_WORDS}|{_KEY_WORDS})(?![a-z0-9])[\"']?[ \t]*{_QUALIFIER}(?P<how2>{_HOW}))"
    rf"{_ADVERB}(?P<quote>[\"'“«`]?)(?P<value>[^\s\"'“”«»`,;]{{6,200}})"
)
# Where a value comes from, not the value: ${VAR}, <your-pw>, os.environ…, a path (PWD=/srv),
# an expression (pw[:-1], auth[2], get_pw()). A "$" inside a literal is a symbol.
_REFERENCE = re.compile(
    r"^[$<{(\[%«]|\$\{|\$\(|[a-z_]\(|^(?:https?|file)://|\.(?:env|get|getenv|environ)\b"
    r"|^[A-Za-z]:\\|^[A-Za-z_]\w*(?:\.\w+)*[\[(]"
)


def is_reference(value: str) -> bool:
    """``value`` says where a credential comes from (a variable, a call, a path)."""
    if value[:1] in ("/", "~"):  # a path, unless a piece of it is random: /iPzED…3366LVZ
        return not any(_random_piece(piece) for piece in value.split("/"))
    return bool(_REFERENCE.search(value))


def _random_piece(piece: str) -> bool:
    """Upper and lower case and digits mixed in eight characters or more."""
    return (
        len(piece) >= 8
        and any(c.isupper() for c in piece)
        and any(c.islower() for c in piece)
        and any(c.isdigit() for c in piece)
    )


_IDENTIFIER = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*\)?")
# KEM_X25519_HKDF_SHA256: upper-case words joined by underscores, at least three of them.
_CONSTANT_NAME = re.compile(r"[A-Z][A-Z0-9]{0,11}(?:_[A-Z0-9]{1,12}){2,}")
# A type annotation: Ed25519PrivateKey, SecretStr, RSAPublicKey — a CamelCase name whose
# last part names a kind of value.
_TYPE_NAME = re.compile(
    r"(?:[A-Z][A-Za-z0-9]*)?(?:Key|Token|Secret|Str|Bytes|Hash|Type|Credentials?|Password|"
    r"Config|Provider|Manager|Client|Handler|Field|Model|Schema|Value|Info|Data|Pair)"
)
# A number literal with digit groups (11_000, 1_048_576), not a credential.
_GROUPED_NUMBER = re.compile(r"\d{1,3}(?:_\d{3})+")
# Markdown emphasis or a code span around one word: *forced*, `n_threads`, **bold**.
_MARKED_UP = re.compile(r"([*_`]{1,2})(?P<word>[^*_`].*?)\1")
_MASKS = frozenset("*xX.•")
# Values that say there is no secret: api_key="unused", token = "dummy".
_NOT_SECRETS = frozenset(
    {"none", "null", "true", "false", "required", "optional", "string", "unused", "dummy"}
    | {"placeholder", "example", "redacted", "not-needed", "not_needed", "ignored", "anything"}
)
# Verbs of one language that are prepositions in another ("one token on `n_threads`"):
# they say a value only after a password word ("salasana on …", "heslo je …").
_ELIDED = re.compile(r"\.\.\.$|…$|(?i:x{6,})")
_PASSWORD_ONLY_VERBS = frozenset({"on", "je", "er"})
_SENTENCE_END = re.compile(r"[.!?…:)]+$")


# Values that stand for a value: your_token_here, <token>, xxx, TODO_SET_ME, CHANGE_ME_LATER,
# changeme-not-a-real-secret, AWS's documented …EXAMPLEKEY. (A bare "changeme" is a default
# password people deploy with: it is not a placeholder.)
_PLACEHOLDER = re.compile(
    r"(?i)^(?:your|my)[_\-]|[_\-]here$|^x{3,}$|^\.{3}|example|sample|placeholder|replace[_\-]?me"
    r"|^(?:todo|fixme|tbd)(?![a-z])|(?<![a-z])(?:set|fill|change)[_\-](?:me|it)[_\-]"
    r"|(?<![a-z])set[_\-]?me$|not[_\-. ]a[_\-. ]real|(?<![a-z])fake[_\-]"
)


def is_placeholder(value: str) -> bool:
    """``value`` stands for a credential in docs or templates (``your_token_here``,
    ``TODO_SET_ME``, ``changeme-not-a-real-secret``, ``…EXAMPLEKEY``,
    ``postgres://USER:PASSWORD@HOST/DB``)."""
    return bool(_PLACEHOLDER.search(value)) or is_url_template(value)


_URL_USERINFO = re.compile(r"[a-z][a-z0-9+.\-]{1,15}://[^\s/@:]*:(?P<pw>[^\s/@]+)@", re.I)
# A password that names itself: a template in docs and READMEs, not a credential.
_URL_PASSWORD_PLACEHOLDER = re.compile(
    r"(?i)[<{\[]?(?:\$\{)?(?:db[_\-]?|your[_\-]?|my[_\-]?)?(?:password|passwd|pass|pwd|secret|"
    r"pw|x{3,}|\*{3,}|\.{3}|…)[}>\]]?"
)


def is_url_template(url: str) -> bool:
    """A URL whose password names itself or a variable: ``postgres://USER:PASSWORD@HOST``,
    ``redis://:<password>@cache``, ``amqp://guest:${PASS}@broker``."""
    userinfo = _URL_USERINFO.match(url)
    if userinfo is None:
        return False
    password = userinfo.group("pw")
    return bool(_URL_PASSWORD_PLACEHOLDER.fullmatch(password)) or password.startswith(
        ("${", "$(", "%", "{{")
    )


def _looks_like_password(value: str, *, symbol_counts: bool = True) -> bool:
    """A digit, a symbol or mixed case; digits alone from six on."""
    if value.isdigit():
        return len(value) >= 6
    has_digit = any(c.isdigit() for c in value)
    has_symbol = symbol_counts and any(not c.isalnum() for c in value)
    mixed = any(c.isupper() for c in value[1:]) and any(c.islower() for c in value)
    return has_digit or has_symbol or mixed


def _reads_as_code(value: str) -> bool:
    """An unquoted value in code that names something instead of being a literal."""
    if _IDENTIFIER.fullmatch(value) and not any(c.isdigit() for c in value):
        # api_key = key_from_vault, process.env.STRIPE_KEY: a variable; but GLLTXX_UUwyizF,
        # both cases and a run of letters no word has, is a generated password
        return not _random_letters(value)
    return bool(
        _CONSTANT_NAME.fullmatch(value)
        or _TYPE_NAME.fullmatch(value)
        or _GROUPED_NUMBER.fullmatch(value)
    )


# A name's parts: camelCase and snake_case words, runs of capitals, digits.
NAME_PARTS = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")
# Names of values that are random but grant nothing: a page's cursor, a trace, a cache key.
NOT_CREDENTIAL_PARTS = frozenset(
    {"page", "next", "continuation", "cursor", "sync", "trace", "request", "correlation"}
    | {"idempotency", "cache", "etag", "public", "publishable", "partition", "sort", "row"}
    | {"hash", "digest", "checksum", "count", "max", "limit", "ttl", "timeout", "expires"}
    | {"expiry", "length", "size", "type", "name", "url", "uri", "path", "file"}
)


def _random_letters(value: str) -> bool:
    """Upper and lower case, and a part of five letters or more without a vowel."""
    if value.isupper() or value.islower():
        return False
    return any(
        len(part) >= 5 and not any(c in "aeiouyAEIOUY" for c in part)
        for part in NAME_PARTS.findall(value)
    )


def is_literal(value: str, how: str, *, quoted: bool) -> bool:
    """``value`` is a credential given ``how`` (``"assign"``, ``"say"`` or ``"bare"``)."""
    marked = _MARKED_UP.fullmatch(value)
    if marked and how != "assign":
        value = marked.group("word")  # one token is *forced*, the token is `a8f5…`
    if len(value) < 6 or is_reference(value) or set(value) <= _MASKS:
        return False
    if value.lower() in _NOT_SECRETS or _ELIDED.search(value) or is_placeholder(value):
        return False  # "unused"; sk-..., ghp_…, xxxxxxxx, TODO_SET_ME: a placeholder
    if value.startswith("pk.eyJ"):
        return False  # a Mapbox public token: meant for the browser (sk.eyJ… is the secret)
    if not quoted and ("(" in value or "[" in value):
        return False  # SHA3-256(ss_ML-KEM …: an expression
    if how == "assign":
        return quoted or not _reads_as_code(value)
    return _looks_like_password(value, symbol_counts=how == "say")


def _how(given: str) -> str:
    if "\t" in given or "|" in given:
        return "assign"  # a table's cell
    if not given.strip():
        return "bare"
    return "assign" if given.strip()[0] in ":=" else "say"


# Substrings one of which every credential word above holds: a cheap test first.
_STEMS = (
    *("passw", "passc", "kennw", "contrase", "mot de passe", "parola", "wachtw", "senha"),
    *("hasł", "hasl", "şifre", "lösen", "adgang", "salasana", "heslo", "pw", "pass", "mdp"),
    *("psw", "pword", "phrase secr", "wpa", "psk", "shared key", "network key", "schlüssel"),
    *("clé", "chiave"),
    *(
        "clave",
        "pin",
        "secret",
        "token",
        "key",
        "bearer",
        "code w",
        "fi code",
        "an code",
        "ce wifi",
    ),
)


def credentials(text: str) -> list[Candidate]:
    """Every credential a key or a password word names in ``text``."""
    lower = text.lower()
    if not any(stem in lower for stem in _STEMS):
        return []
    found = []
    for m in _CREDENTIAL_RE.finditer(text):
        given = m.group("how") or m.group("how2") or m.group("how3") or ""
        if m.group("pw") is None and given.strip().lower() in _PASSWORD_ONLY_VERBS:
            continue
        how = _how(given)
        value = m.group("value")
        end = m.end("value")
        if value.endswith(")") and "(" not in value:
            value, end = value[:-1], end - 1  # "(password: abc123)": the aside's bracket
        ending = _SENTENCE_END.search(value)
        if ending and (end == len(text) or text[end] in _AFTER_A_SENTENCE):
            value = value[: ending.start()]  # judged without the sentence's full stop
        quote = m.group("quote")
        if quote == "`" and _IDENTIFIER.fullmatch(value) and not any(c.isdigit() for c in value):
            continue  # a code span names a variable: "token on `n_threads`"
        if _same_word(value, m.group(0)[: m.start("value") - m.start()]):
            continue  # SECRET = "SECRET", password = "password": a name, not a value
        if m.group("how2") is not None and names_a_cursor(name_ending_at(text, m.start() + 5)):
            continue  # next_page_token, nextPageToken, sync_token: a cursor, not a credential
        if is_literal(value, how, quoted=bool(quote)):
            found.append(Candidate(t.SECRET, m.start("value"), end, 0.85))
    return found


def names_a_cursor(name: str) -> bool:
    """``name`` is a token's whose value grants nothing: ``next_page_token``,
    ``nextPageToken``, ``continuationToken``, ``sync_token``, ``X-Request-Token``."""
    parts = [p.lower() for p in NAME_PARTS.findall(name)]
    return len(parts) > 1 and parts[-1] == "token" and any(p in NOT_CREDENTIAL_PARTS for p in parts)


def name_ending_at(text: str, end: int) -> str:
    """The key, variable or header name that ends at ``end`` (at most 64 characters)."""
    begin = end
    while (
        begin > 0 and end - begin < 64 and (text[begin - 1].isalnum() or text[begin - 1] in "_.-")
    ):
        begin -= 1
    return text[begin:end]


def key_before(text: str, at: int) -> str:
    """The name a value at ``at`` is given to (``"next_page_token": "`` → ``next_page_token``)."""
    end = at
    while end > 0 and at - end < 8 and text[end - 1] in " \t\"':=":
        end -= 1
    return name_ending_at(text, end)


_AFTER_A_SENTENCE = frozenset(" \t\r\n\"'`)]}»”")


def _same_word(value: str, key: str) -> bool:
    """``value`` repeats the key's word (``SECRET = "SECRET"``)."""
    folded = re.sub(r"[\W_]", "", value).lower()
    return bool(folded) and folded in re.sub(r"[\W_]", "", key).lower()
