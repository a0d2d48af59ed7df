"""Person names without a model: a given-name list plus capitalisation cues.

The fallback when the NER model is not installed. It finds a known given name
written with a capital letter and extends it over the capitalised words that
follow (surnames, with particles such as "van", "de", "di"); titles ("Dr.",
"Frau", "Mme") and cue phrases ("my name is", "je m'appelle") mark the
capitalised words after them as a name even when the given name is unknown.
Findings from it carry the detector name ``names-heuristic``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from edgekit.privacy.detectors import (
    STREET_PREFIXES,
    STREET_PREFIXES_ANY_CASE,
    STREET_WORDS,
    is_calendar_word,
)
from edgekit.privacy.phrases import EndingPhrases
from edgekit.privacy.structure import in_non_person_column
from edgekit.privacy.types import PERSON, Candidate

# A possessive "'s" is not part of the name ("Théo's number").
_WORD = re.compile(r"[^\W\d_]+(?:['’\-](?![sS]\b)[^\W\d_]+)*")
_PARTICLES = frozenset(
    [
        "van",
        "von",
        "der",
        "den",
        "de",
        "del",
        "della",
        "di",
        "da",
        "dos",
        "das",
        "du",
        "la",
        "le",
        "ten",
        "ter",
        "zu",
        "bin",
        "ibn",
        "mac",
        "st.",
        "o'",
    ]
)
_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "prof",
        "sir",
        "madam",
        "herr",
        "frau",
        "fräulein",
        "mme",
        "mlle",
        "monsieur",
        "madame",
        "sr",
        "sra",
        "srta",
        "señor",
        "señora",
        "sig",
        "signor",
        "signora",
        "dott",
        "dottssa",
        "dhr",
        "mevr",
        "heer",
        "mevrouw",
        "doña",
        "dona",
        "senhor",
        "senhora",
        "sig.ra",
        "pani",
        "pane",
        "paní",
        "bayan",
        "domnul",
        "doamna",
        "herra",
        "rouva",
        "fru",
        "ibu",
        "bapak",
        "ông",
        "bà",
        "chị",
        *("dra", "drs", "dres", "profa", "dottssa", "avv", "ing", "srª", "dña", "licda", "lic"),
    ]
)
# A title right before a name, in the claimed languages with their gendered and abbreviated
# forms ("Dra.", "Sig.ra", "Dott.ssa", "Prof.ª"), also stacked ("Herr Dr. med.", "Frau Prof.").
_TITLE_FORMS = (
    r"mrs?|ms|miss|mx|dr[sa]?|dres|drª|prof(?:a|ª|\.ssa|essor|essora|esseur)?|sir|madam|"
    r"herrn?|frau|fräulein|mme|mlle|monsieur|madame|sr|sra|srta|señor(?:a|ita)?|"
    r"sig(?:\.ra|\.na|nor|nora|norina)?|dott(?:\.ssa|ssa|oressa|ore)?|avv|ing|"
    r"dhr|mevr|heer|mevrouw|doña|dona|don|dña|senhor(?:a|ita)?|sr\.ª|lic|licda?|geb|"
    r"pani|pane|paní|bayan|domnul|doamna|herra|rouva|fru|ibu|bapak|ông|bà|chị"
)
_TITLE_BEFORE = re.compile(
    rf"(?<![\w.])(?:{_TITLE_FORMS})\.?(?:[ \t]+(?:dr|prof|med|dipl\.-ing|mag|ing)\.?)*[ \t]+$",
    re.IGNORECASE,
)
# The last word of every title form as the word pattern splits it ("Sig.ra" ends in "ra"): only
# after one of these is the title pattern tried.
_TITLE_ENDS = frozenset(
    [
        *_TITLES,
        *("ra", "na", "ssa", "med", "mag", "dipl", "herrn", "dres", "profª", "professor"),
        *("professora", "professeur", "signor", "signora", "signorina", "dottore", "dottoressa"),
        *("señorita", "senhorita", "don", "geb", "lic", "licda", "licdo", "drª", "ª"),
    ]
)
# A day before or a number after a month's name: "2 Jan 2025", "3rd Jan", "Jan 5".
_DAY_BEFORE = re.compile(r"\d(?:st|nd|rd|th|\.)?[ \t]+$")
_NUMBER_AFTER = re.compile(r"\.?,?[ \t]+\d")
_GREETINGS = (
    "grüezi",
    "servus",
    "moin",
    "hoi",
    "salü",
    "hej",
    "hei",
    "olá",
    "oi",
    "buongiorno",
    "buonasera",
    "salve",
    "buenos días",
    "buenas",
    "bonsoir",
    "coucou",
    "hiya",
    "howdy",
    "good morning",
    "morning",
    "goedemorgen",
    "goedemiddag",
)
_CUES = (
    *_GREETINGS,
    "my name is",
    "name is",
    "name:",
    "named",
    "called",
    "i am",
    "i'm",
    "this is",
    "ich heiße",
    "ich heisse",
    "mein name ist",
    "ich bin",
    "je m'appelle",
    "je m’appelle",
    "je suis",
    "me llamo",
    "mi nombre es",
    "soy",
    "mi chiamo",
    "sono",
    "dear",
    "hi",
    "hello",
    "hallo",
    "liebe",
    "lieber",
    "sehr geehrte",
    "sehr geehrter",
    "cher",
    "chère",
    "bonjour",
    "hola",
    "querido",
    "querida",
    "estimado",
    "estimada",
    "ciao",
    "caro",
    "cara",
    "gentile",
    "regards,",
    "sincerely,",
    "cheers,",
    "thanks,",
    "grüße,",
    "gruß,",
    "cordialement,",
    "saludos,",
    "cordiali saluti,",
    "patient",
    "patient:",
    "customer",
    "client",
    "employee",
    "contact",
    "signed",
    "attn",
    "attn:",
    "mit freundlichen grüßen",
    "write to",
    "tell",
    "écrire à",
    "écris à",
    "scrivi a",
    "escribe a",
    "schreib an",
    "schreibe an",
    "wegen",
    "viele grüße",
    "grüße",
    "grüsse",
    "lg",
    "best,",
    "best regards,",
    "kind regards,",
    "un abrazo",
    "atentamente,",
    "saluti",
    "cheers",
    "call",
    "please call",
    "rufen sie",
    "appelez",
    "llama a",
    "chiama",
    "bel",
    "attention",
    "attn.",
    "colleague",
    "kollege",
    "kollegin",
    "collègue",
    "lettre de",
    "mensaje de",
    "message from",
    "email to",
    "an",
    "ik ben",
    "ik heet",
    "mijn naam is",
    # infinitives of to-do lists and requests: "llamar a Meiling Xu", "frag bitte Oğuz"
    *("llamar a", "escribir a", "preguntar a", "avisar a", "contactar a", "chiamare"),
    *("scrivere a", "chiedere a", "sentire", "appeler", "écrire à", "demander à", "contacter"),
    *("frag bitte", "sag bitte", "questions to", "speak to", "talk to", "reach out to"),
    # people named by their role or kin: "Support guy Dolores", "meine Nachbarin Ilse"
    *("guy", "lady", "nurse", "technician", "driver", "courier", "neighbour", "neighbor"),
    *("landlord", "landlady", "friend", "cousin", "brother", "sister", "husband", "wife"),
    *("padrone di casa", "proprietario", "vermieter", "vermieterin", "casero", "casera"),
    *("propriétaire", "arrendador", "arrendadora", "huisbaas", "verhuurder"),
    *("daughter", "mum", "mom", "dad", "uncle", "aunt", "nachbar", "nachbarin"),
    *("freund", "freundin", "bruder", "schwester", "tochter", "sohn", "vecino", "vecina"),
    *("amigo", "amiga", "hermano", "hermana", "hijo", "hija", "fratello", "sorella"),
    *("amico", "amica", "figlio", "figlia", "cugino", "cugina", "voisin", "voisine"),
    *("ami", "amie", "frère", "sœur", "fils", "fille", "cousine"),
    # on someone's behalf, and families by their name: "per conto di …", "Famiglia Esposito"
    *("per conto di", "a nome di", "in nome di", "au nom de", "en nombre de", "on behalf of"),
    *("im auftrag von", "famiglia", "familia", "família", "famille", "familie"),
)
# Searched from the end (one anchored match, not every cue at every position).
_CUE_RE = EndingPhrases(_CUES, not_before=r"[\w]", tail=r"[ \t]*\n?[ \t]*", flags=re.IGNORECASE)
# A given name spoken to: "Jack, you promised …", "Will, could you …".
_VOCATIVE_RE = re.compile(
    r", (?:you|your|you're|can you|could you|would you|will you|please|thanks|thank you)\b",
    re.IGNORECASE,
)
# Words after which a lower-case given name is a person ("tell maria", "dile a lucía").
# A greeting and an introduction of the writer, as chats open ("hi its aarav"), and the
# phrases that give one's name in the claimed languages.
_INTRODUCTIONS = (
    *(f"{g} {i}" for g in ("hi", "hey", "hello", "hiya") for i in ("its", "it's", "this is")),
    *("my name is", "my name's", "me llamo", "mi chiamo", "je m'appelle", "ich heiße"),
    *("ich heisse", "mein name ist", "mijn naam is", "ik heet", "meu nome é", "chamo-me"),
)
_LOWER_CUES = [
    *_GREETINGS,
    "tell",
    "so",
    "kannst du",
    "könntest du",
    "zeg tegen",
    "frag mal",
    "sag mal",
    "ask",
    "text",
    "call",
    "ping",
    "message",
    "email",
    "remind",
    "invite",
    "meet",
    "with",
    "and",
    "to",
    "for",
    "from",
    "hi",
    "hey",
    "hello",
    "salut",
    "ciao",
    "hola",
    "hallo",
    "bonjour",
    "dear",
    "thanks",
    "thank",
    "sag",
    "sagen",
    "frag",
    "frage",
    "schreib",
    "an",
    "und",
    "mit",
    "für",
    "dile",
    "llama",
    "escribe",
    "a",
    "y",
    "con",
    "para",
    "dis",
    "écris",
    "écrire",
    "appelle",
    "à",
    "et",
    "avec",
    "pour",
    "di'",
    "dì",
    "chiama",
    "scrivi",
    "e",
    "per",
    *("llamar a", "avisar a", "chiamare", "sentire", "appeler", "frag bitte", "sag bitte"),
    # a chat opening that introduces the writer ("hi its aarav", "hey this is lena")
    *_INTRODUCTIONS,
]


def _ending_with(phrases: Sequence[str]) -> EndingPhrases:
    """Matches text that ends with one of ``phrases`` (whole words) and a space."""
    return EndingPhrases(phrases, not_before=r"[\w']", tail=r"[ \t]+", flags=re.IGNORECASE)


_LOWER_CUE_RE = _ending_with(_LOWER_CUES)
# Introductions before a lower-case full name ("hey, it's summer koch", "sono rich smith").
_INTRODUCED = re.compile(
    r"(?i)(?<![\w'’])(?:it'?s|it’s|this is|i'?m|i am|sono|soy|je suis|ich bin|hier ist)[ \t]+$"
)
# Verbs whose object is a person, in the claimed languages ("tell …", "dile a …", "zeg tegen …").
_PERSON_VERBS = (
    "tell",
    "pick up",
    "picking up",
    "drop off",
    "ask",
    "text",
    "ping",
    "remind",
    "invite",
    "thank",
    "thx",
    "dile a",
    "pregúntale a",
    "pregunta a",
    "escríbele a",
    "llama a",
    "dis à",
    "demande à",
    "écris à",
    "appelle",
    "di' a",
    "dì a",
    "chiedi a",
    "scrivi a",
    "chiama",
    "sag",
    "sag mal",
    "frag",
    "frag mal",
    "schreib",
    "ruf",
    "zeg tegen",
    "vraag",
    "vraag aan",
    "bel",
    *("llamar a", "avisar a", "preguntar a", "chiamare", "appeler", "frag bitte", "sag bitte"),
)
_PERSON_VERB_OBJECT_RE = re.compile(
    r"(?<![\w'])(?:"
    + "|".join(re.escape(p) for p in _PERSON_VERBS)
    + r")[ \t]+(?P<w>[^\W\d_]{3,}(?:-[^\W\d_]+)?)(?![\w@/_(=-])",
    re.IGNORECASE,
)
# Given names that are also everyday words: alone they are not enough.
_AMBIGUOUS = frozenset(
    [
        "may",
        "june",
        "april",
        "august",
        "mark",
        "will",
        "bill",
        "grace",
        "hope",
        "rose",
        "dawn",
        "frank",
        "eve",
        "art",
        "joy",
        "faith",
        "rich",
        "jack",
        "sun",
        "summer",
        "autumn",
        "ruby",
        "amber",
        "crystal",
        "holly",
        "olive",
        "violet",
        "lily",
        "iris",
        "pearl",
        "carol",
        "chance",
        "major",
        "king",
        "paris",
        "china",
        "austin",
        "jordan",
        "sky",
        "river",
        "sage",
        "hunter",
        "taylor",
        "morgan",
        "mason",
        "page",
        "price",
        "hill",
        "young",
        "white",
        "brown",
        "black",
        "green",
        "wood",
        "long",
        "mario",
        "sonia",
        "maria",
        "ana",
        "anna",
        # Everyday words of the other claimed languages (it, nl, es, fr, de) and English.
        "per",
        "job",
        "floor",
        "till",
        "jet",
        "rob",
        "sem",
        "bas",
        "wolf",
        "kai",
        "gemma",
        "viola",
        "rosa",
        "blanche",
        "fleur",
        "drew",
        "grant",
        "lance",
        "wade",
        "dean",
        "dale",
        "pat",
        "sue",
        "max",
        "misty",
        "saga",
        "daisy",
        "hazel",
        "jade",
        "opal",
        "german",
        "victoria",
        "florence",
        "aurora",
        "celeste",
        "angel",
        "paz",
        "luz",
        "dolores",
        "pilar",
        "consuelo",
        "esperanza",
        "amparo",
        "rosario",
        "trinidad",
        "milan",
        "orlando",
        "salvador",
        "domingo",
        "mercedes",
        "ernst",
        "gloria",
        "iban",
    ]
)


def _data(name: str) -> str:
    return resources.files("edgekit.privacy").joinpath(f"data/{name}").read_text("utf-8")


_FOLD = str.maketrans({"ł": "l", "ı": "i", "ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "đ": "d"})


@lru_cache(maxsize=65536)
def name_key(word: str) -> str:
    """A word without accents, lower case ("Małgorzata" -> "malgorzata", "Ayşe" -> "ayse"):
    lists written in ASCII still match. Only queries are folded, never the lists ("rún"
    must not become the word "run")."""
    decomposed = unicodedata.normalize("NFKD", word.lower().translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=16384)
def _keys(word: str) -> frozenset[str]:
    """The word lower-cased and accent-folded (cached: the same words come back often)."""
    return frozenset((word.lower(), name_key(word)))


@dataclass(frozen=True)
class _Lists:
    given: frozenset[str]  # every given name
    hand: frozenset[str]  # EdgeKit's own hand-written list
    ambiguous: frozenset[str]  # given names that are also everyday words or places
    family: frozenset[str]  # family names


@lru_cache(maxsize=1)
def _lists() -> _Lists:
    """The name lists, lower case.

    ``first_names.txt`` is EdgeKit's own list; ``given_names.txt`` and
    ``family_names.txt`` are generated from Faker's locales by
    ``data/build_given_names.py``, which marks with ``*`` the given names a
    dictionary also lists as a lower-case word ("will", "sole") or that are
    places ("roma"). That mark is noisy for popular names (dictionaries list
    "john", "charlotte", "peter" as words too), so for names of the hand-written
    list the hand-written ``_AMBIGUOUS`` decides instead.
    """
    hand: set[str] = set()
    for line in _data("first_names.txt").splitlines():
        hand.update(word.lower() for word in line.split("#", 1)[0].split())
    given, marked = set(hand), set()
    for line in _data("given_names.txt").splitlines():
        if line and not line.startswith("#"):
            key = line.rstrip("*")
            given.add(key)
            if line.endswith("*") and key not in hand:
                marked.add(key)
    family = {n for n in _data("family_names.txt").splitlines() if n[:1] != "#"}
    ambiguous = marked | _AMBIGUOUS
    return _Lists(frozenset(given), frozenset(hand), frozenset(ambiguous), frozenset(family))


def is_given_name(word: str) -> bool:
    """A known given name, also one that is an everyday word ("Hope")."""
    return bool(_keys(word) & _lists().given)


def ambiguous_names() -> frozenset[str]:
    """Given names that are also everyday words or places ("will", "paz", "roma")."""
    return _lists().ambiguous


def known_given_name(word: str) -> bool:
    """A known given name that is not also an everyday word or a place."""
    keys = _keys(word) & _lists().given
    return bool(keys) and not keys & _lists().ambiguous


def is_family_name(word: str) -> bool:
    """A known family name (Faker's locales)."""
    return bool(_keys(word) & _lists().family)


def is_known_name(word: str) -> bool:
    """A known given or family name."""
    return is_given_name(word) or is_family_name(word)


def person_verb_objects(text: str) -> list[tuple[int, int]]:
    """Spans of the lower-case word right after each verb whose object is a person."""
    return [m.span("w") for m in _PERSON_VERB_OBJECT_RE.finditer(text) if m.group("w").islower()]


# Speakers of chat transcripts and support chats that are roles, not people ("Visitor:",
# "Agent:"), in the claimed languages: never a name, never an account.
CHAT_ROLES = frozenset(
    [
        *("visitor", "customer", "client", "cliente", "kunde", "kundin", "bot", "chatbot"),
        *("agent", "assistant", "system", "support", "guest", "operator", "moderator"),
        *("visiteur", "besucher", "usuario", "utente", "staff"),
    ]
)


# A given name as the subject of what only people do, or next to "and I": "will said …",
# "Summer and Sunny said they'd come", "faith just sent the pics", "grace y yo estamos",
# "Frank kommt übrigens auch", "Viene anche Joy". Strong enough for names that are words.
_SUBJECT_VERBS = (
    r"said|says|told|asked|wrote|replied|texted|called|owes|is coming|are coming|"
    r"just (?:sent|said|texted|called|left|arrived|posted)|(?:kommt|kommen)(?: [\w]+)? auch|"
    r"sagt|sagte|meinte|schrieb|hat gesagt|viene|vienen|dice|dijo|ha detto|disse|"
    r"vient|viennent|dit|a dit|a écrit|zei|komt|schreef|"
    # greetings passed on at a letter's end: "Manu te manda besos", "Chus t'embrasse"
    r"te manda|os manda|t'embrasse|t’embrasse|vous embrasse|ti saluta|ti abbraccia|"
    r"grüßt dich|grüsst dich|lässt grüßen|sends (?:his |her |their )?(?:love|regards)"
)
_SUBJECT_AFTER_RE = re.compile(
    r"[ \t]+(?:(?:and|&|und|y|et|e|en|och)[ \t]+(?:i|ich|yo|moi|io|ik|jag)(?![\w'])"
    rf"|(?:(?:and|&|und|y|et|e)[ \t]+[^\W\d_]{{2,20}}[ \t]+)?(?:{_SUBJECT_VERBS})(?![\w]))",
    re.IGNORECASE,
)
_SUBJECT_BEFORE_RE = re.compile(
    r"(?:viene anche|vient aussi|kommt auch|viene también|también viene|and also|"
    r"forwarding this from|de la part de|da parte di|de parte de)[ \t]+$",
    re.IGNORECASE,
)
# Words before a word that make it no subject: "I hope and I …", "we will said …".
_NOT_SUBJECT_BEFORE_RE = re.compile(
    r"(?:^|\W)(?:i|we|you|they|he|she|it|ich|wir|du|sie|er|es|je|tu|il|elle|nous|vous|yo|"
    r"tú|él|io|noi|voi|the|a|an|my|your|our|to|will|would|can|could|should|must)[ \t]+$",
    re.IGNORECASE,
)


def subject_cue(text: str, start: int, end: int) -> bool:
    """The word at ``start:end`` stands where a person does: the subject of a verb only
    people do, next to "and I", or after "viene anche"/"vient aussi"."""
    before = text[max(0, start - 24) : start]
    if _NOT_SUBJECT_BEFORE_RE.search(before):
        return False
    return bool(_SUBJECT_AFTER_RE.match(text, end) or _SUBJECT_BEFORE_RE.search(before))


def person_cue_before(text: str, start: int) -> bool:
    """Whether a verb, greeting or preposition that takes a person ends right before
    ``start`` ("tell ", "dile a ", "salut ", "kannst du ")."""
    return _LOWER_CUE_RE.search(text[max(0, start - 24) : start])


def _in_date(text: str, start: int, end: int) -> bool:
    """The word sits between digits joined by ``/`` or ``-`` (``16/Jan/2026``)."""
    return (
        text[start - 2 : start - 1].isdigit()
        and text[start - 1 : start] in ("/", "-")
        and text[end : end + 1] in ("/", "-")
        and text[end + 1 : end + 2].isdigit()
    )


def _initial_surname(
    text: str, words: list[tuple[int, int, str]], i: int
) -> tuple[int, float] | None:
    """``J. Smith``, ``X. del Río``, ``S. Ferreira-Lowe``: a capital initial, a dot, then a
    surname (particles allowed). Returns the index of the surname's last word and a score:
    higher when the surname is a known family name."""
    start, end, word = words[i]
    if len(word) != 1 or not word.isupper() or text[end : end + 2] != ". ":
        return None
    if start and (text[start - 1].isalnum() or text[start - 1] in ".-/"):
        return None  # "U.S. Army", "e.g. Smith", "A.-M.", "83 ng/L. Diagnostic"
    if i + 1 >= len(words) or words[i + 1][0] != end + 2:
        return None  # "article L. 1237-19 du Code": a number, not a surname, follows
    j = i + 1
    while j < len(words) and words[j][2].lower() in _PARTICLES and text[words[j][1]] == " ":
        j += 1
    if j >= len(words) or words[j][0] != (words[j - 1][1] + (2 if j == i + 1 else 1)):
        return None
    surname = words[j][2]
    if not _is_cap(surname) or len(surname) < 2 or is_function_word(surname):
        return None
    if surname.lower() in _TITLES or _in_date(text, words[j][0], words[j][1]):
        return None
    parts = surname.split("-")
    if any(is_family_name(p) or is_given_name(p) for p in parts):
        return j, 0.7
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", words[j][1])
    rest = text[words[j][1] : len(text) if line_end < 0 else line_end].strip()
    if not text[line_start:start].strip() and not rest and surname.isascii():
        return j, 0.35  # "B. Methods" alone on its line: an outline heading, unless known
    return j, 0.45


def _is_cap(word: str) -> bool:
    return (word[:1].isupper() and not word.isupper()) or (len(word) == 1 and word.isupper())


class NameHeuristicDetector:
    """Finds person names from the given-name list, titles and cue phrases."""

    name = "names-heuristic"

    def __init__(self, extra_names: frozenset[str] = frozenset()) -> None:
        self._extra = frozenset(n.lower() for n in extra_names)

    def _known(self, word: str) -> bool:
        """A given name that is no everyday word, or one of the caller's extra names."""
        return bool(_keys(word) & self._extra) or known_given_name(word)

    def _hand(self, word: str) -> bool:
        """In EdgeKit's hand-written list or the caller's extra names (also "Mary-Jane")."""
        keys = _keys(word) | _keys(word.split("-")[0])
        return bool(keys & _lists().hand) or bool(keys & self._extra)

    def detect(self, text: str) -> list[Candidate]:
        """Person-name candidates in ``text``."""
        words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]
        found: list[Candidate] = []
        i = 0
        while i < len(words):
            start, _end, word = words[i]
            initial = _initial_surname(text, words, i)
            if initial is not None:
                found.append(Candidate(PERSON, start, words[initial[0]][1], initial[1]))
                i = initial[0] + 1
                continue
            lower = self._lower_full_name(text, words, i)
            if lower is not None:  # "gonzalo de la fuente q tal!!"
                found.append(Candidate(PERSON, start, words[lower][1], 0.6))
                i = lower + 1
                continue
            score = self._start_score(text, words, i)
            if score is None:
                i += 1
                continue
            j = self._extend(text, words, i)
            if names_a_company(text, start, words[j][1]) or names_a_street(
                text, start, words[j][1]
            ):
                i = j + 1  # "the Calvin Klein gift box", "my manager at Leroy Merlin"
                continue
            if j > i:
                score = max(score, 0.75)
            elif word.lower() in ambiguous_names() and score < 0.6:
                score = 0.25
            found.append(Candidate(PERSON, start, words[j][1], score))
            i = j + 1
        found += signature_names(text) + capitals_surnames(text) + bullet_owners(text)
        found += capitals_names(text, words)
        return found + honorific_names(text) + inverted_names(text) + statement_payees(text)

    def _start_score(self, text: str, words: list[tuple[int, int, str]], i: int) -> float | None:
        start, _end, word = words[i]
        if word.islower():
            return self._lower_case_score(text, start, word)
        if _is_cap(word) and is_function_word(word) and self._family_next(text, words, i):
            return 0.5  # "Mia Pfeiffer": a given name that is also a word ("mia"), + surname
        if not _is_cap(word) or is_function_word(word) or word.lower() in _TITLES:
            return None  # "Frau Dr. Anke Vogt": the title is not the name
        if _in_date(text, start, _end) or in_non_person_column(text, start):
            return None  # 16/Jan/2026: a month, not Jan; a cell of a city or role column
        if is_calendar_word(word) and (
            _DAY_BEFORE.search(text, max(0, start - 8), start) or _NUMBER_AFTER.match(text, _end)
        ):
            return None  # "2 Jan 2025", "Jan 5": a month, not a name
        if (
            i > 0
            and words[i - 1][2].lower() in _TITLE_ENDS
            and _TITLE_BEFORE.search(text, max(0, start - 32), start)
        ):
            return 0.75  # "Estimada Dra. Quintana", "Gentile Sig.ra Bianchi"
        if _CUE_RE.search(text[max(0, start - 40) : start]):
            return 0.6
        if is_given_name(word) and _VOCATIVE_RE.match(text, words[i][1]):
            return 0.6  # "'Jack, you promised …'", "Hope, could you …"
        if is_given_name(word) and text[start - 2 : start] == ", " and text[_end : _end + 1] == "!":
            return 0.6  # "Alles Gute zum 30., Grace!", "Thanks a lot, Summer!": spoken to
        if is_given_name(word) and subject_cue(text, start, _end):
            return 0.6  # "Summer and Sunny said they'd come", "Viene anche Joy"
        if self._hand(word) or self._known(word):
            return 0.5
        if is_given_name(word) and self._surname_follows(text, words, i):
            return 0.5  # "Hope Young", "Will Summers": a given name that is a word, + surname
        return None

    def _lower_case_score(self, text: str, start: int, word: str) -> float | None:
        """Chat in lower case ("tell maria", "salut chloé"): a known, unambiguous given name
        right after a verb or greeting that takes a person."""
        end = start + len(word)
        if is_given_name(word) and word not in _NOT_NAMES and subject_cue(text, start, end):
            return 0.6  # "lol will just sent the pics", "grace y yo estamos"
        if not self._known(word) or word in _NOT_NAMES:
            return None
        if text[end : end + 1] in ("_", ".", "@", "/", "=", "(") or text[start - 1 : start] in (
            "_",
            ".",
            "/",
            "$",
        ):
            return None  # max_tokens, user.name, $max: code, not a person
        return 0.6 if person_cue_before(text, start) else None

    def _lower_full_name(self, text: str, words: list[tuple[int, int, str]], i: int) -> int | None:
        """Index of the family name in a lower-case full name: a known given name that is no
        everyday word, particles, then a known family name ("jan de vries", "wei zhang")."""
        if i + 1 >= len(words) or not words[i][2].islower() or not words[i + 1][2].islower():
            return None  # the cheap tests first: this runs for every word
        j = i + 1
        while j < len(words) and words[j][2] in _PARTICLES and j - i <= 3:
            j += 1
        if j >= len(words) or any(
            text[words[k - 1][1] : words[k][0]] != " " for k in range(i + 1, j + 1)
        ):
            return None
        last = words[j][2]
        if not (last.islower() and is_family_name(last)) or is_function_word(last):
            return None
        first = words[i][2]
        if first in _NOT_NAMES:
            return None
        if self._known(first):
            return j
        # a given name that is also a word, introduced: "it's summer koch", "sono rich smith"
        introduced = _INTRODUCED.search(text, max(0, words[i][0] - 12), words[i][0])
        return j if is_given_name(first) and introduced is not None else None

    @staticmethod
    def _family_next(text: str, words: list[tuple[int, int, str]], i: int) -> bool:
        """A given name of the lists, then a capitalised known family name one blank on."""
        if i + 1 >= len(words) or not is_given_name(words[i][2]):
            return False
        nxt = words[i + 1]
        return text[words[i][1] : nxt[0]] == " " and _is_cap(nxt[2]) and is_family_name(nxt[2])

    @staticmethod
    def _surname_follows(text: str, words: list[tuple[int, int, str]], i: int) -> bool:
        """A capitalised known family name follows word ``i`` mid-sentence."""
        if i + 1 >= len(words) or i == 0 or text[: words[i][0]].rstrip()[-1:] in ".!?:\n":
            return False
        nxt = words[i + 1]
        return text[words[i][1] : nxt[0]] == " " and _is_cap(nxt[2]) and is_family_name(nxt[2])

    def _extend(self, text: str, words: list[tuple[int, int, str]], i: int) -> int:
        """Index of the last word of the name starting at word ``i``."""
        j, surnames = i, 0
        while j + 1 < len(words) and surnames < 3:
            nxt = words[j + 1]
            gap = text[words[j][1] : nxt[0]]
            if gap not in (" ", "\u00a0"):
                break
            lowered = nxt[2].lower()
            if lowered in _PARTICLES and j + 2 < len(words):
                after = words[j + 2]
                if text[nxt[1] : after[0]] == " " and _is_cap(after[2]):
                    j, surnames = j + 2, surnames + 1
                    continue
                break
            if not _is_cap(nxt[2]) or lowered in _STOP:
                break
            j, surnames = j + 1, surnames + 1
        return j


