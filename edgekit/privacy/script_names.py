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
            and not _LABEL_AFTER.match(text, end)
        ]
        found.extend(_after_cues(text))
        found.extend(_before_honorifics(text))
        return found


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
        if end - start >= 2:
            out.append(Candidate(PERSON, start, end, 0.6))
    return out


def _folded(phrase: str) -> str:
    from edgekit.privacy.normalize import normalize

    return normalize(phrase).text


# Detectors see the folded text, so the cues are folded the same way.
_CUE_AFTER_RE = re.compile(
    "(?:" + "|".join(re.escape(_folded(c)) for c in _CUES) + r")\s*", re.IGNORECASE
)
_HONORIFIC_RE = re.compile("|".join(re.escape(h) for h in _HONORIFICS))
