"""The routine editor in the app: a routine built from scratch with the keyboard,
saved, picked and run on a FakeClock; editing and reordering with the duration following;
every validation rule's message; import by menu and by drag and drop."""

import copy
import json
import re

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from stretchtimer.controller import Controller
from stretchtimer.core.clock import FakeClock
from stretchtimer.core.routine import to_data, validate
from stretchtimer.core.session import State
from stretchtimer.storage.routines import load_routines
from stretchtimer.ui.routine_editor import RoutineEditor


@pytest.fixture
def folder(tmp_path):
    return tmp_path / "routines"


@pytest.fixture
def app(qtbot, folder):
    app = Controller(load_routines(folder), FakeClock(), routines_folder=folder)
    w = app.window
    qtbot.addWidget(w)
    w.resize(1100, 720)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()  # as the app manager does on launch
    qtbot.waitUntil(w.isActiveWindow)
    yield app
    app.driver.stop()


def editor_of(qtbot) -> RoutineEditor:
    editors = [w for w in QApplication.topLevelWidgets()
               if isinstance(w, RoutineEditor) and w.isVisible()]
    assert len(editors) == 1
    qtbot.waitUntil(editors[0].isActiveWindow)  # it has the keyboard
    return editors[0]


def type_into(qtbot, widget, text):
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    """A key press where the keyboard is: the focused widget."""
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def tab_to(qtbot, widget, limit=80):
    """Tab through the dialog until `widget` has the keyboard (as a keyboard user would)."""
    for _ in range(limit):
        if QApplication.focusWidget() is widget:
            return
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reaches {widget.text() if hasattr(widget, 'text') else widget}")


def add_exercise(qtbot, ed, name, setup, hold):
    tab_to(qtbot, ed.add)
    press(qtbot, Qt.Key.Key_Space)
    assert ed.form.name.hasFocus()
    qtbot.keyClicks(ed.form.name, name)
    type_into(qtbot, ed.form.setup, setup)
    ed.form.spins["hold_s"].setFocus()
    ed.form.spins["hold_s"].selectAll()
    qtbot.keyClicks(ed.form.spins["hold_s"], str(hold))