# Capitalised words that end a name rather than continue it.
_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "ik ben",
        "ik heet",
        "mijn naam is",
        "and",
        "or",
        "but",
        "i",
        "in",
        "on",
        "at",
        "to",
        "of",
        "for",
        "with",
        "from",
        "by",
        "is",
        "are",
        "was",
        "were",
        "be",
        "this",
        "that",
        "these",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "der",
        "die",
        "das",
        "und",
        "oder",
        "ist",
        "le",
        "la",
        "les",
        "et",
        "ou",
        "est",
        "el",
        "los",
        "las",
        "y",
        "o",
        "es",
        "il",
        "lo",
        "e",
        "è",
        "street",
        "avenue",
        "road",
    ]
)

# Capitalised function words that a cue ("Hello My …") must not turn into a name.
_NOT_NAMES = _STOP | frozenset(
    [
        "my",
        "your",
        "our",
        "their",
        "his",
        "her",
        "its",
        "we",
        "you",
        "he",
        "she",
        "it",
        "they",
        "me",
        "us",
        "them",
        "i",
        "mine",
        "this",
        "that",
        "there",
        "here",
        "what",
        "who",
        "how",
        "why",
        "when",
        "where",
        "please",
        "thanks",
        "thank",
        "yes",
        "no",
        "ok",
        "okay",
        "sorry",
        "hi",
        "hello",
        "dear",
        "mein",
        "meine",
        "dein",
        "deine",
        "unser",
        "wir",
        "sie",
        "er",
        "es",
        "ich",
        "du",
        "mon",
        "ma",
        "mes",
        "ton",
        "ta",
        "nous",
        "vous",
        "il",
        "elle",
        "je",
        "mi",
        "mis",
        "tu",
        "su",
        "nosotros",
        "yo",
        "él",
        "ella",
        "usted",
        "mio",
        "mia",
        "io",
        "lui",
        "lei",
        "noi",
        "voi",
        # Particles and adverbs that follow a verb that takes a person ("frag mal …").
        "mal",
        "doch",
        "bitte",
        "halt",
        "eben",
        "nochmal",
        "kurz",
        "schnell",
        "gerne",
        "auch",
        "noch",
        "schon",
        "jetzt",
        "dann",
        "heute",
        "morgen",
        "ihm",
        "ihn",
        "ihnen",
        "euch",
        "uns",
        "mir",
        "dir",
        "lui",
        "leur",
        "moi",
        "toi",
        "le",
        "les",
        "gli",
        "me",
        "te",
        "mijn",
        "jouw",
        "wij",
        "jij",
        "hij",
        "zij",
        "ik",
        "het",
        "een",
    ]
)

