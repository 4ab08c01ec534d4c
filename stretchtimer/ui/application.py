"""The running QApplication, typed: QApplication.instance() is typed as its base class
(or None), so every widget that needs the app's palette or font asks here."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def application() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication), "no QApplication has been made yet"
    return app


def drop_source_cache() -> None:
    """Forget the source text of every module imported so far. shiboken's import hook
    reads each imported module's source (inspect.getsource, to see whether it uses
    PySide6) and Python's linecache keeps it all: 5 MB for the app waiting in the tray.
    Called once a part of the app has loaded; a traceback reads what it needs again."""
    import linecache

    linecache.clearcache()
