"""The routine picker: default, filters, search, preview, and starting from it."""

import json

from PySide6.QtCore import Qt

from stretchtimer.core.routine import load_library
from stretchtimer.storage.routines import builtin_sources
from stretchtimer.ui.routine_picker import ROUTINE_ROLE
from tests.conftest import BUILTINS, VALID_ROUTINE
from tests.ui_helpers import WindowRig


def shown_ids(picker):
    return [picker.proxy.index(r, 0).data(ROUTINE_ROLE).id for r in range(picker.proxy.rowCount())]


def choose(combo, data):
    combo.setCurrentIndex(combo.findData(data))


def test_desk_micro_break_is_preselected_and_previewed(rig):
    picker = rig.window.picker
    assert picker.current_routine().id == "desk-micro"
    preview = picker.preview
    assert preview.title.text() == "Desk micro-break"
    assert preview.facts.text().startswith("3:") and "standing" in preview.facts.text()
    details = preview.details.text()
    assert "Standing hamstring stretch" in details and "1 × 20 s each side" in details
    assert "Three slow breaths" in details and "1 × 30 s" in details
    assert "tingling" in details  # the safety lines


def test_every_routine_is_listed(rig):
    assert len(shown_ids(rig.window.picker)) == len(rig.app.library.routines) == BUILTINS


def test_filter_by_position_and_equipment_and_search(rig, qtbot):
    picker = rig.window.picker
    choose(picker.position, "floor")
    assert sorted(shown_ids(picker)) == ["evening-floor", "step-band-hamstrings",
                                         "towel-hamstring-beginner"]
    choose(picker.position, "")
    choose(picker.equipment, "\x00none")
    assert sorted(shown_ids(picker)) == ["desk-micro", "walk-break"]
    choose(picker.equipment, "towel")
    assert shown_ids(picker) == ["towel-hamstring-beginner"]
    assert picker.current_routine().id == "towel-hamstring-beginner"  # follows the filter
    choose(picker.equipment, "")
    qtbot.keyClicks(picker.search, "hip flexor")
    assert sorted(shown_ids(picker)) == ["desk-micro", "evening-floor"]
    picker.search.clear()
    qtbot.keyClicks(picker.search, "zumba")
    assert shown_ids(picker) == []
    assert picker.preview.title.text() == "No routine matches"
    assert not picker.preview.start.isEnabled()


def test_search_then_enter_starts_the_match(rig, qtbot):
    picker = rig.window.picker
    qtbot.keyClick(picker, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert picker.search.hasFocus()
    qtbot.keyClicks(picker.search, "walk")
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert rig.window.pages.currentWidget() is rig.timer
    assert rig.driver.plan.routine.id == "walk-break"


def test_start_button_starts_the_previewed_routine(rig, qtbot):
    picker = rig.window.picker
    picker.select("foot-roll")
    qtbot.mouseClick(picker.preview.start, Qt.MouseButton.LeftButton)
    assert rig.driver.plan.routine.id == "foot-roll"
    assert rig.timer.exercise.text() == "Ball roll under the foot"


def test_a_broken_user_routine_is_named_in_the_status_bar(qtbot, tmp_path):
    sources = list(builtin_sources())
    bad = json.dumps(dict(VALID_ROUTINE, position="upside-down")).encode()
    sources.append(("/home/me/routines/physio.json", "user", lambda: bad))
    rig = WindowRig(qtbot, load_library(sources))
    message = rig.window.statusBar().currentMessage()
    assert "physio.json" in message and "--validate" in message
    assert len(rig.app.library.routines) == BUILTINS  # the rest still loaded


def test_typing_in_the_list_searches(rig, qtbot):
    picker = rig.window.picker
    assert picker.list.hasFocus()
    qtbot.keyClicks(picker.list, "beginner")
    assert picker.search.text() == "beginner" and picker.search.hasFocus()
    assert shown_ids(picker) == ["towel-hamstring-beginner"]
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert rig.driver.plan.routine.id == "towel-hamstring-beginner"


def test_a_typed_name_beats_a_match_elsewhere(rig, qtbot):
    picker = rig.window.picker
    qtbot.keyClicks(picker.list, "chair")  # Breathe and stabilise also needs a chair
    assert sorted(shown_ids(picker)) == ["breathe-stabilise", "chair-hamstrings"]
    assert picker.current_routine().id == "chair-hamstrings"
