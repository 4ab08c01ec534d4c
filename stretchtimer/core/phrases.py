"""The fixed words the voice says around the routine's own texts ("Switch to your left
side", "Breathe in", "3, 2, 1"), in the UI's language. Core stays free of Qt: the Qt side
builds a Phrases from its translations and makes it current once at startup (a language
change takes effect at the next start)."""

from __future__ import annotations

from dataclasses import dataclass


LANGUAGES = {"en": "English", "de": "Deutsch"}  # the UI's languages, by their own names


@dataclass(frozen=True)
class Phrases:
    next: str = "Next: {name}"
    switch_left: str = "Switch to your left side"
    switch_right: str = "Switch to your right side"
    switch: str = "Switch sides"
    breathe_in: str = "Breathe in"
    breathe_out: str = "And out"
    halfway: str = "Halfway"
    countdown: tuple[str, ...] = ("3", "2", "1")
    hold: str = "Hold"  # these three stand in for an exercise's own cues only when it
    release: str = "Release"  # uses the English defaults (built-in texts stay English)
    rest: str = "Rest"
    closing: str = "Well done. That is the routine."  # when a routine has no closing

ENGLISH = Phrases()
_current = ENGLISH


def current() -> Phrases:
    return _current


def use(phrases: Phrases) -> None:
    global _current
    _current = phrases


def exercise_cue(own: str, english_default: str, translated: str) -> str:
    """An exercise's start/end/rest cue: its own words, or the translated default."""
    return translated if own == english_default else own
