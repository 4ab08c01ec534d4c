"""The floor for waiting in the tray: a bare PySide6 app with a tray icon and its menu.
Prints "TRAY <monotonic>" once the icon is shown (as stretchtimer --report-tray does).

With --window-and-sound it also opens a window with a few widgets and plays a second of
tone through QtMultimedia, as any Qt app that has shown its window and spoken once has:
the floor for stretchtimer after a routine (benchmarks/tray_weight.py closes the window)."""

import math
import sys
import time
from array import array
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMenu,
    QPushButton,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

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
keep = []


def window_and_sound() -> None:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtMultimedia import QAudioFormat, QAudioSink, QMediaDevices

    window = QWidget()
    layout = QVBoxLayout(window)
    big = QLabel("0:30")
    big.setStyleSheet("font-size: 96px")
    layout.addWidget(big)
    layout.addWidget(QLabel("Hold"))
    layout.addWidget(QPushButton("Stop"))
    window.resize(800, 600)
    window.show()
    fmt = QAudioFormat()
    fmt.setSampleRate(22050)
    fmt.setChannelCount(1)
    fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
    tone = array("h", (int(6000 * math.sin(2 * math.pi * 440 * i / 22050))
                       for i in range(22050))).tobytes()
    buffer = QBuffer()
    buffer.setData(QByteArray(tone))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    sink = QAudioSink(QMediaDevices.defaultAudioOutput(), fmt)
    sink.start(buffer)
    keep.extend((window, buffer, sink))


if "--window-and-sound" in sys.argv:
    QTimer.singleShot(0, window_and_sound)
sys.exit(app.exec())
