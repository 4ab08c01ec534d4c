"""A plan as text: every segment and every spoken cue with its offset. Shared by
`stretchtimer --plan` and the routine editor's preview."""

from __future__ import annotations

from typing import TYPE_CHECKING

from stretchtimer.core.plan import Plan, format_clock
from stretchtimer.core.routine import Routine

if TYPE_CHECKING:  # cues load with the plan text only (the app's start-up skips them)
    from stretchtimer.core.cue_options import CueOptions
    from stretchtimer.core.cues import Cue


def describe(routine: Routine, plan: Plan) -> str:
    kit = ", ".join(routine.equipment) or "no equipment"
    return f"{format_clock(plan.total)}  {routine.position}  {kit}"


def _at(seconds: float) -> str:
    m, s = divmod(seconds, 60)
    return f"{int(m)}:{s:05.2f}"


def plan_text(plan: Plan, options: CueOptions) -> str:
    from stretchtimer.core.cues import plan_cues

    r = plan.routine
    cues = plan_cues(plan, options)
    lines = [f"{r.name} ({r.id}): {describe(r, plan)}",
             f"breathing cues: {options.breathing.value}, voice rate {plan.rate_wpm} wpm, "
             f"countdown {'on' if options.countdown else 'off'}", ""]
    by_segment: dict[int, list[Cue]] = {}
    for cue in cues:
        by_segment.setdefault(cue.segment_index, []).append(cue)
    for seg in plan.segments:
        ex = plan.exercise(seg)
        what = ex.name if ex else "end of routine"
        side = f"  {seg.side} side" if seg.side else ""
        rep = f"  rep {seg.rep} of {seg.reps}" if ex else ""
        lines.append(f"{_at(seg.start)}  {seg.kind.value:<8} {seg.length:>5.0f} s  "
                     f"{what}{side}{rep}")
        for cue in by_segment.get(seg.index, []):
            lines.append(f"    {_at(cue.offset)}  \"{cue.text}\"  [{cue.kind.value}, "
                         f"{cue.duration:.1f} s]")
    lines.append(f"\ntotal {format_clock(plan.total)}, {len(plan.segments)} segments, "
                 f"{len(cues)} cues")
    return "\n".join(lines) + "\n"
