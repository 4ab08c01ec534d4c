"""When the desktop ends the app rather than the user: the session manager's logout and the
display going away (signals: app._quit_on_terminate). Either way the running routine is
recorded as stopped and the speech worker is ended, as the tray's Quit does.

What Qt does here (PySide6 6.11 on Linux; tests/e2e/test_exit.py shows each):

- The X server goes away. Qt's xcb event reader finds the connection broken and the next
  turn of the event loop warns "The X11 connection broke (error 1). Did the X11 server
  die?" and calls QCoreApplication::exit(1): exec() returns 1 and aboutToQuit runs as on
  any quit. But when an Xlib call (the idle and full-screen probes hold Xlib connections,
  platform/x11.py) meets the dead server first, Qt's Xlib I/O error handler warns "The X11
  connection broke: I/O error (code 1)" and Xlib calls exit(1): no aboutToQuit, no atexit.
  A Wayland compositor that goes away: qtwayland warns "The Wayland connection broke. Did
  the Wayland compositor die?" and calls _exit(-1).
  So at that warning, before anything can end the process, the app ends as a quit would:
  the routine is recorded and aboutToQuit is emitted (the speech worker stops). When Qt's
  own exit follows, aboutToQuit comes again; what it runs does nothing the second time.
- A logout. The xcb plugin of PySide6's wheels is built without XSMP (it links no libSM):
  no session manager can talk to the app, so on Linux a logout reaches it as SIGTERM or
  SIGHUP (app.py) or as the display going away (above). commitDataRequest comes on Windows
  (WM_QUERYENDSESSION), on macOS, and from a Qt built with XSMP: the routine is recorded,
  the logout is not cancelled, and the quit that follows closes the window instead of
  sending it into the tray (Qt gives up a quit that a window's close refuses). Qt says
  nothing when another program cancels the logout: the routine stays stopped, and until
  the app is restarted closing its window quits it."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication

from stretchtimer.logs import log

# How Qt says, just before the process ends, that the display is gone (qxcbconnection.cpp,
# qxcbconnection_basic.cpp, qwaylanddisplay.cpp; tests/unit checks Qt still says so).
DISPLAY_LOST = ("The X11 connection broke", "The Wayland connection broke",
                "The Wayland connection experienced a fatal error")


class Window(Protocol):
    """The main window: with quitting set, closing it quits instead of hiding it in the
    tray."""

    quitting: bool


def install(app: QGuiApplication, record_running: Callable[[], None], window: Window) -> None:
    """When the session ends or the display goes: `record_running` (stops a running routine
    so that it reaches the history), and the window may close."""
    app.commitDataRequest.connect(lambda manager: commit_data(record_running, window, manager))
    ending = {"done": False}
    previous: Any = None

    def on_message(kind: QtMsgType, context: Any, message: str) -> None:
        try:
            if previous is not None:
                previous(kind, context, message)
            else:
                print(message, file=sys.stderr)
            if kind != QtMsgType.QtDebugMsg and message.startswith(DISPLAY_LOST) \
                    and not ending["done"]:
                ending["done"] = True
                display_lost(app, record_running, window, message)
        except Exception:  # noqa: BLE001 - raised into Qt's logging it would end the process
            log.exception("ending after the display went away failed")

    previous = qInstallMessageHandler(on_message)


def commit_data(record_running: Callable[[], None], window: Window,
                manager: object = None) -> None:
    """The session is about to end (a logout): save what would be lost. The session
    manager is not asked for anything, so the logout goes on."""
    try:
        log.info("the session is ending: the running routine is recorded")
        window.quitting = True  # the quit that follows is not refused by "close to tray"
        record_running()
    except Exception:  # noqa: BLE001 - a slot: nothing may raise into the event loop
        log.exception("saving at the end of the session failed")


def display_lost(app: QGuiApplication, record_running: Callable[[], None], window: Window,
                 why: str) -> None:
    """The display is gone and the process may end the moment this returns: do now what a
    quit does (record the routine; aboutToQuit stops the speech worker)."""
    if threading.current_thread() is not threading.main_thread():
        # Qt's objects cannot be touched from here; the worker ends when its pipe closes
        log.warning("the display went away (%s), noticed off the main thread", why)
        return
    log.warning("the display went away (%s): ending now", why)
    window.quitting = True
    record_running()
    app.aboutToQuit.emit()
