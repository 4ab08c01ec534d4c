"""Reminders as the desktop's own notifications, with Start and Snooze: against Debian's
dunst on Xvfb (its default action invoked with dunstctl, as a click does) and against a
stand-in server (tests/fake_notification_server.py), each on a private D-Bus daemon."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from stretchtimer.platform.notifications import DesktopNotifier
from tests.helpers import work_all_day

FAKE = Path(__file__).parents[1] / "fake_notification_server.py"


@pytest.fixture
def bus(qapp):
    assert shutil.which("dbus-daemon"), "dbus is installed by the README's test command"
    daemon = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    address = daemon.stdout.readline().strip()
    yield address
    daemon.terminate()
    daemon.communicate(timeout=10)


def server(address, *args):
    import queue
    import threading

    proc = subprocess.Popen([sys.executable, str(FAKE), *args], text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            env={**os.environ, "DBUS_SESSION_BUS_ADDRESS": address})
    assert proc.stdout.readline().strip() == "ready"
    proc.lines = queue.Queue()  # every line it prints (select() misses buffered ones)
    proc.reader = threading.Thread(
        target=lambda: [proc.lines.put(line) for line in proc.stdout], daemon=True)
    proc.reader.start()
    return proc


def said(proc, within=5.0):
    import queue

    try:
        return json.loads(proc.lines.get(timeout=within))
    except queue.Empty:
        return None


def invoke(fake, notification, key):
    """A click on an action of the stand-in's notification."""
    fake.stdin.write(f"invoke {notification} {key}\n")
    fake.stdin.flush()
    assert said(fake) == {"invoked": [notification, key]}


def stop(fake):
    fake.stdin.close()
    fake.wait(timeout=10)
    fake.reader.join(timeout=10)  # it reads to the end, then the pipe is closed here
    fake.stdout.close()


def notifier_on(qtbot, address):
    notifier = DesktopNotifier(address)
    with qtbot.waitSignal(notifier.ready, timeout=5000):
        pass
    return notifier


def test_a_reminder_notification_with_start_and_snooze_on_a_stand_in(qtbot, bus):
    fake = server(bus)
    notifier = notifier_on(qtbot, bus)
    try:
        assert notifier.available and notifier.server == "fake 1.0"
        notifier.notify("Time to stand and stretch", "Desk micro-break, 3:04",
                        [("start", "Start"), ("snooze", "Snooze")])
        shown = said(fake)
        assert shown["summary"] == "Time to stand and stretch" and shown["replaces"] == 0
        assert shown["actions"] == ["default", "Start", "start", "Start", "snooze", "Snooze"]
        qtbot.waitUntil(lambda: notifier._shown == shown["notify"], timeout=5000)
        picked = []
        notifier.action_invoked.connect(picked.append)
        invoke(fake, 999, "snooze")  # another app's notification: not ours
        invoke(fake, shown["notify"], "snooze")
        qtbot.waitUntil(lambda: picked == ["snooze"], timeout=5000)
        qtbot.wait(200)
        assert picked == ["snooze"]  # once: the other app's was not taken for ours
        notifier.notify("Time to stand and stretch", "again", [("start", "Start")])
        again = said(fake)
        qtbot.waitUntil(lambda: notifier._shown == again["notify"], timeout=5000)
        notifier.close()  # answered in the popup: taken down
        while (line := said(fake)) is not None and "close" not in line:
            pass
        assert line == {"close": again["notify"]}
        notifier.notify("Time to stand and stretch", "quick", [("start", "Start")])
        notifier.close()  # answered before the server said which one it is: still closed
        qtbot.waitUntil(lambda: not notifier._close_asked, timeout=5000)
        quick = said(fake)
        while (line := said(fake)) is not None and "close" not in line:
            pass
        assert line == {"close": quick["notify"]}
    finally:
        notifier.shutdown()
        stop(fake)


def test_a_server_without_buttons_leaves_the_asking_to_the_popup(qtbot, bus):
    fake = server(bus, "--no-actions")
    notifier = notifier_on(qtbot, bus)
    try:
        assert not notifier.available
    finally:
        notifier.shutdown()
        stop(fake)


