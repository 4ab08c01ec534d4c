"""The main window: the routine picker, and the timer view while a routine runs."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from stretchtimer.core.clock import Clock
from stretchtimer.core.plan import build_plan
from stretchtimer.core.routine import Library, Routine
from stretchtimer.logs import log
from stretchtimer.storage.journal import Journal
from stretchtimer.storage.paths import Paths
from stretchtimer.storage.settings import Settings, SettingsStore
from stretchtimer.ui.application import application
from stretchtimer.ui.guard import guarded
from stretchtimer.ui.i18n import tr
from stretchtimer.ui.routine_picker import DEFAULT_ROUTINE, RoutinePicker
from stretchtimer.ui.theme import apply_high_contrast

# The timer view, the cue planner and the session machine load when the first routine
# starts, not before the first paint (benchmarks/startup.py).

VOICE_WAIT_MS = 4000  # a routine asked for from outside waits this long for its voice


class _FirstPaint(QObject):
    """Tells the window once that it has been painted, then gets out of the way."""

    @guarded
    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            obj.first_painted.emit()
        return False


class _LazyPage(QWidget):
    """A tab whose content is built the first time it is shown (after the first paint)."""

    def __init__(self, factory) -> None:
        super().__init__()
        self._factory = factory
        self.content: Any = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @guarded
    def showEvent(self, event) -> None:
        if self.content is None:
            content = self._factory()
            self._layout.addWidget(content)
            content.show()
            self.content = content
        super().showEvent(event)


class MainWindow(QMainWindow):
    first_painted = Signal()  # the moment to start anything that can wait (speech)

    session_recorded = Signal(str)  # the journal id of a finished (or stopped) session

    def __init__(self, library: Library, clock: Clock, settings: Settings | None = None,
                 store: SettingsStore | None = None, journal: Journal | None = None,
                 snapshot: Path | None = None, routines_folder: Path | None = None) -> None:
        super().__init__()
        self.setWindowTitle("stretchtimer")
        self.library = library
        self.clock = clock
        self._driver = None
        self._timer = None  # the TimerView, made on first use
        # set up after the first paint by app.py (tests may leave them unset)
        # ReminderDriver, Tray, ReminderPopup (made after the first paint)
        self.reminders: Any = None
        self.tray: Any = None
        self.popup: Any = None
        self.autostart = None  # the login entry (platform/autostart.py)
        # what tells stepping away / a full-screen app apart ("": not known yet, None: nothing)
        self.sensing: dict[str, str | None] = {"idle": "", "fullscreen": ""}
        self.voice = None  # the CuePlayer, once set_voice() has been called after first paint
        self.settings = settings or Settings()
        self.store = store  # None: settings live only as long as the window (tests)
        self.routines_folder = routines_folder  # the user's routines; None: cannot save
        self.paths: Paths | None = None  # of a real run (the diagnostics, export)
        self.after_paint_done = False  # app._after_paint ran (it runs once)
        self.quitting = False  # quit_app() was asked: closing is no longer to the tray
        self._pending_start: Routine | None = None  # asked for from outside, waiting for
        self._pending_cues: list = []               # the voice (start_when_voiced)
        self.language = "en"  # the UI's language in effect (ui/i18n.py)
        self.journal = journal  # None: sessions are not recorded (tests)
        self._snapshot = snapshot
        self._history = None
        self.last_session_id: str | None = None
        self.levels: dict[str, int] = {}  # exercise id -> progression level
        self.voice_settings = self.settings.voice
        self._first_paint = _FirstPaint(self)
        self.installEventFilter(self._first_paint)
        self.current: Routine | None = None

        self.act_fullscreen = QAction(tr("Full screen"), self)
        self.act_fullscreen.setData("fullscreen")
        self.act_fullscreen.setShortcut(QKeySequence("F11"))  # a string: Qt.Key costs 30 ms
        self.act_fullscreen.setToolTip(tr("Full screen (F11)"))
        self.act_fullscreen.setCheckable(True)
        self.act_fullscreen.toggled.connect(self._on_fullscreen_toggled)
        self.addAction(self.act_fullscreen)
        self.act_contrast = QAction(tr("High contrast"), self)
        self.act_contrast.setCheckable(True)
        self._system_palette = application().palette()
        self._system_point_size = application().font().pointSizeF()
        self.act_contrast.toggled.connect(self._on_contrast_toggled)
        self.act_export = QAction(tr("&Export history…"), self)
        self.act_export.triggered.connect(self._on_export_triggered)
        self.act_new_routine = QAction(tr("&New routine…"), self)
        self.act_new_routine.setShortcut(QKeySequence("Ctrl+N"))
        self.act_new_routine.triggered.connect(lambda: self.edit_routine(None))
        self.act_import = QAction(tr("&Import routine…"), self)
        self.act_import.setShortcut(QKeySequence("Ctrl+O"))
        self.act_import.triggered.connect(self._on_import_triggered)
        self.act_export_routine = QAction(tr("Export &routine…"), self)
        self.act_export_routine.triggered.connect(self._on_export_routine_triggered)
        file_menu = self.menuBar().addMenu(tr("&File"))
        for action in (self.act_new_routine, self.act_import, self.act_export_routine):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.act_export)
        self.setAcceptDrops(True)  # routine files dropped on the window are imported
        view = self.menuBar().addMenu(tr("&View"))
        view.addAction(self.act_fullscreen)
        view.addAction(self.act_contrast)
        self.act_contrast.setChecked(self.settings.display.high_contrast)
        if self.settings.display.text_size != 100:
            self.apply_display()
        self.act_settings = QAction(tr("&Settings…"), self)
        self.act_settings.setShortcut(QKeySequence("Ctrl+,"))
        self.act_settings.triggered.connect(lambda: self.show_settings())
        self.act_paused = QAction(tr("&Paused stretches…"), self)
        self.act_paused.triggered.connect(self.show_paused)
        settings_menu = self.menuBar().addMenu(tr("&Settings"))
        settings_menu.addAction(self.act_settings)
        settings_menu.addAction(self.act_paused)
        self.act_about = QAction(tr("&About stretchtimer"), self)
        self.act_about.triggered.connect(self.show_about)
        self.menuBar().addMenu(tr("&Help")).addAction(self.act_about)

        self.picker = RoutinePicker(list(library.routines.values()))
        self.history_page = _LazyPage(self._make_history)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.picker, tr("Routines"))
        self.tabs.addTab(self.history_page, tr("History"))
        self.tabs.setTabToolTip(0, tr("Routines (Ctrl+1)"))
        self.tabs.setTabToolTip(1, tr("Your history (Ctrl+2)"))
        for i in range(2):
            QShortcut(QKeySequence(f"Ctrl+{i + 1}"), self, lambda i=i: self.show_tab(i))
        self.pages = QStackedWidget()
        self.pages.addWidget(self.tabs)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName(tr("Notice"))
        self.notice_close = QToolButton()
        self.notice_close.setText("✕")
        self.notice_close.setAccessibleName(tr("Dismiss notice"))
        self.notice_bar = QWidget()
        self.notice_bar.setObjectName("noticeBar")
        self.notice_bar.setStyleSheet("#noticeBar { background: #fff3cd; } "
                                      "#noticeBar QLabel { color: #3d2e00; }")
        bar = QHBoxLayout(self.notice_bar)
        bar.setContentsMargins(12, 6, 6, 6)
        bar.addWidget(self.notice, 1)
        bar.addWidget(self.notice_close)
        self.notice_bar.hide()
        self.notice_close.clicked.connect(self.notice_bar.hide)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self._checkin = None  # the CheckInBar, made after the first session
        self._column = column
        self.session_recorded.connect(lambda _id: self.checkin.ask())
        column.addWidget(self.notice_bar)
        column.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.picker.start_requested.connect(self.start_routine)
        self.picker.current_changed.connect(self._on_picker_current_changed)
        self.picker.new_requested.connect(lambda: self.edit_routine(None))
        self.picker.duplicate_requested.connect(self.duplicate_routine)
        self.picker.edit_requested.connect(self.edit_routine)
        self.picker.delete_requested.connect(self.delete_routine)
        self.picker.set_paused(self.paused_names())
        self.picker.list.setFocus()  # arrows, Enter and typing work at once

        if library.errors:
            names = ", ".join(e.source for e in library.errors)
            self.statusBar().showMessage(
                tr("%n routine file(s) could not be read and were skipped: {names}. Run "
                   "stretchtimer --validate FILE to see why.", "", len(library.errors))
                .format(names=names))
        self.resize(1100, 720)

    @property
    def history(self):
        """The HistoryStore (journal + snapshot), made when first needed (after the paint)."""
        if self._history is None and self.journal is not None:
            from stretchtimer.storage.history_store import HistoryStore

            self._history = HistoryStore(self.journal, self._snapshot)
        return self._history

    @property
    def checkin(self):
        """The comfort check-in bar, made the first time a session ends."""
        if self._checkin is None:
            from stretchtimer.ui.checkin import CheckInBar

            self._checkin = CheckInBar()
            self._checkin.setContentsMargins(12, 6, 12, 6)
            self._checkin.hide()
            self._checkin.rated.connect(self._on_checkin_rated)
            self._column.insertWidget(1, self._checkin)
        return self._checkin

    @property
    def driver(self):
        """The SessionDriver, made the first time a routine starts."""
        if self._driver is None:
            from stretchtimer.ui.session_driver import SessionDriver

            self._driver = SessionDriver(self.clock, self)
            self._driver.finished.connect(self._on_driver_finished)
            if self.voice is not None:
                self.voice.attach(self._driver)
        return self._driver

    @property
    def timer(self):
        """The TimerView, made the first time it is needed."""
        if self._timer is None:
            from stretchtimer.ui.timer_view import TimerView

            self._timer = TimerView(self.driver, self.act_fullscreen)
            self._timer.set_reduced_motion(self.settings.display.reduced_motion)
            self.pages.addWidget(self._timer)
            self._timer.stop_requested.connect(self._on_timer_stop_requested)
            self._timer.restart_requested.connect(self._on_timer_restart_requested)
            self._timer.muted_changed.connect(self._on_timer_muted_changed)
            self._timer.act_mute.setChecked(self.voice_settings.muted)
        return self._timer

    def set_voice(self, player) -> None:
        """Give the window its speaker (made after the first paint: speech can wait)."""
        self.voice = player
        player.notice.connect(self.show_notice)
        if self._driver is not None:
            player.attach(self._driver)
        # after the player's own slots, so it has loaded what was rendered
        player.service.rendered.connect(lambda *_: self._start_pending())
        player.service.render_failed.connect(lambda *_: self._start_pending())
        if self._pending_start is not None:  # --start at launch waited for the voice
            self.start_when_voiced(self._pending_start)
            return
        routine = self.picker.current_routine()
        if routine is not None:  # warm the cache; the audio stream waits for the user
            player.prepare(self.plan_and_cues(routine)[1], open_stream=False)

    # --- the user's routines: new, duplicate, edit, delete, import, export ---

    def edit_routine(self, routine: Routine | None):
        """Open the editor on a new routine (None), or on one of the user's. A built-in is
        never changed: editing one edits a copy."""
        if routine is not None and routine.origin == "built-in":
            return self.duplicate_routine(routine)
        return self._open_editor(routine, routine.id if routine is not None else None)

    def duplicate_routine(self, routine: Routine):
        from dataclasses import replace

        # a copy is made in the language the user reads, and only that
        copy = replace(routine, name=tr("{name} (mine)").format(name=routine.name)[:60],
                       translations="")
        return self._open_editor(copy, None)

    def original(self, routine: Routine) -> Routine:
        """The routine as its file has it now: untranslated, and with any change made
        to the file since it was loaded (the picker may hold an older, translated copy)."""
        from stretchtimer.core.routine import RoutineError, load_file
        from stretchtimer.storage.routines import load_routines

        if routine.origin == "built-in":
            return load_routines(None).get(routine.id) or routine
        try:
            return load_file(Path(routine.origin))
        except RoutineError:
            return routine

    def _open_editor(self, routine: Routine | None, own_id: str | None):
        from stretchtimer.core.cues import BreathingMode, CueOptions
        from stretchtimer.storage.user_routines import taken_ids
        from stretchtimer.ui.routine_editor import RoutineEditor

        own_file = None
        if routine is not None and own_id is not None:  # the user's own: edit its file
            routine = self.original(routine)
            own_file = Path(routine.origin)
        s = self.voice_settings
        taken = taken_ids(self.library, self.routines_folder, own_file) - {own_id}
        editor = RoutineEditor(routine, taken, self.voice, s.rate_wpm,
                               CueOptions(BreathingMode(s.breathing), s.countdown), self)
        editor.saved.connect(lambda saved: self._on_editor_saved(saved, own_file))
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.open()
        return editor

    def _on_editor_saved(self, routine: Routine, own_file: Path | None = None) -> None:
        from stretchtimer.storage.user_routines import save_routine

        if self.routines_folder is None:
            self.show_notice(tr("Routines cannot be saved here (no data folder)."))
            return
        try:
            save_routine(self.routines_folder, routine, own_file)
        except OSError as exc:
            self.show_notice(tr("Could not save “{name}”: {error}. Nothing was changed.")
                             .format(name=routine.name, error=exc))
            return
        self.reload_routines(routine.id)

    def delete_routine(self, routine: Routine) -> bool:
        from PySide6.QtWidgets import QMessageBox

        from stretchtimer.storage.user_routines import delete_routine

        if routine.origin == "built-in" or self.routines_folder is None:
            return False
        answer = QMessageBox.question(
            self, tr("Delete routine"),
            tr("Delete “{name}”? Its file is kept in the “deleted” folder of your routines, "
               "so it can be brought back.").format(name=routine.name))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            delete_routine(self.routines_folder, routine)
        except OSError as exc:
            self.show_notice(tr("Could not delete “{name}”: {error}.").format(
                name=routine.name, error=exc))
            return False
        self.reload_routines()
        return True

    def import_routines(self, paths: list[Path]) -> list[str]:
        """Import routine files; every outcome is told in the notice bar. Returns it."""
        from stretchtimer.core.routine import RoutineError
        from stretchtimer.storage.user_routines import import_routine

        said, last = [], None
        for path in paths:
            if self.routines_folder is None:
                break
            try:
                routine, asked = import_routine(Path(path), self.library,
                                                self.routines_folder)
            except RoutineError as exc:
                more = len(exc.problems) - 3
                said.append(tr("Not imported: {file}: {problems}").format(
                    file=exc.source, problems="; ".join(str(p) for p in exc.problems[:3]))
                    + (tr(" (and %n more)", "", more) if more > 0 else ""))
                continue
            except OSError as exc:
                said.append(tr("Not imported: {file}: {problems}").format(file=path,
                                                                            problems=exc))
                continue
            said.append(tr("Imported “{name}”.").format(name=routine.name))
            if asked != routine.id:
                said.append(tr("A routine with the id “{asked}” already exists, so this one is "
                               "saved as “{id}”; nothing was replaced.").format(asked=asked,
                                                                                id=routine.id))
            last = routine.id
        if last is not None:
            self.reload_routines(last)  # once, after every file
        if said:
            self.show_notice(" ".join(said))
        return said

    def export_routine(self, routine: Routine, path: Path) -> bool:
        from stretchtimer.storage.user_routines import export_routine

        try:
            export_routine(routine, path)
        except OSError as exc:
            self.show_notice(tr("Could not export “{name}”: {error}.").format(
                name=routine.name, error=exc))
            return False
        self.show_notice(tr("Exported “{name}” to {file}.").format(name=routine.name,
                                                                  file=path))
        return True

    def reload_routines(self, select_id: str | None = None) -> None:
        from stretchtimer.storage.routines import folder_state, load_routines

        self._routines_state = folder_state(self.routines_folder)
        self.library = load_routines(self.routines_folder, self.language)
        self.picker.set_routines(list(self.library.routines.values()), select_id)
        if self.tray is not None:
            self.tray.set_routines(list(self.library.routines.values()))

    def watch_routines(self) -> None:
        """Routines added or changed from outside (stretchtimer --import, a file manager)
        appear without a restart."""
        from PySide6.QtCore import QFileSystemWatcher, QTimer

        from stretchtimer.storage.routines import folder_state

        if self.routines_folder is None:
            return
        try:
            self.routines_folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return
        self._watcher = QFileSystemWatcher([str(self.routines_folder)], self)
        self._reload_soon = QTimer(self)
        self._reload_soon.setSingleShot(True)
        self._reload_soon.setInterval(300)  # a copy arrives as several changes
        self._reload_soon.timeout.connect(self._on_reload_soon_timeout)
        self._routines_state = folder_state(self.routines_folder)
        self._watcher.directoryChanged.connect(lambda _p: self._reload_soon.start())

    def _on_reload_soon_timeout(self) -> None:
        from stretchtimer.storage.routines import folder_state

        if folder_state(self.routines_folder) != self._routines_state:
            self.reload_routines()  # changed from outside; our own saves reloaded already

    def _on_import_triggered(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        files, _ = QFileDialog.getOpenFileNames(self, tr("Import routine"), str(Path.home()),
                                                tr("Routine files (*.json)"))
        if files:
            self.import_routines([Path(f) for f in files])

    def _on_export_routine_triggered(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        routine = self.picker.current_routine()
        if routine is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, tr("Export routine"),
                                              str(Path.home() / f"{routine.id}.json"),
                                              tr("Routine files (*.json)"))
        if path:
            self.export_routine(self.original(routine), Path(path))

    @guarded
    def dragEnterEvent(self, event) -> None:
        if any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    @guarded
    def dropEvent(self, event) -> None:
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.import_routines(files)

    def plan_and_cues(self, routine: Routine):
        from stretchtimer.core.cues import BreathingMode, CueOptions, plan_cues

        routine = self.without_paused(routine)
        s = self.voice_settings
        measured = self.voice.lengths if self.voice is not None else None
        plan = build_plan(routine, self.levels, rate_wpm=s.rate_wpm, measured=measured)
        return plan, plan_cues(plan, CueOptions(BreathingMode(s.breathing), s.countdown))

    def without_paused(self, routine: Routine) -> Routine:
        """The routine without the stretches paused for safety."""
        from dataclasses import replace

        kept = tuple(ex for ex in routine.exercises if ex.id not in self.settings.suspended)
        return routine if len(kept) == len(routine.exercises) else replace(routine, exercises=kept)

    def paused_names(self) -> dict[str, str]:
        names = {ex.id: ex.name for r in self.library.routines.values() for ex in r.exercises}
        return {ex_id: names.get(ex_id, ex_id) for ex_id in self.settings.suspended}

    def start_routine(self, routine: Routine) -> None:
        if not self.without_paused(routine).exercises:
            self.show_notice(tr("Every stretch in {name} is paused for your safety. Settings > "
                                "Paused stretches resumes them once you are cleared.")
                             .format(name=routine.name))
            return
        if self._checkin is not None:
            self._checkin.hide()
        self.current = routine
        plan, cues = self.plan_and_cues(routine)
        self.pages.setCurrentWidget(self.timer)
        self.timer.setFocus()
        if self.voice is not None:
            self.voice.prepare(cues)
        self.driver.begin(plan, cues)

    def show_settings(self, page: str = "Voice"):
        from stretchtimer.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self.voice, self.act_contrast,
                                self.autostart, self.sensing, self)
        dialog.changed.connect(self._on_settings_changed)
        dialog.tabs.setCurrentWidget(dialog.pages[page])
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def _on_driver_finished(self, summary) -> None:
        """Record the session the moment it ends (completed or stopped early)."""
        from stretchtimer.core.history import session_record

        if self.reminders is not None:
            self.reminders.routine_finished()  # the routine was the break
        if self.journal is None or self.current is None:
            return
        try:
            self.last_session_id = self.journal.append(session_record(summary, self.current))
        except OSError as exc:
            self.last_session_id = None
            self.show_notice(tr("Could not save this session to your history ({error}); "
                                "earlier sessions are safe. Is the disk full?")
                             .format(error=exc.strerror or exc))
            return
        self.session_recorded.emit(self.last_session_id)

    def _on_checkin_rated(self, rating: str) -> None:
        from stretchtimer.core.history import checkin_record
        from stretchtimer.ui.checkin import SafetyNotice

        if self.journal is not None and self.last_session_id is not None:
            try:
                self.journal.append(checkin_record(self.last_session_id, rating))
            except OSError as exc:
                self.show_notice(tr("Could not save your check-in ({error}).").format(
                    error=exc.strerror or exc))
            self.refresh_progression()
        if rating == "nerve" and self.current is not None:
            ids = [ex.id for ex in self.current.exercises if ex.id not in self.settings.suspended]
            self.settings.suspended.extend(ids)
            self.save_settings()
            self.picker.set_paused(self.paused_names())
            self.safety = SafetyNotice([self.paused_names()[i] for i in ids], self)
            self.safety.show()

    def refresh_progression(self) -> None:
        """Replay the history's check-ins into hold times (after the first paint, and after
        each check-in)."""
        from stretchtimer.core.progression import progression

        if self.history is None:
            return
        exercises = {ex.id: ex for r in self.library.routines.values() for ex in r.exercises}
        result = progression(list(exercises.values()), self.history.load().rated)
        self.levels = {ex_id: h.level for ex_id, h in result.items()}
        self.picker.set_levels(self.levels, {i: h.was for i, h in result.items() if h.was})

    def show_about(self):
        from stretchtimer.ui.about_dialog import AboutDialog, diagnostics

        dialog = AboutDialog(diagnostics(self), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_paused(self):
        from stretchtimer.ui.checkin import PausedDialog

        dialog = PausedDialog(self.paused_names(), self)
        dialog.resumed.connect(self._on_paused_resumed)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def _on_paused_resumed(self, ids: list) -> None:
        self.settings.suspended = [i for i in self.settings.suspended if i not in ids]
        self.save_settings()
        self.picker.set_paused(self.paused_names())

    def _on_export_triggered(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(self, tr("Export history"),
                                              "stretchtimer-history.csv",
                                              tr("Spreadsheet (*.csv);;JSON (*.json)"))
        if path:
            self.export_history(path)

    def export_history(self, path: str) -> None:
        from pathlib import Path

        from stretchtimer.storage.export import export_history

        if self.journal is None:
            return
        own = self.paths
        try:  # the file dialog has asked before replacing a file
            count = export_history(self.journal, Path(path), replace=True,
                                   own_folders=(own.config, own.data, own.cache, own.log)
                                   if own is not None else ())
        except (ValueError, OSError) as exc:
            self.show_notice(tr("Could not export: {error}").format(error=exc))
            return
        self.statusBar().showMessage(
            tr("Exported %n session(s) to {file}", "", count).format(file=path), 8000)

    def save_settings(self) -> None:
        """Settings are saved the moment they change; a failure is said, never hidden."""
        if self.store is None:
            return
        try:
            self.store.save(self.settings)
        except OSError as exc:
            self.show_notice(tr("Could not save your settings ({error}); the ones saved "
                                "before are unchanged. Is the disk full?")
                             .format(error=exc.strerror or exc))

    def _on_settings_changed(self, name: str) -> None:
        self.save_settings()
        if name.startswith("reminders.") and self.reminders is not None:
            self.reminders.settings_changed()
            if self.tray is not None:
                self.tray.set_snooze_minutes(self.settings.reminders.snooze_min)
        if name.startswith(("goals.", "reminders.")):
            history = self.history_page.content
            if history is not None and history.isVisible():
                history.refresh()
            return
        if name in ("display.text_size", "display.reduced_motion"):
            self.apply_display()
        if name == "muted" and self._timer is not None:
            self._timer.act_mute.setChecked(self.voice_settings.muted)
        if self.voice is None:
            return
        if name in ("voice", "rate_wpm"):
            self.voice.forget()  # renders are for the old voice
        if name in ("voice", "rate_wpm", "breathing", "countdown"):
            routine = self.picker.current_routine()
            if routine is not None:
                self.voice.prepare(self.plan_and_cues(routine)[1])

    # --- reminders, tray and popup (set up after the first paint) ---

    def set_reminders(self, reminders, tray=None, popup=None) -> None:
        self.reminders, self.tray, self.popup = reminders, tray, popup
        reminders.reminder_due.connect(self._on_reminders_reminder_due)
        if popup is not None:
            popup.start_clicked.connect(self._on_popup_start_clicked)
            popup.snooze_clicked.connect(reminders.snooze)
            popup.skip_clicked.connect(reminders.skip)
            popup.snooze_clicked.connect(lambda: self._note_reminder("snoozed"))
            popup.skip_clicked.connect(lambda: self._note_reminder("skipped"))
        if tray is not None:
            reminders.next_changed.connect(tray.show_next)
            tray.start_requested.connect(lambda rid: self._start_from_outside(rid))
            tray.open_requested.connect(self.bring_forward)
            tray.settings_requested.connect(lambda: self.show_settings("Reminders"))
            tray.quit_requested.connect(self.quit_app)
            tray.snooze_requested.connect(reminders.snooze)
            tray.snooze_requested.connect(lambda: self._note_reminder("snoozed"))
            tray.pause_requested.connect(lambda s: reminders.pause_for(s) if s
                                         else reminders.resume())
            tray.pause_until_tomorrow_requested.connect(self._on_tray_pause_until_tomorrow)
            tray.set_snooze_minutes(self.settings.reminders.snooze_min)
            reminders.next_changed.connect(lambda _due: self._update_tray_state())
            self.driver.state_changed.connect(lambda _s: self._update_tray_state())
            tray.icon.show()
        else:
            self.show_notice(tr("There is no system tray on this desktop, so stretchtimer "
                             "cannot wait there: reminders still pop up while this window "
                             "is open (minimise it), and closing it quits."))
        reminders.start()

    def _update_tray_state(self) -> None:
        if self.tray is None:
            return

        scheduler = self.reminders.scheduler
        if self.routine_in_progress():
            state = "running"
        elif scheduler.paused_until is not None and scheduler.paused_until > self.clock.wall():
            state = "paused"
        elif scheduler.snoozed:
            state = "snoozed"
        else:
            state = "active"
        self.tray.set_state(state)

    def routine_in_progress(self) -> bool:
        from stretchtimer.core.session import State

        return self._driver is not None and self._driver.state in (State.RUNNING, State.PAUSED)

    def suggested_routine(self):
        return self.library.get(DEFAULT_ROUTINE) or next(iter(self.library.routines.values()),
                                                          None)

    def _note_reminder(self, action: str) -> None:
        """Reminders offered and what became of them, for the history."""
        from stretchtimer.core.history import reminder_record

        if self.journal is not None:
            try:
                self.journal.append(reminder_record(action, self.clock.wall()))
            except OSError:
                pass  # a lost reminder note costs a statistic, not the user's sessions

    def _say(self, text: str) -> None:
        """One spoken line outside a routine (a reminder), if the voice is on."""
        if self.voice is not None and not self.voice_settings.muted \
                and self.voice.speech_available:
            s = self.voice_settings
            self.voice.service.say(text, s.voice, s.rate_wpm, s.volume)

    def _on_reminders_reminder_due(self, event) -> None:
        if self.routine_in_progress():
            return  # they are stretching already; finishing counts as the break
        log.info("%s due at %s", event.kind, datetime.fromtimestamp(event.due).isoformat())
        if event.kind == "nudge":
            self._nudge()
            return
        self._note_reminder("offered")
        routine = self.suggested_routine()
        plan, _ = self.plan_and_cues(routine)
        from stretchtimer.core.plan import format_clock

        if self.popup is not None:
            self.popup.offer(routine.name, format_clock(plan.total))
        if self.tray is not None:
            self.tray.icon.showMessage(tr("Time to stand and stretch"),
                                       f"{routine.name}, {format_clock(plan.total)}")
        self._say(tr("Time to stand and stretch. {name}.").format(name=routine.name))

    def _nudge(self) -> None:
        due = self.reminders.scheduler.due
        then = tr("Next stretch at {time}.").format(
            time=f"{datetime.fromtimestamp(due):%H:%M}") if due else ""
        if self.tray is not None:
            self.tray.icon.showMessage(tr("Stand up for a moment"), then)
        else:
            self.show_notice(tr("Stand up for a moment.") + " " + then)
        self._say(tr("Stand up for a moment."))

    def _on_popup_start_clicked(self) -> None:
        self._note_reminder("started")
        self._start_from_outside(self.suggested_routine().id)

    def _start_from_outside(self, routine_id: str) -> None:
        self.bring_forward()
        routine = self.library.get(routine_id)
        if routine is not None:
            self.start_routine(routine)

    def _on_tray_pause_until_tomorrow(self) -> None:
        from datetime import time, timedelta

        now = datetime.fromtimestamp(self.clock.wall())
        tomorrow = datetime.combine(now.date() + timedelta(days=1), time(0, 0))
        self.reminders.pause_for(tomorrow.timestamp() - now.timestamp())

    def bring_forward(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def quit_app(self) -> None:
        """Quit for real (the tray's Quit, SIGTERM, logout): the running routine is
        recorded as stopped, and the window no longer closes into the tray (Qt 6 gives up
        a quit that a window's close refuses, RELIABILITY R14)."""
        self.quitting = True
        self.record_running()
        application().quit()

    def record_running(self) -> None:
        """A routine still running is stopped, so its minutes reach the history."""
        if self.routine_in_progress():
            self.driver.stop()  # finished -> recorded at once, as a stop by Esc is

    @guarded
    def closeEvent(self, event) -> None:
        tray = self.tray
        if tray is None or self.quitting:
            super().closeEvent(event)
            return
        event.ignore()  # the app lives on in the tray
        self.hide()
        if not self.settings.display.tray_hint_shown:
            tray.icon.showMessage(tr("stretchtimer is still running"),
                                  tr("It will remind you from the tray. Quit from its menu."))
            self.settings.display.tray_hint_shown = True
            self.save_settings()

    def handle_command(self, args: list) -> None:
        """A command line from a later launch (or --start at our own): come forward, and
        start the routine it names."""
        from stretchtimer.command import CommandLineError, parse_forwarded

        self.bring_forward()
        try:
            command = parse_forwarded(args)
        except CommandLineError:
            return  # a command line that does not parse: coming forward is enough
        if command.start:
            routine = self.library.get(command.start)
            if routine is None:
                self.show_notice(tr("There is no routine called “{id}”.").format(
                    id=command.start))
            else:
                self.start_when_voiced(routine)

    def start_when_voiced(self, routine: Routine) -> None:
        """Start a routine asked for from outside (--start at launch, or a later launch)
        once the voice has every phrase ready, so that the first cue is heard and the plan
        has the real speech lengths; at most VOICE_WAIT_MS after it was asked for."""
        self._pending_start = routine
        if self.voice is None:
            return  # speech is set up after the first paint: set_voice() comes back here
        self._pending_cues = self.plan_and_cues(routine)[1]
        self.voice.prepare(self._pending_cues)
        QTimer.singleShot(VOICE_WAIT_MS, lambda: self._start_pending(waited_out=True))
        self._start_pending()

    def _start_pending(self, waited_out: bool = False) -> None:
        """Start the waiting routine once its phrases are ready (checked at each render
        the voice reports), or when VOICE_WAIT_MS has passed."""
        routine = self._pending_start
        if routine is None or self.voice is None:
            return
        if waited_out or self.voice.ready(self._pending_cues):
            self._pending_start = None
            self.start_routine(routine)

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice_bar.show()

    def _on_picker_current_changed(self, routine) -> None:
        if self.voice is not None and routine is not None:
            self.voice.prepare(self.plan_and_cues(routine)[1])  # warm before Start

    def show_picker(self) -> None:
        self.show_tab(0)

    def show_tab(self, index: int) -> None:
        self.pages.setCurrentWidget(self.tabs)
        self.tabs.setCurrentIndex(index)
        if index == 0:
            self.picker.list.setFocus()

    def _make_history(self):
        from stretchtimer.ui.history_view import HistoryView

        return HistoryView(self.history, self.settings, self.clock)

    def _on_timer_stop_requested(self) -> None:
        from stretchtimer.core.session import State

        if self.driver.state in (State.RUNNING, State.PAUSED):
            self.driver.stop()  # no question asked; the history records it as stopped
        self.show_picker()

    def _on_timer_restart_requested(self) -> None:
        if self.current is not None:
            self.start_routine(self.current)

    @property
    def muted(self) -> bool:
        return self.voice_settings.muted

    def _on_timer_muted_changed(self, muted: bool) -> None:
        if self.voice_settings.muted != muted:
            self.voice_settings.muted = muted
            self.save_settings()
        if muted and self.voice is not None:
            self.voice.interrupt()

    def _on_fullscreen_toggled(self, on: bool) -> None:
        self.setWindowState(self.windowState() | Qt.WindowState.WindowFullScreen if on
                            else self.windowState() & ~Qt.WindowState.WindowFullScreen)

    def apply_display(self) -> None:
        """Text size and reduced motion, from the settings (at start and on change)."""
        app = application()
        font = app.font()
        font.setPointSizeF(self._system_point_size * self.settings.display.text_size / 100)
        app.setFont(font)
        if self._timer is not None:
            self._timer.set_reduced_motion(self.settings.display.reduced_motion)

    def _on_contrast_toggled(self, on: bool) -> None:
        apply_high_contrast(application(), on, self._system_palette)
        if self.settings.display.high_contrast != on:
            self.settings.display.high_contrast = on
            self.save_settings()
        if self._timer is not None:
            self._timer.recolour()
