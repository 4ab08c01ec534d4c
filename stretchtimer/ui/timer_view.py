"""The timer view: what a person follows from across the room while a routine runs.

It holds no timing rules: the driver says which segment runs, how long is left, and
what the voice says; this view only draws that."""

from __future__ import annotations

import html
import math

from PySide6.QtCore import QEvent, QLocale, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontMetrics,
    QKeySequence,
    QPainter,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from stretchtimer.core.plan import Kind, Plan, Segment, breath_phases, format_clock, position_lines
from stretchtimer.core.routine import Side
from stretchtimer.core.session import State
from stretchtimer.ui.application import application
from stretchtimer.ui.guard import guarded
from stretchtimer.ui.i18n import tr
from stretchtimer.ui.icons import icon
from stretchtimer.ui.scroll_area import scroll_area
from stretchtimer.ui.session_driver import SessionDriver
from stretchtimer.ui.theme import (
    SPACING,
    TYPE_SCALE,
    phase_colour,
    phase_word,
    set_type,
    side_colour,
)
from stretchtimer.ui.wrapped_label import WrappedLabel


def digits_for(remaining: float) -> str:
    """Whole seconds left, rounded up, so the digit turns to 3 exactly when "3" is said."""
    return str(max(0, math.ceil(remaining - 1e-6)))


class CountdownRing(QWidget):
    """A ring that empties as the segment runs, the phase word, and very large digits."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.digits = ""
        self.phase = ""
        self.fraction = 0.0  # of the segment done
        self.colour = QColor("#1f9e6e")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(200, 200)
        self.setAccessibleName(tr("Countdown"))

    def set_state(self, digits: str, phase: str, fraction: float, colour: QColor) -> None:
        if (digits, phase, colour) != (self.digits, self.phase, self.colour) or \
                abs(fraction - self.fraction) > 0.002:
            self.digits, self.phase, self.fraction, self.colour = digits, phase, fraction, colour
            self.update()

    def ring_rect(self) -> QRectF:
        side = min(self.width(), self.height()) * 0.96
        return QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)

    PHASE_ROOM = 0.68  # of the ring's width: the chord where the phase word sits, inside

    def phase_pixel_size(self, text: str) -> int:
        """The phase word's font size: 8.5 % of the ring's height, smaller when the word
        ("MACH DICH BEREIT") would reach over the ring."""
        ring = self.ring_rect()
        return self._fitted(text, max(10, int(ring.height() * 0.085)),
                            ring.width() * self.PHASE_ROOM, 8)

    def digit_pixel_size(self, text: str = "88") -> int:
        """The digits' font size in pixels: as tall as the ring allows (a quarter or more of
        the window's height for one or two digits), narrowed only when `text` would not
        fit inside the ring (three digits, holds of 100 s or more)."""
        ring = self.ring_rect()
        return self._fitted(text, max(12, int(ring.height() * 0.6)), ring.width() * 0.8, 12)

    def _fitted(self, text: str, size: int, room: float, least: int) -> int:
        """`size` (pixels, bold), or smaller so that `text` is at most `room` wide."""
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(size)
        width = QFontMetrics(font).horizontalAdvance(text)
        if width > room:
            size = int(size * room / width)
            font.setPixelSize(size)
            while size > least and QFontMetrics(font).horizontalAdvance(text) > room:
                size -= 1  # hinting can round the scaled width up by a pixel
                font.setPixelSize(size)
        return max(least, size)

    @guarded
    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.ring_rect()
        width = max(6.0, rect.width() * 0.04)
        inner = rect.adjusted(width / 2, width / 2, -width / 2, -width / 2)
        track = QColor(self.palette().color(QPalette.ColorRole.WindowText))
        track.setAlphaF(0.12)
        p.setPen(QPen(track, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
        p.drawEllipse(inner)
        p.setPen(QPen(self.colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        left = 1.0 - max(0.0, min(1.0, self.fraction))
        if left > 0:
            p.drawArc(inner, 90 * 16, int(left * 360 * 16))

        font = QFont(self.font())
        font.setPixelSize(self.digit_pixel_size(self.digits or "0"))
        font.setBold(True)
        p.setFont(font)
        p.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        digits_box = QRectF(rect.left(), rect.top() + rect.height() * 0.24, rect.width(),
                            rect.height() * 0.66)
        p.drawText(digits_box, Qt.AlignmentFlag.AlignCenter, self.digits)

        word = QFont(self.font())
        word.setPixelSize(self.phase_pixel_size(self.phase.upper()))
        word.setBold(True)
        p.setFont(word)
        p.setPen(self.colour)
        p.drawText(QRectF(rect.left(), rect.top() + rect.height() * 0.12, rect.width(),
                          rect.height() * 0.12), Qt.AlignmentFlag.AlignCenter, self.phase.upper())
        p.end()


class BreathPacer(QWidget):
    """A circle that grows on the in-breath and shrinks on the out-breath."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.phase: str | None = None  # "in" / "out" / None when no paced breathing
        self.fraction = 0.0
        self.reduced_motion = False
        self.setMinimumSize(120, 140)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(tr("Breathing pacer"))

    def set_breath(self, phase: str | None, fraction: float) -> None:
        if phase != self.phase or abs(fraction - self.fraction) > 0.005:
            self.phase, self.fraction = phase, fraction
            self.update()

    def scale(self) -> float:
        """0 (empty lungs) to 1 (full), eased so the motion starts and ends gently."""
        if self.phase is None:
            return 0.0
        eased = (1 - math.cos(math.pi * max(0.0, min(1.0, self.fraction)))) / 2
        return eased if self.phase == "in" else 1.0 - eased

    def sizeHint(self) -> QSize:
        return QSize(220, 260)

    @guarded
    def paintEvent(self, event) -> None:
        if self.phase is None:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        label_h = self.fontMetrics().height() * 2
        side = min(self.width(), self.height() - label_h)
        centre = QPointF(self.width() / 2, (self.height() - label_h) / 2)
        smallest, largest = side * 0.18, side * 0.48
        radius = largest if self.reduced_motion else smallest + (largest - smallest) * self.scale()
        colour = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        outline = QColor(colour)
        colour.setAlphaF(0.35)
        p.setPen(QPen(outline, 2))
        p.setBrush(colour)
        p.drawEllipse(centre, radius, radius)
        f = QFont(self.font())
        f.setPointSizeF(f.pointSizeF() * TYPE_SCALE["heading"])
        f.setBold(True)
        p.setFont(f)
        p.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        text = tr("Breathe in") if self.phase == "in" else tr("Breathe out")
        p.drawText(QRectF(0, centre.y() + largest + 4, self.width(), label_h),
                   Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)
        p.end()


