"""The floor for waiting in the tray: a bare PySide6 app with a tray icon and its menu.
Prints "TRAY <monotonic>" once the icon is shown (as stretchtimer --report-tray does)."""

import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

ICON = Path(__file__).resolve().parents[1] / "assets" / "icons" / "stretchtimer.svg"

app = QApplication(sys.argv[:1])
app.setQuitOnLastWindowClosed(False)
icon = QSystemTrayIcon(QIcon(str(ICON)))
menu = QMenu()
menu.addAction("Open")
menu.addAction("Quit").triggered.connect(app.quit)
icon.setContextMenu(menu)
icon.show()
QTimer.singleShot(0, lambda: print(f"TRAY {time.monotonic():.6f}", flush=True))
sys.exit(app.exec())
