"""The log file: written by a real launch, rotated at its size limit, --debug to the
terminal; the About dialog's diagnostics."""

import logging
import os
import subprocess
import sys

from PySide6.QtWidgets import QApplication, QLabel

from stretchtimer import logs


def test_a_launch_writes_the_log_and_debug_also_prints_it(tmp_path):
    env = dict(os.environ, STRETCHTIMER_HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    run = subprocess.run([sys.executable, "-m", "stretchtimer", "--quit-after-first-paint",
                          "--debug"], env=env, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    text = (tmp_path / "log" / "stretchtimer.log").read_text()
    assert "stretchtimer" in text and "starting (Qt 6." in text
    assert "starting (Qt 6." in run.stderr  # --debug: the terminal too


def test_the_log_rotates_and_keeps_three_old_files(tmp_path):
    path = logs.setup(tmp_path)
    try:
        for i in range(4 * logs.MAX_BYTES // 100):
            logs.log.info("%05d %s", i, "x" * 90)
        names = sorted(p.name for p in tmp_path.iterdir())
        assert names == ["stretchtimer.log", "stretchtimer.log.1", "stretchtimer.log.2",
                         "stretchtimer.log.3"]
        assert all(p.stat().st_size <= logs.MAX_BYTES for p in tmp_path.iterdir())
        assert path.read_text().splitlines()[-1].endswith("x" * 90)
    finally:
        for h in list(logs.log.handlers):
            logs.log.removeHandler(h)
            h.close()
        logs.log.setLevel(logging.NOTSET)


def test_about_copies_the_diagnostics(qtbot, rig):
    from stretchtimer.storage.paths import Paths

    rig.app.paths = Paths.under(rig.app.routines.routines_folder or __import__("pathlib").Path("/x"))
    rig.app.sensing = {"idle": "X11 screen saver extension", "fullscreen": None}
    dialog = rig.app.show_about()
    text = dialog.text.toPlainText()
    assert text.startswith("stretchtimer ") and "Qt 6." in text and "PySide6" in text
    assert "Stepping away noticed by: X11 screen saver extension" in text
    assert "Full screen noticed by: nothing (cannot tell)" in text and "Log: /x/log" in text
    dialog.copy.click()
    assert QApplication.clipboard().text() == text
    intro = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "GNU General Public License, version 3 or later" in intro  # as pyproject says
