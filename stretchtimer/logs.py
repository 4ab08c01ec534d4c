"""The log: a rotating file in the platform's log folder (three files of 512 KB at most),
Qt's own warnings and any uncaught exception included. `--debug` logs more, and to the
terminal as well. The file is opened on the first record, not at startup."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

LOG_NAME = "stretchtimer.log"
MAX_BYTES, BACKUPS = 512 * 1024, 3
log = logging.getLogger("stretchtimer")


def setup(folder: Path, debug: bool = False) -> Path:
    """Send the app's log to <folder>/stretchtimer.log; returns that path."""
    path = folder / LOG_NAME
    for handler in list(log.handlers):  # set up once per process (tests call it again)
        log.removeHandler(handler)
        handler.close()
    log.setLevel(logging.DEBUG if debug else logging.INFO)
    log.propagate = False
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES,
                                                       backupCount=BACKUPS, encoding="utf-8",
                                                       delay=True)
        handler.setFormatter(fmt)
        log.addHandler(handler)
    except OSError as exc:  # a read-only home still runs; the terminal gets the log
        print(f"stretchtimer: cannot write the log in {folder}: {exc}", file=sys.stderr)
        debug = True
    if debug:
        terminal = logging.StreamHandler(sys.stderr)
        terminal.setFormatter(fmt)
        log.addHandler(terminal)
    _catch_uncaught()
    return path


def _catch_uncaught() -> None:
    previous = sys.excepthook

    def hook(kind, value, tb):
        log.critical("uncaught exception", exc_info=(kind, value, tb))
        previous(kind, value, tb)

    if getattr(sys.excepthook, "__name__", "") != "hook":
        sys.excepthook = hook


def route_qt_messages() -> None:
    """Qt's warnings (a missing plugin, a failed audio device) go to the log too."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    levels = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
              QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
              QtMsgType.QtFatalMsg: logging.CRITICAL}
    qt = log.getChild("qt")

    def handler(kind, context, message):
        qt.log(levels.get(kind, logging.WARNING), "%s", message)
        if kind != QtMsgType.QtDebugMsg:
            print(message, file=sys.stderr)  # as Qt would have printed it

    qInstallMessageHandler(handler)
