"""One instance per user, with real processes: simultaneous launches, and a relaunch
after the first one was killed with -9."""

import contextlib
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

    for lock in (Path(env["XDG_RUNTIME_DIR"]) / "stretchtimer").glob("*.lock"):
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
    from tests.helpers import alive, children, speech_workers

    first = launch(env)
    assert answered(env, first.pid)
    deadline = time.monotonic() + 20
    while not speech_workers(first.pid) and time.monotonic() < deadline:
        time.sleep(0.05)  # the speech worker starts after the first paint
    assert speech_workers(first.pid), "no speech worker came up"
    below = children(first.pid)  # the worker, the resource tracker, whatever they started
    first.send_signal(signal.SIGTERM)
    err = first.communicate(timeout=20)[1]
    assert first.returncode == 0
    assert "Traceback" not in err
    deadline = time.monotonic() + 5
    while any(alive(p) for p in below) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [p for p in below if alive(p)], "the speech worker outlived the app"


def test_the_lock_and_socket_are_private_and_a_forged_lock_is_taken_over(env, tmp_path):
    from pathlib import Path

    folder = Path(env["XDG_RUNTIME_DIR"]) / "stretchtimer"
    folder.mkdir(mode=0o755)  # made by someone careless: it is tightened, not trusted
    code = ("from stretchtimer.platform.single_instance import SingleInstance\n"
            "from PySide6.QtCore import QCoreApplication\n"
            "app = QCoreApplication([])\n"
            "s = SingleInstance()\n"
            "print(s.lock_path)\nprint(s.name)\n")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         timeout=30).stdout.split()
    lock, socket = Path(out[0]), Path(out[1])
    assert lock.parent == socket.parent == folder and socket.is_absolute()
    assert folder.stat().st_mode & 0o777 == 0o700
    # a lock naming a live process that is no stretchtimer (pid 1) keeps nobody out
    lock.write_text("1\nstretchtimer\n" + os.uname().nodename + "\n")
    first = launch(env)
    assert answered(env, first.pid), "a forged lock kept stretchtimer from starting"
    assert socket.exists() and stat_mode(socket) & 0o077 == 0
    # a message far bigger than a command line is refused, and the instance lives on
    import socket as sockets

    with sockets.socket(sockets.AF_UNIX) as raw:
        raw.connect(str(socket))
        raw.sendall(b"[" + b'"x",' * 40000)
        raw.settimeout(5)
        assert raw.recv(10) == b""  # closed on us, no "ok"
    assert wait_forwarded(launch(env)) == (0, True) and first.poll() is None
    first.send_signal(signal.SIGTERM)
    first.communicate(timeout=20)


def stat_mode(path):
    return os.stat(path).st_mode


def _local_user(name):
    """A local user for the squatting test (root can make one), or None."""
    import pwd

    try:
        return pwd.getpwnam(name)
    except KeyError:
        pass
    if os.geteuid() != 0:
        return None
    made = subprocess.run(["useradd", "--system", "--no-create-home", name],
                          capture_output=True)
    return pwd.getpwnam(name) if made.returncode == 0 else None


def _system_python():
    """A Python another user may run (ours may sit in root's home)."""
    return next((p for p in ("/usr/bin/python3", "/usr/local/bin/python3")
                 if os.access(p, os.X_OK)), None)


SQUAT = """import os, select, socket, sys
servers = []
for path in sys.argv[2:]:
    try:
        os.unlink(path)
    except OSError:
        pass
    s = socket.socket(socket.AF_UNIX)
    s.bind(path)
    os.chmod(path, 0o777)
    s.listen(50)
    servers.append(s)
print("ready", flush=True)
while True:
    for s in select.select(servers, [], [])[0]:
        c, _ = s.accept()
        c.settimeout(2)
        try:
            data = c.recv(65536)
        except OSError:
            data = b""
        with open(sys.argv[1], "ab") as f:
            f.write(data + b"\\n")
        c.sendall(b"ok\\n")
        c.close()
"""


