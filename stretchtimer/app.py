"""The one bootstrap: QApplication, single instance, the controller (which makes the
window), signals, and what waits until after the first paint."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from stretchtimer.command import Command
from stretchtimer.resources import assets

if TYPE_CHECKING:  # the rest of the app loads once a --tray launch's icon is up
    from stretchtimer.controller import Controller
    from stretchtimer.storage.paths import Paths


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


def run(command: Command, argv: list[str]) -> int:
    """Open the app as `command` asks (`argv`, as given, goes to a running one instead)."""
    reason = no_display_reason()
    if reason and QApplication.instance() is None:
        print(reason, file=sys.stderr)
        return 1
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    if not _is_first_instance_or_forward(argv):
        return 0
    app.setApplicationName("stretchtimer")
    app.setDesktopFileName("org.stretchtimer.StretchTimer")  # packaging/linux
    if command.tray and QSystemTrayIcon.isSystemTrayAvailable():
        # The icon first (what a login autostart waits for), the rest of the app on the
        # next turn of the event loop: the Tray adopts this icon and sets its menu.
        early = QSystemTrayIcon(app_icon())
        early.setToolTip("stretchtimer")
        early.show()
        if command.report_tray:
            QTimer.singleShot(0, lambda: _report(
                "TRAY", f"app={'loaded' if 'stretchtimer.controller' in sys.modules else 'not'}"))
        QTimer.singleShot(0, lambda: _start(command, app, early))
    elif not _start(command, app, None):
        return 1
    return app.exec()


def _start(command: Command, app: QApplication, early: QSystemTrayIcon | None) -> bool:
    """Everything after the single-instance check: logs, the controller (and its window,
    unless in the tray), signals, and the after-paint steps. A failure here ends the
    process with a message rather than leaving an icon that does nothing."""
    try:
        _build(command, app, early)
        return True
    except Exception:
        import traceback

        traceback.print_exc()
        print("stretchtimer could not start (the message above says why).", file=sys.stderr)
        app.exit(1)  # (from the event loop: a --tray launch's icon goes with it)
        return False


def _build(command: Command, app: QApplication, early: QSystemTrayIcon | None) -> None:
    from stretchtimer import __version__, logs
    from stretchtimer.logs import log
    from stretchtimer.platform.system_clock import SystemClock
    from stretchtimer.storage.paths import Paths
    from stretchtimer.ui.application import drop_source_cache
    from stretchtimer.ui.session_end import install as on_session_end

    paths = Paths.default()

    logs.start(command.debug)
    logs.route_qt_messages()
    log.info("stretchtimer %s starting (Qt %s, %s)", __version__, qVersion(),
             app.platformName())
    controller = build_app(paths, SystemClock())
    window = None if early is not None else controller.window  # in the tray: when opened
    # the welcome for a first launch that opens the window (not --tray at login, nor a
    # --start that wants its routine now)
    controller.welcome_first = early is None and not command.start
    drop_source_cache()  # early, so that what loads next reuses its memory
    from stretchtimer.ui import guard

    guard.install(controller.notify)  # from here on, no exception ends the process
    _quit_on_terminate(app, controller.quit)
    on_session_end(app, controller.record_running, controller)  # logout, display gone: as Quit
    app.aboutToQuit.connect(controller.shutdown)  # the one shutdown order, however it ends
    if _instance is not None:
        controller.set_single_instance(_instance)
    if command.start:
        QTimer.singleShot(0, lambda: controller.handle_command(command))
    if command.report_tray:  # benchmarks/tray_weight.py: when the tray menu works
        controller.reminders_ready.connect(lambda: QTimer.singleShot(0, lambda: _report("MENU")))
    if window is None:
        QTimer.singleShot(0, lambda: _after_paint(controller, paths, early))  # no paint comes
    else:
        if command.quit_after_first_paint:  # benchmarks/startup.py; connected first
            window.first_painted.connect(_report_and_quit)
        window.first_painted.connect(
            lambda: QTimer.singleShot(0, lambda: _after_paint(controller, paths)))
        window.show()


_instance = None  # the SingleInstance of this process, once it is the first


_keep: list[object] = []  # what must live as long as the process (the signal socket)


def _quit_on_terminate(app: QApplication, quit_app: Callable[[], None]) -> None:
    """SIGTERM / SIGINT / SIGHUP end the app through its normal quit (recording a running
    routine, stopping the speech worker). Python's wake-up fd makes the signal an event:
    no polling timer."""
    import signal
    import socket

    from PySide6.QtCore import QSocketNotifier

    if not hasattr(signal, "SIGTERM") or sys.platform == "win32":
        return
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno())
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):  # HUP: the terminal or
        signal.signal(sig, lambda *_: None)  # session went away; a Python handler, so the
        # wake-up fd is written
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def on_signal() -> None:
        try:
            reader.recv(64)
        except OSError:
            pass
        quit_app()

    notifier.activated.connect(on_signal)
    _keep.append((reader, writer, notifier))  # alive as long as the app


def _is_first_instance_or_forward(argv: list[str]) -> bool:
    """True when this process is the first stretchtimer; otherwise its command line goes
    to the running one (which comes forward) and this process should exit."""
    global _instance
    from stretchtimer.platform.single_instance import SingleInstance

    instance = SingleInstance()
    if instance.acquire():
        _instance = instance
        return True
    if instance.send(argv):
        print("stretchtimer is already running: it has been brought forward.", file=sys.stderr)
    else:
        print("stretchtimer seems to be running but does not answer; if it was closed "
              "a moment ago, try again.", file=sys.stderr)
    return False


def build_app(paths: Paths, clock) -> Controller:
    """The controller and its window, with the user's routines and settings (and word of
    any problem)."""
    from stretchtimer.controller import Controller
    from stretchtimer.logs import log
    from stretchtimer.settings_model import SettingsModel
    from stretchtimer.storage.atomic import sweep_temps
    from stretchtimer.storage.history_files import HistoryFiles, folder_of
    from stretchtimer.storage.routines import load_routines
    from stretchtimer.storage.settings import SettingsStore
    from stretchtimer.ui.application import application

    for folder in (paths.config, paths.data, paths.cache):
        sweep_temps(folder)  # what a crash mid-write left behind
    from stretchtimer.storage.defaults import load_defaults

    store = SettingsStore(paths.settings_file, load_defaults(paths.site_defaults))
    settings = store.load()
    from stretchtimer.ui import i18n

    language = i18n.install(application(), settings.display.language)
    from stretchtimer.storage.synced_routines import routines_folder

    routines = routines_folder(paths, settings)  # the data folder's, or the synced one's
    controller = Controller(load_routines(routines, language), clock,
                            SettingsModel(settings, store),
                            HistoryFiles.of(paths, folder_of(settings)),
                            paths.history_snapshot, routines, paths, language,
                            i18n.spoken_phrases())
    if store.messages:
        log.warning("settings: %s", " ".join(store.messages))
        controller.notify(" ".join(store.messages))
    for error in controller.library.errors:
        log.warning("routine skipped: %s", error)
    return controller


def start_speech(controller: Controller, paths: Paths):
    """The speech worker and the cue player, given to the controller (after the first
    paint: the worker is a process of its own). Returns the speech service."""
    from stretchtimer.voice.cache import SpeechCache
    from stretchtimer.voice.player import CuePlayer
    from stretchtimer.voice.service import SpeechService

    service = SpeechService(SpeechCache(paths.speech_cache), parent=controller)
    service.language = controller.language  # with no voice chosen, one that speaks it
    controller.set_voice(CuePlayer(service, controller.settings, parent=controller))
    return service


def _after_paint(controller: Controller, paths: Paths,
                 early: QSystemTrayIcon | None = None) -> None:
    """What can wait until the window is on screen: the window icon, speech, reminders
    and the tray. Runs once (with --tray it runs at start, before any paint)."""
    if controller.after_paint_done:
        return
    controller.after_paint_done = True
    from stretchtimer import logs

    logs.setup(paths.log)  # the records since launch are written now
    from stretchtimer.ui.application import application, drop_source_cache
    from stretchtimer.ui.guard import step

    app = application()
    app.setWindowIcon(app_icon())

    # Each part on its own: one that fails is reported and the others still come up.
    # The tray icon first, and the rest on the next turn of the event loop, so that the
    # icon is on screen before history and speech load (what a --tray launch waits for);
    # speech before reminders, so that a reminder due at once can be spoken.
    step("the tray icon", lambda: _show_tray(controller, early))

    def the_rest() -> None:
        step("the history folder", controller.set_up_configured_folder)
        step("history and progression", controller.refresh_progression)
        step("the routines folder watcher", controller.routines.watch)
        step("speech", lambda: start_speech(controller, paths))
        step("reminders", lambda: _set_up_reminders(controller))
        drop_source_cache()

    QTimer.singleShot(0, the_rest)


def _show_tray(controller: Controller, early: QSystemTrayIcon | None = None) -> None:
    """The tray view, adopting the icon a --tray launch showed first (its icon and the
    tray host's presence known already: neither is asked for again)."""
    if early is not None or QSystemTrayIcon.isSystemTrayAvailable():
        from stretchtimer.ui.tray import Tray

        icon = early.icon() if early is not None else app_icon()
        controller.show_tray(Tray(icon, list(controller.library.routines.values()),
                                  parent=controller, shown=early))


def _set_up_reminders(controller: Controller) -> None:
    from stretchtimer.logs import log
    from stretchtimer.ui.reminder_driver import ReminderDriver
    from stretchtimer.ui.reminder_popup import ReminderPopup

    tray = controller.tray
    from stretchtimer.platform.autostart import autostart
    from stretchtimer.platform.idle import idle_probe

    controller.autostart = autostart()  # only the settings dialog needs it: after the paint
    from stretchtimer.platform.fullscreen import fullscreen_probe

    idle = idle_probe()
    fullscreen = fullscreen_probe(  # our own window in full screen (F11) is no reason to wait
        own_windows=lambda: {int(controller.window.winId())} if controller.window_shown()
        else set())
    from stretchtimer.platform.calls import call_probe

    calls = call_probe()
    controller.sensing = {"idle": idle.name, "fullscreen": fullscreen.name, "calls": calls.name}
    log.info("tray: %s; away noticed by: %s; full screen noticed by: %s; calls noticed by: %s",
             "yes" if tray is not None else "no", idle.name, fullscreen.name, calls.name)
    reminders = ReminderDriver(controller.settings, controller.clock, idle, fullscreen, calls,
                               parent=controller)
    from stretchtimer.platform.notifications import desktop_notifier

    notifier = desktop_notifier(controller)
    if notifier is not None:
        notifier.ready.connect(lambda: controller.sensing.update(
            notifications=notifier.server if notifier.available else None))
    controller.set_reminders(reminders, tray, ReminderPopup(), notifier)


HEAVY = ("pyttsx3", "PySide6.QtMultimedia", "PySide6.QtTextToSpeech",
         "stretchtimer.voice.engine", "stretchtimer.voice.service", "stretchtimer.voice.player",
         "stretchtimer.voice.cache", "stretchtimer.core.history", "stretchtimer.core.cues",
         "stretchtimer.core.session")  # none of these may load before the first paint


def _heavy_modules() -> list[str]:
    return sorted(m for m in sys.modules if m.startswith(HEAVY))


def _report(what: str, extra: str = "") -> None:
    import time

    print(f"{what} {time.monotonic():.6f} {extra}".rstrip(), flush=True)


def _report_and_quit() -> None:
    import time

    # the paint event comes before the frame is flushed: report just after it
    QTimer.singleShot(0, lambda: (print(f"PAINTED {time.monotonic():.6f} "
                                        f"heavy={','.join(_heavy_modules()) or 'none'}",
                                        flush=True), QApplication.quit()))
