"""What the user chose to hear, apart from the cue planner (core/cues.py), which loads
after the first paint: the routine picker and the tray plan with these before that."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class BreathingMode(StrEnum):
    OFF = "off"
    FIRST = "first"  # the first in and out of each hold
    EVERY = "every"


@dataclass(frozen=True)
class CueOptions:
    """The voice rate is the plan's (build_plan), since it also sets how long each intro
    lasts."""

    breathing: BreathingMode = BreathingMode.EVERY
    countdown: bool = True
