"""About stretchtimer, and the diagnostics a bug report needs, one click from the
clipboard: versions, the speech engine, the tray, how idle and full screen are noticed,
and where the files are."""

from __future__ import annotations

import platform
import sys

from PySide6.QtCore import qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from stretchtimer import __version__
from stretchtimer.ui.i18n import tr


def diagnostics(window) -> str:
    import PySide6

    voice = getattr(window, "voice", None)
    client = voice.service.client if voice is not None else None
    if client is None:
        engine = "not started yet"
    elif client.engine_name:
        engine = client.engine_name
    else:
        engine = f"unavailable: {client.unavailable or 'starting'}"
    sensing = getattr(window, "sensing", {})
    paths = getattr(window, "paths", None)
    lines = [
        f"stretchtimer {__version__}",
        f"Python {platform.python_version()} ({sys.executable})",
        f"Qt {qVersion()}, PySide6 {PySide6.__version__}, platform plugin "
        f"{QGuiApplication.platformName()}",
        f"System: {platform.platform()}",
        f"Speech engine: {engine}",
        f"System tray: {'yes' if QSystemTrayIcon.isSystemTrayAvailable() else 'no'}",
        f"Stepping away noticed by: {sensing.get('idle') or 'nothing (cannot tell)'}",
        f"Full screen noticed by: {sensing.get('fullscreen') or 'nothing (cannot tell)'}",
        f"Calls noticed by: {sensing.get('calls') or 'nothing (cannot tell)'}",
    ]
    if paths is not None:
        lines += [f"Settings: {paths.config}", f"Data: {paths.data}", f"Cache: {paths.cache}",
                  f"Log: {paths.log}"]
    return "\n".join(lines)


class AboutDialog(QDialog):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("About stretchtimer"))
        intro = QLabel(f"<b>stretchtimer {__version__}</b><br>" + tr(
            "Hourly stretch breaks that talk you through a short routine. Stretch to mild "
            "tension only, and stop if you feel tingling, numbness or sharp pain.") +
            "<br><br>" + tr(
            "stretchtimer is free software: you may share and change it under the GNU "
            "General Public License, version 3 or later. It uses Qt for Python (PySide6, "
            "LGPL-3.0) and speaks through espeak-ng (GPL-3.0) or your system's voices."))
        intro.setWordWrap(True)
        self.text = QPlainTextEdit(text)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(tr("Diagnostics"))
        self.copy = QPushButton(tr("&Copy diagnostics"))
        self.copy.setAccessibleDescription(
            tr("Copy these details to the clipboard for a bug report"))
        self.copy.clicked.connect(self._on_copy_clicked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(620, 380)

    def _on_copy_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.text.toPlainText())
        self.copy.setText(tr("Copied"))
