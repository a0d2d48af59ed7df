"""Whether a text ends with one of many literal phrases, read from its end.

Readers ask "does the text right before this word end with a cue?" ("tell ", "my sister ",
"llamar a "): as a forward pattern ``(?<![\\w])(?:cue|cue|…)[ \\t]+$`` searched over a slice,
the regular-expression engine tries every cue at every position of the slice. The same
question asked of the reversed slice, with every cue reversed, is one anchored match at
its start: the same answer (every character is compared the same way, case folding
included), several times faster on the name readers' hot path.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


class EndingPhrases:
    """``search(text)`` is truthy exactly when the forward pattern
    ``(?<!{not_before})(?:{phrase}|…){tail}$`` (phrases as literals) finds a match in
    ``text``; ``tail`` must read the same backwards (``[ \\t]+``, ``[ \\t]*\\n?[ \\t]*``)."""

    __slots__ = ("_reversed", "pattern")

    def __init__(
        self, phrases: Iterable[str], *, not_before: str, tail: str, flags: int = 0
    ) -> None:
        ordered = sorted(set(phrases), key=len, reverse=True)
        if not ordered or any(not p for p in ordered):
            raise ValueError("phrases must be non-empty strings")
        forward = "|".join(re.escape(p) for p in ordered)
        backward = "|".join(re.escape(p[::-1]) for p in ordered)
        #: the forward pattern this object answers for (documentation and tests)
        self.pattern = re.compile(rf"(?<!{not_before})(?:{forward}){tail}$", flags)
        # ``$`` also matches right before a final newline: hence the optional one first.
        self._reversed = re.compile(rf"\n?{tail}(?:{backward})(?!{not_before})", flags)

    def search(self, text: str) -> bool:
        """Whether ``text`` ends with a phrase (whole, as ``not_before`` says) and ``tail``."""
        return self._reversed.match(text[::-1]) is not None
