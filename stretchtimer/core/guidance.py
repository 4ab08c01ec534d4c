"""Can the routine be followed by ear alone? Checks of a plan's spoken cues against what a
listener with closed eyes needs: every paced breath said when the pacer shows it, the
stop rule before the first hold, quiet to get into position before each hold, every side
change talked through, every form cue heard at least once and every safety cue in every
hold. `stretchtimer --validate`, the editor's preview and the tests share these checks."""

from __future__ import annotations

import re

from stretchtimer.core.cue_options import BreathingMode, CueOptions
from stretchtimer.core.cues import (
    BREATH_SLACK_S,
    Cue,
    CueKind,
    breath_cues_wanted,
    first_sentence,
    plan_cues,
)
from stretchtimer.core.phrases import ENGLISH, Phrases
from stretchtimer.core.plan import Kind, Plan, build_plan
from stretchtimer.core.routine import Routine

RATES_WPM = (110, 170, 250)  # slow, default and fast voices
MODES = (BreathingMode.EVERY, BreathingMode.FIRST)

# A stop rule names stopping and a warning sign (English and German, the app's languages).
_STOP = re.compile(r"\b(stop|halt|hör auf|aufhören|abbrechen)\b", re.I)
_SIGN = re.compile(r"tingl|numb|pain|dizz|unwell|kribbel|taub|schmerz|schwindel", re.I)


def is_stop_rule(text: str) -> bool:
    return bool(_STOP.search(text) and _SIGN.search(text))


def _said(cues: list[Cue], text: str) -> bool:
    return any(c.text == text or (c.text and c.text == first_sentence(text)) for c in cues)


def check_plan(plan: Plan, cues: list[Cue], mode: BreathingMode) -> list[str]:
    """What a listener would miss in this plan, one message each ([] when nothing)."""
    found: list[str] = []
    by_segment: dict[int, list[Cue]] = {}
    for cue in cues:
        by_segment.setdefault(cue.segment_index, []).append(cue)
    holds = [s for s in plan.segments if s.kind == Kind.HOLD]

    first_hold = holds[0].start if holds else plan.total
    if not any(c.kind == CueKind.SAFETY and c.offset < first_hold and is_stop_rule(c.text)
               for c in cues):
        found.append("no stop rule is said before the first hold: make the first safety line "
                     "say mild tension only and stop on tingling, numbness or sharp pain")

    for seg in plan.segments:
        ex = plan.exercise(seg)
        if ex is None:
            continue
        mine = by_segment.get(seg.index, [])
        name = ex.name
        if seg.kind == Kind.HOLD:
            for instant, breath in breath_cues_wanted(plan, seg, mode):
                kind = CueKind.BREATHE_IN if breath == "in" else CueKind.BREATHE_OUT
                if not any(c.kind == kind and instant - 1e-6 <= c.offset
                           <= instant + BREATH_SLACK_S + 1e-6 for c in mine):
                    found.append(f"{name}: a breath ({breath}) is not said when the pacer "
                                 f"shows it")
            for text in ex.safety_cues:
                if not _said(mine, text):
                    found.append(f"{name}: the safety cue \"{text}\" does not fit in every "
                                 f"hold; shorten it")
            before = plan.segments[seg.index - 1] if seg.index else None
            if before is not None and before.kind != Kind.HOLD:
                ends = [c.end for c in cues if c.offset < seg.start]
                if ends and max(ends) > seg.start - ex.settle_s + 1e-6:
                    found.append(f"{name}: less than {ex.settle_s} s of quiet to get into "
                                 f"position before a hold")
        elif seg.kind == Kind.SWITCH and not any(c.kind == CueKind.SETUP for c in mine):
            found.append(f"{name}: the side change only says \"{mine[0].text if mine else ''}"
                         f"\"; add switch_setup lines that say how to get onto the other side")
        elif seg.kind in (Kind.PREPARE, Kind.NEXT):
            lines = [c for c in mine if c.kind == CueKind.SETUP]
            if len(lines) < len(ex.setup):
                found.append(f"{name}: not every setup line is said")

    for i, ex in enumerate(plan.routine.exercises):
        said = [c for c in cues if plan.segments[c.segment_index].exercise_index == i]
        for text in ex.cues:
            if not _said(said, text):
                found.append(f"{ex.name}: the form cue \"{text}\" is never said; shorten it "
                             f"or give it a hold with more room")
    return list(dict.fromkeys(found))  # each once, in order


def check_routine(routine: Routine, phrases: Phrases = ENGLISH) -> list[str]:
    """check_plan over every hold level, breathing every and first, at a slow, the
    default and a fast voice; each finding once, with the cases it happens in."""
    cases: dict[str, list[str]] = {}
    levels = max((len(ex.levels) for ex in routine.exercises), default=0) or 1
    for level in range(levels):
        chosen = {ex.id: level for ex in routine.exercises}
        for rate in RATES_WPM:
            plan = build_plan(routine, chosen, rate_wpm=rate, phrases=phrases)
            for mode in MODES:
                for message in check_plan(plan, plan_cues(plan, CueOptions(mode)), mode):
                    where = f"{rate} wpm, breathing {mode.value}" + (
                        f", level {level + 1}" if levels > 1 else "")
                    cases.setdefault(message, []).append(where)
    total = len(RATES_WPM) * len(MODES) * levels
    return [message if len(where) == total else f"{message} (at {'; '.join(where)})"
            for message, where in cases.items()]