def test_a_physio_routine_from_scratch_with_the_keyboard_saved_picked_and_run(qtbot, app,
                                                                              folder):
    qtbot.keyClick(app.window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    ed = editor_of(qtbot)
    assert ed.name.hasFocus() and not ed.save.isEnabled()
    assert "name: expected text of 1 to 60 characters" in ed.problems_label.text()
    qtbot.keyClicks(ed.name, "Physio: knee and calf")
    type_into(qtbot, ed.summary, "Seated and standing, as shown in clinic.")
    add_exercise(qtbot, ed, "Calf stretch", "Hands on the wall, right leg back.", 30)
    add_exercise(qtbot, ed, "Seated knee extension", "Sit tall; straighten the right knee.", 10)
    ed.form.sides.setFocus()
    qtbot.keyClick(ed.form.sides, Qt.Key.Key_Down)  # "Both sides at once"
    ed.form.spins["reps"].setFocus()
    ed.form.spins["reps"].selectAll()
    qtbot.keyClicks(ed.form.spins["reps"], "3")
    add_exercise(qtbot, ed, "Towel hamstring stretch", "Lie down, towel round the right foot.",
                 20)
    assert ed.list.count() == 3 and ed.save.isEnabled(), ed.problems
    total = ed.total.text()
    assert total.startswith("Total: ") and "\u2014" not in total
    assert "Calf stretch" in ed.timeline.toPlainText()
    tab_to(qtbot, ed.save)
    press(qtbot, Qt.Key.Key_Space)
    assert not ed.isVisible()

    saved = folder / "physio-knee-and-calf.json"
    data = json.loads(saved.read_text())
    assert [e["name"] for e in data["exercises"]] == [
        "Calf stretch", "Seated knee extension", "Towel hamstring stretch"]
    assert data["exercises"][1]["sides"] == "both" and data["exercises"][1]["reps"] == 3
    assert any("tingling" in line for line in data["safety"])  # new routines start safe
    routine = app.window.picker.current_routine()
    assert routine.id == "physio-knee-and-calf" and routine.file == saved
    assert app.window.picker.edit.isEnabled() and app.window.picker.delete.isEnabled()

    app.start_routine(routine)  # and it runs, start to finish, on the fake clock
    machine = app.driver.machine
    app.clock.advance_to(machine.monotonic_at(machine.end))
    app.driver.catch_up()
    assert app.driver.state == State.FINISHED


def test_edit_and_reorder_and_the_duration_follows(qtbot, app, folder):
    app.window.picker.select("desk-micro")
    app.window.picker.edit.click()  # a built-in: its copy is edited, never the original
    ed = editor_of(qtbot)
    assert ed.name.text() == "Desk micro-break (mine)"
    first = [ed.list.item(i).text() for i in range(ed.list.count())]
    before = ed.total.text()
    ed.list.setCurrentRow(0)
    ed.list.setFocus()
    qtbot.keyClick(ed.list, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert [ed.list.item(i).text() for i in range(ed.list.count())] == \
        [first[1], first[0], *first[2:]]
    assert [e["name"] for e in ed.data["exercises"]] == [first[1], first[0], *first[2:]]
    ed.list.setCurrentRow(1)
    ed.form.spins["reps"].setValue(3)
    after = ed.total.text()
    assert after != before
    ed.save.click()
    mine = app.window.picker.current_routine()
    assert mine.id != "desk-micro" and [e.name for e in mine.exercises][:2] == first[1::-1]
    assert load_routines(None).get("desk-micro") == app.library.get("desk-micro")

    app.window.picker.edit.click()  # now their own: edited in place, same id and file
    ed = editor_of(qtbot)
    ed.list.setCurrentRow(0)
    ed.remove.click()
    ed.save.click()
    again = app.library.get(mine.id)
    assert len(again.exercises) == len(mine.exercises) - 1
    assert len(list(folder.glob("*.json"))) == 1


def test_a_drag_reorders_the_data_too(qtbot, app):
    app.window.picker.select("chair-hamstrings")
    ed = app.routines.duplicate(app.window.picker.current_routine())
    names = [e["name"] for e in ed.data["exercises"]]
    model = ed.list.model()
    model.moveRow(model.index(0, 0).parent(), 0, model.index(0, 0).parent(), len(names))
    assert [e["name"] for e in ed.data["exercises"]] == [*names[1:], names[0]]


BREAKS = [  # how a user (or an imported draft) can get it wrong -> the rule's field
    (lambda d: d.update(name=""), "name"),
    (lambda d: d.update(name="x" * 61), "name"),
    (lambda d: d.update(summary=""), "summary"),
    (lambda d: d.update(position="lying"), "position"),
    (lambda d: d.update(exercises=[]), "exercises"),
    (lambda d: d.update(equipment=["y" * 41]), "equipment"),
    (lambda d: d.update(tags=["t"] * 21), "tags"),
    (lambda d: d.update(safety=["s" * 301]), "safety"),
    (lambda d: d["exercises"][0].update(name=""), "exercises[0].name"),
    (lambda d: d["exercises"][0].update(setup=[]), "exercises[0].setup"),
    (lambda d: d["exercises"][0].update(setup=["z" * 201]), "exercises[0].setup"),
    (lambda d: d["exercises"][0].update(muscles=["m" * 41]), "exercises[0].muscles"),
    (lambda d: d["exercises"][0].update(cues=["c" * 201]), "exercises[0].cues"),
    (lambda d: d["exercises"][0].update(sides="up"), "exercises[0].sides"),
    (lambda d: d["exercises"][0].update(reps=11), "exercises[0].reps"),
    (lambda d: d["exercises"][0].update(hold_s=4), "exercises[0].hold_s"),
    (lambda d: d["exercises"][0].update(hold_s=25, hold_levels_s=[20, 30]), "exercises[0].hold_s"),
    (lambda d: d["exercises"][0].update(rest_s=121), "exercises[0].rest_s"),
    (lambda d: d["exercises"][0].update(prepare_s=2), "exercises[0].prepare_s"),
    (lambda d: d["exercises"][0].update(switch_s=1), "exercises[0].switch_s"),
    (lambda d: d["exercises"][0].update(breathing={"in_s": 1, "out_s": 6}),
     "exercises[0].breathing.in_s"),
    (lambda d: d["exercises"][0].update(breathing={"in_s": 4, "out_s": 13}),
     "exercises[0].breathing.out_s"),
    (lambda d: d["exercises"][0].update(source=7), "exercises[0].source"),
    (lambda d: d["exercises"][0].update(switch_setup=["Your {knee} now."]),
     "exercises[0].switch_setup"),
    (lambda d: d["exercises"][0].update(settle_s=40), "exercises[0].settle_s"),
    (lambda d: d["exercises"][0].update(start_cue=""), "exercises[0].start_cue"),
    (lambda d: d["exercises"][0].update(side_order="random"), "exercises[0].side_order"),
    (lambda d: d["exercises"][0].update(hold_levels_s=[30, 20]), "exercises[0].hold_levels_s"),
    (lambda d: d["exercises"].append(copy.deepcopy(d["exercises"][0])), "exercises[*].id"),
    (lambda d: d["exercises"][0].update(colour="red"), "exercises[0].colour"),
]


@pytest.mark.parametrize("breaks, where", BREAKS)
def test_every_validation_rule_shows_its_message_and_blocks_saving(qtbot, app, breaks,
                                                                   where):
    ed = app.routines.duplicate(app.library.get("chair-hamstrings"))
    assert ed.save.isEnabled()
    breaks(ed.data)
    ed.revalidate()
    expected = [str(p) for p in validate(ed.compose())[1]]  # what --validate says
    pattern = re.escape(where).replace(r"\[\*\]", r"\[\d+\]") + ":"
    assert expected and any(re.match(pattern, p) for p in expected), expected
    assert ed.problems == expected
    for message in expected:
        assert message.replace("'", "&#x27;").replace('"', "&quot;") in \
            ed.problems_label.text() or message in ed.problems_label.text()
    assert not ed.save.isEnabled() and "Fix" in ed.save.toolTip()
    ed.reject()


def test_import_by_menu_path_and_by_drop_never_overwrites(qtbot, app, folder, tmp_path):
    shared = tmp_path / "desk.json"
    shared.write_text(json.dumps(to_data(app.library.get("desk-micro"))))
    said = app.routines.import_files([shared])
    assert "desk-micro-2" in " ".join(said) and app.window.picker.current_routine().id == "desk-micro-2"
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(shared))])
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    app.window.dropEvent(drop)
    assert app.library.get("desk-micro-3") is not None
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (2 * 1024 * 1024))
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    app.routines.import_files([big])
    assert "Not imported" in app.window.notice.text() and "1 MB" in app.window.notice.text()
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_delete_asks_and_keeps_the_file_aside(qtbot, app, folder, monkeypatch):
    ed = app.routines.duplicate(app.library.get("walk-break"))
    ed.save.click()
    mine = app.window.picker.current_routine()
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert app.routines.delete(mine)
    assert app.library.get(mine.id) is None
    assert len(list((folder / "deleted").glob("*.json"))) == 1
    assert not app.routines.delete(app.library.get("walk-break"))  # built-in


