"""A clean exit on a real desktop: Xvfb with a tray host (trayer), the real app with its
tray, window shown or only in the tray, idle or during a routine. SIGTERM, SIGINT and
SIGHUP end it within 2 s with exit code 0, a running routine recorded as stopped, and
no process left behind (the speech worker included)."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from tests.helpers import alive, children


@pytest.fixture(scope="module")
def desktop():
    for tool in ("Xvfb", "trayer"):
        assert shutil.which(tool), f"{tool} is installed by the README's test command"
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24",
                               "-nolisten", "tcp"], stderr=subprocess.DEVNULL, pass_fds=(write,))
    os.close(write)
    with os.fdopen(read) as numbers:
        display = f":{numbers.readline().strip()}"
    tray = subprocess.Popen(["trayer", "--edge", "top"], env=dict(os.environ, DISPLAY=display),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.5)
    yield display
    tray.terminate()
    tray.wait(timeout=10)
    server.terminate()
    server.wait(timeout=10)


CASES = [("SIGTERM", "window", True), ("SIGINT", "window", True), ("SIGHUP", "window", True),
         ("SIGTERM", "tray", False), ("SIGHUP", "tray", True)]


@pytest.mark.parametrize("sig, where, routine", CASES,
                         ids=[f"{s}-{w}-{'routine' if r else 'idle'}" for s, w, r in CASES])
def test_a_signal_ends_the_app_cleanly_within_2_s(desktop, tmp_path, sig, where, routine):
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    env = dict(os.environ, DISPLAY=desktop, STRETCHTIMER_HOME=str(home),
               XDG_RUNTIME_DIR=str(home))
    env.pop("QT_QPA_PLATFORM", None)  # the real xcb session, not offscreen
    env.pop("WAYLAND_DISPLAY", None)
    args = [*(["--tray"] if where == "tray" else []),
            *(["--start", "walk-break"] if routine else [])]
    app = subprocess.Popen([sys.executable, "-m", "stretchtimer", *args], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    log = home / "log" / "stretchtimer.log"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not (log.exists() and "tray: yes" in
                                               log.read_text()):
        time.sleep(0.1)
    assert "tray: yes" in log.read_text(), "the tray did not come up"
    time.sleep(2.0)  # the speech worker is up, the routine under way
    below = children(app.pid)
    assert below, "the speech worker should be running"
    sent = time.monotonic()
    app.send_signal(getattr(signal, sig))
    err = app.communicate(timeout=20)[1]
    took = time.monotonic() - sent
    assert app.returncode == 0, err[-2000:]
    assert took < 2.0, took
    gone = time.monotonic() + 5
    while time.monotonic() < gone and any(alive(p) for p in below):
        time.sleep(0.1)
    assert not [p for p in below if alive(p)], "left behind"
    records = [json.loads(line) for line in (home / "data" / "history.jsonl").read_text()
               .splitlines()] if (home / "data" / "history.jsonl").exists() else []
    sessions = [r for r in records if r.get("type") == "session"]
    if routine:
        assert [(s["routine_id"], s["completed"]) for s in sessions] == [("walk-break", False)]
    else:
        assert sessions == []
