"""The one bootstrap: QApplication, the routine library, the driver, the window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from stretchtimer.core.clock import SystemClock
from stretchtimer.storage.paths import Paths
from stretchtimer.storage.routines import load_routines
from stretchtimer.ui.icons import app_icon
from stretchtimer.ui.main_window import MainWindow
from stretchtimer.ui.session_driver import SessionDriver


def run(quit_after_first_paint: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("stretchtimer")
    app.setDesktopFileName("stretchtimer")
    app.setWindowIcon(app_icon())
    library = load_routines(Paths.default().user_routines)
    window = MainWindow(library, SessionDriver(SystemClock()))
    if quit_after_first_paint:  # for benchmarks/startup.py
        _report_first_paint(window)
    window.show()
    return app.exec()


def _report_first_paint(window: MainWindow) -> None:
    import time

    from PySide6.QtCore import QEvent, QObject

    class FirstPaint(QObject):
        def eventFilter(self, obj, event) -> bool:
            if event.type() == QEvent.Type.Paint:
                window.removeEventFilter(self)
                # the paint event is delivered before the frame is flushed: report after it
                QTimer.singleShot(0, lambda: (print(f"PAINTED {time.monotonic():.6f}",
                                                    flush=True), QApplication.quit()))
            return False

    window._first_paint = FirstPaint(window)
    window.installEventFilter(window._first_paint)
