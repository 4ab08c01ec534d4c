"""Scripting a running stretchtimer through the real entry point: --status, pausing,
resuming, snoozing and skipping reminders, and quitting; a clear message and exit code
3 when none runs."""

import json
import os
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.helpers import work_all_day


def run(env, *args):
    return subprocess.run([sys.executable, "-m", "stretchtimer", *args], env=env,
                          capture_output=True, text=True, timeout=60)


@pytest.fixture
def env(tmp_path):
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    return dict(os.environ, STRETCHTIMER_HOME=str(tmp_path / "home"),
                XDG_RUNTIME_DIR=str(runtime), QT_QPA_PLATFORM="offscreen")


@pytest.fixture
def running(env, tmp_path):
    app = launch(env, tmp_path)
    yield app
    if app.poll() is None:
        app.kill()
    app.communicate(timeout=10)


def launch(env, tmp_path, runs=1):
    """The app, once it has set up its reminders (`runs`: its how-manieth launch here)."""
    work_all_day(tmp_path / "home")  # in work hours whenever it runs
    app = subprocess.Popen([sys.executable, "-m", "stretchtimer"], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    log = tmp_path / "home" / "log" / "stretchtimer.log"
    end = time.monotonic() + 30
    while time.monotonic() < end and (not log.exists() or log.read_text().count(
            "calls noticed by") < runs):
        time.sleep(0.1)
    assert log.read_text().count("calls noticed by") >= runs, "no reminders set up"
    return app


def status(env, *command):
    done = run(env, *(command or ("--status",)))
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_every_control_command_against_a_running_instance(env, running):
    first = status(env)
    assert set(first) >= {"next_reminder", "held_by", "routine", "paused_until"}
    assert first["routine"] is None and first["paused_until"] is None
    due = datetime.fromisoformat(first["next_reminder"])  # an ISO time, an hour away
    assert 59 * 60 <= (due - datetime.now().astimezone()).total_seconds() <= 3600 + 5
    paused = status(env, "--pause-reminders", "45m")
    until = datetime.fromisoformat(paused["paused_until"])
    assert 44 * 60 <= (until - datetime.now().astimezone()).total_seconds() <= 45 * 60 + 5
    assert "paused" in paused["held_by"]
    assert status(env, "--resume-reminders")["paused_until"] is None
    snoozed = datetime.fromisoformat(status(env, "--snooze", "7")["next_reminder"])
    assert 6 * 60 <= (snoozed - datetime.now().astimezone()).total_seconds() <= 7 * 60 + 5
    skipped = datetime.fromisoformat(status(env, "--skip")["next_reminder"])
    assert skipped - snoozed >= timedelta(minutes=50)  # an interval from now
    bad = run(env, "--pause-reminders", "for a while")
    assert bad.returncode == 2 and "is not a duration" in bad.stderr
    # the history folder is switched by the running app, whose settings then say so
    assert first["history"] == "local" and first["history_folder"] is None
    synced = Path(env["STRETCHTIMER_HOME"]).parent / "Sync"
    synced.mkdir()
    moved = status(env, "--sync-folder", str(synced))
    assert moved["history"] == "synced" and moved["history_folder"] == str(synced)
    assert (synced / "stretchtimer-history.txt").is_file()
    refused = run(env, "--sync-folder", str(synced / "missing"))
    assert refused.returncode == 1 and "is not a folder here" in refused.stderr
    assert status(env, "--sync-folder", "off")["history"] == "local"
    quit_ = run(env, "--quit")
    assert quit_.returncode == 0
    assert running.wait(timeout=10) == 0
    gone = run(env, "--status")
    assert gone.returncode == 3 and "stretchtimer is not running" in gone.stderr


def test_the_organisations_defaults_file_sets_and_locks_the_interval(env, tmp_path):
    site = tmp_path / "home" / "site"  # /etc/xdg/stretchtimer outside STRETCHTIMER_HOME
    site.mkdir(parents=True)
    (site / "defaults.json").write_text(json.dumps(
        {"reminders": {"interval_min": 45}, "locked": ["reminders.interval_min"]}))
    app = launch(env, tmp_path)
    try:
        due = datetime.fromisoformat(status(env)["next_reminder"])
        assert 44 * 60 <= (due - datetime.now().astimezone()).total_seconds() <= 45 * 60 + 5
    finally:
        run(env, "--quit")
        app.communicate(timeout=10)
    (site / "defaults.json").write_text("{broken")  # reported, never fatal
    app = launch(env, tmp_path, runs=2)
    try:
        due = datetime.fromisoformat(status(env)["next_reminder"])
        assert (due - datetime.now().astimezone()).total_seconds() > 50 * 60  # the app's 60
        log = (tmp_path / "home" / "log" / "stretchtimer.log").read_text()
        assert "defaults.json could not be read" in log
    finally:
        run(env, "--quit")
        app.communicate(timeout=10)


def test_commands_while_the_first_run_welcome_is_open_say_what_they_did(env, tmp_path):
    app = subprocess.Popen([sys.executable, "-m", "stretchtimer"], env=env,  # a fresh home
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        end = time.monotonic() + 30
        state = {}
        while time.monotonic() < end and state.get("held_by") != ["welcome"]:
            done = run(env, "--status")
            state = json.loads(done.stdout) if done.returncode == 0 else {}
            time.sleep(0.2)
        assert state["held_by"] == ["welcome"] and state["next_reminder"] is None
        snoozed = run(env, "--snooze", "5")
        assert snoozed.returncode == 1 and "welcome is open" in snoozed.stderr
        assert status(env, "--pause-reminders", "1h")["held_by"] == ["welcome"]  # kept
    finally:
        run(env, "--quit")
        app.communicate(timeout=10)


def test_a_control_command_with_none_running_says_so_and_starts_nothing(env, tmp_path):
    started = time.monotonic()
    for command in (["--status"], ["--skip"], ["--snooze"], ["--quit"]):
        done = run(env, *command)
        assert done.returncode == 3 and "not running" in done.stderr, command
    assert time.monotonic() - started < 30
    assert not (tmp_path / "home" / "log" / "stretchtimer.log").exists()  # no app started


def test_status_says_call_while_another_app_records_the_microphone(env, tmp_path):
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from audio_rig import PulseNullSink

    with PulseNullSink(tmp_path / "pulse") as pulse:
        assert pulse._pactl("load-module", "module-null-source", "source_name=mic").returncode == 0
        env = dict(env, PULSE_SERVER=pulse.env["PULSE_SERVER"])
        work_all_day(tmp_path / "home")  # (a fresh home would hold them for the welcome)
        app = subprocess.Popen([sys.executable, "-m", "stretchtimer"], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            log = tmp_path / "home" / "log" / "stretchtimer.log"
            end = time.monotonic() + 30
            while time.monotonic() < end and not (log.exists() and "calls noticed by" in
                                                   log.read_text()):
                time.sleep(0.1)
            assert "calls noticed by: a microphone recording (PulseAudio)" in log.read_text()
            assert "call" not in status(env)["held_by"]
            meeting = subprocess.Popen(["parec", "-d", "mic", "--raw"], env=pulse.env,
                                       stdout=subprocess.DEVNULL)
            try:
                end = time.monotonic() + 10
                while time.monotonic() < end and "call" not in status(env)["held_by"]:
                    time.sleep(0.2)
                assert "call" in status(env)["held_by"]
            finally:
                meeting.terminate()
                meeting.wait()
            assert "call" not in status(env)["held_by"]  # it ended
        finally:
            run(env, "--quit")
            app.communicate(timeout=10)
