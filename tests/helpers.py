"""Small builders shared by the engine tests."""

import copy
import os
from pathlib import Path

from stretchtimer.core.routine import validate
from tests.conftest import VALID_ROUTINE


def make_routine(**exercise_changes):
    """The test routine with one exercise, changed as asked (a field given as ... is
    left out); fails loudly if invalid."""
    data = copy.deepcopy(VALID_ROUTINE)
    data["exercises"][0].update(exercise_changes)
    for key, value in exercise_changes.items():
        if value is ...:
            del data["exercises"][0][key]
    routine, problems = validate(data)
    assert not problems, problems
    return routine


def run_to_end(machine, clock):
    """Step a started machine deadline by deadline to the end; return every event."""
    events = []
    while (deadline := machine.next_deadline()) is not None:
        clock.advance_to(deadline)
        events += machine.advance()
    return events


def children(pid):
    """Every process below `pid` (from /proc), now."""
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        for task in Path(f"/proc/{parent}/task").glob("*"):
            try:
                kids = [int(k) for k in (task / "children").read_text().split()]
            except OSError:
                continue
            found += kids
            todo += kids
    return found


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split(") ")[-1].startswith("Z"))


def speech_workers(pid):
    """The speech workers below `pid` (voice/engine.py's subprocess; a fork not yet
    exec'd still shows our own command line and is not one yet)."""
    found = []
    for kid in children(pid):
        try:
            cmdline = Path(f"/proc/{kid}/cmdline").read_bytes()
        except OSError:
            continue  # gone already
        if b"stretchtimer.voice.engine" in cmdline or b"--speech-worker" in cmdline:
            found.append(kid)
    return found


def work_all_day(home):
    """A settings file whose work hours are the whole of every day, so a test's reminders
    come whenever it runs (and the first-run welcome, which holds them, was closed)."""
    import json

    config = home / "config"
    config.mkdir(parents=True, exist_ok=True)
    every_day = {d: ["00:00", "23:59"] for d in ("mon", "tue", "wed", "thu", "fri", "sat",
                                                  "sun")}
    (config / "settings.json").write_text(json.dumps(
        {"schema_version": 1, "reminders": {"work_hours": every_day},
         "display": {"welcome_shown": True}}))