def test_try_this_exercise_speaks_its_cues_with_the_users_voice(qtbot, app):
    said = []

    class Service:
        def say(self, text, voice, rate, volume):
            said.append((text, rate))

    class Player:  # the real CuePlayer/SpeechService path is tested in test_ui_voice.py
        speech_available = True
        service = Service()
        settings = app.settings.voice

        def attach(self, driver):
            pass

        def interrupt(self):
            pass

    app.voice = Player()
    ed = app.routines.duplicate(app.library.get("desk-micro"))
    assert ed.try_it.isEnabled()
    ed.try_it.click()
    text, rate = said[0]
    assert text.startswith("Standing hamstring stretch. Stand side-on") and "Release." in text
    assert rate == app.settings.voice.rate_wpm


def test_an_edit_goes_back_to_its_own_file_and_starts_from_what_is_on_disk(qtbot, app,
                                                                          folder):
    folder.mkdir()
    data = to_data(app.library.get("walk-break"))
    data.update(id="my-walk", name="My walk")
    own = folder / "walk from my physio.json"  # any file name, as users drop them in
    own.write_text(json.dumps(data))
    app.routines.reload("my-walk")
    data["name"] = "My walk, changed by hand"  # after it was loaded
    own.write_text(json.dumps(data))
    ed = app.routines.edit(app.library.get("my-walk"))
    assert ed.name.text() == "My walk, changed by hand"
    ed.summary.setText("Now with a note.")
    ed.summary.textEdited.emit("Now with a note.")
    ed.save.click()
    assert [p.name for p in folder.glob("*.json")] == [own.name]  # no second file
    assert json.loads(own.read_text())["summary"] == "Now with a note."


def test_a_new_exercise_never_takes_an_id_further_down(qtbot, app):
    ed = app.routines.duplicate(app.library.get("desk-micro"))
    ed.add.click()
    ed.form.name.setText("Standing hamstring stretch")
    ed.form.name.textEdited.emit("Standing hamstring stretch")
    ed.form.setup.setPlainText("Stand tall.")
    for _ in range(ed.list.count()):
        ed._move(-1)  # to the top
    ids = [e["id"] for e in ed.compose()["exercises"]]
    assert len(set(ids)) == len(ids) and ed.save.isEnabled(), ed.problems


