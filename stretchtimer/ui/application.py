"""The running QApplication, typed: QApplication.instance() is typed as its base class
(or None), so every widget that needs the app's palette or font asks here."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def application() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication), "no QApplication has been made yet"
    return app
