"""The history view: consistency at a glance, drawn as pictures. It reads the journal
only when shown, and again after each new session."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, QLocale, QRectF, Qt, QTime
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QGridLayout, QLabel, QListWidget, QSizePolicy, QVBoxLayout, QWidget

from stretchtimer.core.history import HEATMAP_WEEKS, Stats, compute_stats
from stretchtimer.core.records import Rating, ReminderAction
from stretchtimer.core.reminders import WEEKDAYS
from stretchtimer.core.routine import Side
from stretchtimer.ui.application import application
from stretchtimer.ui.guard import guarded
from stretchtimer.ui.i18n import tr
from stretchtimer.ui.muscle_names import muscle_name
from stretchtimer.ui.theme import SPACING, set_type, side_colour

BOTH = QColor("#7a7a7a")  # an unsided hold; each side has the colour of its badge
def weekday_letters() -> list[str]:
    """Monday to Sunday in a letter or two ("M", or "Mo" where one letter is ambiguous)."""
    return tr("M T W T F S S", "Monday to Sunday in a letter or two each, spaced").split()


def _text(w: QWidget) -> QColor:
    return w.palette().color(QPalette.ColorRole.WindowText)


def _faint(w: QWidget, alpha: float = 0.15) -> QColor:
    c = QColor(_text(w))
    c.setAlphaF(alpha)
    return c


def _accent(w: QWidget) -> QColor:
    return w.palette().color(QPalette.ColorRole.Highlight)


class _Chart(QWidget):
    """A chart of the history's statistics: drawn by draw() once there are some."""

    def __init__(self, name: str, min_width: int, min_height: int) -> None:
        super().__init__()
        self.stats: Stats | None = None
        self.setMinimumSize(min_width, min_height)
        self.setAccessibleName(name)

    @guarded
    def paintEvent(self, _event) -> None:
        if self.stats is None:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.draw(p)
        p.end()

    def draw(self, p: QPainter) -> None:
        raise NotImplementedError


class WeekStrip(_Chart):
    """Monday to Sunday: a filled circle for each day with a stretch."""

    def __init__(self) -> None:
        super().__init__(tr("This week"), 0, 70)

    def draw(self, p: QPainter) -> None:
        assert self.stats is not None
        size = min(self.width() / 7, self.height() - 20)
        r = size * 0.36
        active = set(self.stats.week_days)
        for i in range(7):
            day = self.stats.week_start + timedelta(days=i)
            cx, cy = size * (i + 0.5), r + 4
            p.setPen(QPen(_text(self) if day == self.stats.today else _faint(self, 0.4), 2))
            p.setBrush(_accent(self) if day in active else Qt.BrushStyle.NoBrush)
            p.drawEllipse(QRectF(cx - r, cy - r, 2 * r, 2 * r))
            p.setPen(_text(self))
            p.drawText(QRectF(cx - r, cy + r + 2, 2 * r, 16), Qt.AlignmentFlag.AlignCenter,
                       weekday_letters()[i])


class HeatMap(_Chart):
    """Twelve weeks, a column each, a cell per day, darker for more sessions."""

    def __init__(self) -> None:
        super().__init__(tr("Twelve-week calendar"), 300, 150)

    def draw(self, p: QPainter) -> None:
        assert self.stats is not None
        metrics = self.fontMetrics()  # room for "Mo" as for "M", at any text size
        label_w = max(metrics.horizontalAdvance(d) for d in weekday_letters()) + 8
        top = metrics.height() + 4
        cell = min((self.width() - label_w) / HEATMAP_WEEKS, (self.height() - top) / 7)
        for row, letter in enumerate(weekday_letters()):
            p.setPen(_text(self))
            p.drawText(QRectF(0, top + row * cell, label_w, cell), Qt.AlignmentFlag.AlignCenter,
                       letter)
        for i, count in enumerate(self.stats.heatmap):
            week, row = divmod(i, 7)
            day = self.stats.heatmap_start + timedelta(days=i)
            x, y = label_w + week * cell, top + row * cell
            if row == 0 and day.day <= 7:  # a month is named over its first Monday: apart
                p.setPen(_text(self))
                p.drawText(QRectF(x, 0, cell * 3, top), Qt.AlignmentFlag.AlignLeft,
                           QLocale().toString(QDate(day.year, day.month, 1), "MMM"))
            colour = QColor(_accent(self))
            colour.setAlphaF(min(1.0, 0.3 + 0.25 * count) if count else 0.0)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(colour if count else _faint(self, 0.08))
            if day <= self.stats.today:
                p.drawRoundedRect(QRectF(x + 2, y + 2, cell - 4, cell - 4), 3, 3)


def held_words(seconds: float) -> str:
    """"45 s" up to a minute and a half, then "12 min"."""
    if seconds >= 90:
        return tr("{minutes} min").format(minutes=round(seconds / 60))
    return tr("{seconds} s").format(seconds=round(seconds))


