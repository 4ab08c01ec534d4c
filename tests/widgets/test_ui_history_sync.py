"""Settings > History: keeping the history in a synced folder, from the window (issue
19). The folder is one the test makes; tests/e2e/test_syncthing.py syncs real ones."""

import json
import os

from stretchtimer.app import build_app
from stretchtimer.core.clock import FakeClock
from stretchtimer.storage.history_files import MARKER
from stretchtimer.storage.journal import Journal
from stretchtimer.storage.paths import Paths
from stretchtimer.storage.synced_journals import journal_files


def session(day):
    return {"type": "session", "routine_id": "desk-micro", "routine_name": "Desk micro-break",
            "started": f"{day}T10:00:00+01:00", "ended": f"{day}T10:03:00+01:00",
            "completed": True, "held": []}


def open_app(qtbot, tmp_path):
    app = build_app(Paths.under(tmp_path / "home"), FakeClock())
    qtbot.addWidget(app.window)
    app.window.show()
    qtbot.waitExposed(app.window)
    return app


def test_turning_it_on_and_off_in_settings(qtbot, tmp_path):
    paths = Paths.under(tmp_path / "home")
    Journal(paths.journal).append(session("2026-11-30"))
    folder = tmp_path / "Sync"
    folder.mkdir()
    Journal(folder / "history-laptop-0badcafe.jsonl").append(session("2026-11-29"))
    app = open_app(qtbot, tmp_path)
    page = app.show_settings("History").history
    assert page.status.text() == "Your history is kept on this computer only."
    with qtbot.waitSignal(app.history_folder_switched):
        page.use_folder(str(folder))  # copied on a thread
        assert page.status.text().startswith("Copying your history into ")
        assert not page.synced.isEnabled()
    saved = json.loads(paths.settings_file.read_text())
    assert saved["history"]["sync_folder"] == str(folder)
    assert page.synced.isChecked() and page.folder.text() == str(folder)
    assert "with the history of 2 computers" in page.status.text()
    assert (folder / MARKER).is_file() and len(journal_files(folder)) == 2
    assert app.history.load().total == 2  # this computer's and the laptop's
    app.start_routine(app.library.get("walk-break"))
    app.driver.stop()
    own = [p for p in journal_files(folder) if "laptop" not in p.name]
    assert len(Journal(own[0]).load().records) == 2  # the copy and the new session
    with qtbot.waitSignal(app.history_folder_switched):
        page.synced.setChecked(False)  # off: a copy of everything stays here
    assert json.loads(paths.settings_file.read_text())["history"]["sync_folder"] == ""
    assert app.history.load().total == 3
    assert {r["started"][:10] for r in Journal(paths.journal).load().records
            if r["type"] == "session"} >= {"2026-11-29", "2026-11-30"}


def test_a_folder_that_cannot_be_used_is_said_and_nothing_changes(qtbot, tmp_path):
    app = open_app(qtbot, tmp_path)
    page = app.show_settings("History").history
    with qtbot.waitSignal(app.history_folder_switched):
        page.use_folder(str(tmp_path / "not-mounted"))
    assert page.status.text().startswith("Not changed: ") and "is not a folder" in \
        page.status.text()
    assert not page.synced.isChecked() and app.settings.history.sync_folder == ""


def test_the_folder_going_away_is_told_once_and_its_return_too(qtbot, tmp_path):
    folder = tmp_path / "Sync"
    folder.mkdir()
    app = open_app(qtbot, tmp_path)
    app.set_sync_folder(folder)
    shown = []
    app.window.show_notice = shown.append
    (folder / MARKER).rename(tmp_path / "marker")  # as an unmounted drive's empty folder
    app.start_routine(app.library.get("walk-break"))
    app.driver.stop()
    app.history.load()
    assert len(shown) == 1 and "is not there" in shown[0]
    assert app.history_state() == ("away", 1)
    (tmp_path / "marker").rename(folder / MARKER)
    assert app.history.load().total == 1
    assert len(shown) == 2 and "is back: 1 record" in shown[1]


def routine_file(folder, rid, name, file_name=None):
    from dataclasses import replace

    from stretchtimer.storage.routines import load_routines
    from stretchtimer.storage.user_routines import routine_bytes

    routine = replace(load_routines(None).get("walk-break"), id=rid, name=name)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (file_name or f"{rid}.json")
    path.write_bytes(routine_bytes(routine))
    return path


