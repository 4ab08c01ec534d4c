"""The one bootstrap: QApplication, the routine library, the driver, the window."""

from __future__ import annotations

import os
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


def no_display_reason() -> str | None:
    """Why a window cannot open here (Linux with no X11 or Wayland display), else None."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return ("stretchtimer: no graphical display here (neither DISPLAY nor WAYLAND_DISPLAY is "
            "set), so the window cannot open. Start it from your desktop session; the text "
            "commands (--list-routines, --plan, --validate) work anywhere.")


def run(quit_after_first_paint: bool = False) -> int:
    reason = no_display_reason()
    if reason and QApplication.instance() is None:
        print(reason, file=sys.stderr)
        return 1
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
