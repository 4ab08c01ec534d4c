"""The floor for startup: a bare PySide6 window with a label, timed to its first paint."""

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

STAY = "--stay" in sys.argv  # keep running (benchmarks/idle_cpu.py measures it idle)


class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not STAY:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, lambda: (print(f"PAINTED {time.monotonic():.6f}", flush=True),
                                          QApplication.quit()))
        return False


app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("00:30"))
window.resize(1100, 720)
probe = FirstPaint()
window.installEventFilter(probe)
window.show()
sys.exit(app.exec())