class BalanceChart(_Chart):
    """Seconds held per muscle over four weeks: left to the left, right to the right."""

    def __init__(self) -> None:
        super().__init__(tr("Left and right balance"), 0, 120)

    def rows(self) -> list[tuple[str, dict[str, float]]]:
        """(muscle, seconds per side), by the muscle's name in the UI's language (two
        spellings of one muscle are one row)."""
        named: dict[str, dict[str, float]] = {}
        for muscle, sides in (self.stats.balance or {}).items() if self.stats else ():
            row = named.setdefault(muscle_name(muscle), {})
            for side, seconds in sides.items():
                row[side] = row.get(side, 0.0) + seconds
        return sorted(named.items(), key=lambda row: row[0].casefold())

    def draw(self, p: QPainter) -> None:
        rows = self.rows()
        if not rows:
            p.setPen(_text(self))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, tr("No stretches in four weeks"))
            return
        name_w = self.width() * 0.28
        mid = name_w + (self.width() - name_w) / 2
        widest = tr("R {held}").format(held=held_words(888 * 60))  # the room a label takes
        half = max(0.0, (self.width() - name_w) / 2 -
                   self.fontMetrics().horizontalAdvance(widest) - 8)  # (narrow, large text)
        most = max(max(sides.values()) for _, sides in rows) or 1
        h = min(28.0, self.height() / len(rows))
        for i, (muscle, sides) in enumerate(rows):
            y = i * h
            p.setPen(_text(self))
            p.drawText(QRectF(0, y, name_w - 8, h), Qt.AlignmentFlag.AlignRight |
                       Qt.AlignmentFlag.AlignVCenter, muscle)
            left, right, both = (sides.get(side, 0) for side in (Side.LEFT, Side.RIGHT, Side.BOTH))
            p.setPen(Qt.PenStyle.NoPen)
            if both:
                w = half * both / most
                p.setBrush(BOTH)
                p.drawRoundedRect(QRectF(mid - w / 2, y + 5, w, h - 10), 3, 3)
                p.setPen(_text(self))
                p.drawText(QRectF(mid + w / 2 + 4, y, self.width() - mid - w / 2 - 4, h),
                           Qt.AlignmentFlag.AlignVCenter, held_words(both))
                continue
            p.setBrush(side_colour(Side.LEFT, application()))
            p.drawRoundedRect(QRectF(mid - half * left / most, y + 5, half * left / most, h - 10),
                              3, 3)
            p.setBrush(side_colour(Side.RIGHT, application()))
            p.drawRoundedRect(QRectF(mid, y + 5, half * right / most, h - 10), 3, 3)
            p.setPen(_text(self))
            left_end, right_end = mid - half * left / most - 4, mid + half * right / most + 4
            p.drawText(QRectF(name_w, y, left_end - name_w, h),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       tr("L {held}").format(held=held_words(left)))
            p.drawText(QRectF(right_end, y, self.width() - right_end, h),
                       Qt.AlignmentFlag.AlignVCenter,
                       tr("R {held}").format(held=held_words(right)))


class DayBars(_Chart):
    """Sessions on each of the last seven days against the daily target."""

    def __init__(self) -> None:
        super().__init__(tr("Sessions per day"), 0, 120)

    def draw(self, p: QPainter) -> None:
        assert self.stats is not None
        target = self.stats.sessions_goal
        top = max([target, *(n for _, n in self.stats.per_day)]) + 0.5
        base, label_h = self.height() - 18, 18
        slot = self.width() / 7
        for i, (day, n) in enumerate(self.stats.per_day):
            bar_h = (base - 4) * n / top
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(_accent(self))
            p.drawRoundedRect(QRectF(slot * i + slot * 0.25, base - bar_h, slot * 0.5, bar_h), 3, 3)
            p.setPen(_text(self))
            p.drawText(QRectF(slot * i, base, slot, label_h), Qt.AlignmentFlag.AlignCenter,
                       weekday_letters()[day.weekday()])
        y = base - (base - 4) * target / top
        p.setPen(QPen(_text(self), 1.5, Qt.PenStyle.DashLine))
        p.drawLine(0, int(y), self.width(), int(y))


def stats_of(tally, settings, today: date) -> Stats:
    """The statistics of a tally with the user's goals; days without work hours are rest
    days (the history view, the picker's day line, the Done screen)."""
    goals = settings.goals
    work = settings.reminders.work_hours
    rest = frozenset(i for i, d in enumerate(WEEKDAYS) if d not in work)
    return compute_stats(tally, today, goals.days_per_week, goals.sessions_per_day,
                         rest_weekdays=rest)