def test_another_user_cannot_capture_or_block_launches():
    """A second user listens first where Qt would put a bare socket name (/tmp/<name>):
    this user's launches still find their own instance, and the squatter hears nothing."""
    import hashlib
    import shutil
    import sysconfig
    import tempfile
    from pathlib import Path

    victim, squatter_user = _local_user("st-victim"), _local_user("st-squatter")
    python = _system_python()
    if victim is None or squatter_user is None or python is None:
        pytest.skip("needs root (to make two local users) and a system Python")
    repo = str(Path(__file__).resolve().parents[2])
    site = sysconfig.get_paths()["purelib"]
    home = Path(tempfile.mkdtemp(prefix="st-victim-"))
    heard = Path(tempfile.mkdtemp(prefix="st-squat-")) / "heard"
    try:
        os.chown(home, victim.pw_uid, victim.pw_gid)
        os.chmod(home, 0o700)
        heard.parent.chmod(0o777)
        env = {"PATH": os.environ["PATH"], "PYTHONPATH": f"{site}:{repo}",
               "STRETCHTIMER_HOME": str(home), "XDG_RUNTIME_DIR": str(home),
               "QT_QPA_PLATFORM": "offscreen", "USER": victim.pw_name,
               "LOGNAME": victim.pw_name, "HOME": str(home)}
        probe = subprocess.run([python, "-c", "import PySide6.QtNetwork, stretchtimer.app"],
                               env=env, user=victim.pw_uid, group=victim.pw_gid, cwd="/",
                               capture_output=True, timeout=60)
        if probe.returncode != 0:
            pytest.skip("the other user cannot import this checkout: "
                        + probe.stderr.decode()[-200:])
        user = "".join(c for c in victim.pw_name if c.isalnum())
        name = f"stretchtimer-{user}-{hashlib.sha256(str(home).encode()).hexdigest()[:10]}"
        old = [os.path.join(tempfile.gettempdir(), name)]  # where a bare name would go
        squatter = subprocess.Popen([python, "-c", SQUAT, str(heard), *old],
                                    user=squatter_user.pw_uid, group=squatter_user.pw_gid,
                                    stdout=subprocess.PIPE, text=True, cwd="/",
                                    env={"PATH": os.environ["PATH"]})

        def as_victim(*args):
            return subprocess.Popen([python, "-m", "stretchtimer", *args], env=env, cwd="/",
                                    user=victim.pw_uid, group=victim.pw_gid,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                    text=True)

        try:
            assert squatter.stdout.readline().strip() == "ready"
            first = as_victim()
            deadline = time.monotonic() + 30
            while owner(env) != first.pid and time.monotonic() < deadline:
                time.sleep(0.05)  # it holds the lock: a later launch cannot become it
            forwarded = None
            while time.monotonic() < deadline:
                if first.poll() is not None:
                    break
                forwarded = wait_forwarded(as_victim("--start", "walk-break"))
                if forwarded == (0, True):
                    break
                time.sleep(0.2)
            assert first.poll() is None, first.communicate()[1][-2000:]
            assert forwarded == (0, True)
            first.send_signal(signal.SIGTERM)
            first.communicate(timeout=20)
            assert not heard.exists() or heard.read_bytes().strip() == b"", \
                "a command line reached the other user"
            logged = (home / "log" / "stretchtimer.log").read_text()
            assert "another launch passed on ['--start', 'walk-break']" in logged
        finally:
            squatter.kill()
            squatter.wait()
            squatter.stdout.close()
            for path in old:
                with contextlib.suppress(OSError):
                    os.unlink(path)
    finally:
        shutil.rmtree(home, ignore_errors=True)
        shutil.rmtree(heard.parent, ignore_errors=True)


def test_sigterm_mid_routine_records_it_as_stopped_with_the_seconds_held(env, tmp_path):
    import json
    from pathlib import Path

    from tests.conftest import VALID_ROUTINE

    routine = json.loads(json.dumps(VALID_ROUTINE))
    routine["exercises"][0].update(prepare_s=3, settle_s=0, sides="none", reps=1,
                                   hold_s=60, hold_levels_s=[60])
    routine["exercises"][0]["setup"] = ["Sit."]
    routine["safety"] = ["Stop on pain."]
    folder = Path(env["STRETCHTIMER_HOME"]) / "data" / "routines"
    folder.mkdir(parents=True)
    (folder / "short.json").write_text(json.dumps(routine))
    first = launch(env, "--debug", "--start", "test-routine")  # --debug logs each cue
    assert answered(env, first.pid)
    journal = Path(env["STRETCHTIMER_HOME"]) / "data" / "history.jsonl"
    log = Path(env["STRETCHTIMER_HOME"]) / "log" / "stretchtimer.log"
    deadline = time.monotonic() + 30
    # "And out" falls 5 s into the hold (breathing 4 s in from 1 s in)
    while "cue 'And out'" not in (log.read_text() if log.exists() else "") and \
            time.monotonic() < deadline:
        time.sleep(0.05)
    assert "cue 'And out'" in log.read_text(), "the routine did not reach its hold"
    first.send_signal(signal.SIGTERM)
    first.communicate(timeout=20)
    assert first.returncode == 0
    (session,) = [json.loads(line) for line in journal.read_text().splitlines()
                  if '"session"' in line]
    assert session["completed"] is False and session["routine_id"] == "test-routine"
    assert 5 <= sum(h["seconds"] for h in session["held"]) <= 10  # signalled after 5 s held
