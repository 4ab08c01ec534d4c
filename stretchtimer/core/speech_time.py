"""How long a phrase takes to say: the estimate the timeline and the cue plan share."""

from __future__ import annotations

import re

GAP_S = 0.15  # silence kept between two cues
DEFAULT_RATE_WPM = 170
MIN_RATE_WPM, MAX_RATE_WPM = 80, 300  # at 80 wpm "3" still ends before "2" starts

_WORD = re.compile(r"[\w']+")
_PAUSE = re.compile(r"[.,;:!?]\s")


def spoken_length(text: str, rate_wpm: int = DEFAULT_RATE_WPM) -> float:
    """Words at the voice rate, plus a short pause at each inner punctuation mark."""
    words = max(1, len(_WORD.findall(text)))
    return round(words * 60.0 / rate_wpm + 0.25 * len(_PAUSE.findall(text)), 3)


def time_to_say(lines: list[str], rate_wpm: int = DEFAULT_RATE_WPM) -> float:
    """Seconds to say the lines one after another, with the gap after each."""
    return sum(spoken_length(line, rate_wpm) + GAP_S for line in lines)