class SideBadge(QLabel):
    """LEFT or RIGHT in large letters on its own colour, with an arrow to that side."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.side: Side | None = None
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_type(self, "display", bold=True)
        self.setMinimumHeight(int(self.fontMetrics().height() * 1.5))

    def set_side(self, side: Side | None) -> None:
        self.side = side
        if side is None:
            self.setText("")
            self.setStyleSheet("")
            self.setAccessibleName("")
            return
        text = tr("◀  LEFT SIDE") if side == Side.LEFT else tr("RIGHT SIDE  ▶")
        self.setText(text)
        self.setAccessibleName(tr("left side") if side == Side.LEFT else tr("right side"))
        colour = side_colour(side, application())
        luminance = 0.2126 * colour.red() + 0.7152 * colour.green() + 0.0722 * colour.blue()
        fg = "#000000" if luminance > 140 else "#ffffff"  # black on yellow, white on blue
        self.setStyleSheet(f"background:{colour.name()}; color:{fg}; border-radius:10px;"
                           "padding:4px 24px;")


class TimerView(QWidget):
    """Everything on screen while a routine runs, and the Done screen after it."""

    stop_requested = Signal()  # Esc: leave the routine (recorded as stopped later)
    restart_requested = Signal()
    muted_changed = Signal(bool)

    def __init__(self, driver: SessionDriver, fullscreen_action: QAction, parent=None) -> None:
        super().__init__(parent)
        self.driver = driver
        self._segment: Segment | None = None
        self._phases: list[tuple[float, str, float]] = []

        self.exercise = WrappedLabel()  # its last line is never cut off (large text)
        set_type(self.exercise, "title", bold=True)
        self.rep = QLabel()
        set_type(self.rep, "heading")
        self.rep.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.side = SideBadge()
        self.ring = CountdownRing()
        self.pacer = BreathPacer()
        from stretchtimer.ui.figure import FigureView

        self.figure = FigureView()  # the pose, mirrored for the other side
        self.done_info = QLabel()  # the Done screen: what was held, the day, what comes
        self.done_info.setWordWrap(True)
        self.done_info.setTextFormat(Qt.TextFormat.RichText)
        self.done_info.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.done_info.setAccessibleName(tr("What you held"))
        set_type(self.done_info, "lead")
        self.done_box = scroll_area(self.done_info)  # a long routine's rows, large text
        self.done_box.viewport().setAutoFillBackground(False)
        self.done_info.setAutoFillBackground(False)
        self.done_box.hide()
        self._held = ""  # the finished session's rows, kept for show_day
        self.cue = QLabel()
        set_type(self.cue, "heading", italic=True)
        self.cue.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cue.setWordWrap(True)
        self.cue.setAccessibleName(tr("What the voice says"))
        self.setup = WrappedLabel(min_lines=2)  # one line or two: the ring stays put
        set_type(self.setup, "lead")
        self.next = QLabel()
        set_type(self.next, "lead")
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.setAccessibleName(tr("Routine progress"))
        self.progress.setMaximumHeight(22)

        # Actions carry the shortcuts; buttons show them and their tooltips name the keys.
        self.act_back = self._action("skip-previous", tr("Back"), "Left", self.driver.back)
        self.act_pause = self._action("pause", tr("Pause"), "Space", self.driver.toggle_pause)
        self.act_skip = self._action("skip-next", tr("Skip"), "Right", self.driver.skip)
        self.act_stop = self._action("stop", tr("Stop"), "Esc", self.stop_requested.emit)
        self.act_mute = self._action("volume", tr("Mute"), "M", None)
        self.act_mute.setCheckable(True)
        self.act_mute.toggled.connect(self._on_mute_toggled)
        self.act_restart = self._action("restart", tr("Restart"), "R", self.restart_requested.emit)
        # Space starts again on the Done screen (pause is disabled there, so no clash).
        self.act_restart.setShortcuts([QKeySequence("R"), QKeySequence("Space")])
        self.act_fullscreen = fullscreen_action
        self.controls = QHBoxLayout()
        self.controls.addStretch(1)
        self.buttons: list[QToolButton] = []
        for act in (self.act_back, self.act_pause, self.act_skip, self.act_stop,
                    self.act_restart, self.act_mute, self.act_fullscreen):
            b = QToolButton()
            b.setDefaultAction(act)
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            b.setIconSize(QSize(36, 36))
            b.setMinimumWidth(84)
            b.setAutoRaise(True)
            b.setAccessibleName(act.text().replace("&", ""))
            self.buttons.append(b)
            self.controls.addWidget(b)
        self.controls.addStretch(1)

        header = QHBoxLayout()
        header.addWidget(self.exercise, 3)  # a long name needs the room, "Rep 1 of 2" not
        header.addWidget(self.side, 0, Qt.AlignmentFlag.AlignCenter)
        header.addWidget(self.rep, 1)
        middle = QHBoxLayout()
        middle.addWidget(self.ring, 3)
        beside = QVBoxLayout()
        beside.addWidget(self.figure, 3)
        beside.addWidget(self.pacer, 2)
        beside.addWidget(self.done_box, 5)
        middle.addLayout(beside, 2)
        footer = QHBoxLayout()
        footer.addWidget(self.next)
        footer.addWidget(self.progress, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING["page"], SPACING["line"], SPACING["page"],
                                  SPACING["gap"])
        layout.addLayout(header)
        layout.addLayout(middle, 1)
        layout.addWidget(self.cue)
        layout.addWidget(self.setup)
        layout.addLayout(footer)
        layout.addLayout(self.controls)

        driver.segment_changed.connect(self._on_driver_segment_changed)
        driver.cue_due.connect(self._on_driver_cue_due)
        driver.state_changed.connect(self._on_driver_state_changed)
        driver.ticked.connect(self.refresh)
        QApplication.styleHints().colorSchemeChanged.connect(self._on_color_scheme_changed)
        self.recolour()

    def _action(self, icon_name: str, text: str, key: str, slot) -> QAction:
        act = QAction(text, self)
        act.setData(icon_name)
        act.setShortcut(QKeySequence(key))
        act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
        act.setToolTip(f"{text} ({shortcut})")
        if slot is not None:
            act.triggered.connect(slot)
        self.addAction(act)
        return act

    def _set_icon(self, act: QAction, name: str | None = None) -> None:
        """Draw an action's icon (its data() names it) in the palette's text colour."""
        if name is not None:
            act.setData(name)
        act.setIcon(icon(act.data(), self.palette().color(QPalette.ColorRole.ButtonText)))

    def recolour(self) -> None:
        """Redraw the icons in the palette's text colour (theme or high contrast changed)."""
        for act in (self.act_back, self.act_pause, self.act_skip, self.act_stop,
                    self.act_restart, self.act_mute, self.act_fullscreen):
            self._set_icon(act)
        self.side.set_side(self.side.side)
        self.refresh()

    # --- driver signals ---

    def _on_driver_segment_changed(self, segment: Segment) -> None:
        plan = self.driver.plan
        self._segment = segment
        self._phases = breath_phases(plan, segment) if plan else []
        ex = plan.exercise(segment) if plan else None
        if ex is not None and plan is not None:
            self.exercise.setText(ex.name)
            self.rep.setText(tr("Rep {rep} of {reps}").format(rep=segment.rep, reps=segment.reps))
            self.setup.setText(" ".join(position_lines(plan, segment)))
            self.next.setText(self._next_text(plan, segment))
        self.side.set_side(segment.side)
        self._show_figure(plan, segment)
        self.ring.setAccessibleName(self._announcement(segment))  # once per phase change
        self.refresh()

    def show_done(self, held: str) -> None:
        """The Done screen's rows: `held` (rich text, per exercise and side); shown with
        the day's line by show_day."""
        self._held = held

    def show_day(self, day: str) -> None:
        """The Done screen, with the day's line (sessions, streak, next reminder): when it
        is reached, and again when the next reminder moves while it is shown."""
        if self.driver.state is not State.FINISHED:
            return
        self.done_info.setText(self._held + (f"<p>{html.escape(day)}</p>" if day else ""))
        self.done_box.show()

    def _show_figure(self, plan: Plan | None, segment: Segment) -> None:
        from stretchtimer.ui.figure import figure_file, mirrored_for, picture_name

        ex = plan.exercise(segment) if plan is not None and segment.kind != Kind.DONE else None
        if ex is None or plan is None:
            self.figure.show_figure(None)
            return
        side = segment.side
        words = self.side.accessibleName()  # "left side" / "right side" (set just before)
        self.figure.show_figure(figure_file(ex, plan.routine), mirrored_for(ex, side),
                                picture_name(ex.name) +
                                (f", {words}" if side is not None else ""))

    def _on_driver_cue_due(self, cue, late: float) -> None:
        locale = QLocale()  # “…” in English, „…“ in German (and “…” in the C locale too)
        self.cue.setText(f"“{cue.text}”" if locale.language() == QLocale.Language.C
                         else locale.quoteString(cue.text))
        self.refresh()  # the digits turn as "3" is said, not at the next refresh beat

    def _on_driver_state_changed(self, state: State) -> None:
        running = state is State.RUNNING
        paused = state is State.PAUSED
        finished = state is State.FINISHED
        self.act_pause.setText(tr("Resume") if paused else tr("Pause"))
        self.act_pause.setToolTip(tr("Resume (Space)") if paused else tr("Pause (Space)"))
        self._set_icon(self.act_pause, "play" if paused else "pause")
        for act in (self.act_back, self.act_pause, self.act_skip):
            act.setEnabled(running or paused)
            self._button(act).setVisible(not finished)
        self._button(self.act_restart).setVisible(finished)
        self.act_restart.setEnabled(finished)
        self.act_restart.setToolTip(tr("Restart (R or Space)"))
        self.act_stop.setText(tr("Routines") if finished else tr("Stop"))
        self.act_stop.setToolTip(tr("Back to the routines (Esc)") if finished else tr("Stop (Esc)"))
        self.done_box.setVisible(finished and bool(self.done_info.text()))
        self.pacer.setVisible(not finished)
        if not finished:
            self.done_info.setText("")
        if finished and self.driver.plan is not None:
            self.side.set_side(None)
            self.exercise.setText(self.driver.plan.routine.name)
            self.rep.setText("")
            self.next.setText("")
            self.setup.setText("")
        self._update_display_activity()
        self.refresh()

    def _on_mute_toggled(self, muted: bool) -> None:
        self.act_mute.setText(tr("Unmute") if muted else tr("Mute"))
        self.act_mute.setToolTip(tr("Unmute (M)") if muted else tr("Mute (M)"))
        self._set_icon(self.act_mute, "volume-off" if muted else "volume")
        self.muted_changed.emit(muted)

    # --- drawing ---

    def refresh(self) -> None:
        """Redraw the time-dependent parts from the driver (about 10 times a second)."""
        seg, plan = self._segment, self.driver.plan
        if seg is None or plan is None:
            return
        app = application()
        state = self.driver.state
        if state == State.FINISHED:
            machine = self.driver.machine
            done = machine is not None and machine.summary is not None and \
                machine.summary.completed
            self.ring.set_state("✓" if done else "–", tr("Done") if done else tr("Stopped"), 1.0,
                                phase_colour(Kind.DONE, app))
            self.pacer.set_breath(None, 0)
            self.progress.setMaximum(int(max(plan.total, 1)))  # (a value past it is ignored)
            self.progress.setValue(min(int(self.driver.position()), self.progress.maximum()))
            at = format_clock(min(self.driver.position(), plan.total))
            self.progress.setFormat((tr("Done at {done} of {total}") if done else
                                     tr("Stopped at {done} of {total}")).format(
                done=at, total=format_clock(plan.total)))
            return
        pos = self.driver.position()
        seg = plan.segment_at(pos) if seg.kind != Kind.DONE else seg
        remaining = max(0.0, seg.end - pos)
        fraction = (pos - seg.start) / seg.length if seg.length else 1.0
        phase = phase_word(seg.kind) + (tr(" · paused") if state == State.PAUSED else "")
        self.ring.set_state(digits_for(remaining), phase, fraction, phase_colour(seg.kind, app))
        breath = next(((name, (pos - t) / length) for t, name, length in self._phases
                       if t <= pos < t + length), None)
        self.pacer.set_breath(*(breath or (None, 0.0)))
        total = max(plan.total, 1e-9)
        self.progress.setMaximum(int(total))
        self.progress.setValue(int(min(pos, plan.total)))
        self.progress.setFormat(tr("{done} of {total}").format(done=format_clock(pos),
                                                                total=format_clock(plan.total)))

    def _on_color_scheme_changed(self, _scheme) -> None:
        self.recolour()  # the desktop switched between light and dark

    @guarded
    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.recolour()  # icons and badge follow the palette's text colour

    @guarded
    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._update_display_activity()

    @guarded
    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self._update_display_activity()

    def _update_display_activity(self) -> None:
        self.driver.set_display_active(self.isVisible())

    def set_reduced_motion(self, on: bool) -> None:
        """The breathing circle stands still; its words still change with the breath."""
        self.pacer.reduced_motion = on
        self.pacer.update()

    # --- helpers ---

    def _button(self, act: QAction) -> QToolButton:
        return next(b for b in self.buttons if b.defaultAction() is act)

    @staticmethod
    def _next_text(plan: Plan, segment: Segment) -> str:
        i = segment.exercise_index
        if i is None:
            return ""
        if i + 1 < len(plan.routine.exercises):
            return tr("Then: {name}").format(name=plan.routine.exercises[i + 1].name)
        return tr("Last one in this routine")

    def _announcement(self, segment: Segment) -> str:
        words = [phase_word(segment.kind)]
        if segment.length:
            words.append(tr("%n seconds", "", int(segment.length)))
        if segment.side:
            words.append(tr("left side") if segment.side == Side.LEFT else tr("right side"))
        if segment.reps:
            words.append(tr("rep {rep} of {reps}").format(rep=segment.rep, reps=segment.reps))
        return ", ".join(words)
