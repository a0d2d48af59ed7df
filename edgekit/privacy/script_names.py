"""Names written in scripts the NER model cannot read (Cyrillic, Greek, Arabic, Hebrew,
Devanagari, Thai, Hangul, Han and kana).

Two cues, because there is no capitalisation to lean on:

- a short run of another script inside a text mostly in one script (a Korean
  name in a Chinese sentence, a Russian name in an English e-mail) is almost
  always a name; it is masked at a score above the strict cut;
- inside a text of the same script, a name follows a self-introduction or
  addressing phrase ("меня зовут", "اسمي", "我叫", "είμαι ο", "मेरा नाम") or
  precedes an honorific ("さん", "様", "씨", "님", "先生", "जी").
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from functools import lru_cache

from edgekit.privacy.types import PERSON, Candidate

_FAMILIES = {
    "CYRILLIC": "cyrillic",
    "GREEK": "greek",
    "ARABIC": "arabic",
    "HEBREW": "hebrew",
    "DEVANAGARI": "devanagari",
    "THAI": "thai",
    "HANGUL": "hangul",
    "CJK": "cjk",
    "HIRAGANA": "kana",
    "KATAKANA": "kana",
    "LATIN": "latin",
}
_MAX_RUN_WORDS = 3
_MAX_RUN_CHARS = 24

_CUES = (
    "уважаемый",
    "уважаемая",
    "дорогой",
    "дорогая",
    "господин",
    "госпожа",
    "г-н",
    "г-жа",
    "шановний",
    "шановна",
    "السيد",
    "السيدة",
    "عزيزي",
    "عزيزتي",
    "الأستاذ",
    "الدكتور",
    "מר",
    "גברת",
    "לכבוד",
    "श्री",
    "श्रीमती",
    "सुश्री",
    "คุณ",
    "นาย",
    "นางสาว",
    "นาง",
    "αγαπητέ",
    "αγαπητή",
    "κύριε",
    "κυρία",
    "κύριος",
    "меня зовут",
    "зовут",
    "мене звати",
    "я —",
    "είμαι ο",
    "είμαι η",
    "με λένε",
    "ονομάζομαι",
    "اسمي",
    "أنا",
    "שמי",
    "קוראים לי",
    "मेरा नाम",
    "मैं",
    "ชื่อ",
    "我叫",
    "我是",
    "给",
    "和",
    "名前は",
    "私は",
    "제 이름은",
    "저는",
)
_HONORIFICS = (
    "さん",
    "様",
    "さま",
    "君",
    "くん",
    "ちゃん",
    "先生",
    "氏",
    "씨",
    "님",
    "女士",
    "小姐",
    "老师",
    "जी",
)
_CHINESE_HONORIFICS = frozenset(["先生", "女士", "小姐", "老师"])


@lru_cache(maxsize=4096)
def family(ch: str) -> str | None:
    """The script family of a letter (``None`` for digits, punctuation, symbols)."""
    if not (ch.isalpha() or unicodedata.category(ch).startswith("M")):
        return None
    name = unicodedata.name(ch, "")
    return _FAMILIES.get(name.split(" ", 1)[0].split("-", 1)[0], "other")


_HOMOGLYPH_HOSTS = ("cyrillic", "greek")
# Letters plus the combining vowel signs of Indic scripts and Thai (not \w in Python).
_LETTERS = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f\u0900-\u0dff\u0e00-\u0e7f])+")


def _segments(word: str, offset: int) -> list[tuple[int, int, str]]:
    """A word cut where its script changes ("给이서연写" is three segments). Latin letters
    inside a Cyrillic or Greek word are folded look-alikes and count as that script."""
    fams = [family(c) or "latin" for c in word]
    host = next((f for f in fams if f in _HOMOGLYPH_HOSTS), None)
    if host is not None:
        fams = [host if f == "latin" else f for f in fams]
    out: list[tuple[int, int, str]] = []
    for i, fam in enumerate(fams):
        if out and out[-1][2] == fam:
            out[-1] = (out[-1][0], offset + i + 1, fam)
        else:
            out.append((offset + i, offset + i + 1, fam))
    return out


def non_latin_word(word: str) -> bool:
    """Whether a (folded) word is written in another script than Latin."""
    return any(f != "latin" for _s, _e, f in _segments(word, 0))


def _runs(text: str) -> list[tuple[int, int, str]]:
    """Maximal runs of non-Latin words of one family, joined by single spaces."""
    runs: list[tuple[int, int, str]] = []
    for m in _LETTERS.finditer(text):
        if m.group(0).isascii():
            continue  # Latin, and no look-alike to fold
        for start, end, fam in _segments(m.group(0), m.start()):
            if fam == "latin":
                continue
            if runs and runs[-1][2] == fam and text[runs[-1][1] : start] in ("", " "):
                runs[-1] = (runs[-1][0], end, fam)
            else:
                runs.append((start, end, fam))
    return runs


def _kana_joined(fam: str) -> str:
    return "cjk" if fam == "kana" else fam


# Each alternative starts only where its run starts (the look-behinds): tried at every
# offset of a long word, "[\w.%+-]*@" would read the rest of the word each time.
_NOT_PROSE = re.compile(
    r"(?<![\w.%+\-])[\w.%+\-]*@[\w.\-]+"
    r"|(?<![\w+.\-])[a-z][\w+.\-]*://\S+"
    r"|[+\d][\d\s\-().]*"
)


def _prose(text: str) -> str:
    """The text without e-mail addresses, URLs and numbers (not any script's words)."""
    return _NOT_PROSE.sub(" ", text)


def _is_han(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith("CJK")


class _LineScripts:
    """The dominant script of the line holding an offset, each line read once.

    (Runs never cross a line break.) Looking the line up by bisection keeps the
    detector linear: matching every run against every line was quadratic.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts = [0, *(m.end() for m in re.finditer("\n", text))]
        self._seen: dict[int, str] = {}

    def at(self, offset: int) -> str:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i not in self._seen:
            start = self._starts[i]
            end = self._starts[i + 1] - 1 if i + 1 < len(self._starts) else len(self._text)
            self._seen[i] = _dominant(self._text[start:end])
        return self._seen[i]


class ScriptNameDetector:
    """Person names in non-Latin scripts (see the module docstring)."""

    name = "names-scripts"

    def detect(self, text: str) -> list[Candidate]:
        """Name candidates in ``text``."""
        from edgekit.privacy.names import a_unit_after_a_number

        runs = _runs(text)
        if not runs:
            return []
        dominant = _LineScripts(text)
        found = [
            Candidate(PERSON, start, end, 0.6)
            for start, end, fam in runs
            if _kana_joined(fam) != dominant.at(start)
            and len(text[start:end].split()) <= _MAX_RUN_WORDS
            and end - start <= _MAX_RUN_CHARS
            and not _mentioned_word(text, start, end)
            and not (_LABEL_AFTER.match(text, end) and not name_shaped(text[start:end], fam))
            and not _unit(text, start, end, fam, a_unit_after_a_number)
        ]
        found.extend(_after_cues(text))
        found.extend(_before_honorifics(text))
        found.extend(listed_script_names(text, runs))
        found.extend(han_hangul_names(text, runs))
        found.extend(field_names_uncased(text, runs))
        if "です" in text or "申します" in text:
            found.extend(japanese_self_introductions(text))
        return found


# How a Japanese letter or chat names its writer: "田中です。", "佐藤と申します".
_JA_INTRODUCTION = re.compile(
    r"(?:^|(?<=[。、！.,!\n]))[ \t]*"
    r"(?P<v>[\u4e00-\u9fff]{1,4}(?: ?[\u3040-\u30ff\u4e00-\u9fff]{1,4})?)"
    r"(?P<verb>と申します|でございます|です)"
)


def japanese_self_introductions(text: str) -> list[Candidate]:
    """The writer's name where a Japanese sentence opens with it and introduces it: any Han
    name before と申します ("I am called"); before です ("it is") only a common family name,
    with or without the given name ("高橋です", "高橋 健です"; "以上です" is no one)."""
    out = []
    for m in _JA_INTRODUCTION.finditer(text):
        value = m.group("v")
        if m.group("verb") != "と申します" and not _ja_family_first(value):
            continue
        out.append(Candidate(PERSON, m.start("v"), m.end("v"), 0.6))
    return out


def _ja_family_first(value: str) -> bool:
    head = value.split(" ", 1)[0]
    return (
        head in _JA_FAMILY
        or (len(value) > len(head) and head in _JA_FAMILY)
        or any(value.startswith(f) and len(value) - len(f) <= 3 for f in _JA_FAMILY)
    )


def _unit(text: str, start: int, end: int, fam: str, after_number: Callable[..., bool]) -> bool:
    """A short lower-case or name-less run right after a number is its unit ("100 μg",
    "5 мл", "3个"); a capitalised or name-shaped one is not ("12 Иван", "7 王芳")."""
    value = text[start:end]
    if end - start > 4 or value[:1].isupper() or name_shaped(value, fam):
        return False
    return bool(after_number(text, start, end))


# "身份证号：1101…", "Телефон: +7…": a run followed by a colon and a number is a field's
# label, not a name (a chat speaker "김민준: 안녕" or "my friend 刘洋: the …" is one).
_LABEL_AFTER = re.compile(r"[ \t]*[:：][ \t]*(?:[+(]?\d|$)", re.MULTILINE)
_OPEN_QUOTES = "'\"“‘«「『„‹"
_CLOSE_QUOTES = "'\"”’»」』“‹›"
# Talk about words, not people: "the word 谢谢 means …", "how do I say 'cheers' in Japanese".
_WORD_TALK_RE = re.compile(
    r"\b(?:word|words|means?|meaning|in (?:japanese|chinese|mandarin|cantonese|"
    r"korean|russian|ukrainian|greek|arabic|hebrew|hindi|thai)|characters?|kanji|hanzi|hangul|"
    r"hiragana|katakana|pronounc\w*|spell\w*|phrase|term|symbol|how (?:do (?:i|you) |to )say|"
    r"is it|wort|bedeutet|heißt|mot|signifie|palabra|significa|parola|vuol dire)\b"
)
_TALK_BEFORE = 40
_TALK_AFTER = 30


def _mentioned_word(text: str, start: int, end: int) -> bool:
    """A foreign word quoted or talked about as a word, not a name ("the word 乾杯 means")."""
    before = text[max(0, start - _TALK_BEFORE) : start]
    after = text[end : end + _TALK_AFTER]
    if before.rstrip()[-1:] in _OPEN_QUOTES and after.lstrip()[:1] in _CLOSE_QUOTES:
        return True
    return _talked_about(before, after)


def _talked_about(before: str, after: str) -> bool:
    return bool(_WORD_TALK_RE.search(before.lower()) or _WORD_TALK_RE.search(after.lower()))


def _dominant(line: str) -> str:
    """The script most words of a line are in (Latin on a tie)."""
    words: Counter[str] = Counter()
    for m in _LETTERS.finditer(_prose(line)):
        for _start, _end, fam in _segments(m.group(0), m.start()):
            words[_kana_joined(fam)] += 1
    if not words:
        return "latin"
    best, count = words.most_common(1)[0]
    return "latin" if words["latin"] == count else best


def _after_cues(text: str) -> list[Candidate]:
    """The one or two words (two or three Han characters) after an introduction phrase."""
    out = []
    for m in _CUE_AFTER_RE.finditer(text):
        pos = m.end()
        if pos < len(text) and _is_han(text[pos]):
            end = pos
            while end < len(text) and end - pos < 3 and _is_han(text[end]):
                end += 1
            out.append(Candidate(PERSON, pos, end, 0.6))
            continue
        segments = [
            seg
            for word in list(_LETTERS.finditer(text, pos, min(len(text), pos + 80)))[:2]
            for seg in _segments(word.group(0), word.start())
        ]
        if not segments or segments[0][0] != pos or segments[0][2] == "latin":
            continue  # Latin-script names are the NER's and the heuristic's
        first = segments[0]
        end = first[1]
        if len(segments) > 1 and segments[1][2] == first[2] and text[end : segments[1][0]] == " ":
            end = segments[1][1]
        out.append(Candidate(PERSON, pos, end, 0.6))
    return out


def _before_honorifics(text: str) -> list[Candidate]:
    """Han or Hangul characters right before さん, 様, 씨, 님, 先生 …"""
    out = []
    for m in _HONORIFIC_RE.finditer(text):
        end = m.start()
        if end > 0 and text[end - 1] == " ":
            end -= 1
        start = end
        # Chinese names are two or three characters ("请联系王小明先生": not 联系); Japanese
        # family + given names up to four.
        longest = 3 if m.group(0) in _CHINESE_HONORIFICS else 4
        while start > 0 and end - start < longest:
            ch = text[start - 1]
            if (
                _is_han(ch)
                or family(ch) == "hangul"
                or (
                    ch == " "
                    and start > 1
                    and _is_han(text[start - 2])
                    and " " not in text[start:end]
                )
            ):
                start -= 1
            else:
                break
        if end - start >= 2 and text[start:end] not in _ROLES_BEFORE_HONORIFICS:
            out.append(Candidate(PERSON, start, end, 0.6))
    return out


# Roles addressed with an honorific: "고객님" (dear customer), "사장님", "先生" after a role.
_ROLES_BEFORE_HONORIFICS = frozenset(
    [
        *("고객", "회원", "사장", "부장", "과장", "팀장", "선생", "교수", "기사", "손님", "원장"),
        *("담당자", "お客", "皆", "先輩", "社長", "部長", "課長", "店長", "客户", "顾客", "各位"),
        "医生",
    ]
)


def _folded(phrase: str) -> str:
    from edgekit.privacy.normalize import normalize

    return normalize(phrase).text


# Detectors see the folded text, so the cues are folded the same way.
_CUE_AFTER_RE = re.compile(
    "(?:" + "|".join(re.escape(_folded(c)) for c in _CUES) + r")\s*", re.IGNORECASE
)
_HONORIFIC_RE = re.compile("|".join(re.escape(h) for h in _HONORIFICS))


# Names the lists know, inside text written in their own script: Cyrillic and Greek have
# capitals, so a capitalised known given or family name is a name wherever it stands, in any
# grammatical case ("Передай Ивану", "видел Дмитрия Соколова", "Ο Γιώργος Παπαδάκης"), and
# the capitalised patronymics and family names after it belong to it. Arabic and Hebrew have
# none, so a known given name needs a greeting before it, a line of its own (a signature),
# or an Arabic family name with its article after it ("فاطمة الزهراء").
_CASED = frozenset(["cyrillic", "greek"])
_UNCASED = frozenset(["arabic", "hebrew", "devanagari"])
# Common Hindi given and family names in Devanagari (the lists hold few).
_HI_GIVEN = frozenset(
    [
        "राहुल",
        "अमित",
        "सुनीता",
        "प्रिया",
        "अंजलि",
        "पूजा",
        "नेहा",
        "रोहित",
        "विकास",
        "सुनील",
        "अनिल",
        "राजेश",
        "संजय",
        "दीपक",
        "मनोज",
        "अजय",
        "विजय",
        "रवि",
        "सुरेश",
        "रमेश",
        "महेश",
        "गीता",
        "सीता",
        "कविता",
        "ममता",
        "सरिता",
        "अर्जुन",
        "आदित्य",
        "आकाश",
        "अभिषेक",
        "विशाल",
        "निखिल",
        "राकेश",
        "मुकेश",
        "सचिन",
        "आरती",
        "स्नेहा",
        "रीना",
        "मीना",
        "लक्ष्मी",
    ]
)
_HI_FAMILY = frozenset(
    [
        "शर्मा",
        "वर्मा",
        "गुप्ता",
        "कुमार",
        "सिंह",
        "पटेल",
        "यादव",
        "जैन",
        "मिश्रा",
        "तिवारी",
        "पांडे",
        "चौधरी",
        "अग्रवाल",
    ]
)
# Hebrew writes "to", "and", "from" … as one letter before the word: "ליוסי" is "to Yossi".
_HE_PREFIXES = "ולבמהשכ"
# Case endings and what the nominative ends in instead (Russian, Ukrainian, Greek).
_ENDINGS = [
    "а",
    "я",
    "у",
    "ю",
    "е",
    "и",
    "ы",
    "о",
    "ой",
    "ей",
    "ом",
    "ем",
    "ою",
    "ею",
    "ого",
    "его",
    "ому",
    "ему",
    "ым",
    "им",
    "ς",
    "ου",
    "ο",
    "ε",
    "ας",
    "ης",
    "η",
    "α",
    "ωνα",
]
_NOMINATIVE = ("", "а", "я", "й", "ь", "о", "ς", "ος", "ας", "α", "η", "ης")
_SURNAME_ENDINGS = (
    "ович|евич|овна|евна|ична|инична|ич|ов|ев|ёв|ин|ова|ева|ёва|ина|ову|еву|ёву|ину|овой|евой|"
    "ёвой|иной|ого|ому|ым|ский|ская|ского|ской|скому|цкий|цкая|енко|"
    "ук|юк|чук|ян|идзе|швили|ου|άκης|όπουλος|οπούλου|ίδης|ίδου|ιάδης|άτος|έας"
)
# Matched on the folded text, so the endings are folded too.
_SURNAME_SHAPE = re.compile(
    "(?:" + "|".join(re.escape(_folded(e)) for e in _SURNAME_ENDINGS.split("|")) + ")$"
)
# Given names that are everyday words there ("Вера" is faith, "Ελπίδα" hope).
_WORD_NAMES = ("вера", "надежда", "любовь", "роман", "лев", "слава", "мир", "ελπίδα", "ειρήνη")
_GREETINGS_BEFORE = re.compile(
    r"(?:^|\s)(?:يا|مرحبا|أهلا|اهلا|عزيزي|عزيزتي|شكرا|السيد|السيدة|إلى|الى|مع|عند|لدى|قال|قالت|"
    r"أخبر|اسأل|كلم|الأخ|الأخت|שלום|היי|תודה|לכבוד|מר|גברת|עם|אצל|प्रिय|नमस्ते|धन्यवाद|"
    r"दोस्त|भाई|बहन|जी)[\s,،]*$"
)


@lru_cache(maxsize=1)
def _script_lists() -> tuple[frozenset[str], frozenset[str], tuple[str, ...], tuple[str, ...]]:
    """The lists' non-Latin names, capitalised and folded as the detectors see them (folding
    depends on case: "Ν" becomes "N", "ν" becomes "v"), and the case endings, folded."""
    from edgekit.privacy.names import listed_names

    given, fam = listed_names()

    def fold(words: frozenset[str] | tuple[str, ...]) -> frozenset[str]:
        return frozenset(_folded(w[:1].upper() + w[1:]) for w in words if not w.isascii())

    endings = tuple(sorted({_folded(e) for e in _ENDINGS}, key=len, reverse=True))
    nominative = tuple(_folded(e) for e in _NOMINATIVE)
    return fold(given) - fold(_WORD_NAMES), fold(fam), endings, nominative


# Pronouns and greetings that open sentences and look like an inflected name ("Меня").
_NOT_NAMES = [
    "меня",
    "тебя",
    "себя",
    "него",
    "нему",
    "ним",
    "мне",
    "тебе",
    "нам",
    "вам",
    "нас",
    "вас",
    "это",
    "эта",
    "этот",
    "эти",
    "как",
    "так",
    "все",
    "всё",
    "спасибо",
    "привет",
    "здравствуйте",
    "добрый",
    "доброе",
    "мене",
    "тебе",
    "тобі",
    "мені",
    "дякую",
    "вітаю",
    "привіт",
    "αυτό",
    "αυτή",
    "αυτός",
    "εγώ",
    "εσύ",
    "εμένα",
    "γεια",
    "ευχαριστώ",
    "καλημέρα",
    "καλησπέρα",
]


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    return frozenset(_folded(w[:1].upper() + w[1:]) for w in _NOT_NAMES)


def _listed(word: str, names: frozenset[str]) -> bool:
    """``word`` (folded, capitalised) is in ``names`` in its own or another grammatical case."""
    if word in names:
        return True
    if word in _not_names():
        return False
    _given, _fam, endings, nominative = _script_lists()
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            stem = word[: len(word) - len(ending)]
            if any(stem + other in names for other in nominative):
                return True
    return False


def listed_script_names(text: str, runs: list[tuple[int, int, str]]) -> list[Candidate]:
    """Known names on lines with Cyrillic, Greek, Arabic or Hebrew (see above). Whole lines
    are read: a word all of whose letters fold to Latin ("Анна") is in no run."""
    out: list[Candidate] = []
    done: set[int] = set()
    for run_start, _run_end, fam_name in runs:
        if fam_name not in _CASED and fam_name not in _UNCASED:
            continue
        line_start = text.rfind("\n", 0, run_start) + 1
        if line_start in done:
            continue
        done.add(line_start)
        line_end = text.find("\n", run_start)
        end = len(text) if line_end < 0 else line_end
        words = [(m.start(), m.end()) for m in _LETTERS.finditer(text, line_start, end)]
        if fam_name in _CASED:
            out.extend(_cased_names(text, words))
        else:
            out.extend(_uncased_names(text, words))
    return out


# Street words before a name make it the street's: "на улице Ленина", "οδός Σταδίου".
_STREETS_BEFORE = re.compile(
    "(?i)(?:"
    + "|".join(
        re.escape(_folded(w))
        for w in [
            "ул.",
            "улица",
            "улице",
            "улицу",
            "улицы",
            "проспект",
            "проспекте",
            "пр-т",
            "площадь",
            "площади",
            "переулок",
            "бульвар",
            "бульваре",
            "шоссе",
            "набережная",
            "вулиця",
            "вулиці",
            "просп.",
            "οδός",
            "οδό",
            "οδού",
            "λεωφόρος",
            "λεωφόρο",
            "πλατεία",
        ]
    )
    + r")\s*$"
)


def _cased_names(text: str, words: list[tuple[int, int]]) -> list[Candidate]:
    given, fam, _endings, _nominative = _script_lists()
    out: list[Candidate] = []
    i = 0
    while i < len(words):
        start, end = words[i]
        word = text[start:end]
        j = i
        if (
            word[:1].isupper()
            and not word.isupper()
            and (_listed(word, given) or _listed(word, fam))
            and not _STREETS_BEFORE.search(text, max(0, start - 16), start)
        ):
            while j + 1 < len(words) and _continues(text, words[j], words[j + 1], given, fam):
                j += 1
            out.append(Candidate(PERSON, start, words[j][1], 0.6))
        i = j + 1
    return out


@lru_cache(maxsize=1)
def _uncased_lists() -> tuple[frozenset[str], frozenset[str]]:
    """Given and family names of the scripts without capitals (the lists + Hindi), joined
    once (joining them at every call cost ~1 ms)."""
    given, fam, _endings, _nominative = _script_lists()
    return given | _HI_GIVEN, fam | _HI_FAMILY


def _uncased_names(text: str, words: list[tuple[int, int]]) -> list[Candidate]:
    given, fam = _uncased_lists()
    out: list[Candidate] = []
    i = 0
    while i < len(words):
        start, end = words[i]
        j = i
        word = text[start:end]
        if word[:1] in _HE_PREFIXES and word[1:] in given and "\u0590" <= word[0] <= "\u05ff":
            start, word = start + 1, word[1:]  # "ליוסי כהן": "to" + Yossi Cohen
        if word in given:
            after = words[i + 1] if i + 1 < len(words) else None
            if (
                after is not None
                and text[end : after[0]] == " "
                and (text[after[0] : after[0] + 2] == "ال" or text[after[0] : after[1]] in fam)
            ):
                j = i + 1  # "فاطمة الزهراء", "خالد العتيبي"
            if j > i or _alone_or_greeted(text, start, end):
                out.append(Candidate(PERSON, start, words[j][1], 0.6))
        i = j + 1
    return out


def _continues(
    text: str,
    word: tuple[int, int],
    nxt: tuple[int, int],
    given: frozenset[str],
    fam: frozenset[str],
) -> bool:
    """The next word belongs to the name: one blank after it, capitalised, and a known
    name, a patronymic or a family name by its ending."""
    value = text[nxt[0] : nxt[1]]
    if text[word[1] : nxt[0]] != " " or not value[:1].isupper():
        return False
    return (
        _listed(value, given)
        or _listed(value, fam)
        or bool(_SURNAME_SHAPE.search(value) or _PATRONYMIC.search(value))
    )


# A patronymic in any case: "Викторовна", "Викторовне", "Петровичу", "Ильиничной".
_PATRONYMIC = re.compile(
    "(?:"
    + "|".join(re.escape(_folded(e)) for e in ("ович", "евич", "овн", "евн", "ичн"))
    + r")\w{0,3}$"
)


def _alone_or_greeted(text: str, start: int, end: int) -> bool:
    """A greeting right before the word, or the word opens a line of at most three words."""
    if _GREETINGS_BEFORE.search(text, max(0, start - 16), start):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    return not text[line_start:start].strip() and len(line.split()) <= 3


# Han and Hangul have no spaces between a family and a given name: a common family name
# right before a given name of the lists is a full name ("王秀英", "山田太郎", "김민준에게").
_ZH_FAMILY = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏"
    "吕丁任沈姚卢姜崔钟谭陆汪范廖贾夏韦邹孟熊秦邱薛闫段雷侯史陶黎贺顾毛郝龚邵钱严戴莫孔汤"
    "張劉陳楊黃趙吳鄭謝許韓馮鄧蕭葉蘇呂盧鍾譚陸賈鄒龔錢嚴"
)
_JA_FAMILY_NAMES = (
    "佐藤 鈴木 高橋 田中 伊藤 渡辺 山本 中村 小林 加藤 吉田 山田 佐々木 山口 松本 井上 木村 "
    "斎藤 清水 山崎 池田 橋本 阿部 石川 山下 中島 石井 小川 前田 岡田 長谷川 藤田 後藤 近藤 "
    "村上 遠藤 青木 坂本 斉藤 福田 太田 西村 藤井 岡本 藤原 中野 三浦 原田 中川 松田 竹内 "
    "小野 田村 中山 和田 石田 森田 上田 柴田 酒井 工藤 横山 宮崎 宮本 内田 高木 安藤 島田"
)
_JA_FAMILY = frozenset(_JA_FAMILY_NAMES.split())
_KO_FAMILY = frozenset(
    "김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민나진엄채원천방공현함변염여추도소석선설마길연위표명반왕금옥육맹제모탁국"
)


def _family_given(text: str, start: int, end: int, given: frozenset[str]) -> list[Candidate]:
    """Family + given name inside one Han or Hangul run ``text[start:end]``."""
    out: list[Candidate] = []
    i = start
    while i < end - 2:
        fam = 2 if text[i : i + 2] in _JA_FAMILY else 1 if text[i] in _ZH_FAMILY | _KO_FAMILY else 0
        if text[i : i + 3] in _JA_FAMILY:
            fam = 3
        if fam:
            for size in (2, 3) if fam == 1 else (2, 1, 3):
                stop = i + fam + size
                if stop <= end and text[i + fam : stop] in given:
                    out.append(Candidate(PERSON, i, stop, 0.6))
                    i = stop - 1
                    break
        i += 1
    return out


def han_hangul_names(text: str, runs: list[tuple[int, int, str]]) -> list[Candidate]:
    """Full names written together in Han or Hangul (see above)."""
    from edgekit.privacy.names import all_given_names

    given = all_given_names()
    out: list[Candidate] = []
    for start, end, fam in runs:
        if fam in ("cjk", "hangul"):
            out.extend(_family_given(text, start, end, given))
    return out


# A name alone in a field of its own (a line, a table cell, a quoted value, before
# "(mail@…)"), in a script without capitals: a Chinese family character and one or two
# more ("李娜", "王芳"), a Japanese family name, a blank and one to three characters
# ("佐藤 花子"), a Korean family syllable and one or two more ("김민준"), or two Thai words
# ("สมชาย ใจดี"). Given names of one character are common, so no list can hold them all.
_FIELD_OPENERS = "|\t,;'\"([>-—–"
_FIELD_AFTER = re.compile(r"[ \t]*(?:$|[|\t,;'\")\]<]|\((?=[^()\n]{0,60}@))", re.MULTILINE)
_NOT_FIELD_NAMES = frozenset(
    ["谢谢", "马上", "周末", "高兴", "许多", "何时", "王国", "黄色", "周年"]
)


def name_shaped(value: str, fam: str) -> bool:
    """A value of a script without capitals that has a name's shape (see above)."""
    if fam == "thai":
        words = value.split()
        return len(words) == 2 and all(2 <= len(w) <= 14 for w in words)
    if fam == "hangul":
        return 2 <= len(value) <= 4 and value[0] in _KO_FAMILY
    if fam != "cjk" or value in _NOT_FIELD_NAMES or value[:1] == value[1:2]:
        return False
    family, _, given = value.partition(" ")
    if given:
        return family in _JA_FAMILY and 1 <= len(given) <= 3 and " " not in given
    return 2 <= len(value) <= 3 and (value[0] in _ZH_FAMILY or value[:2] in _JA_FAMILY)


def field_names_uncased(text: str, runs: list[tuple[int, int, str]]) -> list[Candidate]:
    """Names of a script without capitals standing alone in a field (see above)."""
    out: list[Candidate] = []
    for start, end, fam in runs:
        if fam not in ("cjk", "hangul", "thai") or end - start > 14:
            continue
        line_start = text.rfind("\n", 0, start) + 1
        before = text[line_start:start].rstrip(" \t")
        if (before and before[-1] not in _FIELD_OPENERS) or not _FIELD_AFTER.match(text, end):
            continue
        talk = _talked_about(text[max(0, start - _TALK_BEFORE) : start], text[end : end + 30])
        if name_shaped(text[start:end], fam) and not talk:  # a quoted value may be a name
            out.append(Candidate(PERSON, start, end, 0.6))
    return out
