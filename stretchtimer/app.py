"""The one bootstrap: QApplication, the routine library, the driver, the window."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from stretchtimer.core.clock import SystemClock
from stretchtimer.resources import assets
from stretchtimer.storage.atomic import sweep_temps
from stretchtimer.storage.journal import Journal
from stretchtimer.storage.paths import Paths
from stretchtimer.storage.routines import load_routines
from stretchtimer.storage.settings import SettingsStore
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
    paths = Paths.default()
    window = build_window(paths, SystemClock())
    if quit_after_first_paint:  # benchmarks/startup.py; connected first, so it runs first
        window.first_painted.connect(_report_and_quit)
    window.first_painted.connect(lambda: QTimer.singleShot(0, lambda: _after_paint(window, paths)))
    window.show()
    return app.exec()


def build_window(paths: Paths, clock) -> MainWindow:
    """The main window with the user's routines and settings (and word of any problem)."""
    for folder in (paths.config, paths.data, paths.cache):
        sweep_temps(folder)  # what a crash mid-write left behind
    store = SettingsStore(paths.config / "settings.json")
    window = MainWindow(load_routines(paths.user_routines), clock, store.load(), store,
                        Journal(paths.data / "history.jsonl"),
                        paths.cache / "history-snapshot.json")
    if store.messages:
        window.show_notice(" ".join(store.messages))
    return window


def _after_paint(window: MainWindow, paths: Paths) -> None:
    """What can wait until the window is on screen: the window icon and speech."""
    from stretchtimer.voice.cache import SpeechCache
    from stretchtimer.voice.player import CuePlayer
    from stretchtimer.voice.service import SpeechService

    app = QApplication.instance()
    app.setWindowIcon(app_icon())
    window.refresh_progression()
    service = SpeechService(SpeechCache(paths.cache / "speech"), parent=window)
    app.aboutToQuit.connect(service.shutdown)  # no speech worker outlives the app
    window.set_voice(CuePlayer(service, window.voice_settings, parent=window))


HEAVY = ("pyttsx3", "PySide6.QtMultimedia", "PySide6.QtTextToSpeech",
         "stretchtimer.voice.engine", "stretchtimer.voice.service", "stretchtimer.voice.player",
         "stretchtimer.voice.cache", "stretchtimer.core.history", "stretchtimer.core.cues",
         "stretchtimer.core.session")  # none of these may load before the first paint


def _heavy_modules() -> list[str]:
    return sorted(m for m in sys.modules if m.startswith(HEAVY))


def _report_and_quit() -> None:
    import time

    # the paint event comes before the frame is flushed: report just after it
    QTimer.singleShot(0, lambda: (print(f"PAINTED {time.monotonic():.6f} "
                                        f"heavy={','.join(_heavy_modules()) or 'none'}",
                                        flush=True), QApplication.quit()))
