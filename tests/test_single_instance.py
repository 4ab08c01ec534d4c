"""One instance per user, with real processes: simultaneous launches, and a relaunch
after the first one was killed with -9."""

import os
import signal
import subprocess
import sys
import time

import pytest


@pytest.fixture
def env(tmp_path):
    return dict(os.environ, STRETCHTIMER_HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen",
                XDG_RUNTIME_DIR=str(tmp_path))


def launch(env, *args):
    return subprocess.Popen([sys.executable, "-m", "stretchtimer", *args], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def wait_forwarded(proc, timeout=20):
    out = proc.communicate(timeout=timeout)[1]
    return proc.returncode, "already running" in out


def test_twenty_launches_at_once_leave_one_instance_and_nineteen_forwards(env):
    procs = [launch(env, "--start", "walk-break") for _ in range(20)]
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and sum(p.poll() is None for p in procs) > 1:
        time.sleep(0.1)
    running = [p for p in procs if p.poll() is None]
    assert len(running) == 1, f"{len(running)} instances running"
    finished = [p for p in procs if p is not running[0]]
    results = [wait_forwarded(p) for p in finished]
    assert results == [(0, True)] * 19
    primary = running[0]
    primary.send_signal(signal.SIGTERM)
    primary.communicate(timeout=20)
    from pathlib import Path

    logged = (Path(env["STRETCHTIMER_HOME"]) / "log" / "stretchtimer.log").read_text()
    assert logged.count("another launch passed on ['--start', 'walk-break']") == 19


def owner(env):
    """The PID written in the instance lock file (QLockFile's first line), if any."""
    from pathlib import Path

    for lock in Path(env["XDG_RUNTIME_DIR"]).glob("stretchtimer-*.lock"):
        try:
            return int(lock.read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return None
    return None


def answered(env, pid, timeout=20):
    """Once process `pid` holds the lock, launch until one launch is forwarded: it is up
    and listening. (Before it holds the lock, a probe could become the instance.)"""
    deadline = time.monotonic() + timeout
    while owner(env) != pid and time.monotonic() < deadline:
        time.sleep(0.02)
    while time.monotonic() < deadline:
        if wait_forwarded(launch(env)) == (0, True):
            return True
    return False


def test_a_relaunch_after_kill_9_takes_over_within_2_s(env):
    first = launch(env)
    assert answered(env, first.pid) and first.poll() is None  # the first one is the instance
    first.send_signal(signal.SIGKILL)
    first.communicate()
    started = time.monotonic()
    again = launch(env)
    assert answered(env, again.pid, timeout=10)  # it took over the stale lock and answers
    took = time.monotonic() - started
    assert again.poll() is None, "the relaunch did not become the instance"
    again.send_signal(signal.SIGTERM)
    again.communicate(timeout=20)
    assert took < 2.0 + 1.5  # taken over within 2 s (plus the probe's own start-up)


def test_sigterm_quits_cleanly_and_stops_the_speech_worker(env):
    first = launch(env)
    assert answered(env, first.pid)
    time.sleep(1.0)  # the speech worker starts after the first paint
    first.send_signal(signal.SIGTERM)
    err = first.communicate(timeout=20)[1]
    assert first.returncode == 0
    assert "Traceback" not in err