# Capitalised words of forms, mail and logs that are never names on their own.
_COMMON_CAPITALISED = frozenset(
    [
        # a web page's footer and a statement's columns ("Impressum · Datenschutz")
        *("impressum", "datenschutz", "mentions légales", "aviso legal", "mandat"),
        *("gläubiger", "gläubiger-id", "verwendungszweck", "buchungstag", "wertstellung"),
        "regards",
        "best",
        "kind",
        "cheers",
        "thanks",
        "name",
        "email",
        "e-mail",
        "phone",
        "tel",
        "address",
        "date",
        "info",
        "warn",
        "error",
        "debug",
        "true",
        "false",
        "null",
        "none",
        "subject",
        "re",
        "fwd",
        "fw",
        "id",
        "user",
        "customer",
        "order",
        "total",
        "bearer",
        "basic",
        "token",
        "care",
        "support",
        "team",
        "service",
        "english",
        "german",
        "french",
        "spanish",
        "italian",
        "dutch",
        "portuguese",
        "guten",
        "tag",
        "viele",
        "grüße",
        "grüsse",
        "atentamente",
        "cordialement",
        "saluti",
        "estimado",
        "estimada",
        "madame",
        "monsieur",
        "salut",
        "hola",
        "bonjour",
        "failed",
        "merge",
        # Capitalised function words of greetings and letters (de, nl, fr, es, it).
        "sehr",
        "mit",
        "ihre",
        "ihr",
        "beste",
        "groet",
        "gentile",
        "cordiali",
        "votre",
        "vos",
        "nos",
        "notre",
        "por",
        "para",
        "ciao",
        "hallo",
        "as",
        "i'm",
        "von",
        "vom",
        "zum",
        "zur",
        "bei",
        "nach",
        "für",
        "pour",
        "avec",
        "sur",
        "dans",
        "con",
        "per",
        "del",
        "della",
        "russian",
        "chinese",
        "japanese",
        "korean",
        "arabic",
    ]
)