def test_removing_a_translated_exercise_still_saves(qtbot, app, folder):
    data = to_data(app.library.get("desk-micro"))
    data.update(id="my-desk", name="My desk")
    folder.mkdir()
    (folder / "my-desk.json").write_text(json.dumps(data))
    app.routines.reload("my-desk")
    ed = app.routines.edit(app.library.get("my-desk"))
    ed.list.setCurrentRow(0)
    ed.remove.click()
    assert ed.save.isEnabled(), ed.problems
    ed.save.click()
    saved = json.loads((folder / "my-desk.json").read_text())
    assert "standing-hamstring" not in saved["translations"]["de"]["exercises"]


def test_export_writes_the_files_own_texts_even_in_german(qtbot, folder, tmp_path):
    from stretchtimer.ui import i18n

    app = QApplication.instance()
    i18n.install(app, "de")
    try:
        german_app = Controller(load_routines(folder, "de"), FakeClock(), routines_folder=folder)
        german = german_app.window
        qtbot.addWidget(german)
        shown = german_app.library.get("desk-micro")
        assert shown.name == "Schreibtisch-Pause"
        out = tmp_path / "desk.json"
        german_app.routines.export(german_app.routines.original(shown), out)
        exported = json.loads(out.read_text())
        assert exported["name"] == "Desk micro-break" and "de" in exported["translations"]
    finally:
        i18n.install(app, "en")


def test_a_routine_added_from_outside_appears_without_a_restart(qtbot, app, folder):
    app.routines.watch()  # as after the first paint
    data = to_data(app.library.get("walk-break"))
    data.update(id="from-outside", name="From outside")
    (folder / "from-outside.json").write_text(json.dumps(data))  # e.g. stretchtimer --import
    qtbot.waitUntil(lambda: app.library.get("from-outside") is not None, timeout=5000)
    assert app.window.picker.model.findItems("From outside")  # the picker shows it


def test_the_guidance_fields_are_edited_and_a_cue_that_cannot_be_heard_is_warned_of(qtbot,
                                                                                   app):
    ed = app.routines.edit(None)
    qtbot.keyClicks(ed.name, "Calf routine")
    qtbot.keyClicks(ed.summary, "Standing calves.")
    qtbot.mouseClick(ed.add, Qt.MouseButton.LeftButton)
    form = ed.form
    qtbot.keyClicks(form.name, "Wall calf stretch")
    form.setup.setPlainText("Face a wall, hands on it.\nStep your right foot back, heel down.")
    form.side_label.setCurrentIndex(form.side_label.findData("leg"))
    form.switch_setup.setPlainText("Bring your {other} foot forward and step the {side} one back.")
    form.safety_cues.setPlainText("Ease off if it pulls hard.")
    form.spins["settle_s"].setValue(6)
    form.countdown.setChecked(False)
    ex = ed.data["exercises"][0]
    assert ex["side_label"] == "leg" and ex["settle_s"] == 6 and ex["countdown"] is False
    assert ex["switch_setup"] == ["Bring your {other} foot forward and step the {side} one back."]
    assert "source" not in ex  # optional: a user's routine needs none
    assert ed.save.isEnabled(), ed.problems
    assert "Now the left leg" in ed.timeline.toPlainText()
    assert "Bring your right foot forward and step the left one back." in \
        ed.timeline.toPlainText()
    assert ed.warnings == [] and not ed.warnings_label.isVisibleTo(ed)
    form.cues.setPlainText("Keep the back heel pressed down and the back knee straight while "
                           "you lean your hips toward the wall, slowly and without any hurry.")
    assert ed.save.isEnabled()  # a warning, not a problem
    assert any("never said" in w for w in ed.warnings), ed.warnings
    assert ed.warnings_label.isVisibleTo(ed) and "never said" in ed.warnings_label.text()
    form.halfway.setChecked(False)
    form.countdown.setChecked(True)
    assert ed.data["exercises"][0]["halfway"] is False and "countdown" not in ed.data["exercises"][0]
    ed.reject()


def test_the_sides_choice_names_the_side_a_routine_starts_with():
    from stretchtimer.core.plan import FIRST_SIDE, SECOND_SIDE
    from stretchtimer.ui.routine_editor import side_words

    first, then = side_words()["left_right"].lower().split(", then ")
    assert (first, then) == (FIRST_SIDE.value, SECOND_SIDE.value)
