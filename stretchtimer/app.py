"""The one bootstrap: QApplication, the routine library, the driver, the window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from stretchtimer.core.clock import SystemClock
from stretchtimer.resources import assets
from stretchtimer.storage.paths import Paths
from stretchtimer.storage.routines import load_routines
from stretchtimer.ui.main_window import MainWindow


def app_icon() -> QIcon:
    """Qt's own SVG icon engine renders it at every size it is asked for."""
    return QIcon(str(assets() / "icons" / "stretchtimer.svg"))


def run(quit_after_first_paint: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("stretchtimer")
    app.setDesktopFileName("stretchtimer")
    QTimer.singleShot(0, lambda: app.setWindowIcon(app_icon()))  # after the first paint
    library = load_routines(Paths.default().user_routines)
    window = MainWindow(library, SystemClock())
    if quit_after_first_paint:  # for benchmarks/startup.py
        _report_first_paint(window)
    window.show()
    return app.exec()


HEAVY = ("pyttsx3", "PySide6.QtMultimedia", "PySide6.QtTextToSpeech", "stretchtimer.voice",
         "stretchtimer.core.history")  # none of these may load before the first paint


def _heavy_modules() -> list[str]:
    return sorted(m for m in sys.modules if m.startswith(HEAVY))


def _report_first_paint(window: MainWindow) -> None:
    import time

    from PySide6.QtCore import QEvent, QObject

    class FirstPaint(QObject):
        def eventFilter(self, obj, event) -> bool:
            if event.type() == QEvent.Type.Paint:
                window.removeEventFilter(self)
                # the paint event is delivered before the frame is flushed: report after it
                QTimer.singleShot(0, lambda: (print(f"PAINTED {time.monotonic():.6f} "
                                                    f"heavy={','.join(_heavy_modules()) or 'none'}",
                                                    flush=True), QApplication.quit()))
            return False

    window._first_paint = FirstPaint(window)
    window.installEventFilter(window._first_paint)
