"""stretchtimer under a real Wayland compositor (Debian's weston, headless, drawing with
pixman, started here): the window paints, a routine runs and the reminder popup shows,
with no tray (as on GNOME); with a StatusNotifierWatcher on the session bus (as KDE's
panel runs; tests/fake_sni_watcher.py) the tray icon is there. The compositor's own
screenshots are taken (weston-screenshooter) and kept in the test's folder."""

import json
import os
import select
import shutil
import subprocess
import sys
import time

import pytest

from tests.helpers import work_all_day


def wait_for_log(log, text, within, count=1):
    end = time.monotonic() + within
    while time.monotonic() < end:
        if log.exists() and log.read_text().count(text) >= count:
            return True
        time.sleep(0.2)
    return False


@pytest.fixture
def weston(tmp_path):
    assert shutil.which("weston"), "weston is installed by the README's test command"
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(XDG_RUNTIME_DIR=str(runtime), WAYLAND_DISPLAY="wayland-test",
               QT_QPA_PLATFORM="wayland", STRETCHTIMER_HOME=str(tmp_path / "home"))
    with open(tmp_path / "weston.log", "w") as log:
        compositor = subprocess.Popen(
            ["weston", "--backend=headless-backend.so", "--use-pixman", "--debug",
             "--width=1366", "--height=768", "--idle-time=0", "--socket=wayland-test"],
            env=env, stdout=subprocess.DEVNULL, stderr=log)
    end = time.monotonic() + 10
    while time.monotonic() < end and not (runtime / "wayland-test").exists():
        time.sleep(0.05)
    assert (runtime / "wayland-test").exists(), "weston did not start"
    yield env
    compositor.terminate()
    compositor.wait(timeout=10)


def screenshot(env, folder, name):
    before = set(folder.glob("wayland-screenshot-*.png"))
    subprocess.run(["weston-screenshooter"], env=env, cwd=folder, check=True, timeout=20,
                   capture_output=True)
    (shot,) = set(folder.glob("wayland-screenshot-*.png")) - before
    return shot.rename(folder / name)


def control(env, *args):
    done = subprocess.run([sys.executable, "-m", "stretchtimer", *args], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_on_weston_the_window_paints_the_popup_shows_and_a_routine_runs(weston, tmp_path):
    work_all_day(tmp_path / "home")  # in work hours whenever it runs
    app = subprocess.Popen([sys.executable, "-m", "stretchtimer"], env=weston,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    log = tmp_path / "home" / "log" / "stretchtimer.log"
    try:
        assert wait_for_log(log, "tray: no", 30)  # weston has no tray: the window stays
        picker = screenshot(weston, tmp_path, "picker.png")
        control(weston, "--snooze", "1")  # the reminder in a minute
        assert wait_for_log(log, "reminder due at", 90), "no reminder came"
        time.sleep(1)
        popup = screenshot(weston, tmp_path, "popup.png")
        assert popup.read_bytes() != picker.read_bytes()  # something new on screen
        control(weston, "--skip")
        subprocess.run([sys.executable, "-m", "stretchtimer", "--start", "desk-micro"],
                       env=weston, capture_output=True, timeout=60)
        assert wait_for_log(log, "routine desk-micro started", 30)
        time.sleep(3)
        screenshot(weston, tmp_path, "routine.png")
        status = json.loads(control(weston, "--status"))
        assert status["routine"] == "desk-micro"
        control(weston, "--quit")
        assert app.wait(timeout=15) == 0
    finally:
        if app.poll() is None:
            app.kill()
            app.wait(timeout=10)


def test_with_a_status_notifier_watcher_the_tray_icon_is_there(weston, tmp_path):
    from pathlib import Path

    daemon = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    env = dict(weston, DBUS_SESSION_BUS_ADDRESS=daemon.stdout.readline().strip())
    watcher = subprocess.Popen([sys.executable, str(Path(__file__).parents[1] /
                                                    "fake_sni_watcher.py")],
                               env=env, stdout=subprocess.PIPE, text=True)
    app = None
    try:
        assert watcher.stdout.readline().strip() == "ready"
        app = subprocess.Popen([sys.executable, "-m", "stretchtimer", "--tray"], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        ready, _, _ = select.select([watcher.stdout], [], [], 30)
        assert ready and watcher.stdout.readline().startswith("item :"), "no item registered"
        log = tmp_path / "home" / "log" / "stretchtimer.log"
        assert wait_for_log(log, "tray: yes", 30)
        control(env, "--quit")
        assert app.wait(timeout=15) == 0
    finally:
        for proc in (app, watcher, daemon):
            if proc is not None and proc.poll() is None:
                proc.terminate()
                proc.wait(timeout=10)
        watcher.stdout.close()
        daemon.stdout.close()
