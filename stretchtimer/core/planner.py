"""The one place a routine becomes what will run: its plan and its cues, from the whole
plan context (progression levels, voice rate, the measured lengths of rendered speech,
the stretches paused for safety, the spoken phrases of the UI's language, and what the
user chose to hear). The picker's cards, the tray, the reminder popup, the editor and a
started session all plan through one PlanContext, so they agree on every length."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from stretchtimer.core.cue_options import CueOptions
from stretchtimer.core.phrases import ENGLISH, Phrases
from stretchtimer.core.plan import Plan, build_plan
from stretchtimer.core.routine import Routine
from stretchtimer.core.speech_time import DEFAULT_RATE_WPM

if TYPE_CHECKING:  # the cue planner loads after the first paint
    from stretchtimer.core.cues import Cue


@dataclass(frozen=True)
class PlanContext:
    levels: Mapping[str, int] = field(default_factory=dict)  # exercise id -> level index
    rate_wpm: int = DEFAULT_RATE_WPM
    measured: Mapping[str, float] = field(default_factory=dict)  # text -> seconds spoken
    paused: frozenset[str] = frozenset()  # exercise ids left out for safety
    phrases: Phrases = ENGLISH
    options: CueOptions = field(default_factory=CueOptions)

    def runnable(self, routine: Routine) -> Routine:
        """The routine without its paused stretches (it may have none left)."""
        kept = tuple(ex for ex in routine.exercises if ex.id not in self.paused)
        return routine if len(kept) == len(routine.exercises) else replace(routine,
                                                                          exercises=kept)

    def can_run(self, routine: Routine) -> bool:
        return bool(self.runnable(routine).exercises)

    def plan(self, routine: Routine) -> Plan:
        """What will run; a routine whose every stretch is paused (which cannot start) is
        planned whole, for its card."""
        kept = self.runnable(routine)
        return build_plan(kept if kept.exercises else routine, self.levels,
                          rate_wpm=self.rate_wpm, measured=self.measured,
                          phrases=self.phrases)

    def cues(self, plan: Plan) -> list[Cue]:
        from stretchtimer.core.cues import plan_cues

        return plan_cues(plan, self.options)

    def plan_and_cues(self, routine: Routine) -> tuple[Plan, list[Cue]]:
        plan = self.plan(routine)
        return plan, self.cues(plan)