# Openings and closings of letters: never a person, however a model labels them.
CLOSINGS = (
    "best regards|kind regards|warm regards|regards|best wishes|cheers|thanks|many thanks|"
    "viele grüße|viele grüsse|liebe grüße|liebe grüsse|beste grüße|mfg|mit freundlichen grüßen|"
    "mit freundlichen grüssen|freundliche grüsse|freundliche grüße|lg|cordialement|"
    "bien à vous|saludos|un saludo|atentamente|cordiali saluti|saluti|distinti saluti|"
    "pozdrawiam|z poważaniem|saygılarımla|iyi çalışmalar|met vriendelijke groet|"
    "groeten|groetjes|cumprimentos|atenciosamente|abraço|abraços|yours sincerely|"
    "yours faithfully|yours truly|sincerely|sincerely yours|respectfully|with thanks|"
    "all the best|take care|love|xoxo|bises|bisous|grosses bises|un bacio|baci|"
    "un abrazo|besos|hugs|best|"
    # the closings of the other languages we claim: Nordic, Finnish, Czech and Slovak,
    # Hungarian, Romanian, Greek, Russian and Ukrainian, and short forms of chat and mail
    "mvh|med vänlig hälsning|med vänliga hälsningar|vänliga hälsningar|hälsningar|"
    "med venlig hilsen|venlig hilsen|med vennlig hilsen|vennlig hilsen|hilsen|hilsner|"
    "ystävällisin terveisin|terveisin|s pozdravem|s pozdravom|üdvözlettel|cu stimă|"
    "cu drag|με εκτίμηση|φιλικά|с уважением|з повагою|pozdrawiam serdecznie|"
    "saludos cordiales|atte|hartelijke groet|met groet|cdlt|bien cordialement|"
    "un saluto|abbracci"
)
_OPENINGS = (
    "dear|hello|hi|hey|hallo|hola|bonjour|buongiorno|ciao|olá|ola|hoi|dzień dobry|"
    "merhaba|günaydın|sehr geehrte|sehr geehrter|guten tag|guten morgen|buenos días|"
    "buenas tardes|bom dia|boa tarde|goedemorgen|goedemiddag|geachte|szanowni państwo|"
    "good morning|good afternoon|good evening"
)
_SALUTATIONS = frozenset(CLOSINGS.split("|") + _OPENINGS.split("|"))


# Words that make a name a company's: legal forms and trade words after it ("Zalando SE",
# "Renault Group", "DHL Paket"), bank and group words before it ("Banco Santander").
_COMPANY_AFTER = frozenset(
    [
        "gmbh",
        "ag",
        "se",
        "kg",
        "ohg",
        "ev",
        "ltd",
        "limited",
        "inc",
        "llc",
        "llp",
        "plc",
        "corp",
        "corporation",
        "co",
        "group",
        "holding",
        "holdings",
        "sa",
        "spa",
        "srl",
        "bv",
        "nv",
        "oy",
        "oyj",
        "ab",
        "as",
        "asa",
        "aps",
        "sl",
        "sas",
        "sarl",
        "pty",
        "pvt",
        "bank",
        "bancorp",
        "airlines",
        "airways",
        "paket",
        "express",
        "logistics",
        "versicherung",
        "insurance",
        "telecom",
        "technologies",
        "systems",
        "solutions",
        "consulting",
        "partners",
        "foods",
        "motors",
        "pharma",
    ]
)
# A company's desk ending a span: "Dear Vodafone Customer Care", "Telekom Kundenservice".
_DESK_END = frozenset(["care", "kundenservice", "kundendienst", "helpdesk", "servicedesk"])
_COMPANY_BEFORE = frozenset(
    [
        "banco",
        "banca",
        "bank",
        "caixa",
        "grupo",
        "gruppo",
        "groupe",
        "deutsche",
        "compagnie",
        "société",
        "companhia",
    ]
)
_COMPANY_WORD = re.compile(r"[^\W\d_][\w.&/]*")


_NUMBER_BEFORE = re.compile(r"\d[ \t\u00a0]?$")


def a_unit_after_a_number(text: str, start: int, end: int) -> bool:
    """One word right after a number is its unit or a time, not a person ("9–17 Uhr",
    "100 µg", "5 Stück"), unless the lists know it as a given name ("room 4 Anna")."""
    word = text[start:end]
    return (
        " " not in word
        and _NUMBER_BEFORE.search(text, max(0, start - 2), start) is not None
        and not known_given_name(word)
    )


