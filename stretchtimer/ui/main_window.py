"""The main window, a view: menus, the Routines and History tabs, the notice bar and the
timer page. It shows what the controller (stretchtimer/controller.py) gives it and tells
what the user asked for through its signals; it decides nothing about routines, history,
settings or reminders."""

from __future__ import annotations

from collections.abc import Callable
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

from stretchtimer.core.routine import Routine
from stretchtimer.ui.application import application
from stretchtimer.ui.guard import guarded
from stretchtimer.ui.i18n import tr
from stretchtimer.ui.routine_picker import RoutinePicker
from stretchtimer.ui.scroll_area import scroll_area
from stretchtimer.ui.theme import HIGH_CONTRAST_FRAMES, apply_high_contrast, restyle_types


class _FirstPaint(QObject):
    """Tells the window once that it has been painted, then gets out of the way."""

    @guarded
    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            obj.first_painted.emit()
        return False


class _LazyPage(QWidget):
    """A tab whose content is built the first time it is shown (after the first paint),
    in a frameless scroll area: at a large text size on a small screen it scrolls rather
    than squeezing its charts and labels."""

    def __init__(self, factory: Callable[[], QWidget]) -> None:
        super().__init__()
        self._factory = factory
        self.content: Any = None
        self._area = scroll_area(horizontal=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._area)

    @guarded
    def showEvent(self, event) -> None:
        if self.content is None:
            content = self._factory()
            self._area.setWidget(content)
            content.show()
            self.content = content
        super().showEvent(event)


