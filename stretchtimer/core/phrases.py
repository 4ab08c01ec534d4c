"""The fixed words the voice says around the routine's own texts ("Switch to your left
side", "Breathe in", "3, 2, 1"), in the UI's language. Core stays free of Qt: the Qt side
builds a Phrases from its translations (ui/i18n.py) and puts it in the plan context
(core/planner.py); a language change takes effect at the next start."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

LANGUAGES = {"en": "English", "de": "Deutsch"}  # the UI's languages, by their own names


def first_language(names: Iterable[str]) -> str | None:
    """The first of these locale names ("de_AT.UTF-8", "de-AT", "en") in one of the UI's
    languages, as its code; None when none is."""
    for name in names:
        code = name.replace("_", "-").split("-")[0].split(".")[0].lower()
        if code in LANGUAGES:
            return code
    return None


# The switch line for each side_label of an exercise: (label, to the left, to the right).
SWITCH_LINES = (
    ("side", "Now the left side", "Now the right side"),
    ("leg", "Now the left leg", "Now the right leg"),
    ("foot", "Now the left foot", "Now the right foot"),
    ("hip", "Now the left hip", "Now the right hip"),
    ("arm", "Now the left arm", "Now the right arm"),
)


@dataclass(frozen=True)
class Phrases:
    next: str = "Next: {name}"
    switch_lines: tuple[tuple[str, str, str], ...] = SWITCH_LINES
    switch: str = "Switch sides"
    left: str = "left"  # {side} and {other} in an exercise's switch_setup lines
    right: str = "right"
    # Said before the first hold of a routine whose first safety line is not a stop rule.
    stop_rule: str = "Mild tension only. Stop if you feel tingling, numbness or sharp pain."
    breathe_in: str = "Breathe in"
    breathe_out: str = "And out"
    halfway: str = "Halfway"
    countdown: tuple[str, ...] = ("3", "2", "1")
    hold: str = "Hold"  # these four stand in for an exercise's own cues only when it
    release: str = "Release"  # uses the English defaults (built-in texts stay English)
    rest: str = "Rest"
    closing: str = "Well done. That is the routine."  # when a routine has no closing

    def switch_to(self, side: str | None, label: str = "side") -> str:
        """"Now the left leg": the line that moves to `side`, naming what changes."""
        for name, left, right in self.switch_lines:
            if name == label:
                return {"left": left, "right": right}.get(side or "", self.switch)
        return self.switch

    def side_word(self, side: str | None) -> str:
        return {"left": self.left, "right": self.right}.get(side or "", "")


ENGLISH = Phrases()


def exercise_cue(own: str, english_default: str, translated: str) -> str:
    """An exercise's start/end/rest cue: its own words, or the translated default."""
    return translated if own == english_default else own
