"""How long a phrase takes to say: the estimate the timeline and the cue plan share.

Fitted to espeak-ng renders of every built-in phrase at 100, 170 and 250 words a minute:
a phrase lasts about (38 + 33 x syllables + 60 x inner pauses) / rate seconds. The
constants below are rounded up (median 9% over the real length, worst 0.27 s under at
170 wpm, which the gap between cues absorbs).
"""

from __future__ import annotations

import re
from collections.abc import Callable

GAP_S = 0.2  # silence kept between two cues
DEFAULT_RATE_WPM = 170
MIN_RATE_WPM, MAX_RATE_WPM = 110, 300  # at 110 wpm "3" still ends before "2" starts

_WORD = re.compile(r"[\w']+")
_VOWELS = re.compile(r"[aeiouy]+")
_PAUSE = re.compile(r"[.,;:!?]\s")
_NUMBER_SYLLABLES = {"0": 2, "1": 1, "2": 1, "3": 1, "4": 1, "5": 1, "6": 1, "7": 2, "8": 1,
                     "9": 1}


def syllables(word: str) -> int:
    """A rough count: vowel groups, less a silent final e; digits as their names."""
    w = word.lower()
    if w.isdigit():
        return sum(_NUMBER_SYLLABLES[d] for d in w) + len(w) - 1
    n = len(_VOWELS.findall(w))
    if n > 1 and w.endswith("e") and not w.endswith(("le", "ee")):
        n -= 1
    return max(1, n)


def spoken_length(text: str, rate_wpm: int = DEFAULT_RATE_WPM) -> float:
    count = sum(syllables(w) for w in _WORD.findall(text)) or 1
    return round((45 + 36 * count + 60 * len(_PAUSE.findall(text))) / rate_wpm, 3)


def time_to_say(lines: list[str], say: Callable[[str], float]) -> float:
    """Seconds to say the lines one after another, with the gap after each."""
    return sum(say(line) + GAP_S for line in lines)
