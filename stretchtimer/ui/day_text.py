"""What the picker and the Done screen say about the day (issue 20): today's sessions
against the target, the streak, the next reminder, and what a routine just held per
side. Words only: the numbers come from core (stats, the session summary, the scheduler)."""

from __future__ import annotations

import html
from datetime import datetime

from stretchtimer.core.history import Stats
from stretchtimer.core.routine import Routine, Side
from stretchtimer.ui.i18n import tr


def day_line(stats: Stats | None, next_wall: float | None, reminders_on: bool,
             now: float) -> str:
    """"Today: 1 of 2 sessions · 3-day streak · Next reminder at 15:00"."""
    parts = []
    if stats is not None:
        done = next((n for d, n in stats.per_day if d == stats.today), 0)
        parts.append(tr("Today: {done} of %n session(s)", "", stats.sessions_goal)
                     .format(done=done))
        if stats.streak:
            parts.append(tr("%n-day streak", "", stats.streak))
    parts.append(next_reminder(next_wall, reminders_on, now))
    # a part is never broken across lines ("Next reminder at / 11:33"): only between parts
    return "  ·  ".join(p.replace(" ", "\u00a0") for p in parts if p)


def next_reminder(next_wall: float | None, reminders_on: bool, now: float) -> str:
    if not reminders_on:
        return tr("Reminders are off")
    if next_wall is None:
        return ""
    due, today = datetime.fromtimestamp(next_wall), datetime.fromtimestamp(now)
    if due.date() == today.date():
        return tr("Next reminder at {time}").format(time=due.strftime("%H:%M"))
    from PySide6.QtCore import QDate, QLocale

    day = QLocale().toString(QDate(due.year, due.month, due.day), "dddd")
    return tr("Next reminder {day} at {time}").format(day=day, time=due.strftime("%H:%M"))


def held_html(summary, routine: Routine) -> str:
    """Each exercise of a finished session with the seconds held per side (rich text)."""
    names = {ex.id: ex.name for ex in routine.exercises}
    rows: dict[str, dict[Side | None, float]] = {}
    for h in summary.held:
        rows.setdefault(h.exercise_id, {})
        rows[h.exercise_id][h.side] = rows[h.exercise_id].get(h.side, 0.0) + h.seconds
    lines = []
    for ex_id, sides in rows.items():
        if set(sides) == {None}:
            held = tr("{seconds} s").format(seconds=round(sides[None]))
        else:
            held = "  ·  ".join(
                (tr("right {seconds} s") if side == Side.RIGHT else tr("left {seconds} s"))
                .format(seconds=round(secs)) for side, secs in sides.items() if side)
        lines.append(f"<p style='margin:0 0 10px 0'><b>{html.escape(names.get(ex_id, ex_id))}"
                     f"</b><br>{html.escape(held)}</p>")
    return "".join(lines)
