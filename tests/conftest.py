"""Shared by the three floors of tests, each marked by its folder: tests/unit (no Qt,
seconds: `pytest -m unit`), tests/widgets (pytest-qt, offscreen) and tests/e2e (real
processes, displays, audio, D-Bus, the bundle). Hypothesis tests are also marked
`properties`: `pytest -m "unit and not properties"` is the few-second loop."""

import copy
import os
import sys
from pathlib import Path

import pytest

# Widget tests draw offscreen unless a real (or Xvfb) display is asked for explicitly.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never the desktop's own session bus (a routine in a test must not pause the music of
# whoever runs the tests): tests that need D-Bus start a private daemon of their own.
os.environ["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=/nonexistent/stretchtimer-tests-bus"

from stretchtimer.core.clock import FakeClock  # noqa: E402

# How many routines ship (assets/routines), for tests that list them all.
BUILTINS = len(list((Path(__file__).parent.parent / "assets" / "routines").glob("*.json")))

VALID_EXERCISE = {
    "id": "seated-hamstring",
    "name": "Seated hamstring stretch",
    "muscles": ["hamstrings"],
    "setup": ["Sit on the front edge of a chair.", "Straighten one leg."],
    "cues": ["Hinge from the hips."],
    "sides": "left_right",
    "side_order": "block",
    "reps": 2,
    "hold_s": 30,
    "hold_levels_s": [20, 30],
    "rest_s": 10,
    "prepare_s": 10,
    "switch_s": 6,
    "breathing": {"in_s": 4, "out_s": 6},
    "source": "seed 002",
}

VALID_ROUTINE = {
    "schema_version": 1,
    "id": "test-routine",
    "name": "Test routine",
    "summary": "A routine for tests.",
    "position": "seated",
    "equipment": ["chair"],
    "tags": ["test"],
    "safety": ["Stop on tingling or numbness."],
    "exercises": [VALID_EXERCISE],
}


FLOORS = ("unit", "widgets", "e2e")


def pytest_collection_modifyitems(items):
    for item in items:
        floor = Path(str(item.fspath)).parent.name
        if floor in FLOORS:
            item.add_marker(getattr(pytest.mark, floor))
        if getattr(getattr(item, "obj", None), "is_hypothesis_test", False):
            item.add_marker(pytest.mark.properties)


@pytest.fixture(autouse=True)
def no_guarded_failures():
    """ui/guard.py keeps the app alive when a Qt override fails; in a test that is a
    failure all the same, unless the test takes the reports itself (guard.failures).
    Only where Qt is loaded already: the unit tests never import it."""
    guard = sys.modules.get("stretchtimer.ui.guard")
    if guard is not None:
        guard.failures.clear()
    yield
    guard = sys.modules.get("stretchtimer.ui.guard")
    if guard is not None:
        assert guard.failures == [], guard.failures


@pytest.fixture
def routine_data():
    """A fresh, valid routine dict that a test may change."""
    return copy.deepcopy(VALID_ROUTINE)


@pytest.fixture
def clock():
    return FakeClock()
