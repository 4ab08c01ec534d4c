"""The main window: the routine picker, and the timer view while a routine runs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget

from stretchtimer.core.cues import CueOptions, plan_cues
from stretchtimer.core.plan import build_plan
from stretchtimer.core.routine import Library, Routine
from stretchtimer.core.session import State
from stretchtimer.ui.routine_picker import RoutinePicker
from stretchtimer.ui.session_driver import SessionDriver
from stretchtimer.ui.theme import apply_high_contrast
from stretchtimer.ui.timer_view import TimerView


class MainWindow(QMainWindow):
    def __init__(self, library: Library, driver: SessionDriver,
                 cue_options: CueOptions | None = None) -> None:
        super().__init__()
        self.setWindowTitle("stretchtimer")
        self.library = library
        self.driver = driver
        self.cue_options = cue_options or CueOptions()
        self.muted = False
        self.current: Routine | None = None

        self.act_fullscreen = QAction("Full screen", self)
        self.act_fullscreen.setData("fullscreen")
        self.act_fullscreen.setShortcut(QKeySequence(Qt.Key.Key_F11))
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
        self.timer = TimerView(driver, self.act_fullscreen)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.picker)
        self.pages.addWidget(self.timer)
        self.setCentralWidget(self.pages)

        self.picker.start_requested.connect(self.start_routine)
        self.timer.stop_requested.connect(self._on_timer_stop_requested)
        self.timer.restart_requested.connect(self._on_timer_restart_requested)
        self.timer.muted_changed.connect(self._on_timer_muted_changed)

        if library.errors:
            names = ", ".join(e.source for e in library.errors)
            self.statusBar().showMessage(
                f"{len(library.errors)} routine file(s) could not be read and were skipped: "
                f"{names}. Run stretchtimer --validate FILE to see why.")
        self.resize(1100, 720)

    def start_routine(self, routine: Routine) -> None:
        self.current = routine
        plan = build_plan(routine)
        self.pages.setCurrentWidget(self.timer)
        self.timer.setFocus()
        self.driver.begin(plan, plan_cues(plan, self.cue_options))

    def show_picker(self) -> None:
        self.pages.setCurrentWidget(self.picker)
        self.picker.list.setFocus()

    def _on_timer_stop_requested(self) -> None:
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
