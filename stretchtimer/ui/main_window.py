"""The main window: the routine picker, and the timer view while a routine runs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget

from stretchtimer.core.clock import Clock
from stretchtimer.core.plan import build_plan
from stretchtimer.core.routine import Library, Routine
from stretchtimer.ui.routine_picker import RoutinePicker
from stretchtimer.ui.theme import apply_high_contrast

# The timer view, the cue planner and the session machine load when the first routine
# starts, not before the first paint (benchmarks/startup.py).


class MainWindow(QMainWindow):
    def __init__(self, library: Library, clock: Clock, cue_options=None) -> None:
        super().__init__()
        self.setWindowTitle("stretchtimer")
        self.library = library
        self.clock = clock
        self._driver = None
        self.cue_options = cue_options  # CueOptions; None means the defaults
        self.muted = False
        self.current: Routine | None = None

        self.act_fullscreen = QAction("Full screen", self)
        self.act_fullscreen.setData("fullscreen")
        self.act_fullscreen.setShortcut(QKeySequence("F11"))  # a string: Qt.Key costs 30 ms
        self.act_fullscreen.setToolTip("Full screen (F11)")
        self.act_fullscreen.setCheckable(True)
        self.act_fullscreen.toggled.connect(self._on_fullscreen_toggled)
        self.addAction(self.act_fullscreen)
        self.act_contrast = QAction("High contrast", self)
        self.act_contrast.setCheckable(True)
        self._system_palette = QApplication.instance().palette()
        self.act_contrast.toggled.connect(self._on_contrast_toggled)
        view = self.menuBar().addMenu("&View")
        view.addAction(self.act_fullscreen)
        view.addAction(self.act_contrast)

        self.picker = RoutinePicker(list(library.routines.values()))
        self._timer = None
        self.pages = QStackedWidget()
        self.pages.addWidget(self.picker)
        self.setCentralWidget(self.pages)
        self.picker.start_requested.connect(self.start_routine)
        self.picker.list.setFocus()  # arrows, Enter and typing work at once

        if library.errors:
            names = ", ".join(e.source for e in library.errors)
            self.statusBar().showMessage(
                f"{len(library.errors)} routine file(s) could not be read and were skipped: "
                f"{names}. Run stretchtimer --validate FILE to see why.")
        self.resize(1100, 720)

    @property
    def driver(self):
        """The SessionDriver, made the first time a routine starts."""
        if self._driver is None:
            from stretchtimer.ui.session_driver import SessionDriver

            self._driver = SessionDriver(self.clock, self)
        return self._driver

    @property
    def timer(self):
        """The TimerView, made the first time it is needed."""
        if self._timer is None:
            from stretchtimer.ui.timer_view import TimerView

            self._timer = TimerView(self.driver, self.act_fullscreen)
            self.pages.addWidget(self._timer)
            self._timer.stop_requested.connect(self._on_timer_stop_requested)
            self._timer.restart_requested.connect(self._on_timer_restart_requested)
            self._timer.muted_changed.connect(self._on_timer_muted_changed)
        return self._timer

    def start_routine(self, routine: Routine) -> None:
        from stretchtimer.core.cues import CueOptions, plan_cues

        self.current = routine
        plan = build_plan(routine)
        self.pages.setCurrentWidget(self.timer)
        self.timer.setFocus()
        self.driver.begin(plan, plan_cues(plan, self.cue_options or CueOptions()))

    def show_picker(self) -> None:
        self.pages.setCurrentWidget(self.picker)
        self.picker.list.setFocus()

    def _on_timer_stop_requested(self) -> None:
        from stretchtimer.core.session import State

        if self.driver.state in (State.RUNNING, State.PAUSED):
            self.driver.stop()  # no question asked; the history records it as stopped
        self.show_picker()

    def _on_timer_restart_requested(self) -> None:
        if self.current is not None:
            self.start_routine(self.current)

    def _on_timer_muted_changed(self, muted: bool) -> None:
        self.muted = muted

    def _on_fullscreen_toggled(self, on: bool) -> None:
        self.setWindowState(self.windowState() | Qt.WindowState.WindowFullScreen if on
                            else self.windowState() & ~Qt.WindowState.WindowFullScreen)

    def _on_contrast_toggled(self, on: bool) -> None:
        apply_high_contrast(QApplication.instance(), on, self._system_palette)
        if self._timer is not None:
            self._timer.recolour()
