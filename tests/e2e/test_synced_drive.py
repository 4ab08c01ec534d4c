"""A synced history folder on a drive that is really unmounted and mounted again (a bind
mount, so what is on it comes back): sessions recorded while it is away are kept on the
computer, nothing is written into the empty mount point, and they join the folder's
journal when the drive is back (issue 19). Needs root, as mounting does."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from stretchtimer.storage.history_files import MARKER
from stretchtimer.storage.journal import Journal
from stretchtimer.storage.synced_journals import journal_files

ROOT = Path(__file__).resolve().parents[2]


def mount(source, target):
    return subprocess.run(["mount", "--bind", str(source), str(target)],
                          capture_output=True).returncode == 0


def test_a_drive_unmounted_and_mounted_again(tmp_path):
    store, drive, home = tmp_path / "usb-stick", tmp_path / "media-usb", tmp_path / "home"
    store.mkdir()
    drive.mkdir()
    if not (os.geteuid() == 0 and mount(store, drive)):
        pytest.skip("needs root to mount; tests/widgets/test_ui_history_sync.py takes the "
                    "folder away without mounting")
    env = dict(os.environ, STRETCHTIMER_HOME=str(home), PYTHONPATH=str(ROOT),
               QT_QPA_PLATFORM="offscreen")

    def run(*args):
        done = subprocess.run([sys.executable, *args], env=env, cwd=ROOT, capture_output=True,
                              text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        return done.stdout

    def record(n):
        return run(str(ROOT / "tests" / "history_writer.py"), str(n), "2026-12-01").split()

    try:
        run("-m", "stretchtimer", "--sync-folder", str(drive))  # the mount point itself
        first = record(2)
        assert (store / MARKER).is_file()
        subprocess.run(["umount", str(drive)], check=True)
        away = record(3)
        assert list(drive.iterdir()) == []  # nothing written into the bare mount point
        assert "exported 5 session(s)" in run("-m", "stretchtimer", "--export",
                                              str(tmp_path / "away.csv"))
        assert mount(store, drive)
        back = record(1)  # the first write after its return brings the others along
        (own,) = journal_files(store)
        assert {r["id"] for r in Journal(own).load().records} == set(first + away + back)
        assert not (home / "data" / "history-unsynced.jsonl").exists()
    finally:
        subprocess.run(["umount", str(drive)], capture_output=True)