def test_my_routines_go_with_the_history_and_a_clash_keeps_both(qtbot, tmp_path):
    paths = Paths.under(tmp_path / "home")
    routine_file(paths.user_routines, "office-walk", "Office walk")
    folder = tmp_path / "Sync"
    routine_file(folder / "routines", "home-walk", "Home walk")  # made on the other computer
    app = open_app(qtbot, tmp_path)
    app.routines.watch()
    shown = []
    app.window.show_notice = shown.append
    page = app.show_settings("History").history
    with qtbot.waitSignal(app.history_folder_switched):
        page.use_folder(str(folder))
    page.routines.setChecked(True)
    assert app.routines.routines_folder == folder / "routines"
    assert {"office-walk", "home-walk"} <= set(app.library.routines)
    assert (folder / "routines" / "office-walk.json").is_file()
    assert (paths.user_routines / "office-walk.json").is_file()  # the original stays
    # the laptop edited "Office walk" too, and Syncthing kept its version as a copy
    routine_file(folder / "routines", "office-walk", "Office walk (laptop)",
                 "office-walk.sync-conflict-20261201-101010-ABCDEFG.json")
    app.routines.reload()
    assert "1 other version is kept in" in shown[-1]
    assert len(list((folder / "routines" / "kept-aside").glob("*.json"))) == 1
    assert app.library.get("office-walk").name == "Office walk"
    assert not app.library.errors
    page.routines.setChecked(False)  # back on this computer, with the one made at home
    assert app.routines.routines_folder == paths.user_routines
    assert (paths.user_routines / "home-walk.json").is_file()
    assert "home-walk" in app.library.routines


def test_an_edit_saved_over_another_computers_edit_keeps_that_version(qtbot, tmp_path):
    paths = Paths.under(tmp_path / "home")
    path = routine_file(paths.user_routines, "office-walk", "Office walk")
    app = open_app(qtbot, tmp_path)
    shown = []
    app.window.show_notice = shown.append
    editor = app.routines.edit(app.library.get("office-walk"))
    routine_file(paths.user_routines, "office-walk", "Office walk (laptop)")
    os.utime(path, (2_000_000_000, 2_000_000_000))  # synced in while the editor was open
    editor.name.setText("Office walk, mine")
    editor.name.textEdited.emit("Office walk, mine")
    editor.save.click()
    assert "the other version is kept in" in shown[-1]
    (kept,) = (paths.user_routines / "kept-aside").glob("*.json")
    assert json.loads(kept.read_text())["name"] == "Office walk (laptop)"
    assert json.loads(path.read_text())["name"] == "Office walk, mine"


def test_a_session_recorded_while_the_history_is_copied_goes_along(qtbot, tmp_path):
    from stretchtimer.storage.history_files import switch_folder

    paths = Paths.under(tmp_path / "home")
    Journal(paths.journal).append(session("2026-11-30"))
    folder = tmp_path / "Sync"
    folder.mkdir()
    app = open_app(qtbot, tmp_path)
    copied, read = switch_folder(paths, None, folder)  # what the thread does
    meanwhile = app.history_files.append(session("2026-12-01"))  # a routine ended then
    with qtbot.waitSignal(app.history_folder_switched) as done:
        app._on_switch_done(folder, copied, "", read)
    assert done.args == [2, ""]
    (own,) = journal_files(folder)
    assert meanwhile in {r["id"] for r in Journal(own).load().records}


def test_a_folder_set_in_the_settings_file_is_set_up_once_it_is_there(qtbot, tmp_path):
    """As the organisation's defaults.json or a hand-edited settings.json would set it."""
    paths = Paths.under(tmp_path / "home")
    Journal(paths.journal).append(session("2026-11-30"))
    folder = tmp_path / "Sync"
    folder.mkdir()
    paths.config.mkdir(parents=True)
    paths.settings_file.write_text(json.dumps({"schema_version": 1,
                                               "history": {"sync_folder": str(folder)}}))
    app = open_app(qtbot, tmp_path)
    shown = []
    app.window.show_notice = shown.append
    with qtbot.waitSignal(app.history_folder_switched) as done:
        app.set_up_configured_folder()
    assert done.args == [1, ""] and app.history_state() == ("synced", 1)
    assert (folder / MARKER).is_file() and len(journal_files(folder)) == 1
    assert not [s for s in shown if "not there" in s]
    with qtbot.assertNotEmitted(app.history_folder_switched):
        app.set_up_configured_folder()  # once


def test_an_open_history_view_shows_the_new_folders_history(qtbot, tmp_path):
    folder = tmp_path / "Sync"
    folder.mkdir()
    Journal(folder / "history-laptop-0badcafe.jsonl").append(session("2026-11-29"))
    app = open_app(qtbot, tmp_path)
    app.window.tabs.setCurrentIndex(1)  # History
    qtbot.waitUntil(lambda: app.window.history_page.content is not None)
    view = app.window.history_page.content
    assert view.summary.text().startswith("0 sessions")
    app.set_sync_folder(folder)
    assert view.summary.text().startswith("1 session in all")