def names_a_company(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` ends in, is followed by, or follows a company word ("Zalando SE",
    "Renault Group", "Banco Santander", "DHL Paket"), names a product's maker ("the Hugo
    Boss gift box", "Tim Hortons coffee") or a workplace ("my manager at Leroy Merlin",
    "Hiring Team at Wells Fargo", "four years at Mercadona")."""
    words = [w.lower().replace(".", "") for w in text[start:end].split()]
    after = _COMPANY_WORD.match(text, end + 1) if text[end : end + 1] == " " else None
    after_word = after.group(0).lower().replace(".", "") if after is not None else ""
    before = text[max(0, start - 20) : start].split()
    return (
        _firm_of_partners(text, start, end)
        or bool(_MODEL_AFTER.match(text, end))
        or bool(words and (words[-1] in _COMPANY_AFTER or words[0] in _COMPANY_BEFORE))
        or bool(len(words) > 1 and words[-1] in _DESK_END)
        or (after_word in _COMPANY_AFTER and after is not None and after.group(0)[0].isupper())
        or bool(before and before[-1].lower() in _COMPANY_BEFORE and text[start - 1] == " ")
        or bool(words and words[-1] in _PRODUCT_NOUNS)
        or after_word in _PRODUCT_NOUNS
        or _WORKPLACE_BEFORE.search(text, max(0, start - 48), start) is not None
        or _EMPLOYER_BEFORE.search(text, max(0, start - 32), start) is not None
        or _ORG_LABEL_BEFORE.search(text, max(0, start - 32), start) is not None
        or _car(words)
        or statement_merchant(text, start, end)
        or is_founders_brand(text, start, end)
    )


# Firms and brands named after their founders, known the world over: a name in one of
# them is the brand's, not a person's (a public name; `docs/privacy.md`). Only names of
# two or more words, or possessive shop names, so "Dear Mr Ferrari" stays a person.
_FOUNDERS_BRANDS = (
    "louis vuitton|ralph lauren|calvin klein|giorgio armani|emporio armani|tommy hilfiger|"
    "hugo boss|christian dior|yves saint laurent|saint laurent|coco chanel|marc jacobs|"
    "michael kors|kate spade|tory burch|vera wang|paul smith|ted baker|karl lagerfeld|"
    "jean paul gaultier|dolce & gabbana|dolce&gabbana|salvatore ferragamo|tom ford|"
    "stella mccartney|jimmy choo|christian louboutin|roberto cavalli|carolina herrera|"
    "oscar de la renta|donna karan|max mara|pierre cardin|levi strauss|estée lauder|"
    "estee lauder|helena rubinstein|elizabeth arden|tim hortons|ben & jerry's|"
    "ben and jerry's|dr\\. oetker|dr oetker|mcdonald's|mcdonalds|wendy's|trader joe's|"
    "kellogg's|papa john's|little caesars|jack daniel's|johnnie walker|jim beam|"
    "captain morgan|jose cuervo|marks & spencer|marks and spencer|john lewis|sainsbury's|"
    "alfa romeo|mercedes-benz|rolls-royce|aston martin|harley-davidson|walt disney|"
    "martha stewart|victoria's secret|abercrombie & fitch|procter & gamble|johnson & johnson|"
    "ernst & young|moët & chandon|veuve clicquot|don pérignon|adolfo domínguez|"
    "massimo dutti|pull & bear|bottega veneta|miu miu|salvatore ferragamo|brunello cucinelli|"
    "ermenegildo zegna|dr\\. martens|dr martens|hans im glück|jil sander|carl's jr"
)
_FOUNDERS_BRAND_RE = re.compile(rf"(?i)(?<![\w\-])(?:{_FOUNDERS_BRANDS})(?![\w\-])")


def is_founders_brand(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` lies in a founder's brand (``Calvin Klein``, ``Hugo Boss``)."""
    window = _FOUNDERS_BRAND_RE.finditer(text, max(0, start - 30), min(len(text), end + 30))
    return any(m.start() < end and start < m.end() for m in window)


# "Marks & Spencer", "Ernst & Young": names joined by "&" are a firm, unless both are given
# names that are no words ("Anna & Ben are coming").
_AMPERSAND_AFTER = re.compile(r"[ \t]*&[ \t]*(?P<w>[A-ZÀ-Ý][\w'’]+)")
_AMPERSAND_BEFORE = re.compile(r"(?P<w>[A-ZÀ-Ý][\w'’]+)[ \t]*&[ \t]*$")
# A model after a maker: "Dyson V15", "Galaxy S24", "Sony A7" (letters and digits).
# (not the first group of an IBAN written in fours: "Dawn O'Brien DE44 0998 …")
_MODEL_AFTER = re.compile(r" (?=[A-Za-z]{0,3}\d)[A-Za-z]{1,3}\d{1,4}[A-Za-z]{0,2}\b(?! \d{4})")


def _firm_of_partners(text: str, start: int, end: int) -> bool:
    after = _AMPERSAND_AFTER.match(text, end)
    before = _AMPERSAND_BEFORE.search(text, max(0, start - 32), start)
    other = after or before
    if other is None:
        return False
    first, second = text[start:end].split()[0], other.group("w")
    if second.endswith(("'s", "’s")) or text[end : end + 2] in ("'s", "’s"):
        return True  # "Ben & Jerry's", "Marks & Spencer's": a shop's name
    return first == second or not (is_given_name(first) and is_given_name(second))


# Nouns after a maker's name: "the Calvin Klein gift box", "Ralph Lauren pudding".
_PRODUCT_NOUNS = frozenset(
    [
        "gift",
        "box",
        "boxes",
        "ice",
        "cream",
        "store",
        "stores",
        "shop",
        "shops",
        "app",
        "account",
        "card",
        "order",
        "orders",
        "website",
        "site",
        "delivery",
        "customer",
        "support",
        "help",
        "helpdesk",
        "newsletter",
        "pudding",
        "coffee",
        "jeans",
        "bag",
        "bags",
        "perfume",
        "watch",
        "subscription",
        "voucher",
        "outlet",
        "branch",
        "logo",
        "product",
        "products",
        "stock",
        "shares",
        "headquarters",
        "hq",
        "hotline",
        "chatbot",
        "flagship",
        "brand",
        "gutschein",
        "filiale",
        "kundenservice",
        "tienda",
        "boutique",
        "magasin",
        "negozio",
        "punto",
        "vendita",
        "team",
        "department",
        "committee",
        "office",
        "staff",
        "service",
        "services",
    ]
)
# A workplace or a shop right before the name: "position at", "my manager at", "years at".
_WORKPLACE_BEFORE = re.compile(
    r"(?i)\b(?:position|role|job|internship|hiring team|team|manager|boss|colleagues?|"
    r"years?|months?|work(?:ed|ing|s)?|employed|career|interview(?:ed)?|hired|joined|"
    r"applied|analyst|engineer|developer|intern|store|shop|branch|claiming to be|"
    r"calling from|arbeite|gearbeitet|stelle|trabajo|trabajé|travaille|travaillé|poste|"
    r"lavoro|lavorato)\b[^.\n]{0,24}?\b(?:at|chez|bei|en|presso|in)[ \t]+$"
)


# An employer or the firm a call is for: "employer Lidl", "Arbeitgeber: Bosch", "Thanks for
# calling Vodafone", "Bienvenue chez Orange".
_EMPLOYER_BEFORE = re.compile(
    r"(?i)\b(?:employer|arbeitgeber|empleador|employeur|werkgever|datore di lavoro|"
    r"empregador|pracodawca|işveren|thanks for calling|thank you for calling|welcome to|"
    r"bienvenido a|bienvenida a|willkommen bei|bienvenue chez|benvenuto in|benvenuti in|"
    # an insurer: "versichert bei der AOK Bayern", "insured with Aviva", "verzekerd bij …"
    r"versichert bei(?: der| den)?|krankenversichert bei(?: der)?|insured with|insured by|"
    r"assurée? (?:chez|auprès de)|asegurad[oa] (?:con|en)|assicurat[oa] (?:con|presso)|"
    r"verzekerd bij|segurad[oa] (?:na|pela|pelo))"
    r"[ \t]*[:,]?[ \t]+$"
)
# A field that holds an organisation: vCard ORG, "Company:", "Firmenname:", "Empresa:" (not
# "Firma:", a signature in Italian and Spanish),
# "organisation=" ... (a person's employer, not the person).
_ORG_LABEL_BEFORE = re.compile(
    r"(?im)(?:^|[;,&?\s])(?:org|organi[sz]ation|organi[sz]ación|organisme|company|"
    r"company name|firmenname|unternehmen|empresa|entreprise|société|azienda|"
    r"ditta|bedrijf|compagnie|companhia|şirket|employer|arbeitgeber|werkgever)"
    r"[ \t]*(?:;[^:\n]{0,30})?[:=][ \t]*$"
)

# Car makers: a maker's word opening a span is a car ("Toyota Yaris", "Škoda Octavia"),
# unless a known family name follows ("Mercedes Sosa" is a person).
_CAR_MAKERS = frozenset(
    [
        "toyota",
        "mercedes",
        "mercedes-benz",
        "bmw",
        "audi",
        "volkswagen",
        "vw",
        "opel",
        "vauxhall",
        "fiat",
        "renault",
        "peugeot",
        "citroën",
        "citroen",
        "ford",
        "honda",
        "nissan",
        "mazda",
        "hyundai",
        "kia",
        "skoda",
        "škoda",
        "seat",
        "cupra",
        "dacia",
        "volvo",
        "tesla",
        "subaru",
        "suzuki",
        "mitsubishi",
        "lexus",
        "porsche",
        "lancia",
        "jeep",
        "chevrolet",
        "chrysler",
        "dodge",
        "jaguar",
        "lamborghini",
        "maserati",
        "bugatti",
        "polestar",
        "byd",
    ]
)


def _car(words: Sequence[str]) -> bool:
    if len(words) < 2 or words[0] not in _CAR_MAKERS:
        return False
    if is_given_name(words[0]) and not any(c.isdigit() or c == "-" for c in words[1]):
        return False  # "Mercedes Quispe" is a person, "Mercedes A-Klasse" a car
    return not any(is_family_name(w) or is_given_name(w) for w in words[1:])


# "MERCIER, Mathis": a surname in capitals and a comma before a found given name.
_CAPS_SURNAME_BEFORE = re.compile(
    r"(?<![\w,])[A-ZÀ-ÝĀ-Ž][A-ZÀ-ÝĀ-Ž'’\-]+(?: [A-ZÀ-ÝĀ-Ž'’\-]+){0,2}, $"
)
_LOWER_WORD_AFTER = re.compile(r" ([^\W\d_][\w'’\-]+)")


def whole_name(text: str, start: int, end: int) -> tuple[int, int]:
    """A found name grown to the rest of it: ``SURNAME, Given`` before it; after it, a
    surname behind particles ("Amor de la Fuente"), up to three more words that end the
    name where a line, a clause or a field ends ("Oğuz Yıldırım", "hey tobias
    featherstone", "name=Unai García López&…"), or a known family name after a
    lower-case name ("session opened for marcus donnelly")."""
    before = _CAPS_SURNAME_BEFORE.search(text, max(0, start - 40), start)
    if before is not None:
        start = before.start()
    particles = _PARTICLE_SURNAME_AFTER.match(text, end)
    if particles is not None and not text[start:end].islower():
        end = particles.end()
    for _ in range(3):
        grown = _grown(text, start, end)
        if grown == end:
            break
        end = grown
    return start, end


def _grown(text: str, start: int, end: int) -> int:
    """``end`` moved over the next word if it continues the name ``text[start:end]``."""
    after = _LOWER_WORD_AFTER.match(text, end)
    if after is None:
        return end
    name, word = text[start:end], after.group(1)
    if is_function_word(word) or word.lower() in _NOT_SURNAMES:
        return end
    if name.islower() and word.islower() and is_family_name(word):
        return after.end()
    same_case = word.islower() if name.islower() else _is_cap(word)
    if same_case and _NAME_END.match(text, after.end()):
        return after.end()
    single = " " not in name and _is_cap(name) and _is_cap(word)
    if single and _mid_sentence(text, start) and _surname_like(word):
        return after.end()  # "¿Viste a Keir Starmer ayer?": a capitalised word after a name
    return end


def _mid_sentence(text: str, start: int) -> bool:
    """A lower-case word or a comma stands right before ``start``."""
    before = text[max(0, start - 24) : start].rstrip(" \t")
    return bool(before) and (before[-1].islower() or before[-1] == ",")


def _surname_like(word: str) -> bool:
    """A capitalised word that can end a name: no function, calendar or street word."""
    return (
        len(word) >= 3
        and not is_function_word(word)
        and not is_calendar_word(word)
        and word.lower() not in _TITLES
        and not _STREET_END.search(" " + word)
    )


# A surname behind one to three particles: " de la Fuente", " van der Berg", " di Stefano".
_PARTICLE_SURNAME_AFTER = re.compile(
    r" (?:(?:de|del|della|di|da|dal|van|von|der|den|du|la|le|dos|das|do|bin|ibn|al|el|ter|ten|"
    r"y|e|zu|af|av)[ \t]){1,3}[A-ZÀ-ÝĀ-Ž][\w'’\-]+"
)
# Where a name ends: a line, a clause, a field of a form body, or "… to" / "… that".
_NAME_END = re.compile(r"[ \t]*(?:$|[\n\r,.;:!?)&|\]\"']|(?:to|that|que|dass|che)\b)", re.M)
_NOT_SURNAMES = frozenset(
    [
        *("now", "later", "today", "tonight", "tomorrow", "asap", "again", "too", "then", "pls"),
        *("please", "thanks", "thx", "soon", "here", "there", "yet", "also", "back", "first"),
        *("ok", "okay", "lol", "haha", "jetzt", "heute", "morgen", "bitte", "danke", "aujourd"),
        *("hui", "demain", "merci", "hoy", "mañana", "gracias", "oggi", "domani", "grazie"),
        # … nor a verb of saying after it ("tomasz wierzbicki wrote:", "fleur smit schreef:")
        *("wrote", "writes", "said", "says", "told", "asked", "replied", "schrieb", "schreibt"),
        *("sagt", "sagte", "meinte", "schreef", "zei", "escribió", "escribio", "dijo", "dice"),
        *("écrit", "écrivait", "dit", "scritto", "disse", "escreveu"),
    ]
)


def is_salutation(phrase: str) -> bool:
    """``Liebe Grüße``, ``Dzień dobry``, ``Best regards,``: a letter's opening or closing."""
    return " ".join(phrase.lower().strip(" ,.!:;").split()) in _SALUTATIONS


def is_function_word(word: str) -> bool:
    """A capitalised word that cannot be a name on its own ("The", "Dear", "Mit", "Date")."""
    lowered = word.lower()
    return lowered in _NOT_NAMES or lowered in _COMMON_CAPITALISED


# A line holding only a name: capitalised words, particles, initials, an optional title.
_NAME_LINE = re.compile(
    r"[ \t>]*(?:(?:[A-Za-zÀ-ÿ]{1,8}\.)[ \t]+)?"
    r"(?P<name>[^\W\d_][^\W\d_'’\-]*(?:['’\-][^\W\d_]+)*\.?"
    r"(?:[ \t]+[^\W\d_][^\W\d_'’\-]*(?:['’\-][^\W\d_]+)*\.?){1,4})[ \t]*$"
)


def name_lines_above(text: str, address_starts: Sequence[int]) -> list[Candidate]:
    """The name on the line right above an address that starts a line ("Annalisa Bruno" over
    "Via Nazionale 138/B"): a letter's or a label's addressee. The line holds two to five
    words, capitalised or particles, at least one a known given or family name; no digits,
    no label, no company."""
    found: list[Candidate] = []
    for start in address_starts:
        line_start = text.rfind("\n", 0, start) + 1
        if text[line_start:start].strip(" \t>") or line_start < 2:
            continue  # the address does not open its line
        above = text.rfind("\n", 0, line_start - 1) + 1
        m = _NAME_LINE.match(text, above, line_start - 1)
        if m is None:
            continue
        name = m.group("name")
        words = name.replace(".", " ").split()
        if words[0].lower() in _TITLES and len(words) > 2:  # "MR JOHN OKAFOR" over "14 HIGH ST"
            words = words[1:]
        if not all(_is_cap(w) or w.isupper() or w.lower() in _PARTICLES for w in words):
            continue
        if (
            is_function_word(words[0])
            or is_salutation(name)
            or names_a_company(text, *m.span("name"))
        ):
            continue
        if any(is_known_name(w) for w in words if len(w) > 1):
            found.append(Candidate(PERSON, m.start("name"), m.end("name"), 0.6))
    return found


_CAP_WORD = r"[A-ZÀ-ÝĀ-Ž][^\W\d_]+(?:['’\-][^\W\d_]+)*"
_CAP_WORD_NO_HYPHEN = r"[A-ZÀ-ÝĀ-Ž][^\W\d_]+"
# A signature after a dash that ends a review or a comment: "… — Tunde Okonkwo, Leeds",
# "– Büşra Ç. aus Stuttgart", "– MA aus Hamburg" (initials before where the writer is from).
_SIGNATURE = re.compile(
    r"(?:^[ \t]*|(?<=[.!?)\]\"'*])[ \t]+)(?:-{1,2}|—|–)[ \t]*"  # dashes are ASCII after folding
    rf"(?P<name>{_CAP_WORD}(?:[ \t]+(?:(?:de|del|da|di|van|von|ben|bin|al|el|la|le)[ \t]+)?"
    rf"(?:{_CAP_WORD}|[A-ZÀ-Ý]\.)){{0,3}}|[A-Z]{{2,3}}(?=[ \t]+(?:aus|from|de|da|di|uit|z)[ \t]))"
    r"(?P<after>[ \t]*(?:,[ \t]*[A-ZÀ-Ý][\w .'’\-]{1,30}|[ \t]+(?:aus|from|de|da|di|uit|z)[ \t]+"
    r"[A-ZÀ-Ý][\w'’\-]+(?:[ \t][A-ZÀ-Ý][\w'’\-]+)?)?[ \t]*$)",
    re.MULTILINE,
)


def signature_names(text: str) -> list[Candidate]:
    """Names signed after a dash at the end of a line. Mid-line, after what the writer said,
    two or more capitalised words (or initials before "aus"/"from") suffice; a dash opening
    a line (a list item) needs a known given or family name."""
    found: list[Candidate] = []
    for m in _SIGNATURE.finditer(text):
        name = m.group("name")
        words = name.split()
        initials = name.isupper() and len(name) <= 3  # "MA" is no Italian "ma" here
        if (is_function_word(words[0]) and not initials) or is_salutation(name):
            continue
        if names_a_company(text, *m.span("name")):
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        opens_line = not text[line_start : m.start()].strip()
        known = known_given_name(words[0]) or (len(words) > 1 and is_family_name(words[-1]))
        if known or (not opens_line and (len(words) >= 2 or name.isupper())):
            found.append(Candidate(PERSON, m.start("name"), m.end("name"), 0.6))
    return found


def signature_place(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is where a signer says they are from ("— Omar Ben Youssef,
    Cardiff", "– JK aus Bremen"): a place, not a person."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    m = _SIGNATURE.search(text, line_start, len(text) if line_end < 0 else line_end)
    return m is not None and m.start("after") <= start and end <= m.end("after")


# "SMIRNOVA Ekaterina", "PARK Seo-yeon", "Eleni PAPADOPOULOU": a family name in capitals
# before or after a given name, as passports, visas and Asian name order write it.
_CAPS_THEN_GIVEN = re.compile(
    r"(?<![\w\-])(?P<caps>[A-ZÀ-ÝĀ-Ž]{2,}(?:[\-'’][A-ZÀ-ÝĀ-Ž]{2,})?)[ \t]+"
    r"(?P<given>[A-ZÀ-ÝĀ-Ž][a-zà-ÿā-ž]+(?:-[A-ZÀ-ÝĀ-Ž]?[a-zà-ÿā-ž]+)?"  # "DUBOIS Anne-Sophie"
    r"(?:[ \t]+[A-ZÀ-ÝĀ-Ž][a-zà-ÿā-ž]+){0,2})"
    r"(?![\w\-])"
)
_GIVEN_THEN_CAPS = re.compile(
    r"(?<![\w\-])(?P<given>[A-ZÀ-ÝĀ-Ž][a-zà-ÿā-ž]+(?:-[A-ZÀ-ÝĀ-Ž]?[a-zà-ÿā-ž]+)?)[ \t]+"
    r"(?P<caps>[A-ZÀ-ÝĀ-Ž]{3,}(?:[\-'’][A-ZÀ-ÝĀ-Ž]{2,})?)(?![\w\-])"
)


def capitals_surnames(text: str) -> list[Candidate]:
    """``SURNAME Given`` and ``Given SURNAME``: the word in capitals is a known family name,
    or the other is a known given name that is no everyday word (``TAN Siti``)."""
    found: list[Candidate] = []
    for pattern in (_CAPS_THEN_GIVEN, _GIVEN_THEN_CAPS):
        for m in pattern.finditer(text):
            caps, given = m.group("caps"), m.group("given")
            first = given.split()[0]
            if is_function_word(first) or is_function_word(caps):
                continue
            if names_a_company(text, m.start(), m.end()):
                continue  # "LASTSCHRIFT Giorgio Armani Mandat …": a statement's merchant
            if is_family_name(caps) or known_given_name(first.split("-")[0]):
                found.append(Candidate(PERSON, m.start(), m.end(), 0.6))
    return found


def _caps(word: str) -> bool:
    return len(word) > 1 and word.isupper()


# What stands around a whole field: a line's ends, a cell's bar or tab, a label's colon.
_FIELD_BEFORE = re.compile(r"(?:^|[|\t:=;]|[ ]{2})[ \t]*$", re.MULTILINE)
_FIELD_AFTER = re.compile(r"[ \t]*(?:$|[|\t;,]|[ ]{2})", re.MULTILINE)


def _plain_family(word: str) -> bool:
    """A known family name that is no everyday word ("LOPEZ"; not "CASE", "KING")."""
    return is_family_name(word) and word.lower() not in _lists().ambiguous


def capitals_names(text: str, words: Sequence[tuple[int, int, str]]) -> list[Candidate]:
    """A name written wholly in capitals, as forms, cards, labels and manifests print it
    (the model never sees such words): two to four capitalised words one blank apart whose
    first is a given name the lists know as no everyday word, and whose last is a known
    given or family name or ends a field (``NIAMH KELLY``, ``JOÃO PEDRO OLIVEIRA``, ``| ADA
    OKAFOR |``); or a known family name, a comma and a known given name (``DUBOIS, MARC``).
    A title before it is left out (``DR. RHYS EVANS``); a company's or a street's name is
    none (``VICTOR HUGO STREET``)."""
    found: list[Candidate] = []
    i, n = 0, len(words)
    while i < n:
        start, _end, word = words[i]
        if not _caps(word) or i + 1 >= n or not _caps(words[i + 1][2]):
            i += 1
            continue
        last = _caps_name_end(text, words, i)
        if last is None or names_a_company(text, start, words[last][1]):
            i += 1
            continue
        if not names_a_street(text, start, words[last][1]):
            found.append(Candidate(PERSON, start, words[last][1], 0.7))
        i = last + 1
    return found


def _caps_name_end(text: str, words: Sequence[tuple[int, int, str]], i: int) -> int | None:
    """Index of the last word of a name in capitals starting at word ``i``, if it is one."""
    first, nxt = words[i][2], words[i + 1][2]
    gap = text[words[i][1] : words[i + 1][0]]
    field = _FIELD_BEFORE.search(text, max(0, words[i][0] - 8), words[i][0]) is not None
    if gap == ", ":  # "DUBOIS, MARC"; a family name no list knows when the pair is a line
        if not known_given_name(nxt) or is_function_word(first):
            return None
        whole = field and _FIELD_AFTER.match(text, words[i + 1][1]) is not None
        return i + 1 if is_family_name(first) or whole else None
    if gap != " " or is_function_word(first) or not is_given_name(first):
        return None
    titled = i > 0 and words[i - 1][2].lower() in _TITLES and words[i][0] - words[i - 1][1] <= 2
    known = known_given_name(first) or titled
    if not (known or field):
        return None  # "ROSE GOLD": a given name that is also a word, no title, no field
    j = i + 1
    while j + 1 < len(words) and j - i < 3 and text[words[j][1] : words[j + 1][0]] == " ":
        if not _caps(words[j + 1][2]):
            break
        j += 1
    while j > i and (is_function_word(words[j][2]) or is_calendar_word(words[j][2])):
        j -= 1  # "… DAY", "… THE": the name ends before
    if j == i or any(is_function_word(words[m][2]) for m in range(i + 1, j)):
        return None
    if field and _FIELD_AFTER.match(text, words[j][1]) and (known or _plain_family(words[j][2])):
        return j  # the whole of a cell or a label's value: "| ADA OKAFOR |", "| MAY LOPEZ |"
    if titled and known_given_name(first):
        return j  # "DR. PAOLO FANTINATI": a title, a given name, the family name
    if not known:
        return None
    for k in range(j, i, -1):  # the longest run whose last word is a known name, no word
        last = words[k][2]
        if (is_family_name(last) or is_given_name(last)) and last.lower() not in _lists().ambiguous:
            return k
    return None


# Japanese and Korean honorifics written after a name in Latin script: "Tanaka-san".
_HONORIFIC_AFTER = re.compile(
    rf"(?<![\w\-])(?P<name>{_CAP_WORD_NO_HYPHEN})-(?:san|sama|kun|chan|sensei|senpai|shi|ssi|nim)\b"
)


def honorific_names(text: str) -> list[Candidate]:
    """The name before a Japanese or Korean honorific (``Tanaka-san``, ``Min-ji-ssi``)."""
    if "-s" not in text and "-k" not in text and "-c" not in text and "-n" not in text:
        return []
    return [Candidate(PERSON, *m.span("name"), 0.6) for m in _HONORIFIC_AFTER.finditer(text)]


# The owner of a to-do or minutes line: "- Ernst: budget …", "* Yuki: send the slides".
_BULLET_OWNER = re.compile(
    rf"^[ \t]*[-*•][ \t]+(?P<name>{_CAP_WORD}(?:[ \t]+{_CAP_WORD})?):[ \t]+\S", re.MULTILINE
)


def bullet_owners(text: str) -> list[Candidate]:
    """The given name (and surname) that opens a bullet before a colon."""
    found: list[Candidate] = []
    for m in _BULLET_OWNER.finditer(text):
        words = m.group("name").split()
        if is_given_name(words[0]) and not is_function_word(words[0]):
            found.append(Candidate(PERSON, m.start("name"), m.end("name"), 0.6))
    return found


# Street words: a name inside a street's name is the street's ("Via Giuseppe Verdi", "Rue
# Victor Hugo", "Lincoln Avenue", "Karl-Marx-Allee"), not a person.
_STREET_WORDS = "|".join(STREET_WORDS)  # one vocabulary with the address patterns
_STREET_END = re.compile(rf"(?i)(?:[\s\-]|(?<=[a-zäöüß]))(?:{_STREET_WORDS})$")
_STREET_AFTER = re.compile(rf"(?i)[ \t\-](?:{_STREET_WORDS})\b")
_STREET_BEFORE = re.compile(
    rf"(?:\b(?:{'|'.join(STREET_PREFIXES)})|\b(?:{'|'.join(STREET_PREFIXES_ANY_CASE)}))[ \t]+"
    r"(?:(?:de|du|des|la|le|del|della|dei|di|da|do|dos|das)[ \t]+)*$"
)


def names_a_street(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is (part of) a street's or a place's name: a street word ends it
    or follows it, or a street word stands before it; or a place word (below)."""
    return bool(
        _STREET_END.search(text[start:end])
        or _STREET_AFTER.match(text, end)
        or _STREET_BEFORE.search(text, max(0, start - 32), start)
        or names_a_place(text, start, end)
    )


# Places named after a person by a word before or after the name: towns and saints
# ("Port Louis", "San Sebastián", "Sankt Augustin", "Saint-Denis"), sights ("Lake
# Constance", "Mont Blanc", "Villa Borghese"), stations, airports, schools and hospitals
# ("Victoria Station", "Gare Saint-Lazare", "Hôpital Édouard-Herriot",
# "Marie-Curie-Gymnasium", "Charles de Gaulle Surgery").
_PLACE_BEFORE = (
    r"port|porto|puerto|fort|san|santa|santo|são|saint|sainte|st\.?|ste\.?|sankt|mont|monte|"
    r"mount|mt\.?|lake|lac|lago|loch|villa|gare|île|isola|cape|cabo|capo|hôpital|"
    r"hospital|ospedale|klinikum|clínica|istituto|liceo|lycée|collège|colegio|escuela|école|"
    r"schule|gymnasium|universität|università|universidad|université|university|aeroporto|"
    r"aeropuerto|aéroport|airport|flughafen|bahnhof|estación|stazione|parc|parque|parco|"
    r"museo|musée|teatro|théâtre|palacio|palazzo|palais|schloss|castillo|castello|château|"
    r"puente|ponte|pont|"
    # venues named after a person or a family: "Hotel Adlon", "Trattoria Da Enzo"
    r"hotel|hôtel|hostel|albergo|pensione|pension|gasthof|gasthaus|restaurant|ristorante|"
    r"restaurante|trattoria|osteria|pizzeria|café|cafe|caffè|bistro|brasserie|taverna|"
    r"camping|resort|kino|cinema|cine"
)
_PLACE_AFTER = (
    r"station|airport|hospital|surgery|clinic|klinik|klinikum|school|schule|gymnasium|"
    r"college|university|universität|stadium|stadion|arena|cathedral|museum|bahnhof|centre|"
    r"center|library|academy|institute|theatre|theater|gallery|memorial|airfield|"
    r"realschule|grundschule|gesamtschule|krankenhaus|nhs|hotel|hostel|restaurant|resort"
)
_PLACE_BEFORE_RE = re.compile(rf"(?:^|(?<=[\s(\-]))(?i:{_PLACE_BEFORE})[ \t\-]+$")
_PLACE_START_RE = re.compile(rf"(?i:{_PLACE_BEFORE})[ \t\-]+[A-ZÀ-ÝĀ-Ž]")
_PLACE_AFTER_RE = re.compile(rf"[ \t\-]+(?i:{_PLACE_AFTER})\b")
_PLACE_END_RE = re.compile(rf"[ \t\-](?i:{_PLACE_AFTER})$")


# A place of birth: "Né(e) le 9 février 2000 à Oran", "born 1990 in Sligo", "nato a Bari".
_BIRTHPLACE_BEFORE = re.compile(
    r"(?i)\b(?:n[ée]e?|née?\(e\)|born|nacid[oa]|nat[oa]|geboren|nascid[oa]|urodzon[ya]|"
    r"doğdu|född|født|syntynyt)\b[^\n.;,]{0,32}?\b(?:à|a|in|en|em|w|te|i)[ \t]+$"
)


def names_a_place(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is (part of) a place named after a person: a capitalised place
    word stands right before it or opens it, or a place word follows or ends it; or the
    place of a birth ("né à Oran", "born in Sligo")."""
    if _PLACE_AFTER_RE.match(text, end) or _PLACE_END_RE.search(text, start, end):
        return True
    if _BIRTHPLACE_BEFORE.search(text, max(0, start - 64), start):
        return True
    before = _PLACE_BEFORE_RE.search(text, max(0, start - 14), start)
    if before is not None and text[before.start()].isupper():
        return True
    opening = _PLACE_START_RE.match(text, start, end)
    return opening is not None and text[start].isupper()


def listed_names() -> tuple[frozenset[str], frozenset[str]]:
    """Given names that are no everyday words, and family names (lower case, any script)."""
    lists = _lists()
    return lists.given - lists.ambiguous, lists.family


def all_given_names() -> frozenset[str]:
    """Every given name of the lists, everyday words too (for scripts whose dictionaries
    mark every name: Han, Hangul)."""
    return _lists().given


# "Surname, Given" as registers, class lists, bank statements and forms write a name
# ("De Luca, Matteo", "WHITFIELD, Rebecca", "Nußbaum, Hans-Peter").
_GIVEN_AFTER_COMMA = re.compile(
    r",[ \t](?P<given>[A-ZÀ-ÝĀ-Ž][a-zà-ÿā-ž'’]+(?:-[A-ZÀ-ÝĀ-Ž]?[a-zà-ÿā-ž'’]+)?"
    r"(?:[ \t][A-ZÀ-ÝĀ-Ž][a-zà-ÿā-ž'’]+)?)(?![\w\-])"
)
_COMMA_CAPITAL = re.compile(r",[ \t][A-ZÀ-ÝĀ-Ž]")
_LOWER_WORD_NEXT = re.compile(r"[ \t]+[a-zà-ÿ]")
# Countries, regions and cities that are also given names: "Paris, France", "Perth, Georgia".
_PLACE_GIVEN = frozenset(
    [
        *("france", "georgia", "virginia", "carolina", "florida", "jordan", "india", "israel"),
        *("florence", "victoria", "adelaide", "sydney", "austin", "dallas", "lourdes", "roma"),
        *("paris", "china", "kenya", "chad", "eugene", "helena", "regina", "alexandria"),
    ]
)


_TOKEN = re.compile(r"[^\s|:;,]+")


def _family_before(text: str, comma: int) -> tuple[int, bool] | None:
    """Start of the one to four capitalised words (particles between) that end at
    ``comma``, and whether they open a line or a cell."""
    low = max(0, comma - 60)
    tokens = list(_TOKEN.finditer(text, low, comma))
    start, taken, capitals = comma, 0, False
    for token in reversed(tokens):
        word = token.group(0)
        if token.end() != start - (1 if taken else 0) or taken == 4:
            break
        if taken and (text[token.end()] not in " \t" or (capitals and not word.isupper())):
            break  # "Gutschrift von SERENO, …": a name in capitals is in capitals throughout
        capitals = capitals or (not taken and word.isupper() and len(word) > 1)
        if word.lower() in _PARTICLES and taken:
            start = token.start()
        elif word[0].isupper() and not is_function_word(word):
            start, taken = token.start(), taken + 1
        else:
            break
    while start < comma and not text[start].isupper():
        start += 1  # a particle opening the name stays out of the test below
    if not taken or start >= comma:
        return None
    before = text[max(0, start - 2) : start].rstrip(" \t")
    return start, start == 0 or before[-1:] in ("\n", "|", "\t", ":", ";", "")


def inverted_names(text: str) -> list[Candidate]:
    """``Surname, Given``: a given name the lists know after a comma, and before the comma
    a family name the lists know or one in capitals; not a place (``Paris, France``), a
    greeting (``Hello, Maria``) or a clause (``In Lyon, Florence said``)."""
    found: list[Candidate] = []
    for hit in _COMMA_CAPITAL.finditer(text):
        m = _GIVEN_AFTER_COMMA.match(text, hit.start())
        if m is None:
            continue
        given = m.group("given")
        first = given.split()[0].split("-")[0]
        if not is_given_name(first) or first.lower() in _PLACE_GIVEN:
            continue
        place = _family_before(text, hit.start())
        if place is None:
            continue
        start, opens_line = place
        family = text[start : hit.start()]
        last = family.split()[-1]
        capitals = family.replace(" ", "").replace("-", "").isupper() and len(family) > 1
        single = " " not in family
        listed = opens_line and not (single and known_given_name(last) and not is_family_name(last))
        if not (capitals or listed or is_family_name(last)) or is_salutation(family):
            continue  # "Attendees: Ilse, Bo": two people, not one inverted name
        if is_function_word(first) and not (capitals or is_family_name(last)):
            continue  # "…, Mia" after a capitalised word: a given name only after a surname
        if not capitals and _LOWER_WORD_NEXT.match(text, m.end()):
            continue  # "In Lyon, Florence said …": a clause, not a register
        found.append(Candidate(PERSON, start, m.end(), 0.6))
    return found


# Bank statements: who a transfer went to or came from is a person or a firm; the
# counterparty of a card payment or a direct debit is a merchant.
_TRANSFER_WORDS = (
    r"sepa-überweisung an|überweisung an|überweisung von|dauerauftrag an|gutschrift von|"
    r"gutschrift|transferencia a|transferencia de|bizum a|bizum de|virement à|virement de|"
    r"virement reçu de|virement vers|bonifico a favore di|bonifico a|bonifico da|"
    r"transfer to|transfer from|payment to|payment from|zelle to|zelle from|paid to"
)
_TRANSFER_RE = re.compile(rf"(?i)(?<![\w\-])(?:{_TRANSFER_WORDS})[ \t]+")
_TRANSFER_STEMS = (
    *("berweisung", "gutschrift", "transfer", "bizum", "virement", "bonifico", "zelle"),
    *("dauerauftrag", "payment", "paid to"),
)
_MERCHANT_WORDS = (
    r"kartenzahlung|lastschrift|sepa-lastschrift|pago con tarjeta|compra con tarjeta|"
    r"compra|recibo|paiement cb|paiement carte|carte bancaire|prélèvement|achat cb|"
    r"pagamento pos|pagamento carta|addebito|card payment|direct debit|pos purchase|"
    r"contactless|débito|pago"
)
_MERCHANT_BEFORE = re.compile(
    rf"(?i)(?<![\w\-])(?:{_MERCHANT_WORDS})(?:[ \t]+[^\s\d|]+){{0,4}}[ \t]*$"
)
_MERCHANT_SPAN = re.compile(rf"(?i)(?:{_MERCHANT_WORDS})\b")
# Words of a statement line that are no one's name: "Mandat", "Gläubiger-ID", "Miete".
_BANK_WORDS = frozenset(
    [
        *("mandat", "mandato", "mandate", "gläubiger", "gläubiger-id", "creditor", "karte"),
        *("tarjeta", "carte", "card", "miete", "alquiler", "loyer", "affitto", "rent"),
        *("regalo", "geschenk", "cadeau", "gift", "cena", "dinner", "abendessen", "bizum"),
        *("recibo", "lastschrift", "gutschrift", "überweisung", "transferencia", "ref"),
        *("kartenzahlung", "verwendungszweck", "referencia", "concepto", "motivo", "for"),
    ]
)


def statement_merchant(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is a merchant on a statement line (``Kartenzahlung Calvin
    Klein``, ``Recibo Tim Hortons Mandat …``) or only the line's bank words (``Mandat``)."""
    words = [w.lower().strip(".,:") for w in text[start:end].split()]
    if words and all(w in _BANK_WORDS for w in words):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    if _MERCHANT_SPAN.match(text, start):
        return True
    return _MERCHANT_BEFORE.search(text, max(line_start, start - 60), start) is not None


_TOKEN_RUN = re.compile(r"\S+")


def _payee_words(text: str, pos: int) -> int:
    """End of the name that starts at ``pos`` after a transfer word: up to four words one
    blank apart, capitalised (to a lower-case, bank or number word) or, in lower case,
    while the lists know them."""
    end, lower = pos, False
    for count, m in enumerate(_TOKEN_RUN.finditer(text, pos, min(len(text), pos + 80))):
        word = m.group(0).rstrip(",")
        if count == 4 or (count and text[end : m.start()].lstrip(",") != " "):
            break
        if word.lower() in _BANK_WORDS or not word.replace("-", "").replace("'", "").isalpha():
            break
        if count == 0:
            lower = word.islower()
        elif word.islower() != lower and word not in _PARTICLES:
            break
        if lower and not (is_given_name(word) or is_family_name(word) or word in _PARTICLES):
            break
        end = m.start() + len(word)
    return end


def statement_payees(text: str) -> list[Candidate]:
    """The person a transfer went to or came from (``ÜBERWEISUNG AN SERGEI POPOV DE93…``,
    ``Bizum de maría josé núñez Miete``): a given name the lists know first or a family
    name last; a firm (``Gutschrift Amazon EU``) stays."""
    lower = text.lower()
    if not any(stem in lower for stem in _TRANSFER_STEMS):
        return []
    found = []
    for m in _TRANSFER_RE.finditer(text):
        end = _payee_words(text, m.end())
        words = text[m.end() : end].replace(",", " ").split()
        if not words or names_a_company(text, m.end(), end):
            continue
        first, last = words[0].split("-")[0], words[-1]
        if (is_given_name(first) and not is_function_word(first)) or (
            len(words) > 1 and is_family_name(last)
        ):
            found.append(Candidate(PERSON, m.end(), end, 0.6))
    return found
