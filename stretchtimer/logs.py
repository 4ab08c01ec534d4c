"""The log: a rotating file in the platform's log folder (three files of 512 KB at most),
Qt's own warnings and any uncaught exception included. `--debug` logs more, and to the
terminal as well. Until the first paint, records wait in memory (logging.handlers costs
25 ms to import, a sixth of the startup); setup() then writes them to the file."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

LOG_NAME = "stretchtimer.log"
MAX_BYTES, BACKUPS = 512 * 1024, 3
log = logging.getLogger("stretchtimer")
_debug = False


class _Early(logging.Handler):
    """Holds the records logged before the file is set up."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def start(debug: bool = False) -> None:
    """At launch: keep records in memory until setup(); --debug shows them at once."""
    global _debug
    _debug = debug
    _reset()
    log.setLevel(logging.DEBUG if debug else logging.INFO)
    log.propagate = False
    log.addHandler(_Early())
    if debug:
        log.addHandler(_terminal())
    _catch_uncaught()


def _terminal() -> logging.Handler:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    return handler


def _reset() -> list[logging.LogRecord]:
    """Remove every handler; returns the records held by an early one."""
    early = []
    for handler in list(log.handlers):
        if isinstance(handler, _Early):
            early = handler.records
        log.removeHandler(handler)
        handler.close()
    return early


def setup(folder: Path, debug: bool | None = None) -> Path:
    """Send the app's log to <folder>/stretchtimer.log; returns that path."""
    import logging.handlers

    debug = _debug if debug is None else debug
    path = folder / LOG_NAME
    early = _reset()
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
    for record in early:  # what happened before the first paint, in order
        for each in log.handlers:
            each.handle(record)
    if debug:
        log.addHandler(_terminal())
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