def test_no_server_at_all_is_no_error(qtbot, bus):
    notifier = notifier_on(qtbot, bus)  # nobody owns the name: answered with an error
    try:
        assert not notifier.available
        notifier.notify("x", "y", [("start", "Start")])  # nothing raised, nothing shown
        qtbot.wait(300)
        assert notifier._shown == 0
    finally:
        notifier.shutdown()


def test_clicking_the_reminder_in_dunst_starts_the_routine(qtbot, bus, tmp_path):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from desktop import Desktop

    assert shutil.which("dunst"), "dunst is installed by the README's test command"
    desk = Desktop()
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": bus, "DISPLAY": desk.display,
           "HOME": str(tmp_path)}  # no user dunstrc
    dunst = subprocess.Popen(["dunst"], env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    try:
        qtbot.wait(500)
        notifier = notifier_on(qtbot, bus)
        try:
            assert notifier.available and notifier.server.startswith("dunst")
            notifier.notify("Time to stand and stretch", "Desk micro-break, 3:04",
                            [("start", "Start"), ("snooze", "Snooze")])
            qtbot.waitUntil(lambda: notifier._shown != 0, timeout=5000)
            with qtbot.waitSignal(notifier.action_invoked, timeout=5000) as picked:
                subprocess.run(["dunstctl", "action", "0"], env=env, check=True, timeout=10)
            assert picked.args == ["start"]  # the default action: a click on it
        finally:
            notifier.shutdown()
    finally:
        dunst.terminate()
        dunst.wait(timeout=10)
        desk.close()


def test_the_apps_reminder_in_dunst_starts_the_routine_with_a_click(bus, tmp_path):
    """The real app: its reminder arrives in dunst, and dunst's default action (a click)
    starts the routine, as the popup's Start would."""
    import time

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from desktop import Desktop

    desk = Desktop()
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": bus, "DISPLAY": desk.display,
           "HOME": str(tmp_path), "XDG_RUNTIME_DIR": str(runtime),
           "STRETCHTIMER_HOME": str(tmp_path / "home"), "QT_QPA_PLATFORM": "offscreen"}
    work_all_day(tmp_path / "home")  # in work hours whenever it runs
    dunst = subprocess.Popen(["dunst"], env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    app = subprocess.Popen([sys.executable, "-m", "stretchtimer"], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    log = tmp_path / "home" / "log" / "stretchtimer.log"

    def logged(text, within):
        end = time.monotonic() + within
        while time.monotonic() < end and not (log.exists() and text in log.read_text()):
            time.sleep(0.2)
        return log.exists() and text in log.read_text()

    def command(*args):
        return subprocess.run([sys.executable, "-m", "stretchtimer", *args], env=env,
                              capture_output=True, text=True, timeout=60)

    try:
        assert logged("notification server dunst", 30)
        assert command("--snooze", "1").returncode == 0
        assert logged("reminder due at", 90)
        time.sleep(1)
        subprocess.run(["dunstctl", "action", "0"], env=env, check=True, timeout=10)
        assert logged("routine desk-micro started", 15)
        assert json.loads(command("--status").stdout)["routine"] == "desk-micro"
        command("--quit")
        assert app.wait(timeout=15) == 0
    finally:
        for proc in (app, dunst):
            if proc.poll() is None:
                proc.terminate()
                proc.wait(timeout=10)
        desk.close()


def test_the_bus_going_away_leaves_the_asking_to_the_popup(qtbot, tmp_path):
    daemon = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    address = daemon.stdout.readline().strip()
    fake = server(address)
    notifier = notifier_on(qtbot, address)
    try:
        assert notifier.available
        daemon.terminate()  # a logout's end, a crashed bus
        daemon.wait(timeout=10)
        qtbot.waitUntil(lambda: not notifier.available, timeout=5000)
        spare = [os.open(os.devnull, os.O_RDONLY) for _ in range(8)]  # numbers reused
        try:
            notifier.notify("Time to stand and stretch", "x", [("start", "Start")])
            notifier.close()
        finally:
            for fd in spare:
                os.close(fd)
    finally:
        notifier.shutdown()
        stop(fake)
        daemon.stdout.close()
