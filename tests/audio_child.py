"""A child process for tests/e2e/test_audio_recovery.py: plays the chime through the real
StreamOut at the given seconds after start, prints what it did, and exits."""

import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication

from stretchtimer.resources import assets
from stretchtimer.voice.player import StreamOut


def main(at: list[float]) -> None:
    app = QGuiApplication([])
    out = StreamOut(app)
    out.lost = lambda why: print("LOST", why, flush=True)
    out.load("chime", str(assets() / "sounds" / "chime.wav"))
    out.open()
    start = time.monotonic()

    def play() -> None:
        print(f"PLAY {time.monotonic() - start:.2f}", flush=True)
        out.play("chime", 1.0)

    for t in at:
        QTimer.singleShot(int(t * 1000), play)
    QTimer.singleShot(int((max(at) + 1.5) * 1000), app.quit)
    app.exec()
    print("EXIT", flush=True)


if __name__ == "__main__":
    main([float(x) for x in sys.argv[1:]])