class MainWindow(QMainWindow):
    first_painted = Signal()  # the moment to start anything that can wait (speech)
    new_routine_requested = Signal()
    import_requested = Signal(list)  # the routine files (Path) chosen or dropped
    export_routine_requested = Signal(object, object)  # Routine, Path
    export_history_requested = Signal(object)  # Path
    settings_requested = Signal(str)  # the settings page to open
    paused_requested = Signal()
    about_requested = Signal()
    welcome_requested = Signal()
    contrast_toggled = Signal(bool)  # View > High contrast
    hidden_to_tray = Signal()  # closed while the tray keeps the app

    def __init__(self, routines: list[Routine], history_factory: Callable[[], QWidget],
                 parent: QWidget | None = None) -> None:
        """`history_factory` makes the History tab's content when it is first shown."""
        super().__init__(parent)
        self.setWindowTitle("stretchtimer")
        self.keep_in_tray = False  # closing hides the window (the tray keeps the app)
        self.quitting = False  # the app is quitting: closing is closing
        self.timer: Any = None  # the TimerView page, once a routine has started
        self._first_paint = _FirstPaint(self)
        self.installEventFilter(self._first_paint)
        self._system_palette = application().palette()
        self._system_point_size = application().font().pointSizeF()
        self._build_menus()

        self.picker = RoutinePicker(routines)
        # the preview's pictures come just after the first paint (QtSvg and the files
        # cost what the startup goal cannot spare)
        self.first_painted.connect(
            lambda: QTimer.singleShot(0, self.picker.preview.enable_pictures))
        self.history_page = _LazyPage(history_factory)
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
        self._column = QVBoxLayout(central)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(0)
        self._column.addWidget(self.notice_bar)
        self._column.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.setAcceptDrops(True)  # routine files dropped on the window are imported
        self.picker.list.setFocus()  # arrows, Enter and typing work at once
        # within the screen, its panels and this window's title bar (a 1366x768 laptop
        # with a panel has about 700 px for it; Wayland does not say what panels take)
        area = self.screen().availableGeometry()
        self.resize(min(1100, area.width() - 40), min(720, area.height() - 80))

    def _build_menus(self) -> None:
        self.act_fullscreen = QAction(tr("Full screen"), self)
        self.act_fullscreen.setData("fullscreen")
        self.act_fullscreen.setShortcut(QKeySequence("F11"))  # a string: Qt.Key costs 30 ms
        self.act_fullscreen.setToolTip(tr("Full screen (F11)"))
        self.act_fullscreen.setCheckable(True)
        self.act_fullscreen.toggled.connect(self._on_fullscreen_toggled)
        self.addAction(self.act_fullscreen)
        self.act_contrast = QAction(tr("High contrast"), self)
        self.act_contrast.setCheckable(True)
        self.act_contrast.toggled.connect(self.contrast_toggled)
        self.act_export = QAction(tr("&Export history…"), self)
        self.act_export.triggered.connect(self._on_export_triggered)
        self.act_new_routine = QAction(tr("&New routine…"), self)
        self.act_new_routine.setShortcut(QKeySequence("Ctrl+N"))
        self.act_new_routine.triggered.connect(self.new_routine_requested)
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
        view = self.menuBar().addMenu(tr("&View"))
        view.addAction(self.act_fullscreen)
        view.addAction(self.act_contrast)
        self.act_settings = QAction(tr("&Settings…"), self)
        self.act_settings.setShortcut(QKeySequence("Ctrl+,"))
        self.act_settings.triggered.connect(lambda: self.settings_requested.emit("Voice"))
        self.act_paused = QAction(tr("&Paused stretches…"), self)
        self.act_paused.triggered.connect(self.paused_requested)
        settings_menu = self.menuBar().addMenu(tr("&Settings"))
        settings_menu.addAction(self.act_settings)
        settings_menu.addAction(self.act_paused)
        self.act_about = QAction(tr("&About stretchtimer"), self)
        self.act_about.triggered.connect(self.about_requested)
        self.act_welcome = QAction(tr("&Welcome and safety…"), self)
        self.act_welcome.triggered.connect(self.welcome_requested)
        help_menu = self.menuBar().addMenu(tr("&Help"))
        help_menu.addAction(self.act_welcome)
        help_menu.addAction(self.act_about)

    # --- what the controller shows ---

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice_bar.show()

    def show_status(self, text: str, ms: int = 0) -> None:
        self.statusBar().showMessage(text, ms)

    def show_tab(self, index: int) -> None:
        self.pages.setCurrentWidget(self.tabs)
        self.tabs.setCurrentIndex(index)
        if index == 0:
            self.picker.list.setFocus()

    def show_picker(self) -> None:
        self.show_tab(0)

    def set_timer(self, timer: QWidget) -> None:
        """The timer page (the controller makes it when the first routine starts)."""
        self.timer = timer
        self.pages.addWidget(timer)

    def show_timer(self, timer: QWidget) -> None:
        self.pages.setCurrentWidget(timer)
        timer.setFocus()

    def add_bar(self, bar: QWidget) -> None:
        """A bar under the notice bar (the comfort check-in)."""
        self._column.insertWidget(1, bar)

    def bring_forward(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def confirm(self, title: str, text: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def show_display(self, high_contrast: bool, text_size: int) -> None:
        """High contrast and text size (percent of the system's), at start and on change."""
        app = application()
        # a style sheet pins the palette and font the widgets have when it is set: none
        # while they change, high contrast's frames after
        app.setStyleSheet("")
        apply_high_contrast(app, high_contrast, self._system_palette)
        font = app.font()
        font.setPointSizeF(self._system_point_size * text_size / 100)
        app.setFont(font)
        restyle_types(app)  # the titles, the timer's digits and words: the same scale
        app.setStyleSheet(HIGH_CONTRAST_FRAMES if high_contrast else "")
        self.act_contrast.blockSignals(True)
        self.act_contrast.setChecked(high_contrast)
        self.act_contrast.blockSignals(False)
        if self.timer is not None:
            self.timer.recolour()

    # --- what the user asks for ---

    def _on_import_triggered(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        files, _ = QFileDialog.getOpenFileNames(self, tr("Import routine"), str(Path.home()),
                                                tr("Routine files (*.json)"))
        if files:
            self.import_requested.emit([Path(f) for f in files])

    def _on_export_routine_triggered(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        routine = self.picker.current_routine()
        if routine is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, tr("Export routine"),
                                              str(Path.home() / f"{routine.id}.json"),
                                              tr("Routine files (*.json)"))
        if path:
            self.export_routine_requested.emit(routine, Path(path))

    def _on_export_triggered(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(self, tr("Export history"),
                                              "stretchtimer-history.csv",
                                              tr("Spreadsheet (*.csv);;JSON (*.json)"))
        if path:  # the file dialog has asked before replacing a file
            self.export_history_requested.emit(Path(path))

    def _on_fullscreen_toggled(self, on: bool) -> None:
        self.setWindowState(self.windowState() | Qt.WindowState.WindowFullScreen if on
                            else self.windowState() & ~Qt.WindowState.WindowFullScreen)

    @guarded
    def dragEnterEvent(self, event) -> None:
        if any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    @guarded
    def dropEvent(self, event) -> None:
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.import_requested.emit(files)

    @guarded
    def closeEvent(self, event) -> None:
        if not self.keep_in_tray or self.quitting:
            super().closeEvent(event)
            return
        event.ignore()  # the app lives on in the tray
        self.hide()
        self.hidden_to_tray.emit()