class HistoryView(QWidget):
    def __init__(self, history, settings, clock, parent: QWidget | None = None) -> None:
        """`history`: a HistoryStore; `settings`: the SettingsModel (goals and work hours,
        followed as they change)."""
        super().__init__(parent)
        self.history, self.settings, self.clock = history, settings, clock
        settings.goals_changed.connect(self._on_settings_changed)
        settings.reminders_changed.connect(self._on_settings_changed)
        settings.history_changed.connect(self._on_settings_changed)  # another folder
        self.stats: Stats | None = None
        self.week_label, self.streak_label = QLabel(), QLabel()
        for label in (self.week_label, self.streak_label):
            set_type(label, "title", bold=True)
            label.setWordWrap(True)  # two lines rather than a window wider than the screen
        self.week, self.heatmap = WeekStrip(), HeatMap()
        self.balance, self.days = BalanceChart(), DayBars()
        self.summary = QLabel()
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Past sessions"))
        grid = QGridLayout()
        grid.addWidget(self.week_label, 0, 0)
        grid.addWidget(self.streak_label, 0, 1)
        grid.addWidget(self.week, 1, 0)
        beside = QVBoxLayout()  # under the streak: how streaks count, and the totals
        beside.addWidget(self._caption(tr("One missed day in seven does not break a streak.")))
        self.summary.setWordWrap(True)
        beside.addWidget(self.summary)
        beside.addStretch(1)
        grid.addLayout(beside, 1, 1)
        grid.addWidget(self._caption(tr("The last 12 weeks")), 2, 0)
        grid.addWidget(self._caption(tr("Sessions a day (dashed: your daily target)")), 2, 1)
        grid.addWidget(self.heatmap, 3, 0)
        grid.addWidget(self.days, 3, 1)
        grid.addWidget(self._caption(tr("Time held in the last 4 weeks, left and right")),
                       4, 0)
        grid.addWidget(self._caption(tr("Past sessions")), 4, 1)
        grid.addWidget(self.balance, 5, 0)
        grid.addWidget(self.list, 5, 1)
        grid.setRowStretch(3, 2)
        grid.setRowStretch(5, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(2 * SPACING["section"])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING["section"], SPACING["line"], SPACING["section"],
                                  SPACING["line"])
        layout.addLayout(grid)

    def _on_settings_changed(self, _section) -> None:
        if self.isVisible():
            self.refresh()  # a hidden view refreshes when it is shown

    @staticmethod
    def _caption(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        return label

    def today(self) -> date:
        return datetime.fromtimestamp(self.clock.wall()).date()

    def refresh(self) -> None:
        from stretchtimer.core.tally import Tally

        tally = self.history.load() if self.history is not None else Tally()
        self.stats = stats_of(tally, self.settings, self.today())
        s = self.stats
        self.week_label.setText(tr("{done} of %n stretch days this week", "", s.days_goal)
                                .format(done=len(s.week_days)))
        self.streak_label.setText(tr("%n-day streak", "", s.streak) if s.streak
                                  else tr("No streak yet"))
        for w in (self.week, self.heatmap, self.balance, self.days):
            w.stats = s
            w.update()
        self.week.setAccessibleDescription(self.week_label.text())
        self.heatmap.setAccessibleDescription(
            tr("%n days with stretching in the last 12 weeks", "",
               sum(1 for n in s.heatmap if n)))
        self.list.clear()
        for sess in reversed(tally.recent):
            # the clock time it was recorded with, day and month named in the UI's language
            started = sess.started.replace(tzinfo=None)
            moment = QDateTime(QDate(started.year, started.month, started.day),
                               QTime(started.hour, started.minute, started.second))
            when = QLocale().toString(moment, tr("ddd d MMM yyyy, HH:mm", "a date and time, "
                                                 "in Qt's format: Thu 19 Nov 2026, 10:30"))
            how = tr("completed") if sess.completed else tr("stopped early")
            rating = sess.rating
            feel = {Rating.NERVE: tr(", tingling or numbness"), Rating.EASY: tr(", felt easy"),
                    Rating.GOOD: tr(", felt good"), Rating.STRONG: tr(", felt strong"),
                    Rating.PAINFUL: tr(", felt painful")}.get(rating, "") if rating else ""
            self.list.addItem(f"{when}  ·  {sess.routine_name}  ·  {how}{feel}")
        note = ""
        damaged = tally.unreadable_lines + tally.invalid_records  # kept on disk, not counted
        kept = [tr("%n damaged line(s) skipped", "", damaged) if damaged else "",
                tr("%n record(s) from a newer version kept but not shown", "",
                   tally.newer_records) if tally.newer_records else ""]
        if any(kept):
            note = "  (" + "; ".join(k for k in kept if k) + ")"
        unread = self.history.problems if self.history is not None else []
        if unread:  # e.g. a synced folder's file on a share that gives I/O errors
            note += "  " + tr("Not counted, as they could not be read: {files}.").format(
                files="; ".join(unread))
        r = s.reminders
        reminders = (" " + tr("Reminders this week: {offered} offered, {started} taken, "
                              "{snoozed} snoozed, {skipped} skipped.").format(
                                  **{a.value: n for a, n in r.items()})
                     if r.get(ReminderAction.OFFERED) else "")
        self.summary.setText(tr("%n sessions in all, {completed} completed.", "",
                                s.total_sessions).format(completed=s.completed_sessions)
                             + reminders + note)

    @guarded
    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh()
